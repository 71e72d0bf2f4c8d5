use serde_json::json;

use super::*;
use crate::load;

/// Six people with the accents, statuses and overlaps the tests need.
fn dataset() -> Dataset {
    let person = |id: &str,
                  name: &str,
                  country: &str,
                  status: &str,
                  arrested: Option<&str>,
                  occupations: &[&str],
                  campaigns: &[&str]| {
        let mut p = json!({
            "id": id, "name": name, "country": country, "status": status, "status_as_of": "2023",
            "summary": format!("{name} in one sentence."), "story": "A story.",
            "occupations": occupations, "campaigns": campaigns, "source": "src",
        });
        if let Some(date) = arrested {
            p["arrested"] = json!(date);
        }
        p
    };
    let data = json!({
        "schema_version": 1, "title": "T", "updated": "2026-11-21",
        "sources": [{"id": "src", "title": "S", "publisher": "P", "date": "2023"}],
        "campaigns": [
            {"id": "wjc", "title": "W", "publisher": "P", "date": "2023"},
            {"id": "poc", "title": "A", "publisher": "P", "date": "2020"}
        ],
        "people": [
            person("rolando-alvarez", "Rolando Álvarez", "NI", "imprisoned", Some("2022-08"), &["religious leader"], &["wjc"]),
            person("pham-doan-trang", "Phạm Đoan Trang", "VN", "imprisoned", None, &["journalist", "writer"], &["wjc"]),
            person("emirlendris-benitez", "Emirlendris Benítez", "VE", "imprisoned", Some("2018-08"), &["businessperson"], &["wjc"]),
            person("ales-bialiatski", "Ales Bialiatski", "BY", "imprisoned", Some("2021-07"), &["human rights defender"], &["wjc"]),
            person("ihar-losik", "Ihar Losik", "BY", "imprisoned", None, &["journalist"], &["wjc"]),
            person("violeta-granera", "Violeta Granera", "NI", "released", Some("2021-06"), &["opposition leader"], &["wjc", "poc"]),
        ],
    });
    load(&data.to_string()).unwrap().dataset
}

fn ids(dataset: &Dataset, outcome: &Outcome) -> Vec<String> {
    outcome
        .matches
        .iter()
        .map(|&i| dataset.people[i].id.clone())
        .collect()
}

fn run(dataset: &Dataset, query: &Query) -> Outcome {
    Index::new(dataset).run(dataset, query)
}

fn text(text: &str) -> Query {
    Query {
        text: text.into(),
        ..Query::default()
    }
}

fn count<T: PartialEq>(options: &[(T, usize)], value: &T) -> usize {
    options
        .iter()
        .find(|(v, _)| v == value)
        .map_or(usize::MAX, |(_, n)| *n)
}

fn by(code: &str) -> CountryCode {
    CountryCode::parse(code).unwrap()
}

#[test]
fn empty_query_shows_everyone_sorted_by_name() {
    let data = dataset();
    let outcome = run(&data, &Query::default());
    assert_eq!(
        ids(&data, &outcome),
        [
            "ales-bialiatski",
            "emirlendris-benitez",
            "ihar-losik",
            "pham-doan-trang",
            "rolando-alvarez",
            "violeta-granera"
        ]
    );
}

#[test]
fn search_ignores_case_and_accents() {
    let data = dataset();
    assert_eq!(
        ids(&data, &run(&data, &text("alvarez"))),
        ["rolando-alvarez"]
    );
    assert_eq!(
        ids(&data, &run(&data, &text("pham doan trang"))),
        ["pham-doan-trang"]
    );
    assert_eq!(
        ids(&data, &run(&data, &text("BENITEZ"))),
        ["emirlendris-benitez"]
    );
    assert_eq!(ids(&data, &run(&data, &text("Phạm"))), ["pham-doan-trang"]);
}

#[test]
fn search_words_must_all_match_in_any_field() {
    let data = dataset();
    // Country name and occupation.
    assert_eq!(
        ids(&data, &run(&data, &text("belarus journalist"))),
        ["ihar-losik"]
    );
    assert_eq!(ids(&data, &run(&data, &text("nicaragua"))).len(), 2);
    assert!(run(&data, &text("belarus writer")).matches.is_empty());
}

#[test]
fn status_filter_keeps_only_that_status() {
    let data = dataset();
    let mut query = Query::default();
    query.filters.statuses.insert(Status::Released);
    assert_eq!(ids(&data, &run(&data, &query)), ["violeta-granera"]);
}

#[test]
fn options_within_a_filter_widen_and_filters_narrow() {
    let data = dataset();
    let mut query = Query::default();
    query.filters.countries.extend([by("BY"), by("VN")]);
    assert_eq!(run(&data, &query).matches.len(), 3);
    query.filters.occupations.insert("journalist".into());
    assert_eq!(
        ids(&data, &run(&data, &query)),
        ["ihar-losik", "pham-doan-trang"]
    );
}

#[test]
fn campaign_filter_matches_any_listed_campaign() {
    let data = dataset();
    let mut query = Query::default();
    query.filters.campaigns.insert("poc".into());
    assert_eq!(ids(&data, &run(&data, &query)), ["violeta-granera"]);
}

