//! `check --fix` and `check --diff`: apply the suggested replacements of findings to a
//! report and write it back (or show the change as a unified diff).
//!
//! A file's text goes through [`fix_text`] with a function that checks a text and returns
//! the findings to report; the first replacement of every finding with a fix is applied,
//! left to right, and a fix that overlaps one already applied in the same pass is skipped
//! and counted. The text is checked again and fixed again until no fix is left (a few
//! passes at most), so a second `--fix` finds nothing to do. [`encode_like`] turns the new
//! text into bytes in the file's own encoding, byte-order mark and line ends; the file is
//! replaced atomically (`source::write_atomic`). Only plain-text formats can be written
//! back ([`can_write_back`]); for the others, fixes are reported as not applicable.

use std::path::Path;

use crate::diag::LocatedFinding;
use crate::source::{Encoding, LineEnding, SourceFile};

/// Passes of fix-and-recheck before giving up on reaching a text without fixes.
const MAX_PASSES: usize = 5;

/// Extensions of files that are text as stored, so a fixed text can be written back.
pub const WRITABLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

/// Whether a report file can be written back after fixing (its format is its text).
pub fn can_write_back(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        WRITABLE_EXTENSIONS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(e))
    })
}

/// Why a fixed text cannot be written in a file's encoding.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot write this encoding yet ({0}); the file was left unchanged")]
pub struct EncodeError(pub String);

/// The bytes of `new_text` written the way `original` was: the same encoding, a byte-order
/// mark if it had one, CRLF line ends if it used them throughout.
pub fn encode_like(original: &SourceFile, new_text: &str) -> Result<Vec<u8>, EncodeError> {
    let text = match original.line_ending {
        LineEnding::CrLf => crlf(new_text),
        LineEnding::Lf | LineEnding::Mixed | LineEnding::None => new_text.to_string(),
    };
    // The decoded text keeps the byte-order mark, so spans point into the file as stored;
    // it is written back with the text. The match lists what can be written; encodings
    // added to `source` fall to the last arm until they can be encoded too.
    #[allow(unreachable_patterns)]
    match original.encoding {
        Encoding::Utf8 => Ok(text.into_bytes()),
        Encoding::Utf8WithBom => {
            if text.starts_with('\u{feff}') {
                Ok(text.into_bytes())
            } else {
                Ok(format!("\u{feff}{text}").into_bytes())
            }
        }
        other => Err(EncodeError(format!("{other:?}"))),
    }
}

/// Every line end as CRLF: a line break inside a replacement follows the file.
fn crlf(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 40);
    let mut previous = None;
    for c in text.chars() {
        if c == '\n' && previous != Some('\r') {
            out.push('\r');
        }
        out.push(c);
        previous = Some(c);
    }
    out
}

/// The result of one pass over a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pass {
    pub text: String,
    pub applied: usize,
    /// Fixes skipped because they overlap a fix applied before them.
    pub overlapping: usize,
}

