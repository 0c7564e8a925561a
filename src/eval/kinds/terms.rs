//! Kind `terms`: a list of wrong phrases, each with its right form.
//!
//! All phrases are found in one Aho-Corasick pass, the longest phrase first at each place and
//! no two findings overlapping (`法制政府建设` is one finding for `法制政府`, not also one for
//! `法制`). An occurrence overlapped by one of its entry's `unless` texts is right and not
//! reported (`"申述" -> "申诉" unless "申述理由"`). Each finding carries the replacement as a
//! fix, so `check --fix` applies it; the message may name `{match}`, `{phrase}` and
//! `{suggestion}`.
//!
//! ```text
//! rule terms {
//!   message "“{match}”应为“{suggestion}”"
//!   terms { "法制政府" -> "法治政府" }
//!   pass "加快建设法治政府。"
//!   fail "加快建设法制政府。"
//! }
//! rule county-terms {
//!   message "“{match}”应为“{suggestion}”"
//!   terms file "terms.csv"
//!   pass "开展法治宣传教育活动。"
//!   fail "开展法治宣传教肓活动。"
//! }
//! ```

use crate::eval::search::Compiler;
use crate::eval::validate::Names;
use aho_corasick::{AhoCorasick, MatchKind};

use super::Hit;
use crate::diag::{Fix, Label};
use crate::eval::search::DocMatches;
use crate::pack::error::PackError;
use crate::pack::model::{Spanned, TermEntry};
use crate::pack::values::Value;

#[derive(Debug, Clone)]
pub struct Compiled {
    searcher: Option<AhoCorasick>,
    /// Phrase, replacement and exceptions, in the order of the searcher's patterns.
    entries: Vec<(String, String, Vec<String>)>,
}

/// Kind `terms`: a list of wrong phrases, each with its right form. Entries are written in
/// the pack, or kept in a table file (CSV or YAML) next to it, or both.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Terms {
    /// Entries written in the pack.
    pub entries: Vec<TermEntry>,
    /// A table of entries, relative to the pack file (`terms.csv`, `terms.yaml`).
    pub file: Option<Spanned<String>>,
    /// The entries read from `file` when the pack was loaded (empty before that, and never
    /// printed back: `fmt` and `convert` keep the reference to the table).
    pub loaded: Vec<TermEntry>,
}

impl Terms {
    /// Every entry: those written in the pack, then those of the table.
    pub fn all_entries(&self) -> impl Iterator<Item = &TermEntry> {
        self.entries.iter().chain(&self.loaded)
    }
}

/// The names this kind gives its findings for message templates, beside captures, `let`s,
/// facts, `match` and `count`.
pub const MESSAGE_NAMES: &[&str] = &["suggestion", "phrase"];

/// What validation checks of a rule of this kind; the names its message may use.
pub fn validate(terms: &Terms, _: &mut Compiler, errors: &mut Vec<PackError>) -> Option<Names> {
    check_terms(terms, errors);
    Some(Names::default())
}

/// A term list: its entries written in the pack (the table's are checked when it is read),
/// and the table's name.
fn check_terms(terms: &Terms, errors: &mut Vec<PackError>) {
    errors.extend(crate::pack::terms::check_entries(&[], &terms.entries));
    if let Some(file) = &terms.file {
        let path = std::path::Path::new(&file.value);
        if file.value.trim().is_empty() {
            errors.push(
                PackError::new(crate::tr!("val-no-table-file-named"), file.span.clone())
                    .with_label(crate::tr!("val-empty-file-name"))
                    .with_help(crate::tr!("val-name-table-beside-pack")),
            );
        } else if crate::pack::terms::TableForm::of_path(path).is_none() {
            errors.push(
                PackError::new(
                    crate::tr!("val-file-not-term-table", file = file.value),
                    file.span.clone(),
                )
                .with_label(crate::tr!("val-unknown-table-form"))
                .with_help(crate::tr!("val-keep-terms-csv-file")),
            );
        }
    }
}

pub fn compile(terms: &Terms, _: &mut Compiler) -> Result<Compiled, Vec<PackError>> {
    let entries: Vec<(String, String, Vec<String>)> = terms
        .all_entries()
        .filter(|e| !e.phrase.value.is_empty())
        .map(|e| {
            (
                e.phrase.value.clone(),
                e.suggest.value.clone(),
                e.unless
                    .iter()
                    .filter(|u| !u.value.is_empty())
                    .map(|u| u.value.clone())
                    .collect(),
            )
        })
        .collect();
    if entries.is_empty() {
        return Ok(Compiled {
            searcher: None,
            entries,
        });
    }
    let searcher = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(entries.iter().map(|(phrase, _, _)| phrase))
        .map_err(|e| {
            let span = terms
                .entries
                .first()
                .map_or(0..0, |entry| entry.phrase.span.clone());
            vec![PackError::new(
                crate::tr!("kterms-term-list-cannot-searched", e = e),
                span,
            )]
        })?;
    Ok(Compiled {
        searcher: Some(searcher),
        entries,
    })
}

