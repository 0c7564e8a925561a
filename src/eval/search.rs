//! Matchers compiled once per pack and matched once per document.
//!
//! Every distinct leaf of every rule (a literal, a regex, a pattern) becomes one [`Leaf`],
//! shared by all rules that use it. Per document, all literals are found in a single
//! Aho-Corasick pass; each regex or pattern runs at most once, the first time a rule asks for
//! it. Rules then only filter these match lists by scope (document, section, heading,
//! paragraph, sentence), so no rule rescans the whole text.

use aho_corasick::{AhoCorasick, MatchKind};
use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;
use std::sync::Arc;

use crate::model::{structure, Document};
use crate::pack::error::PackError;
use crate::pack::model::{Matcher, Scope, Spanned};
use crate::pack::pattern::{self, CompileWhen, LazyPattern, LazyRegex, PatternMatch, RegexMatch};
use crate::pack::values::Value;

pub use crate::model::Span;
pub type LeafId = usize;

/// A compiled leaf matcher.
#[derive(Debug)]
pub enum Leaf {
    Literal(String),
    Regex(Box<LazyRegex>),
    Pattern(Box<LazyPattern>),
    /// `year(expr)`: the year computed from the document's facts, as written in a report.
    Year(crate::pack::model::Expr),
}

impl Leaf {
    /// Whether the leaf is ready to search: literals and years always are, regexes and
    /// patterns once compiled.
    pub fn is_compiled(&self) -> bool {
        match self {
            Leaf::Regex(regex) => regex.is_compiled(),
            Leaf::Pattern(pattern) => pattern.is_compiled(),
            Leaf::Literal(_) | Leaf::Year(_) => true,
        }
    }

    /// Compile the leaf now if it is a regex or pattern not compiled yet.
    pub fn compile(&self) {
        match self {
            Leaf::Regex(regex) => {
                regex.compiled();
            }
            Leaf::Pattern(pattern) => {
                pattern.compiled();
            }
            Leaf::Literal(_) | Leaf::Year(_) => {}
        }
    }
}

/// One capture of a leaf match: a regex group or a typed pattern placeholder.
#[derive(Clone, Debug, PartialEq)]
pub struct Capture {
    /// The capture's name (regex groups without a name are named by their number).
    pub name: String,
    pub span: Span,
    /// The typed value, for pattern placeholders whose text parsed.
    pub value: Option<Value>,
    /// For repeated captures (`counts`): each item's span and value.
    pub items: Vec<(Span, Value)>,
}

/// One match of a leaf in a document.
#[derive(Clone, Debug, PartialEq)]
pub struct LeafMatch {
    pub span: Span,
    pub captures: Vec<Capture>,
}

impl LeafMatch {
    pub fn capture(&self, name: &str) -> Option<&Capture> {
        self.captures.iter().find(|c| c.name == name)
    }
}

/// A matcher tree whose leaves point into the shared leaf table.
#[derive(Clone, Debug)]
pub enum CompiledMatcher {
    Leaf(LeafId),
    Any(Vec<CompiledMatcher>),
    All(Vec<CompiledMatcher>),
    None(Vec<CompiledMatcher>),
}

#[derive(Clone, Debug)]
pub enum CompiledScope {
    Document,
    Section(CompiledMatcher),
    Heading(CompiledMatcher),
    Title,
    Paragraph,
    Sentence,
    /// The text without title and headings.
    Body,
    /// What stands under matching headings and after matching paragraph openings.
    SectionBody(CompiledMatcher),
}

/// Builds a pack's leaf table while its rules are validated and compiled: each distinct
/// literal, regex and pattern is compiled once, the first time a rule names it, and every
/// later use of the same source shares that leaf.
pub struct Compiler {
    pub leaves: Vec<Arc<Leaf>>,
    index: HashMap<(u8, String), LeafId>,
    /// When regexes and patterns are compiled.
    when: CompileWhen,
}

impl Default for Compiler {
    /// A compiler that compiles every regex and pattern at once.
    fn default() -> Compiler {
        Compiler::new(CompileWhen::Now)
    }
}

impl Compiler {
    /// A compiler that compiles regexes and patterns `when` said.
    pub fn new(when: CompileWhen) -> Compiler {
        Compiler {
            leaves: Vec::new(),
            index: HashMap::new(),
            when,
        }
    }

    /// Compile a matcher, collecting every error of its leaves into `errors` (all of them,
    /// not just the first); `None` when one of them does not compile. An empty text is an
    /// error.
    pub fn checked(&mut self, m: &Matcher, errors: &mut Vec<PackError>) -> Option<CompiledMatcher> {
        match m {
            Matcher::Text(text) if text.value.is_empty() => {
                errors.push(
                    PackError::new(crate::tr!("val-empty-text-look-for"), text.span.clone())
                        .with_label(crate::tr!("val-empty-text-found-everywhere")),
                );
                None
            }
            Matcher::Text(t) => self.leaf(0, t, errors).map(CompiledMatcher::Leaf),
            Matcher::Regex(r) => self.leaf(1, r, errors).map(CompiledMatcher::Leaf),
            Matcher::Pattern(p) => self.leaf(2, p, errors).map(CompiledMatcher::Leaf),
            Matcher::Year(expr) => self.year_leaf(expr, errors).map(CompiledMatcher::Leaf),
            Matcher::Any(items) | Matcher::All(items) | Matcher::None(items) => {
                let compiled: Vec<Option<CompiledMatcher>> = items
                    .iter()
                    .map(|item| self.checked(item, errors))
                    .collect();
                let compiled: Vec<CompiledMatcher> = compiled.into_iter().collect::<Option<_>>()?;
                Some(match m {
                    Matcher::Any(_) => CompiledMatcher::Any(compiled),
                    Matcher::All(_) => CompiledMatcher::All(compiled),
                    _ => CompiledMatcher::None(compiled),
                })
            }
        }
    }

