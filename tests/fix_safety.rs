//! `check --fix` keeps reports safe: fixes that would not settle change nothing, a written
//! report keeps its identity (link, owner, permissions), read-only and hard-linked reports
//! are refused, temporary files never outlive a killed run for long, long names work, and
//! a GBK report never gets characters GBK cannot hold.

use crate::gate_support;

use gate_support::{finish, Repo, CONFIG};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::process::{Command, Stdio};

const SLIPS: &str = "乡镇/河口镇.txt";

fn fixed_slips() -> String {
    gate_support::fixture("township-slips.txt")
        .replace("第一负责人", "第一责任人")
        .replace("法制政府", "法治政府")
}

/// A repository with the gate reports and configuration, and `extra` as the only pack.
fn with_pack(name: &str, rules: &str) -> Repo {
    let repo = Repo::with_reports(name);
    repo.write(
        "rules/extra.rules",
        format!("pack \"extra\"\nversion \"1.0\"\ndescription \"d\"\n\n{rules}\n"),
    );
    repo.write(
        ".reportlint.yaml",
        "packs: [rules/extra.rules]\nbuiltin: false\n",
    );
    repo
}

#[test]
fn a_suggestion_holding_what_its_rule_forbids_is_a_pack_error() {
    let repo = with_pack(
        "fix-self-suggestion",
        "rule yifa {\n  severity error\n  message \"m\"\n  forbid \"法治\" suggest \"法治（依法）\"\n}",
    );
    let before = repo.read(SLIPS);
    let run = repo.run(&["check", "--fix", "--color", "never", SLIPS]);
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr
            .contains("this suggestion holds what its own rule forbids")
            && run.stderr.contains("“法治（依法）” holds “法治”"),
        "{}",
        run.stderr
    );
    assert_eq!(repo.read(SLIPS), before);
}

#[test]
fn fixes_that_would_never_settle_leave_the_file_unchanged() {
    // The capture hides from the pack check that the suggestion holds 法治 again.
    let repo = with_pack(
        "fix-never-settles",
        "rule yifa {\n  severity error\n  message \"m\"\n  forbid /法(?P<z>治)/ suggest \"法{z}（依法）\"\n}",
    );
    let before = repo.read(SLIPS);
    for _ in 0..2 {
        let run = repo.run(&["check", "--fix", "--color", "never", SLIPS]);
        assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
        assert!(
            run.stdout.contains(
                "cannot fix 乡镇/河口镇.txt: the fix of extra/yifa on line 1 (“法治” → “法治（依法）”) gives text that the same rule fixes again"
            ) && run.stdout.contains("the file was left unchanged"),
            "{}",
            run.stdout
        );
        assert_eq!(repo.read(SLIPS), before);
    }
    let diff = repo.run(&["check", "--diff", SLIPS]);
    assert_eq!((diff.code, diff.stdout.contains("+++")), (Some(2), false));
}

#[test]
fn a_symbolic_link_stays_a_link_and_its_target_is_fixed() {
    let repo = Repo::with_reports("fix-symlink");
    repo.write(".reportlint.yaml", CONFIG);
    repo.write(
        "存档/河口镇.txt",
        gate_support::fixture("township-slips.txt"),
    );
    std::fs::remove_file(repo.path(SLIPS)).expect("report removed");
    std::os::unix::fs::symlink("../存档/河口镇.txt", repo.path(SLIPS)).expect("link made");
    let run = repo.run(&["check", "--fix", SLIPS]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    let link = std::fs::symlink_metadata(repo.path(SLIPS)).expect("link is there");
    assert!(link.file_type().is_symlink(), "the link was replaced");
    assert_eq!(repo.read("存档/河口镇.txt"), fixed_slips().as_bytes());
}

#[test]
fn a_report_with_several_hard_links_is_refused() {
    let repo = Repo::with_reports("fix-hardlink");
    repo.write(".reportlint.yaml", CONFIG);
    std::fs::hard_link(repo.path(SLIPS), repo.path("乡镇/副本.txt")).expect("link made");
    let before = repo.read(SLIPS);
    let run = repo.run(&["check", "--fix", SLIPS]);
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("cannot write the fixed report 乡镇/河口镇.txt: it has 2 hard links")
            && run.stdout.contains("the file was left unchanged"),
        "{}",
        run.stdout
    );
    assert_eq!(repo.read(SLIPS), before);
    let meta = std::fs::metadata(repo.path(SLIPS)).expect("report is there");
    assert_eq!(meta.nlink(), 2, "the links are kept");
}

#[test]
fn a_fixed_report_keeps_its_owner_group_and_permissions() {
    let repo = Repo::with_reports("fix-owner");
    repo.write(".reportlint.yaml", CONFIG);
    let path = repo.path(SLIPS);
    let root = std::fs::metadata(&path).expect("report is there").uid() == 0;
    if root {
        std::os::unix::fs::chown(&path, Some(12345), Some(23456)).expect("chown as root");
    }
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let run = repo.run(&["check", "--fix", SLIPS]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert_eq!(repo.read(SLIPS), fixed_slips().as_bytes());
    let meta = std::fs::metadata(&path).expect("report is there");
    assert_eq!(meta.permissions().mode() & 0o7777, 0o640);
    if root {
        assert_eq!((meta.uid(), meta.gid()), (12345, 23456));
    } else {
        eprintln!("not root: the owner is not changed, only the permissions are checked");
    }
}

#[test]
fn a_read_only_report_is_refused_even_for_root() {
    let repo = Repo::with_reports("fix-read-only");
    repo.write(".reportlint.yaml", CONFIG);
    let path = repo.path(SLIPS);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let before = repo.read(SLIPS);
    let run = repo.run(&["check", "--fix", SLIPS]);
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("cannot write the fixed report 乡镇/河口镇.txt: it is read-only"),
        "{}",
        run.stdout
    );
    assert_eq!(repo.read(SLIPS), before);
    let meta = std::fs::metadata(&path).expect("report is there");
    assert_eq!(meta.permissions().mode() & 0o777, 0o444);
}

