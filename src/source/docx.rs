//! Word `.docx` files: the paragraphs a reader sees, in order, as text lines.
//!
//! The file bytes enter [`extract`]; the body paragraphs (including those inside tables) and
//! the headers and footers, kept apart, leave as a [`DocxText`]. A `.docx` is a zip archive
//! of XML parts; `word/document.xml` holds the body, `word/numbering.xml` and
//! `word/styles.xml` say how Word numbers paragraphs automatically.
//!
//! * **Automatic numbering** (`w:numPr` on the paragraph or its style) is resolved into the
//!   paragraph text the way Word draws it: the level's `w:lvlText` (`%1、`, `（%1）`, `%1.`)
//!   with each `%n` formatted in its level's `w:numFmt` (decimal, chineseCounting 一二三,
//!   ideographTraditional 甲乙丙, letters, roman numerals, circled digits). Counters run per
//!   abstract list (a `w:startOverride` gives the instance counters of its own) and a level
//!   restarts when a higher level advances. Bullets add nothing: they are no numbering.
//!   Word separates the marker from the text by a tab by default; it becomes a space, or
//!   nothing after full-width punctuation (`一、主要举措`, as such reports are typed).
//! * **Field codes** (`w:instrText`) are dropped, the field result stays (it is what shows).
//!   **Bookmarks**, deleted text, the old formatting of tracked changes and the fallback copy
//!   of text boxes (`mc:Fallback`, a duplicate) give no text.
//! * `w:tab` becomes a tab, `w:br`/`w:cr` a new line (page breaks nothing).
//!
//! Decompression is bounded: the parts read share one budget of uncompressed bytes, so a zip
//! bomb stops at the budget instead of filling memory. Text the reader makes up itself
//! (numbering markers, tabs and line breaks) is charged to the same budget, and numbering
//! is bounded: start values above [`MAX_NUMBER`] count from [`MAX_NUMBER`], numbers too
//! large for letters or roman numerals are written in digits, and a marker is cut at
//! [`MAX_MARKER_CHARS`] characters, so a small file cannot expand into a huge text.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;
use std::io::Read;

/// A body paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct DocxParagraph {
    /// The text with automatic numbering resolved; may contain `\n` from line breaks.
    pub text: String,
    pub in_table: bool,
}

/// A header or footer part.
#[derive(Debug, Clone, PartialEq)]
pub struct DocxPart {
    /// The part name without folder and extension: `header1`, `footer2`.
    pub name: String,
    pub paragraphs: Vec<String>,
}

/// What a `.docx` says, split the way Word shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct DocxText {
    pub body: Vec<DocxParagraph>,
    /// Headers and footers, in part-name order.
    pub furniture: Vec<DocxPart>,
}

/// The largest start value a numbering level may have (Word's own limit); larger values in
/// the XML start there.
pub const MAX_NUMBER: u32 = 32_767;

/// The most characters an automatic numbering marker (`一、`, `（3）`, `1.2.1`) may have,
/// not counting the space that separates it from the text; longer ones are cut there.
pub const MAX_MARKER_CHARS: usize = 64;

/// Numbers up to this are written in letters (`A`…`Z`, `AA`…, at most 30 letters); larger
/// ones in digits.
const MAX_LETTERS_NUMBER: u32 = 26 * 30;

/// Numbers below this are written in roman numerals; larger ones in digits.
const ROMAN_LIMIT: u32 = 4_000;

/// Bytes the reader may still produce: decompressed XML and the text it makes up itself.
struct Budget {
    total: u64,
    left: u64,
}

impl Budget {
    /// Charges `n` bytes of text the reader made up (markers, tabs, line breaks).
    fn spend_made_up(&mut self, n: usize) -> Result<(), String> {
        let n = n as u64;
        if n > self.left {
            return Err(crate::tr!("docx-numbering-bomb", limit = self.total));
        }
        self.left -= n;
        Ok(())
    }
}

/// Extracts body paragraphs, headers and footers; `budget` bounds the uncompressed bytes read
/// together with the text the reader makes up (numbering markers, tabs, line breaks).
/// Errors are the reason in words; the caller adds the file name.
pub fn extract(bytes: &[u8], budget: u64) -> Result<DocxText, String> {
    extract_inner(bytes, budget, None)
}

