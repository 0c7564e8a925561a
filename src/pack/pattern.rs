//! The typed-capture pattern notation, compiled to regular expressions.
//!
//! Pack authors describe "text with typed blanks" without writing a regex. A pattern source
//! (the text of a `Matcher::Pattern`) enters [`compile`], which returns a
//! [`CompiledPattern`] or every error found, each with a span into the pack source.
//! [`CompiledPattern::find_iter`] then yields [`PatternMatch`]es (span and captured text);
//! [`capture_value`] turns a capture's text into a [`Value`] for assertions.
//! Raw regexes (`Matcher::Regex`) are compiled by [`compile_regex`].
//!
//! # The notation
//!
//! | Written | Meaning |
//! |---|---|
//! | `受理` | literal text (regex characters such as `.` or `(` are just characters) |
//! | `{total:count}` | a capture named `total` of type `count` |
//! | `{…}` or `{...}` | a gap: any text inside the same sentence, as short as possible |
//! | `{达\|为}` | one of the alternatives |
//! | `{达\|为}?`, `{…}?`, `{rate:percent}?` | optional |
//! | `{{`, `}}` | a literal `{` or `}` |
//!
//! Capture types:
//!
//! | Type | Matches |
//! |---|---|
//! | `count` | a whole number: `288`, `1,234`, `2万`, `五`, `十八`, `一百二十`, `两`, `三四`, `几十`; approximation markers (约/近/超/超过/逾/不少于/不低于 … before, 余/多/几/以上/左右 … after) belong to the capture (`约120`, `120余`) |
//! | `percent` | `99%`, `97.67%`, `99％`, `百分之九十九`; its value is a ratio (0.99) |
//! | `amount` | a number with an optional 万/亿 and an optional 元: `12.5万元`, `300元` |
//! | `number` | any number, decimals included: `3.5`, `1.2亿`, `三点五` |
//! | `year` | `2024年`, `二〇二四年` (年 included) |
//! | `date` | `2025年2月11日`, `2024-03-28`, `2024.3.28`, `2024/3/28`, `二〇二五年二月十一日` |
//! | `text` | one or more characters inside the sentence, as few as possible |
//! | `counts` | every count from here to the end of the sentence, or up to the literal that follows; its value is a list |
//! | `counts(人)` | the same, only counts directly followed by 人 |
//! | `counts(=total)` | the same, only counts with the unit the capture `total` is written with (`件` in `受理120件`); all counts when `total` has none |
//!
//! Examples:
//!
//! - `受理{total:count}件{…}成功{ok:count}件{…}成功率{达|为}?{rate:percent}` matches
//!   受理290件，调解成功288件，调解成功率达99.31%.
//! - `共有{total:count}人，其中{parts:counts(人)}` captures `parts` = 11, 9, 1, 1 in
//!   共有22人，其中公务员11人、事业编制9人、工勤1人、其他1人.
//!
//! A pattern never matches across a sentence end (。！？；!?; or a line break): gaps, `text`
//! and `counts` stop there, and a literal may contain a sentence end only as the pattern's
//! last character. A number capture never starts or ends inside a longer number: `5件` is
//! not found inside `12.5件`, `十` not inside `二十`. Capture names are ASCII identifiers
//! (`total`, `ok_count`), the names that assertions use.
//!
//! A number capture's value is read by the document model where it was found
//! ([`crate::model::numbers::FigureReader`]), as `reportlint inspect` reads it: an
//! approximation word before it or after its unit (`不少于120件`, `120件以上`) or a range
//! (`3-5个`) makes it approximate, and `2.3万` is exact with precision ±500.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::backtrack::{BacktrackingRegex, GroupSpans};
use super::error::PackError;
use super::line_start::LineStartRegex;
use super::prefilter::{self, RequiredLiterals};
use crate::model::numbers::{self, FigureReader};
use crate::model::Span;
use crate::pack::values::{calendar_date, Value};

/// Most memory one compiled regex (a raw regex or a pattern) may take. A pack is untrusted
/// input on a CI machine: `a{1000}{1000}` must be a pack error, not an exhausted machine.
/// The built-in pack's largest regex needs well under a tenth of this.
pub const REGEX_SIZE_LIMIT: usize = 4 << 20;

/// Most memory the lazy DFA of one regex may use while searching a document; past it the
/// search falls back to slower engines instead of growing.
const REGEX_DFA_SIZE_LIMIT: usize = 4 << 20;

/// Most backtracking steps a regex with back-references may take in one search (from one
/// candidate start, see [`BacktrackingRegex`]) before it gives up; the rule then reports
/// that it could not be evaluated on that report.
pub const BACKTRACK_LIMIT: usize = 1_000_000;

/// How long a regex with back-references may search one report before it gives up, however
/// few steps each attempt takes; the rule then reports that it could not be evaluated there.
pub const DEFAULT_REGEX_TIME_LIMIT: std::time::Duration = super::backtrack::DEFAULT_TIME_LIMIT;

fn build_regex(src: &str) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(src)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_DFA_SIZE_LIMIT)
        .build()
}

/// The error for a regex that compiles too big, pointing at the whole regex or pattern.
fn too_big(what: &str, span: Span) -> PackError {
    PackError::new(
        crate::tr!(
            "pattern-what-too-big-compiled",
            what = what,
            limit = REGEX_SIZE_LIMIT >> 20
        ),
        span,
    )
    .with_label(crate::tr!("pattern-what-too-big", what = what))
    .with_help(crate::tr!("pattern-large-counted-repetitions-multiply"))
}

/// How many patterns and regexes this thread has compiled, for tests that a pack is compiled
/// once.
#[cfg(test)]
pub mod compiled {
    use std::cell::Cell;

    thread_local! {
        static COUNT: Cell<usize> = const { Cell::new(0) };
    }

    pub(super) fn count() {
        COUNT.with(|c| c.set(c.get() + 1));
    }

    /// Patterns and regexes compiled on this thread so far.
    pub fn so_far() -> usize {
        COUNT.with(Cell::get)
    }
}

/// The type of a capture, as written after the colon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaptureType {
    Count,
    Percent,
    Amount,
    Number,
    Year,
    Date,
    Text,
    /// Every count in the rest of the sentence, optionally only those followed by `unit`.
    /// A unit `=NAME` means: the unit the capture NAME is written with (see
    /// [`CaptureType::same_unit_as`]).
    Counts {
        unit: Option<String>,
    },
}

impl CaptureType {
    /// The type names an author can write (for help texts).
    pub const NAMES: &'static str =
        "count, percent, amount, number, year, date, text, counts, counts(UNIT)";

    /// Read a type as written in a placeholder (`count`, `counts(人)`).
    pub fn parse(written: &str) -> Option<CaptureType> {
        let written = written.trim();
        Some(match written {
            "count" => CaptureType::Count,
            "percent" => CaptureType::Percent,
            "amount" => CaptureType::Amount,
            "number" => CaptureType::Number,
            "year" => CaptureType::Year,
            "date" => CaptureType::Date,
            "text" => CaptureType::Text,
            "counts" => CaptureType::Counts { unit: None },
            _ => {
                let unit = written
                    .strip_prefix("counts(")
                    .and_then(|rest| rest.strip_suffix(')'))
                    .map(str::trim)
                    .filter(|unit| !unit.is_empty() && !unit.contains(is_sentence_end))?;
                CaptureType::Counts {
                    unit: Some(unit.to_string()),
                }
            }
        })
    }

    /// For `counts(=total)`: the capture whose unit the counts must have.
    pub fn same_unit_as(&self) -> Option<&str> {
        match self {
            CaptureType::Counts { unit: Some(unit) } => unit.strip_prefix('=').map(str::trim),
            _ => None,
        }
    }

    /// The literal unit of `counts(人)`; none for `counts` and `counts(=total)`.
    fn literal_unit(&self) -> Option<&str> {
        match self {
            CaptureType::Counts { unit: Some(unit) } if !unit.starts_with('=') => Some(unit),
            _ => None,
        }
    }

    /// The type as written in a pattern.
    pub fn name(&self) -> String {
        match self {
            CaptureType::Count => "count".into(),
            CaptureType::Percent => "percent".into(),
            CaptureType::Amount => "amount".into(),
            CaptureType::Number => "number".into(),
            CaptureType::Year => "year".into(),
            CaptureType::Date => "date".into(),
            CaptureType::Text => "text".into(),
            CaptureType::Counts { unit: None } => "counts".into(),
            CaptureType::Counts { unit: Some(unit) } => format!("counts({unit})"),
        }
    }

    /// Captures whose value is a number (usable in arithmetic and `consistent … on`).
    pub fn is_numeric(&self) -> bool {
        matches!(
            self,
            CaptureType::Count
                | CaptureType::Percent
                | CaptureType::Amount
                | CaptureType::Number
                | CaptureType::Year
        )
    }

    /// Whether the captured text must not start or end inside a longer number.
    fn has_number_edges(&self) -> bool {
        self.is_numeric() || *self == CaptureType::Date
    }
}

/// One capture of a compiled pattern.
#[derive(Clone, Debug, PartialEq)]
pub struct CaptureSpec {
    pub name: String,
    pub ty: CaptureType,
    /// Index of the capture group in [`CompiledPattern::regex`].
    pub group: usize,
    /// Where the placeholder is written in the pack source.
    pub span: Span,
}

