//! One test per validation rule of the loader (docs/data-format.md).

use mapline::model::{
    Loaded, OutcomeKind, Problem, Severity, SourceFile, has_errors, load_dataset,
};

const FILE: &str = "data/t.json";

fn load(document: &str) -> Loaded {
    load_dataset(&[SourceFile::new(FILE, document)])
}

/// The problems at exactly this path.
fn at<'a>(loaded: &'a Loaded, path: &str) -> Vec<&'a Problem> {
    loaded.problems.iter().filter(|p| p.path == path).collect()
}

fn assert_error(loaded: &Loaded, path: &str, needle: &str) {
    let found = at(loaded, path);
    assert!(
        found
            .iter()
            .any(|p| p.severity == Severity::Error && p.message.contains(needle)),
        "expected an error at {path} containing {needle:?}, got {:#?}",
        loaded.problems
    );
}

fn assert_clean(loaded: &Loaded) {
    assert!(
        loaded.problems.is_empty(),
        "expected no problems, got {:#?}",
        loaded.problems
    );
}

const MEMBER: &str =
    r#"{"id": "adil-soz", "name": "Adil Soz", "country": "KZ", "region": "europe-central-asia"}"#;

#[test]
fn a_valid_document_has_no_problems() {
    let loaded = load(&format!(
        r#"{{"format": "mapline/1", "members": [{MEMBER}]}}"#
    ));
    assert_clean(&loaded);
    assert_eq!(loaded.dataset.members.len(), 1);
}

#[test]
fn unknown_country_code() {
    let loaded = load(
        r#"{"format": "mapline/1", "members": [
  {"id": "a", "name": "A", "country": "XX", "region": "africa"},
  {"id": "b", "name": "B", "country": "kz", "region": "africa"}],
 "cases": [{"id": "c", "person": "P", "country": "KZ", "status": "open", "place": {"country": "QQ"}}]}"#,
    );
    assert_error(&loaded, "members[0].country", "unknown country code \"XX\"");
    assert_error(&loaded, "members[1].country", "(codes are uppercase)");
    assert_error(
        &loaded,
        "cases[0].place.country",
        "unknown country code \"QQ\"",
    );
    assert_eq!(
        loaded.dataset.members.len(),
        2,
        "semantic problems keep the record"
    );
}

#[test]
fn duplicate_ids_per_collection() {
    let loaded = load(&format!(
        r#"{{"format": "mapline/1", "members": [{MEMBER}, {MEMBER}],
 "cases": [{{"id": "adil-soz", "person": "P", "country": "KZ", "status": "open"}}]}}"#
    ));
    assert_error(
        &loaded,
        "members[1].id",
        "duplicate member id \"adil-soz\" (first in data/t.json at members[0])",
    );
    assert_eq!(
        loaded.problems.len(),
        1,
        "the same id in another collection is fine: {:#?}",
        loaded.problems
    );
}

