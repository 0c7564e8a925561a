//! Kind `forbid`: text must not appear.
//!
//! Every occurrence of the matcher's leaves in the scope is a finding, unless an exception
//! (`unless`) matches text overlapping it — `forbid /(法|治)\1/ unless "执法法规"` flags
//! 法法治 but not 行政执法法规. With `all(…)`, a unit (sentence, paragraph …) holding every
//! part is one finding. Suggestions become a machine-applicable fix; they may interpolate
//! the match's captures (`{1}`, `{name}`), `{0}` being the whole match.
//!
//! ```text
//! rule first-duty { forbid "第一职责人" suggest "第一责任人" }
//! ```

use super::Hit;
use crate::diag::{Fix, Label};
use crate::eval::matching::{
    CompiledMatcher, CompiledScope, Compiler, DocMatches, LeafMatch, Span,
};
use crate::pack::error::PackError;
use crate::pack::model::Forbid;
use crate::pack::values::Value;
use std::collections::HashSet;

#[derive(Debug, Clone)]
pub struct Compiled {
    pub what: CompiledMatcher,
    pub unless: Vec<CompiledMatcher>,
    pub suggest: Vec<String>,
    pub scope: CompiledScope,
}

pub fn compile(f: &Forbid, c: &mut Compiler) -> Result<Compiled, Vec<PackError>> {
    let mut errors = Vec::new();
    let what = c
        .matcher(&f.what)
        .map_err(|mut e| errors.append(&mut e))
        .ok();
    let mut unless = Vec::new();
    for u in &f.unless {
        match c.matcher(u) {
            Ok(m) => unless.push(m),
            Err(mut e) => errors.append(&mut e),
        }
    }
    let scope = c
        .scope(&f.scope)
        .map_err(|mut e| errors.append(&mut e))
        .ok();
    match (what, scope) {
        (Some(what), Some(scope)) if errors.is_empty() => Ok(Compiled {
            what,
            unless,
            suggest: f.suggest.iter().map(|s| s.value.clone()).collect(),
            scope,
        }),
        _ => Err(errors),
    }
}

