//! The embeddable widget: the people of the list on a partner's page, inside `<wjc-widget>`.
//!
//! `widget.js` (written by `wjc site`) defines the element, gives it a shadow root with the
//! widget's stylesheet, and mounts one [`Widget`] per element. The widget reuses the app's
//! components and state, but the view lives in signals only: it never reads or writes the
//! partner's URL, history or title, and stores nothing. Widgets on one page share one download of
//! each dataset and of the map.

use std::cell::RefCell;

use leptos::prelude::*;
use wjc_core::compiled::LIST_PATH;
use wjc_core::embed::{Settings, Warning};
use wjc_core::text::{self, embed as t, ui};

use crate::browser;
use crate::components::card::Card;
use crate::components::deferred::{load_ahead, load_when_idle, Deferred};
use crate::components::error::ErrorView;
use crate::components::filters::SearchBox;
use crate::components::map::{map_panel, preload_map};
use crate::components::profile::{preload_profile, profile_page};
use crate::data::{fetch_catalog, Keep};
use crate::state::{AppState, Fetch, Host, Load};
use crate::world::{WorldLoad, WORLD_PATH};

thread_local! {
    /// Every dataset the page's widgets asked for, by address, shared between them.
    static DATASETS: RefCell<Vec<(String, ArcRwSignal<Load>)>> = const { RefCell::new(Vec::new()) };
    /// The map's shapes, by address.
    static WORLDS: RefCell<Vec<(String, ArcRwSignal<WorldLoad>)>> = const { RefCell::new(Vec::new()) };
}

/// The dataset at `url`, downloading it the first time a widget asks.
fn shared_dataset(url: &str) -> ArcRwSignal<Load> {
    let existing = DATASETS.with_borrow(|all| {
        all.iter()
            .find(|(u, _)| u == url)
            .map(|(_, load)| load.clone())
    });
    existing.unwrap_or_else(|| {
        let load = ArcRwSignal::new(Load::Loading(Fetch::Running));
        DATASETS.with_borrow_mut(|all| all.push((url.to_owned(), load.clone())));
        download_dataset(url.to_owned(), load.clone());
        load
    })
}

/// Downloads the dataset at `url` into `load`, for every widget showing it.
fn download_dataset(url: String, load: ArcRwSignal<Load>) {
    load.set(Load::Loading(Fetch::Running));
    leptos::task::spawn_local(async move {
        let result = fetch_catalog(&url, Keep::Nothing, |_| {}).await;
        load.set(match result {
            Ok(catalog) => {
                load_parts_when_idle();
                Load::Ready(std::sync::Arc::new(catalog), Fetch::Idle)
            }
            Err(failure) => Load::Failed(failure),
        });
    });
}

/// The map's and the profile's modules, fetched while the browser is idle once a widget's list is
/// in: no service worker keeps them on a partner's page.
fn load_parts_when_idle() {
    load_when_idle(async {
        let _ = preload_map().await;
        let _ = preload_profile().await;
    });
}

/// The map's shapes at `url`; the map panel downloads them the first time a widget shows the map.
fn shared_world(url: &str) -> ArcRwSignal<WorldLoad> {
    WORLDS.with_borrow_mut(|all| {
        if let Some((_, world)) = all.iter().find(|(u, _)| u == url) {
            return world.clone();
        }
        let world = ArcRwSignal::new(WorldLoad::Idle);
        all.push((url.to_owned(), world.clone()));
        world
    })
}

/// The dataset's address for `settings`: the `dataset` attribute resolved against the partner's
/// page, or the one on the campaign site. An address that is not http(s) is refused.
fn dataset_url(settings: &Settings, site: &str) -> Result<String, Warning> {
    let Some(written) = &settings.dataset else {
        return Ok(default_dataset(site));
    };
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    match web_sys::Url::new_with_base(written, &base) {
        Ok(url) if matches!(url.protocol().as_str(), "http:" | "https:") => Ok(url.href()),
        _ => Err(Warning::new(
            "dataset",
            written,
            wjc_core::embed::DATASET_EXPECTED,
        )),
    }
}

/// The campaign's own dataset, next to `widget.js`.
fn default_dataset(site: &str) -> String {
    format!("{site}{LIST_PATH}")
}

/// Prints a warning for the partner's webmaster.
pub fn warn(warning: &Warning) {
    web_sys::console::warn_1(&warning.to_string().into());
}

