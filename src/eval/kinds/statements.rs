//! Kind `match statement`: the quantity statements the document's analyser finds
//! ([`crate::model::statements`]): rates with their part and total, shares above 100%, totals
//! with their parts, growth between two periods, one fact stated twice with two values.
//!
//! A rule takes the statements of one kind, optionally only those whose subject matches
//! (`subject /成功|办结/`). Each statement binds, for `let`, `assert` and the message:
//!
//! * `subject` (text): what the statement is about: a rate's name (调解成功率, 满意度, 占比),
//!   the words before a total, the growth word (同比增长), the repeated phrase;
//! * its figures, numbers as the report writes them (approximate, written decimals), as
//!   pattern captures are: rate `rate` `part` `total`; share `rate`; parts `total` and
//!   `parts` (a list); growth `growth` `current` `previous`; repeated `first` `other`;
//! * `expected` (text): the analyser's arithmetic when it finds the figures disagree
//!   (`288 / 290 = 99.31%`), else empty; `pairing` (text): why these figures go together.
//!
//! Without `assert`, a statement is a finding exactly when the analyser finds its figures
//! inconsistent: the rule and `reportlint inspect` make one decision. With `assert`, the
//! assertions decide, as in `match`; a statement the analyser left unchecked (a figure
//! approximate, the pairing uncertain, another reading agrees) binds only its own figure
//! (the rate, the total, the growth), so assertions over its part and total do not apply.
//!
//! ```text
//! rule rate-arithmetic {
//!   message "{subject}与数字不符：报告写 {rate}，按数字计算 {expected}"
//!   match statement rate
//!   pass "全年受理行政复议案件40件，办结38件，办结率95%。"
//!   fail "全年受理行政复议案件40件，办结38件，办结率98%。"
//! }
//! ```

use super::matching::{left_name, right_value};
use super::Hit;
use crate::diag::Label;
use crate::eval::search::{CompiledMatcher, Compiler, DocMatches, Leaf};
use crate::eval::validate::{check_lets, compile_into, expect_condition, Names, Ty};
use crate::eval::Bindings;
use crate::model::statements::{Figure, Role, Statement, StatementKind, Verdict};
use crate::model::text::suggest;
use crate::model::Document;
use crate::pack::error::PackError;
use crate::pack::expr::Expr;
use crate::pack::model::{Let, Matcher, Spanned};
use crate::pack::values::{self, format_value, EvalError, AssertResult, Value};

#[derive(Debug, Clone)]
pub struct Compiled {
    pub kind: StatementKind,
    pub subject: Option<CompiledMatcher>,
    pub lets: Vec<Let>,
    pub asserts: Vec<Expr>,
    /// Whether a `let` or `assert` reads `pairing` (the analyser's reason in words, which is
    /// put into text only when it is read: by these, or by the message of a finding).
    pub reads_pairing: bool,
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

/// Typed names of the statement kind are added by validation.
pub const MESSAGE_NAMES: &[&str] = &[];

/// Kind `match statement`: the kind is one the analyser finds, the subject matcher compiles
/// and matches text (no typed pattern), and the figures the kind binds are the names of its
/// `let`s and `assert`s. `None` when the kind is unknown (its names are then unknown too).
pub fn validate(
    check: &StatementCheck,
    c: &mut Compiler,
    errors: &mut Vec<PackError>,
) -> Option<Names> {
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
            compile_into(subject, c, errors);
        }
    }
    let Some(statement_kind) = StatementKind::parse(&kind.value) else {
        let all: Vec<&str> = StatementKind::ALL.iter().map(|k| k.name()).collect();
        let mut error = PackError::new(
            crate::tr!("val-unknown-statement-kind-arg", kind = kind.value),
            kind.span.clone(),
        )
        .with_label(crate::tr!("val-not-kind-statement"));
        error = match suggest(&kind.value, all.iter().copied()) {
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
        Matcher::Text(_) | Matcher::Regex(_) | Matcher::Year(_) => None,
        Matcher::Any(items) | Matcher::All(items) | Matcher::None(items) => {
            items.iter().find_map(first_pattern)
        }
    }
}

