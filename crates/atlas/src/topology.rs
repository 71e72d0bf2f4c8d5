//! Reading a `TopoJSON` topology: countries as rings of shared arcs, each arc delta-encoded on an
//! integer grid (the `transform`), so that neighbours reference one border instead of two copies.

use serde::Deserialize;
use serde_json::Value;

use crate::geo::LonLat;

/// A position on the topology's integer grid; equal grid positions are the same point, which is
/// how arcs are known to meet.
pub type GridPoint = (i64, i64);

/// A reference from a ring to an arc: `i` for arc `i` as stored, `!i` (`TopoJSON`'s `~i`, i.e.
/// `-i - 1`) for arc `i` walked backwards.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ArcRef(pub i64);

impl ArcRef {
    /// Which arc it refers to.
    pub fn index(self) -> usize {
        let i = if self.0 < 0 { !self.0 } else { self.0 };
        usize::try_from(i).unwrap_or(usize::MAX)
    }

    /// Whether the arc is walked from its last point to its first.
    pub fn reversed(self) -> bool {
        self.0 < 0
    }
}

/// One country feature of the topology.
#[derive(Clone, PartialEq, Debug)]
pub struct Feature {
    /// The feature's `id`: an ISO 3166-1 numeric code in this data set, or a made-up one.
    pub id: String,
    /// Its English name, for messages.
    pub name: String,
    /// Its ISO 3166-1 alpha-3 code (`properties.a3`), or a made-up one.
    pub a3: String,
    /// Polygons, each an outer ring followed by its holes, each ring a closed chain of arcs.
    pub polygons: Vec<Vec<Vec<ArcRef>>>,
}

/// A decoded topology: absolute arcs on the integer grid, and the features of its `countries`
/// object.
#[derive(Clone, PartialEq, Debug)]
pub struct Topology {
    /// Every arc as absolute grid positions (the deltas summed).
    pub arcs: Vec<Vec<GridPoint>>,
    /// Degrees per grid step, for longitude and latitude.
    scale: [f64; 2],
    /// The position of grid point (0, 0) in degrees.
    translate: [f64; 2],
    /// The countries.
    pub features: Vec<Feature>,
}

#[derive(Deserialize)]
struct RawTopology {
    transform: RawTransform,
    objects: RawObjects,
    arcs: Vec<Vec<[i64; 2]>>,
}

#[derive(Deserialize)]
struct RawTransform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct RawObjects {
    countries: RawCollection,
}

#[derive(Deserialize)]
struct RawCollection {
    geometries: Vec<RawGeometry>,
}

#[derive(Deserialize)]
struct RawGeometry {
    #[serde(rename = "type")]
    kind: String,
    id: Option<Value>,
    #[serde(default)]
    properties: RawProperties,
    #[serde(default)]
    arcs: Value,
}

#[derive(Deserialize, Default)]
struct RawProperties {
    #[serde(default)]
    name: String,
    #[serde(default)]
    a3: String,
}

impl Topology {
    /// Parses a `TopoJSON` text with a `countries` object of polygons and multipolygons.
    ///
    /// # Errors
    /// A message when the text is not such a topology or a ring refers to a missing arc.
    pub fn parse(json: &str) -> Result<Self, String> {
        let raw: RawTopology =
            serde_json::from_str(json).map_err(|e| format!("not a TopoJSON topology: {e}"))?;
        let arcs: Vec<Vec<GridPoint>> = raw
            .arcs
            .iter()
            .map(|deltas| {
                let (mut x, mut y) = (0, 0);
                deltas
                    .iter()
                    .map(|&[dx, dy]| {
                        x += dx;
                        y += dy;
                        (x, y)
                    })
                    .collect()
            })
            .collect();
        let features = raw
            .objects
            .countries
            .geometries
            .into_iter()
            .map(|geometry| feature(geometry, arcs.len()))
            .collect::<Result<_, _>>()?;
        Ok(Self {
            arcs,
            scale: raw.transform.scale,
            translate: raw.transform.translate,
            features,
        })
    }

    /// The arc's points on the globe, in stored order.
    pub fn arc_positions(&self, index: usize) -> Vec<LonLat> {
        self.arcs[index]
            .iter()
            .map(|&point| self.position(point))
            .collect()
    }

