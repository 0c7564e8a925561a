//! Kind `headings`: the numbering of headings.
//!
//! - `continuous`: under one parent, headings of one style are numbered 1, 2, 3 … with no
//!   gap, repeat or wrong start (一、二、四 is an error at 四). After a wrong number the
//!   count goes on from it, so one slip is one finding, not a cascade.
//! - `level-order`: levels follow the standard order of official documents (GB/T 9704):
//!   一、 → （一） → 1. → （1）, none skipped (第一部分 may stand above them all). A heading
//!   whose style is not the one its depth calls for is a finding; all headings of the same
//!   depth and style form one finding, labelled at each.
//!
//! ```text
//! rule numbering {
//!   message "标题序号不连续：应为“{expected}”，此处为“{found}”"
//!   headings continuous
//!   pass """
//!     一、主要举措和成效
//!     二、存在的不足和原因
//!     """
//!   fail """
//!     一、主要举措和成效
//!     三、存在的不足和原因
//!     """
//! }
//! rule levels {
//!   message "标题层级不对"
//!   headings level-order
//!   pass """
//!     一、主要举措和成效
//!     （一）加强组织领导
//!     1.健全工作机制
//!     """
//!   fail """
//!     一、主要举措和成效
//!     1.健全工作机制
//!     （一）加强组织领导
//!     """
//! }
//! ```

use super::Hit;
use crate::diag::Label;
use crate::eval::search::Compiler;
use crate::eval::search::DocMatches;
use crate::eval::validate::Names;
use crate::model::{Document, HeadingStyle};
use crate::pack::error::PackError;
use crate::pack::model::Spanned;
use crate::pack::values::Value;

#[derive(Debug, Clone)]
pub struct Compiled {
    pub aspect: HeadingAspect,
}

/// Kind `headings`: a property of the heading numbering.
#[derive(Clone, Debug, PartialEq)]
pub struct Headings {
    pub aspect: Spanned<HeadingAspect>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadingAspect {
    /// Within one parent, same-level numbers run 1, 2, 3 … with no gap or repeat.
    Continuous,
    /// Levels are used in the standard order 一、→（一）→1.→（1）, none skipped.
    LevelOrder,
}

impl HeadingAspect {
    pub fn as_str(self) -> &'static str {
        match self {
            HeadingAspect::Continuous => "continuous",
            HeadingAspect::LevelOrder => "level-order",
        }
    }
}

/// The names this kind gives its findings for message templates, beside captures, `let`s,
/// facts, `match` and `count`.
pub const MESSAGE_NAMES: &[&str] = &["expected", "found", "level"];

/// What validation checks of a rule of this kind; the names its message may use.
pub fn validate(_: &Headings, _: &mut Compiler, _: &mut Vec<PackError>) -> Option<Names> {
    Some(Names::default())
}

pub fn compile(h: &Headings, _: &mut Compiler) -> Result<Compiled, Vec<PackError>> {
    Ok(Compiled {
        aspect: h.aspect.value,
    })
}

/// Write 1..=99 in Chinese numerals (headings never go higher in practice).
pub fn chinese(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n as usize].to_string(),
        10..=19 => format!(
            "十{}",
            if n > 10 {
                DIGITS[(n - 10) as usize]
            } else {
                ""
            }
        ),
        20..=99 => format!(
            "{}十{}",
            DIGITS[(n / 10) as usize],
            if !n.is_multiple_of(10) {
                DIGITS[(n % 10) as usize]
            } else {
                ""
            }
        ),
        _ => n.to_string(),
    }
}

/// How a heading number is written in a style, e.g. 3 → `（三）`.
pub fn marker(style: HeadingStyle, n: u32) -> String {
    match style {
        HeadingStyle::Part => format!("第{}部分", chinese(n)),
        HeadingStyle::Chinese => format!("{}、", chinese(n)),
        HeadingStyle::ParenChinese => format!("（{}）", chinese(n)),
        HeadingStyle::Arabic => format!("{n}."),
        HeadingStyle::ParenArabic => format!("（{n}）"),
    }
}

