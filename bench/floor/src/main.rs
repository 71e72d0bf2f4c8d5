//! The least a widget can be on this project's fixed stack: it downloads a list of people
//! (gloo-net), reads it (serde_json), and shows a card per person with a search box and one
//! filter (Leptos). No map, facets, counts, paging, profiles, messages or checks: whatever the
//! real widget and app add comes on top of this file's size.

use leptos::prelude::*;
use serde::Deserialize;

/// Where a person stands.
#[derive(Clone, Copy, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case")]
enum Status {
    Detained,
    Imprisoned,
    HouseArrest,
    Disappeared,
    Released,
}

impl Status {
    fn label(self) -> &'static str {
        match self {
            Self::Detained => "Detained",
            Self::Imprisoned => "Imprisoned",
            Self::HouseArrest => "House arrest",
            Self::Disappeared => "Disappeared",
            Self::Released => "Released",
        }
    }
}

/// One card's worth of a person.
#[derive(Clone, Deserialize)]
struct Person {
    id: String,
    name: String,
    country: String,
    status: Status,
    summary: String,
}

/// The downloaded file.
#[derive(Deserialize)]
struct Dataset {
    people: Vec<Person>,
}

async fn download() -> Option<Vec<Person>> {
    let text = gloo_net::http::Request::get("data.json")
        .send()
        .await
        .ok()?
        .text()
        .await
        .ok()?;
    serde_json::from_str::<Dataset>(&text)
        .ok()
        .map(|d| d.people)
}

fn main() {
    leptos::mount::mount_to_body(|| {
        let people = RwSignal::new(None::<Vec<Person>>);
        leptos::task::spawn_local(
            async move { people.set(Some(download().await.unwrap_or_default())) },
        );
        let (query, set_query) = signal(String::new());
        let (released_only, set_released_only) = signal(false);
        let shown = move || {
            let query = query.get();
            let released_only = released_only.get();
            people
                .get()
                .unwrap_or_default()
                .into_iter()
                .filter(|p| {
                    p.name.contains(&query) && (!released_only || p.status == Status::Released)
                })
                .collect::<Vec<_>>()
        };
        view! {
            <input type="search" aria-label="Search" on:input=move |ev| set_query.set(event_target_value(&ev)) />
            <label>
                <input type="checkbox" on:change=move |ev| set_released_only.set(event_target_checked(&ev)) />
                "Released"
            </label>
            <p>{move || shown().len()} " people"</p>
            <Show when=move || people.get().is_some() fallback=|| view! { <p>"Loading"</p> }>
                <ul>
                    <For each=shown key=|p| p.id.clone() let(p)>
                        <li>
                            <a href=format!("#/p/{}", p.id)>{p.name.clone()}</a>
                            <span>{p.status.label()}</span>
                            <span>{p.country.clone()}</span>
                            <p>{p.summary.clone()}</p>
                        </li>
                    </For>
                </ul>
            </Show>
        }
    });
}
