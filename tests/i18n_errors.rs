//! The error fixtures of `tests/fixtures/i18n` (a pack that is not closed, a keyword typo, an
//! unknown capture, a regex error, a duplicate id, a YAML indentation slip, a bad
//! configuration, a missing report, an unreadable .docx, `test` and `check` on a broken
//! pack, a mistyped rule id, a configuration naming a rule no pack has, a pair that is not two characters and a
//! function given the wrong number of arguments, `serve` with no rules, and authoring slips:
//! full-width punctuation, placeholders that are not ones, unclosed rules, YAML tabs and a
//! `: ` inside a text) as the user sees them, in Chinese and in English; and a leak
//! test: no English sentence reaches a Chinese run of them or of the help of any command.

use crate::i18n_cli::{run_in_with_env, Out};
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const F: &str = "tests/fixtures/i18n";
/// A short report with a list of parts, a rate, a rate left unchecked (its total is
/// approximate) and a growth.
const INSPECT_REPORT: &str = "tests/fixtures/i18n/inspect.txt";

/// One fixture: a name, the folder to run in (relative to the crate root), the arguments.
struct Case {
    name: &'static str,
    dir: &'static str,
    args: Vec<String>,
}

fn case(name: &'static str, args: &[&str]) -> Case {
    Case {
        name,
        dir: ".",
        args: args.iter().map(|a| a.replace("{F}", F)).collect(),
    }
}

fn pack_case(name: &'static str, pack: &str) -> Case {
    case(
        name,
        &[
            "check",
            "--no-config",
            "--no-builtin",
            "--pack",
            &format!("{{F}}/{pack}"),
            "{F}/report.txt",
        ],
    )
}

fn cases() -> Vec<Case> {
    vec![
        pack_case("unclosed_rule", "unclosed.rules"),
        pack_case("keyword_typo", "keyword-typo.rules"),
        pack_case("unknown_capture", "unknown-capture.rules"),
        pack_case("regex_error", "regex-error.rules"),
        pack_case("duplicate_id", "duplicate-id.rules"),
        pack_case("yaml_indentation", "yaml-indent.yaml"),
        pack_case("bad_pair_and_arity", "bad-pair.rules"),
        pack_case("empty_term_list", "empty-terms.rules"),
        Case {
            name: "bad_config",
            dir: "tests/fixtures/i18n/bad-config",
            args: vec!["check".into(), "report.txt".into()],
        },
        Case {
            name: "unknown_rule_in_config",
            dir: "tests/fixtures/i18n/unknown-rule-config",
            args: vec!["check".into(), "report.txt".into()],
        },
        case(
            "missing_report",
            &["check", "--no-config", "{F}/no-such-report.txt"],
        ),
        case(
            "unreadable_docx",
            &["check", "--no-config", "{F}/broken.docx"],
        ),
        case("test_broken_pack", &["test", "{F}/unclosed.rules"]),
        case(
            "check_broken_pack_summary",
            &[
                "check",
                "--no-config",
                "--rule",
                "title-present",
                "--pack",
                "{F}/keyword-typo.rules",
                "{F}/report.txt",
            ],
        ),
        case("rules_explain_typo", &["rules", "explain", "plan-yea"]),
        case("serve_no_rules", &["serve", "--no-config", "--no-builtin"]),
        slip_case(
            "slip_keyword_full_width_colon",
            "keyword-fullwidth-colon.rules",
        ),
        slip_case(
            "slip_placeholder_full_width_colon",
            "placeholder-fullwidth-colon.rules",
        ),
        slip_case(
            "slip_placeholder_missing_colon",
            "placeholder-missing-colon.rules",
        ),
        slip_case(
            "slip_placeholder_type_typo",
            "placeholder-unknown-type.rules",
        ),
        slip_case("slip_rule_not_closed", "rule-not-closed.rules"),
        slip_case(
            "slip_rule_not_closed_at_end",
            "rule-not-closed-at-end.rules",
        ),
        slip_case("slip_yaml_tab", "yaml-tab.yaml"),
        slip_case("slip_yaml_colon_in_text", "yaml-colon-in-text.yaml"),
        slip_case(
            "slip_yaml_list_full_width_comma",
            "flow-list-fullwidth-comma.yaml",
        ),
    ]
}

/// A pack of `tests/fixtures/slips` (authoring slips typed on a Chinese keyboard) checked
/// against the report of the i18n fixtures.
fn slip_case(name: &'static str, pack: &str) -> Case {
    case(
        name,
        &[
            "check",
            "--no-config",
            "--no-builtin",
            "--pack",
            &format!("tests/fixtures/slips/{pack}"),
            "{F}/report.txt",
        ],
    )
}

fn run(case: &Case, lang: &str) -> Out {
    let mut args: Vec<&str> = vec!["--lang", lang];
    args.extend(case.args.iter().map(String::as_str));
    run_in_with_env(&Path::new(ROOT).join(case.dir), &[], &args)
}

/// What a snapshot shows of a run: the command, the exit code and both streams, with the
/// time of the summary line left out (it differs on every run).
fn shown(case: &Case, out: &Out) -> String {
    let seconds = regex::Regex::new(r"\d+\.\d\d(s| 秒)").expect("pattern compiles");
    let text = format!(
        "$ reportlint {} (in {})\nexit code: {}\n--- stderr\n{}--- stdout\n{}",
        case.args.join(" "),
        case.dir,
        out.code,
        out.stderr,
        out.stdout
    );
    seconds.replace_all(&text, "X.XX$1").into_owned()
}

