//! The app's shared state: the URL's view state, the loaded catalog, and what derives from them.
//!
//! The URL fragment is the source of truth for the view: every change goes through
//! [`AppState::navigate`], which writes the fragment and the signal together, and Back/Forward or
//! an edited address come back through [`AppState::follow_url`].

use std::sync::Arc;

use leptos::prelude::*;
use wjc_core::query::{Outcome, Query};
use wjc_core::url_state::{self, View, ViewState};
use wjc_core::Failure;

use crate::browser::{self, HistoryMode};
use crate::data::{Catalog, Retrying};
use crate::world::WorldLoad;

/// Where loading the dataset stands.
#[derive(Clone)]
pub enum Load {
    /// Downloading or parsing.
    Loading,
    /// Ready to show.
    Ready(Arc<Catalog>),
    /// Could not be shown; the visitor can retry.
    Failed(Failure),
}

/// Whether a download is under way (whatever is on screen meanwhile).
#[derive(Clone, Debug, PartialEq)]
pub enum Fetch {
    /// Nothing is being downloaded.
    Idle,
    /// A download is under way.
    Running,
    /// A try failed; the next follows shortly.
    Retrying(Retrying),
}

/// Signals shared by every component, provided once by the app.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The view the URL describes.
    pub view: RwSignal<ViewState>,
    /// Parts of the URL that were not understood.
    pub ignored: RwSignal<Vec<String>>,
    /// The dataset's loading state.
    pub load: RwSignal<Load>,
    /// The download's progress, also while a saved copy is on screen.
    pub fetch: RwSignal<Fetch>,
    /// The query part of the view; changes only when the query does, not when a profile opens.
    pub query: Memo<Query>,
    /// Matches and facet counts for the current query.
    pub outcome: Memo<Outcome>,
    /// The map's shapes, downloaded the first time the map is shown.
    pub world: RwSignal<WorldLoad>,
    /// Scroll position of the list when a profile was opened, to return to it.
    list_scroll: StoredValue<f64>,
}

impl AppState {
    /// Creates the state from the current URL and provides it to the component tree.
    pub fn provide() -> Self {
        let parsed = url_state::parse(&browser::fragment());
        let view = RwSignal::new(parsed.state);
        let load = RwSignal::new(Load::Loading);
        let query = Memo::new(move |_| view.with(|v| v.query.clone()));
        let outcome = Memo::new(move |_| {
            load.with(|load| match load {
                Load::Ready(catalog) => query
                    .with(|q| browser::measure_query(|| catalog.index.run(&catalog.dataset, q))),
                Load::Loading | Load::Failed(_) => Outcome::default(),
            })
        });
        let state = Self {
            view,
            ignored: RwSignal::new(parsed.ignored),
            load,
            fetch: RwSignal::new(Fetch::Idle),
            query,
            outcome,
            world: RwSignal::new(WorldLoad::Idle),
            list_scroll: StoredValue::new(0.0),
        };
        provide_context(state);
        state
    }

    /// The state provided by the app.
    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    /// The loaded catalog, when there is one (tracked).
    pub fn catalog(&self) -> Option<Arc<Catalog>> {
        self.load.with(|load| match load {
            Load::Ready(catalog) => Some(Arc::clone(catalog)),
            Load::Loading | Load::Failed(_) => None,
        })
    }

    /// Shows `next` and records it in the URL.
    pub fn navigate(&self, next: ViewState, mode: HistoryMode) {
        browser::set_fragment(&url_state::to_fragment(&next), mode);
        self.apply(next);
    }

    /// Changes the query (search, filters, sort) and returns to the list, at its first page.
    pub fn update_query(&self, mode: HistoryMode, change: impl FnOnce(&mut Query)) {
        let mut next = self.view.get_untracked();
        change(&mut next.query);
        next.profile = None;
        next.page = 0;
        self.navigate(next, mode);
    }

    /// Follows the URL after Back/Forward, a clicked link or an edited address.
    pub fn follow_url(&self) {
        let parsed = url_state::parse(&browser::fragment());
        self.ignored.set(parsed.ignored);
        self.apply(parsed.state);
    }

    fn apply(&self, next: ViewState) {
        let current = self.view.get_untracked();
        if current == next {
            return;
        }
        if current.profile.is_none() && next.profile.is_some() {
            // Remember where the list was, before the profile replaces it.
            self.list_scroll.set_value(browser::scroll_y());
        }
        self.view.set(next);
    }

    /// Where the list was scrolled when the last profile opened.
    pub fn list_scroll(&self) -> f64 {
        self.list_scroll.get_value()
    }

    /// Shows the list or the map, keeping the query.
    pub fn show(&self, view: View) {
        let mut next = self.view.get_untracked();
        next.view = view;
        next.profile = None;
        self.navigate(next, HistoryMode::Push);
    }

    /// The fragment of `view` with the current query (for the list/map switch's links).
    pub fn view_fragment(&self, view: View) -> String {
        self.view.with(|v| {
            url_state::to_fragment(&ViewState {
                profile: None,
                view,
                ..v.clone()
            })
        })
    }

    /// The fragment of the list with the current query (for "back to the list" and card links).
    pub fn list_fragment(&self) -> String {
        self.view.with(|v| {
            url_state::to_fragment(&ViewState {
                profile: None,
                ..v.clone()
            })
        })
    }

    /// The fragment of a profile, keeping the current query so previous/next follow the same list.
    pub fn profile_fragment(&self, id: &str) -> String {
        self.view.with(|v| {
            url_state::to_fragment(&ViewState {
                profile: Some(id.to_owned()),
                ..v.clone()
            })
        })
    }
}
