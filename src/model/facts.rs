//! Document facts: the year a report covers and the date it was written.
//!
//! Input is a document whose title, metadata, headings and paragraphs are already found;
//! output is [`Facts`]. The report year comes from the title (`省新镇2023年法治政府建设年度
//! 报告`); without a title, from the first paragraph up to the first heading that names a year
//! and 法治政府建设. The document date is the metadata field 成文日期, else a paragraph near
//! the end that is nothing but a date (the dated signature).

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

/// Facts about the report as a whole.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Facts {
    /// The year the report covers, with the span of the year number.
    pub report_year: Option<(i32, Span)>,
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

/// The first year written in `span` (`2023年`, `二〇二三年`), with its span.
fn year_in(text: &str, span: &Span) -> Option<(i32, Span)> {
    let slice = text.get(span.clone())?;
    for (i, _) in slice.match_indices('年') {
        let before = slice.get(..i)?;
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
        if (1900..=2200).contains(&year) {
            let start = span.start + i - written.len();
            return Some((i32::try_from(year).ok()?, start..start + written.len()));
        }
    }
    None
}

pub fn find_facts(doc: &Document) -> Facts {
    let text = doc.text.as_str();
    let report_year = match &doc.title {
        Some(title) => year_in(text, &title.span),
        None => doc
            .paragraphs
            .iter()
            .take_while(|p| p.heading.is_none())
            .chain(
                doc.paragraphs
                    .iter()
                    .filter(|p| p.heading.is_some())
                    .take(1),
            )
            .filter(|p| doc.slice(&p.span).contains("法治政府建设"))
            .find_map(|p| year_in(text, &p.span)),
    };
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
}
