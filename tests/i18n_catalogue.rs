//! The message catalogues (`locales/*.ftl`): both parse cleanly, have the same keys, give each
//! message the same arguments, and hold every key the source code uses; none is left unused.

use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Each message of a catalogue with the names of the arguments it uses.
fn messages(file: &str) -> BTreeMap<String, BTreeSet<String>> {
    let text = std::fs::read_to_string(Path::new(ROOT).join("locales").join(file))
        .unwrap_or_else(|e| panic!("{file}: {e}"));
    let resource = match fluent_syntax::parser::parse(text.as_str()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{file} has syntax errors: {errors:?}"),
    };
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut args = BTreeSet::new();
            if let Some(value) = &m.value {
                pattern_args(value, &mut args);
            }
            assert!(m.value.is_some(), "{file}: {} has no value", m.id.name);
            assert!(
                out.insert(m.id.name.to_string(), args).is_none(),
                "{file}: {} is defined twice",
                m.id.name
            );
        }
    }
    out
}

fn pattern_args(pattern: &ast::Pattern<&str>, args: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_args(expression, args);
        }
    }
}

fn expression_args(expression: &ast::Expression<&str>, args: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_args(selector, args);
            for v in variants {
                pattern_args(&v.value, args);
            }
        }
        ast::Expression::Inline(inline) => inline_args(inline, args),
    }
}

fn inline_args(inline: &ast::InlineExpression<&str>, args: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            args.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_args(expression, args),
        _ => {}
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The arguments of a call whose text after the key is `rest` (`, a = x, b = f(y))…`): the
/// names before `=` of each argument at the call's own depth.
fn call_args(rest: &str) -> BTreeSet<String> {
    let mut depth = 0i32;
    let mut end = rest.len();
    for (i, c) in rest.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => {
                end = i;
                break;
            }
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
    }
    let mut args = Vec::new();
    let mut current = String::new();
    depth = 0;
    for c in rest[..end].chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                args.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    args.push(current);
    args.iter()
        .filter_map(|a| {
            let (name, _) = a.split_once('=')?;
            let name = name.trim();
            (!name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
            .then(|| name.to_string())
        })
        .collect()
}

/// Every key written literally in the source: `tr!("key"…` and `i18n::text("key"…`, with the
/// argument names `tr!` passes.
fn keys_in_source() -> BTreeMap<String, (String, BTreeSet<String>)> {
    let mut files = Vec::new();
    rust_files(&Path::new(ROOT).join("src"), &mut files);
    let call =
        regex::Regex::new(r#"(tr!|i18n::text(?:_in)?)\(\s*(?:[A-Za-z:]+,\s*)?"([A-Za-z0-9_-]+)""#)
            .expect("pattern compiles");
    let mut out = BTreeMap::new();
    for file in files {
        let text: String = std::fs::read_to_string(&file)
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .map(|l| format!("{l}\n"))
            .collect();
        for c in call.captures_iter(&text) {
            let key = c[2].to_string();
            let rest = &text[c.get(0).map_or(0, |m| m.end())..];
            let args = if &c[1] == "tr!" {
                call_args(rest)
            } else {
                BTreeSet::new()
            };
            let at = file
                .strip_prefix(ROOT)
                .unwrap_or(&file)
                .display()
                .to_string();
            out.entry(key).or_insert((at, args));
        }
    }
    out
}

#[test]
fn both_catalogues_have_the_same_messages_with_the_same_arguments() {
    let zh = messages("zh-CN.ftl");
    let en = messages("en.ftl");
    let only_zh: Vec<&String> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<&String> = en.keys().filter(|k| !zh.contains_key(*k)).collect();
    assert!(only_zh.is_empty(), "only in zh-CN.ftl: {only_zh:?}");
    assert!(only_en.is_empty(), "only in en.ftl: {only_en:?}");
    // Chinese has no plural forms, so a count that chooses the English form may go unused.
    let differ: Vec<String> = zh
        .iter()
        .filter(|(k, args)| en.get(*k).is_none_or(|e| !args.is_subset(e)))
        .map(|(k, args)| format!("{k}: zh {args:?}, en {:?}", en.get(k)))
        .collect();
    assert!(
        differ.is_empty(),
        "zh uses arguments en does not:\n{}",
        differ.join("\n")
    );
}

#[test]
fn every_key_the_source_uses_is_in_both_catalogues_with_its_arguments() {
    let zh = messages("zh-CN.ftl");
    let en = messages("en.ftl");
    let used = keys_in_source();
    assert!(used.len() > 20, "the scan found too few keys: {used:?}");
    let mut problems = Vec::new();
    for (key, (file, args)) in &used {
        for (name, catalogue) in [("zh-CN", &zh), ("en", &en)] {
            match catalogue.get(key) {
                None => problems.push(format!("{file}: `{key}` is not in {name}.ftl")),
                Some(wanted) if !wanted.is_subset(args) => problems.push(format!(
                    "{file}: `{key}` is given {args:?} but {name}.ftl uses {wanted:?}"
                )),
                Some(_) => {}
            }
        }
        // English says everything it is given (Chinese may leave out a plural count).
        if let Some(wanted) = en.get(key) {
            if !args.is_subset(wanted) {
                problems.push(format!(
                    "{file}: `{key}` is given {args:?} but en.ftl uses only {wanted:?}"
                ));
            }
        }
    }
    // Keys built at run time: command-line help (`cmd-…`, `arg-…`, checked against the clap
    // definition by a unit test) and keys kept in tables, written as string literals.
    let mut files = Vec::new();
    rust_files(&Path::new(ROOT).join("src"), &mut files);
    let source: String = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap_or_default())
        .collect();
    let unused: Vec<&String> = zh
        .keys()
        .filter(|k| !used.contains_key(*k) && !source.contains(&format!("\"{k}\"")))
        .filter(|k| !k.starts_with("cmd-") && !k.starts_with("arg-"))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");
}
