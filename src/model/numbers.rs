//! Number recognition: finds the quantities a report states, with value, kind and unit.
//!
//! Text enters as a `&str`; [`recognise`] returns [`Quantity`] values whose spans are byte
//! ranges into that text, in text order. [`parse_number`] reads one number token as written,
//! and [`chinese_numeral_value`] reads a Chinese numeral. [`FigureReader`] reads the figure at
//! a place of a text with its context: rule pattern captures get their values there, so a rule
//! and `reportlint inspect` always read a figure the same way.
//!
//! # What is a quantity
//!
//! A quantity is a number that states how many or how much: `290件`, `97.67%`, `2万余份`,
//! `五次`, `百分之九十九`, `1.5亿元`. It is one scan over the text; no regex. Most of a report
//! holds no number: characters that cannot start one are passed over with a table lookup each,
//! and only the few that can (digits, Chinese numerals) are looked at closely.
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
//!   上下` (bounds such as `以上` are "at least": not exact). Two neighbouring Chinese digits
//!   are an approximation of the smaller (`三四个` = 3, `两三千` = 2000, `七八十` = 70);
//!   `十几` is 10 and `几十` / `几百` are 10 / 100, approximately.
//! * **Ranges** `3-5次`, `15%～30%`, `3至5人`, `三至五个`, `两到三次` give two approximate
//!   quantities that share the unit written after the second number.
//! * **Precision** (`decimals`): the digits written after the point (`97.67%` → 2, in
//!   percentage points; `百分之九十五点五` → 1). A figure with 万/亿 and a fraction is rounded
//!   to its last digit: `2.3万` is 23 000 with precision -3 (rounded to 1000), exact but
//!   checked ±500; a whole number of 万 (`2万`) is 20 000 with precision 0, as written.
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
use std::sync::OnceLock;

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
    /// Written precision of `value`: the digits after the point (`97.67%` → 2, counted in
    /// percentage points, `290` → 0), negative when a multiplier makes the last written digit
    /// coarser than one (`2.3万` → -3: the figure is rounded to 1000). See [`precision`].
    pub decimals: i16,
    /// Measure word or unit as written (`件`, `人次`, `元` for `万元`).
    pub unit: Option<String>,
    pub unit_span: Option<Span>,
}

/// One number token read as written.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ParsedNumber {
    pub value: f64,
    pub approx: bool,
    /// Written precision, as [`Quantity::decimals`].
    pub decimals: i16,
    pub percent: bool,
}

