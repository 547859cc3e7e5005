//! A network's own vector basemap (the manifest's `basemap`, one PMTiles
//! archive it hosts): what the archive's header says it covers, and where the
//! maps fall back to the bundled Natural Earth shapes (`basemap.rs`). Pure,
//! tested natively; the archive is opened and drawn at the Leaflet boundary
//! (`ui::leaflet::archive`) and kept up with the view by `map::basemap_layer`.

use crate::geo::MAX_ZOOM;
use crate::geo::basemap::{Scale, covers};
use crate::geo::cluster::Bounds;

/// Levels past the archive's deepest at which its tiles are still drawn,
/// scaled up from that level (vector tiles stay sharp; the detail stops
/// growing). Protomaps' builds stop at 15, so streets reach 18; a z0–5
/// extract reaches 8.
pub const OVERZOOM: u8 = 3;

/// The deepest zoom a map allows over an archive deep enough: street level.
pub const STREET_ZOOM: f64 = 18.0;

/// Web Mercator's edge: no map shows more of the poles than this.
const MERCATOR_LAT: f64 = 85.051_128_8;

/// PMTiles' `tileType` of vector tiles (Mapbox Vector Tiles).
const MVT: f64 = 1.0;

/// An archive's header, as read by the PMTiles reader (NaN for a field it
/// did not give).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Header {
    pub tile_type: f64,
    pub min_zoom: f64,
    pub max_zoom: f64,
    pub min_lon: f64,
    pub min_lat: f64,
    pub max_lon: f64,
    pub max_lat: f64,
}

/// Where and at which levels an archive has tiles.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Coverage {
    pub min_zoom: u8,
    pub max_zoom: u8,
    /// The archive's bounds (the whole world when its header gives none).
    pub area: Bounds,
}

impl Coverage {
    /// The coverage the header describes, or why the archive cannot be
    /// drawn (raster tiles, impossible zoom levels). Bounds that are missing
    /// or impossible (some writers leave zeros) count as the whole world.
    pub fn from_header(header: &Header) -> Result<Coverage, String> {
        if header.tile_type != MVT {
            let kind = match header.tile_type {
                2.0 => "PNG",
                3.0 => "JPEG",
                4.0 => "WebP",
                5.0 => "AVIF",
                _ => "unknown",
            };
            return Err(format!(
                "the archive holds {kind} tiles, not vector tiles (MVT)"
            ));
        }
        let level = |z: f64| {
            (z.is_finite() && z.fract() == 0.0 && (0.0..=30.0).contains(&z)).then_some(z as u8)
        };
        let (Some(min_zoom), Some(max_zoom)) = (level(header.min_zoom), level(header.max_zoom))
        else {
            return Err(format!(
                "the archive's zoom levels ({}–{}) are not valid",
                header.min_zoom, header.max_zoom
            ));
        };
        if min_zoom > max_zoom {
            return Err(format!(
                "the archive's zoom levels ({min_zoom}–{max_zoom}) are not valid"
            ));
        }
        let Header {
            min_lon,
            min_lat,
            max_lon,
            max_lat,
            ..
        } = *header;
        let valid = [min_lon, min_lat, max_lon, max_lat]
            .iter()
            .all(|v| v.is_finite())
            && (-180.0..=180.0).contains(&min_lon)
            && (-180.0..=180.0).contains(&max_lon)
            && (-90.0..=90.0).contains(&min_lat)
            && (-90.0..=90.0).contains(&max_lat)
            && min_lon < max_lon
            && min_lat < max_lat;
        let area = if valid {
            Bounds {
                south: min_lat,
                west: min_lon,
                north: max_lat,
                east: max_lon,
            }
        } else {
            Bounds::WORLD
        };
        Ok(Coverage {
            min_zoom,
            max_zoom,
            area,
        })
    }

    /// The levels the archive's layer is drawn at (Leaflet's `minZoom` and
    /// `maxZoom` of the layer): its own, and [`OVERZOOM`] more.
    pub fn layer_zooms(&self) -> (f64, f64) {
        (
            f64::from(self.min_zoom),
            f64::from(self.max_zoom) + f64::from(OVERZOOM),
        )
    }

