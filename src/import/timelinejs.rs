//! TimelineJS3 JSON (Knight Lab) → a Mapline timeline. Every field of the
//! published format maps: the title slide, events, eras, `group`,
//! `display_date`, `unique_id` (kept as the event id), dates at their precision
//! (negative and cosmological years included), `text`, `media`, `background`,
//! `autolink` and `scale`. HTML is reduced to our safe Markdown subset.

use serde_json::Value;

use super::html;
use super::json::{self, Object, Raw};
use super::{DateParts, Importer, slug};
use crate::model::{Background, Date, Era, Event, Media, Text, Timeline, TimelineScale};

/// Years beyond JavaScript's date range: TimelineJS3 draws these on its
/// cosmological scale.
const JS_DATE_YEAR_LIMIT: i64 = 271_821;

/// True for a TimelineJS3 document (`events` array, no Mapline collections).
pub fn is_timelinejs(root: &Object<'_>) -> bool {
    root.get("events").is_some_and(json::is_array) && !root.has("format")
}

pub fn import(importer: &mut Importer, root: &Object<'_>) -> Timeline {
    let autolink = root.bool("autolink").unwrap_or(true);
    let mut huge_years = false;
    let items = root.objects("events").unwrap_or_default();
    let mut events = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = format!("events[{i}]");
        if let Some(event) = import_event(importer, &path, item, i, autolink) {
            huge_years |= [Some(&event.date), event.end_date.as_ref()]
                .into_iter()
                .flatten()
                .any(|d| {
                    d.start_point()
                        .or(d.end_point())
                        .is_some_and(|p| p.year.abs() > JS_DATE_YEAR_LIMIT)
                });
            events.push(event);
        }
    }
    let eras = root
        .objects("eras")
        .map(|eras| {
            eras.iter()
                .enumerate()
                .filter_map(|(i, era)| import_era(importer, &format!("eras[{i}]"), era))
                .collect()
        })
        .unwrap_or_default();
    let title_slide = root.object("title");
    let title_text = title_slide.object("text");
    let title = title_text
        .str("headline")
        .map(|h| html::to_plain_text(&h))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| importer.file_title());
    let scale_named = root.str("scale").as_deref() == Some("cosmological");
    Timeline {
        id: importer.file_id(),
        title: Text::Plain(title),
        text: title_text
            .str("text")
            .map(|t| Text::Plain(html::to_markdown_with(&t, autolink)))
            .filter(|t| !t.is_blank()),
        media: title_slide
            .get("media")
            .and_then(|m| import_media(importer, "title.media", &Object::of(Some(m)), None)),
        events,
        eras,
        scale: if scale_named || huge_years {
            TimelineScale::Cosmological
        } else {
            TimelineScale::Human
        },
        illustrative: false,
        origin: Default::default(),
    }
}

