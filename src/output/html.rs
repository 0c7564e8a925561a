//! `--format html`: one self-contained page (no scripts, no external files) that shows each
//! report with its findings highlighted inline and listed below it, for readers who do not
//! use terminals.

use std::io::{self, Write};

use super::{FileReport, Printer, Summary};
use crate::pack::model::Severity;

#[derive(Default)]
pub struct HtmlPrinter {
    index: usize,
}

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:60em;line-height:1.7;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;border-bottom:1px solid #ccc;margin-top:2em}
.text{white-space:pre-wrap;background:#fafafa;border:1px solid #ddd;padding:1em;font-size:15px}
mark{padding:0 1px;border-radius:2px}
mark.error{background:#ffd0d0;border-bottom:2px solid #c00}
mark.warning{background:#fff0b3;border-bottom:2px solid #b80}
mark.info{background:#dbeafe;border-bottom:2px solid #36c}
ol.findings li{margin:.4em 0}.sev{font-weight:bold;text-transform:uppercase;font-size:.8em}
.sev.error{color:#c00}.sev.warning{color:#b80}.sev.info{color:#36c}
.rule{font-family:monospace;color:#555}.help{color:#555;font-size:.9em}
.summary{font-weight:bold}.failed{color:#c00}
"#;

fn class(s: Severity) -> &'static str {
    s.as_str()
}

impl Printer for HtmlPrinter {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>reportlint 检查结果</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>reportlint 检查结果</h1>\n"
        )
    }

    fn file(&mut self, report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        self.index += 1;
        let file_id = self.index;
        writeln!(
            out,
            "<section class=\"file\">\n<h2>{}</h2>",
            escape(&report.shown_path())
        )?;
        if let Some(err) = &report.error {
            writeln!(
                out,
                "<p class=\"failed\">未能检查：{}</p>",
                escape(&super::escape_controls(err))
            )?;
        }
        if let Some(source) = &report.source {
            // Cut the text at every label boundary; each piece is marked with the most
            // severe finding covering it.
            let text = &source.text;
            let mut bounds = vec![0, text.len()];
            for f in &report.findings {
                for l in &f.finding.labels {
                    if text.is_char_boundary(l.span.start) && text.is_char_boundary(l.span.end) {
                        bounds.push(l.span.start.min(text.len()));
                        bounds.push(l.span.end.min(text.len()));
                    }
                }
            }
            bounds.sort_unstable();
            bounds.dedup();
            write!(out, "<div class=\"text\">")?;
            // Each finding's anchor goes before the piece where its first label starts, once,
            // so ids stay unique however many pieces or findings overlap.
            let mut anchored = vec![false; report.findings.len()];
            for w in bounds.windows(2) {
                let (a, b) = (w[0], w[1]);
                for (i, f) in report.findings.iter().enumerate() {
                    let starts_here = f
                        .finding
                        .labels
                        .first()
                        .is_none_or(|l| l.span.start.min(text.len()) < b || b == text.len());
                    if !anchored[i] && starts_here {
                        anchored[i] = true;
                        write!(out, "<span id=\"f{file_id}-{}\"></span>", i + 1)?;
                    }
                }
                let piece = escape(&text[a..b]);
                let covering: Vec<_> = report
                    .findings
                    .iter()
                    .filter(|f| {
                        f.finding
                            .labels
                            .iter()
                            .any(|l| l.span.start <= a && b <= l.span.end && a < b)
                    })
                    .collect();
                // The most severe finding colours the piece; every covering finding is named
                // in its tooltip, so overlapping labels are not lost.
                match covering.iter().map(|f| f.finding.severity).max() {
                    Some(severity) => {
                        let title: Vec<String> = covering
                            .iter()
                            .map(|f| format!("{}: {}", f.finding.rule, f.finding.message))
                            .collect();
                        write!(
                            out,
                            "<mark class=\"{}\" title=\"{}\">{piece}</mark>",
                            class(severity),
                            escape(&title.join("\n"))
                        )?
                    }
                    None => out.write_all(piece.as_bytes())?,
                }
            }
            writeln!(out, "</div>")?;
        }
        if report.findings.is_empty() && report.error.is_none() {
            writeln!(out, "<p>未发现问题。</p>")?;
        } else if !report.findings.is_empty() {
            writeln!(out, "<ol class=\"findings\">")?;
            for (i, f) in report.findings.iter().enumerate() {
                let at = f
                    .primary()
                    .map(|p| format!("{}:{}", p.start.line, p.start.column))
                    .unwrap_or_default();
                write!(
                    out,
                    "<li><a href=\"#f{file_id}-{}\">{at}</a> <span class=\"sev {}\">{}</span> {} <span class=\"rule\">{}</span>",
                    i + 1,
                    class(f.finding.severity),
                    f.finding.severity,
                    escape(&f.finding.message),
                    escape(&f.finding.rule)
                )?;
                if let Some(help) = &f.finding.help {
                    write!(out, "<div class=\"help\">{}</div>", escape(help))?;
                }
                if let Some(note) = &f.finding.note {
                    write!(out, "<div class=\"help\">{}</div>", escape(note))?;
                }
                writeln!(out, "</li>")?;
            }
            writeln!(out, "</ol>")?;
        }
        writeln!(out, "</section>")
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        writeln!(
            out,
            "<p class=\"summary\">共检查 {} 个文件：错误 {} 个，警告 {} 个，提示 {} 个{}。</p>",
            summary.files,
            summary.errors,
            summary.warnings,
            summary.infos,
            if summary.failed_files > 0 {
                format!("，{} 个文件未能检查", summary.failed_files)
            } else {
                String::new()
            },
        )?;
        for e in &summary.pack_errors {
            writeln!(
                out,
                "<p class=\"summary\">规则包未能加载，其规则未运行：{}</p>",
                escape(e)
            )?;
        }
        writeln!(out, "</body>\n</html>")
    }

    fn needs_source(&self) -> bool {
        true
    }
}
