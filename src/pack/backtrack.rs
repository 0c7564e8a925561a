//! Regexes with back-references (`\1`, `\k<name>`), which the `regex` crate cannot run.
//!
//! They run on `fancy_regex`, a backtracking engine. Searched as is, it tries the whole
//! program at every character of a report, which made one doubled-character rule cost more
//! than every other rule of the built-in pack together. So each such regex also gets a
//! *candidate* regex for the `regex` crate that matches everything the original can match
//! and maybe more: a back-reference is replaced by a copy of the group it refers to, and
//! look-arounds and assertions are dropped. The fast engine finds where a match could
//! start; the backtracking engine then tries only there, anchored. Both searches are
//! leftmost, so the matches found are exactly those of a plain search.
//!
//! A regex whose candidate regex could match the empty string or cannot be written for the
//! `regex` crate has every character position as a candidate.
//!
//! The backtracking engine gives up on one attempt after a number of steps (the backtrack
//! limit), but many attempts that each stay under it can still take minutes
//! (`((a{1000}){1000})\1` on a long run of `a`). So a search also has a time limit, checked
//! before each attempt: past it, the search gives up the way it does at the backtrack limit,
//! and the rule says it could not be evaluated on that report.

use fancy_regex::{Expr, RegexInput};
use regex::Regex;
use std::time::{Duration, Instant};

/// How long one back-referencing regex may search one report before it gives up.
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(2);

/// Why a search gave up.
#[derive(Debug, thiserror::Error)]
pub enum GaveUp {
    /// The engine's own limit (the backtrack limit).
    #[error(transparent)]
    Engine(#[from] fancy_regex::Error),
    #[error("{}", crate::tr!("regex-time-limit", limit = seconds(*.0)))]
    Time(Duration),
}

fn seconds(d: Duration) -> String {
    if d.subsec_millis() == 0 {
        format!("{}s", d.as_secs())
    } else {
        format!("{}ms", d.as_millis())
    }
}

/// How deep back-references may be copied into each other when building the candidate
/// regex (`(a)(\1b)\2` copies group 1 into group 2's copy).
const MAX_COPY_DEPTH: usize = 8;

/// A compiled back-referencing regex with its candidate prefilter.
#[derive(Clone, Debug)]
pub struct BacktrackingRegex {
    regex: fancy_regex::Regex,
    /// Matches a superset of `regex`'s matches; `None` when no useful one could be built.
    candidates: Option<Regex>,
}

/// One match: the spans of the whole match and of each group (`None` when a group took no
/// part), in group order.
pub type GroupSpans = Vec<Option<std::ops::Range<usize>>>;

impl BacktrackingRegex {
    /// Wrap a compiled regex, deriving its candidate regex from its source with `build`
    /// (which applies the same size limits as every other regex of a pack).
    pub fn new(
        regex: fancy_regex::Regex,
        build: impl Fn(&str) -> Result<Regex, regex::Error>,
    ) -> BacktrackingRegex {
        let candidates = candidate_source(regex.as_str()).and_then(|src| build(&src).ok());
        BacktrackingRegex { regex, candidates }
    }

    pub fn regex(&self) -> &fancy_regex::Regex {
        &self.regex
    }

    /// Whether searches use the candidate prefilter.
    pub fn has_prefilter(&self) -> bool {
        self.candidates.is_some()
    }

    /// Every match in `text`, left to right, as group spans (index 0 is the whole match),
    /// searching for at most `limit`. The matches are those of a plain search
    /// (`captures_iter`): the backtracking engine is tried anchored at each candidate start in
    /// turn, and the time is checked before each try.
    pub fn captures(&self, text: &str, limit: Duration) -> Result<Vec<GroupSpans>, GaveUp> {
        let started = Instant::now();
        let spans = |caps: &fancy_regex::Captures<'_, str>| -> GroupSpans {
            (0..caps.len())
                .map(|i| caps.get(i).map(|m| m.start()..m.end()))
                .collect()
        };
        // The first position at or after `pos` where a match may start.
        let candidate = |pos: usize| match &self.candidates {
            _ if pos > text.len() => None,
            Some(c) => c.find_at(text, pos).map(|m| m.start()),
            None => Some(pos),
        };
        let mut out = Vec::new();
        let mut pos = 0;
        let mut last_end = None;
        while let Some(start) = candidate(pos) {
            if started.elapsed() > limit {
                return Err(GaveUp::Time(limit));
            }
            let input = RegexInput::new(text).from_pos(start).anchored(true);
            let Some(caps) = self.regex.captures_input(input)? else {
                pos = next_char(text, start);
                continue;
            };
            let found = spans(&caps);
            let end = found
                .first()
                .and_then(|m| m.as_ref())
                .map_or(start, |m| m.end);
            if end > start {
                pos = end;
            } else {
                // An empty match: the next search starts a character on, and an empty match
                // right where the previous match ended is not one (as `captures_iter` says).
                pos = next_char(text, start);
                if last_end == Some(end) {
                    continue;
                }
            }
            last_end = Some(end);
            out.push(found);
        }
        Ok(out)
    }
}

