//! The few browser calls the app makes, each in one place, so components stay declarative.

use leptos::prelude::{document, window};
use wasm_bindgen::JsValue;

/// The URL fragment, with its leading `#` (empty when there is none).
pub fn fragment() -> String {
    window().location().hash().unwrap_or_default()
}

/// How a new URL enters the browser's history.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum HistoryMode {
    /// A new entry: Back returns to the previous view.
    Push,
    /// Replaces the current entry (typing in search should not fill the history).
    Replace,
}

/// Puts `fragment` in the address bar without reloading or firing `hashchange`.
pub fn set_fragment(fragment: &str, mode: HistoryMode) {
    let Ok(history) = window().history() else {
        return;
    };
    // Failure here (e.g. a sandboxed frame) only means the URL does not follow the view.
    let _ = match mode {
        HistoryMode::Push => history.push_state_with_url(&JsValue::NULL, "", Some(fragment)),
        HistoryMode::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(fragment)),
    };
}

/// Sets the document's title.
pub fn set_title(title: &str) {
    document().set_title(title);
}

/// How far the page is scrolled.
pub fn scroll_y() -> f64 {
    window().scroll_y().unwrap_or(0.0)
}

/// Scrolls the page to `y`, instantly.
pub fn scroll_to(y: f64) {
    window().scroll_to_with_x_and_y(0.0, y);
}

/// The page's full address, for the copy-link button.
pub fn href() -> String {
    window().location().href().unwrap_or_default()
}

/// The page's origin (`https://host`), to tell own-site images from third-party ones.
pub fn origin() -> String {
    window().location().origin().unwrap_or_default()
}

/// Copies `text` to the clipboard; false when the browser refused.
pub async fn copy_text(text: &str) -> bool {
    let promise = window().navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
