//! Loading a dataset: manifests, URL resolution, fallbacks, lookups, round trips.

use mapline::countries;
use mapline::model::{
    Date, Document, MediaKind, SourceFile, Text, has_errors, load_dataset, manifest_file_names,
    parse_manifest,
};

const MANIFEST: &str = r#"{
  "format": "mapline/1",
  "title": {"en": "IFEX network", "fr": "Réseau IFEX"},
  "files": ["members.json", "stories/impunity.json"],
  "tiles": {"url": "https://tiles.example.org/{z}/{x}/{y}.png", "attribution": "© OSM"}
}"#;

const MEMBERS: &str = r#"{
  "format": "mapline/1",
  "alliances": [{"id": "afex", "name": "African Freedom of Expression Exchange", "short_name": "AFEX", "founded": "2013", "region": "africa"}],
  "members": [
    {"id": "adil-soz", "name": "Adil Soz", "country": "KZ", "region": "europe-central-asia", "coordinates": {"lat": 43.24, "lon": 76.95}},
    {"id": "mfwa", "name": "MFWA", "country": "GH", "region": "africa", "alliances": ["afex"], "logo": {"url": "logos/mfwa.png", "alt": "MFWA logo"}},
    {"id": "baj", "name": "BAJ", "country": "BY", "region": "europe-central-asia"}
  ],
  "cases": [{"id": "khalip", "person": "Iryna Khalip", "country": "BY", "status": "partly-resolved", "members": ["baj"],
    "outcomes": [{"id": "khalip-arrest", "date": "2010-12-19", "kind": "arrest", "headline": "Arrested"},
                 {"id": "khalip-sentence", "date": "2011-05", "kind": "sentence", "headline": "Suspended sentence"}]}]
}"#;

const STORY: &str = r#"{
  "format": "mapline/1",
  "stories": [{"id": "impunity", "title": "Impunity", "slides": [
    {"id": "one", "type": "overview", "headline": "Overview"},
    {"id": "two", "media": {"url": "../images/a.jpg", "alt": "A"}, "place": {"country": "BY"}}]}]
}"#;

#[test]
fn parse_manifest_reads_and_resolves_files() {
    let name = "http://127.0.0.1:8080/data/manifest.json";
    let manifest =
        parse_manifest(name, MANIFEST).unwrap_or_else(|problems| panic!("{problems:#?}"));
    assert_eq!(
        manifest.title.as_ref().map(|t| t.resolve("fr")),
        Some("Réseau IFEX")
    );
    assert_eq!(
        manifest_file_names(name, &manifest),
        [
            "http://127.0.0.1:8080/data/members.json",
            "http://127.0.0.1:8080/data/stories/impunity.json"
        ]
    );
    assert_eq!(
        manifest_file_names("public/data/manifest.json", &manifest),
        [
            "public/data/members.json",
            "public/data/stories/impunity.json"
        ]
    );
}

#[test]
fn parse_manifest_reports_errors() {
    let wrong_format = parse_manifest("m.json", r#"{"format": "mapline/9", "files": []}"#);
    let problems = wrong_format.err().unwrap_or_default();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].path, "format");
    assert_eq!(problems[0].line, Some(1));

    let broken = parse_manifest(
        "m.json",
        "{\"format\": \"mapline/1\",\n\"files\": [\"a.json\"",
    );
    let problems = broken.err().unwrap_or_default();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, Some(2));

    let missing_files = parse_manifest("m.json", r#"{"format": "mapline/1"}"#);
    let problems = missing_files.err().unwrap_or_default();
    assert!(
        problems[0].message.contains("missing field `files`"),
        "{problems:#?}"
    );

    let unsafe_file = parse_manifest(
        "m.json",
        r#"{"format": "mapline/1", "files": ["javascript:x"]}"#,
    );
    assert_eq!(
        unsafe_file.err().map(|p| p[0].path.clone()),
        Some("files[0]".to_string())
    );
}

