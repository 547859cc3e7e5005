//! Importers: documents from the peers (TimelineJS3, StoryMapJS) and
//! spreadsheet CSV (three templates), turned into Mapline documents. Pure Rust, tested natively;
//! HTML in imported text is reduced to the safe subset by `html`, a tokenizer
//! that never touches a DOM.

// The spreadsheet importer (and the csv crate) is in the builds of the
// reader app, the studio and the CLI; the embeds leave it out (feature `csv`)
// and report a CSV file they are given ([`CSV_IN_FULL_APP`]).
#[cfg(feature = "csv")]
pub mod csv;
pub mod html;
pub mod json;
pub mod storymapjs;
pub mod timelinejs;

use crate::model::url::is_safe_url;
use crate::model::{Document, FORMAT, Input, Loaded, Problem, SourceFile, load_sources};

/// What a file holds, told from its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    /// A Mapline manifest or document (or something that is not JSON at all:
    /// the Mapline loader reports where it breaks).
    Mapline,
    TimelineJs,
    StoryMapJs,
}

impl SourceFormat {
    pub fn name(self) -> &'static str {
        match self {
            SourceFormat::Mapline => "Mapline",
            SourceFormat::TimelineJs => "TimelineJS3",
            SourceFormat::StoryMapJs => "StoryMapJS",
        }
    }
}

/// Whether a file needs an importer: a CSV file, or a TimelineJS3 or
/// StoryMapJS document (a Mapline document, or text that is not JSON, goes
/// to the Mapline loader, which reports where it breaks).
pub fn needs_importer(file: &SourceFile) -> bool {
    is_csv(&file.name) || detect(&file.text) != SourceFormat::Mapline
}

pub fn detect(text: &str) -> SourceFormat {
    let root = json::parse_object(text).unwrap_or_default();
    if storymapjs::is_storymapjs(&root) {
        SourceFormat::StoryMapJs
    } else if timelinejs::is_timelinejs(&root) {
        SourceFormat::TimelineJs
    } else {
        SourceFormat::Mapline
    }
}

/// Loads files of any supported format into one dataset: peers' documents are
/// converted first (their problems name the original file and its JSON paths),
/// then everything goes through the Mapline loader and its validation.
pub fn load_any(files: &[SourceFile]) -> Loaded {
    let mut sources = Vec::with_capacity(files.len());
    let mut import_problems = Vec::new();
    let mut row_maps = Vec::new();
    let prefixes = id_prefixes(files);
    for (file, prefix) in files.iter().zip(prefixes) {
        match import_with_rows(file, prefix) {
            Some((document, problems, rows)) => {
                import_problems.extend(problems);
                let name = format!("{}{IMPORTED_SUFFIX}", file.name);
                row_maps.push((name.clone(), file.name.clone(), rows));
                sources.push(Input::Document {
                    name,
                    document: Box::new(document),
                });
            }
            None => sources.push(Input::Text(file)),
        }
    }
    let mut loaded = load_sources(sources);
    for problem in &mut loaded.problems {
        if let Some((_, original, rows)) =
            row_maps.iter().find(|(name, _, _)| *name == problem.file)
        {
            refer_to_original(problem, original, rows);
        }
        // "duplicate id … (first in women.csv (imported) …)": the reader's name.
        for (name, original, _) in &row_maps {
            if problem.message.contains(name.as_str()) {
                problem.message = problem.message.replace(name.as_str(), original);
            }
        }
    }
    import_problems.append(&mut loaded.problems);
    loaded.problems = import_problems;
    loaded
}

/// Everything valid in the Mapline documents among `files`; each file that
/// needs an importer is an error saying `why` (a build or a page without
/// the importers' code: the reader app whose importers' module could not be
/// fetched). Reaches no importer: the reader app's main module calls it.
pub fn load_without_importers(files: &[SourceFile], why: &str) -> Loaded {
    let (foreign, native): (Vec<&SourceFile>, Vec<&SourceFile>) =
        files.iter().partition(|file| needs_importer(file));
    let mut loaded = load_sources(native.into_iter().map(Input::Text).collect());
    let unread = foreign
        .iter()
        .map(|file| Problem::error(&file.name, "", why));
    loaded.problems.splice(0..0, unread);
    loaded
}

