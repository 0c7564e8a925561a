//! The required contents and the report year, on a corpus of short reports written for these
//! tests (`tests/fixtures/contents/`), and the scopes `in body` / `in body of section` in both
//! pack forms.
//!
//! Each corpus report starts with three header lines: `# expect:` the findings it must get
//! from the judged rules (comma-separated rule ids, empty for none), `# year:` the report year
//! the model must read (`unknown` when title and body disagree) and `# why:`. Every report
//! lacks one required content in its own way, or is a trap a report may hold (content in an
//! unusual phrasing, other numbering, no headings, a department report, a cited
//! 纲要（2021—2025年）…).

use std::collections::BTreeMap;
use std::path::Path;

use reportlint::eval::kinds::Check;
use reportlint::eval::load::{load_builtin, RuleSet};
use reportlint::eval::Engine;
use reportlint::model::Document;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/contents");

/// The rules this corpus judges: the required contents and the rules reading the year.
const JUDGED: [&str; 7] = [
    "content-measures",
    "content-first-responsible",
    "content-shortcomings",
    "content-causes",
    "content-next-year",
    "year-title-body",
    "date-deadline",
];

struct Report {
    name: String,
    expect: Vec<String>,
    year: Option<i32>,
    why: String,
    text: String,
}

fn corpus() -> Vec<Report> {
    let mut reports = Vec::new();
    let entries = std::fs::read_dir(CORPUS).unwrap_or_else(|e| panic!("{CORPUS}: {e}"));
    for entry in entries {
        let path = entry.map(|e| e.path()).unwrap_or_default();
        let source =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut lines = source.lines();
        let mut header = |key: &str| {
            let line = lines.next().unwrap_or_default();
            match line.strip_prefix(key) {
                Some(value) => value.trim().to_string(),
                None => panic!("{}: expected a `{key}` line", path.display()),
            }
        };
        let expect: Vec<String> = header("# expect:")
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let year = header("# year:");
        let why = header("# why:");
        let text: String = lines.map(|l| format!("{l}\n")).collect();
        for id in &expect {
            assert!(
                JUDGED.contains(&id.as_str()),
                "{}: `{id}` is not judged",
                path.display()
            );
        }
        reports.push(Report {
            name: Path::new(&path)
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string(),
            expect,
            year: if year == "unknown" {
                None
            } else {
                Some(
                    year.parse()
                        .unwrap_or_else(|_| panic!("{}: bad year", path.display())),
                )
            },
            why,
            text,
        });
    }
    reports.sort_by(|a, b| a.name.cmp(&b.name));
    reports
}

fn judged_engine() -> Engine {
    let set = load_builtin("fazhi").unwrap_or_else(|e| panic!("built-in pack: {e}"));
    let rules = set
        .rules
        .iter()
        .filter(|r| JUDGED.contains(&r.rule.id.value.as_str()))
        .cloned()
        .collect();
    let subset = RuleSet {
        packs: set.packs.clone(),
        rules,
    };
    Engine::new(&subset)
}

#[derive(Default)]
struct Tally {
    expected: usize,
    found: usize,
    false_alarms: usize,
}

