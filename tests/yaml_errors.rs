//! Broken YAML packs: every problem of a file is reported at once, each underlined where it
//! is written (byte spans, also after Chinese text), rendered as miette diagnostics.

use miette::{GraphicalReportHandler, GraphicalTheme};
use reportlint::eval::kinds::Check;
use reportlint::eval::load::{self, Form};
use reportlint::pack::error::PackErrors;
use reportlint::pack::yaml::parse_pack;

/// The front end's errors; for a pack it reads, validation's (what a pack means).
fn errors_of(src: &str) -> PackErrors {
    match parse_pack::<Check>("broken.yaml", src) {
        Ok(_) => match load::parse("broken.yaml", src, Form::Yaml) {
            Ok(pack) => panic!("the pack should not load, but gave {:#?}", pack.pack),
            Err(errors) => errors,
        },
        Err(errors) => errors,
    }
}

fn render(errors: &PackErrors) -> String {
    let mut out = String::new();
    GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
        .with_width(100)
        .render_report(&mut out, errors)
        .expect("rendering into a String cannot fail");
    out
}

/// The text under each error's label, in order.
fn labelled<'s>(src: &'s str, errors: &PackErrors) -> Vec<&'s str> {
    errors
        .errors
        .iter()
        .map(|e| {
            src.get(e.span.clone())
                .expect("span is on character boundaries")
        })
        .collect()
}

/// Checks which text each label underlines, then snapshots the rendered report.
fn check(snapshot: &str, src: &str, expected_under_labels: &[&str]) {
    let errors = errors_of(src);
    assert_eq!(labelled(src, &errors), expected_under_labels, "{errors:#?}");
    let rendered = render(&errors);
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(snapshot, rendered);
    });
}

#[test]
fn yaml_syntax_error_after_chinese_text_points_at_the_right_byte() {
    let src = "pack: 测试包\ndescription: 三项制度、第一责任人\nrules:\n  - id: three-systems\n    message: 报告未提及三项制度\n    require: {any: [三项制度, 执法公示]\n  - id: other\n";
    let errors = errors_of(src);
    let span = errors.errors[0].span.clone();
    // The offset is in bytes: the Chinese text before it is 3 bytes per character.
    assert!(src.is_char_boundary(span.start));
    assert!(span.start > src.find("执法公示").expect("present"));
    check("yaml_syntax_after_chinese", src, &[&src[span]]);
}

#[test]
fn yaml_unknown_key_in_a_rule_suggests_the_right_one() {
    let src = "pack: 测试包\nrules:\n  - id: first-responsible\n    mesage: 报告未写明第一责任人职责\n    require: 第一责任人\n";
    check(
        "yaml_unknown_rule_key",
        src,
        &["mesage", "first-responsible"],
    );
}

#[test]
fn yaml_unknown_top_level_key() {
    let src = "pack: 测试包\nversoin: \"1.0\"\nrules: []\n";
    check("yaml_unknown_top_level_key", src, &["versoin"]);
}

#[test]
fn yaml_severity_of_the_wrong_type_and_an_unknown_severity() {
    let src = "pack: 测试包\nrules:\n  - id: a\n    severity: [error]\n    message: 甲\n    require: 甲\n  - id: b\n    severity: eror\n    message: 乙\n    require: 乙\n";
    check("yaml_bad_severity", src, &["[", "eror"]);
}

#[test]
fn yaml_rule_with_two_kinds() {
    let src = "pack: 测试包\nrules:\n  - id: typo\n    message: “第一职责人”应为“第一责任人”\n    require: 第一责任人\n    forbid: 第一职责人\n";
    check("yaml_two_kinds", src, &["forbid"]);
}

/// The help names every kind of the kind list; the snapshot shows it as `<kinds>`, so that a
/// new kind does not change it.
#[test]
fn yaml_rule_with_no_kind() {
    let src = "pack: 测试包\nrules:\n  - id: nothing-to-check\n    message: 这条规则没有写检查什么\n    tags: [示例]\n";
    let mut errors = errors_of(src);
    assert_eq!(labelled(src, &errors), ["nothing-to-check"]);
    let kinds = Check::KIND_NAMES.join(", ");
    let help = errors.errors[0].help.take().unwrap_or_default();
    assert_eq!(help, format!("add one of: {kinds}"));
    errors.errors[0].help = Some(help.replace(&kinds, "<kinds>"));
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("yaml_no_kind", render(&errors));
    });
}

#[test]
fn yaml_duplicate_rule_id() {
    let src = "pack: 测试包\nrules:\n  - id: same\n    message: 甲\n    require: 甲\n  - id: same\n    message: 乙\n    require: 乙\n";
    check("yaml_duplicate_id", src, &["same"]);
    let errors = errors_of(src);
    assert_eq!(
        errors.errors[0].span.start,
        src.rfind("same").expect("present")
    );
}

