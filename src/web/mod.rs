//! The browser app: shell, routing, language, data loading and the views' shared
//! pieces. Only compiled for wasm32; the capability modules (`map`, `timeline`,
//! `story`, `gallery`, `embed`, `preview`, `pages`) hold their own views.

pub mod address;
pub mod crash;
pub mod data;
pub mod home;
pub mod lang;
pub mod media;
pub mod problems;
pub mod shell;
pub mod state;
pub mod text;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts the reader app (index.html).
pub fn start() {
    start_with(shell::App);
}

/// Mounts the timeline embed, the only view of its entry point.
pub fn start_timeline_embed() {
    start_with(|| {
        shell::single_page(shell::Entry::Embed, || {
            crate::embed::view::EmbedTimeline().into_any()
        })
    });
}

/// Mounts the story embed.
pub fn start_story_embed() {
    start_with(|| {
        shell::single_page(shell::Entry::Embed, || {
            crate::embed::view::EmbedStory().into_any()
        })
    });
}

/// Mounts the map embed.
pub fn start_map_embed() {
    start_with(|| {
        shell::single_page(shell::Entry::Embed, || {
            crate::embed::view::EmbedMap().into_any()
        })
    });
}

/// Mounts the gallery embed.
pub fn start_gallery_embed() {
    start_with(|| {
        shell::single_page(shell::Entry::Embed, || {
            crate::embed::view::EmbedGallery().into_any()
        })
    });
}

/// Mounts the studio: the staff preview of a draft, in the site's chrome.
pub fn start_studio() {
    start_with(|| {
        shell::single_page(shell::Entry::Studio, || {
            view! { <shell::Chrome><crate::preview::view::PreviewPage/></shell::Chrome> }.into_any()
        })
    });
}

/// Mounts a root view into `#app` (which every entry's HTML ships with
/// `data-state="loading"`).
fn start_with<V: IntoView + 'static>(root_view: fn() -> V) {
    crash::install_panic_hook();
    let Some(root) = document()
        .get_element_by_id("app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        web_sys::console::error_1(&"Mapline: no #app element in the page".into());
        return;
    };
    // The boot message served with the page goes; the app takes over.
    root.set_text_content(None);
    leptos::mount::mount_to(root, root_view).forget();
}

/// The message of a thrown JavaScript value: an `Error`'s message or a thrown
/// string; `None` for anything else.
pub fn js_error_message(error: &wasm_bindgen::JsValue) -> Option<String> {
    error.as_string().or_else(|| {
        error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
    })
}
