//! What is drawn on a [`LeafletMap`]: the countries (shaded, outlined,
//! highlighted), the member markers, a story's places, the optional tiles.

use std::rc::Rc;

use leaflet::{CircleMarker, Path, PathOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::{
    CountryGeometry, CountryStyle, LeafletMap, Listener, MARKER_PANE, element_of, lat_lng,
    lat_lng_array, polygons_array,
};
use crate::geo::cluster::{Cluster, radius};
use crate::geo::valid_position;

impl LeafletMap {
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
        // One options object for every marker: Leaflet copies it into each
        // (`setOptions`), so only the radius changes between them. At 10,000
        // members a zoom makes hundreds of markers, and each set is a call
        // across the wasm boundary.
        let options = PathOptions::new();
        options.set_renderer(self.canvas.clone().into());
        options.set_pane(MARKER_PANE.to_owned());
        options.set_interactive(false);
        options.set_color("#ffffff".to_owned());
        options.set_weight(1.5);
        options.set_fill_color("#c2410c".to_owned());
        options.set_fill_opacity(0.85);
        let radius_key = wasm_bindgen::JsValue::from_str("radius");
        for cluster in &clusters {
            let Some(at) = lat_lng(cluster.lat, cluster.lon) else {
                continue;
            };
            let _ = js_sys::Reflect::set(&options, &radius_key, &radius(cluster.count).into());
            CircleMarker::new_with_options(&at, &options)
                .unchecked_ref::<leaflet::Layer>()
                .add_to_layer_group(&self.markers);
        }
        let mut hits = self.hits.borrow_mut();
        hits.clusters = clusters;
        hits.on_click = Some(Rc::new(on_click));
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
}
