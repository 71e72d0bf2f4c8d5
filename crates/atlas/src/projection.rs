//! The Equal Earth projection (Šavrič, Patterson and Jenny, 2018) and the map's view box.
//!
//! Equal Earth is equal-area, so a country's size on the map is fair to its size on the globe, and
//! its poles are flat lines, so Antarctica closes along the bottom edge.

use crate::geo::{LonLat, Point};

const A1: f64 = 1.340_264;
const A2: f64 = -0.081_106;
const A3: f64 = 0.000_893;
const A4: f64 = 0.003_796;
/// √3 / 2.
const M: f64 = 0.866_025_403_784_438_6;

/// Width of the view box; about the width the map is drawn at on a desktop screen, so one unit is
/// about one pixel there.
pub const VIEW_WIDTH: f64 = 1000.0;

/// Projects onto the unit sphere's Equal Earth plane: x east, y north, both in sphere radii.
///
/// The map spans x in ±2.7066 (at ±180° on the equator) and y in ±1.3174 (at the poles).
pub fn equal_earth(p: LonLat) -> (f64, f64) {
    let lambda = p.lon.to_radians();
    let theta = (M * p.lat.to_radians().sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lambda * theta.cos() / (M * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

/// The map's frame: the whole globe fitted to [`VIEW_WIDTH`], origin top-left, y down.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct ViewBox {
    /// Width in view-box units.
    pub width: f64,
    /// Height in view-box units, rounded up to a whole unit (the globe is centred in it).
    pub height: f64,
    /// View-box units per sphere radius.
    scale: f64,
}

impl ViewBox {
    /// The world map's view box: 1000 wide, 487 high (Equal Earth's aspect is about 2.055:1).
    pub fn world() -> Self {
        let (x_max, _) = equal_earth(LonLat {
            lon: 180.0,
            lat: 0.0,
        });
        let (_, y_max) = equal_earth(LonLat {
            lon: 0.0,
            lat: 90.0,
        });
        let scale = VIEW_WIDTH / (2.0 * x_max);
        Self {
            width: VIEW_WIDTH,
            height: (2.0 * y_max * scale).ceil(),
            scale,
        }
    }

    /// Where a position on the globe is drawn.
    pub fn project(&self, p: LonLat) -> Point {
        let (x, y) = equal_earth(p);
        Point {
            x: self.width / 2.0 + x * self.scale,
            y: self.height / 2.0 - y * self.scale,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lon: f64, lat: f64) -> LonLat {
        LonLat { lon, lat }
    }

    fn assert_close(actual: (f64, f64), expected: (f64, f64), tolerance: f64) {
        assert!(
            (actual.0 - expected.0).abs() <= tolerance
                && (actual.1 - expected.1).abs() <= tolerance,
            "{actual:?} is not within {tolerance} of {expected:?}"
        );
    }

    #[test]
    fn origin_maps_to_origin() {
        assert_eq!(equal_earth(at(0.0, 0.0)), (0.0, 0.0));
    }

    #[test]
    fn poles_are_flat_lines_at_the_published_height() {
        // The pole line is 0.5925 of the equator's length and lies at y = ±1.3174 (Šavrič et al.).
        let (_, north) = equal_earth(at(0.0, 90.0));
        let (_, south) = equal_earth(at(0.0, -90.0));
        assert_close(
            (north, south),
            (1.317_362_759_157_4, -1.317_362_759_157_4),
            1e-9,
        );
        let (east, y_east) = equal_earth(at(180.0, 90.0));
        let (west, y_west) = equal_earth(at(-180.0, 90.0));
        assert!((y_east - north).abs() < 1e-12 && (y_west - north).abs() < 1e-12);
        let (equator, _) = equal_earth(at(180.0, 0.0));
        assert!(((east - west) / (2.0 * equator) - 0.592_466_9).abs() < 1e-6);
    }

    #[test]
    fn antimeridian_on_the_equator_is_the_widest_point() {
        // PROJ's own test: +proj=eqearth +R=6378137 puts (180, 0) at x = 17263256.84 m.
        let expected = 17_263_256.84 / 6_378_137.0;
        assert_close(equal_earth(at(180.0, 0.0)), (expected, 0.0), 1e-9);
        assert_close(equal_earth(at(-180.0, 0.0)), (-expected, 0.0), 1e-9);
    }

    #[test]
    fn matches_reference_values() {
        // PROJ's documentation: `echo 122 47 | proj +proj=eqearth +R=1` prints 1.55 0.89.
        assert_close(equal_earth(at(122.0, 47.0)), (1.55, 0.89), 0.005);
        // PROJ 9 with +R=1, printed to twelve decimals: Tokyo and London.
        assert_close(
            equal_earth(at(139.6917, 35.6895)),
            (1.909_462_941_700, 0.697_844_715_778),
            1e-11,
        );
        assert_close(
            equal_earth(at(-0.1278, 51.5074)),
            (-0.001_565_514_410, 0.965_105_647_318),
            1e-11,
        );
    }

    #[test]
    fn view_box_is_about_1000_by_487_with_the_globe_centred() {
        let view = ViewBox::world();
        assert_eq!((view.width, view.height), (1000.0, 487.0));
        let centre = view.project(at(0.0, 0.0));
        assert_close((centre.x, centre.y), (500.0, 243.5), 1e-9);
        let west = view.project(at(-180.0, 0.0));
        let east = view.project(at(180.0, 0.0));
        assert_close((west.x, east.x), (0.0, 1000.0), 1e-9);
        // North is up.
        assert!(view.project(at(0.0, 60.0)).y < centre.y);
        let bottom = view.project(at(0.0, -90.0)).y;
        assert!(bottom > 486.0 && bottom <= 487.0, "{bottom}");
    }
}