    /// The deepest zoom the map allows over this archive: as far as its
    /// layer is drawn, never less than without it, at most [`STREET_ZOOM`].
    pub fn map_max_zoom(&self) -> f64 {
        self.layer_zooms().1.clamp(MAX_ZOOM, STREET_ZOOM)
    }

    /// Whether the archive draws the whole of `view` at `zoom`: the zoom's
    /// tile level (Leaflet rounds it) is one the layer is drawn at, and the
    /// view (within Mercator's edge) lies inside the archive's bounds.
    pub fn covers(&self, zoom: f64, view: Bounds) -> bool {
        if !zoom.is_finite() {
            return false;
        }
        let (min, max) = self.layer_zooms();
        let level = zoom.round();
        let edge = |lat: f64| lat.clamp(-MERCATOR_LAT, MERCATOR_LAT);
        let view = Bounds {
            south: edge(view.south),
            north: edge(view.north),
            ..view
        };
        // An archive reaching Mercator's edge reaches the pole for the map.
        let area = Bounds {
            south: if self.area.south <= -MERCATOR_LAT + 0.01 {
                -90.0
            } else {
                self.area.south
            },
            north: if self.area.north >= MERCATOR_LAT - 0.01 {
                90.0
            } else {
                self.area.north
            },
            ..self.area
        };
        (min..=max).contains(&level) && covers(area, view)
    }
}

/// A map's vector basemap: none configured, its header on the way, open, or
/// failed (the bundled basemap stands in).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Archive {
    #[default]
    Off,
    Opening,
    Open(Coverage),
    Failed,
}

impl Archive {
    /// Whether the bundled shapes are drawn for `view` at `zoom`. Without an
    /// archive, or when it failed: always. Over an open archive: where it
    /// does not cover the view (outside its area or levels), so the bundled
    /// 1:10m file (0.9 MB gzip) is not fetched under streets. While the
    /// header is on the way: only the world scale (small, and `/map` has it
    /// already), since the header may make the finer ones needless.
    pub fn bundled_needed(&self, zoom: f64, view: Bounds) -> bool {
        match self {
            Archive::Off | Archive::Failed => true,
            Archive::Opening => Scale::for_zoom(zoom) == Scale::Small,
            Archive::Open(coverage) => !coverage.covers(zoom, view),
        }
    }

