//! Everyday slips of pack authors on a Chinese keyboard (fixtures in `tests/fixtures/slips/`):
//! each is either accepted with its evident meaning or reported at the exact place, with
//! what is wrong and how to fix it, and never with a second, bogus error.

use std::path::Path;

use miette::{GraphicalReportHandler, GraphicalTheme};
use reportlint::eval::kinds::Check;
use reportlint::eval::load::{self, Form, ValidPack};
use reportlint::pack::error::PackErrors;

const DIR: &str = "tests/fixtures/slips";

fn read(name: &str) -> (String, Form) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR).join(name);
    let text = std::fs::read_to_string(&path).expect("fixture readable");
    let form = if name.ends_with(".yaml") {
        Form::Yaml
    } else {
        Form::Dsl
    };
    (text, form)
}

fn loaded(name: &str) -> ValidPack {
    let (text, form) = read(name);
    match load::parse(name, &text, form) {
        Ok(pack) => pack,
        Err(errors) => panic!("{name} should load:\n{}", render(&errors)),
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

/// The 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line, column)
}

/// The fixture's only error: its message contains `says`, it starts at `line:column` and
/// underlines `under`; the rendered report is snapshotted.
fn only_error(name: &str, says: &str, at: (usize, usize), under: &str) -> PackErrors {
    let (text, form) = read(name);
    let errors = match load::parse(name, &text, form) {
        Ok(_) => panic!("{name} should not load"),
        Err(errors) => errors,
    };
    let rendered = render(&errors);
    assert_eq!(errors.errors.len(), 1, "one error only:\n{rendered}");
    let error = &errors.errors[0];
    assert!(error.message.contains(says), "{rendered}");
    assert_eq!(line_column(&text, error.span.start), at, "{rendered}");
    assert_eq!(&text[error.span.clone()], under, "{rendered}");
    let snapshot = format!("slip_{}", name.replace(['.', '-'], "_"));
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(snapshot, rendered);
    });
    errors
}

const FULL_WIDTH_COLON: &str = "full-width character “：” where a half-width “:” is expected";

// ------------------------------------------------------------------ full-width punctuation

#[test]
fn full_width_colon_after_a_keyword_is_named() {
    let errors = only_error(
        "keyword-fullwidth-colon.rules",
        FULL_WIDTH_COLON,
        (3, 10),
        "：",
    );
    let help = errors.errors[0].help.as_deref().unwrap_or("");
    assert!(help.contains("message \"…\""), "{help}");
}

#[test]
fn full_width_quotes_around_a_string_are_named() {
    only_error(
        "string-fullwidth-quotes.rules",
        "full-width character ““” where a half-width “\"” is expected",
        (3, 11),
        "“",
    );
}

#[test]
fn full_width_comma_in_a_list_is_named() {
    only_error(
        "list-fullwidth-comma.rules",
        "full-width character “，” where a half-width “,” is expected",
        (4, 21),
        "，",
    );
}

#[test]
fn full_width_parenthesis_is_named() {
    only_error(
        "list-fullwidth-paren.rules",
        "full-width character “（” where a half-width “(” is expected",
        (4, 14),
        "（",
    );
}

#[test]
fn full_width_brace_of_a_rule_is_named() {
    only_error(
        "rule-fullwidth-brace.rules",
        "full-width character “｛” where a half-width “{” is expected",
        (2, 20),
        "｛",
    );
}

/// `any: [三项制度，执法公示]` would look for one text that is never written.
#[test]
fn full_width_comma_in_a_yaml_list_of_matchers_is_named() {
    let errors = only_error(
        "flow-list-fullwidth-comma.yaml",
        "full-width character “，” where a half-width “,” is expected",
        (6, 17),
        "，",
    );
    let help = errors.errors[0].help.as_deref().unwrap_or("");
    assert!(help.contains("put that item in quotes"), "{help}");
}

#[test]
fn full_width_brace_of_a_yaml_map_is_named() {
    only_error(
        "yaml-fullwidth-brace.yaml",
        "full-width character “｛” where a half-width “{” is expected",
        (5, 14),
        "｛",
    );
}

