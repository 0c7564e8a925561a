//! What each construct of the YAML form means in the rule model: packs written in YAML
//! compare equal (spans aside) to the model built here by hand.

use reportlint::eval::kinds::headings::HeadingAspect;
use reportlint::eval::kinds::sections::SectionSpec;
use reportlint::eval::kinds::when::Condition;
use reportlint::eval::kinds::*;
use reportlint::eval::kinds::{Pack, Rule};
use reportlint::pack::dsl::parse_expr;
use reportlint::pack::model::*;
use reportlint::pack::yaml::parse_pack;

fn s(text: &str) -> Spanned<String> {
    Spanned::unspanned(text.to_owned())
}

fn text(t: &str) -> Matcher {
    Matcher::Text(s(t))
}

fn expr(src: &str) -> Expr {
    parse_expr(src, 0).unwrap_or_else(|e| panic!("{src}: {e:?}"))
}

fn rule_of(id: &str, severity: Severity, message: &str, check: Check) -> Rule {
    Rule {
        id: s(id),
        severity: Spanned::unspanned(severity),
        message: s(message),
        help: None,
        reference: None,
        tags: Vec::new(),
        once_per_file: false,
        examples: Vec::new(),
        check,
    }
}

fn parse(src: &str) -> Pack {
    parse_pack("test.yaml", src).unwrap_or_else(|e| panic!("{e:?}"))
}

/// The one rule of a pack holding `rule_yaml` as its only rule.
fn only_rule(rule_yaml: &str) -> Rule {
    let src = format!(
        "pack: t\nrules:\n  - {}\n",
        rule_yaml.trim().replace('\n', "\n    ")
    );
    let mut pack = parse(&src);
    assert_eq!(pack.rules.len(), 1);
    pack.rules.remove(0)
}

fn check_of(rule_yaml: &str) -> Check {
    only_rule(rule_yaml).check
}

#[test]
fn the_card_examples_pack_is_the_same_model_in_both_forms() {
    let yaml = parse(include_str!("fixtures/packs/card-examples.yaml"));
    let dsl = reportlint::pack::dsl::parse_pack(
        "card-examples.rules",
        include_str!("fixtures/packs/card-examples.rules"),
    )
    .expect("the DSL card pack parses");
    let ids: Vec<&str> = yaml.rules.iter().map(|r| r.id.value.as_str()).collect();
    assert_eq!(
        ids,
        [
            "three-systems",
            "first-responsible-person",
            "mediation-rate"
        ]
    );
    let kinds: Vec<&str> = yaml.rules.iter().map(|r| r.check.kind_name()).collect();
    assert_eq!(kinds, ["require", "require", "match"]);
    assert_eq!(yaml, dsl);
}

#[test]
fn pack_header_extends_disables_and_overrides() {
    let pack = parse(
        "pack: local\nversion: 2.0\ndescription: 本地规则\nextends: [base.yaml, 'builtin:standard']\n\
         disable: base/old-rule\noverrides: {base/other-rule: info}\nrules: []\n",
    );
    let expected = Pack {
        name: s("local"),
        version: Some(s("2.0")),
        description: Some(s("本地规则")),
        extends: vec![s("base.yaml"), s("builtin:standard")],
        disable: vec![s("base/old-rule")],
        overrides: vec![SeverityOverride {
            rule: s("base/other-rule"),
            severity: Spanned::unspanned(Severity::Info),
        }],
        rules: Vec::new(),
    };
    assert_eq!(pack, expected);
}

#[test]
fn severity_defaults_to_warning() {
    let rule = only_rule("id: a\nmessage: 甲\nrequire: 甲");
    assert_eq!(rule.severity.value, Severity::Warning);
}

#[test]
fn metadata_help_reference_tags_and_once_per_file() {
    let rule = only_rule(
        "id: commas\nseverity: info\nmessage: 半角标点{count}处\nhelp: 改为全角\n\
         reference: GB/T 15834\ntags: 标点\nonce_per_file: true\nhalfwidth: \",;:\"",
    );
    let expected = Rule {
        help: Some(s("改为全角")),
        reference: Some(s("GB/T 15834")),
        tags: vec![s("标点")],
        once_per_file: true,
        ..rule_of(
            "commas",
            Severity::Info,
            "半角标点{count}处",
            Check::HalfWidth(HalfWidth { chars: s(",;:") }),
        )
    };
    assert_eq!(rule, expected);
}

