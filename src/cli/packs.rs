//! Commands on packs: `convert` (DSL ⇄ YAML), `fmt` (canonical DSL) and `test` (run every
//! rule's inline examples).

use std::path::{Path, PathBuf};

use super::check::{exit, report_error};
use crate::eval::Engine;
use crate::model::Document;
use crate::pack::load::{self, Form, PackRule, RuleSet};
use crate::pack::model::ExampleKind;
use crate::pack::{dsl, yaml};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TargetForm {
    Yaml,
    Dsl,
}

#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// The pack to convert (`.rules`, `.yaml` or `.yml`).
    pub pack: PathBuf,
    /// The form to print.
    #[arg(long, value_enum)]
    pub to: TargetForm,
}

#[derive(Debug, clap::Args)]
pub struct FmtArgs {
    /// DSL packs (`.rules`) to format in place.
    #[arg(required = true)]
    pub packs: Vec<PathBuf>,
    /// Do not write; exit 1 if a pack is not formatted.
    #[arg(long)]
    pub check: bool,
}

#[derive(Debug, clap::Args)]
pub struct TestArgs {
    /// Packs whose inline examples to run (default: the built-in packs).
    pub packs: Vec<PathBuf>,
}

fn read_pack(path: &Path) -> Result<(String, String, Form), i32> {
    let shown = path.display().to_string();
    let Some(form) = Form::of_path(path) else {
        eprintln!("error: {shown}: unknown rule pack form (use .rules for the DSL, .yaml or .yml for YAML)");
        return Err(exit::TROUBLE);
    };
    match std::fs::read_to_string(path) {
        Ok(text) => Ok((shown, text, form)),
        Err(e) => {
            eprintln!("error: cannot read rule pack {shown}: {e}");
            Err(exit::TROUBLE)
        }
    }
}

pub fn convert(args: ConvertArgs) -> i32 {
    let (shown, text, form) = match read_pack(&args.pack) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let pack = match load::parse(&shown, &text, form) {
        Ok(p) => p,
        Err(e) => {
            report_error(&e, false);
            return exit::TROUBLE;
        }
    };
    let out = match args.to {
        TargetForm::Yaml => yaml::print_pack(&pack),
        TargetForm::Dsl => dsl::print_pack(&pack),
    };
    print!("{out}");
    exit::CLEAN
}

pub fn fmt(args: FmtArgs) -> i32 {
    let mut code = exit::CLEAN;
    for path in &args.packs {
        let (shown, text, form) = match read_pack(path) {
            Ok(x) => x,
            Err(c) => {
                code = c;
                continue;
            }
        };
        if form != Form::Dsl {
            eprintln!("error: {shown}: `fmt` formats DSL packs (.rules); convert YAML with `reportlint convert`");
            code = exit::TROUBLE;
            continue;
        }
        let pack = match dsl::parse_pack(&shown, &text) {
            Ok(p) => p,
            Err(e) => {
                report_error(&e, false);
                code = exit::TROUBLE;
                continue;
            }
        };
        let formatted = dsl::print_pack(&pack);
        if formatted == text {
            continue;
        }
        if args.check {
            println!("{shown}: not formatted");
            if code == exit::CLEAN {
                code = exit::FINDINGS;
            }
        } else if let Err(e) = crate::source::write_atomic(path, formatted.as_bytes()) {
            eprintln!("error: cannot write {shown}: {e}");
            code = exit::TROUBLE;
        } else {
            println!("{shown}: formatted");
        }
    }
    code
}

/// The outcome of one inline example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleResult {
    pub rule: String,
    pub kind: ExampleKind,
    pub text: String,
    /// Messages of the rule's findings on the example.
    pub findings: Vec<String>,
}

impl ExampleResult {
    pub fn passed(&self) -> bool {
        match self.kind {
            ExampleKind::Pass => self.findings.is_empty(),
            ExampleKind::Fail => !self.findings.is_empty(),
        }
    }
}

/// Run every inline example of the given rules, each rule alone on its example text.
pub fn run_examples(rules: &[PackRule], packs: &[crate::pack::model::Pack]) -> Vec<ExampleResult> {
    let mut results = Vec::new();
    for pr in rules {
        let single = RuleSet {
            packs: packs.to_vec(),
            rules: vec![pr.clone()],
        };
        let engine = match Engine::new(&single) {
            Ok(e) => e,
            Err(_) => continue,
        };
        for ex in &pr.rule.examples {
            let doc = Document::parse(ex.text.value.clone());
            let findings = engine.check(&doc).into_iter().map(|f| f.message).collect();
            results.push(ExampleResult {
                rule: pr.full_id(),
                kind: ex.kind,
                text: ex.text.value.clone(),
                findings,
            });
        }
    }
    results
}

pub fn test(args: TestArgs) -> i32 {
    let mut sets: Vec<(String, Result<RuleSet, load::LoadError>)> = Vec::new();
    if args.packs.is_empty() {
        for b in load::BUILTIN {
            sets.push((format!("builtin:{}", b.name), load::load_builtin(b.name)));
        }
    }
    for p in &args.packs {
        sets.push((p.display().to_string(), load::load_file(p)));
    }
    if sets.is_empty() {
        eprintln!("error: no packs to test");
        return exit::TROUBLE;
    }
    let mut code = exit::CLEAN;
    let (mut passed, mut failed) = (0, 0);
    for (shown, set) in sets {
        let set = match set {
            Ok(s) => s,
            Err(e) => {
                report_error(&e, false);
                code = exit::TROUBLE;
                continue;
            }
        };
        // Only the pack's own rules: extended packs are tested on their own.
        let own = set
            .packs
            .last()
            .map(|p| p.name.value.clone())
            .unwrap_or_default();
        let rules: Vec<PackRule> = set
            .rules
            .iter()
            .filter(|r| r.pack == own)
            .cloned()
            .collect();
        let examples: usize = rules.iter().map(|r| r.rule.examples.len()).sum();
        println!("{shown}: {} rules, {examples} examples", rules.len());
        let without: Vec<&PackRule> = rules
            .iter()
            .filter(|r| r.rule.examples.is_empty())
            .collect();
        for r in &without {
            println!("  warning: {} has no examples", r.full_id());
        }
        for result in run_examples(&rules, &set.packs) {
            if result.passed() {
                passed += 1;
                continue;
            }
            failed += 1;
            let what = match result.kind {
                ExampleKind::Pass => format!("should pass but got: {}", result.findings.join("；")),
                ExampleKind::Fail => "should fail but the rule found nothing".to_string(),
            };
            println!(
                "  FAILED {}: {what}\n    example: {}",
                result.rule, result.text
            );
        }
    }
    println!("{passed} passed, {failed} failed");
    if failed > 0 && code == exit::CLEAN {
        code = exit::FINDINGS;
    }
    code
}
