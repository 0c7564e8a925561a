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
use crate::pack::model::{Matcher, Spanned};
use crate::pack::values::Value;

#[derive(Debug, Clone)]
pub struct Compiled {
    pub ordered: bool,
    pub sections: Vec<(String, CompiledMatcher)>,
}

/// Kind `sections`: each named section must exist (a heading matching its matcher);
/// with `ordered`, they must appear in the listed order.
#[derive(Clone, Debug, PartialEq)]
pub struct Sections {
    pub ordered: bool,
    pub sections: Vec<SectionSpec>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SectionSpec {
    /// How the section is named in findings.
    pub name: Spanned<String>,
    pub heading: Matcher,
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

/// How a `sections` rule is written: `sections [ordered] { "name" = MATCHER, … }` in the DSL,
/// `sections:` as a list of `{name, heading}` or a map with `ordered:` and `list:` in YAML.
mod syntax {
    use pest::iterators::Pair;
    use serde_json::{json, Value as Json};

    use crate::pack::dsl::print::wrapped_line;
    use crate::pack::dsl::{quote, Builder, DslKind, Rule as G};
    use crate::pack::error::PackError;
    use crate::pack::model::Matcher;
    use super::{SectionSpec, Sections};
    use crate::pack::yaml::node::Value;
    use crate::pack::yaml::schema::reference;
    use crate::pack::yaml::write::{block_map, block_seq, map, matcher_yaml, text};
    use crate::pack::yaml::{Fields, Node, Reader, Yaml, YamlKind};

    impl DslKind for Sections {
        const LINES: &'static [G] = &[G::sections];

        fn dsl_build(b: &mut Builder<'_>, pair: Pair<'_, G>) -> Option<Self> {
            let mut ordered = false;
            let mut sections = Some(Vec::new());
            for part in pair.into_inner() {
                match part.as_rule() {
                    G::ordered => ordered = true,
                    G::section_spec => {
                        let spec = section_spec(b, part);
                        sections = sections.zip(spec).map(|(mut all, spec)| {
                            all.push(spec);
                            all
                        });
                    }
                    _ => {}
                }
            }
            Some(Sections {
                ordered,
                sections: sections?,
            })
        }

        fn dsl_print(&self, out: &mut String) {
            let ordered = if self.ordered { " ordered" } else { "" };
            wrapped_line(out, 1, &format!("sections{ordered} {{"));
            let last = self.sections.len().saturating_sub(1);
            for (i, section) in self.sections.iter().enumerate() {
                let comma = if i < last { "," } else { "" };
                let text = format!("{} = {}{comma}", quote(&section.name), section.heading);
                wrapped_line(out, 2, &text);
            }
            wrapped_line(out, 1, "}");
        }
    }

    fn section_spec(b: &mut Builder<'_>, pair: Pair<'_, G>) -> Option<SectionSpec> {
        let mut name = None;
        let mut heading = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                G::string => name = b.string(part),
                G::matcher => heading = b.matcher(part),
                _ => {}
            }
        }
        Some(SectionSpec {
            name: name?,
            heading: heading?,
        })
    }

    impl YamlKind for Sections {
        fn yaml_read(r: &mut Reader<'_>, node: &Node, _: &Fields<'_>) -> Option<Self> {
            let (ordered, list) = match &node.value {
                Value::Seq(_) => (false, node),
                _ => {
                    let fields = r.fields(node, &["ordered", "list"], "`sections`")?;
                    let ordered = match fields.get("ordered") {
                        Some(n) => r.boolean(n, "`ordered`")?,
                        None => false,
                    };
                    let Some(list) = fields.get("list") else {
                        r.error(
                            PackError::new(
                                crate::tr!("yaml-sections-has-no-list"),
                                node.span.clone(),
                            )
                            .with_label(crate::tr!("yaml-sections-expected-here"))
                            .with_help(crate::tr!("yaml-sections-list-example")),
                        );
                        return None;
                    };
                    (ordered, list)
                }
            };
            let Value::Seq(items) = &list.value else {
                r.wrong_type(
                    list,
                    "the list of sections",
                    "a list of `{name: …, heading: …}`",
                );
                return None;
            };
            let mut sections = Vec::new();
            let mut complete = true;
            for item in items {
                match yaml_section(r, item) {
                    Some(section) => sections.push(section),
                    None => complete = false,
                }
            }
            complete.then_some(Sections { ordered, sections })
        }

        fn yaml_write(&self, entries: &mut Vec<(&'static str, Yaml)>) {
            let list = self
                .sections
                .iter()
                .map(|s| {
                    map(vec![
                        ("name", text(&s.name)),
                        ("heading", matcher_yaml(&s.heading)),
                    ])
                })
                .collect();
            let body = vec![
                ("ordered".to_owned(), Yaml::Bool(self.ordered)),
                ("list".to_owned(), block_seq(list)),
            ];
            entries.push(("sections", block_map(body)));
        }

        fn yaml_schema() -> Json {
            json!({
                "anyOf": [
                    { "type": "array", "items": reference("section") },
                    {
                        "type": "object",
                        "properties": {
                            "ordered": { "type": "boolean" },
                            "list": { "type": "array", "items": reference("section") }
                        },
                        "required": ["list"],
                        "additionalProperties": false
                    }
                ]
            })
        }

        fn yaml_description() -> String {
            crate::i18n::text("schema-kind-sections", &[])
        }
    }

    fn yaml_section(r: &mut Reader<'_>, node: &Node) -> Option<SectionSpec> {
        let fields = r.fields(node, &["name", "heading"], "a section")?;
        let Some(name_node) = fields.get("name") else {
            r.error(
                PackError::new(crate::tr!("yaml-section-has-no-name"), node.span.clone())
                    .with_label(crate::tr!("yaml-section"))
                    .with_help(crate::tr!("yaml-name-how-findings-call")),
            );
            return None;
        };
        let name = r.text(name_node, "`name`")?;
        // Without `heading`, the section is found by its name.
        let heading = match fields.get("heading") {
            Some(n) => r.matcher(n)?,
            None => Matcher::Text(name.clone()),
        };
        Some(SectionSpec { name, heading })
    }
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
