//! Whatever the input, the model's parsers return (values or problems) and never panic.

use mapline::model::locate::locate;
use mapline::model::url::{is_safe_url, resolve};
use mapline::model::{Date, SourceFile, load_dataset, markdown, parse_manifest};
use proptest::prelude::*;
use serde_json::{Map, Value};

/// Field names and values of the format, so generated JSON reaches deep into the types.
const KEYS: &[&str] = &[
    "format",
    "files",
    "tiles",
    "basemap",
    "pmtiles",
    "alliances",
    "members",
    "cases",
    "campaigns",
    "stories",
    "galleries",
    "timelines",
    "id",
    "name",
    "country",
    "region",
    "coordinates",
    "lat",
    "lon",
    "zoom",
    "alliances",
    "status",
    "outcomes",
    "kind",
    "date",
    "end_date",
    "headline",
    "text",
    "url",
    "alt",
    "media",
    "photos",
    "cover",
    "slides",
    "place",
    "sources",
    "background",
    "color",
    "events",
    "eras",
    "results",
    "case",
    "featured_cases",
    "milestones",
    "gallery",
    "person",
    "title",
    "en",
    "fr",
];

fn interesting_string() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("mapline/1".to_string()),
        Just("KZ".to_string()),
        Just("africa".to_string()),
        Just("open".to_string()),
        Just("arrest".to_string()),
        Just("2012-11-02".to_string()),
        Just("Y-13800000000".to_string()),
        Just("2011/..".to_string()),
        Just("javascript:alert(1)".to_string()),
        Just("[x](javascript:1) **a *b".to_string()),
        "[ -~]{0,12}",
        any::<String>(),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        interesting_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..8).prop_map(|entries| {
                let map: Map<String, Value> = entries
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .collect();
                Value::Object(map)
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let manifest = parse_manifest("m.json", &text);
        prop_assert!(manifest.is_ok() || manifest.err().is_some_and(|p| !p.is_empty()));
        let loaded = load_dataset(&[SourceFile::new("d.json", text.clone())]);
        prop_assert!(loaded.dataset.members.len() <= text.len());
        let _ = Date::parse(&text).map(|d| (d.label(), d.start_days(), d.end_days()));
        let blocks = markdown::parse(&text);
        prop_assert!(markdown::plain_text(&blocks).len() <= text.len() * 4 + 16);
        let _ = locate(&text, "members[0].name.en");
        let _ = resolve(&text, &text);
        let _ = is_safe_url(&text);
    }

    #[test]
    fn arbitrary_json_never_panics(value in json_value()) {
        let text = value.to_string();
        let _ = parse_manifest("m.json", &text);
        let loaded = load_dataset(&[SourceFile::new("data/d.json", text.clone())]);
        for problem in &loaded.problems {
            prop_assert!(!problem.message.is_empty());
            prop_assert!(problem.file == "data/d.json");
        }
        let _ = loaded.dataset.to_string();
    }

    #[test]
    fn arbitrary_documents_never_panic(
        collections in prop::collection::vec(
            (prop::sample::select(&["alliances", "members", "cases", "campaigns", "stories", "galleries", "timelines"][..]),
             prop::collection::vec(json_value(), 0..4)),
            0..5),
    ) {
        let mut document = Map::new();
        document.insert("format".into(), Value::from("mapline/1"));
        for (key, records) in collections {
            document.insert(key.to_string(), Value::Array(records));
        }
        let text = serde_json::to_string_pretty(&Value::Object(document)).unwrap_or_default();
        let loaded = load_dataset(&[SourceFile::new("d.json", text)]);
        // Whatever loaded writes out again and reloads without new errors of its own making.
        let written = serde_json::to_string(&loaded.dataset.to_document()).unwrap_or_default();
        let again = load_dataset(&[SourceFile::new("d.json", written)]);
        prop_assert_eq!(again.dataset.stats(), loaded.dataset.stats());
    }

    #[test]
    fn dates_from_date_like_text_never_panic(text in "[-Y0-9?~%./T:]{0,24}") {
        if let Ok(date) = Date::parse(&text) {
            prop_assert!(date.start_days().is_finite() && date.end_days().is_finite());
            prop_assert!(!date.label().is_empty());
            prop_assert_eq!(Date::parse(&date.to_string()).ok(), Some(date));
        }
    }

    #[test]
    fn markdown_from_markup_soup_never_panics(text in "[*_\\[\\]()\\\\\n a-c:/-]{0,64}") {
        let blocks = markdown::parse(&text);
        let plain = markdown::plain_text(&blocks);
        prop_assert!(plain.chars().count() <= text.chars().count());
    }

    #[test]
    fn html_soup_never_leaks_scripts_or_attributes(soup in "[/a-z =&#;!-]{0,60}", markup in "[<>/a-z =\"'&#;!-]{0,60}") {
        // Script content and attribute values never reach the output. (Around
        // unbalanced markup a browser too would read `<script>` as part of a tag,
        // so that case is only checked for panics below.)
        let html = format!(r#"{soup}<script>SECRETA</script><img src=x onerror="SECRETB">{soup}<a href="javascript:SECRETC">t</a>"#);
        for out in [mapline::import::html::to_markdown(&html), mapline::import::html::to_plain_text(&html)] {
            prop_assert!(!out.contains("SECRET"), "{:?} → {:?}", html, out);
        }
        for odd in [mapline::import::html::to_markdown(&markup), mapline::import::html::to_plain_text(&markup)] {
            prop_assert!(odd.len() <= markup.len() * 4 + 4);
        }
        let _ = mapline::import::html::linked_urls(&markup);
    }

    #[test]
    fn arbitrary_peer_documents_never_panic(
        events in prop::collection::vec(json_value(), 0..4),
        slides in prop::collection::vec(json_value(), 0..4),
    ) {
        let timeline = serde_json::json!({"title": {"text": {"headline": "t"}}, "events": events, "eras": slides.clone()});
        let storymap = serde_json::json!({"storymap": {"slides": slides}});
        for root in [timeline, storymap] {
            let loaded = mapline::import::load_any(&[SourceFile::new("peer.json", root.to_string())]);
            for problem in &loaded.problems {
                prop_assert!(!problem.message.is_empty());
            }
        }
    }

    #[test]
    fn file_names_from_all_of_unicode_never_panic(
        stem in "\\PC{0,12}",
        extension in prop::sample::select(&["", ".csv", ".CSV", ".json", ".js", ".é", ".🗺️", "é", "🗺️", "\u{301}"][..]),
        query in prop::sample::select(&["", "?x=é", "#🗺️"][..]),
        body in prop::sample::select(&[
            "Year,Headline\n2012,é\n",
            r#"{"events": [{"start_date": {"year": "2012"}, "text": {"headline": "é"}}]}"#,
            r#"{"storymap": {"slides": [{"location": {"lat": "NaN", "lon": 1e308, "zoom": -5}}]}}"#,
            r#"{"format": "mapline/1", "files": ["é.csv", "🗺️"]}"#,
            "",
        ][..]),
    ) {
        // Names with no extension, ending in multi-byte characters, in any
        // script: every place a name is inspected must be char-aware.
        let name = format!("{stem}{extension}{query}");
        let _ = mapline::import::is_csv(&name);
        let files = [SourceFile::new(name.clone(), body), SourceFile::new(format!("{name}{name}"), body)];
        let loaded = mapline::import::load_any(&files);
        for problem in &loaded.problems {
            prop_assert!(!problem.message.is_empty());
            prop_assert!(problem.file == name || problem.file == format!("{name}{name}"), "{}", problem.file);
        }
        let (text, _) = mapline::model::decode_text(&name, body.as_bytes());
        prop_assert_eq!(text, body);
    }

    #[test]
    fn non_ascii_html_soup_never_panics(soup in "[<>/a-zé🗺️\u{301}\u{200F}ا-ي =\"'&#;!\\-\\[\\]\\(\\)*_`\\\\]{0,80}") {
        for out in [mapline::import::html::to_markdown(&soup), mapline::import::html::to_plain_text(&soup)] {
            prop_assert!(out.len() <= soup.len() * 4 + 4, "{:?} → {:?}", soup, out);
        }
        let _ = mapline::import::html::linked_urls(&soup);
        let blocks = markdown::parse(&soup);
        let _ = markdown::plain_text(&blocks);
    }

    #[test]
    fn broken_bytes_keep_their_valid_text(
        before in "\\PC{0,20}",
        bad in prop::collection::vec(0x80u8..=0xFF, 1..4),
        after in "\\PC{0,20}",
    ) {
        let mut bytes = before.clone().into_bytes();
        bytes.extend(&bad);
        bytes.extend(after.as_bytes());
        let (text, problem) = mapline::model::decode_text("f.json", &bytes);
        prop_assert!(text.starts_with(&before));
        if std::str::from_utf8(&bytes).is_err() {
            let problem = problem.expect("a problem for bad bytes");
            prop_assert!(problem.is_error());
            prop_assert!(problem.line.is_some() && problem.column.is_some());
        }
    }
}
