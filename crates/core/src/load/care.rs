//! The loader's reading of a case's care and calls to action: timeline events with their kind and
//! source, actions, and the visibility level, which the loader enforces (a record kept to initials
//! that gives the name away is refused; a photo a level hides is left out with a warning).

use super::{limits, Fields, Known};
use crate::model::{Action, ActionKind, EventKind, Person, TimelineEvent, Visibility};
use crate::visibility;

/// The fields of a timeline event.
pub(super) const EVENT_FIELDS: &[&str] = &["date", "kind", "event", "source"];

/// The fields of an action.
const ACTION_FIELDS: &[&str] = &["kind", "text", "hashtags", "address", "url", "source"];

/// Reads one timeline event (its source, when given, must be one of the file's).
pub(super) fn event(f: &mut Fields<'_>, known: &Known<'_>) -> Option<TimelineEvent> {
    let date = f.date("date");
    // Files from before kinds were recorded stay valid: an event of no kind is "other".
    let kind = match f.value("kind") {
        Some(_) => f.optional_word("kind", EventKind::parse, EventKind::choices),
        None => Some(EventKind::Other),
    };
    let event = f.text("event", limits::SUMMARY);
    let source = source(f, known);
    Some(TimelineEvent {
        date: date?,
        kind: kind?,
        event: event?,
        source,
    })
}

/// Reads a list of actions (a person's, or a source's when `known` is `None`). A lean record's
/// (the compiled list's, `lean`) say only their kind, which the list's letters filter needs
/// ([`crate::Dataset::takes_letters`]); their words are in the detail file.
pub(super) fn actions(f: &mut Fields<'_>, known: Option<&Known<'_>>, lean: bool) -> Vec<Action> {
    f.objects_or_empty("actions", ACTION_FIELDS, |f| action(f, known, lean))
}

fn action(f: &mut Fields<'_>, known: Option<&Known<'_>>, lean: bool) -> Option<Action> {
    let kind = f.word("kind", ActionKind::parse, ActionKind::choices);
    if lean {
        return Some(Action {
            kind: kind?,
            text: String::new(),
            hashtags: Vec::new(),
            address: None,
            url: None,
            source: None,
        });
    }
    let text = f.text("text", limits::SUMMARY);
    let hashtags = f.texts("hashtags", limits::ID);
    for (i, tag) in hashtags.iter().enumerate() {
        if !is_hashtag(tag) {
            f.error(
                &format!("hashtags[{}]", i + 1),
                "must be # and a word with no spaces, like \"#FreeBelarus\"",
            );
        }
    }
    let address = f.optional_text("address", limits::DESCRIPTION);
    let url = f.optional_url("url");
    let source = match known {
        Some(known) => source(f, known),
        None => f.optional_text("source", limits::ID),
    };
    match kind? {
        ActionKind::Share if hashtags.is_empty() => {
            f.error(
                "hashtags",
                "is missing; a share action needs the campaign's hashtags",
            );
        }
        ActionKind::WriteLetter if address.is_none() && url.is_none() => f.error(
            "address",
            "is missing; a letter needs an address, or the url of a letter-writing programme",
        ),
        kind if kind != ActionKind::Share && !hashtags.is_empty() => {
            f.error("hashtags", "belong on a share action only");
        }
        _ => {}
    }
    if !f.errors.is_empty() {
        return None;
    }
    Some(Action {
        kind: kind?,
        text: text?,
        hashtags,
        address,
        url,
        source,
    })
}

/// `#` then letters, digits or `_`.
fn is_hashtag(tag: &str) -> bool {
    tag.strip_prefix('#').is_some_and(|word| {
        !word.is_empty() && word.chars().all(|c| c.is_alphanumeric() || c == '_')
    })
}

