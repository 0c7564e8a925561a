//! What happens to one file's findings between the evaluator and the report: per-path
//! overrides (rules switched off or set to another severity for some folders), accepted
//! findings (`suppress` entries with their reasons), and the baseline.
//!
//! A [`Gate`] is built once per run from the configuration and the `--baseline` file; the
//! workers call [`Gate::apply`] on each file with its located findings and text (needed to
//! match `text:` of a suppression and to identify baseline entries) and get back the
//! findings to report, how many were suppressed or baselined, and the baseline entries of
//! what remains (for `--write-baseline`).

use globset::GlobMatcher;
use std::sync::atomic::{AtomicBool, Ordering};

use super::baseline::{self, Baseline, Entry};
use super::select::{self, glob_set};
use super::{names_rule, Config};
use crate::diag::LocatedFinding;
use crate::pack::model::Severity;

/// Where a checked file is, in the two forms the gate matches on.
#[derive(Clone, Debug, Default)]
pub struct FileKey {
    /// Relative to the configuration folder (`None`: outside it, or no configuration).
    pub project: Option<String>,
    /// Relative to the baseline file's folder (the display path when there is no baseline).
    pub baseline: String,
}

struct PathRules {
    paths: globset::GlobSet,
    disable: Vec<String>,
    severity: Vec<(String, Severity)>,
}

struct Accepted {
    rule: String,
    path: Option<GlobMatcher>,
    text: Option<String>,
    /// The rule runs in this run (not left out by `--rule`, `--skip` or `disable`).
    runs: bool,
    /// Some checked file lay under `path` with the rule running on it. Set by the workers;
    /// flags only ever go from false to true, so the result does not depend on their order.
    in_scope: AtomicBool,
    /// The entry accepted a finding.
    used: AtomicBool,
}

/// The per-file filter of a run.
#[derive(Default)]
pub struct Gate {
    overrides: Vec<PathRules>,
    accepted: Vec<Accepted>,
    baseline: Option<Baseline>,
}

/// One file's findings after the gate.
#[derive(Clone, Debug, Default)]
pub struct Gated {
    pub findings: Vec<LocatedFinding>,
    pub suppressed: usize,
    pub baselined: usize,
    /// Baseline entries of the findings that passed the overrides and suppressions.
    pub entries: Vec<Entry>,
}

impl Gate {
    pub fn new(config: Option<&Config>, baseline: Option<Baseline>) -> Gate {
        let mut gate = Gate {
            baseline,
            ..Gate::default()
        };
        let Some(config) = config else {
            return gate;
        };
        for o in &config.overrides {
            if let Some(paths) = glob_set(o.paths.iter().map(|p| p.value.as_str())) {
                gate.overrides.push(PathRules {
                    paths,
                    disable: o.disable.iter().map(|d| d.value.clone()).collect(),
                    severity: o
                        .severity
                        .iter()
                        .map(|(r, s)| (r.value.clone(), *s))
                        .collect(),
                });
            }
        }
        gate.accepted = config
            .suppress
            .iter()
            .map(|s| Accepted {
                rule: s.rule.value.clone(),
                path: select::matcher(&s.path.value),
                text: s.text.clone(),
                runs: true,
                in_scope: AtomicBool::new(false),
                used: AtomicBool::new(false),
            })
            .collect();
        gate
    }

    /// Tell the gate which rules run (full ids), so that a suppression of a rule left out
    /// of this run is not taken for a stale one.
    pub fn with_running_rules(mut self, ids: &[&str]) -> Gate {
        for a in &mut self.accepted {
            a.runs = ids.iter().any(|id| names_rule(&a.rule, id));
        }
        self
    }

    /// The `suppress` entries (by position in the configuration) that had a checked file
    /// under their path with their rule running on it, yet accepted no finding: the report
    /// was corrected, or the entry never matched what it was written for.
    pub fn unused_suppressions(&self) -> Vec<usize> {
        self.accepted
            .iter()
            .enumerate()
            .filter(|(_, a)| a.in_scope.load(Ordering::Relaxed) && !a.used.load(Ordering::Relaxed))
            .map(|(i, _)| i)
            .collect()
    }