fn import_event(
    importer: &mut Importer,
    path: &str,
    item: &Object<'_>,
    index: usize,
    autolink: bool,
) -> Option<Event> {
    let Some(start) = item.get("start_date").map(|raw| Object::of(Some(raw))) else {
        importer.error(
            &format!("{path}.start_date"),
            "an event needs a start_date; event skipped",
        );
        return None;
    };
    let date = import_date(importer, path, "start_date", &start)?;
    let end_date = item
        .get("end_date")
        .filter(|v| !json::is_null(v))
        .and_then(|end| import_date(importer, path, "end_date", &Object::of(Some(end))));
    let text = item.object("text");
    let headline = text
        .str("headline")
        .map(|h| html::to_plain_text(&h))
        .unwrap_or_default();
    let mut body = text
        .str("text")
        .map(|t| html::to_markdown_with(&t, autolink))
        .unwrap_or_default();
    let headline = if headline.is_empty() {
        // TimelineJS3 allows an event with only media; our events need a headline.
        importer.warning(
            &format!("{path}.text.headline"),
            "no headline; the date stands in for it",
        );
        date.label()
    } else {
        headline
    };
    let media = item.get("media").and_then(|m| {
        let m = Object::of(Some(m));
        let media = import_media(importer, &format!("{path}.media"), &m, Some(&headline));
        if media.is_none() {
            // An embed code with no usable link: keep its words in the text.
            if let Some(embed) = m.str("url").filter(|u| u.trim_start().starts_with('<')) {
                let quoted = html::to_markdown(&embed);
                if !quoted.is_empty() {
                    body = if body.is_empty() {
                        quoted
                    } else {
                        format!("{body}\n\n{quoted}")
                    };
                }
            }
        }
        media
    });
    let id = match item.str("unique_id") {
        Some(unique) if !unique.is_empty() => {
            let id = slug(&unique);
            if id != unique {
                importer.warning(
                    &format!("{path}.unique_id"),
                    format!("unique_id {unique:?} kept as {id:?}"),
                );
            }
            id
        }
        _ => importer.generated_id("event", index + 1),
    };
    Some(Event {
        id,
        date,
        end_date,
        display_date: display_date(
            item.get("display_date")
                .or_else(|| start.get("display_date")),
        ),
        kind: None,
        headline: Text::Plain(headline),
        text: (!body.is_empty()).then_some(Text::Plain(body)),
        group: item
            .str("group")
            .map(|g| html::to_plain_text(&g))
            .filter(|g| !g.is_empty())
            .map(Text::Plain),
        place: None,
        media,
        sources: Vec::new(),
        background: item
            .get("background")
            .and_then(|b| import_background(importer, &format!("{path}.background"), b)),
        illustrative: false,
    })
}

fn import_era(importer: &mut Importer, path: &str, era: &Object<'_>) -> Option<Era> {
    let start = Object::of(Some(era.get("start_date")?));
    let date = import_date(importer, path, "start_date", &start)?;
    let end_date = era
        .get("end_date")
        .and_then(|end| import_date(importer, path, "end_date", &Object::of(Some(end))));
    let headline = era
        .object("text")
        .str("headline")
        .map(|h| html::to_plain_text(&h))
        .unwrap_or_default();
    Some(Era {
        date,
        end_date,
        headline: Text::Plain(headline),
    })
}

fn display_date(value: Option<Raw<'_>>) -> Option<Text> {
    value
        .and_then(json::string)
        .map(|d| html::to_plain_text(&d))
        .filter(|d| !d.is_empty())
        .map(Text::Plain)
}

/// A number given as a JSON number or a numeric string.
fn number(raw: Option<Raw<'_>>) -> Result<Option<i64>, String> {
    let Some(raw) = raw.filter(|r| !json::is_null(r)) else {
        return Ok(None);
    };
    if let Some(s) = json::string(raw) {
        let trimmed = s.trim();
        return if trimmed.is_empty() {
            Ok(None)
        } else {
            trimmed
                .parse::<i64>()
                .map(Some)
                .map_err(|_| format!("{s:?} is not a whole number"))
        };
    }
    match json::value(raw) {
        Value::Number(n) => n
            .as_i64()
            .or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
                    .map(|f| f as i64)
            })
            .map(Some)
            .ok_or_else(|| format!("{n} is not a whole number")),
        other => Err(format!("{other} is not a number")),
    }
}

/// `{year, month, day, hour, minute, second, millisecond}` at `{path}.{key}`
/// → an EDTF date at the precision given. The path is written out only for a
/// problem: formatting it for each of 10,000 events showed in the profile.
fn import_date(importer: &mut Importer, path: &str, key: &str, parts: &Object<'_>) -> Option<Date> {
    let field = |name: &str| number(parts.get(name));
    let edtf = (|| -> Result<String, (String, String)> {
        let at = |name: &str, e: String| (format!("{path}.{key}.{name}"), e);
        let year = field("year")
            .map_err(|e| at("year", e))?
            .ok_or_else(|| at("year", "a date needs a year".into()))?;
        let parts = DateParts {
            year,
            month: field("month").map_err(|e| at("month", e))?,
            day: field("day").map_err(|e| at("day", e))?,
            hour: field("hour").map_err(|e| at("hour", e))?,
            minute: field("minute").map_err(|e| at("minute", e))?,
            second: field("second").map_err(|e| at("second", e))?,
        };
        Ok(parts.edtf())
    })();
    match edtf {
        Ok(edtf) => match Date::parse(&edtf) {
            Ok(date) => Some(date),
            Err(e) => {
                importer.error(
                    &format!("{path}.{key}"),
                    format!("{edtf} is not a valid date ({e}); event skipped"),
                );
                None
            }
        },
        Err((field_path, message)) => {
            importer.error(&field_path, format!("{message}; event skipped"));
            None
        }
    }
}

