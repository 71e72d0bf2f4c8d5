//! From a topology to one shape per country code: simplify shared arcs, merge features under one
//! code, cut at the antimeridian, measure, quantise.

use std::collections::BTreeMap;

use wjc_core::CountryCode;

use crate::antimeridian::{crosses, cut_ring, split_crossings};
use crate::codes::code_for;
use crate::dissolve::dissolve;
use crate::geo::{Point, Vertex};
use crate::path::Tenths;
use crate::planar::{centroid, combined_centroid, contains, signed_area};
use crate::projection::ViewBox;
use crate::simplify::douglas_peucker;
use crate::topology::{ArcRef, Topology};

/// How far, in view-box units, a simplified border may stray from Natural Earth's 1:50m line.
/// A fifth of a pixel where the map is 1000 px wide, about 3 px at the app's deepest zoom (16×);
/// coarser saves bytes but shows when zoomed, finer passes the 50 KB gzip budget.
pub const SIMPLIFY_TOLERANCE: f64 = 0.2;

/// The finer tolerance for the borders of countries with a marker, as fine as the coordinates
/// (tenths): their whole shape is a few pixels at world scale, and they are what the app's zoom
/// (up to 16×) is for.
pub const SMALL_COUNTRY_TOLERANCE: f64 = 0.1;

/// Countries smaller than this, in square view-box units, get a marker at their centroid.
///
/// 30 is a square of about 5.5 units, i.e. 5.5 px where the map is drawn 1000 px wide and 2 px on a
/// 360 px phone: too small to see, let alone to click or tap (WCAG 2.5.8 asks for 24 px targets).
/// It takes in the micro-states, island states and city territories, and countries up to about
/// 36,000 km² such as Belgium, but leaves out the Netherlands and Switzerland, whose shapes can be
/// found by eye at world scale.
pub const MARKER_AREA: f64 = 30.0;

/// Rings smaller than this, in square view-box units, are dropped from the drawing of a country
/// too large for a marker: at half a pixel or less at world scale they are specks that cost bytes.
pub const MIN_RING_AREA: f64 = 0.5;

/// One line of the map: a country (or a shape without one) ready to draw.
#[derive(Clone, PartialEq, Debug)]
pub struct Country {
    /// The ISO 3166-1 alpha-2 code, `None` for a shape without a country.
    pub code: Option<CountryCode>,
    /// Whether the country is too small to click at world scale, so the app draws a marker (never
    /// for a shape without a country).
    pub marker: bool,
    /// The area-weighted centroid of its largest polygon, where the marker and tooltip go.
    pub centre: Point,
    /// Its rings, snapped to tenths of a unit; never empty.
    pub rings: Vec<Vec<Tenths>>,
}

/// Whether a country of this projected area (square view-box units) gets a marker.
pub fn needs_marker(area: f64) -> bool {
    area < MARKER_AREA
}

/// Every code's shape, sorted by code (the shape without a country first).
///
/// # Errors
/// A message when a feature cannot be mapped to a known code or its rings are broken.
pub fn countries(topology: &Topology, view: &ViewBox) -> Result<Vec<Country>, String> {
    let full: Vec<Vec<Vertex>> = (0..topology.arcs.len())
        .map(|i| prepare_arc(topology, i, view))
        .collect();
    let mut groups: BTreeMap<Option<CountryCode>, Vec<Vec<ArcRef>>> = BTreeMap::new();
    for feature in &topology.features {
        let rings = feature.polygons.iter().flatten().cloned();
        groups.entry(code_for(feature)?).or_default().extend(rings);
    }
    let measured: Vec<Measured> = groups
        .into_iter()
        .map(|(code, rings)| measure(code, &rings, topology, &full, view))
        .collect::<Result<_, _>>()?;
    // Small countries are what the app shows zoomed in, so their arcs are simplified finely. Each
    // arc is still simplified once, for every ring that uses it.
    let mut tolerance = vec![SIMPLIFY_TOLERANCE; full.len()];
    for country in measured.iter().filter(|country| country.small) {
        for arc in country.rings.iter().flatten() {
            tolerance[arc.index()] = SMALL_COUNTRY_TOLERANCE;
        }
    }
    let simplified: Vec<Vec<Vertex>> = full
        .iter()
        .zip(&tolerance)
        .map(|(arc, &tolerance)| simplify_arc(arc, tolerance))
        .collect();
    measured
        .into_iter()
        .map(|country| {
            let drawn = outlines(&country.rings, &simplified, view)
                .map_err(|e| format!("{}: {e}", label(country.code)))?;
            Ok(Country {
                code: country.code,
                // A shape without a country is background, never a target.
                marker: country.code.is_some() && country.small,
                centre: country.centre,
                rings: drawn_rings(&drawn, country.small),
            })
        })
        .collect()
}

/// A code's merged rings and what was measured of them.
struct Measured {
    code: Option<CountryCode>,
    rings: Vec<Vec<ArcRef>>,
    /// Under [`MARKER_AREA`].
    small: bool,
    centre: Point,
}