    /// Filter one file's findings (in display order) over its `text`.
    pub fn apply(&self, file: &FileKey, text: &str, findings: Vec<LocatedFinding>) -> Gated {
        let project = file.project.as_deref();
        let here: Vec<&PathRules> = match project {
            Some(rel) => self
                .overrides
                .iter()
                .filter(|o| o.paths.is_match(rel))
                .collect(),
            None => Vec::new(),
        };
        for a in &self.accepted {
            let disabled_here = here.iter().any(|o| {
                o.disable
                    .iter()
                    .any(|d| names_rule(d, &a.rule) || names_rule(&a.rule, d))
            });
            if a.runs && a.covers(project) && !disabled_here {
                a.in_scope.store(true, Ordering::Relaxed);
            }
        }
        let mut gated = Gated::default();
        let mut kept = Vec::with_capacity(findings.len());
        for mut f in findings {
            let rule = f.finding.rule.clone();
            if here
                .iter()
                .any(|o| o.disable.iter().any(|d| names_rule(d, &rule)))
            {
                continue;
            }
            // Later overrides win, as later lines of the file do.
            for o in &here {
                for (selector, severity) in &o.severity {
                    if names_rule(selector, &rule) {
                        f.finding.severity = *severity;
                    }
                }
            }
            // Every entry that accepts the finding counts as used, not only the first.
            let mut accepted = false;
            for a in &self.accepted {
                if a.accepts(project, text, &f) {
                    a.used.store(true, Ordering::Relaxed);
                    accepted = true;
                }
            }
            if accepted {
                gated.suppressed += 1;
                continue;
            }
            kept.push(f);
        }
        let entries = baseline::entries(&file.baseline, text, &kept);
        match &self.baseline {
            Some(base) => {
                for (f, entry) in kept.into_iter().zip(&entries) {
                    if base.contains(entry) {
                        gated.baselined += 1;
                    } else {
                        gated.findings.push(f);
                    }
                }
            }
            None => gated.findings = kept,
        }
        gated.entries = entries;
        gated
    }
}

impl Accepted {
    /// Whether the file (relative to the configuration folder) lies under the entry's path.
    fn covers(&self, project: Option<&str>) -> bool {
        match (&self.path, project) {
            (Some(glob), Some(rel)) => glob.is_match(rel),
            _ => false,
        }
    }

    fn accepts(&self, project: Option<&str>, text: &str, f: &LocatedFinding) -> bool {
        if !self.covers(project) || !names_rule(&self.rule, &f.finding.rule) {
            return false;
        }
        match &self.text {
            None => true,
            Some(wanted) => f
                .finding
                .labels
                .first()
                .is_some_and(|l| lines_around(text, &l.span).contains(wanted.as_str())),
        }
    }
}

