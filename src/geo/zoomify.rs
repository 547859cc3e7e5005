//! Image maps: a StoryMapJS "gigapixel" story (`map_type: "zoomify"`) draws
//! its slides on a picture cut into Zoomify tiles rather than on the world.
//! Pure tile and coordinate maths, tested natively; the map draws it with
//! Leaflet's `CRS.Simple` (`ui/leaflet/image.rs`).
//!
//! Zoomify: the full image is halved (rounding down) until it fits one tile;
//! level 0 is the smallest. Tiles are numbered level by level, row by row,
//! and stored 256 to a folder: `TileGroup{n}/{level}-{x}-{y}.jpg`.
//!
//! StoryMapJS keeps Leaflet's Web Mercator for image maps, so a slide's
//! (lat, lon) is the point that Mercator puts at the image's pixel at its top
//! level ([`pixel_of`]), and its zoom is a level. Our map's units are full
//! image pixels divided by `2^(top level + 2)`, which keeps every point within
//! the ±90°, ±180° a map position may take ([`map_position`]): map zoom =
//! level + [`ZOOM_OFFSET`].

use crate::geo::cluster::project;

/// Zoomify's tile size.
pub const TILE: u32 = 256;
/// Map zoom minus image level.
pub const ZOOM_OFFSET: f64 = 2.0;

/// An image in Zoomify tiles.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Zoomify {
    pub width: u32,
    pub height: u32,
}

impl Zoomify {
    /// The image's size at each level, smallest first.
    pub fn levels(self) -> Vec<(u32, u32)> {
        let mut size = (self.width.max(1), self.height.max(1));
        let mut sizes = vec![size];
        while size.0 > TILE || size.1 > TILE {
            size = ((size.0 / 2).max(1), (size.1 / 2).max(1));
            sizes.push(size);
        }
        sizes.reverse();
        sizes
    }

    /// The top level (the full image).
    pub fn top(self) -> u32 {
        u32::try_from(self.levels().len().saturating_sub(1)).unwrap_or(0)
    }

    /// Columns and rows of tiles at each level, smallest first.
    fn grids(self) -> Vec<(u32, u32)> {
        self.levels()
            .into_iter()
            .map(|(w, h)| (w.div_ceil(TILE), h.div_ceil(TILE)))
            .collect()
    }

    /// The path of tile (`x`, `y`) at `level` under the image's folder;
    /// `None` outside the image.
    pub fn tile_path(self, level: i64, x: i64, y: i64) -> Option<String> {
        let grids = self.grids();
        let level_index = usize::try_from(level).ok()?;
        let &(columns, rows) = grids.get(level_index)?;
        let (x, y) = (u64::try_from(x).ok()?, u64::try_from(y).ok()?);
        if x >= u64::from(columns) || y >= u64::from(rows) {
            return None;
        }
        let before: u64 = grids
            .iter()
            .take(level_index)
            .map(|&(c, r)| u64::from(c) * u64::from(r))
            .sum();
        let number = before + y * u64::from(columns) + x;
        Some(format!(
            "TileGroup{}/{level}-{x}-{y}.jpg",
            number / u64::from(TILE)
        ))
    }

    /// The address of a tile of Leaflet's zoom `map_zoom` (the image level
    /// plus [`ZOOM_OFFSET`]) under `folder`, which may or may not end with a
    /// slash (the importer writes one; a hand-written dataset may not).
    pub fn tile_url(self, folder: &str, map_zoom: i64, x: i64, y: i64) -> Option<String> {
        let path = self.tile_path(map_zoom.checked_sub(ZOOM_OFFSET as i64)?, x, y)?;
        let slash = if folder.is_empty() || folder.ends_with('/') {
            ""
        } else {
            "/"
        };
        Some(format!("{folder}{slash}{path}"))
    }

    /// The image's corners in map units: (south-west, north-east) as
    /// (lat, lon), for the map's bounds.
    pub fn bounds(self) -> ((f64, f64), (f64, f64)) {
        let scale = map_scale(self.top());
        (
            (-f64::from(self.height) / scale, 0.0),
            (0.0, f64::from(self.width) / scale),
        )
    }

    /// The map zoom showing the whole image in a `width` × `height` box,
    /// as StoryMapJS's best fit does (its default tolerance, 0.9).
    pub fn fit_zoom(self, width: f64, height: f64) -> f64 {
        let levels = self.levels();
        let level = levels
            .iter()
            .rposition(|&(w, h)| f64::from(w) * 0.9 < width && f64::from(h) * 0.9 < height)
            .unwrap_or(0);
        level as f64 + ZOOM_OFFSET
    }
}

/// Full image pixels per map unit.
fn map_scale(top: u32) -> f64 {
    (f64::from(top) + ZOOM_OFFSET).exp2()
}

/// The full-size image pixel (x right, y down) of a StoryMapJS slide's
/// (lat, lon) on an image whose top level is `top`.
pub fn pixel_of(lat: f64, lon: f64, top: u32) -> (f64, f64) {
    project(lat, lon, f64::from(top))
}