fn style_for_rank(rank: u8) -> Option<HeadingStyle> {
    [
        HeadingStyle::Part,
        HeadingStyle::Chinese,
        HeadingStyle::ParenChinese,
        HeadingStyle::Arabic,
        HeadingStyle::ParenArabic,
    ]
    .into_iter()
    .find(|s| s.standard_rank() == rank)
}

fn continuity(doc: &Document) -> Vec<Hit> {
    let mut hits = Vec::new();
    for section in &doc.sections {
        let mut last: Vec<(HeadingStyle, u32)> = Vec::new();
        for &child in &section.children {
            let Some(h) = doc
                .sections
                .get(child)
                .and_then(|s| s.heading)
                .and_then(|i| doc.headings.get(i))
            else {
                continue;
            };
            let prev = last.iter_mut().find(|(s, _)| *s == h.style);
            let expected = prev.as_ref().map_or(1, |(_, n)| n + 1);
            if h.number != expected {
                hits.push(
                    Hit::at(vec![Label::new(
                        h.marker_span.clone(),
                        Some(format!("此处应为“{}”", marker(h.style, expected))),
                    )])
                    .var("expected", Value::Text(marker(h.style, expected)))
                    .var("found", Value::Text(doc.slice(&h.marker_span).to_string())),
                );
            }
            match prev {
                Some(p) => p.1 = h.number,
                None => last.push((h.style, h.number)),
            }
        }
    }
    hits
}

fn level_order(doc: &Document) -> Vec<Hit> {
    // The top level is 一、 unless the document is divided into parts (第一部分).
    let top = doc
        .headings
        .iter()
        .filter(|h| h.level == 1)
        .map(|h| h.style)
        .next();
    let base = if top == Some(HeadingStyle::Part) {
        0
    } else {
        1
    };
    // (depth, style) → labels, the expected style, the marker as first written.
    type Group = ((usize, HeadingStyle), Vec<Label>, HeadingStyle, String);
    let mut groups: Vec<Group> = Vec::new();
    for h in &doc.headings {
        let rank = base + (h.level as u8).saturating_sub(1);
        let Some(expected) = style_for_rank(rank) else {
            continue;
        };
        if h.style == expected {
            continue;
        }
        let label = Label::new(
            h.marker_span.clone(),
            Some(format!(
                "第{}级标题应写作“{}”",
                h.level,
                marker(expected, h.number.max(1))
            )),
        );
        match groups
            .iter_mut()
            .find(|(k, _, _, _)| *k == (h.level, h.style))
        {
            Some((_, labels, _, _)) => labels.push(label),
            None => groups.push((
                (h.level, h.style),
                vec![label],
                expected,
                doc.slice(&h.marker_span).to_string(),
            )),
        }
    }
    groups
        .into_iter()
        .map(|((level, _), labels, expected, written)| {
            Hit::at(labels)
                .var("level", Value::count(level as f64))
                .var("found", Value::Text(written))
                .var("expected", Value::Text(marker(expected, 1)))
        })
        .collect()
}

pub fn evaluate(h: &Compiled, m: &DocMatches) -> Vec<Hit> {
    match h.aspect {
        HeadingAspect::Continuous => continuity(m.doc),
        HeadingAspect::LevelOrder => level_order(m.doc),
    }
}

/// How a `headings` rule is written: `headings continuous` or `headings level-order`, in
/// the DSL and (as `headings: …`) in YAML.
mod syntax {
    use pest::iterators::Pair;
    use serde_json::{json, Value as Json};

    use crate::pack::dsl::print::line;
    use crate::pack::dsl::{Builder, DslKind, Rule as G};
    use crate::pack::error::PackError;
    use crate::pack::model::Spanned;
    use super::{HeadingAspect, Headings};
    use crate::pack::yaml::read::with_suggestion;
    use crate::pack::yaml::write::text;
    use crate::pack::yaml::{Fields, Node, Reader, Yaml, YamlKind};

    /// The values of `headings`.
    const HEADING_ASPECTS: &[&str] = &["continuous", "level-order"];

    impl DslKind for Headings {
        const LINES: &'static [G] = &[G::headings];

