//! The built-in pack `fazhi` on fixture reports written in the style of real township reports.
//!
//! Two kinds of fixtures live in `tests/fixtures/builtin/`:
//!
//! - `rules/<rule-id>.txt`: for every rule, texts it must flag (`=== flag`) and texts it must
//!   leave alone (`=== pass`), each block checked with that rule alone. The pass blocks hold
//!   the traps real reports contain (执法制度, 法制审核, 同比下降, approximate figures …).
//! - `reports/*.txt`: complete reports checked with the whole pack. `clean.txt` must give no
//!   finding at all; the others, one per style of report seen in practice, are snapshotted as
//!   a compact `line:column rule message` listing.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use reportlint::diag::Finding;
use reportlint::eval::load::{load_builtin, PackRule, RuleSet};
use reportlint::eval::Engine;
use reportlint::model::Document;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/builtin");

fn builtin() -> RuleSet {
    match load_builtin("fazhi") {
        Ok(set) => set,
        Err(e) => panic!("the built-in pack does not load: {e}"),
    }
}

fn engine_for(set: &RuleSet, rules: Vec<PackRule>) -> Engine {
    let subset = RuleSet {
        packs: set.packs.clone(),
        rules,
    };
    Engine::new(&subset)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// One block of a rule case file.
struct Case {
    must_flag: bool,
    text: String,
    /// 1-based line of the `===` marker in the case file, for failure messages.
    line: usize,
}

/// Split a case file into its `=== flag` / `=== pass` blocks.
fn cases(source: &str, file: &Path) -> Vec<Case> {
    let mut out: Vec<Case> = Vec::new();
    for (index, line) in source.lines().enumerate() {
        if let Some(kind) = line.strip_prefix("=== ") {
            let must_flag = match kind.trim() {
                "flag" => true,
                "pass" => false,
                other => panic!("{}:{}: unknown block `{other}`", file.display(), index + 1),
            };
            out.push(Case {
                must_flag,
                text: String::new(),
                line: index + 1,
            });
        } else if let Some(case) = out.last_mut() {
            if !case.text.is_empty() {
                case.text.push('\n');
            }
            case.text.push_str(line);
        } else {
            panic!("{}: text before the first `===` block", file.display());
        }
    }
    out
}

fn rule_case_file(id: &str) -> PathBuf {
    Path::new(FIXTURES).join("rules").join(format!("{id}.txt"))
}

#[test]
fn every_rule_has_a_case_file_with_texts_to_flag_and_to_pass() {
    let set = builtin();
    let ids: BTreeSet<String> = set.rules.iter().map(|r| r.rule.id.value.clone()).collect();
    for id in &ids {
        let path = rule_case_file(id);
        assert!(
            path.exists(),
            "rule `{id}` has no case file {}",
            path.display()
        );
        let blocks = cases(&read(&path), &path);
        assert!(
            blocks.iter().any(|c| c.must_flag),
            "{}: no `=== flag` block",
            path.display()
        );
        assert!(
            blocks.iter().any(|c| !c.must_flag),
            "{}: no `=== pass` block",
            path.display()
        );
    }
    let dir = Path::new(FIXTURES).join("rules");
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.map(|e| e.path()).unwrap_or_default();
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        assert!(
            ids.contains(stem),
            "{} names no rule of the pack",
            path.display()
        );
    }
}

#[test]
fn each_rule_flags_its_flag_texts_and_nothing_in_its_pass_texts() {
    let set = builtin();
    let mut failures = Vec::new();
    for rule in &set.rules {
        let id = &rule.rule.id.value;
        let path = rule_case_file(id);
        let Ok(source) = std::fs::read_to_string(&path) else {
            continue; // reported by the test above
        };
        let engine = engine_for(&set, vec![rule.clone()]);
        for case in cases(&source, &path) {
            let findings = engine.check(&Document::parse(case.text.clone()));
            let flagged = !findings.is_empty();
            if flagged != case.must_flag {
                let messages: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
                failures.push(format!(
                    "{}:{}: `{id}` {} on\n    {}\n    findings: {messages:?}",
                    path.display(),
                    case.line,
                    if case.must_flag {
                        "found nothing"
                    } else {
                        "raised a false alarm"
                    },
                    case.text.replace('\n', "\n    "),
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Findings of the whole pack on a fixture report, one line each, in reading order.
fn listing(report: &str) -> String {
    let set = builtin();
    let engine = engine_for(&set, set.rules.clone());
    let path = Path::new(FIXTURES).join("reports").join(report);
    let doc = Document::parse(read(&path));
    let mut findings: Vec<Finding> = engine.check(&doc);
    findings.sort_by_key(|f| (f.labels.first().map_or(0, |l| l.span.start), f.rule.clone()));
    let mut out = String::new();
    for f in &findings {
        let places: Vec<String> = f
            .labels
            .iter()
            .map(|l| {
                let p = doc.position(l.span.start);
                format!("{}:{}", p.line, p.column)
            })
            .collect();
        out.push_str(&format!(
            "{} {} [{}] {}",
            places.first().map_or("-", String::as_str),
            f.rule,
            f.severity,
            f.message
        ));
        if places.len() > 1 {
            out.push_str(&format!(" (also at {})", places[1..].join(", ")));
        }
        if f.folded > 0 {
            out.push_str(&format!(" (+{} more)", f.folded));
        }
        out.push('\n');
    }
    out
}

fn snapshot(name: &str, report: &str) {
    let value = listing(report);
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(name, value);
    });
}

#[test]
fn a_clean_report_full_of_traps_gets_no_finding() {
    assert_eq!(listing("clean.txt"), "");
}

#[test]
fn report_copied_from_a_web_page_with_metadata_table_and_no_title() {
    snapshot("builtin_metadata_no_title", "metadata_no_title.txt");
}

#[test]
fn report_numbering_its_top_level_with_arabic_numerals() {
    snapshot("builtin_arabic_top_level", "arabic_top_level.txt");
}

#[test]
fn report_typed_with_half_width_punctuation_throughout() {
    snapshot("builtin_halfwidth_throughout", "halfwidth_throughout.txt");
}

#[test]
fn summary_without_a_date_and_with_dated_terms() {
    snapshot("builtin_missing_date", "missing_date.txt");
}

#[test]
fn report_whose_mediation_rate_does_not_match_its_counts() {
    snapshot("builtin_rate_error", "rate_error.txt");
}

#[test]
fn a_wrong_plan_year_is_labelled_with_the_year_expected_not_a_percentage() {
    let set = builtin();
    let plan_year: Vec<PackRule> = set
        .rules
        .iter()
        .filter(|r| r.rule.id.value == "plan-year")
        .cloned()
        .collect();
    let engine = engine_for(&set, plan_year);
    let doc = Document::parse(read(
        &Path::new(FIXTURES)
            .join("reports")
            .join("metadata_no_title.txt"),
    ));
    let findings = engine.check(&doc);
    let label = findings
        .first()
        .and_then(|f| f.labels.first())
        .and_then(|l| l.text.clone());
    assert_eq!(label.as_deref(), Some("y = 2023年，计算得 2024"));
}
