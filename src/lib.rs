//! The without-just-cause web app: a Leptos client-side app that fetches the static dataset and
//! lets visitors browse, search and filter the people on it, and read each person's story.
//!
//! All logic lives in `wjc-core`; this crate wires signals to it and draws.

// Leptos components receive their props by value, whether or not they consume them.
#![allow(clippy::needless_pass_by_value)]
// Natively (`ssr`), without `erase_components`, the profile's view type is deeply nested.
#![recursion_limit = "512"]

mod app;
mod browser;
mod components;
mod data;
mod language;
#[cfg(feature = "ssr")]
pub mod render;
mod saved;
mod state;
pub mod widget;
mod world;

/// The address of the list the app loads (`wjc compile`), relative to the page so the site
/// works from any sub-path.
pub const LIST_URL: &str = wjc_core::compiled::LIST_PATH;

pub use app::App;

/// The id of the static rendering that `wjc site` writes into pages, which the app replaces.
pub const STATIC_ID: &str = "wjc-static";

/// Provided when the page came with a static rendering: the static pages were built, so links to
/// them can be shared.
#[derive(Clone, Copy, Debug)]
pub struct StaticPages;

/// Provided when `wjc site` made a QR code for each profile (it knew the site's address), which a
/// printed case sheet then shows: the app element's `data-qr` says so.
#[derive(Clone, Copy, Debug)]
pub struct QrCodes;

/// Provided when the list is lean (`wjc compile`): the address of its first page, which the app
/// shows while the list downloads.
#[derive(Clone, Debug)]
pub struct FirstPage(pub String);

/// Mounts the app into the page's `#app` element (or the body when there is none).
///
/// A page built by `wjc site` already shows the list or a profile as static HTML. The app mounts
/// beside it, hidden, and takes its place once the data has settled (see [`App`]), so the visitor
/// never sees a blank page, a skeleton after real content, or the same list twice.
pub fn start() {
    let document = leptos::prelude::document();
    let target = document
        .get_element_by_id("app")
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
    let Some(target) = target else {
        leptos::mount::mount_to_body(App);
        return;
    };
    // A static profile (`person/<id>.html`) names the app's address for it; moving there first
    // makes the URL, the dataset's relative address and the app's view all agree.
    if let Some(url) = target.get_attribute("data-app-url") {
        browser::replace_url(&url);
    }
    let static_pages = document.get_element_by_id(STATIC_ID).is_some();
    let first_page = target.get_attribute("data-first").map(FirstPage);
    let qr_codes = target.has_attribute("data-qr");
    let Some(root) = document
        .create_element("div")
        .ok()
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok())
    else {
        return;
    };
    root.set_id(browser::ROOT_ID);
    root.set_hidden(static_pages);
    // Before the static rendering, so what the app says over it (a failed download) is above it.
    let static_rendering = document.get_element_by_id(STATIC_ID);
    if target
        .insert_before(&root, static_rendering.as_ref().map(AsRef::as_ref))
        .is_err()
    {
        return;
    }
    leptos::mount::mount_to(root, move || {
        if static_pages {
            leptos::prelude::provide_context(StaticPages);
        }
        if let Some(first_page) = first_page {
            leptos::prelude::provide_context(first_page);
        }
        if qr_codes {
            leptos::prelude::provide_context(QrCodes);
        }
        leptos::prelude::view! { <App /> }
    })
    .forget();
}
