//! Kind `paired`: paired punctuation is balanced within each paragraph.
//!
//! For each listed pair (《》 “” （） 【】 …), an opening mark with no closing mark before the
//! paragraph ends, or a closing mark with no opening one, is a finding at that mark. Pairs
//! are checked independently, so one stray 》 is one finding.
//!
//! ```text
//! rule balanced {
//!   message "“{mark}”没有配对"
//!   paired "《》", "“”", "（）", "【】"
//!   pass "组织学习《中华人民共和国行政处罚法》。"
//!   fail "组织学习《中华人民共和国行政处罚法。"
//! }
//! ```

use super::Hit;
use crate::diag::Label;
use crate::eval::search::Compiler;
use crate::eval::search::DocMatches;
use crate::eval::validate::Names;
use crate::pack::error::PackError;
use crate::pack::model::Spanned;
use crate::pack::values::Value;

#[derive(Debug, Clone)]
pub struct Compiled {
    pub pairs: Vec<(char, char)>,
}

/// Kind `paired`: each listed pair (open, close) is balanced and properly nested per paragraph.
#[derive(Clone, Debug, PartialEq)]
pub struct Paired {
    /// Each entry is a two-character string such as `《》`.
    pub pairs: Vec<Spanned<String>>,
}

/// The names this kind gives its findings for message templates, beside captures, `let`s,
/// facts, `match` and `count`.
pub const MESSAGE_NAMES: &[&str] = &["mark"];

/// What validation checks of a rule of this kind; the names its message may use.
pub fn validate(paired: &Paired, _: &mut Compiler, errors: &mut Vec<PackError>) -> Option<Names> {
    for pair in &paired.pairs {
        if pair.value.chars().count() != 2 {
            errors.push(
                PackError::new(
                    crate::tr!("val-pair-not-two-characters", pair = pair.value),
                    pair.span.clone(),
                )
                .with_label(crate::tr!("val-write-opening-closing-character")),
            );
        }
    }
    Some(Names::default())
}

/// Pairs are validated to be two characters; anything else is skipped here.
pub fn compile(p: &Paired, _: &mut Compiler) -> Result<Compiled, Vec<PackError>> {
    Ok(Compiled {
        pairs: p
            .pairs
            .iter()
            .filter_map(|s| {
                let mut it = s.value.chars();
                match (it.next(), it.next(), it.next()) {
                    (Some(a), Some(b), None) if a != b => Some((a, b)),
                    _ => None,
                }
            })
            .collect(),
    })
}

pub fn evaluate(p: &Compiled, m: &DocMatches) -> Vec<Hit> {
    let doc = m.doc;
    let text = doc.text.as_str();
    let mut hits = Vec::new();
    for &(open, close) in &p.pairs {
        // Each mark of the pair in text order (`true` for an opening one), found by a
        // byte search rather than by walking every character.
        let (mut open_buf, mut close_buf) = ([0u8; 4], [0u8; 4]);
        let find = |mark: char, buf: &mut [u8; 4]| -> Vec<usize> {
            let needle = mark.encode_utf8(buf).as_bytes();
            memchr::memmem::find_iter(text.as_bytes(), needle).collect()
        };
        let mut marks: Vec<(usize, bool)> = find(open, &mut open_buf)
            .into_iter()
            .map(|i| (i, true))
            .chain(find(close, &mut close_buf).into_iter().map(|i| (i, false)))
            .collect();
        if marks.is_empty() {
            continue;
        }
        marks.sort_unstable();
        for para in &doc.paragraphs {
            let from = marks.partition_point(|&(at, _)| at < para.span.start);
            let to = marks.partition_point(|&(at, _)| at < para.span.end);
            let mut stack: Vec<usize> = Vec::new();
            for &(at, opening) in marks.get(from..to).unwrap_or_default() {
                if opening {
                    stack.push(at);
                } else if stack.pop().is_none() {
                    hits.push(
                        Hit::at(vec![Label::new(
                            at..at + close.len_utf8(),
                            Some(format!("多余的“{close}”，前面没有对应的“{open}”")),
                        )])
                        .var("mark", Value::Text(close.to_string())),
                    );
                }
            }
            for at in stack {
                hits.push(
                    Hit::at(vec![Label::new(
                        at..at + open.len_utf8(),
                        Some(format!("“{open}”在本段内没有对应的“{close}”")),
                    )])
                    .var("mark", Value::Text(open.to_string())),
                );
            }
        }
    }
    hits.sort_by_key(|h| h.labels.first().map(|l| l.span.start));
    hits
}

/// How a `paired` rule is written: `paired "《》", "（）"` in the DSL, `paired: [《》, （）]` in
/// YAML.
mod syntax {
    use pest::iterators::Pair;
    use serde_json::Value as Json;

    use crate::pack::dsl::print::wrapped_line;
    use crate::pack::dsl::{quote, Builder, DslKind, Rule as G};
    use super::Paired;
    use crate::pack::yaml::schema::reference;
    use crate::pack::yaml::write::texts;
    use crate::pack::yaml::{Fields, Node, Reader, Yaml, YamlKind};

    impl DslKind for Paired {
        const LINES: &'static [G] = &[G::paired];

        fn dsl_build(b: &mut Builder<'_>, pair: Pair<'_, G>) -> Option<Self> {
            let mut pairs = Some(Vec::new());
            for part in pair.into_inner().filter(|p| p.as_rule() == G::string) {
                let text = b.string(part);
                pairs = pairs.zip(text).map(|(mut all, text)| {
                    all.push(text);
                    all
                });
            }
            Some(Paired { pairs: pairs? })
        }

        fn dsl_print(&self, out: &mut String) {
            let pairs: Vec<String> = self.pairs.iter().map(|p| quote(p)).collect();
            wrapped_line(out, 1, &format!("paired {}", pairs.join(", ")));
        }
    }

    impl YamlKind for Paired {
        fn yaml_read(r: &mut Reader<'_>, body: &Node, _: &Fields<'_>) -> Option<Self> {
            Some(Paired {
                pairs: r.text_list(body, "`paired`"),
            })
        }

        fn yaml_write(&self, entries: &mut Vec<(&'static str, Yaml)>) {
            entries.push(("paired", texts(&self.pairs)))
        }

        fn yaml_schema() -> Json {
            reference("texts")
        }

        fn yaml_description() -> String {
            crate::i18n::text("schema-kind-paired", &[])
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::eval::kinds::testing::{flagged, messages};

    const PAIRS: &str = r#"rule r { message "“{mark}”不配对" paired "《》", "（）" }"#;

    #[test]
    fn a_stray_closing_mark_is_flagged_at_itself() {
        let text = "落实《纲要（2021—2025年）的通知》和《规定》的通知》。";
        assert_eq!(flagged(PAIRS, text), ["》"]);
        assert_eq!(messages(PAIRS, text), ["“》”不配对"]);
    }

    #[test]
    fn an_unclosed_mark_is_flagged_per_paragraph() {
        assert_eq!(
            flagged(PAIRS, "学习《民法典。\n其后》无关。\n"),
            ["《", "》"]
        );
    }

    #[test]
    fn balanced_text_passes() {
        assert!(messages(PAIRS, "学习《中华人民共和国民法典》（2020年）。").is_empty());
    }
}
