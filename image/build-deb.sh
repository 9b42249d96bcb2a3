#!/usr/bin/env bash
# Builds hearth_VERSION_ARCH.deb for this machine's architecture (amd64 on a
# PC, arm64 on a Pi): a release build with the Swift runtime linked in, the
# configuration, the systemd unit, the board profiles and the dashboard.
#
#   image/build-deb.sh            # writes dist/hearth_<version>_<arch>.deb
#   OUT_DIR=/tmp image/build-deb.sh
#   HEARTH_BINARY=path/to/hearth image/build-deb.sh   # package a binary built before
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT_DIR=${OUT_DIR:-$ROOT/dist}
# The web dashboard's files, shipped when the folder exists.
DASHBOARD_DIR=${DASHBOARD_DIR:-$ROOT/Sources/HearthServer/Dashboard}
SWIFT=${SWIFT:-swift}
MAINTAINER=${MAINTAINER:-"Hearth developers <hearth@example.org>"}

started=$(date +%s)
cd "$ROOT"

# HEARTH_BINARY: a hearth built elsewhere as image/release-build.sh builds it
# (skips the build).
if [ -n "${HEARTH_BINARY:-}" ]; then
    binary=$HEARTH_BINARY
else
    echo "== release build"
    binary=$(SWIFT=$SWIFT image/release-build.sh)
fi
echo "== release binary $binary"

version=$("$binary" --version)
arch=$(dpkg --print-architecture)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stage=$work/hearth_${version}_$arch

echo "== staging hearth $version for $arch"
install -D -m 0755 "$binary" "$stage/usr/bin/hearth"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$stage/usr/bin/hearth"
# The toolchain's own library folder means nothing on the device.
if readelf -d "$stage/usr/bin/hearth" | grep -qE 'RUNPATH|RPATH'; then patchelf --remove-rpath "$stage/usr/bin/hearth"; fi

install -d -m 0755 "$stage/etc/hearth"
"$binary" brain export --state-dir "$work/no-state" --output "$stage/etc/hearth/brain.yml" 2> /dev/null
install -m 0644 image/settings.yml "$stage/etc/hearth/settings.yml"

install -D -m 0644 systemd/hearth.service "$stage/lib/systemd/system/hearth.service"
install -D -m 0644 systemd/hearth.sysusers "$stage/usr/lib/sysusers.d/hearth.conf"
install -D -m 0644 systemd/hearth.tmpfiles "$stage/usr/lib/tmpfiles.d/hearth.conf"
install -D -m 0644 systemd/60-hearth-gpio.rules "$stage/lib/udev/rules.d/60-hearth-gpio.rules"

install -d -m 0755 "$stage/usr/share/hearth/board"
install -m 0644 board/*.yml "$stage/usr/share/hearth/board/"
# The Wyoming satellite's avahi announcement; the user links it into
# /etc/avahi/services/ when enabling the satellite (it is off by default).
install -D -m 0644 systemd/avahi/hearth-wyoming.service "$stage/usr/share/hearth/avahi/hearth-wyoming.service"
if [ -d "$DASHBOARD_DIR" ]; then
    install -d -m 0755 "$stage/usr/share/hearth/dashboard"
    cp -R "$DASHBOARD_DIR/." "$stage/usr/share/hearth/dashboard/"
    find "$stage/usr/share/hearth/dashboard" -type d -exec chmod 0755 {} + -o -type f -exec chmod 0644 {} +
fi

install -d -m 0755 "$stage/usr/share/man/man1" "$stage/usr/share/doc/hearth"
bash image/man.sh "$binary" | gzip -9n > "$stage/usr/share/man/man1/hearth.1.gz"
install -m 0644 image/copyright "$stage/usr/share/doc/hearth/copyright"
install -D -m 0644 image/debian/lintian-overrides "$stage/usr/share/lintian/overrides/hearth"
{
    echo "hearth ($version) unstable; urgency=medium"
    echo
    echo "  * Hearth $version."
    echo
    echo " -- $MAINTAINER  $(date -R -d "@$(git log -1 --format=%ct 2> /dev/null || date +%s)")"
} | gzip -9n > "$stage/usr/share/doc/hearth/changelog.gz"
chmod 0644 "$stage/usr/share/doc/hearth/changelog.gz" "$stage/usr/share/man/man1/hearth.1.gz"

echo "== control"
# The shared libraries the binary links, as Debian package dependencies.
mkdir -p "$work/shlibs/debian"
touch "$work/shlibs/debian/control"
libraries=$(cd "$work/shlibs" && dpkg-shlibdeps -O -e "$stage/usr/bin/hearth" | sed -n 's/^shlibs:Depends=//p')
# Beyond libraries: the speech models and espeak-ng's voices (both engines
# are linked in, so their data is not pulled in by a library), the tools the
# maintainer scripts use.
depends="$libraries, pocketsphinx-en-us, espeak-ng-data, systemd"
installed_size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)

install -d -m 0755 "$stage/DEBIAN"
cat > "$stage/DEBIAN/control" << CONTROL
Package: hearth
Version: $version
Architecture: $arch
Maintainer: $MAINTAINER
Installed-Size: $installed_size
Depends: $depends
Section: sound
Priority: optional
Description: offline voice assistant for a small Linux board
 Hearth listens for a wake word, recognises orders offline, runs the
 synapses of a Kalliope-format brain and answers with speech. It serves
 Kalliope's REST API, drives a board's button and status LED over GPIO and
 runs as a hardened systemd service.
CONTROL
printf '%s\n' /etc/hearth/settings.yml /etc/hearth/brain.yml > "$stage/DEBIAN/conffiles"
install -m 0755 image/debian/postinst image/debian/prerm image/debian/postrm "$stage/DEBIAN/"
(cd "$stage" && find . -path ./DEBIAN -prune -o -path ./etc -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) > "$stage/DEBIAN/md5sums"
chmod 0644 "$stage/DEBIAN/control" "$stage/DEBIAN/conffiles" "$stage/DEBIAN/md5sums"

mkdir -p "$OUT_DIR"
package=$OUT_DIR/hearth_${version}_$arch.deb
dpkg-deb --root-owner-group -Zxz --build "$stage" "$package" > /dev/null
echo "== built $package"
echo "Depends: $depends"
echo "package size: $(du -k "$package" | cut -f1) KiB; installed size: $installed_size KiB"
echo "deb build time: $(( $(date +%s) - started )) s"
