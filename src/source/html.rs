//! Web pages saved from government sites: the article text as a reader sees it.
//!
//! Decoded page text enters [`extract`]; text lines leave, one per block (paragraph,
//! heading, list item, table cell), in reading order. The page is parsed by `scraper`
//! (html5ever, the browser-grade HTML parser), so broken markup parses the way a browser
//! shows it.
//!
//! * **Dropped**: `head`, scripts, styles, forms and the page chrome: `nav`, `header`,
//!   `footer`, `aside`, hidden elements, and elements whose class or id is a navigation
//!   name (`nav`, `menu`, `breadcrumb`, `footer`, `sidebar`, `share`…).
//! * **Metadata tables** (索引号, 发文字号, 成文日期… in cells) become the model's metadata
//!   lines `[ 成文日期 ] | 2024-03-28 |`, one per table row.
//! * **Whitespace** collapses as a browser collapses it, and a line break between two Chinese
//!   characters disappears (CSS segment-break rule for East Asian text), so soft-wrapped
//!   source does not put spaces into sentences. `<pre>` keeps its lines.
//! * **Nesting** deeper than [`MAX_NESTING`] elements is refused before parsing: the parser
//!   spends time in proportion to the depth on every tag, so a megabyte of nested `<div>`s
//!   took minutes. A quick scan of the tags ([`nesting_too_deep`]) measures the depth the
//!   way the parser builds it, closely enough and never less (void elements add no depth,
//!   and left-out end tags are supplied the way the parser supplies them: `<p>` closes the
//!   open `<p>`, `<td>` the open cell, `<li>` the open item).

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "button", "select", "textarea", "object", "canvas", "map", "audio", "video",
];

/// Class or id values that name page chrome.
const CHROME: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "crumb",
    "crumbs",
    "footer",
    "header",
    "sidebar",
    "share",
    "toolbar",
    "topbar",
    "top-bar",
    "site-header",
    "site-footer",
    "skip",
    "skip-link",
    "pagination",
    "pager",
    "location",
    "position",
];

const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tfoot",
    "tr",
    "ul",
    "summary",
];

fn is_chrome(element: &scraper::node::Element) -> bool {
    if DROPPED.contains(&element.name()) || element.attr("hidden").is_some() {
        return true;
    }
    let style_hidden = element.attr("style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        s.to_ascii_lowercase().contains("display:none")
    });
    let chrome_name = |name: &str| CHROME.iter().any(|c| c.eq_ignore_ascii_case(name));
    style_hidden || element.classes().any(chrome_name) || element.id().is_some_and(chrome_name)
}

/// Builds lines from text pieces, collapsing whitespace like a browser.
#[derive(Default)]
struct Lines {
    lines: Vec<String>,
    current: String,
    /// Whitespace seen since the last character: `Some(true)` if it held a line break.
    pending_space: Option<bool>,
}

fn wide(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FFEF}')
}

impl Lines {
    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() && c != '\u{3000}' {
                let newline = c == '\n' || c == '\r';
                self.pending_space = Some(self.pending_space.unwrap_or(false) || newline);
                continue;
            }
            if let Some(segment_break) = self.pending_space.take() {
                let joins_wide =
                    segment_break && self.current.chars().last().is_some_and(wide) && wide(c);
                if !self.current.is_empty() && !joins_wide {
                    self.current.push(' ');
                }
            }
            self.current.push(c);
        }
    }

    fn push_preformatted(&mut self, text: &str) {
        let mut first = true;
        for line in text.split('\n') {
            if !first {
                self.flush();
            }
            first = false;
            self.current.push_str(line.trim_end_matches('\r'));
        }
    }

    fn flush(&mut self) {
        self.pending_space = None;
        let line = std::mem::take(&mut self.current);
        let line = line.trim_matches(|c: char| c.is_whitespace());
        if !line.is_empty() {
            self.lines.push(line.to_string());
        }
    }
}

/// The text of an element, whitespace collapsed.
fn cell_text(cell: ElementRef) -> String {
    let mut lines = Lines::default();
    for piece in cell.text() {
        lines.push_text(piece);
    }
    lines.flush();
    lines.lines.join(" ")
}

