//! Structure: metadata tables, the title, headings and the section tree.
//!
//! Input is the document text and its lines; output is filled into the [`Document`] fields
//! `metadata`, `title`, `headings`, `sections` and the paragraph roles.
//!
//! * **Metadata** lines are tables copied from government sites: `[ 发布机构 ] | 含谷镇 |`,
//!   several cells per line, possibly the same table twice (every field is kept, in order).
//! * **Title**: the first non-metadata line if it is short and reads like a title (no `。`,
//!   no comma, no closing `：`); a second such line joins it when it starts with `关于` or
//!   carries 报告 / 总结 while the first does not (`中共…委员会 …人民政府` + `关于…的报告`).
//! * **Headings** start a line with a numbering marker: `第一部分`, `一、`, `（一）` / `(一)`,
//!   `1.` / `1．` / `1、`, `（1）` / `(1)`, with optional spaces after the marker. A line that
//!   is one sentence is a heading line of its own; a longer paragraph opens with an inline
//!   heading that runs to its first `。！？`. A leading `[bookmark: …]` (left over from word
//!   processor exports) is skipped.
//! * **Sections** nest as the document actually numbers them, not by the standard order: a
//!   marker form already open on the stack closes everything below it and opens a sibling;
//!   a new form opens a child. The marker form is the style plus, for Arabic numbers, the
//!   delimiter, because reports use `1、` for top-level parts and `1.` three levels down. A
//!   heading continuing the numbering of an open form with the other delimiter (`2、` after
//!   `1.`) is taken as that form.

use super::numbers::chinese_numeral_value;
use super::text::{is_blank, trim_span, Splitter};
use super::{Document, Heading, HeadingStyle, MetaField, ParagraphRole, Section, Span, Title};

/// A metadata row: `[ key ] | value |` repeated.
pub fn metadata_fields(text: &str, line: Span) -> Option<Vec<MetaField>> {
    let slice = text.get(line.clone())?;
    let mut fields = Vec::new();
    let mut i = 0;
    let skip_blank = |i: &mut usize| {
        while let Some(c) = slice.get(*i..).and_then(|s| s.chars().next()) {
            if is_blank(c) {
                *i += c.len_utf8();
            } else {
                break;
            }
        }
    };
    loop {
        skip_blank(&mut i);
        if i >= slice.len() {
            break;
        }
        if !slice.get(i..)?.starts_with('[') {
            return None;
        }
        let key_close = i + slice.get(i..)?.find(']')?;
        let key_span = trim_span(text, line.start + i + 1..line.start + key_close);
        i = key_close + 1;
        skip_blank(&mut i);
        if !slice.get(i..)?.starts_with('|') {
            return None;
        }
        let value_close = i + 1 + slice.get(i + 1..)?.find('|')?;
        let value_span = trim_span(text, line.start + i + 1..line.start + value_close);
        i = value_close + 1;
        let key = text.get(key_span.clone())?.to_string();
        if key.is_empty() {
            return None;
        }
        fields.push(MetaField {
            key,
            value: text.get(value_span.clone())?.to_string(),
            key_span,
            value_span,
        });
    }
    (!fields.is_empty()).then_some(fields)
}

/// Whether a paragraph reads like (part of) a title.
fn title_like(text: &str) -> bool {
    let chars = text.chars().count();
    chars > 0
        && chars <= 60
        && !text.contains(['。', '，', ',', '；'])
        && !text.ends_with(['：', ':'])
}

pub fn find_title(doc: &Document, candidates: &[usize]) -> Option<(Title, Vec<usize>)> {
    let first = *candidates.first()?;
    let first_span = doc.paragraphs.get(first)?.span.clone();
    let first_text = doc.slice(&first_span);
    if !title_like(first_text) || heading_marker(first_text).is_some() {
        return None;
    }
    let mut used = vec![first];
    let mut lines = vec![first_span.clone()];
    if let Some(&second) = candidates.get(1) {
        if let Some(p) = doc.paragraphs.get(second) {
            let second_text = doc.slice(&p.span);
            let names_report = |t: &str| t.contains("报告") || t.contains("总结");
            if title_like(second_text)
                && heading_marker(second_text).is_none()
                && (second_text.starts_with("关于")
                    || (!names_report(first_text) && names_report(second_text)))
            {
                used.push(second);
                lines.push(p.span.clone());
            }
        }
    }
    let end = lines.last().map_or(first_span.end, |s| s.end);
    Some((
        Title {
            span: first_span.start..end,
            lines,
        },
        used,
    ))
}

