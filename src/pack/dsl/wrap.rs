//! Long printed lines, wrapped readably: a rule line that would pass [`WIDTH`] columns opens
//! its `any(…)`, `all(…)` and `none(…)` lists one item a line (nested lists the same way, as
//! far as needed), and, if it is still too long, breaks its other lists (`unless a, b`,
//! `suggest …`, `tags …`, `"a" | "b"`) after each comma and before each `|`.
//!
//! The grammar takes line breaks as spaces (and a trailing comma in a list), so the wrapped
//! text reads back as the same pack, and printing that pack wraps it the same way. Text
//! inside strings, regexes and patterns is never broken (a string stays on one line).

use unicode_width::UnicodeWidthStr;

/// Lines longer than this many columns (a Chinese character is two) are wrapped.
pub const WIDTH: usize = 100;

const INDENT: &str = "  ";

#[derive(Clone, Debug)]
enum Node {
    /// Text that is never broken inside: words, strings, regexes, `(…)` of expressions.
    Atom(String),
    /// `, ` or ` | ` between the items of a list outside parentheses.
    Separator(&'static str),
    /// `any(…)` / `all(…)` / `none(…)`, with its items.
    Group {
        keyword: String,
        items: Vec<Vec<Node>>,
    },
}

/// `text`, written at `depth` levels of indentation, as one line or, when longer than
/// [`WIDTH`], as several; the result has no final line break.
pub fn wrap(text: &str, depth: usize) -> String {
    let indent = INDENT.repeat(depth);
    let flat_line = format!("{indent}{text}");
    if flat_line.width() <= WIDTH || is_expression_line(text) {
        return flat_line;
    }
    let nodes = parse(text);
    let mut out = indent.clone();
    out.push_str(&render(&nodes, depth, false));
    if out.lines().any(|line| line.width() > WIDTH) {
        let mut again = indent;
        again.push_str(&render(&nodes, depth, true));
        return again;
    }
    out
}

/// `let` and `assert` lines hold expressions, where `/` divides: left as they are.
fn is_expression_line(text: &str) -> bool {
    text.starts_with("let ") || text.starts_with("assert ")
}

/// The nodes on one line, flat.
fn flat(nodes: &[Node]) -> String {
    let mut out = String::new();
    for node in nodes {
        match node {
            Node::Atom(text) => out.push_str(text),
            Node::Separator(separator) => out.push_str(separator),
            Node::Group { keyword, items } => {
                out.push_str(keyword);
                out.push('(');
                let items: Vec<String> = items.iter().map(|item| flat(item)).collect();
                out.push_str(&items.join(", "));
                out.push(')');
            }
        }
    }
    out
}

/// The nodes at `depth`, their groups opened one item a line (an item that fits stays on its
/// line); with `separators`, the lists outside groups are broken too.
fn render(nodes: &[Node], depth: usize, separators: bool) -> String {
    let inner = INDENT.repeat(depth + 1);
    let mut out = String::new();
    for (i, node) in nodes.iter().enumerate() {
        let separators = separators && i + 1 < nodes.len();
        match node {
            Node::Atom(text) => out.push_str(text),
            Node::Separator(", ") if separators => {
                out.push_str(",\n");
                out.push_str(&inner);
            }
            Node::Separator(separator) if separators => {
                out.push('\n');
                out.push_str(&inner);
                out.push_str(separator.trim_start());
            }
            Node::Separator(separator) => out.push_str(separator),
            Node::Group { keyword, items } => {
                // A group that fits with the rest of the line stays closed.
                let column = match out.rsplit_once('\n') {
                    Some((_, last)) => last.width(),
                    None => depth * INDENT.len() + out.width(),
                };
                if column + flat(&nodes[i..]).width() <= WIDTH {
                    out.push_str(&flat(std::slice::from_ref(node)));
                    continue;
                }
                out.push_str(keyword);
                out.push_str("(\n");
                for item in items {
                    let line = format!("{inner}{}", flat(item));
                    if line.width() <= WIDTH {
                        out.push_str(&line);
                    } else {
                        out.push_str(&inner);
                        out.push_str(&render(item, depth + 1, separators));
                    }
                    out.push_str(",\n");
                }
                out.push_str(&INDENT.repeat(depth));
                out.push(')');
            }
        }
    }
    out
}

/// The line as nodes. Strings and regexes are read whole; after `if` (up to `require`) the
/// text is an expression, where `/` divides and parentheses group.
fn parse(text: &str) -> Vec<Node> {
    let chars: Vec<char> = text.chars().collect();
    let mut pos = 0;
    let mut expression = false;
    parse_seq(&chars, &mut pos, &mut expression, false).0
}

/// Nodes up to the end, or (inside a group) up to its `)`; the items of a group come back
/// split at its commas.
fn parse_seq(
    chars: &[char],
    pos: &mut usize,
    expression: &mut bool,
    in_group: bool,
) -> (Vec<Node>, Vec<Vec<Node>>) {
    let mut items: Vec<Vec<Node>> = Vec::new();
    let mut nodes: Vec<Node> = Vec::new();
    let mut atom = String::new();
    let flush = |atom: &mut String, nodes: &mut Vec<Node>| {
        if !atom.is_empty() {
            nodes.push(Node::Atom(std::mem::take(atom)));
        }
    };
    while let Some(&c) = chars.get(*pos) {
        match c {
            '"' => read_quoted(chars, pos, '"', &mut atom),
            '/' if !*expression => read_quoted(chars, pos, '/', &mut atom),
            '(' => {
                let keyword = trailing_keyword(&atom);
                match keyword {
                    Some(keyword) if !*expression => {
                        atom.truncate(atom.len() - keyword.len());
                        flush(&mut atom, &mut nodes);
                        *pos += 1;
                        let (_, group_items) = parse_seq(chars, pos, expression, true);
                        nodes.push(Node::Group {
                            keyword: keyword.to_string(),
                            items: group_items,
                        });
                    }
                    _ => read_parenthesised(chars, pos, &mut atom),
                }
            }
            ')' if in_group => {
                *pos += 1;
                flush(&mut atom, &mut nodes);
                if !nodes.is_empty() {
                    items.push(std::mem::take(&mut nodes));
                }
                return (Vec::new(), items);
            }
            ',' if in_group => {
                *pos += 1;
                skip_spaces(chars, pos);
                flush(&mut atom, &mut nodes);
                items.push(std::mem::take(&mut nodes));
            }
            ',' if !*expression => {
                *pos += 1;
                skip_spaces(chars, pos);
                flush(&mut atom, &mut nodes);
                nodes.push(Node::Separator(", "));
            }
            ' ' if !*expression && chars.get(*pos + 1) == Some(&'|') => {
                *pos += 2;
                skip_spaces(chars, pos);
                flush(&mut atom, &mut nodes);
                nodes.push(Node::Separator(" | "));
            }
            _ => {
                atom.push(c);
                *pos += 1;
                if !c.is_alphanumeric() {
                    let word = trailing_word(&atom[..atom.len() - c.len_utf8()]);
                    match word {
                        "if" => *expression = true,
                        "require" => *expression = false,
                        _ => {}
                    }
                }
            }
        }
    }
    flush(&mut atom, &mut nodes);
    if in_group && !nodes.is_empty() {
        items.push(nodes);
        return (Vec::new(), items);
    }
    (nodes, items)
}

fn skip_spaces(chars: &[char], pos: &mut usize) {
    while chars.get(*pos) == Some(&' ') {
        *pos += 1;
    }
}

/// A string or regex from its opening mark to its closing one, escapes included.
fn read_quoted(chars: &[char], pos: &mut usize, mark: char, atom: &mut String) {
    atom.push(mark);
    *pos += 1;
    while let Some(&c) = chars.get(*pos) {
        atom.push(c);
        *pos += 1;
        if c == '\\' {
            if let Some(&next) = chars.get(*pos) {
                atom.push(next);
                *pos += 1;
            }
        } else if c == mark {
            return;
        }
    }
}

/// `(…)` of an expression or a call, whole (strings inside read whole).
fn read_parenthesised(chars: &[char], pos: &mut usize, atom: &mut String) {
    let mut depth = 0usize;
    while let Some(&c) = chars.get(*pos) {
        match c {
            '"' => {
                read_quoted(chars, pos, '"', atom);
                continue;
            }
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        atom.push(c);
        *pos += 1;
        if depth == 0 {
            return;
        }
    }
}

/// The last word of `atom`.
fn trailing_word(atom: &str) -> &str {
    let start = atom
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &atom[start..]
}

/// `any`, `all` or `none` right at the end of `atom`, as a word of its own.
fn trailing_keyword(atom: &str) -> Option<&'static str> {
    ["any", "all", "none"]
        .into_iter()
        .find(|keyword| trailing_word(atom) == *keyword)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_line_stays_as_it_is() {
        assert_eq!(
            wrap("require any(\"三项制度\", \"执法公示\")", 1),
            "  require any(\"三项制度\", \"执法公示\")"
        );
    }

    #[test]
    fn a_long_list_opens_one_item_a_line() {
        let items: Vec<String> = (1..=12).map(|i| format!("\"第{i}项制度\"")).collect();
        let text = format!("require any({}) in paragraph", items.join(", "));
        let wrapped = wrap(&text, 1);
        assert!(
            wrapped.starts_with("  require any(\n    \"第1项制度\",\n"),
            "{wrapped}"
        );
        assert!(wrapped.ends_with("\n  ) in paragraph"), "{wrapped}");
        assert!(wrapped.lines().all(|l| l.width() <= WIDTH), "{wrapped}");
    }

    #[test]
    fn commas_inside_strings_regexes_and_calls_are_not_breaks() {
        let long = "甲".repeat(45);
        let text =
            format!("when match pattern \"{long},{{n:count}}\" if max(n, 2) > 1 require /a,b|c/");
        let wrapped = wrap(&text, 1);
        assert!(
            wrapped.contains(&format!("\"{long},{{n:count}}\"")),
            "{wrapped}"
        );
        assert!(wrapped.contains("max(n, 2)"), "{wrapped}");
        assert!(wrapped.contains("/a,b|c/"), "{wrapped}");
    }
}
