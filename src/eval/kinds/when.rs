//! Kind `when`: if a condition holds in the document, a requirement must hold too.
//!
//! The condition is a mention (`when "行政诉讼"`) or a pattern match whose assertion holds
//! for some match (`when match pattern "行政诉讼案件{n:count}件" if n > 0`). The finding
//! points at the text that made the condition true, since that is where the reader will
//! look for the missing statement.
//!
//! ```text
//! rule court-appearance {
//!   message "写了行政诉讼，没有写负责人出庭应诉的情况"
//!   when "行政诉讼" require any("出庭应诉", "出庭")
//!   pass "全年发生行政诉讼案件3件，行政机关负责人出庭应诉3件。"
//!   fail "全年发生行政诉讼案件3件，均已审结。"
//! }
//! ```

use super::require::Require;
use super::{require, Hit};
use crate::diag::Label;
use crate::eval::search::{CompiledMatcher, CompiledScope, Compiler, DocMatches, LeafId};
use crate::eval::validate::{captures_of, check_scope, compile_into, expect_condition, Names};
use crate::eval::Bindings;
use crate::pack::error::PackError;
use crate::pack::expr::Expr;
use crate::pack::model::{Matcher, Scope};
use crate::pack::values::{self, AssertResult};

#[derive(Debug, Clone)]
pub enum CompiledCondition {
    Mentions {
        what: CompiledMatcher,
        scope: CompiledScope,
    },
    Match {
        pattern: Vec<LeafId>,
        test: Option<Expr>,
    },
}

#[derive(Debug, Clone)]
pub struct Compiled {
    pub condition: CompiledCondition,
    pub then: require::Compiled,
}

/// Kind `when`: if `condition` holds in the document, `then` must hold.
#[derive(Clone, Debug, PartialEq)]
pub struct When {
    pub condition: Condition,
    pub then: Require,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Condition {
    /// The matcher is found in the scope.
    Mentions { what: Matcher, scope: Scope },
    /// Some match of the pattern satisfies the assertion (or any match, without one).
    Match {
        pattern: Matcher,
        test: Option<Expr>,
    },
}

/// The names this kind gives its findings for message templates, beside captures, `let`s,
/// facts, `match` and `count`.
pub const MESSAGE_NAMES: &[&str] = &[];

/// What validation checks of a rule of this kind; the names its message may use.
pub fn validate(when: &When, c: &mut Compiler, errors: &mut Vec<PackError>) -> Option<Names> {
    match &when.condition {
        Condition::Mentions { what, scope } => {
            compile_into(what, c, errors);
            check_scope(scope, c, errors);
            require::check(&when.then, c, errors);
            Some(Names::default())
        }
        Condition::Match { pattern, test } => {
            let names = captures_of(pattern, c, errors);
            require::check(&when.then, c, errors);
            let names = names?;
            if let Some(test) = test {
                expect_condition(test, &names, errors);
            }
            Some(names)
        }
    }
}

pub fn compile(w: &When, c: &mut Compiler) -> Result<Compiled, Vec<PackError>> {
    let condition = match &w.condition {
        Condition::Mentions { what, scope } => CompiledCondition::Mentions {
            what: c.matcher(what)?,
            scope: c.scope(scope)?,
        },
        Condition::Match { pattern, test } => CompiledCondition::Match {
            pattern: c.leaves(pattern)?,
            test: test.clone(),
        },
    };
    Ok(Compiled {
        condition,
        then: require::compile(&w.then, c)?,
    })
}

/// Where the condition holds, if it does: the spans that make it true.
fn condition_evidence(cond: &CompiledCondition, m: &DocMatches) -> Option<Vec<crate::model::Span>> {
    match cond {
        CompiledCondition::Mentions { what, scope } => {
            m.unit_pieces(scope).into_iter().find_map(|pieces| {
                let (n, spans) = m.count_pieces(what, &pieces);
                (n > 0).then_some(spans)
            })
        }
        CompiledCondition::Match { pattern, test } => {
            let whole = 0..m.doc.text.len();
            m.leaves_in(pattern, &whole).into_iter().find_map(|lm| {
                let ok = match test {
                    None => true,
                    Some(t) => {
                        let mut b = Bindings::new(&m.doc.facts);
                        for c in &lm.captures {
                            if let Some(v) = &c.value {
                                b.set(&c.name, v.clone());
                            }
                        }
                        matches!(values::check(t, &b), Ok(AssertResult::Pass))
                    }
                };
                ok.then(|| vec![lm.span.clone()])
            })
        }
    }
}

pub fn evaluate(w: &Compiled, m: &DocMatches) -> Vec<Hit> {
    let Some(evidence) = condition_evidence(&w.condition, m) else {
        return Vec::new();
    };
    if require::holds(&w.then, m).is_ok() {
        return Vec::new();
    }
    let labels = evidence
        .into_iter()
        .take(3)
        .map(|s| Label::new(s, Some("据此应有相应内容".to_string())))
        .collect();
    vec![Hit::at(labels).note("标注在引出此项要求的内容处")]
}

/// How a `when` rule is written: `when CONDITION require …` in the DSL (the condition is a
/// matcher with an optional scope, or `match MATCHER [if EXPR]`), `when:` with `require:`
/// (and `min:`, `scope:`) in YAML.
mod syntax {
    use pest::iterators::Pair;
    use serde_json::Value as Json;

