//! reportlint: lint Chinese 法治政府建设年度报告 against declarative rule packs.
//!
//! The modules are layers, each using only the ones before it (`tests/layers.rs` checks):
//!
//! 1. `source`: read a file, decode it, write files atomically.
//! 2. `model`: lines, sections, sentences, figures, statements of a document.
//! 3. `pack`: packs as written: the rule model, generic over what a rule checks
//!    (`pack::model`), the DSL and YAML front ends (which check how a pack is written; each
//!    kind's syntax comes in through their traits `pack::dsl::DslKind` and
//!    `pack::yaml::YamlKind`), the pattern notation and its regex engines, and the values rule
//!    expressions compute (`pack::values`).
//! 4. `diag`: findings, labels, their excerpts and their graphical rendering.
//! 5. `eval`: load packs (`eval::load`: files, `extends`, term tables), validate them, which
//!    compiles them (`eval::validate`), and run the compiled rules over a document
//!    (`eval::Engine`, matches in `eval::search`); the kind list
//!    (`eval::kinds::for_each_kind!`) and each rule kind, all of it (model, DSL and YAML
//!    syntax, validation, compilation, evaluation, tests), in `eval::kinds::<kind>`.
//! 6. `output`: the report formats (human, JSON, SARIF, GitHub, JUnit, HTML).
//! 7. `config`: the project configuration (file selection, overrides, baseline, gate).
//! 8. `run`: a run of `check` without the command line: inputs, packs, the per-file
//!    pipeline, fixes.
//! 9. `serve`: the page and JSON API of `reportlint serve` (axum), checking uploads in
//!    memory with the `run` pipeline.
//! 10. `cli`: the command line; the only module that knows clap.

pub mod cli;
pub mod config;
pub mod diag;
pub mod eval;
pub mod i18n;
pub mod model;
pub mod output;
pub mod pack;
pub mod run;
pub mod serve;
pub mod source;
