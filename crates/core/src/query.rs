//! Search, filters, facet counts and sorting over a loaded dataset.
//!
//! [`Index::new`] folds every record's searchable text into a word index, numbers its filter
//! values and puts the records in every order, once. [`Index::run`] then answers a [`Query`]
//! with sets of records (bits, no allocation per record): those containing the search words
//! (from the word index, narrowing a recent query's matches when it can; see `search`) and
//! those each active filter lets through. From these come, for every filter option, how many
//! people it would show given the *other* active filters, and the matches, read off the
//! chosen order.

use crate::chosen::Chosen;

use crate::country::CountryCode;
use crate::date::PartialDate;
use crate::fold::{fold, fold_words};
use crate::model::{Dataset, Person, Status};
use crate::pace::{at_once, NoPause, Pause};
use crate::sorting;
use crate::text;

use bits::Bits;
use lists::Lists;
use search::SearchIndex;

mod bits;
mod lists;
mod search;
pub(crate) use search::WordMap;

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
    pub countries: Chosen<CountryCode>,
    /// Statuses.
    pub statuses: Chosen<Status>,
    /// Campaign ids.
    pub campaigns: Chosen<String>,
    /// Occupation tags.
    pub occupations: Chosen<String>,
    /// Only people a visitor can write to ([`Dataset::takes_letters`]).
    pub letters: bool,
}

impl Filters {
    /// True when no filter is active.
    pub fn is_empty(&self) -> bool {
        self.countries.is_empty()
            && self.statuses.is_empty()
            && self.campaigns.is_empty()
            && self.occupations.is_empty()
            && !self.letters
    }

    /// The map's choice of a country: choosing it lists only its people; choosing it again
    /// (when it is the only country chosen) lists everyone again.
    pub fn toggle_only_country(&mut self, country: CountryCode) {
        let only_this = self.countries.len() == 1 && self.countries.contains(&country);
        self.countries.clear();
        if !only_this {
            self.countries.insert(country);
        }
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
    /// How many of the people counted take letters; `None` when nobody on the list does (the
    /// filter is then not offered).
    pub letters: Option<usize>,
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

    /// How many people the map counts for `country` (matching every filter but the country
    /// one), and how they divide among the statuses; 0 and none for a country not in the data.
    pub fn country(
        &self,
        country: CountryCode,
    ) -> (usize, impl Iterator<Item = (Status, usize)> + '_) {
        let at = self.countries.iter().position(|(c, _)| *c == country);
        let total = at.map_or(0, |i| self.countries[i].1);
        // A position past the end has no statuses.
        (
            total,
            self.country_statuses(at.unwrap_or(self.countries.len())),
        )
    }

    /// The map's table: per country, in [`Facets::countries`] order, its total and its count
    /// in each status of `columns` (0 for a status it has nobody in).
    pub fn country_figures(&self, columns: &[Status]) -> Vec<CountryFigures> {
        self.countries
            .iter()
            .enumerate()
            .map(|(i, &(country, total))| {
                let per_status = columns
                    .iter()
                    .map(|s| {
                        self.country_statuses(i)
                            .find(|(status, _)| status == s)
                            .map_or(0, |(_, n)| n)
                    })
                    .collect();
                CountryFigures {
                    country,
                    total,
                    per_status,
                }
            })
            .collect()
    }
}

/// One row of the map's table: a country's figures under the current filters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountryFigures {
    /// The country.
    pub country: CountryCode,
    /// People counted for it (matching every filter but the country one).
    pub total: usize,
    /// Of them, how many are in each status column.
    pub per_status: Vec<usize>,
}

impl CountryFigures {
    /// The total (`None`) or a status column's count.
    pub fn figure(&self, column: Option<usize>) -> usize {
        column.map_or(self.total, |j| self.per_status.get(j).copied().unwrap_or(0))
    }
}