fn dataset_files() -> Vec<SourceFile> {
    vec![
        SourceFile::new("/data/manifest.json", MANIFEST),
        SourceFile::new("/data/members.json", MEMBERS),
        SourceFile::new("/data/stories/impunity.json", STORY),
    ]
}

#[test]
fn loads_a_manifest_and_its_documents() {
    let loaded = load_dataset(&dataset_files());
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let dataset = &loaded.dataset;
    assert!(dataset.manifest.as_ref().is_some_and(|m| m.tiles.is_some()));
    assert_eq!(
        dataset.to_string(),
        "3 members in 3 countries, 1 case, 0 campaigns, 1 story, 0 galleries"
    );
    let stats = dataset.stats();
    assert_eq!((stats.outcomes, stats.member_countries), (2, 3));

    assert_eq!(
        dataset.member("mfwa").map(|m| m.name.resolve("en")),
        Some("MFWA")
    );
    assert_eq!(dataset.members_of_alliance("afex").count(), 1);
    assert_eq!(
        dataset
            .cases_of_member("baj")
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>(),
        ["khalip"]
    );
    assert_eq!(dataset.cases_in_country("BY").count(), 1);
    assert_eq!(
        dataset.event("khalip-sentence").map(|e| e.date.label()),
        Some("May 2011".to_string())
    );
    assert_eq!(
        dataset.story("impunity").map(|s| s.origin.file.as_str()),
        Some("/data/stories/impunity.json")
    );
    assert!(dataset.gallery("none").is_none());
}

#[test]
fn relative_urls_resolve_against_their_file() {
    let loaded = load_dataset(&dataset_files());
    let logo = loaded.dataset.member("mfwa").and_then(|m| m.logo.as_ref());
    assert_eq!(logo.map(|l| l.url.as_str()), Some("/data/logos/mfwa.png"));
    assert_eq!(logo.map(|l| l.resolved_kind()), Some(MediaKind::Image));
    let slide_media = loaded
        .dataset
        .story("impunity")
        .and_then(|s| s.slides[1].media.as_ref());
    assert_eq!(
        slide_media.map(|m| m.url.as_str()),
        Some("/data/images/a.jpg")
    );
}

#[test]
fn members_without_coordinates_use_the_country_centroid() {
    let loaded = load_dataset(&dataset_files());
    let given = loaded
        .dataset
        .member("adil-soz")
        .and_then(|m| m.coordinates.clone());
    assert_eq!(
        given.map(|c| (c.lat, c.lon, c.from_country)),
        Some((43.24, 76.95, false))
    );
    let belarus = countries::by_code("BY").map(|c| (c.lat, c.lon, true));
    assert!(belarus.is_some());
    let fallback = loaded
        .dataset
        .member("baj")
        .and_then(|m| m.coordinates.clone());
    assert_eq!(fallback.map(|c| (c.lat, c.lon, c.from_country)), belarus);
    assert_eq!(
        loaded.dataset.member("baj").and_then(|m| m.position()),
        belarus.map(|(a, b, _)| (a, b))
    );

    let written = serde_json::to_value(loaded.dataset.to_document()).unwrap_or_default();
    assert!(written["members"][0].get("coordinates").is_some());
    assert!(
        written["members"][2].get("coordinates").is_none(),
        "a fallback is not written back"
    );
}

#[test]
fn a_lone_document_is_a_dataset() {
    let timeline = r#"{"format": "mapline/1", "timelines": [{"id": "cosmos", "title": "Cosmos", "scale": "cosmological",
      "events": [{"id": "big-bang", "date": "Y-13800000000", "headline": "Big Bang"},
                 {"id": "today", "date": "2024", "headline": "Today"}]}]}"#;
    let loaded = load_dataset(&[SourceFile::new(
        "https://example.org/embed/t.json",
        timeline,
    )]);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert!(loaded.dataset.manifest.is_none());
    let events = &loaded.dataset.timelines[0].events;
    assert_eq!(events[0].date_label("en"), "13.8 billion years ago");
    assert!(events[0].span_days().0 < events[1].span_days().0);
}

