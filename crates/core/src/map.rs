//! The world map's pure side: reading the pre-projected country shapes, the colour bins of the
//! choropleth, and the zoom and pan arithmetic.
//!
//! The shapes come ready to draw from `assets/map/world.txt` (made once by `wjc-atlas`, see
//! `docs/map-data.md`), so no projection maths or `TopoJSON` decoding runs in the browser.

use std::fmt::Write as _;

use crate::country::CountryCode;
use crate::query::Facets;

/// Where the pre-projected shapes are in the built site, relative to its root: the app downloads
/// them the first time the map is shown, and the site's service worker keeps them.
pub const WORLD_PATH: &str = "map/world.txt";

/// The country shapes of the world map, in view-box units (origin top left, y down).
#[derive(Clone, Debug, PartialEq)]
pub struct WorldMap {
    /// View-box width.
    pub width: f64,
    /// View-box height.
    pub height: f64,
    /// Every shape, in the file's order (by country code).
    pub shapes: Vec<Shape>,
}

/// One country's outline (all its parts in one path), or a shape that belongs to no country.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    /// The country, or `None` for land drawn as background only.
    pub country: Option<CountryCode>,
    /// Too small to click at world scale: the map adds a marker at the centroid.
    pub marker: bool,
    /// Centroid of the largest part, where markers and tooltips go.
    pub centroid: (f64, f64),
    /// SVG path data; empty for a place too small to outline, which has a marker instead.
    pub path: String,
}

/// Why a map file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong there.
    pub reason: &'static str,
}

/// Reads a map file: `#` comment lines, a `viewbox <width> <height>` line, then one
/// tab-separated line per shape: code (or `-`), marker (`0`/`1`), centroid x, centroid y, path.
/// Numbers are written as `wjc-atlas` writes them: an optional minus, at most seven digits, and
/// at most two decimals (`880.5`).
///
/// # Errors
/// The first line that does not follow that format, so a damaged file is reported rather than
/// drawn wrongly.
pub fn parse(text: &str) -> Result<WorldMap, MapError> {
    let mut size = None;
    let mut shapes = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let error = |reason| MapError {
            line: line_no,
            reason,
        };
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if size.is_none() {
            size = Some(parse_view_box(line).ok_or(error("expected `viewbox <width> <height>`"))?);
            continue;
        }
        let mut fields = line.split('\t');
        let mut next = || {
            fields
                .next()
                .ok_or(error("expected five tab-separated fields"))
        };
        let country = match next()? {
            "-" => None,
            code => Some(CountryCode::parse(code).ok_or(error("unknown country code"))?),
        };
        let marker = match next()? {
            "0" => false,
            "1" => true,
            _ => return Err(error("marker must be 0 or 1")),
        };
        let coordinate =
            |text: &str| parse_number(text).ok_or(error("centroid must be two numbers"));
        let centroid = (coordinate(next()?)?, coordinate(next()?)?);
        let path = next()?;
        if fields.next().is_some() {
            return Err(error("expected five tab-separated fields"));
        }
        // A place too small for even one pixel of outline is drawn as its marker alone.
        if path.is_empty() && !marker {
            return Err(error("a shape needs a path or a marker"));
        }
        if !path.bytes().all(is_path_byte) {
            return Err(error("path data has characters paths never use"));
        }
        shapes.push(Shape {
            country,
            marker,
            centroid,
            path: path.to_owned(),
        });
    }
    let (width, height) = size.ok_or(MapError {
        line: text.lines().count().max(1),
        reason: "the file has no viewbox line",
    })?;
    Ok(WorldMap {
        width,
        height,
        shapes,
    })
}

fn parse_view_box(line: &str) -> Option<(f64, f64)> {
    let mut words = line.split_whitespace();
    let keyword = words.next()?;
    let width = parse_number(words.next()?)?;
    let height = parse_number(words.next()?)?;
    (keyword == "viewbox" && words.next().is_none() && width > 0.0 && height > 0.0)
        .then_some((width, height))
}

