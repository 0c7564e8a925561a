//! Annotated copies (`check --annotate OUTDIR`): each checked report as a Word document with
//! every finding as a comment (批注) on the text it points at, for sending a report back to
//! the office that wrote it.
//!
//! A `.docx` report is copied part for part; `word/document.xml` only gains
//! `w:commentRangeStart`/`w:commentRangeEnd` marks and a run holding the
//! `w:commentReference`, placed with the map of where each paragraph's text is in the XML
//! ([`docx::extract_mapped`]). A mark inside a run splits it in two, both halves with the
//! run's properties, so the formatting stays as it was. The comments go into
//! `word/comments.xml` (with its relationship and content type), after any comments the
//! document already has, numbered on from theirs. A text, Markdown or HTML report becomes
//! a new document of its (extracted) text, one paragraph per line, annotated the same way.
//!
//! A finding that has no place in the text (numbering Word draws itself, an empty place)
//! is put on its paragraph, and its comment says so; one without a place at all on the
//! title paragraph.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::ops::Range;

use super::FileReport;
use crate::diag::Label;
use crate::pack::model::Severity;
use crate::source::docx::{self, BodyMap, ParagraphMap, Piece};

const MAIN_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const COMMENTS_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const COMMENTS_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

/// Who the comments are from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Author {
    pub name: String,
    pub initials: String,
}

impl Default for Author {
    fn default() -> Self {
        Author {
            name: "reportlint".to_string(),
            initials: "RL".to_string(),
        }
    }
}

/// One comment: where it goes (a byte range of the checked text; `None` for the title
/// paragraph) and its paragraphs.
#[derive(Clone, Debug, PartialEq)]
pub struct Comment {
    pub span: Option<Range<usize>>,
    pub lines: Vec<String>,
}

/// The severity in the words the reviewed office reads.
pub fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "错误",
        Severity::Warning => "警告",
        Severity::Info => "提示",
    }
}

/// Every place a finding points at: its labels, then the occurrences folded into it.
pub fn occurrences(finding: &crate::diag::LocatedFinding) -> Vec<&Label> {
    finding
        .labels
        .iter()
        .map(|l| &l.label)
        .chain(finding.finding.folded_labels.iter())
        .collect()
}

/// The note a finding carries, without the place in the original that the run adds to it
/// (in the annotated copy the comment is that place).
fn own_note(note: Option<&str>) -> Option<&str> {
    let note = note?;
    let own = match note.find("原文位置：") {
        Some(at) => note[..at].trim_end_matches('；'),
        None => note,
    };
    (!own.is_empty()).then_some(own)
}

/// The comments for a checked report: one per occurrence of every finding.
pub fn comments_for(report: &FileReport) -> Vec<Comment> {
    let mut comments = Vec::new();
    for f in &report.findings {
        let d = &f.finding;
        let places = occurrences(f);
        let total = places.len() + d.folded.saturating_sub(d.folded_labels.len());
        let mut lines = vec![format!("【{}】{}", severity_name(d.severity), d.message)];
        if let Some(note) = own_note(d.note.as_deref()) {
            lines.push(note.to_string());
        }
        if let Some(help) = &d.help {
            lines.push(format!("说明：{help}"));
        }
        if let Some(reference) = &d.reference {
            lines.push(format!("依据：{reference}"));
        }
        lines.push(format!("规则：{}", d.rule));
        if places.is_empty() {
            comments.push(Comment { span: None, lines });
            continue;
        }
        for (i, label) in places.iter().enumerate() {
            let mut lines = lines.clone();
            // A label that only says where ("本文", "此处") adds nothing in a comment there.
            if let Some(text) = label
                .text
                .as_deref()
                .filter(|t| !matches!(*t, "本文" | "此处"))
            {
                lines.insert(1, format!("此处：{text}"));
            }
            if total > 1 {
                lines.push(format!("（同类问题第 {} 处，共 {total} 处）", i + 1));
            }
            comments.push(Comment {
                span: Some(label.span.clone()),
                lines,
            });
        }
    }
    comments
}

