//! A small locator map: the country of a case or member shaded among its
//! neighbours, with a dot for the place, as plain SVG path data. No Leaflet:
//! it is a picture (its text alternative is the page's own facts), prints
//! cleanly and costs one shared fetch of the country shapes.

use crate::countries;
use crate::geo::basemap::clip_ring;
use crate::geo::cluster::Bounds;
use crate::geo::topojson::{Ring, Shape};

/// Width and height of the SVG view box (3:2): a grid of whole units
/// (`map::path`) finer than the pixels of a locator on screen.
pub const WIDTH: f64 = 600.0;
pub const HEIGHT: f64 = 400.0;
/// The place's dot, in view-box units.
pub const DOT_RADIUS: f64 = 10.0;

/// The smallest window shown, in degrees of longitude, so a small country is
/// seen with its surroundings.
const MIN_SPAN_LON: f64 = 24.0;
/// The window is this many times the country's own extent.
const CONTEXT: f64 = 2.2;
/// About the width of a story's map on a desktop, in CSS pixels: a point's
/// window shows what that map shows at the slide's zoom.
const STORY_FRAME_PX: f64 = 450.0;

/// One drawn country.
#[derive(Clone, Debug, PartialEq)]
pub struct LocatorShape {
    /// SVG path data in view-box units.
    pub path: String,
    /// The country located.
    pub highlighted: bool,
}

/// A locator ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Locator {
    pub shapes: Vec<LocatorShape>,
    /// The place's dot in view-box units, when it falls inside the window.
    pub dot: Option<(f64, f64)>,
}

/// The window around a country: centre and spans in degrees, with the
/// longitude unwrapped across the antimeridian.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Window {
    lon0: f64,
    lat0: f64,
    span_lon: f64,
    span_lat: f64,
    /// Longitude is shrunk by cos(latitude) so shapes keep their proportions.
    squeeze: f64,
}

impl Window {
    /// The window around a country's main body (the table's box) and the
    /// place, which may lie outside it (Davao is not on Luzon).
    fn around(country: &countries::Country, place: Option<(f64, f64)>) -> Window {
        let [west, mut south, east, mut north] = country.bbox;
        // A box crossing the antimeridian has west > east.
        let (mut west, mut east) = (west, if west > east { east + 360.0 } else { east });
        if let Some((lat, lon)) = place {
            let middle = (west + east) / 2.0;
            let lon = lon - 360.0 * ((lon - middle) / 360.0).round();
            west = west.min(lon);
            east = east.max(lon);
            south = south.min(lat);
            north = north.max(lat);
        }
        let lat0 = ((south + north) / 2.0).clamp(-75.0, 75.0);
        let squeeze = lat0.to_radians().cos().max(0.2);
        let lon0 = (west + east) / 2.0;
        // Fit the country (scaled by CONTEXT) into the 3:2 box.
        let wide = ((east - west) * squeeze * CONTEXT).max(MIN_SPAN_LON * squeeze);
        let tall = (north - south) * CONTEXT;
        // At most the whole world wide (Russia, with context, is wider).
        let span_x = wide.max(tall * WIDTH / HEIGHT).min(360.0 * squeeze);
        Window {
            lon0,
            lat0,
            span_lon: span_x / squeeze,
            span_lat: span_x * HEIGHT / WIDTH,
            squeeze,
        }
    }

    /// The window around a point, as wide as a story's map shows it at
    /// Leaflet zoom `zoom` (at least [`MIN_SPAN_LON`], so a city is seen in
    /// its region: the 1:110m shapes hold no streets).
    fn at(lat: f64, lon: f64, zoom: f64) -> Window {
        let lat0 = lat.clamp(-75.0, 75.0);
        let squeeze = lat0.to_radians().cos().max(0.2);
        // Degrees of longitude across a frame STORY_FRAME_PX wide at `zoom`
        // (256 px show the whole world at zoom 0).
        let shown = 360.0 * STORY_FRAME_PX / (256.0 * 2f64.powf(zoom.clamp(0.0, 18.0)));
        let span_x = (shown.max(MIN_SPAN_LON) * squeeze).min(360.0 * squeeze);
        Window {
            lon0: lon,
            lat0,
            span_lon: span_x / squeeze,
            span_lat: span_x * HEIGHT / WIDTH,
            squeeze,
        }
    }

