//! The Share and Embed buttons of the full-page views, and the embed code
//! generator: one modal dialog shared by every view, with the options, the
//! snippet to copy and a live preview of the embed itself. The options, URL and
//! snippet are the pure [`EmbedOptions`].

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::i18n::{Lang, Msg, fill};
use crate::share::{EmbedOptions, EmbedTitle, EmbedView, Start, Theme, share_url};
use crate::ui::address::query_pairs;
use crate::ui::lang::{tr, use_lang};

/// The deployment's public URL (the document's base URI, ending in `/`).
fn base_uri() -> String {
    document().base_uri().ok().flatten().unwrap_or_default()
}

/// Writes `text` to the clipboard; false when the browser has no clipboard
/// API here or refuses (the caller then offers the text selected).
async fn copy_text(text: String) -> bool {
    let navigator = window().navigator();
    let available = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|clipboard| !clipboard.is_undefined());
    available
        && wasm_bindgen_futures::JsFuture::from(navigator.clipboard().write_text(&text))
            .await
            .is_ok()
}

/// Focuses the element `selector` names (there is one Share and Embed pair a
/// page) and, for an input or textarea, selects its text.
fn focus_and_select(selector: &str) {
    let Some(element) = document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let _ = element.focus();
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        input.select();
    } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.select();
    }
}

/// A status line's text: a message in the reader's language, or nothing.
fn status_text(
    status: RwSignal<Option<Msg>>,
) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
    let lang = use_lang();
    move || status.get().map(|msg| msg.text(lang.get()))
}

/// The Share and Embed buttons of a page's view, below its heading (one pair a
/// page; embeds have none).
#[component]
pub fn ViewActions(
    /// The embed the Embed button generates.
    view: EmbedView,
    /// The story or gallery shown.
    #[prop(optional, into)]
    id: Option<String>,
    /// Where the embed starts when the page's address names no current item
    /// (a case page: the case's first outcome).
    #[prop(optional_no_strip)]
    start: Option<String>,
    /// The embed's title (the iframe's `title`).
    title: EmbedTitle,
    /// The page parameters the embed takes as they are (the map's view and
    /// filters, the timeline's lanes).
    #[prop(optional)]
    carried: &'static [&'static str],
) -> impl IntoView {
    let lang = use_lang();
    let open = RwSignal::new(None::<EmbedOptions>);
    let on_embed = move |_| {
        let pairs = query_pairs();
        let mut options = EmbedOptions::from_page(
            view,
            id.clone(),
            lang.get_untracked(),
            carried,
            pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        );
        if let (Start::First, Some(start)) = (&options.start, &start) {
            options.start = Start::Current(start.clone());
        }
        open.set(Some(options));
    };
    let on_close = move || {
        open.set(None);
        focus_and_select("[data-embed-open]");
    };
    let title = StoredValue::new(title);
    view! {
        <div class="view-actions">
            <ShareButton/>
            <button type="button" class="button button-quiet" aria-haspopup="dialog"
                data-embed-open="" on:click=on_embed>
                {tr(Msg::EmbedButton)}
            </button>
            {move || open.get().map(|options| view! {
                <EmbedDialog options=options title=title.get_value() on_close=on_close/>
            })}
        </div>
    }
    .into_any()
}

/// Copies the page's address ([`share_url`]); where the clipboard is refused,
/// shows the address in a field, selected.
#[component]
fn ShareButton() -> impl IntoView {
    let status = RwSignal::new(None::<Msg>);
    // The address, shown in a field where the clipboard is refused.
    let fallback = RwSignal::new(None::<String>);
    let on_share = move |_| {
        let url = share_url(&window().location().href().unwrap_or_default());
        status.set(None);
        spawn_local(async move {
            if copy_text(url.clone()).await {
                let _ = fallback.try_set(None);
                let _ = status.try_set(Some(Msg::ShareCopied));
            } else {
                let _ = fallback.try_set(Some(url));
            }
        });
    };
    Effect::new(move |_| {
        if fallback.with(Option::is_some) {
            // Once the field is shown.
            request_animation_frame(|| focus_and_select("[data-share-link]"));
        }
    });
    view! {
        <button type="button" class="button button-quiet" data-share="" on:click=on_share>
            {tr(Msg::ShareButton)}
        </button>
        <span class="view-actions-status" role="status" data-share-status="">
            {status_text(status)}
        </span>
        <label class="share-link" hidden=move || fallback.with(Option::is_none)>
            {tr(Msg::ShareLink)}" "
            <input type="text" readonly prop:value=move || fallback.get().unwrap_or_default()
                data-share-link=""/>
        </label>
    }
}

