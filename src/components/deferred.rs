//! Parts of the app that are not needed to answer a search (the map, a profile, the Embed dialog)
//! and that a `split` build loads as WebAssembly modules of their own, the first time they are
//! needed, just ahead of that ([`load_ahead`]), or when the browser is idle once the list is in
//! ([`load_when_idle`]: the widget, and the app where no service worker keeps them for offline
//! use; docs/contributing.md, "Split code"). What a failed download shows stays in the main
//! module: a module would fail to load then too.
//!
//! [`split_point!`] declares one; [`Deferred`] draws it: at once when its module is in (always, in
//! a build without the `split` feature: `trunk serve`, the component tests), else "Loading…" until
//! it is, and when it cannot load, what failed with Try again.

use std::future::Future;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;
use leptos::task::spawn_local_scoped;
use wjc_core::text::ui;

/// A split point's view, or [`ModuleFailed`].
pub type Drawn = Result<AnyView, ModuleFailed>;

/// A part's module could not be loaded (the network failed, or the server answered with an
/// error); the browser's console has the details.
#[derive(Debug)]
pub struct ModuleFailed;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for ModuleFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ModuleFailed
    }
}

/// Declares `fn NAME(ARGS) -> Drawn` whose body (a view) goes to the module `MODULE` in a `split`
/// build, with `PRELOAD()`, which loads that module without drawing anything. Without `split`,
/// both are plain async functions that never fail.
macro_rules! split_point {
    ($(#[$attr:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?)
        in $module:ident, preload $preload:ident $body:block) => {
        $(#[$attr])*
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split(
            $module,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload(#[allow(clippy::missing_errors_doc)] $preload)
        )]
        $vis fn $name($($arg: $ty),*) -> $crate::components::deferred::Drawn {
            Ok($body)
        }

        $(#[$attr])*
        #[cfg(not(feature = "split"))]
        #[allow(clippy::unused_async)]
        $vis async fn $name($($arg: $ty),*) -> $crate::components::deferred::Drawn {
            Ok($body)
        }

        /// Loads the module that draws this part, so that it shows at once when it is needed.
        #[cfg(not(feature = "split"))]
        #[allow(clippy::unused_async)]
        $vis async fn $preload() -> Result<(), $crate::components::deferred::ModuleFailed> {
            Ok(())
        }
    };
}
pub(crate) use split_point;

/// Starts loading a part's module ahead of need, when the pointer comes over or the focus comes to
/// what opens it, so the part shows at once when it is opened. Once the module is in, nothing is
/// fetched again.
pub fn load_ahead<E: 'static, Fut: Future<Output = Result<(), E>> + 'static>(preload: fn() -> Fut) {
    leptos::task::spawn_local(async move {
        // A failure here is met again, and said, when the part is opened.
        let _ = preload().await;
    });
}

/// Loads the parts' modules one after another (`load`, their preloads) in the browser's first idle
/// period, so that they open at once later, and still open when the network has gone. Once per
/// page, however often a list arrives or however many widgets the page has; not when the visitor
/// asked to save data. A module that fails is met again, and said, when its part is opened.
pub fn load_when_idle(load: impl Future<Output = ()> + 'static) {
    thread_local!(static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if crate::browser::saves_data() || ASKED.replace(true) {
        return;
    }
    leptos::task::spawn_local(async move {
        crate::browser::idle().await;
        load.await;
    });
}

/// Where a part stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Loading,
    Failed,
    Ready,
}

/// Draws what `draw` (a [`split_point!`]) gives: at once if its module is already in, else once it
/// has loaded; a module that cannot load says so, with Try again.
#[component]
pub fn Deferred<F, Fut>(
    /// The split point.
    draw: F,
) -> impl IntoView
where
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Drawn> + 'static,
{
    let draw = StoredValue::new_local(draw);
    let status = RwSignal::new(Part::Loading);
    let drawn = StoredValue::new_local(None::<AnyView>);
    let settle = move |result: Drawn| match result {
        Ok(view) => {
            drawn.set_value(Some(view));
            status.set(Part::Ready);
        }
        Err(ModuleFailed) => status.set(Part::Failed),
    };
    let attempt_here = move || {
        let mut future = Box::pin(draw.with_value(|draw| draw()));
        // A module already in answers on the first poll: drawn now, no "Loading…" flash (a
        // language change draws the whole view anew).
        match future
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        {
            Poll::Ready(result) => settle(result),
            Poll::Pending => {
                status.set(Part::Loading);
                spawn_local_scoped(async move { settle(future.await) });
            }
        }
    };
    // The part is drawn under this component's owner, whose context it reads, even when Try again
    // (an event handler, which has no owner) starts the attempt.
    let owner = StoredValue::new_local(Owner::current());
    let attempt = move || match owner.get_value() {
        Some(owner) => owner.with(attempt_here),
        None => attempt_here(),
    };
    attempt();
    move || match status.get() {
        Part::Loading => view! {
            <p class="wjc-part" role="status">
                {ui::PART_LOADING.text()}
            </p>
        }
        .into_any(),
        Part::Failed => view! {
            <div class="wjc-part" role="alert">
                <p>{ui::PART_FAILED.text()}</p>
                <button type="button" class="wjc-button" on:click=move |_| attempt()>
                    {ui::RETRY.text()}
                </button>
            </div>
        }
        .into_any(),
        Part::Ready => drawn
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| ().into_any()),
    }
}
