//! A [`miette::SourceCode`] that serves only the lines a finding points at, each clipped to a
//! window around its labels.
//!
//! Reports often hold a whole section in one 600-character line; shown whole, a terminal wraps
//! it into an unreadable block. miette neither clips long lines nor counts columns in
//! characters, so an [`Excerpt`] does both: it keeps, for each shown line, its true line number
//! and the character column where its window starts, and answers `read_span` with those, so
//! the report header says the true `file:line:column` while the snippet is a short window
//! with `…` where text was cut.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use std::ops::Range;

use super::Span;
use crate::model::position::LineIndex;

/// Characters of context kept on each side of the labels of a long line.
const CONTEXT_CHARS: usize = 16;
/// Lines up to this many characters are shown whole.
const MAX_LINE_CHARS: usize = 60;
const ELLIPSIS: &str = "…";

/// The shown part of one source line.
#[derive(Debug, Clone)]
struct ExcerptLine {
    /// 1-based line number in the document.
    line: usize,
    /// Byte range of this line inside `Excerpt::text` (without the separating newline).
    range: Range<usize>,
    /// Byte offset in the document of the first shown character (after any leading `…`).
    doc_start: usize,
    /// Bytes of `…` put before the window (0 when the window starts at the line start).
    prefix: usize,
    /// 0-based character column in the document of the first shown character.
    column: usize,
}

/// The lines of one finding, windowed, with labels mapped into the excerpt.
#[derive(Debug, Clone)]
pub struct Excerpt {
    name: String,
    text: String,
    lines: Vec<ExcerptLine>,
}

impl Excerpt {
    /// Build the excerpt of `doc` for the given label spans (byte ranges into `doc`).
    pub fn new(name: &str, doc: &str, index: &LineIndex, spans: &[Span]) -> Excerpt {
        let mut by_line: Vec<(usize, Vec<Span>)> = Vec::new();
        for span in spans {
            let line = index.position(doc, span.start.min(doc.len())).line;
            let line_range = index.line_span(line);
            let start = span.start.clamp(line_range.start, line_range.end);
            let end = span.end.clamp(start, line_range.end);
            match by_line.iter_mut().find(|(l, _)| *l == line) {
                Some((_, v)) => v.push(start..end),
                None => by_line.push((line, std::iter::once(start..end).collect())),
            }
        }
        by_line.sort_by_key(|(l, _)| *l);

        let mut text = String::new();
        let mut lines = Vec::new();
        for (line, spans) in by_line {
            let line_range = index.line_span(line);
            let line_text = &doc[line_range.clone()];
            let lo = spans
                .iter()
                .map(|s| s.start)
                .min()
                .unwrap_or(line_range.start);
            let hi = spans
                .iter()
                .map(|s| s.end)
                .max()
                .unwrap_or(line_range.start);
            let (win_start, win_end) =
                window(line_text, lo - line_range.start, hi - line_range.start);
            if !text.is_empty() {
                text.push('\n');
            }
            let begin = text.len();
            let prefix = if win_start > 0 { ELLIPSIS.len() } else { 0 };
            if win_start > 0 {
                text.push_str(ELLIPSIS);
            }
            text.push_str(&line_text[win_start..win_end]);
            if win_end < line_text.len() {
                text.push_str(ELLIPSIS);
            }
            lines.push(ExcerptLine {
                line,
                range: begin..text.len(),
                doc_start: line_range.start + win_start,
                prefix,
                column: line_text[..win_start].chars().count(),
            });
        }
        Excerpt {
            name: name.to_string(),
            text,
            lines,
        }
    }

    /// Map a byte span of the document into this excerpt, if its line is shown.
    pub fn map(&self, span: &Span) -> Option<SourceSpan> {
        self.lines.iter().find_map(|l| {
            let shown = l.range.end - l.range.start - l.prefix;
            let doc_end = l.doc_start + shown;
            if span.start >= l.doc_start && span.start <= doc_end {
                let start = l.range.start + l.prefix + (span.start - l.doc_start);
                let end = l.range.start + l.prefix + (span.end.min(doc_end) - l.doc_start);
                let end = end.min(l.range.end);
                Some(SourceSpan::new(start.into(), end.saturating_sub(start)))
            } else {
                None
            }
        })
    }

    /// The excerpt text (for tests).
    pub fn text(&self) -> &str {
        &self.text
    }

    fn line_at(&self, offset: usize) -> Option<usize> {
        self.lines
            .iter()
            .position(|l| offset >= l.range.start && offset <= l.range.end)
    }

    /// 0-based character column in the document of an excerpt offset.
    fn doc_column(&self, line: &ExcerptLine, offset: usize) -> usize {
        let from = line.range.start + line.prefix;
        if offset <= from {
            return line.column;
        }
        let upto = offset.min(line.range.end);
        line.column + self.text.get(from..upto).map_or(0, |s| s.chars().count())
    }
}

/// Choose the byte window `[start, end)` of `line` to show for labels covering `lo..hi`.
fn window(line: &str, lo: usize, hi: usize) -> (usize, usize) {
    if line.chars().count() <= MAX_LINE_CHARS {
        return (0, line.len());
    }
    let start = back_chars(line, lo, CONTEXT_CHARS);
    let end = forward_chars(line, hi, CONTEXT_CHARS);
    (start, end)
}

fn back_chars(s: &str, from: usize, n: usize) -> usize {
    s[..from]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

fn forward_chars(s: &str, from: usize, n: usize) -> usize {
    s[from..]
        .char_indices()
        .nth(n)
        .map_or(s.len(), |(i, _)| from + i)
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let offset = span.offset();
        let last = offset + span.len();
        let first_idx = self.line_at(offset).ok_or(MietteError::OutOfBounds)?;
        let mut last_idx = self.line_at(last).unwrap_or(first_idx).max(first_idx);
        // Context only from lines that really are adjacent in the document.
        let mut lo = first_idx;
        for _ in 0..context_lines_before {
            if lo > 0 && self.lines[lo - 1].line + 1 == self.lines[lo].line {
                lo -= 1;
            }
        }
        for _ in 0..context_lines_after {
            if last_idx + 1 < self.lines.len()
                && self.lines[last_idx].line + 1 == self.lines[last_idx + 1].line
            {
                last_idx += 1;
            }
        }
        let start = self.lines[lo].range.start;
        let end = self.lines[last_idx].range.end;
        let first = &self.lines[first_idx];
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            &self.text.as_bytes()[start..end],
            SourceSpan::new(start.into(), end - start),
            self.lines[lo].line - 1,
            self.doc_column(first, offset),
            last_idx - lo + 1,
        )))
    }
}
