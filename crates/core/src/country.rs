//! Countries as ISO 3166-1 alpha-2 codes, checked against the full list.

use std::fmt;

use crate::country_table::{CODES, NAMES};

/// An ISO 3166-1 alpha-2 country code known to the ISO list (plus `XK`, Kosovo).
///
/// Holding one proves the code is real, so [`CountryCode::name`] never fails.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// Parses an upper-case two-letter code such as `"BY"`; `None` when the code is not on the list.
    pub fn parse(code: &str) -> Option<Self> {
        let bytes: [u8; 2] = code.as_bytes().try_into().ok()?;
        if !bytes.iter().all(u8::is_ascii_uppercase) {
            return None;
        }
        CODES.binary_search(&bytes).ok().map(|_| Self(bytes))
    }

    /// How many codes there are: [`CountryCode::number`] is below it.
    pub const COUNT: usize = CODES.len();

    /// The code's place in the sorted ISO list, from 0: for tables indexed by country.
    pub fn number(&self) -> usize {
        CODES.binary_search(&self.0).unwrap_or(0)
    }

    /// The two-letter code, e.g. `"BY"`.
    pub fn as_str(&self) -> &str {
        // The bytes were checked to be ASCII upper-case letters when parsed.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// The short English name, e.g. `"Belarus"`.
    pub fn name(&self) -> &'static str {
        let number = self.number();
        NAMES
            .get(NAME_STARTS[number]..NAME_STARTS[number + 1] - 1)
            .unwrap_or("")
    }

    /// The flag as a pair of regional-indicator symbols (shown as a flag by emoji fonts).
    pub fn flag(&self) -> String {
        self.0
            .iter()
            .filter_map(|b| char::from_u32(0x1F1E6 + u32::from(b - b'A')))
            .collect()
    }

    /// Every known country, sorted by code.
    pub fn all() -> impl Iterator<Item = Self> {
        CODES.iter().map(|&code| Self(code))
    }
}

/// Where each name starts in `NAMES`, and one past the end of the text: worked out when compiling.
const NAME_STARTS: [usize; CODES.len() + 1] = name_starts();

const fn name_starts() -> [usize; CODES.len() + 1] {
    let bytes = NAMES.as_bytes();
    let mut starts = [0; CODES.len() + 1];
    let (mut at, mut name) = (0, 1);
    while at < bytes.len() {
        if bytes[at] == b'\n' {
            starts[name] = at + 1;
            name += 1;
        }
        at += 1;
    }
    assert!(name == CODES.len(), "one name per code");
    starts[name] = bytes.len() + 1;
    starts
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for CountryCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_codes_parse_with_names() {
        assert_eq!(CountryCode::parse("BY").unwrap().name(), "Belarus");
        assert_eq!(CountryCode::parse("KP").unwrap().name(), "North Korea");
        assert_eq!(CountryCode::parse("XK").unwrap().name(), "Kosovo");
    }

    #[test]
    fn unknown_or_malformed_codes_are_refused() {
        for bad in ["", "B", "by", "BYE", "ZZ", "UK", "É1", "1A"] {
            assert_eq!(CountryCode::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_table_is_sorted_unique_and_complete() {
        assert!(CODES.windows(2).all(|w| w[0] < w[1]));
        assert!(CODES.iter().flatten().all(u8::is_ascii_uppercase));
        // 249 assigned ISO 3166-1 codes plus Kosovo.
        assert_eq!(CountryCode::all().count(), 250);
        let names: Vec<&str> = CountryCode::all().map(|c| c.name()).collect();
        assert_eq!(names.join("\n"), NAMES, "each name whole, in order");
        assert!(names.iter().all(|name| !name.is_empty()));
        assert_eq!(
            (names[0], names[249]),
            ("Andorra", "Zimbabwe"),
            "the first and last names"
        );
    }

    #[test]
    fn numbers_are_places_in_the_list() {
        let numbers: Vec<usize> = CountryCode::all().map(|c| c.number()).collect();
        assert_eq!(numbers, (0..CountryCode::COUNT).collect::<Vec<_>>());
        assert_eq!(CountryCode::parse("BY").unwrap().number(), 35);
    }

    #[test]
    fn flag_is_two_regional_indicators() {
        assert_eq!(
            CountryCode::parse("CU").unwrap().flag(),
            "\u{1F1E8}\u{1F1FA}"
        );
    }
}
