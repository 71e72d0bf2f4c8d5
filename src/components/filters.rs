//! Search box, multi-select filters with counts, sort order and "clear all".

use std::collections::BTreeSet;

use leptos::prelude::*;
use wjc_core::query::{Facets, Filters, Query, Sort};
use wjc_core::shortlist::{shortlist, Finder, SHORT_ENOUGH};
use wjc_core::text::{self, ui};
use wjc_core::{CountryCode, Status};

use crate::browser::HistoryMode;
use crate::data::Catalog;
use crate::state::AppState;

/// The search box; results follow every keystroke.
#[component]
pub fn SearchBox() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <div class="wjc-search">
            <label for="wjc-search-input" class="wjc-search__label">
                {ui::SEARCH_LABEL.text()}
            </label>
            <input
                id="wjc-search-input"
                class="wjc-search__input"
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder=ui::SEARCH_PLACEHOLDER.text()
                prop:value=move || state.query.with(|q| q.text.clone())
                // Replace, not push: typing a word should not add a history entry per letter.
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    state.update_query(HistoryMode::Replace, |q| q.text = value);
                }
            />
        </div>
    }
}

/// Which filter a group controls.
#[derive(Clone, Copy, PartialEq)]
enum Facet {
    Country,
    Status,
    Campaign,
    Occupation,
}

impl Facet {
    fn title(self) -> String {
        match self {
            Self::Country => ui::FILTER_COUNTRY.text(),
            Self::Status => ui::FILTER_STATUS.text(),
            Self::Campaign => ui::FILTER_CAMPAIGN.text(),
            Self::Occupation => ui::FILTER_OCCUPATION.text(),
        }
    }

    fn key(self) -> &'static str {
        match self {
            Self::Country => "country",
            Self::Status => "status",
            Self::Campaign => "campaign",
            Self::Occupation => "occupation",
        }
    }

    /// The find box's label.
    fn find_label(self) -> String {
        match self {
            Self::Country => ui::FIND_COUNTRY.text(),
            Self::Status => ui::FIND_STATUS.text(),
            Self::Campaign => ui::FIND_CAMPAIGN.text(),
            Self::Occupation => ui::FIND_OCCUPATION.text(),
        }
    }

    /// Turns `value` on or off in `query`.
    fn toggle(self, query: &mut Query, value: &str, on: bool) {
        fn set<T: Ord>(set: &mut std::collections::BTreeSet<T>, value: Option<T>, on: bool) {
            if let Some(value) = value {
                if on {
                    set.insert(value);
                } else {
                    set.remove(&value);
                }
            }
        }
        let filters = &mut query.filters;
        match self {
            Self::Country => set(&mut filters.countries, CountryCode::parse(value), on),
            Self::Status => set(&mut filters.statuses, Status::parse(value), on),
            Self::Campaign => set(&mut filters.campaigns, Some(value.to_owned()), on),
            Self::Occupation => set(&mut filters.occupations, Some(value.to_owned()), on),
        }
    }

    /// How many of this filter's options are chosen.
    fn chosen(self, filters: &Filters) -> usize {
        match self {
            Self::Country => filters.countries.len(),
            Self::Status => filters.statuses.len(),
            Self::Campaign => filters.campaigns.len(),
            Self::Occupation => filters.occupations.len(),
        }
    }

    /// Every option as `(value, label)`, in the order the filter lists them. The options are
    /// every value in the data whatever the query, so this is read once per dataset.
    fn options(self, facets: &Facets, catalog: &Catalog) -> Vec<(String, String)> {
        match self {
            Self::Country => {
                let mut options: Vec<(String, String)> = facets
                    .countries
                    .iter()
                    .map(|(c, _)| (c.to_string(), text::country_name(*c)))
                    .collect();
                // In the order of their names in the language spoken, as a reader looks for them.
                options.sort_by_cached_key(|(_, name)| wjc_core::fold::fold(name));
                options
            }
            Self::Status => facets
                .statuses
                .iter()
                .map(|(s, _)| (s.as_str().to_owned(), text::status_label(*s)))
                .collect(),
            Self::Campaign => facets
                .campaigns
                .iter()
                .map(|(id, _)| {
                    let label = catalog
                        .dataset
                        .campaign(id)
                        .map_or_else(|| id.clone(), |c| c.title.clone());
                    (id.clone(), label)
                })
                .collect(),
            Self::Occupation => facets
                .occupations
                .iter()
                .map(|(o, _)| (o.clone(), o.clone()))
                .collect(),
        }
    }

    /// Each option's count under the current query, and whether it is chosen, in the order of
    /// `options` ([`Facet::options`]); options the query does not count are 0.
    fn figures(
        self,
        facets: &Facets,
        filters: &Filters,
        options: &[(String, String)],
    ) -> Vec<(usize, bool)> {
        let mut out = vec![(0, false); options.len()];
        let mut put = |i: usize, value: &str, count: usize, chosen: bool| {
            // The facets list every value of the data in one order, so `i` is the option's
            // place; it is looked up should that ever change.
            let at = if options.get(i).is_some_and(|o| o.0 == value) {
                Some(i)
            } else {
                options.iter().position(|o| o.0 == value)
            };
            if let Some(at) = at {
                out[at] = (count, chosen);
            }
        };
        match self {
            Self::Country => facets
                .countries
                .iter()
                .enumerate()
                .for_each(|(i, &(c, n))| {
                    put(i, c.as_str(), n, filters.countries.contains(&c));
                }),
            Self::Status => facets.statuses.iter().enumerate().for_each(|(i, &(s, n))| {
                put(i, s.as_str(), n, filters.statuses.contains(&s));
            }),
            Self::Campaign => facets
                .campaigns
                .iter()
                .enumerate()
                .for_each(|(i, (id, n))| {
                    put(i, id, *n, filters.campaigns.contains(id));
                }),
            Self::Occupation => facets
                .occupations
                .iter()
                .enumerate()
                .for_each(|(i, (o, n))| {
                    put(i, o, *n, filters.occupations.contains(o));
                }),
        }
        out
    }
}

