//! The boundary with Leaflet, the one map widget the network map and the
//! story maps draw on: every Leaflet and JS type of the maps lives here. The
//! rest of the app speaks plain Rust ((lat, lon) pairs, ISO codes, rings,
//! [`Cluster`]s). One [`LeafletMap`] per mounted view; [`LeafletMap::remove`]
//! removes the map and releases every listener. [`MapLoadError`] says why a
//! map is not drawn.

mod archive;
mod basemap;
mod credit;
mod image;
mod layers;
mod load;
mod load_error;

pub use self::archive::{OpenArchive, open_archive};
pub use self::credit::BasemapCredit;
pub use self::load::load_leaflet;
pub use self::load_error::MapLoadError;

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Array;
use leaflet::{Canvas, LatLng, LayerGroup, Map, MapOptions, Path};
use leptos::prelude::{LocalStorage, SetValue, StoredValue, UpdateValue};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use self::load::{LEAFLET_MISSING, leaflet_present};
use crate::geo::basemap::polygons_json;
use crate::geo::cluster::{Bounds, Cluster, radius};
use crate::geo::topojson::Ring;
use crate::geo::{MAX_ZOOM, MIN_ZOOM, valid_position, valid_zoom};

#[wasm_bindgen]
extern "C" {
    /// A Leaflet path seen through `getElement()` (Leaflet 1.9), which the crate
    /// does not bind.
    type PathWithElement;

    #[wasm_bindgen(method, js_name = getElement)]
    fn get_element(this: &PathWithElement) -> Option<web_sys::Element>;
}

#[wasm_bindgen]
extern "C" {
    /// Leaflet's map through bindings that return its exceptions rather than
    /// throwing them through the Rust frames below (the `leaflet` crate's do
    /// not catch). A thrown exception skips those frames' destructors (no
    /// unwinding in this wasm), so every borrow they hold stays taken: after
    /// `flyTo` threw "Invalid LatLng object" inside a story's effect, the
    /// task running the effects kept its `RefCell` borrowed (js-sys
    /// `futures/task/singlethread.rs`), and the next slide panicked with
    /// "RefCell already borrowed". The view moves go through these.
    type CatchingMap;

    /// The pixel (at the map's zoom) of the layer pixels' (0, 0): Leaflet's
    /// public `getPixelOrigin`, which the `leaflet` crate does not bind.
    #[wasm_bindgen(method, js_name = getPixelOrigin)]
    fn get_pixel_origin(this: &CatchingMap) -> leaflet::Point;

    #[wasm_bindgen(catch, method, js_name = flyTo)]
    fn fly_to(this: &CatchingMap, center: &LatLng, zoom: f64) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method, js_name = setView)]
    fn set_view(
        this: &CatchingMap,
        center: &LatLng,
        zoom: f64,
        options: &JsValue,
    ) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method, js_name = fitBounds)]
    fn fit_bounds(
        this: &CatchingMap,
        bounds: &leaflet::LatLngBounds,
        options: &JsValue,
    ) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method, js_name = flyToBounds)]
    fn fly_to_bounds(
        this: &CatchingMap,
        bounds: &leaflet::LatLngBounds,
        options: &JsValue,
    ) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method, js_name = invalidateSize)]
    fn invalidate_size(this: &CatchingMap, animate: bool) -> Result<(), JsValue>;
}

/// The SVG element of a path drawn by the SVG renderer.
fn element_of(path: &Path) -> Option<web_sys::Element> {
    path.unchecked_ref::<PathWithElement>().get_element()
}

/// How one country is drawn.
pub struct CountryStyle {
    /// ISO alpha-2 (empty when the shape matches no country of the table).
    pub code: String,
    pub fill: &'static str,
    pub outline: &'static str,
    /// Shaded (has members): interactive, tagged with `data-country`.
    pub shaded: bool,
}

/// What a country is drawn as.
pub enum CountryGeometry<'a> {
    Polygons(&'a [Vec<Ring>]),
    /// A small state absent from the shapes: a circle at its label point.
    Point(f64, f64),
}

/// The view's centre and zoom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub lat: f64,
    pub lon: f64,
    pub zoom: f64,
}

type Listener = Closure<dyn FnMut(JsValue)>;

/// The drawn clusters and what a click on one does, read by the map's click
/// listener (hit-tested here: the marker canvas lets pointer events through to
/// the country shapes below it).
type ClusterClick = Rc<dyn Fn(&Cluster)>;

