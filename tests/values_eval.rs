//! Expression evaluation: arithmetic, functions, missing and approximate values, `~=`, and
//! how values read in a finding's message.

use std::collections::HashMap;

use proptest::prelude::*;
use reportlint::pack::expr::{BinOp, CmpOp, Expr, ExprKind, Func, Tolerance};
use reportlint::pack::values::{check, eval, format_value, AssertResult, Env, EvalError, Value};

#[derive(Default)]
struct Captures {
    names: HashMap<String, Value>,
    facts: HashMap<String, Value>,
}

impl Captures {
    fn with(mut self, name: &str, value: Value) -> Self {
        self.names.insert(name.to_string(), value);
        self
    }
    fn with_fact(mut self, name: &str, value: Value) -> Self {
        self.facts.insert(name.to_string(), value);
        self
    }
}

impl Env for Captures {
    fn name(&self, name: &str) -> Option<Value> {
        self.names.get(name).cloned()
    }
    fn fact(&self, name: &str) -> Option<Value> {
        self.facts.get(name).cloned()
    }
}

fn e(kind: ExprKind) -> Expr {
    Expr { kind, span: 0..0 }
}
fn at(kind: ExprKind, span: std::ops::Range<usize>) -> Expr {
    Expr { kind, span }
}
fn name(n: &str) -> Expr {
    e(ExprKind::Name(n.to_string()))
}
fn fact(n: &str) -> Expr {
    e(ExprKind::Fact(n.to_string()))
}
fn num(value: f64) -> Expr {
    e(ExprKind::Number { value, decimals: 0 })
}
fn bin(op: BinOp, l: Expr, r: Expr) -> Expr {
    e(ExprKind::Binary {
        op,
        left: Box::new(l),
        right: Box::new(r),
    })
}
fn cmp(op: CmpOp, l: Expr, r: Expr) -> Expr {
    e(ExprKind::Compare {
        op,
        left: Box::new(l),
        right: Box::new(r),
    })
}
fn call(func: Func, args: Vec<Expr>) -> Expr {
    e(ExprKind::Call { func, args })
}
fn within(l: Expr, r: Expr, amount: f64, percent: bool, relative: bool) -> Expr {
    e(ExprKind::Approx {
        left: Box::new(l),
        right: Box::new(r),
        tolerance: Tolerance {
            amount,
            percent,
            relative,
            decimals: 0,
            points: false,
            exact: false,
        },
    })
}
fn count(v: f64) -> Value {
    Value::written(v, 0)
}
fn about(v: f64) -> Value {
    Value::Number {
        value: v,
        approx: true,
        decimals: Some(0),
        percent: false,
    }
}
fn pct(ratio: f64, decimals: i16) -> Value {
    Value::Number {
        value: ratio,
        approx: false,
        decimals: Some(decimals),
        percent: true,
    }
}

/// `rate ~= ok / total within 1%`
fn success_rate_assertion() -> Expr {
    within(
        name("rate"),
        bin(BinOp::Div, name("ok"), name("total")),
        0.01,
        true,
        false,
    )
}

fn success_rate(ok: f64, total: f64, rate: Value) -> Captures {
    Captures::default()
        .with("ok", count(ok))
        .with("total", count(total))
        .with("rate", rate)
}

#[test]
fn stated_rate_within_one_point_of_the_computed_rate_passes() {
    // 288 / 290 = 99.31%
    let env = success_rate(288.0, 290.0, pct(0.99, 0));
    assert_eq!(
        check(&success_rate_assertion(), &env),
        Ok(AssertResult::Pass)
    );
}

#[test]
fn stated_rate_two_points_off_fails() {
    let env = success_rate(288.0, 290.0, pct(0.97, 0));
    assert_eq!(
        check(&success_rate_assertion(), &env),
        Ok(AssertResult::Fail)
    );
}

#[test]
fn rounding_of_the_stated_side_is_allowed_on_top_of_the_tolerance() {
    // 68 / 73 = 93.150…%: written as 93.15% it is right even within 0.
    let exact = within(
        name("rate"),
        bin(BinOp::Div, name("ok"), name("total")),
        0.0,
        true,
        false,
    );
    assert_eq!(
        check(&exact, &success_rate(68.0, 73.0, pct(0.9315, 2))),
        Ok(AssertResult::Pass)
    );
    // 99% stands for anything from 98.5% to 99.5%; 99.31% is inside.
    assert_eq!(
        check(&exact, &success_rate(288.0, 290.0, pct(0.99, 0))),
        Ok(AssertResult::Pass)
    );
    // 99.0% stands for 98.95%–99.05%; 99.31% is not.
    assert_eq!(
        check(&exact, &success_rate(288.0, 290.0, pct(0.99, 1))),
        Ok(AssertResult::Fail)
    );
}

