//! Kind `doubled`: a Chinese character typed twice (`建建设`, `工作作`, `的的`).
//!
//! Many doubled characters are right: reduplications (人人、层层、认认真真), idioms
//! (井井有条), and a word that ends where the next begins with the same character (学习|习近平,
//! 人民|民主, 执法|法规). So a doubled character `XX` is reported only with evidence that one
//! copy is a slip, and kept silent when unsure:
//!
//! - a known reduplication or allowed sequence covering the pair (the built-in list
//!   `rules/doubled-allow.txt`, plus the rule's `allow`), an `AABB` form, a run of three or
//!   more, a numeral (二〇二二) or a non-Chinese character: silent;
//! - a word of the dictionary (`rules/doubled-words.txt`) ends at the first copy *and* one
//!   starts at the second: two words meet, silent;
//! - only one side forms a word (`建设` after `建`, `工作` before `作`): the other copy is a
//!   slip, reported with the word as the fix (`建建设` → `建设`);
//! - a function character that stands alone (的、了、是 …) doubled with no word on either side:
//!   reported (`的的` → `的`); with a word on one side it is silent (目的|的, 为了|了解);
//! - no word on either side: silent (names, rare words).
//!
//! ```text
//! rule doubled-char {
//!   message "“{match}”多了一个“{char}”字，应为“{suggestion}”"
//!   doubled allow "乐乐"
//!   pass "人人学法、层层落实，常常自查。"
//!   fail "持续推进法治治政府建设。"
//! }
//! ```

use crate::eval::search::Compiler;
use crate::eval::validate::Names;
use crate::pack::error::PackError;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::Hit;
use crate::diag::{Fix, Label};
use crate::eval::search::DocMatches;
use crate::pack::model::Spanned;
use crate::pack::values::Value;

/// Words of the field and common words, one or more a line (`#` starts a comment).
const WORDS: &str = include_str!("../../../rules/doubled-words.txt");
/// Reduplications, idioms and other sequences with a doubled character that are right.
const ALLOWED: &str = include_str!("../../../rules/doubled-allow.txt");

/// Two-character words of general Chinese (from the jieba dictionary; `rules/lexicon2.md`),
/// sorted, one a line, every line 7 bytes: searched in place.
const LEXICON2: &str = include_str!("../../../rules/lexicon2.txt");

/// Whether `a` and `b` together are a word of general Chinese.
fn lexicon_has(a: char, b: char) -> bool {
    let mut key = [0u8; 6];
    if a.len_utf8() != 3 || b.len_utf8() != 3 {
        return false;
    }
    a.encode_utf8(&mut key[..3]);
    b.encode_utf8(&mut key[3..]);
    let bytes = LEXICON2.as_bytes();
    let records = bytes.len() / 7;
    let (mut lo, mut hi) = (0, records);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match bytes[mid * 7..mid * 7 + 6].cmp(&key[..]) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Characters that stand alone as a word, so that one copy may end or start a phrase.
const ALONE: &str = "的了是在有和与及或等对把被将为向从于以由按到给让使要会能可就都也还又再才并而且但不没很更最已这那其各每该此本个次件名项人年月日天上下中内外前后里多大小新好着过地得之所来去说做用比跟同如若则即";

/// Numerals: doubled in dates and figures (二〇二二年, 一一).
const NUMERALS: &str = "〇零一二三四五六七八九十百千万亿两";

fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or_default())
        .flat_map(|l| l.split([' ', '\t', '、', '，', ',']))
        .map(str::trim)
        .filter(|w| !w.is_empty())
}

struct Dictionary {
    words: HashSet<String>,
    longest: usize,
}

static DICTIONARY: LazyLock<Dictionary> = LazyLock::new(|| {
    let words: HashSet<String> = words_of(WORDS)
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_string)
        .collect();
    let longest = words.iter().map(|w| w.chars().count()).max().unwrap_or(2);
    Dictionary { words, longest }
});

/// Allowed sequences by the doubled character they hold: the sequence and where its first
/// copy of the character stands.
type AllowIndex = HashMap<char, Vec<(Vec<char>, usize)>>;

