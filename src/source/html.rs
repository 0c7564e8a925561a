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
//! * **Nesting** deeper than [`MAX_NESTING`] elements is refused, and so is a page that makes
//!   the parser build more than one element per byte of it (plus [`ELEMENT_ALLOWANCE`]).
//!   The parser spends time in proportion to its open elements on many tags (scope checks
//!   walk them), so a megabyte of nested `<div>`s took minutes, and it may nest far deeper
//!   than the tags look (it repairs misnested `<b><div></b>` by cloning and moving elements,
//!   moves stray content out of tables, and reopens formatting elements left open in every
//!   block). So the bound is not a guess made before parsing but the parser's own state: the
//!   page is fed to it a kilobyte (`CHUNK`) at a time, and after each chunk the reader counts what
//!   the parser holds (its stack of open elements and its list of formatting elements to
//!   reopen, through html5ever's `trace_handles`) and the elements it has made. Past the
//!   limit parsing stops. Every walk the parser makes is over what it holds, which is at most
//!   the limit plus what one chunk can open, so its work is at most about the page's length
//!   times that; the tree of a page that is read is then checked once more, because moving
//!   elements about can nest them deeper than they were ever open at once. The line given is
//!   where the first element past the limit was made.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use html5ever::driver::{ParseOpts, Parser};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, Tracer, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{ElementRef, Html, HtmlTreeSink, Node};

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

/// Elements the parser may build for a page, beyond one per byte of it. Tags alone make at
/// most one element per three bytes (`<p>`); more comes only from formatting elements the
/// parser reopens in every block (`<b id=1>`…`<b id=400>` left open, then `<p>x` over and
/// over), which costs time and memory in proportion to their number times their depth.
pub const ELEMENT_ALLOWANCE: usize = 16_384;

/// Bytes of page the parser reads between two looks at its open elements. Between two looks
/// it can open at most a few elements per tag in the chunk, so it never holds many more than
/// the limit while it works, and each look costs at most that many steps.
const CHUNK: usize = 1024;

/// Why a page is not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Elements nest, or stay open at once in the parser, more than `limit` deep (`<html>`,
    /// `<head>` and `<body>` do not count). `line` is where the first element past the
    /// limit was opened.
    TooDeep { line: usize, limit: usize },
    /// The parser built more than `limit` elements, more than the page's length allows:
    /// formatting elements left open and reopened in block after block. `line` is where it
    /// was reading then.
    TooManyElements { line: usize, limit: usize },
}

impl Refused {
    /// The limit the page passed.
    pub fn limit(&self) -> usize {
        match *self {
            Refused::TooDeep { limit, .. } | Refused::TooManyElements { limit, .. } => limit,
        }
    }

    /// The 1-based line of the page where it passed the limit.
    pub fn line(&self) -> usize {
        match *self {
            Refused::TooDeep { line, .. } | Refused::TooManyElements { line, .. } => line,
        }
    }
}

/// Elements the parser adds by itself once; they do not count towards nesting.
const DOCUMENT: &[&str] = &["html", "head", "body"];

/// scraper's tree sink, watched: it remembers on which line each node was made, and counts
/// the elements it makes and the steps the parser takes over its open elements.
struct WatchedSink {
    inner: HtmlTreeSink,
    line: Cell<u64>,
    /// The first node made on each line where nodes were made, with the line. Node ids grow
    /// in the order nodes are made and lines never go back, so a node's line is that of the
    /// last entry at or before it.
    lines: RefCell<Vec<(NodeId, u64)>>,
    elements: Cell<u64>,
    /// Calls that name or compare a node: the parser makes one for each element it passes
    /// when it walks its open elements or its list of formatting elements (scope checks,
    /// closing, reopening), so this counts its work.
    steps: Cell<u64>,
}

impl WatchedSink {
    fn new() -> Self {
        WatchedSink {
            inner: HtmlTreeSink::new(Html::new_document()),
            line: Cell::new(1),
            lines: RefCell::new(Vec::new()),
            elements: Cell::new(0),
            steps: Cell::new(0),
        }
    }

