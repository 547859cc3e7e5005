//! Grid clustering of points per zoom level, in Web Mercator pixels (the
//! projection Leaflet draws with). Pure Rust: the map redraws the clusters of the
//! visible area on every `zoomend`/`moveend`.
//!
//! The grid is anchored at the world's pixel origin, not at the view, so panning
//! never reshuffles clusters; a cluster's position is the mean of its points, so
//! it sits where its points are.

use std::collections::HashMap;

/// Size of one grid cell, in screen pixels.
pub const CELL_PX: f64 = 64.0;

/// Web Mercator's latitude limit.
const MAX_LAT: f64 = 85.051_128_78;

/// A group of nearby points drawn as one marker.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    pub lat: f64,
    pub lon: f64,
    /// How many points it holds (at least 1).
    pub count: usize,
    /// Index (into the input) of its first point: the point itself when `count == 1`.
    pub first: usize,
}

/// The visible area, in degrees. `west > east` never happens here: a view wider
/// than the world is given as west = -180, east = 180.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub south: f64,
    pub west: f64,
    pub north: f64,
    pub east: f64,
}

impl Bounds {
    pub const WORLD: Bounds = Bounds {
        south: -90.0,
        west: -180.0,
        north: 90.0,
        east: 180.0,
    };

    /// Leaflet's bounds (longitudes may run past ±180 when the world repeats),
    /// grown by `pad` of their size on each side.
    pub fn padded(south: f64, west: f64, north: f64, east: f64, pad: f64) -> Bounds {
        let (dy, dx) = ((north - south) * pad, (east - west) * pad);
        let (west, east) = (west - dx, east + dx);
        let (west, east) = if east - west >= 360.0 || west < -180.0 || east > 180.0 {
            (-180.0, 180.0)
        } else {
            (west, east)
        };
        Bounds {
            south: (south - dy).max(-90.0),
            west,
            north: (north + dy).min(90.0),
            east,
        }
    }

    fn contains(&self, lat: f64, lon: f64) -> bool {
        lat >= self.south && lat <= self.north && lon >= self.west && lon <= self.east
    }
}

/// Web Mercator pixel coordinates of (lat, lon) at `zoom` (256-px tiles).
pub fn project(lat: f64, lon: f64, zoom: f64) -> (f64, f64) {
    let size = 256.0 * zoom.exp2();
    let lat = lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
    let x = (lon + 180.0) / 360.0 * size;
    let y = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / std::f64::consts::PI) / 2.0 * size;
    (x, y)
}

/// Groups the `points` ((lat, lon) pairs) that lie inside `bounds` into clusters
/// of [`CELL_PX`] cells at `zoom`. Points with non-finite coordinates are left out.
/// Clusters come out in the order of their first point.
pub fn cluster(points: &[(f64, f64)], zoom: f64, bounds: Bounds) -> Vec<Cluster> {
    let zoom = if zoom.is_finite() {
        zoom.clamp(0.0, 24.0)
    } else {
        0.0
    };
    let mut cells: HashMap<(i64, i64), usize> = HashMap::new();
    // Per cluster: sums of lat and lon, count, first index.
    let mut acc: Vec<(f64, f64, usize, usize)> = Vec::new();
    for (index, &(lat, lon)) in points.iter().enumerate() {
        if !lat.is_finite() || !lon.is_finite() || !bounds.contains(lat, lon) {
            continue;
        }
        let (x, y) = project(lat, lon, zoom);
        // Float-to-int casts saturate: no overflow on any input.
        let key = ((x / CELL_PX).floor() as i64, (y / CELL_PX).floor() as i64);
        let slot = *cells.entry(key).or_insert_with(|| {
            acc.push((0.0, 0.0, 0, index));
            acc.len() - 1
        });
        if let Some(entry) = acc.get_mut(slot) {
            entry.0 += lat;
            entry.1 += lon;
            entry.2 += 1;
        }
    }
    acc.into_iter()
        .map(|(lat, lon, count, first)| Cluster {
            lat: lat / count as f64,
            lon: lon / count as f64,
            count,
            first,
        })
        .collect()
}

