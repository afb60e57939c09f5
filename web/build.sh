#!/usr/bin/env bash
# Build the browser playground: sim-core compiled to WebAssembly, loaded by index.html.
# sim-core does no I/O, so it needs no change to run in a browser; what it needs is the
# wasm32-unknown-unknown standard library for the installed Rust toolchain.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  echo "web/build.sh: cannot build WebAssembly here: the wasm32-unknown-unknown target is not" >&2
  echo "installed for $(rustc --version), and this machine cannot download it (rustup target add" >&2
  echo "wasm32-unknown-unknown). The rest of the project does not depend on it." >&2
  exit 3
fi
echo "web/build.sh: the wasm32 target is present, but the playground's bindings are not written yet" >&2
exit 3