#[test]
fn full_width_bracket_of_a_yaml_list_is_named() {
    only_error(
        "yaml-fullwidth-bracket.yaml",
        "full-width character “［” where a half-width “[” is expected",
        (6, 12),
        "［",
    );
}

/// `90％` after a number can only mean `90%`: accepted, and the rule behaves as with `%`.
#[test]
fn full_width_percent_after_a_number_is_accepted() {
    let pack = loaded("assert-fullwidth-percent.rules");
    let ascii = reportlint::pack::dsl::print_pack(&pack.pack);
    assert!(ascii.contains("assert rate >= 90%"), "{ascii}");
    let again =
        reportlint::pack::dsl::parse_pack::<Check>("again.rules", &ascii).expect("printed parses");
    assert_eq!(
        reportlint::pack::dsl::print_pack(&again),
        ascii,
        "the same rule"
    );
}

/// `key：value` in YAML: the colon after a key can only mean `:`; a `：` inside a value or a
/// block text stays text.
#[test]
fn full_width_colon_after_a_yaml_key_is_accepted() {
    let pack = loaded("key-fullwidth-colon.yaml").pack;
    let rule = &pack.rules[0];
    assert_eq!(rule.id.value, "first-duty");
    assert_eq!(rule.message.value, "未写明第一责任人职责：履职情况");
    assert_eq!(
        rule.examples[0].text.value,
        "镇党委书记：切实履行第一责任人职责。\n"
    );
}

// ------------------------------------------------------------------ pattern placeholders

#[test]
fn placeholder_with_a_full_width_colon_is_an_error() {
    only_error(
        "placeholder-fullwidth-colon.rules",
        FULL_WIDTH_COLON,
        (4, 27),
        "：",
    );
}

#[test]
fn placeholder_with_a_misspelt_type_suggests_the_type() {
    let errors = only_error(
        "placeholder-unknown-type.rules",
        "unknown capture type `percnt`",
        (4, 28),
        "percnt",
    );
    let help = errors.errors[0].help.as_deref().unwrap_or("");
    assert!(help.starts_with("did you mean `percent`?"), "{help}");
}

#[test]
fn placeholder_without_its_colon_is_an_error() {
    let errors = only_error(
        "placeholder-missing-colon.rules",
        "`{rate percent}` is not a placeholder",
        (4, 22),
        "{rate percent}",
    );
    assert_eq!(
        errors.errors[0].help.as_deref(),
        Some("did you mean `{rate:percent}`?")
    );
}

#[test]
fn unclosed_placeholder_is_an_error() {
    only_error(
        "placeholder-unclosed.rules",
        "unclosed `{` in pattern",
        (4, 22),
        "{",
    );
}

#[test]
fn placeholder_in_full_width_braces_is_an_error() {
    only_error(
        "placeholder-fullwidth-braces.yaml",
        "full-width character “｛” where a half-width “{” is expected",
        (6, 20),
        "｛",
    );
}

// ------------------------------------------------------------------ YAML in plain words

#[test]
fn yaml_tab_is_reported_on_its_line_and_shown() {
    let errors = only_error("yaml-tab.yaml", "a tab in the indentation", (5, 1), "\t");
    let help = errors.errors[0].help.as_deref().unwrap_or("");
    assert!(help.contains("`→require: 第一责任人`"), "{help}");
    assert!(
        help.contains("YAML parser:"),
        "the parser's words stay: {help}"
    );
}

#[test]
fn yaml_colon_inside_a_text_is_explained() {
    let errors = only_error(
        "yaml-colon-in-text.yaml",
        "a `: ` (colon and space) where no new key can start",
        (4, 17),
        ":",
    );
    let help = errors.errors[0].help.as_deref().unwrap_or("");
    assert!(help.contains("put the whole value in quotes"), "{help}");
    assert!(
        help.contains("mapping values are not allowed in this context"),
        "{help}"
    );
}

#[test]
fn yaml_bad_indentation_is_explained() {
    let errors = only_error(
        "yaml-indent.yaml",
        "this line is not indented like the lines above it",
        (5, 4),
        "r",
    );
    let help = errors.errors[0].help.as_deref().unwrap_or("");
    assert!(help.contains("same column"), "{help}");
}

