//! `reportlint inspect FILE`: print the document model.
//!
//! Reads a report through `source`, models it with `model::Document::parse`, and prints what
//! rules will see: title, facts, metadata, the section tree with heading styles, numbers and
//! positions, and every quantity. `--sentences` lists each sentence too. Last come the
//! statements (rates with their part and total, lists of parts, growth, repeated facts), each
//! with its verdict and why its figures were paired. `--format json`
//! prints the same view as JSON (positions resolved, text slices included) for tools.
//!
//! First it says what was read: format and encoding, headers and footers of a `.docx`, and
//! with `--extracted` every line of the modelled text with its place in the original (the
//! `.docx` paragraph, the Markdown line).

use crate::model::statements::Role;
use crate::model::{Document, HeadingStyle, Position, QuantityKind, Span, StatementKind, Verdict};
use serde::Serialize;
use std::fmt::Write as _;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InspectFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct InspectArgs {
    /// Report file to model.
    pub file: std::path::PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: InspectFormat,
    /// Also list every sentence with its position.
    #[arg(long)]
    pub sentences: bool,
    /// Also list the extracted text line by line with where each line is in the original.
    #[arg(long)]
    pub extracted: bool,
    #[command(flatten)]
    pub read: super::args::ReadArgs,
}

pub fn run(args: InspectArgs) -> i32 {
    let options = args.read.options();
    let source = match crate::source::read_with(&args.file, &options) {
        Ok(source) => source,
        Err(e) => {
            eprintln!("reportlint inspect: {e}");
            return 2;
        }
    };
    let doc = Document::parse(source.text.clone());
    let output = match args.format {
        InspectFormat::Text => {
            render_source(&source, args.extracted)
                + &render_text(&doc, args.sentences)
                + &render_statements(&doc)
        }
        InspectFormat::Json => match serde_json::to_string_pretty(&SourcedView {
            source: source_view(&source),
            model: view(&doc),
            statements: statement_views(&doc),
        }) {
            Ok(json) => json + "\n",
            Err(e) => {
                eprintln!(
                    "reportlint inspect: {}",
                    crate::tr!("output-cannot-write", error = e.to_string())
                );
                return 2;
            }
        },
    };
    match super::print(output) {
        Ok(()) => 0,
        Err(code) => code,
    }
}

/// What was read, for `inspect --format json`.
#[derive(Debug, Serialize)]
pub struct SourceView {
    pub format: crate::source::Format,
    pub encoding: crate::source::Encoding,
    pub furniture: Vec<crate::source::Furniture>,
    /// For extracted formats, where each text line is in the original (index = line − 1).
    pub lines: Option<Vec<crate::source::LineOrigin>>,
}

#[derive(Debug, Serialize)]
pub struct SourcedView {
    pub source: SourceView,
    #[serde(flatten)]
    pub model: InspectView,
    pub statements: Vec<StatementView>,
}

/// A figure of a statement, for `inspect --format json`.
#[derive(Debug, Serialize)]
pub struct FigureView {
    pub role: crate::model::statements::Role,
    #[serde(flatten)]
    pub at: Located,
    pub value: f64,
    pub approx: bool,
    pub decimals: i16,
    pub unit: Option<String>,
}

/// A statement, for `inspect --format json`.
#[derive(Debug, Serialize)]
pub struct StatementView {
    pub kind: StatementKind,
    #[serde(flatten)]
    pub at: Located,
    pub subject: String,
    pub figures: Vec<FigureView>,
    #[serde(flatten)]
    pub verdict: Verdict,
    pub pairing: String,
}

pub fn statement_views(doc: &Document) -> Vec<StatementView> {
    doc.statements()
        .into_iter()
        .map(|s| StatementView {
            kind: s.kind,
            at: located(doc, &s.span),
            subject: s.subject,
            figures: s
                .figures
                .iter()
                .map(|f| FigureView {
                    role: f.role,
                    at: located(doc, &f.span),
                    value: f.value,
                    approx: f.approx,
                    decimals: f.decimals,
                    unit: f.unit.clone(),
                })
                .collect(),
            verdict: s.verdict,
            pairing: s.pairing.text(),
        })
        .collect()
}

