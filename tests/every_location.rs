//! Machine formats list every occurrence of a finding that human output groups, and `--fix`
//! corrects every occurrence: a report with many half-width marks (the built-in
//! `halfwidth-punctuation`, reported once per file).

use crate::check_support::{run_in, scratch_dir};
use serde_json::Value;

/// A report with `n` half-width commas between Chinese characters (and two that are right:
/// `1,234`, `12:30`).
fn report(n: usize) -> String {
    let mut text = String::from("某镇2024年法治政府建设年度报告\n");
    for i in 0..n {
        text.push_str(&format!("第{i}项工作扎实推进,群众满意度不断提升。\n"));
    }
    text.push_str("全年共接待群众1,234人次，值班时间12:30开始。\n");
    text
}

fn marks(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(3)
        .filter(|w| w[1] == ',' && !w[0].is_ascii_digit() && !w[2].is_ascii_digit())
        .count()
}

#[test]
fn json_sarif_and_junit_list_every_half_width_mark() {
    let dir = scratch_dir("every_location");
    let n = 37;
    std::fs::write(dir.join("r.txt"), report(n)).expect("scratch is writable");
    let args = |format: &'static str| {
        vec![
            "check",
            "--no-config",
            "--rule",
            "halfwidth-punctuation",
            "--format",
            format,
            "r.txt",
        ]
    };
    let json = run_in(&dir, &args("json"), None);
    let v: Value = serde_json::from_str(&json.stdout).expect("JSON output");
    let d = &v["files"][0]["diagnostics"][0];
    let listed = d["labels"].as_array().map_or(0, Vec::len)
        + d["more_labels"].as_array().map_or(0, Vec::len);
    assert_eq!(listed, n, "{d}");
    assert_eq!(d["more"].as_u64(), Some(n as u64 - 5));

    let sarif = run_in(&dir, &args("sarif"), None);
    let v: Value = serde_json::from_str(&sarif.stdout).expect("SARIF output");
    let r = &v["runs"][0]["results"][0];
    let listed = r["locations"].as_array().map_or(0, Vec::len)
        + r["relatedLocations"].as_array().map_or(0, Vec::len);
    assert_eq!(listed, n);

    let junit = run_in(&dir, &args("junit"), None);
    assert_eq!(
        junit.stdout.matches("r.txt:").count(),
        n,
        "{}",
        junit.stdout
    );
}

#[test]
fn fix_corrects_every_half_width_mark_and_a_second_fix_changes_nothing() {
    let dir = scratch_dir("every_location_fix");
    let n = 23;
    let path = dir.join("r.txt");
    std::fs::write(&path, report(n)).expect("scratch is writable");
    assert_eq!(marks(&report(n)), n);
    let fix = [
        "check",
        "--no-config",
        "--rule",
        "halfwidth-punctuation",
        "--fix",
        "r.txt",
    ];
    let first = run_in(&dir, &fix, None);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let fixed = std::fs::read_to_string(&path).expect("the report is readable");
    assert_eq!(marks(&fixed), 0, "{fixed}");
    assert!(
        fixed.contains("1,234") && fixed.contains("12:30"),
        "{fixed}"
    );
    assert_eq!(fixed.matches('，').count(), n + 1);
    let second = run_in(&dir, &fix, None);
    assert_eq!(second.code, 0);
    assert_eq!(std::fs::read_to_string(&path).ok(), Some(fixed));
    assert!(
        second.stderr.contains("fixed 0 problems"),
        "{}",
        second.stderr
    );
}

#[test]
fn fix_removes_the_space_after_every_heading_number() {
    let dir = scratch_dir("heading_number_space_fix");
    let path = dir.join("r.txt");
    let text = "某镇2024年法治政府建设年度报告\n1、 主要举措和成效\n（1） 加强组织领导\n（2）　完善制度\n2、存在的不足\n";
    std::fs::write(&path, text).expect("scratch is writable");
    let fix = [
        "check",
        "--no-config",
        "--rule",
        "heading-number-space",
        "--fix",
        "r.txt",
    ];
    let first = run_in(&dir, &fix, None);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(
        first.stderr.contains("fixed 3 problems"),
        "{}",
        first.stderr
    );
    let fixed = std::fs::read_to_string(&path).expect("the report is readable");
    assert_eq!(
        fixed,
        "某镇2024年法治政府建设年度报告\n1、主要举措和成效\n（1）加强组织领导\n（2）完善制度\n2、存在的不足\n"
    );
    let second = run_in(&dir, &fix, None);
    assert!(
        second.stderr.contains("fixed 0 problems"),
        "{}",
        second.stderr
    );
}