#[derive(Default)]
struct Hits {
    clusters: Vec<Cluster>,
    on_click: Option<ClusterClick>,
}

/// The pane of the marker canvas: above the country shapes, transparent to the
/// pointer.
const MARKER_PANE: &str = "mapline-markers";

pub struct LeafletMap {
    map: Map,
    countries: LayerGroup,
    markers: LayerGroup,
    canvas: Canvas,
    /// Each drawn country's paths, for highlighting.
    paths: Vec<(String, Path)>,
    /// Closures Leaflet calls: kept alive until [`LeafletMap::remove`].
    listeners: Vec<Listener>,
    /// Listeners of the current countries, dropped when redrawn.
    layer_listeners: Vec<Listener>,
    hits: Rc<RefCell<Hits>>,
    highlighted: Option<String>,
    tiles: Option<leaflet::TileLayer>,
    /// The bundled basemap's canvas, made on its first drawing.
    basemap: Option<basemap::BasemapCanvas>,
    /// The basemap's country names, made on their first drawing, and each
    /// name shown with its marker (kept across redraws: see `draw_labels`).
    labels: Option<(LayerGroup, Vec<(Label, leaflet::Layer)>)>,
    /// The network's archive layer as drawn, and the options it was made
    /// with (to make it again in another language).
    archive: Option<(JsValue, js_sys::Object)>,
    /// An image map's tile URLs (`new_image`), kept while Leaflet calls it.
    image_tiles: Option<Closure<dyn FnMut(JsValue) -> String>>,
}

/// A country name on the basemap: (lat, lon, name).
pub type Label = (f64, f64, String);

/// A Leaflet position, for a position it can take ([`valid_position`]).
fn lat_lng(lat: f64, lon: f64) -> Option<LatLng> {
    valid_position(lat, lon).then(|| LatLng::new(lat, lon))
}

/// The world view, where a map starts when it is given nowhere valid.
const WORLD: Viewport = Viewport {
    lat: 20.0,
    lon: 0.0,
    zoom: 1.0,
};

/// Leaflet's nested arrays of a multipolygon: polygons of rings of points.
/// Polygons as Leaflet takes them, nested arrays of `[lat, lon]`, made by
/// the browser's `JSON.parse` from one string (`geo::basemap::polygons_json`)
/// rather than point by point across the wasm boundary.
fn polygons_array(polygons: &[Vec<Ring>]) -> Array {
    js_sys::JSON::parse(&polygons_json(polygons))
        .ok()
        .and_then(|value| value.dyn_into::<Array>().ok())
        .unwrap_or_default()
}

fn lat_lng_array(ring: &[(f64, f64)]) -> Array {
    ring.iter()
        .map(|&(lat, lon)| {
            let pair = Array::new();
            pair.push(&lat.into());
            pair.push(&lon.into());
            JsValue::from(pair)
        })
        .collect()
}

/// How the view gets to a new place.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Motion {
    /// Straight there: the first view, and readers who ask for reduced motion.
    Jump,
    /// An animated flight.
    Fly,
}

impl Motion {
    /// `Fly`, unless the reader asked for reduced motion.
    pub fn flight() -> Motion {
        let reduced = web_sys::window()
            .and_then(|w| {
                w.match_media("(prefers-reduced-motion: reduce)")
                    .ok()
                    .flatten()
            })
            .is_some_and(|q| q.matches());
        if reduced { Motion::Jump } else { Motion::Fly }
    }
}

/// Leaflet options `{animate: false}`.
fn no_animation() -> js_sys::Object {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"animate".into(), &false.into());
    options
}

fn js_err(e: JsValue) -> String {
    crate::ui::js_error_message(&e).unwrap_or_else(|| "Leaflet failed".to_owned())
}

fn viewport_of(map: &Map) -> Viewport {
    let center = map.get_center();
    Viewport {
        lat: center.lat(),
        lon: center.lng(),
        zoom: map.get_zoom(),
    }
}

/// The visible area, padded by `padding` of its size on each side.
fn bounds_of(map: &Map, padding: f64) -> Bounds {
    let b = map.get_bounds();
    let (sw, ne) = (b.get_south_west(), b.get_north_east());
    Bounds::padded(sw.lat(), sw.lng(), ne.lat(), ne.lng(), padding)
}

/// The padding of [`LeafletMap::bounds`]: half the view's size, so markers
/// just outside stay drawn while panning.
const MARKER_PADDING: f64 = 0.5;

