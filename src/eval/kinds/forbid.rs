//! Kind `forbid`: text must not appear.
//!
//! Every occurrence of the matcher's leaves in the scope is a finding, unless an exception
//! (`unless`) matches text overlapping it — `forbid /(法|治)\1/ unless "执法法规"` flags
//! 法法治 but not 行政执法法规. With `all(…)`, a unit (sentence, paragraph …) holding every
//! part is one finding. Suggestions become a machine-applicable fix; they may interpolate
//! the match's captures (`{1}`, `{name}`), `{0}` being the whole match.
//!
//! ```text
//! rule first-duty {
//!   message "“第一职责人”应为“{suggestion}”"
//!   forbid "第一职责人" suggest "第一责任人"
//!   pass "党政主要负责人切实履行推进法治建设第一责任人职责。"
//!   fail "党政主要负责人切实履行推进法治建设第一职责人职责。"
//! }
//! ```

use super::Hit;
use crate::diag::{Fix, Label};
use crate::eval::search::Leaf;
use crate::eval::search::{
    CompiledMatcher, CompiledScope, Compiler, DocMatches, LeafMatch, Span,
};
use crate::eval::validate::{
    captures_of, check_scope, check_template, compile_into, leaves_of, Names,
};
use crate::pack::error::PackError;
use crate::pack::model::{Matcher, Scope, Spanned};
use crate::pack::pattern::RegexSearch;
use crate::pack::values::Value;
use std::collections::HashSet;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct Compiled {
    pub what: CompiledMatcher,
    pub unless: Vec<CompiledMatcher>,
    pub suggest: Vec<String>,
    pub scope: CompiledScope,
}

/// Kind `forbid`: the matcher must not match, except where an exception matches the same text.
#[derive(Clone, Debug, PartialEq)]
pub struct Forbid {
    pub what: Matcher,
    /// A match is excused when an exception matches text overlapping it.
    pub unless: Vec<Matcher>,
    /// Replacement templates for the matched text (may interpolate captures).
    pub suggest: Vec<Spanned<String>>,
    pub scope: Scope,
}

/// The names this kind gives its findings for message templates, beside captures, `let`s,
/// facts, `match` and `count`.
pub const MESSAGE_NAMES: &[&str] = &["suggestion", "0"];

/// What validation checks of a rule of this kind; the names its message may use.
pub fn validate(forbid: &Forbid, c: &mut Compiler, errors: &mut Vec<PackError>) -> Option<Names> {
    let captures = captures_of(&forbid.what, c, errors);
    check_scope(&forbid.scope, c, errors);
    for exception in &forbid.unless {
        compile_into(exception, c, errors);
    }
    let captures = captures?;
    for suggestion in &forbid.suggest {
        check_template(suggestion, &captures, &["match", "0"], errors);
    }
    check_suggestions_settle(forbid, c, errors);
    Some(captures)
}

/// Refuse a `forbid` suggestion that its own rule would flag again: `--fix` would put the
/// forbidden text back, and the text would grow on every run (`forbid "法治" suggest
/// "法治（依法）"`). Checked where the replacement can be told from the pack: a suggestion
/// without placeholders, or naming only the whole match (`{0}`, `{match}`) of a literal;
/// and any suggestion holding the whole match of a regex that reads no context (no
/// look-around, anchor or word boundary) and has no `unless`. An exception (`unless`) that
/// matches in the replacement over the forbidden text excuses it, as it would in a report.
/// Suggestions with other captures are left to `--fix`, which stops when fixes do not settle.
fn check_suggestions_settle(forbid: &Forbid, c: &mut Compiler, errors: &mut Vec<PackError>) {
    // Matchers that do not compile are reported by the caller already.
    let mut scratch = Vec::new();
    let Some(what) = compile_into(&forbid.what, c, &mut scratch) else {
        return;
    };
    if let CompiledMatcher::All(_) | CompiledMatcher::None(_) = what {
        // A unit holding every part is one finding without a fix.
        return;
    }
    let mut leaves = Vec::new();
    leaves_of(&what, &c.leaves, &mut leaves);
    let exceptions: Vec<CompiledMatcher> = forbid
        .unless
        .iter()
        .filter_map(|exception| compile_into(exception, c, &mut scratch))
        .collect();
    if !scratch.is_empty() {
        return;
    }
    let mut unless = Vec::new();
    for exception in &exceptions {
        leaves_of(exception, &c.leaves, &mut unless);
    }
    for suggestion in &forbid.suggest {
        if let Some(why) = refixed(&suggestion.value, &leaves, &unless) {
            errors.push(
                PackError::new(
                    crate::tr!("val-suggestion-holds-what-own"),
                    suggestion.span.clone(),
                )
                .with_label(why)
                .with_help(crate::tr!("val-fix-would-put-forbidden")),
            );
        }
    }
}

