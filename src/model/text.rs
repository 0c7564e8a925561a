//! Text units: paragraphs, sentences and clauses as byte spans.
//!
//! A paragraph is a non-empty line trimmed of surrounding whitespace (ASCII, full-width space,
//! no-break space, a byte-order mark). Sentences end at `。！？；` and their half-width forms
//! `!?;`, and at a half-width `.` only between two non-ASCII characters (so `97.67%`, `6.26`
//! and the `1.` of a heading never end a sentence). Terminators inside a matched pair of
//! brackets or quotes (`（）()《》“”‘’「」【】`) do not end the sentence; in direct speech
//! (a quotation after `：`) a terminator right before the closing quote ends the sentence
//! after the quote. Clauses split a sentence on `，、：,:` with
//! the same protection. Unmatched openers protect nothing, so one stray `“` cannot swallow a
//! paragraph.
//!
//! A [`Splitter`] first finds the marks (brackets, quotes, terminators) of the whole text in
//! one pass that tests blocks of bytes at once, then splits any span of it using only the marks
//! inside: the document's paragraphs and the headings opening them share one splitter, so the
//! text is scanned once. [`sentences`] and [`clauses`] split a single span.

use super::Span;
use std::ops::Range;

/// Characters trimmed from the ends of paragraphs, sentences and clauses.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// Trims blank characters from both ends of a span.
pub fn trim_span(text: &str, span: Span) -> Span {
    let Some(slice) = text.get(span.clone()) else {
        return span.start..span.start;
    };
    let rest = slice.trim_start_matches(is_blank);
    let start = span.start + (slice.len() - rest.len());
    start..start + rest.trim_end_matches(is_blank).len()
}

fn closer_of(c: char) -> Option<char> {
    Some(match c {
        '（' => '）',
        '(' => ')',
        '《' => '》',
        '“' => '”',
        '‘' => '’',
        '「' => '」',
        '【' => '】',
        _ => return None,
    })
}

fn is_closer(c: char) -> bool {
    matches!(c, '）' | ')' | '》' | '”' | '’' | '」' | '】')
}

fn is_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';')
}

fn is_clause_mark(c: char) -> bool {
    matches!(c, '，' | '、' | '：' | ',' | ':')
}

// Tests on the first three bytes of a character, for finding marks without decoding every
// character. Brackets, quotes, terminators and clause marks are ASCII or three-byte characters
// starting `E2 80` (general punctuation), `E3 80` (CJK punctuation) or `EF BC` (full-width
// forms). Non-short-circuit `|` and `&` keep the tests free of branches, so a block of bytes is
// tested with vector instructions.

/// `()`, `‘’“”`, `《》「」【】`, `（）`.
fn may_be_bracket(first: u8, second: u8, third: u8) -> bool {
    (first == b'(')
        | (first == b')')
        | ((first == 0xE2)
            & (second == 0x80)
            & ((third == 0x98) | (third == 0x99) | (third == 0x9C) | (third == 0x9D)))
        | ((first == 0xE3)
            & (second == 0x80)
            & ((third == 0x8A)
                | (third == 0x8B)
                | (third == 0x8C)
                | (third == 0x8D)
                | (third == 0x90)
                | (third == 0x91)))
        | ((first == 0xEF) & (second == 0xBC) & ((third == 0x88) | (third == 0x89)))
}

/// `!?;.`, `。`, `！；？`.
fn may_be_terminator(first: u8, second: u8, third: u8) -> bool {
    (first == b'!')
        | (first == b'?')
        | (first == b';')
        | (first == b'.')
        | ((first == 0xE3) & (second == 0x80) & (third == 0x82))
        | ((first == 0xEF)
            & (second == 0xBC)
            & ((third == 0x81) | (third == 0x9B) | (third == 0x9F)))
}

/// `,:`, `、`, `，：`.
fn may_be_clause_mark(first: u8, second: u8, third: u8) -> bool {
    (first == b',')
        | (first == b':')
        | ((first == 0xE3) & (second == 0x80) & (third == 0x81))
        | ((first == 0xEF) & (second == 0xBC) & ((third == 0x8C) | (third == 0x9A)))
}

/// Bytes tested together when looking for marks: as many as one vector register holds.
const BLOCK: usize = 16;

