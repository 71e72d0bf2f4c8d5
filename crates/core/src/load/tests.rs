use serde_json::{json, Value};

use super::*;
use crate::i18n::Lang;
use crate::model::Sentence;

/// A valid dataset with `n` people, as JSON, for tests to break in one place.
fn dataset(n: usize) -> Value {
    let people: Vec<Value> = (1..=n).map(|i| person(&format!("person-{i}"))).collect();
    json!({
        "schema_version": 1,
        "title": "Test list",
        "description": "People for tests.",
        "updated": "2026-11-21",
        "sources": [{"id": "src", "title": "A source", "publisher": "A publisher", "date": "2023"}],
        "campaigns": [{"id": "camp", "title": "A campaign", "publisher": "A publisher", "date": "2023",
                       "description": "About it."}],
        "people": people,
    })
}

fn person(id: &str) -> Value {
    json!({
        "id": id,
        "name": "Test Person",
        "country": "BY",
        "status": "imprisoned",
        "status_as_of": "2023",
        "summary": "One sentence.",
        "story": "A paragraph.\n\nAnother.",
        "campaigns": ["camp"],
        "source": "src",
    })
}

fn load_value(value: &Value) -> Result<Loaded, LoadError> {
    load(&value.to_string())
}

/// Sets `field` of record `index` (0-based) and loads the 10-record dataset.
fn load_with(index: usize, field: &str, value: Value) -> Loaded {
    let mut data = dataset(10);
    data["people"][index][field] = value;
    load_value(&data).expect("one bad record in ten loads")
}

fn only_error(loaded: &Loaded) -> &Problem {
    assert_eq!(loaded.report.errors.len(), 1, "{:?}", loaded.report.errors);
    &loaded.report.errors[0]
}

#[test]
fn a_valid_file_loads_every_record_without_problems() {
    let loaded = load_value(&dataset(5)).unwrap();
    assert_eq!(loaded.dataset.people.len(), 5);
    assert_eq!(
        (
            loaded.report.records,
            loaded.report.loaded,
            loaded.report.skipped()
        ),
        (5, 5, 0)
    );
    assert!(loaded.report.errors.is_empty() && loaded.report.warnings.is_empty());
}

