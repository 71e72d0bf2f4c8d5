//! Which options of a long list are drawn: a filter's countries or occupations, the map's table.
//!
//! A long list shows its [`SHORTLIST`] most common options and every option the visitor has
//! chosen, with a button to show them all; a "find" box narrows it to options whose words start
//! with what was typed. A list of up to [`SHORT_ENOUGH`] options is always shown whole. So the
//! page holds a few dozen rows whatever the data, unless the visitor asks for every option.

use crate::fold::fold;

/// How many of the most common options a collapsed list shows.
pub const SHORTLIST: usize = 8;

/// Lists of this many options or fewer are always shown whole: hiding one or two behind a
/// button would save nothing.
pub const SHORT_ENOUGH: usize = 10;

/// What a list draws.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shortlist {
    /// Positions of the options to draw, in the list's own order.
    pub shown: Vec<usize>,
    /// How many options match the find text (all of them when there is none).
    pub matching: usize,
    /// Whether a button can show more (`false`) or fewer (`true`) options; `None` when the
    /// matching options are few enough to be shown whole anyway.
    pub expandable: Option<bool>,
}

/// Chooses the options to draw from a list whose options have `counts` (in the list's order).
///
/// `matches` says which options match the find text; `kept` which must be drawn whatever
/// happens (chosen options, and ones the visitor has just changed, so the keyboard focus is
/// never left on a vanished checkbox). Collapsed, a long list draws the [`SHORTLIST`] matching
/// options with the highest counts (ties in list order, options counting nobody left out);
/// `expanded`, every matching option. Either way the kept ones are added, and everything is
/// drawn in the list's order, so rows do not jump about as counts change.
pub fn shortlist(
    counts: &[usize],
    matches: impl Fn(usize) -> bool,
    kept: impl Fn(usize) -> bool,
    expanded: bool,
) -> Shortlist {
    let matching: Vec<bool> = (0..counts.len()).map(&matches).collect();
    let found = matching.iter().filter(|&&m| m).count();
    let long = found > SHORT_ENOUGH;
    let mut show = if long && !expanded {
        let mut show = vec![false; counts.len()];
        let top = by_count(counts)
            .into_iter()
            .filter(|&i| counts[i] > 0 && matching[i])
            .take(SHORTLIST);
        for i in top {
            show[i] = true;
        }
        show
    } else {
        matching
    };
    for (i, shown) in show.iter_mut().enumerate() {
        *shown |= kept(i);
    }
    Shortlist {
        shown: (0..counts.len()).filter(|&i| show[i]).collect(),
        matching: found,
        expandable: long.then_some(expanded),
    }
}

/// Positions in `counts` from the largest count down, equal counts in list order: the order of
/// the map's table, and how a shortlist picks its options.
///
/// An insertion sort: lists of options are a few hundred long at most, and it adds far less code
/// to the app than another instantiation of the standard library's sort.
pub fn by_count(counts: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::with_capacity(counts.len());
    for i in 0..counts.len() {
        // After every earlier position whose count is at least as large: stable.
        let at = order
            .iter()
            .rposition(|&j| counts[j] >= counts[i])
            .map_or(0, |p| p + 1);
        order.insert(at, i);
    }
    order
}

/// A find box's text, ready to match option names with [`Finder::matches`]: case, accents and
/// punctuation are ignored, and every word typed must start a word of the name, in any order
/// ("kong" finds "Hong Kong", "rights def" finds "human rights defender").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Finder {
    words: Vec<String>,
}

impl Finder {
    /// Reads what was typed.
    pub fn new(typed: &str) -> Self {
        Self {
            words: words(typed),
        }
    }

    /// True when nothing was typed (every option matches).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether `name` matches what was typed.
    pub fn matches(&self, name: &str) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let name = words(name);
        self.words
            .iter()
            .all(|typed| name.iter().any(|word| word.starts_with(typed.as_str())))
    }
}

