//! The shapes drawn in status badges, shared by the app and the static pages so both look alike.

use crate::model::Status;

/// The SVG path (16×16 box) of the shape that goes with `status`. Each status has its own shape,
/// so badges differ without colour.
pub fn status_path(status: Status) -> &'static str {
    match status {
        Status::Detained => "M3 3h10v10H3z M6 3v10 M10 3v10",
        Status::Imprisoned => "M2 2h12v12H2z M5.5 2v12 M8 2v12 M10.5 2v12",
        Status::HouseArrest => "M8 2 14 7.5V14H2V7.5z",
        Status::Disappeared => "M8 2a6 6 0 1 1 0 12A6 6 0 0 1 8 2z M6.2 6.2a1.9 1.9 0 1 1 2.6 1.8c-.6.3-.8.7-.8 1.3 M8 11.4v.2",
        Status::Released => "M3 8.5 6.5 12 13 4.5",
        Status::Exiled => "M2 8h10 M8.5 4.5 12 8l-3.5 3.5 M14 3v10",
        Status::DiedInCustody => "M8 2v12 M4 6h8",
        Status::Unknown => "M8 3a5 5 0 1 1 0 10A5 5 0 0 1 8 3z",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_a_shape_of_its_own() {
        let shapes: std::collections::BTreeSet<&str> =
            Status::ALL.iter().map(|&s| status_path(s)).collect();
        assert_eq!(shapes.len(), Status::ALL.len());
    }
}
