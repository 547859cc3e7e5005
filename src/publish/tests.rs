//! The page writer on hostile data and on the sample dataset.

use super::*;
use crate::model::{SourceFile, load_dataset};

const SHELL: &str = "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n  <meta charset=\"utf-8\">\n  <title>Mapline</title>\n  <base href=\"/\">\n<script type=\"module\">\nimport init from '/mapline-web-1.js';\n</script>\n</head>\n<body>\n  <div id=\"app\" data-state=\"loading\" aria-busy=\"true\">\n    <p class=\"boot\" role=\"status\">Loading Mapline…</p>\n  </div>\n</body>\n</html>\n";

const HOSTILE_NAME: &str =
    "<script>alert(\"x\")</script> O'Brien \"Q\" & <img src=x onerror=alert(1)>";

fn hostile_dataset() -> Dataset {
    let manifest = r#"{"format": "mapline/1", "title": "Net </title><script>alert(1)</script>", "files": ["d.json"]}"#;
    let doc = serde_json::json!({
        "format": "mapline/1",
        "members": [{ "id": "m1", "name": HOSTILE_NAME, "country": "BY", "region": "europe-central-asia",
                      "website": "https://example.org/\"><script>", "joined": 2001,
                      "description": "Works on </script><script>alert(2)</script> **cases**." }],
        "cases": [{ "id": "c1", "person": HOSTILE_NAME, "country": "BY", "status": "open",
                    "profession": "journalist\" onmouseover=\"alert(3)",
                    "summary": "Summary with <b>markup</b> & a [link](https://x.org/?a=\"1\").",
                    "members": ["m1"],
                    "outcomes": [{ "id": "o1", "date": "2012-05-04", "kind": "arrest", "headline": "Arrested </h3><script>" },
                                 { "id": "o2", "date": "2013", "kind": "release", "headline": "Released" }] },
                  { "id": "../escape", "person": "Bad id", "country": "BY", "status": "open" }],
        "stories": [{ "id": "s1", "title": "Story \"one\"", "summary": "A story.", "slides": [{ "id": "sl1", "headline": "Slide" },
                                                                                     { "id": "sl2", "headline": "There", "place": { "country": "BY", "name": "Minsk </figcaption><script>" } }] }],
    });
    let loaded = load_dataset(&[
        SourceFile::new("data/manifest.json", manifest),
        SourceFile::new("data/d.json", doc.to_string()),
    ]);
    loaded.dataset
}

fn file<'a>(site: &'a Site, path: &str) -> &'a str {
    site.files
        .iter()
        .find(|(p, _)| p == path)
        .map(|(_, text)| text.as_str())
        .unwrap_or_else(|| {
            panic!(
                "no {path} among {:?}",
                site.files.iter().map(|(p, _)| p).collect::<Vec<_>>()
            )
        })
}

/// Every `<script` tag of a page: the shell's one and the JSON-LD only.
fn script_tags(page: &str) -> Vec<&str> {
    page.match_indices("<script")
        .map(|(at, _)| page[at..].split('>').next().unwrap_or(""))
        .collect()
}

/// The `content` of `<meta {key}="{name}" content="…">`, unescaped.
fn meta(page: &str, key: &str, name: &str) -> Option<String> {
    let needle = format!("<meta {key}=\"{name}\" content=\"");
    let at = page.find(&needle)? + needle.len();
    let raw = page[at..].split('"').next()?;
    Some(
        raw.replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&"),
    )
}