    /// [`Compiler::checked`] for kinds compiling a rule that validation has passed.
    pub fn matcher(&mut self, m: &Matcher) -> Result<CompiledMatcher, Vec<PackError>> {
        let mut errors = Vec::new();
        match self.checked(m, &mut errors) {
            Some(compiled) if errors.is_empty() => Ok(compiled),
            _ => Err(errors),
        }
    }

    /// The leaves of a matcher that is one pattern (or regex), or `any` of several: what
    /// `match` and `consistent` rules take.
    pub fn leaves(&mut self, m: &Matcher) -> Result<Vec<LeafId>, Vec<PackError>> {
        match self.matcher(m)? {
            CompiledMatcher::Leaf(id) => Ok(vec![id]),
            CompiledMatcher::Any(children)
                if children
                    .iter()
                    .all(|c| matches!(c, CompiledMatcher::Leaf(_))) =>
            {
                Ok(children
                    .iter()
                    .filter_map(|c| match c {
                        CompiledMatcher::Leaf(id) => Some(*id),
                        _ => None,
                    })
                    .collect())
            }
            _ => Err(vec![PackError::new(
                crate::tr!("match-kind-takes-pattern-regex"),
                matcher_span(m),
            )]),
        }
    }

    /// The leaf compiled from `written`, compiling it if no rule named it before. Errors
    /// point into the pack source where the characters are written; inside a value whose
    /// characters cannot be located (escapes moved them), at the whole value.
    fn leaf(
        &mut self,
        kind: u8,
        written: &Spanned<String>,
        errors: &mut Vec<PackError>,
    ) -> Option<LeafId> {
        let text = &written.value;
        if let Some(&id) = self.index.get(&(kind, text.clone())) {
            return Some(id);
        }
        let at = written_at(written);
        let relocate = |mut error: PackError| {
            if at.is_none() {
                error.span = written.span.clone();
            }
            error
        };
        let leaf = match kind {
            0 => Leaf::Literal(text.clone()),
            1 => match LazyRegex::new(text, at.unwrap_or(0), self.when) {
                Ok(regex) => Leaf::Regex(Box::new(regex)),
                Err(error) => {
                    errors.push(relocate(error));
                    return None;
                }
            },
            _ => match LazyPattern::new(text, at.unwrap_or(0), self.when) {
                Ok(pattern) => Leaf::Pattern(Box::new(pattern)),
                Err(found) => {
                    errors.extend(found.into_iter().map(relocate));
                    return None;
                }
            },
        };
        let id = self.leaves.len();
        self.leaves.push(Arc::new(leaf));
        self.index.insert((kind, text.clone()), id);
        Some(id)
    }

    /// The leaf of `year(expr)`: the expression may read document facts and numbers only
    /// (it is computed once per document, before any match).
    fn year_leaf(
        &mut self,
        expr: &crate::pack::model::Expr,
        errors: &mut Vec<PackError>,
    ) -> Option<LeafId> {
        if let Some(span) = first_name(expr) {
            errors.push(
                PackError::new(crate::tr!("val-year-facts-only"), span)
                    .with_label(crate::tr!("val-year-not-a-fact"))
                    .with_help(crate::tr!(
                        "val-year-facts-help",
                        facts = crate::pack::expr::FACTS.join(", ")
                    )),
            );
            return None;
        }
        if !crate::eval::validate::expect_fact_number(expr, errors) {
            return None;
        }
        let key = (3, expr.to_string());
        if let Some(&id) = self.index.get(&key) {
            return Some(id);
        }
        let id = self.leaves.len();
        self.leaves.push(Arc::new(Leaf::Year(expr.clone())));
        self.index.insert(key, id);
        Some(id)
    }

    pub fn scope(&mut self, s: &Scope) -> Result<CompiledScope, Vec<PackError>> {
        Ok(match s {
            Scope::Document => CompiledScope::Document,
            Scope::Section(m) => CompiledScope::Section(self.matcher(m)?),
            Scope::Heading(m) => CompiledScope::Heading(self.matcher(m)?),
            Scope::Title => CompiledScope::Title,
            Scope::Paragraph => CompiledScope::Paragraph,
            Scope::Sentence => CompiledScope::Sentence,
            Scope::Body => CompiledScope::Body,
            Scope::SectionBody(m) => CompiledScope::SectionBody(self.matcher(m)?),
        })
    }
}

