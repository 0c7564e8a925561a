//! A YAML document as a tree of nodes, each with the byte span where it is written.
//!
//! serde-saphyr parses the text; every node of the tree is read through its `Spanned`
//! wrapper, so a value nested anywhere (a regex inside `any:` inside `require:`) keeps its
//! place in the source. The tree is generic on purpose: the pack schema is flexible
//! (a matcher is a string or a one-key map, `examples` has two shapes), `Spanned` loses its
//! location under serde's untagged/flattened enums, and a derived schema stops at the first
//! problem while a pack must report all of them. `read` turns this tree into the rule model.
//!
//! Resource limits (aliases, nesting, node count, scalar bytes) are set tighter than the
//! crate defaults, so that a hostile pack (an alias "billion laughs" bomb) stops with an
//! error instead of exhausting memory.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Location, MessageFormatter, UserMessageFormatter};
use std::fmt;

use crate::model::Span;
use crate::pack::error::PackError;

/// The largest pack file accepted: real packs are a few kilobytes. The same cap as every
/// pack and configuration file ([`MAX_FILE_BYTES`](crate::pack::file::MAX_FILE_BYTES)).
pub const MAX_PACK_BYTES: usize = crate::pack::file::MAX_FILE_BYTES;
/// Alias uses a pack may contain; anchors are a convenience for sharing matchers.
pub const MAX_ALIASES: usize = 1_000;
/// Parser events replayed from aliases across the whole pack (bounds the expanded size).
pub const MAX_REPLAYED_EVENTS: usize = 20_000;
/// Nesting depth of maps and lists; matchers nest, but not this deep.
pub const MAX_DEPTH: usize = 48;
/// Nodes (scalars, maps, lists) in one pack.
pub const MAX_NODES: usize = 100_000;

#[derive(Debug, Clone)]
pub struct Node {
    pub value: Value,
    /// Byte span of the node: a scalar's whole text (quotes included); for a map or a list
    /// only its first character, which is what the parser reports.
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum Value {
    Null,
    Bool(bool),
    /// Any number; the written text is recovered from the span when text is wanted.
    Number,
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// How the value is called in messages ("expected text, found a list").
    pub fn describe(&self) -> &'static str {
        match self {
            Value::Null => "nothing",
            Value::Bool(_) => "true/false",
            Value::Number => "a number",
            Value::Str(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a map",
        }
    }
}

/// A node as deserialized, before its location is turned into a byte span (which needs the
/// source text).
struct RawNode {
    value: RawValue,
    location: Location,
}

enum RawValue {
    Null,
    Bool(bool),
    Number,
    Str(String),
    Seq(Vec<RawNode>),
    Map(Vec<(RawNode, RawNode)>),
}

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawValueVisitor)
    }
}

impl<'de> Deserialize<'de> for RawNode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = serde_saphyr::Spanned::<RawValue>::deserialize(deserializer)?;
        Ok(RawNode {
            value: spanned.value,
            location: spanned.referenced,
        })
    }
}

struct RawValueVisitor;

