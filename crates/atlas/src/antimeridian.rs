//! Cutting rings at the antimeridian (±180°).
//!
//! Natural Earth's shapes are stitched across ±180°: a ring of Russia, Fiji or Antarctica steps
//! from 179.9° to −179.9°. Drawn as it is, such a step becomes a band across the whole map. So each
//! crossing step gets its crossing point on both edges, and each ring is cut into pieces that lie
//! on one side, closed along the edge of the map (and along the flat pole line for a ring around a
//! pole).

use crate::geo::{LonLat, Vertex};
use crate::projection::ViewBox;
use crate::simplify::douglas_peucker;

/// Latitude step of the points laid along the map's curved edge before simplification.
const EDGE_STEP_DEGREES: f64 = 1.0;

/// Whether the step from `a` to `b` goes across ±180° (the short way round the globe) rather than
/// across the map.
pub fn crosses(a: LonLat, b: LonLat) -> bool {
    (a.lon - b.lon).abs() > 180.0
}

/// The line with every crossing step split at ±180°: the crossing point is added on the edge left
/// and again on the edge entered, so every crossing step then joins two edge points.
pub fn split_crossings(line: &[LonLat]) -> Vec<LonLat> {
    let mut out: Vec<LonLat> = Vec::with_capacity(line.len());
    for pair in line.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        push_new(&mut out, a);
        if crosses(a, b) {
            let edge = 180.0_f64.copysign(a.lon);
            // `b` as seen from `a`'s side, past the edge.
            let b_lon = b.lon + 360.0_f64.copysign(a.lon);
            // Both points on the edge already: nothing to add.
            if (b_lon - a.lon).abs() > 0.0 {
                let t = ((edge - a.lon) / (b_lon - a.lon)).clamp(0.0, 1.0);
                let lat = a.lat + t * (b.lat - a.lat);
                push_new(&mut out, LonLat { lon: edge, lat });
                push_new(&mut out, LonLat { lon: -edge, lat });
            }
        }
    }
    if let Some(&last) = line.last() {
        push_new(&mut out, last);
    }
    out
}

fn push_new(line: &mut Vec<LonLat>, p: LonLat) {
    if line.last() != Some(&p) {
        line.push(p);
    }
}

/// The side of the map a point at the edge belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Side {
    West,
    East,
}

impl Side {
    fn of(p: LonLat) -> Self {
        if p.lon < 0.0 {
            Self::West
        } else {
            Self::East
        }
    }

    fn lon(self) -> f64 {
        match self {
            Self::West => -180.0,
            Self::East => 180.0,
        }
    }

    fn other(self) -> Self {
        match self {
            Self::West => Self::East,
            Self::East => Self::West,
        }
    }
}

/// A place where a piece meets the edge, or the pole where the edge meets the pole line.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Mark {
    Start(usize),
    Finish(usize),
    Pole,
}

