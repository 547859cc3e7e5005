//! Story maps: narrated slides that move the map. Pure logic here (tested
//! natively); the views are in `view/`.

pub mod image_map;
#[cfg(target_arch = "wasm32")]
pub mod view;

use crate::countries;
use crate::geo::valid_position;
use crate::model::{Place, SlideType, Story};

/// Where the map goes for a slide.
#[derive(Clone, Debug, PartialEq)]
pub enum Camera {
    /// Centre on a point at a zoom level.
    Point { lat: f64, lon: f64, zoom: f64 },
    /// Fit every point (an overview): at least two distinct points.
    Fit(Vec<(f64, f64)>),
    /// The slide has no place: the map stays where it is.
    Keep,
}

/// The zoom of a slide's place: its own, else one that shows its country,
/// else a regional view.
pub fn place_zoom(place: &Place) -> f64 {
    if let Some(zoom) = place.zoom.filter(|z| z.is_finite()) {
        return zoom.clamp(1.0, 18.0);
    }
    place
        .country
        .as_deref()
        .and_then(countries::by_code)
        .map_or(5.0, |c| {
            let [west, south, east, north] = c.bbox;
            let width = if west > east {
                east + 360.0 - west
            } else {
                east - west
            };
            let span = width.max((north - south) * 1.5).max(0.1);
            // At zoom z the world (360°) spans 256·2^z px: fit ~600 px.
            (600.0 / 256.0 * 360.0 / span)
                .log2()
                .floor()
                .clamp(2.0, 10.0)
        })
}

/// Each slide's point (lat, lon), when it has a place.
pub fn points(story: &Story) -> Vec<Option<(f64, f64)>> {
    story
        .slides
        .iter()
        .map(|slide| {
            slide
                .place
                .as_ref()
                .and_then(Place::position)
                .filter(|&(lat, lon)| valid_position(lat, lon))
        })
        .collect()
}

/// Where the map goes for slide `index`: an overview fits every place of the
/// story, a slide with a place centres on it, else the map stays.
pub fn camera(story: &Story, index: usize) -> Camera {
    let Some(slide) = story.slides.get(index) else {
        return Camera::Keep;
    };
    let point = slide
        .place
        .as_ref()
        .and_then(|place| place.position().map(|p| (p, place_zoom(place))))
        .filter(|&((lat, lon), _)| valid_position(lat, lon));
    if slide.slide_type == SlideType::Overview {
        let mut all: Vec<(f64, f64)> = points(story).into_iter().flatten().collect();
        all.dedup();
        let distinct = all.iter().any(|p| Some(p) != all.first());
        if distinct {
            return Camera::Fit(all);
        }
        if let Some(&(lat, lon)) = all.first() {
            return Camera::Point {
                lat,
                lon,
                zoom: 4.0,
            };
        }
    }
    match point {
        Some(((lat, lon), zoom)) => Camera::Point { lat, lon, zoom },
        None => Camera::Keep,
    }
}

/// Where the map goes when slide `index` opens directly (or is walked back
/// to): a slide without a place shows the last place before it, else every
/// place of the story.
pub fn camera_at(story: &Story, index: usize) -> Camera {
    let found = (0..=index.min(story.slides.len()))
        .rev()
        .map(|i| camera(story, i))
        .find(|c| *c != Camera::Keep);
    found.unwrap_or_else(|| {
        let mut all: Vec<(f64, f64)> = points(story).into_iter().flatten().collect();
        all.dedup();
        match all.as_slice() {
            [] => Camera::Keep,
            [(lat, lon)] => Camera::Point {
                lat: *lat,
                lon: *lon,
                zoom: 4.0,
            },
            _ => Camera::Fit(all),
        }
    })
}

/// What the story's map draws for each slide, worked out once per story.
#[derive(Clone, Debug, PartialEq)]
pub struct MapPlan {
    /// Every slide's place, one marker each, in slide order.
    pub markers: Vec<(f64, f64)>,
    /// The marker of each slide (highlighted while it is current), if it has a place.
    pub marker_of: Vec<Option<usize>>,
    /// Where the map goes for each slide ([`camera_at`]).
    pub cameras: Vec<Camera>,
    /// Whether a line joins the places.
    pub line: bool,
}

impl MapPlan {
    pub fn of(story: &Story) -> MapPlan {
        let places = points(story);
        let mut markers = Vec::new();
        let marker_of = places
            .iter()
            .map(|place| {
                place.map(|point| {
                    markers.push(point);
                    markers.len() - 1
                })
            })
            .collect();
        MapPlan {
            markers,
            marker_of,
            cameras: (0..story.slides.len())
                .map(|i| camera_at(story, i))
                .collect(),
            line: story.line,
        }
    }
}

/// The slide to open: `?slide=` (number or id), else `?start_at=` (an id or
/// `end`), else the first.
pub fn start_slide(story: &Story, slide: Option<&str>, start_at: Option<&str>) -> usize {
    slide
        .and_then(|wanted| slide_index(story, wanted))
        .or_else(|| match start_at.map(str::trim) {
            Some("end") => story.slides.len().checked_sub(1),
            Some(id) => story.slides.iter().position(|s| s.id == id),
            None => None,
        })
        .unwrap_or(0)
}

