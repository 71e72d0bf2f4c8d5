//! Reading the fields of one JSON object (a record, the envelope, or an object inside them),
//! collecting every problem instead of stopping at the first.

use serde_json::{Map, Value};

use crate::country::CountryCode;
use crate::date::PartialDate;
use crate::model::{HttpUrl, Sentence};
use crate::unicode::{is_visible, longest_mark_stack};

use super::{clip, limits, Problem, RecordRef};

/// Reads the fields of one JSON object, collecting problems instead of stopping at the first.
pub(super) struct Fields<'a> {
    pub(super) object: &'a Map<String, Value>,
    pub(super) record: Option<RecordRef>,
    pub(super) prefix: String,
    pub(super) errors: Vec<Problem>,
    pub(super) warnings: Vec<Problem>,
}

impl<'a> Fields<'a> {
    pub(super) fn new(
        object: &'a Map<String, Value>,
        record: Option<RecordRef>,
        known: &[&str],
    ) -> Self {
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

    pub(super) fn nested(
        &self,
        object: &'a Map<String, Value>,
        path: &str,
        known: &[&str],
    ) -> Fields<'a> {
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

    pub(super) fn absorb(&mut self, mut other: Fields<'_>) {
        self.errors.append(&mut other.errors);
        self.warnings.append(&mut other.warnings);
    }

    pub(super) fn warn_unknown(&mut self, known: &[&str]) {
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

    pub(super) fn path(&self, field: &str) -> String {
        format!("{}{}", self.prefix, clip(field, 40))
    }

    pub(super) fn error(&mut self, field: &str, reason: impl Into<String>) {
        self.errors.push(Problem {
            record: self.record.clone(),
            field: self.path(field),
            reason: reason.into(),
        });
    }

    pub(super) fn warn(&mut self, field: &str, reason: impl Into<String>) {
        self.warnings.push(Problem {
            record: self.record.clone(),
            field: self.path(field),
            reason: reason.into(),
        });
    }

    /// The field's value, treating `null` as absent.
    pub(super) fn value(&self, field: &str) -> Option<&'a Value> {
        self.object.get(field).filter(|v| !v.is_null())
    }

    pub(super) fn required(&mut self, field: &str) -> Option<&'a Value> {
        let value = self.value(field);
        if value.is_none() {
            self.error(field, "is missing");
        }
        value
    }

    pub(super) fn check_text(&mut self, field: &str, value: &Value, max: usize) -> Option<String> {
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

    pub(super) fn text(&mut self, field: &str, max: usize) -> Option<String> {
        let value = self.required(field)?;
        self.check_text(field, value, max)
    }

    pub(super) fn optional_text(&mut self, field: &str, max: usize) -> Option<String> {
        let value = self.value(field)?;
        self.check_text(field, value, max)
    }

    pub(super) fn texts(&mut self, field: &str, max: usize) -> Vec<String> {
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

    pub(super) fn list(&mut self, field: &str) -> Option<&'a Vec<Value>> {
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

    pub(super) fn id(&mut self, field: &str) -> Option<String> {
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

    pub(super) fn word<T>(
        &mut self,
        field: &str,
        parse: fn(&str) -> Option<T>,
        choices: fn() -> String,
    ) -> Option<T> {
        let value = self.required(field)?;
        self.check_word(field, value, parse, choices)
    }

    pub(super) fn optional_word<T>(
        &mut self,
        field: &str,
        parse: fn(&str) -> Option<T>,
        choices: fn() -> String,
    ) -> Option<T> {
        let value = self.value(field)?;
        self.check_word(field, value, parse, choices)
    }

    pub(super) fn words<T>(
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

    pub(super) fn check_word<T>(
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

    pub(super) fn country(&mut self, field: &str) -> Option<CountryCode> {
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

    pub(super) fn check_date(&mut self, field: &str, value: &Value) -> Option<PartialDate> {
        let date = value.as_str().and_then(PartialDate::parse);
        if date.is_none() {
            self.error(
                field,
                format!(
                    "{} is not a date written YYYY, YYYY-MM or YYYY-MM-DD (1900–2100)",
                    described(value)
                ),
            );
        }
        date
    }

    pub(super) fn date(&mut self, field: &str) -> Option<PartialDate> {
        let value = self.required(field)?;
        self.check_date(field, value)
    }

    pub(super) fn optional_date(&mut self, field: &str) -> Option<PartialDate> {
        let value = self.value(field)?;
        self.check_date(field, value)
    }

    pub(super) fn check_url(&mut self, field: &str, value: &Value) -> Option<HttpUrl> {
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

    pub(super) fn url(&mut self, field: &str) -> Option<HttpUrl> {
        let value = self.required(field)?;
        self.check_url(field, value)
    }

    pub(super) fn optional_url(&mut self, field: &str) -> Option<HttpUrl> {
        let value = self.value(field)?;
        self.check_url(field, value)
    }

    pub(super) fn flag(&mut self, field: &str) -> bool {
        match self.value(field) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.error(field, format!("must be true or false, not {}", kind(other)));
                false
            }
        }
    }

    pub(super) fn sentence(&mut self, field: &str) -> Option<Sentence> {
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

    pub(super) fn number(&mut self, field: &str, max: u64) -> Option<u64> {
        let value = self.value(field)?;
        let number = value.as_u64().filter(|n| *n <= max);
        if number.is_none() {
            self.error(field, format!("must be a whole number from 0 to {max}"));
        }
        number
    }

    pub(super) fn optional_object<T>(
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

    pub(super) fn objects_or_empty<T>(
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
    pub(super) fn objects<T>(
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

pub(super) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A value in a message: a text, a whole number or a boolean as written (texts in quotes,
/// clipped), anything else by its [`kind`]. Not `Value::to_string`, which would bring
/// `serde_json`'s number formatting into the browser's download.
fn described(value: &Value) -> String {
    match value {
        Value::String(text) => format!("\"{}\"", clip(text, 40)),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(n), _) => n.to_string(),
            (None, Some(n)) => n.to_string(),
            (None, None) => "a number with a fraction".into(),
        },
        Value::Bool(b) => b.to_string(),
        Value::Null | Value::Array(_) | Value::Object(_) => kind(value).into(),
    }
}
