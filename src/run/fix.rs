//! `check --fix` and `check --diff`: apply the suggested replacements of findings to a
//! report and write it back (or show the change as a unified diff).
//!
//! Fixes are applied to the file's own text (decoded, BOM and CR kept): for plain text that
//! is the text rules see; for Markdown, [`modelled`] extracts the text rules see and
//! [`to_file`] moves each fix back to the Markdown line it came from, or drops it when its
//! place is not certain. [`fix_text`] applies the first replacement of every fix once, left
//! to right; a fix that overlaps one already applied in the same pass is skipped and
//! counted, and the text is checked and fixed again until no fix is left. Fixes that are
//! still to be made after a few passes do not settle ([`Unsettled`]: a suggestion holding
//! what its rule forbids), and the file is left unchanged; so a text written has nothing
//! left to fix, and a second `--fix` finds nothing to do. [`encode_like`] turns the new
//! text into bytes in the file's encoding, byte-order mark and line ends (never giving a
//! GBK file characters GBK cannot hold); [`write_fixed`] replaces the file atomically,
//! keeping its link, owner and permissions, and refusing read-only and hard-linked files.
//! .docx and HTML are never written back.

use std::ops::Range;

use crate::diag::{Fix, LocatedFinding};
use crate::source::{Encoding, Format, LineEnding, SourceFile};

/// Passes of fix-and-recheck before giving up on reaching a text without fixes.
const MAX_PASSES: usize = 5;

/// How a report's modelled text (what rules see) lies in the text of its file, which is what
/// fixes are applied to and written back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Plain text: the modelled text is the file's text.
    Same,
    /// Markdown: text line N starts on line `starts[N-1]` (1-based) of the file.
    Markdown { starts: Vec<usize> },
}

/// The modelled text of a file's text, for the formats that can be written back (plain text
/// and Markdown); `None` for the others (.docx, HTML), which are never touched.
pub fn modelled(file_text: &str, format: Format) -> Option<(String, Layout)> {
    match format {
        Format::Text => Some((file_text.to_string(), Layout::Same)),
        Format::Markdown => {
            let lines = crate::source::markdown::extract(file_text);
            let starts = lines.iter().map(|l| l.source_line).collect();
            let mut text = String::new();
            for line in lines {
                text.push_str(&line.text);
                text.push('\n');
            }
            Some((text, Layout::Markdown { starts }))
        }
        Format::Html | Format::Docx => None,
    }
}

/// A fix in modelled-text offsets moved to the file's text, or `None` when its place there
/// is not certain. In Markdown the replaced text must occur exactly once on its text line
/// and exactly once in the file lines that line was taken from; otherwise the fix is left
/// for a person (markup inside the words, or the same words twice on the line).
pub fn to_file(layout: &Layout, file_text: &str, modelled: &str, fix: &Fix) -> Option<Fix> {
    let starts = match layout {
        Layout::Same => return Some(fix.clone()),
        Layout::Markdown { starts } => starts,
    };
    let end = fix.offset.checked_add(fix.length)?;
    let old = modelled.get(fix.offset..end)?;
    if old.is_empty() {
        return None;
    }
    let line_start = modelled.get(..fix.offset)?.rfind('\n').map_or(0, |i| i + 1);
    let line_end = modelled
        .get(fix.offset..)?
        .find('\n')
        .map_or(modelled.len(), |i| fix.offset + i);
    let text_line = modelled.get(line_start..line_end)?;
    if text_line.matches(old).count() != 1 {
        return None;
    }
    let index = modelled.get(..line_start)?.matches('\n').count();
    let first = *starts.get(index)?;
    let last = starts
        .get(index + 1..)
        .and_then(|rest| rest.iter().find(|&&s| s > first))
        .map_or(usize::MAX, |&next| next - 1);
    let mut offset = 0;
    let mut block: Option<(usize, usize)> = None;
    for (n, line) in file_text.split_inclusive('\n').enumerate() {
        let number = n + 1;
        if number >= first && number <= last {
            block = Some(match block {
                Some((start, _)) => (start, offset + line.len()),
                None => (offset, offset + line.len()),
            });
        }
        offset += line.len();
    }
    let (block_start, block_end) = block?;
    let source = file_text.get(block_start..block_end)?;
    let mut found = source.match_indices(old);
    let (at, _) = found.next()?;
    if found.next().is_some() {
        return None;
    }
    Some(Fix {
        offset: block_start + at,
        length: old.len(),
        replacements: fix.replacements.clone(),
    })
}

