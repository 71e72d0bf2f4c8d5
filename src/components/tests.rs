//! Component tests in a real browser (`wasm-bindgen-test` through headless Chromium).

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use wjc_core::paging::PAGE_SIZE;
use wjc_core::query::Index;
use wjc_core::{read_list, Status};

use super::badge::StatusBadge;
use super::deferred::Deferred;
use super::list::ListPage;
use super::profile::profile_page;
use super::staged::{Stage, Stages};
use crate::data::Catalog;
use crate::state::{AppState, Fetch, Load};

wasm_bindgen_test_configure!(run_in_browser);

const DATASET: &str = include_str!("../../assets/data/prisoners.json");

fn catalog() -> Arc<Catalog> {
    let list = read_list(DATASET).expect("the shipped dataset loads");
    let index = Index::new(&list.loaded.dataset);
    Arc::new(Catalog::new(list, index, "data/list.json"))
}

/// A fresh element in the document to mount into.
fn container() -> web_sys::HtmlElement {
    let document = document();
    let element = document
        .create_element("div")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    document.body().unwrap().append_child(&element).unwrap();
    element
}

/// Lets effects and rendering catch up after a signal changes.
async fn settle() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

fn texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i).and_then(|n| n.text_content()))
        .collect()
}

#[wasm_bindgen_test]
fn badge_shows_a_word_and_a_shape_not_colour_alone() {
    let root = container();
    let _handle = mount_to(
        root.clone(),
        || view! { <StatusBadge status=Status::HouseArrest /> },
    );
    let badge = root
        .query_selector(".wjc-badge--house_arrest")
        .unwrap()
        .expect("badge with its modifier class");
    assert_eq!(badge.text_content().unwrap(), "House arrest");
    let icon = badge.query_selector("svg").unwrap().expect("an icon");
    assert_eq!(icon.get_attribute("aria-hidden").as_deref(), Some("true"));
}

/// Mounts the list page with the shipped dataset; returns the state it runs on, and the mount
/// (the page is removed when it is dropped).
fn list_page(root: &web_sys::HtmlElement) -> (AppState, impl Sized) {
    let catalog = catalog();
    let state = StoredValue::new(None::<AppState>);
    let handle = mount_to(root.clone(), move || {
        let app = AppState::provide_for_page();
        app.load.set(Load::Ready(catalog.clone(), Fetch::Idle));
        state.set_value(Some(app));
        view! { <ListPage catalog=catalog.clone() /> }
    });
    (state.get_value().unwrap(), handle)
}

#[wasm_bindgen_test]
async fn list_draws_a_page_of_cards_and_follows_the_query() {
    let root = container();
    let total = catalog().dataset.people.len();
    assert!(total > PAGE_SIZE && total <= 2 * PAGE_SIZE, "two pages");
    let (app, _mounted) = list_page(&root);
    settle().await;
    assert_eq!(texts(&root, ".wjc-card__name").len(), PAGE_SIZE);
    assert_eq!(
        texts(&root, ".wjc-results-bar__count"),
        [format!("{total} people")]
    );
    assert_eq!(
        texts(&root, ".wjc-results-bar__page"),
        [format!("Page 1 of 2: people 1 to {PAGE_SIZE}")]
    );
    assert_eq!(texts(&root, ".wjc-pages__link"), ["1", "2"]);
    assert_eq!(texts(&root, ".wjc-pages__next"), ["Next page"]);
    assert!(texts(&root, ".wjc-pages__prev").is_empty());

    // The second page replaces the first: the rest of the list, never more than a page.
    app.view.update(|v| v.page = 1);
    settle().await;
    assert_eq!(texts(&root, ".wjc-card__name").len(), total - PAGE_SIZE);
    assert_eq!(texts(&root, ".wjc-pages__prev"), ["Previous page"]);
    let current = root
        .query_selector(".wjc-pages__link[aria-current=page]")
        .unwrap()
        .unwrap();
    assert_eq!(current.text_content().unwrap(), "2");
    assert_eq!(current.get_attribute("aria-label").unwrap(), "Page 2");

    // A new query starts from its first page.
    app.update_query(crate::browser::HistoryMode::Replace, |q| {
        q.filters.statuses.insert(Status::Released);
    });
    settle().await;
    assert_eq!(app.view.get_untracked().page, 0);
    assert_eq!(texts(&root, ".wjc-card__name").len(), 4);
    assert_eq!(
        texts(&root, ".wjc-results-bar__count"),
        [format!("4 of {total} people")]
    );
    assert!(
        texts(&root, ".wjc-pages__link").is_empty(),
        "one page, no pager"
    );
    // Cards link to profiles that keep the filter.
    let href = root
        .query_selector(".wjc-card__name a")
        .unwrap()
        .unwrap()
        .get_attribute("href")
        .unwrap();
    assert!(
        href.starts_with("#/person/") && href.ends_with("?status=released"),
        "{href}"
    );
    app.update_query(crate::browser::HistoryMode::Replace, |q| {
        q.filters.statuses.clear();
    });
}

