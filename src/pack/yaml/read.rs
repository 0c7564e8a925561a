//! From the YAML node tree to the rule model.
//!
//! The reader walks the tree from `node` by hand, key by key, and keeps going after a
//! problem: every unknown key, wrong type, missing field, conflicting rule kind, duplicate id
//! and bad expression of a file ends up in one list, each with the byte span of the key or
//! value at fault. Pattern and regex text is stored as written (with the span of the
//! scalar's content) and compiled later by validation.

use super::kind::YamlCheck;
#[cfg(doc)]
use super::kind::YamlKind;
use super::node::{Node, Value};
use crate::model::text::suggest;
use crate::pack::error::PackError;
use crate::pack::model::{
    Example, ExampleKind, Expr, Let, Matcher, Pack, Rule, Scope, Severity, SeverityOverride, Span,
    Spanned, TermEntry,
};

/// The keys of a pack's top level (also what `eval::load::looks_like_pack` recognises).
pub const PACK_KEYS: &[&str] = &[
    "pack",
    "version",
    "description",
    "extends",
    "disable",
    "overrides",
    "rules",
];

/// Keys that refine a rule of some kinds.
pub(super) const MODIFIER_KEYS: &[&str] =
    &["scope", "min", "unless", "suggest", "let", "on", "subject"];

pub(super) const METADATA_KEYS: &[&str] = &[
    "id",
    "severity",
    "message",
    "help",
    "reference",
    "tags",
    "once_per_file",
    "examples",
];

pub(super) const MATCHER_KEYS: &[&str] = &["regex", "pattern", "any", "all", "none", "year"];

/// The scopes written as one word (`scope: paragraph`); the others are one-key maps.
pub(super) const SCOPE_WORDS: &[&str] = &["document", "paragraph", "sentence", "title", "body"];

/// The keys of a scope written as a map (`scope: {section: …}`).
pub(super) const SCOPE_KEYS: &[&str] = &["section", "heading", "body_of_section"];

pub struct Reader<'a> {
    src: &'a str,
    pub errors: Vec<PackError>,
}

/// The entries of a YAML map, checked against the keys allowed in its place.
pub struct Fields<'n> {
    entries: Vec<(&'n str, &'n Node, &'n Node)>,
    /// A key of the map was unknown (and reported): what is missing may be written under it.
    unknown_key: bool,
}

impl<'n> Fields<'n> {
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        self.entry(key).map(|(_, value)| value)
    }

    /// The key node and the value node.
    pub fn entry(&self, key: &str) -> Option<(&'n Node, &'n Node)> {
        self.entries
            .iter()
            .find(|(name, _, _)| *name == key)
            .map(|(_, k, v)| (*k, *v))
    }

    pub fn has(&self, key: &str) -> bool {
        self.entry(key).is_some()
    }
}

impl<'a> Reader<'a> {
    pub fn new(src: &'a str) -> Self {
        Reader {
            src,
            errors: Vec::new(),
        }
    }

    pub fn error(&mut self, error: PackError) {
        self.errors.push(error);
    }

    pub fn pack<C: YamlCheck>(&mut self, root: &Node) -> Option<Pack<C>> {
        if let Value::Null = root.value {
            self.error(
                PackError::new(crate::tr!("yaml-pack-file-empty"), 0..0)
                    .with_help(crate::tr!("yaml-pack-starts-with-name")),
            );
            return None;
        }
        let fields = self.fields(root, PACK_KEYS, "a pack")?;
        let name = match fields.get("pack") {
            Some(node) => self.text(node, "`pack`"),
            None => {
                self.error(
                    PackError::new(crate::tr!("yaml-pack-has-no-name"), root.span.clone())
                        .with_label(crate::tr!("yaml-pack-expected-map"))
                        .with_help(crate::tr!("yaml-start-file-with-pack")),
                );
                None
            }
        };
        let version = fields
            .get("version")
            .and_then(|n| self.text(n, "`version`"));
        let description = fields
            .get("description")
            .and_then(|n| self.text(n, "`description`"));
        let extends = fields
            .get("extends")
            .map_or_else(Vec::new, |n| self.text_list(n, "`extends`"));
        let disable = fields
            .get("disable")
            .map_or_else(Vec::new, |n| self.text_list(n, "`disable`"));
        let overrides = fields
            .get("overrides")
            .map_or_else(Vec::new, |n| self.overrides(n));
        let rules = match fields.get("rules") {
            Some(node) => self.rules(node),
            None => Vec::new(),
        };
        Some(Pack {
            name: name?,
            version,
            description,
            extends,
            disable,
            overrides,
            rules,
        })
    }

