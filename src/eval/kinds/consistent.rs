//! Kind `consistent`: a quantity named in several places must have one value.
//!
//! Every match of the pattern in the document gives a value for the named capture
//! (`16名干部取得行政执法证` … `已有16名干部取得行政执法证`). Approximate figures are left
//! out. When the exact values disagree, one finding points at the first place that differs
//! from the first value, with every occurrence labelled.
//!
//! ```text
//! rule certified-staff {
//!   message "持证人数前后不一：先写{first}，此处为{other}"
//!   consistent pattern "{n:count}名{…}取得行政执法证" on n
//!   pass "全镇共32名干部取得行政执法证。年内新增的32名干部均已取得行政执法证。"
//!   fail "全镇共32名干部取得行政执法证。年底复核，30名干部取得行政执法证。"
//! }
//! ```

use super::Hit;
use crate::diag::Label;
use crate::eval::search::{Compiler, DocMatches, LeafId};
use crate::eval::validate::{captures_of, Names, Ty};
use crate::pack::error::PackError;
use crate::pack::model::{Matcher, Spanned};
use crate::pack::values::{coarse_slack, format_value, Value};

#[derive(Debug, Clone)]
pub struct Compiled {
    pub pattern: Vec<LeafId>,
    pub capture: String,
}

/// Kind `consistent`: every match of `pattern` in the document gives the same value for
/// the capture `capture`.
#[derive(Clone, Debug, PartialEq)]
pub struct Consistent {
    pub pattern: Matcher,
    pub capture: Spanned<String>,
}

/// The names this kind gives its findings for message templates, beside captures, `let`s,
/// facts, `match` and `count`.
pub const MESSAGE_NAMES: &[&str] = &["first", "other"];

/// What validation checks of a rule of this kind; the names its message may use.
pub fn validate(
    consistent: &Consistent,
    c: &mut Compiler,
    errors: &mut Vec<PackError>,
) -> Option<Names> {
    let names = captures_of(&consistent.pattern, c, errors)?;
    let on = &consistent.capture;
    match names.captures.get(&on.value) {
        Some(ty) if ty.is_numeric() => {}
        Some(ty) => errors.push(
            PackError::new(
                crate::tr!("val-on-ty-capture-not", on = on.value, ty = ty.name()),
                on.span.clone(),
            )
            .with_label(crate::tr!("val-consistency-checked-on-numeric"))
            .with_help(crate::tr!("val-capture-quantity-with-count")),
        ),
        None if names.types.get(&on.value) == Some(&Ty::Unknown) => {}
        None => errors.push(
            PackError::new(
                crate::tr!("val-on-not-capture-pattern", on = on.value),
                on.span.clone(),
            )
            .with_label(crate::tr!("val-unknown-capture"))
            .with_help(names.available()),
        ),
    }
    Some(names)
}

pub fn compile(cc: &Consistent, c: &mut Compiler) -> Result<Compiled, Vec<PackError>> {
    Ok(Compiled {
        pattern: c.leaves(&cc.pattern)?,
        capture: cc.capture.value.clone(),
    })
}

pub fn evaluate(cc: &Compiled, m: &DocMatches) -> Vec<Hit> {
    let whole = 0..m.doc.text.len();
    let mut seen: Vec<(crate::model::Span, f64, Value)> = Vec::new();
    for lm in m.leaves_in(&cc.pattern, &whole) {
        let Some(cap) = lm.capture(&cc.capture) else {
            continue;
        };
        if let Some(
            v @ Value::Number {
                value,
                approx: false,
                ..
            },
        ) = &cap.value
        {
            seen.push((cap.span.clone(), *value, v.clone()));
        }
    }
    let Some((_, first, first_value)) = seen.first().cloned() else {
        return Vec::new();
    };
    let Some(differs) = seen.iter().position(|(_, v, value)| {
        // A figure rounded to tens or more (2.3万) agrees with what lies within its rounding.
        let slack = coarse_slack(&first_value).max(coarse_slack(value));
        (v - first).abs() > f64::EPSILON.max(slack)
    }) else {
        return Vec::new();
    };
    let mut labels = vec![Label::new(
        seen[differs].0.clone(),
        Some(format!("此处为 {}", format_value(&seen[differs].2, None))),
    )];
    for (i, (span, _, v)) in seen.iter().enumerate() {
        if i != differs {
            labels.push(Label::new(
                span.clone(),
                Some(format!("此处为 {}", format_value(v, None))),
            ));
        }
    }
    vec![Hit::at(labels)
        .var("first", first_value)
        .var("other", seen[differs].2.clone())]
}

