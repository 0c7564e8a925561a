//! Syntax errors: a pest error turned into a [`PackError`] that reads as a sentence.
//!
//! pest reports the furthest position it reached and the grammar rules it tried there. This
//! module names those rules for a reader of rule packs (`rule_name`), folds the long list of
//! rule-line keywords into one phrase, drops end-of-input, says what was found instead, and
//! keeps positions as byte offsets into the whole file, which stay right on Chinese text.
//! Two slips get a sentence of their own instead of a list of expected tokens: full-width
//! punctuation typed on a Chinese keyboard ("full-width character “：” where a half-width “:”
//! is expected", at the character) and a rule whose `}` is missing ("rule `X` is not closed",
//! at its `{`, with the place where the next rule starts).

use std::borrow::Cow;

use pest::error::{Error, ErrorVariant, InputLocation};

use super::DslCheck;
use super::Rule;
use crate::model::text::suggest;
use crate::pack::error::PackError;

/// Grammar rules that start a line inside `rule … { }`, besides the kinds' lines ([`Kinds`]).
const RULE_LINES: &[Rule] = &[
    Rule::severity,
    Rule::message,
    Rule::help,
    Rule::reference,
    Rule::tags,
    Rule::once_per_file,
    Rule::example,
    Rule::let_binding,
    Rule::assertion,
];

/// Keywords that start a line inside `rule … { }`.
const RULE_LINE_KEYWORDS: &[Rule] = &[
    Rule::kw_severity,
    Rule::kw_message,
    Rule::kw_help,
    Rule::kw_reference,
    Rule::kw_tags,
    Rule::kw_once,
    Rule::kw_pass,
    Rule::kw_fail,
    Rule::kw_let,
];

/// Whether a grammar rule is a keyword that starts a rule line: a line above, or the first
/// word of a kind (from the kind list).
fn is_rule_line_keyword(rule: Rule, kinds: &Kinds) -> bool {
    RULE_LINE_KEYWORDS.contains(&rule)
        || keyword_text(rule, kinds).is_some_and(|k| kinds.first_words().any(|w| w == k))
}

/// The kinds' lines: their grammar rules and the words that start them, in the order of the
/// kind list ([`DslCheck::line_rules`], [`DslCheck::keywords`]). Empty for an expression.
#[derive(Default)]
pub struct Kinds {
    rules: Vec<Rule>,
    keywords: Vec<&'static str>,
}

impl Kinds {
    pub fn of<C: DslCheck>() -> Kinds {
        Kinds {
            rules: C::line_rules(),
            keywords: C::keywords(),
        }
    }

    /// The first word of each kind (`match` of `match statement`).
    fn first_words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.keywords
            .iter()
            .map(|words| words.split(' ').next().unwrap_or(words))
    }

    /// The words of the kind whose line `rule` is.
    fn keyword_of(&self, rule: Rule) -> Option<&'static str> {
        let at = self.rules.iter().position(|r| *r == rule)?;
        self.keywords.get(at).copied()
    }
}

/// Grammar rules and keywords that start a line of the pack outside rules.
const PACK_LINE_KEYWORDS: &[Rule] = &[
    Rule::pack_name,
    Rule::version,
    Rule::description,
    Rule::extends,
    Rule::disable,
    Rule::severity_override,
    Rule::rule_def,
    Rule::kw_pack,
    Rule::kw_version,
    Rule::kw_description,
    Rule::kw_extends,
    Rule::kw_disable,
    Rule::kw_override,
    Rule::kw_rule,
];

