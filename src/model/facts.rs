//! Document facts: the year a report covers and the date it was written.
//!
//! Input is a document whose title, metadata, headings and paragraphs are already found;
//! output is [`Facts`]. The report year comes from the title (`省新镇2023年法治政府建设年度
//! 报告`, `关于2023年度……的报告`) or, failing that, from the body's own statements about the
//! year it reports on (`2023年，在区委的正确领导下……`, `现将我局2023年度……报告如下`, a heading
//! `一、2023年推进法治政府建设的主要举措`, `2023年以来`). A year inside a cited title (`《……
//! 纲要（2021—2025年）》`), the end of a range (`2021—2025年`), a document number
//! (`〔2023〕15号`) or a plan (`2025年，我镇将……`, anything under a 工作打算 heading) is not the
//! report's year. When the title and the body name different years, both are kept and the
//! report year is left unknown: rules that read it do not guess. The document date is the
//! metadata field 成文日期, else a paragraph near the end that is nothing but a date (the
//! dated signature).

use super::{Document, Span};
use crate::model::numbers::chinese_numeral_value;
use serde::Serialize;
use std::fmt;

/// A calendar date as written in a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Date {
    /// A date if the day exists in that month.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }
}

/// Where the report year was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum YearSource {
    /// The title names it.
    Title,
    /// The report has no year in its title; the body's statements name it.
    Body,
}

impl YearSource {
    pub fn as_str(self) -> &'static str {
        match self {
            YearSource::Title => "title",
            YearSource::Body => "body",
        }
    }
}

/// Facts about the report as a whole.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Facts {
    /// The year the report covers, with the span of the year number. Unknown when the title
    /// and the body name different years.
    pub report_year: Option<(i32, Span)>,
    /// Where `report_year` was read.
    pub report_year_from: Option<YearSource>,
    /// The year the title names (outside cited titles and ranges).
    pub title_year: Option<(i32, Span)>,
    /// The year the body says it reports on (its first statement of it).
    pub body_year: Option<(i32, Span)>,
    /// 成文日期, with the span of the date text.
    pub document_date: Option<(Date, Span)>,
}

fn number_value(part: &str) -> Option<u64> {
    if part.chars().all(|c| c.is_ascii_digit()) && !part.is_empty() {
        return part.parse().ok();
    }
    if part.chars().all(|c| ('０'..='９').contains(&c)) && !part.is_empty() {
        let ascii: String = part
            .chars()
            .filter_map(|c| char::from_u32(c as u32 - '０' as u32 + '0' as u32))
            .collect();
        return ascii.parse().ok();
    }
    chinese_numeral_value(part)
}

/// Parses a whole string as a date: `2025年2月11日`, `2024-03-28`, `2024/3/28`,
/// `2024.3.28`, `二〇二五年二月十一日`.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let (year, month, day) =
        if let Some(rest) = s.strip_suffix('日').or_else(|| s.strip_suffix('号')) {
            let (year, rest) = rest.split_once('年')?;
            let (month, day) = rest.split_once('月')?;
            (year, month, day)
        } else {
            let sep = ['-', '/', '.', '－'].into_iter().find(|c| s.contains(*c))?;
            // Exactly three parts; a long paragraph is turned away at its fourth.
            let mut parts = s.split(sep);
            match (parts.next(), parts.next(), parts.next(), parts.next()) {
                (Some(year), Some(month), Some(day), None) => (year, month, day),
                _ => return None,
            }
        };
    let year = number_value(year.trim())?;
    if !(1900..=2200).contains(&year) {
        return None;
    }
    Date::new(
        i32::try_from(year).ok()?,
        u32::try_from(number_value(month.trim())?).ok()?,
        u32::try_from(number_value(day.trim())?).ok()?,
    )
}

