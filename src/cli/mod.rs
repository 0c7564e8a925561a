//! Command-line front end: argument definitions and one module per subcommand.

pub mod inspect;