/// Marks the converted text of an imported file in problem file names.
pub const IMPORTED_SUFFIX: &str = " (imported)";

/// A problem found in the converted document, told in terms of the file the
/// reader gave: the converted text's lines mean nothing to them, so the position
/// is the CSV row the record came from, or none.
fn refer_to_original(problem: &mut Problem, original: &str, rows: &[(String, u32)]) {
    problem.line = None;
    problem.column = None;
    let row = rows
        .iter()
        .filter(|(prefix, _)| {
            problem.path == *prefix
                || problem.path.starts_with(&format!("{prefix}."))
                || problem.path.starts_with(&format!("{prefix}["))
        })
        .max_by_key(|(prefix, _)| prefix.len());
    if let Some((_, line)) = row {
        problem.line = Some(*line);
        problem.column = Some(1);
        problem.path = format!("row {line} ({})", problem.path);
    }
    problem.file = original.to_owned();
}

/// JSON paths of converted records (`members[0]`) with the CSV line of each.
type RowLines = Vec<(String, u32)>;

/// Like [`import_file`], with the CSV line each converted record came from,
/// and the prefix of the ids the importer makes up.
fn import_with_rows(
    file: &SourceFile,
    id_prefix: String,
) -> Option<(Document, Vec<Problem>, RowLines)> {
    let mut importer = Importer::new(&file.name);
    importer.id_prefix = id_prefix;
    if is_csv(&file.name) {
        let document = import_csv(&mut importer, &file.text);
        return Some((document, importer.problems, importer.rows));
    }
    import_json(importer, file).map(|(document, problems)| (document, problems, Vec::new()))
}

/// The prefix of made-up ids for each file: its stem (`women`), or where two
/// files share a stem (`women.csv`, `women.json`) its whole name
/// (`women-csv`), then its place in the list: never the same for two files.
fn id_prefixes(files: &[SourceFile]) -> Vec<String> {
    let importers: Vec<Importer> = files.iter().map(|f| Importer::new(&f.name)).collect();
    let stems: Vec<String> = importers.iter().map(Importer::file_slug).collect();
    let mut prefixes: Vec<String> = importers
        .iter()
        .zip(&stems)
        .map(|(importer, stem)| {
            if stems.iter().filter(|s| *s == stem).count() > 1 {
                importer.name_slug()
            } else {
                stem.clone()
            }
        })
        .collect();
    for i in 0..prefixes.len() {
        if prefixes[..i].contains(&prefixes[i]) {
            prefixes[i] = format!("{}-{}", prefixes[i], i + 1);
        }
    }
    prefixes
}

/// True for a file named `….csv`. The suffix is taken with `get`: a name
/// ending in a multi-byte character (`café`) has no char boundary there.
pub fn is_csv(name: &str) -> bool {
    let name = name.split(['?', '#']).next().unwrap_or(name);
    name.len() > 4
        && name
            .get(name.len() - 4..)
            .is_some_and(|ext| ext.eq_ignore_ascii_case(".csv"))
}

/// What a build without the CSV importer (the embeds) says of a CSV file it is
/// given: the file is left out, and the embed's page adds where the full app
/// opens the same data (`data::load_manifest_dataset`).
pub const CSV_IN_FULL_APP: &str = "CSV templates are read by the full app";

/// A CSV file converted by the spreadsheet importer.
#[cfg(feature = "csv")]
fn import_csv(importer: &mut Importer, text: &str) -> Document {
    csv::import(importer, text)
}

/// Without the importer, a CSV file becomes an empty document and a problem
/// naming the file ([`CSV_IN_FULL_APP`]), not silently nothing.
#[cfg(not(feature = "csv"))]
fn import_csv(importer: &mut Importer, _text: &str) -> Document {
    csv_not_read(importer)
}

/// The empty document and problem of a CSV file in a build that has no CSV
/// importer (always compiled, so the native tests check it in every build).
#[cfg_attr(feature = "csv", allow(dead_code))]
fn csv_not_read(importer: &mut Importer) -> Document {
    importer.error("", CSV_IN_FULL_APP);
    Document {
        format: Some(FORMAT.to_owned()),
        ..Document::default()
    }
}

