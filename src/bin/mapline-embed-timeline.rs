//! The `embed-timeline` entry point, built by Trunk from `entries/embed-timeline.html` into
//! `dist/embed/timeline/` (scripts/build): its own wasm, with only the code its view reaches.

#[cfg(target_arch = "wasm32")]
fn main() {
    mapline::app::start_timeline_embed();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "mapline-embed-timeline is a browser entry point: run ./scripts/serve to build and serve it."
    );
    std::process::exit(2);
}