/// The years written in `span` (`2023年`, `二〇二三年`), with their spans, in text order;
/// not those inside a cited title `《…》` or ending a range (`2021—2025年`).
fn years_in(text: &str, span: &Span) -> Vec<(i32, Span)> {
    let mut out = Vec::new();
    let Some(slice) = text.get(span.clone()) else {
        return out;
    };
    for (i, _) in slice.match_indices('年') {
        let Some(before) = slice.get(..i) else {
            continue;
        };
        let cited = before.matches('《').count() > before.matches('》').count();
        let digits: String = before
            .chars()
            .rev()
            .take_while(|c| {
                c.is_ascii_digit()
                    || matches!(c, '〇' | '零' | '○')
                    || "一二三四五六七八九".contains(*c)
            })
            .collect();
        if digits.chars().count() != 4 {
            continue;
        }
        let written: String = digits.chars().rev().collect();
        let Some(year) = number_value(&written) else {
            continue;
        };
        let range_end = before
            .get(..before.len() - written.len())
            .and_then(|b| b.chars().next_back())
            .is_some_and(|c| matches!(c, '—' | '－' | '-' | '～' | '~' | '至' | '到' | '–'));
        if (1900..=2200).contains(&year) && !cited && !range_end {
            let start = span.start + i - written.len();
            if let Ok(year) = i32::try_from(year) {
                out.push((year, start..start + written.len()));
            }
        }
    }
    out
}

/// A year as written, with the span of its number.
type YearAt = (i32, Span);

/// Words of a heading over next year's plans.
const PLAN_WORDS: [&str; 12] = [
    "下一",
    "下步",
    "打算",
    "思路",
    "安排",
    "计划",
    "要点",
    "努力方向",
    "目标举措",
    "明年",
    "今后",
    "改进措施",
];

/// Whether a text starts a statement about what will be done: `我镇将`, `将`, `计划`.
fn plan_clause(after: &str) -> bool {
    let rest = after.trim_start_matches(['，', ',', '、', ' ']);
    let subject: usize = [
        "我们",
        "我镇",
        "我乡",
        "我局",
        "我委",
        "我办",
        "我街道",
        "我区",
        "我县",
        "全镇",
        "全乡",
        "全局",
    ]
    .iter()
    .find(|s| rest.starts_with(*s))
    .map_or(0, |s| s.len());
    let verb = &rest[subject..];
    ["将", "要", "计划", "拟", "力争", "继续", "持续", "预计"]
        .iter()
        .any(|w| verb.starts_with(w))
}

/// Whether a byte offset lies under a heading about plans (the heading itself or below).
fn under_plan_heading(doc: &Document, offset: usize) -> bool {
    let mut section = Some(doc.section_of(offset));
    while let Some(s) = section {
        if let Some(h) = doc.section_heading(s) {
            let heading = doc.slice(&h.text_span);
            if PLAN_WORDS.iter().any(|w| heading.contains(w)) {
                return true;
            }
        }
        section = doc.sections.get(s).and_then(|s| s.parent);
    }
    false
}

