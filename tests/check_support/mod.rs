//! Shared helpers of the `check_*` integration tests: run the built `reportlint` binary from
//! the crate root (so paths in its output are the short relative ones the snapshots show) and
//! collect what it printed and how it exited.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The test pack with one rule of every kind.
pub const PACK: &str = "tests/fixtures/check/kinds.rules";
/// The fixture reports the test pack is written against.
pub const REPORTS: &str = "tests/fixtures/check/reports";

/// What one run of the binary left behind.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn crate_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run `reportlint ARGS` in `dir`, feeding `stdin`.
pub fn run_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_reportlint"))
        .env("REPORTLINT_LANG", "en")
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the reportlint binary starts");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        pipe.write_all(input.as_bytes())
            .expect("stdin accepts the input");
    }
    let out = child.wait_with_output().expect("reportlint finishes");
    Run {
        code: out.status.code().expect("reportlint exits with a code"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// Run `reportlint ARGS` from the crate root.
pub fn run(args: &[&str]) -> Run {
    run_in(&crate_root(), args, None)
}

/// `reportlint check` with the test pack only, over the fixture reports, in `format`.
pub fn check_fixtures(format: &str) -> Run {
    run(&[
        "check",
        "--no-builtin",
        "--pack",
        PACK,
        "--color",
        "never",
        "--format",
        format,
        REPORTS,
    ])
}

/// A fresh directory under cargo's target directory for one test (removed first if a run left
/// it).
pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("test-scratch")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory can be created");
    dir
}
