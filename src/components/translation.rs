//! The note under a text a machine translated, until a person has reviewed it.

use leptos::prelude::*;
use wjc_core::text::ui;

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
