//! A draft that stopped the page last time, held until the reader chooses.

use leptos::prelude::*;

use crate::draft::Draft;
use crate::i18n::{Counted, Msg};
use crate::preview::view::download;
use crate::ui::lang::{tr, tr_count};

/// A draft that stopped the preview last time: its files, and the choice to
/// open it anyway, download it or discard it.
#[component]
pub(super) fn HeldDraft(
    /// The stored draft, kept as it is until the reader chooses.
    draft: RwSignal<Draft>,
    on_open: impl Fn() + Send + Sync + 'static,
    on_discard: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let files = draft.with_untracked(|d| {
        d.files
            .iter()
            .map(|f| (f.name.clone(), f.text.len()))
            .collect::<Vec<_>>()
    });
    let download_all = move |_| {
        draft.with_untracked(|d| {
            for file in &d.files {
                let mime = if crate::import::is_csv(&file.name) {
                    "text/csv"
                } else {
                    "application/json"
                };
                download(&file.name, mime, &file.text);
            }
        });
    };
    view! {
        <div class="held-draft" role="alert">
            <p><strong>{tr(Msg::DraftHeld)}</strong></p>
            <ul class="held-files">
                {files.into_iter().map(|(name, bytes)| {
                    view! {
                        <li><code>{name}</code>" "{tr_count(Counted::Bytes, bytes)}</li>
                    }
                }).collect_view()}
            </ul>
            <p class="held-actions">
                <button type="button" class="button" on:click=move |_| on_open()>{tr(Msg::DraftOpenAnyway)}</button>
                " "
                <button type="button" class="button secondary" on:click=download_all>{tr(Msg::DraftDownload)}</button>
                " "
                <button type="button" class="button secondary" on:click=move |_| on_discard()>{tr(Msg::DraftDiscard)}</button>
            </p>
        </div>
    }
}
