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

use super::{require, Hit};
use crate::diag::Label;
use crate::eval::search::{CompiledMatcher, CompiledScope, Compiler, DocMatches, LeafId};
use crate::eval::validate::{captures_of, check_scope, compile_into, expect_condition, Names};
use crate::eval::Bindings;
use crate::pack::error::PackError;
use crate::pack::expr::Expr;
use crate::pack::model::{Condition, When};
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
