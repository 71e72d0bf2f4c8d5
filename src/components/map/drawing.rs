//! The map's drawing: the world, one link per country on the list, the shade of each, the
//! outlines of the chosen and pointed countries, and the tooltip.

use std::sync::Arc;

use leptos::prelude::*;
use wjc_core::map::{hundredths, percent, Bins, Shading, Shape, Viewport, WorldMap};
use wjc_core::text::{self, map as t};
use wjc_core::url_state::ViewState;
use wjc_core::CountryCode;

use super::gestures::{zoom_buttons, ZoomPan};
use super::summary;
use crate::browser::HistoryMode;
use crate::state::AppState;

/// The class of each shade: nobody, then one per bin (lightest first).
const SHADES: [&str; Bins::MAX + 1] = [
    "wjc-map__country wjc-map__shade-0",
    "wjc-map__country wjc-map__shade-1",
    "wjc-map__country wjc-map__shade-2",
    "wjc-map__country wjc-map__shade-3",
    "wjc-map__country wjc-map__shade-4",
    "wjc-map__country wjc-map__shade-5",
];

/// A marker's radius at world scale, in view-box units; it shrinks as the map zooms in so it
/// keeps its size on screen.
const MARKER_RADIUS: f64 = 7.0;

/// The zoomable map with one focusable link per country on the list.
#[component]
pub(super) fn WorldSvg(map: Arc<WorldMap>, shading: Memo<Shading>) -> impl IntoView {
    let state = AppState::expect();
    let (width, height) = (map.width, map.height);
    let zoom = ZoomPan::new(width, height);
    let viewport = zoom.viewport;
    // The country under the pointer or keyboard focus, with its centroid.
    let pointed = RwSignal::new(None::<(CountryCode, (f64, f64))>);

    // The countries on the list are links, in name order so Tab moves alphabetically; the rest
    // of the world is background.
    let listed = shading.with_untracked(|s| s.counts.iter().map(|&(c, _)| c).collect::<Vec<_>>());
    let mut links: Vec<_> = map
        .shapes
        .iter()
        .filter(|s| s.country.is_some_and(|c| listed.contains(&c)))
        .collect();
    // By the names in the language spoken, through the app's one sort (`wjc_core::sorting`).
    wjc_core::sorting::sort_by_cached_key(&mut links, |s| {
        s.country
            .map(|c| wjc_core::fold::fold(&text::country_name(c)))
    });
    // The rest of the world never changes: one path for all of it keeps the page's element
    // count down. A path's first `m` is relative to the origin only when it starts the path, so
    // each shape starts from a move to the origin (a lone move draws nothing).
    let background = map
        .shapes
        .iter()
        .filter(|s| !s.country.is_some_and(|c| listed.contains(&c)))
        .filter(|shape| !shape.path.is_empty())
        .fold(String::new(), |mut all, shape| {
            all.push_str("M0 0");
            all.push_str(&shape.path);
            all
        });
    let countries = links
        .into_iter()
        .filter_map(|shape| {
            let country = shape.country?;
            Some(country_link(country, shape, zoom, pointed, shading))
        })
        .collect_view();
    // Outlines drawn on top of every country, so neighbours never hide them.
    let selected = move || {
        state.query.with(|q| {
            q.filters
                .countries
                .iter()
                .map(|c| view! { <use href=format!("#wjc-shape-{c}") class="wjc-map__selected" /> })
                .collect_view()
        })
    };
    let hovered = move || {
        pointed
            .get()
            .map(|(c, _)| view! { <use href=format!("#wjc-shape-{c}") class="wjc-map__pointed" /> })
    };

    view! {
        <svg node_ref=zoom.svg class="wjc-map__svg" class:wjc-map__svg--zoomed=move || !zoom.whole()
            viewBox=move || viewport.with(Viewport::view_box) role="group"
            aria-label=t::LABEL.text() aria-describedby="map-hint"
            on:wheel=move |ev| zoom.wheel(&ev) on:pointerdown=move |ev| zoom.press(&ev)
            on:pointermove=move |ev| zoom.drag(&ev) on:pointerup=move |ev| zoom.release(&ev)
            on:pointercancel=move |ev| zoom.release(&ev) on:keydown=move |ev| zoom.key(&ev)>
            <path class="wjc-map__land" d=background aria-hidden="true" />
            <g>{countries}</g>
            <g class="wjc-map__overlay" aria-hidden="true">{selected}{hovered}</g>
        </svg>
        <Tooltip pointed=pointed viewport=viewport />
        {zoom_buttons(zoom)}
    }
}

/// One country on the list: a link choosing it, with its shade and, for a small country, a
/// marker that keeps its size on screen.
fn country_link(
    country: CountryCode,
    shape: &Shape,
    zoom: ZoomPan,
    pointed: RwSignal<Option<(CountryCode, (f64, f64))>>,
    shading: Memo<Shading>,
) -> impl IntoView {
    let state = AppState::expect();
    let centroid = shape.centroid;
    let href = move || {
        state.view.with(|v| {
            let mut next = ViewState {
                profile: None,
                page: 0,
                ..v.clone()
            };
            next.query.filters.toggle_only_country(country);
            state.href(&next)
        })
    };
    let marker = shape.marker.then(|| {
        view! {
            <circle
                class="wjc-map__marker"
                cx=hundredths(centroid.0)
                cy=hundredths(centroid.1)
                r=move || js_number(MARKER_RADIUS / zoom.viewport.with(Viewport::zoom))
            />
        }
    });
    view! {
        <g>
            <a
                href=href
                aria-label=move || summary(state, country)
                on:click=move |ev| {
                    ev.prevent_default();
                    if ev.detail() != 0 && zoom.dragged() {
                        return;
                    }
                    state
                        .update_query(
                            HistoryMode::Push,
                            |q| q.filters.toggle_only_country(country),
                        );
                }
                on:focus=move |_| pointed.set(Some((country, centroid)))
                on:blur=move |_| pointed.set(None)
                on:pointerenter=move |_| pointed.set(Some((country, centroid)))
                on:pointerleave=move |_| pointed.set(None)
            >
                <path
                    id=format!("wjc-shape-{country}")
                    d=shape.path.clone()
                    class=move || SHADES[shading.with(|s| s.shade(country))]
                />
                {marker}
            </a>
        </g>
    }
}

/// `value` as JavaScript writes numbers: for the marker radii (0.4 to 7) the same text as Rust's
/// `Display`, without Rust's float formatting code, which is large in WebAssembly.
fn js_number(value: f64) -> String {
    js_sys::Number::from(value)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// The name and counts of the country under the pointer or focus, next to it.
#[component]
fn Tooltip(
    pointed: RwSignal<Option<(CountryCode, (f64, f64))>>,
    viewport: RwSignal<Viewport>,
) -> impl IntoView {
    let state = AppState::expect();
    move || {
        pointed.get().map(|(country, centroid)| {
            let (x, y) = viewport.with(|v| v.project(centroid));
            // Kept inside the frame; shown below the country when there is no room above.
            let left = percent(x.clamp(0.12, 0.88));
            let top = percent(y);
            view! {
                // The link's own name already says this to screen readers.
                <div class="wjc-map__tip" class:wjc-map__tip--below={y < 0.3} aria-hidden="true"
                    style:left=left style:top=top>
                    {summary(state, country)}
                </div>
            }
        })
    }
}