/// Cuts an open ring (first point not repeated) whose crossing steps were split by
/// [`split_crossings`] into rings that each stay on one side of the map. A ring without crossings
/// comes back whole. Rings keep their direction, so outer rings and holes still wind oppositely.
///
/// # Errors
/// A message when the crossings do not pair up, which a valid ring cannot cause.
pub fn cut_ring(
    ring: &[Vertex],
    view: &ViewBox,
    tolerance: f64,
) -> Result<Vec<Vec<Vertex>>, String> {
    let n = ring.len();
    let jumps: Vec<usize> = (0..n)
        .filter(|&i| crosses(ring[i].geo, ring[(i + 1) % n].geo))
        .collect();
    if jumps.is_empty() {
        return Ok(vec![ring.to_vec()]);
    }
    // Piece k runs from just after jump k to jump k + 1, both ends on the edge.
    let pieces: Vec<Vec<Vertex>> = jumps
        .iter()
        .enumerate()
        .map(|(k, &jump)| {
            let start = (jump + 1) % n;
            let len = (jumps[(k + 1) % jumps.len()] + n - start) % n + 1;
            (0..len).map(|offset| ring[(start + offset) % n]).collect()
        })
        .collect();

    // Along each edge, inside and outside alternate between crossings, so sorted by latitude the
    // crossings pair up as the stretches of edge that close the pieces. A ring around a pole
    // crosses an odd number of times; the pole then closes the stretch next to it.
    let mut edges: [Vec<(f64, Mark)>; 2] = [Vec::new(), Vec::new()];
    for (k, piece) in pieces.iter().enumerate() {
        let (first, last) = (piece[0].geo, piece[piece.len() - 1].geo);
        edges[Side::of(first) as usize].push((first.lat, Mark::Start(k)));
        edges[Side::of(last) as usize].push((last.lat, Mark::Finish(k)));
    }
    let pole = (jumps.len() % 2 == 1).then(|| {
        // A ring around a pole lies in that pole's hemisphere.
        #[allow(clippy::cast_precision_loss)] // Point counts are far below 2^52.
        let mean = ring.iter().map(|v| v.geo.lat).sum::<f64>() / n as f64;
        90.0_f64.copysign(mean)
    });
    if let Some(pole) = pole {
        for edge in &mut edges {
            edge.push((pole, Mark::Pole));
        }
    }
    let mut partner: [Vec<(Mark, Mark)>; 2] = [Vec::new(), Vec::new()];
    for (side, edge) in edges.iter_mut().enumerate() {
        edge.sort_by(|a, b| a.0.total_cmp(&b.0));
        if edge.len() % 2 == 1 {
            return Err("antimeridian crossings do not pair up".to_owned());
        }
        for pair in edge.chunks(2) {
            partner[side].push((pair[0].1, pair[1].1));
            partner[side].push((pair[1].1, pair[0].1));
        }
    }
    let partner_of = |side: Side, mark: Mark| {
        partner[side as usize]
            .iter()
            .find(|(m, _)| *m == mark)
            .map(|&(_, p)| p)
    };

    // For each piece: the piece that follows it, and the edge points in between.
    let mut links: Vec<(usize, Vec<Vertex>)> = Vec::with_capacity(pieces.len());
    for (k, piece) in pieces.iter().enumerate() {
        let finish = piece[piece.len() - 1].geo;
        let side = Side::of(finish);
        let link = match partner_of(side, Mark::Finish(k)) {
            Some(Mark::Start(next)) => {
                let to = pieces[next][0].geo.lat;
                let walk = edge_walk(side, finish.lat, to, view, tolerance);
                Some((next, walk[1..walk.len() - 1].to_vec()))
            }
            Some(Mark::Pole) => match (pole, partner_of(side.other(), Mark::Pole)) {
                (Some(pole), Some(Mark::Start(next))) => {
                    let to = pieces[next][0].geo.lat;
                    let down = edge_walk(side, finish.lat, pole, view, tolerance);
                    let up = edge_walk(side.other(), pole, to, view, tolerance);
                    let mut walk = down[1..].to_vec();
                    walk.extend_from_slice(&up[..up.len() - 1]);
                    Some((next, walk))
                }
                _ => None,
            },
            _ => None,
        };
        links.push(link.ok_or("antimeridian crossings do not pair up")?);
    }

    let mut used = vec![false; pieces.len()];
    let mut rings = Vec::new();
    for first in 0..pieces.len() {
        let mut out = Vec::new();
        let mut k = first;
        while !used[k] {
            used[k] = true;
            out.extend_from_slice(&pieces[k]);
            out.extend_from_slice(&links[k].1);
            k = links[k].0;
        }
        if k != first {
            return Err("antimeridian pieces do not close into rings".to_owned());
        }
        if !out.is_empty() {
            rings.push(out);
        }
    }
    Ok(rings)
}

/// Points along the map's edge on `side` from one latitude to another, both ends included. The
/// edge is a curve in Equal Earth, so it is laid out densely and then simplified like a border.
fn edge_walk(side: Side, from: f64, to: f64, view: &ViewBox, tolerance: f64) -> Vec<Vertex> {
    // At most 180 steps of one degree.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let steps = ((to - from).abs() / EDGE_STEP_DEGREES).ceil().max(1.0) as usize;
    let walk: Vec<Vertex> = (0..=steps)
        .map(|i| {
            #[allow(clippy::cast_precision_loss)]
            let lat = if i == steps {
                to
            } else {
                from + (to - from) * i as f64 / steps as f64
            };
            let geo = LonLat {
                lon: side.lon(),
                lat,
            };
            Vertex {
                geo,
                at: view.project(geo),
            }
        })
        .collect();
    let points: Vec<_> = walk.iter().map(|v| v.at).collect();
    douglas_peucker(&points, tolerance)
        .into_iter()
        .map(|i| walk[i])
        .collect()
}

