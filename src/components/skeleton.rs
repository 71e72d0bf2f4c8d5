//! Placeholder cards while the data loads, laid out like the real ones so nothing jumps.

use leptos::prelude::*;

/// Cards drawn while loading: enough to fill a desktop screen.
const SKELETON_CARDS: usize = 9;

/// The list page's shape, empty.
#[component]
pub fn SkeletonPage() -> impl IntoView {
    view! {
        <div class="wjc-list" aria-hidden="true">
            <aside class="wjc-list__side">
                <div class="wjc-skeleton wjc-skeleton--panel"></div>
            </aside>
            <section class="wjc-list__main">
                <div class="wjc-skeleton wjc-skeleton--search"></div>
                <div class="wjc-skeleton wjc-skeleton--bar"></div>
                <ul class="wjc-grid">
                    {(0..SKELETON_CARDS)
                        .map(|_| {
                            view! {
                                <li class="wjc-card wjc-card--skeleton">
                                    <div class="wjc-skeleton"></div>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        </div>
    }
}