/// How a unit is split.
#[derive(Debug, Clone, Copy)]
enum Split {
    /// At sentence terminators, keeping them with the sentence.
    Sentences,
    /// At clause marks, dropping them.
    Clauses,
}

impl Split {
    /// Whether a character can split a unit of this kind (its neighbours decide the rest).
    fn is_candidate(self, c: char) -> bool {
        match self {
            Split::Sentences => is_terminator(c) || c == '.',
            Split::Clauses => is_clause_mark(c),
        }
    }

    fn splits_at(self, unit: &str, i: usize, c: char) -> bool {
        match self {
            Split::Sentences => ends_sentence(unit, i, c),
            Split::Clauses => ends_clause(unit, i, c),
        }
    }

    fn keeps_mark(self) -> bool {
        matches!(self, Split::Sentences)
    }
}

/// Splits units of one text. The marks (brackets, quotes and split candidates) are found once
/// for the whole scope the splitter is made for, so a paragraph and the heading inside it are
/// not scanned twice; any span within that scope can then be split.
#[derive(Debug)]
pub struct Splitter {
    split: Split,
    /// Marks in text order, with their byte offsets into the text.
    marks: Vec<(usize, char)>,
    /// Where the marks of the unit split last start in `marks`.
    first_mark_of_last_unit: usize,
    /// Open brackets awaiting their closer: (closer, offset of the opener in the unit).
    open: Vec<(char, usize)>,
    /// Every matched pair of the unit being split, in the order they close.
    pairs: Vec<Span>,
    /// Outermost matched pairs of the unit being split, sorted and disjoint.
    protected: Vec<Span>,
}

impl Splitter {
    /// A splitter for the sentences of any span of `text`; pass the same `text` to its
    /// methods.
    pub fn sentences_of(text: &str) -> Splitter {
        Splitter::new(text, 0..text.len(), Split::Sentences)
    }

    fn new(text: &str, scope: Span, split: Split) -> Splitter {
        let mut splitter = Splitter {
            split,
            marks: Vec::new(),
            first_mark_of_last_unit: 0,
            open: Vec::new(),
            pairs: Vec::new(),
            protected: Vec::new(),
        };
        splitter.find_marks(text, scope);
        splitter
    }

    /// Sentences of `paragraph`, a span of the text the splitter was made for, in order.
    pub fn sentences(&mut self, text: &str, paragraph: Span, found: impl FnMut(Span)) {
        self.split(text, paragraph, usize::MAX, found);
    }

    /// The first `count` sentences of `paragraph` (fewer if it has fewer): all a heading needs
    /// to know of the long paragraph it may open.
    pub fn first_sentences(
        &mut self,
        text: &str,
        paragraph: Span,
        count: usize,
        found: impl FnMut(Span),
    ) {
        self.split(text, paragraph, count, found);
    }

    /// Collects the marks of `text[scope]`.
    fn find_marks(&mut self, text: &str, scope: Span) {
        match self.split {
            Split::Sentences => self.scan(text, scope, |a, b, c| {
                may_be_bracket(a, b, c) | may_be_terminator(a, b, c)
            }),
            Split::Clauses => self.scan(text, scope, |a, b, c| {
                may_be_bracket(a, b, c) | may_be_clause_mark(a, b, c)
            }),
        }
    }

    /// Records the characters of `text[scope]` whose first three bytes pass `may_be_mark` and
    /// that are marks. Blocks of bytes are tested at once and only characters that pass are
    /// decoded.
    fn scan(&mut self, text: &str, scope: Span, may_be_mark: impl Fn(u8, u8, u8) -> bool) {
        let bytes = text.as_bytes();
        let end = scope.end.min(bytes.len());
        let mut block_start = scope.start;
        while let Some(window) = bytes.get(block_start..(block_start + BLOCK + 2).min(end)) {
            // The two bytes after the block are only read for the tests of its last bytes.
            let Ok(window) = <&[u8; BLOCK + 2]>::try_from(window) else {
                break;
            };
            let mut candidates = [0u8; BLOCK];
            for (k, candidate) in candidates.iter_mut().enumerate() {
                let byte = |at: usize| window.get(at).copied().unwrap_or(0);
                *candidate = u8::from(may_be_mark(byte(k), byte(k + 1), byte(k + 2)));
            }
            // Each candidate byte is 1, so the set bits of the block read as one integer are
            // at eight times the candidates' offsets.
            let mut set = u128::from_le_bytes(candidates);
            while set != 0 {
                let k = set.trailing_zeros() as usize / 8;
                set &= set - 1;
                self.mark_at(text, block_start + k);
            }
            block_start += BLOCK;
        }
        for i in block_start..end {
            let byte = |at: usize| bytes.get(at).copied().unwrap_or(0);
            if may_be_mark(byte(i), byte(i + 1), byte(i + 2)) {
                self.mark_at(text, i);
            }
        }
    }

