//! Search, filters, facet counts and sorting over a loaded dataset.
//!
//! [`Index::new`] folds every record's searchable text once; [`Index::run`] then answers a
//! [`Query`] in one pass over the records, producing the matching people in the chosen order and,
//! for every filter option, how many people it would show given the *other* active filters.

use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};

use crate::country::CountryCode;
use crate::fold::{fold, fold_words};
use crate::model::{Dataset, Person, Status};

/// What the visitor asked for: search text, filters and order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Free text, matched against names, aliases, country, occupations, charges and story.
    pub text: String,
    /// Multi-select filters; empty means "any".
    pub filters: Filters,
    /// The order of the results.
    pub sort: Sort,
}

/// Multi-select filters: within one filter any selected value matches, across filters all must.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// States holding the person.
    pub countries: BTreeSet<CountryCode>,
    /// Statuses.
    pub statuses: BTreeSet<Status>,
    /// Campaign ids.
    pub campaigns: BTreeSet<String>,
    /// Occupation tags.
    pub occupations: BTreeSet<String>,
}

impl Filters {
    /// True when no filter is active.
    pub fn is_empty(&self) -> bool {
        self.countries.is_empty()
            && self.statuses.is_empty()
            && self.campaigns.is_empty()
            && self.occupations.is_empty()
    }
}

/// The orders results can be shown in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// By name, A to Z.
    #[default]
    Name,
    /// By country name, then name.
    Country,
    /// Most recent arrest first; unknown dates last.
    Arrested,
    /// Longest held first (people still held, by arrest date); others last.
    TimeHeld,
}

impl Sort {
    /// Every order, as offered to visitors.
    pub const ALL: &'static [Self] = &[Self::Name, Self::Country, Self::Arrested, Self::TimeHeld];

    /// The order's name in URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Country => "country",
            Self::Arrested => "arrested",
            Self::TimeHeld => "held",
        }
    }

    /// Reads an order's URL name.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|s| s.as_str() == text)
    }
}

/// The answer to a query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Positions in `Dataset::people` of the matching people, in the requested order.
    pub matches: Vec<usize>,
    /// Counts for every filter option.
    pub facets: Facets,
}

/// For each option of each filter, how many people it would show given the other filters and
/// the search text. Options are every value present in the dataset, in display order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    /// Countries, by name.
    pub countries: Vec<(CountryCode, usize)>,
    /// Statuses present in the data, in [`Status::ALL`] order.
    pub statuses: Vec<(Status, usize)>,
    /// Campaign ids, in the dataset's order.
    pub campaigns: Vec<(String, usize)>,
    /// Occupations, most common in the whole dataset first.
    pub occupations: Vec<(String, usize)>,
    /// For the map: per country (in `countries` order), per status (in `statuses` order), how
    /// many people match every filter except the country one. Read it with
    /// [`Facets::country_statuses`].
    country_statuses: Vec<usize>,
}

impl Facets {
    /// How the people counted for the country at `country` (a position in
    /// [`Facets::countries`]) divide among the statuses, leaving out statuses with nobody.
    pub fn country_statuses(&self, country: usize) -> impl Iterator<Item = (Status, usize)> + '_ {
        let width = self.statuses.len();
        self.country_statuses
            .get(country * width..(country + 1) * width)
            .unwrap_or_default()
            .iter()
            .zip(&self.statuses)
            .filter(|(n, _)| **n > 0)
            .map(|(n, (status, _))| (*status, *n))
    }
}

/// Precomputed search keys, facet option positions and sort keys for one dataset.
#[derive(Clone, Debug)]
pub struct Index {
    keys: Vec<String>,
    name_keys: Vec<String>,
    /// Per record, the position of each of its values in the option lists below.
    values: Vec<RecordValues>,
    country_options: Vec<CountryCode>,
    status_options: Vec<Status>,
    campaign_options: Vec<String>,
    occupation_options: Vec<String>,
}

#[derive(Clone, Debug)]
struct RecordValues {
    country: usize,
    status: usize,
    campaigns: Vec<usize>,
    occupations: Vec<usize>,
}