fn index_allowed<'a>(index: &mut AllowIndex, words: impl Iterator<Item = &'a str>) {
    for word in words {
        let chars: Vec<char> = word.chars().collect();
        for k in 0..chars.len().saturating_sub(1) {
            if chars[k] == chars[k + 1] {
                index.entry(chars[k]).or_default().push((chars.clone(), k));
            }
        }
    }
}

static BUILTIN_ALLOWED: LazyLock<AllowIndex> = LazyLock::new(|| {
    let mut index = AllowIndex::new();
    index_allowed(&mut index, words_of(ALLOWED));
    index
});

#[derive(Debug, Clone)]
pub struct Compiled {
    /// The rule's own `allow` sequences.
    allow: AllowIndex,
}

/// Kind `doubled`: a Chinese character typed twice in a word (建建设, 工作作, 的的), while
/// reduplications (人人, 层层, 认认真真) and a word ending where the next begins with the same
/// character (学习习近平, 人民民主) stay silent. `allow` adds sequences that are right.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Doubled {
    pub allow: Vec<Spanned<String>>,
}

/// The names this kind gives its findings for message templates, beside captures, `let`s,
/// facts, `match` and `count`.
pub const MESSAGE_NAMES: &[&str] = &["suggestion", "char"];

/// What validation checks of a rule of this kind; the names its message may use.
pub fn validate(doubled: &Doubled, _: &mut Compiler, errors: &mut Vec<PackError>) -> Option<Names> {
    check_doubled(doubled, errors);
    Some(Names::default())
}

/// Each allowed sequence of a `doubled` rule must hold a doubled character.
fn check_doubled(doubled: &Doubled, errors: &mut Vec<PackError>) {
    for allowed in &doubled.allow {
        let chars: Vec<char> = allowed.value.chars().collect();
        if !chars.windows(2).any(|w| w[0] == w[1]) {
            errors.push(
                PackError::new(
                    crate::tr!("val-allowed-holds-no-doubled", allowed = allowed.value),
                    allowed.span.clone(),
                )
                .with_label(crate::tr!("val-nothing-allow"))
                .with_help(crate::tr!("val-list-sequences-with-character")),
            );
        }
    }
}

