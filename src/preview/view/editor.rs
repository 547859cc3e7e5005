//! The draft's files as tabs and the current one's text, editable.

use leptos::prelude::*;

use crate::draft::Draft;
use crate::i18n::Msg;
use crate::ui::lang::tr;

/// The draft's files as tabs, and the text of the current one, editable.
#[component]
pub(super) fn DraftEditor(
    /// The draft being previewed.
    draft: RwSignal<Draft>,
    /// The index of the file shown.
    current: RwSignal<usize>,
    /// The textarea, for selecting a problem's place.
    textarea: NodeRef<leptos::html::Textarea>,
) -> impl IntoView {
    let names = Memo::new(move |_| {
        draft.with(|d| d.files.iter().map(|f| f.name.clone()).collect::<Vec<_>>())
    });
    let text = move || {
        draft.with(|d| {
            d.files
                .get(current.get())
                .map(|f| f.text.clone())
                .unwrap_or_default()
        })
    };
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let index = current.get_untracked();
        draft.update(|d| d.edit(index, value));
    };
    view! {
        <div class="draft-editor">
            <div class="draft-files" role="group" aria-label=tr(Msg::DraftFiles)>
                {move || {
                    names
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(index, name)| view! {
                            <button
                                type="button"
                                class="draft-file"
                                aria-pressed=move || (current.get() == index).to_string()
                                on:click=move |_| current.set(index)
                            >
                                {name}
                            </button>
                        })
                        .collect_view()
                }}
            </div>
            <label for="draft-text">{tr(Msg::DraftText)}</label>
            <textarea
                id="draft-text"
                class="draft-text"
                node_ref=textarea
                rows="18"
                spellcheck="false"
                autocomplete="off"
                prop:value=text
                on:input=on_input
            ></textarea>
        </div>
    }
}
