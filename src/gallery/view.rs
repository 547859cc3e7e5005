//! `/galleries` and `/galleries/:id`: the photos with their true proportions
//! (width and height from the data, so nothing shifts as they load). Each photo
//! element carries `data-photo-id`.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::gallery::srcset;
use crate::i18n::{Msg, fill};
use crate::model::{Gallery, Photo};
use crate::web::data::{SharedData, use_network_data};
use crate::web::lang::{tr, use_lang};
use crate::web::problems::ProblemList;
use crate::web::shell::{IllustrativeBadge, RecordNotFound, app_href, route_id};
use crate::web::state::with_data;
use crate::web::text::{RichText, localized, localized_opt};

#[component]
pub fn GalleriesIndex() -> impl IntoView {
    with_data(use_network_data(), |data| {
        let lang = use_lang();
        view! {
            <section data-page="galleries">
                <h1>{tr(Msg::NavGalleries)}</h1>
                <ul class="cards">
                    {data.dataset.galleries.iter().map(|gallery| {
                        let count = gallery.photos.len().to_string();
                        let title = localized(&gallery.title);
                        view! {
                            <li class="card" data-gallery-id=gallery.id.clone()>
                                {gallery.cover_photo().cloned().map(|photo| view! { <PhotoImage photo=photo sizes="(max-width: 40rem) 100vw, 20rem"/> })}
                                <div class="card-body">
                                    <h2><A href=app_href(&format!("/galleries/{}", gallery.id))>{title}</A></h2>
                                    <p>{move || fill(Msg::Photos.text(lang.get()), &[("count", &count)])}</p>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <ProblemList problems=data.problems.clone()/>
            </section>
        }
    })
}

#[component]
pub fn GalleryPage() -> impl IntoView {
    let id = route_id();
    with_data(use_network_data(), move |data: SharedData| {
        let id = id();
        match data.dataset.gallery(&id) {
            Some(gallery) => view! { <GalleryView gallery=gallery.clone()/> }.into_any(),
            None => view! { <RecordNotFound id=id/> }.into_any(),
        }
    })
}

/// A gallery's photos as a grid of figures.
#[component]
pub fn GalleryView(
    /// The gallery to show.
    gallery: Gallery,
) -> impl IntoView {
    view! {
        <article class="gallery" data-gallery-id=gallery.id.clone()>
            <h1>{localized(&gallery.title)}" "<IllustrativeBadge illustrative=gallery.illustrative/></h1>
            <RichText text=gallery.description.clone()/>
            <ul class="photo-grid">
                {gallery.photos.into_iter().map(|photo| {
                    let caption = localized_opt(photo.caption.as_ref());
                    let credit = localized_opt(photo.credit.as_ref());
                    view! {
                        <li data-photo-id=photo.id.clone()>
                            <figure>
                                <PhotoImage photo=photo.clone() sizes="(max-width: 40rem) 100vw, 33vw"/>
                                <figcaption>{caption}" "<span class="media-credit">{credit}</span></figcaption>
                            </figure>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </article>
    }
}

/// A photo's `<img>` with its alt text, true size and `srcset`.
#[component]
pub fn PhotoImage(
    /// The photo.
    photo: Photo,
    /// The `sizes` attribute for the layout it sits in.
    sizes: &'static str,
) -> impl IntoView {
    let alt = localized_opt(photo.alt.as_ref());
    let srcset = srcset(&photo);
    let sizes = srcset.is_some().then_some(sizes);
    view! {
        <img src=photo.url.clone() srcset=srcset sizes=sizes alt=alt
            width=photo.width height=photo.height loading="lazy" decoding="async"/>
    }
}
