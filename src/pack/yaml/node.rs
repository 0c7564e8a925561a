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

/// A phrase of a YAML reader's error (what is expected, what was found, where) in the
/// current language; backquoted keys and other text stay as they are.
pub fn yaml_words(phrase: &str) -> String {
    if let Some(rule) = phrase.strip_prefix("rule `") {
        return crate::tr!("yaml-words-rule-id", id = rule.trim_end_matches('`'));
    }
    let key = match phrase {
        "a map of rule id to severity" => "yaml-words-1",
        "a rule id in `overrides`" => "yaml-words-2",
        "a list of rules (`- id: …`)" => "yaml-words-3",
        "the list of sections" => "yaml-words-4",
        "a list of `{name: …, heading: …}`" => "yaml-words-5",
        "a list of `{phrase: …, suggest: …}`, or a map with `file:` and `list:`" => "yaml-words-6",
        "the list of terms" => "yaml-words-7",
        "a list of `{phrase: …, suggest: …}`" => "yaml-words-8",
        "A term table" => "yaml-words-9",
        "a term table" => "yaml-words-10",
        "a list of `{phrase: …, suggest: …}` maps" => "yaml-words-11",
        "`true`, or a map with `allow:`" => "yaml-words-12",
        "a map of name to expression (`let: {computed: ok / total}`)" => "yaml-words-13",
        "an expression" => "yaml-words-14",
        "a scope is `document`, `paragraph`, `sentence`, `title`, `body`, `{section: …}`, `{heading: …}` or `{body_of_section: …}`" => "yaml-words-15",
        "text to look for" => "yaml-words-16",
        "a list of matchers" => "yaml-words-17",
        "an example" => "yaml-words-18",
        "`pass:` and `fail:` lists of example text" => "yaml-words-19",
        "the severity" => "yaml-words-20",
        "one of error, warning, info" => "yaml-words-21",
        "true or false" => "yaml-words-22",
        "a map (`key: value` lines)" => "yaml-words-23",
        "a rule" => "yaml-words-24",
        "A rule" => "yaml-words-25",
        "text" => "yaml-words-26",
        "nothing" => "yaml-words-27",
        "true/false" => "yaml-words-28",
        "a number" => "yaml-words-29",
        "a list" => "yaml-words-30",
        "a map" => "yaml-words-31",
        "a section" => "yaml-words-32",
        "A section" => "yaml-words-33",
        "a term" => "yaml-words-34",
        "A term" => "yaml-words-35",
        "the configuration" => "yaml-words-36",
        "The configuration" => "yaml-words-37",
        "an override" => "yaml-words-38",
        "An override" => "yaml-words-39",
        "a suppression" => "yaml-words-40",
        "A suppression" => "yaml-words-41",
        "a matcher" => "yaml-words-42",
        "A matcher" => "yaml-words-43",
        "a scope" => "yaml-words-44",
        "A scope" => "yaml-words-45",
        "aliases expand to too much text" => "yaml-words-46",
        "aliases are nested too deeply" => "yaml-words-47",
        "too many aliases" => "yaml-words-48",
        "too many anchors" => "yaml-words-49",
        "lists and maps are nested too deeply" => "yaml-words-50",
        "a pack file holds one YAML document" => "yaml-words-51",
        "too many values" => "yaml-words-52",
        "the file is too large" => "yaml-words-53",
        "rules" => "yaml-words-54",
        "globs" => "yaml-words-55",
        "rule ids" => "yaml-words-56",
        other => return other.to_string(),
    };
    crate::i18n::text(key, &[])
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
    fn noun(self) -> String {
        match self {
            Document::Pack => crate::tr!("ynode-pack"),
            Document::Configuration => crate::tr!("ynode-configuration"),
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
            crate::tr!(
                "ynode-document-file-src-bytes",
                document = document.noun(),
                src = src.len(),
                limit = MAX_PACK_BYTES
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
                Document::Pack => crate::tr!("ynode-pack-limit-help"),
                Document::Configuration => crate::tr!("ynode-configuration-limit-help"),
            };
            return PackError::new(
                crate::tr!(
                    "ynode-document-exceeds-safety-limit",
                    document = document.noun(),
                    what = yaml_words(what)
                ),
                span,
            )
            .with_label(crate::tr!("ynode-limit-reached-here"))
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
        Some((plain, cause)) => PackError::new(
            crate::tr!(
                "ynode-invalid-yaml-plain",
                plain = crate::i18n::text(plain, &[])
            ),
            span,
        )
        .with_label(crate::tr!("ynode-here"))
        .with_help(crate::tr!(
            "ynode-cause-and-parser",
            cause = crate::i18n::text(cause, &[]),
            message = message
        )),
        None => PackError::new(
            crate::tr!("ynode-invalid-yaml-message", message = message),
            span,
        )
        .with_label(crate::tr!("ynode-here")),
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
/// own words stay in the help, as a technical detail. Both are catalogue keys.
fn plain_words(parser: &str) -> Option<(&'static str, &'static str)> {
    let found = |words: &str| parser.contains(words);
    Some(if found("mapping values are not allowed") {
        ("ynode-plain-colon-in-value", "ynode-cause-colon-in-value")
    } else if found("did not find expected key") || found("did not find expected '-'") {
        ("ynode-plain-indentation", "ynode-cause-indentation")
    } else if found("expected ':'") {
        (
            "ynode-plain-key-without-colon",
            "ynode-cause-key-without-colon",
        )
    } else if found("quoted scalar") || found("end of stream") {
        (
            "ynode-plain-quote-not-closed",
            "ynode-cause-quote-not-closed",
        )
    } else if found("unexpected character") || found("cannot start any token") {
        (
            "ynode-plain-cannot-start-value",
            "ynode-cause-cannot-start-value",
        )
    } else if found("block sequence entries are not allowed") {
        ("ynode-plain-list-item-here", "ynode-cause-list-item-here")
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
            PackError::new(crate::tr!("ynode-tab-in-indentation"), at..at + 1)
                .with_label(crate::tr!("ynode-tab-label"))
                .with_help(crate::tr!(
                    "ynode-tab-help",
                    line = shown.trim_end(),
                    parser = parser
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
