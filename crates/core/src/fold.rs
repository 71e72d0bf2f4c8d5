//! Folding text for search: case-, accent- and punctuation-insensitive.
//!
//! "alvarez" finds "Álvarez" and "pham doan trang" finds "Phạm Đoan Trang". Folding is done once per
//! record when the index is built and once per query, never per comparison.

use crate::fold_table::LATIN_BASE;
use crate::lower_case::lower_char;

/// Folds `text` into a search key: lower case, accents removed, apostrophes dropped, other
/// punctuation and white space collapsed to single spaces, trimmed.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for_each_word(text, &mut String::new(), |word| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    });
    out
}

/// The query's words, folded; a record matches when its key contains every word.
pub fn fold_words(query: &str) -> Vec<String> {
    let mut words = Vec::new();
    for_each_word(query, &mut String::new(), |word| {
        words.push(word.to_owned());
    });
    words
}

/// Calls `found` with each word of [`fold`]`(text)` in turn (never an empty one), folding
/// through `word` (a buffer the index reuses for every record, so folding allocates nothing).
pub(crate) fn for_each_word(text: &str, word: &mut String, mut found: impl FnMut(&str)) {
    word.clear();
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        // Most text is ASCII: handled a run of letters and digits at a time, with no case or
        // accent table, and not even copied when the run is a whole lower-case word.
        if byte.is_ascii_alphanumeric() {
            let mut end = at + 1;
            let mut upper = byte.is_ascii_uppercase();
            while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
                upper |= bytes[end].is_ascii_uppercase();
                end += 1;
            }
            let run = &text[at..end];
            // As `classify` says: other ASCII than apostrophes ends a word.
            let ends_word = bytes
                .get(end)
                .is_none_or(|&b| b.is_ascii() && b != b'\'' && b != b'`');
            if word.is_empty() && ends_word && !upper {
                found(run);
            } else {
                let from = word.len();
                word.push_str(run);
                word[from..].make_ascii_lowercase();
            }
            at = end;
        } else if byte.is_ascii() {
            if byte != b'\'' && byte != b'`' {
                end_word(word, &mut found);
            }
            at += 1;
        } else {
            let Some(ch) = text[at..].chars().next() else {
                break;
            };
            at += ch.len_utf8();
            let (lower, mark) = lower_char(ch);
            for lower in std::iter::once(lower).chain(mark) {
                match classify(lower) {
                    Class::Drop => {}
                    Class::Space => end_word(word, &mut found),
                    Class::Char(c) => word.push(c),
                    Class::Str(s) => word.push_str(s),
                }
            }
        }
    }
    end_word(word, &mut found);
}

/// Ends the word under way, if any.
fn end_word(word: &mut String, found: &mut impl FnMut(&str)) {
    if !word.is_empty() {
        found(word);
        word.clear();
    }
}

#[derive(Clone, Copy)]
enum Class {
    Drop,
    Space,
    Char(char),
    Str(&'static str),
}

fn classify(ch: char) -> Class {
    match ch {
        // Apostrophes vanish too, so "matouq" matches "Ma'touq" and "Ma’touq".
        '\''
        | '\u{2019}'
        | '\u{2018}'
        | '\u{02BC}'
        | '\u{02BB}'
        | '`'
        | '\u{00B4}'
        // Combining marks (Latin, Arabic harakat), zero-width and bidi control characters.
        | '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{00AD}' => Class::Drop,
        'ß' => Class::Str("ss"),
        'æ' => Class::Str("ae"),
        'œ' => Class::Str("oe"),
        'þ' => Class::Str("th"),
        'ø' => Class::Char('o'),
        'đ' | 'ð' => Class::Char('d'),
        'ħ' => Class::Char('h'),
        'ł' => Class::Char('l'),
        'ı' => Class::Char('i'),
        c if c.is_alphanumeric() => {
            let code = u32::from(c);
            match LATIN_BASE.binary_search_by_key(&code, |&(cp, _)| cp) {
                Ok(i) => Class::Char(char::from(LATIN_BASE[i].1)),
                Err(_) => Class::Char(c),
            }
        }
        _ => Class::Space,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn accents_and_case_fold_away() {
        assert_eq!(fold("Rolando Álvarez"), "rolando alvarez");
        assert_eq!(fold("Phạm Đoan Trang"), "pham doan trang");
        assert_eq!(fold("Emirlendris Benítez"), "emirlendris benitez");
        assert_eq!(fold("Juan Sebastián Chamorro"), "juan sebastian chamorro");
    }

    #[test]
    fn apostrophes_vanish_and_punctuation_becomes_one_space() {
        assert_eq!(fold("Khalil Ma’touq"), "khalil matouq");
        assert_eq!(fold("Ma'touq"), "matouq");
        assert_eq!(fold("  Kara-Murza,   Vladimir  "), "kara murza vladimir");
        assert_eq!(fold("Maykel “Osorbo” Castillo"), "maykel osorbo castillo");
    }

    #[test]
    fn other_scripts_are_kept_lower_cased() {
        assert_eq!(fold("Мария Колесникова"), "мария колесникова");
        assert_eq!(fold("丁家喜"), "丁家喜");
        // Arabic short vowels (harakat) are dropped so vowelled and bare spellings match.
        assert_eq!(fold("مُحَمَّد"), fold("محمد"));
    }

    #[test]
    fn invisible_characters_are_dropped() {
        assert_eq!(
            fold("Na\u{200B}rges\u{202E} Mo\u{00AD}hammadi"),
            "narges mohammadi"
        );
    }

    #[test]
    fn decomposed_input_folds_like_precomposed() {
        let decomposed: String = "Álvarez Phạm".nfd().collect();
        assert_eq!(fold(&decomposed), fold("Álvarez Phạm"));
    }

    #[test]
    fn query_words_are_split_and_folded() {
        assert_eq!(fold_words("  PHAM  doan-Trang "), ["pham", "doan", "trang"]);
        assert!(fold_words(" ,, ").is_empty());
    }

    /// Folding as first written: every character lower-cased, then classified.
    fn fold_as_first_written(text: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        for ch in text.chars().flat_map(char::to_lowercase) {
            match classify(ch) {
                Class::Drop => {}
                Class::Space => pending_space = !out.is_empty(),
                Class::Char(c) => {
                    if pending_space {
                        out.push(' ');
                        pending_space = false;
                    }
                    out.push(c);
                }
                Class::Str(s) => {
                    if pending_space {
                        out.push(' ');
                        pending_space = false;
                    }
                    out.push_str(s);
                }
            }
        }
        out
    }

    proptest::proptest! {
        /// The fast paths (ASCII, word by word) fold exactly as the plain definition does.
        #[test]
        fn folding_matches_its_plain_definition(text in "(\\PC|[ 'a-zA-Z0-9İÁß\u{0301}\u{200B}.-])*") {
            let folded = fold(&text);
            proptest::prop_assert_eq!(&folded, &fold_as_first_written(&text));
            let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
            proptest::prop_assert_eq!(fold_words(&text), words);
        }
    }

    #[test]
    fn table_matches_unicode_decomposition() {
        for &(cp, base) in LATIN_BASE {
            let ch = char::from_u32(cp).unwrap();
            let stripped: String = ch
                .to_string()
                .nfd()
                .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
                .collect();
            assert_eq!(stripped, char::from(base).to_string(), "U+{cp:04X}");
        }
        assert!(LATIN_BASE.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
