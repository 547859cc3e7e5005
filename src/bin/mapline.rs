//! `mapline check <manifest-or-document>...`: validates a dataset on disk (Mapline,
//! or TimelineJS3 and StoryMapJS files, imported first),
//! prints every problem and the summary line; exit 1 on errors, 2 on misuse.
//! `mapline publish <manifest> <dist> [--base-url URL]` writes the published
//! pages (`mapline::publish`) into a built dist folder, after the same check.
//! `mapline schema` (with `--features schema`) prints the JSON Schema.

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use mapline::import::load_any;
use mapline::model::url::{is_absolute, is_safe_url, resolve};
use mapline::model::{Problem, SourceFile, decode_text, has_errors};

const USAGE: &str = "usage: mapline check [--] <manifest-or-document>...\n       mapline publish <manifest> <dist> [--base-url https://host/path]\n       mapline schema   (built with --features schema)\n       mapline --help";

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
        Some((command, rest)) if command == "publish" => match publish_arguments(rest) {
            Some((manifest, dist, base_url)) => publish(manifest, dist, base_url.as_deref()),
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
    manifest_entries(text)
        .into_iter()
        .map(|(i, name)| (i, resolve(manifest_path, &name)))
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

/// `publish`'s manifest, dist folder and base URL (http(s) only).
fn publish_arguments(args: &[String]) -> Option<(&str, &str, Option<String>)> {
    let mut positional = Vec::new();
    let mut base_url = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--base-url" => base_url = Some(rest.next()?.clone()),
            other if other.starts_with("--base-url=") => {
                base_url = Some(other["--base-url=".len()..].to_owned());
            }
            other if other.starts_with('-') && other.len() > 1 => return None,
            other => positional.push(other),
        }
    }
    // An empty value (an unset variable in a script) means none.
    let base_url = base_url.filter(|b| !b.is_empty());
    if let Some(base) = &base_url
        && !(base.starts_with("https://") || base.starts_with("http://"))
    {
        eprintln!("mapline publish: --base-url must be an absolute http(s) address, got {base}");
        return None;
    }
    match positional.as_slice() {
        [manifest, dist] => Some((manifest, dist, base_url)),
        _ => None,
    }
}

/// Where the app finds the bundled manifest, below its public URL
/// (`data::DEFAULT_MANIFEST`): the published pages resolve the data's
/// relative URLs (images) against it, as the app does.
const SITE_MANIFEST: &str = "data/manifest.json";

/// The section folders whose pages `publish` writes (and removes when their
/// record is gone).
const SECTIONS: [&str; 5] = ["cases", "members", "campaigns", "stories", "galleries"];

/// The mark of a published page (publish::head), told apart from the app's shell.
const GENERATOR: &str = "<meta name=\"generator\" content=\"mapline publish\">";

