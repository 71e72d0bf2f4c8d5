//! Status badges: a word, a shape and a colour for each status (never colour alone), and the legend.

use leptos::prelude::*;
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
    // Each status has its own shape so badges differ without colour.
    let shape = match status {
        Status::Detained => "M3 3h10v10H3z M6 3v10 M10 3v10",
        Status::Imprisoned => "M2 2h12v12H2z M5.5 2v12 M8 2v12 M10.5 2v12",
        Status::HouseArrest => "M8 2 14 7.5V14H2V7.5z",
        Status::Disappeared => "M8 2a6 6 0 1 1 0 12A6 6 0 0 1 8 2z M6.2 6.2a1.9 1.9 0 1 1 2.6 1.8c-.6.3-.8.7-.8 1.3 M8 11.4v.2",
        Status::Released => "M3 8.5 6.5 12 13 4.5",
        Status::Exiled => "M2 8h10 M8.5 4.5 12 8l-3.5 3.5 M14 3v10",
        Status::DiedInCustody => "M8 2v12 M4 6h8",
        Status::Unknown => "M8 3a5 5 0 1 1 0 10A5 5 0 0 1 8 3z",
    };
    view! {
        <svg class="wjc-badge__icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
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
            <summary>{ui::LEGEND}</summary>
            <dl>
                {statuses.into_iter().map(|status| view! {
                    <div class="wjc-legend__item">
                        <dt><StatusBadge status=status /></dt>
                        <dd>{text::status_description(status)}</dd>
                    </div>
                }).collect_view()}
            </dl>
        </details>
    }
}
