//! Term lists (kind `terms`): the checks every entry passes, and the tables a pack may keep
//! its entries in.
//!
//! A table is a file beside the pack (`terms file "terms.csv"`), confined like `extends` to
//! the pack's repository and read when the pack is loaded ([`crate::eval::load`]):
//!
//! - CSV (`.csv`, UTF-8, with or without a byte order mark): a header row `错误写法,正确写法,例外`
//!   (or `phrase,suggest,unless`), then one entry a row. The third column may be empty or
//!   left out; it holds the texts that make the phrase right, separated by `、` or `|`. Blank
//!   rows and rows starting with `#` are skipped. A field holding a comma is quoted (`"…"`).
//! - YAML (`.yaml`/`.yml`): a list of `{phrase: …, suggest: …, unless: [...]}` maps.
//!
//! Every problem comes back with the byte span of the cell (or row) at fault in the table, so
//! that the error shows the table's line.

use std::collections::HashMap;

use super::error::PackError;
use super::model::{Span, Spanned, TermEntry};

/// Problems of the entries `new`, checked against `before` (entries already accepted, e.g.
/// those written in the pack when `new` comes from its table) and each other: an empty phrase
/// or replacement, a replacement equal to its phrase, a phrase listed twice, an empty
/// exception, and a replacement that holds a phrase of the list, which `--fix` would replace
/// again on the next run. Errors point at entries of `new` only.
pub fn check_entries(before: &[TermEntry], new: &[TermEntry]) -> Vec<PackError> {
    let mut errors = Vec::new();
    let mut seen: HashMap<&str, bool> = HashMap::new();
    for entry in before {
        seen.insert(entry.phrase.value.as_str(), true);
    }
    for entry in new {
        let phrase = &entry.phrase;
        if phrase.value.is_empty() {
            errors.push(
                PackError::new(
                    crate::tr!("terms-empty-phrase-term-list"),
                    phrase.span.clone(),
                )
                .with_label(crate::tr!("terms-empty-phrase"))
                .with_help(crate::tr!("terms-write-wrong-phrase-look")),
            );
            continue;
        }
        if entry.suggest.value.is_empty() {
            errors.push(
                PackError::new(
                    crate::tr!("terms-no-replacement-for-phrase", phrase = phrase.value),
                    entry.suggest.span.clone(),
                )
                .with_label(crate::tr!("terms-empty-replacement"))
                .with_help(crate::tr!("terms-write-right-form-forbid")),
            );
        } else if entry.suggest.value == phrase.value {
            errors.push(
                PackError::new(
                    crate::tr!("terms-replacement-phrase-itself", phrase = phrase.value),
                    entry.suggest.span.clone(),
                )
                .with_label(crate::tr!("terms-same-as-phrase"))
                .with_help(crate::tr!("terms-write-right-form-which")),
            );
        }
        for exception in &entry.unless {
            if exception.value.is_empty() {
                errors.push(
                    PackError::new(crate::tr!("terms-empty-exception"), exception.span.clone())
                        .with_label(crate::tr!("terms-empty-unless-text"))
                        .with_help(crate::tr!("terms-write-text-around-phrase")),
                );
            }
        }
        if seen.insert(phrase.value.as_str(), true).is_some() {
            errors.push(
                PackError::new(
                    crate::tr!("terms-phrase-listed-twice", phrase = phrase.value),
                    phrase.span.clone(),
                )
                .with_label(crate::tr!("terms-listed-again-here"))
                .with_help(crate::tr!("terms-keep-one-entry-per")),
            );
        }
    }
    // A replacement holding a phrase of the list is flagged again after `--fix`.
    let all: Vec<&TermEntry> = before.iter().chain(new).collect();
    for entry in new {
        if entry.suggest.value.is_empty() || entry.suggest.value == entry.phrase.value {
            continue;
        }
        let held = all.iter().find(|other| {
            !other.phrase.value.is_empty()
                && entry.suggest.value.contains(other.phrase.value.as_str())
                && !other
                    .unless
                    .iter()
                    .any(|u| !u.value.is_empty() && entry.suggest.value.contains(u.value.as_str()))
        });
        if let Some(other) = held {
            errors.push(
                PackError::new(
                    crate::tr!(
                        "terms-replacement-entry-holds-other",
                        entry = entry.suggest.value,
                        other = other.phrase.value
                    ),
                    entry.suggest.span.clone(),
                )
                .with_label(crate::tr!("terms-would-flagged-again-after"))
                .with_help(crate::tr!("terms-correct-replacement-give-other")),
            );
        }
    }
    errors
}

