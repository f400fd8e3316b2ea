#!/bin/bash
# Builds dist/tabel_VERSION_amd64.deb with dpkg-deb from the release binary (make release).
# Depends: the Debian packages owning the shared libraries the binary links (ldd + dpkg -S).
set -euo pipefail
cd "$(dirname "$0")/.."
BINARY=${BINARY:-.build/release/tabel}
VERSION=$(sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/Appliance/App.swift)
ARCH=$(dpkg --print-architecture)
[ -x "$BINARY" ] || { echo "нет $BINARY: сначала make release" >&2; exit 1; }
ROOT=$(mktemp -d)
trap 'rm -rf "$ROOT"' EXIT
chmod 0755 "$ROOT"

install -D -m 0755 "$BINARY" "$ROOT/usr/bin/tabel"
strip --strip-unneeded "$ROOT/usr/bin/tabel"
for unit in tabel.service tabel.socket tabel-https.socket tabel-backup@.service \
            tabel-backup-weekly.timer tabel-backup-monthly.timer tabel-kiosk.service; do
	install -D -m 0644 "systemd/$unit" "$ROOT/lib/systemd/system/$unit"
done
install -D -m 0644 systemd/tabel-kiosk.sysusers.conf "$ROOT/usr/lib/sysusers.d/tabel-kiosk.conf"
install -D -m 0644 packaging/tabel.tmpfiles "$ROOT/usr/lib/tmpfiles.d/tabel.conf"
install -D -m 0644 packaging/tabel.conf "$ROOT/etc/tabel/tabel.conf"
install -D -m 0644 packaging/avahi/tabel.service "$ROOT/etc/avahi/services/tabel.service"
install -D -m 0644 packaging/avahi/tabel-https.service "$ROOT/usr/share/tabel/avahi/tabel-https.service"
install -D -m 0644 README.md "$ROOT/usr/share/doc/tabel/README.md"
printf 'Tabel, the school electronic journal.\n' > "$ROOT/usr/share/doc/tabel/copyright"

# The shared libraries the binary itself names (NEEDED) → the packages that own them; the Swift
# runtime is linked in statically. (libcurl3-gnutls, for e-mail to the school's relay, comes this way.)
NEEDED=$(objdump -p "$BINARY" | awk '$1 == "NEEDED" { print $2 }')
DEPENDS=$(ldd "$BINARY" | awk '/=> \// { print $1, $3 }' | while read -r name lib; do
	grep -qx "$name" <<< "$NEEDED" || continue
	dpkg -S "$(readlink -f "$lib")" 2>/dev/null || dpkg -S "$lib" 2>/dev/null || true
done | cut -d: -f1 | sort -u | paste -sd, | sed 's/,/, /g')
SIZE=$(du -sk "$ROOT" | cut -f1)

mkdir -p "$ROOT/DEBIAN"
cat > "$ROOT/DEBIAN/control" <<CONTROL
Package: tabel
Version: $VERSION
Architecture: $ARCH
Maintainer: Tabel <tabel@localhost>
Installed-Size: $SIZE
Depends: $DEPENDS, systemd, init-system-helpers, fonts-dejavu-core
Recommends: avahi-daemon
Suggests: cage, chromium
Section: web
Priority: optional
Description: school electronic class journal and student diary on one box
 Tabel serves a school's class journal and students' diaries from one small
 box on the school's own network: one binary (libmicrohttpd), one SQLite file
 in /var/lib/tabel, socket activation on port 80, optional HTTPS on 443,
 signed and verified backups on two media, and a hallway kiosk screen.
CONTROL
echo /etc/tabel/tabel.conf > "$ROOT/DEBIAN/conffiles"
echo /etc/avahi/services/tabel.service >> "$ROOT/DEBIAN/conffiles"
for script in postinst prerm postrm; do
	install -m 0755 "packaging/deb/$script" "$ROOT/DEBIAN/$script"
done

mkdir -p dist
OUT="dist/tabel_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zxz --build "$ROOT" "$OUT.tmp" >/dev/null
mv "$OUT.tmp" "$OUT"   # whole, for a deb-test or an image build reading it meanwhile
echo "$OUT"