/// Precomputed search words, facet option positions and orders for one dataset.
#[derive(Clone, Debug)]
pub struct Index {
    search: SearchIndex,
    /// Per filter ([`COUNTRY`], [`STATUS`], [`CAMPAIGN`], [`OCCUPATION`], [`LETTERS`]), per
    /// record, the positions of its values in that filter's option list below.
    values: [Lists; FILTERS],
    /// Every record, in each order of [`Sort::ALL`].
    orders: [Vec<usize>; 4],
    country_options: Vec<CountryCode>,
    status_options: Vec<Status>,
    campaign_options: Vec<String>,
    occupation_options: Vec<String>,
    /// Whether anybody takes letters: the letters filter's one option ("yes"), or none.
    letters: bool,
}

/// The filters, as numbered in [`Index`]'s values.
const COUNTRY: usize = 0;
const STATUS: usize = 1;
const CAMPAIGN: usize = 2;
const OCCUPATION: usize = 3;
const LETTERS: usize = 4;
const FILTERS: usize = 5;

impl Index {
    /// Folds every record's searchable text, numbers its filter values and puts the records in
    /// every order; done once per dataset.
    pub fn new(dataset: &Dataset) -> Self {
        at_once(Self::build(dataset, &mut NoPause))
    }

    /// [`Index::new`], pausing every [`crate::pace::SLICE`] records and between its steps.
    pub async fn build(dataset: &Dataset, pause: &mut impl Pause) -> Self {
        let people = &dataset.people;
        // Plain vectors: a B-tree set collected here would bring its own copy of a sort.
        let mut country_options: Vec<CountryCode> = people.iter().map(|p| p.country).collect();
        sorting::sort(&mut country_options);
        country_options.dedup();
        sorting::sort_by_cached_key(&mut country_options, |c| fold(c.name()));
        let present: Vec<Status> = people.iter().map(|p| p.status).collect();
        let status_options: Vec<Status> = Status::ALL
            .iter()
            .copied()
            .filter(|s| present.contains(s))
            .collect();
        let campaign_options: Vec<String> =
            dataset.campaigns.iter().map(|c| c.id.clone()).collect();
        let mut occupation_counts: WordMap<usize> = WordMap::default();
        for occupation in people.iter().flat_map(|p| &p.occupations) {
            match occupation_counts.get_mut(occupation.as_str()) {
                Some(count) => *count += 1,
                None => {
                    occupation_counts.insert(occupation.as_str().into(), 1);
                }
            }
        }
        let mut occupation_options: Vec<String> = occupation_counts
            .keys()
            .map(|o| String::from(&**o))
            .collect();
        sorting::sort_by(&mut occupation_options, |a, b| {
            occupation_counts[b.as_str()]
                .cmp(&occupation_counts[a.as_str()])
                .then_with(|| a.cmp(b))
        });

        let campaign_at = position_of(&campaign_options);
        let occupation_at = position_of(&occupation_options);
        // Each option's position, by the country's place in the ISO list (no map type of its
        // own to download).
        let mut country_at = vec![0; CountryCode::COUNT];
        for (i, c) in country_options.iter().enumerate() {
            country_at[c.number()] = i;
        }
        let country: Vec<usize> = people
            .iter()
            .map(|p| country_at[p.country.number()])
            .collect();
        let mut values: [Lists; FILTERS] = Default::default();
        for (p, &country) in people.iter().zip(&country) {
            values[LETTERS].push(dataset.takes_letters(p).then_some(0));
            values[COUNTRY].push([country]);
            values[STATUS].push(status_options.iter().position(|s| *s == p.status));
            values[CAMPAIGN].push(
                p.campaigns
                    .iter()
                    .filter_map(|c| campaign_at.get(c.as_str()).copied()),
            );
            values[OCCUPATION].push(
                p.occupations
                    .iter()
                    .filter_map(|o| occupation_at.get(o.as_str()).copied()),
            );
        }
        pause.pause().await;
        let search = SearchIndex::build(people, pause).await;
        pause.pause().await;
        Self {
            search,
            orders: orders(people, &country),
            letters: values[LETTERS].total() > 0,
            values,
            country_options,
            status_options,
            campaign_options,
            occupation_options,
        }
    }

    /// Answers `query` over the dataset this index was built from.
    pub fn run(&self, query: &Query) -> Outcome {
        let found = self.found(&fold_words(&query.text));
        let passing = self.passing(&query.filters);
        let facets = self.facets(&found, &passing);
        let mut shown = found;
        for set in passing.iter().flatten() {
            shown.and(set);
        }
        // The order is kept for every record: the matches are read off it, never sorted.
        let mut matches = Vec::with_capacity(shown.count());
        for &record in &self.orders[query.sort as usize] {
            if shown.contains(record) {
                matches.push(record);
            }
        }
        Outcome { matches, facets }
    }

