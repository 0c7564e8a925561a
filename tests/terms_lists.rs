//! Term lists (kind `terms`), doubled characters (`doubled`) and full-width digits (`digits`)
//! in both pack forms: reading, `convert` and `fmt`, tables beside the pack (CSV and YAML) with
//! their errors, and `--fix` applying the replacements.

use std::path::Path;

use crate::check_support::{run_in, scratch_dir, Run};
use reportlint::eval::kinds::Check;
use reportlint::eval::load::{self, Form};
use reportlint::pack::{dsl, yaml};

const DSL: &str = r#"pack "county"

rule county-terms {
  severity warning
  message "“{match}”应为“{suggestion}”"
  terms file "terms.csv" {
    "法制政府" -> "法治政府"
    "申述人" -> "申诉人" unless "申述人员", "申述人的理由"
  }
}

rule county-doubled {
  severity warning
  message "“{match}”多了一个“{char}”字"
  doubled allow "乐乐", "洋洋"
}

rule county-digits {
  severity warning
  message "“{match}”应为“{suggestion}”"
  digits mixed
}
"#;

const YAML: &str = r#"pack: county
rules:
  - id: county-terms
    severity: warning
    message: “{match}”应为“{suggestion}”
    terms:
      file: terms.csv
      list:
        - {phrase: 法制政府, suggest: 法治政府}
        - phrase: 申述人
          suggest: 申诉人
          unless: [申述人员, 申述人的理由]

  - id: county-doubled
    severity: warning
    message: “{match}”多了一个“{char}”字
    doubled: {allow: [乐乐, 洋洋]}

  - id: county-digits
    severity: warning
    message: “{match}”应为“{suggestion}”
    digits: mixed
"#;

const TABLE: &str =
    "错误写法,正确写法,例外\n行政复义,行政复议,\n信防,信访,电信防、诚信防\n\"宣转\",宣传\n";

const REPORT: &str = "某镇2024年法治政府建设年度报告\n推进法制政府建设，办理行政复义案件3件，加强建建设，开展电信防诈和信防工作，2０24年受理纠纷1２件。\n";

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("scratch file can be written");
}

/// A folder that is its own repository (a `.git` inside), with the given files.
fn repo(name: &str, files: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = scratch_dir(name);
    std::fs::create_dir_all(dir.join(".git")).expect("scratch .git");
    for (file, text) in files {
        write(&dir, file, text);
    }
    dir
}

fn check(dir: &Path, pack: &str, args: &[&str]) -> Run {
    let mut all = vec![
        "check",
        "--no-config",
        "--no-builtin",
        "--fail-on",
        "warning",
        "--pack",
        pack,
    ];
    all.extend_from_slice(args);
    run_in(dir, &all, None)
}

fn snapshot(name: &str, value: &str) {
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(name, value);
    });
}

#[test]
fn the_dsl_and_yaml_forms_read_the_same_pack_and_convert_into_each_other() {
    let from_dsl = load::parse("county.rules", DSL, Form::Dsl).expect("the DSL pack reads");
    let from_yaml = load::parse("county.yaml", YAML, Form::Yaml).expect("the YAML pack reads");
    assert_eq!(from_dsl, from_yaml);
    assert_eq!(dsl::print_pack(&from_dsl), DSL);
    assert_eq!(yaml::print_pack(&from_yaml), YAML);
    let Check::Terms(terms) = &from_dsl.rules[0].check else {
        panic!("not a term list: {:?}", from_dsl.rules[0].check);
    };
    assert_eq!(terms.entries.len(), 2);
    assert_eq!(terms.entries[1].unless.len(), 2);
    assert_eq!(
        terms.file.as_ref().map(|f| f.value.as_str()),
        Some("terms.csv")
    );
}

#[test]
fn terms_without_a_file_print_as_a_plain_list() {
    let src = "pack \"p\"\n\nrule r {\n  severity error\n  message \"m\"\n  terms {\n    \"第一负责人\" -> \"第一责任人\"\n  }\n}\n";
    let pack = load::parse("p.rules", src, Form::Dsl).expect("reads");
    assert_eq!(dsl::print_pack(&pack), src);
    let yaml_text = yaml::print_pack(&pack);
    assert!(
        yaml_text.contains("    terms:\n      - {phrase: 第一负责人, suggest: 第一责任人}\n"),
        "{yaml_text}"
    );
    let back = load::parse("p.yaml", &yaml_text, Form::Yaml).expect("the YAML reads back");
    assert_eq!(back, pack);
    // Commas or semicolons between entries, and the arrow `→`, read the same.
    let loose = "pack \"p\"\nrule r { severity error message \"m\" terms { \"第一负责人\" → \"第一责任人\", } }\n";
    assert_eq!(
        load::parse("p.rules", loose, Form::Dsl).expect("reads"),
        pack
    );
}

