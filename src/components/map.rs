//! The map view: a world choropleth of where the people matching the filters are held, with
//! zoom and pan, and a table that gives screen-reader users the same figures.
//!
//! The country paths are drawn once per download of the shapes; filters only change their
//! `class` (the shade), and hovering only moves one tooltip and one outline.

use std::sync::Arc;

use leptos::prelude::*;
use wjc_core::map::{hundredths, percent, Bins, Viewport, WorldMap};
use wjc_core::query::Query;
use wjc_core::shortlist::{by_count, shortlist};
use wjc_core::text::{self, map as t};
use wjc_core::url_state::{View, ViewState};
use wjc_core::CountryCode;

use super::filters::ShowAllButton;
use crate::browser::HistoryMode;
use crate::state::AppState;
use crate::world::{load_world, WorldLoad, WORLD_PATH};

/// The class of each shade: nobody, then one per bin (lightest first).
const SHADES: [&str; Bins::MAX + 1] = [
    "wjc-map__country wjc-map__shade-0",
    "wjc-map__country wjc-map__shade-1",
    "wjc-map__country wjc-map__shade-2",
    "wjc-map__country wjc-map__shade-3",
    "wjc-map__country wjc-map__shade-4",
    "wjc-map__country wjc-map__shade-5",
];

/// Legend swatches, in the same order as [`SHADES`].
const SWATCHES: [&str; Bins::MAX + 1] = [
    "wjc-map__swatch wjc-map__shade-0",
    "wjc-map__swatch wjc-map__shade-1",
    "wjc-map__swatch wjc-map__shade-2",
    "wjc-map__swatch wjc-map__shade-3",
    "wjc-map__swatch wjc-map__shade-4",
    "wjc-map__swatch wjc-map__shade-5",
];

/// A marker's radius at world scale, in view-box units; it shrinks as the map zooms in so it
/// keeps its size on screen.
const MARKER_RADIUS: f64 = 7.0;

/// Pointer travel (CSS pixels) after which a press is a drag, not a click.
const DRAG_THRESHOLD: f64 = 4.0;

/// How far an arrow key moves the map, as a fraction of what is visible.
const ARROW_STEP: f64 = 0.1;

/// How each country is shaded under the current filters.
#[derive(Clone, PartialEq)]
struct Shading {
    /// Every country in the data, with how many people match the filters other than country,
    /// in the facets' order. A list rather than a map: a few hundred entries at most, and a map
    /// would add its own sort and tree code to the WebAssembly.
    counts: Vec<(CountryCode, usize)>,
    bins: Bins,
}

impl Shading {
    fn current(state: AppState) -> Self {
        state.outcome.with(|outcome| {
            let counts = outcome.facets.countries.clone();
            let max = counts.iter().map(|&(_, n)| n).max().unwrap_or(0);
            Self {
                counts,
                bins: Bins::for_max(max),
            }
        })
    }

    fn shade(&self, country: CountryCode) -> usize {
        self.counts
            .iter()
            .find(|(c, _)| *c == country)
            .map_or(0, |&(_, n)| self.bins.shade(n))
    }
}

/// "Iran: 7 people (imprisoned: 5, detained: 2)" under the current filters.
fn summary(state: AppState, country: CountryCode) -> String {
    state.outcome.with(|outcome| {
        let facets = &outcome.facets;
        match facets.countries.iter().position(|(c, _)| *c == country) {
            Some(i) => t::country_summary(
                &text::country_name(country),
                facets.countries[i].1,
                facets.country_statuses(i),
            ),
            None => t::country_summary(&text::country_name(country), 0, []),
        }
    })
}

/// Choosing a country lists only its people; choosing it again lists everyone again.
fn toggle_country(query: &mut Query, country: CountryCode) {
    let countries = &mut query.filters.countries;
    let only_this = countries.len() == 1 && countries.contains(&country);
    countries.clear();
    if !only_this {
        countries.insert(country);
    }
}