#[test]
fn invalid_json_names_line_and_column() {
    let err = load("{\n  \"schema_version\": 1,\n  \"people\": [,]\n}").unwrap_err();
    let LoadError::Syntax { line, column, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!((*line, *column), (3, 14));
    assert!(err.to_string().contains("line 3, column 14"), "{err}");
}

#[test]
fn missing_schema_version_is_refused() {
    let mut data = dataset(2);
    data.as_object_mut().unwrap().remove("schema_version");
    assert_eq!(
        load_value(&data).unwrap_err(),
        LoadError::MissingSchemaVersion
    );
}

#[test]
fn unsupported_schema_version_is_refused_saying_which() {
    for version in [json!(2), json!("1"), json!(1.5), json!(-1), json!([1])] {
        let mut data = dataset(2);
        data["schema_version"] = version.clone();
        let err = load_value(&data).unwrap_err();
        assert!(
            matches!(err, LoadError::UnsupportedSchemaVersion(_)),
            "{version}: {err:?}"
        );
        assert!(err.to_string().contains(&version.to_string()), "{err}");
    }
}

#[test]
fn an_empty_list_or_a_non_dataset_is_refused() {
    assert_eq!(load_value(&dataset(0)).unwrap_err(), LoadError::NoPeople);
    assert_eq!(load("[1, 2]").unwrap_err(), LoadError::NotADataset);
    assert_eq!(
        load(r#"{"schema_version": 1}"#).unwrap_err(),
        LoadError::NotADataset
    );
}

#[test]
fn an_unknown_status_skips_only_that_record() {
    let loaded = load_with(3, "status", json!("jailed"));
    assert_eq!(loaded.dataset.people.len(), 9);
    let problem = only_error(&loaded);
    assert_eq!(problem.record.as_ref().unwrap().position, 4);
    assert_eq!(
        problem.record.as_ref().unwrap().id.as_deref(),
        Some("person-4")
    );
    assert_eq!(problem.field, "status");
    assert!(
        problem
            .reason
            .contains("\"jailed\" is not one of: detained, imprisoned"),
        "{}",
        problem.reason
    );
}

#[test]
fn a_bad_country_code_skips_the_record() {
    for bad in ["UK", "by", "ZZZ", "XX"] {
        let loaded = load_with(0, "country", json!(bad));
        assert_eq!(only_error(&loaded).field, "country");
        assert_eq!(loaded.report.loaded, 9);
    }
}

#[test]
fn a_bad_date_skips_the_record() {
    for (bad, shown) in [
        (json!("2018-13"), "\"2018-13\""),
        (json!("15/09/2018"), "\"15/09/2018\""),
        (json!("2019-02-29"), "\"2019-02-29\""),
        (json!(2018), "2018"),
        (json!(-3), "-3"),
        (json!(2018.5), "a number with a fraction"),
        (json!(true), "true"),
        (json!(["2018"]), "a list"),
        (json!({"year": 2018}), "an object"),
    ] {
        let loaded = load_with(0, "arrested", bad.clone());
        let problem = only_error(&loaded);
        assert_eq!(problem.field, "arrested", "{bad}");
        assert_eq!(
            problem.reason,
            format!("{shown} is not a date written YYYY, YYYY-MM or YYYY-MM-DD (1900–2100)")
        );
    }
}

#[test]
fn a_missing_required_field_skips_the_record() {
    for field in [
        "id",
        "name",
        "country",
        "status",
        "status_as_of",
        "summary",
        "story",
        "source",
    ] {
        let mut data = dataset(10);
        data["people"][5].as_object_mut().unwrap().remove(field);
        let loaded = load_value(&data).unwrap();
        let problem = only_error(&loaded);
        assert_eq!(
            (problem.field.as_str(), problem.reason.as_str()),
            (field, "is missing")
        );
    }
    let loaded = load_with(5, "campaigns", json!([]));
    assert_eq!(only_error(&loaded).field, "campaigns");
}

#[test]
fn over_long_text_skips_the_record() {
    let loaded = load_with(2, "summary", json!("x".repeat(limits::SUMMARY + 1)));
    let problem = only_error(&loaded);
    assert_eq!(problem.field, "summary");
    assert!(
        problem.reason.contains("the limit is 400"),
        "{}",
        problem.reason
    );
    let loaded = load_with(2, "story", json!("y".repeat(100_000)));
    assert_eq!(only_error(&loaded).field, "story");
}

#[test]
fn non_http_urls_are_refused() {
    for bad in [
        "javascript:alert(1)",
        "data:image/png;base64,AAAA",
        "vbscript:x",
        " https://x.org",
    ] {
        let loaded = load_with(
            1,
            "photo",
            json!({"url": bad, "alt": "A portrait", "credit": "Someone"}),
        );
        assert_eq!(only_error(&loaded).field, "photo.url", "{bad}");
        let loaded = load_with(1, "links", json!([{"title": "More", "url": bad}]));
        assert_eq!(only_error(&loaded).field, "links[1].url", "{bad}");
    }
    let loaded = load_with(
        1,
        "links",
        json!([{"title": "More", "url": "https://example.org/a"}]),
    );
    assert!(loaded.report.errors.is_empty());
    assert_eq!(
        loaded.dataset.people[1].links[0].url.as_str(),
        "https://example.org/a"
    );
}

#[test]
fn every_missing_part_of_a_photo_is_reported() {
    let loaded = load_with(0, "photo", json!({"url": "javascript:x"}));
    let fields: Vec<&str> = loaded
        .report
        .errors
        .iter()
        .map(|p| p.field.as_str())
        .collect();
    assert_eq!(fields, ["photo.url", "photo.alt", "photo.credit"]);
}

#[test]
fn every_problem_of_a_record_is_reported() {
    let mut data = dataset(10);
    data["people"][0]["status"] = json!("jailed");
    data["people"][0]["country"] = json!("ZZ");
    data["people"][0]["flags"] = json!(["solitary_confinement", "bored"]);
    let loaded = load_value(&data).unwrap();
    let fields: Vec<&str> = loaded
        .report
        .errors
        .iter()
        .map(|p| p.field.as_str())
        .collect();
    assert_eq!(fields, ["country", "status", "flags[2]"]);
    assert_eq!(loaded.report.skipped(), 1);
}

#[test]
fn duplicate_ids_keep_the_first_and_report_the_later() {
    let mut data = dataset(10);
    data["people"][7]["id"] = json!("person-2");
    data["people"][7]["name"] = json!("Someone Else");
    let loaded = load_value(&data).unwrap();
    let problem = only_error(&loaded);
    assert_eq!(problem.record.as_ref().unwrap().position, 8);
    assert!(problem.reason.contains("record 2"), "{}", problem.reason);
    let kept = loaded
        .dataset
        .people
        .iter()
        .find(|p| p.id == "person-2")
        .unwrap();
    assert_eq!(kept.name, "Test Person");
}

#[test]
fn more_than_a_fifth_invalid_refuses_the_file() {
    // 2 of 10 invalid is exactly a fifth: loads.
    let mut data = dataset(10);
    data["people"][0]["status"] = json!("nope");
    data["people"][1]["status"] = json!("nope");
    assert_eq!(load_value(&data).unwrap().report.skipped(), 2);
    // 3 of 10: refused, with the report.
    data["people"][2]["status"] = json!("nope");
    let err = load_value(&data).unwrap_err();
    let LoadError::TooManyInvalid(report) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        (report.records, report.loaded, report.skipped()),
        (10, 7, 3)
    );
    assert!(err.to_string().contains("3 of its 10 records"), "{err}");
}

#[test]
fn unknown_fields_warn_and_keep_the_record() {
    let loaded = load_with(4, "favourite_colour", json!("blue"));
    assert_eq!(loaded.report.loaded, 10);
    assert!(loaded.report.errors.is_empty());
    assert_eq!(loaded.report.warnings.len(), 1);
    assert_eq!(loaded.report.warnings[0].field, "favourite_colour");
    let mut data = dataset(3);
    data["future_envelope_field"] = json!(true);
    let loaded = load_value(&data).unwrap();
    assert_eq!(loaded.report.warnings[0].record, None);
}

#[test]
fn a_schema_reference_for_editors_is_accepted() {
    let mut data = dataset(3);
    data["$schema"] = json!("./prisoners.schema.json");
    let loaded = load_value(&data).unwrap();
    assert_eq!(loaded.report.warnings, []);
    assert_eq!(loaded.report.loaded, 3);
    // Only the envelope names a schema.
    let loaded = load_with(1, "$schema", json!("x"));
    assert_eq!(loaded.report.warnings[0].field, "$schema");
}

#[test]
fn the_report_accounts_for_every_record() {
    let mut data = dataset(20);
    data["people"][3] = json!("not an object");
    data["people"][9]["country"] = json!(44);
    data["people"][12]["id"] = json!("person-1");
    data["people"][15]["extra"] = json!(1);
    let loaded = load_value(&data).unwrap();
    let r = &loaded.report;
    assert_eq!(r.loaded + r.skipped(), r.records);
    assert_eq!(
        (r.records, r.loaded, r.skipped(), r.warnings.len()),
        (20, 17, 3, 1)
    );
    assert_eq!(loaded.dataset.people.len(), r.loaded);
}

#[test]
fn references_to_unknown_campaigns_or_sources_skip_the_record() {
    let loaded = load_with(0, "campaigns", json!(["camp", "nope"]));
    assert_eq!(only_error(&loaded).field, "campaigns");
    let loaded = load_with(0, "source", json!("elsewhere"));
    assert_eq!(only_error(&loaded).field, "source");
}

#[test]
fn sentences_read_terms_and_life() {
    let loaded = load_with(0, "sentence", json!({"years": 9, "months": 8}));
    assert_eq!(
        loaded.dataset.people[0].sentence,
        Some(Sentence::Term {
            years: 9,
            months: 8
        })
    );
    let loaded = load_with(0, "sentence", json!({"months": 8}));
    let sentence = loaded.dataset.people[0].sentence.unwrap();
    assert_eq!(
        serde_json::to_value(sentence).unwrap(),
        json!({"months": 8}),
        "written back as read"
    );
    let loaded = load_with(0, "sentence", json!("life"));
    assert_eq!(loaded.dataset.people[0].sentence, Some(Sentence::Life));
    for bad in [
        json!({"years": 1e300}),
        json!({"months": 12}),
        json!({}),
        json!(20),
        json!({"years": -3}),
    ] {
        let loaded = load_with(0, "sentence", bad.clone());
        assert!(only_error(&loaded).field.starts_with("sentence"), "{bad}");
    }
}

#[test]
fn a_broken_envelope_names_the_field() {
    let mut data = dataset(2);
    data["campaigns"][0]["date"] = json!("soon");
    let err = load_value(&data).unwrap_err();
    assert!(
        matches!(&err, LoadError::Envelope(p) if p.field == "campaigns[1].date"),
        "{err:?}"
    );
    let mut data = dataset(2);
    data.as_object_mut().unwrap().remove("title");
    assert!(matches!(load_value(&data).unwrap_err(), LoadError::Envelope(p) if p.field == "title"));
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(load(&deep), Err(LoadError::Syntax { .. })));
    let mut data = dataset(10);
    let nested: Value =
        serde_json::from_str(&format!("{}1{}", "[".repeat(100), "]".repeat(100))).unwrap();
    data["people"][0]["aliases"] = nested;
    assert_eq!(load_value(&data).unwrap().report.skipped(), 1);
}

