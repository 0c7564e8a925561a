//! The rule model: what a pack says, whichever form (DSL or YAML) it was written in.
//!
//! Both front ends (`pack::dsl`, `pack::yaml`) build these types; everything downstream
//! (compilation, evaluation, `convert`, `fmt`) works on them alone. Every user-written value
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

/// A rule pack: a named, versioned set of rules that may build on other packs.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Pack {
    pub name: Spanned<String>,
    pub version: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
    /// Other packs this one builds on: a path relative to this pack's file, or `builtin:NAME`.
    pub extends: Vec<Spanned<String>>,
    /// Rule ids (`pack/id`) of extended packs that are switched off.
    pub disable: Vec<Spanned<String>>,
    /// Severity changes for rules of extended packs.
    pub overrides: Vec<SeverityOverride>,
    pub rules: Vec<Rule>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SeverityOverride {
    /// `pack/id` of the rule whose severity changes.
    pub rule: Spanned<String>,
    pub severity: Spanned<Severity>,
}

/// One rule: metadata shared by every kind, plus the check itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
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
    pub check: Check,
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

/// The rule kinds, each once: the variant of [`Check`] and the model type it holds, the
/// kind's name (its YAML key, its name in messages), the words that start it in the DSL, and
/// the module of `crate::eval::kinds` that validates, compiles and evaluates it.
///
/// Every list of kinds is made from this one: [`Check`] and its names here, the YAML reader's
/// kind keys, the DSL's rule-line keywords in syntax errors, and the engine's compiled checks
/// and dispatch (`crate::eval::kinds`). `for_each_kind!(m)` calls the macro `m` with the list.
/// Adding a kind: its line here, its module under `src/eval/kinds/`, its syntax in the
/// grammar and the front ends (`pack::dsl`, `pack::yaml`), a fixture, and the README.
macro_rules! for_each_kind {
    ($then:ident) => {
        $then! {
            /// Text must appear (kind `require`).
            Require(Require) "require" "require" require,
            /// Text must not appear (kind `forbid`).
            Forbid(Forbid) "forbid" "forbid" forbid,
            /// A pattern with typed captures, and assertions over the captured values (kind `match`).
            Match(MatchCheck) "match" "match" matching,
            /// The quantity statements the analyser finds, one kind of them (kind `match statement`).
            Statement(StatementCheck) "statement" "match statement" statements,
            /// A quantity named in several places must have one value (kind `consistent`).
            Consistent(Consistent) "consistent" "consistent" consistent,
            /// When a condition holds, a requirement must hold (kind `when`).
            When(When) "when" "when" when,
            /// Required sections, optionally in order (kind `sections`).
            Sections(Sections) "sections" "sections" sections,
            /// Heading numbering continuity / level order (kind `headings`).
            Headings(Headings) "headings" "headings" headings,
            /// Assertion over document facts such as the report year and document date (kind `assert`).
            Assert(AssertCheck) "assert" "assert" assert,
            /// Paired punctuation must be balanced (kind `paired`).
            Paired(Paired) "paired" "paired" paired,
            /// Half-width punctuation in Chinese running text (kind `halfwidth`).
            HalfWidth(HalfWidth) "halfwidth" "halfwidth" halfwidth,
            /// Wrong phrases and their right form, from a list (kind `terms`).
            Terms(Terms) "terms" "terms" terms,
            /// A character typed twice (kind `doubled`).
            Doubled(Doubled) "doubled" "doubled" doubled,
            /// Full-width digits in figures (kind `digits`).
            Digits(Digits) "digits" "digits" digits,
        }
    };
}
pub(crate) use for_each_kind;

