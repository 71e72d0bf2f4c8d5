//! Finding the parts of a JSON array or object in its text without reading them: a large lean list
//! is then read one record at a time from slices of the text, never as a tree of values (at 50,000
//! people that tree took more memory than the records it became).
//!
//! Only the structure around the parts is checked here; every part a reader uses is then read by
//! `serde_json`, which says what is wrong with it and where. Text that is not one well-formed
//! array or object gives `None`, and the caller asks `serde_json` why.

/// The elements of the JSON array `text`, each a slice of it.
#[cfg(test)]
pub(crate) fn elements(text: &str) -> Option<Vec<&str>> {
    Elements::new(text)?.collect()
}

/// How many elements the JSON array `text` has, `None` when it is not one: [`Elements`] walked
/// through once, holding nothing.
pub(crate) fn count_elements(text: &str) -> Option<usize> {
    Elements::new(text)?.try_fold(0, |n, element| element.map(|_| n + 1))
}

/// The elements of the JSON array in a text, each a slice of it, found one at a time as they are
/// asked for: a column of 50,000 values is never a list of 50,000 slices. An element is `None`
/// where the array's structure breaks (nothing follows it).
pub(crate) struct Elements<'a> {
    scanner: Scanner<'a>,
    done: bool,
}

impl<'a> Elements<'a> {
    /// The elements of `text`, or `None` when it does not open an array.
    pub(crate) fn new(text: &'a str) -> Option<Self> {
        let mut scanner = Scanner::new(text);
        scanner.open(b'[')?;
        // An empty array has nothing to give, but must end there.
        let done = scanner.close(b']');
        (!done || scanner.end()).then_some(Self { scanner, done })
    }
}

impl<'a> Iterator for Elements<'a> {
    type Item = Option<&'a str>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let element = self.scanner.value().and_then(|value| {
            if self.scanner.close(b']') {
                self.done = true;
                self.scanner.end().then_some(value)
            } else {
                self.scanner.expect(b',').map(|()| value)
            }
        });
        // After a break, nothing more is read.
        self.done |= element.is_none();
        Some(element)
    }
}

/// The members of the JSON object `text`: each name (still quoted, as in the text) and value,
/// slices of it.
pub(crate) fn members(text: &str) -> Option<Vec<(&str, &str)>> {
    let mut scanner = Scanner::new(text);
    let mut parts = Vec::new();
    scanner.open(b'{')?;
    if !scanner.close(b'}') {
        loop {
            scanner.space();
            let name = scanner.string()?;
            scanner.expect(b':')?;
            parts.push((name, scanner.value()?));
            if scanner.close(b'}') {
                break;
            }
            scanner.expect(b',')?;
        }
    }
    scanner.end().then_some(parts)
}