/// The pest error of parsing `src` (which starts at byte `base` of the pack file).
pub fn syntax_error(error: &Error<Rule>, src: &str, base: usize, kinds: &Kinds) -> PackError {
    let mut at = match error.location {
        InputLocation::Pos(at) => at,
        InputLocation::Span((start, _)) => start,
    };
    let original_at = at;
    let mut tokens: Vec<String> = Vec::new();
    let mut positives_at_max: Vec<Rule> = Vec::new();
    // The detailed attempts also know literal tokens (`,` `)` `}`), which plain positives
    // leave out; with them the error sits where the text actually went wrong.
    if let Some(attempts) = error.parse_attempts() {
        let literals: Vec<String> = attempts
            .expected_tokens()
            .into_iter()
            .map(|token| token.to_string())
            .filter(|token| is_literal(token) && !is_layout(token))
            .collect();
        if attempts.max_position > at {
            // The text went wrong at a literal (`,` `)` `|`) that plain positives never name.
            at = attempts.max_position;
            tokens = literals;
            if tokens.is_empty() {
                positives_at_max = attempts
                    .call_stacks()
                    .into_iter()
                    .filter_map(|stack| stack.deepest.get_rule().copied())
                    .collect();
            }
        } else if attempts.max_position == at {
            // Same place: the rules say it best; add the closing marks they cannot name.
            tokens = literals
                .into_iter()
                .filter(|token| matches!(token.as_str(), "}" | ")" | ","))
                .collect();
        }
    }
    if let Some(error) = full_width_at(src, at, base) {
        return error;
    }
    if let Some(error) = unclosed_rule(src, at, base) {
        return error;
    }
    let (found, found_len) = describe_found(src, at);
    let span = if src.get(at..).is_some_and(|rest| rest.trim().is_empty()) {
        // miette cannot show a label past the last line: point at the last written character.
        let written = src.trim_end();
        let last = written.chars().next_back().map_or(0, char::len_utf8);
        base + written.len() - last..base + written.len()
    } else {
        base + at..base + at + found_len
    };
    match &error.variant {
        ErrorVariant::ParsingError {
            positives,
            negatives,
        } => {
            let rules = if positives_at_max.is_empty() && !tokens.is_empty() && at > original_at {
                Vec::new()
            } else if positives_at_max.is_empty() {
                positives.clone()
            } else {
                positives_at_max
            };
            let (expected, keywords) = expected_phrases(&rules, &tokens, kinds);
            let mut message = if !expected.is_empty() {
                crate::tr!(
                    "syntax-expected-found",
                    expected = join_or(&expected),
                    found = found
                )
            } else if !negatives.is_empty() {
                let unexpected: Vec<String> = negatives
                    .iter()
                    .map(|r| rule_words(&rule_name(*r, kinds)))
                    .collect();
                crate::tr!(
                    "syntax-unexpected-unexpected",
                    unexpected = join_or(&unexpected)
                )
            } else {
                crate::tr!("syntax-unexpected-found", found = found)
            };
            if message.is_empty() {
                message = crate::tr!("syntax-error");
            }
            let mut pack_error = PackError::new(message, span).with_label(label(&expected, &found));
            if let Some(keyword) = closest_keyword(src, at, &keywords, kinds) {
                pack_error = pack_error
                    .with_help(crate::tr!("syntax-did-you-mean-keyword", keyword = keyword));
            }
            pack_error
        }
        // pest stops before the stack runs out; brackets are measured before pest runs, so
        // this is only reached by text nested in a way that measure does not see.
        ErrorVariant::CustomError { message } if message.contains("limit reached") => {
            PackError::new(crate::tr!("syntax-pack-nested-too-deeply"), span)
                .with_label(crate::tr!("syntax-nested-too-deeply-here"))
                .with_help(crate::tr!("syntax-flatten-nesting-fewer-brackets"))
        }
        ErrorVariant::CustomError { message } => PackError::new(message.clone(), span),
    }
}

/// Full-width punctuation typed on a Chinese keyboard where the language wants ASCII, with the
/// ASCII character meant. Outside strings none of them has a meaning of its own, so the one
/// the parser stopped at is named as such instead of a list of expected tokens. (`90％` after a
/// number is accepted by the grammar; a full-width quote is not taken as a string delimiter,
/// since “…” is ordinary text inside Chinese messages.)
const FULL_WIDTH: &[(char, char)] = &[
    ('：', ':'),
    ('“', '"'),
    ('”', '"'),
    ('（', '('),
    ('）', ')'),
    ('，', ','),
    ('％', '%'),
    ('；', ';'),
    ('｛', '{'),
    ('｝', '}'),
    ('｜', '|'),
    ('＝', '='),
    ('＜', '<'),
    ('＞', '>'),
    ('＋', '+'),
    ('－', '-'),
    ('／', '/'),
];

/// The error for a full-width character at `at` (where the parser stopped), if there is one.
fn full_width_at(src: &str, at: usize, base: usize) -> Option<PackError> {
    let found = src.get(at..)?.chars().next()?;
    let &(full, half) = FULL_WIDTH.iter().find(|(full, _)| *full == found)?;
    let error = crate::pack::pattern::full_width_error(full, half, base + at);
    Some(match full {
        '：' => error.with_help(crate::tr!("dsl-keyword-colon-help")),
        '“' | '”' => error.with_help(crate::tr!("dsl-full-width-quotes-help")),
        _ => error,
    })
}

