//! The story's map: the slides' places on the shared Leaflet widget, over
//! the bundled basemap (or on the story's picture, once the reader agreed to
//! load it), moving with the current slide.

use leptos::prelude::*;

use super::effect;
use super::image_consent::ImageConsent;
use crate::geo::zoomify::Zoomify;
use crate::i18n::Msg;
use crate::model::{Basemap, ImageMap, StoryLayout};
use crate::story::image_map::onto_image;
use crate::story::{Camera, MapPlan};
use crate::ui::lang::{tr, use_lang};
use crate::ui::leaflet::{LeafletMap, MapLoadError, Motion, Viewport, load_leaflet, with_map};

/// The map beside the slides: every place of the story, the current slide's
/// highlighted, the camera moving to it. Created once its element is mounted
/// and Leaflet has loaded (on first need: index.html does not load it);
/// without Leaflet the slides still read, with the reason where the map
/// would be. Removed on cleanup.
#[component]
pub(super) fn StoryMap(
    /// The markers and cameras of the story's slides.
    plan: MapPlan,
    /// The current slide.
    current: RwSignal<usize>,
    /// The layout, which changes the map's box.
    layout: RwSignal<StoryLayout>,
    /// Whether each slide is the overview (which shows a whole picture).
    overview: Vec<bool>,
    /// The picture the story is told on (a StoryMapJS `zoomify` story).
    image: Option<ImageMap>,
    /// Whether the reader agreed to load that picture (true without one).
    image_agreed: RwSignal<bool>,
    /// The outside tile layer the reader turned on, if any.
    tiles: RwSignal<Option<String>>,
    /// The network's own vector basemap (the manifest's), if any.
    basemap: Option<Basemap>,
) -> impl IntoView {
    // Why that basemap could not be drawn (the bundled one stands in).
    let basemap_failure: RwSignal<Option<String>> = RwSignal::new(None);
    let map_ref = NodeRef::<leptos::html::Div>::new();
    let leaflet: StoredValue<Option<LeafletMap>, LocalStorage> = StoredValue::new_local(None);
    let lang = use_lang();
    let basemap_slot = crate::map::basemap_layer::following(lang);
    let leaflet_loaded = RwSignal::new(false);
    let map_error: RwSignal<Option<String>> = RwSignal::new(None);
    // Leaflet loads on first need, again on "Try again" after a failure.
    let load = move || {
        leptos::task::spawn_local(async move {
            let _ = match load_leaflet().await {
                Ok(()) => leaflet_loaded.try_set(true).map(|_| ()),
                Err(message) => map_error.try_set(Some(message)).map(|_| ()),
            };
        });
    };
    load();
    let retry_load = Callback::new(move |()| {
        map_error.set(None);
        load();
    });
    let MapPlan {
        markers,
        marker_of,
        cameras,
        line,
    } = plan;
    let picture = image.as_ref().map(|i| Zoomify {
        width: i.width,
        height: i.height,
    });
    let (markers, cameras) = match picture {
        Some(picture) => onto_image(&markers, &cameras, &overview, picture),
        None => (markers, cameras),
    };
    let folder = image.as_ref().map(|i| i.url.clone()).unwrap_or_default();
    effect(Box::new(move || {
        let i = current.get();
        let Some(element) = map_ref.get() else {
            return;
        };
        if !leaflet_loaded.get() || !image_agreed.get() {
            return;
        }
        let first = leaflet.with_value(Option::is_none);
        if first {
            let world = Viewport {
                lat: 20.0,
                lon: 0.0,
                zoom: 1.0,
            };
            let made = match picture {
                Some(picture) => LeafletMap::new_image(&element, &folder, picture),
                None => LeafletMap::new(&element, world),
            };
            match made {
                Ok(map) => {
                    leaflet.set_value(Some(map));
                    if picture.is_none() {
                        basemap_slot.attach(leaflet, basemap.as_ref(), basemap_failure);
                    }
                }
                Err(message) => {
                    // Said where the map would be; the slides still read.
                    map_error.set(Some(message));
                    return;
                }
            }
        }
        // Leaflet runs with the map out of its slot (see `with_map`).
        with_map(leaflet, |map| {
            map.draw_places(&markers, marker_of.get(i).copied().flatten(), line);
            let motion = if first {
                Motion::Jump
            } else {
                Motion::flight()
            };
            match cameras.get(i) {
                Some(&Camera::Point { lat, lon, zoom }) => {
                    map.move_to(Viewport { lat, lon, zoom }, motion);
                }
                Some(Camera::Fit(points)) => map.fit_points(points, motion),
                _ => {}
            }
        });
    }));
    // The map's box changed with the layout: Leaflet measures it again once
    // the new layout is drawn.
    effect(Box::new(move || {
        layout.track();
        request_animation_frame(move || {
            with_map(leaflet, |map| map.invalidate_size());
        });
    }));
    // The outside tiles, only once the reader ticked the box (StoryTiles).
    effect(Box::new(move || {
        let url = tiles.get();
        with_map(leaflet, |map| map.set_tiles(url.as_deref()));
    }));
    on_cleanup(move || {
        if let Some(map) = leaflet.try_update_value(Option::take).flatten() {
            map.remove();
        }
    });
    view! {
        <div class="story-map" node_ref=map_ref role="region" aria-label=tr(Msg::StoryMapLabel)>
            {move || map_error.get().map(|detail| view! {
                <MapLoadError headline=Msg::StoryMapFailed detail=detail retry=retry_load/>
            })}
            // Over the drawn map (Leaflet's panes would cover it otherwise).
            {move || basemap_failure.get().map(|detail| view! {
                <div class="map-overlay-error">
                    <MapLoadError headline=Msg::MapBasemapFailed detail=detail/>
                </div>
            })}
            {image.map(|image| view! { <ImageConsent image=image agreed=image_agreed/> })}
        </div>
    }
}