/// The text view of a document's statements: one block each, with verdict and pairing.
pub fn render_statements(doc: &Document) -> String {
    let statements = doc.statements();
    let mut out = String::new();
    let flagged = statements.iter().filter(|s| s.flagged()).count();
    let _ = writeln!(
        out,
        "{}",
        crate::tr!(
            "inspect-statements",
            count = statements.len(),
            flagged = flagged
        )
    );
    for s in &statements {
        let verdict = match &s.verdict {
            Verdict::Consistent => crate::tr!("inspect-consistent"),
            Verdict::Inconsistent { expected } => {
                crate::tr!("inspect-inconsistent", expected = expected)
            }
            Verdict::Unchecked { reason } => {
                crate::tr!("inspect-unchecked", reason = reason.text())
            }
        };
        let _ = writeln!(
            out,
            "  {} {} {}  [{verdict}]",
            at(doc.position(s.span.start)),
            kind_name(s.kind),
            s.subject,
        );
        let figures: Vec<String> = s
            .figures
            .iter()
            .map(|f| format!("{} {}", role_name(f.role), doc.slice(&f.span)))
            .collect();
        let _ = writeln!(
            out,
            "    {}",
            crate::tr!(
                "inspect-figures",
                figures = figures.join(&crate::tr!("inspect-list-separator"))
            )
        );
        if !s.pairing.is_empty() {
            let _ = writeln!(
                out,
                "    {}",
                crate::tr!("inspect-why", why = s.pairing.text())
            );
        }
    }
    out
}

/// A heading style as the text view names it (the JSON keeps [`HeadingStyle::name`]).
fn heading_style_name(style: HeadingStyle) -> String {
    match style {
        HeadingStyle::Part => crate::tr!("inspect-style-part"),
        HeadingStyle::Chinese => crate::tr!("inspect-style-chinese"),
        HeadingStyle::ParenChinese => crate::tr!("inspect-style-paren-chinese"),
        HeadingStyle::Arabic => crate::tr!("inspect-style-arabic"),
        HeadingStyle::ParenArabic => crate::tr!("inspect-style-paren-arabic"),
    }
}

/// A quantity kind as the text view names it (the JSON keeps [`QuantityKind::name`]).
fn quantity_kind_name(kind: QuantityKind) -> String {
    match kind {
        QuantityKind::Count => crate::tr!("inspect-quantity-count"),
        QuantityKind::Percent => crate::tr!("inspect-quantity-percent"),
        QuantityKind::Amount => crate::tr!("inspect-quantity-amount"),
        QuantityKind::Other => crate::tr!("inspect-quantity-other"),
    }
}

/// A statement kind as the text view names it (the JSON keeps [`StatementKind::name`]).
fn kind_name(kind: StatementKind) -> String {
    match kind {
        StatementKind::Rate => crate::tr!("inspect-kind-rate"),
        StatementKind::Share => crate::tr!("inspect-kind-share"),
        StatementKind::Parts => crate::tr!("inspect-kind-parts"),
        StatementKind::Growth => crate::tr!("inspect-kind-growth"),
        StatementKind::Repeated => crate::tr!("inspect-kind-repeated"),
    }
}

/// A figure's role as the text view names it (the JSON keeps [`Role::name`]).
fn role_name(role: Role) -> String {
    match role {
        Role::Rate => crate::tr!("inspect-role-rate"),
        Role::Part => crate::tr!("inspect-role-part"),
        Role::Total => crate::tr!("inspect-role-total"),
        Role::Item => crate::tr!("inspect-role-item"),
        Role::Current => crate::tr!("inspect-role-current"),
        Role::Previous => crate::tr!("inspect-role-previous"),
        Role::Growth => crate::tr!("inspect-role-growth"),
        Role::First => crate::tr!("inspect-role-first"),
        Role::Again => crate::tr!("inspect-role-again"),
    }
}

pub fn source_view(source: &crate::source::SourceFile) -> SourceView {
    SourceView {
        format: source.format,
        encoding: source.encoding,
        furniture: source.furniture.clone(),
        lines: match &source.origin {
            crate::source::Origin::Extracted(lines) => Some(lines.clone()),
            _ => None,
        },
    }
}

/// The text view of what was read: format, encoding, furniture, and with `extracted` each
/// modelled line with its place in the original.
pub fn render_source(source: &crate::source::SourceFile, extracted: bool) -> String {
    let mut out = String::new();
    let lines = source.text.lines().count();
    let _ = writeln!(
        out,
        "{}",
        crate::tr!(
            "inspect-source",
            format = source.format.name(),
            encoding = source.encoding.name(),
            lines = lines
        )
    );
    for part in &source.furniture {
        let _ = writeln!(
            out,
            "  {}",
            crate::tr!(
                "inspect-furniture",
                part = part.part,
                text = clip(&part.paragraphs.join(" / "), 50)
            )
        );
    }
    if extracted {
        for (i, line) in source.text.lines().enumerate() {
            let place = source
                .place(i + 1)
                .map(|p| format!("  <- {p}"))
                .unwrap_or_default();
            let _ = writeln!(out, "  {:>4} {}{place}", i + 1, clip(line, 40));
        }
    }
    out
}