    use super::super::require::syntax as require;
    use crate::pack::dsl::print::{scope_suffix, wrapped_line};
    use crate::pack::dsl::{Builder, DslKind, Rule as G};
    use crate::pack::error::PackError;
    use crate::pack::model::Scope;
    use super::{Condition, When};
    use crate::pack::yaml::node::Value;
    use crate::pack::yaml::schema::reference;
    use crate::pack::yaml::write::{map, matcher_yaml, scope_yaml};
    use crate::pack::yaml::{Fields, Node, Reader, Yaml, YamlKind};

    impl DslKind for When {
        const LINES: &'static [G] = &[G::when];

        fn dsl_build(b: &mut Builder<'_>, pair: Pair<'_, G>) -> Option<Self> {
            let mut condition = None;
            let mut then = None;
            for part in pair.into_inner() {
                match part.as_rule() {
                    G::match_condition => condition = match_condition(b, part),
                    G::mention_condition => condition = mention_condition(b, part),
                    G::require_then => then = require::body(b, part.into_inner()),
                    _ => {}
                }
            }
            Some(When {
                condition: condition?,
                then: then?,
            })
        }

        fn dsl_print(&self, out: &mut String) {
            let condition = match &self.condition {
                Condition::Mentions { what, scope } => format!("{what}{}", scope_suffix(scope)),
                Condition::Match { pattern, test } => match test {
                    Some(test) => format!("match {pattern} if {test}"),
                    None => format!("match {pattern}"),
                },
            };
            let text = format!(
                "when {condition} require {}",
                require::dsl_text(&self.then)
            );
            wrapped_line(out, 1, &text);
        }
    }

    fn match_condition(b: &mut Builder<'_>, pair: Pair<'_, G>) -> Option<Condition> {
        let mut pattern = None;
        let mut test = Some(None);
        for part in pair.into_inner() {
            match part.as_rule() {
                G::matcher => pattern = b.matcher(part),
                G::expr => test = b.expr(part).map(Some),
                _ => {}
            }
        }
        Some(Condition::Match {
            pattern: pattern?,
            test: test?,
        })
    }

    fn mention_condition(b: &mut Builder<'_>, pair: Pair<'_, G>) -> Option<Condition> {
        let mut what = None;
        let mut scope = Some(Scope::Document);
        for part in pair.into_inner() {
            match part.as_rule() {
                G::matcher => what = b.matcher(part),
                G::scope => scope = b.scope(part),
                _ => {}
            }
        }
        Some(Condition::Mentions {
            what: what?,
            scope: scope?,
        })
    }