    fn overrides(&mut self, node: &Node) -> Vec<SeverityOverride> {
        let Value::Map(entries) = &node.value else {
            self.wrong_type(node, "`overrides`", "a map of rule id to severity");
            return Vec::new();
        };
        let mut overrides = Vec::new();
        for (key, value) in entries {
            let rule = self.text(key, "a rule id in `overrides`");
            let severity = self.severity(value);
            if let (Some(rule), Some(severity)) = (rule, severity) {
                overrides.push(SeverityOverride { rule, severity });
            }
        }
        overrides
    }

    fn rules<C: YamlCheck>(&mut self, node: &Node) -> Vec<Rule<C>> {
        let items: &[Node] = match &node.value {
            Value::Seq(items) => items,
            Value::Null => &[],
            _ => {
                self.wrong_type(node, "`rules`", "a list of rules (`- id: …`)");
                return Vec::new();
            }
        };
        items.iter().filter_map(|item| self.rule(item)).collect()
    }

    fn rule<C: YamlCheck>(&mut self, node: &Node) -> Option<Rule<C>> {
        let allowed: Vec<&str> = METADATA_KEYS
            .iter()
            .chain(C::kind_names())
            .chain(MODIFIER_KEYS)
            .copied()
            .collect();
        let fields = self.fields(node, &allowed, "a rule")?;
        let id = match fields.get("id") {
            Some(n) => self.rule_id(n),
            None => {
                self.error(
                    PackError::new(crate::tr!("yaml-rule-has-no-id"), node.span.clone())
                        .with_label(crate::tr!("yaml-rule"))
                        .with_help(crate::tr!("yaml-give-every-rule-stable")),
                );
                None
            }
        };
        let severity = match fields.get("severity") {
            Some(n) => self.severity(n),
            None => Some(Spanned::unspanned(Severity::default())),
        };
        let message = match fields.get("message") {
            Some(n) => self.text(n, "`message`"),
            None => {
                let (span, what) = match &id {
                    Some(id) => (
                        id.span.clone(),
                        crate::tr!("yaml-rule-id-has-no", id = id.value),
                    ),
                    None => (node.span.clone(), "a rule has no `message`".to_owned()),
                };
                self.error(
                    PackError::new(what, span)
                        .with_label(crate::tr!("yaml-rule-2"))
                        .with_help(crate::tr!("yaml-add-message-with-text")),
                );
                None
            }
        };
        let help = fields.get("help").and_then(|n| self.text(n, "`help`"));
        let reference = fields
            .get("reference")
            .and_then(|n| self.text(n, "`reference`"));
        let tags = fields
            .get("tags")
            .map_or_else(Vec::new, |n| self.text_list(n, "`tags`"));
        let once_per_file = match fields.get("once_per_file") {
            Some(n) => self.boolean(n, "`once_per_file`").unwrap_or(false),
            None => false,
        };
        let examples = fields
            .get("examples")
            .map_or_else(Vec::new, |n| self.examples(n));
        let check = self.check(&fields, id.as_ref(), node);
        Some(Rule {
            id: id?,
            severity: severity?,
            message: message?,
            help,
            reference,
            tags,
            once_per_file,
            examples,
            check: check?,
        })
    }

    fn rule_id(&mut self, node: &Node) -> Option<Spanned<String>> {
        self.text(node, "`id`")
    }

