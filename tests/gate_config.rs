//! The project configuration end to end, in a scratch git repository of reports: found from
//! a subdirectory, per-path overrides, file selection, suppressions that need a reason,
//! mistakes in the file pointed at, `init`, and the exit codes.

use crate::gate_support;

use gate_support::{checked_files, findings, pairs, Repo, CONFIG};

fn json(repo: &Repo, dir: &str, extra: &[&str]) -> gate_support::Run {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    repo.run_in(dir, &args)
}

#[test]
fn the_configuration_is_found_from_a_subdirectory() {
    let repo = Repo::with_reports("discovery");
    repo.write(".reportlint.yaml", CONFIG);
    let run = json(&repo, "乡镇", &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    // Only the configured pack ran (no built-in rules), on the subdirectory's reports.
    assert_eq!(
        findings(&run.stdout),
        pairs(&[
            ("河口镇.txt", "gate/first-duty"),
            ("河口镇.txt", "gate/fazhi-term")
        ])
    );
    // --no-config ignores it: the built-in pack runs and the test pack does not.
    let bare = json(&repo, "乡镇", &["--no-config"]);
    assert!(findings(&bare.stdout)
        .iter()
        .all(|(_, rule)| !rule.starts_with("gate/")));
}

#[test]
fn a_configuration_above_the_repository_root_is_not_used() {
    let outer = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("test-scratch/gate-outer-configuration");
    let _ = std::fs::remove_dir_all(&outer);
    std::fs::create_dir_all(&outer).expect("scratch folder");
    std::fs::write(outer.join(".reportlint.yaml"), "fail_on: never\n").expect("outer config");
    let repo = Repo {
        dir: outer.join("repo"),
    };
    std::fs::create_dir_all(&repo.dir).expect("repository folder");
    repo.git(&["init", "-q", "-b", "main"]);
    repo.write("rules/gate.rules", gate_support::fixture("gate.rules"));
    repo.write(
        "乡镇/河口镇.txt",
        gate_support::fixture("township-slips.txt"),
    );
    let args = [
        "check",
        "--no-builtin",
        "--pack",
        "rules/gate.rules",
        "--format",
        "json",
        "乡镇/河口镇.txt",
    ];
    // The outer `fail_on: never` would turn this failing gate green.
    let run = repo.run(&args);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert!(
        json["summary"].get("configuration").is_none(),
        "{}",
        run.stdout
    );
    // The repository's own configuration is used, from a subdirectory too, and named.
    repo.write(".reportlint.yaml", "fail_on: warning\n");
    let run = repo.run_in(
        "乡镇",
        &[
            "check",
            "--no-builtin",
            "--pack",
            "../rules/gate.rules",
            "--format",
            "json",
            "河口镇.txt",
        ],
    );
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["summary"]["configuration"], "../.reportlint.yaml");
    let sarif = repo.run(&["check", "--format", "sarif", "乡镇"]);
    let sarif: serde_json::Value = serde_json::from_str(&sarif.stdout).expect("SARIF");
    assert_eq!(
        sarif["runs"][0]["invocations"][0]["properties"]["configuration"],
        ".reportlint.yaml"
    );
    let human = repo.run(&["check", "--color", "never", "乡镇"]);
    let last = human.stderr.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("checked 1 file: ")
            && last.ends_with("s (configuration: .reportlint.yaml)"),
        "{}",
        human.stderr
    );
    // A worktree or submodule marks its root with a `.git` file: the search stops there too.
    std::fs::remove_file(repo.path(".reportlint.yaml")).expect("config removed");
    let worktree = Repo {
        dir: outer.join("worktree"),
    };
    worktree.write(".git", "gitdir: ../repo/.git\n");
    worktree.write("河口镇.txt", gate_support::fixture("township-slips.txt"));
    worktree.write("gate.rules", gate_support::fixture("gate.rules"));
    let run = worktree.run(&[
        "check",
        "--no-builtin",
        "--pack",
        "gate.rules",
        "河口镇.txt",
    ]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(!run.stderr.contains("configuration"), "{}", run.stderr);
}

#[test]
fn fail_on_comes_from_the_configuration_unless_given() {
    let repo = Repo::with_reports("fail-on");
    repo.write(".reportlint.yaml", CONFIG);
    // 司法局 has only a warning (no 矛盾纠纷): fails at `fail_on: warning` …
    assert_eq!(repo.run(&["check", "部门"]).code, Some(1));
    // … and passes when the command line says errors only.
    assert_eq!(
        repo.run(&["check", "--fail-on", "error", "部门"]).code,
        Some(0)
    );
}

