#!/bin/bash
# Boots the appliance image under qemu (software emulation; IMAGE_TEST_ACCEL=kvm for KVM),
# forwards a loopback port to the box's port 80 and waits for /healthz.
# An image with an EFI partition boots through OVMF and systemd-boot, as a school's PC would. An
# image built without one (images/build.sh, on a kernel without vfat) boots its own kernel and
# initramfs from /boot with qemu's -kernel/-initrd: the same root file system, units and package,
# but not the UEFI path.
set -euo pipefail
cd "$(dirname "$0")"
NAME=${1:-tabel.raw}
IMAGE=$(find mkosi.output -name "$NAME" -type f 2>/dev/null | head -1)
PORT=${IMAGE_TEST_PORT:-18090}
TIMEOUT=${IMAGE_TEST_TIMEOUT:-900}
OVMF=${OVMF:-/usr/share/ovmf/OVMF.fd}
[ -n "$IMAGE" ] || { echo "нет образа $NAME в images/mkosi.output: сначала make image" >&2; exit 1; }
# Software emulation by default: it boots the image in well under a minute, and a nested KVM can
# hang or abort (on the development machine /dev/kvm exists, but qemu stalls with the default CPU
# and aborts with -cpu host). IMAGE_TEST_ACCEL=kvm where KVM works.
ACCEL=${IMAGE_TEST_ACCEL:-tcg}
WORK=$(mktemp -d /var/tmp/tabel-image-test.XXXXXX)
QEMU=
LOOP=
cleanup() {
	if [ -n "$QEMU" ]; then kill "$QEMU" 2>/dev/null || true; wait "$QEMU" 2>/dev/null || true; fi
	if mountpoint -q "$WORK/root" 2>/dev/null; then umount "$WORK/root"; fi
	if [ -n "$LOOP" ]; then losetup -d "$LOOP" 2>/dev/null || true; fi
	rm -rf "$WORK"
}
trap cleanup EXIT
cp --sparse=always "$IMAGE" "$WORK/disk.raw"   # the boot writes to the disk: the built image stays as built
LOG="$WORK/serial.log"
if sfdisk -d "$WORK/disk.raw" | grep -qi "C12A7328-F81F-11D2-BA4B-00A0C93EC93B"; then
	[ -f "$OVMF" ] || { echo "нет $OVMF: apt-get install ovmf" >&2; exit 1; }
	HOW="UEFI (OVMF, systemd-boot)"
	BOOT=(-bios "$OVMF")
else
	# The root partition's /boot: Debian's kernel and the initramfs initramfs-tools made.
	# The first partition by its offset (no udev here to make loopNp1 nodes).
	start=$(sfdisk -d "$WORK/disk.raw" | awk -F'[=,]' '/^.*start=/ { gsub(/ /, "", $2); print $2; exit }')
	LOOP=$(losetup -f --show -r -o $((start * 512)) "$WORK/disk.raw")
	mkdir "$WORK/root"
	mount -o ro "$LOOP" "$WORK/root"
	cp "$(ls "$WORK"/root/boot/vmlinuz-* | tail -1)" "$WORK/vmlinuz"
	cp "$(ls "$WORK"/root/boot/initrd.img-* | tail -1)" "$WORK/initrd"
	umount "$WORK/root"
	losetup -d "$LOOP"
	LOOP=
	HOW="ядро образа через -kernel/-initrd (образ без раздела EFI)"
	BOOT=(-kernel "$WORK/vmlinuz" -initrd "$WORK/initrd" -append "root=/dev/vda1 rw console=ttyS0")
fi
CPU=max
[ "$ACCEL" = kvm ] && CPU=qemu64
qemu-system-x86_64 -machine q35,accel=$ACCEL -cpu $CPU -m 1536 -smp 2 "${BOOT[@]}" \
	-drive if=virtio,format=raw,file="$WORK/disk.raw" \
	-nic user,model=virtio-net-pci,hostfwd=tcp:127.0.0.1:$PORT-:80 \
	-display none -serial file:"$LOG" -monitor none &
QEMU=$!
echo "== qemu ($ACCEL), $HOW; 127.0.0.1:$PORT → порт 80 образа; жду /healthz до $TIMEOUT с"
START=$(date +%s)
while true; do
	if body=$(curl -fsS --max-time 3 "http://127.0.0.1:$PORT/healthz" 2>/dev/null); then
		echo "== /healthz через $(( $(date +%s) - START )) с: $body"
		grep -E "tabel|Tabel|avahi" "$LOG" | tail -5 || true
		echo "image-test: пройден ($ACCEL; $HOW)"
		exit 0
	fi
	kill -0 "$QEMU" 2>/dev/null || { tail -40 "$LOG"; echo "image-test: qemu завершился" >&2; exit 1; }
	if [ $(( $(date +%s) - START )) -ge "$TIMEOUT" ]; then
		tail -40 "$LOG"
		echo "image-test: /healthz не ответил за $TIMEOUT с" >&2
		exit 1
	fi
	sleep 5
done