    /// The kind of check, from the kind key present, and the keys that refine it.
    fn check<C: YamlCheck>(
        &mut self,
        fields: &Fields<'_>,
        id: Option<&Spanned<String>>,
        rule: &Node,
    ) -> Option<C> {
        let present: Vec<(&str, &Node)> = fields
            .entries
            .iter()
            .filter(|(name, _, _)| C::kind_names().contains(name))
            .map(|(name, key, _)| (*name, *key))
            .collect();
        // A rule with the keys of several kinds that carry another is read as the one that
        // comes first ([`YamlKind::PRECEDENCE`]); the others are reported below.
        let carrier = C::kind_names()
            .iter()
            .filter(|name| fields.has(name) && C::companion(name).is_some())
            .min_by_key(|name| std::cmp::Reverse(C::precedence(name)));
        let (kind, companion) = if let Some(kind) = carrier {
            (*kind, C::companion(kind))
        } else {
            match present.first() {
                Some((name, _)) => (*name, None),
                // `forbidd: …` was reported as an unknown key (with "did you mean"); saying
                // that the rule checks nothing would be a second error for the same slip.
                None if fields.unknown_key => return None,
                None => {
                    let (span, who) = match id {
                        Some(id) => (id.span.clone(), format!("rule `{}`", id.value)),
                        None => (rule.span.clone(), "a rule".to_owned()),
                    };
                    self.error(
                        PackError::new(
                            crate::tr!(
                                "yaml-who-does-not-say",
                                who = super::node::yaml_words(&who)
                            ),
                            span,
                        )
                        .with_label(crate::tr!("yaml-rule-3"))
                        .with_help(crate::tr!(
                            "yaml-add-one",
                            limit = C::kind_names().join(", ")
                        )),
                    );
                    return None;
                }
            }
        };
        let mut conflict = false;
        for (name, key) in &present {
            if *name == kind || Some(*name) == companion {
                continue;
            }
            conflict = true;
            let with = match companion {
                Some(companion) => crate::tr!(
                    "yaml-kind-with-companion",
                    kind = kind,
                    companion = companion
                ),
                None => format!("`{kind}`"),
            };
            self.error(
                PackError::new(
                    crate::tr!("yaml-rule-cannot-both-with", with = with, name = name),
                    key.span.clone(),
                )
                .with_label(crate::tr!("yaml-second-kind-check"))
                .with_help(crate::tr!("yaml-rule-checks-one-thing")),
            );
        }
        let allowed_modifiers = C::modifiers(kind);
        for (name, key, _) in &fields.entries {
            if MODIFIER_KEYS.contains(name) && !allowed_modifiers.contains(name) {
                conflict = true;
                self.error(
                    PackError::new(
                        crate::tr!("yaml-name-does-not-apply", name = name, kind = kind),
                        key.span.clone(),
                    )
                    .with_label(crate::tr!("yaml-not-used-by-kind"))
                    .with_help(modifier_help(name)),
                );
            }
        }
        let body = fields.get(kind)?;
        let check = C::read(kind, self, body, fields);
        if conflict {
            None
        } else {
            check
        }
    }

    /// A term table file: a list of `{phrase, suggest, unless}` maps.
    pub fn term_table(&mut self, root: &Node) -> Vec<TermEntry> {
        let Value::Seq(items) = &root.value else {
            self.wrong_type(
                root,
                "A term table",
                "a list of `{phrase: …, suggest: …}` maps",
            );
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| self.term_entry(item))
            .collect()
    }

    pub fn term_entry(&mut self, node: &Node) -> Option<TermEntry> {
        let fields = self.fields(node, &["phrase", "suggest", "unless"], "a term")?;
        let text_field = |reader: &mut Self, key: &str| match fields.get(key) {
            Some(n) => reader.text(n, &format!("`{key}`")),
            None => {
                reader.error(
                    PackError::new(
                        crate::tr!("yaml-term-has-no-key", key = key),
                        node.span.clone(),
                    )
                    .with_label(crate::tr!("yaml-term"))
                    .with_help(crate::tr!("yaml-write-each-term-as")),
                );
                None
            }
        };
        let phrase = text_field(self, "phrase");
        let suggest = text_field(self, "suggest");
        let unless = fields
            .get("unless")
            .map_or_else(Vec::new, |n| self.text_list(n, "`unless`"));
        Some(TermEntry {
            phrase: phrase?,
            suggest: suggest?,
            unless,
        })
    }