/// Why the replacement `template` makes for a match of one of `leaves` is flagged again,
/// when that can be told.
fn refixed(template: &str, leaves: &[Arc<Leaf>], unless: &[Arc<Leaf>]) -> Option<String> {
    for leaf in leaves {
        let (whole, groups): (Option<&str>, Vec<String>) = match &**leaf {
            Leaf::Literal(text) => (Some(text.as_str()), Vec::new()),
            Leaf::Regex(regex) => (None, regex.groups().to_vec()),
            Leaf::Pattern(pattern) => (
                None,
                pattern.captures.iter().map(|c| c.name.clone()).collect(),
            ),
            Leaf::Year(_) => (None, Vec::new()),
        };
        if groups.iter().any(|g| g == "at") {
            // The fix replaces only the `at` group; the rest of the match stays around it.
            continue;
        }
        match fill_known(template, whole, &groups) {
            Filled::Text(replacement) => {
                if let Some(found) = flagged_in(&replacement, leaves, unless) {
                    return Some(if found == replacement {
                        crate::tr!(
                            "val-replacement-itself-forbidden-by",
                            replacement = replacement
                        )
                    } else {
                        crate::tr!(
                            "val-replacement-holds-found-which",
                            replacement = replacement,
                            found = found
                        )
                    });
                }
            }
            Filled::HasWholeMatch if unless.is_empty() && reads_no_context(leaf) => {
                return Some(crate::tr!("val-replacement-holds-whole-match"));
            }
            Filled::HasWholeMatch | Filled::Unknown => {}
        }
    }
    None
}

/// A suggestion template filled the way `kinds::forbid` fills it, as far as the pack tells.
enum Filled {
    Text(String),
    /// It holds the whole match (`{0}`, `{match}`), whose text depends on the report.
    HasWholeMatch,
    /// It holds a capture, whose text depends on the report.
    Unknown,
}

