//! The review checklist of a county legal office, written as a pack in both forms
//! (`tests/fixtures/checklist/checklist.rules` and `checklist.yaml`): the two forms say the
//! same, `reportlint test` runs every rule's examples green, and on a township and a
//! department report of our own the pack finds what the office would mark. Also the load-time
//! warning about a division that may be by zero.

use crate::check_support::{run, run_in, scratch_dir};
use reportlint::eval::load::{self, Form, ValidPack};
use reportlint::eval::Engine;
use reportlint::model::{Document, LineIndex};
use reportlint::pack::{dsl, yaml};

const DIR: &str = "tests/fixtures/checklist";

fn read(name: &str) -> String {
    let path = crate::check_support::crate_root().join(DIR).join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn pack(name: &str) -> ValidPack {
    let form = if name.ends_with(".yaml") {
        Form::Yaml
    } else {
        Form::Dsl
    };
    load::parse(name, &read(name), form)
        .unwrap_or_else(|e| panic!("{name} does not load: {:?}", e.errors))
}

#[test]
fn both_forms_say_the_same_and_convert_into_each_other() {
    let rules = pack("checklist.rules");
    let yaml_form = pack("checklist.yaml");
    assert_eq!(rules.rules.len(), 10);
    assert_eq!(dsl::print_pack(&rules), dsl::print_pack(&yaml_form));
    assert!(
        rules == yaml_form,
        "the two forms differ beyond their printed text"
    );
    let to_yaml = yaml::print_pack(&rules);
    assert_eq!(
        load::parse("c.yaml", &to_yaml, Form::Yaml).ok(),
        Some(rules.clone())
    );
    let to_dsl = dsl::print_pack(&yaml_form);
    assert_eq!(load::parse("c.rules", &to_dsl, Form::Dsl).ok(), Some(rules));
    // The YAML file is `convert`'s output under its comment lines.
    let written = read("checklist.yaml");
    let body: String = written
        .lines()
        .skip_while(|l| l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(body, to_yaml);
}

#[test]
fn the_new_constructs_round_trip_through_yaml() {
    let src = r#"pack "t"
rule r {
  message "m"
  match pattern "受理{total:count}件，其中{parts:counts(=total)}，结案率{rate:percent}"
  assert total == 0 or rate ~= sum(parts) / total within 0.5 points exactly
  assert rate ~= sum(parts) / total within 1% relative exactly
}
rule y {
  message "m"
  require any(year(report.year + 1), year(title.year - 1)) in body of section /打算/
}
"#;
    let dsl_form = load::parse("t.rules", src, Form::Dsl).expect("loads");
    let printed = yaml::print_pack(&dsl_form);
    assert!(printed.contains("within 0.5 points exactly"), "{printed}");
    assert!(printed.contains("year: report.year + 1"), "{printed}");
    let back = load::parse("t.yaml", &printed, Form::Yaml).expect("the YAML loads");
    assert_eq!(back, dsl_form);
    assert_eq!(dsl::print_pack(&back), dsl::print_pack(&dsl_form));
}

#[test]
fn reportlint_test_runs_every_example_of_both_forms_green() {
    for form in ["checklist.rules", "checklist.yaml"] {
        let path = format!("{DIR}/{form}");
        let out = run(&["test", &path]);
        assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
        assert!(
            out.stdout
                .contains(&format!("{path}: 10 rules, 25 examples\n")),
            "{}",
            out.stdout
        );
        assert!(
            out.stdout.ends_with("25 passed, 0 failed\n"),
            "{}",
            out.stdout
        );
        assert!(!out.stdout.contains("no examples"), "{}", out.stdout);
        assert_eq!(out.stderr, "", "no warnings about the pack");
    }
}

/// `(rule, line, message)` of every finding of the pack `form` on the report `report`.
fn findings(form: &str, report: &str) -> Vec<(String, usize, String)> {
    let text = read(report);
    let engine = Engine::new(&pack(form).rule_set());
    let lines = LineIndex::new(&text);
    let mut found: Vec<(String, usize, String)> = engine
        .check(&Document::parse(text.clone()))
        .into_iter()
        .map(|f| {
            let at = f.labels.first().map_or(0, |l| l.span.start);
            (f.rule, lines.position(&text, at).line, f.message)
        })
        .collect();
    found.sort();
    found
}

fn expected(list: &[(&str, usize, &str)]) -> Vec<(String, usize, String)> {
    let mut v: Vec<(String, usize, String)> = list
        .iter()
        .map(|(r, l, m)| (format!("checklist/{r}"), *l, m.to_string()))
        .collect();
    v.sort();
    v
}

#[test]
fn the_township_report_is_marked_on_items_5_7_and_9() {
    let want = expected(&[
        ("terms", 9, "第9项：“三项制度”应为“行政执法三项制度”"),
        (
            "mediation-rate",
            11,
            "第7项：调解成功 112 件 / 受理 120 件，与报告写的调解成功率 95% 相差超过0.5个百分点",
        ),
        ("terms", 17, "第9项：“法制政府”应为“法治政府”"),
        (
            "plan-next-year",
            19,
            "第5项：下一年度安排未写明2024年的下一年（应写“2025年”或“二〇二五年”这样的年份）",
        ),
    ]);
    for form in ["checklist.rules", "checklist.yaml"] {
        assert_eq!(findings(form, "township.txt"), want, "{form}");
    }
}

#[test]
fn the_department_report_is_marked_on_items_2_6_and_8() {
    let want = expected(&[
        (
            "contents-first-responsible",
            1,
            "第2项：未说明党政主要负责人履行推进法治建设第一责任人职责的情况",
        ),
        (
            "measures-three",
            3,
            "第8项：“主要举措”部分只列了2项，应至少列3项",
        ),
        ("mediation-parts", 11, "第6项：各项之和4与总数5不符"),
    ]);
    for form in ["checklist.rules", "checklist.yaml"] {
        assert_eq!(findings(form, "department.txt"), want, "{form}");
    }
}

#[test]
fn a_division_that_may_be_by_zero_is_a_warning_with_its_place_and_the_guard() {
    let dir = scratch_dir("checklist-division-warning");
    let unguarded = r#"pack "t"
rule r {
  message "m"
  match pattern "受理{total:count}件，成功{part:count}件，成功率{rate:percent}"
  assert rate ~= part / total within 1%
  pass "受理10件，成功9件，成功率90%"
}
"#;
    std::fs::write(dir.join("p.rules"), unguarded).expect("writes");
    let out = run_in(&dir, &["test", "p.rules"], None);
    assert_eq!(
        out.code, 0,
        "a warning, not an error: {}{}",
        out.stdout, out.stderr
    );
    assert!(
        out.stdout.ends_with("1 passed, 0 failed\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr.starts_with(
            "warning: p.rules:5:18: `total` may be 0 here: on such a report the rule cannot be evaluated\n  help: guard the division: `total == 0 or …`"
        ),
        "{}",
        out.stderr
    );
    let guarded = unguarded.replace("assert rate", "assert total == 0 or rate");
    std::fs::write(dir.join("p.rules"), guarded).expect("writes");
    let out = run_in(&dir, &["test", "p.rules"], None);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    // In YAML the place is in the YAML file.
    let yaml = "pack: t\nrules:\n  - id: r\n    message: m\n    match: {pattern: '受理{total:count}件，成功{part:count}件'}\n    let: {r: part / total}\n";
    std::fs::write(dir.join("p.yaml"), yaml).expect("writes");
    let out = run_in(&dir, &["test", "p.yaml"], None);
    assert!(
        out.stderr
            .starts_with("warning: p.yaml:6:14: `total` may be 0 here"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("a `let` is computed before the assertions"),
        "{}",
        out.stderr
    );
}
