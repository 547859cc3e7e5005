//! The fuzz targets (fuzz/src/lib.rs, shared with the coverage-guided fuzzer of
//! `scripts/fuzz`) run natively over their seed corpus, the saved crashes in
//! fuzz/regressions/ and a fixed set of deterministic mutations: no input makes
//! a parser panic. Quick enough for every `cargo test`; the long fuzzing is
//! `scripts/fuzz`.

// Included rather than depended on: the fuzz package needs the afl crate, this
// test only the target bodies, and both must run the very same code.
#[path = "../fuzz/src/lib.rs"]
mod targets;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use targets::{TARGETS, XorShift, mutate, seeds};

/// Mutated inputs per target.
const MUTATIONS: usize = 1_000;
/// Seeds larger than this run as they are, but are not mutated (a mutation of
/// a 60 KB file costs a debug build as much as a hundred small ones).
const MUTATE_BELOW: usize = 6_000;

/// Runs `target` on `input`; on a panic, saves the input under
/// target/fuzz-smoke/ and fails naming it.
fn check(target: &str, what: &str, input: &[u8]) {
    let body = TARGETS.iter().find(|(name, _)| *name == target).unwrap().1;
    if catch_unwind(AssertUnwindSafe(|| body(input))).is_err() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-smoke");
        let _ = std::fs::create_dir_all(&dir);
        let saved = dir.join(format!("{target}-crash"));
        let _ = std::fs::write(&saved, input);
        panic!(
            "fuzz target {target} panicked on {what} (saved as {}; replay with \
             `cargo run --manifest-path fuzz/Cargo.toml --release --bin {target} < file` \
             after `scripts/fuzz` built it, and minimise with `scripts/fuzz --tmin {target} file`)",
            saved.display()
        );
    }
}

fn smoke(target: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = seeds(target, root);
    assert!(!seeds.is_empty(), "{target} has seeds");
    for (name, input) in &seeds {
        check(target, &format!("seed {name}"), input);
    }
    let small: Vec<&Vec<u8>> = seeds
        .iter()
        .map(|(_, input)| input)
        .filter(|input| input.len() < MUTATE_BELOW)
        .collect();
    // One fixed seed per target, so each target's mutations stay the same
    // whatever the others do.
    let mut rng =
        XorShift(0x9E37_79B9_7F4A_7C15 ^ target.len() as u64 ^ (target.as_bytes()[0] as u64) << 32);
    for i in 0..MUTATIONS {
        let input = small[rng.below(small.len())];
        let other = small[rng.below(small.len())];
        let mut mutated = mutate(&mut rng, input, other);
        // Now and then a mutation of a mutation.
        if i % 4 == 0 {
            mutated = mutate(&mut rng, &mutated, other);
        }
        check(target, &format!("mutation {i}"), &mutated);
    }
    eprintln!(
        "{target}: {} seeds and {MUTATIONS} mutations, no panic",
        seeds.len()
    );
}

#[test]
fn fuzz_targets_are_all_smoke_tested() {
    let names: Vec<&str> = TARGETS.iter().map(|(name, _)| *name).collect();
    assert_eq!(
        names,
        [
            "manifest", "document", "peers", "csv", "html", "markdown", "date", "decode", "files"
        ]
    );
    // Every regression folder belongs to a target.
    let regressions = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    for entry in std::fs::read_dir(regressions)
        .into_iter()
        .flatten()
        .flatten()
    {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        assert!(
            name.starts_with('.') || name.ends_with(".md") || names.contains(&&*name),
            "fuzz/regressions/{name} names no target"
        );
    }
    // `run` finds each target by name.
    targets::run("date", b"2012");
}

#[test]
fn manifest() {
    smoke("manifest");
}

#[test]
fn document() {
    smoke("document");
}

#[test]
fn peers() {
    smoke("peers");
}

#[test]
fn csv() {
    smoke("csv");
}

#[test]
fn html() {
    smoke("html");
}

#[test]
fn markdown() {
    smoke("markdown");
}

#[test]
fn date() {
    smoke("date");
}

#[test]
fn decode() {
    smoke("decode");
}

#[test]
fn files() {
    smoke("files");
}
