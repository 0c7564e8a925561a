//! The crate's modules form one order of layers, each using only the layers below it:
//!
//! i18n → source → model → pack → diag → eval → output → config → run → serve → cli
//!
//! `i18n` (the message catalogues and the `tr!` and `msg!` macros, reached as `crate::tr!`) is
//! below everything: every layer words its messages through it.
//! `pack` holds the rule packs and the values their expressions compute; `diag` the findings
//! the rule kinds (inside `eval`) produce; only `cli` knows the command line (clap). This test
//! reads every `crate::` path in the code under `src/` (in `use` items, `use crate::{…}`
//! groups and paths in expressions; comments are left out) and fails on an edge that goes up
//! or sideways, naming the file and line, so a change cannot quietly add one.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first.
const LAYERS: &[&str] = &[
    "i18n", "source", "model", "pack", "diag", "eval", "output", "config", "run", "serve", "cli",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src is readable")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `text` without comments (line, doc and block comments), string and character literals,
/// keeping the lines.
fn code_only(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    // Skip from `i` to just past `end` (a char sequence), keeping newlines.
    let skip_to = |i: &mut usize, out: &mut String, end: &[char]| {
        while *i < c.len() {
            if c[*i..].starts_with(end) {
                *i += end.len();
                return;
            }
            if c[*i] == '\\' && end == ['"'] {
                *i += 1;
            } else if c[*i] == '\n' {
                out.push('\n');
            }
            *i += 1;
        }
    };
    while i < c.len() {
        let next = c.get(i + 1).copied();
        match (c[i], next) {
            ('/', Some('/')) => {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
            }
            ('/', Some('*')) => {
                let mut depth = 0;
                while i < c.len() {
                    if c[i..].starts_with(&['/', '*']) {
                        depth += 1;
                        i += 2;
                    } else if c[i..].starts_with(&['*', '/']) {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        if c[i] == '\n' {
                            out.push('\n');
                        }
                        i += 1;
                    }
                }
            }
            ('"', _) => {
                i += 1;
                skip_to(&mut i, &mut out, &['"']);
                out.push_str("\"\"");
            }
            ('r', Some('"' | '#'))
                if i == 0 || !(c[i - 1].is_alphanumeric() || c[i - 1] == '_') =>
            {
                let hashes = c[i + 1..].iter().take_while(|h| **h == '#').count();
                if c.get(i + 1 + hashes) == Some(&'"') {
                    i += 2 + hashes;
                    let end: Vec<char> = std::iter::once('"')
                        .chain(std::iter::repeat_n('#', hashes))
                        .collect();
                    skip_to(&mut i, &mut out, &end);
                    out.push_str("\"\"");
                } else {
                    out.push('r');
                    i += 1;
                }
            }
            ('\'', Some('\\')) => {
                i += 2;
                skip_to(&mut i, &mut out, &['\'']);
                out.push_str("' '");
            }
            ('\'', Some(_)) if c.get(i + 2) == Some(&'\'') => {
                i += 3;
                out.push_str("' '");
            }
            (ch, _) => {
                out.push(ch);
                i += 1;
            }
        }
    }
    out
}

/// The top-level modules a piece of code names through `crate::`, with their lines.
fn crate_paths(code: &str) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        // `reportlint::crate::` cannot occur; `$crate::` is a macro's own crate, the same.
        let line = 1 + code[..at].matches('\n').count();
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `use crate::{a, b::c, d::{e, f}}`: the first name of each top-level item.
            let mut depth = 0;
            let mut item_start = true;
            let mut name = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && (c.is_alphanumeric() || c == '_') => name.push(c),
                    _ => {
                        if item_start && !name.is_empty() {
                            found.push((std::mem::take(&mut name), line));
                            item_start = false;
                        }
                    }
                }
            }
            if item_start && !name.is_empty() {
                found.push((name, line));
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.push((name, line));
            }
        }
    }
    found
}

