//! The `<head>` of a published page: title, description, canonical address,
//! Open Graph and Twitter card tags with an image, `hreflang` alternates for
//! each interface language (`?lang=`) and the JSON-LD. Every value is
//! escaped for its attribute ([`attr`]) or script ([`json_script`]).

use serde_json::{Value, json};

use super::html::{attr, json_script, text};
use super::{Page, PageKind, Settings};
use crate::i18n::Lang;
use crate::model::date::Point;

/// A date point as ISO 8601 (`2013`, `2013-05`, `2013-05-04`), for
/// schema.org; `None` for years outside 0…9999.
pub fn iso_date(point: &Point) -> Option<String> {
    if !(0..=9999).contains(&point.year) {
        return None;
    }
    Some(match (point.month, point.day) {
        (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", point.year),
        (Some(m), None) => format!("{:04}-{m:02}", point.year),
        _ => format!("{:04}", point.year),
    })
}

/// The absolute address of a path below the public URL (`/cases/x`,
/// `data/images/a.jpg`), when the deployment's address is known.
pub fn absolute(settings: &Settings, path: &str) -> Option<String> {
    let base = settings.base_url.as_deref()?;
    Some(format!(
        "{}/{}",
        base.trim_end_matches('/'),
        path.trim_start_matches('/')
    ))
}

/// The tags for `page`, to go before `</head>`; `image_path` is the share
/// image's path below the public URL (the record's photo or its card).
pub fn head_tags(
    page: &Page,
    settings: &Settings,
    image_path: &str,
    image_size: (Option<u32>, Option<u32>),
    image_alt: &str,
) -> String {
    let mut tags = Vec::new();
    let meta =
        |name: &str, content: &str| format!("<meta name=\"{name}\" content=\"{}\">", attr(content));
    let property = |name: &str, content: &str| {
        format!("<meta property=\"{name}\" content=\"{}\">", attr(content))
    };
    if !page.description.is_empty() {
        tags.push(meta("description", &page.description));
    }
    if let Some(src) = &page.preload {
        tags.push(format!(
            "<link rel=\"preload\" as=\"image\" href=\"{}\" fetchpriority=\"high\">",
            attr(src)
        ));
    }
    // The app shows the same page whatever the query: `?data=` and
    // `?source=` pages are the reader's own, not this one.
    let url = absolute(settings, &page.route);
    if let Some(url) = &url {
        tags.push(format!("<link rel=\"canonical\" href=\"{}\">", attr(url)));
        for lang in Lang::ALL {
            tags.push(format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
                lang.code(),
                attr(&with_lang(url, lang))
            ));
        }
        tags.push(format!(
            "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">",
            attr(url)
        ));
    }
    // Share cards: an absolute image address when the deployment's is
    // known; else the path under the public URL (what the page itself uses).
    let image = absolute(settings, image_path).unwrap_or_else(|| {
        format!(
            "{}/{}",
            settings.public_path,
            image_path.trim_start_matches('/')
        )
    });
    tags.push(property(
        "og:type",
        match page.kind {
            PageKind::Article => "article",
            PageKind::Profile => "profile",
            PageKind::Website => "website",
        },
    ));
    tags.push(property("og:title", &page.heading_or_title()));
    tags.push(property("og:site_name", &settings.site_title));
    if !page.description.is_empty() {
        tags.push(property("og:description", &page.description));
    }
    if let Some(url) = &url {
        tags.push(property("og:url", url));
    }
    tags.push(property("og:locale", "en"));
    for lang in Lang::ALL.iter().skip(1) {
        tags.push(property("og:locale:alternate", lang.code()));
    }
    tags.push(property("og:image", &image));
    if let (Some(w), Some(h)) = image_size {
        tags.push(property("og:image:width", &w.to_string()));
        tags.push(property("og:image:height", &h.to_string()));
    }
    if !image_alt.is_empty() {
        tags.push(property("og:image:alt", image_alt));
    }
    tags.push(meta("twitter:card", "summary_large_image"));
    tags.push(meta("twitter:title", &page.heading_or_title()));
    if !page.description.is_empty() {
        tags.push(meta("twitter:description", &page.description));
    }
    tags.push(meta("twitter:image", &image));
    if !image_alt.is_empty() {
        tags.push(meta("twitter:image:alt", image_alt));
    }
    if !page.json_ld.is_empty() {
        let mut graph: Vec<Value> = page.json_ld.clone();
        for item in &mut graph {
            if let (Some(url), Some(kind)) = (&url, item.get("@type").and_then(Value::as_str))
                && matches!(kind, "Article" | "WebSite" | "ImageGallery")
            {
                item["url"] = json!(url);
            }
            if item.get("@type").and_then(Value::as_str) == Some("Article") {
                item["image"] = json!(image);
            }
        }
        let ld = json!({ "@context": "https://schema.org", "@graph": graph });
        tags.push(format!(
            "<script type=\"application/ld+json\">{}</script>",
            json_script(&ld)
        ));
    }
    tags.push("<meta name=\"generator\" content=\"mapline publish\">".to_owned());
    tags.join("\n  ")
}

/// The `<title>` element.
pub fn title_tag(page: &Page) -> String {
    format!("<title>{}</title>", text(&page.title))
}

/// `url` with `?lang=<code>` (the app's way to choose the language).
fn with_lang(url: &str, lang: Lang) -> String {
    // English is the published text: its alternate is the page itself.
    if lang == Lang::En {
        return url.to_owned();
    }
    let joiner = if url.contains('?') { '&' } else { '?' };
    format!("{url}{joiner}lang={}", lang.code())
}
