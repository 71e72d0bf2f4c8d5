//! The without-just-cause web app: a Leptos client-side app that fetches the static dataset and
//! lets visitors browse, search and filter the people on it, and read each person's story.
//!
//! All logic lives in `wjc-core`; this crate wires signals to it and draws.

// Leptos components receive their props by value, whether or not they consume them.
#![allow(clippy::needless_pass_by_value)]

mod app;
mod browser;
mod components;
mod data;
mod state;
mod world;

pub use app::App;

/// The dataset's address, relative to the page so the site works from any sub-path.
pub const DATASET_URL: &str = "data/prisoners.json";

/// Mounts the app into the page's `#app` element (or the body when there is none).
pub fn start() {
    let target = leptos::prelude::document()
        .get_element_by_id("app")
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
    match target {
        Some(element) => {
            // The page's static fallback content is replaced by the live app.
            element.set_text_content(None);
            leptos::mount::mount_to(element, App).forget();
        }
        None => leptos::mount::mount_to_body(App),
    }
}
