//! Reading a dataset file: parse, check every field, keep the good records, report the rest.
//!
//! The rules, in layers:
//! - unparsable JSON, a missing or unsupported `schema_version`, a broken envelope or an empty
//!   list: the whole file is refused with one [`LoadError`] saying what and where;
//! - an invalid record is skipped, the others load, and the [`Report`] says which and why;
//! - a repeated id: the later record is skipped;
//! - more than a fifth of the records invalid: the whole file is refused, because mass corruption
//!   is itself a way to make people disappear from the list;
//! - unknown fields: a warning, the record kept (the data may be newer than the app);
//! - the report accounts for every record: loaded + skipped = records in the file.
//!
//! No input makes this panic: the app runs with `panic = "abort"`.

mod care;
mod envelope;
mod errors;
mod fields;
mod record;
mod report;
mod scan;

use std::borrow::Cow;

use serde_json::{Map, Value};

use crate::compiled;
use crate::model::Dataset;
use crate::pace::{at_once, NoPause, Pause, SLICE};
use crate::query::WordMap;
use crate::unicode::clip;

pub use envelope::Detail;
pub use errors::LoadError;
pub(crate) use errors::{shape_error, syntax_in};
pub use record::TRANSLATION_LEFT_OUT;
pub use report::{Loaded, Problem, RecordRef, Report};
pub(crate) use scan::{count_elements, members, Elements};

use envelope::{detail_files, envelope, parse, Root};
use fields::Fields;
use record::{person, Known, Shape, PERSON_FIELDS};

/// Longest texts accepted, in characters. Beyond these a value is surely a mistake or an attack.
pub mod limits {
    /// A record id.
    pub const ID: usize = 80;
    /// Names, aliases, titles and other one-line texts.
    pub const LINE: usize = 300;
    /// A one-sentence summary.
    pub const SUMMARY: usize = 400;
    /// Descriptions of the list or a campaign.
    pub const DESCRIPTION: usize = 2_000;
    /// A story.
    pub const STORY: usize = 20_000;
    /// Items in any one list field.
    pub const LIST_ITEMS: usize = 50;
    /// Years in a sentence.
    pub const SENTENCE_YEARS: u64 = 200;
    /// Combining marks in a row on one character: the Unicode stream-safe limit (UAX #15).
    /// Beyond it, marks pile up over the lines around them ("Zalgo" text).
    pub const MARKS_ON_ONE_CHARACTER: usize = 30;
}

/// Share of invalid records above which the whole file is refused: one in five.
const MAX_INVALID_PER_FIVE: usize = 1;

/// Reads a dataset from JSON text, applying the rules in the module documentation.
///
/// # Errors
/// A [`LoadError`] when the whole file must be refused.
pub fn load(json: &str) -> Result<Loaded, LoadError> {
    let root = parse(json)?.members;
    let Some(Value::Array(records)) = root.get("people") else {
        return Err(LoadError::NotADataset);
    };
    at_once(read(
        &root,
        &mut records.iter().map(|r| Ok(Cow::Borrowed(r))),
        Shape::Full,
        &mut NoPause,
    ))
}

/// Reads what the app loads first (the list file `wjc compile` writes, see
/// [`crate::compiled`]): either a whole dataset, as [`load`] reads it, or a lean list whose
/// records hold only what cards, search and filters need, their details being in files of
/// their own ([`Detail::Files`]).
///
/// # Errors
/// A [`LoadError`] when the whole file must be refused; a lean list whose columns disagree
/// (different lengths) is refused as a whole, since its records cannot be told apart.
pub fn read_list(json: &str) -> Result<List, LoadError> {
    at_once(read_list_paced(json, &mut NoPause))
}

