//! The site header: title, what the list is, and headline totals.

use leptos::prelude::*;
use wjc_core::text::ui;
use wjc_core::url_state::ViewState;
use wjc_core::Extent;

use crate::browser::HistoryMode;

use crate::state::AppState;

/// The header, with totals once the data is in.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let state = AppState::expect();
    let catalog = move || state.catalog();
    let home = move || {
        view! {
            <a
                href=state.href(&ViewState::default())
                on:click=move |ev| {
                    ev.prevent_default();
                    state.navigate(ViewState::default(), HistoryMode::Push);
                }
            >
                {move || {
                    catalog()
                        .map_or_else(
                            || "Without Just Cause".to_owned(),
                            |c| c.dataset.title.clone(),
                        )
                }}
            </a>
        }
    };
    // On the list the site's name is the page's main heading; on a profile the person's is.
    let on_profile = Memo::new(move |_| state.view.with(|v| v.profile.is_some()));
    let title = move || {
        if on_profile.get() {
            view! { <p class="wjc-header__title">{home()}</p> }.into_any()
        } else {
            view! { <h1 class="wjc-header__title">{home()}</h1> }.into_any()
        }
    };
    view! {
        <header class="wjc-header">
            <div class="wjc-header__inner">
                {title}
                <p class="wjc-header__lede">
                    {move || catalog().map(|c| c.dataset.description.clone())}
                </p>
                {move || {
                    catalog()
                        .map(|c| {
                            let t = c.totals;
                            let synthetic = c
                                .dataset
                                .synthetic
                                .then(|| {
                                    view! {
                                        <p class="wjc-banner" role="note">
                                            {ui::SYNTHETIC_BANNER}
                                        </p>
                                    }
                                });
                            // A lean list's first page would count only its own people: the totals'
                            // place is kept, unseen, until the whole list is there.
                            view! {
                                <dl class="wjc-totals" class:wjc-waiting=c.extent != Extent::Whole>
                                    <Total value=t.people label=ui::TOTAL_PEOPLE />
                                    <Total value=t.countries label=ui::TOTAL_COUNTRIES />
                                    <Total value=t.held label=ui::TOTAL_HELD />
                                    <Total value=t.released label=ui::TOTAL_RELEASED />
                                </dl>
                                {synthetic}
                            }
                        })
                }}
            </div>
        </header>
    }
}

/// One headline number.
#[component]
fn Total(
    /// The number.
    value: usize,
    /// What it counts.
    label: &'static str,
) -> impl IntoView {
    view! {
        <div class="wjc-totals__item">
            <dt class="wjc-totals__label">{label}</dt>
            <dd class="wjc-totals__value">{value}</dd>
        </div>
    }
}
