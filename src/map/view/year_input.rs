//! One year field of the map's filters.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::ui::lang::tr;

/// One labelled year field.
#[component]
pub(super) fn YearInput(
    /// `data-filter`, for tests.
    name: &'static str,
    label: Msg,
    /// The current year, or "".
    value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <label>
            <span>{tr(label)}</span>
            <input type="number" inputmode="numeric" min="1" max="9999" data-filter=name
                prop:value=value on:change=move |ev| on_change.run(event_target_value(&ev))/>
        </label>
    }
    .into_any()
}
