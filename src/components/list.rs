//! The list page: search, filters and the grid of cards, a page at a time.
//!
//! The cards are paged (`wjc_core::paging`), not scrolled in endlessly nor windowed: a page holds
//! 24 cards whatever the list's length, and everything on it is really there, for find-in-page,
//! screen readers' reading modes and the keyboard (see docs/performance.md for why).

use std::sync::Arc;

use leptos::prelude::*;
use wjc_core::paging::{Link, Page, PAGE_SIZE};

use wjc_core::text::{self, map as map_text, ui};
use wjc_core::url_state::{View, ViewState};
use wjc_core::{Extent, Status};

use super::act::ShareControls;
use super::badge::StatusLegend;
use super::card::Card;
use super::deferred::{load_ahead, Deferred};
use super::embed::EmbedButton;
use super::filters::{filters_button, FilterPanel, SearchBox, PANEL_ID};
use super::map::{map_panel, preload_map};
use super::notice::{IgnoredUrlNotice, SkippedNotice};
use super::profile::preload_profile;
use super::staged::Stage;
use crate::browser;
use crate::data::Catalog;
use crate::state::AppState;

/// The list of people with its controls.
// One view of the list's parts, as leptosfmt lays them out; split, its markup would scatter.
#[allow(clippy::too_many_lines)]
#[component]
pub fn ListPage(
    /// The loaded data.
    catalog: Arc<Catalog>,
) -> impl IntoView {
    let state = AppState::expect();
    // A lean list's first page, shown while the whole list downloads, says what the list will
    // say (its count, "page 1 of N"); no filters, map, embedding or other pages until their
    // figures are real. The filters' place is kept (unseen, inert), so nothing moves when the
    // list arrives.
    let extent = catalog.extent;
    let whole = extent == Extent::Whole;
    let total = catalog.total();
    let count = move || match extent {
        Extent::FirstPage { of } => of,
        Extent::Whole => state.outcome.with(|o| o.matches.len()),
    };
    let page = Memo::new(move |_| {
        let index = state.view.with(|v| v.page);
        Page::of(count(), index, PAGE_SIZE)
    });
    // The status options are every status present in the data, whatever the filters.
    let statuses: Vec<Status> = state
        .outcome
        .with_untracked(|o| o.facets.statuses.iter().map(|(s, _)| *s).collect());
    let visible = move || {
        let range = page.with(Page::range);
        state.outcome.with(|o| {
            o.matches
                .get(range)
                .map(<[usize]>::to_vec)
                .unwrap_or_default()
        })
    };
    let paged = move || page.with(|p| p.count > 1);
    let grid_catalog = catalog.clone();
    let on_map = Memo::new(move |_| state.view.with(|v| v.view == View::Map));
    let results = view! {
        <section class="wjc-list__results" aria-labelledby="results-title">
            <Stage>
                <div class="wjc-results-bar">
                    <h2 id="results-title" class="wjc-results-bar__title">
                        {ui::RESULTS.text()}
                    </h2>
                    // Announced politely to screen readers whenever the filters change the count.
                    <p
                        class="wjc-results-bar__count"
                        role="status"
                        aria-live="polite"
                        aria-atomic="true"
                    >
                        {move || text::result_count(count(), total)}
                    </p>
                    <Show when=paged>
                        <p id="results-page" class="wjc-results-bar__page">
                            {move || {
                                page.with(|p| {
                                    text::page_summary(
                                        p.number(),
                                        p.count,
                                        p.items.0 + 1,
                                        p.items.1,
                                    )
                                })
                            }}
                        </p>
                    </Show>
                    <StatusLegend statuses=statuses />
                </div>
            </Stage>
            <Show when=move || count() == 0>
                <EmptyResult />
            </Show>
            // Focused after a page link (see `ListPager`): its name and the page's summary
            // tell screen-reader users where they are.
            <ul
                id="results"
                class="wjc-grid"
                tabindex="-1"
                aria-labelledby="results-title"
                aria-describedby=move || paged().then_some("results-page")
                on:pointerover=|_| load_ahead(preload_profile)
                on:focusin=|_| load_ahead(preload_profile)
            >
                <For each=visible key=|i| *i let(position)>
                    {
                        let catalog = grid_catalog.clone();
                        view! {
                            <Stage>
                                <Card catalog=catalog position=position />
                            </Stage>
                        }
                    }
                </For>
            </ul>
            <Show when=move || whole && paged()>
                <ListPager page=page />
            </Show>
            {(!whole)
                .then(|| {
                    view! {
                        <p class="wjc-list__waiting" role="status">
                            {ui::WAITING_FOR_LIST.text()}
                        </p>
                    }
                })}
        </section>
    };
    #[cfg(feature = "ssr")]
    if state.is_static() {
        // Without the app's code, the list is read page by page: no search, filters or map.
        return view! {
            <div class="wjc-list__main">
                <p class="wjc-static-note">
                    {ui::STATIC_NOTE.text()}" "
                    <a href=state
                        .site_file(wjc_core::DATASET_PATH)>{ui::STATIC_DATA_LINK.text()}</a>
                </p>
                <SkippedNotice report=catalog.report.clone() />
                {results}
            </div>
        }
        .into_any();
    }
    // Search first, then the filters: beside the cards on wide screens, behind a button on
    // narrow ones (app.css), where the results come right after the search.
    let filters_open = RwSignal::new(false);
    let title = catalog.dataset.title.clone();
    let filters_catalog = catalog.clone();
    let page = view! {
        <div class="wjc-list" class:wjc-list--map=on_map>
            <div class="wjc-list__tools">
                <SearchBox />
                {filters_button(filters_open, !whole)}
                {whole.then(|| view! {
                    <Stage>
                        <ViewSwitch />
                        <EmbedButton site_title=title.clone() />
                        <ShareControls
                            url=Callback::new(|()| crate::browser::href())
                            text=title
                            label=wjc_core::text::case::SHARE_LIST
                            print=false
                        />
                    </Stage>
                })}
            </div>
            <aside
                id=PANEL_ID
                class="wjc-list__side"
                class:wjc-list__side--open=filters_open
                class:wjc-waiting=!whole
                inert=!whole
            >
                <Stage>
                    <FilterPanel catalog=filters_catalog open=filters_open />
                </Stage>
            </aside>
            <div class="wjc-list__main">
                <IgnoredUrlNotice />
                <SkippedNotice report=catalog.report.clone() />
                <div class="wjc-list__panes">
                <Show when=move || on_map.get()>
                    <Deferred draw=map_panel />
                </Show>
                {results}
                </div>
            </div>
        </div>
    };
    // Only natively does the list have two forms (the static page's above).
    #[cfg(feature = "ssr")]
    let page = page.into_any();
    page
}

