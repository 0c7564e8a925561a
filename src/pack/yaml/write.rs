//! The canonical YAML form of a pack, printed by `reportlint convert --to yaml`.
//!
//! The model is first laid out as a small YAML tree (`Yaml`) in the key order a reader
//! expects (id, severity, message, … the check, examples), then rendered: short lists and
//! maps on one line (`tags: [执法, 必备内容]`), the rest as indented blocks. Scalars are
//! written plain when that reads back as the same text, otherwise single-quoted (regexes
//! keep their backslashes as written), or double-quoted when they hold line breaks or other
//! control characters. Parsing the output gives back an equal pack, and printing that pack
//! gives the same text again.

use unicode_width::UnicodeWidthStr;

use super::kind::YamlCheck;
use crate::pack::model::{Example, ExampleKind, Let, Matcher, Pack, Rule, Scope, Spanned};

/// Flow collections (`[a, b]`, `{regex: …}`) wider than this are written as blocks.
const MAX_FLOW_WIDTH: usize = 60;
const INDENT: usize = 2;

pub enum Yaml {
    Text(String),
    Bool(bool),
    Number(u32),
    /// `block` forces one item per line whatever the width.
    Seq {
        items: Vec<Yaml>,
        block: bool,
    },
    Map {
        entries: Vec<(String, Yaml)>,
        block: bool,
    },
}

pub fn text(s: &str) -> Yaml {
    Yaml::Text(s.to_owned())
}

pub fn map(entries: Vec<(&str, Yaml)>) -> Yaml {
    Yaml::Map {
        entries: entries
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
        block: false,
    }
}

pub fn block_map(entries: Vec<(String, Yaml)>) -> Yaml {
    Yaml::Map {
        entries,
        block: true,
    }
}

pub fn seq(items: Vec<Yaml>) -> Yaml {
    Yaml::Seq {
        items,
        block: false,
    }
}

pub fn block_seq(items: Vec<Yaml>) -> Yaml {
    Yaml::Seq { items, block: true }
}

pub fn texts(values: &[Spanned<String>]) -> Yaml {
    seq(values.iter().map(|v| text(v)).collect())
}

pub fn print_pack<C: YamlCheck>(pack: &Pack<C>) -> String {
    let mut out = String::new();
    let mut header: Vec<(String, Yaml)> = vec![("pack".to_owned(), text(&pack.name))];
    if let Some(version) = &pack.version {
        header.push(("version".to_owned(), text(version)));
    }
    if let Some(description) = &pack.description {
        header.push(("description".to_owned(), text(description)));
    }
    if !pack.extends.is_empty() {
        header.push(("extends".to_owned(), texts(&pack.extends)));
    }
    if !pack.disable.is_empty() {
        header.push(("disable".to_owned(), texts(&pack.disable)));
    }
    if !pack.overrides.is_empty() {
        let entries = pack
            .overrides
            .iter()
            .map(|o| (o.rule.value.clone(), text(o.severity.as_str())))
            .collect();
        header.push(("overrides".to_owned(), block_map(entries)));
    }
    render_map_entries(&header, 0, &mut out);
    if pack.rules.is_empty() {
        out.push_str("rules: []\n");
        return out;
    }
    out.push_str("rules:\n");
    for (i, rule) in pack.rules.iter().enumerate() {
        // A blank line between rules, as between paragraphs.
        if i > 0 {
            out.push('\n');
        }
        render_seq_item(&rule_yaml(rule), 2 * INDENT, &mut out);
    }
    out
}

fn rule_yaml<C: YamlCheck>(rule: &Rule<C>) -> Yaml {
    let mut entries: Vec<(String, Yaml)> = vec![
        ("id".to_owned(), text(&rule.id)),
        ("severity".to_owned(), text(rule.severity.as_str())),
        ("message".to_owned(), text(&rule.message)),
    ];
    if let Some(help) = &rule.help {
        entries.push(("help".to_owned(), text(help)));
    }
    if let Some(reference) = &rule.reference {
        entries.push(("reference".to_owned(), text(reference)));
    }
    if !rule.tags.is_empty() {
        entries.push(("tags".to_owned(), texts(&rule.tags)));
    }
    if rule.once_per_file {
        entries.push(("once_per_file".to_owned(), Yaml::Bool(true)));
    }
    let mut check = Vec::new();
    rule.check.write(&mut check);
    for (key, value) in check {
        entries.push((key.to_owned(), value));
    }
    if !rule.examples.is_empty() {
        entries.push(("examples".to_owned(), examples_yaml(&rule.examples)));
    }
    block_map(entries)
}

