//! Kind `halfwidth`: half-width punctuation in Chinese running text (GB/T 15834).
//!
//! A listed half-width character is flagged when a Chinese character or full-width mark
//! stands right before or after it (`2023年,在` `(一)`), but not between Latin letters or
//! digits (`1,234`, `12:30`, URLs). The fix is the full-width form. Usually written with
//! `once per file`, so a report typed on an English keyboard gets one finding with a count.
//!
//! ```text
//! rule halfwidth-punctuation {
//!   message "中文正文中用了半角标点“{mark}”"
//!   halfwidth ",;:()" once per file
//!   pass "全年受理案件120件，办结118件。"
//!   fail "全年受理案件120件,办结118件。"
//! }
//! ```

use super::Hit;
use crate::diag::{Fix, Label};
use crate::eval::search::Compiler;
use crate::eval::search::DocMatches;
use crate::eval::validate::Names;
use crate::pack::error::PackError;
use crate::pack::model::Spanned;
use crate::pack::values::Value;

#[derive(Debug, Clone)]
pub struct Compiled {
    pub chars: Vec<char>,
}

/// Kind `halfwidth`: these half-width characters must not stand in Chinese running text
/// (a CJK character on at least one side).
#[derive(Clone, Debug, PartialEq)]
pub struct HalfWidth {
    pub chars: Spanned<String>,
}

/// The names this kind gives its findings for message templates, beside captures, `let`s,
/// facts, `match` and `count`.
pub const MESSAGE_NAMES: &[&str] = &["mark"];

/// What validation checks of a rule of this kind; the names its message may use.
pub fn validate(
    halfwidth: &HalfWidth,
    _: &mut Compiler,
    errors: &mut Vec<PackError>,
) -> Option<Names> {
    if halfwidth.chars.value.is_empty() {
        errors.push(
            PackError::new(
                crate::tr!("val-no-half-width-characters"),
                halfwidth.chars.span.clone(),
            )
            .with_label(crate::tr!("val-list-characters-flag-e")),
        );
    }
    Some(Names::default())
}

pub fn compile(h: &HalfWidth, _: &mut Compiler) -> Result<Compiled, Vec<PackError>> {
    Ok(Compiled {
        chars: h.chars.value.chars().collect(),
    })
}

/// A Chinese character, or a full-width punctuation mark.
pub fn is_chinese(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F   // CJK symbols and punctuation
        | 0x3400..=0x4DBF // extension A
        | 0x4E00..=0x9FFF // unified ideographs
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0xFF01..=0xFF60 // full-width forms
        | 0x2018..=0x201F // curly quotes used as Chinese quotes
        | 0x2026          // …
        | 0x2014          // —
        | 0x20000..=0x2FA1F)
}

pub fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '(' => '（',
        ')' => '）',
        '?' => '？',
        '!' => '！',
        '.' => '。',
        _ => return None,
    })
}

pub fn evaluate(h: &Compiled, m: &DocMatches) -> Vec<Hit> {
    let text = m.doc.text.as_str();
    let mut hits = Vec::new();
    for (i, c) in marks_in(h, text) {
        let prev = text.get(..i).and_then(|before| before.chars().next_back());
        let rest = text.get(i + c.len_utf8()..).unwrap_or_default();
        let mut following = rest.chars();
        let next = following.next();
        // `)` after `(一` counts as Chinese context too: look through one ASCII space.
        let before = prev.is_some_and(is_chinese);
        let after = next.is_some_and(is_chinese)
            || (next == Some(' ') && following.next().is_some_and(is_chinese));
        if before || after {
            let mut hit = Hit::at(vec![Label::new(
                i..i + c.len_utf8(),
                full_width(c).map(|f| format!("应为全角“{f}”")),
            )])
            .var("mark", Value::Text(c.to_string()));
            if let Some(f) = full_width(c) {
                hit.fix = Some(Fix {
                    offset: i,
                    length: c.len_utf8(),
                    replacements: vec![f.to_string()],
                });
            }
            hits.push(hit);
        }
    }
    hits
}

/// Where the listed marks stand in `text`, in order. Half-width marks are ASCII, so the
/// text is scanned byte by byte (no ASCII byte occurs inside a multi-byte character);
/// any other listed character needs the slower scan by character.
fn marks_in<'t>(h: &'t Compiled, text: &'t str) -> Box<dyn Iterator<Item = (usize, char)> + 't> {
    if h.chars.iter().all(char::is_ascii) {
        let mut listed = [false; 128];
        for c in &h.chars {
            listed[*c as usize] = true;
        }
        Box::new(
            text.bytes()
                .enumerate()
                .filter(move |(_, b)| b.is_ascii() && listed[*b as usize])
                .map(|(i, b)| (i, b as char)),
        )
    } else {
        Box::new(text.char_indices().filter(|(_, c)| h.chars.contains(c)))
    }
}

/// How a `halfwidth` rule is written: `halfwidth ",;:"` in the DSL, `halfwidth: ",;:"` in
/// YAML.
mod syntax {
    use pest::iterators::Pair;
    use serde_json::Value as Json;

    use crate::pack::dsl::print::wrapped_line;
    use crate::pack::dsl::{quote, Builder, DslKind, Rule as G};
    use super::HalfWidth;
    use crate::pack::yaml::schema::reference;
    use crate::pack::yaml::write::text;
    use crate::pack::yaml::{Fields, Node, Reader, Yaml, YamlKind};

    impl DslKind for HalfWidth {
        const LINES: &'static [G] = &[G::halfwidth];

        fn dsl_build(b: &mut Builder<'_>, pair: Pair<'_, G>) -> Option<Self> {
            let chars = b.keyword_string(pair)?;
            Some(HalfWidth { chars })
        }

        fn dsl_print(&self, out: &mut String) {
            wrapped_line(out, 1, &format!("halfwidth {}", quote(&self.chars)))
        }
    }

    impl YamlKind for HalfWidth {
        fn yaml_read(r: &mut Reader<'_>, body: &Node, _: &Fields<'_>) -> Option<Self> {
            r.text(body, "`halfwidth`").map(|chars| HalfWidth { chars })
        }

        fn yaml_write(&self, entries: &mut Vec<(&'static str, Yaml)>) {
            entries.push(("halfwidth", text(&self.chars)))
        }

        fn yaml_schema() -> Json {
            reference("text")
        }

        fn yaml_description() -> String {
            crate::i18n::text("schema-kind-halfwidth", &[])
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::eval::kinds::testing::{findings, flagged};

    const COMMAS: &str =
        r#"rule r { message "{count}处半角标点" halfwidth ",;:()" once per file }"#;
    const EACH: &str = r#"rule r { message "半角“{mark}”" halfwidth ",:()" }"#;

    #[test]
    fn flags_half_width_marks_next_to_chinese() {
        assert_eq!(
            flagged(EACH, "2024年,在县委领导下(一)坚持"),
            [",", "(", ")"]
        );
    }

    #[test]
    fn leaves_numbers_and_latin_text_alone() {
        assert!(flagged(EACH, "共1,234件，时间12:30，网址 http://example.org/a,b").is_empty());
    }

    #[test]
    fn once_per_file_folds_all_occurrences_into_one_finding() {
        let found = findings(COMMAS, "甲,乙,丙,丁,戊,己,庚。");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "6处半角标点");
        assert_eq!(found[0].labels.len(), 5);
        assert_eq!(found[0].folded, 1);
        assert_eq!(found[0].folded_labels.len(), 1);
        // Every occurrence keeps its fix, for `--fix`.
        assert!(found[0].fix.is_some());
        assert_eq!(found[0].folded_fixes.len(), 5);
    }
}