impl<'de> Visitor<'de> for RawValueVisitor {
    type Value = RawValue;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<RawValue, E> {
        Ok(RawValue::Null)
    }
    fn visit_none<E>(self) -> Result<RawValue, E> {
        Ok(RawValue::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<RawValue, D::Error> {
        deserializer.deserialize_any(RawValueVisitor)
    }
    fn visit_bool<E>(self, value: bool) -> Result<RawValue, E> {
        Ok(RawValue::Bool(value))
    }
    fn visit_i64<E>(self, _: i64) -> Result<RawValue, E> {
        Ok(RawValue::Number)
    }
    fn visit_u64<E>(self, _: u64) -> Result<RawValue, E> {
        Ok(RawValue::Number)
    }
    fn visit_i128<E>(self, _: i128) -> Result<RawValue, E> {
        Ok(RawValue::Number)
    }
    fn visit_u128<E>(self, _: u128) -> Result<RawValue, E> {
        Ok(RawValue::Number)
    }
    fn visit_f64<E>(self, _: f64) -> Result<RawValue, E> {
        Ok(RawValue::Number)
    }
    fn visit_str<E>(self, value: &str) -> Result<RawValue, E> {
        Ok(RawValue::Str(value.to_owned()))
    }
    fn visit_string<E>(self, value: String) -> Result<RawValue, E> {
        Ok(RawValue::Str(value))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawValue, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<RawNode>()? {
            items.push(item);
        }
        Ok(RawValue::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawValue, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry::<RawNode, RawNode>()? {
            entries.push(entry);
        }
        Ok(RawValue::Map(entries))
    }
}

/// What a YAML text is, to name it in messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Document {
    Pack,
    Configuration,
}

impl Document {
    fn noun(self) -> &'static str {
        match self {
            Document::Pack => "pack",
            Document::Configuration => "configuration",
        }
    }
}

/// Parse a pack's YAML text into a node tree, or the YAML-level error (syntax, a limit)
/// with its byte span.
pub fn parse_tree(src: &str) -> Result<Node, PackError> {
    parse_document(src, Document::Pack)
}

/// Parse YAML text of a pack or of the configuration into a node tree, or the YAML-level
/// error (syntax, a limit) with its byte span; messages name the document as `document`.
pub fn parse_document(src: &str, document: Document) -> Result<Node, PackError> {
    if src.len() > MAX_PACK_BYTES {
        return Err(PackError::new(
            format!(
                "the {} file is {} bytes; files larger than {MAX_PACK_BYTES} bytes are refused",
                document.noun(),
                src.len()
            ),
            0..0,
        ));
    }
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_aliases: MAX_ALIASES,
            max_depth: MAX_DEPTH,
            max_nodes: MAX_NODES,
            max_documents: 1,
            max_total_scalar_bytes: MAX_PACK_BYTES,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: MAX_REPLAYED_EVENTS,
            max_replay_stack_depth: 16,
        },
        // Repeated keys reach the reader, which reports every one of them with its span
        // instead of stopping the whole file at the first.
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::PassThrough,
        // `on`, `yes`, `no` are ordinary words in a pack (`on: n` names a capture).
        strict_booleans: true,
    };
    match serde_saphyr::from_str_with_options::<RawNode>(src, options) {
        Ok(raw) => Ok(locate(raw, src)),
        Err(error) => Err(yaml_error(&error, src, document)),
    }
}

fn locate(raw: RawNode, src: &str) -> Node {
    let mut span = byte_span(&raw.location, src);
    let value = match raw.value {
        RawValue::Null => Value::Null,
        RawValue::Bool(b) => Value::Bool(b),
        RawValue::Number => Value::Number,
        RawValue::Str(s) => Value::Str(s),
        RawValue::Seq(items) => Value::Seq(items.into_iter().map(|n| locate(n, src)).collect()),
        RawValue::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| (locate(k, src), locate(v, src)))
                .collect(),
        ),
    };
    // A block map is reported at its first key with no width; point at that key so that
    // "this rule has no id" underlines something.
    if span.is_empty() {
        if let Value::Map(entries) = &value {
            if let Some((first_key, _)) = entries.first() {
                span = first_key.span.clone();
            }
        }
    }
    Node { value, span }
}

/// A location as a byte span. serde-saphyr gives byte offsets for string input; its
/// character offsets are the fallback (they differ from bytes as soon as Chinese text
/// precedes the place).
fn byte_span(location: &Location, src: &str) -> Span {
    let span = location.span();
    let (start, len) = match (span.byte_offset(), span.byte_len()) {
        (Some(offset), Some(len)) => (to_usize(offset), to_usize(len)),
        _ => {
            if location.line() == 0 {
                return 0..0;
            }
            let start = char_to_byte(src, to_usize(span.offset()));
            let end = char_to_byte(src, to_usize(span.offset().saturating_add(span.len())));
            (start, end.saturating_sub(start))
        }
    };
    let start = floor_char_boundary(src, start);
    let end = floor_char_boundary(src, start.saturating_add(len));
    start..end
}

fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

fn char_to_byte(src: &str, chars: usize) -> usize {
    src.char_indices()
        .nth(chars)
        .map_or(src.len(), |(byte, _)| byte)
}

