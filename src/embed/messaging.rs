//! Talking to the page that embeds us: `{type: "mapline:ready"}` once the view is
//! ready, `{type: "mapline:resize", height}` whenever the content's height
//! changes, and `{type: "mapline:change", id}` when the reader moves to another
//! event, slide or photo (also mirrored in the URL hash, for deep links). The
//! host script (`embed.js`) checks each message's origin and sender exactly.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use crate::ui::state::PageState;

/// The parent window when this page is inside a frame.
fn parent_window() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

fn post(fields: &[(&str, wasm_bindgen::JsValue)]) {
    let Some(parent) = parent_window() else {
        return;
    };
    let message = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&message, &(*key).into(), value);
    }
    // The messages carry nothing private, and the embedding page's origin is not
    // ours to know: "*" lets any host receive them; hosts check our origin.
    let _ = parent.post_message(&message, "*");
}

fn content_height() -> f64 {
    document()
        .document_element()
        .map_or(0.0, |root| f64::from(root.scroll_height()))
}

/// Starts the conversation with the host page, if there is one.
pub fn start(state: RwSignal<PageState>) {
    if parent_window().is_none() {
        return;
    }
    let announced_ready = StoredValue::new(false);
    let announce_ready = || {
        post(&[("type", "mapline:ready".into())]);
        post(&[
            ("type", "mapline:resize".into()),
            ("height", content_height().into()),
        ]);
    };
    Effect::new(move |_| {
        if state.get() == PageState::Ready && !announced_ready.get_value() {
            announced_ready.set_value(true);
            announce_ready();
        }
    });
    // A host script that starts after we were ready (a deferred script, a
    // frame loaded early) asks with `mapline:hello`: say it again.
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let from_parent = match (event.source(), parent_window()) {
                (Some(source), Some(parent)) => js_sys::Object::is(&source, &parent),
                _ => false,
            };
            let hello = js_sys::Reflect::get(&event.data(), &"type".into())
                .ok()
                .and_then(|t| t.as_string())
                .is_some_and(|t| t == "mapline:hello");
            if from_parent && hello && announced_ready.get_value() {
                announce_ready();
            }
        });
    let _ =
        window().add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    // Listens for the page's whole life, like the observer below.
    on_message.forget();
    let last_height = std::cell::Cell::new(0.0_f64);
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let height = content_height();
        if (height - last_height.get()).abs() >= 1.0 {
            last_height.set(height);
            post(&[("type", "mapline:resize".into()), ("height", height.into())]);
        }
    });
    if let (Ok(observer), Some(root)) = (
        web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
        document().document_element(),
    ) {
        observer.observe(&root);
        if let Some(body) = document().body() {
            observer.observe(&body);
        }
    }
    // The observer watches the document for the page's whole life.
    on_resize.forget();
}

/// Tells the host (and, in a frame, the URL hash) which event, slide or photo
/// is current.
pub fn announce_change(kind: &str, id: &str) {
    if parent_window().is_none() {
        return;
    }
    crate::ui::address::replace_hash(&format!("{kind}={id}"));
    post(&[
        ("type", "mapline:change".into()),
        ("kind", kind.into()),
        ("id", id.into()),
    ]);
}
