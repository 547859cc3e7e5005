//! The peers' own example files (shared/fixtures/anchors, beside this repo),
//! imported unchanged: every event and slide comes through, valid.

use std::path::PathBuf;

use mapline::import::{SourceFormat, detect, load_any};
use mapline::model::{SlideType, SourceFile, TimelineScale, has_errors};

fn anchor(name: &str) -> SourceFile {
    let dir = std::env::var_os("MAPLINE_ANCHORS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/anchors")
        });
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    SourceFile::new(name, text)
}

fn raw(file: &SourceFile) -> serde_json::Value {
    serde_json::from_str(&file.text).expect("the anchor is JSON")
}

#[test]
fn timelinejs_all_media_types_imports_every_event() {
    let file = anchor("TimelineJS3-all-media-types.json");
    assert_eq!(detect(&file.text), SourceFormat::TimelineJs);
    let loaded = load_any(std::slice::from_ref(&file));
    assert!(!has_errors(&loaded.problems), "{:#?}", loaded.problems);
    let timeline = &loaded.dataset.timelines[0];
    let source = raw(&file);
    let events = source["events"].as_array().expect("events");
    assert_eq!(timeline.events.len(), events.len());
    // Headlines come through as text, in order, and unique_id is kept as the id.
    for (event, original) in timeline.events.iter().zip(events) {
        let headline = original["text"]["headline"].as_str().unwrap_or_default();
        if !headline.is_empty() && !headline.contains('<') {
            assert_eq!(event.headline.resolve("en"), headline);
        }
        if let Some(unique) = original["unique_id"].as_str() {
            assert_eq!(event.id, unique);
        }
    }
    assert_eq!(timeline.title.resolve("en"), "TimelineJS Media Types");
    // Year-only dates keep their precision; months come through.
    assert!(timeline.events.iter().any(|e| e.date.to_string() == "1901"));
    assert!(
        timeline
            .events
            .iter()
            .any(|e| e.date.to_string() == "1919-07")
    );
    // Groups and backgrounds are kept.
    assert!(timeline.events.iter().filter(|e| e.group.is_some()).count() >= 28);
    assert!(
        timeline
            .events
            .iter()
            .any(|e| e.background.as_ref().and_then(|b| b.color.as_deref()) == Some("#f45b69"))
    );
    // No markup survives into the text.
    for event in &timeline.events {
        let text = event
            .text
            .as_ref()
            .map(|t| t.resolve("en").to_owned())
            .unwrap_or_default();
        assert!(
            !text.contains('<') || text.contains("\\<") || !text.contains('>'),
            "markup left in {}: {text}",
            event.id
        );
    }
}

#[test]
fn timelinejs_eras_keep_their_spans() {
    let file = anchor("TimelineJS3-eras.json");
    let loaded = load_any(std::slice::from_ref(&file));
    assert!(!has_errors(&loaded.problems), "{:#?}", loaded.problems);
    let timeline = &loaded.dataset.timelines[0];
    assert_eq!(timeline.eras.len(), 3);
    assert_eq!(timeline.eras[0].date.to_string(), "0650");
    assert_eq!(
        timeline.eras[0].end_date.map(|d| d.to_string()).as_deref(),
        Some("0700")
    );
    assert_eq!(timeline.scale, TimelineScale::Human);
    let source = raw(&file);
    let events = source["events"].as_array().expect("events");
    assert_eq!(timeline.events.len(), events.len());
    for (event, original) in timeline.events.iter().zip(events) {
        assert_eq!(
            event.end_date.is_some(),
            original.get("end_date").is_some(),
            "{}",
            event.id
        );
    }
}

#[test]
fn storymapjs_demo_imports_every_slide() {
    let file = anchor("StoryMapJS-demo.json");
    assert_eq!(detect(&file.text), SourceFormat::StoryMapJs);
    let loaded = load_any(std::slice::from_ref(&file));
    assert!(!has_errors(&loaded.problems), "{:#?}", loaded.problems);
    let story = &loaded.dataset.stories[0];
    assert_eq!(story.slides.len(), 25);
    assert_eq!(story.slides[0].slide_type, SlideType::Overview);
    assert!(story.line, "the demo's locations ask for the line");
    assert!(
        story
            .title
            .resolve("en")
            .starts_with("US Westward Expansion")
    );
    let second = &story.slides[1];
    assert_eq!(
        second.headline.as_ref().map(|h| h.resolve("en")),
        Some("1790")
    );
    let place = second.place.as_ref().expect("a place");
    assert_eq!(
        (place.lat, place.lon, place.zoom),
        (Some(39.275), Some(-76.18667), Some(10.0))
    );
    assert_eq!(second.date.map(|d| d.to_string()).as_deref(), Some("1790"));
    assert_eq!(
        story.slides[0].date.map(|d| d.to_string()).as_deref(),
        Some("1790/2010")
    );
}

