# Hearth: `make run` and `make test` install what is missing, build, and go.

SWIFT        ?= swift
SWIFT_FLAGS  ?=
STATE_DIR    ?= $(CURDIR)/state
HEARTH        = .build/debug/hearth

# Debian packages Hearth builds against, and the tools its tests use.
DEBIAN_PACKAGES = \
	pkg-config libasound2-dev libasound2-plugins alsa-utils libgpiod-dev \
	libsqlite3-dev libsystemd-dev libmpg123-dev \
	libpocketsphinx-dev pocketsphinx-en-us libespeak-ng-dev libsonic-dev espeak-ng \
	flite sox lame valgrind python3 curl wrk \
	chromium fonts-dejavu-core \
	dpkg-dev binutils patchelf lintian systemd man-db

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build run test bench fuzz deb deb-check clean

all: build

# Installs only what is missing; `apt-get update` runs once, and only then.
deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		$(SUDO) apt-get update && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi

build: deps
	$(SWIFT) build $(SWIFT_FLAGS)

run: build
	mkdir -p $(STATE_DIR)
	$(HEARTH) run --state-dir $(STATE_DIR)

# The C-level checks (ThreadSanitizer) and the dashboard in a browser run
# first, then every Swift test, then the Debian package is built, installed,
# checked and removed (scripts/check-deb.sh; its release build is the long part).
test: deps
	@for script in scripts/test-*.sh; do echo "== $$script"; bash $$script || exit 1; done
	$(SWIFT) build --build-tests $(SWIFT_FLAGS)
	$(SWIFT) test --skip-build $(SWIFT_FLAGS)
	bash scripts/check-deb.sh

bench: deps
	@for script in scripts/bench-*.sh; do echo "== $$script"; bash $$script || exit 1; done

fuzz: deps
	bash scripts/fuzz.sh

# The Debian package for this machine's architecture, in dist/.
deb: deps
	bash image/build-deb.sh

# Builds the package and checks it as a user meets it (lintian, install,
# hearth check, remove, purge; sizes printed). Needs root; mostly a release build.
deb-check: deps
	bash scripts/check-deb.sh

clean:
	rm -rf .build Benchmarks/.build dist
