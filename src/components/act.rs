//! Acting on a case: the lines on how long the person has been held, the timeline with each
//! event's source, the "Take action" section, the Share and Print controls and the QR code a
//! printed case sheet carries. Shared by the app and the static pages.

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;
use wjc_core::model::{ActionKind, Person};
use wjc_core::text::{self, case, ui};

use crate::browser;
use crate::data::Catalog;
use crate::state::AppState;

/// How long held (as of the status date, saying so), no contact since, expected release, last
/// verified: those the record allows.
#[component]
pub fn CaseLines(person: Person) -> impl IntoView {
    let lines = case::lines(&person);
    (!lines.is_empty()).then(|| {
        view! {
            <ul class="wjc-case-lines">
                {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
        }
    })
}

/// The timeline, oldest first, each event with its kind and a link to (or the name of) its source.
#[component]
pub fn Timeline(person: Person, catalog: Arc<Catalog>) -> impl IntoView {
    let dataset = &catalog.dataset;
    let events: Vec<_> = wjc_core::case::ordered(&person.timeline)
        .into_iter()
        .map(|e| {
            let source = dataset.source(e.source.as_deref().unwrap_or(&person.source));
            let cite = source.map(|s| case::event_source(&s.publisher));
            // The source is a link when it has an address.
            let href = source
                .and_then(|s| s.url.as_ref())
                .map(|u| u.as_str().to_owned());
            view! {
                <li>
                    <time datetime=e.date.to_string()>{text::date(e.date)}</time>
                    " — "
                    <strong>{case::event_kind(e.kind)}</strong>
                    ": "
                    <span dir="auto">{e.event.clone()}</span>
                    " "
                    <cite class="wjc-timeline__source" dir="auto">
                        {match href {
                            Some(href) => {
                                Either::Left(
                                    view! {
                                        <a
                                            href=href
                                            rel="noopener noreferrer"
                                            referrerpolicy="no-referrer"
                                        >
                                            {cite}
                                        </a>
                                    },
                                )
                            }
                            None => Either::Right(cite),
                        }}
                    </cite>
                </li>
            }
        })
        .collect();
    (!events.is_empty()).then(|| {
        view! {
            <h2>{ui::TIMELINE.text()}</h2>
            <ol class="wjc-timeline">{events}</ol>
        }
    })
}

/// "Take action": the person's own actions, then the calls their source makes of everyone.
#[component]
pub fn TakeAction(person: Person, catalog: Arc<Catalog>) -> impl IntoView {
    let dataset = &catalog.dataset;
    let from_source = dataset
        .source(&person.source)
        .map(|s| s.actions.clone())
        .unwrap_or_default();
    let actions: Vec<_> = person.actions.iter().chain(&from_source).cloned().collect();
    (!actions.is_empty()).then(|| {
        view! {
            <section class="wjc-act" aria-labelledby="take-action-title">
                <h2 id="take-action-title">{case::TAKE_ACTION.text()}</h2>
                <ul class="wjc-act__list">
                    {actions
                        .into_iter()
                        .map(|a| {
                            view! {
                                <li class=format!(
                                    "wjc-act__item wjc-act__item--{}",
                                    a.kind.as_str(),
                                )>
                                    <strong>{case::action_kind(a.kind)}</strong>
                                    " "
                                    <span dir="auto">{a.text.clone()}</span>
                                    {detail(&a)
                                        .map(|d| {
                                            view! {
                                                <span class="wjc-act__detail" dir="auto">
                                                    {d}
                                                </span>
                                            }
                                        })}
                                    {a
                                        .url
                                        .clone()
                                        .map(|u| {
                                            view! {
                                                <a
                                                    href=u.as_str().to_owned()
                                                    rel="noopener noreferrer"
                                                    referrerpolicy="no-referrer"
                                                >
                                                    {case::ACTION_LINK.text()}
                                                </a>
                                            }
                                        })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}

/// What an action adds to its text: the hashtags to share with, or the address to write to.
fn detail(action: &wjc_core::model::Action) -> Option<String> {
    if action.kind == ActionKind::Share && !action.hashtags.is_empty() {
        return Some(case::hashtags(&action.hashtags));
    }
    action.address.as_deref().map(case::letter_address)
}

/// The Share and Print controls of a profile. Share uses the browser's own share sheet where
/// there is one; otherwise it opens plain links (copy, e-mail, networks), made only on the click
/// and asking nothing of any network until the visitor follows one.
#[component]
pub fn ShareControls(
    /// The address to share, read when the visitor clicks.
    url: Callback<(), String>,
    /// What the shared link says.
    text: String,
    /// The Share button's label.
    label: wjc_core::text::Label,
    /// Whether to offer printing (a profile's case sheet).
    print: bool,
) -> impl IntoView {
    let fallback = RwSignal::new(None::<String>);
    let copied = RwSignal::new(None::<bool>);
    let text = StoredValue::new(text);
    let share = move |_| {
        let address = url.run(());
        let said = text.get_value();
        if !browser::web_share(&said, &address) {
            fallback.set(Some(address));
        }
    };
    let copy = move |_| {
        let Some(address) = fallback.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            copied.set(Some(browser::copy_text(&address).await));
        });
    };
    view! {
        <div class="wjc-share">
            <button type="button" class="wjc-button" on:click=share>
                {label.text()}
            </button>

            {print
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="wjc-button wjc-button--quiet"
                            on:click=|_| browser::print()
                        >
                            {case::PRINT.text()}
                        </button>
                    }
                })}
            {move || {
                fallback
                    .get()
                    .map(|address| {
                        let links = wjc_core::case::share_links(&address, &text.get_value());
                        view! {
                            <div class="wjc-share__links">
                                <button
                                    type="button"
                                    class="wjc-button wjc-button--quiet"
                                    on:click=copy
                                >
                                    {ui::COPY_LINK.text()}
                                </button>
                                <p class="wjc-share__label">{case::SHARE_LINKS.text()}</p>
                                <ul>
                                    {links
                                        .into_iter()
                                        .map(|(label, href)| {
                                            view! {
                                                <li>
                                                    <a
                                                        href=href
                                                        rel="noopener noreferrer"
                                                        referrerpolicy="no-referrer"
                                                        target="_blank"
                                                    >
                                                        {label}
                                                    </a>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </div>
                        }
                    })
            }}
            <p class="wjc-copy-status" role="status">
                {move || {
                    copied
                        .get()
                        .map(|ok| if ok { ui::COPIED.text() } else { ui::COPY_FAILED.text() })
                }}
            </p>
        </div>
    }
}

/// The QR code to the profile, shown only on a printed case sheet, where `wjc site` made one (it
/// knew the site's address: [`crate::QrCodes`]).
#[component]
pub fn PrintQr(id: String) -> impl IntoView {
    let state = AppState::expect();
    use_context::<crate::QrCodes>().map(|_| {
        view! {
            <figure class="wjc-print-qr">
                <img
                    src=state.site_file(&wjc_core::case::qr_path(&id))
                    alt=case::QR_CAPTION.text()
                    width="160"
                    height="160"
                />
                <figcaption>{case::QR_CAPTION.text()}</figcaption>
            </figure>
        }
    })
}
