//! StoryMapJS JSON (Knight Lab) → a Mapline story: `storymap.slides[]` with the
//! overview slide, `location {lat, lon, zoom, line, name}`, `text {headline,
//! text}`, `media`, `background` and `date`. HTML is reduced to our safe
//! Markdown subset.

use super::Importer;
use super::html;
use super::json::{self, Object, Raw};
use super::timelinejs::{import_background, import_media};
use crate::model::{Date, ImageMap, Place, Slide, SlideType, Story, StoryLayout, Text, Tiles};

/// True for a StoryMapJS document (a `storymap` object with `slides`).
pub fn is_storymapjs(root: &Object<'_>) -> bool {
    root.object("storymap")
        .get("slides")
        .is_some_and(json::is_array)
}

pub fn import(importer: &mut Importer, root: &Object<'_>) -> Story {
    let storymap = root.object("storymap");
    let image = import_image(importer, &storymap);
    if storymap.bool("map_as_image") == Some(true) && image.is_none() {
        importer.warning(
            "storymap.map_as_image",
            "a map drawn as an image is shown on the world map instead",
        );
    }
    let tiles = storymap.str("map_type").and_then(|map_type| {
        let attribution = plain_text(&storymap, "attribution");
        let subdomains = storymap.str("map_subdomains").unwrap_or_default();
        let tiles = tiles_of_map_type(&map_type, attribution, &subdomains);
        if let Err(why) = &tiles {
            importer.warning("storymap.map_type", why.clone());
        }
        tiles.ok().flatten()
    });
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
        tiles,
        image,
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

/// A `zoomify` story's picture: `storymap.zoomify {path, width, height,
/// attribution}`. Without a path or a size it cannot be drawn: a warning,
/// and the story is placed on the world map.
fn import_image(importer: &mut Importer, storymap: &Object<'_>) -> Option<ImageMap> {
    if storymap.str("map_type").as_deref().map(str::trim) != Some("zoomify") {
        return None;
    }
    let zoomify = storymap.object("zoomify");
    let size = |name: &str| {
        let raw = zoomify.get(name)?;
        match json::string(raw) {
            Some(text) => text.trim().parse::<u32>().ok(),
            None => serde_json::from_str::<u32>(raw.get()).ok(),
        }
        .filter(|n| *n > 0)
    };
    let path = zoomify.str("path").map(|p| p.trim().to_owned());
    let (Some(url), Some(width), Some(height)) = (
        path.filter(|p| !p.is_empty()),
        size("width"),
        size("height"),
    ) else {
        importer.warning(
            "storymap.zoomify",
            "an image map needs a path, a width and a height; the story is placed on the world map",
        );
        return None;
    };
    let url = if url.ends_with('/') {
        url
    } else {
        format!("{url}/")
    };
    Some(ImageMap {
        url,
        width,
        height,
        attribution: plain_text(&zoomify, "attribution").map(Text::Plain),
    })
}

/// A field's HTML as plain text; `None` when missing or empty.
fn plain_text(object: &Object<'_>, key: &str) -> Option<String> {
    object
        .str(key)
        .map(|a| html::to_plain_text(&a))
        .filter(|a| !a.is_empty())
}

const OSM_CREDIT: &str = "© OpenStreetMap contributors";
const STAMEN_CREDIT: &str =
    "Map tiles by Stamen Design, served by Stadia Maps; data © OpenStreetMap contributors";

/// The outside tile layer a StoryMapJS `map_type` names, as StoryMapJS draws
/// it (its `Map.Leaflet.js` `_createTileLayer`), for the reader's opt-in
/// background: `osm:standard` (and `osm`), `stamen:<style>` (now served by
/// Stadia), `ch-watercolor`, or a `{z}/{x}/{y}` http(s) URL with the file's
/// `attribution` (`{s}` takes the first of `map_subdomains`, else "a").
/// `Ok(None)` where our own basemap is all there is to draw (`zoomify` is an
/// image, not tiles of the world); an error says why a map type is left out.
fn tiles_of_map_type(
    map_type: &str,
    attribution: Option<String>,
    subdomains: &str,
) -> Result<Option<Tiles>, String> {
    let tiles = |url: String, credit: Option<String>| {
        Ok(Some(Tiles {
            url,
            attribution: credit.map(Text::Plain),
        }))
    };
    let map_type = map_type.trim();
    let (kind, style) = map_type.split_once(':').unwrap_or((map_type, ""));
    match kind {
        "" | "zoomify" => Ok(None),
        "osm" => tiles(
            "https://tile.openstreetmap.org/{z}/{x}/{y}.png".to_owned(),
            Some(OSM_CREDIT.to_owned()),
        ),
        "stamen" => {
            let style = if style.is_empty() {
                "toner-lite"
            } else {
                style
            };
            let ok = style
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
            if !ok || style == "trees-cabs-crime" {
                return Err(format!(
                    "the Stamen style {style:?} is no longer served; left out"
                ));
            }
            let format = if matches!(style, "terrain" | "watercolor") {
                "jpg"
            } else {
                "png"
            };
            tiles(
                format!(
                    "https://tiles.stadiamaps.com/tiles/stamen_{}/{{z}}/{{x}}/{{y}}.{format}",
                    style.replace('-', "_")
                ),
                Some(STAMEN_CREDIT.to_owned()),
            )
        }
        "ch-watercolor" => tiles(
            "https://watercolormaps.collection.cooperhewitt.org/tile/watercolor/{z}/{x}/{y}.jpg"
                .to_owned(),
            Some(STAMEN_CREDIT.to_owned()),
        ),
        "http" | "https" => {
            let has_tile_fields = ["{z}", "{x}", "{y}"].iter().all(|f| map_type.contains(f));
            if !has_tile_fields {
                return Err(format!(
                    "{map_type:?} is not a tile URL with {{z}}, {{x}} and {{y}}; left out"
                ));
            }
            let subdomain = subdomains
                .chars()
                .next()
                .filter(char::is_ascii_alphanumeric);
            let url = map_type.replace("{s}", &subdomain.unwrap_or('a').to_string());
            tiles(url, attribution)
        }
        _ => Err(format!(
            "the map type {map_type:?} needs an account (mapbox, stadia) or is unknown; \
             the story is drawn on the bundled basemap"
        )),
    }
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
        name: plain_text(&location, "name").map(Text::Plain),
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
    fn map_types_become_the_opt_in_tile_layer() {
        let url = |map_type: &str| {
            tiles_of_map_type(map_type, Some("Credit".into()), "bc")
                .map(|t| t.map(|t| (t.url, t.attribution.map(|a| a.resolve("en").to_owned()))))
        };
        assert_eq!(
            url("osm:standard"),
            Ok(Some((
                "https://tile.openstreetmap.org/{z}/{x}/{y}.png".into(),
                Some(OSM_CREDIT.into())
            )))
        );
        let toner = url("stamen:toner-lite").unwrap().unwrap();
        assert_eq!(
            toner.0,
            "https://tiles.stadiamaps.com/tiles/stamen_toner_lite/{z}/{x}/{y}.png"
        );
        assert!(toner.1.unwrap().contains("Stamen"));
        assert!(
            url("stamen:watercolor")
                .unwrap()
                .unwrap()
                .0
                .ends_with(".jpg")
        );
        assert!(url("stamen:trees-cabs-crime").is_err());
        assert!(url("stamen:../x").is_err());
        assert_eq!(
            url("https://{s}.example.org/{z}/{x}/{y}.png"),
            Ok(Some((
                "https://b.example.org/{z}/{x}/{y}.png".into(),
                Some("Credit".into())
            )))
        );
        assert!(
            url("https://example.org/map.png").is_err(),
            "no tile fields"
        );
        assert!(url("mapbox:nuknightlab.cjl6w8oio0agu2sltd04tp1kx").is_err());
        assert_eq!(url("zoomify"), Ok(None));
        assert_eq!(url(""), Ok(None));
    }

    #[test]
    fn the_demo_map_type_is_kept_for_the_reader_to_turn_on() {
        let text = r#"{"storymap":{"map_type":"osm:standard","slides":[
{"type":"overview","text":{"headline":"o"}}]}}"#;
        let (document, problems) = import_file(&SourceFile::new("s.json", text)).unwrap();
        let tiles = document.stories[0].tiles.as_ref().expect("tiles");
        assert!(tiles.url.starts_with("https://tile.openstreetmap.org/"));
        assert!(problems.is_empty(), "{problems:#?}");
        let text = r#"{"storymap":{"map_type":"javascript:alert(1)/{z}/{x}/{y}","slides":[
{"type":"overview","text":{"headline":"o"}}]}}"#;
        let (document, problems) = import_file(&SourceFile::new("s.json", text)).unwrap();
        assert!(document.stories[0].tiles.is_none());
        assert!(problems.iter().any(|p| p.path == "storymap.map_type"));
    }

    #[test]
    fn a_zoomify_story_keeps_its_picture() {
        let text = r#"{"storymap":{"map_type":"zoomify","map_as_image":true,
"zoomify":{"path":"https://example.org/seurat","width":"5000","height":3000,"attribution":"<b>Art</b> Institute"},
"slides":[{"type":"overview","text":{"headline":"o"}},
{"location":{"lat":60,"lon":-100,"zoom":3},"text":{"headline":"a"}}]}}"#;
        let (document, problems) = import_file(&SourceFile::new("s.json", text)).unwrap();
        let story = &document.stories[0];
        let image = story.image.as_ref().expect("an image map");
        assert_eq!(image.url, "https://example.org/seurat/");
        assert_eq!((image.width, image.height), (5000, 3000));
        assert_eq!(
            image.attribution.as_ref().map(|a| a.resolve("en")),
            Some("Art Institute")
        );
        assert!(story.tiles.is_none(), "zoomify is not world tiles");
        assert!(problems.is_empty(), "{problems:#?}");
        let place = story.slides[1].place.as_ref().unwrap();
        assert_eq!(
            (place.lat, place.lon, place.zoom),
            (Some(60.0), Some(-100.0), Some(3.0))
        );
        let text = r#"{"storymap":{"map_type":"zoomify","zoomify":{"path":"x/"},"slides":[{"type":"overview"}]}}"#;
        let (document, problems) = import_file(&SourceFile::new("s.json", text)).unwrap();
        assert!(document.stories[0].image.is_none());
        assert!(problems.iter().any(|p| p.path == "storymap.zoomify"));
    }

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
