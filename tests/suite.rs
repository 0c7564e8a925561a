//! The integration tests, one module per area, linked into one test binary (one link of
//! the crate instead of one per file). Run one area with `cargo test --test suite NAME::`.

mod check_support;
mod gate_support;

mod builtin_pack;
mod builtin_rules;
mod check_cli;
mod check_formats;
mod check_output;
mod contents_year;
mod dsl_errors;
mod dsl_expr;
mod dsl_parse;
mod dsl_roundtrip;
mod figures_in_rules;
mod fix_safety;
mod gate_baseline;
mod gate_ci_examples;
mod gate_cli;
mod gate_config;
mod gate_fix;
mod gate_io;
mod heldout;
mod layers;
mod model_documents;
mod model_numbers;
mod model_statements;
mod packs_cli;
mod packs_load;
mod packs_readme;
mod packs_roundtrip;
mod pattern_notation;
mod pattern_validation;
mod review_files;
mod robust_bad_inputs;
mod robust_limits;
mod robust_props;
mod rules_statements;
mod source_bad_files;
mod source_formats;
mod terms_lists;
mod values_eval;
mod yaml_errors;
mod yaml_parse;
mod yaml_props;
mod yaml_roundtrip;
