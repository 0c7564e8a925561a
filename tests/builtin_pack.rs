//! The built-in pack `fazhi` as a pack: complete metadata on every rule, inline examples that
//! hold, and the `rules list` / `rules explain` / `test` commands showing it.

use std::process::Command;

use reportlint::cli::packs::run_examples;
use reportlint::eval::load::{load_builtin, RuleSet};
use reportlint::pack::model::ExampleKind;

fn builtin() -> RuleSet {
    match load_builtin("fazhi") {
        Ok(set) => set,
        Err(e) => panic!("the built-in pack does not load: {e}"),
    }
}

fn reportlint(args: &[&str]) -> (bool, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_reportlint"))
        .env("REPORTLINT_LANG", "en")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run reportlint: {e}"));
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_pack_loads_with_name_version_and_rules() {
    let set = builtin();
    let pack = set.packs.last().map(|p| p.name.value.clone());
    assert_eq!(pack.as_deref(), Some("fazhi"));
    assert!(set.rules.len() >= 40, "only {} rules", set.rules.len());
    assert!(set.rules.iter().all(|r| r.pack == "fazhi"));
}

#[test]
fn every_rule_has_id_chinese_message_help_reference_and_both_kinds_of_example() {
    let mut missing = Vec::new();
    for r in &builtin().rules {
        let rule = &r.rule;
        let id = &rule.id.value;
        let has_chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        if id.is_empty() {
            missing.push("a rule without id".to_string());
        }
        if !has_chinese(&rule.message.value) {
            missing.push(format!("{id}: message is not Chinese"));
        }
        if !rule.help.as_ref().is_some_and(|h| has_chinese(&h.value)) {
            missing.push(format!("{id}: no help in Chinese"));
        }
        if rule
            .reference
            .as_ref()
            .is_none_or(|h| h.value.trim().is_empty())
        {
            missing.push(format!("{id}: no reference"));
        }
        for (kind, name) in [(ExampleKind::Pass, "pass"), (ExampleKind::Fail, "fail")] {
            if !rule.examples.iter().any(|e| e.kind == kind) {
                missing.push(format!("{id}: no {name} example"));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn every_inline_example_holds() {
    let set = builtin();
    let results = run_examples(&set.rules, &set.packs);
    let examples: usize = set.rules.iter().map(|r| r.rule.examples.len()).sum();
    assert_eq!(results.len(), examples, "some rule did not compile");
    let failed: Vec<String> = results
        .iter()
        .filter(|r| !r.passed())
        .map(|r| format!("{} ({:?}): {} → {:?}", r.rule, r.kind, r.text, r.findings))
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn reportlint_test_passes_on_the_builtin_pack() {
    let (ok, stdout, stderr) = reportlint(&["test"]);
    assert!(ok, "reportlint test failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains("builtin:fazhi"), "{stdout}");
    assert!(stdout.contains(" 0 failed"), "{stdout}");
}

#[test]
fn rules_list_shows_every_rule_of_the_pack_with_severity_and_summary() {
    let (ok, stdout, stderr) = reportlint(&["rules", "list"]);
    assert!(ok, "{stderr}");
    for r in &builtin().rules {
        let line = stdout
            .lines()
            .find(|l| l.split_whitespace().next() == Some(r.full_id().as_str()))
            .unwrap_or_else(|| panic!("`rules list` does not show {}:\n{stdout}", r.full_id()));
        assert!(line.contains(r.rule.severity.value.as_str()), "{line}");
    }
    assert!(stdout.contains("fazhi/rate-arithmetic"), "{stdout}");
}

#[test]
fn rules_explain_prints_message_help_reference_examples_and_the_rule_itself() {
    let (ok, stdout, stderr) = reportlint(&["rules", "explain", "fazhi/term-fazhi"]);
    assert!(ok, "{stderr}");
    let rule = builtin()
        .rules
        .into_iter()
        .find(|r| r.rule.id.value == "term-fazhi")
        .unwrap_or_else(|| panic!("no rule term-fazhi"));
    for part in [
        "fazhi/term-fazhi (error, kind `terms`)",
        rule.rule.message.value.as_str(),
        rule.rule.help.as_ref().map_or("", |h| h.value.as_str()),
        rule.rule
            .reference
            .as_ref()
            .map_or("", |h| h.value.as_str()),
        "passes:",
        "fails:",
        "推进法制政府建设。",
        "rule in the DSL:",
        "\"法制政府\" -> \"法治政府\"",
    ] {
        assert!(stdout.contains(part), "missing {part:?} in:\n{stdout}");
    }
    let (ok, stdout, _) = reportlint(&["rules", "explain", "rate-arithmetic"]);
    assert!(ok);
    assert!(stdout.contains("match statement rate"), "{stdout}");
}

#[test]
fn rules_explain_of_an_unknown_id_fails_and_says_so() {
    let (ok, _, stderr) = reportlint(&["rules", "explain", "no-such-rule"]);
    assert!(!ok);
    assert!(stderr.contains("no rule `no-such-rule`"), "{stderr}");
}

#[test]
fn the_pack_is_canonically_formatted() {
    let (ok, stdout, stderr) = reportlint(&["fmt", "--check", "rules/fazhi.rules"]);
    assert!(
        ok,
        "run `reportlint fmt rules/fazhi.rules`: {stdout}{stderr}"
    );
}
