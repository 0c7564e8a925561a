//! Evaluation: packs validated and compiled once, then run over documents.
//!
//! [`load`] reads pack files (and what they extend) through the front ends and
//! [`validate`]s each pack, which compiles it: every literal, regex and pattern into the
//! pack's leaf table (`search`), each rule's check by its kind (`crate::eval::kinds`). The
//! [`Engine`] takes the compiled rules as they are. Running a document creates one
//! [`search::DocMatches`] (one literal pass, regexes run lazily and once), evaluates every
//! rule kind over it, and turns each [`Hit`] into a [`Finding`] with the rule's metadata and
//! interpolated message.

pub mod divisions;
pub mod kinds;
pub mod load;
pub mod search;
pub mod timings;
pub mod validate;

pub use kinds::CompiledCheck;

use crate::diag::RuleInfo;
use crate::diag::{Finding, Fix, Label};
use crate::model::{Document, Facts};
use crate::pack::model::Severity;
use crate::pack::values::{self, format_value, Value};
use kinds::Hit;
use load::RuleSet;
use search::{DocMatches, Leaf, Literals};
use std::sync::Arc;

/// One rule ready to run.
#[derive(Debug, Clone)]
pub struct CompiledRule {
    /// `pack/id`.
    pub id: String,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    pub reference: Option<String>,
    pub once_per_file: bool,
    pub check: CompiledCheck,
    /// Where the leaf table of the rule's pack starts in the engine's table.
    leaf_base: usize,
}

/// A compiled rule set.
#[derive(Debug)]
pub struct Engine {
    rules: Vec<CompiledRule>,
    /// The leaf tables of the rules' packs, one after the other.
    leaves: Vec<Arc<Leaf>>,
    literals: Literals,
    /// How long one back-referencing regex may search one report.
    regex_time_limit: std::time::Duration,
    /// With `check --timings`: the time each rule and step took over the run.
    timings: Option<timings::Timings>,
}

/// Names and facts an expression can read while a rule is evaluated.
#[derive(Clone, Debug)]
pub struct Bindings<'f> {
    names: Vec<(String, Value)>,
    facts: &'f Facts,
}

impl<'f> Bindings<'f> {
    pub fn new(facts: &'f Facts) -> Self {
        Bindings {
            names: Vec::new(),
            facts,
        }
    }

    pub fn set(&mut self, name: &str, value: Value) {
        match self.names.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = value,
            None => self.names.push((name.to_string(), value)),
        }
    }

    pub fn get(&self, name: &str) -> Option<Value> {
        self.names
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    }

    pub fn fact(&self, name: &str) -> Option<Value> {
        match name {
            "report.year" => self
                .facts
                .report_year
                .as_ref()
                .map(|(y, _)| Value::count(*y as f64)),
            "title.year" | "body.year" => crate::eval::kinds::assert::year_fact(self.facts, name)
                .map(|(y, _)| Value::count(*y as f64)),
            "document.date" => self.facts.document_date.as_ref().map(|(d, _)| Value::Date {
                year: d.year,
                month: d.month,
                day: d.day,
            }),
            _ => None,
        }
    }

    /// Every name and fact, for message interpolation.
    pub fn vars(&self) -> Vec<(String, Value)> {
        let mut v = self.names.clone();
        for f in crate::pack::expr::FACTS {
            if let Some(val) = self.fact(f) {
                v.push((f.to_string(), val));
            }
        }
        v
    }
}

impl values::Env for Bindings<'_> {
    fn name(&self, name: &str) -> Option<Value> {
        self.get(name)
    }
    fn fact(&self, name: &str) -> Option<Value> {
        Bindings::fact(self, name)
    }
}