pub fn scope_entry(scope: &Scope, entries: &mut Vec<(&'static str, Yaml)>) {
    if *scope != Scope::Document {
        entries.push(("scope", scope_yaml(scope)));
    }
}

pub fn scope_yaml(scope: &Scope) -> Yaml {
    match scope {
        Scope::Document => text("document"),
        Scope::Paragraph => text("paragraph"),
        Scope::Sentence => text("sentence"),
        Scope::Title => text("title"),
        Scope::Section(m) => map(vec![("section", matcher_yaml(m))]),
        Scope::Heading(m) => map(vec![("heading", matcher_yaml(m))]),
        Scope::Body => text("body"),
        Scope::SectionBody(m) => map(vec![("body_of_section", matcher_yaml(m))]),
    }
}

pub fn lets_entry(lets: &[Let], entries: &mut Vec<(&'static str, Yaml)>) {
    if !lets.is_empty() {
        let body = lets
            .iter()
            .map(|l| (l.name.value.clone(), Yaml::Text(l.value.to_string())))
            .collect();
        entries.push((
            "let",
            Yaml::Map {
                entries: body,
                block: false,
            },
        ));
    }
}

pub fn asserts_entry(
    asserts: &[crate::pack::model::Expr],
    entries: &mut Vec<(&'static str, Yaml)>,
) {
    if !asserts.is_empty() {
        let items = asserts.iter().map(|e| Yaml::Text(e.to_string())).collect();
        entries.push(("assert", block_seq(items)));
    }
}

pub fn matcher_yaml(matcher: &Matcher) -> Yaml {
    match matcher {
        Matcher::Text(t) => text(t),
        Matcher::Regex(r) => map(vec![("regex", text(r))]),
        Matcher::Pattern(p) => map(vec![("pattern", text(p))]),
        Matcher::Any(items) => map(vec![("any", seq(items.iter().map(matcher_yaml).collect()))]),
        Matcher::All(items) => map(vec![("all", seq(items.iter().map(matcher_yaml).collect()))]),
        Matcher::None(items) => map(vec![(
            "none",
            seq(items.iter().map(matcher_yaml).collect()),
        )]),
        Matcher::Year(expr) => map(vec![("year", Yaml::Text(expr.to_string()))]),
    }
}

/// Grouped `pass:` / `fail:` lists when every passing example comes first (the usual way
/// to write them), otherwise one `- pass:` / `- fail:` item each, to keep their order.
fn examples_yaml(examples: &[Example]) -> Yaml {
    let first_fail = examples
        .iter()
        .position(|e| e.kind == ExampleKind::Fail)
        .unwrap_or(examples.len());
    let grouped = examples
        .iter()
        .skip(first_fail)
        .all(|e| e.kind == ExampleKind::Fail);
    let kind_name = |kind: ExampleKind| match kind {
        ExampleKind::Pass => "pass",
        ExampleKind::Fail => "fail",
    };
    if grouped {
        let (pass, fail) = examples.split_at(first_fail);
        let mut entries = Vec::new();
        for (kind, group) in [(ExampleKind::Pass, pass), (ExampleKind::Fail, fail)] {
            if !group.is_empty() {
                let items = group.iter().map(|e| text(&e.text)).collect();
                entries.push((kind_name(kind).to_owned(), block_seq(items)));
            }
        }
        block_map(entries)
    } else {
        block_seq(
            examples
                .iter()
                .map(|e| block_map(vec![(kind_name(e.kind).to_owned(), text(&e.text))]))
                .collect(),
        )
    }
}

/// The one-line form of a node, if it has one and is narrow enough.
fn flow(node: &Yaml) -> Option<String> {
    let rendered = match node {
        Yaml::Text(s) => return Some(scalar(s, true)),
        Yaml::Bool(b) => return Some(b.to_string()),
        Yaml::Number(n) => return Some(n.to_string()),
        Yaml::Seq { items, .. } if items.is_empty() => return Some("[]".to_owned()),
        Yaml::Map { entries, .. } if entries.is_empty() => return Some("{}".to_owned()),
        Yaml::Seq { block: true, .. } | Yaml::Map { block: true, .. } => return None,
        Yaml::Seq { items, .. } => {
            let items: Option<Vec<String>> = items.iter().map(flow).collect();
            format!("[{}]", items?.join(", "))
        }
        Yaml::Map { entries, .. } => {
            let entries: Option<Vec<String>> = entries
                .iter()
                .map(|(k, v)| flow(v).map(|v| format!("{}: {v}", scalar(k, true))))
                .collect();
            format!("{{{}}}", entries?.join(", "))
        }
    };
    (rendered.width() <= MAX_FLOW_WIDTH).then_some(rendered)
}

/// A node on the rest of a block line (after `key: ` or `- `): a scalar in block context, or
/// a flow collection.
fn inline(node: &Yaml) -> Option<String> {
    match node {
        Yaml::Text(s) => Some(scalar(s, false)),
        other => flow(other),
    }
}

fn render_map_entries(entries: &[(String, Yaml)], indent: usize, out: &mut String) {
    for (key, value) in entries {
        push_indent(indent, out);
        out.push_str(&scalar(key, false));
        out.push(':');
        match inline(value) {
            Some(line) => {
                out.push(' ');
                out.push_str(&line);
                out.push('\n');
            }
            None => {
                out.push('\n');
                render_block(value, indent + INDENT, out);
            }
        }
    }
}

/// `- item`, where a map's or list's first line shares the dash line.
fn render_seq_item(item: &Yaml, indent: usize, out: &mut String) {
    push_indent(indent.saturating_sub(INDENT), out);
    out.push_str("- ");
    if let Some(line) = inline(item) {
        out.push_str(&line);
        out.push('\n');
        return;
    }
    let mut nested = String::new();
    render_block(item, indent, &mut nested);
    out.push_str(nested.get(indent..).unwrap_or_default());
}

fn render_block(node: &Yaml, indent: usize, out: &mut String) {
    match node {
        Yaml::Map { entries, .. } => render_map_entries(entries, indent, out),
        Yaml::Seq { items, .. } => {
            for item in items {
                render_seq_item(item, indent + INDENT, out);
            }
        }
        scalar_node => {
            push_indent(indent, out);
            out.push_str(&inline(scalar_node).unwrap_or_default());
            out.push('\n');
        }
    }
}

fn push_indent(indent: usize, out: &mut String) {
    out.extend(std::iter::repeat_n(' ', indent));
}

/// A string as a YAML scalar that reads back as exactly this string.
fn scalar(s: &str, in_flow: bool) -> String {
    if can_be_plain(s, in_flow) {
        s.to_owned()
    } else if s.chars().all(|c| !c.is_control() && !is_yaml_break(c)) {
        format!("'{}'", s.replace('\'', "''"))
    } else {
        double_quoted(s)
    }
}

/// Plain only when it reads back as this same text: no indicator character in front, no
/// `: ` or ` #` inside, none of `,[]{}:` inside a flow collection, and nothing that YAML
/// resolves to a number, boolean or null.
fn can_be_plain(s: &str, in_flow: bool) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let indicator_first = matches!(
        first,
        '-' | '?'
            | ':'
            | ','
            | '['
            | ']'
            | '{'
            | '}'
            | '#'
            | '&'
            | '*'
            | '!'
            | '|'
            | '>'
            | '\''
            | '"'
            | '%'
            | '@'
            | '`'
            | '~'
    );
    let looks_typed = first.is_ascii_digit()
        || matches!(first, '+' | '.')
        || matches!(s.to_ascii_lowercase().as_str(), "true" | "false" | "null");
    let breaks_flow = in_flow && s.contains([',', '[', ']', '{', '}', ':']);
    !indicator_first
        && !looks_typed
        && !breaks_flow
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.starts_with(char::is_whitespace)
        && !s.ends_with(char::is_whitespace)
        && !s
            .chars()
            .any(|c| c.is_control() || is_yaml_break(c) || c == '\u{feff}')
}

/// Characters YAML treats as line breaks besides `\n` and `\r`.
fn is_yaml_break(c: char) -> bool {
    matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || is_yaml_break(c) || c == '\u{feff}' => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
