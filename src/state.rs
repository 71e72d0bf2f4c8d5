//! The app's shared state: the view state, the loaded catalog, and what derives from them.
//!
//! On the campaign site the URL fragment is the source of truth for the view: every change goes
//! through [`AppState::navigate`], which writes the fragment and the signal together, and
//! Back/Forward or an edited address come back through [`AppState::follow_url`]. In a widget on a
//! partner's page the view lives in the signal alone: the partner's URL is never read or written.

use std::sync::Arc;

use leptos::prelude::*;
use wjc_core::compiled::Translations;
use wjc_core::i18n::Lang;
use wjc_core::paging::{page_of, Page, PAGE_SIZE};
use wjc_core::query::{Outcome, Query};
use wjc_core::text;
use wjc_core::url_state::{self, View, ViewState};
use wjc_core::{Extent, Failure, Person};

use wjc_core::embed::LinkMode;

use crate::browser::{self, HistoryMode};
use crate::data::Catalog;
pub use crate::data::Fetch;
use crate::world::WorldLoad;

/// Where loading the dataset stands: what there is to show, and whether a download is under way
/// meanwhile, in one state, so the two cannot disagree (a failure has no download running).
#[derive(Clone)]
pub enum Load {
    /// Nothing to show yet: the list downloading or parsing (a lean list's first page may be
    /// downloading before it, with the list's download still [`Fetch::Idle`]).
    Loading(Fetch),
    /// Ready to show, with a newer list perhaps downloading over it (over a first page, or over
    /// a copy saved in the browser when the visitor asks for the latest list).
    Ready(Arc<Catalog>, Fetch),
    /// Could not be shown; the visitor can retry.
    Failed(Failure),
}

impl Load {
    /// Whether there is nothing to show yet.
    pub fn is_loading(&self) -> bool {
        matches!(self, Self::Loading(_))
    }

    /// Whether nothing is on screen and the list has not arrived yet (nor is being read).
    pub fn awaits_list(&self) -> bool {
        matches!(self, Self::Loading(fetch) if !matches!(fetch, Fetch::Reading))
    }

    /// The catalog on screen, if any.
    pub fn catalog(&self) -> Option<&Arc<Catalog>> {
        match self {
            Self::Ready(catalog, _) => Some(catalog),
            Self::Loading(_) | Self::Failed(_) => None,
        }
    }

    /// Where the download stands.
    pub fn fetch(&self) -> &Fetch {
        match self {
            Self::Loading(fetch) | Self::Ready(_, fetch) => fetch,
            Self::Failed(_) => &Fetch::Idle,
        }
    }

    /// Records where the download stands, keeping what is on screen.
    pub fn set_fetch(&mut self, now: Fetch) {
        if let Self::Loading(fetch) | Self::Ready(_, fetch) = self {
            *fetch = now;
        }
    }

    /// Whether going from `before` to `after` changes what is on screen (not only the
    /// download's progress): for memos that redraw only then.
    pub fn changes_screen(before: Option<&Self>, after: Option<&Self>) -> bool {
        match (before, after) {
            (Some(Self::Loading(_)), Some(Self::Loading(_))) => false,
            (Some(Self::Ready(a, _)), Some(Self::Ready(b, _))) => !Arc::ptr_eq(a, b),
            (Some(Self::Failed(a)), Some(Self::Failed(b))) => a != b,
            _ => true,
        }
    }
}

/// How the app sits in its page. Each host decides how links are written and what may be read
/// from the browser.
#[derive(Clone, Debug)]
pub enum Host {
    /// The campaign site's own page: the view is in the URL's fragment, and every link is a
    /// fragment of the page.
    Site {
        /// The site's address (the page's folder, ending in `/`), where partners load the
        /// widget from.
        site: String,
        /// The site's origin (`https://host`), to tell its own photos from third-party ones.
        origin: String,
    },
    /// A widget on a partner's page: the view lives in the widget's signals alone.
    Widget {
        /// The campaign site's address, ending in `/`: every link the widget writes starts with
        /// it, so a link opened in a new tab goes to the campaign site rather than to the
        /// partner's page.
        site: String,
        /// The campaign site's origin, to tell its own photos from third-party ones.
        origin: String,
        /// Where a card opens its profile (`link`): inside the widget, or on the campaign site
        /// in a new tab.
        profiles: LinkMode,
    },
    /// A static page that `wjc site` writes, `depth` folders below the site's root: links go to
    /// the other static pages, and what needs the app's code running is left out. Only natively
    /// (`ssr`): the browser's build has no code for static pages.
    #[cfg(feature = "ssr")]
    Static {
        /// How many folders below the site's root the page is (`person/x.html` is 1 deep).
        depth: usize,
    },
}

