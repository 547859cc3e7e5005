//! The slide list in the page: finding, scrolling to and watching slides.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The slide elements of the list.
pub(super) fn slide_elements(list: &web_sys::Element) -> Vec<web_sys::Element> {
    let children = list.children();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .collect()
}

/// Brings slide `index` to the top of the reading area (scroll layout).
pub(super) fn scroll_to_slide(list: &web_sys::Element, index: usize) {
    if let Some(slide) = slide_elements(list).get(index) {
        slide.scroll_into_view_with_bool(true);
    }
}

/// The slide being read in the scroll layout: the last whose top has passed
/// the middle of the window (the first at the top of the page).
pub(super) fn slide_in_view(list: &web_sys::Element) -> usize {
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    slide_elements(list)
        .iter()
        .rposition(|slide| slide.get_bounding_client_rect().top() < height * 0.55)
        .unwrap_or(0)
}

/// The slide the reader has scrolled to in the published page
/// (`mapline publish`'s copy, every slide shown), while it is what they see:
/// the app, started at their first input, opens there rather than at the
/// first slide. `None` at the top of the page, or without a published copy.
pub(super) fn published_slide_in_view() -> Option<usize> {
    if window().scroll_y().unwrap_or(0.0) <= 0.0 {
        return None;
    }
    let list = document()
        .query_selector("#app > .published ol.slides")
        .ok()
        .flatten()?;
    Some(slide_in_view(&list))
}

/// True when a key press belongs to a field, a control that uses arrows or
/// the map (which pans with them).
pub(super) fn typing_in(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| {
            el.closest("input, textarea, select, [contenteditable], .leaflet-container")
                .ok()
                .flatten()
        })
        .is_some()
}