impl Engine {
    /// The engine for a rule set, whose rules were compiled when their packs were validated.
    pub fn new(set: &RuleSet) -> Engine {
        let mut tables: Vec<(&Arc<Vec<Arc<Leaf>>>, usize)> = Vec::new();
        let mut leaves: Vec<Arc<Leaf>> = Vec::new();
        let mut rules = Vec::new();
        for pr in &set.rules {
            let leaf_base = match tables.iter().find(|(t, _)| Arc::ptr_eq(t, &pr.leaves)) {
                Some((_, base)) => *base,
                None => {
                    let base = leaves.len();
                    leaves.extend(pr.leaves.iter().cloned());
                    tables.push((&pr.leaves, base));
                    base
                }
            };
            let r = &pr.rule;
            rules.push(CompiledRule {
                id: pr.full_id(),
                severity: r.severity.value,
                message: r.message.value.clone(),
                help: r.help.as_ref().map(|h| h.value.clone()),
                reference: r.reference.as_ref().map(|h| h.value.clone()),
                once_per_file: r.once_per_file,
                check: pr.check.clone(),
                leaf_base,
            });
        }
        let literals = Literals::new(&leaves);
        Engine {
            rules,
            leaves,
            literals,
            regex_time_limit: crate::pack::pattern::DEFAULT_REGEX_TIME_LIMIT,
            timings: None,
        }
    }

    /// Compile the regexes and patterns that are not compiled yet (the built-in pack's
    /// compile when first searched) on a thread of their own, last first, while the reports
    /// are read and the rules run from the first: on a second core, a report's first check
    /// no longer waits for most of them. A leaf the rules reach first is compiled by them,
    /// once either way; what is found does not depend on who compiled it.
    pub fn compile_in_background(&self) {
        let pending: Vec<Arc<Leaf>> = self
            .leaves
            .iter()
            .rev()
            .filter(|leaf| !leaf.is_compiled())
            .cloned()
            .collect();
        if pending.is_empty() {
            return;
        }
        // Without a thread, each leaf is compiled when first searched, as before.
        let _ = std::thread::Builder::new()
            .name("compile".to_string())
            .spawn(move || {
                for leaf in pending {
                    leaf.compile();
                }
            });
    }

    /// Makes the engine measure the time each rule takes (see [`timings`]).
    pub fn with_timings(mut self) -> Engine {
        self.timings = Some(timings::Timings::new(self.rules.len()));
        self
    }

    /// The time measured so far, when the engine measures it.
    pub fn timings(&self) -> Option<&timings::Timings> {
        self.timings.as_ref()
    }

    /// The `--timings` table: the `top` slowest rows (all with `None`).
    pub fn timings_table(&self, top: Option<usize>) -> Option<String> {
        let t = self.timings.as_ref()?;
        Some(t.table(self.rules.iter().map(|r| r.id.as_str()), top))
    }

    /// Sets how long one regex with back-references may search one report before it gives
    /// up; the rules using it then say they could not be evaluated on that report (default
    /// [`crate::pack::pattern::DEFAULT_REGEX_TIME_LIMIT`]).
    pub fn with_regex_time_limit(mut self, limit: std::time::Duration) -> Engine {
        self.regex_time_limit = limit;
        self
    }

    /// Rule metadata for printers that list rules up front.
    pub fn rule_infos(&self) -> Vec<RuleInfo> {
        self.rules
            .iter()
            .map(|r| RuleInfo {
                id: r.id.clone(),
                severity: r.severity,
                summary: summary_of(&r.message),
                help: r.help.clone(),
                reference: r.reference.clone(),
            })
            .collect()
    }

