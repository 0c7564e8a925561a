//! `reportlint completions SHELL` and `reportlint man`: generated from the clap definition
//! ([`super::command`]), so they always list the options the binary accepts.

use super::check::exit;

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to write completions for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Print the completion script for a shell on standard output.
pub fn run(args: CompletionsArgs) -> i32 {
    let mut command = super::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "reportlint", &mut out);
    print(&out)
}

/// Print the man page on standard output.
pub fn man() -> i32 {
    let mut out = Vec::new();
    if let Err(e) = clap_mangen::Man::new(super::command()).render(&mut out) {
        eprintln!(
            "{}",
            crate::tr!(
                "error-line",
                message = crate::tr!("man-cannot-render", error = crate::i18n::io(&e))
            )
        );
        return exit::TROUBLE;
    }
    print(section_headings(&String::from_utf8_lossy(&out)).as_bytes())
}

/// The man page's fixed section headings (`.SH NAME` …), which the renderer writes in
/// English, in the language of the run.
fn section_headings(roff: &str) -> String {
    roff.lines()
        .map(|line| {
            let heading = match line.strip_prefix(".SH ") {
                Some("NAME") => crate::tr!("man-section-name"),
                Some("SYNOPSIS") => crate::tr!("man-section-synopsis"),
                Some("DESCRIPTION") => crate::tr!("man-section-description"),
                Some("EXTRA") => crate::tr!("man-section-extra"),
                Some("VERSION") => crate::tr!("man-section-version"),
                _ => return format!("{line}\n"),
            };
            format!(".SH {heading}\n")
        })
        .collect()
}

fn print(bytes: &[u8]) -> i32 {
    match super::print(bytes) {
        Ok(()) => exit::CLEAN,
        Err(code) => code,
    }
}
