//! Criterion benches of the domain's search and filters: `Index::new` and `Index::run` (typed
//! query prefixes, "ana" typed into an empty box, facet filters, the unfiltered list) at 1k, 10k
//! and 50k records.
//! Run: `cargo bench -p wjc-core` (or `make bench-native`). Budgets are checked by `make bench`.
//!
//! The records are the committed dataset's real people, repeated with deterministic variations
//! (names, country, status, occupations, arrest year), so search keys have realistic lengths and
//! facets realistic spreads; the same run always builds the same data.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion};
use wjc_core::query::{Index, Query, Sort};
use wjc_core::{CountryCode, Dataset, PartialDate, Status};

const SIZES: [usize; 3] = [1_000, 10_000, 50_000];
/// Queries typed letter by letter, as a visitor types them (one `run` per keystroke).
const TYPED: [&str; 3] = ["journalist", "belarus", "free speech"];
/// A short query of common letters, typed into an empty search box: nearly everyone matches
/// each keystroke, so counting and ordering the matches weigh most.
const COMMON: &str = "ana";
const SYLLABLES: [&str; 16] = [
    "an", "be", "ko", "mi", "ra", "sul", "tan", "vel", "zo", "or", "is", "ua", "den", "lo", "pha",
    "gri",
];

/// A small linear congruential generator: deterministic and enough to spread values.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        // The high bits are the well-mixed ones; `below` is small, so this fits.
        usize::try_from((self.0 >> 33) % below as u64).unwrap_or(0)
    }

    fn word(&mut self) -> String {
        let mut word: String = (0..2 + self.next(2))
            .map(|_| SYLLABLES[self.next(SYLLABLES.len())])
            .collect();
        word[..1].make_ascii_uppercase();
        word
    }
}

/// `count` people made from the committed dataset's records.
fn dataset(count: usize) -> Dataset {
    let text = include_str!("../../../assets/data/prisoners.json");
    let mut base = wjc_core::load(text)
        .expect("the committed dataset loads")
        .dataset;
    let countries: Vec<CountryCode> = CountryCode::all().take(120).collect();
    let occupations: Vec<String> = base
        .people
        .iter()
        .flat_map(|p| p.occupations.clone())
        .collect();
    let mut rng = Lcg(1);
    let originals = std::mem::take(&mut base.people);
    base.people = (0..count)
        .map(|i| {
            let mut person = originals[i % originals.len()].clone();
            person.id = format!("p{i}");
            person.name = format!("{} {}", rng.word(), rng.word());
            person.aliases.clear();
            // A few countries hold most people, as in real data.
            let spread = 1 + rng.next(countries.len());
            person.country = countries[rng.next(spread)];
            person.status = Status::ALL[rng.next(Status::ALL.len())];
            person.occupations = (0..=rng.next(2))
                .map(|_| occupations[rng.next(occupations.len())].clone())
                .collect();
            let year = u16::try_from(1990 + rng.next(35)).unwrap_or(2000);
            person.arrested = PartialDate::parse(&year.to_string());
            person
        })
        .collect();
    base
}

fn index_new(c: &mut Criterion) {
    let mut group = c.benchmark_group("Index::new");
    for size in SIZES {
        let data = dataset(size);
        group.bench_with_input(BenchmarkId::from_parameter(size), &data, |b, data| {
            b.iter(|| Index::new(black_box(data)));
        });
    }
    group.finish();
}

fn run(c: &mut Criterion) {
    let mut group = c.benchmark_group("Index::run");
    for size in SIZES {
        let data = dataset(size);
        let index = Index::new(&data);
        let everyone = index.run(&Query::default());
        // Facet filters as a visitor clicks them: the most common country, then a status, then
        // an occupation, each added to the previous ones.
        let mut clicks = Vec::new();
        let mut query = Query::default();
        if let Some((country, _)) = everyone.facets.countries.iter().max_by_key(|(_, n)| *n) {
            query.filters.countries.insert(*country);
            clicks.push(query.clone());
        }
        query.filters.statuses.insert(Status::Imprisoned);
        clicks.push(query.clone());
        if let Some((occupation, _)) = everyone.facets.occupations.first() {
            query.filters.occupations.insert(occupation.clone());
            clicks.push(query.clone());
        }
        let keystrokes: Vec<Query> = TYPED
            .iter()
            .flat_map(|text| {
                text.char_indices().map(|(i, ch)| Query {
                    text: text[..i + ch.len_utf8()].to_owned(),
                    ..Query::default()
                })
            })
            .collect();
        let sorted = Query {
            sort: Sort::TimeHeld,
            ..Query::default()
        };

        group.bench_function(BenchmarkId::new("everyone", size), |b| {
            b.iter(|| index.run(black_box(&Query::default())));
        });
        group.bench_function(BenchmarkId::new("everyone by time held", size), |b| {
            b.iter(|| index.run(black_box(&sorted)));
        });
        group.bench_function(
            BenchmarkId::new(format!("{} keystrokes", keystrokes.len()), size),
            |b| {
                b.iter(|| {
                    for query in &keystrokes {
                        black_box(index.run(black_box(query)));
                    }
                });
            },
        );
        let common: Vec<Query> = (1..=COMMON.len())
            .map(|end| Query {
                text: COMMON[..end].to_owned(),
                ..Query::default()
            })
            .collect();
        let before = Query {
            text: "journalist".into(),
            ..Query::default()
        };
        group.bench_function(BenchmarkId::new(format!("typing {COMMON}"), size), |b| {
            b.iter_batched(
                // Another search first (not measured), so that the first letter is searched
                // afresh, not found again among the last iteration's queries.
                || drop(index.run(&before)),
                |()| {
                    for query in &common {
                        black_box(index.run(black_box(query)));
                    }
                },
                BatchSize::PerIteration,
            );
        });
        group.bench_function(
            BenchmarkId::new(format!("{} facet clicks", clicks.len()), size),
            |b| {
                b.iter(|| {
                    for query in &clicks {
                        black_box(index.run(black_box(query)));
                    }
                });
            },
        );
    }
    group.finish();
}

criterion_group! {
    name = benches;
    // Short runs: these catch regressions; the budgets are checked in the browser by `make bench`.
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = index_new, run
}
criterion_main!(benches);