#[test]
fn problems_come_in_file_then_position_order() {
    let a = SourceFile::new(
        "a.json",
        "{\"format\": \"mapline/1\",\n\"members\": [{\"id\": \"B\", \"name\": \"\", \"country\": \"KZ\", \"region\": \"mena\"}]}",
    );
    let b = SourceFile::new("b.json", "{\"members\": 1}");
    let loaded = load_dataset(&[a, b]);
    let order: Vec<(String, Option<u32>, Option<u32>)> = loaded
        .problems
        .iter()
        .map(|p| (p.file.clone(), p.line, p.column))
        .collect();
    let mut sorted = order.clone();
    sorted.sort_by_key(|(file, line, column)| (file.clone(), *line, *column));
    assert_eq!(order, sorted);
    assert_eq!(order.len(), 4, "{:#?}", loaded.problems);
    assert!(has_errors(&loaded.problems));
}

#[test]
fn the_normalised_document_round_trips() {
    let rich = r##"{
  "format": "mapline/1",
  "alliances": [{"id": "afex", "name": "AFEX", "founded": "2013~", "region": "africa", "website": "https://africafex.org", "illustrative": true}],
  "members": [{"id": "m", "name": {"fr": "Nom", "en": "Name"}, "country": "SN", "city": "Dakar", "coordinates": {"lat": 14.7, "lon": -17.4},
     "region": "africa", "alliances": ["afex"], "joined": 2001, "description": "*Hi* [x](https://x.org)",
     "logo": {"url": "l.svg", "alt": "Logo", "width": 10, "height": 10}}],
  "cases": [{"id": "c", "person": "P", "profession": "journalist", "country": "SN", "summary": "S", "status": "resolved",
     "campaigns": ["k"], "members": ["m"], "place": {"lat": 14.7, "lon": -17.4, "zoom": 6, "name": "Dakar"},
     "photo": {"url": "p.jpg", "alt": "P", "caption": "C", "credit": "Cr", "thumbnail": "p-200.jpg"}, "gallery": "g",
     "outcomes": [{"id": "o1", "date": "2012-11-02T14:30", "end_date": "2012-11-03", "display_date": "early November",
        "kind": "release", "headline": "Released", "text": "T", "sources": [{"url": "https://s.org", "title": "S"}],
        "background": {"url": "bg.jpg", "color": "#112233"}}],
     "sources": [{"url": "https://ifex.org"}]}],
  "campaigns": [{"id": "k", "name": "IDEI", "year": 2012, "period": "2011/..", "featured_cases": ["c"],
     "results": [{"case": "c", "kind": "acquittal", "text": "Acquitted"}],
     "milestones": [{"id": "k1", "date": "2011-11-23", "headline": "Launch", "media": {"url": "https://youtu.be/x", "kind": "video"}}]}],
  "stories": [{"id": "s", "title": "S", "summary": "Sum", "layout": "scroll", "line": true,
     "cover": {"url": "cover.jpg", "alt": "Cover"},
     "slides": [{"id": "a", "type": "overview", "headline": "H"}, {"id": "b", "date": "-0044-03-15", "place": {"country": "IT"}}]}],
  "galleries": [{"id": "g", "title": "G", "cover": "p", "photos": [{"id": "p", "url": "p.jpg", "width": 800, "height": 600,
     "alt": "A", "date": "2012?", "sizes": [{"url": "p-480.jpg", "width": 480}]}]}],
  "timelines": [{"id": "t", "title": "T", "scale": "cosmological", "events": [{"id": "e", "date": "Y-13800000000", "headline": "Bang", "group": "Cosmos"}],
     "eras": [{"date": "2011", "end_date": "2014", "headline": "Era"}]}]
}"##;
    let name = "https://example.org/data/all.json";
    let first = load_dataset(&[SourceFile::new(name, rich)]);
    assert!(first.problems.is_empty(), "{:#?}", first.problems);
    let written = serde_json::to_string_pretty(&first.dataset.to_document()).unwrap_or_default();
    let second = load_dataset(&[SourceFile::new(name, written.clone())]);
    assert!(second.problems.is_empty(), "{:#?}", second.problems);
    assert_eq!(first.dataset.to_document(), second.dataset.to_document());

    // Plain serde: parse → serialise → parse is the identity.
    let document: Document = serde_json::from_str(&written).unwrap_or_default();
    let again: Document =
        serde_json::from_str(&serde_json::to_string(&document).unwrap_or_default())
            .unwrap_or_default();
    assert_eq!(document, again);
    assert_eq!(
        document.members[0].name,
        Text::Translated(vec![
            ("fr".into(), "Nom".into()),
            ("en".into(), "Name".into())
        ])
    );
    assert_eq!(
        document.stories[0].slides[1].date,
        Date::parse("-0044-03-15").ok()
    );
    // Defaults and empties are left out.
    assert!(
        !written.contains("null")
            && !written.contains("[]")
            && !written.contains("\"illustrative\": false")
    );
}

