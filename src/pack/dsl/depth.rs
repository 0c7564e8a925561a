//! Limits on how deeply a pack nests, so that no input can exhaust the stack.
//!
//! The parser, the builder, validation, evaluation and printing all walk matchers and
//! expressions recursively. Two limits keep every walk shallow, whatever the pack:
//!
//! - [`MAX_NESTING`] brackets: `any(…)` / `all(…)` / `none(…)` lists, function calls and
//!   parenthesised expressions. pest itself recurses once per bracket, so the depth is measured
//!   on the text before pest runs ([`too_deep`]), skipping strings, regexes and comments; the
//!   builder counts again as it goes, in case the measure and pest read the text differently.
//! - [`MAX_EXPR_DEPTH`] levels of an expression tree: `1 + 1 + … + 1` and `not not … x` have no
//!   brackets but build a tree as deep as they are long. The builder counts the depth of every
//!   expression it builds, the same for the DSL and for expressions written in YAML packs.
//!
//! YAML packs nest matchers as maps and lists, which the YAML reader bounds on its own.

use crate::pack::error::PackError;

/// Brackets nested in a pack: matcher lists, calls and parentheses together.
pub const MAX_NESTING: usize = 32;
/// Depth of an expression tree: operators applied to the results of operators.
pub const MAX_EXPR_DEPTH: usize = 64;

/// Keywords after which a `/` starts a regex rather than dividing.
const MATCHER_KEYWORDS: &[&[u8]] = &[
    b"require",
    b"forbid",
    b"unless",
    b"match",
    b"when",
    b"consistent",
    b"section",
    b"heading",
    b"subject",
];

/// What the last token was, to tell a regex `/…/` from a division.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    /// Nothing yet, punctuation, or a keyword that a matcher follows: `/` opens a regex.
    BeforeMatcher,
    /// A value (a number, a name, `)`, `%`, a string): `/` divides.
    Value,
}

/// The error for the first bracket of `src` nested deeper than [`MAX_NESTING`], if any.
/// `base` is where `src` starts in the pack file; with `expression`, `src` is one expression
/// (a YAML `assert:` value), where `/` always divides.
pub fn too_deep(src: &str, base: usize, expression: bool) -> Option<PackError> {
    let bytes = src.as_bytes();
    let mut depth = 0usize;
    let mut last = Last::BeforeMatcher;
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        match byte {
            b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            b'#' => i = line_end(bytes, i),
            b'/' if bytes.get(i + 1) == Some(&b'/') => i = line_end(bytes, i),
            b'"' if bytes.get(i..i + 3) == Some(b"\"\"\"") => {
                i = find(bytes, i + 3, b"\"\"\"").map_or(bytes.len(), |end| end + 3);
                last = Last::Value;
            }
            b'"' => {
                i = string_end(bytes, i + 1);
                last = Last::Value;
            }
            b'/' if !expression && last == Last::BeforeMatcher => {
                match regex_end(bytes, i + 1, depth) {
                    Regex::Closed(end) => {
                        i = end;
                        last = Last::Value;
                    }
                    Regex::Unclosed => {
                        i += 1;
                        last = Last::BeforeMatcher;
                    }
                    Regex::TooDeep(at) => return Some(error(base + at)),
                }
            }
            b'(' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(error(base + i));
                }
                i += 1;
                last = Last::BeforeMatcher;
            }
            b')' | b'%' => {
                depth = depth.saturating_sub(usize::from(byte == b')'));
                i += 1;
                last = Last::Value;
            }
            b if b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80 => {
                let start = i;
                while bytes
                    .get(i)
                    .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80)
                {
                    i += 1;
                }
                let word = bytes.get(start..i).unwrap_or_default();
                last = if MATCHER_KEYWORDS.contains(&word) {
                    Last::BeforeMatcher
                } else {
                    Last::Value
                };
            }
            _ => {
                i += 1;
                last = Last::BeforeMatcher;
            }
        }
    }
    None
}

/// The error at the bracket that goes one level too deep.
pub fn error(at: usize) -> PackError {
    PackError::new(
        crate::tr!("depth-brackets-are-nested-more", limit = MAX_NESTING),
        at..at + 1,
    )
    .with_label(crate::tr!("depth-nested-too-deeply-here"))
    .with_help(crate::tr!("depth-any-all-none-lists", limit = MAX_NESTING))
}

