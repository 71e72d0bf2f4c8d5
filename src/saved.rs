//! The last good dataset, kept in the browser's Cache Storage so a visitor on a flaky connection
//! who has seen the list once still sees it after a reload. This is the only thing the app stores
//! (no cookies, no local storage); docs/privacy.md tells visitors what it is and how to clear it.
//!
//! Cache Storage exists only on secure origins (https, localhost); elsewhere, or when the browser
//! refuses (private windows, a full disk), nothing is saved and the app works as before.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The cache's name; a new name would be needed only if the stored format changed.
const CACHE_NAME: &str = "without-just-cause-dataset";
/// Header on the stored response holding when it was saved, in milliseconds since 1970.
const SAVED_AT: &str = "x-saved-at";

/// The site's cache, when the browser offers one.
async fn open() -> Option<web_sys::Cache> {
    let window = leptos::prelude::window();
    if !window.is_secure_context() {
        return None;
    }
    // Looked up rather than called directly: an absent `caches` must not throw.
    let caches: web_sys::CacheStorage = js_sys::Reflect::get(&window, &JsValue::from_str("caches"))
        .ok()?
        .dyn_into()
        .ok()?;
    JsFuture::from(caches.open(CACHE_NAME))
        .await
        .ok()?
        .dyn_into()
        .ok()
}

/// Keeps `text`, the dataset just read from `url`, with the time, replacing any earlier copy. The
/// text is copied out of WebAssembly's memory at once (and dropped there); the saving goes on
/// without delaying anything, and a failure to save only loses the fallback.
pub fn store(url: &str, text: String) {
    let body = js_sys::Uint8Array::from(text.as_bytes());
    drop(text);
    let url = url.to_owned();
    wasm_bindgen_futures::spawn_local(async move { put(&url, &body).await });
}

/// Puts `body` in the cache as the copy of `url`, with the time.
async fn put(url: &str, body: &js_sys::Uint8Array) {
    let Some(cache) = open().await else {
        return;
    };
    let headers = web_sys::Headers::new().ok();
    if let Some(headers) = &headers {
        let _ = headers.set("content-type", "application/json");
        let _ = headers.set(SAVED_AT, &saved_at_text(js_sys::Date::now()));
    }
    let init = web_sys::ResponseInit::new();
    if let Some(headers) = &headers {
        init.set_headers_headers(headers);
    }
    let Ok(response) = web_sys::Response::new_with_opt_buffer_source_and_init(Some(body), &init)
    else {
        return;
    };
    // Refused (quota, private window): nothing is saved, and nothing else breaks.
    let _ = JsFuture::from(cache.put_with_str(url, &response)).await;
}

/// The copy saved for `url` and when it was saved, if there is one.
pub async fn read(url: &str) -> Option<(String, f64)> {
    let cache = open().await?;
    let response: web_sys::Response = JsFuture::from(cache.match_with_str(url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let saved_at = response
        .headers()
        .get(SAVED_AT)
        .ok()
        .flatten()?
        .parse::<u64>()
        .ok()?;
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    // Milliseconds since 1970 stay far below 2^53, so the value is exact.
    #[allow(clippy::cast_precision_loss)]
    let saved_at = saved_at as f64;
    Some((text, saved_at))
}

/// `Date.now()` for the header. It is a whole number of milliseconds, written as digits as
/// `f64`'s `Display` writes it (copies saved by earlier versions read back the same), without
/// Rust's float formatting and parsing code, which is large in WebAssembly.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn saved_at_text(now_ms: f64) -> String {
    (now_ms as u64).to_string()
}