#[test]
fn overrides_switch_rules_off_and_change_severity_under_their_paths() {
    let repo = Repo::with_reports("overrides");
    repo.write(
        ".reportlint.yaml",
        format!(
            "{CONFIG}severity:\n  fazhi-term: info\noverrides:\n  - paths: [部门/**]\n    disable: [township-disputes]\n  - paths: [乡镇/河口镇.txt]\n    severity: {{gate/first-duty: warning}}\n"
        ),
    );
    let run = json(&repo, ".", &[]);
    assert_eq!(
        findings(&run.stdout),
        pairs(&[
            ("乡镇/河口镇.txt", "gate/first-duty"),
            ("乡镇/河口镇.txt", "gate/fazhi-term")
        ])
    );
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap_or_default();
    let severities: Vec<&str> = report["files"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|f| f["diagnostics"].as_array().into_iter().flatten())
        .filter_map(|d| d["severity"].as_str())
        .collect();
    assert_eq!(severities, ["warning", "info"]);
    // The department report is clean once the township-only rule is off there.
    assert_eq!(repo.run(&["check", "部门"]).code, Some(0));
}

#[test]
fn include_and_exclude_select_the_files_walked() {
    let repo = Repo::with_reports("selection");
    repo.write("草稿/未完成.txt", "草稿\n");
    repo.write("说明.md", "# 说明\n\n本仓库保存各单位年度报告。\n");
    repo.write(
        ".reportlint.yaml",
        format!("{CONFIG}exclude: [草稿/**]\nextensions: [txt]\n"),
    );
    let run = json(&repo, ".", &[]);
    assert_eq!(
        checked_files(&run.stdout),
        ["乡镇/城关镇.txt", "乡镇/河口镇.txt", "部门/司法局.txt"]
    );
    // A file named on the command line is checked even if excluded, unless --force-exclude.
    let named = json(&repo, ".", &["草稿/未完成.txt"]);
    assert_eq!(checked_files(&named.stdout), ["草稿/未完成.txt"]);
    let forced = json(&repo, ".", &["--force-exclude", "草稿/未完成.txt"]);
    assert_eq!(checked_files(&forced.stdout), Vec::<String>::new());
}

#[test]
fn a_suppression_with_a_reason_accepts_one_finding() {
    let repo = Repo::with_reports("suppress");
    repo.write(
        ".reportlint.yaml",
        format!("{CONFIG}suppress:\n  - rule: first-duty\n    path: 乡镇/河口镇.txt\n    text: 带头讲法治课\n    reason: 引用镇长讲话原文，不作改动\n  - rule: fazhi-term\n    path: 乡镇/*.txt\n    reason: 待下一版统一修改\n"),
    );
    let run = repo.run(&["check", "--color", "never", "乡镇"]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr
            .starts_with("checked 2 files: 0 errors, 0 warnings, 0 infos; 2 suppressed in "),
        "{}",
        run.stderr
    );
}

#[test]
fn a_suppression_that_accepts_nothing_is_reported_without_failing_the_run() {
    let repo = Repo::with_reports("suppress-stale");
    // CONFIG is three lines; the entries start on lines 5, 9, 13 and 16.
    repo.write(
        ".reportlint.yaml",
        format!("{CONFIG}suppress:\n  - rule: first-duty\n    path: 乡镇/河口镇.txt\n    text: 带头讲法治课\n    reason: 引用原文\n  - rule: gate/first-duty\n    path: 乡镇/城关镇.txt\n    text: 不存在的句子\n    reason: 已改正\n  - rule: township-disputes\n    path: 部门/**\n    reason: 部门不涉及\n  - rule: fazhi-term\n    path: 乡镇/*.txt\n    reason: 待统一修改\n"),
    );
    let run = repo.run(&["check", "--color", "never", "乡镇"]);
    // Every finding is accepted; the stale entry is a warning, not a failure.
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning:"))
        .collect();
    // The 城关镇 entry had its file checked and its rule run, and accepted nothing. The
    // 部门 entry is not judged: no file under its path was checked.
    assert_eq!(
        warnings,
        ["warning: .reportlint.yaml:9:5: the suppression of gate/first-duty for 乡镇/城关镇.txt accepted no finding in the files checked; remove it if the finding is gone"],
        "{}",
        run.stderr
    );
    // A rule left out of the run cannot use its suppressions: no warning then.
    let skipped = repo.run(&["check", "--color", "never", "--skip", "first-duty", "乡镇"]);
    assert!(!skipped.stderr.contains("warning:"), "{}", skipped.stderr);
    // Under 部门 the entry accepts the department's missing 矛盾纠纷: used, no warning.
    let departments = repo.run(&["check", "--color", "never", "部门"]);
    assert_eq!(departments.code, Some(0), "{}", departments.stderr);
    assert!(
        !departments.stderr.contains("warning:") && departments.stderr.contains("1 suppressed"),
        "{}",
        departments.stderr
    );
}