/// A located piece of text.
#[derive(Debug, Serialize)]
pub struct Located {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
}

fn located(doc: &Document, span: &Span) -> Located {
    let p = doc.position(span.start);
    Located {
        text: doc.slice(span).to_string(),
        start: span.start,
        end: span.end,
        line: p.line,
        column: p.column,
    }
}

#[derive(Debug, Serialize)]
pub struct SectionView {
    pub style: &'static str,
    pub number: u32,
    pub level: usize,
    pub inline: bool,
    pub marker: Located,
    pub heading: Located,
    pub children: Vec<SectionView>,
}

#[derive(Debug, Serialize)]
pub struct QuantityView {
    #[serde(flatten)]
    pub at: Located,
    pub kind: QuantityKind,
    pub value: f64,
    pub approx: bool,
    pub decimals: i16,
    pub unit: Option<String>,
    pub section: usize,
}

#[derive(Debug, Serialize)]
pub struct MetaView {
    pub key: String,
    pub value: String,
    pub line: usize,
}

/// The report year, where it was read, and the title's and the body's years when they differ.
fn report_year_lines(doc: &Document, out: &mut String) {
    let facts = &doc.facts;
    let place = |span: &crate::model::Span| at(doc.position(span.start));
    match (&facts.report_year, facts.report_year_from) {
        (Some((year, span)), Some(from)) => {
            let from = match from {
                crate::model::facts::YearSource::Title => crate::tr!("inspect-from-title"),
                crate::model::facts::YearSource::Body => crate::tr!("inspect-from-body"),
            };
            let _ = writeln!(
                out,
                "{}",
                crate::tr!(
                    "inspect-report-year-from",
                    year = year.to_string(),
                    from = from,
                    at = place(span)
                )
            );
        }
        (Some((year, span)), None) => {
            let _ = writeln!(
                out,
                "{}",
                crate::tr!(
                    "inspect-report-year",
                    year = year.to_string(),
                    at = place(span)
                )
            );
        }
        (None, _) => match (&facts.title_year, &facts.body_year) {
            (Some((t, ts)), Some((b, bs))) if t != b => {
                let _ = writeln!(
                    out,
                    "{}",
                    crate::tr!(
                        "inspect-report-year-unknown",
                        title = t.to_string(),
                        title_at = place(ts),
                        body = b.to_string(),
                        body_at = place(bs)
                    )
                );
            }
            _ => {
                let _ = writeln!(out, "{}", crate::tr!("inspect-report-year-none"));
            }
        },
    }
    if facts.report_year.is_some() {
        if let (Some((t, _)), Some((b, bs))) = (&facts.title_year, &facts.body_year) {
            if t == b {
                let _ = writeln!(
                    out,
                    "  {}",
                    crate::tr!("inspect-body-agrees", at = place(bs))
                );
            }
        }
    }
}

/// What `inspect --format json` prints.
#[derive(Debug, Serialize)]
pub struct InspectView {
    pub title: Option<Located>,
    pub report_year: Option<i32>,
    /// `title` or `body`: where the report year was read.
    pub report_year_from: Option<&'static str>,
    /// The year the title names, and the year the body's statements name.
    pub title_year: Option<i32>,
    pub body_year: Option<i32>,
    pub document_date: Option<String>,
    pub metadata: Vec<MetaView>,
    pub sections: Vec<SectionView>,
    pub paragraphs: usize,
    pub sentences: Vec<Located>,
    pub quantities: Vec<QuantityView>,
}

fn section_views(doc: &Document, section: usize) -> Vec<SectionView> {
    let Some(s) = doc.sections.get(section) else {
        return Vec::new();
    };
    s.children
        .iter()
        .filter_map(|&child| {
            let h = doc.section_heading(child)?;
            Some(SectionView {
                style: h.style.name(),
                number: h.number,
                level: h.level,
                inline: h.inline,
                marker: located(doc, &h.marker_span),
                heading: located(doc, &h.text_span),
                children: section_views(doc, child),
            })
        })
        .collect()
}

