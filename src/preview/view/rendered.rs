//! The draft as it would be published.

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::NetworkData;
use crate::i18n::Msg;
use crate::model::Loaded;
use crate::preview::draft_views;
use crate::preview::view::DrawDraft;
use crate::ui::lang::tr;
use crate::ui::links::app_href;

/// Everything valid in the draft, rendered by the views it would be published
/// in (`draw`), with links that open each view on the draft.
#[component]
pub(super) fn RenderedDraft(
    /// The latest check of the draft.
    checked: RwSignal<Arc<Loaded>>,
    /// The published views, drawing the draft.
    draw: DrawDraft,
) -> impl IntoView {
    move || {
        let loaded = checked.get();
        let links = draft_views(&loaded.dataset);
        let data = Arc::new(NetworkData {
            dataset: loaded.dataset.clone(),
            problems: Vec::new(),
        });
        view! {
            <section class="rendered-draft" aria-labelledby="rendered-heading">
                <h2 id="rendered-heading">{tr(Msg::RenderedDraft)}</h2>
                {(!links.is_empty()).then(|| view! {
                    <ul class="open-views">
                        {links.into_iter().map(|(href, label)| view! {
                            <li><a href=app_href(&href) target="_blank" rel="noopener">{tr(label)}</a></li>
                        }).collect_view()}
                    </ul>
                })}
                {draw(data)}
            </section>
        }
    }
}
