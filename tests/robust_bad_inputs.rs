//! Bad rule packs and bad reports end in a clear diagnostic and exit code 2: never a panic
//! (exit 101) and never a silent pass. Each safety limit (regex size, backtracking, YAML
//! aliases and nesting, `extends` leaving the repository) is hit here and named in the error.

use crate::check_support;

use check_support::{run, run_in, Run};
use std::path::{Path, PathBuf};
use std::time::Duration;

const DIR: &str = "tests/fixtures/robust";
const REPORT: &str = "tests/fixtures/check/reports/d-clean.txt";

/// `reportlint check` with only `pack` over the clean fixture report.
fn check_with_pack(pack: &str) -> Run {
    run(&[
        "check",
        "--no-builtin",
        "--pack",
        pack,
        "--color",
        "never",
        REPORT,
    ])
}

/// The run failed with exit code 2 and said `expected` (pack problems go to standard
/// error, a report that could not be checked is reported with the findings).
fn assert_clear_failure(run: &Run, expected: &str) {
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(
        run.code, 2,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    assert!(
        run.stderr.contains(expected) || run.stdout.contains(expected),
        "expected `{expected}` in:\n{}{}",
        run.stdout,
        run.stderr
    );
}

#[test]
fn an_empty_rules_file_is_an_error() {
    let run = check_with_pack(&format!("{DIR}/empty.rules"));
    assert_clear_failure(&run, "the pack has no name");
    assert_clear_failure(&run, "a check that checks nothing cannot pass");
}

#[test]
fn an_empty_yaml_file_is_an_error() {
    assert_clear_failure(
        &check_with_pack(&format!("{DIR}/empty.yaml")),
        "the pack file is empty",
    );
}

#[test]
fn a_pack_with_a_header_and_no_rules_is_an_error() {
    assert_clear_failure(
        &check_with_pack(&format!("{DIR}/header-only.rules")),
        "pack `header-only` has no rules",
    );
}

#[test]
fn a_pack_that_is_not_utf8_is_a_read_error() {
    assert_clear_failure(
        &check_with_pack(&format!("{DIR}/not-utf8.rules")),
        "cannot read rule pack",
    );
}

#[test]
fn a_pack_path_that_is_a_folder_is_a_read_error() {
    let folder = scratch("pack-is-folder").join("folder.rules");
    std::fs::create_dir_all(&folder).expect("folder created");
    assert_clear_failure(
        &check_with_pack(&folder.display().to_string()),
        "cannot read rule pack",
    );
}

#[test]
fn a_pack_of_unknown_form_is_an_error() {
    assert_clear_failure(&check_with_pack(REPORT), "unknown rule pack form");
}

#[test]
fn a_regex_that_compiles_too_big_is_a_pack_error() {
    let run = check_with_pack(&format!("{DIR}/huge-regex.rules"));
    assert_clear_failure(&run, "this regex is too big");
    assert!(run.stderr.contains("a{1000}{1000}"), "{}", run.stderr);
}

#[test]
fn a_pattern_that_compiles_too_big_is_a_pack_error() {
    // Each `{…:count}` placeholder compiles to a few kilobytes of automaton; three thousand
    // of them pass the size limit.
    let placeholders: String = (0..3000).map(|i| format!("{{t{i}:count}}、")).collect();
    let pack = format!(
        "pack \"huge\"\nrule huge {{\n  message \"m\"\n  consistent pattern \"{placeholders}\" on t0\n}}\n"
    );
    let path = scratch("huge-pattern").join("huge.rules");
    std::fs::write(&path, pack).expect("pack written");
    assert_clear_failure(
        &check_with_pack(&path.display().to_string()),
        "this pattern is too big",
    );
}

#[test]
fn a_yaml_alias_bomb_stops_at_the_alias_limit() {
    assert_clear_failure(
        &check_with_pack(&format!("{DIR}/alias-bomb.yaml")),
        "the pack exceeds a safety limit: aliases expand to too much text",
    );
}

#[test]
fn yaml_nested_too_deeply_stops_at_the_nesting_limit() {
    assert_clear_failure(
        &check_with_pack(&format!("{DIR}/deep-nesting.yaml")),
        "the pack exceeds a safety limit: lists and maps are nested too deeply",
    );
}

/// A folder outside any git work tree, with a pack that extends one level up.
fn escaping_layout(name: &str, with_git: bool) -> PathBuf {
    let root =
        std::env::temp_dir().join(format!("reportlint-robust-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let repo = root.join("repo");
    std::fs::create_dir_all(repo.join("packs")).expect("folders created");
    if with_git {
        std::fs::create_dir_all(repo.join(".git")).expect(".git created");
    }
    let base = "pack \"base\"\nrule r {\n  message \"m\"\n  require \"法治\"\n}\n";
    std::fs::write(root.join("outside.rules"), base).expect("outside pack");
    std::fs::write(repo.join("inside.rules"), base).expect("inside pack");
    std::fs::write(
        repo.join("packs/up-one.rules"),
        "pack \"up-one\"\nextends \"../inside.rules\"\n",
    )
    .expect("pack written");
    std::fs::write(
        repo.join("packs/up-two.rules"),
        "pack \"up-two\"\nextends \"../../outside.rules\"\n",
    )
    .expect("pack written");
    root
}

#[test]
fn extends_may_not_leave_the_folder_of_a_pack_outside_git() {
    let root = escaping_layout("nogit", false);
    let run = run_in(
        &root,
        &[
            "check",
            "--no-builtin",
            "--pack",
            "repo/packs/up-one.rules",
            "--color",
            "never",
            "repo/inside.rules",
        ],
        None,
    );
    assert_clear_failure(&run, "`extends` reaches outside the repository");
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn extends_may_reach_anywhere_in_the_git_work_tree_but_not_beyond() {
    let root = escaping_layout("git", true);
    let pack = root.join("repo/packs/up-one.rules");
    let inside = reportlint::eval::load::load_file(&pack);
    assert!(inside.is_ok(), "{:?}", inside.err());

    let run = run_in(
        &root,
        &[
            "check",
            "--no-builtin",
            "--pack",
            "repo/packs/up-two.rules",
            "--color",
            "never",
            "repo/inside.rules",
        ],
        None,
    );
    assert_clear_failure(&run, "`extends` reaches outside the repository");

    let allowed = reportlint::eval::load::load_file_with(
        &root.join("repo/packs/up-two.rules"),
        reportlint::eval::load::Reach::Anywhere,
    );
    assert!(allowed.is_ok(), "{:?}", allowed.err());
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_report_that_does_not_exist_is_an_error() {
    let run = run(&[
        "check",
        "--color",
        "never",
        "tests/fixtures/robust/no-such-report.txt",
    ]);
    assert_clear_failure(&run, "cannot read");
}

#[test]
fn a_report_of_binary_bytes_is_an_error_not_a_pass() {
    let path = scratch("binary-report").join("binary.txt");
    // No byte-order mark (FF FE would make this UTF-16 text), NUL bytes: not text.
    std::fs::write(&path, [0x00, 0x01, 0x02, 0xff, b'x', 0x00, 0x7f]).expect("written");
    let run = run(&["check", "--color", "never", &path.display().to_string()]);
    assert_clear_failure(&run, "could not be checked");
}

#[test]
fn an_empty_report_is_not_a_silent_pass() {
    let path = scratch("empty-report").join("empty.txt");
    std::fs::write(&path, "").expect("written");
    let run = run(&["check", "--color", "never", &path.display().to_string()]);
    assert_clear_failure(&run, "is empty");
}

#[test]
fn a_back_referencing_regex_that_backtracks_too_much_is_reported_not_passed() {
    // Alternatives of one or two characters repeated, then a back-reference that cannot
    // match: the backtracking engine tries every way to split the run until its limit.
    let path = scratch("backtracking").join("report.txt");
    std::fs::write(&path, format!("关于报告\n{}依!\n", "法治".repeat(30))).expect("written");
    // Once where every match is reported (forbid), once where the first would do (require).
    for pack in ["backtracking.rules", "backtracking-require.rules"] {
        let run = run(&[
            "check",
            "--no-builtin",
            "--pack",
            &format!("{DIR}/{pack}"),
            "--color",
            "never",
            "--fail-on",
            "warning",
            &path.display().to_string(),
        ]);
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
        assert_eq!(run.code, 1, "{pack}: {}{}", run.stdout, run.stderr);
        assert!(
            run.stdout.contains("rule could not be evaluated here")
                && run.stdout.contains("backtracking"),
            "{pack}: {}",
            run.stdout
        );
        // Only that: no verdict (such as "missing") resting on the search that gave up.
        assert!(
            run.stderr.contains("0 errors, 1 warning,"),
            "{pack}: {}",
            run.stderr
        );
    }
}

#[test]
fn a_back_referencing_regex_that_takes_too_long_gives_up_with_the_same_warning() {
    use reportlint::eval::load::{parse, Form};
    use reportlint::eval::Engine;
    use reportlint::model::Document;
    // Each attempt backtracks little but reads the rest of the report, so the backtrack
    // limit never stops it: 200 KB took minutes. The time limit (2 s by default; 20 ms here)
    // ends the search with the warning the backtrack limit gives.
    let source = "pack \"t\"\nrule slow {\n  message \"m\"\n  forbid /((a{1000}){1000})\\1/\n}\n";
    let pack = parse("t.rules", source, Form::Dsl);
    assert!(pack.is_ok(), "{source}");
    let Ok(pack) = pack else { unreachable!() };
    let engine = Engine::new(&pack.rule_set()).with_regex_time_limit(Duration::from_millis(20));
    let report = Document::parse(format!("关于报告\n{}\n", "a".repeat(100_000)));
    let findings = engine.check(&report);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert!(
        findings[0]
            .message
            .starts_with("rule could not be evaluated here: the regex gave up on this text: searching took longer than 20ms"),
        "{}",
        findings[0].message
    );
}

#[test]
fn a_report_of_one_huge_line_is_checked() {
    // No sentence ends and no line breaks: every stretch-based search sees the whole text.
    let path = scratch("huge-line").join("one-line.txt");
    std::fs::write(&path, "法制宣传第一职责人共有300余人其中".repeat(20_000)).expect("written");
    let run = run(&[
        "check",
        "--color",
        "never",
        "--format",
        "json",
        &path.display().to_string(),
    ]);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.contains("term-first-responsible"),
        "{}",
        &run.stdout[..run.stdout.len().min(400)]
    );
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("robust")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}
