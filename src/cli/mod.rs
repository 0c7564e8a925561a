//! Command-line front end: the clap definition of every subcommand ([`Cli`], [`command`]) and
//! one module per subcommand; `main.rs` only parses and calls [`run`]. The definition lives
//! here, in the library, so that shell completions, the man page and tests use the same one.

pub mod changed;
pub mod check;
pub mod completions;
pub mod fix;
pub mod init;
pub mod inspect;
pub mod packs;
pub mod progress;
pub mod rules;

use clap::{CommandFactory, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "reportlint",
    version,
    about = "Lint 法治政府建设年度报告 against declarative rule packs",
    after_help = "Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; 2 the tool could not do its whole job (bad arguments, a broken pack or configuration, an unreadable input)."
)]
pub struct Cli {
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
    /// Write a starter .reportlint.yaml and an example pack into the current folder.
    Init(init::InitArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(completions::CompletionsArgs),
    /// Print the man page (roff) on standard output.
    Man,
}

/// The clap definition of the whole command line.
pub fn command() -> clap::Command {
    Cli::command()
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
        Commands::Init(args) => init::run(args),
        Commands::Completions(args) => completions::run(args),
        Commands::Man => completions::man(),
    }
}
