#!/bin/bash
# Boots images/mkosi.output/tabel.raw under qemu (UEFI through OVMF; KVM when /dev/kvm is usable,
# else software emulation), forwards a loopback port to the box's port 80 and waits for /healthz.
set -euo pipefail
cd "$(dirname "$0")"
IMAGE=${1:-mkosi.output/tabel.raw}
PORT=${IMAGE_TEST_PORT:-18090}
TIMEOUT=${IMAGE_TEST_TIMEOUT:-900}
OVMF=${OVMF:-/usr/share/ovmf/OVMF.fd}
[ -f "$IMAGE" ] || { echo "нет образа $IMAGE: сначала make image" >&2; exit 1; }
[ -f "$OVMF" ] || { echo "нет $OVMF: apt-get install ovmf" >&2; exit 1; }
ACCEL=tcg
if [ -w /dev/kvm ]; then ACCEL=kvm; fi
WORK=$(mktemp -d /var/tmp/tabel-image-test.XXXXXX)
cp --sparse=always "$IMAGE" "$WORK/disk.raw"   # the boot writes to the disk: keep the built image clean
LOG="$WORK/serial.log"
qemu-system-x86_64 -machine q35,accel=$ACCEL -m 1536 -smp 2 -bios "$OVMF" \
	-drive if=virtio,format=raw,file="$WORK/disk.raw" \
	-nic user,model=virtio-net-pci,hostfwd=tcp:127.0.0.1:$PORT-:80 \
	-display none -serial file:"$LOG" -monitor none &
QEMU=$!
cleanup() { kill "$QEMU" 2>/dev/null || true; wait "$QEMU" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
echo "== qemu ($ACCEL), порт 127.0.0.1:$PORT → :80 образа; жду /healthz до $TIMEOUT с"
START=$(date +%s)
while true; do
	if body=$(curl -fsS --max-time 3 "http://127.0.0.1:$PORT/healthz" 2>/dev/null); then
		echo "== /healthz через $(( $(date +%s) - START )) с: $body"
		echo "image-test: пройден ($ACCEL)"
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