fn next_char(text: &str, at: usize) -> usize {
    at + text
        .get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(1, char::len_utf8)
}

/// The candidate regex of a back-referencing regex, in the `regex` crate's syntax, or
/// `None` when there is none worth having.
fn candidate_source(src: &str) -> Option<String> {
    let tree = Expr::parse_tree(src).ok()?;
    let mut groups = Vec::new();
    collect_groups(&tree.expr, &mut groups);
    let relaxed = relax(&tree.expr, &groups, 0)?;
    let mut out = String::new();
    relaxed.to_str(&mut out, 0);
    let hir = regex_syntax::Parser::new().parse(&out).ok()?;
    match hir.properties().minimum_len() {
        Some(n) if n > 0 => Some(out),
        _ => None,
    }
}

/// The capturing groups of a regex in the order of their opening parentheses, which is
/// their number minus one.
fn collect_groups<'e>(expr: &'e Expr, out: &mut Vec<&'e Expr>) {
    match expr {
        Expr::Group(inner) => {
            out.push(&**inner);
            collect_groups(inner, out);
        }
        Expr::Concat(children) | Expr::Alt(children) => {
            for c in children {
                collect_groups(c, out);
            }
        }
        Expr::Repeat { child, .. } => collect_groups(child, out),
        Expr::LookAround(inner, _) | Expr::AtomicGroup(inner) => collect_groups(inner, out),
        _ => {}
    }
}

/// A regex without back-references, look-arounds or assertions that matches at least
/// everything `expr` matches; `None` when `expr` uses anything else.
fn relax(expr: &Expr, groups: &[&Expr], depth: usize) -> Option<Expr> {
    Some(match expr {
        Expr::Empty | Expr::Any { .. } | Expr::Literal { .. } | Expr::Delegate { .. } => {
            expr.clone()
        }
        // Dropping a condition on the surroundings only widens what matches.
        Expr::Assertion(_) | Expr::LookAround(..) => Expr::Empty,
        Expr::Concat(children) => Expr::Concat(relax_all(children, groups, depth)?),
        Expr::Alt(children) => Expr::Alt(relax_all(children, groups, depth)?),
        Expr::Group(inner) => Expr::Group(relax(inner, groups, depth)?.into()),
        Expr::AtomicGroup(inner) => Expr::Group(relax(inner, groups, depth)?.into()),
        Expr::Repeat {
            child,
            lo,
            hi,
            greedy,
        } => Expr::Repeat {
            child: Box::new(relax(child, groups, depth)?),
            lo: *lo,
            hi: *hi,
            greedy: *greedy,
        },
        // The text a group captured is text its expression matches.
        Expr::Backref {
            group,
            casei: false,
        } if depth < MAX_COPY_DEPTH => {
            let target = groups.get(group.checked_sub(1)?)?;
            Expr::Group(relax(target, groups, depth + 1)?.into())
        }
        _ => return None,
    })
}