impl LeafletMap {
    /// Creates the map in `element` at `viewport`. SVG for country shapes (each a
    /// DOM path tests can find), a canvas renderer for the member markers.
    /// Fails (rather than throwing in JS) when Leaflet is not loaded: await
    /// [`load_leaflet`] first.
    pub fn new(element: &web_sys::HtmlElement, viewport: Viewport) -> Result<LeafletMap, String> {
        if !leaflet_present() {
            return Err(LEAFLET_MISSING.to_owned());
        }
        let viewport = match (
            valid_position(viewport.lat, viewport.lon),
            valid_zoom(viewport.zoom),
        ) {
            (true, Some(zoom)) => Viewport { zoom, ..viewport },
            _ => WORLD,
        };
        let options = MapOptions::new();
        options.set_center(LatLng::new(viewport.lat, viewport.lon));
        options.set_zoom(viewport.zoom);
        options.set_min_zoom(MIN_ZOOM);
        options.set_max_zoom(MAX_ZOOM);
        options.set_zoom_snap(0.25);
        options.set_world_copy_jump(true);
        // The credit is in the page (Natural Earth, Leaflet): no attribution box.
        options.set_attribution_control(false);
        Self::with_options(element, &options)
    }

    /// The map with `options`, its layer groups and its marker pane.
    fn with_options(
        element: &web_sys::HtmlElement,
        options: &MapOptions,
    ) -> Result<LeafletMap, String> {
        let map = Map::new_with_element(element, options).map_err(js_err)?;
        let countries = LayerGroup::new();
        countries.unchecked_ref::<leaflet::Layer>().add_to(&map);
        let markers = LayerGroup::new();
        markers.unchecked_ref::<leaflet::Layer>().add_to(&map);
        let pane = map.create_pane_by_name(MARKER_PANE);
        let _ = pane.style().set_property("z-index", "450");
        let _ = pane.style().set_property("pointer-events", "none");
        let canvas_options = leaflet::CanvasOptions::new();
        canvas_options.set_pane(MARKER_PANE.to_owned());
        let canvas = Canvas::with_options(&canvas_options);
        Ok(LeafletMap {
            map,
            countries,
            markers,
            canvas,
            paths: Vec::new(),
            listeners: Vec::new(),
            layer_listeners: Vec::new(),
            hits: Rc::default(),
            highlighted: None,
            tiles: None,
            basemap: None,
            labels: None,
            archive: None,
            image_tiles: None,
        })
    }

    /// Calls `callback` with the new viewport and padded bounds after every pan
    /// or zoom (Leaflet's `moveend`). The callback must not touch this
    /// `LeafletMap` (it may run while a method of it is running).
    pub fn on_move_end(&mut self, mut callback: impl FnMut(Viewport, Bounds) + 'static) {
        let map = self.map.clone();
        let closure: Listener = Closure::new(move |_: JsValue| {
            callback(viewport_of(&map), bounds_of(&map, MARKER_PADDING))
        });
        self.map.on("moveend", closure.as_ref());
        self.listeners.push(closure);
    }

