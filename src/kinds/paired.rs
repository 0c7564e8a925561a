//! Kind `paired`: paired punctuation is balanced within each paragraph.
//!
//! For each listed pair (《》 “” （） 【】 …), an opening mark with no closing mark before the
//! paragraph ends, or a closing mark with no opening one, is a finding at that mark. Pairs
//! are checked independently, so one stray 》 is one finding.
//!
//! ```text
//! rule balanced { paired "《》", "“”", "（）", "【】" }
//! ```

use super::Hit;
use crate::diag::Label;
use crate::eval::matching::DocMatches;
use crate::eval::values::Value;
use crate::pack::model::Paired;

/// Names this kind gives its findings for message templates, beside captures, `let`s, facts,
/// `match` and `count`.
pub const MESSAGE_NAMES: &[&str] = &["mark"];

#[derive(Debug, Clone)]
pub struct Compiled {
    pub pairs: Vec<(char, char)>,
}

/// Pairs are validated to be two characters; anything else is skipped here.
pub fn compile(p: &Paired) -> Compiled {
    Compiled {
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
    }
}

pub fn evaluate(p: &Compiled, m: &DocMatches) -> Vec<Hit> {
    let doc = m.doc;
    let mut hits = Vec::new();
    for para in &doc.paragraphs {
        let text = doc.slice(&para.span);
        for &(open, close) in &p.pairs {
            let mut stack: Vec<usize> = Vec::new();
            for (i, c) in text.char_indices() {
                let at = para.span.start + i;
                if c == open {
                    stack.push(at);
                } else if c == close && stack.pop().is_none() {
                    {
                        hits.push(
                            Hit::at(vec![Label::new(
                                at..at + c.len_utf8(),
                                Some(format!("多余的“{close}”，前面没有对应的“{open}”")),
                            )])
                            .var("mark", Value::Text(close.to_string())),
                        );
                    }
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

#[cfg(test)]
mod tests {
    use crate::kinds::testing::{flagged, messages};

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
