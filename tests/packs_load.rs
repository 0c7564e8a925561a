//! Loading a pack with what it builds on: `extends` (a file next to the pack, or a built-in
//! pack), `disable`, `override`, and the errors of each, underlined in the pack that holds the
//! mistake.

use std::path::Path;

use miette::{GraphicalReportHandler, GraphicalTheme};
use reportlint::eval::load::{load_file, LoadError, RuleSet};
use reportlint::pack::model::Severity;

const DIR: &str = "tests/fixtures/packs/extends";

fn load(name: &str) -> Result<RuleSet, LoadError> {
    load_file(&Path::new(DIR).join(name))
}

fn loaded(name: &str) -> RuleSet {
    load(name).unwrap_or_else(|e| panic!("{name} does not load: {}", render(&e)))
}

fn error_of(name: &str) -> LoadError {
    match load(name) {
        Ok(set) => panic!(
            "{name} loaded with {} rules but should not",
            set.rules.len()
        ),
        Err(e) => e,
    }
}

fn render(error: &LoadError) -> String {
    let mut out = String::new();
    GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
        .with_width(100)
        .render_report(&mut out, error)
        .expect("rendering into a String");
    out
}

/// The file each error is reported in, and the text under each label.
fn labelled(error: &LoadError) -> (String, Vec<String>) {
    let LoadError::Pack(pack) = error else {
        panic!("not an error inside a pack: {error}");
    };
    let text = pack.source.text();
    let labels = pack
        .errors
        .iter()
        .map(|e| {
            text.get(e.span.clone())
                .expect("span on char boundaries")
                .to_string()
        })
        .collect();
    (pack.source.name().to_string(), labels)
}

fn snapshot(name: &str, error: &LoadError) {
    let rendered = render(error);
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(name, rendered);
    });
}

fn ids(set: &RuleSet) -> Vec<String> {
    set.rules.iter().map(|r| r.full_id()).collect()
}

fn severity(set: &RuleSet, id: &str) -> Severity {
    set.rules
        .iter()
        .find(|r| r.full_id() == id)
        .unwrap_or_else(|| panic!("no rule {id} in {:?}", ids(set)))
        .rule
        .severity
        .value
}

#[test]
fn extended_rules_come_first_minus_disabled_ones() {
    let set = loaded("child.rules");
    let ids = ids(&set);
    assert_eq!(ids.first().map(String::as_str), Some("base/supervision"));
    assert_eq!(ids.last().map(String::as_str), Some("child/hearing"));
    assert!(!ids.contains(&"base/advisers".to_string()), "{ids:?}");
    assert!(ids.contains(&"fazhi/term-fazhi".to_string()), "{ids:?}");
    let packs: Vec<&str> = set.packs.iter().map(|p| p.name.value.as_str()).collect();
    assert_eq!(packs, ["base", "fazhi", "child"]);
}

#[test]
fn override_changes_the_severity_of_an_extended_rule() {
    let set = loaded("child.rules");
    assert_eq!(severity(&set, "base/supervision"), Severity::Info);
    assert_eq!(severity(&set, "fazhi/term-fazhi"), Severity::Info);
    let base = loaded("base.rules");
    assert_eq!(severity(&base, "base/supervision"), Severity::Error);
}

#[test]
fn the_yaml_form_resolves_to_the_same_rules() {
    let dsl = loaded("child.rules");
    let yaml = loaded("child.yaml");
    assert_eq!(ids(&dsl), ids(&yaml));
    for (d, y) in dsl.rules.iter().zip(&yaml.rules) {
        assert_eq!(d.rule, y.rule, "{}", d.full_id());
    }
}

#[test]
fn a_pack_may_only_extend_and_disable() {
    let set = loaded("only-extends.rules");
    assert_eq!(ids(&set), ["base/supervision"]);
}

#[test]
fn a_base_reached_along_two_paths_comes_once() {
    let set = loaded("diamond.rules");
    assert_eq!(
        ids(&set),
        [
            "base/supervision",
            "base/advisers",
            "left/left",
            "right/right",
            "diamond/own"
        ]
    );
}

#[test]
fn a_base_changed_differently_along_two_paths_is_an_error() {
    let error = error_of("diamond-clash.rules");
    let (file, labels) = labelled(&error);
    assert!(file.ends_with("diamond-clash.rules"), "{file}");
    assert_eq!(labels, ["right-softened.rules"]);
    snapshot("packs_load_diamond_clash", &error);
}

#[test]
fn disabling_or_overriding_an_unknown_rule_points_at_it() {
    let error = error_of("unknown-rules.rules");
    let (file, labels) = labelled(&error);
    assert!(file.ends_with("unknown-rules.rules"), "{file}");
    assert_eq!(labels, ["base/no-such-rule", "advisers"]);
    let rendered = render(&error);
    assert!(
        rendered.contains("did you mean `base/advisers`?"),
        "{rendered}"
    );
    snapshot("packs_load_unknown_rules", &error);
}

#[test]
fn an_extends_cycle_points_at_the_entry_that_closes_it() {
    let error = error_of("cycle-a.rules");
    let (file, labels) = labelled(&error);
    assert!(file.ends_with("cycle-b.rules"), "{file}");
    assert_eq!(labels, ["cycle-a.rules"]);
    snapshot("packs_load_cycle", &error);
}

#[test]
fn a_missing_extended_file_and_an_unknown_builtin_come_together() {
    let error = error_of("missing.rules");
    let (file, labels) = labelled(&error);
    assert!(file.ends_with("missing.rules"), "{file}");
    assert_eq!(labels, ["no-such-pack.rules", "builtin:nope"]);
    snapshot("packs_load_missing", &error);
}

#[test]
fn a_rule_id_already_defined_by_the_extended_pack_is_an_error() {
    let error = error_of("same-name.rules");
    let (file, labels) = labelled(&error);
    assert!(file.ends_with("same-name.rules"), "{file}");
    assert_eq!(labels, ["advisers"]);
    snapshot("packs_load_same_rule_id", &error);
}

#[test]
fn a_pack_that_disables_everything_it_extends_is_an_error() {
    let error = error_of("disable-all.rules");
    let (_, labels) = labelled(&error);
    assert_eq!(labels, ["disable-all"]);
    snapshot("packs_load_disable_all", &error);
}

#[test]
fn a_pack_without_rules_or_extends_is_an_error() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("packs_load_empty");
    std::fs::create_dir_all(&dir).expect("temporary folder");
    let path = dir.join("empty.rules");
    std::fs::write(&path, "pack \"empty\"\nversion \"1.0\"\n").expect("written");
    let error = match load_file(&path) {
        Ok(set) => panic!("loaded {} rules", set.rules.len()),
        Err(e) => e,
    };
    let (_, labels) = labelled(&error);
    assert_eq!(labels, ["empty"]);
}

#[test]
fn a_pack_file_that_does_not_exist_is_a_read_error() {
    let error = error_of("not-there.rules");
    assert!(matches!(error, LoadError::Read { .. }), "{error:?}");
    assert!(error.to_string().contains("not-there.rules"), "{error}");
}
