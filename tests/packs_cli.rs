//! The pack commands as a user runs them: `fmt` (canonical layout, comments kept, `--check`,
//! atomic writes), `test` (inline examples, exit codes) and a broken pack in `check` and
//! `test` (every error at once, exit code 2).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn reportlint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_reportlint"))
        .env("REPORTLINT_LANG", "en")
        .args(args)
        .output()
        .expect("reportlint runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temporary folder");
    dir
}

fn path_arg(path: &Path) -> String {
    path.display().to_string()
}

const MESSY: &str = r#"// Township pack: what our office checks first.

pack   "township"   description "乡镇报告"
version "0.1"
rule   three-systems{ require any("三项制度",all("执法公示","全过程记录","法制审核"))
message "报告未提及行政执法三项制度" severity   warning
  // the reviewers asked for this one
  pass "全面推行行政执法三项制度。" fail "加强执法队伍建设。" }
rule first-duty { severity error message "未写明第一责任人"  require "第一责任人" # keep
}
"#;

const CANONICAL: &str = r#"// Township pack: what our office checks first.

pack "township"
version "0.1"
description "乡镇报告"

rule three-systems {
  severity warning
  message "报告未提及行政执法三项制度"
  require any("三项制度", all("执法公示", "全过程记录", "法制审核"))
  // the reviewers asked for this one
  pass "全面推行行政执法三项制度。"
  fail "加强执法队伍建设。"
}

rule first-duty {
  severity error
  message "未写明第一责任人"
  require "第一责任人" # keep
}
"#;

