//! Kind `match`: a pattern with typed captures, and assertions over the captured values.
//!
//! For every match of the pattern the `let` bindings are computed in order, then every
//! assertion is checked. A failed assertion is a finding labelled at each capture with its
//! value; an assertion that reads an approximate figure (120余起) or a missing value is not
//! applicable and says nothing; one that cannot be computed (division by zero) is reported
//! as a problem of the rule at that place, never a crash.
//!
//! ```text
//! rule mediation-rate {
//!   message "调解成功率与数字不符：成功{ok}件、受理{total}件，报告写{rate}"
//!   match pattern "受理{…}{total:count}件{…}成功{ok:count}件{…}成功率{达|为}?{rate:percent}"
//!   assert total == 0 or rate ~= ok / total within 1%
//!   pass "全年受理矛盾纠纷200件，调解成功196件，调解成功率98%。"
//!   fail "全年受理矛盾纠纷200件，调解成功180件，调解成功率98%。"
//! }
//! ```

use super::Hit;
use crate::diag::Label;
use crate::eval::search::{CompiledScope, Compiler, DocMatches, LeafId, LeafMatch};
use crate::eval::validate::{captures_of, check_lets, check_scope, expect_condition, Names};
use crate::eval::Bindings;
use crate::pack::error::PackError;
use crate::pack::expr::{Expr, ExprKind};
use crate::pack::model::{Let, Matcher, Scope};
use crate::pack::values::{self, format_value, AssertResult, Value};

#[derive(Debug, Clone)]
pub struct Compiled {
    pub pattern: Vec<LeafId>,
    pub scope: CompiledScope,
    pub lets: Vec<Let>,
    pub asserts: Vec<Expr>,
}

/// Kind `match`: for every match of `pattern` (inside one sentence unless scoped otherwise),
/// compute the `let` bindings and check every assertion. A failed assertion is a finding.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchCheck {
    pub pattern: Matcher,
    pub scope: Scope,
    pub lets: Vec<Let>,
    pub asserts: Vec<Expr>,
}

/// The names this kind gives its findings for message templates, beside captures, `let`s,
/// facts, `match` and `count`.
pub const MESSAGE_NAMES: &[&str] = &[];

/// What validation checks of a rule of this kind; the names its message may use.
pub fn validate(
    check: &MatchCheck,
    c: &mut Compiler,
    errors: &mut Vec<PackError>,
) -> Option<Names> {
    let names = captures_of(&check.pattern, c, errors);
    check_scope(&check.scope, c, errors);
    let mut names = names?;
    check_lets(&check.lets, &mut names, errors);
    for assertion in &check.asserts {
        expect_condition(assertion, &names, errors);
    }
    Some(names)
}

pub fn compile(mc: &MatchCheck, c: &mut Compiler) -> Result<Compiled, Vec<PackError>> {
    let pattern = c.leaves(&mc.pattern)?;
    let scope = c.scope(&mc.scope)?;
    Ok(Compiled {
        pattern,
        scope,
        lets: mc.lets.clone(),
        asserts: mc.asserts.clone(),
    })
}

/// Bindings of one match: its captures, then the `let`s. `Err` carries a rule-time error.
pub fn bind<'f>(
    lm: &LeafMatch,
    lets: &[Let],
    facts: &'f crate::model::Facts,
) -> Result<Bindings<'f>, String> {
    let mut b = Bindings::new(facts);
    for c in &lm.captures {
        if let Some(v) = &c.value {
            b.set(&c.name, v.clone());
        }
    }
    for l in lets {
        match values::eval(&l.value, &b) {
            Ok(v) => b.set(&l.name.value, v),
            Err(e) => return Err(format!("`let {} = {}`: {e}", l.name.value, l.value)),
        }
    }
    Ok(b)
}

/// The name an assertion compares on its left, if it is a plain name.
pub(super) fn left_name(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Approx { left, .. } | ExprKind::Compare { left, .. } => match &left.kind {
            ExprKind::Name(n) => Some(n),
            _ => None,
        },
        _ => None,
    }
}

/// The value an assertion compares against (its right side), for the finding's labels.
pub(super) fn right_value(e: &Expr, b: &Bindings) -> Option<Value> {
    match &e.kind {
        ExprKind::Approx { right, .. } | ExprKind::Compare { right, .. } => {
            values::eval(right, b).ok()
        }
        _ => None,
    }
}

