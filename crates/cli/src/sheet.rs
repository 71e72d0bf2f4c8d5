//! `wjc export-csv` and `wjc import-csv`: the people as a spreadsheet, and back.
//!
//! One row per person, one column per field, in the schema's order. Cells are plain text a
//! spreadsheet user can edit; the encodings are in the help text (`csv_format!` in `help.rs`):
//! lists are `a; b` with `;;` for a literal `;`, links `Title <url>`, timeline events
//! `2018-09: event`, sentences `9y 8m`. Import never trusts the spreadsheet: it builds the JSON
//! and runs it through `wjc_core::load`, and writes nothing unless every row is valid.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt::{self, Write as _};
use std::io::Write as _;
use std::path::Path;

use serde_json::{Map, Value};
use wjc_core::i18n::Lang;
use wjc_core::model::{Action, Link, TimelineEvent};
use wjc_core::{Dataset, LoadError, Loaded, Person, Problem, Sentence};

use crate::diff::{self, changed_fields};
use crate::validate::{plural, read_and_load, summary, write_problems};
use crate::{cli, files, Failure, Settings, Verdict};

/// The columns, in the schema's field order; `photo` is spread over three, and each translation
/// (`translations`, after the other fields) over three per language, in `Lang::ALL` order.
pub const COLUMNS: [&str; 46] = [
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
    "photo_url",
    "photo_alt",
    "photo_credit",
    "links",
    "timeline",
    "actions",
    "last_verified",
    "visibility",
    "synthetic",
    "summary_es",
    "story_es",
    "reviewed_es",
    "summary_fr",
    "story_fr",
    "reviewed_fr",
    "summary_ru",
    "story_ru",
    "reviewed_ru",
    "summary_ar",
    "story_ar",
    "reviewed_ar",
    "summary_fa",
    "story_fa",
    "reviewed_fa",
    "summary_zh-Hans",
    "story_zh-Hans",
    "reviewed_zh-Hans",
];

/// The languages a record may be translated into: all but English, in [`COLUMNS`] order.
fn translation_langs() -> impl Iterator<Item = Lang> {
    Lang::ALL.into_iter().filter(|lang| *lang != Lang::En)
}

/// Runs `wjc export-csv FILE -o OUT.csv`.
pub fn export(args: &cli::ExportCsv, out: &mut String) -> Result<Verdict, Failure> {
    let (path, csv_path) = (args.file.as_str(), args.output.as_str());
    let Some(loaded) = read_and_load(path, out)? else {
        return Ok(Verdict::Problems);
    };
    let report = &loaded.report;
    if !report.errors.is_empty() {
        // A skipped record would be missing from the spreadsheet, then from the re-imported file.
        let _ = writeln!(out, "{path}: {}", summary(report));
        write_problems(out, report);
        let _ = writeln!(
            out,
            "Nothing was written: fix these records first, so none is left out of the spreadsheet."
        );
        return Ok(Verdict::Problems);
    }
    for warning in &report.warnings {
        let _ = writeln!(out, "warning: {warning} (it is not exported)");
    }
    // Unless asked for in full, people are written as every public output shows them.
    let dataset = if args.full {
        std::borrow::Cow::Borrowed(&loaded.dataset)
    } else {
        wjc_core::visibility::public(&loaded.dataset)
    };
    let restricted = wjc_core::visibility::any_restricted(&loaded.dataset);
    let dataset = &*dataset;
    let csv = to_csv(&dataset.people)
        .map_err(|e| Failure::Data(format!("could not build the spreadsheet: {e}")))?;
    // Prove the spreadsheet reads back to the same records before handing it over.
    for change in round_trip_changes(dataset, &csv) {
        let _ = writeln!(out, "warning: {change}");
    }
    files::write_atomically(csv_path, |file| {
        // The byte-order mark makes Excel read the file as UTF-8 (non-Latin names stay intact).
        file.write_all("\u{feff}".as_bytes())?;
        file.write_all(csv.as_bytes())
    })?;
    let _ = writeln!(
        out,
        "Wrote {} to {csv_path} ({} columns).",
        people(dataset.people.len()),
        COLUMNS.len()
    );
    if restricted && !args.full {
        let _ = writeln!(
            out,
            "People kept to initials or without a photo are written as the public pages show them; \
             do not import this spreadsheet back (export with --full to edit them)."
        );
    }
    Ok(Verdict::Clean)
}

