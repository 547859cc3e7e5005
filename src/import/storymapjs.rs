//! StoryMapJS JSON (Knight Lab) → a Mapline story: `storymap.slides[]` with the
//! overview slide, `location {lat, lon, zoom, line, name}`, `text {headline,
//! text}`, `media`, `background` and `date`. HTML is reduced to our safe
//! Markdown subset.

use super::Importer;
use super::html;
use super::json::{self, Object, Raw};
use super::timelinejs::{import_background, import_media};
use crate::model::{Date, Place, Slide, SlideType, Story, StoryLayout, Text};

/// True for a StoryMapJS document (a `storymap` object with `slides`).
pub fn is_storymapjs(root: &Object<'_>) -> bool {
    root.object("storymap")
        .get("slides")
        .is_some_and(json::is_array)
}

pub fn import(importer: &mut Importer, root: &Object<'_>) -> Story {
    let storymap = root.object("storymap");
    if storymap.bool("map_as_image") == Some(true) {
        importer.warning(
            "storymap.map_as_image",
            "a map drawn as an image is shown on the world map instead",
        );
    }
    let items = storymap.objects("slides").unwrap_or_default();
    let mut line = false;
    let mut slides = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("storymap.slides[{i}]");
        line |= item.object("location").bool("line").unwrap_or(false);
        slides.push(import_slide(importer, &path, item, i));
    }
    let title = slides
        .iter()
        .find(|s| s.slide_type == SlideType::Overview)
        .or(slides.first())
        .and_then(|s| s.headline.as_ref())
        .map(|h| h.resolve("en").to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| importer.file_title());
    Story {
        id: importer.file_id(),
        title: Text::Plain(title),
        summary: None,
        cover: None,
        layout: StoryLayout::Slides,
        line,
        slides,
        illustrative: false,
        origin: Default::default(),
    }
}

fn import_slide(importer: &mut Importer, path: &str, item: &Object<'_>, index: usize) -> Slide {
    let text = item.object("text");
    let headline = text
        .str("headline")
        .map(|h| html::to_plain_text(&h))
        .filter(|h| !h.is_empty());
    let mut body = text
        .str("text")
        .map(|t| html::to_markdown(&t))
        .unwrap_or_default();
    let date_written = item.str("date");
    let date = match date_written
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        None => None,
        Some(written) => match story_date(written) {
            Some(date) => Some(date),
            None => {
                // A free-form date ("Spring 1790") stays with the slide as text.
                importer.warning(
                    &format!("{path}.date"),
                    format!("{written:?} is not a date Mapline can place; kept in the text"),
                );
                let line = format!("*{}*", html::to_plain_text(written).replace('*', "\\*"));
                body = if body.is_empty() {
                    line
                } else {
                    format!("{line}\n\n{body}")
                };
                None
            }
        },
    };
    let slide_type = match item.str("type").as_deref() {
        Some("overview") => SlideType::Overview,
        _ => SlideType::Slide,
    };
    let place = item
        .get("location")
        .and_then(|location| import_place(importer, &format!("{path}.location"), location));
    Slide {
        id: format!("slide-{}", index + 1),
        slide_type,
        media: item.get("media").and_then(|m| {
            let m = Object::of(Some(m));
            import_media(importer, &format!("{path}.media"), &m, headline.as_deref())
        }),
        headline: headline.map(Text::Plain),
        text: (!body.is_empty()).then_some(Text::Plain(body)),
        date,
        place,
        background: item
            .get("background")
            .and_then(|b| import_background(importer, &format!("{path}.background"), b)),
        illustrative: false,
    }
}

/// An EDTF date, or StoryMapJS's common "1790-2010" year range.
fn story_date(written: &str) -> Option<Date> {
    if let Ok(date) = Date::parse(written) {
        return Some(date);
    }
    let (start, end) = written.split_once(['-', '–'])?;
    let (start, end) = (start.trim(), end.trim());
    let is_year = |y: &str| (1..=4).contains(&y.len()) && y.bytes().all(|b| b.is_ascii_digit());
    if !is_year(start) || !is_year(end) {
        return None;
    }
    Date::parse(&format!("{start:0>4}/{end:0>4}")).ok()
}

