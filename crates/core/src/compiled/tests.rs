use serde_json::Value;

use super::*;
use crate::load::{load, read_list, Detail, Extent};
use crate::{LoadError, Person};

const DATASET: &str = include_str!("../../../../assets/data/prisoners.json");

fn shipped() -> Dataset {
    load(DATASET).expect("the shipped dataset loads").dataset
}

/// A whole record as browsers get it: without its translations.
fn untranslated(person: &Person) -> Person {
    Person {
        translations: vec![],
        ..person.clone()
    }
}

/// The shipped people repeated under new ids until there are `count`.
fn grown(count: usize) -> Dataset {
    let mut dataset = shipped();
    let originals = dataset.people.clone();
    dataset.people = (0..count)
        .map(|i| Person {
            id: format!("{}-{i}", originals[i % originals.len()].id),
            ..originals[i % originals.len()].clone()
        })
        .collect();
    dataset
}

/// What the list keeps of a person: everything but the details.
fn lean(person: &Person) -> Person {
    Person {
        gender: None,
        location: None,
        summary: String::new(),
        story: String::new(),
        charges: vec![],
        flags: vec![],
        source: String::new(),
        links: vec![],
        timeline: vec![],
        actions: vec![],
        last_verified: None,
        visibility: crate::model::Visibility::Full,
        translations: vec![],
        ..person.clone()
    }
}

#[test]
fn a_small_dataset_is_one_file_read_whole() {
    let dataset = shipped();
    let compiled = compile(&dataset);
    assert!(compiled.details.is_empty());
    assert_eq!(compiled.first, None);
    let list = read_list(&compiled.list).expect("the list loads");
    assert_eq!(list.detail, Detail::Inline);
    assert_eq!(list.extent, Extent::Whole);
    // Whole, but for the translations, which browsers do not get yet.
    assert!(dataset.people.iter().any(|p| !p.translations.is_empty()));
    let expected: Vec<Person> = dataset.people.iter().map(untranslated).collect();
    assert_eq!(list.loaded.dataset.people, expected);
    assert_eq!(list.loaded.dataset.title, dataset.title);
    assert_eq!(list.loaded.report.skipped(), 0);
}

#[test]
fn a_large_dataset_is_a_lean_list_and_detail_files_of_whole_records() {
    let dataset = grown(150);
    // Browsers do not get translations yet: neither the list nor the detail files hold them.
    assert!(dataset.people.iter().all(|p| !p.translations.is_empty()));
    let compiled = compile(&dataset);
    assert_eq!(compiled.details.len(), 150usize.div_ceil(PER_FILE));
    let list = read_list(&compiled.list).expect("the list loads");
    let report = &list.loaded.report;
    assert_eq!((report.records, report.loaded), (150, 150));
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    let expected: Vec<Person> = dataset.people.iter().map(lean).collect();
    assert_eq!(list.loaded.dataset.people, expected);
    assert_eq!(list.loaded.dataset.campaigns, dataset.campaigns);
    assert_eq!(list.loaded.dataset.title, dataset.title);

    let files: std::collections::HashMap<_, _> = compiled.details.into_iter().collect();
    for position in [0, 23, 24, 100, 149] {
        let path = list.detail.file(position).expect("details are in files");
        let person = untranslated(&dataset.people[position]);
        let detail = load(&files[&path]).expect("the detail file loads");
        assert!(detail.dataset.people.contains(&person), "{path}");
    }
}

#[test]
fn a_lean_list_says_who_takes_letters_by_their_own_action_or_their_source_s() {
    use crate::model::{Action, ActionKind};
    let mut dataset = grown(150);
    let letter = Action {
        kind: ActionKind::WriteLetter,
        text: "Write to them.".into(),
        hashtags: vec![],
        address: None,
        url: crate::HttpUrl::parse("https://letters.example/"),
        source: None,
    };
    // One person by an action of their own, and everyone drawn from the first source by its.
    let from_source = |p: &Person| p.source == dataset.sources[0].id;
    let by_source: Vec<usize> = (0..150)
        .filter(|&i| from_source(&dataset.people[i]))
        .collect();
    let own = (0..150)
        .find(|&i| !from_source(&dataset.people[i]))
        .unwrap();
    assert!(!by_source.is_empty());
    dataset.people[own].actions.push(letter.clone());
    dataset.sources[0].actions.push(letter);
    let list = read_list(&compile(&dataset).list).expect("the list loads");
    assert!(list.loaded.report.warnings.is_empty());
    let lean = &list.loaded.dataset;
    let takers: Vec<usize> = (0..150)
        .filter(|&i| lean.takes_letters(&lean.people[i]))
        .collect();
    let mut expected = by_source;
    expected.push(own);
    expected.sort_unstable();
    assert_eq!(takers, expected);
    // The list says only the kind: the action's words and address are in the detail file.
    assert_eq!(lean.people[own].actions[0].text, "");
    // Nobody takes letters: the list has no column for them.
    let list: Value = serde_json::from_str(&compile(&grown(150)).list).unwrap();
    assert!(list["list"].get("id").is_some());
    assert_eq!(list["list"].get("actions"), None, "no letters column");
}

