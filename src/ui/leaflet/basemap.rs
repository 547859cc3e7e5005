//! The bundled basemap on a [`LeafletMap`]: land, coasts and borders (chosen
//! and cut to the view by `crate::geo::basemap`, loaded by
//! `map::basemap_layer`) and the country names.

use std::cell::RefCell;
use std::rc::Rc;

use leaflet::{Canvas, LayerGroup};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, Path2d};

use super::{CatchingMap, Label, LeafletMap, Listener, bounds_of, lat_lng};
use crate::geo::basemap::{BORDER, LAND, PathFrame, path_data};
use crate::geo::cluster::Bounds;
use crate::geo::topojson::Ring;

/// The pane of the bundled basemap: under everything else.
const BASEMAP_PANE: &str = "mapline-basemap";

/// The pane of the basemap's country names: over the country shapes, under
/// the markers, hidden from screen readers (the map's lists say the same).
const LABEL_PANE: &str = "mapline-labels";

/// The width of the coasts and borders, in pixels.
const BORDER_WIDTH: f64 = 0.8;

/// The bundled basemap's canvas and the path drawn on it (see
/// [`LeafletMap::make_basemap_canvas`]).
#[derive(Clone)]
pub(super) struct BasemapCanvas {
    element: HtmlCanvasElement,
    drawn: Rc<RefCell<Option<(Path2d, PathFrame)>>>,
}

impl BasemapCanvas {
    /// Draws the path for the map's view as it is: Leaflet has translated
    /// the canvas's context to its layer pixels, so the path goes from its
    /// frame's zoom to the map's by one scale and one shift. `clear`: wipe
    /// what was drawn before (Leaflet's update has already).
    fn paint(&self, map: &leaflet::Map, clear: bool) {
        let Some(context) = self
            .element
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        if clear {
            context.save();
            let _ = context.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
            context.clear_rect(
                0.0,
                0.0,
                f64::from(self.element.width()),
                f64::from(self.element.height()),
            );
            context.restore();
        }
        let drawn = self.drawn.borrow();
        let Some((path, frame)) = drawn.as_ref() else {
            return;
        };
        let zoom = map.get_zoom();
        let origin = map.unchecked_ref::<CatchingMap>().get_pixel_origin();
        let world = 256.0 * zoom.exp2();
        let scale = (zoom - frame.zoom).exp2();
        if !(world.is_finite() && scale.is_finite() && scale > 0.0) {
            return;
        }
        context.save();
        let _ = context.translate(frame.x * world - origin.x(), frame.y * world - origin.y());
        let _ = context.scale(scale, scale);
        context.set_fill_style_str(LAND);
        context.fill_with_path_2d(path);
        context.set_stroke_style_str(BORDER);
        context.set_line_width(BORDER_WIDTH / scale);
        context.set_line_join("round");
        context.set_line_cap("round");
        context.stroke_with_path(path);
        context.restore();
    }
}

impl LeafletMap {
    /// The visible area, unpadded (the whole world when the view is wider).
    pub fn visible_bounds(&self) -> Bounds {
        bounds_of(&self.map, 0.0)
    }

    /// Draws the bundled basemap (land, coasts and borders: `polygons`, at
    /// a detail fit for `zoom`) as one path on its own canvas, in a pane
    /// under every other layer (and under an outside tile layer, which
    /// covers it once loaded), replacing what it drew before. The
    /// container's `data-basemap` says which scale is drawn (`scale`, for
    /// tests), and its class `map-basemap-detail` (`detailed`) lets `/map`'s
    /// coarse country shapes show the finer coast beneath (map.css).
    pub fn draw_basemap(&mut self, polygons: &[Vec<Ring>], zoom: f64, scale: &str, detailed: bool) {
        if self.basemap.is_none() {
            self.basemap = self.make_basemap_canvas();
        }
        if let Some(basemap) = &self.basemap {
            let (data, frame) = path_data(polygons, zoom);
            let path = web_sys::Path2d::new_with_path_string(&data).ok();
            *basemap.drawn.borrow_mut() = path.map(|path| (path, frame));
            basemap.paint(&self.map, true);
        }
        let _ = self
            .map
            .get_container()
            .set_attribute("data-basemap", scale);
        self.show_basemap_detail(detailed);
    }

