//! `check --fix` keeps reports safe: fixes that would not settle change nothing.

mod gate_support;

use gate_support::Repo;

const SLIPS: &str = "乡镇/河口镇.txt";

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