pub fn compile(d: &Doubled, _: &mut Compiler) -> Result<Compiled, Vec<PackError>> {
    let mut allow = AllowIndex::new();
    index_allowed(&mut allow, d.allow.iter().map(|a| a.value.as_str()));
    Ok(Compiled { allow })
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Whether an allowed sequence holding the pair `chars[i]`, `chars[i + 1]` stands there.
fn allowed_at(index: &AllowIndex, chars: &[char], i: usize) -> bool {
    index.get(&chars[i]).is_some_and(|entries| {
        entries.iter().any(|(word, k)| {
            i >= *k && chars.get(i - k..i - k + word.len()) == Some(word.as_slice())
        })
    })
}

/// The shortest dictionary word (2 characters or more) ending at `chars[i]`, by length:
/// the field's words, then two-character words of general Chinese.
fn word_ending_at(chars: &[char], i: usize) -> Option<usize> {
    if i >= 1 && is_han(chars[i - 1]) && lexicon_has(chars[i - 1], chars[i]) {
        return Some(2);
    }
    let dict = &*DICTIONARY;
    (2..=dict.longest.min(i + 1)).find(|len| {
        let word: String = chars[i + 1 - len..=i].iter().collect();
        dict.words.contains(&word)
    })
}

/// The shortest dictionary word (2 characters or more) starting at `chars[i]`, by length:
/// the field's words, then two-character words of general Chinese.
fn word_starting_at(chars: &[char], i: usize) -> Option<usize> {
    if chars.get(i + 1).is_some_and(|&n| lexicon_has(chars[i], n)) {
        return Some(2);
    }
    let dict = &*DICTIONARY;
    (2..=dict.longest.min(chars.len().saturating_sub(i))).find(|len| {
        let word: String = chars[i..i + len].iter().collect();
        dict.words.contains(&word)
    })
}

/// What to report at a doubled pair `chars[i] == chars[i + 1]`: the flagged character range
/// and its fix (the range without one copy), or `None` when the pair is right or unknown.
fn judge(d: &Compiled, chars: &[char], i: usize) -> Option<(usize, usize, usize)> {
    let c = chars[i];
    if !is_han(c) || NUMERALS.contains(c) {
        return None;
    }
    // A run of three or more, and AABB forms (认认真真, 家家户户).
    if chars.get(i + 2) == Some(&c) || (i > 0 && chars[i - 1] == c) {
        return None;
    }
    let aabb_after = chars
        .get(i + 2)
        .is_some_and(|n| chars.get(i + 3) == Some(n));
    let aabb_before = i >= 2 && chars[i - 2] == chars[i - 1];
    if aabb_after || aabb_before {
        return None;
    }
    if allowed_at(&BUILTIN_ALLOWED, chars, i) || allowed_at(&d.allow, chars, i) {
        return None;
    }
    let left = word_ending_at(chars, i);
    let right = word_starting_at(chars, i + 1);
    let alone = ALONE.contains(c);
    match (left, right) {
        (Some(_), Some(_)) => None,
        (Some(_), None) | (None, Some(_)) if alone => None,
        // A word after the pair: the first copy is the slip (建建设 → 建设).
        (None, Some(len)) => Some((i, i + 1 + len, 1)),
        // A word before the pair: the second copy is the slip (工作作 → 工作).
        (Some(len), None) => Some((i + 1 - len, i + 2, 1)),
        (None, None) if alone => Some((i, i + 2, 1)),
        (None, None) => None,
    }
}

pub fn evaluate(d: &Compiled, m: &DocMatches) -> Vec<Hit> {
    let text = m.doc.text.as_str();
    let indexed: Vec<(usize, char)> = text.char_indices().collect();
    let chars: Vec<char> = indexed.iter().map(|(_, c)| *c).collect();
    let offset = |i: usize| indexed.get(i).map_or(text.len(), |(at, _)| *at);
    let mut hits = Vec::new();
    let mut i = 0;
    while i + 1 < chars.len() {
        if chars[i] != chars[i + 1] {
            i += 1;
            continue;
        }
        let Some((from, to, _)) = judge(d, &chars, i) else {
            i += 1;
            continue;
        };
        let (start, end) = (offset(from), offset(to));
        let matched = &text[start..end];
        // The flagged text without one copy of the doubled character.
        let cut_start = offset(i);
        let cut_end = offset(i + 1);
        let fixed = format!("{}{}", &text[start..cut_start], &text[cut_end..end]);
        let mut hit = Hit::at(vec![Label::new(
            start..end,
            Some(format!("建议改为“{fixed}”")),
        )])
        .var("0", Value::Text(matched.to_string()))
        .var("match", Value::Text(matched.to_string()))
        .var("char", Value::Text(chars[i].to_string()))
        .var("suggestion", Value::Text(fixed.clone()));
        hit.fix = Some(Fix {
            offset: start,
            length: end - start,
            replacements: vec![fixed],
        });
        hits.push(hit);
        i = to.max(i + 2);
    }
    hits
}

/// How a `doubled` rule is written: `doubled [allow "…", …]` in the DSL, `doubled: true` or
/// `doubled: {allow: […]}` in YAML.
mod syntax {
    use pest::iterators::Pair;
    use serde_json::{json, Value as Json};

    use crate::pack::dsl::print::wrapped_line;
    use crate::pack::dsl::{quote, Builder, DslKind, Rule as G};
    use super::Doubled;
    use crate::pack::yaml::node::Value;
    use crate::pack::yaml::schema::reference;
    use crate::pack::yaml::write::{map, texts};
    use crate::pack::yaml::{Fields, Node, Reader, Yaml, YamlKind};

    impl DslKind for Doubled {
        const LINES: &'static [G] = &[G::doubled];

        fn dsl_build(b: &mut Builder<'_>, pair: Pair<'_, G>) -> Option<Self> {
            let mut allow = Some(Vec::new());
            if let Some(list) = pair.into_inner().find(|p| p.as_rule() == G::doubled_allow) {
                let items: Vec<_> = list
                    .into_inner()
                    .filter(|p| p.as_rule() == G::string)
                    .map(|s| b.string(s))
                    .collect();
                allow = items.into_iter().collect();
            }
            Some(Doubled { allow: allow? })
        }

        fn dsl_print(&self, out: &mut String) {
            if self.allow.is_empty() {
                wrapped_line(out, 1, "doubled");
            } else {
                let allow: Vec<String> = self.allow.iter().map(|a| quote(a)).collect();
                wrapped_line(out, 1, &format!("doubled allow {}", allow.join(", ")));
            }
        }
    }

    impl YamlKind for Doubled {
        /// `doubled: true`, or `doubled: {allow: [...]}`.
        fn yaml_read(r: &mut Reader<'_>, node: &Node, _: &Fields<'_>) -> Option<Self> {
            match &node.value {
                Value::Bool(true) | Value::Null => Some(Doubled::default()),
                Value::Map(_) => {
                    let fields = r.fields(node, &["allow"], "`doubled`")?;
                    let allow = fields
                        .get("allow")
                        .map_or_else(Vec::new, |n| r.text_list(n, "`allow`"));
                    Some(Doubled { allow })
                }
                _ => {
                    r.wrong_type(node, "`doubled`", "`true`, or a map with `allow:`");
                    None
                }
            }
        }

        fn yaml_write(&self, entries: &mut Vec<(&'static str, Yaml)>) {
            let body = if self.allow.is_empty() {
                Yaml::Bool(true)
            } else {
                map(vec![("allow", texts(&self.allow))])
            };
            entries.push(("doubled", body));
        }

        fn yaml_schema() -> Json {
            json!({
                "anyOf": [
                    { "const": true },
                    { "type": "null" },
                    {
                        "type": "object",
                        "properties": { "allow": reference("texts") },
                        "additionalProperties": false
                    }
                ]
            })
        }

        fn yaml_description() -> String {
            crate::i18n::text("schema-kind-doubled", &[])
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::eval::kinds::testing::{findings, flagged};

    const RULE: &str =
        r#"rule r { message "“{match}”多了一个“{char}”字，应为“{suggestion}”" doubled }"#;

    #[test]
    fn words_of_general_chinese_meeting_stay_silent() {
        // 路政, 议程, 作风 are words outside the field's list; 宣传传 still has no word after it.
        let text =
            "统一行使公路路政、道路运输执法职权，会议议程，转变工作作风。深入开展普法宣传传活动。";
        assert_eq!(flagged(RULE, text), ["宣传传"]);
    }

    #[test]
    fn slips_are_flagged_with_the_word_as_fix() {
        let text = "加强建建设，做好工作作。明确工作的的要求。推进法法治政府建设。";
        assert_eq!(flagged(RULE, text), ["建建设", "工作作", "的的", "法法治"]);
        let found = findings(RULE, text);
        assert_eq!(found[0].message, "“建建设”多了一个“建”字，应为“建设”");
        assert_eq!(
            found[1].fix.as_ref().map(|f| f.replacements.clone()),
            Some(vec!["工作".to_string()])
        );
    }

    #[test]
    fn reduplications_and_word_boundaries_stay_silent() {
        let text = "形成人人参与、层层落实、件件有回音的格局，认认真真、扎扎实实抓落实。\
                    传达学习习近平法治思想，发展全过程人民民主，完善行政执法法规体系，\
                    落实会议议定事项，研究问题题目，目的的实现，为了了解情况，二〇二二年。";
        assert_eq!(flagged(RULE, text), Vec::<String>::new());
    }

    #[test]
    fn allow_adds_sequences() {
        let rule = r#"rule r { message "m" doubled allow "建建设" }"#;
        assert!(flagged(rule, "加强建建设。").is_empty());
    }
}
