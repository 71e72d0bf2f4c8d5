//! One person's record: every field read and checked, references to the envelope followed,
//! translations kept or left out.

use serde_json::Value;

use crate::i18n::Lang;
use crate::model::{Flag, Gender, Link, Person, Photo, Status, Translation};

use super::care;

use super::fields::{kind, Fields};
use super::{clip, limits};

/// Whether records are whole or lean (the list file's, without their details).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    Full,
    Lean,
}

pub(super) const PERSON_FIELDS: &[&str] = &[
    "id",
    "name",
    "aliases",
    "native_name",
    "gender",
    "country",
    "location",
    "status",
    "status_as_of",
    "summary",
    "story",
    "occupations",
    "arrested",
    "sentenced",
    "sentence",
    "charges",
    "flags",
    "campaigns",
    "source",
    "photo",
    "links",
    "timeline",
    "actions",
    "last_verified",
    "visibility",
    "translations",
    "synthetic",
];

/// The envelope's campaign and source ids: a few each, so lists (a set type would be more code
/// to download).
pub(super) struct Known<'a> {
    pub(super) campaigns: Vec<&'a str>,
    pub(super) sources: Vec<&'a str>,
}

pub(super) fn person(f: &mut Fields<'_>, known: &Known<'_>, shape: Shape) -> Option<Person> {
    // Every field is read (not stopping at the first problem) so the report lists them all.
    let id = f.id("id");
    let name = f.text("name", limits::LINE);
    let aliases = f.texts("aliases", limits::LINE);
    let native_name = f.optional_text("native_name", limits::LINE);
    let gender = f.optional_word("gender", Gender::parse, Gender::choices);
    let country = f.country("country");
    let location = f.optional_text("location", limits::LINE);
    let status = f.word("status", Status::parse, Status::choices);
    let status_as_of = f.date("status_as_of");
    // A lean record's summary, story, source and its actions' words are in its detail file.
    let lean = shape == Shape::Lean;
    let (summary, story) = if lean {
        (Some(String::new()), Some(String::new()))
    } else {
        (
            f.text("summary", limits::SUMMARY),
            f.text("story", limits::STORY),
        )
    };
    let occupations = f.texts("occupations", limits::LINE);
    let arrested = f.optional_date("arrested");
    let sentenced = f.optional_date("sentenced");
    let sentence = f.sentence("sentence");
    let charges = f.texts("charges", limits::LINE);
    let flags = f.words("flags", Flag::parse, Flag::choices);
    let campaigns = f.texts("campaigns", limits::ID);
    let source = (!lean).then(|| f.text("source", limits::ID)).flatten();
    // Each part is read before any `?`, so every missing or bad part is reported.
    let photo = f.optional_object("photo", &["url", "alt", "credit"], |f| {
        let (url, alt) = (f.url("url"), f.text("alt", limits::LINE));
        let credit = f.text("credit", limits::LINE);
        Some(Photo {
            url: url?,
            alt: alt?,
            credit: credit?,
        })
    });
    let links = f.objects_or_empty("links", &["title", "url"], |f| {
        let (title, url) = (f.text("title", limits::LINE), f.url("url"));
        Some(Link {
            title: title?,
            url: url?,
        })
    });
    let timeline = f.objects_or_empty("timeline", care::EVENT_FIELDS, |f| care::event(f, known));
    let actions = care::actions(f, Some(known), lean);
    let last_verified = f.optional_date("last_verified");
    let visibility = care::visibility(f);
    // Browsers never read a record's translations: `wjc site` ships them apart, one file per
    // language (`compiled::read_translations`), and the validator reports on them before.
    let translations = if lean || cfg!(target_arch = "wasm32") {
        Vec::new()
    } else {
        translations(f, summary.as_deref(), story.as_deref())
    };
    let synthetic = f.flag("synthetic");

    check_references(f, known, &campaigns, source.as_deref());
    if let (Some(arrested), Some(sentenced)) = (arrested, sentenced) {
        if sentenced.latest() < arrested.earliest() {
            f.error("sentenced", "is before the arrest date");
        }
    }
    let mut person = Person {
        id: id?,
        name: name?,
        aliases,
        native_name,
        gender,
        country: country?,
        location,
        status: status?,
        status_as_of: status_as_of?,
        summary: summary?,
        story: story?,
        occupations,
        arrested,
        sentenced,
        sentence,
        charges,
        flags,
        campaigns,
        source: if lean { String::new() } else { source? },
        photo,
        links,
        timeline,
        actions,
        last_verified,
        visibility,
        translations,
        synthetic,
    };
    care::enforce_visibility(f, &mut person);
    Some(person)
}