/// The whole lines a span touches.
fn lines_around<'t>(text: &'t str, span: &std::ops::Range<usize>) -> &'t str {
    let start = text
        .get(..span.start)
        .and_then(|head| head.rfind('\n'))
        .map_or(0, |i| i + 1);
    let end = text
        .get(span.end..)
        .and_then(|tail| tail.find('\n'))
        .map_or(text.len(), |i| span.end + i);
    text.get(start..end).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse;
    use std::path::Path;

    const TEXT: &str = "一、主要举措\n镇长履行第一负责人职责。\n引用《关于第一负责人的通知》。\n";

    fn finding(rule: &str, needle: &str, nth: usize) -> LocatedFinding {
        let start = TEXT.match_indices(needle).nth(nth).map_or(0, |(i, _)| i);
        LocatedFinding::for_test(rule, Severity::Warning, start..start + needle.len())
    }

    fn gate(config: &str, baseline: Option<Baseline>) -> Gate {
        let config = parse(Path::new("c.yaml"), Path::new("."), config);
        let Ok(config) = config else {
            panic!("test configuration is valid");
        };
        Gate::new(Some(&config), baseline)
    }

    fn key(rel: &str) -> FileKey {
        FileKey {
            project: Some(rel.to_string()),
            baseline: rel.to_string(),
        }
    }

    #[test]
    fn an_override_disables_and_reweights_rules_under_its_paths_only() {
        let g = gate(
            "overrides:\n  - paths: [部门/**]\n    disable: [duty-township]\n    severity: {p/term: info}\n",
            None,
        );
        let found = || {
            vec![
                finding("p/duty-township", "一、主要举措", 0),
                finding("p/term", "第一负责人", 0),
            ]
        };
        let department = g.apply(&key("部门/司法局.txt"), TEXT, found());
        assert_eq!(department.findings.len(), 1);
        assert_eq!(department.findings[0].finding.severity, Severity::Info);
        let township = g.apply(&key("乡镇/a镇.txt"), TEXT, found());
        assert_eq!(township.findings.len(), 2);
        assert_eq!(township.findings[1].finding.severity, Severity::Warning);
    }

    #[test]
    fn unused_suppressions_are_those_in_scope_that_accepted_nothing() {
        let g = gate(
            "overrides:\n  - paths: [部门/**]\n    disable: [duty]\nsuppress:\n  - rule: term\n    path: '**'\n    reason: 一\n  - rule: p/term\n    path: a.txt\n    reason: 二\n  - rule: duty\n    path: 部门/**\n    reason: 三\n  - rule: other\n    path: a.txt\n    reason: 四\n  - rule: left-out\n    path: a.txt\n    reason: 五\n",
            None,
        )
        .with_running_rules(&["p/term", "p/duty", "p/other"]);
        assert_eq!(
            g.unused_suppressions(),
            Vec::<usize>::new(),
            "nothing checked yet"
        );
        let gated = g.apply(
            &key("a.txt"),
            TEXT,
            vec![finding("p/term", "第一负责人", 0)],
        );
        assert_eq!(gated.suppressed, 1);
        // Both term entries accepted the finding; `duty` is switched off under 部门, so
        // its entry is not judged; `left-out` does not run; `other` ran on a.txt and
        // accepted nothing.
        g.apply(&key("部门/b.txt"), TEXT, Vec::new());
        assert_eq!(g.unused_suppressions(), [3]);
    }

    #[test]
    fn a_suppression_with_text_accepts_only_the_finding_on_a_line_with_that_text() {
        let g = gate(
            "suppress:\n  - rule: term\n    path: '*.txt'\n    text: 《关于第一负责人的通知》\n    reason: 引用文件标题，不能改\n",
            None,
        );
        let gated = g.apply(
            &key("a.txt"),
            TEXT,
            vec![
                finding("p/term", "第一负责人", 0),
                finding("p/term", "第一负责人", 1),
            ],
        );
        assert_eq!(gated.suppressed, 1);
        assert_eq!(gated.findings.len(), 1);
        assert_eq!(
            gated.findings[0].finding.labels[0].span,
            finding("p/term", "第一负责人", 0).finding.labels[0].span
        );
        let elsewhere = g.apply(
            &key("sub/a.txt"),
            TEXT,
            vec![finding("p/term", "第一负责人", 1)],
        );
        assert_eq!(elsewhere.suppressed, 0);
    }

    #[test]
    fn baselined_findings_are_counted_not_reported() {
        let accepted = baseline::entries("a.txt", TEXT, &[finding("p/term", "第一负责人", 0)]);
        let dir = std::env::temp_dir().join(format!("reportlint-gate-{}", std::process::id()));
        std::fs::create_dir_all(&dir).ok();
        let file = dir.join("b.json");
        std::fs::write(&file, baseline::render(accepted)).ok();
        let base = Baseline::read(&file);
        std::fs::remove_dir_all(&dir).ok();
        let g = gate("{}", base.ok());
        let gated = g.apply(
            &key("a.txt"),
            TEXT,
            vec![
                finding("p/term", "第一负责人", 0),
                finding("p/term", "第一负责人", 1),
            ],
        );
        assert_eq!(gated.baselined, 1);
        assert_eq!(gated.findings.len(), 1);
        assert_eq!(gated.entries.len(), 2);
    }
}
