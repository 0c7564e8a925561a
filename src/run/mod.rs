//! A run of `check` without the command line: which reports ([`inputs`]), which rules
//! ([`packs`]), each report through the pipeline and many in parallel ([`pipeline`]), fixes
//! ([`fix`]) and the files a change touched ([`changed`]). The command line (`cli`) parses
//! arguments, prints, and decides the exit code.

pub mod changed;
pub mod fix;
pub mod inputs;
pub mod packs;
pub mod pipeline;