#[test]
fn hostile_text_lands_as_text_in_body_and_head() {
    let dataset = hostile_dataset();
    let site = publish(SHELL, &dataset, Some("https://example.org/net/"), &[])
        .unwrap_or_else(|e| panic!("{e}"));
    for path in [
        "cases/c1/index.html",
        "members/m1/index.html",
        "index.html",
        "stories/s1/index.html",
    ] {
        let page = file(&site, path);
        let tags = script_tags(page);
        assert_eq!(tags.len(), 2, "{path}: {tags:?}");
        assert!(
            tags[0].starts_with("<script type=\"module\" src=\"/app-start-"),
            "{path}"
        );
        assert_eq!(tags[1], "<script type=\"application/ld+json\"", "{path}");
        assert!(!page.contains("<img src=x"), "{path}");
        assert!(!page.contains("onerror=alert(1)>"), "{path}");
        assert!(!page.contains("</title><script"), "{path}");
    }
    let case = file(&site, "cases/c1/index.html");
    // In the body: as text.
    assert!(case.contains(
        "<h1>&lt;script&gt;alert(\"x\")&lt;/script&gt; O'Brien \"Q\" &amp; &lt;img src=x onerror=alert(1)&gt; </h1>"
    ));
    assert!(case.contains("<h3>Arrested &lt;/h3&gt;&lt;script&gt; </h3>"));
    assert!(case.contains("<dd>journalist\" onmouseover=\"alert(3)</dd>"));
    assert!(case.contains(
        "Summary with &lt;b&gt;markup&lt;/b&gt; &amp; a <a href=\"https://x.org/?a=&quot;1&quot;\""
    ));
    // In the head: whole, inside each attribute.
    let title = format!("{HOSTILE_NAME} · Net </title><script>alert(1)</script>");
    assert!(case.contains(&format!("<title>{}</title>", html::text(&title))));
    assert_eq!(
        meta(case, "property", "og:title").as_deref(),
        Some(HOSTILE_NAME)
    );
    assert_eq!(
        meta(case, "name", "twitter:title").as_deref(),
        Some(HOSTILE_NAME)
    );
    assert_eq!(
        meta(case, "name", "description").as_deref(),
        Some("Summary with <b>markup</b> & a link.")
    );
    assert_eq!(
        meta(case, "property", "og:image:alt").as_deref(),
        Some(HOSTILE_NAME)
    );
    // The card: text too.
    let card = file(&site, "cards/cases-c1.svg");
    assert!(!card.contains("<script") && !card.contains("<img"));
    // The JSON-LD: the name comes back whole from the escaped JSON.
    let ld_at = case
        .find("<script type=\"application/ld+json\">")
        .unwrap_or(0)
        + "<script type=\"application/ld+json\">".len();
    let ld_text = case[ld_at..].split("</script>").next().unwrap_or("");
    let ld: serde_json::Value = serde_json::from_str(ld_text).unwrap_or_default();
    assert_eq!(ld["@graph"][0]["name"], HOSTILE_NAME);
    assert_eq!(ld["@graph"][1]["name"], "Arrested </h3><script>");
    let member = file(&site, "members/m1/index.html");
    assert!(member.contains(
        "Works on &lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt; <strong>cases</strong>."
    ));
    assert!(member.contains("href=\"https://example.org/&quot;&gt;&lt;script&gt;\""));
}

#[test]
fn head_tags_name_the_page_its_image_and_its_languages() {
    let dataset = hostile_dataset();
    let site = publish(SHELL, &dataset, Some("https://example.org/net"), &[])
        .unwrap_or_else(|e| panic!("{e}"));
    let case = file(&site, "cases/c1/index.html");
    assert!(case.contains("<link rel=\"canonical\" href=\"https://example.org/net/cases/c1\">"));
    for (lang, href) in [
        ("en", "https://example.org/net/cases/c1"),
        ("fr", "https://example.org/net/cases/c1?lang=fr"),
        ("es", "https://example.org/net/cases/c1?lang=es"),
        ("ar", "https://example.org/net/cases/c1?lang=ar"),
        ("x-default", "https://example.org/net/cases/c1"),
    ] {
        assert!(
            case.contains(&format!(
                "<link rel=\"alternate\" hreflang=\"{lang}\" href=\"{href}\">"
            )),
            "{lang}"
        );
    }
    assert_eq!(
        meta(case, "property", "og:url").as_deref(),
        Some("https://example.org/net/cases/c1")
    );
    assert_eq!(
        meta(case, "property", "og:type").as_deref(),
        Some("article")
    );
    assert_eq!(
        meta(case, "property", "og:image").as_deref(),
        Some("https://example.org/net/cards/cases-c1.svg")
    );
    assert_eq!(
        meta(case, "name", "twitter:card").as_deref(),
        Some("summary_large_image")
    );
    assert_eq!(
        meta(case, "property", "og:image:width").as_deref(),
        Some("1200")
    );
    // Dated outcomes are Events with ISO dates.
    assert!(case.contains("\"@type\":\"Event\""));
    assert!(case.contains("\"startDate\":\"2012-05-04\""));
    assert!(case.contains("\"startDate\":\"2013\""));
    let member = file(&site, "members/m1/index.html");
    assert!(member.contains("\"@type\":\"Organization\""));
    assert_eq!(
        meta(member, "property", "og:type").as_deref(),
        Some("profile")
    );
    let story = file(&site, "stories/s1/index.html");
    assert!(story.contains("\"@type\":\"Article\""));
    // Without the atlas to draw its places, a story's map is the app's
    // alone: it starts after the first paint, not on input.
    assert!(!story.contains("data-start"));
    assert!(!story.contains("<script>alert") && !story.contains("Minsk </figcaption>"));
    assert!(story.contains(
        "<title>Story \"one\" · Net &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"
    ));
    // The shell's #app holds the page, ready for the app to take over.
    assert!(case.contains("<div data-start=\"input\" id=\"app\" data-state=\"loading\" aria-busy=\"false\" data-published=\"\"><div class=\"published\"><a class=\"skip-link\" href=\"/cases/c1#main\">"));
    assert!(!case.contains("Loading Mapline"));
}

