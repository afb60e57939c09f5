#!/usr/bin/env bash
# Build the browser playground into web/dist/: sim-web compiled to WebAssembly, its
# wasm-bindgen glue, the page (web/src/) and the tutorials (docs/, scenarios/exercises/).
# Serve web/dist/ with any static server; nothing in it fetches anything from elsewhere.
#
# Needs: the wasm32-unknown-unknown target (`rustup target add wasm32-unknown-unknown`),
# node (to bundle the lessons), and wasm-bindgen-cli at the version sim-web pins (installed
# here with `cargo install` when missing; set NETSIM_NO_INSTALL=1 to refuse). wasm-opt
# (Debian's binaryen) shrinks the module when it is on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
dist="$repo/web/dist"

target_ok() {
  local d; d=$(rustc --print target-libdir --target wasm32-unknown-unknown 2>/dev/null) || return 1
  ls "$d"/libcore-*.rlib >/dev/null 2>&1
}
if ! target_ok; then
  echo "web/build.sh: installing the wasm32-unknown-unknown target" >&2
  rustup target add wasm32-unknown-unknown >&2 || true
  target_ok || { echo "web/build.sh: the wasm32-unknown-unknown target is missing for $(rustc --version)" >&2; exit 3; }
fi

# wasm-bindgen-cli must match the wasm-bindgen crate exactly.
ver=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' sim-web/Cargo.toml)
[ -n "$ver" ] || { echo "web/build.sh: no pinned wasm-bindgen version in sim-web/Cargo.toml" >&2; exit 2; }
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$ver" ]; then
  if [ -n "${NETSIM_NO_INSTALL:-}" ]; then
    echo "web/build.sh: wasm-bindgen $ver is not on PATH" >&2; exit 3
  fi
  # A debug build of just the wasm-bindgen binary: about 5x quicker to build than the default
  # release build of all three, and it still processes this module in a second or two.
  echo "web/build.sh: cargo install wasm-bindgen-cli $ver (debug, only the wasm-bindgen binary)" >&2
  cargo install --debug --locked --version "$ver" --no-default-features --bin wasm-bindgen \
    wasm-bindgen-cli >&2
  export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
fi

# No debug info for the module (wasm-bindgen drops it anyway): a quicker build.
CARGO_PROFILE_RELEASE_DEBUG=0 cargo build --release --target wasm32-unknown-unknown -p sim-web
target_dir=${CARGO_TARGET_DIR:-target}
module=$target_dir/wasm32-unknown-unknown/release/sim_web.wasm
# wasm-opt runs before wasm-bindgen: Debian 12's binaryen (108) points wasm-bindgen's
# externref table export at the wrong table when it optimises the module afterwards.
# -O1: measured here, -Oz takes 35 s for 1% fewer bytes, and 1% more once gzipped.
if command -v wasm-opt >/dev/null; then
  mkdir -p "$target_dir/wasm-opt"
  if wasm-opt -O1 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      -o "$target_dir/wasm-opt/sim_web.wasm" "$module"; then
    module=$target_dir/wasm-opt/sim_web.wasm
  else
    echo "web/build.sh: wasm-opt failed; using the module as rustc wrote it" >&2
  fi
else
  echo "web/build.sh: no wasm-opt (Debian: apt-get install binaryen); the module is larger" >&2
fi
rm -rf "$dist"
mkdir -p "$dist/pkg"
wasm-bindgen --target web --no-typescript --out-dir "$dist/pkg" "$module"
wasm="$dist/pkg/sim_web_bg.wasm"
cp web/src/index.html web/src/app.js web/src/markdown.js web/src/style.css "$dist/"
node web/tools/lessons.mjs "$repo" "$dist"
raw=$(wc -c <"$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
echo "web/build.sh: built $dist (sim_web_bg.wasm: $raw bytes, $gz gzipped)"
