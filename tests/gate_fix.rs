//! `check --fix` and `--diff` end to end: fixes keep the encoding, byte-order mark and line
//! ends, a second run changes nothing, a write that fails half-way leaves the report as it
//! was, and formats that cannot be written back are never touched.

use crate::gate_support;

use gate_support::{findings, finish, Repo, CONFIG};
use std::process::{Command, Stdio};

const SLIPS: &str = "乡镇/河口镇.txt";

fn crlf_with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    bytes
}

fn fixed_slips() -> String {
    gate_support::fixture("township-slips.txt")
        .replace("第一负责人", "第一责任人")
        .replace("法制政府", "法治政府")
}

#[test]
fn fix_keeps_bom_and_crlf_and_a_second_run_changes_nothing() {
    let repo = Repo::with_reports("fix-crlf-bom");
    repo.write(".reportlint.yaml", CONFIG);
    repo.write(
        SLIPS,
        crlf_with_bom(&gate_support::fixture("township-slips.txt")),
    );
    let run = repo.run(&["check", "--fix", "--color", "never", SLIPS]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.starts_with("fixed 2 problems in 1 file\n"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "", "no finding remains to report");
    let once = repo.read(SLIPS);
    assert_eq!(once, crlf_with_bom(&fixed_slips()));

    let again = repo.run(&["check", "--fix", SLIPS]);
    assert_eq!(again.code, Some(0));
    assert!(again.stderr.starts_with("fixed 0 problems in 0 files\n"));
    assert_eq!(repo.read(SLIPS), once);
}

#[test]
fn after_fixing_the_report_shows_what_remains() {
    let repo = Repo::with_reports("fix-remaining");
    repo.write(".reportlint.yaml", CONFIG);
    // No 矛盾纠纷 here: a finding without a fix stays.
    repo.write(
        SLIPS,
        gate_support::fixture("township-slips.txt").replace("排查化解矛盾纠纷21件", "全年调解21件"),
    );
    let run = repo.run(&["check", "--fix", "--format", "json", SLIPS]);
    assert_eq!(run.code, Some(1));
    assert_eq!(
        findings(&run.stdout),
        gate_support::pairs(&[(SLIPS, "gate/township-disputes")])
    );
}

#[test]
fn diff_shows_the_fixes_and_writes_nothing() {
    let repo = Repo::with_reports("diff");
    repo.write(".reportlint.yaml", CONFIG);
    let before = repo.read(SLIPS);
    let run = repo.run(&["check", "--diff", "乡镇"]);
    assert_eq!(run.code, Some(1), "a pending fix fails the run");
    assert_eq!(repo.read(SLIPS), before);
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("gate_fix_diff", run.stdout);
    });
    let clean = repo.run(&["check", "--diff", "乡镇/城关镇.txt"]);
    assert_eq!((clean.code, clean.stdout.as_str()), (Some(0), ""));
}

#[test]
fn gbk_and_markdown_reports_are_fixed_in_their_own_form() {
    let repo = Repo::with_reports("fix-gbk-md");
    repo.write(".reportlint.yaml", CONFIG);
    let text = gate_support::fixture("township-slips.txt");
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    repo.write("乡镇/河口镇-gbk.txt", gbk.as_ref());
    repo.write(
        "乡镇/河口镇.md",
        "# 河口镇2024年法治政府建设年度报告\n\n## 一、主要举措和成效\n\n镇长认真履行推进法治建设**第一负责人**职责。\n落实“谁执法谁普法”普法责任制，\n加快法制政府建设，排查化解矛盾纠纷21件。\n",
    );
    let run = repo.run(&["check", "--fix", "乡镇/河口镇-gbk.txt", "乡镇/河口镇.md"]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    let fixed = fixed_slips();
    let (expected, _, _) = encoding_rs::GBK.encode(&fixed);
    assert_eq!(repo.read("乡镇/河口镇-gbk.txt"), expected.as_ref());
    assert_eq!(
        String::from_utf8(repo.read("乡镇/河口镇.md")).unwrap_or_default(),
        "# 河口镇2024年法治政府建设年度报告\n\n## 一、主要举措和成效\n\n镇长认真履行推进法治建设**第一责任人**职责。\n落实“谁执法谁普法”普法责任制，\n加快法治政府建设，排查化解矛盾纠纷21件。\n",
    );
}

#[test]
fn html_reports_are_reported_not_fixable_and_never_touched() {
    let repo = Repo::with_reports("fix-html");
    repo.write(".reportlint.yaml", CONFIG);
    let page = "<html><body><article><h1>河口镇2024年法治政府建设年度报告</h1><p>镇长认真履行第一负责人职责。落实“谁执法谁普法”普法责任制，排查化解矛盾纠纷21件。</p></article></body></html>\n";
    repo.write("乡镇/河口镇.html", page);
    let run = repo.run(&["check", "--fix", "--format", "json", "乡镇/河口镇.html"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("乡镇/河口镇.html: not fixable"),
        "{}",
        run.stderr
    );
    assert_eq!(repo.read("乡镇/河口镇.html"), page.as_bytes());
}

/// Run `reportlint check --fix` with a file-size limit below the fixed report's size, so
/// writing the temporary file fails half-way. With `ignore_signal` the write returns an
/// error; without it the process is killed by SIGXFSZ in the middle of the write.
fn fix_with_file_size_limit(repo: &Repo, ignore_signal: bool) -> gate_support::Run {
    let script = if ignore_signal {
        "trap '' XFSZ; ulimit -f 1; exec \"$0\" \"$@\""
    } else {
        "ulimit -f 1; exec \"$0\" \"$@\""
    };
    let child = Command::new("sh")
        .env("REPORTLINT_LANG", "en")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_reportlint"))
        .args(["check", "--fix", SLIPS])
        .current_dir(&repo.dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sh starts");
    finish(child)
}

fn long_report() -> String {
    let filler =
        "全镇持续深化“放管服”改革，推进政务服务事项标准化，办事流程进一步精简。\n".repeat(20);
    format!("{}{filler}", gate_support::fixture("township-slips.txt"))
}

fn stray_temporary_files(repo: &Repo) -> Vec<String> {
    std::fs::read_dir(repo.path("乡镇"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect()
}

#[test]
fn a_write_that_fails_half_way_leaves_the_report_intact_and_no_temporary_file() {
    let repo = Repo::with_reports("fix-atomic-error");
    repo.write(".reportlint.yaml", CONFIG);
    let original = long_report();
    assert!(original.len() > 2048, "larger than the file-size limit");
    repo.write(SLIPS, &original);
    let run = fix_with_file_size_limit(&repo, true);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    // The file is reported as not checked, with the reason, in the findings report.
    assert!(
        run.stdout.contains("cannot write the fixed report")
            && run.stdout.contains("left unchanged"),
        "{}",
        run.stdout
    );
    assert_eq!(repo.read(SLIPS), original.as_bytes());
    assert_eq!(stray_temporary_files(&repo), Vec::<String>::new());
}

#[test]
fn a_run_killed_while_writing_leaves_the_report_intact() {
    let repo = Repo::with_reports("fix-atomic-kill");
    repo.write(".reportlint.yaml", CONFIG);
    let original = long_report();
    repo.write(SLIPS, &original);
    let run = fix_with_file_size_limit(&repo, false);
    assert_eq!(run.code, None, "killed by a signal: {}", run.stderr);
    assert_eq!(repo.read(SLIPS), original.as_bytes());
}