/// Defines [`Check`] and its names from the kind list.
macro_rules! define_check {
    ($($(#[$doc:meta])* $variant:ident($model:ident) $name:literal $dsl:literal $module:ident,)*) => {
        /// What a rule checks. One variant per rule kind (see `for_each_kind!`); each kind
        /// lives in its own module under `crate::eval::kinds` (what it means, validation,
        /// compilation, evaluation, tests).
        #[derive(Clone, Debug, PartialEq)]
        pub enum Check {
            $($(#[$doc])* $variant($model),)*
        }

        impl Check {
            /// The kinds' names, in the order of the kind list.
            pub const KIND_NAMES: &'static [&'static str] = &[$($name),*];

            /// The words that start each kind in the DSL, in the order of the kind list.
            pub fn dsl_keywords() -> impl Iterator<Item = &'static str> {
                [$($dsl),*].into_iter()
            }

            /// The first word of each kind in the DSL (`match` of `match statement`).
            pub fn dsl_first_words() -> impl Iterator<Item = &'static str> {
                Self::dsl_keywords().map(|words| words.split(' ').next().unwrap_or(words))
            }

            /// The kind's name: its key in YAML, its name in messages.
            pub fn kind_name(&self) -> &'static str {
                match self {
                    $(Check::$variant(_) => $name,)*
                }
            }

            /// The words that start the check in the DSL (`match statement` for kind
            /// `statement`).
            pub fn dsl_keyword(&self) -> &'static str {
                match self {
                    $(Check::$variant(_) => $dsl,)*
                }
            }
        }
    };
}
for_each_kind!(define_check);

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

/// Kind `require`: the matcher must be satisfied at least `min_count` times in the scope.
#[derive(Clone, Debug, PartialEq)]
pub struct Require {
    pub what: Matcher,
    pub min_count: Option<Spanned<u32>>,
    pub scope: Scope,
}

/// Kind `forbid`: the matcher must not match, except where an exception matches the same text.
#[derive(Clone, Debug, PartialEq)]
pub struct Forbid {
    pub what: Matcher,
    /// A match is excused when an exception matches text overlapping it.
    pub unless: Vec<Matcher>,
    /// Replacement templates for the matched text (may interpolate captures).
    pub suggest: Vec<Spanned<String>>,
    pub scope: Scope,
}

/// Kind `match`: for every match of `pattern` (inside one sentence unless scoped otherwise),
/// compute the `let` bindings and check every assertion. A failed assertion is a finding.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchCheck {
    pub pattern: Matcher,
    pub scope: Scope,
    pub lets: Vec<Let>,
    pub asserts: Vec<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Let {
    pub name: Spanned<String>,
    pub value: Expr,
}

/// Kind `consistent`: every match of `pattern` in the document gives the same value for
/// the capture `capture`.
#[derive(Clone, Debug, PartialEq)]
pub struct Consistent {
    pub pattern: Matcher,
    pub capture: Spanned<String>,
}

/// Kind `when`: if `condition` holds in the document, `then` must hold.
#[derive(Clone, Debug, PartialEq)]
pub struct When {
    pub condition: Condition,
    pub then: Require,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Condition {
    /// The matcher is found in the scope.
    Mentions { what: Matcher, scope: Scope },
    /// Some match of the pattern satisfies the assertion (or any match, without one).
    Match {
        pattern: Matcher,
        test: Option<Expr>,
    },
}

/// Kind `sections`: each named section must exist (a heading matching its matcher);
/// with `ordered`, they must appear in the listed order.
#[derive(Clone, Debug, PartialEq)]
pub struct Sections {
    pub ordered: bool,
    pub sections: Vec<SectionSpec>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SectionSpec {
    /// How the section is named in findings.
    pub name: Spanned<String>,
    pub heading: Matcher,
}

/// Kind `headings`: a property of the heading numbering.
#[derive(Clone, Debug, PartialEq)]
pub struct Headings {
    pub aspect: Spanned<HeadingAspect>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadingAspect {
    /// Within one parent, same-level numbers run 1, 2, 3 … with no gap or repeat.
    Continuous,
    /// Levels are used in the standard order 一、→（一）→1.→（1）, none skipped.
    LevelOrder,
}

impl HeadingAspect {
    pub fn as_str(self) -> &'static str {
        match self {
            HeadingAspect::Continuous => "continuous",
            HeadingAspect::LevelOrder => "level-order",
        }
    }
}

/// Kind `assert`: an assertion over document facts (`report.year`, `document.date`, …).
#[derive(Clone, Debug, PartialEq)]
pub struct AssertCheck {
    pub lets: Vec<Let>,
    pub asserts: Vec<Expr>,
}

/// Kind `paired`: each listed pair (open, close) is balanced and properly nested per paragraph.
#[derive(Clone, Debug, PartialEq)]
pub struct Paired {
    /// Each entry is a two-character string such as `《》`.
    pub pairs: Vec<Spanned<String>>,
}

/// Kind `halfwidth`: these half-width characters must not stand in Chinese running text
/// (a CJK character on at least one side).
#[derive(Clone, Debug, PartialEq)]
pub struct HalfWidth {
    pub chars: Spanned<String>,
}

/// Kind `terms`: a list of wrong phrases, each with its right form. Entries are written in
/// the pack, or kept in a table file (CSV or YAML) next to it, or both.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Terms {
    /// Entries written in the pack.
    pub entries: Vec<TermEntry>,
    /// A table of entries, relative to the pack file (`terms.csv`, `terms.yaml`).
    pub file: Option<Spanned<String>>,
    /// The entries read from `file` when the pack was loaded (empty before that, and never
    /// printed back: `fmt` and `convert` keep the reference to the table).
    pub loaded: Vec<TermEntry>,
}

impl Terms {
    /// Every entry: those written in the pack, then those of the table.
    pub fn all_entries(&self) -> impl Iterator<Item = &TermEntry> {
        self.entries.iter().chain(&self.loaded)
    }
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

/// Kind `doubled`: a Chinese character typed twice in a word (建建设, 工作作, 的的), while
/// reduplications (人人, 层层, 认认真真) and a word ending where the next begins with the same
/// character (学习习近平, 人民民主) stay silent. `allow` adds sequences that are right.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Doubled {
    pub allow: Vec<Spanned<String>>,
}

/// Kind `digits`: what is checked about the width of digits in figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Digits {
    pub aspect: Spanned<DigitsAspect>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DigitsAspect {
    /// A figure mixing full-width and half-width digits (2０24年).
    Mixed,
    /// A figure written in full-width digits only (２０２４年).
    FullWidth,
}

impl DigitsAspect {
    pub const ALL: [DigitsAspect; 2] = [DigitsAspect::Mixed, DigitsAspect::FullWidth];

