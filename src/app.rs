//! The app shell: loads the data, follows the URL, and shows the list or a profile.

use gloo_timers::future::TimeoutFuture;
use leptos::ev;
use leptos::prelude::*;
use wjc_core::fetch;
use wjc_core::url_state::ViewState;

use crate::browser;
use crate::components::deferred;
use crate::components::embed::preload_embed;
use crate::components::error::ErrorView;
use crate::components::fetch_notes::{RetryNote, SavedCopyNote};
use crate::components::frame::{CatalogView, Frame};
use crate::components::map::preload_map;
use crate::components::profile::preload_profile;
use crate::components::skeleton::SkeletonPage;
use crate::components::staged::Stages;
use crate::data::{fetch_catalog, fetch_first_page, saved_catalog, Keep};
use crate::language;
use crate::state::{AppState, Fetch, Load};
use crate::{FirstPage, StaticPages, LIST_URL};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::provide_for_page();
    let stages = use_context::<StaticPages>().map(|_| Stages::provide());
    let reload = move |in_place: bool| load_dataset(state, in_place);
    load_first_page(state, stages, move || reload(true));
    show_saved_copy_when_slow(state);

    // Back/Forward (popstate) and clicked links or edited addresses (hashchange).
    let _ = window_event_listener(ev::popstate, move |_| state.follow_url());
    let _ = window_event_listener(ev::hashchange, move |_| state.follow_url());

    language::follow(state);

    // The document title says who or which page of the list is on screen, as the static pages'
    // titles do, so bookmarks, shared links and the history list do too.
    Effect::new(move |_| {
        state.speaking.track();
        if let Some(title) = state.title() {
            browser::set_title(&title);
        }
    });

    let real_view = take_over_static_page(state, stages);

    // Opening a profile starts at its top with focus on its heading; returning to the list puts
    // the visitor back where they were, on the card they opened (or the last one previous/next
    // led to), on the page of the list that holds it (see the profile's "back" link). The first
    // view after loading is left as the browser placed it (the static page it replaces may have
    // been scrolled).
    let profile = Memo::new(move |_| state.view.with(|v| v.profile.clone()));
    Effect::new(move |previous: Option<(bool, Option<String>)>| {
        let now = profile.get();
        let ready = state.load.with(|l| l.catalog().is_some());
        if let Some((true, before)) = &previous {
            match (before, &now) {
                (before, Some(id)) if before.as_ref() != Some(id) => {
                    browser::focus_when_drawn(
                        || document().query_selector("#profile-title").ok().flatten(),
                        || browser::scroll_to(0.0),
                    );
                }
                (Some(id), None) => {
                    let id = id.clone();
                    let y = state.list_scroll();
                    request_animation_frame(move || {
                        browser::scroll_to(y);
                        // Previous/next may have led to a person on another page of the list,
                        // whose card is elsewhere.
                        browser::reveal_whole(&format!("#card-{id}"));
                        browser::focus_selector(&format!("#card-{id} a"));
                    });
                }
                _ => {}
            }
        }
        (ready, now)
    });

    // Redrawn when what there is to show changes, not with the download's progress.
    let screen = Memo::new_with_compare(move |_| state.load.get(), Load::changes_screen);
    let main = move || match screen.get() {
        Load::Loading(_) => view! {
            <RetryNote />
            <SkeletonPage />
        }
        .into_any(),
        Load::Failed(failure) => {
            view! { <ErrorView failure=failure on_retry=move || reload(false) /> }.into_any()
        }
        Load::Ready(catalog, _) => {
            let saved = catalog.saved.clone().map(|saved| {
                view! { <SavedCopyNote saved=saved on_retry=move || reload(true) /> }
            });
            view! {
                {saved}
                <CatalogView catalog=catalog />
            }
            .into_any()
        }
    };

    // Over a static rendering: the notice alone, the static list below it.
    let notice = move || match screen.get() {
        Load::Failed(failure) => {
            view! { <ErrorView failure=failure on_retry=move || reload(false) /> }.into_any()
        }
        Load::Loading(_) | Load::Ready(..) => view! { <RetryNote /> }.into_any(),
    };

    // Drawn anew in each language: every word comes from the catalogue spoken at drawing time.
    move || {
        state.speaking.track();
        if real_view.get() {
            view! { <Frame>{main}</Frame> }.into_any()
        } else {
            notice.into_any()
        }
    }
}