    /// Calls `on_cluster` for a click on a member marker, else `on_country` for a
    /// click on a shaded country (its `data-country`).
    pub fn on_click(&mut self, on_country: impl Fn(String) + 'static) {
        let map = self.map.clone();
        let hits = self.hits.clone();
        let closure: Listener = Closure::new(move |event: JsValue| {
            let get = |o: &JsValue, key: &str| js_sys::Reflect::get(o, &key.into()).ok();
            let point = get(&event, "containerPoint");
            let (x, y) = point
                .as_ref()
                .map(|p| {
                    let n = |k| get(p, k).and_then(|v| v.as_f64()).unwrap_or(f64::NAN);
                    (n("x"), n("y"))
                })
                .unwrap_or((f64::NAN, f64::NAN));
            let hit = {
                let hits = hits.borrow();
                hits.clusters
                    .iter()
                    .rev()
                    .find(|c| {
                        lat_lng(c.lat, c.lon).is_some_and(|at| {
                            let p = map.lat_lng_to_container_point(&at);
                            (p.x() - x).hypot(p.y() - y) <= radius(c.count) + 2.0
                        })
                    })
                    .cloned()
                    .zip(hits.on_click.clone())
            };
            if let Some((cluster, on_click)) = hit {
                on_click(&cluster);
                return;
            }
            let code = get(&event, "originalEvent")
                .and_then(|e| get(&e, "target"))
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.get_attribute("data-country"));
            if let Some(code) = code {
                on_country(code);
            }
        });
        self.map.on("click", closure.as_ref());
        self.listeners.push(closure);
    }

    /// The map through [`CatchingMap`]'s bindings; a move Leaflet refuses
    /// leaves the view where it was.
    fn catching(&self) -> &CatchingMap {
        self.map.unchecked_ref()
    }

    pub fn viewport(&self) -> Viewport {
        viewport_of(&self.map)
    }

    pub fn bounds(&self) -> Bounds {
        bounds_of(&self.map, MARKER_PADDING)
    }

    /// Zooms in on a point by `delta` levels.
    pub fn zoom_to(&self, lat: f64, lon: f64, delta: f64) {
        let (Some(at), Some(zoom)) = (lat_lng(lat, lon), valid_zoom(self.map.get_zoom() + delta))
        else {
            return;
        };
        // A move Leaflet refuses leaves the view where it is.
        let _ = self.catching().set_view(&at, zoom, &JsValue::UNDEFINED);
    }

    /// Moves the view to `viewport`, flying or jumping; nowhere when it is
    /// not on the globe (a zoom that is not a number keeps the current one).
    pub fn move_to(&self, viewport: Viewport, motion: Motion) {
        let Some(center) = lat_lng(viewport.lat, viewport.lon) else {
            return;
        };
        let zoom = valid_zoom(viewport.zoom).unwrap_or_else(|| self.map.get_zoom());
        let viewport = Viewport { zoom, ..viewport };
        match motion {
            Motion::Fly => {
                let _ = self.catching().fly_to(&center, viewport.zoom);
            }
            Motion::Jump => {
                let _ = self
                    .catching()
                    .set_view(&center, viewport.zoom, &no_animation());
            }
        }
    }

    /// Moves the view (flying or jumping) to show every point.
    pub fn fit_points(&self, points: &[(f64, f64)], motion: Motion) {
        let mut valid = points.iter().filter_map(|&(lat, lon)| lat_lng(lat, lon));
        let Some(first) = valid.next() else {
            return;
        };
        let bounds = leaflet::LatLngBounds::new(&first, &first);
        for point in valid {
            bounds.extend(&point);
        }
        let options = no_animation();
        // [x, y] pixels, like a Leaflet point.
        let padding = lat_lng_array(&[(40.0, 40.0)]).get(0);
        let _ = js_sys::Reflect::set(&options, &"padding".into(), &padding);
        let _ = js_sys::Reflect::set(&options, &"maxZoom".into(), &8.0.into());
        match motion {
            Motion::Fly => {
                let _ = js_sys::Reflect::set(&options, &"animate".into(), &true.into());
                let _ = self.catching().fly_to_bounds(&bounds, &options);
            }
            Motion::Jump => {
                let _ = self.catching().fit_bounds(&bounds, &options);
            }
        }
    }

    /// Leaflet's size check after the container changed size.
    pub fn invalidate_size(&self) {
        let _ = self.catching().invalidate_size(false);
    }

    /// Removes the map from its element and releases every listener.
    pub fn remove(self) {
        // Leaflet 1.9 ends a zoom animation from a 250 ms timer that reads the
        // map's panes, which remove() has deleted ("_leaflet_pos" of
        // undefined); a map removed mid-zoom must not finish it.
        let _ = js_sys::Reflect::set(&self.map, &"_animatingZoom".into(), &false.into());
        self.map.remove();
        self.map.off_all();
        drop(self.listeners);
        drop(self.layer_listeners);
        self.hits.take();
    }
}

/// A view's map, where its effects and listeners find it.
pub type MapSlot = StoredValue<Option<LeafletMap>, LocalStorage>;

/// Runs `f` on the map taken out of its slot, then puts it back; `None`
/// when there is no map (not made yet, removed, or in use further up the
/// stack). The slot is not locked while Leaflet runs: a Leaflet event
/// calling back into Rust during `f` (a `moveend` fired by a move) finds it
/// empty rather than locked, and an exception Leaflet throws (see
/// [`CatchingMap`]) cannot leave it locked.
pub fn with_map<U>(slot: MapSlot, f: impl FnOnce(&mut LeafletMap) -> U) -> Option<U> {
    let mut map = slot.try_update_value(Option::take).flatten()?;
    let out = f(&mut map);
    let _ = slot.try_set_value(Some(map));
    Some(out)
}
