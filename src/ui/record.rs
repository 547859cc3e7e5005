//! Pieces every record page shares: the not-found message for an id the data
//! lacks, and the badge of illustrative records.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::Msg;
use crate::route::Route;
use crate::ui::lang::tr;
use crate::ui::links::href;

/// Shown in place of a record page whose id is not in the data.
#[component]
pub fn RecordNotFound(
    /// The id that was asked for.
    id: String,
) -> impl IntoView {
    let lang = crate::ui::lang::use_lang();
    view! {
        <section class="not-found" data-page="record-not-found">
            <h1>{tr(Msg::NotFoundTitle)}</h1>
            <p>{move || crate::i18n::fill(Msg::RecordNotFound.text(lang.get()), &[("id", &id)])}</p>
            <p><A href=href(Route::Home)>{tr(Msg::BackHome)}</A></p>
        </section>
    }
}

/// A small "Illustrative" badge for sample records the network's account does not state.
#[component]
pub fn IllustrativeBadge(
    /// Whether the record is illustrative; nothing is shown otherwise.
    illustrative: bool,
) -> impl IntoView {
    illustrative.then(|| view! { <span class="badge" title=tr(Msg::IllustrativeNote)>{tr(Msg::Illustrative)}</span> })
}