#[test]
fn a_suppression_without_a_reason_is_an_error_pointing_at_it() {
    let repo = Repo::with_reports("suppress-no-reason");
    repo.write(
        ".reportlint.yaml",
        format!("{CONFIG}suppress:\n  - rule: first-duty\n    path: 乡镇/河口镇.txt\n"),
    );
    let run = repo.run(&["check", "--color", "never"]);
    assert_eq!(run.code, Some(2));
    assert_eq!(run.stdout, "");
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("gate_suppression_without_reason", run.stderr);
    });
}

#[test]
fn unknown_settings_wrong_types_and_unknown_rules_point_into_the_file() {
    let repo = Repo::with_reports("bad-config");
    repo.write(
        ".reportlint.yaml",
        "packs: [rules/gate.rules]\nbuiltin: no\nfail-on: warning\nexclude: drafts/**\n",
    );
    let run = repo.run(&["check", "--color", "never"]);
    assert_eq!(run.code, Some(2));
    repo.write(
        ".reportlint.yaml",
        format!("{CONFIG}disable: [first-duty, no-such-rule]\n"),
    );
    let unknown_rule = repo.run(&["check", "--color", "never"]);
    assert_eq!(unknown_rule.code, Some(2));
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("gate_config_errors", format!("{}\n{}", run.stderr, unknown_rule.stderr));
    });
}

#[test]
fn config_names_a_configuration_file_explicitly() {
    let repo = Repo::with_reports("explicit-config");
    repo.write(
        "ci/strict.yaml",
        "packs: [../rules/gate.rules]\nbuiltin: false\nfail_on: info\n",
    );
    let run = repo.run(&[
        "check",
        "--config",
        "ci/strict.yaml",
        "--format",
        "json",
        "部门",
    ]);
    assert_eq!(
        findings(&run.stdout),
        pairs(&[("部门/司法局.txt", "gate/township-disputes")])
    );
    assert_eq!(run.code, Some(1));
    let missing = repo.run(&["check", "--config", "ci/none.yaml"]);
    assert_eq!(missing.code, Some(2));
    assert!(missing
        .stderr
        .contains("cannot read configuration ci/none.yaml"));
}

#[test]
fn init_writes_a_working_setup_and_never_overwrites() {
    let repo = Repo::new("init");
    repo.write(
        "2024/城关镇.txt",
        gate_support::fixture("township-clean.txt"),
    );
    let first = repo.run(&["init"]);
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    assert!(repo.path(".reportlint.yaml").is_file());
    assert!(repo.path("rules/local.rules").is_file());
    // The starter configuration and pack load and check a report.
    let check = repo.run(&["check", "--format", "json"]);
    assert!(
        check.code == Some(0) || check.code == Some(1),
        "{}",
        check.stderr
    );
    assert!(findings(&check.stdout)
        .iter()
        .all(|(path, _)| path == "2024/城关镇.txt"));
    // Its examples pass.
    assert_eq!(repo.run(&["test", "rules/local.rules"]).code, Some(0));
    // A second init refuses and leaves the files as they are.
    repo.write(".reportlint.yaml", "builtin: true\n");
    let second = repo.run(&["init"]);
    assert_eq!(second.code, Some(2));
    assert!(second.stderr.contains("already exist"), "{}", second.stderr);
    assert_eq!(repo.read(".reportlint.yaml"), b"builtin: true\n");
}

#[test]
fn the_configuration_example_in_the_readme_is_valid() {
    for name in ["README.md", "README.en.md"] {
        configuration_example_is_valid(name);
    }
}

fn configuration_example_is_valid(name: &str) {
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name))
            .expect("the README is readable");
    let marker = "```yaml\n# example: .reportlint.yaml\n";
    let start = readme
        .find(marker)
        .expect("the README shows a configuration")
        + "```yaml\n".len();
    let end = start + readme[start..].find("```").expect("the block is closed");
    let example = &readme[start..end];
    let parsed = reportlint::config::parse(
        std::path::Path::new(".reportlint.yaml"),
        std::path::Path::new("."),
        example,
    );
    assert!(parsed.is_ok(), "{:?}", parsed.err().map(|e| e.to_string()));
}