/// A slide's (lat, lon) as a map position (lat, lon) on the image map.
pub fn map_position(lat: f64, lon: f64, top: u32) -> (f64, f64) {
    let (x, y) = pixel_of(lat, lon, top);
    let scale = map_scale(top);
    (-y / scale, x / scale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::valid_position;

    /// A painting 5,000 × 3,000 pixels.
    const PAINTING: Zoomify = Zoomify {
        width: 5000,
        height: 3000,
    };

    #[test]
    fn levels_halve_until_one_tile() {
        assert_eq!(
            PAINTING.levels(),
            [
                (156, 93),
                (312, 187),
                (625, 375),
                (1250, 750),
                (2500, 1500),
                (5000, 3000)
            ]
        );
        assert_eq!(PAINTING.top(), 5);
        let small = Zoomify {
            width: 200,
            height: 100,
        };
        assert_eq!(small.levels(), [(200, 100)]);
        assert_eq!(small.top(), 0);
        let empty = Zoomify {
            width: 0,
            height: 0,
        };
        assert_eq!(
            empty.levels(),
            [(1, 1)],
            "no size is one pixel, not a panic"
        );
    }

    #[test]
    fn tiles_are_numbered_level_by_level_in_groups_of_256() {
        // Grids: 1×1, 2×1, 3×2, 5×3, 10×6, 20×12 (1 + 2 + 6 + 15 + 60 = 84
        // tiles before the top level).
        assert_eq!(
            PAINTING.tile_path(0, 0, 0).as_deref(),
            Some("TileGroup0/0-0-0.jpg")
        );
        assert_eq!(
            PAINTING.tile_path(2, 2, 1).as_deref(),
            Some("TileGroup0/2-2-1.jpg")
        );
        // Top level, row 8, column 12: 84 + 8 × 20 + 12 = 256.
        assert_eq!(
            PAINTING.tile_path(5, 12, 8).as_deref(),
            Some("TileGroup1/5-12-8.jpg")
        );
        assert_eq!(
            PAINTING.tile_path(5, 11, 8).as_deref(),
            Some("TileGroup0/5-11-8.jpg")
        );
        for (level, x, y) in [(0, 1, 0), (2, 0, 2), (6, 0, 0), (-1, 0, 0), (1, -1, 0)] {
            assert_eq!(PAINTING.tile_path(level, x, y), None, "{level} {x} {y}");
        }
    }

    #[test]
    fn slide_positions_land_on_the_pixels_storymapjs_puts_them() {
        // StoryMapJS: map.unproject([x, y], top) gives the slide's lat/lng;
        // (0, 0) is the image's top-left corner, lat 85.05, lng -180.
        let (x, y) = pixel_of(85.051_128_78, -180.0, 5);
        assert!(x.abs() < 1e-6 && y.abs() < 1e-6, "({x}, {y})");
        // The centre of the Mercator world at level 5 is pixel (4096, 4096).
        let (x, y) = pixel_of(0.0, 0.0, 5);
        assert!((x - 4096.0).abs() < 1e-9 && (y - 4096.0).abs() < 1e-9);
        // A lng of -180 + 360 × 2500/8192 is the image's middle column.
        let lon = -180.0 + 360.0 * 2500.0 / 8192.0;
        assert!((pixel_of(80.0, lon, 5).0 - 2500.0).abs() < 1e-6);
        // Every point of the image is a valid map position, inside the bounds.
        let ((south, _), (_, east)) = PAINTING.bounds();
        for (lat, lon) in [(85.05, -180.0), (0.0, 0.0), (-85.05, 180.0), (60.0, -100.0)] {
            let (mlat, mlon) = map_position(lat, lon, PAINTING.top());
            assert!(valid_position(mlat, mlon), "{mlat}, {mlon}");
            let (px, py) = pixel_of(lat, lon, PAINTING.top());
            if px <= f64::from(PAINTING.width) && py <= f64::from(PAINTING.height) {
                assert!(mlat >= south && mlon <= east);
            }
        }
        assert_eq!(
            PAINTING.bounds(),
            ((-3000.0 / 128.0, 0.0), (0.0, 5000.0 / 128.0))
        );
    }

    #[test]
    fn the_whole_image_fits_the_map() {
        // A 600 × 400 map: level 2 (625 × 375) is the largest that fits at 0.9.
        assert_eq!(PAINTING.fit_zoom(600.0, 400.0), 2.0 + ZOOM_OFFSET);
        assert_eq!(PAINTING.fit_zoom(10.0, 10.0), ZOOM_OFFSET);
        assert_eq!(PAINTING.fit_zoom(1e9, 1e9), 5.0 + ZOOM_OFFSET);
    }

    #[test]
    fn tile_urls_join_the_folder_with_or_without_its_slash() {
        let image = Zoomify {
            width: 1000,
            height: 600,
        };
        let z = ZOOM_OFFSET as i64;
        let with = image.tile_url("https://h/seurat/", z, 0, 0);
        assert_eq!(
            with.as_deref(),
            Some("https://h/seurat/TileGroup0/0-0-0.jpg")
        );
        assert_eq!(image.tile_url("https://h/seurat", z, 0, 0), with);
        assert_eq!(
            image.tile_url("", z, 0, 0).as_deref(),
            Some("TileGroup0/0-0-0.jpg")
        );
        // Below the image's first level, or from a zoom Leaflet never sends: none.
        assert_eq!(image.tile_url("f/", z - 1, 0, 0), None);
        assert_eq!(image.tile_url("f/", i64::MIN, 0, 0), None);
    }
}