/// One widget: its settings, which the element's attributes change, and its mounted view.
pub struct Widget {
    settings: ArcRwSignal<Settings>,
    site: String,
    /// Unmounts the view when dropped.
    _mounted: Box<dyn std::any::Any>,
}

impl Widget {
    /// Mounts a widget into `root` (an element inside the custom element's shadow root) with the
    /// element's `attributes`, loading from `site`, the campaign site's address (ending in `/`).
    pub fn mount(
        root: web_sys::HtmlElement,
        site: String,
        attributes: &[(String, Option<String>)],
    ) -> Self {
        let mut initial = Settings::default();
        for (name, value) in attributes {
            apply(&mut initial, &site, name, value.as_deref());
        }
        let settings = ArcRwSignal::new(initial);
        let for_view = settings.clone();
        let for_mount = site.clone();
        let mounted = leptos::mount::mount_to(root, move || {
            view! { <WidgetRoot settings=for_view.into() site=for_mount /> }
        });
        Self {
            settings,
            site,
            _mounted: Box::new(mounted),
        }
    }

    /// Applies a changed attribute, warning once if its value is ignored.
    pub fn set(&self, name: &str, value: Option<&str>) {
        let mut next = self.settings.get_untracked();
        apply(&mut next, &self.site, name, value);
        self.settings.set(next);
    }
}

/// Applies one attribute to `settings`, warning when its value is ignored; a `dataset` that is
/// not an http(s) address is ignored here, so the settings only ever name one that can load.
fn apply(settings: &mut Settings, site: &str, name: &str, value: Option<&str>) {
    let result = settings.set(name, value).and_then(|()| {
        if name == "dataset" {
            dataset_url(settings, site)
                .map(drop)
                .inspect_err(|_| settings.dataset = None)
        } else {
            Ok(())
        }
    });
    if let Err(warning) = result {
        warn(&warning);
    }
}

/// The widget's frame: where its data comes from, then the body.
#[component]
fn WidgetRoot(settings: RwSignal<Settings>, site: String) -> impl IntoView {
    let compact = move || settings.with(|s| s.compact);
    let site_for_url = site.clone();
    // Only another dataset or link mode rebuilds the body; other settings change it in place.
    let source = Memo::new(move |_| {
        settings.with(|s| {
            let url =
                dataset_url(s, &site_for_url).unwrap_or_else(|_| default_dataset(&site_for_url));
            (url, s.link)
        })
    });
    let body = move || {
        let (url, link) = source.get();
        let host = Host::Widget {
            site: site.clone(),
            origin: web_sys::Url::new(&site)
                .map(|u| u.origin())
                .unwrap_or_default(),
            profiles: link,
        };
        let load = RwSignal::from(shared_dataset(&url));
        let world = RwSignal::from(shared_world(&format!("{site}{WORLD_PATH}")));
        let retry_url = url.clone();
        let retry = move || {
            let shared = shared_dataset(&retry_url);
            download_dataset(retry_url.clone(), shared);
        };
        view! { <WidgetBody settings=settings host=host load=load world=world on_retry=retry /> }
    };
    view! {
        <div class="wjc-widget" class:wjc-widget--compact=compact>{body}</div>
    }
}

/// The widget's content for one dataset: loading, a failure, the cards and map, or a profile.
#[component]
fn WidgetBody(
    settings: RwSignal<Settings>,
    host: Host,
    load: RwSignal<Load>,
    world: RwSignal<WorldLoad>,
    on_retry: impl Fn() + Clone + Send + 'static,
) -> impl IntoView {
    let state = AppState::provide(
        host,
        settings.with_untracked(Settings::view_state),
        load,
        world,
    );
    // A changed preset (country, status, query, view) starts the widget over on it.
    let preset = Memo::new(move |_| settings.with(Settings::view_state));
    Effect::new(move |first: Option<()>| {
        let preset = preset.get();
        if first.is_some() {
            state.navigate(preset, crate::browser::HistoryMode::Push);
        }
    });
    let root = NodeRef::<leptos::html::Div>::new();
    focus_on_view_change(state, root);
    crate::language::follow(state);
    let main = move || match load.get() {
        Load::Loading(_) => view! {
            <p class="wjc-widget__message" role="status">
                {ui::LOADING.text()}
            </p>
        }
        .into_any(),
        Load::Failed(failure) => {
            let retry = on_retry.clone();
            view! { <ErrorView failure=failure on_retry=move || retry() /> }.into_any()
        }
        Load::Ready(catalog, _) => {
            if state.view.with(|v| v.profile.is_some()) {
                view! { <Deferred draw=move || profile_page(catalog.clone()) /> }.into_any()
            } else {
                view! { <WidgetList catalog=catalog settings=settings /> }.into_any()
            }
        }
    };
    // Drawn anew in each language, marked with it, right to left inside its shadow root when the
    // language is.
    let speaking = state.speaking;
    view! {
        <div
            node_ref=root
            lang=move || speaking.get().tag()
            dir=move || speaking.get().dir()
            aria-busy=move || load.with(Load::is_loading).to_string()
        >
            {move || {
                speaking.track();
                main()
            }}
        </div>
    }
}

