//! Limits on what loading packs and the configuration may do: which files a configuration
//! may name, what an error may quote, how large and how deeply nested a pack may be, which
//! kinds of file are read at all. Every case ends in a clear error and exit code 2: never a
//! panic (101), a stack overflow (abort), a hang, or a secret printed into a CI log.
//!
//! Every run is a child process (an abort or a panic shows as a failed run, not as a dead
//! test binary), and the runs that could hang have a deadline.

use crate::check_support;

use check_support::{run_in, scratch_dir, Run};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SECRET: &str = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY";
const REPORT: &str = "报告.txt";
const PACK: &str = "pack \"o\"\nrule a {\n  message \"m\"\n  require \"不存在的词\"\n}\n";

fn assert_failed_cleanly(run: &Run, expected: &str) {
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

fn assert_no_secret(run: &Run) {
    assert!(
        !run.stderr.contains(SECRET) && !run.stdout.contains(SECRET),
        "the secret was printed:\n{}{}",
        run.stdout,
        run.stderr
    );
}

/// A git work tree `repo` (a `.git` folder is enough) with a report, inside a folder that
/// also holds a secret file and a pack outside the repository.
fn layout(name: &str) -> (PathBuf, PathBuf) {
    let root = scratch_dir(&format!("limits-{name}"));
    let repo = root.join("repo");
    std::fs::create_dir_all(repo.join(".git")).expect(".git created");
    std::fs::create_dir_all(repo.join("rules")).expect("rules folder");
    std::fs::write(repo.join(REPORT), "法治政府建设年度报告\n").expect("report written");
    std::fs::write(
        root.join("credentials"),
        format!("[default]\naws_secret_access_key = {SECRET}\n"),
    )
    .expect("secret written");
    std::fs::write(root.join("outside.rules"), PACK).expect("outside pack");
    (root, repo)
}

fn check(dir: &Path, extra: &[&str]) -> Run {
    let mut args = vec!["check", "--no-builtin", "--color", "never"];
    args.extend_from_slice(extra);
    args.push(REPORT);
    run_in(dir, &args, None)
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) {
    std::os::unix::fs::symlink(target, link).expect("link created");
}

// ------------------------------------------------------------- packs named by the configuration

#[cfg(unix)]
#[test]
fn a_configured_pack_linking_to_a_file_outside_is_refused_without_quoting_it() {
    let (root, repo) = layout("link-out");
    symlink(&root.join("credentials"), &repo.join("rules/c.rules"));
    std::fs::write(repo.join(".reportlint.yaml"), "packs: [rules/c.rules]\n").expect("config");
    let run = check(&repo, &[]);
    assert_failed_cleanly(&run, "is outside the repository");
    assert_no_secret(&run);
}

#[test]
fn a_configured_pack_outside_the_repository_needs_allow_pack_outside() {
    let (_root, repo) = layout("dotdot");
    std::fs::write(repo.join(".reportlint.yaml"), "packs: [../outside.rules]\n").expect("config");
    assert_failed_cleanly(&check(&repo, &[]), "is outside the repository");
    let allowed = check(&repo, &["--allow-pack-outside", "--fail-on", "warning"]);
    assert_eq!(allowed.code, 1, "{}", allowed.stderr);
    assert!(allowed.stdout.contains("o/a"), "{}", allowed.stdout);
}

#[test]
fn a_file_that_is_not_a_pack_is_named_but_not_quoted() {
    let (root, repo) = layout("not-a-pack");
    let secret = std::fs::read_to_string(root.join("credentials")).expect("secret");
    std::fs::write(repo.join("rules/c.rules"), &secret).expect("copy in the repository");
    std::fs::write(
        repo.join("rules/c.yaml"),
        format!("aws_secret_access_key: {SECRET}\n"),
    )
    .expect("yaml copy");
    for pack in ["rules/c.rules", "rules/c.yaml"] {
        std::fs::write(repo.join(".reportlint.yaml"), format!("packs: [{pack}]\n"))
            .expect("config");
        let run = check(&repo, &[]);
        assert_failed_cleanly(&run, "does not look like a rule pack");
        assert_no_secret(&run);
        // Named on the command line, the same file is not quoted either.
        let run = check(&repo, &["--no-config", "--pack", pack]);
        assert_failed_cleanly(&run, "does not look like a rule pack");
        assert_no_secret(&run);
    }
    // The outside file itself, named by the user with --pack, is read but not quoted.
    let run = check(
        &repo,
        &["--no-config", "--pack", "../credentials-link.rules"],
    );
    assert_failed_cleanly(&run, "cannot read rule pack");
    #[cfg(unix)]
    {
        symlink(
            &root.join("credentials"),
            &root.join("credentials-link.rules"),
        );
        let run = check(
            &repo,
            &["--no-config", "--pack", "../credentials-link.rules"],
        );
        assert_failed_cleanly(&run, "does not look like a rule pack");
        assert_no_secret(&run);
    }
}

#[test]
fn a_binary_pack_is_refused_without_quoting_it() {
    let (_root, repo) = layout("binary");
    // Valid UTF-8, but with NUL bytes: a syntax error on line 3 would quote line 2.
    let mut bytes = format!("pack \"b\"\n// {SECRET}\n").into_bytes();
    bytes.extend_from_slice(&[0, 0, 1, 2, b'\n']);
    std::fs::write(repo.join("rules/b.rules"), bytes).expect("binary pack");
    let run = check(&repo, &["--no-config", "--pack", "rules/b.rules"]);
    assert_failed_cleanly(&run, "not UTF-8 text");
    assert_no_secret(&run);
}

#[test]
fn a_pack_that_starts_like_one_is_still_quoted_in_its_errors() {
    let (_root, repo) = layout("quoted");
    std::fs::write(
        repo.join("rules/p.rules"),
        "// my pack\npack \"p\"\nrule a {\n  mesage \"m\"\n}\n",
    )
    .expect("pack");
    let run = check(&repo, &["--no-config", "--pack", "rules/p.rules"]);
    assert_failed_cleanly(&run, "mesage \"m\"");
}

#[test]
fn extends_outside_says_the_same_whether_or_not_the_file_exists() {
    let (_root, repo) = layout("extends-exists");
    std::fs::write(
        repo.join("rules/e.rules"),
        "pack \"e\"\nextends \"../../outside.rules\"\nextends \"../../no-such.rules\"\nextends \"../nor-this.rules\"\nrule a {\n  message \"m\"\n  require \"x\"\n}\n",
    )
    .expect("pack");
    let run = check(&repo, &["--no-config", "--pack", "rules/e.rules"]);
    assert_failed_cleanly(&run, "3 errors in rule pack");
    assert_eq!(
        run.stderr
            .matches("`extends` reaches outside the repository")
            .count(),
        2,
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("pack not found: rules/../../no-such"),
        "{}",
        run.stderr
    );
    // Inside the repository, a missing file is reported as missing.
    assert!(
        run.stderr
            .contains("extended pack not found: rules/../nor-this.rules"),
        "{}",
        run.stderr
    );
}

// ------------------------------------------------------------- long lines in errors

#[test]
fn an_error_past_column_65535_shows_a_window_of_its_line() {
    let (_root, repo) = layout("long-line");
    let alternatives = "\"词\" | ".repeat(20_000);
    std::fs::write(
        repo.join("rules/long.rules"),
        format!("pack \"l\"\nrule a {{ message \"m\" require {alternatives} 错误 }}\n"),
    )
    .expect("pack");
    let run = check(&repo, &["--no-config", "--pack", "rules/long.rules"]);
    assert_failed_cleanly(&run, "found `错误`");
    assert!(run.stderr.contains("错误 }"), "{}", run.stderr);
    assert!(run.stderr.len() < 3_000, "the whole line was quoted");
}

#[test]
fn a_configuration_error_on_a_long_line_is_clipped() {
    let (_root, repo) = layout("config-long-line");
    let globs: Vec<String> = (0..12_000).map(|i| format!("\"草稿{i}/**\"")).collect();
    std::fs::write(
        repo.join(".reportlint.yaml"),
        format!(
            "exclude: [{}]\nbuiltn: false\nfail_on: [{}, sometimes]\n",
            globs.join(", "),
            globs.join(", ")
        ),
    )
    .expect("config");
    let run = check(
        &repo,
        &["--pack", "../outside.rules", "--allow-pack-outside"],
    );
    assert_failed_cleanly(&run, "unknown setting `builtn`");
    assert!(run.stderr.len() < 5_000, "a long line was quoted whole");
}

#[test]
fn a_configuration_with_200000_excludes_on_one_line_is_refused_not_a_panic() {
    let (_root, repo) = layout("many-excludes");
    let globs: Vec<String> = (0..200_000).map(|i| format!("\"a{i}/**\"")).collect();
    std::fs::write(
        repo.join(".reportlint.yaml"),
        format!("exclude: [{}]\n", globs.join(", ")),
    )
    .expect("config");
    let run = check(
        &repo,
        &["--pack", "../outside.rules", "--allow-pack-outside"],
    );
    assert_failed_cleanly(
        &run,
        "the configuration exceeds a safety limit: too many values",
    );
    assert!(run.stderr.len() < 3_000, "the whole line was quoted");
}

/// Thousands of errors in one file: the first 50 are shown and counted, instead of each one
/// being rendered (45 000 unknown rule names took more than 5 minutes, now under a second).
#[test]
fn thousands_of_errors_show_the_first_fifty() {
    let (_root, repo) = layout("many-errors");
    let entries: Vec<String> = (0..2_000).map(|i| format!("r{i}: info")).collect();
    std::fs::write(
        repo.join(".reportlint.yaml"),
        format!("severity: {{{}}}\n", entries.join(", ")),
    )
    .expect("config");
    // Rule names are checked against the loaded packs when the built-in pack is on.
    let run = run_in(&repo, &["check", "--color", "never", REPORT], None);
    assert_failed_cleanly(
        &run,
        "2000 errors in the configuration (the first 50 are shown)",
    );
    assert_eq!(
        run.stderr.matches("no loaded pack has a rule").count(),
        50,
        "{}",
        &run.stderr[..run.stderr.len().min(2_000)]
    );
}

#[test]
fn configuration_limits_name_the_configuration() {
    let (_root, repo) = layout("config-aliases");
    let aliases = vec!["*a"; 2_000].join(",");
    std::fs::write(
        repo.join(".reportlint.yaml"),
        format!("a: &a [x]\nexclude: [{aliases}]\n"),
    )
    .expect("config");
    let run = check(
        &repo,
        &["--pack", "../outside.rules", "--allow-pack-outside"],
    );
    assert_failed_cleanly(
        &run,
        "the configuration exceeds a safety limit: too many aliases",
    );
    assert!(!run.stderr.contains("pack"), "{}", run.stderr);

    let text = format!("exclude: [{}]\n", "x".repeat(4 * 1024 * 1024));
    let parsed = reportlint::config::parse(Path::new(".reportlint.yaml"), Path::new("."), &text);
    let messages: Vec<String> = parsed
        .err()
        .map(|e| e.errors().iter().map(|e| e.message.clone()).collect())
        .unwrap_or_default();
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("the configuration file is")),
        "{messages:?}"
    );
}

