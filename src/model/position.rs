//! Byte offsets to human positions.
//!
//! Every element of the model carries a byte span into the document text. Diagnostics and the
//! `inspect` command need the 1-based line, the 1-based column counted in characters, and the
//! column a terminal shows (CJK characters take two cells). [`LineIndex`] is built once per
//! document from the line starts; a lookup is a binary search plus a scan of one line. Long
//! lines (a report converted without line breaks can be one line of megabytes) also get a
//! checkpoint every 256 bytes, so a lookup scans at most that far and many findings on one
//! line do not cost the square of its length.
//!
//! Lines end at `\n`; a `\r` before it belongs to the line end, so CRLF files get the same
//! lines and columns as LF files. A UTF-8 byte-order mark is not part of line 1: the first
//! visible character of the file is at column 1.

use serde::Serialize;
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

const BOM: char = '\u{feff}';

/// Where each line starts, for offset → line/column lookups.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineIndex {
    /// Byte offset of the first character of each line (line 1 at index 0).
    starts: Vec<usize>,
    /// Byte offset just past each line's content, before `\r\n` / `\n`.
    ends: Vec<usize>,
    /// Known positions inside long lines, in text order.
    #[serde(skip)]
    checkpoints: Vec<Checkpoint>,
}

/// Lines longer than this many bytes get checkpoints, this far apart.
const CHECKPOINT_EVERY: usize = 256;

/// The columns at a character boundary inside a long line.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Checkpoint {
    offset: usize,
    column: usize,
    display_column: usize,
}

/// A human-readable position: all fields 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    /// Column counted in characters.
    pub column: usize,
    /// Column counted in terminal cells (wide characters count two).
    pub display_column: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let first = if text.starts_with(BOM) {
            BOM.len_utf8()
        } else {
            0
        };
        let mut starts = vec![first];
        let mut ends = Vec::new();
        let mut line_start = first;
        for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
            let end = if i > 0 && text.as_bytes().get(i - 1) == Some(&b'\r') {
                i - 1
            } else {
                i
            };
            // A CR right after the BOM-stripped start cannot precede the start.
            ends.push(end.max(line_start));
            line_start = i + 1;
            starts.push(line_start);
        }
        let last_start = line_start;
        let mut last_end = text.len();
        if text.ends_with('\r') && last_end > last_start {
            last_end -= 1;
        }
        ends.push(last_end.max(last_start));
        let checkpoints = checkpoints(text, &starts, &ends);
        LineIndex {
            starts,
            ends,
            checkpoints,
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte range of a 1-based line without its line end; an empty range for lines that do
    /// not exist.
    pub fn line_span(&self, line: usize) -> Range<usize> {
        match (
            line.checked_sub(1).and_then(|i| self.starts.get(i)),
            line.checked_sub(1).and_then(|i| self.ends.get(i)),
        ) {
            (Some(&start), Some(&end)) => start..end,
            _ => {
                let end = self.ends.last().copied().unwrap_or(0);
                end..end
            }
        }
    }

    /// The 1-based line containing a byte offset (offsets past the end map to the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// Position of a byte offset. Offsets past the end clamp to the end; offsets inside a
    /// multi-byte character resolve to that character.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let line_start = self.starts.get(line - 1).copied().unwrap_or(0);
        let nearest = self.checkpoints.partition_point(|c| c.offset <= offset);
        let (start, mut column, mut display_column) =
            match nearest.checked_sub(1).and_then(|i| self.checkpoints.get(i)) {
                Some(c) if c.offset >= line_start => (c.offset, c.column, c.display_column),
                _ => (line_start, 1, 1),
            };
        let before = text.get(start.min(offset)..offset).unwrap_or("");
        for c in before.chars() {
            column += 1;
            display_column += display_width(c);
        }
        Position {
            line,
            column,
            display_column,
        }
    }
}

/// Columns a character takes in a terminal (as `unicode-width` says), with the two kinds
/// that make up most of a report answered without a table lookup.
fn display_width(c: char) -> usize {
    match c {
        ' '..='~' => 1,
        '\u{4E00}'..='\u{9FFF}' => 2,
        _ => c.width().unwrap_or(0),
    }
}

/// Checkpoints every [`CHECKPOINT_EVERY`] bytes inside the lines longer than that.
fn checkpoints(text: &str, starts: &[usize], ends: &[usize]) -> Vec<Checkpoint> {
    let mut found = Vec::new();
    for (&start, &end) in starts.iter().zip(ends) {
        if end.saturating_sub(start) <= CHECKPOINT_EVERY {
            continue;
        }
        let Some(line) = text.get(start..end) else {
            continue;
        };
        let mut display_column = 1;
        let mut next = CHECKPOINT_EVERY;
        for (column, (i, c)) in (1..).zip(line.char_indices()) {
            if i >= next {
                found.push(Checkpoint {
                    offset: start + i,
                    column,
                    display_column,
                });
                next = i + CHECKPOINT_EVERY;
            }
            display_column += display_width(c);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_display_cells() {
        let text = "一、概况\nab中文";
        let index = LineIndex::new(text);
        let offset = text.find('中').unwrap_or(0);
        assert_eq!(
            index.position(text, offset),
            Position {
                line: 2,
                column: 3,
                display_column: 3
            }
        );
        let offset = text.find('概').unwrap_or(0);
        assert_eq!(
            index.position(text, offset),
            Position {
                line: 1,
                column: 3,
                display_column: 5
            }
        );
    }

    #[test]
    fn crlf_and_bom_do_not_shift_columns() {
        let text = "\u{feff}标题\r\n正文\r\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 3);
        assert_eq!(&text[index.line_span(1)], "标题");
        assert_eq!(&text[index.line_span(2)], "正文");
        let offset = text.find('正').unwrap_or(0);
        assert_eq!(index.position(text, offset).column, 1);
        assert_eq!(index.position(text, 3).column, 1);
        assert_eq!(index.position(text, 0).column, 1);
    }

    #[test]
    fn positions_in_a_long_line_match_a_scan_from_its_start() {
        let text = format!("标题\n{}\n尾", "法治a，".repeat(5000));
        let index = LineIndex::new(&text);
        assert!(!index.checkpoints.is_empty());
        for offset in (0..text.len()).step_by(997) {
            let line = index.line_of(offset);
            let start = index.starts[line - 1];
            let mut at = offset;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let before = &text[start..at];
            let expected = Position {
                line,
                column: 1 + before.chars().count(),
                display_column: 1 + before
                    .chars()
                    .map(|c| c.width().unwrap_or(0))
                    .sum::<usize>(),
            };
            assert_eq!(index.position(&text, offset), expected, "offset {offset}");
        }
    }

    #[test]
    fn the_quick_widths_agree_with_unicode_width() {
        for c in (' '..='~').chain('\u{4E00}'..='\u{9FFF}') {
            assert_eq!(super::display_width(c), c.width().unwrap_or(0), "{c:?}");
        }
    }

    #[test]
    fn out_of_range_offsets_clamp() {
        let text = "甲乙";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 1).column, 1);
        assert_eq!(index.position(text, 99).column, 3);
        assert_eq!(index.line_span(7), 6..6);
        assert_eq!(index.line_span(0), 6..6);
    }
}
