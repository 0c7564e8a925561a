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
//!   ([`statement_figure_names`](crate::eval::kinds::statements::statement_figure_names)); its `subject` matcher is text or regexes, not a pattern.
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

use super::kinds::{self, CompiledCheck, Pack, Rule};
use super::search::{written_at, CompiledMatcher, Compiler, Leaf};
use crate::model::text::suggest;
use crate::pack::error::PackError;
use crate::pack::expr::{Expr, ExprKind, Func, FACTS};
use crate::pack::model::{Let, Matcher, Scope, Spanned};
use crate::pack::pattern::{CaptureType, CompileWhen};
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
    validate_read(pack, false)
}

/// [`validate`] for what a front end could read of a pack: `refused` says that it refused
/// some of the pack, so that an empty rule list is no error of its own (the rules were
/// written, and their errors are already reported).
pub fn validate_read(pack: &Pack, refused: bool) -> Result<CompiledPack, Vec<PackError>> {
    validate_compiling(pack, refused, CompileWhen::Now)
}

/// [`validate_read`], compiling the pack's regexes and patterns `when` said.
pub fn validate_compiling(
    pack: &Pack,
    refused: bool,
    when: CompileWhen,
) -> Result<CompiledPack, Vec<PackError>> {
    let mut errors = Vec::new();
    if pack.rules.is_empty() && pack.extends.is_empty() && !refused {
        errors.push(
            PackError::new(
                crate::tr!("val-pack-has-no-rules", pack = pack.name.value),
                pack.name.span.clone(),
            )
            .with_label(crate::tr!("val-pack-checks-nothing"))
            .with_help(crate::tr!("val-add-at-least-one")),
        );
    }
    let mut compiler = Compiler::new(when);
    let mut checks = Vec::new();
    let mut seen_ids = HashSet::new();
    for rule in &pack.rules {
        check_rule_id(rule, &mut seen_ids, &mut errors);
        if rule.message.value.trim().is_empty() {
            errors.push(
                PackError::new(crate::tr!("val-message-empty"), rule.message.span.clone())
                    .with_help(crate::tr!("val-say-what-wrong-report")),
            );
        }
        let before = errors.len();
        check_rule(rule, &mut compiler, &mut errors);
        if errors.len() == before {
            // The rule is sound: its matchers are compiled already, the kind puts them together.
            match kinds::compile(&rule.check, &mut compiler) {
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

/// Compile a matcher into the pack's leaf table, collecting its errors.
pub(crate) fn compile_into(
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
pub enum Ty {
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
pub struct Names {
    pub(crate) types: HashMap<String, Ty>,
    /// Capture types, for `consistent … on`.
    pub(crate) captures: HashMap<String, CaptureType>,
    order: Vec<String>,
}

impl Names {
    pub(crate) fn add(&mut self, name: &str, ty: Ty) {
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
            Some(near) => crate::tr!("val-did-you-mean-near", near = near),
            None => String::new(),
        }
    }

    pub(crate) fn available(&self) -> String {
        if self.order.is_empty() {
            crate::tr!("val-no-captures-or-lets")
        } else {
            crate::tr!("val-available-here-order", order = self.order.join(", "))
        }
    }
}

fn check_rule(rule: &Rule, c: &mut Compiler, errors: &mut Vec<PackError>) {
    // The kind's own checks give the names its message may use (none when its matcher is
    // broken: the message's names would only repeat that error).
    let Some(message_names) = kinds::validate(&rule.check, c, errors) else {
        return;
    };
    let provided: Vec<&str> = MESSAGE_NAMES
        .iter()
        .chain(kinds::message_names(&rule.check))
        .copied()
        .collect();
    check_template(&rule.message, &message_names, &provided, errors);
}

/// The leaves of a compiled matcher, from the pack's leaf `table`.
pub(crate) fn leaves_of(matcher: &CompiledMatcher, table: &[Arc<Leaf>], out: &mut Vec<Arc<Leaf>>) {
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

pub(crate) fn check_scope(scope: &Scope, c: &mut Compiler, errors: &mut Vec<PackError>) {
    if let Scope::Section(heading) | Scope::Heading(heading) | Scope::SectionBody(heading) = scope {
        compile_into(heading, c, errors);
    }
}

/// Compile the matcher and collect the names it captures (union over combinators).
/// `None` when it does not compile: the rule's names are then unknown, and checking its
/// expressions would only repeat the pattern's error as unknown names.
pub(crate) fn captures_of(
    matcher: &Matcher,
    c: &mut Compiler,
    errors: &mut Vec<PackError>,
) -> Option<Names> {
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
        Leaf::Literal(_) | Leaf::Year(_) => {}
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

pub(crate) fn check_lets(lets: &[Let], names: &mut Names, errors: &mut Vec<PackError>) {
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

/// An expression over document facts only (`year(report.year + 1)`) must be a number;
/// returns whether it is.
pub(crate) fn expect_fact_number(expr: &Expr, errors: &mut Vec<PackError>) -> bool {
    let before = errors.len();
    let ok = expect(expr, Ty::Number, &Names::default(), errors);
    ok && errors.len() == before
}

pub(crate) fn expect_condition(expr: &Expr, names: &Names, errors: &mut Vec<PackError>) {
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
            let ordering = !matches!(
                op,
                crate::pack::expr::CmpOp::Eq | crate::pack::expr::CmpOp::Ne
            );
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
    let arity = |expected: String, errors: &mut Vec<PackError>| {
        errors.push(
            PackError::new(
                crate::tr!("val-func-takes", func = func.name(), expected = expected),
                call.span.clone(),
            )
            .with_label(crate::tr!("val-arguments-given", given = args.len())),
        );
    };
    match func {
        Func::Sum | Func::Min | Func::Max => {
            match args {
                [] => arity(crate::tr!("val-takes-list-or-numbers"), errors),
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
                        &crate::tr!("val-needs-repeated-capture"),
                        names,
                        errors,
                    ) {
                        errors.push(e);
                    }
                }
                _ => arity(crate::tr!("val-takes-one-list"), errors),
            }
            Ty::Number
        }
        Func::Abs => {
            match args {
                [single] => {
                    expect(single, Ty::Number, names, errors);
                }
                _ => arity(crate::tr!("val-takes-one-number"), errors),
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
                _ => arity(crate::tr!("val-takes-one-name-or-fact"), errors),
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
                _ => arity(crate::tr!("val-takes-three-numbers"), errors),
            }
            Ty::Date
        }
        Func::Year => {
            match args {
                [single] => {
                    if let Some(e) = one_argument_of(
                        single,
                        Ty::Date,
                        "year",
                        &crate::tr!("val-needs-date"),
                        names,
                        errors,
                    ) {
                        errors.push(e.with_help(crate::tr!("val-year-capture-already-number")));
                    }
                }
                _ => arity(crate::tr!("val-takes-one-date"), errors),
            }
            Ty::Number
        }
    }
}

/// Check the `{name}` / `{name:spec}` placeholders of a message or suggestion template.
pub(crate) fn check_template(
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
                .with_help(crate::tr!(
                    "val-names-also",
                    near = names.did_you_mean(name, provided),
                    available = names.available(),
                    also = also.join(", ")
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
