//! The top of the web side: the entry points' roots, the reader app's routes
//! and chrome, the home page, crash handling. The only place that knows every
//! page; below it come the capabilities (`map`, `timeline`, `story`,
//! `gallery`, `embed`, `preview`, `pages`, `search`, `charts`), then `data`,
//! then `ui`. Only compiled for wasm32.

pub mod crash;
pub mod embeds;
pub mod first_view;
pub mod home;
pub mod records;
pub mod shell;
pub mod studio;

use self::shell::Entry;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts the timeline embed, the only view of its entry point, with the
/// data its first view loaded (`first_view`): the app renders beside the
/// drawn slide and takes its place once ready.
pub fn start_timeline_embed(first: first_view::FirstLoad) {
    if let Some(loaded) = first {
        crate::data::hand_over(loaded);
    }
    take_over_published_pages();
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

/// Mounts the studio: the staff preview of a draft, in the site's chrome
/// (whose links and search go through a router).
pub fn start_studio() {
    crate::data::files::set_importers(crate::data::files::importers_in_place);
    start_with(move || {
        shell::routed_single_page(Entry::Studio, || {
            view! {
            <shell::Chrome><crate::preview::view::PreviewPage draw=studio::draw_draft/></shell::Chrome>
        }
        .into_any()
        })
    });
}

/// Mounts an embed, an entry point that shows one view.
fn start_single(entry: Entry, page: fn() -> AnyView) {
    crate::data::files::set_importers(crate::data::files::importers_in_place);
    start_with(move || shell::single_page(entry, page));
}

/// Mounts a root view into `#app` (which every entry's HTML ships with
/// `data-state="loading"`).
///
/// A published page (`mapline publish`: `#app[data-published]`) already shows
/// its content: the app renders beside it, hidden (`.app-live[data-pending]`,
/// laid out so a map measures its size), and [`take_over`] swaps the two once
/// the page is ready, in one frame and with the same markup, so nothing
/// jumps. A page for other data (`?data=`, `?source=`) drops it at once,
/// unless it is the timeline embed's first view (`data-first-view`), drawn
/// from that data.
pub fn start_with<V: IntoView + 'static>(root_view: impl FnOnce() -> V + 'static) {
    crash::install_panic_hook();
    let Some(root) = document()
        .get_element_by_id("app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        web_sys::console::error_1(&"Mapline: no #app element in the page".into());
        return;
    };
    let other_data = crate::ui::address::query_param("data").is_some()
        || crate::ui::address::query_param("source").is_some();
    if root.has_attribute("data-published")
        && (!other_data || root.has_attribute("data-first-view"))
    {
        let live = document()
            .create_element("div")
            .ok()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(live) = live {
            live.set_class_name("app-live");
            let _ = live.set_attribute("data-pending", "");
            if root.append_child(&live).is_ok() {
                leptos::mount::mount_to(live, root_view).forget();
                return;
            }
        }
    }
    // The boot message (or the published content) goes; the app takes over.
    root.set_text_content(None);
    let _ = root.remove_attribute("data-published");
    leptos::mount::mount_to(root, root_view).forget();
}

/// True while a published page's own content is what the reader sees.
pub fn showing_published() -> bool {
    document()
        .get_element_by_id("app")
        .is_some_and(|root| root.has_attribute("data-published"))
}

thread_local! {
    /// What swaps a published page's copy for the app's render: set by the
    /// reader app ([`take_over_published_pages`]), the only entry point with
    /// published pages, and the timeline embed, for its first view; the
    /// other embeds and the studio carry none of it.
    static TAKE_OVER: std::cell::Cell<Option<fn()>> = const { std::cell::Cell::new(None) };
    /// See [`after_take_over`].
    static AFTER_TAKE_OVER: std::cell::Cell<Option<fn()>> = const { std::cell::Cell::new(None) };
}

/// What runs once a published page's copy (or the timeline embed's first
/// view) has given way to the app's render: the first view's kept moves.
pub fn after_take_over(then: fn()) {
    AFTER_TAKE_OVER.with(|after| after.set(Some(then)));
}

/// Lets this entry point's published pages (or first view) give way to its render.
pub fn take_over_published_pages() {
    TAKE_OVER.with(|take_over| take_over.set(Some(take_over_published)));
}

/// Swaps a published page's content for the app's render of it (no-op
/// elsewhere, and in an entry point without published pages).
pub fn take_over() {
    if let Some(take_over) = TAKE_OVER.with(std::cell::Cell::get) {
        take_over();
    }
}

/// [`take_over`] on the reader app and the timeline embed: the static copy
/// (a published page, or the first view) goes, the live one shows.
fn take_over_published() {
    let Some(root) = document().get_element_by_id("app") else {
        return;
    };
    if !root.has_attribute("data-published") {
        return;
    }
    let published = root.query_selector(":scope > .published").ok().flatten();
    let live = root.query_selector(":scope > .app-live").ok().flatten();
    // A published page may start the app at the reader's first key press
    // (publish::shell::Start::OnInput): the reader may be anywhere in the
    // page by now, and focus must not fall back to the top with the copy.
    let focused = published.as_ref().and_then(|published| {
        let active = document().active_element()?;
        (published.contains(Some(&active)) && !active.is_same_node(Some(published)))
            .then(|| element_path(published, &active))
    });
    if let Some(published) = published {
        published.remove();
    }
    if let Some(live) = live {
        let _ = live.remove_attribute("data-pending");
        let target = focused
            .and_then(|path| follow_path(&live, &path))
            .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(target) = target {
            let _ = target.focus();
        }
    }
    let _ = root.remove_attribute("data-published");
    let _ = root.remove_attribute("data-first-view");
    if let Some(then) = AFTER_TAKE_OVER.with(std::cell::Cell::take) {
        then();
    }
}

/// Where `element` is below `root`: its tag name and place among its
/// parent's children, at each level from `root` down.
fn element_path(root: &web_sys::Element, element: &web_sys::Element) -> Vec<(String, u32)> {
    let mut path = Vec::new();
    let mut current = element.clone();
    while !current.is_same_node(Some(root)) {
        let Some(parent) = current.parent_element() else {
            return Vec::new();
        };
        let children = parent.children();
        let index = (0..children.length())
            .find(|&i| {
                children
                    .item(i)
                    .is_some_and(|child| child.is_same_node(Some(&current)))
            })
            .unwrap_or(0);
        path.push((current.tag_name(), index));
        current = parent;
    }
    path.reverse();
    path
}

/// The element at `path` below `root`, if the same tags are there: the app
/// renders the published markup, so the reader's place is found again.
fn follow_path(root: &web_sys::Element, path: &[(String, u32)]) -> Option<web_sys::Element> {
    if path.is_empty() {
        return None;
    }
    let mut current = root.clone();
    for (tag, index) in path {
        let child = current.children().item(*index)?;
        if child.tag_name() != *tag {
            return None;
        }
        current = child;
    }
    Some(current)
}
