//! Baselines and changed-file selection end to end: a baseline survives an unrelated edit
//! above an accepted finding and still reports a new one; `--since` and `--files-from`
//! check only what a change touched.

use crate::gate_support;

use gate_support::{checked_files, findings, pairs, run_in, Repo, CONFIG};

#[test]
fn a_baseline_accepts_todays_findings_and_reports_only_new_ones() {
    let repo = Repo::with_reports("baseline");
    repo.write(".reportlint.yaml", CONFIG);
    let write = repo.run(&["check", "--write-baseline", "reportlint-baseline.json"]);
    assert_eq!(write.code, Some(0), "{}", write.stderr);
    assert!(write
        .stderr
        .contains("wrote reportlint-baseline.json: 3 findings accepted"));
    let baseline = String::from_utf8(repo.read("reportlint-baseline.json")).unwrap_or_default();
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("gate_baseline_file", baseline);
    });

    let clean = repo.run(&["check", "--baseline", "reportlint-baseline.json"]);
    assert_eq!(clean.code, Some(0), "{}", clean.stdout);
    assert!(
        clean.stderr.contains("; 3 in the baseline in "),
        "{}",
        clean.stderr
    );

    // An unrelated paragraph added above the accepted slips moves them down two lines.
    let edited = String::from_utf8(repo.read("乡镇/河口镇.txt"))
        .unwrap_or_default()
        .replacen(
            "一、主要举措和成效\n",
            "一、主要举措和成效\n全年制定行政规范性文件3件，均经合法性审核。\n\n",
            1,
        );
    repo.write("乡镇/河口镇.txt", &edited);
    let after_edit = repo.run(&["check", "--baseline", "reportlint-baseline.json"]);
    assert_eq!(after_edit.code, Some(0), "{}", after_edit.stdout);

    // A new slip of the same kind in another sentence is reported; the old ones are not.
    repo.write(
        "乡镇/河口镇.txt",
        format!("{edited}镇政府主要领导作为第一负责人，亲自部署普法工作。\n"),
    );
    let new_defect = repo.run(&[
        "check",
        "--baseline",
        "reportlint-baseline.json",
        "--format",
        "json",
    ]);
    assert_eq!(new_defect.code, Some(1));
    assert_eq!(
        findings(&new_defect.stdout),
        pairs(&[("乡镇/河口镇.txt", "gate/first-duty")])
    );
    let report: serde_json::Value = serde_json::from_str(&new_defect.stdout).unwrap_or_default();
    assert_eq!(report["files"][1]["diagnostics"][0]["line"], 9);
}

#[test]
fn the_configuration_can_name_the_baseline_and_it_works_from_a_subdirectory() {
    let repo = Repo::with_reports("baseline-config");
    repo.write(
        ".reportlint.yaml",
        format!("{CONFIG}baseline: reportlint-baseline.json\n"),
    );
    let write = repo.run_in(
        "乡镇",
        &["check", "--write-baseline", "../reportlint-baseline.json"],
    );
    assert_eq!(write.code, Some(0), "{}", write.stderr);
    // Paths in the baseline are relative to its folder, so a run from the root matches.
    let run = repo.run(&["check", "乡镇"]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    let missing = repo.run(&["check", "--baseline", "nowhere.json"]);
    assert_eq!(missing.code, Some(2));
    assert!(missing.stderr.contains("cannot read baseline nowhere.json"));
}

#[test]
fn since_checks_only_files_changed_or_added_after_a_revision() {
    let repo = Repo::with_reports("since");
    repo.write(".reportlint.yaml", CONFIG);
    repo.commit_all("2024年度报告初稿");
    repo.write(
        "部门/司法局.txt",
        format!(
            "{}排查化解矛盾纠纷8件。\n",
            gate_support::fixture("department.txt")
        ),
    );
    repo.write(
        "乡镇/新桥镇.txt",
        gate_support::fixture("township-slips.txt"),
    );
    repo.write("乡镇/说明.docx.bak", "not a report");
    let run = repo.run(&["check", "--since", "HEAD", "--format", "json"]);
    assert_eq!(
        checked_files(&run.stdout),
        ["乡镇/新桥镇.txt", "部门/司法局.txt"]
    );
    assert_eq!(run.code, Some(1));
    // Paths on the command line narrow the changed files further.
    let narrowed = repo.run(&["check", "--since", "HEAD", "--format", "json", "部门"]);
    assert_eq!(checked_files(&narrowed.stdout), ["部门/司法局.txt"]);
    assert_eq!(narrowed.code, Some(0));
    // From a subdirectory, paths are shown relative to it.
    let sub = repo.run_in("部门", &["check", "--since", "HEAD", "--format", "json"]);
    assert_eq!(checked_files(&sub.stdout), ["司法局.txt"]);
    // A revision git does not know is a clear error.
    let bad = repo.run(&["check", "--since", "no-such-rev"]);
    assert_eq!(bad.code, Some(2));
    assert!(bad
        .stderr
        .contains("cannot list the files changed since no-such-rev"));
}

#[test]
fn since_outside_a_git_repository_is_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("reportlint-no-git-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok();
    let run = run_in(&dir, &["check", "--since", "HEAD~1", "--no-config"], None);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("--since needs a git repository"),
        "{}",
        run.stderr
    );
}

#[test]
fn files_from_standard_input_checks_the_listed_reports() {
    let repo = Repo::with_reports("files-from");
    repo.write(".reportlint.yaml", format!("{CONFIG}exclude: [部门/**]\n"));
    let list = "乡镇/河口镇.txt\n\n部门/司法局.txt\nrules/gate.rules\n";
    let run = run_in(
        &repo.dir,
        &["check", "--files-from", "-", "--format", "json"],
        Some(list),
    );
    // The excluded report and the pack (not a report extension) are left out.
    assert_eq!(checked_files(&run.stdout), ["乡镇/河口镇.txt"]);
    assert_eq!(run.code, Some(1));
}

#[test]
fn since_takes_a_revision_never_a_git_option() {
    let repo = Repo::with_reports("since-option");
    repo.write(".reportlint.yaml", CONFIG);
    repo.commit_all("2024年度报告初稿");
    repo.write("victim.log", "keep me");
    // Uncommitted failing report: a gate that lists no changed file would pass.
    repo.write(
        "乡镇/新桥镇.txt",
        gate_support::fixture("township-slips.txt"),
    );
    for rev in [
        "--output=victim.log",
        "--output=victim.log^{commit}",
        "",
        "-p",
    ] {
        let run = repo.run(&["check", &format!("--since={rev}"), "--format", "json"]);
        assert_eq!(run.code, Some(2), "--since={rev}: {}", run.stderr);
        assert!(
            run.stderr.contains("names no commit of the repository"),
            "--since={rev}: {}",
            run.stderr
        );
        assert_eq!(run.stdout, "", "--since={rev}");
        assert_eq!(repo.read("victim.log"), b"keep me", "--since={rev}");
    }
    // A revision that is not a commit (a tree) is refused too.
    let tree = repo.run(&["check", "--since=HEAD^{tree}"]);
    assert_eq!(tree.code, Some(2), "{}", tree.stderr);
    // A real revision still works, however it is spelled.
    let ok = repo.run(&["check", "--since=HEAD~0", "--format", "json"]);
    assert_eq!(checked_files(&ok.stdout), ["乡镇/新桥镇.txt"]);
    assert_eq!(ok.code, Some(1));
}
