#!/usr/bin/env bash
# Installs everything the build and tests need, skipping what is already present at the right version.
# Sources: the Rust crate registry, npm, and Debian's packages only (see docs/contributing.md).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
LEPTOSFMT_VERSION=0.1.33
WASM_SPLIT_VERSION=0.2.4
# wasm-bindgen-cli must match the wasm-bindgen version in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock 2>/dev/null || true)
WASM_BINDGEN_VERSION=${WASM_BINDGEN_VERSION:-0.2.130}

say() { printf '==> %s\n' "$*"; }

# rust-toolchain.toml names the exact toolchain (e.g. 1.95.0), so rustup never fetches a newer
# patch release. On a machine that has that release only as `stable`, rustup would try to
# download it by name the moment cargo runs here (and fail on a closed network): make a toolchain
# of that name first, linked to the installed stable when it is that release. rustup is asked with RUSTUP_TOOLCHAIN=stable
# so that the toml file does not trigger the download this avoids.
ensure_toolchain() {
  local wanted stable_version
  wanted=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
  if RUSTUP_TOOLCHAIN=stable rustup toolchain list | grep -q "^$wanted-"; then
    return
  fi
  stable_version=$(rustup run stable rustc --version 2>/dev/null | awk '{print $2}')
  if [ "$stable_version" = "$wanted" ]; then
    say "linking the installed stable Rust ($stable_version) as toolchain $wanted"
    # `rustup toolchain link` refuses names that look like releases, so the link is made in
    # rustup's toolchains folder itself, beside stable, named as rustup names an installed one.
    local sysroot host
    sysroot=$(rustup run stable rustc --print sysroot)
    host=$(rustup run stable rustc -vV | sed -n 's/^host: //p')
    ln -sfn "$sysroot" "$(dirname "$sysroot")/$wanted-$host"
  else
    say "installing Rust $wanted (rust-toolchain.toml; the installed stable is ${stable_version:-missing})"
    RUSTUP_TOOLCHAIN=stable rustup toolchain install "$wanted" --profile minimal \
      --component clippy,rustfmt --target wasm32-unknown-unknown
  fi
}
ensure_toolchain
# `make lint`, `make test-native` … need only the toolchain.
if [ "${1:-}" = "--toolchain" ]; then
  exit 0
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  # A toolchain linked to stable (above) shares stable's targets: add it there then.
  rustup target add wasm32-unknown-unknown || RUSTUP_TOOLCHAIN=stable rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (slow the first time)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (slow the first time)"
  # Without --locked: the locked tree asks for a webpki-roots release the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# Splits the app's and the widget's WebAssembly into modules loaded when first needed (Leptos'
# `#[lazy]` split points; scripts/split-wasm.mjs runs it between cargo and wasm-bindgen).
# The tool has no --version: cargo's list of installed crates says which one is there.
if ! { command -v wasm-split-cli >/dev/null && cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; }; then
  say "installing wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

# Formats the view! macros (`make lint` checks them); cargo fmt leaves macro bodies alone.
if ! leptosfmt --version 2>/dev/null | grep -q " $LEPTOSFMT_VERSION"; then
  say "installing leptosfmt $LEPTOSFMT_VERSION"
  cargo install leptosfmt --version "$LEPTOSFMT_VERSION" --locked
fi

if ! { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && [ -d /usr/share/fonts/truetype/noto ] && fc-list 2>/dev/null | grep -q "Noto Color Emoji"; }; then
  say "installing chromium and chromium-driver from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver fonts-noto-core fonts-noto-color-emoji >/dev/null
fi

# `wjc site` draws each person's share image natively with the Noto fonts, in any script: Latin,
# Cyrillic and Arabic come with fonts-noto-core, Chinese, Japanese and Korean with fonts-noto-cjk.
if ! fc-list 2>/dev/null | grep -q "Noto Sans CJK"; then
  say "installing the Noto CJK fonts from Debian, for the share images"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq fonts-noto-core fonts-noto-cjk >/dev/null
fi

# Java runs the W3C Nu Html Checker (npm vnu-jar) on every page `make dist` writes.
if ! java -version >/dev/null 2>&1; then
  say "installing Java (default-jre-headless) from Debian, for the HTML checker"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq default-jre-headless >/dev/null
fi

# npm packages (wasm-opt from binaryen, playwright-core, axe-core, vnu-jar) pinned by package-lock.json.
if [ -f package-lock.json ]; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages"
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi
say "tools ready"
