//! The app's components, one concern per file.

pub mod act;
pub mod badge;
pub mod card;
pub mod deferred;
pub mod embed;
pub mod error;
pub mod fetch_notes;
pub mod filters;
pub mod footer;
pub mod frame;
pub mod header;
pub mod list;
pub mod map;
pub mod notice;
pub mod profile;
pub mod skeleton;
pub mod staged;
pub mod translation;

#[cfg(all(test, target_arch = "wasm32"))]
mod tests;
