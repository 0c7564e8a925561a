//! The JSON Schema of YAML packs (`schema/pack.schema.json`, `reportlint schema`): shipped as
//! generated, accepted by every YAML pack of the repository and by every DSL pack written as
//! YAML, and refusing the broken packs whose fault is one of keys or types.

use std::path::{Path, PathBuf};

use reportlint::eval::load::{self, Form};
use reportlint::pack::yaml::schema::{pack_schema, pack_schema_text, SCHEMA_PATH};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft7::new(&pack_schema()).expect("the pack schema compiles")
}

/// The schema's complaints about a YAML text (empty when it validates).
fn violations(validator: &jsonschema::Validator, yaml: &str) -> Vec<String> {
    let instance: Value = serde_saphyr::from_str(yaml).expect("the YAML parses");
    validator
        .iter_errors(&instance)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect()
}

fn files_under(dir: &Path, extension: &str, found: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixture folder readable")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files_under(&path, extension, found);
        } else if path.extension().is_some_and(|e| e == extension) {
            found.push(path);
        }
    }
}

#[test]
fn shipped_schema_is_the_generated_one() {
    let shipped = std::fs::read_to_string(root().join(SCHEMA_PATH)).unwrap_or_default();
    assert!(
        shipped == pack_schema_text(),
        "{SCHEMA_PATH} differs from the schema generated from the rule model; \
         run `cargo run -- schema > {SCHEMA_PATH}`"
    );
}

#[test]
fn schema_command_prints_the_schema() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_reportlint"))
        .arg("schema")
        .output()
        .expect("reportlint runs");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), pack_schema_text());
}

/// Every YAML pack of the repository that reportlint loads validates. (The fixture of a
/// full-width `：` after a key is left out: reportlint forgives that slip, YAML does not.)
#[test]
fn every_yaml_pack_that_loads_validates() {
    let validator = validator();
    let mut files = Vec::new();
    files_under(&root().join("tests/fixtures"), "yaml", &mut files);
    let mut checked = 0;
    for path in files {
        let text = std::fs::read_to_string(&path).expect("readable");
        let name = path.display().to_string();
        // Configurations, term tables, expectations and broken packs do not load as packs.
        if name.ends_with("key-fullwidth-colon.yaml")
            || load::parse(&name, &text, Form::Yaml).is_err()
        {
            continue;
        }
        let found = violations(&validator, &text);
        assert!(found.is_empty(), "{name}:\n{}", found.join("\n"));
        checked += 1;
    }
    assert!(checked >= 3, "only {checked} YAML packs checked");
}

/// Every DSL pack that loads (the built-in pack, the starter pack, the fixtures), written as
/// YAML by `convert`, validates: the schema knows every construct the writer prints.
#[test]
fn every_dsl_pack_written_as_yaml_validates() {
    let validator = validator();
    let mut files = vec![
        root().join("rules/fazhi.rules"),
        root().join("src/cli/init/local.rules"),
    ];
    files_under(&root().join("tests/fixtures"), "rules", &mut files);
    let mut checked = 0;
    for path in files {
        let name = path.display().to_string();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // the fixture of a file that is not UTF-8
        };
        let Ok(pack) = load::parse(&name, &text, Form::Dsl) else {
            continue;
        };
        let yaml = reportlint::pack::yaml::print_pack(&pack.pack);
        let found = violations(&validator, &yaml);
        assert!(found.is_empty(), "{name}:\n{yaml}\n{}", found.join("\n"));
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} DSL packs checked");
}

/// The broken fixtures whose fault is a key or a type: reportlint refuses them, and so does
/// the schema (an editor underlines them while the pack is written).
#[test]
fn broken_packs_with_key_or_type_errors_fail_validation() {
    let validator = validator();
    for name in [
        "refused-only-rule.yaml",
        "schema-wrong-type.yaml",
        "schema-no-message.yaml",
        "schema-bad-severity.yaml",
        "schema-scope-typo.yaml",
        "schema-modifier-wrong-kind.yaml",
        "schema-matcher-key.yaml",
        "yaml-fullwidth-bracket.yaml",
    ] {
        let path = root().join("tests/fixtures/slips").join(name);
        let text = std::fs::read_to_string(&path).expect("readable");
        assert!(
            load::parse(name, &text, Form::Yaml).is_err(),
            "{name} should not load"
        );
        let found = violations(&validator, &text);
        assert!(
            found
                .iter()
                .any(|v| v.ends_with("at /rules/0") || v.contains("at /rules/0/")),
            "{name} should fail the schema at its rule: {found:?}"
        );
    }
}
