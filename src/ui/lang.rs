//! The reader's interface language: chosen from `?lang=`, the stored choice and the
//! browser's preferences; persisted; mirrored onto `<html lang dir>`, and onto
//! the address's `?lang=` when it has one (links carry it, `crate::route`).

use leptos::prelude::*;

use crate::i18n::{Lang, Msg};
use crate::ui::address::{query_param, replace_query};

use crate::i18n::LANG_STORAGE_KEY as STORAGE_KEY;

#[derive(Clone, Copy)]
pub struct LangContext(pub RwSignal<Lang>);

pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<LangContext>().0
}

/// A reactive catalogue text in the current language.
pub fn tr(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || msg.text(lang.get())
}

/// The language chosen at start-up: the address's `?lang=`, else the
/// reader's stored choice, else the browser's languages (`Lang::choose`).
/// Also read by the timeline embed's first view, before the app runs.
pub fn start_lang() -> Lang {
    let window = web_sys::window();
    let explicit = query_param("lang");
    let stored = window
        .as_ref()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    let preferred: Vec<String> = window
        .as_ref()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default();
    Lang::choose(
        explicit.as_deref(),
        stored.as_deref(),
        preferred.iter().map(String::as_str),
    )
}

/// Chooses the language at start-up and keeps the document and storage in step.
pub fn provide_lang() -> RwSignal<Lang> {
    let window = web_sys::window();
    let storage = window
        .as_ref()
        .and_then(|w| w.local_storage().ok().flatten());
    // An embed's ?lang= is the embedder's choice, not the reader's: it is not
    // stored (the embed generator's preview would otherwise change the app's language).
    let in_embed = window
        .as_ref()
        .and_then(|w| w.location().pathname().ok())
        .is_some_and(|path| path.contains("/embed/"));
    let lang = RwSignal::new(start_lang());
    provide_context(LangContext(lang));

    Effect::new(move |previous: Option<Lang>| {
        let lang = lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
            let _ = root.set_attribute("dir", if lang.is_rtl() { "rtl" } else { "ltr" });
        }
        if let Some(storage) = storage.as_ref().filter(|_| !in_embed) {
            // Private modes may refuse storage; the choice then lasts for the visit.
            let _ = storage.set_item(STORAGE_KEY, lang.code());
        }
        // Once the reader picks another language, an address that names one
        // names the one picked: a reload or a copied link shows what the
        // reader sees. (At start-up the address is left as given.)
        if previous.is_some_and(|before| before != lang) && query_param("lang").is_some() {
            replace_query(&[("lang", Some(lang.code()))]);
        }
        lang
    });
    lang
}

/// The language menu in the header.
#[component]
pub fn LanguageSelect() -> impl IntoView {
    let lang = use_lang();
    view! {
        <label class="language-select">
            <span class="visually-hidden">{tr(Msg::Language)}</span>
            <select
                prop:value=move || lang.get().code()
                on:change=move |ev| {
                    if let Some(chosen) = Lang::from_tag(&event_target_value(&ev)) {
                        lang.set(chosen);
                    }
                }
            >
                {Lang::ALL
                    .into_iter()
                    .map(|l| view! { <option value=l.code() lang=l.code()>{l.native_name()}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}

/// The browser's way of writing dates, numbers and plural forms in the
/// current language (reactive: call inside a view's closure).
pub fn use_intl() -> impl Fn() -> crate::ui::intl::Intl + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || crate::ui::intl::Intl(lang.get())
}

/// A country's name in the reader's language (reactive), from its ISO code.
pub fn country_name(code: &str) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let intl = use_intl();
    let code = code.to_owned();
    move || {
        use crate::i18n::Locale;
        intl().country(&code)
    }
}

/// A reactive count in the reader's language: `1 result`, `٣ نتائج`.
pub fn tr_count(
    msg: crate::i18n::Counted,
    n: usize,
) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let intl = use_intl();
    move || crate::i18n::count(&intl(), msg, n)
}
