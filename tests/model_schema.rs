//! The checked-in schema is the one the types generate
//! (`cargo run --features schema --bin mapline -- schema > docs/mapline.schema.json`).
#![cfg(feature = "schema")]

#[test]
fn checked_in_schema_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/mapline.schema.json");
    let checked_in = std::fs::read_to_string(path).unwrap_or_default();
    let generated = mapline::model::schema::schema_json();
    assert!(generated.contains("\"Manifest\"") && generated.contains("\"Document\""));
    assert!(
        checked_in == generated,
        "docs/mapline.schema.json is stale: regenerate it with `cargo run --features schema --bin mapline -- schema > docs/mapline.schema.json`"
    );
}
