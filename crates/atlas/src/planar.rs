//! Areas and centroids of rings on the map.

use crate::geo::Point;

/// The signed area of a ring (open or closed) by the shoelace formula, in square view-box units.
/// Positive for outer rings of this data set once projected (y down), negative for holes.
pub fn signed_area(ring: &[Point]) -> f64 {
    cycle(ring).map(|(a, b)| a.x * b.y - b.x * a.y).sum::<f64>() / 2.0
}

/// The area-weighted centroid of a ring and its signed area; `None` for a ring without area.
pub fn centroid(ring: &[Point]) -> Option<(Point, f64)> {
    let area = signed_area(ring);
    if area == 0.0 {
        return None;
    }
    // Relative to the first point, for precision far from the origin.
    let origin = ring[0];
    let (mut sx, mut sy) = (0.0, 0.0);
    for (a, b) in cycle(ring) {
        let (ax, ay, bx, by) = (
            a.x - origin.x,
            a.y - origin.y,
            b.x - origin.x,
            b.y - origin.y,
        );
        let cross = ax * by - bx * ay;
        sx += (ax + bx) * cross;
        sy += (ay + by) * cross;
    }
    let centre = Point {
        x: origin.x + sx / (6.0 * area),
        y: origin.y + sy / (6.0 * area),
    };
    Some((centre, area))
}

/// The combined centroid of an outer ring and its holes (given with their negative areas).
pub fn combined_centroid(parts: &[(Point, f64)]) -> Option<Point> {
    let area: f64 = parts.iter().map(|(_, a)| a).sum();
    (area != 0.0).then(|| Point {
        x: parts.iter().map(|(c, a)| c.x * a).sum::<f64>() / area,
        y: parts.iter().map(|(c, a)| c.y * a).sum::<f64>() / area,
    })
}

/// Whether `p` lies inside the ring (even–odd rule).
pub fn contains(ring: &[Point], p: Point) -> bool {
    let mut inside = false;
    for (a, b) in cycle(ring) {
        if (a.y > p.y) != (b.y > p.y) && p.x < a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x) {
            inside = !inside;
        }
    }
    inside
}

/// Each side of the ring as a pair of points, the closing side included.
fn cycle(ring: &[Point]) -> impl Iterator<Item = (Point, Point)> + '_ {
    ring.iter()
        .zip(ring.iter().cycle().skip(1))
        .map(|(&a, &b)| (a, b))
}

#[cfg(test)]
// The expected values are exact by construction (edge latitudes, areas of whole-unit shapes).
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;

    fn ring(coordinates: &[(f64, f64)]) -> Vec<Point> {
        coordinates.iter().map(|&(x, y)| Point { x, y }).collect()
    }

    #[test]
    fn area_and_centroid_of_a_rectangle() {
        // Clockwise on screen (y down) is positive.
        let r = ring(&[(10.0, 10.0), (14.0, 10.0), (14.0, 12.0), (10.0, 12.0)]);
        assert_eq!(signed_area(&r), 8.0);
        let (centre, area) = centroid(&r).unwrap();
        assert_eq!((centre, area), (Point { x: 12.0, y: 11.0 }, 8.0));
        let mut reversed = r.clone();
        reversed.reverse();
        assert_eq!(signed_area(&reversed), -8.0);
    }

    #[test]
    fn a_hole_moves_the_centroid_away() {
        let outer = centroid(&ring(&[(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0)])).unwrap();
        let hole = centroid(&ring(&[(0.0, 0.0), (0.0, 2.0), (2.0, 2.0), (2.0, 0.0)])).unwrap();
        assert_eq!(hole.1, -4.0);
        let centre = combined_centroid(&[outer, hole]).unwrap();
        assert!((centre.x - 7.0 / 3.0).abs() < 1e-12 && (centre.y - 7.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn degenerate_rings_have_no_centroid() {
        assert_eq!(centroid(&ring(&[(0.0, 0.0), (1.0, 1.0), (2.0, 2.0)])), None);
    }

    #[test]
    fn containment() {
        let r = ring(&[(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0)]);
        assert!(contains(&r, Point { x: 1.0, y: 3.0 }));
        assert!(!contains(&r, Point { x: 5.0, y: 3.0 }));
    }
}
