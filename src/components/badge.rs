//! Status badges: a word, a shape and a colour for each status (never colour alone), and the legend.

use leptos::prelude::*;
use wjc_core::icon;
use wjc_core::text::{self, ui};
use wjc_core::Status;

/// The badge for `status`.
#[component]
pub fn StatusBadge(
    /// The status shown.
    status: Status,
) -> impl IntoView {
    view! {
        <span class=format!("wjc-badge wjc-badge--{}", status.as_str())>
            <StatusIcon status=status />
            <span>{text::status_label(status)}</span>
        </span>
    }
}

/// The shape that goes with a status, drawn in the badge's text colour.
#[component]
pub fn StatusIcon(
    /// The status drawn.
    status: Status,
) -> impl IntoView {
    let shape = icon::status_path(status);
    view! {
        <svg
            class="wjc-badge__icon"
            viewBox="0 0 16 16"
            width="14"
            height="14"
            aria-hidden="true"
            focusable="false"
        >
            <path d=shape />
        </svg>
    }
}

/// Explains every status the data uses.
#[component]
pub fn StatusLegend(
    /// The statuses to explain, in display order.
    statuses: Vec<Status>,
) -> impl IntoView {
    view! {
        <details class="wjc-legend">
            <summary>{ui::LEGEND.text()}</summary>
            <dl>
                {statuses
                    .into_iter()
                    .map(|status| {
                        view! {
                            <div class="wjc-legend__item">
                                <dt>
                                    <StatusBadge status=status />
                                </dt>
                                <dd>{text::status_description(status)}</dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
        </details>
    }
}