impl Index {
    /// Folds every record's searchable text and numbers its filter values; done once per dataset.
    pub fn new(dataset: &Dataset) -> Self {
        let people = &dataset.people;
        let mut country_options: Vec<CountryCode> = people
            .iter()
            .map(|p| p.country)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        country_options.sort_by_cached_key(|c| fold(c.name()));
        let present: BTreeSet<Status> = people.iter().map(|p| p.status).collect();
        let status_options: Vec<Status> = Status::ALL
            .iter()
            .copied()
            .filter(|s| present.contains(s))
            .collect();
        let campaign_options: Vec<String> =
            dataset.campaigns.iter().map(|c| c.id.clone()).collect();
        let mut occupation_counts: HashMap<&str, usize> = HashMap::new();
        for occupation in people.iter().flat_map(|p| &p.occupations) {
            *occupation_counts.entry(occupation).or_default() += 1;
        }
        let mut occupation_options: Vec<String> =
            occupation_counts.keys().map(|o| (*o).to_owned()).collect();
        occupation_options.sort_by(|a, b| {
            occupation_counts[b.as_str()]
                .cmp(&occupation_counts[a.as_str()])
                .then_with(|| a.cmp(b))
        });

        let position_of = |options: &[String]| -> HashMap<String, usize> {
            options
                .iter()
                .enumerate()
                .map(|(i, o)| (o.clone(), i))
                .collect()
        };
        let campaign_at = position_of(&campaign_options);
        let occupation_at = position_of(&occupation_options);
        let country_at: HashMap<CountryCode, usize> = country_options
            .iter()
            .enumerate()
            .map(|(i, c)| (*c, i))
            .collect();
        let values = people
            .iter()
            .map(|p| RecordValues {
                country: country_at[&p.country],
                status: status_options
                    .iter()
                    .position(|s| *s == p.status)
                    .unwrap_or(0),
                campaigns: p
                    .campaigns
                    .iter()
                    .filter_map(|c| campaign_at.get(c).copied())
                    .collect(),
                occupations: p
                    .occupations
                    .iter()
                    .filter_map(|o| occupation_at.get(o).copied())
                    .collect(),
            })
            .collect();
        Self {
            keys: people.iter().map(search_key).collect(),
            name_keys: people.iter().map(|p| fold(&p.name)).collect(),
            values,
            country_options,
            status_options,
            campaign_options,
            occupation_options,
        }
    }

    /// Answers `query` over `dataset` (the one this index was built from).
    pub fn run(&self, dataset: &Dataset, query: &Query) -> Outcome {
        let words = fold_words(&query.text);
        let selected = Selected::new(self, &query.filters);
        let mut tally = Tally::new(self);
        let mut matches = Vec::new();
        for (i, values) in self.values.iter().enumerate() {
            if !words.iter().all(|w| self.keys[i].contains(w.as_str())) {
                continue;
            }
            let passes = selected.passes(values);
            match passes.iter().filter(|p| !**p).count() {
                0 => {
                    matches.push(i);
                    tally.add_all(values);
                }
                // A record failing exactly one filter would show if one of its options there were
                // chosen, so it counts towards that filter's options only.
                1 => tally.add_one(passes.iter().position(|p| !*p).unwrap_or(0), values),
                _ => {}
            }
        }
        self.sort(dataset, &mut matches, query.sort);
        Outcome {
            matches,
            facets: tally.into_facets(self),
        }
    }

    fn sort(&self, dataset: &Dataset, matches: &mut [usize], sort: Sort) {
        let people = &dataset.people;
        let by_name = |a: &usize, b: &usize| self.name_keys[*a].cmp(&self.name_keys[*b]);
        match sort {
            Sort::Name => matches.sort_by(by_name),
            Sort::Country => matches.sort_by(|a, b| {
                self.values[*a]
                    .country
                    .cmp(&self.values[*b].country)
                    .then_with(|| by_name(a, b))
            }),
            Sort::Arrested => matches.sort_by(|a, b| {
                let key = |i: &usize| people[*i].arrested.map(|d| d.sort_key());
                newest_first_unknown_last(key(a), key(b)).then_with(|| by_name(a, b))
            }),
            Sort::TimeHeld => {
                matches.sort_by(|a, b| {
                    held_since(&people[*a])
                        .cmp(&held_since(&people[*b]))
                        .then_with(|| by_name(a, b))
                });
            }
        }
    }
}

/// Headline numbers for a list of people.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// People listed.
    pub people: usize,
    /// Distinct countries holding them.
    pub countries: usize,
    /// People held now, as far as the sources know (detained, imprisoned, house arrest, disappeared).
    pub held: usize,
    /// People released.
    pub released: usize,
}

/// Counts the headline numbers for `people`.
pub fn totals<'a>(people: impl IntoIterator<Item = &'a Person>) -> Totals {
    let mut countries = BTreeSet::new();
    let mut totals = Totals::default();
    for person in people {
        totals.people += 1;
        countries.insert(person.country);
        totals.held += usize::from(person.status.is_held());
        totals.released += usize::from(person.status == Status::Released);
    }
    totals.countries = countries.len();
    totals
}

