//! Every pack in the project — test fixtures in both forms and the built-in packs — goes
//! DSL → YAML → DSL and YAML → DSL → YAML without changing its rule model, canonical DSL is a
//! fixed point of printing, and the `convert` command gives back the canonical DSL.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use reportlint::eval::kinds::Check;
use reportlint::eval::kinds::Pack;
use reportlint::eval::load::Form;
use reportlint::pack::{dsl, yaml};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn packs_in(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| Form::of_path(path).is_some())
        .collect();
    paths.sort();
    paths
}

/// Every pack file the project ships or tests with.
fn every_pack() -> Vec<PathBuf> {
    let mut paths = packs_in(&root().join("tests/fixtures/packs"));
    paths.extend(packs_in(&root().join("tests/fixtures/packs/extends")));
    paths.extend(packs_in(&root().join("rules")));
    paths
}

fn parse(path: &Path) -> Pack {
    let name = path.display().to_string();
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let parsed = match Form::of_path(path) {
        Some(Form::Dsl) => dsl::parse_pack(&name, &text),
        Some(Form::Yaml) => yaml::parse_pack(&name, &text),
        None => panic!("{name}: not a pack"),
    };
    parsed.unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

#[test]
fn the_project_has_packs_in_both_forms() {
    let packs = every_pack();
    let named = |n: &str| packs.iter().any(|p| p.ends_with(n));
    assert!(named("rules/fazhi.rules"), "{packs:?}");
    assert!(named("card-examples.rules") && named("card-examples.yaml"));
    assert!(named("all-kinds.yaml") && named("every-construct.rules"));
}

#[test]
fn through_yaml_and_back_the_rule_model_is_unchanged() {
    for path in every_pack() {
        let pack = parse(&path);
        let as_yaml = yaml::print_pack(&pack);
        let from_yaml = yaml::parse_pack("printed.yaml", &as_yaml).unwrap_or_else(|e| {
            panic!(
                "{}: YAML print does not parse: {e:?}\n{as_yaml}",
                path.display()
            )
        });
        assert_eq!(
            from_yaml,
            pack,
            "{}: changed by YAML\n{as_yaml}",
            path.display()
        );
        let as_dsl = dsl::print_pack(&from_yaml);
        let from_dsl = dsl::parse_pack("printed.rules", &as_dsl).unwrap_or_else(|e| {
            panic!(
                "{}: DSL print does not parse: {e:?}\n{as_dsl}",
                path.display()
            )
        });
        assert_eq!(
            from_dsl,
            pack,
            "{}: changed by DSL\n{as_dsl}",
            path.display()
        );
    }
}

#[test]
fn canonical_dsl_and_yaml_are_fixed_points() {
    for path in every_pack() {
        let pack = parse(&path);
        let dsl_text = dsl::print_pack(&pack);
        let again =
            dsl::parse_pack::<Check>("printed.rules", &dsl_text).expect("printed DSL parses");
        assert_eq!(dsl::print_pack(&again), dsl_text, "{}", path.display());
        let yaml_text = yaml::print_pack(&pack);
        let again =
            yaml::parse_pack::<Check>("printed.yaml", &yaml_text).expect("printed YAML parses");
        assert_eq!(yaml::print_pack(&again), yaml_text, "{}", path.display());
        let via_yaml = dsl::print_pack(&again);
        assert_eq!(
            via_yaml,
            dsl_text,
            "{}: DSL differs after YAML",
            path.display()
        );
    }
}

#[test]
fn both_forms_of_the_card_examples_are_one_pack() {
    let dsl_pack = parse(&root().join("tests/fixtures/packs/card-examples.rules"));
    let yaml_pack = parse(&root().join("tests/fixtures/packs/card-examples.yaml"));
    assert_eq!(dsl_pack, yaml_pack);
    let dsl_child = parse(&root().join("tests/fixtures/packs/extends/child.rules"));
    let yaml_child = parse(&root().join("tests/fixtures/packs/extends/child.yaml"));
    assert_eq!(dsl_child, yaml_child);
}

fn convert(path: &Path, to: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_reportlint"))
        .env("REPORTLINT_LANG", "en")
        .args(["convert", &path.display().to_string(), "--to", to])
        .output()
        .expect("reportlint runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "convert {} --to {to}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// `convert` checks the pack as `check` would, so it runs over the packs that are whole
/// (the syntax fixtures `every-construct.rules` and `all-kinds.yaml` name captures they lack).
#[test]
fn convert_to_yaml_and_back_gives_the_canonical_dsl() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("packs_roundtrip_convert");
    fs::create_dir_all(&dir).expect("temporary folder");
    for path in [
        root().join("tests/fixtures/packs/card-examples.rules"),
        root().join("tests/fixtures/packs/card-examples.yaml"),
        root().join("tests/fixtures/packs/extends/child.rules"),
        root().join("rules/fazhi.rules"),
    ] {
        let canonical = dsl::print_pack(&parse(&path));
        assert_eq!(convert(&path, "dsl"), canonical, "{}", path.display());
        let yaml_path = dir.join("converted.yaml");
        fs::write(&yaml_path, convert(&path, "yaml")).expect("written");
        assert_eq!(convert(&yaml_path, "dsl"), canonical, "{}", path.display());
    }
}

#[test]
fn convert_refuses_a_broken_pack_with_exit_code_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_reportlint"))
        .env("REPORTLINT_LANG", "en")
        .args([
            "convert",
            "tests/fixtures/packs/every-construct.rules",
            "--to",
            "yaml",
        ])
        .output()
        .expect("reportlint runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("unknown name `name` in message"),
        "{stderr}"
    );
}

/// Values that YAML would read as something else, or that need escapes in either form.
const AWKWARD: &str = r##"pack "yes"
version "1.0"
description "null"
extends "# not a comment.rules"
rule awkward {
  severity info
  message "- {n}: \"引号\" 'single' #hash \\ back {n:%}"
  help "true"
  reference "~"
  tags "1e3", "@at", "*star", "&amp", "[list]", "{map}", ": colon", "a: b", " lead", "trail "
  match pattern "受理{n:count}件：{…}" in paragraph
  assert n >= 0
  pass "第一行\n第二行\t制表"
  pass """
    多行“示例”，含 \ 反斜杠和 ""两个引号"" 。
      缩进的第二行
    """
  fail "受理-1件：x"
}
"##;

#[test]
fn awkward_values_survive_both_forms() {
    let pack =
        dsl::parse_pack::<Check>("awkward.rules", AWKWARD).unwrap_or_else(|e| panic!("{e:?}"));
    let as_yaml = yaml::print_pack(&pack);
    let from_yaml =
        yaml::parse_pack("awkward.yaml", &as_yaml).unwrap_or_else(|e| panic!("{e:?}\n{as_yaml}"));
    assert_eq!(from_yaml, pack, "{as_yaml}");
    let as_dsl = dsl::print_pack(&from_yaml);
    let from_dsl =
        dsl::parse_pack("awkward.rules", &as_dsl).unwrap_or_else(|e| panic!("{e:?}\n{as_dsl}"));
    assert_eq!(from_dsl, pack, "{as_dsl}");
    assert_eq!(dsl::print_pack(&from_dsl), as_dsl);
}