/// Where an expression reads a name (a capture or a `let`), which `year(…)` cannot have.
fn first_name(expr: &crate::pack::model::Expr) -> Option<Span> {
    use crate::pack::model::ExprKind;
    match &expr.kind {
        ExprKind::Name(_) => Some(expr.span.clone()),
        ExprKind::Number { .. }
        | ExprKind::Percent { .. }
        | ExprKind::Text(_)
        | ExprKind::Fact(_) => None,
        ExprKind::Unary { operand, .. } | ExprKind::Not(operand) => first_name(operand),
        ExprKind::Binary { left, right, .. }
        | ExprKind::Compare { left, right, .. }
        | ExprKind::Approx { left, right, .. }
        | ExprKind::And(left, right)
        | ExprKind::Or(left, right) => first_name(left).or_else(|| first_name(right)),
        ExprKind::Call { args, .. } => args.iter().find_map(first_name),
    }
}

/// Where the year that `expr` computes from the document's `facts` is written in `text`:
/// `2025年` (so also the start of `2025年度`), in half- or full-width digits, or in Chinese
/// numerals (`二〇二五年`, `二零二五年`), not preceded by another digit. Nowhere when the
/// facts it reads are not stated or it is no year.
pub fn year_spans(
    expr: &crate::pack::model::Expr,
    facts: &crate::model::Facts,
    text: &str,
) -> Vec<Span> {
    let bindings = crate::eval::Bindings::new(facts);
    let year = match crate::pack::values::eval(expr, &bindings) {
        Ok(Value::Number { value, .. })
            if value.fract() == 0.0 && (1.0..=9999.0).contains(&value) =>
        {
            value as u32
        }
        _ => return Vec::new(),
    };
    let digits = year.to_string();
    let forms: Vec<String> = [
        ('0', "0123456789"),
        ('０', "０１２３４５６７８９"),
        ('〇', "〇一二三四五六七八九"),
        ('零', "零一二三四五六七八九"),
    ]
    .iter()
    .map(|(_, set)| {
        let set: Vec<char> = set.chars().collect();
        digits
            .chars()
            .map(|d| set[d.to_digit(10).unwrap_or(0) as usize])
            .collect::<String>()
            + "年"
    })
    .collect();
    let is_digit = |c: char| {
        c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇零一二三四五六七八九".contains(c)
    };
    let mut spans: Vec<Span> = Vec::new();
    for form in forms {
        for (at, found) in text.match_indices(form.as_str()) {
            if text[..at].chars().next_back().is_some_and(is_digit) {
                continue;
            }
            if !spans.contains(&(at..at + found.len())) {
                spans.push(at..at + found.len());
            }
        }
    }
    spans.sort_by_key(|s| (s.start, s.end));
    spans
}

/// The span in the pack source of a matcher (its first leaf).
pub fn matcher_span(m: &Matcher) -> Span {
    match m {
        Matcher::Text(s) | Matcher::Regex(s) | Matcher::Pattern(s) => s.span.clone(),
        Matcher::Year(expr) => expr.span.clone(),
        Matcher::Any(v) | Matcher::All(v) | Matcher::None(v) => {
            v.first().map(matcher_span).unwrap_or(0..0)
        }
    }
}

/// The byte offset in the pack source where the characters of `written` begin, when it can
/// be told: the span holds the value verbatim, or quoted without escapes.
pub fn written_at(written: &Spanned<String>) -> Option<usize> {
    let span_len = written.span.end.checked_sub(written.span.start)?;
    let len = written.value.len();
    if span_len == len && len > 0 {
        Some(written.span.start)
    } else if span_len == len + 2 {
        Some(written.span.start + 1)
    } else {
        None
    }
}

/// The literal automaton of a compiled pack.
#[derive(Debug)]
pub struct Literals {
    automaton: Option<AhoCorasick>,
    /// Leaf id of each automaton pattern.
    leaf_of: Vec<LeafId>,
}

impl Literals {
    pub fn new(leaves: &[Arc<Leaf>]) -> Literals {
        let mut words = Vec::new();
        let mut leaf_of = Vec::new();
        for (id, leaf) in leaves.iter().enumerate() {
            if let Leaf::Literal(w) = &**leaf {
                if !w.is_empty() {
                    words.push(w.clone());
                    leaf_of.push(id);
                }
            }
        }
        let automaton = if words.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(&words)
                .ok()
        };
        Literals { automaton, leaf_of }
    }
}

/// Matches of one document, computed on demand and shared by all rules.
pub struct DocMatches<'a> {
    pub doc: &'a Document,
    /// The leaves of every pack of the rule set, one pack's table after the other.
    leaves: &'a [Arc<Leaf>],
    /// Where the table of the pack of the rule being evaluated starts in `leaves`: the leaf
    /// ids of a compiled rule count from the start of its own pack's table.
    base: Cell<usize>,
    cache: Vec<OnceCell<Vec<LeafMatch>>>,
    /// Whether each leaf matches anywhere, for leaves whose full match list was not needed.
    found_any: Vec<OnceCell<bool>>,
    /// How many bytes each leaf has searched unit by unit, before its full match list (see
    /// [`DocMatches::leaf_spans_in`]).
    searched: Vec<Cell<usize>>,
    /// Leaves that could not be searched (a back-referencing regex that gave up).
    failures: RefCell<Vec<(LeafId, String)>>,
    /// Why leaves asked for since [`DocMatches::take_gave_up`] could not be searched.
    gave_up: RefCell<Vec<String>>,
    /// How long one back-referencing regex may search the document.
    regex_time_limit: std::time::Duration,
    /// The document's statements, analysed once for every `match statement` rule.
    statements: OnceCell<Vec<crate::model::Statement>>,
    /// The openings of the running-text paragraphs, found once for every rule whose scope
    /// is the body of a section.
    openings: OnceCell<Vec<structure::Opening>>,
    /// The parts of sentences that defer their content, found once for every `require`.
    deferred: OnceCell<Vec<Span>>,
    /// How long analysing the statements took (zero until they are asked for).
    statements_time: Cell<std::time::Duration>,
}