/// "rule `X` is not closed": the parser stopped at the next `rule` (or the end of the file)
/// while a rule's `{` was still open. Said at that `{`, with the place the parser stopped,
/// instead of a list of rule lines expected at the next rule.
fn unclosed_rule(src: &str, at: usize, base: usize) -> Option<PackError> {
    let rest = src.get(at..)?;
    let at_end = rest.trim().is_empty();
    let at_rule = rest.starts_with("rule") && !rest[4..].starts_with(|c: char| is_word_char(c));
    if !at_end && !at_rule {
        return None;
    }
    let (id, open) = open_rule_before(&src[..at])?;
    let error = PackError::new(
        crate::tr!("dsl-rule-not-closed", id = id),
        base + open..base + open + 1,
    )
    .with_label(crate::tr!("dsl-rule-not-closed-label"))
    .with_help(crate::tr!("dsl-rule-not-closed-help", id = id));
    Some(if at_end {
        let written = src.trim_end();
        let last = written.chars().next_back().map_or(0, char::len_utf8);
        let end = base + written.len();
        error.with_also(end - last..end, crate::tr!("dsl-file-ends-here"))
    } else {
        error.with_also(
            base + at..base + at + 4,
            crate::tr!("dsl-next-rule-starts-here"),
        )
    })
}

/// The id and the byte offset of the `{` of the last rule of `src` still open at its end.
/// Strings, regexes and comments are skipped, so braces inside them do not count.
fn open_rule_before(src: &str) -> Option<(String, usize)> {
    let mut open: Option<(String, usize)> = None;
    let mut depth = 0usize;
    let mut chars = src.char_indices().peekable();
    let mut last_word = String::new();
    let mut previous_word = String::new();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                // A string (or `"""…"""`): up to the closing quote on the line.
                if src[i..].starts_with("\"\"\"") {
                    let end = src[i + 3..]
                        .find("\"\"\"")
                        .map_or(src.len(), |e| i + 3 + e + 3);
                    while chars.peek().is_some_and(|(j, _)| *j < end) {
                        chars.next();
                    }
                } else {
                    while let Some((_, c)) = chars.next() {
                        match c {
                            '\\' => {
                                chars.next();
                            }
                            '"' | '\n' => break,
                            _ => {}
                        }
                    }
                }
            }
            '/' if src[i..].starts_with("//") => {
                while chars.peek().is_some_and(|(_, c)| *c != '\n') {
                    chars.next();
                }
            }
            '#' => {
                while chars.peek().is_some_and(|(_, c)| *c != '\n') {
                    chars.next();
                }
            }
            '{' => {
                if depth == 0 && previous_word == "rule" {
                    open = Some((last_word.clone(), i));
                }
                depth += 1;
            }
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    open = None;
                }
            }
            c if is_word_char(c) || c == '.' => {
                let start = i;
                let mut end = i + c.len_utf8();
                while let Some(&(j, c)) = chars.peek() {
                    if !(is_word_char(c) || c == '.') {
                        break;
                    }
                    end = j + c.len_utf8();
                    chars.next();
                }
                previous_word = std::mem::take(&mut last_word);
                last_word = src[start..end].to_string();
            }
            c if c.is_whitespace() => {}
            _ => {
                previous_word.clear();
                last_word.clear();
            }
        }
    }
    open.filter(|_| depth > 0)
}

/// Whether a displayed pest token is a literal of the grammar. pest does not export its token
/// type, so character ranges (`0..9`) and built-in rules are recognised by their display.
fn is_literal(token: &str) -> bool {
    let chars: Vec<char> = token.chars().collect();
    let is_range = chars.len() == 4 && chars.get(1..3) == Some(&['.', '.'][..]);
    !is_range && token != "BUILTIN_RULE"
}

/// Tokens of the layout (spaces, comments) that are allowed everywhere, so never worth naming.
fn is_layout(token: &str) -> bool {
    matches!(token, " " | "\t" | "\r" | "\n" | "\u{FEFF}" | "//" | "#")
}

fn label(expected: &[String], found: &str) -> String {
    if found == crate::tr!("syntax-end-of-file") {
        return crate::tr!("syntax-file-ends-after-this");
    }
    match expected {
        [only] => crate::tr!("syntax-expected-only-here", only = only),
        _ => crate::tr!("syntax-unexpected-here"),
    }
}

