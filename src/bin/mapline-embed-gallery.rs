//! The `embed-gallery` entry point, built by Trunk from `entries/embed-gallery.html` into
//! `dist/embed/gallery/` (scripts/build): its own wasm, with only the code its view reaches.

#[cfg(target_arch = "wasm32")]
fn main() {
    mapline::app::start_gallery_embed();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "mapline-embed-gallery is a browser entry point: run ./scripts/serve to build and serve it."
    );
    std::process::exit(2);
}
