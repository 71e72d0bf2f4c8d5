//! Douglas–Peucker line simplification in view-box units.

use crate::geo::Point;

/// The indices of the points to keep so that no dropped point is farther than `tolerance` from the
/// simplified line. The first and last points are always kept, so lines that meet at their ends
/// still meet after each is simplified on its own.
pub fn douglas_peucker(points: &[Point], tolerance: f64) -> Vec<usize> {
    let Some(last) = points.len().checked_sub(1) else {
        return Vec::new();
    };
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[last] = true;
    // An explicit stack: a coastline of thousands of points would recurse deeply.
    let mut spans = vec![(0, last)];
    while let Some((first, end)) = spans.pop() {
        let farthest = (first + 1..end)
            .map(|i| {
                (
                    i,
                    distance_to_segment(points[i], points[first], points[end]),
                )
            })
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((i, distance)) = farthest {
            if distance > tolerance {
                keep[i] = true;
                spans.push((first, i));
                spans.push((i, end));
            }
        }
    }
    keep.iter()
        .enumerate()
        .filter_map(|(i, &kept)| kept.then_some(i))
        .collect()
}

/// Distance from `p` to the segment `a`–`b` (to `a` itself when the segment is a point, as for a
/// closed island outline whose ends coincide).
fn distance_to_segment(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let length_squared = dx * dx + dy * dy;
    let t = if length_squared == 0.0 {
        0.0
    } else {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / length_squared).clamp(0.0, 1.0)
    };
    (p.x - (a.x + t * dx)).hypot(p.y - (a.y + t * dy))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(coordinates: &[(f64, f64)]) -> Vec<Point> {
        coordinates.iter().map(|&(x, y)| Point { x, y }).collect()
    }

    #[test]
    fn drops_points_within_tolerance_and_keeps_the_ends() {
        let points = line(&[(0.0, 0.0), (1.0, 0.1), (2.0, -0.1), (3.0, 0.0)]);
        assert_eq!(douglas_peucker(&points, 0.2), vec![0, 3]);
    }

    #[test]
    fn keeps_corners_beyond_tolerance() {
        let points = line(&[(0.0, 0.0), (1.0, 1.05), (2.0, 2.0), (3.0, 1.05), (4.0, 0.0)]);
        assert_eq!(douglas_peucker(&points, 0.2), vec![0, 2, 4]);
    }

    #[test]
    fn a_closed_outline_keeps_its_farthest_points() {
        let square = line(&[(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 0.0)]);
        assert_eq!(douglas_peucker(&square, 0.5), vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn short_lines_are_kept_whole() {
        assert!(douglas_peucker(&[], 1.0).is_empty());
        assert_eq!(douglas_peucker(&line(&[(1.0, 1.0)]), 1.0), vec![0]);
        assert_eq!(
            douglas_peucker(&line(&[(1.0, 1.0), (5.0, 5.0)]), 1.0),
            vec![0, 1]
        );
    }
}
