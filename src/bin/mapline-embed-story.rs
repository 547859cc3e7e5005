//! The `embed-story` entry point, built by Trunk from `entries/embed-story.html` into
//! `dist/embed/story/` (scripts/build): its own wasm, with only the code its view reaches.

#[cfg(target_arch = "wasm32")]
fn main() {
    mapline::app::start_story_embed();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "mapline-embed-story is a browser entry point: run ./scripts/serve to build and serve it."
    );
    std::process::exit(2);
}
