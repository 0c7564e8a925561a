//! Number recognition: finds the quantities a report states, with value, kind and unit.
//!
//! Text enters as a `&str`; [`recognise`] returns [`Quantity`] values whose spans are byte
//! ranges into that text, in text order. [`parse_number`] reads one number token as written,
//! and [`chinese_numeral_value`] reads a Chinese numeral; both are used by rule patterns too.
//!
//! # What is a quantity
//!
//! A quantity is a number that states how many or how much: `290件`, `97.67%`, `2万余份`,
//! `五次`, `百分之九十九`, `1.5亿元`. It is one char scan over the text; no regex.
//!
//! * **Arabic numbers** (ASCII or full-width digits, `1,234` thousands groups, `97.67`
//!   decimals, `万` / `亿` / `千万` / `百万` / `万亿` multipliers folded into the value).
//!   Kind by what follows: `%` / `％` → [`QuantityKind::Percent`] (value as a ratio); `元`
//!   → [`QuantityKind::Amount`]; a measure word (`件 宗 起 人 人次 名 批 次 场 份 个 条 项`
//!   …) → [`QuantityKind::Count`]; a unit of measure (`亩 米 吨 倍 个百分点` …) or nothing
//!   → [`QuantityKind::Other`].
//! * **Chinese numerals** count only when a measure word follows (`五次`, `两个`, `十八个`,
//!   `一百二十名`, `二十余次`, `三四个`) or when written as a percentage (`百分之九十九`). A
//!   lone `一` is an article in report prose (`一个良好的环境`, `一次办`) and is never a
//!   quantity; neither is a lone `零`.
//! * **Approximation** markers keep the value and set `approx`: before the number `约 大约
//!   近 将近 接近 超 超过 逾 不少于 不低于 不足 不到 至少`, after it `余 多 几` (also between
//!   the digits and `万`: `20余万`), and after the number or its unit `以上 以下 以内 左右
//!   上下`. Two neighbouring Chinese digits (`三四个`) are an approximation of the smaller.
//! * **Ranges** `3-5次`, `15%～30%`, `3至5人` give two quantities that share the unit written
//!   after the second number.
//!
//! # What is not a quantity
//!
//! * Years: four Arabic digits before `年` (`2024年`, `2023年度`), a Chinese numeral written
//!   digit by digit (`二〇二四年`), year ranges (`2021-2025年`), years in document numbers
//!   (`〔2020〕113号`).
//! * Dates and identifiers: `2024-03-28`, `2024/3/28`, month and day numbers (`2月`, `11日`,
//!   `1-12月份`), anything before `号`, festival dates (`6.26国际禁毒日`, `12·4`), numbers
//!   joined by `/` or `:`, numbers touching Latin letters (`5G`), hotline numbers (`12345热线`).
//! * Ordinals after `第` (`第四批`, `第1名`), enumerators (`1、` `2.` `（1）` and Chinese
//!   numerals without a measure word: `一是`, `二十大`, `二十届三中全会`, `“八五”普法`).
//! * Fixed expressions in Chinese numerals even where a measure word follows: `三项制度`,
//!   `五个法治化`, `四个意识`, `五位一体`, … (see `FIXED_EXPRESSIONS`), and any Chinese
//!   numeral opening a short quotation (`“五个一”`).
//! * Numbers inside a book title `《…》` are part of the name.

use super::Span;
use serde::Serialize;

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum QuantityKind {
    /// How many: followed by a measure word.
    Count,
    /// A percentage; the value is a ratio (97.67% → 0.9767).
    Percent,
    /// Money in 元 (the multiplier of 万元 / 亿元 is in the value).
    Amount,
    /// A measurement or a bare number.
    Other,
}

impl QuantityKind {
    pub fn name(self) -> &'static str {
        match self {
            QuantityKind::Count => "count",
            QuantityKind::Percent => "percent",
            QuantityKind::Amount => "amount",
            QuantityKind::Other => "other",
        }
    }
}