/// The slide a `?slide=` value names: a 1-based number or a slide id. Out of
/// range or unknown values give `None` (the caller starts at the first slide).
pub fn slide_index(story: &Story, wanted: &str) -> Option<usize> {
    let wanted = wanted.trim();
    if let Ok(number) = wanted.parse::<usize>() {
        return (1..=story.slides.len())
            .contains(&number)
            .then(|| number - 1);
    }
    story.slides.iter().position(|slide| slide.id == wanted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SourceFile, load_dataset};

    fn story() -> Story {
        let json = r#"{"format": "mapline/1", "stories": [{"id": "s", "title": "S", "slides": [
            {"id": "intro", "type": "overview", "headline": "Intro"},
            {"id": "minsk", "headline": "Minsk", "place": {"country": "BY"}},
            {"id": "quiet", "headline": "No place"},
            {"id": "toronto", "headline": "Toronto", "place": {"lat": 43.65, "lon": -79.38, "zoom": 10}}]}]}"#;
        let loaded = load_dataset(&[SourceFile {
            name: "s.json".into(),
            text: json.into(),
        }]);
        loaded
            .dataset
            .stories
            .into_iter()
            .next()
            .expect("one story")
    }

    #[test]
    fn slides_are_named_by_number_or_id() {
        let story = story();
        assert_eq!(slide_index(&story, "1"), Some(0));
        assert_eq!(slide_index(&story, "2"), Some(1));
        assert_eq!(slide_index(&story, "minsk"), Some(1));
        assert_eq!(slide_index(&story, "0"), None);
        assert_eq!(slide_index(&story, "5"), None);
        assert_eq!(slide_index(&story, "nowhere"), None);
    }

    #[test]
    fn an_overview_fits_every_place() {
        let story = story();
        let by = countries::by_code("BY").expect("Belarus");
        assert_eq!(
            camera(&story, 0),
            Camera::Fit(vec![(by.lat, by.lon), (43.65, -79.38)])
        );
    }

    #[test]
    fn a_slide_centres_on_its_place_or_keeps_the_map() {
        let story = story();
        assert_eq!(
            camera(&story, 3),
            Camera::Point {
                lat: 43.65,
                lon: -79.38,
                zoom: 10.0
            }
        );
        assert_eq!(camera(&story, 2), Camera::Keep);
        // Opened directly, a slide without a place shows the one before it.
        assert_eq!(camera_at(&story, 2), camera(&story, 1));
        assert_eq!(camera_at(&story, 3), camera(&story, 3));
        assert_eq!(camera(&story, 99), Camera::Keep);
        // A country without a zoom: one that shows the whole country.
        let Camera::Point { zoom, .. } = camera(&story, 1) else {
            panic!("Minsk has a place");
        };
        assert!((4.0..=7.0).contains(&zoom), "{zoom}");
        let russia = Place {
            lat: None,
            lon: None,
            zoom: None,
            name: None,
            country: Some("RU".into()),
        };
        assert!(place_zoom(&russia) < zoom);
    }

    #[test]
    fn an_overview_with_one_place_centres_on_it() {
        let mut story = story();
        story.slides.truncate(2);
        assert!(matches!(camera(&story, 0), Camera::Point { zoom, .. } if zoom == 4.0));
        story.slides.truncate(1);
        assert_eq!(camera(&story, 0), Camera::Keep);
        assert_eq!(camera_at(&story, 0), Camera::Keep);
    }

    #[test]
    fn the_start_slide_comes_from_the_address() {
        let story = story();
        assert_eq!(start_slide(&story, None, None), 0);
        assert_eq!(start_slide(&story, Some("3"), None), 2);
        assert_eq!(start_slide(&story, Some("toronto"), Some("intro")), 3);
        assert_eq!(start_slide(&story, Some("nowhere"), Some("minsk")), 1);
        assert_eq!(start_slide(&story, None, Some("end")), 3);
        assert_eq!(start_slide(&story, None, Some("missing")), 0);
        assert_eq!(points(&story)[2], None);
    }

    #[test]
    fn places_off_the_globe_are_no_places() {
        // Whatever an importer lets through, the map is never sent there.
        let mut story = story();
        let toronto = story.slides[3].place.as_mut().expect("a place");
        toronto.lat = Some(1e308);
        toronto.lon = Some(-1e308);
        toronto.zoom = Some(1e308);
        assert_eq!(camera(&story, 3), Camera::Keep);
        assert_eq!(points(&story)[3], None);
        let by = countries::by_code("BY").expect("Belarus");
        assert_eq!(
            camera(&story, 0),
            Camera::Point {
                lat: by.lat,
                lon: by.lon,
                zoom: 4.0
            },
            "the overview fits only the places on the globe"
        );
        let minsk = story.slides[1].place.as_mut().expect("a place");
        minsk.lat = Some(f64::NAN);
        minsk.lon = Some(0.0);
        assert_eq!(camera(&story, 1), Camera::Keep);
    }

    #[test]
    fn the_map_plan_gives_each_slide_its_marker_and_camera() {
        let story = story();
        let plan = MapPlan::of(&story);
        let by = countries::by_code("BY").expect("Belarus");
        assert_eq!(plan.markers, [(by.lat, by.lon), (43.65, -79.38)]);
        assert_eq!(plan.marker_of, [None, Some(0), None, Some(1)]);
        assert_eq!(plan.cameras.len(), 4);
        assert_eq!(plan.cameras[2], camera_at(&story, 2));
        assert!(!plan.line);
    }
}
