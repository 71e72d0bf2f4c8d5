//! The map's figures as a table, for screen-reader users and anyone who prefers numbers.

use leptos::prelude::*;
use wjc_core::filter::Filter;
use wjc_core::query::CountryFigures;
use wjc_core::shortlist::{by_count, shortlist};
use wjc_core::text::{self, map as t};
use wjc_core::url_state::{View, ViewState};
use wjc_core::CountryCode;

use crate::components::filters::ShowAllButton;
use crate::state::AppState;

/// One country's row: its name, a link to the list of its people, and its figures.
fn country_row(
    country: CountryCode,
    figures: Memo<Vec<CountryFigures>>,
    width: usize,
) -> impl IntoView {
    let state = AppState::expect();
    // Every country of the data is in the figures, always at one place.
    let at = figures.with_untracked(|f| f.iter().position(|row| row.country == country));
    // A figure: the total (`None`) or a status column's count.
    let figure = move |column: Option<usize>| {
        figures.with(|f| {
            at.and_then(|at| f.get(at))
                .filter(|row| row.country == country)
                .map_or(0, |row| row.figure(column))
        })
    };
    let list_of = move || {
        state.view.with(|v| {
            let mut next = ViewState {
                profile: None,
                view: View::List,
                page: 0,
                ..v.clone()
            };
            next.query.filters.countries.clear();
            next.query.filters.countries.insert(country);
            next
        })
    };
    view! {
        <tr>
            <th scope="row">
                <a
                    href=move || state.href(&list_of())
                    on:click=move |ev| {
                        state.follow(&ev, list_of());
                    }
                >
                    {text::country_name(country)}
                </a>
            </th>
            <td class="wjc-map-table__number">{move || figure(None)}</td>
            {(0..width)
                .map(|j| view! { <td class="wjc-map-table__number">{move || figure(Some(j))}</td> })
                .collect_view()}
        </tr>
    }
}

/// The map's figures as a table: one row per country on the list, one column per status, the
/// countries holding the most people first. A long table shows its first rows and a button for
/// all of them (`wjc_core::shortlist`), so it stays small whatever the data. Rows are keyed by
/// country: a filter change updates their figures and moves them, rather than drawing new rows.
#[component]
pub(super) fn CountryTable() -> impl IntoView {
    let state = AppState::expect();
    let statuses = state.outcome.with_untracked(|o| {
        o.facets
            .statuses
            .iter()
            .map(|(s, _)| *s)
            .collect::<Vec<_>>()
    });
    let columns = statuses.clone();
    // Per country, in the facets' order (by name): its total and a count per status column.
    let figures = Memo::new(move |_| state.outcome.with(|o| o.facets.country_figures(&columns)));
    let expanded = RwSignal::new(false);
    // The rows drawn, most people first (then by name), and whether the button shows all or fewer.
    let rows = Memo::new(move |_| {
        figures.with(|figures| {
            let totals: Vec<usize> = figures.iter().map(|row| row.total).collect();
            let list = shortlist(&totals, |_| true, |_| false, expanded.get());
            let shown: Vec<CountryCode> = by_count(&totals)
                .into_iter()
                .filter(|i| list.shown.contains(i))
                .map(|i| figures[i].country)
                .collect();
            (shown, list.expandable, list.matching)
        })
    });
    let width = statuses.len();
    view! {
        // A heading rather than a caption, so the title wraps on narrow screens while the table
        // scrolls sideways.
        <h3 id="map-table-title" class="wjc-map-table__title">
            {t::TABLE_TITLE.text()}
        </h3>
        <div class="wjc-map-table__wrap">
            <table id="map-table" class="wjc-map-table" aria-labelledby="map-table-title">
                <thead>
                    <tr>
                        <th scope="col">{t::TABLE_COUNTRY.text()}</th>
                        <th scope="col" class="wjc-map-table__number">
                            {t::TABLE_TOTAL.text()}
                        </th>
                        {statuses
                            .iter()
                            .map(|s| {
                                view! {
                                    <th scope="col" class="wjc-map-table__number">
                                        {text::status_label(*s)}
                                    </th>
                                }
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || rows.with(|r| r.0.clone())
                        key=|country| *country
                        let(country)
                    >
                        {country_row(country, figures, width)}
                    </For>
                </tbody>
            </table>
        </div>
        <ShowAllButton
            controls="map-table".to_owned()
            filter=Filter::Country.key()
            shown=Signal::derive(move || rows.with(|r| r.1.map(|all| (all, r.2))))
            on_toggle=Callback::new(move |()| expanded.update(|e| *e = !*e))
        />
    }
}
