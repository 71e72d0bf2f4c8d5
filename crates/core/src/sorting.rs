//! One sort for the whole app. Each `sort_by` with its own closure, or each `sort` of another
//! type, is a new copy of the standard library's sort in the browser's download (2 to 4 KB of
//! wasm apiece); these helpers share a single one, which orders positions through a comparison
//! behind a reference, then move the items into that order.

use std::cmp::Ordering;

/// The positions `0..len` in the order `compare` gives them, equal ones in their own order
/// (stable): the one sort every helper here goes through.
#[inline(never)]
pub fn order_by(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Sorts `items` by `compare`, keeping equal items in their order.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = order_by(items.len(), &|a, b| compare(&items[a], &items[b]));
    arrange(items, order);
}

/// Sorts `items` by the key `key` computes once for each, keeping equal items in their order.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = order_by(items.len(), &|a, b| keys[a].cmp(&keys[b]));
    arrange(items, order);
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, Ord::cmp);
}

/// Moves `items` so that position `k` holds what was at `order[k]`, following each cycle of the
/// permutation with swaps (no copy of the items).
fn arrange<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut here = start;
        loop {
            let from = order[here];
            order[here] = here;
            if from == start {
                break;
            }
            items.swap(here, from);
            here = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Every arrangement of six items with repeated keys, and a longer pseudo-random list.
        let mut seed = 7_u64;
        let mut lists: Vec<Vec<(u8, usize)>> = Vec::new();
        for len in 0..40 {
            let list = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            lists.push(list);
        }
        for list in lists {
            let mut ours = list.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = list.clone();
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "stable, as the standard sort_by");
            let mut cached = list.clone();
            sort_by_cached_key(&mut cached, |item| std::cmp::Reverse(item.0));
            let mut std = list.clone();
            std.sort_by_key(|item| std::cmp::Reverse(item.0));
            assert_eq!(cached, std);
            let mut natural = list;
            let mut std = natural.clone();
            sort(&mut natural);
            std.sort_unstable();
            assert_eq!(natural, std);
        }
    }

    #[test]
    fn orders_positions_stably() {
        let names = ["b", "a", "b", "a"];
        assert_eq!(order_by(4, &|x, y| names[x].cmp(names[y])), [1, 3, 0, 2]);
        assert_eq!(order_by(0, &|_, _| Ordering::Equal), Vec::<usize>::new());
    }
}
