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

/// Mounts the app into `#app` (which index.html ships with `data-state="loading"`).
pub fn start() {
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
    leptos::mount::mount_to(root, shell::App).forget();
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
