//! Rule packs as written: the rule model (`model`, `expr`), the two front ends that build it
//! from a pack's text and check how it is written (`dsl`, `yaml`), the typed-capture pattern
//! notation and the regex engines behind it (`pattern`), and the values rule expressions
//! compute (`values`). What a pack means is checked when it is compiled
//! (`crate::eval::validate`).

pub mod backtrack;
pub mod dsl;
pub mod error;
pub mod expr;
pub mod file;
pub mod line_start;
pub mod model;
pub mod pattern;
pub mod prefilter;
pub mod terms;
pub mod values;
pub mod yaml;
