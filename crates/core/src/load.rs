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

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;

use serde_json::{Map, Value};

use crate::country::CountryCode;
use crate::date::PartialDate;
use crate::i18n::Lang;
use crate::model::{
    Campaign, Dataset, Flag, Gender, HttpUrl, Link, Person, Photo, Sentence, Source, Status,
    Translation, SCHEMA_VERSION,
};
use crate::pace::{at_once, NoPause, Pause, SLICE};
use crate::{compiled, text};

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

/// Reads a dataset from JSON text, applying the rules in the module documentation.
///
/// # Errors
/// A [`LoadError`] when the whole file must be refused.
pub fn load(json: &str) -> Result<Loaded, LoadError> {
    let root = parse(json)?;
    let Some(Value::Array(records)) = root.get("people") else {
        return Err(LoadError::NotADataset);
    };
    at_once(read(
        &root,
        records.iter().map(Cow::Borrowed),
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
    let root = parse(json)?;
    match (root.get("people"), root.get("list")) {
        (Some(Value::Array(records)), _) => Ok(List {
            loaded: read(&root, records.iter().map(Cow::Borrowed), Shape::Full, pause).await?,
            detail: Detail::Inline,
            part_of: root
                .get("part_of")
                .and_then(Value::as_u64)
                .and_then(|n| usize::try_from(n).ok()),
        }),
        (None, Some(Value::Object(list))) => {
            let detail = detail_files(root.get("detail"))?;
            // One record at a time, so a large list is never held twice.
            let records = compiled::records(list, root.get("campaigns"))?;
            Ok(List {
                loaded: read(&root, records.map(Cow::Owned), Shape::Lean, pause).await?,
                detail,
                part_of: None,
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
    /// Set on a first page compiled on its own ([`crate::compiled::FIRST_PATH`]): how many
    /// people the whole list has.
    pub part_of: Option<usize>,
}

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

fn detail_files(detail: Option<&Value>) -> Result<Detail, LoadError> {
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

/// Whether records are whole or lean (the list file's, without their details).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Full,
    Lean,
}

/// Parses the JSON and checks it is an object of the schema version this code reads.
fn parse(json: &str) -> Result<Map<String, Value>, LoadError> {
    let value: Value = serde_json::from_str(json).map_err(|e| LoadError::Syntax {
        line: e.line(),
        column: e.column(),
        message: syntax_message(&e),
    })?;
    let Value::Object(root) = value else {
        return Err(LoadError::NotADataset);
    };
    let version = root
        .get("schema_version")
        .ok_or(LoadError::MissingSchemaVersion)?;
    if version.as_u64() != Some(SCHEMA_VERSION) {
        return Err(LoadError::UnsupportedSchemaVersion(clip(
            &version.to_string(),
            40,
        )));
    }
    Ok(root)
}

/// Reads the envelope and every record, keeping the good ones.
async fn read<'a>(
    root: &Map<String, Value>,
    records: impl ExactSizeIterator<Item = Cow<'a, Value>>,
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
    let mut first_position_of_id: HashMap<String, usize> = HashMap::new();
    let mut people = Vec::with_capacity(records.len());
    for (index, value) in records.enumerate() {
        if index % SLICE == SLICE - 1 {
            pause.pause().await;
        }
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
                if let Some(first) = first_position_of_id.get(&person.id) {
                    report.errors.push(Problem {
                        record: Some(record),
                        field: "id".into(),
                        reason: format!("repeats the id of record {first}; ids must be unique"),
                    });
                } else {
                    first_position_of_id.insert(person.id.clone(), position);
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

/// Reads the envelope (everything but the people) into a dataset with an empty list.
fn envelope(root: &Map<String, Value>, report: &mut Report) -> Result<Dataset, LoadError> {
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
        let actions = care::actions(f, None);
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
const PERSON_FIELDS: &[&str] = &[
    "id",
    "name",
    "aliases",
    "native_name",
    "gender",
    "country",
    "location",
    "status",
    "status_as_of",
    "summary",
    "story",
    "occupations",
    "arrested",
    "sentenced",
    "sentence",
    "charges",
    "flags",
    "campaigns",
    "source",
    "photo",
    "links",
    "timeline",
    "actions",
    "last_verified",
    "visibility",
    "translations",
    "synthetic",
];

struct Known<'a> {
    campaigns: HashSet<&'a str>,
    sources: HashSet<&'a str>,
}

fn person(f: &mut Fields<'_>, known: &Known<'_>, shape: Shape) -> Option<Person> {
    // Every field is read (not stopping at the first problem) so the report lists them all.
    let id = f.id("id");
    let name = f.text("name", limits::LINE);
    let aliases = f.texts("aliases", limits::LINE);
    let native_name = f.optional_text("native_name", limits::LINE);
    let gender = f.optional_word("gender", Gender::parse, Gender::choices);
    let country = f.country("country");
    let location = f.optional_text("location", limits::LINE);
    let status = f.word("status", Status::parse, Status::choices);
    let status_as_of = f.date("status_as_of");
    // A lean record's summary, story and source are in its detail file.
    let lean = shape == Shape::Lean;
    let (summary, story) = if lean {
        (Some(String::new()), Some(String::new()))
    } else {
        (
            f.text("summary", limits::SUMMARY),
            f.text("story", limits::STORY),
        )
    };
    let occupations = f.texts("occupations", limits::LINE);
    let arrested = f.optional_date("arrested");
    let sentenced = f.optional_date("sentenced");
    let sentence = f.sentence("sentence");
    let charges = f.texts("charges", limits::LINE);
    let flags = f.words("flags", Flag::parse, Flag::choices);
    let campaigns = f.texts("campaigns", limits::ID);
    let source = (!lean).then(|| f.text("source", limits::ID)).flatten();
    // Each part is read before any `?`, so every missing or bad part is reported.
    let photo = f.optional_object("photo", &["url", "alt", "credit"], |f| {
        let (url, alt) = (f.url("url"), f.text("alt", limits::LINE));
        let credit = f.text("credit", limits::LINE);
        Some(Photo {
            url: url?,
            alt: alt?,
            credit: credit?,
        })
    });
    let links = f.objects_or_empty("links", &["title", "url"], |f| {
        let (title, url) = (f.text("title", limits::LINE), f.url("url"));
        Some(Link {
            title: title?,
            url: url?,
        })
    });
    let timeline = f.objects_or_empty("timeline", care::EVENT_FIELDS, |f| care::event(f, known));
    let actions = care::actions(f, Some(known));
    let last_verified = f.optional_date("last_verified");
    let visibility = care::visibility(f);
    let translations = if lean {
        Vec::new()
    } else {
        translations(f, summary.as_deref(), story.as_deref())
    };
    let synthetic = f.flag("synthetic");

    check_references(f, known, &campaigns, source.as_deref());
    if let (Some(arrested), Some(sentenced)) = (arrested, sentenced) {
        if sentenced.latest() < arrested.earliest() {
            f.error("sentenced", "is before the arrest date");
        }
    }
    let mut person = Person {
        id: id?,
        name: name?,
        aliases,
        native_name,
        gender,
        country: country?,
        location,
        status: status?,
        status_as_of: status_as_of?,
        summary: summary?,
        story: story?,
        occupations,
        arrested,
        sentenced,
        sentence,
        charges,
        flags,
        campaigns,
        source: if lean { String::new() } else { source? },
        photo,
        links,
        timeline,
        actions,
        last_verified,
        visibility,
        translations,
        synthetic,
    };
    care::enforce_visibility(f, &mut person);
    Some(person)
}

/// Reads a record's `translations` (`{"es": {"summary": …, "story": …, "reviewed": false}}`),
/// given its English summary and story. A bad translation (a language the site does not have,
/// English itself, a text that fails the English fields' checks, an untranslated copy of the
/// English, a placeholder left in) is reported as a warning and left out: the person, in
/// English, is still right to show.
fn translations(
    f: &mut Fields<'_>,
    summary: Option<&str>,
    story: Option<&str>,
) -> Vec<Translation> {
    let Some(value) = f.value("translations") else {
        return Vec::new();
    };
    let Value::Object(map) = value else {
        f.warn(
            "translations",
            format!(
                "must be an object keyed by language tag, like {{\"es\": {{…}}}}, not {}{TRANSLATION_LEFT_OUT}",
                kind(value)
            ),
        );
        return Vec::new();
    };
    let mut translations = Vec::with_capacity(map.len());
    for (tag, value) in map {
        let field = format!("translations.{}", clip(tag, 40));
        let reason = match (Lang::ALL.into_iter().find(|lang| lang.tag() == tag), value) {
            (Some(Lang::En), _) => "is English, which the record itself is in".to_owned(),
            (None, _) => {
                let others: Vec<&str> = Lang::ALL
                    .into_iter()
                    .filter(|lang| *lang != Lang::En)
                    .map(Lang::tag)
                    .collect();
                format!(
                    "is not a language of the site (translations are in {})",
                    others.join(", ")
                )
            }
            (Some(lang), Value::Object(object)) => {
                let mut inner =
                    f.nested(object, &f.path(&field), &["summary", "story", "reviewed"]);
                translations.extend(translation(&mut inner, lang, summary, story));
                // Its problems are warnings: the translation is left out, the record kept.
                for mut problem in inner.errors {
                    problem.reason.push_str(TRANSLATION_LEFT_OUT);
                    f.warnings.push(problem);
                }
                f.warnings.append(&mut inner.warnings);
                continue;
            }
            (Some(_), other) => format!("must be an object, not {}", kind(other)),
        };
        f.warn(&field, reason + TRANSLATION_LEFT_OUT);
    }
    translations.sort_by_key(|t| t.lang);
    translations
}

/// The end of every translation problem's reason (a warning: the record is kept without it).
pub const TRANSLATION_LEFT_OUT: &str = "; the translation was left out";

/// Reads one translation; `None` when any part of it is bad (every problem is in `f`).
fn translation(
    f: &mut Fields<'_>,
    lang: Lang,
    english_summary: Option<&str>,
    english_story: Option<&str>,
) -> Option<Translation> {
    let summary = f.text("summary", limits::SUMMARY);
    let story = f.optional_text("story", limits::STORY);
    let reviewed = f.required("reviewed").is_some().then(|| f.flag("reviewed"));
    for (field, text, english) in [
        ("summary", summary.as_deref(), english_summary),
        ("story", story.as_deref(), english_story),
    ] {
        let Some(text) = text else { continue };
        if english.is_some_and(|english| english.trim() == text.trim()) {
            f.error(field, "is the English text, not a translation");
        } else if let Some(marker) = placeholder(text) {
            f.error(field, format!("still holds the placeholder \"{marker}\""));
        }
    }
    if !f.errors.is_empty() {
        return None;
    }
    Some(Translation {
        lang,
        summary: summary?,
        story,
        reviewed: reviewed?,
    })
}

/// The placeholder a text still holds, if any: `TODO`, `TBD`, `FIXME` or `XXX` (in capitals, not
/// inside a longer word), anything in `{…}` or `[…]`, or lorem ipsum. `crate::schema`'s
/// `PLACEHOLDER` pattern is the same rule for editors.
fn placeholder(text: &str) -> Option<String> {
    for marker in ["TODO", "TBD", "FIXME", "XXX"] {
        for (i, _) in text.match_indices(marker) {
            let before = text[..i].chars().next_back();
            let after = text[i + marker.len()..].chars().next();
            if !before.is_some_and(|c| c.is_ascii_alphabetic())
                && !after.is_some_and(|c| c.is_ascii_alphabetic())
            {
                return Some(marker.to_owned());
            }
        }
    }
    for (open, close) in [('{', '}'), ('[', ']')] {
        if let Some(start) = text.find(open) {
            if let Some(length) = text[start..].find(close) {
                return Some(clip(&text[start..=start + length], 40));
            }
        }
    }
    text.to_lowercase()
        .contains("lorem ipsum")
        .then(|| "lorem ipsum".to_owned())
}

/// Checks that a record's campaigns (at least one) and source are in the file's envelope.
fn check_references(
    f: &mut Fields<'_>,
    known: &Known<'_>,
    campaigns: &[String],
    source: Option<&str>,
) {
    if campaigns.is_empty() && f.errors.iter().all(|p| p.field != "campaigns") {
        f.error(
            "campaigns",
            "is missing; every person must be listed by at least one campaign",
        );
    }
    for campaign in campaigns {
        if !known.campaigns.contains(campaign.as_str()) {
            f.error(
                "campaigns",
                format!("\"{}\" is not a campaign in this file", clip(campaign, 40)),
            );
        }
    }
    if let Some(source) = source {
        if !known.sources.contains(source) {
            f.error(
                "source",
                format!("\"{}\" is not a source in this file", clip(source, 40)),
            );
        }
    }
}

/// Reads the fields of one JSON object, collecting problems instead of stopping at the first.
struct Fields<'a> {
    object: &'a Map<String, Value>,
    record: Option<RecordRef>,
    prefix: String,
    errors: Vec<Problem>,
    warnings: Vec<Problem>,
}

impl<'a> Fields<'a> {
    fn new(object: &'a Map<String, Value>, record: Option<RecordRef>, known: &[&str]) -> Self {
        let mut fields = Self {
            object,
            record,
            prefix: String::new(),
            errors: vec![],
            warnings: vec![],
        };
        fields.warn_unknown(known);
        fields
    }

    fn nested(&self, object: &'a Map<String, Value>, path: &str, known: &[&str]) -> Fields<'a> {
        let mut fields = Fields {
            object,
            record: self.record.clone(),
            prefix: format!("{path}."),
            errors: vec![],
            warnings: vec![],
        };
        fields.warn_unknown(known);
        fields
    }

    fn absorb(&mut self, mut other: Fields<'_>) {
        self.errors.append(&mut other.errors);
        self.warnings.append(&mut other.warnings);
    }

    fn warn_unknown(&mut self, known: &[&str]) {
        let unknown: Vec<String> = self
            .object
            .keys()
            .filter(|k| !known.contains(&k.as_str()))
            .map(|k| self.path(k))
            .collect();
        for field in unknown {
            self.warnings.push(Problem {
                record: self.record.clone(),
                field,
                reason: "is not a known field and was ignored (the data may be newer than the app)"
                    .into(),
            });
        }
    }

    fn path(&self, field: &str) -> String {
        format!("{}{}", self.prefix, clip(field, 40))
    }

    fn error(&mut self, field: &str, reason: impl Into<String>) {
        self.errors.push(Problem {
            record: self.record.clone(),
            field: self.path(field),
            reason: reason.into(),
        });
    }

    fn warn(&mut self, field: &str, reason: impl Into<String>) {
        self.warnings.push(Problem {
            record: self.record.clone(),
            field: self.path(field),
            reason: reason.into(),
        });
    }

    /// The field's value, treating `null` as absent.
    fn value(&self, field: &str) -> Option<&'a Value> {
        self.object.get(field).filter(|v| !v.is_null())
    }

    fn required(&mut self, field: &str) -> Option<&'a Value> {
        let value = self.value(field);
        if value.is_none() {
            self.error(field, "is missing");
        }
        value
    }

    fn check_text(&mut self, field: &str, value: &Value, max: usize) -> Option<String> {
        let Some(text) = value.as_str() else {
            self.error(field, format!("must be text, not {}", kind(value)));
            return None;
        };
        let length = text.chars().count();
        if text.trim().is_empty() {
            self.error(field, "is empty");
            None
        } else if length > max {
            self.error(
                field,
                format!("is {length} characters long; the limit is {max}"),
            );
            None
        } else if text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
        {
            self.error(field, "contains control characters");
            None
        } else if !text.chars().any(is_visible) {
            self.error(field, "has no visible characters");
            None
        } else if longest_mark_stack(text) > limits::MARKS_ON_ONE_CHARACTER {
            self.error(
                field,
                format!(
                    "stacks more than {} combining marks on one character",
                    limits::MARKS_ON_ONE_CHARACTER
                ),
            );
            None
        } else {
            Some(text.to_owned())
        }
    }

    fn text(&mut self, field: &str, max: usize) -> Option<String> {
        let value = self.required(field)?;
        self.check_text(field, value, max)
    }

    fn optional_text(&mut self, field: &str, max: usize) -> Option<String> {
        let value = self.value(field)?;
        self.check_text(field, value, max)
    }

    fn texts(&mut self, field: &str, max: usize) -> Vec<String> {
        let Some(items) = self.list(field) else {
            return vec![];
        };
        let texts: Vec<Option<String>> = items
            .iter()
            .enumerate()
            .map(|(i, item)| self.check_text(&format!("{field}[{}]", i + 1), item, max))
            .collect();
        texts.into_iter().flatten().collect()
    }

    fn list(&mut self, field: &str) -> Option<&'a Vec<Value>> {
        match self.value(field)? {
            Value::Array(items) if items.len() > limits::LIST_ITEMS => {
                self.error(
                    field,
                    format!(
                        "has {} items; the limit is {}",
                        items.len(),
                        limits::LIST_ITEMS
                    ),
                );
                None
            }
            Value::Array(items) => Some(items),
            other => {
                self.error(field, format!("must be a list, not {}", kind(other)));
                None
            }
        }
    }

    fn id(&mut self, field: &str) -> Option<String> {
        let id = self.text(field, limits::ID)?;
        let slug = id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !id.starts_with('-')
            && !id.ends_with('-');
        if slug {
            Some(id)
        } else {
            self.error(
                field,
                "must use only a–z, 0–9 and inner hyphens, like \"ales-bialiatski\"",
            );
            None
        }
    }

    fn word<T>(
        &mut self,
        field: &str,
        parse: fn(&str) -> Option<T>,
        choices: fn() -> String,
    ) -> Option<T> {
        let value = self.required(field)?;
        self.check_word(field, value, parse, choices)
    }

    fn optional_word<T>(
        &mut self,
        field: &str,
        parse: fn(&str) -> Option<T>,
        choices: fn() -> String,
    ) -> Option<T> {
        let value = self.value(field)?;
        self.check_word(field, value, parse, choices)
    }

    fn words<T>(
        &mut self,
        field: &str,
        parse: fn(&str) -> Option<T>,
        choices: fn() -> String,
    ) -> Vec<T> {
        let Some(items) = self.list(field) else {
            return vec![];
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                self.check_word(&format!("{field}[{}]", i + 1), item, parse, choices)
            })
            .collect()
    }

    fn check_word<T>(
        &mut self,
        field: &str,
        value: &Value,
        parse: fn(&str) -> Option<T>,
        choices: fn() -> String,
    ) -> Option<T> {
        let Some(text) = value.as_str() else {
            self.error(field, format!("must be text, not {}", kind(value)));
            return None;
        };
        let parsed = parse(text);
        if parsed.is_none() {
            self.error(
                field,
                format!("\"{}\" is not one of: {}", clip(text, 40), choices()),
            );
        }
        parsed
    }

    fn country(&mut self, field: &str) -> Option<CountryCode> {
        let value = self.required(field)?;
        let Some(text) = value.as_str() else {
            self.error(field, format!("must be text, not {}", kind(value)));
            return None;
        };
        let code = CountryCode::parse(text);
        if code.is_none() {
            self.error(
                field,
                format!(
                    "\"{}\" is not an ISO 3166-1 two-letter country code (like \"BY\" or \"CN\")",
                    clip(text, 40)
                ),
            );
        }
        code
    }

    fn check_date(&mut self, field: &str, value: &Value) -> Option<PartialDate> {
        let date = value.as_str().and_then(PartialDate::parse);
        if date.is_none() {
            self.error(
                field,
                format!(
                    "{} is not a date written YYYY, YYYY-MM or YYYY-MM-DD (1900–2100)",
                    clip(&value.to_string(), 40)
                ),
            );
        }
        date
    }

    fn date(&mut self, field: &str) -> Option<PartialDate> {
        let value = self.required(field)?;
        self.check_date(field, value)
    }

    fn optional_date(&mut self, field: &str) -> Option<PartialDate> {
        let value = self.value(field)?;
        self.check_date(field, value)
    }

    fn check_url(&mut self, field: &str, value: &Value) -> Option<HttpUrl> {
        let url = value
            .as_str()
            .filter(|s| s.len() <= 2_000)
            .and_then(HttpUrl::parse);
        if url.is_none() {
            self.error(
                field,
                "must be a web address starting with https:// or http://",
            );
        }
        url
    }

    fn url(&mut self, field: &str) -> Option<HttpUrl> {
        let value = self.required(field)?;
        self.check_url(field, value)
    }

    fn optional_url(&mut self, field: &str) -> Option<HttpUrl> {
        let value = self.value(field)?;
        self.check_url(field, value)
    }

    fn flag(&mut self, field: &str) -> bool {
        match self.value(field) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.error(field, format!("must be true or false, not {}", kind(other)));
                false
            }
        }
    }

    fn sentence(&mut self, field: &str) -> Option<Sentence> {
        let value = self.value(field)?;
        if value.as_str() == Some("life") {
            return Some(Sentence::Life);
        }
        let invalid = "must be \"life\" or like {\"years\": 9, \"months\": 8}";
        let Value::Object(map) = value else {
            self.error(field, invalid);
            return None;
        };
        let mut inner = self.nested(map, &self.path(field), &["years", "months"]);
        let years = inner.number("years", limits::SENTENCE_YEARS);
        let months = inner.number("months", 11);
        let inner_failed = !inner.errors.is_empty();
        self.absorb(inner);
        match (years, months) {
            _ if inner_failed => None,
            (None | Some(0), None | Some(0)) => {
                self.error(field, invalid);
                None
            }
            // Both are bounded by the checks in `number`, so the conversions cannot fail.
            (y, m) => Some(Sentence::Term {
                years: u16::try_from(y.unwrap_or(0)).unwrap_or(0),
                months: u8::try_from(m.unwrap_or(0)).unwrap_or(0),
            }),
        }
    }

    fn number(&mut self, field: &str, max: u64) -> Option<u64> {
        let value = self.value(field)?;
        let number = value.as_u64().filter(|n| *n <= max);
        if number.is_none() {
            self.error(field, format!("must be a whole number from 0 to {max}"));
        }
        number
    }

    fn optional_object<T>(
        &mut self,
        field: &str,
        known: &[&str],
        read: impl FnOnce(&mut Fields<'a>) -> Option<T>,
    ) -> Option<T> {
        let value = self.value(field)?;
        let Value::Object(map) = value else {
            self.error(field, format!("must be an object, not {}", kind(value)));
            return None;
        };
        let mut inner = self.nested(map, &self.path(field), known);
        let parsed = read(&mut inner);
        self.absorb(inner);
        parsed
    }

    fn objects_or_empty<T>(
        &mut self,
        field: &str,
        known: &[&str],
        mut read: impl FnMut(&mut Fields<'a>) -> Option<T>,
    ) -> Vec<T> {
        let Some(items) = self.list(field) else {
            return vec![];
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = format!("{}[{}]", self.path(field), i + 1);
            let Value::Object(map) = item else {
                self.errors.push(Problem {
                    record: self.record.clone(),
                    field: path,
                    reason: format!("must be an object, not {}", kind(item)),
                });
                continue;
            };
            let mut inner = self.nested(map, &path, known);
            let parsed = read(&mut inner);
            self.absorb(inner);
            out.extend(parsed);
        }
        out
    }

    /// A required list of objects (the envelope's sources and campaigns).
    fn objects<T>(
        &mut self,
        field: &str,
        known: &[&str],
        read: impl FnMut(&mut Fields<'a>) -> Option<T>,
    ) -> Option<Vec<T>> {
        self.required(field)?;
        let items = self.objects_or_empty(field, known, read);
        Some(items)
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Shortens text for messages, so a 100 KB value cannot flood a report, and shows its hidden
/// direction controls, so it cannot reorder the message around it.
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text::reveal_controls(text)
    } else {
        let mut short = text::reveal_controls(&text.chars().take(max).collect::<String>());
        short.push('…');
        short
    }
}

/// Whether a character shows something on its own (not a space, a mark or an invisible control).
fn is_visible(c: char) -> bool {
    !c.is_whitespace() && !text::is_invisible_control(c) && !is_combining_mark(c)
}

/// The generic combining blocks that "Zalgo" floods draw from. Script-specific marks (Arabic
/// vowel signs, Devanagari) are left out: their runs are short and legitimate.
fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// The longest run of combining marks in `text`.
fn longest_mark_stack(text: &str) -> usize {
    let (mut longest, mut run) = (0, 0);
    for c in text.chars() {
        run = if is_combining_mark(c) { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// `serde_json`'s message without its own " at line L column C" suffix (we say where ourselves),
/// in plain words for the failures a visitor may meet: a file cut off in transfer, or nesting
/// deeper than the parser follows (which protects the page from running out of stack).
fn syntax_message(error: &serde_json::Error) -> String {
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

mod care;
#[cfg(test)]
mod tests;