/// TimelineJS3 media: a URL, or an embed code (HTML) whose first link stands
/// for it. Images without alt text take the caption's, else the headline's.
pub(super) fn import_media(
    importer: &mut Importer,
    path: &str,
    media: &Object<'_>,
    headline: Option<&str>,
) -> Option<Media> {
    let raw_url = media.str("url")?;
    let raw_url = raw_url.trim();
    if raw_url.is_empty() {
        return None;
    }
    let plain = |name: &str| {
        media
            .str(name)
            .map(|t| html::to_plain_text(&t))
            .filter(|t| !t.is_empty())
    };
    let caption = plain("caption");
    let (url, embed_text) = if raw_url.starts_with('<') {
        let urls = html::linked_urls(raw_url);
        // A tweet's own link is its status; other embeds name theirs first.
        let chosen = urls
            .iter()
            .find(|u| u.contains("/status/"))
            .or(urls.first())
            .cloned();
        let Some(first) = chosen else {
            importer.warning(
                &format!("{path}.url"),
                "an embed code without a link: its text is kept, the embed is not",
            );
            return None;
        };
        importer.warning(
            &format!("{path}.url"),
            format!("embed code replaced by its link {first}"),
        );
        (
            first,
            Some(html::to_plain_text(raw_url)).filter(|t| !t.is_empty()),
        )
    } else if let Some(url) = importer.safe_url(&format!("{path}.url"), raw_url) {
        (url, None)
    } else {
        return None;
    };
    let caption = caption.or(embed_text);
    let alt = plain("alt")
        .or_else(|| caption.clone())
        .or_else(|| headline.map(str::to_owned));
    let optional_url = |importer: &mut Importer, name: &str| {
        let value = media.str(name).filter(|u| !u.trim().is_empty())?;
        importer.safe_url(&format!("{path}.{name}"), value.trim())
    };
    let thumbnail = optional_url(importer, "thumbnail");
    let link = optional_url(importer, "link");
    Some(Media {
        url,
        kind: None,
        alt: alt.map(Text::Plain),
        caption: caption.map(Text::Plain),
        credit: plain("credit").map(Text::Plain),
        width: None,
        height: None,
        thumbnail,
        title: plain("title").map(Text::Plain),
        link,
    })
}

pub(super) fn import_background(
    importer: &mut Importer,
    path: &str,
    value: Raw<'_>,
) -> Option<Background> {
    let value = Object::of(Some(value));
    let url = value
        .str("url")
        .filter(|u| !u.trim().is_empty())
        .and_then(|u| importer.safe_url(&format!("{path}.url"), u.trim()));
    let color = value.str("color").and_then(|c| {
        let c = c.trim();
        let hex = c.strip_prefix('#')?;
        let valid =
            (hex.len() == 6 || hex.len() == 3) && hex.bytes().all(|b| b.is_ascii_hexdigit());
        if !valid {
            importer.warning(
                &format!("{path}.color"),
                format!("{c:?} is not a #rrggbb colour; dropped"),
            );
            return None;
        }
        Some(if hex.len() == 3 {
            let mut long = String::from("#");
            for ch in hex.chars() {
                long.push(ch);
                long.push(ch);
            }
            long.to_ascii_lowercase()
        } else {
            c.to_ascii_lowercase()
        })
    });
    (url.is_some() || color.is_some()).then_some(Background { url, color })
}
