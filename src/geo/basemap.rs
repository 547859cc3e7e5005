//! The bundled basemap drawn under every Leaflet map (`/map`, its embed, the
//! stories and their embed): Natural Earth's country shapes from npm's
//! `world-atlas`, at the scale the zoom needs. Pure logic, tested natively; the
//! loading is in `map/basemap_layer.rs`, the drawing in `ui/leaflet/basemap.rs`
//! (one canvas path per view, from [`path_data`]).
//!
//! The countries' polygons give both the land (their fill) and the coasts and
//! borders (their outline), so one file per scale is enough (`land-*.json`
//! would be the same area again). The 1:110m file comes with every map; the
//! 1:50m (0.7 MB, 230 KB gzip) and 1:10m (3.6 MB, 0.9 MB gzip) ones are fetched
//! from the deployment only when the reader zooms where they are needed.

use crate::countries::{self, Country};
use crate::geo::cluster::Bounds;
use crate::geo::topojson::Ring;

/// One of world-atlas's three scales.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// 1:110m: the whole world at a glance (8,000 points).
    Small,
    /// 1:50m: a continent or a region (81,000 points).
    Medium,
    /// 1:10m: a country and closer (477,000 points).
    Large,
}

impl Scale {
    pub const ALL: [Scale; 3] = [Scale::Small, Scale::Medium, Scale::Large];

    /// The scale for a zoom level: 1:110m up to zoom 3, 1:50m up to 5,
    /// 1:10m beyond (at zoom 6 a pixel is 2.4 km at the equator, finer than
    /// the 1:50m coast). A zoom that is not a number takes the lightest.
    pub fn for_zoom(zoom: f64) -> Scale {
        if zoom > 5.0 {
            Scale::Large
        } else if zoom > 3.0 {
            Scale::Medium
        } else {
            Scale::Small
        }
    }

    /// The file in dist/ (copied there by index.html from `world-atlas`).
    pub fn file(self) -> &'static str {
        match self {
            Scale::Small => "countries-110m.json",
            Scale::Medium => "countries-50m.json",
            Scale::Large => "countries-10m.json",
        }
    }

    /// The name tests and the container's `data-basemap` use.
    pub fn label(self) -> &'static str {
        match self {
            Scale::Small => "110m",
            Scale::Medium => "50m",
            Scale::Large => "10m",
        }
    }

    /// Whether the whole world is drawn at once. The 1:110m shapes are; the
    /// finer ones are cut to the area around the view, as drawing every
    /// point of the 1:10m file would take seconds on a phone.
    pub fn whole_world(self) -> bool {
        self == Scale::Small
    }
}

/// Land: the neutral fill of `/map` (so both read alike). One light palette in
/// every theme, as on `/map`: the markers' colours keep their contrast.
pub const LAND: &str = "#e9e6df";
/// Coasts and borders.
pub const BORDER: &str = "#7b8a91";
/// The sea (the map container's background; map.css and story.css say the same).
pub const WATER: &str = "#c9dfe6";

/// The narrowest a country's main polygon may be on screen, in pixels, to be
/// labelled (so names fit, and a world view is not a wall of text).
pub const LABEL_MIN_PX: f64 = 56.0;

/// The countries to label in `view` at `zoom`: their label point
/// (`countries`) in view and their main polygon at least [`LABEL_MIN_PX`] wide.
pub fn labels(view: Bounds, zoom: f64) -> Vec<&'static Country> {
    let world_px = 256.0 * zoom.clamp(0.0, 24.0).exp2();
    countries::all()
        .iter()
        .filter(|c| {
            let [west, _, east, _] = c.bbox;
            let degrees = if west <= east {
                east - west
            } else {
                east + 360.0 - west
            };
            degrees / 360.0 * world_px >= LABEL_MIN_PX
                && (view.south..=view.north).contains(&c.lat)
                && (view.west..=view.east).contains(&c.lon)
        })
        .collect()
}

/// Whether the drawn area `drawn` still covers `view` (no redraw needed).
pub fn covers(drawn: Bounds, view: Bounds) -> bool {
    drawn.south <= view.south
        && drawn.north >= view.north
        && drawn.west <= view.west
        && drawn.east >= view.east
}

