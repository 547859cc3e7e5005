//! The timeline embed's first view (src/bin/mapline-embed-timeline.rs): the
//! embed's wasm is split in two, and its main module loads the page's data
//! and writes the title slide (`publish::first_view`); only once the slide is
//! on screen does it fetch the app's module (about two thirds of a second on
//! a phone on slow 4G, which would otherwise share the network and the cores
//! with the first paint). Plain DOM calls, no Leptos: Leptos is what the
//! app's module brings.
//!
//! The drawn slide is marked like a published page (`#app[data-published]`,
//! plus `data-first-view`), so the app renders beside it, hidden, and takes
//! its place in one frame once ready (`app::take_over`). A press of Next, or
//! of a slide key, before then is kept and carried out by the app as it
//! takes over: the reader who reads fast loses nothing.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::data::{NetworkData, load_page_data};
use crate::i18n::Msg;
use crate::publish::first_view::drawn_for;
use crate::timeline::slides::{SlideMove, key_for, slide_key};
use crate::ui::address::query_pairs;
use crate::ui::intl::Intl;
use crate::ui::lang::start_lang;
use crate::ui::state::LoadError;

/// What the first view loaded, for the app; `None` when it drew nothing and
/// left the loading to the app (see [`drawn_for`]).
pub type FirstLoad = Option<Result<NetworkData, LoadError>>;

/// A document this large (bytes) is read for longer than a frame even on a
/// desktop (about 20 MB/s here, several times slower on a phone): the app's
/// code is fetched beside the read, and arrives about when it ends, so the
/// app draws the document without a first view.
const LARGE_DOCUMENT: usize = 256 * 1024;

/// Loads the page's data and draws the title slide from it. Returns what
/// it loaded, for [`crate::app::start_timeline_embed`]. The app's module is
/// fetched after the slide is on screen (the caller's next step), or by
/// `fetch_app` as soon as a large document's bytes are in, and then nothing
/// is drawn: the app follows the read at once.
pub async fn timeline_embed(fetch_app: fn()) -> FirstLoad {
    crate::app::crash::install_panic_hook();
    // The app sets the same (`start_single`); the first view loads first.
    crate::data::files::set_importers(crate::data::files::importers_in_place);
    let pairs = query_pairs();
    if !drawn_for(&pairs) {
        return None;
    }
    let large = std::cell::Cell::new(false);
    let loaded = load_page_data(|bytes| {
        if bytes > LARGE_DOCUMENT {
            large.set(true);
            fetch_app();
        }
    })
    .await;
    if large.get() {
        // Its read took about as long as the app's code, fetched beside
        // it: a first view would only hold the app back.
        return Some(loaded);
    }
    if let Ok(data) = &loaded
        && draw(data, &pairs).is_some()
    {
        // The app's start is a long task: the slide is painted first.
        painted().await;
    }
    Some(loaded)
}

/// Resolves once the first view is on screen: when Chromium reports its
/// headline painted (Element Timing: the frame as presented, which on a busy
/// phone comes well after it was drawn); elsewhere a task after the next
/// frame; at most after half a second (a frame scrolled out of view draws
/// nothing, and the app must not wait for the reader to look).
async fn painted() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&JsValue::NULL);
            return;
        };
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 500);
        if element_timing_supported() {
            let done = resolve.clone();
            let on_paint = Closure::<dyn FnMut(JsValue, web_sys::PerformanceObserver)>::new(
                move |_entries: JsValue, observer: web_sys::PerformanceObserver| {
                    observer.disconnect();
                    let _ = done.call0(&JsValue::NULL);
                },
            );
            if let Ok(observer) =
                web_sys::PerformanceObserver::new(on_paint.as_ref().unchecked_ref())
            {
                let init =
                    web_sys::PerformanceObserverInit::new(&js_sys::Array::of1(&"element".into()));
                observer.observe(&init);
            }
            // Called at most once, then disconnected; a page has one first view.
            on_paint.forget();
        } else {
            let after_frame = resolve.clone();
            let on_frame = Closure::once_into_js(move || {
                if let Some(window) = web_sys::window() {
                    let _ = window
                        .set_timeout_with_callback_and_timeout_and_arguments_0(&after_frame, 0);
                }
            });
            let _ = window.request_animation_frame(on_frame.unchecked_ref());
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Whether this browser reports element paints (`PerformanceObserver.supportedEntryTypes`).
fn element_timing_supported() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"PerformanceObserver".into())
        .and_then(|observer| js_sys::Reflect::get(&observer, &"supportedEntryTypes".into()))
        .ok()
        .and_then(|types| types.dyn_into::<js_sys::Array>().ok())
        .is_some_and(|types| types.includes(&"element".into(), 0))
}

