//! The fuzz targets of Mapline's parsers, in one place for both runners:
//!
//! - the coverage-guided fuzzer (`scripts/fuzz`, cargo-afl): `fuzz/src/bin/<target>.rs`
//!   hands each input to [`run`];
//! - the native smoke test (`tests/fuzz_smoke.rs`, run by `cargo test`), which
//!   includes this file with `#[path]` and runs every target over the seed
//!   corpus, the saved regressions and a few thousand deterministic mutations.
//!
//! Each target asserts only that nothing panics, plus a few cheap invariants
//! that must always hold. Seeds are read from the repository's fixtures and
//! sample data at run time ([`seeds`]), plus the small ones in `fuzz/seeds/`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use mapline::import::{self, html};
use mapline::model::{self, Date, Problem, SourceFile, markdown};

/// A target's body: one input in, a panic if something is wrong.
pub type Target = fn(&[u8]);

/// The targets, by name (the name of the fuzz binary and of the corpus and
/// regression folders).
pub const TARGETS: &[(&str, Target)] = &[
    ("manifest", manifest),
    ("document", document),
    ("peers", peers),
    ("csv", csv),
    ("html", html),
    ("markdown", markdown),
    ("date", date),
    ("decode", decode),
    ("files", files),
];

/// Runs the target named `target` on one input.
pub fn run(target: &str, data: &[u8]) {
    let (_, body) = TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .unwrap_or_else(|| panic!("no fuzz target {target:?}"));
    body(data);
}

/// The fuzzer's bytes as text, as the readers of data files see them.
fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// `model::parse_manifest`.
pub fn manifest(data: &[u8]) {
    let text = text(data);
    if let Err(problems) = model::parse_manifest("data/manifest.json", &text) {
        assert!(!problems.is_empty(), "a refused manifest says why");
        for problem in &problems {
            assert!(problem.is_error(), "{problem}");
            assert_eq!(problem.file, "data/manifest.json");
            check_position(problem);
        }
    }
    // The loader's other door for a manifest.
    model::is_manifest(&text);
}

/// A Mapline document through `model::load_dataset` and `import::load_any`.
pub fn document(data: &[u8]) {
    let files = [SourceFile::new("data/cases.json", text(data))];
    let loaded = model::load_dataset(&files);
    check_problems(&loaded.problems, &files);
    loaded.report();
    let loaded = import::load_any(&files);
    check_problems(&loaded.problems, &files);
}

/// TimelineJS3 and StoryMapJS files: `import::detect`, `import::import_file`
/// and `import::load_any` under a `.json` name.
pub fn peers(data: &[u8]) {
    let file = SourceFile::new("https://example.org/peer.json", text(data));
    import::detect(&file.text);
    if let Some((_, problems)) = import::import_file(&file) {
        for problem in &problems {
            assert_eq!(problem.file, file.name, "{problem}");
        }
    }
    let files = [file];
    let loaded = import::load_any(&files);
    check_problems(&loaded.problems, &files);
    loaded.report();
}

/// Spreadsheet CSV (the three templates of public/templates/) through
/// `import::load_any` under a `.csv` name.
pub fn csv(data: &[u8]) {
    let files = [SourceFile::new("sheets/outcomes.csv", text(data))];
    let loaded = import::load_any(&files);
    check_problems(&loaded.problems, &files);
    loaded.report();
}

/// The HTML sanitiser (`import::html`): Markdown, plain text and linked URLs.
pub fn html(data: &[u8]) {
    let html = text(data);
    let markdown = html::to_markdown(&html);
    html::to_markdown_with(&html, true);
    html::to_plain_text(&html);
    for url in html::linked_urls(&html) {
        assert!(
            (url.starts_with("https://") || url.starts_with("http://"))
                && model::url::is_safe_url(&url),
            "linked_urls gave {url:?}"
        );
    }
    // What the sanitiser writes is read by the Markdown parser.
    model::markdown::parse(&markdown);
}

/// The Markdown subset of long texts (`model::markdown`).
pub fn markdown(data: &[u8]) {
    let text = text(data);
    let blocks = markdown::parse(&text);
    markdown::plain_text(&blocks);
    markdown::unsafe_links(&text);
}

/// EDTF dates (`model::Date::parse`) and what the views ask of a parsed date.
pub fn date(data: &[u8]) {
    let text = text(data);
    if let Ok(date) = Date::parse(&text) {
        assert!(!date.label().is_empty(), "{text:?} has an empty label");
        assert!(
            !date.start_days().is_nan() && !date.end_days().is_nan(),
            "{text:?}"
        );
        date.precision();
        date.is_reversed();
        date.is_uncertain();
        date.is_approximate();
    }
}

