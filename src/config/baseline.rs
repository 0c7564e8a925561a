//! Baselines: the findings a project has accepted for now, so that a check reports only new
//! ones.
//!
//! `check --write-baseline FILE` records every finding as an [`Entry`]; `check --baseline
//! FILE` drops the findings whose entry is in the file. An entry identifies a finding by
//! rule, file and the offending text with a few characters of context on its line, plus the
//! occurrence index among findings with the same identity in that file — never by line
//! number, so an edit above a finding (a sentence added to the first section) leaves the
//! baseline valid, while a second copy of an accepted slip is new. Paths are relative to
//! the baseline file's folder, so the same file works from any working directory. The file
//! is JSON in a stable order (path, rule, text, occurrence), so it diffs well in review.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diag::LocatedFinding;

/// The version written into baseline files; other versions are refused.
pub const VERSION: u32 = 1;
/// Characters of the offending text kept (longer labels are cut).
const TEXT_CHARS: usize = 40;
/// Characters of context kept on each side of the offending text, within its line.
const CONTEXT_CHARS: usize = 8;

/// One accepted finding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Entry {
    /// The file, relative to the baseline file's folder, `/`-separated.
    pub path: String,
    /// `pack/id`.
    pub rule: String,
    /// The offending text; for a finding about missing content, its message.
    pub text: String,
    /// Up to 8 characters before the text on its line.
    pub before: String,
    /// Up to 8 characters after the text on its line.
    pub after: String,
    /// 0 for the first finding with this identity in the file, 1 for the second …
    pub occurrence: usize,
    /// The finding's message, for whoever reads the baseline; not used for matching.
    #[serde(default)]
    pub message: String,
}

impl Entry {
    fn key(&self) -> Key {
        (
            self.path.clone(),
            self.rule.clone(),
            self.text.clone(),
            self.before.clone(),
            self.after.clone(),
            self.occurrence,
        )
    }
}

type Key = (String, String, String, String, String, usize);

#[derive(Serialize, Deserialize)]
struct BaselineFile {
    version: u32,
    findings: Vec<Entry>,
}

/// A baseline read from its file, ready to match findings against.
#[derive(Clone, Debug, Default)]
pub struct Baseline {
    keys: HashSet<Key>,
}

impl Baseline {
    /// Read a baseline file.
    pub fn read(path: &Path) -> Result<Baseline, String> {
        // Only a regular file: a FIFO would wait forever. Its size is not capped.
        let text = crate::pack::file::read_text_at_most(path, u64::MAX)
            .map_err(|e| crate::tr!("baseline-cannot-read", path = path.display(), error = e))?;
        let file: BaselineFile = serde_json::from_str(&text)
            .map_err(|e| crate::tr!("baseline-not-baseline", path = path.display(), detail = e))?;
        if file.version != VERSION {
            return Err(crate::tr!(
                "baseline-version",
                path = path.display(),
                version = file.version,
                supported = VERSION
            ));
        }
        Ok(Baseline {
            keys: file.findings.iter().map(Entry::key).collect(),
        })
    }