/// An optional reference to one of the file's sources.
fn source(f: &mut Fields<'_>, known: &Known<'_>) -> Option<String> {
    let source = f.optional_text("source", limits::ID)?;
    if known.sources.contains(&source.as_str()) {
        Some(source)
    } else {
        f.error(
            "source",
            format!(
                "\"{}\" is not a source in this file",
                super::clip(&source, 40)
            ),
        );
        None
    }
}

/// Reads `visibility` (absent: full).
pub(super) fn visibility(f: &mut Fields<'_>) -> Visibility {
    f.optional_word("visibility", Visibility::parse, Visibility::choices)
        .unwrap_or(Visibility::Full)
}

/// Enforces the person's visibility on the record as read: a photo it hides is reported and
/// dropped; at `initials`, any text that holds part of the name (the id, the summary, the story,
/// translations, events, actions, links) is an error, since showing it would name the person.
pub(super) fn enforce_visibility(f: &mut Fields<'_>, person: &mut Person) {
    if person.visibility == Visibility::Full {
        return;
    }
    if person.photo.take().is_some() {
        f.warn(
            "photo",
            format!(
                "is not shown: visibility is \"{}\"; the photo was left out",
                person.visibility.as_str()
            ),
        );
    }
    // The browser only ever gets records `wjc` made public (initials for names), from files it
    // validated: it is spared the name search, and its bytes.
    if person.visibility == Visibility::Initials && cfg!(not(target_arch = "wasm32")) {
        refuse_names(f, person);
    }
}

