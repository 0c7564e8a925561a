//! Each construct of the rule language, written in the DSL, and the rule model it gives.

use reportlint::eval::kinds::headings::HeadingAspect;
use reportlint::eval::kinds::sections::SectionSpec;
use reportlint::eval::kinds::when::Condition;
use reportlint::eval::kinds::Rule;
use reportlint::eval::kinds::*;
use reportlint::pack::dsl::{parse_expr, parse_pack};
use reportlint::pack::model::*;

fn text(s: &str) -> Spanned<String> {
    Spanned::unspanned(s.to_string())
}

fn lit(s: &str) -> Matcher {
    Matcher::Text(text(s))
}

fn expr(src: &str) -> Expr {
    parse_expr(src, 0).unwrap_or_else(|e| panic!("{src}: {e:?}"))
}

/// The rule written as `body` inside `rule r { message "m" … }`.
fn rule(body: &str) -> Rule {
    let src = format!("pack \"p\"\nrule r {{\n  message \"m\"\n  {body}\n}}\n");
    let pack = parse_pack("test.rules", &src).unwrap_or_else(|e| panic!("{body}: {:?}", e.errors));
    pack.rules.into_iter().next().expect("one rule")
}

fn check(body: &str) -> Check {
    rule(body).check
}

#[test]
fn pack_lines() {
    let src = r#"
        pack "card-examples"   // name
        version "1.0"
        description "三项制度"
        extends "base.rules"
        extends "builtin:fazhi"
        disable "base/some-rule"
        override "base/other-rule" severity info
    "#;
    let pack = parse_pack::<Check>("p.rules", src).expect("parses");
    assert_eq!(pack.name.value, "card-examples");
    assert_eq!(pack.version, Some(text("1.0")));
    assert_eq!(pack.description, Some(text("三项制度")));
    assert_eq!(
        pack.extends,
        vec![text("base.rules"), text("builtin:fazhi")]
    );
    assert_eq!(pack.disable, vec![text("base/some-rule")]);
    assert_eq!(
        pack.overrides,
        vec![SeverityOverride {
            rule: text("base/other-rule"),
            severity: Spanned::unspanned(Severity::Info)
        }]
    );
    assert!(pack.rules.is_empty());
}

#[test]
fn rule_metadata() {
    let rule = rule(
        r#"severity error
  help "写明三项制度"
  reference "国办发〔2018〕118号"
  tags "执法", "必备内容"
  tags "其他"
  once per file
  require "三项制度"
  pass "落实三项制度。"
  fail """
      加强队伍建设。
      开展培训。
      """"#,
    );
    assert_eq!(rule.id.value, "r");
    assert_eq!(rule.severity.value, Severity::Error);
    assert_eq!(rule.message.value, "m");
    assert_eq!(rule.help, Some(text("写明三项制度")));
    assert_eq!(rule.reference, Some(text("国办发〔2018〕118号")));
    assert_eq!(
        rule.tags,
        vec![text("执法"), text("必备内容"), text("其他")]
    );
    assert!(rule.once_per_file);
    assert_eq!(
        rule.examples,
        vec![
            Example {
                kind: ExampleKind::Pass,
                text: text("落实三项制度。")
            },
            Example {
                kind: ExampleKind::Fail,
                text: text("加强队伍建设。\n开展培训。")
            },
        ]
    );
}

#[test]
fn severity_defaults_to_warning() {
    assert_eq!(rule("require \"x\"").severity.value, Severity::Warning);
}

#[test]
fn require_with_nested_combinators_count_and_scope() {
    let expected = Check::Require(Require {
        what: Matcher::Any(vec![
            lit("三项制度"),
            Matcher::All(vec![lit("执法公示"), lit("全过程记录"), lit("法制审核")]),
        ]),
        min_count: Some(Spanned::unspanned(2)),
        scope: Scope::Section(Box::new(Matcher::Regex(text("主要举措")))),
    });
    let written = r#"require any("三项制度", all("执法公示", "全过程记录", "法制审核")) at least 2 in section /主要举措/"#;
    assert_eq!(check(written), expected);
}

