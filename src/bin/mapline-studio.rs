//! The `studio` entry point, built by Trunk from `entries/studio.html` into
//! `dist/preview/` (scripts/build): its own wasm, with only the code its view reaches.

#[cfg(target_arch = "wasm32")]
fn main() {
    mapline::app::start_studio();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "mapline-studio is a browser entry point: run ./scripts/serve to build and serve it."
    );
    std::process::exit(2);
}
