//! Whether a raw regex needs to search a report at all.
//!
//! A regex such as `(?P<n>\d+)件数` has no literal prefix, so the `regex` crate runs its
//! automaton over the whole report, byte by byte, although `件数` is in almost no report.
//! From the regex's syntax tree we take *required literals*: a few strings of which every
//! match contains at least one. A report holding none of them has no match, and looking
//! for a few literals is many times faster than running the regex. When one is found, the
//! regex searches the whole text as usual: the matches are exactly those of a plain search.
//! (Searching only the lines that hold a literal was tried: for a literal as common as
//! 工作 it cost more than it saved.)
//!
//! Regexes whose matches begin with one of a few literals get no required literals: the
//! `regex` crate already looks for those first.

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex_syntax::hir::literal::Extractor;
use regex_syntax::hir::{Class, Hir, HirKind};

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
}

impl RequiredLiterals {
    /// The required literals of the regex `src`, if it has useful ones.
    pub fn of(src: &str) -> Option<RequiredLiterals> {
        Self::of_hir(&regex_syntax::Parser::new().parse(src).ok()?)
    }

    /// [`RequiredLiterals::of`] a regex already parsed.
    pub fn of_hir(hir: &Hir) -> Option<RequiredLiterals> {
        if has_literal_prefixes(hir) {
            return None;
        }
        let literals = required(hir)?;
        if literals.iter().any(|l| l.len() < MIN_LITERAL_BYTES) {
            return None;
        }
        Some(RequiredLiterals {
            literals: AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .build(&literals)
                .ok()?,
        })
    }

    /// Whether `text` holds one of the literals, so that the regex may match in it.
    pub fn may_match(&self, text: &str) -> bool {
        self.literals.is_match(text)
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
    fn a_text_without_the_literals_cannot_match() {
        let Some(req) = RequiredLiterals::of(r"\d+件数") else {
            panic!("no required literal found")
        };
        assert!(req.may_match("一行\n共3件数，"));
        assert!(!req.may_match("共3件，无关"));
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
        fn a_regex_matches_only_where_a_required_literal_occurs(
            pieces in proptest::collection::vec(piece(), 1..5),
            text in "(件数|工作|[一二3 。\n]){0,20}",
        ) {
            let src = pieces.concat();
            if let (Ok(re), Some(req)) = (Regex::new(&src), RequiredLiterals::of(&src)) {
                if !req.may_match(&text) {
                    proptest::prop_assert!(re.find(&text).is_none(), "regex {:?}", src);
                }
                for m in re.find_iter(&text) {
                    proptest::prop_assert!(req.may_match(m.as_str()), "regex {:?}", src);
                }
            }
        }
    }
}
