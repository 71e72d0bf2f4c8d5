//! The languages of the interface, and what each needs beyond its words: its name in itself, its
//! direction, its plural rules (CLDR), and choosing one from a visitor's preferred languages.
//!
//! Messages themselves are in [`message`] (ICU `MessageFormat` patterns) and [`catalogue`] (a
//! language's messages, checked against English).

pub mod catalogue;
pub mod message;

use std::cell::RefCell;
use std::rc::Rc;

use catalogue::Catalogue;
use message::Value;

/// The English catalogue, the source language, compiled in: every key exists in it, so a
/// translation that lacks a message falls back to English instead of showing a key.
const ENGLISH: &str = include_str!("../../../assets/i18n/en.json");

thread_local! {
    static ENGLISH_CATALOGUE: Rc<Catalogue> = Rc::new(
        Catalogue::parse(Lang::En, ENGLISH).map_or_else(|_| Catalogue::empty(Lang::En), |(c, _)| c),
    );
    /// The catalogue every sentence is written in now; `None` is English. One per thread: the
    /// browser has one, and the static pages are rendered one language at a time.
    static SPEAKING: RefCell<Option<Rc<Catalogue>>> = const { RefCell::new(None) };
}

/// The English catalogue.
pub fn english() -> Rc<Catalogue> {
    ENGLISH_CATALOGUE.with(Rc::clone)
}

/// Writes every later sentence in `catalogue`'s language (English when `None`), and returns the
/// catalogue spoken until now, so a caller can restore it.
pub fn speak(catalogue: Option<Rc<Catalogue>>) -> Option<Rc<Catalogue>> {
    SPEAKING.with(|s| s.replace(catalogue.filter(|c| c.lang != Lang::En)))
}

/// The language sentences are written in now.
pub fn speaking() -> Lang {
    SPEAKING.with(|s| s.borrow().as_ref().map_or(Lang::En, |c| c.lang))
}