#[test]
fn duplicate_ids_across_files() {
    let a = SourceFile::new(
        "a.json",
        format!(r#"{{"format": "mapline/1", "members": [{MEMBER}]}}"#),
    );
    let b = SourceFile::new(
        "b.json",
        format!(r#"{{"format": "mapline/1", "members": [{MEMBER}]}}"#),
    );
    let loaded = load_dataset(&[a, b]);
    assert_eq!(loaded.problems.len(), 1);
    let problem = &loaded.problems[0];
    assert_eq!(
        (problem.file.as_str(), problem.path.as_str()),
        ("b.json", "members[0].id")
    );
    assert!(problem.message.contains("first in a.json"));
}

#[test]
fn event_ids_are_unique_across_all_events() {
    let loaded = load(
        r#"{"format": "mapline/1",
 "cases": [{"id": "c", "person": "P", "country": "KZ", "status": "open",
   "outcomes": [{"id": "e1", "date": "2012", "kind": "arrest", "headline": "Arrested"}]}],
 "timelines": [{"id": "t", "title": "T", "events": [{"id": "e1", "date": "2013", "headline": "H"}]}]}"#,
    );
    assert_error(
        &loaded,
        "timelines[0].events[0].id",
        "duplicate event id \"e1\"",
    );
}

#[test]
fn dangling_references() {
    let loaded = load(
        r#"{"format": "mapline/1",
 "members": [{"id": "m", "name": "M", "country": "KZ", "region": "africa", "alliances": ["nope-a"]}],
 "cases": [{"id": "c", "person": "P", "country": "KZ", "status": "open",
   "campaigns": ["nope-c"], "members": ["m", "nope-m"], "gallery": "nope-g"}],
 "campaigns": [{"id": "k", "name": "K", "featured_cases": ["c", "nope-f"],
   "results": [{"case": "nope-r", "kind": "release"}]}],
 "galleries": [{"id": "g", "title": "G", "cover": "nope-p",
   "photos": [{"id": "p", "url": "p.jpg", "alt": "A photo"}]}]}"#,
    );
    assert_error(
        &loaded,
        "members[0].alliances[0]",
        "no alliance with id \"nope-a\"",
    );
    assert_error(
        &loaded,
        "cases[0].campaigns[0]",
        "no campaign with id \"nope-c\"",
    );
    assert_error(
        &loaded,
        "cases[0].members[1]",
        "no member with id \"nope-m\"",
    );
    assert_error(&loaded, "cases[0].gallery", "no gallery with id \"nope-g\"");
    assert_error(
        &loaded,
        "campaigns[0].featured_cases[1]",
        "no case with id \"nope-f\"",
    );
    assert_error(
        &loaded,
        "campaigns[0].results[0].case",
        "no case with id \"nope-r\"",
    );
    assert_error(&loaded, "galleries[0].cover", "no photo \"nope-p\"");
    assert_eq!(loaded.problems.len(), 7, "{:#?}", loaded.problems);
}

#[test]
fn end_before_start() {
    let loaded = load(
        r#"{"format": "mapline/1", "timelines": [{"id": "t", "title": "T",
  "events": [
    {"id": "a", "date": "2014-05-02", "end_date": "2014-05-01", "headline": "H"},
    {"id": "b", "date": "2014/2011", "headline": "H"},
    {"id": "c", "date": "2014-05", "end_date": "2014-05-31", "headline": "fine"},
    {"id": "d", "date": "2014-05-02", "end_date": "2014-05-02", "headline": "same day is fine"}],
  "eras": [{"date": "2000", "end_date": "1999", "headline": "E"}]}]}"#,
    );
    assert_error(
        &loaded,
        "timelines[0].events[0].end_date",
        "before the date",
    );
    assert_error(
        &loaded,
        "timelines[0].events[1].date",
        "ends before it starts",
    );
    assert_error(&loaded, "timelines[0].eras[0].end_date", "before the date");
    assert_eq!(loaded.problems.len(), 3, "{:#?}", loaded.problems);
}

#[test]
fn coordinates_and_zoom_in_range() {
    let loaded = load(
        r#"{"format": "mapline/1",
 "members": [{"id": "m", "name": "M", "country": "BY", "region": "europe-central-asia",
   "coordinates": {"lat": 91, "lon": -181}}],
 "stories": [{"id": "s", "title": "S", "slides": [
   {"id": "a", "place": {"lat": 53.9, "lon": 27.57, "zoom": 19}},
   {"id": "b", "place": {"lat": 53.9}},
   {"id": "c", "place": {"zoom": 3}},
   {"id": "d", "place": {"lat": -90, "lon": 180, "zoom": 0}}]}]}"#,
    );
    assert_error(
        &loaded,
        "members[0].coordinates.lat",
        "latitude 91 is outside -90…90",
    );
    assert_error(
        &loaded,
        "members[0].coordinates.lon",
        "longitude -181 is outside -180…180",
    );
    assert_error(
        &loaded,
        "stories[0].slides[0].place.zoom",
        "zoom 19 is outside 0…18",
    );
    assert_error(
        &loaded,
        "stories[0].slides[1].place",
        "needs both lat and lon",
    );
    assert_error(
        &loaded,
        "stories[0].slides[2].place",
        "needs lat and lon, or country",
    );
    assert_eq!(loaded.problems.len(), 5, "{:#?}", loaded.problems);
}