#[test]
fn nesting_beyond_the_parser_limit_is_refused_in_plain_words() {
    let at_limit = format!("{}{}", "[".repeat(127), "]".repeat(127));
    assert_eq!(load(&at_limit).unwrap_err(), LoadError::NotADataset);
    let over = format!("{}{}", "[".repeat(128), "]".repeat(128));
    let err = load(&over).unwrap_err();
    assert_eq!(
        err.to_string(),
        "The data file is not valid JSON (line 1, column 128): \
         lists or objects are nested too deeply (more than 127 levels)."
    );
}

#[test]
fn a_file_cut_off_in_transfer_says_so() {
    let text = dataset(3).to_string();
    let err = load(&text[..text.len() / 2]).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("it ends before the data is complete, as if cut off."),
        "{err}"
    );
    assert!(matches!(err, LoadError::Syntax { line: 1, .. }), "{err:?}");
}

#[test]
fn numbers_beyond_what_json_readers_hold_refuse_the_file_and_say_where() {
    let text =
        dataset(3)
            .to_string()
            .replacen("\"schema_version\":1", "\"schema_version\":1e400", 1);
    let err = load(&text).unwrap_err();
    assert!(err.to_string().contains("number out of range"), "{err}");
    let loaded = load_with(0, "sentence", json!({"years": 1.0e300}));
    assert_eq!(only_error(&loaded).field, "sentence.years");
    let loaded = load_with(
        0,
        "sentence",
        json!({"years": 18_446_744_073_709_551_615_u64}),
    );
    assert_eq!(only_error(&loaded).field, "sentence.years");
}

