#!/bin/bash
# Installs dist/tabel_VERSION_amd64.deb on a clean Debian 12 (a minbase tree from debootstrap,
# cached in $DEB_TEST_CACHE), checks what the package put there, then boots the tree with
# systemd-nspawn and opens /healthz through tabel.socket, moved to a loopback test port.
# Where systemd cannot boot in a container here, it says so and runs the unit's command instead.
# Needs root, debootstrap, systemd-container and Debian's mirror; takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
DEB=${1:-$(ls -t dist/tabel_*_amd64.deb | head -1)}
CACHE=${DEB_TEST_CACHE:-/var/cache/tabel-deb-test}
PORT=${DEB_TEST_PORT:-18080}
TLS_PORT=${DEB_TEST_TLS_PORT:-18443}
MIRROR=${DEB_TEST_MIRROR:-http://deb.debian.org/debian}
say() { printf '== %s\n' "$*"; }
fail() { printf 'НЕ ПРОЙДЕН: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "нужен root (debootstrap, systemd-nspawn)"
[ -f "$DEB" ] || fail "нет пакета $DEB: сначала make deb"

if [ ! -x "$CACHE/base/bin/sh" ]; then
	say "debootstrap bookworm (minbase) в $CACHE/base"
	mkdir -p "$CACHE"
	rm -rf "$CACHE/base.tmp"
	debootstrap --variant=minbase bookworm "$CACHE/base.tmp" "$MIRROR" >"$CACHE/debootstrap.log"
	mv "$CACHE/base.tmp" "$CACHE/base"
fi

ROOT=$(mktemp -d /var/tmp/tabel-deb-test.XXXXXX)
BOOT_PID=
cleanup() {
	if [ -n "$BOOT_PID" ] && kill -0 "$BOOT_PID" 2>/dev/null; then
		kill -TERM "$BOOT_PID" 2>/dev/null || true
		for _ in $(seq 1 30); do kill -0 "$BOOT_PID" 2>/dev/null || break; sleep 1; done
		kill -KILL "$BOOT_PID" 2>/dev/null || true
	fi
	rm -rf "$ROOT"
}
trap cleanup EXIT
cp -a "$CACHE/base/." "$ROOT/"
cp "$DEB" "$ROOT/opt/tabel.deb"
run() { systemd-nspawn -q --register=no --keep-unit -D "$ROOT" "$@"; }

say "apt-get install ./$(basename "$DEB") в чистом Debian 12"
run sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends /opt/tabel.deb' \
	>"$ROOT.install.log" 2>&1 || { cat "$ROOT.install.log"; fail "пакет не установился"; }
rm -f "$ROOT.install.log"

say "что поставил пакет"
[ -L "$ROOT/etc/systemd/system/sockets.target.wants/tabel.socket" ] || fail "tabel.socket не включён"
[ -L "$ROOT/etc/systemd/system/timers.target.wants/tabel-backup-weekly.timer" ] || fail "таймер резервных копий не включён"
[ ! -e "$ROOT/etc/systemd/system/sockets.target.wants/tabel-https.socket" ] || fail "HTTPS включён без сертификата"
run dpkg-query -W -f='${Conffiles}\n' tabel | grep -q '/etc/tabel/tabel.conf' || fail "tabel.conf не conffile"
grep -q '^tabel-kiosk:' "$ROOT/etc/passwd" || fail "нет пользователя tabel-kiosk (sysusers)"
[ -d "$ROOT/media/TABEL-1" ] || fail "нет /media/TABEL-1 (tmpfiles)"
run /usr/bin/tabel --version

# The package's socket on a loopback test port, as a school would move it: a drop-in.
mkdir -p "$ROOT/etc/systemd/system/tabel.socket.d"
printf '[Socket]\nListenStream=\nListenStream=127.0.0.1:%s\n' "$PORT" >"$ROOT/etc/systemd/system/tabel.socket.d/test-port.conf"
# Only what the test needs comes up.
ln -sf /dev/null "$ROOT/etc/systemd/system/systemd-networkd.service"
echo tabel-deb-test >"$ROOT/etc/hostname"

healthz() {
	for _ in $(seq 1 "$1"); do
		if curl -fsS --max-time 2 "http://127.0.0.1:$PORT/healthz" >"$ROOT.healthz" 2>/dev/null; then return 0; fi
		sleep 1
	done
	return 1
}

say "загрузка дерева: systemd-nspawn --boot, tabel.socket на 127.0.0.1:$PORT"
systemd-nspawn -q --register=no --keep-unit -D "$ROOT" --boot >"$ROOT.boot.log" 2>&1 &
BOOT_PID=$!
if healthz 90; then
	say "/healthz через tabel.socket → tabel.service (DynamicUser, StateDirectory): $(cat "$ROOT.healthz")"
	[ -f "$ROOT/var/lib/private/tabel/tabel.sqlite" ] || fail "база не в /var/lib/tabel"
	say "база: /var/lib/tabel → /var/lib/private/tabel/tabel.sqlite"
	kill -TERM "$BOOT_PID"
	wait "$BOOT_PID" 2>/dev/null || true
	BOOT_PID=
	# HTTPS as the README tells a school: tabel setup tls as root (the database's place from
	# /etc/tabel/tabel.conf), then tabel-https.socket enabled — here on a loopback test port too.
	say "tabel setup tls и tabel-https.socket на 127.0.0.1:$TLS_PORT"
	run /usr/bin/tabel setup tls --name 127.0.0.1 | head -1
	owner=$(stat -c %u "$ROOT/var/lib/private/tabel")
	[ "$(stat -c %u:%a "$ROOT/var/lib/private/tabel/tls.key")" = "$owner:600" ] || fail "tls.key не 0600 у владельца каталога"
	mkdir -p "$ROOT/etc/systemd/system/tabel-https.socket.d"
	printf '[Socket]\nListenStream=\nListenStream=127.0.0.1:%s\n' "$TLS_PORT" >"$ROOT/etc/systemd/system/tabel-https.socket.d/test-port.conf"
	ln -sf /lib/systemd/system/tabel-https.socket "$ROOT/etc/systemd/system/sockets.target.wants/tabel-https.socket"
	systemd-nspawn -q --register=no --keep-unit -D "$ROOT" --boot >"$ROOT.boot.log" 2>&1 &
	BOOT_PID=$!
	healthz 90 || { tail -20 "$ROOT.boot.log"; fail "/healthz по HTTP не ответил при включённом HTTPS"; }
	curl -fsSk --max-time 5 "https://127.0.0.1:$TLS_PORT/healthz" >/dev/null || fail "/healthz по HTTPS не ответил"
	location=$(curl -sS -o /dev/null -w '%{redirect_url}' "http://127.0.0.1:$PORT/login")
	[ "$location" = "https://127.0.0.1:$TLS_PORT/login" ] || fail "HTTP не перенаправляет на HTTPS (Location: $location)"
	cookie=$(curl -sSk -D - -o /dev/null "https://127.0.0.1:$TLS_PORT/login" | tr -d '\r' | grep -i '^set-cookie:' || true)
	case "$cookie" in *"__Host-tabel_csrf="*"; Secure"*) ;; *) fail "cookie по HTTPS без __Host- и Secure: $cookie" ;; esac
	say "HTTPS через tabel-https.socket: /healthz, HTTP → 307 $location, $cookie"
	MODE=booted
else
	say "systemd не загрузился в контейнере здесь (журнал ниже); запускаю команду юнита напрямую"
	tail -20 "$ROOT.boot.log" || true
	kill -TERM "$BOOT_PID" 2>/dev/null || true
	wait "$BOOT_PID" 2>/dev/null || true
	BOOT_PID=
	systemd-nspawn -q --register=no --keep-unit -D "$ROOT" --setenv=STATE_DIRECTORY=/var/lib/tabel \
		/usr/bin/tabel serve --listen "127.0.0.1:$PORT" >"$ROOT.boot.log" 2>&1 &
	BOOT_PID=$!
	healthz 30 || { cat "$ROOT.boot.log"; fail "/healthz не ответил"; }
	say "/healthz от tabel serve из пакета: $(cat "$ROOT.healthz")"
	MODE=command
fi
rm -f "$ROOT.healthz" "$ROOT.boot.log"
echo "deb-test: пройден ($MODE)"
