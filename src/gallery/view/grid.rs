//! The justified grid of a gallery: rows of thumbnails, each a button that
//! opens the lightbox, and a photo image or its placeholder.

use super::*;

/// A unique element id with `prefix`.
pub(super) fn next_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// The justified grid of a gallery's photos, each a button opening the lightbox.
#[component]
pub(super) fn PhotoGrid(
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
pub(super) fn Thumbnail(
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
pub(super) fn PhotoPlaceholder(
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
