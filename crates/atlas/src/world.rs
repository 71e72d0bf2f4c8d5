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
/// A third of a pixel at the map's design width is invisible, and halves the points.
pub const SIMPLIFY_TOLERANCE: f64 = 0.3;

/// Countries smaller than this, in square view-box units, get a marker at their centroid.
///
/// 30 is a square of about 5.5 units, i.e. 5.5 px where the map is drawn 1000 px wide and 2 px on a
/// 360 px phone: too small to see, let alone to click or tap (WCAG 2.5.8 asks for 24 px targets).
/// It takes in the micro-states, island states and city territories, and countries up to about
/// 36,000 km² such as Belgium, but leaves out the Netherlands and Switzerland, whose shapes can be
/// found by eye at world scale.
pub const MARKER_AREA: f64 = 30.0;

/// Rings smaller than this, in square view-box units, are dropped from the drawing: below a
/// pixel they are specks that cost bytes. Their country keeps its marker and centroid.
pub const MIN_RING_AREA: f64 = 1.0;

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
    /// Its quantised rings; empty when every ring is smaller than [`MIN_RING_AREA`].
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
    let (full, simplified): (Vec<_>, Vec<_>) = (0..topology.arcs.len())
        .map(|i| {
            let full = prepare_arc(topology, i, view);
            let simplified = simplify_arc(&full);
            (full, simplified)
        })
        .unzip();
    let mut groups: BTreeMap<Option<CountryCode>, Vec<Vec<ArcRef>>> = BTreeMap::new();
    for feature in &topology.features {
        let rings = feature.polygons.iter().flatten().cloned();
        groups.entry(code_for(feature)?).or_default().extend(rings);
    }
    groups
        .into_iter()
        .map(|(code, rings)| {
            let label = code.map_or("-".to_owned(), |c| c.as_str().to_owned());
            let rings =
                dissolve(&rings, |arc| topology.ends(arc)).map_err(|e| format!("{label}: {e}"))?;
            // Measured on the full-detail outline, so markers and centroids do not depend on how
            // much the drawing is simplified.
            let exact = outlines(&rings, &full, view).map_err(|e| format!("{label}: {e}"))?;
            let area: f64 = exact.iter().map(|ring| signed_area(ring)).sum();
            let centre = centre_of_largest(&exact)
                .or_else(|| mean(&exact))
                .ok_or(format!("{label}: has no points"))?;
            let drawn = outlines(&rings, &simplified, view).map_err(|e| format!("{label}: {e}"))?;
            Ok(Country {
                code,
                // A shape without a country is background, never a target.
                marker: code.is_some() && needs_marker(area),
                centre,
                rings: drawn.iter().filter_map(|ring| quantise(ring)).collect(),
            })
        })
        .collect()
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
fn simplify_arc(arc: &[Vertex]) -> Vec<Vertex> {
    let mut out = Vec::with_capacity(arc.len());
    let mut start = 0;
    for end in 1..=arc.len() {
        if end == arc.len() || crosses(arc[end - 1].geo, arc[end].geo) {
            let run = &arc[start..end];
            let points: Vec<Point> = run.iter().map(|v| v.at).collect();
            out.extend(
                douglas_peucker(&points, SIMPLIFY_TOLERANCE)
                    .into_iter()
                    .map(|i| run[i]),
            );
            start = end;
        }
    }
    out
}

/// The rings as drawn: arcs chained, then cut at the antimeridian. Rings without area are kept (a
/// country may be nothing else); [`quantise`] drops them from the drawing.
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

/// A ring snapped to tenths of a unit, with repeated points removed; `None` when what is left is
/// smaller than [`MIN_RING_AREA`].
fn quantise(ring: &[Point]) -> Option<Vec<Tenths>> {
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
    let twice_area: i64 = (0..out.len())
        .map(|i| {
            let (a, b) = (out[i], out[(i + 1) % out.len()]);
            i64::from(a.0) * i64::from(b.1) - i64::from(b.0) * i64::from(a.1)
        })
        .sum();
    // Twice the area in square tenths is 200 times it in square units.
    #[allow(clippy::cast_precision_loss)] // Far below 2^52.
    let area = twice_area.abs() as f64 / 200.0;
    (area >= MIN_RING_AREA).then_some(out)
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

    #[test]
    fn quantising_rounds_to_tenths_and_drops_specks() {
        let square = |side: f64| {
            vec![
                Point { x: 10.04, y: 20.06 },
                Point {
                    x: 10.04 + side,
                    y: 20.06,
                },
                Point {
                    x: 10.04 + side,
                    y: 20.06 + side,
                },
                Point {
                    x: 10.04,
                    y: 20.06 + side,
                },
                Point { x: 10.04, y: 20.06 },
            ]
        };
        assert_eq!(
            quantise(&square(2.0)),
            Some(vec![(100, 201), (120, 201), (120, 221), (100, 221)])
        );
        assert_eq!(quantise(&square(0.9)), None);
        assert_eq!(quantise(&square(0.01)), None);
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
