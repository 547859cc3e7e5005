//! What a Leaflet map shows where it could not be drawn.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::ui::lang::tr;

/// Why a map is not drawn (the rest of its view still works), with the
/// technical detail, and a way to try again where one helps (a script that
/// did not arrive over a dropped connection).
#[component]
pub fn MapLoadError(
    /// What the reader still has.
    headline: Msg,
    /// The error itself.
    detail: String,
    /// Tries to draw the map again.
    #[prop(optional)]
    retry: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="load-error map-error" role="alert">
            <p><strong>{tr(headline)}</strong></p>
            <p class="load-error-detail"><code>{detail}</code></p>
            {retry.map(|retry| view! {
                <button type="button" class="button" on:click=move |_| retry.run(())>{tr(Msg::Retry)}</button>
            })}
        </div>
    }
}
