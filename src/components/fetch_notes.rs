//! What the visitor is told about the download itself: that the app is trying again, and that
//! the list on screen is a copy saved earlier in this browser.

use leptos::prelude::*;
use wjc_core::text::{self, ui};
use wjc_core::SavedCopy;

use crate::state::{AppState, Fetch};

/// Over the skeleton cards: why the last try failed and that another is coming.
#[component]
pub fn RetryNote() -> impl IntoView {
    let state = AppState::expect();
    let note = move || {
        state.load.with(|l| match l.fetch() {
            Fetch::Retrying(r) => Some(text::retrying(r.next_attempt, &r.failure)),
            Fetch::Idle | Fetch::Running | Fetch::Reading => None,
        })
    };
    view! {
        <p class="wjc-retry-note" role="status">
            {note}
        </p>
    }
}

/// "Showing a copy saved 3 days ago — the latest list could not be loaded", why, and Retry; or,
/// while the latest list is still on its way, that it has not arrived yet.
#[component]
pub fn SavedCopyNote(
    /// The copy on screen.
    saved: SavedCopy,
    /// Fetches the latest list again, keeping this copy on screen meanwhile.
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    let state = AppState::expect();
    let age = saved.age_seconds(js_sys::Date::now());
    let busy = move || state.load.with(|l| *l.fetch() != Fetch::Idle);
    view! {
        <div class="wjc-notice wjc-notice--saved" role="status">
            <p class="wjc-notice__text">{text::saved_copy_note(age, saved.failure.is_some())}</p>
            <button type="button" class="wjc-button" disabled=busy on:click=move |_| on_retry()>
                {move || if busy() { ui::CHECKING_LATEST.text() } else { ui::RETRY.text() }}
            </button>
            {saved
                .failure
                .map(|failure| {
                    view! {
                        <details class="wjc-notice__details">
                            <summary>{ui::DETAILS.text()}</summary>
                            <p>{text::load_failure(&failure)}</p>
                        </details>
                    }
                })}
        </div>
    }
}
