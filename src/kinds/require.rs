//! Kind `require`: text must appear.
//!
//! The matcher must be satisfied at least `min_count` times (default 1) in one unit of the
//! scope: in the document, in some section whose heading matches, in some paragraph or in
//! some sentence. `any` counts the matches of all its parts, `all` the fewest of its parts,
//! `none` is satisfied once when none of its parts is there.
//!
//! Missing text has no place of its own, so the finding points at the sections the text was
//! expected in (scope `section`), or at the title, and says so.
//!
//! ```text
//! rule three-systems { require any("三项制度", all("执法公示", "全过程记录", "法制审核")) }
//! ```

use super::{stand_in, Hit};
use crate::diag::Label;
use crate::eval::matching::{CompiledMatcher, CompiledScope, Compiler, DocMatches};
use crate::eval::values::Value;
use crate::pack::error::PackError;
use crate::pack::model::Require;

/// Names this kind gives its findings for message templates, beside captures, `let`s, facts,
/// `match` and `count`.
pub const MESSAGE_NAMES: &[&str] = &["found", "min"];

#[derive(Debug, Clone)]
pub struct Compiled {
    pub what: CompiledMatcher,
    pub min_count: usize,
    pub scope: CompiledScope,
}

pub fn compile(r: &Require, c: &mut Compiler) -> Result<Compiled, Vec<PackError>> {
    let what = c.matcher(&r.what);
    let scope = c.scope(&r.scope);
    match (what, scope) {
        (Ok(what), Ok(scope)) => Ok(Compiled {
            what,
            min_count: r.min_count.as_ref().map_or(1, |m| m.value as usize),
            scope,
        }),
        (Err(mut a), Err(mut b)) => {
            a.append(&mut b);
            Err(a)
        }
        (Err(e), _) | (_, Err(e)) => Err(e),
    }
}

/// Whether the requirement holds; on failure, the best count seen.
pub fn holds(r: &Compiled, m: &DocMatches) -> Result<(), usize> {
    let mut best = 0;
    for unit in m.units(&r.scope) {
        let (n, _) = m.count(&r.what, &unit);
        if n >= r.min_count {
            return Ok(());
        }
        best = best.max(n);
    }
    Err(best)
}

pub fn evaluate(r: &Compiled, m: &DocMatches) -> Vec<Hit> {
    let Err(found) = holds(r, m) else {
        return Vec::new();
    };
    let doc = m.doc;
    let hit = match &r.scope {
        CompiledScope::Section(h) | CompiledScope::Heading(h) => {
            let headings: Vec<Label> = doc
                .headings
                .iter()
                .filter(|hd| m.count(h, &hd.text_span).0 > 0)
                .map(|hd| Label::new(hd.span.clone(), Some("应在此部分写明".to_string())))
                .collect();
            if headings.is_empty() {
                let (label, _) = stand_in(doc);
                Hit::at(vec![label]).note(
                    "the section this text belongs in was not found either; shown at the title",
                )
            } else {
                Hit::at(headings).note("missing text has no place of its own: shown at the section where it was expected")
            }
        }
        _ => {
            let (label, note) = stand_in(doc);
            Hit::at(vec![label]).note(note)
        }
    };
    vec![hit
        .var("found", Value::count(found as f64))
        .var("min", Value::count(r.min_count as f64))]
}
