//! The READMEs (README.md in Chinese, README.en.md in English) document the rule language
//! with examples in both forms; this keeps them true, and the two in step.
//! Every fenced ```rules block must be a pack that loads (parsed and validated), and must be
//! followed by a ```yaml block that reads to the same pack. YAML blocks marked `# example`
//! (CI recipes) are not packs.

use reportlint::cli::packs::run_examples;
use reportlint::eval::load::{parse, Form};

struct Block {
    language: String,
    /// 1-based line of the opening fence, for messages.
    line: usize,
    text: String,
}

/// The manuals: Chinese, then English.
const READMES: [&str; 2] = ["README.md", "README.en.md"];

fn fenced_blocks(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    for (index, line) in markdown.lines().enumerate() {
        match (&mut open, line.strip_prefix("```")) {
            (None, Some(language)) => {
                open = Some(Block {
                    language: language.trim().to_string(),
                    line: index + 1,
                    text: String::new(),
                })
            }
            (Some(_), Some("")) => blocks.extend(open.take()),
            (Some(block), _) => {
                block.text.push_str(line);
                block.text.push('\n');
            }
            (None, None) => {}
        }
    }
    assert!(open.is_none(), "README.md has an unclosed code block");
    blocks
}

fn readme_blocks(readme: &str) -> Vec<Block> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(readme);
    let text = std::fs::read_to_string(path).expect("the README is readable");
    fenced_blocks(&text)
}

fn is_pack(block: &Block) -> bool {
    match block.language.as_str() {
        "rules" => true,
        "yaml" => !block.text.starts_with("# example"),
        _ => false,
    }
}

#[test]
fn every_rule_language_example_in_the_readme_loads() {
    for readme in READMES {
        every_example_loads(readme);
    }
}

fn every_example_loads(readme: &str) {
    let packs: Vec<Block> = readme_blocks(readme).into_iter().filter(is_pack).collect();
    assert!(packs.len() >= 20, "only {} pack examples", packs.len());
    for block in &packs {
        let form = if block.language == "rules" {
            Form::Dsl
        } else {
            Form::Yaml
        };
        let name = format!("{readme}:{}", block.line);
        if let Err(errors) = parse(&name, &block.text, form) {
            panic!("{name}: {errors:?}\n{}", block.text);
        }
    }
}

#[test]
fn every_dsl_example_has_an_equal_yaml_twin() {
    for readme in READMES {
        dsl_examples_have_yaml_twins(readme);
    }
}

fn dsl_examples_have_yaml_twins(readme: &str) {
    let packs: Vec<Block> = readme_blocks(readme).into_iter().filter(is_pack).collect();
    let mut pairs = 0;
    for (index, block) in packs.iter().enumerate() {
        if block.language != "rules" {
            continue;
        }
        let Some(twin) = packs.get(index + 1).filter(|b| b.language == "yaml") else {
            panic!(
                "{readme}:{}: a `rules` block without a `yaml` twin",
                block.line
            );
        };
        let dsl = parse("dsl", &block.text, Form::Dsl).expect("checked above");
        let yaml = parse("yaml", &twin.text, Form::Yaml).expect("checked above");
        assert_eq!(
            dsl, yaml,
            "{readme}:{} and :{} differ",
            block.line, twin.line
        );
        pairs += 1;
    }
    assert!(pairs >= 11, "only {pairs} DSL/YAML pairs");
}

/// The Chinese and the English manual show the same examples, in the same order.
#[test]
fn the_chinese_and_english_readmes_show_the_same_examples() {
    let [zh, en] = READMES.map(|r| {
        readme_blocks(r)
            .into_iter()
            .filter(|b| b.language == "rules" || b.language == "yaml")
            .map(|b| (b.language, b.text))
            .collect::<Vec<_>>()
    });
    assert_eq!(
        zh.len(),
        en.len(),
        "the READMEs show different numbers of examples"
    );
    for (z, e) in zh.iter().zip(&en) {
        if z.1.starts_with("# example: .reportlint.yaml") {
            // The configuration example is commented in each manual's language.
            let settings = |t: &str| -> Vec<String> {
                t.lines()
                    .map(|l| {
                        l.split(" #")
                            .next()
                            .unwrap_or_default()
                            .trim_end()
                            .to_string()
                    })
                    .collect()
            };
            assert_eq!(
                settings(&z.1),
                settings(&e.1),
                "the configuration examples differ"
            );
        } else {
            assert_eq!(z, e, "README.md and README.en.md differ in an example");
        }
    }
}

/// The `pass` and `fail` examples of every README pack hold, in both forms (what
/// `reportlint test` checks), and the worked example of computed requirements and
/// tolerances guards its division, so `test` prints no warning about it.
#[test]
fn the_inline_examples_of_the_readme_packs_hold() {
    for readme in READMES {
        inline_examples_hold(readme);
    }
}

fn inline_examples_hold(readme: &str) {
    let mut failed = Vec::new();
    let mut examples = 0;
    let mut computed_demo = 0;
    for block in readme_blocks(readme).iter().filter(|b| is_pack(b)) {
        let form = if block.language == "rules" {
            Form::Dsl
        } else {
            Form::Yaml
        };
        let pack = parse("readme", &block.text, form).expect("checked above");
        if pack.name.value == "computed-demo" {
            computed_demo += 1;
            let warnings = reportlint::eval::divisions::division_warnings(&pack);
            assert!(warnings.is_empty(), "{readme}:{}: {warnings:?}", block.line);
        }
        let set = pack.rule_set();
        let results = run_examples(&set.rules, &set.packs);
        examples += results.len();
        failed.extend(results.iter().filter(|r| !r.passed()).map(|r| {
            format!(
                "{readme}:{}: {} ({:?}): {}",
                block.line, r.rule, r.kind, r.text
            )
        }));
    }
    assert!(failed.is_empty(), "{failed:#?}");
    assert!(
        examples >= 30,
        "only {examples} inline examples in {readme}"
    );
    assert_eq!(
        computed_demo, 2,
        "{readme} lacks the computed-demo pack in both forms"
    );
}

#[test]
fn the_readme_shows_every_rule_kind_in_both_forms() {
    for readme in READMES {
        every_kind_shown(readme);
    }
}

fn every_kind_shown(readme: &str) {
    let packs: Vec<Block> = readme_blocks(readme).into_iter().filter(is_pack).collect();
    let mut kinds = std::collections::BTreeSet::new();
    for block in packs.iter().filter(|b| b.language == "rules") {
        let pack = parse("dsl", &block.text, Form::Dsl).expect("loads");
        kinds.extend(pack.rules.iter().map(|r| r.check.kind_name()));
    }
    let all = reportlint::eval::kinds::Check::KIND_NAMES;
    let missing: Vec<&str> = all.iter().copied().filter(|k| !kinds.contains(k)).collect();
    assert!(
        missing.is_empty(),
        "kinds missing from {readme}: {missing:?}"
    );
}

#[test]
fn the_readme_example_report_exists_and_has_findings() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_reportlint"))
        .env("REPORTLINT_LANG", "en")
        .args(["check", "examples/report.txt", "--format", "json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("reportlint runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = String::from_utf8_lossy(&out.stdout);
    for rule in [
        "fazhi/term-first-responsible",
        "fazhi/rate-arithmetic",
        "fazhi/heading-continuous",
        "fazhi/repeated-fact",
        "fazhi/halfwidth-punctuation",
    ] {
        assert!(
            json.contains(rule),
            "no {rule} finding on the example report"
        );
    }
}