/// Approximation words written right before a number, longest first.
pub const APPROX_PREFIXES: &[&str] = &[
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
/// Approximation characters written right after the digits (`50余`, `二十多`, `十几`).
pub const APPROX_SUFFIXES: &[char] = &['余', '多', '几'];
/// Approximation words written after a number or its unit (`30人以上`, `50左右`).
pub const APPROX_AFTER_UNIT: &[&str] = &["以上", "以下", "以内", "左右", "上下"];

/// The multiplier written at the start of `rest` after Arabic digits, its first character
/// `first` already read, and its power of ten: `万`, `亿`, `千万`, `百万`, `万亿`.
fn multiplier_at(rest: &str, first: Option<char>) -> Option<(&'static str, i32)> {
    let written = |word: &'static str, power| rest.starts_with(word).then_some((word, power));
    match first? {
        '万' => written("万亿", 12).or(Some(("万", 4))),
        '亿' => Some(("亿", 8)),
        '千' => written("千万", 7),
        '百' => written("百万", 6),
        _ => None,
    }
}

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

const fn arabic_digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

const fn chinese_digit(c: char) -> Option<u64> {
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
    if s.chars().all(|c| chinese_digit(c).is_some()) {
        let mut digits = s.chars().filter_map(chinese_digit);
        return match (digits.next(), digits.next()) {
            (Some(single), None) => Some(single),
            _ if s.chars().count() >= 3 || s.chars().any(is_zero) => s
                .chars()
                .filter_map(chinese_digit)
                .try_fold(0u64, |acc, d| acc.checked_mul(10)?.checked_add(d)),
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
#[derive(Debug, Clone, Copy)]
struct Core {
    start: usize,
    end: usize,
    value: f64,
    /// Written precision, as [`Quantity::decimals`].
    decimals: i16,
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
    /// The characters right before `start` and at `end`: most tests that rule a number out
    /// look at them, so they are read once.
    before: Option<char>,
    after: Option<char>,
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn char_before(text: &str, i: usize) -> Option<char> {
    let before = text.get(..i)?;
    // A Chinese character, the commonest case, is decoded directly: in a `str` a three-byte
    // lead followed by two bytes to the end is the whole last character.
    if let Some(&[lead @ 0xE0..=0xEF, second, third]) = before.as_bytes().last_chunk::<3>() {
        let code =
            u32::from(lead & 0x0F) << 12 | u32::from(second & 0x3F) << 6 | u32::from(third & 0x3F);
        return char::from_u32(code);
    }
    before.chars().next_back()
}

/// The Arabic digit at byte `j` and its length in bytes: ASCII `0`–`9` or full-width `０`–`９`
/// (U+FF10–U+FF19, bytes EF BC 90–99). Reads bytes directly because digit runs are read for
/// every number in a report.
fn arabic_digit_at(bytes: &[u8], j: usize) -> Option<(u8, usize)> {
    match bytes.get(j..)? {
        [d @ b'0'..=b'9', ..] => Some((d - b'0', 1)),
        [0xEF, 0xBC, d @ 0x90..=0x99, ..] => Some((d - 0x90, 3)),
        _ => None,
    }
}

/// Appends a decimal digit; `None` once the number no longer fits in a `u64`.
fn push_digit(number: Option<u64>, digit: u8) -> Option<u64> {
    number?.checked_mul(10)?.checked_add(u64::from(digit))
}

/// Arabic digits as written at one place: an integer part with thousands groups, then an
/// optional decimal part.
struct ArabicDigits {
    start: usize,
    end: usize,
    integer_digits: usize,
    fraction_digits: usize,
    /// The integer part; `None` if it does not fit in a `u64`.
    integer: Option<u64>,
    /// The decimal part read as an integer (`6.26` → 26); `None` without one or if too long.
    fraction: Option<u64>,
    /// Every digit, integer then decimal part, as one integer (`97.67` → 9767); `None` if it
    /// does not fit in a `u64`.
    significand: Option<u64>,
    separated: bool,
}

/// Reads Arabic digits with thousands groups and a decimal part at `i`.
#[inline(always)]
fn read_arabic_digits(text: &str, i: usize) -> Option<ArabicDigits> {
    let bytes = text.as_bytes();
    let mut j = i;
    let mut significand = Some(0u64);
    let mut integer_digits = 0;
    while let Some((d, len)) = arabic_digit_at(bytes, j) {
        significand = push_digit(significand, d);
        integer_digits += 1;
        j += len;
    }
    if integer_digits == 0 {
        return None;
    }
    let mut separated = false;
    // Thousands groups: a comma followed by exactly three ASCII digits and no fourth digit.
    while bytes.get(j) == Some(&b',') && (separated || integer_digits <= 3) {
        let group = match bytes.get(j + 1..j + 4) {
            Some(&[a, b, c]) if [a, b, c].iter().all(u8::is_ascii_digit) => [a, b, c],
            _ => break,
        };
        if arabic_digit_at(bytes, j + 4).is_some() {
            break;
        }
        for d in group {
            significand = push_digit(significand, d - b'0');
        }
        integer_digits += 3;
        separated = true;
        j += 4;
    }
    // The digits so far are the integer part.
    let integer = significand;
    let mut fraction = None;
    let mut fraction_digits = 0;
    let point_len = match bytes.get(j..) {
        Some([b'.', ..]) => 1,
        Some(rest) if rest.starts_with("．".as_bytes()) => "．".len(),
        _ => 0,
    };
    if point_len > 0 && arabic_digit_at(bytes, j + point_len).is_some() {
        j += point_len;
        fraction = Some(0u64);
        while let Some((d, len)) = arabic_digit_at(bytes, j) {
            fraction = push_digit(fraction, d);
            significand = push_digit(significand, d);
            fraction_digits += 1;
            j += len;
        }
    }
    Some(ArabicDigits {
        start: i,
        end: j,
        integer_digits,
        fraction_digits,
        integer,
        fraction,
        significand,
        separated,
    })
}

/// The value of the written digits times `10^exponent`, rounded to the nearest `f64` exactly as
/// Rust reads the decimal `{digits}e{exponent}`.
#[inline]
fn scaled_value(text: &str, digits: &ArabicDigits, exponent: i32) -> f64 {
    /// Powers of ten that are exact doubles.
    const EXACT_POWERS_OF_TEN: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    // With an exact significand and an exact power of ten, one IEEE multiplication or division
    // is the correctly rounded result, as the decimal parser's is: the common case needs no text.
    if let Some(significand) = digits.significand.filter(|s| *s <= 1 << 53) {
        let power = usize::try_from(exponent.unsigned_abs())
            .ok()
            .and_then(|e| EXACT_POWERS_OF_TEN.get(e));
        match power {
            Some(power) if exponent >= 0 => return significand as f64 * power,
            Some(power) => return significand as f64 / power,
            None => {}
        }
    }
    parsed_value(text, digits, exponent)
}

/// [`scaled_value`] for long or far-scaled numbers: the digits are written out and parsed.
#[cold]
fn parsed_value(text: &str, digits: &ArabicDigits, exponent: i32) -> f64 {
    let mut decimal: String = text
        .get(digits.start..digits.end)
        .unwrap_or("")
        .chars()
        .filter_map(arabic_digit)
        .map(|d| char::from(b'0' + d))
        .collect();
    decimal.push('e');
    decimal.push_str(&exponent.to_string());
    decimal.parse().unwrap_or(f64::NAN)
}

/// Whether the text bytes `rest` start with `word`. The word lists below are tried after
/// every number and rarely match, so the last byte of the word is compared first: it is the most
/// varied byte of a Chinese character in UTF-8, and most mismatches end there without a full
/// comparison. Bytes rather than `str`: the text positions compared at are character boundaries
/// already, and checking that again costs measurably.
fn starts_with_word(rest: &[u8], word: &str) -> bool {
    let word = word.as_bytes();
    let last_matches = match word.len().checked_sub(1) {
        Some(last) => rest.get(last) == word.get(last),
        None => true,
    };
    last_matches && rest.starts_with(word)
}

/// Whether the text bytes `before` end with `word` (see [`starts_with_word`]).
fn ends_with_word(before: &[u8], word: &str) -> bool {
    let word = word.as_bytes();
    let last_matches = word.last().is_none_or(|last| before.last() == Some(last));
    last_matches && before.ends_with(word)
}

fn starts_with_any<'a>(text: &str, at: usize, options: &[&'a str]) -> Option<&'a str> {
    let rest = text.as_bytes().get(at..)?;
    options.iter().copied().find(|o| starts_with_word(rest, o))
}

/// Reads an Arabic number with optional approximation suffix, multiplier and percent sign.
#[inline(always)]
fn read_arabic_core(text: &str, i: usize) -> Option<Core> {
    let digits = read_arabic_digits(text, i)?;
    let mut j = digits.end;
    // The character at `j`, read again only when `j` moves past a suffix, multiplier or sign.
    let mut next = char_at(text, j);
    let mut approx = false;
    let mut exponent = -(digits.fraction_digits as i32);
    let mut multiplied = false;
    let mut power = 0;
    let suffix = |j: &mut usize, next: &mut Option<char>, approx: &mut bool| {
        if let Some(c) = next.filter(|c| APPROX_SUFFIXES.contains(c) && *c != '几') {
            *approx = true;
            *j += c.len_utf8();
            *next = char_at(text, *j);
        }
    };
    suffix(&mut j, &mut next, &mut approx);
    if let Some((word, written_power)) = multiplier_at(text.get(j..).unwrap_or(""), next) {
        power = written_power;
        exponent += power;
        j += word.len();
        next = char_at(text, j);
        multiplied = true;
        if !approx {
            suffix(&mut j, &mut next, &mut approx);
        }
    }
    let mut percent = false;
    if let Some(sign @ ('%' | '％')) = next {
        percent = true;
        exponent -= 2;
        j += sign.len_utf8();
        next = char_at(text, j);
    }
    let fraction_digits = digits.fraction_digits;
    Some(Core {
        start: i,
        end: j,
        value: scaled_value(text, &digits, exponent),
        decimals: precision(fraction_digits, power),
        approx,
        percent,
        chinese: false,
        plain_digits: if digits.separated || multiplied || fraction_digits > 0 {
            0
        } else {
            digits.integer_digits
        },
        digit_by_digit: false,
        has_point: fraction_digits > 0,
        integer: digits.integer,
        fraction_digits,
        fraction: digits.fraction,
        before: char_before(text, i),
        after: next,
    })
}

/// The written precision of a number with `fraction_digits` digits after the point and a
/// multiplier of `10^power` (万 is 4): the digits after the point of its value.
///
/// A figure with a multiplier and a fraction is as precise as its last written digit:
/// `2.3万` is 23 000 rounded to 0.1万 = 1000, precision -3, so an exact check allows ±500
/// instead of reading it as 23 000 exactly. A whole number of 万 (`2万`) keeps precision 0:
/// it is read as the whole number it writes, as before. The figure stays exact (not
/// approximate): no approximation word is written, and checks use the precision instead.
pub fn precision(fraction_digits: usize, power: i32) -> i16 {
    let fraction = i16::try_from(fraction_digits).unwrap_or(i16::MAX);
    if fraction > 0 && power > 0 {
        fraction - i16::try_from(power).unwrap_or(0)
    } else {
        fraction
    }
}

/// Reads a run of Chinese numeral characters with an approximation suffix.
fn read_chinese_core(text: &str, i: usize) -> Option<Core> {
    let rest = text.get(i..)?;
    // 几十个, 几百人: "some tens", approximately the unit itself.
    let several = rest.starts_with('几');
    let lead = if several { '几'.len_utf8() } else { 0 };
    let run_len = numeral_run_len(rest.get(lead..)?);
    if run_len == 0 {
        return None;
    }
    let run = &rest[lead..lead + run_len];
    let mut approx = several;
    let value = if several {
        if !run.starts_with(['十', '拾', '百', '佰', '千', '仟', '万']) {
            return None;
        }
        chinese_numeral_value(&format!("一{run}"))?
    } else {
        match chinese_numeral_value(run) {
            Some(v) => v,
            None => {
                // 三四个, 两三千, 七八十: two neighbouring digits approximate the smaller one.
                let mut chars = run.chars();
                let first = chars.next().and_then(chinese_digit);
                let second = chars.next().and_then(chinese_digit);
                let tail = chars.as_str();
                match (first, second) {
                    (Some(a), Some(b)) if a > 0 && b == a + 1 => {
                        approx = true;
                        if tail.is_empty() {
                            a
                        } else {
                            let lower: String = run.chars().take(1).collect();
                            chinese_numeral_value(&format!("{lower}{tail}"))?
                        }
                    }
                    _ => return None,
                }
            }
        }
    };
    let mut value = value as f64;
    let mut j = i + lead + run_len;
    // 三点五, 九十五点五: digits after 点 are decimals; 九点三十分 is a time, not 9.3.
    let mut decimals = 0i16;
    let mut fraction_digits = 0usize;
    let mut power = 0;
    if !approx && text.get(j..).is_some_and(|r| r.starts_with('点')) {
        let after_point = j + '点'.len_utf8();
        let digits: Vec<u64> = text
            .get(after_point..)
            .unwrap_or("")
            .chars()
            .map_while(chinese_digit)
            .collect();
        let digits_len = digits.len() * '一'.len_utf8();
        let next = char_at(text, after_point + digits_len);
        if !digits.is_empty() && next.is_none_or(|c| chinese_small_unit(c).is_none()) {
            let mut unit = 0.1;
            for d in &digits {
                value += *d as f64 * unit;
                unit /= 10.0;
            }
            // Rounded to the digits written: 五点五 is 5.5, not 5.499….
            let scale = 10f64.powi(digits.len() as i32);
            value = (value * scale).round() / scale;
            fraction_digits = digits.len();
            j = after_point + digits_len;
            if let Some((word, written_power)) =
                multiplier_at(text.get(j..).unwrap_or(""), char_at(text, j))
            {
                power = written_power;
                value *= 10f64.powi(power);
                j += word.len();
            }
            decimals = precision(fraction_digits, power);
        }
    }
    if let Some(c) = char_at(text, j).filter(|c| APPROX_SUFFIXES.contains(c)) {
        approx = true;
        j += c.len_utf8();
    }
    let digit_by_digit =
        !several && run.chars().count() >= 2 && run.chars().all(|c| chinese_digit(c).is_some());
    Some(Core {
        start: i,
        end: j,
        value,
        decimals,
        approx,
        percent: false,
        chinese: true,
        plain_digits: 0,
        digit_by_digit: digit_by_digit && !approx,
        has_point: fraction_digits > 0,
        integer: Some(value as u64),
        fraction_digits,
        fraction: None,
        before: char_before(text, i),
        after: char_at(text, j),
    })
}

/// The length in bytes of the run of Chinese numeral characters opening `rest`.
fn numeral_run_len(rest: &str) -> usize {
    rest.chars()
        .take_while(|c| is_chinese_numeral_char(*c))
        .map(char::len_utf8)
        .sum()
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
        let after = char_at(text, end);
        if after.is_some_and(is_chinese_numeral_char) {
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
            before: char_before(text, at),
            after,
        }
    } else {
        read_chinese_core(text, at)?
    };
    if core.percent {
        return None;
    }
    core.start = i;
    core.before = char_before(text, i);
    core.percent = true;
    core.value /= 100.0;
    core.digit_by_digit = false;
    Some(core)
}

fn is_approx_prefix_start(text: &str, i: usize) -> Option<usize> {
    // Longest prefix ending exactly at i.
    let before = text.as_bytes().get(..i)?;
    APPROX_PREFIXES
        .iter()
        .find(|p| ends_with_word(before, p))
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
        read_chinese_core(trimmed, at)?
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

impl From<&Quantity> for ParsedNumber {
    fn from(q: &Quantity) -> ParsedNumber {
        ParsedNumber {
            value: q.value,
            approx: q.approx,
            decimals: q.decimals,
            percent: q.kind == QuantityKind::Percent,
        }
    }
}

/// Reads the figure written at a place of a text, the one way reportlint reads figures: rule
/// captures and `inspect` both get their values here.
///
/// The figure at a place is the quantity [`recognise`] finds there, with what surrounds it:
/// an approximation word before the number (`不少于120件`), after its unit (`120件以上`), a
/// range it belongs to (`3-5个`). Where [`recognise`] sees no quantity (an ordinal, a year, a
/// Chinese numeral without measure word), it is the number as written there, read by
/// [`parse_number`]. Each line is recognised once however many places are read in it.
#[derive(Debug)]
pub struct FigureReader<'t> {
    text: &'t str,
    /// The line last recognised, and the quantities in it (spans into `text`).
    line: Option<std::ops::Range<usize>>,
    found: Vec<Quantity>,
}

impl<'t> FigureReader<'t> {
    pub fn new(text: &'t str) -> FigureReader<'t> {
        FigureReader {
            text,
            line: None,
            found: Vec::new(),
        }
    }

    /// The figure whose number is written in `span` of the text; `None` when the text there
    /// is no number.
    pub fn at(&mut self, span: std::ops::Range<usize>) -> Option<ParsedNumber> {
        self.quantity_at(span.clone())
            .map(ParsedNumber::from)
            .or_else(|| parse_number(self.text.get(span)?))
    }

    /// The quantity [`recognise`] finds overlapping `span`, if any.
    pub fn quantity_at(&mut self, span: std::ops::Range<usize>) -> Option<&Quantity> {
        let text = self.text;
        text.get(span.clone())?;
        let in_line = self
            .line
            .as_ref()
            .is_some_and(|line| line.start <= span.start && span.end <= line.end);
        if !in_line {
            let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
            let end = text[span.end..]
                .find('\n')
                .map_or(text.len(), |i| span.end + i);
            self.found = recognise(&text[start..end]);
            for q in &mut self.found {
                q.span = q.span.start + start..q.span.end + start;
                q.unit_span = q.unit_span.take().map(|s| s.start + start..s.end + start);
            }
            self.line = Some(start..end);
        }
        self.found
            .iter()
            .find(|q| q.span.start < span.end && span.start < q.span.end)
    }
}

/// A unit written after a number, and the kind of quantity it makes of it.
#[derive(Debug, Clone, Copy)]
struct Unit {
    text: &'static str,
    kind: QuantityKind,
}

/// The units grouped by their first character (its code modulo 64), each group in the order
/// the units are tried: units of measure, money, then measure words, each in list order. Built
/// once; a unit is looked up after every number, and comparing the text with every unit in
/// turn would cost more than all the other tests on a number.
fn units_by_first_char() -> &'static [Vec<(char, Unit)>; 64] {
    static GROUPS: OnceLock<[Vec<(char, Unit)>; 64]> = OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut groups: [Vec<(char, Unit)>; 64] = std::array::from_fn(|_| Vec::new());
        let of_kind = |kind| move |text: &&'static str| Unit { text, kind };
        let in_order = OTHER_UNITS
            .iter()
            .map(of_kind(QuantityKind::Other))
            .chain(MONEY_UNITS.iter().map(of_kind(QuantityKind::Amount)))
            .chain(COUNT_UNITS.iter().map(of_kind(QuantityKind::Count)));
        for unit in in_order {
            let Some(first) = unit.text.chars().next() else {
                continue;
            };
            if let Some(group) = groups.get_mut(first as usize % 64) {
                group.push((first, unit));
            }
        }
        groups
    })
}