#[test]
fn a_written_percentage_may_be_truncated_as_the_statement_analyser_allows() {
    let exact = within(
        name("rate"),
        bin(BinOp::Div, name("ok"), name("total")),
        0.0,
        true,
        false,
    );
    // 1093 / 1133 = 96.469…%: written 96.4% it is truncated, written 96.5% rounded.
    for written in [pct(0.964, 1), pct(0.965, 1)] {
        assert_eq!(
            check(&exact, &success_rate(1093.0, 1133.0, written)),
            Ok(AssertResult::Pass)
        );
    }
    // Truncation reaches up to, not including, the next written digit: 96.3% is wrong.
    assert_eq!(
        check(&exact, &success_rate(1093.0, 1133.0, pct(0.963, 1))),
        Ok(AssertResult::Fail)
    );
    // 193 / 200 = 96.5% exactly is not 96.4% truncated.
    assert_eq!(
        check(&exact, &success_rate(193.0, 200.0, pct(0.964, 1))),
        Ok(AssertResult::Fail)
    );
    // Either side may be the written one.
    let swapped = within(
        bin(BinOp::Div, name("ok"), name("total")),
        name("rate"),
        0.0,
        true,
        false,
    );
    assert_eq!(
        check(&swapped, &success_rate(1093.0, 1133.0, pct(0.964, 1))),
        Ok(AssertResult::Pass)
    );
    // Counts are not truncated: 23 is not 22 within 0.
    let counts = within(name("a"), name("b"), 0.0, false, false);
    let env = Captures::default()
        .with("a", count(22.0))
        .with("b", count(23.0));
    assert_eq!(check(&counts, &env), Ok(AssertResult::Fail));
}

#[test]
fn relative_tolerance_scales_with_the_right_side() {
    let assertion = within(name("a"), name("b"), 0.05, true, true);
    let env = Captures::default()
        .with("a", count(104.0))
        .with("b", count(100.0));
    assert_eq!(check(&assertion, &env), Ok(AssertResult::Pass));
    let env = Captures::default()
        .with("a", count(106.0))
        .with("b", count(100.0));
    assert_eq!(check(&assertion, &env), Ok(AssertResult::Fail));
}

#[test]
fn parts_sum_to_the_total() {
    let assertion = cmp(
        CmpOp::Eq,
        name("total"),
        call(Func::Sum, vec![name("parts")]),
    );
    let parts = Value::List(vec![count(11.0), count(9.0), count(1.0), count(1.0)]);
    let env = Captures::default()
        .with("total", count(22.0))
        .with("parts", parts.clone());
    assert_eq!(check(&assertion, &env), Ok(AssertResult::Pass));
    let env = Captures::default()
        .with("total", count(23.0))
        .with("parts", parts);
    assert_eq!(check(&assertion, &env), Ok(AssertResult::Fail));
}

#[test]
fn an_approximate_figure_never_fails_an_assertion() {
    let part_le_total = cmp(CmpOp::Le, name("part"), name("total"));
    let env = Captures::default()
        .with("part", about(130.0))
        .with("total", count(120.0));
    assert_eq!(check(&part_le_total, &env), Ok(AssertResult::NotApplicable));
    let env = Captures::default()
        .with("part", count(130.0))
        .with("total", count(120.0));
    assert_eq!(check(&part_le_total, &env), Ok(AssertResult::Fail));
    // Approximation survives arithmetic and sums.
    let parts = Value::List(vec![count(11.0), about(9.0)]);
    let sum_is_total = cmp(
        CmpOp::Eq,
        name("total"),
        call(Func::Sum, vec![name("parts")]),
    );
    let env = Captures::default()
        .with("total", count(22.0))
        .with("parts", parts);
    assert_eq!(check(&sum_is_total, &env), Ok(AssertResult::NotApplicable));
}

#[test]
fn a_missing_value_skips_the_assertion_unless_asked_with_exists() {
    let uses_missing = cmp(CmpOp::Gt, name("cases"), num(0.0));
    assert_eq!(
        check(&uses_missing, &Captures::default()),
        Ok(AssertResult::NotApplicable)
    );
    let asks = call(Func::Exists, vec![name("cases")]);
    assert_eq!(check(&asks, &Captures::default()), Ok(AssertResult::Fail));
    let guarded = e(ExprKind::And(
        Box::new(asks.clone()),
        Box::new(uses_missing),
    ));
    assert_eq!(
        check(&guarded, &Captures::default()),
        Ok(AssertResult::Fail)
    );
    let env = Captures::default().with("cases", about(120.0));
    assert_eq!(check(&asks, &env), Ok(AssertResult::Pass));
    assert_eq!(
        eval(&name("cases"), &Captures::default()),
        Err(EvalError::Missing {
            name: "cases".into(),
            span: 0..0
        })
    );
}

#[test]
fn division_by_zero_is_a_rule_time_error_with_the_span_of_the_division() {
    let division = at(
        ExprKind::Binary {
            op: BinOp::Div,
            left: Box::new(name("ok")),
            right: Box::new(name("total")),
        },
        40..48,
    );
    let env = Captures::default()
        .with("ok", count(0.0))
        .with("total", count(0.0));
    assert_eq!(
        eval(&division, &env),
        Err(EvalError::DivisionByZero { span: 40..48 })
    );
}

