//! The `reportlint` binary: parses arguments and dispatches to `reportlint::cli`.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "reportlint",
    version,
    about = "Lint 法治政府建设年度报告 against rule packs"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print what reportlint sees in a report: sections, sentences, quantities.
    Inspect(reportlint::cli::inspect::InspectArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Inspect(args) => reportlint::cli::inspect::run(args),
    };
    ExitCode::from(code.clamp(0, 255) as u8)
}