/// Converts a CSV, TimelineJS3 or StoryMapJS file; `None` for anything else.
pub fn import_file(file: &SourceFile) -> Option<(Document, Vec<Problem>)> {
    let mut importer = Importer::new(&file.name);
    if is_csv(&file.name) {
        let document = import_csv(&mut importer, &file.text);
        return Some((document, importer.problems));
    }
    // (load_any also keeps each CSV record's row; see import_with_rows.)
    import_json(importer, file)
}

/// Converts a TimelineJS3 or StoryMapJS file; `None` for anything else.
fn import_json(mut importer: Importer, file: &SourceFile) -> Option<(Document, Vec<Problem>)> {
    // Read borrowed from the text (json): a TimelineJS3 file of 10,000 events
    // never becomes a Value tree.
    let root = json::parse_object(&file.text)?;
    let mut document = Document {
        format: Some(FORMAT.to_owned()),
        ..Document::default()
    };
    if storymapjs::is_storymapjs(&root) {
        document
            .stories
            .push(storymapjs::import(&mut importer, &root));
    } else if timelinejs::is_timelinejs(&root) {
        document
            .timelines
            .push(timelinejs::import(&mut importer, &root));
    } else {
        return None;
    }
    let mut problems = importer.problems;
    for problem in &mut problems {
        if let Some((line, column)) = crate::model::locate::locate(&file.text, &problem.path) {
            problem.line = Some(line);
            problem.column = Some(column);
        }
    }
    Some((document, problems))
}

/// Collects the problems of one file's conversion.
pub struct Importer {
    file: String,
    problems: Vec<Problem>,
    rows: RowLines,
    /// What made-up ids start with (see `id_prefixes`).
    id_prefix: String,
}

impl Importer {
    fn new(file: &str) -> Self {
        let mut importer = Importer {
            file: file.to_owned(),
            problems: Vec::new(),
            rows: Vec::new(),
            id_prefix: String::new(),
        };
        importer.id_prefix = importer.file_slug();
        importer
    }

    fn error(&mut self, path: &str, message: impl Into<String>) {
        self.problems
            .push(Problem::error(&self.file, path, message));
    }

    fn warning(&mut self, path: &str, message: impl Into<String>) {
        self.problems
            .push(Problem::warning(&self.file, path, message));
    }

    /// The URL when it is http(s) or relative; otherwise a problem, and `None`.
    fn safe_url(&mut self, path: &str, url: &str) -> Option<String> {
        if is_safe_url(url) {
            Some(url.to_owned())
        } else {
            self.error(
                path,
                format!("{url:?} is not an http(s) or relative URL; dropped"),
            );
            None
        }
    }

    /// An id the importer makes up (`event-2` of `women.json` →
    /// `women-event-2`): prefixed by the file's stem, so that several peer
    /// files combine in one dataset without colliding.
    fn generated_id(&self, what: &str, number: usize) -> String {
        format!("{}-{what}-{number}", self.id_prefix)
    }

    /// The id of the record a whole file becomes (its timeline or story).
    fn file_id(&self) -> String {
        self.id_prefix.clone()
    }

    /// The file's stem as an id (see [`id_of`]).
    fn file_slug(&self) -> String {
        id_of(&self.file_title())
    }

    /// The file's name with its extension as an id (`women-csv`).
    fn name_slug(&self) -> String {
        id_of(self.file_name())
    }

    /// The file's name without folders, query or fragment (`women.csv`).
    fn file_name(&self) -> &str {
        let name = self.file.rsplit(['/', '\\']).next().unwrap_or(&self.file);
        name.split(['?', '#']).next().unwrap_or(name)
    }

    /// The file's name without folders and extension, for titles and ids.
    fn file_title(&self) -> String {
        let name = self.file_name();
        name.rsplit_once('.')
            .map_or(name, |(stem, _)| stem)
            .to_owned()
    }
}

