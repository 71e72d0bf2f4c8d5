//! The list's filters, each defined once: its key in addresses and the widget's attributes, its
//! words, how its values are read into a [`Filters`] and written back, how its options and
//! counts come out of the [`Facets`]. The URL state ([`crate::url_state`]), the widget's settings
//! ([`crate::embed`]) and the app's filter panel all go through [`Filter::ALL`], so a new filter
//! is one more variant here (the compiler then asks for its arm in every `match` below) and its
//! words in [`crate::text`].

use crate::model::Dataset;
use crate::query::{Facets, Filters};
use crate::text::{self, ui, Label};
use crate::{CountryCode, Status};

/// One of the list's filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    /// Where a person is held (ISO country codes).
    Country,
    /// Imprisoned, detained, released …
    Status,
    /// The campaigns listing a person (the dataset's campaign ids).
    Campaign,
    /// What a person did (the data's own words).
    Occupation,
    /// Only the people a visitor can write to: one option, offered when anybody on the list
    /// takes letters ([`Dataset::takes_letters`]).
    Letters,
}

/// The letters filter's one value, as addresses and attributes write it (`letters=yes`).
const YES: &str = "yes";

impl Filter {
    /// Every filter, in the order addresses and the widget's snippets write them.
    pub const ALL: [Self; 5] = [
        Self::Country,
        Self::Status,
        Self::Campaign,
        Self::Occupation,
        Self::Letters,
    ];

