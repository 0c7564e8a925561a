//! `--format github`: GitHub Actions workflow commands, one line per finding, which the
//! runner turns into annotations on the pull request.

use std::io::{self, Write};

use super::{FileReport, Printer, Summary};
use crate::pack::model::Severity;

pub struct GithubPrinter;

/// Escape a message (workflow command data); other control characters are shown as `\xNN`.
fn data(s: &str) -> String {
    super::escape_controls(s)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value (file, title).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Printer for GithubPrinter {
    fn file(&mut self, report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        let path = report.shown_path();
        if let Some(err) = &report.error {
            writeln!(
                out,
                "::error file={},title={}::{}",
                property(&path),
                property(&crate::tr!("github-file-not-checked")),
                data(err)
            )?;
        }
        for f in &report.findings {
            let level = match f.finding.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut message = f.finding.message.clone();
            if let Some(help) = &f.finding.help {
                message.push('\n');
                message.push_str(help);
            }
            match f.primary() {
                Some(p) => writeln!(
                    out,
                    "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                    property(&path),
                    p.start.line,
                    p.start.column,
                    p.end.line,
                    p.end.column,
                    property(&f.finding.rule),
                    data(&message)
                )?,
                None => writeln!(
                    out,
                    "::{level} file={},title={}::{}",
                    property(&path),
                    property(&f.finding.rule),
                    data(&message)
                )?,
            }
        }
        Ok(())
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        for e in &summary.pack_errors {
            writeln!(
                out,
                "::error title={}::{}",
                property(&crate::tr!("github-pack-not-loaded")),
                data(e)
            )?;
        }
        Ok(())
    }
}