/// The importers' documents go to the loader in memory (`Input::Document`).
/// They load exactly as they did when they were written out as JSON and read
/// back: the same dataset and the same problems, for the peers' files and for
/// hostile ones full of problems.
#[test]
fn imported_documents_load_as_if_read_back_from_json() {
    use mapline::import::{IMPORTED_SUFFIX, import_file};
    use mapline::model::load_dataset;

    let hostile = |name: &str| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/hostile")
            .join(name);
        SourceFile::new(name, std::fs::read_to_string(path).expect("fixture"))
    };
    let files = [
        anchor("TimelineJS3-all-media-types.json"),
        anchor("TimelineJS3-eras.json"),
        anchor("StoryMapJS-demo.json"),
        hostile("timeline.json"),
        hostile("storymap.json"),
        // Problems only the checks after the import find: a repeated id, a
        // relative image resolved against the file, an empty headline.
        SourceFile::new(
            "docs/checked.json",
            r#"{"events": [
                {"unique_id": "same", "start_date": {"year": "2001"}, "text": {"headline": "One"}},
                {"unique_id": "same", "start_date": {"year": "2002"}, "text": {"headline": ""},
                 "media": {"url": "img/a.jpg"}}
            ]}"#,
        ),
    ];
    let mut checked_after_import = 0;
    for file in &files {
        let (document, mut expected_problems) = import_file(file).expect("an importable file");
        let text = serde_json::to_string_pretty(&document).expect("serializable");
        let imported_name = format!("{}{IMPORTED_SUFFIX}", file.name);
        let read_back = load_dataset(&[SourceFile::new(imported_name.clone(), text)]);
        checked_after_import += read_back.problems.len();
        for mut problem in read_back.problems {
            problem.file = file.name.clone();
            // Messages name the reader's file too ("first in docs/checked.json").
            problem.message = problem.message.replace(&imported_name, &file.name);
            problem.line = None;
            problem.column = None;
            expected_problems.push(problem);
        }

        let loaded = load_any(std::slice::from_ref(file));
        assert_eq!(loaded.dataset, read_back.dataset, "{}", file.name);
        assert_eq!(loaded.problems, expected_problems, "{}", file.name);
    }
    // The files do exercise the checks that run after the import.
    assert!(checked_after_import > 0);
}

/// The importers read the peers' files through `import::json`; on every object
/// of every example file (and a hostile one) it answers as a parsed `Value`.
#[test]
fn borrowed_json_answers_as_a_parsed_value() {
    use mapline::import::json::parse_object;
    use serde_json::Value;

    fn walk(value: &Value, checked: &mut usize) {
        match value {
            Value::Object(map) => {
                let text = serde_json::to_string(value).expect("serializable");
                let object = parse_object(&text).expect("an object");
                for (key, item) in map {
                    assert!(object.has(key));
                    assert_eq!(object.str(key).as_deref(), item.as_str(), "{key}");
                    assert_eq!(object.bool(key), item.as_bool(), "{key}");
                    assert_eq!(
                        object.objects(key).map(|o| o.len()),
                        item.as_array().map(Vec::len),
                        "{key}"
                    );
                    assert_eq!(
                        object
                            .get(key)
                            .map(|raw| serde_json::from_str::<Value>(raw.get()).expect("JSON")),
                        Some(item.clone())
                    );
                    *checked += 1;
                    walk(item, checked);
                }
                assert!(!object.has("no such key"));
            }
            Value::Array(items) => items.iter().for_each(|item| walk(item, checked)),
            _ => {}
        }
    }
    let mut checked = 0;
    for name in [
        "TimelineJS3-all-media-types.json",
        "TimelineJS3-eras.json",
        "StoryMapJS-demo.json",
    ] {
        walk(&raw(&anchor(name)), &mut checked);
    }
    let hostile = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile/timeline.json"),
    )
    .expect("fixture");
    walk(&serde_json::from_str(&hostile).expect("JSON"), &mut checked);
    assert!(checked > 500, "{checked} fields checked");
}
