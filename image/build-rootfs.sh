#!/usr/bin/env bash
# Builds a Debian root file system with Hearth installed and a board chosen,
# as a tarball to put on an SD card's root partition (see image/README.md).
#
#   sudo image/build-rootfs.sh --board rpi4-2mic-hat [--deb dist/hearth_*.deb]
#        [--arch arm64] [--suite bookworm] [--mirror URL] [--out dist]
#
# Another architecture than this machine's (arm64 from a PC) needs
# qemu-user-static and binfmt-support; debootstrap then runs in two stages.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
board=""
deb=""
arch=$(dpkg --print-architecture)
suite=bookworm
mirror=http://deb.debian.org/debian
out=$ROOT/dist
hostname=hearth

while [ $# -gt 0 ]; do
    case "$1" in
        --board) board=$2; shift 2 ;;
        --deb) deb=$2; shift 2 ;;
        --arch) arch=$2; shift 2 ;;
        --suite) suite=$2; shift 2 ;;
        --mirror) mirror=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --hostname) hostname=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
[ -n "$board" ] || { echo "--board NAME is required (one of: $(cd "$ROOT/board" && ls *.yml | sed 's/\.yml$//' | tr '\n' ' '))" >&2; exit 2; }
[ -f "$ROOT/board/$board.yml" ] || { echo "no board profile board/$board.yml" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "run as root: debootstrap and chroot need it" >&2; exit 2; }
command -v debootstrap > /dev/null || { echo "install debootstrap first (apt-get install debootstrap)" >&2; exit 2; }
if [ -z "$deb" ]; then
    deb=$(ls "$ROOT"/dist/hearth_*_"$arch".deb 2> /dev/null | tail -1 || true)
    [ -n "$deb" ] || { echo "no dist/hearth_*_$arch.deb: run make deb on an $arch machine, or pass --deb" >&2; exit 2; }
fi

rootfs=$(mktemp -d)/rootfs
cleanup() {
    for mount in proc sys dev/pts dev; do umount "$rootfs/$mount" 2> /dev/null || true; done
    rm -rf "$(dirname "$rootfs")"
}
trap cleanup EXIT

echo "== debootstrap $suite $arch"
packages=systemd-sysv,udev,ifupdown,isc-dhcp-client,openssh-server,alsa-utils,gpiod,ca-certificates,locales
components=main
# A Raspberry Pi boots Debian's arm64 kernel through the Pi's firmware, which
# the raspi-firmware package copies to /boot/firmware (the SD card's FAT
# partition, see image/README.md).
if [[ "$board" == rpi* ]]; then
    packages=$packages,linux-image-arm64,raspi-firmware,firmware-brcm80211,wpasupplicant
    components=main,non-free-firmware
fi
if [ "$arch" = "$(dpkg --print-architecture)" ]; then
    debootstrap --variant=minbase --components="$components" --include="$packages" "$suite" "$rootfs" "$mirror"
else
    debootstrap --variant=minbase --components="$components" --foreign --arch="$arch" --include="$packages" "$suite" "$rootfs" "$mirror"
    chroot "$rootfs" /debootstrap/debootstrap --second-stage
fi

mount -t proc proc "$rootfs/proc"
mount -t sysfs sys "$rootfs/sys"
mount --bind /dev "$rootfs/dev"
mount --bind /dev/pts "$rootfs/dev/pts"

echo "== Hearth with board $board"
cp "$deb" "$rootfs/tmp/hearth.deb"
# No service starts inside the chroot; the package enables hearth.service
# for the first boot. The password it prints is kept for whoever flashes.
chroot "$rootfs" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends /tmp/hearth.deb |
    tee "$rootfs/tmp/hearth-install.log"
rm "$rootfs/tmp/hearth.deb"
sed -i "s/^# board: .*/board: $board/" "$rootfs/etc/hearth/settings.yml"
chroot "$rootfs" hearth check --brain /etc/hearth/brain.yml --settings /etc/hearth/settings.yml

if [[ "$board" == rpi* ]]; then
    # The kernel finds its root file system by label (see image/README.md).
    mkdir -p "$rootfs/boot/firmware"
    echo 'console=tty1 root=LABEL=RASPIROOT rw rootwait fsck.repair=yes net.ifnames=0' > "$rootfs/boot/firmware/cmdline.txt"
fi
echo "$hostname" > "$rootfs/etc/hostname"
printf 'auto lo\niface lo inet loopback\n\nallow-hotplug eth0\niface eth0 inet dhcp\n' > "$rootfs/etc/network/interfaces"
chroot "$rootfs" apt-get clean

mkdir -p "$out"
tarball=$out/hearth-rootfs_${suite}_${arch}_${board}.tar.gz
grep '^Hearth.s REST API' "$rootfs/tmp/hearth-install.log" > "$out/hearth-rootfs_${board}.password" || true
chmod 0600 "$out/hearth-rootfs_${board}.password"
rm "$rootfs/tmp/hearth-install.log"
for mount in dev/pts dev sys proc; do umount "$rootfs/$mount"; done
tar --numeric-owner -C "$rootfs" -czf "$tarball" .
echo "== wrote $tarball ($(du -h "$tarball" | cut -f1)); the API password is in $out/hearth-rootfs_${board}.password"
