//! The list in pages: which people a page shows, and which page links the pager offers.
//!
//! The app and the static pages (`wjc site`) split the list the same way, so a static page and
//! the app's page that takes it over show the same people, and `list/3.html` is `#/?page=3`.
//! A page holds [`PAGE_SIZE`] people, whatever the list's length: the page's size in the browser
//! (its DOM) does not grow with the dataset (see docs/performance.md).

use std::ops::Range;

/// People per page: 24 cards fill whole rows of a grid of 1, 2, 3, 4 or 6 columns, and keep the
/// page within issue 6's budget of about 800 elements with the filters, header and footer.
pub const PAGE_SIZE: usize = 24;

/// One page of a list of `total` items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// The page's position, from 0; never past the last page.
    pub index: usize,
    /// How many pages the list takes: at least 1, even for an empty list.
    pub count: usize,
    /// The positions in the list of the items on this page.
    pub items: (usize, usize),
}

impl Page {
    /// Page `index` (from 0) of a list of `total` items, `size` per page; an index past the end
    /// is the last page, so a link kept from a longer list still shows something.
    pub fn of(total: usize, index: usize, size: usize) -> Self {
        let size = size.max(1);
        let count = total.div_ceil(size).max(1);
        let index = index.min(count - 1);
        let start = index * size;
        Self {
            index,
            count,
            items: (start.min(total), (start + size).min(total)),
        }
    }

    /// The positions in the list of the items on this page.
    pub fn range(&self) -> Range<usize> {
        self.items.0..self.items.1
    }

    /// The page's number as people read it, from 1.
    pub fn number(&self) -> usize {
        self.index + 1
    }

    /// The page before, if any.
    pub fn previous(&self) -> Option<usize> {
        self.index.checked_sub(1)
    }

    /// The page after, if any.
    pub fn next(&self) -> Option<usize> {
        Some(self.index + 1).filter(|&i| i < self.count)
    }

    /// The links a pager shows for this page; see [`links`].
    pub fn links(&self) -> Vec<Link> {
        links(self.index, self.count)
    }
}

/// The page (from 0) that shows the item at `position` in the list, `size` per page.
pub fn page_of(position: usize, size: usize) -> usize {
    position / size.max(1)
}

/// One entry of a pager's list of page links.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Link {
    /// A link to the page at this index (from 0); the current page is one too.
    Page(usize),
    /// Pages left out between the links either side ("…").
    Gap,
}

