//! Pack validation: every mistake in a pack is reported at once, each underlined where it is
//! written. Packs are built by hand here over a small source text, with spans found in it.

use std::ops::Range;

use reportlint::eval::kinds::{
    AssertCheck, Check, Consistent, Forbid, MatchCheck, Pack, Paired, Require, Rule,
};
use reportlint::eval::validate::validate;
use reportlint::pack::error::{PackError, PackErrors};
use reportlint::pack::expr::{BinOp, CmpOp, Expr, ExprKind, Func, Tolerance};
use reportlint::pack::model::{Let, Matcher, Scope, Severity, Spanned};

/// The pack source the spans point into.
struct Source(&'static str);

impl Source {
    /// Span of `needle` at its first occurrence after `anchor`.
    fn at(&self, anchor: &str, needle: &str) -> Range<usize> {
        let from = self
            .0
            .find(anchor)
            .unwrap_or_else(|| panic!("anchor {anchor:?} in source"));
        let offset = self.0[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} after {anchor:?}"));
        from + offset..from + offset + needle.len()
    }

    /// A string written in quotes after `anchor`: value without quotes, span with them.
    fn quoted(&self, anchor: &str, value: &str) -> Spanned<String> {
        Spanned::new(value.to_string(), self.at(anchor, &format!("\"{value}\"")))
    }

    fn word(&self, anchor: &str, word: &str) -> Spanned<String> {
        Spanned::new(word.to_string(), self.at(anchor, word))
    }

    fn expr(&self, anchor: &str, written: &str, kind: ExprKind) -> Expr {
        Expr {
            kind,
            span: self.at(anchor, written),
        }
    }

    fn name(&self, anchor: &str, name: &str) -> Expr {
        self.expr(anchor, name, ExprKind::Name(name.to_string()))
    }

    fn fact(&self, anchor: &str, fact: &str) -> Expr {
        self.expr(anchor, fact, ExprKind::Fact(fact.to_string()))
    }
}

fn rule(src: &Source, id: &str, message: &str, check: Check) -> Rule {
    let anchor = format!("rule {id}");
    Rule {
        id: src.word(&anchor, id),
        severity: Spanned::unspanned(Severity::Warning),
        message: src.quoted(&anchor, message),
        help: None,
        reference: None,
        tags: vec![],
        once_per_file: false,
        examples: vec![],
        check,
    }
}

fn binary(op: BinOp, left: Expr, right: Expr, span: Range<usize>) -> Expr {
    Expr {
        kind: ExprKind::Binary {
            op,
            left: Box::new(left),
            right: Box::new(right),
        },
        span,
    }
}

fn compare(op: CmpOp, left: Expr, right: Expr, span: Range<usize>) -> Expr {
    Expr {
        kind: ExprKind::Compare {
            op,
            left: Box::new(left),
            right: Box::new(right),
        },
        span,
    }
}

fn call(func: Func, args: Vec<Expr>, span: Range<usize>) -> Expr {
    Expr {
        kind: ExprKind::Call { func, args },
        span,
    }
}

fn match_rule(pattern: Spanned<String>, lets: Vec<Let>, asserts: Vec<Expr>) -> Check {
    Check::Match(MatchCheck {
        pattern: Matcher::Pattern(pattern),
        scope: Scope::Sentence,
        lets,
        asserts,
    })
}

fn render(name: &str, src: &Source, errors: Vec<PackError>) -> String {
    let report = PackErrors::new(name, src.0, errors);
    let mut out = String::new();
    miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
        .with_width(100)
        .render_report(&mut out, &report)
        .expect("rendering to a string");
    out
}

const BROKEN: &str = r#"pack "示例规则" version "0.1"

rule success-rate "调解成功率与件数不符：{ok}/{total} = {computed:%}，报告写 {rate}"
  match "受理{total:count}件{…}成功{ok:count}件{…}成功率{达|为}?{rate:percnt}"
  let computed = ok / total
  assert rate ~= computed within 1%

rule staff-sum "人员合计不符：{total} 与 {sum_parts}"
  match "共有{total:count}人，其中{parts:counts(人)}"
  assert total == sum(total)
  assert total == sum(parts)

rule Publish_Date "成文日期晚于次年4月1日"
  assert document.date < report.year + 1

rule plan-year "下一年度安排写的是{year}年"
  match "{y:year}工作安排"
  assert year(y) == report.year + 1
  assert y == report.date

rule doubled-word "疑似重复：{match}"
  forbid regex "法治(建设"

rule cert-count "持证人数前后不一：{who}"
  consistent "{who:text}取得行政执法证" on who

rule cert-count "书名号、引号不成对"
  paired "《》" "“””"
"#;

fn broken_pack() -> Pack {
    let src = Source(BROKEN);

    let success_rate = {
        let a = "let computed";
        let division = binary(
            BinOp::Div,
            src.name(a, "ok"),
            src.name(a, "total"),
            src.at(a, "ok / total"),
        );
        let b = "assert rate ~=";
        let within = Expr {
            kind: ExprKind::Approx {
                left: Box::new(src.name(b, "rate")),
                right: Box::new(src.name(b, "computed")),
                tolerance: Tolerance {
                    amount: 0.01,
                    percent: true,
                    relative: false,
                    decimals: 0,
                    points: false,
                    exact: false,
                },
            },
            span: src.at(b, "rate ~= computed within 1%"),
        };
        rule(
            &src,
            "success-rate",
            "调解成功率与件数不符：{ok}/{total} = {computed:%}，报告写 {rate}",
            match_rule(
                src.quoted(
                    "rule success-rate",
                    "受理{total:count}件{…}成功{ok:count}件{…}成功率{达|为}?{rate:percnt}",
                ),
                vec![Let {
                    name: src.word(a, "computed"),
                    value: division,
                }],
                vec![within],
            ),
        )
    };

    let staff_sum = {
        let a = "assert total == sum(total)";
        let sum_of_total = compare(
            CmpOp::Eq,
            src.name(a, "total"),
            call(
                Func::Sum,
                vec![src.name("sum(total)", "total")],
                src.at(a, "sum(total)"),
            ),
            src.at(a, "total == sum(total)"),
        );
        let b = "assert total == sum(parts)";
        let sum_of_parts = compare(
            CmpOp::Eq,
            src.name(b, "total"),
            call(
                Func::Sum,
                vec![src.name(b, "parts")],
                src.at(b, "sum(parts)"),
            ),
            src.at(b, "total == sum(parts)"),
        );
        rule(
            &src,
            "staff-sum",
            "人员合计不符：{total} 与 {sum_parts}",
            match_rule(
                src.quoted(
                    "rule staff-sum",
                    "共有{total:count}人，其中{parts:counts(人)}",
                ),
                vec![],
                vec![sum_of_total, sum_of_parts],
            ),
        )
    };

    let publish_date = {
        let a = "assert document.date";
        let next_year = binary(
            BinOp::Add,
            src.fact(a, "report.year"),
            src.expr(
                a,
                "1",
                ExprKind::Number {
                    value: 1.0,
                    decimals: 0,
                },
            ),
            src.at(a, "report.year + 1"),
        );
        let before = compare(
            CmpOp::Lt,
            src.fact(a, "document.date"),
            next_year,
            src.at(a, "document.date < report.year + 1"),
        );
        rule(
            &src,
            "Publish_Date",
            "成文日期晚于次年4月1日",
            Check::Assert(AssertCheck {
                lets: vec![],
                asserts: vec![before],
            }),
        )
    };

    let plan_year = {
        let a = "assert year(y)";
        let next_year = binary(
            BinOp::Add,
            src.fact(a, "report.year"),
            src.expr(
                a,
                "1",
                ExprKind::Number {
                    value: 1.0,
                    decimals: 0,
                },
            ),
            src.at(a, "report.year + 1"),
        );
        let year_of_y = compare(
            CmpOp::Eq,
            call(Func::Year, vec![src.name("(y)", "y")], src.at(a, "year(y)")),
            next_year,
            src.at(a, "year(y) == report.year + 1"),
        );
        let b = "assert y == report.date";
        let same_as_fact = compare(
            CmpOp::Eq,
            src.name(b, "y"),
            src.fact(b, "report.date"),
            src.at(b, "y == report.date"),
        );
        rule(
            &src,
            "plan-year",
            "下一年度安排写的是{year}年",
            match_rule(
                src.quoted("rule plan-year", "{y:year}工作安排"),
                vec![],
                vec![year_of_y, same_as_fact],
            ),
        )
    };

    let doubled_word = rule(
        &src,
        "doubled-word",
        "疑似重复：{match}",
        Check::Forbid(Forbid {
            what: Matcher::Regex(src.quoted("forbid regex", "法治(建设")),
            unless: vec![],
            suggest: vec![],
            scope: Scope::Document,
        }),
    );

    let cert_count = rule(
        &src,
        "cert-count",
        "持证人数前后不一：{who}",
        Check::Consistent(Consistent {
            pattern: Matcher::Pattern(src.quoted("consistent", "{who:text}取得行政执法证")),
            capture: src.word("证\" on", "who"),
        }),
    );

    let paired = {
        let a = "paired";
        let mut duplicate = rule(
            &src,
            "cert-count",
            "书名号、引号不成对",
            Check::Paired(Paired {
                pairs: vec![src.quoted(a, "《》"), src.quoted(a, "“””")],
            }),
        );
        // The second rule with this id: `rule()` would find the first one.
        duplicate.id = src.word("rule cert-count \"书名号", "cert-count");
        duplicate
    };

    Pack {
        name: src.quoted("pack", "示例规则"),
        version: Some(src.quoted("version", "0.1")),
        description: None,
        extends: vec![],
        disable: vec![],
        overrides: vec![],
        rules: vec![
            success_rate,
            staff_sum,
            publish_date,
            plan_year,
            doubled_word,
            cert_count,
            paired,
        ],
    }
}

#[test]
fn every_error_of_a_broken_pack_is_reported_where_it_is_written() {
    let errors = validate(&broken_pack()).expect_err("the pack is broken");
    let src = Source(BROKEN);
    let shown: Vec<String> = errors
        .iter()
        .map(|e| format!("{} @ {:?}", e.message, &src.0[e.span.clone()]))
        .collect();
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("pattern_validation_broken_pack_list", shown.join("\n"));
        insta::assert_snapshot!("pattern_validation_broken_pack", render("broken.rules", &src, errors));
    });
}

