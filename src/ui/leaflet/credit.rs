//! The credit of a network's own basemap, under the map it is drawn on
//! (the maps have no attribution box: their credits are in the page).

use leptos::prelude::*;

use crate::i18n::{Msg, fill};
use crate::model::Text;
use crate::ui::lang::use_lang;
use crate::ui::text::localized;

/// "Detailed map: <the manifest's attribution>", as text.
#[component]
pub fn BasemapCredit(attribution: Text) -> impl IntoView {
    let lang = use_lang();
    let credit = localized(&attribution);
    view! {
        <p class="map-basemap-credit muted">
            {move || fill(Msg::MapBasemapCredit.text(lang.get()), &[("credit", &credit())])}
        </p>
    }
}
