//! The bundled basemap on a [`LeafletMap`]: land, coasts and borders (chosen
//! and cut to the view by `crate::geo::basemap`, loaded by
//! `map::basemap_layer`) and the country names.

use leaflet::{Canvas, LayerGroup, PathOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::{Label, LeafletMap, bounds_of, lat_lng, polygons_array};
use crate::geo::basemap::{BORDER, LAND};
use crate::geo::cluster::Bounds;
use crate::geo::topojson::Ring;

/// The pane of the bundled basemap: under everything else.
const BASEMAP_PANE: &str = "mapline-basemap";

/// The pane of the basemap's country names: over the country shapes, under
/// the markers, hidden from screen readers (the map's lists say the same).
const LABEL_PANE: &str = "mapline-labels";

impl LeafletMap {
    /// The visible area, unpadded (the whole world when the view is wider).
    pub fn visible_bounds(&self) -> Bounds {
        bounds_of(&self.map, 0.0)
    }

    /// Draws the bundled basemap (land, coasts and borders: `polygons`) as one
    /// path on its own canvas, in a pane under every other layer (and under an
    /// outside tile layer, which covers it once loaded), replacing what it drew
    /// before. The container's `data-basemap` says which scale is drawn
    /// (`scale`, for tests), and its class `map-basemap-detail` (`detailed`)
    /// lets `/map`'s coarse country shapes show the finer coast beneath
    /// (map.css).
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
        let _ = self
            .map
            .get_container()
            .set_attribute("data-basemap", scale);
        self.show_basemap_detail(detailed);
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