/// The polygons (each an outer ring then its holes) cut to `area`, for
/// drawing: rings wholly outside are dropped, rings across its edge are cut
/// along it (Sutherland–Hodgman against each side; the cut edges lie on the
/// area's border, which the caller keeps off screen). A polygon whose outer
/// ring is gone goes with its holes.
pub fn clip<'a>(polygons: impl Iterator<Item = &'a [Ring]>, area: Bounds) -> Vec<Vec<Ring>> {
    polygons
        .filter_map(|rings| {
            let mut rings = rings.iter();
            let outer = clip_ring(rings.next()?, area)?;
            let mut kept = vec![outer];
            kept.extend(rings.filter_map(|hole| clip_ring(hole, area)));
            Some(kept)
        })
        .collect()
}

/// One ring cut to `area`; `None` when less than a triangle is left.
pub fn clip_ring(ring: &Ring, area: Bounds) -> Option<Ring> {
    // Quick accept and reject on the ring's extent.
    let (mut south, mut west, mut north, mut east) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(lat, lon) in ring {
        south = south.min(lat);
        north = north.max(lat);
        west = west.min(lon);
        east = east.max(lon);
    }
    if ring.len() < 3
        || north < area.south
        || south > area.north
        || east < area.west
        || west > area.east
    {
        return None;
    }
    let inside =
        area.south <= south && north <= area.north && area.west <= west && east <= area.east;
    if inside {
        return Some(ring.clone());
    }
    // (lat, lon) components: 0 is latitude, 1 longitude.
    let sides: [(usize, f64, bool); 4] = [
        (0, area.south, true),
        (0, area.north, false),
        (1, area.west, true),
        (1, area.east, false),
    ];
    let mut points: Vec<(f64, f64)> = ring.clone();
    for (axis, limit, keep_above) in sides {
        let get = |p: (f64, f64)| if axis == 0 { p.0 } else { p.1 };
        let is_in = |p: (f64, f64)| {
            if keep_above {
                get(p) >= limit
            } else {
                get(p) <= limit
            }
        };
        let &last = points.last()?;
        let mut out = Vec::with_capacity(points.len());
        let mut previous = last;
        for &point in &points {
            let (now_in, was_in) = (is_in(point), is_in(previous));
            if now_in != was_in {
                // Where the edge crosses the limit (the two differ along `axis`).
                let t = (limit - get(previous)) / (get(point) - get(previous));
                out.push((
                    previous.0 + t * (point.0 - previous.0),
                    previous.1 + t * (point.1 - previous.1),
                ));
            }
            if now_in {
                out.push(point);
            }
            previous = point;
        }
        points = out;
    }
    (points.len() >= 3).then_some(points)
}

/// The tolerance for [`simplify`] at `zoom`: half a pixel, in degrees of
/// Web Mercator (so a step is drawn only where the reader could see it).
pub fn tolerance_at(zoom: f64) -> f64 {
    0.5 * 360.0 / (256.0 * zoom.clamp(0.0, 24.0).exp2())
}

/// Web Mercator's y of a latitude, in degrees: the unit of x (longitude), so a
/// distance means the same number of pixels north-south as east-west.
fn mercator_y(lat: f64) -> f64 {
    let lat = lat.clamp(-85.051_13, 85.051_13).to_radians();
    (std::f64::consts::FRAC_PI_4 + lat / 2.0)
        .tan()
        .ln()
        .to_degrees()
}

/// The polygons with the points that move their outline by less than
/// `tolerance` (on the Mercator plane, see [`tolerance_at`]) dropped
/// (Douglas–Peucker). The 1:50m and 1:10m files hold far more points than a
/// pixel shows: each one costs a step of the path to write, parse and draw
/// after a zoom. A ring that would
/// fall below a triangle stays as it was (a small island keeps its shape).
pub fn simplify(polygons: Vec<Vec<Ring>>, tolerance: f64) -> Vec<Vec<Ring>> {
    polygons
        .into_iter()
        .map(|rings| {
            rings
                .into_iter()
                .map(|ring| {
                    let kept = simplify_ring(&ring, tolerance);
                    if kept.len() >= 4 { kept } else { ring }
                })
                .collect()
        })
        .collect()
}

/// One ring simplified (its first and last points kept). Iterative, so a
/// ring of any length needs no deep recursion.
fn simplify_ring(ring: &Ring, tolerance: f64) -> Ring {
    let plane: Vec<(f64, f64)> = ring
        .iter()
        .map(|&(lat, lon)| (lon, mercator_y(lat)))
        .collect();
    ring.iter()
        .zip(douglas_peucker(&plane, tolerance))
        .filter_map(|(&point, kept)| kept.then_some(point))
        .collect()
}