/// Bytes → text (`model::decode_text`).
pub fn decode(data: &[u8]) {
    let (text, problem) = model::decode_text("data/x.json", data);
    if let Some(problem) = &problem {
        assert_eq!(problem.file, "data/x.json");
        check_position(problem);
    }
    if let Ok(utf8) = std::str::from_utf8(data)
        && !utf8.starts_with('\u{FEFF}')
        && !utf8.contains('\0')
    {
        assert_eq!(text, utf8, "valid UTF-8 is read as it is");
        assert!(problem.is_none(), "valid UTF-8 has no problem");
    }
    if let Some(Ok(utf8)) = data.strip_prefix(b"\xEF\xBB\xBF").map(std::str::from_utf8) {
        assert_eq!(text, utf8, "the byte order mark is dropped, the rest kept");
        assert!(problem.is_none(), "valid UTF-8 after a mark has no problem");
    }
}

/// Several files with any names through `import::load_any`: the input is
/// split at 0xFF bytes (never in UTF-8 text) into files, each a name, a
/// newline, then the text. Names in any script, without an extension, ending
/// inside or after multi-byte characters, with `?` and `#`, a manifest with
/// the documents it names.
pub fn files(data: &[u8]) {
    let files: Vec<SourceFile> = data
        .split(|&b| b == 0xFF)
        .take(8)
        .map(|chunk| {
            let (name, text) = match chunk.iter().position(|&b| b == b'\n') {
                Some(at) => (&chunk[..at], &chunk[at + 1..]),
                None => (chunk, &[][..]),
            };
            SourceFile::new(String::from_utf8_lossy(name), String::from_utf8_lossy(text))
        })
        .collect();
    for file in &files {
        import::is_csv(&file.name);
    }
    let loaded = import::load_any(&files);
    check_problems(&loaded.problems, &files);
    loaded.report();
    if let [file] = files.as_slice() {
        import::import_file(file);
    }
}

/// Invariants of a load's problems: each names a file (when every file given
/// has a name) and has a 1-based line whenever it has a column.
fn check_problems(problems: &[Problem], files: &[SourceFile]) {
    let named = files.iter().all(|f| !f.name.is_empty());
    for problem in problems {
        if named {
            assert!(
                !problem.file.is_empty(),
                "a problem with no file: {problem:?}"
            );
        }
        check_position(problem);
    }
}

fn check_position(problem: &Problem) {
    assert_eq!(
        problem.line.is_some(),
        problem.column.is_some(),
        "a line without a column or the other way: {problem:?}"
    );
    assert_ne!(problem.line, Some(0), "lines count from 1: {problem:?}");
}

// ---------------------------------------------------------------------------
// Seeds

/// The seed inputs of `target`, named (for corpus file names), from the
/// repository at `root`: its fixtures and sample data, the peers' example
/// files in `../shared/fixtures/anchors` (or `$MAPLINE_ANCHORS`) when present,
/// the small seeds in `fuzz/seeds/<target>/`, and the saved crashes in
/// `fuzz/regressions/<target>/`.
pub fn seeds(target: &str, root: &Path) -> Vec<(String, Vec<u8>)> {
    let json = json_files(root);
    let csv = files_in(&[root.join("public/templates")], "csv");
    let mut seeds: Vec<(String, Vec<u8>)> = Vec::new();
    let whole = |files: &[PathBuf]| -> Vec<(String, Vec<u8>)> {
        files
            .iter()
            .filter_map(|path| Some((seed_name(root, path), std::fs::read(path).ok()?)))
            .collect()
    };
    match target {
        "manifest" | "document" | "peers" => seeds.extend(whole(&json)),
        "csv" => seeds.extend(whole(&csv)),
        "decode" => {
            for (name, bytes) in whole(&json).into_iter().chain(whole(&csv)) {
                if bytes.len() <= 4096 {
                    let text = String::from_utf8_lossy(&bytes);
                    let mut bom = b"\xEF\xBB\xBF".to_vec();
                    bom.extend_from_slice(&bytes);
                    let mut le = vec![0xFF, 0xFE];
                    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
                    let mut be = vec![0xFE, 0xFF];
                    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
                    seeds.push((format!("{name}.bom"), bom));
                    seeds.push((format!("{name}.utf16le"), le));
                    seeds.push((format!("{name}.utf16be"), be));
                }
                seeds.push((name, bytes));
            }
        }
        "html" | "markdown" | "date" => {
            let mut strings = BTreeSet::new();
            for path in &json {
                if let Some(value) = std::fs::read_to_string(path)
                    .ok()
                    .and_then(|text| serde_json::from_str(&text).ok())
                {
                    collect_strings(&value, &mut strings);
                }
            }
            let keep = |s: &String| match target {
                "date" => s.len() <= 40 && s.bytes().any(|b| b.is_ascii_digit()),
                "html" => s.contains('<') || s.contains('&'),
                _ => s.len() >= 40,
            };
            seeds.extend(
                strings
                    .into_iter()
                    .filter(keep)
                    .enumerate()
                    .map(|(i, s)| (format!("string-{i}"), s.into_bytes())),
            );
        }
        "files" => {
            for (name, bytes) in whole(&json).into_iter().chain(whole(&csv)) {
                let mut input = name.clone().into_bytes();
                input.push(b'\n');
                input.extend_from_slice(&bytes);
                seeds.push((name, input));
            }
            // Each manifest with the files it names, as the CLI and the site load them.
            for manifest in json.iter().filter(|p| p.ends_with("manifest.json")) {
                let Some(dir) = manifest.parent() else {
                    continue;
                };
                let mut input = b"manifest.json\n".to_vec();
                input.extend(std::fs::read(manifest).unwrap_or_default());
                for path in files_in(&[dir.to_path_buf()], "json") {
                    if path != *manifest {
                        let name = path.strip_prefix(dir).unwrap_or(&path);
                        input.push(0xFF);
                        input.extend_from_slice(name.to_string_lossy().as_bytes());
                        input.push(b'\n');
                        input.extend(std::fs::read(&path).unwrap_or_default());
                    }
                }
                seeds.push((format!("{}+files", seed_name(root, manifest)), input));
            }
        }
        _ => panic!("no fuzz target {target:?}"),
    }
    let fuzz = root.join("fuzz");
    for dir in ["seeds", "regressions"] {
        let files = files_in(&[fuzz.join(dir).join(target)], "");
        seeds.extend(whole(&files));
    }
    seeds
}

