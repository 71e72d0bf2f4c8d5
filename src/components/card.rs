//! A person's card in the grid: a real link to the profile, with the essentials at a glance.

use std::sync::Arc;

use leptos::prelude::*;
use wjc_core::model::Photo;
use wjc_core::text;
use wjc_core::Extent;

use super::badge::StatusBadge;
use super::translation::SummaryText;
use crate::data::Catalog;
use crate::state::AppState;

/// One person's card.
#[component]
pub fn Card(
    /// The loaded data.
    catalog: Arc<Catalog>,
    /// The person's position in the dataset.
    position: usize,
) -> impl IntoView {
    let state = AppState::expect();
    let person = &catalog.dataset.people[position];
    let id = person.id.clone();
    // The profile keeps the current filters, so previous/next follow the same list.
    let href = {
        let id = id.clone();
        move || state.href(&state.profile_view(&id))
    };
    let campaigns = text::campaigns(person, &catalog.dataset);
    let custody = text::custody_line(person);
    let sentence = person.sentence.map(text::sentence_line);
    view! {
        <li class="wjc-card" id=format!("card-{}", person.id)>
            <Avatar name=person.name.clone() photo=person.photo.clone() />
            <div class="wjc-card__body">
                <h3 class="wjc-card__name">
                    // The link covers the whole card (see the CSS), so the card is one target.
                    <a
                        href=href
                        dir="auto"
                        on:click=move |ev| {
                            state.follow(&ev, state.profile_view(&id));
                        }
                    >
                        {person.name.clone()}
                    </a>
                </h3>
                {native_name(person.native_name.clone(), "wjc-card__native")}
                <p class="wjc-card__country">
                    <span class="wjc-flag" aria-hidden="true">
                        {person.country.flag()}
                    </span>
                    " "
                    {text::country_name(person.country)}
                </p>
                <p class="wjc-card__status">
                    <StatusBadge status=person.status />
                    <span class="wjc-card__asof">{text::as_of(person.status_as_of)}</span>
                </p>
                // A lean list (a large dataset) leaves summaries to the profiles; its first page
                // has them, but shows its cards as the list will.
                {(!person.summary.is_empty() && catalog.extent == Extent::Whole)
                    .then(|| {
                        view! {
                            <SummaryText summary=state.summary(person) class="wjc-card__summary" />
                        }
                    })}
                <ul class="wjc-card__facts">
                    {custody.map(|c| view! { <li>{c}</li> })}
                    {sentence.map(|s| view! { <li>{s}</li> })}
                    <li class="wjc-card__campaign" dir="auto">
                        {campaigns}
                    </li>
                </ul>
            </div>
        </li>
    }
}

/// A person's name in their own script, when the data has it, under their name on a card or a
/// profile.
pub fn native_name(name: Option<String>, class: &'static str) -> impl IntoView {
    name.map(|n| {
        view! {
            <p class=class dir="auto">
                {n}
            </p>
        }
    })
}

/// A portrait when the record has one hosted on this site, otherwise the person's initials.
#[component]
pub fn Avatar(
    /// The person's name, for initials.
    name: String,
    /// The person's photo, if any.
    photo: Option<Photo>,
) -> impl IntoView {
    let state = AppState::expect();
    match &photo {
        // Photos elsewhere would tell a third party who looked at whom: only our own are loaded.
        Some(photo) if state.own_photo(photo.url.as_str()) => view! {
            <img
                class="wjc-avatar"
                src=photo.url.as_str().to_owned()
                alt=photo.alt.clone()
                loading="lazy"
                decoding="async"
                width="64"
                height="64"
                referrerpolicy="no-referrer"
            />
        }
        .into_any(),
        _ => view! {
            <span class="wjc-avatar wjc-avatar--initials" aria-hidden="true">
                {text::initials(&name)}
            </span>
        }
        .into_any(),
    }
}