#[test]
fn images_need_alt_text() {
    let loaded = load(
        r#"{"format": "mapline/1",
 "cases": [{"id": "c", "person": "P", "country": "KZ", "status": "open", "photo": {"url": "images/p.jpg"}}],
 "stories": [{"id": "s", "title": "S", "slides": [
   {"id": "a", "media": {"url": "https://x.org/page", "kind": "image", "alt": {"en": " "}}},
   {"id": "b", "media": {"url": "audio/interview.mp3"}},
   {"id": "c", "media": {"url": "images/ok.png", "alt": "A protest in Minsk"}}]}],
 "galleries": [{"id": "g", "title": "G", "photos": [{"id": "p", "url": "p.jpg"}]}]}"#,
    );
    assert_error(&loaded, "cases[0].photo.alt", "an image needs alt text");
    assert_error(
        &loaded,
        "stories[0].slides[0].media.alt",
        "an image needs alt text",
    );
    assert_error(
        &loaded,
        "galleries[0].photos[0].alt",
        "a photo needs alt text",
    );
    assert_eq!(
        loaded.problems.len(),
        3,
        "audio needs no alt: {:#?}",
        loaded.problems
    );
}

#[test]
fn unsafe_urls_are_reported_and_removed() {
    let loaded = load(
        r#"{"format": "mapline/1",
 "members": [{"id": "m", "name": "M", "country": "KZ", "region": "africa", "website": "javascript:alert(1)"}],
 "cases": [{"id": "c", "person": "P", "country": "KZ", "status": "open",
   "photo": {"url": "data:image/png;base64,AAAA", "alt": "x"},
   "sources": [{"url": "java\tscript:alert(1)"}, {"url": "https://ifex.org/a"}]}],
 "galleries": [{"id": "g", "title": "G", "photos": [
   {"id": "p", "url": "//evil.example.org/p.jpg", "alt": "x"},
   {"id": "q", "url": "q.jpg", "alt": "y", "sizes": [{"url": "vbscript:x", "width": 200}]}]}]}"#,
    );
    assert_error(
        &loaded,
        "members[0].website",
        "unsafe URL \"javascript:alert(1)\"",
    );
    assert_error(&loaded, "cases[0].photo.url", "unsafe URL");
    assert_error(&loaded, "cases[0].sources[0].url", "unsafe URL");
    assert_error(&loaded, "galleries[0].photos[0].url", "unsafe URL");
    assert_error(&loaded, "galleries[0].photos[1].sizes[0].url", "unsafe URL");
    let dataset = &loaded.dataset;
    assert_eq!(dataset.members[0].website, None);
    assert_eq!(dataset.cases[0].photo, None);
    assert_eq!(dataset.cases[0].sources.len(), 1);
    assert_eq!(dataset.cases[0].sources[0].url, "https://ifex.org/a");
    assert_eq!(dataset.galleries[0].photos.len(), 1);
    assert_eq!(dataset.galleries[0].photos[0].id, "q");
    assert!(dataset.galleries[0].photos[0].sizes.is_empty());
}

#[test]
fn unsafe_markdown_links_are_warned_about() {
    let loaded = load(
        r#"{"format": "mapline/1", "cases": [{"id": "c", "person": "P", "country": "KZ", "status": "open",
  "summary": {"en": "See [this](javascript:alert(1)) and [that](https://ifex.org)."}}]}"#,
    );
    let found = at(&loaded, "cases[0].summary");
    assert_eq!(found.len(), 1, "{:#?}", loaded.problems);
    assert_eq!(found[0].severity, Severity::Warning);
    assert!(found[0].message.contains("javascript:alert(1)"));
}

