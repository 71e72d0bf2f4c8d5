//! The few browser calls the app makes, each in one place, so components stay declarative.

use leptos::prelude::{document, window};
use wasm_bindgen::{JsCast, JsValue};
use wjc_core::pace::Pause;

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

/// Moves keyboard focus to the first element matching `focus` (which must be focusable), then
/// scrolls the first matching `reveal` to the top of the window.
pub fn reveal_and_focus(reveal: &str, focus: &str) {
    let document = document();
    focus_element(document.query_selector(focus).ok().flatten());
    if let Some(element) = document.query_selector(reveal).ok().flatten() {
        element.scroll_into_view_with_bool(true);
    }
}

/// A selector for the focused element, to find it again once the view is drawn afresh: its id,
/// or its card's link. `None` when nothing in the page has focus.
pub fn focused_selector() -> Option<String> {
    let active = document().active_element()?;
    if !active.id().is_empty() {
        return Some(format!("#{}", active.id()));
    }
    let card = active.closest(".wjc-card").ok().flatten()?;
    Some(format!("#{} a", card.id()))
}

/// Moves keyboard focus to `element`, if there is one; in a text field, to the end of its text,
/// so typing goes on where it was.
pub fn focus_element(element: Option<web_sys::Element>) {
    let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    let _ = element.focus();
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        let end = u32::try_from(input.value().encode_utf16().count()).unwrap_or(u32::MAX);
        let _ = input.set_selection_range(end, end);
    }
}

/// Moves keyboard focus to the first element matching `selector`, if any.
pub fn focus_selector(selector: &str) {
    focus_element(document().query_selector(selector).ok().flatten());
}

/// How many animation frames [`focus_when_drawn`] waits for its element: about ten seconds.
const FRAMES_TO_WAIT: u32 = 600;

/// Moves keyboard focus to the element `find` gives in the next animation frame where there is
/// one (a part whose module is still loading draws it later), unless the visitor has put the focus
/// somewhere meanwhile. `then` runs once it is focused.
pub fn focus_when_drawn(
    find: impl Fn() -> Option<web_sys::Element> + 'static,
    then: impl FnOnce() + 'static,
) {
    fn attempt(
        find: impl Fn() -> Option<web_sys::Element> + 'static,
        frames: u32,
        then: impl FnOnce() + 'static,
    ) {
        leptos::prelude::request_animation_frame(move || {
            if let Some(element) = find() {
                focus_element(Some(element));
                then();
            } else if frames > 0 && document().active_element() == document().body().map(Into::into)
            {
                attempt(find, frames - 1, then);
            }
        });
    }
    attempt(find, FRAMES_TO_WAIT, then);
}

/// Scrolls the first element matching `selector` to the top of the window, unless it is already
/// wholly in view.
pub fn reveal_whole(selector: &str) {
    let Some(element) = document().query_selector(selector).ok().flatten() else {
        return;
    };
    let rect = element.get_bounding_client_rect();
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::INFINITY);
    if rect.top() < 0.0 || rect.bottom() > height {
        element.scroll_into_view_with_bool(true);
    }
}

/// Replaces the page's address with `url` (relative to the current one), without a reload.
pub fn replace_url(url: &str) {
    // The icon is fetched late, against the page's address at that moment: pin it to where it
    // is now, or a page in a subfolder would ask for it one folder too high.
    if let Ok(icons) = document().query_selector_all("link[rel~=icon][href]") {
        for icon in (0..icons.length()).filter_map(|i| icons.item(i)) {
            if let Ok(icon) = wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(icon) {
                if let Some(href) = icon.get_attribute("href") {
                    let _ = icon.set_attribute("href", &resolve(&href));
                }
            }
        }
    }
    if let Ok(history) = window().history() {
        // Failure only means the address keeps naming the static page, which still works.
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(url));
    }
}

/// `path` resolved against the page's address: `person/x.html` → `https://host/sub/person/x.html`.
pub fn resolve(path: &str) -> String {
    web_sys::Url::new_with_base(path, &href()).map_or_else(|_| path.to_owned(), |url| url.href())
}

/// The id of the element the app is mounted in.
pub const ROOT_ID: &str = "wjc-root";

/// Shows or hides the app's element while the page's static rendering is on screen (it then holds
/// only a notice over the static list).
pub fn show_root(shown: bool) {
    if let Some(root) = document().get_element_by_id(ROOT_ID) {
        if shown {
            let _ = root.remove_attribute("hidden");
        } else {
            let _ = root.set_attribute("hidden", "");
        }
    }
}

/// Removes the page's static rendering, if any, and shows the app in its place. Keyboard focus in
/// the static rendering moves to the same element, or the same card, in the app.
pub fn end_static_fallback() {
    let document = document();
    let Some(fallback) = document.get_element_by_id(crate::STATIC_ID) else {
        return;
    };
    let focused = document
        .active_element()
        .filter(|active| fallback.contains(Some(active)))
        .and_then(|_| focused_selector());
    fallback.remove();
    if let Some(root) = document.get_element_by_id(ROOT_ID) {
        let _ = root.remove_attribute("hidden");
    }
    if let Some(selector) = focused {
        focus_element(document.query_selector(&selector).ok().flatten());
    }
}

/// A [`Pause`] for long work on the main thread: once the work has run for [`WORK_MS`] since it
/// last gave way, it lets the browser paint and answer input before going on.
pub struct FramePause {
    since: f64,
}

/// How long work runs before a [`FramePause`] gives way: well within a 60 Hz frame, leaving the
/// browser time to paint.
const WORK_MS: f64 = 10.0;

