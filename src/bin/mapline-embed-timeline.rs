//! The `embed-timeline` entry point, built from `entries/embed-timeline.html`
//! into `dist/embed/timeline/` (scripts/build). Its wasm is split in two by
//! scripts/post-build.sh: this main module loads the page's data and draws
//! the first view (`mapline::app::first_view`: the title slide, without
//! Leptos); then the app's module (the split point below: Leptos and the
//! timeline's views) is fetched, and the app starts with the data already
//! loaded and takes the first view's place.

#[cfg(target_arch = "wasm32")]
use leptos::wasm_split::{SplitLoaderError, wasm_split};
#[cfg(target_arch = "wasm32")]
use mapline::app::first_view::{self, FirstLoad};

/// The app's module could not be downloaded.
#[cfg(target_arch = "wasm32")]
struct CodeNotLoaded;

#[cfg(target_arch = "wasm32")]
impl From<SplitLoaderError> for CodeNotLoaded {
    fn from(_: SplitLoaderError) -> Self {
        CodeNotLoaded
    }
}

/// The app, in its own module: `None` only fetches it (see
/// `first_view::timeline_embed`), `Some` starts the app. A split point is an exported function, so it lives in this bin, not in
/// the library every entry point links.
#[cfg(target_arch = "wasm32")]
#[wasm_split(mapline_timeline_app, wasm_split_path = ::leptos::wasm_split, fallible)]
fn app(first: Option<FirstLoad>) -> Result<(), CodeNotLoaded> {
    if let Some(first) = first {
        mapline::app::start_timeline_embed(first);
    }
    Ok(())
}

/// Starts fetching the app's module (it loads once).
#[cfg(target_arch = "wasm32")]
fn fetch_app() {
    wasm_bindgen_futures::spawn_local(async {
        let _ = app(None).await;
    });
}

#[cfg(target_arch = "wasm32")]
fn main() {
    wasm_bindgen_futures::spawn_local(async {
        // Drawn and painted before the app's module is fetched (a large
        // document gets none: its module is fetched beside the read): the
        // module's download and compile would take the network and the cores
        // the first paint needs on a phone.
        let first = first_view::timeline_embed(fetch_app).await;
        if app(Some(first)).await.is_err() {
            first_view::app_not_loaded();
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "mapline-embed-timeline is a browser entry point: run ./scripts/serve to build and serve it."
    );
    std::process::exit(2);
}
