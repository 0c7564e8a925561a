//! Rule kinds. Each module is one kind, all of it in one place: what it means and how it is
//! written (module doc), what validation checks of a rule (`validate`, and the names its
//! messages may use, `MESSAGE_NAMES`), how it is compiled (`compile`, into the pack's leaf
//! table) and evaluated on a document (`evaluate`), and its tests.
//!
//! The kinds are listed once, in `crate::pack::model::for_each_kind!`: that list makes the
//! model's [`Check`], the front ends' keyword tables, and here the kind modules themselves,
//! [`CompiledCheck`] and the dispatch to each module ([`validate`], [`compile`],
//! [`evaluate`], [`message_names`]).

use crate::diag::{Fix, Label};
use crate::eval::search::{Compiler, DocMatches};
use crate::eval::validate::Names;
use crate::model::Document;
use pest::iterators::Pair;

use crate::pack::dsl::{Builder, DslCheck, DslKind, LetLines, Rule as Grammar};
use crate::pack::error::PackError;
use crate::pack::model::{
    AssertCheck, Check, Consistent, Digits, Doubled, Forbid, HalfWidth, Headings, MatchCheck,
    Paired, Require, Sections, Span, StatementCheck, Terms, When,
};
use crate::pack::yaml::{Fields, Node, Reader, Yaml, YamlCheck, YamlKind};
use crate::pack::values::Value;

