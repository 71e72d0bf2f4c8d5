//! What loading found: the records loaded, and the problems of those skipped or odd.

use std::fmt;

use crate::model::Dataset;

use super::clip;
use super::limits;

/// A dataset that loaded, with the report on what was skipped or looked odd.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The valid records and the envelope.
    pub dataset: Dataset,
    /// What was skipped and why, and warnings.
    pub report: Report,
}

/// What loading found. Every record in the file is either loaded or skipped.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Records in the file.
    pub records: usize,
    /// Records loaded.
    pub loaded: usize,
    /// Why records were skipped (a skipped record may have several problems).
    pub errors: Vec<Problem>,
    /// Oddities that did not stop a record from loading.
    pub warnings: Vec<Problem>,
}

impl Report {
    /// Records skipped.
    pub fn skipped(&self) -> usize {
        self.records - self.loaded
    }
}

/// One problem with one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The record, when the problem is in one; `None` for the file's envelope.
    pub record: Option<RecordRef>,
    /// The field, e.g. `status` or `photo.url`.
    pub field: String,
    /// What is wrong, in plain words.
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(record) = &self.record {
            write!(f, "{record}, ")?;
        }
        write!(f, "{}: {}", self.field, self.reason)
    }
}

/// Which record a problem is in: its place in the list and its id when it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordRef {
    /// 1-based position in the `people` list.
    pub position: usize,
    /// The record's `id` as written, when it is a string.
    pub id: Option<String>,
}

impl fmt::Display for RecordRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "record {} (\"{}\")", self.position, clip(id, limits::ID)),
            None => write!(f, "record {}", self.position),
        }
    }
}