/// Distinguishes marker forms that share a style (`1、` vs `1.`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkerForm {
    pub style: HeadingStyle,
    pub delimiter: char,
}

/// A numbering marker at the start of a line.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// Byte length of the marker including trailing spaces.
    pub len: usize,
    /// Byte length of the marker itself.
    pub marker_len: usize,
    pub form: MarkerForm,
    pub number: u32,
}

fn take_while_len(s: &str, f: impl Fn(char) -> bool) -> usize {
    s.chars().take_while(|c| f(*c)).map(char::len_utf8).sum()
}

fn is_chinese_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
    )
}

fn number_at(s: &str) -> Option<(u32, usize, bool)> {
    let arabic = take_while_len(s, |c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    if arabic > 0 {
        let digits = s.get(..arabic)?;
        // Heading numbers have at most three digits; longer runs are years and amounts.
        if digits.chars().count() > 3 {
            return None;
        }
        let value = digits.chars().fold(0, |value, c| {
            let digit = if c.is_ascii_digit() {
                c as u32 - '0' as u32
            } else {
                c as u32 - '０' as u32
            };
            value * 10 + digit
        });
        return Some((value, arabic, true));
    }
    let chinese = take_while_len(s, is_chinese_numeral);
    if chinese == 0 {
        return None;
    }
    let value = chinese_numeral_value(s.get(..chinese)?)?;
    Some((u32::try_from(value).ok()?, chinese, false))
}

/// Recognises a heading marker at the start of `line` (already trimmed).
pub fn heading_marker(line: &str) -> Option<Marker> {
    let (form, number, marker_len) = if let Some(rest) = line.strip_prefix('第') {
        let (number, len, _) = number_at(rest)?;
        let after = rest.get(len..)?;
        let part = ["部分", "篇"].into_iter().find(|w| after.starts_with(w))?;
        let marker_len = '第'.len_utf8() + len + part.len();
        let sep = take_while_len(line.get(marker_len..)?, |c| matches!(c, '、' | '：' | ':'));
        (
            MarkerForm {
                style: HeadingStyle::Part,
                delimiter: ' ',
            },
            number,
            marker_len + sep,
        )
    } else if line.starts_with(['（', '(']) {
        let open = line.chars().next()?.len_utf8();
        let inner_start = open + take_while_len(line.get(open..)?, |c| c == ' ');
        let (number, len, arabic) = number_at(line.get(inner_start..)?)?;
        let close_at =
            inner_start + len + take_while_len(line.get(inner_start + len..)?, |c| c == ' ');
        let close = line.get(close_at..)?.chars().next()?;
        if !matches!(close, '）' | ')') {
            return None;
        }
        let mut marker_len = close_at + close.len_utf8();
        // `（一）、` is a common slip; the 、 belongs to the marker.
        marker_len += take_while_len(line.get(marker_len..)?, |c| matches!(c, '、' | '.' | '．'));
        let style = if arabic {
            HeadingStyle::ParenArabic
        } else {
            HeadingStyle::ParenChinese
        };
        (
            MarkerForm {
                style,
                delimiter: ')',
            },
            number,
            marker_len,
        )
    } else {
        let (number, len, arabic) = number_at(line)?;
        let delimiter = line.get(len..)?.chars().next()?;
        let after = line.get(len + delimiter.len_utf8()..)?.chars().next();
        let ok = match delimiter {
            '、' => true,
            '.' | '．' => !after.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)),
            _ => false,
        };
        // Chinese headings stop at 九十九; a larger numeral opens a sentence, not a heading.
        if !ok || (!arabic && number > 99) {
            return None;
        }
        let style = if arabic {
            HeadingStyle::Arabic
        } else {
            HeadingStyle::Chinese
        };
        let delimiter = if delimiter == '．' { '.' } else { delimiter };
        (
            MarkerForm { style, delimiter },
            number,
            len + line.get(len..)?.chars().next()?.len_utf8(),
        )
    };
    let spaces = take_while_len(line.get(marker_len..)?, |c| c == ' ' || c == '\u{3000}');
    let len = marker_len + spaces;
    if line.get(len..)?.trim_matches(is_blank).is_empty() {
        return None;
    }
    Some(Marker {
        len,
        marker_len,
        form,
        number,
    })
}