/// A number of the map file (see [`parse`]): exactly the value `str::parse::<f64>` gives for the
/// same text, since an integer below 2^32 divided by 10 or 100 is rounded correctly by one
/// division; written out here because the general float parser is large in WebAssembly.
fn parse_number(text: &str) -> Option<f64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, decimals) = match digits.split_once('.') {
        Some((whole, decimals)) if !decimals.is_empty() => (whole, decimals),
        Some(_) => return None,
        None => (digits, ""),
    };
    if whole.is_empty() || whole.len() > 7 || decimals.len() > 2 {
        return None;
    }
    // At most nine digits: below 2^32.
    let mut scaled = 0u32;
    for b in whole.bytes().chain(decimals.bytes()) {
        if !b.is_ascii_digit() {
            return None;
        }
        scaled = scaled * 10 + u32::from(b - b'0');
    }
    let value = f64::from(scaled) / [1.0, 10.0, 100.0][decimals.len()];
    Some(if negative { -value } else { value })
}

/// `value` rounded to hundredths, written as `f64`'s `Display` writes the rounded value (`12.5`,
/// `-3`, `0.07`), without the general float formatting, which is large in WebAssembly. For the
/// map's numbers (well below 2^45 hundredths) that is the same text: no shorter decimal reads
/// back as the same `f64`.
pub fn hundredths(value: f64) -> String {
    let mut text = String::new();
    push_hundredths(&mut text, value);
    text
}

fn push_hundredths(out: &mut String, value: f64) {
    let rounded = (value * 100.0).round();
    if rounded.is_nan() {
        out.push_str("NaN");
        return;
    }
    if rounded.is_sign_negative() {
        out.push('-');
    }
    if rounded.is_infinite() {
        out.push_str("inf");
        return;
    }
    // A whole number, made non-negative above; saturates only far beyond the map's range.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let n = rounded.abs() as u64;
    let (whole, cents) = (n / 100, n % 100);
    // Writing to a String cannot fail.
    let _ = match (cents / 10, cents % 10) {
        (0, 0) => write!(out, "{whole}"),
        (tenths, 0) => write!(out, "{whole}.{tenths}"),
        _ => write!(out, "{whole}.{cents:02}"),
    };
}

/// `fraction` (clamped to 0–1) as a CSS percentage with two decimals, `0.12345` → `"12.35%"`:
/// the same text as `format!("{:.2}%", fraction * 100.0)`, rounding the exact binary value half
/// to even as `core` does, without the float formatting code, which is large in WebAssembly.
pub fn percent(fraction: f64) -> String {
    let value = fraction.clamp(0.0, 1.0) * 100.0;
    if value.is_nan() {
        return "NaN%".to_owned();
    }
    // value = mantissa / 2^shift, where shift ≥ 46 since value ≤ 100.
    let bits = value.to_bits();
    let biased = (bits >> 52) & 0x7ff;
    let fraction_bits = bits & ((1 << 52) - 1);
    let (mantissa, shift) = if biased == 0 {
        (fraction_bits, 1074)
    } else {
        (fraction_bits | 1 << 52, 1075 - biased)
    };
    // value × 100 = mantissa × 100 / 2^shift, rounded half to even; mantissa × 100 < 2^60, so
    // it rounds to 0 for shifts of 64 or more.
    let scaled = mantissa * 100;
    let n = if shift >= 64 {
        0
    } else {
        let (quotient, remainder, half) = (
            scaled >> shift,
            scaled & ((1 << shift) - 1),
            1 << (shift - 1),
        );
        quotient + u64::from(remainder > half || (remainder == half && quotient & 1 == 1))
    };
    let sign = if value.is_sign_negative() { "-" } else { "" };
    format!("{sign}{}.{:02}%", n / 100, n % 100)
}

/// SVG path data is commands, numbers and separators; anything else means a damaged file.
fn is_path_byte(b: u8) -> bool {
    b.is_ascii_digit() || b" ,.-+eEMmLlHhVvZzCcSsQqTtAa".contains(&b)
}

/// The choropleth's bins: the lowest count each bin starts at, at most [`Bins::MAX`] of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bins {
    lower: Vec<usize>,
}

impl Bins {
    /// More shades than this are hard to tell apart, for colour-blind visitors especially.
    pub const MAX: usize = 5;

