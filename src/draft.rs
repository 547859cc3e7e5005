//! The staff's draft: the files picked, dropped or pasted in the preview, how
//! they are kept in the browser (`data::draft_store`) and loaded like any
//! dataset. Pure Rust, tested natively: the preview shows it, and every view
//! opens it with `?data=draft`.

use serde::{Deserialize, Serialize};

use crate::import::load_any;
use crate::model::locate::locate;
use crate::model::{Loaded, Problem, SourceFile, decode_text, manifest_file_names, parse_manifest};

/// The name a pasted draft is reported under.
pub const PASTED_NAME: &str = "draft.json";

/// One file of a draft, as kept in the browser's storage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftFile {
    pub name: String,
    pub text: String,
    /// What was wrong when the file was opened (its bytes, a second file of
    /// the same name): kept with the file so a reload still reports it, and
    /// dropped once its text is edited (the text is then the staff's own).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<FileNote>,
}

/// A problem found while opening a file, in a form storage keeps
/// ([`Problem`] itself is not serialisable).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileNote {
    pub message: String,
    #[serde(default)]
    pub line: Option<u32>,
    #[serde(default)]
    pub column: Option<u32>,
    #[serde(default)]
    pub error: bool,
}

impl FileNote {
    fn of(problem: &Problem) -> FileNote {
        FileNote {
            message: problem.message.clone(),
            line: problem.line,
            column: problem.column,
            error: problem.is_error(),
        }
    }

    fn problem(&self, file: &str) -> Problem {
        let problem = if self.error {
            Problem::error(file, "", self.message.clone())
        } else {
            Problem::warning(file, "", self.message.clone())
        };
        match (self.line, self.column) {
            (Some(line), Some(column)) => problem.at(line, column),
            _ => problem,
        }
    }
}

/// A draft: its files, in the order given. A manifest among them names the
/// others by their file names.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub files: Vec<DraftFile>,
    /// When this version was stored (milliseconds since 1970; 0 for drafts
    /// stored before it was kept): of two stored copies, the newer wins.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub saved: u64,
    /// Set on the small stand-in left in the first storage when the draft
    /// itself went to the larger one: a draft found there older than `saved`
    /// is not the latest version, and the preview says so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub stored_elsewhere: bool,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// A stored draft chosen from the copies in the browser's two storages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Restored {
    pub draft: Draft,
    /// When the latest version was stored, if that version is not the one
    /// restored (it could not be kept): the preview says so.
    pub newer_lost: Option<u64>,
}

/// The newest of the stored copies (`local`: localStorage, small drafts;
/// `database`: IndexedDB, drafts too large for it). An older copy is never
/// passed off as the latest: when the newest version was lost, `newer_lost`
/// says when it was stored.
pub fn restore(local: Option<&str>, database: Option<&str>) -> Restored {
    let local = local.map(Draft::from_storage);
    let database = database.map(Draft::from_storage);
    let newest_known = [&local, &database]
        .into_iter()
        .flatten()
        .map(|d| d.saved)
        .max()
        .unwrap_or(0);
    let candidates = [
        local.filter(|d| !d.stored_elsewhere),
        database.filter(|d| !d.stored_elsewhere),
    ];
    // On equal times the small copy wins: it is written first.
    let draft = candidates
        .into_iter()
        .flatten()
        .reduce(|best, d| if d.saved > best.saved { d } else { best })
        .unwrap_or_default();
    let newer_lost = (newest_known > draft.saved).then_some(newest_known);
    Restored { draft, newer_lost }
}

impl Draft {
    /// A draft of one pasted document.
    pub fn pasted(text: &str) -> Draft {
        Draft {
            files: vec![DraftFile {
                name: PASTED_NAME.to_owned(),
                text: text.to_owned(),
                notes: Vec::new(),
            }],
            ..Draft::default()
        }
    }

    /// Restores a stored draft; anything unreadable is an empty draft.
    pub fn from_storage(stored: &str) -> Draft {
        serde_json::from_str(stored).unwrap_or_default()
    }