/// A cursor over the text's bytes (JSON's structure is ASCII, so every slice boundary it finds
/// is a character boundary).
struct Scanner<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Self { text, at: 0 }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// The byte `b`, after any space.
    fn expect(&mut self, b: u8) -> Option<()> {
        self.space();
        (self.peek() == Some(b)).then(|| self.at += 1)
    }

    fn open(&mut self, b: u8) -> Option<()> {
        self.expect(b)
    }

    /// Whether the closing byte `b` comes next (taken if so).
    fn close(&mut self, b: u8) -> bool {
        self.expect(b).is_some()
    }

    /// Nothing but space is left.
    fn end(&mut self) -> bool {
        self.space();
        self.at == self.text.len()
    }

    /// A string, with its quotes.
    fn string(&mut self) -> Option<&'a str> {
        let start = self.at;
        (self.peek()? == b'"').then_some(())?;
        self.at += 1;
        loop {
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return self.text.get(start..self.at);
                }
                b'\\' => self.at += 2,
                _ => self.at += 1,
            }
        }
    }

    /// One value of any kind, after any space.
    fn value(&mut self) -> Option<&'a str> {
        self.space();
        let start = self.at;
        match self.peek()? {
            b'"' => {
                self.string()?;
            }
            b'[' | b'{' => {
                // Up to the bracket that closes this one (which kind of bracket is for the
                // reader to check).
                let mut depth = 0_usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'[' | b'{' => depth += 1,
                        b']' | b'}' => {
                            depth -= 1;
                            if depth == 0 {
                                self.at += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    self.at += 1;
                }
            }
            _ => {
                // A number or a word (true, false, null): up to what follows it.
                while self.peek().is_some_and(|b| {
                    !matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
                }) {
                    self.at += 1;
                }
                if self.at == start {
                    return None;
                }
            }
        }
        self.text.get(start..self.at)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::{json, Value};

    use super::*;

    #[test]
    fn the_parts_of_an_array_and_an_object() {
        assert_eq!(
            elements(" [ 1 , \"a,]\" ,[2,[3]],{\"b\":\"}\"}, null,-1.5e3 ] "),
            Some(vec![
                "1",
                "\"a,]\"",
                "[2,[3]]",
                "{\"b\":\"}\"}",
                "null",
                "-1.5e3"
            ])
        );
        assert_eq!(elements("[]"), Some(vec![]));
        assert_eq!(
            members("{\"a\\\"b\": [1, 2], \"c\" :{}}"),
            Some(vec![("\"a\\\"b\"", "[1, 2]"), ("\"c\"", "{}")])
        );
        assert_eq!(members(" { } "), Some(vec![]));
    }

    #[test]
    fn broken_structure_is_none() {
        for text in [
            "",
            "[",
            "[1",
            "[1,",
            "[1 2]",
            "[1,]",
            "[,1]",
            "{",
            "{\"a\"}",
            "{\"a\":}",
            "{\"a\":1,}",
            "{a:1}",
            "[1] 2",
            "[\"unended]",
            "[\"\\\"]",
            "[[1]",
            "{\"a\":[}",
        ] {
            assert_eq!(elements(text), None, "{text}");
            assert_eq!(count_elements(text), None, "{text}");
            assert_eq!(members(text), None, "{text}");
        }
    }

    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| json!(n)),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(|f| json!(f)),
            ".*".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map(".*", inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn every_part_reads_back_as_the_value_it_came_from(
            items in prop::collection::vec(any_json(), 0..8),
            pretty: bool,
        ) {
            let write = |value: &Value| if pretty {
                serde_json::to_string_pretty(value).unwrap()
            } else {
                serde_json::to_string(value).unwrap()
            };
            // Each item as a reader gets it from its own text (long floats read back rounded).
            let read_alone = |value: &Value| serde_json::from_str::<Value>(&write(value)).unwrap();
            let text = write(&Value::Array(items.clone()));
            let parts = elements(&text).expect("a well-formed array");
            prop_assert_eq!(count_elements(&text), Some(items.len()));
            let read: Vec<Value> = parts.iter().map(|p| serde_json::from_str(p).unwrap()).collect();
            prop_assert_eq!(read, items.iter().map(read_alone).collect::<Vec<_>>());

            let object: serde_json::Map<String, Value> =
                items.into_iter().enumerate().map(|(i, v)| (format!("k\"{i}"), v)).collect();
            let text = write(&Value::Object(object.clone()));
            let parts = members(&text).expect("a well-formed object");
            let read: Vec<(String, Value)> = parts
                .iter()
                .map(|(k, v)| (serde_json::from_str(k).unwrap(), serde_json::from_str(v).unwrap()))
                .collect();
            let expected: Vec<(String, Value)> =
                object.iter().map(|(k, v)| (k.clone(), read_alone(v))).collect();
            prop_assert_eq!(read, expected);
        }

        #[test]
        fn any_text_gives_parts_or_none_without_panicking(text in ".{0,40}") {
            // Counted, and found one at a time, the same elements as found all at once.
            prop_assert_eq!(count_elements(&text), elements(&text).map(|e| e.len()));
            let _ = members(&text);
        }
    }
}