/// Runs `wjc import-csv IN.csv -o FILE [--base ENVELOPE.json] [--dry-run] [--allow-removals]`.
pub fn import(
    args: &cli::ImportCsv,
    out: &mut String,
    settings: &Settings,
) -> Result<Verdict, Failure> {
    let (csv_path, path) = (args.csv.as_str(), args.output.as_str());
    let csv = files::read_text(csv_path)?;
    let previous = Path::new(path)
        .exists()
        .then(|| files::read_text(path))
        .transpose()?;
    let (envelope_path, envelope_text) = envelope_file(args, previous.as_deref())?;
    let envelope = envelope(envelope_path, &envelope_text)?;
    let schema = envelope
        .get("$schema")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let Some(mut loaded) = read_people(&csv, csv_path, envelope, envelope_path, path, out)? else {
        return Ok(Verdict::Problems);
    };

    // What the new file is compared with: the file it replaces, else the envelope's file.
    let current = match &previous {
        Some(text) => match wjc_core::load(text) {
            Ok(current) => Some(current),
            Err(error) if !args.allow_removals => {
                let _ = writeln!(
                    out,
                    "{path} was refused ({error}), so nobody can be checked for removal. \
                     Nothing was written. Fix it first (run \"wjc validate {path}\"), or give \
                     --allow-removals to replace it anyway."
                );
                return Ok(Verdict::Problems);
            }
            Err(_) => None,
        },
        None => None,
    };
    let baseline = match (current, &args.base) {
        (Some(current), _) => Some((path, current)),
        (None, Some(base)) if previous.is_none() => wjc_core::load(&envelope_text)
            .ok()
            .map(|loaded| (base.as_str(), loaded)),
        _ => None,
    };
    let new = &mut loaded.dataset;
    let content_changed = match &baseline {
        Some((from, baseline)) => {
            // The date moves only when the content does.
            new.updated = baseline.dataset.updated;
            let changes = diff::compare(&baseline.dataset, new);
            let _ = writeln!(out, "Compared with {from}:");
            changes.write(out);
            // A record the app skips is not in the new file either: that is a change too.
            !changes.is_empty() || baseline.report.skipped() > 0
        }
        None => true,
    };
    if !args.allow_removals {
        if let Some(text) = &previous {
            if refuse_removals(text, new, path, csv_path, out) {
                return Ok(Verdict::Problems);
            }
        }
    }
    if content_changed {
        match settings.utc().today() {
            Some(today) => new.updated = today,
            None => out.push_str("warning: the system clock is wrong, so \"updated\" was kept\n"),
        }
    }
    let document = files::Document {
        schema: schema.as_deref(),
        dataset: new,
    };
    if previous.as_deref() == Some(document.text().as_str()) {
        let _ = writeln!(
            out,
            "{path} already holds exactly this; nothing was written."
        );
        return Ok(Verdict::Clean);
    }
    if args.dry_run {
        let _ = writeln!(
            out,
            "Dry run: nothing was written. Without --dry-run, {path} would hold {} (updated {}).",
            people(new.people.len()),
            new.updated
        );
        return Ok(Verdict::Clean);
    }
    let backup = files::write_dataset(path, &document, settings.utc())?;
    let _ = write!(
        out,
        "Wrote {} to {path} (updated {})",
        people(new.people.len()),
        new.updated
    );
    let _ = match backup {
        Some(backup) => writeln!(
            out,
            "; the previous file is kept as {} (the newest {} are kept).",
            backup.display(),
            files::BACKUPS_KEPT
        ),
        None => writeln!(out, "."),
    };
    Ok(Verdict::Clean)
}

/// The file to take the title, sources and campaigns from, and its text: `--base`, else the
/// data file being replaced.
fn envelope_file<'a>(
    args: &'a cli::ImportCsv,
    previous: Option<&str>,
) -> Result<(&'a str, String), Failure> {
    let path = args.output.as_str();
    match (&args.base, previous) {
        (Some(base), _) => Ok((base.as_str(), files::read_text(base)?)),
        (None, Some(text)) => Ok((path, text.to_owned())),
        (None, None) => {
            let why = "so there is no title, sources and campaigns to keep";
            let fix = "name a data file that has them with --base ENVELOPE.json";
            Err(Failure::Misuse(format!(
                "\"{path}\" does not exist yet, {why}; {fix}"
            )))
        }
    }
}

/// The spreadsheet's people with the envelope, checked as the app checks them; `None` (with every
/// problem, by spreadsheet row, in `out`) when any row has a problem.
fn read_people(
    csv: &str,
    csv_path: &str,
    envelope: Map<String, Value>,
    envelope_path: &str,
    path: &str,
    out: &mut String,
) -> Result<Option<Loaded>, Failure> {
    let sheet = read_sheet(csv).map_err(|e| Failure::Data(format!("\"{csv_path}\" {e}")))?;
    if sheet.people.is_empty() && sheet.problems.is_empty() {
        return Err(Failure::Data(format!(
            "\"{csv_path}\" has no rows of people under its header"
        )));
    }

    let json = assemble(
        envelope,
        sheet
            .people
            .iter()
            .map(|(_, person)| person.clone())
            .collect(),
    );
    let (loaded, load_report) = match wjc_core::load(&json) {
        Ok(loaded) => {
            let report = loaded.report.clone();
            (Some(loaded), report)
        }
        Err(LoadError::TooManyInvalid(report)) => (None, report),
        Err(LoadError::NoPeople) if !sheet.problems.is_empty() => {
            (None, wjc_core::Report::default())
        }
        Err(error) => {
            return Err(Failure::Data(format!(
                "cannot use the title, sources and campaigns from \"{envelope_path}\". {error}"
            )))
        }
    };
    let mut problems = sheet.problems.clone();
    problems.extend(load_report.errors.iter().map(|p| sheet.locate(p)));
    // The app leaves a bad translation out; an import would lose it, so it is refused.
    let (translations, warnings): (Vec<&Problem>, Vec<&Problem>) = load_report
        .warnings
        .iter()
        .partition(|p| p.field.starts_with("translations"));
    problems.extend(translations.into_iter().map(|p| {
        let mut problem = sheet.locate(p);
        if let Some(reason) = problem
            .reason
            .strip_suffix(wjc_core::load::TRANSLATION_LEFT_OUT)
        {
            problem.reason = reason.to_owned();
        }
        problem
    }));
    problems.sort_by_key(|p| p.row);
    let warnings: Vec<RowProblem> = warnings.into_iter().map(|p| sheet.locate(p)).collect();
    for warning in &warnings {
        let _ = writeln!(out, "warning: {warning}");
    }
    let Some(loaded) = loaded.filter(|_| problems.is_empty()) else {
        let bad_rows: HashSet<usize> = problems.iter().map(|p| p.row).collect();
        let _ = writeln!(
            out,
            "{csv_path}: {}, {} with problems. Nothing was written to {path}.",
            plural(sheet.rows(), "row of people", "rows of people"),
            bad_rows.len()
        );
        for problem in &problems {
            let _ = writeln!(out, "error: {problem}");
        }
        return Ok(None);
    };
    Ok(Some(loaded))
}