/// [`extract`], and where each body paragraph's text is in `word/document.xml`, for writing
/// into a copy of the document (annotated copies with comments).
pub fn extract_mapped(bytes: &[u8], budget: u64) -> Result<(DocxText, BodyMap), String> {
    let mut map = BodyMap::default();
    let text = extract_inner(bytes, budget, Some(&mut map))?;
    Ok((text, map))
}

fn extract_inner(bytes: &[u8], budget: u64, map: Option<&mut BodyMap>) -> Result<DocxText, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| crate::tr!("docx-corrupt-zip", detail = e))?;
    let mut budget = Budget {
        total: budget,
        left: budget,
    };
    let document = read_part(&mut archive, "word/document.xml", &mut budget)?
        .ok_or_else(|| crate::tr!("docx-no-document"))?;
    let numbering = match read_part(&mut archive, "word/numbering.xml", &mut budget)? {
        Some(xml) => parse_numbering(&xml)?,
        None => Numbering::default(),
    };
    let styles = match read_part(&mut archive, "word/styles.xml", &mut budget)? {
        Some(xml) => parse_styles(&xml)?,
        None => HashMap::new(),
    };
    let lists = Lists {
        numbering: &numbering,
        styles: &styles,
    };
    let mut recorder = map.as_ref().map(|_| Recorder::default());
    let body = paragraphs(&document, &lists, &mut budget, recorder.as_mut())?;
    if let (Some(map), Some(recorder)) = (map, recorder) {
        map.paragraphs = recorder.done;
        map.runs = recorder.runs;
        map.xml = document;
    }
    let mut part_names: Vec<String> = archive
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| {
            n.strip_prefix("word/").is_some_and(|rest| {
                (rest.starts_with("header") || rest.starts_with("footer"))
                    && rest.ends_with(".xml")
                    && !rest.contains('/')
            })
        })
        .map(|n| n.into_owned())
        .collect();
    part_names.sort();
    let mut furniture = Vec::new();
    for part in part_names {
        if let Some(xml) = read_part(&mut archive, &part, &mut budget)? {
            let name = part
                .trim_start_matches("word/")
                .trim_end_matches(".xml")
                .to_string();
            let paragraphs = paragraphs(&xml, &lists, &mut budget, None)?
                .into_iter()
                .map(|p| p.text)
                .filter(|t| !t.trim().is_empty())
                .collect();
            furniture.push(DocxPart { name, paragraphs });
        }
    }
    Ok(DocxText { body, furniture })
}

fn read_part(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
    budget: &mut Budget,
) -> Result<Option<String>, String> {
    let file = match archive.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(crate::tr!("docx-cannot-open-part", part = name, detail = e)),
    };
    if file.encrypted() {
        return Err(crate::tr!("docx-encrypted", part = name));
    }
    let too_big = |budget: u64| crate::tr!("docx-zip-bomb", limit = budget);
    if file.size() > budget.left {
        return Err(too_big(budget.total));
    }
    let mut xml = Vec::new();
    file.take(budget.left.saturating_add(1))
        .read_to_end(&mut xml)
        .map_err(|e| crate::tr!("docx-cannot-inflate", part = name, detail = e))?;
    let read = xml.len() as u64;
    if read > budget.left {
        return Err(too_big(budget.total));
    }
    budget.left -= read;
    String::from_utf8(xml).map(Some).map_err(|e| {
        crate::tr!(
            "docx-not-utf8",
            part = name,
            offset = e.utf8_error().valid_up_to()
        )
    })
}

fn xml_error(part: &str, reader: &Reader<&[u8]>, e: impl std::fmt::Display) -> String {
    crate::tr!(
        "docx-bad-xml",
        part = part,
        offset = reader.buffer_position(),
        detail = e
    )
}

fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// One level of an abstract list.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
    suffix: String,
    legal: bool,
    style: Option<String>,
}

#[derive(Debug, Default)]
struct Numbering {
    /// abstractNumId → levels by ilvl.
    abstracts: HashMap<String, HashMap<u8, Level>>,
    /// numId → (abstractNumId, start overrides by ilvl).
    instances: HashMap<String, (String, HashMap<u8, u32>)>,
}

