//! The site header: title, what the list is, and headline totals.

use leptos::prelude::*;
use wjc_core::i18n::Lang;
use wjc_core::text::{self, ui};
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
                <LanguageChoice />
                {title}
                <p class="wjc-header__lede" lang=state.data_language() dir="auto">
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
                                            {ui::SYNTHETIC_BANNER.text()}
                                        </p>
                                    }
                                });
                            // A lean list's first page would count only its own people: the totals'
                            // place is kept, unseen, until the whole list is there.
                            view! {
                                <dl class="wjc-totals" class:wjc-waiting=c.extent != Extent::Whole>
                                    <Total value=t.people label=text::total_people(t.people) />
                                    <Total
                                        value=t.countries
                                        label=text::total_countries(t.countries)
                                    />
                                    <Total value=t.held label=ui::TOTAL_HELD.text() />
                                    <Total value=t.released label=ui::TOTAL_RELEASED.text() />
                                </dl>
                                {synthetic}
                            }
                        })
                }}
            </div>
        </header>
    }
}

/// The languages of the interface, each named in itself. Links, so the choice works on the
/// static pages too (each language has its own) and lands in the URL a visitor shares.
#[component]
fn LanguageChoice() -> impl IntoView {
    let state = AppState::expect();
    let links = Lang::ALL
        .into_iter()
        .map(|lang| {
            let target = move || ViewState {
                lang: Some(lang),
                ..state.view.get()
            };
            view! {
                <li>
                    <a
                        href=move || state.href(&target())
                        hreflang=lang.tag()
                        lang=lang.tag()
                        aria-current=move || (state.speaking.get() == lang).then_some("true")
                        on:click=move |ev| {
                            state.follow(&ev, target());
                        }
                    >
                        {lang.autonym()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="wjc-languages" aria-label=ui::LANGUAGE.text()>
            <ul>{links}</ul>
        </nav>
    }
}

/// One headline number.
#[component]
fn Total(
    /// The number.
    value: usize,
    /// What it counts.
    label: String,
) -> impl IntoView {
    view! {
        <div class="wjc-totals__item">
            <dt class="wjc-totals__label">{label}</dt>
            <dd class="wjc-totals__value">{text::figure(value)}</dd>
        </div>
    }
}