impl Host {
    /// The campaign site's own page, in the browser.
    pub fn site_page() -> Self {
        Self::Site {
            site: browser::resolve("./"),
            origin: browser::origin(),
        }
    }

    /// The language to speak when the URL names none: the visitor's preferred languages on the
    /// campaign site; the partner page's own language in a widget, then English.
    fn default_language(&self) -> Lang {
        match self {
            Self::Site { .. } => {
                let preferred = browser::preferred_languages();
                Lang::negotiate(preferred.iter().map(String::as_str))
            }
            Self::Widget { .. } => browser::page_language()
                .and_then(|tag| Lang::from_tag(&tag))
                .unwrap_or(Lang::En),
            #[cfg(feature = "ssr")]
            Self::Static { .. } => Lang::En,
        }
    }

    /// What every link to a view starts with: nothing on the site (fragments), the campaign
    /// site in a widget, the way up to the site's root on a static page.
    fn base(&self) -> String {
        match self {
            Self::Site { .. } => String::new(),
            Self::Widget { site, .. } => site.clone(),
            #[cfg(feature = "ssr")]
            Self::Static { depth } => "../".repeat(*depth),
        }
    }
}

/// A text from the data as a page shows it.
pub struct Summary {
    /// The text.
    pub text: String,
    /// The language to mark it with, when it is not the page's.
    pub lang: Option<&'static str>,
    /// Translated by a machine, and no person has reviewed it yet.
    pub unreviewed: bool,
}