    /// The basemap's canvas: a Leaflet canvas renderer with no layers, added
    /// to the map in the basemap's pane, so Leaflet sizes and places it with
    /// the view and scales it through a zoom's animation; the path is drawn
    /// on it each time Leaflet has made it ready for a view (its `update`
    /// event, after every move and zoom).
    fn make_basemap_canvas(&mut self) -> Option<BasemapCanvas> {
        let pane = self.map.create_pane_by_name(BASEMAP_PANE);
        let _ = pane.style().set_property("z-index", "150");
        let _ = pane.style().set_property("pointer-events", "none");
        let options = leaflet::CanvasOptions::new();
        options.set_pane(BASEMAP_PANE.to_owned());
        let renderer = Canvas::with_options(&options);
        renderer.add_to(&self.map);
        let element = pane
            .query_selector("canvas")
            .ok()
            .flatten()?
            .dyn_into::<HtmlCanvasElement>()
            .ok()?;
        let basemap = BasemapCanvas {
            element,
            drawn: Rc::default(),
        };
        // After `add_to`: Leaflet's own `update` listener, added by it,
        // clears the canvas, and this one then draws.
        let listener: Listener = {
            let (map, basemap) = (self.map.clone(), basemap.clone());
            Closure::new(move |_: JsValue| basemap.paint(&map, false))
        };
        renderer.on("update", listener.as_ref());
        self.listeners.push(listener);
        Some(basemap)
    }
    /// The container's class `map-basemap-detail`: zoomed in past the world
    /// scale, where `/map`'s coarse country fills turn see-through (map.css)
    /// over the finer basemap, bundled or the network's own.
    pub fn show_basemap_detail(&self, detailed: bool) {
        let _ = self
            .map
            .get_container()
            .class_list()
            .toggle_with_force("map-basemap-detail", detailed);
    }

    /// Shows these country names on the basemap: (lat, lon, name) each, as
    /// text that neither takes focus nor catches the pointer. Names already
    /// shown stay as they are; only those that come or go change: a zoom
    /// keeps most of them, and making every name anew laid out the page
    /// again in the frame after each zoom.
    pub fn draw_labels(&mut self, labels: &[Label]) {
        let (group, mut shown) = match self.labels.take() {
            Some(made) => made,
            None => {
                let pane = self.map.create_pane_by_name(LABEL_PANE);
                let _ = pane.style().set_property("z-index", "420");
                let _ = pane.style().set_property("pointer-events", "none");
                let _ = pane.set_attribute("aria-hidden", "true");
                let group = LayerGroup::new();
                group.unchecked_ref::<leaflet::Layer>().add_to(&self.map);
                (group, Vec::new())
            }
        };
        shown.retain(|(label, layer)| {
            let kept = labels.contains(label);
            if !kept {
                group.remove_layer(layer);
            }
            kept
        });
        let new: Vec<&Label> = labels
            .iter()
            .filter(|label| !shown.iter().any(|(s, _)| s == *label))
            .collect();
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            for label in new {
                if let Some(layer) = label_marker(&document, label) {
                    layer.add_to_layer_group(&group);
                    shown.push((label.clone(), layer));
                }
            }
        }
        self.labels = Some((group, shown));
    }
}

/// One country name as a Leaflet marker in the label pane.
fn label_marker(document: &web_sys::Document, (lat, lon, name): &Label) -> Option<leaflet::Layer> {
    let (Some(at), Ok(text)) = (lat_lng(*lat, *lon), document.create_element("span")) else {
        return None;
    };
    text.set_text_content(Some(name));
    let icon_options = leaflet::DivIconOptions::new();
    icon_options.set_class_name("map-label".to_owned());
    // An element, not HTML: the name is text whatever it holds.
    let _ = js_sys::Reflect::set(&icon_options, &"html".into(), &text);
    let _ = js_sys::Reflect::set(&icon_options, &"iconSize".into(), &JsValue::NULL);
    // `L.divIcon`: the crate's `DivIcon::new` makes a plain `L.Icon`.
    let icon = js_sys::Reflect::get(&js_sys::global(), &"L".into())
        .and_then(|l| js_sys::Reflect::get(&l, &"divIcon".into()))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&JsValue::NULL, &icon_options).ok())?;
    let options = leaflet::MarkerOptions::new();
    options.set_icon(icon.unchecked_into());
    options.set_pane(LABEL_PANE.to_owned());
    options.set_interactive(false);
    options.set_keyboard(false);
    Some(leaflet::Marker::new_with_options(&at, &options).unchecked_into())
}