/// The metadata lines of a table, if it is a metadata table (no nested table, at least two
/// cells naming metadata fields).
fn metadata_table(table: ElementRef) -> Option<Vec<String>> {
    let has_nested_table = table
        .descendants()
        .skip(1)
        .filter_map(ElementRef::wrap)
        .any(|e| e.value().name() == "table");
    if has_nested_table {
        return None;
    }
    let rows: Vec<Vec<String>> = table
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "tr")
        .map(|row| {
            row.children()
                .filter_map(ElementRef::wrap)
                .filter(|c| matches!(c.value().name(), "td" | "th"))
                .map(cell_text)
                .collect()
        })
        .collect();
    let keys = rows
        .iter()
        .flatten()
        .filter(|cell| super::metadata_key(cell).is_some())
        .count();
    if keys < 2 {
        return None;
    }
    Some(
        rows.iter()
            .filter_map(|cells| super::metadata_line(cells))
            .collect(),
    )
}

/// Most levels elements may nest in a page. Real pages stay below a hundred.
pub const MAX_NESTING: usize = 512;

/// A page whose elements nest too deeply to be parsed in reasonable time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooDeep {
    /// The 1-based line of the page where the nesting passes the limit.
    pub line: usize,
    pub limit: usize,
}

/// Elements without content or end tag.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements the parser adds by itself once; they do not count.
const DOCUMENT: &[&str] = &["html", "head", "body"];

/// Inline elements that a new paragraph, list item or table cell closes along with the
/// paragraph, item or cell they are in (none of them is a parser scope boundary).
const PHRASING: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "del", "dfn", "em", "font", "i", "ins",
    "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub",
    "sup", "time", "tt", "u", "var",
];

/// What a list item may hold that a new item closes with it: inline elements and
/// paragraphs.
const IN_ITEM: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "del", "dfn", "em", "font", "i", "ins",
    "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub",
    "sup", "time", "tt", "u", "var", "p",
];

/// How far down the open elements the scan looks for an element a new one closes.
const CLOSE_REACH: usize = 8;

/// Formatting elements, which the parser reopens after a block that closed them
/// (the list of active formatting elements).
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Start tags before which the parser does not reopen formatting elements.
const NO_REOPEN: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "search",
    "section",
    "summary",
    "ul",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "listing",
    "form",
    "li",
    "dd",
    "dt",
    "table",
    "hr",
    "html",
    "body",
    "head",
    "caption",
    "colgroup",
    "col",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
];

/// Elements that put a marker in the list of active formatting elements: formatting
/// elements opened inside them are not reopened outside.
const FORMATTING_MARKERS: &[&str] = &[
    "td", "th", "caption", "applet", "object", "marquee", "template",
];

/// For an element that closes an open one instead of nesting in it (`<p>` after `<p>`,
/// `<td>` after `<td>`, `<li>` after `<li>`): the elements it closes, and the elements it
/// may close on the way to them. Every such close is one the HTML parser makes too (never
/// more), so the depth the scan sees is never less than the parser's but for `<tbody>`,
/// which the parser adds to tables by itself.
fn closes(name: &[u8]) -> Option<(&'static [&'static str], &'static [&'static str])> {
    const CELL: &[&str] = &["td", "th"];
    const ROW_PARTS: &[&str] = &["td", "th", "tr"];
    const SECTION_PARTS: &[&str] = &["td", "th", "tr", "thead", "tbody", "tfoot"];
    const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];
    const RUBY: &[&str] = &["rb", "rt", "rp", "rtc"];
    Some(match name {
        b"p" => (&["p"], PHRASING),
        b"li" => (&["li"], IN_ITEM),
        b"dt" | b"dd" => (&["dt", "dd"], IN_ITEM),
        b"td" | b"th" => (CELL, PHRASING),
        b"tr" => (&["tr"], CELL),
        b"thead" | b"tbody" | b"tfoot" => (&["thead", "tbody", "tfoot"], ROW_PARTS),
        b"option" => (&["option"], &[]),
        b"optgroup" => (&["option"], &[]),
        b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => (HEADINGS, &[]),
        b"rb" | b"rt" | b"rp" | b"rtc" => (RUBY, &[]),
        b"a" => (&["a"], &[]),
        b"button" => (&["button"], &[]),
        b"nobr" => (&["nobr"], &[]),
        b"form" => (&["form"], &[]),
        b"caption" | b"colgroup" => (&["caption", "colgroup"], SECTION_PARTS),
        _ => return None,
    })
}

/// Elements that have a meaning only inside a table.
const TABLE_PARTS: &[&str] = &[
    "caption", "colgroup", "thead", "tbody", "tfoot", "tr", "td", "th",
];

/// Elements whose content is text up to their end tag, not tags.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