    pub fn lets(&mut self, fields: &Fields<'_>) -> Option<Vec<Let>> {
        let Some(node) = fields.get("let") else {
            return Some(Vec::new());
        };
        let Value::Map(entries) = &node.value else {
            self.wrong_type(
                node,
                "`let`",
                "a map of name to expression (`let: {computed: ok / total}`)",
            );
            return None;
        };
        let mut lets = Vec::new();
        let mut complete = true;
        for (key, value) in entries {
            let name = self.text(key, "a `let` name");
            let value = self.expr(value);
            match (name, value) {
                (Some(name), Some(value)) => lets.push(Let { name, value }),
                _ => complete = false,
            }
        }
        complete.then_some(lets)
    }

    pub fn asserts(&mut self, fields: &Fields<'_>) -> Option<Vec<Expr>> {
        let Some(node) = fields.get("assert") else {
            return Some(Vec::new());
        };
        let items = match &node.value {
            Value::Seq(items) => items.iter().collect(),
            _ => vec![node],
        };
        let mut asserts = Vec::new();
        let mut complete = true;
        for item in items {
            match self.expr(item) {
                Some(expr) => asserts.push(expr),
                None => complete = false,
            }
        }
        complete.then_some(asserts)
    }

    /// An expression written as a YAML string, parsed with the expression grammar; its
    /// spans point into the YAML source.
    pub fn expr(&mut self, node: &Node) -> Option<Expr> {
        let text = self.text(node, "an expression")?;
        match crate::pack::dsl::parse_expr(&text.value, text.span.start) {
            Ok(expr) => Some(expr),
            Err(errors) => {
                self.errors.extend(errors);
                None
            }
        }
    }

    pub fn scope_field(&mut self, fields: &Fields<'_>) -> Option<Scope> {
        match fields.get("scope") {
            Some(node) => self.scope(node),
            None => Some(Scope::Document),
        }
    }

    pub fn scope(&mut self, node: &Node) -> Option<Scope> {
        const HELP: &str =
            "a scope is `document`, `paragraph`, `sentence`, `title`, `body`, `{section: …}`, `{heading: …}` or `{body_of_section: …}`";
        if let Value::Map(_) = node.value {
            let fields = self.fields(node, SCOPE_KEYS, "a scope")?;
            let scope = match (
                fields.get("section"),
                fields.get("heading"),
                fields.get("body_of_section"),
            ) {
                (Some(section), None, None) => Scope::Section(Box::new(self.matcher(section)?)),
                (None, Some(heading), None) => Scope::Heading(Box::new(self.matcher(heading)?)),
                (None, None, Some(body)) => Scope::SectionBody(Box::new(self.matcher(body)?)),
                _ => {
                    self.error(
                        PackError::new(
                            crate::tr!("yaml-scope-names-one-section"),
                            node.span.clone(),
                        )
                        .with_help(HELP),
                    );
                    return None;
                }
            };
            return Some(scope);
        }
        let name = self.text(node, "`scope`")?;
        match name.value.as_str() {
            "document" => Some(Scope::Document),
            "paragraph" => Some(Scope::Paragraph),
            "sentence" => Some(Scope::Sentence),
            "title" => Some(Scope::Title),
            "body" => Some(Scope::Body),
            other => {
                let error = PackError::new(
                    crate::tr!("yaml-unknown-scope-other", other = other),
                    name.span.clone(),
                )
                .with_label(crate::tr!("yaml-not-scope"));
                let error = with_suggestion(error, other, SCOPE_WORDS);
                let error = if error.help.is_none() {
                    error.with_help(HELP)
                } else {
                    error
                };
                self.error(error);
                None
            }
        }
    }