/// The year the body says it reports on: the year of most of its statements of it, if one
/// year has more than any other (else none: the body is not clear), with the span of its
/// first statement; and, as a weaker fallback, the first `2023年以来` or year in an opening
/// paragraph about 法治政府建设.
///
/// A statement is a paragraph opening with the year (`2023年，` `2023年度，` `2023年全年`),
/// `现将……2023年……报告如下`, or a heading naming the year and the work
/// (`一、2023年推进法治政府建设的主要举措`); none under a plan heading or opening a plan
/// (`2025年，我镇将……`).
fn body_years(doc: &Document) -> (Option<YearAt>, Option<YearAt>) {
    let text = doc.text.as_str();
    let mut strong: Vec<YearAt> = Vec::new();
    let mut weak: Option<YearAt> = None;
    let first_heading = doc.headings.first().map_or(text.len(), |h| h.span.start);
    for p in &doc.paragraphs {
        if p.role == super::ParagraphRole::Title || under_plan_heading(doc, p.span.start) {
            continue;
        }
        let slice = doc.slice(&p.span);
        let heading = p.heading.and_then(|h| doc.headings.get(h));
        let heading_text = heading.map_or("", |h| doc.slice(&h.text_span));
        if PLAN_WORDS.iter().any(|w| heading_text.contains(w)) {
            continue;
        }
        for (year, span) in years_in(text, &p.span) {
            let after = text
                .get(span.end + '年'.len_utf8()..p.span.end)
                .unwrap_or("");
            let after_du = after.strip_prefix('度').unwrap_or(after);
            let in_heading = heading.is_some_and(|h| span.end <= h.span.end);
            let sentence = doc
                .sentences
                .iter()
                .find(|s| s.span.start <= span.start && span.end <= s.span.end)
                .map_or("", |s| doc.slice(&s.span));
            let opens = span.start == heading.map_or(p.span.start, |h| h.text_span.start)
                && (after_du.starts_with(['，', ',']) || after_du.starts_with("全年"))
                && !plan_clause(after_du);
            let states = if in_heading {
                heading_text.contains("法治") || heading_text.contains("依法")
            } else {
                opens
                    || after_du.starts_with("全年")
                    || (sentence.contains("现将") && sentence.contains("如下"))
            };
            if states {
                strong.push((year, span));
            } else if weak.is_none()
                && (after.starts_with("以来")
                    || (span.start < first_heading && slice.contains("法治政府建设")))
            {
                weak = Some((year, span));
            }
        }
    }
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for (year, _) in &strong {
        match counts.iter_mut().find(|(y, _)| y == year) {
            Some(c) => c.1 += 1,
            None => counts.push((*year, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let clear = match counts.as_slice() {
        [(year, _)] => Some(*year),
        [(year, n), (_, m), ..] if n > m => Some(*year),
        _ => None,
    };
    let body = clear.and_then(|year| strong.into_iter().find(|(y, _)| *y == year));
    (body, weak)
}

pub fn find_facts(doc: &Document) -> Facts {
    let text = doc.text.as_str();
    let title_year = doc
        .title
        .as_ref()
        .and_then(|t| years_in(text, &t.span).into_iter().next());
    let (body_year, weak_body_year) = body_years(doc);
    let (report_year, report_year_from) = match (&title_year, &body_year) {
        (Some(t), Some(b)) if t.0 != b.0 => (None, None),
        (Some(t), _) => (Some(t.clone()), Some(YearSource::Title)),
        (None, Some(b)) => (Some(b.clone()), Some(YearSource::Body)),
        (None, None) => (weak_body_year, Some(YearSource::Body)),
    };
    let report_year_from = report_year.as_ref().and(report_year_from);
    let from_metadata = doc
        .metadata
        .iter()
        .filter(|m| m.key == "成文日期")
        .find_map(|m| parse_date(&m.value).map(|d| (d, m.value_span.clone())));
    let from_signature = || {
        doc.paragraphs
            .iter()
            .rev()
            .take(6)
            .find_map(|p| parse_date(doc.slice(&p.span)).map(|d| (d, p.span.clone())))
    };
    Facts {
        report_year,
        report_year_from,
        title_year,
        body_year,
        document_date: from_metadata.or_else(from_signature),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_reports_use() {
        let expected = Date::new(2025, 2, 11);
        assert!(expected.is_some());
        assert_eq!(parse_date("2025年2月11日"), expected);
        assert_eq!(parse_date("2025-02-11"), expected);
        assert_eq!(parse_date("2025/2/11"), expected);
        assert_eq!(parse_date("二〇二五年二月十一日"), expected);
        assert_eq!(parse_date("2025年2月30日"), None);
        assert_eq!(parse_date("特此报告"), None);
    }

    fn years(text: &str) -> (Option<i32>, Option<i32>, Option<i32>) {
        let doc = Document::parse(text.to_string());
        let y = |f: &Option<(i32, Span)>| f.as_ref().map(|(y, _)| *y);
        (
            y(&doc.facts.report_year),
            y(&doc.facts.title_year),
            y(&doc.facts.body_year),
        )
    }

    #[test]
    fn the_year_is_not_read_from_cited_titles_ranges_document_numbers_or_plans() {
        let cited =
            "关于贯彻落实《法治政府建设实施纲要（2021—2025年）》2024年度情况的报告\n正文。\n";
        assert_eq!(years(cited).0, Some(2024));
        let no_title_year = "某镇法治政府建设工作报告\n按照（法办〔2023〕15号）要求。\n2025年，我镇将继续推进依法行政。\n2024年，我镇开展普法活动12场。\n";
        assert_eq!(years(no_title_year), (Some(2024), None, Some(2024)));
    }

    #[test]
    fn title_and_body_disagreeing_leave_the_report_year_unknown() {
        let text = "某镇2024年法治政府建设年度报告\n2023年，我镇深入推进依法行政。\n一、2023年推进法治政府建设的主要举措\n";
        assert_eq!(years(text), (None, Some(2024), Some(2023)));
        // One stray statement against another is not clear: no body year, no dispute.
        let unclear = "某镇2024年法治政府建设年度报告\n2023年，我镇被评为示范镇。\n2024年，我镇开展普法12场。\n";
        assert_eq!(years(unclear), (Some(2024), Some(2024), None));
    }
}