/// Apply the preferred replacement of every finding with a fix, in text order; a fix that
/// overlaps an applied one, or whose span is not in the text, is skipped.
pub fn apply_once(text: &str, findings: &[LocatedFinding]) -> Pass {
    let mut fixes: Vec<(usize, usize, &str)> = findings
        .iter()
        .filter_map(|f| f.finding.fix.as_ref())
        .filter_map(|fix| {
            let replacement = fix.replacements.first()?;
            Some((
                fix.offset,
                fix.offset.saturating_add(fix.length),
                replacement.as_str(),
            ))
        })
        .collect();
    fixes.sort_by_key(|&(start, end, _)| (start, end));
    fixes.dedup();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut applied = 0;
    let mut overlapping = 0;
    for (start, end, replacement) in fixes {
        let in_text =
            text.is_char_boundary(start) && text.is_char_boundary(end) && end <= text.len();
        if start < copied || !in_text {
            overlapping += 1;
            continue;
        }
        out.push_str(text.get(copied..start).unwrap_or_default());
        out.push_str(replacement);
        copied = end;
        applied += 1;
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    Pass {
        text: out,
        applied,
        overlapping,
    }
}

/// A text with every applicable fix applied, and what remains to report.
#[derive(Debug, Clone)]
pub struct Fixed {
    pub text: String,
    pub applied: usize,
    pub overlapping: usize,
    /// The findings of the final text.
    pub findings: Vec<LocatedFinding>,
}

/// Fix `text` until no finding offers a fix. `check` returns the findings to report for a
/// text (the same filtering as a plain check, so accepted findings are not "fixed").
pub fn fix_text(text: String, mut check: impl FnMut(&str) -> Vec<LocatedFinding>) -> Fixed {
    let mut current = text;
    let mut applied = 0;
    let mut overlapping = 0;
    let mut findings = check(&current);
    for _ in 0..MAX_PASSES {
        let pass = apply_once(&current, &findings);
        if pass.applied == 0 {
            break;
        }
        applied += pass.applied;
        overlapping += pass.overlapping;
        current = pass.text;
        findings = check(&current);
    }
    Fixed {
        text: current,
        applied,
        overlapping,
        findings,
    }
}

/// A unified diff of a file's old and new text (`--- a/PATH`, `+++ b/PATH`), empty when
/// they are equal.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Finding, Fix, Label, LocatedLabel, Location};
    use crate::pack::model::Severity;
    use std::path::PathBuf;

    fn with_fix(offset: usize, length: usize, replacement: &str) -> LocatedFinding {
        let label = Label::new(offset..offset + length, None);
        let at = Location { line: 1, column: 1 };
        LocatedFinding {
            finding: Finding {
                rule: "p/r".to_string(),
                severity: Severity::Error,
                message: "m".to_string(),
                help: None,
                reference: None,
                labels: vec![label.clone()],
                note: None,
                fix: Some(Fix {
                    offset,
                    length,
                    replacements: vec![replacement.to_string()],
                }),
                folded: 0,
            },
            labels: vec![LocatedLabel {
                label,
                start: at,
                end: at,
            }],
        }
    }

    fn source(text: &str, encoding: Encoding, line_ending: LineEnding) -> SourceFile {
        SourceFile {
            path: PathBuf::from("r.txt"),
            text: text.to_string(),
            encoding,
            line_ending,
        }
    }

    #[test]
    fn fixes_apply_left_to_right_and_an_overlapping_one_is_skipped() {
        let text = "第一负责人和法制政府";
        let first = "第一负责人".len();
        let pass = apply_once(
            text,
            &[
                with_fix(first + "和".len(), "法制政府".len(), "法治政府"),
                with_fix(0, first, "第一责任人"),
                with_fix(3, 6, "X"),
            ],
        );
        assert_eq!(pass.text, "第一责任人和法治政府");
        assert_eq!((pass.applied, pass.overlapping), (2, 1));
    }

    #[test]
    fn fixing_stops_when_no_fix_is_left() {
        let mut checks = 0;
        let fixed = fix_text("法制政府".to_string(), |t| {
            checks += 1;
            match t.find("法制") {
                Some(at) => vec![with_fix(at, "法制".len(), "法治")],
                None => Vec::new(),
            }
        });
        assert_eq!(fixed.text, "法治政府");
        assert_eq!(fixed.applied, 1);
        assert!(fixed.findings.is_empty());
        assert_eq!(checks, 2);
    }

    #[test]
    fn encoding_keeps_the_byte_order_mark_and_crlf() {
        let original = source(
            "\u{feff}一\r\n二\r\n",
            Encoding::Utf8WithBom,
            LineEnding::CrLf,
        );
        let bytes = encode_like(&original, "\u{feff}一\r\n新\n二\r\n");
        assert_eq!(
            bytes.ok(),
            Some("\u{feff}一\r\n新\r\n二\r\n".as_bytes().to_vec())
        );
        let plain = source("一\n", Encoding::Utf8, LineEnding::Lf);
        assert_eq!(
            encode_like(&plain, "二\n").ok(),
            Some("二\n".as_bytes().to_vec())
        );
    }

    #[test]
    fn only_text_formats_are_written_back() {
        assert!(can_write_back(Path::new("a/2024.txt")));
        assert!(can_write_back(Path::new("a/2024.MD")));
        assert!(!can_write_back(Path::new("a/2024.docx")));
        assert!(!can_write_back(Path::new("a/2024.html")));
    }

    #[test]
    fn the_diff_names_both_sides_of_the_file() {
        let diff = unified_diff("r.txt", "一\n第一负责人\n三\n", "一\n第一责任人\n三\n");
        assert_eq!(
            diff,
            "--- a/r.txt\n+++ b/r.txt\n@@ -1,3 +1,3 @@\n 一\n-第一负责人\n+第一责任人\n 三\n"
        );
        assert_eq!(unified_diff("r.txt", "x", "x"), "");
    }
}
