//! Dismissible notices: records the loader skipped, and parts of the URL that were ignored.

use leptos::prelude::*;
use wjc_core::text::{self, ui};
use wjc_core::Report;

use crate::state::AppState;

/// "2 records could not be shown", with the reasons under "Details".
#[component]
pub fn SkippedNotice(
    /// The loader's report.
    report: Report,
) -> impl IntoView {
    let dismissed = RwSignal::new(false);
    let state = AppState::expect();
    let skipped = report.skipped();
    let problems: Vec<String> = report.errors.iter().map(ToString::to_string).collect();
    view! {
        <Show when=move || { skipped > 0 && !dismissed.get() }>
            <div class="wjc-notice" role="note">
                <p class="wjc-notice__text">{text::skipped_notice(skipped)}</p>
                <details class="wjc-notice__details">
                    <summary>{ui::DETAILS.text()}</summary>
                    <ul>
                        {problems
                            .iter()
                            .map(|p| view! { <li dir="auto">{p.clone()}</li> })
                            .collect_view()}
                    </ul>
                </details>
                {state
                    .interactive(
                        view! {
                            <button
                                type="button"
                                class="wjc-button wjc-button--quiet"
                                on:click=move |_| dismissed.set(true)
                            >
                                {ui::DISMISS.text()}
                            </button>
                        },
                    )}
            </div>
        </Show>
    }
}

/// Names the parts of the address that were not understood (the rest of the link still applies).
#[component]
pub fn IgnoredUrlNotice() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <Show when=move || state.ignored.with(|i| !i.is_empty())>
            <div class="wjc-notice" role="note">
                <p class="wjc-notice__text">{ui::IGNORED_URL_PARTS.text()}</p>
                <ul>
                    {move || {
                        state
                            .ignored
                            .get()
                            .into_iter()
                            .map(|p| {
                                view! {
                                    <li>
                                        <code>{p}</code>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <button
                    type="button"
                    class="wjc-button wjc-button--quiet"
                    on:click=move |_| state.ignored.set(vec![])
                >
                    {ui::DISMISS.text()}
                </button>
            </div>
        </Show>
    }
}