    /// Run every rule over a document.
    pub fn check(&self, doc: &Document) -> Vec<Finding> {
        let matches = DocMatches::new(doc, &self.leaves, &self.literals)
            .with_regex_time_limit(self.regex_time_limit);
        let mut findings = Vec::new();
        for (index, rule) in self.rules.iter().enumerate() {
            matches.set_pack_leaves(rule.leaf_base);
            let started = self
                .timings
                .as_ref()
                .map(|_| (std::time::Instant::now(), matches.statements_time()));
            let mut hits = kinds::evaluate(&rule.check, &matches);
            if let (Some(t), Some((at, analysed_before))) = (&self.timings, started) {
                // The statement analyser runs for the first rule that needs it; its time has
                // a row of its own.
                let analysing = matches.statements_time().saturating_sub(analysed_before);
                t.add_rule(index, at.elapsed().saturating_sub(analysing));
                t.add_statements(analysing);
            }
            let gave_up = matches.take_gave_up();
            if !gave_up.is_empty() {
                // The rule saw an incomplete search: what it would say (text missing, or
                // present) has no ground on this report, so it only says that.
                hits.clear();
            }
            for why in gave_up {
                hits.push(Hit {
                    labels: vec![Label::new(first_line(doc), Some("本文".to_string()))],
                    rule_error: Some(why),
                    ..Hit::default()
                });
            }
            if rule.message.contains('{') {
                // Every kind's message may name document facts (`{report.year}`), which only
                // the kinds that evaluate expressions bind themselves.
                let mut facts = Bindings::new(&doc.facts).vars();
                // A fact the report does not state (no year anywhere) shows as `…`, not as
                // the braces of the message.
                for f in crate::pack::expr::FACTS {
                    let named = rule.message.contains(&format!("{{{f}}}"));
                    if named && !facts.iter().any(|(n, _)| n == f) {
                        facts.push((f.to_string(), Value::Text("…".to_string())));
                    }
                }
                for hit in &mut hits {
                    for (name, value) in &facts {
                        if !hit.vars.iter().any(|(n, _)| n == name) {
                            hit.vars.push((name.clone(), value.clone()));
                        }
                    }
                }
            }
            findings.extend(to_findings(rule, hits));
        }
        findings
    }
}

/// The span of the document's first line, where problems of a whole-document search are
/// shown.
fn first_line(doc: &Document) -> std::ops::Range<usize> {
    let text = doc.text.as_str();
    let end = text.find('\n').unwrap_or(text.len());
    0..text
        .get(..end)
        .map_or(0, |l| l.trim_end_matches('\r').len())
}

/// The first line of a message template without placeholders, as a rule summary.
fn summary_of(message: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in message.lines().next().unwrap_or_default().chars() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            c if depth == 0 => out.push(c),
            _ => out.push('…'),
        }
    }
    out.trim().to_string()
}

/// Fill `{name}` and `{name:spec}` from the hit's values; `{{`/`}}` are literal braces.
pub fn interpolate(template: &str, vars: &[(String, Value)]) -> String {
    let mut out = String::new();
    let mut chars = template.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' if template[i + 1..].starts_with('{') => {
                chars.next();
                out.push('{');
            }
            '}' if template[i + 1..].starts_with('}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                let rest = &template[i + 1..];
                let Some(close) = rest.find('}') else {
                    out.push_str(&template[i..]);
                    break;
                };
                let inner = &rest[..close];
                let (name, spec) = match inner.split_once(':') {
                    Some((n, s)) => (n, Some(s)),
                    None => (inner, None),
                };
                match vars.iter().find(|(n, _)| n == name) {
                    Some((_, v)) => out.push_str(&format_value(v, spec)),
                    None => {
                        out.push('{');
                        out.push_str(inner);
                        out.push('}');
                    }
                }
                for _ in 0..inner.chars().count() + 1 {
                    chars.next();
                }
            }
            c => out.push(c),
        }
    }
    out
}

