//! What the DSL front end asks of a rule kind, so that a kind's syntax lives with the kind
//! (`crate::eval::kinds::<kind>`) and this front end has no code of its own for any kind.
//!
//! [`DslKind`] is one kind's syntax: the grammar rule of its line, how its model is built
//! from that line's parse tree (with the [`Builder`]'s shared helpers: matchers, scopes,
//! strings, expressions, errors) and printed back (with the helpers of [`super::print`]).
//! [`DslCheck`] is the same for the set of kinds (the check of a rule, one variant per kind);
//! the kind list implements it by dispatching to each kind's [`DslKind`].

use pest::iterators::Pair;

use super::build::Builder;
use super::Rule;
use crate::pack::model::{Expr, Let, Span};

/// The `let` and `assert` lines of one rule, as read, for the kind that takes them.
#[derive(Default)]
pub struct LetLines {
    pub lets: Vec<(Let, Span)>,
    pub asserts: Vec<(Expr, Span)>,
    /// An `assert` line was written, even if it failed to build (its error is recorded).
    pub wrote_assert: bool,
}

impl LetLines {
    /// The bindings without their spans.
    pub fn take_lets(&mut self) -> Vec<Let> {
        std::mem::take(&mut self.lets)
            .into_iter()
            .map(|(binding, _)| binding)
            .collect()
    }

    /// The assertions without their spans.
    pub fn take_asserts(&mut self) -> Vec<Expr> {
        std::mem::take(&mut self.asserts)
            .into_iter()
            .map(|(expr, _)| expr)
            .collect()
    }
}

/// One rule kind's DSL syntax.
pub trait DslKind: Sized {
    /// The grammar rules (`grammar/pack.pest`) of the line that starts the kind; empty for a
    /// kind written without a line of its own (`assert`).
    const LINES: &'static [Rule];
    /// Whether the kind takes the rule's `let` and `assert` lines ([`DslKind::dsl_take_lets`]);
    /// for the other kinds such a line is an error.
    const TAKES_LETS: bool = false;

    /// The model from the kind's line (one of [`DslKind::LINES`]); `None` after recording
    /// why not with [`Builder::error`].
    fn dsl_build(b: &mut Builder<'_>, line: Pair<'_, Rule>) -> Option<Self>;

    /// The kind's lines in canonical form, indented one level (see [`super::print`]).
    fn dsl_print(&self, out: &mut String);

    /// Takes the rule's `let` and `assert` lines (only called when [`DslKind::TAKES_LETS`]);
    /// `line` is the span of the kind's line. `None` leaves the rule out.
    fn dsl_take_lets(&mut self, _b: &mut Builder<'_>, _line: Span, _lines: LetLines) -> Option<()> {
        Some(())
    }

    /// The check of a rule that has no kind line, made from its `let` and `assert` lines,
    /// when they make one of this kind.
    fn dsl_from_lets(_lines: &mut LetLines) -> Option<Self> {
        None
    }
}

/// The DSL syntax of every kind: what the front end is generic over. The kind list
/// implements it (`crate::eval::kinds`), each method dispatching to the kind's [`DslKind`].
pub trait DslCheck: Sized {
    /// The grammar rules that start a kind's line, in the order of the kind list.
    fn line_rules() -> Vec<Rule>;
    /// The words that start each kind, in the order of the kind list (`match statement`).
    fn keywords() -> Vec<&'static str>;
    /// The words that start this check's kind.
    fn keyword(&self) -> &'static str;
    /// The check a kind line builds (`Some(None)` after an error); `None` when `line` is no
    /// kind's line.
    fn build(b: &mut Builder<'_>, line: Pair<'_, Rule>) -> Option<Option<Self>>;
    /// Whether the check takes the rule's `let` and `assert` lines.
    fn takes_lets(&self) -> bool;
    /// Gives the check the rule's `let` and `assert` lines.
    fn take_lets(&mut self, b: &mut Builder<'_>, line: Span, lines: LetLines) -> Option<()>;
    /// The check of a rule without a kind line, from its `let` and `assert` lines.
    fn from_lets(lines: &mut LetLines) -> Option<Self>;
    /// The check's lines in canonical form.
    fn print(&self, out: &mut String);
}
