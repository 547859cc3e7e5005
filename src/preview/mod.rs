//! Staff preview of a draft: files picked, dropped or pasted, checked and shown
//! as they would be published. Nothing leaves the browser. Pure logic here
//! (tested natively); the view is in `view.rs`.

#[cfg(target_arch = "wasm32")]
pub mod view;

use serde::{Deserialize, Serialize};

use crate::import::load_any;
use crate::model::locate::locate;
use crate::model::{Loaded, Problem, SourceFile, manifest_file_names, parse_manifest};

/// The name a pasted draft is reported under.
pub const PASTED_NAME: &str = "draft.json";

/// One file of a draft, as kept in the browser's storage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftFile {
    pub name: String,
    pub text: String,
}

/// A draft: its files, in the order given. A manifest among them names the
/// others by their file names.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub files: Vec<DraftFile>,
}

impl Draft {
    /// A draft of one pasted document.
    pub fn pasted(text: &str) -> Draft {
        Draft {
            files: vec![DraftFile {
                name: PASTED_NAME.to_owned(),
                text: text.to_owned(),
            }],
        }
    }

    /// Restores a stored draft; anything unreadable is an empty draft.
    pub fn from_storage(stored: &str) -> Draft {
        serde_json::from_str(stored).unwrap_or_default()
    }

    pub fn to_storage(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Replaces the file of that name, or adds it.
    pub fn put(&mut self, name: &str, text: String) {
        match self.files.iter_mut().find(|f| f.name == name) {
            Some(file) => file.text = text,
            None => self.files.push(DraftFile {
                name: name.to_owned(),
                text,
            }),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.files.iter().all(|f| f.text.trim().is_empty())
    }

    /// Checks the draft and loads everything valid in it. Files the draft's
    /// manifest names are found by name (the loader reads a manifest's `files`
    /// relative to the manifest, and a draft's files sit side by side).
    pub fn load(&self) -> Loaded {
        let files: Vec<SourceFile> = self
            .files
            .iter()
            .filter(|f| !f.text.trim().is_empty())
            .map(|f| SourceFile::new(f.name.clone(), f.text.clone()))
            .collect();
        let mut loaded = load_any(&files);
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

/// The selection (in UTF-16 code units, as a textarea counts) from a 1-based
/// line and column to the end of that line; the end of the text when the line
/// is past it.
pub fn selection_at(text: &str, line: u32, column: u32) -> (u32, u32) {
    let mut offset: u32 = 0;
    for (index, content) in text.split('\n').enumerate() {
        let this_line = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let line_units = content.encode_utf16().count() as u32;
        if this_line == line {
            let column_units: u32 = content
                .chars()
                .take(column.saturating_sub(1) as usize)
                .map(|c| c.len_utf16() as u32)
                .sum();
            let start = offset + column_units.min(line_units);
            let end = (offset + line_units).max(start);
            return (start, end);
        }
        offset += line_units + 1;
    }
    let end = text.encode_utf16().count() as u32;
    (end, end)
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
    fn selections_count_utf16_units_like_a_textarea() {
        let text = "{\n  \"name\": \"Ré😀\",\n  \"x\": 1\n}";
        // Line 2, column 3 starts at the quote before "name".
        assert_eq!(selection_at(text, 2, 3), (4, 19));
        // The emoji is two UTF-16 units: line 3 starts after it.
        assert_eq!(selection_at(text, 3, 1), (20, 28));
        assert_eq!(selection_at(text, 99, 1), (30, 30), "past the end: the end");
    }
}