/// A pattern ready to search text.
#[derive(Clone, Debug)]
pub struct CompiledPattern {
    pub regex: Regex,
    pub captures: Vec<CaptureSpec>,
    /// For each entry of `captures`: the regex finding one item of a `counts` capture.
    item_finders: Vec<Option<Regex>>,
    /// The longest literal text every match contains, to skip text without it.
    anchor: Option<Box<Anchor>>,
}

/// A literal every match of a pattern contains. A pattern cannot cross a sentence end (its
/// gaps and captures exclude them), so when its literals hold no sentence end either, every
/// match lies inside one sentence-end-delimited stretch of text that holds the anchor: only
/// those stretches are searched.
#[derive(Clone, Debug)]
struct Anchor {
    finder: memchr::memmem::Finder<'static>,
    /// No literal of the pattern contains a sentence end except as the pattern's very last
    /// character, so searching stretch by stretch finds exactly what a whole-text search does.
    stretches: bool,
}

/// Text captured from the searched document.
#[derive(Clone, Debug, PartialEq)]
pub struct CapturedText {
    /// Byte range in the searched text.
    pub span: Range<usize>,
    pub raw: String,
}

/// What one capture found in one match.
#[derive(Clone, Debug, PartialEq)]
pub struct CaptureMatch {
    pub name: String,
    pub ty: CaptureType,
    /// The captured text; `None` when an optional capture did not take part in the match.
    /// For `counts`, the stretch of text the counts were collected from.
    pub text: Option<CapturedText>,
    /// For `counts`: each count found, in order (without its unit). Empty otherwise.
    pub items: Vec<CapturedText>,
    /// The value of the capture, read where it was found (see [`figure_value`]).
    value: Option<Value>,
    /// For `counts`: the value of each item.
    item_values: Vec<Option<Value>>,
}

impl CaptureMatch {
    /// The capture's value: a number, date, text, or for `counts` a list of numbers. A number
    /// is read where it was found, by the document model's number reader: an approximation
    /// word before it or after its unit, or a range it belongs to, makes it approximate.
    pub fn value(&self) -> Option<Value> {
        self.value.clone()
    }

    /// For `counts`: each item's span and value (items whose value cannot be read are left
    /// out).
    pub fn item_values(&self) -> Vec<(Range<usize>, Value)> {
        self.items
            .iter()
            .zip(&self.item_values)
            .filter_map(|(item, value)| Some((item.span.clone(), value.clone()?)))
            .collect()
    }
}

/// One match of a pattern.
#[derive(Clone, Debug, PartialEq)]
pub struct PatternMatch {
    /// Byte range of the whole match in the searched text.
    pub span: Range<usize>,
    pub captures: Vec<CaptureMatch>,
}

impl PatternMatch {
    pub fn capture(&self, name: &str) -> Option<&CaptureMatch> {
        self.captures.iter().find(|c| c.name == name)
    }

    /// The value of the named capture, if it took part in the match and can be read.
    pub fn value(&self, name: &str) -> Option<Value> {
        self.capture(name)?.value()
    }
}

/// Compile a pattern. `base` is the byte offset of `src` in the pack source, so that errors
/// point into the rule file. All errors found are returned, not just the first.
pub fn compile(src: &str, base: usize) -> Result<CompiledPattern, Vec<PackError>> {
    prepare(src, base)?.build()
}

/// A pattern read and checked up to its regex, which [`PreparedPattern::build`] compiles.
#[derive(Debug)]
pub struct PreparedPattern {
    regex_src: String,
    /// The captures, each with group 0 until the regex is compiled.
    pub captures: Vec<CaptureSpec>,
    /// For each capture: the source of the regex finding one item of a `counts` capture.
    item_finders: Vec<Option<String>>,
    /// Where the pattern is written in the pack source.
    whole: Span,
    /// The literal every match contains, if the pattern has one.
    anchor: Option<Box<Anchor>>,
    /// Errors found in how it is written, reported with those of its regex.
    errors: Vec<PackError>,
}

/// Read a pattern written at byte `base` of the pack source into the regex it compiles to,
/// with the errors of how it is written (all of them), without compiling that regex.
pub fn prepare(src: &str, base: usize) -> Result<PreparedPattern, Vec<PackError>> {
    let segments = parse(src, base)?;
    let mut errors = Vec::new();
    let mut regex_src = String::new();
    let mut captures = Vec::new();
    let mut item_finders = Vec::new();
    for (index, segment) in segments.iter().enumerate() {
        match segment {
            Segment::Literal(text) => regex_src.push_str(&regex::escape(text)),
            Segment::Gap => {
                regex_src.push_str(SENTENCE_CHAR);
                regex_src.push_str("*?");
            }
            Segment::Alternatives { options, optional } => {
                let escaped: Vec<String> = options.iter().map(|o| regex::escape(o)).collect();
                regex_src.push_str(&format!("(?:{})", escaped.join("|")));
                if *optional {
                    regex_src.push('?');
                }
            }
            Segment::Capture {
                name,
                ty,
                optional,
                span,
            } => {
                let is_last = index + 1 == segments.len();
                let fragment = match ty {
                    CaptureType::Counts { .. } => {
                        if let Some(other) = ty.same_unit_as() {
                            let numeric = segments.iter().any(|s| {
                                matches!(s, Segment::Capture { name, ty, .. } if name == other && matches!(ty, CaptureType::Count | CaptureType::Amount | CaptureType::Number))
                            });
                            if !numeric {
                                errors.push(
                                    PackError::new(
                                        crate::tr!("val-counts-unit-needs-capture", name = other),
                                        span.clone(),
                                    )
                                    .with_label(crate::tr!("val-counts-unit-label"))
                                    .with_help(crate::tr!("val-counts-unit-help")),
                                );
                            }
                        }
                        let followed_by_literal = matches!(
                            segments.get(index + 1),
                            Some(
                                Segment::Literal(_)
                                    | Segment::Alternatives {
                                        optional: false,
                                        ..
                                    }
                            )
                        );
                        if !is_last && !followed_by_literal {
                            errors.push(
                                PackError::new(
                                    crate::tr!("pattern-counts-capture-must-end"),
                                    span.clone(),
                                )
                                .with_label(crate::tr!("pattern-where-should-these-counts"))
                                .with_help(crate::tr!("pattern-write-text-that-follows")),
                            );
                        }
                        item_finders.push(Some(counts_item_regex(ty.literal_unit())));
                        if is_last {
                            format!("{SENTENCE_CHAR}*")
                        } else {
                            format!("{SENTENCE_CHAR}*?")
                        }
                    }
                    other => {
                        item_finders.push(None);
                        fragment(other)
                    }
                };
                let group = format!("(?P<{name}>{fragment})");
                if *optional {
                    regex_src.push_str(&format!("(?:{group})?"));
                } else {
                    regex_src.push_str(&group);
                }
                captures.push(CaptureSpec {
                    name: name.clone(),
                    ty: ty.clone(),
                    group: 0,
                    span: span.clone(),
                });
            }
        }
    }
    Ok(PreparedPattern {
        anchor: anchor_of(&segments),
        regex_src,
        captures,
        item_finders,
        whole: base..base + src.len(),
        errors,
    })
}

impl PreparedPattern {
    /// Whether the regex is sure to compile and not to match empty text, as far as its
    /// syntax tells without compiling it: it parses, has no look-around and no match
    /// shorter than one byte. (Only the size of the compiled form is not known.)
    fn surely_sound(&self) -> bool {
        self.errors.is_empty()
            && regex_syntax::Parser::new()
                .parse(&self.regex_src)
                .is_ok_and(|hir| {
                    hir.properties().look_set().is_empty()
                        && hir.properties().minimum_len().is_some_and(|n| n > 0)
                })
    }

    /// Compile the regex: the pattern ready to search, or why it cannot be.
    pub fn build(self) -> Result<CompiledPattern, Vec<PackError>> {
        #[cfg(test)]
        compiled::count();
        let PreparedPattern {
            regex_src,
            mut captures,
            item_finders,
            whole,
            anchor,
            mut errors,
        } = self;
        let regex = match build_regex(&regex_src) {
            Ok(regex) => regex,
            Err(regex::Error::CompiledTooBig(_)) => {
                errors.push(too_big("pattern", whole));
                return Err(errors);
            }
            Err(err) => {
                errors.push(
                    PackError::new(
                        crate::tr!("pattern-pattern-does-not-compile", err = err),
                        whole,
                    )
                    .with_label(crate::tr!("pattern-label")),
                );
                return Err(errors);
            }
        };
        if regex.is_match("") {
            errors.push(
                PackError::new(crate::tr!("pattern-pattern-matches-empty-text"), whole)
                    .with_label(crate::tr!("pattern-everything-here-optional"))
                    .with_help(crate::tr!("pattern-pattern-needs-literal-text")),
            );
        }
        for capture in &mut captures {
            capture.group = regex
                .capture_names()
                .position(|n| n == Some(capture.name.as_str()))
                .unwrap_or(0);
        }
        let item_finders = item_finders
            .into_iter()
            .map(|finder| finder.and_then(|src| Regex::new(&src).ok()))
            .collect();
        if errors.is_empty() {
            Ok(CompiledPattern {
                regex,
                captures,
                item_finders,
                anchor,
            })
        } else {
            Err(errors)
        }
    }
}