    /// The grid points where the referenced arc starts and ends, in the direction walked.
    pub fn ends(&self, arc: ArcRef) -> (GridPoint, GridPoint) {
        let points = &self.arcs[arc.index()];
        let (first, last) = (points[0], points[points.len() - 1]);
        if arc.reversed() {
            (last, first)
        } else {
            (first, last)
        }
    }

    #[allow(clippy::cast_precision_loss)] // Grid positions are below 2^20, exact in an f64.
    fn position(&self, (x, y): GridPoint) -> LonLat {
        LonLat {
            lon: x as f64 * self.scale[0] + self.translate[0],
            lat: y as f64 * self.scale[1] + self.translate[1],
        }
    }
}

fn feature(raw: RawGeometry, arc_count: usize) -> Result<Feature, String> {
    let name = raw.properties.name;
    let polygons: Vec<Vec<Vec<i64>>> = match raw.kind.as_str() {
        "Polygon" => serde_json::from_value(raw.arcs).map(|rings| vec![rings]),
        "MultiPolygon" => serde_json::from_value(raw.arcs),
        other => return Err(format!("{name}: geometry type {other} is not a polygon")),
    }
    .map_err(|e| format!("{name}: malformed arcs: {e}"))?;
    let polygons: Vec<Vec<Vec<ArcRef>>> = polygons
        .into_iter()
        .map(|rings| {
            rings
                .into_iter()
                .map(|ring| ring.into_iter().map(ArcRef).collect())
                .collect()
        })
        .collect();
    let missing = polygons
        .iter()
        .flatten()
        .flatten()
        .find(|arc| arc.index() >= arc_count);
    if let Some(arc) = missing {
        return Err(format!("{name}: refers to arc {} of {arc_count}", arc.0));
    }
    if polygons.iter().flatten().any(Vec::is_empty) {
        return Err(format!("{name}: has a ring without arcs"));
    }
    let id = match raw.id {
        Some(Value::String(id)) => id,
        Some(Value::Number(id)) => id.to_string(),
        _ => String::new(),
    };
    Ok(Feature {
        id,
        name,
        a3: raw.properties.a3,
        polygons,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TINY: &str = r#"{
      "type": "Topology",
      "transform": {"scale": [0.5, 0.25], "translate": [-180, -90]},
      "objects": {"countries": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "id": "250", "properties": {"name": "France", "a3": "FRA"}, "arcs": [[0, -2]]},
        {"type": "MultiPolygon", "id": 12, "properties": {"name": "Algeria", "a3": "DZA"}, "arcs": [[[1]]]}
      ]}},
      "arcs": [[[10, 20], [2, 0], [0, 4]], [[10, 20], [2, 4]]]
    }"#;

    #[test]
    fn decodes_deltas_and_the_transform() {
        let topology = Topology::parse(TINY).unwrap();
        assert_eq!(topology.arcs[0], vec![(10, 20), (12, 20), (12, 24)]);
        assert_eq!(
            topology.arc_positions(0)[2],
            LonLat {
                lon: -174.0,
                lat: -84.0
            }
        );
    }

    #[test]
    fn reads_features_and_reversed_arc_references() {
        let topology = Topology::parse(TINY).unwrap();
        let france = &topology.features[0];
        assert_eq!((france.id.as_str(), france.a3.as_str()), ("250", "FRA"));
        let ring = &france.polygons[0][0];
        assert_eq!((ring[1].index(), ring[1].reversed()), (1, true));
        assert_eq!(topology.ends(ring[0]), ((10, 20), (12, 24)));
        assert_eq!(topology.ends(ring[1]), ((12, 24), (10, 20)));
        assert_eq!(topology.features[1].id, "12");
    }

    #[test]
    fn refuses_missing_arcs_and_other_geometry() {
        let missing = TINY.replace("[[[1]]]", "[[[7]]]");
        assert!(Topology::parse(&missing).unwrap_err().contains("arc 7"));
        let line = TINY.replace("\"MultiPolygon\"", "\"LineString\"");
        assert!(Topology::parse(&line).unwrap_err().contains("LineString"));
    }
}