pub fn compile(check: &StatementCheck, c: &mut Compiler) -> Result<Compiled, Vec<PackError>> {
    let kind = StatementKind::parse(&check.kind.value).ok_or_else(|| {
        vec![PackError::new(
            crate::tr!(
                "kstat-unknown-statement-kind-check",
                check = check.kind.value
            ),
            check.kind.span.clone(),
        )]
    })?;
    let subject = check
        .subject
        .as_ref()
        .map(|subject| c.matcher(subject))
        .transpose()?;
    let reads_pairing = check.lets.iter().any(|l| l.value.refers_to("pairing"))
        || check.asserts.iter().any(|a| a.refers_to("pairing"));
    Ok(Compiled {
        kind,
        subject,
        lets: check.lets.clone(),
        asserts: check.asserts.clone(),
        reads_pairing,
    })
}

/// The name a figure of a role is bound to.
pub fn role_name(role: Role) -> &'static str {
    match role {
        Role::Rate => "rate",
        Role::Part => "part",
        Role::Total => "total",
        Role::Item => "parts",
        Role::Current => "current",
        Role::Previous => "previous",
        Role::Growth => "growth",
        Role::First => "first",
        Role::Again => "other",
    }
}

fn value_of(figure: &Figure) -> Value {
    Value::Number {
        value: figure.value,
        approx: figure.approx,
        decimals: Some(figure.decimals),
        percent: figure.percent,
    }
}

/// What a statement is about, as rules see it: a rate with its term (调解成功 → 调解成功率,
/// 满意 → 满意度), anything else as the analyser names it.
pub fn subject_of(doc: &Document, statement: &Statement) -> String {
    let subject = statement.subject.as_str();
    if !matches!(statement.kind, StatementKind::Rate | StatementKind::Share) {
        return subject.to_string();
    }
    let before = doc.text.get(..statement.span.start).unwrap_or("");
    for term in ["率", "度"] {
        let named = format!("{subject}{term}");
        if before.rfind(&named).is_some() {
            return named;
        }
    }
    subject.to_string()
}

fn subject_matches(matcher: &CompiledMatcher, subject: &str, m: &DocMatches) -> bool {
    match matcher {
        CompiledMatcher::Leaf(id) => match m.leaf_object(*id) {
            Leaf::Literal(text) => subject.contains(text.as_str()),
            Leaf::Regex(regex) => regex.is_match(subject).unwrap_or_else(|| {
                regex
                    .matches(subject)
                    .map(|found| !found.is_empty())
                    .unwrap_or(false)
            }),
            // Validation refuses patterns here.
            Leaf::Pattern(_) => false,
            Leaf::Year(expr) => {
                !crate::eval::search::year_spans(expr, &m.doc.facts, subject).is_empty()
            }
        },
        CompiledMatcher::Any(items) => items.iter().any(|i| subject_matches(i, subject, m)),
        CompiledMatcher::All(items) => items.iter().all(|i| subject_matches(i, subject, m)),
        CompiledMatcher::None(items) => !items.iter().any(|i| subject_matches(i, subject, m)),
    }
}

/// The figures a statement offers to rules: all of them when the analyser checked it, only
/// its own figure when it left it unchecked.
fn offered(statement: &Statement) -> Vec<&Figure> {
    let checked = !matches!(statement.verdict, Verdict::Unchecked { .. });
    statement
        .figures
        .iter()
        .filter(|f| checked || f.span == statement.span)
        .collect()
}

/// The names a statement binds; `pairing` only when `with_pairing` (else [`with_pairing`]
/// adds it to a finding's names).
fn bindings<'f>(
    doc: &'f Document,
    statement: &Statement,
    figures: &[&Figure],
    with_pairing: bool,
) -> Bindings<'f> {
    let mut b = Bindings::new(&doc.facts);
    b.set("subject", Value::Text(subject_of(doc, statement)));
    let expected = match &statement.verdict {
        Verdict::Inconsistent { expected } => expected.clone(),
        _ => String::new(),
    };
    b.set("expected", Value::Text(expected));
    if with_pairing {
        b.set("pairing", Value::Text(statement.pairing.text()));
    }
    let items: Vec<Value> = figures
        .iter()
        .filter(|f| f.role == Role::Item)
        .map(|f| value_of(f))
        .collect();
    for f in figures.iter().filter(|f| f.role != Role::Item) {
        let name = role_name(f.role);
        if b.get(name).is_none() {
            b.set(name, value_of(f));
        }
    }
    if !items.is_empty() {
        b.set("parts", Value::List(items));
    }
    b
}

