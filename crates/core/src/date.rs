//! Partial calendar dates (`2018`, `2018-09`, `2018-09-15`) and whole-month arithmetic on them.

use std::cmp::Ordering;
use std::fmt;

/// A calendar date known to the year, the month or the day.
///
/// Sources often say only "in 2018" or "in September 2018"; the model keeps exactly what is known.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct PartialDate {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

/// Earliest and latest years a record may carry: outside them a date is surely a typing mistake.
const YEAR_RANGE: std::ops::RangeInclusive<u16> = 1900..=2100;

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking the month and the day exist.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.split('-');
        let year = parse_digits(parts.next()?, 4)?;
        let mut next_part = || match parts.next() {
            None => Some(None),
            Some(part) => parse_digits(part, 2)
                .and_then(|n| u8::try_from(n).ok())
                .map(Some),
        };
        let month = next_part()?;
        let day = next_part()?;
        if parts.next().is_some() {
            return None;
        }
        Self::new(year, month, day)
    }

    /// Builds a date from its parts; `None` when they do not name a real date in 1900–2100.
    pub fn new(year: u16, month: Option<u8>, day: Option<u8>) -> Option<Self> {
        if !YEAR_RANGE.contains(&year) {
            return None;
        }
        match (month, day) {
            (None, Some(_)) => return None,
            (Some(m), _) if !(1..=12).contains(&m) => return None,
            (Some(m), Some(d)) if d == 0 || d > days_in_month(year, m) => return None,
            _ => {}
        }
        Some(Self { year, month, day })
    }

    /// The year.
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month (1–12), when known.
    pub fn month(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, when known.
    pub fn day(&self) -> Option<u8> {
        self.day
    }

    /// The first day the date can stand for, as (year, month, day).
    pub fn earliest(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day the date can stand for, as (year, month, day).
    pub fn latest(&self) -> (u16, u8, u8) {
        let month = self.month.unwrap_or(12);
        (
            self.year,
            month,
            self.day.unwrap_or_else(|| days_in_month(self.year, month)),
        )
    }

    /// Whole months that surely passed between `self` and `later`, whatever days the partial dates
    /// stand for: from the latest day `self` may mean to the earliest day `later` may mean.
    /// `None` when `later` may be before `self`.
    pub fn surely_elapsed_months(&self, later: &PartialDate) -> Option<u32> {
        let (y1, m1, d1) = self.latest();
        let (y2, m2, d2) = later.earliest();
        let mut months = (i32::from(y2) - i32::from(y1)) * 12 + i32::from(m2) - i32::from(m1);
        if d2 < d1 {
            months -= 1;
        }
        u32::try_from(months).ok()
    }

    /// A number that orders dates by their earliest day; handy as a compact sort key.
    pub fn sort_key(&self) -> u32 {
        let (y, m, d) = self.earliest();
        u32::from(y) * 10_000 + u32::from(m) * 100 + u32::from(d)
    }
}

impl Ord for PartialDate {
    /// Earlier first; a less precise date sorts before a more precise one in the same period.
    fn cmp(&self, other: &Self) -> Ordering {
        (self.year, self.month, self.day).cmp(&(other.year, other.month, other.day))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    /// The ISO form the data uses: `2018`, `2018-09` or `2018-09-15`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

fn parse_digits(text: &str, len: usize) -> Option<u16> {
    if text.len() != len || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> PartialDate {
        PartialDate::parse(text).unwrap()
    }

    #[test]
    fn parses_year_month_and_day_precision() {
        assert_eq!(d("2018").to_string(), "2018");
        assert_eq!(d("2018-09").to_string(), "2018-09");
        assert_eq!(d("2018-09-15").to_string(), "2018-09-15");
    }

    #[test]
    fn refuses_impossible_or_malformed_dates() {
        for bad in [
            "",
            "18",
            "2018-9",
            "2018-13",
            "2018-00",
            "2018-02-30",
            "2019-02-29",
            "2018-09-15-01",
            "1850",
            "2200",
            "2018-09-",
            "２０１８",
            "-2018",
            "2018-04-31",
        ] {
            assert_eq!(PartialDate::parse(bad), None, "{bad:?}");
        }
        assert!(PartialDate::parse("2020-02-29").is_some());
    }

    #[test]
    fn elapsed_months_are_a_lower_bound_for_partial_dates() {
        // Arrested some time in 2018, known held in 2023: surely 4 years (2018-12-31 → 2023-01-01).
        assert_eq!(d("2018").surely_elapsed_months(&d("2023")), Some(48));
        assert_eq!(d("2018-09").surely_elapsed_months(&d("2023-06")), Some(56));
        assert_eq!(
            d("2018-09-15").surely_elapsed_months(&d("2018-10-14")),
            Some(0)
        );
        assert_eq!(
            d("2018-09-15").surely_elapsed_months(&d("2018-10-15")),
            Some(1)
        );
        // The same year: nothing sure.
        assert_eq!(d("2019").surely_elapsed_months(&d("2019")), None);
    }

    #[test]
    fn order_is_chronological() {
        let mut dates = [d("2019"), d("2018-09-15"), d("2018"), d("2018-09")];
        dates.sort();
        let shown: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["2018", "2018-09", "2018-09-15", "2019"]);
        assert!(d("2018-01").sort_key() < d("2018-02").sort_key());
    }
}