fn named(list: &[&str], name: &[u8]) -> bool {
    list.iter().any(|n| n.as_bytes() == name)
}

/// Elements an end tag does not close across: the parser ignores `</div>` when a table,
/// cell, object or template (…) was opened after the `<div>`. Some here are so only for some
/// end tags; treating them so for all closes less, which only makes the depth seen larger.
const SCOPE_BOUNDARY: &[&str] = &[
    "applet",
    "caption",
    "html",
    "table",
    "td",
    "th",
    "marquee",
    "object",
    "template",
    "svg",
    "math",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
    "foreignobject",
    "desc",
    "button",
    "select",
];

/// The open elements of the scan: names by number, where each is open, and the stack.
#[derive(Default)]
struct OpenElements {
    ids: std::collections::HashMap<Vec<u8>, usize>,
    names: Vec<Vec<u8>>,
    boundary: Vec<bool>,
    /// Stack positions of each name's open elements.
    positions: Vec<Vec<usize>>,
    /// Each open element: its name and the position of the topmost scope boundary at or
    /// below it.
    stack: Vec<(usize, Option<usize>)>,
    /// A hash of each open element's attributes, beside `stack`.
    attributes: Vec<u64>,
    /// Formatting elements closed by the end of a block around them, which the parser
    /// reopens ("reconstructs") where text or an inline element comes next.
    pending: Vec<(usize, u64)>,
}

impl OpenElements {
    fn id(&mut self, name: &[u8]) -> usize {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len();
        self.ids.insert(name.to_vec(), id);
        self.names.push(name.to_vec());
        self.boundary.push(named(SCOPE_BOUNDARY, name));
        self.positions.push(Vec::new());
        id
    }

    /// The stack position of the last open element called `name`.
    fn last(&self, name: &[u8]) -> Option<usize> {
        let &id = self.ids.get(name)?;
        self.positions[id].last().copied()
    }

    fn push(&mut self, id: usize, attributes: u64) {
        self.attributes.push(attributes);
        let at = self.stack.len();
        let below = self.stack.last().and_then(|&(_, b)| b);
        self.stack
            .push((id, if self.boundary[id] { Some(at) } else { below }));
        self.positions[id].push(at);
    }

    /// Closes the elements from stack position `at` up.
    fn truncate(&mut self, at: usize) {
        while self.stack.len() > at {
            if let Some((id, _)) = self.stack.pop() {
                self.positions[id].pop();
                self.attributes.pop();
            }
        }
    }

    /// Closes the elements from stack position `at` up, as an end tag or an implied end
    /// does; the formatting elements (`<b>`, `<font>` …) above `at` wait to be reopened
    /// where text or an inline element comes next, as the parser does, so a page of
    /// unclosed formatting elements outside blocks nests deeper with every block.
    fn close_from(&mut self, at: usize) {
        // A cell, caption or object starts afresh: what was opened inside it is not reopened.
        let kept: Vec<(usize, u64)> = self
            .stack
            .get(at..)
            .unwrap_or_default()
            .iter()
            .zip(self.attributes.get(at..).unwrap_or_default())
            .map(|(&(id, _), &attributes)| (id, attributes))
            .take_while(|&(id, _)| !named(FORMATTING_MARKERS, &self.names[id]))
            .skip(1)
            .filter(|&(id, _)| named(FORMATTING, &self.names[id]))
            .collect();
        let crosses_marker = self
            .stack
            .get(at..)
            .unwrap_or_default()
            .iter()
            .any(|&(id, _)| named(FORMATTING_MARKERS, &self.names[id]));
        self.truncate(at);
        if crosses_marker {
            // Leaving a cell drops what was to be reopened inside it.
            self.pending.clear();
        }
        for entry in kept {
            // The parser keeps at most three formatting elements of the same name and
            // attributes to reopen (the "Noah's Ark" clause), so `<p><font face=仿宋>`
            // repeated does not nest deeper and deeper.
            if self.pending.iter().filter(|&&p| p == entry).count() < 3 {
                self.pending.push(entry);
            }
        }
    }

    /// Reopens the pending formatting elements where text or an inline element comes.
    fn reconstruct(&mut self) {
        for (id, attributes) in std::mem::take(&mut self.pending) {
            self.push(id, attributes);
        }
    }

    /// The name of the element `i` places below the top.
    fn below_top(&self, i: usize) -> Option<&[u8]> {
        let at = self.stack.len().checked_sub(i + 1)?;
        self.stack.get(at).map(|&(id, _)| self.names[id].as_slice())
    }
}