/// The date parts of a spreadsheet row or a TimelineJS3 date object, written
/// as an EDTF date at the precision given (each part only with the one before).
#[derive(Clone, Copy, Debug, Default)]
struct DateParts {
    year: i64,
    month: Option<i64>,
    day: Option<i64>,
    hour: Option<i64>,
    minute: Option<i64>,
    second: Option<i64>,
}

impl DateParts {
    fn edtf(self) -> String {
        use std::fmt::Write;
        // One string written in place (a date per event, 10,000 in a large file).
        let year = self.year;
        let mut edtf = String::with_capacity(24);
        let _ = match year {
            0..=9999 => write!(edtf, "{year:04}"),
            -9999..=-1 => write!(edtf, "-{:04}", -year),
            _ => write!(edtf, "Y{year}"),
        };
        if let Some(month) = self.month {
            let _ = write!(edtf, "-{month:02}");
            if let Some(day) = self.day {
                let _ = write!(edtf, "-{day:02}");
                if let Some(hour) = self.hour {
                    let _ = write!(edtf, "T{hour:02}:{:02}", self.minute.unwrap_or(0));
                    if let Some(second) = self.second {
                        let _ = write!(edtf, ":{second:02}");
                    }
                }
            }
        }
        edtf
    }
}

/// A name as an id: its slug, or for a name with no letter or digit in
/// a-z 0-9 (`خريطة`) the slug and a short hash of it, so that two such names
/// still differ.
fn id_of(name: &str) -> String {
    let slug = slug(name);
    if name.bytes().any(|b| b.is_ascii_alphanumeric()) {
        return slug;
    }
    // FNV-1a: stable across builds and platforms, unlike std's hasher.
    let hash = name.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    format!("{slug}-{:06x}", hash & 0xff_ffff)
}