fn parse_numbering(xml: &str) -> Result<Numbering, String> {
    let mut reader = Reader::from_str(xml);
    let mut numbering = Numbering::default();
    let mut abstract_id: Option<String> = None;
    let mut level: Option<(u8, Level)> = None;
    let mut instance: Option<(String, String, HashMap<u8, u32>)> = None;
    let mut override_level: Option<u8> = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error("word/numbering.xml", &reader, e))?;
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"abstractNum" => abstract_id = attr(&e, b"abstractNumId"),
                b"lvl" if abstract_id.is_some() => {
                    let ilvl = attr(&e, b"ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    level = Some((
                        ilvl,
                        Level {
                            start: 1,
                            format: "decimal".into(),
                            suffix: "tab".into(),
                            ..Level::default()
                        },
                    ));
                }
                b"start" => {
                    if let (Some((_, l)), Some(v)) = (level.as_mut(), attr(&e, b"val")) {
                        l.start = parse_number(&v).unwrap_or(1);
                    }
                }
                b"numFmt" => {
                    if let (Some((_, l)), Some(v)) = (level.as_mut(), attr(&e, b"val")) {
                        l.format = v;
                    }
                }
                b"lvlText" => {
                    if let (Some((_, l)), Some(v)) = (level.as_mut(), attr(&e, b"val")) {
                        l.text = v;
                    }
                }
                b"suff" => {
                    if let (Some((_, l)), Some(v)) = (level.as_mut(), attr(&e, b"val")) {
                        l.suffix = v;
                    }
                }
                b"isLgl" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.legal = attr(&e, b"val").is_none_or(|v| v != "0" && v != "false");
                    }
                }
                b"pStyle" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.style = attr(&e, b"val");
                    }
                }
                b"num" => {
                    if let Some(id) = attr(&e, b"numId") {
                        instance = Some((id, String::new(), HashMap::new()));
                    }
                }
                b"abstractNumId" => {
                    if let (Some(i), Some(v)) = (instance.as_mut(), attr(&e, b"val")) {
                        i.1 = v;
                    }
                }
                b"lvlOverride" => {
                    override_level = attr(&e, b"ilvl").and_then(|v| v.parse().ok());
                }
                b"startOverride" => {
                    if let (Some(i), Some(l), Some(v)) = (
                        instance.as_mut(),
                        override_level,
                        attr(&e, b"val").and_then(|v| parse_number(&v)),
                    ) {
                        i.2.insert(l, v);
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"lvl" => {
                    if let (Some(id), Some((ilvl, l))) = (abstract_id.as_ref(), level.take()) {
                        numbering
                            .abstracts
                            .entry(id.clone())
                            .or_default()
                            .insert(ilvl, l);
                    }
                }
                b"abstractNum" => abstract_id = None,
                b"num" => {
                    if let Some((id, abs, overrides)) = instance.take() {
                        numbering.instances.insert(id, (abs, overrides));
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(numbering)
}

/// A numbering value from the XML, at most [`MAX_NUMBER`]: `4294967295` starts at 32767,
/// not at a number whose letters would fill memory.
fn parse_number(v: &str) -> Option<u32> {
    let v = v.trim();
    let digits = v.strip_prefix('+').unwrap_or(v);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(
        digits
            .parse::<u32>()
            .map_or(MAX_NUMBER, |n| n.min(MAX_NUMBER)),
    )
}

/// What a paragraph style says about numbering.
#[derive(Debug, Clone, Default)]
struct Style {
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<u8>,
}

fn parse_styles(xml: &str) -> Result<HashMap<String, Style>, String> {
    let mut reader = Reader::from_str(xml);
    let mut styles = HashMap::new();
    let mut current: Option<(String, Style)> = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error("word/styles.xml", &reader, e))?;
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"style" => current = attr(&e, b"styleId").map(|id| (id, Style::default())),
                b"basedOn" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.based_on = attr(&e, b"val");
                    }
                }
                b"numId" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.num_id = attr(&e, b"val");
                    }
                }
                b"ilvl" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.ilvl = attr(&e, b"val").and_then(|v| v.parse().ok());
                    }
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == b"style" => {
                if let Some((id, s)) = current.take() {
                    styles.insert(id, s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(styles)
}

/// Numbering definitions plus the styles that refer to them.
struct Lists<'a> {
    numbering: &'a Numbering,
    styles: &'a HashMap<String, Style>,
}

impl Lists<'_> {
    /// The (numId, ilvl) a style gives, following `basedOn` (bounded against cycles).
    fn style_numbering(&self, style: &str) -> (Option<String>, Option<u8>) {
        let mut id = Some(style.to_string());
        let (mut num, mut ilvl) = (None, None);
        for _ in 0..16 {
            let Some(s) = id.as_ref().and_then(|i| self.styles.get(i)) else {
                break;
            };
            num = num.or_else(|| s.num_id.clone());
            ilvl = ilvl.or(s.ilvl);
            id = s.based_on.clone();
        }
        (num, ilvl)
    }
}