const EMPTY: &str = "pack \"空规则包\" version \"0.1\"\n";

#[test]
fn a_pack_without_rules_is_an_error() {
    let src = Source(EMPTY);
    let pack = Pack {
        name: src.quoted("pack", "空规则包"),
        ..Pack::default()
    };
    let errors = validate(&pack).expect_err("empty pack");
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("pattern_validation_empty_pack", render("empty.rules", &src, errors));
    });
}

const GOOD: &str = r#"pack "示例规则" version "0.1"

rule success-rate "调解成功率与件数不符：{ok}/{total} = {computed:%}，报告写 {rate}"
  match "受理{total:count}件{…}成功{ok:count}件{…}成功率{达|为}?{rate:percent}"
  let computed = ok / total
  assert rate ~= computed within 1%

rule three-systems "未提及行政执法三项制度"
  require "三项制度"
"#;

#[test]
fn a_correct_pack_passes_validation() {
    let src = Source(GOOD);
    let a = "let computed";
    let division = binary(
        BinOp::Div,
        src.name(a, "ok"),
        src.name(a, "total"),
        src.at(a, "ok / total"),
    );
    let b = "assert rate ~=";
    let within = Expr {
        kind: ExprKind::Approx {
            left: Box::new(src.name(b, "rate")),
            right: Box::new(src.name(b, "computed")),
            tolerance: Tolerance {
                amount: 0.01,
                percent: true,
                relative: false,
                decimals: 0,
                points: false,
                exact: false,
            },
        },
        span: src.at(b, "rate ~= computed within 1%"),
    };
    let success_rate = rule(
        &src,
        "success-rate",
        "调解成功率与件数不符：{ok}/{total} = {computed:%}，报告写 {rate}",
        match_rule(
            src.quoted(
                "rule success-rate",
                "受理{total:count}件{…}成功{ok:count}件{…}成功率{达|为}?{rate:percent}",
            ),
            vec![Let {
                name: src.word(a, "computed"),
                value: division,
            }],
            vec![within],
        ),
    );
    let three_systems = rule(
        &src,
        "three-systems",
        "未提及行政执法三项制度",
        Check::Require(Require {
            what: Matcher::Text(src.quoted("require", "三项制度")),
            min_count: None,
            scope: Scope::Document,
        }),
    );
    let pack = Pack {
        name: src.quoted("pack", "示例规则"),
        rules: vec![success_rate, three_systems],
        ..Pack::default()
    };
    assert_eq!(validate(&pack).err(), None);
}

#[test]
fn a_value_whose_characters_cannot_be_located_is_underlined_whole() {
    // Written with an escape (`\\(` for `\(`), so the value is shorter than its span by more
    // than the quotes: the error falls back to the whole written value.
    let src = "forbid regex \"法治\\\\((建设\"";
    let span = src.find('"').expect("quote")..src.len();
    let matcher = Matcher::Regex(Spanned::new("法治\\((建设".to_string(), span.clone()));
    let errors = reportlint::eval::search::Compiler::default()
        .matcher(&matcher)
        .expect_err("bad regex");
    assert_eq!(errors[0].span, span);
}