/// Labels for a failed match: every capture with its value; the compared one first.
pub fn capture_labels(
    lm: &LeafMatch,
    text: &str,
    first: Option<&str>,
    computed: Option<&Value>,
) -> Vec<Label> {
    let mut labels = Vec::new();
    let mut caps: Vec<_> = lm.captures.iter().collect();
    caps.sort_by_key(|c| (Some(c.name.as_str()) != first, c.span.start));
    for c in caps {
        let shown = text.get(c.span.clone()).unwrap_or_default();
        let mut label = format!("{} = {shown}", c.name);
        if Some(c.name.as_str()) == first {
            if let Some(v) = computed {
                // A computed value is a ratio only when it is compared with a percentage;
                // a year or a count compared with arithmetic stays a plain number.
                let spec = match c.value {
                    Some(Value::Number { percent: true, .. }) => Some("%"),
                    _ => None,
                };
                label.push_str(&format!("，计算得 {}", format_value(v, spec)));
            }
        }
        labels.push(Label::new(c.span.clone(), Some(label)));
    }
    if labels.is_empty() {
        labels.push(Label::new(lm.span.clone(), None));
    }
    labels
}

pub fn evaluate(mc: &Compiled, m: &DocMatches) -> Vec<Hit> {
    let doc = m.doc;
    let mut hits = Vec::new();
    for unit in m.units(&mc.scope) {
        for lm in m.leaves_in(&mc.pattern, &unit) {
            let b = match bind(lm, &mc.lets, &doc.facts) {
                Ok(b) => b,
                Err(e) => {
                    hits.push(Hit {
                        labels: vec![Label::new(lm.span.clone(), None)],
                        rule_error: Some(e),
                        ..Hit::default()
                    });
                    continue;
                }
            };
            for a in &mc.asserts {
                match values::check(a, &b) {
                    Ok(AssertResult::Pass) | Ok(AssertResult::NotApplicable) => {}
                    Ok(AssertResult::Fail) => {
                        let computed = right_value(a, &b);
                        let labels = capture_labels(lm, &doc.text, left_name(a), computed.as_ref());
                        let mut hit = Hit::at(labels);
                        hit.vars = b.vars();
                        if let Some(v) = computed {
                            if !hit.vars.iter().any(|(n, _)| n == "computed") {
                                hit.vars.push(("computed".to_string(), v));
                            }
                        }
                        hits.push(hit);
                        break;
                    }
                    Err(e) => {
                        hits.push(Hit {
                            labels: capture_labels(lm, &doc.text, None, None),
                            rule_error: Some(format!("`assert {a}`: {e}")),
                            ..Hit::default()
                        });
                        break;
                    }
                }
            }
        }
    }
    hits
}

/// How a `match` rule is written: `match MATCHER [in SCOPE]` with `let` and `assert` lines in
/// the DSL, `match: MATCHER` with `scope:`, `let:` and `assert:` in YAML.
mod syntax {
    use pest::iterators::Pair;
    use serde_json::Value as Json;

    use crate::pack::dsl::print::{lets_and_asserts, scope_suffix, wrapped_line};
    use crate::pack::dsl::{Builder, DslKind, LetLines, Rule as G};
    use crate::pack::error::PackError;
    use crate::pack::model::{Scope, Span};
    use super::MatchCheck;
    use crate::pack::yaml::schema::reference;
    use crate::pack::yaml::write::{asserts_entry, lets_entry, matcher_yaml, scope_entry};
    use crate::pack::yaml::{Fields, Node, Reader, Yaml, YamlKind};

    impl DslKind for MatchCheck {
        const LINES: &'static [G] = &[G::match_check];
        const TAKES_LETS: bool = true;

        fn dsl_build(b: &mut Builder<'_>, pair: Pair<'_, G>) -> Option<Self> {
            let mut pattern = None;
            let mut scope = Some(Scope::Document);
            for part in pair.into_inner() {
                match part.as_rule() {
                    G::matcher => pattern = b.matcher(part),
                    G::scope => scope = b.scope(part),
                    _ => {}
                }
            }
            Some(MatchCheck {
                pattern: pattern?,
                scope: scope?,
                lets: Vec::new(),
                asserts: Vec::new(),
            })
        }