#[test]
fn the_corpus_gets_exactly_its_expected_findings_and_years() {
    let reports = corpus();
    assert!(
        reports.len() >= 30,
        "the corpus has {} reports",
        reports.len()
    );
    let engine = judged_engine();
    let mut tallies: BTreeMap<&str, Tally> =
        JUDGED.iter().map(|r| (*r, Tally::default())).collect();
    let mut wrong = Vec::new();
    for report in &reports {
        let doc = Document::parse(report.text.clone());
        let mut got: Vec<String> = engine
            .check(&doc)
            .iter()
            .map(|f| f.rule.trim_start_matches("fazhi/").to_string())
            .collect();
        got.sort();
        got.dedup();
        for id in JUDGED {
            let expected = report.expect.iter().any(|e| e == id);
            let found = got.iter().any(|g| g == id);
            let tally = tallies.entry(id).or_default();
            tally.expected += usize::from(expected);
            tally.found += usize::from(expected && found);
            tally.false_alarms += usize::from(found && !expected);
        }
        let mut expect = report.expect.clone();
        expect.sort();
        if got != expect {
            wrong.push(format!(
                "{}: expected {expect:?}, got {got:?} ({})",
                report.name, report.why
            ));
        }
        let year = doc.facts.report_year.as_ref().map(|(y, _)| *y);
        if year != report.year {
            wrong.push(format!(
                "{}: report year {year:?}, expected {:?}",
                report.name, report.year
            ));
        }
    }
    println!("{} reports", reports.len());
    println!(
        "{:<28} {:>8} {:>6} {:>12}",
        "rule", "expected", "found", "false alarms"
    );
    for (id, t) in &tallies {
        println!(
            "{id:<28} {:>8} {:>6} {:>12}",
            t.expected, t.found, t.false_alarms
        );
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn every_required_content_is_missing_from_some_report_and_every_report_is_explained() {
    let reports = corpus();
    for id in &JUDGED[..6] {
        assert!(
            reports.iter().any(|r| r.expect.iter().any(|e| e == id)),
            "no corpus report lacks `{id}`"
        );
    }
    assert!(reports.iter().all(|r| !r.why.is_empty()));
    // Traps: at least as many reports that must pass as reports that must be flagged.
    let clean = reports.iter().filter(|r| r.expect.is_empty()).count();
    assert!(clean * 2 >= reports.len(), "{clean} clean reports");
}

const BODY_SCOPES: &str = r#"pack "body-scopes"

rule measures {
  message "m"
  require /\d+次/ in body of section all(/举措|成效/, none(/下一步/))
}

rule first-responsible {
  message "m"
  require "第一责任人" in body
}

rule causes {
  message "m"
  when /不足/ in body of section /不足/ require any("原因", "由于") in body of section /不足|原因/
}
"#;

#[test]
fn body_scopes_survive_dsl_yaml_dsl_and_print_as_written() {
    use reportlint::pack::dsl;
    use reportlint::pack::yaml;
    let pack = dsl::parse_pack::<Check>("body.rules", BODY_SCOPES)
        .unwrap_or_else(|e| panic!("does not parse: {e:?}"));
    let printed = dsl::print_pack(&pack);
    assert!(printed.contains("in body of section all(/举措|成效/, none(/下一步/))"));
    assert!(printed.contains("require \"第一责任人\" in body\n"));
    let as_yaml = yaml::print_pack(&pack);
    assert!(as_yaml.contains("body_of_section"), "{as_yaml}");
    let from_yaml = yaml::parse_pack("body.yaml", &as_yaml)
        .unwrap_or_else(|e| panic!("YAML does not parse: {e:?}\n{as_yaml}"));
    assert_eq!(pack, from_yaml);
    let again = dsl::parse_pack("again.rules", &dsl::print_pack(&from_yaml))
        .unwrap_or_else(|e| panic!("printed DSL does not parse: {e:?}"));
    assert_eq!(pack, again);
}

#[test]
fn a_misspelt_body_scope_is_refused_with_the_scopes_there_are() {
    use reportlint::pack::yaml;
    let src = "pack: p\nrules:\n  - id: r\n    message: m\n    require: 原因\n    scope: bodies\n";
    let errors = yaml::parse_pack::<Check>("p.yaml", src)
        .err()
        .unwrap_or_else(|| panic!("`bodies` was accepted"));
    let text = format!("{errors:?}");
    assert!(text.contains("unknown scope `bodies`"), "{text}");
    assert!(text.contains("body"), "{text}");
    let dsl_src = "pack \"p\"\nrule r { message \"m\" require \"原因\" in body of /不足/ }\n";
    assert!(reportlint::pack::dsl::parse_pack::<Check>("p.rules", dsl_src).is_err());
}
