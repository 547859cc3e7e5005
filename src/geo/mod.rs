//! Geography for the maps, pure and tested natively: the positions and zoom
//! levels Leaflet can take, TopoJSON decoding (`topojson.rs`), marker
//! clustering (`cluster.rs`), the basemap's scales, clipping and labels
//! (`basemap.rs`), a network's own vector basemap (`archive.rs`) and an image map's Zoomify tiles (`zoomify.rs`). Below the web side: the Leaflet boundary
//! (`ui::leaflet`), the network map and the story maps use it.

pub mod archive;
pub mod basemap;
pub mod cluster;
pub mod topojson;
pub mod zoomify;

/// The folder index.html copies Leaflet's script, stylesheet and images into
/// (`data-target-path`), named after the npm version: the version is the cache
/// key, as copied files get no hash. The map loads Leaflet from it on first need.
pub const LEAFLET_DIR: &str = "leaflet-1.9.4";

/// The same for protomaps-leaflet's script, which draws a network's vector
/// basemap (`archive.rs`): loaded only by a map whose manifest names one.
pub const PROTOMAPS_DIR: &str = "protomaps-leaflet-5.1.0";

/// The zoom levels the maps allow (Leaflet's `minZoom` and `maxZoom`).
pub const MIN_ZOOM: f64 = 1.0;
pub const MAX_ZOOM: f64 = 12.0;

/// Whether a position can be handed to Leaflet: finite, latitude within ±90°
/// and longitude within ±180°. Leaflet throws on NaN ("Invalid LatLng
/// object") and loops on huge values (a longitude of -1e308 made it throw on
/// every frame), so everything drawn is checked here, whatever the importers
/// let through.
pub fn valid_position(lat: f64, lon: f64) -> bool {
    (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)
}

/// A zoom Leaflet can take: within the maps' levels; `None` when not a number.
pub fn valid_zoom(zoom: f64) -> Option<f64> {
    zoom.is_finite().then(|| zoom.clamp(MIN_ZOOM, MAX_ZOOM))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaflet_dir_matches_index_html_and_the_locked_version() {
        let root = env!("CARGO_MANIFEST_DIR");
        let read =
            |name: &str| std::fs::read_to_string(format!("{root}/{name}")).unwrap_or_default();
        let index = read("index.html");
        for file in ["leaflet.js", "leaflet.css"] {
            assert!(
                index.contains(&format!(
                    "href=\"node_modules/leaflet/dist/{file}\" data-target-path=\"{LEAFLET_DIR}\""
                )),
                "index.html copies {file} into {LEAFLET_DIR}"
            );
        }
        let lock = read("package-lock.json");
        let locked = lock
            .split("\"node_modules/leaflet\": {")
            .nth(1)
            .and_then(|rest| rest.split("\"version\": \"").nth(1))
            .and_then(|rest| rest.split('"').next());
        assert_eq!(
            locked.map(|v| format!("leaflet-{v}")).as_deref(),
            Some(LEAFLET_DIR)
        );
    }
    #[test]
    fn protomaps_dir_matches_index_html_and_the_locked_version() {
        let root = env!("CARGO_MANIFEST_DIR");
        let read =
            |name: &str| std::fs::read_to_string(format!("{root}/{name}")).unwrap_or_default();
        assert!(read("index.html").contains(&format!(
            "href=\"node_modules/protomaps-leaflet/dist/protomaps-leaflet.js\" data-target-path=\"{PROTOMAPS_DIR}\""
        )));
        let locked = read("package-lock.json")
            .split("\"node_modules/protomaps-leaflet\": {")
            .nth(1)
            .and_then(|rest| rest.split("\"version\": \"").nth(1))
            .and_then(|rest| rest.split('"').next())
            .map(|v| format!("protomaps-leaflet-{v}"));
        assert_eq!(locked.as_deref(), Some(PROTOMAPS_DIR));
    }

    #[test]
    fn only_finite_positions_on_the_globe_reach_leaflet() {
        assert!(valid_position(45.4, -75.7));
        assert!(valid_position(-90.0, 180.0));
        for (lat, lon) in [
            (f64::NAN, 0.0),
            (0.0, f64::INFINITY),
            (9999.0, 0.0),
            (1e308, -1e308),
            (0.0, -180.5),
        ] {
            assert!(!valid_position(lat, lon), "{lat}, {lon}");
        }
        assert_eq!(valid_zoom(-5.0), Some(MIN_ZOOM));
        assert_eq!(valid_zoom(1e308), Some(MAX_ZOOM));
        assert_eq!(valid_zoom(4.5), Some(4.5));
        assert_eq!(valid_zoom(f64::NAN), None);
    }
}