/// Reads a record's `translations` (`{"es": {"summary": …, "story": …, "reviewed": false}}`),
/// given its English summary and story. A bad translation (a language the site does not have,
/// English itself, a text that fails the English fields' checks, an untranslated copy of the
/// English, a placeholder left in) is reported as a warning and left out: the person, in
/// English, is still right to show.
fn translations(
    f: &mut Fields<'_>,
    summary: Option<&str>,
    story: Option<&str>,
) -> Vec<Translation> {
    let Some(value) = f.value("translations") else {
        return Vec::new();
    };
    let Value::Object(map) = value else {
        f.warn(
            "translations",
            format!(
                "must be an object keyed by language tag, like {{\"es\": {{…}}}}, not {}{TRANSLATION_LEFT_OUT}",
                kind(value)
            ),
        );
        return Vec::new();
    };
    let mut translations = Vec::with_capacity(map.len());
    for (tag, value) in map {
        let field = format!("translations.{}", clip(tag, 40));
        let reason = match (Lang::ALL.into_iter().find(|lang| lang.tag() == tag), value) {
            (Some(Lang::En), _) => "is English, which the record itself is in".to_owned(),
            (None, _) => {
                let others: Vec<&str> = Lang::ALL
                    .into_iter()
                    .filter(|lang| *lang != Lang::En)
                    .map(Lang::tag)
                    .collect();
                format!(
                    "is not a language of the site (translations are in {})",
                    others.join(", ")
                )
            }
            (Some(lang), Value::Object(object)) => {
                let mut inner =
                    f.nested(object, &f.path(&field), &["summary", "story", "reviewed"]);
                translations.extend(translation(&mut inner, lang, summary, story));
                // Its problems are warnings: the translation is left out, the record kept.
                for mut problem in inner.errors {
                    problem.reason.push_str(TRANSLATION_LEFT_OUT);
                    f.warnings.push(problem);
                }
                f.warnings.append(&mut inner.warnings);
                continue;
            }
            (Some(_), other) => format!("must be an object, not {}", kind(other)),
        };
        f.warn(&field, reason + TRANSLATION_LEFT_OUT);
    }
    translations.sort_by_key(|t| t.lang);
    translations
}

/// The end of every translation problem's reason (a warning: the record is kept without it).
pub const TRANSLATION_LEFT_OUT: &str = "; the translation was left out";

/// Reads one translation; `None` when any part of it is bad (every problem is in `f`).
fn translation(
    f: &mut Fields<'_>,
    lang: Lang,
    english_summary: Option<&str>,
    english_story: Option<&str>,
) -> Option<Translation> {
    let summary = f.text("summary", limits::SUMMARY);
    let story = f.optional_text("story", limits::STORY);
    let reviewed = f.required("reviewed").is_some().then(|| f.flag("reviewed"));
    for (field, text, english) in [
        ("summary", summary.as_deref(), english_summary),
        ("story", story.as_deref(), english_story),
    ] {
        let Some(text) = text else { continue };
        if english.is_some_and(|english| english.trim() == text.trim()) {
            f.error(field, "is the English text, not a translation");
        } else if let Some(marker) = placeholder(text) {
            f.error(field, format!("still holds the placeholder \"{marker}\""));
        }
    }
    if !f.errors.is_empty() {
        return None;
    }
    Some(Translation {
        lang,
        summary: summary?,
        story,
        reviewed: reviewed?,
    })
}

/// The placeholder a text still holds, if any: `TODO`, `TBD`, `FIXME` or `XXX` (in capitals, not
/// inside a longer word), anything in `{…}` or `[…]`, or lorem ipsum. `crate::schema`'s
/// `PLACEHOLDER` pattern is the same rule for editors.
fn placeholder(text: &str) -> Option<String> {
    for marker in ["TODO", "TBD", "FIXME", "XXX"] {
        for (i, _) in text.match_indices(marker) {
            let before = text[..i].chars().next_back();
            let after = text[i + marker.len()..].chars().next();
            if !before.is_some_and(|c| c.is_ascii_alphabetic())
                && !after.is_some_and(|c| c.is_ascii_alphabetic())
            {
                return Some(marker.to_owned());
            }
        }
    }
    for (open, close) in [('{', '}'), ('[', ']')] {
        if let Some(start) = text.find(open) {
            if let Some(length) = text[start..].find(close) {
                return Some(clip(&text[start..=start + length], 40));
            }
        }
    }
    // Only ASCII needs lowering for this: no other letter lowers to one of "lorem ipsum".
    text.to_ascii_lowercase()
        .contains("lorem ipsum")
        .then(|| "lorem ipsum".to_owned())
}

/// Checks that a record's campaigns (at least one) and source are in the file's envelope.
fn check_references(
    f: &mut Fields<'_>,
    known: &Known<'_>,
    campaigns: &[String],
    source: Option<&str>,
) {
    if campaigns.is_empty() && f.errors.iter().all(|p| p.field != "campaigns") {
        f.error(
            "campaigns",
            "is missing; every person must be listed by at least one campaign",
        );
    }
    for campaign in campaigns {
        if !known.campaigns.contains(&campaign.as_str()) {
            f.error(
                "campaigns",
                format!("\"{}\" is not a campaign in this file", clip(campaign, 40)),
            );
        }
    }
    if let Some(source) = source {
        if !known.sources.contains(&source) {
            f.error(
                "source",
                format!("\"{}\" is not a source in this file", clip(source, 40)),
            );
        }
    }
}
