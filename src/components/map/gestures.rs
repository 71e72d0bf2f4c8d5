//! Zoom and pan: the wheel, a dragging or pinching pointer, the keys and the zoom buttons.

use leptos::prelude::*;
use wjc_core::map::Viewport;
use wjc_core::text::map as t;

/// Pointer travel (CSS pixels) after which a press is a drag, not a click.
const DRAG_THRESHOLD: f64 = 4.0;

/// How far an arrow key moves the map, as a fraction of what is visible.
const ARROW_STEP: f64 = 0.1;

/// The map's zoom and pan: what is visible, and the state its event handlers share.
#[derive(Clone, Copy)]
pub(super) struct ZoomPan {
    /// The part of the world in view.
    pub viewport: RwSignal<Viewport>,
    /// The drawn map, for pointer positions.
    pub svg: NodeRef<leptos::svg::Svg>,
    gesture: StoredValue<Gesture>,
    /// The whole map's size in view-box units, for the reset.
    size: (f64, f64),
}

impl ZoomPan {
    pub fn new(width: f64, height: f64) -> Self {
        Self {
            viewport: RwSignal::new(Viewport::whole(width, height)),
            svg: NodeRef::new(),
            gesture: StoredValue::new(Gesture::default()),
            size: (width, height),
        }
    }

    /// Whether the press that ends in a click was a drag (its click must not choose a country).
    pub fn dragged(self) -> bool {
        self.gesture.with_value(|g| g.dragged)
    }

    /// Whether the whole world is in view.
    pub fn whole(self) -> bool {
        self.viewport.with(Viewport::is_whole)
    }

    fn rect(self) -> Option<web_sys::DomRect> {
        self.svg
            .get_untracked()
            .map(|svg| svg.get_bounding_client_rect())
    }

    /// Where a pointer is, as a fraction of the drawn map.
    fn fraction(self, x: f64, y: f64) -> (f64, f64) {
        self.rect().map_or((0.5, 0.5), |r| {
            (
                (x - r.left()) / r.width().max(1.0),
                (y - r.top()) / r.height().max(1.0),
            )
        })
    }

    fn zoom_by(self, factor: f64) {
        self.viewport.update(|v| *v = v.zoom_by(factor, (0.5, 0.5)));
    }

    fn reset(self) {
        self.viewport.set(Viewport::whole(self.size.0, self.size.1));
    }

    pub fn wheel(self, ev: &web_sys::WheelEvent) {
        ev.prevent_default();
        // Lines and pages scroll further than pixels.
        let unit = match ev.delta_mode() {
            0 => 1.0,
            1 => 16.0,
            _ => 400.0,
        };
        let factor = (-ev.delta_y() * unit * 0.002).exp();
        let focus = self.fraction(f64::from(ev.client_x()), f64::from(ev.client_y()));
        self.viewport.update(|v| *v = v.zoom_by(factor, focus));
    }

    pub fn press(self, ev: &web_sys::PointerEvent) {
        let at = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        self.gesture.update_value(|g| g.press(ev.pointer_id(), at));
    }

    pub fn drag(self, ev: &web_sys::PointerEvent) {
        let id = ev.pointer_id();
        let at = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let Some(step) = self.gesture.try_update_value(|g| g.step(id, at)).flatten() else {
            return;
        };
        if let Some(svg) = self.svg.get_untracked() {
            // Captured only once a drag starts, so plain clicks still reach the countries.
            let _ = svg.set_pointer_capture(id);
        }
        let Some(r) = self.rect() else { return };
        let size = (r.width().max(1.0), r.height().max(1.0));
        match step {
            Step::Pan(dx, dy) => self
                .viewport
                .update(|v| *v = v.pan_by(-dx / size.0, -dy / size.1)),
            Step::Pinch { factor, centre } => {
                let focus = self.fraction(centre.0, centre.1);
                self.viewport.update(|v| *v = v.zoom_by(factor, focus));
            }
        }
    }

    pub fn release(self, ev: &web_sys::PointerEvent) {
        self.gesture.update_value(|g| g.release(ev.pointer_id()));
    }

    pub fn key(self, ev: &web_sys::KeyboardEvent) {
        let v = self.viewport.get_untracked();
        let next = match ev.key().as_str() {
            "+" | "=" => v.zoom_by(Viewport::STEP, (0.5, 0.5)),
            "-" | "_" => v.zoom_by(1.0 / Viewport::STEP, (0.5, 0.5)),
            "0" => Viewport::whole(self.size.0, self.size.1),
            "ArrowLeft" => v.pan_by(-ARROW_STEP, 0.0),
            "ArrowRight" => v.pan_by(ARROW_STEP, 0.0),
            "ArrowUp" => v.pan_by(0.0, -ARROW_STEP),
            "ArrowDown" => v.pan_by(0.0, ARROW_STEP),
            _ => return,
        };
        // Keys the map cannot use (an arrow at world scale) are left to scroll the page.
        if next != v {
            ev.prevent_default();
            self.viewport.set(next);
        }
    }
}

/// Zoom in, zoom out and show the whole world.
pub(super) fn zoom_buttons(zoom: ZoomPan) -> impl IntoView {
    let whole = move || zoom.whole();
    view! {
        <div class="wjc-map__zoom">
            <button
                type="button"
                class="wjc-map__zoom-button"
                aria-label=t::ZOOM_IN.text()
                title=t::ZOOM_IN.text()
                prop:disabled=move || zoom.viewport.with(|v| v.zoom() >= Viewport::MAX_ZOOM)
                on:click=move |_| zoom.zoom_by(Viewport::STEP)
            >
                "+"
            </button>
            <button
                type="button"
                class="wjc-map__zoom-button"
                aria-label=t::ZOOM_OUT.text()
                title=t::ZOOM_OUT.text()
                prop:disabled=whole
                on:click=move |_| zoom.zoom_by(1.0 / Viewport::STEP)
            >
                "−"
            </button>
            <button
                type="button"
                class="wjc-map__zoom-button"
                aria-label=t::ZOOM_RESET.text()
                title=t::ZOOM_RESET.text()
                prop:disabled=whole
                on:click=move |_| zoom.reset()
            >
                <svg
                    viewBox="0 0 16 16"
                    width="16"
                    height="16"
                    aria-hidden="true"
                    focusable="false"
                >
                    <path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" />
                </svg>
            </button>
        </div>
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
