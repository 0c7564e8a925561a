//! What a run reads and writes, end to end: a file named twice is checked once, an output
//! that would overwrite a report is refused, `--output` is written atomically, a reader that
//! goes away ends the run quietly, and file names reach every format escaped.

use crate::gate_support;

use gate_support::{checked_files, Repo, CONFIG};

const SLIPS: &str = "乡镇/河口镇.txt";

fn fixed_slips() -> String {
    gate_support::fixture("township-slips.txt")
        .replace("第一负责人", "第一责任人")
        .replace("法制政府", "法治政府")
}

#[test]
fn a_file_named_twice_is_checked_fixed_and_reported_once() {
    let repo = Repo::with_reports("io-twice");
    repo.write(".reportlint.yaml", CONFIG);
    let twice = repo.run(&["check", "--format", "json", SLIPS, &format!("./{SLIPS}")]);
    assert_eq!(checked_files(&twice.stdout), [SLIPS], "{}", twice.stderr);
    assert_eq!(twice.code, Some(1));
    // A directory that holds the file named beside it, and a link to it, add nothing.
    #[cfg(unix)]
    std::os::unix::fs::symlink("河口镇.txt", repo.path("乡镇/link.txt")).expect("symlink");
    let walked = repo.run(&["check", "--format", "json", SLIPS, "乡镇"]);
    assert_eq!(
        checked_files(&walked.stdout),
        ["乡镇/城关镇.txt", SLIPS],
        "{}",
        walked.stderr
    );
    #[cfg(unix)]
    std::fs::remove_file(repo.path("乡镇/link.txt")).expect("link removed");
    // Fixed once: no second writer trips over the first one's temporary file.
    let fixed = repo.run(&[
        "check",
        "--fix",
        "--format",
        "json",
        SLIPS,
        &format!("./{SLIPS}"),
    ]);
    assert_eq!(fixed.code, Some(0), "{}{}", fixed.stdout, fixed.stderr);
    assert_eq!(checked_files(&fixed.stdout), [SLIPS]);
    assert!(
        fixed.stderr.contains("fixed 2 problems in 1 file"),
        "{}",
        fixed.stderr
    );
    assert_eq!(repo.read(SLIPS), fixed_slips().as_bytes());
}

#[test]
fn an_output_file_that_is_one_of_the_reports_is_refused_before_anything_is_written() {
    let repo = Repo::with_reports("io-overwrite");
    repo.write(".reportlint.yaml", CONFIG);
    let report = repo.read(SLIPS);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("河口镇.txt", repo.path("乡镇/link.md")).expect("symlink");
        std::fs::hard_link(repo.path(SLIPS), repo.path("乡镇/hard.md")).expect("hard link");
    }
    let mut attempts: Vec<Vec<&str>> = vec![
        vec!["-o", SLIPS, SLIPS],
        vec!["--output", "./乡镇/河口镇.txt", SLIPS],
        vec!["--format", "json", "-o", SLIPS, "乡镇"],
        vec!["--write-baseline", SLIPS, SLIPS],
        vec!["--write-baseline", "乡镇/../乡镇/河口镇.txt", "."],
    ];
    #[cfg(unix)]
    attempts.extend([
        vec!["-o", "乡镇/link.md", SLIPS],
        vec!["-o", "乡镇/hard.md", SLIPS],
        vec!["--write-baseline", SLIPS, "乡镇/hard.md"],
    ]);
    for extra in attempts {
        let mut args = vec!["check"];
        args.extend_from_slice(&extra);
        let run = repo.run(&args);
        assert_eq!(run.code, Some(2), "{extra:?}: {}", run.stderr);
        assert!(
            run.stderr
                .contains("is one of the reports to check and would be overwritten"),
            "{extra:?}: {}",
            run.stderr
        );
        assert_eq!(run.stdout, "", "{extra:?}");
        assert_eq!(repo.read(SLIPS), report, "{extra:?}");
    }
    // An output beside the reports, not among them, is fine.
    let fine = repo.run(&["check", "-o", "乡镇/report.json", "--format", "json", SLIPS]);
    assert_eq!(fine.code, Some(1), "{}", fine.stderr);
    // Both outputs naming one file are refused too.
    let both = repo.run(&[
        "check",
        "-o",
        "b.json",
        "--write-baseline",
        "./b.json",
        SLIPS,
    ]);
    assert_eq!(both.code, Some(2), "{}", both.stderr);
    assert!(
        both.stderr.contains("name the same file"),
        "{}",
        both.stderr
    );
}

