//! Which files a change touched: `check --since REV` and `check --files-from FILE|-`.
//!
//! `--since` asks git for the files added, copied, modified or renamed since `REV` and the
//! untracked files that are not ignored; `--files-from` reads paths one per line. Both give
//! candidate paths; `cli::check` keeps those inside the paths named on the command line and
//! selected by extension and configuration, so a CI job on a large repository checks only
//! what the change touched.
//!
//! The revision is resolved to a commit (`git rev-parse --verify`) before anything else, and
//! every git call that takes an argument from the command line passes it after
//! `--end-of-options`, so a "revision" such as `--output=FILE` is an unknown revision (an
//! error), never a git option.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The files changed since `rev` in the git repository around `cwd`, as absolute paths.
pub fn since(rev: &str, cwd: &Path) -> Result<Vec<PathBuf>, String> {
    let toplevel = git(cwd, &["rev-parse", "--show-toplevel"])
        .map_err(|e| crate::tr!("since-no-repository", path = cwd.display(), detail = e))?;
    let toplevel = PathBuf::from(toplevel.trim_end_matches(['\n', '\r']));
    let commit = resolve(rev, &toplevel)?;
    let changed = git(
        &toplevel,
        &[
            "diff",
            "--name-only",
            "--diff-filter=ACMR",
            "-z",
            "--end-of-options",
            &commit,
            "--",
        ],
    )
    .map_err(|e| crate::tr!("since-cannot-list", rev = rev, detail = e))?;
    let untracked = git(
        &toplevel,
        &[
            "ls-files",
            "--others",
            "--exclude-standard",
            "-z",
            "--end-of-options",
        ],
    )
    .map_err(|e| crate::tr!("since-cannot-list-untracked", detail = e))?;
    let mut files: Vec<PathBuf> = changed
        .split('\0')
        .chain(untracked.split('\0'))
        .filter(|p| !p.is_empty())
        .map(|p| toplevel.join(p))
        .collect();
    files.sort();
    files.dedup();
    Ok(files)
}

/// The commit `rev` names, as a full object name; an error when it names none (a typo, a
/// branch that was not fetched, or something that is not a revision at all).
fn resolve(rev: &str, toplevel: &Path) -> Result<String, String> {
    let spec = format!("{rev}^{{commit}}");
    let unknown = |detail: String| {
        crate::tr!(
            "since-unknown-rev",
            rev = rev,
            path = toplevel.display(),
            detail = detail
        )
    };
    if rev.is_empty() {
        return Err(unknown(String::new()));
    }
    let out = git(
        toplevel,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &spec,
        ],
    )
    .map_err(|e| {
        // With --quiet git says nothing about an unknown revision; only a failure to run
        // git at all has something to add.
        unknown(
            if e.starts_with(&crate::tr!("git-cannot-run", error = "")) {
                crate::tr!("detail-in-brackets", detail = e)
            } else {
                String::new()
            },
        )
    })?;
    let commit = out.trim();
    if commit.is_empty() || !commit.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(unknown(String::new()));
    }
    Ok(commit.to_string())
}

fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| crate::tr!("git-cannot-run", error = crate::i18n::io(&e)))?;
    if !out.status.success() {
        let message = String::from_utf8_lossy(&out.stderr).trim().to_string();
        return Err(if message.is_empty() {
            crate::tr!("git-failed", command = args.join(" "))
        } else {
            message
        });
    }
    String::from_utf8(out.stdout).map_err(|_| crate::tr!("git-not-utf8"))
}

/// Paths listed one per line in `source` (`-` is standard input); blank lines are skipped.
pub fn files_from(source: &Path) -> Result<Vec<PathBuf>, String> {
    let text = if source.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| crate::tr!("files-from-stdin", error = crate::i18n::io(&e)))?;
        text
    } else {
        std::fs::read_to_string(source).map_err(|e| {
            crate::tr!(
                "files-from-file",
                path = source.display(),
                error = crate::i18n::io(&e)
            )
        })?
    };
    Ok(text
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
        .map(PathBuf::from)
        .collect())
}
