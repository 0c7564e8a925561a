//! The document model: a report's text turned into lines, sections, sentences and quantities.
//!
//! [`Document::parse`] takes the decoded file text (from `source`) and builds everything rules
//! query, in one pass per layer, each layer a module:
//!
//! 1. `position`: the line index (byte offset ↔ line and column).
//! 2. `text`: paragraphs (non-empty lines) and sentences; clauses on demand.
//! 3. `structure`: metadata tables, the title, headings and the section tree.
//! 4. `numbers`: quantities with value, kind, approximation and unit.
//! 5. `facts`: report year and document date.
//!
//! On demand, `statements` finds the quantity relations the text states and checks them.
//!
//! Every element carries a byte [`Span`] into [`Document::text`], which is the file text
//! unchanged (a BOM and CRLF line ends stay), so spans can be shown in the original file.
//! Parsing never fails: any text gives a model, possibly without title or headings.

pub mod facts;
pub mod numbers;
pub mod position;
pub mod statements;
pub mod structure;
pub mod text;

pub use facts::{parse_date, Date, Facts};
pub use numbers::{ParsedNumber, Quantity, QuantityKind};
pub use position::{LineIndex, Position};
pub use statements::{Statement, StatementKind, Verdict};

use serde::Serialize;

/// A byte range into a text: a document's [`Document::text`], a pack or a configuration
/// file. The one span type of the crate (`pack`, `eval` and `diag` re-export it).
pub type Span = std::ops::Range<usize>;

/// The title of a report; may span two lines (`中共…委员会 …人民政府` / `关于…的报告`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Title {
    /// From the start of the first line to the end of the last.
    pub span: Span,
    pub lines: Vec<Span>,
}

/// One cell pair of a metadata table: `[ 发布机构 ] | 含谷镇 |`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetaField {
    pub key: String,
    pub value: String,
    pub key_span: Span,
    /// Empty (at the cell position) when the cell is blank.
    pub value_span: Span,
}

/// The numbering style of a heading marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum HeadingStyle {
    /// 第一部分
    Part,
    /// 一、
    Chinese,
    /// （一） (一)
    ParenChinese,
    /// 1. 1、 1．
    Arabic,
    /// （1） (1)
    ParenArabic,
}

impl HeadingStyle {
    /// Rank in the order GB/T 9704 prescribes: 一、 → （一） → 1. → （1）, with 第一部分 above.
    pub fn standard_rank(self) -> u8 {
        match self {
            HeadingStyle::Part => 0,
            HeadingStyle::Chinese => 1,
            HeadingStyle::ParenChinese => 2,
            HeadingStyle::Arabic => 3,
            HeadingStyle::ParenArabic => 4,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            HeadingStyle::Part => "part",
            HeadingStyle::Chinese => "chinese",
            HeadingStyle::ParenChinese => "paren-chinese",
            HeadingStyle::Arabic => "arabic",
            HeadingStyle::ParenArabic => "paren-arabic",
        }
    }
}

/// A numbered heading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Heading {
    /// Marker and heading text; for an inline heading up to and including its first `。`.
    pub span: Span,
    /// The marker as written, without the spaces after it (`一、`, `（一）`, `1.`).
    pub marker_span: Span,
    /// The heading text without marker and closing punctuation.
    pub text_span: Span,
    pub style: HeadingStyle,
    /// The numbering value: 一 → 1, （三） → 3, 12. → 12.
    pub number: u32,
    /// The leading sentence of a paragraph rather than a line of its own.
    pub inline: bool,
    /// Depth in the section tree as this document nests its headings (1 = top).
    pub level: usize,
}

/// A node of the section tree; index 0 is the whole document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// Index into [`Document::headings`]; `None` for the root.
    pub heading: Option<usize>,
    /// From the heading to the next heading at the same or a higher level.
    pub span: Span,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
}

/// What a paragraph is in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ParagraphRole {
    Title,
    /// A heading line of its own.
    Heading,
    /// Running text, possibly opening with an inline heading.
    Body,
}

/// A non-empty line, trimmed. Metadata table lines are not paragraphs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    pub span: Span,
    pub role: ParagraphRole,
    /// The heading this paragraph is or opens with.
    pub heading: Option<usize>,
}

/// A sentence of a paragraph, including its closing mark.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentence {
    pub span: Span,
    /// Index into [`Document::paragraphs`].
    pub paragraph: usize,
}

