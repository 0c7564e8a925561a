//! Snapshots of every output format of `reportlint check` over the fixture reports in
//! `tests/fixtures/check/reports`, checked with the test pack `tests/fixtures/check/kinds.rules`
//! (one rule of every kind). The fixtures are written so that the output shows a rate mismatch
//! with three labels, a missing section, a forbidden term with a suggestion, a heading
//! numbering error, a rule flood-controlled to three findings, and a 600-character line
//! clipped to a window.

use crate::check_support;

use check_support::{check_fixtures, run, PACK, REPORTS};

fn snapshot(name: &str, value: &str) {
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(name, value);
    });
}

#[test]
fn human_output_shows_every_kind_of_finding() {
    let run = check_fixtures("human");
    assert_eq!(run.code, 1, "error findings fail the run: {}", run.stderr);
    snapshot("check_human", &run.stdout);
}

#[test]
fn human_output_in_plain_mode_is_ascii_for_ci_logs() {
    let run = run(&[
        "check",
        "--no-builtin",
        "--pack",
        PACK,
        "--plain",
        &format!("{REPORTS}/b-structure.txt"),
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        !run.stdout.contains('\x1b'),
        "no colour codes in plain mode"
    );
    for line in run.stdout.lines() {
        let drawing_is_ascii = line
            .chars()
            .filter(|c| !c.is_alphanumeric() && !c.is_whitespace())
            .all(|c| c.is_ascii() || is_cjk_punctuation(c));
        assert!(drawing_is_ascii, "non-ASCII drawing in plain mode: {line}");
    }
    snapshot("check_human_plain", &run.stdout);
}

fn is_cjk_punctuation(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '“' | '”' | '—' | '…')
}

#[test]
fn human_output_clips_a_long_line_and_keeps_the_true_column() {
    let run = run(&[
        "check",
        "--no-builtin",
        "--pack",
        PACK,
        "--rule",
        "first-duty-term",
        "--color",
        "never",
        &format!("{REPORTS}/c-long-line.txt"),
    ]);
    // The term sits at character 470 of a 623-character line.
    assert!(
        run.stdout.contains("c-long-line.txt:5:470]"),
        "header keeps the true line:column:\n{}",
        run.stdout
    );
    let shown = run
        .stdout
        .lines()
        .find(|l| l.contains(" │ ") && l.contains("第一职责人"))
        .expect("the line with the term is shown");
    assert!(shown.contains('…'), "the line is clipped: {shown}");
    assert!(
        shown.chars().count() < 60,
        "only a window of the line is shown: {shown}"
    );
    snapshot("check_human_long_line", &run.stdout);
}

#[test]
fn human_output_folds_a_flooding_rule_to_three_and_a_count() {
    let run = run(&[
        "check",
        "--no-builtin",
        "--pack",
        PACK,
        "--rule",
        "halfwidth-comma",
        "--color",
        "never",
        &format!("{REPORTS}/c-long-line.txt"),
    ]);
    assert_eq!(run.stdout.matches("check/halfwidth-comma").count(), 4);
    assert!(run.stdout.contains(
        "tests/fixtures/check/reports/c-long-line.txt: check/halfwidth-comma: 1 more findings not shown"
    ));
    assert_eq!(
        run.stdout.matches("中文正文中使用了半角标点").count(),
        3,
        "three findings are drawn"
    );
}

fn pretty_json(text: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(text).expect("output is one JSON document");
    serde_json::to_string_pretty(&value).expect("JSON value prints")
}

#[test]
fn json_output() {
    let run = check_fixtures("json");
    assert_eq!(run.code, 1, "{}", run.stderr);
    snapshot("check_json", &pretty_json(&run.stdout));
}

#[test]
fn sarif_output() {
    let run = check_fixtures("sarif");
    assert_eq!(run.code, 1, "{}", run.stderr);
    snapshot("check_sarif", &pretty_json(&run.stdout));
}

#[test]
fn github_output() {
    let run = check_fixtures("github");
    assert_eq!(run.code, 1, "{}", run.stderr);
    snapshot("check_github", &run.stdout);
}

#[test]
fn junit_output() {
    let run = check_fixtures("junit");
    assert_eq!(run.code, 1, "{}", run.stderr);
    snapshot("check_junit", &run.stdout);
}

#[test]
fn html_output() {
    let run = check_fixtures("html");
    assert_eq!(run.code, 1, "{}", run.stderr);
    snapshot("check_html", &run.stdout);
}

/// The page with the bodies of its `<style>` and `<script>` left out (the full page is in
/// the `check_html` snapshot), so the snapshot shows the overview and the reports.
fn without_style_and_script(page: &str) -> String {
    let mut out = page.to_string();
    for (open, close) in [("<style>", "</style>"), ("<script>", "</script>")] {
        let mut from = 0;
        while let Some(start) = out[from..].find(open).map(|i| from + i + open.len()) {
            let end = start + out[start..].find(close).expect("closed");
            out.replace_range(start..end, "…");
            from = start;
        }
    }
    out
}

#[test]
fn html_overview_groups_a_tagged_pack_by_tag() {
    let run = run(&[
        "check",
        "--no-builtin",
        "--pack",
        "tests/fixtures/check/overview/overview.rules",
        "--format",
        "html",
        "tests/fixtures/check/overview/reports",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    snapshot(
        "check_html_overview",
        &without_style_and_script(&run.stdout),
    );
}
