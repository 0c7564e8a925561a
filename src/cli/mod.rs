//! Command-line front end: one module per subcommand; `main.rs` only parses and dispatches.

pub mod check;
pub mod inspect;
pub mod packs;
pub mod rules;