fn publish(manifest: &str, dist: &str, base_url: Option<&str>) -> ExitCode {
    // 1. The check, with the files named as on disk (file:line:col).
    let mut problems = Vec::new();
    let Some(text) = read(manifest, &mut problems) else {
        for problem in &problems {
            println!("{problem}");
        }
        return ExitCode::FAILURE;
    };
    // Files on other hosts are not published from (the check notes them).
    let raw_names: Vec<String> = manifest_entries(&text)
        .into_iter()
        .map(|(_, name)| name)
        .filter(|name| !is_absolute(name))
        .collect();
    let mut on_disk = vec![SourceFile::new(manifest, text.clone())];
    let mut on_site = vec![SourceFile::new(SITE_MANIFEST, text)];
    for name in raw_names {
        let disk = resolve(manifest, &name);
        if let Some(text) = read(&disk, &mut problems) {
            on_disk.push(SourceFile::new(disk, text.clone()));
            on_site.push(SourceFile::new(resolve(SITE_MANIFEST, &name), text));
        }
    }
    let checked = load_any(&on_disk);
    for problem in &problems {
        println!("{problem}");
    }
    print!("{}", checked.report());
    if has_errors(&problems) || has_errors(&checked.problems) {
        eprintln!("mapline publish: the data has errors (above); no page written");
        return ExitCode::FAILURE;
    }
    // 2. The pages, from the data named as the app names it.
    let loaded = load_any(&on_site);
    let dist_path = Path::new(dist);
    // The app's shell: 404.html is Trunk's index.html unchanged (scripts/csp.mjs),
    // while index.html may be the home page of an earlier publish.
    let shell_path = [dist_path.join("404.html"), dist_path.join("index.html")]
        .into_iter()
        .find(|p| p.is_file());
    let Some(shell_path) = shell_path else {
        eprintln!("mapline publish: no 404.html or index.html in {dist}: build the app first");
        return ExitCode::FAILURE;
    };
    let shell = match fs::read_to_string(&shell_path) {
        Ok(shell) => shell,
        Err(error) => {
            eprintln!(
                "mapline publish: cannot read {}: {error}",
                shell_path.display()
            );
            return ExitCode::FAILURE;
        }
    };
    // The atlas the app draws its locator maps from, so a published page
    // shows them without the app. Without it the frames stay empty until
    // the app draws them: said, not fatal.
    let atlas = dist_path.join("countries-110m.json");
    let world = match fs::read_to_string(&atlas)
        .map_err(|error| error.to_string())
        .and_then(|text| mapline::geo::topojson::decode(&text, "countries"))
    {
        Ok(world) => world,
        Err(error) => {
            eprintln!(
                "mapline publish: {}: {error}; the pages' locator maps are left to the app",
                atlas.display()
            );
            Vec::new()
        }
    };
    let site = match mapline::publish::publish(&shell, &loaded.dataset, base_url, &world) {
        Ok(site) => site,
        Err(error) => {
            eprintln!("mapline publish: {}: {error}", shell_path.display());
            return ExitCode::FAILURE;
        }
    };
    let written: std::collections::HashSet<std::path::PathBuf> = site
        .files
        .iter()
        .map(|(path, _)| dist_path.join(path))
        .collect();
    remove_stale_pages(dist_path, &written);
    let _ = fs::remove_dir_all(dist_path.join("cards"));
    for (path, text) in &site.files {
        let target = dist_path.join(path);
        let written = target
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| fs::write(&target, text));
        if let Err(error) = written {
            eprintln!(
                "mapline publish: cannot write {}: {error}",
                target.display()
            );
            return ExitCode::FAILURE;
        }
        // A compressed copy of the page before is stale now.
        for ext in ["gz", "br"] {
            let _ = fs::remove_file(format!("{}.{ext}", target.display()));
        }
    }
    for note in &site.skipped {
        eprintln!("mapline publish: {note}");
    }
    let cards = site
        .files
        .iter()
        .filter(|(p, _)| p.starts_with("cards/"))
        .count();
    println!(
        "published {} pages and {cards} share cards into {dist}",
        site.pages
    );
    if base_url.is_none() {
        println!(
            "no --base-url: pages have no canonical, hreflang or og:url, share images are paths, and no sitemap.xml is written"
        );
    }
    ExitCode::SUCCESS
}

/// The safe `files` of a manifest, as written, with their index.
fn manifest_entries(text: &str) -> Vec<(usize, String)> {
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
                .map(|f| (i, f.to_owned()))
        })
        .collect()
}

/// Removes the pages an earlier publish wrote for records that are gone
/// (only files it marked as its own).
fn remove_stale_pages(dist: &Path, keep: &std::collections::HashSet<std::path::PathBuf>) {
    for section in SECTIONS {
        let Ok(entries) = fs::read_dir(dist.join(section)) else {
            continue;
        };
        for entry in entries.flatten() {
            let page = entry.path().join("index.html");
            if keep.contains(&page) {
                continue;
            }
            let ours = fs::read_to_string(&page).is_ok_and(|text| text.contains(GENERATOR));
            if ours {
                for file in [
                    page.clone(),
                    page.with_extension("html.gz"),
                    page.with_extension("html.br"),
                ] {
                    let _ = fs::remove_file(file);
                }
                let _ = fs::remove_dir(entry.path());
            }
        }
    }
}
