//! The boundary with Leaflet: every Leaflet and JS type of the map lives here.
//! The rest of the app speaks plain Rust ((lat, lon) pairs, ISO codes,
//! [`Shape`]s, [`Cluster`]s). One [`LeafletMap`] per mounted view; [`LeafletMap::remove`]
//! removes the map and releases every listener.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Array;
use leaflet::{Canvas, CircleMarker, LatLng, LayerGroup, Map, MapOptions, Path, PathOptions};
use leptos::prelude::{LocalStorage, SetValue, StoredValue, UpdateValue};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::map::basemap::{BORDER, LAND};
use crate::map::cluster::{Bounds, Cluster, radius};
use crate::map::topojson::Ring;
use crate::map::zoomify::{ZOOM_OFFSET, Zoomify};
use crate::map::{LEAFLET_DIR, MAX_ZOOM, MIN_ZOOM, valid_position, valid_zoom};

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

/// The pane of the bundled basemap: under everything else.
const BASEMAP_PANE: &str = "mapline-basemap";

/// The pane of the basemap's country names: over the country shapes, under
/// the markers, hidden from screen readers (the map's lists say the same).
const LABEL_PANE: &str = "mapline-labels";

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
    /// The bundled basemap's layer and canvas, made on its first drawing.
    basemap: Option<(LayerGroup, Canvas)>,
    /// The basemap's country names, made on their first drawing.
    labels: Option<LayerGroup>,
    /// An image map's tile URLs (`new_image`), kept while Leaflet calls it.
    image_tiles: Option<Closure<dyn FnMut(JsValue) -> String>>,
}

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

