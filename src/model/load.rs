//! Loading: JSON text → records, keeping every valid record and listing a
//! problem for each one dropped or doubtful.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::dataset::Dataset;
use super::de;
use super::locate::{byte_column_to_char_column, locate};
use super::problem::Problem;
use super::types::{
    Alliance, Campaign, Case, Document, FORMAT, Gallery, Manifest, Member, Origin, OutcomeKind,
    Story, Timeline,
};
use super::url::resolve;
use super::validate::{self, Checker};

/// A file's name (a URL or path: relative URLs inside resolve against it) and text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        SourceFile {
            name: name.into(),
            text: text.into(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub dataset: Dataset,
    /// Errors and warnings, by file (in the order given) then position.
    pub problems: Vec<Problem>,
}

impl Loaded {
    /// What `mapline check` prints: every problem on a line, then the summary.
    pub fn report(&self) -> String {
        let mut out = String::new();
        for problem in &self.problems {
            out.push_str(&problem.to_string());
            out.push('\n');
        }
        out.push_str(&self.dataset.stats().to_string());
        out.push('\n');
        out
    }
}

const COLLECTIONS: [&str; 7] = [
    "alliances",
    "members",
    "cases",
    "campaigns",
    "stories",
    "galleries",
    "timelines",
];
const MANIFEST_KEYS: [&str; 6] = [
    "format",
    "title",
    "description",
    "files",
    "tiles",
    "basemap",
];

/// Parses a manifest. Errors (not JSON, wrong shape, wrong format, unsafe
/// URLs) come back as problems; warnings are left to `load_dataset`.
pub fn parse_manifest(name: &str, text: &str) -> Result<Manifest, Vec<Problem>> {
    let mut problems = Vec::new();
    let manifest = parse_object(name, text, &mut problems)
        .and_then(|object| read_manifest(name, &object, &mut problems));
    problems.retain(Problem::is_error);
    locate_problems(&mut problems, &[&SourceFile::new(name, text)]);
    match manifest {
        Some(manifest) if problems.is_empty() => Ok(manifest),
        _ => Err(problems),
    }
}

/// The manifest's files, resolved against the manifest's own name.
pub fn manifest_file_names(manifest_name: &str, manifest: &Manifest) -> Vec<String> {
    manifest
        .files
        .iter()
        .map(|file| resolve(manifest_name, file))
        .collect()
}

/// True when the text is a manifest (a JSON object with `files`) rather than a document.
pub fn is_manifest(text: &str) -> bool {
    serde_json::from_str::<Value>(text).is_ok_and(|value| value.get("files").is_some())
}

/// Loads documents (and at most one manifest, told apart by its `files`)
/// into one dataset. A lone document is a whole dataset.
pub fn load_dataset(files: &[SourceFile]) -> Loaded {
    load_sources(files.iter().map(Input::Text).collect())
}

/// One input of [`load_sources`].
pub enum Input<'a> {
    /// JSON text, read record by record.
    Text(&'a SourceFile),
    /// A document already in memory (an importer's output), named as its
    /// problems will name it: checked like one read from JSON, without
    /// writing it out and parsing it again.
    Document {
        name: String,
        document: Box<Document>,
    },
}

impl Input<'_> {
    fn name(&self) -> &str {
        match self {
            Input::Text(file) => &file.name,
            Input::Document { name, .. } => name,
        }
    }
}

/// [`load_dataset`] over texts and documents in memory, in the order given.
pub fn load_sources(sources: Vec<Input<'_>>) -> Loaded {
    let mut loaded = Loaded::default();
    let names: Vec<String> = sources.iter().map(|s| s.name().to_owned()).collect();
    let mut files = Vec::new();
    for source in sources {
        match source {
            Input::Text(file) => {
                load_file(file, &mut loaded);
                files.push(file);
            }
            Input::Document { name, document } => load_document(&name, *document, &mut loaded),
        }
    }
    loaded
        .problems
        .extend(validate::check_dataset(&loaded.dataset));
    locate_problems(&mut loaded.problems, &files);
    let file_order = |problem: &Problem| {
        names
            .iter()
            .position(|name| *name == problem.file)
            .unwrap_or(usize::MAX)
    };
    crate::sort::sort_by_key(&mut loaded.problems, |p| {
        (
            file_order(p),
            p.line.unwrap_or(u32::MAX),
            p.column.unwrap_or(u32::MAX),
        )
    });
    loaded
}

