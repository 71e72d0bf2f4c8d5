#!/usr/bin/env bash
# Builds the whole static site into OUT for the data file DATASET: what `make dist` deploys and
# what `make serve` serves. Trunk's release builds of the app (index.html) and of the widget
# (widget.html) are kept in target/app and target/widget (`make bench` builds its sites from them);
# then `wjc site` compiles the data into what browsers load, writes the static pages, moves the
# loader out of the page and adds the widget's files.
#
# Usage: [SITE_URL=https://campaign.example/] scripts/build-site.sh OUT DATASET
# Exits non-zero, leaving OUT as it was, when a build step or the data file fails.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/build-site.sh OUT DATASET}
dataset=${2:?usage: scripts/build-site.sh OUT DATASET}
[ -f "$dataset" ] || { echo "build-site: no data file at $dataset" >&2; exit 2; }

# The data file's report first, under the file's own name: `wjc site` below reads the copy in the
# site and leaves out records the app would leave out; a file it cannot use at all fails the build.
cargo run --locked --quiet -p wjc-cli -- validate "$dataset" || true

# Trunk must never try to download tools on this closed network (docs/contributing.md).
# With the `split` feature each split point's code is cut out after cargo (scripts/split-wasm.mjs),
# in place of Trunk's one wasm file: the map, a profile and the embed dialog load when first needed.
trunk build --release --offline --dist target/app --features split
node scripts/split-wasm.mjs target/app index.html without-just-cause
trunk build --release --offline --dist target/widget --features split widget.html
node scripts/split-wasm.mjs target/widget widget.html wjc-widget
# Trunk leaves wasm-bindgen's JavaScript glue as written: minified, every visitor waits for less.
node scripts/minify-glue.mjs target/app
node scripts/minify-glue.mjs target/widget

# The site is made beside OUT and moved into place only once whole.
next="$out.next"
rm -rf "$next"
cp -r target/app "$next"
cp "$dataset" "$next/data/prisoners.json"
# SITE_URL (`make dist SITE_URL=https://…/`) makes share cards, canonical links, feeds and QR codes
# absolute; without it they are relative and `wjc site` says what that costs.
cargo run --locked --quiet -p wjc-cli -- site "$next" --widget target/widget ${SITE_URL:+--site-url "$SITE_URL"}
rm -rf "$out"
mv "$next" "$out"
