//! Validation is compilation: one pass checks what a pack means and compiles it for the
//! engine. Regexes and patterns compile (each once, into the pack's leaf table), names used
//! by assertions and messages exist and have the right types, rule ids are well formed and
//! unique, texts are not empty.
//!
//! A [`Pack`] built by either front end (which check only how it is written) enters
//! [`validate`]; what leaves is the [`CompiledPack`] the engine runs as it is, or every
//! problem found as a [`PackError`] with the span where it is written (all of them, not just
//! the first).
//!
//! # Names a rule may use
//!
//! - In `let`, `assert` and `when … if`: the captures of the rule's pattern (`{total:count}`
//!   in a pattern, `(?P<total>…)` in a regex), and `let`s defined *earlier* in the same
//!   rule. Facts are written with their dotted name and must be one of [`FACTS`].
//! - In a message (`{name}` or `{name:spec}`): the same names and facts, plus the names the
//!   evaluator provides for every finding, [`MESSAGE_NAMES`]: `match` (the matched text) and
//!   `count` (how many times the rule matched, for rules reported once per file).
//! - In a `forbid` suggestion: the captures of the forbidden pattern and `match`.
//! - In a `match statement` rule, the statement's names take the place of captures:
//!   `subject`, `expected`, `pairing` (texts) and the figures of its kind
//!   ([`statement_figure_names`]); its `subject` matcher is text or regexes, not a pattern.
//!
//! # Types
//!
//! `count`, `percent`, `amount`, `number` and `year` captures and `report.year` are numbers;
//! `date` captures and `document.date` are dates; `text` captures are texts; `counts`
//! captures are lists. Named groups of a raw regex may hold anything, so they are not
//! type-checked. `sum`/`min`/`max` take one list or several numbers, `count` one list,
//! `year` a date, `date` three numbers, `exists` a name or a fact. An assertion must be a
//! condition (a comparison, `~=`, `exists`, or `and`/`or`/`not` of those).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::kinds;
use super::matching::{written_at, CompiledMatcher, Compiler, Leaf};
use super::CompiledCheck;
use crate::model::text::suggest;
use crate::model::StatementKind;
use crate::pack::error::PackError;
use crate::pack::expr::{Expr, ExprKind, Func, FACTS};
use crate::pack::model::{
    statement_figure_names, Check, Condition, Forbid, Let, Matcher, Pack, Require, Rule, Scope,
    Spanned, StatementCheck, STATEMENT_TEXT_NAMES,
};
use crate::pack::pattern::{CaptureType, RegexSearch};
use crate::pack::values::is_known_format_spec;

/// Names the evaluator provides to every message, beside captures, `let`s and facts.
pub const MESSAGE_NAMES: &[&str] = &["match", "count"];

/// A pack's rules compiled for the engine: one check per rule of the pack, in order, and the
/// table of leaves (literals, regexes, patterns) their leaf ids point into. Each leaf was
/// compiled once, by validation.
#[derive(Clone, Debug, Default)]
pub struct CompiledPack {
    pub leaves: Arc<Vec<Arc<Leaf>>>,
    pub checks: Vec<CompiledCheck>,
}

/// Check a whole pack and compile it. Returns every error found.
pub fn validate(pack: &Pack) -> Result<CompiledPack, Vec<PackError>> {
    let mut errors = Vec::new();
    if pack.rules.is_empty() && pack.extends.is_empty() {
        errors.push(
            PackError::new(
                format!("pack `{}` has no rules", pack.name.value),
                pack.name.span.clone(),
            )
            .with_label("this pack checks nothing")
            .with_help("add at least one rule, or remove the pack"),
        );
    }
    let mut compiler = Compiler::default();
    let mut checks = Vec::new();
    let mut seen_ids = HashSet::new();
    for rule in &pack.rules {
        check_rule_id(rule, &mut seen_ids, &mut errors);
        if rule.message.value.trim().is_empty() {
            errors.push(
                PackError::new("the message is empty", rule.message.span.clone())
                    .with_help("say what is wrong in the report"),
            );
        }
        let before = errors.len();
        check_rule(rule, &mut compiler, &mut errors);
        if errors.len() == before {
            // The rule is sound: its matchers are compiled already, the kind puts them together.
            match compile_check(&rule.check, &mut compiler) {
                Ok(check) => checks.push(check),
                Err(found) => errors.extend(found),
            }
        }
    }
    if errors.is_empty() {
        Ok(CompiledPack {
            leaves: Arc::new(compiler.leaves),
            checks,
        })
    } else {
        Err(errors)
    }
}