    /// The shapes that meet the window, drawn in it; the one whose ISO
    /// numeric code is `highlighted` marked so.
    fn draw(&self, shapes: &[Shape], highlighted: Option<u16>) -> Vec<LocatorShape> {
        shapes
            .iter()
            .filter_map(|shape| {
                let mut path = String::new();
                for polygon in &shape.polygons {
                    if polygon.first().is_some_and(|outer| self.meets(outer)) {
                        self.path(polygon, &mut path);
                    }
                }
                (!path.is_empty()).then(|| LocatorShape {
                    path,
                    highlighted: highlighted.is_some() && shape.numeric() == highlighted,
                })
            })
            .collect()
    }

    /// The longitude moved by whole turns to lie nearest the centre.
    fn unwrap(&self, lon: f64) -> f64 {
        lon - 360.0 * ((lon - self.lon0) / 360.0).round()
    }

    fn project(&self, lat: f64, lon: f64) -> (f64, f64) {
        self.project_plain(lat, self.unwrap(lon))
    }

    /// The window's area grown by `margin` view-box units on every side, in
    /// degrees (the projection is linear in both, so the cut is the same).
    fn bounds(&self, margin: f64) -> Bounds {
        let half_lon = self.span_lon * (0.5 + margin / WIDTH);
        let half_lat = self.span_lat * (0.5 + margin / HEIGHT);
        Bounds {
            south: self.lat0 - half_lat,
            west: self.lon0 - half_lon,
            north: self.lat0 + half_lat,
            east: self.lon0 + half_lon,
        }
    }

    /// Whether a ring's box meets the window (with a margin so shapes that
    /// only graze it are still drawn).
    fn meets(&self, ring: &Ring) -> bool {
        let (mut min_x, mut min_y) = (f64::INFINITY, f64::INFINITY);
        let (mut max_x, mut max_y) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
        for &(lat, lon) in ring {
            let (x, y) = self.project(lat, lon);
            min_x = min_x.min(x);
            max_x = max_x.max(x);
            min_y = min_y.min(y);
            max_y = max_y.max(y);
        }
        // A ring whose unwrapped points jump across the window is a shape
        // wrapping the globe (Antarctica, Russia's far east): its box spans
        // more than a turn and it is kept; `path` cuts it to the window.
        max_x >= -WIDTH * 0.1
            && min_x <= WIDTH * 1.1
            && max_y >= -HEIGHT * 0.1
            && min_y <= HEIGHT * 1.1
    }

    /// Draws `rings` cut to the window. The rings are continuous across the
    /// antimeridian (`topojson::unwrap_antimeridian`), so a ring is drawn a
    /// turn either side of where it lies nearest the centre as well: the
    /// part of Russia east of 180° shows east of Alaska. Only what can be
    /// seen is written: a neighbour as big as Russia would otherwise bring
    /// all its points into every page near it.
    fn path(&self, rings: &[Ring], out: &mut String) {
        for ring in rings {
            if ring.is_empty() {
                continue;
            }
            let mean = ring.iter().map(|p| p.1).sum::<f64>() / ring.len() as f64;
            let nearest = ((mean - self.lon0) / 360.0).round();
            let area = self.bounds(CLIP_MARGIN);
            for turns in [nearest - 1.0, nearest, nearest + 1.0] {
                let moved: Ring = ring
                    .iter()
                    .map(|&(lat, lon)| (lat, lon - 360.0 * turns))
                    .collect();
                // The basemap's own cut (Sutherland–Hodgman), in degrees.
                if let Some(seen) = clip_ring(&moved, area) {
                    let points = seen.iter().map(|&(lat, lon)| self.project_plain(lat, lon));
                    super::path::write_ring(points, out);
                }
            }
        }
    }

    /// [`Window::project`] without moving the longitude by turns.
    fn project_plain(&self, lat: f64, lon: f64) -> (f64, f64) {
        let x = (lon - self.lon0) / self.span_lon;
        let y = (self.lat0 - lat) / self.span_lat;
        (WIDTH * (0.5 + x), HEIGHT * (0.5 + y))
    }
}

