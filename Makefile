# Tabel: `make demo` and `make test` do everything on a fresh Debian 12 machine.
SHELL := /bin/bash
DEMO_DB ?= var/demo.sqlite
DEMO_LOGINS ?= var/demo-logins.csv
DEMO_STUDENTS ?= 500
LISTEN ?= 127.0.0.1:8080

# Debian packages the build, the tests and the benchmark need.
DEPS := libmicrohttpd-dev libsqlite3-dev libsodium-dev libcairo2-dev libpango1.0-dev libqrencode-dev libzstd-dev libcurl4-gnutls-dev \
        pkg-config sqlite3 curl wrk poppler-utils fonts-dejavu-core systemd chromium chromium-driver zbar-tools

# What `make deb`, `deb-test`, `image` and `image-test` need besides DEPS (not installed by `make test`).
PACKAGING_DEPS := dpkg-dev binutils debootstrap systemd-container mkosi qemu-system-x86 qemu-utils ovmf dosfstools e2fsprogs fdisk
PROFILE ?=

.PHONY: deps packaging-deps build release demo test bench clean deb deb-test image image-test

deps:
	@missing=$$(for p in $(DEPS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Устанавливаю пакеты: $$missing"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@python3 -c "import selenium, pytest" 2>/dev/null || python3 -m pip install -q selenium pytest

packaging-deps:
	@missing=$$(for p in $(PACKAGING_DEPS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Устанавливаю пакеты: $$missing"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	swift build

release: deps
	swift build -c release --static-swift-stdlib

demo: release
	@mkdir -p var
	@if [ ! -f $(DEMO_DB) ]; then \
	  .build/release/tabel setup demo --db $(DEMO_DB) --students $(DEMO_STUDENTS) --logins $(DEMO_LOGINS); \
	fi
	@scripts/demo-logins.sh $(DEMO_LOGINS) $(LISTEN)
	exec .build/release/tabel serve --db $(DEMO_DB) --listen $(LISTEN)

test: deps
	swift build --build-tests
	swift test --skip-build
	python3 -m pytest -q -p no:cacheprovider tests/browser

bench: release
	bench/run.sh

# dist/tabel_VERSION_amd64.deb: the release binary, units, sysusers/tmpfiles, /etc/tabel/tabel.conf.
deb: release packaging-deps
	packaging/build-deb.sh

# Installs the package on a clean Debian 12 (debootstrap, cached) and boots it with systemd-nspawn
# to open /healthz through tabel.socket. Minutes, and the Debian mirror: not part of `make test`.
deb-test: packaging-deps
	@ls dist/tabel_*_amd64.deb >/dev/null 2>&1 || $(MAKE) deb
	packaging/deb-test.sh

# The appliance image (mkosi 14, Debian 12): images/mkosi.output/tabel.raw; PROFILE=kiosk adds the screen.
image: deb
	PROFILE=$(PROFILE) images/build.sh

# Boots the image under qemu (software emulation; IMAGE_TEST_ACCEL=kvm for KVM) and waits for /healthz.
image-test: packaging-deps
	images/image-test.sh $(if $(filter kiosk,$(PROFILE)),tabel-kiosk.raw)

clean:
	rm -rf .build var bench/out dist images/mkosi.output images/mkosi.skeleton
