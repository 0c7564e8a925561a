//! Which parts of a report a raw regex needs to search.
//!
//! A regex such as `(?P<n>\d+)件数` has no literal prefix, so the `regex` crate runs its
//! automaton over the whole report, byte by byte. But every match contains `件数`. From the
//! regex's syntax tree we take such *required literals*: a few strings of which every match
//! contains at least one. A report holding none of them has no match; when the regex cannot
//! match across a line break either, only the lines holding one of them are searched. Both
//! shortcuts give exactly the matches of a whole-text search:
//!
//! - a line searched on its own sees the same surroundings as inside the report, because
//!   its neighbours are line breaks, which `(?m)^`, `(?m)$` and `\b` treat like the ends of
//!   the text; regexes with `\A`, `\z` (or `^`, `$` without `m`) or CRLF-aware anchors,
//!   for which this is not true, are searched whole once a literal is found;
//! - a regex whose matches all contain a required literal never matches empty text.
//!
//! Regexes whose matches begin with one of a few literals get no required literals: the
//! `regex` crate already looks for those first.

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex_syntax::hir::literal::Extractor;
use regex_syntax::hir::{Class, Hir, HirKind, Look};
use std::ops::Range;

/// At most this many required literals are kept (an alternation of many words).
const MAX_LITERALS: usize = 64;
/// A character class of at most this many characters counts as that many literals.
const MAX_CLASS_CHARS: u32 = 8;
/// Literals shorter than this (one Chinese character: 、 是 年) are in nearly every line of
/// a report; looking for them first costs more than it saves.
const MIN_LITERAL_BYTES: usize = 4;

/// The required literals of a regex.
#[derive(Clone, Debug)]
pub struct RequiredLiterals {
    literals: AhoCorasick,
    /// No match can span a line break, and no anchor sees beyond a line.
    line_local: bool,
}

/// What to search for one text.
#[derive(Debug, PartialEq)]
pub enum Plan {
    /// No required literal occurs: there is no match.
    Nothing,
    /// Search the whole text.
    Whole,
    /// Search these lines (without their line breaks), in order.
    Lines(Vec<Range<usize>>),
}

impl RequiredLiterals {
    /// The required literals of the regex `src`, if it has useful ones.
    pub fn of(src: &str) -> Option<RequiredLiterals> {
        let hir = regex_syntax::Parser::new().parse(src).ok()?;
        if has_literal_prefixes(&hir) {
            return None;
        }
        let literals = required(&hir)?;
        if literals.iter().any(|l| l.len() < MIN_LITERAL_BYTES) {
            return None;
        }
        Some(RequiredLiterals {
            literals: AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .build(&literals)
                .ok()?,
            line_local: line_local(&hir),
        })
    }

    pub fn plan(&self, text: &str) -> Plan {
        let bytes = text.as_bytes();
        let mut lines: Vec<Range<usize>> = Vec::new();
        let mut from = 0;
        while let Some(found) = self
            .literals
            .find(aho_corasick::Input::new(text).range(from..))
        {
            if !self.line_local {
                return Plan::Whole;
            }
            let at = found.start();
            let start =
                memchr::memrchr(b'\n', bytes.get(..at).unwrap_or_default()).map_or(0, |i| i + 1);
            let end = memchr::memchr(b'\n', bytes.get(at..).unwrap_or_default())
                .map_or(text.len(), |i| at + i);
            lines.push(start..end);
            // The rest of this line is searched anyway.
            from = end;
        }
        if lines.is_empty() {
            Plan::Nothing
        } else {
            Plan::Lines(lines)
        }
    }
}

/// Whether every match of `hir` begins with one of a finite set of non-empty literals.
fn has_literal_prefixes(hir: &Hir) -> bool {
    let prefixes = Extractor::new().extract(hir);
    prefixes
        .literals()
        .is_some_and(|lits| !lits.is_empty() && lits.iter().all(|l| !l.is_empty()))
}

/// Strings of which every match of `hir` contains at least one, or `None` when there are
/// no such strings worth searching for.
fn required(hir: &Hir) -> Option<Vec<String>> {
    match hir.kind() {
        HirKind::Literal(lit) => Some(vec![String::from_utf8(lit.0.to_vec()).ok()?]),
        HirKind::Class(Class::Unicode(class)) => {
            let size: u32 = class
                .ranges()
                .iter()
                .map(|r| u32::from(r.end()) - u32::from(r.start()) + 1)
                .sum();
            if size > MAX_CLASS_CHARS {
                return None;
            }
            Some(
                class
                    .ranges()
                    .iter()
                    .flat_map(|r| r.start()..=r.end())
                    .map(String::from)
                    .collect(),
            )
        }
        HirKind::Capture(cap) => required(&cap.sub),
        HirKind::Repetition(rep) if rep.min >= 1 => required(&rep.sub),
        HirKind::Concat(subs) => subs
            .iter()
            .filter_map(required)
            .max_by_key(|set| quality(set)),
        HirKind::Alternation(subs) => {
            let mut all = Vec::new();
            for sub in subs {
                all.extend(required(sub)?);
            }
            all.sort();
            all.dedup();
            (all.len() <= MAX_LITERALS).then_some(all)
        }
        _ => None,
    }
}

