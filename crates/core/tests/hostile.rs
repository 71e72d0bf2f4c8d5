//! The hostile fixture: payloads in every text field, mixed-direction and invisible characters,
//! huge strings, deep nesting, out-of-range numbers and a repeated id. The valid records load with
//! every payload kept byte for byte (the views show it as text); the invalid ones are skipped,
//! each with its reason; nothing panics. The end-to-end journey in `tests/e2e/hostile.test.mjs`
//! serves the same file to the built site.

use serde_json::Value;
use wjc_core::{load, Person};

const HOSTILE: &str = include_str!("fixtures/hostile.json");

fn raw() -> Value {
    serde_json::from_str(HOSTILE).unwrap()
}

fn person<'a>(people: &'a [Person], id: &str) -> &'a Person {
    people.iter().find(|p| p.id == id).unwrap()
}

#[test]
fn valid_records_load_and_the_invalid_minority_is_reported_one_by_one() {
    let loaded = load(HOSTILE).expect("a fifth or fewer invalid: the file loads");
    let report = &loaded.report;
    assert_eq!(
        (report.records, report.loaded, report.skipped()),
        (42, 34, 8)
    );
    assert_eq!(loaded.dataset.people.len(), 34);
    let problems: Vec<(usize, &str, &str)> = report
        .errors
        .iter()
        .map(|p| {
            let position = p.record.as_ref().unwrap().position;
            (position, p.field.as_str(), p.reason.as_str())
        })
        .collect();
    let url = "must be a web address starting with https:// or http://";
    assert_eq!(
        problems,
        [
            (35, "links[1].url", url),
            (36, "photo.url", url),
            (37, "links[1].url", url),
            (38, "id", "repeats the id of record 1; ids must be unique"),
            (39, "sentence.years", "must be a whole number from 0 to 200"),
            (39, "sentence.months", "must be a whole number from 0 to 11"),
            (40, "summary", "is 100000 characters long; the limit is 400"),
            (41, "aliases[1]", "must be text, not a list"),
            (42, "name", "has no visible characters"),
            (
                42,
                "location",
                "stacks more than 30 combining marks on one character"
            ),
        ]
    );
    let warnings: Vec<&str> = report.warnings.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(warnings, ["x_about"]);
    // The duplicate kept the first record, not the impostor.
    assert_eq!(
        person(&loaded.dataset.people, "hostile-01").name,
        "<script>window.__pwned=1</script> Person 1"
    );
}

#[test]
fn payloads_are_kept_exactly_as_written() {
    let loaded = load(HOSTILE).unwrap();
    let raw = raw();
    let records = raw["people"].as_array().unwrap();
    for record in records.iter().take(34) {
        let id = record["id"].as_str().unwrap();
        let p = person(&loaded.dataset.people, id);
        assert_eq!(p.name, record["name"].as_str().unwrap(), "{id}");
        assert_eq!(p.summary, record["summary"].as_str().unwrap(), "{id}");
        assert_eq!(p.story, record["story"].as_str().unwrap(), "{id}");
        if let Some(links) = record["links"].as_array() {
            assert_eq!(p.links[0].title, links[0]["title"].as_str().unwrap());
            assert!(p.links[0].url.as_str().starts_with("https://"));
        }
    }
    assert_eq!(
        loaded.dataset.title,
        "<script>window.__pwned=30</script>Hostile test list"
    );
}

#[test]
fn quoted_values_in_reports_cannot_reorder_the_message() {
    let mut raw = raw();
    // Record 35 is already skipped, so the count of invalid records stays the same.
    raw["people"][34]["status"] = Value::String("\u{202E}jailed".into());
    let loaded = load(&raw.to_string()).unwrap();
    let problem = loaded.report.errors.iter().find(|p| p.field == "status");
    let message = problem.unwrap().to_string();
    assert!(
        message.contains("status: \"<U+202E>jailed\" is not one of"),
        "{message}"
    );
    assert!(!message.contains('\u{202E}'));
}
