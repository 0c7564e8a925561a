//! `reportlint check` and `reportlint rules` end to end: exit codes, file selection
//! (.gitignore, named files, standard input), output independent of `--jobs`, and rules that
//! cannot be evaluated on a document.

use crate::check_support;

use check_support::{crate_root, run, run_in, scratch_dir, PACK, REPORTS};
use std::path::Path;

fn fixture(name: &str) -> String {
    format!("{REPORTS}/{name}")
}

fn check(extra: &[&str]) -> check_support::Run {
    let mut args = vec!["check", "--no-builtin", "--pack", PACK, "--color", "never"];
    args.extend_from_slice(extra);
    run(&args)
}

// ------------------------------------------------------------------ exit codes

#[test]
fn a_clean_report_exits_0() {
    let run = check(&[&fixture("d-clean.txt")]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stdout, "");
    assert!(run
        .stderr
        .starts_with("checked 1 file: 0 errors, 0 warnings, 0 infos in "));
}

#[test]
fn findings_at_or_above_the_fail_level_exit_1() {
    // b-structure.txt has errors and warnings; the `info` rule alone finds nothing there.
    let structure = fixture("b-structure.txt");
    assert_eq!(check(&[&structure]).code, 1);
    assert_eq!(check(&["--fail-on", "error", &structure]).code, 1);
    assert_eq!(check(&["--fail-on", "never", &structure]).code, 0);
    // Only warnings: fail on warning and info, not on error.
    let warnings_only = ["--rule", "heading-numbers", structure.as_str()];
    assert_eq!(check(&warnings_only).code, 0);
    assert_eq!(
        check(&[&["--fail-on", "warning"][..], &warnings_only].concat()).code,
        1
    );
    assert_eq!(
        check(&[&["--fail-on", "info"][..], &warnings_only].concat()).code,
        1
    );
    // Only infos: fail on info alone.
    let infos_only = ["--rule", "halfwidth-comma", &fixture("c-long-line.txt")];
    let infos_only: Vec<&str> = infos_only.iter().map(|s| s.as_ref()).collect();
    assert_eq!(
        check(&[&["--fail-on", "warning"][..], &infos_only].concat()).code,
        0
    );
    assert_eq!(
        check(&[&["--fail-on", "info"][..], &infos_only].concat()).code,
        1
    );
}