/// A sound rule's check, compiled by its kind.
fn compile_check(check: &Check, c: &mut Compiler) -> Result<CompiledCheck, Vec<PackError>> {
    Ok(match check {
        Check::Require(x) => CompiledCheck::Require(kinds::require::compile(x, c)?),
        Check::Forbid(x) => CompiledCheck::Forbid(kinds::forbid::compile(x, c)?),
        Check::Match(x) => CompiledCheck::Match(kinds::matching::compile(x, c)?),
        Check::Consistent(x) => CompiledCheck::Consistent(kinds::consistent::compile(x, c)?),
        Check::When(x) => CompiledCheck::When(kinds::when::compile(x, c)?),
        Check::Sections(x) => CompiledCheck::Sections(kinds::sections::compile(x, c)?),
        Check::Headings(x) => CompiledCheck::Headings(kinds::headings::compile(x)),
        Check::Facts(x) => CompiledCheck::Facts(kinds::facts::compile(x)),
        Check::Paired(x) => CompiledCheck::Paired(kinds::paired::compile(x)),
        Check::HalfWidth(x) => CompiledCheck::HalfWidth(kinds::halfwidth::compile(x)),
        Check::Terms(x) => CompiledCheck::Terms(kinds::terms::compile(x)?),
        Check::Doubled(x) => CompiledCheck::Doubled(kinds::doubled::compile(x)),
        Check::Digits(x) => CompiledCheck::Digits(kinds::digits::compile(x)),
        Check::Statement(x) => CompiledCheck::Statement(kinds::statements::compile(x, c)?),
    })
}

/// Compile a matcher into the pack's leaf table, collecting its errors.
fn compile_into(
    matcher: &Matcher,
    c: &mut Compiler,
    errors: &mut Vec<PackError>,
) -> Option<CompiledMatcher> {
    c.checked(matcher, errors)
}

fn check_rule_id<'a>(rule: &'a Rule, seen: &mut HashSet<&'a str>, errors: &mut Vec<PackError>) {
    let id = rule.id.value.as_str();
    let well_formed = id
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !well_formed {
        errors.push(
            PackError::new(format!("`{id}` is not a valid rule id"), rule.id.span.clone())
                .with_label("invalid rule id")
                .with_help("rule ids use lowercase letters, digits and `-`, starting with a letter or digit, e.g. `success-rate`"),
        );
    }
    if !seen.insert(id) {
        errors.push(
            PackError::new(format!("duplicate rule id `{id}`"), rule.id.span.clone())
                .with_label("already used by an earlier rule")
                .with_help(
                    "rule ids must be unique within a pack: findings are reported as `pack/id`",
                ),
        );
    }
}

/// The static type of a value in an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ty {
    Number,
    List,
    Date,
    Text,
    Bool,
    /// A regex group: could be anything, checked when the rule runs.
    Unknown,
}

impl Ty {
    fn describe(self) -> &'static str {
        match self {
            Ty::Number => "a number",
            Ty::List => "a list (a `counts` capture)",
            Ty::Date => "a date",
            Ty::Text => "a text",
            Ty::Bool => "a condition",
            Ty::Unknown => "a regex group",
        }
    }

    fn of_capture(ty: &CaptureType) -> Ty {
        match ty {
            CaptureType::Date => Ty::Date,
            CaptureType::Text => Ty::Text,
            CaptureType::Counts { .. } => Ty::List,
            _ => Ty::Number,
        }
    }

    fn of_fact(name: &str) -> Option<Ty> {
        match name {
            "report.year" | "title.year" | "body.year" => Some(Ty::Number),
            "document.date" => Some(Ty::Date),
            _ => None,
        }
    }
}

/// Names visible to a rule's expressions, in the order they were introduced.
#[derive(Default)]
struct Names {
    types: HashMap<String, Ty>,
    /// Capture types, for `consistent … on`.
    captures: HashMap<String, CaptureType>,
    order: Vec<String>,
}

impl Names {
    fn add(&mut self, name: &str, ty: Ty) {
        if self.types.insert(name.to_string(), ty).is_none() {
            self.order.push(name.to_string());
        }
    }

    /// "did you mean `x`? " when a name of the rule (or one of `also`) is a small edit away.
    fn did_you_mean(&self, written: &str, also: &[&str]) -> String {
        let candidates: Vec<&str> = self
            .order
            .iter()
            .map(String::as_str)
            .chain(also.iter().copied())
            .collect();
        match suggest(written, candidates) {
            Some(near) => format!("did you mean `{near}`? "),
            None => String::new(),
        }
    }

    fn available(&self) -> String {
        if self.order.is_empty() {
            "this rule has no captures or `let`s".to_string()
        } else {
            format!("available here: {}", self.order.join(", "))
        }
    }
}