    /// Records the character at byte `i` of `text` if it is a mark.
    fn mark_at(&mut self, text: &str, i: usize) {
        // A byte that may start a mark is ASCII or a lead byte, so `i` is a boundary.
        if let Some(c) = text.get(i..).and_then(|s| s.chars().next()) {
            if closer_of(c).is_some() || is_closer(c) || self.split.is_candidate(c) {
                self.marks.push((i, c));
            }
        }
    }

    /// Fills `protected` with the outermost matched bracket and quote pairs among `marks`,
    /// relative to `unit_start`.
    fn find_protected(&mut self, marks: &[(usize, char)], unit_start: usize) {
        self.open.clear();
        self.pairs.clear();
        self.protected.clear();
        for &(at, c) in marks {
            let i = at - unit_start;
            if let Some(close) = closer_of(c) {
                self.open.push((close, i));
            } else if is_closer(c) {
                if let Some(pos) = self.open.iter().rposition(|(close, _)| *close == c) {
                    let start = self.open.get(pos).map_or(i, |(_, s)| *s);
                    self.open.truncate(pos);
                    self.pairs.push(start..i + c.len_utf8());
                }
            }
        }
        // Every matched pair counts, even inside an unmatched opener; nested pairs fold into
        // the outermost one. Pairs never partly overlap: closing a pair drops the openers
        // above it.
        self.pairs.sort_by_key(|r| r.start);
        for r in self.pairs.drain(..) {
            match self.protected.last() {
                Some(last) if r.start < last.end => {}
                _ => self.protected.push(r),
            }
        }
    }

    /// The index range of the marks inside `span`.
    fn marks_within(&mut self, span: &Span) -> Range<usize> {
        let before_span = |mark: &(usize, char)| mark.0 < span.start;
        // Units mostly come in text order: then every mark before the previous unit's first one
        // is before this unit too, and stepping on from there beats a binary search.
        let in_order = self
            .first_mark_of_last_unit
            .checked_sub(1)
            .and_then(|i| self.marks.get(i))
            .is_none_or(before_span);
        let mut first = if in_order {
            self.first_mark_of_last_unit
        } else {
            self.marks.partition_point(before_span)
        };
        while self.marks.get(first).is_some_and(before_span) {
            first += 1;
        }
        let mut end = first;
        while self.marks.get(end).is_some_and(|(at, _)| *at < span.end) {
            end += 1;
        }
        self.first_mark_of_last_unit = first;
        first..end
    }

