//! Which ISO 3166-1 alpha-2 code each Natural Earth feature is drawn under.
//!
//! The data set's people are coded with ISO countries (plus `XK`, Kosovo), so every shape must
//! land on a code the app knows, or on none.

use wjc_core::CountryCode;

use crate::topology::Feature;

/// Features whose alpha-3 code is not an ISO one, and what they are drawn as. `None`: a shape
/// without a country (drawn as neutral background).
const SPECIAL: &[(&str, Option<&str>)] = &[
    // Kosovo: the user-assigned code in common use; the app's country list has it.
    ("XKX", Some("XK")),
    // Indian Ocean Territories (Christmas and Cocos Islands) and Ashmore and Cartier Islands are
    // Australian external territories without a separate entry in our data.
    ("IOA", Some("AU")),
    ("ATC", Some("AU")),
    // Somaliland and Northern Cyprus are not ISO countries: people held there are recorded under
    // the ISO country, so their shapes join it.
    ("SOL", Some("SO")),
    ("CYN", Some("CY")),
    // Siachen Glacier: disputed between India and Pakistan, with no code of its own.
    ("KAS", None),
];

/// The code a feature is drawn under, `None` for a shape without a country.
///
/// # Errors
/// A message when the feature's alpha-3 code is unknown, disagrees with its numeric id, or maps
/// to a code the app's country list lacks.
pub fn code_for(feature: &Feature) -> Result<Option<CountryCode>, String> {
    let alpha2 = match SPECIAL.iter().find(|(a3, _)| *a3 == feature.a3) {
        Some((_, code)) => *code,
        None => Some(iso_alpha2(feature)?),
    };
    alpha2
        .map(|code| {
            CountryCode::parse(code).ok_or_else(|| {
                format!(
                    "{} ({}) maps to {code}, which the app's country list lacks",
                    feature.name, feature.a3
                )
            })
        })
        .transpose()
}

/// The ISO alpha-2 code of an ISO alpha-3 code, checked against the feature's numeric id when it
/// has one, so a mislabelled feature is caught rather than drawn as the wrong country.
fn iso_alpha2(feature: &Feature) -> Result<&'static str, String> {
    let country = rust_iso3166::from_alpha3(&feature.a3).ok_or_else(|| {
        format!(
            "{} has alpha-3 code {:?}, which is not in ISO 3166-1: add it to the special cases",
            feature.name, feature.a3
        )
    })?;
    if let Ok(numeric) = feature.id.parse::<u16>() {
        if numeric != country.numeric {
            return Err(format!(
                "{} ({}) has numeric id {}, but ISO gives {:03}",
                feature.name, feature.a3, feature.id, country.numeric
            ));
        }
    }
    Ok(country.alpha2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feature(id: &str, a3: &str) -> Feature {
        Feature {
            id: id.to_owned(),
            name: format!("feature {a3}"),
            a3: a3.to_owned(),
            polygons: Vec::new(),
        }
    }

    fn code(id: &str, a3: &str) -> Option<String> {
        code_for(&feature(id, a3))
            .unwrap()
            .map(|code| code.as_str().to_owned())
    }

    #[test]
    fn iso_features_map_through_alpha3() {
        assert_eq!(code("250", "FRA").as_deref(), Some("FR"));
        assert_eq!(code("048", "BHR").as_deref(), Some("BH"));
        assert_eq!(code("344", "HKG").as_deref(), Some("HK"));
        assert_eq!(code("446", "MAC").as_deref(), Some("MO"));
        assert_eq!(code("728", "SSD").as_deref(), Some("SS"));
    }

    #[test]
    fn special_cases() {
        assert_eq!(code("-2", "XKX").as_deref(), Some("XK"));
        assert_eq!(code("IOA", "IOA").as_deref(), Some("AU"));
        // Ashmore and Cartier carries Australia's numeric id.
        assert_eq!(code("036", "ATC").as_deref(), Some("AU"));
        assert_eq!(code("-3", "SOL").as_deref(), Some("SO"));
        assert_eq!(code("-1", "CYN").as_deref(), Some("CY"));
        assert_eq!(code("KAS", "KAS"), None);
    }

    #[test]
    fn unknown_or_inconsistent_codes_are_errors() {
        assert!(code_for(&feature("999", "ZZZ"))
            .unwrap_err()
            .contains("special cases"));
        assert!(code_for(&feature("250", "DEU"))
            .unwrap_err()
            .contains("ISO gives 276"));
    }
}
