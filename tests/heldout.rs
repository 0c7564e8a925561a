//! Held-out corpora (`tests/fixtures/heldout*/`): short cases and
//! reports written by someone who had not seen the statement analyser, the built-in pack or
//! their test cases, in phrasings of their own. They measure how the checks generalise to
//! reports they were not built from.
//!
//! Measured when they were written, before any change was made for them:
//! - `heldout`: statements 31 of 52 defects caught, 0 false alarms in 62 traps; required
//!   contents 1 of 9 caught, 5 false alarms.
//! - `heldout2`: statements 26 of 44 defects caught, 0 false alarms in 51 traps (repeated facts
//!   0 of 8); required contents 4 of 10 caught, 0 false alarms, both year conflicts reported.
//! - `heldout3` (written after the improvements below, against the tool as it then was):
//!   statements 29 of 37 defects caught (rate 7/8, share 7/7, parts 7/8, growth 6/7,
//!   repeated 2/7), 0 false alarms in 45 traps; required contents 4 of 4 caught, 0 false
//!   alarms in 8 reports.
//! - `heldout4` (six full-length reports, 1 800–1 900 Chinese characters each, dense with
//!   correct figures and two planted arithmetic defects each): 8 of 12 defects flagged (one of
//!   them computed from the wrong part), 2 false alarms (a share of 优秀 and 合格 together paired
//!   with the 不合格 count; a sibling in a 、 list taken as a rate's total); the missing
//!   next-year plan of report 6 caught, no other content finding.
//! - `heldout5` (six more full-length reports, written to be hard: rates before their counts,
//!   counts in Chinese numerals, totals after their parts, second mentions reworded): 3 of 12
//!   planted defects flagged, 5 false alarms (shares of 合格以上 and B级以上 paired with one
//!   grade's count, a sub-period count taken as a total smaller than the part, 纠错 paired with
//!   one item of a list, 负责人出庭应诉 with one of two kinds of 负责人); the missing causes of
//!   report 6 caught, no other content finding. The false alarms were then fixed (each rate is
//!   left unchecked) and sums written after their items checked: 6 of 12, no false alarm.
//!
//! The analyser and the content rules were then improved for the kinds of statement missed
//! (described, not the cases themselves), which is why these are floors now and no longer a
//! blind measure. A false alarm always fails.

use reportlint::eval::Engine;
use reportlint::model::Document;
use reportlint::run::inputs::Input;
use reportlint::run::packs::load_packs;
use reportlint::run::pipeline::check_one;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn dir(corpus: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(corpus)
}

#[derive(Debug, Deserialize)]
struct Case {
    class: String,
    expect: String,
    text: String,
    why: String,
}

/// Defects caught per class at least (of the defects in the corpus).
const STATEMENT_FLOOR: &[(&str, usize)] = &[
    ("rate", 13),
    ("share", 10),
    ("parts", 9),
    ("growth", 10),
    ("repeated", 4),
];

const STATEMENT_FLOOR_2: &[(&str, usize)] = &[
    ("rate", 9),
    ("share", 8),
    ("parts", 9),
    ("growth", 9),
    ("repeated", 5),
];

const STATEMENT_FLOOR_3: &[(&str, usize)] = &[
    ("rate", 8),
    ("share", 7),
    ("parts", 8),
    ("growth", 7),
    ("repeated", 4),
];

#[test]
fn held_out_statements_no_false_alarm_and_recall_per_class() {
    statements("heldout", STATEMENT_FLOOR);
}

#[test]
fn second_held_out_statements_no_false_alarm_and_recall_per_class() {
    statements("heldout2", STATEMENT_FLOOR_2);
}

#[test]
fn third_held_out_statements_no_false_alarm_and_recall_per_class() {
    statements("heldout3", STATEMENT_FLOOR_3);
}