    /// The filter written as `key`.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.key() == key)
    }

    /// Its key in the page's address (`#/?country=BY`), in the widget's attributes
    /// (`country="BY"`) and in the panel's element ids.
    pub fn key(self) -> &'static str {
        match self {
            Self::Country => "country",
            Self::Status => "status",
            Self::Campaign => "campaign",
            Self::Occupation => "occupation",
            Self::Letters => "letters",
        }
    }

    /// Whether a partner can preset it on a widget (an attribute of `<wjc-widget>`).
    pub fn in_widget(self) -> bool {
        match self {
            Self::Country | Self::Status | Self::Campaign | Self::Letters => true,
            // Occupations are the data's own words, too many and too changeable to preset.
            Self::Occupation => false,
        }
    }

    /// Its place in the filter panel, first at 0.
    pub fn panel_place(self) -> usize {
        match self {
            Self::Status => 0,
            Self::Letters => 1,
            Self::Country => 2,
            Self::Occupation => 3,
            Self::Campaign => 4,
        }
    }

    /// The filters in the panel's order.
    pub fn in_panel_order() -> [Self; 5] {
        let mut panel = Self::ALL;
        for filter in Self::ALL {
            panel[filter.panel_place()] = filter;
        }
        panel
    }

    /// Whether the panel shows its options before it is opened (only the short status list and
    /// the letters filter's one option, so the panel stays short).
    pub fn starts_open(self) -> bool {
        matches!(self, Self::Status | Self::Letters)
    }

    /// Its title in the panel.
    pub fn title(self) -> Label {
        match self {
            Self::Country => ui::FILTER_COUNTRY,
            Self::Status => ui::FILTER_STATUS,
            Self::Campaign => ui::FILTER_CAMPAIGN,
            Self::Occupation => ui::FILTER_OCCUPATION,
            Self::Letters => ui::FILTER_LETTERS,
        }
    }

    /// The label of its find box; `None` for a filter that never has more than one option, so
    /// never a long list to find in (nor its "show all" and "found" messages).
    pub fn find_label(self) -> Option<Label> {
        match self {
            Self::Country => Some(ui::FIND_COUNTRY),
            Self::Status => Some(ui::FIND_STATUS),
            Self::Campaign => Some(ui::FIND_CAMPAIGN),
            Self::Occupation => Some(ui::FIND_OCCUPATION),
            Self::Letters => None,
        }
    }

    /// What a widget's console warning says it expected, for a value [`Filter::add`] refused.
    pub fn expected(self) -> &'static str {
        match self {
            Self::Country => {
                "expected two-letter country codes such as BY or CN, separated by commas"
            }
            Self::Status => {
                "expected statuses such as imprisoned, detained, house_arrest, disappeared, released, exiled, died_in_custody or unknown, separated by commas"
            }
            // Every value is taken (an unknown one matches nobody), so this is never shown.
            Self::Campaign => "expected campaign ids, separated by commas",
            Self::Occupation => "expected occupations, separated by commas",
            Self::Letters => "expected yes",
        }
    }

    /// Chooses `value` (as written in an address or an attribute, any case for codes);
    /// `false` when it is not a value of this filter, and nothing changes.
    pub fn add(self, filters: &mut Filters, value: &str) -> bool {
        match self {
            Self::Country => CountryCode::parse(&value.to_ascii_uppercase())
                .map(|c| filters.countries.insert(c))
                .is_some(),
            Self::Status => Status::parse(&value.to_ascii_lowercase())
                .map(|s| filters.statuses.insert(s))
                .is_some(),
            // Campaigns and occupations are the dataset's own: an unknown one matches nobody.
            Self::Campaign => {
                filters.campaigns.insert(value.to_owned());
                true
            }
            Self::Occupation => {
                filters.occupations.insert(value.to_owned());
                true
            }
            Self::Letters => {
                let yes = value.eq_ignore_ascii_case(YES);
                filters.letters |= yes;
                yes
            }
        }
    }

    /// Unchooses `value`.
    pub fn remove(self, filters: &mut Filters, value: &str) {
        // Through `clear` and `add`, so each filter says only how its values are read.
        let kept: Vec<String> = self
            .values(filters)
            .into_iter()
            .filter(|v| *v != value)
            .map(str::to_owned)
            .collect();
        self.clear(filters);
        for value in &kept {
            self.add(filters, value);
        }
    }

    /// Unchooses every value.
    pub fn clear(self, filters: &mut Filters) {
        match self {
            Self::Country => filters.countries.clear(),
            Self::Status => filters.statuses.clear(),
            Self::Campaign => filters.campaigns.clear(),
            Self::Occupation => filters.occupations.clear(),
            Self::Letters => filters.letters = false,
        }
    }

    /// The chosen values as written in addresses and attributes, in order.
    pub fn values(self, filters: &Filters) -> Vec<&str> {
        match self {
            Self::Country => filters.countries.iter().map(CountryCode::as_str).collect(),
            Self::Status => filters.statuses.iter().map(|s| s.as_str()).collect(),
            Self::Campaign => filters.campaigns.iter().map(String::as_str).collect(),
            Self::Occupation => filters.occupations.iter().map(String::as_str).collect(),
            Self::Letters => filters.letters.then_some(YES).into_iter().collect(),
        }
    }

    /// How many values are chosen.
    pub fn chosen(self, filters: &Filters) -> usize {
        match self {
            Self::Country => filters.countries.len(),
            Self::Status => filters.statuses.len(),
            Self::Campaign => filters.campaigns.len(),
            Self::Occupation => filters.occupations.len(),
            Self::Letters => usize::from(filters.letters),
        }
    }

    /// Every value of the data with its count under the current query, in the order the
    /// filter lists them (see [`Facets`]).
    pub fn counts(self, facets: &Facets) -> Vec<(&str, usize)> {
        match self {
            Self::Country => facets
                .countries
                .iter()
                .map(|(c, n)| (c.as_str(), *n))
                .collect(),
            Self::Status => facets
                .statuses
                .iter()
                .map(|(s, n)| (s.as_str(), *n))
                .collect(),
            Self::Campaign => facets
                .campaigns
                .iter()
                .map(|(c, n)| (c.as_str(), *n))
                .collect(),
            Self::Occupation => facets
                .occupations
                .iter()
                .map(|(o, n)| (o.as_str(), *n))
                .collect(),
            Self::Letters => facets.letters.map(|n| (YES, n)).into_iter().collect(),
        }
    }

    /// How a value is shown: a country's name, a status's label, a campaign's title.
    pub fn label(self, value: &str, dataset: &Dataset) -> String {
        match self {
            Self::Country => {
                CountryCode::parse(value).map_or_else(|| value.to_owned(), text::country_name)
            }
            Self::Status => {
                Status::parse(value).map_or_else(|| value.to_owned(), text::status_label)
            }
            Self::Campaign => dataset
                .campaign(value)
                .map_or_else(|| value.to_owned(), |c| c.title.clone()),
            Self::Occupation => value.to_owned(),
            Self::Letters => ui::LETTERS_OPTION.text(),
        }
    }

    /// Every option as `(value, label)`, in the order the filter lists them. The options are
    /// every value in the data whatever the query, so this is read once per dataset.
    pub fn options(self, facets: &Facets, dataset: &Dataset) -> Vec<(String, String)> {
        let mut options: Vec<(String, String)> = self
            .counts(facets)
            .into_iter()
            .map(|(value, _)| (value.to_owned(), self.label(value, dataset)))
            .collect();
        if self == Self::Country {
            // By their names in the language spoken, as a reader looks for them.
            options.sort_by_cached_key(|(_, name)| crate::fold::fold(name));
        }
        options
    }

    /// Each option's count under the current query and whether it is chosen, in the order of
    /// `options` ([`Filter::options`]); options the query does not count are 0.
    pub fn figures(
        self,
        facets: &Facets,
        filters: &Filters,
        options: &[(String, String)],
    ) -> Vec<(usize, bool)> {
        let chosen = self.values(filters);
        let mut out = vec![(0, false); options.len()];
        for (i, (value, count)) in self.counts(facets).into_iter().enumerate() {
            // The facets list every value of the data in one order, so `i` is the option's
            // place; it is looked up should that ever change.
            let at = if options.get(i).is_some_and(|o| o.0 == value) {
                Some(i)
            } else {
                options.iter().position(|o| o.0 == value)
            };
            if let Some(at) = at {
                out[at] = (count, chosen.contains(&value));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embed::{attribute_names, Settings};
    use crate::query::{tests::dataset, Filters, Index, Query};
    use crate::url_state::{parse, to_fragment, ViewState};

    /// A value of each filter that the test dataset has.
    fn a_value(filter: Filter) -> &'static str {
        match filter {
            Filter::Country => "NI",
            Filter::Status => "released",
            Filter::Campaign => "poc",
            Filter::Occupation => "journalist",
            Filter::Letters => "yes",
        }
    }

    #[test]
    fn every_filter_has_its_own_key_words_and_panel_place() {
        let keys: Vec<&str> = Filter::ALL.iter().map(|f| f.key()).collect();
        for (i, filter) in Filter::ALL.into_iter().enumerate() {
            assert_eq!(Filter::from_key(filter.key()), Some(filter));
            assert!(
                !keys[..i].contains(&filter.key()),
                "{filter:?}'s key is taken"
            );
            // Its words are in the catalogue (a missing message reads as its key); those of a
            // long list only for a filter that can have one.
            let key = filter.key();
            let mut words = vec![(filter.title().0, filter.title().text())];
            if let Some(find) = filter.find_label() {
                words.extend([
                    (find.0, find.text()),
                    ("show-all", text::show_all_options(key, 2)),
                    ("show-fewer", text::show_fewer_options(key)),
                    ("found", text::options_found(key, 1, 2)),
                ]);
            }
            for (message, words) in words {
                assert!(
                    !words.is_empty() && !words.starts_with("filter."),
                    "{key}: {message}"
                );
                assert_ne!(words, message, "{key}");
            }
        }
        let mut places: Vec<usize> = Filter::ALL.iter().map(|f| f.panel_place()).collect();
        places.sort_unstable();
        assert_eq!(places, (0..Filter::ALL.len()).collect::<Vec<_>>());
        assert_eq!(Filter::in_panel_order()[0], Filter::Status);
    }

    /// The test a new filter passes by its definition alone: its values go through the address
    /// and back, through the widget's attribute when it has one, and its counts and options come
    /// out of the query's facets; nothing here names a filter.
    #[test]
    fn every_filter_round_trips_through_the_address_the_widget_and_the_counts() {
        let data = dataset();
        let index = Index::new(&data);
        for filter in Filter::ALL {
            let value = a_value(filter);
            let mut state = ViewState::default();
            assert!(filter.add(&mut state.query.filters, value), "{filter:?}");
            assert_eq!(filter.chosen(&state.query.filters), 1);

            let fragment = to_fragment(&state);
            assert!(
                fragment.contains(&format!("{}=", filter.key())),
                "{fragment}"
            );
            let back = parse(&fragment);
            assert_eq!(back.state, state, "{filter:?} through {fragment}");
            assert!(back.ignored.is_empty());

            let mut settings = Settings::default();
            let attribute = settings.set(filter.key(), Some(value));
            assert_eq!(
                attribute.is_ok(),
                filter.in_widget(),
                "{filter:?}: a widget attribute exactly when the filter is in widgets"
            );
            assert_eq!(
                attribute_names().contains(&filter.key()),
                filter.in_widget()
            );
            if filter.in_widget() {
                assert_eq!(settings.query.filters, state.query.filters);
                assert!(settings
                    .attributes()
                    .contains(&(filter.key(), value.to_owned())));
            }

            // Chosen, it narrows the list to people with the value, and its own counts still
            // count every option (a facet ignores its own filter).
            let outcome = index.run(&state.query);
            let everyone = index.run(&Query::default());
            assert!(!outcome.matches.is_empty());
            assert!(outcome.matches.len() < everyone.matches.len(), "{filter:?}");
            let options = filter.options(&outcome.facets, &data);
            let figures = filter.figures(&outcome.facets, &state.query.filters, &options);
            let at = options.iter().position(|(v, _)| v == value).unwrap();
            assert_eq!(figures[at], (outcome.matches.len(), true), "{filter:?}");
            assert_eq!(figures.iter().filter(|(_, chosen)| *chosen).count(), 1);

            filter.remove(&mut state.query.filters, value);
            assert!(state.query.filters.is_empty());
        }
    }

    #[test]
    fn labels_are_names_and_titles() {
        let data = dataset();
        assert_eq!(Filter::Country.label("NI", &data), "Nicaragua");
        assert_eq!(Filter::Status.label("released", &data), "Released");
        assert_eq!(Filter::Campaign.label("poc", &data), "A");
        assert_eq!(Filter::Campaign.label("gone", &data), "gone");
        assert_eq!(Filter::Occupation.label("poet", &data), "poet");
        assert_eq!(
            Filter::Letters.label("yes", &data),
            "People you can write to"
        );
    }

    #[test]
    fn the_letters_filter_has_one_option_and_only_where_somebody_takes_letters() {
        let data = dataset();
        let outcome = Index::new(&data).run(&Query::default());
        let options = Filter::Letters.options(&outcome.facets, &data);
        assert_eq!(
            options,
            [("yes".to_owned(), "People you can write to".to_owned())]
        );
        // Nobody takes letters: no option, so no filter in the panel.
        let mut nobody = data.clone();
        for person in &mut nobody.people {
            person.actions.clear();
        }
        nobody.sources.iter_mut().for_each(|s| s.actions.clear());
        let outcome = Index::new(&nobody).run(&Query::default());
        assert!(Filter::Letters.options(&outcome.facets, &nobody).is_empty());
        // Only "yes" is a value, in any case; anything else is refused and changes nothing.
        let mut filters = Filters::default();
        for refused in ["no", "true", "", "1"] {
            assert!(!Filter::Letters.add(&mut filters, refused), "{refused}");
        }
        assert!(filters.is_empty());
        assert!(Filter::Letters.add(&mut filters, "YES"));
        assert_eq!(Filter::Letters.values(&filters), ["yes"]);
    }
}