/// Every edge `from → to` between top-level modules, with the places that make it.
fn edges(src: &Path) -> BTreeMap<(String, String), Vec<String>> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut edges: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(src).expect("under src");
        let mut parts = rel.components();
        let first = parts
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .expect("a name");
        let from = first.trim_end_matches(".rs").to_string();
        if from == "lib" || from == "main" {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("source is readable");
        for (to, line) in crate_paths(&code_only(&text)) {
            // The `tr!` and `msg!` macros are exported at the crate root but live in `i18n`.
            let to = if to == "tr" || to == "msg" {
                "i18n".to_string()
            } else {
                to
            };
            if to != from && to != "self" && to != "super" {
                edges
                    .entry((from.clone(), to))
                    .or_default()
                    .push(format!("src/{}:{line}", rel.display()));
            }
        }
    }
    edges
}

fn rank(layer: &str) -> Option<usize> {
    LAYERS.iter().position(|l| *l == layer)
}

#[test]
fn every_module_is_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut unplaced = Vec::new();
    for entry in std::fs::read_dir(&src).expect("src").flatten() {
        let name = entry
            .file_name()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if name != "lib" && name != "main" && rank(&name).is_none() {
            unplaced.push(name);
        }
    }
    assert!(
        unplaced.is_empty(),
        "modules not in the layer order (add them to LAYERS in tests/layers.rs): {unplaced:?}"
    );
}

#[test]
fn no_module_uses_a_layer_above_it_and_no_circle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let edges = edges(&src);
    assert!(
        edges.contains_key(&("cli".to_string(), "source".to_string())),
        "the reader of crate:: paths finds nothing"
    );
    let mut upward = Vec::new();
    for ((from, to), places) in &edges {
        match (rank(from), rank(to)) {
            (Some(a), Some(b)) if a > b => {}
            _ => upward.push(format!("{from} → {to}: {}", places.join(", "))),
        }
    }
    assert!(
        upward.is_empty(),
        "edges that go up the layer order {LAYERS:?}:\n{}",
        upward.join("\n")
    );
    // No circle among the layers (implied by the order; checked on its own so that a changed
    // LAYERS list cannot hide one).
    let graph: BTreeMap<&str, BTreeSet<&str>> =
        edges.keys().fold(BTreeMap::new(), |mut g, (from, to)| {
            g.entry(from.as_str()).or_default().insert(to.as_str());
            g
        });
    fn visit<'a>(
        node: &'a str,
        graph: &BTreeMap<&'a str, BTreeSet<&'a str>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<&'a str>> {
        if let Some(i) = path.iter().position(|n| *n == node) {
            return Some(path[i..].iter().copied().chain([node]).collect());
        }
        if !done.insert(node) {
            return None;
        }
        path.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some(circle) = visit(next, graph, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        let circle = visit(node, &graph, &mut Vec::new(), &mut done);
        assert!(circle.is_none(), "modules in a circle: {circle:?}");
    }
}

#[test]
fn the_reader_sees_groups_and_paths_but_not_comments() {
    let code = code_only(
        "use crate::{model::Span, pack::{a, b}};\n// crate::cli\nlet x = crate::eval::Engine::new();\n\"crate::output\"; '\"'; r#\"crate::diag\"#;\n/* crate::config */ crate::source",
    );
    let names: Vec<(String, usize)> = crate_paths(&code);
    assert_eq!(
        names,
        [
            ("model".to_string(), 1),
            ("pack".to_string(), 1),
            ("eval".to_string(), 3),
            ("source".to_string(), 5)
        ]
    );
}

#[test]
fn only_the_cli_knows_clap() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let outside: Vec<String> = files
        .iter()
        .filter(|f| !f.starts_with(src.join("cli")) && !f.ends_with("main.rs"))
        .filter(|f| {
            let code = code_only(&std::fs::read_to_string(f).expect("readable"));
            code.contains("clap::") || code.contains("#[arg(") || code.contains("#[value(")
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(outside.is_empty(), "clap outside src/cli: {outside:?}");
}