#[test]
fn the_lean_list_is_small() {
    let dataset = grown(500);
    let compiled = compile(&dataset);
    let whole = serde_json::to_string(&dataset).unwrap().len();
    assert!(
        compiled.list.len() * 5 < whole,
        "list {} bytes, whole dataset {whole}",
        compiled.list.len()
    );
}

#[test]
fn the_version_follows_the_details() {
    let dataset = grown(150);
    let version = |d: &Dataset| match read_list(&compile(d).list).unwrap().detail {
        Detail::Files { version, .. } => version,
        Detail::Inline => panic!("a large dataset is split"),
    };
    assert_eq!(version(&dataset), version(&dataset.clone()));
    let mut edited = dataset.clone();
    edited.people[140].story.push_str(" More.");
    assert_ne!(version(&dataset), version(&edited));
}

/// The list's JSON with `change` applied to its `list` object.
fn edited_list(change: impl FnOnce(&mut serde_json::Map<String, Value>)) -> String {
    let mut root: Value = serde_json::from_str(&compile(&grown(150)).list).unwrap();
    let Some(Value::Object(list)) = root.get_mut("list") else {
        panic!("a lean list")
    };
    change(list);
    root.to_string()
}

#[test]
fn a_number_that_stands_for_nothing_skips_that_record_only() {
    let text = edited_list(|list| {
        list["country"][3] = Value::from(9_999);
        list["status"][5] = Value::from(-1);
    });
    let list = read_list(&text).expect("the rest loads");
    let report = &list.loaded.report;
    assert_eq!((report.records, report.loaded), (150, 148));
    let fields: Vec<&str> = report.errors.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["country", "status"]);
    assert_eq!(report.errors[0].record.as_ref().unwrap().position, 4);
}

#[test]
fn columns_that_disagree_refuse_the_list_with_a_clear_message() {
    let text = edited_list(|list| {
        list["name"].as_array_mut().unwrap().pop();
    });
    let error = read_list(&text).unwrap_err();
    assert_eq!(error, LoadError::BrokenList);
    assert!(error.to_string().contains("damaged"));
    let text = edited_list(|list| {
        list.remove("id");
    });
    assert_eq!(read_list(&text).unwrap_err(), LoadError::BrokenList);
}

#[test]
fn a_detail_version_that_could_leave_the_data_folder_is_refused() {
    let mut root: Value = serde_json::from_str(&compile(&grown(150)).list).unwrap();
    root["detail"]["version"] = Value::from("../../evil");
    let error = read_list(&root.to_string()).unwrap_err();
    assert!(
        matches!(error, LoadError::Envelope(ref p) if p.field == "detail"),
        "{error:?}"
    );
}

#[test]
fn a_large_dataset_has_a_first_page_of_whole_records_in_the_lists_opening_order() {
    let dataset = grown(150);
    let compiled = compile(&dataset);
    let first = read_list(compiled.first.as_deref().expect("a first page")).unwrap();
    assert_eq!(first.extent, Extent::FirstPage { of: 150 });
    assert_eq!(first.detail, Detail::Inline);
    let opening = Index::new(&dataset).run(&Query::default()).matches;
    let expected: Vec<Person> = opening[..PAGE_SIZE]
        .iter()
        .map(|&p| untranslated(&dataset.people[p]))
        .collect();
    assert_eq!(first.loaded.dataset.people, expected);
}

