//! A person's profile: the story, the facts, the source, and ways to move on.

use std::sync::Arc;

use leptos::prelude::*;
use wjc_core::paging::{page_of, PAGE_SIZE};
use wjc_core::query::neighbours;
use wjc_core::text::{self, ui};
use wjc_core::url_state;

use super::badge::StatusBadge;
use super::card::Avatar;
use crate::browser::{self, HistoryMode};
use crate::data::Catalog;
use crate::state::AppState;
use crate::StaticPages;

/// The open profile, or "not found" for an unknown id.
#[component]
pub fn ProfilePage(
    /// The loaded data.
    catalog: Arc<Catalog>,
) -> impl IntoView {
    let state = AppState::expect();
    let id = move || state.view.with(|v| v.profile.clone().unwrap_or_default());
    move || match catalog.position(&id()) {
        Some(position) => {
            view! { <Profile catalog=catalog.clone() position=position /> }.into_any()
        }
        None => view! {
            <section class="wjc-profile wjc-profile--missing">
                <h1 id="profile-title" tabindex="-1">{ui::NOT_FOUND_TITLE}</h1>
                <p>{ui::NOT_FOUND_BODY}</p>
                <a class="wjc-button" href=move || state.list_fragment()>{ui::BACK}</a>
            </section>
        }
        .into_any(),
    }
}

#[component]
fn Profile(catalog: Arc<Catalog>, position: usize) -> impl IntoView {
    let state = AppState::expect();
    let person = &catalog.dataset.people[position];
    let (previous, next) = state
        .outcome
        .with_untracked(|o| neighbours(&o.matches, position));
    let neighbour_link = |position: Option<usize>, label: &'static str, rel: &'static str| {
        position.map(|p| {
            let other = &catalog.dataset.people[p];
            let href = state.profile_fragment(&other.id);
            view! {
                <a class=format!("wjc-pager__{rel}") href=href rel=rel>
                    <span class="wjc-pager__label">{label}</span>
                    <span class="wjc-pager__name" dir="auto">{other.name.clone()}</span>
                </a>
            }
        })
    };
    let facts = text::profile_facts(person, &catalog.dataset);
    let copied = RwSignal::new(None::<bool>);
    // With the static pages built, the shared link is the person's own page, which opens in
    // every browser; the app takes it over where it can run.
    let share_url = match use_context::<StaticPages>() {
        Some(_) => url_state::static_profile_path(&person.id)
            .map_or_else(browser::href, |path| browser::resolve(&path)),
        None => browser::href(),
    };
    let copy = move |_| {
        let share_url = share_url.clone();
        leptos::task::spawn_local(async move {
            copied.set(Some(browser::copy_text(&share_url).await));
        });
    };
    // Back to the page of the list that shows this person, wherever previous/next have led.
    let list = move || {
        let mut list = state.view.get_untracked();
        list.profile = None;
        let rank = state
            .outcome
            .with_untracked(|o| o.matches.iter().position(|&p| p == position));
        if let Some(rank) = rank {
            list.page = page_of(rank, PAGE_SIZE);
        }
        list
    };
    let back_href = url_state::to_fragment(&list());
    view! {
        <article class="wjc-profile" aria-labelledby="profile-title">
            <nav class="wjc-profile__nav" aria-label=ui::PROFILE_NAV>
                <a class="wjc-back" href=back_href on:click=move |ev| {
                    ev.prevent_default();
                    state.navigate(list(), HistoryMode::Push);
                }>"← "{ui::BACK}</a>
            </nav>
            <header class="wjc-profile__header">
                <Avatar name=person.name.clone() photo=person.photo.clone() />
                <div>
                    <h1 id="profile-title" class="wjc-profile__name" tabindex="-1" dir="auto">{person.name.clone()}</h1>
                    {person.native_name.clone().map(|n| view! { <p class="wjc-profile__native" dir="auto">{n}</p> })}
                    <p class="wjc-profile__status">
                        <StatusBadge status=person.status />
                        " "<span>{text::as_of(person.status_as_of)}</span>
                    </p>
                    <p class="wjc-profile__summary" dir="auto">{person.summary.clone()}</p>
                </div>
            </header>
            <div class="wjc-profile__body">
                <section class="wjc-profile__story" aria-labelledby="story-title">
                    <h2 id="story-title">{ui::STORY}</h2>
                    {person.paragraphs().map(|p| view! { <p dir="auto">{p.to_owned()}</p> }).collect_view()}
                    {(!person.timeline.is_empty()).then(|| view! {
                        <h2>{ui::TIMELINE}</h2>
                        <ol class="wjc-timeline">
                            {person.timeline.iter().map(|e| view! {
                                <li><time datetime=e.date.to_string()>{text::date(e.date)}</time>" — "<span dir="auto">{e.event.clone()}</span></li>
                            }).collect_view()}
                        </ol>
                    })}
                    {(!person.links.is_empty()).then(|| view! {
                        <h2>{ui::LINKS}</h2>
                        <ul class="wjc-links">
                            {person.links.iter().map(|l| view! {
                                <li><a href=l.url.as_str().to_owned() rel="noopener noreferrer" referrerpolicy="no-referrer" target="_blank">{l.title.clone()}</a></li>
                            }).collect_view()}
                        </ul>
                    })}
                </section>
                <aside class="wjc-profile__facts" aria-labelledby="facts-title">
                    <h2 id="facts-title">{ui::FACTS}</h2>
                    <dl class="wjc-facts">
                        {facts.into_iter().map(|(label, value)| view! {
                            <div class="wjc-facts__row"><dt>{label}</dt><dd dir="auto">{value}</dd></div>
                        }).collect_view()}
                    </dl>
                    <button type="button" class="wjc-button" on:click=copy>{ui::COPY_LINK}</button>
                    <p class="wjc-copy-status" role="status">
                        {move || copied.get().map(|ok| if ok { ui::COPIED } else { ui::COPY_FAILED })}
                    </p>
                </aside>
            </div>
            <nav class="wjc-pager" aria-label=ui::PAGER>
                {neighbour_link(previous, ui::PREVIOUS, "prev")}
                {neighbour_link(next, ui::NEXT, "next")}
            </nav>
        </article>
    }
}
