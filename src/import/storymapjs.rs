//! StoryMapJS JSON (Knight Lab) → a Mapline story: `storymap.slides[]` with the
//! overview slide, `location {lat, lon, zoom, line, name}`, `text {headline,
//! text}`, `media`, `background` and `date`. HTML is reduced to our safe
//! Markdown subset.

use serde_json::Value;

use super::html;
use super::timelinejs::{import_background, import_media};
use super::{Importer, slug};
use crate::model::{Date, Place, Slide, SlideType, Story, StoryLayout, Text};

/// True for a StoryMapJS document (a `storymap` object with `slides`).
pub fn is_storymapjs(root: &Value) -> bool {
    root.get("storymap")
        .and_then(|s| s.get("slides"))
        .is_some_and(Value::is_array)
}

pub fn import(importer: &mut Importer, root: &Value) -> Story {
    let storymap = root.get("storymap");
    if storymap
        .and_then(|s| s.get("map_as_image"))
        .and_then(Value::as_bool)
        == Some(true)
    {
        importer.warning(
            "storymap.map_as_image",
            "a map drawn as an image is shown on the world map instead",
        );
    }
    let items = storymap
        .and_then(|s| s.get("slides"))
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let mut line = false;
    let mut slides = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("storymap.slides[{i}]");
        line |= item
            .get("location")
            .and_then(|l| l.get("line"))
            .and_then(Value::as_bool)
            .unwrap_or(false);
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

fn import_slide(importer: &mut Importer, path: &str, item: &Value, index: usize) -> Slide {
    let text = item.get("text");
    let headline = text
        .and_then(|t| t.get("headline"))
        .and_then(Value::as_str)
        .map(html::to_plain_text)
        .filter(|h| !h.is_empty());
    let mut body = text
        .and_then(|t| t.get("text"))
        .and_then(Value::as_str)
        .map(html::to_markdown)
        .unwrap_or_default();
    let date = match item
        .get("date")
        .and_then(Value::as_str)
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
    let slide_type = match item.get("type").and_then(Value::as_str) {
        Some("overview") => SlideType::Overview,
        _ => SlideType::Slide,
    };
    let place = item
        .get("location")
        .and_then(|location| import_place(importer, &format!("{path}.location"), location));
    Slide {
        id: format!("slide-{}", index + 1),
        slide_type,
        media: item
            .get("media")
            .and_then(|m| import_media(importer, &format!("{path}.media"), m, headline.as_deref())),
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

fn import_place(importer: &mut Importer, path: &str, location: &Value) -> Option<Place> {
    let coordinate = |name: &str| {
        location
            .get(name)
            .and_then(|v| v.as_f64().or_else(|| v.as_str()?.trim().parse().ok()))
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
            .get("name")
            .and_then(Value::as_str)
            .map(html::to_plain_text)
            .filter(|n| !n.is_empty())
            .map(Text::Plain),
        country: None,
    })
}
