//! `--format xlsx`: an Excel workbook for the office that keeps a table of the reports it
//! reviewed. Sheet `问题清单`: one row per occurrence of every finding (each label, and the
//! occurrences folded into a finding), with file, line, column, rule, severity, message,
//! help, reference (依据) and the flagged text (原文). Sheet `汇总`: one row per report with
//! its counts by severity and, for the rules tagged 必备内容 and 重点任务, a ✓ (the rule found
//! nothing) or ✗ column per rule, grouped under its tag. Sheet `规则`: the rules of those
//! columns. Every sheet has its header frozen and an autofilter; columns are as wide as
//! their text, CJK characters counting double.
//!
//! A workbook is binary and written whole at the end: the printer keeps the rows until
//! [`Printer::finish`]. It is written with `rust_xlsxwriter`.

use std::collections::HashMap;
use std::io::{self, Write};

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use super::annotate::severity_name;
use super::{FileReport, Printer, RuleInfo, Summary};
use crate::pack::model::Severity;

/// The tags whose rules get a column of their own in the overview, in this order.
pub const MATRIX_TAGS: [&str; 2] = ["必备内容", "重点任务"];

/// The findings sheet's headers.
pub const FINDING_HEADERS: [&str; 10] = [
    "文件", "行", "列", "规则", "级别", "问题", "说明", "依据", "原文", "备注",
];

/// The longest flagged text a cell shows (a cell holds at most 32,767 characters).
const MAX_QUOTE_CHARS: usize = 500;

/// A rule with a column in the overview.
struct MatrixRule {
    id: String,
    tag: &'static str,
    header: String,
    info: RuleInfo,
}

/// One row of the findings sheet.
struct Row {
    file: String,
    line: Option<usize>,
    column: Option<usize>,
    rule: String,
    severity: String,
    message: String,
    help: String,
    reference: String,
    quote: String,
    note: String,
}

/// One row of the overview.
struct Overview {
    file: String,
    error: Option<String>,
    counts: [usize; 3],
    places: usize,
    fired: Vec<bool>,
}

pub struct XlsxPrinter {
    matrix: Vec<MatrixRule>,
    rows: Vec<Row>,
    overview: Vec<Overview>,
}

impl XlsxPrinter {
    /// `rules`: the rules that run; `tags`: each rule's tags by `pack/id`.
    pub fn new(rules: &[RuleInfo], tags: &HashMap<String, Vec<String>>) -> XlsxPrinter {
        let mut matrix = Vec::new();
        for tag in MATRIX_TAGS {
            for r in rules {
                let Some(own) = tags.get(&r.id) else {
                    continue;
                };
                if !own.iter().any(|t| t == tag) {
                    continue;
                }
                let others: Vec<&str> = own
                    .iter()
                    .map(String::as_str)
                    .filter(|t| !MATRIX_TAGS.contains(t))
                    .collect();
                let header = if others.is_empty() {
                    r.summary.clone()
                } else {
                    others.join("、")
                };
                matrix.push(MatrixRule {
                    id: r.id.clone(),
                    tag,
                    header,
                    info: r.clone(),
                });
            }
        }
        XlsxPrinter {
            matrix,
            rows: Vec::new(),
            overview: Vec::new(),
        }
    }

