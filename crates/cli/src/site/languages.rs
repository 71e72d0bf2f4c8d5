//! The languages of the site as `wjc site` writes it: each language's messages for the browser
//! (`i18n/LANG.json`, with the names of the dataset's countries only), and what a static page in
//! one language says about the others (`<link rel="alternate" hreflang>`).

use std::collections::BTreeSet;
use std::rc::Rc;

use wjc_core::i18n::catalogue::{self, Catalogue};
use wjc_core::i18n::Lang;
use wjc_core::url_state::language_folder;
use wjc_core::Dataset;

use super::html::Esc;

/// The translators' messages and CLDR's of every language but English (compiled in, as the
/// English catalogue is in `wjc-core`).
const FILES: [(Lang, &str, &str); 6] = [
    (
        Lang::Es,
        include_str!("../../../../assets/i18n/es.json"),
        include_str!("../../../../assets/i18n/cldr/es.json"),
    ),
    (
        Lang::Fr,
        include_str!("../../../../assets/i18n/fr.json"),
        include_str!("../../../../assets/i18n/cldr/fr.json"),
    ),
    (
        Lang::Ru,
        include_str!("../../../../assets/i18n/ru.json"),
        include_str!("../../../../assets/i18n/cldr/ru.json"),
    ),
    (
        Lang::Ar,
        include_str!("../../../../assets/i18n/ar.json"),
        include_str!("../../../../assets/i18n/cldr/ar.json"),
    ),
    (
        Lang::Fa,
        include_str!("../../../../assets/i18n/fa.json"),
        include_str!("../../../../assets/i18n/cldr/fa.json"),
    ),
    (
        Lang::ZhHans,
        include_str!("../../../../assets/i18n/zh-Hans.json"),
        include_str!("../../../../assets/i18n/cldr/zh-Hans.json"),
    ),
];

/// One language as the site ships it.
pub struct Language {
    /// The language.
    pub lang: Lang,
    /// Its catalogue, to draw the static pages in (`None` for English, compiled into the app).
    pub catalogue: Option<Rc<Catalogue>>,
    /// The file the browser downloads when a visitor chooses it (`None` for English).
    pub file: Option<String>,
}

/// Every language of the interface, English first, with the files for `dataset`.
///
/// # Errors
///
/// A catalogue that is not a JSON object (a test keeps the shipped ones well formed).
pub fn all(dataset: &Dataset) -> Result<Vec<Language>, String> {
    let countries: BTreeSet<String> = dataset
        .people
        .iter()
        .map(|p| format!("country.{}", p.country.as_str()))
        .collect();
    let mut out = vec![Language {
        lang: Lang::En,
        catalogue: None,
        file: None,
    }];
    for (lang, messages, cldr) in FILES {
        let catalogue = Catalogue::merged(lang, messages, cldr)
            .map_err(|e| format!("assets/i18n/{}.json: {e}", lang.tag()))?;
        // Country names are most of CLDR's part: only the dataset's are downloaded.
        let file = catalogue::shipped(messages, cldr, |key| {
            !key.starts_with("country.") || countries.contains(key)
        })?;
        out.push(Language {
            lang,
            catalogue: Some(Rc::new(catalogue)),
            file: Some(file),
        });
    }
    Ok(out)
}

/// The `<link rel="alternate" hreflang>` of a page at `path` in English (`person/x.html`), seen
/// from a page `depth` folders deep: the same page in every language, and English as the
/// default for any other.
pub fn alternates(path: &str, depth: usize) -> String {
    let up = "../".repeat(depth);
    let link = |hreflang: &str, lang: Option<Lang>| {
        format!(
            "\n    <link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\">",
            Esc(&format!("{up}{}{path}", language_folder(lang)))
        )
    };
    let mut out: String = Lang::ALL
        .into_iter()
        .map(|lang| link(lang.tag(), Some(lang)))
        .collect();
    out.push_str(&link("x-default", None));
    out
}

/// `label` in each of `languages`, as a JSON object by language tag (`{"en": "…", "es": "…"}`),
/// for the widget's script, which says it before any WebAssembly runs.
pub fn in_each(languages: &[Language], label: wjc_core::text::Label) -> String {
    let by_tag: serde_json::Map<String, serde_json::Value> = languages
        .iter()
        .map(|language| {
            wjc_core::i18n::speak(language.catalogue.clone());
            (language.lang.tag().to_owned(), label.text().into())
        })
        .collect();
    wjc_core::i18n::speak(None);
    serde_json::Value::Object(by_tag).to_string()
}
