//! Rule kinds. Each module is one kind: what it means (module doc), how it is compiled from
//! the rule model, how it is evaluated on a document, and its tests.
//!
//! | kind | module | DSL | YAML |
//! |---|---|---|---|
//! | text must appear | [`require`] | `require …` | `require:` |
//! | text must not appear | [`forbid`] | `forbid …` | `forbid:` |
//! | pattern + assertions | [`matching`] | `match …` | `match:` |
//! | same value everywhere | [`consistent`] | `consistent …` | `consistent:` |
//! | condition → requirement | [`when`] | `when …` | `when:` |
//! | required sections | [`sections`] | `sections …` | `sections:` |
//! | heading numbering | [`headings`] | `headings …` | `headings:` |
//! | document facts | [`facts`] | `assert …` | `assert:` |
//! | paired punctuation | [`paired`] | `paired …` | `paired:` |
//! | half-width punctuation | [`halfwidth`] | `halfwidth …` | `halfwidth:` |
//! | wrong phrases from a list | [`terms`] | `terms { … }` / `terms file …` | `terms:` |
//! | a character typed twice | [`doubled`] | `doubled` | `doubled:` |
//! | full-width digits in figures | [`digits`] | `digits mixed` | `digits:` |
//! | quantity statements | [`statements`] | `match statement …` | `statement:` |

pub mod consistent;
pub mod digits;
pub mod doubled;
pub mod facts;
pub mod forbid;
pub mod halfwidth;
pub mod headings;
pub mod matching;
pub mod paired;
pub mod require;
pub mod sections;
pub mod statements;
pub mod terms;
pub mod when;

use crate::diag::{Fix, Label};
use crate::model::Document;
use crate::pack::values::Value;

/// What a kind reports for one occurrence; the engine adds the rule's metadata.
#[derive(Clone, Debug, Default)]
pub struct Hit {
    pub labels: Vec<Label>,
    /// Values the message template may interpolate.
    pub vars: Vec<(String, Value)>,
    /// Said when the labels point at a stand-in place.
    pub note: Option<String>,
    pub fix: Option<Fix>,
    /// Set when the rule could not be evaluated here (e.g. division by zero).
    pub rule_error: Option<String>,
}

impl Hit {
    pub fn at(labels: Vec<Label>) -> Hit {
        Hit {
            labels,
            ..Hit::default()
        }
    }

    pub fn var(mut self, name: &str, value: Value) -> Hit {
        self.vars.push((name.to_string(), value));
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Hit {
        self.note = Some(note.into());
        self
    }
}

/// The place to point at when what a rule wants is missing from the whole document:
/// the title if there is one, else the first line with text.
pub fn stand_in(doc: &Document) -> (Label, String) {
    if let Some(t) = &doc.title {
        return (
            Label::new(t.span.clone(), Some("本文".to_string())),
            "全文未找到相应内容，标注在标题处".to_string(),
        );
    }
    let span = doc
        .paragraphs
        .first()
        .map(|p| p.span.clone())
        .unwrap_or(0..0);
    let first_char_end = doc.text[span.clone()]
        .chars()
        .next()
        .map_or(span.start, |c| span.start + c.len_utf8());
    (
        Label::new(span.start..first_char_end, Some("本文".to_string())),
        "全文未找到相应内容，标注在正文开头".to_string(),
    )
}

/// Running one rule written in the DSL over a text, for the kind modules' tests.
#[cfg(test)]
pub(crate) mod testing {
    use crate::diag::Finding;
    use crate::eval::load::{self, Form};
    use crate::eval::Engine;
    use crate::model::Document;

    /// Findings of the rules in `rules` (DSL rule definitions) on `text`.
    pub fn findings(rules: &str, text: &str) -> Vec<Finding> {
        let src = format!("pack \"t\"\n{rules}\n");
        let pack = match load::parse("test.rules", &src, Form::Dsl) {
            Ok(p) => p,
            Err(e) => panic!("test pack does not load: {:?}", e.errors),
        };
        let engine = Engine::new(&pack.rule_set());
        engine.check(&Document::parse(text.to_string()))
    }

    /// The text each finding's first label points at.
    pub fn flagged(rules: &str, text: &str) -> Vec<String> {
        findings(rules, text)
            .iter()
            .map(|f| {
                f.labels
                    .first()
                    .and_then(|l| text.get(l.span.clone()))
                    .unwrap_or_default()
                    .to_string()
            })
            .collect()
    }

    /// Messages of the findings.
    pub fn messages(rules: &str, text: &str) -> Vec<String> {
        findings(rules, text)
            .into_iter()
            .map(|f| f.message)
            .collect()
    }
}