/// Leaflet's nested arrays of a multipolygon: polygons of rings of points.
fn polygons_array(polygons: &[Vec<Ring>]) -> Array {
    polygons
        .iter()
        .map(|rings| {
            JsValue::from(
                rings
                    .iter()
                    .map(|r| JsValue::from(lat_lng_array(r)))
                    .collect::<Array>(),
            )
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

/// The visible area, padded by half its size (markers just outside stay drawn
/// while panning).
fn bounds_of(map: &Map) -> Bounds {
    let b = map.get_bounds();
    let (sw, ne) = (b.get_south_west(), b.get_north_east());
    Bounds::padded(sw.lat(), sw.lng(), ne.lat(), ne.lng(), 0.5)
}

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
            image_tiles: None,
        })
    }

    /// Creates a map of a picture in Zoomify tiles (`map/zoomify.rs`) in
    /// `element`, showing it whole: Leaflet's flat `CRS.Simple`, each tile
    /// from `folder` (`…/TileGroup0/0-0-0.jpg`). Call it only once the reader
    /// has agreed to load the picture from its host.
    pub fn new_image(
        element: &web_sys::HtmlElement,
        folder: &str,
        image: Zoomify,
    ) -> Result<LeafletMap, String> {
        if !leaflet_present() {
            return Err(LEAFLET_MISSING.to_owned());
        }
        let simple = js_sys::Reflect::get(&js_sys::global(), &"L".into())
            .and_then(|l| js_sys::Reflect::get(&l, &"CRS".into()))
            .and_then(|crs| js_sys::Reflect::get(&crs, &"Simple".into()))
            .map_err(js_err)?;
        let ((south, west), (north, east)) = image.bounds();
        let top = f64::from(image.top()) + ZOOM_OFFSET;
        let fit = image.fit_zoom(
            f64::from(element.client_width()),
            f64::from(element.client_height()),
        );
        let options = MapOptions::new();
        options.set_crs(simple);
        options.set_center(LatLng::new((south + north) / 2.0, (west + east) / 2.0));
        options.set_zoom(fit);
        options.set_min_zoom(ZOOM_OFFSET);
        options.set_max_zoom(top + 1.0);
        options.set_zoom_snap(0.25);
        options.set_attribution_control(false);
        let mut map = Self::with_options(element, &options)?;
        let bounds =
            leaflet::LatLngBounds::new(&LatLng::new(south, west), &LatLng::new(north, east));
        let tile_options = leaflet::TileLayerOptions::new();
        tile_options.set_bounds(bounds);
        tile_options.set_min_zoom(ZOOM_OFFSET);
        tile_options.set_max_zoom(top + 1.0);
        tile_options.set_max_native_zoom(top);
        tile_options.set_no_wrap(true);
        let layer = leaflet::TileLayer::new_options("", &tile_options);
        // Leaflet asks the layer for each tile's URL: Zoomify's numbering.
        let folder = folder.to_owned();
        let tile_url: Closure<dyn FnMut(JsValue) -> String> =
            Closure::new(move |coords: JsValue| {
                let n = |key: &str| {
                    js_sys::Reflect::get(&coords, &key.into())
                        .ok()
                        .and_then(|v| v.as_f64())
                        .map_or(-1, |v| v as i64)
                };
                image
                    .tile_path(n("z") - ZOOM_OFFSET as i64, n("x"), n("y"))
                    .map(|path| format!("{folder}{path}"))
                    .unwrap_or_default()
            });
        let _ = js_sys::Reflect::set(&layer, &"getTileUrl".into(), tile_url.as_ref());
        layer.unchecked_ref::<leaflet::Layer>().add_to(&map.map);
        let _ = map.map.get_container().class_list().add_1("map-image");
        map.image_tiles = Some(tile_url);
        Ok(map)
    }

    /// Calls `callback` with the new viewport and padded bounds after every pan
    /// or zoom (Leaflet's `moveend`). The callback must not touch this
    /// `LeafletMap` (it may run while a method of it is running).
    pub fn on_move_end(&mut self, mut callback: impl FnMut(Viewport, Bounds) + 'static) {
        let map = self.map.clone();
        let closure: Listener =
            Closure::new(move |_: JsValue| callback(viewport_of(&map), bounds_of(&map)));
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
        bounds_of(&self.map)
    }

    /// Replaces the drawn countries. `on_hover` gets a shaded country's code and
    /// whether the pointer enters (true) or leaves it; clicks go to
    /// [`LeafletMap::on_click`].
    pub fn draw_countries<'a>(
        &mut self,
        countries: impl Iterator<Item = (CountryGeometry<'a>, CountryStyle)>,
        on_hover: impl Fn(&str, bool) + Clone + 'static,
    ) {
        self.countries.clear_layers();
        self.paths.clear();
        self.layer_listeners.clear();
        self.highlighted = None;
        for (geometry, style) in countries {
            let options = PathOptions::new();
            options.set_fill_color(style.fill.to_owned());
            options.set_fill_opacity(1.0);
            options.set_color(style.outline.to_owned());
            options.set_weight(if style.shaded { 1.0 } else { 0.5 });
            options.set_interactive(style.shaded);
            options.set_class_name(if style.shaded {
                "map-country map-shaded".to_owned()
            } else {
                "map-country".to_owned()
            });
            let path: Path = match geometry {
                CountryGeometry::Polygons(polygons) => leaflet::Polygon::new_with_options(
                    &polygons_array(polygons),
                    options.unchecked_ref(),
                )
                .unchecked_into(),
                CountryGeometry::Point(lat, lon) => {
                    let Some(at) = lat_lng(lat, lon) else {
                        continue;
                    };
                    let _ = js_sys::Reflect::set(&options, &"radius".into(), &5.0.into());
                    CircleMarker::new_with_options(&at, &options).unchecked_into()
                }
            };
            path.unchecked_ref::<leaflet::Layer>()
                .add_to_layer_group(&self.countries);
            if !style.shaded {
                continue;
            }
            if let Some(element) = element_of(&path) {
                let _ = element.set_attribute("data-country", &style.code);
            }
            let code = style.code.clone();
            let hover = on_hover.clone();
            let over: Listener = Closure::new(move |_: JsValue| hover(&code, true));
            let code = style.code.clone();
            let hover = on_hover.clone();
            let out: Listener = Closure::new(move |_: JsValue| hover(&code, false));
            path.on("mouseover", over.as_ref());
            path.on("mouseout", out.as_ref());
            self.layer_listeners.extend([over, out]);
            self.paths.push((style.code, path));
        }
    }

    /// Outlines one country (hover, keyboard focus in the list, open panel).
    pub fn highlight(&mut self, code: Option<&str>) {
        if self.highlighted.as_deref() == code {
            return;
        }
        let restyle = |code: &str, weight: f64, class: bool| {
            for (_, path) in self.paths.iter().filter(|(c, _)| c == code) {
                let options = PathOptions::new();
                options.set_weight(weight);
                path.set_style(&options);
                if class {
                    path.bring_to_front();
                }
                if let Some(element) = element_of(path) {
                    let list = element.class_list();
                    let _ = if class {
                        list.add_1("map-highlight")
                    } else {
                        list.remove_1("map-highlight")
                    };
                }
            }
        };
        if let Some(old) = self.highlighted.take() {
            restyle(&old, 1.0, false);
        }
        if let Some(code) = code {
            restyle(code, 3.0, true);
            self.highlighted = Some(code.to_owned());
        }
    }

    /// Replaces the member markers with `clusters`, drawn on the canvas.
    /// `on_click` gets a clicked cluster.
    pub fn draw_clusters(&mut self, clusters: Vec<Cluster>, on_click: impl Fn(&Cluster) + 'static) {
        self.markers.clear_layers();
        for cluster in &clusters {
            let Some(at) = lat_lng(cluster.lat, cluster.lon) else {
                continue;
            };
            let options = PathOptions::new();
            options.set_renderer(self.canvas.clone().into());
            options.set_pane(MARKER_PANE.to_owned());
            options.set_interactive(false);
            options.set_color("#ffffff".to_owned());
            options.set_weight(1.5);
            options.set_fill_color("#c2410c".to_owned());
            options.set_fill_opacity(0.85);
            let _ = js_sys::Reflect::set(&options, &"radius".into(), &radius(cluster.count).into());
            CircleMarker::new_with_options(&at, &options)
                .unchecked_ref::<leaflet::Layer>()
                .add_to_layer_group(&self.markers);
        }
        let mut hits = self.hits.borrow_mut();
        hits.clusters = clusters;
        hits.on_click = Some(Rc::new(on_click));
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

    /// Shows an outside tile layer under the countries (`Some(url template)`), or
    /// removes it (`None`).
    pub fn set_tiles(&mut self, url: Option<&str>) {
        if let Some(layer) = self.tiles.take() {
            layer.unchecked_ref::<leaflet::Layer>().remove();
        }
        // With tiles, the country fills turn see-through (map.css).
        let _ = self
            .map
            .get_container()
            .class_list()
            .toggle_with_force("map-with-tiles", url.is_some());
        if let Some(url) = url {
            let layer = leaflet::TileLayer::new(url);
            layer.unchecked_ref::<leaflet::Layer>().add_to(&self.map);
            self.tiles = Some(layer);
        }
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

    /// Replaces the markers with a story's places (SVG circles with the class
    /// `story-marker`, the current one also `story-current`), joined by a line
    /// when `line` is true.
    pub fn draw_places(&mut self, points: &[(f64, f64)], current: Option<usize>, line: bool) {
        self.markers.clear_layers();
        let on_globe: Vec<(f64, f64)> = points
            .iter()
            .copied()
            .filter(|&(lat, lon)| valid_position(lat, lon))
            .collect();
        if line && on_globe.len() > 1 {
            let options = PathOptions::new();
            options.set_color("#c2410c".to_owned());
            options.set_weight(2.0);
            options.set_dash_array("6 6".to_owned());
            options.set_interactive(false);
            options.set_class_name("story-line".to_owned());
            leaflet::Polyline::new_with_options(&lat_lng_array(&on_globe), options.unchecked_ref())
                .unchecked_ref::<leaflet::Layer>()
                .add_to_layer_group(&self.markers);
        }
        for (i, &(lat, lon)) in points.iter().enumerate() {
            // Skipped, but counted: `current` indexes `points`.
            let Some(at) = lat_lng(lat, lon) else {
                continue;
            };
            let is_current = Some(i) == current;
            let options = PathOptions::new();
            options.set_interactive(false);
            options.set_color(if is_current { "#1e3a8a" } else { "#ffffff" }.to_owned());
            options.set_weight(if is_current { 3.0 } else { 1.5 });
            options.set_fill_color(if is_current { "#1d4ed8" } else { "#c2410c" }.to_owned());
            options.set_fill_opacity(0.9);
            options.set_class_name(
                if is_current {
                    "story-marker story-current"
                } else {
                    "story-marker"
                }
                .to_owned(),
            );
            let radius: f64 = if is_current { 10.0 } else { 6.0 };
            let _ = js_sys::Reflect::set(&options, &"radius".into(), &radius.into());
            let marker = CircleMarker::new_with_options(&at, &options);
            marker
                .unchecked_ref::<leaflet::Layer>()
                .add_to_layer_group(&self.markers);
            if is_current {
                marker.unchecked_ref::<Path>().bring_to_front();
            }
        }
    }

    /// The visible area, unpadded (the whole world when the view is wider).
    pub fn visible_bounds(&self) -> Bounds {
        let b = self.map.get_bounds();
        let (sw, ne) = (b.get_south_west(), b.get_north_east());
        Bounds::padded(sw.lat(), sw.lng(), ne.lat(), ne.lng(), 0.0)
    }

    /// Draws the bundled basemap (land, coasts and borders: `polygons`, see
    /// `basemap.rs`) as one path on its own canvas, in a pane under every
    /// other layer (and under an outside tile layer, which covers it once
    /// loaded), replacing what it drew before. The container's
    /// `data-basemap` says which scale is drawn (`scale`, for tests), and its
    /// class `map-basemap-detail` (`detailed`) lets `/map`'s coarse country
    /// shapes show the finer coast beneath (map.css).
    pub fn draw_basemap(&mut self, polygons: &[Vec<Ring>], scale: &str, detailed: bool) {
        let (group, canvas) = match &self.basemap {
            Some(made) => made.clone(),
            None => {
                let pane = self.map.create_pane_by_name(BASEMAP_PANE);
                let _ = pane.style().set_property("z-index", "150");
                let _ = pane.style().set_property("pointer-events", "none");
                let group = LayerGroup::new();
                group.unchecked_ref::<leaflet::Layer>().add_to(&self.map);
                let canvas_options = leaflet::CanvasOptions::new();
                canvas_options.set_pane(BASEMAP_PANE.to_owned());
                let canvas = Canvas::with_options(&canvas_options);
                self.basemap = Some((group.clone(), canvas.clone()));
                (group, canvas)
            }
        };
        group.clear_layers();
        let options = PathOptions::new();
        options.set_renderer(canvas.into());
        options.set_pane(BASEMAP_PANE.to_owned());
        options.set_interactive(false);
        options.set_fill_color(LAND.to_owned());
        options.set_fill_opacity(1.0);
        options.set_color(BORDER.to_owned());
        options.set_weight(0.8);
        let latlngs = polygons_array(polygons);
        if latlngs.length() > 0 {
            leaflet::Polygon::new_with_options(&latlngs, options.unchecked_ref())
                .unchecked_ref::<leaflet::Layer>()
                .add_to_layer_group(&group);
        }
        let container = self.map.get_container();
        let _ = container.set_attribute("data-basemap", scale);
        let _ = container
            .class_list()
            .toggle_with_force("map-basemap-detail", detailed);
    }

    /// Replaces the basemap's country names: (lat, lon, name) each, as text
    /// that neither takes focus nor catches the pointer.
    pub fn draw_labels(&mut self, labels: &[(f64, f64, String)]) {
        let group = match &self.labels {
            Some(group) => group.clone(),
            None => {
                let pane = self.map.create_pane_by_name(LABEL_PANE);
                let _ = pane.style().set_property("z-index", "420");
                let _ = pane.style().set_property("pointer-events", "none");
                let _ = pane.set_attribute("aria-hidden", "true");
                let group = LayerGroup::new();
                group.unchecked_ref::<leaflet::Layer>().add_to(&self.map);
                self.labels = Some(group.clone());
                group
            }
        };
        group.clear_layers();
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        for (lat, lon, name) in labels {
            let (Some(at), Ok(text)) = (lat_lng(*lat, *lon), document.create_element("span"))
            else {
                continue;
            };
            text.set_text_content(Some(name));
            let icon_options = leaflet::DivIconOptions::new();
            icon_options.set_class_name("map-label".to_owned());
            // An element, not HTML: the name is text whatever it holds.
            let _ = js_sys::Reflect::set(&icon_options, &"html".into(), &text);
            let _ = js_sys::Reflect::set(&icon_options, &"iconSize".into(), &JsValue::NULL);
            // `L.divIcon`: the crate's `DivIcon::new` makes a plain `L.Icon`.
            let Some(icon) = js_sys::Reflect::get(&js_sys::global(), &"L".into())
                .and_then(|l| js_sys::Reflect::get(&l, &"divIcon".into()))
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                .and_then(|f| f.call1(&JsValue::NULL, &icon_options).ok())
            else {
                continue;
            };
            let options = leaflet::MarkerOptions::new();
            options.set_icon(icon.unchecked_into());
            options.set_pane(LABEL_PANE.to_owned());
            options.set_interactive(false);
            options.set_keyboard(false);
            leaflet::Marker::new_with_options(&at, &options)
                .unchecked_ref::<leaflet::Layer>()
                .add_to_layer_group(&group);
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

const LEAFLET_MISSING: &str = "Leaflet could not be loaded";

thread_local! {
    /// The page's one load of Leaflet, shared by every map that waits for it.
    static LEAFLET_LOAD: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// Whether Leaflet's global `L` exists.
fn leaflet_present() -> bool {
    js_sys::Reflect::has(&js_sys::global(), &JsValue::from_str("L")).unwrap_or(false)
}

/// Loads Leaflet on first need, so pages without a map never fetch it (about
/// 46 KB gzip of JS and CSS): adds its stylesheet (first in `<head>`, so the
/// app's own rules still override it) and its script, and resolves once both
/// have loaded. Later calls share the first load.
pub async fn load_leaflet() -> Result<(), String> {
    if leaflet_present() {
        return Ok(());
    }
    let load =
        LEAFLET_LOAD.with(|cell| cell.borrow_mut().get_or_insert_with(inject_leaflet).clone());
    let loaded = wasm_bindgen_futures::JsFuture::from(load).await;
    if loaded.is_ok() && leaflet_present() {
        Ok(())
    } else {
        Err(LEAFLET_MISSING.to_owned())
    }
}

/// Adds the stylesheet and the script; the promise settles when both have.
fn inject_leaflet() -> js_sys::Promise {
    let Some(head) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.head())
    else {
        return js_sys::Promise::reject(&JsValue::from_str(LEAFLET_MISSING));
    };
    // Relative URLs: they resolve against `<base href>`, the app's public URL.
    let css_url = format!("{LEAFLET_DIR}/leaflet.css");
    let js_url = format!("{LEAFLET_DIR}/leaflet.js");
    let first = head.first_child();
    let css = load_element(
        &head,
        "link",
        &[("rel", "stylesheet"), ("href", &css_url)],
        first.as_ref(),
    );
    let js = load_element(&head, "script", &[("src", &js_url)], None);
    js_sys::Promise::all(&Array::of2(&css, &js))
}

/// An element added to `parent` (before `before`, or last), as a promise of
/// its `load` (rejected on `error`).
fn load_element(
    parent: &web_sys::HtmlHeadElement,
    tag: &str,
    attributes: &[(&str, &str)],
    before: Option<&web_sys::Node>,
) -> js_sys::Promise {
    let Some(document) = parent.owner_document() else {
        return js_sys::Promise::reject(&JsValue::from_str(LEAFLET_MISSING));
    };
    js_sys::Promise::new(&mut |resolve, reject| {
        let added = document.create_element(tag).and_then(|element| {
            for (name, value) in attributes {
                element.set_attribute(name, value)?;
            }
            element.add_event_listener_with_callback("load", &resolve)?;
            element.add_event_listener_with_callback("error", &reject)?;
            parent.insert_before(&element, before)
        });
        if let Err(error) = added {
            let _ = reject.call1(&JsValue::NULL, &error);
        }
    })
}