/// Every JSON file of the fixtures, the sample data and the peers' examples.
fn json_files(root: &Path) -> Vec<PathBuf> {
    let anchors = std::env::var_os("MAPLINE_ANCHORS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/fixtures/anchors"));
    files_in(
        &[
            root.join("tests/fixtures"),
            root.join("public/data"),
            anchors,
        ],
        "json",
    )
}

/// Files under `dirs` (recursively) whose name ends with `extension`, sorted.
fn files_in(dirs: &[PathBuf], extension: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack: Vec<PathBuf> = dirs.to_vec();
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(extension) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn seed_name(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path).to_string_lossy();
    relative.trim_start_matches("../").replace('/', "_")
}

fn collect_strings(value: &serde_json::Value, out: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::String(s) => {
            out.insert(s.clone());
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}

// ---------------------------------------------------------------------------
// Deterministic mutations, for the smoke test (the coverage-guided fuzzer has its own)

/// xorshift64: a tiny PRNG with a fixed seed, so every run tries the same inputs.
pub struct XorShift(pub u64);

impl XorShift {
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
}

/// Text that breaks parsers: multi-byte and unusual characters, syntax of each format.
const INSERTS: &[&str] = &[
    "é",
    "日本",
    "\u{1F5FA}\u{FE0F}",
    "\u{202E}",
    "\u{FEFF}",
    "\u{FFFD}",
    "\u{0301}",
    "\0",
    "\r\n",
    "\"",
    "\\",
    "\\u00e9",
    "\\ud800",
    ",",
    "\n",
    "\"\"",
    "{}",
    "[]",
    "null",
    "-1",
    "1e999",
    "18446744073709551616",
    "<",
    ">",
    "&amp;",
    "&#x1F5FA;",
    "&#99999999;",
    "<p>",
    "</p>",
    "<script>",
    "<a href=\"javascript:x\">",
    "<br/>",
    "**",
    "*",
    "_",
    "[x](",
    "](",
    "- ",
    "1. ",
    "?",
    "~",
    "%",
    "/",
    "..",
    "-",
    "T",
    ":",
    "Z",
    "+05:30",
    "Y",
    "2012-11-02",
    "-99999",
    "999999999999",
    ".csv",
    ".json",
    "?x#y",
    "#",
];

/// One mutation of `input`: byte flips, insertions of bytes or text, deletions,
/// duplications, truncations, a splice with `other`, or deep nesting.
pub fn mutate(rng: &mut XorShift, input: &[u8], other: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(9) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 => out.insert(at, rng.next_u64() as u8),
            2 => {
                let s = INSERTS[rng.below(INSERTS.len())];
                out.splice(at..at, s.bytes());
            }
            3 => {
                let end = (at + 1 + rng.below(16)).min(out.len());
                out.drain(at.min(end)..end);
            }
            4 => {
                let end = (at + 1 + rng.below(64)).min(out.len());
                let piece = out[at.min(end)..end].to_vec();
                out.splice(at..at, piece);
            }
            5 => out.truncate(at),
            6 => {
                let from = rng.below(other.len() + 1);
                let end = (from + rng.below(256)).min(other.len());
                out.splice(at..at, other[from..end].iter().copied());
            }
            7 => {
                let (open, close) =
                    [("[", "]"), ("{\"a\":", "}"), ("<b>", "</b>"), ("*", "*")][rng.below(4)];
                let depth = 1 + rng.below(2000);
                let mut nested = open.repeat(depth);
                nested.push_str(&close.repeat(rng.below(depth + 1)));
                out.splice(at..at, nested.bytes());
            }
            _ => {
                // Replace a byte with an interesting one.
                if !out.is_empty() {
                    let i = rng.below(out.len());
                    out[i] =
                        [0, 0x7F, 0x80, 0xC3, 0xE2, 0xF0, 0xFF, b'"', b'\\', b'\n'][rng.below(10)];
                }
            }
        }
    }
    out
}