fn load_file(file: &SourceFile, loaded: &mut Loaded) {
    let problems = &mut loaded.problems;
    let Some(object) = parse_object(&file.name, &file.text, problems) else {
        return;
    };
    if object.contains_key("files") {
        if let Some(manifest) = read_manifest(&file.name, &object, problems) {
            if loaded.dataset.manifest.is_some() {
                problems.push(Problem::warning(
                    &file.name,
                    "",
                    "a second manifest is ignored",
                ));
            } else {
                loaded.dataset.manifest = Some(manifest);
            }
        }
        for key in object
            .keys()
            .filter(|k| !MANIFEST_KEYS.contains(&k.as_str()))
        {
            problems.push(Problem::warning(
                &file.name,
                key.as_str(),
                format!("unknown manifest field {key:?} ignored (collections belong in documents)"),
            ));
        }
        return;
    }
    match object.get("format") {
        None => problems.push(Problem::warning(
            &file.name,
            "",
            format!("no \"format\"; read as {FORMAT:?}"),
        )),
        Some(Value::String(format)) if format == FORMAT => {}
        Some(other) => problems.push(Problem::error(
            &file.name,
            "format",
            format!("format {other} is not {FORMAT:?}"),
        )),
    }
    let name = file.name.as_str();
    let dataset = &mut loaded.dataset;
    for (key, value) in &object {
        let key = key.as_str();
        let Some(items) = collection_items(name, key, value, problems) else {
            continue;
        };
        match key {
            "alliances" => read_records(name, key, items, problems, &mut dataset.alliances),
            "members" => read_records(name, key, items, problems, &mut dataset.members),
            "cases" => read_records(name, key, items, problems, &mut dataset.cases),
            "campaigns" => read_records(name, key, items, problems, &mut dataset.campaigns),
            // Builds without stories or galleries (features `stories`,
            // `galleries`: the timeline and map embeds) leave those records
            // unread: they show none, and the code that reads and checks them
            // is not in their wasm.
            #[cfg(feature = "stories")]
            "stories" => read_records(name, key, items, problems, &mut dataset.stories),
            #[cfg(not(feature = "stories"))]
            "stories" => dataset.unread.stories += items.len(),
            #[cfg(feature = "galleries")]
            "galleries" => read_records(name, key, items, problems, &mut dataset.galleries),
            #[cfg(not(feature = "galleries"))]
            "galleries" => dataset.unread.galleries += items.len(),
            "timelines" => read_records(name, key, items, problems, &mut dataset.timelines),
            _ => {}
        }
    }
}

/// Adds a document that is already in memory: each record is checked and
/// placed exactly as if it had been read from JSON, without the text.
fn load_document(name: &str, document: Document, loaded: &mut Loaded) {
    let problems = &mut loaded.problems;
    let dataset = &mut loaded.dataset;
    let Document {
        format: _,
        alliances,
        members,
        cases,
        campaigns,
        stories,
        galleries,
        timelines,
    } = document;
    accept_records(
        name,
        "alliances",
        alliances,
        problems,
        &mut dataset.alliances,
    );
    accept_records(name, "members", members, problems, &mut dataset.members);
    accept_records(name, "cases", cases, problems, &mut dataset.cases);
    accept_records(
        name,
        "campaigns",
        campaigns,
        problems,
        &mut dataset.campaigns,
    );
    #[cfg(feature = "stories")]
    accept_records(name, "stories", stories, problems, &mut dataset.stories);
    #[cfg(not(feature = "stories"))]
    {
        dataset.unread.stories += stories.len();
    }
    #[cfg(feature = "galleries")]
    accept_records(
        name,
        "galleries",
        galleries,
        problems,
        &mut dataset.galleries,
    );
    #[cfg(not(feature = "galleries"))]
    {
        dataset.unread.galleries += galleries.len();
    }
    accept_records(
        name,
        "timelines",
        timelines,
        problems,
        &mut dataset.timelines,
    );
}

/// What loading needs of each record type: its check and where its origin goes.
trait Record: DeserializeOwned {
    fn check(checker: &mut Checker<'_>, path: &str, record: &mut Self);
    fn set_origin(&mut self, origin: Origin);
}

macro_rules! record {
    ($type:ty, $check:path) => {
        impl Record for $type {
            fn check(checker: &mut Checker<'_>, path: &str, record: &mut Self) {
                $check(checker, path, record)
            }
            fn set_origin(&mut self, origin: Origin) {
                self.origin = origin;
            }
        }
    };
}

record!(Alliance, validate::check_alliance);
record!(Member, validate::check_member);
record!(Case, validate::check_case);
record!(Campaign, validate::check_campaign);
record!(Story, validate::check_story);
record!(Gallery, validate::check_gallery);
record!(Timeline, validate::check_timeline);

/// The array of a collection key; `None` (with a problem) for anything else.
fn collection_items<'v>(
    file: &str,
    key: &str,
    value: &'v Value,
    problems: &mut Vec<Problem>,
) -> Option<&'v Vec<Value>> {
    if key == "format" {
        return None;
    }
    if !COLLECTIONS.contains(&key) {
        problems.push(Problem::warning(
            file,
            key,
            format!("unknown collection {key:?} ignored"),
        ));
        return None;
    }
    match value {
        Value::Array(items) => Some(items),
        _ => {
            problems.push(Problem::error(file, key, format!("{key} must be an array")));
            None
        }
    }
}

