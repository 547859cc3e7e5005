//! The `embed-map` entry point, built by Trunk from `entries/embed-map.html` into
//! `dist/embed/map/` (scripts/build): its own wasm, with only the code its view reaches.

#[cfg(target_arch = "wasm32")]
fn main() {
    mapline::app::start_map_embed();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "mapline-embed-map is a browser entry point: run ./scripts/serve to build and serve it."
    );
    std::process::exit(2);
}
