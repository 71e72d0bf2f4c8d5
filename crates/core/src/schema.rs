//! The data file's JSON Schema, generated from the model (feature `schema`, which only the `wjc`
//! command line turns on: none of this is in the browser's code). The rules the loader applies
//! field by field are written here as schema keywords, so editors check a file as staff type;
//! the loader ([`crate::load`]) stays the judge, and a few of its rules are beyond a schema
//! (unique ids, references to the file's campaigns and sources, a sentence dated after the
//! arrest, calendar days such as 31 April).

use schemars::{generate::SchemaSettings, json_schema, JsonSchema, Schema, SchemaGenerator};

use crate::load::limits;
use crate::model::Dataset;

/// The schema of a data file, as pretty JSON with a final newline.
pub fn text() -> String {
    let mut schema = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<Dataset>();
    schema.insert(
        "title".into(),
        "without-just-cause data file (assets/data/prisoners.json)".into(),
    );
    if let Some(properties) = schema
        .get_mut("properties")
        .and_then(serde_json::Value::as_object_mut)
    {
        // The file may name this schema for editors; the model itself has no such field.
        properties.insert(
            "$schema".into(),
            serde_json::json!({
                "description": "The address of this schema, for editors.",
                "type": "string"
            }),
        );
    }
    // The model always writes a description (of the list, of a campaign); the loader also reads
    // a file without one.
    not_required(schema.as_object_mut(), "description");
    let campaign = schema
        .get_mut("$defs")
        .and_then(|defs| defs.get_mut("Campaign"))
        .and_then(serde_json::Value::as_object_mut);
    not_required(campaign, "description");
    // A schema of the model's own types always serialises.
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// Takes `field` out of the `required` list of `object`'s schema.
fn not_required(object: Option<&mut serde_json::Map<String, serde_json::Value>>, field: &str) {
    if let Some(serde_json::Value::Array(required)) =
        object.and_then(|object| object.get_mut("required"))
    {
        required.retain(|name| name != field);
    }
}

/// Characters the loader refuses in any text: control characters other than line feed and tab.
const NO_CONTROLS: &str = r"^[^\u0000-\u0008\u000B-\u001F\u007F-\u009F]*$";

/// At least one visible character: not white space, not an invisible control (direction marks,
/// zero-width characters, see [`crate::unicode::is_invisible_control`]), not a combining mark, not
/// a control character.
const VISIBLE: &str = concat!(
    r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000",
    r"\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF",
    r"\u0300-\u036F\u0483-\u0489\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F",
    r"\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]"
);

/// No more than [`limits::MARKS_ON_ONE_CHARACTER`] (30) combining marks in a row ("Zalgo"
/// text), written without look-ahead so every regular-expression engine reads it.
const FEW_MARKS: &str = concat!(
    r"^[\u0300-\u036F\u0483-\u0489\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]{0,30}",
    r"(?:[^\u0300-\u036F\u0483-\u0489\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]",
    r"[\u0300-\u036F\u0483-\u0489\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]{0,30})*$"
);

/// A text of at most `max` characters, as the loader checks every text.
fn text_of(max: usize) -> Schema {
    json_schema!({
        "type": "string",
        "minLength": 1,
        "maxLength": max,
        "allOf": [
            { "pattern": NO_CONTROLS },
            { "pattern": VISIBLE },
            { "pattern": FEW_MARKS }
        ]
    })
}

/// A list of at most [`limits::LIST_ITEMS`] `items`.
fn list_of(items: &Schema) -> Schema {
    json_schema!({ "type": "array", "maxItems": limits::LIST_ITEMS, "items": items })
}

/// `items`, or `null` (which the loader reads as absent).
fn or_null(schema: &Schema) -> Schema {
    json_schema!({ "anyOf": [schema, { "type": "null" }] })
}

/// A one-line text: a name, a title.
pub fn line(_: &mut SchemaGenerator) -> Schema {
    text_of(limits::LINE)
}

/// An optional one-line text.
pub fn optional_line(_: &mut SchemaGenerator) -> Schema {
    or_null(&text_of(limits::LINE))
}

/// A list of one-line texts (aliases, occupations, charges).
pub fn lines(_: &mut SchemaGenerator) -> Schema {
    list_of(&text_of(limits::LINE))
}

/// A one-sentence summary, or a timeline event.
pub fn summary(_: &mut SchemaGenerator) -> Schema {
    text_of(limits::SUMMARY)
}

/// A story.
pub fn story(_: &mut SchemaGenerator) -> Schema {
    text_of(limits::STORY)
}

/// A placeholder left in a translation: `TODO`, `TBD`, `FIXME` or `XXX` (in capitals, not inside
/// a longer word), anything in `{…}` or `[…]`, or lorem ipsum. The loader's `placeholder` is the
/// same rule.
const PLACEHOLDER: &str = concat!(
    r"(?:^|[^A-Za-z])(?:TODO|TBD|FIXME|XXX)(?:[^A-Za-z]|$)",
    r"|\{[^}]*\}|\[[^\]]*\]|[Ll][Oo][Rr][Ee][Mm] [Ii][Pp][Ss][Uu][Mm]"
);

/// A translated text of at most `max` characters: checked as the English ones, and without a
/// placeholder left in. (That it is not a copy of the English is beyond a schema.)
fn translated(max: usize) -> Schema {
    let mut schema = text_of(max);
    if let Some(serde_json::Value::Array(all)) = schema.get_mut("allOf") {
        all.push(serde_json::json!({ "not": { "pattern": PLACEHOLDER } }));
    }
    schema
}

/// A translated summary.
pub fn translated_summary(_: &mut SchemaGenerator) -> Schema {
    translated(limits::SUMMARY)
}

/// A translated story, which may be left out.
pub fn translated_story(_: &mut SchemaGenerator) -> Schema {
    or_null(&translated(limits::STORY))
}

/// A person's translations: an object keyed by language tag, English excepted (the record
/// itself is English).
pub fn translations(generator: &mut SchemaGenerator) -> Schema {
    let translation = generator.subschema_for::<crate::model::Translation>();
    let properties: serde_json::Map<String, serde_json::Value> = crate::i18n::Lang::ALL
        .iter()
        .filter(|lang| **lang != crate::i18n::Lang::En)
        .map(|lang| (lang.tag().to_owned(), translation.clone().into()))
        .collect();
    json_schema!({
        "description": "The summary (and perhaps the story) in other languages, keyed by language tag.",
        "type": "object",
        "properties": properties,
        "additionalProperties": false
    })
}

/// A description of the list or a campaign.
pub fn description(_: &mut SchemaGenerator) -> Schema {
    text_of(limits::DESCRIPTION)
}

/// A record's id: a–z, 0–9 and inner hyphens.
pub fn id(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "string",
        "maxLength": limits::ID,
        "pattern": "^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$"
    })
}

