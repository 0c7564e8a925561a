//! The `reportlint` binary: parses arguments and runs `reportlint::cli`.

use reportlint::cli;
use std::process::ExitCode;

/// Checking a report allocates many small, short-lived values (matches, captures,
/// findings); mimalloc serves them markedly faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    no_huge_pages();
    let code = cli::main_with_args(std::env::args_os().collect());
    ExitCode::from(code.clamp(0, 255) as u8)
}

/// mimalloc asks Linux for transparent huge pages, and the kernel zeroes each 2 MiB page in
/// full the first time the process touches it: a fifth of the CPU time of checking one
/// report went into zeroing memory it never used. Normal pages cost no measurable time on
/// large runs.
#[cfg(target_os = "linux")]
fn no_huge_pages() {
    // SAFETY: `prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0)` takes plain integers, touches no memory
    // of ours and only changes how the kernel backs this process's memory. Its result does
    // not matter: without it, the process runs as before.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[cfg(not(target_os = "linux"))]
fn no_huge_pages() {}