/// A finding's names with `pairing`, unless a `let` bound it already.
fn with_pairing(mut vars: Vec<(String, Value)>, statement: &Statement) -> Vec<(String, Value)> {
    if !vars.iter().any(|(n, _)| n == "pairing") {
        vars.push(("pairing".to_string(), Value::Text(statement.pairing.text())));
    }
    vars
}

/// Labels at the statement's figures, each with its name and the text written: the figure
/// `first` names first (with what was computed for it), else the statement's own figure.
fn figure_labels(
    doc: &Document,
    statement: &Statement,
    figures: &[&Figure],
    first: Option<&str>,
    computed: Option<String>,
) -> Vec<Label> {
    let mut ordered: Vec<&Figure> = figures.to_vec();
    ordered.sort_by_key(|f| {
        let leads = match first {
            Some(name) => role_name(f.role) == name,
            None => f.span == statement.span,
        };
        (!leads, f.span.start)
    });
    let mut labels = Vec::new();
    for (i, f) in ordered.iter().enumerate() {
        let shown = doc.text.get(f.span.clone()).unwrap_or_default();
        let mut text = format!("{} = {shown}", role_name(f.role));
        if i == 0 {
            if let Some(computed) = &computed {
                text.push_str(&format!("，计算得 {computed}"));
            }
        }
        labels.push(Label::new(f.span.clone(), Some(text)));
    }
    if labels.is_empty() {
        labels.push(Label::new(statement.span.clone(), None));
    }
    labels
}

pub fn evaluate(check: &Compiled, m: &DocMatches) -> Vec<Hit> {
    let doc = m.doc;
    let mut hits = Vec::new();
    'statements: for statement in m.statements().iter().filter(|s| s.kind == check.kind) {
        if let Some(subject) = &check.subject {
            if !subject_matches(subject, &subject_of(doc, statement), m) {
                continue;
            }
        }
        let figures = offered(statement);
        let mut b = bindings(doc, statement, &figures, check.reads_pairing);
        for l in &check.lets {
            match values::eval(&l.value, &b) {
                Ok(v) => b.set(&l.name.value, v),
                // A figure this statement lacks: the name stays without a value, and what
                // reads it does not apply.
                Err(EvalError::Missing { .. }) => {}
                Err(e) => {
                    hits.push(Hit {
                        labels: figure_labels(doc, statement, &figures, None, None),
                        rule_error: Some(format!("`let {} = {}`: {e}", l.name.value, l.value)),
                        ..Hit::default()
                    });
                    continue 'statements;
                }
            }
        }
        if check.asserts.is_empty() {
            if let Verdict::Inconsistent { expected } = &statement.verdict {
                let arithmetic =
                    matches!(statement.kind, StatementKind::Rate | StatementKind::Growth)
                        .then(|| expected.clone());
                let mut hit = Hit::at(figure_labels(doc, statement, &figures, None, arithmetic));
                hit.vars = with_pairing(b.vars(), statement);
                hits.push(hit);
            }
            continue;
        }
        for a in &check.asserts {
            match values::check(a, &b) {
                Ok(AssertResult::Pass) | Ok(AssertResult::NotApplicable) => {}
                Ok(AssertResult::Fail) => {
                    let computed = right_value(a, &b);
                    let first = left_name(a);
                    let shown = computed.as_ref().map(|v| {
                        let percent = first
                            .and_then(|n| b.get(n))
                            .is_some_and(|v| matches!(v, Value::Number { percent: true, .. }));
                        format_value(v, percent.then_some("%"))
                    });
                    let mut hit = Hit::at(figure_labels(doc, statement, &figures, first, shown));
                    hit.vars = with_pairing(b.vars(), statement);
                    if let Some(v) = computed {
                        if !hit.vars.iter().any(|(n, _)| n == "computed") {
                            hit.vars.push(("computed".to_string(), v));
                        }
                    }
                    hits.push(hit);
                    break;
                }
                Err(e) => {
                    hits.push(Hit {
                        labels: figure_labels(doc, statement, &figures, None, None),
                        rule_error: Some(format!("`assert {a}`: {e}")),
                        ..Hit::default()
                    });
                    break;
                }
            }
        }
    }
    hits
}

/// How a `match statement` rule is written: `match statement KIND [subject MATCHER]` with
/// optional `let` and `assert` lines in the DSL, `statement: KIND` with `subject:`, `let:`
/// and `assert:` in YAML. The kind is checked by validation.
mod syntax {
    use std::fmt::Write;