/// Reads each record on its own: a bad one is dropped with a problem, the
/// rest load. Each good one is then checked (and its URLs resolved).
fn read_records<T: Record>(
    file: &str,
    collection: &str,
    items: &[Value],
    problems: &mut Vec<Problem>,
    into: &mut Vec<T>,
) {
    for (i, item) in items.iter().enumerate() {
        let path = format!("{collection}[{i}]");
        let Some(record) = deserialize_record::<T>(file, &path, item, problems) else {
            continue;
        };
        warn_unknown_kinds(file, collection, &path, item, problems);
        accept_record(file, path, record, problems, into);
    }
}

/// Records already in memory, each checked and placed like a read one.
fn accept_records<T: Record>(
    file: &str,
    collection: &str,
    records: Vec<T>,
    problems: &mut Vec<Problem>,
    into: &mut Vec<T>,
) {
    into.reserve(records.len());
    for (i, record) in records.into_iter().enumerate() {
        accept_record(file, format!("{collection}[{i}]"), record, problems, into);
    }
}

/// Checks one record at `path` (resolving its URLs) and adds it with its origin.
fn accept_record<T: Record>(
    file: &str,
    path: String,
    mut record: T,
    problems: &mut Vec<Problem>,
    into: &mut Vec<T>,
) {
    T::check(&mut Checker { file, problems }, &path, &mut record);
    record.set_origin(Origin {
        file: file.to_string(),
        path,
    });
    into.push(record);
}

/// Deserializes one value, naming the failing field's path; warns about fields
/// the format does not have (often a misspelling). An item of one of the
/// record's lists that does not read (an event with a date like `2012-13-45`,
/// a slide with `"lat": "NaN"`) is left out with its own problem, and the rest
/// of the record loads; anything else wrong drops the record.
fn deserialize_record<T: DeserializeOwned>(
    file: &str,
    path: &str,
    value: &Value,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    let (mut result, mut ignored) = de::from_value::<T>(value);
    // Only a record with a bad list item pays for a copy and more passes.
    let mut left_out = LeftOut::default();
    let mut cleaned: Option<Value> = None;
    // A pass per list with bad items; a list is passed again only when the
    // first pass tried its items while another list's bad item failed first.
    let mut passes = 0;
    while let Err(error) = &result
        && let Some((list, _)) = error.list_item()
        && passes < 16
    {
        passes += 1;
        let list = list.to_owned();
        let record = cleaned.get_or_insert_with(|| value.clone());
        if !left_out.remove_bad_items::<T>(record, &list, file, path, problems) {
            break;
        }
        (result, ignored) = de::from_value::<T>(record);
    }
    match result {
        Ok(record) => {
            for field in ignored {
                problems.push(Problem::warning(
                    file,
                    join_path(path, &left_out.original_path(&field)),
                    "unknown field ignored",
                ));
            }
            Some(record)
        }
        Err(error) => {
            problems.push(Problem::error(
                file,
                join_path(path, &left_out.original_path(&error.path())),
                format!("{}; record dropped", error.message()),
            ));
            None
        }
    }
}

/// The items left out of a record's lists, by their index in the file, so
/// that paths found after leaving them out still name the file's items.
#[derive(Default)]
struct LeftOut {
    lists: Vec<(String, Vec<usize>)>,
}

