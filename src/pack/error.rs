//! Errors in a pack, reported as miette diagnostics that point into the pack source.
//!
//! Front ends and validation collect every problem they find as a [`PackError`] (message,
//! byte span, label, help); [`PackErrors`] bundles them with the named source so that one
//! run reports all errors of a pack, each underlined where it is written.

use miette::{
    Diagnostic, LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::fmt;

use crate::model::Span;

/// One problem in a pack, at a byte span of its source.
#[derive(Clone, Debug, PartialEq)]
pub struct PackError {
    pub message: String,
    pub span: Span,
    /// Short text under the underline; defaults to nothing.
    pub label: Option<String>,
    pub help: Option<String>,
    /// Further places worth showing, each with its label (e.g. where the next rule starts).
    pub also: Vec<(Span, String)>,
}

impl PackError {
    pub fn new(message: impl Into<String>, span: Span) -> Self {
        PackError {
            message: message.into(),
            span,
            label: None,
            help: None,
            also: Vec::new(),
        }
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Another labelled place in the same source.
    pub fn with_also(mut self, span: Span, label: impl Into<String>) -> Self {
        self.also.push((span, label.into()));
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PackError {}

impl Diagnostic for PackError {
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let len = self.span.end.saturating_sub(self.span.start);
        let main = LabeledSpan::new(self.label.clone(), self.span.start, len);
        let also = self.also.iter().map(|(span, label)| {
            LabeledSpan::new(
                Some(label.clone()),
                span.start,
                span.end.saturating_sub(span.start),
            )
        });
        Some(Box::new(std::iter::once(main).chain(also)))
    }
}

/// Lines longer than this many bytes are not shown whole: the excerpt is a window of the
/// line around the place, and the underline is clipped to [`LABEL_MAX_BYTES`].
pub const EXCERPT_LINE_MAX_BYTES: usize = 200;
/// The longest underline on a long line, in bytes.
pub const LABEL_MAX_BYTES: usize = 80;
/// At most this many errors of one file are shown; the count says how many there are.
pub const MAX_SHOWN_ERRORS: usize = 50;
/// How much of a long line is shown before the place, and after the underline, in bytes.
const WINDOW_BEFORE_BYTES: usize = 60;
const WINDOW_AFTER_BYTES: usize = 60;

/// A pack's text as miette reads it, with columns counted in characters.
///
/// miette's own sources report the column of a span in bytes, which is three times too
/// far right after Chinese text; rule authors need the column their editor shows.
///
/// A long line (a pack or configuration written on one line, a minified file) is shown as a
/// window around the place instead of whole: quoting megabytes into a terminal or CI log
/// helps nobody, and miette cannot draw an underline past column 65 535.
#[derive(Debug, Clone)]
pub struct PackSource {
    name: String,
    text: String,
}

impl PackSource {
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn text(&self) -> &str {
        &self.text
    }
}

impl SourceCode for PackSource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        let offset = floor_boundary(&self.text, span.offset().min(self.text.len()));
        let line_start = self.text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let column = self
            .text
            .get(line_start..offset)
            .map_or(inner.column(), |s| s.chars().count());
        if has_long_line(inner.data()) {
            let line_end = self.text[offset..]
                .find('\n')
                .map_or(self.text.len(), |i| offset + i);
            let underlined = offset
                .saturating_add(span.len().min(LABEL_MAX_BYTES))
                .min(line_end);
            let from = floor_boundary(
                &self.text,
                offset.saturating_sub(WINDOW_BEFORE_BYTES).max(line_start),
            );
            let to = ceil_boundary(
                &self.text,
                underlined.saturating_add(WINDOW_AFTER_BYTES).min(line_end),
            );
            let line = self.text[..line_start].matches('\n').count();
            return Ok(Box::new(MietteSpanContents::new_named(
                self.name.clone(),
                &self.text.as_bytes()[from..to],
                (from, to - from).into(),
                line,
                column,
                0,
            )));
        }
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

/// All errors found in one pack file, with its source for rendering.
#[derive(Debug)]
pub struct PackErrors {
    pub source: PackSource,
    pub errors: Vec<PackError>,
}

impl PackErrors {
    /// The errors of the text `text` named `name`. An underline that starts on or next to a
    /// long line is clipped to the start of its line and [`LABEL_MAX_BYTES`], to match the
    /// window shown of such a line (in the errors that are shown: the first
    /// [`MAX_SHOWN_ERRORS`]).
    pub fn new(name: impl AsRef<str>, text: impl Into<String>, errors: Vec<PackError>) -> Self {
        let text = text.into();
        let mut errors = errors;
        for e in errors.iter_mut().take(MAX_SHOWN_ERRORS) {
            e.span = clip_span(&text, e.span.clone());
            for (span, _) in &mut e.also {
                *span = clip_span(&text, span.clone());
            }
        }
        PackErrors {
            source: PackSource {
                name: name.as_ref().to_string(),
                text,
            },
            errors,
        }
    }
}

/// Whether some line of an excerpt is too long to be shown whole.
fn has_long_line(data: &[u8]) -> bool {
    data.split(|b| *b == b'\n')
        .any(|line| line.len() > EXCERPT_LINE_MAX_BYTES)
}

/// `span` kept inside `text`, on char boundaries; where the lines around it are long, cut to
/// its first line and [`LABEL_MAX_BYTES`].
fn clip_span(text: &str, span: Span) -> Span {
    let start = floor_boundary(text, span.start.min(text.len()));
    let end = ceil_boundary(text, span.end.clamp(start, text.len()));
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let before = text[..line_start.saturating_sub(1)]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let after = text[end..]
        .find('\n')
        .map(|i| end + i + 1)
        .and_then(|next| text[next..].find('\n').map(|i| next + i))
        .unwrap_or(text.len());
    if !has_long_line(&text.as_bytes()[before..after]) {
        return start..end;
    }
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let end = end.min(line_end).min(start.saturating_add(LABEL_MAX_BYTES));
    start..ceil_boundary(text, end).min(line_end.max(start))
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

impl fmt::Display for PackErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.errors.len() {
            1 => write!(f, "{}: {}", self.source.name(), self.errors[0].message),
            n if n > MAX_SHOWN_ERRORS => f.write_str(&crate::tr!(
                "packerr-many-errors",
                pack = self.source.name(),
                count = n,
                shown = MAX_SHOWN_ERRORS
            )),
            n => f.write_str(&crate::tr!(
                "packerr-errors",
                pack = self.source.name(),
                count = n
            )),
        }
    }
}

impl std::error::Error for PackErrors {}

impl Diagnostic for PackErrors {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new("reportlint::pack"))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        match self.errors.as_slice() {
            [only] => only
                .help
                .as_ref()
                .map(|h| Box::new(h) as Box<dyn fmt::Display>),
            _ => None,
        }
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        match self.errors.as_slice() {
            [only] => only.labels(),
            _ => None,
        }
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.errors.len() > 1 {
            Some(Box::new(
                self.errors
                    .iter()
                    .take(MAX_SHOWN_ERRORS)
                    .map(|e| e as &dyn Diagnostic),
            ))
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(errors: &PackErrors) -> String {
        let handler =
            miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor());
        let mut out = String::new();
        handler
            .render_report(&mut out, errors)
            .map_or_else(|_| "render failed".to_string(), |()| out)
    }

    /// An error far out on a long line renders a window of the line, with the place
    /// underlined, the true column in the header, and a clipped underline.
    #[test]
    fn a_long_line_is_shown_as_a_window_around_the_error() {
        let text = format!(
            "first\n{}错误{}\nlast\n",
            "甲".repeat(30_000),
            "乙".repeat(30_000)
        );
        let at = text.find("错误").unwrap_or(0);
        let errors = PackErrors::new(
            "long.rules",
            text.clone(),
            vec![PackError::new("bad", at..text.len() - 6).with_label("here")],
        );
        let span = &errors.errors[0].span;
        assert_eq!(span.start, at);
        assert!(span.end - span.start <= LABEL_MAX_BYTES + 3);
        let out = render(&errors);
        assert!(out.contains("long.rules:2:30001"), "{out}");
        assert!(out.contains("错误"), "{out}");
        assert!(out.contains("here"), "{out}");
        assert!(!out.contains("first") && !out.contains("last"), "{out}");
        assert!(out.len() < 2_000, "{out}");
    }

    #[test]
    fn short_lines_keep_their_context_and_spans() {
        let text = "one\ntwo words\nthree\n".to_string();
        let errors = PackErrors::new(
            "short.rules",
            text,
            vec![PackError::new("bad", 8..13).with_label("here")],
        );
        assert_eq!(errors.errors[0].span, 8..13);
        let out = render(&errors);
        assert!(out.contains("one") && out.contains("three"), "{out}");
    }
}
