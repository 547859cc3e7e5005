//! The map's legend.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::map::{CLASSES, NEUTRAL, class_label};
use crate::ui::lang::tr;

/// The colour classes of the member count, and the neutral colour.
#[component]
pub(super) fn Legend() -> impl IntoView {
    view! {
        <figure class="map-legend">
            <figcaption>{tr(Msg::MapLegend)}</figcaption>
            <ul>
                {CLASSES.iter().enumerate().map(|(i, (_, colour))| view! {
                    <li><span class="swatch" aria-hidden="true" style:background-color=*colour></span>{class_label(i)}</li>
                }).collect_view()}
                <li><span class="swatch" aria-hidden="true" style:background-color=NEUTRAL></span>{tr(Msg::MapNoMembers)}</li>
            </ul>
        </figure>
    }
    .into_any()
}