fn to_findings(rule: &CompiledRule, hits: Vec<Hit>) -> Vec<Finding> {
    let make = |hit: Hit, count: usize| {
        if let Some(err) = hit.rule_error {
            return Finding {
                rule: rule.id.clone(),
                severity: Severity::Warning,
                message: crate::tr!("eval-rule-error", error = err),
                help: Some(crate::tr!("eval-rule-error-help")),
                reference: None,
                labels: hit.labels,
                note: None,
                fix: None,
                folded: 0,
                folded_labels: Vec::new(),
                folded_fixes: Vec::new(),
            };
        }
        let mut vars = hit.vars;
        vars.push(("count".to_string(), Value::count(count as f64)));
        Finding {
            rule: rule.id.clone(),
            severity: rule.severity,
            message: interpolate(&rule.message, &vars),
            help: rule.help.clone(),
            reference: rule.reference.clone(),
            labels: hit.labels,
            note: hit.note,
            fix: hit.fix,
            folded: 0,
            folded_labels: Vec::new(),
            folded_fixes: Vec::new(),
        }
    };
    if rule.once_per_file && hits.len() > 1 {
        let count = hits.len();
        let mut labels: Vec<Label> = Vec::new();
        let mut folded_labels: Vec<Label> = Vec::new();
        for (i, h) in hits.iter().filter(|h| h.rule_error.is_none()).enumerate() {
            let into = if i < 5 {
                &mut labels
            } else {
                &mut folded_labels
            };
            into.extend(h.labels.iter().take(1).cloned());
        }
        let mut hits = hits.into_iter();
        let mut first = hits.next().unwrap_or_default();
        // Every occurrence keeps its fix: `--fix` corrects them all.
        let folded_fixes: Vec<Fix> = hits.filter_map(|h| h.fix).collect();
        let shown = labels.len();
        first.labels = labels;
        let mut f = make(first, count);
        f.folded = count.saturating_sub(shown);
        f.folded_labels = folded_labels;
        f.folded_fixes = folded_fixes;
        return vec![f];
    }
    let count = hits.len();
    hits.into_iter().map(|h| make(h, count)).collect()
}

#[cfg(test)]
mod tests {
    use super::search::Leaf;
    use super::Engine;
    use crate::eval::load::{self, load_builtin};
    use crate::pack::pattern::compiled;
    use proptest::prelude::*;

    /// Loading a pack file compiles each distinct regex and pattern of it once, however many
    /// rules use it; the built-in pack is loaded without compiling any (each compiles when it
    /// first searches); the engine compiles nothing; checking reports compiles each at most
    /// once.
    #[test]
    fn a_pack_file_is_compiled_when_it_is_loaded_the_built_in_pack_when_it_searches() {
        let before = compiled::so_far();
        let file = load::parse("fazhi.rules", load::BUILTIN[0].source, load::Form::Dsl)
            .expect("the built-in pack parses")
            .rule_set();
        let when_loaded = compiled::so_far() - before;
        let leaves = &file.rules[0].leaves;
        assert!(file
            .rules
            .iter()
            .all(|r| std::sync::Arc::ptr_eq(&r.leaves, leaves)));
        let searched = leaves
            .iter()
            .filter(|l| !matches!(***l, Leaf::Literal(_) | Leaf::Year(_)))
            .count();
        assert!(searched > 30, "{searched}");
        assert_eq!(when_loaded, searched);

        let before = compiled::so_far();
        let set = load_builtin("fazhi").expect("the built-in pack loads");
        let when_loaded = compiled::so_far() - before;
        // Only what validation must run: a `forbid` suggestion is checked against the regex it
        // replaces (the bookmark rule's).
        let ready = set.rules[0]
            .leaves
            .iter()
            .filter(|l| match &***l {
                Leaf::Regex(r) => r.is_compiled(),
                Leaf::Pattern(p) => p.is_compiled(),
                Leaf::Literal(_) | Leaf::Year(_) => false,
            })
            .count();
        assert_eq!(when_loaded, ready);
        assert!(when_loaded <= 2, "{when_loaded} compiled when loaded");
        let before = compiled::so_far();
        let engine = Engine::new(&set);
        assert_eq!(compiled::so_far() - before, 0);
        assert_eq!(engine.rules.len(), set.rules.len());

        let before = compiled::so_far();
        let reports = [
            "XX镇2025年法治政府建设年度报告\n一、主要举措\n全年受理行政复议案件12件，办结10件。",
            "XX局2024年度法治政府建设情况报告\n（一）深化改革\n行政执法公示制度全面落实，执法全过程记录率达100%。",
        ];
        for text in reports.iter().chain(&reports) {
            engine.check(&crate::model::Document::parse(text.to_string()));
        }
        let when_checked = compiled::so_far() - before;
        assert!(
            when_checked + ready <= searched,
            "{when_checked} + {ready} > {searched}"
        );
    }

