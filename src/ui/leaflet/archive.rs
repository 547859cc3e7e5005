//! A network's own vector basemap on a [`LeafletMap`]: the PMTiles archive
//! its manifest names (`model::Basemap`), drawn by protomaps-leaflet from
//! tiles read by HTTP range requests, in a pane over the bundled basemap and
//! under everything else. protomaps-leaflet (38 KB gzip) loads on first need,
//! from the deployment, only on a map whose manifest names an archive. What
//! the header means and when the bundled shapes stand in is
//! `crate::geo::archive` (pure).

use std::cell::RefCell;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::LeafletMap;
use super::load::inject_script;
use crate::geo::PROTOMAPS_DIR;
use crate::geo::archive::{Coverage, Header};

const PROTOMAPS_MISSING: &str = "protomaps-leaflet could not be loaded";

/// The pane of the archive's tiles: over the bundled basemap (150), under
/// an outside tile layer (Leaflet's tile pane, 200) and the countries.
const ARCHIVE_PANE: &str = "mapline-archive";

/// protomaps-leaflet's paint and label rules for the Protomaps basemap
/// layers (`earth`, `water`, `roads`, `boundaries`, `places`…): the light
/// one, near the bundled basemap's colours.
const FLAVOR: &str = "light";

thread_local! {
    /// The page's one load of protomaps-leaflet, shared by every map.
    static PROTOMAPS_LOAD: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// The global `protomapsL` once the script has run.
fn protomaps() -> Option<JsValue> {
    Reflect::get(&js_sys::global(), &"protomapsL".into())
        .ok()
        .filter(JsValue::is_object)
}

fn message(error: &JsValue) -> String {
    crate::ui::js_error_message(error).unwrap_or_else(|| "failed".to_owned())
}

fn function(object: &JsValue, name: &str) -> Result<Function, String> {
    Reflect::get(object, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| format!("protomaps-leaflet has no {name}"))
}

/// Loads protomaps-leaflet once per page (Leaflet first: it extends
/// `L.GridLayer`).
async fn load_protomaps() -> Result<JsValue, String> {
    if let Some(loaded) = protomaps() {
        return Ok(loaded);
    }
    let load = PROTOMAPS_LOAD.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| inject_script(&format!("{PROTOMAPS_DIR}/protomaps-leaflet.js")))
            .clone()
    });
    let loaded = wasm_bindgen_futures::JsFuture::from(load).await;
    match (loaded, protomaps()) {
        (Ok(_), Some(protomaps)) => Ok(protomaps),
        _ => Err(PROTOMAPS_MISSING.to_owned()),
    }
}

/// An archive whose header has been read: protomaps-leaflet's reader (which
/// keeps the header and directories for the tiles) and what the header says.
pub struct OpenArchive {
    reader: JsValue,
    pub header: Header,
}

/// Opens the archive at `url` (absolute; Leaflet must be loaded): loads
/// protomaps-leaflet and reads the archive's header (one range request).
/// Gives up when no answer came within `timeout_ms`. Never throws: every
/// failure is the error's text.
pub async fn open_archive(url: &str, timeout_ms: i32) -> Result<OpenArchive, String> {
    let protomaps = load_protomaps().await?;
    let source_class = function(&protomaps, "PmtilesSource")?;
    let source = Reflect::construct(&source_class, &Array::of2(&url.into(), &true.into()))
        .map_err(|e| message(&e))?;
    let reader = Reflect::get(&source, &"p".into()).map_err(|e| message(&e))?;
    let header = function(&reader, "getHeader")?
        .call0(&reader)
        .map_err(|e| message(&e))?
        .dyn_into::<Promise>()
        .map_err(|_| "getHeader gave no promise".to_owned())?;
    let seconds = timeout_ms / 1000;
    let timeout = Promise::new(&mut |_, reject| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_1(
                &reject,
                timeout_ms,
                &format!("no answer within {seconds} s").into(),
            );
        }
    });
    let header =
        wasm_bindgen_futures::JsFuture::from(Promise::race(&Array::of2(&header, &timeout)))
            .await
            .map_err(|e| message(&e))?;
    let number = |name: &str| {
        Reflect::get(&header, &name.into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(f64::NAN)
    };
    Ok(OpenArchive {
        reader,
        header: Header {
            tile_type: number("tileType"),
            min_zoom: number("minZoom"),
            max_zoom: number("maxZoom"),
            min_lon: number("minLon"),
            min_lat: number("minLat"),
            max_lon: number("maxLon"),
            max_lat: number("maxLat"),
        },
    })
}

