//! Downloading the map's country shapes, once, the first time the map is shown.

use std::sync::Arc;

use leptos::prelude::*;
use wjc_core::map::{self, WorldMap};

pub use wjc_core::map::WORLD_PATH;

/// Where loading the shapes stands.
#[derive(Clone)]
pub enum WorldLoad {
    /// Not asked for yet: visitors who never open the map never download it.
    Idle,
    /// Downloading.
    Loading,
    /// Ready to draw.
    Ready(Arc<WorldMap>),
    /// Could not be drawn; the table still shows the figures.
    Failed,
}

/// Starts downloading the shapes at `url` into `world` unless they are already there or on their
/// way.
pub fn load_world(world: RwSignal<WorldLoad>, url: String) {
    if !matches!(world.get_untracked(), WorldLoad::Idle | WorldLoad::Failed) {
        return;
    }
    world.set(WorldLoad::Loading);
    leptos::task::spawn_local(async move {
        world.set(match fetch_world(&url).await {
            Some(map) => WorldLoad::Ready(Arc::new(map)),
            None => WorldLoad::Failed,
        });
    });
}

async fn fetch_world(url: &str) -> Option<WorldMap> {
    // The dataset's download, so a stalled map ends in the "could not be drawn" note rather than
    // loading for ever.
    let text = crate::data::download(url).await.ok()?;
    match map::parse(&text) {
        Ok(map) => Some(map),
        Err(error) => {
            // For the site's maintainers: the visitor sees the table and a short note.
            web_sys::console::warn_1(
                &format!("{url} line {}: {}", error.line, error.reason).into(),
            );
            None
        }
    }
}
