//! A story's outside tile layer (a StoryMapJS `map_type`): the tick box that
//! turns it on, and its credit once on. Nothing is fetched from the tile host
//! before the reader ticks the box; the bundled basemap is drawn until then.

use leptos::prelude::*;

use crate::i18n::{Msg, fill};
use crate::model::Tiles;
use crate::ui::lang::use_lang;
use crate::ui::text::localized;

/// The tick box; `on_change` gets the tile URL to show, or `None`.
#[component]
pub fn StoryTiles(tiles: Tiles, on_change: Callback<Option<String>>) -> impl IntoView {
    let lang = use_lang();
    let on = RwSignal::new(false);
    let host = crate::data::host_of(&tiles.url);
    let url = tiles.url.clone();
    let credit = tiles.attribution.as_ref().map(localized);
    view! {
        <div class="story-tiles">
            <label>
                <input type="checkbox" on:change=move |ev| {
                    let checked = event_target_checked(&ev);
                    on.set(checked);
                    on_change.run(checked.then(|| url.clone()));
                }/>
                " "{move || fill(Msg::MapShowTiles.text(lang.get()), &[("host", &host)])}
            </label>
            {credit.map(|credit| view! {
                <p class="story-tiles-credit muted" hidden=move || !on.get()>{credit}</p>
            })}
        </div>
    }
    .into_any()
}