/// Longer shortest literals are rarer; fewer literals are cheaper to look for.
fn quality(set: &[String]) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = set.iter().map(String::len).min().unwrap_or(0);
    (shortest, std::cmp::Reverse(set.len()))
}

/// Whether no match of `hir` can contain a line break and no anchor of it looks past one.
fn line_local(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty => true,
        HirKind::Literal(lit) => !lit.0.contains(&b'\n'),
        HirKind::Class(Class::Unicode(class)) => !class
            .ranges()
            .iter()
            .any(|r| r.start() <= '\n' && '\n' <= r.end()),
        HirKind::Class(Class::Bytes(class)) => !class
            .ranges()
            .iter()
            .any(|r| r.start() <= b'\n' && b'\n' <= r.end()),
        HirKind::Look(look) => !matches!(
            look,
            Look::Start | Look::End | Look::StartCRLF | Look::EndCRLF
        ),
        HirKind::Repetition(rep) => line_local(&rep.sub),
        HirKind::Capture(cap) => line_local(&cap.sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().all(line_local),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn literals(src: &str) -> Option<Vec<String>> {
        required(&regex_syntax::Parser::new().parse(src).ok()?)
    }

    #[test]
    fn a_literal_inside_the_regex_is_required() {
        assert_eq!(
            literals(r"(?P<n>\d+)件数(?P<p>[，。])"),
            Some(vec!["件数".into()])
        );
    }

    #[test]
    fn each_branch_of_an_alternation_gives_its_literals() {
        assert_eq!(
            literals(r"下一步|明年|\d{4}年工作"),
            Some(vec!["下一步".into(), "年工作".into(), "明年".into()])
        );
    }

    #[test]
    fn optional_parts_and_big_classes_are_not_required() {
        assert_eq!(literals(r"(治)?\p{Han}+"), None);
        assert_eq!(literals(r"下一步|\d+"), None);
    }

    #[test]
    fn a_small_class_gives_one_literal_per_character() {
        assert_eq!(
            literals(r"\p{Han}[“《]"),
            Some(vec!["“".into(), "《".into()])
        );
    }

    #[test]
    fn regexes_with_literal_prefixes_or_common_literals_get_none() {
        assert!(RequiredLiterals::of("审核|审查|备案").is_none());
        assert!(RequiredLiterals::of(r"\d+、").is_none());
        assert!(RequiredLiterals::of(r"(?P<n>\d+)件数").is_some());
    }

    #[test]
    fn anchors_to_the_whole_text_or_a_line_break_make_the_regex_searched_whole() {
        let parse = |s: &str| regex_syntax::Parser::new().parse(s).ok();
        assert!(parse(r"(?m)^\d+件数$").is_some_and(|h| line_local(&h)));
        assert!(parse(r"^\d+件数").is_some_and(|h| !line_local(&h)));
        assert!(parse(r"件数[^。]+").is_some_and(|h| !line_local(&h)));
    }

    #[test]
    fn the_plan_names_the_lines_holding_a_literal() {
        let Some(req) = RequiredLiterals::of(r"\d+件数") else {
            panic!("no required literal found")
        };
        let text = "一行\n共3件数，\n无关\n又5件数";
        let Plan::Lines(lines) = req.plan(text) else {
            panic!("expected lines")
        };
        let lines: Vec<&str> = lines.into_iter().filter_map(|l| text.get(l)).collect();
        assert_eq!(lines, ["共3件数，", "又5件数"]);
        assert_eq!(req.plan("没有"), Plan::Nothing);
    }

    /// Search as the pack does: the planned lines only, or the whole text.
    fn planned(re: &Regex, req: &RequiredLiterals, text: &str) -> Vec<Range<usize>> {
        let pieces = match req.plan(text) {
            Plan::Nothing => Vec::new(),
            Plan::Whole => std::iter::once(0..text.len()).collect(),
            Plan::Lines(lines) => lines,
        };
        pieces
            .into_iter()
            .flat_map(|p| {
                let start = p.start;
                re.find_iter(text.get(p).unwrap_or_default())
                    .map(move |m| start + m.start()..start + m.end())
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    fn piece() -> impl proptest::strategy::Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            "件数",
            "工作",
            r"\d+",
            "[一二]?",
            r"\s*",
            ".*",
            "(?m)^",
            "(?m)$",
            "^",
            "$",
            r"\b",
            "[^。]",
            "(件数|工作)",
            "\n",
        ])
    }

    proptest::proptest! {
        #[test]
        fn planned_search_finds_exactly_the_whole_text_matches(
            pieces in proptest::collection::vec(piece(), 1..5),
            text in "(件数|工作|[一二3 。\n]){0,20}",
        ) {
            let src = pieces.concat();
            if let (Ok(re), Some(req)) = (Regex::new(&src), RequiredLiterals::of(&src)) {
                let whole: Vec<Range<usize>> = re.find_iter(&text).map(|m| m.range()).collect();
                proptest::prop_assert_eq!(planned(&re, &req, &text), whole, "regex {:?}", src);
            }
        }
    }
}