/// A page's static rendering stays until the app's first real view is whole, then goes in the
/// frame that shows that view. Until there is a list to show, the app says over it only what
/// went wrong: the reason it is trying again, or the failure with Try again. Then it draws its
/// view behind it, hidden, a part at a time ([`Stages`]), so a visitor reading, scrolling or
/// tapping the static page is never kept waiting long.
///
/// Returns whether the app's real view is drawn (rather than only what it says over the static
/// rendering).
fn take_over_static_page(state: AppState, stages: Option<Stages>) -> Memo<bool> {
    let under_static = RwSignal::new(stages.is_some());
    let behind = RwSignal::new(false);
    Effect::new(move |_| {
        let (ready, trouble) = state.load.with(|l| {
            let trouble = matches!(l, Load::Failed(_)) || matches!(l.fetch(), Fetch::Retrying(_));
            (l.catalog().is_some(), trouble)
        });
        let whole = stages.is_some_and(Stages::whole);
        let Some(stages) = stages.filter(|_| under_static.get_untracked()) else {
            return;
        };
        if whole {
            browser::end_static_fallback();
            stages.stop();
            under_static.set(false);
        } else if ready {
            if !behind.get_untracked() {
                browser::show_root(false);
                behind.set(true);
                stages.draw();
            }
        } else {
            browser::show_root(trouble);
        }
    });
    // Changes once, from the notice to the real view: a second change would draw the whole view
    // anew (and lose focus).
    Memo::new(move |_| behind.get() || !under_static.get())
}

/// Loads the list into `state` (with `load_list`), after showing a lean list's first page when
/// the list opens at its start. The list waits until the first page is on screen (over a static
/// page, until its `stages` are all drawn), so the two never share a slow connection or the main
/// thread.
fn load_first_page(state: AppState, stages: Option<Stages>, load_list: impl FnOnce() + 'static) {
    let first_page = use_context::<FirstPage>()
        .filter(|_| state.view.with_untracked(|v| *v == ViewState::default()));
    let Some(FirstPage(url)) = first_page else {
        load_list();
        return;
    };
    let load_list = StoredValue::new_local(Some(load_list));
    let start_list = move || {
        if let Some(load) = load_list.try_update_value(Option::take).flatten() {
            load();
        }
    };
    let shown = RwSignal::new(false);
    Effect::new(move |_| {
        if shown.get() && stages.is_none_or(Stages::whole) {
            // Once the first page is drawn, not before.
            request_animation_frame(start_list);
        }
    });
    leptos::task::spawn_local(async move {
        match fetch_first_page(&url).await {
            Some(first) => {
                state
                    .load
                    .set(Load::Ready(std::sync::Arc::new(first), Fetch::Idle));
                shown.set(true);
            }
            None => start_list(),
        }
    });
}

/// Shows the copy of the list saved in this browser if the list has not arrived after
/// [`fetch::SAVED_COPY_AFTER_MS`], while the download goes on: the latest list replaces it when it
/// arrives, and if it never does the copy stays with the reason. A list that has arrived and is
/// being read is waited for: reading the copy too would only slow a slow device down.
fn show_saved_copy_when_slow(state: AppState) {
    leptos::task::spawn_local(async move {
        TimeoutFuture::new(fetch::SAVED_COPY_AFTER_MS).await;
        if !state.load.with_untracked(Load::awaits_list) {
            return;
        }
        let Some(saved) = saved_catalog(LIST_URL).await else {
            return;
        };
        // The list may have arrived, or failed, while the copy was read.
        if state.load.with_untracked(Load::awaits_list) {
            let fetch = state.load.with_untracked(|l| l.fetch().clone());
            state
                .load
                .set(Load::Ready(std::sync::Arc::new(saved), fetch));
        }
    });
}

/// The map's, the profile's and the Embed dialog's modules, fetched while the browser is idle once
/// the list is in, where no service worker keeps them (it has them from its install).
fn load_parts_when_idle() {
    if browser::has_service_workers() {
        return;
    }
    deferred::load_when_idle(async {
        let _ = preload_map().await;
        let _ = preload_profile().await;
        let _ = preload_embed().await;
    });
}

/// Downloads the dataset into `state`, unless a download is already under way. `in_place` keeps
/// what is on screen (a saved copy, a first page) until the new result is ready, instead of the
/// loading view.
fn load_dataset(state: AppState, in_place: bool) {
    if state.load.with_untracked(|l| *l.fetch() != Fetch::Idle) {
        return;
    }
    if in_place {
        state.load.update(|l| l.set_fetch(Fetch::Running));
    } else {
        state.load.set(Load::Loading(Fetch::Running));
    }
    leptos::task::spawn_local(async move {
        let result = fetch_catalog(LIST_URL, Keep::LastGoodCopy, move |step| {
            state.load.update(|l| l.set_fetch(step));
        })
        .await;
        // The list replaces what is on screen (a first page, a saved copy): the keyboard focus
        // goes back where it was, on the same control or the same person's card.
        let focused = browser::focused_selector();
        state.load.set(match result {
            Ok(catalog) => {
                if let Some(earlier) = state.load.read_untracked().catalog() {
                    catalog.keep_whole_records(earlier);
                }
                load_parts_when_idle();
                Load::Ready(std::sync::Arc::new(catalog), Fetch::Idle)
            }
            Err(failure) => Load::Failed(failure),
        });
        if let Some(selector) = focused {
            request_animation_frame(move || browser::focus_selector(&selector));
        }
    });
}