/// The filter panel: every filter with counts, the sort order and "clear all".
#[component]
pub fn FilterPanel(
    /// The loaded data.
    catalog: std::sync::Arc<Catalog>,
) -> impl IntoView {
    let state = AppState::expect();
    let active = move || {
        state
            .query
            .with(|q| !q.filters.is_empty() || !q.text.trim().is_empty())
    };
    let groups = [
        Facet::Status,
        Facet::Country,
        Facet::Occupation,
        Facet::Campaign,
    ];
    view! {
        <section class="wjc-filters" aria-labelledby="wjc-filters-title">
            <div class="wjc-filters__head">
                <h2 id="wjc-filters-title" class="wjc-filters__title">
                    {ui::FILTERS.text()}
                </h2>
                <button
                    type="button"
                    class="wjc-button wjc-button--quiet"
                    disabled=move || !active()
                    on:click=move |_| state.clear_query()
                >
                    {ui::CLEAR_ALL.text()}
                </button>
            </div>
            <SortSelect />
            {groups
                .into_iter()
                .map(|facet| {
                    let options = state
                        .outcome
                        .with_untracked(|o| facet.options(&o.facets, &catalog));
                    view! { <FacetGroup facet=facet options=options /> }
                })
                .collect_view()}
        </section>
    }
}