/// The engine's side of the kind list ([`crate::pack::model::for_each_kind`]): each kind's
/// compiled check, and the dispatch to its module's `MESSAGE_NAMES`, `validate`, `compile`
/// and `evaluate`.
macro_rules! define_kinds {
    ($($(#[$doc:meta])* $variant:ident($model:ident) $name:literal $dsl:literal $module:ident,)*) => {
        $($(#[$doc])* pub mod $module;)*

        /// A rule's check after compilation.
        #[derive(Debug, Clone)]
        pub enum CompiledCheck {
            $($(#[$doc])* $variant($module::Compiled),)*
        }

        /// The names a kind gives its findings for message templates.
        pub fn message_names(check: &Check) -> &'static [&'static str] {
            match check {
                $(Check::$variant(_) => $module::MESSAGE_NAMES,)*
            }
        }

        /// The kind's own checks of a rule; the names its message may use.
        pub fn validate(check: &Check, c: &mut Compiler, errors: &mut Vec<PackError>) -> Option<Names> {
            match check {
                $(Check::$variant(x) => $module::validate(x, c, errors),)*
            }
        }

        /// A validated rule's check, compiled by its kind.
        pub fn compile(check: &Check, c: &mut Compiler) -> Result<CompiledCheck, Vec<PackError>> {
            Ok(match check {
                $(Check::$variant(x) => CompiledCheck::$variant($module::compile(x, c)?),)*
            })
        }

        /// Evaluate a compiled check over a document.
        pub fn evaluate(check: &CompiledCheck, m: &DocMatches) -> Vec<Hit> {
            match check {
                $(CompiledCheck::$variant(x) => $module::evaluate(x, m),)*
            }
        }

        impl DslCheck for Check {
            fn line_rules() -> Vec<Grammar> {
                let mut rules = Vec::new();
                $(rules.extend_from_slice(<$model as DslKind>::LINES);)*
                rules
            }

            fn keywords() -> Vec<&'static str> {
                vec![$($dsl),*]
            }

            fn keyword(&self) -> &'static str {
                match self {
                    $(Check::$variant(_) => $dsl,)*
                }
            }

            fn build(b: &mut Builder<'_>, line: Pair<'_, Grammar>) -> Option<Option<Self>> {
                let rule = line.as_rule();
                $(
                    if <$model as DslKind>::LINES.contains(&rule) {
                        return Some(<$model as DslKind>::dsl_build(b, line).map(Check::$variant));
                    }
                )*
                None
            }

            fn takes_lets(&self) -> bool {
                match self {
                    $(Check::$variant(_) => <$model as DslKind>::TAKES_LETS,)*
                }
            }

            fn take_lets(&mut self, b: &mut Builder<'_>, line: Span, lines: LetLines) -> Option<()> {
                match self {
                    $(Check::$variant(x) => x.dsl_take_lets(b, line, lines),)*
                }
            }

            fn from_lets(lines: &mut LetLines) -> Option<Self> {
                $(
                    if let Some(x) = <$model as DslKind>::dsl_from_lets(lines) {
                        return Some(Check::$variant(x));
                    }
                )*
                None
            }

            fn print(&self, out: &mut String) {
                match self {
                    $(Check::$variant(x) => x.dsl_print(out),)*
                }
            }
        }

        impl YamlCheck for Check {
            fn kind_names() -> &'static [&'static str] {
                Check::KIND_NAMES
            }

            fn modifiers(kind: &str) -> &'static [&'static str] {
                match kind {
                    $($name => <$model as YamlKind>::MODIFIERS,)*
                    _ => &[],
                }
            }

            fn companion(kind: &str) -> Option<&'static str> {
                match kind {
                    $($name => <$model as YamlKind>::COMPANION,)*
                    _ => None,
                }
            }

            fn read(kind: &str, r: &mut Reader<'_>, body: &Node, fields: &Fields<'_>) -> Option<Self> {
                match kind {
                    $($name => <$model as YamlKind>::yaml_read(r, body, fields).map(Check::$variant),)*
                    _ => None,
                }
            }

            fn write(&self, entries: &mut Vec<(&'static str, Yaml)>) {
                match self {
                    $(Check::$variant(x) => x.yaml_write(entries),)*
                }
            }

            fn schema(kind: &str) -> Option<serde_json::Value> {
                match kind {
                    $($name => Some(<$model as YamlKind>::yaml_schema()),)*
                    _ => None,
                }
            }

            fn description(kind: &str) -> String {
                match kind {
                    $($name => <$model as YamlKind>::yaml_description(),)*
                    _ => String::new(),
                }
            }
        }
    };
}
crate::pack::model::for_each_kind!(define_kinds);

/// What a kind reports for one occurrence; the engine adds the rule's metadata.
#[derive(Clone, Debug, Default)]
pub struct Hit {
    pub labels: Vec<Label>,
    /// Values the message template may interpolate.
    pub vars: Vec<(String, Value)>,
    /// Said when the labels point at a stand-in place.
    pub note: Option<String>,
    pub fix: Option<Fix>,
    /// Set when the rule could not be evaluated here (e.g. division by zero).
    pub rule_error: Option<String>,
}

impl Hit {
    pub fn at(labels: Vec<Label>) -> Hit {
        Hit {
            labels,
            ..Hit::default()
        }
    }

    pub fn var(mut self, name: &str, value: Value) -> Hit {
        self.vars.push((name.to_string(), value));
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Hit {
        self.note = Some(note.into());
        self
    }
}

/// The place to point at when what a rule wants is missing from the whole document:
/// the title if there is one, else the first line with text.
pub fn stand_in(doc: &Document) -> (Label, String) {
    if let Some(t) = &doc.title {
        return (
            Label::new(t.span.clone(), Some("本文".to_string())),
            "全文未找到相应内容，标注在标题处".to_string(),
        );
    }
    let span = doc
        .paragraphs
        .first()
        .map(|p| p.span.clone())
        .unwrap_or(0..0);
    let first_char_end = doc.text[span.clone()]
        .chars()
        .next()
        .map_or(span.start, |c| span.start + c.len_utf8());
    (
        Label::new(span.start..first_char_end, Some("本文".to_string())),
        "全文未找到相应内容，标注在正文开头".to_string(),
    )
}

/// Running one rule written in the DSL over a text, for the kind modules' tests.
#[cfg(test)]
pub(crate) mod testing {
    use crate::diag::Finding;
    use crate::eval::load::{self, Form};
    use crate::eval::Engine;
    use crate::model::Document;

    /// Findings of the rules in `rules` (DSL rule definitions) on `text`.
    pub fn findings(rules: &str, text: &str) -> Vec<Finding> {
        let src = format!("pack \"t\"\n{rules}\n");
        let pack = match load::parse("test.rules", &src, Form::Dsl) {
            Ok(p) => p,
            Err(e) => panic!("test pack does not load: {:?}", e.errors),
        };
        let engine = Engine::new(&pack.rule_set());
        engine.check(&Document::parse(text.to_string()))
    }

    /// The text each finding's first label points at.
    pub fn flagged(rules: &str, text: &str) -> Vec<String> {
        findings(rules, text)
            .iter()
            .map(|f| {
                f.labels
                    .first()
                    .and_then(|l| text.get(l.span.clone()))
                    .unwrap_or_default()
                    .to_string()
            })
            .collect()
    }

    /// Messages of the findings.
    pub fn messages(rules: &str, text: &str) -> Vec<String> {
        findings(rules, text)
            .into_iter()
            .map(|f| f.message)
            .collect()
    }
}
