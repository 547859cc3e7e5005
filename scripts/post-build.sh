#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml), for every entry point's build. For the
# reader app (index.html) it first builds the app's wasm split per page group
# (issue #19), and for the timeline embed its wasm split in two (the first
# view, then the app), which Trunk cannot do (its hooks run before cargo or after its
# own wasm-bindgen and wasm-opt; trunk-rs/trunk#1022), so their HTML tells
# Trunk to skip the crate (data-trunk-skip) and this script does it:
#   cargo, with --emit-relocs on the final link only (the splitter needs the
#     relocations; never on an unsplit entry: it would ship them)
#   -> wasm-split-cli (the main module, one module per split point of the
#     bin: src/reader/lazy.rs, src/bin/mapline-embed-timeline.rs; the chunks
#     they share, __wasm_split.js that loads them)
#   -> wasm-bindgen --keep-lld-exports (the chunks link against the main
#     module's exports) -> wasm-opt -Oz on each module (release)
# into a content-hashed folder of the staging dist, and the loader into
# index.html in the shape Trunk writes (modulepreload, wasm preload, inline
# module script), which `mapline publish` (src/publish/shell.rs) defers on
# published pages. Then, for every entry, the Content-Security-Policy
# (scripts/csp.mjs), which hashes that inline script: one hook, in this
# order, since Trunk runs a stage's hooks at the same time.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"

: "${TRUNK_STAGING_DIR:?scripts/post-build.sh runs as a Trunk hook}"

# The entries whose wasm is split: the reader app, and the timeline embed
# (its main module draws the first view, the app follows: src/bin/mapline-embed-timeline.rs).
html="$(realpath "${TRUNK_HTML_FILE:-}" 2>/dev/null || true)"
case "$html" in
  "$ROOT/index.html") BIN=mapline-web ;;
  "$ROOT/entries/embed-timeline.html") BIN=mapline-embed-timeline ;;
  *) BIN="" ;;
esac

if [ -n "$BIN" ]; then
  profile="${TRUNK_PROFILE:-debug}"
  release=()
  [ "$profile" = release ] && release=(--release)
  # The cargo features the entry's HTML names, as scripts/setup.sh reads them.
  features=()
  grep -q 'data-cargo-no-default-features' "$html" && features+=(--no-default-features)
  named="$(sed -n 's/.*data-cargo-features="\([^"]*\)".*/\1/p' "$html")"
  [ -n "$named" ] && features+=(--features "$named")
  cargo rustc "${release[@]}" "${features[@]}" --target wasm32-unknown-unknown --bin "$BIN" -- -C link-args=--emit-relocs
  raw="target/wasm32-unknown-unknown/$profile/$BIN.wasm"
  out="target/split/$BIN"
  rm -rf "$out"
  mkdir -p "$out"
  target/tools/bin/wasm-split-cli --target web --out-name "$BIN" "$raw" "$out"
  wasm-bindgen --target web --keep-lld-exports --no-typescript --out-dir "$out" --out-name "$BIN" "$out/$BIN.wasm"
  rm "$out/$BIN.wasm"
  # Every split point must have become a module: an unsplit call would
  # import from the placeholder and fail at start.
  if grep -q '__wasm_split_placeholder__' "$out/$BIN.js"; then
    echo "post-build: $BIN.js still imports __wasm_split_placeholder__ (wasm-split-cli did not split it)" >&2
    exit 1
  fi
  if [ "$profile" = release ]; then
    # MAPLINE_WASM_NAMES=1 keeps the function names, for a CPU profile of a
    # release build (a bigger file: never for a build that ships).
    names=()
    [ "${MAPLINE_WASM_NAMES:-}" = 1 ] && names=(-g)
    for wasm in "$out"/*.wasm; do
      wasm-opt -Oz "${names[@]}" --enable-bulk-memory --enable-nontrapping-float-to-int -o "$wasm" "$wasm"
    done
  fi
  hash="$(cat "$out"/* | sha256sum | cut -c1-16)"
  dir="$BIN-$hash"
  mkdir -p "$TRUNK_STAGING_DIR/$dir"
  cp "$out"/* "$TRUNK_STAGING_DIR/$dir/"
  node scripts/split-loader.mjs "$TRUNK_STAGING_DIR" "$dir" "$BIN" "${TRUNK_PUBLIC_URL:-/}"
fi

node scripts/csp.mjs
