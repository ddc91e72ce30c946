# Two entry points (see README): `make run` and `make test`. Each installs
# the Debian packages it needs first.

PACKAGES := libncurses-dev tmux pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export LANG ?= C.UTF-8

.PHONY: deps run test build release bench

deps:
	@if ! dpkg -s $(PACKAGES) >/dev/null 2>&1; then \
	  echo "installing $(PACKAGES)"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends $(PACKAGES) >/dev/null; \
	fi

release: deps
	swift build -c release --product recscope

run: release
	.build/release/recscope

build: deps
	swift build

test: deps
	swift build --build-tests
	swift test

bench: release
	.build/release/recscope bench