/// One filter's options as checkboxes with counts.
///
/// Its options are drawn only while the group is open, and a long list shows its most common
/// options, the chosen ones, a find box and a button for all of them (`wjc_core::shortlist`), so
/// the panel holds a few dozen rows whatever the data. Rows are keyed by option: a query change
/// updates their counts and ticks in place, and adds or removes only the rows that change.
#[component]
fn FacetGroup(facet: Facet, options: Vec<(String, String)>) -> impl IntoView {
    let state = AppState::expect();
    let long = options.len() > SHORT_ENOUGH;
    let total = options.len();
    let options = StoredValue::new(options);
    // Only the short status list starts open, so phones see the cards without long scrolling.
    let open = RwSignal::new(facet == Facet::Status);
    let expanded = RwSignal::new(false);
    let find = RwSignal::new(String::new());
    // Options ticked or unticked since the list last changed shape stay drawn, so an unticked
    // option does not vanish from under the keyboard focus.
    let touched = RwSignal::new(BTreeSet::<usize>::new());
    // A memo: every row reads it, and it changes only when a count or tick does.
    let figures = Memo::new(move |_| {
        state.query.with(|query| {
            state.outcome.with(|outcome| {
                options.with_value(|o| facet.figures(&outcome.facets, &query.filters, o))
            })
        })
    });
    let list = Memo::new(move |_| {
        let finder = find.with(|f| Finder::new(f));
        options.with_value(|options| {
            figures.with(|figures| {
                let counts: Vec<usize> = figures.iter().map(|(n, _)| *n).collect();
                shortlist(
                    &counts,
                    |i| finder.matches(&options[i].1),
                    |i| figures[i].1 || touched.with(|t| t.contains(&i)),
                    expanded.get(),
                )
            })
        })
    });
    let chosen = move || state.query.with(|q| facet.chosen(&q.filters));
    let options_id = format!("wjc-{}-options", facet.key());
    let find_id = format!("wjc-{}-find", facet.key());

    let row = move |i: usize| {
        let (value, label) = options.with_value(|o| o[i].clone());
        let id = format!("wjc-{}-{}", facet.key(), value.replace(' ', "-"));
        let count = move || figures.with(|f| f[i].0);
        let checked = move || figures.with(|f| f[i].1);
        view! {
            <div class="wjc-facet__option" class:wjc-facet__option--empty=move || count() == 0>
                <input type="checkbox" id=id.clone() prop:checked=checked
                    disabled=move || count() == 0 && !checked()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        touched.update(|t| {
                            t.insert(i);
                        });
                        state.update_query(HistoryMode::Push, |q| facet.toggle(q, &value, on));
                    } />
                <label for=id>
                    <span class="wjc-facet__label">{label}</span>
                    <span class="wjc-facet__count">{count}</span>
                </label>
            </div>
        }
    };
    let body = move || {
        let options_id = options_id.clone();
        let find_id = find_id.clone();
        view! {
            {long
                .then(|| {
                    view! {
                        <div class="wjc-facet__find">
                            <label for=find_id.clone()>{facet.find_label()}</label>
                            <input
                                id=find_id
                                type="search"
                                class="wjc-facet__find-input"
                                autocomplete="off"
                                spellcheck="false"
                                aria-controls=options_id.clone()
                                prop:value=move || find.get()
                                on:input=move |ev| {
                                    touched.update(BTreeSet::clear);
                                    find.set(event_target_value(&ev));
                                }
                            />
                            <p class="wjc-facet__found" role="status">
                                {move || {
                                    find.with(|f| !f.trim().is_empty())
                                        .then(|| {
                                            text::options_found(
                                                facet.key(),
                                                list.with(|l| l.matching),
                                                total,
                                            )
                                        })
                                }}
                            </p>
                        </div>
                    }
                })}
            <fieldset id=options_id.clone() class="wjc-facet__options">
                <legend class="wjc-visually-hidden">{facet.title()}</legend>
                <For each=move || list.with(|l| l.shown.clone()) key=|i| *i let(i)>
                    {row(i)}
                </For>
            </fieldset>
            <ShowAllButton
                controls=options_id
                filter=facet.key()
                shown=Signal::derive(move || list.with(|l| l.expandable.map(|e| (e, l.matching))))
                on_toggle=Callback::new(move |()| {
                    touched.update(BTreeSet::clear);
                    expanded.update(|e| *e = !*e);
                })
            />
        }
    };
    view! {
        <details
            class="wjc-facet"
            prop:open=move || open.get()
            on:toggle=move |ev| {
                let now = event_target::<web_sys::Element>(&ev).has_attribute("open");
                if now != open.get_untracked() {
                    touched.update(BTreeSet::clear);
                    open.set(now);
                }
            }
        >
            <summary class="wjc-facet__summary">
                {facet.title()}
                {move || {
                    (chosen() > 0)
                        .then(|| {
                            view! {
                                <span class="wjc-facet__selected">
                                    {text::selected(chosen())}
                                </span>
                            }
                        })
                }}
            </summary>
            <Show when=move || open.get()>{body.clone()}</Show>
        </details>
    }
}

/// The button under a long list (a filter's options, the map's table) that shows all of it, or
/// its shortlist again. Drawn once and relabelled, so it keeps the keyboard focus when pressed.
#[component]
pub fn ShowAllButton(
    /// The id of the list it shows more or less of.
    controls: String,
    /// The key of the filter whose options the list holds ("country"), for its words.
    filter: &'static str,
    /// Whether every option is shown, and how many there are; `None` hides the button (the
    /// list is short enough to be shown whole).
    shown: Signal<Option<(bool, usize)>>,
    /// Shows all or fewer.
    on_toggle: Callback<()>,
) -> impl IntoView {
    let expanded = move || shown.with(|s| s.is_some_and(|(all, _)| all));
    view! {
        <Show when=move || shown.with(Option::is_some)>
            <button
                type="button"
                class="wjc-button wjc-button--quiet wjc-more-options"
                aria-controls=controls.clone()
                aria-expanded=move || expanded().to_string()
                on:click=move |_| on_toggle.run(())
            >
                {move || match shown.get() {
                    Some((true, _)) => text::show_fewer_options(filter),
                    Some((false, n)) => text::show_all_options(filter, n),
                    None => String::new(),
                }}
            </button>
        </Show>
    }
}

/// The sort order.
#[component]
fn SortSelect() -> impl IntoView {
    let state = AppState::expect();
    let label = |sort: Sort| match sort {
        Sort::Name => ui::SORT_NAME.text(),
        Sort::Country => ui::SORT_COUNTRY.text(),
        Sort::Arrested => ui::SORT_ARRESTED.text(),
        Sort::TimeHeld => ui::SORT_HELD.text(),
    };
    view! {
        <div class="wjc-sort">
            <label for="wjc-sort">{ui::SORT_LABEL.text()}</label>
            <select
                id="wjc-sort"
                class="wjc-sort__select"
                on:change=move |ev| {
                    if let Some(sort) = Sort::parse(&event_target_value(&ev)) {
                        state.update_query(HistoryMode::Push, |q| q.sort = sort);
                    }
                }
            >
                {Sort::ALL
                    .iter()
                    .map(|&sort| {
                        view! {
                            <option
                                value=sort.as_str()
                                selected=move || state.query.with(|q| q.sort == sort)
                            >
                                {label(sort)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
