//! A person's profile: the story, the facts, the source, and ways to move on.

use std::sync::Arc;

use leptos::prelude::*;
use wjc_core::query::around;
use wjc_core::text::{self, case, ui};

use super::act::{CaseLines, PrintQr, ShareControls, TakeAction, Timeline};
use super::badge::StatusBadge;
use super::card::{native_name, Avatar};
use super::deferred::split_point;
use super::translation::SummaryText;
use crate::browser;
use crate::data::Catalog;
use crate::state::AppState;
use crate::StaticPages;

split_point! {
    /// The open profile, from the profile's own module in a split build.
    pub fn profile_page(catalog: Arc<Catalog>) in profile, preload preload_profile {
        view! { <ProfilePage catalog=catalog /> }.into_any()
    }
}

/// The open profile, or "not found" for an unknown id.
#[component]
fn ProfilePage(
    /// The loaded data.
    catalog: Arc<Catalog>,
) -> impl IntoView {
    let state = AppState::expect();
    let id = move || state.view.with(|v| v.profile.clone().unwrap_or_default());
    move || match catalog.position(&id()) {
        Some(position) => {
            view! { <PersonProfile catalog=catalog.clone() position=position /> }.into_any()
        }
        None => view! {
            <section class="wjc-profile wjc-profile--missing">
                <h1 id="profile-title" tabindex="-1">
                    {ui::NOT_FOUND_TITLE.text()}
                </h1>
                <p>{ui::NOT_FOUND_BODY.text()}</p>
                <a
                    class="wjc-button"
                    href=move || state.href(&state.list_view())
                    on:click=move |ev| {
                        state.follow(&ev, state.list_view());
                    }
                >
                    {ui::BACK.text()}
                </a>
            </section>
        }
        .into_any(),
    }
}

/// The profile of the person at `position`, once their whole record is at hand: at once when
/// the list holds it, otherwise after downloading their detail file (with the name as heading
/// meanwhile, and a way to try again if the download fails).
#[component]
fn PersonProfile(catalog: Arc<Catalog>, position: usize) -> impl IntoView {
    let record = RwSignal::new(catalog.person_at_hand(position).map(Ok));
    let heading = NodeRef::<leptos::html::H1>::new();
    let fetch = {
        let catalog = catalog.clone();
        move || {
            let catalog = catalog.clone();
            record.set(None);
            leptos::task::spawn_local(async move {
                let result = catalog.person(position).await;
                // The heading is drawn afresh: keep the keyboard focus on it (the page or the
                // widget around the profile stays).
                let around = heading
                    .get_untracked()
                    .filter(|h| h.matches(":focus").unwrap_or(false))
                    .and_then(|h| h.parent_element()?.parent_element());
                record.set(Some(result));
                if let Some(around) = around {
                    request_animation_frame(move || {
                        browser::focus_element(
                            around.query_selector("#profile-title").ok().flatten(),
                        );
                    });
                }
            });
        }
    };
    if record.with_untracked(Option::is_none) {
        fetch();
    }
    let name = catalog.dataset.people[position].name.clone();
    move || match record.get() {
        Some(Ok(person)) => {
            view! { <Profile catalog=catalog.clone() position=position person=person /> }.into_any()
        }
        pending => {
            let fetch = fetch.clone();
            let failed = pending.and_then(Result::err);
            let busy = failed.is_none().to_string();
            view! {
                <section class="wjc-profile wjc-profile--pending" aria-busy=busy>
                    <BackToList />
                    <h1
                        id="profile-title"
                        class="wjc-profile__name"
                        tabindex="-1"
                        dir="auto"
                        node_ref=heading
                    >
                        {name.clone()}
                    </h1>
                    {match failed {
                        None => {
                            view! { <p role="status">{ui::DETAIL_LOADING.text()}</p> }.into_any()
                        }
                        Some(failure) => {
                            view! {
                                <div role="alert">
                                    <p dir="auto">{text::detail_failure(&failure)}</p>
                                    <button
                                        type="button"
                                        class="wjc-button"
                                        on:click=move |_| fetch()
                                    >
                                        {ui::RETRY.text()}
                                    </button>
                                </div>
                            }
                                .into_any()
                        }
                    }}
                </section>
            }
            .into_any()
        }
    }
}

/// "← Back to the list", at the page of the list that holds the person.
#[component]
fn BackToList() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <nav class="wjc-profile__nav" aria-label=ui::PROFILE_NAV.text()>
            <a
                class="wjc-back"
                href=state.href(&state.list_view())
                on:click=move |ev| {
                    state.follow(&ev, state.list_view());
                }
            >
                <span class="wjc-back__arrow" aria-hidden="true">
                    "←"
                </span>
                " "
                {ui::BACK.text()}
            </a>
        </nav>
    }
}