#[test]
fn a_broken_pack_exits_2_and_the_other_packs_still_run() {
    let dir = scratch_dir("broken_pack");
    let broken = dir.join("broken.rules");
    std::fs::write(
        &broken,
        "pack \"broken\"\nrule x {\n  message \"未闭合\n}\n",
    )
    .expect("write pack");
    let run = check(&[
        "--pack",
        broken.to_str().expect("utf-8 path"),
        &fixture("b-structure.txt"),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("broken.rules"), "{}", run.stderr);
    assert!(
        run.stdout.contains("check/heading-numbers"),
        "the good pack still ran: {}",
        run.stdout
    );
}

#[test]
fn an_unreadable_file_exits_2_and_the_other_files_are_still_reported() {
    let missing = fixture("no-such-report.txt");
    let run = check(&[&missing, &fixture("b-structure.txt")]);
    assert_eq!(run.code, 2);
    assert!(
        run.stdout
            .contains("tests/fixtures/check/reports/no-such-report.txt: error: cannot read"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("check/heading-numbers"));
    assert!(
        run.stderr.contains("1 file could not be checked"),
        "{}",
        run.stderr
    );

    let json = check(&["--format", "json", &missing, &fixture("d-clean.txt")]);
    assert_eq!(json.code, 2);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON output");
    assert_eq!(doc["summary"]["files"], 2);
    assert_eq!(doc["summary"]["failed_files"], 1);
}

#[test]
fn a_directory_without_reports_exits_2_because_nothing_was_checked() {
    let dir = scratch_dir("no-reports");
    std::fs::write(dir.join("notes.csv"), "a,b\n").expect("write");
    let dir = dir.display().to_string();
    let run = check(&[&dir]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("no report files found"),
        "{}",
        run.stderr
    );
}

#[test]
fn bad_arguments_exit_2() {
    assert_eq!(run(&["check", "--fail-on", "sometimes"]).code, 2);
    assert_eq!(run(&["check", "--format", "pdf"]).code, 2);
    assert_eq!(run(&["check", "--no-such-option"]).code, 2);
    assert_eq!(run(&["no-such-command"]).code, 2);
    let nothing_to_run = check(&["--rule", "no-such-rule", &fixture("d-clean.txt")]);
    assert_eq!(nothing_to_run.code, 2);
    assert!(nothing_to_run.stderr.contains("no rules to run"));
}

// ------------------------------------------------------------------ determinism

#[test]
fn output_is_byte_identical_for_any_number_of_jobs() {
    let dir = scratch_dir("jobs");
    let sources: Vec<String> = [
        "a-rates.txt",
        "b-structure.txt",
        "c-long-line.txt",
        "d-clean.txt",
    ]
    .iter()
    .map(|f| std::fs::read_to_string(crate_root().join(REPORTS).join(f)).expect("fixture"))
    .collect();
    // Enough files that workers take several at a time (runs of 10, 3 and 1 files for
    // --jobs 1, 3 and 16), with a last run shorter than the others.
    for i in 0..160 {
        let text = &sources[i % sources.len()];
        // Vary the files a little so no two are the same.
        let text = text.replacen("2023年", &format!("{}年", 2000 + i % 24), 1);
        std::fs::write(dir.join(format!("report-{i:03}.txt")), text).expect("write report");
    }
    let pack = crate_root().join(PACK);
    let pack = pack.to_str().expect("utf-8 path");
    for format in ["human", "json", "sarif", "github", "junit", "html"] {
        let with = |jobs: &str| {
            run_in(
                &dir,
                &[
                    "check",
                    "--no-builtin",
                    "--pack",
                    pack,
                    "--color",
                    "never",
                    "--format",
                    format,
                    "--jobs",
                    jobs,
                    ".",
                ],
                None,
            )
        };
        let one = with("1");
        assert_eq!(one.code, 1, "{}", one.stderr);
        assert!(
            one.stdout.len() > 1000,
            "{format}: the run printed findings"
        );
        for jobs in ["3", "16"] {
            let other = with(jobs);
            assert!(
                one.stdout == other.stdout,
                "{format}: --jobs 1 and --jobs {jobs} differ"
            );
        }
    }
}

// ------------------------------------------------------------------ which files

fn git_available() -> bool {
    std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn write_tree(dir: &Path) {
    let clean =
        std::fs::read_to_string(crate_root().join(REPORTS).join("d-clean.txt")).expect("fixture");
    let structure = std::fs::read_to_string(crate_root().join(REPORTS).join("b-structure.txt"))
        .expect("fixture");
    std::fs::write(dir.join("kept.txt"), &clean).expect("write");
    std::fs::create_dir_all(dir.join("drafts")).expect("mkdir");
    std::fs::write(dir.join("drafts").join("ignored.txt"), &structure).expect("write");
    std::fs::write(dir.join("notes.rtf"), &structure).expect("write");
}

#[test]
fn a_directory_walk_skips_gitignored_files_but_a_named_file_is_checked() {
    let dir = scratch_dir("gitignore");
    write_tree(&dir);
    std::fs::write(dir.join(".gitignore"), "drafts/\n").expect("write");
    if git_available() {
        let status = std::process::Command::new("git")
            .args(["init", "-q"])
            .current_dir(&dir)
            .status()
            .expect("git runs");
        assert!(status.success());
    } else {
        // Without git the walker still honours `.ignore` files.
        std::fs::write(dir.join(".ignore"), "drafts/\n").expect("write");
    }
    let pack = crate_root().join(PACK);
    let pack = pack.to_str().expect("utf-8 path");
    let walk = run_in(
        &dir,
        &[
            "check",
            "--no-builtin",
            "--pack",
            pack,
            "--format",
            "json",
            ".",
        ],
        None,
    );
    assert_eq!(
        walk.code, 0,
        "only kept.txt (clean) is checked: {}",
        walk.stdout
    );
    let doc: serde_json::Value = serde_json::from_str(&walk.stdout).expect("JSON");
    let paths: Vec<&str> = doc["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert_eq!(
        paths,
        ["kept.txt"],
        "ignored and non-report files are skipped"
    );

    let named = run_in(
        &dir,
        &[
            "check",
            "--no-builtin",
            "--pack",
            pack,
            "--format",
            "json",
            "drafts/ignored.txt",
        ],
        None,
    );
    assert_eq!(named.code, 1, "a named file is checked even if ignored");
    assert!(named.stdout.contains("\"path\":\"drafts/ignored.txt\""));
}

#[test]
fn the_extensions_option_chooses_which_files_a_walk_finds() {
    let dir = scratch_dir("extensions");
    write_tree(&dir);
    let pack = crate_root().join(PACK);
    let pack = pack.to_str().expect("utf-8 path");
    let run = run_in(
        &dir,
        &[
            "check",
            "--no-builtin",
            "--pack",
            pack,
            "--format",
            "json",
            "--extensions",
            "rtf",
            ".",
        ],
        None,
    );
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(doc["files"][0]["path"], "notes.rtf");
    assert_eq!(doc["summary"]["files"], 1);
}

#[test]
fn a_dash_reads_the_report_from_standard_input() {
    let text = std::fs::read_to_string(crate_root().join(REPORTS).join("b-structure.txt"))
        .expect("fixture");
    let run = run_in(
        &crate_root(),
        &[
            "check",
            "--no-builtin",
            "--pack",
            PACK,
            "--format",
            "github",
            "-",
        ],
        Some(&text),
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("file=<stdin>,line=7,col=1"),
        "{}",
        run.stdout
    );
}

// ------------------------------------------------------------------ rule errors

#[test]
fn a_rule_that_divides_by_zero_reports_a_problem_with_the_rule() {
    let run = check(&[
        "--format",
        "json",
        "--rule",
        "mediation-rate",
        &fixture("a-rates.txt"),
    ]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let diags = doc["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics");
    let rule_problem = diags
        .iter()
        .find(|d| {
            d["message"]
                .as_str()
                .is_some_and(|m| m.contains("division by zero"))
        })
        .unwrap_or_else(|| panic!("a diagnostic about the rule: {diags:#?}"));
    assert_eq!(rule_problem["rule"], "check/mediation-rate");
    assert_eq!(rule_problem["severity"], "warning");
    assert_eq!(
        rule_problem["line"], 10,
        "it points at the match that could not be computed"
    );
    // The real mismatch on line 7 is still reported.
    assert!(diags
        .iter()
        .any(|d| d["line"] == 7 && d["severity"] == "error"));
}

// ------------------------------------------------------------------ rules list / explain

#[test]
fn rules_list_shows_the_built_in_pack() {
    let run = run(&["rules", "list"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let line = run
        .stdout
        .lines()
        .find(|l| l.starts_with("fazhi/term-first-responsible "))
        .expect("the built-in rule is listed");
    assert!(line.contains("error"), "{line}");
    assert!(run.stdout.lines().count() > 20);
    assert!(run.stdout.contains("fazhi/rate-arithmetic"));
}

#[test]
fn rules_list_includes_given_packs() {
    let run = run(&["rules", "list", "--no-builtin", "--pack", PACK]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 10);
    assert!(run.stdout.lines().all(|l| l.starts_with("check/")));
}

#[test]
fn rules_explain_prints_message_help_reference_and_examples() {
    let run = run(&["rules", "explain", "fazhi/term-first-responsible"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for part in [
        "fazhi/term-first-responsible (error, kind `terms`)",
        "message:   “{match}”应为“{suggestion}”",
        "help:      党政主要负责人是推进法治建设的“第一责任人”。",
        "reference: 《党政主要负责人履行推进法治建设第一责任人职责规定》",
        "passes:\n  履行推进法治建设第一责任人职责。",
        "fails:\n  不断提高主要负责人履行推进法治建设第一职责人的能力。",
    ] {
        assert!(
            run.stdout.contains(part),
            "missing {part:?} in\n{}",
            run.stdout
        );
    }
    let unknown = run_in(
        &crate_root(),
        &["rules", "explain", "fazhi/no-such-rule"],
        None,
    );
    assert_eq!(unknown.code, 2);
}