#[test]
fn empty_required_text() {
    let loaded = load(
        r#"{"format": "mapline/1",
 "members": [{"id": "m", "name": "", "country": "KZ", "region": "africa"}],
 "stories": [{"id": "s", "title": {"en": "", "fr": "  "}, "slides": [{"id": "a"}]}],
 "timelines": [{"id": "t", "title": "T", "events": [{"id": "e", "date": "2012", "headline": {}}]}]}"#,
    );
    assert_error(&loaded, "members[0].name", "name is empty");
    assert_error(&loaded, "stories[0].title", "title is empty");
    assert_error(
        &loaded,
        "timelines[0].events[0].headline",
        "headline is empty",
    );
    assert_eq!(loaded.problems.len(), 3, "{:#?}", loaded.problems);
}

#[test]
fn outcomes_need_a_kind() {
    let loaded = load(
        r#"{"format": "mapline/1", "cases": [{"id": "c", "person": "P", "country": "KZ", "status": "open",
  "outcomes": [{"id": "e", "date": "2012", "headline": "Released"}]}],
 "timelines": [{"id": "t", "title": "T", "events": [{"id": "f", "date": "2012", "headline": "No kind is fine here"}]}]}"#,
    );
    assert_error(
        &loaded,
        "cases[0].outcomes[0].kind",
        "an outcome needs a kind",
    );
    assert_eq!(loaded.problems.len(), 1, "{:#?}", loaded.problems);
}

#[test]
fn unknown_outcome_kind_is_a_warning_shown_as_other() {
    let loaded = load(
        r#"{"format": "mapline/1", "cases": [{"id": "c", "person": "P", "country": "KZ", "status": "open",
  "outcomes": [{"id": "e", "date": "2012", "kind": "kidnapping", "headline": "Taken"}]}]}"#,
    );
    assert!(!has_errors(&loaded.problems));
    let found = at(&loaded, "cases[0].outcomes[0].kind");
    assert_eq!(found.len(), 1, "{:#?}", loaded.problems);
    assert_eq!(found[0].severity, Severity::Warning);
    assert!(found[0].message.contains("\"kidnapping\""));
    assert_eq!(
        loaded.dataset.cases[0].outcomes[0].kind,
        Some(OutcomeKind::Other)
    );
}

#[test]
fn stories_need_slides() {
    let loaded = load(
        r#"{"format": "mapline/1", "stories": [{"id": "s", "title": "S"}, {"id": "t", "title": "T", "slides": []}]}"#,
    );
    assert_error(&loaded, "stories[0].slides", "at least one slide");
    assert_error(&loaded, "stories[1].slides", "at least one slide");
}

#[test]
fn slide_and_photo_ids_are_unique_within_their_record() {
    let loaded = load(
        r#"{"format": "mapline/1",
 "stories": [{"id": "s", "title": "S", "slides": [{"id": "a"}, {"id": "a"}]}],
 "galleries": [{"id": "g", "title": "G", "photos": [{"id": "p", "url": "p.jpg", "alt": "x"}, {"id": "p", "url": "q.jpg", "alt": "y"}]}]}"#,
    );
    assert_error(&loaded, "stories[0].slides[1].id", "duplicate id \"a\"");
    assert_error(&loaded, "galleries[0].photos[1].id", "duplicate id \"p\"");
}

#[test]
fn bad_id_characters() {
    let loaded = load(
        r#"{"format": "mapline/1", "members": [
  {"id": "Adil Soz", "name": "A", "country": "KZ", "region": "africa"},
  {"id": "", "name": "B", "country": "KZ", "region": "africa"},
  {"id": "ok_id-2", "name": "C", "country": "KZ", "region": "africa"}]}"#,
    );
    assert_error(&loaded, "members[0].id", "may only use a-z, 0-9, - and _");
    assert_error(&loaded, "members[1].id", "empty id");
    assert_eq!(loaded.problems.len(), 2, "{:#?}", loaded.problems);
}

