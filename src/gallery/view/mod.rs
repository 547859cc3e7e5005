//! `/galleries`, `/galleries/:id` and the gallery block of case pages: a
//! justified grid (rows of equal height keeping each photo's proportions from
//! the data, so nothing shifts while images load) and a lightbox in a modal
//! `<dialog>`. Each photo element carries `data-photo-id`; `?photo=<id>` opens
//! the lightbox on that photo.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use crate::data::{SharedData, use_network_data};
use crate::gallery::gesture::PhotoGesture;
use crate::gallery::{Tile, key_step, neighbours, srcset, step_index, thumb_sizes};
use crate::i18n::{Counted, Msg};
use crate::model::{Gallery, Photo};
use crate::route::Route;
use crate::share::{EmbedTitle, EmbedView};
use crate::ui::address::query_param;
use crate::ui::address::replace_query;
use crate::ui::lang::{tr, tr_count, use_lang};
use crate::ui::links::{href, route_id};
use crate::ui::problems::ProblemList;
use crate::ui::record::{IllustrativeBadge, RecordNotFound};
use crate::ui::share::ViewActions;
use crate::ui::state::with_data;
use crate::ui::text::{RichText, localized, localized_opt};

mod grid;
mod lightbox;

use self::{grid::*, lightbox::*};

#[component]
pub fn GalleriesIndex() -> impl IntoView {
    with_data(use_network_data(), |data| {
        view! {
            <section data-page="galleries">
                <h1>{tr(Msg::NavGalleries)}</h1>
                <ul class="cards gallery-cards">
                    {data.dataset.galleries.iter().map(|gallery| {
                        let count = tr_count(Counted::Photos, gallery.photos.len());
                        let title = localized(&gallery.title);
                        view! {
                            <li class="card" data-gallery-id=gallery.id.clone()>
                                {gallery.cover_photo().cloned().map(|photo| view! {
                                    <PhotoImage photo=photo sizes="(max-width: 40rem) 100vw, 20rem".to_owned()/>
                                })}
                                <div class="card-body">
                                    <h2><A href=href(Route::Gallery(&gallery.id))>{title}</A></h2>
                                    <p>{count}</p>
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
            Some(gallery) => {
                view! { <GalleryView gallery=gallery.clone() actions=gallery_actions/> }.into_any()
            }
            None => view! { <RecordNotFound id=id/> }.into_any(),
        }
    })
}

/// The Share and Embed buttons of a gallery's own page ([`GalleryView`]'s
/// `actions`).
fn gallery_actions(gallery: &Gallery) -> AnyView {
    view! {
        <ViewActions view=EmbedView::Gallery id=gallery.id.clone() title=EmbedTitle::Data(gallery.title.clone())/>
    }
    .into_any()
}

/// A whole gallery as a page: title, description, grid and lightbox.
#[component]
pub fn GalleryView(
    /// The gallery to show.
    gallery: Gallery,
    /// On the gallery's own page: draws its Share and Embed buttons. A
    /// function given by the page, not a flag, so an entry point that never
    /// passes it (the gallery embed) leaves the buttons' code out of its wasm.
    #[prop(optional)]
    actions: Option<fn(&Gallery) -> AnyView>,
) -> impl IntoView {
    let title = localized(&gallery.title);
    let id = gallery.id.clone();
    let illustrative = gallery.illustrative;
    let description = gallery.description.clone();
    view! {
        <article class="gallery" data-gallery-id=id.clone()>
            <h1>{title}" "<IllustrativeBadge illustrative=illustrative/></h1>
            {actions.map(|actions| actions(&gallery))}
            <RichText text=description/>
            <PhotoGrid gallery=gallery/>
        </article>
    }
}

/// How a [`GalleryBlock`] is given: by id (looked up in the loaded data) or whole.
#[derive(Clone, Debug)]
pub enum GallerySource {
    Id(String),
    Gallery(Gallery),
}

impl From<String> for GallerySource {
    fn from(id: String) -> Self {
        GallerySource::Id(id)
    }
}

impl From<&str> for GallerySource {
    fn from(id: &str) -> Self {
        GallerySource::Id(id.to_owned())
    }
}

impl From<Gallery> for GallerySource {
    fn from(gallery: Gallery) -> Self {
        GallerySource::Gallery(gallery)
    }
}

/// A gallery inside another page (a case, a story slide): an `h2` title, the
/// grid and the lightbox. Renders nothing for an id that is not in the data.
/// An id is looked up in the dataset already loaded, so use it inside a view
/// rendered by `with_data` (as the case page does).
#[component]
pub fn GalleryBlock(
    /// A gallery id of the loaded dataset, or a gallery.
    #[prop(into)]
    gallery: GallerySource,
) -> impl IntoView {
    let gallery = match gallery {
        GallerySource::Gallery(gallery) => Some(gallery),
        GallerySource::Id(id) => use_network_data()
            .get_untracked()
            .and_then(Result::ok)
            .and_then(|data| data.dataset.gallery(&id).cloned()),
    };
    gallery.map(|gallery| {
        let heading = next_id("gallery-title");
        let title = localized(&gallery.title);
        let id = gallery.id.clone();
        let illustrative = gallery.illustrative;
        let labelledby = heading.clone();
        view! {
            <section class="gallery-block" data-gallery-id=id aria-labelledby=labelledby>
                <h2 id=heading>{title}" "<IllustrativeBadge illustrative=illustrative/></h2>
                <PhotoGrid gallery=gallery/>
            </section>
        }
    })
}