#[test]
fn facet_counts_ignore_their_own_filter_but_respect_the_others() {
    let data = dataset();
    let mut query = Query::default();
    query.filters.countries.insert(by("NI"));
    let outcome = run(&data, &query);
    // Country options still count everyone (no other filter is active)…
    assert_eq!(count(&outcome.facets.countries, &by("BY")), 2);
    assert_eq!(count(&outcome.facets.countries, &by("NI")), 2);
    // …while status options count only Nicaragua.
    assert_eq!(count(&outcome.facets.statuses, &Status::Imprisoned), 1);
    assert_eq!(count(&outcome.facets.statuses, &Status::Released), 1);
    // Adding a status filter narrows the country counts.
    query.filters.statuses.insert(Status::Released);
    let outcome = run(&data, &query);
    assert_eq!(count(&outcome.facets.countries, &by("BY")), 0);
    assert_eq!(count(&outcome.facets.countries, &by("NI")), 1);
    assert_eq!(outcome.matches.len(), 1);
}

#[test]
fn facet_counts_respect_the_search_text() {
    let data = dataset();
    let outcome = run(&data, &text("journalist"));
    assert_eq!(count(&outcome.facets.countries, &by("BY")), 1);
    assert_eq!(count(&outcome.facets.countries, &by("VN")), 1);
    assert_eq!(count(&outcome.facets.occupations, &"writer".to_string()), 1);
}

#[test]
fn facet_options_list_every_value_in_display_order() {
    let data = dataset();
    let facets = run(&data, &Query::default()).facets;
    let countries: Vec<&str> = facets.countries.iter().map(|(c, _)| c.name()).collect();
    assert_eq!(countries, ["Belarus", "Nicaragua", "Venezuela", "Vietnam"]);
    let statuses: Vec<Status> = facets.statuses.iter().map(|(s, _)| *s).collect();
    assert_eq!(statuses, [Status::Imprisoned, Status::Released]);
    // Most common occupation first.
    assert_eq!(facets.occupations[0], ("journalist".to_string(), 2));
    assert_eq!(
        facets.campaigns,
        [("wjc".to_string(), 6), ("poc".to_string(), 1)]
    );
}

#[test]
fn sorts_by_country_arrest_and_time_held() {
    let data = dataset();
    let sorted = |sort| {
        ids(
            &data,
            &run(
                &data,
                &Query {
                    sort,
                    ..Query::default()
                },
            ),
        )
    };
    assert_eq!(
        sorted(Sort::Country)[..2],
        ["ales-bialiatski", "ihar-losik"]
    );
    // Newest arrest first, unknown dates last.
    assert_eq!(
        sorted(Sort::Arrested),
        [
            "rolando-alvarez",
            "ales-bialiatski",
            "violeta-granera",
            "emirlendris-benitez",
            "ihar-losik",
            "pham-doan-trang"
        ]
    );
    // Longest held first; released and undated last.
    assert_eq!(
        sorted(Sort::TimeHeld)[..3],
        ["emirlendris-benitez", "ales-bialiatski", "rolando-alvarez"]
    );
    assert_eq!(sorted(Sort::TimeHeld)[5], "violeta-granera");
}

#[test]
fn neighbours_follow_the_result_order() {
    assert_eq!(neighbours(&[4, 2, 9], 2), (Some(4), Some(9)));
    assert_eq!(neighbours(&[4, 2, 9], 4), (None, Some(2)));
    assert_eq!(neighbours(&[4, 2, 9], 9), (Some(2), None));
    assert_eq!(neighbours(&[4, 2, 9], 7), (None, None));
}

#[test]
fn sort_names_round_trip() {
    for &sort in Sort::ALL {
        assert_eq!(Sort::parse(sort.as_str()), Some(sort));
    }
    assert_eq!(Sort::parse("random"), None);
}

#[test]
fn totals_count_people_countries_held_and_released() {
    let data = dataset();
    assert_eq!(
        totals(&data.people),
        Totals {
            people: 6,
            countries: 4,
            held: 5,
            released: 1
        }
    );
    assert_eq!(totals(&[]), Totals::default());
}

#[test]
fn country_statuses_split_each_country_count_and_ignore_the_country_filter() {
    let data = dataset();
    let position = |facets: &Facets, code: &str| {
        facets
            .countries
            .iter()
            .position(|(c, _)| *c == by(code))
            .unwrap()
    };
    let mut query = Query::default();
    query.filters.countries.insert(by("BY"));
    let facets = run(&data, &query).facets;
    let ni = position(&facets, "NI");
    assert_eq!(
        facets.country_statuses(ni).collect::<Vec<_>>(),
        [(Status::Imprisoned, 1), (Status::Released, 1)]
    );
    query.filters.statuses.insert(Status::Released);
    let facets = run(&data, &query).facets;
    assert_eq!(
        facets.country_statuses(ni).collect::<Vec<_>>(),
        [(Status::Released, 1)]
    );
    // Countries with nobody under the other filters have no statuses, and their count is zero.
    let by_position = position(&facets, "BY");
    assert_eq!(facets.country_statuses(by_position).count(), 0);
    assert_eq!(facets.countries[by_position].1, 0);
    // The split always adds up to the country's count.
    for (i, (_, n)) in facets.countries.iter().enumerate() {
        assert_eq!(
            facets.country_statuses(i).map(|(_, k)| k).sum::<usize>(),
            *n
        );
    }
    assert_eq!(facets.country_statuses(99).count(), 0);
}