/// The map section: heading, the map (once its shapes are in), legend and table.
#[component]
pub fn MapPanel() -> impl IntoView {
    let state = AppState::expect();
    load_world(state.world, state.site_file(WORLD_PATH));
    let shading = Memo::new(move |_| Shading::current(state));
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
                <h2 id="map-title" class="wjc-map__title">
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

/// The zoomable map with one focusable link per country on the list.
#[component]
fn WorldSvg(map: Arc<WorldMap>, shading: Memo<Shading>) -> impl IntoView {
    let state = AppState::expect();
    let (width, height) = (map.width, map.height);
    let viewport = RwSignal::new(Viewport::whole(width, height));
    // The country under the pointer or keyboard focus, with its centroid.
    let pointed = RwSignal::new(None::<(CountryCode, (f64, f64))>);
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let gesture = StoredValue::new(Gesture::default());

    // The countries on the list are links, in name order so Tab moves alphabetically; the rest
    // of the world is background.
    let listed = shading.with_untracked(|s| s.counts.iter().map(|&(c, _)| c).collect::<Vec<_>>());
    let mut links: Vec<_> = map
        .shapes
        .iter()
        .filter(|s| s.country.is_some_and(|c| listed.contains(&c)))
        .collect();
    // Each country has one shape, so no two keys are equal: an unstable sort gives the same
    // order with less code.
    links.sort_unstable_by_key(|s| s.country.as_ref().map(CountryCode::name));
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
            let centroid = shape.centroid;
            let href = move || {
                state.view.with(|v| {
                    let mut next = ViewState {
                        profile: None,
                        page: 0,
                        ..v.clone()
                    };
                    toggle_country(&mut next.query, country);
                    state.href(&next)
                })
            };
            let marker = shape.marker.then(|| {
                view! {
                    <circle
                        class="wjc-map__marker"
                        cx=hundredths(centroid.0)
                        cy=hundredths(centroid.1)
                        r=move || js_number(MARKER_RADIUS / viewport.with(Viewport::zoom))
                    />
                }
            });
            Some(view! {
                <g>
                    <a
                        href=href
                        aria-label=move || summary(state, country)
                        on:click=move |ev| {
                            ev.prevent_default();
                            if ev.detail() != 0 && gesture.with_value(|g| g.dragged) {
                                return;
                            }
                            state.update_query(HistoryMode::Push, |q| toggle_country(q, country));
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
            })
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

    let rect = move || {
        svg_ref
            .get_untracked()
            .map(|svg| svg.get_bounding_client_rect())
    };
    // Where a pointer is, as a fraction of the drawn map.
    let fraction = move |x: f64, y: f64| {
        rect().map_or((0.5, 0.5), |r| {
            (
                (x - r.left()) / r.width().max(1.0),
                (y - r.top()) / r.height().max(1.0),
            )
        })
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        // Lines and pages scroll further than pixels.
        let unit = match ev.delta_mode() {
            0 => 1.0,
            1 => 16.0,
            _ => 400.0,
        };
        let factor = (-ev.delta_y() * unit * 0.002).exp();
        let focus = fraction(f64::from(ev.client_x()), f64::from(ev.client_y()));
        viewport.update(|v| *v = v.zoom_by(factor, focus));
    };
    let on_pointer_down = move |ev: web_sys::PointerEvent| {
        let at = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        gesture.update_value(|g| g.press(ev.pointer_id(), at));
    };
    let on_pointer_move = move |ev: web_sys::PointerEvent| {
        let id = ev.pointer_id();
        let at = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let Some(step) = gesture.try_update_value(|g| g.step(id, at)).flatten() else {
            return;
        };
        if let Some(svg) = svg_ref.get_untracked() {
            // Captured only once a drag starts, so plain clicks still reach the countries.
            let _ = svg.set_pointer_capture(id);
        }
        let Some(r) = rect() else { return };
        let size = (r.width().max(1.0), r.height().max(1.0));
        match step {
            Step::Pan(dx, dy) => viewport.update(|v| *v = v.pan_by(-dx / size.0, -dy / size.1)),
            Step::Pinch { factor, centre } => {
                let focus = fraction(centre.0, centre.1);
                viewport.update(|v| *v = v.zoom_by(factor, focus));
            }
        }
    };
    let on_pointer_up = move |ev: web_sys::PointerEvent| {
        gesture.update_value(|g| g.release(ev.pointer_id()));
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let v = viewport.get_untracked();
        let next = match ev.key().as_str() {
            "+" | "=" => v.zoom_by(Viewport::STEP, (0.5, 0.5)),
            "-" | "_" => v.zoom_by(1.0 / Viewport::STEP, (0.5, 0.5)),
            "0" => Viewport::whole(width, height),
            "ArrowLeft" => v.pan_by(-ARROW_STEP, 0.0),
            "ArrowRight" => v.pan_by(ARROW_STEP, 0.0),
            "ArrowUp" => v.pan_by(0.0, -ARROW_STEP),
            "ArrowDown" => v.pan_by(0.0, ARROW_STEP),
            _ => return,
        };
        // Keys the map cannot use (an arrow at world scale) are left to scroll the page.
        if next != v {
            ev.prevent_default();
            viewport.set(next);
        }
    };

    let zoom_by = move |factor: f64| viewport.update(|v| *v = v.zoom_by(factor, (0.5, 0.5)));
    let whole = move || viewport.with(Viewport::is_whole);
    view! {
        <svg node_ref=svg_ref class="wjc-map__svg" class:wjc-map__svg--zoomed=move || !whole()
            viewBox=move || viewport.with(Viewport::view_box) role="group"
            aria-label=t::LABEL.text() aria-describedby="map-hint"
            on:wheel=on_wheel on:pointerdown=on_pointer_down on:pointermove=on_pointer_move
            on:pointerup=on_pointer_up on:pointercancel=on_pointer_up on:keydown=on_key>
            <path class="wjc-map__land" d=background aria-hidden="true" />
            <g>{countries}</g>
            <g class="wjc-map__overlay" aria-hidden="true">{selected}{hovered}</g>
        </svg>
        <Tooltip pointed=pointed viewport=viewport />
        <div class="wjc-map__zoom">
            <button type="button" class="wjc-map__zoom-button" aria-label=t::ZOOM_IN.text() title=t::ZOOM_IN.text()
                prop:disabled=move || viewport.with(|v| v.zoom() >= Viewport::MAX_ZOOM)
                on:click=move |_| zoom_by(Viewport::STEP)>"+"</button>
            <button type="button" class="wjc-map__zoom-button" aria-label=t::ZOOM_OUT.text() title=t::ZOOM_OUT.text()
                prop:disabled=whole on:click=move |_| zoom_by(1.0 / Viewport::STEP)>"−"</button>
            <button type="button" class="wjc-map__zoom-button" aria-label=t::ZOOM_RESET.text() title=t::ZOOM_RESET.text()
                prop:disabled=whole on:click=move |_| viewport.set(Viewport::whole(width, height))>
                <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                    <path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" />
                </svg>
            </button>
        </div>
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

/// The map's figures as a table: one row per country on the list, one column per status, the
/// countries holding the most people first. A long table shows its first rows and a button for
/// all of them (`wjc_core::shortlist`), so it stays small whatever the data. Rows are keyed by
/// country: a filter change updates their figures and moves them, rather than drawing new rows.
#[component]
fn CountryTable() -> impl IntoView {
    let state = AppState::expect();
    let statuses = state.outcome.with_untracked(|o| {
        o.facets
            .statuses
            .iter()
            .map(|(s, _)| *s)
            .collect::<Vec<_>>()
    });
    let columns = statuses.clone();
    // Per country, in the facets' order (by name): its total and a count per status column.
    let figures = Memo::new(move |_| {
        state.outcome.with(|outcome| {
            let facets = &outcome.facets;
            facets
                .countries
                .iter()
                .enumerate()
                .map(|(i, &(country, total))| {
                    let per_status = columns
                        .iter()
                        .map(|s| {
                            facets
                                .country_statuses(i)
                                .find(|(status, _)| status == s)
                                .map_or(0, |(_, n)| n)
                        })
                        .collect::<Vec<usize>>();
                    (country, total, per_status)
                })
                .collect::<Vec<_>>()
        })
    });
    let expanded = RwSignal::new(false);
    // The rows drawn, most people first (then by name), and whether the button shows all or fewer.
    let rows = Memo::new(move |_| {
        figures.with(|figures| {
            let totals: Vec<usize> = figures.iter().map(|(_, total, _)| *total).collect();
            let list = shortlist(&totals, |_| true, |_| false, expanded.get());
            let shown: Vec<CountryCode> = by_count(&totals)
                .into_iter()
                .filter(|i| list.shown.contains(i))
                .map(|i| figures[i].0)
                .collect();
            (shown, list.expandable, list.matching)
        })
    });
    // A country's figure: its total (`None`) or a status column's count.
    let figure = move |at: Option<usize>, country: CountryCode, column: Option<usize>| {
        figures.with(|f| {
            at.and_then(|at| f.get(at))
                .filter(|row| row.0 == country)
                .map_or(0, |(_, total, per_status)| {
                    column.map_or(*total, |j| per_status.get(j).copied().unwrap_or(0))
                })
        })
    };
    let list_of = move |country: CountryCode| {
        state.view.with(|v| {
            let mut next = ViewState {
                profile: None,
                view: View::List,
                page: 0,
                ..v.clone()
            };
            next.query.filters.countries.clear();
            next.query.filters.countries.insert(country);
            next
        })
    };
    let width = statuses.len();
    view! {
        // A heading rather than a caption, so the title wraps on narrow screens while the table
        // scrolls sideways.
        <h3 id="map-table-title" class="wjc-map-table__title">
            {t::TABLE_TITLE.text()}
        </h3>
        <div class="wjc-map-table__wrap">
            <table id="map-table" class="wjc-map-table" aria-labelledby="map-table-title">
                <thead>
                    <tr>
                        <th scope="col">{t::TABLE_COUNTRY.text()}</th>
                        <th scope="col" class="wjc-map-table__number">
                            {t::TABLE_TOTAL.text()}
                        </th>
                        {statuses
                            .iter()
                            .map(|s| {
                                view! {
                                    <th scope="col" class="wjc-map-table__number">
                                        {text::status_label(*s)}
                                    </th>
                                }
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || rows.with(|r| r.0.clone())
                        key=|country| *country
                        let(country)
                    >
                        {
                            let at = figures
                                .with_untracked(|f| f.iter().position(|row| row.0 == country));
                            // Every country of the data is in the figures, always at one place.
                            view! {
                                <tr>
                                    <th scope="row">
                                        <a
                                            href=move || state.href(&list_of(country))
                                            on:click=move |ev| {
                                                state.follow(&ev, list_of(country));
                                            }
                                        >
                                            {text::country_name(country)}
                                        </a>
                                    </th>
                                    <td class="wjc-map-table__number">
                                        {move || figure(at, country, None)}
                                    </td>
                                    {(0..width)
                                        .map(|j| {
                                            view! {
                                                <td class="wjc-map-table__number">
                                                    {move || figure(at, country, Some(j))}
                                                </td>
                                            }
                                        })
                                        .collect_view()}
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </div>
        <ShowAllButton
            controls="map-table".to_owned()
            filter="country"
            shown=Signal::derive(move || rows.with(|r| r.1.map(|all| (all, r.2))))
            on_toggle=Callback::new(move |()| expanded.update(|e| *e = !*e))
        />
    }
}

/// Pointers pressed on the map, to tell clicks, drags and pinches apart.
#[derive(Default)]
struct Gesture {
    /// Active pointers and where each was last seen.
    pointers: Vec<(i32, (f64, f64))>,
    /// How far the pointers have travelled since the first press.
    travelled: f64,
    /// Whether this press became a drag (its click must not choose a country).
    dragged: bool,
}

/// What a pointer movement does to the map.
enum Step {
    /// Move the map by this many CSS pixels.
    Pan(f64, f64),
    /// Zoom by `factor` around `centre` (client coordinates).
    Pinch { factor: f64, centre: (f64, f64) },
}

impl Gesture {
    fn press(&mut self, id: i32, at: (f64, f64)) {
        if self.pointers.is_empty() {
            self.travelled = 0.0;
            self.dragged = false;
        }
        self.pointers.retain(|(p, _)| *p != id);
        self.pointers.push((id, at));
    }

    /// Records a move; returns what it does to the map once the press is a drag or a pinch.
    fn step(&mut self, id: i32, at: (f64, f64)) -> Option<Step> {
        let index = self.pointers.iter().position(|(p, _)| *p == id)?;
        let before = self.pointers[index].1;
        let step = match self.pointers.as_slice() {
            [_] => Step::Pan(at.0 - before.0, at.1 - before.1),
            [(_, a), (_, b)] => {
                let other = if index == 0 { *b } else { *a };
                let distance = |p: (f64, f64)| (p.0 - other.0).hypot(p.1 - other.1).max(1.0);
                Step::Pinch {
                    factor: distance(at) / distance(before),
                    centre: (f64::midpoint(at.0, other.0), f64::midpoint(at.1, other.1)),
                }
            }
            _ => return None,
        };
        self.pointers[index].1 = at;
        self.travelled += (at.0 - before.0).hypot(at.1 - before.1);
        self.dragged |= self.travelled > DRAG_THRESHOLD || self.pointers.len() > 1;
        self.dragged.then_some(step)
    }

    fn release(&mut self, id: i32) {
        self.pointers.retain(|(p, _)| *p != id);
    }
}