    fn made(&self, id: NodeId) -> NodeId {
        let mut lines = self.lines.borrow_mut();
        let line = self.line.get();
        if lines.last().is_none_or(|&(_, last)| last != line) {
            lines.push((id, line));
        }
        id
    }
}

/// The line on which node `id` was made.
fn line_of(lines: &[(NodeId, u64)], id: NodeId) -> usize {
    let at = lines.partition_point(|&(first, _)| first <= id);
    at.checked_sub(1)
        .and_then(|i| lines.get(i))
        .map_or(1, |&(_, line)| usize::try_from(line).unwrap_or(usize::MAX))
}

/// Everything is scraper's; only counted on the way.
impl TreeSink for WatchedSink {
    type Handle = NodeId;
    type Output = (Html, Vec<(NodeId, u64)>, Work);
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Self::Output {
        let work = Work {
            steps: self.steps.get(),
            elements: self.elements.get(),
        };
        (self.inner.finish(), self.lines.into_inner(), work)
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg);
    }

    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Self::ElemName<'a> {
        self.steps.set(self.steps.get() + 1);
        self.inner.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.elements.set(self.elements.get() + 1);
        self.made(self.inner.create_element(name, attrs, flags))
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.inner.append(parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.inner
            .append_based_on_parent_node(element, prev_element, child);
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id);
    }

    fn mark_script_already_started(&self, node: &NodeId) {
        self.inner.mark_script_already_started(node);
    }

    fn pop(&self, node: &NodeId) {
        self.inner.pop(node);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.steps.set(self.steps.get() + 1);
        self.inner.same_node(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.inner.append_before_sibling(sibling, new_node);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs);
    }

    fn associate_with_form(
        &self,
        target: &NodeId,
        form: &NodeId,
        nodes: (&NodeId, Option<&NodeId>),
    ) {
        self.inner.associate_with_form(target, form, nodes);
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent);
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        self.inner
            .is_mathml_annotation_xml_integration_point(handle)
    }

    fn set_current_line(&self, line_number: u64) {
        self.line.set(line_number);
        self.inner.set_current_line(line_number);
    }

    fn allow_declarative_shadow_roots(&self, intended_parent: &NodeId) -> bool {
        self.inner.allow_declarative_shadow_roots(intended_parent)
    }

    fn attach_declarative_shadow(
        &self,
        location: &NodeId,
        template: &NodeId,
        attrs: &[Attribute],
    ) -> bool {
        self.inner
            .attach_declarative_shadow(location, template, attrs)
    }

    fn maybe_clone_an_option_into_selectedcontent(&self, option: &NodeId) {
        self.inner
            .maybe_clone_an_option_into_selectedcontent(option);
    }
}

/// Collects the handles the parser holds: its open elements, its list of formatting elements
/// to reopen, and its pointers to the document, `<head>` and `<form>`.
#[derive(Default)]
struct Held(RefCell<Vec<NodeId>>);

impl Tracer for Held {
    type Handle = NodeId;

    fn trace_handle(&self, node: &NodeId) {
        self.0.borrow_mut().push(*node);
    }
}

/// The elements the parser holds open or waiting to be reopened, oldest first, without the
/// document's own `<html>`, `<head>` and `<body>`.
fn held_elements(parser: &Parser<WatchedSink>) -> Vec<NodeId> {
    let held = Held::default();
    parser.tokenizer.sink.trace_handles(&held);
    let mut ids = held.0.into_inner();
    ids.sort_unstable();
    ids.dedup();
    let html = parser.tokenizer.sink.sink.inner.0.borrow();
    ids.retain(|&id| {
        html.tree
            .get(id)
            .and_then(|node| node.value().as_element())
            .is_some_and(|e| !DOCUMENT.contains(&e.name()))
    });
    ids
}

/// What the parser did for a page: steps over its open elements and elements made.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Work {
    pub steps: u64,
    pub elements: u64,
}

