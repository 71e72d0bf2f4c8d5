//! Many short lists of positions in two flat vectors (one allocation each, not one per list).

/// Lists of positions, numbered from 0 in the order they were pushed.
#[derive(Clone, Debug)]
pub(super) struct Lists {
    items: Vec<usize>,
    /// Where each list starts in `items`, and one past the end of the last.
    starts: Vec<usize>,
}

impl Default for Lists {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            starts: vec![0],
        }
    }
}

impl Lists {
    /// Appends a list.
    pub(super) fn push(&mut self, list: impl IntoIterator<Item = usize>) {
        for item in list {
            // A quarter more room at a time, not twice as much: at 50,000 records the items
            // take megabytes, and while they move to a larger block both blocks are held.
            if self.items.len() == self.items.capacity() {
                self.items.reserve_exact((self.items.len() / 4).max(64));
            }
            self.items.push(item);
        }
        self.starts.push(self.items.len());
    }

    /// Gives back the room the vectors grew into beyond what they hold: built by appending, the
    /// items may hold a quarter more room than they need, the list starts twice as much.
    pub(super) fn shrink_to_fit(&mut self) {
        self.items.shrink_to_fit();
        self.starts.shrink_to_fit();
    }

    /// The list numbered `at`.
    pub(super) fn get(&self, at: usize) -> &[usize] {
        // Slices, not `Vec`s: indexing them is inlined even in the browser's size-optimised build.
        let starts = self.starts.as_slice();
        &self.items.as_slice()[starts[at]..starts[at + 1]]
    }

    /// How many lists there are.
    pub(super) fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// How many positions all the lists hold together.
    pub(super) fn total(&self) -> usize {
        self.items.len()
    }

    /// Every position in every list, to renumber them.
    pub(super) fn items_mut(&mut self) -> &mut [usize] {
        &mut self.items
    }

    /// The lists the other way round: list `v` of the result holds, ascending, the numbers of the
    /// lists here that hold `v` (every position here must be below `width`).
    pub(super) fn transpose(&self, width: usize) -> Self {
        let mut starts = vec![0; width + 1];
        for &v in &self.items {
            starts[v + 1] += 1;
        }
        for v in 0..width {
            starts[v + 1] += starts[v];
        }
        let mut next = starts.clone();
        let mut items = vec![0; self.items.len()];
        for list in 0..self.len() {
            for &v in self.get(list) {
                items[next[v]] = list;
                next[v] += 1;
            }
        }
        Self { items, starts }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_push_read_and_transpose() {
        let mut lists = Lists::default();
        lists.push([2, 0]);
        lists.push([]);
        lists.push([1, 2]);
        assert_eq!(lists.len(), 3);
        assert_eq!(lists.total(), 4);
        assert_eq!(lists.get(0), [2, 0]);
        assert!(lists.get(1).is_empty());
        let transposed = lists.transpose(4);
        assert_eq!(transposed.len(), 4);
        assert_eq!(transposed.get(0), [0]);
        assert_eq!(transposed.get(1), [2]);
        assert_eq!(transposed.get(2), [0, 2]);
        assert!(transposed.get(3).is_empty());
    }
}
