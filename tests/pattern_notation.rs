//! The typed-capture pattern notation: what patterns match, what captures hold, and how
//! mistakes in a pattern are reported.

use reportlint::pack::pattern::{capture_value, compile, compile_regex, CaptureType, RegexSearch};
use reportlint::pack::values::Value;

fn captures(pattern: &str, text: &str) -> Vec<Vec<(String, String)>> {
    let compiled = compile(pattern, 0).expect("pattern compiles");
    compiled
        .find_iter(text)
        .map(|m| {
            m.captures
                .iter()
                .map(|c| {
                    let raw = c
                        .text
                        .as_ref()
                        .map_or("<none>".to_string(), |t| t.raw.clone());
                    (c.name.clone(), raw)
                })
                .collect()
        })
        .collect()
}

fn number(value: f64, decimals: u8) -> Value {
    Value::written(value, decimals)
}

fn approx(value: f64, decimals: i16) -> Value {
    Value::Number {
        value,
        approx: true,
        decimals: Some(decimals),
        percent: false,
    }
}

fn percent(value: f64, decimals: i16) -> Value {
    Value::Number {
        value,
        approx: false,
        decimals: Some(decimals),
        percent: true,
    }
}

fn pair(name: &str, raw: &str) -> (String, String) {
    (name.to_string(), raw.to_string())
}

#[test]
fn success_rate_pattern_captures_total_ok_and_rate() {
    let pattern = "受理{total:count}件{…}成功{ok:count}件{…}成功率{达|为}?{rate:percent}";
    let text = "全年共受理290件矛盾纠纷，其中调解成功288件，调解成功率达99.31%。";
    assert_eq!(
        captures(pattern, text),
        vec![vec![
            pair("total", "290"),
            pair("ok", "288"),
            pair("rate", "99.31%")
        ]]
    );
}

#[test]
fn gaps_do_not_cross_a_sentence_end() {
    let pattern = "受理{total:count}件{…}成功率{rate:percent}";
    let text = "受理案件12件。全年调解成功率为95%。";
    assert!(captures(pattern, text).is_empty());
}

#[test]
fn literal_text_is_not_a_regex() {
    let compiled = compile("(一).", 0).expect("compiles");
    assert_eq!(compiled.find_iter("见(一).处").count(), 1);
    assert_eq!(compiled.find_iter("一x").count(), 0);
}

#[test]
fn a_count_never_starts_inside_a_longer_number() {
    assert_eq!(
        captures("{n:count}件", "办结12.5件"),
        Vec::<Vec<(String, String)>>::new()
    );
    assert_eq!(
        captures("{n:count}件", "办结1234件"),
        vec![vec![pair("n", "1234")]]
    );
    assert_eq!(
        captures("{n:count}人", "共二十人"),
        vec![vec![pair("n", "二十")]]
    );
}

#[test]
fn a_count_never_ends_inside_a_longer_number() {
    // `{a:count}{b:count}` could split 1234 in two; the boundary check rejects that split.
    assert_eq!(
        captures("第{a:count}", "第12,345号"),
        vec![vec![pair("a", "12,345")]]
    );
    assert_eq!(
        captures("{a:count}1", "共121"),
        Vec::<Vec<(String, String)>>::new()
    );
}

#[test]
fn approximation_markers_belong_to_the_count() {
    assert_eq!(
        captures("办理{n:count}起", "办理120余起"),
        vec![vec![pair("n", "120余")]]
    );
    assert_eq!(
        captures("办理{n:count}起", "办理约120起"),
        vec![vec![pair("n", "约120")]]
    );
}

#[test]
fn counts_collect_every_count_with_the_unit_to_the_sentence_end() {
    let pattern = "共有{total:count}人，其中{parts:counts(人)}";
    let text = "法制机构共有22人，其中公务员11人、事业编制9人、工勤1人、其他1人，平均年龄40岁。";
    let compiled = compile(pattern, 0).expect("compiles");
    let found: Vec<_> = compiled.find_iter(text).collect();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].value("total"), Some(number(22.0, 0)));
    assert_eq!(
        found[0].value("parts"),
        Some(Value::List(vec![
            number(11.0, 0),
            number(9.0, 0),
            number(1.0, 0),
            number(1.0, 0)
        ]))
    );
}