#[inline(always)]
fn unit_at(text: &str, at: usize) -> Option<Unit> {
    let rest = text.get(at..)?;
    let first = rest.chars().next()?;
    units_by_first_char()
        .get(first as usize % 64)?
        .iter()
        .find(|(unit_first, unit)| {
            // Most units are one character, which has matched once the first character has.
            *unit_first == first
                && (unit.text.len() == first.len_utf8()
                    || starts_with_word(rest.as_bytes(), unit.text))
        })
        .map(|(_, unit)| *unit)
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
}

/// Joins two numbers into a range: `3-5次`, `3至5人`.
fn is_range_joiner(c: char) -> bool {
    matches!(c, '-' | '－' | '—' | '–' | '~' | '～' | '至' | '到')
}

/// Joins numbers into a date or an identifier: `2024/3/28`, `12·4`, `1.2.3`.
fn is_identifier_joiner(c: char) -> bool {
    matches!(c, '/' | ':' | '·' | '・' | '.' | '．')
}

/// Whether the scan has to look at `c`: it may start a number (an Arabic or Chinese digit, 十,
/// the 百 of 百分之), or it opens or closes a book title, or ends a line.
const fn is_scan_stop(c: char) -> bool {
    arabic_digit(c).is_some()
        || chinese_digit(c).is_some()
        || matches!(c, '十' | '拾' | '百' | '几' | '《' | '》' | '\n')
}

