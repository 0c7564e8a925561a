//! Any page reads without a panic, in time that grows with its length and not with the
//! square of its nesting: the reader refuses pages nested deeper than its limit, and the
//! scan that measures nesting never sees much less depth than the parser then builds.
//!
//! The first input byte repeats the rest (1 to 256 times), so that short inputs can become
//! deeply nested pages (`<div><b>` × 256).
#![no_main]

use ego_tree::iter::Edge;
use libfuzzer_sys::fuzz_target;
use reportlint::source::html::{extract_within, nesting_too_deep};

/// A small limit, so that pages at and past it are quick to make and to parse.
const LIMIT: usize = 48;

fn parsed_depth(page: &str) -> usize {
    let html = scraper::Html::parse_document(page);
    let (mut depth, mut deepest) = (0usize, 0usize);
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(_) => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            Edge::Close(_) => depth = depth.saturating_sub(1),
        }
    }
    deepest
}

fuzz_target!(|data: &[u8]| {
    let Some((&times, rest)) = data.split_first() else {
        return;
    };
    let page = String::from_utf8_lossy(rest).repeat(usize::from(times) + 1);
    match extract_within(&page, LIMIT) {
        Ok(_) => {
            // Not refused: the parser's tree is not much deeper than the limit (the parser
            // adds `<tbody>`s, the document, `html`, `body` and text nodes by itself).
            let depth = parsed_depth(&page);
            assert!(depth <= LIMIT * 4 / 3 + 8, "parsed depth {depth} passed a limit of {LIMIT}");
        }
        Err(e) => {
            assert_eq!(e.limit, LIMIT);
            assert!(nesting_too_deep(&page, LIMIT).is_some());
        }
    }
});