#[test]
fn the_sitemap_lists_every_page_and_unsafe_ids_stay_with_the_app() {
    let dataset = hostile_dataset();
    let site = publish(SHELL, &dataset, Some("https://example.org"), &[])
        .unwrap_or_else(|e| panic!("{e}"));
    let sitemap = file(&site, "sitemap.xml");
    for route in [
        "/",
        "/map",
        "/timeline",
        "/stories",
        "/galleries",
        "/campaigns",
        "/cases/c1",
        "/members/m1",
        "/stories/s1",
    ] {
        assert!(
            sitemap.contains(&format!("<loc>https://example.org{route}</loc>")),
            "{route}"
        );
    }
    assert_eq!(sitemap.matches("<loc>").count(), site.pages);
    assert!(!sitemap.contains("escape"));
    assert!(!site.files.iter().any(|(p, _)| p.contains("..")));
    assert_eq!(site.skipped.len(), 1, "{:?}", site.skipped);
    assert!(file(&site, "robots.txt").contains("Sitemap: https://example.org/sitemap.xml"));
    assert!(
        !is_safe_folder("..")
            && !is_safe_folder("a/b")
            && !is_safe_folder("")
            && is_safe_folder("iryna-khalip")
    );
}

#[test]
fn without_a_base_url_no_address_is_made_up() {
    let dataset = hostile_dataset();
    let shell = SHELL.replace("<base href=\"/\">", "<base href=\"/sub/\">");
    let site = publish(&shell, &dataset, None, &[]).unwrap_or_else(|e| panic!("{e}"));
    let case = file(&site, "cases/c1/index.html");
    assert!(
        !case.contains("rel=\"canonical\"")
            && !case.contains("hreflang")
            && !case.contains("og:url")
    );
    assert_eq!(
        meta(case, "property", "og:image").as_deref(),
        Some("/sub/cards/cases-c1.svg")
    );
    assert!(case.contains("<a href=\"/sub/timeline?event=o1\" class=\"event-on-timeline\">"));
    assert!(!site.files.iter().any(|(p, _)| p == "sitemap.xml"));
    assert_eq!(
        file(&site, "robots.txt"),
        "User-agent: *\nDisallow: /sub/preview\n"
    );
}

fn sample() -> Dataset {
    crate::model::sample::dataset()
}