    impl YamlKind for When {
        const MODIFIERS: &'static [&'static str] = &["scope", "min"];
        const COMPANION: Option<&'static str> = Some("require");
        const PRECEDENCE: u8 = 2;

        fn yaml_read(r: &mut Reader<'_>, condition: &Node, fields: &Fields<'_>) -> Option<Self> {
            let condition = yaml_condition(r, condition);
            let then = match fields.entry("require") {
                Some((_, what)) => require::read(r, what, fields),
                None => {
                    let key = fields.entry("when").map(|(k, _)| k.span.clone());
                    r.error(
                        PackError::new(
                            crate::tr!("yaml-when-rule-needs-require"),
                            key.unwrap_or_default(),
                        )
                        .with_label(crate::tr!("yaml-then-what")),
                    );
                    None
                }
            };
            Some(When {
                condition: condition?,
                then: then?,
            })
        }

        fn yaml_write(&self, entries: &mut Vec<(&'static str, Yaml)>) {
            let condition = match &self.condition {
                Condition::Mentions {
                    what,
                    scope: Scope::Document,
                } => matcher_yaml(what),
                Condition::Mentions { what, scope } => map(vec![
                    ("mention", matcher_yaml(what)),
                    ("scope", scope_yaml(scope)),
                ]),
                Condition::Match { pattern, test } => {
                    let mut condition = vec![("match", matcher_yaml(pattern))];
                    if let Some(test) = test {
                        condition.push(("if", Yaml::Text(test.to_string())));
                    }
                    map(condition)
                }
            };
            entries.push(("when", condition));
            require::yaml_entries(&self.then, entries);
        }

        fn yaml_schema() -> Json {
            reference("condition")
        }

        fn yaml_description() -> String {
            crate::i18n::text("schema-kind-when", &[])
        }
    }

    fn yaml_condition(r: &mut Reader<'_>, node: &Node) -> Option<Condition> {
        let Value::Map(entries) = &node.value else {
            let what = r.matcher(node)?;
            return Some(Condition::Mentions {
                what,
                scope: Scope::Document,
            });
        };
        let has = |key: &str| entries.iter().any(|(k, _)| k.value.as_str() == Some(key));
        if has("match") {
            let fields = r.fields(node, &["match", "if"], "a `when` condition")?;
            let pattern = fields.get("match").and_then(|n| r.matcher(n));
            let test = match fields.get("if") {
                Some(n) => Some(r.expr(n)?),
                None => None,
            };
            Some(Condition::Match {
                pattern: pattern?,
                test,
            })
        } else if has("mention") {
            let fields = r.fields(node, &["mention", "scope"], "a `when` condition")?;
            let what = fields.get("mention").and_then(|n| r.matcher(n));
            let scope = r.scope_field(&fields);
            Some(Condition::Mentions {
                what: what?,
                scope: scope?,
            })
        } else {
            let what = r.matcher(node)?;
            Some(Condition::Mentions {
                what,
                scope: Scope::Document,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::eval::kinds::testing::{flagged, messages};

    #[test]
    fn condition_met_and_requirement_missing_points_at_the_condition() {
        let rule = r#"rule r { message "m" when /行政诉讼|行政应诉/ require "出庭" }"#;
        assert_eq!(
            flagged(rule, "某镇报告\n今年办理行政应诉案件2起。\n"),
            ["行政应诉"]
        );
        assert!(messages(rule, "办理行政诉讼案件3件，负责人出庭应诉3件。").is_empty());
        assert!(messages(rule, "开展普法宣传。").is_empty());
    }

    #[test]
    fn a_match_condition_with_a_test() {
        let rule = r#"rule r { message "m" when match pattern "行政诉讼案件{n:count}件" if n > 0 require "出庭应诉" }"#;
        assert_eq!(messages(rule, "行政诉讼案件3件。").len(), 1);
        assert!(messages(rule, "行政诉讼案件0件。").is_empty());
    }
}
