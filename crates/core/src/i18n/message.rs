//! One message of the interface, written in ICU `MessageFormat`, the format translation tools
//! (Weblate, Crowdin, Lokalise, Transifex) edit: whole sentences with named placeholders,
//! `{count, plural, one {# person} other {# people}}` for numbers and `{gender, select, female
//! {…} other {…}}` for words that agree with the person.
//!
//! The subset understood here: plain `{name}` arguments, `plural` with `=N` and CLDR keywords and
//! `#` for the number, `select`, and ICU's apostrophe quoting (`''` is an apostrophe; `'{'`
//! quotes a brace). Numbers are formatted for the language by [`format_number`].

use std::fmt;

use super::{Lang, Plural};

/// A parsed message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    parts: Vec<Part>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    Text(String),
    /// `{name}`.
    Arg(String),
    /// `#`: the number of the plural it is in.
    Number,
    /// `{name, plural, …}`.
    Plural {
        arg: String,
        arms: Vec<(Selector, Message)>,
    },
    /// `{name, select, …}`.
    Select {
        arg: String,
        arms: Vec<(String, Message)>,
    },
}

/// How a plural arm is chosen: `=3` or a CLDR category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Selector {
    Exact(u64),
    Category(Plural),
}

/// A value given to a message's argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value<'a> {
    /// Text, inserted as it is.
    Text(&'a str),
    /// A whole number: formatted for the language, and what `plural` chooses by.
    Number(u64),
}

/// Why a message could not be read, and where (a character offset).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// Characters before the problem.
    pub at: usize,
    /// What is wrong, for the translator.
    pub what: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at character {}: {}", self.at + 1, self.what)
    }
}

impl Message {
    /// Reads a message.
    ///
    /// # Errors
    ///
    /// What is wrong with the message and where.
    pub fn parse(text: &str) -> Result<Self, ParseError> {
        let chars: Vec<char> = text.chars().collect();
        let mut parser = Parser { chars, at: 0 };
        let message = parser.pattern(false)?;
        match parser.peek() {
            None => Ok(message),
            Some(c) => Err(parser.error(format!("\"{c}\" without a matching \"{{\""))),
        }
    }

