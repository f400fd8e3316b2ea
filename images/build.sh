#!/bin/bash
# Builds the appliance image with mkosi 14 (run by `make image`, as root, from the repository root
# after `make deb`). PROFILE=kiosk adds the kiosk screen.
#
# The UEFI-bootable image needs the build machine's kernel to mount the FAT EFI partition (vfat).
# Where it cannot (a VM kernel without vfat, as on the machine Tabel is developed on), the same
# configuration is built without the EFI partition, with Debian's kernel and an initramfs in
# /boot instead: `make image-test` then boots that root file system under qemu with its own
# kernel (-kernel/-initrd) rather than through OVMF and systemd-boot. It says which it built.
set -euo pipefail
cd "$(dirname "$0")"
deb=$(ls -t ../dist/tabel_*_amd64.deb | head -1)
mkdir -p mkosi.skeleton/opt
cp "$deb" mkosi.skeleton/opt/tabel.deb
args=(--force)
# The package's dependencies go in with the distribution's packages (mkosi's apt, on the host);
# mkosi.postinst then installs the package itself with dpkg, with no download inside the image.
for dep in $(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/([^)]*)//; s/ //g'); do
	args+=(--package="$dep")
done
output=tabel.raw
if [ "${PROFILE:-}" = kiosk ]; then
	args+=(--package=cage --package=chromium --package=fonts-dejavu-core --environment=TABEL_PROFILE=kiosk)
	output=tabel-kiosk.raw
fi
args+=(--output="$output")
if ! grep -qw vfat /proc/filesystems; then
	echo "== ядро этой машины не монтирует vfat: собираю образ без раздела EFI (ядро и initramfs в /boot) — см. README" >&2
	args+=(--bootable=no --package=linux-image-amd64 --package=initramfs-tools)
fi
# Without systemd as PID 1 here (a container or a VM's own init), nspawn cannot register a scope.
if [ ! -d /run/systemd/system ]; then args+=(--nspawn-keep-unit); fi
mkosi "${args[@]}" build
echo "images/mkosi.output/$output"
