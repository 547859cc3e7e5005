//! A story told on a picture from another host (a StoryMapJS `zoomify`
//! story): where the map would be, what it would load and a button to load
//! it; nothing is fetched before the reader presses it. The slides read
//! without it.

use leptos::prelude::*;

use crate::i18n::{Msg, fill};
use crate::model::ImageMap;
use crate::ui::lang::use_lang;
use crate::ui::text::localized;

/// The notice and its button, until `agreed`.
#[component]
pub fn ImageConsent(image: ImageMap, agreed: RwSignal<bool>) -> impl IntoView {
    let lang = use_lang();
    let host = crate::data::host_of(&image.url);
    let button_host = host.clone();
    view! {
        <Show when=move || !agreed.get()>
            <div class="external-media story-image-consent" data-image=image.url.clone()>
                <p>{let host = host.clone(); move || fill(Msg::StoryImageNotice.text(lang.get()), &[("host", &host)])}</p>
                <button type="button" class="button" on:click=move |_| agreed.set(true)>
                    {let host = button_host.clone(); move || fill(Msg::LoadFrom.text(lang.get()), &[("host", &host)])}
                </button>
            </div>
        </Show>
    }
    .into_any()
}

/// The picture's credit, once loaded.
#[component]
pub fn ImageCredit(image: ImageMap, agreed: RwSignal<bool>) -> impl IntoView {
    image.attribution.as_ref().map(|credit| {
        let credit = localized(credit);
        view! { <p class="story-image-credit muted" hidden=move || !agreed.get()>{credit}</p> }
    })
}