fn floor_char_boundary(src: &str, mut at: usize) -> usize {
    if at >= src.len() {
        return src.len();
    }
    while !src.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A serde-saphyr error as a pack error: a readable message and the byte span it names,
/// widened to the whole character there so the underline is visible.
fn yaml_error(error: &serde_saphyr::Error, src: &str, document: Document) -> PackError {
    let mut span = error
        .location()
        .map_or(0..0, |location| byte_span(&location, src));
    if span.is_empty() {
        if let Some(c) = src.get(span.start..).and_then(|rest| rest.chars().next()) {
            if c != '\n' {
                span.end = span.start + c.len_utf8();
            }
        }
    }
    let message = match limit_breached(error) {
        Some(what) => {
            let help = match document {
                Document::Pack => {
                    "packs are small; anchors and aliases (`&name`, `*name`) may share a \
                     matcher, but not multiply the document"
                }
                Document::Configuration => {
                    "a configuration is small; anchors and aliases (`&name`, `*name`) may \
                     share a value, but not multiply the document"
                }
            };
            return PackError::new(
                format!("the {} exceeds a safety limit: {what}", document.noun()),
                span,
            )
            .with_label("limit reached here")
            .with_help(help);
        }
        None => UserMessageFormatter.format_message(original(error)),
    };
    let message: String = message
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if message.contains("tab") {
        if let Some(error) = tab_error(src, &span, &message) {
            return error;
        }
    }
    if let Some(error) = full_width_bracket(src, &span) {
        return error;
    }
    match plain_words(&message) {
        Some((plain, cause)) => PackError::new(format!("invalid YAML: {plain}"), span)
            .with_label("here")
            .with_help(format!("{cause} (YAML parser: {message})")),
        None => PackError::new(format!("invalid YAML: {message}"), span).with_label("here"),
    }
}

/// `require: ｛regex: …｝`: a map (or list) opened with a full-width bracket on the line of a
/// syntax error is named at the bracket; the parser only saw a text with a `: ` inside.
fn full_width_bracket(src: &str, span: &Span) -> Option<PackError> {
    let at = span.start.min(src.len());
    let line_start = src[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = src[at..].find('\n').map_or(src.len(), |i| at + i);
    let line = &src[line_start..line_end];
    let value = line.find(": ").map(|i| i + 2).or_else(|| {
        let content = line.trim_start();
        content
            .starts_with("- ")
            .then(|| line.len() - content.len() + 2)
    })?;
    let rest = line[value..].trim_start_matches(' ');
    let (full, half) = [('｛', '{'), ('［', '[')]
        .into_iter()
        .find(|(full, _)| rest.starts_with(*full))?;
    let offset = line_start + line.len() - rest.len();
    Some(crate::pack::pattern::full_width_error(full, half, offset))
}

/// The YAML parser's message in plain words, and its likely cause with the fix. The parser's
/// own words stay in the help, as a technical detail.
fn plain_words(parser: &str) -> Option<(&'static str, &'static str)> {
    let found = |words: &str| parser.contains(words);
    Some(if found("mapping values are not allowed") {
        (
            "a `: ` (colon and space) where no new key can start",
            "most often the value itself contains `: `: put the whole value in quotes, \
             e.g. `message: \"办结率: 90%\"`; or this line is indented deeper than the key \
             above it",
        )
    } else if found("did not find expected key") || found("did not find expected '-'") {
        (
            "this line is not indented like the lines above it",
            "the keys of one map start in the same column, and so do the `-` of the items \
             of one list; indent with spaces (two per level), never with tabs",
        )
    } else if found("expected ':'") {
        (
            "a key without its `:` and a space",
            "write a space after the colon (`message: …`); a text over several lines goes \
             in quotes or after `|`",
        )
    } else if found("quoted scalar") || found("end of stream") {
        (
            "a quote is not closed",
            "close the quote on the same line (`message: \"…\"`), or write a long text \
             after `|` on lines of its own",
        )
    } else if found("unexpected character") || found("cannot start any token") {
        (
            "this character cannot start a YAML value",
            "put the value in quotes: `message: \"…\"`",
        )
    } else if found("block sequence entries are not allowed") {
        (
            "a list item `- ` where no list can start",
            "start the list on the line after its key, indented under it",
        )
    } else {
        return None;
    })
}

/// A tab in the indentation, at the tab itself, with the line shown in the help where the tab
/// is visible as `→` (the excerpt shows a tab as spaces). The parser may stop on the line
/// before the tab (a plain text that a tab-indented line would continue), so the lines from
/// the error's line on are searched first, then the lines above it.
fn tab_error(src: &str, span: &Span, parser: &str) -> Option<PackError> {
    let at = span.start.min(src.len());
    let error_line = src[..at].rfind('\n').map_or(0, |i| i + 1);
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut offset = 0;
    for line in src.split_inclusive('\n') {
        lines.push((offset, line.trim_end_matches(['\n', '\r'])));
        offset += line.len();
    }
    let here = lines.iter().position(|(start, _)| *start == error_line)?;
    let order = lines[here..]
        .iter()
        .take(3)
        .chain(lines[..here].iter().rev());
    for &(start, line) in order {
        let indent = line.len() - line.trim_start_matches([' ', '\t', '-']).len();
        let Some(tab) = line[..indent].find('\t') else {
            continue;
        };
        let at = start + tab;
        let shown = line.replace('\t', "→");
        return Some(
            PackError::new("invalid YAML: a tab in the indentation", at..at + 1)
                .with_label("a tab (shown as spaces)")
                .with_help(format!(
                    "YAML indents with spaces only: replace the tab with spaces. The line, \
                     with the tab shown as →: `{}` (YAML parser: {parser})",
                    shown.trim_end()
                )),
        );
    }
    None
}

/// `key：value` typed on a Chinese keyboard: a full-width colon right after an ASCII key at the
/// start of a line (after its indentation and an optional `- `) is taken as `: `. The colon is
/// replaced by `:` and two spaces, the same number of bytes, so every span stays right. Lines
/// of block texts (`|`, `>`) are left alone, and so is a `：` after anything but an ASCII word
/// at a line's start (`message: 职责：履职情况` keeps its text): there `：` is text. (A quoted
/// text continued on a line that starts with `word：` is the one case read differently.)
pub fn accept_full_width_colons(src: &str) -> std::borrow::Cow<'_, str> {
    if !src.contains('：') {
        return std::borrow::Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len());
    // The indentation of the key that opened a block text, while its lines go on.
    let mut block: Option<usize> = None;
    for line in src.split_inclusive('\n') {
        let content = line.trim_start_matches(' ');
        let indent = line.len() - content.len();
        if let Some(key_indent) = block {
            if content.trim().is_empty() || indent > key_indent {
                out.push_str(line);
                continue;
            }
            block = None;
        }
        let item = content
            .strip_prefix("- ")
            .map_or(content, |rest| rest.trim_start_matches(' '));
        let key_len = item
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(item.len());
        let is_key = key_len > 0 && item[key_len..].starts_with('：');
        let line = if is_key {
            let at = line.len() - item.len() + key_len;
            format!("{}:  {}", &line[..at], &line[at + '：'.len_utf8()..])
        } else {
            line.to_string()
        };
        // `key: |`, `- >-`: the lines below, indented deeper, are text.
        let last = line.trim_end().rsplit(' ').next().unwrap_or("");
        let opens_block = last.starts_with(['|', '>'])
            && last[1..]
                .chars()
                .all(|c| matches!(c, '-' | '+' | '0'..='9'));
        if opens_block {
            block = Some(indent);
        }
        out.push_str(&line);
    }
    std::borrow::Cow::Owned(out)
}

fn original(error: &serde_saphyr::Error) -> &serde_saphyr::Error {
    match error.without_snippet() {
        serde_saphyr::Error::AliasError { error, .. } => original(error),
        other => other,
    }
}

fn limit_breached(error: &serde_saphyr::Error) -> Option<&'static str> {
    use serde_saphyr::budget::BudgetBreach;
    match original(error) {
        serde_saphyr::Error::AliasReplayLimitExceeded { .. }
        | serde_saphyr::Error::AliasExpansionLimitExceeded { .. }
        | serde_saphyr::Error::AliasReplayCounterOverflow { .. } => {
            Some("aliases expand to too much text")
        }
        serde_saphyr::Error::AliasReplayStackDepthExceeded { .. } => {
            Some("aliases are nested too deeply")
        }
        serde_saphyr::Error::Budget { breach, .. } => Some(match breach {
            BudgetBreach::Aliases { .. } | BudgetBreach::AliasAnchorRatio { .. } => {
                "too many aliases"
            }
            BudgetBreach::Anchors { .. } => "too many anchors",
            BudgetBreach::Depth { .. } => "lists and maps are nested too deeply",
            BudgetBreach::Documents { .. } => "a pack file holds one YAML document",
            BudgetBreach::Nodes { .. } | BudgetBreach::Events { .. } => "too many values",
            _ => "the file is too large",
        }),
        _ => None,
    }
}