fn relax_all(children: &[Expr], groups: &[&Expr], depth: usize) -> Option<Vec<Expr>> {
    children.iter().map(|c| relax(c, groups, depth)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(src: &str) -> Option<String> {
        candidate_source(src)
    }

    #[test]
    fn a_back_reference_becomes_a_copy_of_its_group() {
        let c = candidate(r"(法|依|政)\1(治|制)").unwrap_or_default();
        let re = Regex::new(&c).ok();
        assert!(re.as_ref().is_some_and(|r| r.is_match("法法治")));
        assert!(re.as_ref().is_some_and(|r| r.is_match("依法治")), "{c}");
        assert!(!re.as_ref().is_some_and(|r| r.is_match("依法行政")), "{c}");
    }

    #[test]
    fn named_back_references_and_look_arounds_are_relaxed() {
        let c = candidate(r"(?P<w>[一-龥])\k<w>(?!们)").unwrap_or_default();
        let re = Regex::new(&c).ok();
        assert!(re.is_some_and(|r| r.is_match("人人")), "{c}");
    }

    #[test]
    fn a_regex_that_can_match_nothing_gets_no_prefilter() {
        assert_eq!(candidate(r"(a*)\1"), None);
        assert_eq!(candidate(r"(?i)(a)\1"), None);
    }

    /// Plain search: what the prefiltered search must reproduce exactly.
    fn plain(re: &fancy_regex::Regex, text: &str) -> Vec<GroupSpans> {
        re.captures_iter(text)
            .filter_map(Result::ok)
            .map(|caps| {
                (0..caps.len())
                    .map(|i| caps.get(i).map(|m| m.start()..m.end()))
                    .collect()
            })
            .collect()
    }

    fn piece() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            Just("法".to_string()),
            Just("依".to_string()),
            Just("(法|依)".to_string()),
            Just("(政|法治)".to_string()),
            Just("[法治]".to_string()),
            Just(r"\1".to_string()),
            Just(r"\2".to_string()),
            Just(r"\k<w>".to_string()),
            Just("治?".to_string()),
            Just("(?=法)".to_string()),
            Just("(?!治)".to_string()),
            Just("(?<=依)".to_string()),
            Just(r"\b".to_string()),
            Just("^".to_string()),
            Just("$".to_string()),
            Just(".".to_string()),
            Just("治+?".to_string()),
            Just("(?>法|法治)".to_string()),
        ]
    }

    proptest::proptest! {
        #[test]
        fn prefiltered_search_finds_exactly_the_plain_matches(
            pieces in proptest::collection::vec(piece(), 1..6),
            text in "[法依政治a \n]{0,40}",
        ) {
            // Two groups up front, so that every back-reference refers to one.
            let src = format!("(法|依|政治)(?P<w>[依政法]?){}", pieces.concat());
            let re = fancy_regex::Regex::new(&src);
            proptest::prop_assert!(re.is_ok(), "regex {} does not compile", src);
            if let Ok(re) = re {
                let fast = BacktrackingRegex::new(re.clone(), Regex::new);
                let got = fast.captures(&text, DEFAULT_TIME_LIMIT).unwrap_or_default();
                proptest::prop_assert_eq!(got, plain(&re, &text), "regex {}", src);
            }
        }
    }

    proptest::proptest! {
        /// Without a prefilter (case-insensitive back-references, matches that may be empty)
        /// every position is tried anchored; the matches are still the plain search's.
        #[test]
        fn searching_every_position_finds_exactly_the_plain_matches(
            pieces in proptest::collection::vec(piece(), 1..6),
            text in "[法依政治a \n]{0,40}",
        ) {
            // A case-insensitive back-reference has no prefilter; `?` allows empty matches.
            let src = format!(r"(?i)(法|依|政治)?(?P<w>[依政法]?){}\k<w>", pieces.concat());
            let re = fancy_regex::Regex::new(&src);
            proptest::prop_assert!(re.is_ok(), "regex {} does not compile", src);
            if let Ok(re) = re {
                let every = BacktrackingRegex::new(re.clone(), Regex::new);
                proptest::prop_assert!(!every.has_prefilter(), "regex {}", src);
                let got = every.captures(&text, DEFAULT_TIME_LIMIT).unwrap_or_default();
                proptest::prop_assert_eq!(got, plain(&re, &text), "regex {}", src);
            }
        }
    }

    #[test]
    fn a_search_gives_up_at_its_time_limit() {
        // Each attempt backtracks little, but reads the rest of the text: the whole search
        // takes the square of the text's length (minutes for 200 KB). With or without a
        // prefilter, the time limit stops it.
        for src in [r"((a{1000}){1000})\1", r"(?i)((a{1000}){1000})\1"] {
            let re = fancy_regex::RegexBuilder::new(src)
                .backtrack_limit(crate::pack::pattern::BACKTRACK_LIMIT)
                .build();
            assert!(re.is_ok(), "{src}");
            let Ok(re) = re else { unreachable!() };
            let slow = BacktrackingRegex::new(re, Regex::new);
            let text = "a".repeat(100_000);
            let limit = Duration::from_millis(20);
            let result = slow.captures(&text, limit);
            assert!(
                matches!(result, Err(GaveUp::Time(d)) if d == limit),
                "{src}: {result:?}"
            );
            assert_eq!(
                result.map_err(|e| e.to_string()).err().as_deref(),
                Some("searching took longer than 20ms, the time limit of one regex on one report")
            );
        }
    }

    #[test]
    fn typical_back_referencing_regexes_get_a_prefilter() {
        for src in [
            r"(法|依|政)\1(治|制|法|府)",
            r"(?P<w>[一-龥])\k<w>(?!们)",
            r"(?<=第)([一二三])\1",
            r"\b(\w+)\s+\1\b",
        ] {
            let re = fancy_regex::Regex::new(src);
            let fast = re.map(|re| BacktrackingRegex::new(re, Regex::new));
            assert!(fast.is_ok_and(|f| f.has_prefilter()), "{src}");
        }
    }
}