/// The form of a term table, from its file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableForm {
    Csv,
    Yaml,
}

impl TableForm {
    pub fn of_path(path: &std::path::Path) -> Option<TableForm> {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("csv") => Some(TableForm::Csv),
            Some(e) if e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml") => {
                Some(TableForm::Yaml)
            }
            _ => None,
        }
    }
}

/// The entries of a table's text, or every problem found in it.
pub fn read_table(text: &str, form: TableForm) -> Result<Vec<TermEntry>, Vec<PackError>> {
    let (entries, errors) = match form {
        TableForm::Csv => read_csv(text),
        TableForm::Yaml => super::yaml::parse_term_table(text),
    };
    let mut errors = errors;
    if errors.is_empty() {
        errors = check_entries(&[], &entries);
    }
    if errors.is_empty() {
        Ok(entries)
    } else {
        Err(errors)
    }
}

/// Whether a file's text starts like a term table of its form: in CSV, the first row that
/// is not blank or a comment is the header; in YAML, the first line that is not blank, a
/// comment or `---` starts a list. A file that does not is never quoted in an error, so that
/// a table name pointing at some other file cannot print it.
pub fn looks_like_table(text: &str, form: TableForm) -> bool {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    match form {
        TableForm::Csv => text
            .lines()
            .find(|l| !(l.trim().is_empty() || l.trim_start().starts_with('#')))
            .and_then(|first| csv_rows(first, 0).ok())
            .and_then(|rows| rows.into_iter().next())
            .is_some_and(|(_, header)| is_header(&header)),
        TableForm::Yaml => text
            .lines()
            .map(str::trim)
            .find(|l| !(l.is_empty() || l.starts_with('#') || l.starts_with("---")))
            .is_some_and(|l| l.starts_with('-') || l.starts_with('[')),
    }
}

fn is_header(header: &[Cell]) -> bool {
    header.len() >= 2
        && header.len() <= 3
        && header
            .iter()
            .zip(CSV_HEADERS)
            .all(|(cell, names)| names.contains(&cell.value.trim()))
}

/// Header names of the CSV columns, in order.
const CSV_HEADERS: [&[&str]; 3] = [
    &["错误写法", "错误", "phrase", "wrong"],
    &["正确写法", "正确", "suggest", "right"],
    &["例外", "例外（可空）", "例外(可空)", "unless"],
];

/// One CSV cell: its text (quotes removed) and where it is written.
type Cell = Spanned<String>;