#[wasm_bindgen_test]
async fn facet_counts_change_in_place_and_long_filters_are_shortlisted() {
    let root = container();
    let (app, _mounted) = list_page(&root);
    settle().await;
    let count = root
        .query_selector("label[for=wjc-status-imprisoned] .wjc-facet__count")
        .unwrap()
        .expect("the open status filter draws its options");
    count.set_attribute("data-mark", "same").unwrap();
    let before: usize = count.text_content().unwrap().parse().unwrap();
    app.update_query(crate::browser::HistoryMode::Replace, |q| {
        q.filters
            .countries
            .insert(wjc_core::CountryCode::parse("BY").unwrap());
    });
    settle().await;
    let after = root
        .query_selector("label[for=wjc-status-imprisoned] .wjc-facet__count")
        .unwrap()
        .unwrap();
    assert_eq!(after.get_attribute("data-mark").as_deref(), Some("same"));
    assert_eq!(after.text_content().unwrap(), "3");
    assert!(before > 3);

    // Closed filters draw no options; the country filter, opened, draws its shortlist, the
    // chosen country and a button for every country.
    let countries = "#wjc-country-options .wjc-facet__option";
    assert_eq!(root.query_selector_all(countries).unwrap().length(), 0);
    let details = root
        .query_selector_all(".wjc-facet")
        .unwrap()
        .item(1)
        .unwrap()
        .unchecked_into::<web_sys::Element>();
    details.set_attribute("open", "").unwrap();
    settle().await;
    settle().await;
    let drawn = root.query_selector_all(countries).unwrap().length() as usize;
    assert!(
        (1..=wjc_core::shortlist::SHORTLIST + 1).contains(&drawn),
        "{drawn} countries drawn"
    );
    assert!(root.query_selector("#wjc-country-BY").unwrap().is_some());
    let all = root
        .query_selector("#wjc-country-options ~ .wjc-more-options")
        .unwrap()
        .expect("a button for every country")
        .unchecked_into::<web_sys::HtmlElement>();
    assert_eq!(all.text_content().unwrap(), "Show all 18 countries");
    assert_eq!(all.get_attribute("aria-expanded").as_deref(), Some("false"));
    all.click();
    settle().await;
    assert_eq!(root.query_selector_all(countries).unwrap().length(), 18);
    assert_eq!(all.text_content().unwrap(), "Show fewer countries");
    assert_eq!(all.get_attribute("aria-expanded").as_deref(), Some("true"));
    app.update_query(crate::browser::HistoryMode::Replace, |q| {
        q.filters.countries.clear();
    });
}

#[wasm_bindgen_test]
async fn profile_shows_name_as_heading_and_the_facts() {
    let root = container();
    let catalog = catalog();
    let _handle = mount_to(root.clone(), move || {
        let app = AppState::provide_for_page();
        app.load.set(Load::Ready(catalog.clone(), Fetch::Idle));
        app.view.update(|v| v.profile = Some("kem-sokha".into()));
        let catalog = catalog.clone();
        view! { <Deferred draw=move || profile_page(catalog.clone()) /> }
    });
    settle().await;
    assert_eq!(texts(&root, "h1"), ["Kem Sokha"]);
    let facts = texts(&root, ".wjc-facts").concat();
    assert!(facts.contains("House arrest"), "{facts}");
    assert!(facts.contains("27 years"), "{facts}");
    assert!(facts.contains("3 Mar 2023"), "{facts}");
}

/// Mounts three staged parts, one inside another, under `Stages` when `staging`; returns the
/// stages and the mount.
fn staged_parts(root: &web_sys::HtmlElement, staging: bool) -> (Option<Stages>, impl Sized) {
    let stages = StoredValue::new(None::<Stages>);
    let handle = mount_to(root.clone(), move || {
        stages.set_value(staging.then(Stages::provide));
        view! {
            <p class="frame">"frame"</p>
            <Stage>
                <p class="part">"one"</p>
                <Stage>
                    <p class="part">"inner"</p>
                </Stage>
            </Stage>
            <Stage>
                <p class="part">"two"</p>
            </Stage>
        }
    });
    (stages.get_value(), handle)
}

#[wasm_bindgen_test]
async fn staged_parts_wait_for_their_turn_then_the_view_is_whole() {
    let root = container();
    let (stages, _handle) = staged_parts(&root, true);
    let stages = stages.expect("stages provided");
    assert_eq!(texts(&root, ".frame"), ["frame"]);
    assert!(
        texts(&root, ".part").is_empty(),
        "nothing staged is drawn yet"
    );
    assert!(!stages.whole());
    stages.draw();
    for _ in 0..100 {
        if stages.whole() {
            break;
        }
        settle().await;
    }
    assert!(stages.whole(), "every part drawn");
    assert_eq!(texts(&root, ".part"), ["one", "inner", "two"]);
}

#[wasm_bindgen_test]
async fn parts_draw_at_once_without_stages_and_once_staging_stops() {
    let root = container();
    let (_, _handle) = staged_parts(&root, false);
    assert_eq!(texts(&root, ".part"), ["one", "inner", "two"]);

    // A view drawn once the staged one is on screen (a new language, the whole list) draws whole.
    let later = container();
    let handles = StoredValue::new(None::<(Stages, RwSignal<bool>)>);
    let _later = mount_to(later.clone(), move || {
        let stages = Stages::provide();
        let shown = RwSignal::new(false);
        handles.set_value(Some((stages, shown)));
        move || {
            shown.get().then(|| {
                view! {
                    <Stage>
                        <p class="part">"late"</p>
                    </Stage>
                }
            })
        }
    });
    let (stages, shown) = handles.get_value().expect("mounted");
    stages.stop();
    shown.set(true);
    settle().await;
    assert_eq!(texts(&later, ".part"), ["late"]);
}