#[cfg(test)]
// The expected values are exact by construction (edge latitudes, areas of whole-unit shapes).
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;

    fn geo(points: &[(f64, f64)]) -> Vec<LonLat> {
        points
            .iter()
            .map(|&(lon, lat)| LonLat { lon, lat })
            .collect()
    }

    fn pairs(line: &[LonLat]) -> Vec<(f64, f64)> {
        line.iter().map(|p| (p.lon, p.lat)).collect()
    }

    /// A closed ring of globe points, split and projected, as an open ring ready to cut.
    fn prepared(points: &[(f64, f64)], view: &ViewBox) -> Vec<Vertex> {
        let mut closed = geo(points);
        closed.push(closed[0]);
        let mut split = split_crossings(&closed);
        split.pop();
        split
            .into_iter()
            .map(|geo| Vertex {
                geo,
                at: view.project(geo),
            })
            .collect()
    }

    /// The longest horizontal jump between consecutive points, closing step included.
    fn widest_step(ring: &[Vertex]) -> f64 {
        (0..ring.len())
            .map(|i| (ring[i].at.x - ring[(i + 1) % ring.len()].at.x).abs())
            .fold(0.0, f64::max)
    }

    #[test]
    fn crossing_steps_get_the_crossing_point_on_both_edges() {
        let line = geo(&[(179.0, 10.0), (-179.0, 12.0), (-178.0, 12.0)]);
        assert_eq!(
            pairs(&split_crossings(&line)),
            vec![
                (179.0, 10.0),
                (180.0, 11.0),
                (-180.0, 11.0),
                (-179.0, 12.0),
                (-178.0, 12.0)
            ]
        );
        let westward = geo(&[(-179.0, 0.0), (179.0, 4.0)]);
        assert_eq!(
            pairs(&split_crossings(&westward)),
            vec![(-179.0, 0.0), (-180.0, 2.0), (180.0, 2.0), (179.0, 4.0)]
        );
    }

    #[test]
    fn points_already_on_the_edge_are_not_doubled() {
        let line = geo(&[(-180.0, 5.0), (179.0, 6.0)]);
        assert_eq!(
            pairs(&split_crossings(&line)),
            vec![(-180.0, 5.0), (180.0, 5.0), (179.0, 6.0)]
        );
        let both = geo(&[(180.0, -16.54), (-180.0, -16.49)]);
        assert_eq!(pairs(&split_crossings(&both)), pairs(&both));
    }

    #[test]
    fn a_ring_without_crossings_is_kept_whole() {
        let view = ViewBox::world();
        let ring = prepared(&[(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)], &view);
        assert_eq!(cut_ring(&ring, &view, 0.1).unwrap(), vec![ring]);
    }

    #[test]
    fn a_ring_across_the_antimeridian_becomes_one_ring_on_each_side() {
        let view = ViewBox::world();
        let ring = prepared(
            &[(170.0, 0.0), (-170.0, 0.0), (-170.0, 10.0), (170.0, 10.0)],
            &view,
        );
        let rings = cut_ring(&ring, &view, 0.1).unwrap();
        assert_eq!(rings.len(), 2);
        for ring in &rings {
            let side = Side::of(ring[0].geo);
            assert!(ring.iter().all(|v| Side::of(v.geo) == side), "{ring:?}");
            assert!(widest_step(ring) < view.width / 2.0, "{ring:?}");
            // Closed along the edge: both crossing latitudes are on it.
            for lat in [0.0, 10.0] {
                let corner = LonLat {
                    lon: side.lon(),
                    lat,
                };
                assert!(ring.iter().any(|v| v.geo == corner), "{corner:?}");
            }
        }
    }

    #[test]
    fn crossings_pair_up_along_the_edge_for_a_notched_shape() {
        // An E-shaped ring: 170°..190° by 0°..6° with a notch 175°..190° by 2°..4°. East of the
        // edge it is one C-shaped ring; west of it, two separate rectangles.
        let view = ViewBox::world();
        let ring = prepared(
            &[
                (170.0, 0.0),
                (-170.0, 0.0),
                (-170.0, 2.0),
                (175.0, 2.0),
                (175.0, 4.0),
                (-170.0, 4.0),
                (-170.0, 6.0),
                (170.0, 6.0),
            ],
            &view,
        );
        let rings = cut_ring(&ring, &view, 0.5).unwrap();
        let east: Vec<_> = rings
            .iter()
            .filter(|r| Side::of(r[0].geo) == Side::East)
            .collect();
        assert_eq!((rings.len(), east.len()), (3, 1));
        // Four corners of each east piece; the short edge stretches between them are straight.
        assert_eq!(east[0].len(), 8, "{:?}", east[0]);
        assert!(rings.iter().all(|r| widest_step(r) < view.width / 2.0));
    }

    #[test]
    fn a_ring_around_the_south_pole_closes_along_the_bottom_edge() {
        let view = ViewBox::world();
        let coast: Vec<(f64, f64)> = (0..18)
            .map(|i| (-170.0 + 20.0 * f64::from(i), -70.0))
            .collect();
        let ring = prepared(&coast, &view);
        let rings = cut_ring(&ring, &view, 0.1).unwrap();
        assert_eq!(rings.len(), 1);
        let ring = &rings[0];
        let bottom: Vec<_> = ring.iter().filter(|v| v.geo.lat == -90.0).collect();
        assert_eq!(bottom.len(), 2);
        // The only wide step is the pole line, which is flat at the bottom of the map.
        assert!((bottom[0].at.y - bottom[1].at.y).abs() < 1e-9);
        assert!(bottom[0].at.y > view.height - 1.0);
        let wide = (0..ring.len())
            .filter(|&i| (ring[i].at.x - ring[(i + 1) % ring.len()].at.x).abs() > view.width / 2.0)
            .count();
        assert_eq!(wide, 1);
        // The edges are walked from the coast down to the pole on both sides.
        assert!(ring.iter().any(|v| v.geo
            == LonLat {
                lon: 180.0,
                lat: -70.0
            }));
        assert!(ring.iter().any(|v| v.geo
            == LonLat {
                lon: -180.0,
                lat: -70.0
            }));
    }
}
