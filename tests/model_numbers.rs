//! Number recognition as specified for rule authors: values, approximation, percentages with
//! their written precision, and the phrases that must never be read as counts.

use proptest::prelude::*;
use reportlint::model::numbers::{chinese_numeral_value, parse_number, recognise};
use reportlint::model::QuantityKind;

const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// Writes a number below 一万 the standard way; `leading` drops the 一 of 一十 at the start.
fn write_below_wan(n: u64, leading: bool) -> String {
    let places = [(1000, "千"), (100, "百"), (10, "十"), (1, "")];
    let mut out = String::new();
    let mut zero_pending = false;
    for (unit, name) in places {
        let d = (n / unit % 10) as usize;
        if d == 0 {
            zero_pending = !out.is_empty();
            continue;
        }
        if zero_pending {
            out.push('零');
            zero_pending = false;
        }
        if !(leading && out.is_empty() && unit == 10 && d == 1) {
            out.push_str(DIGITS[d]);
        }
        out.push_str(name);
    }
    out
}

/// Writes 0 ..= 99 999 999 as a Chinese numeral: 一千零五十万零三百, 十万, 一万零一十.
fn write_chinese(n: u64) -> String {
    if n == 0 {
        return "零".to_string();
    }
    let high = n / 10_000;
    let low = n % 10_000;
    if high == 0 {
        return write_below_wan(low, true);
    }
    let mut out = write_below_wan(high, true);
    out.push('万');
    if low > 0 {
        if low < 1000 {
            out.push('零');
        }
        out.push_str(&write_below_wan(low, false));
    }
    out
}

#[test]
fn the_numeral_writer_writes_the_standard_forms() {
    assert_eq!(write_chinese(0), "零");
    assert_eq!(write_chinese(10), "十");
    assert_eq!(write_chinese(18), "十八");
    assert_eq!(write_chinese(110), "一百一十");
    assert_eq!(write_chinese(3052), "三千零五十二");
    assert_eq!(write_chinese(10_010), "一万零一十");
    assert_eq!(write_chinese(100_000), "十万");
    assert_eq!(write_chinese(10_001_000), "一千万一千");
    assert_eq!(write_chinese(10_000_100), "一千万零一百");
}