    /// Every regex and pattern of the built-in packs compiles (what compiling them at first
    /// use counts on), and what validation tells of them without compiling them (group
    /// names, captures) is what compiling them tells.
    #[test]
    fn every_regex_and_pattern_of_the_built_in_packs_compiles_as_validation_said() {
        for builtin in load::BUILTIN {
            let set = load_builtin(builtin.name).expect("the built-in pack loads");
            for leaf in set.rules[0].leaves.iter() {
                match &**leaf {
                    Leaf::Regex(regex) => {
                        assert_eq!(regex.groups(), regex.compiled().groups());
                    }
                    Leaf::Pattern(pattern) => {
                        assert!(!pattern.is_compiled());
                        let said: Vec<_> =
                            pattern.captures.iter().map(|c| (&c.name, &c.ty)).collect();
                        let compiled = pattern.compiled();
                        let found: Vec<_> =
                            compiled.captures.iter().map(|c| (&c.name, &c.ty)).collect();
                        assert_eq!(said, found);
                        assert!(compiled.captures.iter().all(|c| c.group > 0));
                    }
                    Leaf::Literal(_) | Leaf::Year(_) => {}
                }
            }
        }
    }

    /// Compiling in the background while a report is checked finds what compiling at once
    /// finds, and leaves every regex and pattern compiled.
    #[test]
    fn compiling_in_the_background_finds_what_compiling_at_once_finds() {
        let set = load_builtin("fazhi").expect("the built-in pack loads");
        let engine = Engine::new(&set);
        engine.compile_in_background();
        let text = "XX镇2025年法治政府建设年度报告\n一、主要举措\n全年受理行政复议案件12件，办结10件。\n二、存在问题\n执法全过程记录制度落实不到位。";
        let doc = crate::model::Document::parse(text.to_string());
        assert_eq!(
            format!("{:?}", engine.check(&doc)),
            format!("{:?}", built_in().1.check(&doc))
        );
        let started = std::time::Instant::now();
        while !engine.leaves.iter().all(|l| l.is_compiled()) {
            assert!(started.elapsed() < std::time::Duration::from_secs(60));
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    /// The built-in pack as parsed, and compiled at once.
    fn built_in() -> &'static (crate::eval::kinds::Pack, Engine) {
        static BUILT_IN: std::sync::OnceLock<(crate::eval::kinds::Pack, Engine)> =
            std::sync::OnceLock::new();
        BUILT_IN.get_or_init(|| {
            let valid = load::parse("fazhi.rules", load::BUILTIN[0].source, load::Form::Dsl)
                .expect("the built-in pack parses");
            (valid.pack.clone(), Engine::new(&valid.rule_set()))
        })
    }

    /// Reports made of the example texts of the built-in pack's rules (which pass or fail
    /// them), in any order, some twice, under headings.
    fn report() -> impl Strategy<Value = String> {
        let examples: Vec<String> = built_in()
            .0
            .rules
            .iter()
            .flat_map(|r| r.examples.iter().map(|e| e.text.value.clone()))
            .chain(["一、工作举措\n".to_string(), "（二）存在问题\n".to_string()])
            .collect();
        prop::collection::vec(prop::sample::select(examples), 0..8)
            .prop_map(|parts| format!("XX县2025年法治政府建设年度报告\n{}", parts.join("\n")))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// A pack whose regexes and patterns compile at first use finds exactly what the same
        /// pack compiled at once finds (each case with a freshly validated pack, so that its
        /// leaves compile while this report is checked).
        #[test]
        fn compiling_at_first_use_finds_what_compiling_at_once_finds(text in report()) {
            let (pack, eager) = built_in();
            let compiled = crate::eval::validate::validate_compiling(
                pack,
                false,
                crate::pack::pattern::CompileWhen::FirstUse,
            )
            .expect("the built-in pack validates");
            let lazy = load::ValidPack { pack: pack.clone(), compiled }.rule_set();
            let lazy = Engine::new(&lazy);
            let doc = crate::model::Document::parse(text);
            prop_assert_eq!(format!("{:?}", lazy.check(&doc)), format!("{:?}", eager.check(&doc)));
        }
    }
}