/// A `.docx` with `comments` added. `text` is the text the findings were made on: when the
/// document no longer gives that text (it changed since), nothing is written.
pub fn annotate_docx(
    bytes: &[u8],
    budget: u64,
    text: &str,
    comments: &[Comment],
    author: &Author,
) -> Result<Vec<u8>, String> {
    let (extracted, map) = docx::extract_mapped(bytes, budget)?;
    let mut own = String::new();
    for p in &extracted.body {
        own.push_str(&p.text);
        own.push('\n');
    }
    if own != text {
        return Err(crate::tr!("annotate-changed"));
    }
    if !map.xml.contains(&format!("xmlns:w=\"{MAIN_NS}\"")) {
        return Err(crate::tr!("annotate-no-namespace"));
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| crate::tr!("docx-corrupt-zip", detail = e))?;
    let names: Vec<String> = archive
        .file_names()
        .filter_map(Result::ok)
        .map(|n| n.into_owned())
        .collect();
    let read = |archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, name: &str| {
        read_small(archive, name, budget)
    };
    let content_types = read(&mut archive, "[Content_Types].xml")?
        .ok_or_else(|| crate::tr!("annotate-no-part", part = "[Content_Types].xml"))?;
    let rels_name = "word/_rels/document.xml.rels";
    let rels = read(&mut archive, rels_name)?;
    let existing = rels.as_deref().and_then(comments_target);
    let existing_xml = match &existing {
        Some(name) => read(&mut archive, name)?,
        None => None,
    };
    let first_id = existing_xml
        .as_deref()
        .into_iter()
        .chain([map.xml.as_str()])
        .filter_map(max_comment_id)
        .max()
        .map_or(0, |m| m + 1);

    let starts = paragraph_starts(&extracted.body);
    let mut marks: BTreeMap<usize, Insertion> = BTreeMap::new();
    let mut bodies = String::new();
    for (i, comment) in comments.iter().enumerate() {
        let id = first_id + i as u64;
        let (start, end, note) = anchor(&map, &starts, text, comment.span.clone());
        add_mark(
            &mut marks,
            start,
            format!("<w:commentRangeStart w:id=\"{id}\"/>"),
            false,
        );
        add_mark(
            &mut marks,
            end,
            format!(
                "<w:commentRangeEnd w:id=\"{id}\"/><w:r><w:commentReference w:id=\"{id}\"/></w:r>"
            ),
            true,
        );
        let mut lines = comment.lines.clone();
        if let Some(note) = note {
            lines.push(note);
        }
        bodies.push_str(&comment_xml(id, author, &lines));
    }
    let document = apply_marks(&map, &marks);

    let mut changed: Vec<(String, String)> = vec![("word/document.xml".to_string(), document)];
    match (existing, existing_xml) {
        (Some(name), Some(xml)) => {
            let at = xml
                .rfind("</w:comments>")
                .ok_or_else(|| format!("{name} has no </w:comments> end"))?;
            changed.push((name, format!("{}{bodies}{}", &xml[..at], &xml[at..])));
        }
        _ => {
            let mut name = "word/comments.xml".to_string();
            let mut n = 1;
            while names.contains(&name) {
                name = format!("word/comments{n}.xml");
                n += 1;
            }
            changed.push((
                name.clone(),
                format!(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"{MAIN_NS}\">{bodies}</w:comments>"
                ),
            ));
            let target = name.trim_start_matches("word/");
            changed.push((
                rels_name.to_string(),
                add_relationship(rels.as_deref(), target)?,
            ));
            changed.push((
                "[Content_Types].xml".to_string(),
                add_override(&content_types, &format!("/{name}"))?,
            ));
        }
    }
    write_archive(&mut archive, &names, &changed)
}