/// A reference to a source or campaign of the file, by its id.
pub fn reference(_: &mut SchemaGenerator) -> Schema {
    text_of(limits::ID)
}

/// An optional reference to a source.
pub fn optional_reference(_: &mut SchemaGenerator) -> Schema {
    or_null(&text_of(limits::ID))
}

/// An action's hashtags: `#` and letters, digits or `_`.
pub fn hashtags(_: &mut SchemaGenerator) -> Schema {
    let mut tag = text_of(limits::ID);
    tag.insert("pattern".into(), HASHTAG.into());
    list_of(&tag)
}

/// A hashtag, as the loader's `hashtag` check reads it.
const HASHTAG: &str = r"^#[\p{L}\p{N}_]+$";

/// A person's campaigns: at least one.
pub fn campaigns(generator: &mut SchemaGenerator) -> Schema {
    let mut schema = list_of(&reference(generator));
    schema.insert("minItems".into(), 1.into());
    schema
}

/// A list of at most [`limits::LIST_ITEMS`] items of type `T`.
pub fn list<T: JsonSchema>(generator: &mut SchemaGenerator) -> Schema {
    list_of(&generator.subschema_for::<T>())
}

/// The people: at least one.
pub fn people(generator: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "array",
        "minItems": 1,
        "items": generator.subschema_for::<crate::model::Person>()
    })
}

/// The file's schema version: 1.
pub fn schema_version(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "const": crate::model::SCHEMA_VERSION })
}

impl JsonSchema for crate::date::PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A date known to the year, the month or the day: 2018, 2018-09 or 2018-09-15 (1900–2100).",
            "type": "string",
            "pattern": "^(?:19[0-9]{2}|20[0-9]{2}|2100)(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$"
        })
    }
}

impl JsonSchema for crate::model::HttpUrl {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "HttpUrl".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A web address starting with https:// or http://.",
            "type": "string",
            "maxLength": 2000,
            "pattern": concat!(
                r"^[Hh][Tt][Tt][Pp][Ss]?://",
                r"[^/?#@:\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]",
                r"[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$"
            )
        })
    }
}

impl JsonSchema for crate::model::Sentence {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Sentence".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let years =
            json_schema!({ "type": "integer", "minimum": 0, "maximum": limits::SENTENCE_YEARS });
        let months = json_schema!({ "type": "integer", "minimum": 0, "maximum": 11 });
        json_schema!({
            "description": "\"life\", or a term like {\"years\": 9, \"months\": 8}.",
            "oneOf": [
                { "const": "life" },
                {
                    "type": "object",
                    "properties": { "years": years, "months": months },
                    "anyOf": [
                        { "required": ["years"], "properties": { "years": { "minimum": 1 } } },
                        { "required": ["months"], "properties": { "months": { "minimum": 1 } } }
                    ]
                }
            ]
        })
    }
}

impl JsonSchema for crate::country::CountryCode {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CountryCode".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let codes: Vec<String> = Self::all().map(|code| code.as_str().to_owned()).collect();
        json_schema!({
            "description": "An ISO 3166-1 two-letter country code, like \"BY\" or \"CN\".",
            "type": "string",
            "enum": codes
        })
    }
}
