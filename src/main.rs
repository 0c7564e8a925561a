//! The `reportlint` binary: parses arguments and dispatches to `reportlint::cli`.

use clap::{Parser, Subcommand};
use reportlint::cli;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "reportlint",
    version,
    about = "Lint 法治政府建设年度报告 against declarative rule packs",
    after_help = "Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; 2 the tool could not do its whole job (bad arguments, a broken pack, an unreadable input)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check reports against rule packs (the built-in pack unless --no-builtin).
    Check(cli::check::CheckArgs),
    /// Print what reportlint sees in a report: sections, sentences, quantities.
    Inspect(cli::inspect::InspectArgs),
    /// List or explain the rules of the loaded packs.
    #[command(subcommand)]
    Rules(cli::rules::RulesCommand),
    /// Run the inline pass/fail examples of rule packs.
    Test(cli::packs::TestArgs),
    /// Print a pack in the other form (DSL ⇄ YAML).
    Convert(cli::packs::ConvertArgs),
    /// Format DSL packs canonically.
    Fmt(cli::packs::FmtArgs),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Check(args) => cli::check::run(args),
        Command::Inspect(args) => cli::inspect::run(args),
        Command::Rules(cmd) => cli::rules::run(cmd),
        Command::Test(args) => cli::packs::test(args),
        Command::Convert(args) => cli::packs::convert(args),
        Command::Fmt(args) => cli::packs::fmt(args),
    };
    ExitCode::from(code.clamp(0, 255) as u8)
}