/// When people of the data file `text` at `path` are missing from the new dataset, names them
/// in `out` with what to do, and returns true: the import is refused.
fn refuse_removals(
    text: &str,
    new: &Dataset,
    path: &str,
    csv_path: &str,
    out: &mut String,
) -> bool {
    let missing = missing_people(text, new);
    if missing.is_empty() {
        return false;
    }
    let _ = writeln!(
        out,
        "Refused: {} of {path} {} not in {csv_path}:",
        plural(missing.len(), "person", "people"),
        if missing.len() == 1 { "is" } else { "are" }
    );
    for person in &missing {
        let _ = writeln!(out, "  {person}");
    }
    let _ = writeln!(
        out,
        "Nothing was written. If a row was deleted by mistake, or hidden by a filter when \
         the spreadsheet was saved, put it back and import again. If they are meant to \
         leave the list, run the same command with --allow-removals."
    );
    true
}

/// The people of the data file `text` (as written, whether or not they load) whose ids are not
/// in `new`, in words: `"id" (Name)`, or the record's place when it has no id.
fn missing_people(text: &str, new: &Dataset) -> Vec<String> {
    let ids: HashSet<&str> = new.people.iter().map(|p| p.id.as_str()).collect();
    let Ok(Value::Object(root)) = serde_json::from_str::<Value>(text) else {
        return Vec::new();
    };
    let Some(Value::Array(records)) = root.get("people") else {
        return Vec::new();
    };
    records
        .iter()
        .enumerate()
        .filter_map(|(index, record)| {
            let name = record["name"].as_str().unwrap_or("no name");
            match record["id"].as_str() {
                Some(id) if ids.contains(id) => None,
                Some(id) => Some(format!("\"{id}\" ({name})")),
                None => Some(format!("record {} ({name}), which has no id", index + 1)),
            }
        })
        .collect()
}

/// "1 person", "37 people".
fn people(n: usize) -> String {
    plural(n, "person", "people")
}

/// The envelope of a data file (everything but `people`), from its text.
fn envelope(path: &str, text: &str) -> Result<Map<String, Value>, Failure> {
    let refuse = |why: String| {
        Failure::Data(format!(
            "cannot take the title, sources and campaigns from \"{path}\": {why}"
        ))
    };
    match serde_json::from_str(text) {
        Ok(Value::Object(mut map)) => {
            map.remove("people");
            Ok(map)
        }
        Ok(_) => Err(refuse("it is not a data file".into())),
        Err(e) => Err(refuse(format!("it is not valid JSON ({e})"))),
    }
}

/// The data file's JSON text: the envelope with these people.
fn assemble(mut envelope: Map<String, Value>, people: Vec<Value>) -> String {
    envelope.insert("people".into(), Value::Array(people));
    Value::Object(envelope).to_string()
}

// ---- Writing ----