#[test]
fn text_that_shows_nothing_or_piles_up_marks_is_refused() {
    for invisible in [
        "\u{200B}\u{200B}",
        "\u{202E}",
        "\u{FEFF} \u{2060}",
        "\u{0301}\u{0301}",
    ] {
        let loaded = load_with(0, "name", json!(invisible));
        assert_eq!(
            only_error(&loaded).reason,
            "has no visible characters",
            "{invisible:?}"
        );
    }
    let at_limit = format!("Ze{}", "\u{0301}".repeat(limits::MARKS_ON_ONE_CHARACTER));
    assert!(load_with(0, "name", json!(at_limit))
        .report
        .errors
        .is_empty());
    let over = format!(
        "Ze{}",
        "\u{0301}".repeat(limits::MARKS_ON_ONE_CHARACTER + 1)
    );
    assert!(only_error(&load_with(0, "name", json!(over)))
        .reason
        .starts_with("stacks more than 30 combining marks"));
    // Marks, joiners and right-to-left text that real names use are fine.
    for name in [
        "Phạm Đoan Trang",
        "نرگس\u{200C}محمدی",
        "\u{200F}نرگس محمدی",
        "Zoë",
    ] {
        assert!(
            load_with(0, "name", json!(name)).report.errors.is_empty(),
            "{name}"
        );
    }
}

