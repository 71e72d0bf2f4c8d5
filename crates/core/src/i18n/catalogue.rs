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
        crate::sorting::sort_by(&mut messages, |a, b| a.0.cmp(&b.0));
        Ok((Self { lang, messages }, problems))
    }

    /// A language as it ships: the translators' messages and CLDR's names and date patterns
    /// (see [`check_language`] for what may be wrong with them), with the messages that cannot be
    /// read left out.
    ///
    /// # Errors
    ///
    /// Either file not a JSON object, and why.
    pub fn merged(lang: Lang, messages: &str, cldr: &str) -> Result<Self, String> {
        let (mut catalogue, _) = Self::parse(lang, messages)?;
        let (cldr, _) = Self::parse(lang, cldr)?;
        catalogue.add_cldr(cldr);
        Ok(catalogue)
    }

    /// Adds CLDR's messages this catalogue lacks (the translators' own win). Returns the keys
    /// added, and the keys both had (which belong in CLDR's file only).
    fn add_cldr(&mut self, cldr: Self) -> (Vec<String>, Vec<String>) {
        let (mut added, mut repeated) = (Vec::new(), Vec::new());
        for (key, message) in cldr.messages {
            if self.get(&key).is_some() {
                repeated.push(key);
            } else {
                added.push(key.clone());
                self.messages.push((key, message));
            }
        }
        crate::sorting::sort_by(&mut self.messages, |a, b| a.0.cmp(&b.0));
        (added, repeated)
    }

    /// A catalogue with no message, which says everything in English.
    pub fn empty(lang: Lang) -> Self {
        Self {
            lang,
            messages: Vec::new(),
        }
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

/// A language's file as the site ships it for one dataset: the translators' messages and
/// CLDR's, in one JSON object, without the notes and with only the keys `keep` accepts (the
/// names of the dataset's countries, not all 250). Read back with [`Catalogue::parse`].
///
/// # Errors
///
/// Either file not a JSON object, and why.
pub fn shipped(messages: &str, cldr: &str, keep: impl Fn(&str) -> bool) -> Result<String, String> {
    let object = |json: &str| match serde_json::from_str(json) {
        Ok(Json::Object(map)) => Ok(map),
        Ok(_) => Err("not a JSON object of messages".to_owned()),
        Err(e) => Err(format!("not valid JSON: {e}")),
    };
    let mut out = object(cldr)?;
    out.extend(object(messages)?);
    out.retain(|key, _| !key.starts_with(NOTE_PREFIX) && keep(key));
    Ok(Json::Object(out).to_string())
}

/// Which of a language's two files a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum File {
    /// The translators' messages, `LANG.json`.
    Messages,
    /// The country names and date patterns generated from CLDR, `cldr/LANG.json`.
    Cldr,
}

/// Everything wrong with a language as it ships, against `english`: messages that cannot be
/// read in either file, keys the translators' file repeats from CLDR, and [`Catalogue::check`]
/// of the two files together. CLDR's keys that English takes from elsewhere (the country names
/// of `country_table.rs`) are not reported as unused.
///
/// # Errors
///
/// A file that is not a JSON object, and why.
pub fn check_language(
    lang: Lang,
    messages: &str,
    cldr: Option<&str>,
    english: &Catalogue,
) -> Result<Vec<(File, Problem)>, (File, String)> {
    let (mut catalogue, unreadable) =
        Catalogue::parse(lang, messages).map_err(|e| (File::Messages, e))?;
    let mut found: Vec<(File, Problem)> = unreadable
        .into_iter()
        .map(|p| (File::Messages, p))
        .collect();
    let mut generated = Vec::new();
    if let Some(cldr) = cldr {
        let (cldr, unreadable) = Catalogue::parse(lang, cldr).map_err(|e| (File::Cldr, e))?;
        found.extend(unreadable.into_iter().map(|p| (File::Cldr, p)));
        let repeated;
        (generated, repeated) = catalogue.add_cldr(cldr);
        found.extend(repeated.into_iter().map(|key| {
            (
                File::Messages,
                Problem {
                    what: "comes from CLDR (the cldr folder); remove it here".into(),
                    key,
                },
            )
        }));
    }
    let reported: Vec<String> = found.iter().map(|(_, p)| p.key.clone()).collect();
    for problem in catalogue.check(english) {
        if reported.contains(&problem.key) {
            continue;
        }
        if !generated.contains(&problem.key) {
            found.push((File::Messages, problem));
        } else if english.get(&problem.key).is_some() {
            found.push((File::Cldr, problem));
        }
    }
    Ok(found)
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
    fn a_language_is_checked_with_its_cldr_file() {
        let es = r#"{
            "count": "{count, plural, one {# persona} many {# de personas} other {# personas}}",
            "held": "{name} está en prisión en {country}.",
            "country.IR": "Irán"
        }"#;
        let cldr = r#"{"search": "Buscar", "country.IR": "Irán", "country.CN": "{China"}"#;
        let found = check_language(Lang::Es, es, Some(cldr), &english()).unwrap();
        let found: Vec<(File, String)> = found.iter().map(|(f, p)| (*f, p.to_string())).collect();
        assert_eq!(
            found,
            [
                (
                    File::Cldr,
                    "country.CN: at character 7: the message ends inside a \"{\"…\"}\"".into()
                ),
                (
                    File::Messages,
                    "country.IR: comes from CLDR (the cldr folder); remove it here".into()
                ),
            ]
        );
        let missing = check_language(Lang::Es, es, None, &english()).unwrap();
        assert_eq!(missing.len(), 2, "{missing:?}");
        assert_eq!(
            missing[0].1.to_string(),
            "country.IR: unused: English has no such message"
        );
        assert_eq!(
            missing[1].1.to_string(),
            "search: missing: not translated yet"
        );
        assert_eq!(
            check_language(Lang::Es, "[]", None, &english())
                .unwrap_err()
                .0,
            File::Messages
        );
        assert_eq!(
            check_language(Lang::Es, es, Some("{"), &english())
                .unwrap_err()
                .0,
            File::Cldr
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
