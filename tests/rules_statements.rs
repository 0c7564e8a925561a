//! Kind `match statement`: the statement analyser reached from the rule language.
//!
//! Both forms read, print and round-trip it; validation refuses unknown kinds and names with
//! a suggestion; evaluation flags what the analyser finds inconsistent (or what an assertion
//! over the figures refuses), only for the subjects asked for. And the built-in pack's
//! arithmetic rules, which are written with it, flag exactly what the analyser flags on every
//! case of the statements corpus.

use std::collections::BTreeMap;
use std::path::Path;

use miette::{GraphicalReportHandler, GraphicalTheme};
use reportlint::diag::Finding;
use reportlint::eval::kinds::{Check, Pack};
use reportlint::eval::load::{self, load_builtin, Form, ValidPack};
use reportlint::eval::Engine;
use reportlint::model::{Document, StatementKind};
use reportlint::pack::error::PackErrors;
use reportlint::pack::model::Matcher;
use serde::Deserialize;

fn dsl(src: &str) -> Pack {
    match load::parse("t.rules", src, Form::Dsl) {
        Ok(valid) => valid.pack,
        Err(e) => panic!("does not load: {e:?}"),
    }
}

fn yaml(src: &str) -> Pack {
    match load::parse("t.yaml", src, Form::Yaml) {
        Ok(valid) => valid.pack,
        Err(e) => panic!("does not load: {e:?}"),
    }
}

fn engine(pack: &Pack) -> Engine {
    match ValidPack::new(pack.clone()) {
        Ok(valid) => Engine::new(&valid.rule_set()),
        Err(e) => panic!("does not validate: {e:?}"),
    }
}

fn check(pack: &Pack, text: &str) -> Vec<Finding> {
    engine(pack).check(&Document::parse(text.to_string()))
}

/// `(label text, text under the label)` of every label of the findings.
fn labels(findings: &[Finding], text: &str) -> Vec<Vec<(String, String)>> {
    findings
        .iter()
        .map(|f| {
            f.labels
                .iter()
                .map(|l| {
                    (
                        l.text.clone().unwrap_or_default(),
                        text.get(l.span.clone()).unwrap_or_default().to_string(),
                    )
                })
                .collect()
        })
        .collect()
}

const RATE_DSL: &str = r#"pack "s"

rule rates {
  severity error
  message "{subject}与数字不符：报告写 {rate}，按数字计算 {expected}"
  match statement rate
}

rule handled-in-time {
  severity warning
  message "{subject} {rate}：{part} / {total}"
  match statement rate subject any(/办结/, "答复")
  let computed = part / total
  assert rate ~= computed within 0%
  assert part <= total
}
"#;

const RATE_YAML: &str = r#"pack: s
rules:
  - id: rates
    severity: error
    message: '{subject}与数字不符：报告写 {rate}，按数字计算 {expected}'
    statement: rate

  - id: handled-in-time
    severity: warning
    message: '{subject} {rate}：{part} / {total}'
    statement: rate
    subject: {any: [{regex: 办结}, 答复]}
    let: {computed: part / total}
    assert:
      - rate ~= computed within 0%
      - part <= total
"#;

#[test]
fn both_forms_read_the_same_statement_rules() {
    let from_dsl = dsl(RATE_DSL);
    assert_eq!(from_dsl, yaml(RATE_YAML));
    let Check::Statement(rates) = &from_dsl.rules[0].check else {
        panic!("not a statement rule: {:?}", from_dsl.rules[0].check);
    };
    assert_eq!(rates.kind.value, "rate");
    assert!(rates.subject.is_none() && rates.asserts.is_empty());
    let Check::Statement(in_time) = &from_dsl.rules[1].check else {
        panic!("not a statement rule");
    };
    assert!(matches!(in_time.subject, Some(Matcher::Any(_))));
    assert_eq!(in_time.lets.len(), 1);
    assert_eq!(in_time.asserts.len(), 2);
    // The kind is written where the error would point.
    assert_eq!(&RATE_DSL[rates.kind.span.clone()], "rate");
}

