//! Command-line front end: the clap definition of every subcommand ([`Cli`], [`command`]) and
//! one module per subcommand; `main.rs` only parses and calls [`run`]. The definition lives
//! here, in the library, so that shell completions, the man page and tests use the same one.

pub mod args;
pub mod check;
pub mod completions;
pub mod help;
pub mod init;
pub mod inspect;
pub mod packs;
pub mod progress;
pub mod rules;
pub mod serve;

use clap::{CommandFactory, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "reportlint",
    version,
    about = "Lint 法治政府建设年度报告 against declarative rule packs",
    after_help = "Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; 2 the tool could not do its whole job (bad arguments, a broken pack or configuration, an unreadable input)."
)]
pub struct Cli {
    /// Language of messages and help: zh (Chinese, the default) or en (English).
    #[arg(long, global = true, value_name = "LANG", value_parser = ["zh", "en"])]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Commands,
}

#[derive(Debug, Subcommand)]
pub enum Commands {
    /// Check reports against rule packs (the built-in pack unless --no-builtin).
    Check(Box<check::CheckArgs>),
    /// Print what reportlint sees in a report: sections, sentences, quantities.
    Inspect(inspect::InspectArgs),
    /// List or explain the rules of the loaded packs.
    #[command(subcommand)]
    Rules(rules::RulesCommand),
    /// Run the inline pass/fail examples of rule packs.
    Test(packs::TestArgs),
    /// Print a pack in the other form (DSL ⇄ YAML).
    Convert(packs::ConvertArgs),
    /// Format DSL packs canonically.
    Fmt(packs::FmtArgs),
    /// Serve a page (and a JSON API) that checks uploaded reports, on this machine.
    Serve(Box<serve::ServeArgs>),
    /// Write a starter .reportlint.yaml and an example pack into the current folder.
    Init(init::InitArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(completions::CompletionsArgs),
    /// Print the man page (roff) on standard output.
    Man,
    /// Print the JSON Schema of YAML packs, for editors that complete and check them.
    Schema,
}

/// Write `text` to standard output, as the subcommands that print a result do. A reader
/// that went away (`reportlint rules list | head -1`) is not an error: like ripgrep, the
/// command stops at once, quietly, and exits 0. `Err` holds the exit code to return.
pub fn print(text: impl AsRef<[u8]>) -> Result<(), i32> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_ref())
        .and_then(|()| out.flush())
        .map_err(|e| write_failed(&e))
}

/// The exit code for output that could not be written, after saying why, unless the reader
/// merely went away (a closed pipe): then nothing is said and the exit code is 0.
pub fn write_failed(e: &std::io::Error) -> i32 {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return check::exit::CLEAN;
    }
    eprintln!(
        "{}",
        crate::tr!(
            "error-line",
            message = crate::tr!("output-cannot-write", error = crate::i18n::io(e))
        )
    );
    check::exit::TROUBLE
}

/// The clap definition of the whole command line, its help in the current language.
pub fn command() -> clap::Command {
    help::localize(Cli::command())
}

/// The whole program after the allocator: choose the language (flag, then environment, then
/// locale), parse `args` (the first is the program name) and run; the exit code.
pub fn main_with_args(args: Vec<std::ffi::OsString>) -> i32 {
    let lang = help::lang_of_args(&args)
        .unwrap_or_else(|| crate::i18n::lang_from_env(|name| std::env::var(name).ok()));
    crate::i18n::set_lang(lang);
    match parse_args(&args) {
        Ok(cli) => run(cli),
        Err(e) => help::report_clap_error(e),
    }
}

/// Parse `args` into a [`Cli`]. The descriptions of the command line are only read when
/// something is to be said about it (help, version, a mistake): localizing every command's
/// help parses the message catalogue and walks the whole definition, which would be most of
/// a one-report run's start-up. Descriptions change no parse, so the command line is parsed
/// first without them, and a second time with them when the first parse has something to say.
pub fn parse_args(args: &[std::ffi::OsString]) -> Result<Cli, clap::Error> {
    let parse = |cmd: clap::Command| {
        cmd.try_get_matches_from(args.iter().cloned())
            .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m))
    };
    parse(Cli::command()).or_else(|_| parse(command()))
}