/// Links to the previous and next pages and to a few pages around the current one (at most
/// seven, whatever the list's length). A page link keeps the search, filters and view; following
/// one moves the keyboard focus to the top of the new page's cards.
#[component]
fn ListPager(page: Memo<Page>) -> impl IntoView {
    let state = AppState::expect();
    let target = move |index: usize| {
        state.view.with(|v| ViewState {
            profile: None,
            page: index,
            ..v.clone()
        })
    };
    let href = move |index: usize| state.href(&target(index));
    let go = move |ev: leptos::ev::MouseEvent, index: usize| {
        if state.follow(&ev, target(index)) {
            // The links are drawn afresh for the new page: start it from the top, on its cards.
            request_animation_frame(|| browser::reveal_and_focus(".wjc-list__results", "#results"));
        }
    };
    let step = move |to: Option<usize>, label: text::Label, rel: &'static str| {
        to.map(|index| {
            view! {
                <a
                    class=format!("wjc-pages__{rel}")
                    href=move || href(index)
                    rel=rel
                    on:click=move |ev| go(ev, index)
                >
                    {label.text()}
                </a>
            }
        })
    };
    move || {
        let p = page.get();
        let links = p
            .links()
            .into_iter()
            .map(|link| match link {
                Link::Page(index) => {
                    let current = index == p.index;
                    view! {
                        <li>
                            <a
                                class="wjc-pages__link"
                                href=move || href(index)
                                aria-label=text::page_link(index + 1)
                                aria-current=current.then_some("page")
                                on:click=move |ev| go(ev, index)
                            >
                                {index + 1}
                            </a>
                        </li>
                    }
                    .into_any()
                }
                Link::Gap => view! { <li class="wjc-pages__gap">{ui::PAGE_GAP}</li> }.into_any(),
            })
            .collect_view();
        view! {
            <nav class="wjc-pages" aria-label=ui::PAGES.text()>
                {step(p.previous(), ui::PAGE_PREVIOUS, "prev")}
                <ul class="wjc-pages__list">{links}</ul>
                {step(p.next(), ui::PAGE_NEXT, "next")}
            </nav>
        }
    }
}

/// Switches between the cards and the map; the choice is part of the URL.
#[component]
fn ViewSwitch() -> impl IntoView {
    let state = AppState::expect();
    let option = move |view: View, label: text::Label| {
        let current = move || state.view.with(|v| v.view == view);
        view! {
            <a
                class="wjc-switch__option"
                href=move || state.href(&state.as_view(view))
                aria-current=move || current().then_some("true")
                on:click=move |ev| {
                    ev.prevent_default();
                    state.show(view);
                }
            >
                {label.text()}
            </a>
        }
    };
    view! {
        <nav
            class="wjc-switch"
            aria-label=map_text::VIEW_SWITCH.text()
            on:pointerover=|_| load_ahead(preload_map)
            on:focusin=|_| load_ahead(preload_map)
        >
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
            <h3 class="wjc-empty__title">{ui::EMPTY_TITLE.text()}</h3>
            <p>{ui::EMPTY_BODY.text()}</p>
            {state
                .interactive(
                    view! {
                        <button
                            type="button"
                            class="wjc-button"
                            on:click=move |_| state.clear_query()
                        >
                            {ui::EMPTY_ACTION.text()}
                        </button>
                    },
                )}
        </div>
    }
}