#[test]
fn counts_stop_at_the_literal_that_follows() {
    let pattern = "其中{parts:counts}，合计";
    let text = "其中一季度3件、二季度5件，合计8件";
    let compiled = compile(pattern, 0).expect("compiles");
    let found: Vec<_> = compiled.find_iter(text).collect();
    assert_eq!(found.len(), 1);
    // Without a unit every count counts, Chinese numerals included.
    assert_eq!(
        found[0].value("parts"),
        Some(Value::List(vec![
            number(1.0, 0),
            number(3.0, 0),
            number(2.0, 0),
            number(5.0, 0)
        ]))
    );
}

#[test]
fn optional_captures_and_alternatives() {
    let pattern = "出庭{率|比例}{为|达}?{rate:percent}?";
    assert_eq!(
        captures(pattern, "负责人出庭率达100%"),
        vec![vec![pair("rate", "100%")]]
    );
    assert_eq!(
        captures(pattern, "出庭比例较高"),
        vec![vec![pair("rate", "<none>")]]
    );
}

#[test]
fn escaped_braces_are_literal() {
    assert_eq!(
        compile("{{注}}", 0)
            .expect("compiles")
            .find_iter("见{注}")
            .count(),
        1
    );
}

#[test]
fn years_and_dates_in_every_written_form() {
    assert_eq!(
        captures("{y:year}", "二〇二四年"),
        vec![vec![pair("y", "二〇二四年")]]
    );
    for (text, expected) in [
        ("2025年2月11日", (2025, 2, 11)),
        ("2024-03-28", (2024, 3, 28)),
        ("2024.3.28", (2024, 3, 28)),
        ("二〇二五年二月十一日", (2025, 2, 11)),
    ] {
        let found = captures("{d:date}", text);
        assert_eq!(found, vec![vec![pair("d", text)]], "{text}");
        let (year, month, day) = expected;
        assert_eq!(
            capture_value(&CaptureType::Date, text),
            Some(Value::Date { year, month, day })
        );
    }
    assert_eq!(capture_value(&CaptureType::Date, "2024年2月30日"), None);
}

#[test]
fn capture_values_read_numbers_as_written() {
    let count = CaptureType::Count;
    assert_eq!(capture_value(&count, "288"), Some(number(288.0, 0)));
    assert_eq!(capture_value(&count, "1,234"), Some(number(1234.0, 0)));
    assert_eq!(capture_value(&count, "2万"), Some(number(20000.0, 0)));
    // Rounded to 0.1万: exact, with precision -3 (±500), not approximate.
    assert_eq!(
        capture_value(&count, "2.3万"),
        Some(Value::Number {
            value: 23000.0,
            approx: false,
            decimals: Some(-3),
            percent: false
        })
    );
    assert_eq!(capture_value(&count, "五"), Some(number(5.0, 0)));
    assert_eq!(capture_value(&count, "十八"), Some(number(18.0, 0)));
    assert_eq!(capture_value(&count, "一百二十"), Some(number(120.0, 0)));
    assert_eq!(capture_value(&count, "两万三千"), Some(number(23000.0, 0)));
    assert_eq!(capture_value(&count, "120余"), Some(approx(120.0, 0)));
    assert_eq!(capture_value(&count, "近300"), Some(approx(300.0, 0)));
    assert_eq!(
        capture_value(&CaptureType::Percent, "99%"),
        Some(percent(0.99, 0))
    );
    assert_eq!(
        capture_value(&CaptureType::Percent, "97.67％"),
        Some(percent(0.9767, 2))
    );
    assert_eq!(
        capture_value(&CaptureType::Percent, "百分之九十九"),
        Some(percent(0.99, 0))
    );
    assert_eq!(
        capture_value(&CaptureType::Amount, "12.5万元"),
        Some(Value::Number {
            value: 125000.0,
            approx: false,
            decimals: Some(-3),
            percent: false
        })
    );
    assert_eq!(
        capture_value(&CaptureType::Number, "3.25"),
        Some(number(3.25, 2))
    );
    assert_eq!(
        capture_value(&CaptureType::Year, "2024年"),
        Some(number(2024.0, 0))
    );
    assert_eq!(capture_value(&count, "很多"), None);
}