/// Where the heading of a paragraph starts: after a `[bookmark: …]` export artifact.
fn content_start(text: &str, paragraph: &Span) -> usize {
    let slice = text.get(paragraph.clone()).unwrap_or("");
    if slice.starts_with("[bookmark:") {
        if let Some(close) = slice.find(']') {
            let rest = slice.get(close + 1..).unwrap_or("");
            let blank = rest.len() - rest.trim_start_matches(is_blank).len();
            return paragraph.start + close + 1 + blank;
        }
    }
    paragraph.start
}

/// Finds the headings among body paragraphs and builds the section tree.
/// `splitter` is made for the sentences of the document text.
pub fn build_headings_and_sections(doc: &mut Document, splitter: &mut Splitter) {
    let text = doc.text.as_str();
    let mut headings: Vec<(Heading, MarkerForm, usize)> = Vec::new();
    let mut units = Vec::new();
    for (index, paragraph) in doc.paragraphs.iter().enumerate() {
        if paragraph.role != ParagraphRole::Body {
            continue;
        }
        let start = content_start(text, &paragraph.span);
        let Some(line) = text.get(start..paragraph.span.end) else {
            continue;
        };
        let Some(marker) = heading_marker(line) else {
            continue;
        };
        let body_start = start + marker.len;
        let body = body_start..paragraph.span.end;
        units.clear();
        // Two sentences tell a heading line from an inline heading; more are not needed.
        splitter.first_sentences(text, body.clone(), 2, |s| units.push(s));
        let (span_end, text_span, inline) = match units.as_slice() {
            [first, _, ..] => (first.end, first.clone(), true),
            _ => (paragraph.span.end, body.clone(), false),
        };
        let text_span = trim_span(
            text,
            text_span.start
                ..text_span.start
                    + text
                        .get(text_span.clone())
                        .unwrap_or("")
                        .trim_end_matches(['。', '！', '？', '!', '?', '；', ';', '.'])
                        .len(),
        );
        headings.push((
            Heading {
                span: start..span_end,
                marker_span: start..start + marker.marker_len,
                text_span,
                style: marker.form.style,
                number: marker.number,
                inline,
                level: 0,
            },
            marker.form,
            index,
        ));
    }

    let mut sections = vec![Section {
        heading: None,
        span: 0..text.len(),
        parent: None,
        children: Vec::new(),
    }];
    // Open sections below the root: (marker form, number, section index).
    let mut open: Vec<(MarkerForm, u32, usize)> = Vec::new();
    let mut final_headings = Vec::with_capacity(headings.len());
    for (heading_index, (mut heading, form, paragraph)) in headings.into_iter().enumerate() {
        let same_form = open.iter().position(|(f, _, _)| *f == form);
        let continued = || {
            open.iter().position(|(f, n, _)| {
                f.style == form.style && heading.number > 1 && *n + 1 == heading.number
            })
        };
        if let Some(pos) = same_form.or_else(continued) {
            for (_, _, closed) in open.drain(pos..) {
                if let Some(s) = sections.get_mut(closed) {
                    s.span.end = heading.span.start;
                }
            }
        }
        let parent = open.last().map_or(0, |(_, _, s)| *s);
        let section_index = sections.len();
        heading.level = open.len() + 1;
        sections.push(Section {
            heading: Some(heading_index),
            span: heading.span.start..text.len(),
            parent: Some(parent),
            children: Vec::new(),
        });
        if let Some(p) = sections.get_mut(parent) {
            p.children.push(section_index);
        }
        open.push((form, heading.number, section_index));
        if let Some(p) = doc.paragraphs.get_mut(paragraph) {
            p.heading = Some(heading_index);
            if !heading.inline {
                p.role = ParagraphRole::Heading;
            }
        }
        final_headings.push(heading);
    }
    doc.headings = final_headings;
    doc.sections = sections;
}

// ---------------------------------------------------------------- bodies and openings
//
// What rules read as the body of a report or of one of its parts: the text under the
// headings, not the headings. A report without numbered headings marks its parts by how a
// paragraph opens (`存在的问题：……`, `下一步，我镇将……`), so an opening stands in for a
// heading there.

