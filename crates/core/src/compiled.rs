//! What the browser loads, made from the editable dataset by `wjc compile`.
//!
//! A small dataset is served whole, as one file. A large one is split:
//! - the **list** (`data/list.json`): the envelope, and per record only what cards, search and
//!   filters need, in columns (one array per field, so the compressor sees like next to like),
//!   with countries, statuses, occupations and campaigns as small integers into tables;
//! - **detail files** (`data/detail/VERSION-N.json`): whole records, [`PER_FILE`] per file in
//!   list order, each a small dataset of its own, so opening a profile costs one small request
//!   and reads with the same checks as the editable file.
//!
//! - a **first page** (`data/first.json`): the [`PAGE_SIZE`] people the list opens with, whole,
//!   as a small dataset of their own that says how many the list has (`part_of`), so the app
//!   can show them while the list downloads.
//!
//! The app reads every shape with [`crate::load::read_list`]: one code path whatever the size.

use serde_json::{json, Map, Value};

use crate::i18n::Lang;
use crate::load::Detail;
use crate::model::{ActionKind, Dataset, Person, Status, Translation};
use crate::paging::PAGE_SIZE;
use crate::query::{Index, Query};

/// Where the list is in the built site, relative to its root.
pub const LIST_PATH: &str = "data/list.json";

/// Where a lean list's first page is in the built site, relative to its root.
pub const FIRST_PATH: &str = "data/first.json";

/// Datasets up to this many people are served as one file (the list holds them whole).
pub const ONE_FILE_UP_TO: usize = 100;

/// People per detail file: about 8 KB compressed with typical stories.
pub const PER_FILE: usize = 24;

/// The fields of a lean record (the list's columns, read back into records).
pub(crate) const LEAN_FIELDS: &[&str] = &[
    "id",
    "name",
    "aliases",
    "native_name",
    "country",
    "status",
    "status_as_of",
    "arrested",
    "sentenced",
    "sentence",
    "occupations",
    "campaigns",
    "photo",
    "synthetic",
    "actions",
];

/// The path of detail file `n` of a list's `version`, relative to the list's folder (so a list
/// and its details can be served from anywhere, together).
pub fn detail_path(version: &str, n: usize) -> String {
    format!("detail/{version}-{n}.json")
}

/// The whole records `at_hand` from an `earlier` list (a first page's people, detail files
/// read) that still hold for a newer lean `list` whose details are in files (`detail`), as
/// `(detail file, people)` in list order, so a profile open meanwhile stays on screen instead of
/// downloading its story again. Only from the same edition of the list (title and date), and
/// only people whose name and status are unchanged; nothing for a list that holds its records
/// whole.
pub fn whole_records_to_keep<'a>(
    earlier: &Dataset,
    at_hand: impl IntoIterator<Item = &'a Person>,
    list: &Dataset,
    detail: &Detail,
) -> Vec<(String, Vec<Person>)> {
    let same_edition = earlier.title == list.title && earlier.updated == list.updated;
    if !same_edition || *detail == Detail::Inline {
        return Vec::new();
    }
    // Sorted by id for lookups, a few dozen people at most; no map type of its own, which
    // would be more code to download.
    let mut at_hand: Vec<&Person> = at_hand.into_iter().collect();
    crate::sorting::sort_by(&mut at_hand, |a, b| a.id.cmp(&b.id));
    let mut kept: Vec<(String, Vec<Person>)> = Vec::new();
    // In list order, so the people of one detail file are next to each other.
    for (position, lean) in list.people.iter().enumerate() {
        let Ok(found) = at_hand.binary_search_by(|whole| whole.id.cmp(&lean.id)) else {
            continue;
        };
        let whole = at_hand[found];
        let unchanged = whole.name == lean.name
            && whole.status == lean.status
            && whole.status_as_of == lean.status_as_of;
        let Some(path) = detail.file(position).filter(|_| unchanged) else {
            continue;
        };
        match kept.last_mut() {
            Some((file, people)) if *file == path => people.push(whole.clone()),
            _ => kept.push((path, vec![whole.clone()])),
        }
    }
    kept
}

