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

use crate::embed::dialog::ViewActions;
use crate::embed::{EmbedTitle, EmbedView};
use crate::gallery::{
    Tile, clamp_pan, double_tap_zoom, key_step, neighbours, pinch_zoom, srcset, step_index,
    swipe_step, thumb_sizes,
};
use crate::i18n::{Msg, fill};
use crate::model::{Gallery, Photo};
use crate::web::address::replace_query;
use crate::web::data::{SharedData, query_param, use_network_data};
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
                <ul class="cards gallery-cards">
                    {data.dataset.galleries.iter().map(|gallery| {
                        let count = gallery.photos.len().to_string();
                        let title = localized(&gallery.title);
                        view! {
                            <li class="card" data-gallery-id=gallery.id.clone()>
                                {gallery.cover_photo().cloned().map(|photo| view! {
                                    <PhotoImage photo=photo sizes="(max-width: 40rem) 100vw, 20rem".to_owned()/>
                                })}
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
            Some(gallery) => {
                view! { <GalleryView gallery=gallery.clone() actions=true/> }.into_any()
            }
            None => view! { <RecordNotFound id=id/> }.into_any(),
        }
    })
}

/// A whole gallery as a page: title, description, grid and lightbox.
#[component]
pub fn GalleryView(
    /// The gallery to show.
    gallery: Gallery,
    /// Shows the Share and Embed buttons (on the gallery's own page).
    #[prop(optional)]
    actions: bool,
) -> impl IntoView {
    let title = localized(&gallery.title);
    let id = gallery.id.clone();
    let illustrative = gallery.illustrative;
    let description = gallery.description.clone();
    view! {
        <article class="gallery" data-gallery-id=id.clone()>
            <h1>{title}" "<IllustrativeBadge illustrative=illustrative/></h1>
            {actions.then(|| view! {
                <ViewActions view=EmbedView::Gallery id=id.clone() title=EmbedTitle::Data(gallery.title.clone())/>
            })}
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

/// A unique element id with `prefix`.
fn next_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// The justified grid of a gallery's photos, each a button opening the lightbox.
#[component]
fn PhotoGrid(
    /// The gallery.
    gallery: Gallery,
) -> impl IntoView {
    let photos: Arc<Vec<Photo>> = Arc::new(gallery.photos);
    let current = RwSignal::new(None::<usize>);
    // The thumbnail to give focus back to when the lightbox closes.
    let opener = StoredValue::new(None::<usize>);
    let thumbs: Arc<Vec<NodeRef<html::Button>>> =
        Arc::new(photos.iter().map(|_| NodeRef::new()).collect());

    // ?photo=<id> opens the lightbox once the grid is there.
    if let Some(wanted) = query_param("photo")
        && let Some(index) = photos.iter().position(|p| p.id == wanted)
    {
        Effect::new(move |_| current.set(Some(index)));
    }

    let on_close = {
        let thumbs = Arc::clone(&thumbs);
        move |shown: Option<usize>| {
            if let Some(button) = opener
                .get_value()
                .or(shown)
                .and_then(|i| thumbs.get(i))
                .and_then(NodeRef::get_untracked)
            {
                let _ = button.focus();
            }
            opener.set_value(None);
        }
    };

    let tiles = photos
        .iter()
        .cloned()
        .zip(thumbs.iter().copied())
        .enumerate()
        .map(|(index, (photo, node_ref))| {
            let open = move || {
                opener.set_value(Some(index));
                current.set(Some(index));
            };
            view! { <Thumbnail photo=photo node_ref=node_ref on_open=open/> }
        })
        .collect_view();

    view! {
        <ul class="photo-grid">{tiles}</ul>
        <Lightbox title=localized(&gallery.title) photos=photos current=current on_close=on_close/>
    }
}

/// One tile of the grid: a button with the photo (or its placeholder).
#[component]
fn Thumbnail(
    /// The photo.
    photo: Photo,
    /// The button, to give focus back when the lightbox closes.
    node_ref: NodeRef<html::Button>,
    /// Opens the lightbox on this photo.
    on_open: impl Fn() + 'static,
) -> impl IntoView {
    let tile = Tile::of(&photo);
    let sizes = thumb_sizes(tile.ratio);
    let id = photo.id.clone();
    view! {
        <li class="photo-tile" data-photo-id=id style=tile.style()>
            <button type="button" class="photo-open" node_ref=node_ref on:click=move |_| on_open()>
                <PhotoImage photo=photo sizes=sizes/>
            </button>
        </li>
    }
}

/// A photo's `<img>` with its alt text, true size and `srcset`; if the image is
/// missing or broken, a readable placeholder with the caption instead.
#[component]
pub fn PhotoImage(
    /// The photo.
    photo: Photo,
    /// The `sizes` attribute for the layout it sits in.
    sizes: String,
    /// Load only when near the viewport.
    #[prop(default = true)]
    lazy: bool,
) -> impl IntoView {
    let failed = RwSignal::new(false);
    move || {
        if failed.get() {
            view! { <PhotoPlaceholder photo=photo.clone()/> }.into_any()
        } else {
            let alt = localized_opt(photo.alt.as_ref());
            let srcset = srcset(&photo);
            let sizes = srcset.is_some().then(|| sizes.clone());
            view! {
                <img src=photo.url.clone() srcset=srcset sizes=sizes alt=alt
                    width=photo.width height=photo.height
                    loading=if lazy { "lazy" } else { "eager" } decoding="async"
                    on:error=move |_| failed.set(true)/>
            }
            .into_any()
        }
    }
}

/// Stands in for a photo that could not be loaded: says so, with its caption
/// (or its alt text), in the photo's proportions.
#[component]
fn PhotoPlaceholder(
    /// The photo that failed.
    photo: Photo,
) -> impl IntoView {
    let tile = Tile::of(&photo);
    let text = photo.caption.as_ref().or(photo.alt.as_ref()).cloned();
    view! {
        <span class="photo-placeholder" data-photo-missing="" style=format!("aspect-ratio:{}", tile.css_aspect_ratio())>
            <strong>{tr(Msg::PhotoUnavailable)}</strong>
            <span>{localized_opt(text.as_ref())}</span>
        </span>
    }
}

/// The lightbox: a modal `<dialog>` (focus stays inside, the rest of the page is
/// inert) showing one photo at a time with its caption, credit, date and place.
#[component]
fn Lightbox(
    /// The gallery's title, the dialog's label.
    title: impl Fn() -> String + Send + Sync + 'static,
    /// The gallery's photos.
    photos: Arc<Vec<Photo>>,
    /// The index of the photo shown; `None` when closed.
    current: RwSignal<Option<usize>>,
    /// Called once the dialog has closed, with the last photo shown.
    on_close: impl Fn(Option<usize>) + 'static,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let lang = use_lang();
    let count = photos.len();
    let title_id = next_id("lightbox-title");
    let help_id = next_id("lightbox-help");
    let shown = StoredValue::new(None::<usize>);
    let zoom = Zoom::new();

    // With the state: opens or closes the dialog, keeps ?photo= in the address
    // in step (replacing the history entry) and preloads the neighbours.
    {
        let photos = Arc::clone(&photos);
        Effect::new(move |previous: Option<Option<usize>>| {
            let index = current.get();
            if let Some(dialog) = dialog.get() {
                match index {
                    Some(_) if !dialog.open() => {
                        let _ = dialog.show_modal();
                    }
                    None if dialog.open() => dialog.close(),
                    _ => {}
                }
            }
            if previous.is_some() || index.is_some() {
                let id = index.and_then(|i| photos.get(i)).map(|p| p.id.as_str());
                replace_query(&[("photo", id)]);
                if let Some(id) = id {
                    crate::embed::messaging::announce_change("photo", id);
                }
            }
            if let Some(index) = index {
                for i in neighbours(index, photos.len()) {
                    if let Some(photo) = photos.get(i) {
                        preload(photo);
                    }
                }
            }
            index
        });
    }

    let step = move |by: isize| {
        if let Some(index) = current
            .get_untracked()
            .and_then(|i| step_index(i, by, count))
        {
            zoom.reset();
            current.set(Some(index));
        }
    };
    let on_keydown = move |ev: KeyboardEvent| {
        if let Some(by) = key_step(&ev.key(), lang.get_untracked().is_rtl()) {
            ev.prevent_default();
            step(by);
        }
    };
    let on_dialog_close = move |_| {
        let last = shown.get_value().or(current.get_untracked());
        zoom.reset();
        current.set(None);
        on_close(last);
    };

    let counter = move || {
        current.get().map(|i| {
            fill(
                Msg::PhotoCounter.text(lang.get()),
                &[
                    ("index", &(i + 1).to_string()),
                    ("count", &count.to_string()),
                ],
            )
        })
    };
    let photo_view = {
        let photos = Arc::clone(&photos);
        move || {
            current
                .get()
                .and_then(|i| photos.get(i).cloned())
                .map(|photo| {
                    shown.set_value(photos.iter().position(|p| p.id == photo.id));
                    view! { <LightboxPhoto photo=photo zoom=zoom on_swipe=step/> }
                })
        }
    };

    let labelledby = title_id.clone();
    let describedby = help_id.clone();
    view! {
        <dialog class="lightbox" node_ref=dialog aria-labelledby=labelledby
            aria-describedby=describedby on:keydown=on_keydown on:close=on_dialog_close>
            <div class="lightbox-bar">
                <h2 id=title_id class="lightbox-title">{title}</h2>
                <p class="lightbox-counter" aria-live="polite" aria-atomic="true">{counter}</p>
                <button type="button" class="lightbox-close" aria-label=tr(Msg::ClosePhoto)
                    on:click=move |_| current.set(None)>
                    <span aria-hidden="true">"×"</span>
                </button>
            </div>
            {photo_view}
            <div class="lightbox-nav">
                <button type="button" class="lightbox-prev" aria-label=tr(Msg::PreviousPhoto)
                    on:click=move |_| step(-1)>
                    <span aria-hidden="true" class="lightbox-arrow">"‹"</span>
                </button>
                <p id=help_id class="lightbox-help">{tr(Msg::PhotoViewerHelp)}</p>
                <button type="button" class="lightbox-next" aria-label=tr(Msg::NextPhoto)
                    on:click=move |_| step(1)>
                    <span aria-hidden="true" class="lightbox-arrow">"›"</span>
                </button>
            </div>
        </dialog>
    }
}

/// Starts loading a photo at the size the lightbox will ask for.
fn preload(photo: &Photo) {
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    if let Some(srcset) = srcset(photo) {
        image.set_sizes("100vw");
        image.set_srcset(&srcset);
    }
    image.set_src(&photo.url);
}

/// Zoom and pan of the lightbox photo, driven by pointer events.
#[derive(Clone, Copy)]
struct Zoom {
    scale: RwSignal<f64>,
    pan: RwSignal<(f64, f64)>,
    gesture: StoredValue<Gesture>,
}

/// The pointers down on the photo and where the gesture began.
#[derive(Default)]
struct Gesture {
    /// (pointer id, x, y) of each pointer down.
    pointers: Vec<(i32, f64, f64)>,
    /// Where the first pointer went down, and the pan then.
    start: (f64, f64),
    start_pan: (f64, f64),
    /// The pinch's first distance and zoom, once two pointers are down.
    pinch: Option<(f64, f64)>,
    /// Whether this gesture had two pointers (never a swipe or a tap).
    multi: bool,
    /// Time and place of the last tap, for double taps.
    last_tap: Option<(f64, f64, f64)>,
}

impl Zoom {
    fn new() -> Zoom {
        Zoom {
            scale: RwSignal::new(1.0),
            pan: RwSignal::new((0.0, 0.0)),
            gesture: StoredValue::new(Gesture::default()),
        }
    }

    fn reset(self) {
        self.scale.set(1.0);
        self.pan.set((0.0, 0.0));
        self.gesture.update_value(|g| {
            g.pointers.clear();
            g.pinch = None;
        });
    }

    fn transform(self) -> String {
        let (x, y) = self.pan.get();
        format!(
            "translate({x:.1}px, {y:.1}px) scale({:.3})",
            self.scale.get()
        )
    }

    fn down(self, ev: &PointerEvent) {
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        if let Some(target) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = target.set_pointer_capture(ev.pointer_id());
        }
        let (scale, pan) = (self.scale.get_untracked(), self.pan.get_untracked());
        self.gesture.update_value(|g| {
            g.pointers.retain(|p| p.0 != ev.pointer_id());
            g.pointers.push((ev.pointer_id(), x, y));
            if g.pointers.len() == 1 {
                g.start = (x, y);
                g.start_pan = pan;
                g.multi = false;
                g.pinch = None;
            } else if let [a, b, ..] = g.pointers[..] {
                g.multi = true;
                g.pinch = Some((distance(a, b), scale));
            }
        });
    }

    fn moved(self, ev: &PointerEvent, size: (f64, f64)) {
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let mut next_scale = None;
        let mut next_pan = None;
        self.gesture.update_value(|g| {
            let Some(p) = g.pointers.iter_mut().find(|p| p.0 == ev.pointer_id()) else {
                return;
            };
            p.1 = x;
            p.2 = y;
            match (g.pinch, &g.pointers[..]) {
                (Some((start_distance, start_scale)), [a, b, ..]) => {
                    next_scale = Some(pinch_zoom(start_scale, start_distance, distance(*a, *b)));
                }
                (None, [_]) => {
                    next_pan = Some((g.start_pan.0 + x - g.start.0, g.start_pan.1 + y - g.start.1));
                }
                _ => {}
            }
        });
        if let Some(scale) = next_scale {
            self.scale.set(scale);
        }
        let scale = self.scale.get_untracked();
        if let Some((px, py)) = next_pan.filter(|_| scale > 1.0) {
            self.pan
                .set((clamp_pan(px, size.0, scale), clamp_pan(py, size.1, scale)));
        } else if next_scale.is_some() {
            let (px, py) = self.pan.get_untracked();
            self.pan
                .set((clamp_pan(px, size.0, scale), clamp_pan(py, size.1, scale)));
        }
    }

    /// The end of a pointer: a swipe step to take, if the gesture was one.
    fn up(self, ev: &PointerEvent, rtl: bool) -> Option<isize> {
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let now = ev.time_stamp();
        let mut result = None;
        let mut toggle = false;
        let scale = self.scale.get_untracked();
        self.gesture.update_value(|g| {
            g.pointers.retain(|p| p.0 != ev.pointer_id());
            if !g.pointers.is_empty() {
                return;
            }
            g.pinch = None;
            if g.multi {
                return;
            }
            let (dx, dy) = (x - g.start.0, y - g.start.1);
            if dx.abs() < 10.0 && dy.abs() < 10.0 {
                let double = g.last_tap.is_some_and(|(t, tx, ty)| {
                    now - t < 350.0 && (x - tx).abs() < 30.0 && (y - ty).abs() < 30.0
                });
                g.last_tap = if double { None } else { Some((now, x, y)) };
                toggle = double;
            } else if scale <= 1.0 {
                result = swipe_step(dx, dy, rtl);
            }
        });
        if toggle {
            self.scale.set(double_tap_zoom(scale));
            self.pan.set((0.0, 0.0));
        }
        result
    }

    fn cancel(self, ev: &PointerEvent) {
        self.gesture.update_value(|g| {
            g.pointers.retain(|p| p.0 != ev.pointer_id());
            g.pinch = None;
        });
    }
}

fn distance(a: (i32, f64, f64), b: (i32, f64, f64)) -> f64 {
    (a.1 - b.1).hypot(a.2 - b.2)
}

/// The photo of the lightbox: full size, zoomable, with its caption, credit,
/// date and place.
#[component]
fn LightboxPhoto(
    /// The photo shown.
    photo: Photo,
    /// Its zoom and pan.
    zoom: Zoom,
    /// Moves to another photo (+1 next, -1 previous).
    on_swipe: impl Fn(isize) + Copy + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let stage = NodeRef::<html::Div>::new();
    let size = move || {
        stage
            .get_untracked()
            .map(|s| (f64::from(s.client_width()), f64::from(s.client_height())))
            .unwrap_or((0.0, 0.0))
    };
    let caption = localized_opt(photo.caption.as_ref());
    let credit = localized_opt(photo.credit.as_ref());
    let date = photo.date.as_ref().map(|d| d.label());
    let place = photo.place.as_ref().and_then(|place| {
        place
            .name
            .clone()
            .map(|name| localized(&name)())
            .or_else(|| {
                place
                    .country
                    .as_deref()
                    .and_then(crate::countries::by_code)
                    .map(|c| c.name.to_owned())
            })
    });
    let meta = [date, place]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <figure class="lightbox-figure" data-photo-id=photo.id.clone()>
            <div class="lightbox-stage" node_ref=stage
                on:pointerdown=move |ev: PointerEvent| zoom.down(&ev)
                on:pointermove=move |ev: PointerEvent| zoom.moved(&ev, size())
                on:pointerup=move |ev: PointerEvent| {
                    if let Some(by) = zoom.up(&ev, lang.get_untracked().is_rtl()) {
                        on_swipe(by);
                    }
                }
                on:pointercancel=move |ev: PointerEvent| zoom.cancel(&ev)>
                <div class="lightbox-zoom" style:transform=move || zoom.transform()>
                    <PhotoImage photo=photo.clone() sizes="100vw".to_owned() lazy=false/>
                </div>
            </div>
            <figcaption class="lightbox-caption">
                <span class="lightbox-caption-text">{caption}</span>
                " "<span class="media-credit">{credit}</span>
                {(!meta.is_empty()).then(|| view! { " "<span class="lightbox-meta">{meta}</span> })}
            </figcaption>
        </figure>
    }
}
