//! The rule model: what a pack says, whichever form (DSL or YAML) it was written in.
//!
//! Both front ends (`pack::dsl`, `pack::yaml`) build these types; everything downstream
//! (compilation, evaluation, `convert`, `fmt`) works on them alone. What is shared by every
//! rule kind is here (the pack, a rule's metadata, matchers, scopes, expressions); what a
//! rule checks is the type parameter `C` of [`Pack`] and [`Rule`]: the kinds live above the
//! front ends, in `crate::eval::kinds`, each with its model and its syntax, and that module
//! names this model with its kinds (`eval::kinds::Pack`, `eval::kinds::Rule`). Every user-written value
//! that can be wrong keeps the byte span where it was written in the pack source, so errors
//! found later (a bad regex, an unknown capture) still point into the rule file.
//!
//! Equality ignores spans: a pack converted DSL → YAML → DSL must compare equal to itself.

use std::fmt;

pub use super::expr::{BinOp, CmpOp, Expr, ExprKind, Func, Tolerance};

/// A byte range into a pack source file.
pub use crate::model::Span;

/// A value together with the place in the pack source where it was written.
#[derive(Clone, Debug, Default)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
    /// A value that was not written anywhere (built in code or by a converter).
    pub fn unspanned(value: T) -> Self {
        Spanned { value, span: 0..0 }
    }
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T> std::ops::Deref for Spanned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Severity {
    Info,
    #[default]
    Warning,
    Error,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rule pack: a named, versioned set of rules that may build on other packs. `C` is what a
/// rule checks (`crate::eval::kinds::Check`).
#[derive(Clone, Debug, PartialEq)]
pub struct Pack<C> {
    pub name: Spanned<String>,
    pub version: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
    /// Other packs this one builds on: a path relative to this pack's file, or `builtin:NAME`.
    pub extends: Vec<Spanned<String>>,
    /// Rule ids (`pack/id`) of extended packs that are switched off.
    pub disable: Vec<Spanned<String>>,
    /// Severity changes for rules of extended packs.
    pub overrides: Vec<SeverityOverride>,
    pub rules: Vec<Rule<C>>,
}

impl<C> Default for Pack<C> {
    fn default() -> Self {
        Pack {
            name: Spanned::default(),
            version: None,
            description: None,
            extends: Vec::new(),
            disable: Vec::new(),
            overrides: Vec::new(),
            rules: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct SeverityOverride {
    /// `pack/id` of the rule whose severity changes.
    pub rule: Spanned<String>,
    pub severity: Spanned<Severity>,
}

/// One rule: metadata shared by every kind, plus the check itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule<C> {
    /// Stable id, unique within the pack (`[a-z0-9][a-z0-9-]*`). Reported as `pack/id`.
    pub id: Spanned<String>,
    pub severity: Spanned<Severity>,
    /// Message template; `{name}` interpolates a capture, a `let` value or a fact,
    /// `{name:%}` formats a ratio as a percentage.
    pub message: Spanned<String>,
    pub help: Option<Spanned<String>>,
    /// Where the requirement comes from (regulation article, standard clause).
    pub reference: Option<Spanned<String>>,
    pub tags: Vec<Spanned<String>>,
    /// Report at most one finding per file for this rule, with `{count}` occurrences.
    pub once_per_file: bool,
    /// Inline examples run by `reportlint test`.
    pub examples: Vec<Example>,
    pub check: C,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExampleKind {
    /// The text must produce no finding from this rule.
    Pass,
    /// The text must produce at least one finding from this rule.
    Fail,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    pub kind: ExampleKind,
    pub text: Spanned<String>,
}

/// `let NAME = EXPR`: a name for a value, in the kinds that take `let` lines (`match`,
/// `match statement`, `assert`).
#[derive(Clone, Debug, PartialEq)]
pub struct Let {
    pub name: Spanned<String>,
    pub value: Expr,
}

/// One entry of a term list: `"法制政府" -> "法治政府" unless "…"`.
#[derive(Clone, Debug, PartialEq)]
pub struct TermEntry {
    /// The wrong phrase, looked for literally.
    pub phrase: Spanned<String>,
    /// What to write instead (the suggestion `--fix` applies).
    pub suggest: Spanned<String>,
    /// Texts around the phrase that make it right: an occurrence overlapped by one of them
    /// is not reported.
    pub unless: Vec<Spanned<String>>,
}

/// What text to look for.
#[derive(Clone, Debug, PartialEq)]
pub enum Matcher {
    /// Literal text.
    Text(Spanned<String>),
    /// A regular expression (Rust `regex` syntax; back-references allowed).
    Regex(Spanned<String>),
    /// The typed-capture pattern notation (see `pack::pattern`).
    Pattern(Spanned<String>),
    /// At least one of these.
    Any(Vec<Matcher>),
    /// Every one of these (in the same scope unit).
    All(Vec<Matcher>),
    /// None of these.
    None(Vec<Matcher>),
    /// `year(report.year + 1)`: the year an expression over document facts computes, as the
    /// report writes a year: `2025年`, `2025年度`, `二〇二五年` (or `二零二五年`). Found
    /// nowhere when the document does not state the facts it reads.
    Year(Expr),
}

/// Where a matcher is applied.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Scope {
    /// The whole document.
    #[default]
    Document,
    /// The text of every section whose heading matches (heading line and body, with subsections).
    Section(Box<Matcher>),
    /// Only the heading lines that match.
    Heading(Box<Matcher>),
    /// The title (the report's name above the text); empty when the report has none.
    Title,
    /// Each paragraph separately: combinators must be satisfied inside one paragraph.
    Paragraph,
    /// Each sentence separately.
    Sentence,
    /// The report's text without its title and its headings (`in body`).
    Body,
    /// What stands under each heading that matches, without that heading; and what follows
    /// the opening of a paragraph that opens with a match (`in body of section …`).
    SectionBody(Box<Matcher>),
}
