//! The shipped dataset must load whole: every person on the list shown, nothing skipped.

use wjc_core::query::{Index, Query};
use wjc_core::{load, Status};

const DATASET: &str = include_str!("../../../assets/data/prisoners.json");

#[test]
fn the_shipped_dataset_loads_all_37_people_without_problems() {
    let loaded = load(DATASET).expect("the shipped dataset loads");
    assert_eq!(loaded.report.records, 37);
    assert_eq!(loaded.report.loaded, 37);
    assert!(
        loaded.report.errors.is_empty(),
        "{:?}",
        loaded.report.errors
    );
    assert!(
        loaded.report.warnings.is_empty(),
        "{:?}",
        loaded.report.warnings
    );
}

#[test]
fn the_shipped_dataset_has_the_statuses_the_sources_give() {
    let dataset = load(DATASET).unwrap().dataset;
    let status = |id: &str| dataset.people.iter().find(|p| p.id == id).map(|p| p.status);
    for id in [
        "juan-sebastian-chamorro",
        "mohamed-el-baqer",
        "violeta-granera",
        "elchin-mammad",
    ] {
        assert_eq!(status(id), Some(Status::Released), "{id}");
    }
    assert_eq!(status("kem-sokha"), Some(Status::HouseArrest));
    assert_eq!(status("rania-al-abbasi"), Some(Status::Disappeared));
    assert_eq!(status("khalil-matouq"), Some(Status::Disappeared));
    let kuku = dataset
        .people
        .iter()
        .find(|p| p.id == "emir-usein-kuku")
        .unwrap();
    assert_eq!(kuku.country.as_str(), "RU");
    assert!(kuku.location.as_deref().unwrap_or("").contains("Crimea"));
}

#[test]
fn searching_the_shipped_dataset_ignores_accents() {
    let dataset = load(DATASET).unwrap().dataset;
    let index = Index::new(&dataset);
    let find = |text: &str| -> Vec<String> {
        let query = Query {
            text: text.into(),
            ..Query::default()
        };
        index
            .run(&query)
            .matches
            .iter()
            .map(|&i| dataset.people[i].id.clone())
            .collect()
    };
    assert_eq!(find("alvarez"), ["rolando-alvarez"]);
    assert_eq!(find("pham doan trang"), ["pham-doan-trang"]);
    assert_eq!(find("benitez"), ["emirlendris-benitez"]);
    assert_eq!(find("kim kuk-ji"), ["kim-kuk-gi"]);
    assert_eq!(find("osorbo"), ["maykel-castillo"]);
    assert_eq!(find("mammadov"), ["elchin-mammad"]);
    assert_eq!(find("matouq"), ["khalil-matouq"]);
}

/// The sources give no address to write to anyone on the list, so the list offers no letters
/// filter (the filter appears only once somebody takes letters).
#[test]
fn the_shipped_dataset_offers_no_letters_filter() {
    let dataset = load(DATASET).unwrap().dataset;
    assert!(!dataset.people.iter().any(|p| dataset.takes_letters(p)));
    let facets = Index::new(&dataset).run(&Query::default()).facets;
    assert_eq!(facets.letters, None);
    assert!(wjc_core::filter::Filter::Letters
        .options(&facets, &dataset)
        .is_empty());
}
