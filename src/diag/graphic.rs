//! Human output: each finding as a miette graphical report over an [`Excerpt`].

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};
use std::fmt;

use super::excerpt::Excerpt;
use super::Finding;
use crate::model::position::LineIndex;
use crate::pack::model::Severity;

/// How human reports look.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub color: bool,
    /// ASCII-only drawing and no colour, for CI logs.
    pub plain: bool,
    pub width: usize,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            color: false,
            plain: false,
            width: 100,
        }
    }
}

/// A finding prepared for miette: labels mapped into an excerpt of the document.
struct Report<'a> {
    finding: &'a Finding,
    excerpt: Excerpt,
    labels: Vec<LabeledSpan>,
    help: Option<String>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Report")
            .field("rule", &self.finding.rule)
            .finish()
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for Report<'_> {}

impl Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.finding.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        if self.labels.is_empty() {
            None
        } else {
            Some(&self.excerpt)
        }
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            None
        } else {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }
}

/// Render one finding of the document `text` (shown as `name`) as a miette report.
pub fn render(
    finding: &Finding,
    name: &str,
    text: &str,
    lines: &LineIndex,
    style: Style,
) -> String {
    let spans: Vec<_> = finding.labels.iter().map(|l| l.span.clone()).collect();
    let excerpt = Excerpt::new(name, text, lines, &spans);
    let labels = finding
        .labels
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            excerpt.map(&l.span).map(|s| {
                if i == 0 {
                    LabeledSpan::new_primary_with_span(l.text.clone(), s)
                } else {
                    LabeledSpan::new_with_span(l.text.clone(), s)
                }
            })
        })
        .collect();
    let mut help = Vec::new();
    if let Some(note) = &finding.note {
        help.push(note.clone());
    }
    if let Some(h) = &finding.help {
        help.push(h.clone());
    }
    if let Some(r) = &finding.reference {
        help.push(format!("依据：{r}"));
    }
    if finding.folded > 0 {
        help.push(format!("同类问题另有 {} 处未逐一列出", finding.folded));
    }
    let report = Report {
        finding,
        excerpt,
        labels,
        help: if help.is_empty() {
            None
        } else {
            Some(help.join("\n"))
        },
    };
    let theme = match (style.plain, style.color) {
        // CI logs show escape codes literally, so plain mode never colours.
        (true, _) => GraphicalTheme::none(),
        (false, true) => GraphicalTheme::unicode(),
        (false, false) => GraphicalTheme::unicode_nocolor(),
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_context_lines(0)
        .with_links(false);
    let mut out = String::new();
    if handler.render_report(&mut out, &report).is_err() {
        // A rendering failure must not hide the finding: fall back to one plain line.
        out = format!(
            "{}: {} [{}]\n",
            finding.severity, finding.message, finding.rule
        );
    }
    out
}