        /// A `match` needs at least one `assert`.
        fn dsl_take_lets(&mut self, b: &mut Builder<'_>, line: Span, mut lines: LetLines) -> Option<()> {
            if lines.asserts.is_empty() {
                if lines.wrote_assert {
                    return None;
                }
                b.error(
                    PackError::new(crate::tr!("build-match-rule-needs-assert"), line)
                        .with_label(crate::tr!("build-nothing-checked-for-these"))
                        .with_help(crate::tr!("build-add-assert-over-captured")),
                );
                return None;
            }
            self.lets = lines.take_lets();
            self.asserts = lines.take_asserts();
            Some(())
        }

        fn dsl_print(&self, out: &mut String) {
            let text = format!("match {}{}", self.pattern, scope_suffix(&self.scope));
            wrapped_line(out, 1, &text);
            lets_and_asserts(out, &self.lets, &self.asserts);
        }
    }

    impl YamlKind for MatchCheck {
        const MODIFIERS: &'static [&'static str] = &["scope", "let"];
        const COMPANION: Option<&'static str> = Some("assert");
        const PRECEDENCE: u8 = 1;

        fn yaml_read(r: &mut Reader<'_>, pattern: &Node, fields: &Fields<'_>) -> Option<Self> {
            let pattern = r.matcher(pattern);
            let scope = r.scope_field(fields);
            let lets = r.lets(fields);
            let asserts = r.asserts(fields);
            Some(MatchCheck {
                pattern: pattern?,
                scope: scope?,
                lets: lets?,
                asserts: asserts?,
            })
        }

        fn yaml_write(&self, entries: &mut Vec<(&'static str, Yaml)>) {
            entries.push(("match", matcher_yaml(&self.pattern)));
            scope_entry(&self.scope, entries);
            lets_entry(&self.lets, entries);
            asserts_entry(&self.asserts, entries);
        }

        fn yaml_schema() -> Json {
            reference("matcher")
        }

        fn yaml_description() -> String {
            crate::i18n::text("schema-kind-match", &[])
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::eval::kinds::testing::{findings, messages};

    fn rate_rule(tolerance: &str) -> String {
        format!(
            r#"rule r {{
              message "结案率{{rate}}与{{part}}/{{total}}不符"
              match pattern "结案率{{rate:percent}}（{{part:count}}/{{total:count}}）"
              assert rate ~= part / total within {tolerance}
            }}"#
        )
    }

    /// Which of the computed rates 94.0% … 97.0% (in steps of 0.1 point) a rate written as
    /// 95% accepts under `tolerance`.
    fn accepted(tolerance: &str) -> (f64, f64) {
        let rule = rate_rule(tolerance);
        let ok: Vec<f64> = (940..=970)
            .filter(|part| messages(&rule, &format!("结案率95%（{part}/1000）")).is_empty())
            .map(|part| f64::from(part) / 10.0)
            .collect();
        (ok[0], ok[ok.len() - 1])
    }

    #[test]
    fn a_tolerance_in_points_is_widened_by_written_precision_unless_exactly() {
        // A whole percentage stands for 94.5% up to (excluding) 96%: plus 0.5 point either way.
        assert_eq!(accepted("0.5%"), (94.0, 96.4));
        assert_eq!(accepted("0.5 points"), (94.0, 96.4));
        // `exactly`: what is written is what is compared.
        assert_eq!(accepted("0.5 points exactly"), (94.5, 95.5));
        assert_eq!(accepted("0.5% exactly"), (94.5, 95.5));
        assert_eq!(accepted("0 points exactly"), (95.0, 95.0));
        // Relative: 1% of the computed rate (about 0.95 point).
        assert_eq!(accepted("1% relative exactly"), (94.1, 95.9));
    }