/// The bundled atlas' country shapes, as the build gives them to publish.
fn world() -> Vec<crate::geo::topojson::Shape> {
    let atlas = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/node_modules/world-atlas/countries-110m.json"
    ))
    .expect("node_modules/world-atlas is installed by scripts/setup (npm ci)");
    crate::geo::topojson::decode(&atlas, "countries").unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_record_of_the_sample_data_has_its_page() {
    let dataset = sample();
    let world = world();
    let site = publish(SHELL, &dataset, Some("https://mapline.example"), &world)
        .unwrap_or_else(|e| panic!("{e}"));
    let d = &dataset;
    let expected = 6
        + d.stories.len()
        + d.galleries.len()
        + d.cases.len()
        + d.members.len()
        + d.campaigns.len();
    assert_eq!(site.pages, expected);
    assert!(site.skipped.is_empty());
    let case = file(&site, "cases/iryna-khalip/index.html");
    assert!(case.contains("<h1>Iryna Khalip </h1>"));
    assert!(case.contains("<dt>Country</dt><dd>Belarus</dd>"));
    assert!(case.contains("<dd data-status=\"Resolved\">Resolved</dd>"));
    assert!(case.contains("<p class=\"event-date\">"));
    // Its photo is its share image, with its size and alt text.
    assert_eq!(
        meta(case, "property", "og:image").as_deref(),
        Some("https://mapline.example/data/images/idei-belarus.jpg")
    );
    assert!(case.contains("<img src=\"data/images/idei-belarus.jpg\" alt=\"Abstract green"));
    assert!(case.contains("width=\"800\" height=\"1200\""));
    assert_eq!(
        meta(case, "property", "og:title").as_deref(),
        Some("Iryna Khalip")
    );
    assert!(case.contains("<title>Iryna Khalip · IFEX network</title>"));
    let description = meta(case, "name", "description").unwrap_or_default();
    assert!(
        description.starts_with("Belarusian journalist") && description.chars().count() <= 161,
        "{description}"
    );
    // Its locator map is drawn, as the app draws it: Belarus shaded, a dot
    // for Minsk, a label in words.
    let locator = case
        .split("<div class=\"locator-frame\">")
        .nth(1)
        .and_then(|rest| rest.split("</div>").next())
        .unwrap_or_default();
    assert!(
        locator.starts_with(
            "<svg class=\"locator\" viewBox=\"0 0 600 400\" role=\"img\" aria-label=\""
        ) && locator.matches("<path d=\"M").count() > 3
            && locator.matches("class=\"locator-country\"").count() == 1
            && locator.contains("Belarus")
            && locator.ends_with("</svg>"),
        "{locator}"
    );
    // The home page and a campaign carry the app's outcome charts, each
    // with its table: they need no app to be whole.
    let home = file(&site, "index.html");
    let campaign = file(&site, "campaigns/idei-2012/index.html");
    for (page, id) in [(home, "home-results"), (campaign, "campaign-results")] {
        assert!(
            page.contains(&format!(
                "<section class=\"infographic\" aria-labelledby=\"{id}-heading\">"
            )),
            "{id}"
        );
        assert_eq!(page.matches("<figure class=\"chart\"").count(), 3, "{id}");
        assert!(
            page.contains("<g class=\"bar\" tabindex=\"0\" role=\"img\" aria-label=\""),
            "{id}"
        );
        assert!(page.contains("<table class=\"data\">"), "{id}");
        assert!(
            page.contains("<div data-start=\"input\" id=\"app\""),
            "{id}"
        );
    }
    // The kinds' bars hold every outcome of the sample's cases.
    let outcomes: usize = d.cases.iter().map(|c| c.outcomes.len()).sum();
    let home_kinds = home
        .split("data-chart=\"home-results-kind\"")
        .nth(1)
        .and_then(|rest| rest.split("</figure>").next())
        .unwrap_or_default();
    let counted: usize = home_kinds
        .split("<td>")
        .skip(1)
        .filter_map(|cell| {
            cell.split("</td>")
                .next()?
                .replace(',', "")
                .parse::<usize>()
                .ok()
        })
        .sum();
    assert_eq!(counted, outcomes);
    for m in &d.members {
        let page = file(&site, &format!("members/{}/index.html", m.id));
        assert!(page.contains("<article class=\"member\""));
        assert!(page.contains("<svg class=\"locator\""), "{}", m.id);
    }
}