/// Where the closing of a report starts: the dated signature at the end (`特此报告。`, the
/// name of the office, the date), up to four lines ending with a date. The text length when
/// the report has no dated closing.
pub fn closing_start(doc: &Document) -> usize {
    let text = doc.text.as_str();
    let closing_line = |t: &str| {
        super::facts::parse_date(t).is_some()
            || t.starts_with("特此")
            || (t.chars().count() <= 30
                && !t.contains(['。', '，', '；', '：', ',', ';', ':', '！', '？']))
    };
    let mut start = text.len();
    let mut dated = false;
    for p in doc.paragraphs.iter().rev().take(4) {
        let t = doc.slice(&p.span);
        if p.role != ParagraphRole::Body || p.heading.is_some() || !closing_line(t) {
            break;
        }
        dated |= super::facts::parse_date(t).is_some();
        start = p.span.start;
    }
    if dated {
        start
    } else {
        text.len()
    }
}

/// The text of the report without its title, its headings (heading lines, and the leading
/// sentence of an inline heading) and its dated closing, as pieces in text order.
pub fn body_pieces(doc: &Document) -> Vec<Span> {
    let mut pieces = Vec::new();
    let closing = closing_start(doc);
    for p in doc.paragraphs.iter().filter(|p| p.span.start < closing) {
        match p.role {
            ParagraphRole::Title | ParagraphRole::Heading => {}
            ParagraphRole::Body => {
                let start = p
                    .heading
                    .and_then(|h| doc.headings.get(h))
                    .map_or(p.span.start, |h| h.span.end.max(p.span.start));
                let piece = trim_span(&doc.text, start..p.span.end);
                if !piece.is_empty() {
                    pieces.push(piece);
                }
            }
        }
    }
    pieces
}

/// Words saying that what a sentence is about is given elsewhere or later (另行研究制定,
/// 详见附件, 此处不再赘述): such a sentence does not itself state it.
const DEFERRALS: [&str; 6] = ["另行", "不再赘述", "详见", "参见", "见附件", "另附"];

/// The parts of the document's sentences that defer their content (另行…, 详见…, 不再赘述),
/// in text order: what a required content must not be found in. Found once per document.
pub fn deferred_parts(doc: &Document) -> Vec<Span> {
    if !DEFERRALS.iter().any(|w| doc.text.contains(w)) {
        return Vec::new();
    }
    doc.sentences
        .iter()
        .filter_map(|s| deferred_part(doc, s.span.clone()))
        .collect()
}

/// `pieces` without the `cuts` ([`deferred_parts`]) that fall in them. Pieces without a cut are
/// returned as they are.
pub fn without(pieces: &[Span], cuts: &[Span]) -> Vec<Span> {
    if cuts.is_empty() {
        return pieces.to_vec();
    }
    let mut out = Vec::new();
    for piece in pieces {
        let mut start = piece.start;
        let first = cuts.partition_point(|c| c.end <= piece.start);
        for cut in cuts[first..].iter().take_while(|c| c.start < piece.end) {
            let cut = cut.start.max(piece.start)..cut.end.min(piece.end);
            if cut.start > start {
                out.push(start..cut.start);
            }
            start = start.max(cut.end);
        }
        if piece.end > start {
            out.push(start..piece.end);
        }
    }
    out
}

/// The part of a sentence that defers its content: from the clause holding the deferral word
/// to the sentence's end, and from the sentence's start when the sentence opens on what is
/// deferred (对于上述问题的原因，…另行报告) or with the deferral itself. `None` when nothing is
/// deferred. Statements before it in the sentence (办理案件327件，明细详见附件) stay.
fn deferred_part(doc: &Document, sentence: Span) -> Option<Span> {
    let text = doc.slice(&sentence);
    let at = DEFERRALS.iter().filter_map(|w| text.find(w)).min()?;
    let clause_start = text[..at]
        .rfind(['，', ',', '；', ';', '：', ':'])
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    let opening =
        text.trim_start_matches(|c: char| matches!(c, '（' | '(' | '【') || c.is_whitespace());
    // 以上问题的原因，…另行报告: a first clause naming only what is deferred.
    let first_clause = &text[..text.find(['，', ',', '；', ';']).unwrap_or(text.len())];
    let names_deferred = !first_clause.contains(|c: char| c.is_ascii_digit())
        && [
            "原因", "情况", "安排", "措施", "成效", "举措", "计划", "打算",
        ]
        .iter()
        .any(|w| first_clause.ends_with(w));
    let topic = names_deferred
        || ["对于", "关于", "至于", "对", "就"]
            .iter()
            .any(|w| opening.starts_with(w));
    let from = if topic || clause_start == 0 {
        0
    } else {
        clause_start
    };
    Some(sentence.start + from..sentence.end)
}