/// The anchor of a pattern: its longest literal segment, if it has one.
fn anchor_of(segments: &[Segment]) -> Option<Box<Anchor>> {
    let longest = segments
        .iter()
        .filter_map(|s| match s {
            Segment::Literal(text) => Some(text),
            _ => None,
        })
        .max_by_key(|text| text.len())?;
    let last = segments.len().saturating_sub(1);
    let stretches = segments.iter().enumerate().all(|(i, s)| match s {
        Segment::Literal(text) => match text.find(is_sentence_end) {
            None => true,
            Some(at) => {
                i == last && at + text[at..].chars().next().map_or(0, char::len_utf8) == text.len()
            }
        },
        _ => true,
    });
    Some(Box::new(Anchor {
        finder: memchr::memmem::Finder::new(longest.as_bytes()).into_owned(),
        stretches,
    }))
}

/// The stretches of `text` that may hold a match: each runs from just after a sentence end
/// to its next sentence end (inclusive) and contains the anchor. In text order.
fn stretches_with(anchor: &Anchor, text: &str) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = Vec::new();
    for at in anchor.finder.find_iter(text.as_bytes()) {
        if found.last().is_some_and(|r| at < r.end) {
            continue;
        }
        if !anchor.stretches {
            return vec![Range {
                start: 0,
                end: text.len(),
            }];
        }
        let start = text
            .get(..at)
            .and_then(|before| before.rfind(is_sentence_end))
            .map_or(0, |i| next_char_boundary(text, i));
        let end = text
            .get(at + anchor.finder.needle().len()..)
            .and_then(|after| after.find(is_sentence_end))
            .map_or(text.len(), |i| {
                next_char_boundary(text, at + anchor.finder.needle().len() + i)
            });
        found.push(start..end);
    }
    found
}

impl CompiledPattern {
    /// Every match in `text`, left to right, not overlapping.
    pub fn find_iter<'p, 't>(&'p self, text: &'t str) -> PatternMatches<'p, 't> {
        let stretches = match &self.anchor {
            Some(anchor) => stretches_with(anchor, text),
            None => vec![Range {
                start: 0,
                end: text.len(),
            }],
        };
        PatternMatches {
            pattern: self,
            text,
            figures: FigureReader::new(text),
            pos: stretches.first().map_or(0, |r| r.start),
            stretches,
            current: 0,
        }
    }

    /// The unit the capture `name` is written with in this match (`件` of `120件`), for
    /// `counts(=name)`; `None` without such a capture or when it has no unit.
    fn unit_of(
        &self,
        name: Option<&str>,
        caps: &regex::Captures<'_>,
        figures: &mut FigureReader<'_>,
    ) -> Option<String> {
        let spec = self
            .captures
            .iter()
            .find(|c| Some(c.name.as_str()) == name)?;
        let span = caps.get(spec.group)?.range();
        figures.quantity_at(span)?.unit.clone()
    }

    /// Build a match from the regex's captures, or `None` when a number capture starts or
    /// ends inside a longer number or a `counts` capture found no count.
    fn accept(
        &self,
        caps: &regex::Captures<'_>,
        text: &str,
        figures: &mut FigureReader<'_>,
    ) -> Option<PatternMatch> {
        let whole = caps.get(0)?;
        let mut captures = Vec::with_capacity(self.captures.len());
        for (spec, finder) in self.captures.iter().zip(&self.item_finders) {
            let found = caps.get(spec.group);
            let mut items = Vec::new();
            if let Some(m) = found {
                if spec.ty.has_number_edges() && cuts_a_number(text, m.range()) {
                    return None;
                }
                if let Some(finder) = finder {
                    items = find_counts(finder, text, m.range());
                    if let Some(unit) = self.unit_of(spec.ty.same_unit_as(), caps, figures) {
                        items.retain(|item| {
                            figures
                                .quantity_at(item.span.clone())
                                .and_then(|q| q.unit.as_deref())
                                == Some(unit.as_str())
                        });
                    }
                    if items.is_empty() {
                        return None;
                    }
                }
            }
            let item_values: Vec<Option<Value>> = items
                .iter()
                .map(|item| figure_value(&CaptureType::Count, figures, item))
                .collect();
            let text = found.map(|m| CapturedText {
                span: m.range(),
                raw: m.as_str().to_string(),
            });
            let value = match (&spec.ty, &text) {
                (_, None) => None,
                (CaptureType::Counts { .. }, Some(_)) => item_values
                    .iter()
                    .cloned()
                    .collect::<Option<Vec<Value>>>()
                    .map(Value::List),
                (ty, Some(captured)) => figure_value(ty, figures, captured),
            };
            captures.push(CaptureMatch {
                name: spec.name.clone(),
                ty: spec.ty.clone(),
                text,
                items,
                value,
                item_values,
            });
        }
        Some(PatternMatch {
            span: whole.range(),
            captures,
        })
    }
}

/// Iterator over the matches of a [`CompiledPattern`].
pub struct PatternMatches<'p, 't> {
    pattern: &'p CompiledPattern,
    text: &'t str,
    /// Reads the values of number captures in `text`.
    figures: FigureReader<'t>,
    pos: usize,
    /// The stretches of text searched, in order, and the one being searched.
    stretches: Vec<Range<usize>>,
    current: usize,
}

impl Iterator for PatternMatches<'_, '_> {
    type Item = PatternMatch;

    fn next(&mut self) -> Option<PatternMatch> {
        loop {
            let stretch = self.stretches.get(self.current)?.clone();
            if let Some(found) = self.next_in(&stretch) {
                return Some(found);
            }
            self.current += 1;
            if let Some(next) = self.stretches.get(self.current) {
                self.pos = self.pos.max(next.start);
            }
        }
    }
}

impl PatternMatches<'_, '_> {
    /// The next match inside `stretch`, searching from `pos`.
    fn next_in(&mut self, stretch: &Range<usize>) -> Option<PatternMatch> {
        let haystack = self.text.get(..stretch.end)?;
        while self.pos <= stretch.end {
            let caps = self.pattern.regex.captures_at(haystack, self.pos)?;
            let whole = caps.get(0)?;
            match self.pattern.accept(&caps, self.text, &mut self.figures) {
                Some(found) => {
                    self.pos = if whole.is_empty() {
                        next_char_boundary(self.text, whole.end())
                    } else {
                        whole.end()
                    };
                    return Some(found);
                }
                // The `regex` crate has no look-around, so a number cut in half is rejected
                // here and the search resumes one character later.
                None => self.pos = next_char_boundary(self.text, whole.start()),
            }
        }
        None
    }
}

fn next_char_boundary(text: &str, pos: usize) -> usize {
    match text.get(pos..).and_then(|rest| rest.chars().next()) {
        Some(c) => pos + c.len_utf8(),
        None => text.len() + 1,
    }
}

/// Each count (with the required unit after it) inside `region` of `text`.
fn find_counts(finder: &Regex, text: &str, region: Range<usize>) -> Vec<CapturedText> {
    let mut items = Vec::new();
    let mut pos = region.start;
    while pos < region.end {
        let Some(caps) = finder.captures_at(&text[..region.end], pos) else {
            break;
        };
        let (Some(whole), Some(count)) = (caps.get(0), caps.get(1)) else {
            break;
        };
        if cuts_a_number(text, count.range()) {
            pos = next_char_boundary(text, whole.start());
            continue;
        }
        items.push(CapturedText {
            span: count.range(),
            raw: count.as_str().to_string(),
        });
        pos = whole.end().max(next_char_boundary(text, whole.start()));
    }
    items
}

// ---------------------------------------------------------------------------------------
// Parsing the notation

#[derive(Clone, Debug, PartialEq)]
enum Segment {
    Literal(String),
    Gap,
    Alternatives {
        options: Vec<String>,
        optional: bool,
    },
    Capture {
        name: String,
        ty: CaptureType,
        optional: bool,
        span: Span,
    },
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n' | '\r')
}

fn parse(src: &str, base: usize) -> Result<Vec<Segment>, Vec<PackError>> {
    let mut segments = Vec::new();
    let mut errors = Vec::new();
    let mut literal = String::new();
    let mut names: Vec<String> = Vec::new();
    let mut pos = 0;
    while let Some(c) = src[pos..].chars().next() {
        let rest = &src[pos..];
        if rest.starts_with("{{") || rest.starts_with("}}") {
            literal.push(c);
            pos += 2;
            continue;
        }
        match c {
            '{' => {
                let body_start = pos + 1;
                let close = src[body_start..].find(['{', '}']).map(|i| body_start + i);
                let Some(close) = close.filter(|&i| src[i..].starts_with('}')) else {
                    errors.push(
                        PackError::new(
                            crate::tr!("pattern-unclosed-pattern"),
                            base + pos..base + pos + 1,
                        )
                        .with_label(crate::tr!("pattern-has-no-matching"))
                        .with_help(crate::tr!("pattern-close-placeholder-with-write")),
                    );
                    literal.push(c);
                    pos += 1;
                    continue;
                };
                let mut end = close + 1;
                let optional = src[end..].starts_with('?');
                if optional {
                    end += 1;
                }
                let span = base + pos..base + end;
                let body = &src[body_start..close];
                match placeholder(body, base + body_start, span, optional, &mut names) {
                    Ok(segment) => {
                        if !literal.is_empty() {
                            segments.push(Segment::Literal(std::mem::take(&mut literal)));
                        }
                        segments.push(segment);
                    }
                    Err(error) => errors.push(error),
                }
                pos = end;
            }
            '}' => {
                errors.push(
                    PackError::new(
                        crate::tr!("pattern-unmatched-pattern"),
                        base + pos..base + pos + 1,
                    )
                    .with_label(crate::tr!("pattern-no-opens"))
                    .with_help(crate::tr!("pattern-write-for-literal")),
                );
                pos += 1;
            }
            '｛' if looks_like_full_width_placeholder(&src[pos..]) => {
                errors.push(full_width_error('｛', '{', base + pos));
                literal.push(c);
                pos += c.len_utf8();
            }
            _ => {
                if is_sentence_end(c) && !src[pos + c.len_utf8()..].trim().is_empty() {
                    errors.push(
                        PackError::new(
                            crate::tr!("pattern-pattern-stays-inside-one"),
                            base + pos..base + pos + c.len_utf8(),
                        )
                        .with_label(crate::tr!("pattern-sentence-end-middle-pattern"))
                        .with_help(crate::tr!("pattern-sentence-end-may-only")),
                    );
                }
                literal.push(c);
                pos += c.len_utf8();
            }
        }
    }
    if !literal.is_empty() {
        segments.push(Segment::Literal(literal));
    }
    if errors.is_empty() {
        Ok(segments)
    } else {
        Err(errors)
    }
}