impl LeafletMap {
    /// Draws the open archive on this map where and at the levels `coverage`
    /// allows (the bundled basemap shows elsewhere, and through the archive's
    /// gaps), with place names in `lang` where the
    /// archive has them; lets the map zoom to street level over it. The
    /// container's `data-archive` says `open`.
    pub fn draw_archive(
        &mut self,
        archive: &OpenArchive,
        coverage: &Coverage,
        lang: &str,
    ) -> Result<(), String> {
        let protomaps = protomaps().ok_or_else(|| PROTOMAPS_MISSING.to_owned())?;
        let make = function(&protomaps, "leafletLayer")?;
        let pane = self.map.create_pane_by_name(ARCHIVE_PANE);
        let _ = pane.style().set_property("z-index", "160");
        let _ = pane.style().set_property("pointer-events", "none");
        let (min_zoom, max_zoom) = coverage.layer_zooms();
        let area = coverage.area;
        let bounds = Array::of2(
            &Array::of2(&area.south.into(), &area.west.into()),
            &Array::of2(&area.north.into(), &area.east.into()),
        );
        let options = Object::new();
        for (key, value) in [
            ("url", archive.reader.clone()),
            ("maxDataZoom", f64::from(coverage.max_zoom).into()),
            ("minZoom", min_zoom.into()),
            ("maxZoom", max_zoom.into()),
            ("bounds", bounds.into()),
            ("flavor", FLAVOR.into()),
            ("pane", ARCHIVE_PANE.into()),
            // The credit is in the page (the manifest's attribution).
            ("attribution", "".into()),
        ] {
            Reflect::set(&options, &key.into(), &value).map_err(|e| message(&e))?;
        }
        self.add_archive_layer(&make, &options, lang)?;
        self.map.set_max_zoom(coverage.map_max_zoom());
        let _ = self
            .map
            .get_container()
            .set_attribute("data-archive", "open");
        Ok(())
    }

    /// Draws the archive's place names in `lang` (`fr`): protomaps-leaflet
    /// takes the language when its layer is made, so the layer is made
    /// again with the same options. Nothing happens without an archive drawn.
    pub fn relabel_archive(&mut self, lang: &str) {
        let Some((_, options)) = &self.archive else {
            return;
        };
        let options = options.clone();
        let made = protomaps()
            .ok_or_else(|| PROTOMAPS_MISSING.to_owned())
            .and_then(|protomaps| function(&protomaps, "leafletLayer"))
            .and_then(|make| self.add_archive_layer(&make, &options, lang));
        if let Err(error) = made {
            // The layer drawn before stays (its names in the old language).
            web_sys::console::warn_1(&format!("basemap: {error}").into());
        }
    }

    /// Makes the archive's layer from `options` with the names in `lang`
    /// and puts it in place of the one drawn before, if any.
    fn add_archive_layer(
        &mut self,
        make: &Function,
        options: &Object,
        lang: &str,
    ) -> Result<(), String> {
        Reflect::set(options, &"lang".into(), &lang.into()).map_err(|e| message(&e))?;
        let layer = make
            .call1(&JsValue::NULL, options)
            .map_err(|e| message(&e))?;
        // A flavour paints its background over every tile: left out, the
        // archive's gaps (no tile, or the sea where it draws none) show the
        // bundled basemap beneath.
        Reflect::set(&layer, &"backgroundColor".into(), &JsValue::UNDEFINED)
            .map_err(|e| message(&e))?;
        function(&layer, "addTo")?
            .call1(&layer, &self.map)
            .map_err(|e| message(&e))?;
        if let Some((old, _)) = self.archive.take()
            && let Ok(remove) = function(&old, "remove")
        {
            let _ = remove.call0(&old);
        }
        self.archive = Some((layer, options.clone()));
        let _ = self
            .map
            .get_container()
            .set_attribute("data-archive-lang", lang);
        Ok(())
    }

    /// Marks the container `data-archive="failed"`: the bundled basemap
    /// stands in (the page says why).
    pub fn archive_failed(&self) {
        let _ = self
            .map
            .get_container()
            .set_attribute("data-archive", "failed");
    }
}
