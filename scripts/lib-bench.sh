# Helpers shared by the daemon benchmarks (sourced, not run).

# Prints the hearth binary to measure: $HEARTH when set, otherwise a release
# build made as the Debian package's is (image/release-build.sh), so the
# figures are those of what ships.
release_hearth() {
  if [ -n "${HEARTH:-}" ]; then
    echo "$HEARTH"
    return
  fi
  echo "Building hearth (release, as the package ships it)" >&2
  image/release-build.sh
}

# Scratch space for a run: makes $work (mktemp -d with the given arguments)
# and, at exit, stops the daemon whose id is in $daemon, runs the script's
# own cleanup_more when it defines one, and removes $work.
bench_scratch() {
  work=$(mktemp -d "$@")
  daemon=""
  trap bench_cleanup EXIT
}

bench_cleanup() {
  if [ -n "$daemon" ]; then
    kill "$daemon" 2>/dev/null || true
    wait "$daemon" 2>/dev/null || true
  fi
  if declare -F cleanup_more > /dev/null; then cleanup_more; fi
  rm -rf "$work"
}

# A TCP port on 127.0.0.1 that nothing listens on.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Empties the page cache when allowed (root), so a daemon starts as after a
# boot. Which pages of the binary the kernel maps around each fault depends
# on how the file got into the cache: a warm cache moves the resident figure
# by up to ~1 MB from run to run. Says which it was.
cold_page_cache() {
  if [ -w /proc/sys/vm/drop_caches ]; then
    sync
    echo 3 > /proc/sys/vm/drop_caches
    echo "  (page cache emptied first)"
  else
    echo "  (page cache as it was: not root)"
  fi
}

# Resident memory of a process, in MB with one decimal.
rss_mb() {
  awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"
}

# Summarises a `wrk --latency` output file (the bench's Lua script prints
# "non-NNN answers: N"): "requests rps p50 p99 failures", latencies as wrk
# prints them.
wrk_summary() {
  awk '
    / requests in / { requests = $1 }
    /^Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = $2 }
    $1 == "99%" { p99 = $2 }
    /^non-[0-9]+ answers:/ { failures = $3 }
    END { printf "%s %s %s %s %s\n", requests, rps, p50, p99, failures }
  ' "$1"
}

# Installs wrk when missing (Debian).
need_wrk() {
  command -v wrk > /dev/null && return
  echo "Installing wrk (Debian)" >&2
  local sudo
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends wrk >&2
}
