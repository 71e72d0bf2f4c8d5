//! "What you can do" and "About this data".

use leptos::prelude::*;
use wjc_core::text::{self, ui};

use crate::state::AppState;

/// The page footer.
#[component]
pub fn Footer() -> impl IntoView {
    let state = AppState::expect();
    let about = move || {
        state.catalog().map(|c| {
            let sources = c
                .dataset
                .sources
                .iter()
                .map(|s| view! { <li>{text::source_entry(s)}</li> })
                .collect_view();
            view! {
                <p>{text::about(&c.dataset)}</p>
                <ul>{sources}</ul>
            }
        })
    };
    view! {
        <footer class="wjc-footer">
            <section class="wjc-footer__act" aria-labelledby="act-title">
                <h2 id="act-title">{ui::ACT_TITLE.text()}</h2>
                <ul>{ui::actions().into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul>
            </section>
            <section class="wjc-footer__about" aria-labelledby="about-title">
                <h2 id="about-title">{ui::ABOUT_TITLE.text()}</h2>
                {about}
            </section>
        </footer>
    }
}