/// A number stated in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// The number including approximation markers and `%`, without the unit.
    pub span: Span,
    /// The value; percentages as a ratio, 万 / 亿 multiplied in.
    pub value: f64,
    pub kind: QuantityKind,
    pub approx: bool,
    /// Digits written after the decimal point.
    pub decimals: u8,
    /// Measure word or unit as written (`件`, `人次`, `元` for `万元`).
    pub unit: Option<String>,
    pub unit_span: Option<Span>,
}

/// One number token read as written.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ParsedNumber {
    pub value: f64,
    pub approx: bool,
    pub decimals: u8,
    pub percent: bool,
}

const APPROX_PREFIXES: &[&str] = &[
    "不少于",
    "不低于",
    "大约",
    "将近",
    "接近",
    "超过",
    "不足",
    "不到",
    "至少",
    "约",
    "近",
    "超",
    "逾",
];
const APPROX_SUFFIXES: &[char] = &['余', '多', '几'];
const APPROX_AFTER_UNIT: &[&str] = &["以上", "以下", "以内", "左右", "上下"];

/// Multipliers written after Arabic digits, longest first.
const MULTIPLIERS: &[(&str, i32)] = &[("万亿", 12), ("千万", 7), ("百万", 6), ("亿", 8), ("万", 4)];

/// Measure words that make a number a count, longest first where one is a prefix of another.
const COUNT_UNITS: &[&str] = &[
    "人次", "户次", "场次", "批次", "件次", "车次", "架次", "个月", "小时", "分钟", "课时", "学时",
    "人", "名", "位", "件", "宗", "起", "批", "次", "场", "份", "个", "条", "项", "家", "户", "所",
    "处", "篇", "期", "部", "台", "套", "张", "幅", "册", "本", "封", "块", "座", "辆", "支", "类",
    "种", "天", "周", "年", "轮", "遍", "堂", "组", "队", "票", "卷", "页", "例", "笔", "间", "栋",
    "单", "门",
];
const MONEY_UNITS: &[&str] = &["元"];
const OTHER_UNITS: &[&str] = &[
    "个百分点",
    "平方公里",
    "平方米",
    "千瓦时",
    "公里",
    "千米",
    "公顷",
    "千克",
    "公斤",
    "米",
    "亩",
    "吨",
    "斤",
    "倍",
    "岁",
];

/// Chinese-numeral phrases that name a policy or slogan rather than count anything.
const FIXED_EXPRESSIONS: &[&str] = &[
    "三项制度",
    "五个法治化",
    "五个法制化",
    "四个意识",
    "四个自信",
    "四个全面",
    "两个维护",
    "两个确立",
    "两个一百年",
    "五个一",
    "三位一体",
    "四位一体",
    "五位一体",
    "三番五次",
    "四周",
    "四处",
];

fn arabic_digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