/// Reads the CSV form: a header row, then `phrase,suggest[,unless]` rows.
fn read_csv(text: &str) -> (Vec<TermEntry>, Vec<PackError>) {
    let mut errors = Vec::new();
    let mut entries = Vec::new();
    let start = if text.starts_with('\u{FEFF}') {
        '\u{FEFF}'.len_utf8()
    } else {
        0
    };
    let rows = match csv_rows(text, start) {
        Ok(rows) => rows,
        Err(error) => return (entries, vec![error]),
    };
    let mut rows = rows
        .into_iter()
        .filter(|(_, cells)| !skipped_row(cells))
        .peekable();
    let Some((header_span, header)) = rows.next() else {
        errors.push(
            PackError::new(crate::tr!("terms-term-table-empty"), 0..0)
                .with_label(crate::tr!("terms-no-header-row"))
                .with_help(crate::tr!("terms-start-table-with-header")),
        );
        return (entries, errors);
    };
    if !is_header(&header) {
        errors.push(
            PackError::new(crate::tr!("terms-first-row-term-table"), header_span)
                .with_label(crate::tr!("terms-not-header"))
                .with_help(crate::tr!("terms-start-table-with-row")),
        );
        return (entries, errors);
    }
    for (row_span, cells) in rows {
        if cells.len() < 2 || cells.len() > 3 {
            let full_width_commas = cells.len() == 1 && cells[0].value.contains('，');
            let help = if full_width_commas {
                "columns are separated by the half-width comma `,`; this row uses `，`"
            } else {
                "a row is `错误写法,正确写法` or `错误写法,正确写法,例外`; quote a field that holds a comma"
            };
            errors.push(
                PackError::new(
                    crate::tr!("terms-term-row-has-cells", cells = cells.len()),
                    row_span,
                )
                .with_label(crate::tr!("terms-row"))
                .with_help(help),
            );
            continue;
        }
        let mut cells = cells.into_iter();
        let (Some(phrase), Some(suggest)) = (cells.next(), cells.next()) else {
            continue;
        };
        let unless = cells.next().map(split_exceptions).unwrap_or_default();
        entries.push(TermEntry {
            phrase,
            suggest,
            unless,
        });
    }
    (entries, errors)
}

/// A blank row, or one whose first cell starts with `#` (a comment).
fn skipped_row(cells: &[Cell]) -> bool {
    cells.iter().all(|c| c.value.trim().is_empty())
        || cells.first().is_some_and(|c| c.value.starts_with('#'))
}

/// The exceptions of a third column: texts separated by `、` or `|`, each with its span.
fn split_exceptions(cell: Cell) -> Vec<Cell> {
    let mut out = Vec::new();
    if cell.value.trim().is_empty() {
        return out;
    }
    // The span maps onto the value only when the cell was not quoted with escapes; a cell
    // whose text differs from its source length gets the whole cell's span for each part.
    let exact = cell.span.end - cell.span.start == cell.value.len();
    let mut offset = 0;
    for part in cell.value.split(['、', '|']) {
        let span = if exact {
            cell.span.start + offset..cell.span.start + offset + part.len()
        } else {
            cell.span.clone()
        };
        offset += part.len() + part_separator_len(&cell.value, offset + part.len());
        out.push(Spanned::new(part.trim().to_string(), span));
    }
    out
}

fn part_separator_len(value: &str, at: usize) -> usize {
    value
        .get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(0, char::len_utf8)
}