/// Run `reportlint ARGS` in `repo` with a file-size limit of one block (512 bytes) and
/// SIGXFSZ ignored, so that writing more fails with an error.
#[cfg(unix)]
fn run_with_file_size_limit(repo: &Repo, args: &[&str]) -> gate_support::Run {
    let child = std::process::Command::new("sh")
        .env("REPORTLINT_LANG", "en")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 1; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_reportlint"))
        .args(args)
        .current_dir(&repo.dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("sh starts");
    gate_support::finish(child)
}

fn files_in(repo: &Repo, dir: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo.path(dir))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
#[test]
fn an_output_file_that_cannot_be_written_whole_leaves_the_old_one_and_no_temporary_file() {
    let repo = Repo::with_reports("io-atomic-output");
    repo.write(".reportlint.yaml", CONFIG);
    repo.write("out/report.html", "the previous report");
    // The HTML report holds the report text: far more than the 512 bytes allowed.
    let run = run_with_file_size_limit(
        &repo,
        &["check", "--format", "html", "-o", "out/report.html", SLIPS],
    );
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("cannot write output"), "{}", run.stderr);
    assert_eq!(repo.read("out/report.html"), b"the previous report");
    assert_eq!(files_in(&repo, "out"), ["report.html"]);
    // A new output file is not created at all.
    let fresh = run_with_file_size_limit(
        &repo,
        &["check", "--format", "html", "-o", "out/new.html", SLIPS],
    );
    assert_eq!(fresh.code, Some(2), "{}", fresh.stderr);
    assert_eq!(files_in(&repo, "out"), ["report.html"]);
    // Without the limit the report replaces the old one whole.
    let ok = repo.run(&["check", "--format", "html", "-o", "out/report.html", SLIPS]);
    assert_eq!(ok.code, Some(1), "{}", ok.stderr);
    assert!(String::from_utf8_lossy(&repo.read("out/report.html")).ends_with("</html>\n"));
    assert_eq!(files_in(&repo, "out"), ["report.html"]);
}

/// Run `reportlint ARGS` in `repo` with standard output a pipe whose reading end is already
/// closed, as when `| head -1` has read its line and gone.
fn run_into_closed_pipe(repo: &Repo, args: &[&str]) -> gate_support::Run {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_reportlint"))
        .env("REPORTLINT_LANG", "en")
        .args(args)
        .current_dir(&repo.dir)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("reportlint starts");
    drop(child.stdout.take());
    gate_support::finish(child)
}

#[test]
fn a_reader_that_goes_away_ends_every_subcommand_quietly() {
    let repo = Repo::with_reports("io-closed-pipe");
    repo.write(".reportlint.yaml", CONFIG);
    // Unformatted, so that `fmt --check` has something to print.
    repo.write(
        "rules/messy.rules",
        gate_support::fixture("gate.rules").replace("\n\n", "\n\n\n"),
    );
    let commands: &[&[&str]] = &[
        &["check", "."],
        &["check", "--format", "json", "."],
        &["check", "--format", "sarif", "."],
        &["check", "--diff", "."],
        &["check", "--fix", "--format", "github", "部门"],
        &["rules", "list"],
        &[
            "rules",
            "explain",
            "gate/first-duty",
            "--pack",
            "rules/gate.rules",
        ],
        &["inspect", SLIPS],
        &["inspect", "--format", "json", SLIPS],
        &["test"],
        &["test", "rules/gate.rules"],
        &["convert", "--to", "yaml", "rules/gate.rules"],
        &["fmt", "--check", "rules/messy.rules"],
        &["completions", "bash"],
        &["man"],
    ];
    for args in commands {
        let run = run_into_closed_pipe(&repo, args);
        // `fmt --check` on an unformatted pack exits 1 when its output was read whole; on a
        // loaded machine it may write everything before the pipe is closed, so either code.
        let usual = if args.first() == Some(&"fmt") { 1 } else { 0 };
        assert!(
            run.code == Some(0) || run.code == Some(usual),
            "{args:?}: {:?} {}",
            run.code,
            run.stderr
        );
        assert_eq!(run.stderr, "", "{args:?}");
    }
}
