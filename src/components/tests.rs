//! Component tests in a real browser (`wasm-bindgen-test` through headless Chromium).

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use wjc_core::{load, Status};

use super::badge::StatusBadge;
use super::list::ListPage;
use super::profile::ProfilePage;
use crate::data::Catalog;
use crate::state::{AppState, Load};

wasm_bindgen_test_configure!(run_in_browser);

const DATASET: &str = include_str!("../../assets/data/prisoners.json");

fn catalog() -> Arc<Catalog> {
    Arc::new(Catalog::new(
        load(DATASET).expect("the shipped dataset loads"),
        None,
    ))
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

#[wasm_bindgen_test]
async fn list_draws_every_card_and_follows_the_query() {
    let root = container();
    let catalog = catalog();
    let total = catalog.dataset.people.len();
    let state = StoredValue::new(None::<AppState>);
    let _handle = mount_to(root.clone(), move || {
        let app = AppState::provide_for_page();
        app.load.set(Load::Ready(catalog.clone()));
        state.set_value(Some(app));
        view! { <ListPage catalog=catalog.clone() /> }
    });
    settle().await;
    assert_eq!(texts(&root, ".wjc-card__name").len(), total);
    assert_eq!(
        texts(&root, ".wjc-results-bar__count"),
        [format!("{total} people")]
    );

    let app = state.get_value().unwrap();
    app.update_query(crate::browser::HistoryMode::Replace, |q| {
        q.filters.statuses.insert(Status::Released);
    });
    settle().await;
    assert_eq!(texts(&root, ".wjc-card__name").len(), 4);
    assert_eq!(
        texts(&root, ".wjc-results-bar__count"),
        [format!("4 of {total} people")]
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
async fn profile_shows_name_as_heading_and_the_facts() {
    let root = container();
    let catalog = catalog();
    let _handle = mount_to(root.clone(), move || {
        let app = AppState::provide_for_page();
        app.load.set(Load::Ready(catalog.clone()));
        app.view.update(|v| v.profile = Some("kem-sokha".into()));
        view! { <ProfilePage catalog=catalog.clone() /> }
    });
    settle().await;
    assert_eq!(texts(&root, "h1"), ["Kem Sokha"]);
    let facts = texts(&root, ".wjc-facts").concat();
    assert!(facts.contains("House arrest"), "{facts}");
    assert!(facts.contains("27 years"), "{facts}");
    assert!(facts.contains("3 Mar 2023"), "{facts}");
}
