//! Kind `match`: a pattern with typed captures, and assertions over the captured values.
//!
//! For every match of the pattern the `let` bindings are computed in order, then every
//! assertion is checked. A failed assertion is a finding labelled at each capture with its
//! value; an assertion that reads an approximate figure (120余起) or a missing value is not
//! applicable and says nothing; one that cannot be computed (division by zero) is reported
//! as a problem of the rule at that place, never a crash.
//!
//! ```text
//! rule mediation-rate {
//!   match pattern "受理{total:count}件{…}成功{ok:count}件{…}成功率{达|为}?{rate:percent}"
//!   let computed = ok / total
//!   assert rate ~= computed within 1%
//! }
//! ```

use super::Hit;
use crate::diag::Label;
use crate::eval::matching::{CompiledScope, Compiler, DocMatches, LeafId, LeafMatch};
use crate::eval::values::{self, format_value, Outcome, Value};
use crate::eval::Bindings;
use crate::pack::error::PackError;
use crate::pack::expr::{Expr, ExprKind};
use crate::pack::model::{Let, MatchCheck};

/// Names this kind gives its findings for message templates, beside captures, `let`s, facts,
/// `match` and `count`.
pub const MESSAGE_NAMES: &[&str] = &[];

#[derive(Debug, Clone)]
pub struct Compiled {
    pub pattern: Vec<LeafId>,
    pub scope: CompiledScope,
    pub lets: Vec<Let>,
    pub asserts: Vec<Expr>,
}

pub fn compile(mc: &MatchCheck, c: &mut Compiler) -> Result<Compiled, Vec<PackError>> {
    let pattern = c.leaves(&mc.pattern)?;
    let scope = c.scope(&mc.scope)?;
    Ok(Compiled {
        pattern,
        scope,
        lets: mc.lets.clone(),
        asserts: mc.asserts.clone(),
    })
}

/// Bindings of one match: its captures, then the `let`s. `Err` carries a rule-time error.
pub fn bind<'f>(
    lm: &LeafMatch,
    lets: &[Let],
    facts: &'f crate::model::Facts,
) -> Result<Bindings<'f>, String> {
    let mut b = Bindings::new(facts);
    for c in &lm.captures {
        if let Some(v) = &c.value {
            b.set(&c.name, v.clone());
        }
    }
    for l in lets {
        match values::eval(&l.value, &b) {
            Ok(v) => b.set(&l.name.value, v),
            Err(e) => return Err(format!("`let {} = {}`: {e}", l.name.value, l.value)),
        }
    }
    Ok(b)
}

/// The name an assertion compares on its left, if it is a plain name.
fn left_name(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Approx { left, .. } | ExprKind::Compare { left, .. } => match &left.kind {
            ExprKind::Name(n) => Some(n),
            _ => None,
        },
        _ => None,
    }
}

fn right_value(e: &Expr, b: &Bindings) -> Option<Value> {
    match &e.kind {
        ExprKind::Approx { right, .. } | ExprKind::Compare { right, .. } => {
            values::eval(right, b).ok()
        }
        _ => None,
    }
}

/// Labels for a failed match: every capture with its value; the compared one first.
pub fn capture_labels(
    lm: &LeafMatch,
    text: &str,
    first: Option<&str>,
    computed: Option<&Value>,
) -> Vec<Label> {
    let mut labels = Vec::new();
    let mut caps: Vec<_> = lm.captures.iter().collect();
    caps.sort_by_key(|c| (Some(c.name.as_str()) != first, c.span.start));
    for c in caps {
        let shown = text.get(c.span.clone()).unwrap_or_default();
        let mut label = format!("{} = {shown}", c.name);
        if Some(c.name.as_str()) == first {
            if let Some(v) = computed {
                // A computed value is a ratio only when it is compared with a percentage;
                // a year or a count compared with arithmetic stays a plain number.
                let spec = match c.value {
                    Some(Value::Number { percent: true, .. }) => Some("%"),
                    _ => None,
                };
                label.push_str(&format!("，计算得 {}", format_value(v, spec)));
            }
        }
        labels.push(Label::new(c.span.clone(), Some(label)));
    }
    if labels.is_empty() {
        labels.push(Label::new(lm.span.clone(), None));
    }
    labels
}

pub fn evaluate(mc: &Compiled, m: &DocMatches) -> Vec<Hit> {
    let doc = m.doc;
    let mut hits = Vec::new();
    for unit in m.units(&mc.scope) {
        for lm in m.leaves_in(&mc.pattern, &unit) {
            let b = match bind(lm, &mc.lets, &doc.facts) {
                Ok(b) => b,
                Err(e) => {
                    hits.push(Hit {
                        labels: vec![Label::new(lm.span.clone(), None)],
                        rule_error: Some(e),
                        ..Hit::default()
                    });
                    continue;
                }
            };
            for a in &mc.asserts {
                match values::check(a, &b) {
                    Ok(Outcome::Pass) | Ok(Outcome::NotApplicable) => {}
                    Ok(Outcome::Fail) => {
                        let computed = right_value(a, &b);
                        let labels = capture_labels(lm, &doc.text, left_name(a), computed.as_ref());
                        let mut hit = Hit::at(labels);
                        hit.vars = b.vars();
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
                            labels: capture_labels(lm, &doc.text, None, None),
                            rule_error: Some(format!("`assert {a}`: {e}")),
                            ..Hit::default()
                        });
                        break;
                    }
                }
            }
        }
    }
    hits
}