/// The page links for page `index` of `count`, as GOV.UK's pagination offers them: the first
/// and last pages, the current one and its neighbours, and a gap for each run of two or more
/// pages left out (a run of one is shown as its page, since a gap would take the same room).
/// At most 7 entries, whatever `count`, so the pager's size is fixed.
pub fn links(index: usize, count: usize) -> Vec<Link> {
    if count == 0 {
        return Vec::new();
    }
    let last = count - 1;
    let index = index.min(last);
    // In order already: 0 ≤ index - 1 ≤ index ≤ index + 1 ≤ last.
    let mut wanted = vec![
        0,
        index.saturating_sub(1),
        index,
        (index + 1).min(last),
        last,
    ];
    wanted.dedup();
    let mut out = Vec::with_capacity(7);
    let mut before: Option<usize> = None;
    for page in wanted {
        if let Some(before) = before {
            match page - before {
                1 => {}
                2 => out.push(Link::Page(before + 1)),
                _ => out.push(Link::Gap),
            }
        }
        out.push(Link::Page(page));
        before = Some(page);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pager as text: "1 … 4 [5] 6 … 42".
    fn drawn(index: usize, count: usize) -> String {
        links(index, count)
            .iter()
            .map(|link| match *link {
                Link::Page(i) if i == index => format!("[{}]", i + 1),
                Link::Page(i) => (i + 1).to_string(),
                Link::Gap => "…".into(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn pages_split_the_list_and_the_last_one_holds_the_rest() {
        let page = Page::of(50, 0, 24);
        assert_eq!((page.index, page.count, page.range()), (0, 3, 0..24));
        assert_eq!(Page::of(50, 1, 24).range(), 24..48);
        assert_eq!(Page::of(50, 2, 24).range(), 48..50);
        assert_eq!(Page::of(48, 1, 24).range(), 24..48);
        assert_eq!(Page::of(48, 1, 24).count, 2);
        assert_eq!(Page::of(24, 0, 24).count, 1);
        assert_eq!(Page::of(25, 0, 24).count, 2);
    }

    #[test]
    fn an_empty_list_has_one_empty_page() {
        let page = Page::of(0, 0, 24);
        assert_eq!((page.index, page.count, page.range()), (0, 1, 0..0));
        assert_eq!((page.previous(), page.next()), (None, None));
        assert_eq!(page.links(), [Link::Page(0)]);
        assert_eq!(Page::of(0, 7, 24), page);
    }

    #[test]
    fn a_page_past_the_end_is_the_last_page() {
        let page = Page::of(50, 99, 24);
        assert_eq!((page.index, page.number(), page.range()), (2, 3, 48..50));
        assert_eq!(Page::of(10, usize::MAX, 24).range(), 0..10);
    }

    #[test]
    fn a_size_of_zero_is_read_as_one() {
        assert_eq!(Page::of(3, 1, 0).range(), 1..2);
        assert_eq!(page_of(5, 0), 5);
    }

    #[test]
    fn previous_and_next_stop_at_the_ends() {
        assert_eq!(Page::of(50, 0, 24).previous(), None);
        assert_eq!(Page::of(50, 0, 24).next(), Some(1));
        assert_eq!(Page::of(50, 1, 24).previous(), Some(0));
        assert_eq!(Page::of(50, 2, 24).next(), None);
    }

    #[test]
    fn every_position_is_on_the_page_page_of_names() {
        for total in [1, 23, 24, 25, 100, 1001] {
            for position in 0..total {
                let page = Page::of(total, page_of(position, PAGE_SIZE), PAGE_SIZE);
                assert!(page.range().contains(&position), "{position} of {total}");
            }
        }
    }

    #[test]
    fn pagers_show_the_ends_the_neighbours_and_gaps() {
        assert_eq!(drawn(0, 1), "[1]");
        assert_eq!(drawn(0, 2), "[1] 2");
        assert_eq!(drawn(1, 2), "1 [2]");
        assert_eq!(drawn(0, 5), "[1] 2 … 5");
        assert_eq!(drawn(2, 5), "1 2 [3] 4 5");
        assert_eq!(drawn(3, 7), "1 2 3 [4] 5 6 7");
        assert_eq!(drawn(4, 42), "1 … 4 [5] 6 … 42");
        assert_eq!(drawn(41, 42), "1 … 41 [42]");
        assert_eq!(drawn(40, 42), "1 … 40 [41] 42");
        assert_eq!(drawn(2, 42), "1 2 [3] 4 … 42");
        assert_eq!(drawn(3, 42), "1 2 3 [4] 5 … 42");
        assert_eq!(links(99, 3), links(2, 3));
        assert!(links(0, 0).is_empty());
    }

    #[test]
    fn pagers_are_short_ordered_and_always_link_the_current_page_and_the_ends() {
        for count in 1..60 {
            for index in 0..count {
                let links = links(index, count);
                assert!(links.len() <= 7, "{index} of {count}: {links:?}");
                let pages: Vec<usize> = links
                    .iter()
                    .filter_map(|l| match l {
                        Link::Page(i) => Some(*i),
                        Link::Gap => None,
                    })
                    .collect();
                assert!(pages.windows(2).all(|w| w[0] < w[1]), "{pages:?}");
                for must in [0, index, count - 1] {
                    assert!(pages.contains(&must), "{index} of {count}: {pages:?}");
                }
                // A gap always stands for two or more pages.
                for (i, link) in links.iter().enumerate() {
                    if *link == Link::Gap {
                        let (Link::Page(a), Link::Page(b)) = (links[i - 1], links[i + 1]) else {
                            panic!("a gap beside a gap: {links:?}");
                        };
                        assert!(b - a > 2, "{links:?}");
                    }
                }
            }
        }
    }
}