    /// The records matching every one of the search `words`: in their text, or by the name of
    /// their country or status in the language spoken now ([`text::country_name`]), so "Irán"
    /// and "Беларусь" find the people held there as "Iran" and "Belarus" do.
    fn found(&self, words: &[String]) -> Bits {
        let named = |word: &str, filter: usize, names: &mut dyn Iterator<Item = String>| {
            let hits: Vec<usize> = names
                .enumerate()
                .filter(|(_, name)| fold(name).contains(word))
                .map(|(at, _)| at)
                .collect();
            (!hits.is_empty()).then_some((filter, hits))
        };
        let by_name: Vec<Vec<(usize, Vec<usize>)>> = words
            .iter()
            .map(|word| {
                let countries = self.country_options.iter().map(|&c| text::country_name(c));
                let statuses = self.status_options.iter().map(|&s| text::status_label(s));
                [
                    named(word, COUNTRY, &mut { countries }),
                    named(word, STATUS, &mut { statuses }),
                ]
                .into_iter()
                .flatten()
                .collect()
            })
            .collect();
        if by_name.iter().all(Vec::is_empty) {
            return self.search.matches(words);
        }
        let mut found = Bits::full(self.orders[0].len());
        for (word, names) in words.iter().zip(&by_name) {
            let mut matching = self.search.matches(std::slice::from_ref(word));
            for (filter, options) in names {
                for record in 0..self.orders[0].len() {
                    if self.values[*filter]
                        .get(record)
                        .iter()
                        .any(|o| options.contains(o))
                    {
                        matching.insert(record);
                    }
                }
            }
            found.and(&matching);
        }
        found
    }

    /// The counts for every filter option among the `found` records, `passing` the filters.
    fn facets(&self, found: &Bits, passing: &[Option<Bits>; FILTERS]) -> Facets {
        let mut counts = [
            self.country_options.len(),
            self.status_options.len(),
            self.campaign_options.len(),
            self.occupation_options.len(),
            usize::from(self.letters),
        ]
        .map(|options| vec![0; options]);
        let width = self.status_options.len();
        let mut country_statuses = vec![0; self.country_options.len() * width];
        for (filter, counts) in counts.iter_mut().enumerate() {
            // A record failing this filter only would show if one of its options here were
            // chosen, so it counts here (and only here) with those passing every filter.
            let mut counted = found.clone();
            let others = passing.iter().enumerate().filter(|&(f, _)| f != filter);
            for set in others.filter_map(|(_, set)| set.as_ref()) {
                counted.and(set);
            }
            // Slices, not `Vec`s: indexing them is inlined in the browser's size-optimised build.
            let counts = counts.as_mut_slice();
            let values = &self.values[filter];
            for record in counted.iter() {
                for &option in values.get(record) {
                    counts[option] += 1;
                }
            }
            if filter == COUNTRY {
                let country_statuses = country_statuses.as_mut_slice();
                for record in counted.iter() {
                    let statuses = self.values[STATUS].get(record);
                    for (&country, &status) in values.get(record).iter().zip(statuses) {
                        country_statuses[country * width + status] += 1;
                    }
                }
            }
        }
        let [countries, statuses, campaigns, occupations, letters] = counts;
        let zip = |options: &[String], counts| options.iter().cloned().zip(counts).collect();
        Facets {
            countries: self
                .country_options
                .iter()
                .copied()
                .zip(countries)
                .collect(),
            statuses: self.status_options.iter().copied().zip(statuses).collect(),
            campaigns: zip(&self.campaign_options, campaigns),
            occupations: zip(&self.occupation_options, occupations),
            letters: letters.first().copied(),
            country_statuses,
        }
    }

