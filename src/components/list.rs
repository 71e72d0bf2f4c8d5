//! The list page: search, filters and the grid of cards.

use std::sync::Arc;

use leptos::prelude::*;
use wjc_core::query::Query;
use wjc_core::text::{self, map as map_text, ui};
use wjc_core::url_state::View;
use wjc_core::Status;

use super::badge::StatusLegend;
use super::card::Card;
use super::embed::EmbedButton;
use super::filters::{FilterPanel, SearchBox};
use super::map::MapPanel;
use super::notice::{IgnoredUrlNotice, SkippedNotice};
use crate::browser::HistoryMode;
use crate::data::Catalog;
use crate::state::AppState;

/// Cards drawn at first and added per "show more", so the page stays light as lists grow.
const PAGE_SIZE: usize = 60;

/// The list of people with its controls.
#[component]
pub fn ListPage(
    /// The loaded data.
    catalog: Arc<Catalog>,
) -> impl IntoView {
    let state = AppState::expect();
    let total = catalog.dataset.people.len();
    // "Show more" applies to the query it was pressed for; a new query starts from one page.
    let expanded = RwSignal::new((Query::default(), PAGE_SIZE));
    let shown = Memo::new(move |_| {
        state.query.with(|query| {
            expanded.with(|(for_query, n)| if for_query == query { *n } else { PAGE_SIZE })
        })
    });
    let count = move || state.outcome.with(|o| o.matches.len());
    // The status options are every status present in the data, whatever the filters.
    let statuses: Vec<Status> = state
        .outcome
        .with_untracked(|o| o.facets.statuses.iter().map(|(s, _)| *s).collect());
    let visible = move || {
        state.outcome.with(|o| {
            o.matches
                .iter()
                .take(shown.get())
                .copied()
                .collect::<Vec<usize>>()
        })
    };
    let grid_catalog = catalog.clone();
    let on_map = Memo::new(move |_| state.view.with(|v| v.view == View::Map));
    view! {
        <div class="wjc-list" class:wjc-list--map=on_map>
            <aside class="wjc-list__side">
                <FilterPanel catalog=catalog.clone() />
            </aside>
            <div class="wjc-list__main">
                <div class="wjc-list__tools">
                    <SearchBox />
                    <ViewSwitch />
                    <EmbedButton site_title=catalog.dataset.title.clone() />
                </div>
                <IgnoredUrlNotice />
                <SkippedNotice report=catalog.report.clone() />
                <div class="wjc-list__panes">
                <Show when=move || on_map.get()>
                    <MapPanel />
                </Show>
                <section class="wjc-list__results" aria-labelledby="results-title">
                <div class="wjc-results-bar">
                    <h2 id="results-title" class="wjc-results-bar__title">{ui::RESULTS}</h2>
                    // Announced politely to screen readers whenever the filters change the count.
                    <p class="wjc-results-bar__count" role="status" aria-live="polite" aria-atomic="true">
                        {move || text::result_count(count(), total)}
                    </p>
                    <StatusLegend statuses=statuses />
                </div>
                <Show when=move || count() == 0>
                    <EmptyResult />
                </Show>
                <ul id="results" class="wjc-grid" tabindex="-1" aria-labelledby="results-title">
                    <For each=visible key=|i| *i let(position)>
                        <Card catalog=grid_catalog.clone() position=position />
                    </For>
                </ul>
                <Show when=move || { count() > shown.get() }>
                    <button type="button" class="wjc-button wjc-more" on:click=move |_| expanded.set((state.query.get_untracked(), shown.get_untracked() + PAGE_SIZE))>
                        {move || text::show_more((count() - shown.get()).min(PAGE_SIZE))}
                    </button>
                </Show>
                </section>
                </div>
            </div>
        </div>
    }
}

/// Switches between the cards and the map; the choice is part of the URL.
#[component]
fn ViewSwitch() -> impl IntoView {
    let state = AppState::expect();
    let option = move |view: View, label: &'static str| {
        let current = move || state.view.with(|v| v.view == view);
        view! {
            <a class="wjc-switch__option" href=move || state.href(&state.as_view(view))
                aria-current=move || current().then_some("true")
                on:click=move |ev| {
                    ev.prevent_default();
                    state.show(view);
                }>{label}</a>
        }
    };
    view! {
        <nav class="wjc-switch" aria-label=map_text::VIEW_SWITCH>
            {option(View::List, map_text::VIEW_LIST)}
            {option(View::Map, map_text::VIEW_MAP)}
        </nav>
    }
}

/// Says why nothing matches and offers a way out.
#[component]
fn EmptyResult() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <div class="wjc-empty">
            <h3 class="wjc-empty__title">{ui::EMPTY_TITLE}</h3>
            <p>{ui::EMPTY_BODY}</p>
            <button type="button" class="wjc-button"
                on:click=move |_| state.update_query(HistoryMode::Push, |q| *q = Query { sort: q.sort, ..Query::default() })>
                {ui::EMPTY_ACTION}
            </button>
        </div>
    }
}
