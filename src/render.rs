//! The static pages, drawn natively by the app's own components (the `ssr` feature): `wjc site`
//! writes the list page by page and a page per person from them, so the static pages and the app
//! cannot disagree. The state is the app's ([`AppState`]) on a [`Host::Static`], which makes the
//! links go to the other static pages and leaves out what needs the app's code to work. Effects
//! and event handlers never run here, so nothing reads the browser.

use std::sync::Arc;

use leptos::prelude::*;
use wjc_core::paging::{Page, PAGE_SIZE};
use wjc_core::query::{Outcome, Query};
use wjc_core::url_state::{self, ViewState};
use wjc_core::{Dataset, Person, Report};

use crate::components::frame::{CatalogView, Frame};
use crate::data::Catalog;
use crate::state::{AppState, Fetch, Host, Load};
use crate::world::WorldLoad;
use crate::STATIC_ID;

/// Where [`StaticSite::app_view`] draws the app, as if the site were there.
const SITE: &str = "https://campaign.example/";

/// A dataset ready to be drawn as static pages.
pub struct StaticSite {
    catalog: Arc<Catalog>,
    /// The answer to the query every static page shows (none: the list as it opens), counted
    /// once for the whole site.
    outcome: ArcMemo<Outcome>,
    /// Whether each profile has a QR code for its printed case sheet.
    qr_codes: bool,
}

/// One static page, drawn.
pub struct StaticPage {
    /// Where it goes, from the site's root (`index.html`, `list/2.html`, `person/x.html`).
    pub path: String,
    /// How many folders below the site's root it is.
    pub depth: usize,
    /// The document's title, as the app sets it for the same view.
    pub title: String,
    /// What the page is about, for `<meta name="description">`.
    pub description: String,
    /// The app's address for the same view, relative to the page (`../#/person/x`); `None` for
    /// `index.html`, which is the app's page itself.
    pub app_url: Option<String>,
    /// The markup of the page's content, in the element the app replaces when it starts.
    pub html: String,
}

impl StaticSite {
    /// The valid records of `dataset` (whole, as the editable file holds them), with the
    /// loader's `report` of what it left out.
    pub fn new(dataset: Dataset, report: Report) -> Self {
        let catalog = Arc::new(Catalog::whole(dataset, report));
        let index = Arc::clone(&catalog);
        let outcome = ArcMemo::new(move |_| index.index.run(&Query::default()));
        Self {
            catalog,
            outcome,
            qr_codes: false,
        }
    }

    /// The same site, with a QR code for each profile (`wjc site --site-url`).
    #[must_use]
    pub fn with_qr_codes(self, qr_codes: bool) -> Self {
        Self { qr_codes, ..self }
    }

    /// The dataset drawn.
    pub fn dataset(&self) -> &Dataset {
        &self.catalog.dataset
    }

    /// How many pages the list takes: as many as the app's, so a static page and the app's page
    /// that takes it over show the same people.
    pub fn list_pages(&self) -> usize {
        Page::of(self.catalog.dataset.people.len(), 0, PAGE_SIZE).count
    }

    /// The people in the order the list shows them.
    pub fn people(&self) -> Vec<&Person> {
        let people = &self.catalog.dataset.people;
        self.outcome
            .with_untracked(|o| o.matches.iter().map(|&i| &people[i]).collect())
    }

    /// Every view that gets a static page: the list's pages, then each person's profile.
    pub fn views(&self) -> impl Iterator<Item = ViewState> + '_ {
        let pages = (0..self.list_pages()).map(|page| ViewState {
            page,
            ..ViewState::default()
        });
        let profiles = self.people().into_iter().map(|person| ViewState {
            profile: Some(person.id.clone()),
            ..ViewState::default()
        });
        pages.chain(profiles.collect::<Vec<_>>())
    }

    /// The static page of `view` (one of [`StaticSite::views`]); `None` for a view that has no
    /// static page.
    pub fn page(&self, view: ViewState) -> Option<StaticPage> {
        let path = url_state::static_path(&view)?;
        let depth = path.matches('/').count();
        let description = match &view.profile {
            Some(id) => {
                let position = self.catalog.position(id)?;
                let person = &self.catalog.dataset.people[position];
                person
                    .translation(wjc_core::i18n::speaking())
                    .map_or_else(|| person.summary.clone(), |t| t.summary.clone())
            }
            None => self.catalog.dataset.description.clone(),
        };
        let app_url = (depth > 0)
            .then(|| format!("{}{}", "../".repeat(depth), url_state::to_fragment(&view)));
        let catalog = Arc::clone(&self.catalog);
        let outcome = self.outcome.clone();
        let qr_codes = self.qr_codes;
        let (title, html) = render(move || {
            if qr_codes {
                provide_context(crate::QrCodes);
            }
            let state = AppState::provide_static(depth, view, Arc::clone(&catalog), outcome);
            let html = view! {
                <div id=STATIC_ID>
                    <Frame>
                        <CatalogView catalog=catalog />
                    </Frame>
                </div>
            }
            .to_html();
            (state.title().unwrap_or_default(), without_markers(&html))
        });
        Some(StaticPage {
            path,
            depth,
            title,
            description,
            app_url,
            html,
        })
    }

    /// What the app draws for the address `fragment` once this dataset is loaded, on the
    /// campaign site: to compare the static pages with.
    pub fn app_view(&self, fragment: &str) -> String {
        let catalog = Arc::clone(&self.catalog);
        let view = url_state::parse(fragment).state;
        render(move || {
            AppState::provide(
                Host::Site {
                    site: SITE.to_owned(),
                    origin: SITE.trim_end_matches('/').to_owned(),
                },
                view,
                RwSignal::new(Load::Ready(Arc::clone(&catalog), Fetch::Idle)),
                RwSignal::new(WorldLoad::Idle),
            );
            view! {
                <Frame>
                    <CatalogView catalog=catalog />
                </Frame>
            }
            .to_html()
        })
    }
}

/// `html` without Leptos' `<!>` markers of dynamic text: they are there for hydration, which the
/// static pages do not use, and HTML does not allow them (the Nu Html Checker calls each a bogus
/// comment). Text never holds a raw `<`, so only markers match.
fn without_markers(html: &str) -> String {
    html.replace("<!>", "")
}

/// Runs `draw` under a reactive owner of its own, dropped (with everything the page made)
/// when it returns.
fn render<T>(draw: impl FnOnce() -> T) -> T {
    let owner = Owner::new();
    let out = owner.with(draw);
    owner.cleanup();
    out
}