/// Running counters, keyed by abstract list (or by instance when it overrides a start).
#[derive(Default)]
struct Counters {
    values: HashMap<String, [Option<u32>; 9]>,
}

impl Counters {
    /// Advances the counter of a numbered paragraph and renders its marker with separator.
    fn marker(
        &mut self,
        lists: &Lists,
        num_id: &str,
        ilvl: Option<u8>,
        style: Option<&str>,
    ) -> String {
        let Some((abstract_id, overrides)) = lists.numbering.instances.get(num_id) else {
            return String::new();
        };
        let Some(levels) = lists.numbering.abstracts.get(abstract_id) else {
            return String::new();
        };
        let ilvl = ilvl
            .or_else(|| {
                style.and_then(|s| {
                    levels
                        .iter()
                        .find(|(_, l)| l.style.as_deref() == Some(s))
                        .map(|(i, _)| *i)
                })
            })
            .unwrap_or(0)
            .min(8);
        let Some(level) = levels.get(&ilvl) else {
            return String::new();
        };
        if level.format == "bullet" {
            return String::new();
        }
        let start_of = |i: u8| {
            overrides
                .get(&i)
                .copied()
                .or_else(|| levels.get(&i).map(|l| l.start))
                .unwrap_or(1)
        };
        let key = if overrides.is_empty() {
            format!("a{abstract_id}")
        } else {
            format!("n{num_id}")
        };
        let counters = self.values.entry(key).or_insert([None; 9]);
        let index = usize::from(ilvl);
        if let Some(slot) = counters.get_mut(index) {
            *slot = Some(slot.map_or(start_of(ilvl), |v| v.saturating_add(1)));
        }
        for deeper in counters.iter_mut().skip(index + 1) {
            *deeper = None;
        }
        let mut marker = String::new();
        let mut marker_chars = 0usize;
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            if marker_chars >= MAX_MARKER_CHARS {
                break;
            }
            let referenced = (c == '%')
                .then(|| chars.peek().and_then(|d| d.to_digit(10)))
                .flatten()
                .filter(|d| (1..=9).contains(d));
            match referenced {
                Some(d) => {
                    chars.next();
                    let at = (d - 1) as u8;
                    let value = counters
                        .get(usize::from(at))
                        .copied()
                        .flatten()
                        .unwrap_or_else(|| start_of(at));
                    let format = if level.legal {
                        "decimal"
                    } else {
                        levels.get(&at).map_or("decimal", |l| l.format.as_str())
                    };
                    let number = format_number(value, format);
                    marker_chars += number.chars().count();
                    marker.push_str(&number);
                }
                None => {
                    marker_chars += 1;
                    marker.push(c);
                }
            }
        }
        if marker_chars > MAX_MARKER_CHARS {
            marker = marker.chars().take(MAX_MARKER_CHARS).collect();
        }
        let ends_full_width = marker
            .chars()
            .last()
            .is_some_and(|c| matches!(c, '、' | '．' | '）' | '】' | '〕' | '：' | '　'));
        match level.suffix.as_str() {
            "nothing" => {}
            "space" => marker.push(' '),
            _ if marker.is_empty() || ends_full_width => {}
            _ => marker.push(' '),
        }
        marker
    }
}

const CHINESE_DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// 1 → 一, 10 → 十, 15 → 十五, 23 → 二十三, 105 → 一百零五 (Word's chineseCounting).
fn chinese_counting(n: u32) -> String {
    let digit = |d: u32| CHINESE_DIGITS.get(d as usize).copied().unwrap_or("");
    if n == 0 {
        return digit(0).to_string();
    }
    if n >= 10_000 {
        return n.to_string();
    }
    let places = [(1000, "千"), (100, "百"), (10, "十"), (1, "")];
    let mut out = String::new();
    let mut pending_zero = false;
    for (unit, name) in places {
        let d = (n / unit) % 10;
        if d == 0 {
            pending_zero = !out.is_empty();
            continue;
        }
        if pending_zero {
            out.push('零');
            pending_zero = false;
        }
        if !(unit == 10 && d == 1 && out.is_empty()) {
            out.push_str(digit(d));
        }
        out.push_str(name);
    }
    out
}

fn letters(n: u32, base: u8) -> String {
    if n > MAX_LETTERS_NUMBER {
        return n.to_string();
    }
    // Word repeats the letter: 27 → AA, 28 → BB.
    let n = n.max(1) - 1;
    let letter = char::from(base + (n % 26) as u8);
    std::iter::repeat_n(letter, (n / 26 + 1) as usize).collect()
}

