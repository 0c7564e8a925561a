//! The JSON Schema of YAML packs (`schema/pack.schema.json`, `reportlint schema`): shipped as
//! generated, accepted by every YAML pack of the repository and by every DSL pack written as
//! YAML, and refusing the broken packs whose fault is one of keys or types.

use std::path::{Path, PathBuf};

use reportlint::eval::kinds::Check;
use reportlint::eval::load::{self, Form};
use reportlint::pack::yaml::schema::{pack_schema, pack_schema_text, SCHEMA_PATH};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft7::new(&pack_schema::<Check>()).expect("the pack schema compiles")
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
        shipped == pack_schema_text::<Check>(),
        "{SCHEMA_PATH} differs from the schema generated from the rule model; \
         run `cargo run -- schema > {SCHEMA_PATH}`"
    );
}

/// In an English run `schema` prints the shipped schema (the one the library generates in
/// its default language, English).
#[test]
fn schema_command_prints_the_schema() {
    for (env, args) in [
        (&[("LANG", "en_US.UTF-8")][..], &["schema"][..]),
        (&[][..], &["--lang", "en", "schema"][..]),
    ] {
        let out = crate::i18n_cli::run_with_env(env, args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        assert!(out.stdout == pack_schema_text::<Check>(), "{args:?}");
    }
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

/// Every `title` and `description` of a schema, with where it is.
fn described_texts(value: &Value, at: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let here = format!("{at}/{key}");
                match v {
                    Value::String(text) if key == "description" || key == "title" => {
                        out.push((here, text.clone()))
                    }
                    _ => described_texts(v, &here, out),
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                described_texts(v, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// `schema` in a Chinese run (by the environment or by `--lang zh`) prints its titles and
/// descriptions in Chinese, with no English sentence left, and is still a schema that accepts
/// a YAML pack of every kind and refuses a broken one.
#[test]
fn schema_in_a_chinese_run_is_described_in_chinese_and_still_validates() {
    use crate::i18n_cli::run_with_env;
    use crate::i18n_errors::english_runs;
    let english: Value = serde_json::from_str(&pack_schema_text::<Check>()).expect("JSON");
    let mut english_texts = Vec::new();
    described_texts(&english, "", &mut english_texts);
    let runs = [
        (vec![("REPORTLINT_LANG", "zh")], vec!["schema"]),
        (vec![], vec!["--lang", "zh", "schema"]),
    ];
    for (env, args) in runs {
        let out = run_with_env(&env, &args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        let schema: Value = serde_json::from_str(&out.stdout).expect("the schema is JSON");
        let mut texts = Vec::new();
        described_texts(&schema, "", &mut texts);
        assert_eq!(texts.len(), english_texts.len(), "{args:?}");
        assert!(texts.len() >= 30, "only {} descriptions", texts.len());
        let mut leaks = Vec::new();
        for (at, text) in &texts {
            if !text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
                leaks.push(format!("{at}: not Chinese: {text}"));
            }
            for run in english_runs(text) {
                leaks.push(format!("{at}: {run}"));
            }
        }
        assert!(leaks.is_empty(), "{args:?}:\n{}", leaks.join("\n"));

        let validator = jsonschema::draft7::new(&schema).expect("the Chinese schema compiles");
        let pack = std::fs::read_to_string(root().join("tests/fixtures/packs/all-kinds.yaml"))
            .expect("readable");
        let found = violations(&validator, &pack);
        assert!(found.is_empty(), "{args:?}:\n{}", found.join("\n"));
        let broken =
            std::fs::read_to_string(root().join("tests/fixtures/slips/schema-wrong-type.yaml"))
                .expect("readable");
        assert!(!violations(&validator, &broken).is_empty(), "{args:?}");
    }
}