#[test]
fn convert_and_fmt_keep_the_table_reference() {
    let dir = repo(
        "terms-convert",
        &[("county.rules", DSL), ("terms.csv", TABLE)],
    );
    let converted = run_in(&dir, &["convert", "--to", "yaml", "county.rules"], None);
    assert_eq!(converted.code, 0, "{}", converted.stderr);
    assert_eq!(converted.stdout, YAML);
    write(&dir, "county.yaml", &converted.stdout);
    let back = run_in(&dir, &["convert", "--to", "dsl", "county.yaml"], None);
    assert_eq!(back.stdout, DSL);
    let fmt = run_in(&dir, &["fmt", "--check", "county.rules"], None);
    assert_eq!(fmt.code, 0, "{}{}", fmt.stdout, fmt.stderr);
}

#[test]
fn entries_of_the_pack_and_of_its_table_are_all_checked() {
    for pack in ["county.rules", "county.yaml"] {
        let dir = repo(
            &format!("terms-check-{}", pack.replace('.', "-")),
            &[
                ("county.rules", DSL),
                ("county.yaml", YAML),
                ("terms.csv", TABLE),
                ("report.txt", REPORT),
            ],
        );
        let run = check(&dir, pack, &["--format", "json", "report.txt"]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON output");
        let messages: Vec<String> = json["files"][0]["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| d["message"].as_str().unwrap_or_default().to_string())
            .collect();
        assert_eq!(
            messages,
            [
                "“法制政府”应为“法治政府”",
                "“行政复义”应为“行政复议”",
                "“建建设”多了一个“建”字",
                "“信防”应为“信访”",
                "“2０24”应为“2024”",
                "“1２”应为“12”",
            ],
            "{pack}"
        );
    }
}

#[test]
fn fix_applies_the_replacements_and_a_second_fix_changes_nothing() {
    let dir = repo(
        "terms-fix",
        &[
            ("county.rules", DSL),
            ("terms.csv", TABLE),
            ("report.txt", REPORT),
        ],
    );
    let first = check(&dir, "county.rules", &["--fix", "report.txt"]);
    assert_eq!(first.code, 0, "{}{}", first.stdout, first.stderr);
    let fixed = std::fs::read_to_string(dir.join("report.txt")).expect("report");
    assert_eq!(
        fixed,
        "某镇2024年法治政府建设年度报告\n推进法治政府建设，办理行政复议案件3件，加强建设，开展电信防诈和信访工作，2024年受理纠纷12件。\n"
    );
    let second = check(&dir, "county.rules", &["--fix", "report.txt"]);
    assert_eq!(second.code, 0, "{}{}", second.stdout, second.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.join("report.txt")).expect("report"),
        fixed
    );
}

#[test]
fn a_yaml_table_is_read_too() {
    let pack = DSL.replace("terms.csv", "terms.yaml");
    let table = "- {phrase: 行政复义, suggest: 行政复议}\n- {phrase: 信防, suggest: 信访, unless: [电信防]}\n";
    let dir = repo(
        "terms-yaml-table",
        &[
            ("county.rules", &pack),
            ("terms.yaml", table),
            ("report.txt", "办理行政复义案件，开展电信防诈和信防工作。\n"),
        ],
    );
    let run = check(&dir, "county.rules", &["--format", "json", "report.txt"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.contains("“行政复义”应为“行政复议”"),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stdout.matches("“信防”应为“信访”").count(),
        1,
        "{}",
        run.stdout
    );
}

/// Each broken table gives exit code 2 and an error pointing at its row.
#[test]
fn broken_tables_are_refused_at_the_row_at_fault() {
    let cases: &[(&str, &str, &str)] = &[
        ("no-header", "terms.csv", "行政复义,行政复议\n"),
        (
            "bad-row",
            "terms.csv",
            "错误写法,正确写法,例外\n行政复义,行政复议\n信防，信访\n",
        ),
        (
            "empty-phrase",
            "terms.csv",
            "错误写法,正确写法\n行政复义,行政复议\n,信访\n",
        ),
        (
            "same-replacement",
            "terms.csv",
            "错误写法,正确写法\n信访,信访\n",
        ),
        (
            "duplicate",
            "terms.csv",
            "错误写法,正确写法\n行政复义,行政复议\n信防,信访\n行政复义,行政复议\n",
        ),
        (
            "duplicate-of-pack",
            "terms.csv",
            "错误写法,正确写法\n法制政府,法治政府\n",
        ),
        (
            "unclosed-quote",
            "terms.csv",
            "错误写法,正确写法\n\"信防,信访\n",
        ),
        ("yaml-missing-suggest", "terms.yaml", "- {phrase: 信防}\n"),
    ];
    let mut shown = String::new();
    for (name, file, table) in cases {
        let pack = DSL.replace("terms.csv", file);
        let dir = repo(
            &format!("terms-bad-{name}"),
            &[
                ("county.rules", &pack),
                (file, table),
                ("report.txt", REPORT),
            ],
        );
        let run = check(&dir, "county.rules", &["report.txt"]);
        assert_eq!(run.code, 2, "{name}: {}{}", run.stdout, run.stderr);
        assert!(run.stderr.contains(file), "{name}: {}", run.stderr);
        shown.push_str(&format!("=== {name}\n{}\n", run.stderr.trim_end()));
    }
    snapshot("terms_table_errors", &shown);
}

#[test]
fn a_table_outside_the_repository_missing_or_unreadable_is_refused_at_its_name() {
    let outside = scratch_dir("terms-outside-secret");
    write(&outside, "secret.csv", "错误写法,正确写法\n甲,乙\n");
    let mut shown = String::new();
    for (name, reference, extra) in [
        ("outside", "../terms-outside-secret/secret.csv", None),
        ("missing", "none.csv", None),
        (
            "binary",
            "binary.csv",
            Some(("binary.csv", "错误写法,正确写法\n\0\0\n")),
        ),
        ("unknown-form", "terms.txt", None),
    ] {
        let pack = DSL.replace("terms.csv", reference);
        let mut files = vec![("county.rules", pack.as_str()), ("report.txt", REPORT)];
        files.extend(extra);
        let dir = repo(&format!("terms-ref-{name}"), &files);
        let run = check(&dir, "county.rules", &["report.txt"]);
        assert_eq!(run.code, 2, "{name}: {}{}", run.stdout, run.stderr);
        assert!(
            !run.stderr.contains("甲,乙"),
            "{name}: the table was quoted"
        );
        shown.push_str(&format!("=== {name}\n{}\n", run.stderr.trim_end()));
    }
    snapshot(
        "terms_table_reference_errors",
        &shown.replace(env!("CARGO_TARGET_TMPDIR"), "[tmp]"),
    );
}

#[test]
fn entries_written_in_the_pack_are_validated_in_both_forms() {
    let dsl_src = "pack \"p\"\nrule r {\n  message \"m\"\n  terms {\n    \"信访\" -> \"信访\"\n    \"\" -> \"甲\"\n    \"法制\" -> \"法治\"\n    \"法治\" -> \"法治国家\"\n    \"法制\" -> \"法治\"\n  }\n}\n";
    let errors = load::parse("p.rules", dsl_src, Form::Dsl)
        .expect_err("refused")
        .errors;
    let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    for wanted in [
        "is the phrase itself",
        "empty phrase",
        "listed twice",
        "holds `法治`",
    ] {
        assert!(
            messages.iter().any(|m| m.contains(wanted)),
            "{wanted}: {messages:?}"
        );
    }
    let yaml_src = "pack: p\nrules:\n  - id: r\n    message: m\n    terms:\n      - {phrase: 信访, suggest: 信访}\n  - id: s\n    message: m\n    terms: []\n  - id: t\n    message: m\n    digits: half\n";
    let errors = load::parse("p.yaml", yaml_src, Form::Yaml)
        .expect_err("refused")
        .errors;
    let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    for wanted in [
        "is the phrase itself",
        "term list is empty",
        "unknown digits check",
    ] {
        assert!(
            messages.iter().any(|m| m.contains(wanted)),
            "{wanted}: {messages:?}"
        );
    }
    let empty = "pack \"p\"\nrule r { message \"m\" terms { } }\nrule s { message \"m\" doubled allow \"建设\" }\n";
    let errors = load::parse("p.rules", empty, Form::Dsl)
        .expect_err("refused")
        .errors;
    let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    assert!(
        messages.iter().any(|m| m.contains("term list is empty")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("no doubled character")),
        "{messages:?}"
    );
}