/// Read one placeholder body (between `{` and `}`), at byte `body_at` of the pack source.
fn placeholder(
    body: &str,
    body_at: usize,
    span: Span,
    optional: bool,
    names: &mut Vec<String>,
) -> Result<Segment, PackError> {
    let trimmed = body.trim();
    if trimmed.is_empty() {
        return Err(
            PackError::new(crate::tr!("pattern-empty-placeholder-pattern"), span)
                .with_label(crate::tr!("pattern-nothing-between-braces"))
                .with_help(crate::tr!("pattern-write-for-gap-name")),
        );
    }
    if matches!(trimmed, "…" | "..." | "……") {
        return Ok(Segment::Gap);
    }
    // `{rate：percent}`: a capture typed with a full-width colon would otherwise be read as one
    // literal alternative, and the rule would silently never fire.
    if let Some(colon) = body.find('：') {
        let name = body[..colon].trim();
        if !body.contains(':') && is_identifier(name) {
            return Err(full_width_error('：', ':', body_at + colon));
        }
    }
    if let Some(colon) = body.find(':') {
        let name = body[..colon].trim();
        let written_type = &body[colon + 1..];
        if name.is_empty() {
            return Err(
                PackError::new(crate::tr!("pattern-capture-without-name"), span)
                    .with_label(crate::tr!("pattern-name-missing-before"))
                    .with_help(crate::tr!("pattern-name-capture-e-g")),
            );
        }
        if !is_identifier(name) {
            return Err(
                PackError::new(crate::tr!("pattern-name-not-capture", name = name), span)
                    .with_label(crate::tr!("pattern-letters-digits-only-not"))
                    .with_help(crate::tr!("pattern-use-short-ascii-name")),
            );
        }
        let Some(ty) = CaptureType::parse(written_type) else {
            let type_at = body_at + colon + 1;
            return Err(PackError::new(
                crate::tr!(
                    "pattern-unknown-capture-type-written",
                    written_type = written_type.trim()
                ),
                type_at..type_at + written_type.len(),
            )
            .with_label(crate::tr!("pattern-not-capture-type"))
            .with_help(unknown_type_help(written_type.trim())));
        };
        if names.iter().any(|n| n == name) {
            return Err(PackError::new(
                crate::tr!("pattern-capture-name-defined-twice", name = name),
                span,
            )
            .with_label(crate::tr!("pattern-second-capture-with-name"))
            .with_help(crate::tr!("pattern-give-each-capture-pattern")));
        }
        names.push(name.to_string());
        return Ok(Segment::Capture {
            name: name.to_string(),
            ty,
            optional,
            span,
        });
    }
    if is_identifier(trimmed) && trimmed.is_ascii() {
        return Err(PackError::new(
            crate::tr!("pattern-capture-trimmed-has-no", trimmed = trimmed),
            span,
        )
        .with_label(crate::tr!("pattern-type-missing"))
        .with_help(crate::tr!(
            "pattern-write-trimmed-count-another",
            trimmed = trimmed,
            ype = CaptureType::NAMES
        )));
    }
    // `{rate percent}`, `{rate-percent}`: a name and a type without the colon.
    let words: Vec<&str> = trimmed
        .split([' ', '-', '.', '：', ';'])
        .filter(|w| !w.is_empty())
        .collect();
    if let [name, written_type] = words.as_slice() {
        let is_type = CaptureType::parse(written_type).is_some();
        if is_identifier(name) && is_type && !body.contains('|') {
            return Err(PackError::new(
                crate::tr!("pattern-not-a-placeholder", body = trimmed),
                span,
            )
            .with_label(crate::tr!("pattern-capture-needs-colon"))
            .with_help(crate::tr!(
                "pattern-did-you-mean-placeholder",
                name = name,
                written_type = written_type
            )));
        }
    }
    let options: Vec<String> = body.split('|').map(|o| o.trim().to_string()).collect();
    if options.iter().any(String::is_empty) {
        return Err(
            PackError::new(crate::tr!("pattern-empty-alternative-pattern"), span)
                .with_label(crate::tr!("pattern-alternative-here-empty"))
                .with_help(crate::tr!("pattern-make-alternatives-optional-write")),
        );
    }
    if options.iter().any(|o| o.contains(is_sentence_end)) {
        return Err(
            PackError::new(crate::tr!("pattern-pattern-stays-inside-one-2"), span)
                .with_label(crate::tr!("pattern-alternative-contains-sentence-end")),
        );
    }
    Ok(Segment::Alternatives { options, optional })
}

/// The help of an unknown capture type: the closest type, then every type.
fn unknown_type_help(written: &str) -> String {
    let types = [
        "count", "percent", "amount", "number", "year", "date", "text", "counts",
    ];
    match crate::model::text::suggest(written, types) {
        Some(closest) => crate::tr!(
            "pattern-did-you-mean-capture-type",
            closest = closest,
            ype = CaptureType::NAMES
        ),
        None => crate::tr!("pattern-capture-types-are-ype", ype = CaptureType::NAMES),
    }
}

/// Whether the text at a full-width `｛` reads as a placeholder typed on a Chinese keyboard:
/// an ASCII name, then a colon or the closing brace (`｛rate:percent｝`, `｛rate｝`).
fn looks_like_full_width_placeholder(rest: &str) -> bool {
    let body = &rest['｛'.len_utf8()..];
    let name: String = body
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    is_identifier(&name) && body[name.len()..].starts_with([':', '：', '}', '｝'])
}