    /// A matcher: plain text, or a one-key map `regex` / `pattern` / `any` / `all` / `none`.
    pub fn matcher(&mut self, node: &Node) -> Option<Matcher> {
        match &node.value {
            Value::Str(_) | Value::Number | Value::Bool(_) => {
                let text = self.text(node, "text to look for")?;
                Some(Matcher::Text(text))
            }
            Value::Null => {
                self.error(
                    PackError::new(crate::tr!("yaml-nothing-look-for"), node.span.clone())
                        .with_label(crate::tr!("yaml-matcher-missing-here"))
                        .with_help(crate::tr!("yaml-write-text-regex-pattern")),
                );
                None
            }
            Value::Seq(_) => {
                self.error(
                    PackError::new(
                        crate::tr!("yaml-list-alone-ambiguous-here"),
                        node.span.clone(),
                    )
                    .with_label(crate::tr!("yaml-one-these-all-them"))
                    .with_help(crate::tr!("yaml-write-any-at-least")),
                );
                None
            }
            Value::Map(entries) => {
                let fields = self.fields(node, MATCHER_KEYS, "a matcher")?;
                if let Some((second, _)) = entries.get(1) {
                    self.error(
                        PackError::new(
                            crate::tr!("yaml-matcher-has-exactly-one"),
                            second.span.clone(),
                        )
                        .with_label(crate::tr!("yaml-second-key"))
                        .with_help(crate::tr!("yaml-combine-matchers-with-all")),
                    );
                    return None;
                }
                let (name, _, value) = fields.entries.first()?;
                match *name {
                    "regex" => self.text(value, "`regex`").map(Matcher::Regex),
                    "pattern" => self.text(value, "`pattern`").map(Matcher::Pattern),
                    "year" => self.expr(value).map(Matcher::Year),
                    combinator => {
                        let Value::Seq(_) = value.value else {
                            self.wrong_type(
                                value,
                                &format!("`{combinator}`"),
                                "a list of matchers",
                            );
                            return None;
                        };
                        self.full_width_commas(value)?;
                        let items = self.matcher_list(value)?;
                        if items.is_empty() {
                            self.error(
                                PackError::new(
                                    crate::tr!(
                                        "yaml-combinator-has-no-matchers",
                                        combinator = combinator
                                    ),
                                    value.span.clone(),
                                )
                                .with_label(crate::tr!("yaml-empty-list")),
                            );
                            return None;
                        }
                        Some(match combinator {
                            "any" => Matcher::Any(items),
                            "all" => Matcher::All(items),
                            _ => Matcher::None(items),
                        })
                    }
                }
            }
        }
    }

    /// `any: [三项制度，执法公示]`: a full-width comma between the items of a flow list makes
    /// one item of two, and the rule silently looks for text that is never written. An
    /// unquoted item of a `[…]` list of matchers with a `，` in it is refused at the comma
    /// (quoted, `"甲，乙"` is text to look for, as written).
    fn full_width_commas(&mut self, list: &Node) -> Option<()> {
        let Value::Seq(items) = &list.value else {
            return Some(());
        };
        let written = |node: &Node| self.src.get(node.span.clone()).unwrap_or_default();
        if !written(list).starts_with('[') {
            return Some(());
        }
        let mut found = None;
        for item in items {
            let text = written(item);
            if matches!(item.value, Value::Str(_)) && !text.starts_with(['"', '\'']) {
                if let Some(at) = text.find('，') {
                    found = Some(item.span.start + at);
                    break;
                }
            }
        }
        let Some(at) = found else {
            return Some(());
        };
        self.error(
            crate::pack::pattern::full_width_error('，', ',', at)
                .with_help(crate::tr!("yaml-full-width-comma-help")),
        );
        None
    }

    /// One matcher, or a list of them (`unless: [人人, 层层]`).
    pub fn matcher_list(&mut self, node: &Node) -> Option<Vec<Matcher>> {
        let Value::Seq(items) = &node.value else {
            return self.matcher(node).map(|m| vec![m]);
        };
        let mut matchers = Vec::new();
        let mut complete = true;
        for item in items {
            match self.matcher(item) {
                Some(m) => matchers.push(m),
                None => complete = false,
            }
        }
        complete.then_some(matchers)
    }

