//! `mapline check <manifest-or-document>...`: validates a dataset on disk (Mapline,
//! or TimelineJS3 and StoryMapJS files, imported first),
//! prints every problem and the summary line; exit 1 on errors, 2 on misuse.
//! `mapline schema` (with `--features schema`) prints the JSON Schema.

use std::fs;
use std::process::ExitCode;

use mapline::import::load_any;
use mapline::model::url::{is_absolute, is_safe_url, resolve};
use mapline::model::{Problem, SourceFile, has_errors};

const USAGE: &str = "usage: mapline check <manifest-or-document>...\n       mapline schema   (built with --features schema)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.split_first() {
        Some((command, paths)) if command == "check" && !paths.is_empty() => check(paths),
        Some((command, rest)) if command == "schema" && rest.is_empty() => schema(),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

#[cfg(feature = "schema")]
fn schema() -> ExitCode {
    print!("{}", mapline::model::schema::schema_json());
    ExitCode::SUCCESS
}

#[cfg(not(feature = "schema"))]
fn schema() -> ExitCode {
    eprintln!("mapline schema needs a build with --features schema");
    ExitCode::from(2)
}

fn check(paths: &[String]) -> ExitCode {
    let mut read_problems = Vec::new();
    let mut files: Vec<SourceFile> = Vec::new();
    for path in paths {
        let Some(text) = read(path, &mut read_problems) else {
            continue;
        };
        let listed = listed_files(path, &text);
        add(&mut files, SourceFile::new(path.clone(), text));
        for (i, name) in listed {
            if is_absolute(&name) {
                read_problems.push(Problem::warning(
                    path,
                    format!("files[{i}]"),
                    format!("{name} is not on disk; not checked"),
                ));
                continue;
            }
            if let Some(text) = read(&name, &mut read_problems) {
                add(&mut files, SourceFile::new(name, text));
            }
        }
    }
    let loaded = load_any(&files);
    for problem in &read_problems {
        println!("{problem}");
    }
    print!("{}", loaded.report());
    if has_errors(&read_problems) || has_errors(&loaded.problems) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The files a manifest names (safe ones only: the loader reports the rest),
/// resolved against the manifest's path.
fn listed_files(manifest_path: &str, text: &str) -> Vec<(usize, String)> {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        return Vec::new();
    };
    let Some(serde_json::Value::Array(files)) = value.get("files") else {
        return Vec::new();
    };
    files
        .iter()
        .enumerate()
        .filter_map(|(i, file)| {
            file.as_str()
                .filter(|f| is_safe_url(f))
                .map(|f| (i, resolve(manifest_path, f)))
        })
        .collect()
}

fn read(path: &str, problems: &mut Vec<Problem>) -> Option<String> {
    match fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(error) => {
            problems.push(Problem::error(path, "", format!("cannot read: {error}")));
            None
        }
    }
}

/// A file named twice (on the command line and in a manifest) is read once.
fn add(files: &mut Vec<SourceFile>, file: SourceFile) {
    if !files.iter().any(|f| f.name == file.name) {
        files.push(file);
    }
}