#[component]
fn Profile(catalog: Arc<Catalog>, position: usize, person: wjc_core::Person) -> impl IntoView {
    let state = AppState::expect();
    let person = &person;
    let (previous, next) = state
        .outcome
        .with_untracked(|o| around(&o.matches, catalog.rank_in(&o.matches, position)));
    let neighbour_link = |position: Option<usize>, label: text::Label, rel: &'static str| {
        position.map(|p| {
            let other = &catalog.dataset.people[p];
            let next = state.profile_view(&other.id);
            view! {
                <a
                    class=format!("wjc-pager__{rel}")
                    href=state.href(&next)
                    rel=rel
                    on:click=move |ev| {
                        state.follow(&ev, next.clone());
                    }
                >
                    <span class="wjc-pager__label">{label.text()}</span>
                    <span class="wjc-pager__name" dir="auto">
                        {other.name.clone()}
                    </span>
                </a>
            }
        })
    };
    let facts = text::profile_facts(person, &catalog.dataset);
    // With the static pages built, the shared link is the person's own page, which opens in
    // every browser; the app takes it over where it can run.
    let static_pages = use_context::<StaticPages>().is_some();
    let id = person.id.clone();
    // Read from the page's address when it is needed, not while the view is drawn.
    let share_url = Callback::new(move |()| state.share_url(&id, static_pages));
    let share_text = wjc_core::case::share_text(person);
    view! {
        <article class="wjc-profile" aria-labelledby="profile-title">
            <BackToList />
            <header class="wjc-profile__header">
                <Avatar name=person.name.clone() photo=person.photo.clone() />
                <div>
                    <h1 id="profile-title" class="wjc-profile__name" tabindex="-1" dir="auto">
                        {person.name.clone()}
                    </h1>
                    {native_name(person.native_name.clone(), "wjc-profile__native")}
                    <p class="wjc-profile__status">
                        <StatusBadge status=person.status />
                        " "
                        <span>{text::as_of(person.status_as_of)}</span>
                    </p>
                    <SummaryText summary=state.summary(person) class="wjc-profile__summary" />
                    <CaseLines person=person.clone() />
                </div>
                <PrintQr id=person.id.clone() />
            </header>
            <div class="wjc-profile__body">
                <section class="wjc-profile__story" aria-labelledby="story-title">
                    <h2 id="story-title">{ui::STORY.text()}</h2>
                    {person
                        .paragraphs()
                        .map(|p| {
                            view! {
                                <p dir="auto" lang=state.data_language()>
                                    {p.to_owned()}
                                </p>
                            }
                        })
                        .collect_view()}
                    <Timeline person=person.clone() catalog=catalog.clone() />
                    {(!person.links.is_empty())
                        .then(|| {
                            view! {
                                <h2>{ui::LINKS.text()}</h2>
                                <ul class="wjc-links">
                                    {person
                                        .links
                                        .iter()
                                        .map(|l| {
                                            view! {
                                                <li>
                                                    <a
                                                        href=l.url.as_str().to_owned()
                                                        rel="noopener noreferrer"
                                                        referrerpolicy="no-referrer"
                                                        target="_blank"
                                                    >
                                                        {l.title.clone()}
                                                    </a>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                        })}
                    <TakeAction person=person.clone() catalog=catalog.clone() />
                </section>
                <aside class="wjc-profile__facts" aria-labelledby="facts-title">
                    <h2 id="facts-title">{ui::FACTS.text()}</h2>
                    <dl class="wjc-facts">
                        {facts
                            .into_iter()
                            .map(|(label, value)| {
                                view! {
                                    <div class="wjc-facts__row">
                                        <dt>{label.text()}</dt>
                                        <dd
                                            dir="auto"
                                            lang=text::fact_is_data(label)
                                                .then(|| state.data_language())
                                                .flatten()
                                        >
                                            {value}
                                        </dd>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </dl>
                    {state
                        .interactive(
                            view! {
                                <ShareControls
                                    url=share_url
                                    text=share_text
                                    label=case::SHARE
                                    print=true
                                />
                            },
                        )}
                </aside>
            </div>
            <nav class="wjc-pager" aria-label=ui::PAGER.text()>
                {neighbour_link(previous, ui::PREVIOUS, "prev")}
                {neighbour_link(next, ui::NEXT, "next")}
            </nav>
        </article>
    }
}