    use pest::iterators::Pair;
    use serde_json::Value as Json;

    use crate::pack::dsl::print::{lets_and_asserts, wrapped_line};
    use crate::pack::dsl::{Builder, DslKind, LetLines, Rule as G};
    use crate::pack::model::{Span, Spanned};
    use super::StatementCheck;
    use crate::pack::yaml::schema::reference;
    use crate::pack::yaml::write::{asserts_entry, lets_entry, matcher_yaml, text};
    use crate::pack::yaml::{Fields, Node, Reader, Yaml, YamlKind};

    impl DslKind for StatementCheck {
        const LINES: &'static [G] = &[G::match_statement];
        const TAKES_LETS: bool = true;

        fn dsl_build(b: &mut Builder<'_>, pair: Pair<'_, G>) -> Option<Self> {
            let mut kind = None;
            let mut subject = Some(None);
            for part in pair.into_inner() {
                match part.as_rule() {
                    G::word => kind = Some(Spanned::new(part.as_str().to_string(), b.span(&part))),
                    G::statement_subject => {
                        subject = part
                            .into_inner()
                            .find(|p| p.as_rule() == G::matcher)
                            .and_then(|m| b.matcher(m))
                            .map(Some);
                    }
                    _ => {}
                }
            }
            Some(StatementCheck {
                kind: kind?,
                subject: subject?,
                lets: Vec::new(),
                asserts: Vec::new(),
            })
        }

        /// Without `assert`, the analyser's verdict decides.
        fn dsl_take_lets(&mut self, _: &mut Builder<'_>, _: Span, mut lines: LetLines) -> Option<()> {
            if lines.wrote_assert && lines.asserts.is_empty() {
                return None;
            }
            self.lets = lines.take_lets();
            self.asserts = lines.take_asserts();
            Some(())
        }

        fn dsl_print(&self, out: &mut String) {
            let mut text = format!("match statement {}", self.kind.value);
            if let Some(subject) = &self.subject {
                let _ = write!(text, " subject {subject}");
            }
            wrapped_line(out, 1, &text);
            lets_and_asserts(out, &self.lets, &self.asserts);
        }
    }

    impl YamlKind for StatementCheck {
        const MODIFIERS: &'static [&'static str] = &["subject", "let"];
        const COMPANION: Option<&'static str> = Some("assert");

        fn yaml_read(r: &mut Reader<'_>, kind: &Node, fields: &Fields<'_>) -> Option<Self> {
            let kind = r.text(kind, "`statement`");
            let subject = match fields.get("subject") {
                Some(node) => r.matcher(node).map(Some),
                None => Some(None),
            };
            let lets = r.lets(fields);
            let asserts = match fields.get("assert") {
                Some(_) => r.asserts(fields),
                None => Some(Vec::new()),
            };
            Some(StatementCheck {
                kind: kind?,
                subject: subject?,
                lets: lets?,
                asserts: asserts?,
            })
        }

        fn yaml_write(&self, entries: &mut Vec<(&'static str, Yaml)>) {
            entries.push(("statement", text(&self.kind)));
            if let Some(subject) = &self.subject {
                entries.push(("subject", matcher_yaml(subject)));
            }
            lets_entry(&self.lets, entries);
            asserts_entry(&self.asserts, entries);
        }

        fn yaml_schema() -> Json {
            reference("text")
        }

        fn yaml_description() -> String {
            crate::i18n::text("schema-kind-statement", &[])
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::eval::kinds::testing::{flagged, messages};

    #[test]
    fn a_rate_is_named_with_its_term_and_found_in_any_order() {
        let rule = r#"rule r { message "{subject}" match statement rate }"#;
        assert_eq!(
            messages(rule, "群众满意度达99%，共回访群众200人，其中满意180人。"),
            ["群众满意度"]
        );
        assert_eq!(
            messages(rule, "矛盾纠纷化解率达96%，共排查纠纷50件，化解45件。"),
            ["矛盾纠纷化解率"]
        );
    }

    #[test]
    fn a_subject_matcher_reads_the_subject_not_the_text_around_it() {
        let only_resolved =
            r#"rule r { message "{subject}" match statement rate subject none("调解") }"#;
        let text = "共受理纠纷160件，调解成功150件，调解成功率达98%。共排查纠纷50件，化解45件，化解率96%。";
        assert_eq!(flagged(only_resolved, text), ["96%"]);
    }
}