/// Signals shared by every component, provided once by the app or by each widget.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The view the URL describes.
    pub view: RwSignal<ViewState>,
    /// Parts of the URL that were not understood.
    pub ignored: RwSignal<Vec<String>>,
    /// The dataset's loading state and the download's progress.
    pub load: RwSignal<Load>,
    /// The query part of the view; changes only when the query does, not when a profile opens.
    pub query: Memo<Query>,
    /// Matches and facet counts for the current query.
    pub outcome: Memo<Outcome>,
    /// The map's shapes, downloaded the first time the map is shown.
    pub world: RwSignal<WorldLoad>,
    /// The language the interface is drawn in now ([`wjc_core::i18n::speaking`]); a view is
    /// drawn again when it changes.
    pub speaking: RwSignal<Lang>,
    /// The people's summaries in the language spoken, by id, downloaded with its messages (the
    /// list itself carries none; a static page reads them from the dataset).
    pub translations: RwSignal<Arc<Translations>>,
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
            RwSignal::new(Load::Loading(Fetch::Idle)),
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
        // The answer changes with the catalog on screen, not with the download's progress.
        let screen = Memo::new_with_compare(move |_| load.get(), Load::changes_screen);
        Self::provide_with(host, view, load, world, |query, speaking| {
            Memo::new(move |_| {
                // Search finds countries and statuses by their names in the language spoken.
                speaking.track();
                screen.with(|load| match load.catalog() {
                    // A first page shown while the list downloads is shown as it is: a search or
                    // filter applies once the whole list is there.
                    Some(catalog) if catalog.extent != Extent::Whole => {
                        catalog.index.run(&Query::default())
                    }
                    Some(catalog) => {
                        query.with(|q| browser::measure_query(|| catalog.index.run(q)))
                    }
                    None => Outcome::default(),
                })
            })
        })
    }

    /// The state of one static page showing `view` of `catalog`, whose answer to the default
    /// query, `outcome`, every page shares (counted once for the whole site).
    #[cfg(feature = "ssr")]
    pub fn provide_static(
        depth: usize,
        view: ViewState,
        catalog: Arc<Catalog>,
        outcome: ArcMemo<Outcome>,
    ) -> Self {
        Self::provide_with(
            Host::Static { depth },
            view,
            RwSignal::new(Load::Ready(catalog, Fetch::Idle)),
            RwSignal::new(WorldLoad::Idle),
            |_, _| Memo::from(outcome),
        )
    }

    /// Provides the state showing `view`, whose query's answer is `outcome` (made from the
    /// query's memo and the language spoken).
    fn provide_with(
        host: Host,
        view: ViewState,
        load: RwSignal<Load>,
        world: RwSignal<WorldLoad>,
        outcome: impl FnOnce(Memo<Query>, RwSignal<Lang>) -> Memo<Outcome>,
    ) -> Self {
        let view = RwSignal::new(view);
        let query = Memo::new(move |_| view.with(|v| v.query.clone()));
        let speaking = RwSignal::new(wjc_core::i18n::speaking());
        let outcome = outcome(query, speaking);
        let state = Self {
            view,
            ignored: RwSignal::new(Vec::new()),
            load,
            query,
            outcome,
            world,
            speaking,
            translations: RwSignal::new(Arc::default()),
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
        self.load.with(|load| load.catalog().cloned())
    }

    /// The document's title for the view on screen: the person's name on a profile, the list's
    /// page on a later page of the list (tracked; `None` until the data is in).
    pub fn title(&self) -> Option<String> {
        let catalog = self.catalog()?;
        let site = &catalog.dataset.title;
        let list_title = |index: usize| {
            let page = Page::of(self.outcome.with(|o| o.matches.len()), index, PAGE_SIZE);
            if page.index == 0 {
                site.clone()
            } else {
                text::list_page_title(page.number(), page.count, site)
            }
        };
        Some(self.view.with(|v| {
            v.profile
                .as_deref()
                .and_then(|id| catalog.position(id))
                .map_or_else(
                    || list_title(v.page),
                    |i| text::profile_title(&catalog.dataset.people[i].name, site),
                )
        }))
    }

    /// Shows `next` and, on the campaign site, records it in the URL.
    pub fn navigate(&self, next: ViewState, mode: HistoryMode) {
        let next = self.in_language(next);
        if self.host.with_value(|h| matches!(h, Host::Site { .. })) {
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
        let on_site = self.host.with_value(|h| {
            matches!(
                h,
                Host::Widget {
                    profiles: LinkMode::Site,
                    ..
                }
            )
        });
        if next.profile.is_some() && on_site {
            browser::open_in_new_tab(&self.href(&next));
            false
        } else {
            self.navigate(next, HistoryMode::Push);
            true
        }
    }

    /// The address of `view`: a fragment on the campaign site, the campaign site's page for it
    /// in a widget, the static page that shows it on a static page.
    pub fn href(&self, view: &ViewState) -> String {
        let view = &self.in_language(view.clone());
        self.host.with_value(|h| {
            #[cfg(feature = "ssr")]
            if let (Host::Static { .. }, Some(path)) = (h, url_state::static_path(view)) {
                return format!("{}{path}", h.base());
            }
            format!("{}{}", h.base(), url_state::to_fragment(view))
        })
    }

    /// The campaign site's address, ending in `/` (relative on a static page).
    pub fn site_address(&self) -> String {
        self.host.with_value(|h| match h {
            Host::Site { site, .. } | Host::Widget { site, .. } => site.clone(),
            #[cfg(feature = "ssr")]
            Host::Static { .. } => h.base(),
        })
    }

    /// Whether the view is drawn for a static page, where only links work: controls that need
    /// the app's code are left out.
    #[cfg(feature = "ssr")]
    pub fn is_static(&self) -> bool {
        self.host.with_value(|h| matches!(h, Host::Static { .. }))
    }

    /// `controls`, except on a static page, which has no code to run them.
    #[cfg(feature = "ssr")]
    pub fn interactive<V>(&self, controls: V) -> Option<V> {
        (!self.is_static()).then_some(controls)
    }

    /// `controls`: the browser's build draws no static pages, and has no code for them.
    // The same call as the native build's, which asks the host.
    #[allow(clippy::unused_self)]
    #[cfg(not(feature = "ssr"))]
    pub fn interactive<V>(&self, controls: V) -> V {
        controls
    }

    /// The link to share for a person: their static page when the campaign site has them, the
    /// app's address for them otherwise.
    pub fn share_url(&self, id: &str, static_pages: bool) -> String {
        let (base, on_site) = self
            .host
            .with_value(|h| (h.base(), matches!(h, Host::Site { .. })));
        match url_state::static_profile_path(id) {
            Some(path) if static_pages => browser::resolve(&format!("{base}{path}")),
            _ if on_site => browser::href(),
            _ => self.href(&ViewState {
                profile: Some(id.to_owned()),
                ..ViewState::default()
            }),
        }
    }

    /// The address of one of the campaign site's files, from its path in the site.
    pub fn site_file(&self, path: &str) -> String {
        self.host.with_value(|h| format!("{}{path}", h.base()))
    }

    /// Whether a photo at `url` is on the campaign site (others are never loaded). A static page
    /// does not know which host will serve it, so it shows initials.
    pub fn own_photo(&self, url: &str) -> bool {
        self.host.with_value(|h| match h {
            Host::Site { origin, .. } | Host::Widget { origin, .. } => {
                url.starts_with(&format!("{origin}/"))
            }
            #[cfg(feature = "ssr")]
            Host::Static { .. } => false,
        })
    }

    /// Changes the query (search, filters, sort) and returns to the list, at its first page.
    pub fn update_query(&self, mode: HistoryMode, change: impl FnOnce(&mut Query)) {
        let mut next = self.view.get_untracked();
        change(&mut next.query);
        next.profile = None;
        next.page = 0;
        self.navigate(next, mode);
    }

    /// Clears the search and every filter (keeping the order), back at the list's first page.
    pub fn clear_query(&self) {
        self.update_query(HistoryMode::Push, |q| {
            *q = Query {
                sort: q.sort,
                ..Query::default()
            };
        });
    }

    /// Follows the URL after Back/Forward, a clicked link or an edited address.
    pub fn follow_url(&self) {
        let parsed = url_state::parse(&browser::fragment());
        self.ignored.set(parsed.ignored);
        self.apply(parsed.state);
    }

    /// A person's summary as the page shows it: translated into the language spoken when it has
    /// been, else the record's own English (tracked).
    pub fn summary(&self, person: &Person) -> Summary {
        let spoken = self.speaking.get();
        let translated = person.translation(spoken).cloned().or_else(|| {
            self.translations
                .with(|t| t.get(&person.id).filter(|t| t.lang == spoken).cloned())
        });
        match translated {
            Some(t) => Summary {
                text: t.summary,
                lang: None,
                unreviewed: !t.reviewed,
            },
            None => Summary {
                text: person.summary.clone(),
                lang: self.data_language(),
                unreviewed: false,
            },
        }
    }

    /// The language to mark the data's own texts with (`lang="en"`) on a page in another
    /// language, so screen readers read them right; `None` on an English page (tracked).
    pub fn data_language(&self) -> Option<&'static str> {
        (self.speaking.get() != Lang::En).then_some(Lang::En.tag())
    }

    /// `view` in the language chosen now, when it names none: every link and move keeps the
    /// visitor's choice.
    fn in_language(&self, mut view: ViewState) -> ViewState {
        if view.lang.is_none() {
            view.lang = self.view.with_untracked(|v| v.lang);
        }
        view
    }

    /// The language the view asks for: the one chosen in the URL, else the page's own (a static
    /// page of `es/`), else the first of the visitor's preferred languages the site has.
    pub fn wanted_language(&self) -> Lang {
        self.view
            .with(|v| v.lang)
            .unwrap_or_else(|| self.host.with_value(Host::default_language))
    }

    /// Whether this is the campaign site's own page (not a widget on a partner's page).
    pub fn is_site_page(&self) -> bool {
        self.host.with_value(|h| matches!(h, Host::Site { .. }))
    }

    /// [`AppState::wanted_language`], untracked.
    pub fn wanted_language_untracked(&self) -> Lang {
        untrack(|| self.wanted_language())
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
        if let (Some(id), Some(catalog)) = (open, self.catalog()) {
            let rank = catalog
                .position(&id)
                .and_then(|position| self.outcome.with(|o| catalog.rank_in(&o.matches, position)));
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