#[test]
fn the_map_page_is_whole_with_its_picture_and_waits_for_input() {
    let dataset = sample();
    let world = world();
    let site = publish(SHELL, &dataset, None, &world).unwrap_or_else(|e| panic!("{e}"));
    let map = file(&site, "map/index.html");
    // The picture, labelled and described as the live map is, in the live
    // map's frame, one path per colour (the neutral land and the four
    // classes the sample uses) and the legend's five swatches.
    let svg = map
        .split("<div class=\"map-canvas\">")
        .nth(1)
        .and_then(|rest| rest.split("</svg>").next())
        .unwrap_or_default();
    assert!(
        svg.starts_with("<svg class=\"map-overview\" viewBox=\"0 0 1000 ")
            && svg.contains("role=\"img\" aria-label=\"Map of the member countries\" aria-describedby=\"map-help\""),
        "{}",
        &svg[..svg.len().min(300)]
    );
    let mut drawn = 0;
    for (_, colour) in crate::map::CLASSES
        .iter()
        .chain([&(0, crate::map::NEUTRAL)])
    {
        let paths = svg.matches(&format!("<path fill=\"{colour}\"")).count();
        assert!(paths <= 1, "{colour}");
        drawn += paths
            + svg
                .matches(&format!("<circle fill=\"{colour}\""))
                .count()
                .min(1);
        assert!(
            map.contains(&format!("style=\"background-color: {colour}\"")),
            "{colour}"
        );
    }
    assert!(drawn >= 4, "the neutral land and the sample's classes");
    assert!(map.contains("<p id=\"map-help\" class=\"map-help\">"));
    // The filters' room is held, disabled, with the sample's campaigns.
    let filters = map
        .split("<fieldset class=\"map-filters\" disabled>")
        .nth(1)
        .and_then(|rest| rest.split("</fieldset>").next())
        .unwrap_or_default();
    assert_eq!(filters.matches("<select>").count(), 4, "{filters}");
    for campaign in &dataset.campaigns {
        let name = campaign.name.resolve("en");
        assert!(filters.contains(&html::text(name)), "{name}");
    }
    // Whole as HTML: the app waits for the reader's first input.
    assert!(map.contains("<div data-start=\"input\" id=\"app\""));
    // Without an atlas there is no picture, and the app draws the map at once.
    let bare = publish(SHELL, &dataset, None, &[]).unwrap_or_else(|e| panic!("{e}"));
    let bare = file(&bare, "map/index.html");
    assert!(!bare.contains("map-overview") && !bare.contains("data-start=\"input\""));
    assert!(bare.contains("<h2>Countries with members</h2>"));
}

#[test]
fn a_story_page_draws_each_slides_place_and_waits_for_input() {
    let dataset = sample();
    let site = publish(SHELL, &dataset, None, &world()).unwrap_or_else(|e| panic!("{e}"));
    for story in &dataset.stories {
        let page = file(&site, &format!("stories/{}/index.html", story.id));
        assert!(
            page.contains("<div data-start=\"input\" id=\"app\""),
            "{}",
            story.id
        );
        let slides: Vec<&str> = page.split("<li class=\"slide\"").skip(1).collect();
        assert_eq!(slides.len(), story.slides.len());
        for (slide, html) in story.slides.iter().zip(&slides) {
            let drawn = html.contains("<figure class=\"locator-figure slide-locator\"><div class=\"locator-frame\"><svg class=\"locator\"");
            assert_eq!(drawn, slide.place.is_some(), "{}: {}", story.id, slide.id);
            let Some(place) = &slide.place else { continue };
            // Captioned with its name, else its country; a dot where it is.
            let caption = place
                .name
                .as_ref()
                .map(|n| n.resolve("en").to_owned())
                .or_else(|| {
                    place
                        .country
                        .as_deref()
                        .map(|c| crate::countries::name_or_code(c).to_owned())
                })
                .unwrap_or_default();
            assert!(
                html.contains(&format!(
                    "<figcaption>{}</figcaption>",
                    html::text(&caption)
                )),
                "{}",
                slide.id
            );
            assert!(
                html.contains("<circle class=\"locator-dot\""),
                "{}",
                slide.id
            );
            if place.country.is_some() {
                assert_eq!(
                    html.matches("class=\"locator-country\"").count(),
                    1,
                    "{}",
                    slide.id
                );
            }
        }
    }
}

#[test]
fn summaries_are_cut_at_a_word() {
    assert_eq!(pages::summary_line("A **b**\n\nc"), "A b c");
    let long = "word ".repeat(60);
    let line = pages::summary_line(&long);
    assert!(
        line.ends_with("word…") && line.chars().count() <= 161,
        "{line}"
    );
}
