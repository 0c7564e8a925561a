//! Errors in a pack, reported as miette diagnostics that point into the pack source.
//!
//! Front ends and validation collect every problem they find as a [`PackError`] (message,
//! byte span, label, help); [`PackErrors`] bundles them with the named source so that one
//! run reports all errors of a pack, each underlined where it is written.

use miette::{
    Diagnostic, LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::fmt;

use super::model::Span;

/// One problem in a pack, at a byte span of its source.
#[derive(Clone, Debug, PartialEq)]
pub struct PackError {
    pub message: String,
    pub span: Span,
    /// Short text under the underline; defaults to nothing.
    pub label: Option<String>,
    pub help: Option<String>,
}

impl PackError {
    pub fn new(message: impl Into<String>, span: Span) -> Self {
        PackError {
            message: message.into(),
            span,
            label: None,
            help: None,
        }
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
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
        Some(Box::new(std::iter::once(LabeledSpan::new(
            self.label.clone(),
            self.span.start,
            len,
        ))))
    }
}

/// A pack's text as miette reads it, with columns counted in characters.
///
/// miette's own sources report the column of a span in bytes, which is three times too
/// far right after Chinese text; rule authors need the column their editor shows.
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
        let offset = span.offset().min(self.text.len());
        let line_start = self.text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let column = self
            .text
            .get(line_start..offset)
            .map_or(inner.column(), |s| s.chars().count());
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
    pub fn new(name: impl AsRef<str>, text: impl Into<String>, errors: Vec<PackError>) -> Self {
        PackErrors {
            source: PackSource {
                name: name.as_ref().to_string(),
                text: text.into(),
            },
            errors,
        }
    }
}

impl fmt::Display for PackErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.errors.len() {
            1 => write!(f, "{}: {}", self.source.name(), self.errors[0].message),
            n => write!(f, "{}: {} errors in rule pack", self.source.name(), n),
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
            Some(Box::new(self.errors.iter().map(|e| e as &dyn Diagnostic)))
        } else {
            None
        }
    }
}