/// Writes the first view into `#app`; `None` when there is nothing to draw
/// (see `publish::first_view::timeline_embed`) or no page to draw it in.
fn draw(data: &NetworkData, pairs: &[(String, String)]) -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let root = document.get_element_by_id("app")?;
    let lang = start_lang();
    let narrow = window
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w < crate::timeline::NARROW_PX);
    let param = |name: &str| {
        pairs
            .iter()
            .find(|(key, value)| key == name && !value.is_empty())
            .map(|(_, value)| value.as_str())
    };
    let base = crate::ui::links::BASE.with(Clone::clone);
    let own_host = window.location().host().ok();
    let frame = crate::publish::first_view::Frame {
        base: &base,
        own_host: own_host.as_deref(),
        layout: param("layout"),
        narrow,
        height: crate::share::height_param(param("height")),
    };
    let html = crate::publish::first_view::timeline_embed(&data.dataset, &Intl(lang), &frame)?;
    if let Some(html_element) = document.document_element() {
        let _ = html_element.set_attribute("lang", lang.code());
        let _ = html_element.set_attribute("dir", if lang.is_rtl() { "rtl" } else { "ltr" });
        if let Some(theme) = crate::share::Theme::from_param(param("theme")).attribute() {
            let _ = html_element.set_attribute("data-theme", theme);
        }
    }
    // Markup written by publish::first_view, every text from the data
    // escaped there (as on the published pages): never markup from the data.
    root.set_inner_html(&format!("<div class=\"published\">{html}</div>"));
    let _ = root.set_attribute("data-published", "");
    let _ = root.set_attribute("data-first-view", "");
    // Readable now: not busy, though the app is still loading.
    let _ = root.set_attribute("aria-busy", "false");
    keep_early_moves(&root, lang.is_rtl());
    Some(())
}

thread_local! {
    /// The reader's moves on the first view, for the app to carry out.
    static EARLY_MOVES: std::cell::RefCell<Vec<SlideMove>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Keeps Next's presses and the slide's keys (as the app's slide reads
/// them) while the first view shows; [`replay_early_moves`] hands them to
/// the app. The listeners stay on `#app` for the page's life but act only
/// inside the first view, which the app's render replaces.
fn keep_early_moves(root: &web_sys::Element, rtl: bool) {
    let within = |event: &web_sys::Event, selector: &str| {
        event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(selector).ok().flatten())
            .is_some()
    };
    let in_first_view = move |event: &web_sys::Event, selector: &str| {
        within(event, &format!(".published {selector}"))
    };
    let on_click = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        if in_first_view(&event, "[data-timeline-slide-next]") {
            EARLY_MOVES.with(|moves| moves.borrow_mut().push(SlideMove::Next));
        }
    });
    let on_key =
        Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(move |event: web_sys::KeyboardEvent| {
            if event.ctrl_key() || event.meta_key() || event.alt_key() || event.shift_key() {
                return;
            }
            // Media controls keep their keys, as on the app's slide.
            if !in_first_view(&event, "[data-timeline-slide]")
                || within(&event, "audio, video, input, select, textarea")
            {
                return;
            }
            if let Some(step) = slide_key(&event.key(), rtl) {
                event.prevent_default();
                EARLY_MOVES.with(|moves| moves.borrow_mut().push(step));
            }
        });
    let _ = root.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    let _ = root.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
    on_click.forget();
    on_key.forget();
    crate::app::after_take_over(replay_early_moves);
}

/// Carries out the moves kept by [`keep_early_moves`] on the app's slide,
/// through its own key handling, once it has taken the first view's place.
fn replay_early_moves() {
    let moves = EARLY_MOVES.with(|moves| std::mem::take(&mut *moves.borrow_mut()));
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(slide) = document
        .query_selector("#app [data-timeline-slide]")
        .ok()
        .flatten()
    else {
        return;
    };
    let rtl = document
        .document_element()
        .is_some_and(|html| html.get_attribute("dir").as_deref() == Some("rtl"));
    for step in moves {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key_for(step, rtl));
        init.set_bubbles(true);
        init.set_cancelable(true);
        if let Ok(event) =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
        {
            let _ = slide.dispatch_event(&event);
        }
    }
}

/// The app's module could not be downloaded: the first view (if any) stays,
/// with the reader app's message for it and a retry.
pub fn app_not_loaded() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id("app") else {
        return;
    };
    // The language the first view chose (or would have).
    let lang = start_lang();
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", lang.code());
        let _ = html.set_attribute("dir", if lang.is_rtl() { "rtl" } else { "ltr" });
    }
    // Next would do nothing now; presses kept for the app are dropped.
    if let Ok(Some(next)) = root.query_selector(".published [data-timeline-slide-next]") {
        let _ = next.set_attribute("disabled", "");
    }
    EARLY_MOVES.with(|moves| moves.borrow_mut().clear());
    let place = root
        .query_selector("#main")
        .ok()
        .flatten()
        .unwrap_or_else(|| {
            root.set_text_content(None);
            root.clone()
        });
    let (Ok(alert), Ok(text), Ok(strong), Ok(button)) = (
        document.create_element("div"),
        document.create_element("p"),
        document.create_element("strong"),
        document.create_element("button"),
    ) else {
        return;
    };
    alert.set_class_name("load-error");
    let _ = alert.set_attribute("role", "alert");
    strong.set_text_content(Some(Msg::PageCodeFailed.text(lang)));
    let _ = text.append_child(&strong);
    let _ = alert.append_child(&text);
    button.set_class_name("button");
    let _ = button.set_attribute("type", "button");
    button.set_text_content(Some(Msg::Retry.text(lang)));
    // A failed module is not cached: a reload fetches it again.
    let retry = Closure::<dyn FnMut()>::new(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    let _ = button.add_event_listener_with_callback("click", retry.as_ref().unchecked_ref());
    // The button lives as long as the page.
    retry.forget();
    let _ = alert.append_child(&button);
    let _ = place.append_child(&alert);
    let _ = root.set_attribute("data-state", "error");
    let _ = root.set_attribute("aria-busy", "false");
}
