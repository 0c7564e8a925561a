//! The `reportlint` binary: parses arguments and runs `reportlint::cli`.

use clap::Parser;
use reportlint::cli;
use std::process::ExitCode;

/// Checking a report allocates many small, short-lived values (matches, captures,
/// findings); mimalloc serves them markedly faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let parsed = match cli::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let code = cli::run(parsed);
    ExitCode::from(code.clamp(0, 255) as u8)
}
