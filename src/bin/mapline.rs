//! `mapline check <manifest-or-document>...`: validates a dataset on disk (Mapline,
//! or TimelineJS3 and StoryMapJS files, imported first),
//! prints every problem and the summary line; exit 1 on errors, 2 on misuse.
//! `mapline schema` (with `--features schema`) prints the JSON Schema.

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use mapline::import::load_any;
use mapline::model::url::{is_absolute, is_safe_url, resolve};
use mapline::model::{Problem, SourceFile, decode_text, has_errors};

const USAGE: &str = "usage: mapline check [--] <manifest-or-document>...\n       mapline schema   (built with --features schema)\n       mapline --help";

/// The largest file `check` reads: ten times the largest real dataset file
/// we know of (10,000 TimelineJS3 events, about 6 MB), so that a manifest
/// naming a huge or endless file costs a clear problem, not the machine.
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

fn main() -> ExitCode {
    // Arguments that are not UTF-8 are read lossily: a file name in any
    // encoding is still a name to report, never a panic.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    match args.split_first() {
        Some((flag, _)) if matches!(flag.as_str(), "--help" | "-h" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some((command, paths)) if command == "check" => match file_arguments(paths) {
            Some(paths) => check(paths),
            None if paths.iter().any(|a| a == "--help" || a == "-h") => {
                println!("{USAGE}");
                ExitCode::SUCCESS
            }
            None => usage_error(),
        },
        Some((command, rest)) if command == "schema" && rest.is_empty() => schema(),
        _ => usage_error(),
    }
}

fn usage_error() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

/// The file names of `check`: `--help` or another option is not a file
/// (`--` ends the options, for a file whose name starts with `-`); none at
/// all is a misuse.
fn file_arguments(args: &[String]) -> Option<&[String]> {
    let paths = match args.first().map(String::as_str) {
        Some("--") => &args[1..],
        Some(first) if first.starts_with('-') && first.len() > 1 => return None,
        _ => args,
    };
    (!paths.is_empty()).then_some(paths)
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
    // Each name is read (or refused) once, however often it is named.
    let mut tried = std::collections::HashSet::new();
    let mut read_once = |path: &str, problems: &mut Vec<Problem>| {
        if tried.insert(path.to_owned()) {
            read(path, problems)
        } else {
            None
        }
    };
    for path in paths {
        let Some(text) = read_once(path, &mut read_problems) else {
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
            if same_file(path, &name) {
                read_problems.push(Problem::warning(
                    path,
                    format!("files[{i}]"),
                    "the manifest lists itself; ignored",
                ));
                continue;
            }
            if let Some(text) = read_once(&name, &mut read_problems) {
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

/// True when both names lead to one file on disk.
fn same_file(a: &str, b: &str) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Reads a regular file of at most [`MAX_FILE_BYTES`] as text. A device
/// (`/dev/zero`), a FIFO (which would block), a folder, a file too large or
/// not text is a problem, and the check goes on with the other files.
fn read(path: &str, problems: &mut Vec<Problem>) -> Option<String> {
    let mut fail = |message: String| {
        problems.push(Problem::error(path, "", message));
        None
    };
    let metadata = match fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) => return fail(format!("cannot read: {error}")),
    };
    if !metadata.is_file() {
        let what = if metadata.is_dir() {
            "a folder"
        } else {
            "not a regular file (a device, a pipe or a socket)"
        };
        return fail(format!("cannot read: {what}"));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return fail(too_large(metadata.len()));
    }
    let mut bytes = Vec::new();
    // The cap holds even when the size on disk changes while we read.
    let read = fs::File::open(Path::new(path))
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
    if let Err(error) = read {
        return fail(format!("cannot read: {error}"));
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return fail(too_large(bytes.len() as u64));
    }
    let (text, problem) = decode_text(path, &bytes);
    let unreadable = problem.as_ref().is_some_and(|p| p.is_error()) && text.is_empty();
    problems.extend(problem);
    (!unreadable).then_some(text)
}

fn too_large(bytes: u64) -> String {
    format!(
        "cannot read: {} MB, more than the {} MB a data file may have",
        bytes.div_ceil(1024 * 1024),
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

/// A file named twice (on the command line and in a manifest) is read once.
fn add(files: &mut Vec<SourceFile>, file: SourceFile) {
    if !files.iter().any(|f| f.name == file.name) {
        files.push(file);
    }
}