#[test]
fn yaml_bad_expression_inside_an_assert_string() {
    let src = "pack: 测试包\nrules:\n  - id: mediation-rate\n    message: 调解成功率不符\n    match: {pattern: \"受理{total:count}件{…}成功{ok:count}件\"}\n    assert: [\"ok <= total\", \"ok / / total > 0\"]\n";
    let errors = errors_of(src);
    assert_eq!(errors.errors.len(), 1, "{errors:#?}");
    let span = errors.errors[0].span.clone();
    let assert_text = src.find("ok / / total").expect("present");
    assert!(
        span.start >= assert_text && span.end <= assert_text + "ok / / total > 0".len(),
        "the label lies inside the second assert string: {span:?}"
    );
    check("yaml_bad_expression", src, &[&src[span]]);
}

#[test]
fn yaml_alias_bomb_stops_at_the_limit() {
    let mut src =
        String::from("pack: 测试包\nlaugh0: &l0 [哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈]\n");
    for level in 1..9 {
        let previous = format!("*l{}", level - 1);
        let items = [previous.as_str(); 10].join(", ");
        src.push_str(&format!("laugh{level}: &l{level} [{items}]\n"));
    }
    src.push_str("rules: []\n");
    let started = std::time::Instant::now();
    let errors = errors_of(&src);
    assert!(
        started.elapsed().as_secs() < 5,
        "the limit must stop expansion early"
    );
    assert_eq!(errors.errors.len(), 1);
    assert!(
        errors.errors[0].message.contains("safety limit"),
        "{errors:#?}"
    );
    let under = labelled(&src, &errors);
    check("yaml_alias_bomb", &src, &under);
}

#[test]
fn yaml_missing_id_and_missing_message_are_both_reported() {
    let src = "pack: 测试包\nrules:\n  - message: 没有编号\n    require: 甲\n  - id: no-message\n    require: 乙\n";
    check(
        "yaml_missing_id_and_message",
        src,
        &["message", "no-message"],
    );
}

#[test]
fn yaml_modifier_that_does_not_belong_to_the_kind() {
    let src = "pack: 测试包\nrules:\n  - id: doubled\n    message: 重复用字\n    require: 法法治\n    unless: [人人, 层层]\n";
    check("yaml_modifier_of_other_kind", src, &["unless"]);
}

#[test]
fn yaml_bare_list_as_matcher_is_ambiguous() {
    let src = "pack: 测试包\nrules:\n  - id: synonyms\n    message: 应提及复议或诉讼\n    require: [行政复议, 行政诉讼]\n";
    check("yaml_ambiguous_list", src, &["["]);
}

#[test]
fn yaml_unknown_matcher_key_and_unknown_scope() {
    let src = "pack: 测试包\nrules:\n  - id: regex-typo\n    message: 正则写错了键\n    require: {regx: '\\d+件'}\n    scope: paragraf\n";
    check("yaml_matcher_key_and_scope", src, &["regx", "paragraf"]);
}

#[test]
fn a_regex_keeps_the_span_of_its_text_inside_the_quotes() {
    let src = "pack: 测试包\nrules:\n  - id: cases\n    message: 案件数\n    require: {regex: '受理\\d+件'}\n";
    let pack = parse_pack("p.yaml", src).expect("valid pack");
    let reportlint::eval::kinds::Check::Require(require) = &pack.rules[0].check else {
        panic!("a require rule");
    };
    let reportlint::pack::model::Matcher::Regex(regex) = &require.what else {
        panic!("a regex");
    };
    assert_eq!(&src[regex.span.clone()], "受理\\d+件");
}

/// A rule with the keys of several kinds that carry another (`when` with `require`, `match`
/// and `statement` with `assert`) is read as `when`, then `match`, whatever the order of its
/// keys; the others are reported as a second kind.
#[test]
fn yaml_rule_with_two_carrying_kinds_is_read_by_precedence() {
    let when_and_match = "pack: t\nrules:\n  - id: a\n    message: m\n    match: 丙\n    assert: \"1 == 1\"\n    when: 甲\n    require: 乙\n";
    let errors = errors_of(when_and_match);
    let messages: Vec<&str> = errors.errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "a rule cannot both be `when` (with its `require`) and `match`",
            "a rule cannot both be `when` (with its `require`) and `assert`",
        ]
    );
    let statement_and_match = "pack: t\nrules:\n  - id: a\n    message: m\n    statement: rate\n    match: 丙\n    assert: \"1 == 1\"\n";
    let errors = errors_of(statement_and_match);
    let messages: Vec<&str> = errors.errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        ["a rule cannot both be `match` (with its `assert`) and `statement`"]
    );
}
