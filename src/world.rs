//! Downloading the map's country shapes, once, the first time the map is shown.

use std::sync::Arc;

use leptos::prelude::*;
use wjc_core::map::{self, WorldMap};

/// Where the pre-projected shapes are, relative to the page (see `docs/map-data.md`).
const WORLD_URL: &str = "map/world.txt";

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

/// Starts downloading the shapes into `world` unless they are already there or on their way.
pub fn load_world(world: RwSignal<WorldLoad>) {
    if !matches!(world.get_untracked(), WorldLoad::Idle | WorldLoad::Failed) {
        return;
    }
    world.set(WorldLoad::Loading);
    leptos::task::spawn_local(async move {
        world.set(match fetch_world().await {
            Some(map) => WorldLoad::Ready(Arc::new(map)),
            None => WorldLoad::Failed,
        });
    });
}

async fn fetch_world() -> Option<WorldMap> {
    // The dataset's download, so a stalled map ends in the "could not be drawn" note rather than
    // loading for ever.
    let text = crate::data::download(WORLD_URL).await.ok()?;
    match map::parse(&text) {
        Ok(map) => Some(map),
        Err(error) => {
            // For the site's maintainers: the visitor sees the table and a short note.
            web_sys::console::warn_1(
                &format!("{WORLD_URL} line {}: {}", error.line, error.reason).into(),
            );
            None
        }
    }
}
