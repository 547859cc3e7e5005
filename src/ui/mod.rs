//! The web side's shared layer, below every capability: links and typed
//! routes, the language, rich text and media, the loading state, URL reading
//! and writing, problem lists and record-page pieces. It imports nothing above
//! it (no capability, no `data`, no `app`); only compiled for wasm32.

pub mod address;
pub mod frame;
pub mod intl;
pub mod lang;
pub mod leaflet;
pub mod links;
pub mod media;
pub mod problems;
pub mod record;
pub mod share;
pub mod state;
pub mod text;

use wasm_bindgen::JsCast;

/// The message of a thrown JavaScript value: an `Error`'s message or a thrown
/// string; `None` for anything else.
pub fn js_error_message(error: &wasm_bindgen::JsValue) -> Option<String> {
    error.as_string().or_else(|| {
        error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
    })
}
