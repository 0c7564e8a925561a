//! The language of the command line: how it is chosen (flag, then REPORTLINT_LANG, then the
//! locale; Chinese by default), and the runtime messages that must say plainly that a pack
//! is broken (`test` and `check`) or that a rule id is mistyped (`rules explain`).

use std::path::Path;
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const FIXTURES: &str = "tests/fixtures/i18n";

pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Run the binary from the crate root with exactly the language variables given (the others
/// removed, whatever the machine running the tests has).
pub fn run_with_env(env: &[(&str, &str)], args: &[&str]) -> Out {
    run_in_with_env(Path::new(ROOT), env, args)
}

pub fn run_in_with_env(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Out {
    let mut command = Command::new(env!("CARGO_BIN_EXE_reportlint"));
    for name in [
        "REPORTLINT_LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "NO_COLOR",
    ] {
        command.env_remove(name);
    }
    command.envs(env.iter().copied()).env("NO_COLOR", "1");
    let out = command
        .args(args)
        .current_dir(dir)
        .output()
        .expect("reportlint runs");
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `rules explain` of an unknown id: its first line says the id is unknown.
fn unknown_rule_line(env: &[(&str, &str)], extra: &[&str]) -> String {
    let mut args = vec!["rules", "explain", "no-such-rule"];
    args.extend_from_slice(extra);
    let out = run_with_env(env, &args);
    assert_eq!(out.code, 2, "{}", out.stderr);
    out.stderr.lines().next().unwrap_or_default().to_string()
}

fn is_chinese(line: &str) -> bool {
    line.starts_with("错误：")
}

#[test]
fn chinese_is_the_default_and_english_is_chosen_by_flag_variable_or_locale() {
    assert!(is_chinese(&unknown_rule_line(&[], &[])));
    assert!(is_chinese(&unknown_rule_line(&[("LANG", "C.UTF-8")], &[])));
    assert!(is_chinese(&unknown_rule_line(
        &[("LANG", "zh_CN.UTF-8")],
        &[]
    )));
    assert!(!is_chinese(&unknown_rule_line(
        &[("LANG", "en_US.UTF-8")],
        &[]
    )));
    // The first non-empty of LC_ALL, LC_MESSAGES, LANG.
    assert!(!is_chinese(&unknown_rule_line(
        &[
            ("LC_ALL", ""),
            ("LC_MESSAGES", "en_GB"),
            ("LANG", "zh_CN.UTF-8")
        ],
        &[]
    )));
    assert!(is_chinese(&unknown_rule_line(
        &[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")],
        &[]
    )));
    // REPORTLINT_LANG beats the locale; --lang beats both.
    assert!(!is_chinese(&unknown_rule_line(
        &[("REPORTLINT_LANG", "en"), ("LANG", "zh_CN.UTF-8")],
        &[]
    )));
    assert!(is_chinese(&unknown_rule_line(
        &[("REPORTLINT_LANG", "zh"), ("LANG", "en_US.UTF-8")],
        &[]
    )));
    assert!(!is_chinese(&unknown_rule_line(
        &[("REPORTLINT_LANG", "zh")],
        &["--lang", "en"]
    )));
    assert!(is_chinese(&unknown_rule_line(
        &[("REPORTLINT_LANG", "en")],
        &["--lang=zh"]
    )));
}

#[test]
fn help_follows_the_language() {
    let zh = run_with_env(&[], &["check", "--help"]);
    assert_eq!(zh.code, 0);
    assert!(
        zh.stdout.contains("用法：reportlint check"),
        "{}",
        zh.stdout
    );
    assert!(zh.stdout.contains("输出格式"), "{}", zh.stdout);
    let en = run_with_env(&[], &["--lang", "en", "check", "--help"]);
    assert!(
        en.stdout.contains("Usage: reportlint check"),
        "{}",
        en.stdout
    );
    assert!(en.stdout.contains("Output format"), "{}", en.stdout);
    let man = run_with_env(&[], &["man"]);
    assert!(
        man.stdout.contains("按规则包检查法治政府建设年度报告"),
        "{}",
        man.stdout
    );
    // Every section heading of the man page is Chinese too (the renderer writes NAME …).
    let headings: Vec<&str> = man
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix(".SH "))
        .collect();
    assert!(headings.contains(&"名称"), "{headings:?}");
    assert!(
        headings
            .iter()
            .all(|h| !h.chars().any(|c| c.is_ascii_alphabetic())),
        "{headings:?}"
    );
    let man = run_with_env(&[], &["--lang", "en", "man"]);
    assert!(man.stdout.contains("\n.SH NAME\n"), "{}", man.stdout);
}

#[test]
fn a_mistyped_rule_id_gets_a_suggestion() {
    let zh = run_with_env(&[], &["rules", "explain", "plan-yea"]);
    assert_eq!(zh.code, 2);
    assert!(
        zh.stderr.contains("是不是要写“fazhi/plan-year”"),
        "{}",
        zh.stderr
    );
    let en = run_with_env(&[], &["--lang", "en", "rules", "explain", "fazhi/plan-yea"]);
    assert!(
        en.stderr.contains("did you mean `fazhi/plan-year`?"),
        "{}",
        en.stderr
    );
    // Nothing close: no suggestion.
    let far = run_with_env(&[], &["--lang", "en", "rules", "explain", "xyz"]);
    assert!(!far.stderr.contains("did you mean"), "{}", far.stderr);
}

/// `reportlint test` on a pack that does not load shows its errors and exits 2, and never
/// ends with a count that reads like a clean run.
#[test]
fn test_on_a_broken_pack_exits_2_with_its_errors_and_no_clean_count() {
    let pack = format!("{FIXTURES}/keyword-typo.rules");
    for lang in ["zh", "en"] {
        let out = run_with_env(&[], &["--lang", lang, "test", &pack]);
        assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
        assert!(out.stderr.contains("keyword-typo.rules"), "{}", out.stderr);
        assert!(!out.stdout.contains("0 passed, 0 failed"), "{}", out.stdout);
        assert!(
            !out.stdout.contains("通过 0 个，未通过 0 个"),
            "{}",
            out.stdout
        );
        let last = out.stdout.lines().last().unwrap_or_default();
        assert!(
            last.contains("no example was run") || last.contains("没有运行任何示例"),
            "{last}"
        );
    }
    // With a good pack beside it, the good one is tested and the last line says both.
    let out = run_with_env(
        &[],
        &[
            "--lang",
            "en",
            "test",
            &pack,
            "tests/fixtures/packs/extends/child.rules",
        ],
    );
    assert_eq!(out.code, 2);
    let last = out.stdout.lines().last().unwrap_or_default();
    assert_eq!(
        last,
        "2 passed, 0 failed; 1 pack has errors and was not tested"
    );
}

/// `check` with a broken pack says so on the first line of its messages and in the summary,
/// the last line, not only somewhere among the findings.
#[test]
fn check_with_a_broken_pack_says_so_first_and_last() {
    let pack = format!("{FIXTURES}/keyword-typo.rules");
    let report = format!("{FIXTURES}/report.txt");
    let zh = run_with_env(&[], &["check", "--no-config", "--pack", &pack, &report]);
    assert_eq!(zh.code, 2, "{}", zh.stderr);
    let first = zh.stderr.lines().next().unwrap_or_default();
    let last = zh.stderr.lines().last().unwrap_or_default();
    assert!(first.starts_with("错误：有 1 个规则包有错误"), "{first}");
    assert!(last.starts_with("检查了 1 个文件"), "{last}");
    assert!(
        last.contains("有 1 个规则包有错误，其中的规则没有运行，本次检查不完整"),
        "{last}"
    );
    let en = run_with_env(
        &[],
        &[
            "--lang",
            "en",
            "check",
            "--no-config",
            "--pack",
            &pack,
            &report,
        ],
    );
    let first = en.stderr.lines().next().unwrap_or_default();
    let last = en.stderr.lines().last().unwrap_or_default();
    assert!(
        first.starts_with("error: a rule pack has errors"),
        "{first}"
    );
    assert!(
        last.contains("a rule pack has errors and its rules did not run: the check is incomplete"),
        "{last}"
    );
}

/// An argument that is not UTF-8 text is refused in the language of the run, not in clap's
/// English.
#[test]
fn an_argument_that_is_not_text_is_refused_in_chinese() {
    use std::os::unix::ffi::OsStrExt;
    let out = Command::new(env!("CARGO_BIN_EXE_reportlint"))
        .env_remove("REPORTLINT_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("NO_COLOR", "1")
        .args([
            std::ffi::OsStr::new("rules"),
            std::ffi::OsStr::new("explain"),
        ])
        .arg(std::ffi::OsStr::from_bytes(b"\xff"))
        .output()
        .expect("reportlint runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("不是有效的 UTF-8 文字"), "{stderr}");
}