/// Merges a code's rings and measures them on the full-detail outline, so markers and centroids
/// do not depend on how much the drawing is simplified.
fn measure(
    code: Option<CountryCode>,
    rings: &[Vec<ArcRef>],
    topology: &Topology,
    full: &[Vec<Vertex>],
    view: &ViewBox,
) -> Result<Measured, String> {
    let context = |e: String| format!("{}: {e}", label(code));
    let rings = dissolve(rings, |arc| topology.ends(arc)).map_err(context)?;
    let exact = outlines(&rings, full, view).map_err(context)?;
    let area: f64 = exact.iter().map(|ring| signed_area(ring)).sum();
    let centre = centre_of_largest(&exact)
        .or_else(|| mean(&exact))
        .ok_or_else(|| context("has no points".to_owned()))?;
    Ok(Measured {
        code,
        rings,
        small: needs_marker(area),
        centre,
    })
}

/// How a code is written in messages and in the file.
fn label(code: Option<CountryCode>) -> String {
    code.map_or_else(|| "-".to_owned(), |code| code.as_str().to_owned())
}

/// An arc on the globe and the map, with its antimeridian crossings split.
fn prepare_arc(topology: &Topology, index: usize, view: &ViewBox) -> Vec<Vertex> {
    split_crossings(&topology.arc_positions(index))
        .into_iter()
        .map(|geo| Vertex {
            geo,
            at: view.project(geo),
        })
        .collect()
}

/// An arc simplified once for every ring that uses it, so neighbours keep the same border. Each run
/// between crossings is simplified on its own, so the edge points stay.
fn simplify_arc(arc: &[Vertex], tolerance: f64) -> Vec<Vertex> {
    let mut out = Vec::with_capacity(arc.len());
    let mut start = 0;
    for end in 1..=arc.len() {
        if end == arc.len() || crosses(arc[end - 1].geo, arc[end].geo) {
            let run = &arc[start..end];
            let points: Vec<Point> = run.iter().map(|v| v.at).collect();
            out.extend(
                douglas_peucker(&points, tolerance)
                    .into_iter()
                    .map(|i| run[i]),
            );
            start = end;
        }
    }
    out
}

/// The rings as drawn: arcs chained, then cut at the antimeridian. Rings without area are kept (a
/// country may be nothing else); [`drawn_rings`] decides what is drawn.
fn outlines(
    rings: &[Vec<ArcRef>],
    arcs: &[Vec<Vertex>],
    view: &ViewBox,
) -> Result<Vec<Vec<Point>>, String> {
    let mut out = Vec::new();
    for ring in rings {
        let vertices = chain(ring, arcs);
        if vertices.is_empty() {
            continue;
        }
        for piece in cut_ring(&vertices, view, SIMPLIFY_TOLERANCE)? {
            out.push(piece.iter().map(|v| v.at).collect());
        }
    }
    Ok(out)
}

/// A ring's points from its arcs, as an open ring. Consecutive arcs share their meeting point, so
/// it is taken once.
fn chain(ring: &[ArcRef], arcs: &[Vec<Vertex>]) -> Vec<Vertex> {
    let mut out: Vec<Vertex> = Vec::new();
    for &arc in ring {
        let points = &arcs[arc.index()];
        let skip = usize::from(!out.is_empty());
        if arc.reversed() {
            out.extend(points.iter().rev().skip(skip));
        } else {
            out.extend(points.iter().skip(skip));
        }
    }
    if out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    out
}

/// The area-weighted centroid of the largest outer ring together with the holes inside it.
fn centre_of_largest(outlines: &[Vec<Point>]) -> Option<Point> {
    let parts: Vec<Option<(Point, f64)>> = outlines.iter().map(|ring| centroid(ring)).collect();
    let largest = (0..outlines.len())
        .filter_map(|i| parts[i].map(|(_, area)| (i, area)))
        .filter(|&(_, area)| area > 0.0)
        .max_by(|a, b| a.1.total_cmp(&b.1))?
        .0;
    let holes = (0..outlines.len()).filter_map(|i| {
        parts[i].filter(|&(_, area)| area < 0.0 && contains(&outlines[largest], outlines[i][0]))
    });
    let members: Vec<(Point, f64)> = parts[largest].into_iter().chain(holes).collect();
    combined_centroid(&members)
}

/// The mean of all points: the centre of a country so small that Natural Earth's grid reduces it
/// to a point (Vatican City).
fn mean(outlines: &[Vec<Point>]) -> Option<Point> {
    let points: Vec<Point> = outlines.iter().flatten().copied().collect();
    #[allow(clippy::cast_precision_loss)] // Far below 2^52 points.
    let n = points.len() as f64;
    (!points.is_empty()).then(|| Point {
        x: points.iter().map(|p| p.x).sum::<f64>() / n,
        y: points.iter().map(|p| p.y).sum::<f64>() / n,
    })
}

