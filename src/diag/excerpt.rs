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

/// One run of document text shown in an excerpt line.
#[derive(Debug, Clone)]
struct Segment {
    /// Byte range of the shown text inside `Excerpt::text` (no `…`).
    range: Range<usize>,
    /// Byte offset in the document of the first shown character.
    doc_start: usize,
    /// 0-based character column in the document of the first shown character.
    column: usize,
}

/// The shown part of one source line: one or more windows, `…` where text was cut.
#[derive(Debug, Clone)]
struct ExcerptLine {
    /// 1-based line number in the document.
    line: usize,
    /// Byte range of this line inside `Excerpt::text` (without the separating newline).
    range: Range<usize>,
    /// The windows of document text on this line, in order.
    segments: Vec<Segment>,
}

/// The lines of one finding, windowed, with labels mapped into the excerpt.
#[derive(Debug, Clone)]
pub struct Excerpt {
    name: String,
    text: String,
    lines: Vec<ExcerptLine>,
}

/// The largest char boundary of `s` at or before `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl Excerpt {
    /// Build the excerpt of `doc` for the given label spans (byte ranges into `doc`).
    pub fn new(name: &str, doc: &str, index: &LineIndex, spans: &[Span]) -> Excerpt {
        let mut by_line: Vec<(usize, Vec<Span>)> = Vec::new();
        for span in spans {
            let line = index.position(doc, span.start.min(doc.len())).line;
            let line_range = index.line_span(line);
            let start = floor_boundary(doc, span.start.clamp(line_range.start, line_range.end));
            let end = floor_boundary(doc, span.end.clamp(start, line_range.end));
            let in_line = start - line_range.start..end - line_range.start;
            match by_line.iter_mut().find(|(l, _)| *l == line) {
                Some((_, v)) => v.push(in_line),
                None => by_line.push((line, std::iter::once(in_line).collect())),
            }
        }
        by_line.sort_by_key(|(l, _)| *l);

        let mut text = String::new();
        let mut lines = Vec::new();
        for (line, spans) in by_line {
            let line_range = index.line_span(line);
            let line_text = &doc[line_range.clone()];
            if !text.is_empty() {
                text.push('\n');
            }
            let begin = text.len();
            let mut segments = Vec::new();
            let mut shown_upto = 0;
            for (win_start, win_end) in windows(line_text, spans) {
                if win_start > shown_upto {
                    text.push_str(ELLIPSIS);
                }
                segments.push(Segment {
                    range: text.len()..text.len() + (win_end - win_start),
                    doc_start: line_range.start + win_start,
                    column: line_text[..win_start].chars().count(),
                });
                text.push_str(&line_text[win_start..win_end]);
                shown_upto = win_end;
            }
            if shown_upto < line_text.len() {
                text.push_str(ELLIPSIS);
            }
            lines.push(ExcerptLine {
                line,
                range: begin..text.len(),
                segments,
            });
        }
        Excerpt {
            name: name.to_string(),
            text,
            lines,
        }
    }

    /// Map a byte span of the document into this excerpt, if its start is shown.
    pub fn map(&self, span: &Span) -> Option<SourceSpan> {
        self.lines
            .iter()
            .flat_map(|l| l.segments.iter())
            .find_map(|seg| {
                let doc_end = seg.doc_start + (seg.range.end - seg.range.start);
                if span.start >= seg.doc_start && span.start <= doc_end {
                    let start = seg.range.start + (span.start - seg.doc_start);
                    let end =
                        seg.range.start + (span.end.clamp(span.start, doc_end) - seg.doc_start);
                    Some(SourceSpan::new(start.into(), end - start))
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
        // An offset inside a `…` counts as the start of the window after it.
        let Some(seg) = line
            .segments
            .iter()
            .find(|s| offset <= s.range.end)
            .or(line.segments.last())
        else {
            return 0;
        };
        let upto = offset.clamp(seg.range.start, seg.range.end);
        seg.column
            + self
                .text
                .get(seg.range.start..upto)
                .map_or(0, |s| s.chars().count())
    }
}

/// Choose the byte windows of `line` to show for labels at `spans` (byte ranges in the line):
/// the whole line when it is short, else one window per cluster of nearby labels, so labels
/// spread over a 600-character line do not pull the whole line in.
fn windows(line: &str, mut spans: Vec<Span>) -> Vec<(usize, usize)> {
    if line.chars().count() <= MAX_LINE_CHARS {
        return vec![(0, line.len())];
    }
    spans.sort_by_key(|s| (s.start, s.end));
    let mut out: Vec<(usize, usize)> = Vec::new();
    for s in spans {
        let start = back_chars(line, s.start, CONTEXT_CHARS);
        let end = forward_chars(line, s.end, CONTEXT_CHARS);
        match out.last_mut() {
            // Windows that touch or nearly touch are shown as one: a `…` standing for a
            // few characters would hide more than it saves.
            Some(last) if start <= forward_chars(line, last.1, 2) => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
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
