//! `/preview`: paste a draft document and see every problem and what would load.
//! The draft stays in this browser (localStorage); nothing is sent anywhere.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::preview::check_pasted;
use crate::web::lang::tr;
use crate::web::problems::ProblemList;
use crate::web::state::mark_ready_when_mounted;

const DRAFT_KEY: &str = "mapline.preview.draft";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

#[component]
pub fn PreviewPage() -> impl IntoView {
    mark_ready_when_mounted();
    let draft = RwSignal::new(
        storage()
            .and_then(|s| s.get_item(DRAFT_KEY).ok().flatten())
            .unwrap_or_default(),
    );
    let loaded = Memo::new(move |_| {
        let loaded = check_pasted(&draft.get());
        (loaded.dataset.stats().to_string(), loaded.problems)
    });
    Effect::new(move |_| {
        if let Some(storage) = storage() {
            let _ = storage.set_item(DRAFT_KEY, &draft.get());
        }
    });
    view! {
        <section data-page="preview">
            <h1>{tr(Msg::PreviewTitle)}</h1>
            <p>{tr(Msg::PreviewIntro)}</p>
            <label for="draft-text">{tr(Msg::DraftText)}</label>
            <textarea id="draft-text" class="draft-text" rows="16" spellcheck="false"
                prop:value=move || draft.get()
                on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
            <p class="preview-summary" role="status">{move || loaded.get().0}</p>
            {move || {
                let problems = loaded.get().1;
                if problems.is_empty() {
                    view! { <p class="no-problems">{tr(Msg::NoProblems)}</p> }.into_any()
                } else {
                    view! { <ProblemList problems=problems/> }.into_any()
                }
            }}
        </section>
    }
}
