//! The map page's overview, as `mapline publish` writes it into `/map`'s
//! HTML: the world in Web Mercator (Leaflet's projection), each country
//! filled as the live map fills it for the whole network
//! ([`Selection::colours_of`]), and the member countries too small for the
//! 1:110m shapes as circles, as the live map draws them. Plain SVG: the page
//! is whole before the app, which replaces it with the live map at the
//! reader's first input (a phone on slow 4G sees the map at once, not after
//! half a megabyte of code).
//!
//! Paths are written by `map::path` (an integer grid, relative steps): the
//! whole world is about 60 KB of HTML, 16 KB compressed.

use super::{NEUTRAL, OUTLINE, Selection};
use crate::geo::basemap::clip_ring;
use crate::geo::cluster::Bounds;
use crate::geo::topojson::{Ring, Shape};

/// Width of the SVG view box; the height follows from [`NORTH`] and [`SOUTH`].
pub const WIDTH: f64 = 1000.0;
/// The latitudes shown: Greenland's north to Tierra del Fuego's south
/// (Antarctica, which has no members, is left out, as Leaflet's world view
/// mostly does).
const NORTH: f64 = 84.0;
const SOUTH: f64 = -58.0;
/// Radius of a small member country's circle, in view-box units.
pub const DOT_RADIUS: f64 = 5.0;

/// One group of countries drawn alike.
#[derive(Clone, Debug, PartialEq)]
pub struct OverviewGroup {
    pub fill: &'static str,
    pub outline: &'static str,
    /// SVG path data: every country of the group, one after the other.
    pub path: String,
    /// The ISO alpha-2 codes drawn in this group (those the table knows).
    pub countries: Vec<&'static str>,
}

/// A member country with no shape of its own at this scale.
#[derive(Clone, Debug, PartialEq)]
pub struct OverviewDot {
    pub code: String,
    pub x: f64,
    pub y: f64,
    pub fill: &'static str,
    pub outline: &'static str,
}

/// The overview ready to draw: the countries without members first, then
/// each colour class (so shaded outlines are drawn over neutral ones).
#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    pub height: f64,
    pub groups: Vec<OverviewGroup>,
    pub dots: Vec<OverviewDot>,
}

fn mercator(lat: f64) -> f64 {
    let lat = lat.clamp(-85.0, 85.0).to_radians();
    (std::f64::consts::FRAC_PI_4 + lat / 2.0).tan().ln()
}

/// (x, y) in view-box units; longitudes past ±180 (rings made continuous
/// across the antimeridian) fall outside the box and are moved by a turn.
fn project(lat: f64, lon: f64) -> (f64, f64) {
    let x = (lon + 180.0) / 360.0 * WIDTH;
    let y = (mercator(NORTH) - mercator(lat)) * WIDTH / std::f64::consts::TAU;
    (x, y)
}

/// The view box's height.
pub fn height() -> f64 {
    project(SOUTH, 0.0).1.round()
}

/// Appends `ring` shifted by `turns` whole turns to `out`; false when it
/// rounds to fewer than three points (too small to see at this scale).
fn write_ring(ring: &Ring, turns: f64, out: &mut String) -> bool {
    // Cut to the picture, two units beyond its sides (the basemap's own
    // cut, in degrees): Antarctica, below it, is not written at all.
    let margin = 2.0 * 360.0 / WIDTH;
    let picture = Bounds {
        south: SOUTH - 0.5,
        west: -180.0 - margin,
        north: NORTH + 0.5,
        east: 180.0 + margin,
    };
    let moved: Ring = ring
        .iter()
        .map(|&(lat, lon)| (lat, lon + 360.0 * turns))
        .collect();
    clip_ring(&moved, picture).is_some_and(|seen| {
        super::path::write_ring(seen.iter().map(|&(lat, lon)| project(lat, lon)), out)
    })
}

