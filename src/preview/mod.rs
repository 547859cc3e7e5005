//! Staff preview of a draft: nothing leaves the browser. Pure logic here (tested
//! natively); the view is in `view.rs`.

#[cfg(target_arch = "wasm32")]
pub mod view;

use crate::model::{Loaded, SourceFile, load_dataset};

/// The file name problems in a pasted draft are reported under.
pub const PASTED_NAME: &str = "draft.json";

/// Loads a pasted draft as one document; blank text is an empty dataset.
pub fn check_pasted(text: &str) -> Loaded {
    if text.trim().is_empty() {
        return load_dataset(&[]);
    }
    load_dataset(&[SourceFile {
        name: PASTED_NAME.to_owned(),
        text: text.to_owned(),
    }])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_truncated_draft_is_reported_where_it_breaks() {
        let loaded = check_pasted("{\n  \"format\": \"mapline/1\",\n  \"members\": [\n");
        let problem = loaded.problems.first().expect("a problem");
        assert_eq!(problem.file, PASTED_NAME);
        assert_eq!(problem.line, Some(4), "{problem}");
    }

    #[test]
    fn a_blank_draft_has_no_problems() {
        let loaded = check_pasted("  \n");
        assert!(loaded.problems.is_empty());
        assert_eq!(loaded.dataset.stats().members, 0);
    }
}