fn roman(mut n: u32) -> String {
    if n >= ROMAN_LIMIT {
        return n.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in TABLE {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

fn format_number(n: u32, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting" => chinese_counting(n),
        "ideographTraditional" => ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]
            .get((n.max(1) - 1) as usize)
            .map_or_else(|| n.to_string(), |s| s.to_string()),
        "ideographDigital" => n
            .to_string()
            .chars()
            .filter_map(|c| c.to_digit(10))
            .filter_map(|d| CHINESE_DIGITS.get(d as usize).copied())
            .collect(),
        "upperLetter" => letters(n, b'A'),
        "lowerLetter" => letters(n, b'a'),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "decimalZero" => format!("{n:02}"),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1).map_or_else(|| n.to_string(), String::from)
        }
        "decimalEnclosedParen" if (1..=20).contains(&n) => {
            char::from_u32(0x2474 + n - 1).map_or_else(|| n.to_string(), String::from)
        }
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .filter_map(|c| c.to_digit(10))
            .filter_map(|d| char::from_u32(0xFF10 + d))
            .collect(),
        "none" => String::new(),
        _ => n.to_string(),
    }
}

/// Where the text of the body paragraphs is in `word/document.xml` (byte ranges of the XML),
/// so that a copy can be written with marks around a piece of text ([`extract_mapped`]).
#[derive(Debug, Clone, Default)]
pub struct BodyMap {
    /// `word/document.xml` as read.
    pub xml: String,
    /// One entry per body paragraph, in the order of [`DocxText::body`].
    pub paragraphs: Vec<ParagraphMap>,
    /// The runs that hold text, referred to by [`Piece::run`].
    pub runs: Vec<RunMap>,
}

/// A body paragraph in the XML.
#[derive(Debug, Clone, Default)]
pub struct ParagraphMap {
    /// Where content may be inserted first: after the start tag and the paragraph
    /// properties. `None` for an empty element (`<w:p/>`).
    pub content: Option<usize>,
    /// The start of the end tag `</w:p>`; `None` for an empty element.
    pub end: Option<usize>,
    /// Bytes of text the reader made up at the start (an automatic numbering marker): the
    /// paragraph's text is the marker, then the pieces.
    pub marker: usize,
    /// The pieces of shown text, in order.
    pub pieces: Vec<Piece>,
}

/// A run (`w:r`) holding shown text.
#[derive(Debug, Clone)]
pub struct RunMap {
    /// The start tag `<w:r …>`.
    pub open: std::ops::Range<usize>,
    /// The end of the run, just after `</w:r>` (0 if the document was cut off inside it).
    pub end: usize,
    /// The run properties `<w:rPr>…</w:rPr>`, if the run has them.
    pub props: Option<std::ops::Range<usize>>,
    /// The namespace prefix of the run's name, with its colon (`w:`).
    pub prefix: String,
}

/// One element of a run that shows text: a `w:t`, or a `w:tab`/`w:br`/`w:cr`/
/// `w:noBreakHyphen` standing for one character.
#[derive(Debug, Clone)]
pub struct Piece {
    /// The byte offset of its text in the paragraph's text, after the marker.
    pub start: usize,
    /// Bytes of text it gives.
    pub len: usize,
    /// Index into [`BodyMap::runs`].
    pub run: usize,
    /// The element, start tag to end tag.
    pub element: std::ops::Range<usize>,
    /// For a `w:t`: the text events inside it, each with its XML range and the bytes of
    /// text it gives; an event whose text is not its XML byte for byte (an entity, CDATA,
    /// a carriage return) is `atomic`: no mark can go inside it.
    pub events: Vec<TextEvent>,
}

/// Text inside a `w:t`.
#[derive(Debug, Clone)]
pub struct TextEvent {
    pub xml: std::ops::Range<usize>,
    pub len: usize,
    pub atomic: bool,
}

/// Builds a [`BodyMap`] while the body is read.
#[derive(Default)]
struct Recorder {
    /// Paragraphs open (nested ones in text boxes), innermost last.
    open: Vec<ParagraphMap>,
    /// The element depth of each open paragraph and run: properties are theirs only at
    /// the depth just inside.
    paragraph_depths: Vec<usize>,
    run_stack: Vec<(usize, usize)>,
    depth: usize,
    /// The `w:t` being read.
    text: Option<Piece>,
    done: Vec<ParagraphMap>,
    runs: Vec<RunMap>,
}

