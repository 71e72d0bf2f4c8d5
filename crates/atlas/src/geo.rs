//! The two kinds of coordinates the generator handles: on the globe and on the map.

/// A position on the globe in degrees (WGS 84 longitude and latitude, as Natural Earth gives them).
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct LonLat {
    /// Degrees east of Greenwich, −180 to 180.
    pub lon: f64,
    /// Degrees north of the equator, −90 to 90.
    pub lat: f64,
}

/// A position on the map in view-box units: origin top-left, y down.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Point {
    /// Distance from the left edge.
    pub x: f64,
    /// Distance from the top edge.
    pub y: f64,
}

/// A point of a border, kept on both the globe (to cut at the antimeridian) and the map (to
/// simplify, measure and draw).
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Vertex {
    /// Where it is on the globe.
    pub geo: LonLat,
    /// Where it is drawn.
    pub at: Point,
}
