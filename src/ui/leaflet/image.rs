//! A [`LeafletMap`] of a picture in Zoomify tiles (a StoryMapJS `zoomify`
//! story) instead of the world.

use leaflet::{LatLng, MapOptions};
use wasm_bindgen::prelude::*;

use super::LeafletMap;
use super::js_err;
use super::load::{LEAFLET_MISSING, leaflet_present};
use crate::geo::zoomify::{ZOOM_OFFSET, Zoomify};

impl LeafletMap {
    /// Creates a map of a picture in Zoomify tiles (`geo/zoomify.rs`) in
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
                    .tile_url(&folder, n("z"), n("x"), n("y"))
                    .unwrap_or_default()
            });
        let _ = js_sys::Reflect::set(&layer, &"getTileUrl".into(), tile_url.as_ref());
        layer.unchecked_ref::<leaflet::Layer>().add_to(&map.map);
        let _ = map.map.get_container().class_list().add_1("map-image");
        map.image_tiles = Some(tile_url);
        Ok(map)
    }
}