    const SAME_UNIT: &str = r#"rule r {
      message "分项之和{sum}与总数{total}不符"
      match pattern "受理{…}{total:count}{…}其中{parts:counts(=total)}。"
      let sum = sum(parts)
      assert sum == total
    }"#;

    #[test]
    fn parts_of_the_same_unit_as_the_total_whatever_the_unit() {
        let ok = [
            "共受理纠纷120件，其中调解成功100件、涉及群众300人、调解不成功20件。",
            "共受理来信22封，其中转办12封、直接办理10封、涉及群众46人。",
            "共受理申请15人次，其中当场办结12人次、转办3人次，涉及企业4家。",
        ];
        for text in ok {
            assert!(messages(SAME_UNIT, text).is_empty(), "{text}");
        }
        assert_eq!(
            messages(
                SAME_UNIT,
                "共受理纠纷120件，其中调解成功100件、涉及群众300人、调解不成功30件。"
            ),
            ["分项之和130与总数120不符"]
        );
        assert_eq!(
            messages(SAME_UNIT, "共受理来信22封，其中转办12封、直接办理9封、涉及群众46人。"),
            ["分项之和21与总数22不符"]
        );
    }

    #[test]
    fn same_unit_names_a_number_capture_of_the_pattern() {
        for bad in ["{parts:counts(=totl)}", "{parts:counts(=name)}"] {
            let src = format!(
                "pack \"t\"\nrule r {{ message \"m\" match pattern \"{{name:text}}受理{{total:count}}件，其中{bad}。\" assert sum(parts) == total }}\n"
            );
            let refused = crate::eval::load::parse("t.rules", &src, crate::eval::load::Form::Dsl);
            assert!(refused.is_err(), "{bad}");
        }
    }

    #[test]
    fn points_take_a_plain_number() {
        for bad in ["0.5% points", "1 relative points"] {
            let src = format!("pack \"t\"\n{}\n", rate_rule(bad));
            let refused = crate::eval::load::parse("t.rules", &src, crate::eval::load::Form::Dsl);
            assert!(refused.is_err(), "{bad}");
        }
    }

    const RATE: &str = r#"rule r {
      message "成功 {part} / 共 {total} = {computed:%}，报告写 {rate}"
      match pattern "{total:count}件{…}成功{part:count}件{…}成功率{达|为}?{rate:percent}"
      let computed = part / total
      assert rate ~= computed within 1%
    }"#;

    #[test]
    fn a_wrong_rate_is_labelled_at_rate_part_and_total() {
        let text = "共受理纠纷290件，调解成功288件，调解成功率达97%。";
        let found = findings(RATE, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "成功 288 / 共 290 = 99.31%，报告写 97%");
        let labels: Vec<(&str, String)> = found[0]
            .labels
            .iter()
            .map(|l| (&text[l.span.clone()], l.text.clone().unwrap_or_default()))
            .collect();
        assert_eq!(labels[0], ("97%", "rate = 97%，计算得 99.31%".to_string()));
        assert!(labels.contains(&("290", "total = 290".to_string())));
        assert!(labels.contains(&("288", "part = 288".to_string())));
    }

    #[test]
    fn a_rate_rounded_as_written_passes() {
        assert!(messages(RATE, "共受理纠纷290件，调解成功288件，调解成功率达99%。").is_empty());
        assert!(messages(RATE, "共办理73件，成功68件，成功率为93.15%。").is_empty());
    }

    #[test]
    fn approximate_figures_never_give_an_arithmetic_finding() {
        assert!(messages(RATE, "共调处纠纷120余件，调解成功100件，成功率达99%。").is_empty());
    }

    #[test]
    fn numbers_that_do_not_fit_the_pattern_are_not_checked() {
        assert!(messages(RATE, "共调解608件，排查138件，预防11件，调解成功率97.8%。").is_empty());
    }

    #[test]
    fn division_by_zero_is_a_diagnostic_about_the_rule() {
        let found = findings(RATE, "共受理纠纷0件，调解成功0件，调解成功率达100%。");
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .message
                .starts_with(&crate::tr!("eval-rule-error", error = "")),
            "{}",
            found[0].message
        );
        assert!(found[0].message.contains("zero"), "{}", found[0].message);
    }

    #[test]
    fn sums_over_repeated_captures() {
        let rule = r#"rule r { message "{parts} > {total}" match pattern "共有{total:count}人，其中{parts:counts(人)}" assert sum(parts) <= total }"#;
        assert!(messages(
            rule,
            "共有22人，其中公务员11人，事业编9人，其他2人，16名干部持证。"
        )
        .is_empty());
        assert_eq!(
            messages(rule, "共有22人，其中公务员15人，事业编9人。"),
            ["15、9 > 22"]
        );
    }
}