    /// Bins for counts from 1 to `max`: one per value up to five; then round numbers (1, 2, 3,
    /// 5, 10, 20, 30, 50 …) while they fit in five bins; beyond that, round numbers spaced evenly
    /// on a log scale, so one country with many people does not wash out the rest.
    #[allow(clippy::cast_precision_loss)] // Counts are far below 2^52.
    pub fn for_max(max: usize) -> Self {
        if max <= Self::MAX {
            return Self {
                lower: (1..=max).collect(),
            };
        }
        let round: Vec<usize> = round_numbers().take_while(|&n| n <= max).collect();
        if round.len() <= Self::MAX {
            return Self { lower: round };
        }
        let max_f = max as f64;
        let mut lower: Vec<usize> = (0..Self::MAX)
            .map(|k| {
                let raw = max_f.powf(k as f64 / Self::MAX as f64);
                round_numbers()
                    .take_while(|&n| n as f64 <= raw)
                    .last()
                    .unwrap_or(1)
            })
            .collect();
        lower.dedup();
        Self { lower }
    }

    /// The shade of `count`, 0 for nobody and 1 to [`Bins::MAX`] otherwise; bins are spread over
    /// the whole scale, so the top bin is always the darkest shade whatever the number of bins.
    pub fn shade(&self, count: usize) -> usize {
        self.of(count).map_or(0, |bin| self.shade_of_bin(bin))
    }

    /// The shade of the bin at `bin` (see [`Bins::shade`]).
    pub fn shade_of_bin(&self, bin: usize) -> usize {
        match self.lower.len() {
            0 | 1 => Self::MAX,
            n => 1 + (bin * (Self::MAX - 1) + (n - 1) / 2) / (n - 1),
        }
    }

    /// How many bins there are.
    pub fn len(&self) -> usize {
        self.lower.len()
    }

    /// Whether there are no bins (nobody to shade).
    pub fn is_empty(&self) -> bool {
        self.lower.is_empty()
    }

    /// The bin of `count` (0 = lightest), or `None` for nobody.
    pub fn of(&self, count: usize) -> Option<usize> {
        (count > 0).then(|| {
            self.lower
                .partition_point(|&l| l <= count)
                .saturating_sub(1)
        })
    }

    /// Each bin's range for the legend: from, and to (`None` for the open-ended top bin).
    pub fn ranges(&self) -> impl Iterator<Item = (usize, Option<usize>)> + '_ {
        self.lower
            .iter()
            .enumerate()
            .map(|(i, &from)| (from, self.lower.get(i + 1).map(|next| next - 1)))
    }
}

/// 1, 2, 3, 5, 10, 20, 30, 50, 100 … up to the largest that fits a `usize`.
fn round_numbers() -> impl Iterator<Item = usize> {
    std::iter::successors(Some(1usize), |&power| power.checked_mul(10)).flat_map(|power| {
        [1, 2, 3, 5]
            .into_iter()
            .filter_map(move |step| power.checked_mul(step))
    })
}

/// What part of the map is on screen: a zoom factor and the top-left corner, in view-box units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    width: f64,
    height: f64,
    zoom: f64,
    x: f64,
    y: f64,
}

impl Viewport {
    /// The most the map zooms in: enough to pick out Bahrain or Singapore.
    pub const MAX_ZOOM: f64 = 16.0;
    /// How much one press of + or − zooms.
    pub const STEP: f64 = 1.5;

    /// The whole map of `width` × `height`.
    pub fn whole(width: f64, height: f64) -> Self {
        Self {
            width,
            height,
            zoom: 1.0,
            x: 0.0,
            y: 0.0,
        }
    }

    /// The zoom factor (1 = the whole map).
    pub fn zoom(&self) -> f64 {
        self.zoom
    }

    /// Whether this is the whole map, unzoomed.
    pub fn is_whole(&self) -> bool {
        self.zoom <= 1.0
    }

    /// The SVG `viewBox` attribute.
    pub fn view_box(&self) -> String {
        let mut text = String::new();
        for (i, value) in [
            self.x,
            self.y,
            self.width / self.zoom,
            self.height / self.zoom,
        ]
        .into_iter()
        .enumerate()
        {
            if i > 0 {
                text.push(' ');
            }
            push_hundredths(&mut text, value);
        }
        text
    }

    /// Zooms by `factor` (above 1 in, below 1 out) keeping the point at `focus` still; `focus`
    /// is a fraction of the visible area (0,0 top left, 1,1 bottom right).
    #[must_use]
    pub fn zoom_by(self, factor: f64, focus: (f64, f64)) -> Self {
        if !factor.is_finite() || factor <= 0.0 {
            return self;
        }
        let zoom = (self.zoom * factor).clamp(1.0, Self::MAX_ZOOM);
        let (fx, fy) = (focus.0.clamp(0.0, 1.0), focus.1.clamp(0.0, 1.0));
        let point = (
            self.x + fx * self.width / self.zoom,
            self.y + fy * self.height / self.zoom,
        );
        Self {
            zoom,
            x: point.0 - fx * self.width / zoom,
            y: point.1 - fy * self.height / zoom,
            ..self
        }
        .clamped()
    }