/// Why a fixed text cannot be written in a file's encoding.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EncodeError {
    #[error("{}", crate::tr!("fix-unrepresentable", encoding = .encoding, chars = .chars))]
    Unrepresentable {
        encoding: &'static str,
        chars: String,
    },
    #[error("{}", crate::tr!("fix-beyond-gbk", chars = .chars))]
    BeyondGbk { chars: String },
}

/// The bytes of `new_text` written the way `original` was: the same encoding, a byte-order
/// mark if it had one, CRLF line ends if it used them throughout.
///
/// Detection cannot tell GBK from GB18030 (GB18030 is its superset; both read the same
/// bytes alike), so a file read as GB18030 whose text GBK can hold in full is taken to be
/// GBK: most legacy Chinese reports are, and GBK programs cannot read the four-byte
/// sequences GB18030 adds. A fix that would bring such characters into it is refused
/// ([`EncodeError::BeyondGbk`]); a file that already has some is GB18030 and takes more.
pub fn encode_like(original: &SourceFile, new_text: &str) -> Result<Vec<u8>, EncodeError> {
    let text = match original.line_ending {
        LineEnding::CrLf => crlf(new_text),
        LineEnding::Lf | LineEnding::Mixed | LineEnding::None => new_text.to_string(),
    };
    // The decoded text keeps a byte-order mark as U+FEFF, so spans point into the file as
    // stored; it is encoded back with the text.
    match original.encoding {
        Encoding::Utf8 => Ok(text.into_bytes()),
        Encoding::Utf8WithBom => {
            if text.starts_with('\u{feff}') {
                Ok(text.into_bytes())
            } else {
                Ok(format!("\u{feff}{text}").into_bytes())
            }
        }
        Encoding::Utf16Le => Ok(text.encode_utf16().flat_map(u16::to_le_bytes).collect()),
        Encoding::Utf16Be => Ok(text.encode_utf16().flat_map(u16::to_be_bytes).collect()),
        Encoding::Gb18030 => {
            if !beyond(&original.text, encoding_rs::GBK).is_empty() {
                return legacy(&text, encoding_rs::GB18030);
            }
            match beyond(&text, encoding_rs::GBK) {
                chars if chars.is_empty() => legacy(&text, encoding_rs::GB18030),
                chars => Err(EncodeError::BeyondGbk { chars }),
            }
        }
        Encoding::Gbk => legacy(&text, encoding_rs::GBK),
    }
}

fn legacy(text: &str, encoding: &'static encoding_rs::Encoding) -> Result<Vec<u8>, EncodeError> {
    let (bytes, _, unmappable) = encoding.encode(text);
    if unmappable {
        Err(EncodeError::Unrepresentable {
            encoding: encoding.name(),
            chars: beyond(text, encoding),
        })
    } else {
        Ok(bytes.into_owned())
    }
}

/// The characters of `text` that `encoding` cannot hold, each once, in order (at most
/// ten), quoted for a message; empty when it holds them all.
fn beyond(text: &str, encoding: &'static encoding_rs::Encoding) -> String {
    if !encoding.encode(text).2 {
        return String::new();
    }
    let mut found: Vec<char> = Vec::new();
    for c in text.chars().filter(|c| !c.is_ascii()) {
        let mut buf = [0; 4];
        if !found.contains(&c) && encoding.encode(c.encode_utf8(&mut buf)).2 {
            found.push(c);
            if found.len() == 10 {
                break;
            }
        }
    }
    found
        .iter()
        .map(|c| format!("“{c}” U+{:04X}", u32::from(*c)))
        .collect::<Vec<_>>()
        .join(", ")
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

/// One fix applied in a pass: the span it replaced in the pass's text, the span of its
/// replacement in the new text, and the rule it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub old: Range<usize>,
    pub new: Range<usize>,
    pub rule: String,
}

