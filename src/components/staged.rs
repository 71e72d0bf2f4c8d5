//! The app's first view over a page's static rendering, drawn a part at a time.
//!
//! Over a page that `wjc site` rendered, the app draws its first view hidden and puts it in the
//! static rendering's place once whole (see [`crate::App`]). Drawn in one go, that view held the
//! main thread for over 100 ms on the bench's machine, and several times that on a phone: the
//! first call of each WebAssembly function compiles it, and the first view calls most of them. A
//! tap or a scroll on the static page waited all that time. Inside [`Stages`], each [`Stage`] is
//! drawn in its turn, as many as fit in a frame's worth of work per task ([`FramePause`]), so the
//! browser paints and answers input in between. Where no drawing is staged (the widget, the static
//! pages themselves, and every view after the first) a [`Stage`] draws its part at once.

use leptos::prelude::*;
use wjc_core::pace::Pause;

use crate::browser::FramePause;

/// The parts of a view waiting to be drawn, and whether the view is whole.
#[derive(Clone, Copy)]
pub struct Stages {
    /// Each waiting part's switch. Drawn last met first: the order does not show (the view is
    /// hidden until whole), and a plain vector is less code to download than a queue.
    waiting: StoredValue<Vec<RwSignal<bool>>, LocalStorage>,
    /// Whether parts are staged at all; once off, every part draws at once.
    staging: StoredValue<bool, LocalStorage>,
    /// Set once the last waiting part has been drawn.
    whole: RwSignal<bool>,
}

impl Stages {
    /// Stages the parts of the views drawn under the current owner from now on, until
    /// [`Stages::stop`].
    pub fn provide() -> Self {
        let stages = Self {
            waiting: StoredValue::new_local(Vec::new()),
            staging: StoredValue::new_local(true),
            whole: RwSignal::new(false),
        };
        provide_context(stages);
        stages
    }

    /// Whether the parts met so far have all been drawn, since [`Stages::draw`] was called
    /// (tracked).
    pub fn whole(self) -> bool {
        self.whole.get()
    }

    /// From now on, parts draw at once: the staged view is on screen, and a view drawn there in
    /// parts would show its gaps.
    pub fn stop(self) {
        self.staging.set_value(false);
    }

    /// Draws the waiting parts, starting in the next task (the current one is drawing the view
    /// that holds them), then those they hold, and so on; then [`Stages::whole`] turns true.
    /// Called once, when the view to stage is drawn.
    pub fn draw(self) {
        leptos::task::spawn_local(async move {
            let mut pause = FramePause::starting_now();
            pause.give_way().await;
            while let Some(next) = self.waiting.try_update_value(Vec::pop).flatten() {
                // A part whose view was replaced meanwhile is gone: nothing to draw.
                let _ = next.try_set(true);
                // The part is drawn by a render effect, in a microtask; the parts it holds are
                // met there and wait with the others.
                crate::browser::microtasks().await;
                pause.pause().await;
            }
            self.whole.set(true);
        });
    }

    /// Queues a part's switch, to be drawn in its turn.
    fn wait(self, switch: RwSignal<bool>) {
        self.waiting.update_value(|waiting| waiting.push(switch));
    }
}

/// A part of a view that may be drawn after the rest (see the module's doc): at once, unless
/// [`Stages`] is staging, then in its turn.
#[component]
pub fn Stage(
    /// The part.
    children: Children,
) -> impl IntoView {
    let staging = use_context::<Stages>().filter(|stages| stages.staging.get_value());
    // One form for both cases (shown at once, or once its turn comes): less code to download.
    let shown = RwSignal::new(staging.is_none());
    if let Some(stages) = staging {
        stages.wait(shown);
    }
    let children = StoredValue::new_local(Some(children));
    move || {
        shown
            .get()
            .then(|| children.try_update_value(Option::take).flatten())
            .flatten()
            .map(|draw| draw())
    }
}