/// [`is_scan_stop`] for every character below U+10000, one bit each, computed at compile time
/// (no character above is a scan stop). Most of a report is not a scan stop, and one table
/// lookup per character is the cheapest way to pass over it.
static SCAN_STOPS: [u64; 1024] = {
    let mut table = [0u64; 1024];
    let mut code = 0u32;
    while code < 0x1_0000 {
        if let Some(c) = char::from_u32(code) {
            if is_scan_stop(c) {
                table[(code >> 6) as usize] |= 1 << (code & 63);
            }
        }
        code += 1;
    }
    table
};

/// The next scan stop at or after byte `from`, with its byte offset. Decodes UTF-8 by hand:
/// this loop runs over every character of a report, and `str::char_indices` spends more per
/// character than the table lookup itself.
fn next_scan_stop(text: &str, from: usize) -> Option<(usize, char)> {
    let is_stop = |code: u32| {
        SCAN_STOPS
            .get(code as usize >> 6)
            .is_some_and(|bits| bits >> (code & 63) & 1 == 1)
    };
    let three_bytes = |lead: u8, second: u8, third: u8| {
        u32::from(lead & 0x0F) << 12 | u32::from(second & 0x3F) << 6 | u32::from(third & 0x3F)
    };
    let bytes = text.as_bytes();
    let mut i = from;
    loop {
        let rest = bytes.get(i..)?;
        // Two Chinese characters in a row, the common case, passed over together; eight bytes
        // are read at once because loading them one by one costs more than the lookups.
        if let Some(chunk) = rest.first_chunk::<8>() {
            let [l1, s1, t1, l2, s2, t2, _, _] = *chunk;
            if l1 & 0xF0 == 0xE0
                && l2 & 0xF0 == 0xE0
                && !is_stop(three_bytes(l1, s1, t1))
                && !is_stop(three_bytes(l2, s2, t2))
            {
                i += 6;
                continue;
            }
        }
        let (code, len) = match *rest {
            [] => return None,
            [ascii @ 0x00..=0x7F, ..] => (u32::from(ascii), 1),
            [lead @ 0xE0..=0xEF, second, third, ..] => (three_bytes(lead, second, third), 3),
            [lead @ 0xC0..=0xDF, second, ..] => {
                (u32::from(lead & 0x1F) << 6 | u32::from(second & 0x3F), 2)
            }
            // Four-byte characters are above U+FFFF, where no character is a scan stop.
            _ => (0x1_0000, 4),
        };
        if is_stop(code) {
            return char::from_u32(code).map(|c| (i, c));
        }
        i += len;
    }
}