fn chinese_digit(c: char) -> Option<u64> {
    Some(match c {
        '〇' | '零' | '○' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn chinese_small_unit(c: char) -> Option<u64> {
    match c {
        '十' | '拾' => Some(10),
        '百' | '佰' => Some(100),
        '千' | '仟' => Some(1000),
        _ => None,
    }
}

fn is_chinese_numeral_char(c: char) -> bool {
    chinese_digit(c).is_some() || chinese_small_unit(c).is_some() || c == '万' || c == '亿'
}

fn is_zero(c: char) -> bool {
    matches!(c, '〇' | '零' | '○')
}

/// Value of a Chinese numeral: positional (`一百二十`, `三千零五十二`, `十八`, `两万五`,
/// `一亿零五万`) or written digit by digit (`二〇二四`; only with three or more digits or a
/// `〇`, since `三四` is an approximation, not 34).
pub fn chinese_numeral_value(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let digits: Option<Vec<u64>> = s.chars().map(chinese_digit).collect();
    if let Some(digits) = digits {
        return match digits.as_slice() {
            [single] => Some(*single),
            _ if digits.len() >= 3 || s.chars().any(is_zero) => digits
                .iter()
                .try_fold(0u64, |acc, d| acc.checked_mul(10)?.checked_add(*d)),
            _ => None,
        };
    }
    if let Some(pos) = s.rfind('亿') {
        let high = &s[..pos];
        let low = &s[pos + '亿'.len_utf8()..];
        let high = if high.is_empty() {
            return None;
        } else {
            chinese_numeral_value(high)?
        };
        let low = strip_zero(low);
        let low = if low.is_empty() { 0 } else { below_yi(low)? };
        return high.checked_mul(100_000_000)?.checked_add(low);
    }
    below_yi(s)
}

fn strip_zero(s: &str) -> &str {
    s.trim_start_matches(is_zero)
}

/// A numeral below 一亿: an optional 万 group and a group below 一万.
fn below_yi(s: &str) -> Option<u64> {
    match s.find('万') {
        Some(pos) => {
            let high = &s[..pos];
            if high.is_empty() {
                return None;
            }
            let high = below_wan(high)?;
            let rest = &s[pos + '万'.len_utf8()..];
            let low_text = strip_zero(rest);
            let had_zero = low_text.len() != rest.len();
            let low = if low_text.is_empty() {
                0
            } else {
                let mut chars = low_text.chars();
                match (chars.next().and_then(chinese_digit), chars.next()) {
                    // 两万五 = 25 000: a bare digit after 万 means thousands.
                    (Some(d), None) if !had_zero => d * 1000,
                    _ => below_wan(low_text)?,
                }
            };
            Some(high * 10_000 + low)
        }
        None => below_wan(s),
    }
}

/// A numeral below 一万: digits with 十 / 百 / 千 in falling order, 零 for gaps.
fn below_wan(s: &str) -> Option<u64> {
    let mut total = 0u64;
    let mut pending: Option<u64> = None;
    let mut last_unit = 10_000u64;
    let mut zero_since_unit = false;
    let mut any = false;
    for c in s.chars() {
        any = true;
        if let Some(d) = chinese_digit(c) {
            if d == 0 {
                if pending.is_some() {
                    return None;
                }
                zero_since_unit = true;
                continue;
            }
            if pending.is_some() {
                return None;
            }
            pending = Some(d);
        } else if let Some(unit) = chinese_small_unit(c) {
            if unit >= last_unit {
                return None;
            }
            let multiplier = match pending.take() {
                Some(d) => d,
                // 十五 and 一千零十: a bare 十 means one ten.
                None if unit == 10 && (total == 0 || zero_since_unit) => 1,
                None => return None,
            };
            total += multiplier * unit;
            last_unit = unit;
            zero_since_unit = false;
        } else {
            return None;
        }
    }
    if !any {
        return None;
    }
    if let Some(d) = pending {
        // 一百五 = 150: a bare digit after a unit means the next lower unit.
        if !zero_since_unit && (100..10_000).contains(&last_unit) {
            total += d * last_unit / 10;
        } else {
            total += d;
        }
    }
    Some(total)
}

/// The core of a number as scanned from the text.
#[derive(Debug, Clone)]
struct Core {
    start: usize,
    end: usize,
    value: f64,
    decimals: u8,
    approx: bool,
    percent: bool,
    chinese: bool,
    /// Written with digits only, no point, separator or multiplier (for year tests).
    plain_digits: usize,
    /// Chinese written digit by digit (二〇二四).
    digit_by_digit: bool,
    has_point: bool,
    /// Integer part of an Arabic number (for month/day tests).
    integer: Option<u64>,
    fraction_digits: usize,
    fraction: Option<u64>,
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// Reads Arabic digits with thousands groups and a decimal part at `i`.
/// Returns (end, mantissa digits, digits after the point, integer digit count, had separator).
fn read_arabic_atom(text: &str, i: usize) -> Option<(usize, String, usize, usize, bool)> {
    let mut j = i;
    let mut mantissa = String::new();
    let mut integer_digits = 0;
    while let Some(d) = char_at(text, j).and_then(arabic_digit) {
        mantissa.push(char::from(b'0' + d));
        integer_digits += 1;
        j += char_at(text, j).map_or(1, char::len_utf8);
    }
    if integer_digits == 0 {
        return None;
    }
    let mut separated = false;
    // Thousands groups: a comma followed by exactly three digits.
    while char_at(text, j) == Some(',') {
        let group: Vec<u8> = text
            .get(j + 1..)
            .unwrap_or("")
            .chars()
            .take(4)
            .map_while(arabic_digit)
            .collect();
        let ascii_group = text
            .get(j + 1..j + 4)
            .is_some_and(|g| g.bytes().all(|b| b.is_ascii_digit()));
        if group.len() == 3 && ascii_group && (separated || integer_digits <= 3) {
            for d in group {
                mantissa.push(char::from(b'0' + d));
            }
            integer_digits += 3;
            separated = true;
            j += 4;
        } else {
            break;
        }
    }
    let mut fraction_digits = 0;
    if matches!(char_at(text, j), Some('.') | Some('．')) {
        let point_len = char_at(text, j).map_or(1, char::len_utf8);
        if char_at(text, j + point_len)
            .and_then(arabic_digit)
            .is_some()
        {
            j += point_len;
            while let Some(d) = char_at(text, j).and_then(arabic_digit) {
                mantissa.push(char::from(b'0' + d));
                fraction_digits += 1;
                j += char_at(text, j).map_or(1, char::len_utf8);
            }
        }
    }
    Some((j, mantissa, fraction_digits, integer_digits, separated))
}

fn scaled_value(mantissa: &str, exponent: i32) -> f64 {
    format!("{mantissa}e{exponent}").parse().unwrap_or(f64::NAN)
}

fn starts_with_any<'a>(text: &str, at: usize, options: &[&'a str]) -> Option<&'a str> {
    let rest = text.get(at..)?;
    options.iter().copied().find(|o| rest.starts_with(o))
}

/// Reads an Arabic number with optional approximation suffix, multiplier and percent sign.
fn read_arabic_core(text: &str, i: usize) -> Option<Core> {
    let (mut j, mantissa, fraction_digits, integer_digits, separated) = read_arabic_atom(text, i)?;
    let mut approx = false;
    let mut exponent = -(fraction_digits as i32);
    let mut multiplied = false;
    let suffix = |j: &mut usize, approx: &mut bool| {
        if let Some(c) = char_at(text, *j).filter(|c| APPROX_SUFFIXES.contains(c) && *c != '几') {
            *approx = true;
            *j += c.len_utf8();
        }
    };
    suffix(&mut j, &mut approx);
    if let Some(m) = MULTIPLIERS
        .iter()
        .find(|(w, _)| text.get(j..).is_some_and(|r| r.starts_with(w)))
    {
        exponent += m.1;
        j += m.0.len();
        multiplied = true;
        if !approx {
            suffix(&mut j, &mut approx);
        }
    }
    let mut percent = false;
    if matches!(char_at(text, j), Some('%') | Some('％')) {
        percent = true;
        exponent -= 2;
        j += char_at(text, j).map_or(1, char::len_utf8);
    }
    let integer_text = mantissa.get(..integer_digits).unwrap_or("");
    let fraction_text = mantissa.get(integer_digits..).unwrap_or("");
    Some(Core {
        start: i,
        end: j,
        value: scaled_value(&mantissa, exponent),
        decimals: fraction_digits.min(u8::MAX as usize) as u8,
        approx,
        percent,
        chinese: false,
        plain_digits: if separated || multiplied || fraction_digits > 0 {
            0
        } else {
            integer_digits
        },
        digit_by_digit: false,
        has_point: fraction_digits > 0,
        integer: integer_text.parse().ok(),
        fraction_digits,
        fraction: fraction_text.parse().ok(),
    })
}

/// Reads a run of Chinese numeral characters with an approximation suffix.
fn read_chinese_core(text: &str, i: usize) -> Option<(Core, usize)> {
    let rest = text.get(i..)?;
    let run_len: usize = rest
        .chars()
        .take_while(|c| is_chinese_numeral_char(*c))
        .map(char::len_utf8)
        .sum();
    if run_len == 0 {
        return None;
    }
    let run = &rest[..run_len];
    let mut approx = false;
    let value = match chinese_numeral_value(run) {
        Some(v) => v,
        None => {
            // 三四个: two neighbouring digits approximate the smaller one.
            let digits: Vec<u64> = run.chars().filter_map(chinese_digit).collect();
            match digits.as_slice() {
                [a, b] if run.chars().count() == 2 && *a > 0 && b == &(a + 1) => {
                    approx = true;
                    *a
                }
                _ => return None,
            }
        }
    };
    let mut j = i + run_len;
    if let Some(c) = char_at(text, j).filter(|c| APPROX_SUFFIXES.contains(c)) {
        approx = true;
        j += c.len_utf8();
    }
    let digit_by_digit =
        run.chars().count() >= 2 && run.chars().all(|c| chinese_digit(c).is_some());
    Some((
        Core {
            start: i,
            end: j,
            value: value as f64,
            decimals: 0,
            approx,
            percent: false,
            chinese: true,
            plain_digits: 0,
            digit_by_digit: digit_by_digit && !approx,
            has_point: false,
            integer: Some(value),
            fraction_digits: 0,
            fraction: None,
        },
        run_len,
    ))
}

/// Reads `百分之` followed by a Chinese or Arabic number.
fn read_percent_words(text: &str, i: usize) -> Option<Core> {
    const WORDS: &str = "百分之";
    if !text.get(i..)?.starts_with(WORDS) {
        return None;
    }
    let at = i + WORDS.len();
    let mut core = if char_at(text, at).and_then(arabic_digit).is_some() {
        read_arabic_core(text, at)?
    } else if text.get(at..)?.starts_with('百') {
        // 百分之百: a bare 百 is not a numeral anywhere else.
        let end = at + '百'.len_utf8();
        if char_at(text, end).is_some_and(is_chinese_numeral_char) {
            return None;
        }
        Core {
            start: at,
            end,
            value: 100.0,
            decimals: 0,
            approx: false,
            percent: false,
            chinese: true,
            plain_digits: 0,
            digit_by_digit: false,
            has_point: false,
            integer: Some(100),
            fraction_digits: 0,
            fraction: None,
        }
    } else {
        read_chinese_core(text, at)?.0
    };
    if core.percent {
        return None;
    }
    core.start = i;
    core.percent = true;
    core.value /= 100.0;
    core.digit_by_digit = false;
    Some(core)
}

fn is_approx_prefix_start(text: &str, i: usize) -> Option<usize> {
    // Longest prefix ending exactly at i.
    let before = text.get(..i)?;
    APPROX_PREFIXES
        .iter()
        .find(|p| before.ends_with(*p))
        .map(|p| i - p.len())
}

/// Parses one whole number token as written: `288`, `1,234`, `97.67%`, `百分之九十九`,
/// `二〇二四`, `一百二十`, `2万余`, `1.5亿`, `约120`, `13000多`, `两`. `None` if anything
/// in the token is not part of a number.
pub fn parse_number(text: &str) -> Option<ParsedNumber> {
    let trimmed = text.trim();
    let mut at = 0;
    let mut approx = false;
    if let Some(prefix) = starts_with_any(trimmed, 0, APPROX_PREFIXES) {
        at = prefix.len();
        approx = true;
    }
    let first = char_at(trimmed, at)?;
    let core = if arabic_digit(first).is_some() {
        read_arabic_core(trimmed, at)?
    } else if let Some(core) = read_percent_words(trimmed, at) {
        core
    } else {
        read_chinese_core(trimmed, at)?.0
    };
    let mut end = core.end;
    approx |= core.approx;
    if let Some(after) = starts_with_any(trimmed, end, APPROX_AFTER_UNIT) {
        end += after.len();
        approx = true;
    }
    if end != trimmed.len() {
        return None;
    }
    Some(ParsedNumber {
        value: core.value,
        approx,
        decimals: core.decimals,
        percent: core.percent,
    })
}

/// How the text right after a number classifies it.
enum Unit {
    Count(&'static str),
    Money(&'static str),
    Measure(&'static str),
}

impl Unit {
    fn text(&self) -> &'static str {
        match self {
            Unit::Count(u) | Unit::Money(u) | Unit::Measure(u) => u,
        }
    }
}

fn unit_at(text: &str, at: usize) -> Option<Unit> {
    let rest = text.get(at..)?;
    if let Some(u) = OTHER_UNITS.iter().find(|u| rest.starts_with(*u)) {
        return Some(Unit::Measure(u));
    }
    if let Some(u) = MONEY_UNITS.iter().find(|u| rest.starts_with(*u)) {
        return Some(Unit::Money(u));
    }
    COUNT_UNITS
        .iter()
        .find(|u| rest.starts_with(*u))
        .map(|u| Unit::Count(u))
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
}

const RANGE_JOINERS: &[char] = &['-', '－', '—', '–', '~', '～', '至', '到'];
const IDENTIFIER_JOINERS: &[char] = &['/', ':', '·', '・', '.', '．'];

/// A number found in the text before the decision whether it is a quantity.
struct Candidate {
    core: Core,
    prefix_start: usize,
    prefix_approx: bool,
}

/// Scans the text for quantities.
pub fn recognise(text: &str) -> Vec<Quantity> {
    let mut found = Vec::new();
    let mut in_book_title = 0usize;
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        match c {
            '《' => in_book_title += 1,
            '》' => in_book_title = in_book_title.saturating_sub(1),
            '\n' => in_book_title = 0,
            _ => {}
        }
        if arabic_digit(c).is_some() {
            i = arabic_group(text, i, in_book_title > 0, &mut found);
            continue;
        }
        if is_chinese_numeral_char(c) {
            if let Some(core) = read_percent_words(text, i) {
                let end = core.end;
                if in_book_title == 0 {
                    let cand = candidate(text, core);
                    found.push(finish(text, cand, None));
                }
                i = end;
                continue;
            }
            if chinese_digit(c).is_some() || chinese_small_unit(c) == Some(10) {
                i = chinese_number(text, i, in_book_title > 0, &mut found);
                continue;
            }
        }
        i += c.len_utf8();
    }
    found
}

fn candidate(text: &str, core: Core) -> Candidate {
    match is_approx_prefix_start(text, core.start) {
        Some(start) => Candidate {
            prefix_start: start,
            prefix_approx: true,
            core,
        },
        None => Candidate {
            prefix_start: core.start,
            prefix_approx: false,
            core,
        },
    }
}

/// Builds the quantity: unit after the number (or the shared unit of a range), approximation
/// after the unit.
fn finish(text: &str, cand: Candidate, shared_unit: Option<(Unit, Span)>) -> Quantity {
    let core = cand.core;
    let mut approx = core.approx || cand.prefix_approx;
    let mut end = core.end;
    let (unit, unit_span) = if core.percent {
        (None, None)
    } else if let Some((u, span)) = shared_unit {
        (Some(u), Some(span))
    } else {
        let unit_start = if char_at(text, end) == Some(' ') {
            end + 1
        } else {
            end
        };
        match unit_at(text, unit_start) {
            Some(u) => {
                let span = unit_start..unit_start + u.text().len();
                (Some(u), Some(span))
            }
            None => (None, None),
        }
    };
    let after = unit_span.as_ref().map_or(end, |s| s.end);
    if let Some(marker) = starts_with_any(text, after, APPROX_AFTER_UNIT) {
        approx = true;
        if unit.is_none() {
            end += marker.len();
        }
    }
    let kind = if core.percent {
        QuantityKind::Percent
    } else {
        match unit {
            Some(Unit::Count(_)) => QuantityKind::Count,
            Some(Unit::Money(_)) => QuantityKind::Amount,
            Some(Unit::Measure(_)) | None => QuantityKind::Other,
        }
    };
    Quantity {
        span: cand.prefix_start..end,
        value: core.value,
        kind,
        approx,
        decimals: core.decimals,
        unit: unit.map(|u| u.text().to_string()),
        unit_span,
    }
}

/// What comes right after a number: used to rule out years, dates and identifiers.
fn is_date_or_identifier(text: &str, core: &Core) -> bool {
    let before = char_before(text, core.start);
    let after = char_at(text, core.end);
    let rest = text.get(core.end..).unwrap_or("");
    if before == Some('第') {
        return true;
    }
    if before.is_some_and(is_latin) || after.is_some_and(is_latin) {
        return true;
    }
    if rest.starts_with('年') {
        return core.plain_digits == 4 || core.digit_by_digit;
    }
    if rest.starts_with('月') || rest.starts_with('日') || rest.starts_with('号') {
        return true;
    }
    let hotline = rest.chars().take(4).collect::<String>().contains("热线");
    if hotline
        || text
            .get(..core.start)
            .is_some_and(|b| b.ends_with("电话") || b.ends_with("热线"))
    {
        return true;
    }
    if matches!(before, Some('〔' | '[' | '［' | '【'))
        && matches!(after, Some('〕' | ']' | '］' | '】'))
    {
        return true;
    }
    false
}

/// Integer enumerators: `1、`, `2.` (not a decimal), `（1）`.
fn is_enumerator(text: &str, core: &Core) -> bool {
    if core.has_point || core.percent || core.approx || core.chinese {
        return false;
    }
    let after = char_at(text, core.end);
    let before = char_before(text, core.start);
    match after {
        Some('、') => true,
        Some('.') | Some('．') => {
            char_at(text, core.end + 1).is_none_or(|c| arabic_digit(c).is_none())
        }
        Some(')') | Some('）') => matches!(before, Some('(') | Some('（')),
        _ => false,
    }
}

/// A festival written as month.day: `6.26国际禁毒日`, `3.15消费者权益日`.
fn is_festival_date(text: &str, core: &Core) -> bool {
    if !core.has_point || core.percent || core.approx {
        return false;
    }
    let month_ok = core.integer.is_some_and(|m| (1..=12).contains(&m));
    let day_ok = core.fraction_digits <= 2 && core.fraction.is_some_and(|d| (1..=31).contains(&d));
    if !(month_ok && day_ok) || unit_at(text, core.end).is_some() {
        return false;
    }
    let tail: String = text
        .get(core.end..)
        .unwrap_or("")
        .chars()
        .take(10)
        .take_while(|c| !matches!(c, '，' | '。' | '、' | ',' | '；' | '\n'))
        .collect();
    tail.contains('日') || tail.contains('节') || tail.starts_with('”') || tail.starts_with('"')
}

/// Reads the group of Arabic numbers starting at `i` (a single number, a range, a date or an
/// identifier) and pushes the quantities in it. Returns where scanning continues.
fn arabic_group(text: &str, i: usize, in_book_title: bool, found: &mut Vec<Quantity>) -> usize {
    let Some(first) = read_arabic_core(text, i) else {
        return i + char_at(text, i).map_or(1, char::len_utf8);
    };
    let mut cores = vec![first];
    let mut joiners = Vec::new();
    while let Some(last) = cores.last() {
        let Some(j) = char_at(text, last.end) else {
            break;
        };
        if !(RANGE_JOINERS.contains(&j) || IDENTIFIER_JOINERS.contains(&j)) {
            break;
        }
        let next_start = last.end + j.len_utf8();
        if char_at(text, next_start).and_then(arabic_digit).is_none() {
            break;
        }
        match read_arabic_core(text, next_start) {
            Some(next) => {
                joiners.push(j);
                cores.push(next);
            }
            None => break,
        }
    }
    let end = cores.last().map_or(i + 1, |c| c.end);
    if in_book_title {
        return end;
    }
    let before = char_before(text, i);
    let identifier = joiners.iter().any(|j| IDENTIFIER_JOINERS.contains(j))
        || cores.len() > 2
        || matches!(before, Some('/' | '-' | '_' | '#'))
        || before.is_some_and(|c| c.is_ascii_alphanumeric());
    if identifier {
        return end;
    }
    match cores.len() {
        1 => {
            let core = cores.remove(0);
            if is_date_or_identifier(text, &core)
                || is_enumerator(text, &core)
                || is_festival_date(text, &core)
            {
                return end;
            }
            let cand = candidate(text, core);
            found.push(finish(text, cand, None));
            end
        }
        _ => {
            let (Some(low), Some(high)) = (cores.first().cloned(), cores.get(1).cloned()) else {
                return end;
            };
            // 2024-00009: a zero-padded second part is a serial number, not a range end.
            let padded = text
                .get(high.start..high.end)
                .is_some_and(|s| s.starts_with('0') && s.len() > 1 && !s.starts_with("0."));
            if padded || is_date_or_identifier(text, &high) || is_date_or_identifier(text, &low) {
                return end;
            }
            let high_q = finish(text, candidate(text, high), None);
            let mut low_core = low;
            if high_q.kind == QuantityKind::Percent && !low_core.percent {
                low_core.percent = true;
                low_core.value /= 100.0;
            }
            let shared = match (&high_q.unit, &high_q.unit_span) {
                (Some(u), Some(span)) => unit_at(text, span.start)
                    .filter(|x| x.text() == u)
                    .map(|x| (x, span.clone())),
                _ => None,
            };
            let low_q = finish(text, candidate(text, low_core), shared);
            found.push(low_q);
            found.push(high_q);
            end
        }
    }
}

/// Reads a run of Chinese numerals at `i` and pushes it if it is a count.
fn chinese_number(text: &str, i: usize, in_book_title: bool, found: &mut Vec<Quantity>) -> usize {
    let Some((core, run_len)) = read_chinese_core(text, i) else {
        let run_len: usize = text
            .get(i..)
            .unwrap_or("")
            .chars()
            .take_while(|c| is_chinese_numeral_char(*c))
            .map(char::len_utf8)
            .sum();
        return i + run_len.max(1);
    };
    let end = core.end;
    let run = text.get(i..i + run_len).unwrap_or("");
    if in_book_title || core.digit_by_digit || run == "一" || run.chars().all(is_zero) {
        return end;
    }
    let before = char_before(text, i);
    if matches!(before, Some('第' | '初' | '周' | '期'))
        || text
            .get(..i)
            .is_some_and(|b| b.ends_with("星期") || b.ends_with("礼拜"))
    {
        return end;
    }
    if FIXED_EXPRESSIONS
        .iter()
        .any(|f| text.get(i..).is_some_and(|r| r.starts_with(f)))
    {
        return end;
    }
    if matches!(before, Some('“' | '"' | '‘' | '「')) {
        let closes_soon = text
            .get(i..)
            .unwrap_or("")
            .chars()
            .take(7)
            .any(|c| matches!(c, '”' | '"' | '’' | '」'));
        if closes_soon {
            return end;
        }
    }
    if unit_at(text, end).is_none() || is_date_or_identifier(text, &core) {
        return end;
    }
    // 届 (session) is not in the unit list, so 二十届 stays out; 年 after a digit-by-digit
    // numeral was handled above.
    let cand = candidate(text, core);
    let q = finish(text, cand, None);
    let next = q.span.end.max(end);
    found.push(q);
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(text: &str) -> Vec<(String, f64, bool)> {
        recognise(text)
            .into_iter()
            .filter(|q| q.kind == QuantityKind::Count)
            .map(|q| (text[q.span.clone()].to_string(), q.value, q.approx))
            .collect()
    }

    #[test]
    fn positional_numerals() {
        assert_eq!(chinese_numeral_value("十八"), Some(18));
        assert_eq!(chinese_numeral_value("一百二十"), Some(120));
        assert_eq!(chinese_numeral_value("三千零五十二"), Some(3052));
        assert_eq!(chinese_numeral_value("两万五"), Some(25_000));
        assert_eq!(chinese_numeral_value("一百五"), Some(150));
        assert_eq!(chinese_numeral_value("一亿零五万"), Some(100_050_000));
        assert_eq!(chinese_numeral_value("二〇二四"), Some(2024));
        assert_eq!(chinese_numeral_value("三四"), None);
        assert_eq!(chinese_numeral_value("百"), None);
    }

    #[test]
    fn counts_in_prose() {
        assert_eq!(
            counts("调解成功288件，共开展50余次，超13000多人次"),
            vec![
                ("288".to_string(), 288.0, false),
                ("50余".to_string(), 50.0, true),
                ("超13000多".to_string(), 13000.0, true),
            ]
        );
    }
}