/// Whether an occurrence of one of `unless` overlaps `start..end` of `text`.
fn excused(text: &str, start: usize, end: usize, unless: &[String]) -> bool {
    unless.iter().any(|u| {
        let mut from = start.saturating_sub(u.len());
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = (end + u.len()).min(text.len());
        while !text.is_char_boundary(to) {
            to += 1;
        }
        let window = &text[from..to];
        window.match_indices(u.as_str()).any(|(at, found)| {
            let (a, b) = (from + at, from + at + found.len());
            a < end && b > start
        })
    })
}

pub fn evaluate(t: &Compiled, m: &DocMatches) -> Vec<Hit> {
    let Some(searcher) = &t.searcher else {
        return Vec::new();
    };
    let text = m.doc.text.as_str();
    let mut hits = Vec::new();
    for found in searcher.find_iter(text) {
        let Some((phrase, suggest, unless)) = t.entries.get(found.pattern().as_usize()) else {
            continue;
        };
        let (start, end) = (found.start(), found.end());
        if excused(text, start, end, unless) {
            continue;
        }
        let mut hit = Hit::at(vec![Label::new(
            start..end,
            Some(format!("建议改为“{suggest}”")),
        )])
        .var("0", Value::Text(phrase.clone()))
        .var("match", Value::Text(phrase.clone()))
        .var("phrase", Value::Text(phrase.clone()))
        .var("suggestion", Value::Text(suggest.clone()));
        hit.fix = Some(Fix {
            offset: start,
            length: end - start,
            replacements: vec![suggest.clone()],
        });
        hits.push(hit);
    }
    hits
}

/// How a `terms` rule is written: `terms [file "…"] { "wrong" -> "right" [unless "…"], … }` in
/// the DSL, `terms:` as a list of `{phrase, suggest, unless}` or a map with `file:` and
/// `list:` in YAML. The entries read from the table are never written back.
mod syntax {
    use std::fmt::Write;

    use pest::iterators::Pair;
    use serde_json::{json, Value as Json};

    use crate::pack::dsl::print::{line, wrapped_line};
    use crate::pack::dsl::{quote, Builder, DslKind, Rule as G};
    use crate::pack::error::PackError;
    use crate::pack::model::TermEntry;
    use super::Terms;
    use crate::pack::yaml::node::Value;
    use crate::pack::yaml::schema::reference;
    use crate::pack::yaml::write::{block_map, block_seq, map, text, texts};
    use crate::pack::yaml::{Fields, Node, Reader, Yaml, YamlKind};

    impl DslKind for Terms {
        const LINES: &'static [G] = &[G::terms];

        fn dsl_build(b: &mut Builder<'_>, pair: Pair<'_, G>) -> Option<Self> {
            let keyword = b.span(&pair);
            let mut terms = Terms::default();
            let mut broken = false;
            let mut wrote_list = false;
            for part in pair.into_inner() {
                match part.as_rule() {
                    G::terms_file => match part.into_inner().find(|p| p.as_rule() == G::string) {
                        Some(s) => match b.string(s) {
                            Some(path) => terms.file = Some(path),
                            None => broken = true,
                        },
                        None => broken = true,
                    },
                    G::terms_list => {
                        wrote_list = true;
                        for entry in part.into_inner().filter(|p| p.as_rule() == G::term_entry) {
                            match term_entry(b, entry) {
                                Some(entry) => terms.entries.push(entry),
                                None => broken = true,
                            }
                        }
                    }
                    _ => {}
                }
            }
            if broken {
                return None;
            }
            if terms.file.is_none() && terms.entries.is_empty() {
                let span = keyword.start..keyword.start + "terms".len();
                let message = if wrote_list {
                    crate::tr!("build-term-list-empty")
                } else {
                    crate::tr!("build-terms-without-list")
                };
                b.error(
                    PackError::new(message, span)
                        .with_label(crate::tr!("build-no-terms"))
                        .with_help(crate::tr!("build-write-terms-name-table")),
                );
                return None;
            }
            Some(terms)
        }

        /// `terms file "…" {` with one entry a line, `}`; the entries read from the table are
        /// not written (the table stays where it is).
        fn dsl_print(&self, out: &mut String) {
            let mut head = "terms".to_string();
            if let Some(file) = &self.file {
                let _ = write!(head, " file {}", quote(file));
            }
            if self.entries.is_empty() {
                line(out, 1, &head);
                return;
            }
            line(out, 1, &format!("{head} {{"));
            for entry in &self.entries {
                let mut text = format!("{} -> {}", quote(&entry.phrase), quote(&entry.suggest));
                if !entry.unless.is_empty() {
                    let unless: Vec<String> = entry.unless.iter().map(|u| quote(u)).collect();
                    let _ = write!(text, " unless {}", unless.join(", "));
                }
                wrapped_line(out, 2, &text);
            }
            line(out, 1, "}");
        }
    }