/// An id made of `a-z 0-9 - _` from any text.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "imported".to_owned()
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_in_the_peers_formats_need_an_importer_and_mapline_documents_do_not() {
        let file = |name: &str, text: &str| SourceFile::new(name, text);
        assert!(!needs_importer(&file(
            "cases.json",
            r#"{"format": "mapline/1", "cases": []}"#
        )));
        assert!(
            !needs_importer(&file("broken.json", "{\"format\": ")),
            "the Mapline loader reports it"
        );
        assert!(needs_importer(&file("women.csv", "name,country\n")));
        assert!(needs_importer(&file(
            "t.json",
            r#"{"events": [{"start_date": {"year": 2012}}]}"#
        )));
        assert!(needs_importer(&file(
            "s.json",
            r#"{"storymap": {"slides": []}}"#
        )));
    }

    #[test]
    fn without_importers_the_mapline_documents_load_and_each_other_file_says_why() {
        let files = [
            SourceFile::new(
                "members.json",
                r#"{"format": "mapline/1", "members": [{"id": "a", "name": "A", "country": "CA", "region": "americas"}]}"#,
            ),
            SourceFile::new("t.json", r#"{"events": [{"start_date": {"year": 2012}}]}"#),
        ];
        let loaded = load_without_importers(&files, "not downloaded");
        assert_eq!(loaded.dataset.members.len(), 1);
        assert!(loaded.dataset.timelines.is_empty());
        assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
        assert_eq!(loaded.problems[0].file, "t.json");
        assert_eq!(loaded.problems[0].message, "not downloaded");
        assert!(loaded.problems[0].is_error());
        // With every file in Mapline's format, it is the whole loader.
        let all = load_without_importers(&files[..1], "unused");
        assert_eq!(all, load_any(&files[..1]));
    }

    #[test]
    fn date_parts_are_written_at_their_precision() {
        let parts = |year, month, day, hour| DateParts {
            year,
            month,
            day,
            hour,
            ..DateParts::default()
        };
        assert_eq!(parts(2012, None, None, None).edtf(), "2012");
        assert_eq!(parts(650, Some(3), None, None).edtf(), "0650-03");
        assert_eq!(parts(-44, Some(3), Some(15), None).edtf(), "-0044-03-15");
        assert_eq!(
            parts(-13_800_000_000, None, None, None).edtf(),
            "Y-13800000000"
        );
        assert_eq!(
            parts(2012, Some(11), Some(2), Some(9)).edtf(),
            "2012-11-02T09:00"
        );
        assert_eq!(
            parts(2012, None, Some(2), Some(9)).edtf(),
            "2012",
            "a day without a month is not written"
        );
    }

    #[test]
    fn slugs_are_valid_ids() {
        assert_eq!(slug("Wikipedia Images!"), "wikipedia-images");
        assert_eq!(slug("TimelineJS3-eras"), "timelinejs3-eras");
        assert_eq!(slug("***"), "imported");
        assert_eq!(slug("a__b"), "a__b");
    }

    #[test]
    fn csv_names_are_told_in_any_script() {
        assert!(is_csv("sheet.csv"));
        assert!(is_csv("ورقة.CSV"));
        assert!(is_csv("https://example.org/a.csv?x=é"));
        for name in [
            "café",
            "café.js",
            "été",
            "notes-ü",
            "emoji-🗺️",
            "خريطة.json",
            "csv",
            ".csv",
            "é",
        ] {
            assert!(!is_csv(name), "{name}");
        }
    }

    #[test]
    fn two_peer_files_combine_without_id_collisions() {
        let sheet = "Year,Headline\n2011,One\n2012,Two\n";
        let json = r#"{"events": [{"start_date": {"year": "2013"}, "text": {"headline": "Three"}},
            {"start_date": {"year": "2014"}, "text": {"headline": "Four"}, "unique_id": "four"}]}"#;
        let manifest = r#"{"format": "mapline/1", "files": ["women.csv", "women.json"]}"#;
        let loaded = load_any(&[
            SourceFile::new("manifest.json", manifest),
            SourceFile::new("women.csv", sheet),
            SourceFile::new("women.json", json),
        ]);
        assert!(
            !loaded.problems.iter().any(Problem::is_error),
            "{:#?}",
            loaded.problems
        );
        let ids: Vec<Vec<&str>> = loaded
            .dataset
            .timelines
            .iter()
            .map(|t| t.events.iter().map(|e| e.id.as_str()).collect())
            .collect();
        // Two files of one stem are told apart by their extension; the ids a
        // file writes (`four`) stay as written.
        assert_eq!(
            ids,
            [
                vec!["women-csv-event-1", "women-csv-event-2"],
                vec!["women-json-event-1", "four"]
            ]
        );
        let prefixes = id_prefixes(&[
            SourceFile::new("data/women.json", ""),
            SourceFile::new("men.json", ""),
            SourceFile::new("other/men.json", ""),
        ]);
        assert_eq!(prefixes, ["women", "men-json", "men-json-3"]);
    }

    #[test]
    fn made_up_ids_of_files_named_in_other_scripts_still_differ() {
        let importer = |name: &str| Importer::new(name).generated_id("event", 1);
        assert_eq!(importer("data/Women.json"), "women-event-1");
        assert_ne!(importer("خريطة.json"), importer("قصة.json"));
        assert!(importer("خريطة.json").starts_with("imported-"));
    }

    #[test]
    fn a_build_without_the_csv_importer_names_the_file_and_loads_the_rest() {
        let mut importer = Importer::new("data/women.csv");
        let document = csv_not_read(&mut importer);
        let problems = importer.problems;
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].file, "data/women.csv");
        assert!(problems[0].is_error());
        assert_eq!(problems[0].message, CSV_IN_FULL_APP);
        // The empty document it leaves loads without a problem of its own.
        let loaded = load_sources(vec![Input::Document {
            name: "data/women.csv (imported)".to_owned(),
            document: Box::new(document),
        }]);
        assert_eq!(loaded.problems, Vec::new());
        assert_eq!(loaded.dataset.stats().timelines, 0);
    }

    #[test]
    fn formats_are_detected_from_content() {
        assert_eq!(detect(r#"{"events": []}"#), SourceFormat::TimelineJs);
        assert_eq!(
            detect(r#"{"storymap": {"slides": []}}"#),
            SourceFormat::StoryMapJs
        );
        assert_eq!(
            detect(r#"{"format": "mapline/1", "timelines": []}"#),
            SourceFormat::Mapline
        );
        assert_eq!(detect("not json"), SourceFormat::Mapline);
    }
}
