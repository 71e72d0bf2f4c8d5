use serde_json::json;

use super::*;
use crate::date::PartialDate;
use crate::fold::{fold, fold_words};
use crate::load;
use crate::model::Person;

/// Six people with the accents, statuses and overlaps the tests need.
pub(crate) fn dataset() -> Dataset {
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
        "sources": [
            {"id": "src", "title": "S", "publisher": "P", "date": "2023"},
            {"id": "letters", "title": "L", "publisher": "P", "date": "2023", "actions": [
                {"kind": "write_letter", "text": "Write.", "url": "https://letters.example/"}
            ]}
        ],
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
    let mut data = data;
    // Letters: Ihar Losik's own action; Violeta Granera's source's.
    data["people"][4]["actions"] =
        json!([{"kind": "write_letter", "text": "Write to him.", "address": "A prison"}]);
    data["people"][5]["source"] = json!("letters");
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
    Index::new(dataset).run(query)
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
fn the_letters_filter_keeps_people_with_a_letter_action_of_their_own_or_their_sources() {
    let data = dataset();
    let mut query = Query::default();
    assert_eq!(run(&data, &query).facets.letters, Some(2));
    query.filters.letters = true;
    let outcome = run(&data, &query);
    assert_eq!(ids(&data, &outcome), ["ihar-losik", "violeta-granera"]);
    // Its count ignores itself and follows the other filters; theirs follow it.
    assert_eq!(outcome.facets.letters, Some(2));
    assert_eq!(count(&outcome.facets.countries, &by("BY")), 1);
    query.filters.statuses.insert(Status::Released);
    let outcome = run(&data, &query);
    assert_eq!(ids(&data, &outcome), ["violeta-granera"]);
    assert_eq!(outcome.facets.letters, Some(1));

    // Where nobody takes letters there is no count (no filter to offer), and an address that
    // asks for them anyway shows nobody rather than everyone as if they did.
    let mut nobody = data.clone();
    nobody.people[4].actions.clear();
    nobody.people[5].source = "src".to_owned();
    assert_eq!(run(&nobody, &Query::default()).facets.letters, None);
    let asked = Query {
        filters: Filters {
            letters: true,
            ..Filters::default()
        },
        ..Query::default()
    };
    assert!(run(&nobody, &asked).matches.is_empty());
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
fn choosing_a_country_on_the_map_lists_only_it_and_choosing_it_again_everyone() {
    let mut filters = Filters::default();
    filters.countries.extend([by("BY"), by("NI")]);
    filters.toggle_only_country(by("NI"));
    assert_eq!(
        filters.countries.iter().copied().collect::<Vec<_>>(),
        [by("NI")]
    );
    filters.toggle_only_country(by("NI"));
    assert!(filters.countries.is_empty());
    filters.toggle_only_country(by("VE"));
    assert_eq!(
        filters.countries.iter().copied().collect::<Vec<_>>(),
        [by("VE")]
    );
}

#[test]
fn the_maps_figures_give_each_countrys_total_and_status_columns() {
    let data = dataset();
    let mut query = Query::default();
    query.filters.countries.insert(by("BY"));
    let facets = run(&data, &query).facets;
    let (total, statuses) = facets.country(by("NI"));
    assert_eq!(total, 2);
    assert_eq!(
        statuses.collect::<Vec<_>>(),
        [(Status::Imprisoned, 1), (Status::Released, 1)]
    );
    let (total, statuses) = facets.country(by("CN"));
    assert_eq!(
        (total, statuses.count()),
        (0, 0),
        "a country not in the data"
    );

    let columns = [Status::Released, Status::Imprisoned];
    let rows = facets.country_figures(&columns);
    assert_eq!(rows.len(), facets.countries.len());
    let ni = rows.iter().find(|r| r.country == by("NI")).unwrap();
    assert_eq!(ni.per_status, [1, 1]);
    assert_eq!(
        (ni.figure(None), ni.figure(Some(0)), ni.figure(Some(5))),
        (2, 1, 0)
    );
    let vn = rows.iter().find(|r| r.country == by("VN")).unwrap();
    assert_eq!(vn.per_status, [0, 1], "a status with nobody is 0");
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

#[test]
fn typing_on_narrows_to_what_a_fresh_search_finds() {
    let data = dataset();
    let index = Index::new(&data);
    let mut query = Query::default();
    query.filters.statuses.insert(Status::Imprisoned);
    // Typed on, a word added, a filter changed under the same text, typed back and started over.
    for typed in [
        "a", "al", "ale", "ale ", "ale b", "ale bi", "ale bi", "ale b", "al", "a", "", "j", "jo",
        "o", "jo", "joe",
    ] {
        query.text = typed.into();
        let outcome = index.run(&query);
        assert_eq!(outcome, run(&data, &query), "{typed:?}");
        assert_eq!(outcome, reference(&data, &query), "{typed:?}");
        query.filters.statuses.clear();
        assert_eq!(index.run(&query), reference(&data, &query), "{typed:?}");
        query.filters.statuses.insert(Status::Imprisoned);
    }
}

#[test]
fn a_copied_index_answers_alike() {
    let data = dataset();
    let index = Index::new(&data);
    let typed = text("ale");
    let first = index.run(&typed);
    assert_eq!(index.clone().run(&typed), first);
    assert_eq!(
        index.clone().run(&text("al")),
        reference(&data, &text("al"))
    );
}

/// The query answered the slow, obvious way, for checking [`Index::run`]: every record's whole
/// text folded and searched, every count taken by filtering everyone again, the order sorted.
fn reference(data: &Dataset, query: &Query) -> Outcome {
    let words = fold_words(&query.text);
    let found = |p: &Person| {
        let mut parts = vec![
            p.name.clone(),
            p.country.name().to_owned(),
            p.summary.clone(),
            p.story.clone(),
        ];
        parts.extend(p.aliases.iter().cloned());
        parts.extend(p.native_name.iter().cloned());
        parts.extend(p.location.iter().cloned());
        parts.extend(p.occupations.iter().cloned());
        parts.extend(p.charges.iter().cloned());
        let key = fold(&parts.join(" "));
        // The country's and the status's names in the language spoken find them too.
        let names = [
            fold(&crate::text::country_name(p.country)),
            fold(&crate::text::status_label(p.status)),
        ];
        words
            .iter()
            .all(|w| key.contains(w.as_str()) || names.iter().any(|n| n.contains(w.as_str())))
    };
    let (countries, statuses, occupations) = reference_options(data);
    // Campaigns the dataset does not describe are no option, and match no filter.
    let known = |c: &String| data.campaigns.iter().any(|k| k.id == *c);
    let f = &query.filters;
    // A filter with no options in the data (no occupations at all, say) is off, whatever the
    // URL selects: as `Index` has always done.
    let on = [
        !f.countries.is_empty() && !countries.is_empty(),
        !f.statuses.is_empty() && !statuses.is_empty(),
        !f.campaigns.is_empty() && !data.campaigns.is_empty(),
        !f.occupations.is_empty() && !occupations.is_empty(),
    ];
    // Letters asked for where nobody takes them let nobody through.
    let letters = |p: &Person| data.takes_letters(p);
    // Whether `p` passes every filter but the one numbered `skip` (5: passes them all).
    let passes = |p: &Person, skip: usize| {
        (skip == 0 || !on[0] || f.countries.contains(&p.country))
            && (skip == 1 || !on[1] || f.statuses.contains(&p.status))
            && (skip == 2
                || !on[2]
                || p.campaigns
                    .iter()
                    .any(|c| f.campaigns.contains(c) && known(c)))
            && (skip == 3 || !on[3] || p.occupations.iter().any(|o| f.occupations.contains(o)))
            && (skip == 4 || !f.letters || letters(p))
    };
    let people: Vec<&Person> = data.people.iter().filter(|p| found(p)).collect();
    let count = |skip: usize, has: &dyn Fn(&Person) -> bool| {
        people.iter().filter(|p| has(p) && passes(p, skip)).count()
    };
    let facets = Facets {
        countries: countries
            .iter()
            .map(|&c| (c, count(0, &|p| p.country == c)))
            .collect(),
        statuses: statuses
            .iter()
            .map(|&s| (s, count(1, &|p| p.status == s)))
            .collect(),
        campaigns: data
            .campaigns
            .iter()
            .map(|c| (c.id.clone(), count(2, &|p| p.campaigns.contains(&c.id))))
            .collect(),
        occupations: occupations
            .iter()
            .map(|o| (o.clone(), count(3, &|p| p.occupations.contains(o))))
            .collect(),
        letters: data.people.iter().any(letters).then(|| count(4, &letters)),
        country_statuses: countries
            .iter()
            .flat_map(|&c| statuses.iter().map(move |&s| (c, s)).collect::<Vec<_>>())
            .map(|(c, s)| count(0, &|p| p.country == c && p.status == s))
            .collect(),
    };

    let position = |p: &Person| data.people.iter().position(|q| std::ptr::eq(p, q)).unwrap();
    let mut matches: Vec<&Person> = people.into_iter().filter(|p| passes(p, 5)).collect();
    reference_sort(&mut matches, query.sort, &countries);
    Outcome {
        matches: matches.into_iter().map(position).collect(),
        facets,
    }
}

/// The filter options of `data`, in display order: countries, statuses, occupations.
fn reference_options(data: &Dataset) -> (Vec<CountryCode>, Vec<Status>, Vec<String>) {
    let mut countries: Vec<CountryCode> = data.people.iter().map(|p| p.country).collect();
    countries.sort_by_key(|c| fold(c.name()));
    countries.dedup();
    let statuses: Vec<Status> = Status::ALL
        .iter()
        .copied()
        .filter(|s| data.people.iter().any(|p| p.status == *s))
        .collect();
    let mut occupations: Vec<String> = data
        .people
        .iter()
        .flat_map(|p| p.occupations.clone())
        .collect();
    occupations.sort();
    occupations.dedup();
    let everywhere = |o: &String| {
        data.people
            .iter()
            .filter(|p| p.occupations.contains(o))
            .count()
    };
    occupations.sort_by_key(|o| usize::MAX - everywhere(o));

    (countries, statuses, occupations)
}

/// Sorts `people` as `sort` says, comparing them two by two.
fn reference_sort(people: &mut [&Person], sort: Sort, countries: &[CountryCode]) {
    let country_rank = |p: &Person| countries.iter().position(|c| *c == p.country);
    let arrested = |p: &Person| p.arrested.map(|d| std::cmp::Reverse(d.sort_key()));
    let held = |p: &Person| match p.arrested {
        Some(d) if p.status.is_held() => Some(d.sort_key()),
        _ => None,
    };
    people.sort_by(|a, b| {
        let then = fold(&a.name).cmp(&fold(&b.name));
        match sort {
            Sort::Name => then,
            Sort::Country => country_rank(a).cmp(&country_rank(b)).then(then),
            // `None` last: compare `is_none` first.
            Sort::Arrested => (arrested(a).is_none(), arrested(a))
                .cmp(&(arrested(b).is_none(), arrested(b)))
                .then(then),
            Sort::TimeHeld => (held(a).is_none(), held(a))
                .cmp(&(held(b).is_none(), held(b)))
                .then(then),
        }
    });
}

mod generated {
    use proptest::prelude::*;

    use super::*;

    /// Bits of text that fold in interesting ways: accents, ligatures, apostrophes, other scripts.
    const PIECES: &[&str] = &[
        "a", "n", "an", "na", "Á", "ß", "ss", "o", "œ", "oe", "'", " ", "-", "x", "Ж", "ж", "1",
        "ı",
    ];

    fn text_of(pieces: Vec<usize>) -> String {
        pieces.into_iter().map(|i| PIECES[i]).collect()
    }

    fn text(most: usize) -> impl Strategy<Value = String> {
        prop::collection::vec(0..PIECES.len(), 0..most).prop_map(text_of)
    }

    const COUNTRIES: &[&str] = &["BY", "NI", "VN", "VE", "IR"];
    const OCCUPATIONS: &[&str] = &["journalist", "writer", "lawyer", "an"];

    fn person() -> impl Strategy<Value = Person> {
        (
            (text(6), text(12), text(4)),
            (0..COUNTRIES.len(), 0..Status::ALL.len()),
            (
                prop::collection::btree_set(0..OCCUPATIONS.len(), 0..3),
                prop::collection::btree_set(0..3_usize, 0..3),
            ),
            prop::option::of((1990..2025_u16, prop::option::of(1..=12_u8))),
            0..3_usize,
        )
            .prop_map(
                |(
                    (name, story, alias),
                    (country, status),
                    (occupations, campaigns),
                    arrested,
                    letters,
                )| {
                    let mut person = dataset().people[0].clone();
                    person.name = name;
                    person.story = story;
                    person.summary = String::new();
                    person.aliases = vec![alias];
                    person.country = by(COUNTRIES[country]);
                    person.status = Status::ALL[status];
                    person.occupations = occupations
                        .into_iter()
                        .map(|o| OCCUPATIONS[o].to_owned())
                        .collect();
                    // "gone" is no campaign of the dataset's: it is never counted.
                    person.campaigns = campaigns
                        .into_iter()
                        .map(|c| ["wjc", "poc", "gone"][c].to_owned())
                        .collect();
                    person.arrested =
                        arrested.and_then(|(year, month)| PartialDate::new(year, month, None));
                    // Takes no letters, or by an action of its own, or by its source's.
                    let letter = dataset().people[4].actions.clone();
                    match letters {
                        1 => person.actions = letter,
                        2 => person.source = "letters".to_owned(),
                        _ => {}
                    }
                    person
                },
            )
    }

    fn query() -> impl Strategy<Value = Query> {
        (
            text(5),
            prop::collection::btree_set(0..COUNTRIES.len(), 0..3),
            prop::collection::btree_set(0..Status::ALL.len(), 0..3),
            prop::collection::btree_set(0..3_usize, 0..2),
            prop::collection::btree_set(0..OCCUPATIONS.len(), 0..2),
            0..Sort::ALL.len(),
            any::<bool>(),
        )
            .prop_map(
                |(text, countries, statuses, campaigns, occupations, sort, letters)| Query {
                    text,
                    filters: Filters {
                        countries: countries.into_iter().map(|c| by(COUNTRIES[c])).collect(),
                        statuses: statuses.into_iter().map(|s| Status::ALL[s]).collect(),
                        campaigns: campaigns
                            .into_iter()
                            .map(|c| ["wjc", "poc", "gone"][c].to_owned())
                            .collect(),
                        occupations: occupations
                            .into_iter()
                            .map(|o| OCCUPATIONS[o].to_owned())
                            .collect(),
                        letters,
                    },
                    sort: Sort::ALL[sort],
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Queries one after another on one index, each query's text also typed in letter by
        /// letter and deleted again (the cases the index narrows from recent queries).
        #[test]
        fn run_answers_as_the_reference_does(
            people in prop::collection::vec(person(), 0..40),
            queries in prop::collection::vec(query(), 1..6),
        ) {
            let mut data = dataset();
            data.people = people;
            let index = Index::new(&data);
            for query in queries {
                let typed: Vec<usize> = query
                    .text
                    .char_indices()
                    .map(|(i, c)| i + c.len_utf8())
                    .collect();
                for end in typed.iter().chain(typed.iter().rev()) {
                    let prefix = Query { text: query.text[..*end].to_owned(), ..query.clone() };
                    prop_assert_eq!(index.run(&prefix), reference(&data, &prefix));
                }
                prop_assert_eq!(index.run(&query), reference(&data, &query));
            }
        }
    }
}
