//! A person's summary in the language spoken, and the note under a text a machine translated,
//! until a person has reviewed it.

use leptos::prelude::*;
use wjc_core::text::ui;

use crate::state::Summary;

/// A person's summary as a card or a profile shows it ([`crate::state::AppState::summary`]): in
/// its own language and direction, with the note when a machine translated it.
#[component]
pub fn SummaryText(
    /// The summary.
    summary: Summary,
    /// The paragraph's class.
    class: &'static str,
) -> impl IntoView {
    view! {
        <p class=class dir="auto" lang=summary.lang>
            {summary.text}
        </p>
        <TranslationNote unreviewed=summary.unreviewed />
    }
}

/// Says that the text above was translated by a machine and not yet reviewed; nothing otherwise.
#[component]
pub fn TranslationNote(
    /// Whether the text above is an unreviewed machine translation.
    unreviewed: bool,
) -> impl IntoView {
    unreviewed.then(|| {
        view! { <p class="wjc-translation-note">{ui::MACHINE_TRANSLATION.text()}</p> }
    })
}
