#!/usr/bin/env bash
# Builds the Debian package and checks it as a user would meet it: lintian
# finds no error, the unit's exposure is 2.0 or lower, `apt-get install`
# sets up the user, groups and API password, the installed configuration
# passes `hearth check`, and remove and purge leave nothing behind.
# Needs root (apt-get); the release build is most of its time.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# The check installs Hearth and purges it, which deletes /etc/hearth and
# /var/lib/hearth: it never does that to a Hearth someone installed. A
# package the check itself left (an interrupted run) carries this marker.
marker=/var/tmp/hearth-check-deb.installed
if dpkg-query -W -f='${Status}' hearth 2> /dev/null | grep -q "install ok installed" && [ ! -e "$marker" ] &&
    [ "${HEARTH_CHECK_DEB_REPLACE:-}" != 1 ]; then
    echo "check-deb: Hearth is installed on this machine; checking the package would purge it and its"
    echo "configuration and state (/etc/hearth, /var/lib/hearth). Remove it first, or set"
    echo "HEARTH_CHECK_DEB_REPLACE=1 to let the check replace it."
    exit 1
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
chmod 0755 "$out"

echo "== build"
OUT_DIR=$out bash image/build-deb.sh | tee "$out/build.log"
package=$(ls "$out"/hearth_*.deb)