/// [`read_list`], pausing every [`crate::pace::SLICE`] records.
///
/// # Errors
/// As [`read_list`].
pub async fn read_list_paced(json: &str, pause: &mut impl Pause) -> Result<List, LoadError> {
    let Root {
        members: root,
        list,
    } = parse(json)?;
    match (root.get("people"), list) {
        (Some(Value::Array(records)), _) => Ok(List {
            loaded: read(
                &root,
                &mut records.iter().map(|r| Ok(Cow::Borrowed(r))),
                Shape::Full,
                pause,
            )
            .await?,
            detail: Detail::Inline,
            extent: root
                .get("part_of")
                .and_then(Value::as_u64)
                .and_then(|n| usize::try_from(n).ok())
                .map_or(Extent::Whole, |of| Extent::FirstPage { of }),
        }),
        (None, Some(list)) => {
            let detail = detail_files(root.get("detail"))?;
            // One record at a time, so a large list is never held twice.
            let records = compiled::records(json, list, root.get("campaigns"))?;
            Ok(List {
                loaded: read(
                    &root,
                    &mut records.map(|r| r.map(Cow::Owned)),
                    Shape::Lean,
                    pause,
                )
                .await?,
                detail,
                extent: Extent::Whole,
            })
        }
        _ => Err(LoadError::NotADataset),
    }
}

/// A list file, read: the records and where their details are.
#[derive(Clone, Debug, PartialEq)]
pub struct List {
    /// The valid records, whole or lean.
    pub loaded: Loaded,
    /// Where each record's details are.
    pub detail: Detail,
    /// The whole list, or a first page compiled on its own ([`crate::compiled::FIRST_PATH`]).
    pub extent: Extent,
}

/// How much of the list a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Extent {
    /// The whole list.
    Whole,
    /// A lean list's first page, shown while the list downloads: what the list will show first,
    /// without search, filters or other pages until the list is there.
    FirstPage {
        /// How many people the whole list has.
        of: usize,
    },
}

/// Reads the envelope and every record, keeping the good ones.
async fn read(
    root: &Map<String, Value>,
    // A trait object, not a type parameter: the loop is compiled once for whole and lean lists,
    // not once for each (the browser downloads every copy).
    records: &mut dyn ExactSizeIterator<Item = Result<Cow<'_, Value>, LoadError>>,
    shape: Shape,
    pause: &mut impl Pause,
) -> Result<Loaded, LoadError> {
    if records.len() == 0 {
        return Err(LoadError::NoPeople);
    }

    let mut report = Report {
        records: records.len(),
        ..Report::default()
    };
    let envelope = envelope(root, &mut report)?;
    let known = Known {
        campaigns: envelope.campaigns.iter().map(|c| c.id.as_str()).collect(),
        sources: envelope.sources.iter().map(|s| s.id.as_str()).collect(),
    };
    let fields = match shape {
        Shape::Full => PERSON_FIELDS,
        Shape::Lean => compiled::LEAN_FIELDS,
    };
    let mut first_position_of_id = WordMap::default();
    let mut people = Vec::with_capacity(records.len());
    for (index, value) in records.enumerate() {
        if index % SLICE == SLICE - 1 {
            pause.pause().await;
        }
        let value = value?;
        let value = value.as_ref();
        let position = index + 1;
        let record = RecordRef {
            position,
            id: value
                .get("id")
                .and_then(Value::as_str)
                .map(|id| clip(id, limits::ID)),
        };
        let Value::Object(object) = value else {
            report.errors.push(Problem {
                record: Some(record),
                field: "(record)".into(),
                reason: "is not an object".into(),
            });
            continue;
        };
        let mut fields = Fields::new(object, Some(record.clone()), fields);
        let person = person(&mut fields, &known, shape);
        report.warnings.append(&mut fields.warnings);
        match person {
            Some(person) if fields.errors.is_empty() => {
                if let Some(first) = first_position_of_id.get(person.id.as_str()) {
                    report.errors.push(Problem {
                        record: Some(record),
                        field: "id".into(),
                        reason: format!("repeats the id of record {first}; ids must be unique"),
                    });
                } else {
                    first_position_of_id.insert(person.id.as_str().into(), position);
                    people.push(person);
                }
            }
            _ => report.errors.append(&mut fields.errors),
        }
    }
    report.loaded = people.len();
    if report.skipped() * 5 > report.records * MAX_INVALID_PER_FIVE {
        return Err(LoadError::TooManyInvalid(report));
    }
    Ok(Loaded {
        dataset: Dataset { people, ..envelope },
        report,
    })
}

#[cfg(test)]
mod tests;