#[test]
fn matchers_text_regex_pattern_and_nested_combinators() {
    let check = check_of(
        "id: a\nmessage: 甲\nrequire:\n  any:\n    - 三项制度\n    - {regex: '三项\\s*制度'}\n\
         \x20   - all: [{pattern: \"{n:count}项\"}, {none: [暂未]}]",
    );
    let expected = Check::Require(Require {
        what: Matcher::Any(vec![
            text("三项制度"),
            Matcher::Regex(s("三项\\s*制度")),
            Matcher::All(vec![
                Matcher::Pattern(s("{n:count}项")),
                Matcher::None(vec![text("暂未")]),
            ]),
        ]),
        min_count: None,
        scope: Scope::Document,
    });
    assert_eq!(check, expected);
}

#[test]
fn require_with_minimum_and_each_scope() {
    let scopes = [
        ("document", Scope::Document),
        ("paragraph", Scope::Paragraph),
        ("sentence", Scope::Sentence),
        (
            "{section: 主要举措}",
            Scope::Section(Box::new(text("主要举措"))),
        ),
        (
            "{heading: {regex: '^一、'}}",
            Scope::Heading(Box::new(Matcher::Regex(s("^一、")))),
        ),
    ];
    for (written, scope) in scopes {
        let check = check_of(&format!(
            "id: a\nmessage: 甲\nrequire: 学法\nmin: 2\nscope: {written}"
        ));
        let expected = Check::Require(Require {
            what: text("学法"),
            min_count: Some(Spanned::unspanned(2)),
            scope,
        });
        assert_eq!(check, expected, "scope: {written}");
    }
}

#[test]
fn forbid_with_exceptions_and_suggestions() {
    let check = check_of(
        "id: a\nmessage: 甲\nforbid: {regex: '(\\p{Han})\\1'}\nunless: [人人, 层层]\nsuggest: 法治\nscope: sentence",
    );
    let expected = Check::Forbid(Forbid {
        what: Matcher::Regex(s("(\\p{Han})\\1")),
        unless: vec![text("人人"), text("层层")],
        suggest: vec![s("法治")],
        scope: Scope::Sentence,
    });
    assert_eq!(check, expected);
}

#[test]
fn match_with_let_bindings_in_order_and_assertions() {
    let check = check_of(
        "id: a\nmessage: 甲\nmatch: {pattern: \"受理{total:count}件\"}\nscope: paragraph\n\
         let: {computed: ok / total, missed: total - ok}\nassert: \"missed >= 0\"",
    );
    let expected = Check::Match(MatchCheck {
        pattern: Matcher::Pattern(s("受理{total:count}件")),
        scope: Scope::Paragraph,
        lets: vec![
            Let {
                name: s("computed"),
                value: expr("ok / total"),
            },
            Let {
                name: s("missed"),
                value: expr("total - ok"),
            },
        ],
        asserts: vec![expr("missed >= 0")],
    });
    assert_eq!(check, expected);
}

#[test]
fn consistent_names_its_capture_with_on() {
    let check = check_of("id: a\nmessage: 甲\nconsistent: {pattern: \"{n:count}名干部\"}\non: n");
    let expected = Check::Consistent(Consistent {
        pattern: Matcher::Pattern(s("{n:count}名干部")),
        capture: s("n"),
    });
    assert_eq!(check, expected);
}

#[test]
fn when_a_mention_then_require() {
    let check = check_of("id: a\nmessage: 甲\nwhen: 行政诉讼\nrequire: 出庭应诉");
    let expected = Check::When(When {
        condition: Condition::Mentions {
            what: text("行政诉讼"),
            scope: Scope::Document,
        },
        then: Require {
            what: text("出庭应诉"),
            min_count: None,
            scope: Scope::Document,
        },
    });
    assert_eq!(check, expected);
}

#[test]
fn when_a_scoped_mention_then_require_in_a_scope() {
    let check = check_of(
        "id: a\nmessage: 甲\nwhen: {mention: 督察, scope: paragraph}\nrequire: 整改\nmin: 2\nscope: sentence",
    );
    let expected = Check::When(When {
        condition: Condition::Mentions {
            what: text("督察"),
            scope: Scope::Paragraph,
        },
        then: Require {
            what: text("整改"),
            min_count: Some(Spanned::unspanned(2)),
            scope: Scope::Sentence,
        },
    });
    assert_eq!(check, expected);
}