#[test]
fn field_names_and_values_quoted_in_reports_show_hidden_controls() {
    let loaded = load_with(0, "\u{202E}colour", json!(1));
    assert_eq!(loaded.report.warnings[0].field, "<U+202E>colour");
    let loaded = load_with(0, "country", json!("\u{202E}YB"));
    assert!(only_error(&loaded)
        .reason
        .starts_with("\"<U+202E>YB\" is not"));
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn arbitrary_text_never_panics(text in ".{0,400}") {
            let _ = load(&text);
        }

        #[test]
        fn arbitrary_json_values_in_any_field_never_panic_and_are_accounted(
            field in prop::sample::select(PERSON_FIELDS.to_vec()),
            value in arbitrary_json(),
            index in 0usize..5,
        ) {
            let mut data = dataset(5);
            data["people"][index][field] = value;
            match load(&data.to_string()) {
                Ok(loaded) => prop_assert_eq!(loaded.report.loaded + loaded.report.skipped(), 5),
                Err(LoadError::TooManyInvalid(report)) => prop_assert_eq!(report.loaded + report.skipped(), 5),
                Err(other) => prop_assert!(false, "unexpected {:?}", other),
            }
        }

        #[test]
        fn deep_or_huge_values_in_any_field_never_panic(
            field in prop::sample::select(PERSON_FIELDS.to_vec()),
            depth in 0usize..400,
            open in prop::sample::select(vec![("[", "]"), ("{\"k\":", "}")]),
            width in 0usize..200_000,
        ) {
            // Nested past the parser's limit the file is refused; below it, the record is.
            let nested = format!("{}\"{}\"{}", open.0.repeat(depth), "x".repeat(width), open.1.repeat(depth));
            let text = dataset(5).to_string().replacen("\"camp\"]", &format!("\"camp\"],\"{field}_\":0,\"{field}\":{nested}, \"z\":[0]"), 1);
            match load(&text) {
                Ok(loaded) => prop_assert_eq!(loaded.report.records, 5),
                // The value sits three levels down: the file, `people`, the record.
                Err(LoadError::Syntax { message, .. }) => prop_assert!(
                    depth + 3 >= 128 && message.contains("nested too deeply"), "{}", message
                ),
                Err(other) => prop_assert!(false, "unexpected {:?}", other),
            }
        }

        #[test]
        fn mutated_valid_files_never_panic(cut in 0usize..600, byte in any::<u8>()) {
            let mut bytes = dataset(3).to_string().into_bytes();
            let at = cut % bytes.len();
            bytes[at] = byte;
            let _ = load(&String::from_utf8_lossy(&bytes));
        }
    }

    fn arbitrary_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| json!(n)),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(|f| json!(f)),
            ".{0,60}".prop_map(Value::String),
            prop::sample::select(vec![
                "life",
                "BY",
                "2018-09",
                "imprisoned",
                "camp",
                "src",
                "https://x.org"
            ])
            .prop_map(|s| Value::String(s.to_owned())),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::hash_map("[a-z_]{1,8}", inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }
}

/// Loads the 10-record dataset with record 1's `translations` set to `value`.
fn load_translations(value: Value) -> Loaded {
    let loaded = load_with(0, "translations", value);
    assert_eq!(loaded.report.loaded, 10, "{:?}", loaded.report.errors);
    loaded
}