/// Fill `{0}`/`{match}` with `whole` (when known) and keep other names that are not
/// `groups` as written, as the evaluator does.
fn fill_known(template: &str, whole: Option<&str>, groups: &[String]) -> Filled {
    let mut out = String::new();
    let mut rest = template;
    let mut has_whole = false;
    let mut unknown = false;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let name = &after[..close];
        if name == "0" || name == "match" {
            has_whole = true;
            out.push_str(whole.unwrap_or_default());
        } else if groups.iter().any(|g| g == name) {
            unknown = true;
        } else {
            out.push('{');
            out.push_str(name);
            out.push('}');
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    match (whole, has_whole, unknown) {
        (None, true, _) => Filled::HasWholeMatch,
        (_, _, true) => Filled::Unknown,
        _ => Filled::Text(out),
    }
}

/// The first text of `replacement` one of `leaves` matches that no exception matching
/// over it excuses. A search that gives up decides nothing.
fn flagged_in(replacement: &str, leaves: &[Arc<Leaf>], unless: &[Arc<Leaf>]) -> Option<String> {
    let mut excused = Vec::new();
    for exception in unless {
        excused.extend(spans_in(exception, replacement)?);
    }
    for leaf in leaves {
        let Some(found) = spans_in(leaf, replacement) else {
            continue;
        };
        for span in found {
            let excuse = excused
                .iter()
                .any(|e: &std::ops::Range<usize>| e.start < span.end && span.start < e.end);
            if !excuse {
                return replacement.get(span).map(str::to_string);
            }
        }
    }
    None
}

/// Where a leaf matches in `text`; `None` when the search gives up.
fn spans_in(leaf: &Leaf, text: &str) -> Option<Vec<std::ops::Range<usize>>> {
    Some(match leaf {
        Leaf::Literal(word) => text
            .match_indices(word.as_str())
            .map(|(at, w)| at..at + w.len())
            .collect(),
        Leaf::Regex(regex) => regex
            .matches(text)
            .ok()?
            .into_iter()
            .map(|m| m.span)
            .collect(),
        Leaf::Pattern(pattern) => pattern.find_iter(text).map(|m| m.span).collect(),
        // The year depends on the document's facts, which a replacement alone does not have.
        Leaf::Year(_) => return None,
    })
}

/// Whether a regex matches a text the same wherever the text stands: no look-around,
/// anchor or word boundary (what the `regex` crate calls look assertions).
fn reads_no_context(leaf: &Leaf) -> bool {
    let Leaf::Regex(regex) = leaf else {
        return false;
    };
    let RegexSearch::Plain(re, _) = regex.search() else {
        return false;
    };
    regex_syntax::parse(re.as_str()).is_ok_and(|hir| hir.properties().look_set().is_empty())
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

/// How a `forbid` rule is written: `forbid MATCHER [unless (…)] [suggest "…"] [in SCOPE]` in
/// the DSL, `forbid: MATCHER` with `unless:`, `suggest:` and `scope:` in YAML.
mod syntax {
    use std::fmt::Write;

    use pest::iterators::Pair;
    use serde_json::Value as Json;

    use crate::pack::dsl::print::{list, scope_suffix, wrapped_line};
    use crate::pack::dsl::{quote, Builder, DslKind, Rule as G};
    use crate::pack::model::Scope;
    use super::Forbid;
    use crate::pack::yaml::schema::reference;
    use crate::pack::yaml::write::{matcher_yaml, scope_entry, seq, texts};
    use crate::pack::yaml::{Fields, Node, Reader, Yaml, YamlKind};

    impl DslKind for Forbid {
        const LINES: &'static [G] = &[G::forbid];

        fn dsl_build(b: &mut Builder<'_>, pair: Pair<'_, G>) -> Option<Self> {
            let mut what = None;
            let mut unless = Some(Vec::new());
            let mut suggest = Some(Vec::new());
            let mut scope = Some(Scope::Document);
            for part in pair.into_inner() {
                match part.as_rule() {
                    G::matcher => what = b.matcher(part),
                    G::unless => unless = b.matcher_list(part.into_inner()),
                    G::suggest => {
                        let texts: Vec<_> = part
                            .into_inner()
                            .filter(|p| p.as_rule() == G::string)
                            .map(|s| b.string(s))
                            .collect();
                        suggest = texts.into_iter().collect();
                    }
                    G::scope => scope = b.scope(part),
                    _ => {}
                }
            }
            Some(Forbid {
                what: what?,
                unless: unless?,
                suggest: suggest?,
                scope: scope?,
            })
        }

        fn dsl_print(&self, out: &mut String) {
            let mut text = format!("forbid {}", self.what);
            if !self.unless.is_empty() {
                let _ = write!(text, " unless {}", list(&self.unless));
            }
            if !self.suggest.is_empty() {
                let suggestions: Vec<String> = self.suggest.iter().map(|s| quote(s)).collect();
                let _ = write!(text, " suggest {}", suggestions.join(", "));
            }
            text.push_str(&scope_suffix(&self.scope));
            wrapped_line(out, 1, &text);
        }
    }

    impl YamlKind for Forbid {
        const MODIFIERS: &'static [&'static str] = &["scope", "unless", "suggest"];

        fn yaml_read(r: &mut Reader<'_>, what: &Node, fields: &Fields<'_>) -> Option<Self> {
            let what = r.matcher(what);
            let unless = fields
                .get("unless")
                .map_or_else(|| Some(Vec::new()), |n| r.matcher_list(n));
            let suggest = fields
                .get("suggest")
                .map_or_else(Vec::new, |n| r.text_list(n, "`suggest`"));
            let scope = r.scope_field(fields);
            Some(Forbid {
                what: what?,
                unless: unless?,
                suggest,
                scope: scope?,
            })
        }

        fn yaml_write(&self, entries: &mut Vec<(&'static str, Yaml)>) {
            entries.push(("forbid", matcher_yaml(&self.what)));
            if !self.unless.is_empty() {
                entries.push(("unless", seq(self.unless.iter().map(matcher_yaml).collect())));
            }
            if !self.suggest.is_empty() {
                entries.push(("suggest", texts(&self.suggest)));
            }
            scope_entry(&self.scope, entries);
        }

        fn yaml_schema() -> Json {
            reference("matcher")
        }

        fn yaml_description() -> String {
            crate::i18n::text("schema-kind-forbid", &[])
        }
    }
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

/// Suggestions that `--fix` would have to apply again are refused by validation.
#[cfg(test)]
mod suggestion_tests {
    use crate::eval::load::{parse, Form};

    /// The messages and underlined text of the errors of a one-rule pack.
    fn errors(check: &str) -> Vec<(String, String)> {
        let src = format!(
            "pack \"p\"\nversion \"1.0\"\ndescription \"d\"\n\nrule r {{\n  severity error\n  message \"m\"\n  {check}\n}}\n"
        );
        match parse("p.rules", &src, Form::Dsl) {
            Ok(_) => Vec::new(),
            Err(found) => found
                .errors
                .iter()
                .map(|e| {
                    let at = src.get(e.span.clone()).unwrap_or_default().to_string();
                    (e.message.clone(), at)
                })
                .collect(),
        }
    }

    const REFIXED: &str = "this suggestion holds what its own rule forbids";

    fn refused(check: &str) -> Vec<String> {
        errors(check)
            .into_iter()
            .filter(|(message, _)| message == REFIXED)
            .map(|(_, at)| at)
            .collect()
    }

    #[test]
    fn a_suggestion_holding_the_forbidden_literal_is_refused_where_it_is_written() {
        assert_eq!(
            refused(r#"forbid "法治" suggest "法治（依法）""#),
            ["法治（依法）"]
        );
        // Any of the forbidden words, and the forbidden word itself.
        assert_eq!(
            refused(r#"forbid "第一负责人" | "第一职责人" suggest "第一责任人", "第一职责人""#),
            ["第一职责人"]
        );
        assert_eq!(
            refused(r#"forbid "法制" suggest "{match}建设""#),
            ["{match}建设"]
        );
    }

    #[test]
    fn a_suggestion_a_regex_matches_again_is_refused_when_that_can_be_told() {
        // No placeholder: the regex is run on the replacement.
        assert_eq!(
            refused(r#"forbid /法制(政府|建设)/ suggest "法制政府""#),
            ["法制政府"]
        );
        // The whole match put back by a regex that reads no context.
        assert_eq!(
            refused(r#"forbid /法制(?P<w>政府|建设)/ suggest "推进{match}""#),
            ["推进{match}"]
        );
    }

    #[test]
    fn suggestions_that_settle_or_cannot_be_told_pass() {
        for check in [
            r#"forbid "第一负责人" suggest "第一责任人""#,
            // The exception excuses the suggested wording, as it would in a report.
            r#"forbid "政府" unless "人民政府" suggest "人民政府""#,
            // Captures depend on the report: left to `--fix`.
            r#"forbid /法(?P<z>治)/ suggest "法{z}（依法）""#,
            // An anchored regex reads the text around the match.
            r#"forbid /(?m)^法制度/ suggest "{match}""#,
            // `all` gives no fix.
            r#"forbid all("法制", "政府") suggest "法制政府""#,
        ] {
            assert_eq!(refused(check), Vec::<String>::new(), "{check}");
        }
    }
}
