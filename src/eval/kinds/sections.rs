//! Kind `sections`: required sections, found by heading, optionally in a required order.
//!
//! Each listed section must have a heading (at any level) whose text matches its matcher.
//! A missing section is one finding at the title (there is nothing else to point at); with
//! `ordered`, a section found before one listed ahead of it is a finding at its heading.
//!
//! ```text
//! rule required-sections {
//!   message "缺少“{section}”部分"
//!   sections ordered { "主要举措和成效" = any("主要举措", "工作情况"), "存在的不足" = /不足|问题/ }
//!   pass """
//!     一、主要举措和成效
//!     二、存在的不足和原因
//!     """
//!   fail """
//!     一、主要举措和成效
//!     二、下一年度工作安排
//!     """
//! }
//! ```

use super::{stand_in, Hit};
use crate::diag::Label;
use crate::eval::search::{CompiledMatcher, Compiler, DocMatches};
use crate::eval::validate::{compile_into, Names};
use crate::pack::error::PackError;
use crate::pack::model::Sections;
use crate::pack::values::Value;

#[derive(Debug, Clone)]
pub struct Compiled {
    pub ordered: bool,
    pub sections: Vec<(String, CompiledMatcher)>,
}

/// The names this kind gives its findings for message templates, beside captures, `let`s,
/// facts, `match` and `count`.
pub const MESSAGE_NAMES: &[&str] = &["section", "after"];

/// What validation checks of a rule of this kind; the names its message may use.
pub fn validate(
    sections: &Sections,
    c: &mut Compiler,
    errors: &mut Vec<PackError>,
) -> Option<Names> {
    for section in &sections.sections {
        compile_into(&section.heading, c, errors);
    }
    Some(Names::default())
}

pub fn compile(s: &Sections, c: &mut Compiler) -> Result<Compiled, Vec<PackError>> {
    let mut sections = Vec::new();
    let mut errors = Vec::new();
    for spec in &s.sections {
        match c.matcher(&spec.heading) {
            Ok(m) => sections.push((spec.name.value.clone(), m)),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if errors.is_empty() {
        Ok(Compiled {
            ordered: s.ordered,
            sections,
        })
    } else {
        Err(errors)
    }
}

pub fn evaluate(s: &Compiled, m: &DocMatches) -> Vec<Hit> {
    let doc = m.doc;
    let mut hits = Vec::new();
    let mut last: Option<(usize, &str)> = None;
    for (name, matcher) in &s.sections {
        let found = doc
            .headings
            .iter()
            .position(|h| m.count(matcher, &h.text_span).0 > 0);
        match found {
            None => {
                let (label, _) = stand_in(doc);
                hits.push(
                    Hit::at(vec![label])
                        .note(format!("没有与“{name}”相符的标题，标注在报告标题处"))
                        .var("section", Value::Text(name.clone())),
                );
            }
            Some(i) => {
                if s.ordered {
                    if let Some((prev, prev_name)) = last {
                        if i < prev {
                            let h = &doc.headings[i];
                            hits.push(
                                Hit::at(vec![
                                    Label::new(
                                        h.span.clone(),
                                        Some(format!("应在“{prev_name}”之后")),
                                    ),
                                    Label::new(
                                        doc.headings[prev].span.clone(),
                                        Some(format!("“{prev_name}”在此")),
                                    ),
                                ])
                                .var("section", Value::Text(name.clone()))
                                .var("after", Value::Text(prev_name.to_string())),
                            );
                        }
                    }
                    if last.is_none_or(|(p, _)| i > p) {
                        last = Some((i, name));
                    }
                }
            }
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use crate::eval::kinds::testing::{flagged, messages};

    const SECTIONS: &str = r#"rule r { message "缺少或错位：{section}" sections ordered { "主要举措" = /举措|工作情况/, "不足" = /不足|问题/, "安排" = /下一|安排|思路/ } }"#;

    #[test]
    fn present_in_order_passes() {
        let text = "某镇报告\n一、主要举措和成效\n二、存在的不足\n三、下一步工作思路\n";
        assert!(messages(SECTIONS, text).is_empty());
    }

    #[test]
    fn a_missing_section_is_shown_at_the_title() {
        let text = "某镇报告\n一、主要举措和成效\n二、下一步工作思路\n";
        assert_eq!(messages(SECTIONS, text), ["缺少或错位：不足"]);
        assert_eq!(flagged(SECTIONS, text), ["某镇报告"]);
    }

    #[test]
    fn a_section_out_of_order_is_shown_at_its_heading() {
        // 安排 comes before 不足 although it is listed after it: the finding is at 安排,
        // the section found too early, with the section it should follow labelled too.
        let text = "某镇报告\n一、主要举措和成效\n二、下一步工作思路\n三、存在的不足\n";
        assert_eq!(flagged(SECTIONS, text), ["二、下一步工作思路"]);
        assert_eq!(messages(SECTIONS, text), ["缺少或错位：安排"]);
    }
}