/// The names of the files in a folder of the repository that end in `.tmp`, sorted.
fn temporaries(repo: &Repo, dir: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo.path(dir))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    names.sort();
    names
}

/// The id of a process that has finished.
fn dead_pid() -> u32 {
    let mut child = Command::new("true").spawn().expect("true runs");
    let pid = child.id();
    child.wait().expect("true ends");
    pid
}

#[test]
fn stale_temporary_files_of_dead_runs_are_removed_and_nothing_else() {
    let repo = Repo::with_reports("fix-stale-temporaries");
    repo.write(".reportlint.yaml", CONFIG);
    let dead = dead_pid();
    let alive = std::process::id();
    let stale = [
        format!(".rl-{dead}-0.tmp"),
        format!(".河口镇.txt.reportlint-{dead}.tmp"),
    ];
    let kept = [
        format!(".rl-{alive}-0.tmp"),
        format!(".rl-{dead}-x.tmp"),
        format!("rl-{dead}-0.tmp"),
        "笔记.tmp".to_string(),
    ];
    for name in stale.iter().chain(&kept) {
        repo.write(&format!("乡镇/{name}"), "半截");
    }
    // --diff writes nothing, and removes nothing.
    let diff = repo.run(&["check", "--diff", SLIPS]);
    assert_eq!(diff.code, Some(1));
    assert_eq!(temporaries(&repo, "乡镇").len(), stale.len() + kept.len());
    let run = repo.run(&["check", "--fix", SLIPS]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    let mut expected = kept.to_vec();
    expected.sort();
    assert_eq!(temporaries(&repo, "乡镇"), expected);
}

#[test]
fn a_temporary_file_left_by_a_killed_run_is_removed_by_the_next_one() {
    let repo = Repo::with_reports("fix-killed");
    repo.write(".reportlint.yaml", CONFIG);
    let filler =
        "全镇持续深化“放管服”改革，推进政务服务事项标准化，办事流程进一步精简。\n".repeat(20);
    let original = format!("{}{filler}", gate_support::fixture("township-slips.txt"));
    repo.write(SLIPS, &original);
    // Killed by SIGXFSZ in the middle of writing the temporary file.
    let child = Command::new("sh")
        .env("REPORTLINT_LANG", "en")
        .arg("-c")
        .arg("ulimit -f 1; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_reportlint"))
        .args(["check", "--fix", SLIPS])
        .current_dir(&repo.dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sh starts");
    let killed = finish(child);
    assert_eq!(killed.code, None, "killed by a signal: {}", killed.stderr);
    let left = temporaries(&repo, "乡镇");
    assert!(
        left.len() == 1 && left[0].starts_with(".rl-"),
        "a short temporary name is left: {left:?}"
    );
    let run = repo.run(&["check", "--fix", SLIPS]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert_eq!(temporaries(&repo, "乡镇"), Vec::<String>::new());
    assert!(String::from_utf8_lossy(&repo.read(SLIPS)).contains("第一责任人"));
}

#[test]
fn a_report_with_a_name_of_the_longest_length_is_fixed() {
    let repo = Repo::with_reports("fix-long-name");
    repo.write(".reportlint.yaml", CONFIG);
    // 81 Chinese characters and `.txt`: 247 bytes, near the 255-byte limit of a name.
    let name = format!(
        "乡镇/{}.txt",
        "河口镇法治政府建设年度报告".repeat(6) + "附件三"
    );
    assert_eq!(name.len() - "乡镇/".len(), 247);
    repo.write(&name, gate_support::fixture("township-slips.txt"));
    let run = repo.run(&["check", "--fix", &name]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert_eq!(repo.read(&name), fixed_slips().as_bytes());
    assert_eq!(temporaries(&repo, "乡镇"), Vec::<String>::new());
}

const BEYOND_GBK: &str =
    "rule ji {\n  severity error\n  message \"m\"\n  forbid \"吉田\" suggest \"𠮷田\"\n}";

#[test]
fn a_gbk_report_never_gets_a_character_gbk_cannot_hold() {
    let repo = with_pack("fix-gbk-beyond", BEYOND_GBK);
    let text = "河口镇2024年法治政府建设年度报告\n镇司法所吉田同志带头讲法治课。\n";
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable);
    repo.write(SLIPS, gbk.as_ref());
    let run = repo.run(&["check", "--fix", SLIPS]);
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("the fixes bring in characters that GBK cannot hold (“𠮷” U+20BB7)"),
        "{}",
        run.stdout
    );
    assert_eq!(repo.read(SLIPS), gbk.as_ref());

    // A report that already holds GB18030-only characters is GB18030, and takes more.
    let gb18030_text = format!("{text}𠮷田同志主持会议。\n");
    let (bytes, _, _) = encoding_rs::GB18030.encode(&gb18030_text);
    repo.write(SLIPS, bytes.as_ref());
    let run = repo.run(&["check", "--fix", SLIPS]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    let fixed_text = gb18030_text.replace("吉田", "𠮷田");
    let (fixed, _, _) = encoding_rs::GB18030.encode(&fixed_text);
    assert_eq!(repo.read(SLIPS), fixed.as_ref());
}