/// The rows of a CSV text from byte `start`: each with its span (without the line break) and
/// its cells. A quoted field may hold commas, line breaks and `""` for a quote.
fn csv_rows(text: &str, start: usize) -> Result<Vec<(Span, Vec<Cell>)>, PackError> {
    let mut rows = Vec::new();
    let bytes = text.as_bytes();
    let mut at = start;
    while at < text.len() {
        let row_start = at;
        let mut cells = Vec::new();
        loop {
            // One field starting at `at`.
            if bytes.get(at) == Some(&b'"') {
                let open = at;
                let mut value = String::new();
                let mut i = at + 1;
                loop {
                    match text.get(i..).and_then(|rest| rest.find('"')) {
                        None => {
                            return Err(PackError::new(
                                crate::tr!("terms-unclosed-quote-term-table"),
                                open..open + 1,
                            )
                            .with_label(crate::tr!("terms-quote-not-closed"))
                            .with_help(crate::tr!("terms-close-quoted-field-with")));
                        }
                        Some(q) => {
                            value.push_str(&text[i..i + q]);
                            i += q + 1;
                            if bytes.get(i) == Some(&b'"') {
                                value.push('"');
                                i += 1;
                            } else {
                                break;
                            }
                        }
                    }
                }
                let content = open + 1..i - 1;
                cells.push(Spanned::new(value, content));
                // Only spaces may follow the closing quote before the separator.
                while matches!(bytes.get(i), Some(b' ' | b'\t')) {
                    i += 1;
                }
                at = i;
                match bytes.get(at) {
                    Some(b',') => {
                        at += 1;
                        continue;
                    }
                    None | Some(b'\n') | Some(b'\r') => break,
                    Some(_) => {
                        return Err(PackError::new(
                            crate::tr!("terms-text-after-closing-quote"),
                            at..at + 1,
                        )
                        .with_label(crate::tr!("terms-expected-end-row"))
                        .with_help(crate::tr!("terms-quote-whole-field-writing")));
                    }
                }
            } else {
                let end = text[at..]
                    .find([',', '\n', '\r'])
                    .map_or(text.len(), |e| at + e);
                let raw = &text[at..end];
                let trimmed_start = at + (raw.len() - raw.trim_start().len());
                let value = raw.trim();
                cells.push(Spanned::new(
                    value.to_string(),
                    trimmed_start..trimmed_start + value.len(),
                ));
                at = end;
                if bytes.get(at) == Some(&b',') {
                    at += 1;
                    continue;
                }
                break;
            }
        }
        let row_end = at;
        if bytes.get(at) == Some(&b'\r') {
            at += 1;
        }
        if bytes.get(at) == Some(&b'\n') {
            at += 1;
        }
        rows.push((row_start..row_end, cells));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::{read_table, TableForm};

    type Row = (String, String, Vec<String>);

    fn csv(text: &str) -> Result<Vec<Row>, Vec<String>> {
        read_table(text, TableForm::Csv)
            .map(|entries| {
                entries
                    .into_iter()
                    .map(|e| {
                        (
                            e.phrase.value,
                            e.suggest.value,
                            e.unless.into_iter().map(|u| u.value).collect(),
                        )
                    })
                    .collect()
            })
            .map_err(|errors| errors.into_iter().map(|e| e.message).collect())
    }

    #[test]
    fn reads_rows_with_and_without_exceptions() {
        let text = "\u{FEFF}错误写法,正确写法,例外\r\n法制政府,法治政府,\r\n申述,申诉,\"申述理由、陈述,申辩\"\n\n# 注释\n信防,信访\n";
        let rows = csv(text).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0], ("法制政府".into(), "法治政府".into(), vec![]));
        assert_eq!(rows[1].2, ["申述理由".to_string(), "陈述,申辩".to_string()]);
        assert_eq!(rows[2].0, "信防");
    }

    #[test]
    fn spans_point_at_the_cell() {
        let text = "错误写法,正确写法\n信防,信防\n";
        let errors = read_table(text, TableForm::Csv).err().unwrap_or_default();
        assert_eq!(errors.len(), 1);
        let span = errors[0].span.clone();
        assert_eq!(&text[span], "信防");
        assert!(errors[0].span.start > text.find('\n').unwrap_or(0) + "信防,".len());
    }

    #[test]
    fn refuses_bad_tables() {
        for (text, wanted) in [
            ("", "empty"),
            ("法制政府,法治政府\n", "header"),
            ("错误写法,正确写法\n法制政府\n", "column"),
            ("错误写法,正确写法\n法制政府，法治政府\n", "column"),
            ("错误写法,正确写法\n,法治政府\n", "empty phrase"),
            (
                "错误写法,正确写法\n法制政府,法治政府\n法制政府,法治政府\n",
                "twice",
            ),
            ("错误写法,正确写法\n\"法制政府,法治政府\n", "quote"),
        ] {
            let errors = csv(text).err().unwrap_or_default();
            assert!(
                errors.iter().any(|e| e.contains(wanted)),
                "{text:?}: {errors:?}"
            );
        }
    }
}