/// The message `key` with `args` in the language spoken now, in English when that language's
/// catalogue lacks it, and the key itself only if English lacks it too (a test keeps every key
/// used in en.json).
pub fn say(key: &str, args: &[(&str, Value<'_>)]) -> String {
    let spoken = SPEAKING.with(|s| s.borrow().as_ref().and_then(|c| c.format(key, args)));
    spoken
        .or_else(|| english().format(key, args))
        .unwrap_or_else(|| key.to_owned())
}

/// The message `key` in the language spoken now, if that language's catalogue has it (country
/// names: English takes them from the country table instead).
pub fn say_if_translated(key: &str) -> Option<String> {
    SPEAKING.with(|s| s.borrow().as_ref().and_then(|c| c.format(key, &[])))
}

/// A language of the interface.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum Lang {
    /// English, the source language: every message exists in it first.
    En,
    /// Spanish.
    Es,
    /// French.
    Fr,
    /// Russian.
    Ru,
    /// Arabic (right to left).
    Ar,
    /// Persian (Farsi; right to left).
    Fa,
    /// Chinese, Simplified script.
    ZhHans,
}

impl Lang {
    /// Every language, in the order the language control lists them.
    pub const ALL: [Self; 7] = [
        Self::En,
        Self::Es,
        Self::Fr,
        Self::Ru,
        Self::Ar,
        Self::Fa,
        Self::ZhHans,
    ];

    /// The BCP 47 tag, for `lang` attributes, URLs and file names.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Es => "es",
            Self::Fr => "fr",
            Self::Ru => "ru",
            Self::Ar => "ar",
            Self::Fa => "fa",
            Self::ZhHans => "zh-Hans",
        }
    }

    /// Where the language's messages are, relative to the site's root (`wjc site` writes them,
    /// the app downloads them when a visitor chooses the language).
    pub fn catalogue_path(self) -> String {
        format!("i18n/{}.json", self.tag())
    }

    /// The language's name in itself, as the language control shows it.
    pub fn autonym(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Es => "Español",
            Self::Fr => "Français",
            Self::Ru => "Русский",
            Self::Ar => "العربية",
            Self::Fa => "فارسی",
            Self::ZhHans => "中文",
        }
    }

    /// True for languages written right to left, whose layout is mirrored.
    pub fn is_rtl(self) -> bool {
        matches!(self, Self::Ar | Self::Fa)
    }

    /// The value of the `dir` attribute.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The language for a BCP 47 tag, if it is one of ours: `es`, `es-MX`, `ES`, `zh`, `zh-CN`,
    /// `zh-Hans-SG` all match; `zh-TW` and `zh-Hant` do not (Traditional script, not shipped).
    pub fn from_tag(tag: &str) -> Option<Self> {
        let lower = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = lower.split('-');
        let primary = parts.next()?;
        let rest: Vec<&str> = parts.collect();
        let lang = match primary {
            "en" => Self::En,
            "es" => Self::Es,
            "fr" => Self::Fr,
            "ru" => Self::Ru,
            "ar" => Self::Ar,
            "fa" | "per" | "fas" => Self::Fa,
            "zh" | "cmn" => {
                let traditional = rest
                    .iter()
                    .any(|p| matches!(*p, "hant" | "tw" | "hk" | "mo"))
                    && !rest.contains(&"hans");
                return (!traditional).then_some(Self::ZhHans);
            }
            _ => return None,
        };
        Some(lang)
    }

    /// The first of the visitor's `preferred` languages (most wanted first, as
    /// `navigator.languages` or `Accept-Language` give them) that the interface speaks; English
    /// when none is.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Self {
        preferred
            .into_iter()
            .find_map(Self::from_tag)
            .unwrap_or(Self::En)
    }

    /// The CLDR plural category of the whole number `n` in this language.
    pub fn plural(self, n: u64) -> Plural {
        let (mod10, mod100) = (n % 10, n % 100);
        match self {
            Self::En => {
                if n == 1 {
                    Plural::One
                } else {
                    Plural::Other
                }
            }
            Self::Es | Self::Fr => {
                let one = if self == Self::Fr { n <= 1 } else { n == 1 };
                if one {
                    Plural::One
                } else if n != 0 && n.is_multiple_of(1_000_000) {
                    Plural::Many
                } else {
                    Plural::Other
                }
            }
            Self::Ru => {
                if mod10 == 1 && mod100 != 11 {
                    Plural::One
                } else if (2..=4).contains(&mod10) && !(12..=14).contains(&mod100) {
                    Plural::Few
                } else {
                    Plural::Many
                }
            }
            Self::Ar => match n {
                0 => Plural::Zero,
                1 => Plural::One,
                2 => Plural::Two,
                _ if (3..=10).contains(&mod100) => Plural::Few,
                _ if (11..=99).contains(&mod100) => Plural::Many,
                _ => Plural::Other,
            },
            Self::Fa => {
                if n <= 1 {
                    Plural::One
                } else {
                    Plural::Other
                }
            }
            Self::ZhHans => Plural::Other,
        }
    }

    /// The plural categories whole numbers take in this language, besides `other` (which every
    /// plural message has, as ICU requires): what a translation's plural messages must cover.
    pub fn plural_categories(self) -> &'static [Plural] {
        match self {
            Self::En | Self::Fa => &[Plural::One, Plural::Other],
            Self::Es | Self::Fr => &[Plural::One, Plural::Many, Plural::Other],
            Self::Ru => &[Plural::One, Plural::Few, Plural::Many, Plural::Other],
            Self::Ar => &[
                Plural::Zero,
                Plural::One,
                Plural::Two,
                Plural::Few,
                Plural::Many,
                Plural::Other,
            ],
            Self::ZhHans => &[Plural::Other],
        }
    }
}

/// A CLDR plural category.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum Plural {
    /// `zero`
    Zero,
    /// `one`
    One,
    /// `two`
    Two,
    /// `few`
    Few,
    /// `many`
    Many,
    /// `other`
    Other,
}