/// The people before and after `position` in a result list, for previous/next links.
pub fn neighbours(matches: &[usize], position: usize) -> (Option<usize>, Option<usize>) {
    match matches.iter().position(|&m| m == position) {
        Some(i) => (
            i.checked_sub(1).map(|j| matches[j]),
            matches.get(i + 1).copied(),
        ),
        None => (None, None),
    }
}

/// Sort key for "time held": people still held with a known arrest date, earliest first; then
/// everyone else.
fn held_since(person: &Person) -> (bool, u32) {
    match person.arrested {
        Some(date) if person.status.is_held() => (false, date.sort_key()),
        _ => (true, 0),
    }
}

fn newest_first_unknown_last(a: Option<u32>, b: Option<u32>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.cmp(&a),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Everything a visitor may search a person by, folded.
fn search_key(person: &Person) -> String {
    let parts: Vec<&str> = [
        person.name.as_str(),
        person.country.name(),
        person.summary.as_str(),
        person.story.as_str(),
    ]
    .into_iter()
    .chain(person.aliases.iter().map(String::as_str))
    .chain(person.native_name.as_deref())
    .chain(person.location.as_deref())
    .chain(person.occupations.iter().map(String::as_str))
    .chain(person.charges.iter().map(String::as_str))
    .collect();
    fold(&parts.join(" "))
}

/// The active filters as option positions; an empty list means the filter is off.
struct Selected {
    countries: Vec<bool>,
    statuses: Vec<bool>,
    campaigns: Vec<bool>,
    occupations: Vec<bool>,
}

impl Selected {
    fn new(index: &Index, filters: &Filters) -> Self {
        fn marks<T>(options: &[T], on: impl Fn(&T) -> bool, active: bool) -> Vec<bool> {
            if active {
                options.iter().map(on).collect()
            } else {
                Vec::new()
            }
        }
        Self {
            countries: marks(
                &index.country_options,
                |c| filters.countries.contains(c),
                !filters.countries.is_empty(),
            ),
            statuses: marks(
                &index.status_options,
                |s| filters.statuses.contains(s),
                !filters.statuses.is_empty(),
            ),
            campaigns: marks(
                &index.campaign_options,
                |c| filters.campaigns.contains(c),
                !filters.campaigns.is_empty(),
            ),
            occupations: marks(
                &index.occupation_options,
                |o| filters.occupations.contains(o),
                !filters.occupations.is_empty(),
            ),
        }
    }

    /// Whether the record passes each filter: country, status, campaign, occupation.
    fn passes(&self, values: &RecordValues) -> [bool; 4] {
        let any = |marks: &[bool], of: &[usize]| marks.is_empty() || of.iter().any(|&i| marks[i]);
        [
            any(&self.countries, &[values.country]),
            any(&self.statuses, &[values.status]),
            any(&self.campaigns, &values.campaigns),
            any(&self.occupations, &values.occupations),
        ]
    }
}

struct Tally {
    countries: Vec<usize>,
    /// Country-major, one row of status counts per country.
    country_statuses: Vec<usize>,
    statuses: Vec<usize>,
    campaigns: Vec<usize>,
    occupations: Vec<usize>,
}

impl Tally {
    fn new(index: &Index) -> Self {
        Self {
            countries: vec![0; index.country_options.len()],
            country_statuses: vec![0; index.country_options.len() * index.status_options.len()],
            statuses: vec![0; index.status_options.len()],
            campaigns: vec![0; index.campaign_options.len()],
            occupations: vec![0; index.occupation_options.len()],
        }
    }

    fn add_all(&mut self, values: &RecordValues) {
        (0..4).for_each(|filter| self.add_one(filter, values));
    }

    fn add_one(&mut self, filter: usize, values: &RecordValues) {
        match filter {
            0 => {
                self.countries[values.country] += 1;
                let width = self.statuses.len();
                self.country_statuses[values.country * width + values.status] += 1;
            }
            1 => self.statuses[values.status] += 1,
            2 => values
                .campaigns
                .iter()
                .for_each(|&i| self.campaigns[i] += 1),
            _ => values
                .occupations
                .iter()
                .for_each(|&i| self.occupations[i] += 1),
        }
    }

    fn into_facets(self, index: &Index) -> Facets {
        fn zip<T: Clone>(options: &[T], counts: Vec<usize>) -> Vec<(T, usize)> {
            options.iter().cloned().zip(counts).collect()
        }
        Facets {
            countries: zip(&index.country_options, self.countries),
            statuses: zip(&index.status_options, self.statuses),
            campaigns: zip(&index.campaign_options, self.campaigns),
            occupations: zip(&index.occupation_options, self.occupations),
            country_statuses: self.country_statuses,
        }
    }
}

#[cfg(test)]
mod tests;
