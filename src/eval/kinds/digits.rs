//! Kind `digits`: the width of the digits of figures (GB/T 15835: figures in half-width
//! Arabic digits).
//!
//! A figure is a run of digits, half-width `0-9` or full-width `０-９`, with a decimal point
//! (`.` or `．`) between digits. `digits mixed` flags a figure that mixes both widths
//! (`2０24年`, `1２件`): a slip of the input method, never intended. `digits fullwidth`
//! flags a figure written in full-width digits only (`２０２４年`), a milder matter of style.
//! Either way the fix writes the figure in half-width digits.
//!
//! ```text
//! rule digits-mixed {
//!   message "“{match}”混用了全角数字，应为“{suggestion}”"
//!   digits mixed
//!   pass "全年办理行政复议案件120件。"
//!   fail "全年办理行政复议案件1２0件。"
//! }
//! ```

use super::Hit;
use crate::diag::{Fix, Label};
use crate::eval::search::Compiler;
use crate::eval::search::DocMatches;
use crate::eval::validate::Names;
use crate::pack::error::PackError;
use crate::pack::model::Spanned;
use crate::pack::values::Value;

#[derive(Debug, Clone)]
pub struct Compiled {
    pub aspect: DigitsAspect,
}

/// Kind `digits`: what is checked about the width of digits in figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Digits {
    pub aspect: Spanned<DigitsAspect>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DigitsAspect {
    /// A figure mixing full-width and half-width digits (2０24年).
    Mixed,
    /// A figure written in full-width digits only (２０２４年).
    FullWidth,
}

impl DigitsAspect {
    pub const ALL: [DigitsAspect; 2] = [DigitsAspect::Mixed, DigitsAspect::FullWidth];

    pub fn as_str(self) -> &'static str {
        match self {
            DigitsAspect::Mixed => "mixed",
            DigitsAspect::FullWidth => "fullwidth",
        }
    }

    pub fn parse(s: &str) -> Option<DigitsAspect> {
        DigitsAspect::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// The names this kind gives its findings for message templates, beside captures, `let`s,
/// facts, `match` and `count`.
pub const MESSAGE_NAMES: &[&str] = &["suggestion"];

/// What validation checks of a rule of this kind; the names its message may use.
pub fn validate(_: &Digits, _: &mut Compiler, _: &mut Vec<PackError>) -> Option<Names> {
    Some(Names::default())
}

pub fn compile(d: &Digits, _: &mut Compiler) -> Result<Compiled, Vec<PackError>> {
    Ok(Compiled {
        aspect: d.aspect.value,
    })
}

fn half_digit(c: char) -> bool {
    c.is_ascii_digit()
}

fn full_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

/// The half-width form of a figure's character.
fn to_half(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' => '.',
        c => c,
    }
}

