# Shared install steps for scripts/serve, scripts/test and scripts/bench.
# Each step installs what is missing and skips what is there, so a second run is
# quick. The versions and flags are the ones verified on these machines
# (shared/notes/toolchain.md): Trunk 0.21.14 (0.22 needs a newer rustc), the
# wasm-bindgen CLI equal to Cargo.lock's wasm-bindgen (or Trunk tries to
# download it), wasm-opt from npm's binaryen, Chromium from Debian.
# shellcheck shell=bash

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

TRUNK_VERSION="0.21.14"

step() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
    step "installing trunk $TRUNK_VERSION (several minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

# The wasm-bindgen version Cargo.lock resolved; Cargo.toml pins it with "=".
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock
}

ensure_wasm_bindgen() {
  local want
  want="$(wasm_bindgen_version)"
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $want\$"; then
    step "installing wasm-bindgen-cli $want (a couple of minutes, once)"
    # Not --locked: one of its locked dependencies is missing from the registry here.
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

ensure_npm_packages() {
  # npm ci when node_modules is missing or older than the lock file.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "installing npm packages"
    npm ci --no-audit --no-fund
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    step "installing Debian's chromium and chromium-driver"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium chromium-driver
  fi
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_npm_packages
  ensure_trunk
  ensure_wasm_bindgen
}

# Prints the size of the release .wasm, raw and gzipped.
print_wasm_size() {
  local dist="${1:-dist}" wasm raw gz
  wasm="$(ls "$dist"/*.wasm | head -n 1)"
  raw="$(wc -c < "$wasm")"
  gz="$(gzip -9 -c "$wasm" | wc -c)"
  printf 'release wasm: %s  %s bytes raw (%s KB), %s bytes gzip (%s KB)\n' \
    "$(basename "$wasm")" "$raw" "$((raw / 1024))" "$gz" "$((gz / 1024))"
}