impl FramePause {
    /// A pause whose first slice of work starts now.
    pub fn starting_now() -> Self {
        Self { since: now() }
    }

    /// Gives way now, whatever the time: the next slice of work starts in a task of its own.
    pub async fn give_way(&mut self) {
        next_task().await;
        self.since = now();
    }
}

impl Pause for FramePause {
    async fn pause(&mut self) {
        if now() - self.since >= WORK_MS {
            self.give_way().await;
        }
    }
}

/// Waits for a new task of the page's event loop, so that the browser can paint and answer input
/// first if it has to: a message the page posts to itself. A timer would do the same, but the
/// browser makes each timer wait at least 4 ms once a few follow each other (about a second of
/// nothing over a large list's reading), and only once a second in a background tab.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Ok(channel) = web_sys::MessageChannel::new() {
            channel.port1().set_onmessage(Some(resolve.unchecked_ref()));
            if channel.port2().post_message(&JsValue::UNDEFINED).is_ok() {
                return;
            }
        }
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Lets the microtasks queued so far run (render effects among them) without giving way to the
/// browser.
pub async fn microtasks() {
    let resolved = js_sys::Promise::resolve(&JsValue::UNDEFINED);
    let _ = wasm_bindgen_futures::JsFuture::from(resolved).await;
}

/// Milliseconds on the page's clock (0 where the browser keeps none, so nothing pauses).
fn now() -> f64 {
    window()
        .performance()
        .map_or(0.0, |performance| performance.now())
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

/// Opens the browser's own share sheet (the Web Share API) with `text` and `url`; false where the
/// browser has none, so the caller offers its own links. A visitor who closes the sheet has
/// chosen: that is not a failure.
pub fn web_share(text: &str, url: &str) -> bool {
    let navigator = window().navigator();
    let Ok(share) = js_sys::Reflect::get(&navigator, &JsValue::from_str("share")) else {
        return false;
    };
    let Some(share) = share.dyn_ref::<js_sys::Function>() else {
        return false;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"text".into(), &text.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    match share.call1(&navigator, &data) {
        Ok(promise) => {
            if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                // Closing the sheet rejects the promise; nothing to do then.
                leptos::task::spawn_local(async move {
                    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
                });
            }
            true
        }
        Err(_) => false,
    }
}

/// Opens the browser's print dialog (the print stylesheet makes the case sheet).
pub fn print() {
    let _ = window().print();
}

/// The User Timing name of one query run (search, filters, facet counts and order): tools such as
/// `make bench` read it with a `PerformanceObserver`.
pub const QUERY_MEASURE: &str = "wjc:query";

/// Runs `work` between two standard User Timing marks and records the time as the measure
/// [`QUERY_MEASURE`], then clears the marks and the measure from the page's timeline (observers
/// have already received it), so a long session keeps no growing buffer.
pub fn measure_query<T>(work: impl FnOnce() -> T) -> T {
    const START: &str = "wjc:query:start";
    // Natively (the static pages) there is no page and no timeline.
    if cfg!(not(target_family = "wasm")) {
        return work();
    }
    let Some(performance) = window().performance() else {
        return work();
    };
    let _ = performance.mark(START);
    let result = work();
    // A failure here only means nothing is recorded.
    let _ = performance.measure_with_start_mark(QUERY_MEASURE, START);
    performance.clear_marks_with_mark_name(START);
    performance.clear_measures_with_measure_name(QUERY_MEASURE);
    result
}

/// Opens `url` in a new tab that cannot reach back to this page.
pub fn open_in_new_tab(url: &str) {
    // Refused by a popup blocker: the visitor can still open the link with the context menu.
    let _ = window().open_with_url_and_target_and_features(url, "_blank", "noopener,noreferrer");
}

/// The visitor's preferred languages, most wanted first (`navigator.languages`).
pub fn preferred_languages() -> Vec<String> {
    window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect()
}

/// The language the page says it is in (`<html lang>`), for a widget on a partner's page.
pub fn page_language() -> Option<String> {
    document()
        .document_element()
        .map(|root| root.get_attribute("lang").unwrap_or_default())
        .filter(|lang| !lang.is_empty())
}

/// Says on the page which language and direction it is in now (`<html lang dir>`), for screen
/// readers, fonts, hyphenation and the right-to-left layout.
pub fn set_page_language(tag: &str, dir: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", tag);
        let _ = root.set_attribute("dir", dir);
    }
}

/// How long [`idle`] waits where the browser cannot say when it is idle (Safari has no
/// `requestIdleCallback`).
const IDLE_FALLBACK_MS: i32 = 2_000;

/// Resolves in the browser's next idle period: after the work of the moment, the page's drawing
/// and its input.
pub async fn idle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = window();
        if window.request_idle_callback(&resolve).is_err() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, IDLE_FALLBACK_MS);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Whether the visitor asked their browser to save data (`Save-Data`, "Lite mode"): nothing is
/// fetched ahead of need then.
pub fn saves_data() -> bool {
    let navigator = window().navigator();
    js_sys::Reflect::get(&navigator, &JsValue::from_str("connection"))
        .ok()
        .filter(JsValue::is_object)
        .and_then(|connection| {
            js_sys::Reflect::get(&connection, &JsValue::from_str("saveData")).ok()
        })
        .is_some_and(|save| save.is_truthy())
}

/// Whether this browser has service workers: the campaign site's worker then keeps every part's
/// module from its install (the site's loader registers it). Private windows of some browsers,
/// and pages not served over https, have none.
pub fn has_service_workers() -> bool {
    js_sys::Reflect::has(&window().navigator(), &JsValue::from_str("serviceWorker"))
        .unwrap_or(false)
}
