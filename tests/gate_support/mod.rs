//! Shared helpers of the `gate_*` integration tests: a scratch git repository holding
//! reports, the test pack and a configuration, and a way to run the built `reportlint`
//! binary in it (optionally in a subdirectory, with standard input).

use crate::check_support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What one run of the binary left behind.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

pub fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/gate")
        .join(name);
    std::fs::read_to_string(&path).expect("gate fixture is readable")
}

/// A fresh git repository under cargo's target directory (`test-scratch/` in its `tmp/`).
pub struct Repo {
    pub dir: PathBuf,
}

impl Repo {
    /// An empty repository with a local identity, so commits work on any machine.
    pub fn new(name: &str) -> Repo {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join("test-scratch")
            .join(format!("gate-{name}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch directory can be created");
        let repo = Repo { dir };
        repo.git(&["init", "-q", "-b", "main"]);
        repo.git(&["config", "user.name", "县司法局"]);
        repo.git(&["config", "user.email", "fazhi@example.org"]);
        repo.git(&["config", "commit.gpgsign", "false"]);
        repo
    }

    /// A repository with the test pack at `rules/gate.rules` and three reports:
    /// `乡镇/城关镇.txt` (clean), `乡镇/河口镇.txt` (two slips with fixes) and
    /// `部门/司法局.txt` (no 矛盾纠纷, which only township reports need).
    pub fn with_reports(name: &str) -> Repo {
        let repo = Repo::new(name);
        repo.write("rules/gate.rules", fixture("gate.rules"));
        repo.write("乡镇/城关镇.txt", fixture("township-clean.txt"));
        repo.write("乡镇/河口镇.txt", fixture("township-slips.txt"));
        repo.write("部门/司法局.txt", fixture("department.txt"));
        repo
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folder can be created");
        }
        std::fs::write(&path, content).expect("file can be written");
    }

    pub fn read(&self, rel: &str) -> Vec<u8> {
        std::fs::read(self.path(rel)).expect("file is readable")
    }

    pub fn git(&self, args: &[&str]) {
        let status = Command::new("git")
            .args(args)
            .current_dir(&self.dir)
            .stdout(Stdio::null())
            .status()
            .expect("git runs");
        assert!(status.success(), "git {args:?} failed");
    }

    pub fn commit_all(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
    }

    /// Run `reportlint ARGS` in the repository root.
    pub fn run(&self, args: &[&str]) -> Run {
        run_in(&self.dir, args, None)
    }

    /// Run `reportlint ARGS` in a folder of the repository.
    pub fn run_in(&self, subdir: &str, args: &[&str]) -> Run {
        run_in(&self.path(subdir), args, None)
    }
}

/// Run `reportlint ARGS` in `dir`, feeding `stdin` (the `check_*` tests' runner).
pub fn run_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    let run = check_support::run_in(dir, args, stdin);
    Run {
        code: Some(run.code),
        stdout: run.stdout,
        stderr: run.stderr,
    }
}

/// What a child started by a test (under resource limits, say) left behind; `code` is
/// `None` when a signal ended it.
pub fn finish(child: std::process::Child) -> Run {
    let out = child.wait_with_output().expect("reportlint finishes");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// `(path, rule)` of every finding in a `--format json` report, in report order.
pub fn findings(json: &str) -> Vec<(String, String)> {
    let value: serde_json::Value = serde_json::from_str(json).expect("the report is JSON");
    let mut out = Vec::new();
    for file in value["files"].as_array().into_iter().flatten() {
        let path = file["path"].as_str().unwrap_or_default().to_string();
        for d in file["diagnostics"].as_array().into_iter().flatten() {
            out.push((
                path.clone(),
                d["rule"].as_str().unwrap_or_default().to_string(),
            ));
        }
    }
    out
}

/// Paths of every checked file in a `--format json` report.
pub fn checked_files(json: &str) -> Vec<String> {
    let value: serde_json::Value = serde_json::from_str(json).expect("the report is JSON");
    value["files"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| f["path"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Pairs for assertions, from string literals.
pub fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// The configuration most tests use: the test pack only, failing on warnings.
pub const CONFIG: &str = "packs: [rules/gate.rules]\nbuiltin: false\nfail_on: warning\n";
