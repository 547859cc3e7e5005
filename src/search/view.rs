//! The header's search box: an ARIA 1.2 combobox with instant results as you
//! type, arrows to move, Enter to open, Escape to close.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::data::use_network_data;
use crate::i18n::{Counted, Msg};
use crate::search::{Hit, Kind, SearchIndex};
use crate::ui::intl::{Intl, decompose};
use crate::ui::lang::{tr, use_lang};
use crate::ui::links::href_now;

/// How many results the list shows.
const MAX_RESULTS: usize = 8;

fn kind_label(kind: Kind) -> Msg {
    match kind {
        Kind::Case => Msg::KindCase,
        Kind::Member => Msg::Member,
        Kind::Campaign => Msg::KindCampaign,
        Kind::Story => Msg::KindStory,
    }
}

/// A country's words for the index: its code and its names in every
/// interface language (Intl.DisplayNames), so a reader finds "Mexique" or
/// "المكسيك" whatever language the interface is in, as the data's own
/// translations are.
fn country_words_everywhere(code: &str) -> String {
    use crate::i18n::Locale;
    let mut words = crate::search::country_words(code);
    for lang in crate::i18n::Lang::ALL {
        words.push(' ');
        words.push_str(&crate::ui::intl::Intl(lang).country(code));
    }
    words
}

#[component]
pub fn SearchBox() -> impl IntoView {
    let data = use_network_data();
    let lang = use_lang();
    let query = RwSignal::new(String::new());
    let active = RwSignal::new(None::<usize>);
    let open = RwSignal::new(false);
    // Built on first use, so start-up does not pay for it.
    let index = StoredValue::new(None::<Arc<SearchIndex>>);
    let hits = Memo::new(move |_| {
        let text = query.get();
        if text.trim().is_empty() {
            return Vec::new();
        }
        let Some(Ok(loaded)) = data.get() else {
            return Vec::new();
        };
        let built = index.get_value().unwrap_or_else(|| {
            let built = Arc::new(SearchIndex::build_with(
                &loaded.dataset,
                decompose,
                &country_words_everywhere,
            ));
            index.set_value(Some(built.clone()));
            built
        });
        built.search(&text, MAX_RESULTS)
    });
    let navigate = use_navigate();
    let go = move |hit: &Hit| {
        navigate(&href_now(hit.kind.route(&hit.id)), Default::default());
        query.set(String::new());
        open.set(false);
        active.set(None);
    };
    let on_keydown = {
        let go = go.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let count = hits.with(Vec::len);
            match ev.key().as_str() {
                "ArrowDown" if count > 0 => {
                    ev.prevent_default();
                    open.set(true);
                    active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % count)));
                }
                "ArrowUp" if count > 0 => {
                    ev.prevent_default();
                    open.set(true);
                    active.update(|a| *a = Some(a.map_or(count - 1, |i| (i + count - 1) % count)));
                }
                "Enter" if count > 0 => {
                    ev.prevent_default();
                    let chosen = hits.with(|h| h.get(active.get_untracked().unwrap_or(0)).cloned());
                    if let Some(hit) = chosen {
                        go(&hit);
                    }
                }
                "Escape" => {
                    if open.get_untracked() && count > 0 {
                        // First Escape only closes the list (a search input would clear itself).
                        ev.prevent_default();
                        open.set(false);
                    } else {
                        query.set(String::new());
                    }
                    active.set(None);
                }
                _ => {}
            }
        }
    };
    let expanded = move || open.get() && hits.with(|h| !h.is_empty());
    let status = move || {
        let text = query.get();
        if text.trim().is_empty() {
            return String::new();
        }
        match hits.with(Vec::len) {
            0 => Msg::NoResults.text(lang.get()).to_owned(),
            n => crate::i18n::count(&Intl(lang.get()), Counted::SearchResults, n),
        }
    };
    view! {
        <div class="site-search" role="search">
            <label for="site-search-input" class="visually-hidden">{tr(Msg::Search)}</label>
            <input
                id="site-search-input"
                type="search"
                role="combobox"
                aria-autocomplete="list"
                aria-controls="site-search-results"
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=move || active.get().filter(|_| expanded()).map(|i| format!("site-search-result-{i}"))
                autocomplete="off"
                placeholder=tr(Msg::SearchPlaceholder)
                prop:value=move || query.get()
                on:input=move |ev| {
                    query.set(event_target_value(&ev));
                    active.set(None);
                    open.set(true);
                }
                on:keydown=on_keydown
                on:blur=move |_| open.set(false)
            />
            <ul id="site-search-results" role="listbox" aria-label=tr(Msg::SearchResultsLabel) class="search-results" hidden=move || !expanded()>
                {move || {
                    hits.get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, hit)| {
                            let title = hit.title.resolve(lang.get().code()).to_owned();
                            let kind = kind_label(hit.kind);
                            let go = go.clone();
                            view! {
                                <li
                                    role="option"
                                    id=format!("site-search-result-{i}")
                                    aria-selected=move || (active.get() == Some(i)).to_string()
                                    data-result-kind=format!("{:?}", hit.kind).to_lowercase()
                                    // mousedown: before the input's blur closes the list.
                                    on:mousedown=move |ev| {
                                        ev.prevent_default();
                                        go(&hit);
                                    }
                                >
                                    <span class="search-result-title">{title}</span>
                                    <span class="search-result-kind">{tr(kind)}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <span class="visually-hidden" role="status">{status}</span>
        </div>
    }
}
