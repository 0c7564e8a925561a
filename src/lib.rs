//! reportlint: lint Chinese 法治政府建设年度报告 against declarative rule packs.
//!
//! The modules are layers, each using only the ones before it (`tests/layers.rs` checks):
//!
//! 1. `source`: read a file, decode it, write files atomically.
//! 2. `model`: lines, sections, sentences, figures, statements of a document.
//! 3. `pack`: the rule model, its DSL and YAML front ends, validation, patterns, and the
//!    values rule expressions compute (`pack::values`).
//! 4. `diag`: findings, labels and their excerpts.
//! 5. `eval`: compile a pack and run it over a document; each rule kind in `eval::kinds`.
//! 6. `output`: the report formats (human, JSON, SARIF, GitHub, JUnit, HTML).
//! 7. `config`: the project configuration (file selection, overrides, baseline, gate).
//! 8. `run`: a run of `check` without the command line: inputs, packs, the per-file
//!    pipeline, fixes.
//! 9. `cli`: the command line; the only module that knows clap.

pub mod cli;
pub mod config;
pub mod diag;
pub mod eval;
pub mod i18n;
pub mod model;
pub mod output;
pub mod pack;
pub mod run;
pub mod source;
