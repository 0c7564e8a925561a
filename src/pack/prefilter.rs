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

/// Characters that end a line, a sentence or a clause of a sentence: a regex none of whose
/// matches can hold one of them can be searched between two of them (see [`stops_of`]).
pub const STOPS: [char; 5] = ['\n', '。', '；', '！', '？'];

/// Which of [`STOPS`] no match of `hir` can contain, one bit each, in their order; none when
/// the regex can match empty text. No match of the whole text runs across such a character,
/// so the matches between two of them are those a search of only that stretch (with the
/// text around it as context) finds.
pub fn stops_of(hir: &Hir) -> u8 {
    if hir.properties().minimum_len().is_none_or(|n| n == 0) {
        return 0;
    }
    STOPS
        .iter()
        .enumerate()
        .filter(|(_, &c)| !may_match_char(hir, c))
        .fold(0, |bits, (i, _)| bits | 1 << i)
}

/// Whether some match of `hir` may contain `c`.
fn may_match_char(hir: &Hir, c: char) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => false,
        HirKind::Literal(lit) => {
            let mut buf = [0; 4];
            let needle = c.encode_utf8(&mut buf).as_bytes();
            lit.0.windows(needle.len()).any(|w| w == needle)
        }
        HirKind::Class(Class::Unicode(class)) => class
            .ranges()
            .iter()
            .any(|r| r.start() <= c && c <= r.end()),
        HirKind::Class(Class::Bytes(class)) => class.ranges().iter().any(|r| {
            let mut buf = [0; 4];
            // A byte class matches single bytes: only a one-byte character can be in it.
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            bytes.len() > 1 || (r.start() <= bytes[0] && bytes[0] <= r.end())
        }),
        HirKind::Repetition(rep) => rep.max != Some(0) && may_match_char(&rep.sub, c),
        HirKind::Capture(cap) => may_match_char(&cap.sub, c),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            subs.iter().any(|h| may_match_char(h, c))
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

    fn stops(src: &str) -> Vec<char> {
        let bits = stops_of(&regex_syntax::Parser::new().parse(src).expect("parses"));
        STOPS
            .iter()
            .enumerate()
            .filter(|(i, _)| bits & 1 << i != 0)
            .map(|(_, &c)| c)
            .collect()
    }

    #[test]
    fn the_stops_of_a_regex_are_the_characters_no_match_can_hold() {
        assert_eq!(stops(r"下一步|\d{4}年[，,]"), STOPS.to_vec());
        assert_eq!(stops(r"职责[^。]{0,20}情况"), vec!['。']);
        assert_eq!(stops(r"[\s\S]+"), Vec::<char>::new());
        assert_eq!(stops(r"(?s)执法.+公示"), Vec::<char>::new());
        assert_eq!(stops(r"执法.+公示"), vec!['\n']);
        assert_eq!(stops("问题。原因"), vec!['\n', '；', '！', '？']);
        // A regex that can match empty text has none: an empty match at a stop would be
        // found by a search of either stretch.
        assert_eq!(stops(r"\d*"), Vec::<char>::new());
        assert_eq!(stops(r"(?m)^"), Vec::<char>::new());
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