    pub fn as_str(self) -> &'static str {
        match self {
            DigitsAspect::Mixed => "mixed",
            DigitsAspect::FullWidth => "fullwidth",
        }
    }

    pub fn parse(s: &str) -> Option<DigitsAspect> {
        DigitsAspect::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// Kind `match statement`: the quantity statements the document's analyser finds
/// ([`crate::model::statements`]) of one kind, optionally only those whose subject matches.
/// Without `assert`, a statement is a finding when the analyser finds its figures disagree;
/// with `assert`, when an assertion over its figures fails.
#[derive(Clone, Debug, PartialEq)]
pub struct StatementCheck {
    /// `rate`, `share`, `parts`, `growth` or `repeated` (checked by validation).
    pub kind: Spanned<String>,
    /// Only statements whose subject this matches (text, regex and their combinations).
    pub subject: Option<Matcher>,
    pub lets: Vec<Let>,
    pub asserts: Vec<Expr>,
}

/// Names a statement binds besides its figures: texts.
pub const STATEMENT_TEXT_NAMES: &[&str] = &["subject", "expected", "pairing"];

/// The figure names a statement of `kind` binds (numbers; `parts` is a list of numbers).
pub fn statement_figure_names(kind: crate::model::StatementKind) -> &'static [&'static str] {
    use crate::model::StatementKind;
    match kind {
        StatementKind::Rate => &["rate", "part", "total"],
        StatementKind::Share => &["rate"],
        StatementKind::Parts => &["total", "parts"],
        StatementKind::Growth => &["growth", "current", "previous"],
        StatementKind::Repeated => &["first", "other"],
    }
}

#[cfg(test)]
mod kind_list_tests {
    use super::Check;

    /// Each kind has its own name and its own DSL words; the first DSL word of a kind is its
    /// name or, for `match statement`, the word of another kind it extends.
    #[test]
    fn the_kind_list_names_each_kind_once() {
        let names = Check::KIND_NAMES;
        let mut unique = names.to_vec();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "{names:?}");
        let dsl: Vec<&str> = Check::dsl_keywords().collect();
        assert_eq!(dsl.len(), names.len());
        for (name, words) in names.iter().zip(&dsl) {
            let first = words.split(' ').next().unwrap_or(words);
            assert!(first == *name || names.contains(&first), "{name}: {words}");
        }
    }
}
