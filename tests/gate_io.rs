//! What a run reads and writes, end to end: a file named twice is checked once, an output
//! that would overwrite a report is refused, `--output` is written atomically, a reader that
//! goes away ends the run quietly, and file names reach every format escaped.

mod gate_support;

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
    let fixed = repo.run(&["check", "--fix", "--format", "json", SLIPS, &format!("./{SLIPS}")]);
    assert_eq!(fixed.code, Some(0), "{}{}", fixed.stdout, fixed.stderr);
    assert_eq!(checked_files(&fixed.stdout), [SLIPS]);
    assert!(fixed.stderr.contains("fixed 2 problems in 1 file"), "{}", fixed.stderr);
    assert_eq!(repo.read(SLIPS), fixed_slips().as_bytes());
}
