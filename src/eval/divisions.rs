//! Load-time warnings about divisions whose divisor can be zero.
//!
//! `part / total` is an error of the rule on a report that writes `0件` ("rule could not be
//! evaluated here"). A division is *guarded* when the assertion around it settles the case
//! first: `and` / `or` short-circuit, so in `total == 0 or rate ~= part / total within 1%` the
//! division is never computed when `total` is 0, and likewise on the right of
//! `total != 0 and …`, `total > 0 and …` or `0 < total and …`. A divisor that reads no
//! capture, `let` or statement figure (a number written in the rule, `report.year`) is not
//! warned about unless it is the number 0. A `let` is computed before any assertion, so a
//! division in a `let` is never guarded: the warning suggests moving it into the assertion.
//!
//! A warning is a [`PackError`] with the span of the division; it does not stop the pack
//! from loading.

use crate::eval::kinds::when::Condition;
use crate::eval::kinds::{Check, Pack};
use crate::pack::error::PackError;
use crate::pack::expr::{BinOp, CmpOp, Expr, ExprKind};
use crate::pack::model::Let;

/// The warnings of a pack: every unguarded division whose divisor can be zero.
pub fn division_warnings(pack: &Pack) -> Vec<PackError> {
    let mut out = Vec::new();
    for rule in &pack.rules {
        let (lets, asserts, test): (&[Let], &[Expr], Option<&Expr>) = match &rule.check {
            Check::Match(m) => (&m.lets, &m.asserts, None),
            Check::Statement(s) => (&s.lets, &s.asserts, None),
            Check::Assert(a) => (&a.lets, &a.asserts, None),
            Check::When(w) => match &w.condition {
                Condition::Match {
                    test: Some(test), ..
                } => (&[], &[], Some(test)),
                _ => continue,
            },
            _ => continue,
        };
        for binding in lets {
            walk(&binding.value, &mut Vec::new(), true, &mut out);
        }
        for assertion in asserts.iter().chain(test) {
            walk(assertion, &mut Vec::new(), false, &mut out);
        }
    }
    out
}

/// Looks for divisions in `expr`; `guarded` holds the divisors (as printed) known not to be
/// zero where `expr` stands.
fn walk(expr: &Expr, guarded: &mut Vec<String>, in_let: bool, out: &mut Vec<PackError>) {
    match &expr.kind {
        ExprKind::Binary { op, left, right } => {
            if *op == BinOp::Div {
                let divisor = right.to_string();
                if may_be_zero(right) && !guarded.contains(&divisor) {
                    out.push(warning(expr, &divisor, in_let));
                }
            }
            walk(left, guarded, in_let, out);
            walk(right, guarded, in_let, out);
        }
        ExprKind::Or(left, right) | ExprKind::And(left, right) => {
            walk(left, guarded, in_let, out);
            let is_or = matches!(expr.kind, ExprKind::Or(..));
            let added = nonzero_after(left, is_or);
            let before = guarded.len();
            guarded.extend(added);
            walk(right, guarded, in_let, out);
            guarded.truncate(before);
        }
        ExprKind::Unary { operand, .. } | ExprKind::Not(operand) => {
            walk(operand, guarded, in_let, out)
        }
        ExprKind::Compare { left, right, .. } | ExprKind::Approx { left, right, .. } => {
            walk(left, guarded, in_let, out);
            walk(right, guarded, in_let, out);
        }
        ExprKind::Call { args, .. } => {
            for arg in args {
                walk(arg, guarded, in_let, out);
            }
        }
        ExprKind::Number { .. }
        | ExprKind::Percent { .. }
        | ExprKind::Text(_)
        | ExprKind::Name(_)
        | ExprKind::Fact(_) => {}
    }
}