/// A full-width character typed where the notation wants its half-width (ASCII) twin.
pub(crate) fn full_width_error(full: char, half: char, at: usize) -> PackError {
    PackError::new(
        crate::tr!("pattern-full-width-char", full = full, half = half),
        at..at + full.len_utf8(),
    )
    .with_label(crate::tr!("pattern-full-width-label", full = full))
    .with_help(crate::tr!("pattern-full-width-help", half = half))
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

// ---------------------------------------------------------------------------------------
// Regex fragments for capture types

/// A character that stays inside the sentence.
const SENTENCE_CHAR: &str = "[^。！？；!?;\\r\\n]";
const DIGIT: &str = "[0-9０-９]";
const CN_DIGIT: &str = "[〇零一二三四五六七八九]";
/// Chinese numerals start with a digit or 十 (or 几 before 十/百/千/万: 几十); 百/千/万/亿
/// only continue one.
const CN_NUMBER: &str =
    "(?:几[十百千万]|[零〇一二两三四五六七八九十])[零〇一二两三四五六七八九十百千万亿]*";
const SCALE: &str = "(?:万亿|千万|百万|万|亿)";

/// The approximation words before a number that belong to a capture: the document model's
/// (`numbers::APPROX_PREFIXES`), so that a capture and `inspect` read the same figure.
fn approx_before() -> String {
    let words: Vec<String> = numbers::APPROX_PREFIXES
        .iter()
        .map(|w| regex::escape(w))
        .collect();
    format!("(?:{})", words.join("|"))
}

/// The approximation words after a number that belong to a capture (the model's).
fn approx_after() -> String {
    let words: Vec<String> = numbers::APPROX_AFTER_UNIT
        .iter()
        .map(|w| regex::escape(w))
        .chain(numbers::APPROX_SUFFIXES.iter().map(|c| c.to_string()))
        .collect();
    format!("(?:{})", words.join("|"))
}

fn arabic_int() -> String {
    format!("(?:{DIGIT}{{1,3}}(?:,{DIGIT}{{3}})+|{DIGIT}+)")
}

fn arabic_decimal() -> String {
    format!("{}(?:[.．]{DIGIT}+)?", arabic_int())
}

fn count_fragment() -> String {
    format!(
        "{before}?(?:{dec}(?:余|多)?{SCALE}|{int}|{CN_NUMBER}){after}?",
        before = approx_before(),
        after = approx_after(),
        dec = arabic_decimal(),
        int = arabic_int()
    )
}

fn fragment(ty: &CaptureType) -> String {
    let dec = arabic_decimal();
    let (before, after) = (approx_before(), approx_after());
    match ty {
        CaptureType::Count | CaptureType::Counts { .. } => count_fragment(),
        CaptureType::Percent => format!(
            "{before}?(?:{dec} ?[%％]|百分之[零〇一二两三四五六七八九十百]+(?:点{CN_DIGIT}+)?){after}?"
        ),
        CaptureType::Amount => format!(
            "{before}?(?:{dec}(?:余|多)?{SCALE}?|{CN_NUMBER}){after}?元?"
        ),
        CaptureType::Number => format!(
            "{before}?(?:{dec}(?:余|多)?{SCALE}?|{CN_NUMBER}(?:点{CN_DIGIT}+)?){after}?"
        ),
        CaptureType::Year => format!("(?:{DIGIT}{{4}}|{CN_DIGIT}{{4}})年"),
        CaptureType::Date => format!(
            "(?:{d}{{4}}年{d}{{1,2}}月{d}{{1,2}}日|{d}{{4}}-{d}{{1,2}}-{d}{{1,2}}|{d}{{4}}\\.{d}{{1,2}}\\.{d}{{1,2}}|{d}{{4}}/{d}{{1,2}}/{d}{{1,2}}|{CN_DIGIT}{{4}}年[一二三四五六七八九十]{{1,2}}月[一二三四五六七八九十]{{1,3}}日)",
            d = DIGIT
        ),
        CaptureType::Text => format!("{SENTENCE_CHAR}+?"),
    }
}

/// The regex finding one item of a `counts` capture: group 1 is the count.
fn counts_item_regex(unit: Option<&str>) -> String {
    match unit {
        Some(unit) => format!("({}){}", count_fragment(), regex::escape(unit)),
        None => format!("({})", count_fragment()),
    }
}

fn is_arabic_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_chinese_numeral(c: char) -> bool {
    "零〇一二两三四五六七八九十百千万亿".contains(c)
}

/// Whether the captured `range` of `text` starts or ends inside a longer number.
fn cuts_a_number(text: &str, range: Range<usize>) -> bool {
    let (Some(before), Some(captured), Some(after)) = (
        text.get(..range.start),
        text.get(range.clone()),
        text.get(range.end..),
    ) else {
        return false;
    };
    let mut preceding = before.chars().rev();
    let mut following = after.chars();
    let joins = |outside: Option<char>, beyond: Option<char>, edge: Option<char>| match edge {
        Some(e) if is_arabic_digit(e) => match outside {
            Some(o) if is_arabic_digit(o) => true,
            Some('.' | ',' | '．') => beyond.is_some_and(is_arabic_digit),
            _ => false,
        },
        Some(e) if is_chinese_numeral(e) => outside.is_some_and(is_chinese_numeral),
        _ => false,
    };
    let first_outside = preceding.next();
    let last_outside = following.next();
    joins(first_outside, preceding.next(), captured.chars().next())
        || joins(last_outside, following.next(), captured.chars().next_back())
}

// ---------------------------------------------------------------------------------------
// Raw regexes

/// A raw regex from a pack, with the way it is searched and the names of its groups (read
/// once when it is compiled, not on every search).
#[derive(Clone, Debug)]
pub struct RegexMatcher {
    search: RegexSearch,
    /// A name for every group after the whole match: its name, or its number (`"1"`).
    groups: Vec<String>,
    /// The characters no match can contain (bits of [`prefilter::STOPS`]): the regex can be
    /// searched between two of them.
    stops: u8,
}

/// How a raw regex is searched. Regexes with back-references (`\1`, `\k<name>`), which the
/// `regex` crate does not support, run on `fancy_regex` instead.
#[derive(Clone, Debug)]
pub enum RegexSearch {
    /// The `regex` crate over the whole text; with required literals, only in reports
    /// holding one of the literals every match contains.
    Plain(Regex, Option<Box<RequiredLiterals>>),
    /// A regex all of whose matches begin at a line start, tried only there.
    LineStart(LineStartRegex),
    Backtracking(BacktrackingRegex),
}

/// One match of a raw regex: its span and its groups that took part (unnamed groups are
/// named by their number).
#[derive(Clone, Debug, PartialEq)]
pub struct RegexMatch {
    pub span: Range<usize>,
    pub named: Vec<(String, CapturedText)>,
}

impl RegexMatch {
    /// A named group's value: a number when the text reads as one, else the text.
    pub fn value(&self, name: &str) -> Option<Value> {
        let (_, text) = self.named.iter().find(|(n, _)| n == name)?;
        capture_value(&CaptureType::Number, &text.raw)
            .or_else(|| Some(Value::Text(text.raw.clone())))
    }
}

/// A backtracking regex gave up on a text (too much backtracking, or its time limit).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{}", crate::tr!("regex-gave-up", reason = .0))]
pub struct RegexRunError(pub String);

impl RegexMatcher {
    fn new(search: RegexSearch) -> RegexMatcher {
        let name = |(i, n): (usize, Option<&str>)| n.map_or_else(|| i.to_string(), String::from);
        let standard = |re: &Regex| re.capture_names().enumerate().skip(1).map(name).collect();
        let groups = match &search {
            RegexSearch::Plain(re, _) => standard(re),
            RegexSearch::LineStart(re) => standard(re.regex()),
            RegexSearch::Backtracking(re) => re
                .regex()
                .capture_names()
                .enumerate()
                .skip(1)
                .map(name)
                .collect(),
        };
        RegexMatcher {
            search,
            groups,
            stops: 0,
        }
    }

    /// The spans of the matches lying inside `unit`, exactly those a search of the whole
    /// `text` finds there, found by searching only from the last character before `unit`
    /// that no match can contain (a line break, 。 …: [`prefilter::stops_of`]) to the first
    /// after it. No match of the whole search runs across such a character, so none from
    /// before runs into the stretch, and a search from its start meets the same matches.
    /// `None` when no such character exists for this regex, or it does not run on the
    /// `regex` crate. With the spans, how many bytes of text the search covered.
    pub fn spans_inside(
        &self,
        text: &str,
        unit: &Range<usize>,
    ) -> Option<(Vec<Range<usize>>, usize)> {
        let stretch = self.stretch(text, unit)?;
        let searched = stretch.hay.len() - stretch.at;
        Some((stretch.collect(), searched))
    }

    /// The first of [`Self::spans_inside`], searching no further than it: `Some(None)` when
    /// there is none.
    pub fn first_span_inside(
        &self,
        text: &str,
        unit: &Range<usize>,
    ) -> Option<Option<Range<usize>>> {
        Some(self.stretch(text, unit)?.next())
    }

    /// The matches inside `unit`, searched between the stops around it.
    fn stretch<'r, 't>(&'r self, text: &'t str, unit: &Range<usize>) -> Option<Stretch<'r, 't>> {
        let RegexSearch::Plain(re, _) = &self.search else {
            return None;
        };
        if self.stops == 0 || unit.end > text.len() {
            return None;
        }
        let is_stop = |c: char| {
            prefilter::STOPS
                .iter()
                .enumerate()
                .any(|(i, &s)| s == c && self.stops & 1 << i != 0)
        };
        let from = text
            .get(..unit.start)?
            .char_indices()
            .rev()
            .find(|&(_, c)| is_stop(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        // The haystack keeps the stop after the stretch, so that `$` and `\b` at its end see
        // what the whole search sees; no match can reach past it.
        let to = text
            .get(unit.end..)?
            .char_indices()
            .find(|&(_, c)| is_stop(c))
            .map_or(text.len(), |(i, c)| unit.end + i + c.len_utf8());
        Some(Stretch {
            re,
            hay: &text[..to],
            at: from,
            unit: unit.clone(),
        })
    }

    /// How the regex is searched.
    pub fn search(&self) -> &RegexSearch {
        &self.search
    }

    /// A name for every group after the whole match: its name, or its number (`"1"`) when
    /// it has none, so that suggestions can say `{1}`.
    pub fn groups(&self) -> &[String] {
        &self.groups
    }

    /// Whether the regex matches anywhere in `text`, stopping at the first match; `None`
    /// for back-referencing regexes, whose search may give up (use [`Self::matches`]).
    pub fn is_match(&self, text: &str) -> Option<bool> {
        match &self.search {
            RegexSearch::Plain(re, required) => Some(may_hold(required, text) && re.is_match(text)),
            RegexSearch::LineStart(re) => Some(re.is_match(text)),
            RegexSearch::Backtracking(_) => None,
        }
    }

    /// Every match in `text`, left to right; a back-referencing regex searches for at most
    /// [`DEFAULT_REGEX_TIME_LIMIT`].
    pub fn matches(&self, text: &str) -> Result<Vec<RegexMatch>, RegexRunError> {
        self.matches_within(text, DEFAULT_REGEX_TIME_LIMIT)
    }

    /// Every match in `text`, left to right; a back-referencing regex gives up after
    /// searching for `limit` (the other searches take time in proportion to the text).
    pub fn matches_within(
        &self,
        text: &str,
        limit: std::time::Duration,
    ) -> Result<Vec<RegexMatch>, RegexRunError> {
        let spans: Vec<GroupSpans> = match &self.search {
            // Without groups, only where each match is: found without the per-match capture
            // slots (the same matches, in the same order).
            RegexSearch::Plain(re, required) if self.groups.is_empty() => {
                if !may_hold(required, text) {
                    return Ok(Vec::new());
                }
                return Ok(re
                    .find_iter(text)
                    .map(|m| RegexMatch {
                        span: m.range(),
                        named: Vec::new(),
                    })
                    .collect());
            }
            RegexSearch::Plain(re, required) if may_hold(required, text) => re
                .captures_iter(text)
                .map(|caps| caps.iter().map(|m| m.map(|m| m.range())).collect())
                .collect(),
            RegexSearch::Plain(..) => Vec::new(),
            RegexSearch::LineStart(re) => re.captures(text),
            RegexSearch::Backtracking(re) => re
                .captures(text, limit)
                .map_err(|e| RegexRunError(e.to_string()))?,
        };
        Ok(spans
            .iter()
            .filter_map(|g| from_group_spans(&self.groups, text, g))
            .collect())
    }
}

/// The matches of a regex inside a unit, found by searching the stretch of text between the
/// stops around it ([`RegexMatcher::spans_inside`]).
struct Stretch<'r, 't> {
    re: &'r Regex,
    /// The text up to the end of the stretch (its closing stop included).
    hay: &'t str,
    /// Where the search goes on.
    at: usize,
    unit: Range<usize>,
}

impl Iterator for Stretch<'_, '_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        while let Some(m) = self.re.find_at(self.hay, self.at) {
            if m.start() >= self.unit.end {
                break;
            }
            // Matches are never empty, so the search moves on.
            self.at = m.end();
            if m.start() >= self.unit.start && m.end() <= self.unit.end {
                return Some(m.range());
            }
        }
        self.at = self.hay.len();
        None
    }
}

/// Whether `text` may hold a match: it holds one of the required literals, if any.
fn may_hold(required: &Option<Box<RequiredLiterals>>, text: &str) -> bool {
    required.as_ref().is_none_or(|r| r.may_match(text))
}

/// A match given as the spans of its groups (index 0 the whole match), with the groups
/// that took part named by `names`.
fn from_group_spans(names: &[String], text: &str, groups: &GroupSpans) -> Option<RegexMatch> {
    let whole = groups.first()?.clone()?;
    let named = names
        .iter()
        .zip(groups.iter().skip(1))
        .filter_map(|(n, span)| {
            let span = span.clone()?;
            let raw = text.get(span.clone())?.to_string();
            Some((n.clone(), CapturedText { span, raw }))
        })
        .collect();
    Some(RegexMatch { span: whole, named })
}

/// Compile a raw regex written at byte `base` of the pack source. The error carries the
/// regex crate's message and points at the offending part of the regex.
pub fn compile_regex(src: &str, base: usize) -> Result<RegexMatcher, PackError> {
    #[cfg(test)]
    compiled::count();
    let whole = base..base + src.len();
    if let Some(line_start) = LineStartRegex::new(src, build_regex) {
        return Ok(RegexMatcher::new(RegexSearch::LineStart(line_start)));
    }
    let standard_error = match build_regex(src) {
        Ok(re) => {
            let hir = regex_syntax::Parser::new().parse(src).ok();
            let required = hir
                .as_ref()
                .and_then(RequiredLiterals::of_hir)
                .map(Box::new);
            let mut matcher = RegexMatcher::new(RegexSearch::Plain(re, required));
            matcher.stops = hir.as_ref().map_or(0, prefilter::stops_of);
            return Ok(matcher);
        }
        Err(regex::Error::CompiledTooBig(_)) => return Err(too_big("regex", whole)),
        Err(err) => err,
    };
    if uses_backreference(src) {
        return fancy_regex::RegexBuilder::new(src)
            .backtrack_limit(BACKTRACK_LIMIT)
            .delegate_size_limit(REGEX_SIZE_LIMIT)
            .delegate_dfa_size_limit(REGEX_DFA_SIZE_LIMIT)
            .build()
            .map(|re| {
                RegexMatcher::new(RegexSearch::Backtracking(BacktrackingRegex::new(
                    re,
                    build_regex,
                )))
            })
            .map_err(|err| match &err {
                fancy_regex::Error::CompileError(inner)
                    if matches!(&**inner, fancy_regex::CompileError::InnerError(e) if e.size_limit().is_some()) =>
                {
                    too_big("regex", whole.clone())
                }
                _ => PackError::new(crate::tr!("pattern-invalid-regex-err", err = err), whole.clone())
                    .with_label(crate::tr!("pattern-regex")),
            });
    }
    let (message, range) = match regex_syntax::Parser::new().parse(src) {
        Err(regex_syntax::Error::Parse(err)) => (
            err.kind().to_string(),
            err.span().start.offset..err.span().end.offset,
        ),
        Err(regex_syntax::Error::Translate(err)) => (
            err.kind().to_string(),
            err.span().start.offset..err.span().end.offset,
        ),
        _ => (standard_error.to_string(), 0..src.len()),
    };
    let end = if range.end > range.start {
        range.end
    } else {
        next_char_boundary(src, range.start).min(src.len())
    };
    Err(PackError::new(
        crate::tr!("pattern-invalid-regex-message", message = message),
        base + range.start..base + end,
    )
    .with_label(crate::tr!("pattern-regex-detail", detail = message)))
}

/// When a pack's regexes and patterns are compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileWhen {
    /// All of them while the pack is validated: any error, the size limit's included, is a
    /// pack error before any report is read. For packs read from files.
    Now,
    /// Each the first time a rule searches with it; validation checks what the syntax tells
    /// (errors, group names, matching empty text) and compiles at once only what it cannot
    /// vouch for. For the built-in pack, whose every regex and pattern a test compiles.
    FirstUse,
}