/// Readable phrases for the expected rules, and the keywords among them (for "did you mean").
fn expected_phrases(
    positives: &[Rule],
    tokens: &[String],
    kinds: &Kinds,
) -> (Vec<String>, Vec<String>) {
    let mut phrases: Vec<String> = Vec::new();
    let mut keywords: Vec<String> = tokens
        .iter()
        .filter(|token| token.chars().all(|c| c.is_ascii_lowercase()))
        .cloned()
        .collect();
    let is_rule_line = |r: &Rule| {
        RULE_LINES.contains(r) || kinds.rules.contains(r) || is_rule_line_keyword(*r, kinds)
    };
    let rule_lines = positives.iter().filter(|r| is_rule_line(r)).count();
    let pack_lines = positives
        .iter()
        .filter(|r| PACK_LINE_KEYWORDS.contains(r))
        .count();
    let mut push = |phrase: String| {
        if !phrases.contains(&phrase) {
            phrases.push(phrase);
        }
    };
    for &rule in positives {
        if rule == Rule::EOI {
            continue;
        }
        if let Some(keyword) = keyword_text(rule, kinds) {
            keywords.push(keyword);
        }
        if rule_lines > 2 && is_rule_line(&rule) {
            push(crate::tr!("syntax-a-rule-line"));
        } else if pack_lines > 2 && PACK_LINE_KEYWORDS.contains(&rule) {
            push(crate::tr!("syntax-a-pack-line"));
        } else {
            push(rule_words(&rule_name(rule, kinds)));
        }
    }
    for token in tokens {
        let is_keyword = token.chars().all(|c| c.is_ascii_lowercase());
        let phrase = format!("`{token}`");
        if !(is_keyword && (rule_lines > 2 || pack_lines > 2)) && !phrases.contains(&phrase) {
            phrases.push(phrase);
        }
    }
    (phrases, keywords)
}

/// "a, b or c".
fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => crate::tr!(
            "syntax-or",
            rest = rest.join(&crate::tr!("list-comma")),
            last = last
        ),
    }
}

