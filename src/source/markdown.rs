//! Markdown reports: headings and paragraphs from the Markdown structure.
//!
//! Decoded Markdown enters [`extract`]; text lines leave, each with the 1-based line of the
//! Markdown file it starts on. Parsing is pulldown-cmark's (CommonMark plus tables).
//!
//! * Headings (`# 一、主要举措`) become their text (`一、主要举措`); paragraphs and list
//!   items one line each; emphasis, links and inline code keep their text. An ordered list
//!   item keeps its number (`1. 人民调解。`): in reports such items are numbered headings.
//!   An inline `<br>` is a line break.
//! * Code blocks, raw HTML, images and a YAML front-matter block give no text.
//! * A soft line break inside a paragraph joins the lines: with nothing between two Chinese
//!   characters, with a space otherwise. A hard break starts a new line.
//! * Table rows become one line each, cells joined by ` | `; rows naming metadata fields
//!   (成文日期…) become the model's metadata lines `[ 成文日期 ] | 2024-03-28 |`.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// One extracted line and the Markdown line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownLine {
    pub text: String,
    pub source_line: usize,
}

struct Builder {
    lines: Vec<MarkdownLine>,
    current: String,
    current_line: usize,
    soft_break: bool,
    cells: Option<Vec<String>>,
    /// The number of an ordered list item, put before its first text.
    prefix: Option<String>,
}

fn wide(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FFEF}')
}

impl Builder {
    fn start(&mut self, line: usize) {
        self.flush();
        self.current_line = line;
    }

    fn push(&mut self, text: &str) {
        if self.current.is_empty() {
            if let Some(prefix) = self.prefix.take() {
                self.current = prefix;
                self.soft_break = false;
            }
        }
        if std::mem::take(&mut self.soft_break) {
            let joins_wide = self.current.chars().last().is_some_and(wide)
                && text.chars().next().is_some_and(wide);
            if !self.current.is_empty() && !joins_wide {
                self.current.push(' ');
            }
        }
        self.current.push_str(text);
    }

    fn flush(&mut self) {
        self.soft_break = false;
        let text = std::mem::take(&mut self.current);
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        if let Some(cells) = self.cells.as_mut() {
            cells.push(text.to_string());
            return;
        }
        self.lines.push(MarkdownLine {
            text: text.to_string(),
            source_line: self.current_line,
        });
    }

    fn end_row(&mut self) {
        self.flush();
        let Some(cells) = self.cells.replace(Vec::new()) else {
            return;
        };
        if cells.is_empty() {
            return;
        }
        let text = super::metadata_line(&cells).unwrap_or_else(|| cells.join(" | "));
        self.lines.push(MarkdownLine {
            text,
            source_line: self.current_line,
        });
    }
}

/// The 1-based line of a byte offset.
fn line_at(starts: &[usize], offset: usize) -> usize {
    starts.partition_point(|&s| s <= offset).max(1)
}

pub fn extract(markdown: &str) -> Vec<MarkdownLine> {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(markdown.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut b = Builder {
        lines: Vec::new(),
        current: String::new(),
        current_line: 1,
        soft_break: false,
        cells: None,
        prefix: None,
    };
    let mut hidden = 0usize;
    // Next number of each open list; `None` for bullet lists.
    let mut lists: Vec<Option<u64>> = Vec::new();
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        let line = line_at(&starts, range.start);
        match event {
            Event::Start(
                Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::Image { .. } | Tag::HtmlBlock,
            ) => {
                hidden += 1;
            }
            Event::End(
                TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::Image | TagEnd::HtmlBlock,
            ) => {
                hidden = hidden.saturating_sub(1);
            }
            _ if hidden > 0 => {}
            Event::Start(Tag::Table(_)) => {
                b.start(line);
                b.cells = Some(Vec::new());
            }
            Event::End(TagEnd::Table) => {
                b.flush();
                b.cells = None;
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                b.flush();
                b.current_line = line;
            }
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => b.end_row(),
            Event::Start(Tag::TableCell) => b.flush(),
            Event::End(TagEnd::TableCell) => b.flush(),
            Event::Start(Tag::List(first)) => lists.push(first),
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                b.start(line);
                if let Some(Some(n)) = lists.last_mut() {
                    b.prefix = Some(format!("{n}. "));
                    *n += 1;
                }
            }
            Event::InlineHtml(html) => {
                let tag: String = html
                    .chars()
                    .filter(|c| !c.is_whitespace() && *c != '/')
                    .collect::<String>()
                    .to_ascii_lowercase();
                if tag == "<br>" {
                    b.flush();
                    b.current_line = line_at(&starts, range.end);
                }
            }
            Event::Start(
                Tag::Heading { .. }
                | Tag::Paragraph
                | Tag::BlockQuote(_)
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition,
            ) => b.start(line),
            Event::End(
                TagEnd::Heading(_)
                | TagEnd::Paragraph
                | TagEnd::BlockQuote(_)
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition,
            ) => b.flush(),
            Event::End(TagEnd::Item) => {
                b.flush();
                b.prefix = None;
            }
            Event::Text(text) | Event::Code(text) => {
                if b.current.is_empty() && (!b.soft_break || b.prefix.is_none()) {
                    b.current_line = line;
                    b.soft_break = false;
                }
                b.push(&text);
            }
            Event::SoftBreak => b.soft_break = true,
            Event::HardBreak => {
                b.flush();
                b.current_line = line_at(&starts, range.end);
            }
            _ => {}
        }
    }
    b.flush();
    b.lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(md: &str) -> Vec<(String, usize)> {
        extract(md)
            .into_iter()
            .map(|l| (l.text, l.source_line))
            .collect()
    }

    #[test]
    fn headings_paragraphs_and_no_code() {
        let md = "# 一、主要举措\n\n全年办理\n案件12件。\n\n```\nlet x = 1;\n```\n\n- 第一项\n- 第二项\n\n3. 第三项\n\n4. 第四项\n";
        assert_eq!(
            texts(md),
            [
                ("一、主要举措".to_string(), 1),
                ("全年办理案件12件。".to_string(), 3),
                ("第一项".to_string(), 10),
                ("第二项".to_string(), 11),
                ("3. 第三项".to_string(), 13),
                ("4. 第四项".to_string(), 15),
            ]
        );
    }

    #[test]
    fn metadata_table_rows() {
        let md = "| 成文日期 | 2024-03-28 |\n|---|---|\n| 发布机构 | 某镇 |\n";
        assert_eq!(
            texts(md),
            [
                ("[ 成文日期 ] | 2024-03-28 |".to_string(), 1),
                ("[ 发布机构 ] | 某镇 |".to_string(), 3),
            ]
        );
    }
}