    /// Per filter, the records it lets through, or `None` when it is off.
    fn passing(&self, filters: &Filters) -> [Option<Bits>; FILTERS] {
        /// Which options are chosen; `None` when none is (or there are no options).
        fn chosen<T: Ord>(options: &[T], selected: &Chosen<T>) -> Option<Vec<bool>> {
            (!selected.is_empty() && !options.is_empty())
                .then(|| options.iter().map(|o| selected.contains(o)).collect())
        }
        let chosen = [
            chosen(&self.country_options, &filters.countries),
            chosen(&self.status_options, &filters.statuses),
            chosen(&self.campaign_options, &filters.campaigns),
            chosen(&self.occupation_options, &filters.occupations),
            // Asked for on a list where nobody takes letters (an old link), it shows nobody.
            filters
                .letters
                .then(|| vec![true; usize::from(self.letters)]),
        ];
        std::array::from_fn(|filter| {
            let values = &self.values[filter];
            chosen[filter].as_ref().map(|chosen| {
                let mut passing = Bits::empty(values.len());
                for record in 0..values.len() {
                    if values.get(record).iter().any(|&option| chosen[option]) {
                        passing.insert(record);
                    }
                }
                passing
            })
        })
    }
}

/// Each option's position in `options`.
fn position_of(options: &[String]) -> WordMap<usize> {
    options
        .iter()
        .enumerate()
        .map(|(i, o)| (o.as_str().into(), i))
        .collect()
}

/// Every record in each order of [`Sort::ALL`]; ties are broken by name, then by position.
fn orders(people: &[Person], country: &[usize]) -> [Vec<usize>; 4] {
    let names: Vec<String> = people.iter().map(|p| fold(&p.name)).collect();
    // Stable: equal names keep their records' order.
    let by_name = sorting::order_by(people.len(), &|a, b| names[a].cmp(&names[b]));
    let mut name_rank = vec![0; people.len()];
    for (rank, &record) in by_name.iter().enumerate() {
        name_rank[record] = rank;
    }
    // Each order as a number per record, then the name; unknowns last (`usize::MAX`).
    let then_by_name = |key: &dyn Fn(&Person, usize) -> usize| -> Vec<usize> {
        sorted(
            people
                .iter()
                .enumerate()
                .map(|(i, p)| (key(p, i), name_rank[i])),
        )
        .into_iter()
        .map(|rank| by_name[rank])
        .collect()
    };
    let date = |date: PartialDate| date.sort_key() as usize;
    let by_country = then_by_name(&|_, i| country[i]);
    let newest_arrest_first =
        then_by_name(&|p, _| p.arrested.map_or(usize::MAX, |d| usize::MAX - 1 - date(d)));
    let longest_held_first = then_by_name(&|p, _| match p.arrested {
        Some(d) if p.status.is_held() => date(d),
        _ => usize::MAX,
    });
    [by_name, by_country, newest_arrest_first, longest_held_first]
}

/// `(key, value)` pairs sorted by key then value, the values in that order (through the app's
/// one sort, `crate::sorting`: each instantiation of a sort adds code to the browser's download).
fn sorted(pairs: impl Iterator<Item = (usize, usize)>) -> Vec<usize> {
    let mut pairs: Vec<(usize, usize)> = pairs.collect();
    sorting::sort(&mut pairs);
    pairs.into_iter().map(|(_, value)| value).collect()
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
    let mut countries = Vec::new();
    let mut totals = Totals::default();
    for person in people {
        totals.people += 1;
        countries.push(person.country);
        totals.held += usize::from(person.status.is_held());
        totals.released += usize::from(person.status == Status::Released);
    }
    sorting::sort(&mut countries);
    countries.dedup();
    totals.countries = countries.len();
    totals
}

/// The people before and after `position` in a result list, for previous/next links.
pub fn neighbours(matches: &[usize], position: usize) -> (Option<usize>, Option<usize>) {
    around(matches, matches.iter().position(|&m| m == position))
}

/// The people before and after the one at `rank` in a result list (none when `rank` is `None`),
/// for a caller that knows where the person is without searching the list.
pub fn around(matches: &[usize], rank: Option<usize>) -> (Option<usize>, Option<usize>) {
    match rank {
        Some(i) => (
            i.checked_sub(1).and_then(|j| matches.get(j).copied()),
            matches.get(i + 1).copied(),
        ),
        None => (None, None),
    }
}

#[cfg(test)]
pub(crate) mod tests;
