//! Where the draft is kept, when the reader must know.

use leptos::prelude::*;

use crate::data::draft_store::Kept;
use crate::i18n::{Msg, fill};
use crate::ui::lang::{tr, use_lang};

/// What the reader must know about where the draft is kept: nothing while it
/// is kept; an alert when it cannot be; a note when the version restored is
/// not the latest one stored.
#[component]
pub(super) fn StorageNotices(
    /// Where the latest version ended up.
    kept: RwSignal<Kept>,
    /// When the latest version was stored, if it could not be restored.
    newer_lost: Option<u64>,
) -> impl IntoView {
    let lang = use_lang();
    let lost_at = newer_lost.map(|saved| {
        move || {
            let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(saved as f64));
            let when: String = date
                .to_locale_string(lang.get().code(), &wasm_bindgen::JsValue::UNDEFINED)
                .into();
            fill(Msg::DraftNewerLost.text(lang.get()), &[("time", &when)])
        }
    });
    view! {
        <div class="draft-storage" role="alert">
            {move || (kept.get() == Kept::Lost).then(|| view! {
                <p class="draft-not-kept">{tr(Msg::DraftNotKept)}</p>
            })}
        </div>
        {lost_at.map(|text| view! { <p class="draft-newer-lost" role="status">{text}</p> })}
    }
}

/// Another tab stored this draft since this page read it: the reader picks
/// which version goes on (with two tabs, the last to store a change won, and
/// the other tab's work was silently replaced).
#[component]
pub(super) fn ChangedElsewhere(
    /// Opens the version the other tab stored.
    on_open: impl Fn() + Copy + 'static,
    /// Keeps this tab's version, storing it over the other.
    on_keep: impl Fn() + Copy + 'static,
) -> impl IntoView {
    view! {
        <div class="draft-elsewhere" role="alert">
            <p>{tr(Msg::DraftChangedElsewhere)}</p>
            <p class="held-actions">
                <button type="button" class="button" data-draft-open-other on:click=move |_| on_open()>{tr(Msg::DraftOpenOther)}</button>
                " "
                <button type="button" class="button button-quiet" data-draft-keep-this on:click=move |_| on_keep()>{tr(Msg::DraftKeepThis)}</button>
            </p>
        </div>
    }
}
