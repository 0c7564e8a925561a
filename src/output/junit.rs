//! `--format junit`: JUnit XML, one test case per file × rule, so CI systems (GitLab, Jenkins)
//! list every rule of every report as passed or failed.

use std::io::{self, Write};

use super::{FileReport, Printer, RuleInfo, Summary};

pub struct JunitPrinter {
    rules: Vec<RuleInfo>,
}

impl JunitPrinter {
    pub fn new(mut rules: Vec<RuleInfo>) -> Self {
        rules.sort_by(|a, b| a.id.cmp(&b.id));
        JunitPrinter { rules }
    }
}

/// Escape text for XML attributes and content; drop characters XML 1.0 cannot carry.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

impl Printer for JunitPrinter {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(out, "<testsuites name=\"reportlint\">")
    }

    /// One test suite per file (so the XML streams), one test case per rule.
    fn file(&mut self, report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        let shown = report.shown_path();
        let path = escape(&shown);
        if let Some(err) = &report.error {
            writeln!(
                out,
                "  <testsuite name=\"{path}\" tests=\"1\" failures=\"0\" errors=\"1\">"
            )?;
            writeln!(
                out,
                "    <testcase classname=\"{path}\" name=\"read\">\n      <error message=\"{}\"/>\n    </testcase>",
                escape(&super::escape_controls(err))
            )?;
            return writeln!(out, "  </testsuite>");
        }
        let mut cases = String::new();
        let mut failures = 0;
        for rule in &self.rules {
            let found: Vec<_> = report
                .findings
                .iter()
                .filter(|f| f.finding.rule == rule.id)
                .collect();
            let Some(first) = found.first() else {
                cases.push_str(&format!(
                    "    <testcase classname=\"{path}\" name=\"{}\"/>\n",
                    escape(&rule.id)
                ));
                continue;
            };
            failures += 1;
            let mut body = String::new();
            for f in &found {
                let at = f
                    .primary()
                    .map(|p| format!("{shown}:{}:{}", p.start.line, p.start.column))
                    .unwrap_or_else(|| shown.clone());
                body.push_str(&format!(
                    "{at}: {}: {}\n",
                    f.finding.severity, f.finding.message
                ));
                // Further occurrences (grouped in human output) each on a line of their own.
                for l in f.labels.iter().skip(1).chain(&f.folded) {
                    body.push_str(&format!(
                        "{shown}:{}:{}: {}: {}\n",
                        l.start.line, l.start.column, f.finding.severity, f.finding.message
                    ));
                }
            }
            cases.push_str(&format!(
                "    <testcase classname=\"{path}\" name=\"{}\">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>\n",
                escape(&rule.id),
                escape(&first.finding.message),
                first.finding.severity,
                escape(&body)
            ));
        }
        writeln!(
            out,
            "  <testsuite name=\"{path}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\">",
            self.rules.len()
        )?;
        out.write_all(cases.as_bytes())?;
        writeln!(out, "  </testsuite>")
    }

    /// A pack that could not be loaded is one more suite, in error: its rules did not run.
    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        if !summary.pack_errors.is_empty() {
            let n = summary.pack_errors.len();
            writeln!(
                out,
                "  <testsuite name=\"rule packs\" tests=\"{n}\" failures=\"0\" errors=\"{n}\">"
            )?;
            for e in &summary.pack_errors {
                writeln!(
                    out,
                    "    <testcase classname=\"rule packs\" name=\"load\">\n      <error message=\"{}\"/>\n    </testcase>",
                    escape(e)
                )?;
            }
            writeln!(out, "  </testsuite>")?;
        }
        writeln!(out, "</testsuites>")
    }
}
