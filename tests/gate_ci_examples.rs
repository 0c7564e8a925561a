//! The CI examples and the pre-commit manifest run what they say: every `reportlint`
//! command in them is run in a scratch repository of reports, and the files they hand to
//! the CI system (SARIF for code scanning, JUnit for GitLab) are produced and well-formed.

use crate::gate_support;

use gate_support::{Repo, CONFIG};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn read_yaml(rel: &str) -> serde_json::Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel);
    let text = std::fs::read_to_string(&path).expect("example is readable");
    serde_saphyr::from_str(&text).expect("example is valid YAML")
}

/// Run a shell command line as a CI runner would, with the built binary on the PATH.
fn shell(repo: &Repo, command: &str) -> Option<i32> {
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_reportlint"))
        .parent()
        .expect("the binary is in a folder")
        .to_path_buf();
    let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("PATH can be joined");
    Command::new("sh")
        .env("REPORTLINT_LANG", "en")
        .arg("-c")
        .arg(command)
        .current_dir(&repo.dir)
        .env("PATH", path)
        .env("CI", "true")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("sh runs")
        .code()
}

fn reportlint_commands<'a>(commands: impl Iterator<Item = &'a serde_json::Value>) -> Vec<String> {
    commands
        .filter_map(|c| c.as_str())
        .filter(|c| c.trim_start().starts_with("reportlint "))
        .map(|c| c.trim().to_string())
        .collect()
}

fn repo_with_committed_reports(name: &str) -> Repo {
    let repo = Repo::with_reports(name);
    repo.write(".reportlint.yaml", CONFIG);
    repo.commit_all("年度报告");
    repo
}

#[test]
fn the_github_workflow_annotates_and_uploads_sarif() {
    let workflow = read_yaml("examples/ci/github-actions.yml");
    let steps = workflow["jobs"]["lint"]["steps"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let commands = reportlint_commands(steps.iter().map(|s| &s["run"]));
    assert_eq!(commands.len(), 3, "{commands:?}");
    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif@"))
        })
        .expect("the workflow uploads SARIF");
    let sarif_file = upload["with"]["sarif_file"].as_str().unwrap_or_default();

    let repo = repo_with_committed_reports("ci-github");
    for command in &commands {
        // The pull-request base is the last commit here.
        let command = command.replace("\"origin/${{ github.base_ref }}\"", "HEAD");
        let code = shell(&repo, &command);
        let expected = if command.contains("--fail-on never") || command.contains("--since") {
            Some(0)
        } else {
            Some(1)
        };
        assert_eq!(code, expected, "{command}");
    }
    let sarif: serde_json::Value =
        serde_json::from_slice(&repo.read(sarif_file)).expect("the SARIF file is JSON");
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(
        sarif["runs"][0]["results"].as_array().map(Vec::len),
        Some(3)
    );
}

#[test]
fn the_gitlab_job_writes_the_junit_report_it_declares() {
    let pipeline = read_yaml("examples/ci/gitlab-ci.yml");
    let job = &pipeline["reportlint"];
    let commands = reportlint_commands(job["script"].as_array().into_iter().flatten());
    assert_eq!(commands.len(), 1, "{commands:?}");
    let junit_file = job["artifacts"]["reports"]["junit"]
        .as_str()
        .unwrap_or_default();
    assert_eq!(job["artifacts"]["when"], "always");

    let repo = repo_with_committed_reports("ci-gitlab");
    assert_eq!(shell(&repo, &commands[0]), Some(1));
    let xml = String::from_utf8(repo.read(junit_file)).unwrap_or_default();
    let doc = roxmltree::Document::parse(&xml).expect("the JUnit report is XML");
    assert_eq!(doc.root_element().tag_name().name(), "testsuites");
}

#[test]
fn the_pre_commit_hook_entry_checks_the_files_it_is_given() {
    let manifest = read_yaml(".pre-commit-hooks.yaml");
    let hook = &manifest[0];
    assert_eq!(hook["id"], "reportlint");
    assert_eq!(hook["language"], "rust");
    let entry = hook["entry"].as_str().unwrap_or_default();
    let files =
        regex::Regex::new(hook["files"].as_str().unwrap_or_default()).expect("files is a regex");
    assert!(files.is_match("乡镇/河口镇.txt") && files.is_match("报告.docx"));
    assert!(!files.is_match("rules/gate.rules"));

    let repo = repo_with_committed_reports("ci-pre-commit");
    repo.write(
        ".reportlint.yaml",
        format!("{CONFIG}exclude: [乡镇/河口镇.txt]\n"),
    );
    // pre-commit appends the staged file names to the entry.
    assert_eq!(shell(&repo, &format!("{entry} 乡镇/城关镇.txt")), Some(0));
    assert_eq!(shell(&repo, &format!("{entry} 部门/司法局.txt")), Some(1));
    // The configuration's exclude list holds for the names pre-commit passes.
    assert_eq!(shell(&repo, &format!("{entry} 乡镇/河口镇.txt")), Some(0));
}

#[test]
fn the_pre_commit_hook_takes_file_names_that_look_like_options_as_files() {
    let manifest = read_yaml(".pre-commit-hooks.yaml");
    let entry = manifest[0]["entry"].as_str().unwrap_or_default();
    let repo = repo_with_committed_reports("ci-pre-commit-options");
    let slips = gate_support::fixture("township-slips.txt");
    repo.write("victim.txt", "keep me");
    repo.write("--output=victim.txt", &slips);
    repo.write("--write-baseline=accepted.txt", &slips);
    // The committed files are checked (they have defects), not read as options: nothing is
    // overwritten and no baseline is written.
    assert_eq!(
        shell(&repo, &format!("{entry} '--output=victim.txt'")),
        Some(1)
    );
    assert_eq!(repo.read("victim.txt"), b"keep me");
    assert_eq!(
        shell(&repo, &format!("{entry} '--write-baseline=accepted.txt'")),
        Some(1)
    );
    assert!(!repo.path("accepted.txt").exists());
}

/// `tests/precommit.sh` runs the binary cargo built, wherever CARGO_TARGET_DIR puts it.
#[test]
fn the_pre_commit_script_finds_the_binary_under_cargo_target_dir() {
    let elsewhere = Path::new(env!("CARGO_TARGET_TMPDIR")).join("elsewhere-target");
    let out = Command::new("bash")
        .arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/precommit.sh"))
        .env("CARGO_TARGET_DIR", &elsewhere)
        .env("REPORTLINT_PRECOMMIT_LOCATE_ONLY", "1")
        .env_remove("REPORTLINT_BIN")
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = String::from_utf8(out.stdout).expect("UTF-8 path");
    assert_eq!(
        Path::new(printed.trim_end()),
        elsewhere.join("debug").join("reportlint")
    );
}
