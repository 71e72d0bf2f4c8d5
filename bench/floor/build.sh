#!/usr/bin/env bash
# Builds bench/floor's toy widget into target/floor the way `make dist` builds the app: the same
# release profile and `.cargo/config.toml` flags, wasm-bindgen for the web, and wasm-opt with the
# level and flags index.html gives Trunk. `make bench` reports its size beside the code budgets.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
export CARGO_TARGET_DIR="$root/target/floor-build"
# .cargo/config.toml's flags but the linker's relocations (`--emit-relocs`), which only the app's
# split needs (scripts/split-wasm.mjs consumes them): left in an unsplit module they stop wasm-opt
# optimizing it, and the floor measured 229 KB instead of 66.
export RUSTFLAGS="--cfg erase_components"
out="$root/target/floor"
cargo build --locked --quiet --release --target wasm32-unknown-unknown
rm -rf "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/wjc-floor.wasm"
level=$(sed -n 's/.*data-bin="without-just-cause" data-wasm-opt="\([a-z0-9]*\)".*/\1/p' "$root/index.html")
params=$(sed -n 's/.*data-bin="without-just-cause".*data-wasm-opt-params="\([^"]*\)".*/\1/p' "$root/index.html")
[ -n "$level" ] || { echo "bench/floor: no data-wasm-opt level in index.html" >&2; exit 1; }
# shellcheck disable=SC2086 # the parameters are separate flags
wasm-opt "-O$level" $params "$out/wjc-floor_bg.wasm" -o "$out/wjc-floor_bg.wasm"