fn check_rule(rule: &Rule, c: &mut Compiler, errors: &mut Vec<PackError>) {
    let mut message_names = Names::default();
    match &rule.check {
        Check::Require(require) => check_require(require, c, errors),
        Check::Forbid(forbid) => {
            let captures = captures_of(&forbid.what, c, errors);
            check_scope(&forbid.scope, c, errors);
            for exception in &forbid.unless {
                compile_into(exception, c, errors);
            }
            let Some(captures) = captures else {
                return;
            };
            for suggestion in &forbid.suggest {
                check_template(suggestion, &captures, &["match", "0"], errors);
            }
            check_suggestions_settle(forbid, c, errors);
            message_names = captures;
        }
        Check::Match(check) => {
            let names = captures_of(&check.pattern, c, errors);
            check_scope(&check.scope, c, errors);
            let Some(mut names) = names else {
                return;
            };
            check_lets(&check.lets, &mut names, errors);
            for assertion in &check.asserts {
                expect_condition(assertion, &names, errors);
            }
            message_names = names;
        }
        Check::Consistent(consistent) => {
            let Some(names) = captures_of(&consistent.pattern, c, errors) else {
                return;
            };
            let on = &consistent.capture;
            match names.captures.get(&on.value) {
                Some(ty) if ty.is_numeric() => {}
                Some(ty) => errors.push(
                    PackError::new(
                        format!("`{}` is a {} capture, not a number", on.value, ty.name()),
                        on.span.clone(),
                    )
                    .with_label("consistency is checked on a numeric capture")
                    .with_help("capture the quantity with `count`, `amount`, `number`, `percent` or `year`"),
                ),
                None if names.types.get(&on.value) == Some(&Ty::Unknown) => {}
                None => errors.push(
                    PackError::new(format!("`{}` is not a capture of this pattern", on.value), on.span.clone())
                        .with_label("unknown capture")
                        .with_help(names.available()),
                ),
            }
            message_names = names;
        }
        Check::When(when) => {
            match &when.condition {
                Condition::Mentions { what, scope } => {
                    compile_into(what, c, errors);
                    check_scope(scope, c, errors);
                }
                Condition::Match { pattern, test } => {
                    let names = captures_of(pattern, c, errors);
                    check_require(&when.then, c, errors);
                    let Some(names) = names else {
                        return;
                    };
                    if let Some(test) = test {
                        expect_condition(test, &names, errors);
                    }
                    message_names = names;
                }
            }
            if let Condition::Mentions { .. } = when.condition {
                check_require(&when.then, c, errors);
            }
        }
        Check::Sections(sections) => {
            for section in &sections.sections {
                compile_into(&section.heading, c, errors);
            }
        }
        Check::Headings(_) => {}
        Check::Statement(check) => match statement_names(check, c, errors) {
            Some(names) => message_names = names,
            None => return,
        },
        Check::Facts(facts) => {
            let mut names = Names::default();
            check_lets(&facts.lets, &mut names, errors);
            for assertion in &facts.asserts {
                expect_condition(assertion, &names, errors);
            }
            message_names = names;
        }
        Check::Paired(paired) => {
            for pair in &paired.pairs {
                if pair.value.chars().count() != 2 {
                    errors.push(
                        PackError::new(
                            format!("`{}` is not a pair of two characters", pair.value),
                            pair.span.clone(),
                        )
                        .with_label("write the opening and the closing character, e.g. `《》`"),
                    );
                }
            }
        }
        Check::HalfWidth(halfwidth) => {
            if halfwidth.chars.value.is_empty() {
                errors.push(
                    PackError::new(
                        "no half-width characters listed",
                        halfwidth.chars.span.clone(),
                    )
                    .with_label("list the characters to flag, e.g. `,.;:?!()`"),
                );
            }
        }
        Check::Terms(terms) => check_terms(terms, errors),
        Check::Doubled(doubled) => check_doubled(doubled, errors),
        Check::Digits(_) => {}
    }
    let provided: Vec<&str> = MESSAGE_NAMES
        .iter()
        .chain(rule.check.message_names())
        .copied()
        .collect();
    check_template(&rule.message, &message_names, &provided, errors);
}

/// Refuse a `forbid` suggestion that its own rule would flag again: `--fix` would put the
/// forbidden text back, and the text would grow on every run (`forbid "法治" suggest
/// "法治（依法）"`). Checked where the replacement can be told from the pack: a suggestion
/// without placeholders, or naming only the whole match (`{0}`, `{match}`) of a literal;
/// and any suggestion holding the whole match of a regex that reads no context (no
/// look-around, anchor or word boundary) and has no `unless`. An exception (`unless`) that
/// matches in the replacement over the forbidden text excuses it, as it would in a report.
/// Suggestions with other captures are left to `--fix`, which stops when fixes do not settle.
fn check_suggestions_settle(forbid: &Forbid, c: &mut Compiler, errors: &mut Vec<PackError>) {
    // Matchers that do not compile are reported by the caller already.
    let mut scratch = Vec::new();
    let Some(what) = compile_into(&forbid.what, c, &mut scratch) else {
        return;
    };
    if let CompiledMatcher::All(_) | CompiledMatcher::None(_) = what {
        // A unit holding every part is one finding without a fix.
        return;
    }
    let mut leaves = Vec::new();
    leaves_of(&what, &c.leaves, &mut leaves);
    let exceptions: Vec<CompiledMatcher> = forbid
        .unless
        .iter()
        .filter_map(|exception| compile_into(exception, c, &mut scratch))
        .collect();
    if !scratch.is_empty() {
        return;
    }
    let mut unless = Vec::new();
    for exception in &exceptions {
        leaves_of(exception, &c.leaves, &mut unless);
    }
    for suggestion in &forbid.suggest {
        if let Some(why) = refixed(&suggestion.value, &leaves, &unless) {
            errors.push(
                PackError::new(
                    "this suggestion holds what its own rule forbids",
                    suggestion.span.clone(),
                )
                .with_label(why)
                .with_help("`--fix` would put the forbidden text back every time it runs; suggest text the rule does not flag, or excuse the suggested wording with `unless`"),
            );
        }
    }
}