/// The languages record 1 kept a translation in.
fn kept(loaded: &Loaded) -> Vec<&'static str> {
    let person = &loaded.dataset.people[0];
    person.translations.iter().map(|t| t.lang.tag()).collect()
}

/// One part (`field`, `reason`) of each warning.
fn warned(loaded: &Loaded, part: fn(&Problem) -> &String) -> Vec<&str> {
    loaded
        .report
        .warnings
        .iter()
        .map(|p| part(p).as_str())
        .collect()
}

fn warnings(loaded: &Loaded) -> Vec<String> {
    loaded
        .report
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn translations_are_read_in_language_order() {
    let loaded = load_translations(json!({
        "zh-Hans": {"summary": "一句话。", "reviewed": false},
        "ru": {"summary": "Одно предложение.", "story": "Абзац.\n\nЕщё один.", "reviewed": true},
        "es": {"summary": "Una frase.", "story": null, "reviewed": false},
    }));
    assert!(
        loaded.report.warnings.is_empty(),
        "{:?}",
        loaded.report.warnings
    );
    let person = &loaded.dataset.people[0];
    assert_eq!(kept(&loaded), ["es", "ru", "zh-Hans"]);
    let russian = person.translation(Lang::Ru).unwrap();
    assert_eq!(russian.summary, "Одно предложение.");
    assert_eq!(russian.story.as_deref(), Some("Абзац.\n\nЕщё один."));
    assert!(russian.reviewed);
    let spanish = person.translation(Lang::Es).unwrap();
    assert_eq!((spanish.story.as_deref(), spanish.reviewed), (None, false));
    assert_eq!(person.translation(Lang::Fr), None);
    assert!(loaded.dataset.people[1].translations.is_empty());
}

#[test]
fn a_translation_in_an_unknown_language_or_english_is_left_out_and_the_person_kept() {
    let loaded = load_translations(json!({
        "de": {"summary": "Ein Satz.", "reviewed": false},
        "en": {"summary": "A sentence.", "reviewed": false},
        "es-MX": {"summary": "Una frase.", "reviewed": false},
        "fr": {"summary": "Une phrase.", "reviewed": false},
    }));
    assert_eq!(kept(&loaded), ["fr"]);
    assert_eq!(
        warnings(&loaded),
        [
            "record 1 (\"person-1\"), translations.de: is not a language of the site (translations are in es, fr, ru, ar, fa, zh-Hans); the translation was left out",
            "record 1 (\"person-1\"), translations.en: is English, which the record itself is in; the translation was left out",
            "record 1 (\"person-1\"), translations.es-MX: is not a language of the site (translations are in es, fr, ru, ar, fa, zh-Hans); the translation was left out",
        ]
    );
}

#[test]
fn an_empty_over_long_or_incomplete_translation_is_left_out() {
    let loaded = load_translations(json!({
        "es": {"summary": "  ", "reviewed": false},
        "fr": {"summary": "x".repeat(limits::SUMMARY + 1), "reviewed": false},
        "ru": {"summary": "Одно.", "story": "я".repeat(limits::STORY + 1), "reviewed": false},
        "ar": {"summary": "جملة واحدة."},
        "fa": {"summary": "یک جمله.", "reviewed": "no"},
        "zh-Hans": "一句话。",
    }));
    assert_eq!(kept(&loaded), Vec::<&str>::new());
    assert_eq!(
        warned(&loaded, |p| &p.field),
        [
            "translations.ar.reviewed",
            "translations.es.summary",
            "translations.fa.reviewed",
            "translations.fr.summary",
            "translations.ru.story",
            "translations.zh-Hans",
        ]
    );
    let all = warnings(&loaded).join("\n");
    for part in [
        "translations.ar.reviewed: is missing; the translation was left out",
        "translations.es.summary: is empty; the translation was left out",
        "translations.fa.reviewed: must be true or false, not text; the translation was left out",
        "translations.fr.summary: is 401 characters long; the limit is 400; the translation was left out",
        "translations.ru.story: is 20001 characters long; the limit is 20000",
        "translations.zh-Hans: must be an object, not text; the translation was left out",
    ] {
        assert!(all.contains(part), "{part:?} in {all}");
    }
    let loaded = load_translations(json!(["es"]));
    assert!(kept(&loaded).is_empty());
    assert_eq!(loaded.report.warnings[0].field, "translations");
}

#[test]
fn an_untranslated_copy_of_the_english_is_left_out() {
    let loaded = load_translations(json!({
        "es": {"summary": " One sentence. ", "reviewed": false},
        "fr": {"summary": "Une phrase.", "story": "A paragraph.\n\nAnother.", "reviewed": false},
        "ru": {"summary": "Одно предложение.", "story": "Абзац.", "reviewed": false},
    }));
    assert_eq!(kept(&loaded), ["ru"]);
    assert_eq!(
        warnings(&loaded),
        [
            "record 1 (\"person-1\"), translations.es.summary: is the English text, not a translation; the translation was left out",
            "record 1 (\"person-1\"), translations.fr.story: is the English text, not a translation; the translation was left out",
        ]
    );
}

#[test]
fn a_translation_still_holding_a_placeholder_is_left_out() {
    for (text, marker) in [
        ("TODO: translate", "TODO"),
        ("Una frase (TBD).", "TBD"),
        ("FIXME", "FIXME"),
        ("Condenado a XXX años.", "XXX"),
        ("Detenido en {year}.", "{year}"),
        ("Detenido en {{ year }}.", "{{ year }"),
        ("Detenido [fecha].", "[fecha]"),
        ("Lorem ipsum dolor sit amet.", "lorem ipsum"),
    ] {
        let loaded = load_translations(json!({
            "es": {"summary": text, "reviewed": false},
            "fr": {"summary": "Une phrase.", "story": text, "reviewed": false},
            "ru": {"summary": "Одно предложение.", "reviewed": false},
        }));
        assert_eq!(kept(&loaded), ["ru"], "{text}");
        let reasons = warned(&loaded, |p| &p.reason);
        let expected =
            format!("still holds the placeholder \"{marker}\"; the translation was left out");
        assert_eq!(reasons, [expected.as_str(), expected.as_str()], "{text}");
    }
    // Words that merely contain the letters, lower-case "todo" (Spanish "all"), and text without
    // a closing bracket are translations.
    for text in [
        "Todo el mundo lo sabe.",
        "MASTODON, XXXL y TBDX.",
        "Un { solo [ signo.",
    ] {
        let loaded = load_translations(json!({"es": {"summary": text, "reviewed": false}}));
        assert_eq!(
            kept(&loaded),
            ["es"],
            "{text}: {:?}",
            loaded.report.warnings
        );
    }
}

#[test]
fn translations_written_by_the_model_read_back_the_same() {
    let loaded = load_translations(json!({
        "fa": {"summary": "یک جمله.", "reviewed": false},
        "ar": {"summary": "جملة واحدة.", "story": "فقرة.\n\nفقرة أخرى.", "reviewed": true},
    }));
    let written = serde_json::to_value(&loaded.dataset).unwrap();
    assert_eq!(
        written["people"][0]["translations"],
        json!({
            "ar": {"summary": "جملة واحدة.", "story": "فقرة.\n\nفقرة أخرى.", "reviewed": true},
            "fa": {"summary": "یک جمله.", "reviewed": false},
        })
    );
    // Written in the model's order (after the timeline), not sorted, and not at all when empty.
    let text = serde_json::to_string(&loaded.dataset.people[0]).unwrap();
    assert!(
        text.find("\"ar\"").unwrap() < text.find("\"fa\"").unwrap(),
        "{text}"
    );
    assert!(written["people"][1].get("translations").is_none());
    let again = load(&serde_json::to_string(&loaded.dataset).unwrap()).unwrap();
    assert_eq!(again.dataset, loaded.dataset);
    assert!(again.report.warnings.is_empty());
}