    /// Splits `span` of `text` at marks where the splitter's rule applies, outside protected
    /// pairs, and passes each non-empty trimmed piece to `found`, stopping after `at_most`.
    fn split(&mut self, text: &str, span: Span, at_most: usize, mut found: impl FnMut(Span)) {
        let Some(unit) = text.get(span.clone()) else {
            return;
        };
        if at_most == 0 {
            return;
        }
        let within = self.marks_within(&span);
        let marks = std::mem::take(&mut self.marks);
        let unit_marks = marks.get(within).unwrap_or(&[]);
        self.find_protected(unit_marks, span.start);
        let split = self.split;
        let keep_mark = split.keeps_mark();
        let mut piece_start = 0;
        let mut pieces = 0;
        // Marks come in text order, so the protected pair that may hold the next mark only
        // moves forward.
        let mut pair = 0;
        let mut next = 0;
        while let Some(&(at, c)) = unit_marks.get(next) {
            next += 1;
            let i = at - span.start;
            if !split.splits_at(unit, i, c) {
                continue;
            }
            while self.protected.get(pair).is_some_and(|r| r.end <= i) {
                pair += 1;
            }
            let inside = self.protected.get(pair).filter(|r| r.start < i);
            let end = match inside {
                // A terminator right before the closing quote ends the sentence after the
                // quote.
                Some(r)
                    if keep_mark
                        && i + c.len_utf8() + closing_len(unit, i + c.len_utf8()) == r.end
                        && introduces_speech(unit, r.start) =>
                {
                    while unit_marks
                        .get(next)
                        .is_some_and(|(j, _)| j - span.start < r.end)
                    {
                        next += 1;
                    }
                    r.end
                }
                Some(_) => continue,
                None => {
                    let mut end = i + c.len_utf8();
                    if keep_mark {
                        // Repeated marks (？！) stay with their sentence.
                        while let Some(&(j, following)) = unit_marks.get(next) {
                            if j - span.start == end && is_terminator(following) {
                                end += following.len_utf8();
                                next += 1;
                            } else {
                                break;
                            }
                        }
                    }
                    end
                }
            };
            let piece_end = if keep_mark { end } else { i };
            let piece = trim_span(text, span.start + piece_start..span.start + piece_end);
            if !piece.is_empty() {
                found(piece);
                pieces += 1;
                if pieces == at_most {
                    break;
                }
            }
            piece_start = end;
        }
        self.marks = marks;
        if pieces == at_most {
            return;
        }
        let rest = trim_span(text, span.start + piece_start..span.end);
        if !rest.is_empty() {
            found(rest);
        }
    }
}

/// A quotation after `：` is direct speech: its closing mark can end the sentence. Elsewhere a
/// quotation is a name or phrase inside a longer sentence.
fn introduces_speech(unit: &str, opener: usize) -> bool {
    unit.get(..opener)
        .and_then(|s| s.trim_end_matches(is_blank).chars().next_back())
        .is_none_or(|c| matches!(c, '：' | ':'))
}

fn closing_len(unit: &str, at: usize) -> usize {
    unit.get(at..)
        .and_then(|s| s.chars().next())
        .filter(|c| is_closer(*c))
        .map_or(0, char::len_utf8)
}

fn ends_sentence(unit: &str, i: usize, c: char) -> bool {
    if is_terminator(c) {
        return true;
    }
    if c != '.' {
        return false;
    }
    let before = unit.get(..i).and_then(|s| s.chars().next_back());
    let after = unit.get(i + 1..).and_then(|s| s.chars().next());
    before.is_some_and(|b| !b.is_ascii()) && after.is_none_or(|a| !a.is_ascii())
}

fn ends_clause(unit: &str, i: usize, c: char) -> bool {
    if !is_clause_mark(c) {
        return false;
    }
    // 1,234 and 10:30 are not clause breaks.
    let before = unit.get(..i).and_then(|s| s.chars().next_back());
    let after = unit.get(i + 1..).and_then(|s| s.chars().next());
    !(matches!(c, ',' | ':')
        && before.is_some_and(|b| b.is_ascii_digit())
        && after.is_some_and(|a| a.is_ascii_digit()))
}

/// Sentences of one paragraph span.
pub fn sentences(text: &str, paragraph: Span) -> Vec<Span> {
    let mut found = Vec::new();
    let mut splitter = Splitter::new(text, paragraph.clone(), Split::Sentences);
    splitter.split(text, paragraph, usize::MAX, |s| found.push(s));
    found
}

/// Clauses of one sentence span.
pub fn clauses(text: &str, sentence: Span) -> Vec<Span> {
    let mut found = Vec::new();
    let mut splitter = Splitter::new(text, sentence.clone(), Split::Clauses);
    splitter.split(text, sentence, usize::MAX, |s| found.push(s));
    found
}

