//! The `mapline check` command end to end: real files, real exit codes.

use std::process::{Command, Output};

fn check(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mapline"))
        .arg("check")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the mapline binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn the_sample_dataset_passes_with_its_summary_line() {
    let output = check(&["public/data/manifest.json"]);
    let out = stdout(&output);
    assert!(
        output.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let summary = out.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with("104 members in ")
            && summary.contains(" countries, ")
            && summary.contains(" stories, "),
        "summary line: {summary}"
    );
}

#[test]
fn an_unknown_country_is_reported_with_file_position_and_path() {
    let output = check(&["tests/fixtures/partly-broken/manifest.json"]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    let line = out
        .lines()
        .find(|l| l.contains("unknown country"))
        .unwrap_or_else(|| panic!("no unknown-country problem in:\n{out}"));
    assert!(
        line.starts_with("tests/fixtures/partly-broken/members.json:13:18: members[1].country: "),
        "{line}"
    );
    assert!(
        out.contains("members[2].name"),
        "the wrongly typed record is named:\n{out}"
    );
}

#[test]
fn a_truncated_file_is_reported_at_its_line_and_column() {
    let output = check(&["tests/fixtures/truncated.json"]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(
        out.starts_with("tests/fixtures/truncated.json:13:13: "),
        "{out}"
    );
}

#[test]
fn misuse_exits_with_2() {
    let output = Command::new(env!("CARGO_BIN_EXE_mapline"))
        .arg("frobnicate")
        .output()
        .expect("the mapline binary runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("usage: mapline check"));
}

/// A fresh folder for one test's files.
fn scratch(test: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("mapline-cli-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

fn check_in(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mapline"))
        .arg("check")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the mapline binary runs")
}

#[test]
fn file_names_in_any_script_are_reported_never_a_panic() {
    let dir = scratch("names");
    let timeline = r#"{"events": [{"start_date": {"year": "2012"}, "text": {"headline": "H"}}]}"#;
    for name in [
        "café.js",
        "été",
        "notes-ü",
        "emoji-🗺️",
        "خريطة.json",
        "cut-é",
    ] {
        std::fs::write(dir.join(name), timeline).expect("write");
        let output = check_in(&dir, &[name]);
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert_eq!(
            output.status.code(),
            Some(0),
            "{name}: {}{err}",
            stdout(&output)
        );
        assert!(stdout(&output).contains("1 timelines") || stdout(&output).contains("0 members"));
    }
}

#[test]
fn devices_pipes_and_folders_are_refused_and_the_rest_is_checked() {
    let dir = scratch("devices");
    let made = Command::new("mkfifo").arg(dir.join("fifo")).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    std::fs::create_dir(dir.join("folder")).expect("mkdir");
    std::fs::write(
        dir.join("manifest.json"),
        r#"{"format": "mapline/1", "files": ["manifest.json", "/dev/zero", "fifo", "folder", "ok.json"]}"#,
    )
    .expect("write");
    std::fs::write(
        dir.join("ok.json"),
        r#"{"format": "mapline/1", "members": [{"id": "m", "name": "M", "country": "KZ", "region": "europe-central-asia"}]}"#,
    )
    .expect("write");
    let output = check_in(&dir, &["manifest.json", "/dev/zero"]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(
        out.contains("manifest.json: files[0]: warning: the manifest lists itself"),
        "{out}"
    );
    assert!(
        out.contains("/dev/zero: cannot read: not a regular file"),
        "{out}"
    );
    assert!(
        out.contains("fifo: cannot read: not a regular file"),
        "{out}"
    );
    assert!(out.contains("folder: cannot read: a folder"), "{out}");
    assert!(
        out.ends_with("1 member in 1 country, 0 cases, 0 campaigns, 0 stories, 0 galleries\n"),
        "{out}"
    );
}

#[test]
fn bytes_that_are_not_utf8_are_located_and_the_rest_loads() {
    let dir = scratch("bytes");
    let member = |id: &str, name: &str| {
        format!(
            r#"{{"id": "{id}", "name": "{name}", "country": "KZ", "region": "europe-central-asia"}}"#
        )
    };
    let mut bytes = format!(
        "{{\"format\": \"mapline/1\", \"members\": [\n{},\n",
        member("a", "A")
    )
    .into_bytes();
    bytes.extend(br#"{"id": "b", "name": "Caf"#);
    bytes.push(0xC3);
    bytes.extend(br#"", "country": "KZ", "region": "europe-central-asia"},"#);
    bytes.extend(format!("\n{}]}}", member("c", "C")).into_bytes());
    // The middle record's name keeps its replacement character; all three load.
    std::fs::write(dir.join("broken.json"), &bytes).expect("write");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(
        format!(
            r#"{{"format": "mapline/1", "members": [{}]}}"#,
            member("d", "D")
        )
        .bytes(),
    );
    std::fs::write(dir.join("bom.json"), bom).expect("write");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(r#"{"format": "mapline/1"}"#.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(dir.join("utf16.json"), utf16).expect("write");
    std::fs::write(dir.join("binary.json"), b"\x00\x01\x02").expect("write");
    std::fs::write(dir.join("empty.json"), b"").expect("write");

    let output = check_in(
        &dir,
        &[
            "broken.json",
            "bom.json",
            "utf16.json",
            "binary.json",
            "empty.json",
        ],
    );
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(
        out.contains("broken.json:3:25: invalid UTF-8 (byte 0xC3)"),
        "{out}"
    );
    assert!(
        !out.contains("bom.json:"),
        "a byte order mark is fine:\n{out}"
    );
    assert!(
        out.contains("utf16.json: warning: UTF-16 text read"),
        "{out}"
    );
    assert!(
        out.contains("binary.json: not UTF-8 text: a NUL byte at byte 0"),
        "{out}"
    );
    assert!(out.contains("empty.json:1:1: the file is empty"), "{out}");
    assert!(
        out.ends_with("4 members in 1 country, 0 cases, 0 campaigns, 0 stories, 0 galleries\n"),
        "{out}"
    );
}

#[test]
fn help_is_not_a_file_name() {
    for args in [&["--help"][..], &["check", "--help"][..], &["-h"][..]] {
        let output = Command::new(env!("CARGO_BIN_EXE_mapline"))
            .args(args)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert!(
            stdout(&output).starts_with("usage: mapline check"),
            "{args:?}"
        );
    }
    let output = check(&["--strict", "public/data/manifest.json"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_manifest_of_peer_files_combines_without_id_errors() {
    let output = check(&["tests/fixtures/mixed/manifest.json"]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{out}");
    assert!(!out.contains("duplicate"), "{out}");
    assert!(out.ends_with("2 timelines\n"), "{out}");
}

fn publish(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mapline"))
        .arg("publish")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the mapline binary runs")
}

const SHELL: &str = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Mapline</title><base href=\"/\"></head><body><div id=\"app\" data-state=\"loading\" aria-busy=\"true\"><p>Loading</p></div></body></html>";

#[test]
fn publish_writes_every_page_and_again_after_a_record_is_gone() {
    let dist = scratch("publish");
    std::fs::write(dist.join("404.html"), SHELL).expect("shell written");
    let dist_name = dist.to_string_lossy().into_owned();
    let output = publish(&[
        "public/data/manifest.json",
        &dist_name,
        "--base-url",
        "https://example.org/m",
    ]);
    let out = stdout(&output);
    assert!(
        output.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(out.contains("published 132 pages"), "{out}");
    let case =
        std::fs::read_to_string(dist.join("cases/iryna-khalip/index.html")).unwrap_or_default();
    assert!(
        case.contains("<link rel=\"canonical\" href=\"https://example.org/m/cases/iryna-khalip\">")
    );
    assert!(
        std::fs::read_to_string(dist.join("sitemap.xml"))
            .unwrap_or_default()
            .contains("/members/gh-kestrel</loc>")
    );
    // A page of a record no longer in the data goes on the next publish;
    // a file publish did not write stays.
    std::fs::create_dir_all(dist.join("cases/gone")).expect("folder made");
    std::fs::write(dist.join("cases/gone/index.html"), &case).expect("page written");
    std::fs::write(dist.join("cases/notes.txt"), "mine").expect("file written");
    let again = publish(&["public/data/manifest.json", &dist_name]);
    assert!(again.status.success());
    assert!(!dist.join("cases/gone").exists());
    assert!(dist.join("cases/notes.txt").exists());
    // Without a base URL: no sitemap is made up (the old one stays as written).
    assert!(stdout(&again).contains("no --base-url"));
    let _ = std::fs::remove_dir_all(&dist);
}

#[test]
fn publish_stops_on_data_errors_and_misuse() {
    let dist = scratch("publish-broken");
    std::fs::write(dist.join("404.html"), SHELL).expect("shell written");
    let dist_name = dist.to_string_lossy().into_owned();
    let output = publish(&["tests/fixtures/partly-broken/manifest.json", &dist_name]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output)
            .contains("tests/fixtures/partly-broken/members.json:13:18: members[1].country: ")
    );
    assert!(!dist.join("index.html").exists(), "nothing written");
    for args in [
        vec!["public/data/manifest.json"],
        vec![
            "public/data/manifest.json",
            &dist_name,
            "--base-url",
            "ftp://x",
        ],
        vec!["public/data/manifest.json", &dist_name, "--other"],
    ] {
        assert_eq!(publish(&args).status.code(), Some(2), "{args:?}");
    }
    let _ = std::fs::remove_dir_all(&dist);
}
