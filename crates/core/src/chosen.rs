//! [`Chosen`]: the options a filter has chosen, a short sorted list.
//!
//! A filter holds a handful of options, so a sorted `Vec` answers as fast as a B-tree, and the
//! browser downloads far less code for it: a `BTreeSet` brings the tree's node handling for each
//! type it holds (docs/performance.md, "Code size").

/// A set of options in ascending order, each once: `BTreeSet`'s behaviour, on a sorted `Vec`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Chosen<T>(Vec<T>);

impl<T> Default for Chosen<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<T: Ord> Chosen<T> {
    /// No option.
    pub const fn new() -> Self {
        Self(Vec::new())
    }

    /// Adds `value`; false when it was already there.
    pub fn insert(&mut self, value: T) -> bool {
        match self.0.binary_search(&value) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, value);
                true
            }
        }
    }

    /// Takes `value` out; false when it was not there.
    pub fn remove<Q: Ord + ?Sized>(&mut self, value: &Q) -> bool
    where
        T: std::borrow::Borrow<Q>,
    {
        match self.0.binary_search_by(|v| v.borrow().cmp(value)) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    /// Whether `value` is chosen.
    pub fn contains<Q: Ord + ?Sized>(&self, value: &Q) -> bool
    where
        T: std::borrow::Borrow<Q>,
    {
        self.0.binary_search_by(|v| v.borrow().cmp(value)).is_ok()
    }
}

impl<T> Chosen<T> {
    /// Whether nothing is chosen.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many options are chosen.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Chooses nothing.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// The chosen options in ascending order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }
}

impl<T: Ord> FromIterator<T> for Chosen<T> {
    fn from_iter<I: IntoIterator<Item = T>>(values: I) -> Self {
        let mut all: Vec<T> = values.into_iter().collect();
        all.sort_unstable();
        all.dedup();
        Self(all)
    }
}

impl<T: Ord> Extend<T> for Chosen<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, values: I) {
        for value in values {
            self.insert(value);
        }
    }
}

impl<'a, T> IntoIterator for &'a Chosen<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T> IntoIterator for Chosen<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<T: Ord, const N: usize> From<[T; N]> for Chosen<T> {
    fn from(values: [T; N]) -> Self {
        values.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use proptest::prelude::*;

    use super::Chosen;

    #[derive(Debug, Clone)]
    enum Step {
        Insert(u8),
        Remove(u8),
        Clear,
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            4 => any::<u8>().prop_map(Step::Insert),
            2 => any::<u8>().prop_map(Step::Remove),
            1 => Just(Step::Clear),
        ]
    }

    proptest! {
        /// Every step answers as a `BTreeSet` does, and leaves the same options in the same order.
        #[test]
        fn behaves_as_a_btree_set(steps in proptest::collection::vec(step(), 0..60)) {
            let mut ours = Chosen::new();
            let mut tree = BTreeSet::new();
            for step in steps {
                match step {
                    Step::Insert(v) => prop_assert_eq!(ours.insert(v), tree.insert(v)),
                    Step::Remove(v) => prop_assert_eq!(ours.remove(&v), tree.remove(&v)),
                    Step::Clear => {
                        ours.clear();
                        tree.clear();
                    }
                }
                prop_assert_eq!(ours.len(), tree.len());
                prop_assert!(ours.iter().eq(tree.iter()));
                prop_assert!((0..=255u8).all(|v| ours.contains(&v) == tree.contains(&v)));
            }
        }

        /// Collected or extended, options come out sorted and once each.
        #[test]
        fn collects_sorted_and_once(values in proptest::collection::vec(any::<u8>(), 0..40)) {
            let tree: BTreeSet<u8> = values.iter().copied().collect();
            let ours: Chosen<u8> = values.iter().copied().collect();
            prop_assert!(ours.iter().eq(tree.iter()));
            let mut extended = Chosen::from([7u8]);
            extended.extend(values.iter().copied());
            let mut both = tree.clone();
            both.insert(7);
            prop_assert!(extended.iter().eq(both.iter()));
        }
    }

    #[test]
    fn strings_are_found_by_str() {
        let mut chosen: Chosen<String> = ["b".to_owned(), "a".to_owned()].into();
        assert!(chosen.contains("a"));
        assert!(chosen.remove("b"));
        assert_eq!(chosen.iter().collect::<Vec<_>>(), ["a"]);
    }
}