    fn examples(&mut self, node: &Node) -> Vec<Example> {
        let mut examples = Vec::new();
        match &node.value {
            // `- pass: …` / `- fail: …`, in the order written.
            Value::Seq(items) => {
                for item in items {
                    let Some(fields) = self.fields(item, &["pass", "fail"], "an example") else {
                        continue;
                    };
                    for (name, _, value) in &fields.entries {
                        let kind = example_kind(name);
                        for text in self.text_list(value, "an example") {
                            examples.push(Example { kind, text });
                        }
                    }
                }
            }
            // `pass: [...]` and `fail: [...]`.
            Value::Map(_) => {
                let Some(fields) = self.fields(node, &["pass", "fail"], "`examples`") else {
                    return examples;
                };
                for (name, _, value) in &fields.entries {
                    let kind = example_kind(name);
                    for text in self.text_list(value, "an example") {
                        examples.push(Example { kind, text });
                    }
                }
            }
            _ => self.wrong_type(
                node,
                "`examples`",
                "`pass:` and `fail:` lists of example text",
            ),
        }
        examples
    }

    fn severity(&mut self, node: &Node) -> Option<Spanned<Severity>> {
        let (text, span) = match &node.value {
            Value::Str(s) => (s.clone(), self.content_span(node)),
            _ => {
                self.wrong_type(node, "the severity", "one of error, warning, info");
                return None;
            }
        };
        match Severity::parse(&text) {
            Some(severity) => Some(Spanned::new(severity, span)),
            None => {
                let error =
                    PackError::new(crate::tr!("yaml-unknown-severity-text", text = text), span)
                        .with_label(crate::tr!("yaml-expected-error-warning-info"));
                self.error(with_suggestion(error, &text, &["error", "warning", "info"]));
                None
            }
        }
    }

    pub fn count(&mut self, node: &Node, what: &str) -> Option<Spanned<u32>> {
        let span = self.content_span(node);
        let parsed = match &node.value {
            Value::Number => self
                .src
                .get(span.clone())
                .and_then(|t| t.parse::<u32>().ok()),
            _ => None,
        };
        match parsed {
            Some(n) if n > 0 => Some(Spanned::new(n, span)),
            _ => {
                self.error(
                    PackError::new(
                        crate::tr!(
                            "yaml-what-must-whole-number",
                            what = super::node::yaml_words(what)
                        ),
                        node.span.clone(),
                    )
                    .with_label(crate::tr!("yaml-found-node", node = describe(node))),
                );
                None
            }
        }
    }

    pub fn boolean(&mut self, node: &Node, what: &str) -> Option<bool> {
        match node.value {
            Value::Bool(b) => Some(b),
            _ => {
                self.wrong_type(node, what, "true or false");
                None
            }
        }
    }

    /// A scalar as text. Numbers and booleans are taken as written (`version: 1.0` is the
    /// text "1.0"), since packs never need them as anything else where text is expected.
    pub fn text(&mut self, node: &Node, what: &str) -> Option<Spanned<String>> {
        let span = self.content_span(node);
        match &node.value {
            Value::Str(s) => Some(Spanned::new(s.clone(), span)),
            Value::Number | Value::Bool(_) => {
                let written = self.src.get(span.clone()).unwrap_or_default().to_owned();
                Some(Spanned::new(written, span))
            }
            _ => {
                self.wrong_type(node, what, "text");
                None
            }
        }
    }

    /// One text or a list of texts.
    pub fn text_list(&mut self, node: &Node, what: &str) -> Vec<Spanned<String>> {
        match &node.value {
            Value::Seq(items) => items.iter().filter_map(|n| self.text(n, what)).collect(),
            Value::Null => Vec::new(),
            _ => self.text(node, what).into_iter().collect(),
        }
    }

    /// The span of a scalar's content: inside the quotes of a quoted scalar, so that a
    /// position inside a regex or an expression maps onto the source.
    fn content_span(&self, node: &Node) -> Span {
        let span = node.span.clone();
        let text = self.src.get(span.clone()).unwrap_or_default();
        let quoted = ['"', '\'']
            .into_iter()
            .any(|q| text.len() >= 2 && text.starts_with(q) && text.ends_with(q));
        if quoted {
            span.start + 1..span.end - 1
        } else {
            span
        }
    }