#[test]
fn statement_rules_print_and_round_trip_in_both_forms() {
    let pack = dsl(RATE_DSL);
    let printed = reportlint::pack::dsl::print_pack(&pack);
    assert_eq!(printed, RATE_DSL, "fmt keeps a canonical pack as it is");
    let as_yaml = reportlint::pack::yaml::print_pack(&pack);
    assert_eq!(as_yaml, RATE_YAML);
    assert_eq!(yaml(&as_yaml), pack);
    assert_eq!(
        dsl(&reportlint::pack::dsl::print_pack(&yaml(&as_yaml))),
        pack
    );
    // One line is enough, as for every rule.
    let one_line = dsl(
        r#"pack "s" rule r { message "{first} 与 {other}" match statement repeated subject "执法" }"#,
    );
    let printed = reportlint::pack::dsl::print_pack(&one_line);
    assert!(
        printed.contains("  match statement repeated subject \"执法\"\n"),
        "{printed}"
    );
    assert_eq!(dsl(&printed), one_line);
}

fn errors(src: &str, form: Form) -> PackErrors {
    match load::parse(
        if form == Form::Dsl {
            "broken.rules"
        } else {
            "broken.yaml"
        },
        src,
        form,
    ) {
        Ok(pack) => panic!("the pack loaded: {pack:?}"),
        Err(e) => e,
    }
}

fn render(errors: &PackErrors) -> String {
    let mut out = String::new();
    GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
        .with_width(100)
        .render_report(&mut out, errors)
        .expect("rendering into a String");
    out
}

const BROKEN_DSL: &str = r#"pack "s"
rule misspelt {
  message "比率 {rate}"
  match statement rates
}
rule unknown-names {
  message "{subject}：{part} / {totl}"
  match statement rate
  assert rate <= prt
}
rule not-of-this-kind {
  message "{rate}：{part}"
  match statement share
}
rule pattern-subject {
  message "{subject}"
  match statement parts subject pattern "{n:count}人"
}
rule list-compared {
  message "{parts}"
  match statement parts
  assert parts <= total
}
"#;

#[test]
fn validation_points_at_unknown_kinds_and_names_with_a_suggestion() {
    let found = errors(BROKEN_DSL, Form::Dsl);
    let under: Vec<&str> = found
        .errors
        .iter()
        .map(|e| &BROKEN_DSL[e.span.clone()])
        .collect();
    assert_eq!(
        under,
        [
            "rates",
            "prt",
            "{totl}",
            "{part}",
            "{n:count}人",
            "parts <= total\n"
        ],
        "{found:?}"
    );
    let rendered = render(&found);
    assert!(rendered.contains("did you mean `rate`?"), "{rendered}");
    assert!(rendered.contains("did you mean `total`?"), "{rendered}");
    assert!(rendered.contains("did you mean `part`?"), "{rendered}");
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("statement_rules_validation", rendered);
    });
}

#[test]
fn the_yaml_form_refuses_the_same_way() {
    let src = "pack: s\nrules:\n  - id: misspelt\n    message: '比率 {rate}'\n    statement: grwoth\n  - id: misplaced\n    message: x\n    require: 法治\n    subject: 成功\n";
    let found = errors(src, Form::Yaml);
    let under: Vec<&str> = found.errors.iter().map(|e| &src[e.span.clone()]).collect();
    assert_eq!(under, ["subject", "grwoth"], "{found:?}");
    let rendered = render(&found);
    assert!(rendered.contains("did you mean `growth`?"), "{rendered}");
    assert!(
        rendered.contains("`subject` belongs to statement rules"),
        "{rendered}"
    );
}

#[test]
fn without_assert_the_analysers_verdict_decides() {
    let pack = dsl(RATE_DSL);
    let wrong = "今年共受理劳动争议调解申请80件，调解成功72件，调解成功率达95%。";
    let found = check(&pack, wrong);
    let rates: Vec<&Finding> = found.iter().filter(|f| f.rule == "s/rates").collect();
    assert_eq!(rates.len(), 1);
    assert_eq!(
        rates[0].message,
        "调解成功率与数字不符：报告写 95%，按数字计算 72 / 80 = 90%"
    );
    assert_eq!(
        labels(&found[..1], wrong)[0],
        [
            (
                "rate = 95%，计算得 72 / 80 = 90%".to_string(),
                "95%".to_string()
            ),
            ("total = 80件".to_string(), "80件".to_string()),
            ("part = 72件".to_string(), "72件".to_string()),
        ]
    );
    // Rounded or truncated as written, approximate, or unpaired: nothing.
    for fine in [
        "今年共受理劳动争议调解申请80件，调解成功73件，调解成功率达91.2%。",
        "今年共受理劳动争议调解申请80件，调解成功73件，调解成功率达91.3%。",
        "今年共受理劳动争议调解申请80余件，调解成功72件，调解成功率达95%。",
        "调解成功率达95%。",
    ] {
        assert!(check(&pack, fine).is_empty(), "{fine}");
    }
}

