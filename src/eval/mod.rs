//! Evaluation: a rule set compiled once into an [`Engine`], then run over documents.
//!
//! Compilation builds the shared matcher table (`matching`) and each rule's compiled check
//! (`crate::eval::kinds`). Running a document creates one [`matching::DocMatches`] (one literal
//! pass, regexes run lazily and once), evaluates every rule kind over it, and turns each
//! [`Hit`] into a [`Finding`] with the rule's metadata and interpolated message.

pub mod kinds;
pub mod matching;

use crate::diag::RuleInfo;
use crate::diag::{Finding, Fix, Label};
use crate::model::{Document, Facts};
use crate::pack::error::{PackError, PackErrors};
use crate::pack::load::RuleSet;
use crate::pack::model::{Check, Severity};
use crate::pack::values::{self, format_value, Value};
use kinds::Hit;
use matching::{Compiler, DocMatches, Leaf, Literals};

/// A rule's check after compilation.
#[derive(Debug, Clone)]
pub enum CompiledCheck {
    Require(kinds::require::Compiled),
    Forbid(kinds::forbid::Compiled),
    Match(kinds::matching::Compiled),
    Consistent(kinds::consistent::Compiled),
    When(kinds::when::Compiled),
    Sections(kinds::sections::Compiled),
    Headings(kinds::headings::Compiled),
    Facts(kinds::facts::Compiled),
    Paired(kinds::paired::Compiled),
    HalfWidth(kinds::halfwidth::Compiled),
    Terms(kinds::terms::Compiled),
    Doubled(kinds::doubled::Compiled),
    Digits(kinds::digits::Compiled),
    Statement(kinds::statements::Compiled),
}

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
}

/// A compiled rule set.
#[derive(Debug)]
pub struct Engine {
    rules: Vec<CompiledRule>,
    leaves: Vec<Leaf>,
    literals: Literals,
    /// How long one back-referencing regex may search one report.
    regex_time_limit: std::time::Duration,
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
            "title.year" | "body.year" => crate::eval::kinds::facts::year_fact(self.facts, name)
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
    /// Compile a rule set. Errors point into the pack sources they come from.
    pub fn new(set: &RuleSet) -> Result<Engine, PackErrors> {
        let mut c = Compiler::default();
        let mut rules = Vec::new();
        let mut errors: Vec<PackError> = Vec::new();
        for pr in &set.rules {
            let r = &pr.rule;
            let check = match &r.check {
                Check::Require(x) => kinds::require::compile(x, &mut c).map(CompiledCheck::Require),
                Check::Forbid(x) => kinds::forbid::compile(x, &mut c).map(CompiledCheck::Forbid),
                Check::Match(x) => kinds::matching::compile(x, &mut c).map(CompiledCheck::Match),
                Check::Consistent(x) => {
                    kinds::consistent::compile(x, &mut c).map(CompiledCheck::Consistent)
                }
                Check::When(x) => kinds::when::compile(x, &mut c).map(CompiledCheck::When),
                Check::Sections(x) => {
                    kinds::sections::compile(x, &mut c).map(CompiledCheck::Sections)
                }
                Check::Headings(x) => Ok(CompiledCheck::Headings(kinds::headings::compile(x))),
                Check::Facts(x) => Ok(CompiledCheck::Facts(kinds::facts::compile(x))),
                Check::Paired(x) => Ok(CompiledCheck::Paired(kinds::paired::compile(x))),
                Check::HalfWidth(x) => Ok(CompiledCheck::HalfWidth(kinds::halfwidth::compile(x))),
                Check::Terms(x) => kinds::terms::compile(x).map(CompiledCheck::Terms),
                Check::Doubled(x) => Ok(CompiledCheck::Doubled(kinds::doubled::compile(x))),
                Check::Digits(x) => Ok(CompiledCheck::Digits(kinds::digits::compile(x))),
                Check::Statement(x) => kinds::statements::compile(x).map(CompiledCheck::Statement),
            };
            match check {
                Ok(check) => rules.push(CompiledRule {
                    id: pr.full_id(),
                    severity: r.severity.value,
                    message: r.message.value.clone(),
                    help: r.help.as_ref().map(|h| h.value.clone()),
                    reference: r.reference.as_ref().map(|h| h.value.clone()),
                    once_per_file: r.once_per_file,
                    check,
                }),
                Err(mut e) => errors.append(&mut e),
            }
        }
        if !errors.is_empty() {
            // Packs are validated when loaded, so this only happens for rule sets built in
            // code; name the first pack for the source.
            let name = set
                .packs
                .first()
                .map_or("pack".to_string(), |p| p.name.value.clone());
            return Err(PackErrors::new(name, String::new(), errors));
        }
        let literals = Literals::new(&c.leaves);
        Ok(Engine {
            rules,
            leaves: c.leaves,
            literals,
            regex_time_limit: crate::pack::pattern::DEFAULT_REGEX_TIME_LIMIT,
        })
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
        for rule in &self.rules {
            let mut hits = evaluate(&rule.check, &matches);
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
            findings.extend(to_findings(rule, hits));
        }
        findings
    }
}

fn evaluate(check: &CompiledCheck, m: &DocMatches) -> Vec<Hit> {
    match check {
        CompiledCheck::Require(x) => kinds::require::evaluate(x, m),
        CompiledCheck::Forbid(x) => kinds::forbid::evaluate(x, m),
        CompiledCheck::Match(x) => kinds::matching::evaluate(x, m),
        CompiledCheck::Consistent(x) => kinds::consistent::evaluate(x, m),
        CompiledCheck::When(x) => kinds::when::evaluate(x, m),
        CompiledCheck::Sections(x) => kinds::sections::evaluate(x, m),
        CompiledCheck::Headings(x) => kinds::headings::evaluate(x, m),
        CompiledCheck::Facts(x) => kinds::facts::evaluate(x, m),
        CompiledCheck::Paired(x) => kinds::paired::evaluate(x, m),
        CompiledCheck::HalfWidth(x) => kinds::halfwidth::evaluate(x, m),
        CompiledCheck::Terms(x) => kinds::terms::evaluate(x, m),
        CompiledCheck::Doubled(x) => kinds::doubled::evaluate(x, m),
        CompiledCheck::Digits(x) => kinds::digits::evaluate(x, m),
        CompiledCheck::Statement(x) => kinds::statements::evaluate(x, m),
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