/// A slide's location, checked here against the file's own paths (so the
/// problem has its line and column): a position out of range, or not a
/// number at all (`"NaN"`), is left off the map; a zoom out of range is
/// dropped and the map fits the place. Nothing out of range reaches Leaflet.
fn import_place(importer: &mut Importer, path: &str, location: Raw<'_>) -> Option<Place> {
    let location = Object::of(Some(location));
    // A JSON number, or a string holding one; never NaN or infinite.
    let coordinate = |name: &str| {
        let raw = location.get(name)?;
        match json::string(raw) {
            Some(text) => text.trim().parse::<f64>().ok(),
            None => serde_json::from_str::<f64>(raw.get()).ok(),
        }
        .filter(|n| n.is_finite())
    };
    let (lat, lon) = (coordinate("lat"), coordinate("lon"));
    let (Some(lat), Some(lon)) = (lat, lon) else {
        importer.warning(
            path,
            "a location without a numeric lat and lon is left off the map",
        );
        return None;
    };
    if !(-90.0..=90.0).contains(&lat) {
        importer.error(
            &format!("{path}.lat"),
            format!("latitude {lat} is outside -90…90; left off the map"),
        );
        return None;
    }
    // Leaflet writes the longitude of a map panned across the date line
    // beyond ±180 (StoryMapJS saves it so): the same place, brought back.
    let Some(lon) = wrap_longitude(lon) else {
        importer.error(
            &format!("{path}.lon"),
            format!("longitude {lon} is outside -180…180; left off the map"),
        );
        return None;
    };
    let zoom = coordinate("zoom").filter(|zoom| {
        let ok = (0.0..=18.0).contains(zoom);
        if !ok {
            importer.warning(
                &format!("{path}.zoom"),
                format!("zoom {zoom} is outside 0…18; the map fits the place instead"),
            );
        }
        ok
    });
    Some(Place {
        lat: Some(lat),
        lon: Some(lon),
        zoom,
        name: location
            .str("name")
            .map(|n| html::to_plain_text(&n))
            .filter(|n| !n.is_empty())
            .map(Text::Plain),
        country: None,
    })
}

/// A longitude within one turn either side of the map brought into
/// -180…180; anything further is a mistake, not a panned map.
fn wrap_longitude(lon: f64) -> Option<f64> {
    if (-180.0..=180.0).contains(&lon) {
        Some(lon)
    } else if (-540.0..=540.0).contains(&lon) {
        Some((lon + 180.0).rem_euclid(360.0) - 180.0)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::import_file;
    use crate::model::SourceFile;

    #[test]
    fn longitudes_of_a_panned_map_are_brought_back() {
        assert_eq!(wrap_longitude(12.5), Some(12.5));
        assert_eq!(wrap_longitude(190.0), Some(-170.0));
        assert_eq!(wrap_longitude(-190.0), Some(170.0));
        assert_eq!(wrap_longitude(-1e308), None);
        assert_eq!(wrap_longitude(f64::NAN), None);
    }

    #[test]
    fn out_of_range_locations_are_reported_where_written_and_left_off() {
        let text = r#"{"storymap":{"slides":[
{"type":"overview","text":{"headline":"o"}},
{"location":{"lat":9999,"lon":"NaN","zoom":-5},"text":{"headline":"a"}},
{"location":{"lat":1e308,"lon":-1e308,"zoom":1e308},"text":{"headline":"b"}},
{"location":{"lat":"45","lon":-1e308},"text":{"headline":"c"}},
{"location":{"lat":10,"lon":20,"zoom":99},"text":{"headline":"d"}}]}}"#;
        let (document, problems) = import_file(&SourceFile::new("s.json", text)).unwrap();
        let slides = &document.stories[0].slides;
        assert_eq!(slides.len(), 5, "every slide still reads");
        assert!(slides[..4].iter().all(|s| s.place.is_none()));
        let place = slides[4].place.as_ref().unwrap();
        assert_eq!(
            (place.lat, place.lon, place.zoom),
            (Some(10.0), Some(20.0), None)
        );
        let at = |path: &str| {
            problems
                .iter()
                .find(|p| p.path == path)
                .unwrap_or_else(|| panic!("no problem at {path}: {problems:#?}"))
        };
        assert!(
            at("storymap.slides[1].location")
                .message
                .contains("numeric")
        );
        assert!(
            at("storymap.slides[2].location.lat")
                .message
                .contains("outside")
        );
        assert!(
            at("storymap.slides[3].location.lon")
                .message
                .contains("outside")
        );
        assert!(
            at("storymap.slides[4].location.zoom")
                .message
                .contains("outside")
        );
        assert_eq!(at("storymap.slides[2].location.lat").line, Some(4));
    }
}