#[test]
fn a_manifest_names_its_vector_basemap_relative_to_itself() {
    let text = r#"{"format": "mapline/1", "files": [],
  "basemap": {"pmtiles": "tiles/world.pmtiles", "attribution": "© OpenStreetMap"}}"#;
    let manifest = parse_manifest("http://127.0.0.1:8080/data/manifest.json", text)
        .unwrap_or_else(|problems| panic!("{problems:#?}"));
    let basemap = manifest.basemap.unwrap_or_else(|| panic!("no basemap"));
    assert_eq!(
        basemap.pmtiles,
        "http://127.0.0.1:8080/data/tiles/world.pmtiles"
    );
    assert_eq!(
        basemap.attribution.as_ref().map(|t| t.resolve("en")),
        Some("© OpenStreetMap")
    );
    let absolute = parse_manifest(
        "m.json",
        r#"{"format": "mapline/1", "files": [], "basemap": {"pmtiles": "https://maps.example.org/w.pmtiles"}}"#,
    );
    assert_eq!(
        absolute.ok().and_then(|m| m.basemap).map(|b| b.pmtiles),
        Some("https://maps.example.org/w.pmtiles".to_string())
    );
}

#[test]
fn a_bad_basemap_is_a_located_problem() {
    for (text, path, line) in [
        (
            "{\"format\": \"mapline/1\", \"files\": [],\n\"basemap\": {\"pmtiles\": \"javascript:alert(1)\"}}",
            "basemap.pmtiles",
            2,
        ),
        (
            "{\"format\": \"mapline/1\", \"files\": [],\n\"basemap\": {\n\"pmtiles\": \"//evil.example/w.pmtiles\"}}",
            "basemap.pmtiles",
            3,
        ),
        (
            "{\"format\": \"mapline/1\", \"files\": [],\n\"basemap\": {\"pmtiles\": 5}}",
            "basemap.pmtiles",
            2,
        ),
        (
            "{\"format\": \"mapline/1\", \"files\": [],\n\"basemap\": \"world.pmtiles\"}",
            "basemap",
            2,
        ),
    ] {
        let problems = parse_manifest("m.json", text).err().unwrap_or_default();
        assert_eq!(problems.len(), 1, "{text}: {problems:#?}");
        assert_eq!(problems[0].path, path, "{text}: {problems:#?}");
        assert_eq!(problems[0].line, Some(line), "{text}: {problems:#?}");
    }
}

#[test]
fn a_dataset_without_a_basemap_has_none() {
    let loaded = load_dataset(&dataset_files());
    assert!(
        loaded
            .dataset
            .manifest
            .as_ref()
            .is_some_and(|m| m.basemap.is_none())
    );
}