    /// Moves the view by a fraction of its own size (positive: towards the right and bottom).
    #[must_use]
    pub fn pan_by(self, dx: f64, dy: f64) -> Self {
        if !dx.is_finite() || !dy.is_finite() {
            return self;
        }
        Self {
            x: self.x + dx * self.width / self.zoom,
            y: self.y + dy * self.height / self.zoom,
            ..self
        }
        .clamped()
    }

    /// Where a map point appears, as a fraction of the visible area (for placing tooltips).
    pub fn project(&self, point: (f64, f64)) -> (f64, f64) {
        (
            (point.0 - self.x) * self.zoom / self.width,
            (point.1 - self.y) * self.zoom / self.height,
        )
    }

    /// Keeps the view inside the map, so it can never be panned off into emptiness.
    fn clamped(self) -> Self {
        let max_x = self.width - self.width / self.zoom;
        let max_y = self.height - self.height / self.zoom;
        Self {
            x: clamp(self.x, 0.0, max_x),
            y: clamp(self.y, 0.0, max_y),
            ..self
        }
    }
}

/// How each country is shaded under the current filters.
#[derive(Clone, Debug, PartialEq)]
pub struct Shading {
    /// Every country in the data, with how many people match the filters other than country,
    /// in the facets' order. A list rather than a map: a few hundred entries at most, and a map
    /// would add its own sort and tree code to the WebAssembly.
    pub counts: Vec<(CountryCode, usize)>,
    /// The bins the shades stand for.
    pub bins: Bins,
}

impl Shading {
    /// The shading for these facet counts.
    pub fn new(facets: &Facets) -> Self {
        let counts = facets.countries.clone();
        let max = counts.iter().map(|&(_, n)| n).max().unwrap_or(0);
        Self {
            counts,
            bins: Bins::for_max(max),
        }
    }

    /// The shade of `country`: 0 for nobody (or a country not in the data), then 1 to
    /// [`Bins::MAX`], darker for more people.
    pub fn shade(&self, country: CountryCode) -> usize {
        self.counts
            .iter()
            .find(|(c, _)| *c == country)
            .map_or(0, |&(_, n)| self.bins.shade(n))
    }
}