#[test]
fn fmt_writes_the_canonical_layout_and_keeps_comments() {
    let dir = scratch("packs_cli_fmt");
    let pack = dir.join("township.rules");
    fs::write(&pack, MESSY).expect("written");
    let out = reportlint(&["fmt", &path_arg(&pack)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("township.rules: formatted"));
    assert_eq!(fs::read_to_string(&pack).expect("readable"), CANONICAL);
}

#[test]
fn fmt_is_idempotent_over_every_dsl_pack() {
    let dir = scratch("packs_cli_fmt_idempotent");
    let sources = [
        "rules/fazhi.rules",
        "tests/fixtures/packs/card-examples.rules",
        "tests/fixtures/packs/every-construct.rules",
        "tests/fixtures/packs/extends/child.rules",
    ];
    for source in sources {
        let original = fs::read_to_string(source).expect("readable");
        let pack = dir.join("pack.rules");
        fs::write(&pack, &original).expect("written");
        let first = reportlint(&["fmt", &path_arg(&pack)]);
        assert_eq!(
            first.status.code(),
            Some(0),
            "{source}: {}",
            text(&first.stderr)
        );
        let once = fs::read_to_string(&pack).expect("readable");
        let second = reportlint(&["fmt", &path_arg(&pack)]);
        assert_eq!(second.status.code(), Some(0));
        assert!(
            second.stdout.is_empty(),
            "{source}: {}",
            text(&second.stdout)
        );
        assert_eq!(
            fs::read_to_string(&pack).expect("readable"),
            once,
            "{source}"
        );
        let comments = |s: &str| -> Vec<String> {
            s.lines()
                .map(str::trim)
                .filter(|l| l.starts_with("//") || l.starts_with('#'))
                .map(str::to_string)
                .collect()
        };
        assert_eq!(comments(&once), comments(&original), "{source}: comments");
    }
}

#[test]
fn fmt_check_exits_1_on_an_unformatted_pack_and_leaves_it_alone() {
    let dir = scratch("packs_cli_fmt_check");
    let messy = dir.join("messy.rules");
    let tidy = dir.join("tidy.rules");
    fs::write(&messy, MESSY).expect("written");
    fs::write(&tidy, CANONICAL).expect("written");
    let out = reportlint(&["fmt", "--check", &path_arg(&messy)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("messy.rules: not formatted"));
    assert_eq!(fs::read_to_string(&messy).expect("readable"), MESSY);
    let out = reportlint(&["fmt", "--check", &path_arg(&tidy)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(out.stdout.is_empty());
}

#[test]
fn fmt_refuses_yaml_and_points_to_convert() {
    let out = reportlint(&["fmt", "tests/fixtures/packs/card-examples.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("`fmt` formats DSL packs (.rules)")
            && stderr.contains("reportlint convert"),
        "{stderr}"
    );
}

#[test]
fn fmt_leaves_a_pack_with_syntax_errors_untouched() {
    let dir = scratch("packs_cli_fmt_broken");
    let pack = dir.join("broken.rules");
    let broken = "pack \"p\"\nrule r {\n  message \"甲\"\n  require \"甲\" \"乙\"\n}\n";
    fs::write(&pack, broken).expect("written");
    let out = reportlint(&["fmt", &path_arg(&pack)]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(fs::read_to_string(&pack).expect("readable"), broken);
}

/// The new text goes to a temporary file that is renamed over the pack: another name for
/// the old file (a hard link) keeps the old text, and no temporary file stays behind.
#[test]
fn fmt_replaces_the_file_atomically() {
    let dir = scratch("packs_cli_fmt_atomic");
    let pack = dir.join("township.rules");
    let link = dir.join("before-fmt.rules");
    fs::write(&pack, MESSY).expect("written");
    fs::hard_link(&pack, &link).expect("hard link");
    let out = reportlint(&["fmt", &path_arg(&pack)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(fs::read_to_string(&pack).expect("readable"), CANONICAL);
    assert_eq!(fs::read_to_string(&link).expect("readable"), MESSY);
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("listable")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    names.sort();
    assert_eq!(names, ["before-fmt.rules", "township.rules"]);
}

#[test]
fn test_passes_on_the_card_examples_in_both_forms() {
    for pack in [
        "tests/fixtures/packs/card-examples.rules",
        "tests/fixtures/packs/card-examples.yaml",
    ] {
        let out = reportlint(&["test", pack]);
        let stdout = text(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{pack}: {stdout}{}",
            text(&out.stderr)
        );
        assert!(stdout.contains("3 rules, 8 examples"), "{stdout}");
        assert!(stdout.contains("8 passed, 0 failed"), "{stdout}");
    }
}

#[test]
fn test_runs_the_own_rules_of_a_pack_that_extends_others() {
    let out = reportlint(&["test", "tests/fixtures/packs/extends/child.rules"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("1 rules, 2 examples"), "{stdout}");
}

#[test]
fn test_reports_a_failing_example_with_exit_code_1() {
    let dir = scratch("packs_cli_test_failing");
    let pack = dir.join("wrong.rules");
    fs::write(
        &pack,
        r#"pack "wrong"
rule hearing {
  message "报告未提及听证"
  require "听证"
  pass "组织听证会一次。"
  pass "组织座谈会一次。"
  fail "组织听证会两次。"
}
"#,
    )
    .expect("written");
    let out = reportlint(&["test", &path_arg(&pack)]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("FAILED wrong/hearing: should pass but got: 报告未提及听证")
            && stdout.contains("example: 组织座谈会一次。")
            && stdout.contains("FAILED wrong/hearing: should fail but the rule found nothing")
            && stdout.contains("1 passed, 2 failed"),
        "{stdout}"
    );
}

const BROKEN: &str = r#"pack "broken"
rule bad-regex {
  message "坏的正则"
  require /执法(公示/
}
rule bad-name {
  message "{rate}"
  match pattern "受理{total:count}件"
  assert rate > total
}
rule bad-suggestion {
  message "“{match}”应为“{right}”"
  forbid "第一职责人" suggest "{right}"
}
"#;

fn broken_pack(dir: &str) -> PathBuf {
    let pack = scratch(dir).join("broken.rules");
    fs::write(&pack, BROKEN).expect("written");
    pack
}

/// One report, with every mistake of the pack underlined.
fn assert_every_error_reported(stderr: &str) {
    for needle in [
        "errors in rule pack",
        "require /执法(公示/",
        "assert rate > total",
        "suggest \"{right}\"",
    ] {
        assert!(stderr.contains(needle), "missing {needle:?} in\n{stderr}");
    }
}

#[test]
fn a_broken_pack_stops_check_with_exit_code_2_and_every_error() {
    let pack = broken_pack("packs_cli_check_broken");
    let report = Path::new(env!("CARGO_TARGET_TMPDIR")).join("packs_cli_report.txt");
    fs::write(
        &report,
        "某县2024年法治政府建设年度报告\n一、主要举措\n全面推行行政执法三项制度。\n",
    )
    .expect("written");
    let out = reportlint(&[
        "check",
        "--no-builtin",
        "--pack",
        &path_arg(&pack),
        &path_arg(&report),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    assert_every_error_reported(&text(&out.stderr));
}

#[test]
fn a_broken_pack_stops_test_with_exit_code_2_and_every_error() {
    let pack = broken_pack("packs_cli_test_broken");
    let out = reportlint(&["test", &path_arg(&pack)]);
    assert_eq!(out.status.code(), Some(2));
    assert_every_error_reported(&text(&out.stderr));
}

#[test]
fn extends_may_leave_the_pack_folder_only_when_allowed() {
    // Outside any git work tree, a pack's repository is its own folder.
    let dir = std::env::temp_dir().join(format!("reportlint-reach-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("inner")).expect("folder");
    fs::write(
        dir.join("base.rules"),
        "pack \"base\"\nrule advisers {\n  message \"未提及法律顾问\"\n  require \"法律顾问\"\n}\n",
    )
    .expect("base pack");
    let pack = dir.join("inner").join("local.rules");
    fs::write(&pack, "pack \"local\"\nextends \"../base.rules\"\n").expect("pack");
    let report = dir.join("report.txt");
    fs::write(&report, "某镇2024年法治政府建设年度报告\n开展普法宣传。\n").expect("report");
    let args = |extra: &[&str]| {
        let mut v = vec![
            "check".to_string(),
            "--no-builtin".to_string(),
            "--no-config".to_string(),
            "--pack".to_string(),
            path_arg(&pack),
        ];
        v.extend(extra.iter().map(|s| s.to_string()));
        v.push(path_arg(&report));
        v
    };
    let confined = reportlint(&args(&[]).iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(
        confined.status.code(),
        Some(2),
        "{}",
        text(&confined.stderr)
    );
    let allowed = reportlint(
        &args(&["--allow-pack-outside"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert_eq!(allowed.status.code(), Some(0), "{}", text(&allowed.stderr));
    assert!(text(&allowed.stdout).contains("base/advisers"));
    let _ = fs::remove_dir_all(&dir);
}