/// How far outside the view box a clipped shape reaches, in view-box units
/// (its outline is then never seen to end at the frame's edge).
const CLIP_MARGIN: f64 = 8.0;

/// The locator for a place given by its position alone (a story's slide):
/// the window around it at the story map's `zoom`, nothing highlighted.
/// `None` for a position off the globe.
pub fn locate_point(shapes: &[Shape], (lat, lon): (f64, f64), zoom: f64) -> Option<Locator> {
    if !(lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0) {
        return None;
    }
    let zoom = if zoom.is_finite() { zoom } else { 0.0 };
    let window = Window::at(lat, lon, zoom);
    Some(Locator {
        shapes: window.draw(shapes, None),
        dot: Some(window.project(lat, lon)),
    })
}

/// The locator for a country (ISO alpha-2) and an optional (lat, lon) place,
/// drawn from the decoded world shapes. `None` for a code outside the table.
pub fn locate(shapes: &[Shape], code: &str, place: Option<(f64, f64)>) -> Option<Locator> {
    let country = countries::by_code(code)?;
    let place = place.filter(|(lat, lon)| lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0);
    let window = Window::around(country, place);
    let mut drawn = window.draw(shapes, Some(country.numeric));
    // The located country last, so its outline is drawn over its neighbours'.
    drawn.sort_by_key(|s| s.highlighted);
    let dot = place
        .map(|(lat, lon)| window.project(lat, lon))
        .filter(|&(x, y)| (0.0..=WIDTH).contains(&x) && (0.0..=HEIGHT).contains(&y));
    Some(Locator { shapes: drawn, dot })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A square ring of (lat, lon) around a centre.
    pub(crate) fn square(lat: f64, lon: f64, half: f64) -> Vec<Ring> {
        vec![vec![
            (lat - half, lon - half),
            (lat - half, lon + half),
            (lat + half, lon + half),
            (lat + half, lon - half),
            (lat - half, lon - half),
        ]]
    }

    fn shape(numeric: u16, lat: f64, lon: f64, half: f64) -> Shape {
        Shape {
            id: Some(numeric.to_string()),
            polygons: vec![square(lat, lon, half)],
        }
    }

    fn numbers(path: &str) -> Vec<f64> {
        crate::map::path::subpaths(path)
            .into_iter()
            .flatten()
            .flat_map(|(x, y)| [x, y])
            .collect()
    }

    #[test]
    fn the_country_is_centred_and_highlighted_and_far_shapes_are_left_out() {
        let mexico = countries::by_code("MX").unwrap();
        let shapes = vec![
            shape(mexico.numeric, mexico.lat, mexico.lon, 5.0),
            shape(840, 38.0, -97.0, 8.0), // a neighbour to the north
            shape(643, 60.0, 90.0, 10.0), // far away
        ];
        let locator = locate(&shapes, "MX", Some((19.43, -99.13))).unwrap();
        assert_eq!(locator.shapes.len(), 2, "the far shape is not drawn");
        let located = locator.shapes.last().unwrap();
        assert!(located.highlighted, "drawn last, over its neighbours");
        assert_eq!(locator.shapes.iter().filter(|s| s.highlighted).count(), 1);
        for v in numbers(&located.path).chunks(2) {
            assert!(
                (0.0..=WIDTH).contains(&v[0]) && (0.0..=HEIGHT).contains(&v[1]),
                "{v:?} inside"
            );
        }
        let (x, y) = locator.dot.unwrap();
        assert!((0.0..=WIDTH).contains(&x) && (0.0..=HEIGHT).contains(&y));
    }

    #[test]
    fn a_small_country_is_seen_with_its_surroundings_and_a_big_one_fits_the_world() {
        let lebanon = Window::around(countries::by_code("LB").unwrap(), None); // about 1.5° wide
        assert!(lebanon.span_lon >= MIN_SPAN_LON);
        let russia = Window::around(countries::by_code("RU").unwrap(), None);
        assert!(russia.span_lon <= 360.0 + 1e-9, "{}", russia.span_lon);
    }

    #[test]
    fn the_window_keeps_the_view_box_proportions() {
        for code in ["MX", "CL", "NO", "FJ", "BR", "LB"] {
            let window = Window::around(countries::by_code(code).unwrap(), None);
            let ratio = window.span_lon * window.squeeze / window.span_lat;
            assert!((ratio - WIDTH / HEIGHT).abs() < 1e-9, "{code}: {ratio}");
        }
    }

    #[test]
    fn shapes_across_the_antimeridian_are_drawn_on_the_near_side() {
        // Fiji straddles 180°: a shape at 179°E and one at 179°W both lie
        // near the centre of its window.
        let fiji = countries::by_code("FJ").unwrap();
        let shapes = vec![
            shape(fiji.numeric, -17.0, 178.5, 1.0),
            shape(fiji.numeric, -17.0, -179.5, 0.4),
        ];
        let locator = locate(&shapes, "FJ", Some((-18.1, 178.4))).unwrap();
        assert_eq!(locator.shapes.len(), 2);
        for s in &locator.shapes {
            for v in numbers(&s.path).chunks(2) {
                assert!((0.0..=WIDTH).contains(&v[0]), "x {} inside", v[0]);
            }
        }
    }

    #[test]
    fn a_place_off_the_main_body_is_in_the_window() {
        // The table's box for the Philippines is Luzon's; Davao is on Mindanao.
        let shapes = vec![shape(608, 15.0, 121.0, 3.0)];
        let locator = locate(&shapes, "PH", Some((7.19, 125.46))).unwrap();
        let (x, y) = locator.dot.expect("Davao is shown");
        assert!((0.0..=WIDTH).contains(&x) && (0.0..=HEIGHT).contains(&y));
        // Across the antimeridian from a box near it.
        let fiji = locate(&shapes, "FJ", Some((-16.5, -179.9))).unwrap();
        assert!(fiji.dot.is_some());
    }

    #[test]
    fn a_point_is_centred_in_a_window_as_wide_as_its_zoom_shows() {
        let shapes = vec![
            shape(124, 56.0, -100.0, 10.0), // Canada, near Toronto
            shape(643, 60.0, 90.0, 10.0),   // far away
        ];
        // Toronto at zoom 10: a city, seen in its region.
        let city = locate_point(&shapes, (43.65, -79.38), 10.0).unwrap();
        assert_eq!(city.dot, Some((WIDTH / 2.0, HEIGHT / 2.0)));
        assert_eq!(city.shapes.len(), 1, "only the shapes near it");
        assert!(city.shapes.iter().all(|s| !s.highlighted));
        // A continent at zoom 2 is seen whole: a wider window than a city's.
        let africa = Window::at(2.0, 20.0, 2.0);
        let toronto = Window::at(43.65, -79.38, 10.0);
        assert!((toronto.span_lon - MIN_SPAN_LON).abs() < 1e-9);
        assert!(
            africa.span_lon > 100.0 && africa.span_lon <= 360.0,
            "{}",
            africa.span_lon
        );
        assert_eq!(locate_point(&shapes, (f64::NAN, 0.0), 3.0), None);
        assert_eq!(locate_point(&shapes, (95.0, 0.0), 3.0), None);
        assert!(locate_point(&shapes, (10.0, 10.0), f64::NAN).is_some());
    }

    #[test]
    fn shapes_are_cut_to_the_frame() {
        let written = |locator: &Locator, highlighted: bool| -> Vec<(f64, f64)> {
            locator
                .shapes
                .iter()
                .filter(|s| s.highlighted == highlighted)
                .flat_map(|s| crate::map::path::subpaths(&s.path).into_iter().flatten())
                .collect()
        };
        // Kept as it is: a country inside its window.
        let lebanon = countries::by_code("LB").unwrap();
        let inside = vec![shape(lebanon.numeric, lebanon.lat, lebanon.lon, 0.5)];
        let kept = written(&locate(&inside, "LB", None).unwrap(), true);
        assert_eq!(kept.len(), 4, "{kept:?}");
        assert!(
            kept.iter()
                .all(|&(x, y)| (0.0..=WIDTH).contains(&x) && (0.0..=HEIGHT).contains(&y))
        );
        // A shape around the whole window becomes the window, grown by the margin.
        let around = vec![shape(lebanon.numeric, lebanon.lat, lebanon.lon, 60.0)];
        let frame = written(&locate(&around, "LB", None).unwrap(), true);
        assert!(frame.len() >= 4, "{frame:?}");
        for &(x, y) in &frame {
            assert!(
                (x + CLIP_MARGIN).abs() < 1.0 || (x - WIDTH - CLIP_MARGIN).abs() < 1.0,
                "{x}"
            );
            assert!(
                (y + CLIP_MARGIN).abs() < 1.0 || (y - HEIGHT - CLIP_MARGIN).abs() < 1.0,
                "{y}"
            );
        }
        // Half in: cut where it crosses the right edge.
        let east = vec![shape(400, lebanon.lat, lebanon.lon + 12.0, 3.0)];
        let cut = written(&locate(&east, "LB", None).unwrap(), false);
        let right = cut.iter().map(|p| p.0).fold(f64::MIN, f64::max);
        assert!((right - WIDTH - CLIP_MARGIN).abs() < 1.0, "{cut:?}");
        // A big neighbour's points outside the window are not written.
        let shapes = vec![shape(643, 60.0, 90.0, 40.0), shape(112, 53.7, 28.0, 3.0)];
        let belarus = locate(&shapes, "BY", None).unwrap();
        for s in &belarus.shapes {
            for v in numbers(&s.path).chunks(2) {
                assert!(
                    (-8.0..=WIDTH + 8.0).contains(&v[0]) && (-8.0..=HEIGHT + 8.0).contains(&v[1]),
                    "{v:?}"
                );
            }
        }
    }

    #[test]
    fn unknown_countries_and_broken_places() {
        let shapes = vec![shape(484, 23.0, -102.0, 5.0)];
        assert_eq!(locate(&shapes, "XX", None), None);
        let broken = locate(&shapes, "MX", Some((f64::NAN, 1.0))).unwrap();
        assert_eq!(broken.dot, None);
    }

    #[test]
    fn every_member_country_of_the_sample_is_located_on_the_bundled_atlas() {
        let root = env!("CARGO_MANIFEST_DIR");
        let atlas = std::fs::read_to_string(format!(
            "{root}/node_modules/world-atlas/countries-110m.json"
        ))
        .expect("node_modules/world-atlas is installed by scripts/setup (npm ci)");
        let shapes = crate::geo::topojson::decode(&atlas, "countries").unwrap();
        let members = std::fs::read_to_string(format!("{root}/public/data/members.json")).unwrap();
        let members: serde_json::Value = serde_json::from_str(&members).unwrap();
        let codes: std::collections::BTreeSet<&str> = members["members"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|m| m["country"].as_str())
            .collect();
        assert!(codes.len() > 60);
        for code in codes {
            let country = countries::by_code(code).unwrap();
            let locator = locate(&shapes, code, Some((country.lat, country.lon))).unwrap();
            let in_atlas = shapes.iter().any(|s| s.numeric() == Some(country.numeric));
            let highlighted = locator.shapes.iter().filter(|s| s.highlighted).count();
            assert_eq!(highlighted, usize::from(in_atlas), "{code}");
            assert!(locator.dot.is_some(), "{code}: its centre is in its window");
        }
        // Every member's own place is in its window.
        for member in members["members"].as_array().unwrap() {
            let (Some(code), Some(lat), Some(lon)) = (
                member["country"].as_str(),
                member["coordinates"]["lat"].as_f64(),
                member["coordinates"]["lon"].as_f64(),
            ) else {
                continue;
            };
            let locator = locate(&shapes, code, Some((lat, lon))).unwrap();
            assert!(
                locator.dot.is_some(),
                "{}: its place is in its window",
                member["id"]
            );
            assert!(
                locator.shapes.len() < shapes.len() || code == "RU",
                "{code}: only the neighbourhood"
            );
        }
    }
}