impl Recorder {
    fn start(&mut self, local: &[u8], name: &[u8], at: std::ops::Range<usize>) {
        self.depth += 1;
        match local {
            b"p" => {
                self.open.push(ParagraphMap {
                    content: Some(at.end),
                    ..ParagraphMap::default()
                });
                self.paragraph_depths.push(self.depth);
            }
            b"r" => {
                let prefix =
                    String::from_utf8_lossy(&name[..name.len() - local.len()]).into_owned();
                self.runs.push(RunMap {
                    open: at,
                    end: 0,
                    props: None,
                    prefix,
                });
                self.run_stack.push((self.runs.len() - 1, self.depth));
            }
            b"rPr" => self.props(at),
            b"t" => {
                if let (Some(&(run, _)), Some(p)) = (self.run_stack.last(), self.open.last()) {
                    let start = p.pieces.last().map_or(0, |x| x.start + x.len);
                    self.text = Some(Piece {
                        start,
                        len: 0,
                        run,
                        element: at,
                        events: Vec::new(),
                    });
                }
            }
            _ => {}
        }
    }

    fn empty(&mut self, local: &[u8], at: std::ops::Range<usize>, made_up: Option<&str>) {
        self.depth += 1;
        if local == b"rPr" {
            self.props(at.clone());
        }
        if local == b"pPr" && self.paragraph_depths.last() == Some(&self.depth.saturating_sub(1)) {
            if let Some(p) = self.open.last_mut() {
                p.content = Some(at.end);
            }
        }
        if let Some(text) = made_up {
            if let (Some(&(run, _)), Some(p)) = (self.run_stack.last(), self.open.last_mut()) {
                let start = p.pieces.last().map_or(0, |x| x.start + x.len);
                p.pieces.push(Piece {
                    start,
                    len: text.len(),
                    run,
                    element: at,
                    events: Vec::new(),
                });
            }
        }
        self.depth -= 1;
    }

    fn props(&mut self, at: std::ops::Range<usize>) {
        if let Some(&(run, depth)) = self.run_stack.last() {
            if depth + 1 == self.depth {
                if let Some(r) = self.runs.get_mut(run) {
                    r.props = Some(at);
                }
            }
        }
    }

    fn end(&mut self, local: &[u8], at: std::ops::Range<usize>) {
        match local {
            b"r" => {
                if let Some((run, _)) = self.run_stack.pop() {
                    if let Some(r) = self.runs.get_mut(run) {
                        r.end = at.end;
                    }
                }
            }
            b"rPr" => {
                if let Some(&(run, depth)) = self.run_stack.last() {
                    if depth + 1 == self.depth {
                        if let Some(props) = self.runs.get_mut(run).and_then(|r| r.props.as_mut()) {
                            props.end = at.end;
                        }
                    }
                }
            }
            b"pPr" if self.paragraph_depths.last() == Some(&self.depth.saturating_sub(1)) => {
                if let Some(p) = self.open.last_mut() {
                    p.content = Some(at.end);
                }
            }
            b"t" => {
                if let (Some(mut piece), Some(p)) = (self.text.take(), self.open.last_mut()) {
                    piece.element.end = at.end;
                    p.pieces.push(piece);
                }
            }
            _ => {}
        }
        self.depth = self.depth.saturating_sub(1);
    }

    /// Text shown from the `w:t` being read.
    fn text(&mut self, at: std::ops::Range<usize>, len: usize, atomic: bool) {
        if let Some(piece) = self.text.as_mut() {
            piece.len += len;
            piece.events.push(TextEvent {
                xml: at,
                len,
                atomic,
            });
        }
    }

    /// The paragraph ends (`</w:p>` at `at`), its marker `marker` bytes long.
    fn finish(&mut self, at: Option<usize>, marker: usize) {
        if let Some(mut p) = self.open.pop() {
            self.paragraph_depths.pop();
            p.end = at;
            p.marker = marker;
            self.done.push(p);
        }
    }

    /// An empty paragraph element `<w:p/>`.
    fn empty_paragraph(&mut self) {
        self.done.push(ParagraphMap {
            content: None,
            ..ParagraphMap::default()
        });
    }
}

/// A paragraph being read.
struct OpenParagraph {
    text: String,
    in_table: bool,
    style: Option<String>,
    num_id: Option<String>,
    ilvl: Option<u8>,
}