#[test]
fn background_colours() {
    let loaded = load(
        r##"{"format": "mapline/1", "stories": [{"id": "s", "title": "S", "slides": [
  {"id": "a", "background": {"color": "red"}}, {"id": "b", "background": {"color": "#A0b1C2"}}]}]}"##,
    );
    assert_error(
        &loaded,
        "stories[0].slides[0].background.color",
        "not #rrggbb",
    );
    assert_eq!(loaded.problems.len(), 1, "{:#?}", loaded.problems);
}

#[test]
fn language_codes_are_checked() {
    let loaded = load(
        r#"{"format": "mapline/1", "members": [{"id": "m", "name": {"english": "M", "pt-BR": "M"}, "country": "KZ", "region": "africa"}]}"#,
    );
    let found = at(&loaded, "members[0].name");
    assert_eq!(found.len(), 1, "{:#?}", loaded.problems);
    assert_eq!(found[0].severity, Severity::Warning);
    assert!(found[0].message.contains("\"english\""));
}

#[test]
fn bad_records_are_dropped_with_their_path() {
    let loaded = load(
        r#"{"format": "mapline/1", "members": [
  {"id": "a", "name": "A", "country": "KZ", "region": "africa", "coordinates": {"lat": "north", "lon": 1}},
  {"id": "b", "name": "B", "country": "KZ", "region": "antarctica"},
  {"id": "c", "country": "KZ", "region": "africa"},
  {"id": "d", "name": "D", "country": "KZ", "region": "mena"}],
 "timelines": [{"id": "t", "title": "T", "events": [{"id": "e", "date": "2013-02-30", "headline": "H"}]}]}"#,
    );
    assert_error(
        &loaded,
        "members[0].coordinates.lat",
        "invalid type: string \"north\"",
    );
    assert_error(&loaded, "members[1].region", "unknown variant `antarctica`");
    assert_error(&loaded, "members[2]", "missing field `name`");
    assert_error(
        &loaded,
        "timelines[0].events[0].date",
        "invalid date \"2013-02-30\"",
    );
    let ids: Vec<&str> = loaded
        .dataset
        .members
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(ids, ["d"]);
    // The event is left out; its timeline stays.
    assert_eq!(loaded.dataset.timelines.len(), 1);
    assert!(loaded.dataset.timelines[0].events.is_empty());
    assert!(
        loaded.problems.iter().all(|p| p.line.is_some()),
        "every problem is located"
    );
}

#[test]
fn a_bad_list_item_costs_only_that_item() {
    let loaded = load(
        r#"{"format": "mapline/1",
 "timelines": [{"id": "t", "title": "T", "events": [
   {"id": "e1", "date": "2012", "headline": "One"},
   {"id": "e2", "date": "2012-13-45", "headline": "Bad"},
   {"id": "e3", "date": "2013", "headline": "Three", "colour": "red"},
   {"id": "e4", "date": "2014", "headline": {"en": 4}},
   {"id": "e5", "date": "2015", "headline": "Five"}]}],
 "stories": [{"id": "s", "title": "S",
   "slides": [
     {"id": "a", "headline": "A", "place": {"lat": "NaN", "lon": 1}},
     {"id": "b", "headline": "B", "place": {"lat": 1, "lon": 2}}],
   "cover": {"url": 5}}],
 "cases": [{"id": "c", "person": "P", "country": "KZ", "status": "open",
   "sources": [{"title": "S", "url": 7}, {"title": "ok", "url": "https://example.org/"}],
   "outcomes": [{"id": "o1", "date": "2012-02-30", "kind": "arrest", "headline": "x"},
                {"id": "o2", "date": "2012", "kind": "arrest", "headline": "y"}]}]}"#,
    );
    assert_error(
        &loaded,
        "timelines[0].events[1].date",
        "invalid date \"2012-13-45\"",
    );
    assert_error(
        &loaded,
        "timelines[0].events[3].headline.en",
        "invalid type",
    );
    let events: Vec<&str> = loaded.dataset.timelines[0]
        .events
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(events, ["e1", "e3", "e5"]);
    // A path found after items were left out still names the file's item.
    let unknown = at(&loaded, "timelines[0].events[2].colour");
    assert_eq!(unknown.len(), 1, "{:#?}", loaded.problems);
    assert_eq!(unknown[0].severity, Severity::Warning);

    // A bad field outside the lists still drops the record.
    assert_error(&loaded, "stories[0].cover.url", "invalid type");
    assert_error(&loaded, "stories[0].slides[0].place.lat", "invalid type");
    assert!(loaded.dataset.stories.is_empty());

    // Two lists of one record, each with a bad item.
    assert_error(&loaded, "cases[0].sources[0].url", "invalid type");
    assert_error(&loaded, "cases[0].outcomes[0].date", "invalid date");
    let case = &loaded.dataset.cases[0];
    assert_eq!(case.sources.len(), 1);
    assert_eq!(case.outcomes.len(), 1);
    assert_eq!(case.outcomes[0].id, "o2");
    assert!(loaded.problems.iter().all(|p| p.line.is_some()));
}

