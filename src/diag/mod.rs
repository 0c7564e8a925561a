//! Findings and how they are shown.
//!
//! The evaluator produces [`Finding`]s with byte spans into a document's text; [`locate`]
//! turns them into [`LocatedFinding`]s with 1-based line:column positions (columns in
//! characters), which every output format uses. `human` renders one finding as a miette
//! report over an [`excerpt::Excerpt`] of the lines it points at.

pub mod excerpt;
pub mod graphic;

use crate::model::position::LineIndex;
use crate::pack::model::Severity;
use serde::Serialize;

/// A byte range into the checked document's text.
pub use crate::model::Span;

/// What a printer needs to know about a rule up front (SARIF rule table, JUnit cases);
/// the engine lists its rules in this form.
#[derive(Clone, Debug)]
pub struct RuleInfo {
    /// `pack/id`.
    pub id: String,
    pub severity: Severity,
    pub summary: String,
    pub help: Option<String>,
    pub reference: Option<String>,
}

/// One thing a rule found in one document.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// `pack/id` of the rule.
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    pub reference: Option<String>,
    /// Where the finding is; the first label is the primary one.
    pub labels: Vec<Label>,
    /// Said when the finding points at a stand-in place (missing content has no text of its own).
    pub note: Option<String>,
    pub fix: Option<Fix>,
    /// Further occurrences folded into this finding (flood control, `once per file`).
    pub folded: usize,
    /// Where the folded occurrences are (the first label of each), for the formats that list
    /// every occurrence (xlsx, annotated Word copies); shorter than `folded` by the folded
    /// occurrences that have no place.
    pub folded_labels: Vec<Label>,
    /// The fixes of the folded occurrences (and of the occurrences shown beside the first),
    /// so that `--fix` corrects every occurrence, not only the first.
    pub folded_fixes: Vec<Fix>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub span: Span,
    pub text: Option<String>,
}

impl Label {
    pub fn new(span: Span, text: impl Into<Option<String>>) -> Self {
        Label {
            span,
            text: text.into(),
        }
    }
}

/// A machine-applicable replacement of `span` by one of `replacements` (the first is preferred).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fix {
    pub offset: usize,
    pub length: usize,
    pub replacements: Vec<String>,
}

/// A 1-based position: line, column in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

/// A label with its resolved position.
#[derive(Clone, Debug, PartialEq)]
pub struct LocatedLabel {
    pub label: Label,
    /// The label's byte range in the original file, when the checked text was transcoded
    /// from it (GBK, UTF-16) or is the file itself; `None` for text extracted from .docx,
    /// HTML or Markdown, where no byte range of the file holds it.
    pub file_span: Option<Span>,
    pub start: Location,
    pub end: Location,
}

/// A finding with every label resolved to line:column.
#[derive(Clone, Debug, PartialEq)]
pub struct LocatedFinding {
    pub finding: Finding,
    pub labels: Vec<LocatedLabel>,
    /// The places of the occurrences folded into the finding ([`Finding::folded_labels`]),
    /// located like the labels: machine formats list every occurrence.
    pub folded: Vec<LocatedLabel>,
}

impl LocatedFinding {
    /// The primary label (the first), if the finding has one.
    pub fn primary(&self) -> Option<&LocatedLabel> {
        self.labels.first()
    }

    /// A finding of `rule` with message `m` and one unlabelled span, placed at 1:1: what unit
    /// tests of gating, baselines and fixes need.
    #[cfg(test)]
    pub fn for_test(rule: &str, severity: Severity, span: Span) -> LocatedFinding {
        let label = Label::new(span, None);
        let at = Location { line: 1, column: 1 };
        LocatedFinding {
            finding: Finding {
                rule: rule.to_string(),
                severity,
                message: "m".to_string(),
                help: None,
                reference: None,
                labels: vec![label.clone()],
                note: None,
                fix: None,
                folded: 0,
                folded_labels: Vec::new(),
                folded_fixes: Vec::new(),
            },
            labels: vec![LocatedLabel {
                label,
                start: at,
                end: at,
                file_span: None,
            }],
            folded: Vec::new(),
        }
    }
}

/// Resolve a finding's labels to positions in `text`.
pub fn locate(finding: Finding, text: &str, lines: &LineIndex) -> LocatedFinding {
    let place = |label: &Label| {
        let start = lines.position(text, label.span.start);
        let end = lines.position(text, label.span.end);
        LocatedLabel {
            label: label.clone(),
            file_span: Some(label.span.clone()),
            start: Location {
                line: start.line,
                column: start.column,
            },
            end: Location {
                line: end.line,
                column: end.column,
            },
        }
    };
    let labels = finding.labels.iter().map(place).collect();
    let folded = finding.folded_labels.iter().map(place).collect();
    LocatedFinding {
        finding,
        labels,
        folded,
    }
}

/// Order findings the way every output shows them: by position, then rule, then message.
pub fn sort_findings(findings: &mut [LocatedFinding]) {
    findings.sort_by(|a, b| {
        let key = |f: &LocatedFinding| {
            f.finding
                .labels
                .first()
                .map(|l| (l.span.start, l.span.end))
                .unwrap_or((0, 0))
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| a.finding.rule.cmp(&b.finding.rule))
            .then_with(|| a.finding.message.cmp(&b.finding.message))
    });
}
