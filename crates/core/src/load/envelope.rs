//! The file around the records: its schema version, title, sources and campaigns, and where a
//! lean list's details are.

use serde_json::{Map, Value};

use crate::compiled;
use crate::model::{Campaign, Dataset, Source, SCHEMA_VERSION};

use super::care;
use super::errors::{shape_error, syntax_in};
use super::fields::Fields;
use super::scan;
use super::{clip, limits, LoadError, Problem, Report};

/// Where the records' details (summary, story, sources, links …) are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Detail {
    /// In the records themselves: the list is the whole dataset.
    Inline,
    /// In files of `per_file` people each, in list order, named by [`Detail::file`].
    Files {
        /// The list's version, in every detail file's name, so a list is never read with
        /// details of another.
        version: String,
        /// People per file.
        per_file: usize,
    },
}

impl Detail {
    /// The path (relative to the list's folder) of the file holding the details of the person
    /// at `position` in the list, or `None` when the list holds them itself.
    pub fn file(&self, position: usize) -> Option<String> {
        match self {
            Self::Inline => None,
            Self::Files { version, per_file } => {
                Some(compiled::detail_path(version, position / per_file))
            }
        }
    }
}

pub(super) fn detail_files(detail: Option<&Value>) -> Result<Detail, LoadError> {
    let problem = |reason: &str| {
        LoadError::Envelope(Problem {
            record: None,
            field: "detail".into(),
            reason: reason.into(),
        })
    };
    let Some(Value::Object(detail)) = detail else {
        return Err(problem(
            "is missing; a lean list must say where its details are",
        ));
    };
    let version = detail.get("version").and_then(Value::as_str).unwrap_or("");
    // The version goes into addresses: only a short run of a–z and 0–9.
    if version.is_empty()
        || version.len() > 32
        || !version
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return Err(problem("has no valid version (a–z and 0–9, at most 32)"));
    }
    let per_file = detail
        .get("per_file")
        .and_then(Value::as_u64)
        .and_then(|n| usize::try_from(n).ok())
        .filter(|n| (1..=1_000).contains(n))
        .ok_or_else(|| problem("has no valid per_file (a whole number from 1 to 1000)"))?;
    Ok(Detail::Files {
        version: version.to_owned(),
        per_file,
    })
}

/// Parses the JSON and checks it is an object of the schema version this code reads.
pub(super) fn parse(json: &str) -> Result<Root<'_>, LoadError> {
    // The top level first, each member a slice of the text, not yet read.
    let members =
        scan::members(json).ok_or_else(|| shape_error(json, json, LoadError::NotADataset))?;
    let mut root = Map::new();
    let mut list = None;
    // As written, for the message that refuses it (serialising it back would bring serde_json's
    // number formatting, tables and all, into the browser's download for this one message).
    let mut version_text = "";
    for (name, value) in members {
        let name = match serde_json::from_str(name) {
            Ok(Value::String(name)) => name,
            Ok(_) => return Err(LoadError::NotADataset),
            Err(e) => return Err(syntax_in(json, name, &e)),
        };
        if name == "list" {
            list = Some(value);
            continue;
        }
        if name == "schema_version" {
            version_text = value.trim();
        }
        let value = serde_json::from_str(value).map_err(|e| syntax_in(json, value, &e))?;
        root.insert(name, value);
    }
    let version = root
        .get("schema_version")
        .ok_or(LoadError::MissingSchemaVersion)?;
    if version.as_u64() != Some(SCHEMA_VERSION) {
        return Err(LoadError::UnsupportedSchemaVersion(clip(version_text, 40)));
    }
    Ok(Root {
        members: root,
        list,
    })
}

/// A list file's top level: every member read as JSON, except a lean list's columns (`list`),
/// which stay text until each record is read, so a large list is never held as a tree of values.
pub(super) struct Root<'a> {
    /// Every member but `list`.
    pub members: Map<String, Value>,
    /// The `list` member's text, unread.
    pub list: Option<&'a str>,
}

/// Reads the envelope (everything but the people) into a dataset with an empty list.
pub(super) fn envelope(
    root: &Map<String, Value>,
    report: &mut Report,
) -> Result<Dataset, LoadError> {
    let mut envelope = Fields::new(root, None, ENVELOPE_FIELDS);
    let title = envelope.text("title", limits::LINE);
    let description = envelope
        .optional_text("description", limits::DESCRIPTION)
        .unwrap_or_default();
    let updated = envelope.date("updated");
    let synthetic = envelope.flag("synthetic");
    // As for records, every part is read before any `?` so all problems are reported.
    let sources = envelope.objects("sources", SOURCE_FIELDS, |f| {
        let (id, title) = (f.id("id"), f.text("title", limits::LINE));
        let (publisher, date) = (f.text("publisher", limits::LINE), f.date("date"));
        let url = f.optional_url("url");
        let actions = care::actions(f, None, false);
        Some(Source {
            id: id?,
            title: title?,
            publisher: publisher?,
            date: date?,
            url,
            actions,
        })
    });
    let campaigns = envelope.objects("campaigns", CAMPAIGN_FIELDS, |f| {
        let (id, title) = (f.id("id"), f.text("title", limits::LINE));
        let (publisher, date) = (f.text("publisher", limits::LINE), f.date("date"));
        let description = f
            .optional_text("description", limits::DESCRIPTION)
            .unwrap_or_default();
        let url = f.optional_url("url");
        Some(Campaign {
            id: id?,
            title: title?,
            publisher: publisher?,
            date: date?,
            description,
            url,
        })
    });
    report.warnings.append(&mut envelope.warnings);
    if let Some(problem) = envelope.errors.into_iter().next() {
        return Err(LoadError::Envelope(problem));
    }
    let (Some(title), Some(updated), Some(sources), Some(campaigns)) =
        (title, updated, sources, campaigns)
    else {
        return Err(LoadError::NotADataset);
    };
    Ok(Dataset {
        schema_version: SCHEMA_VERSION,
        title,
        description,
        updated,
        synthetic,
        sources,
        campaigns,
        people: Vec::new(),
    })
}

const SOURCE_FIELDS: &[&str] = &["id", "title", "publisher", "date", "url", "actions"];
const CAMPAIGN_FIELDS: &[&str] = &["id", "title", "publisher", "date", "description", "url"];

/// `$schema` names the file's JSON Schema for editors (`wjc schema`); the loader only accepts it.
const ENVELOPE_FIELDS: &[&str] = &[
    "$schema",
    "schema_version",
    "title",
    "description",
    "updated",
    "synthetic",
    "sources",
    "campaigns",
    "people",
    "list",
    "detail",
    "part_of",
];
