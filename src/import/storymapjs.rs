//! StoryMapJS JSON (Knight Lab) → a Mapline story: `storymap.slides[]` with the
//! overview slide, `location {lat, lon, zoom, line, name}`, `text {headline,
//! text}`, `media`, `background` and `date`. HTML is reduced to our safe
//! Markdown subset.

use super::html;
use super::json::{self, Object, Raw};
use super::timelinejs::{import_background, import_media};
use super::{Importer, slug};
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
        id: slug(&importer.file_title()),
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

fn import_place(importer: &mut Importer, path: &str, location: Raw<'_>) -> Option<Place> {
    let location = Object::of(Some(location));
    // A JSON number, or a string holding one.
    let coordinate = |name: &str| {
        let raw = location.get(name)?;
        match json::string(raw) {
            Some(text) => text.trim().parse().ok(),
            None => serde_json::from_str::<f64>(raw.get()).ok(),
        }
    };
    let (lat, lon) = (coordinate("lat"), coordinate("lon"));
    if lat.is_none() || lon.is_none() {
        importer.warning(path, "a location without lat and lon is left off the map");
        return None;
    }
    Some(Place {
        lat,
        lon,
        zoom: coordinate("zoom"),
        name: location
            .str("name")
            .map(|n| html::to_plain_text(&n))
            .filter(|n| !n.is_empty())
            .map(Text::Plain),
        country: None,
    })
}