/// `f64::clamp` for `low <= high`, without its panic message for other bounds: that message
/// formats floats, and the float formatting code is large in WebAssembly.
fn clamp(value: f64, low: f64, high: f64) -> f64 {
    if value < low {
        low
    } else if value > high {
        high
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const SAMPLE: &str = "# a comment\nviewbox 1000 487\n\
        AU\t0\t880.5\t350\tM850 330l40 0l0 30z\n\
        BH\t1\t610.2\t190.4\tM610 190l1 0l0 1z\n\
        -\t0\t650\t180\tM650 180h2v2z\n\
        AD\t1\t503.8\t92.3\t\n";

    #[test]
    fn countries_are_shaded_by_their_count_under_the_filters() {
        let code = |c: &str| CountryCode::parse(c).unwrap();
        let data = crate::query::tests::dataset();
        let facets = crate::query::Index::new(&data)
            .run(&crate::query::Query::default())
            .facets;
        let shading = Shading::new(&facets);
        assert_eq!(shading.counts, facets.countries);
        // Belarus and Nicaragua hold two each, Venezuela one: with a maximum of two, one bin
        // per count.
        assert_eq!(shading.shade(code("BY")), shading.bins.shade(2));
        assert!(shading.shade(code("BY")) > shading.shade(code("VE")));
        assert!(shading.shade(code("VE")) > 0);
        assert_eq!(shading.shade(code("CN")), 0, "not in the data");
    }

    #[test]
    fn reads_shapes_and_the_view_box() {
        let map = parse(SAMPLE).unwrap();
        assert_eq!((map.width, map.height), (1000.0, 487.0));
        assert_eq!(map.shapes.len(), 4);
        assert!(map.shapes[3].marker && map.shapes[3].path.is_empty());
        assert_eq!(map.shapes[1].country, CountryCode::parse("BH"));
        assert!(map.shapes[1].marker);
        assert_eq!(map.shapes[1].centroid, (610.2, 190.4));
        assert_eq!(map.shapes[2].country, None);
        assert_eq!(map.shapes[0].path, "M850 330l40 0l0 30z");
    }

    #[test]
    fn names_the_line_of_a_damaged_file() {
        let cases = [
            ("viewbox 10\n", 1, "expected `viewbox <width> <height>`"),
            (
                "viewbox 10 5\nZZ\t0\t1\t1\tM0 0z\n",
                2,
                "unknown country code",
            ),
            (
                "viewbox 10 5\nFR\t2\t1\t1\tM0 0z\n",
                2,
                "marker must be 0 or 1",
            ),
            (
                "viewbox 10 5\nFR\t0\tx\t1\tM0 0z\n",
                2,
                "centroid must be two numbers",
            ),
            (
                "viewbox 10 5\nFR\t0\t1\t1\n",
                2,
                "expected five tab-separated fields",
            ),
            (
                "viewbox 10 5\nFR\t0\t1\t1\tM0 0z\textra\n",
                2,
                "expected five tab-separated fields",
            ),
            (
                "viewbox 10 5\n\nFR\t0\t1\t1\tM0 0z\"/><script>\n",
                3,
                "path data has characters paths never use",
            ),
            ("# only a comment\n", 1, "the file has no viewbox line"),
        ];
        for (text, line, reason) in cases {
            assert_eq!(parse(text), Err(MapError { line, reason }), "{text:?}");
        }
    }

    #[test]
    fn numbers_are_read_as_the_atlas_writes_them() {
        for good in [
            "0",
            "-0",
            "7",
            "880.5",
            "92.34",
            "-12.5",
            "9999999.99",
            "0.07",
        ] {
            let value = parse_number(good).unwrap();
            assert_eq!(
                value.to_bits(),
                good.parse::<f64>().unwrap().to_bits(),
                "{good}"
            );
        }
        for bad in [
            "", "-", ".5", "5.", "1.234", "12345678", "1e5", "+1", "inf", "NaN", "1,5",
        ] {
            assert_eq!(parse_number(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn hundredths_and_percentages_are_written_as_the_standard_library_writes_them() {
        for value in [
            0.0, -0.0, 0.004, -0.004, 0.005, 0.125, 2.675, 1000.0, 487.0, 333.333,
        ] {
            assert_eq!(
                hundredths(value),
                format!("{}", (value * 100.0).round() / 100.0)
            );
        }
        assert_eq!(hundredths(f64::NAN), "NaN");
        assert_eq!(hundredths(f64::NEG_INFINITY), "-inf");
        // Exact halves round to even, as `core` does.
        for fraction in [
            0.0, -0.0, 0.001_25, 0.003_75, 0.121_25, 0.503_75, 0.5, 0.88, 1.0, 2.0, -1.0,
        ] {
            let expected = format!("{:.2}%", f64::clamp(fraction, 0.0, 1.0) * 100.0);
            assert_eq!(percent(fraction), expected, "{fraction}");
        }
        assert_eq!(percent(f64::NAN), "NaN%");
        assert_eq!(percent(f64::MIN_POSITIVE / 1e10), "0.00%");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]

        #[test]
        fn any_map_number_reads_as_the_standard_parser_reads_it(
            whole in 0u32..10_000_000, decimals in 0u32..100, places in 0usize..3, negative: bool,
        ) {
            let text = match places {
                0 => format!("{whole}"),
                1 => format!("{whole}.{}", decimals % 10),
                _ => format!("{whole}.{decimals:02}"),
            };
            let text = if negative { format!("-{text}") } else { text };
            prop_assert_eq!(parse_number(&text).map(f64::to_bits), text.parse::<f64>().ok().map(f64::to_bits));
        }

        #[test]
        fn any_hundredths_and_percentage_is_the_standard_text(value in -1e7..1e7f64, fraction in 0.0..1.0f64) {
            prop_assert_eq!(hundredths(value), format!("{}", (value * 100.0).round() / 100.0));
            prop_assert_eq!(percent(fraction), format!("{:.2}%", fraction * 100.0));
        }
    }

    #[test]
    fn bins_are_one_per_count_when_counts_are_small() {
        let bins = Bins::for_max(3);
        assert_eq!(bins.len(), 3);
        assert_eq!(
            [0, 1, 2, 3, 9].map(|n| bins.of(n)),
            [None, Some(0), Some(1), Some(2), Some(2)]
        );
        assert_eq!(
            bins.ranges().collect::<Vec<_>>(),
            [(1, Some(1)), (2, Some(2)), (3, None)]
        );
        assert!(Bins::for_max(0).is_empty());
        assert_eq!(Bins::for_max(0).of(0), None);
    }

    #[test]
    fn bins_use_round_numbers_while_five_bins_suffice() {
        let bins = Bins::for_max(7);
        assert_eq!(
            bins.ranges().collect::<Vec<_>>(),
            [(1, Some(1)), (2, Some(2)), (3, Some(4)), (5, None)]
        );
        assert_eq!(
            Bins::for_max(19)
                .ranges()
                .map(|(from, _)| from)
                .collect::<Vec<_>>(),
            [1, 2, 3, 5, 10]
        );
    }

    #[test]
    fn shades_spread_over_the_scale_and_the_most_is_darkest() {
        let bins = Bins::for_max(3);
        assert_eq!([0, 1, 2, 3].map(|n| bins.shade(n)), [0, 1, 3, 5]);
        let bins = Bins::for_max(7);
        assert_eq!([0, 1, 2, 4, 7].map(|n| bins.shade(n)), [0, 1, 2, 4, 5]);
        assert_eq!(Bins::for_max(1).shade(1), Bins::MAX);
        for max in 1..300 {
            let bins = Bins::for_max(max);
            assert_eq!(bins.shade(max), Bins::MAX, "{max}");
            assert_eq!(bins.shade(1), if bins.len() == 1 { Bins::MAX } else { 1 });
            let shades: Vec<usize> = (1..=max).map(|n| bins.shade(n)).collect();
            assert!(
                shades.windows(2).all(|w| w[0] <= w[1]),
                "more is never lighter"
            );
        }
    }

    #[test]
    fn bins_for_large_counts_are_round_and_log_spaced() {
        let bins = Bins::for_max(1000);
        assert_eq!(
            bins.ranges().collect::<Vec<_>>(),
            [
                (1, Some(2)),
                (3, Some(9)),
                (10, Some(49)),
                (50, Some(199)),
                (200, None)
            ]
        );
        let lower: Vec<usize> = bins.ranges().map(|(from, _)| from).collect();
        assert_eq!(lower, [1, 3, 10, 50, 200]);
        assert_eq!(bins.of(1), Some(0));
        assert_eq!(bins.of(9), Some(1));
        assert_eq!(bins.of(10), Some(2));
        assert_eq!(bins.of(1000), Some(4));
        for max in 6..2000 {
            let bins = Bins::for_max(max);
            assert!(bins.len() >= 4 && bins.len() <= Bins::MAX, "{max}");
            assert_eq!(
                bins.of(max),
                Some(bins.len() - 1),
                "the top bin holds {max}"
            );
            assert_eq!(bins.of(1), Some(0));
        }
    }

    #[test]
    fn zooming_keeps_the_focus_point_still_and_stays_inside_the_map() {
        let whole = Viewport::whole(1000.0, 500.0);
        assert_eq!(whole.view_box(), "0 0 1000 500");
        let zoomed = whole.zoom_by(2.0, (0.5, 0.5));
        assert_eq!(zoomed.view_box(), "250 125 500 250");
        assert_eq!(zoomed.project((500.0, 250.0)), (0.5, 0.5));
        // Zooming at the top-left corner keeps that corner.
        assert_eq!(whole.zoom_by(4.0, (0.0, 0.0)).view_box(), "0 0 250 125");
        // Never beyond the limits, never out of the map.
        assert_eq!(whole.zoom_by(0.5, (0.5, 0.5)), whole);
        assert!((whole.zoom_by(1000.0, (1.0, 1.0)).zoom() - Viewport::MAX_ZOOM).abs() < 1e-9);
        assert_eq!(zoomed.pan_by(-10.0, 0.0).view_box(), "0 125 500 250");
        assert_eq!(zoomed.pan_by(10.0, 10.0).view_box(), "500 250 500 250");
        assert_eq!(zoomed.pan_by(0.1, 0.0).view_box(), "300 125 500 250");
        assert_eq!(zoomed.zoom_by(f64::NAN, (0.5, 0.5)), zoomed);
        assert!(zoomed.zoom_by(1.0 / 2.0, (0.3, 0.3)).is_whole());
    }
}