/// The files to serve for a dataset: the list, and the detail files (path, text) when split.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Compiled {
    /// The list's JSON, for [`LIST_PATH`].
    pub list: String,
    /// Each detail file's path (relative to the list's folder) and JSON.
    pub details: Vec<(String, String)>,
    /// A lean list's first page, for [`FIRST_PATH`].
    pub first: Option<String>,
}

/// Compiles a (valid, loaded) dataset into the files the browser loads.
pub fn compile(dataset: &Dataset) -> Compiled {
    // Browsers only ever get people as their visibility level allows.
    let dataset = &*crate::visibility::public(dataset);
    if dataset.people.len() <= ONE_FILE_UP_TO {
        return Compiled {
            list: to_json(&Dataset {
                people: dataset.people.iter().map(for_browsers).collect(),
                ..dataset.envelope()
            }),
            details: Vec::new(),
            first: None,
        };
    }
    let details: Vec<String> = dataset
        .people
        .chunks(PER_FILE)
        .map(|people| {
            to_json(&Dataset {
                people: people.iter().map(for_browsers).collect(),
                ..dataset.envelope()
            })
        })
        .collect();
    // The version names the details' contents, so a cached list never meets other details.
    let version = format!("{:016x}", details.iter().fold(FNV_OFFSET, |h, d| fnv(h, d)));
    let mut list = match serde_json::to_value(dataset.envelope()) {
        Ok(Value::Object(envelope)) => envelope,
        _ => Map::new(),
    };
    list.remove("people");
    list.insert("list".into(), columns(dataset));
    list.insert(
        "detail".into(),
        json!({ "version": version, "per_file": PER_FILE }),
    );
    Compiled {
        list: Value::Object(list).to_string(),
        first: Some(first_page(dataset)),
        details: details
            .into_iter()
            .enumerate()
            .map(|(n, text)| (detail_path(&version, n), text))
            .collect(),
    }
}

/// The people the list opens with (its default order), whole, and how many the list has.
fn first_page(dataset: &Dataset) -> String {
    let opening = Index::new(dataset).run(&Query::default()).matches;
    let people = opening
        .iter()
        .take(PAGE_SIZE)
        .map(|&p| for_browsers(&dataset.people[p]))
        .collect();
    let first = Dataset {
        people,
        ..dataset.envelope()
    };
    match serde_json::to_value(first) {
        Ok(Value::Object(mut first)) => {
            first.insert("part_of".into(), json!(dataset.people.len()));
            Value::Object(first).to_string()
        }
        _ => String::new(),
    }
}

/// Where the people's summaries (and stories) translated into `lang` are, relative to the site's
/// root: the app downloads them with the language's messages, so a visitor reading English never
/// downloads them.
pub fn translations_path(lang: Lang) -> String {
    format!("data/translations/{}.json", lang.tag())
}

/// The translations into `lang` of the dataset's people, by id: `{"id": {"summary": …,
/// "reviewed": false}}`; `None` when nobody has one.
pub fn translations(dataset: &Dataset, lang: Lang) -> Option<String> {
    let by_id: Map<String, Value> = dataset
        .people
        .iter()
        .filter_map(|p| {
            Some((
                p.id.clone(),
                serde_json::to_value(p.translation(lang)?).ok()?,
            ))
        })
        .collect();
    (!by_id.is_empty()).then(|| Value::Object(by_id).to_string())
}

/// Reads a file of [`translations`] into `lang` back, by id; entries that are not whole are left
/// out.
pub fn read_translations(lang: Lang, json: &str) -> Translations {
    let Ok(Value::Object(by_id)) = serde_json::from_str::<Value>(json) else {
        return Translations::default();
    };
    // A JSON object is read into a map sorted by key: the ids come out in order, ready for
    // `Translations::get`'s binary search with no sorting.
    let by_id = by_id
        .into_iter()
        .filter_map(|(id, entry)| {
            let summary = entry.get("summary")?.as_str()?.to_owned();
            Some((
                id,
                Translation {
                    lang,
                    summary,
                    story: entry
                        .get("story")
                        .and_then(Value::as_str)
                        .map(str::to_owned),
                    reviewed: entry.get("reviewed")?.as_bool()?,
                },
            ))
        })
        .collect();
    Translations(by_id)
}