/// Which points of the line `plane` (x, y) to keep so it moves by less than
/// `tolerance` (Douglas–Peucker): the ends always; every point when the
/// line is too short or the tolerance is not a positive number.
pub fn douglas_peucker(plane: &[(f64, f64)], tolerance: f64) -> Vec<bool> {
    let n = plane.len();
    if n < 3 || tolerance.is_nan() || tolerance <= 0.0 {
        return vec![true; n];
    }
    let mut keep = vec![false; n];
    keep[0] = true;
    keep[n - 1] = true;
    let squared = tolerance * tolerance;
    let mut spans = vec![(0usize, n - 1)];
    while let Some((first, last)) = spans.pop() {
        let (a, b) = (plane[first], plane[last]);
        let mut farthest = (0.0, first);
        for (i, &p) in plane.iter().enumerate().take(last).skip(first + 1) {
            let d = squared_distance_to_segment(p, a, b);
            if d > farthest.0 {
                farthest = (d, i);
            }
        }
        if farthest.0 > squared {
            keep[farthest.1] = true;
            spans.push((first, farthest.1));
            spans.push((farthest.1, last));
        }
    }
    keep
}

/// The squared distance from `p` to the segment `a`–`b` (to `a` when the
/// segment is a point, as for a closed ring's ends).
fn squared_distance_to_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length = dx * dx + dy * dy;
    let t = if length > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (x, y) = (a.0 + t * dx - p.0, a.1 + t * dy - p.1);
    x * x + y * y
}

/// The polygons as JSON text, `[[[[lat, lon], …], …], …]` (each polygon a
/// list of rings), for Leaflet's polygons (`/map`'s country shapes): the browser's `JSON.parse` builds the nested
/// arrays natively, where making them through wasm-bindgen took six calls
/// across the boundary per point (the 1:50m file at zoom 4: 20,000 points
/// and 25 ms in one frame). Six decimals: 0.11 m, finer than any zoom shows.
/// A coordinate that is not a number is written as 0 (JSON has no NaN).
pub fn polygons_json(polygons: &[Vec<Ring>]) -> String {
    use std::fmt::Write;
    let points: usize = polygons.iter().flatten().map(Vec::len).sum();
    let mut out = String::with_capacity(points * 24 + 16);
    fn number(out: &mut String, x: f64) {
        // Integers, not float formatting: exact to the sixth decimal, and
        // much quicker in the wasm. Float-to-int casts saturate.
        let micro = if x.is_finite() {
            (x * 1e6).round() as i64
        } else {
            0
        };
        let sign = if micro < 0 { "-" } else { "" };
        let micro = micro.unsigned_abs();
        let _ = write!(out, "{sign}{}.{:06}", micro / 1_000_000, micro % 1_000_000);
    }
    out.push('[');
    for (p, rings) in polygons.iter().enumerate() {
        out.push_str(if p == 0 { "[" } else { ",[" });
        for (r, ring) in rings.iter().enumerate() {
            out.push_str(if r == 0 { "[" } else { ",[" });
            for (i, &(lat, lon)) in ring.iter().enumerate() {
                out.push_str(if i == 0 { "[" } else { ",[" });
                number(&mut out, lat);
                out.push(',');
                number(&mut out, lon);
                out.push(']');
            }
            out.push(']');
        }
        out.push(']');
    }
    out.push(']');
    out
}

/// Where a basemap path is measured from: its (0, 0) is the point `x`, `y`
/// of the unit Web Mercator square (Leaflet's EPSG:3857 before the zoom's
/// scale: 0 to 1 from the antimeridian eastwards and from the north edge
/// southwards), and its unit is a pixel at `zoom`. Small numbers near the
/// origin keep a browser's single-precision path exact to a tenth of a pixel
/// at any zoom the path is drawn at.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PathFrame {
    pub x: f64,
    pub y: f64,
    pub zoom: f64,
}

/// A position on the unit Web Mercator square (see [`PathFrame`]), latitude
/// clamped where Leaflet clamps it.
pub fn unit_mercator(lat: f64, lon: f64) -> (f64, f64) {
    (lon / 360.0 + 0.5, 0.5 - mercator_y(lat) / 360.0)
}