/// The leaves of a compiled matcher, from the pack's leaf `table`.
fn leaves_of(matcher: &CompiledMatcher, table: &[Arc<Leaf>], out: &mut Vec<Arc<Leaf>>) {
    match matcher {
        CompiledMatcher::Any(items)
        | CompiledMatcher::All(items)
        | CompiledMatcher::None(items) => {
            for item in items {
                leaves_of(item, table, out);
            }
        }
        CompiledMatcher::Leaf(id) => out.push(table[*id].clone()),
    }
}

/// Why the replacement `template` makes for a match of one of `leaves` is flagged again,
/// when that can be told.
fn refixed(template: &str, leaves: &[Arc<Leaf>], unless: &[Arc<Leaf>]) -> Option<String> {
    for leaf in leaves {
        let (whole, groups): (Option<&str>, Vec<String>) = match &**leaf {
            Leaf::Literal(text) => (Some(text.as_str()), Vec::new()),
            Leaf::Regex(regex) => (None, regex.groups().to_vec()),
            Leaf::Pattern(pattern) => (
                None,
                pattern.captures.iter().map(|c| c.name.clone()).collect(),
            ),
        };
        if groups.iter().any(|g| g == "at") {
            // The fix replaces only the `at` group; the rest of the match stays around it.
            continue;
        }
        match fill_known(template, whole, &groups) {
            Filled::Text(replacement) => {
                if let Some(found) = flagged_in(&replacement, leaves, unless) {
                    return Some(if found == replacement {
                        format!("“{replacement}” is itself forbidden by this rule")
                    } else {
                        format!("“{replacement}” holds “{found}”, which this rule forbids")
                    });
                }
            }
            Filled::HasWholeMatch if unless.is_empty() && reads_no_context(leaf) => {
                return Some(
                    "the replacement holds the whole match, which this regex matches again"
                        .to_string(),
                );
            }
            Filled::HasWholeMatch | Filled::Unknown => {}
        }
    }
    None
}

/// A suggestion template filled the way `kinds::forbid` fills it, as far as the pack tells.
enum Filled {
    Text(String),
    /// It holds the whole match (`{0}`, `{match}`), whose text depends on the report.
    HasWholeMatch,
    /// It holds a capture, whose text depends on the report.
    Unknown,
}