/// A new `.docx` of a text (one paragraph per line) with `comments` added. Carriage returns
/// and a byte-order mark are left out, control characters become spaces.
pub fn annotate_text(text: &str, comments: &[Comment], author: &Author) -> Result<Vec<u8>, String> {
    let mut lines: Vec<&str> = text.split('\n').collect();
    if lines.last() == Some(&"") {
        lines.pop();
    }
    // Each line as written: (its start in `text`, bytes left out at its start, the line).
    let mut written = Vec::with_capacity(lines.len());
    let mut at = 0;
    for (i, line) in lines.iter().enumerate() {
        let mut shown = line.strip_suffix('\r').unwrap_or(line);
        let mut skipped = 0;
        if i == 0 {
            if let Some(rest) = shown.strip_prefix('\u{feff}') {
                shown = rest;
                skipped = '\u{feff}'.len_utf8();
            }
        }
        let shown: String = shown
            .chars()
            .map(|c| {
                if c != '\t' && (c as u32) < 0x20 {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        written.push((at, skipped, shown));
        at += line.len() + 1;
    }
    let mut new_text = String::new();
    let mut new_starts = Vec::with_capacity(written.len());
    for (_, _, line) in &written {
        new_starts.push(new_text.len());
        new_text.push_str(line);
        new_text.push('\n');
    }
    let moved = |offset: usize| -> usize {
        let i = written
            .partition_point(|(start, _, _)| *start <= offset)
            .saturating_sub(1);
        match (written.get(i), new_starts.get(i)) {
            (Some((start, skipped, line)), Some(new_start)) => {
                let column = (offset - start).saturating_sub(*skipped).min(line.len());
                new_start + column
            }
            _ => new_text.len(),
        }
    };
    let comments: Vec<Comment> = comments
        .iter()
        .map(|c| Comment {
            span: c.span.clone().map(|s| moved(s.start)..moved(s.end)),
            lines: c.lines.clone(),
        })
        .collect();
    let plain = plain_docx(written.iter().map(|(_, _, l)| l.as_str()))?;
    annotate_docx(&plain, u64::MAX, &new_text, &comments, author)
}

/// A minimal Word document: the lines as paragraphs, the first line with text as a title.
fn plain_docx<'a>(lines: impl Iterator<Item = &'a str>) -> Result<Vec<u8>, String> {
    let mut body = String::new();
    let mut titled = false;
    for line in lines {
        let title = !titled && !line.trim().is_empty();
        titled |= title;
        body.push_str("<w:p>");
        if title {
            body.push_str("<w:pPr><w:jc w:val=\"center\"/></w:pPr>");
        }
        let props = if title {
            "<w:rPr><w:b/><w:sz w:val=\"36\"/></w:rPr>"
        } else {
            ""
        };
        for (i, part) in line.split('\t').enumerate() {
            if i > 0 {
                body.push_str(&format!("<w:r>{props}<w:tab/></w:r>"));
            }
            if !part.is_empty() {
                body.push_str(&format!(
                    "<w:r>{props}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
                    escape(part)
                ));
            }
        }
        body.push_str("</w:p>");
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{MAIN_NS}\"><w:body>{body}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    );
    let parts = [
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>".to_string(),
        ),
        (
            "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>".to_string(),
        ),
        ("word/document.xml", document),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, xml) in parts {
        zip.start_file(name, options).map_err(|e| e.to_string())?;
        zip.write_all(xml.as_bytes()).map_err(|e| e.to_string())?;
    }
    Ok(zip.finish().map_err(|e| e.to_string())?.into_inner())
}

/// `text` escaped for XML content, without the characters XML 1.0 cannot hold.
fn escape(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
        })
        .collect();
    quick_xml::escape::escape(&kept).into_owned()
}

fn comment_xml(id: u64, author: &Author, lines: &[String]) -> String {
    let mut xml = format!(
        "<w:comment w:id=\"{id}\" w:author=\"{}\" w:initials=\"{}\">",
        escape(&author.name),
        escape(&author.initials)
    );
    for (i, line) in lines.iter().enumerate() {
        let bold = if i == 0 { "<w:rPr><w:b/></w:rPr>" } else { "" };
        xml.push_str(&format!(
            "<w:p><w:r>{bold}<w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            escape(line)
        ));
    }
    xml.push_str("</w:comment>");
    xml
}

