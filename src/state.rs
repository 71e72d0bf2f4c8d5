//! The app's shared state: the view state, the loaded catalog, and what derives from them.
//!
//! On the campaign site the URL fragment is the source of truth for the view: every change goes
//! through [`AppState::navigate`], which writes the fragment and the signal together, and
//! Back/Forward or an edited address come back through [`AppState::follow_url`]. In a widget on a
//! partner's page the view lives in the signal alone: the partner's URL is never read or written.

use std::sync::Arc;

use leptos::prelude::*;
use wjc_core::paging::{page_of, PAGE_SIZE};
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

/// How the app sits in its page.
#[derive(Clone, Debug)]
pub struct Host {
    /// What every link the app writes starts with: nothing on the campaign site (links are
    /// fragments of the page); in a widget, the campaign site's address, so a link opened in a new
    /// tab goes to the campaign site rather than to the partner's page.
    pub base: String,
    /// True on the campaign site, where the view is in the URL.
    pub owns_url: bool,
    /// In a widget with `link="site"`: profiles open on the campaign site, in a new tab.
    pub profiles_on_site: bool,
    /// The campaign site's origin (`https://host`), to tell its own photos from third-party ones.
    pub origin: String,
}

impl Host {
    /// The campaign site's own page.
    pub fn site_page() -> Self {
        Self {
            base: String::new(),
            owns_url: true,
            profiles_on_site: false,
            origin: browser::origin(),
        }
    }
}

/// Signals shared by every component, provided once by the app or by each widget.
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
    /// How the app sits in its page.
    host: StoredValue<Host>,
}

impl AppState {
    /// Creates the state of the campaign site's page from its URL and provides it.
    pub fn provide_for_page() -> Self {
        let parsed = url_state::parse(&browser::fragment());
        let state = Self::provide(
            Host::site_page(),
            parsed.state,
            RwSignal::new(Load::Loading),
            RwSignal::new(WorldLoad::Idle),
        );
        state.ignored.set(parsed.ignored);
        state
    }

    /// Creates the state showing `view` first, with the dataset and map shapes from `load` and
    /// `world` (shared between the widgets of a page), and provides it to the component tree.
    pub fn provide(
        host: Host,
        view: ViewState,
        load: RwSignal<Load>,
        world: RwSignal<WorldLoad>,
    ) -> Self {
        let view = RwSignal::new(view);
        let query = Memo::new(move |_| view.with(|v| v.query.clone()));
        let outcome = Memo::new(move |_| {
            load.with(|load| match load {
                // A first page shown while the list downloads is shown as it is: a search or
                // filter applies once the whole list is there.
                Load::Ready(catalog) if catalog.part_of.is_some() => {
                    catalog.index.run(&Query::default())
                }
                Load::Ready(catalog) => {
                    query.with(|q| browser::measure_query(|| catalog.index.run(q)))
                }
                Load::Loading | Load::Failed(_) => Outcome::default(),
            })
        });
        let state = Self {
            view,
            ignored: RwSignal::new(Vec::new()),
            load,
            fetch: RwSignal::new(Fetch::Idle),
            query,
            outcome,
            world,
            list_scroll: StoredValue::new(0.0),
            host: StoredValue::new(host),
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

    /// Shows `next` and, on the campaign site, records it in the URL.
    pub fn navigate(&self, next: ViewState, mode: HistoryMode) {
        if self.host.with_value(|h| h.owns_url) {
            browser::set_fragment(&url_state::to_fragment(&next), mode);
        }
        self.apply(next);
    }

    /// Follows a plain click on a link to `next` without leaving the page; a click with a
    /// modifier key or another button is left to the browser (a new tab or window). In a widget
    /// set to open profiles on the campaign site, a profile opens there in a new tab. Returns
    /// whether the view changed in this page.
    pub fn follow(&self, ev: &web_sys::MouseEvent, next: ViewState) -> bool {
        if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return false;
        }
        ev.prevent_default();
        if next.profile.is_some() && self.host.with_value(|h| h.profiles_on_site) {
            browser::open_in_new_tab(&self.href(&next));
            false
        } else {
            self.navigate(next, HistoryMode::Push);
            true
        }
    }

    /// The address of `view`: a fragment on the campaign site, the campaign site's page for it
    /// in a widget.
    pub fn href(&self, view: &ViewState) -> String {
        self.host
            .with_value(|h| format!("{}{}", h.base, url_state::to_fragment(view)))
    }

    /// The link to share for a person: their static page when the campaign site has them, the
    /// app's address for them otherwise.
    pub fn share_url(&self, id: &str, static_pages: bool) -> String {
        let (base, owns_url) = self.host.with_value(|h| (h.base.clone(), h.owns_url));
        match url_state::static_profile_path(id) {
            Some(path) if static_pages => browser::resolve(&format!("{base}{path}")),
            _ if owns_url => browser::href(),
            _ => self.href(&ViewState {
                profile: Some(id.to_owned()),
                ..ViewState::default()
            }),
        }
    }

    /// The address of one of the campaign site's files, from its path in the site.
    pub fn site_file(&self, path: &str) -> String {
        self.host.with_value(|h| format!("{}{path}", h.base))
    }

    /// Whether a photo at `url` is on the campaign site (others are never loaded).
    pub fn own_photo(&self, url: &str) -> bool {
        self.host
            .with_value(|h| url.starts_with(&format!("{}/", h.origin)))
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

    /// The current query shown as `view` (for the list/map switch's links).
    pub fn as_view(&self, view: View) -> ViewState {
        self.view.with(|v| ViewState {
            profile: None,
            view,
            ..v.clone()
        })
    }

    /// The list with the current query (for "back to the list"), at the page that holds the
    /// open profile, wherever previous/next have led.
    pub fn list_view(&self) -> ViewState {
        let mut list = self.view.with(|v| ViewState {
            profile: None,
            ..v.clone()
        });
        let open = self.view.with(|v| v.profile.clone());
        if let (Some(id), Load::Ready(catalog)) = (open, self.load.get()) {
            let rank = catalog.position(&id).and_then(|position| {
                self.outcome
                    .with(|o| o.matches.iter().position(|&p| p == position))
            });
            if let Some(rank) = rank {
                list.page = page_of(rank, PAGE_SIZE);
            }
        }
        list
    }

    /// A profile, keeping the current query so previous/next follow the same list.
    pub fn profile_view(&self, id: &str) -> ViewState {
        self.view.with(|v| ViewState {
            profile: Some(id.to_owned()),
            ..v.clone()
        })
    }
}
