# Tabel: `make demo` and `make test` do everything on a fresh Debian 12 machine.
SHELL := /bin/bash
DEMO_DB ?= var/demo.sqlite
DEMO_LOGINS ?= var/demo-logins.csv
DEMO_STUDENTS ?= 500
LISTEN ?= 127.0.0.1:8080

# Debian packages the build, the tests and the benchmark need.
DEPS := libmicrohttpd-dev libsqlite3-dev libsodium-dev libcairo2-dev libpango1.0-dev libqrencode-dev libzstd-dev \
        pkg-config sqlite3 curl wrk poppler-utils fonts-dejavu-core systemd chromium chromium-driver zbar-tools

.PHONY: deps build release demo test bench clean

deps:
	@missing=$$(for p in $(DEPS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Устанавливаю пакеты: $$missing"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@python3 -c "import selenium, pytest" 2>/dev/null || python3 -m pip install -q selenium pytest

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

clean:
	rm -rf .build var bench/out