/// The error at an operator that makes an expression tree too deep.
pub fn expr_error(span: std::ops::Range<usize>) -> PackError {
    PackError::new(
        crate::tr!("depth-expression-nested-more-than", limit = MAX_EXPR_DEPTH),
        span,
    )
    .with_label(crate::tr!("depth-too-deep-from-here"))
    .with_help(crate::tr!(
        "depth-expression-may-apply-operators",
        limit = MAX_EXPR_DEPTH
    ))
}

fn line_end(bytes: &[u8], from: usize) -> usize {
    bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
        .map_or(bytes.len(), |at| from + at)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|at| from + at)
}

/// Past the closing quote of a one-line string whose content starts at `from` (or at the
/// line end when it is not closed, as the grammar reads it).
fn string_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 2,
            b'"' => return i + 1,
            b'\n' | b'\r' => return i,
            _ => i += 1,
        }
    }
    bytes.len()
}

enum Regex {
    /// Past the closing `/`.
    Closed(usize),
    /// No closing `/` on the line: not a regex after all.
    Unclosed,
    /// A group inside the regex nests too deeply, at this byte.
    TooDeep(usize),
}

/// A regex whose content starts at `from`. Its groups are counted on top of `depth` (a
/// division misread as a regex must not hide brackets) and forgotten when it closes.
fn regex_end(bytes: &[u8], mut i: usize, depth: usize) -> Regex {
    let mut local = depth;
    let mut in_class = false;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' if !matches!(bytes.get(i + 1), Some(b'\n' | b'\r')) => i += 2,
            b'\n' | b'\r' => return Regex::Unclosed,
            b'/' => return Regex::Closed(i + 1),
            b'[' => {
                in_class = true;
                i += 1;
            }
            b']' => {
                in_class = false;
                i += 1;
            }
            b'(' if !in_class => {
                local += 1;
                if local > MAX_NESTING {
                    return Regex::TooDeep(i);
                }
                i += 1;
            }
            b')' if !in_class => {
                local = local.saturating_sub(1).max(depth);
                i += 1;
            }
            _ => i += 1,
        }
    }
    Regex::Unclosed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(n: usize) -> String {
        format!(
            "pack \"t\"\nrule a {{\n  message \"m\"\n  require {}\"x\"{}\n}}\n",
            "any(".repeat(n),
            ")".repeat(n)
        )
    }

    #[test]
    fn brackets_up_to_the_limit_pass_and_one_more_is_refused_at_that_bracket() {
        assert!(too_deep(&nested(MAX_NESTING), 0, false).is_none());
        let src = nested(MAX_NESTING + 1);
        let error = too_deep(&src, 0, false).map(|e| e.span);
        let last_open = src.rfind('(').map(|at| at..at + 1);
        assert_eq!(error, last_open);
    }

    #[test]
    fn brackets_in_strings_regexes_and_comments_do_not_count() {
        let deep = "(".repeat(MAX_NESTING * 2);
        let escaped = "\\(".repeat(MAX_NESTING * 2);
        let src = format!(
            "pack \"t\" // {deep}\n# {deep}\nrule a {{\n  message \"{deep}\"\n  require /a{escaped}b[{deep}]/ | any(/(a)/)\n  pass \"\"\"{deep}\"\"\"\n}}\n"
        );
        assert!(too_deep(&src, 0, false).is_none(), "{src}");
        // Groups of a regex count on top of the brackets around it, then close with it.
        let groups = format!("{}a{}", "(".repeat(MAX_NESTING), ")".repeat(MAX_NESTING));
        assert!(too_deep(&format!("require any(/{groups}/)"), 0, false).is_some());
        assert!(too_deep(&format!("require /{groups}/ | any(/x/)"), 0, false).is_none());
    }

    #[test]
    fn a_division_is_not_read_as_a_regex_that_hides_brackets() {
        let deep = "(".repeat(MAX_NESTING + 1);
        let src = format!("assert a / {deep}1");
        assert!(too_deep(&src, 0, false).is_some());
        let src = format!("assert match / {deep}1 / 2");
        assert!(too_deep(&src, 0, false).is_some());
        assert!(too_deep(&format!("{deep}1"), 0, true).is_some());
    }
}
