//! What every page shows around its content, in the app and on the static pages alike: the skip
//! link, the header, `main` and the footer; and, inside, the list or the open profile.

use std::sync::Arc;

use leptos::prelude::*;
use wjc_core::text::ui;

use super::deferred::Deferred;
use super::footer::Footer;
use super::header::SiteHeader;
use super::list::ListPage;
use super::profile::profile_page;
use super::staged::Stage;
use crate::browser;
use crate::data::Catalog;
use crate::state::{AppState, Load};

/// The page around `children` (what `main` holds).
#[component]
pub fn Frame(children: Children) -> impl IntoView {
    let state = AppState::expect();
    let on_profile = Memo::new(move |_| state.view.with(|v| v.profile.is_some()));
    let target = move || {
        if on_profile.get() {
            "#profile-title"
        } else {
            "#results"
        }
    };
    let loading = move || state.load.with(Load::is_loading);
    view! {
        // A plain "#results" fragment would be read as a view; move focus instead.
        <a
            class="wjc-skip"
            href=target
            on:click=move |ev| {
                ev.prevent_default();
                browser::focus_selector(target());
            }
        >
            {move || {
                if on_profile.get() {
                    ui::SKIP_TO_PROFILE.text()
                } else {
                    ui::SKIP_TO_RESULTS.text()
                }
            }}
        </a>
        <Stage>
            <SiteHeader />
        </Stage>
        <main class="wjc-main" aria-busy=move || loading().to_string()>
            <p class="wjc-visually-hidden" role="status">
                {move || loading().then_some(ui::LOADING.text())}
            </p>
            {children()}
        </main>
        <Stage>
            <Footer />
        </Stage>
    }
}

/// The list, or the profile the view opens, from a loaded catalog.
#[component]
pub fn CatalogView(
    /// The loaded data.
    catalog: Arc<Catalog>,
) -> impl IntoView {
    let state = AppState::expect();
    let on_profile = Memo::new(move |_| state.view.with(|v| v.profile.is_some()));
    move || {
        let catalog = catalog.clone();
        if on_profile.get() {
            view! { <Deferred draw=move || profile_page(catalog.clone()) /> }.into_any()
        } else {
            view! {
                <Stage>
                    <ListPage catalog=catalog />
                </Stage>
            }
            .into_any()
        }
    }
}
