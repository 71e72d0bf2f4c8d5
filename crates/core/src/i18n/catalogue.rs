//! A language's messages: a JSON object from message keys to ICU `MessageFormat` patterns, as
//! translators edit it (`assets/i18n/LANG.json`; see docs/translating.md), checked against the
//! English catalogue, which defines every key.

use std::fmt;

use serde_json::Value as Json;

use super::message::{Message, Value};
use super::Lang;

/// Keys starting with this are notes about the file (who translated it, whether a person
/// reviewed it), not messages.
const NOTE_PREFIX: char = '@';

/// A language's messages, sorted by key.
#[derive(Clone, Debug)]
pub struct Catalogue {
    /// The language.
    pub lang: Lang,
    messages: Vec<(String, Message)>,
}

/// Something wrong with one message of a catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The message's key.
    pub key: String,
    /// What is wrong, for the translator.
    pub what: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.key, self.what)
    }
}

impl Catalogue {
    /// Reads a catalogue. A message that cannot be read is left out and reported; the rest is
    /// kept.
    ///
    /// # Errors
    ///
    /// A file that is not a JSON object, with what is wrong.
    pub fn parse(lang: Lang, json: &str) -> Result<(Self, Vec<Problem>), String> {
        let value: Json = serde_json::from_str(json).map_err(|e| format!("not valid JSON: {e}"))?;
        let Json::Object(entries) = value else {
            return Err("not a JSON object of messages".into());
        };
        let mut messages = Vec::with_capacity(entries.len());
        let mut problems = Vec::new();
        for (key, value) in entries {
            if key.starts_with(NOTE_PREFIX) {
                continue;
            }
            let parsed = match &value {
                Json::String(text) => Message::parse(text).map_err(|e| e.to_string()),
                _ => Err("must be a text".into()),
            };
            match parsed {
                Ok(message) => messages.push((key, message)),
                Err(what) => problems.push(Problem { key, what }),
            }
        }
        messages.sort_by(|a, b| a.0.cmp(&b.0));
        Ok((Self { lang, messages }, problems))
    }

    /// The message with `key`.
    pub fn get(&self, key: &str) -> Option<&Message> {
        self.messages
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
            .map(|i| &self.messages[i].1)
    }

    /// The message with `key` in this language with `args`; `None` when the catalogue lacks it.
    pub fn format(&self, key: &str, args: &[(&str, Value<'_>)]) -> Option<String> {
        self.get(key).map(|m| m.format(self.lang, args))
    }

    /// The keys, sorted.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.messages.iter().map(|(k, _)| k.as_str())
    }

    /// The same messages with their literal text changed by `change`, for `lang`: the
    /// pseudo-locale that shows which text is not translatable.
    #[must_use]
    pub fn map_texts(&self, lang: Lang, change: &impl Fn(&str) -> String) -> Self {
        Self {
            lang,
            messages: self
                .messages
                .iter()
                .map(|(k, m)| (k.clone(), m.map_texts(change)))
                .collect(),
        }
    }

    /// What a translator must fix against `english`: keys missing or unknown, arguments that
    /// differ, and plural messages without every category the language needs.
    pub fn check(&self, english: &Self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut problem = |key: &str, what: String| {
            problems.push(Problem {
                key: key.to_owned(),
                what,
            });
        };
        for (key, source) in &english.messages {
            let Some(message) = self.get(key) else {
                problem(key, "missing: not translated yet".into());
                continue;
            };
            let (wanted, given) = (source.arguments(), message.arguments());
            if wanted != given {
                problem(
                    key,
                    format!(
                        "has the placeholders {} where English has {}",
                        braces(&given),
                        braces(&wanted)
                    ),
                );
            }
            for (arg, categories) in message.plurals() {
                let missing: Vec<&str> = self
                    .lang
                    .plural_categories()
                    .iter()
                    .filter(|c| !categories.contains(c))
                    .map(|c| c.keyword())
                    .collect();
                if !missing.is_empty() {
                    problem(
                        key,
                        format!(
                            "the plural of {{{arg}}} lacks {} ({} needs {})",
                            missing.join(", "),
                            self.lang.tag(),
                            self.lang
                                .plural_categories()
                                .iter()
                                .map(|c| c.keyword())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    );
                }
            }
        }
        for key in self.keys() {
            if english.get(key).is_none() {
                problem(key, "unused: English has no such message".into());
            }
        }
        problems.sort_by(|a, b| a.key.cmp(&b.key));
        problems
    }
}

fn braces(names: &[&str]) -> String {
    if names.is_empty() {
        return "none".into();
    }
    names
        .iter()
        .map(|n| format!("{{{n}}}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = r#"{
        "@note": "the source language",
        "count": "{count, plural, one {# person} other {# people}}",
        "held": "{name} is held in {country}.",
        "search": "Search"
    }"#;

    fn english() -> Catalogue {
        let (catalogue, problems) = Catalogue::parse(Lang::En, EN).unwrap();
        assert_eq!(problems, []);
        catalogue
    }

    #[test]
    fn looks_messages_up_and_formats_them() {
        let en = english();
        assert_eq!(en.keys().collect::<Vec<_>>(), ["count", "held", "search"]);
        assert_eq!(
            en.format("count", &[("count", Value::Number(37))])
                .as_deref(),
            Some("37 people")
        );
        assert_eq!(en.format("nothing", &[]), None);
        assert_eq!(en.check(&en), []);
    }

    #[test]
    fn a_translation_is_checked_against_english() {
        let ru = r#"{
            "count": "{count, plural, one {# человек} other {# человека}}",
            "held": "{name} в заключении в {place}.",
            "extra": "Лишнее",
            "broken": "{oops"
        }"#;
        let (catalogue, problems) = Catalogue::parse(Lang::Ru, ru).unwrap();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].key, "broken");
        let found: Vec<String> = catalogue
            .check(&english())
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            found,
            [
                "count: the plural of {count} lacks few, many (ru needs one, few, many, other)",
                "extra: unused: English has no such message",
                "held: has the placeholders {name}, {place} where English has {country}, {name}",
                "search: missing: not translated yet",
            ]
        );
    }

    #[test]
    fn only_a_file_that_is_no_object_of_texts_is_refused() {
        assert!(Catalogue::parse(Lang::Es, "[1]").is_err());
        assert!(Catalogue::parse(Lang::Es, "{").is_err());
        let (catalogue, problems) = Catalogue::parse(Lang::Es, r#"{"a": 1, "b": "B"}"#).unwrap();
        assert_eq!(catalogue.keys().collect::<Vec<_>>(), ["b"]);
        assert_eq!(problems[0].what, "must be a text");
    }
}
