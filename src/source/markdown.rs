//! Markdown reports: headings and paragraphs from the Markdown structure.
//!
//! Decoded Markdown enters [`extract`]; text lines leave, each with the 1-based line of the
//! Markdown file it starts on. Parsing is pulldown-cmark's (CommonMark plus tables).
//!
//! * Headings (`# 一、主要举措`) become their text (`一、主要举措`); paragraphs and list
//!   items one line each; emphasis, links and inline code keep their text.
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
    };
    let mut hidden = 0usize;
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
            Event::Start(
                Tag::Heading { .. }
                | Tag::Paragraph
                | Tag::Item
                | Tag::BlockQuote(_)
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition,
            ) => b.start(line),
            Event::End(
                TagEnd::Heading(_)
                | TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition,
            ) => b.flush(),
            Event::Text(text) | Event::Code(text) => {
                if b.current.is_empty() && !b.soft_break {
                    b.current_line = line;
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
        let md = "# 一、主要举措\n\n全年办理\n案件12件。\n\n```\nlet x = 1;\n```\n\n- 第一项\n- 第二项\n";
        assert_eq!(
            texts(md),
            [
                ("一、主要举措".to_string(), 1),
                ("全年办理案件12件。".to_string(), 3),
                ("第一项".to_string(), 10),
                ("第二项".to_string(), 11),
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