const THEMES: [(Theme, Msg); 4] = [
    (Theme::Auto, Msg::ThemeAuto),
    (Theme::Light, Msg::ThemeLight),
    (Theme::Dark, Msg::ThemeDark),
    (Theme::Contrast, Msg::ThemeContrast),
];

/// The form field an input event came from: its `data-embed-option` name and
/// its value (`true`/`false` for a checkbox).
fn field_of(ev: &web_sys::Event) -> Option<(String, String)> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let name = target.get_attribute("data-embed-option")?;
    let value = if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        if input.type_() == "checkbox" {
            input.checked().to_string()
        } else {
            input.value()
        }
    } else {
        target.dyn_ref::<web_sys::HtmlSelectElement>()?.value()
    };
    Some((name, value))
}

/// The embed code generator: a modal dialog (Escape closes it, the browser keeps
/// focus inside) with the options, the snippet, a Copy button and a live preview.
/// The fields start from `options` and are read back by one input handler
/// ([`EmbedOptions::set`]).
#[component]
fn EmbedDialog(
    /// The options it opens with (from the page).
    options: EmbedOptions,
    /// The embed's title.
    title: EmbedTitle,
    /// Called once the dialog has closed.
    on_close: impl Fn() + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let initial = options.clone();
    let options = RwSignal::new(options);
    let title = StoredValue::new(title);
    let base = StoredValue::new(base_uri());
    let url = move || options.with(|o| base.with_value(|b| o.url(b)));
    let snippet = move || {
        options
            .with(|o| base.with_value(|b| o.snippet(b, &title.with_value(|t| t.resolve(o.lang)))))
    };

    // The preview follows the options 300 ms after the last change.
    let preview = RwSignal::new(url());
    let pending = StoredValue::new(0_u32);
    Effect::new(move |previous: Option<()>| {
        let next = url();
        if previous.is_none() {
            return;
        }
        pending.update_value(|n| *n += 1);
        let ticket = pending.get_value();
        set_timeout(
            move || {
                if pending.try_get_value() == Some(ticket) {
                    let _ = preview.try_set(next);
                }
            },
            std::time::Duration::from_millis(300),
        );
    });

    let dialog = NodeRef::<html::Dialog>::new();
    Effect::new(move |_| {
        if let Some(dialog) = dialog.get()
            && !dialog.open()
        {
            let _ = dialog.show_modal();
        }
    });
    let close = move |_| {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
    };

    let status = RwSignal::new(None::<Msg>);
    let on_copy = move |_| {
        let text = untrack(snippet);
        status.set(None);
        spawn_local(async move {
            let copied = copy_text(text).await;
            if !copied {
                focus_and_select("[data-embed-snippet]");
            }
            let _ = status.try_set(Some(if copied {
                Msg::EmbedCopied
            } else {
                Msg::CopyFallback
            }));
        });
    };
    let on_input = move |ev: leptos::ev::Event| {
        if let Some((field, value)) = field_of(&ev) {
            options.update(|o| o.set(&field, &value));
        }
    };

    let option = move |value: String, label: String, selected: bool| {
        view! { <option value=value selected=selected>{label}</option> }
    };
    let ui = initial.lang;
    let themes = THEMES
        .into_iter()
        .map(|(theme, msg)| {
            let value = theme.attribute().unwrap_or("auto").to_owned();
            option(value, msg.text(ui).to_owned(), theme == initial.theme)
        })
        .collect_view();
    let langs = Lang::ALL
        .into_iter()
        .map(|l| {
            option(
                l.code().to_owned(),
                l.native_name().to_owned(),
                l == initial.lang,
            )
        })
        .collect_view();
    let view = initial.view;
    let start_field = view.has_start().then(|| {
        let mut starts = vec![Start::First];
        if let Start::Current(id) = &initial.start {
            starts.push(Start::Current(id.clone()));
        }
        if view.has_end() {
            starts.push(Start::End);
        }
        let choices = starts
            .iter()
            .map(|start| {
                let msg = match start {
                    Start::First => Msg::StartFirst,
                    Start::Current(_) => Msg::StartCurrent,
                    Start::End => Msg::StartEnd,
                };
                let value = start.field_value().to_owned();
                let label = fill(msg.text(ui), &[("id", &value)]);
                option(value, label, *start == initial.start)
            })
            .collect_view();
        view! {
            <label class="embed-field">
                {tr(Msg::EmbedStart)}
                <select data-embed-option="start">{choices}</select>
            </label>
        }
    });

    let layout_field = (view == EmbedView::Timeline).then(|| {
        let choices = [
            ("slides", Msg::TimelineLayoutSlides),
            ("axis", Msg::TimelineLayoutAxis),
        ]
        .into_iter()
        .map(|(value, msg)| {
            option(
                value.to_owned(),
                msg.text(ui).to_owned(),
                initial.layout() == value,
            )
        })
        .collect_view();
        view! {
            <label class="embed-field">
                {tr(Msg::TimelineLayout)}
                <select data-embed-option="layout">{choices}</select>
            </label>
        }
    });

    let preview_title = move || {
        format!(
            "{}: {}",
            Msg::EmbedPreview.text(lang.get()),
            options.with(|o| title.with_value(|t| t.resolve(o.lang)))
        )
    };

    view! {
        <dialog class="embed-dialog" node_ref=dialog aria-labelledby="embed-dialog-title"
            data-embed-dialog="" on:close=move |_| on_close()>
            <div class="embed-dialog-head">
                <h2 id="embed-dialog-title">{tr(Msg::EmbedDialogTitle)}</h2>
                <button type="button" class="button button-quiet" on:click=close data-embed-close="">
                    {tr(Msg::MapClose)}
                </button>
            </div>
            <p>{tr(Msg::EmbedIntro)}</p>
            <div class="embed-options" on:input=on_input>
                <label class="embed-check">
                    <input type="checkbox" checked=initial.responsive data-embed-option="responsive"/>
                    " "{tr(Msg::EmbedResponsive)}
                </label>
                <label class="embed-field">
                    {tr(Msg::EmbedWidth)}
                    <input type="number" min="100" max="4000" step="10" value=initial.width
                        disabled=move || options.with(|o| o.responsive) data-embed-option="width"/>
                </label>
                <label class="embed-field">
                    {tr(Msg::EmbedHeight)}
                    <input type="number" min="120" max="5000" step="10" value=initial.height data-embed-option="height"/>
                </label>
                <label class="embed-field">
                    {tr(Msg::EmbedTheme)}
                    <select data-embed-option="theme">{themes}</select>
                </label>
                <label class="embed-field">
                    {tr(Msg::Language)}
                    <select data-embed-option="lang">{langs}</select>
                </label>
                {start_field}
                {layout_field}
            </div>
            <label class="embed-code">
                {tr(Msg::EmbedCode)}
                <textarea readonly rows="5" spellcheck="false" dir="ltr"
                    prop:value=snippet data-embed-snippet=""></textarea>
            </label>
            <p class="embed-copy">
                <button type="button" class="button" on:click=on_copy data-embed-copy="">{tr(Msg::EmbedCopy)}</button>
                " "
                <span role="status" data-embed-status="">{status_text(status)}</span>
            </p>
            <h3>{tr(Msg::EmbedPreview)}</h3>
            <div class="embed-preview">
                <iframe src=move || preview.get() title=preview_title
                    width=move || options.with(EmbedOptions::width_attribute)
                    height=move || options.with(|o| o.height)
                    sandbox="allow-scripts allow-same-origin allow-popups" data-embed-preview=""></iframe>
            </div>
        </dialog>
    }
}
