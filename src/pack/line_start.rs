//! Regexes whose every match begins at the start of a line, such as heading checks written
//! `(?m)^（[一二三]）…`.
//!
//! The `regex` crate searches such a regex by running its automaton over every byte of the
//! report, although a match can only begin right after a line break. Here the regex is
//! tried only there: once per line, anchored, on the text from the line's start. That finds
//! exactly the matches of a whole-text search — a search is leftmost-first, so the first
//! line start where an anchored try succeeds is where the whole-text search would report
//! its next match, with the same extent and groups — and a try that fails usually fails on
//! the line's first few characters.
//!
//! Searching from a line's start sees a text that begins there. `(?m)^` holds at a line
//! start either way, and `\b` sees a non-word character (the line break) or the start of
//! the text, which it treats alike; look-behind is not supported by the `regex` crate.

use regex::Regex;
use regex_syntax::hir::{Hir, HirKind, Look};

use super::backtrack::GroupSpans;

/// A regex whose matches all begin at a line start, compiled anchored.
#[derive(Clone, Debug)]
pub struct LineStartRegex {
    /// `\A(?:…)`: matches only at the start of the searched text. Wrapping adds no group,
    /// so its groups are numbered and named as in the pack's regex.
    anchored: Regex,
}

impl LineStartRegex {
    /// `Some` when every match of `src` begins at a line start (`(?m)^` first in every
    /// alternative) and the anchored form compiles with `build`, which applies the size
    /// limits of every pack regex. Otherwise the regex is compiled as usual (and its errors
    /// reported as written).
    pub fn new(
        src: &str,
        build: impl Fn(&str) -> Result<Regex, regex::Error>,
    ) -> Option<LineStartRegex> {
        let hir = regex_syntax::Parser::new().parse(src).ok()?;
        if !starts_at_line_start(&hir) {
            return None;
        }
        let anchored = build(&format!(r"\A(?:{src})")).ok()?;
        Some(LineStartRegex { anchored })
    }

    /// The compiled regex, for its group names.
    pub fn regex(&self) -> &Regex {
        &self.anchored
    }

    /// Whether the regex matches anywhere in `text`: some line start where the anchored
    /// form matches (the first such line start is where a whole-text search finds its
    /// first match).
    pub fn is_match(&self, text: &str) -> bool {
        let mut line = Some(0);
        while let Some(start) = line {
            if self
                .anchored
                .is_match(text.get(start..).unwrap_or_default())
            {
                return true;
            }
            line = next_line(text, start);
        }
        false
    }

    /// Every match in `text`, left to right, as group spans (index 0 is the whole match).
    pub fn captures(&self, text: &str) -> Vec<GroupSpans> {
        let mut out: Vec<GroupSpans> = Vec::new();
        let mut last_end: Option<usize> = None;
        let mut line = Some(0);
        // One set of capture slots for all tries: most lines do not match.
        let mut locations = self.anchored.capture_locations();
        while let Some(start) = line {
            let rest = text.get(start..).unwrap_or_default();
            let found = self
                .anchored
                .captures_read(&mut locations, rest)
                .map(|_| -> GroupSpans {
                    (0..locations.len())
                        .map(|i| locations.get(i).map(|(s, e)| start + s..start + e))
                        .collect()
                });
            let end = found
                .as_ref()
                .and_then(|spans| spans.first().cloned().flatten())
                .map(|whole| whole.end);
            // Like the `regex` crate, an empty match right where the previous one ended is
            // not reported.
            let reported = match end {
                Some(end) if !(end == start && last_end == Some(start)) => {
                    out.extend(found);
                    last_end = Some(end);
                    end
                }
                _ => start,
            };
            // The next match begins at the first line start at or after the end of this
            // one (a match cannot begin inside another); after an empty match or none, at
            // the next line.
            line = if reported > start && text.as_bytes().get(reported - 1) == Some(&b'\n') {
                Some(reported)
            } else {
                next_line(text, reported)
            };
        }
        out
    }
}

/// The start of the line after the one holding byte `at`.
fn next_line(text: &str, at: usize) -> Option<usize> {
    memchr::memchr(b'\n', text.as_bytes().get(at..)?).map(|i| at + i + 1)
}

/// Whether every match of `hir` begins with `(?m)^`.
fn starts_at_line_start(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Look(Look::StartLF) => true,
        HirKind::Capture(cap) => starts_at_line_start(&cap.sub),
        HirKind::Concat(subs) => subs.first().is_some_and(starts_at_line_start),
        HirKind::Alternation(subs) => subs.iter().all(starts_at_line_start),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(re: &Regex, text: &str) -> Vec<GroupSpans> {
        re.captures_iter(text)
            .map(|caps| caps.iter().map(|m| m.map(|m| m.range())).collect())
            .collect()
    }

    fn line_start(src: &str) -> Option<LineStartRegex> {
        LineStartRegex::new(src, Regex::new)
    }

    #[test]
    fn only_regexes_anchored_at_line_starts_qualify() {
        assert!(line_start(r"(?m)^(?P<mark>[一二三]、)是").is_some());
        assert!(line_start(r"(?m)^一、|^二、").is_some());
        assert!(line_start(r"(?m)一、").is_none());
        assert!(line_start(r"(?m)^一、|二、").is_none());
        assert!(line_start(r"^一、").is_none(), "start of text only");
    }

    fn piece() -> impl proptest::strategy::Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            "一",
            "、",
            "[一二]",
            "[一二]+",
            "是?",
            r"\s*",
            ".*",
            "(一|一二)",
            r"\b",
            "$",
            "\n",
            "(?:是\n)?",
        ])
    }

    proptest::proptest! {
        #[test]
        fn tried_at_line_starts_it_finds_exactly_the_plain_matches(
            pieces in proptest::collection::vec(piece(), 0..5),
            text in "[一二是、a \n]{0,40}",
        ) {
            let src = format!("(?m)^(?P<g>{})", pieces.concat());
            let re = Regex::new(&src);
            proptest::prop_assert!(re.is_ok(), "{} does not compile", src);
            let fast = line_start(&src);
            proptest::prop_assert!(fast.is_some(), "{} not taken as anchored at line starts", src);
            if let (Ok(re), Some(fast)) = (re, fast) {
                proptest::prop_assert_eq!(fast.captures(&text), plain(&re, &text), "regex {:?}", src);
                proptest::prop_assert_eq!(fast.is_match(&text), re.is_match(&text), "regex {:?}", src);
            }
        }
    }
}