    fn workbook(&self, summary: &Summary) -> Result<Vec<u8>, XlsxError> {
        let mut book = Workbook::new();
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_background_color("#D9E1F2")
            .set_border(FormatBorder::Thin);
        let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        let mark = Format::new().set_align(FormatAlign::Center);

        let sheet = book.add_worksheet();
        sheet.set_name("问题清单")?;
        let mut widths = Widths::new(&FINDING_HEADERS);
        for (c, h) in FINDING_HEADERS.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, *h, &header)?;
        }
        for (i, row) in self.rows.iter().enumerate() {
            let r = i as u32 + 1;
            let cells = [
                Cell::Text(&row.file),
                row.line.map_or(Cell::Text(""), Cell::Number),
                row.column.map_or(Cell::Text(""), Cell::Number),
                Cell::Text(&row.rule),
                Cell::Text(&row.severity),
                Cell::Text(&row.message),
                Cell::Text(&row.help),
                Cell::Text(&row.reference),
                Cell::Text(&row.quote),
                Cell::Text(&row.note),
            ];
            for (c, cell) in cells.iter().enumerate() {
                widths.see(c, cell);
                cell.write(sheet, r, c as u16, &wrap)?;
            }
        }
        widths.apply(sheet, &[8.0, 40.0])?;
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofilter(
            0,
            0,
            self.rows.len() as u32,
            FINDING_HEADERS.len() as u16 - 1,
        )?;

        let sheet = book.add_worksheet();
        sheet.set_name("汇总")?;
        let fixed = ["文件", "状态", "错误", "警告", "提示", "问题处数"];
        let mut headers: Vec<&str> = fixed.to_vec();
        headers.extend(self.matrix.iter().map(|m| m.header.as_str()));
        let mut widths = Widths::new(&headers);
        for (c, h) in fixed.iter().enumerate() {
            sheet.merge_range(0, c as u16, 1, c as u16, h, &header)?;
        }
        let mut c = fixed.len();
        for tag in MATRIX_TAGS {
            let n = self.matrix.iter().filter(|m| m.tag == tag).count();
            if n == 0 {
                continue;
            }
            let (first, last) = (c as u16, (c + n - 1) as u16);
            if n == 1 {
                sheet.write_string_with_format(0, first, tag, &header)?;
            } else {
                sheet.merge_range(0, first, 0, last, tag, &header)?;
            }
            c += n;
        }
        for (i, m) in self.matrix.iter().enumerate() {
            sheet.write_string_with_format(1, (fixed.len() + i) as u16, &m.header, &header)?;
        }
        for (i, o) in self.overview.iter().enumerate() {
            let r = i as u32 + 2;
            let status = match &o.error {
                Some(e) => format!("无法检查：{e}"),
                None => "已检查".to_string(),
            };
            let mut cells = vec![
                Cell::Text(&o.file),
                Cell::Owned(status),
                Cell::Number(o.counts[0]),
                Cell::Number(o.counts[1]),
                Cell::Number(o.counts[2]),
                Cell::Number(o.places),
            ];
            for &fired in &o.fired {
                cells.push(match (&o.error, fired) {
                    (Some(_), _) => Cell::Text(""),
                    (None, true) => Cell::Text("✗"),
                    (None, false) => Cell::Text("✓"),
                });
            }
            for (c, cell) in cells.iter().enumerate() {
                widths.see(c, cell);
                let format = if c >= fixed.len() { &mark } else { &wrap };
                cell.write(sheet, r, c as u16, format)?;
            }
        }
        widths.apply(sheet, &[6.0, 30.0])?;
        sheet.set_freeze_panes(2, 1)?;
        sheet.autofilter(
            1,
            0,
            self.overview.len() as u32 + 1,
            headers.len() as u16 - 1,
        )?;
        let total = self.overview.len() as u32 + 3;
        sheet.write_string(
            total,
            0,
            format!(
                "共 {} 份报告：{} 个错误，{} 个警告，{} 个提示；{} 份无法检查",
                summary.files,
                summary.errors,
                summary.warnings,
                summary.infos,
                summary.failed_files
            ),
        )?;

        let sheet = book.add_worksheet();
        sheet.set_name("规则")?;
        let rule_headers = ["分类", "列名", "规则", "级别", "问题", "说明", "依据"];
        let mut widths = Widths::new(&rule_headers);
        for (c, h) in rule_headers.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, *h, &header)?;
        }
        for (i, m) in self.matrix.iter().enumerate() {
            let cells = [
                Cell::Text(m.tag),
                Cell::Text(&m.header),
                Cell::Text(&m.id),
                Cell::Text(severity_name(m.info.severity)),
                Cell::Text(&m.info.summary),
                Cell::Text(m.info.help.as_deref().unwrap_or("")),
                Cell::Text(m.info.reference.as_deref().unwrap_or("")),
            ];
            for (c, cell) in cells.iter().enumerate() {
                widths.see(c, cell);
                cell.write(sheet, i as u32 + 1, c as u16, &wrap)?;
            }
        }
        widths.apply(sheet, &[6.0, 40.0])?;
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofilter(
            0,
            0,
            self.matrix.len() as u32,
            rule_headers.len() as u16 - 1,
        )?;
        book.save_to_buffer()
    }
}

