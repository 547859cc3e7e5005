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
