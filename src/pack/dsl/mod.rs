//! The DSL front end: `.rules` files in, the rule model out, and back.
//!
//! `parse_pack` runs the pest grammar (`grammar/pack.pest`) over a whole file, turns a syntax
//! error into a [`PackError`] by hand (`errors`), and builds the [`Pack`] from the parse tree
//! (`build`), collecting every semantic problem of the file instead of stopping at the first.
//! Nothing here is about one rule kind: each kind's line is built and printed by the kind
//! itself ([`DslKind`], implemented in `crate::eval::kinds`).
//! `parse_expr` does the same for one expression, so the YAML front end can read the
//! expressions it finds in string values. `print_pack` writes a pack back as canonical DSL
//! (`reportlint fmt`, `convert --to dsl`); `display` gives `Expr` and `Matcher` their DSL text.
//!
//! Every span is a byte range into the file (`parse_expr`: into the file that holds the
//! expression, offset by `base`). A string's span covers its content between the quotes, so a
//! position inside a pattern or regex maps to the file by adding it to `span.start`.

mod build;
pub mod depth;
mod display;
mod errors;
mod kind;
pub mod print;
mod strings;
mod wrap;

use pest::Parser;
use pest_derive::Parser;

use super::error::{PackError, PackErrors};
use super::expr::Expr;
use super::model::Pack;

pub use build::{check_keywords, Builder};
pub use kind::{DslCheck, DslKind, LetLines};
pub use print::{print_pack, print_rule};
pub use strings::quote;

#[derive(Parser)]
#[grammar = "grammar/pack.pest"]
struct PackParser;

/// Parses a `.rules` pack. `name` names the source in diagnostics (usually the file path).
pub fn parse_pack<C: DslCheck>(name: &str, src: &str) -> Result<Pack<C>, PackErrors> {
    let pack = parse_pack_errors(src);
    pack.map_err(|errors| PackErrors::new(name, src, errors))
}

/// Parse `src` as `rule`. Literal tokens (`,` `)` `}`) only show up in syntax errors with
/// pest's detailed error tracking, which costs a good part of the parse: a source is parsed
/// without it, and parsed again with it only when there is an error to tell. The tracking
/// is a process-wide switch, so parses take turns.
fn parse_rule(
    rule: Rule,
    src: &str,
) -> Result<pest::iterators::Pairs<'_, Rule>, pest::error::Error<Rule>> {
    static SWITCH: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = SWITCH
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    pest::set_error_detail(false);
    PackParser::parse(rule, src).or_else(|_| {
        pest::set_error_detail(true);
        PackParser::parse(rule, src)
    })
}

fn parse_pack_errors<C: DslCheck>(src: &str) -> Result<Pack<C>, Vec<PackError>> {
    match parse_pack_partial(src) {
        (Some(pack), errors) if errors.is_empty() => Ok(pack),
        (None, errors) if errors.is_empty() => Err(vec![PackError::new(
            crate::tr!("dsl-pack-could-not-read"),
            0..0,
        )]),
        (_, errors) => Err(errors),
    }
}

/// Reads as much of a pack as can be read: the pack without its broken lines (none after a
/// syntax error, which stops the parser) and every error found. `eval::load` validates the
/// partial pack too, so one run reports the errors of both phases.
pub fn parse_pack_partial<C: DslCheck>(src: &str) -> (Option<Pack<C>>, Vec<PackError>) {
    let limit = crate::pack::file::MAX_FILE_BYTES;
    if src.len() > limit {
        let message = crate::tr!("dsl-pack-file-src-bytes", src = src.len(), limit = limit);
        return (None, vec![PackError::new(message, 0..0)]);
    }
    if let Some(error) = depth::too_deep(src, 0, false) {
        return (None, vec![error]);
    }
    let mut pairs = match parse_rule(Rule::pack, src) {
        Ok(pairs) => pairs,
        Err(error) => {
            let kinds = errors::Kinds::of::<C>();
            return (None, vec![errors::syntax_error(&error, src, 0, &kinds)]);
        }
    };
    let Some(pack) = pairs.next() else {
        return (
            None,
            vec![PackError::new(crate::tr!("dsl-empty-parse-pack"), 0..0)],
        );
    };
    let mut builder = build::Builder::new(src, 0);
    let pack = builder.pack(pack);
    builder.finish_partial(pack)
}

/// Parses one expression (`let` value, `assert`, `when … if`). `src` is the expression text and
/// `base` the byte offset where it starts in the pack file, so spans point into that file.
pub fn parse_expr(src: &str, base: usize) -> Result<Expr, Vec<PackError>> {
    if let Some(error) = depth::too_deep(src, base, true) {
        return Err(vec![error]);
    }
    let mut pairs = parse_rule(Rule::expr_only, src)
        .map_err(|error| vec![errors::syntax_error(&error, src, base, &Default::default())])?;
    let expr = pairs
        .next()
        .and_then(|only| only.into_inner().find(|pair| pair.as_rule() == Rule::expr));
    let Some(expr) = expr else {
        return Err(vec![PackError::new(
            crate::tr!("dsl-empty-expression"),
            base..base,
        )]);
    };
    let mut builder = build::Builder::new(src, base);
    let expr = builder.expr(expr);
    builder.finish(expr)
}