    fn term_entry(b: &mut Builder<'_>, pair: Pair<'_, G>) -> Option<TermEntry> {
        let mut texts = Vec::new();
        let mut unless = Some(Vec::new());
        for part in pair.into_inner() {
            match part.as_rule() {
                G::string => texts.push(b.string(part)),
                G::term_unless => {
                    let items: Vec<_> = part
                        .into_inner()
                        .filter(|p| p.as_rule() == G::string)
                        .map(|s| b.string(s))
                        .collect();
                    unless = items.into_iter().collect();
                }
                _ => {}
            }
        }
        let mut texts = texts.into_iter();
        let phrase = texts.next().flatten();
        let suggest = texts.next().flatten();
        Some(TermEntry {
            phrase: phrase?,
            suggest: suggest?,
            unless: unless?,
        })
    }

    impl YamlKind for Terms {
        /// `terms:` as a list of entries, or a map with `file:` (a table beside the pack) and
        /// `list:` (entries).
        fn yaml_read(r: &mut Reader<'_>, node: &Node, _: &Fields<'_>) -> Option<Self> {
            let mut terms = Terms::default();
            let list = match &node.value {
                Value::Seq(_) => Some(node),
                Value::Map(_) => {
                    let fields = r.fields(node, &["file", "list"], "`terms`")?;
                    if let Some(file) = fields.get("file") {
                        terms.file = Some(r.text(file, "`file`")?);
                    }
                    fields.get("list")
                }
                _ => {
                    r.wrong_type(
                        node,
                        "`terms`",
                        "a list of `{phrase: …, suggest: …}`, or a map with `file:` and `list:`",
                    );
                    return None;
                }
            };
            if let Some(list) = list {
                let items: &[Node] = match &list.value {
                    Value::Seq(items) => items,
                    Value::Null => &[],
                    _ => {
                        r.wrong_type(
                            list,
                            "the list of terms",
                            "a list of `{phrase: …, suggest: …}`",
                        );
                        return None;
                    }
                };
                let mut complete = true;
                for item in items {
                    match r.term_entry(item) {
                        Some(entry) => terms.entries.push(entry),
                        None => complete = false,
                    }
                }
                if !complete {
                    return None;
                }
            }
            if terms.file.is_none() && terms.entries.is_empty() {
                r.error(
                    PackError::new(crate::tr!("yaml-term-list-empty"), node.span.clone())
                        .with_label(crate::tr!("yaml-no-terms"))
                        .with_help(crate::tr!("yaml-list-entries-such-as")),
                );
                return None;
            }
            Some(terms)
        }

        /// A list of `{phrase, suggest, unless}` maps, in a map with `file:` when there is a
        /// table. The entries read from the table are not written: the table stays where it is.
        fn yaml_write(&self, entries: &mut Vec<(&'static str, Yaml)>) {
            let list: Vec<Yaml> = self
                .entries
                .iter()
                .map(|e| {
                    let mut entry = vec![("phrase", text(&e.phrase)), ("suggest", text(&e.suggest))];
                    if !e.unless.is_empty() {
                        entry.push(("unless", texts(&e.unless)));
                    }
                    map(entry)
                })
                .collect();
            let body = match &self.file {
                None => block_seq(list),
                Some(file) => {
                    let mut body = vec![("file".to_owned(), text(file))];
                    if !list.is_empty() {
                        body.push(("list".to_owned(), block_seq(list)));
                    }
                    block_map(body)
                }
            };
            entries.push(("terms", body));
        }

        fn yaml_schema() -> Json {
            json!({
                "anyOf": [
                    { "type": "array", "items": reference("term") },
                    {
                        "type": "object",
                        "properties": {
                            "file": reference("text"),
                            "list": {
                                "anyOf": [
                                    { "type": "array", "items": reference("term") },
                                    { "type": "null" }
                                ]
                            }
                        },
                        "additionalProperties": false
                    }
                ]
            })
        }

        fn yaml_description() -> String {
            crate::i18n::text("schema-kind-terms", &[])
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::eval::kinds::testing::{findings, flagged, messages};

    const RULE: &str = r#"rule r {
        message "“{match}”应为“{suggestion}”"
        terms {
            "法制政府" -> "法治政府"
            "法制" -> "法治" unless "法制审核", "法制机构"
            "申述" -> "申诉" unless "申述理由"
        }
    }"#;

    #[test]
    fn longest_phrase_first_and_no_overlaps() {
        assert_eq!(
            flagged(RULE, "推进法制政府建设，树立法制观念。"),
            ["法制政府", "法制"]
        );
        assert_eq!(
            messages(RULE, "推进法制政府建设。"),
            ["“法制政府”应为“法治政府”"]
        );
    }

    #[test]
    fn exceptions_keep_right_uses_silent() {
        assert!(flagged(RULE, "严格法制审核，健全法制机构，说明申述理由。").is_empty());
        assert_eq!(flagged(RULE, "群众申述渠道畅通。"), ["申述"]);
    }

    #[test]
    fn each_finding_has_the_replacement_as_fix() {
        let text = "推进法制政府建设。";
        let found = findings(RULE, text);
        let fix = found[0].fix.as_ref().expect("a fix");
        assert_eq!(&text[fix.offset..fix.offset + fix.length], "法制政府");
        assert_eq!(fix.replacements, ["法治政府"]);
    }
}