/// How a `consistent` rule is written: `consistent MATCHER on NAME` in the DSL,
/// `consistent: MATCHER` with `on: NAME` in YAML.
mod syntax {
    use pest::iterators::Pair;
    use serde_json::Value as Json;

    use crate::pack::dsl::print::wrapped_line;
    use crate::pack::dsl::{Builder, DslKind, Rule as G};
    use crate::pack::error::PackError;
    use crate::pack::model::Spanned;
    use super::Consistent;
    use crate::pack::yaml::schema::reference;
    use crate::pack::yaml::write::{matcher_yaml, text};
    use crate::pack::yaml::{Fields, Node, Reader, Yaml, YamlKind};

    impl DslKind for Consistent {
        const LINES: &'static [G] = &[G::consistent];

        fn dsl_build(b: &mut Builder<'_>, pair: Pair<'_, G>) -> Option<Self> {
            let mut pattern = None;
            let mut capture = None;
            for part in pair.into_inner() {
                match part.as_rule() {
                    G::matcher => pattern = b.matcher(part),
                    G::name => {
                        capture = Some(Spanned::new(part.as_str().to_string(), b.span(&part)))
                    }
                    _ => {}
                }
            }
            Some(Consistent {
                pattern: pattern?,
                capture: capture?,
            })
        }

        fn dsl_print(&self, out: &mut String) {
            let text = format!("consistent {} on {}", self.pattern, self.capture.value);
            wrapped_line(out, 1, &text);
        }
    }

    impl YamlKind for Consistent {
        const MODIFIERS: &'static [&'static str] = &["on"];

        fn yaml_read(r: &mut Reader<'_>, pattern: &Node, fields: &Fields<'_>) -> Option<Self> {
            let pattern = r.matcher(pattern);
            let capture = match fields.get("on") {
                Some(n) => r.text(n, "`on`"),
                None => {
                    let key = fields.entry("consistent").map(|(k, _)| k.span.clone());
                    r.error(
                        PackError::new(
                            crate::tr!("yaml-consistent-rule-needs-on"),
                            key.unwrap_or_default(),
                        )
                        .with_label(crate::tr!("yaml-which-capture"))
                        .with_help(crate::tr!("yaml-e-g-on-n")),
                    );
                    None
                }
            };
            Some(Consistent {
                pattern: pattern?,
                capture: capture?,
            })
        }

        fn yaml_write(&self, entries: &mut Vec<(&'static str, Yaml)>) {
            entries.push(("consistent", matcher_yaml(&self.pattern)));
            entries.push(("on", text(&self.capture)));
        }

        fn yaml_schema() -> Json {
            reference("matcher")
        }

        fn yaml_description() -> String {
            crate::i18n::text("schema-kind-consistent", &[])
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::eval::kinds::testing::{findings, messages};

    const STAFF: &str = r#"rule r { message "{first} 与 {other} 不一致" consistent pattern "{n:count}名干部取得行政执法证" on n }"#;

    #[test]
    fn different_values_are_one_finding_labelled_everywhere() {
        let text = "16名干部取得行政执法证。后来又有18名干部取得行政执法证。";
        let found = findings(STAFF, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "16 与 18 不一致");
        assert_eq!(&text[found[0].labels[0].span.clone()], "18");
        assert_eq!(found[0].labels.len(), 2);
    }

    #[test]
    fn equal_values_and_single_mentions_pass() {
        assert!(messages(
            STAFF,
            "16名干部取得行政执法证。目前16名干部取得行政执法证。"
        )
        .is_empty());
        assert!(messages(STAFF, "16名干部取得行政执法证。").is_empty());
    }

    #[test]
    fn approximate_values_are_left_out() {
        assert!(messages(STAFF, "16名干部取得行政执法证。约20名干部取得行政执法证。").is_empty());
    }
}