/// The divisors that the left side of `or` (when false) or of `and` (when true) shows are
/// not zero: `d == 0 or …`, `d != 0 and …`, `d > 0 and …`, `0 < d and …`.
fn nonzero_after(left: &Expr, is_or: bool) -> Vec<String> {
    match &left.kind {
        ExprKind::Or(a, b) if is_or => {
            let mut v = nonzero_after(a, true);
            v.extend(nonzero_after(b, true));
            v
        }
        ExprKind::And(a, b) if !is_or => {
            let mut v = nonzero_after(a, false);
            v.extend(nonzero_after(b, false));
            v
        }
        ExprKind::Compare { op, left, right } => {
            let zero = |e: &Expr| matches!(e.kind, ExprKind::Number { value, .. } if value == 0.0);
            let (other, op) = if zero(right) {
                (left, *op)
            } else if zero(left) {
                (right, flipped(*op))
            } else {
                return Vec::new();
            };
            let says_nonzero = if is_or {
                op == CmpOp::Eq || op == CmpOp::Le
            } else {
                matches!(op, CmpOp::Ne | CmpOp::Gt | CmpOp::Lt)
            };
            if says_nonzero {
                vec![other.to_string()]
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    }
}

/// `0 < d` read as `d > 0`.
fn flipped(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        other => other,
    }
}

/// Whether a divisor can be zero when the rule runs: it reads a capture, a `let` or a
/// statement figure, or it is the number 0.
fn may_be_zero(divisor: &Expr) -> bool {
    match &divisor.kind {
        ExprKind::Number { value, .. } | ExprKind::Percent { value, .. } => *value == 0.0,
        ExprKind::Name(_) => true,
        ExprKind::Text(_) | ExprKind::Fact(_) => false,
        ExprKind::Unary { operand, .. } | ExprKind::Not(operand) => reads_a_name(operand),
        _ => reads_a_name(divisor),
    }
}

fn reads_a_name(expr: &Expr) -> bool {
    match &expr.kind {
        ExprKind::Name(_) => true,
        ExprKind::Number { .. }
        | ExprKind::Percent { .. }
        | ExprKind::Text(_)
        | ExprKind::Fact(_) => false,
        ExprKind::Unary { operand, .. } | ExprKind::Not(operand) => reads_a_name(operand),
        ExprKind::Binary { left, right, .. }
        | ExprKind::Compare { left, right, .. }
        | ExprKind::Approx { left, right, .. }
        | ExprKind::And(left, right)
        | ExprKind::Or(left, right) => reads_a_name(left) || reads_a_name(right),
        ExprKind::Call { args, .. } => args.iter().any(reads_a_name),
    }
}

fn warning(division: &Expr, divisor: &str, in_let: bool) -> PackError {
    let error = PackError::new(
        crate::tr!("warn-division-may-be-zero", divisor = divisor),
        division.span.clone(),
    )
    .with_label(crate::tr!("warn-division-label"));
    if in_let {
        error.with_help(crate::tr!("warn-division-in-let-help", divisor = divisor))
    } else {
        error.with_help(crate::tr!("warn-division-help", divisor = divisor))
    }
}

#[cfg(test)]
mod tests {
    use super::division_warnings;

    fn warnings(rule_body: &str) -> Vec<String> {
        let src = format!("pack \"t\"\nrule r {{ message \"m\" {rule_body} }}\n");
        let pack = crate::pack::dsl::parse_pack("t.rules", &src).expect("parses");
        division_warnings(&pack)
            .into_iter()
            .map(|w| src[w.span].trim().to_string())
            .collect()
    }

    const PATTERN: &str =
        r#"match pattern "受理{total:count}件，成功{part:count}件，成功率{rate:percent}""#;

    #[test]
    fn an_unguarded_division_by_a_capture_is_warned_at_its_place() {
        let body = format!("{PATTERN} assert rate ~= part / total within 1%");
        assert_eq!(warnings(&body), ["part / total"]);
        let body =
            format!("{PATTERN} let computed = part / total assert rate ~= computed within 1%");
        assert_eq!(warnings(&body), ["part / total"]);
        let body = format!("{PATTERN} assert part / (total - part) < 1");
        let found = warnings(&body);
        assert!(
            found.len() == 1 && found[0].starts_with("part / (total"),
            "{found:?}"
        );
    }

    #[test]
    fn a_guard_or_a_constant_divisor_is_not_warned() {
        for assertion in [
            "total == 0 or rate ~= part / total within 1%",
            "0 == total or rate ~= part / total within 1%",
            "total != 0 and rate ~= part / total within 1%",
            "total > 0 and rate ~= part / total within 1%",
            "0 < total and rate ~= part / total within 1%",
            "total == 0 or part == 0 or rate ~= part / total within 1%",
            "part / 2 <= total",
            "report.year / report.year == 1",
        ] {
            let body = format!("{PATTERN} assert {assertion}");
            assert!(warnings(&body).is_empty(), "{assertion}");
        }
        // A guard of the wrong sense, or on another value, does not guard.
        for assertion in [
            "total != 0 or rate ~= part / total within 1%",
            "part == 0 or rate ~= part / total within 1%",
            "rate ~= part / total within 1% or total == 0",
        ] {
            let body = format!("{PATTERN} assert {assertion}");
            assert_eq!(warnings(&body).len(), 1, "{assertion}");
        }
    }
}
