//! Search box, multi-select filters with counts, sort order and "clear all".

use std::collections::BTreeSet;

use leptos::prelude::*;
use wjc_core::filter::Filter;
use wjc_core::query::Sort;
use wjc_core::shortlist::{shortlist, Finder, SHORT_ENOUGH};
use wjc_core::text::{self, ui};
use wjc_core::url_state::View;

use crate::browser::{self, HistoryMode};
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

/// The id of the element holding the filter panel, which [`filters_button`] opens.
pub const PANEL_ID: &str = "wjc-filter-panel";

/// The button that opens and closes the filter panel where it does not fit beside the cards
/// (phones and narrow windows; app.css hides it on wide screens, where the panel is always
/// shown), saying how many options are chosen. Opening it takes the keyboard focus to the panel's
/// heading, so the next Tab is in the panel, not on the controls between the two. While a lean
/// list's first page is shown (`waiting`) its place is kept, unseen and inert, as the panel's is.
/// A function, not a component: smaller code.
pub fn filters_button(open: RwSignal<bool>, waiting: bool) -> impl IntoView {
    let state = AppState::expect();
    let chosen = move || {
        state.query.with(|q| {
            Filter::ALL
                .iter()
                .map(|f| f.chosen(&q.filters))
                .sum::<usize>()
        })
    };
    view! {
        <button
            type="button"
            id="wjc-filters-button"
            class="wjc-button wjc-button--quiet wjc-filters-button"
            class:wjc-waiting=waiting
            inert=waiting
            aria-controls=PANEL_ID
            aria-expanded=move || open.get().to_string()
            on:click=move |_| {
                let opening = !open.get_untracked();
                open.set(opening);
                if opening {
                    request_animation_frame(|| browser::focus_selector("#wjc-filters-title"));
                }
            }
        >
            {ui::FILTERS.text()}
            {move || (chosen() > 0).then(|| text::selected(chosen()))}
        </button>
    }
}

/// The filter panel: every filter the data has options for, with counts, the sort order and
/// "clear all". Where [`filters_button`] opened it (`open`), Escape closes it back onto the
/// button, and a last button shows the people it leaves, closing it onto the results.
#[component]
pub fn FilterPanel(
    /// The loaded data.
    catalog: std::sync::Arc<Catalog>,
    /// Whether the panel is open on a narrow screen.
    open: RwSignal<bool>,
) -> impl IntoView {
    let state = AppState::expect();
    let active = move || {
        state
            .query
            .with(|q| !q.filters.is_empty() || !q.text.trim().is_empty())
    };
    let show_results = move |_| {
        open.set(false);
        // In the map view a narrow screen shows the map, not the cards.
        let target = if state.view.with_untracked(|v| v.view == View::Map) {
            "#map-title"
        } else {
            "#results"
        };
        // Once the panel is closed and the results are back in their place.
        request_animation_frame(move || browser::focus_selector(target));
    };
    view! {
        <section
            class="wjc-filters"
            aria-labelledby="wjc-filters-title"
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    open.set(false);
                    browser::focus_selector("#wjc-filters-button");
                }
            }
        >
            <div class="wjc-filters__head">
                <h2 id="wjc-filters-title" class="wjc-filters__title" tabindex="-1">
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
            {Filter::in_panel_order()
                .into_iter()
                .filter_map(|facet| {
                    let options = state
                        .outcome
                        .with_untracked(|o| facet.options(&o.facets, &catalog.dataset));
                    (!options.is_empty())
                        .then(|| {
                            // A filter the data gives no option (letters, when nobody takes them).
                            view! { <FacetGroup facet=facet options=options /> }
                        })
                })
                .collect_view()}
            <button type="button" class="wjc-button wjc-filters__done" on:click=show_results>
                {move || text::show_people(state.outcome.with(|o| o.matches.len()))}
            </button>
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
fn FacetGroup(facet: Filter, options: Vec<(String, String)>) -> impl IntoView {
    let state = AppState::expect();
    let long = options.len() > SHORT_ENOUGH;
    let total = options.len();
    let options = StoredValue::new(options);
    let open = RwSignal::new(facet.starts_open());
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
                        state
                            .update_query(
                                HistoryMode::Push,
                                |q| {
                                    if on {
                                        facet.add(&mut q.filters, &value);
                                    } else {
                                        facet.remove(&mut q.filters, &value);
                                    }
                                },
                            );
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
            {facet
                .find_label()
                .filter(|_| long)
                .map(|find_label| {
                    view! {
                        <div class="wjc-facet__find">
                            <label for=find_id.clone()>{find_label.text()}</label>
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
                <legend class="wjc-visually-hidden">{facet.title().text()}</legend>
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
                {facet.title().text()}
                {move || {
                    (chosen() > 0)
                        .then(|| {
                            view! {
                                <span class="wjc-facet__selected">{text::selected(chosen())}</span>
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