/// What stands under a section's heading: from the end of the heading to the end of the
/// section (its subsections included), without the report's dated closing. None for the root.
pub fn section_body(doc: &Document, section: usize) -> Option<Span> {
    let s = doc.sections.get(section)?;
    let h = doc.headings.get(s.heading?)?;
    let end = s.span.end.min(closing_start(doc)).max(h.span.end);
    let body = trim_span(&doc.text, h.span.end.min(end)..end);
    Some(body)
}

/// How a running-text paragraph (no title, no heading) opens.
#[derive(Debug, Clone, PartialEq)]
pub struct Opening {
    /// Index into [`Document::paragraphs`].
    pub paragraph: usize,
    /// The opening: up to a `：` that comes before the first sentence end, else the first
    /// clause (up to the first `，、；` or sentence end).
    pub lead: Span,
    /// The paragraph's first sentence, where a match for the opening is looked for.
    pub first_sentence: Span,
    /// What follows the opening: the rest of the paragraph and, when the paragraph is only a
    /// label (`存在的问题：`, `下一步工作打算`), the paragraphs after it up to the next heading
    /// or label.
    pub body: Vec<Span>,
}

/// A paragraph that only names what follows: it ends with `：`, or is short and has no
/// sentence or clause punctuation at all.
fn is_label(text: &str) -> bool {
    let t = text.trim_end_matches(is_blank);
    t.ends_with(['：', ':'])
        || (t.chars().count() <= 40
            && !t.contains(['。', '，', '；', '！', '？', ',', ';', '!', '?']))
}

/// The openings of the running-text paragraphs, in text order.
pub fn openings(doc: &Document) -> Vec<Opening> {
    const SENTENCE_END: [char; 6] = ['。', '！', '？', '!', '?', '；'];
    const CLAUSE_END: [char; 11] = ['，', ',', '、', '：', ':', '；', ';', '。', '！', '？', '!'];
    let text = doc.text.as_str();
    let running = |p: &super::Paragraph| p.role == ParagraphRole::Body && p.heading.is_none();
    let mut out = Vec::new();
    let closing = closing_start(doc);
    for (index, p) in doc.paragraphs.iter().enumerate() {
        if !running(p) || p.span.start >= closing {
            continue;
        }
        let slice = doc.slice(&p.span);
        let colon = slice.find(['：', ':']);
        let stop = slice.find(SENTENCE_END);
        let lead_end = match (colon, stop) {
            (Some(c), Some(s)) if c < s => c,
            (Some(c), None) => c,
            _ => slice.find(CLAUSE_END).unwrap_or(slice.len()),
        };
        let sentence_end = stop.map_or(slice.len(), |s| {
            s + slice[s..].chars().next().map_or(0, char::len_utf8)
        });
        let after_lead = slice[lead_end..]
            .chars()
            .next()
            .map_or(lead_end, |c| lead_end + c.len_utf8());
        let mut body = Vec::new();
        let rest = trim_span(text, p.span.start + after_lead..p.span.end);
        if !rest.is_empty() {
            body.push(rest);
        }
        if is_label(slice) {
            for next in doc.paragraphs.iter().skip(index + 1) {
                if !running(next) || next.span.start >= closing || is_label(doc.slice(&next.span)) {
                    break;
                }
                body.push(next.span.clone());
            }
        }
        out.push(Opening {
            paragraph: index,
            lead: p.span.start..p.span.start + lead_end,
            first_sentence: p.span.start..p.span.start + sentence_end.max(lead_end),
            body,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deferred_parts_are_cut_out_of_the_pieces_they_fall_in() {
        assert_eq!(without(&[0..10, 20..30], &[]), vec![0..10, 20..30]);
        assert_eq!(
            without(&[0..10, 20..30], &[4..6, 30..30]),
            vec![0..4, 6..10, 20..30]
        );
        // A cut across two pieces, and one that covers a piece whole.
        assert_eq!(
            without(&[0..10, 12..18, 20..30], &[8..22, 40..41]),
            vec![0..8, 22..30]
        );
    }

    #[test]
    fn a_deferring_sentence_is_cut_from_its_clause_or_whole() {
        let doc = Document::parse(
            "全年办理案件327件，明细详见附件。安排另行研究制定。以上问题的原因，另行报告。\n"
                .to_string(),
        );
        let cut: Vec<&str> = deferred_parts(&doc).iter().map(|s| doc.slice(s)).collect();
        assert_eq!(
            cut,
            [
                "明细详见附件。",
                "安排另行研究制定。",
                "以上问题的原因，另行报告。"
            ]
        );
    }
}