/// A part of the archive, at most `budget` bytes decompressed.
fn read_small(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
    budget: u64,
) -> Result<Option<String>, String> {
    let file = match archive.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(crate::tr!("docx-cannot-open-part", part = name, detail = e)),
    };
    let mut bytes = Vec::new();
    file.take(budget)
        .read_to_end(&mut bytes)
        .map_err(|e| crate::tr!("annotate-cannot-inflate", part = name, detail = e))?;
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| crate::tr!("annotate-not-utf8", part = name))
}

/// The part the document's comments relationship points at (`word/comments.xml`).
fn comments_target(rels: &str) -> Option<String> {
    let mut reader = quick_xml::Reader::from_str(rels);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Empty(e) | quick_xml::events::Event::Start(e))
                if e.local_name().as_ref() == b"Relationship" =>
            {
                let get = |key: &[u8]| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == key)
                        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                };
                if get(b"Type").as_deref() == Some(COMMENTS_TYPE) {
                    let target = get(b"Target")?;
                    return Some(match target.strip_prefix('/') {
                        Some(absolute) => absolute.to_string(),
                        None => format!("word/{target}"),
                    });
                }
            }
            Ok(quick_xml::events::Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

/// The largest comment id in a part (`w:id` of comments and comment marks).
fn max_comment_id(xml: &str) -> Option<u64> {
    let mut max = None;
    for element in [
        "<w:comment ",
        "<w:commentRangeStart ",
        "<w:commentReference ",
    ] {
        for (at, _) in xml.match_indices(element) {
            let rest = &xml[at..];
            let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
            if let Some(v) = tag.split("w:id=\"").nth(1) {
                if let Ok(id) = v[..v.find('"').unwrap_or(v.len())].parse::<u64>() {
                    max = max.max(Some(id));
                }
            }
        }
    }
    max
}

fn add_relationship(rels: Option<&str>, target: &str) -> Result<String, String> {
    let rels = rels.unwrap_or(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"></Relationships>",
    );
    let mut n = 1;
    while rels.contains(&format!("Id=\"rIdRl{n}\"")) {
        n += 1;
    }
    let at = rels.rfind("</Relationships>").ok_or_else(|| {
        crate::tr!(
            "annotate-no-end",
            part = "word/_rels/document.xml.rels",
            end = "</Relationships>"
        )
    })?;
    Ok(format!(
        "{}<Relationship Id=\"rIdRl{n}\" Type=\"{COMMENTS_TYPE}\" Target=\"{target}\"/>{}",
        &rels[..at],
        &rels[at..]
    ))
}

fn add_override(types: &str, part: &str) -> Result<String, String> {
    if types.contains(&format!("PartName=\"{part}\"")) {
        return Ok(types.to_string());
    }
    let at = types.rfind("</Types>").ok_or_else(|| {
        crate::tr!(
            "annotate-no-end",
            part = "[Content_Types].xml",
            end = "</Types>"
        )
    })?;
    Ok(format!(
        "{}<Override PartName=\"{part}\" ContentType=\"{COMMENTS_CONTENT_TYPE}\"/>{}",
        &types[..at],
        &types[at..]
    ))
}

/// The archive again: changed parts written anew (in their place, new ones at the end),
/// every other entry copied as it was, compressed bytes and all.
fn write_archive(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    names: &[String],
    changed: &[(String, String)],
) -> Result<Vec<u8>, String> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let error = |e: zip::result::ZipError| crate::tr!("annotate-cannot-write", detail = e);
    let write = |zip: &mut zip::ZipWriter<_>, name: &str, xml: &str| -> Result<(), String> {
        zip.start_file(name, options).map_err(error)?;
        zip.write_all(xml.as_bytes())
            .map_err(|e| crate::tr!("annotate-cannot-write", detail = e))
    };
    for (i, name) in names.iter().enumerate() {
        if let Some((_, xml)) = changed.iter().find(|(n, _)| n == name) {
            write(&mut zip, name, xml)?;
            continue;
        }
        let file = archive.by_index_raw(i).map_err(error)?;
        zip.raw_copy_file(file).map_err(error)?;
    }
    for (name, xml) in changed {
        if !names.contains(name) {
            write(&mut zip, name, xml)?;
        }
    }
    Ok(zip.finish().map_err(error)?.into_inner())
}