#[test]
fn error_fixtures_in_chinese_and_english() {
    for case in cases() {
        for lang in ["zh", "en"] {
            let out = run(&case, lang);
            assert_eq!(out.code, 2, "{}: {}", case.name, shown(&case, &out));
            let name = format!("i18n_{lang}_{}", case.name);
            insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
                insta::assert_snapshot!(name, shown(&case, &out));
            });
        }
    }
}

/// Runs of three or more English words in `text`, outside what the user wrote or types:
/// source excerpts, backquoted and quoted text, paths, flags, keys, placeholders, lists of
/// values in ［］, command names, and the technical details of other libraries, which are
/// marked as such.
pub fn english_runs(text: &str) -> Vec<String> {
    let excerpt = regex::Regex::new(r"^\s*\d+\s*│").expect("pattern compiles");
    let detail = regex::Regex::new(r"技术细节：[^）]*(）|$)").expect("pattern compiles");
    let quoted = regex::Regex::new(r"`[^`]*`|“[^”]*”|<[^>]*>|\[[^\]]*\]|［[^］]*］|reportlint(?: (?:check|inspect|rules|list|explain|test|convert|fmt|init|completions|man|serve|schema|help))*").expect("pattern compiles");
    let run = regex::Regex::new(r"[A-Za-z]+(?:[ ,;]+[A-Za-z]+){2,}").expect("pattern compiles");
    let mut found = Vec::new();
    for line in text.lines() {
        if excerpt.is_match(line) {
            continue;
        }
        let line = detail.replace_all(line, " ");
        let line = quoted.replace_all(&line, " ");
        let kept: Vec<&str> = line
            .split_whitespace()
            .filter(|token| {
                !token.chars().any(|c| {
                    matches!(
                        c,
                        '/' | '.' | '-' | '_' | ':' | '=' | '\\' | '@' | '*' | '|'
                    ) || c.is_ascii_digit()
                })
            })
            .collect();
        let line = kept.join(" ");
        for m in run.find_iter(&line) {
            found.push(format!("{} (in: {line})", m.as_str()));
        }
    }
    found
}

#[test]
fn the_leak_detector_finds_english_sentences_and_spares_what_users_type() {
    assert_eq!(english_runs("错误：no such file or directory").len(), 1);
    assert!(
        english_runs("错误：规则包 `rules/a b c.rules` 里没有 `require` 或 `forbid`").is_empty()
    );
    assert!(english_runs(" 5 │   mesage \"this is the user's own text\"").is_empty());
    assert!(english_runs("文件已损坏（技术细节：invalid Zip archive found）").is_empty());
    assert!(english_runs("用法：reportlint check [OPTIONS] [PATHS]...").is_empty());
    assert!(english_runs("扩展名［默认：txt,md,html］").is_empty());
    assert_eq!(english_runs("它是 is a folder").len(), 1);
}

#[test]
fn no_english_sentence_reaches_a_chinese_run() {
    let mut runs: Vec<(String, Out)> = Vec::new();
    for case in cases() {
        let out = run(&case, "zh");
        runs.push((case.args.join(" "), out));
    }
    let helps: &[&[&str]] = &[
        &["--help"],
        &["check", "--help"],
        &["inspect", "--help"],
        &["rules", "--help"],
        &["rules", "list", "--help"],
        &["rules", "explain", "--help"],
        &["test", "--help"],
        &["convert", "--help"],
        &["fmt", "--help"],
        &["init", "--help"],
        &["completions", "--help"],
        &["man", "--help"],
        &["schema", "--help"],
        &["serve", "--help"],
        &["help"],
        &["chek"],
        &["check", "--formt", "x"],
        &["check", "--format", "pdf"],
        &["check", "--max-file-size", "1x"],
        &["rules"],
        &["inspect", INSPECT_REPORT],
    ];
    for args in helps {
        let out = run_in_with_env(Path::new(ROOT), &[], args);
        runs.push((args.join(" "), out));
    }
    let mut leaks = Vec::new();
    for (command, out) in &runs {
        for leak in english_runs(&out.stderr)
            .into_iter()
            .chain(english_runs(&out.stdout))
        {
            leaks.push(format!("reportlint {command}: {leak}"));
        }
    }
    assert!(
        leaks.is_empty(),
        "English in a Chinese run:\n{}",
        leaks.join("\n")
    );
}

/// The `inspect` text view in Chinese: labels, verdicts, the analyser's reasons and its
/// pairings are in words a legal officer reads, with no English left.
#[test]
fn the_inspect_view_in_chinese() {
    let out = run_in_with_env(Path::new(ROOT), &[], &["inspect", INSPECT_REPORT]);
    assert_eq!(out.code, 0, "{}{}", out.stderr, out.stdout);
    assert_eq!(out.stderr, "");
    let leaks = english_runs(&out.stdout);
    assert!(
        leaks.is_empty(),
        "English in inspect:\n{}",
        leaks.join("\n")
    );
    for words in [
        "未核对：总数是约数",
        "部分 76件 与比率同为“办结”",
        "配对理由：",
    ] {
        assert!(
            out.stdout.contains(words),
            "{words} not in:\n{}",
            out.stdout
        );
    }
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("i18n_zh_inspect", out.stdout);
    });
}