// ------------------------------------------------------------------ rules not closed

#[test]
fn missing_brace_names_the_rule_that_is_not_closed() {
    let errors = only_error(
        "rule-not-closed.rules",
        "rule `first-duty` is not closed",
        (3, 17),
        "{",
    );
    let (text, _) = read("rule-not-closed.rules");
    let also = &errors.errors[0].also;
    assert_eq!(also.len(), 1);
    assert_eq!(line_column(&text, also[0].0.start), (7, 1));
    assert_eq!(also[0].1, "the next rule starts here");
}

#[test]
fn missing_brace_at_the_end_of_the_file_names_the_rule() {
    only_error(
        "rule-not-closed-at-end.rules",
        "rule `first-duty` is not closed",
        (3, 17),
        "{",
    );
}

// ------------------------------------------------------------------ no second error

#[test]
fn refused_yaml_rule_gives_one_error_only() {
    let errors = only_error(
        "refused-only-rule.yaml",
        "unknown key `requir` in a rule",
        (5, 5),
        "requir",
    );
    assert_eq!(
        errors.errors[0].help.as_deref(),
        Some("did you mean `require`?")
    );
}

#[test]
fn refused_dsl_rule_gives_one_error_only() {
    only_error(
        "refused-only-rule.rules",
        "unknown severity `fatal`",
        (3, 12),
        "fatal",
    );
}

// ------------------------------------------------------------------ fmt

/// The comments of a text, in order, each with the code before it on its line.
fn comment_lines(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let at = line.find("//").or_else(|| line.find(" # "))?;
            Some(line[at..].trim().to_string())
        })
        .collect()
}

#[test]
fn fmt_keeps_each_comment_where_it_was_and_wraps_long_lists() {
    let (source, _) = read("fmt-comments.rules");
    let pack = reportlint::pack::dsl::parse_pack("fmt-comments.rules", &source).expect("parses");
    let formatted = reportlint::cli::packs::format_dsl(&pack, &source);
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("slip_fmt_comments", formatted);
    });
    // Every comment, in the same order; those at a line's end stay at the end of that line.
    assert_eq!(comment_lines(&formatted), comment_lines(&source));
    for kept in [
        "pack \"乡镇年报检查\" // 包名与督察通知一致",
        "rule three-systems { // 三项制度",
        "  message \"报告未提及行政执法三项制度\" // 用语与督察通报一致",
        "  ) in body // 只看正文",
        "  fail \"加强执法队伍建设。\" # 反例",
        "  // 以下为示例\n  pass \"全面推行行政执法三项制度。\"",
        "  // 任一写法即可\n  require any(\n",
        "  // 规则到此为止\n}",
        "  sections ordered { // 按督察要求的顺序\n    // 第一部分\n    \"主要举措和成效\"",
        "\"工作情况\"), // 正文\n",
        "    // 最后一部分\n  }\n}",
        "  let computed = done / total // 按件数计算\n",
        "  assert rate ~= computed within 1% # 允许一个百分点\n",
    ] {
        assert!(formatted.contains(kept), "{kept:?} in:\n{formatted}");
    }
    // Long lists are wrapped: no line passes 100 columns.
    let width = |line: &str| unicode_width::UnicodeWidthStr::width(line);
    assert!(formatted.lines().all(|l| width(l) <= 100), "{formatted}");
    // fmt twice gives the same text; the pack means the same.
    let again = reportlint::pack::dsl::parse_pack("again.rules", &formatted).expect("parses");
    assert_eq!(
        reportlint::cli::packs::format_dsl(&again, &formatted),
        formatted
    );
    assert!(
        loaded("fmt-comments.rules")
            == load::parse("f.rules", &formatted, Form::Dsl).expect("loads")
    );
    // convert: DSL → YAML → DSL prints the same pack.
    let yaml = reportlint::pack::yaml::print_pack(&pack);
    let back =
        reportlint::pack::yaml::parse_pack::<Check>("back.yaml", &yaml).expect("YAML parses");
    assert_eq!(
        reportlint::pack::dsl::print_pack(&back),
        reportlint::pack::dsl::print_pack(&pack)
    );
}
