#!/usr/bin/env bash
# CI for the browser playground, all in one script (.ci/run calls it): Chromium and binaryen
# from Debian (when root), playwright-core from npm, the wasm32 target, web/build.sh, then
# the browser test, which fails (not skips) when anything it needs is missing.
# Screenshots go to docs/images/playground-*.png; the budgets to target/browser/budgets.json.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
step() { echo "web/ci.sh: $* ($(( $(date +%s) - start )) s)"; }

if [ "$(id -u)" = 0 ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v wasm-opt >/dev/null || missing+=(binaryen)
  # CJK glyphs for the Chinese lessons' screenshot.
  [ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
  if [ ${#missing[@]} -gt 0 ]; then
    step "apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
command -v chromium >/dev/null || { echo "web/ci.sh: chromium is required (apt-get install chromium)" >&2; exit 1; }

step "npm ci (playwright-core)"
(cd web && npm ci --no-audit --no-fund --silent)

step "wasm32-unknown-unknown target"
installer=../shared/toolchain/install-wasm32-std
if [ -f "$installer" ]; then
  bash "$installer"
else
  rustup target add wasm32-unknown-unknown
fi

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
step "web/build.sh"
web/build.sh

step "browser test"
NETSIM_SCREENSHOTS="$(pwd)/docs/images" \
  cargo test --release -p sim-cli --test browser -- --ignored --nocapture
step "done"
