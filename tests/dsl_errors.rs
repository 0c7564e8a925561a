//! Broken packs and the diagnostics they give: every label must sit under the text it names,
//! also after Chinese text, and all semantic errors of a file come in one report.

use miette::{GraphicalReportHandler, GraphicalTheme};
use reportlint::eval::kinds::Check;
use reportlint::eval::load::{self, Form};
use reportlint::pack::dsl::parse_pack;
use reportlint::pack::error::PackErrors;

/// The front end's errors; for a pack it reads, validation's (what a pack means).
fn errors_of(src: &str) -> PackErrors {
    match parse_pack::<Check>("broken.rules", src) {
        Ok(_) => match load::parse("broken.rules", src, Form::Dsl) {
            Ok(pack) => panic!("the pack loaded: {:?}", pack.pack),
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
        .expect("rendering into a String");
    out
}

/// The text under each error's label, in order.
fn labelled(src: &str) -> Vec<String> {
    errors_of(src)
        .errors
        .iter()
        .map(|e| {
            src.get(e.span.clone())
                .expect("span on char boundaries")
                .to_string()
        })
        .collect()
}

fn snapshot(name: &str, src: &str) {
    let rendered = render(&errors_of(src));
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(name, rendered);
    });
}

const SYNTAX_MID_RULE: &str = r#"pack "p"
rule three-systems {
  message "报告未提及三项制度"
  require any("三项制度" "执法公示")
}
"#;

#[test]
fn syntax_error_in_the_middle_of_a_rule() {
    assert_eq!(labelled(SYNTAX_MID_RULE), ["\""]);
    snapshot("dsl_error_syntax_mid_rule", SYNTAX_MID_RULE);
}

const UNTERMINATED: &str = r#"pack "p"
rule first-duty {
  message "未写明第一责任人
  require "第一责任人"
}
"#;

#[test]
fn unterminated_string() {
    assert_eq!(labelled(UNTERMINATED), ["\"未写明第一责任人"]);
    snapshot("dsl_error_unterminated_string", UNTERMINATED);
}

const UNKNOWN_KEYWORD: &str = r#"pack "p"
rule first-duty {
  severty error
  message "未写明第一责任人"
  require "第一责任人"
}
"#;

#[test]
fn unknown_keyword_suggests_the_closest() {
    assert_eq!(labelled(UNKNOWN_KEYWORD), ["severty"]);
    let errors = errors_of(UNKNOWN_KEYWORD);
    assert_eq!(
        errors.errors[0].help.as_deref(),
        Some("did you mean `severity`?")
    );
    snapshot("dsl_error_unknown_keyword", UNKNOWN_KEYWORD);
}

const BAD_SEVERITY: &str = r#"pack "p"
rule first-duty {
  severity fatal
  message "未写明第一责任人"
  require "第一责任人"
}
"#;

#[test]
fn bad_severity_word() {
    assert_eq!(labelled(BAD_SEVERITY), ["fatal"]);
    snapshot("dsl_error_bad_severity", BAD_SEVERITY);
}

const DUPLICATE_ID: &str = r#"pack "p"
rule first-duty {
  message "未写明第一责任人"
  require "第一责任人"
}

rule first-duty {
  message "“第一职责人”应为“第一责任人”"
  forbid "第一职责人" suggest "第一责任人"
}
"#;

#[test]
fn duplicate_rule_id() {
    let errors = errors_of(DUPLICATE_ID);
    assert_eq!(errors.errors.len(), 1);
    assert_eq!(
        errors.errors[0].span.start,
        DUPLICATE_ID.rfind("first-duty").unwrap_or(0)
    );
    snapshot("dsl_error_duplicate_id", DUPLICATE_ID);
}

const MISSING_MESSAGE: &str = r#"pack "p"
rule first-duty {
  severity error
  require "第一责任人"
}
"#;

#[test]
fn missing_message() {
    assert_eq!(labelled(MISSING_MESSAGE), ["first-duty"]);
    snapshot("dsl_error_missing_message", MISSING_MESSAGE);
}

const BAD_NUMBER: &str = r#"pack "p"
rule three-systems {
  message "三项制度至少提及两次"
  require "三项制度" at least 0
}
"#;