    pub fn to_storage(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The stand-in for localStorage when the draft itself is in IndexedDB.
    pub fn stand_in(saved: u64) -> Draft {
        Draft {
            files: Vec::new(),
            saved,
            stored_elsewhere: true,
        }
    }

    /// Replaces the file of that name, or adds it.
    pub fn put(&mut self, name: &str, text: String) {
        self.put_with_notes(name, text, Vec::new());
    }

    fn put_with_notes(&mut self, name: &str, text: String, notes: Vec<FileNote>) {
        match self.files.iter_mut().find(|f| f.name == name) {
            Some(file) => {
                file.text = text;
                file.notes = notes;
            }
            None => self.files.push(DraftFile {
                name: name.to_owned(),
                text,
                notes,
            }),
        }
    }

    /// Opens files picked or dropped together, as (name, bytes): each is
    /// decoded as the site and `mapline check` decode data files, and what was
    /// wrong with its bytes stays with it. Two files of the same name cannot
    /// both be kept (a manifest names files by name): the last one is kept,
    /// and it says so. Returns the index of the last file opened.
    pub fn open_files(&mut self, files: Vec<(String, Vec<u8>)>) -> Option<usize> {
        // A fresh paste area that is still empty gives way to the files.
        if !files.is_empty() {
            self.files
                .retain(|f| !(f.name == PASTED_NAME && f.text.trim().is_empty()));
        }
        let mut last = None;
        for (position, (name, bytes)) in files.iter().enumerate() {
            let same_name = files.iter().filter(|(n, _)| n == name).count();
            let later = files.iter().skip(position + 1).any(|(n, _)| n == name);
            if later {
                continue;
            }
            let (text, problem) = decode_text(name, bytes);
            let mut notes: Vec<FileNote> = problem.iter().map(FileNote::of).collect();
            if same_name > 1 {
                notes.push(FileNote {
                    message: format!(
                        "{same_name} files named {name} were opened together; only the last one is kept (rename the others to open them too)"
                    ),
                    line: None,
                    column: None,
                    error: false,
                });
            }
            self.put_with_notes(name, text, notes);
            last = self.files.iter().position(|f| f.name == *name);
        }
        last
    }

    /// The staff edited file `index`: its text is theirs now, so what was
    /// wrong with the bytes it was opened from no longer applies.
    pub fn edit(&mut self, index: usize, text: String) {
        if let Some(file) = self.files.get_mut(index) {
            file.text = text;
            file.notes.clear();
        }
    }

    pub fn is_empty(&self) -> bool {
        self.files.iter().all(|f| f.text.trim().is_empty())
    }

    /// Checks the draft and loads everything valid in it. Files the draft's
    /// manifest names are found by name (the loader reads a manifest's `files`
    /// relative to the manifest, and a draft's files sit side by side).
    pub fn load(&self) -> Loaded {
        self.with_notes(load_any(&self.sources()))
    }

    /// The draft's files with text in them, for a loader.
    pub fn sources(&self) -> Vec<SourceFile> {
        self.files
            .iter()
            .filter(|f| !f.text.trim().is_empty())
            .map(|f| SourceFile::new(f.name.clone(), f.text.clone()))
            .collect()
    }

    /// What [`Draft::load`] adds to what its files load into: the notes
    /// taken as they were opened, and the files a manifest names that the
    /// draft does not hold.
    pub fn with_notes(&self, mut loaded: Loaded) -> Loaded {
        let notes = self
            .files
            .iter()
            .flat_map(|f| f.notes.iter().map(|note| note.problem(&f.name)));
        // What went wrong reading a file comes before what its text holds.
        loaded.problems.splice(0..0, notes);
        loaded.problems.extend(self.missing_files());
        loaded
    }

    /// A manifest in the draft naming files the draft does not hold.
    fn missing_files(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        for file in &self.files {
            let Ok(manifest) = parse_manifest(&file.name, &file.text) else {
                continue;
            };
            for (index, name) in manifest_file_names(&file.name, &manifest)
                .into_iter()
                .enumerate()
            {
                if !self.files.iter().any(|f| f.name == name) {
                    let path = format!("files[{index}]");
                    let mut problem = Problem::error(
                        &file.name,
                        &path,
                        format!("{name} is not in the draft: add it with the other files"),
                    );
                    if let Some((line, column)) = locate(&file.text, &path) {
                        problem = problem.at(line, column);
                    }
                    problems.push(problem);
                }
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_truncated_draft_is_reported_where_it_breaks() {
        let loaded = Draft::pasted("{\n  \"format\": \"mapline/1\",\n  \"members\": [\n").load();
        let problem = loaded.problems.first().expect("a problem");
        assert_eq!(problem.file, PASTED_NAME);
        assert_eq!(problem.line, Some(4), "{problem}");
    }

    #[test]
    fn a_blank_draft_has_no_problems() {
        let draft = Draft::pasted("  \n");
        assert!(draft.is_empty());
        let loaded = draft.load();
        assert!(loaded.problems.is_empty());
        assert_eq!(loaded.dataset.stats().members, 0);
    }

    #[test]
    fn a_manifest_and_its_files_load_together() {
        let mut draft = Draft::default();
        draft.put(
            "manifest.json",
            r#"{"format": "mapline/1", "files": ["members.json"]}"#.into(),
        );
        draft.put(
            "members.json",
            r#"{"format": "mapline/1", "members": [{"id": "a", "name": "A", "country": "GH", "region": "africa"}]}"#.into(),
        );
        let loaded = draft.load();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_eq!(loaded.dataset.stats().members, 1);
        assert!(loaded.dataset.manifest.is_some());
    }

    #[test]
    fn a_manifest_naming_a_file_not_in_the_draft_is_reported_at_its_entry() {
        let mut draft = Draft::default();
        draft.put(
            "manifest.json",
            "{\n  \"format\": \"mapline/1\",\n  \"files\": [\"a.json\", \"gone.json\"]\n}".into(),
        );
        draft.put("a.json", r#"{"format": "mapline/1"}"#.into());
        let loaded = draft.load();
        let missing: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            missing,
            [
                "manifest.json:3:23: files[1]: gone.json is not in the draft: add it with the other files"
            ]
        );
    }

    #[test]
    fn storage_round_trips_and_survives_garbage() {
        let mut draft = Draft::pasted("{}");
        draft.put("b.json", "[]".into());
        assert_eq!(Draft::from_storage(&draft.to_storage()), draft);
        assert_eq!(Draft::from_storage("not json"), Draft::default());
    }

    #[test]
    fn put_replaces_a_file_of_the_same_name() {
        let mut draft = Draft::pasted("one");
        draft.put(PASTED_NAME, "two".into());
        assert_eq!(draft.files.len(), 1);
        assert_eq!(draft.files[0].text, "two");
    }

    #[test]
    fn opened_bytes_are_decoded_and_their_problem_survives_storage() {
        let mut draft = Draft::default();
        let index = draft.open_files(vec![(
            "café.json".into(),
            b"{\"format\": \"mapline/1\",\n \"members\": [\"caf\xC3\"]}".to_vec(),
        )]);
        assert_eq!(index, Some(0));
        let restored = Draft::from_storage(&draft.to_storage());
        assert_eq!(restored, draft);
        let report: Vec<String> = restored
            .load()
            .problems
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            report[0].starts_with("café.json:2:18: invalid UTF-8 (byte 0xC3)"),
            "{report:?}"
        );
        // Once edited, the text is the staff's own: the note goes.
        draft.edit(0, r#"{"format": "mapline/1"}"#.into());
        assert!(
            draft.load().problems.is_empty(),
            "{:?}",
            draft.load().problems
        );
    }

    #[test]
    fn two_files_of_the_same_name_keep_the_last_and_say_so() {
        let mut draft = Draft::pasted("");
        draft.open_files(vec![
            (
                "a.json".into(),
                br#"{"format": "mapline/1", "members": []}"#.to_vec(),
            ),
            ("b.json".into(), br#"{"format": "mapline/1"}"#.to_vec()),
            (
                "a.json".into(),
                br#"{"format": "mapline/1", "cases": []}"#.to_vec(),
            ),
        ]);
        let names: Vec<&str> = draft.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["b.json", "a.json"], "the empty paste area gave way");
        assert!(draft.files[1].text.contains("cases"));
        let report: Vec<String> = draft
            .load()
            .problems
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            report,
            [
                "a.json: warning: 2 files named a.json were opened together; only the last one is kept (rename the others to open them too)"
            ]
        );
    }

    #[test]
    fn the_newest_stored_copy_wins_and_a_lost_newer_one_is_told() {
        let at = |saved: u64, title: &str| {
            let mut draft = Draft::pasted(title);
            draft.saved = saved;
            draft.to_storage()
        };
        let newer = restore(Some(&at(5, "new")), Some(&at(3, "old")));
        assert_eq!(
            (newer.draft.files[0].text.as_str(), newer.newer_lost),
            ("new", None)
        );
        let newer = restore(Some(&Draft::stand_in(7).to_storage()), Some(&at(7, "big")));
        assert_eq!(
            (newer.draft.files[0].text.as_str(), newer.newer_lost),
            ("big", None)
        );
        // The large version at 9 never reached IndexedDB: the one there is older.
        let lost = restore(Some(&Draft::stand_in(9).to_storage()), Some(&at(7, "big")));
        assert_eq!(
            (lost.draft.files[0].text.as_str(), lost.newer_lost),
            ("big", Some(9))
        );
        let nothing = restore(Some(&Draft::stand_in(9).to_storage()), None);
        assert_eq!(
            (nothing.draft.files.len(), nothing.newer_lost),
            (0, Some(9))
        );
        // Drafts stored before times were kept still open.
        let old = restore(
            Some(r#"{"files":[{"name":"draft.json","text":"x"}]}"#),
            None,
        );
        assert_eq!(
            (old.draft.files[0].text.as_str(), old.newer_lost),
            ("x", None)
        );
        assert_eq!(restore(None, None), Restored::default());
    }
}
