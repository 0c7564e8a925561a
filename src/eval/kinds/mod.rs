//! Rule kinds. Each module is one kind, all of it in one place: what it means and how it is
//! written (module doc); its model, the struct a rule of the kind holds; its syntax in the
//! DSL and in YAML (`syntax`: built from the pest parse tree and printed back, read from the
//! YAML tree and written back, its part of the JSON schema, through the front ends' traits
//! [`DslKind`] and [`YamlKind`]); what validation checks of a rule (`validate`, and the names
//! its messages may use, `MESSAGE_NAMES`), how it is compiled (`compile`, into the pack's
//! leaf table) and evaluated on a document (`evaluate`); and its tests.
//!
//! The kinds are listed once, in `for_each_kind!`: that list makes the kind modules
//! themselves, [`Check`] (one variant per kind's model), the front ends' view of the kinds
//! ([`DslCheck`] and [`YamlCheck`] for [`Check`]: keyword and key tables, dispatch to each
//! kind's syntax), [`CompiledCheck`] and the dispatch to each module ([`validate`],
//! [`compile`], [`evaluate`], [`message_names`]). The rule model of `crate::pack::model` is
//! generic over the check; [`Pack`] and [`Rule`] are that model with these kinds.

use crate::diag::{Fix, Label};
use crate::eval::search::{Compiler, DocMatches};
use crate::eval::validate::Names;
use crate::model::Document;
use pest::iterators::Pair;

use crate::pack::dsl::{Builder, DslCheck, DslKind, LetLines, Rule as Grammar};
use crate::pack::error::PackError;
use crate::pack::model::Span;
use crate::pack::values::Value;
use crate::pack::yaml::{Fields, Node, Reader, Yaml, YamlCheck, YamlKind};

/// A rule pack whose rules check these kinds.
pub type Pack = crate::pack::model::Pack<Check>;
/// A rule of one of these kinds.
pub type Rule = crate::pack::model::Rule<Check>;

/// The rule kinds, each once: the variant of [`Check`] and the model type it holds, the
/// kind's name (its YAML key, its name in messages), the words that start it in the DSL, and
/// its module (`src/eval/kinds/<module>.rs`). `for_each_kind!(m)` calls the macro `m` with
/// the list; every list of kinds is made from it (see the module doc).
///
/// Adding a kind takes five files:
/// 1. its line here;
/// 2. its module `src/eval/kinds/<module>.rs`, holding all of it: the model struct, `impl
///    DslKind` (the grammar rule of its line, build from the parse tree with the
///    [`Builder`]'s helpers, print with `crate::pack::dsl::print`'s), `impl YamlKind` (its
///    modifier keys, read with the [`Reader`]'s helpers, write as [`Yaml`] entries, its JSON
///    schema and description), `MESSAGE_NAMES`, `validate`, `compile`, `evaluate`, and tests;
/// 3. its lines in `grammar/pack.pest`: the kind's rule, added to `rule_item`, and its keyword
///    `kw_<word>`; syntax errors call the kind's rule by the kind's DSL words, and any other
///    grammar rule that `pack::dsl::errors` does not name by what it reads as (`kw_tabs` as
///    `` `tabs` ``);
/// 4. a fixture under `tests/fixtures/`;
/// 5. its section in README.md.
///
/// The description in the JSON schema is the kind's own (`YamlKind::yaml_description`): a
/// catalogue key `schema-kind-<name>` in both `locales/*.ftl` when it should be translated,
/// or a text of its own.
macro_rules! for_each_kind {
    ($then:ident) => {
        $then! {
            /// Text must appear (kind `require`).
            Require(Require) "require" "require" require,
            /// Text must not appear (kind `forbid`).
            Forbid(Forbid) "forbid" "forbid" forbid,
            /// A pattern with typed captures, and assertions over the captured values (kind `match`).
            Match(MatchCheck) "match" "match" matching,
            /// The quantity statements the analyser finds, one kind of them (kind `match statement`).
            Statement(StatementCheck) "statement" "match statement" statements,
            /// A quantity named in several places must have one value (kind `consistent`).
            Consistent(Consistent) "consistent" "consistent" consistent,
            /// When a condition holds, a requirement must hold (kind `when`).
            When(When) "when" "when" when,
            /// Required sections, optionally in order (kind `sections`).
            Sections(Sections) "sections" "sections" sections,
            /// Heading numbering continuity / level order (kind `headings`).
            Headings(Headings) "headings" "headings" headings,
            /// Assertion over document facts such as the report year and document date (kind `assert`).
            Assert(AssertCheck) "assert" "assert" assert,
            /// Paired punctuation must be balanced (kind `paired`).
            Paired(Paired) "paired" "paired" paired,
            /// Half-width punctuation in Chinese running text (kind `halfwidth`).
            HalfWidth(HalfWidth) "halfwidth" "halfwidth" halfwidth,
            /// Wrong phrases and their right form, from a list (kind `terms`).
            Terms(Terms) "terms" "terms" terms,
            /// A character typed twice (kind `doubled`).
            Doubled(Doubled) "doubled" "doubled" doubled,
            /// Full-width digits in figures (kind `digits`).
            Digits(Digits) "digits" "digits" digits,
        }
    };
}

