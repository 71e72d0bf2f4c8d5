//! Search box, multi-select filters with counts, sort order and "clear all".

use leptos::prelude::*;
use wjc_core::query::{Query, Sort};
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
            <label for="wjc-search-input" class="wjc-search__label">{ui::SEARCH_LABEL}</label>
            <input id="wjc-search-input" class="wjc-search__input" type="search" autocomplete="off"
                spellcheck="false" placeholder=ui::SEARCH_PLACEHOLDER
                prop:value=move || state.query.with(|q| q.text.clone())
                // Replace, not push: typing a word should not add a history entry per letter.
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    state.update_query(HistoryMode::Replace, |q| q.text = value);
                } />
        </div>
    }
}

/// One option of a filter, as drawn.
#[derive(Clone, PartialEq)]
struct FacetOption {
    value: String,
    label: String,
    count: usize,
    selected: bool,
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
    fn title(self) -> &'static str {
        match self {
            Self::Country => ui::FILTER_COUNTRY,
            Self::Status => ui::FILTER_STATUS,
            Self::Campaign => ui::FILTER_CAMPAIGN,
            Self::Occupation => ui::FILTER_OCCUPATION,
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

    /// The options with their counts and whether each is selected.
    fn options(self, state: AppState, catalog: &Catalog) -> Vec<FacetOption> {
        // Borrowed, not cloned: this runs for every group on every keystroke.
        state.query.with(|query| {
            state.outcome.with(|outcome| {
                let (filters, facets) = (&query.filters, &outcome.facets);
                let option =
                    |value: String, label: String, count: usize, selected: bool| FacetOption {
                        value,
                        label,
                        count,
                        selected,
                    };
                match self {
                    Self::Country => facets
                        .countries
                        .iter()
                        .map(|&(c, n)| {
                            option(
                                c.to_string(),
                                c.name().to_owned(),
                                n,
                                filters.countries.contains(&c),
                            )
                        })
                        .collect(),
                    Self::Status => facets
                        .statuses
                        .iter()
                        .map(|&(s, n)| {
                            let label = text::status_label(s).to_owned();
                            option(
                                s.as_str().to_owned(),
                                label,
                                n,
                                filters.statuses.contains(&s),
                            )
                        })
                        .collect(),
                    Self::Campaign => facets
                        .campaigns
                        .iter()
                        .map(|(id, n)| {
                            let label = catalog
                                .dataset
                                .campaign(id)
                                .map_or_else(|| id.clone(), |c| c.title.clone());
                            option(id.clone(), label, *n, filters.campaigns.contains(id))
                        })
                        .collect(),
                    Self::Occupation => facets
                        .occupations
                        .iter()
                        .map(|(o, n)| {
                            option(o.clone(), o.clone(), *n, filters.occupations.contains(o))
                        })
                        .collect(),
                }
            })
        })
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
                <h2 id="wjc-filters-title" class="wjc-filters__title">{ui::FILTERS}</h2>
                <button type="button" class="wjc-button wjc-button--quiet" disabled=move || !active()
                    on:click=move |_| state.update_query(HistoryMode::Push, |q| *q = Query { sort: q.sort, ..Query::default() })>
                    {ui::CLEAR_ALL}
                </button>
            </div>
            <SortSelect />
            {groups.into_iter().map(|facet| {
                let catalog = catalog.clone();
                // A memo, not a derived signal: every option row reads it several times per update.
                let options = Memo::new(move |_| facet.options(state, &catalog));
                view! { <FacetGroup facet=facet options=options /> }
            }).collect_view()}
        </section>
    }
}

/// One filter's options as checkboxes with counts.
#[component]
fn FacetGroup(facet: Facet, options: Memo<Vec<FacetOption>>) -> impl IntoView {
    let state = AppState::expect();
    let selected = move || options.with(|o| o.iter().filter(|o| o.selected).count());
    // Only the short status list starts open, so phones see the cards without long scrolling.
    let open = facet == Facet::Status;
    view! {
        <details class="wjc-facet" open=open>
            <summary class="wjc-facet__summary">
                {facet.title()}
                {move || (selected() > 0).then(|| view! { <span class="wjc-facet__selected">{format!(" ({} selected)", selected())}</span> })}
            </summary>
            <fieldset class="wjc-facet__options">
                <legend class="wjc-visually-hidden">{facet.title()}</legend>
                // Keyed by value only, so a toggled checkbox keeps its node and the keyboard focus.
                <For each=move || options.with(|o| o.iter().map(|o| o.value.clone()).collect::<Vec<_>>())
                    key=Clone::clone let(value)>
                    {
                        let id = format!("wjc-{}-{}", facet.key(), value.replace(' ', "-"));
                        let find = {
                            let value = value.clone();
                            move || options.with(|o| o.iter().find(|o| o.value == value).cloned())
                        };
                        let label = find().map(|o| o.label).unwrap_or_default();
                        let count = {
                            let find = find.clone();
                            move || find().map_or(0, |o| o.count)
                        };
                        let checked = move || find().is_some_and(|o| o.selected);
                        let count_for_class = count.clone();
                        let count_for_disabled = count.clone();
                        let checked_for_disabled = checked.clone();
                        view! {
                            <div class="wjc-facet__option" class:wjc-facet__option--empty=move || count_for_class() == 0>
                                <input type="checkbox" id=id.clone() prop:checked=checked
                                    disabled=move || count_for_disabled() == 0 && !checked_for_disabled()
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        state.update_query(HistoryMode::Push, |q| facet.toggle(q, &value, on));
                                    } />
                                <label for=id>
                                    <span class="wjc-facet__label">{label}</span>
                                    <span class="wjc-facet__count">{count}</span>
                                </label>
                            </div>
                        }
                    }
                </For>
            </fieldset>
        </details>
    }
}

/// The sort order.
#[component]
fn SortSelect() -> impl IntoView {
    let state = AppState::expect();
    let label = |sort: Sort| match sort {
        Sort::Name => ui::SORT_NAME,
        Sort::Country => ui::SORT_COUNTRY,
        Sort::Arrested => ui::SORT_ARRESTED,
        Sort::TimeHeld => ui::SORT_HELD,
    };
    view! {
        <div class="wjc-sort">
            <label for="wjc-sort">{ui::SORT_LABEL}</label>
            <select id="wjc-sort" class="wjc-sort__select"
                on:change=move |ev| {
                    if let Some(sort) = Sort::parse(&event_target_value(&ev)) {
                        state.update_query(HistoryMode::Push, |q| q.sort = sort);
                    }
                }>
                {Sort::ALL.iter().map(|&sort| view! {
                    <option value=sort.as_str() selected=move || state.query.with(|q| q.sort == sort)>{label(sort)}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
