//! Command-line integrations: shell completions and the man page come from the same clap
//! definition as the binary, and nothing of the progress bar reaches a pipe.

use crate::gate_support;

use gate_support::Repo;

#[test]
fn the_command_line_definition_is_consistent() {
    reportlint::cli::command().debug_assert();
}

#[test]
fn completions_know_every_check_option() {
    let repo = Repo::new("completions");
    for shell in ["bash", "zsh", "fish"] {
        let run = repo.run(&["completions", shell]);
        assert_eq!(run.code, Some(0), "{shell}: {}", run.stderr);
        for option in [
            "--write-baseline",
            "--since",
            "--fix",
            "--files-from",
            "--config",
        ] {
            assert!(
                run.stdout.contains(option.trim_start_matches('-')),
                "{shell} completions lack {option}"
            );
        }
    }
    assert_eq!(repo.run(&["completions", "tcsh"]).code, Some(2));
}

#[test]
fn the_man_page_is_roff_listing_the_subcommands() {
    let run = Repo::new("man").run(&["man"]);
    assert_eq!(run.code, Some(0));
    assert!(
        run.stdout.starts_with(".ie \\n(.g .ds Aq \\(aq") || run.stdout.contains(".TH reportlint")
    );
    for subcommand in ["check", "init", "completions", "man"] {
        assert!(
            run.stdout.contains(subcommand),
            "man page lacks {subcommand}"
        );
    }
}

#[test]
fn a_long_run_in_a_pipe_writes_no_progress() {
    let repo = Repo::with_reports("progress");
    for n in 0..60 {
        repo.write(
            &format!("乡镇/{n:02}.txt"),
            gate_support::fixture("township-clean.txt"),
        );
    }
    repo.write(".reportlint.yaml", gate_support::CONFIG);
    let run = repo.run(&["check", "--format", "json", "--output", "report.json"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stderr);
    assert!(
        lines[0].starts_with("checked 63 files: 2 errors, 1 warning, 0 infos in "),
        "{}",
        lines[0]
    );
    assert!(!run.stderr.contains('\r') && !run.stderr.contains('\u{1b}'));
}