/// Scans the text for quantities.
pub fn recognise(text: &str) -> Vec<Quantity> {
    let mut found = Vec::new();
    let mut in_book_title = 0usize;
    let mut i = 0;
    while let Some((stop, c)) = next_scan_stop(text, i) {
        i = stop;
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
        if c == '百' {
            if let Some(core) = read_percent_words(text, i) {
                let end = core.end;
                if in_book_title == 0 {
                    found.push(quantity(text, &core, None));
                }
                i = end;
                continue;
            }
        }
        if chinese_digit(c).is_some() || chinese_small_unit(c) == Some(10) || c == '几' {
            i = chinese_number(text, i, in_book_title > 0, &mut found);
            continue;
        }
        i += c.len_utf8();
    }
    found
}

/// Builds the quantity: approximation before the number, unit after it (or the shared unit
/// of a range), approximation after the unit.
#[inline(always)]
fn quantity(text: &str, core: &Core, shared_unit: Option<(Unit, Span)>) -> Quantity {
    let prefix_start = is_approx_prefix_start(text, core.start);
    let mut approx = core.approx || prefix_start.is_some();
    let mut end = core.end;
    let (unit, unit_span) = if core.percent {
        (None, None)
    } else if let Some((u, span)) = shared_unit {
        (Some(u), Some(span))
    } else {
        let unit_start = if core.after == Some(' ') {
            end + 1
        } else {
            end
        };
        match unit_at(text, unit_start) {
            Some(u) => {
                let span = unit_start..unit_start + u.text.len();
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
        unit.map_or(QuantityKind::Other, |u| u.kind)
    };
    Quantity {
        span: prefix_start.unwrap_or(core.start)..end,
        value: core.value,
        kind,
        approx,
        decimals: core.decimals,
        unit: unit.map(|u| u.text.to_string()),
        unit_span,
    }
}

/// What comes right after a number: used to rule out years, dates and identifiers.
fn is_date_or_identifier(text: &str, core: &Core) -> bool {
    let (before, after) = (core.before, core.after);
    if before == Some('第') {
        return true;
    }
    if before.is_some_and(is_latin) || after.is_some_and(is_latin) {
        return true;
    }
    match after {
        Some('年') => return core.plain_digits == 4 || core.digit_by_digit,
        Some('月' | '日' | '号') => return true,
        _ => {}
    }
    if hotline_ahead(text.get(core.end..).unwrap_or(""))
        || text
            .as_bytes()
            .get(..core.start)
            .is_some_and(|b| ends_with_word(b, "电话") || ends_with_word(b, "热线"))
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

/// Whether 热线 (a hotline) is within the next four characters, that is, starts at one of the
/// first three. Steps over characters by the length their first byte gives instead of decoding
/// them: this runs for nearly every number.
fn hotline_ahead(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    let mut at = 0;
    for _ in 0..3 {
        let Some(tail) = bytes.get(at..) else {
            return false;
        };
        if tail.starts_with("热线".as_bytes()) {
            return true;
        }
        at += match tail.first() {
            None => return false,
            Some(0x00..=0x7F) => 1,
            Some(0xC0..=0xDF) => 2,
            Some(0xE0..=0xEF) => 3,
            Some(_) => 4,
        };
    }
    false
}

/// Integer enumerators: `1、`, `2.` (not a decimal), `（1）`.
fn is_enumerator(text: &str, core: &Core) -> bool {
    if core.has_point || core.percent || core.approx || core.chinese {
        return false;
    }
    let (before, after) = (core.before, core.after);
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
    // Up to ten characters after the number, within its clause.
    let rest = text.get(core.end..).unwrap_or("");
    let tail_len: usize = rest
        .chars()
        .take(10)
        .take_while(|c| !matches!(c, '，' | '。' | '、' | ',' | '；' | '\n'))
        .map(char::len_utf8)
        .sum();
    let tail = rest.get(..tail_len).unwrap_or("");
    tail.contains('日') || tail.contains('节') || tail.starts_with('”') || tail.starts_with('"')
}

/// Reads the group of Arabic numbers starting at `i` (a single number, a range, a date or an
/// identifier) and pushes the quantities in it. Returns where scanning continues.
fn arabic_group(text: &str, i: usize, in_book_title: bool, found: &mut Vec<Quantity>) -> usize {
    let Some(first) = read_arabic_core(text, i) else {
        return i + char_at(text, i).map_or(1, char::len_utf8);
    };
    // A range has two numbers; with more, the group is an identifier, but it is read to its
    // end all the same so that scanning continues after it.
    let mut second: Option<Core> = None;
    let mut numbers = 1;
    let mut identifier_joiner = false;
    let mut end = first.end;
    let mut after = first.after;
    while let Some(j) = after {
        if !(is_range_joiner(j) || is_identifier_joiner(j)) {
            break;
        }
        let next_start = end + j.len_utf8();
        if arabic_digit_at(text.as_bytes(), next_start).is_none() {
            break;
        }
        let Some(next) = read_arabic_core(text, next_start) else {
            break;
        };
        identifier_joiner |= is_identifier_joiner(j);
        numbers += 1;
        end = next.end;
        after = next.after;
        second.get_or_insert(next);
    }
    if in_book_title {
        return end;
    }
    let before = first.before;
    let identifier = identifier_joiner
        || numbers > 2
        || matches!(before, Some('/' | '-' | '_' | '#'))
        || before.is_some_and(|c| c.is_ascii_alphanumeric());
    if identifier {
        return end;
    }
    match second {
        None => {
            if is_enumerator(text, &first)
                || is_festival_date(text, &first)
                || is_date_or_identifier(text, &first)
            {
                return end;
            }
            found.push(quantity(text, &first, None));
            end
        }
        Some(high) => {
            let low = first;
            // 2024-00009: a zero-padded second part is a serial number, not a range end.
            let padded = text
                .get(high.start..high.end)
                .is_some_and(|s| s.starts_with('0') && s.len() > 1 && !s.starts_with("0."));
            if padded || is_date_or_identifier(text, &high) || is_date_or_identifier(text, &low) {
                return end;
            }
            let high_q = quantity(text, &high, None);
            let mut low_core = low;
            if high_q.kind == QuantityKind::Percent && !low_core.percent {
                low_core.percent = true;
                low_core.value /= 100.0;
            }
            let shared = match (&high_q.unit, &high_q.unit_span) {
                (Some(u), Some(span)) => unit_at(text, span.start)
                    .filter(|x| x.text == u)
                    .map(|x| (x, span.clone())),
                _ => None,
            };
            let mut low_q = quantity(text, &low_core, shared);
            let mut high_q = high_q;
            // A range states neither end as the figure: both are approximate.
            low_q.approx = true;
            high_q.approx = true;
            found.push(low_q);
            found.push(high_q);
            end
        }
    }
}

/// Reads a run of Chinese numerals at `i` and pushes it if it is a count.
fn chinese_number(text: &str, i: usize, in_book_title: bool, found: &mut Vec<Quantity>) -> usize {
    // 几十个: 几 opens the numeral.
    let lead = if text.get(i..).is_some_and(|r| r.starts_with('几')) {
        '几'.len_utf8()
    } else {
        0
    };
    let run_len = numeral_run_len(text.get(i + lead..).unwrap_or(""));
    let run = text.get(i + lead..i + lead + run_len).unwrap_or("");
    let run_end = (i + lead + run_len).max(i + 1);
    if in_book_title || run_len == 0 {
        return run_end;
    }
    let next = char_at(text, run_end);
    // 三至五个: a range of Chinese numerals sharing the unit after the second.
    if lead == 0 && next.is_some_and(is_range_joiner) {
        if let Some(end) = chinese_range(text, i, found) {
            return end;
        }
    }
    // The commonest cases in report prose are settled before the numeral is read: a lone 一
    // (一个, 进一步), and a numeral without a measure word after it and its approximation
    // suffix (二、, 三是). Scanning may continue before such a suffix: it is no scan stop, so
    // that finds the same numbers.
    if lead == 0 && (run == "一" || run.chars().all(is_zero)) {
        return run_end;
    }
    if next != Some('点') {
        let suffix_len = next
            .filter(|c| APPROX_SUFFIXES.contains(c))
            .map_or(0, char::len_utf8);
        if unit_at(text, run_end + suffix_len).is_none() {
            return run_end;
        }
    }
    let Some(core) = read_chinese_core(text, i) else {
        return run_end;
    };
    let end = core.end;
    if core.digit_by_digit || unit_at(text, end).is_none() || chinese_excluded(text, &core) {
        return end;
    }
    // 届 (session) is not in the unit list, so 二十届 stays out; 年 after a digit-by-digit
    // numeral was handled above.
    let q = quantity(text, &core, None);
    let next = q.span.end.max(end);
    found.push(q);
    next
}

/// Whether a Chinese numeral followed by a measure word is still no quantity: an ordinal
/// (第四批, 初三, 周五), a fixed expression (三项制度), a short quotation (“五个一”), a date.
fn chinese_excluded(text: &str, core: &Core) -> bool {
    let i = core.start;
    let before = core.before;
    if matches!(before, Some('第' | '初' | '周' | '期'))
        || text
            .as_bytes()
            .get(..i)
            .is_some_and(|b| ends_with_word(b, "星期") || ends_with_word(b, "礼拜"))
    {
        return true;
    }
    if starts_with_any(text, i, FIXED_EXPRESSIONS).is_some() {
        return true;
    }
    if matches!(before, Some('“' | '"' | '‘' | '「')) {
        let closes_soon = text
            .get(i..)
            .unwrap_or("")
            .chars()
            .take(7)
            .any(|c| matches!(c, '”' | '"' | '’' | '」'));
        if closes_soon {
            return true;
        }
    }
    is_date_or_identifier(text, core)
}

/// Reads a range of two Chinese numerals at `i` (`三至五个`, `两到三次`) whose second has a
/// measure word, pushes both ends as approximate quantities sharing that unit, and returns
/// where scanning continues; `None` when the text there is no such range.
fn chinese_range(text: &str, i: usize, found: &mut Vec<Quantity>) -> Option<usize> {
    let low = read_chinese_core(text, i)?;
    let joiner = low.after.filter(|c| is_range_joiner(*c))?;
    let high_start = low.end + joiner.len_utf8();
    if !char_at(text, high_start).is_some_and(|c| chinese_digit(c).is_some() || c == '十') {
        return None;
    }
    let high = read_chinese_core(text, high_start)?;
    let unit = unit_at(text, high.end)?;
    if low.digit_by_digit
        || high.digit_by_digit
        || chinese_excluded(text, &low)
        || chinese_excluded(text, &high)
    {
        return Some(high.end);
    }
    let unit_span = high.end..high.end + unit.text.len();
    let mut low_q = quantity(text, &low, Some((unit, unit_span)));
    let mut high_q = quantity(text, &high, None);
    low_q.approx = true;
    high_q.approx = true;
    let next = high_q.span.end.max(high.end);
    found.push(low_q);
    found.push(high_q);
    Some(next)
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
    fn every_scan_stop_is_below_u10000_and_in_the_table() {
        // The scan passes over four-byte characters without a lookup.
        assert!((0x1_0000..=0x10_FFFF)
            .filter_map(char::from_u32)
            .all(|c| !is_scan_stop(c)));
        // Characters are passed over two at a time: the stop may be either of a pair.
        for c in ['0', '９', '〇', '○', '两', '拾', '百', '《', '》', '\n'] {
            for before in 0..4 {
                let text = format!("{}{c}的的的", "的".repeat(before));
                assert_eq!(next_scan_stop(&text, 0), Some(("的".len() * before, c)));
            }
        }
        assert_eq!(next_scan_stop("万千亿的", 0), None);
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

    fn read(text: &str) -> Vec<(String, f64, bool, i16, QuantityKind)> {
        recognise(text)
            .into_iter()
            .map(|q| {
                let written = text[q.span.clone()].to_string();
                (written, q.value, q.approx, q.decimals, q.kind)
            })
            .collect()
    }

    #[test]
    fn precision_of_multiplied_figures() {
        assert_eq!(precision(0, 0), 0);
        assert_eq!(precision(2, 0), 2);
        assert_eq!(precision(0, 4), 0);
        assert_eq!(precision(1, 4), -3);
        assert_eq!(precision(2, 8), -6);
        use QuantityKind::*;
        assert_eq!(
            read("办理2.3万件，经费1.25亿元，培训2万人次"),
            vec![
                ("2.3万".into(), 23_000.0, false, -3, Count),
                ("1.25亿".into(), 125_000_000.0, false, -6, Amount),
                ("2万".into(), 20_000.0, false, 0, Count),
            ]
        );
    }

    #[test]
    fn approximate_chinese_forms() {
        use QuantityKind::*;
        assert_eq!(
            read("三四个，十几个，二十多名，几十个，几百人，两三千人，七八十场"),
            vec![
                ("三四".into(), 3.0, true, 0, Count),
                ("十几".into(), 10.0, true, 0, Count),
                ("二十多".into(), 20.0, true, 0, Count),
                ("几十".into(), 10.0, true, 0, Count),
                ("几百".into(), 100.0, true, 0, Count),
                ("两三千".into(), 2000.0, true, 0, Count),
                ("七八十".into(), 70.0, true, 0, Count),
            ]
        );
        // 几 alone, 几乎, 几年来: no number.
        assert_eq!(read("几个部门几乎每周开展，几年来"), vec![]);
    }

    #[test]
    fn ranges_are_approximate() {
        use QuantityKind::*;
        assert_eq!(
            read("每村3-5个，每组三至五人，两到三次"),
            vec![
                ("3".into(), 3.0, true, 0, Count),
                ("5".into(), 5.0, true, 0, Count),
                ("三".into(), 3.0, true, 0, Count),
                ("五".into(), 5.0, true, 0, Count),
                ("两".into(), 2.0, true, 0, Count),
                ("三".into(), 3.0, true, 0, Count),
            ]
        );
        // Ordinals and months stay out.
        assert_eq!(read("第三至五批，一至三月"), vec![]);
    }

    #[test]
    fn chinese_decimals_after_dian() {
        use QuantityKind::*;
        assert_eq!(
            read("百分之九十五点五，三点五倍，下午三点开会，九点三十分"),
            vec![
                ("百分之九十五点五".into(), 0.955, false, 1, Percent),
                ("三点五".into(), 3.5, false, 1, Other),
            ]
        );
    }

    #[test]
    fn approximation_words_before_and_after() {
        for text in [
            "不少于120件",
            "不低于120件",
            "约120件",
            "大约120件",
            "近120件",
            "将近120件",
            "接近120件",
            "超120件",
            "超过120件",
            "逾120件",
            "120余件",
            "120多件",
            "120件以上",
            "120件左右",
            "120件上下",
        ] {
            let found = recognise(text);
            assert_eq!(found.len(), 1, "{text}");
            assert!(found[0].approx && found[0].value == 120.0, "{text}");
        }
    }

    #[test]
    fn figure_reader_reads_a_place_with_its_context() {
        let text = "第一行。\n共受理不少于120件，每村3-5个，二〇二四年，第1名。";
        let mut figures = FigureReader::new(text);
        let at = |needle: &str| {
            let start = text.find(needle).unwrap_or(0);
            start..start + needle.len()
        };
        let n = figures.at(at("120")).map(|f| (f.value, f.approx));
        assert_eq!(n, Some((120.0, true)));
        let n = figures.at(at("5")).map(|f| (f.value, f.approx));
        assert_eq!(n, Some((5.0, true)));
        // Not quantities for the model: read as written.
        let n = figures.at(at("二〇二四")).map(|f| (f.value, f.approx));
        assert_eq!(n, Some((2024.0, false)));
        // 第1名 is an ordinal: no quantity, the number as written.
        let ordinal = at("第1名").start + "第".len();
        assert!(figures.quantity_at(ordinal..ordinal + 1).is_none());
        let n = figures.at(ordinal..ordinal + 1).map(|f| f.value);
        assert_eq!(n, Some(1.0));
        assert_eq!(figures.at(at("第1名")), None);
    }
}
