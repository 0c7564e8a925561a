//! The example rules in each rule kind's documentation (the ```` ```text ```` blocks of the
//! module doc of `src/eval/kinds/<kind>.rs`) are real: each block is loaded as a pack and its
//! inline `pass`/`fail` examples are run by `reportlint test`, so a kind's documentation cannot
//! drift from what the kind accepts and finds.

use crate::check_support::{run_in, scratch_dir};
use std::path::Path;

/// The ```` ```text ```` blocks of a module doc (`//!` lines), each as its lines without `//! `.
fn doc_blocks(source: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in source.lines() {
        let Some(doc) = line.strip_prefix("//!") else {
            continue;
        };
        let doc = doc.strip_prefix(' ').unwrap_or(doc);
        match (&mut current, doc.trim_start()) {
            (None, "```text") => current = Some(String::new()),
            (Some(block), "```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), _) => {
                block.push_str(doc);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

#[test]
fn every_kind_documents_a_rule_that_loads_and_whose_examples_hold() {
    let kinds = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/eval/kinds");
    let mut files: Vec<_> = std::fs::read_dir(&kinds)
        .expect("src/eval/kinds is readable")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs") && !p.ends_with("mod.rs"))
        .collect();
    files.sort();
    assert!(files.len() >= 14, "the kind modules are found: {files:?}");
    let dir = scratch_dir("kind-docs");
    // The table `terms file "terms.csv"` names in its example.
    std::fs::write(
        dir.join("terms.csv"),
        "错误写法,正确写法,例外\n宣传教肓,宣传教育,\n",
    )
    .expect("the table is written");
    let mut failures = Vec::new();
    for file in &files {
        let kind = file.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
        let source = std::fs::read_to_string(file).expect("the kind module is readable");
        let blocks = doc_blocks(&source);
        if blocks.is_empty() {
            failures.push(format!(
                "{kind}: the module doc has no ```text example rule"
            ));
            continue;
        }
        for (i, block) in blocks.iter().enumerate() {
            if !block.contains("pass ") || !block.contains("fail ") {
                failures.push(format!(
                    "{kind}: example {} has no `pass` and `fail` lines:\n{block}",
                    i + 1
                ));
                continue;
            }
            let pack = dir.join(format!("{kind}-{}.rules", i + 1));
            std::fs::write(&pack, format!("pack \"doc-{kind}\"\n\n{block}"))
                .expect("the pack is written");
            let name = pack.file_name().and_then(|n| n.to_str()).unwrap_or("?");
            let run = run_in(&dir, &["test", name], None);
            if run.code != 0 {
                failures.push(format!(
                    "{kind}: example {} (exit {}):\n{block}\n{}{}",
                    i + 1,
                    run.code,
                    run.stdout,
                    run.stderr
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn doc_blocks_are_read_from_module_docs_only() {
    let source = "//! Kind x.\n//!\n//! ```text\n//! rule a { forbid \"x\" }\n//! ```\n/// ```text\n/// not this\n/// ```\nfn f() {}\n";
    assert_eq!(
        doc_blocks(source),
        vec!["rule a { forbid \"x\" }\n".to_string()]
    );
}