/// Writes a country's polygons; false when nothing of it is big enough to
/// see. Rings are continuous across the antimeridian (the far east of
/// Russia lies past 180°): each is also drawn a turn either side, and the
/// cut to the picture keeps what shows at either edge.
fn write_shape(shape: &Shape, out: &mut String) -> bool {
    let mut drawn = false;
    for polygon in &shape.polygons {
        let Some(outer) = polygon.first() else {
            continue;
        };
        for turns in [-1.0, 0.0, 1.0] {
            if write_ring(outer, turns, out) {
                drawn = true;
                for hole in polygon.iter().skip(1) {
                    write_ring(hole, turns, out);
                }
            }
        }
    }
    drawn
}

/// The overview of `selection` (the whole network: `select` with no filter)
/// on the bundled atlas' `shapes`.
pub fn overview(shapes: &[Shape], selection: &Selection) -> Overview {
    let mut groups: Vec<OverviewGroup> = Vec::new();
    let mut with_shape: Vec<&'static str> = Vec::new();
    for shape in shapes {
        let code = shape.numeric().and_then(super::code_of_numeric);
        let colours = code.map_or(
            super::CountryColours {
                fill: NEUTRAL,
                outline: OUTLINE,
                shaded: false,
            },
            |code| selection.colours_of(code),
        );
        let at = match groups.iter().position(|g| g.fill == colours.fill) {
            Some(at) => at,
            None => {
                groups.push(OverviewGroup {
                    fill: colours.fill,
                    outline: colours.outline,
                    path: String::new(),
                    countries: Vec::new(),
                });
                groups.len() - 1
            }
        };
        let Some(group) = groups.get_mut(at) else {
            continue;
        };
        if write_shape(shape, &mut group.path)
            && let Some(code) = code
        {
            group.countries.push(code);
            with_shape.push(code);
        }
    }
    groups.retain(|g| !g.path.is_empty());
    // Neutral first, then the classes from light to dark.
    groups.sort_by_key(|g| super::CLASSES.iter().position(|c| c.1 == g.fill));
    let dots = selection
        .without_shape(&with_shape)
        .into_iter()
        .map(|(code, lat, lon)| {
            let (x, y) = project(lat, lon);
            let colours = selection.colours_of(code);
            OverviewDot {
                code: code.to_owned(),
                x,
                y,
                fill: colours.fill,
                outline: colours.outline,
            }
        })
        .collect();
    Overview {
        height: height(),
        groups,
        dots,
    }
}

