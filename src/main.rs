//! The `reportlint` binary: parses arguments and runs `reportlint::cli`.

use reportlint::cli;
use std::process::ExitCode;

/// Checking a report allocates many small, short-lived values (matches, captures,
/// findings); mimalloc serves them markedly faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let code = cli::main_with_args(std::env::args_os().collect());
    ExitCode::from(code.clamp(0, 255) as u8)
}
