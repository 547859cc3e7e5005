//! Loading Leaflet itself, on first need.

use std::cell::RefCell;

use js_sys::Array;
use wasm_bindgen::prelude::*;

use crate::geo::LEAFLET_DIR;

pub(super) const LEAFLET_MISSING: &str = "Leaflet could not be loaded";

thread_local! {
    /// The page's one load of Leaflet, shared by every map that waits for it.
    static LEAFLET_LOAD: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// Whether Leaflet's global `L` exists.
pub(super) fn leaflet_present() -> bool {
    js_sys::Reflect::has(&js_sys::global(), &JsValue::from_str("L")).unwrap_or(false)
}

/// Loads Leaflet on first need, so pages without a map never fetch it (about
/// 46 KB gzip of JS and CSS): adds its stylesheet (first in `<head>`, so the
/// app's own rules still override it) and its script, and resolves once both
/// have loaded. Later calls share the first load; after a failed one (a
/// dropped connection on a phone) the next call loads afresh, so a map's
/// "Try again" works without reloading the page.
pub async fn load_leaflet() -> Result<(), String> {
    if leaflet_present() {
        return Ok(());
    }
    let load =
        LEAFLET_LOAD.with(|cell| cell.borrow_mut().get_or_insert_with(inject_leaflet).clone());
    let loaded = wasm_bindgen_futures::JsFuture::from(load).await;
    if loaded.is_ok() && leaflet_present() {
        Ok(())
    } else {
        forget_failed_load();
        Err(LEAFLET_MISSING.to_owned())
    }
}

/// Drops the failed load and the elements it added, for the next try.
fn forget_failed_load() {
    LEAFLET_LOAD.with(|cell| cell.borrow_mut().take());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    while let Ok(Some(added)) = document.query_selector("head [data-leaflet-load]") {
        added.remove();
    }
}

/// Adds the stylesheet and the script; the promise settles when both have.
fn inject_leaflet() -> js_sys::Promise {
    let Some(head) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.head())
    else {
        return js_sys::Promise::reject(&JsValue::from_str(LEAFLET_MISSING));
    };
    // Relative URLs: they resolve against `<base href>`, the app's public URL.
    let css_url = format!("{LEAFLET_DIR}/leaflet.css");
    let js_url = format!("{LEAFLET_DIR}/leaflet.js");
    let first = head.first_child();
    let css = load_element(
        &head,
        "link",
        &[
            ("rel", "stylesheet"),
            ("href", &css_url),
            ("data-leaflet-load", ""),
        ],
        first.as_ref(),
    );
    let js = load_element(
        &head,
        "script",
        &[("src", &js_url), ("data-leaflet-load", "")],
        None,
    );
    js_sys::Promise::all(&Array::of2(&css, &js))
}

/// Adds the script at `url` (relative to `<base href>`) to `<head>`; the
/// promise settles when it has loaded or failed.
pub(super) fn inject_script(url: &str) -> js_sys::Promise {
    match web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.head())
    {
        Some(head) => load_element(&head, "script", &[("src", url)], None),
        None => js_sys::Promise::reject(&JsValue::from_str("no document")),
    }
}

/// An element added to `parent` (before `before`, or last), as a promise of
/// its `load` (rejected on `error`).
fn load_element(
    parent: &web_sys::HtmlHeadElement,
    tag: &str,
    attributes: &[(&str, &str)],
    before: Option<&web_sys::Node>,
) -> js_sys::Promise {
    let Some(document) = parent.owner_document() else {
        return js_sys::Promise::reject(&JsValue::from_str("no document"));
    };
    js_sys::Promise::new(&mut |resolve, reject| {
        let added = document.create_element(tag).and_then(|element| {
            for (name, value) in attributes {
                element.set_attribute(name, value)?;
            }
            element.add_event_listener_with_callback("load", &resolve)?;
            element.add_event_listener_with_callback("error", &reject)?;
            parent.insert_before(&element, before)
        });
        if let Err(error) = added {
            let _ = reject.call1(&JsValue::NULL, &error);
        }
    })
}