// ------------------------------------------------------------- size

/// A file of `size` bytes that takes no room on disk (zeros, written by extending it).
fn sparse(path: &Path, size: u64) {
    let file = std::fs::File::create(path).expect("file created");
    file.set_len(size).expect("file extended");
}

#[test]
fn a_pack_or_configuration_over_4_mib_is_refused_before_it_is_read() {
    let (_root, repo) = layout("size");
    let over = 4 * 1024 * 1024 + 1;
    sparse(&repo.join("rules/big.rules"), over);
    sparse(&repo.join("rules/big.yaml"), over);
    for pack in ["rules/big.rules", "rules/big.yaml"] {
        let run = check(&repo, &["--no-config", "--pack", pack]);
        assert_failed_cleanly(
            &run,
            "it is 4194305 bytes; files larger than 4194304 bytes are refused",
        );
    }
    sparse(&repo.join("big-config.yaml"), over);
    let run = check(&repo, &["--config", "big-config.yaml"]);
    assert_failed_cleanly(
        &run,
        "cannot read configuration big-config.yaml: it is 4194305 bytes",
    );
}

// ------------------------------------------------------------- not regular files

/// Runs `reportlint ARGS` in `dir`; a run still going after a generous deadline is killed
/// and reported as hanging.
fn run_with_deadline(dir: &Path, args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_reportlint"))
        .env("REPORTLINT_LANG", "en")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the reportlint binary starts");
    let started = Instant::now();
    loop {
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("reportlint {args:?} hung on a FIFO");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("reportlint finishes");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[cfg(unix)]
fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(unix)]
#[test]
fn fifos_are_refused_not_waited_on() {
    let (_root, repo) = layout("fifo");
    if !mkfifo(&repo.join("rules/pipe.rules")) || !mkfifo(&repo.join("pipe.yaml")) {
        return;
    }
    let fifo_kind = "a FIFO (named pipe), not a regular file";
    std::fs::write(
        repo.join("rules/e.rules"),
        "pack \"e\"\nextends \"pipe.rules\"\nrule a {\n  message \"m\"\n  require \"x\"\n}\n",
    )
    .expect("pack");
    let args = ["check", "--no-builtin", "--color", "never", REPORT];
    for extra in [
        vec!["--no-config", "--pack", "rules/pipe.rules"],
        vec!["--no-config", "--pack", "rules/e.rules"],
        vec!["--config", "pipe.yaml"],
        vec![
            "--no-config",
            "--pack",
            "../outside.rules",
            "--baseline",
            "pipe.yaml",
        ],
    ] {
        let mut all: Vec<&str> = args.to_vec();
        all.extend(extra.iter().copied());
        let run = run_with_deadline(&repo, &all);
        assert_failed_cleanly(&run, fifo_kind);
    }
    std::fs::write(repo.join(".reportlint.yaml"), "packs: [rules/pipe.rules]\n").expect("config");
    let run = run_with_deadline(&repo, &args);
    assert_failed_cleanly(&run, fifo_kind);
}

// ------------------------------------------------------------- nesting

fn rule_pack(body: &str) -> String {
    format!("pack \"d\"\nrule a {{\n  message \"m\"\n  {body}\n}}\n")
}

fn check_pack_text(name: &str, file: &str, text: &str) -> Run {
    let (_root, repo) = layout(name);
    std::fs::write(repo.join("rules").join(file), text).expect("pack");
    check(&repo, &["--no-config", "--pack", &format!("rules/{file}")])
}

#[test]
fn ten_thousand_nested_matcher_lists_are_refused() {
    let n = 10_000;
    let text = rule_pack(&format!(
        "require {}\"法治\"{}",
        "any(all(".repeat(n),
        "))".repeat(n)
    ));
    let run = check_pack_text("deep-lists", "deep.rules", &text);
    assert_failed_cleanly(&run, "brackets are nested more than 32 deep");
    assert!(run.stderr.contains("deep.rules:4:"), "{}", run.stderr);
}

#[test]
fn deep_parentheses_minus_and_not_are_refused() {
    let cases = [
        (
            "parens",
            format!("{}1{} > 0", "(".repeat(5_000), ")".repeat(5_000)),
            "brackets are nested more than 32 deep",
        ),
        (
            "minus",
            format!("{}1 > 0", "-".repeat(5_000)),
            "nested more than 64 levels deep",
        ),
        (
            "not",
            format!("{}1 > 0", "not ".repeat(5_000)),
            "nested more than 64 levels deep",
        ),
        (
            "calls",
            format!("{}1{} > 0", "abs(".repeat(5_000), ")".repeat(5_000)),
            "brackets are nested more than 32 deep",
        ),
    ];
    for (name, expr, expected) in cases {
        let text = rule_pack(&format!("match \"法治\"\n  assert {expr}"));
        let run = check_pack_text(&format!("deep-{name}"), "deep.rules", &text);
        assert_failed_cleanly(&run, expected);
    }
}

#[test]
fn a_5000_term_sum_is_refused_in_both_forms() {
    let sum = vec!["1"; 5_000].join(" + ");
    let dsl = rule_pack(&format!("match \"法治\"\n  assert {sum} > 0"));
    let run = check_pack_text("sum-dsl", "sum.rules", &dsl);
    assert_failed_cleanly(&run, "this expression is nested more than 64 levels deep");
    let yaml = format!(
        "pack: s\nrules:\n  - id: a\n    message: m\n    match: 法治\n    assert: \"{sum} > 0\"\n"
    );
    let run = check_pack_text("sum-yaml", "sum.yaml", &yaml);
    assert_failed_cleanly(&run, "this expression is nested more than 64 levels deep");
    assert!(run.stderr.contains("sum.yaml:6:"), "{}", run.stderr);
}

#[test]
fn expressions_and_lists_up_to_the_limits_load_and_run() {
    // 62 additions under a comparison: depth 64, the most allowed.
    let sum = vec!["1"; 63].join(" + ");
    let lists = format!("{}\"不存在的词\"{}", "any(".repeat(31), ")".repeat(31));
    let text = format!(
        "pack \"ok\"\nrule a {{\n  message \"m\"\n  match \"法治\"\n  assert {sum} < 0\n}}\nrule b {{\n  message \"m\"\n  require {lists}\n}}\n"
    );
    let (_root, repo) = layout("at-limits");
    std::fs::write(repo.join("rules/ok.rules"), &text).expect("pack");
    let run = check(
        &repo,
        &[
            "--no-config",
            "--pack",
            "rules/ok.rules",
            "--fail-on",
            "warning",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.contains("ok/a") && run.stdout.contains("ok/b"),
        "{}",
        run.stdout
    );
    // In this test's own thread (2 MiB of stack), loading the same pack works too.
    let parsed =
        reportlint::eval::load::parse("ok.rules", &text, reportlint::eval::load::Form::Dsl);
    assert!(parsed.is_ok(), "{:?}", parsed.err());
}
