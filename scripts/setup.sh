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

# The Python packages that write the browser tests' PMTiles basemap
# (tests/e2e/make-pmtiles.py): PyPI's pmtiles and mapbox-vector-tile (which
# brings shapely), in a virtualenv under target/, made once.
PMTILES_VENV="$ROOT/target/pmtiles-venv"
ensure_pmtiles_tools() {
  local python="$PMTILES_VENV/bin/python"
  if [ -x "$python" ] && "$python" -c 'import pmtiles, mapbox_vector_tile, shapely' 2>/dev/null; then
    return
  fi
  step "installing pmtiles and mapbox-vector-tile (Python, for the basemap test's archive)"
  python3 -m venv "$PMTILES_VENV"
  "$python" -m pip install --quiet --disable-pip-version-check "pmtiles==3.8.1" "mapbox-vector-tile==2.2.0"
}

# The splitter of the reader app's wasm (scripts/post-build.sh), into
# target/tools: wasm_split_cli_support's wasm-split-cli, the version that
# matches leptos 0.8's wasm_split_helpers and reads wasm-bindgen 0.2.130's
# output (0.2.2 or later); it has no --version, so cargo's record says.
WASM_SPLIT_VERSION="0.2.4"
ensure_wasm_split_cli() {
  if [ ! -x target/tools/bin/wasm-split-cli ] \
    || ! grep -q "wasm_split_cli_support $WASM_SPLIT_VERSION " target/tools/.crates.toml 2>/dev/null; then
    step "installing wasm-split-cli $WASM_SPLIT_VERSION into target/tools (a couple of minutes, once)"
    cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" \
      --features build-binary --root target/tools
  fi
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_npm_packages
  ensure_trunk
  ensure_wasm_bindgen
  ensure_wasm_split_cli
}

# The entry points besides the reader app (index.html): the HTML Trunk builds,
# and the route its page is served at (dist/<route>/index.html).
ENTRIES=(
  "entries/studio.html preview"
  "entries/embed-timeline.html embed/timeline"
  "entries/embed-story.html embed/story"
  "entries/embed-map.html embed/map"
  "entries/embed-gallery.html embed/gallery"
)

# Writes the published pages of the bundled data into a built dist
# (`mapline publish`: dist/<route>/index.html, share cards, sitemap.xml,
# robots.txt). The deployment's absolute address (with its subfolder, if
# any) comes from --base-url or MAPLINE_BASE_URL; without it the pages have
# no canonical or hreflang links and there is no sitemap.xml.
publish_pages() {
  local dist="$1" base="${2:-${MAPLINE_BASE_URL:-}}"
  step "publishing the pages of public/data into $dist"
  cargo run --quiet --bin mapline -- publish public/data/manifest.json "$dist" --base-url "$base"
}

# After the data changed: the one command that brings a built dist up to
# date without rebuilding the app: copies public/data into it, writes the
# pages again (removing those of records that are gone) and recompresses.
#   publish_dist [--dist DIR] [--base-url URL]
publish_dist() {
  local dist="dist" base="${MAPLINE_BASE_URL:-}"
  while [ $# -gt 0 ]; do
    case "$1" in
      --dist) dist="$2"; shift ;;
      --base-url) base="$2"; shift ;;
      *) echo "publish_dist: unknown argument $1" >&2; return 2 ;;
    esac
    shift
  done
  [ -f "$dist/404.html" ] || { echo "publish_dist: $dist is not built (no 404.html): run build_dist first" >&2; return 1; }
  rm -rf "$dist/data"
  cp -R public/data "$dist/data"
  publish_pages "$dist" "$base"
  node scripts/entries.mjs compress "$dist"
}

# Builds every entry point into one dist/: the reader app (index.html, with
# the data and shared files) by Trunk into the dist folder, its published
# pages (publish_pages), then each other entry by Trunk into its own staging
# folder, placed beside it (scripts/entries.mjs); then the precompressed
# copies of everything.
#   build_dist [--release] [--dist DIR] [--public-url URL] [--base-url URL] [--reader-only]
build_dist() {
  local dist="dist" release=() public=() reader_only=""
  local base="${MAPLINE_BASE_URL:-}"
  while [ $# -gt 0 ]; do
    case "$1" in
      --release) release=(--release) ;;
      --dist) dist="$2"; shift ;;
      --public-url) public=(--public-url "$2"); shift ;;
      --base-url) base="$2"; shift ;;
      --reader-only) reader_only=1 ;;
      *) echo "build_dist: unknown argument $1" >&2; return 2 ;;
    esac
    shift
  done
  local entry html bin features named
  # The entries' bins grouped by the cargo features their HTML gives Trunk
  # (data-cargo-no-default-features, data-cargo-features: the embeds leave
  # out the CSV importer, and the story and gallery records they do not
  # show), one cargo run per group, so this prebuild is the build Trunk then
  # finds done.
  local -A groups=()
  if [ -z "$reader_only" ]; then
    for entry in "${ENTRIES[@]}"; do
      html="${entry%% *}"
      # A split entry (data-trunk-skip) is linked by scripts/post-build.sh.
      grep -q 'data-trunk-skip' "$html" && continue
      bin="mapline-$(basename "$html" .html)"
      # (Never an empty key: bash has none. The studio's group is
      # `--features default`, the same build as no flag.)
      features="--features default"
      grep -q 'data-cargo-no-default-features' "$html" && features="--no-default-features"
      named="$(sed -n 's/.*data-cargo-features="\([^"]*\)".*/\1/p' "$html")"
      [ -n "$named" ] && features="$features --features $named"
      groups["$features"]+=" --bin $bin"
    done
  fi
  # The groups link their entries' wasm side by side (two cores); Trunk's
  # own cargo runs below then find them built. Not the split entries' (the
  # reader app, the timeline embed): scripts/post-build.sh links them for the
  # splitter (with relocations), and a plain link here would only be redone there.
  for features in "${!groups[@]}"; do
    # shellcheck disable=SC2086 # the flags and bins are words on purpose
    cargo build --target wasm32-unknown-unknown "${release[@]}" $features ${groups[$features]}
  done
  trunk build "${release[@]}" "${public[@]}" --dist "$dist" index.html
  publish_pages "$dist" "$base"
  [ -n "$reader_only" ] && { node scripts/entries.mjs compress "$dist"; return; }
  for entry in "${ENTRIES[@]}"; do
    local html="${entry%% *}" route="${entry##* }"
    local staging="target/entries/$(basename "$html" .html)"
    trunk build "${release[@]}" "${public[@]}" --dist "$staging" "$html"
    node scripts/entries.mjs place "$staging" "$dist" "$route"
  done
  node scripts/entries.mjs compress "$dist"
}

# Prints each entry point's code: its wasm, raw and gzipped; for a split
# entry, each module of its wasm (the reader app's mapline-web-<hash>/: the
# main module every page loads, a module per page group and the chunks they
# share; the timeline embed's mapline-embed-timeline-<hash>/: the first view's
# main module and the app's).
print_wasm_size() {
  local dist="${1:-dist}" wasm raw gz
  for wasm in "$dist"/*.wasm "$dist"/mapline-*/*.wasm; do
    raw="$(wc -c < "$wasm")"
    gz="$(gzip -9 -c "$wasm" | wc -c)"
    printf 'release wasm: %s  %s bytes raw (%s KB), %s bytes gzip (%s KB)\n' \
      "${wasm#"$dist"/}" "$raw" "$((raw / 1024))" "$gz" "$((gz / 1024))"
  done
}