#[test]
fn when_a_capture_satisfies_a_condition() {
    let check = check_of(
        "id: a\nmessage: 甲\nwhen: {match: {pattern: \"行政诉讼案件{n:count}件\"}, if: n > 0}\nrequire: 出庭应诉",
    );
    let expected = Check::When(When {
        condition: Condition::Match {
            pattern: Matcher::Pattern(s("行政诉讼案件{n:count}件")),
            test: Some(expr("n > 0")),
        },
        then: Require {
            what: text("出庭应诉"),
            min_count: None,
            scope: Scope::Document,
        },
    });
    assert_eq!(check, expected);
}

#[test]
fn sections_in_order_with_headings_defaulting_to_the_name() {
    let check = check_of(
        "id: a\nmessage: 甲\nsections:\n  ordered: true\n  list:\n\
         \x20   - {name: 主要举措和成效, heading: {any: [{regex: 主要举措}, 工作情况]}}\n\
         \x20   - {name: 存在的不足}",
    );
    let expected = Check::Sections(Sections {
        ordered: true,
        sections: vec![
            SectionSpec {
                name: s("主要举措和成效"),
                heading: Matcher::Any(vec![Matcher::Regex(s("主要举措")), text("工作情况")]),
            },
            SectionSpec {
                name: s("存在的不足"),
                heading: text("存在的不足"),
            },
        ],
    });
    assert_eq!(check, expected);
}

#[test]
fn sections_as_a_plain_list_are_unordered() {
    let check = check_of("id: a\nmessage: 甲\nsections: [{name: 存在的不足}]");
    let expected = Check::Sections(Sections {
        ordered: false,
        sections: vec![SectionSpec {
            name: s("存在的不足"),
            heading: text("存在的不足"),
        }],
    });
    assert_eq!(check, expected);
}

#[test]
fn headings_continuous_and_level_order() {
    for (written, aspect) in [
        ("continuous", HeadingAspect::Continuous),
        ("level-order", HeadingAspect::LevelOrder),
    ] {
        let check = check_of(&format!("id: a\nmessage: 甲\nheadings: {written}"));
        let expected = Check::Headings(Headings {
            aspect: Spanned::unspanned(aspect),
        });
        assert_eq!(check, expected);
    }
}

#[test]
fn assert_without_match_is_about_document_facts() {
    let check = check_of(
        "id: a\nmessage: 甲\nlet: {deadline: \"date(report.year + 1, 3, 31)\"}\n\
         assert: [exists(document.date), document.date <= deadline]",
    );
    let expected = Check::Assert(AssertCheck {
        lets: vec![Let {
            name: s("deadline"),
            value: expr("date(report.year + 1, 3, 31)"),
        }],
        asserts: vec![
            expr("exists(document.date)"),
            expr("document.date <= deadline"),
        ],
    });
    assert_eq!(check, expected);
}

#[test]
fn paired_punctuation_pairs() {
    let check = check_of("id: a\nmessage: 甲\npaired: [《》, “”, （）, 【】]");
    let expected = Check::Paired(Paired {
        pairs: vec![s("《》"), s("“”"), s("（）"), s("【】")],
    });
    assert_eq!(check, expected);
}

#[test]
fn examples_as_an_ordered_list_keep_their_order() {
    let rule = only_rule(
        "id: a\nmessage: 甲\nforbid: 法法治\nexamples:\n  - fail: 推进法法治。\n  - pass: 推进法治。\n  - fail: 法法治。",
    );
    let kinds: Vec<ExampleKind> = rule.examples.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [ExampleKind::Fail, ExampleKind::Pass, ExampleKind::Fail]
    );
}

#[test]
fn words_yaml_1_1_took_for_booleans_stay_words() {
    let check = check_of("id: a\nmessage: 甲\nconsistent: {pattern: \"{on:count}名\"}\non: on");
    let Check::Consistent(consistent) = check else {
        panic!("a consistent rule");
    };
    assert_eq!(consistent.capture.value, "on");
}

#[test]
fn expression_spans_point_into_the_yaml_source() {
    let src = "pack: 测试\nrules:\n  - id: a\n    message: 甲\n    assert: [\"document.date <= date(2025, 3, 31)\"]\n";
    let pack = parse(src);
    let Check::Assert(facts) = &pack.rules[0].check else {
        panic!("a facts rule");
    };
    assert_eq!(
        &src[facts.asserts[0].span.clone()],
        "document.date <= date(2025, 3, 31)"
    );
}