/// Whether `code` is drawn in the overview, as a shape or a circle.
pub fn shows(overview: &Overview, code: &str) -> bool {
    overview.groups.iter().any(|g| g.countries.contains(&code))
        || overview.dots.iter().any(|d| d.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::locator::tests::square;
    use crate::map::{CLASSES, Filters, select};
    use crate::model::Dataset;

    /// (x, y) of every point of a path.
    fn points(path: &str) -> Vec<(i64, i64)> {
        crate::map::path::subpaths(path)
            .into_iter()
            .flatten()
            .map(|(x, y)| (x as i64, y as i64))
            .collect()
    }

    #[test]
    fn mercator_keeps_the_equator_wide_and_stretches_the_north() {
        let (x0, y0) = project(0.0, -180.0);
        let (x1, _) = project(0.0, 180.0);
        assert_eq!((x0, x1), (0.0, WIDTH));
        // Ten degrees near the equator are shorter than ten degrees at 60°N.
        let near_equator = project(0.0, 0.0).1 - project(10.0, 0.0).1;
        let north = project(60.0, 0.0).1 - project(70.0, 0.0).1;
        assert!(north > 2.0 * near_equator, "{north} vs {near_equator}");
        assert!(y0 > 0.0 && y0 < height());
        assert_eq!(project(NORTH, 0.0).1, 0.0);
        // About 3:2, the shape of the map's frame on a desktop.
        assert!((height() / WIDTH - 2.0 / 3.0).abs() < 0.02, "{}", height());
    }

    #[test]
    fn paths_step_on_the_grid_and_small_rings_are_dropped() {
        let mut out = String::new();
        assert!(write_ring(&square(10.0, 20.0, 5.0)[0], 0.0, &mut out));
        let drawn = points(&out);
        assert_eq!(drawn.len(), 4, "{out}");
        let (x, y) = project(5.0, 15.0);
        assert_eq!(drawn[0], (x.round() as i64, y.round() as i64), "{out}");
        let (x, y) = project(15.0, 25.0);
        assert!(
            drawn.contains(&(x.round() as i64, y.round() as i64)),
            "{out}"
        );
        // A ring a few hundredths of a degree wide rounds onto one point.
        let mut tiny = String::new();
        assert!(!write_ring(&square(10.0, 20.0, 0.01)[0], 0.0, &mut tiny));
        assert!(tiny.is_empty());
    }

    #[test]
    fn a_ring_past_the_antimeridian_is_drawn_on_both_edges() {
        // Chukotka, made continuous: 170°E to 190°E.
        let ring: Ring = vec![
            (65.0, 170.0),
            (65.0, 190.0),
            (70.0, 190.0),
            (70.0, 170.0),
            (65.0, 170.0),
        ];
        let shape = Shape {
            id: Some("643".into()),
            polygons: vec![vec![ring]],
        };
        let mut out = String::new();
        assert!(write_shape(&shape, &mut out));
        let xs: Vec<i64> = points(&out).iter().map(|p| p.0).collect();
        assert!(
            xs.iter().any(|&x| x < 100),
            "drawn at the west edge too: {xs:?}"
        );
        assert!(xs.iter().any(|&x| x > 900), "{xs:?}");
        assert!(
            xs.iter().all(|x| (-2..=1002).contains(x)),
            "cut to the picture: {xs:?}"
        );
    }

    fn sample() -> (Vec<Shape>, Dataset) {
        let root = env!("CARGO_MANIFEST_DIR");
        let atlas = std::fs::read_to_string(format!(
            "{root}/node_modules/world-atlas/countries-110m.json"
        ))
        .expect("node_modules/world-atlas is installed by scripts/setup (npm ci)");
        let shapes = crate::geo::topojson::decode(&atlas, "countries").unwrap_or_default();
        (shapes, crate::model::sample::dataset())
    }

    #[test]
    fn every_member_country_of_the_sample_is_drawn_in_its_class() {
        let (shapes, dataset) = sample();
        assert!(shapes.len() > 150);
        let selection = select(&dataset, &Filters::default());
        assert!(selection.countries.len() > 60);
        let map = overview(&shapes, &selection);
        for summary in &selection.countries {
            let code = summary.code.as_str();
            assert!(shows(&map, code), "{code} is drawn");
            let fill = selection.colours_of(code).fill;
            assert!(CLASSES.iter().any(|c| c.1 == fill), "{code} is shaded");
            let in_its_group = map
                .groups
                .iter()
                .any(|g| g.fill == fill && g.countries.contains(&code));
            let as_dot = map.dots.iter().any(|d| d.code == code && d.fill == fill);
            assert!(in_its_group || as_dot, "{code} in its class");
        }
        // Countries without members are neutral, and drawn first.
        assert_eq!(map.groups.first().map(|g| g.fill), Some(NEUTRAL));
        assert!(map.groups.first().is_some_and(|g| g.countries.len() > 80));
        // Dots only for member countries the shapes miss, inside the box.
        for dot in &map.dots {
            assert!(
                selection.countries.iter().any(|c| c.code == dot.code),
                "{}",
                dot.code
            );
            assert!((0.0..=WIDTH).contains(&dot.x) && (0.0..=map.height).contains(&dot.y));
        }
        // Small enough to go in the page's HTML.
        let size: usize = map.groups.iter().map(|g| g.path.len()).sum();
        assert!(size < 80_000, "{size} bytes of path data");
    }
}
