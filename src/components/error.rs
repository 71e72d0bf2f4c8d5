//! What a visitor sees when the list cannot be loaded: what happened, and a way to try again.

use leptos::prelude::*;
use wjc_core::text::{self, ui};
use wjc_core::Failure;

/// The error view with a Retry button.
#[component]
pub fn ErrorView(
    /// What went wrong.
    failure: Failure,
    /// Starts loading again.
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <section class="wjc-error" role="alert" aria-labelledby="wjc-error-title">
            <h2 id="wjc-error-title">{ui::ERROR_TITLE.text()}</h2>
            <p class="wjc-error__message" dir="auto">
                {text::load_failure(&failure)}
            </p>
            <button type="button" class="wjc-button" on:click=move |_| on_retry()>
                {ui::RETRY.text()}
            </button>
        </section>
    }
}
