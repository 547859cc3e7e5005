//! Native timing of parse + validate (`model::load_dataset`) for the benchmark
//! (`./scripts/bench`, which writes a 10,000-case dataset and runs this on it):
//!
//!     cargo run --release --example parse_bench -- <manifest.json> [runs]
//!
//! Reads the manifest and the files it names once, then times `load_dataset` on
//! them `runs` times (default 7) and prints one JSON line: the median and each
//! run in milliseconds, and what was loaded. Asserts nothing about time.

use std::time::Instant;

use mapline::model::{self, SourceFile};

fn main() {
    if let Err(message) = run() {
        eprintln!("parse_bench: {message}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let manifest_path = args
        .next()
        .ok_or("usage: parse_bench <manifest.json> [runs]")?;
    let runs: usize = match args.next() {
        Some(n) => n
            .parse()
            .map_err(|_| format!("not a number of runs: {n}"))?,
        None => 7,
    };
    let read = |path: &str| std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"));
    let manifest_text = read(&manifest_path)?;
    let manifest = model::parse_manifest(&manifest_path, &manifest_text).map_err(|problems| {
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    let mut sources = vec![SourceFile::new(manifest_path.clone(), manifest_text)];
    for name in model::manifest_file_names(&manifest_path, &manifest) {
        let text = read(&name)?;
        sources.push(SourceFile::new(name, text));
    }

    let mut times = Vec::with_capacity(runs);
    let mut stats = None;
    let mut problems = 0;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let loaded = model::load_dataset(&sources);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        problems = loaded.problems.len();
        stats = Some(loaded.dataset.stats());
    }
    let mut sorted = times.clone();
    sorted.sort_by(f64::total_cmp);
    let median = sorted.get(sorted.len() / 2).copied().unwrap_or(f64::NAN);
    let cases = stats.map_or(0, |s| s.cases);
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    let runs_ms: Vec<String> = times.iter().map(|t| format!("{t:.2}")).collect();
    println!(
        "{{\"median_ms\":{median:.2},\"runs_ms\":[{}],\"cases\":{cases},\"problems\":{problems},\"bytes\":{bytes}}}",
        runs_ms.join(",")
    );
    Ok(())
}
