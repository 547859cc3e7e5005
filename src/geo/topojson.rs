//! A small TopoJSON decoder (the subset world-atlas uses): quantised,
//! delta-encoded arcs stitched into polygon rings. Pure Rust, no web types.
//!
//! Spec: <https://github.com/topojson/topojson-specification>. Arc index `i >= 0`
//! is arc `i` as stored; `i < 0` is arc `!i` (`-i - 1`) reversed. Consecutive arcs
//! of a ring share their joining point, which is kept once.

use serde::Deserialize;
use std::collections::BTreeMap;

/// A ring of (lat, lon) points, closed (the first point is repeated at the end).
pub type Ring = Vec<(f64, f64)>;

/// One feature of the decoded collection.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    /// The feature's `id` (world-atlas: the ISO 3166-1 numeric code as text).
    pub id: Option<String>,
    /// Polygons, each an outer ring followed by its holes.
    pub polygons: Vec<Vec<Ring>>,
}

impl Shape {
    /// The id as an ISO numeric code, when it is one.
    pub fn numeric(&self) -> Option<u16> {
        self.id.as_deref().and_then(|id| id.parse().ok())
    }
}

#[derive(Deserialize)]
struct RawTopology {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    transform: Option<RawTransform>,
    arcs: Vec<Vec<Position>>,
    objects: BTreeMap<String, RawObject>,
}

#[derive(Deserialize)]
struct RawTransform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct RawObject {
    #[serde(default)]
    geometries: Vec<RawGeometry>,
}

/// One position of an arc, `[x, y, …]`: read in place, with no list of its
/// own (the 1:50m file has 80,000 of them, and an allocation each made its
/// decoding the longest task of a zoom). Fewer than two numbers is an error;
/// numbers past the second are skipped.
struct Position(Option<(f64, f64)>);

impl<'de> Deserialize<'de> for Position {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PositionVisitor;
        impl<'de> serde::de::Visitor<'de> for PositionVisitor {
            type Value = Position;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a position: a list of numbers")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Position, A::Error> {
                let x: Option<f64> = seq.next_element()?;
                let y: Option<f64> = match x {
                    Some(_) => seq.next_element()?,
                    None => None,
                };
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Position(x.zip(y)))
            }
        }
        deserializer.deserialize_seq(PositionVisitor)
    }
}

/// A geometry of any type: only polygons are kept. Plain fields (no tagged
/// enum, no `Value` detour) keep the decoder small in the wasm.
#[derive(Deserialize)]
struct RawGeometry {
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    arcs: Option<Nested>,
}

/// Arc indices nested to any depth: `[[0, 1]]` for a polygon, `[[[0]], [[1]]]`
/// for a multipolygon.
enum Nested {
    Index(i64),
    List(Vec<Nested>),
}

impl<'de> Deserialize<'de> for Nested {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NestedVisitor;
        impl<'de> serde::de::Visitor<'de> for NestedVisitor {
            type Value = Nested;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an arc index or a list of them")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Nested, E> {
                Ok(Nested::Index(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Nested, E> {
                i64::try_from(v)
                    .map(Nested::Index)
                    .map_err(|_| E::custom("arc index too large"))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Nested, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Nested::List(items))
            }
        }
        deserializer.deserialize_any(NestedVisitor)
    }
}

impl Nested {
    fn list(&self, what: &str) -> Result<&[Nested], String> {
        match self {
            Nested::List(items) => Ok(items),
            Nested::Index(_) => Err(format!("expected a list of {what}, found a number")),
        }
    }

    /// A ring: a list of arc indices.
    fn ring(&self) -> Result<Vec<i64>, String> {
        self.list("arc indices")?
            .iter()
            .map(|item| match item {
                Nested::Index(i) => Ok(*i),
                Nested::List(_) => Err("expected an arc index, found a list".to_owned()),
            })
            .collect()
    }

    /// A polygon: a list of rings.
    fn polygon(&self) -> Result<Vec<Vec<i64>>, String> {
        self.list("rings")?.iter().map(Nested::ring).collect()
    }
}

