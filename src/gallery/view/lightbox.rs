//! The lightbox: one photo at a time in a modal `<dialog>`, moved by keys,
//! buttons and swipes, zoomed by pinch and double tap (`gallery::gesture`).

use super::*;
use crate::i18n::Locale;

/// The lightbox: a modal `<dialog>` (focus stays inside, the rest of the page is
/// inert) showing one photo at a time with its caption, credit, date and place.
#[component]
pub(super) fn Lightbox(
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
            crate::i18n::nth_of(
                &crate::ui::intl::Intl(lang.get()),
                Msg::PhotoCounter,
                i + 1,
                count,
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
pub(super) fn preload(photo: &Photo) {
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    if let Some(srcset) = srcset(photo) {
        image.set_sizes("100vw");
        image.set_srcset(&srcset);
    }
    image.set_src(&photo.url);
}

/// Zoom and pan of the lightbox photo: pointer events fed to the pure
/// `gallery::gesture` state machine, its transform drawn.
#[derive(Clone, Copy)]
pub(super) struct Zoom {
    gesture: RwSignal<PhotoGesture>,
}

impl Zoom {
    fn new() -> Zoom {
        Zoom {
            gesture: RwSignal::new(PhotoGesture::default()),
        }
    }

    fn reset(self) {
        self.gesture.update(PhotoGesture::reset);
    }

    fn transform(self) -> String {
        self.gesture.with(PhotoGesture::transform)
    }

    fn down(self, ev: &PointerEvent) {
        if let Some(target) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = target.set_pointer_capture(ev.pointer_id());
        }
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        self.gesture
            .update_untracked(|g| g.down(ev.pointer_id(), x, y));
    }

    fn moved(self, ev: &PointerEvent, size: (f64, f64)) {
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        // Only a change of zoom or pan redraws the photo.
        if self
            .gesture
            .try_update_untracked(|g| g.moved(ev.pointer_id(), x, y, size))
            .unwrap_or(false)
        {
            self.gesture.notify();
        }
    }

    /// The end of a pointer: a swipe step to take, if the gesture was one.
    fn up(self, ev: &PointerEvent, rtl: bool) -> Option<isize> {
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let now = ev.time_stamp();
        let before = self.gesture.with_untracked(|g| (g.scale, g.pan));
        let step = self
            .gesture
            .try_update_untracked(|g| g.up(ev.pointer_id(), x, y, now, rtl))
            .flatten();
        if self.gesture.with_untracked(|g| (g.scale, g.pan)) != before {
            self.gesture.notify();
        }
        step
    }

    fn cancel(self, ev: &PointerEvent) {
        self.gesture.update_untracked(|g| g.cancel(ev.pointer_id()));
    }
}

/// The photo of the lightbox: full size, zoomable, with its caption, credit,
/// date and place.
#[component]
pub(super) fn LightboxPhoto(
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
    // The place's name, else its country's, in the reader's language.
    let place_name = photo.place.as_ref().and_then(|place| place.name.clone());
    let place_country = photo.place.as_ref().and_then(|place| place.country.clone());
    let has_place = place_name.is_some() || place_country.is_some();
    let place = move |lang: crate::i18n::Lang| {
        place_name
            .as_ref()
            .map(|name| name.resolve(lang.code()).to_owned())
            .or_else(|| {
                place_country
                    .as_deref()
                    .map(|code| crate::ui::intl::Intl(lang).country(code))
            })
    };
    let date = photo.date;
    let has_meta = date.is_some() || has_place;
    // The date in the reader's language, at its precision, and the place.
    let meta = move || {
        let lang = lang.get();
        let date = date.map(|d| d.label_in(&crate::ui::intl::Intl(lang)));
        [date, place(lang)]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ")
    };
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
                {has_meta.then(|| view! { " "<span class="lightbox-meta">{meta}</span> })}
            </figcaption>
        </figure>
    }
}