/// Where each paragraph's text starts in the checked text (paragraph texts, which may hold
/// line breaks, each followed by `\n`).
fn paragraph_starts(body: &[docx::DocxParagraph]) -> Vec<usize> {
    let mut starts = Vec::with_capacity(body.len());
    let mut at = 0;
    for p in body {
        starts.push(at);
        at += p.text.len() + 1;
    }
    starts
}

/// How a mark goes into the XML at a byte position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cut {
    /// Between elements where marks may stand: nothing to split.
    Between,
    /// Inside run `run`, between two of its elements: the run is split there.
    Run(usize),
    /// Inside the text of a `w:t` of run `run`: the text and the run are split there.
    Text(usize),
}

#[derive(Debug)]
struct Insertion {
    cut: Cut,
    /// Comment ends first (so that a comment ending where the next starts does not overlap
    /// it), then starts.
    ends: String,
    starts: String,
}

fn add_mark(marks: &mut BTreeMap<usize, Insertion>, at: (usize, Cut), mark: String, end: bool) {
    let entry = marks.entry(at.0).or_insert(Insertion {
        cut: at.1,
        ends: String::new(),
        starts: String::new(),
    });
    if entry.cut == Cut::Between {
        entry.cut = at.1;
    }
    if end {
        entry.ends.push_str(&mark);
    } else {
        entry.starts.push_str(&mark);
    }
}

fn apply_marks(map: &BodyMap, marks: &BTreeMap<usize, Insertion>) -> String {
    let xml = &map.xml;
    let mut out = String::with_capacity(xml.len() + marks.len() * 160);
    let mut from = 0;
    for (&at, insertion) in marks {
        out.push_str(&xml[from..at]);
        from = at;
        let marks = format!("{}{}", insertion.ends, insertion.starts);
        let run = |r: usize| map.runs.get(r);
        match insertion.cut {
            Cut::Between => out.push_str(&marks),
            Cut::Run(r) | Cut::Text(r) => {
                let Some(run) = run(r) else {
                    out.push_str(&marks);
                    continue;
                };
                let p = &run.prefix;
                let open = &xml[run.open.clone()];
                let props = run.props.clone().map_or("", |r| &xml[r]);
                if insertion.cut == Cut::Text(r) {
                    out.push_str(&format!(
                        "</{p}t></{p}r>{marks}{open}{props}<{p}t xml:space=\"preserve\">"
                    ));
                } else {
                    out.push_str(&format!("</{p}r>{marks}{open}{props}"));
                }
            }
        }
    }
    out.push_str(&xml[from..]);
    out
}

/// Where a comment starts and ends in the XML, and what its comment must add about a place
/// it could not mark exactly.
fn anchor(
    map: &BodyMap,
    starts: &[usize],
    text: &str,
    span: Option<Range<usize>>,
) -> ((usize, Cut), (usize, Cut), Option<String>) {
    let whole = |i: usize, why: Option<String>| match usable_paragraph(map, i) {
        Some(p) => (
            (p.content.unwrap_or(0), Cut::Between),
            (p.end.unwrap_or(0), Cut::Between),
            why,
        ),
        None => {
            let body = map.xml.find("<w:body>").map_or(0, |b| b + "<w:body>".len());
            ((body, Cut::Between), (body, Cut::Between), why)
        }
    };
    let Some(span) = span else {
        let title = map
            .paragraphs
            .iter()
            .position(|p| p.pieces.iter().any(|x| x.len > 0))
            .unwrap_or(0);
        return whole(title, None);
    };
    let locate = |offset: usize| {
        let i = starts.partition_point(|&s| s <= offset).saturating_sub(1);
        (i, offset - starts.get(i).copied().unwrap_or(0))
    };
    let (si, so) = locate(span.start.min(text.len()));
    let (mut ei, mut eo) = locate(span.end.min(text.len()));
    if span.end > span.start && eo == 0 && ei > si {
        // Ends with the line end: at the end of the paragraph before.
        ei -= 1;
        eo = starts.get(ei + 1).map_or(0, |s| s - 1) - starts.get(ei).copied().unwrap_or(0);
    }
    let (Some(sp), Some(ep)) = (map.paragraphs.get(si), map.paragraphs.get(ei)) else {
        return whole(si, None);
    };
    if span.is_empty() {
        return whole(
            si,
            Some("（所指为一个位置而非文字，批注标在该段）".to_string()),
        );
    }
    let mut note = None;
    let mut so = so;
    if so < sp.marker {
        if si == ei && eo <= sp.marker {
            return whole(
                si,
                Some(
                    "（所指文字是 Word 自动生成的编号，不在正文文字中，批注标在该段）".to_string(),
                ),
            );
        }
        note = Some("（所指文字含 Word 自动生成的编号，批注从编号后的正文开始）".to_string());
        so = sp.marker;
    }
    let start = start_cut(map, sp, so - sp.marker);
    let end = end_cut(map, ep, eo.saturating_sub(ep.marker));
    match (start, end) {
        (Some(s), Some(e)) if s.0 <= e.0 => (s, e, note),
        _ => whole(
            si,
            Some("（所指文字无法在文档中精确定位，批注标在该段）".to_string()),
        ),
    }
}