#[test]
fn subject_restricts_the_statements_a_rule_reads() {
    let pack = dsl(RATE_DSL);
    let text = "共受理信访件50件，按期办结45件，按期办结率98%。共受理投诉60件，按时答复54件，按时答复率90%。共受理调解申请40件，调解成功36件，调解成功率95%。";
    let in_time: Vec<String> = check(&pack, text)
        .into_iter()
        .filter(|f| f.rule == "s/handled-in-time")
        .map(|f| f.message)
        .collect();
    // 办结 and 答复 only: the 答复 rate is right, the 调解成功 rate is not asked for.
    assert_eq!(in_time, ["按期办结率 98%：45 / 50"]);
    let rates = check(&pack, text)
        .into_iter()
        .filter(|f| f.rule == "s/rates")
        .count();
    assert_eq!(rates, 2, "the rule without subject reads every rate");
}

#[test]
fn assertions_read_the_figures_as_pattern_captures_do() {
    let pack = dsl(r#"pack "s"
rule at-least {
  message "{subject}只有 {rate}"
  match statement rate
  assert rate >= 95%
}
rule growth-exact {
  message "{subject} {growth}：{current} / {previous}"
  match statement growth
  let computed = (current - previous) / previous
  assert growth ~= computed within 0%
}
rule repeated {
  message "{subject}：{first} 与 {other}"
  match statement repeated
  assert first == other
}
rule parts {
  message "{parts} / {total}"
  match statement parts
  assert sum(parts) <= total
}
"#);
    let text = "全年受理复议申请40件，审结36件，审结率90%。今年受理投诉120件，去年同期为100件，同比增长25%。共有工作人员22人，其中公务员15人，事业编9人。\n全局持证执法人员45人。\n目前持证执法人员47人。";
    let messages: BTreeMap<String, String> = check(&pack, text)
        .into_iter()
        .map(|f| (f.rule, f.message))
        .collect();
    assert_eq!(messages["s/at-least"], "审结率只有 90%");
    assert_eq!(messages["s/growth-exact"], "同比增长 25%：120 / 100");
    assert_eq!(messages["s/repeated"], "持证执法人员：45 与 47");
    assert_eq!(messages["s/parts"], "15、9 / 22");
    // An approximate figure never fails an assertion; an unpaired rate binds only itself.
    let quiet = "全年受理复议申请约40件，审结36件，审结率80%。今年受理投诉120余件，去年同期为100件，同比增长25%。";
    let messages: Vec<String> = check(&pack, quiet)
        .into_iter()
        .filter(|f| f.rule != "s/at-least")
        .map(|f| f.message)
        .collect();
    assert!(messages.is_empty(), "{messages:?}");
}

#[test]
fn an_unchecked_statement_offers_only_its_own_figure() {
    // The part of 审结率 is 审结 in the sentence before, but this sentence has its own total:
    // the analyser leaves the rate unchecked, so an assertion over part and total does not
    // apply, while one over the rate does.
    let pack = dsl(r#"pack "s"
rule ratio {
  message "{rate} {part} {total}"
  match statement rate
  assert rate ~= part / total within 0%
}
rule floor {
  message "{subject} {rate}"
  match statement rate
  assert rate >= 95%
}
"#);
    let text = "全年共受理复议申请40件，审结36件，审结率90%。全年共收到申请30件，转办20件，审结率达到80%。";
    let rules: Vec<String> = check(&pack, text).into_iter().map(|f| f.rule).collect();
    assert_eq!(rules, ["s/floor", "s/floor"]);
}

// ------------------------------------------------------------------ the built-in pack

#[derive(Debug, Deserialize)]
struct Case {
    class: String,
    expect: String,
    text: String,
}

/// The built-in rule that reports each statement kind.
const RULE_OF_KIND: &[(&str, StatementKind)] = &[
    ("fazhi/rate-arithmetic", StatementKind::Rate),
    ("fazhi/share-over-100", StatementKind::Share),
    ("fazhi/parts-sum", StatementKind::Parts),
    ("fazhi/growth-arithmetic", StatementKind::Growth),
    ("fazhi/repeated-fact", StatementKind::Repeated),
];

#[test]
fn the_builtin_arithmetic_rules_flag_exactly_what_the_analyser_flags() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/statements/cases.yaml");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let cases: Vec<Case> = serde_saphyr::from_str(&text).expect("the corpus reads");
    assert!(cases.len() >= 130, "{} cases", cases.len());
    let set = match load_builtin("fazhi") {
        Ok(set) => set,
        Err(e) => panic!("the built-in pack does not load: {e}"),
    };
    let engine = Engine::new(&set);
    // class → (defects, caught by the analyser, caught by the rules, traps, alarms of each)
    let mut table: BTreeMap<&str, [usize; 6]> = BTreeMap::new();
    let mut differences = Vec::new();
    for case in &cases {
        let doc = Document::parse(case.text.clone());
        let mut by_analyser: Vec<(&str, usize)> = doc
            .statements()
            .iter()
            .filter(|s| s.flagged())
            .map(|s| (s.kind.name(), s.span.start))
            .collect();
        let mut by_rules: Vec<(&str, usize)> = engine
            .check(&doc)
            .iter()
            .filter_map(|f| {
                let (_, kind) = RULE_OF_KIND.iter().find(|(id, _)| *id == f.rule)?;
                Some((kind.name(), f.labels.first()?.span.start))
            })
            .collect();
        by_analyser.sort();
        by_rules.sort();
        if by_analyser != by_rules {
            differences.push(format!(
                "{:?}: analyser {by_analyser:?}, rules {by_rules:?}",
                case.text
            ));
        }
        let row = table.entry(case.class.as_str()).or_default();
        let caught = |found: &[(&str, usize)]| found.iter().any(|(k, _)| *k == case.expect);
        if case.expect == "silent" {
            row[3] += 1;
            row[4] += usize::from(!by_analyser.is_empty());
            row[5] += usize::from(!by_rules.is_empty());
        } else {
            row[0] += 1;
            row[1] += usize::from(caught(&by_analyser));
            row[2] += usize::from(caught(&by_rules));
        }
    }
    for (class, [defects, analyser, rules, traps, analyser_alarms, rule_alarms]) in &table {
        println!(
            "{class:<9} recall analyser {analyser}/{defects}, rules {rules}/{defects}; false alarms analyser {analyser_alarms}, rules {rule_alarms} in {traps} traps"
        );
        assert_eq!(analyser, rules, "{class}: recall differs");
        assert_eq!(analyser_alarms, rule_alarms, "{class}: false alarms differ");
    }
    assert!(differences.is_empty(), "\n{}", differences.join("\n"));
}

/// The analyser's reason (`pairing`) is put into words only when read, and then reads as it
/// did when it was made: in a finding's message, and in an assertion.
#[test]
fn the_pairing_reaches_messages_and_assertions() {
    let text = "全年受理行政复议案件20件，办结18件，办结率95%。\n";
    let inspected = Document::parse(text.to_string()).statements();
    let why = inspected
        .iter()
        .find(|s| s.kind == StatementKind::Rate)
        .map(|s| s.pairing.text())
        .expect("a rate statement");
    assert!(why.contains("18件") && why.contains("20件"), "{why}");
    let in_message =
        dsl(r#"pack "s" rule r { message "{subject}：{pairing}" match statement rate }"#);
    let found = check(&in_message, text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].message.ends_with(&why), "{}", found[0].message);
    // An assertion reading it: the rate is flagged only while its reason names the total.
    let asserted = |total: &str| {
        dsl(&format!(
            r#"pack "s" rule r {{ message "{{pairing}}" match statement rate let why = pairing assert why != "{total}" }}"#
        ))
    };
    assert_eq!(check(&asserted(&why), text).len(), 1);
    assert!(check(&asserted("别的理由"), text).is_empty());
}
