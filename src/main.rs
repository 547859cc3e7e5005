//! The browser entry point, built by Trunk for wasm32 (index.html names this bin).

#[cfg(target_arch = "wasm32")]
mod reader;

#[cfg(target_arch = "wasm32")]
fn main() {
    reader::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "mapline-web is the browser app: run ./scripts/serve (or trunk serve) to build and serve it."
    );
    std::process::exit(2);
}