/// Opening a profile moves focus to its heading; returning puts focus back on the card.
fn focus_on_view_change(state: AppState, root: NodeRef<leptos::html::Div>) {
    let profile = Memo::new(move |_| state.view.with(|v| v.profile.clone()));
    Effect::new(move |previous: Option<Option<String>>| {
        let now = profile.get();
        if let Some(before) = previous {
            let selector = match (&before, &now) {
                (_, Some(_)) if before != now => Some("#profile-title".to_owned()),
                (Some(id), None) => Some(format!("#card-{id} a")),
                _ => None,
            };
            if let Some(selector) = selector {
                browser::focus_when_drawn(
                    move || {
                        root.get_untracked()
                            .and_then(|root| root.query_selector(&selector).ok().flatten())
                    },
                    || {},
                );
            }
        }
        now
    });
}

/// The count, the search box, the map and the first cards, with a link to the rest.
#[component]
fn WidgetList(
    catalog: std::sync::Arc<crate::data::Catalog>,
    settings: RwSignal<Settings>,
) -> impl IntoView {
    let state = AppState::expect();
    let total = catalog.dataset.people.len();
    let count = move || state.outcome.with(|o| o.matches.len());
    let compact = Memo::new(move |_| settings.with(|s| s.compact));
    let panes = Memo::new(move |_| settings.with(|s| s.panes));
    let title = view! {
        <a href=state.site_file("") target="_blank" rel="noopener">
            {catalog.dataset.title.clone()}
            <span class="wjc-visually-hidden">{t::NEW_TAB.text()}</span>
        </a>
    };
    let cards = move || {
        panes.get().cards().then(|| {
            view! { <WidgetCards catalog=catalog.clone() settings=settings /> }
        })
    };
    view! {
        <div class="wjc-widget__head">
            <h2 class="wjc-widget__title">{title}</h2>
            <p class="wjc-widget__count" role="status" aria-live="polite" aria-atomic="true">
                {move || text::result_count(count(), total)}
            </p>
        </div>
        {move || (!compact.get()).then(|| view! { <SearchBox /> })}
        {move || panes.get().map().then(|| view! { <Deferred draw=map_panel /> })}
        {cards}
    }
}

/// The first `limit` cards, and a link to the whole filtered list on the campaign site.
#[component]
fn WidgetCards(
    catalog: std::sync::Arc<crate::data::Catalog>,
    settings: RwSignal<Settings>,
) -> impl IntoView {
    let state = AppState::expect();
    let count = move || state.outcome.with(|o| o.matches.len());
    let limit = Memo::new(move |_| settings.with(|s| s.limit));
    let visible = move || {
        state.outcome.with(|o| {
            o.matches
                .iter()
                .take(limit.get())
                .copied()
                .collect::<Vec<_>>()
        })
    };
    let all_href = move || state.href(&state.list_view());
    view! {
        <ul
            class="wjc-grid wjc-widget__grid"
            aria-label=ui::RESULTS.text()
            on:pointerover=|_| load_ahead(preload_profile)
            on:focusin=|_| load_ahead(preload_profile)
        >
            <For each=visible key=|i| *i let(position)>
                <Card catalog=catalog.clone() position=position />
            </For>
        </ul>
        {move || {
            (count() > limit.get())
                .then(|| {
                    view! {
                        <p class="wjc-widget__all">
                            <a href=all_href target="_blank" rel="noopener">
                                {t::show_all(count())}
                                <span class="wjc-visually-hidden">{t::NEW_TAB.text()}</span>
                            </a>
                        </p>
                    }
                })
        }}
    }
}
