//! The bundled sample data (`public/data`), loaded as the app loads it: for
//! native tests that check views and pages against real records.

use super::{Dataset, SourceFile, has_errors, load_dataset, manifest_file_names, parse_manifest};

/// The sample dataset; a test fails here if it does not load cleanly.
pub fn dataset() -> Dataset {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/public/");
    let read = |name: &str| std::fs::read_to_string(format!("{root}{name}")).unwrap_or_default();
    let manifest = read("data/manifest.json");
    let parsed =
        parse_manifest("data/manifest.json", &manifest).unwrap_or_else(|p| panic!("{p:?}"));
    let mut files = vec![SourceFile::new("data/manifest.json", manifest.clone())];
    for name in manifest_file_names("data/manifest.json", &parsed) {
        let text = read(&name);
        files.push(SourceFile::new(name, text));
    }
    let loaded = load_dataset(&files);
    assert!(!has_errors(&loaded.problems), "{}", loaded.report());
    loaded.dataset
}