/// The paragraph `i` if comments can go into it, else the nearest one after (or before)
/// it that can.
fn usable_paragraph(map: &BodyMap, i: usize) -> Option<&ParagraphMap> {
    let usable = |p: &&ParagraphMap| p.content.is_some() && p.end.is_some();
    map.paragraphs
        .iter()
        .skip(i)
        .find(usable)
        .or_else(|| map.paragraphs.iter().take(i).rev().find(usable))
}

fn first_in_run(p: &ParagraphMap, k: usize) -> bool {
    let run = p.pieces[k].run;
    !p.pieces[..k].iter().any(|x| x.run == run && x.len > 0)
}

fn last_in_run(p: &ParagraphMap, k: usize) -> bool {
    let run = p.pieces[k].run;
    !p.pieces[k + 1..].iter().any(|x| x.run == run && x.len > 0)
}

/// Where a comment starting at byte `x` of the paragraph's text (after the marker) starts.
fn start_cut(map: &BodyMap, p: &ParagraphMap, x: usize) -> Option<(usize, Cut)> {
    let k = p
        .pieces
        .iter()
        .position(|q| q.start <= x && x < q.start + q.len)?;
    let piece = &p.pieces[k];
    if x == piece.start {
        if first_in_run(p, k) {
            return Some((map.runs.get(piece.run)?.open.start, Cut::Between));
        }
        return Some((piece.element.start, Cut::Run(piece.run)));
    }
    Some((inside(piece, x - piece.start, false), Cut::Text(piece.run)))
}

/// Where a comment ending at byte `y` of the paragraph's text (after the marker) ends.
fn end_cut(map: &BodyMap, p: &ParagraphMap, y: usize) -> Option<(usize, Cut)> {
    let k = p
        .pieces
        .iter()
        .position(|q| q.start < y && y <= q.start + q.len)?;
    let piece = &p.pieces[k];
    if y == piece.start + piece.len {
        if last_in_run(p, k) {
            let end = map.runs.get(piece.run)?.end;
            return (end > 0).then_some((end, Cut::Between));
        }
        return Some((piece.element.end, Cut::Run(piece.run)));
    }
    Some((inside(piece, y - piece.start, true), Cut::Text(piece.run)))
}

/// The XML position of byte `k` of a `w:t`'s text (0 < k < its length); inside an event
/// that cannot be split, its start (or, for an end, its end).
fn inside(piece: &Piece, k: usize, end: bool) -> usize {
    let mut at = 0;
    for e in &piece.events {
        if k == at {
            return e.xml.start;
        }
        if k < at + e.len {
            if e.atomic {
                return if end { e.xml.end } else { e.xml.start };
            }
            return e.xml.start + (k - at);
        }
        at += e.len;
    }
    piece.events.last().map_or(piece.element.end, |e| e.xml.end)
}
