//! Imports point one way, down: `app` → the capabilities → `data` → `ui` →
//! the pure core. This test reads every file under `src/` and fails on a
//! `crate::` path to a layer above the file's own, or to another capability's
//! view. Where a page needs another capability's view (a record page's
//! locator map, the preview's rendering of a draft), the app passes it in.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// The layer of a top-level module: higher numbers may import lower ones.
fn rank(module: &str) -> Option<u8> {
    Some(match module {
        "model" | "import" | "countries" | "i18n" | "sort" | "route" | "draft" | "share"
        | "geo" => 1,
        "ui" => 2,
        "data" => 3,
        "map" | "timeline" | "story" | "gallery" | "embed" | "preview" | "pages" | "search"
        | "charts" => 4,
        "app" | "publish" => 5,
        _ => return None,
    })
}

/// Modules of a capability that hold views (other capabilities may use its
/// pure modules, never these).
const VIEW_MODULES: [&str; 2] = ["view", "locator_view"];

fn rust_files(dir: &Path, out: &mut Vec<String>) {
    for entry in fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// Every `crate::a::b` path in the text, as (a, b).
fn crate_paths(text: &str) -> Vec<(&str, &str)> {
    let ident = |s: &str| {
        s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(s.len())
    };
    let mut out = Vec::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        let first = &rest[..ident(rest)];
        let sub = rest[first.len()..]
            .strip_prefix("::")
            .map_or("", |r| &r[..ident(r)]);
        out.push((first, sub));
    }
    out
}

#[test]
fn imports_point_down() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut found = BTreeSet::new();
    for file in &files {
        let relative = file
            .strip_prefix(&format!("{}/", root.to_string_lossy().replace('\\', "/")))
            .unwrap_or(file)
            .to_owned();
        let own = relative
            .trim_start_matches("src/")
            .split(['/', '.'])
            .next()
            .unwrap_or_default();
        let Some(own_rank) = rank(own) else { continue };
        let text = fs::read_to_string(file).expect("readable");
        for (module, sub) in crate_paths(&text) {
            let Some(their_rank) = rank(module) else {
                continue;
            };
            if module == own {
                continue;
            }
            let above = their_rank > own_rank;
            let other_view = their_rank == 4 && own_rank == 4 && VIEW_MODULES.contains(&sub);
            if above || other_view {
                found.insert((relative.clone(), format!("crate::{module}::{sub}")));
            }
        }
    }
    assert!(
        found.is_empty(),
        "imports of a layer above, or of another capability's view: {found:#?}"
    );
    // The scan saw the layers it checks (a moved `src/` would pass unseen).
    for layer in ["app", "ui", "data", "map", "route.rs"] {
        assert!(
            files.iter().any(|f| f.contains(&format!("/src/{layer}"))),
            "no file of {layer} read"
        );
    }
}