#[test]
fn aggregates_and_abs() {
    let parts = Value::List(vec![count(11.0), count(9.0), count(1.0)]);
    let env = Captures::default()
        .with("parts", parts)
        .with("d", count(-3.0));
    let value =
        |f: Func, args: Vec<Expr>| eval(&call(f, args), &env).map(|v| format_value(&v, None));
    assert_eq!(value(Func::Sum, vec![name("parts")]), Ok("21".into()));
    assert_eq!(value(Func::Count, vec![name("parts")]), Ok("3".into()));
    assert_eq!(value(Func::Min, vec![name("parts")]), Ok("1".into()));
    assert_eq!(value(Func::Max, vec![name("parts")]), Ok("11".into()));
    assert_eq!(value(Func::Max, vec![num(2.0), num(7.0)]), Ok("7".into()));
    assert_eq!(value(Func::Abs, vec![name("d")]), Ok("3".into()));
    let empty = Captures::default().with("parts", Value::List(vec![]));
    assert!(matches!(
        eval(&call(Func::Min, vec![name("parts")]), &empty),
        Err(EvalError::EmptyList { func: "min", .. })
    ));
}

#[test]
fn dates_compare_and_give_their_year() {
    // document.date < date(report.year + 1, 4, 1)
    let before_april = cmp(
        CmpOp::Lt,
        fact("document.date"),
        call(
            Func::Date,
            vec![
                bin(BinOp::Add, fact("report.year"), num(1.0)),
                num(4.0),
                num(1.0),
            ],
        ),
    );
    let facts = |y, m, d| {
        Captures::default()
            .with_fact("report.year", count(2024.0))
            .with_fact(
                "document.date",
                Value::Date {
                    year: y,
                    month: m,
                    day: d,
                },
            )
    };
    assert_eq!(
        check(&before_april, &facts(2025, 2, 11)),
        Ok(AssertResult::Pass)
    );
    assert_eq!(
        check(&before_april, &facts(2025, 4, 1)),
        Ok(AssertResult::Fail)
    );
    let year = call(Func::Year, vec![fact("document.date")]);
    assert_eq!(eval(&year, &facts(2025, 2, 11)), Ok(count(2025.0)));
    let impossible = call(Func::Date, vec![num(2025.0), num(2.0), num(30.0)]);
    assert!(matches!(
        eval(&impossible, &Captures::default()),
        Err(EvalError::InvalidDate { .. })
    ));
}

#[test]
fn comparing_a_date_with_a_number_is_a_type_error() {
    let env = Captures::default().with_fact(
        "document.date",
        Value::Date {
            year: 2025,
            month: 2,
            day: 11,
        },
    );
    let wrong = cmp(CmpOp::Lt, fact("document.date"), num(2025.0));
    assert!(matches!(
        check(&wrong, &env),
        Err(EvalError::TypeMismatch { .. })
    ));
}

#[test]
fn values_read_in_messages_as_reports_write_them() {
    assert_eq!(format_value(&pct(0.9931, 2), None), "99.31%");
    assert_eq!(format_value(&pct(0.99, 0), None), "99%");
    assert_eq!(format_value(&Value::written(3.5, 2), None), "3.50");
    let computed = Value::computed(288.0 / 290.0);
    assert_eq!(format_value(&computed, Some("%")), "99.31%");
    assert_eq!(format_value(&computed, Some(".1%")), "99.3%");
    assert_eq!(format_value(&computed, None), "0.99");
    assert_eq!(format_value(&Value::computed(22.0), None), "22");
    assert_eq!(
        format_value(
            &Value::Date {
                year: 2025,
                month: 2,
                day: 11
            },
            None
        ),
        "2025年2月11日"
    );
    let list = Value::List(vec![count(11.0), count(9.0), count(1.0), count(1.0)]);
    assert_eq!(format_value(&list, None), "11、9、1、1");
}

proptest! {
    #[test]
    fn evaluation_never_panics_on_any_numbers(
        a in prop_oneof![Just(0.0), Just(f64::MAX), Just(-f64::MAX), Just(f64::MIN_POSITIVE), -1e12..1e12f64],
        b in prop_oneof![Just(0.0), Just(f64::MAX), Just(-1.0), -1e12..1e12f64],
        op in prop_oneof![Just(BinOp::Add), Just(BinOp::Sub), Just(BinOp::Mul), Just(BinOp::Div)],
    ) {
        let env = Captures::default().with("a", Value::computed(a)).with("b", Value::computed(b));
        let arithmetic = bin(op, name("a"), name("b"));
        if let Ok(Value::Number { value, .. }) = eval(&arithmetic, &env) {
            prop_assert!(value.is_finite());
        }
        let _ = check(&within(arithmetic.clone(), name("b"), 0.01, true, false), &env);
        let _ = check(&cmp(CmpOp::Le, arithmetic, name("a")), &env);
        let _ = eval(&call(Func::Date, vec![name("a"), name("b"), name("a")]), &env);
        let _ = format_value(&Value::computed(a), Some("%"));
    }
}