#[test]
fn a_large_list_is_read_and_indexed_in_slices_with_the_same_result() {
    use crate::load::read_list_paced;
    use crate::pace::{tests::run_counting, tests::Counting, SLICE};

    let count = 3 * SLICE + 10;
    let compiled = compile(&grown(count));
    let whole = read_list(&compiled.list).expect("the list loads");

    let mut pause = Counting::default();
    let (paced, waits) = run_counting(read_list_paced(&compiled.list, &mut pause));
    let paced = paced.expect("the list loads in slices");
    assert_eq!(paced, whole);
    // One pause after every slice of records, and each one really stopped the work.
    assert_eq!(pause.pauses, count / SLICE);
    assert_eq!(waits, pause.pauses);

    let dataset = &whole.loaded.dataset;
    let mut pause = Counting::default();
    let (index, waits) = run_counting(Index::build(dataset, &mut pause));
    // The word index pauses per slice, and once before and after it.
    assert_eq!(pause.pauses, count / SLICE + 2);
    assert_eq!(waits, pause.pauses);
    let at_once = Index::new(dataset);
    for text in ["", "a", "journalist", "zz-nobody"] {
        let query = Query {
            text: text.into(),
            ..Query::default()
        };
        assert_eq!(index.run(&query), at_once.run(&query), "{text:?}");
    }
}

#[test]
fn each_language_s_translations_are_a_file_of_their_own_read_back_whole() {
    let dataset = shipped();
    for lang in Lang::ALL {
        let file = translations(&dataset, lang);
        if lang == Lang::En {
            assert_eq!(file, None, "English is the records themselves");
            continue;
        }
        let read = read_translations(lang, &file.expect("every shipped language has summaries"));
        assert_eq!(read.len(), dataset.people.len(), "{lang:?}");
        for person in &dataset.people {
            assert_eq!(
                read.get(&person.id),
                person.translation(lang),
                "{}",
                person.id
            );
        }
    }
    assert!(read_translations(Lang::Es, "[1]").is_empty());
    let partial = r#"{"a": {"summary": "S"}, "b": {"summary": "T", "reviewed": true}}"#;
    assert_eq!(
        read_translations(Lang::Es, partial)
            .keys()
            .collect::<Vec<_>>(),
        ["b"]
    );
}

#[test]
fn a_first_pages_whole_records_are_kept_for_the_list_of_the_same_edition() {
    let dataset = grown(150);
    let compiled = compile(&dataset);
    let first = read_list(compiled.first.as_deref().unwrap())
        .unwrap()
        .loaded
        .dataset;
    let list = read_list(&compiled.list).unwrap();
    let (lean_list, detail) = (&list.loaded.dataset, &list.detail);
    let kept = whole_records_to_keep(&first, &first.people, lean_list, detail);
    // Every person of the first page, whole, filed under the detail file that holds them.
    let kept_people: Vec<&Person> = kept.iter().flat_map(|(_, people)| people).collect();
    assert_eq!(kept_people.len(), first.people.len());
    for (path, people) in &kept {
        for person in people {
            let position = lean_list
                .people
                .iter()
                .position(|p| p.id == person.id)
                .unwrap();
            assert_eq!(detail.file(position).as_ref(), Some(path));
            assert_eq!(
                Some(person),
                first.people.iter().find(|p| p.id == person.id)
            );
        }
    }
    // A list that holds its records whole needs none of them.
    assert!(whole_records_to_keep(&first, &first.people, lean_list, &Detail::Inline).is_empty());
}

#[test]
fn changed_people_and_other_editions_are_not_kept() {
    let mut dataset = grown(150);
    let first = read_list(compile(&dataset).first.as_deref().unwrap())
        .unwrap()
        .loaded
        .dataset;
    let opening = first.people[0].id.clone();
    let moved = dataset.people.iter_mut().find(|p| p.id == opening).unwrap();
    moved.status = if moved.status == Status::Released {
        Status::Detained
    } else {
        Status::Released
    };
    let changed = read_list(&compile(&dataset).list).unwrap();
    let kept = whole_records_to_keep(
        &first,
        &first.people,
        &changed.loaded.dataset,
        &changed.detail,
    );
    assert!(kept
        .iter()
        .flat_map(|(_, people)| people)
        .all(|p| p.id != opening));
    assert_eq!(
        kept.iter().map(|(_, p)| p.len()).sum::<usize>(),
        first.people.len() - 1
    );

    dataset.title.push_str(" (new edition)");
    let other = read_list(&compile(&dataset).list).unwrap();
    assert!(
        whole_records_to_keep(&first, &first.people, &other.loaded.dataset, &other.detail)
            .is_empty()
    );
}