/// What stands at `at`, for "found …", and its length in bytes for the label.
fn describe_found(src: &str, at: usize) -> (String, usize) {
    let rest = src.get(at..).unwrap_or("");
    let Some(first) = rest.chars().next() else {
        return (crate::tr!("syntax-end-of-file"), 0);
    };
    if first == '\n' || first == '\r' {
        return (crate::tr!("syntax-end-of-line"), 0);
    }
    if first == '"' {
        return (crate::tr!("syntax-a-string"), first.len_utf8());
    }
    if is_word_char(first) {
        let word: String = rest
            .chars()
            .take_while(|&c| is_word_char(c))
            .take(30)
            .collect();
        return (format!("`{word}`"), word.len());
    }
    (format!("`{first}`"), first.len_utf8())
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// The keyword the word at `at` was probably meant to be.
fn closest_keyword(src: &str, at: usize, keywords: &[String], kinds: &Kinds) -> Option<String> {
    let rest = src.get(at..)?;
    let word: String = rest.chars().take_while(|&c| is_word_char(c)).collect();
    if word.is_empty() || !word.is_ascii() {
        return None;
    }
    let mut candidates: Vec<String> = keywords.to_vec();
    if keywords.iter().any(|k| k == "message" || k == "require") {
        let rule_lines = RULE_LINE_KEYWORDS
            .iter()
            .filter_map(|r| keyword_text(*r, kinds));
        candidates.extend(rule_lines.chain(kinds.first_words().map(str::to_string)));
    }
    // The word itself is a keyword, only not one that can stand here.
    let others = candidates.iter().map(String::as_str).filter(|k| *k != word);
    suggest(&word, others).map(str::to_string)
}

/// A grammar rule's name ([`rule_name`]) in the current language; keywords stay as written.
fn rule_words(name: &str) -> String {
    let key = match name {
        "the end of the file" => "syntax-end-of-file",
        "a space" => "syntax-phrase-1",
        "a comment" => "syntax-phrase-2",
        "a rule pack" => "syntax-phrase-3",
        "`rule` or a pack line" => "syntax-phrase-4",
        "a rule line" => "syntax-phrase-5",
        "text to look for" => "syntax-phrase-6",
        "a value" => "syntax-phrase-7",
        "an operator" => "syntax-phrase-8",
        "a letter or digit" => "syntax-phrase-9",
        "a rule id" => "syntax-phrase-10",
        "`pass` or `fail`" => "syntax-phrase-11",
        "a section (`\"name\" = …`)" => "syntax-phrase-12",
        "`{` with a list of terms" => "syntax-phrase-13",
        "a term (`\"wrong\" -> \"right\"`)" => "syntax-phrase-14",
        "text to look for (a string, `/regex/`, `pattern`, `any(`, `all(` or `none(`)" => {
            "syntax-phrase-15"
        }
        "an expression" => "syntax-phrase-16",
        "a comparison (`<`, `<=`, `>`, `>=`, `==`, `!=`)" => "syntax-phrase-17",
        "a tolerance (e.g. `1%`)" => "syntax-phrase-18",
        "a percentage" => "syntax-phrase-19",
        "a number" => "syntax-phrase-20",
        "a document fact" => "syntax-phrase-21",
        "a function call" => "syntax-phrase-22",
        "a name" => "syntax-phrase-23",
        "a keyword" => "syntax-phrase-24",
        "a word" => "syntax-phrase-25",
        "a string" => "syntax-a-string",
        "string text" => "syntax-phrase-26",
        "an escape" => "syntax-phrase-27",
        "a regex `/…/`" => "syntax-phrase-28",
        "regex text" => "syntax-phrase-29",
        other => return other.to_string(),
    };
    crate::i18n::text(key, &[])
}

/// The keyword a `kw_*` rule matches.
fn keyword_text(rule: Rule, kinds: &Kinds) -> Option<String> {
    rule_name(rule, kinds)
        .strip_prefix('`')
        .and_then(|name| name.strip_suffix('`'))
        .filter(|name| name.chars().all(|c| c.is_ascii_lowercase()))
        .map(str::to_string)
}

/// How a grammar rule is called in an error message. A kind's line is called by the words
/// that start it; a rule not named here by what it reads as: `kw_NAME` as `` `NAME` ``,
/// another as its name in backquotes, `_` read as a space.
pub fn rule_name(rule: Rule, kinds: &Kinds) -> Cow<'static, str> {
    if let Some(words) = kinds.keyword_of(rule) {
        return Cow::Owned(format!("`{words}`"));
    }
    let name = match rule {
        Rule::EOI => "the end of the file",
        Rule::WHITESPACE => "a space",
        Rule::COMMENT => "a comment",
        Rule::pack => "a rule pack",
        Rule::pack_item => "`rule` or a pack line",
        Rule::rule_item => "a rule line",
        Rule::require_body | Rule::condition | Rule::matcher_atom | Rule::matcher_list => {
            "text to look for"
        }
        Rule::logic_prefix | Rule::arith_prefix | Rule::operand => "a value",
        Rule::logic_infix | Rule::arith_infix => "an operator",
        Rule::ident_char => "a letter or digit",
        Rule::pack_name => "`pack \"name\"`",
        Rule::version => "`version \"…\"`",
        Rule::description => "`description \"…\"`",
        Rule::extends => "`extends \"…\"`",
        Rule::disable => "`disable \"…\"`",
        Rule::severity_override => "`override \"pack/rule\" severity …`",
        Rule::rule_def => "`rule`",
        Rule::rule_id => "a rule id",
        Rule::severity => "`severity`",
        Rule::message => "`message`",
        Rule::help => "`help`",
        Rule::reference => "`reference`",
        Rule::tags => "`tags`",
        Rule::once_per_file => "`once per file`",
        Rule::example => "`pass` or `fail`",
        Rule::at_least => "`at least`",
        Rule::unless => "`unless`",
        Rule::suggest => "`suggest`",
        Rule::statement_subject => "`subject`",
        Rule::let_binding => "`let`",
        Rule::assertion => "`assert`",
        Rule::require_then => "`require`",
        Rule::match_condition => "`match`",
        Rule::mention_condition => "text to look for",
        Rule::ordered => "`ordered`",
        Rule::section_spec => "a section (`\"name\" = …`)",
        Rule::terms_file => "`file \"…\"`",
        Rule::terms_list => "`{` with a list of terms",
        Rule::term_entry => "a term (`\"wrong\" -> \"right\"`)",
        Rule::term_unless => "`unless`",
        Rule::term_arrow => "`->`",
        Rule::doubled_allow => "`allow`",
        Rule::matcher => {
            "text to look for (a string, `/regex/`, `pattern`, `any(`, `all(` or `none(`)"
        }
        Rule::pattern => "`pattern \"…\"`",
        Rule::any_of => "`any(`",
        Rule::all_of => "`all(`",
        Rule::none_of => "`none(`",
        Rule::year_of => "`year(`",
        Rule::scope => "`in`",
        Rule::scope_document => "`document`",
        Rule::scope_section => "`section`",
        Rule::scope_heading => "`heading`",
        Rule::scope_paragraph => "`paragraph`",
        Rule::scope_sentence => "`sentence`",
        Rule::scope_title => "`title`",
        Rule::scope_body => "`body`",
        Rule::expr_only | Rule::expr => "an expression",
        Rule::op_not => "`not`",
        Rule::op_and => "`and`",
        Rule::op_or => "`or`",
        Rule::comparison => "an expression",
        Rule::approx_tail => "`~=`",
        Rule::compare_tail | Rule::compare_op => "a comparison (`<`, `<=`, `>`, `>=`, `==`, `!=`)",
        Rule::tolerance => "a tolerance (e.g. `1%`)",
        Rule::arith => "an expression",
        Rule::op_neg => "`-`",
        Rule::op_add => "`+`",
        Rule::op_sub => "`-`",
        Rule::op_mul => "`*`",
        Rule::op_div => "`/`",
        Rule::percent => "a percentage",
        Rule::number => "a number",
        Rule::fact => "a document fact",
        Rule::call => "a function call",
        Rule::name => "a name",
        Rule::reserved => "a keyword",
        Rule::word => "a word",
        Rule::string | Rule::closed_string | Rule::unterminated_string => "a string",
        Rule::string_content => "string text",
        Rule::escape => "an escape",
        Rule::long_string => "a string",
        Rule::long_content => "string text",
        Rule::regex => "a regex `/…/`",
        Rule::regex_content => "regex text",
        Rule::kw_pack => "`pack`",
        Rule::kw_version => "`version`",
        Rule::kw_description => "`description`",
        Rule::kw_extends => "`extends`",
        Rule::kw_disable => "`disable`",
        Rule::kw_override => "`override`",
        Rule::kw_rule => "`rule`",
        Rule::kw_severity => "`severity`",
        Rule::kw_message => "`message`",
        Rule::kw_help => "`help`",
        Rule::kw_reference => "`reference`",
        Rule::kw_tags => "`tags`",
        Rule::kw_once => "`once`",
        Rule::kw_per => "`per`",
        Rule::kw_file => "`file`",
        Rule::kw_pass => "`pass`",
        Rule::kw_fail => "`fail`",
        Rule::kw_require => "`require`",
        Rule::kw_at => "`at`",
        Rule::kw_least => "`least`",
        Rule::kw_unless => "`unless`",
        Rule::kw_suggest => "`suggest`",
        Rule::kw_match => "`match`",
        Rule::kw_let => "`let`",
        Rule::kw_assert => "`assert`",
        Rule::kw_on => "`on`",
        Rule::kw_when => "`when`",
        Rule::kw_if => "`if`",
        Rule::kw_ordered => "`ordered`",
        Rule::kw_allow => "`allow`",
        Rule::kw_pattern => "`pattern`",
        Rule::kw_any => "`any`",
        Rule::kw_all => "`all`",
        Rule::kw_none => "`none`",
        Rule::kw_in => "`in`",
        Rule::kw_document => "`document`",
        Rule::kw_section => "`section`",
        Rule::kw_heading => "`heading`",
        Rule::kw_paragraph => "`paragraph`",
        Rule::kw_sentence => "`sentence`",
        Rule::kw_title => "`title`",
        Rule::kw_body => "`body`",
        Rule::kw_of => "`of`",
        Rule::kw_within => "`within`",
        Rule::kw_relative => "`relative`",
        Rule::kw_statement => "`statement`",
        Rule::kw_subject => "`subject`",
        Rule::kw_points => "`points`",
        Rule::kw_exactly => "`exactly`",
        Rule::kw_year => "`year`",
        other => {
            let name = format!("{other:?}");
            let words = match name.strip_prefix("kw_") {
                Some(keyword) => keyword.to_string(),
                None => name.replace('_', " "),
            };
            return Cow::Owned(format!("`{words}`"));
        }
    };
    Cow::Borrowed(name)
}
