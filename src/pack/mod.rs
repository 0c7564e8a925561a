//! Rule packs: the rule model (`model`, `expr`), the two front ends that build it (`dsl`,
//! `yaml`), and the typed-capture pattern notation (`pattern`).

pub mod dsl;
pub mod expr;
pub mod model;
pub mod pattern;
pub mod yaml;
