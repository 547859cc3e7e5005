//! Media from data: images, audio, video and links. Media on another host is
//! never fetched until the reader asks for it: a placeholder names the provider
//! and offers a button, so nothing leaves the deployment on page load.

use leptos::prelude::*;

use crate::i18n::{Msg, fill};
use crate::model::{Media, MediaKind};
use crate::ui::lang::use_lang;
use crate::ui::text::{external_or_local_link, localized_opt};

/// The host of an absolute http(s) URL; `None` for relative (our own) URLs.
pub fn external_host(url: &str) -> Option<String> {
    let host = crate::model::url::host(url)?;
    let own = web_sys::window().and_then(|w| w.location().host().ok());
    (own.as_deref() != Some(host)).then(|| host.trim_start_matches("www.").to_owned())
}

/// One piece of media with its caption and credit.
#[component]
pub fn MediaView(
    /// The media to show.
    media: Media,
) -> impl IntoView {
    let caption = localized_opt(media.caption.as_ref());
    let credit = localized_opt(media.credit.as_ref());
    let has_caption = media.caption.is_some() || media.credit.is_some();
    let body = media_body(media);
    view! {
        <figure class="media">
            {body}
            {has_caption.then(|| view! {
                <figcaption>
                    <span class="media-caption">{caption}</span>
                    " "
                    <span class="media-credit">{credit}</span>
                </figcaption>
            })}
        </figure>
    }
}

fn media_body(media: Media) -> AnyView {
    let kind = media.resolved_kind();
    match (kind, external_host(&media.url)) {
        (MediaKind::Link, _) => {
            let label = localized_opt(media.title.as_ref().or(media.caption.as_ref()));
            let url = media.url.clone();
            external_or_local_link(
                url.clone(),
                view! { {move || { let l = label(); if l.is_empty() { url.clone() } else { l } }} }
                    .into_any(),
            )
        }
        (_, Some(host)) => view! { <ExternalMedia media=media host=host/> }.into_any(),
        (MediaKind::Image, None) => local_image(&media),
        (MediaKind::Audio, None) => {
            view! { <audio controls preload="none" src=media.url></audio> }.into_any()
        }
        (MediaKind::Video, None) => {
            view! { <video controls preload="none" src=media.url></video> }.into_any()
        }
    }
}

fn local_image(media: &Media) -> AnyView {
    let alt = localized_opt(media.alt.as_ref());
    view! {
        <img src=media.url.clone() alt=alt width=media.width height=media.height loading="lazy" decoding="async"/>
    }
    .into_any()
}

/// Media from another host, loaded only on the reader's request.
#[component]
fn ExternalMedia(media: Media, host: String) -> impl IntoView {
    let loaded = RwSignal::new(false);
    let kind = media.resolved_kind();
    let url = media.url.clone();
    let alt = localized_opt(media.alt.as_ref());
    let lang = use_lang();
    let host_label = host.clone();
    view! {
        <Show
            when=move || loaded.get()
            fallback=move || {
                let host = host_label.clone();
                let provider = host.clone();
                view! {
                    <div class="external-media" data-provider=provider>
                        <p>{let host = host.clone(); move || fill(Msg::ExternalNotice.text(lang.get()), &[("host", &host)])}</p>
                        <button type="button" class="button" on:click=move |_| loaded.set(true)>
                            {move || fill(Msg::LoadFrom.text(lang.get()), &[("host", &host)])}
                        </button>
                    </div>
                }
            }
        >
            {
                let url = url.clone();
                let alt = alt.clone();
                match kind {
                    MediaKind::Image => view! { <img src=url alt=alt/> }.into_any(),
                    MediaKind::Audio => view! { <audio controls src=url></audio> }.into_any(),
                    // Video sites need their player page; link to it rather than run their script here.
                    _ => external_or_local_link(url.clone(), url.into_any()),
                }
            }
        </Show>
    }
}