/// Run a parsed command line; the result is the process exit code.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Commands::Check(args) => check::run(*args),
        Commands::Inspect(args) => inspect::run(args),
        Commands::Rules(cmd) => rules::run(cmd),
        Commands::Test(args) => packs::test(args),
        Commands::Convert(args) => packs::convert(args),
        Commands::Fmt(args) => packs::fmt(args),
        Commands::Serve(args) => serve::run(*args),
        Commands::Init(args) => init::run(args),
        Commands::Completions(args) => completions::run(args),
        Commands::Man => completions::man(),
        Commands::Schema => match print(crate::pack::yaml::schema::pack_schema_text::<
            crate::eval::kinds::Check,
        >()) {
            Ok(()) => check::exit::CLEAN,
            Err(code) => code,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn parse(args: &[&str]) -> Cli {
        let argv = std::iter::once("reportlint").chain(args.iter().copied());
        match Cli::try_parse_from(argv) {
            Ok(cli) => cli,
            Err(e) => panic!("{args:?} does not parse: {e}"),
        }
    }

    /// The command line parses the same without its descriptions as with them (they are
    /// only read for help and errors), and help and errors are still said in the chosen
    /// language.
    #[test]
    fn command_lines_parse_alike_without_descriptions_and_help_is_localized() {
        let lines: &[&[&str]] = &[
            &["check", "a.txt", "--format", "json", "--output", "x.json"],
            &[
                "check",
                "--lang",
                "en",
                "-j",
                "2",
                "--no-builtin",
                "--pack",
                "p.rules",
                "d",
            ],
            &["inspect", "--sentences", "a.txt"],
            &["rules", "list"],
            &["test", "p.rules"],
            &["convert", "--to", "yaml", "p.rules"],
        ];
        for line in lines {
            let argv: Vec<std::ffi::OsString> = std::iter::once("reportlint")
                .chain(line.iter().copied())
                .map(Into::into)
                .collect();
            let plain = Cli::try_parse_from(&argv).map(|c| format!("{c:?}"));
            let described = command()
                .try_get_matches_from(&argv)
                .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m))
                .map(|c| format!("{c:?}"));
            assert_eq!(plain.as_ref().ok(), described.as_ref().ok(), "{line:?}");
            assert_eq!(parse_args(&argv).map(|c| format!("{c:?}")).ok(), plain.ok());
        }
        for lang in [crate::i18n::Lang::Zh, crate::i18n::Lang::En] {
            crate::i18n::with_lang(lang, || {
                let help = parse_args(&["reportlint".into(), "check".into(), "--help".into()])
                    .expect_err("help is no command line to run")
                    .render()
                    .to_string();
                assert!(help.contains(&crate::tr!("cmd-check")), "{help}");
                for wrong in [
                    &["check", "--format", "jsn"][..],
                    &["chek"],
                    &["check", "-x"],
                ] {
                    let argv: Vec<std::ffi::OsString> = std::iter::once("reportlint")
                        .chain(wrong.iter().copied())
                        .map(Into::into)
                        .collect();
                    let error = |e: clap::Error| (e.kind(), e.render().to_string());
                    assert_eq!(
                        parse_args(&argv).map(|_| ()).map_err(error),
                        command()
                            .try_get_matches_from(&argv)
                            .map(|_| ())
                            .map_err(error)
                    );
                }
            });
        }
    }

    /// After `--`, every argument is a path (or rule id), however much it looks like an
    /// option: pre-commit and scripts pass file names there.
    #[test]
    fn every_subcommand_taking_paths_accepts_double_dash() {
        let paths = |v: &[&str]| v.iter().map(PathBuf::from).collect::<Vec<_>>();
        match parse(&[
            "check",
            "--format",
            "json",
            "--",
            "--output=x.txt",
            "-",
            "a.txt",
        ])
        .command
        {
            Commands::Check(a) => {
                assert_eq!(a.paths, paths(&["--output=x.txt", "-", "a.txt"]));
                assert!(a.output.is_none());
            }
            other => panic!("{other:?}"),
        }
        match parse(&["inspect", "--", "--sentences"]).command {
            Commands::Inspect(a) => {
                assert_eq!(a.file, PathBuf::from("--sentences"));
                assert!(!a.sentences);
            }
            other => panic!("{other:?}"),
        }
        match parse(&["test", "--", "--a.rules", "b.rules"]).command {
            Commands::Test(a) => assert_eq!(a.packs, paths(&["--a.rules", "b.rules"])),
            other => panic!("{other:?}"),
        }
        match parse(&["convert", "--to", "yaml", "--", "--p.rules"]).command {
            Commands::Convert(a) => assert_eq!(a.pack, PathBuf::from("--p.rules")),
            other => panic!("{other:?}"),
        }
        match parse(&["fmt", "--check", "--", "--check"]).command {
            Commands::Fmt(a) => {
                assert_eq!(a.packs, paths(&["--check"]));
                assert!(a.check);
            }
            other => panic!("{other:?}"),
        }
        match parse(&["rules", "explain", "--", "--no-builtin"]).command {
            Commands::Rules(rules::RulesCommand::Explain { id, packs }) => {
                assert_eq!(id, "--no-builtin");
                assert!(!packs.no_builtin);
            }
            other => panic!("{other:?}"),
        }
        match parse(&["init", "--", "--force"]).command {
            Commands::Init(a) => assert_eq!(a.dir, PathBuf::from("--force")),
            other => panic!("{other:?}"),
        }
    }
}
