//! The wall clock in UTC, to the millisecond: names backups and dates a changed data file.

use std::time::{SystemTime, UNIX_EPOCH};

use wjc_core::PartialDate;

/// A moment in UTC.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Utc {
    /// Milliseconds since 1970-01-01T00:00:00Z (0 for a clock set before it).
    millis: u64,
}

impl Utc {
    /// The moment `time` names.
    pub fn from_system(time: SystemTime) -> Self {
        let millis = time
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
        Self { millis }
    }

    /// One millisecond later.
    #[must_use]
    pub fn next(self) -> Self {
        Self {
            millis: self.millis.saturating_add(1),
        }
    }

    /// Year, month, day.
    fn civil(self) -> (i64, u8, u8) {
        // Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
        let days = i64::try_from(self.millis / 86_400_000).unwrap_or(i64::MAX) + 719_468;
        let era = days.div_euclid(146_097);
        let day_of_era = days.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        // Both are in range by construction (1–31, 1–12).
        (
            year,
            u8::try_from(month).unwrap_or(1),
            u8::try_from(day).unwrap_or(1),
        )
    }

    /// Today's date, or `None` when the clock is outside the years a data file can carry.
    pub fn today(self) -> Option<PartialDate> {
        let (year, month, day) = self.civil();
        PartialDate::new(u16::try_from(year).ok()?, Some(month), Some(day))
    }

    /// `20261206T201500.123Z`: sorts as the moments do, and is safe in any file name.
    pub fn stamp(self) -> String {
        let (year, month, day) = self.civil();
        let in_day = self.millis % 86_400_000;
        let (seconds, millis) = (in_day / 1000, in_day % 1000);
        format!(
            "{year:04}{month:02}{day:02}T{:02}{:02}{:02}.{millis:03}Z",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn at(millis: u64) -> Utc {
        Utc::from_system(UNIX_EPOCH + Duration::from_millis(millis))
    }

    #[test]
    fn dates_and_stamps_are_utc_calendar_dates() {
        assert_eq!(at(0).stamp(), "19700101T000000.000Z");
        // 2024-02-29T23:59:59.999Z, a leap day.
        let leap = at(1_709_251_199_999);
        assert_eq!(leap.stamp(), "20240229T235959.999Z");
        assert_eq!(leap.today().unwrap().to_string(), "2024-02-29");
        assert_eq!(leap.next().stamp(), "20240301T000000.000Z");
        // 2026-12-06T20:15:00Z.
        assert_eq!(at(1_796_588_100_000).stamp(), "20261206T201500.000Z");
        assert_eq!(at(0).today().unwrap().to_string(), "1970-01-01");
        assert_eq!(at(u64::MAX).today(), None, "beyond 2100");
    }
}