/// The marker radius in pixels for a cluster of `count` points: grows with the
/// logarithm so that 10,000 points stay readable.
pub fn radius(count: usize) -> f64 {
    if count <= 1 {
        6.0
    } else {
        (9.0 + 4.0 * (count as f64).log10()).min(26.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projection_matches_leaflet() {
        // Leaflet: map.project([0, 0], 0) = (128, 128); [85.0511, 180] at 1 = (512, 0).
        let (x, y) = project(0.0, 0.0, 0.0);
        assert!((x - 128.0).abs() < 1e-9 && (y - 128.0).abs() < 1e-9);
        let (x, y) = project(MAX_LAT, 180.0, 1.0);
        assert!((x - 512.0).abs() < 1e-6 && y.abs() < 1e-6, "({x}, {y})");
        let (_, y) = project(90.0, 0.0, 0.0);
        assert!(y.is_finite(), "the poles are clamped");
    }

    #[test]
    fn near_points_merge_far_points_do_not() {
        let points = [
            (48.85, 2.35),
            (48.86, 2.36),
            (-33.9, 151.2),
            (f64::NAN, 0.0),
        ];
        let at_2 = cluster(&points, 2.0, Bounds::WORLD);
        assert_eq!(at_2.len(), 2);
        assert_eq!((at_2[0].count, at_2[0].first), (2, 0));
        assert!((at_2[0].lat - 48.855).abs() < 1e-9 && (at_2[0].lon - 2.355).abs() < 1e-9);
        assert_eq!((at_2[1].count, at_2[1].first), (1, 2));
        // Zoomed far in, the two Paris points are more than a cell apart.
        let at_18 = cluster(&points, 18.0, Bounds::WORLD);
        assert_eq!(at_18.len(), 3);
        assert!(at_18.iter().all(|c| c.count == 1));
    }

    #[test]
    fn every_point_is_in_exactly_one_cluster_at_every_zoom() {
        // A deterministic spread of 10,000 points (a simple LCG).
        let mut seed: u64 = 42;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let points: Vec<(f64, f64)> = (0..10_000)
            .map(|_| (next() * 140.0 - 60.0, next() * 360.0 - 180.0))
            .collect();
        let mut previous = 0;
        for zoom in 0..=12 {
            let clusters = cluster(&points, f64::from(zoom), Bounds::WORLD);
            assert_eq!(
                clusters.iter().map(|c| c.count).sum::<usize>(),
                points.len()
            );
            assert!(clusters.len() >= previous, "zooming in never merges");
            previous = clusters.len();
        }
        let world = cluster(&points, 0.0, Bounds::WORLD);
        assert!(
            world.len() <= 16,
            "at zoom 0 a 256-px world has at most 4×4 cells"
        );
    }

    #[test]
    fn only_points_in_the_bounds_are_clustered() {
        let points = [(10.0, 10.0), (50.0, 50.0), (10.5, 10.5)];
        let bounds = Bounds::padded(0.0, 0.0, 20.0, 20.0, 0.0);
        let clusters = cluster(&points, 10.0, bounds);
        assert_eq!(clusters.iter().map(|c| c.count).sum::<usize>(), 2);
        // A view wider than the world, or past the antimeridian, takes every longitude.
        let wide = Bounds::padded(-10.0, -300.0, 10.0, 300.0, 0.0);
        assert_eq!((wide.west, wide.east), (-180.0, 180.0));
        let padded = Bounds::padded(0.0, 0.0, 10.0, 10.0, 0.5);
        assert_eq!(
            (padded.south, padded.west, padded.north, padded.east),
            (-5.0, -5.0, 15.0, 15.0)
        );
    }

    #[test]
    fn odd_zooms_do_not_panic() {
        let points = [(0.0, 0.0), (1.0, 1.0)];
        for zoom in [f64::NAN, f64::INFINITY, -5.0, 1e9] {
            let clusters = cluster(&points, zoom, Bounds::WORLD);
            assert_eq!(clusters.iter().map(|c| c.count).sum::<usize>(), 2);
        }
    }

    #[test]
    fn radius_grows_slowly_and_is_capped() {
        assert_eq!(radius(1), 6.0);
        assert!(radius(2) > radius(1) && radius(100) > radius(10));
        assert!(radius(10_000) <= 26.0 && radius(usize::MAX) <= 26.0);
    }
}