/// Where `page`'s elements first nest more than `limit` deep, as a byte offset, by a scan of
/// its tags that costs time in proportion to its length (not to length times depth, as the
/// parser does).
pub fn nesting_too_deep(page: &str, limit: usize) -> Option<usize> {
    let bytes = page.as_bytes();
    let mut open = OpenElements::default();
    let mut name = Vec::new();
    let mut at = 0;
    while let Some(lt) = memchr::memchr(b'<', bytes.get(at..)?).map(|i| at + i) {
        if !open.pending.is_empty()
            && bytes
                .get(at..lt)
                .is_some_and(|text| text.iter().any(|b| !b.is_ascii_whitespace()))
        {
            open.reconstruct();
            if open.stack.len() > limit {
                return Some(lt);
            }
        }
        let rest = bytes.get(lt + 1..).unwrap_or_default();
        if rest.starts_with(b"!--") {
            at = memchr::memmem::find(bytes.get(lt + 4..)?, b"-->").map(|i| lt + 4 + i + 3)?;
            continue;
        }
        if rest.starts_with(b"![CDATA[") {
            at = memchr::memmem::find(bytes.get(lt + 9..)?, b"]]>").map(|i| lt + 9 + i + 3)?;
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            // `<!doctype …>`, `<?…>` and `</ …>` run to the next `>`; a lone `<` is text.
            at = if matches!(rest.first(), Some(b'!' | b'?' | b'/')) {
                memchr::memchr(b'>', rest).map(|i| lt + 1 + i + 1)?
            } else {
                lt + 1
            };
            continue;
        }
        let name_end = bytes
            .get(name_start..)?
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
            .map_or(bytes.len(), |i| name_start + i);
        name.clear();
        name.extend(
            bytes
                .get(name_start..name_end)?
                .iter()
                .map(u8::to_ascii_lowercase),
        );
        let (tag_end, self_closing) = tag_end(bytes, name_end)?;
        at = tag_end;
        if closing {
            // An end tag closes its element and those opened after it, unless a scope
            // boundary lies between.
            if let Some(position) = open.last(&name) {
                let boundary = open.stack.last().and_then(|&(_, b)| b);
                if boundary.is_none_or(|b| b <= position) {
                    open.close_from(position);
                }
            }
            continue;
        }
        if named(RAW_TEXT, &name) {
            at = raw_text_end(bytes, at, &name)?;
            continue;
        }
        if name == b"plaintext" {
            return None;
        }
        let is_open = |n: &str| open.last(n.as_bytes()).is_some();
        let foreign = is_open("svg") || is_open("math");
        if named(VOID, &name) || named(DOCUMENT, &name) || (self_closing && foreign) {
            continue;
        }
        // Table parts outside a table are ignored by the parser.
        if named(TABLE_PARTS, &name) && !is_open("table") {
            continue;
        }
        // Ruby parts close each other only inside a ruby.
        let ruby_part = named(&["rb", "rt", "rp", "rtc"], &name);
        if let Some((closed, crossed)) = closes(&name).filter(|_| !ruby_part || is_open("ruby")) {
            let first_kept = (0..CLOSE_REACH)
                .map_while(|i| open.below_top(i).map(|n| (i, n)))
                .find(|(_, n)| !named(crossed, n));
            if let Some((i, n)) = first_kept {
                if named(closed, n) {
                    open.close_from(open.stack.len() - 1 - i);
                }
            }
        }
        if !named(NO_REOPEN, &name) {
            open.reconstruct();
        }
        let id = open.id(&name);
        let attributes = {
            use std::hash::{Hash, Hasher};
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            bytes.get(name_end..tag_end).hash(&mut hasher);
            hasher.finish()
        };
        open.push(id, attributes);
        if open.stack.len() > limit {
            return Some(lt);
        }
    }
    None
}

/// The end of a tag whose name ends at `from` (just past its `>`), skipping quoted attribute
/// values, and whether it ends with `/>`; `None` when the page ends inside the tag.
fn tag_end(bytes: &[u8], from: usize) -> Option<(usize, bool)> {
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'>' => return Some((i + 1, i > from && bytes.get(i - 1) == Some(&b'/'))),
            b'=' => {
                i += 1;
                while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                if let Some(&quote @ (b'"' | b'\'')) = bytes.get(i) {
                    i += 1 + memchr::memchr(quote, bytes.get(i + 1..)?)? + 1;
                }
            }
            _ => i += 1,
        }
    }
    None
}

