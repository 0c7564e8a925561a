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

use super::Span;

/// Characters trimmed from the ends of paragraphs, sentences and clauses.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// Trims blank characters from both ends of a span.
pub fn trim_span(text: &str, span: Span) -> Span {
    let Some(slice) = text.get(span.clone()) else {
        return span.start..span.start;
    };
    let leading = slice.len() - slice.trim_start_matches(is_blank).len();
    let trimmed = slice.trim_matches(is_blank);
    let start = span.start + leading;
    start..start + trimmed.len()
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

/// Byte ranges (relative to `unit`) of outermost matched bracket and quote pairs, sorted.
fn protected_ranges(unit: &str) -> Vec<Span> {
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut ranges: Vec<Span> = Vec::new();
    for (i, c) in unit.char_indices() {
        if let Some(close) = closer_of(c) {
            stack.push((close, i));
        } else if is_closer(c) {
            if let Some(pos) = stack.iter().rposition(|(close, _)| *close == c) {
                let start = stack.get(pos).map_or(i, |(_, s)| *s);
                stack.truncate(pos);
                ranges.push(start..i + c.len_utf8());
            }
        }
    }
    // Every matched pair counts, even inside an unmatched opener; nested pairs fold into the
    // outermost one.
    ranges.sort_by_key(|r| r.start);
    let mut outer: Vec<Span> = Vec::new();
    for r in ranges {
        match outer.last() {
            Some(last) if r.start < last.end => {}
            _ => outer.push(r),
        }
    }
    outer
}

fn is_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';')
}

fn is_clause_mark(c: char) -> bool {
    matches!(c, '，' | '、' | '：' | ',' | ':')
}

/// Splits `span` of `text` at characters for which `splits` holds, outside protected pairs.
/// With `keep_mark` the mark stays at the end of the piece (sentences); without it the mark is
/// dropped (clauses).
fn split_units(
    text: &str,
    span: Span,
    splits: impl Fn(&str, usize, char) -> bool,
    keep_mark: bool,
) -> Vec<Span> {
    let Some(unit) = text.get(span.clone()) else {
        return Vec::new();
    };
    let protected = protected_ranges(unit);
    let mut pieces = Vec::new();
    let mut piece_start = 0;
    let mut chars = unit.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !splits(unit, i, c) {
            continue;
        }
        let inside = protected.iter().find(|r| r.start < i && i < r.end);
        let end = match inside {
            // A terminator right before the closing quote ends the sentence after the quote.
            Some(r)
                if keep_mark
                    && i + c.len_utf8() + closing_len(unit, i + c.len_utf8()) == r.end
                    && introduces_speech(unit, r.start) =>
            {
                while chars.peek().is_some_and(|(j, _)| *j < r.end) {
                    chars.next();
                }
                r.end
            }
            Some(_) => continue,
            None => {
                let mut end = i + c.len_utf8();
                if keep_mark {
                    // Repeated marks (？！) stay with their sentence.
                    while let Some(&(j, next)) = chars.peek() {
                        if is_terminator(next) {
                            end = j + next.len_utf8();
                            chars.next();
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
            pieces.push(piece);
        }
        piece_start = end;
    }
    let rest = trim_span(text, span.start + piece_start..span.end);
    if !rest.is_empty() {
        pieces.push(rest);
    }
    pieces
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

/// Sentences of one paragraph span.
pub fn sentences(text: &str, paragraph: Span) -> Vec<Span> {
    split_units(text, paragraph, ends_sentence, true)
}

/// Clauses of one sentence span.
pub fn clauses(text: &str, sentence: Span) -> Vec<Span> {
    split_units(
        text,
        sentence,
        |unit, i, c| {
            if !is_clause_mark(c) {
                return false;
            }
            // 1,234 and 10:30 are not clause breaks.
            let before = unit.get(..i).and_then(|s| s.chars().next_back());
            let after = unit.get(i + 1..).and_then(|s| s.chars().next());
            !(matches!(c, ',' | ':')
                && before.is_some_and(|b| b.is_ascii_digit())
                && after.is_some_and(|a| a.is_ascii_digit()))
        },
        false,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str, spans: Vec<Span>) -> Vec<&str> {
        spans.into_iter().map(|s| &text[s]).collect()
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
    fn clauses_split_on_commas_and_enumeration_marks() {
        let text = "公众参与、专家论证,共1,234件：全部办结";
        assert_eq!(
            pieces(text, clauses(text, 0..text.len())),
            vec!["公众参与", "专家论证", "共1,234件", "全部办结"]
        );
    }
}