/// The figures of `text`: byte spans of digit runs, with one decimal point between digits.
fn figures(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let digit = |i: usize| {
        chars
            .get(i)
            .is_some_and(|(_, c)| half_digit(*c) || full_digit(*c))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !digit(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut point = false;
        while i < chars.len() {
            if digit(i) {
                i += 1;
            } else if !point
                && matches!(chars.get(i).map(|(_, c)| *c), Some('.' | '．'))
                && digit(i + 1)
            {
                point = true;
                i += 1;
            } else {
                break;
            }
        }
        let end = chars.get(i).map_or(text.len(), |(at, _)| *at);
        out.push((chars[start].0, end));
    }
    out
}

pub fn evaluate(d: &Compiled, m: &DocMatches) -> Vec<Hit> {
    let text = m.doc.text.as_str();
    let mut hits = Vec::new();
    for (start, end) in figures(text) {
        let figure = &text[start..end];
        let full = figure.chars().any(full_digit);
        let half = figure.chars().any(half_digit);
        let flagged = match d.aspect {
            DigitsAspect::Mixed => full && half,
            DigitsAspect::FullWidth => full && !half,
        };
        if !flagged {
            continue;
        }
        let fixed: String = figure.chars().map(to_half).collect();
        let mut hit = Hit::at(vec![Label::new(
            start..end,
            Some(format!("建议改为“{fixed}”")),
        )])
        .var("0", Value::Text(figure.to_string()))
        .var("match", Value::Text(figure.to_string()))
        .var("suggestion", Value::Text(fixed.clone()));
        hit.fix = Some(Fix {
            offset: start,
            length: end - start,
            replacements: vec![fixed],
        });
        hits.push(hit);
    }
    hits
}

/// How a `digits` rule is written: `digits mixed` or `digits fullwidth`, in the DSL and (as
/// `digits: …`) in YAML.
mod syntax {
    use pest::iterators::Pair;
    use serde_json::{json, Value as Json};

    use crate::pack::dsl::print::wrapped_line;
    use crate::pack::dsl::{Builder, DslKind, Rule as G};
    use crate::pack::error::PackError;
    use crate::pack::model::Spanned;
    use super::{Digits, DigitsAspect};
    use crate::pack::yaml::read::with_suggestion;
    use crate::pack::yaml::write::text;
    use crate::pack::yaml::{Fields, Node, Reader, Yaml, YamlKind};

    impl DslKind for Digits {
        const LINES: &'static [G] = &[G::digits];

        fn dsl_build(b: &mut Builder<'_>, pair: Pair<'_, G>) -> Option<Self> {
            let word = pair.into_inner().find(|p| p.as_rule() == G::word)?;
            let span = b.span(&word);
            match DigitsAspect::parse(word.as_str()) {
                Some(aspect) => Some(Digits {
                    aspect: Spanned::new(aspect, span),
                }),
                None => {
                    b.error(
                        PackError::new(
                            crate::tr!("build-unknown-digits-check-word", word = word.as_str()),
                            span,
                        )
                        .with_label(crate::tr!("build-not-digits-check"))
                        .with_help(crate::tr!("build-write-digits-mixed-full")),
                    );
                    None
                }
            }
        }

        fn dsl_print(&self, out: &mut String) {
            wrapped_line(out, 1, &format!("digits {}", self.aspect.value.as_str()))
        }
    }

    impl YamlKind for Digits {
        fn yaml_read(r: &mut Reader<'_>, node: &Node, _: &Fields<'_>) -> Option<Self> {
            let aspect = r.text(node, "`digits`")?;
            match DigitsAspect::parse(&aspect.value) {
                Some(value) => Some(Digits {
                    aspect: Spanned::new(value, aspect.span),
                }),
                None => {
                    let error = PackError::new(
                        crate::tr!("yaml-unknown-digits-check-aspect", aspect = aspect.value),
                        aspect.span.clone(),
                    )
                    .with_label(crate::tr!("yaml-expected-mixed-fullwidth"));
                    r.error(with_suggestion(error, &aspect.value, &["mixed", "fullwidth"]));
                    None
                }
            }
        }

        fn yaml_write(&self, entries: &mut Vec<(&'static str, Yaml)>) {
            entries.push(("digits", text(self.aspect.value.as_str())))
        }

        fn yaml_schema() -> Json {
            let aspects: Vec<&str> = DigitsAspect::ALL.iter().map(|a| a.as_str()).collect();
            json!({ "enum": aspects })
        }

        fn yaml_description() -> String {
            crate::i18n::text("schema-kind-digits", &[])
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::eval::kinds::testing::{findings, flagged};

    const MIXED: &str = r#"rule r { message "“{match}”应为“{suggestion}”" digits mixed }"#;
    const FULL: &str = r#"rule r { message "“{match}”应为“{suggestion}”" digits fullwidth }"#;

    #[test]
    fn mixed_figures_are_flagged_with_the_half_width_form() {
        let text = "2０24年受理1２件，调解率9８.5%，另有１２件。";
        assert_eq!(flagged(MIXED, text), ["2０24", "1２", "9８.5"]);
        let found = findings(MIXED, text);
        assert_eq!(found[0].message, "“2０24”应为“2024”");
        assert_eq!(
            found[2].fix.as_ref().map(|f| f.replacements.clone()),
            Some(vec!["98.5".to_string()])
        );
    }

    #[test]
    fn whole_full_width_figures_are_a_separate_aspect() {
        let text = "２０２４年受理12件，1２件。";
        assert_eq!(flagged(FULL, text), ["２０２４"]);
        assert_eq!(flagged(MIXED, "２０２４年受理12件。").len(), 0);
    }
}