/// Reports every text of a record kept to initials that holds part of the name.
fn refuse_names(f: &mut Fields<'_>, person: &Person) {
    let parts = visibility::name_parts(person);
    let id_words = person.id.replace('-', " ");
    let mut texts: Vec<(String, &str)> = vec![
        ("id".into(), id_words.as_str()),
        ("summary".into(), &person.summary),
        ("story".into(), &person.story),
    ];
    texts.extend(person.translations.iter().flat_map(|t| {
        let tag = t.lang.tag();
        std::iter::once((format!("translations.{tag}.summary"), t.summary.as_str())).chain(
            t.story
                .as_deref()
                .map(|story| (format!("translations.{tag}.story"), story)),
        )
    }));
    for (i, e) in person.timeline.iter().enumerate() {
        texts.push((format!("timeline[{}].event", i + 1), &e.event));
    }
    for (i, a) in person.actions.iter().enumerate() {
        texts.push((format!("actions[{}].text", i + 1), &a.text));
    }
    for (i, l) in person.links.iter().enumerate() {
        texts.push((format!("links[{}].title", i + 1), &l.title));
    }
    for (field, text) in texts {
        if let Some(part) = visibility::name_in(text, &parts) {
            f.error(
                &field,
                format!(
                    "holds \"{part}\", part of the name, but visibility is \"initials\"; \
                     take the name out or the person would be named"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use crate::load::{load, Loaded};
    use crate::model::{ActionKind, EventKind, Visibility};

    /// Ten valid people; person 0 gets `fields` on top.
    fn load_with(fields: &Value) -> Loaded {
        let people: Vec<Value> = (0..10)
            .map(|i| {
                let mut p = json!({
                    "id": format!("person-{i}"), "name": "Test Person", "country": "BY",
                    "status": "imprisoned", "status_as_of": "2023", "summary": "One sentence.",
                    "story": "A paragraph.", "campaigns": ["camp"], "source": "src",
                });
                if i == 0 {
                    for (k, v) in fields.as_object().unwrap() {
                        p[k] = v.clone();
                    }
                }
                p
            })
            .collect();
        let data = json!({
            "schema_version": 1, "title": "T", "updated": "2026",
            "sources": [{"id": "src", "title": "S", "publisher": "P", "date": "2023",
                         "actions": [{"kind": "contact_officials", "text": "Write to them."}]}],
            "campaigns": [{"id": "camp", "title": "C", "publisher": "P", "date": "2023"}],
            "people": people,
        });
        load(&data.to_string()).expect("one bad record in ten loads")
    }

    fn errors(loaded: &Loaded) -> Vec<String> {
        loaded
            .report
            .errors
            .iter()
            .map(|p| format!("{}: {}", p.field, p.reason))
            .collect()
    }

    #[test]
    fn events_and_actions_are_read_with_kind_and_source() {
        let loaded = load_with(&json!({
            "timeline": [{"date": "2021-07", "kind": "arrest", "event": "Arrested.", "source": "src"},
                         {"date": "2022", "event": "Something else."}],
            "actions": [{"kind": "share", "text": "Share it.", "hashtags": ["#FreeBelarus"]},
                        {"kind": "write_letter", "text": "Write.", "address": "PO Box 1"}],
            "last_verified": "2026-11-30",
        }));
        assert!(loaded.report.errors.is_empty(), "{:?}", errors(&loaded));
        let p = &loaded.dataset.people[0];
        assert_eq!(p.timeline[0].kind, EventKind::Arrest);
        assert_eq!(p.timeline[0].source.as_deref(), Some("src"));
        assert_eq!(p.timeline[1].kind, EventKind::Other);
        assert_eq!(p.actions[0].hashtags, ["#FreeBelarus"]);
        assert_eq!(p.actions[1].kind, ActionKind::WriteLetter);
        assert_eq!(
            p.last_verified.map(|d| d.to_string()).as_deref(),
            Some("2026-11-30")
        );
        assert_eq!(loaded.dataset.sources[0].actions.len(), 1);
    }

    #[test]
    fn bad_actions_skip_only_their_record_with_a_clear_message() {
        for (actions, expected) in [
            (
                json!([{"kind": "act", "text": "Go.", "url": "javascript:alert(1)"}]),
                "actions[1].url",
            ),
            (
                json!([{"kind": "act", "text": " "}]),
                "actions[1].text: is empty",
            ),
            (
                json!([{"kind": "share", "text": "Share."}]),
                "hashtags: is missing",
            ),
            (
                json!([{"kind": "share", "text": "S.", "hashtags": ["Free Belarus"]}]),
                "hashtags[1]",
            ),
            (
                json!([{"kind": "write_letter", "text": "Write."}]),
                "address: is missing",
            ),
            (
                json!([{"kind": "act", "text": "Go.", "source": "elsewhere"}]),
                "is not a source",
            ),
            (json!([{"kind": "pray", "text": "Go."}]), "is not one of"),
        ] {
            let loaded = load_with(&json!({ "actions": actions }));
            assert_eq!(loaded.dataset.people.len(), 9, "{expected}");
            let errors = errors(&loaded);
            assert!(
                errors.iter().any(|e| e.contains(expected)),
                "{expected}: {errors:?}"
            );
        }
    }

    #[test]
    fn an_initials_record_that_names_the_person_is_refused() {
        let loaded = load_with(&json!({
            "id": "anonymous-1", "name": "Olga Ivanova", "visibility": "initials",
            "story": "Ivanova was arrested at home.",
        }));
        assert_eq!(loaded.dataset.people.len(), 9);
        let found = errors(&loaded);
        assert!(
            found
                .iter()
                .any(|e| e.starts_with("story: holds \"ivanova\"")),
            "{found:?}"
        );
        let loaded = load_with(&json!({
            "id": "olga-ivanova", "name": "Olga Ivanova", "visibility": "initials",
        }));
        assert!(errors(&loaded).iter().any(|e| e.starts_with("id: holds")));
    }

    #[test]
    fn a_photo_the_level_hides_is_left_out_with_a_warning() {
        let loaded = load_with(&json!({
            "visibility": "no_photo",
            "photo": {"url": "https://example.org/p.jpg", "alt": "Portrait", "credit": "Family"},
        }));
        let p = &loaded.dataset.people[0];
        assert_eq!(
            (p.visibility, p.photo.is_none()),
            (Visibility::NoPhoto, true)
        );
        assert!(loaded.report.warnings[0]
            .reason
            .contains("visibility is \"no_photo\""));
    }
}
