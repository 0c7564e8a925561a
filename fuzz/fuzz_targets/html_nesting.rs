//! Any page reads without a panic, and the parser's work stays within the length of the page
//! times the nesting limit: the reader watches the parser's own open elements while it parses
//! and stops it past the limit, and a page it accepts has a tree no deeper than the limit.
//!
//! The first input byte repeats the rest (1 to 256 times), so that short inputs can become
//! deeply nested pages (`<div><b>` × 256).
#![no_main]

use ego_tree::iter::Edge;
use libfuzzer_sys::fuzz_target;
use reportlint::source::html::{extract_measured, Refused};

/// A small limit, so that pages at and past it are quick to make and to parse.
const LIMIT: usize = 48;

/// The chunk the reader feeds the parser (`html.rs`'s `CHUNK`).
const CHUNK: usize = 1024;

/// How deep elements nest in the tree a plain parse builds (`<html>`, `<head>` and `<body>`
/// do not count, as in the reader).
fn parsed_depth(page: &str) -> usize {
    let html = scraper::Html::parse_document(page);
    let counts = |node: ego_tree::NodeRef<scraper::Node>| {
        node.value()
            .as_element()
            .is_some_and(|e| !matches!(e.name(), "html" | "head" | "body"))
    };
    let (mut depth, mut deepest) = (0usize, 0usize);
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) if counts(node) => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            Edge::Close(node) if counts(node) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

fuzz_target!(|data: &[u8]| {
    let Some((&times, rest)) = data.split_first() else {
        return;
    };
    let page = String::from_utf8_lossy(rest).repeat(usize::from(times) + 1);
    let (result, work) = extract_measured(&page, LIMIT, CHUNK);
    // The parser never walks much more than what it holds open per byte.
    let bound = (page.len() as u64 + 64) * (LIMIT + CHUNK) as u64;
    assert!(work.steps <= bound, "{work:?} for {} bytes", page.len());
    match result {
        Ok(_) => {
            // Accepted: the tree the parser built nests no deeper than the limit.
            let depth = parsed_depth(&page);
            assert!(depth <= LIMIT, "parsed depth {depth} passed a limit of {LIMIT}");
        }
        Err(Refused::TooDeep { line, limit }) => {
            assert_eq!(limit, LIMIT);
            // The parser counts a lone `\r` as a line break too.
            let lines = 1 + page.bytes().filter(|b| matches!(b, b'\n' | b'\r')).count();
            assert!(line >= 1 && line <= lines, "line {line} of {lines}");
        }
        Err(Refused::TooManyElements { limit, .. }) => {
            assert!(work.elements > limit as u64 && limit >= page.len());
        }
    }
});