/// The word of `allowed` that `written` most likely meant, for "did you mean": the first of
/// those fewest edits away, when that is a small edit (at most two, or a third of the word)
/// and less than the whole of what was written (an exact match is the answer). The one place every "did you mean" of
/// reportlint (pack keywords and keys, names in rules, kinds, settings) is decided.
pub fn suggest<'w>(written: &str, allowed: impl IntoIterator<Item = &'w str>) -> Option<&'w str> {
    let written_len = written.chars().count();
    allowed
        .into_iter()
        .map(|candidate| (edit_distance(written, candidate), candidate))
        .filter(|(distance, candidate)| {
            *distance <= 2.max(candidate.chars().count() / 3) && *distance < written_len.max(2)
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance in characters, for "did you mean" on a mistyped name or keyword.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = Vec::with_capacity(b.len() + 1);
        current.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous
                .get(j)
                .map_or(usize::MAX, |p| p + usize::from(ca != *cb));
            let insert = current.get(j).map_or(usize::MAX, |c| c + 1);
            let delete = previous.get(j + 1).map_or(usize::MAX, |p| p + 1);
            current.push(substitute.min(insert).min(delete));
        }
        previous = current;
    }
    previous.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("fail_on", "fail-on"), 1);
        assert_eq!(edit_distance("第一负责人", "第一责任人"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }

    fn pieces(text: &str, spans: Vec<Span>) -> Vec<&str> {
        spans.into_iter().map(|s| &text[s]).collect()
    }

    #[test]
    fn the_byte_tests_pass_every_character_that_can_split_or_protect() {
        let first_three = |c: char| {
            let mut utf8 = [0; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            let byte = |at: usize| bytes.get(at).copied().unwrap_or(0);
            (byte(0), byte(1), byte(2))
        };
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let (a, b, d) = first_three(c);
            if closer_of(c).is_some() || is_closer(c) {
                assert!(may_be_bracket(a, b, d), "{c:?} is skipped");
            }
            if Split::Sentences.is_candidate(c) {
                assert!(may_be_terminator(a, b, d), "{c:?} is skipped");
            }
            if Split::Clauses.is_candidate(c) {
                assert!(may_be_clause_mark(a, b, d), "{c:?} is skipped");
            }
        }
    }

    #[test]
    fn sentences_split_on_full_and_half_width_marks() {
        let text = "办结率97.67%。群众满意;成效明显！还有吗？";
        assert_eq!(
            pieces(text, sentences(text, 0..text.len())),
            vec!["办结率97.67%。", "群众满意;", "成效明显！", "还有吗？"]
        );
    }

    #[test]
    fn quoted_sentences_stay_whole() {
        let text = "开展“宪法进万家。法律进社区。”活动，效果好。他说：“好。”然后离开。";
        assert_eq!(
            pieces(text, sentences(text, 0..text.len())),
            vec![
                "开展“宪法进万家。法律进社区。”活动，效果好。",
                "他说：“好。”",
                "然后离开。"
            ]
        );
    }

    #[test]
    fn an_unmatched_quote_protects_nothing() {
        let text = "开展“宪法宣传。然后结束。";
        assert_eq!(
            pieces(text, sentences(text, 0..text.len())),
            vec!["开展“宪法宣传。", "然后结束。"]
        );
    }

    #[test]
    fn a_splitter_for_the_whole_text_splits_each_span_as_if_alone() {
        let text = "（一）开展“宪法宣传。\n法律进社区。”活动，效果好。他说：“好。”然后离开！？\n\
                    办结率97.67%。群众满意;成效明显.下一步（继续。）";
        let line_spans: Vec<Span> = text
            .split('\n')
            .scan(0, |start, line| {
                let span = *start..*start + line.len();
                *start = span.end + 1;
                Some(span)
            })
            .collect();
        // Spans in text order, then out of order, then spans inside lines.
        let mut spans = line_spans.clone();
        spans.extend(line_spans.iter().rev().cloned());
        spans.extend(line_spans.iter().map(|s| s.start + 3..s.end));
        let mut splitter = Splitter::sentences_of(text);
        for span in spans {
            let alone = sentences(text, span.clone());
            let mut shared = Vec::new();
            splitter.sentences(text, span.clone(), |s| shared.push(s));
            assert_eq!(shared, alone, "{:?}", &text[span.clone()]);
            let mut first_two = Vec::new();
            splitter.first_sentences(text, span.clone(), 2, |s| first_two.push(s));
            assert_eq!(first_two, alone.iter().take(2).cloned().collect::<Vec<_>>());
        }
    }

    #[test]
    fn clauses_split_on_commas_and_enumeration_marks() {
        let text = "公众参与、专家论证,共1,234件：全部办结";
        assert_eq!(
            pieces(text, clauses(text, 0..text.len())),
            vec!["公众参与", "专家论证", "共1,234件", "全部办结"]
        );
    }
}