fn id_text(id: Option<serde_json::Value>) -> Option<String> {
    match id? {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Decodes the polygons of the geometry collection `object` (e.g. `"countries"`)
/// of a TopoJSON topology. Any malformed part is an error naming it; nothing panics.
pub fn decode(text: &str, object: &str) -> Result<Vec<Shape>, String> {
    parse(text)?.shapes(object)
}

/// A topology read from its text, its shapes not yet built: [`decode`] in
/// two steps, so a caller can let a frame pass between them (the 1:50m
/// file takes tens of ms in the browser).
pub struct Topology(RawTopology);

/// The first step of [`decode`]: reads the text.
pub fn parse(text: &str) -> Result<Topology, String> {
    let raw: RawTopology =
        serde_json::from_str(text).map_err(|e| format!("not a TopoJSON topology: {e}"))?;
    if raw.kind != "Topology" {
        return Err(format!("type is {:?}, expected \"Topology\"", raw.kind));
    }
    Ok(Topology(raw))
}

impl Topology {
    /// The second step of [`decode`]: the polygons of the geometry
    /// collection `object`.
    pub fn shapes(&self, object: &str) -> Result<Vec<Shape>, String> {
        shapes_of(&self.0, object)
    }
}

fn shapes_of(raw: &RawTopology, object: &str) -> Result<Vec<Shape>, String> {
    let arcs = decode_arcs(&raw.arcs, raw.transform.as_ref())?;
    let geometries = raw
        .objects
        .get(object)
        .map(|o| &o.geometries)
        .ok_or_else(|| format!("no object {object:?} in the topology"))?;
    let mut shapes = Vec::with_capacity(geometries.len());
    for (index, geometry) in geometries.iter().enumerate() {
        let at = |e: String| format!("{object}.geometries[{index}]: {e}");
        let arcs_of = || {
            geometry
                .arcs
                .as_ref()
                .ok_or_else(|| at("a polygon without arcs".to_owned()))
        };
        // Points, lines and null geometries are not shapes: skipped.
        let polygons = match geometry.kind.as_deref() {
            Some("Polygon") => vec![arcs_of()?.polygon().map_err(at)?],
            Some("MultiPolygon") => arcs_of()?
                .list("polygons")
                .map_err(at)?
                .iter()
                .map(Nested::polygon)
                .collect::<Result<Vec<_>, _>>()
                .map_err(at)?,
            _ => continue,
        };
        let polygons = polygons
            .iter()
            .map(|rings| {
                rings
                    .iter()
                    .map(|ring| stitch(&arcs, ring))
                    .collect::<Result<Vec<_>, _>>()
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| format!("{object}.geometries[{index}]: {e}"))?;
        shapes.push(Shape {
            id: id_text(geometry.id.clone()),
            polygons,
        });
    }
    Ok(shapes)
}

/// Absolute (lat, lon) points of every arc.
fn decode_arcs(
    raw: &[Vec<Position>],
    transform: Option<&RawTransform>,
) -> Result<Vec<Vec<(f64, f64)>>, String> {
    raw.iter()
        .enumerate()
        .map(|(i, arc)| {
            let (mut x, mut y) = (0.0, 0.0);
            arc.iter()
                .map(|position| {
                    let Position(Some((px, py))) = *position else {
                        return Err(format!("arcs[{i}]: a position has fewer than 2 numbers"));
                    };
                    Ok(match transform {
                        Some(t) => {
                            x += px;
                            y += py;
                            (
                                y * t.scale[1] + t.translate[1],
                                x * t.scale[0] + t.translate[0],
                            )
                        }
                        None => (py, px),
                    })
                })
                .collect()
        })
        .collect()
}

/// Joins the arcs of one ring, dropping each shared joining point.
fn stitch(arcs: &[Vec<(f64, f64)>], indices: &[i64]) -> Result<Ring, String> {
    let mut ring: Ring = Vec::new();
    for &index in indices {
        let (arc_index, reversed) = if index >= 0 {
            (index, false)
        } else {
            (!index, true)
        };
        let arc = usize::try_from(arc_index)
            .ok()
            .and_then(|i| arcs.get(i))
            .ok_or_else(|| format!("arc index {index} out of range ({} arcs)", arcs.len()))?;
        let points: Box<dyn Iterator<Item = &(f64, f64)>> = if reversed {
            Box::new(arc.iter().rev())
        } else {
            Box::new(arc.iter())
        };
        let skip = usize::from(!ring.is_empty());
        ring.extend(points.skip(skip).copied());
    }
    Ok(unwrap_antimeridian(ring))
}

/// Makes a ring continuous across the antimeridian: where consecutive points
/// jump by more than 180° of longitude, the rest of the ring is shifted by 360°
/// (Leaflet draws longitudes past ±180 next to the edge, as it should). A ring
/// around a pole (Antarctica) is closed along the pole.
pub fn unwrap_antimeridian(ring: Ring) -> Ring {
    let mut out: Ring = Vec::with_capacity(ring.len() + 3);
    let mut offset = 0.0;
    for (lat, lon) in ring {
        if let Some(&(_, previous)) = out.last() {
            let step = lon + offset - previous;
            if step > 180.0 {
                offset -= 360.0;
            } else if step < -180.0 {
                offset += 360.0;
            }
        }
        out.push((lat, lon + offset));
    }
    if let (Some(&first), Some(&last)) = (out.first(), out.last())
        && (last.1 - first.1).abs() > 180.0
    {
        let mean_lat = out.iter().map(|p| p.0).sum::<f64>() / out.len() as f64;
        let pole = if mean_lat < 0.0 { -90.0 } else { 90.0 };
        out.push((pole, last.1));
        out.push((pole, first.1));
        out.push(first);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two unit squares sharing the edge x = 1, quantised with scale 1 and a
    /// translate, arcs delta-encoded as the spec's example does.
    const TWO_SQUARES: &str = r#"{
      "type": "Topology",
      "transform": {"scale": [1, 1], "translate": [10, 20]},
      "objects": {"countries": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "id": "004", "arcs": [[0, 1]]},
        {"type": "MultiPolygon", "id": 8, "arcs": [[[-2, 2]]]},
        {"type": null},
        {"type": "Point", "coordinates": [0, 0]}
      ]}},
      "arcs": [
        [[1, 0], [-1, 0], [0, 1], [1, 0]],
        [[1, 1], [0, -1]],
        [[1, 1], [1, 0], [0, -1], [-1, 0]]
      ]
    }"#;

    #[test]
    fn decodes_delta_arcs_and_stitches_rings() {
        let shapes = decode(TWO_SQUARES, "countries").expect("decodes");
        assert_eq!(shapes.len(), 2, "non-polygon geometries are skipped");
        assert_eq!(shapes[0].id.as_deref(), Some("004"));
        assert_eq!(shapes[0].numeric(), Some(4));
        // Arc 0: (1,0) (0,0) (0,1) (1,1); arc 1: (1,1) (1,0). Shared (1,1) once.
        // Points are (lat, lon) = (y + 20, x + 10).
        assert_eq!(
            shapes[0].polygons,
            vec![vec![vec![
                (20.0, 11.0),
                (20.0, 10.0),
                (21.0, 10.0),
                (21.0, 11.0),
                (20.0, 11.0),
            ]]]
        );
        // !1 is arc 1 reversed: (1,0) (1,1); arc 2 decodes to (1,1) (2,1) (2,0) (1,0).
        assert_eq!(shapes[1].numeric(), Some(8));
        assert_eq!(
            shapes[1].polygons,
            vec![vec![vec![
                (20.0, 11.0),
                (21.0, 11.0),
                (21.0, 12.0),
                (20.0, 12.0),
                (20.0, 11.0),
            ]]]
        );
    }

    #[test]
    fn rings_across_the_antimeridian_are_continuous() {
        // Chukotka-like: from 170°E across to 170°W and back.
        let ring = vec![
            (65.0, 170.0),
            (65.0, 180.0),
            (66.0, -170.0),
            (67.0, 175.0),
            (65.0, 170.0),
        ];
        let unwrapped = unwrap_antimeridian(ring);
        assert_eq!(
            unwrapped,
            vec![
                (65.0, 170.0),
                (65.0, 180.0),
                (66.0, 190.0),
                (67.0, 175.0),
                (65.0, 170.0)
            ]
        );
        // A ring that stays on its side is unchanged.
        let plain = vec![(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)];
        assert_eq!(unwrap_antimeridian(plain.clone()), plain);
        // Around the south pole: closed along -90°.
        let polar = vec![
            (-70.0, -180.0),
            (-70.0, -60.0),
            (-70.0, 60.0),
            (-70.0, 180.0),
        ];
        let closed = unwrap_antimeridian(polar);
        assert_eq!(closed.first(), closed.last());
        assert!(closed.iter().any(|p| p.0 == -90.0));
        assert!(unwrap_antimeridian(Vec::new()).is_empty());
    }

    #[test]
    fn without_transform_positions_are_absolute() {
        let text = r#"{"type": "Topology", "objects": {"o": {"geometries": [
            {"type": "Polygon", "arcs": [[0]]}]}},
            "arcs": [[[5, 6], [7, 8], [5, 6]]]}"#;
        let shapes = decode(text, "o").expect("decodes");
        assert_eq!(shapes[0].id, None);
        assert_eq!(
            shapes[0].polygons[0][0],
            vec![(6.0, 5.0), (8.0, 7.0), (6.0, 5.0)]
        );
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert!(decode("", "countries").is_err());
        assert!(decode("[]", "countries").is_err());
        let not_topology = r#"{"type": "FeatureCollection", "arcs": [], "objects": {}}"#;
        assert!(
            decode(not_topology, "countries")
                .unwrap_err()
                .contains("Topology")
        );
        let missing = r#"{"type": "Topology", "arcs": [], "objects": {}}"#;
        assert!(
            decode(missing, "countries")
                .unwrap_err()
                .contains("countries")
        );
        let out_of_range = r#"{"type": "Topology", "arcs": [[[0,0],[1,1]]],
            "objects": {"c": {"geometries": [{"type": "Polygon", "arcs": [[0, -3]]}]}}}"#;
        let error = decode(out_of_range, "c").unwrap_err();
        assert!(
            error.contains("out of range") && error.contains("c.geometries[0]"),
            "{error}"
        );
        // A position of one number is named; numbers past the second
        // (TopoJSON allows them) are skipped; a position that is not a list
        // is a located parse error.
        let short =
            r#"{"type": "Topology", "arcs": [[[0,0],[1]]], "objects": {"c": {"geometries": []}}}"#;
        let error = decode(short, "c").unwrap_err();
        assert!(
            error.contains("arcs[0]") && error.contains("fewer than 2"),
            "{error}"
        );
        let extra = r#"{"type": "Topology", "arcs": [[[0,0,7],[1,0,8],[1,1,9],[0,0]]],
            "objects": {"c": {"geometries": [{"type": "Polygon", "arcs": [[0]]}]}}}"#;
        let shapes = decode(extra, "c").unwrap_or_default();
        assert_eq!(shapes.len(), 1);
        assert!(shapes[0].polygons[0][0].contains(&(1.0, 1.0)), "{shapes:?}");
        let not_list = r#"{"type": "Topology", "arcs": [[5]], "objects": {}}"#;
        assert!(decode(not_list, "c").unwrap_err().contains("line 1"));
        let nested_wrong = r#"{"type": "Topology", "arcs": [],
            "objects": {"c": {"geometries": [{"type": "MultiPolygon", "arcs": [[0]]}]}}}"#;
        assert!(
            decode(nested_wrong, "c")
                .unwrap_err()
                .contains("found a number")
        );
        let no_arcs = r#"{"type": "Topology", "arcs": [],
            "objects": {"c": {"geometries": [{"type": "Polygon"}]}}}"#;
        assert!(decode(no_arcs, "c").unwrap_err().contains("without arcs"));
        let deep = format!(
            r#"{{"type": "Topology", "arcs": [], "objects": {{"c": {{"geometries": [{{"type": "Polygon", "arcs": {}0{}}}]}}}}}}"#,
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        assert!(
            decode(&deep, "c").is_err(),
            "deep nesting is refused, not a stack overflow"
        );
        let short = r#"{"type": "Topology", "arcs": [[[0]]],
            "objects": {"c": {"geometries": []}}}"#;
        assert!(decode(short, "c").unwrap_err().contains("arcs[0]"));
        let huge = format!(
            r#"{{"type": "Topology", "arcs": [], "objects": {{"c": {{"geometries": [{{"type": "Polygon", "arcs": [[{}]]}}]}}}}}}"#,
            i64::MIN
        );
        assert!(decode(&huge, "c").is_err());
    }

    #[test]
    fn decodes_the_bundled_world_atlas() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/node_modules/world-atlas/countries-110m.json"
        );
        let Ok(text) = std::fs::read_to_string(path) else {
            // node_modules is installed by scripts/setup; the build needs it too.
            panic!("{path} is missing: run npm ci");
        };
        let shapes = decode(&text, "countries").expect("world-atlas decodes");
        assert_eq!(shapes.len(), 177);
        for shape in &shapes {
            for polygon in &shape.polygons {
                for ring in polygon {
                    assert!(ring.len() >= 4, "{:?}: ring of {}", shape.id, ring.len());
                    assert_eq!(ring.first(), ring.last(), "{:?}: ring not closed", shape.id);
                    for pair in ring.windows(2) {
                        let (a, b) = (pair[0], pair[1]);
                        assert!((-90.0..=90.0).contains(&a.0) && (-540.0..=540.0).contains(&a.1));
                        let along_a_pole = a.0.abs() == 90.0 && b.0 == a.0;
                        assert!(
                            along_a_pole || (a.1 - b.1).abs() <= 180.0,
                            "{:?}: jump {a:?} → {b:?}",
                            shape.id
                        );
                    }
                }
            }
        }
        // Canada reaches the Arctic; every numeric id is in the countries table.
        let canada = shapes
            .iter()
            .find(|s| s.numeric() == Some(124))
            .expect("Canada");
        let bbox = canada
            .polygons
            .iter()
            .flatten()
            .flatten()
            .fold((90.0f64, -90.0f64), |(lo, hi), &(lat, _)| {
                (lo.min(lat), hi.max(lat))
            });
        assert!(bbox.0 > 40.0 && bbox.1 > 80.0, "Canada spans {bbox:?}");
        for shape in shapes.iter().filter_map(Shape::numeric) {
            assert!(
                crate::countries::all().iter().any(|c| c.numeric == shape),
                "numeric {shape} is not in the countries table"
            );
        }
    }
}