    /// Whether the bundled country names are drawn: not where an open archive
    /// covers the view (it draws its own place names there).
    pub fn bundled_labels(&self, zoom: f64, view: Bounds) -> bool {
        match self {
            Archive::Open(coverage) => !coverage.covers(zoom, view),
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(min_zoom: f64, max_zoom: f64, bounds: [f64; 4]) -> Header {
        let [min_lon, min_lat, max_lon, max_lat] = bounds;
        Header {
            tile_type: 1.0,
            min_zoom,
            max_zoom,
            min_lon,
            min_lat,
            max_lon,
            max_lat,
        }
    }

    const PLANET: [f64; 4] = [-180.0, -85.051_128_8, 180.0, 85.051_128_8];
    const TORONTO: [f64; 4] = [-79.6, 43.5, -79.1, 43.9];

    fn view(south: f64, west: f64, north: f64, east: f64) -> Bounds {
        Bounds {
            south,
            west,
            north,
            east,
        }
    }

    #[test]
    fn a_header_gives_the_levels_and_area() {
        let c = Coverage::from_header(&header(0.0, 15.0, TORONTO));
        assert_eq!(
            c,
            Ok(Coverage {
                min_zoom: 0,
                max_zoom: 15,
                area: view(43.5, -79.6, 43.9, -79.1),
            })
        );
        // Zeros (a writer that left the bounds out) or NaN: the whole world.
        for bounds in [[0.0; 4], [f64::NAN; 4], [10.0, 0.0, -10.0, 5.0]] {
            assert_eq!(
                Coverage::from_header(&header(0.0, 5.0, bounds)).map(|c| c.area),
                Ok(Bounds::WORLD)
            );
        }
    }

    #[test]
    fn raster_archives_and_impossible_levels_are_refused() {
        let png = Header {
            tile_type: 2.0,
            ..header(0.0, 5.0, PLANET)
        };
        assert_eq!(
            Coverage::from_header(&png),
            Err("the archive holds PNG tiles, not vector tiles (MVT)".to_owned())
        );
        let missing = Header {
            tile_type: f64::NAN,
            ..header(0.0, 5.0, PLANET)
        };
        assert!(Coverage::from_header(&missing).is_err());
        for (min, max) in [
            (5.0, 2.0),
            (0.0, f64::NAN),
            (-1.0, 4.0),
            (0.0, 31.0),
            (0.5, 3.0),
        ] {
            assert!(
                Coverage::from_header(&header(min, max, PLANET)).is_err(),
                "{min}–{max}"
            );
        }
    }

    #[test]
    fn the_layer_overzooms_and_the_map_reaches_street_level() {
        let shallow =
            Coverage::from_header(&header(0.0, 5.0, PLANET)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(shallow.layer_zooms(), (0.0, 8.0));
        // Never less than the maps allow without an archive.
        assert_eq!(shallow.map_max_zoom(), MAX_ZOOM);
        let planet =
            Coverage::from_header(&header(0.0, 15.0, PLANET)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(planet.map_max_zoom(), STREET_ZOOM);
    }

    #[test]
    fn an_archive_covers_views_inside_its_area_and_levels() {
        let planet =
            Coverage::from_header(&header(0.0, 5.0, PLANET)).unwrap_or_else(|e| panic!("{e}"));
        // The world at zoom 1, poles and all (Mercator cuts them anyway).
        assert!(planet.covers(1.0, Bounds::WORLD));
        assert!(planet.covers(8.0, view(43.0, -80.0, 44.0, -79.0)));
        // Past its levels (and their overzoom): the bundled shapes.
        assert!(!planet.covers(9.0, view(43.0, -80.0, 44.0, -79.0)));
        // Leaflet rounds the zoom to its tile level.
        assert!(planet.covers(8.25, view(43.0, -80.0, 44.0, -79.0)));
        assert!(!planet.covers(8.5, view(43.0, -80.0, 44.0, -79.0)));
        assert!(!planet.covers(f64::NAN, Bounds::WORLD));

        let city =
            Coverage::from_header(&header(10.0, 15.0, TORONTO)).unwrap_or_else(|e| panic!("{e}"));
        assert!(city.covers(12.0, view(43.6, -79.5, 43.7, -79.3)));
        // Half outside the extract, or above its first level.
        assert!(!city.covers(12.0, view(43.6, -80.0, 43.7, -79.3)));
        assert!(!city.covers(9.0, view(43.6, -79.5, 43.7, -79.3)));
    }

    #[test]
    fn the_bundled_shapes_fall_back_where_the_archive_cannot_draw() {
        let city =
            Coverage::from_header(&header(10.0, 15.0, TORONTO)).unwrap_or_else(|e| panic!("{e}"));
        let downtown = view(43.6, -79.5, 43.7, -79.3);
        let europe = view(40.0, -5.0, 55.0, 20.0);
        assert!(Archive::Off.bundled_needed(12.0, downtown));
        assert!(Archive::Failed.bundled_needed(12.0, downtown));
        assert!(!Archive::Open(city).bundled_needed(12.0, downtown));
        assert!(Archive::Open(city).bundled_needed(6.0, europe));
        // While the header comes: the world scale only.
        assert!(Archive::Opening.bundled_needed(2.0, Bounds::WORLD));
        assert!(!Archive::Opening.bundled_needed(12.0, downtown));
        // The names: the archive's own where it draws.
        assert!(!Archive::Open(city).bundled_labels(12.0, downtown));
        assert!(Archive::Open(city).bundled_labels(6.0, europe));
        assert!(Archive::Opening.bundled_labels(12.0, downtown));
    }
}