/// A raw regex of a pack, compiled when it first searches (or at once, see [`CompileWhen`]).
/// Its group names are known without compiling it; searching a text that holds none of the
/// literals every match contains neither compiles nor runs it.
#[derive(Debug)]
pub struct LazyRegex {
    src: String,
    groups: Vec<String>,
    required: Option<Box<RequiredLiterals>>,
    compiled: OnceLock<RegexMatcher>,
}

impl LazyRegex {
    /// The regex `src`, written at byte `base` of the pack source; errors as
    /// [`compile_regex`] gives them.
    pub fn new(src: &str, base: usize, when: CompileWhen) -> Result<LazyRegex, PackError> {
        if when == CompileWhen::FirstUse && !uses_backreference(src) {
            if let Ok(hir) = regex_syntax::Parser::new().parse(src) {
                return Ok(LazyRegex {
                    src: src.to_string(),
                    groups: group_names(&hir),
                    required: RequiredLiterals::of_hir(&hir).map(Box::new),
                    compiled: OnceLock::new(),
                });
            }
        }
        let compiled = compile_regex(src, base)?;
        Ok(LazyRegex {
            src: src.to_string(),
            groups: compiled.groups().to_vec(),
            required: None,
            compiled: OnceLock::from(compiled),
        })
    }

    /// The compiled regex, compiling it now if it is not yet.
    pub fn compiled(&self) -> &RegexMatcher {
        self.compiled.get_or_init(|| {
            // Only regexes whose syntax parsed are deferred, and only in the built-in pack,
            // every regex of which a test compiles: this cannot fail.
            compile_regex(&self.src, 0).expect("a deferred regex compiles")
        })
    }

    /// Whether it has been compiled.
    pub fn is_compiled(&self) -> bool {
        self.compiled.get().is_some()
    }

    /// See [`RegexMatcher::groups`].
    pub fn groups(&self) -> &[String] {
        &self.groups
    }

    /// Whether `text` may hold a match: before the regex is compiled, whether it holds one of
    /// the literals every match contains (if there are any); once compiled, always (the
    /// compiled regex checks its literals itself, so the text is not scanned twice).
    pub fn may_match(&self, text: &str) -> bool {
        self.compiled.get().is_some() || may_hold(&self.required, text)
    }

    /// See [`RegexMatcher::is_match`].
    pub fn is_match(&self, text: &str) -> Option<bool> {
        if !self.may_match(text) {
            return Some(false);
        }
        self.compiled().is_match(text)
    }

    /// See [`RegexMatcher::matches`].
    pub fn matches(&self, text: &str) -> Result<Vec<RegexMatch>, RegexRunError> {
        self.matches_within(text, DEFAULT_REGEX_TIME_LIMIT)
    }

    /// See [`RegexMatcher::matches_within`].
    pub fn matches_within(
        &self,
        text: &str,
        limit: std::time::Duration,
    ) -> Result<Vec<RegexMatch>, RegexRunError> {
        if !self.may_match(text) {
            return Ok(Vec::new());
        }
        self.compiled().matches_within(text, limit)
    }

    /// See [`RegexMatcher::spans_inside`]; the caller asks [`Self::may_match`] of the whole
    /// text first (once, not for every unit).
    pub fn spans_inside(
        &self,
        text: &str,
        unit: &Range<usize>,
    ) -> Option<(Vec<Range<usize>>, usize)> {
        self.compiled().spans_inside(text, unit)
    }

    /// See [`RegexMatcher::first_span_inside`]; the caller asks [`Self::may_match`] first.
    pub fn first_span_inside(
        &self,
        text: &str,
        unit: &Range<usize>,
    ) -> Option<Option<Range<usize>>> {
        self.compiled().first_span_inside(text, unit)
    }
}

impl std::ops::Deref for LazyRegex {
    type Target = RegexMatcher;

    fn deref(&self) -> &RegexMatcher {
        self.compiled()
    }
}

