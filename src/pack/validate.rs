//! Checks every pack passes before evaluation: regexes and patterns compile, names used by
//! assertions and messages exist and have the right types, rule ids are well formed and
//! unique.
//!
//! A [`Pack`] built by either front end enters [`validate`]; what leaves is `Ok(())` or every
//! problem found as a [`PackError`] with the span where it is written (all of them, not just
//! the first). The evaluator compiles matchers with [`compile_matcher`], which cannot fail on a
//! validated pack.
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

use super::error::PackError;
use super::expr::{Expr, ExprKind, Func, FACTS};
use super::model::{
    statement_figure_names, Check, Condition, Forbid, Let, Matcher, Pack, Require, Rule, Scope,
    Span, Spanned, StatementCheck, STATEMENT_TEXT_NAMES,
};
use super::pattern::{
    compile, compile_regex, CaptureType, CompiledPattern, RegexMatcher, RegexSearch,
};
use crate::model::text::edit_distance;
use crate::model::StatementKind;
use crate::pack::values::is_known_format_spec;

/// Names the evaluator provides to every message, beside captures, `let`s and facts.
pub const MESSAGE_NAMES: &[&str] = &["match", "count"];

/// A matcher ready to search text.
#[derive(Clone, Debug)]
pub enum CompiledMatcher {
    Text(String),
    Regex(RegexMatcher),
    Pattern(CompiledPattern),
    Any(Vec<CompiledMatcher>),
    All(Vec<CompiledMatcher>),
    None(Vec<CompiledMatcher>),
}