#[test]
fn bad_count() {
    assert_eq!(labelled(BAD_NUMBER), ["0"]);
    snapshot("dsl_error_bad_number", BAD_NUMBER);
}

const UNKNOWN_FUNCTION: &str = r#"pack "p"
rule parts {
  message "分项之和超过总数"
  match pattern "共有{total:count}人，其中{parts:counts}"
  assert total(parts) <= total
}
"#;

#[test]
fn unknown_function() {
    assert_eq!(labelled(UNKNOWN_FUNCTION), ["total"]);
    snapshot("dsl_error_unknown_function", UNKNOWN_FUNCTION);
}

const AFTER_CHINESE: &str = r#"pack "p"
rule mediation-rate {
  message "调解成功率与件数不符：受理{total}件，成功{ok}件，报告写{rate}"
  match pattern "受理{total:count}件{…}成功{ok:count}件{…}成功率{达|为}?{rate:percent}"
  assert rate ~= ok / total 1%
}
"#;

#[test]
fn syntax_error_after_chinese_text_is_placed_by_bytes() {
    assert_eq!(labelled(AFTER_CHINESE), ["1"]);
    snapshot("dsl_error_after_chinese", AFTER_CHINESE);
}

const TWO_ERRORS: &str = r#"pack "p"
rule date {
  severity fatal
  message "成文日期应在次年3月31日前"
  assert document.date <= date(report.year + 1, 3)
}

rule numbering {
  message "标题序号不连续"
  headings contiguous
}
"#;

#[test]
fn all_errors_of_a_file_come_together() {
    assert_eq!(
        labelled(TWO_ERRORS),
        ["fatal", "date(report.year + 1, 3)", "contiguous"]
    );
    snapshot("dsl_error_several", TWO_ERRORS);
}

const BAD_ESCAPE: &str = r#"pack "p"
rule doubled-char {
  message "重复用字"
  forbid "法法" suggest "法\q"
}
"#;

#[test]
fn unknown_escape_in_a_string() {
    assert_eq!(labelled(BAD_ESCAPE), ["\\q"]);
    snapshot("dsl_error_bad_escape", BAD_ESCAPE);
}

const TWO_CHECKS: &str = r#"pack "p"
rule first-duty {
  message "未写明第一责任人"
  require "第一责任人"
  forbid "第一职责人"
}
"#;

#[test]
fn a_rule_has_one_check() {
    assert_eq!(labelled(TWO_CHECKS), ["forbid"]);
    snapshot("dsl_error_two_checks", TWO_CHECKS);
}

const NO_PACK_NAME: &str = r#"version "1.0"
rule first-duty {
  message "未写明第一责任人"
  require "第一责任人"
}
"#;

#[test]
fn pack_without_a_name() {
    assert_eq!(labelled(NO_PACK_NAME), [""]);
    snapshot("dsl_error_no_pack_name", NO_PACK_NAME);
}

const UNCLOSED_RULE: &str = r#"pack "p"
rule first-duty {
  message "未写明第一责任人"
  require "第一责任人"
"#;

#[test]
fn rule_without_closing_brace() {
    // The file ends inside the rule: the error names the rule at its opening brace.
    assert_eq!(labelled(UNCLOSED_RULE), ["{"]);
    assert_eq!(
        errors_of(UNCLOSED_RULE).errors[0].message,
        "rule `first-duty` is not closed"
    );
    snapshot("dsl_error_unclosed_rule", UNCLOSED_RULE);
}

const BAD_PAIR: &str = r#"pack "p"
rule pairs {
  message "成对标点不配对"
  paired "《》", "“", "（）"
}
"#;

#[test]
fn paired_marks_come_in_twos() {
    assert_eq!(labelled(BAD_PAIR), ["“"]);
    snapshot("dsl_error_bad_pair", BAD_PAIR);
}

const STRAY_ASSERT: &str = r#"pack "p"
rule first-duty {
  message "未写明第一责任人"
  require "第一责任人"
  assert report.year > 2000
}
"#;

#[test]
fn assert_does_not_go_with_require() {
    assert_eq!(labelled(STRAY_ASSERT), ["assert"]);
    snapshot("dsl_error_stray_assert", STRAY_ASSERT);
}