/// Fill `{0}`, `{1}`, `{name}` in a suggestion from a match.
fn fill(template: &str, text: &str, m: &LeafMatch) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                let value = if name == "0" || name == "match" {
                    text.get(m.span.clone())
                } else {
                    m.capture(name).and_then(|c| text.get(c.span.clone()))
                };
                match value {
                    Some(v) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The spans of exception matches, sorted by start, answering "does any overlap this span"
/// in logarithmic time (a report may hold hundreds of thousands of both).
struct Excused {
    spans: Vec<Span>,
    /// The largest end among `spans[..=i]`.
    max_end: Vec<usize>,
}

impl Excused {
    fn new(spans: impl Iterator<Item = Span>) -> Excused {
        let mut spans: Vec<Span> = spans.collect();
        spans.sort_by_key(|s| (s.start, s.end));
        let max_end = spans
            .iter()
            .scan(0, |max, s| {
                *max = s.end.max(*max);
                Some(*max)
            })
            .collect();
        Excused { spans, max_end }
    }

    /// Whether an exception span overlaps `span`: one starting before `span` ends and
    /// ending after it starts.
    fn overlaps(&self, span: &Span) -> bool {
        let before_end = self.spans.partition_point(|e| e.start < span.end);
        before_end > 0 && self.max_end[before_end - 1] > span.start
    }
}

pub fn evaluate(f: &Compiled, m: &DocMatches) -> Vec<Hit> {
    let doc = m.doc;
    let whole = 0..doc.text.len();
    let mut excused = Vec::new();
    for u in &f.unless {
        m.occurrences(u, &whole, &mut excused);
    }
    let excused = Excused::new(excused.iter().map(|e| e.span.clone()));
    let mut hits = Vec::new();
    let units = m.units(&f.scope);
    if let CompiledMatcher::All(_) | CompiledMatcher::None(_) = &f.what {
        for unit in units {
            let (n, spans) = m.count(&f.what, &unit);
            if n > 0 {
                let labels = if spans.is_empty() {
                    vec![Label::new(unit.clone(), None)]
                } else {
                    spans.into_iter().map(|s| Label::new(s, None)).collect()
                };
                hits.push(Hit::at(labels));
            }
        }
        return hits;
    }
    // Each place is reported once, even when several leaves or overlapping units find it.
    let mut seen: HashSet<Span> = HashSet::new();
    for unit in units {
        let mut found = Vec::new();
        m.occurrences(&f.what, &unit, &mut found);
        for lm in found {
            let at = lm.capture("at").map_or(lm.span.clone(), |c| c.span.clone());
            if excused.overlaps(&lm.span) || !seen.insert(at.clone()) {
                continue;
            }
            let matched = doc.text.get(at.clone()).unwrap_or_default().to_string();
            let replacements: Vec<String> =
                f.suggest.iter().map(|t| fill(t, &doc.text, lm)).collect();
            let label_text = match replacements.first() {
                Some(r) => format!("建议改为“{r}”"),
                None => "此处".to_string(),
            };
            let mut hit = Hit::at(vec![Label::new(at.clone(), Some(label_text))])
                .var("0", Value::Text(matched.clone()))
                .var("match", Value::Text(matched));
            if let Some(first) = replacements.first() {
                hit = hit.var("suggestion", Value::Text(first.clone()));
            }
            for c in &lm.captures {
                if let Some(t) = doc.text.get(c.span.clone()) {
                    hit = hit.var(&c.name, Value::Text(t.to_string()));
                }
            }
            if !replacements.is_empty() {
                hit.fix = Some(Fix {
                    offset: at.start,
                    length: at.end - at.start,
                    replacements,
                });
            }
            hits.push(hit);
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use crate::eval::kinds::testing::{findings, flagged, messages};

    #[test]
    fn every_occurrence_is_a_finding_with_a_fix() {
        let rule = r#"rule r { message "“{match}”应为“{suggestion}”" forbid "第一职责人" suggest "第一责任人" }"#;
        let text = "履行第一职责人职责。提高第一职责人的能力。";
        let found = findings(rule, text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].message, "“第一职责人”应为“第一责任人”");
        let fix = found[0].fix.as_ref().expect("a fix");
        assert_eq!(&text[fix.offset..fix.offset + fix.length], "第一职责人");
        assert_eq!(fix.replacements, ["第一责任人"]);
    }

    #[test]
    fn a_suggestion_names_the_whole_match_as_match_or_0() {
        for suggest in [r#""[{match}]""#, r#""[{0}]""#] {
            let rule = format!(
                r#"rule r {{ message "m" forbid /法制(?P<w>政府)/ unless "[法制政府]" suggest {suggest} }}"#
            );
            let found = findings(&rule, "推进法制政府建设。");
            let fix = found[0].fix.as_ref().expect("a fix");
            assert_eq!(fix.replacements, ["[法制政府]"], "{suggest}");
        }
    }

    #[test]
    fn nothing_when_absent() {
        let rule = r#"rule r { message "m" forbid /法制(政府|思维)/ }"#;
        assert!(messages(rule, "加快建设法治政府，推进执法制度建设，严格法制审核。").is_empty());
    }

    #[test]
    fn exceptions_excuse_overlapping_matches_only() {
        let rule = r#"rule r { message "m" forbid /(法|政)\1(治|制|府)/ unless "执法法", "行政政" suggest "{1}{2}" }"#;
        assert_eq!(flagged(rule, "推进法法治政府建设。"), ["法法治"]);
        assert!(messages(rule, "完善行政执法法制审核流程。行政政府两手抓。").is_empty());
        let f = &findings(rule, "推进法法治政府建设。")[0];
        assert_eq!(
            f.fix.as_ref().map(|x| x.replacements.clone()),
            Some(vec!["法治".to_string()])
        );
    }

    #[test]
    fn named_group_at_moves_the_finding() {
        let rule = r#"rule r { message "m" forbid /(?s)\[索引号\].*?(?P<at>\[索引号\])/ }"#;
        let text = "[索引号] | 1 |\n正文。\n[索引号] | 1 |\n";
        assert_eq!(flagged(rule, text), ["[索引号]"]);
        let f = &findings(rule, text)[0];
        assert_eq!(f.labels[0].span.start, text.rfind('[').unwrap_or(0));
    }

    #[test]
    fn many_matches_and_exceptions_cost_linear_time() {
        // 200 000 findings of 法, and 200 000 matches of 治 each excused by an exception:
        // with a list of the places seen and a scan of every exception per match, this took
        // minutes (each match compared with all others); now it is a fraction of the bound.
        let rules = r#"rule a { message "m" forbid "法" }
            rule b { message "m" forbid "治" unless "治治" }"#;
        let text = "法法治治".repeat(100_000);
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let found = findings(rules, &text);
            // Finding positions for the output is part of the cost of many findings.
            let lines = crate::model::LineIndex::new(&text);
            let located: Vec<_> = found
                .into_iter()
                .map(|f| crate::diag::locate(f, &text, &lines))
                .collect();
            let _ = tx.send(located);
        });
        let bound = std::time::Duration::from_secs(60);
        let located = rx.recv_timeout(bound);
        assert!(
            located.is_ok(),
            "200 000 findings took longer than {bound:?}"
        );
        let located = located.unwrap_or_default();
        assert_eq!(located.len(), 200_000);
        assert!(located.iter().all(|f| f.finding.rule.ends_with('a')));
        assert_eq!(
            located
                .last()
                .map(|f| (f.labels[0].start.line, f.labels[0].start.column)),
            Some((1, 399_998))
        );
    }

    #[test]
    fn all_in_sentence_scope_is_one_finding_per_sentence() {
        let rule = r#"rule r { message "m" forbid all("同比", "成功率") in sentence }"#;
        assert_eq!(
            messages(rule, "成功率同比提高。同比下降。成功率99%。").len(),
            1
        );
    }
}
