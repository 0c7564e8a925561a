//! Expressions as `let`, `assert` and `when … if` write them: parsing, spans, canonical text.

use reportlint::pack::dsl::parse_expr;
use reportlint::pack::expr::{BinOp, CmpOp, ExprKind, Func};

fn canonical(src: &str) -> String {
    match parse_expr(src, 0) {
        Ok(expr) => expr.to_string(),
        Err(errors) => panic!("{src:?} does not parse: {errors:?}"),
    }
}

fn first_error(src: &str) -> String {
    match parse_expr(src, 0) {
        Ok(expr) => panic!("{src:?} parsed as {expr:?}"),
        Err(errors) => errors[0].message.clone(),
    }
}

#[test]
fn the_card_assertion_reads_as_an_approximate_comparison() {
    let expr = parse_expr("rate ~= ok / total within 1%", 0).expect("parses");
    let ExprKind::Approx {
        left,
        right,
        tolerance,
    } = expr.kind
    else {
        panic!("not an approximate comparison: {expr:?}");
    };
    assert_eq!(left.kind, ExprKind::Name("rate".into()));
    assert!(matches!(
        right.kind,
        ExprKind::Binary { op: BinOp::Div, .. }
    ));
    assert_eq!(tolerance.amount, 0.01);
    assert!(tolerance.percent && !tolerance.relative);
}

#[test]
fn operators_bind_as_in_arithmetic() {
    assert_eq!(canonical("a+b*c"), "a + b * c");
    assert_eq!(canonical("(a+b)*c"), "(a + b) * c");
    assert_eq!(canonical("a-(b-c)"), "a - (b - c)");
    assert_eq!(canonical("(a-b)-c"), "a - b - c");
    assert_eq!(canonical("-(a+b)"), "-(a + b)");
    assert_eq!(canonical("a / b × c ÷ d"), "a / b * c / d");
    assert_eq!(canonical("a > 0 and b > 0 or c"), "a > 0 and b > 0 or c");
    assert_eq!(
        canonical("a > 0 and (b > 0 or c)"),
        "a > 0 and (b > 0 or c)"
    );
    assert_eq!(canonical("not (a and b)"), "not (a and b)");
    assert_eq!(canonical("not a and b"), "not a and b");
    assert_eq!(canonical("(a < b) == (c < d)"), "(a < b) == (c < d)");
}

#[test]
fn numbers_keep_the_precision_they_were_written_with() {
    assert_eq!(canonical("99.30%"), "99.30%");
    assert_eq!(canonical("1.50 + 2"), "1.50 + 2");
    assert_eq!(
        canonical("x ~= y within 0.5% relative"),
        "x ~= y within 0.5% relative"
    );
    assert_eq!(canonical("x ~= y within 2"), "x ~= y within 2");
    let ExprKind::Percent { value, decimals } = parse_expr("99.31%", 0).expect("parses").kind
    else {
        panic!("not a percentage");
    };
    assert_eq!((value, decimals), (0.9931, 2));
}

#[test]
fn facts_functions_and_strings() {
    let expr = parse_expr("document.date <= date(report.year + 1, 3, 31)", 0).expect("parses");
    let ExprKind::Compare {
        op: CmpOp::Le,
        left,
        right,
    } = expr.kind
    else {
        panic!("not a comparison");
    };
    assert_eq!(left.kind, ExprKind::Fact("document.date".into()));
    assert!(matches!(right.kind, ExprKind::Call { func: Func::Date, ref args } if args.len() == 3));
    assert_eq!(canonical("sum( parts )<=total"), "sum(parts) <= total");
    assert_eq!(
        canonical("kind == \"行政\\\"诉讼\""),
        "kind == \"行政\\\"诉讼\""
    );
}

#[test]
fn spans_are_offset_by_the_base() {
    let src = "成功率 ~= ok / total within 1%";
    let expr = parse_expr(src, 100).expect("parses");
    assert_eq!(expr.span, 100..100 + src.len());
    let ExprKind::Approx { left, right, .. } = expr.kind else {
        panic!("not an approximate comparison");
    };
    assert_eq!(left.span, 100..100 + "成功率".len());
    assert_eq!(
        &src[right.span.start - 100..right.span.end - 100],
        "ok / total"
    );
}

#[test]
fn mistakes_are_reported_with_their_place() {
    assert_eq!(
        first_error("rate ~= ok / total"),
        "expected `+`, `-`, `*`, `/` or `within`, found the end of the file"
    );
    assert_eq!(first_error("avg(x)"), "unknown function `avg`");
    assert_eq!(
        first_error("report.month > 1"),
        "unknown fact `report.month`"
    );
    assert_eq!(
        first_error("date(2024, 3)"),
        "`date` takes 3 arguments (year, month, day), not 2"
    );
    let errors = parse_expr("中文 > avg(x)", 7).expect_err("unknown function");
    assert_eq!(errors[0].span, 7 + "中文 > ".len()..7 + "中文 > avg".len());
    assert!(first_error("a < b < c").starts_with("expected"));
}