/// Folded words of `text`: letters and digits, split at everything else.
fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: fn(usize) -> bool = |_| false;
    const ALL: fn(usize) -> bool = |_| true;

    #[test]
    fn a_short_list_is_shown_whole() {
        let counts = [0, 3, 1, 0, 2, 9, 1, 1, 4, 2];
        let list = shortlist(&counts, ALL, NONE, false);
        assert_eq!(list.shown, (0..10).collect::<Vec<_>>());
        assert_eq!((list.matching, list.expandable), (10, None));
    }

    #[test]
    fn a_long_list_shows_its_most_common_options_in_its_own_order() {
        // 12 options; the eight largest counts, ties in list order, options of 0 left out.
        let counts = [5, 0, 1, 7, 2, 2, 9, 1, 3, 2, 0, 4];
        let list = shortlist(&counts, ALL, NONE, false);
        assert_eq!(list.shown, [0, 3, 4, 5, 6, 8, 9, 11]);
        assert_eq!((list.matching, list.expandable), (12, Some(false)));
        let all = shortlist(&counts, ALL, NONE, true);
        assert_eq!(all.shown, (0..12).collect::<Vec<_>>());
        assert_eq!(all.expandable, Some(true));
    }

    #[test]
    fn chosen_options_are_always_shown() {
        let counts = [5, 0, 1, 7, 2, 2, 9, 1, 3, 2, 0, 4];
        let list = shortlist(&counts, ALL, |i| i == 10 || i == 7, false);
        assert_eq!(list.shown, [0, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
        // Even when they do not match the find text.
        let found = shortlist(&counts, |i| i == 3, |i| i == 10, false);
        assert_eq!(found.shown, [3, 10]);
        assert_eq!((found.matching, found.expandable), (1, None));
    }

    #[test]
    fn a_list_counting_nobody_collapses_to_its_chosen_options() {
        let counts = [0; 40];
        let list = shortlist(&counts, ALL, |i| i == 30, false);
        assert_eq!(list.shown, [30]);
        assert_eq!(list.expandable, Some(false));
    }

    #[test]
    fn the_find_text_narrows_the_options_and_a_long_match_collapses_again() {
        let counts: Vec<usize> = (0..100).collect();
        let list = shortlist(&counts, |i| i % 2 == 0, NONE, false);
        assert_eq!(list.matching, 50);
        assert_eq!(list.shown, [84, 86, 88, 90, 92, 94, 96, 98]);
        assert_eq!(
            shortlist(&counts, |i| i % 2 == 0, NONE, true).shown.len(),
            50
        );
        let few = shortlist(&counts, |i| i < 3, NONE, false);
        assert_eq!(few.shown, [0, 1, 2]);
    }

    #[test]
    fn a_collapsed_list_never_draws_more_than_the_shortlist_and_the_kept_options() {
        for n in 0..40 {
            let counts: Vec<usize> = (0..n).map(|i| (i * 7) % 5).collect();
            let list = shortlist(&counts, ALL, |i| i % 13 == 1, false);
            let kept = (0..n).filter(|i| i % 13 == 1).count();
            let limit = if n > SHORT_ENOUGH { SHORTLIST } else { n };
            assert!(list.shown.len() <= limit + kept, "{n}: {:?}", list.shown);
            assert!(list.shown.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn by_count_orders_largest_first_and_keeps_ties_in_list_order() {
        assert_eq!(by_count(&[]), Vec::<usize>::new());
        assert_eq!(
            by_count(&[5, 0, 1, 7, 2, 2, 9, 1]),
            [6, 3, 0, 4, 5, 2, 7, 1]
        );
        assert_eq!(by_count(&[3, 3, 3]), [0, 1, 2]);
        // The same as the standard library's stable sort, on many lists.
        for n in 0..60 {
            let counts: Vec<usize> = (0..n).map(|i| (i * 7919) % 11).collect();
            let mut expected: Vec<usize> = (0..n).collect();
            expected.sort_by_key(|&i| std::cmp::Reverse(counts[i]));
            assert_eq!(by_count(&counts), expected, "{counts:?}");
        }
    }

    #[test]
    fn finding_ignores_case_accents_and_word_order_and_matches_word_starts() {
        let find = |typed: &str, name: &str| Finder::new(typed).matches(name);
        assert!(find("", "Belarus"));
        assert!(find("  ", "Belarus"));
        assert!(Finder::new(" ,").is_empty());
        assert!(find("bel", "Belarus"));
        assert!(find("BEL", "Belgium"));
        assert!(!find("bel", "Nepal"));
        assert!(find("kong", "Hong Kong"));
        assert!(find("cote", "Côte d’Ivoire"));
        // Apostrophes vanish, as in the search: "d’Ivoire" is one word.
        assert!(find("d'ivoire cote", "Côte d’Ivoire"));
        assert!(find("turk", "Türkiye"));
        assert!(find("rights def", "human rights defender"));
        assert!(!find("rights lawyer", "human rights defender"));
        assert!(!find("ran", "Iran"));
        assert!(find("womens", "women's rights defender"));
    }
}
