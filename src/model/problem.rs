//! A problem found while loading a dataset: where it is and what is wrong.

use std::fmt;

/// Errors make `mapline check` fail; warnings are shown but accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, named by file and JSON path, with a line and column where the
/// file could be located (the staff preview links each problem to its place).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// JSON path inside `file`, e.g. `members[3].coordinates.lat`; empty for the whole file.
    pub path: String,
    pub message: String,
    pub severity: Severity,
}

impl Problem {
    pub fn error(file: &str, path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem::new(Severity::Error, file, path, message)
    }

    pub fn warning(file: &str, path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem::new(Severity::Warning, file, path, message)
    }

    fn new(
        severity: Severity,
        file: &str,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Problem {
        Problem {
            file: file.to_string(),
            line: None,
            column: None,
            path: path.into(),
            message: message.into(),
            severity,
        }
    }

    pub fn at(mut self, line: u32, column: u32) -> Problem {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    /// `file:line:col: path: message`, or `file: path: message` when unlocated.
    /// Warnings say so; errors are the default and carry no tag.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, ":{line}:{column}")?;
        }
        f.write_str(": ")?;
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        if self.severity == Severity::Warning {
            f.write_str("warning: ")?;
        }
        f.write_str(&self.message)
    }
}

/// True when any problem is an error (not just a warning).
pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(Problem::is_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_with_and_without_position() {
        let located = Problem::error(
            "members.json",
            "members[3].country",
            "unknown country code \"XX\"",
        )
        .at(12, 18);
        assert_eq!(
            located.to_string(),
            "members.json:12:18: members[3].country: unknown country code \"XX\""
        );
        let unlocated = Problem::warning("cases.json", "cases[0].outcomes[1].kind", "unknown kind");
        assert_eq!(
            unlocated.to_string(),
            "cases.json: cases[0].outcomes[1].kind: warning: unknown kind"
        );
        let whole_file = Problem::error("x.json", "", "cannot read");
        assert_eq!(whole_file.to_string(), "x.json: cannot read");
    }

    #[test]
    fn errors_versus_warnings() {
        let warning = Problem::warning("a", "", "w");
        assert!(!has_errors(std::slice::from_ref(&warning)));
        assert!(has_errors(&[warning, Problem::error("a", "", "e")]));
    }
}
