//! Output formats. Workers produce one [`FileReport`] per checked file; a single printer
//! writes them, in path order, through the [`Printer`] of the chosen format. Every format
//! is a sibling module here; none of them knows how findings were produced.

pub mod annotate;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod xlsx;

use std::io::{self, Write};

use crate::diag::LocatedFinding;
pub use crate::diag::RuleInfo;
use crate::model::position::LineIndex;
use crate::pack::model::Severity;

/// The text of a checked file, kept for formats that show it.
#[derive(Clone, Debug)]
pub struct Source {
    pub text: String,
    pub lines: LineIndex,
}

/// Everything known about one checked file.
#[derive(Clone, Debug)]
pub struct FileReport {
    /// The path as given or found, with `/` separators; lossy when the name is not UTF-8.
    pub path: String,
    /// The bytes of the path (as `path` shows it) when the name is not UTF-8, so machine
    /// formats can give it exactly; `None` otherwise.
    pub path_bytes: Option<Vec<u8>>,
    /// Why the file could not be checked, if it could not.
    pub error: Option<String>,
    /// Findings in display order.
    pub findings: Vec<LocatedFinding>,
    pub source: Option<Source>,
}

impl FileReport {
    /// The file name's bytes: `path_bytes` when the name is not UTF-8, else `path`.
    pub fn name_bytes(&self) -> &[u8] {
        self.path_bytes.as_deref().unwrap_or(self.path.as_bytes())
    }

    /// The file name for text output (human, GitHub, JUnit, HTML): control characters and
    /// bytes that are not UTF-8 written as `\xNN`, so a name can neither drive a terminal nor
    /// break a line-based format, and two different names never show alike through lossy
    /// decoding.
    pub fn shown_path(&self) -> String {
        let mut out = String::with_capacity(self.path.len());
        for chunk in self.name_bytes().utf8_chunks() {
            push_escaped(&mut out, chunk.valid(), true);
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02x}"));
            }
        }
        out
    }
}

/// `text` with control characters written as `\xNN` (`\u{…}` beyond ASCII); line feeds and
/// tabs are kept. For messages that may quote a file name (a read error) in text output.
pub fn escape_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text, false);
    out
}

fn push_escaped(out: &mut String, text: &str, name: bool) {
    for c in text.chars() {
        match c {
            '\n' | '\t' if !name => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            // C1 controls and the bidirectional overrides that reorder what a terminal shows.
            c if ('\u{80}'..='\u{9f}').contains(&c)
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c) =>
            {
                out.push_str(&format!("\\u{{{:x}}}", c as u32))
            }
            c => out.push(c),
        }
    }
}

/// A file name as a URI reference (RFC 3986): every byte outside the unreserved characters,
/// the sub-delimiters, `/` and `@` is percent-encoded (`:` too, which in a first segment
/// would read as a scheme), a backslash too (`%5C`: on Unix
/// it is part of a name, not a separator), and bytes that are not UTF-8 are kept exactly.
/// An absolute path becomes a `file://` URI.
pub fn uri(name: &[u8]) -> String {
    let mut name = name;
    while let Some(rest) = name.strip_prefix(b"./") {
        name = rest;
    }
    let mut out = String::with_capacity(name.len());
    if name.starts_with(b"/") {
        out.push_str("file://");
    }
    for &b in name {
        let keep = b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Totals of a run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Files that could not be read or checked.
    pub failed_files: usize,
    /// Rule packs that could not be loaded (one line each); the run used the others, so
    /// it was incomplete and machine output must say so.
    pub pack_errors: Vec<String>,
    /// The configuration file the run used (`.reportlint.yaml` found or `--config`), as a
    /// path relative to the current folder or as given; `None` when none was used.
    pub configuration: Option<String>,
}

impl Summary {
    pub fn add(&mut self, report: &FileReport) {
        self.files += 1;
        if report.error.is_some() {
            self.failed_files += 1;
        }
        for f in &report.findings {
            match f.finding.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}

/// One output format.
pub trait Printer {
    /// Called once before any file.
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    /// Called for each file, in path order.
    fn file(&mut self, report: &FileReport, out: &mut dyn Write) -> io::Result<()>;
    /// Called once after the last file.
    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()>;
    /// Whether this format shows the file text (so workers keep it).
    fn needs_source(&self) -> bool {
        false
    }
}

/// The formats `--format` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Junit,
    Html,
    /// An Excel workbook: binary, written only to a file.
    Xlsx,
}

/// Build the printer for a format; `tags` gives each rule's tags by `pack/id` (the xlsx
/// overview has a column per rule of some tags).
pub fn printer(
    format: Format,
    rules: &[RuleInfo],
    tags: &std::collections::HashMap<String, Vec<String>>,
    style: crate::diag::graphic::Style,
) -> Box<dyn Printer> {
    match format {
        Format::Human => Box::new(human::HumanPrinter::new(style)),
        Format::Json => Box::new(json::JsonPrinter::default()),
        Format::Sarif => Box::new(sarif::SarifPrinter::new(rules.to_vec())),
        Format::Github => Box::new(github::GithubPrinter),
        Format::Junit => Box::new(junit::JunitPrinter::new(rules.to_vec())),
        Format::Html => Box::new(html::HtmlPrinter::new(rules, tags)),
        Format::Xlsx => Box::new(xlsx::XlsxPrinter::new(rules, tags)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_percent_encode_everything_a_path_segment_cannot_hold() {
        assert_eq!(uri(b"./a/b c#1%.txt"), "a/b%20c%231%25.txt");
        assert_eq!(uri(b"/srv/back\\slash.txt"), "file:///srv/back%5Cslash.txt");
        assert_eq!(uri("报告.txt".as_bytes()), "%E6%8A%A5%E5%91%8A.txt");
        assert_eq!(uri(b"\xff\x1b:x"), "%FF%1B%3Ax");
    }

    #[test]
    fn control_characters_are_shown_escaped() {
        assert_eq!(
            escape_controls("a\u{1b}[31m\u{7}\nb\tc"),
            "a\\x1b[31m\\x07\nb\tc"
        );
        assert_eq!(escape_controls("x\u{202e}y\u{85}"), "x\\u{202e}y\\u{85}");
        let report = FileReport {
            path: "n\u{fffd}\n.txt".to_string(),
            path_bytes: Some(b"n\xff\n.txt".to_vec()),
            error: None,
            findings: Vec::new(),
            source: None,
        };
        assert_eq!(report.shown_path(), "n\\xff\\x0a.txt");
        assert_eq!(report.name_bytes(), b"n\xff\n.txt");
    }
}
