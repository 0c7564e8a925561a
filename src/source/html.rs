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

/// The reader's text of a page, one entry per line.
pub fn extract(page: &str) -> Vec<String> {
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
            extract(page),
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
            extract("<p>推进法治\n  政府建设 and\nmore</p>"),
            ["推进法治政府建设 and more"]
        );
    }

    #[test]
    fn metadata_tables_become_metadata_lines() {
        let page = "<table><tr><td>索 引 号：</td><td>11500-2024-001</td>\
            <td>发文字号：</td><td>无</td></tr>\
            <tr><td>成文日期：</td><td>2024-03-28</td></tr></table><p>正文。</p>";
        assert_eq!(
            extract(page),
            [
                "[ 索引号 ] | 11500-2024-001 | [ 发文字号 ] | 无 |",
                "[ 成文日期 ] | 2024-03-28 |",
                "正文。"
            ]
        );
    }
}