/// The people's summaries translated into one language, by id (sorted).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Translations(Vec<(String, Translation)>);

impl Translations {
    /// The translation of the person with `id`, if there is one.
    pub fn get(&self, id: &str) -> Option<&Translation> {
        self.0
            .binary_search_by(|(other, _)| other.as_str().cmp(id))
            .ok()
            .map(|at| &self.0[at].1)
    }

    /// The ids of the people translated, in order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(id, _)| id.as_str())
    }
}

/// A whole record as browsers get it: without its translations, which they download apart, one
/// language at a time ([`translations_path`]); shipping all six languages to every visitor would
/// triple the list of a small dataset.
fn for_browsers(person: &Person) -> Person {
    Person {
        translations: Vec::new(),
        ..person.clone()
    }
}

fn to_json(dataset: &Dataset) -> String {
    // A dataset of checked values always serialises.
    serde_json::to_string(dataset).unwrap_or_default()
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a over `text`, continuing from `hash`.
fn fnv(hash: u64, text: &str) -> u64 {
    text.bytes().fold(hash, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The list's columns: one array per lean field, facets as numbers into tables.
fn columns(dataset: &Dataset) -> Value {
    let people = &dataset.people;
    let mut countries: Vec<&str> = people.iter().map(|p| p.country.as_str()).collect();
    countries.sort_unstable();
    countries.dedup();
    let mut occupations: Vec<&str> = people
        .iter()
        .flat_map(|p| p.occupations.iter().map(String::as_str))
        .collect();
    occupations.sort_unstable();
    occupations.dedup();
    let number = |table: &[&str], value: &str| table.binary_search(&value).unwrap_or_default();
    let campaign = |id: &String| {
        dataset
            .campaigns
            .iter()
            .position(|c| &c.id == id)
            .unwrap_or_default()
    };
    let column = |f: &dyn Fn(&Person) -> Value| Value::Array(people.iter().map(f).collect());
    let mut columns = json!({
        "countries": countries,
        "occupation_names": occupations,
        "id": column(&|p| json!(p.id)),
        "name": column(&|p| json!(p.name)),
        "aliases": column(&|p| json!(p.aliases)),
        "native_name": column(&|p| json!(p.native_name)),
        "country": column(&|p| json!(number(&countries, p.country.as_str()))),
        "status": column(&|p| json!(Status::ALL.iter().position(|s| *s == p.status))),
        "status_as_of": column(&|p| json!(p.status_as_of)),
        "arrested": column(&|p| json!(p.arrested)),
        "sentenced": column(&|p| json!(p.sentenced)),
        "sentence": column(&|p| json!(p.sentence)),
        "occupations": column(&|p| {
            json!(p.occupations.iter().map(|o| number(&occupations, o)).collect::<Vec<_>>())
        }),
        "campaigns": column(&|p| json!(p.campaigns.iter().map(campaign).collect::<Vec<_>>())),
        "photo": column(&|p| json!(p.photo)),
        "synthetic": column(&|p| json!(p.synthetic)),
    });
    // The list's letters filter: an action's kind alone, its words and address being in the
    // detail file; none at all when nobody takes letters.
    if people.iter().any(|p| dataset.takes_letters(p)) {
        columns["actions"] = column(&|p| {
            if dataset.takes_letters(p) {
                json!([{ "kind": ActionKind::WriteLetter.as_str() }])
            } else {
                Value::Null
            }
        });
    }
    columns
}

/// Turns a list's columns back into one JSON object per record, made as they are read, with
/// the fields' usual names and values (numbers replaced by what they stand for), for the loader
/// to check as it checks any record. A number that stands for nothing is left as it is, so that
/// record is reported and skipped. The columns stay slices of the list's text until a record
/// needs their values: a large list is never held as a tree of JSON values.
///
/// `text` is the whole file, which `list` is part of, for saying where a value cannot be read.
pub(crate) fn records<'a>(
    text: &'a str,
    list: &'a str,
    campaigns: Option<&Value>,
) -> Result<impl ExactSizeIterator<Item = Result<Value, crate::LoadError>> + 'a, crate::LoadError> {
    use crate::load::{count_elements, members, shape_error, syntax_in, Elements};
    let broken = || crate::LoadError::BrokenList;
    let mut named = Vec::new();
    for (name, value) in members(list).ok_or_else(|| shape_error(text, list, broken()))? {
        match serde_json::from_str(name) {
            Ok(Value::String(name)) => named.push((name, value)),
            Ok(_) => return Err(broken()),
            Err(e) => return Err(syntax_in(text, name, &e)),
        }
    }
    let find = |name: &str| named.iter().find(|(n, _)| n == name).map(|(_, v)| *v);
    // A column's values are checked and counted here, and found again one record at a time.
    let column = |name: &str| -> Result<Option<(&'a str, usize)>, crate::LoadError> {
        find(name)
            .map(|part| {
                count_elements(part)
                    .map(|count| (part, count))
                    .ok_or_else(|| shape_error(text, part, broken()))
            })
            .transpose()
    };
    let table = |name: &str| -> Vec<Value> {
        match find(name).map(serde_json::from_str) {
            Some(Ok(Value::Array(values))) => values,
            _ => Vec::new(),
        }
    };
    // The ids say how many records there are; every other column must agree.
    let count = column("id")?.ok_or_else(broken)?.1;
    let (countries, occupations) = (table("countries"), table("occupation_names"));
    let campaign_ids: Vec<Value> = match campaigns {
        Some(Value::Array(campaigns)) => campaigns
            .iter()
            .map(|c| c.get("id").cloned().unwrap_or(Value::Null))
            .collect(),
        _ => Vec::new(),
    };
    let statuses: Vec<Value> = Status::ALL.iter().map(|s| json!(s.as_str())).collect();
    let mut columns: Vec<Column<'a>> = Vec::new();
    for &field in LEAN_FIELDS {
        let Some((part, length)) = column(field)? else {
            continue;
        };
        if length != count {
            return Err(broken());
        }
        let values = Elements::new(part).ok_or_else(broken)?;
        let lookup = match field {
            "country" => Some(countries.clone()),
            "status" => Some(statuses.clone()),
            "occupations" => Some(occupations.clone()),
            "campaigns" => Some(campaign_ids.clone()),
            _ => None,
        };
        columns.push(Column {
            field,
            values,
            lookup,
        });
    }
    Ok((0..count).map(move |_| {
        let mut record = Map::new();
        for Column {
            field,
            values,
            lookup,
        } in &mut columns
        {
            // Counted above: a column cannot end or break before its last record.
            let cell = values.next().flatten().ok_or_else(broken)?;
            let value: Value = serde_json::from_str(cell).map_err(|e| syntax_in(text, cell, &e))?;
            if value.is_null() {
                continue;
            }
            let value = match (lookup, value) {
                (Some(table), Value::Array(numbers)) => {
                    Value::Array(numbers.iter().map(|n| look_up(table, n)).collect())
                }
                (Some(table), n) => look_up(table, &n),
                (None, value) => value,
            };
            record.insert((*field).to_owned(), value);
        }
        Ok(Value::Object(record))
    }))
}

/// One column of a lean list, its values unread, with the table its numbers stand for, if any.
struct Column<'a> {
    field: &'static str,
    values: crate::load::Elements<'a>,
    lookup: Option<Vec<Value>>,
}

fn look_up(table: &[Value], number: &Value) -> Value {
    number
        .as_u64()
        .and_then(|n| usize::try_from(n).ok())
        .and_then(|n| table.get(n))
        .cloned()
        .unwrap_or_else(|| number.clone())
}

#[cfg(test)]
mod tests;