/// Check a whole pack. Returns every error found.
pub fn validate(pack: &Pack) -> Result<(), Vec<PackError>> {
    let mut errors = Vec::new();
    if pack.rules.is_empty() && pack.extends.is_empty() {
        errors.push(
            PackError::new(
                crate::tr!("val-pack-has-no-rules", pack = pack.name.value),
                pack.name.span.clone(),
            )
            .with_label(crate::tr!("val-pack-checks-nothing"))
            .with_help(crate::tr!("val-add-at-least-one")),
        );
    }
    let mut seen_ids = HashSet::new();
    for rule in &pack.rules {
        check_rule_id(rule, &mut seen_ids, &mut errors);
        check_rule(rule, &mut errors);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Compile a matcher (regexes, patterns, and their combinations).
pub fn compile_matcher(matcher: &Matcher) -> Result<CompiledMatcher, Vec<PackError>> {
    let mut errors = Vec::new();
    let compiled = compile_into(matcher, &mut errors);
    match compiled {
        Some(compiled) if errors.is_empty() => Ok(compiled),
        _ => Err(errors),
    }
}

fn compile_into(matcher: &Matcher, errors: &mut Vec<PackError>) -> Option<CompiledMatcher> {
    match matcher {
        Matcher::Text(text) => {
            if text.value.is_empty() {
                errors.push(
                    PackError::new(crate::tr!("val-empty-text-look-for"), text.span.clone())
                        .with_label(crate::tr!("val-empty-text-found-everywhere")),
                );
                return None;
            }
            Some(CompiledMatcher::Text(text.value.clone()))
        }
        Matcher::Regex(regex) => {
            let at = written_at(regex);
            match compile_regex(&regex.value, at.unwrap_or(0)) {
                Ok(compiled) => Some(CompiledMatcher::Regex(compiled)),
                Err(error) => {
                    errors.push(relocate(error, at, &regex.span));
                    None
                }
            }
        }
        Matcher::Pattern(pattern) => {
            let at = written_at(pattern);
            match compile(&pattern.value, at.unwrap_or(0)) {
                Ok(compiled) => Some(CompiledMatcher::Pattern(compiled)),
                Err(found) => {
                    errors.extend(found.into_iter().map(|e| relocate(e, at, &pattern.span)));
                    None
                }
            }
        }
        Matcher::Any(items) | Matcher::All(items) | Matcher::None(items) => {
            if items.is_empty() {
                // Combinators carry no span of their own; an empty one is reported by the
                // front end, which knows where it is written.
                return None;
            }
            let compiled: Vec<Option<CompiledMatcher>> = items
                .iter()
                .map(|item| compile_into(item, errors))
                .collect();
            let compiled: Vec<CompiledMatcher> = compiled.into_iter().collect::<Option<_>>()?;
            Some(match matcher {
                Matcher::Any(_) => CompiledMatcher::Any(compiled),
                Matcher::All(_) => CompiledMatcher::All(compiled),
                _ => CompiledMatcher::None(compiled),
            })
        }
    }
}

/// The byte offset in the pack source where the characters of `written` begin, when it can
/// be told: the span holds the value verbatim, or quoted without escapes.
fn written_at(written: &Spanned<String>) -> Option<usize> {
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

/// Errors found inside a value whose characters cannot be located (escapes changed their
/// positions) are shown on the whole value.
fn relocate(mut error: PackError, at: Option<usize>, whole: &Span) -> PackError {
    if at.is_none() {
        error.span = whole.clone();
    }
    error
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
            PackError::new(
                crate::tr!("val-id-not-valid-rule", id = id),
                rule.id.span.clone(),
            )
            .with_label(crate::tr!("val-invalid-rule-id"))
            .with_help(crate::tr!("val-rule-ids-use-lowercase")),
        );
    }
    if !seen.insert(id) {
        errors.push(
            PackError::new(
                crate::tr!("val-duplicate-rule-id", id = id),
                rule.id.span.clone(),
            )
            .with_label(crate::tr!("val-already-used-by-earlier"))
            .with_help(crate::tr!("val-rule-ids-must-unique")),
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
    fn describe(self) -> String {
        match self {
            Ty::Number => crate::tr!("ty-number"),
            Ty::List => crate::tr!("ty-list"),
            Ty::Date => crate::tr!("ty-date"),
            Ty::Text => crate::tr!("ty-text"),
            Ty::Bool => crate::tr!("ty-condition"),
            Ty::Unknown => crate::tr!("ty-regex-group"),
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
        match closest(written, &candidates) {
            Some(near) => crate::tr!("val-did-you-mean-near", near = near),
            None => String::new(),
        }
    }

    fn available(&self) -> String {
        if self.order.is_empty() {
            "this rule has no captures or `let`s".to_string()
        } else {
            crate::tr!("val-available-here-order", order = self.order.join(", "))
        }
    }
}

fn check_rule(rule: &Rule, errors: &mut Vec<PackError>) {
    let mut message_names = Names::default();
    match &rule.check {
        Check::Require(require) => check_require(require, errors),
        Check::Forbid(forbid) => {
            let captures = captures_of(&forbid.what, errors);
            check_scope(&forbid.scope, errors);
            for exception in &forbid.unless {
                compile_into(exception, errors);
            }
            let Some(captures) = captures else {
                return;
            };
            for suggestion in &forbid.suggest {
                check_template(suggestion, &captures, &["match", "0"], errors);
            }
            check_suggestions_settle(forbid, errors);
            message_names = captures;
        }
        Check::Match(check) => {
            let names = captures_of(&check.pattern, errors);
            check_scope(&check.scope, errors);
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
            let Some(names) = captures_of(&consistent.pattern, errors) else {
                return;
            };
            let on = &consistent.capture;
            match names.captures.get(&on.value) {
                Some(ty) if ty.is_numeric() => {}
                Some(ty) => errors.push(
                    PackError::new(
                        crate::tr!("val-on-ty-capture-not", on = on.value, ty = ty.name()),
                        on.span.clone(),
                    )
                    .with_label(crate::tr!("val-consistency-checked-on-numeric"))
                    .with_help(crate::tr!("val-capture-quantity-with-count")),
                ),
                None if names.types.get(&on.value) == Some(&Ty::Unknown) => {}
                None => errors.push(
                    PackError::new(
                        crate::tr!("val-on-not-capture-pattern", on = on.value),
                        on.span.clone(),
                    )
                    .with_label(crate::tr!("val-unknown-capture"))
                    .with_help(names.available()),
                ),
            }
            message_names = names;
        }
        Check::When(when) => {
            match &when.condition {
                Condition::Mentions { what, scope } => {
                    compile_into(what, errors);
                    check_scope(scope, errors);
                }
                Condition::Match { pattern, test } => {
                    let names = captures_of(pattern, errors);
                    check_require(&when.then, errors);
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
                check_require(&when.then, errors);
            }
        }
        Check::Sections(sections) => {
            for section in &sections.sections {
                compile_into(&section.heading, errors);
            }
        }
        Check::Headings(_) => {}
        Check::Statement(check) => match statement_names(check, errors) {
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
                            crate::tr!("val-pair-not-two-characters", pair = pair.value),
                            pair.span.clone(),
                        )
                        .with_label(crate::tr!("val-write-opening-closing-character")),
                    );
                }
            }
        }
        Check::HalfWidth(halfwidth) => {
            if halfwidth.chars.value.is_empty() {
                errors.push(
                    PackError::new(
                        crate::tr!("val-no-half-width-characters"),
                        halfwidth.chars.span.clone(),
                    )
                    .with_label(crate::tr!("val-list-characters-flag-e")),
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
fn check_suggestions_settle(forbid: &Forbid, errors: &mut Vec<PackError>) {
    // Matchers that do not compile are reported by the caller already.
    let mut scratch = Vec::new();
    let Some(what) = compile_into(&forbid.what, &mut scratch) else {
        return;
    };
    if let CompiledMatcher::All(_) | CompiledMatcher::None(_) = what {
        // A unit holding every part is one finding without a fix.
        return;
    }
    let mut leaves = Vec::new();
    leaves_of(&what, &mut leaves);
    let exceptions: Vec<CompiledMatcher> = forbid
        .unless
        .iter()
        .filter_map(|exception| compile_into(exception, &mut scratch))
        .collect();
    if !scratch.is_empty() {
        return;
    }
    let mut unless = Vec::new();
    for exception in &exceptions {
        leaves_of(exception, &mut unless);
    }
    for suggestion in &forbid.suggest {
        if let Some(why) = refixed(&suggestion.value, &leaves, &unless) {
            errors.push(
                PackError::new(
                    crate::tr!("val-suggestion-holds-what-own"),
                    suggestion.span.clone(),
                )
                .with_label(why)
                .with_help(crate::tr!("val-fix-would-put-forbidden")),
            );
        }
    }
}

fn leaves_of<'m>(matcher: &'m CompiledMatcher, out: &mut Vec<&'m CompiledMatcher>) {
    match matcher {
        CompiledMatcher::Any(items)
        | CompiledMatcher::All(items)
        | CompiledMatcher::None(items) => {
            for item in items {
                leaves_of(item, out);
            }
        }
        leaf => out.push(leaf),
    }
}

/// Why the replacement `template` makes for a match of one of `leaves` is flagged again,
/// when that can be told.
fn refixed(
    template: &str,
    leaves: &[&CompiledMatcher],
    unless: &[&CompiledMatcher],
) -> Option<String> {
    for leaf in leaves {
        let (whole, groups): (Option<&str>, Vec<String>) = match leaf {
            CompiledMatcher::Text(text) => (Some(text.as_str()), Vec::new()),
            CompiledMatcher::Regex(regex) => (None, regex.groups().to_vec()),
            CompiledMatcher::Pattern(pattern) => (
                None,
                pattern.captures.iter().map(|c| c.name.clone()).collect(),
            ),
            _ => continue,
        };
        if groups.iter().any(|g| g == "at") {
            // The fix replaces only the `at` group; the rest of the match stays around it.
            continue;
        }
        match fill_known(template, whole, &groups) {
            Filled::Text(replacement) => {
                if let Some(found) = flagged_in(&replacement, leaves, unless) {
                    return Some(if found == replacement {
                        crate::tr!(
                            "val-replacement-itself-forbidden-by",
                            replacement = replacement
                        )
                    } else {
                        crate::tr!(
                            "val-replacement-holds-found-which",
                            replacement = replacement,
                            found = found
                        )
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
fn flagged_in(
    replacement: &str,
    leaves: &[&CompiledMatcher],
    unless: &[&CompiledMatcher],
) -> Option<String> {
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
fn spans_in(leaf: &CompiledMatcher, text: &str) -> Option<Vec<std::ops::Range<usize>>> {
    Some(match leaf {
        CompiledMatcher::Text(word) => text
            .match_indices(word.as_str())
            .map(|(at, w)| at..at + w.len())
            .collect(),
        CompiledMatcher::Regex(regex) => regex
            .matches(text)
            .ok()?
            .into_iter()
            .map(|m| m.span)
            .collect(),
        CompiledMatcher::Pattern(pattern) => pattern.find_iter(text).map(|m| m.span).collect(),
        _ => Vec::new(),
    })
}

/// Whether a regex matches a text the same wherever the text stands: no look-around,
/// anchor or word boundary (what the `regex` crate calls look assertions).
fn reads_no_context(leaf: &CompiledMatcher) -> bool {
    let CompiledMatcher::Regex(regex) = leaf else {
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
fn statement_names(check: &StatementCheck, errors: &mut Vec<PackError>) -> Option<Names> {
    let kind = &check.kind;
    if let Some(subject) = &check.subject {
        if let Some(pattern) = first_pattern(subject) {
            errors.push(
                PackError::new(
                    crate::tr!("val-subject-matched-with-text"),
                    pattern.span.clone(),
                )
                .with_label(crate::tr!("val-pattern-with-captures"))
                .with_help(crate::tr!("val-write-words-subject-as")),
            );
        } else {
            compile_into(subject, errors);
        }
    }
    let Some(statement_kind) = StatementKind::parse(&kind.value) else {
        let all: Vec<&str> = StatementKind::ALL.iter().map(|k| k.name()).collect();
        let mut error = PackError::new(
            crate::tr!("val-unknown-statement-kind-arg", kind = kind.value),
            kind.span.clone(),
        )
        .with_label(crate::tr!("val-not-kind-statement"));
        error = match closest(&kind.value, &all) {
            Some(near) => error.with_help(crate::tr!(
                "val-did-you-mean-near-2",
                near = near,
                all = all.join(", ")
            )),
            None => error.with_help(crate::tr!("val-kinds-are-all", all = all.join(", "))),
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

/// The allowed word a small edit away from `written`, for "did you mean".
fn closest<'w>(written: &str, allowed: &[&'w str]) -> Option<&'w str> {
    allowed
        .iter()
        .map(|candidate| (edit_distance(written, candidate), *candidate))
        .filter(|(distance, candidate)| {
            *distance <= 2.max(candidate.chars().count() / 3)
                && *distance < written.chars().count().max(2)
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

fn check_require(require: &Require, errors: &mut Vec<PackError>) {
    compile_into(&require.what, errors);
    check_scope(&require.scope, errors);
    if let Some(min) = &require.min_count {
        if min.value == 0 {
            errors.push(
                PackError::new(crate::tr!("val-minimum-count-always-met"), min.span.clone())
                    .with_label(crate::tr!("val-at-least")),
            );
        }
    }
}

fn check_scope(scope: &Scope, errors: &mut Vec<PackError>) {
    if let Scope::Section(heading) | Scope::Heading(heading) | Scope::SectionBody(heading) = scope {
        compile_into(heading, errors);
    }
}

/// Compile the matcher and collect the names it captures (union over combinators).
/// `None` when it does not compile: the rule's names are then unknown, and checking its
/// expressions would only repeat the pattern's error as unknown names.
fn captures_of(matcher: &Matcher, errors: &mut Vec<PackError>) -> Option<Names> {
    let before = errors.len();
    let compiled = compile_into(matcher, errors);
    if errors.len() > before {
        return None;
    }
    let mut names = Names::default();
    if let Some(compiled) = compiled {
        collect_captures(&compiled, &mut names);
    }
    Some(names)
}

fn collect_captures(matcher: &CompiledMatcher, names: &mut Names) {
    match matcher {
        CompiledMatcher::Text(_) => {}
        CompiledMatcher::Regex(regex) => {
            for group in regex.groups() {
                names.add(group, Ty::Unknown);
            }
        }
        CompiledMatcher::Pattern(pattern) => {
            for capture in &pattern.captures {
                names.add(&capture.name, Ty::of_capture(&capture.ty));
                names
                    .captures
                    .entry(capture.name.clone())
                    .or_insert_with(|| capture.ty.clone());
            }
        }
        CompiledMatcher::Any(items)
        | CompiledMatcher::All(items)
        | CompiledMatcher::None(items) => {
            for item in items {
                collect_captures(item, names);
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
                    crate::tr!("val-binding-already-defined", binding = binding.name.value),
                    binding.name.span.clone(),
                )
                .with_label(crate::tr!("val-capture-earlier-let-has"))
                .with_help(crate::tr!("val-give-computed-value-own")),
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
            crate::tr!(
                "val-expected-want-found",
                want = want.describe(),
                found = found.describe()
            ),
            expr.span.clone(),
        )
        .with_label(crate::tr!("val-found", found = found.describe())),
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
                let mut error = PackError::new(
                    crate::tr!("val-unknown-name", name = name),
                    expr.span.clone(),
                )
                .with_label(crate::tr!("val-not-capture-rule-s"));
                error = if FACTS.iter().any(|f| f.ends_with(&format!(".{name}"))) {
                    error.with_help(crate::tr!(
                        "val-document-facts-are-written",
                        facts = FACTS.join(", ")
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
                            crate::tr!("val-unknown-document-fact-name", name = name),
                            expr.span.clone(),
                        )
                        .with_label(crate::tr!("val-not-document-fact"))
                        .with_help(crate::tr!(
                            "val-document-facts-are-arg",
                            facts = FACTS.join(", ")
                        )),
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
            let ordering = !matches!(op, super::expr::CmpOp::Eq | super::expr::CmpOp::Ne);
            if l != Ty::Unknown && r != Ty::Unknown {
                if l != r {
                    errors.push(
                        PackError::new(
                            crate::tr!(
                                "val-cannot-compare-l-with",
                                l = l.describe(),
                                r = r.describe()
                            ),
                            expr.span.clone(),
                        )
                        .with_label(crate::tr!(
                            "val-l-on-left-r",
                            l = l.describe(),
                            r = r.describe()
                        )),
                    );
                } else if matches!(l, Ty::List) || (ordering && matches!(l, Ty::Text | Ty::Bool)) {
                    errors.push(
                        PackError::new(
                            crate::tr!("val-l-cannot-compared-way", l = l.describe()),
                            expr.span.clone(),
                        )
                        .with_label(crate::tr!("val-only-numbers-dates-are"))
                        .with_help(crate::tr!("val-compare-sum-x-count")),
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
                                crate::tr!(
                                    "val-func-needs-repeated-capture",
                                    func = func.name(),
                                    ty = ty.describe()
                                ),
                                single.span.clone(),
                            )
                            .with_label(crate::tr!("val-ty", ty = ty.describe()))
                            .with_help(crate::tr!("val-capture-list-with-parts")),
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
                    PackError::new(
                        crate::tr!("val-exists-takes-name-fact"),
                        single.span.clone(),
                    )
                    .with_label(crate::tr!("val-not-name")),
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
                        errors.push(e.with_help(crate::tr!("val-year-capture-already-number")));
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
                PackError::new(crate::tr!("val-unmatched-message"), span_of(open..open + 1))
                    .with_label(crate::tr!("val-no-opens"))
                    .with_help(crate::tr!("val-write-for-literal")),
            );
            pos = open + 1;
            continue;
        }
        let Some(close) = text[open + 1..].find('}').map(|i| open + 1 + i) else {
            errors.push(
                PackError::new(crate::tr!("val-unclosed-message"), span_of(open..open + 1))
                    .with_label(crate::tr!("val-has-no-matching"))
                    .with_help(crate::tr!("val-write-for-literal-2")),
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
                    crate::tr!("val-unknown-name-message", name = name),
                    span_of(open..close + 1),
                )
                .with_label(crate::tr!("val-nothing-by-name"))
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
                        crate::tr!("val-unknown-format-spec", spec = spec),
                        span_of(spec_at..spec_at + spec.len()),
                    )
                    .with_label(crate::tr!("val-not-format"))
                    .with_help(crate::tr!("val-formats-percentage-decimals-n")),
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
            crate::tr!(
                "val-func-needs-found-ty",
                func = func,
                needs = needs,
                ty = ty.describe()
            ),
            arg.span.clone(),
        )
        .with_label(crate::tr!("val-ty-2", ty = ty.describe()))
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
                PackError::new(crate::tr!("val-no-table-file-named"), file.span.clone())
                    .with_label(crate::tr!("val-empty-file-name"))
                    .with_help(crate::tr!("val-name-table-beside-pack")),
            );
        } else if crate::pack::terms::TableForm::of_path(path).is_none() {
            errors.push(
                PackError::new(
                    crate::tr!("val-file-not-term-table", file = file.value),
                    file.span.clone(),
                )
                .with_label(crate::tr!("val-unknown-table-form"))
                .with_help(crate::tr!("val-keep-terms-csv-file")),
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
                    crate::tr!("val-allowed-holds-no-doubled", allowed = allowed.value),
                    allowed.span.clone(),
                )
                .with_label(crate::tr!("val-nothing-allow"))
                .with_help(crate::tr!("val-list-sequences-with-character")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::pack::load::{parse, Form};

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