    pub fn wrong_type(&mut self, node: &Node, what: &str, expected: &str) {
        // `any: ［甲, 乙］`: a list (or map) opened with a full-width bracket is one text.
        let written = self.src.get(node.span.clone()).unwrap_or_default();
        let opening = [('［', '['), ('｛', '{')]
            .into_iter()
            .find(|(full, _)| written.starts_with(*full));
        if let (Value::Str(_), Some((full, half))) = (&node.value, opening) {
            self.error(crate::pack::pattern::full_width_error(
                full,
                half,
                node.span.start,
            ));
            return;
        }
        self.error(
            PackError::new(
                crate::tr!(
                    "yaml-what-must-expected",
                    what = super::node::yaml_words(what),
                    expected = super::node::yaml_words(expected)
                ),
                node.span.clone(),
            )
            .with_label(crate::tr!("yaml-found-node-2", node = describe(node))),
        );
    }

    /// The entries of a map, reporting keys not allowed here (with the closest allowed key
    /// as a hint) and keys written twice.
    pub fn fields<'n>(
        &mut self,
        node: &'n Node,
        allowed: &[&str],
        what: &str,
    ) -> Option<Fields<'n>> {
        let Value::Map(entries) = &node.value else {
            self.wrong_type(node, &capitalize(what), "a map (`key: value` lines)");
            return None;
        };
        let mut fields = Fields {
            entries: Vec::new(),
            unknown_key: false,
        };
        for (key, value) in entries {
            let name = match &key.value {
                Value::Str(s) => s.as_str(),
                _ => {
                    self.error(
                        PackError::new(
                            crate::tr!(
                                "yaml-keys-what-are-words",
                                what = super::node::yaml_words(what)
                            ),
                            key.span.clone(),
                        )
                        .with_label(crate::tr!("yaml-found-key", key = describe(key))),
                    );
                    continue;
                }
            };
            if !allowed.contains(&name) {
                let error = PackError::new(
                    crate::tr!(
                        "yaml-unknown-key-name-what",
                        name = name,
                        what = super::node::yaml_words(what)
                    ),
                    key.span.clone(),
                )
                .with_label(crate::tr!("yaml-unknown-key"));
                let error = with_suggestion(error, name, allowed);
                let error = if error.help.is_none() {
                    error.with_help(crate::tr!(
                        "yaml-allowed-here",
                        allowed = allowed.join(", ")
                    ))
                } else {
                    error
                };
                self.error(error);
                fields.unknown_key = true;
                continue;
            }
            if fields.has(name) {
                self.error(
                    PackError::new(
                        crate::tr!("yaml-name-written-twice", name = name),
                        key.span.clone(),
                    )
                    .with_label(crate::tr!("yaml-second-time")),
                );
                continue;
            }
            fields.entries.push((name, key, value));
        }
        // With an unknown key the map is still read, so that mistakes in its known keys are
        // reported in the same run; the pack as a whole fails on the recorded error.
        Some(fields)
    }
}

fn example_kind(name: &str) -> ExampleKind {
    if name == "fail" {
        ExampleKind::Fail
    } else {
        ExampleKind::Pass
    }
}

fn describe(node: &Node) -> String {
    super::node::yaml_words(node.value.describe())
}

fn capitalize(what: &str) -> String {
    let mut chars = what.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn modifier_help(name: &str) -> String {
    match name {
        "scope" => crate::tr!("yaml-modifier-scope"),
        "min" => crate::tr!("yaml-modifier-min"),
        "unless" | "suggest" => crate::tr!("yaml-modifier-unless"),
        "let" => crate::tr!("yaml-modifier-let"),
        "subject" => crate::tr!("yaml-modifier-subject"),
        _ => crate::tr!("yaml-modifier-on"),
    }
}

/// Adds "did you mean …?" when an allowed word is a small edit away.
pub fn with_suggestion(error: PackError, written: &str, allowed: &[&str]) -> PackError {
    match suggest(written, allowed.iter().copied()) {
        Some(candidate) => error.with_help(crate::tr!(
            "yaml-did-you-mean-candidate",
            candidate = candidate
        )),
        None => error,
    }
}