/// The polygons as SVG path data (`M x y L x y … Z` per ring) in pixels at
/// `zoom`, from the north-west corner of their points, for a canvas
/// `Path2D`: the browser parses it once, and each later drawing only
/// transforms it (no point is projected again when the map zooms or pans).
/// A tenth of a pixel, as integers: quicker than float formatting in the
/// wasm. Coordinates that are not numbers are left out; a ring of fewer
/// than two points draws nothing.
pub fn path_data(polygons: &[Vec<Ring>], zoom: f64) -> (String, PathFrame) {
    use std::fmt::Write;
    let zoom = zoom.clamp(0.0, 24.0);
    let scale = 256.0 * zoom.exp2();
    // Each ring on the unit square, projected once.
    let rings: Vec<Vec<(f64, f64)>> = polygons
        .iter()
        .flatten()
        .map(|ring| {
            ring.iter()
                .filter(|(lat, lon)| lat.is_finite() && lon.is_finite())
                .map(|&(lat, lon)| unit_mercator(lat, lon))
                .collect::<Vec<_>>()
        })
        .filter(|ring| ring.len() >= 2)
        .collect();
    let (mut x0, mut y0) = (f64::INFINITY, f64::INFINITY);
    for &(x, y) in rings.iter().flatten() {
        x0 = x0.min(x);
        y0 = y0.min(y);
    }
    if !x0.is_finite() || !y0.is_finite() {
        (x0, y0) = (0.0, 0.0);
    }
    let points: usize = rings.iter().map(Vec::len).sum();
    let mut out = String::with_capacity(points * 14);
    fn tenths(out: &mut String, v: f64) {
        // Float-to-int casts saturate; a path is never that far out.
        let t = (v * 10.0).round() as i64;
        let sign = if t < 0 { "-" } else { "" };
        let t = t.unsigned_abs();
        let _ = write!(out, "{sign}{}.{}", t / 10, t % 10);
    }
    for ring in &rings {
        for (i, &(x, y)) in ring.iter().enumerate() {
            out.push(if i == 0 { 'M' } else { 'L' });
            tenths(&mut out, (x - x0) * scale);
            out.push(' ');
            tenths(&mut out, (y - y0) * scale);
        }
        out.push('Z');
    }
    (out, PathFrame { x: x0, y: y0, zoom })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::topojson;

    #[test]
    fn scale_follows_the_zoom() {
        let at = |zoom| Scale::for_zoom(zoom);
        assert_eq!(at(1.0), Scale::Small);
        assert_eq!(at(3.0), Scale::Small, "110m up to zoom 3");
        assert_eq!(at(3.25), Scale::Medium);
        assert_eq!(at(5.0), Scale::Medium, "50m up to zoom 5");
        assert_eq!(at(5.25), Scale::Large);
        assert_eq!(at(10.0), Scale::Large);
        assert_eq!(at(crate::geo::MAX_ZOOM), Scale::Large);
        assert_eq!(at(f64::NAN), Scale::Small, "not a number: the lightest");
        assert_eq!(at(f64::INFINITY), Scale::Large);
        assert_eq!(at(f64::NEG_INFINITY), Scale::Small);
        // Each zoom step up never goes back to a coarser scale.
        let steps: Vec<Scale> = (0..=48).map(|q| at(f64::from(q) * 0.25)).collect();
        let rank = |s: &Scale| Scale::ALL.iter().position(|a| a == s);
        assert!(steps.windows(2).all(|w| rank(&w[0]) <= rank(&w[1])));
        assert!(Scale::Small.whole_world() && !Scale::Large.whole_world());
        assert_eq!(Scale::Large.label(), "10m");
    }

    #[test]
    fn every_scale_file_is_in_the_npm_package_and_copied_into_dist() {
        let root = env!("CARGO_MANIFEST_DIR");
        let index = std::fs::read_to_string(format!("{root}/index.html")).unwrap_or_default();
        for scale in Scale::ALL {
            let file = scale.file();
            assert!(
                index.contains(&format!(
                    "rel=\"copy-file\" href=\"node_modules/world-atlas/{file}\""
                )),
                "index.html copies {file} into dist/"
            );
            let text = std::fs::read_to_string(format!("{root}/node_modules/world-atlas/{file}"))
                .unwrap_or_default();
            let shapes = topojson::decode(&text, "countries").unwrap_or_default();
            // 177 countries at 1:110m, 241 at 1:50m, 255 at 1:10m.
            assert!(shapes.len() >= 170, "{file}: {} shapes", shapes.len());
            let points: usize = shapes
                .iter()
                .flat_map(|s| s.polygons.iter().flatten())
                .map(Vec::len)
                .sum();
            println!("{file}: {} shapes, {points} ring points", shapes.len());
        }
    }

    fn area(south: f64, west: f64, north: f64, east: f64) -> Bounds {
        Bounds {
            south,
            west,
            north,
            east,
        }
    }

    fn square(s: f64, w: f64, n: f64, e: f64) -> Ring {
        vec![(s, w), (s, e), (n, e), (n, w), (s, w)]
    }

    #[test]
    fn clipping_keeps_inside_drops_outside_and_cuts_across() {
        let view = area(0.0, 0.0, 10.0, 10.0);
        let inside = vec![square(2.0, 2.0, 4.0, 4.0)];
        let outside = vec![square(20.0, 20.0, 30.0, 30.0)];
        let across = vec![square(5.0, 5.0, 15.0, 15.0), square(6.0, 12.0, 8.0, 14.0)];
        let polygons = [inside.clone(), outside, across];
        let clipped = clip(polygons.iter().map(Vec::as_slice), view);
        assert_eq!(clipped.len(), 2, "the polygon outside is dropped");
        assert_eq!(clipped[0], inside, "a polygon inside is kept as is");
        assert_eq!(clipped[1].len(), 1, "the hole outside the view is dropped");
        let cut = &clipped[1][0];
        assert!(
            cut.iter()
                .all(|&(lat, lon)| (5.0..=10.0).contains(&lat) && (5.0..=10.0).contains(&lon)),
            "{cut:?}"
        );
        // The cut square is the square (5, 5)-(10, 10): its corners are there.
        for corner in [(5.0, 5.0), (5.0, 10.0), (10.0, 10.0), (10.0, 5.0)] {
            assert!(cut.contains(&corner), "{corner:?} in {cut:?}");
        }
        // A shape around the view keeps the view's corners; a degenerate ring goes.
        let around = [vec![square(-50.0, -50.0, 50.0, 50.0)]];
        let cut = clip(around.iter().map(Vec::as_slice), view);
        assert_eq!(cut.len(), 1);
        assert!(cut[0][0].len() >= 4);
        let line = [vec![vec![(1.0, 1.0), (2.0, 2.0)]]];
        assert!(clip(line.iter().map(Vec::as_slice), view).is_empty());
        assert!(clip([&[][..]].into_iter(), view).is_empty());
    }

    #[test]
    fn clipping_the_real_shapes_keeps_only_the_view() {
        let root = env!("CARGO_MANIFEST_DIR");
        let text = std::fs::read_to_string(format!(
            "{root}/node_modules/world-atlas/countries-50m.json"
        ))
        .unwrap_or_default();
        let shapes = topojson::decode(&text, "countries").unwrap_or_default();
        let all: usize = shapes
            .iter()
            .flat_map(|s| s.polygons.iter().flatten())
            .map(Vec::len)
            .sum();
        // Western Europe around Paris.
        let view = area(40.0, -10.0, 55.0, 15.0);
        let cut = clip(
            shapes
                .iter()
                .flat_map(|s| s.polygons.iter().map(Vec::as_slice)),
            view,
        );
        let kept: usize = cut.iter().flatten().map(Vec::len).sum();
        assert!(cut.len() >= 8, "France, Spain, Germany… ({})", cut.len());
        assert!(kept * 10 < all, "{kept} of {all} points");
        assert!(cut.iter().flatten().flatten().all(|&(lat, lon)| {
            (view.south - 1e-9..=view.north + 1e-9).contains(&lat)
                && (view.west - 1e-9..=view.east + 1e-9).contains(&lon)
        }));
    }

    #[test]
    fn simplifying_drops_what_a_pixel_hides_and_keeps_what_shows() {
        // A square with a point halfway along three sides, and a dent in
        // the fourth.
        let ring = vec![
            (0.0, 0.0),
            (0.0, 5.0),
            (0.0, 10.0),
            (5.0, 10.0),
            (10.0, 10.0),
            (10.0, 5.0),
            (10.0, 0.0),
            (5.0, 0.001),
            (5.0, 2.0),
            (4.0, 0.0),
            (0.0, 0.0),
        ];
        let simplified = simplify(vec![vec![ring.clone()]], 0.01);
        let kept = &simplified[0][0];
        for point in [
            (0.0, 0.0),
            (0.0, 10.0),
            (10.0, 10.0),
            (10.0, 0.0),
            (5.0, 2.0),
        ] {
            assert!(kept.contains(&point), "{point:?} in {kept:?}");
        }
        for point in [(0.0, 5.0), (5.0, 10.0), (10.0, 5.0)] {
            assert!(!kept.contains(&point), "{point:?} dropped from {kept:?}");
        }
        assert_eq!(kept.first(), kept.last(), "the ring stays closed");
        // North-south distances count as Mercator draws them: at 60°N a
        // degree of latitude spans twice the pixels of one at the equator.
        // The same bump of 0.3° north: under the tolerance at the equator,
        // over it at 60°N.
        let bumped = |lat: f64| {
            vec![
                (lat, 0.0),
                (lat, 5.0),
                (lat + 0.3, 10.0),
                (lat, 15.0),
                (lat, 20.0),
                (lat - 5.0, 10.0),
                (lat, 0.0),
            ]
        };
        let kept = |lat: f64| simplify(vec![vec![bumped(lat)]], 0.45)[0][0].clone();
        assert!(!kept(0.0).contains(&(0.3, 10.0)), "{:?}", kept(0.0));
        assert!(kept(60.0).contains(&(60.3, 10.0)), "{:?}", kept(60.0));
        // A ring too small to matter keeps its shape rather than vanish, and
        // a tolerance that is not a number changes nothing.
        let island = square(1.0, 1.0, 1.001, 1.001);
        assert_eq!(simplify(vec![vec![island.clone()]], 1.0)[0][0], island);
        assert_eq!(simplify(vec![vec![ring.clone()]], f64::NAN)[0][0], ring);
        assert!(tolerance_at(4.0) > tolerance_at(5.0));
        assert!((tolerance_at(0.0) - 360.0 / 512.0).abs() < 1e-12);
    }

    #[test]
    fn simplifying_the_real_shapes_keeps_their_outline() {
        let root = env!("CARGO_MANIFEST_DIR");
        let text = std::fs::read_to_string(format!(
            "{root}/node_modules/world-atlas/countries-50m.json"
        ))
        .unwrap_or_default();
        let shapes = topojson::decode(&text, "countries").unwrap_or_default();
        let polygons: Vec<Vec<Ring>> = shapes.iter().flat_map(|s| s.polygons.clone()).collect();
        let count = |p: &[Vec<Ring>]| p.iter().flatten().map(Vec::len).sum::<usize>();
        let all = count(&polygons);
        let tolerance = tolerance_at(4.0);
        let simplified = simplify(polygons.clone(), tolerance);
        let kept = count(&simplified);
        assert!(all > 50_000, "{all} points in the 1:50m file");
        assert!(kept * 2 < all, "zoom 4 shows {kept} of {all} points");
        // Every ring keeps its extent to within the tolerance (the
        // outline's extreme points are the last a simplification drops).
        for (before, after) in polygons.iter().flatten().zip(simplified.iter().flatten()) {
            let extent = |r: &Ring| {
                r.iter().fold((f64::MAX, f64::MIN), |(w, e), &(_, lon)| {
                    (w.min(lon), e.max(lon))
                })
            };
            let (b, a) = (extent(before), extent(after));
            assert!((b.0 - a.0).abs() <= tolerance && (b.1 - a.1).abs() <= tolerance);
        }
    }

    #[test]
    fn polygons_as_json_read_back_as_drawn() {
        let polygons = vec![
            vec![
                vec![(1.5, -2.25), (-0.000_000_4, 179.999_999_6), (1.5, -2.25)],
                vec![(f64::NAN, 3.0)],
            ],
            vec![],
            vec![vec![(-85.051_128_7, -180.0)]],
        ];
        let text = polygons_json(&polygons);
        let back: Vec<Vec<Vec<[f64; 2]>>> = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(back.len(), 3, "{text}");
        for (drawn, read) in polygons.iter().zip(&back) {
            assert_eq!(drawn.len(), read.len());
            for (ring, read) in drawn.iter().zip(read) {
                assert_eq!(ring.len(), read.len());
                for (&(lat, lon), &[rlat, rlon]) in ring.iter().zip(read) {
                    let near =
                        |a: f64, b: f64| (if a.is_finite() { a } else { 0.0 } - b).abs() <= 5e-7;
                    assert!(
                        near(lat, rlat) && near(lon, rlon),
                        "{lat},{lon} read as {rlat},{rlon}"
                    );
                }
            }
        }
        assert!(text.contains("[0.000000,180.000000]"), "{text}");
        assert_eq!(polygons_json(&[]), "[]");
    }

    #[test]
    fn big_countries_are_named_first_and_small_ones_closer_in() {
        let codes =
            |view, zoom| -> Vec<&str> { labels(view, zoom).iter().map(|c| c.code).collect() };
        let world = codes(Bounds::WORLD, 2.0);
        for big in ["RU", "CA", "BR", "AU", "CN"] {
            assert!(world.contains(&big), "{big} at zoom 2: {world:?}");
        }
        assert!(
            !world.contains(&"LU") && !world.contains(&"BE"),
            "{world:?}"
        );
        assert!(world.len() < 60, "{} labels at zoom 2", world.len());
        // Western Europe at zoom 7: Luxembourg and Belgium, not Russia (out of view).
        let europe = codes(area(44.0, -2.0, 53.0, 12.0), 7.0);
        for near in ["LU", "BE", "FR", "DE"] {
            assert!(europe.contains(&near), "{near}: {europe:?}");
        }
        assert!(!europe.contains(&"RU"));
        // Across the antimeridian: Russia's box runs west > east.
        assert!(codes(area(50.0, 30.0, 70.0, 120.0), 3.0).contains(&"RU"));
        assert!(
            codes(Bounds::WORLD, f64::NAN).is_empty(),
            "no zoom, no labels"
        );
    }

    #[test]
    fn coverage() {
        let drawn = area(0.0, 0.0, 10.0, 10.0);
        assert!(covers(drawn, area(1.0, 1.0, 9.0, 9.0)));
        assert!(covers(drawn, drawn));
        assert!(!covers(drawn, area(1.0, 1.0, 9.0, 11.0)));
        assert!(!covers(drawn, area(-1.0, 1.0, 9.0, 9.0)));
    }

    #[test]
    fn unit_mercator_matches_leaflet_corners_and_centre() {
        assert_eq!(unit_mercator(0.0, 0.0), (0.5, 0.5));
        let (x, y) = unit_mercator(85.051_13, -180.0);
        assert!(x.abs() < 1e-12 && y.abs() < 1e-6, "{x} {y}");
        let (x, y) = unit_mercator(-90.0, 180.0);
        assert!(
            (x - 1.0).abs() < 1e-12 && (y - 1.0).abs() < 1e-6,
            "clamped like Leaflet: {x} {y}"
        );
    }

    #[test]
    fn path_data_is_pixels_at_the_zoom_from_the_north_west_corner() {
        // A square from (0, 0) to (10 N, 10 E), and a ring of one point.
        let square: Ring = vec![
            (0.0, 0.0),
            (10.0, 0.0),
            (10.0, 10.0),
            (0.0, 10.0),
            (0.0, 0.0),
        ];
        let polygons = vec![vec![square, vec![(5.0, 5.0)]]];
        let (path, frame) = path_data(&polygons, 2.0);
        let (x0, y0) = unit_mercator(10.0, 0.0);
        assert_eq!(
            frame,
            PathFrame {
                x: x0,
                y: y0,
                zoom: 2.0
            }
        );
        // At zoom 2 the world is 1,024 pixels: 10 degrees of longitude are
        // 28.4 pixels, and 10 degrees of latitude from the equator 28.6.
        let (_, y_equator) = unit_mercator(0.0, 0.0);
        let south = ((y_equator - y0) * 1024.0 * 10.0).round() / 10.0;
        assert_eq!(south, 28.6);
        assert_eq!(path, "M0.0 28.6L0.0 0.0L28.4 0.0L28.4 28.6L0.0 28.6Z");
    }

    #[test]
    fn path_data_leaves_out_what_is_not_a_number() {
        let polygons = vec![vec![vec![
            (f64::NAN, 0.0),
            (0.0, 0.0),
            (1.0, f64::INFINITY),
            (1.0, 1.0),
        ]]];
        let (path, _) = path_data(&polygons, 0.0);
        assert_eq!(
            path.matches('M').count() + path.matches('L').count(),
            2,
            "{path}"
        );
        assert!(!path.contains("NaN") && !path.contains("inf"));
        assert_eq!(
            path_data(&[], 3.0),
            (
                String::new(),
                PathFrame {
                    x: 0.0,
                    y: 0.0,
                    zoom: 3.0
                }
            )
        );
    }
}
