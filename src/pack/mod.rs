//! Rule packs: the rule model (`model`, `expr`), the two front ends that build it (`dsl`,
//! `yaml`), the typed-capture pattern notation (`pattern`) and the checks every pack passes
//! before it is evaluated (`validate`).

pub mod backtrack;
pub mod dsl;
pub mod error;
pub mod expr;
pub mod file;
pub mod line_start;
pub mod load;
pub mod model;
pub mod pattern;
pub mod prefilter;
pub mod terms;
pub mod validate;
pub mod values;
pub mod yaml;