/// The reader's text of a page, one entry per line; pages nested more than
/// [`MAX_NESTING`] deep are refused.
pub fn extract(page: &str) -> Result<Vec<String>, Refused> {
    extract_within(page, MAX_NESTING)
}

/// [`extract`] with another nesting limit.
pub fn extract_within(page: &str, limit: usize) -> Result<Vec<String>, Refused> {
    extract_measured(page, limit, CHUNK).0
}

/// [`extract_within`], feeding the parser `chunk` bytes at a time, and what the parser did
/// (for tests and the fuzz target).
#[doc(hidden)]
pub fn extract_measured(
    page: &str,
    limit: usize,
    chunk: usize,
) -> (Result<Vec<String>, Refused>, Work) {
    let elements = page.len().saturating_add(ELEMENT_ALLOWANCE);
    let mut parser = html5ever::parse_document(WatchedSink::new(), ParseOpts::default());
    let mut start = 0;
    while start < page.len() {
        let mut end = start.saturating_add(chunk.max(1)).min(page.len());
        while !page.is_char_boundary(end) {
            end += 1;
        }
        parser.process(StrTendril::from_slice(
            page.get(start..end).unwrap_or_default(),
        ));
        start = end;
        // The parser's own state, between two chunks: everything it walks over is here.
        let sink = &parser.tokenizer.sink.sink;
        let held = held_elements(&parser);
        if let Some(&first_past) = held.get(limit) {
            let lines = sink.lines.borrow();
            let refused = Refused::TooDeep {
                line: line_of(&lines, first_past),
                limit,
            };
            let work = Work {
                steps: sink.steps.get(),
                elements: sink.elements.get(),
            };
            return (Err(refused), work);
        }
        if usize::try_from(sink.elements.get()).unwrap_or(usize::MAX) > elements {
            let refused = Refused::TooManyElements {
                line: usize::try_from(sink.line.get()).unwrap_or(usize::MAX),
                limit: elements,
            };
            let work = Work {
                steps: sink.steps.get(),
                elements: sink.elements.get(),
            };
            return (Err(refused), work);
        }
    }
    let (html, lines, work) = parser.finish();
    (read(&html, &lines, limit), work)
}