/// Elements whose whole content is not shown text.
fn skipped(local: &[u8]) -> bool {
    matches!(
        local,
        b"Fallback" | b"pPrChange" | b"rPrChange" | b"delText" | b"instrText" | b"del"
    )
}

/// The paragraphs of a document, header or footer part, in document order.
fn paragraphs(
    xml: &str,
    lists: &Lists,
    budget: &mut Budget,
    mut map: Option<&mut Recorder>,
) -> Result<Vec<DocxParagraph>, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut open: Vec<OpenParagraph> = Vec::new();
    let mut counters = Counters::default();
    let mut skip_depth = 0usize;
    let mut tables = 0usize;
    let mut runs = 0usize;
    let mut in_text = false;
    let mut in_properties = 0usize;
    let finish = |p: OpenParagraph,
                  counters: &mut Counters,
                  out: &mut Vec<DocxParagraph>,
                  budget: &mut Budget|
     -> Result<usize, String> {
        let (style_num, style_ilvl) = p
            .style
            .as_deref()
            .map_or((None, None), |s| lists.style_numbering(s));
        let num_id = p.num_id.or(style_num);
        let marker = match num_id.as_deref() {
            Some("0") | None => String::new(),
            Some(id) => counters.marker(lists, id, p.ilvl.or(style_ilvl), p.style.as_deref()),
        };
        // The marker and the line end the paragraph becomes.
        budget.spend_made_up(marker.len() + 1)?;
        let made_up = marker.len();
        out.push(DocxParagraph {
            text: marker + &p.text,
            in_table: p.in_table,
        });
        Ok(made_up)
    };
    loop {
        let before = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| xml_error(&crate::tr!("docx-document-xml"), &reader, e))?;
        let at = before..reader.buffer_position() as usize;
        match event {
            Event::Start(e) => {
                let local = e.local_name();
                let local = local.as_ref();
                if skip_depth > 0 || skipped(local) {
                    skip_depth += 1;
                    continue;
                }
                if let Some(map) = map.as_deref_mut() {
                    map.start(local, e.name().as_ref(), at.clone());
                }
                match local {
                    b"p" => open.push(OpenParagraph {
                        text: String::new(),
                        in_table: tables > 0,
                        style: None,
                        num_id: None,
                        ilvl: None,
                    }),
                    b"tbl" => tables += 1,
                    b"r" => runs += 1,
                    b"t" if runs > 0 => in_text = true,
                    b"pPr" => in_properties += 1,
                    _ => {}
                }
            }
            Event::Empty(e) => {
                let local = e.local_name();
                let local = local.as_ref();
                if skip_depth > 0 {
                    continue;
                }
                if let Some(map) = map.as_deref_mut() {
                    let made_up = match local {
                        b"tab" if runs > 0 && in_properties == 0 => Some("\t"),
                        b"br"
                            if runs > 0
                                && attr(&e, b"type").is_none_or(|t| t == "textWrapping") =>
                        {
                            Some("\n")
                        }
                        b"cr" if runs > 0 => Some("\n"),
                        b"noBreakHyphen" if runs > 0 => Some("-"),
                        b"p" => {
                            map.empty_paragraph();
                            None
                        }
                        _ => None,
                    };
                    map.empty(local, at.clone(), made_up);
                }
                match local {
                    b"p" => {
                        budget.spend_made_up(1)?;
                        out.push(DocxParagraph {
                            text: String::new(),
                            in_table: tables > 0,
                        })
                    }
                    b"pStyle" if in_properties > 0 => {
                        if let Some(p) = open.last_mut() {
                            p.style = attr(&e, b"val");
                        }
                    }
                    b"numId" if in_properties > 0 => {
                        if let Some(p) = open.last_mut() {
                            p.num_id = attr(&e, b"val");
                        }
                    }
                    b"ilvl" if in_properties > 0 => {
                        if let Some(p) = open.last_mut() {
                            p.ilvl = attr(&e, b"val").and_then(|v| v.parse().ok());
                        }
                    }
                    b"tab" if runs > 0 && in_properties == 0 => {
                        budget.spend_made_up(1)?;
                        push_text(&mut open, "\t")
                    }
                    b"br" if runs > 0 && attr(&e, b"type").is_none_or(|t| t == "textWrapping") => {
                        budget.spend_made_up(1)?;
                        push_text(&mut open, "\n")
                    }
                    b"cr" if runs > 0 => {
                        budget.spend_made_up(1)?;
                        push_text(&mut open, "\n")
                    }
                    b"noBreakHyphen" if runs > 0 => {
                        budget.spend_made_up(1)?;
                        push_text(&mut open, "-")
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                if let Some(map) = map.as_deref_mut() {
                    map.end(e.local_name().as_ref(), at.clone());
                }
                match e.local_name().as_ref() {
                    b"p" => {
                        if let Some(p) = open.pop() {
                            let marker = finish(p, &mut counters, &mut out, budget)?;
                            if let Some(map) = map.as_deref_mut() {
                                map.finish(Some(at.start), marker);
                            }
                        }
                    }
                    b"tbl" => tables = tables.saturating_sub(1),
                    b"r" => runs = runs.saturating_sub(1),
                    b"t" => in_text = false,
                    b"pPr" => in_properties = in_properties.saturating_sub(1),
                    _ => {}
                }
            }
            Event::Text(t) if in_text && skip_depth == 0 => {
                let text = t
                    .xml10_content()
                    .map_err(|e| xml_error(&crate::tr!("docx-document-xml"), &reader, e))?;
                if let Some(map) = map.as_deref_mut() {
                    map.text(at.clone(), text.len(), text.len() != at.len());
                }
                push_text(&mut open, &text);
            }
            Event::CData(t) if in_text && skip_depth == 0 => {
                let text = String::from_utf8_lossy(&t);
                if let Some(map) = map.as_deref_mut() {
                    map.text(at.clone(), text.len(), true);
                }
                push_text(&mut open, &text);
            }
            Event::GeneralRef(r) if in_text && skip_depth == 0 => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => {
                        let name = r
                            .decode()
                            .map_err(|e| xml_error(&crate::tr!("docx-document-xml"), &reader, e))?;
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .unwrap_or("")
                            .to_string()
                    }
                };
                if let Some(map) = map.as_deref_mut() {
                    map.text(at.clone(), resolved.len(), true);
                }
                push_text(&mut open, &resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    // A part cut off inside a paragraph: keep what was read rather than lose it.
    while let Some(p) = open.pop() {
        let marker = finish(p, &mut counters, &mut out, budget)?;
        if let Some(map) = map.as_deref_mut() {
            map.finish(None, marker);
        }
    }
    Ok(out)
}

fn push_text(open: &mut [OpenParagraph], text: &str) {
    if let Some(p) = open.last_mut() {
        p.text.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counting_follows_word() {
        let rendered: Vec<String> = [1, 10, 11, 20, 23, 100, 105, 110]
            .into_iter()
            .map(chinese_counting)
            .collect();
        assert_eq!(
            rendered,
            [
                "一",
                "十",
                "十一",
                "二十",
                "二十三",
                "一百",
                "一百零五",
                "一百一十"
            ]
        );
    }

    #[test]
    fn other_formats() {
        assert_eq!(format_number(3, "ideographTraditional"), "丙");
        assert_eq!(format_number(28, "upperLetter"), "BB");
        assert_eq!(format_number(14, "lowerRoman"), "xiv");
        assert_eq!(format_number(2, "decimalEnclosedCircle"), "②");
        assert_eq!(format_number(12, "decimalFullWidth"), "１２");
    }

    #[test]
    fn numbers_stay_short_in_every_format() {
        for format in [
            "upperLetter",
            "lowerLetter",
            "upperRoman",
            "lowerRoman",
            "chineseCounting",
            "ideographTraditional",
            "ideographDigital",
            "decimalFullWidth",
            "decimalZero",
            "decimal",
        ] {
            for n in [0, 1, 779, 780, 781, 3999, 4000, MAX_NUMBER, u32::MAX] {
                let rendered = format_number(n, format);
                assert!(
                    rendered.chars().count() <= 30,
                    "{n} in {format}: {rendered}"
                );
            }
        }
        assert_eq!(format_number(780, "upperLetter"), "Z".repeat(30));
        assert_eq!(format_number(781, "upperLetter"), "781");
        assert_eq!(format_number(4000, "upperRoman"), "4000");
    }

    #[test]
    fn numbering_values_are_clamped() {
        assert_eq!(parse_number("4294967295"), Some(MAX_NUMBER));
        assert_eq!(parse_number("99999999999999999999"), Some(MAX_NUMBER));
        assert_eq!(parse_number("12"), Some(12));
        assert_eq!(parse_number("-1"), None);
        assert_eq!(parse_number(""), None);
    }
}