#[test]
fn a_story_keeps_its_good_slides() {
    let loaded = load(
        r#"{"format": "mapline/1", "stories": [{"id": "s", "title": "S", "slides": [
     {"id": "a", "headline": "A", "place": {"lat": "NaN", "lon": 1}},
     {"id": "b", "headline": "B", "place": {"lat": 1, "lon": 2}}]}]}"#,
    );
    assert_error(&loaded, "stories[0].slides[0].place.lat", "left out");
    let story = &loaded.dataset.stories[0];
    assert_eq!(story.slides.len(), 1);
    assert_eq!(story.slides[0].id, "b");
}

#[test]
fn collections_must_be_arrays_and_known() {
    let loaded = load(r#"{"format": "mapline/1", "members": {"id": "a"}, "memebers": []}"#);
    assert_error(&loaded, "members", "members must be an array");
    let unknown = at(&loaded, "memebers");
    assert_eq!(unknown.len(), 1);
    assert_eq!(unknown[0].severity, Severity::Warning);
}

#[test]
fn unknown_fields_are_warnings() {
    let loaded = load(
        r#"{"format": "mapline/1", "members": [{"id": "m", "name": "M", "country": "KZ", "region": "africa",
  "coordinate": {"lat": 1, "lon": 2}, "logo": {"url": "l.png", "alt": "Logo", "alt_text": "x"}}]}"#,
    );
    assert_eq!(loaded.dataset.members.len(), 1);
    for path in ["members[0].coordinate", "members[0].logo.alt_text"] {
        let found = at(&loaded, path);
        assert_eq!(found.len(), 1, "{path}: {:#?}", loaded.problems);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(found[0].message, "unknown field ignored");
    }
}

#[test]
fn format_is_checked() {
    let missing = load(r#"{"members": []}"#);
    assert_eq!(missing.problems.len(), 1);
    assert_eq!(missing.problems[0].severity, Severity::Warning);
    let wrong = load(r#"{"format": "mapline/2"}"#);
    assert_error(&wrong, "format", "is not \"mapline/1\"");
    let not_object = load("[1, 2]");
    assert_error(&not_object, "", "expected a JSON object");
}

#[test]
fn syntax_errors_give_line_and_column() {
    let loaded = load("{\n  \"format\": \"mapline/1\",\n  \"members\": [,]\n}");
    assert_eq!(loaded.problems.len(), 1);
    let problem = &loaded.problems[0];
    assert_eq!((problem.line, problem.column), (Some(3), Some(15)));
    assert!(
        problem.message.starts_with("not valid JSON: "),
        "{}",
        problem.message
    );
    assert!(!problem.message.contains(" at line "));
    assert_eq!(
        problem.to_string(),
        format!("{FILE}:3:15: {}", problem.message)
    );
}

#[test]
fn semantic_problems_are_located() {
    let text = "{\"format\": \"mapline/1\",\n \"members\": [\n  {\"id\": \"m\", \"name\": \"M\", \"country\": \"XX\", \"region\": \"africa\"}]}";
    let loaded = load(text);
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(
        loaded.problems[0].to_string(),
        "data/t.json:3:39: members[0].country: unknown country code \"XX\""
    );
}