/// The model of one report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// The decoded file text, unchanged.
    pub text: String,
    pub lines: LineIndex,
    pub title: Option<Title>,
    pub metadata: Vec<MetaField>,
    pub headings: Vec<Heading>,
    pub sections: Vec<Section>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub quantities: Vec<Quantity>,
    pub facts: Facts,
}

impl Document {
    pub fn parse(text: String) -> Document {
        let lines = LineIndex::new(&text);
        let mut doc = Document {
            lines,
            title: None,
            metadata: Vec::new(),
            headings: Vec::new(),
            sections: Vec::new(),
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            quantities: Vec::new(),
            facts: Facts::default(),
            text,
        };
        for line in 1..=doc.lines.line_count() {
            let span = text::trim_span(&doc.text, doc.lines.line_span(line));
            if span.is_empty() {
                continue;
            }
            if let Some(fields) = structure::metadata_fields(&doc.text, span.clone()) {
                doc.metadata.extend(fields);
                continue;
            }
            doc.paragraphs.push(Paragraph {
                span,
                role: ParagraphRole::Body,
                heading: None,
            });
        }
        let candidates: Vec<usize> = (0..doc.paragraphs.len().min(2)).collect();
        if let Some((title, used)) = structure::find_title(&doc, &candidates) {
            for i in used {
                if let Some(p) = doc.paragraphs.get_mut(i) {
                    p.role = ParagraphRole::Title;
                }
            }
            doc.title = Some(title);
        }
        let mut splitter = text::Splitter::sentences_of(&doc.text);
        structure::build_headings_and_sections(&mut doc, &mut splitter);
        for (paragraph, p) in doc.paragraphs.iter().enumerate() {
            splitter.sentences(&doc.text, p.span.clone(), |span| {
                doc.sentences.push(Sentence { span, paragraph })
            });
        }
        doc.quantities = recognise_outside_markers(&doc);
        doc.facts = facts::find_facts(&doc);
        doc
    }

    /// The quantity relations the text states (rates with their part and total, lists of
    /// parts, growth, repeated facts), each with a verdict, in text order. Computed on demand
    /// from the sentences and quantities; see [`statements`].
    pub fn statements(&self) -> Vec<Statement> {
        statements::analyse(self)
    }

    /// The text of a span; empty for a span that is out of range or not on char boundaries.
    pub fn slice(&self, span: &Span) -> &str {
        self.text.get(span.clone()).unwrap_or("")
    }

    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(&self.text, offset)
    }

    /// Clauses of a sentence (split on `，、：`); empty for an unknown sentence index.
    pub fn clauses(&self, sentence: usize) -> Vec<Span> {
        match self.sentences.get(sentence) {
            Some(s) => text::clauses(&self.text, s.span.clone()),
            None => Vec::new(),
        }
    }

    /// The innermost section containing a byte offset (0, the root, if no other does).
    pub fn section_of(&self, offset: usize) -> usize {
        let mut current = 0;
        loop {
            let Some(section) = self.sections.get(current) else {
                return 0;
            };
            let next = section.children.iter().copied().find(|&c| {
                self.sections
                    .get(c)
                    .is_some_and(|s| s.span.start <= offset && offset < s.span.end)
            });
            match next {
                Some(child) => current = child,
                None => return current,
            }
        }
    }

    /// The heading of a section, if it has one.
    pub fn section_heading(&self, section: usize) -> Option<&Heading> {
        self.sections
            .get(section)
            .and_then(|s| s.heading)
            .and_then(|h| self.headings.get(h))
    }
}

/// Quantities of the whole text except inside heading markers (`（1）` is numbering) and
/// metadata tables (index numbers and dates).
fn recognise_outside_markers(doc: &Document) -> Vec<Quantity> {
    let mut quantities = Vec::new();
    for paragraph in &doc.paragraphs {
        let from = match paragraph.heading.and_then(|h| doc.headings.get(h)) {
            Some(h) => h.marker_span.end,
            None => paragraph.span.start,
        };
        let Some(slice) = doc.text.get(from..paragraph.span.end) else {
            continue;
        };
        let mut found = numbers::recognise(slice);
        for q in &mut found {
            q.span = q.span.start + from..q.span.end + from;
            q.unit_span = q.unit_span.take().map(|s| s.start + from..s.end + from);
        }
        quantities.append(&mut found);
    }
    quantities
}
