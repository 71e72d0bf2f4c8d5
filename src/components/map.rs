//! The map view: a world choropleth of where the people matching the filters are held, with
//! zoom and pan, and a table that gives screen-reader users the same figures.
//!
//! The country paths are drawn once per download of the shapes; filters only change their
//! `class` (the shade), and hovering only moves one tooltip and one outline.

mod drawing;
mod gestures;
mod table;

use leptos::prelude::*;
use wjc_core::map::{Bins, Shading};
use wjc_core::text::{self, map as t};
use wjc_core::CountryCode;

use super::deferred::split_point;
use crate::browser::HistoryMode;
use crate::state::AppState;
use crate::world::{load_world, WorldLoad, WORLD_PATH};
use drawing::WorldSvg;
use table::CountryTable;

/// Legend swatches, in the same order as the map's shades.
const SWATCHES: [&str; Bins::MAX + 1] = [
    "wjc-map__swatch wjc-map__shade-0",
    "wjc-map__swatch wjc-map__shade-1",
    "wjc-map__swatch wjc-map__shade-2",
    "wjc-map__swatch wjc-map__shade-3",
    "wjc-map__swatch wjc-map__shade-4",
    "wjc-map__swatch wjc-map__shade-5",
];

/// "Iran: 7 people (imprisoned: 5, detained: 2)" under the current filters.
fn summary(state: AppState, country: CountryCode) -> String {
    state.outcome.with(|outcome| {
        let (total, statuses) = outcome.facets.country(country);
        t::country_summary(&text::country_name(country), total, statuses)
    })
}

split_point! {
    /// The map section, from the map's own module in a split build.
    pub fn map_panel() in map, preload preload_map {
        view! { <MapPanel /> }.into_any()
    }
}

/// The map section: heading, the map (once its shapes are in), legend and table.
#[component]
fn MapPanel() -> impl IntoView {
    let state = AppState::expect();
    load_world(state.world, state.site_file(WORLD_PATH));
    let shading = Memo::new(move |_| state.outcome.with(|o| Shading::new(&o.facets)));
    let any_country = move || state.query.with(|q| !q.filters.countries.is_empty());
    let drawing = move || match state.world.get() {
        WorldLoad::Ready(map) => view! { <WorldSvg map=map shading=shading /> }.into_any(),
        WorldLoad::Failed => {
            view! { <p class="wjc-map__message">{t::FAILED.text()}</p> }.into_any()
        }
        WorldLoad::Idle | WorldLoad::Loading => {
            view! { <p class="wjc-map__message">{t::LOADING.text()}</p> }.into_any()
        }
    };
    view! {
        <section class="wjc-map" aria-labelledby="map-title">
            <div class="wjc-map__head">
                <h2 id="map-title" class="wjc-map__title" tabindex="-1">
                    {t::TITLE.text()}
                </h2>
                <Show when=any_country>
                    <button
                        type="button"
                        class="wjc-button"
                        on:click=move |_| {
                            state.update_query(HistoryMode::Push, |q| q.filters.countries.clear());
                        }
                    >
                        {t::ALL_COUNTRIES.text()}
                    </button>
                </Show>
            </div>
            // The frame keeps the map's proportions before and after the shapes arrive, so
            // nothing below it moves.
            <div class="wjc-map__frame">{drawing}</div>
            <MapLegend shading=shading />
            <p id="map-hint" class="wjc-map__hint">
                {t::HINT.text()}
            </p>
            <CountryTable />
        </section>
    }
}

/// What the shades mean.
#[component]
fn MapLegend(shading: Memo<Shading>) -> impl IntoView {
    let entries = move || {
        shading.with(|s| {
            s.bins
                .ranges()
                .enumerate()
                .map(|(bin, (from, to))| (s.bins.shade_of_bin(bin), t::bin_label(from, to)))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="wjc-map__legend">
            <p class="wjc-map__legend-title" id="map-legend">
                {t::LEGEND.text()}
            </p>
            <ul class="wjc-map__legend-list" aria-labelledby="map-legend">
                <li>
                    <span class=SWATCHES[0]></span>
                    {t::LEGEND_NONE.text()}
                </li>
                <For each=entries key=|entry| entry.clone() let((shade, label))>
                    <li>
                        <span class=SWATCHES[shade]></span>
                        {label}
                    </li>
                </For>
            </ul>
        </div>
    }
}