    /// The message with `args` in place, for `lang` (its plural rules and digits). An argument
    /// missing from `args` shows as `{name}`, so a slip is visible but never fatal.
    pub fn format(&self, lang: Lang, args: &[(&str, Value<'_>)]) -> String {
        let mut out = String::new();
        self.write(lang, args, None, &mut out);
        out
    }

    fn write(&self, lang: Lang, args: &[(&str, Value<'_>)], number: Option<u64>, out: &mut String) {
        let value = |name: &str| args.iter().find(|(n, _)| *n == name).map(|&(_, v)| v);
        for part in &self.parts {
            match part {
                Part::Text(text) => out.push_str(text),
                Part::Number => match number {
                    Some(n) => out.push_str(&format_number(lang, n)),
                    None => out.push('#'),
                },
                Part::Arg(name) => match value(name) {
                    Some(Value::Text(text)) => out.push_str(text),
                    Some(Value::Number(n)) => out.push_str(&format_number(lang, n)),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                },
                Part::Plural { arg, arms } => {
                    let n = match value(arg) {
                        Some(Value::Number(n)) => n,
                        _ => 0,
                    };
                    let category = lang.plural(n);
                    let arm = arms
                        .iter()
                        .find(|(s, _)| *s == Selector::Exact(n))
                        .or_else(|| {
                            arms.iter()
                                .find(|(s, _)| *s == Selector::Category(category))
                        })
                        .or_else(|| {
                            arms.iter()
                                .find(|(s, _)| *s == Selector::Category(Plural::Other))
                        });
                    if let Some((_, message)) = arm {
                        message.write(lang, args, Some(n), out);
                    }
                }
                Part::Select { arg, arms } => {
                    let key = match value(arg) {
                        Some(Value::Text(text)) => text,
                        _ => "other",
                    };
                    let arm = arms
                        .iter()
                        .find(|(k, _)| k == key)
                        .or_else(|| arms.iter().find(|(k, _)| k == "other"));
                    if let Some((_, message)) = arm {
                        message.write(lang, args, number, out);
                    }
                }
            }
        }
    }

    /// The names of the message's arguments, sorted, each once.
    pub fn arguments(&self) -> Vec<&str> {
        let mut names = Vec::new();
        self.visit(&mut |part| match part {
            Part::Arg(name) | Part::Plural { arg: name, .. } | Part::Select { arg: name, .. } => {
                names.push(name.as_str());
            }
            _ => {}
        });
        names.sort_unstable();
        names.dedup();
        names
    }

    /// For each `plural` in the message, its argument and the categories its arms name.
    pub fn plurals(&self) -> Vec<(&str, Vec<Plural>)> {
        let mut found = Vec::new();
        self.visit(&mut |part| {
            if let Part::Plural { arg, arms } = part {
                let categories = arms
                    .iter()
                    .filter_map(|(s, _)| match s {
                        Selector::Category(c) => Some(*c),
                        Selector::Exact(_) => None,
                    })
                    .collect();
                found.push((arg.as_str(), categories));
            }
        });
        found
    }

    /// Every piece of literal text in the message, in order.
    pub fn texts(&self) -> Vec<&str> {
        let mut found = Vec::new();
        self.visit(&mut |part| {
            if let Part::Text(text) = part {
                found.push(text.as_str());
            }
        });
        found
    }

    /// The message with every piece of literal text changed by `change` (placeholders, plural
    /// and select structure kept): how the pseudo-locale is made.
    #[must_use]
    pub fn map_texts(&self, change: &impl Fn(&str) -> String) -> Self {
        let parts = self
            .parts
            .iter()
            .map(|part| match part {
                Part::Text(text) => Part::Text(change(text)),
                Part::Plural { arg, arms } => Part::Plural {
                    arg: arg.clone(),
                    arms: arms
                        .iter()
                        .map(|(s, m)| (*s, m.map_texts(change)))
                        .collect(),
                },
                Part::Select { arg, arms } => Part::Select {
                    arg: arg.clone(),
                    arms: arms
                        .iter()
                        .map(|(k, m)| (k.clone(), m.map_texts(change)))
                        .collect(),
                },
                other => other.clone(),
            })
            .collect();
        Self { parts }
    }

    fn visit<'a>(&'a self, each: &mut impl FnMut(&'a Part)) {
        for part in &self.parts {
            each(part);
            match part {
                Part::Plural { arms, .. } => arms.iter().for_each(|(_, m)| m.visit(each)),
                Part::Select { arms, .. } => arms.iter().for_each(|(_, m)| m.visit(each)),
                _ => {}
            }
        }
    }
}

/// A whole number as the language writes it: its digits (Persian uses its own), its grouping
/// separator, and CLDR's minimum grouping (Spanish leaves four-digit numbers whole).
pub fn format_number(lang: Lang, n: u64) -> String {
    write_number(lang, n, true)
}

/// A year in the language's digits, never grouped: a year is a name, not an amount ("2018",
/// not "2,018").
pub fn format_year(lang: Lang, year: u64) -> String {
    write_number(lang, year, false)
}

fn write_number(lang: Lang, n: u64, grouped: bool) -> String {
    let (separator, min_grouping, zero) = match lang {
        Lang::En | Lang::Ar | Lang::ZhHans => (',', 1, '0'),
        Lang::Es => ('.', 2, '0'),
        Lang::Fr => ('\u{202f}', 1, '0'),
        Lang::Ru => ('\u{a0}', 1, '0'),
        Lang::Fa => ('\u{66c}', 1, '\u{6f0}'),
    };
    let digits = n.to_string();
    let group = grouped && digits.len() >= 4 + (min_grouping - 1);
    let mut out = String::with_capacity(digits.len() * 3);
    for (i, d) in digits.chars().enumerate() {
        if group && i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        let offset = u32::from(d) - u32::from('0');
        out.push(char::from_u32(u32::from(zero) + offset).unwrap_or(d));
    }
    out
}

struct Parser {
    chars: Vec<char>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn error(&self, what: String) -> ParseError {
        ParseError { at: self.at, what }
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
    }

    /// Text and arguments up to a `}` (left for the caller) or the end. In a plural arm, `#`
    /// is the number.
    fn pattern(&mut self, in_plural: bool) -> Result<Message, ParseError> {
        let mut parts = Vec::new();
        let mut text = String::new();
        while let Some(c) = self.peek() {
            match c {
                '}' => break,
                '{' => {
                    if !text.is_empty() {
                        parts.push(Part::Text(std::mem::take(&mut text)));
                    }
                    self.at += 1;
                    parts.push(self.argument()?);
                }
                '#' if in_plural => {
                    if !text.is_empty() {
                        parts.push(Part::Text(std::mem::take(&mut text)));
                    }
                    self.at += 1;
                    parts.push(Part::Number);
                }
                '\'' => self.apostrophe(in_plural, &mut text),
                _ => {
                    text.push(c);
                    self.at += 1;
                }
            }
        }
        if !text.is_empty() {
            parts.push(Part::Text(text));
        }
        Ok(Message { parts })
    }

    /// ICU's quoting: `''` is one apostrophe; an apostrophe before a syntax character starts
    /// quoted text up to the next single apostrophe; any other apostrophe is itself.
    fn apostrophe(&mut self, in_plural: bool, text: &mut String) {
        self.at += 1;
        match self.peek() {
            Some('\'') => {
                text.push('\'');
                self.at += 1;
            }
            Some(c) if c == '{' || c == '}' || (in_plural && c == '#') => {
                while let Some(c) = self.peek() {
                    self.at += 1;
                    if c != '\'' {
                        text.push(c);
                    } else if self.peek() == Some('\'') {
                        text.push('\'');
                        self.at += 1;
                    } else {
                        return;
                    }
                }
            }
            _ => text.push('\''),
        }
    }

    fn name(&mut self) -> Result<String, ParseError> {
        self.skip_space();
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-')
        {
            self.at += 1;
        }
        if start == self.at {
            return Err(self.error("expected an argument name".into()));
        }
        let name = self.chars[start..self.at].iter().collect();
        self.skip_space();
        Ok(name)
    }

    fn expect(&mut self, c: char) -> Result<(), ParseError> {
        self.skip_space();
        if self.peek() == Some(c) {
            self.at += 1;
            Ok(())
        } else if self.peek().is_none() {
            Err(self.error("the message ends inside a \"{\"…\"}\"".into()))
        } else {
            Err(self.error(format!("expected \"{c}\"")))
        }
    }

    /// After `{`: `name}`, `name, number}`, `name, plural, …}` or `name, select, …}`.
    fn argument(&mut self) -> Result<Part, ParseError> {
        let arg = self.name()?;
        if self.peek() == Some('}') {
            self.at += 1;
            return Ok(Part::Arg(arg));
        }
        self.expect(',')?;
        let kind = self.name()?;
        let part = match kind.as_str() {
            "number" => Part::Arg(arg),
            "plural" => {
                self.expect(',')?;
                let mut arms = Vec::new();
                for (key, message) in self.arms(true)? {
                    let selector = match key.strip_prefix('=') {
                        Some(n) => Selector::Exact(n.parse().map_err(|_| {
                            self.error(format!("\"{key}\" is not \"=\" and a whole number"))
                        })?),
                        None => Selector::Category(Plural::from_keyword(&key).ok_or_else(|| {
                            self.error(format!(
                                "\"{key}\" is not a plural category (zero, one, two, few, many, other) or =N"
                            ))
                        })?),
                    };
                    arms.push((selector, message));
                }
                Part::Plural { arg, arms }
            }
            "select" => {
                self.expect(',')?;
                Part::Select {
                    arg,
                    arms: self.arms(false)?,
                }
            }
            other => {
                return Err(self.error(format!(
                    "\"{other}\" is not an argument type this tool knows (number, plural, select)"
                )))
            }
        };
        if !part_has_other(&part) {
            return Err(self.error("a plural or select needs an \"other\" arm".into()));
        }
        self.expect('}')?;
        Ok(part)
    }

    /// `key {message} key {message} …` up to the closing `}` (left for the caller).
    fn arms(&mut self, in_plural: bool) -> Result<Vec<(String, Message)>, ParseError> {
        let mut arms: Vec<(String, Message)> = Vec::new();
        loop {
            self.skip_space();
            if self.peek() == Some('}') || self.peek().is_none() {
                break;
            }
            let start = self.at;
            while self
                .peek()
                .is_some_and(|c| !c.is_whitespace() && c != '{' && c != '}')
            {
                self.at += 1;
            }
            let key: String = self.chars[start..self.at].iter().collect();
            if key.is_empty() {
                return Err(self.error("expected a key before \"{\"".into()));
            }
            if arms.iter().any(|(k, _)| *k == key) {
                return Err(self.error(format!("\"{key}\" is given twice")));
            }
            self.expect('{')?;
            let message = self.pattern(in_plural)?;
            self.expect('}')?;
            arms.push((key, message));
        }
        if arms.is_empty() {
            return Err(self.error("a plural or select needs at least its \"other\" arm".into()));
        }
        Ok(arms)
    }
}

fn part_has_other(part: &Part) -> bool {
    match part {
        Part::Plural { arms, .. } => arms
            .iter()
            .any(|(s, _)| *s == Selector::Category(Plural::Other)),
        Part::Select { arms, .. } => arms.iter().any(|(k, _)| k == "other"),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format(lang: Lang, message: &str, args: &[(&str, Value<'_>)]) -> String {
        Message::parse(message).unwrap().format(lang, args)
    }

    const PEOPLE_RU: &str =
        "{count, plural, one {# человек} few {# человека} many {# человек} other {# человека}}";

    #[test]
    fn plurals_choose_by_the_languages_rules() {
        let people = |n| format(Lang::Ru, PEOPLE_RU, &[("count", Value::Number(n))]);
        assert_eq!(
            [people(1), people(3), people(37)],
            ["1 человек", "3 человека", "37 человек"]
        );
        let en = "{count, plural, =0 {No one} one {# person} other {# people}} found";
        assert_eq!(
            format(Lang::En, en, &[("count", Value::Number(0))]),
            "No one found"
        );
        assert_eq!(
            format(Lang::En, en, &[("count", Value::Number(1))]),
            "1 person found"
        );
        assert_eq!(
            format(Lang::En, en, &[("count", Value::Number(1200))]),
            "1,200 people found"
        );
    }

    #[test]
    fn arguments_select_and_quotes() {
        let held = "{name} is held in {country}. {gender, select, female {Elle est détenue} other {Détenu·e}}.";
        assert_eq!(
            format(
                Lang::Fr,
                held,
                &[
                    ("name", Value::Text("Ales")),
                    ("country", Value::Text("Bélarus")),
                    ("gender", Value::Text("female"))
                ]
            ),
            "Ales is held in Bélarus. Elle est détenue."
        );
        assert_eq!(
            format(
                Lang::Fr,
                held,
                &[("name", Value::Text("A")), ("country", Value::Text("B"))]
            ),
            "A is held in B. Détenu·e."
        );
        assert_eq!(
            format(Lang::En, "It''s '{'quoted'}' and don't", &[]),
            "It's {quoted} and don't"
        );
        assert_eq!(format(Lang::En, "Missing {what}", &[]), "Missing {what}");
        let message = Message::parse(held).unwrap();
        assert_eq!(message.arguments(), ["country", "gender", "name"]);
        assert_eq!(
            Message::parse(PEOPLE_RU).unwrap().plurals(),
            [(
                "count",
                vec![Plural::One, Plural::Few, Plural::Many, Plural::Other]
            )]
        );
    }

    #[test]
    fn mistakes_are_reported_with_their_place() {
        for (text, what) in [
            ("Hello {name", "ends inside"),
            ("{n, plural, one {#} other {#}", "ends inside"),
            ("Hello }", "without a matching"),
            ("{n, plural, one {#}}", "\"other\" arm"),
            ("{n, plural, lots {#} other {#}}", "not a plural category"),
            ("{n, plural, =x {#} other {#}}", "whole number"),
            ("{n, date}", "not an argument type"),
            ("{n, select, a {x} a {y} other {z}}", "given twice"),
            ("{}", "argument name"),
        ] {
            let error = Message::parse(text).unwrap_err();
            assert!(error.what.contains(what), "{text}: {error}");
        }
    }

    #[test]
    fn numbers_follow_each_languages_digits_and_grouping() {
        let n = 1_234_567;
        let got: Vec<String> = Lang::ALL.iter().map(|&l| format_number(l, n)).collect();
        assert_eq!(
            got,
            [
                "1,234,567",
                "1.234.567",
                "1\u{202f}234\u{202f}567",
                "1\u{a0}234\u{a0}567",
                "1,234,567",
                "۱٬۲۳۴٬۵۶۷",
                "1,234,567"
            ]
        );
        assert_eq!(format_number(Lang::Es, 1234), "1234");
        assert_eq!(format_number(Lang::Es, 12345), "12.345");
        assert_eq!(format_number(Lang::En, 1234), "1,234");
        assert_eq!(format_number(Lang::Fa, 37), "۳۷");
        assert_eq!(format_number(Lang::En, 0), "0");
    }

    #[test]
    fn map_texts_keeps_the_structure() {
        let message =
            Message::parse("Hi {name}: {n, plural, one {# item} other {# items}}").unwrap();
        let loud = message.map_texts(&|t| t.to_uppercase());
        assert_eq!(
            loud.format(
                Lang::En,
                &[("name", Value::Text("x")), ("n", Value::Number(2))]
            ),
            "HI x: 2 ITEMS"
        );
        assert_eq!(message.texts(), ["Hi ", ": ", " item", " items"]);
    }
}
