//! Merging features drawn under one code into one shape without inner borders.
//!
//! Somaliland joins Somalia and Northern Cyprus joins Cyprus; their shared arcs would otherwise be
//! drawn as borders inside one country.

use std::collections::HashMap;

use crate::topology::{ArcRef, GridPoint};

/// The rings of one code with the arcs it shares with itself removed and the rest chained back
/// into closed rings. `ends` gives where a referenced arc starts and ends. Rings come back as they
/// were when nothing is shared.
///
/// # Errors
/// A message when the remaining arcs do not close into rings, which a valid topology cannot cause.
pub fn dissolve(
    rings: &[Vec<ArcRef>],
    ends: impl Fn(ArcRef) -> (GridPoint, GridPoint),
) -> Result<Vec<Vec<ArcRef>>, String> {
    let mut uses: HashMap<usize, usize> = HashMap::new();
    for arc in rings.iter().flatten() {
        *uses.entry(arc.index()).or_default() += 1;
    }
    if uses.values().all(|&count| count == 1) {
        return Ok(rings.to_vec());
    }
    let outer: Vec<ArcRef> = rings
        .iter()
        .flatten()
        .copied()
        .filter(|arc| uses[&arc.index()] == 1)
        .collect();
    let mut by_start: HashMap<GridPoint, Vec<usize>> = HashMap::new();
    for (i, &arc) in outer.iter().enumerate() {
        by_start.entry(ends(arc).0).or_default().push(i);
    }
    let mut taken = vec![false; outer.len()];
    let mut merged = Vec::new();
    for first in 0..outer.len() {
        if taken[first] {
            continue;
        }
        taken[first] = true;
        let mut ring = vec![outer[first]];
        let (origin, mut end) = ends(outer[first]);
        while end != origin {
            let next = by_start
                .get(&end)
                .and_then(|candidates| candidates.iter().copied().find(|&i| !taken[i]))
                .ok_or("merged rings do not close")?;
            taken[next] = true;
            ring.push(outer[next]);
            end = ends(outer[next]).1;
        }
        merged.push(ring);
    }
    Ok(merged)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two unit squares side by side: left (0,0)–(1,1), right (1,0)–(2,1), sharing arc 1.
    fn ends(arc: ArcRef) -> (GridPoint, GridPoint) {
        let stored = match arc.index() {
            0 => ((0, 1), (1, 0)), // left square: top-left, bottom-left, bottom-middle
            // The shared side, and the right square's other three sides, join the same corners.
            1 | 3 => ((1, 0), (1, 1)),
            2 => ((1, 1), (0, 1)), // left square's top
            4 => ((5, 5), (5, 5)), // an island
            _ => unreachable!(),
        };
        if arc.reversed() {
            (stored.1, stored.0)
        } else {
            stored
        }
    }

    #[test]
    fn shared_arcs_are_removed_and_the_rest_chained() {
        let left = vec![ArcRef(0), ArcRef(1), ArcRef(2)];
        let right = vec![ArcRef(!1), ArcRef(3)];
        let island = vec![ArcRef(4)];
        let merged = dissolve(&[left, right, island], ends).unwrap();
        assert_eq!(
            merged,
            vec![vec![ArcRef(0), ArcRef(3), ArcRef(2)], vec![ArcRef(4)]]
        );
    }

    #[test]
    fn rings_sharing_nothing_are_unchanged() {
        let rings = vec![vec![ArcRef(0), ArcRef(1), ArcRef(2)], vec![ArcRef(4)]];
        assert_eq!(dissolve(&rings, ends).unwrap(), rings);
    }
}