/// Makes everything of the kind list (`for_each_kind!`): the kind modules, [`Check`] and its
/// names, the front ends' traits for [`Check`], each kind's compiled check, and the dispatch to
/// its module's `MESSAGE_NAMES`, `validate`, `compile` and `evaluate`.
macro_rules! define_kinds {
    ($($(#[$doc:meta])* $variant:ident($model:ident) $name:literal $dsl:literal $module:ident,)*) => {
        $($(#[$doc])* pub mod $module;)*
        $(pub use $module::$model;)*

        /// What a rule checks. One variant per rule kind (see `for_each_kind!`); each kind's
        /// model lives in its own module.
        #[derive(Clone, Debug, PartialEq)]
        pub enum Check {
            $($(#[$doc])* $variant($model),)*
        }

        impl Check {
            /// The kinds' names, in the order of the kind list.
            pub const KIND_NAMES: &'static [&'static str] = &[$($name),*];

            /// The words that start each kind in the DSL, in the order of the kind list.
            pub fn dsl_keywords() -> impl Iterator<Item = &'static str> {
                [$($dsl),*].into_iter()
            }

            /// The kind's name: its key in YAML, its name in messages.
            pub fn kind_name(&self) -> &'static str {
                match self {
                    $(Check::$variant(_) => $name,)*
                }
            }

            /// The words that start the check in the DSL (`match statement` for kind
            /// `statement`).
            pub fn dsl_keyword(&self) -> &'static str {
                match self {
                    $(Check::$variant(_) => $dsl,)*
                }
            }
        }

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
                self.dsl_keyword()
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

            fn precedence(kind: &str) -> u8 {
                match kind {
                    $($name => <$model as YamlKind>::PRECEDENCE,)*
                    _ => 0,
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
                    $($name => {
                        let own = <$model as YamlKind>::yaml_description();
                        if own.is_empty() {
                            crate::tr!("schema-kind-other", kind = $name)
                        } else {
                            own
                        }
                    })*
                    _ => String::new(),
                }
            }
        }
    };
}
for_each_kind!(define_kinds);

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

#[cfg(test)]
mod kind_list_tests {
    use super::Check;
    use crate::i18n::{with_lang, Lang};
    use crate::pack::yaml::YamlCheck;

    /// Each kind has its own name and its own DSL words; the first DSL word of a kind is its
    /// name or, for `match statement`, the word of another kind it extends.
    #[test]
    fn the_kind_list_names_each_kind_once() {
        let names = Check::KIND_NAMES;
        let mut unique = names.to_vec();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "{names:?}");
        let dsl: Vec<&str> = Check::dsl_keywords().collect();
        assert_eq!(dsl.len(), names.len());
        for (name, words) in names.iter().zip(&dsl) {
            let first = words.split(' ').next().unwrap_or(words);
            assert!(first == *name || names.contains(&first), "{name}: {words}");
        }
    }

    /// The help for a rule without a check names every kind, from the kind list:
    /// "`require`, `forbid`, `match`, `match statement`, … or `digits`".
    #[test]
    fn the_help_names_the_kinds_in_the_order_of_the_kind_list() {
        let words: Vec<String> = Check::dsl_keywords().map(|w| format!("`{w}`")).collect();
        let (last, rest) = words.split_last().expect("kinds");
        assert!(rest.len() > 10, "{words:?}");
        assert_eq!(
            with_lang(Lang::En, crate::pack::dsl::check_keywords::<Check>),
            format!("{} or {last}", rest.join(", "))
        );
        assert!(words[..4].join(", ") == "`require`, `forbid`, `match`, `match statement`");
    }

    /// Every kind has its schema and a description in both languages: a kind added to the
    /// list without them fails here.
    #[test]
    fn every_kind_has_a_schema_and_a_description() {
        assert_eq!(Check::kind_names(), Check::KIND_NAMES);
        for kind in Check::KIND_NAMES {
            assert!(Check::schema(kind).is_some(), "kind `{kind}` has no schema");
            for lang in [Lang::En, Lang::Zh] {
                let description = with_lang(lang, || Check::description(kind));
                assert!(
                    !description.is_empty(),
                    "kind `{kind}` has no description in {lang:?}"
                );
            }
        }
    }
}