impl<'a> DocMatches<'a> {
    pub fn new(doc: &'a Document, leaves: &'a [Arc<Leaf>], literals: &Literals) -> DocMatches<'a> {
        let cache: Vec<OnceCell<Vec<LeafMatch>>> = leaves.iter().map(|_| OnceCell::new()).collect();
        if let Some(ac) = &literals.automaton {
            let mut found: Vec<Vec<LeafMatch>> = vec![Vec::new(); literals.leaf_of.len()];
            for m in ac.find_overlapping_iter(doc.text.as_str()) {
                found[m.pattern().as_usize()].push(LeafMatch {
                    span: m.start()..m.end(),
                    captures: Vec::new(),
                });
            }
            for (i, matches) in found.into_iter().enumerate() {
                let _ = cache[literals.leaf_of[i]].set(matches);
            }
        }
        DocMatches {
            doc,
            leaves,
            base: Cell::new(0),
            found_any: leaves.iter().map(|_| OnceCell::new()).collect(),
            searched: leaves.iter().map(|_| Cell::new(0)).collect(),
            cache,
            failures: RefCell::new(Vec::new()),
            gave_up: RefCell::new(Vec::new()),
            regex_time_limit: pattern::DEFAULT_REGEX_TIME_LIMIT,
            statements: OnceCell::new(),
            statements_time: Cell::new(std::time::Duration::ZERO),
            openings: OnceCell::new(),
            deferred: OnceCell::new(),
        }
    }

    /// The statements of the document ([`Document::statements`]), analysed on first use.
    /// `pieces` without the parts of sentences that defer their content (另行研究制定,
    /// 详见附件): what is required must be stated, not deferred.
    pub fn without_deferrals(&self, pieces: &[Span]) -> Vec<Span> {
        let cuts = self
            .deferred
            .get_or_init(|| structure::deferred_parts(self.doc));
        structure::without(pieces, cuts)
    }

    pub fn statements(&self) -> &[crate::model::Statement] {
        self.statements.get_or_init(|| {
            let started = std::time::Instant::now();
            let statements = self.doc.statements();
            self.statements_time.set(started.elapsed());
            statements
        })
    }

    /// How long the statements took to analyse, zero while they have not been.
    pub fn statements_time(&self) -> std::time::Duration {
        self.statements_time.get()
    }

    /// Sets how long one back-referencing regex may search the document before it gives up
    /// (and the rules using it say they could not be evaluated).
    pub fn with_regex_time_limit(mut self, limit: std::time::Duration) -> DocMatches<'a> {
        self.regex_time_limit = limit;
        self
    }

    /// Sets where the leaf table of the next rule's pack starts (see [`Self::leaf`]).
    pub fn set_pack_leaves(&self, base: usize) {
        self.base.set(base);
    }

    /// The compiled leaf `id` of the current rule's pack.
    pub fn leaf_object(&self, id: LeafId) -> &Leaf {
        &self.leaves[self.base.get() + id]
    }

    /// All matches of leaf `id` of the current rule's pack in the document, sorted by start.
    /// A leaf that could not be searched has none; the rule asking is told by
    /// [`DocMatches::take_gave_up`].
    pub fn leaf(&self, id: LeafId) -> &[LeafMatch] {
        self.leaf_at(self.base.get() + id)
    }

    /// [`Self::leaf`] by the leaf's place in the whole table.
    fn leaf_at(&self, id: usize) -> &[LeafMatch] {
        let found = self.computed(id);
        if !self.failures.borrow().is_empty() {
            if let Some(why) = self.failure(id) {
                self.gave_up.borrow_mut().push(why);
            }
        }
        found
    }

    /// Why the leaves asked for since the last call could not be searched (each reason
    /// once), so that the rule that asked reports it instead of passing silently.
    pub fn take_gave_up(&self) -> Vec<String> {
        let mut reasons = std::mem::take(&mut *self.gave_up.borrow_mut());
        reasons.dedup();
        reasons
    }

    fn computed(&self, id: LeafId) -> &[LeafMatch] {
        self.cache[id].get_or_init(|| {
            let text = self.doc.text.as_str();
            let mut v: Vec<LeafMatch> = match &*self.leaves[id] {
                Leaf::Literal(w) => text
                    .match_indices(w.as_str())
                    .map(|(i, s)| LeafMatch {
                        span: i..i + s.len(),
                        captures: Vec::new(),
                    })
                    .collect(),
                Leaf::Regex(r) => match r.matches_within(text, self.regex_time_limit) {
                    Ok(found) => found.into_iter().map(from_regex).collect(),
                    Err(e) => {
                        self.failures.borrow_mut().push((id, e.to_string()));
                        Vec::new()
                    }
                },
                Leaf::Pattern(p) => p.find_iter(text).map(from_pattern).collect(),
                Leaf::Year(expr) => year_spans(expr, &self.doc.facts, text)
                    .into_iter()
                    .map(|span| LeafMatch {
                        span,
                        captures: Vec::new(),
                    })
                    .collect(),
            };
            v.sort_by_key(|m| (m.span.start, m.span.end));
            v
        })
    }

    /// Whether a leaf matches anywhere in the document. Unless its full match list is
    /// already known, the search stops at the first match (a `require` of text that is
    /// there reads no further than where it is found).
    fn found_anywhere(&self, id: LeafId) -> bool {
        let id = self.base.get() + id;
        if self.cache[id].get().is_some() {
            // Through `leaf_at`, so that a regex that gave up is reported to this rule too.
            return !self.leaf_at(id).is_empty();
        }
        *self.found_any[id].get_or_init(|| {
            let text = self.doc.text.as_str();
            let quick = match &*self.leaves[id] {
                Leaf::Literal(_) | Leaf::Year(_) => None,
                Leaf::Regex(r) => r.is_match(text),
                Leaf::Pattern(p) => Some(p.find_iter(text).next().is_some()),
            };
            // Literals are found with all others when the document is opened; a regex that
            // may give up is searched in full so that its failure is recorded and reported.
            quick.unwrap_or_else(|| !self.leaf_at(id).is_empty())
        })
    }

    /// Whether `m` is satisfied at least `min` times in `unit`: exactly
    /// `self.count(m, unit).0 >= min`, but for the whole document and `min` of one, leaves
    /// are searched only up to their first match.
    pub fn satisfied(&self, m: &CompiledMatcher, unit: &Span, min: usize) -> bool {
        if min == 0 {
            return true;
        }
        let whole = unit.start == 0 && unit.end >= self.doc.text.len();
        if min > 1 || !whole {
            return self.count(m, unit).0 >= min;
        }
        match m {
            CompiledMatcher::Leaf(id) => self.found_anywhere(*id),
            // The sum of the parts' counts is at least one when one part's is.
            CompiledMatcher::Any(children) => children.iter().any(|c| self.satisfied(c, unit, 1)),
            // The fewest of the parts' counts is at least one when every part's is.
            CompiledMatcher::All(children) => {
                !children.is_empty() && children.iter().all(|c| self.satisfied(c, unit, 1))
            }
            CompiledMatcher::None(_) => self.count(m, unit).0 >= 1,
        }
    }

    /// Why a leaf could not be searched in this document, if it could not.
    fn failure(&self, id: LeafId) -> Option<String> {
        self.failures
            .borrow()
            .iter()
            .find(|(l, _)| *l == id)
            .map(|(_, e)| e.clone())
    }

    /// The spans of leaf `id`'s matches inside `unit`, added to `out`: those of
    /// [`Self::leaf_in`]. Until the full match list is known, a regex whose matches stay on
    /// one line searches only the lines around the unit, as long as all it has searched so
    /// far stays under half the document (a heading or a first sentence costs its line; a
    /// rule asking for most of the text gets the full list, searched once).
    fn leaf_spans_in(&self, id: LeafId, unit: &Span, out: &mut Vec<Span>) {
        let at = self.base.get() + id;
        if self.cache[at].get().is_none() {
            if let Leaf::Regex(r) = &*self.leaves[at] {
                let text = self.doc.text.as_str();
                let used = self.searched[at].get();
                if used + unit.len() <= text.len() / 2 {
                    if self.found_any[at].get() == Some(&false) {
                        return;
                    }
                    if !r.may_match(text) {
                        let _ = self.found_any[at].set(false);
                        return;
                    }
                    if let Some((found, lines)) = r.spans_inside(text, unit) {
                        self.searched[at].set(used + lines);
                        out.extend(found);
                        return;
                    }
                }
            }
        }
        out.extend(self.leaf_in(id, unit).iter().map(|m| m.span.clone()));
    }

    /// Matches of several leaves inside `unit`, in document order.
    pub fn leaves_in(&self, ids: &[LeafId], unit: &Span) -> Vec<&LeafMatch> {
        let mut all: Vec<&LeafMatch> = ids.iter().flat_map(|&id| self.leaf_in(id, unit)).collect();
        all.sort_by_key(|m| (m.span.start, m.span.end));
        all.dedup_by(|a, b| a.span == b.span);
        all
    }

    /// Matches of a leaf lying inside `unit`.
    pub fn leaf_in(&self, id: LeafId, unit: &Span) -> &[LeafMatch] {
        let all = self.leaf(id);
        let from = all.partition_point(|m| m.span.start < unit.start);
        let to = all.partition_point(|m| m.span.start < unit.end).max(from);
        let slice = &all[from..to];
        // A match that starts inside the unit but runs past its end is not inside it; such
        // matches can only be the last ones of the slice when units are sentences or lines.
        let inside = slice
            .iter()
            .rposition(|m| m.span.end <= unit.end)
            .map_or(0, |i| i + 1);
        &slice[..inside]
    }

    /// How often `m` is satisfied in `unit`, with the spans that show it.
    pub fn count(&self, m: &CompiledMatcher, unit: &Span) -> (usize, Vec<Span>) {
        self.count_pieces(m, std::slice::from_ref(unit))
    }

    /// The units a scope divides the document into.
    pub fn units(&self, scope: &CompiledScope) -> Vec<Span> {
        let doc = self.doc;
        match scope {
            CompiledScope::Document => std::iter::once(0..doc.text.len()).collect(),
            CompiledScope::Title => doc.title.iter().map(|t| t.span.clone()).collect(),
            CompiledScope::Paragraph => doc.paragraphs.iter().map(|p| p.span.clone()).collect(),
            CompiledScope::Sentence => doc.sentences.iter().map(|s| s.span.clone()).collect(),
            CompiledScope::Heading(m) => doc
                .headings
                .iter()
                .filter(|h| self.count(m, &h.text_span).0 > 0)
                .map(|h| h.span.clone())
                .collect(),
            CompiledScope::Section(m) => doc
                .sections
                .iter()
                .filter(|s| {
                    s.heading
                        .and_then(|h| doc.headings.get(h))
                        .is_some_and(|h| self.count(m, &h.text_span).0 > 0)
                })
                .map(|s| s.span.clone())
                .collect(),
            // Each piece on its own, for kinds that look at single occurrences.
            CompiledScope::Body | CompiledScope::SectionBody(_) => {
                self.unit_pieces(scope).into_iter().flatten().collect()
            }
        }
    }

    /// The units a scope divides the document into, each unit as the pieces of text it is
    /// made of: one piece for most scopes, several for a body (text between headings).
    pub fn unit_pieces(&self, scope: &CompiledScope) -> Vec<Vec<Span>> {
        let doc = self.doc;
        match scope {
            CompiledScope::Body => vec![structure::body_pieces(doc)],
            CompiledScope::SectionBody(m) => {
                let mut units: Vec<Vec<Span>> = (0..doc.sections.len())
                    .filter(|&s| {
                        doc.section_heading(s)
                            .is_some_and(|h| self.count(m, &h.text_span).0 > 0)
                    })
                    .filter_map(|s| structure::section_body(doc, s))
                    .map(|body| vec![body])
                    .collect();
                let openings = self.openings.get_or_init(|| structure::openings(doc));
                units.extend(
                    openings
                        .iter()
                        .filter(|o| self.opens_with(m, o))
                        .map(|o| o.body.clone()),
                );
                units
            }
            _ => self.units(scope).into_iter().map(|u| vec![u]).collect(),
        }
    }

    /// The units of a section scope one by one, each with the place that names it (the
    /// heading, or the opening of a paragraph for `in body of section`), for requirements
    /// every such section must meet (`at least N`). For `in section`, a unit leaves out the
    /// marker of its own heading (`（一）`), which numbers the section and is no item of it.
    /// `None` for other scopes.
    pub fn named_section_units(&self, scope: &CompiledScope) -> Option<Vec<(Vec<Span>, Span)>> {
        let doc = self.doc;
        let heading_of = |s: usize, m: &CompiledMatcher| {
            doc.section_heading(s)
                .filter(|h| self.count(m, &h.text_span).0 > 0)
        };
        match scope {
            CompiledScope::Section(m) => Some(
                (0..doc.sections.len())
                    .filter_map(|s| {
                        let h = heading_of(s, m)?;
                        let section = &doc.sections[s].span;
                        let from = h.marker_span.end.clamp(section.start, section.end);
                        let piece: Span = from..section.end;
                        Some((vec![piece], h.span.clone()))
                    })
                    .collect(),
            ),
            CompiledScope::SectionBody(m) => {
                let mut units: Vec<(Vec<Span>, Span)> = (0..doc.sections.len())
                    .filter_map(|s| {
                        let h = heading_of(s, m)?;
                        Some((vec![structure::section_body(doc, s)?], h.span.clone()))
                    })
                    .collect();
                units.extend(
                    structure::openings(doc)
                        .into_iter()
                        .filter(|o| self.opens_with(m, o))
                        .map(|o| (o.body, o.lead)),
                );
                Some(units)
            }
            _ => None,
        }
    }

    /// Whether a paragraph opens with `m`: a match inside its first sentence that starts
    /// within its opening, or that ends the first sentence when that sentence announces
    /// what follows (`我们也清醒认识到工作中的不足。一是……`, `……还存在以下问题：`).
    pub fn opens_with(&self, m: &CompiledMatcher, o: &structure::Opening) -> bool {
        let (n, spans) = self.count(m, &o.first_sentence);
        n > 0
            && (spans.is_empty()
                || spans
                    .iter()
                    .any(|s| s.start < o.lead.end || self.ends_lead_sentence(s, o)))
    }

    /// Whether `span` is the last words of the paragraph's first sentence, with at most two
    /// characters (`如下`, `方面`) and punctuation after it, and the paragraph goes on.
    fn ends_lead_sentence(&self, span: &Span, o: &structure::Opening) -> bool {
        let text = self.doc.text.as_str();
        let Some(after) = text.get(span.end..o.first_sentence.end) else {
            return false;
        };
        let words = after
            .chars()
            .filter(|c| !matches!(c, '。' | '：' | ':' | '；' | '！' | '，'))
            .count();
        let goes_on = o.body.iter().any(|b| b.end > o.first_sentence.end);
        words <= 2 && goes_on
    }

    /// Whether `m` is satisfied at least once in the unit made of `pieces`: exactly
    /// `self.count_pieces(m, pieces).0 >= 1`, but a leaf is searched only up to its first
    /// match there (see [`Self::leaf_found_in`]), and combinators stop at the first child that
    /// decides.
    pub fn satisfied_in_pieces(&self, m: &CompiledMatcher, pieces: &[Span]) -> bool {
        match m {
            CompiledMatcher::Leaf(id) => pieces.iter().any(|p| self.leaf_found_in(*id, p)),
            CompiledMatcher::Any(children) => {
                children.iter().any(|c| self.satisfied_in_pieces(c, pieces))
            }
            CompiledMatcher::All(children) => {
                !children.is_empty() && children.iter().all(|c| self.satisfied_in_pieces(c, pieces))
            }
            CompiledMatcher::None(children) => {
                !children.iter().any(|c| self.shows_in_pieces(c, pieces))
            }
        }
    }

    /// Whether [`Self::count_pieces`] of `m` gives any span: a leaf's match, an `any` or
    /// `all` that holds with a child showing one, a `none` that fails (it shows what made it
    /// fail; one that holds shows nothing).
    fn shows_in_pieces(&self, m: &CompiledMatcher, pieces: &[Span]) -> bool {
        match m {
            CompiledMatcher::Leaf(_) => self.satisfied_in_pieces(m, pieces),
            CompiledMatcher::Any(children) | CompiledMatcher::None(children) => {
                children.iter().any(|c| self.shows_in_pieces(c, pieces))
            }
            CompiledMatcher::All(children) => {
                self.satisfied_in_pieces(m, pieces)
                    && children.iter().any(|c| self.shows_in_pieces(c, pieces))
            }
        }
    }

    /// Whether leaf `id` has a match inside `unit`: [`Self::leaf_in`] is not empty. Until the
    /// full match list is known, a regex that can be searched between stops (see
    /// [`Self::leaf_spans_in`]) is searched there up to its first match inside the unit.
    fn leaf_found_in(&self, id: LeafId, unit: &Span) -> bool {
        let at = self.base.get() + id;
        if self.cache[at].get().is_none() {
            if let Leaf::Regex(r) = &*self.leaves[at] {
                let text = self.doc.text.as_str();
                if self.found_any[at].get() == Some(&false) {
                    return false;
                }
                if !r.may_match(text) {
                    let _ = self.found_any[at].set(false);
                    return false;
                }
                if let Some(found) = r.first_span_inside(text, unit) {
                    return found.is_some();
                }
            }
        }
        !self.leaf_in(id, unit).is_empty()
    }

    /// Like [`DocMatches::count`], over a unit made of several pieces of text: a leaf counts
    /// its matches in every piece, combinators combine these counts as for one piece.
    pub fn count_pieces(&self, m: &CompiledMatcher, pieces: &[Span]) -> (usize, Vec<Span>) {
        match m {
            CompiledMatcher::Leaf(id) => {
                let mut spans = Vec::new();
                for piece in pieces {
                    self.leaf_spans_in(*id, piece, &mut spans);
                }
                (spans.len(), spans)
            }
            CompiledMatcher::Any(children) => {
                let mut n = 0;
                let mut spans = Vec::new();
                for c in children {
                    let (k, mut s) = self.count_pieces(c, pieces);
                    n += k;
                    spans.append(&mut s);
                }
                (n, spans)
            }
            CompiledMatcher::All(children) => {
                let mut n = usize::MAX;
                let mut spans = Vec::new();
                for c in children {
                    let (k, mut s) = self.count_pieces(c, pieces);
                    n = n.min(k);
                    spans.append(&mut s);
                }
                if children.is_empty() || n == 0 {
                    (0, Vec::new())
                } else {
                    (n, spans)
                }
            }
            CompiledMatcher::None(children) => {
                let mut spans = Vec::new();
                for c in children {
                    let (_, mut s) = self.count_pieces(c, pieces);
                    spans.append(&mut s);
                }
                if spans.is_empty() {
                    (1, Vec::new())
                } else {
                    (0, spans)
                }
            }
        }
    }

    /// Leaf matches of `m` (every leaf, flattened) inside `unit`, for rules that report
    /// each occurrence.
    pub fn occurrences<'s>(
        &'s self,
        m: &CompiledMatcher,
        unit: &Span,
        out: &mut Vec<&'s LeafMatch>,
    ) {
        match m {
            CompiledMatcher::Leaf(id) => out.extend(self.leaf_in(*id, unit)),
            CompiledMatcher::Any(cs) | CompiledMatcher::All(cs) | CompiledMatcher::None(cs) => {
                for c in cs {
                    self.occurrences(c, unit, out);
                }
            }
        }
    }
}