/// Just past the end tag of raw-text element `name` whose content starts at `from`.
fn raw_text_end(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    loop {
        let lt = at + memchr::memmem::find(bytes.get(at..)?, b"</")?;
        let candidate = bytes.get(lt + 2..lt + 2 + name.len());
        let after = bytes.get(lt + 2 + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name))
            && after.is_none_or(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
        {
            return Some(lt + 2);
        }
        at = lt + 2;
    }
}

/// The reader's text of a page, one entry per line; pages nested more than
/// [`MAX_NESTING`] deep are refused.
pub fn extract(page: &str) -> Result<Vec<String>, TooDeep> {
    extract_within(page, MAX_NESTING)
}

/// [`extract`] with another nesting limit.
pub fn extract_within(page: &str, limit: usize) -> Result<Vec<String>, TooDeep> {
    if let Some(offset) = nesting_too_deep(page, limit) {
        let before = page.as_bytes().get(..offset).unwrap_or_default();
        return Err(TooDeep {
            line: memchr::memchr_iter(b'\n', before).count() + 1,
            limit,
        });
    }
    Ok(parse(page))
}

fn parse(page: &str) -> Vec<String> {
    let html = Html::parse_document(page);
    let mut lines = Lines::default();
    let mut skip_depth = 0usize;
    let mut pre_depth = 0usize;
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skip_depth > 0 {
                    if node.value().is_element() {
                        skip_depth += 1;
                    }
                    continue;
                }
                match node.value() {
                    Node::Element(element) => {
                        let name = element.name();
                        if is_chrome(element) {
                            skip_depth = 1;
                            continue;
                        }
                        if name == "table" {
                            if let Some(meta) = ElementRef::wrap(node).and_then(metadata_table) {
                                lines.flush();
                                lines.lines.extend(meta);
                                skip_depth = 1;
                                continue;
                            }
                        }
                        if name == "pre" {
                            pre_depth += 1;
                        }
                        if name == "br" || BLOCKS.contains(&name) {
                            lines.flush();
                        }
                    }
                    Node::Text(text) if pre_depth > 0 => lines.push_preformatted(text),
                    Node::Text(text) => lines.push_text(text),
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Node::Element(element) = node.value() {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                        continue;
                    }
                    let name = element.name();
                    if name == "pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                    }
                    if BLOCKS.contains(&name) {
                        lines.flush();
                    }
                }
            }
        }
    }
    lines.flush();
    lines.lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_is_dropped_and_blocks_become_lines() {
        let page = "<html><head><title>站点</title><style>p{}</style></head><body>\
            <div class=\"nav\"><a href=\"/\">首页</a></div><header>政府网站</header>\
            <h1>某镇2024年法治政府建设年度报告</h1>\
            <p>　　一、主要举措</p><p>全年办理案件<b>12</b>件。<br>第二行</p>\
            <script>var x = 1;</script><footer>版权所有</footer></body></html>";
        assert_eq!(
            extract(page).unwrap_or_default(),
            [
                "某镇2024年法治政府建设年度报告",
                "一、主要举措",
                "全年办理案件12件。",
                "第二行"
            ]
        );
    }

    #[test]
    fn a_line_break_between_chinese_characters_is_no_space() {
        assert_eq!(
            extract("<p>推进法治\n  政府建设 and\nmore</p>").unwrap_or_default(),
            ["推进法治政府建设 and more"]
        );
    }

    #[test]
    fn metadata_tables_become_metadata_lines() {
        let page = "<table><tr><td>索 引 号：</td><td>11500-2024-001</td>\
            <td>发文字号：</td><td>无</td></tr>\
            <tr><td>成文日期：</td><td>2024-03-28</td></tr></table><p>正文。</p>";
        assert_eq!(
            extract(page).unwrap_or_default(),
            [
                "[ 索引号 ] | 11500-2024-001 | [ 发文字号 ] | 无 |",
                "[ 成文日期 ] | 2024-03-28 |",
                "正文。"
            ]
        );
    }

    /// The depth of the tree the parser builds (the document node and text count too).
    fn parsed_depth(page: &str) -> usize {
        let html = Html::parse_document(page);
        let (mut depth, mut deepest) = (0usize, 0usize);
        for edge in html.tree.root().traverse() {
            match edge {
                Edge::Open(_) => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                Edge::Close(_) => depth = depth.saturating_sub(1),
            }
        }
        deepest
    }

    /// The depth the scan sees.
    fn scanned_depth(page: &str) -> usize {
        (0..2000)
            .find(|&limit| nesting_too_deep(page, limit).is_none())
            .unwrap_or(usize::MAX)
    }

    #[test]
    fn left_out_end_tags_do_not_deepen_a_page() {
        for unit in [
            "<p>段落",
            "<li>条目",
            "<p><span>段落",
            "<p><font face=仿宋>段落",
            "<li><a href=\"/x\">链接</li>",
            "<dt>名<dd><p>释义",
            "<h2>标题<h3>小标题",
            "<a href=x>链接",
            "<option>选项",
        ] {
            let page = format!("<html><body>{}</body></html>", unit.repeat(2000));
            assert_eq!(nesting_too_deep(&page, MAX_NESTING), None, "{unit}");
            assert!(extract(&page).is_ok(), "{unit}");
        }
        let table = format!(
            "<table>{}</table>",
            "<tr><td><font>甲<td>乙<th>丙".repeat(2000)
        );
        assert!(scanned_depth(&table) < 8, "{}", scanned_depth(&table));
    }

    #[test]
    fn formatting_elements_the_parser_reopens_count_as_open() {
        // Each new paragraph closes the last, and the parser reopens every distinct unclosed
        // `<b>` inside it: the tree is as deep as the number of paragraphs.
        let page: String = (0..100).map(|i| format!("<p><b id={i}>x")).collect();
        assert!(parsed_depth(&page) > 100);
        assert!(nesting_too_deep(&page, 48).is_some());
        // Closed formatting elements do not add up.
        let closed: String = (0..100)
            .map(|i| format!("<p><b id={i}>x</b></p>"))
            .collect();
        assert!(nesting_too_deep(&closed, 48).is_none());
    }

    #[test]
    fn nesting_past_the_limit_is_refused_with_its_line() {
        for unit in [
            "<div>",
            "<font>",
            "<ul><li>",
            "<table><tr><td>",
            "<a><div>",
            "<td><font>",
            "<div/>",
        ] {
            let page = format!("<html><body>\n\n{}正文</body></html>", unit.repeat(600));
            assert_eq!(
                extract(&page),
                Err(TooDeep {
                    line: 3,
                    limit: MAX_NESTING
                }),
                "{unit}"
            );
        }
        let within = format!("{}正文", "<div>".repeat(500));
        assert_eq!(extract(&within).map(|l| l.len()), Ok(1));
    }

    #[test]
    fn comments_scripts_and_attributes_hold_no_tags() {
        let hidden = "<div>".repeat(1000);
        let page = format!(
            "<!-- {hidden} --><script>var s = '{hidden}';</script><style>/*{hidden}*/</style>\
             <p title=\"{hidden}\" data-x='{hidden}'>正文</p><![CDATA[{hidden}]]>"
        );
        assert_eq!(scanned_depth(&page), 1);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]
        /// The scan never sees much less depth than the parser builds, whatever the tag soup
        /// (a third less at most: the parser adds `<tbody>` to table rows by itself; the
        /// constant is the document, `html`, `body` and text nodes).
        #[test]
        fn the_scan_sees_at_least_the_parsers_depth(parts in proptest::collection::vec(
            proptest::sample::select(&[
                "<div>", "</div>", "<p>", "</p>", "<li>", "</li>", "<ul>", "</ul>", "<a>",
                "</a>", "<b>", "</b>", "<font>", "</font>", "<table>", "</table>", "<tr>",
                "</tr>", "<td>", "</td>", "<th>", "<span>", "</span>", "<h2>", "</h2>", "<h3>",
                "<button>", "</button>", "<form>", "</form>", "<select>", "<option>",
                "<optgroup>", "</select>", "<dd>", "<dt>", "<dl>", "<rt>", "<ruby>", "</ruby>",
                "<svg>", "</svg>", "<g/>", "<caption>", "<tbody>", "<object>", "</object>",
                "<nobr>", "<i>", "<em>", "x", "<br>", "<img>", "<div/>", "<p/>", "<template>",
                "</template>", "<math>",
            ][..]),
            1..300,
        )) {
            let page = parts.concat();
            let (parsed, scanned) = (parsed_depth(&page), scanned_depth(&page));
            proptest::prop_assert!(parsed <= scanned * 4 / 3 + 6, "parsed {} scanned {}: {}", parsed, scanned, page);
        }
    }
}
