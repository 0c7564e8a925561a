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
    let cases: &[(&str, f64, bool, i16, bool)] = &[
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
        ("1.5亿", 150_000_000.0, false, -7, false),
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
fn ranges_share_the_unit_of_their_end_and_are_approximate() {
    use QuantityKind::*;
    assert_eq!(
        quantities("每次3-5人，占比15%～30%"),
        vec![
            q("3", 3.0, Count, true, Some("人")),
            q("5", 5.0, Count, true, Some("人")),
            q("15%", 0.15, Percent, true, None),
            q("30%", 0.3, Percent, true, None),
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

// ---------------------------------------------------------------------------------------
// One number reader: every form, and pattern captures reading what the model reads

use reportlint::pack::pattern::compile;
use reportlint::pack::values::Value;

/// The one quantity recognised in `text` whose written number is `figure`.
fn model_figure(text: &str, figure: &str) -> (f64, bool, i64, bool) {
    model_figure_if_any(text, figure).unwrap_or_else(|| {
        panic!(
            "{text}: expected one quantity for {figure}: {:?}",
            recognise(text)
        )
    })
}

fn model_figure_if_any(text: &str, figure: &str) -> Option<(f64, bool, i64, bool)> {
    let found: Vec<_> = recognise(text)
        .into_iter()
        .filter(|q| text[q.span.clone()].contains(figure) || figure.contains(&text[q.span.clone()]))
        .collect();
    let [q] = found.as_slice() else {
        return None;
    };
    Some((
        q.value,
        q.approx,
        i64::from(q.decimals),
        q.kind == QuantityKind::Percent,
    ))
}

/// What a pattern capture reads for the figure matched by `pattern` in `text`; `None` when
/// the pattern does not match or the capture has no number.
fn captured_figure(text: &str, pattern: &str) -> Option<(f64, bool, i64, bool)> {
    let compiled = compile(pattern, 0).unwrap_or_else(|e| panic!("{pattern}: {e:?}"));
    match compiled.find_iter(text).next()?.value("n") {
        Some(Value::Number {
            value,
            approx,
            decimals,
            percent,
        }) => Some((value, approx, decimals.map_or(-99, i64::from), percent)),
        _ => None,
    }
}

#[test]
fn each_form_reads_with_its_value_approximation_and_precision() {
    // (sentence, figure as recognised, value, approx, precision, percent)
    let cases: &[(&str, &str, f64, bool, i64, bool)] = &[
        // Approximation words before and after.
        (
            "共排查矛盾纠纷不少于120件。",
            "不少于120",
            120.0,
            true,
            0,
            false,
        ),
        (
            "参训人员不低于300人次。",
            "不低于300",
            300.0,
            true,
            0,
            false,
        ),
        ("开展普法活动约45场。", "约45", 45.0, true, 0, false),
        (
            "覆盖群众超过1.2万人。",
            "超过1.2万",
            12_000.0,
            true,
            -3,
            false,
        ),
        ("发放资料近8000份。", "近8000", 8000.0, true, 0, false),
        ("接待来访群众逾600人次。", "逾600", 600.0, true, 0, false),
        ("培训将近200人。", "将近200", 200.0, true, 0, false),
        ("化解纠纷接近90件。", "接近90", 90.0, true, 0, false),
        ("受益群众大约3000人。", "大约3000", 3000.0, true, 0, false),
        ("办理案件120余件。", "120余", 120.0, true, 0, false),
        ("开展宣传300多场。", "300多", 300.0, true, 0, false),
        ("参与群众500人左右。", "500", 500.0, true, 0, false),
        ("每场参加50人以上。", "50", 50.0, true, 0, false),
        ("每期学员40人上下。", "40", 40.0, true, 0, false),
        // Ranges, Arabic and Chinese.
        ("每村配备3-5个调解员。", "3", 3.0, true, 0, false),
        ("每村配备三至五个调解员。", "五", 5.0, true, 0, false),
        // Neighbouring numerals, 十几, 二十多, 几十.
        ("走访三四个村。", "三四", 3.0, true, 0, false),
        ("组建十几个调解小组。", "十几", 10.0, true, 0, false),
        ("选派二十多名律师。", "二十多", 20.0, true, 0, false),
        ("联系几十个部门。", "几十", 10.0, true, 0, false),
        ("发动两三千人参与。", "两三千", 2000.0, true, 0, false),
        // 万 / 亿 with a fraction: exact, rounded to its last digit.
        ("全年办理2.3万件。", "2.3万", 23_000.0, false, -3, false),
        (
            "投入经费1.25亿元。",
            "1.25亿",
            125_000_000.0,
            false,
            -6,
            false,
        ),
        ("发放手册2万份。", "2万", 20_000.0, false, 0, false),
        // Chinese numerals with 〇 and 两.
        ("聘请两千名志愿者。", "两千", 2000.0, false, 0, false),
        ("培训一千〇五十人。", "一千〇五十", 1050.0, false, 0, false),
        ("举办两场讲座。", "两", 2.0, false, 0, false),
        // 百分之, full-width digits.
        ("知晓率达百分之九十。", "百分之九十", 0.9, false, 0, true),
        (
            "满意率为百分之九十五点五。",
            "百分之九十五点五",
            0.955,
            false,
            1,
            true,
        ),
        ("受理１２３件。", "１２３", 123.0, false, 0, false),
        ("办结率９８．５％。", "９８．５％", 0.985, false, 1, true),
    ];
    for &(text, figure, value, approx, precision, percent) in cases {
        let (v, a, p, pc) = model_figure(text, figure);
        assert!((v - value).abs() < 1e-9, "{text}: value {v}");
        assert_eq!((a, p, pc), (approx, precision, percent), "{text}");
    }
}

#[test]
fn non_quantities_stay_non_quantities() {
    for text in [
        "2024年全面推进依法行政。",
        "开通12345热线。",
        "开展6.26国际禁毒日宣传。",
        "印发〔2023〕15号文件。",
        "1-12月份累计受理。",
        "入选第四批示范乡镇。",
        "二〇二四年工作安排。",
        "落实“八五”普法规划。",
    ] {
        assert_eq!(recognise(text), vec![], "{text}");
    }
}

/// Sixty figures in sentences in the style of township reports; the pattern that captures
/// the figure as `n` follows each.
const FIGURES: &[(&str, &str, &str)] = &[
    (
        "全年共受理行政复议案件不少于120件，均依法办结。",
        "{n:count}件",
        "不少于120",
    ),
    ("走访三四个村了解群众诉求。", "{n:count}个", "三四"),
    ("全年办理各类政务服务事项2.3万件。", "{n:count}件", "2.3万"),
    (
        "共调解矛盾纠纷290件，调解成功288件。",
        "{n:count}件，",
        "290",
    ),
    ("开展法治宣传活动120余场次。", "{n:count}场次", "120余"),
    ("发放宣传资料13000多份。", "{n:count}份", "13000多"),
    ("惠及群众超13000人次。", "{n:count}人次", "超13000"),
    ("组织执法人员培训约45场。", "{n:count}场", "约45"),
    ("接待来访群众近600人次。", "{n:count}人次", "近600"),
    ("全镇18个村委会均建立法律服务站。", "{n:count}个", "18"),
    ("聘请法律顾问两名。", "{n:count}名", "两"),
    ("组建调解小组十几个。", "{n:count}个", "十几"),
    ("选派二十多名律师参与接访。", "{n:count}名", "二十多"),
    ("联系几十个部门开展联合执法。", "{n:count}个", "几十"),
    ("每村配备3-5个调解员。", "{n:count}个", "5"),
    ("每村配备三至五个调解员。", "{n:count}个", "五"),
    ("审查规范性文件不低于30件。", "{n:count}件", "不低于30"),
    ("每场参加群众50人以上。", "{n:count}人", "50"),
    ("参与群众500人左右。", "{n:count}人", "500"),
    ("每期培训学员40人上下。", "{n:count}人", "40"),
    ("聘请两千名志愿者参与普法。", "{n:count}名", "两千"),
    (
        "培训执法人员一千〇五十人次。",
        "{n:count}人次",
        "一千〇五十",
    ),
    ("受理行政许可１２３件。", "{n:count}件", "１２３"),
    (
        "全年共受理二〇二四号以外案件二十件。",
        "{n:count}件",
        "二十",
    ),
    ("办结信访事项1,234件。", "{n:count}件", "1,234"),
    ("累计培训2万人次。", "{n:count}人次", "2万"),
    ("全年受理20余万件。", "{n:count}件", "20余万"),
    ("排查矛盾隐患九十四件。", "{n:count}件", "九十四"),
    ("开展专项检查二十次。", "{n:count}次", "二十"),
    ("发动两三千人参与。", "{n:count}人", "两三千"),
    ("开展送法下乡七八十场。", "{n:count}场", "七八十"),
    (
        "办理法律援助案件逾百件，其中刑事案件逾60件。",
        "{n:count}件。",
        "逾60",
    ),
    ("受理案件将近200件。", "{n:count}件", "将近200"),
    ("化解纠纷接近90件。", "{n:count}件", "接近90"),
    ("受益群众大约3000人。", "{n:count}人", "大约3000"),
    ("举办讲座超过15场。", "{n:count}场", "超过15"),
    ("调解成功率达99%。", "{n:percent}", "99%"),
    ("办结率为97.67%。", "{n:percent}", "97.67%"),
    ("知晓率达到百分之九十。", "{n:percent}", "百分之九十"),
    (
        "满意率为百分之九十五点五。",
        "{n:percent}",
        "百分之九十五点五",
    ),
    ("群众满意度达９８．５％。", "{n:percent}", "９８．５％"),
    ("覆盖率约95%。", "{n:percent}", "约95%"),
    ("知晓率超过90%。", "{n:percent}", "超过90%"),
    ("出庭应诉率100%。", "{n:percent}", "100%"),
    ("复议纠错率为17.20%。", "{n:percent}", "17.20%"),
    ("占比15%～30%。", "{n:percent}。", "30%"),
    ("投入法治建设经费38.6万元。", "{n:amount}", "38.6万"),
    ("落实经费505万余元。", "{n:amount}", "505万余"),
    ("罚没款1.25亿元。", "{n:amount}", "1.25亿"),
    ("发放补助300元。", "{n:amount}", "300"),
    ("投入经费约12万元。", "{n:amount}", "约12万"),
    ("新建法治文化阵地68处。", "{n:count}处", "68"),
    ("完成合法性审查1085件。", "{n:count}件", "1085"),
    ("开展行政执法检查三百二十次。", "{n:count}次", "三百二十"),
    ("办理行政处罚案件不足10件。", "{n:count}件", "不足10"),
    ("至少培训5批次。", "{n:count}批次", "至少5"),
    ("组织旁听庭审2场次。", "{n:count}场次", "2"),
    ("共有工作人员22人。", "{n:count}人", "22"),
    ("面积达到3.5平方公里。", "{n:number}平方公里", "3.5"),
    ("同比增长12.5个百分点。", "{n:number}个百分点", "12.5"),
];

#[test]
fn pattern_captures_read_each_figure_as_the_model_does() {
    assert!(FIGURES.len() >= 60, "{} figures", FIGURES.len());
    let mut disagreements = Vec::new();
    for &(text, pattern, figure) in FIGURES {
        let model = model_figure_if_any(text, figure);
        let captured = captured_figure(text, pattern);
        if model.is_none() || model != captured {
            disagreements.push(format!(
                "{text}\n    model   {model:?}\n    capture {captured:?}"
            ));
        }
    }
    assert!(disagreements.is_empty(), "\n{}", disagreements.join("\n"));
}