pub fn view(doc: &Document) -> InspectView {
    InspectView {
        title: doc.title.as_ref().map(|t| located(doc, &t.span)),
        report_year: doc.facts.report_year.as_ref().map(|(y, _)| *y),
        report_year_from: doc.facts.report_year_from.map(|f| f.as_str()),
        title_year: doc.facts.title_year.as_ref().map(|(y, _)| *y),
        body_year: doc.facts.body_year.as_ref().map(|(y, _)| *y),
        document_date: doc.facts.document_date.as_ref().map(|(d, _)| d.to_string()),
        metadata: doc
            .metadata
            .iter()
            .map(|m| MetaView {
                key: m.key.clone(),
                value: m.value.clone(),
                line: doc.position(m.key_span.start).line,
            })
            .collect(),
        sections: section_views(doc, 0),
        paragraphs: doc.paragraphs.len(),
        sentences: doc
            .sentences
            .iter()
            .map(|s| located(doc, &s.span))
            .collect(),
        quantities: doc
            .quantities
            .iter()
            .map(|q| QuantityView {
                at: located(doc, &q.span),
                kind: q.kind,
                value: q.value,
                approx: q.approx,
                decimals: q.decimals,
                unit: q.unit.clone(),
                section: doc.section_of(q.span.start),
            })
            .collect(),
    }
}

fn at(p: Position) -> String {
    format!("{}:{}", p.line, p.column)
}

/// Shortens long text for one-line display.
fn clip(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max_chars).collect();
        out.push('…');
        out
    }
}

fn write_sections(out: &mut String, doc: &Document, section: usize) {
    let Some(s) = doc.sections.get(section) else {
        return;
    };
    for &child in &s.children {
        let Some(h) = doc.section_heading(child) else {
            continue;
        };
        let details = if h.inline {
            crate::tr!(
                "inspect-heading-inline",
                style = heading_style_name(h.style),
                number = h.number,
                level = h.level,
                at = at(doc.position(h.span.start))
            )
        } else {
            crate::tr!(
                "inspect-heading",
                style = heading_style_name(h.style),
                number = h.number,
                level = h.level,
                at = at(doc.position(h.span.start))
            )
        };
        let _ = writeln!(
            out,
            "{indent}{marker} {text}  [{details}]",
            indent = "  ".repeat(h.level),
            marker = doc.slice(&h.marker_span),
            text = clip(doc.slice(&h.text_span), 40),
        );
        write_sections(out, doc, child);
    }
}

/// The text view of a model, as `inspect` prints it.
pub fn render_text(doc: &Document, with_sentences: bool) -> String {
    let mut out = String::new();
    match &doc.title {
        Some(t) => {
            let lines: Vec<&str> = t.lines.iter().map(|l| doc.slice(l)).collect();
            let _ = writeln!(
                out,
                "{}",
                crate::tr!(
                    "inspect-title",
                    title = lines.join(" / "),
                    at = at(doc.position(t.span.start))
                )
            );
        }
        None => {
            let _ = writeln!(out, "{}", crate::tr!("inspect-title-none"));
        }
    }
    report_year_lines(doc, &mut out);
    match &doc.facts.document_date {
        Some((date, span)) => {
            let _ = writeln!(
                out,
                "{}",
                crate::tr!(
                    "inspect-document-date",
                    date = date.to_string(),
                    at = at(doc.position(span.start))
                )
            );
        }
        None => {
            let _ = writeln!(out, "{}", crate::tr!("inspect-document-date-none"));
        }
    }
    if !doc.metadata.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            crate::tr!("inspect-metadata", fields = doc.metadata.len())
        );
        for m in &doc.metadata {
            let _ = writeln!(
                out,
                "  {} = {:?} ({})",
                m.key,
                m.value,
                at(doc.position(m.key_span.start))
            );
        }
    }
    let _ = writeln!(
        out,
        "{}",
        crate::tr!("inspect-sections", headings = doc.headings.len())
    );
    write_sections(&mut out, doc, 0);
    let _ = writeln!(
        out,
        "{}",
        crate::tr!(
            "inspect-paragraphs",
            paragraphs = doc.paragraphs.len(),
            sentences = doc.sentences.len()
        )
    );
    if with_sentences {
        for s in &doc.sentences {
            let _ = writeln!(
                out,
                "  {} {}",
                at(doc.position(s.span.start)),
                clip(doc.slice(&s.span), 50)
            );
        }
    }
    let _ = writeln!(
        out,
        "{}",
        crate::tr!("inspect-quantities", count = doc.quantities.len())
    );
    for q in &doc.quantities {
        let _ = writeln!(
            out,
            "  {:<8} {:<8} {:<12} = {}{}{}{}",
            at(doc.position(q.span.start)),
            quantity_kind_name(q.kind),
            doc.slice(&q.span),
            q.value,
            q.unit
                .as_deref()
                .map(|u| format!(" {u}"))
                .unwrap_or_default(),
            if q.approx {
                format!(" {}", crate::tr!("inspect-approx"))
            } else {
                String::new()
            },
            if q.decimals > 0 {
                format!(" {}", crate::tr!("inspect-decimals", decimals = q.decimals))
            } else {
                String::new()
            },
        );
    }
    out
}