enum Cell<'a> {
    Text(&'a str),
    Owned(String),
    Number(usize),
}

impl Cell<'_> {
    fn text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Cell::Text(t) => (*t).into(),
            Cell::Owned(t) => t.as_str().into(),
            Cell::Number(n) => n.to_string().into(),
        }
    }

    fn write(
        &self,
        sheet: &mut Worksheet,
        r: u32,
        c: u16,
        format: &Format,
    ) -> Result<(), XlsxError> {
        match self {
            Cell::Number(n) => sheet.write_number_with_format(r, c, *n as f64, format)?,
            other => sheet.write_string_with_format(r, c, other.text(), format)?,
        };
        Ok(())
    }
}

/// Column widths that fit the text: display columns (CJK characters count double) of the
/// longest line in the column, within bounds.
struct Widths(Vec<usize>);

impl Widths {
    fn new(headers: &[&str]) -> Widths {
        Widths(headers.iter().map(|h| display_width(h)).collect())
    }

    fn see(&mut self, c: usize, cell: &Cell) {
        let w = display_width(&cell.text());
        if let Some(slot) = self.0.get_mut(c) {
            *slot = (*slot).max(w);
        }
    }

    fn apply(&self, sheet: &mut Worksheet, bounds: &[f64; 2]) -> Result<(), XlsxError> {
        for (c, &w) in self.0.iter().enumerate() {
            let width = (w as f64 + 2.0).clamp(bounds[0], bounds[1]);
            sheet.set_column_width(c as u16, width)?;
        }
        Ok(())
    }
}

/// Display columns of the widest line of `text`: CJK characters count double.
pub fn display_width(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// The text a span flags, shortened for a cell.
fn quote(text: &str, span: &std::ops::Range<usize>) -> String {
    let Some(flagged) = text.get(span.clone()) else {
        return String::new();
    };
    let mut out: String = flagged.chars().take(MAX_QUOTE_CHARS).collect();
    if flagged.chars().count() > MAX_QUOTE_CHARS {
        out.push('…');
    }
    out
}

impl Printer for XlsxPrinter {
    fn file(&mut self, report: &FileReport, _out: &mut dyn Write) -> io::Result<()> {
        let file = report.shown_path();
        let mut counts = [0; 3];
        let mut places = 0;
        for f in &report.findings {
            let d = &f.finding;
            counts[match d.severity {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Info => 2,
            }] += 1;
            let note = d.note.clone().unwrap_or_default();
            let mut row = |line, column, quote: String, note: String| {
                places += 1;
                self.rows.push(Row {
                    file: file.clone(),
                    line,
                    column,
                    rule: d.rule.clone(),
                    severity: severity_name(d.severity).to_string(),
                    message: d.message.clone(),
                    help: d.help.clone().unwrap_or_default(),
                    reference: d.reference.clone().unwrap_or_default(),
                    quote,
                    note,
                });
            };
            let text = report
                .source
                .as_ref()
                .map(|s| s.text.as_str())
                .unwrap_or("");
            for l in &f.labels {
                row(
                    Some(l.start.line),
                    Some(l.start.column),
                    quote(text, &l.label.span),
                    note.clone(),
                );
            }
            for l in &d.folded_labels {
                let at = report
                    .source
                    .as_ref()
                    .map(|s| s.lines.position(&s.text, l.span.start));
                row(
                    at.map(|p| p.line),
                    at.map(|p| p.column),
                    quote(text, &l.span),
                    "同类问题，折叠在上一处之下".to_string(),
                );
            }
            let unplaced = d.folded.saturating_sub(d.folded_labels.len());
            if f.labels.is_empty() || unplaced > 0 {
                let note = if unplaced > 0 {
                    format!("另有 {unplaced} 处同类问题没有具体位置")
                } else {
                    note.clone()
                };
                row(None, None, String::new(), note);
            }
        }
        let fired = self
            .matrix
            .iter()
            .map(|m| report.findings.iter().any(|f| f.finding.rule == m.id))
            .collect();
        self.overview.push(Overview {
            file,
            error: report.error.clone(),
            counts,
            places,
            fired,
        });
        Ok(())
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        let bytes = self.workbook(summary).map_err(io::Error::other)?;
        out.write_all(&bytes)
    }

    fn needs_source(&self) -> bool {
        true
    }
}
