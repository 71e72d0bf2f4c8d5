//! Compact SVG path data: relative moves and lines, coordinates in tenths of a view-box unit.
//!
//! Relative steps between neighbouring points are short numbers that repeat a lot, which is what
//! gzip and brotli compress best.

/// A point on the map in tenths of a view-box unit (one decimal).
pub type Tenths = (i32, i32);

/// Path data for closed rings (first point not repeated). Each ring is `m` to its first point,
/// implicit relative lines to the others, then `z`. The first `m` of a path is absolute; later
/// ones are relative to the previous ring's first point, where `z` leaves the pen.
pub fn encode(rings: &[Vec<Tenths>]) -> String {
    let mut out = Numbers::default();
    let mut pen = (0, 0);
    for ring in rings {
        let Some(&first) = ring.first() else { continue };
        out.command('m');
        out.pair(first.0 - pen.0, first.1 - pen.1);
        for pair in ring.windows(2) {
            out.pair(pair[1].0 - pair[0].0, pair[1].1 - pair[0].1);
        }
        out.command('z');
        pen = first;
    }
    out.text
}

/// Writes numbers with the fewest separators SVG allows.
#[derive(Default)]
struct Numbers {
    text: String,
    /// Whether the last thing written was a number, and whether it had a decimal point.
    last: Option<bool>,
}

impl Numbers {
    fn command(&mut self, letter: char) {
        self.text.push(letter);
        self.last = None;
    }

    fn pair(&mut self, x: i32, y: i32) {
        self.number(x);
        self.number(y);
    }

    fn number(&mut self, tenths: i32) {
        let whole = (tenths / 10).unsigned_abs();
        let fraction = (tenths % 10).unsigned_abs();
        let mut number = String::new();
        if tenths < 0 {
            number.push('-');
        }
        if whole != 0 || fraction == 0 {
            number.push_str(&whole.to_string());
        }
        if fraction != 0 {
            number.push('.');
            number.push(char::from_digit(fraction, 10).unwrap_or('0'));
        }
        // A separator is needed only where the next number could be read as part of the last:
        // never before a minus sign, nor before ".5" after a number that already has a point.
        let has_point = fraction != 0;
        if let Some(last_had_point) = self.last {
            let starts_clean = tenths < 0 || (whole == 0 && has_point && last_had_point);
            if !starts_clean {
                self.text.push(' ');
            }
        }
        self.text.push_str(&number);
        self.last = Some(has_point);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rings_are_relative_moves_and_lines_closed_with_z() {
        let rings = vec![
            vec![(10, 20), (30, 20), (30, 45)],
            vec![(100, 100), (95, 100), (95, 90)],
        ];
        assert_eq!(encode(&rings), "m1 2 2 0 0 2.5zm9 8-.5 0 0-1z");
    }

    #[test]
    fn numbers_are_tenths_without_needless_zeros_or_separators() {
        let rings = vec![vec![(0, 0), (5, 5), (-118, 123), (-118, 113)]];
        assert_eq!(encode(&rings), "m0 0 .5.5-12.3 11.8 0-1z");
    }

    #[test]
    fn empty_rings_write_nothing() {
        assert_eq!(encode(&[]), "");
        assert_eq!(encode(&[vec![]]), "");
    }
}
