//! The JSON Schema of the format, generated from the types (feature `schema`);
//! checked in as docs/mapline.schema.json.

use schemars::generate::SchemaSettings;
use serde_json::json;

use super::types::{Document, Manifest};

/// One schema: a file is a manifest or a document; both are in `$defs`.
pub fn schema_json() -> String {
    let mut generator = SchemaSettings::draft2020_12()
        .for_deserialize()
        .into_generator();
    let manifest = generator.subschema_for::<Manifest>();
    let document = generator.subschema_for::<Document>();
    let definitions = generator.take_definitions(true);
    let root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Mapline data format, version 1",
        "description": "A manifest (with `files`) or a document holding collections. See docs/data-format.md; `mapline check` adds the semantic rules (ids, references, ranges, alt text, URL safety).",
        "anyOf": [manifest, document],
        "$defs": definitions,
    });
    let mut text = serde_json::to_string_pretty(&root).unwrap_or_default();
    text.push('\n');
    text
}