/// The result of one pass over a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pass {
    pub text: String,
    pub applied: usize,
    /// Fixes skipped because they overlap a fix applied before them.
    pub overlapping: usize,
    /// The fixes applied, in text order.
    pub edits: Vec<Edit>,
}

/// Apply the preferred replacement of every finding with a fix, in text order; a fix that
/// overlaps an applied one, or whose span is not in the text, is skipped.
pub fn apply_once(text: &str, findings: &[LocatedFinding]) -> Pass {
    let mut fixes: Vec<(usize, usize, &str, &str)> = findings
        .iter()
        .flat_map(|f| {
            f.finding
                .fix
                .iter()
                .chain(&f.finding.folded_fixes)
                .filter_map(|fix| {
                    let replacement = fix.replacements.first()?;
                    Some((
                        fix.offset,
                        fix.offset.saturating_add(fix.length),
                        replacement.as_str(),
                        f.finding.rule.as_str(),
                    ))
                })
        })
        .collect();
    fixes.sort_by_key(|&(start, end, _, _)| (start, end));
    fixes.dedup_by(|b, a| (a.0, a.1, a.2) == (b.0, b.1, b.2));
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut overlapping = 0;
    let mut edits = Vec::new();
    for (start, end, replacement, rule) in fixes {
        let in_text =
            text.is_char_boundary(start) && text.is_char_boundary(end) && end <= text.len();
        if start < copied || !in_text {
            overlapping += 1;
            continue;
        }
        out.push_str(text.get(copied..start).unwrap_or_default());
        let at = out.len();
        out.push_str(replacement);
        edits.push(Edit {
            old: start..end,
            new: at..out.len(),
            rule: rule.to_string(),
        });
        copied = end;
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    Pass {
        text: out,
        applied: edits.len(),
        overlapping,
        edits,
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

/// Why the fixes of a text were not applied: they do not settle on a text with nothing
/// left to fix, so writing them would leave work for the next `--fix` (and a suggestion
/// holding what its rule forbids would grow the text on every run).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unsettled {
    #[error("{}", crate::tr!("fix-refixed", rule = .rule, line = .line, old = .old, new = .new, again = .again, passes = .passes))]
    Refixed {
        rule: String,
        line: usize,
        old: String,
        new: String,
        /// "the same rule" or "rule ID".
        again: String,
        passes: usize,
    },
    #[error("{}", crate::tr!("fix-too-many-passes", line = .line, rule = .rule, passes = .passes))]
    TooManyPasses {
        rule: String,
        line: usize,
        passes: usize,
    },
}

/// Text fixes put into the text being fixed: where it is now, and the first fix there (the
/// one to name when fixing there does not settle).
#[derive(Debug, Clone)]
struct Made {
    span: Range<usize>,
    rule: String,
    line: usize,
    old: String,
    new: String,
}

impl Made {
    /// Whether a fix of `span` changes text made here (an insertion only when it falls
    /// strictly inside; an empty `Made` is where a fix deleted text).
    fn touched_by(&self, span: &Range<usize>) -> bool {
        if span.is_empty() {
            self.span.start < span.start && span.start < self.span.end
        } else if self.span.is_empty() {
            span.start < self.span.start && self.span.start < span.end
        } else {
            span.start < self.span.end && self.span.start < span.end
        }
    }
}

/// Where `at`, a position of a text before `edits` were applied and outside every edited
/// span, is after them. `end` chooses, for an insertion at `at`, to stay before it.
fn moved(at: usize, edits: &[Edit], end: bool) -> usize {
    let mut grown = 0isize;
    for e in edits {
        let before = if end {
            e.old.end <= at && e.old.start < at
        } else {
            e.old.end <= at
        };
        if !before {
            break;
        }
        grown += e.new.len() as isize - e.old.len() as isize;
    }
    at.saturating_add_signed(grown)
}

/// The places fixes made after one more pass: those the pass did not touch moved, and one
/// per edit, named after the first fix at its place.
fn remade(made: Vec<Made>, step: &Pass, before: &str) -> Vec<Made> {
    let (touched, kept): (Vec<Made>, Vec<Made>) = made
        .into_iter()
        .partition(|m| step.edits.iter().any(|e| m.touched_by(&e.old)));
    let mut out: Vec<Made> = kept
        .into_iter()
        .map(|mut m| {
            let start = moved(m.span.start, &step.edits, false);
            let end = moved(m.span.end, &step.edits, true).max(start);
            m.span = start..end;
            m
        })
        .collect();
    for e in &step.edits {
        let first = touched.iter().find(|m| m.touched_by(&e.old));
        out.push(match first {
            Some(m) => Made {
                span: e.new.clone(),
                ..m.clone()
            },
            None => Made {
                span: e.new.clone(),
                rule: e.rule.clone(),
                line: line_at(before, e.old.start),
                old: before.get(e.old.clone()).unwrap_or_default().to_string(),
                new: step.text.get(e.new.clone()).unwrap_or_default().to_string(),
            },
        });
    }
    out
}

fn line_at(text: &str, offset: usize) -> usize {
    1 + text.get(..offset).map_or(0, |t| t.matches('\n').count())
}

/// Fix `text`. `check` returns the findings to report for a text (the same filtering as a
/// plain check, so accepted findings are not "fixed").
///
/// A pass applies every fix once, to the text its finding was found in, left to right; a
/// fix that overlaps one applied before it waits for the next pass, which checks the fixed
/// text again. When fixes are still to be made after [`MAX_PASSES`] passes, they do not
/// settle (a suggestion holding what its rule forbids adds it again on every pass) and
/// [`Unsettled`] names the first fix made where they remain. A text returned has no fix
/// left to apply, so a second `--fix` changes nothing.
pub fn fix_text(
    text: String,
    mut check: impl FnMut(&str) -> Vec<LocatedFinding>,
) -> Result<Fixed, Unsettled> {
    let mut current = text;
    let mut applied = 0;
    let mut overlapping = 0;
    let mut made: Vec<Made> = Vec::new();
    let mut findings = check(&current);
    for pass in 0..=MAX_PASSES {
        let fixes: Vec<(&LocatedFinding, Range<usize>)> = findings
            .iter()
            .filter_map(|f| {
                let fix = f
                    .finding
                    .fix
                    .as_ref()
                    .filter(|x| !x.replacements.is_empty())?;
                Some((f, fix.offset..fix.offset.saturating_add(fix.length)))
            })
            .collect();
        let Some((first, span)) = fixes.first() else {
            break;
        };
        if pass == MAX_PASSES {
            // Name a fix made where fixing goes on, if there is one.
            let remade = fixes.iter().find_map(|(f, span)| {
                let m = made.iter().find(|m| m.touched_by(span))?;
                Some((f.finding.rule.clone(), m))
            });
            let rule = first.finding.rule.clone();
            return Err(match remade {
                Some((rule, m)) => Unsettled::Refixed {
                    again: if m.rule == rule {
                        crate::tr!("fix-same-rule")
                    } else {
                        crate::tr!("fix-other-rule", rule = rule)
                    },
                    rule: m.rule.clone(),
                    line: m.line,
                    old: m.old.clone(),
                    new: m.new.clone(),
                    passes: MAX_PASSES,
                },
                None => Unsettled::TooManyPasses {
                    rule,
                    line: line_at(&current, span.start),
                    passes: MAX_PASSES,
                },
            });
        }
        let step = apply_once(&current, &findings);
        if step.applied == 0 {
            break;
        }
        made = remade(made, &step, &current);
        applied += step.applied;
        overlapping += step.overlapping;
        current = step.text;
        findings = check(&current);
    }
    Ok(Fixed {
        text: current,
        applied,
        overlapping,
        findings,
    })
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
    use crate::pack::model::Severity;
    use std::path::PathBuf;

    fn with_fix(offset: usize, length: usize, replacement: &str) -> LocatedFinding {
        let mut found = LocatedFinding::for_test("p/r", Severity::Error, offset..offset + length);
        found.finding.fix = Some(Fix {
            offset,
            length,
            replacements: vec![replacement.to_string()],
        });
        found
    }

    fn source(text: &str, encoding: Encoding, line_ending: LineEnding) -> SourceFile {
        SourceFile {
            path: PathBuf::from("r.txt"),
            format: Format::Text,
            encoding,
            line_ending,
            text: text.to_string(),
            origin: crate::source::Origin::File,
            furniture: Vec::new(),
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
        let Ok(fixed) = fixed else {
            panic!("the fix settles: {fixed:?}");
        };
        assert_eq!(fixed.text, "法治政府");
        assert_eq!(fixed.applied, 1);
        assert!(fixed.findings.is_empty());
        assert_eq!(checks, 2);
    }

    /// Findings of `forbid WORD suggest REPLACEMENT` (rule `rule`) in a text.
    fn forbid(text: &str, rule: &str, word: &str, replacement: &str) -> Vec<LocatedFinding> {
        text.match_indices(word)
            .map(|(at, _)| {
                let mut found = with_fix(at, word.len(), replacement);
                found.finding.rule = rule.to_string();
                found
            })
            .collect()
    }

    #[test]
    fn a_suggestion_its_rule_flags_again_stops_fixing_and_names_the_first_fix() {
        let mut checks = 0;
        let fixed = fix_text("推进法治政府建设\n依法治国".to_string(), |t| {
            checks += 1;
            forbid(t, "p/r", "法治", "法治（依法）")
        });
        assert_eq!(
            fixed.map(|f| f.text),
            Err(Unsettled::Refixed {
                rule: "p/r".to_string(),
                line: 1,
                old: "法治".to_string(),
                new: "法治（依法）".to_string(),
                again: "the same rule".to_string(),
                passes: MAX_PASSES,
            })
        );
        assert_eq!(checks, MAX_PASSES + 1);
        // Two rules undoing each other: the first fix is named, and the other rule.
        let undone = fix_text("甲".to_string(), |t| {
            let mut found = forbid(t, "p/a", "甲", "乙");
            found.extend(forbid(t, "p/b", "乙", "甲"));
            found
        });
        assert!(
            matches!(&undone, Err(Unsettled::Refixed { rule, again, .. }) if rule == "p/a" && again == "rule p/b"),
            "{undone:?}"
        );
    }

    #[test]
    fn a_new_match_a_fix_makes_is_fixed_in_the_next_pass() {
        // 法法法治: the fix of 法法治 leaves 法法治 again, which the next pass fixes.
        let fixed = fix_text("法法法治".to_string(), |t| {
            forbid(t, "p/r", "法法治", "法治")
        });
        assert_eq!(
            fixed.map(|f| (f.text, f.applied)),
            Ok(("法治".to_string(), 2))
        );
    }

    #[test]
    fn an_overlapping_fix_is_skipped_and_the_text_checked_again() {
        let fixed = fix_text("第一负责人，负责人".to_string(), |t| {
            let mut found = forbid(t, "p/a", "第一负责", "第一责任");
            found.extend(forbid(t, "p/b", "负责人", "责任人"));
            found.sort_by_key(|f| f.finding.fix.as_ref().map(|x| x.offset));
            found
        });
        assert_eq!(
            fixed.map(|f| (f.text, f.applied, f.overlapping)),
            Ok(("第一责任人，责任人".to_string(), 2, 1))
        );
    }

    #[test]
    fn fixes_that_never_run_out_stop_after_the_last_pass() {
        // A fix that always wants one more character at the start, away from what it made.
        let fixed = fix_text("文".to_string(), |_| vec![with_fix(0, 0, "x")]);
        assert_eq!(
            fixed.map(|f| f.text),
            Err(Unsettled::TooManyPasses {
                rule: "p/r".to_string(),
                line: 1,
                passes: MAX_PASSES
            })
        );
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
    fn only_text_and_markdown_have_a_file_text_to_fix() {
        assert!(modelled("一\n", Format::Text).is_some());
        assert!(modelled("# 一\n", Format::Markdown).is_some());
        assert!(modelled("x", Format::Docx).is_none());
        assert!(modelled("x", Format::Html).is_none());
    }

    #[test]
    fn a_markdown_fix_moves_to_its_source_line_when_its_place_is_certain() {
        let file = "# 2024年工作报告\n\n镇长履行**第一负责人**职责，\n抓好法制政府建设。\n\n第一负责人第一负责人\n";
        let Some((text, layout)) = modelled(file, Format::Markdown) else {
            panic!("Markdown has a modelled text");
        };
        let fix_of = |old: &str, new: &str, nth: usize| {
            let offset = text.match_indices(old).nth(nth).map_or(0, |(i, _)| i);
            Fix {
                offset,
                length: old.len(),
                replacements: vec![new.to_string()],
            }
        };
        let moved = to_file(&layout, file, &text, &fix_of("法制政府", "法治政府", 0));
        let at = file.find("法制政府").unwrap_or_default();
        assert_eq!(
            moved.map(|f| (f.offset, f.length)),
            Some((at, "法制政府".len()))
        );
        // The same words twice on one line: which one is meant is not certain.
        assert_eq!(
            to_file(&layout, file, &text, &fix_of("第一负责人", "第一责任人", 1)),
            None
        );
    }

    #[test]
    fn legacy_and_utf16_encodings_are_written_back_in_kind() {
        let gbk = source("一\r\n", Encoding::Gb18030, LineEnding::CrLf);
        assert_eq!(
            encode_like(&gbk, "法治\n").ok(),
            Some(vec![0xB7, 0xA8, 0xD6, 0xCE, b'\r', b'\n'])
        );
        let utf16 = source("\u{feff}一", Encoding::Utf16Le, LineEnding::None);
        assert_eq!(
            encode_like(&utf16, "\u{feff}二").ok(),
            Some(vec![0xFF, 0xFE, 0x8C, 0x4E])
        );
        let forced_gbk = source("一", Encoding::Gbk, LineEnding::None);
        assert_eq!(
            encode_like(&forced_gbk, "😀"),
            Err(EncodeError::Unrepresentable {
                encoding: "GBK",
                chars: "“😀” U+1F600".to_string()
            })
        );
    }

    #[test]
    fn a_gbk_file_read_as_gb18030_takes_no_character_beyond_gbk() {
        // 𠮷 (U+20BB7) is GB18030 only, as a four-byte sequence.
        assert!(encoding_rs::GBK.encode("𠮷").2);
        let gbk = source("刘某\n", Encoding::Gb18030, LineEnding::Lf);
        assert_eq!(
            encode_like(&gbk, "刘𠮷\n"),
            Err(EncodeError::BeyondGbk {
                chars: "“𠮷” U+20BB7".to_string()
            })
        );
        assert_eq!(
            encode_like(&gbk, "刘某某\n").ok(),
            Some(encoding_rs::GB18030.encode("刘某某\n").0.into_owned())
        );
        // A file that already has GB18030-only characters is GB18030.
        let gb18030 = source("刘𠮷\n", Encoding::Gb18030, LineEnding::Lf);
        assert_eq!(
            encode_like(&gb18030, "刘𠮷与刘𠮷\n").ok(),
            Some(encoding_rs::GB18030.encode("刘𠮷与刘𠮷\n").0.into_owned())
        );
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