echo "== layout"
# The release link puts the functions a serving daemon runs first
# (Sources/hearth/hot-functions.order), and exports none of Hearth's symbols
# (Package.swift): both keep what the daemon holds resident small.
binary=$(sed -n 's/^== release binary //p' "$out/build.log")
if [ -n "$binary" ]; then
    # Listed functions the binary has, and how many of them lie in the
    # first half of its code (about half of them when not laid out).
    nm -n --defined-only "$binary" | awk '$2 ~ /^[tTwW]$/ { print $3 }' > "$out/functions"
    read -r hot early < <(awk -v half=$(($(wc -l < "$out/functions") / 2)) '
        NR == FNR { listed[$0] = 1; next }
        $0 in listed { hot++; if (FNR <= half) early++ }
        END { print hot + 0, early + 0 }' Sources/hearth/hot-functions.order "$out/functions")
    if [ "$hot" -gt 0 ] && [ $((early * 100 / hot)) -ge 95 ]; then
        pass "layout: $early of the $hot hot functions come first"
    else
        fail "layout: $early of the $hot functions of Sources/hearth/hot-functions.order come first"
    fi
    # Swift's helpers without a symbol, gathered by Sources/hearth/nameless.ld
    # (empty when the objects were not compiled a section per function).
    nameless=$(readelf -SW "$binary" | sed -n 's/.* \.text\.nameless  *PROGBITS  *[0-9a-f]*  *[0-9a-f]*  *\([0-9a-f]*\) .*/\1/p')
    nameless=$((16#${nameless:-0}))
    if [ "$nameless" -gt 65536 ]; then
        pass "layout: $((nameless / 1024)) KB of helpers without a symbol sit together"
    else
        fail "layout: helpers without a symbol are not gathered (.text.nameless: $nameless bytes; image/release-build.sh, nameless.ld)"
    fi
fi
dpkg-deb -x "$package" "$out/unpacked"
exported=$(readelf --dyn-syms -W "$out/unpacked/usr/bin/hearth" | awk '$1 ~ /^[0-9]+:$/ && $7 != "UND" && $7 != "ABS" && $8 != ""' | wc -l)
[ "$exported" -lt 100 ] && pass "exports $exported dynamic symbols" || fail "exports $exported dynamic symbols (Package.swift: --no-export-dynamic)"

echo "== lintian"
# Errors fail the test; warnings and notes are printed for people to read.
if lintian --fail-on error --no-tag-display-limit "$package" > "$out/lintian.log" 2>&1; then
    pass "lintian: no errors ($(grep -c '^[WIN]:' "$out/lintian.log" || true) warnings and notes)"
else
    fail "lintian found errors"
fi
cat "$out/lintian.log"

echo "== systemd unit"
score=$(systemd-analyze security --offline=true systemd/hearth.service 2>&1 | sed -n 's/.*Overall exposure level for hearth.service: \([0-9.]*\).*/\1/p')
if [ -n "$score" ] && awk "BEGIN { exit !($score <= 2.0) }"; then
    pass "systemd-analyze security: exposure $score"
else
    fail "systemd-analyze security: exposure '${score}' is above 2.0"
fi

echo "== install"
# A hearth left by an interrupted check (or one the user let go) goes first.
if dpkg-query -W -f='${Status}' hearth 2> /dev/null | grep -q installed; then
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get purge -y hearth > /dev/null
fi
$SUDO touch "$marker"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "$package" 2>&1 | tee "$out/install.log"
# apt runs the maintainer scripts on a terminal of its own: lines end in CR LF.
shown=$(tr -d '\r' < "$out/install.log" | sed -n 's/^Hearth.s REST API: login admin, password \([A-Za-z0-9]*\)$/\1/p')
[ -x /usr/bin/hearth ] && pass "installed /usr/bin/hearth" || fail "no /usr/bin/hearth"

if systemd-analyze verify /lib/systemd/system/hearth.service > "$out/verify.log" 2>&1; then
    pass "systemd-analyze verify"
else
    fail "systemd-analyze verify: $(cat "$out/verify.log")"
fi

id hearth > /dev/null 2>&1 && pass "user hearth exists" || fail "no user hearth"
groups=$(id -nG hearth 2> /dev/null || true)
for group in audio gpio; do
    [[ " $groups " == *" $group "* ]] && pass "hearth is in group $group" || fail "hearth is not in group $group ($groups)"
done

password_file=/etc/hearth/api-password
if [ -f "$password_file" ]; then
    stored=$($SUDO cat "$password_file")
    [ "${#stored}" -ge 16 ] && pass "password generated (${#stored} characters)" || fail "password too short"
    [ "$shown" = "$stored" ] && pass "password shown once at install" || fail "the password shown at install is not the stored one"
    mode=$(stat -c '%a %U:%G' "$password_file")
    [ "$mode" = "640 root:hearth" ] && pass "password file $mode, not world-readable" || fail "password file is $mode"
else
    fail "no $password_file"
fi
grep -q 'password_protected: true' /etc/hearth/settings.yml && pass "settings: password_protected true" ||
    fail "settings are not password protected"
if grep -rq -- "${stored:-no-password}" /etc/hearth/settings.yml /etc/hearth/brain.yml /var/lib/dpkg/info/hearth.* 2> /dev/null; then
    fail "the password is stored outside $password_file"
fi

echo "== hearth check on the installed configuration"
if /usr/bin/hearth check --brain /etc/hearth/brain.yml --settings /etc/hearth/settings.yml; then
    pass "hearth check (root)"
else
    fail "hearth check"
fi
if $SUDO runuser -u hearth -- /usr/bin/hearth check --brain /etc/hearth/brain.yml --settings /etc/hearth/settings.yml > /dev/null; then
    pass "hearth check as the hearth user (it can read the password)"
else
    fail "the hearth user cannot load the installed configuration"
fi
[ -f /usr/share/hearth/board/rpi4-2mic-hat.yml ] && pass "board profiles installed" || fail "no board profiles"
man -w hearth > /dev/null 2>&1 && pass "man page hearth(1)" || fail "no man page"

package_kib=$(du -k "$package" | cut -f1)
installed_kib=$(dpkg-query -W -f='${Installed-Size}' hearth)

echo "== remove and purge"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y hearth > /dev/null
[ ! -e /usr/bin/hearth ] && pass "remove: binary gone" || fail "remove left /usr/bin/hearth"
[ -e "$password_file" ] && pass "remove: configuration kept" || fail "remove deleted the configuration"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get purge -y hearth > /dev/null
for path in /etc/hearth /var/lib/hearth /var/cache/hearth /lib/systemd/system/hearth.service; do
    [ ! -e "$path" ] && pass "purge: $path gone" || fail "purge left $path"
done
dpkg-query -W -f='${Status}' hearth 2> /dev/null | grep -q installed && fail "hearth still installed"
$SUDO rm -f "$marker"

echo "package size: $package_kib KiB; installed size: $installed_kib KiB; unit exposure: $score"
grep '^deb build time' "$out/build.log" || true
if [ "$failures" -gt 0 ]; then
    echo "check-deb: $failures check(s) failed"
    exit 1
fi
echo "check-deb: passed"
