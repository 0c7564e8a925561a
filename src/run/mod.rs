//! A run of `check` without the command line: which reports ([`inputs`]), which rules
//! ([`packs`]), each report through the pipeline and many in parallel ([`pipeline`]), fixes
//! ([`fix`]), the files a change touched ([`changed`]) and annotated Word copies ([`annotate`]). The command line (`cli`) parses
//! arguments, prints, and decides the exit code.

pub mod annotate;
pub mod changed;
pub mod fix;
pub mod inputs;
pub mod packs;
pub mod pipeline;
