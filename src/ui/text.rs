//! Rendering text from data: multilingual `Text` resolved to the reader's
//! language, and the Markdown subset rendered as elements. Text from data is only
//! ever text nodes and attributes here, never HTML.

use leptos::prelude::*;

use crate::model::markdown::{self, Block, Inline};
use crate::model::text::Text;
use crate::ui::lang::use_lang;
use crate::ui::links::app_href;

/// A reactive closure giving `text` in the reader's language.
pub fn localized(text: &Text) -> impl Fn() -> String + Send + Sync + Clone + 'static + use<> {
    let text = text.clone();
    let lang = use_lang();
    move || text.resolve(lang.get().code()).to_owned()
}

/// Like [`localized`] for an optional field, empty when absent.
pub fn localized_opt(
    text: Option<&Text>,
) -> impl Fn() -> String + Send + Sync + Clone + 'static + use<> {
    let text = text.cloned();
    let lang = use_lang();
    move || {
        text.as_ref()
            .map(|t| t.resolve(lang.get().code()).to_owned())
            .unwrap_or_default()
    }
}

/// Long text in the Markdown subset, in the reader's language.
#[component]
pub fn RichText(
    /// The text to render (absent renders nothing).
    #[prop(into)]
    text: Option<Text>,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        text.as_ref().map(|text| {
            let blocks = markdown::parse(text.resolve(lang.get().code()));
            view! { <div class="rich-text">{blocks.into_iter().map(render_block).collect_view()}</div> }
        })
    }
}

fn render_block(block: Block) -> AnyView {
    match block {
        Block::Paragraph(inlines) => view! { <p>{render_inlines(inlines)}</p> }.into_any(),
        Block::List { ordered: true, items } => {
            view! { <ol>{items.into_iter().map(|item| view! { <li>{render_inlines(item)}</li> }).collect_view()}</ol> }
                .into_any()
        }
        Block::List { ordered: false, items } => {
            view! { <ul>{items.into_iter().map(|item| view! { <li>{render_inlines(item)}</li> }).collect_view()}</ul> }
                .into_any()
        }
    }
}

fn render_inlines(inlines: Vec<Inline>) -> AnyView {
    inlines
        .into_iter()
        .map(render_inline)
        .collect_view()
        .into_any()
}

fn render_inline(inline: Inline) -> AnyView {
    match inline {
        Inline::Text(text) => text.into_any(),
        Inline::Emphasis(children) => view! { <em>{render_inlines(children)}</em> }.into_any(),
        Inline::Strong(children) => {
            view! { <strong>{render_inlines(children)}</strong> }.into_any()
        }
        Inline::LineBreak => view! { <br/> }.into_any(),
        Inline::Link { href, children } => external_or_local_link(href, render_inlines(children)),
    }
}

/// Links to other sites open in a new tab without access to this page; app
/// paths (`/cases/x`) stay in the app, under its public URL.
pub fn external_or_local_link(href: String, children: AnyView) -> AnyView {
    if href.starts_with("http://") || href.starts_with("https://") {
        view! { <a href=href target="_blank" rel="noopener noreferrer">{children}</a> }.into_any()
    } else if href.starts_with('/') && !href.starts_with("//") {
        view! { <a href=app_href(&href)>{children}</a> }.into_any()
    } else {
        view! { <a href=href>{children}</a> }.into_any()
    }
}