#[test]
fn alternatives_with_a_bar_are_any() {
    let Check::Require(require) =
        check(r#"require "行政复议" | /复议案件/ | pattern "复议{n:count}件""#)
    else {
        panic!("not a require");
    };
    assert_eq!(
        require.what,
        Matcher::Any(vec![
            lit("行政复议"),
            Matcher::Regex(text("复议案件")),
            Matcher::Pattern(text("复议{n:count}件"))
        ])
    );
    assert_eq!(require.scope, Scope::Document);
}

#[test]
fn every_scope() {
    let scope_of = |suffix: &str| match check(&format!("require \"x\" {suffix}")) {
        Check::Require(require) => require.scope,
        other => panic!("not a require: {other:?}"),
    };
    assert_eq!(scope_of(""), Scope::Document);
    assert_eq!(scope_of("in document"), Scope::Document);
    assert_eq!(scope_of("in paragraph"), Scope::Paragraph);
    assert_eq!(scope_of("in sentence"), Scope::Sentence);
    assert_eq!(
        scope_of("in heading none(\"附件\")"),
        Scope::Heading(Box::new(Matcher::None(vec![lit("附件")])))
    );
}

#[test]
fn forbid_with_exceptions_and_suggestions() {
    let expected = Check::Forbid(Forbid {
        what: Matcher::Regex(text(r"(法|治|政)\1")),
        unless: vec![lit("人人"), lit("层层")],
        suggest: vec![text("{0}")],
        scope: Scope::Paragraph,
    });
    assert_eq!(
        check(r#"forbid /(法|治|政)\1/ unless "人人", "层层" suggest "{0}" in paragraph"#),
        expected
    );
    let Check::Forbid(forbid) = check(r#"forbid "第一职责人" suggest "第一责任人", "第一 责任人""#)
    else {
        panic!("not a forbid");
    };
    assert_eq!(
        forbid.suggest,
        vec![text("第一责任人"), text("第一 责任人")]
    );
}

#[test]
fn regex_slashes_are_escaped() {
    let Check::Forbid(forbid) = check(r#"forbid /和\/或/"#) else {
        panic!("not a forbid")
    };
    assert_eq!(forbid.what, Matcher::Regex(text("和/或")));
}

#[test]
fn match_with_lets_and_asserts() {
    let expected = Check::Match(MatchCheck {
        pattern: Matcher::Pattern(text(
            "受理{total:count}件{…}成功{ok:count}件{…}成功率{达|为}?{rate:percent}",
        )),
        scope: Scope::Document,
        lets: vec![Let {
            name: text("computed"),
            value: expr("ok / total"),
        }],
        asserts: vec![expr("rate ~= computed within 1%")],
    });
    let written = r#"match pattern "受理{total:count}件{…}成功{ok:count}件{…}成功率{达|为}?{rate:percent}"
  let computed = ok / total
  assert rate ~= computed within 1%"#;
    assert_eq!(check(written), expected);
}

#[test]
fn sums_over_repeated_captures() {
    let Check::Match(check) = check(
        r#"match pattern "共有{total:count}人，其中{parts:counts}" assert sum(parts) <= total"#,
    ) else {
        panic!("not a match");
    };
    assert_eq!(check.asserts, vec![expr("sum(parts) <= total")]);
}

#[test]
fn consistent_quantity() {
    let expected = Check::Consistent(Consistent {
        pattern: Matcher::Pattern(text("{n:count}名干部取得行政执法证")),
        capture: text("n"),
    });
    assert_eq!(
        check(r#"consistent pattern "{n:count}名干部取得行政执法证" on n"#),
        expected
    );
}

#[test]
fn when_a_mention_then_a_requirement() {
    let expected = Check::When(When {
        condition: Condition::Mentions {
            what: lit("行政诉讼"),
            scope: Scope::Section(Box::new(lit("复议"))),
        },
        then: Require {
            what: lit("出庭应诉"),
            min_count: Some(Spanned::unspanned(2)),
            scope: Scope::Sentence,
        },
    });
    assert_eq!(
        check(r#"when "行政诉讼" in section "复议" require "出庭应诉" at least 2 in sentence"#),
        expected
    );
}

#[test]
fn when_a_capture_satisfies_a_test() {
    let expected = Check::When(When {
        condition: Condition::Match {
            pattern: Matcher::Pattern(text("行政诉讼案件{n:count}件")),
            test: Some(expr("n > 0")),
        },
        then: Require {
            what: lit("出庭应诉"),
            min_count: None,
            scope: Scope::Document,
        },
    });
    assert_eq!(
        check(r#"when match pattern "行政诉讼案件{n:count}件" if n > 0 require "出庭应诉""#),
        expected
    );
    let Check::When(when) = check(r#"when match /诉讼/ require "应诉""#) else {
        panic!("not a when")
    };
    assert!(matches!(
        when.condition,
        Condition::Match { test: None, .. }
    ));
}

#[test]
fn required_sections_in_order() {
    let expected = Check::Sections(Sections {
        ordered: true,
        sections: vec![
            SectionSpec {
                name: text("主要举措和成效"),
                heading: Matcher::Any(vec![Matcher::Regex(text("主要举措")), lit("工作情况")]),
            },
            SectionSpec {
                name: text("存在的不足"),
                heading: Matcher::Regex(text("不足|问题")),
            },
        ],
    });
    let written = r#"sections ordered { "主要举措和成效" = any(/主要举措/, "工作情况"), "存在的不足" = /不足|问题/ }"#;
    assert_eq!(check(written), expected);
    let Check::Sections(sections) = check(r#"sections { "不足" = "不足", }"#) else {
        panic!("not sections")
    };
    assert!(!sections.ordered);
}

#[test]
fn heading_numbering() {
    let aspect = |word: &str| match check(&format!("headings {word}")) {
        Check::Headings(headings) => headings.aspect.value,
        other => panic!("not headings: {other:?}"),
    };
    assert_eq!(aspect("continuous"), HeadingAspect::Continuous);
    assert_eq!(aspect("level-order"), HeadingAspect::LevelOrder);
}

#[test]
fn assertions_over_document_facts() {
    let expected = Check::Assert(AssertCheck {
        lets: vec![Let {
            name: text("deadline"),
            value: expr("date(report.year + 1, 3, 31)"),
        }],
        asserts: vec![
            expr("exists(document.date)"),
            expr("document.date <= deadline"),
        ],
    });
    let written = "let deadline = date(report.year + 1, 3, 31)\n  assert exists(document.date)\n  assert document.date <= deadline";
    assert_eq!(check(written), expected);
}

#[test]
fn punctuation_primitives() {
    let expected = Check::Paired(Paired {
        pairs: vec![text("《》"), text("“”"), text("（）"), text("【】")],
    });
    assert_eq!(check(r#"paired "《》", "“”", "（）", "【】""#), expected);
    let rule = rule(r#"halfwidth ",;:" once per file"#);
    assert_eq!(
        rule.check,
        Check::HalfWidth(HalfWidth { chars: text(",;:") })
    );
    assert!(rule.once_per_file);
}

#[test]
fn a_rule_fits_on_one_line_and_comments_are_ignored() {
    let src = "pack \"p\" # 注释\nrule court { message \"m\" when \"行政诉讼\" require \"出庭应诉\" } // 尾注\n";
    let pack = parse_pack::<Check>("p.rules", src).expect("parses");
    assert_eq!(pack.rules.len(), 1);
}

#[test]
fn string_escapes() {
    let rule = rule(r#"require "引号\"、反斜杠\\、换行\n、全角空格\u{3000}""#);
    let Check::Require(require) = rule.check else {
        panic!("not a require")
    };
    assert_eq!(
        require.what,
        lit("引号\"、反斜杠\\、换行\n、全角空格\u{3000}")
    );
}

#[test]
fn spans_point_at_the_written_text() {
    let src = "pack \"p\"\nrule 成文 {}\n";
    assert!(parse_pack::<Check>("p.rules", src).is_err());
    let src = "pack \"p\"\nrule date {\n  message \"成文日期\"\n  forbid /成文\\d+/ suggest \"日期\"\n}\n";
    let pack = parse_pack("p.rules", src).expect("parses");
    let rule = &pack.rules[0];
    assert_eq!(&src[rule.id.span.clone()], "date");
    assert_eq!(&src[rule.message.span.clone()], "成文日期");
    let Check::Forbid(forbid) = &rule.check else {
        panic!("not a forbid")
    };
    let Matcher::Regex(regex) = &forbid.what else {
        panic!("not a regex")
    };
    assert_eq!(&src[regex.span.clone()], "成文\\d+");
    assert_eq!(&src[forbid.suggest[0].span.clone()], "日期");
}