impl Plural {
    /// The keyword, as in ICU `MessageFormat` and CLDR.
    pub fn keyword(self) -> &'static str {
        match self {
            Self::Zero => "zero",
            Self::One => "one",
            Self::Two => "two",
            Self::Few => "few",
            Self::Many => "many",
            Self::Other => "other",
        }
    }

    /// The category named `keyword`.
    pub fn from_keyword(keyword: &str) -> Option<Self> {
        [
            Self::Zero,
            Self::One,
            Self::Two,
            Self::Few,
            Self::Many,
            Self::Other,
        ]
        .into_iter()
        .find(|p| p.keyword() == keyword)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn categories(lang: Lang, numbers: &[u64]) -> Vec<&'static str> {
        numbers.iter().map(|&n| lang.plural(n).keyword()).collect()
    }

    /// The figures Chromium's `Intl.PluralRules` gives for the same numbers (CLDR 48).
    #[test]
    fn plural_rules_follow_cldr() {
        let numbers = [0, 1, 2, 3, 5, 11, 21, 100, 101, 1_000_000];
        assert_eq!(
            categories(Lang::En, &numbers),
            [
                "other", "one", "other", "other", "other", "other", "other", "other", "other",
                "other"
            ]
        );
        assert_eq!(
            categories(Lang::Es, &numbers),
            [
                "other", "one", "other", "other", "other", "other", "other", "other", "other",
                "many"
            ]
        );
        assert_eq!(
            categories(Lang::Fr, &numbers),
            ["one", "one", "other", "other", "other", "other", "other", "other", "other", "many"]
        );
        assert_eq!(
            categories(Lang::Ru, &numbers),
            ["many", "one", "few", "few", "many", "many", "one", "many", "one", "many"]
        );
        assert_eq!(
            categories(Lang::Ar, &numbers),
            ["zero", "one", "two", "few", "few", "many", "many", "other", "other", "other"]
        );
        assert_eq!(
            categories(Lang::Fa, &numbers),
            [
                "one", "one", "other", "other", "other", "other", "other", "other", "other",
                "other"
            ]
        );
        assert_eq!(categories(Lang::ZhHans, &numbers), ["other"; 10]);
        // "1 человек / 3 человека / 37 человек".
        assert_eq!(categories(Lang::Ru, &[1, 3, 37]), ["one", "few", "many"]);
        assert_eq!(
            categories(Lang::Ru, &[12, 22, 111, 112, 1004]),
            ["many", "few", "many", "many", "few"]
        );
        assert_eq!(
            categories(Lang::Ar, &[103, 110, 111, 199, 200, 202]),
            ["few", "few", "many", "many", "other", "other"]
        );
    }

    #[test]
    fn every_number_falls_in_a_category_the_language_lists() {
        for lang in Lang::ALL {
            for n in 0..2_000 {
                assert!(
                    lang.plural_categories().contains(&lang.plural(n)),
                    "{lang:?} {n}"
                );
            }
            assert_eq!(lang.plural_categories().last(), Some(&Plural::Other));
        }
    }

    #[test]
    fn tags_round_trip_and_negotiation_takes_the_first_language_we_speak() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
            assert_eq!(
                Plural::from_keyword(lang.plural(3).keyword()),
                Some(lang.plural(3))
            );
        }
        assert_eq!(Lang::from_tag("es-MX"), Some(Lang::Es));
        assert_eq!(Lang::from_tag("ZH_cn"), Some(Lang::ZhHans));
        assert_eq!(Lang::from_tag("zh-Hans-HK"), Some(Lang::ZhHans));
        assert_eq!(Lang::from_tag("zh-TW"), None);
        assert_eq!(Lang::from_tag("zh-Hant"), None);
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(Lang::negotiate(["de-DE", "ru", "en"]), Lang::Ru);
        assert_eq!(Lang::negotiate(["zh-TW", "fr-CA"]), Lang::Fr);
        assert_eq!(Lang::negotiate(["de", "it"]), Lang::En);
        assert_eq!(Lang::negotiate([]), Lang::En);
        assert!(Lang::Ar.is_rtl() && Lang::Fa.is_rtl() && !Lang::Ru.is_rtl());
        assert_eq!(Lang::Fa.dir(), "rtl");
    }
}
