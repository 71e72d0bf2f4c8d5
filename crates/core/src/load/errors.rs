//! Why a whole file is refused, in plain words.

use std::fmt;

use crate::model::SCHEMA_VERSION;

use super::{Problem, Report};

/// Why a whole file was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The text is not JSON.
    Syntax {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// The parser's description.
        message: String,
    },
    /// The JSON is not an object with a `people` list.
    NotADataset,
    /// No `schema_version` field.
    MissingSchemaVersion,
    /// A `schema_version` this code does not read.
    UnsupportedSchemaVersion(String),
    /// A problem in the envelope (title, campaigns, sources …).
    Envelope(Problem),
    /// The `people` list is empty.
    NoPeople,
    /// More than a fifth of the records are invalid.
    TooManyInvalid(Report),
    /// A lean list whose columns are missing or of different lengths.
    BrokenList,
    /// A detail file without the person it should hold.
    MissingDetail,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Syntax { line, column, message } => write!(
                f,
                "The data file is not valid JSON (line {line}, column {column}): {message}."
            ),
            Self::NotADataset => {
                f.write_str("The data file is not a dataset: expected an object with a \"people\" list.")
            }
            Self::MissingSchemaVersion => f.write_str(
                "The data file has no \"schema_version\"; this version of the app reads version 1.",
            ),
            Self::UnsupportedSchemaVersion(found) => write!(
                f,
                "The data file has schema_version {found}; this version of the app reads version {SCHEMA_VERSION}."
            ),
            Self::Envelope(problem) => write!(f, "The data file's {problem}."),
            Self::NoPeople => f.write_str("The data file lists nobody: its \"people\" list is empty."),
            Self::BrokenList => f.write_str(
                "The list file is damaged: its columns are missing or of different lengths.",
            ),
            Self::MissingDetail => f.write_str(
                "The file that should hold this person's details does not have them.",
            ),
            Self::TooManyInvalid(report) => write!(
                f,
                "The data file was refused: {} of its {} records are invalid (more than one in five).",
                report.skipped(),
                report.records
            ),
        }
    }
}

impl std::error::Error for LoadError {}

/// `serde_json`'s message without its own " at line L column C" suffix (we say where ourselves),
/// in plain words for the failures a visitor may meet: a file cut off in transfer, or nesting
/// deeper than the parser follows (which protects the page from running out of stack).
/// Why `part` (a slice of the file `text`) is not the array or object its scanning expected: a
/// syntax error, placed in the file, or else `otherwise` (well-formed JSON of another shape).
pub(crate) fn shape_error(text: &str, part: &str, otherwise: LoadError) -> LoadError {
    match serde_json::from_str::<serde_json::Value>(part) {
        Err(e) => syntax_in(text, part, &e),
        Ok(_) => otherwise,
    }
}

/// The syntax error `error` met reading `part`, a slice of the file `text`, placed in the file.
pub(crate) fn syntax_in(text: &str, part: &str, error: &serde_json::Error) -> LoadError {
    let offset = (part.as_ptr() as usize)
        .saturating_sub(text.as_ptr() as usize)
        .min(text.len());
    let before = text.get(..offset).unwrap_or_default();
    let line = before.matches('\n').count() + error.line();
    let column = if error.line() == 1 {
        before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + error.column()
    } else {
        error.column()
    };
    LoadError::Syntax {
        line,
        column,
        message: syntax_message(error),
    }
}

pub(super) fn syntax_message(error: &serde_json::Error) -> String {
    if error.is_eof() {
        return "it ends before the data is complete, as if cut off".into();
    }
    let text = error.to_string();
    let text = match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    };
    if text == "recursion limit exceeded" {
        "lists or objects are nested too deeply (more than 127 levels)".into()
    } else {
        text
    }
}
