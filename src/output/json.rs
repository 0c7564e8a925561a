//! `--format json`: one JSON document, written file by file so memory stays flat.
//!
//! Shape: `{"version":1,"files":[{"path","error","diagnostics":[…]}],"summary":{…}}`. A file
//! name that is not UTF-8 has `path` with U+FFFD for the bytes it cannot show and, beside it,
//! `path_bytes`: the name's bytes as an array of numbers (absent for every UTF-8 name); lines
//! and columns are 1-based, columns in characters (of the checked text). Offsets and lengths
//! are in bytes of the original file (for GBK and UTF-16 files too, mapped back from the
//! decoded text); for text extracted from .docx, HTML or Markdown no bytes of the file hold
//! it, and they are in bytes of the extracted UTF-8 text, which `"offsets": "extracted"` says.

use serde::Serialize;
use std::io::{self, Write};

use super::{FileReport, Printer, Summary};
use crate::diag::{Fix, LocatedFinding, LocatedLabel};

#[derive(Default)]
pub struct JsonPrinter {
    first: bool,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    offset: usize,
    length: usize,
    text: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    reference: Option<&'a str>,
    note: Option<&'a str>,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    offset: usize,
    length: usize,
    labels: Vec<JsonLabel<'a>>,
    fix: Option<&'a Fix>,
    /// Further occurrences folded into this diagnostic.
    more: usize,
    /// Where the folded occurrences are (those that have a place), like `labels`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    more_labels: Vec<JsonLabel<'a>>,
    /// What `offset`/`length` count: `file` bytes, or bytes of the `extracted` text.
    offsets: &'static str,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    /// The name's bytes, only when it is not UTF-8 (`path` is then lossy).
    #[serde(skip_serializing_if = "Option::is_none")]
    path_bytes: Option<&'a [u8]>,
    error: Option<&'a str>,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

fn json_label(l: &LocatedLabel) -> JsonLabel<'_> {
    let s = l.file_span.as_ref().unwrap_or(&l.label.span);
    JsonLabel {
        line: l.start.line,
        column: l.start.column,
        end_line: l.end.line,
        end_column: l.end.column,
        offset: s.start,
        length: s.end - s.start,
        text: l.label.text.as_deref(),
    }
}

fn diagnostic(f: &LocatedFinding) -> JsonDiagnostic<'_> {
    let labels: Vec<JsonLabel> = f.labels.iter().map(json_label).collect();
    let (line, column, end_line, end_column, offset, length) = labels
        .first()
        .map(|l| {
            (
                l.line,
                l.column,
                l.end_line,
                l.end_column,
                l.offset,
                l.length,
            )
        })
        .unwrap_or((1, 1, 1, 1, 0, 0));
    let d = &f.finding;
    JsonDiagnostic {
        rule: &d.rule,
        severity: d.severity.as_str(),
        message: &d.message,
        help: d.help.as_deref(),
        reference: d.reference.as_deref(),
        note: d.note.as_deref(),
        line,
        column,
        end_line,
        end_column,
        offset,
        length,
        labels,
        fix: d.fix.as_ref(),
        more: d.folded,
        more_labels: f.folded.iter().map(json_label).collect(),
        offsets: if f.labels.iter().all(|l| l.file_span.is_some()) {
            "file"
        } else {
            "extracted"
        },
    }
}

impl Printer for JsonPrinter {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.first = true;
        out.write_all(b"{\"version\":1,\"files\":[")
    }

    fn file(&mut self, report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        if !self.first {
            out.write_all(b",")?;
        }
        self.first = false;
        let file = JsonFile {
            path: &report.path,
            path_bytes: report.path_bytes.as_deref(),
            error: report.error.as_deref(),
            diagnostics: report.findings.iter().map(diagnostic).collect(),
        };
        serde_json::to_writer(&mut *out, &file).map_err(io::Error::other)
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        // `pack_errors` appears only when a pack could not be loaded.
        let packs = if summary.pack_errors.is_empty() {
            String::new()
        } else {
            format!(
                ",\"pack_errors\":{}",
                serde_json::to_string(&summary.pack_errors).map_err(io::Error::other)?
            )
        };
        // `configuration` appears only when a configuration file was used.
        let configuration = match &summary.configuration {
            Some(path) => format!(
                ",\"configuration\":{}",
                serde_json::to_string(path).map_err(io::Error::other)?
            ),
            None => String::new(),
        };
        writeln!(
            out,
            "],\"summary\":{{\"files\":{},\"errors\":{},\"warnings\":{},\"infos\":{},\"failed_files\":{}{packs}{configuration}}}}}",
            summary.files, summary.errors, summary.warnings, summary.infos, summary.failed_files
        )
    }
}