/// Fill `{0}`/`{match}` with `whole` (when known) and keep other names that are not
/// `groups` as written, as the evaluator does.
fn fill_known(template: &str, whole: Option<&str>, groups: &[String]) -> Filled {
    let mut out = String::new();
    let mut rest = template;
    let mut has_whole = false;
    let mut unknown = false;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let name = &after[..close];
        if name == "0" || name == "match" {
            has_whole = true;
            out.push_str(whole.unwrap_or_default());
        } else if groups.iter().any(|g| g == name) {
            unknown = true;
        } else {
            out.push('{');
            out.push_str(name);
            out.push('}');
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    match (whole, has_whole, unknown) {
        (None, true, _) => Filled::HasWholeMatch,
        (_, _, true) => Filled::Unknown,
        _ => Filled::Text(out),
    }
}

/// The first text of `replacement` one of `leaves` matches that no exception matching
/// over it excuses. A search that gives up decides nothing.
fn flagged_in(replacement: &str, leaves: &[Arc<Leaf>], unless: &[Arc<Leaf>]) -> Option<String> {
    let mut excused = Vec::new();
    for exception in unless {
        excused.extend(spans_in(exception, replacement)?);
    }
    for leaf in leaves {
        let Some(found) = spans_in(leaf, replacement) else {
            continue;
        };
        for span in found {
            let excuse = excused
                .iter()
                .any(|e: &std::ops::Range<usize>| e.start < span.end && span.start < e.end);
            if !excuse {
                return replacement.get(span).map(str::to_string);
            }
        }
    }
    None
}

/// Where a leaf matches in `text`; `None` when the search gives up.
fn spans_in(leaf: &Leaf, text: &str) -> Option<Vec<std::ops::Range<usize>>> {
    Some(match leaf {
        Leaf::Literal(word) => text
            .match_indices(word.as_str())
            .map(|(at, w)| at..at + w.len())
            .collect(),
        Leaf::Regex(regex) => regex
            .matches(text)
            .ok()?
            .into_iter()
            .map(|m| m.span)
            .collect(),
        Leaf::Pattern(pattern) => pattern.find_iter(text).map(|m| m.span).collect(),
    })
}

/// Whether a regex matches a text the same wherever the text stands: no look-around,
/// anchor or word boundary (what the `regex` crate calls look assertions).
fn reads_no_context(leaf: &Leaf) -> bool {
    let Leaf::Regex(regex) = leaf else {
        return false;
    };
    let RegexSearch::Plain(re, _) = regex.search() else {
        return false;
    };
    regex_syntax::parse(re.as_str()).is_ok_and(|hir| hir.properties().look_set().is_empty())
}

/// Kind `match statement`: the kind is one the analyser finds, the subject matcher compiles
/// and matches text (no typed pattern), and the figures the kind binds are the names of its
/// `let`s and `assert`s. `None` when the kind is unknown (its names are then unknown too).
fn statement_names(
    check: &StatementCheck,
    c: &mut Compiler,
    errors: &mut Vec<PackError>,
) -> Option<Names> {
    let kind = &check.kind;
    if let Some(subject) = &check.subject {
        if let Some(pattern) = first_pattern(subject) {
            errors.push(
                PackError::new("a subject is matched with text, not a pattern", pattern.span.clone())
                    .with_label("a pattern with captures")
                    .with_help("write the words of the subject as text or `/regex/`, e.g. `subject /成功|办结/`"),
            );
        } else {
            compile_into(subject, c, errors);
        }
    }
    let Some(statement_kind) = StatementKind::parse(&kind.value) else {
        let all: Vec<&str> = StatementKind::ALL.iter().map(|k| k.name()).collect();
        let mut error = PackError::new(
            format!("unknown statement kind `{}`", kind.value),
            kind.span.clone(),
        )
        .with_label("not a kind of statement");
        error = match suggest(&kind.value, all.iter().copied()) {
            Some(near) => error.with_help(format!(
                "did you mean `{near}`? The kinds are: {}",
                all.join(", ")
            )),
            None => error.with_help(format!("the kinds are: {}", all.join(", "))),
        };
        errors.push(error);
        return None;
    };
    let mut names = Names::default();
    for name in STATEMENT_TEXT_NAMES {
        names.add(name, Ty::Text);
    }
    for name in statement_figure_names(statement_kind) {
        names.add(
            name,
            if *name == "parts" {
                Ty::List
            } else {
                Ty::Number
            },
        );
    }
    check_lets(&check.lets, &mut names, errors);
    for assertion in &check.asserts {
        expect_condition(assertion, &names, errors);
    }
    Some(names)
}

/// The first typed pattern of a matcher, if it holds one.
fn first_pattern(matcher: &Matcher) -> Option<&Spanned<String>> {
    match matcher {
        Matcher::Pattern(p) => Some(p),
        Matcher::Text(_) | Matcher::Regex(_) => None,
        Matcher::Any(items) | Matcher::All(items) | Matcher::None(items) => {
            items.iter().find_map(first_pattern)
        }
    }
}

fn check_require(require: &Require, c: &mut Compiler, errors: &mut Vec<PackError>) {
    compile_into(&require.what, c, errors);
    check_scope(&require.scope, c, errors);
    if let Some(min) = &require.min_count {
        if min.value == 0 {
            errors.push(
                PackError::new("a minimum count of 0 is always met", min.span.clone())
                    .with_label("at least 1"),
            );
        }
    }
}

fn check_scope(scope: &Scope, c: &mut Compiler, errors: &mut Vec<PackError>) {
    if let Scope::Section(heading) | Scope::Heading(heading) | Scope::SectionBody(heading) = scope {
        compile_into(heading, c, errors);
    }
}

/// Compile the matcher and collect the names it captures (union over combinators).
/// `None` when it does not compile: the rule's names are then unknown, and checking its
/// expressions would only repeat the pattern's error as unknown names.
fn captures_of(matcher: &Matcher, c: &mut Compiler, errors: &mut Vec<PackError>) -> Option<Names> {
    let before = errors.len();
    let compiled = compile_into(matcher, c, errors);
    if errors.len() > before {
        return None;
    }
    let mut names = Names::default();
    if let Some(compiled) = compiled {
        let mut leaves = Vec::new();
        leaves_of(&compiled, &c.leaves, &mut leaves);
        for leaf in leaves {
            collect_captures(&leaf, &mut names);
        }
    }
    Some(names)
}

fn collect_captures(leaf: &Leaf, names: &mut Names) {
    match leaf {
        Leaf::Literal(_) => {}
        Leaf::Regex(regex) => {
            for group in regex.groups() {
                names.add(group, Ty::Unknown);
            }
        }
        Leaf::Pattern(pattern) => {
            for capture in &pattern.captures {
                names.add(&capture.name, Ty::of_capture(&capture.ty));
                names
                    .captures
                    .entry(capture.name.clone())
                    .or_insert_with(|| capture.ty.clone());
            }
        }
    }
}

fn check_lets(lets: &[Let], names: &mut Names, errors: &mut Vec<PackError>) {
    for binding in lets {
        let ty = type_of(&binding.value, names, errors);
        if names.types.contains_key(&binding.name.value) {
            errors.push(
                PackError::new(
                    format!("`{}` is already defined", binding.name.value),
                    binding.name.span.clone(),
                )
                .with_label("a capture or an earlier `let` has this name")
                .with_help("give the computed value its own name"),
            );
        } else {
            names.add(&binding.name.value, ty);
        }
    }
}

fn expect_condition(expr: &Expr, names: &Names, errors: &mut Vec<PackError>) {
    expect(expr, Ty::Bool, names, errors);
}

/// Check that `expr` has type `want`; returns whether it does (or cannot be known).
fn expect(expr: &Expr, want: Ty, names: &Names, errors: &mut Vec<PackError>) -> bool {
    let found = type_of(expr, names, errors);
    if found == want || found == Ty::Unknown {
        return true;
    }
    errors.push(
        PackError::new(
            format!("expected {}, found {}", want.describe(), found.describe()),
            expr.span.clone(),
        )
        .with_label(format!("this is {}", found.describe())),
    );
    false
}

/// The static type of an expression; reports unknown names and type errors on the way.
fn type_of(expr: &Expr, names: &Names, errors: &mut Vec<PackError>) -> Ty {
    match &expr.kind {
        ExprKind::Number { .. } | ExprKind::Percent { .. } => Ty::Number,
        ExprKind::Text(_) => Ty::Text,
        ExprKind::Name(name) => match names.types.get(name) {
            Some(ty) => *ty,
            None => {
                let mut error = PackError::new(format!("unknown name `{name}`"), expr.span.clone())
                    .with_label("not a capture of this rule's pattern or an earlier `let`");
                error = if FACTS.iter().any(|f| f.ends_with(&format!(".{name}"))) {
                    error.with_help(format!(
                        "document facts are written in full: {}",
                        FACTS.join(", ")
                    ))
                } else {
                    error.with_help(names.did_you_mean(name, &[]) + &names.available())
                };
                errors.push(error);
                Ty::Unknown
            }
        },
        ExprKind::Fact(name) => {
            match Ty::of_fact(name).filter(|_| FACTS.contains(&name.as_str())) {
                Some(ty) => ty,
                None => {
                    errors.push(
                        PackError::new(
                            format!("unknown document fact `{name}`"),
                            expr.span.clone(),
                        )
                        .with_label("not a document fact")
                        .with_help(format!("the document facts are: {}", FACTS.join(", "))),
                    );
                    Ty::Unknown
                }
            }
        }
        ExprKind::Unary { operand, .. } => {
            expect(operand, Ty::Number, names, errors);
            Ty::Number
        }
        ExprKind::Binary { left, right, .. } => {
            expect(left, Ty::Number, names, errors);
            expect(right, Ty::Number, names, errors);
            Ty::Number
        }
        ExprKind::Approx { left, right, .. } => {
            expect(left, Ty::Number, names, errors);
            expect(right, Ty::Number, names, errors);
            Ty::Bool
        }
        ExprKind::Compare { op, left, right } => {
            let l = type_of(left, names, errors);
            let r = type_of(right, names, errors);
            let ordering = !matches!(
                op,
                crate::pack::expr::CmpOp::Eq | crate::pack::expr::CmpOp::Ne
            );
            if l != Ty::Unknown && r != Ty::Unknown {
                if l != r {
                    errors.push(
                        PackError::new(
                            format!("cannot compare {} with {}", l.describe(), r.describe()),
                            expr.span.clone(),
                        )
                        .with_label(format!(
                            "{} on the left, {} on the right",
                            l.describe(),
                            r.describe()
                        )),
                    );
                } else if matches!(l, Ty::List) || (ordering && matches!(l, Ty::Text | Ty::Bool)) {
                    errors.push(
                        PackError::new(
                            format!("{} cannot be compared this way", l.describe()),
                            expr.span.clone(),
                        )
                        .with_label(
                            "only numbers and dates are ordered; texts compare with `==` / `!=`",
                        )
                        .with_help("compare `sum(x)` or `count(x)` to use a repeated capture"),
                    );
                }
            }
            Ty::Bool
        }
        ExprKind::And(left, right) | ExprKind::Or(left, right) => {
            expect(left, Ty::Bool, names, errors);
            expect(right, Ty::Bool, names, errors);
            Ty::Bool
        }
        ExprKind::Not(operand) => {
            expect(operand, Ty::Bool, names, errors);
            Ty::Bool
        }
        ExprKind::Call { func, args } => type_of_call(*func, args, expr, names, errors),
    }
}

fn type_of_call(
    func: Func,
    args: &[Expr],
    call: &Expr,
    names: &Names,
    errors: &mut Vec<PackError>,
) -> Ty {
    let arity = |expected: &str, errors: &mut Vec<PackError>| {
        errors.push(
            PackError::new(
                format!("{}() takes {expected}", func.name()),
                call.span.clone(),
            )
            .with_label(format!("{} given", args.len())),
        );
    };
    match func {
        Func::Sum | Func::Min | Func::Max => {
            match args {
                [] => arity("a repeated capture or several numbers", errors),
                [single] => {
                    let ty = type_of(single, names, errors);
                    if ty != Ty::List && ty != Ty::Unknown {
                        errors.push(
                            PackError::new(
                                format!(
                                    "{}() needs a repeated capture, found {}",
                                    func.name(),
                                    ty.describe()
                                ),
                                single.span.clone(),
                            )
                            .with_label(format!("this is {}", ty.describe()))
                            .with_help(
                                "capture the list with `{parts:counts}` or `{parts:counts(人)}`",
                            ),
                        );
                    }
                }
                several => {
                    for arg in several {
                        expect(arg, Ty::Number, names, errors);
                    }
                }
            }
            Ty::Number
        }
        Func::Count => {
            match args {
                [single] => {
                    if let Some(e) = one_argument_of(
                        single,
                        Ty::List,
                        "count",
                        "a repeated capture",
                        names,
                        errors,
                    ) {
                        errors.push(e);
                    }
                }
                _ => arity("one repeated capture", errors),
            }
            Ty::Number
        }
        Func::Abs => {
            match args {
                [single] => {
                    expect(single, Ty::Number, names, errors);
                }
                _ => arity("one number", errors),
            }
            Ty::Number
        }
        Func::Exists => {
            match args {
                [single] if matches!(single.kind, ExprKind::Name(_) | ExprKind::Fact(_)) => {
                    type_of(single, names, errors);
                }
                [single] => errors.push(
                    PackError::new("exists() takes a name or a fact", single.span.clone())
                        .with_label("not a name"),
                ),
                _ => arity("one name or fact", errors),
            }
            Ty::Bool
        }
        Func::Date => {
            match args {
                [y, m, d] => {
                    for part in [y, m, d] {
                        expect(part, Ty::Number, names, errors);
                    }
                }
                _ => arity("three numbers: year, month, day", errors),
            }
            Ty::Date
        }
        Func::Year => {
            match args {
                [single] => {
                    if let Some(e) =
                        one_argument_of(single, Ty::Date, "year", "a date", names, errors)
                    {
                        errors.push(e.with_help(
                            "a `year` capture is already a number; compare it directly",
                        ));
                    }
                }
                _ => arity("one date", errors),
            }
            Ty::Number
        }
    }
}

/// Check the `{name}` / `{name:spec}` placeholders of a message or suggestion template.
fn check_template(
    template: &Spanned<String>,
    names: &Names,
    provided: &[&str],
    errors: &mut Vec<PackError>,
) {
    let at = written_at(template);
    let span_of = |range: std::ops::Range<usize>| match at {
        Some(start) => start + range.start..start + range.end,
        None => template.span.clone(),
    };
    let text = template.value.as_str();
    let mut pos = 0;
    let mut reported = HashSet::new();
    while let Some(offset) = text[pos..].find(['{', '}']) {
        let open = pos + offset;
        let rest = &text[open..];
        if rest.starts_with("{{") || rest.starts_with("}}") {
            pos = open + 2;
            continue;
        }
        if rest.starts_with('}') {
            errors.push(
                PackError::new("unmatched `}` in message", span_of(open..open + 1))
                    .with_label("no `{` opens this")
                    .with_help("write `}}` for a literal `}`"),
            );
            pos = open + 1;
            continue;
        }
        let Some(close) = text[open + 1..].find('}').map(|i| open + 1 + i) else {
            errors.push(
                PackError::new("unclosed `{` in message", span_of(open..open + 1))
                    .with_label("this `{` has no matching `}`")
                    .with_help("write `{{` for a literal `{`"),
            );
            break;
        };
        let body = &text[open + 1..close];
        let (name, spec) = match body.split_once(':') {
            Some((written_name, spec)) => (
                written_name.trim(),
                Some((spec, open + 1 + written_name.len() + 1)),
            ),
            None => (body.trim(), None),
        };
        let known =
            names.types.contains_key(name) || provided.contains(&name) || FACTS.contains(&name);
        if !known && reported.insert(name.to_string()) {
            let mut also = provided.iter().map(|n| n.to_string()).collect::<Vec<_>>();
            also.extend(FACTS.iter().map(|f| f.to_string()));
            errors.push(
                PackError::new(
                    format!("unknown name `{name}` in message"),
                    span_of(open..close + 1),
                )
                .with_label("nothing by this name")
                .with_help(format!(
                    "{}{}; also {}",
                    names.did_you_mean(name, provided),
                    names.available(),
                    also.join(", ")
                )),
            );
        }
        if let Some((spec, spec_at)) = spec {
            if !is_known_format_spec(spec) {
                errors.push(
                    PackError::new(
                        format!("unknown format `{spec}`"),
                        span_of(spec_at..spec_at + spec.len()),
                    )
                    .with_label("not a format")
                    .with_help("formats: `%` (percentage, 2 decimals), `.N` (N decimals), `.N%`"),
                );
            }
        }
        pos = close + 1;
    }
}

/// The error for a function's single argument of the wrong type, if it is one.
fn one_argument_of(
    arg: &Expr,
    want: Ty,
    func: &str,
    needs: &str,
    names: &Names,
    errors: &mut Vec<PackError>,
) -> Option<PackError> {
    let ty = type_of(arg, names, errors);
    (ty != want && ty != Ty::Unknown).then(|| {
        PackError::new(
            format!("{func}() needs {needs}, found {}", ty.describe()),
            arg.span.clone(),
        )
        .with_label(format!("this is {}", ty.describe()))
    })
}

/// A term list: its entries written in the pack (the table's are checked when it is read),
/// and the table's name.
fn check_terms(terms: &crate::pack::model::Terms, errors: &mut Vec<PackError>) {
    errors.extend(crate::pack::terms::check_entries(&[], &terms.entries));
    if let Some(file) = &terms.file {
        let path = std::path::Path::new(&file.value);
        if file.value.trim().is_empty() {
            errors.push(
                PackError::new("no table file named", file.span.clone())
                    .with_label("empty file name")
                    .with_help("name the table beside the pack, e.g. `terms.csv`"),
            );
        } else if crate::pack::terms::TableForm::of_path(path).is_none() {
            errors.push(
                PackError::new(
                    format!("`{}` is not a term table (.csv, .yaml or .yml)", file.value),
                    file.span.clone(),
                )
                .with_label("unknown table form")
                .with_help("keep the terms in a `.csv` file (header `错误写法,正确写法,例外`) or a `.yaml` list"),
            );
        }
    }
}

/// Each allowed sequence of a `doubled` rule must hold a doubled character.
fn check_doubled(doubled: &crate::pack::model::Doubled, errors: &mut Vec<PackError>) {
    for allowed in &doubled.allow {
        let chars: Vec<char> = allowed.value.chars().collect();
        if !chars.windows(2).any(|w| w[0] == w[1]) {
            errors.push(
                PackError::new(
                    format!("`{}` holds no doubled character", allowed.value),
                    allowed.span.clone(),
                )
                .with_label("nothing to allow")
                .with_help("list sequences with a character written twice that are right, e.g. \"层层\" or \"学习习近平\""),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::eval::load::{parse, Form};

    /// The messages and underlined text of the errors of a one-rule pack.
    fn errors(check: &str) -> Vec<(String, String)> {
        let src = format!(
            "pack \"p\"\nversion \"1.0\"\ndescription \"d\"\n\nrule r {{\n  severity error\n  message \"m\"\n  {check}\n}}\n"
        );
        match parse("p.rules", &src, Form::Dsl) {
            Ok(_) => Vec::new(),
            Err(found) => found
                .errors
                .iter()
                .map(|e| {
                    let at = src.get(e.span.clone()).unwrap_or_default().to_string();
                    (e.message.clone(), at)
                })
                .collect(),
        }
    }

    const REFIXED: &str = "this suggestion holds what its own rule forbids";

    fn refused(check: &str) -> Vec<String> {
        errors(check)
            .into_iter()
            .filter(|(message, _)| message == REFIXED)
            .map(|(_, at)| at)
            .collect()
    }

    #[test]
    fn a_suggestion_holding_the_forbidden_literal_is_refused_where_it_is_written() {
        assert_eq!(
            refused(r#"forbid "法治" suggest "法治（依法）""#),
            ["法治（依法）"]
        );
        // Any of the forbidden words, and the forbidden word itself.
        assert_eq!(
            refused(r#"forbid "第一负责人" | "第一职责人" suggest "第一责任人", "第一职责人""#),
            ["第一职责人"]
        );
        assert_eq!(
            refused(r#"forbid "法制" suggest "{match}建设""#),
            ["{match}建设"]
        );
    }

    #[test]
    fn a_suggestion_a_regex_matches_again_is_refused_when_that_can_be_told() {
        // No placeholder: the regex is run on the replacement.
        assert_eq!(
            refused(r#"forbid /法制(政府|建设)/ suggest "法制政府""#),
            ["法制政府"]
        );
        // The whole match put back by a regex that reads no context.
        assert_eq!(
            refused(r#"forbid /法制(?P<w>政府|建设)/ suggest "推进{match}""#),
            ["推进{match}"]
        );
    }

    #[test]
    fn suggestions_that_settle_or_cannot_be_told_pass() {
        for check in [
            r#"forbid "第一负责人" suggest "第一责任人""#,
            // The exception excuses the suggested wording, as it would in a report.
            r#"forbid "政府" unless "人民政府" suggest "人民政府""#,
            // Captures depend on the report: left to `--fix`.
            r#"forbid /法(?P<z>治)/ suggest "法{z}（依法）""#,
            // An anchored regex reads the text around the match.
            r#"forbid /(?m)^法制度/ suggest "{match}""#,
            // `all` gives no fix.
            r#"forbid all("法制", "政府") suggest "法制政府""#,
        ] {
            assert_eq!(refused(check), Vec::<String>::new(), "{check}");
        }
    }
}