        fn dsl_build(b: &mut Builder<'_>, pair: Pair<'_, G>) -> Option<Self> {
            let word = pair.into_inner().find(|p| p.as_rule() == G::word)?;
            let span = b.span(&word);
            let aspect = match word.as_str() {
                "continuous" => HeadingAspect::Continuous,
                "level-order" => HeadingAspect::LevelOrder,
                other => {
                    b.error(
                        PackError::new(
                            crate::tr!("build-unknown-heading-check-other", other = other),
                            span,
                        )
                        .with_label(crate::tr!("build-not-heading-check"))
                        .with_help(crate::tr!("build-write-headings-continuous-level")),
                    );
                    return None;
                }
            };
            Some(Headings {
                aspect: Spanned::new(aspect, span),
            })
        }

        fn dsl_print(&self, out: &mut String) {
            line(out, 1, &format!("headings {}", self.aspect.value.as_str()))
        }
    }

    impl YamlKind for Headings {
        fn yaml_read(r: &mut Reader<'_>, node: &Node, _: &Fields<'_>) -> Option<Self> {
            let aspect = r.text(node, "`headings`")?;
            let value = match aspect.value.as_str() {
                "continuous" => HeadingAspect::Continuous,
                "level-order" => HeadingAspect::LevelOrder,
                other => {
                    let error = PackError::new(
                        crate::tr!("yaml-unknown-heading-check-other", other = other),
                        aspect.span.clone(),
                    )
                    .with_label(crate::tr!("yaml-expected-continuous-level-order"));
                    r.error(with_suggestion(error, other, HEADING_ASPECTS));
                    return None;
                }
            };
            Some(Headings {
                aspect: Spanned::new(value, aspect.span),
            })
        }

        fn yaml_write(&self, entries: &mut Vec<(&'static str, Yaml)>) {
            entries.push(("headings", text(self.aspect.as_str())));
        }

        fn yaml_schema() -> Json {
            json!({ "enum": HEADING_ASPECTS })
        }

        fn yaml_description() -> String {
            crate::i18n::text("schema-kind-headings", &[])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::kinds::testing::{flagged, messages};

    const CONTINUOUS: &str = r#"rule r { message "应为{expected}" headings continuous }"#;
    const LEVELS: &str =
        r#"rule r { message "第{level}级用了{found}，应为{expected}" headings level-order }"#;

    #[test]
    fn a_gap_in_numbering_is_flagged_once() {
        let text = "一、甲
二、乙
四、丁
五、戊
";
        assert_eq!(flagged(CONTINUOUS, text), ["四、"]);
        assert_eq!(messages(CONTINUOUS, text), ["应为三、"]);
    }

    #[test]
    fn numbering_restarts_under_each_parent() {
        let text = "一、甲
（一）子
（二）子
二、乙
（一）子
（二）子
";
        assert!(messages(CONTINUOUS, text).is_empty());
    }

    #[test]
    fn the_standard_order_passes() {
        let text = "一、甲
（一）子
1.孙
（1）曾孙
二、乙
";
        assert!(messages(LEVELS, text).is_empty());
    }

    #[test]
    fn an_arabic_top_level_over_chinese_sub_levels_is_one_finding_per_level_and_style() {
        let text = "1、 甲
（一）子
（二）子
2、 乙
（1）子
";
        let found = messages(LEVELS, text);
        assert_eq!(
            found,
            ["第1级用了1、，应为一、", "第2级用了（1），应为（一）"]
        );
    }

    #[test]
    fn a_skipped_level_is_flagged() {
        let text = "一、甲
1.孙
2.孙
";
        assert_eq!(messages(LEVELS, text), ["第2级用了1.，应为（一）"]);
    }

    #[test]
    fn chinese_numerals_for_headings() {
        assert_eq!(chinese(1), "一");
        assert_eq!(chinese(10), "十");
        assert_eq!(chinese(14), "十四");
        assert_eq!(chinese(20), "二十");
        assert_eq!(chinese(36), "三十六");
        assert_eq!(marker(HeadingStyle::ParenChinese, 3), "（三）");
        assert_eq!(marker(HeadingStyle::Arabic, 12), "12.");
    }
}
