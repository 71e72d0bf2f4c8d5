//! Sets of record (or word) positions as bits, 64 to a machine word: a set over 50,000 records
//! is 6 KB, so a query never allocates per record.

/// A set of positions below a fixed length.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Bits {
    /// A slice, not a `Vec`: indexing it is inlined even in the browser's size-optimised build.
    blocks: Box<[u64]>,
}

impl Bits {
    /// No position of `0..len`.
    pub(super) fn empty(len: usize) -> Self {
        Self {
            blocks: vec![0; len.div_ceil(64)].into(),
        }
    }

    /// Every position of `0..len`.
    pub(super) fn full(len: usize) -> Self {
        let mut blocks = vec![u64::MAX; len.div_ceil(64)];
        if let Some(last) = blocks.last_mut() {
            // Positions past `len` in the last block stay out.
            *last >>= (64 - len % 64) % 64;
        }
        Self {
            blocks: blocks.into(),
        }
    }

    /// Whether `at` is in the set.
    pub(super) fn contains(&self, at: usize) -> bool {
        self.blocks[at / 64] & (1 << (at % 64)) != 0
    }

    /// Adds `at`; true when it was not in the set yet.
    pub(super) fn insert(&mut self, at: usize) -> bool {
        let block = &mut self.blocks[at / 64];
        let bit = 1 << (at % 64);
        let added = *block & bit == 0;
        *block |= bit;
        added
    }

    /// How many positions are in the set.
    pub(super) fn count(&self) -> usize {
        self.blocks.iter().map(|b| b.count_ones() as usize).sum()
    }

    /// The positions in the set, ascending.
    pub(super) fn iter(&self) -> Positions<'_> {
        Positions {
            blocks: &self.blocks,
            next: 0,
            rest: 0,
        }
    }

    /// Keeps only the positions that are in `other` too (a set of the same length).
    pub(super) fn and(&mut self, other: &Self) {
        for (block, other) in self.blocks.iter_mut().zip(&other.blocks) {
            *block &= other;
        }
    }

    /// Keeps only the positions for which `keep` is true.
    pub(super) fn retain(&mut self, mut keep: impl FnMut(usize) -> bool) {
        for (i, block) in self.blocks.iter_mut().enumerate() {
            let mut rest = *block;
            while rest != 0 {
                let bit = rest & rest.wrapping_neg();
                if !keep(i * 64 + bit.trailing_zeros() as usize) {
                    *block &= !bit;
                }
                rest &= rest - 1;
            }
        }
    }
}

/// The positions in a [`Bits`], ascending.
pub(super) struct Positions<'a> {
    blocks: &'a [u64],
    /// The block after the one `rest` comes from.
    next: usize,
    /// The positions of that block not yet given out.
    rest: u64,
}

impl Iterator for Positions<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.rest == 0 {
            self.rest = *self.blocks.get(self.next)?;
            self.next += 1;
        }
        let at = (self.next - 1) * 64 + self.rest.trailing_zeros() as usize;
        self.rest &= self.rest - 1;
        Some(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_sets_stop_at_their_length() {
        for len in [0, 1, 63, 64, 65, 130] {
            let full = Bits::full(len);
            assert_eq!(full.count(), len);
            assert_eq!(
                full.iter().collect::<Vec<_>>(),
                (0..len).collect::<Vec<_>>()
            );
            assert_eq!(Bits::empty(len).count(), 0);
        }
    }

    #[test]
    fn insert_retain_intersect_and_iterate() {
        let mut bits = Bits::empty(200);
        assert!(bits.insert(3));
        assert!(!bits.insert(3));
        for at in [64, 65, 127, 199] {
            bits.insert(at);
        }
        assert!(bits.contains(127) && !bits.contains(126));
        bits.retain(|at| at % 2 == 1);
        assert_eq!(bits.iter().collect::<Vec<_>>(), [3, 65, 127, 199]);
        assert_eq!(bits.count(), 4);
        let mut high = Bits::full(200);
        high.retain(|at| at > 100);
        bits.and(&high);
        assert_eq!(bits.iter().collect::<Vec<_>>(), [127, 199]);
    }
}