/// The names [`RegexMatcher::groups`] gives the groups of a parsed regex: each group's name,
/// or its number when it has none, in the order of their numbers.
fn group_names(hir: &regex_syntax::hir::Hir) -> Vec<String> {
    fn walk(hir: &regex_syntax::hir::Hir, out: &mut Vec<(u32, Option<String>)>) {
        use regex_syntax::hir::HirKind;
        match hir.kind() {
            HirKind::Capture(c) => {
                out.push((c.index, c.name.as_deref().map(String::from)));
                walk(&c.sub, out);
            }
            HirKind::Repetition(r) => walk(&r.sub, out),
            HirKind::Concat(items) | HirKind::Alternation(items) => {
                for item in items {
                    walk(item, out);
                }
            }
            HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => {}
        }
    }
    let mut found = Vec::new();
    walk(hir, &mut found);
    found.sort_by_key(|(index, _)| *index);
    found
        .into_iter()
        .map(|(index, name)| name.unwrap_or_else(|| index.to_string()))
        .collect()
}

/// A pattern of a pack, its regex compiled when it first searches (or at once, see
/// [`CompileWhen`]). Its captures are known without compiling it; a text without its
/// anchor (the longest literal every match contains) neither compiles nor runs it.
#[derive(Debug)]
pub struct LazyPattern {
    /// The captures (names and types; their group numbers are the compiled pattern's).
    pub captures: Vec<CaptureSpec>,
    prepared: std::sync::Mutex<Option<PreparedPattern>>,
    anchor: Option<memchr::memmem::Finder<'static>>,
    compiled: OnceLock<CompiledPattern>,
}

impl LazyPattern {
    /// The pattern `src`, written at byte `base` of the pack source; errors as [`compile`]
    /// gives them.
    pub fn new(src: &str, base: usize, when: CompileWhen) -> Result<LazyPattern, Vec<PackError>> {
        let prepared = prepare(src, base)?;
        let captures = prepared.captures.clone();
        if when == CompileWhen::FirstUse && prepared.surely_sound() {
            return Ok(LazyPattern {
                captures,
                anchor: prepared.anchor.as_ref().map(|a| a.finder.clone()),
                prepared: std::sync::Mutex::new(Some(prepared)),
                compiled: OnceLock::new(),
            });
        }
        let compiled = prepared.build()?;
        Ok(LazyPattern {
            captures,
            anchor: None,
            prepared: std::sync::Mutex::new(None),
            compiled: OnceLock::from(compiled),
        })
    }

    /// The compiled pattern, compiling it now if it is not yet.
    pub fn compiled(&self) -> &CompiledPattern {
        self.compiled.get_or_init(|| {
            let prepared = self
                .prepared
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .take()
                .expect("an uncompiled pattern keeps what it compiles from");
            // Only patterns whose regex parsed and cannot match empty text are deferred, and
            // only in the built-in pack, every pattern of which a test compiles.
            prepared.build().expect("a deferred pattern compiles")
        })
    }

    /// Whether it has been compiled.
    pub fn is_compiled(&self) -> bool {
        self.compiled.get().is_some()
    }

    /// Every match in `text`, as [`CompiledPattern::find_iter`] finds them.
    pub fn find_iter<'p, 't>(
        &'p self,
        text: &'t str,
    ) -> std::iter::Flatten<std::option::IntoIter<PatternMatches<'p, 't>>> {
        // Once compiled, the pattern looks for its anchor itself (`stretches_with`).
        let absent = self.compiled.get().is_none()
            && self
                .anchor
                .as_ref()
                .is_some_and(|a| a.find(text.as_bytes()).is_none());
        (!absent)
            .then(|| self.compiled().find_iter(text))
            .into_iter()
            .flatten()
    }
}

impl std::ops::Deref for LazyPattern {
    type Target = CompiledPattern;

    fn deref(&self) -> &CompiledPattern {
        self.compiled()
    }
}

/// Whether the regex uses `\1`…`\9` or `\k<name>`.
fn uses_backreference(src: &str) -> bool {
    let mut chars = src.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('1'..='9' | 'k') => return true,
                _ => continue,
            }
        }
    }
    false
}

// ---------------------------------------------------------------------------------------
// From captured text to values

/// The value of a capture found in a document: numbers are read by the document model where
/// they were found ([`FigureReader::at`]), with the approximation words and ranges around
/// them, exactly as `reportlint inspect` reads them; other types as [`capture_value`] reads
/// them. A figure the model reads as a percentage where the capture is not one (or the other
/// way round) is read from the captured text alone.
fn figure_value(
    ty: &CaptureType,
    figures: &mut FigureReader<'_>,
    captured: &CapturedText,
) -> Option<Value> {
    if !matches!(
        ty,
        CaptureType::Count | CaptureType::Amount | CaptureType::Number | CaptureType::Percent
    ) {
        return capture_value(ty, &captured.raw);
    }
    match figures.at(captured.span.clone()) {
        Some(figure) if figure.percent == (*ty == CaptureType::Percent) => {
            Some(Value::stated(&figure))
        }
        _ => capture_value(ty, &captured.raw),
    }
}

/// The value of a capture's raw text alone, read according to its type. `None` when the text
/// is not of that shape. Numbers are read by the document model's [`numbers::parse_number`]
/// (within a document, [`CompiledPattern::find_iter`] reads them with their context instead).
///
/// Approximation words set `approx` (约/近/超/超过/逾/不少于/不低于/将近/接近/大约 … before,
/// 余/多/几/以上/左右/上下 … after), as do two neighbouring numerals (`三四`, 3 approximately),
/// and `几十`. A figure with 万/亿 and a decimal fraction (`2.3万`) is exact but rounded: its
/// precision (`decimals`) is -3, so checks allow it ±500. A percentage is a ratio.
pub fn capture_value(ty: &CaptureType, raw: &str) -> Option<Value> {
    let raw = raw.trim();
    match ty {
        CaptureType::Text => Some(Value::Text(raw.to_string())),
        CaptureType::Year => {
            let digits = raw.strip_suffix('年').unwrap_or(raw);
            let year = parse_digit_string(digits)?;
            Some(Value::written(year, 0))
        }
        CaptureType::Date => parse_date(raw),
        CaptureType::Count | CaptureType::Amount | CaptureType::Number | CaptureType::Percent => {
            let raw = if *ty == CaptureType::Amount {
                raw.strip_suffix('元').unwrap_or(raw)
            } else {
                raw
            };
            // `99 %`: the space the percent fragment allows.
            let raw = raw.replace([' '], "");
            let figure = numbers::parse_number(&raw)?;
            (figure.percent == (*ty == CaptureType::Percent)).then(|| Value::stated(&figure))
        }
        CaptureType::Counts { .. } => {
            let finder = Regex::new(&counts_item_regex(ty.literal_unit())).ok()?;
            let items = find_counts(&finder, raw, 0..raw.len());
            items
                .iter()
                .map(|item| capture_value(&CaptureType::Count, &item.raw))
                .collect::<Option<Vec<Value>>>()
                .map(Value::List)
        }
    }
}