fn statements(corpus: &str, floors: &[(&str, usize)]) {
    let text = std::fs::read_to_string(dir(corpus).join("statements.yaml")).unwrap_or_default();
    let cases: Result<Vec<Case>, _> = serde_saphyr::from_str(&text);
    assert!(cases.is_ok(), "cannot read the cases: {cases:?}");
    let cases = cases.unwrap_or_default();
    let mut failures = Vec::new();
    let mut table = String::new();
    for (class, floor) in floors {
        let (mut defects, mut caught, mut traps) = (0, 0, 0);
        for case in cases.iter().filter(|c| c.class == *class) {
            let doc = Document::parse(case.text.clone());
            let flagged: Vec<&str> = doc
                .statements()
                .iter()
                .filter(|s| s.flagged())
                .map(|s| s.kind.name())
                .collect();
            if case.expect == "silent" {
                traps += 1;
                if !flagged.is_empty() {
                    failures.push(format!("false alarm on {:?} ({})", case.text, case.why));
                }
            } else {
                defects += 1;
                if flagged.contains(&case.expect.as_str()) {
                    caught += 1;
                } else {
                    eprintln!("missed {}: {:?} ({})", case.expect, case.text, case.why);
                }
            }
        }
        table.push_str(&format!(
            "{class:<9} caught {caught:>2} of {defects:>2} defects, traps {traps:>2}\n"
        ));
        if caught < *floor {
            failures.push(format!("{class}: caught {caught}, at least {floor} before"));
        }
    }
    eprintln!("{table}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[derive(Debug, Deserialize)]
struct Expected {
    file: String,
    missing: String,
    year_conflict: bool,
    why: String,
}

#[test]
fn held_out_reports_required_contents_and_year() {
    contents("heldout", 16, 8);
}

#[test]
fn second_held_out_reports_required_contents_and_year() {
    contents("heldout2", 15, 6);
}

#[test]
fn third_held_out_reports_required_contents_and_year() {
    contents("heldout3", 8, 4);
}

fn contents(corpus: &str, reports: usize, floor: usize) {
    let text =
        std::fs::read_to_string(dir(corpus).join("contents/expected.yaml")).unwrap_or_default();
    let expected: Result<Vec<Expected>, _> = serde_saphyr::from_str(&text);
    assert!(expected.is_ok(), "cannot read expected.yaml: {expected:?}");
    let expected = expected.unwrap_or_default();
    assert!(expected.len() >= reports, "only {} reports", expected.len());
    let (set, failed) = load_packs(&[], true);
    assert!(failed.is_empty(), "the built-in pack must load");
    let engine = Engine::new(&set);
    let (mut missing, mut caught) = (0, 0);
    let mut failures = Vec::new();
    for e in &expected {
        let path = dir(corpus).join("contents").join(&e.file);
        let report = check_one(&engine, &Input::File(path), false);
        assert_eq!(report.error, None, "{} must be readable", e.file);
        let got: BTreeSet<String> = report
            .findings
            .iter()
            .map(|f| f.finding.rule.rsplit('/').next().unwrap_or("").to_string())
            .filter(|r| r.starts_with("content-") || r == "year-title-body")
            .collect();
        let mut want = BTreeSet::new();
        if e.missing != "none" {
            want.insert(format!("content-{}", e.missing));
        }
        if e.year_conflict {
            want.insert("year-title-body".to_string());
        }
        for w in &want {
            if w.starts_with("content-") {
                missing += 1;
                caught += usize::from(got.contains(w));
            }
            if !got.contains(w) {
                eprintln!("{}: missed {w} ({})", e.file, e.why);
                if w == "year-title-body" {
                    failures.push(format!("{}: the year conflict was not reported", e.file));
                }
            }
        }
        for g in got.difference(&want) {
            failures.push(format!("{}: false alarm {g} ({})", e.file, e.why));
        }
    }
    eprintln!("required contents: caught {caught} of {missing}");
    if caught < floor {
        failures.push(format!(
            "caught {caught} missing contents, at least {floor} before"
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// An entry of `heldout4/expected.yaml`: a planted defect (`kind`, `quote`: the wrong figure as
/// written) or a report's missing content (`missing`).
#[derive(Debug, Deserialize)]
struct Planted {
    file: String,
    kind: Option<String>,
    quote: Option<String>,
    missing: Option<String>,
    #[allow(dead_code)]
    why: Option<String>,
}

/// Full-length reports: every planted defect flagged where it is written (a share written
/// without 率 is a statement of kind `rate`), no other statement flagged, the one missing
/// content reported and no other.
#[test]
fn fourth_held_out_full_reports_flag_the_planted_defects_and_nothing_else() {
    full_reports("heldout4", 11);
}

#[test]
fn fifth_held_out_full_reports_flag_nothing_but_planted_defects() {
    full_reports("heldout5", 6);
}

fn full_reports(corpus: &str, floor: usize) {
    let text = std::fs::read_to_string(dir(corpus).join("expected.yaml")).unwrap_or_default();
    let planted: Result<Vec<Planted>, _> = serde_saphyr::from_str(&text);
    assert!(planted.is_ok(), "cannot read expected.yaml: {planted:?}");
    let planted = planted.unwrap_or_default();
    let files: BTreeSet<&str> = planted.iter().map(|p| p.file.as_str()).collect();
    assert_eq!(files.len(), 6);
    let (set, failed) = load_packs(&[], true);
    assert!(failed.is_empty(), "the built-in pack must load");
    let engine = Engine::new(&set);
    let (mut defects, mut caught) = (0, 0);
    let mut failures = Vec::new();
    for file in files {
        let path = dir(corpus).join(file);
        let report = std::fs::read_to_string(&path).unwrap_or_default();
        let doc = Document::parse(report.clone());
        let statements = doc.statements();
        let flagged: Vec<_> = statements.iter().filter(|s| s.flagged()).collect();
        let mut explained = BTreeSet::new();
        for p in planted.iter().filter(|p| p.file == file) {
            let (Some(kind), Some(quote)) = (&p.kind, &p.quote) else {
                continue;
            };
            defects += 1;
            let Some(at) = report.find(quote.as_str()) else {
                failures.push(format!("{file}: {quote} is not in the report"));
                continue;
            };
            let quoted = at..at + quote.len();
            let kind = if kind == "share" {
                "rate"
            } else {
                kind.as_str()
            };
            let hit = flagged.iter().position(|s| {
                s.kind.name() == kind
                    && s.figures
                        .iter()
                        .any(|f| f.span.start < quoted.end && quoted.start < f.span.end)
            });
            match hit {
                Some(i) => {
                    caught += 1;
                    explained.insert(i);
                }
                None => eprintln!("{file}: missed {kind} {quote}"),
            }
        }
        for (i, s) in flagged.iter().enumerate() {
            if !explained.contains(&i) {
                failures.push(format!(
                    "{file}: false alarm {} {} at {:?}",
                    s.kind.name(),
                    s.subject,
                    report.get(s.span.clone())
                ));
            }
        }
        let want: BTreeSet<String> = planted
            .iter()
            .filter(|p| p.file == file)
            .filter_map(|p| p.missing.as_deref())
            .filter(|m| *m != "none")
            .map(|m| format!("content-{m}"))
            .collect();
        let checked = check_one(&engine, &Input::File(path.clone()), false);
        let got: BTreeSet<String> = checked
            .findings
            .iter()
            .map(|f| f.finding.rule.rsplit('/').next().unwrap_or("").to_string())
            .filter(|r| r.starts_with("content-"))
            .collect();
        if got != want {
            failures.push(format!("{file}: contents {got:?}, expected {want:?}"));
        }
    }
    eprintln!("full reports: caught {caught} of {defects} planted defects");
    if caught < floor {
        failures.push(format!(
            "caught {caught} planted defects, at least {floor} before"
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