#[test]
fn errors_point_at_the_bad_placeholder() {
    // The pattern starts at byte 10 of an imagined pack file.
    let src = "共{n:cnt}件{:count}{n:count}{x}{a||b}{…";
    let errors = compile(src, 10).expect_err("broken pattern");
    let shown: Vec<(String, &str)> = errors
        .iter()
        .map(|e| (e.message.clone(), &src[e.span.start - 10..e.span.end - 10]))
        .collect();
    assert_eq!(
        shown,
        vec![
            ("unknown capture type `cnt`".to_string(), "cnt"),
            ("capture without a name".to_string(), "{:count}"),
            ("capture `x` has no type".to_string(), "{x}"),
            ("empty alternative in pattern".to_string(), "{a||b}"),
            ("unclosed `{` in pattern".to_string(), "{"),
        ]
    );
    let dup = compile("{n:count}和{n:count}", 0).expect_err("duplicate");
    assert_eq!(dup[0].message, "capture `n` is defined twice");
    assert_eq!(
        dup[0].span,
        "{n:count}和".len().."{n:count}和{n:count}".len()
    );
}

#[test]
fn a_pattern_stays_in_one_sentence_and_must_not_match_nothing() {
    let errors = compile("成效。{…}问题", 0).expect_err("two sentences");
    assert_eq!(errors[0].message, "a pattern stays inside one sentence");
    assert!(compile("工作成效。", 0).is_ok());
    assert_eq!(
        compile("{…}{a|b}?", 0).expect_err("empty")[0].message,
        "this pattern matches empty text"
    );
}

#[test]
fn raw_regexes_report_the_regex_crates_message_on_the_bad_part() {
    let err = compile_regex("法治(建设", 100).expect_err("unclosed group");
    assert_eq!(err.message, "invalid regex: unclosed group");
    assert_eq!(err.span, 106..107);
    let err = compile_regex("a{2,1}", 0).expect_err("bad repetition");
    assert!(err.message.starts_with("invalid regex:"), "{}", err.message);
}

#[test]
fn raw_regexes_with_back_references_run_on_the_backtracking_engine() {
    let doubled = compile_regex(r"(\p{Han})\1", 0).expect("back-reference is allowed");
    assert!(matches!(doubled.search(), RegexSearch::Backtracking(_)));
    let found = doubled.matches("推进法法治建设").expect("runs");
    assert_eq!(found.len(), 1);
    assert_eq!(&"推进法法治建设"[found[0].span.clone()], "法法");
    let plain = compile_regex(r"(?P<n>\d+)件", 0).expect("compiles");
    let found = plain.matches("办结15件").expect("runs");
    assert_eq!(found[0].value("n"), Some(number(15.0, 0)));
}

#[test]
fn pattern_errors_render_on_the_placeholder_in_the_rule_file() {
    let source =
        "rule success-rate\n  match \"受理{total:count}件{…}成功{ok:cuont}件{…}{rate}{达||为}\"\n";
    let start = source.find('"').expect("quote") + 1;
    let end = source.rfind('"').expect("quote");
    let errors = compile(&source[start..end], start).expect_err("broken pattern");
    let report = reportlint::pack::error::PackErrors::new("rate.rules", source, errors);
    let mut out = String::new();
    miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
        .with_width(100)
        .render_report(&mut out, &report)
        .expect("rendering to a string");
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("pattern_notation_errors", out);
    });
}

mod never_panics {
    use proptest::prelude::*;
    use reportlint::pack::pattern::{capture_value, compile, CaptureType};

    proptest! {
        #[test]
        fn searching_any_text_never_panics(text in "[0-9一二十百万.,，。、约余%人件其中共有 a-z]{0,40}") {
            let pattern = compile("{a:count}{…}{b:percent}", 0).expect("compiles");
            for found in pattern.find_iter(&text) {
                prop_assert!(text.get(found.span.clone()).is_some());
            }
            let counts = compile("共有{t:count}人，其中{p:counts(人)}", 0).expect("compiles");
            for found in counts.find_iter(&text) {
                let _ = found.value("p");
            }
        }

        #[test]
        fn compiling_any_pattern_never_panics(src in "[{}:|?…a-z计数。]{0,20}") {
            let _ = compile(&src, 0);
        }

        #[test]
        fn reading_any_capture_never_panics(raw in "[0-9一二两十百千万亿点.,%约余年月日-]{0,16}") {
            for ty in [CaptureType::Count, CaptureType::Percent, CaptureType::Amount,
                       CaptureType::Number, CaptureType::Year, CaptureType::Date] {
                let _ = capture_value(&ty, &raw);
            }
        }
    }
}
