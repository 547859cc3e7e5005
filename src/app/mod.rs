//! The top of the web side: the entry points' roots, the reader app's routes
//! and chrome, the home page, crash handling. The only place that knows every
//! page; below it come the capabilities (`map`, `timeline`, `story`,
//! `gallery`, `embed`, `preview`, `pages`, `search`, `charts`), then `data`,
//! then `ui`. Only compiled for wasm32.

pub mod crash;
pub mod embeds;
pub mod home;
pub mod records;
pub mod shell;
pub mod studio;

use self::shell::Entry;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts the reader app (index.html).
pub fn start() {
    start_with(shell::App);
}

/// Mounts the timeline embed, the only view of its entry point.
pub fn start_timeline_embed() {
    start_single(Entry::Embed, || embeds::EmbedTimeline().into_any());
}

/// Mounts the story embed.
pub fn start_story_embed() {
    start_single(Entry::Embed, || embeds::EmbedStory().into_any());
}

/// Mounts the map embed.
pub fn start_map_embed() {
    start_single(Entry::Embed, || embeds::EmbedMap().into_any());
}

/// Mounts the gallery embed.
pub fn start_gallery_embed() {
    start_single(Entry::Embed, || embeds::EmbedGallery().into_any());
}

/// Mounts the studio: the staff preview of a draft, in the site's chrome.
pub fn start_studio() {
    start_single(Entry::Studio, || {
        view! {
            <shell::Chrome><crate::preview::view::PreviewPage draw=studio::draw_draft/></shell::Chrome>
        }
        .into_any()
    });
}

/// Mounts an entry point that shows one view.
fn start_single(entry: Entry, page: fn() -> AnyView) {
    start_with(move || shell::single_page(entry, page));
}

/// Mounts a root view into `#app` (which every entry's HTML ships with
/// `data-state="loading"`).
fn start_with<V: IntoView + 'static>(root_view: impl FnOnce() -> V + 'static) {
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