/// The rings to draw, snapped to tenths. Rings under [`MIN_RING_AREA`] are dropped, except for a
/// small country (one with a marker), whose every ring with any area is what the app shows when
/// zoomed in. A country is never left without a ring: if all collapse, its largest stays (Vatican
/// City is a single point at the source's resolution, drawn as `m x yz`).
fn drawn_rings(outlines: &[Vec<Point>], small: bool) -> Vec<Vec<Tenths>> {
    let snapped: Vec<(Vec<Tenths>, f64)> = outlines
        .iter()
        .map(|ring| snap(ring))
        .filter(|ring| !ring.is_empty())
        .map(|ring| {
            let area = area(&ring);
            (ring, area)
        })
        .collect();
    let kept: Vec<Vec<Tenths>> = snapped
        .iter()
        .filter(|&&(_, area)| area >= MIN_RING_AREA || (small && area > 0.0))
        .map(|(ring, _)| ring.clone())
        .collect();
    if !kept.is_empty() {
        return kept;
    }
    snapped
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(ring, _)| ring)
        .into_iter()
        .collect()
}

/// A ring snapped to tenths of a unit, with repeated points (and the closing one) removed.
fn snap(ring: &[Point]) -> Vec<Tenths> {
    let mut out: Vec<Tenths> = Vec::with_capacity(ring.len());
    for &p in ring {
        let snapped = (tenths(p.x), tenths(p.y));
        if out.last() != Some(&snapped) {
            out.push(snapped);
        }
    }
    while out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    out
}

/// The area of a snapped ring in square view-box units, whatever its direction.
fn area(ring: &[Tenths]) -> f64 {
    let twice: i64 = (0..ring.len())
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
            i64::from(a.0) * i64::from(b.1) - i64::from(b.0) * i64::from(a.1)
        })
        .sum();
    // Twice the area in square tenths is 200 times it in square units.
    #[allow(clippy::cast_precision_loss)] // Far below 2^52.
    let area = twice.abs() as f64 / 200.0;
    area
}

/// A view-box coordinate in tenths, rounded to the nearest.
#[allow(clippy::cast_possible_truncation)] // Map coordinates are within ±10,000 tenths.
fn tenths(value: f64) -> i32 {
    (value * 10.0).round() as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_threshold() {
        assert!(needs_marker(0.0));
        assert!(needs_marker(29.9));
        assert!(!needs_marker(30.0));
        assert!(!needs_marker(2000.0));
    }

    fn square(x: f64, y: f64, side: f64) -> Vec<Point> {
        [
            (0.0, 0.0),
            (side, 0.0),
            (side, side),
            (0.0, side),
            (0.0, 0.0),
        ]
        .iter()
        .map(|&(dx, dy)| Point {
            x: x + dx,
            y: y + dy,
        })
        .collect()
    }

    #[test]
    fn rings_are_snapped_to_tenths_without_repeats() {
        assert_eq!(
            snap(&square(10.04, 20.06, 2.0)),
            vec![(100, 201), (120, 201), (120, 221), (100, 221)]
        );
        assert_eq!(snap(&square(10.04, 20.06, 0.01)), vec![(100, 201)]);
        assert!((area(&snap(&square(10.0, 20.0, 2.0))) - 4.0).abs() < 1e-12);
    }

    #[test]
    fn specks_are_dropped_from_large_countries_only() {
        let mainland = square(100.0, 100.0, 10.0);
        let speck = square(50.0, 50.0, 0.5);
        let large = drawn_rings(&[mainland.clone(), speck.clone()], false);
        assert_eq!(large, vec![snap(&mainland)]);
        let small = drawn_rings(&[speck.clone(), square(60.0, 60.0, 0.9)], true);
        assert_eq!(small.len(), 2);
    }

    #[test]
    fn a_country_always_keeps_a_ring() {
        // A country that collapses to a point is drawn as that point.
        let point = square(12.34, 56.78, 0.001);
        assert_eq!(drawn_rings(&[point], true), vec![vec![(123, 568)]]);
        let specks = [square(0.0, 0.0, 0.5), square(5.0, 5.0, 0.7)];
        assert_eq!(drawn_rings(&specks, false), vec![snap(&specks[1])]);
    }

    #[test]
    fn the_centre_is_that_of_the_largest_polygon_less_its_holes() {
        let ring = |points: &[(f64, f64)]| -> Vec<Point> {
            points.iter().map(|&(x, y)| Point { x, y }).collect()
        };
        let island = ring(&[(100.0, 100.0), (101.0, 100.0), (101.0, 101.0)]);
        let mainland = ring(&[(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0)]);
        let hole = ring(&[(1.0, 1.0), (1.0, 2.0), (2.0, 2.0), (2.0, 1.0)]);
        let centre = centre_of_largest(&[island, mainland, hole]).unwrap();
        // (16 × (2, 2) − 1 × (1.5, 1.5)) / 15
        let expected = 30.5 / 15.0;
        assert!((centre.x - expected).abs() < 1e-9 && (centre.y - expected).abs() < 1e-9);
    }
}
