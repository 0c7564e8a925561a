//! What each construct of the YAML form means in the rule model: packs written in YAML
//! compare equal (spans aside) to the model built here by hand.

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

fn examples(pass: &[&str], fail: &[&str]) -> Vec<Example> {
    let pass = pass.iter().map(|t| Example {
        kind: ExampleKind::Pass,
        text: s(t),
    });
    let fail = fail.iter().map(|t| Example {
        kind: ExampleKind::Fail,
        text: s(t),
    });
    pass.chain(fail).collect()
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
fn the_card_examples_pack_reads_as_the_three_card_rules() {
    let src = include_str!("fixtures/packs/card-examples.yaml");
    let three_systems = Rule {
        help: Some(s(
            "写明行政执法公示、执法全过程记录、重大执法决定法制审核制度的落实情况",
        )),
        reference: Some(s("国办发〔2018〕118号")),
        tags: vec![s("执法"), s("必备内容")],
        examples: examples(
            &[
                "我局全面推行行政执法三项制度，执法行为进一步规范。",
                "严格执行执法公示、执法全过程记录和重大执法决定法制审核要求。",
            ],
            &[
                "我局加强执法队伍建设，组织执法人员参加业务培训。",
                "推行执法公示和全过程记录。",
            ],
        ),
        ..rule_of(
            "three-systems",
            Severity::Warning,
            "报告未提及行政执法三项制度",
            Check::Require(Require {
                what: Matcher::Any(vec![
                    text("三项制度"),
                    Matcher::All(vec![text("执法公示"), text("全过程记录"), text("法制审核")]),
                ]),
                min_count: None,
                scope: Scope::Document,
            }),
        )
    };
    let first_responsible = Rule {
        help: Some(s("说明党政主要负责人如何履行推进法治建设第一责任人职责")),
        reference: Some(s("《党政主要负责人履行推进法治建设第一责任人职责规定》")),
        tags: vec![s("必备内容")],
        examples: examples(
            &["主要负责人认真履行推进法治建设第一责任人职责，全年专题研究法治工作4次。"],
            &["主要负责人高度重视法治建设工作。"],
        ),
        ..rule_of(
            "first-responsible",
            Severity::Warning,
            "报告未写明主要负责人履行推进法治建设第一责任人职责",
            Check::Require(Require {
                what: text("第一责任人"),
                min_count: None,
                scope: Scope::Document,
            }),
        )
    };
    let mediation_rate = Rule {
        help: Some(s("核对受理件数、调解成功件数和成功率")),
        tags: vec![s("数据")],
        examples: examples(
            &["全年受理矛盾纠纷200件，调解成功190件，调解成功率达95%。"],
            &["全年受理矛盾纠纷200件，调解成功150件，调解成功率达95%。"],
        ),
        ..rule_of(
            "mediation-rate",
            Severity::Error,
            "调解成功率与件数不符：{ok}/{total} = {computed:%}，报告写 {rate}",
            Check::Match(MatchCheck {
                pattern: Matcher::Pattern(s(
                    "受理{total:count}件{…}成功{ok:count}件{…}成功率{达|为}?{rate:percent}",
                )),
                scope: Scope::Document,
                lets: vec![Let {
                    name: s("computed"),
                    value: expr("ok / total"),
                }],
                asserts: vec![expr("rate ~= computed within 1%")],
            }),
        )
    };
    let expected = Pack {
        name: s("card-examples"),
        version: Some(s("1.0")),
        description: Some(s("三项制度、第一责任人、调解成功率")),
        rules: vec![three_systems, first_responsible, mediation_rate],
        ..Pack::default()
    };
    assert_eq!(parse(src), expected);
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
    let expected = Check::Facts(FactsCheck {
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
    let Check::Facts(facts) = &pack.rules[0].check else {
        panic!("a facts rule");
    };
    assert_eq!(
        &src[facts.asserts[0].span.clone()],
        "document.date <= date(2025, 3, 31)"
    );
}