#[test]
fn every_numeral_up_to_a_hundred_thousand_and_each_wan_group_parses_back() {
    for n in (0..=100_000u64).chain((0..=9_999u64).map(|h| h * 10_000 + 1)) {
        let written = write_chinese(n);
        assert_eq!(chinese_numeral_value(&written), Some(n), "{written}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn every_chinese_numeral_parses_back(n in 0u64..=99_999_999) {
        let written = write_chinese(n);
        prop_assert_eq!(chinese_numeral_value(&written), Some(n), "{}", written);
        let parsed = parse_number(&written);
        prop_assert_eq!(parsed.map(|p| p.value), Some(n as f64), "{}", written);
    }

    #[test]
    fn chinese_counts_are_found_in_prose(n in 2u64..=99_999_999) {
        let text = format!("全年开展{}次活动", write_chinese(n));
        let found = recognise(&text);
        prop_assert_eq!(found.len(), 1);
        prop_assert_eq!(found[0].value, n as f64);
        prop_assert_eq!(found[0].kind, QuantityKind::Count);
    }

    #[test]
    fn arabic_counts_keep_their_value(n in 0u64..=9_999_999) {
        let text = format!("共受理{n}件");
        let found = recognise(&text);
        prop_assert_eq!(found.len(), 1);
        prop_assert_eq!(found[0].value, n as f64);
        prop_assert_eq!(&text[found[0].span.clone()], n.to_string());
    }

    #[test]
    fn recognition_never_panics(text in "\\PC{0,80}") {
        let _ = recognise(&text);
        let _ = parse_number(&text);
    }
}

#[test]
fn whole_tokens_parse_as_written() {
    let cases: &[(&str, f64, bool, u8, bool)] = &[
        ("288", 288.0, false, 0, false),
        ("1,234", 1234.0, false, 0, false),
        ("12,345,678", 12_345_678.0, false, 0, false),
        ("97.67%", 0.9767, false, 2, true),
        ("17.20%", 0.172, false, 2, true),
        ("99％", 0.99, false, 0, true),
        ("百分之九十九", 0.99, false, 0, true),
        ("百分之百", 1.0, false, 0, true),
        ("二〇二四", 2024.0, false, 0, false),
        ("一百二十", 120.0, false, 0, false),
        ("两", 2.0, false, 0, false),
        ("2万余", 20_000.0, true, 0, false),
        ("20余万", 200_000.0, true, 0, false),
        ("1.5亿", 150_000_000.0, false, 1, false),
        ("约120", 120.0, true, 0, false),
        ("13000多", 13_000.0, true, 0, false),
        ("超13000多", 13_000.0, true, 0, false),
        ("不少于20", 20.0, true, 0, false),
        ("100左右", 100.0, true, 0, false),
        ("１２０", 120.0, false, 0, false),
    ];
    for &(token, value, approx, decimals, percent) in cases {
        let parsed = parse_number(token);
        assert_eq!(
            parsed.map(|p| (p.value, p.approx, p.decimals, p.percent)),
            Some((value, approx, decimals, percent)),
            "{token}"
        );
    }
    for token in ["", "年", "12a", "一一", "1.2.3", "百"] {
        assert_eq!(parse_number(token), None, "{token}");
    }
}

/// (text, number as written, value, kind, approx, unit)
fn quantities(text: &str) -> Vec<(String, f64, QuantityKind, bool, Option<String>)> {
    recognise(text)
        .into_iter()
        .map(|q| (text[q.span].to_string(), q.value, q.kind, q.approx, q.unit))
        .collect()
}

fn q(
    written: &str,
    value: f64,
    kind: QuantityKind,
    approx: bool,
    unit: Option<&str>,
) -> (String, f64, QuantityKind, bool, Option<String>) {
    (
        written.to_string(),
        value,
        kind,
        approx,
        unit.map(str::to_string),
    )
}

#[test]
fn counts_amounts_and_percentages_in_prose() {
    use QuantityKind::*;
    assert_eq!(
        quantities("共受理纠纷290件，调解成功288件，调解成功率达99%，涉及金额505万余元。"),
        vec![
            q("290", 290.0, Count, false, Some("件")),
            q("288", 288.0, Count, false, Some("件")),
            q("99%", 0.99, Percent, false, None),
            q("505万余", 5_050_000.0, Amount, true, Some("元")),
        ]
    );
    assert_eq!(
        quantities("开展五次学习会议，两次专题研讨，设立十八个工作站，培训一百二十名干部。"),
        vec![
            q("五", 5.0, Count, false, Some("次")),
            q("两", 2.0, Count, false, Some("次")),
            q("十八", 18.0, Count, false, Some("个")),
            q("一百二十", 120.0, Count, false, Some("名")),
        ]
    );
    assert_eq!(
        quantities("接待来访群众231批566人次，同比下降17.20%，冻结金额1.5亿元。"),
        vec![
            q("231", 231.0, Count, false, Some("批")),
            q("566", 566.0, Count, false, Some("人次")),
            q("17.20%", 0.172, Percent, false, None),
            q("1.5亿", 150_000_000.0, Amount, false, Some("元")),
        ]
    );
}

#[test]
fn approximation_markers_before_and_after() {
    use QuantityKind::*;
    assert_eq!(
        quantities("发放资料2万余份，惠及群众超13000多人次，约120名志愿者参与，近30场活动，每队不少于20人，累计300人以上，二十余次，三四个村"),
        vec![
            q("2万余", 20_000.0, Count, true, Some("份")),
            q("超13000多", 13_000.0, Count, true, Some("人次")),
            q("约120", 120.0, Count, true, Some("名")),
            q("近30", 30.0, Count, true, Some("场")),
            q("不少于20", 20.0, Count, true, Some("人")),
            q("300", 300.0, Count, true, Some("人")),
            q("二十余", 20.0, Count, true, Some("次")),
            q("三四", 3.0, Count, true, Some("个")),
        ]
    );
}

#[test]
fn ranges_share_the_unit_of_their_end() {
    use QuantityKind::*;
    assert_eq!(
        quantities("每次3-5人，占比15%～30%"),
        vec![
            q("3", 3.0, Count, false, Some("人")),
            q("5", 5.0, Count, false, Some("人")),
            q("15%", 0.15, Percent, false, None),
            q("30%", 0.3, Percent, false, None),
        ]
    );
}

#[test]
fn zero_is_a_count() {
    assert_eq!(
        quantities("本年度制发行政规范性文件0件数"),
        vec![q("0", 0.0, QuantityKind::Count, false, Some("件"))]
    );
}

#[test]
fn years_dates_identifiers_and_fixed_expressions_are_not_counts() {
    let phrases = [
        "2024年",
        "2023年度",
        "二〇二四年",
        "2025年2月11日",
        "2024-03-28",
        "2024/3/28",
        "今年1-12月份",
        "《法治政府建设实施纲要(2021-2025年)》",
        "12345热线",
        "12345市长热线平台",
        "“6.26国际禁毒日”",
        "“12·4”国家宪法日",
        "第四批重复信访案件",
        "第1名",
        "工作通知〔2020〕113号",
        "一案一策一专班",
        "一村一法律顾问",
        "一是重视到位。二是部署到位。",
        "健全行政执法三项制度",
        "落实信访工作五个法治化",
        "构建“五个一”服务模式",
        "“八五”普法",
        "党的二十大精神",
        "二十届三中全会",
        "为依法行政创造一个良好的法律环境",
        "1、主要举措",
        "2.推进政务公开",
        "（1）法治人才",
        "5G网络",
        "索引号/2024-00009",
        "每周二、周四提供咨询",
        "在微信群零报告",
        "《企业法律风险防范62则》",
        "十分重视",
    ];
    for phrase in phrases {
        let counts: Vec<_> = recognise(phrase)
            .into_iter()
            .filter(|q| q.kind == QuantityKind::Count)
            .map(|q| phrase[q.span].to_string())
            .collect();
        assert!(counts.is_empty(), "{phrase}: {counts:?}");
    }
}

#[test]
fn spans_point_at_the_number_and_the_unit() {
    let text = "共有工作人员22人,其中16名干部取得执法证";
    let found = recognise(text);
    assert_eq!(found.len(), 2);
    let first = &found[0];
    assert_eq!(&text[first.span.clone()], "22");
    assert_eq!(first.unit_span.clone().map(|s| &text[s]), Some("人"));
    assert_eq!(first.decimals, 0);
}