fn from_regex(m: RegexMatch) -> LeafMatch {
    let captures = m
        .named
        .iter()
        .map(|(name, text)| Capture {
            name: name.clone(),
            span: text.span.clone(),
            value: m.value(name),
            items: Vec::new(),
        })
        .collect();
    LeafMatch {
        span: m.span,
        captures,
    }
}

fn from_pattern(m: PatternMatch) -> LeafMatch {
    let captures = m
        .captures
        .iter()
        .filter_map(|c| {
            let text = c.text.as_ref()?;
            let items = c.item_values();
            Some(Capture {
                name: c.name.clone(),
                span: text.span.clone(),
                value: c.value(),
                items,
            })
        })
        .collect();
    LeafMatch {
        span: m.span,
        captures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::model::Spanned;
    use proptest::prelude::*;

    /// One leaf of each way of searching: literal, plain regex, prefiltered regex,
    /// line-start regex, back-referencing regex, pattern.
    fn leaves() -> Vec<Matcher> {
        let s = |v: &str| Spanned::new(v.to_string(), 0..0);
        vec![
            Matcher::Text(s("三项制度")),
            Matcher::Regex(s("执法(公示|记录)")),
            Matcher::Regex(s(r"\d+件(调解|受理)")),
            Matcher::Regex(s("(?m)^一、")),
            Matcher::Regex(s(r"(法|依)\1")),
            Matcher::Pattern(s("{n:count}件")),
            // Plain regexes searched between stops: one that a match from before the unit
            // can hide (`288件` hides `88件`), one that runs over line breaks but not 。.
            Matcher::Regex(s(r"\d+件")),
            Matcher::Regex(s("执法[^。]{0,4}")),
        ]
    }

    #[test]
    fn the_leaves_cover_every_way_of_searching() {
        use crate::pack::pattern::RegexSearch;
        let mut compiler = Compiler::default();
        let kinds: Vec<&str> = leaves()
            .iter()
            .map(|m| match compiler.matcher(m) {
                Ok(CompiledMatcher::Leaf(id)) => match &*compiler.leaves[id] {
                    Leaf::Literal(_) => "literal",
                    Leaf::Regex(r) => match r.search() {
                        RegexSearch::Plain(_, None) => "plain",
                        RegexSearch::Plain(_, Some(_)) => "prefiltered",
                        RegexSearch::LineStart(_) => "line start",
                        RegexSearch::Backtracking(_) => "backtracking",
                    },
                    Leaf::Pattern(_) => "pattern",
                    Leaf::Year(_) => "year",
                },
                _ => "not a leaf",
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "literal",
                "plain",
                "prefiltered",
                "line start",
                "backtracking",
                "pattern",
                "plain",
                "plain"
            ]
        );
    }

    fn matcher() -> impl Strategy<Value = Matcher> {
        let leaf = (0..leaves().len()).prop_map(|i| leaves().swap_remove(i));
        leaf.prop_recursive(3, 12, 3, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..3).prop_map(Matcher::Any),
                prop::collection::vec(inner.clone(), 0..3).prop_map(Matcher::All),
                prop::collection::vec(inner, 0..3).prop_map(Matcher::None),
            ]
        })
    }

    fn text() -> impl Strategy<Value = String> {
        const PARTS: [&str; 12] = [
            "三项制度",
            "执法公示",
            "执法记录",
            "一、",
            "\n",
            "288件",
            "12件受理",
            "法法",
            "依",
            "。",
            "件",
            "x",
        ];
        prop::collection::vec(prop::sample::select(&PARTS[..]), 0..12).prop_map(|v| v.concat())
    }

    /// Pieces of `text`: stretches between char boundaries picked by `cuts`, in order.
    fn pieces_of(text: &str, cuts: &[usize]) -> Vec<Span> {
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .collect();
        let mut at: Vec<usize> = cuts.iter().map(|c| bounds[c % bounds.len()]).collect();
        at.sort_unstable();
        at.chunks(2)
            .filter_map(|pair| match pair {
                [a, b] => Some(*a..*b),
                _ => None,
            })
            .collect()
    }

    proptest! {
        /// Counting in pieces of the text, and asking whether a matcher is satisfied there,
        /// give the same answers before the leaves' full match lists are known (regexes then
        /// search only between the stops around each piece, up to their first match when
        /// only that is asked) as after (the pieces' share of the full lists).
        #[test]
        fn searching_pieces_agrees_with_the_full_match_lists(
            m in matcher(),
            text in text(),
            cuts in prop::collection::vec(0usize..40, 0..6),
        ) {
            let mut compiler = Compiler::default();
            let compiled = compiler.matcher(&m).expect("compiles");
            let literals = Literals::new(&compiler.leaves);
            let doc = Document::parse(text.clone());
            let pieces = pieces_of(&doc.text, &cuts);
            let full = DocMatches::new(&doc, &compiler.leaves, &literals);
            for id in 0..compiler.leaves.len() {
                let _ = full.leaf(id);
            }
            let expected = full.count_pieces(&compiled, &pieces);
            let fresh = DocMatches::new(&doc, &compiler.leaves, &literals);
            prop_assert_eq!(fresh.satisfied_in_pieces(&compiled, &pieces), expected.0 >= 1);
            prop_assert_eq!(fresh.count_pieces(&compiled, &pieces), expected.clone());
            let again = DocMatches::new(&doc, &compiler.leaves, &literals);
            prop_assert_eq!(again.count_pieces(&compiled, &pieces), expected);
        }

        /// `satisfied` answers exactly what counting does, whichever is asked first.
        #[test]
        fn satisfied_agrees_with_count(m in matcher(), text in text(), min in 0usize..3) {
            let mut compiler = Compiler::default();
            let compiled = compiler.matcher(&m).expect("compiles");
            let literals = Literals::new(&compiler.leaves);
            let doc = Document::parse(text.clone());
            let whole = 0..doc.text.len();
            let first = DocMatches::new(&doc, &compiler.leaves, &literals);
            let quick = first.satisfied(&compiled, &whole, min);
            let counted = first.count(&compiled, &whole).0 >= min;
            prop_assert_eq!(quick, counted);
            let second = DocMatches::new(&doc, &compiler.leaves, &literals);
            prop_assert_eq!(second.count(&compiled, &whole).0 >= min, second.satisfied(&compiled, &whole, min));
        }
    }
}