fn normalize_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => {
                char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

/// A string of digits, Arabic or Chinese (`2024`, `二〇二四`).
fn parse_digit_string(text: &str) -> Option<f64> {
    let normalized = normalize_digits(text);
    if normalized.is_empty() {
        return None;
    }
    if normalized.chars().all(|c| c.is_ascii_digit()) {
        return normalized.parse().ok();
    }
    if normalized.chars().count() == 1 || normalized.contains(['十', '百', '千', '万', '亿']) {
        return None;
    }
    numbers::chinese_numeral_value(&normalized).map(|v| v as f64)
}

fn parse_date(raw: &str) -> Option<Value> {
    let normalized = normalize_digits(raw);
    let parts: Vec<&str> = if normalized.contains('年') {
        normalized
            .split(['年', '月', '日'])
            .filter(|p| !p.is_empty())
            .collect()
    } else {
        normalized.split(['-', '.', '/']).collect()
    };
    let [year, month, day] = parts.as_slice() else {
        return None;
    };
    let year = parse_digit_string(year)?;
    let month = parse_chinese_or_arabic(month)?;
    let day = parse_chinese_or_arabic(day)?;
    let (year, month, day) = calendar_date(year, month, day)?;
    Some(Value::Date { year, month, day })
}

fn parse_chinese_or_arabic(text: &str) -> Option<f64> {
    if text.chars().all(|c| c.is_ascii_digit()) {
        text.parse().ok()
    } else {
        numbers::chinese_numeral_value(text).map(|v| v as f64)
    }
}

#[cfg(test)]
mod plain_search_tests {
    use super::*;

    /// Regexes without groups, the kind the capture-free search takes: literal alternations,
    /// classes, repetitions, look-around assertions and matches that may be empty.
    const REGEXES: [&str; 8] = [
        r"\p{Han}{4,}",
        r"法治|执法|法治政府",
        r"\d+(?:\.\d+)?(?:%|件|次)",
        r"(?:开展|召开)了",
        r"\b\w+\b",
        r"年?",
        r"[。；]\s*$",
        r"(?m)^\s*[一二三]、",
    ];

    proptest::proptest! {
        /// The capture-free search finds exactly the matches a plain capture search finds.
        #[test]
        fn a_regex_without_groups_finds_what_a_capture_search_finds(
            which in 0..REGEXES.len(),
            text in "[法治执政府年开展召了一二三、。；0-9.%件次 a\n]{0,60}",
        ) {
            let src = REGEXES[which];
            let matcher = compile_regex(src, 0).expect("the test regexes compile");
            let plain: Vec<Range<usize>> = build_regex(src)
                .expect("the test regexes compile")
                .captures_iter(&text)
                .filter_map(|c| c.get(0).map(|m| m.range()))
                .collect();
            let found = matcher.matches(&text).expect("a plain regex does not give up");
            proptest::prop_assert!(found.iter().all(|m| m.named.is_empty()));
            let found: Vec<Range<usize>> = found.into_iter().map(|m| m.span).collect();
            proptest::prop_assert_eq!(found, plain);
        }
    }
}

#[cfg(test)]
mod first_use_tests {
    use super::*;

    /// Patterns with and without an anchor (a literal every match contains), with every kind
    /// of capture.
    const PATTERNS: [&str; 6] = [
        "受理{n:count}件",
        "{y:year}",
        "办结率{达|为}?{rate:percent}",
        "共{total:count}人，其中{parts:counts(人)}",
        "执法{…}公示",
        "{d:date}发布",
    ];

    /// Regexes with and without required literals, named and numbered groups, one searched
    /// line by line.
    const REGEXES: [&str; 5] = [
        r"(?P<n>\d+)件数",
        r"执法(公示|记录)",
        r"(?m)^[一二三]、(?P<head>\p{Han}+)",
        r"\d+(?:\.\d+)?%",
        r"复议(?:案件)?(\d+)件",
    ];

    fn text() -> impl proptest::strategy::Strategy<Value = String> {
        const PARTS: [&str; 17] = [
            "受理",
            "12",
            "件",
            "件数",
            "7件数",
            "办结率",
            "达",
            "99.5%",
            "共",
            "人，其中",
            "3人、",
            "执法",
            "公示",
            "记录",
            "2025年",
            "3月1日发布",
            "\n一、复议案件",
        ];
        proptest::collection::vec(proptest::sample::select(&PARTS[..]), 0..14)
            .prop_map(|v| v.concat())
    }

    use proptest::strategy::Strategy;

    proptest::proptest! {
        /// A pattern or regex compiled at first use finds exactly what the same one compiled
        /// at once finds, whether or not the text holds its literals, and says the same
        /// captures and groups before it is compiled.
        #[test]
        fn compiling_at_first_use_finds_what_compiling_at_once_finds(
            which in 0..PATTERNS.len().max(REGEXES.len()),
            text in text(),
        ) {
            if let Some(src) = PATTERNS.get(which) {
                let lazy = LazyPattern::new(src, 0, CompileWhen::FirstUse).expect("compiles");
                let eager = compile(src, 0).expect("compiles");
                proptest::prop_assert!(!lazy.is_compiled());
                let said: Vec<_> = lazy.captures.iter().map(|c| (&c.name, &c.ty)).collect();
                let known: Vec<_> = eager.captures.iter().map(|c| (&c.name, &c.ty)).collect();
                proptest::prop_assert_eq!(said, known);
                let found: Vec<PatternMatch> = lazy.find_iter(&text).collect();
                let expected: Vec<PatternMatch> = eager.find_iter(&text).collect();
                proptest::prop_assert_eq!(found, expected);
            }
            if let Some(src) = REGEXES.get(which) {
                let lazy = LazyRegex::new(src, 0, CompileWhen::FirstUse).expect("compiles");
                let eager = compile_regex(src, 0).expect("compiles");
                proptest::prop_assert!(!lazy.is_compiled());
                proptest::prop_assert_eq!(lazy.groups(), eager.groups());
                proptest::prop_assert_eq!(lazy.is_match(&text), eager.is_match(&text));
                proptest::prop_assert_eq!(lazy.matches(&text), eager.matches(&text));
            }
        }
    }

    /// Regexes that can be searched between stops, with assertions at either end of a match
    /// and classes that take some stops but not others. (A regex all of whose matches start
    /// a line is searched line by line already, and not between stops.)
    const STRETCH_REGEXES: [&str; 9] = [
        r"\d+件",
        r"受理\d+件$",
        r"一、\p{Han}+",
        r"(?m)\p{Han}{2}$",
        r"\b\d+",
        r"执法[^。]{0,6}公示",
        r"公示.{1,3}",
        r"件[，。]?",
        r"\A受理",
    ];

    fn stretch_text() -> impl proptest::strategy::Strategy<Value = String> {
        const PARTS: [&str; 14] = [
            "受理", "12", "件", "执法", "公示", "记录", "。", "；", "！", "\n", "一、", "，", "a",
            " ",
        ];
        proptest::collection::vec(proptest::sample::select(&PARTS[..]), 0..18)
            .prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]
        /// Searching only between the stops around a unit finds exactly the matches inside
        /// the unit that a search of the whole text finds.
        #[test]
        fn searching_between_stops_finds_what_searching_the_whole_text_finds(
            which in 0..STRETCH_REGEXES.len(),
            text in stretch_text(),
            a in 0usize..64,
            b in 0usize..64,
        ) {
            let matcher = compile_regex(STRETCH_REGEXES[which], 0).expect("compiles");
            let bounds: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(text.len()))
                .collect();
            let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
            let unit = a.min(b)..a.max(b);
            let whole: Vec<Range<usize>> = matcher
                .matches(&text)
                .expect("searches")
                .into_iter()
                .map(|m| m.span)
                .filter(|s| s.start >= unit.start && s.end <= unit.end)
                .collect();
            let (found, searched) = matcher
                .spans_inside(&text, &unit)
                .expect("every regex here has stops");
            proptest::prop_assert_eq!(
                matcher.first_span_inside(&text, &unit),
                Some(whole.first().cloned())
            );
            proptest::prop_assert_eq!(found, whole);
            proptest::prop_assert!(searched >= unit.len() && searched <= text.len());
        }
    }

    /// A match of the whole search that starts before the unit hides the shorter match a
    /// search from the unit's start would find (`12件` from `2件`); one that runs past the
    /// unit's end is not inside it, nor is the shorter match ending at its end.
    #[test]
    #[allow(clippy::single_range_in_vec_init)]
    fn matches_running_into_or_out_of_the_unit_are_as_the_whole_search_finds_them() {
        let matcher = compile_regex(r"\d+件", 0).expect("compiles");
        let text = "共12件。";
        assert_eq!(matcher.spans_inside(text, &(4..8)), Some((Vec::new(), 11)));
        assert_eq!(matcher.spans_inside(text, &(3..8)), Some((vec![3..8], 11)));
        let matcher = compile_regex(r"执法\p{Han}+", 0).expect("compiles");
        let text = "执法公示。";
        assert_eq!(matcher.spans_inside(text, &(0..9)), Some((Vec::new(), 15)));
        assert_eq!(
            matcher.spans_inside(text, &(0..12)),
            Some((vec![0..12], 15))
        );
    }

    /// A regex that can match across every stop, or match empty text, is not searched
    /// between stops.
    #[test]
    fn regexes_without_stops_are_searched_whole() {
        for src in [r"(?s)执法.*公示", r"\d*", r"[\s\S]{2}"] {
            let matcher = compile_regex(src, 0).expect("compiles");
            assert_eq!(matcher.spans_inside("执法\n公示。", &(0..3)), None, "{src}");
        }
    }

    /// A text without the literal every match contains compiles nothing.
    #[test]
    fn a_text_without_the_literals_compiles_nothing() {
        let pattern =
            LazyPattern::new("受理{n:count}件", 0, CompileWhen::FirstUse).expect("compiles");
        assert_eq!(pattern.find_iter("办结12件").count(), 0);
        assert!(!pattern.is_compiled());
        assert_eq!(pattern.find_iter("受理12件").count(), 1);
        assert!(pattern.is_compiled());
        let regex = LazyRegex::new(r"(?P<n>\d+)件数", 0, CompileWhen::FirstUse).expect("compiles");
        assert_eq!(regex.matches("12件"), Ok(Vec::new()));
        assert!(!regex.is_compiled());
        assert_eq!(regex.matches("12件数").map(|m| m.len()), Ok(1));
        assert!(regex.is_compiled());
    }

    /// What validation cannot vouch for without compiling is compiled at once, with the same
    /// errors as when everything is: a pattern matching empty text, a back-reference. Only
    /// the size of a compiled regex is not known before it is compiled, which is why packs
    /// from files are compiled at once ([`CompileWhen::Now`]).
    #[test]
    fn what_the_syntax_cannot_vouch_for_is_compiled_at_once() {
        let too_big = r"\w{1000}{1000}";
        let now = LazyRegex::new(too_big, 3, CompileWhen::Now).map(|_| ());
        let eager = compile_regex(too_big, 3).map(|_| ());
        assert!(now.is_err());
        assert_eq!(format!("{now:?}"), format!("{eager:?}"));
        let deferred = LazyRegex::new(too_big, 3, CompileWhen::FirstUse).expect("parses");
        assert!(!deferred.is_compiled());
        let backref = LazyRegex::new(r"(法|依)\1", 0, CompileWhen::FirstUse).expect("compiles");
        assert!(backref.is_compiled());
        for src in ["{x:count}?", "{…}"] {
            let lazy = LazyPattern::new(src, 0, CompileWhen::FirstUse).map(|_| ());
            assert!(lazy.is_err(), "{src}");
            assert_eq!(
                format!("{lazy:?}"),
                format!("{:?}", compile(src, 0).map(|_| ()))
            );
        }
    }
}