    pub fn contains(&self, entry: &Entry) -> bool {
        self.keys.contains(&entry.key())
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// The baseline entries of one file's findings, in the findings' order.
pub fn entries(path: &str, text: &str, findings: &[LocatedFinding]) -> Vec<Entry> {
    let mut seen: BTreeMap<(String, String, String, String), usize> = BTreeMap::new();
    findings
        .iter()
        .map(|f| {
            let (offending, before, after) = identity(text, f);
            let identity = (f.finding.rule.clone(), offending, before, after);
            let occurrence = seen.entry(identity.clone()).or_insert(0);
            let entry = Entry {
                path: path.to_string(),
                rule: identity.0,
                text: identity.1,
                before: identity.2,
                after: identity.3,
                occurrence: *occurrence,
                message: f.finding.message.clone(),
            };
            *occurrence += 1;
            entry
        })
        .collect()
}

/// The offending text and its context on the line; for a finding that points at a stand-in
/// place (missing content), its message instead, since the place says nothing about it.
fn identity(text: &str, finding: &LocatedFinding) -> (String, String, String) {
    let span = finding.finding.labels.first().map(|l| l.span.clone());
    let span = match span {
        Some(span) if finding.finding.note.is_none() && !span.is_empty() => span,
        _ => {
            return (
                finding.finding.message.clone(),
                String::new(),
                String::new(),
            )
        }
    };
    let offending: String = text
        .get(span.clone())
        .unwrap_or_default()
        .chars()
        .take(TEXT_CHARS)
        .collect();
    // Only the few characters next to the span are read, never the whole line: a report
    // can be one very long line with thousands of findings.
    let line_end = |c: &char| *c != '\n' && *c != '\r';
    let before: String = {
        let head = text.get(..span.start).unwrap_or_default();
        let mut chars: Vec<char> = head
            .chars()
            .rev()
            .take_while(line_end)
            .take(CONTEXT_CHARS)
            .collect();
        chars.reverse();
        chars.into_iter().collect()
    };
    let after: String = text
        .get(span.end..)
        .unwrap_or_default()
        .chars()
        .take_while(line_end)
        .take(CONTEXT_CHARS)
        .collect();
    (offending, before, after)
}

/// The baseline file's text for `entries`, in stable order.
pub fn render(mut entries: Vec<Entry>) -> String {
    entries.sort();
    entries.dedup();
    let file = BaselineFile {
        version: VERSION,
        findings: entries,
    };
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::model::Severity;

    fn finding(rule: &str, span: std::ops::Range<usize>) -> LocatedFinding {
        LocatedFinding::for_test(rule, Severity::Error, span)
    }

    fn span_of(text: &str, needle: &str, nth: usize) -> std::ops::Range<usize> {
        let start = text.match_indices(needle).nth(nth).map_or(0, |(i, _)| i);
        start..start + needle.len()
    }

    #[test]
    fn an_edit_above_a_finding_keeps_its_entry() {
        let before = "一、主要举措\n镇长履行第一负责人职责。\n";
        let after = "一、主要举措\n新增一段无关的文字。\n镇长履行第一负责人职责。\n";
        let old = entries(
            "a.txt",
            before,
            &[finding("p/r", span_of(before, "第一负责人", 0))],
        );
        let new = entries(
            "a.txt",
            after,
            &[finding("p/r", span_of(after, "第一负责人", 0))],
        );
        assert_eq!(old, new);
        assert_eq!(old[0].before, "镇长履行");
        assert_eq!(old[0].after, "职责。");
    }

    #[test]
    fn a_second_copy_of_the_same_slip_is_a_new_occurrence() {
        let text = "镇长履行第一负责人职责。\n镇长履行第一负责人职责。\n";
        let found = entries(
            "a.txt",
            text,
            &[
                finding("p/r", span_of(text, "第一负责人", 0)),
                finding("p/r", span_of(text, "第一负责人", 1)),
            ],
        );
        assert_eq!(
            found.iter().map(|e| e.occurrence).collect::<Vec<_>>(),
            [0, 1]
        );
    }

    #[test]
    fn the_file_is_written_in_a_stable_order_and_read_back() {
        let text = "第一负责人，法制政府。";
        let found = entries(
            "b.txt",
            text,
            &[
                finding("p/z", span_of(text, "第一负责人", 0)),
                finding("p/a", span_of(text, "法制政府", 0)),
            ],
        );
        let rendered = render(found.clone());
        let reversed = render(found.iter().rev().cloned().collect());
        assert_eq!(rendered, reversed);
        let dir = std::env::temp_dir().join(format!("reportlint-baseline-{}", std::process::id()));
        std::fs::create_dir_all(&dir).ok();
        let file = dir.join("baseline.json");
        std::fs::write(&file, &rendered).ok();
        let read = Baseline::read(&file);
        std::fs::remove_dir_all(&dir).ok();
        let Ok(read) = read else {
            panic!("the baseline reads back: {read:?}");
        };
        assert_eq!(read.len(), 2);
        assert!(found.iter().all(|e| read.contains(e)));
    }
}