/// The spreadsheet text (without the byte-order mark): the header, then a row per person.
fn to_csv(people: &[Person]) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(COLUMNS)?;
    for person in people {
        writer.write_record(row(person).iter().map(|cell| defuse(cell).into_owned()))?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    // Every cell came from a `String`, so the bytes are UTF-8.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The characters that make a spreadsheet read a cell as a formula when it starts with one
/// ("CSV injection"): `=`, `+`, `-`, `@`, tab and carriage return.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// True when `cell` is apostrophes (none or more) and then a formula character: the cells that
/// [`defuse`] marks with one more apostrophe in front.
fn needs_mark(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// The cell as exported: one apostrophe in front of a cell that a spreadsheet would run as a
/// formula (`=1+1` is written `'=1+1`, which spreadsheets show as text), and in front of a cell
/// that already starts with apostrophes then a formula character (`'=x` is written `''=x`), so
/// [`restore`] can always tell them apart. Other cells are written as they are.
fn defuse(cell: &str) -> Cow<'_, str> {
    if needs_mark(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The cell as imported: the inverse of [`defuse`], removing the one apostrophe it added. A cell
/// that a spreadsheet saved without the apostrophe (`=1+1`, the apostrophe being only how it
/// was typed) is kept as it is.
fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_mark(rest) => rest,
        _ => cell,
    }
}

/// A person's cells, in [`COLUMNS`] order.
fn row(p: &Person) -> Vec<String> {
    let optional = |text: &Option<String>| text.clone().unwrap_or_default();
    let date =
        |date: Option<wjc_core::PartialDate>| date.map(|d| d.to_string()).unwrap_or_default();
    let photo = p.photo.as_ref();
    let mut cells = vec![
        p.id.clone(),
        p.name.clone(),
        join(&p.aliases),
        optional(&p.native_name),
        p.gender.map(|g| g.as_str().to_owned()).unwrap_or_default(),
        p.country.as_str().to_owned(),
        optional(&p.location),
        p.status.as_str().to_owned(),
        p.status_as_of.to_string(),
        p.summary.clone(),
        p.story.clone(),
        join(&p.occupations),
        date(p.arrested),
        date(p.sentenced),
        p.sentence.map(sentence_text).unwrap_or_default(),
        join(&p.charges),
        join(p.flags.iter().map(|f| f.as_str())),
        join(&p.campaigns),
        p.source.clone(),
        photo
            .map(|ph| ph.url.as_str().to_owned())
            .unwrap_or_default(),
        photo.map(|ph| ph.alt.clone()).unwrap_or_default(),
        photo.map(|ph| ph.credit.clone()).unwrap_or_default(),
        join(p.links.iter().map(link_text)),
        join(p.timeline.iter().map(event_text)),
        join(p.actions.iter().map(action_text)),
        date(p.last_verified),
        if p.visibility.is_full() {
            String::new()
        } else {
            p.visibility.as_str().to_owned()
        },
        if p.synthetic {
            "true".into()
        } else {
            String::new()
        },
    ];
    for lang in translation_langs() {
        let translation = p.translation(lang);
        cells.extend([
            translation.map(|t| t.summary.clone()).unwrap_or_default(),
            translation
                .and_then(|t| t.story.clone())
                .unwrap_or_default(),
            if translation.is_some_and(|t| t.reviewed) {
                "yes".into()
            } else {
                String::new()
            },
        ]);
    }
    cells
}

/// Items joined with `"; "`, each `;` inside an item doubled.
fn join<T: AsRef<str>>(items: impl IntoIterator<Item = T>) -> String {
    items
        .into_iter()
        .map(|item| item.as_ref().replace(';', ";;"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// `20y`, `9y 8m`, `8m` or `life`.
fn sentence_text(sentence: Sentence) -> String {
    match sentence {
        Sentence::Life => "life".into(),
        Sentence::Term { years, months: 0 } => format!("{years}y"),
        Sentence::Term { years: 0, months } => format!("{months}m"),
        Sentence::Term { years, months } => format!("{years}y {months}m"),
    }
}

/// `Title <https://…>`.
fn link_text(link: &Link) -> String {
    format!("{} <{}>", link.title, link.url.as_str())
}

/// `2018-09 arrest @source: event` (no kind when `other`, no source when the person's).
fn event_text(event: &TimelineEvent) -> String {
    let mut head = event.date.to_string();
    if !event.kind.is_other() {
        let _ = write!(head, " {}", event.kind.as_str());
    }
    if let Some(source) = &event.source {
        let _ = write!(head, " @{source}");
    }
    format!("{head}: {}", event.event)
}

/// `share #Tag <https://…> @source: text || address`.
fn action_text(action: &Action) -> String {
    let mut head = action.kind.as_str().to_owned();
    for tag in &action.hashtags {
        let _ = write!(head, " {tag}");
    }
    if let Some(url) = &action.url {
        let _ = write!(head, " <{}>", url.as_str());
    }
    if let Some(source) = &action.source {
        let _ = write!(head, " @{source}");
    }
    match &action.address {
        Some(address) => format!("{head}: {} || {address}", action.text),
        None => format!("{head}: {}", action.text),
    }
}

/// Reads `csv` back and says, record by record, which fields would not come back unchanged
/// (e.g. spaces around a list item). Empty when the spreadsheet is a faithful copy.
fn round_trip_changes(dataset: &Dataset, csv: &str) -> Vec<String> {
    let Ok(Value::Object(envelope)) = serde_json::to_value(dataset.envelope()) else {
        return vec!["could not check that the spreadsheet reads back unchanged".into()];
    };
    let reread = read_sheet(csv)
        .ok()
        .filter(|sheet| sheet.problems.is_empty())
        .and_then(|sheet| {
            wjc_core::load(&assemble(
                envelope,
                sheet.people.into_iter().map(|(_, p)| p).collect(),
            ))
            .ok()
        })
        .filter(|loaded| {
            loaded.report.errors.is_empty() && loaded.dataset.people.len() == dataset.people.len()
        });
    let Some(reread) = reread else {
        return vec![
            "the spreadsheet does not read back as written; please report this as a bug".into(),
        ];
    };
    dataset
        .people
        .iter()
        .zip(&reread.dataset.people)
        .enumerate()
        .filter(|(_, (before, after))| before != after)
        .map(|(index, (before, after))| {
            format!(
                "row {} (\"{}\"): {} would change on import (spaces at the ends of list items are dropped)",
                index + 2,
                before.id,
                changed_fields(before, after).join(", ")
            )
        })
        .collect()
}

// ---- Reading ----

/// A problem found in one spreadsheet row.
#[derive(Clone, Debug, PartialEq, Eq)]
struct RowProblem {
    /// The spreadsheet row (the header is row 1); 0 for the envelope.
    row: usize,
    /// The row's id cell, when not empty.
    id: Option<String>,
    /// The column (or a part of it, such as `links[2].url`); empty for the whole row.
    field: String,
    /// What is wrong.
    reason: String,
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.row, &self.id) {
            (0, _) => {}
            (row, Some(id)) => write!(f, "row {row} (\"{id}\")")?,
            (row, None) => write!(f, "row {row}")?,
        }
        match (self.row, self.field.as_str()) {
            (0, field) => write!(f, "{field}: {}", self.reason),
            (_, "") => write!(f, ": {}", self.reason),
            (_, field) => write!(f, ", {field}: {}", self.reason),
        }
    }
}

/// The rows of a spreadsheet as JSON records, with the problems found before validation.
#[derive(Debug)]
struct Sheet {
    /// Each record with its spreadsheet row, in order.
    people: Vec<(usize, Value)>,
    /// Cells that could not be read (a bad sentence, a short row …).
    problems: Vec<RowProblem>,
    /// List items that could not be read, by row and field (`links[2]`). A `null` stands in for
    /// each, so the loader numbers the items after it as the spreadsheet does; its complaint
    /// about the `null` is replaced by this reason.
    unreadable_items: HashMap<(usize, String), String>,
}

impl Sheet {
    /// Rows of people, with or without problems.
    fn rows(&self) -> usize {
        let with_problems: HashSet<usize> = self.problems.iter().map(|p| p.row).collect();
        let read: HashSet<usize> = self.people.iter().map(|(row, _)| *row).collect();
        read.union(&with_problems).count()
    }

    /// A loader problem re-addressed to the spreadsheet: record position → row, `photo.url` →
    /// `photo_url`.
    fn locate(&self, problem: &Problem) -> RowProblem {
        let row = problem
            .record
            .as_ref()
            .and_then(|r| self.people.get(r.position.wrapping_sub(1)))
            .map_or(0, |(row, _)| *row);
        let id = problem.record.as_ref().and_then(|r| r.id.clone());
        let mut reason = match self.unreadable_items.get(&(row, problem.field.clone())) {
            Some(reason) => reason.clone(),
            None => problem.reason.clone(),
        };
        // The loader names the first holder of a repeated id by its place in the list.
        if problem.field == "id" && reason.starts_with("repeats the id of record") {
            let first = self
                .people
                .iter()
                .find(|(_, p)| id.is_some() && p["id"].as_str() == id.as_deref());
            if let Some((first, _)) = first {
                reason = format!("repeats the id of row {first}; ids must be unique");
            }
        }
        let field = if let Some(part) = problem.field.strip_prefix("photo.") {
            format!("photo_{part}")
        } else if let Some(translation) = problem.field.strip_prefix("translations.") {
            // `translations.es.story` is the column `story_es`; `translations.es`, `summary_es`.
            match translation.split_once('.') {
                Some((tag, part)) => format!("{part}_{tag}"),
                None => format!("summary_{translation}"),
            }
        } else {
            problem.field.clone()
        };
        RowProblem {
            row,
            id,
            field,
            reason,
        }
    }
}

/// Why a spreadsheet cannot be read at all.
#[derive(Debug)]
struct BadSheet(String);

impl fmt::Display for BadSheet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Reads spreadsheet text into JSON records. The header must name every column once (in any
/// order); rows left entirely blank are skipped.
fn read_sheet(text: &str) -> Result<Sheet, BadSheet> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Excel in many European languages saves with ";" between cells.
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.contains(';') && !first_line.contains(',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(e)) => return Err(BadSheet(format!("is not a readable CSV file: {e}"))),
        None => {
            return Err(BadSheet(
                "is empty; it needs a header row naming the columns".into(),
            ))
        }
    };
    let columns = column_indexes(&header)?;
    let width = columns.iter().max().map_or(0, |last| last + 1);
    let mut sheet = Sheet {
        people: Vec::new(),
        problems: Vec::new(),
        unreadable_items: HashMap::new(),
    };
    for (index, record) in records.enumerate() {
        let row = index + 2;
        let record =
            record.map_err(|e| BadSheet(format!("is not a readable CSV file (row {row}): {e}")))?;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let cells: Option<Vec<&str>> = columns.iter().map(|&at| record.get(at)).collect();
        let id = record
            .get(columns[0])
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map(str::to_owned);
        // Cells beyond the header are allowed only when blank (spreadsheets pad rows).
        let extra = record
            .iter()
            .skip(width)
            .any(|cell| !cell.trim().is_empty());
        let Some(cells) = cells.filter(|_| !extra) else {
            let reason = format!("has {} cells; the header has {width}", record.len());
            sheet.problems.push(RowProblem {
                row,
                id,
                field: String::new(),
                reason,
            });
            continue;
        };
        let (person, unreadable) = person(&cells);
        for Unreadable {
            field,
            reason,
            in_record,
        } in unreadable
        {
            if in_record {
                sheet.unreadable_items.insert((row, field), reason);
            } else {
                sheet.problems.push(RowProblem {
                    row,
                    id: id.clone(),
                    field,
                    reason,
                });
            }
        }
        sheet.people.push((row, person));
    }
    Ok(sheet)
}

/// Where each of [`COLUMNS`] is in the header; every column must be there exactly once.
fn column_indexes(header: &csv::StringRecord) -> Result<Vec<usize>, BadSheet> {
    let names: Vec<&str> = header.iter().map(str::trim).collect();
    // Spreadsheets sometimes add empty columns at the right.
    let width = names
        .iter()
        .rposition(|n| !n.is_empty())
        .map_or(0, |last| last + 1);
    let names = &names[..width];
    let quote = |list: Vec<&str>| {
        list.iter()
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let unknown: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| !COLUMNS.contains(n))
        .collect();
    let missing: Vec<&str> = COLUMNS
        .iter()
        .copied()
        .filter(|c| !names.contains(c))
        .collect();
    let repeated: Vec<&str> = COLUMNS
        .iter()
        .copied()
        .filter(|c| names.iter().filter(|n| *n == c).count() > 1)
        .collect();
    let mut wrong = Vec::new();
    if !unknown.is_empty() {
        wrong.push(format!("unknown columns {}", quote(unknown)));
    }
    if !missing.is_empty() {
        wrong.push(format!("missing columns {}", quote(missing)));
    }
    if !repeated.is_empty() {
        wrong.push(format!("columns named twice {}", quote(repeated)));
    }
    if !wrong.is_empty() {
        return Err(BadSheet(format!(
            "has a header row with {}. The header must name these columns: {}",
            wrong.join("; "),
            COLUMNS.join(", ")
        )));
    }
    Ok(COLUMNS
        .iter()
        .filter_map(|c| names.iter().position(|n| n == c))
        .collect())
}

/// A cell, or an item in a list cell, that could not be read.
struct Unreadable {
    /// The column, or the item: `links[2]`.
    field: String,
    /// What is wrong.
    reason: String,
    /// True when a `null` stands in its place in the record.
    in_record: bool,
}

/// One row's cells (in [`COLUMNS`] order) as a JSON record, and what could not be read. Cells
/// that cannot be read are left out; everything else is left to the loader to judge.
fn person(cells: &[&str]) -> (Value, Vec<Unreadable>) {
    let mut record = Map::new();
    let mut unreadable = Vec::new();
    let mut translations = Map::new();
    for (column, cell) in COLUMNS.into_iter().zip(cells) {
        let cell = restore(cell);
        // Spreadsheets on Windows may end lines inside a cell with "\r\n"; the data never has "\r".
        let text = if cell.contains('\r') {
            cell.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            (*cell).to_owned()
        };
        if let Some((part, tag)) = column
            .split_once('_')
            .filter(|(part, _)| ["summary", "story", "reviewed"].contains(part))
        {
            // Read whole below, once all three cells of the language are known.
            if !text.trim().is_empty() {
                let translation = translations
                    .entry(tag)
                    .or_insert_with(|| Value::Object(Map::new()));
                translation[part] = Value::String(text);
            }
            continue;
        }
        let value = match column {
            // Free text is kept exactly, spaces and all.
            "name" | "native_name" | "location" | "summary" | "story" => {
                (!text.trim().is_empty()).then_some(Value::String(text))
            }
            "aliases" | "occupations" | "charges" | "flags" | "campaigns" => {
                let items = split(&text);
                (!items.is_empty()).then(|| items.into_iter().map(Value::String).collect())
            }
            "sentence" => sentence_value(text.trim()).unwrap_or_else(|reason| {
                unreadable.push(Unreadable {
                    field: column.into(),
                    reason,
                    in_record: false,
                });
                None
            }),
            "links" | "timeline" | "actions" => {
                let parse = match column {
                    "links" => link_value,
                    "timeline" => event_value,
                    _ => action_value,
                };
                let mut values = Vec::new();
                for (i, item) in split(&text).iter().enumerate() {
                    values.push(parse(item).unwrap_or_else(|reason| {
                        let field = format!("{column}[{}]", i + 1);
                        unreadable.push(Unreadable {
                            field,
                            reason,
                            in_record: true,
                        });
                        Value::Null
                    }));
                }
                (!values.is_empty()).then_some(Value::Array(values))
            }
            "photo_url" | "photo_alt" | "photo_credit" => {
                let text = if column == "photo_url" {
                    text.trim().to_owned()
                } else {
                    text
                };
                if !text.trim().is_empty() {
                    let photo = record
                        .entry("photo")
                        .or_insert_with(|| Value::Object(Map::new()));
                    photo[&column["photo_".len()..]] = Value::String(text);
                }
                None
            }
            "synthetic" => match text.trim().to_ascii_lowercase().as_str() {
                "" | "false" => None,
                "true" => Some(Value::Bool(true)),
                other => {
                    let reason = format!("\"{other}\" must be true or left empty");
                    unreadable.push(Unreadable {
                        field: column.into(),
                        reason,
                        in_record: false,
                    });
                    None
                }
            },
            // Codes (id, gender, country, status, dates, source) never contain spaces.
            _ => Some(text.trim())
                .filter(|t| !t.is_empty())
                .map(|t| Value::String(t.to_owned())),
        };
        if let Some(value) = value {
            record.insert(column.to_owned(), value);
        }
    }
    let translations = translation_values(translations, &mut unreadable);
    if !translations.is_empty() {
        record.insert("translations".into(), Value::Object(translations));
    }
    (Value::Object(record), unreadable)
}

/// The translations of a row, from the cells read into `{"es": {"summary": "…", "story": "…",
/// "reviewed": "yes"}}`: `reviewed` becomes true (`yes`) or false (empty). A story or `yes`
/// without a summary is unreadable: an empty summary cell means there is no translation.
fn translation_values(
    cells: Map<String, Value>,
    unreadable: &mut Vec<Unreadable>,
) -> Map<String, Value> {
    let mut translations = Map::new();
    for (tag, mut cells) in cells {
        if cells.get("summary").is_none() {
            unreadable.push(Unreadable {
                field: format!("summary_{tag}"),
                reason: format!(
                    "is empty, so there is no translation; story_{tag} and reviewed_{tag} must be empty too"
                ),
                in_record: false,
            });
            continue;
        }
        let reviewed = cells.get("reviewed").and_then(Value::as_str).unwrap_or("");
        let reviewed = match reviewed.trim().to_ascii_lowercase().as_str() {
            "" => false,
            "yes" => true,
            other => {
                unreadable.push(Unreadable {
                    field: format!("reviewed_{tag}"),
                    reason: format!("\"{other}\" must be yes (a person has reviewed the translation) or left empty"),
                    in_record: false,
                });
                continue;
            }
        };
        cells["reviewed"] = Value::Bool(reviewed);
        translations.insert(tag, cells);
    }
    translations
}

/// The items of a list cell: split at single `;`, `;;` read as a literal `;`, each trimmed,
/// empty ones dropped.
fn split(cell: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut item = String::new();
    let mut chars = cell.chars().peekable();
    while let Some(c) = chars.next() {
        if c != ';' {
            item.push(c);
        } else if chars.peek() == Some(&';') {
            chars.next();
            item.push(';');
        } else {
            items.push(std::mem::take(&mut item));
        }
    }
    items.push(item);
    items
        .into_iter()
        .map(|i| i.trim().to_owned())
        .filter(|i| !i.is_empty())
        .collect()
}

/// `20y`, `9y 8m`, `8m` or `life` as the data writes it; `Ok(None)` for an empty cell.
fn sentence_value(text: &str) -> Result<Option<Value>, String> {
    let invalid = || format!("\"{text}\" is not a sentence written like 20y, 9y 8m, 8m or life");
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    if compact.is_empty() {
        return Ok(None);
    }
    if compact == "life" {
        return Ok(Some(Value::String(compact)));
    }
    let (years, rest) = match compact.split_once('y') {
        Some((years, rest)) => (Some(years), rest),
        None => (None, compact.as_str()),
    };
    let months = match rest {
        "" => None,
        rest => Some(rest.strip_suffix('m').ok_or_else(invalid)?),
    };
    let number = |digits: &str| {
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse::<u64>().ok())
            .flatten()
            .ok_or_else(invalid)
    };
    let mut sentence = Map::new();
    // Written as the model writes it: years unless the sentence is in months only.
    if let Some(years) = years {
        sentence.insert("years".into(), number(years)?.into());
    }
    if let Some(months) = months {
        sentence.insert("months".into(), number(months)?.into());
    }
    if sentence.values().all(|n| n.as_u64() == Some(0)) {
        return Err(format!(
            "\"{text}\" is no sentence at all; leave the cell empty if there was none"
        ));
    }
    Ok(Some(Value::Object(sentence)))
}

/// `Title <https://…>` as a link object.
fn link_value(item: &str) -> Result<Value, String> {
    // The address has no spaces, so it starts at the last "<" that begins a word.
    let start = item
        .char_indices()
        .rev()
        .find(|&(i, c)| c == '<' && (i == 0 || item[..i].ends_with(char::is_whitespace)))
        .map(|(i, _)| i);
    match (start, item.strip_suffix('>')) {
        (Some(start), Some(_)) => {
            let title = item[..start].trim_end();
            let url = &item[start + 1..item.len() - 1];
            let mut link = Map::new();
            if !title.is_empty() {
                link.insert("title".into(), title.into());
            }
            link.insert("url".into(), url.into());
            Ok(Value::Object(link))
        }
        _ => Err(format!(
            "\"{item}\" is not a link written like: Title <https://example.org/page>"
        )),
    }
}

/// `2018-09 arrest @source: event` as a timeline event object.
fn event_value(item: &str) -> Result<Value, String> {
    let bad = || format!("\"{item}\" is not an event written like: 2018-09 arrest: What happened");
    let (head, event) = item.split_once(':').ok_or_else(bad)?;
    let mut words = head.split_whitespace();
    let (Some(date), false) = (words.next(), event.trim().is_empty()) else {
        return Err(bad());
    };
    let mut map = Map::new();
    map.insert("date".into(), date.into());
    for word in words {
        match word.strip_prefix('@') {
            Some(source) => map.insert("source".into(), source.into()),
            None if map.contains_key("kind") => return Err(bad()),
            None => map.insert("kind".into(), word.into()),
        };
    }
    map.insert("event".into(), event.trim().into());
    Ok(Value::Object(map))
}

/// `share #Tag <https://…> @source: text || address` as an action object.
fn action_value(item: &str) -> Result<Value, String> {
    let bad = || {
        format!(
            "\"{item}\" is not an action written like: share #WithoutJustCause: Share the story"
        )
    };
    // The head has no ":" but in its address, which is in <…>.
    let split = item
        .char_indices()
        .scan(false, |in_url, (i, c)| {
            match c {
                '<' => *in_url = true,
                '>' => *in_url = false,
                _ => {}
            }
            Some((i, c, *in_url))
        })
        .find(|&(_, c, in_url)| c == ':' && !in_url)
        .map(|(i, _, _)| i)
        .ok_or_else(bad)?;
    let (head, rest) = (&item[..split], &item[split + 1..]);
    let mut words = head.split_whitespace();
    let kind = words.next().ok_or_else(bad)?;
    let mut map = Map::new();
    map.insert("kind".into(), kind.into());
    let mut hashtags = Vec::new();
    for word in words {
        if word.starts_with('#') {
            hashtags.push(Value::String(word.into()));
        } else if let Some(url) = word.strip_prefix('<').and_then(|w| w.strip_suffix('>')) {
            map.insert("url".into(), url.into());
        } else if let Some(source) = word.strip_prefix('@') {
            map.insert("source".into(), source.into());
        } else {
            return Err(bad());
        }
    }
    if !hashtags.is_empty() {
        map.insert("hashtags".into(), Value::Array(hashtags));
    }
    let (text, address) = match rest.split_once(" || ") {
        Some((text, address)) => (text, Some(address.trim())),
        None => (rest, None),
    };
    map.insert("text".into(), text.trim().into());
    if let Some(address) = address {
        map.insert("address".into(), address.into());
    }
    Ok(Value::Object(map))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items_round_trip_whatever_semicolons_they_hold() {
        let awkward = [
            "plain",
            ";",
            ";;",
            "a;b",
            ";leading",
            "trailing;",
            "a;;b",
            "x; y",
            "\"q\"",
            "многие; элементы",
        ];
        for a in awkward {
            for b in awkward {
                let items = vec![a.to_owned(), b.to_owned()];
                assert_eq!(split(&join(&items)), items, "{:?}", join(&items));
            }
        }
        assert_eq!(join(["journalist", "poet"]), "journalist; poet");
        assert_eq!(join(["Article 342; part 2"]), "Article 342;; part 2");
    }

    #[test]
    fn formula_cells_are_defused_and_restored_exactly() {
        for (cell, written) in [
            ("=1+1", "'=1+1"),
            ("+7 495", "'+7 495"),
            ("-", "'-"),
            ("@everyone", "'@everyone"),
            ("\tindented", "'\tindented"),
            ("\rreturn", "'\rreturn"),
            ("'=already marked", "''=already marked"),
            ("''+two", "'''+two"),
            ("'plain apostrophe", "'plain apostrophe"),
            ("'", "'"),
            ("''", "''"),
            ("a=b", "a=b"),
            (" =spaced", " =spaced"),
            ("", ""),
            ("Ali", "Ali"),
        ] {
            assert_eq!(defuse(cell), written, "{cell:?}");
            assert_eq!(restore(written), cell, "{written:?}");
        }
        // As a spreadsheet saves a cell typed '=x: the value, without the apostrophe.
        assert_eq!(restore("=x"), "=x");
    }

    #[test]
    fn hand_typed_lists_are_forgiving() {
        assert_eq!(split("a;b ;  c"), ["a", "b", "c"]);
        assert_eq!(split(" a; ; b;"), ["a", "b"], "empty items are dropped");
        assert!(split("   ").is_empty());
        assert_eq!(split("one line\nand another"), ["one line\nand another"]);
    }

    #[test]
    fn sentences_read_back_as_written() {
        for (sentence, text) in [
            (
                Sentence::Term {
                    years: 20,
                    months: 0,
                },
                "20y",
            ),
            (
                Sentence::Term {
                    years: 9,
                    months: 8,
                },
                "9y 8m",
            ),
            (
                Sentence::Term {
                    years: 0,
                    months: 8,
                },
                "8m",
            ),
            (Sentence::Life, "life"),
        ] {
            assert_eq!(sentence_text(sentence), text);
            let value = sentence_value(text).unwrap().unwrap();
            assert_eq!(value, serde_json::to_value(sentence).unwrap(), "{text}");
        }
        assert_eq!(
            sentence_value("9 Y 8 M"),
            Ok(Some(json!({"years": 9, "months": 8})))
        );
        assert_eq!(sentence_value("LIFE"), Ok(Some(json!("life"))));
        assert_eq!(sentence_value(""), Ok(None));
        for bad in [
            "ten years",
            "9",
            "9y8",
            "y",
            "m",
            "-1y",
            "8m 9y",
            "9y 8m 1d",
            "99999999999999999999y",
        ] {
            assert!(
                sentence_value(bad)
                    .unwrap_err()
                    .contains("is not a sentence written like"),
                "{bad}"
            );
        }
        assert!(sentence_value("0y 0m")
            .unwrap_err()
            .contains("leave the cell empty"));
    }

    #[test]
    fn links_and_events_split_where_the_format_says() {
        assert_eq!(
            link_value("Title with <angle> brackets <https://example.org/a;b?c=<d>").unwrap(),
            json!({"title": "Title with <angle> brackets", "url": "https://example.org/a;b?c=<d"})
        );
        assert_eq!(
            link_value("<https://example.org>").unwrap(),
            json!({"url": "https://example.org"})
        );
        for bad in [
            "Title https://example.org",
            "Title <https://example.org",
            "Title<https://example.org>",
        ] {
            assert!(link_value(bad).is_err(), "{bad}");
        }
        assert_eq!(
            event_value("2018-09: Trial: day one").unwrap(),
            json!({"date": "2018-09", "event": "Trial: day one"})
        );
        assert!(event_value("2018-09 trial").is_err());
        assert!(event_value("2018-09:  ").is_err());
    }

    #[test]
    fn columns_are_every_person_field_in_schema_order() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/full.json"
        ))
        .unwrap();
        let person = &wjc_core::load(&text).unwrap().dataset.people[0];
        let Value::Object(fields) = serde_json::to_value(person).unwrap() else {
            panic!()
        };
        // The translations' columns come last, after the record's own fields.
        let (own, translations) = COLUMNS.split_at(COLUMNS.len() - 18);
        let expected: Vec<String> = translation_langs()
            .flat_map(|lang| {
                ["summary", "story", "reviewed"].map(|part| format!("{part}_{}", lang.tag()))
            })
            .collect();
        assert_eq!(translations, expected);
        let field =
            |column: &'static str| column.strip_prefix("photo_").map_or(column, |_| "photo");
        let mut fields_of_columns: Vec<&str> = own.iter().map(|c| field(c)).collect();
        fields_of_columns.dedup();
        let mut all_fields = fields_of_columns.clone();
        all_fields.push("translations");
        // Visibility is written only below full, and then the photo is left out.
        all_fields.retain(|f| *f != "visibility");
        let mut written: Vec<&str> = fields.keys().map(String::as_str).collect();
        written.sort_unstable();
        let mut sorted_columns = all_fields;
        sorted_columns.sort_unstable();
        assert_eq!(
            written, sorted_columns,
            "the fixture's first person fills every field"
        );
        // The model writes fields in schema order (no nested key shares a top-level name).
        let json = serde_json::to_string(person).unwrap();
        let at: Vec<usize> = fields_of_columns
            .iter()
            .filter(|f| **f != "visibility")
            .map(|f| json.find(&format!("\"{f}\":")).unwrap())
            .collect();
        assert!(
            at.windows(2).all(|w| w[0] < w[1]),
            "{fields_of_columns:?} in {json}"
        );
        assert_eq!(COLUMNS[19..22], ["photo_url", "photo_alt", "photo_credit"]);
    }

    #[test]
    fn generated_data_survives_the_spreadsheet() {
        let dataset = crate::generate::dataset(400, 3, &crate::progress::Progress::hidden());
        let csv = to_csv(&dataset.people).unwrap();
        assert!(round_trip_changes(&dataset, &csv).is_empty());
    }

    #[test]
    fn problems_name_the_row_and_id() {
        let problem = |row, id: Option<&str>, field: &str| {
            let id = id.map(str::to_owned);
            RowProblem {
                row,
                id,
                field: field.into(),
                reason: "is wrong".into(),
            }
            .to_string()
        };
        assert_eq!(
            problem(3, Some("x"), "status"),
            "row 3 (\"x\"), status: is wrong"
        );
        assert_eq!(problem(3, None, "status"), "row 3, status: is wrong");
        assert_eq!(problem(4, Some("x"), ""), "row 4 (\"x\"): is wrong");
        assert_eq!(problem(0, None, "title"), "title: is wrong");
    }

    use serde_json::json;
}