/// The lines of a parsed page, or where its tree nests more than `limit` elements deep
/// (moving misnested elements about can deepen the tree past what was ever open at once).
fn read(html: &Html, made_on: &[(NodeId, u64)], limit: usize) -> Result<Vec<String>, Refused> {
    let mut lines = Lines::default();
    let mut depth = 0usize;
    let mut skip_depth = 0usize;
    let mut pre_depth = 0usize;
    let counts = |node: ego_tree::NodeRef<Node>| {
        node.value()
            .as_element()
            .is_some_and(|e| !DOCUMENT.contains(&e.name()))
    };
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if counts(node) {
                    depth += 1;
                    if depth > limit {
                        return Err(Refused::TooDeep {
                            line: line_of(made_on, node.id()),
                            limit,
                        });
                    }
                }
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
                if counts(node) {
                    depth = depth.saturating_sub(1);
                }
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
    Ok(lines.lines)
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

    /// How deep elements nest in the tree a plain parse builds (`<html>`, `<head>` and
    /// `<body>` do not count).
    fn parsed_depth(page: &str) -> usize {
        let html = Html::parse_document(page);
        let (mut depth, mut deepest) = (0usize, 0usize);
        let counts = |node: ego_tree::NodeRef<Node>| {
            node.value()
                .as_element()
                .is_some_and(|e| !DOCUMENT.contains(&e.name()))
        };
        for edge in html.tree.root().traverse() {
            match edge {
                Edge::Open(node) if counts(node) => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                Edge::Close(node) if counts(node) => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        deepest
    }

    fn too_deep(line: usize, limit: usize) -> Result<Vec<String>, Refused> {
        Err(Refused::TooDeep { line, limit })
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
            "<table><tr><td><font>甲<td>乙<th>丙",
        ] {
            let (unit, rest) = unit.split_at(unit.find("<tr>").unwrap_or(0));
            let page = format!("<html><body>{unit}{}</body></html>", rest.repeat(2000));
            assert!(extract(&page).is_ok(), "{unit}");
            assert!(parsed_depth(&page) < 8, "{unit}: {}", parsed_depth(&page));
        }
    }

    #[test]
    fn formatting_elements_the_parser_reopens_count_as_open() {
        // Each new paragraph closes the last, and the parser reopens every distinct unclosed
        // `<b>` inside it: the tree is as deep as the number of paragraphs.
        let page: String = (0..100).map(|i| format!("<p><b id={i}>x")).collect();
        assert!(parsed_depth(&page) > 100);
        assert!(extract_within(&page, 48).is_err());
        // Closed formatting elements do not add up.
        let closed: String = (0..100)
            .map(|i| format!("<p><b id={i}>x</b></p>"))
            .collect();
        assert_eq!(extract_within(&closed, 48).map(|l| l.len()), Ok(100));
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
            assert_eq!(extract(&page), too_deep(3, MAX_NESTING), "{unit}");
        }
        let within = format!("{}正文", "<div>".repeat(500));
        assert_eq!(extract(&within).map(|l| l.len()), Ok(1));
        // The line is where the first element past the limit opens.
        let page = format!(
            "{}\n{}正文",
            "<div>".repeat(MAX_NESTING),
            "<div>\n".repeat(9)
        );
        assert_eq!(extract(&page), too_deep(2, MAX_NESTING));
    }

    #[test]
    fn comments_scripts_and_attributes_hold_no_tags() {
        let hidden = "<div>".repeat(1000);
        let page = format!(
            "<!-- {hidden} --><script>var s = '{hidden}';</script><style>/*{hidden}*/</style>\
             <p title=\"{hidden}\" data-x='{hidden}'>正文</p>"
        );
        assert_eq!(extract_within(&page, 2), Ok(vec!["正文".to_string()]));
    }

    /// Markup the parser rearranges (misnested formatting and blocks, which it repairs by
    /// moving and cloning elements; tables with stray content, which it moves out in front of
    /// the table) nests deeper with every repetition, though each unit closes what it opens
    /// or leaves little open; the scan that guessed depth before parsing saw almost none of
    /// it (a depth of 2 for `<b><div></b>` repeated).
    const REARRANGED: &[&str] = &[
        "<b><div></b>",
        "<a>x<div>y</a>",
        "<b>x<div>y</b>z",
        "<i><div><b></i>x",
        "<s><h2>x</s>",
        "<code><pre>x</code>",
        "<b><table><td></b>x",
        "<table><div><b></table>x",
        "<font><table><caption><div></font>x",
    ];

    #[test]
    fn rearranged_markup_past_the_limit_is_refused() {
        for unit in REARRANGED {
            let page = format!("<html><body>\n{}法治政府</body></html>", unit.repeat(600));
            assert!(parsed_depth(&page) > MAX_NESTING, "{unit}");
            assert_eq!(extract(&page), too_deep(2, MAX_NESTING), "{unit}");
            // The same markup a few times is read as usual.
            let few = format!("<html><body>\n{}法治政府</body></html>", unit.repeat(20));
            assert!(
                extract(&few).is_ok_and(|lines| lines.concat().contains("法治政府")),
                "{unit}"
            );
        }
    }

    /// The parser's work (steps over the elements it holds) is at most about the limit per
    /// byte of page, whatever the markup. Past the limit it stops: 100 KB of `<b><div></b>`
    /// cost it 55 000 steps, where without the bound it walked deeper and deeper (600 KB took
    /// 22 s). Within the limit the worst is one walk over all that is open per byte: a
    /// newline under 500 levels, each one reopening a `<b>` left open below them.
    #[test]
    fn the_parsers_work_is_bounded_by_length_times_the_limit() {
        let deep = "<div>".repeat(500);
        let open: String = (0..400).map(|i| format!("<b id={i}>")).collect();
        let pages = REARRANGED
            .iter()
            .chain(&[
                "<div>",
                "<table><td>",
                "<b id=a><div>x</div>",
                "<template><b>",
            ])
            .map(|unit| (unit.repeat(40_000 / unit.len()), true))
            .chain(
                ["</li>", "</p>", "</table>", "<p><b id=1>x"]
                    .map(|unit| (format!("{deep}{}", unit.repeat(40_000 / unit.len())), false)),
            )
            .chain([
                (format!("<b>{deep}{}", "\n".repeat(40_000)), false),
                (format!("<div>{open}</div>{}", "<p>x".repeat(10_000)), true),
            ]);
        for (page, refused) in pages {
            let (result, work) = extract_measured(&page, MAX_NESTING, CHUNK);
            let start = page.get(..40).unwrap_or_default();
            assert_eq!(result.is_err(), refused, "{start}");
            let bound = page.len() as u64 * (MAX_NESTING + CHUNK) as u64;
            assert!(work.steps <= bound, "{start}: {work:?}");
            if refused {
                assert!(work.steps <= bound / 50, "{start}: {work:?}");
            }
        }
    }

    #[test]
    fn formatting_elements_reopened_block_after_block_are_refused() {
        // 400 distinct `<b>`s left open, then paragraphs: each paragraph reopens all 400
        // (800 000 elements out of 12 KB before the bound, a quarter of a gigabyte).
        let open: String = (0..400).map(|i| format!("<b id={i}>")).collect();
        let page = format!("\n<div>{open}</div>{}", "<p>x".repeat(2000));
        let (result, work) = extract_measured(&page, MAX_NESTING, CHUNK);
        assert!(
            matches!(result, Err(Refused::TooManyElements { line: 2, .. })),
            "{result:?}"
        );
        assert!(work.elements < 200_000, "{work:?}");
        // A Word page's fonts, reopened in each paragraph, are far from the allowance.
        let word = "<font face=仿宋_GB2312><span lang=EN-US><b>".to_string()
            + &"<p>推进依法行政，办理案件3件。".repeat(3000);
        assert_eq!(extract(&word).map(|l| l.len()), Ok(3000));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]
        /// Fed in chunks of any size the parser builds the same page as fed at once, and the
        /// tree the reader accepts nests no deeper than the limit.
        #[test]
        fn chunks_change_nothing_and_accepted_pages_stay_within_the_limit(
            parts in proptest::collection::vec(
                proptest::sample::select(&[
                    "<div>", "</div>", "<p>", "</p>", "<li>", "</li>", "<ul>", "</ul>", "<a>",
                    "</a>", "<b>", "</b>", "<font>", "</font>", "<table>", "</table>", "<tr>",
                    "</tr>", "<td>", "</td>", "<th>", "<span>", "</span>", "<h2>", "</h2>",
                    "<h3>", "<button>", "</button>", "<form>", "</form>", "<select>",
                    "<option>", "<optgroup>", "</select>", "<dd>", "<dt>", "<dl>", "<rt>",
                    "<ruby>", "</ruby>", "<svg>", "</svg>", "<g/>", "<caption>", "<tbody>",
                    "<object>", "</object>", "<nobr>", "<i>", "<em>", "x", "<br>", "<img>",
                    "<div/>", "<p/>", "<template>", "</template>", "<math>", "法治", "\n",
                    "\r\n", "<pre>", "<b id=1>", "<b id=2>", "&amp;", "<!-- c -->",
                ][..]),
                1..300,
            ),
            chunk in 1usize..40,
        ) {
            let page = parts.concat();
            let (whole, whole_work) = extract_measured(&page, usize::MAX, usize::MAX);
            let (chunked, chunked_work) = extract_measured(&page, usize::MAX, chunk);
            proptest::prop_assert_eq!(&whole, &chunked);
            proptest::prop_assert_eq!(whole_work.elements, chunked_work.elements);
            let depth = parsed_depth(&page);
            let within = extract_within(&page, 16);
            proptest::prop_assert!(within.is_err() || depth <= 16, "depth {}: {}", depth, page);
            proptest::prop_assert!(within.is_ok() || depth > 16 || whole_work.elements > 0);
        }
    }
}
