//! reportlint: lint Chinese 法治政府建设年度报告 against declarative rule packs.
//!
//! Data flows through the modules in this order:
//! `source` (read a file, decode it) → `model` (lines, sections, sentences, quantities) →
//! `pack` (rule model and its DSL / YAML front ends) → `eval` (compile a pack, run it over a
//! document) → `diag` (findings as miette diagnostics and machine formats) → `cli`, which
//! reads the project configuration through `config` (file selection, overrides, baseline).

pub mod cli;
pub mod config;
pub mod diag;
pub mod eval;
pub mod kinds;
pub mod model;
pub mod output;
pub mod pack;
pub mod source;