impl LeftOut {
    /// Tries each item of `record[list]` alone in the record (linear, where
    /// leaving out one bad item at a time would be quadratic in a 10,000-event
    /// timeline of bad dates), reports and removes those that fail there.
    /// False when none did.
    fn remove_bad_items<T: DeserializeOwned>(
        &mut self,
        record: &mut Value,
        list: &str,
        file: &str,
        path: &str,
        problems: &mut Vec<Problem>,
    ) -> bool {
        let Some(Value::Array(items)) = record.get_mut(list) else {
            return false;
        };
        let items = std::mem::take(items);
        let mut kept = Vec::with_capacity(items.len());
        let mut removed = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            record[list] = Value::Array(vec![item]);
            let failed = match de::from_value::<T>(record).0 {
                Err(error) if error.list_item() == Some((list, 0)) => Some(error),
                _ => None,
            };
            let Value::Array(mut alone) = record[list].take() else {
                continue;
            };
            let Some(item) = alone.pop() else { continue };
            match failed {
                Some(error) => {
                    let inner = error.path();
                    let inner = inner
                        .strip_prefix(&format!("{list}[0]"))
                        .unwrap_or_default();
                    let original = self.original_index(list, i);
                    problems.push(Problem::error(
                        file,
                        join_path(path, &format!("{list}[{original}]{inner}")),
                        format!(
                            "{}; left out, the rest of the record loads",
                            error.message()
                        ),
                    ));
                    removed.push(original);
                }
                None => kept.push(item),
            }
        }
        record[list] = Value::Array(kept);
        let any = !removed.is_empty();
        match self.lists.iter_mut().find(|(name, _)| name == list) {
            Some((_, earlier)) => {
                earlier.extend(removed);
                earlier.sort_unstable();
            }
            None => self.lists.push((list.to_owned(), removed)),
        }
        any
    }

    /// The index in the file of item `index` of the list as it is now.
    fn original_index(&self, list: &str, index: usize) -> usize {
        let mut original = index;
        if let Some((_, removed)) = self.lists.iter().find(|(name, _)| name == list) {
            // Ascending: each removed item at or before this one shifts it on.
            for &r in removed {
                if r <= original {
                    original += 1;
                }
            }
        }
        original
    }

    /// `events[3].x` after leaving out events 1 and 2 → `events[5].x`.
    fn original_path(&self, path: &str) -> String {
        for (list, _) in &self.lists {
            let Some((index, rest)) = path
                .strip_prefix(list.as_str())
                .and_then(|r| r.strip_prefix('['))
                .and_then(|r| r.split_once(']'))
            else {
                continue;
            };
            let Ok(index) = index.parse::<usize>() else {
                continue;
            };
            return format!("{list}[{}]{rest}", self.original_index(list, index));
        }
        path.to_owned()
    }
}

/// `a` + `b.c` → `a.b.c`; `a` + `[2].c` → `a[2].c`.
fn join_path(prefix: &str, inner: &str) -> String {
    if inner.is_empty() {
        prefix.to_string()
    } else if prefix.is_empty() || inner.starts_with('[') {
        format!("{prefix}{inner}")
    } else {
        format!("{prefix}.{inner}")
    }
}

/// Unknown outcome kinds read as `other`; say so where they are written.
fn warn_unknown_kinds(
    file: &str,
    collection: &str,
    path: &str,
    record: &Value,
    problems: &mut Vec<Problem>,
) {
    let lists: &[&str] = match collection {
        "cases" => &["outcomes"],
        "campaigns" => &["results", "milestones"],
        "timelines" => &["events"],
        _ => &[],
    };
    for list in lists {
        let Some(Value::Array(items)) = record.get(list) else {
            continue;
        };
        for (i, item) in items.iter().enumerate() {
            if let Some(Value::String(kind)) = item.get("kind")
                && !OutcomeKind::is_known_name(kind)
            {
                problems.push(Problem::warning(
                    file,
                    format!("{path}.{list}[{i}].kind"),
                    format!("unknown outcome kind {kind:?}, shown as \"other\""),
                ));
            }
        }
    }
}

fn read_manifest(
    name: &str,
    object: &Map<String, Value>,
    problems: &mut Vec<Problem>,
) -> Option<Manifest> {
    // The object was parsed from text, so it re-enters serde as a Value.
    let value = Value::Object(object.clone());
    let mut manifest = deserialize_record::<Manifest>(name, "", &value, problems)?;
    validate::check_manifest(
        &mut Checker {
            file: name,
            problems,
        },
        &mut manifest,
    );
    Some(manifest)
}

/// Parses the text as a JSON object, or reports where it breaks.
fn parse_object(name: &str, text: &str, problems: &mut Vec<Problem>) -> Option<Map<String, Value>> {
    if text.trim().is_empty() {
        problems.push(Problem::error(name, "", "the file is empty").at(1, 1));
        return None;
    }
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(object)) => Some(object),
        Ok(_) => {
            problems.push(
                Problem::error(
                    name,
                    "",
                    "expected a JSON object ({\"format\": \"mapline/1\", …})",
                )
                .at(1, 1),
            );
            None
        }
        Err(error) => {
            let line = error.line();
            let column = byte_column_to_char_column(text, line, error.column());
            let message = error.to_string();
            let message = message.split(" at line ").next().unwrap_or(&message);
            let problem = Problem::error(name, "", format!("not valid JSON: {message}"));
            problems.push(if line > 0 {
                problem.at(u32::try_from(line).unwrap_or(u32::MAX), column)
            } else {
                problem
            });
            None
        }
    }
}

/// Gives every unlocated problem the line and column of its path.
fn locate_problems(problems: &mut [Problem], files: &[&SourceFile]) {
    for problem in problems.iter_mut().filter(|p| p.line.is_none()) {
        let Some(file) = files.iter().find(|f| f.name == problem.file) else {
            continue;
        };
        if let Some((line, column)) = locate(&file.text, &problem.path) {
            problem.line = Some(line);
            problem.column = Some(column);
        }
    }
}
