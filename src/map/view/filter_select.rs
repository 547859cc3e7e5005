//! One filter menu of the map.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::model::Text;
use crate::ui::lang::{tr, use_lang};

/// The label of a choice: from the catalogue, or text from the data (in
/// every language it has: the label follows the reader's).
#[derive(Clone)]
pub(super) enum Choice {
    Ui(Msg),
    Data(Text),
}

/// One labelled filter menu whose first choice, "All", is the empty value.
#[component]
pub(super) fn FilterSelect(
    /// `data-filter`, for tests.
    name: &'static str,
    label: Msg,
    /// (value, label) of each choice.
    choices: Vec<(String, Choice)>,
    /// The current value ("" for all).
    value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <label>
            <span>{tr(label)}</span>
            <select data-filter=name prop:value=value on:change=move |ev| on_change.run(event_target_value(&ev))>
                <option value="">{tr(Msg::MapAll)}</option>
                {choices.into_iter().map(|(value, choice)| {
                    let text = move || match &choice {
                        Choice::Ui(msg) => msg.text(lang.get()).to_owned(),
                        Choice::Data(text) => text.resolve(lang.get().code()).to_owned(),
                    };
                    view! { <option value=value>{text}</option> }
                }).collect_view()}
            </select>
        </label>
    }
    .into_any()
}
