//! Commands on packs: `convert` (DSL ⇄ YAML), `fmt` (canonical DSL) and `test` (run every
//! rule's inline examples).
//!
//! The rule model has no place for comments, so `fmt` finds them in the source itself and puts
//! each back where it stood: a comment on its own line above the pack line, rule or rule line
//! that follows it, a comment at the end of a line at the end of the printed line of the same
//! item (a wrapped list: its last line). No comment is lost.

use std::path::{Path, PathBuf};

use super::check::{exit, report_error};
use crate::eval::kinds::Check;
use crate::eval::load::{self, Form, PackRule, RuleSet};
use crate::eval::Engine;
use crate::model::Document;
use crate::pack::model::ExampleKind;
use crate::pack::{dsl, yaml};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TargetForm {
    Yaml,
    Dsl,
}

#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// The pack to convert (`.rules`, `.yaml` or `.yml`).
    pub pack: PathBuf,
    /// The form to print.
    #[arg(long, value_enum)]
    pub to: TargetForm,
}

#[derive(Debug, clap::Args)]
pub struct FmtArgs {
    /// DSL packs (`.rules`) to format in place.
    #[arg(required = true)]
    pub packs: Vec<PathBuf>,
    /// Do not write; exit 1 if a pack is not formatted.
    #[arg(long)]
    pub check: bool,
}

#[derive(Debug, clap::Args)]
pub struct TestArgs {
    /// Packs whose inline examples to run (default: the built-in packs).
    pub packs: Vec<PathBuf>,
}

fn read_pack(path: &Path) -> Result<(String, String, Form), i32> {
    load::read_file(path).map_err(|e| {
        report_error(&e, false);
        exit::TROUBLE
    })
}

pub fn convert(args: ConvertArgs) -> i32 {
    let (shown, text, form) = match read_pack(&args.pack) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let pack = match load::parse_file(&shown, &text, form) {
        Ok(p) => p,
        Err(e) => {
            report_error(&e, false);
            return exit::TROUBLE;
        }
    };
    let out = match args.to {
        TargetForm::Yaml => yaml::print_pack(&pack),
        TargetForm::Dsl => dsl::print_pack(&pack),
    };
    match super::print(out) {
        Ok(()) => exit::CLEAN,
        Err(code) => code,
    }
}

pub fn fmt(args: FmtArgs) -> i32 {
    let mut code = exit::CLEAN;
    for path in &args.packs {
        let (shown, text, form) = match read_pack(path) {
            Ok(x) => x,
            Err(c) => {
                code = c;
                continue;
            }
        };
        if form != Form::Dsl {
            eprintln!(
                "{}",
                crate::tr!(
                    "error-line",
                    message = crate::tr!("fmt-not-dsl", path = shown)
                )
            );
            code = exit::TROUBLE;
            continue;
        }
        let pack = match dsl::parse_pack(&shown, &text) {
            Ok(p) => p,
            Err(_) if !load::looks_like_pack(&text, form) => {
                report_error(&load::LoadError::NotAPack { path: shown }, false);
                code = exit::TROUBLE;
                continue;
            }
            Err(e) => {
                report_error(&e, false);
                code = exit::TROUBLE;
                continue;
            }
        };
        let formatted = format_dsl(&pack, &text);
        if formatted == text {
            continue;
        }
        if args.check {
            if let Err(c) = super::print(format!(
                "{}\n",
                crate::tr!("fmt-not-formatted", path = shown)
            )) {
                return c;
            }
            if code == exit::CLEAN {
                code = exit::FINDINGS;
            }
        } else if let Err(e) = crate::source::write_atomic(path, formatted.as_bytes()) {
            eprintln!(
                "{}",
                crate::tr!(
                    "error-line",
                    message = crate::tr!("file-cannot-write", path = shown, error = e)
                )
            );
            code = exit::TROUBLE;
        } else {
            if let Err(c) = super::print(format!("{}\n", crate::tr!("fmt-formatted", path = shown)))
            {
                return c;
            }
        }
    }
    code
}

/// A comment found in a DSL pack source.
#[derive(Debug)]
struct Comment {
    /// Byte offset of the comment marker.
    offset: usize,
    /// The comment from its marker to the end of the line, trailing white space removed.
    text: String,
    /// Nesting of `{ }` around it: 0 between pack lines and rules, more inside a rule.
    depth: usize,
    /// Nothing but white space before it on its line.
    own_line: bool,
    /// The line after it is blank (kept, so that section separators stay apart).
    blank_after: bool,
}

/// A line of a rule (`message`, `require`, `pass`, …) where it starts in the source.
#[derive(Debug)]
struct LineStart {
    offset: usize,
    keyword: &'static str,
}

/// The words that start a line inside a rule, besides the kinds' own.
const RULE_LINE_WORDS: &[&str] = &[
    "severity",
    "message",
    "help",
    "reference",
    "tags",
    "once",
    "pass",
    "fail",
    "let",
    "assert",
];

/// `word` as a word that starts a line inside a rule: one of [`RULE_LINE_WORDS`] or the first
/// word of a kind (from the kind list).
fn rule_line_word(word: &str) -> Option<&'static str> {
    let kinds = Check::dsl_keywords().map(|words| words.split(' ').next().unwrap_or(words));
    RULE_LINE_WORDS
        .iter()
        .copied()
        .chain(kinds)
        .find(|k| *k == word)
}

/// The comments of a DSL source (comment markers inside strings, long strings and regexes
/// skipped), and where the lines of its rules start (the keywords at the rule's own level,
/// not the `match` and `require` inside a `when`).
fn scan(src: &str) -> (Vec<Comment>, Vec<LineStart>, Vec<usize>) {
    let mut starts: Vec<LineStart> = Vec::new();
    // Lines that start with a string inside a block of a rule line (`sections { … }`,
    // `terms { … }`): its entries.
    let mut entries: Vec<usize> = Vec::new();
    let mut in_when = false;
    let mut found = Vec::new();
    let mut depth = 0usize;
    let mut in_long_string = false;
    let lines: Vec<(usize, &str)> = src
        .split_inclusive('\n')
        .scan(0usize, |start, line| {
            let at = *start;
            *start += line.len();
            Some((at, line))
        })
        .collect();
    for (index, (line_start, line)) in lines.iter().enumerate() {
        let line = line.trim_end_matches(['\n', '\r']);
        let mut pos = 0;
        let mut code_before = false;
        // After `let`, `assert` or `if` (up to `require`) the line is an expression, where `/`
        // divides: a regex cannot stand there.
        let mut expression = false;
        if in_long_string {
            match line.find("\"\"\"") {
                Some(end) => {
                    pos = end + 3;
                    in_long_string = false;
                    code_before = true;
                }
                None => continue,
            }
        }
        while let Some(c) = line.get(pos..).and_then(|rest| rest.chars().next()) {
            let rest = line.get(pos..).unwrap_or_default();
            if c.is_whitespace() || c == '\u{FEFF}' {
                pos += c.len_utf8();
                continue;
            }
            if !code_before && depth == 2 && c == '"' {
                entries.push(line_start + pos);
            }
            if rest.starts_with("\"\"\"") {
                match rest.get(3..).and_then(|after| after.find("\"\"\"")) {
                    Some(end) => pos += 3 + end + 3,
                    None => {
                        in_long_string = true;
                        break;
                    }
                }
            } else if c == '"' {
                pos +=
                    1 + closing(rest.get(1..).unwrap_or_default(), '"').unwrap_or(rest.len() - 1);
            } else if rest.starts_with("//") || c == '#' {
                let blank_after = lines
                    .get(index + 1)
                    .is_some_and(|(_, next)| next.trim().is_empty());
                found.push(Comment {
                    offset: line_start + pos,
                    text: rest.trim_end().to_string(),
                    depth,
                    own_line: !code_before,
                    blank_after,
                });
                break;
            } else if c == '/' && expression {
                pos += 1;
            } else if c == '/' {
                // A regex if it closes on this line; otherwise a division.
                pos += 1 + closing(rest.get(1..).unwrap_or_default(), '/').unwrap_or(0);
            } else if c.is_ascii_alphabetic() {
                let word_len = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                    .unwrap_or(rest.len());
                let word = &rest[..word_len];
                match word {
                    "let" | "assert" | "if" => expression = true,
                    "require" => expression = false,
                    _ => {}
                }
                let keyword = rule_line_word(word);
                if let (Some(keyword), 1) = (keyword, depth) {
                    let inside_when = in_when && matches!(keyword, "match" | "require");
                    if keyword == "require" {
                        in_when = false;
                    }
                    if !inside_when {
                        in_when = keyword == "when";
                        starts.push(LineStart {
                            offset: line_start + pos,
                            keyword,
                        });
                    }
                }
                pos += word_len;
            } else {
                if c == '{' {
                    depth += 1;
                } else if c == '}' {
                    depth = depth.saturating_sub(1);
                }
                pos += c.len_utf8();
            }
            code_before = true;
        }
    }
    (found, starts, entries)
}

/// Length up to and including the first unescaped `close` in `text`.
fn closing(text: &str, close: char) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == close {
            return Some(i + c.len_utf8());
        }
    }
    None
}

fn push_comments(out: &mut String, comments: &[&Comment], indent: &str, keep_blank: bool) {
    for comment in comments {
        out.push_str(indent);
        out.push_str(&comment.text);
        out.push('\n');
        if keep_blank && comment.blank_after {
            out.push('\n');
        }
    }
}

/// Where a comment inside a rule goes in the printed rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    /// On a line of its own above the rule line with this keyword (its n-th such line).
    Before(&'static str, usize),
    /// At the end of that rule line.
    After(&'static str, usize),
    /// Inside the block of that rule line (`sections { … }`): above its entry `.2`, or at the
    /// end of it (`.3`); entry `None` is the block's opening line (at its end) or its closing
    /// line (above it).
    Entry(&'static str, usize, Option<usize>, bool),
    /// At the end of the `rule … {` line.
    Opening,
    /// Above the closing `}`.
    Closing,
}

/// The keyword of the rule line `start` and how many lines with it come before in the rule.
fn line_key(starts: &[&LineStart], index: usize) -> (&'static str, usize) {
    let keyword = starts[index].keyword;
    let seen = starts[..index]
        .iter()
        .filter(|s| s.keyword == keyword)
        .count();
    (keyword, seen)
}

/// The canonical DSL of `pack`, with the comments of its source `src` kept where they were:
/// above the pack line or rule they stood above, at the end of the line they ended, and
/// inside a rule above (or at the end of) the rule line they stood by.
pub fn format_dsl(pack: &crate::eval::kinds::Pack, src: &str) -> String {
    let (comments, line_starts, entry_starts) = scan(src);
    let mut header_starts = vec![pack.name.span.start];
    header_starts.extend(pack.version.iter().map(|v| v.span.start));
    header_starts.extend(pack.description.iter().map(|d| d.span.start));
    header_starts.extend(pack.extends.iter().map(|e| e.span.start));
    header_starts.extend(pack.disable.iter().map(|d| d.span.start));
    header_starts.extend(pack.overrides.iter().map(|o| o.rule.span.start));
    let rule_starts: Vec<usize> = pack.rules.iter().map(|r| r.id.span.start).collect();
    // Items in source order; a comment goes with one of them (or to the end of the file).
    let mut items: Vec<(usize, Item)> = header_starts
        .iter()
        .enumerate()
        .map(|(i, start)| (*start, Item::Header(i)))
        .chain(
            rule_starts
                .iter()
                .enumerate()
                .map(|(i, start)| (*start, Item::Rule(i))),
        )
        .collect();
    items.sort_by_key(|(start, _)| *start);
    let mut before: Vec<Vec<&Comment>> = vec![Vec::new(); items.len()];
    let mut after: Vec<Vec<&Comment>> = vec![Vec::new(); items.len()];
    let mut inside: Vec<Vec<(Place, &Comment)>> = vec![Vec::new(); pack.rules.len()];
    let mut at_end: Vec<&Comment> = Vec::new();
    for comment in &comments {
        let next = items.iter().position(|(start, _)| *start > comment.offset);
        let previous = next.map_or(items.len(), |n| n).checked_sub(1);
        let in_rule = match previous.and_then(|p| items.get(p)) {
            Some((_, Item::Rule(r))) if comment.depth > 0 => Some(*r),
            _ => None,
        };
        if let Some(rule) = in_rule {
            let from = rule_starts[rule];
            let to = next.map_or(src.len(), |n| items[n].0);
            let starts: Vec<&LineStart> = line_starts
                .iter()
                .filter(|s| s.offset > from && s.offset < to)
                .collect();
            let place = if comment.depth > 1 {
                // Inside a block: the rule line it belongs to, and the entry it stood by.
                match starts.iter().rposition(|s| s.offset < comment.offset) {
                    Some(index) => {
                        let (keyword, n) = line_key(&starts, index);
                        let block_end = starts.get(index + 1).map_or(to, |s| s.offset);
                        let entries: Vec<usize> = entry_starts
                            .iter()
                            .copied()
                            .filter(|e| *e > starts[index].offset && *e < block_end)
                            .collect();
                        let entry = if comment.own_line {
                            entries.iter().position(|e| *e > comment.offset)
                        } else {
                            entries.iter().rposition(|e| *e < comment.offset)
                        };
                        Place::Entry(keyword, n, entry, !comment.own_line)
                    }
                    None => Place::Opening,
                }
            } else if comment.own_line {
                match starts.iter().position(|s| s.offset > comment.offset) {
                    Some(index) => {
                        let (keyword, n) = line_key(&starts, index);
                        Place::Before(keyword, n)
                    }
                    None => Place::Closing,
                }
            } else {
                match starts.iter().rposition(|s| s.offset < comment.offset) {
                    Some(index) => {
                        let (keyword, n) = line_key(&starts, index);
                        Place::After(keyword, n)
                    }
                    None => Place::Opening,
                }
            };
            if let Some(list) = inside.get_mut(rule) {
                list.push((place, comment));
            }
            continue;
        }
        let slot = match (comment.own_line, next, previous) {
            (true, Some(n), _) => before.get_mut(n),
            (false, _, Some(p)) => after.get_mut(p),
            _ => None,
        };
        match slot {
            Some(list) => list.push(comment),
            None => at_end.push(comment),
        }
    }
    let position = |item: Item| items.iter().position(|(_, i)| *i == item);
    let comments_before = |item: Item| -> Vec<&Comment> {
        position(item)
            .and_then(|p| before.get(p))
            .cloned()
            .unwrap_or_default()
    };
    let comments_after = |item: Item| -> Vec<&Comment> {
        position(item)
            .and_then(|p| after.get(p))
            .cloned()
            .unwrap_or_default()
    };
    let header_only = crate::eval::kinds::Pack {
        rules: Vec::new(),
        ..pack.clone()
    };
    let header = dsl::print_pack(&header_only);
    let mut out = String::new();
    if header.lines().count() == header_starts.len() {
        for (i, line) in header.lines().enumerate() {
            push_comments(&mut out, &comments_before(Item::Header(i)), "", true);
            out.push_str(line);
            end_line(&mut out, &comments_after(Item::Header(i)), "");
        }
    } else {
        for i in 0..header_starts.len() {
            push_comments(&mut out, &comments_before(Item::Header(i)), "", true);
        }
        out.push_str(&header);
        for i in 0..header_starts.len() {
            push_comments(&mut out, &comments_after(Item::Header(i)), "", false);
        }
    }
    for (i, rule) in pack.rules.iter().enumerate() {
        out.push('\n');
        push_comments(&mut out, &comments_before(Item::Rule(i)), "", true);
        let printed = dsl::print_rule(rule);
        let own = inside.get(i).map(Vec::as_slice).unwrap_or_default();
        write_rule_with_comments(&mut out, &printed, own);
        if let Some(last) = out.strip_suffix('\n').map(str::len) {
            out.truncate(last);
            end_line(&mut out, &comments_after(Item::Rule(i)), "");
        }
    }
    if !at_end.is_empty() {
        out.push('\n');
        for comment in at_end {
            out.push_str(&comment.text);
            out.push('\n');
        }
    }
    out
}

/// Ends the line just written: the first comment at its end, any others on lines of their
/// own below it.
fn end_line(out: &mut String, comments: &[&Comment], indent: &str) {
    let mut comments = comments.iter();
    if let Some(first) = comments.next() {
        out.push(' ');
        out.push_str(&first.text);
    }
    out.push('\n');
    for comment in comments {
        out.push_str(indent);
        out.push_str(&comment.text);
        out.push('\n');
    }
}

/// A printed rule with the comments that stood inside it. A rule line starts two spaces in
/// with a letter; the lines below it, until the next such line, continue it (a wrapped list,
/// a long example, the lines of `sections { … }`). A comment whose line is not printed (it
/// was taken from a table, say) goes to the top of the rule, as no comment may be lost.
fn write_rule_with_comments(out: &mut String, printed: &str, comments: &[(Place, &Comment)]) {
    let lines: Vec<&str> = printed.lines().collect();
    let is_start = |line: &str| {
        line.strip_prefix("  ")
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_alphabetic()))
    };
    // Each rule line: its key, its first and last printed line.
    let mut rule_lines: Vec<((&str, usize), usize, usize)> = Vec::new();
    for (index, line) in lines.iter().enumerate().skip(1) {
        if is_start(line) {
            let keyword = line.trim_start().split(' ').next().unwrap_or_default();
            let seen = rule_lines
                .iter()
                .filter(|((k, _), _, _)| *k == keyword)
                .count();
            rule_lines.push(((keyword, seen), index, index));
        } else if let Some(last) = rule_lines.last_mut() {
            if index + 1 < lines.len() {
                last.2 = index;
            }
        }
    }
    let known = |keyword: &str, n: usize| {
        rule_lines
            .iter()
            .any(|((k, seen), _, _)| *k == keyword && *seen == n)
    };
    let placed = |wanted: &dyn Fn(Place) -> bool| -> Vec<&Comment> {
        comments
            .iter()
            .filter(|(place, _)| wanted(*place))
            .map(|(_, comment)| *comment)
            .collect()
    };
    let lost = placed(&|place| match place {
        Place::Before(k, n) | Place::After(k, n) => !known(k, n),
        Place::Entry(k, n, entry, _) => {
            let entries = rule_lines
                .iter()
                .find(|((key, seen), _, _)| *key == k && *seen == n)
                .map_or(0, |(_, first, last)| {
                    (*first + 1..*last)
                        .filter(|i| {
                            lines[*i]
                                .strip_prefix("    ")
                                .is_some_and(|rest| rest.starts_with('"'))
                        })
                        .count()
                });
            !known(k, n) || entry.is_some_and(|e| e >= entries)
        }
        _ => false,
    });
    out.push_str(lines.first().copied().unwrap_or_default());
    end_line(out, &placed(&|place| place == Place::Opening), "  ");
    push_comments(out, &lost, "  ", false);
    for ((keyword, n), first, last) in &rule_lines {
        push_comments(
            out,
            &placed(&|place| matches!(place, Place::Before(k, m) if k == *keyword && m == *n)),
            "  ",
            false,
        );
        let entry = |entry: Option<usize>, after: bool| {
            placed(&|place| {
                matches!(place, Place::Entry(k, m, e, a)
                    if k == *keyword && m == *n && e == entry && a == after)
            })
        };
        // The entries of a block: its lines that start four spaces in with a string.
        let entry_lines: Vec<usize> = (*first + 1..*last)
            .filter(|i| {
                lines[*i]
                    .strip_prefix("    ")
                    .is_some_and(|rest| rest.starts_with('"'))
            })
            .collect();
        let mut entry_index = 0;
        for (index, line) in lines.iter().enumerate().take(*last).skip(*first) {
            if let Some(at) = entry_lines.iter().position(|e| *e == index) {
                entry_index = at;
                push_comments(out, &entry(Some(at), false), "    ", false);
            }
            out.push_str(line);
            let ends_entry = entry_lines.contains(&(index + 1)) || index + 1 == *last;
            if index == *first {
                end_line(out, &entry(None, true), "    ");
            } else if ends_entry && !entry_lines.is_empty() {
                end_line(out, &entry(Some(entry_index), true), "    ");
            } else {
                out.push('\n');
            }
        }
        push_comments(out, &entry(None, false), "    ", false);
        out.push_str(lines[*last]);
        end_line(
            out,
            &placed(&|place| matches!(place, Place::After(k, m) if k == *keyword && m == *n)),
            "  ",
        );
    }
    push_comments(out, &placed(&|place| place == Place::Closing), "  ", false);
    out.push_str(lines.last().copied().unwrap_or_default());
    out.push('\n');
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Item {
    Header(usize),
    Rule(usize),
}

/// The outcome of one inline example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleResult {
    pub rule: String,
    pub kind: ExampleKind,
    pub text: String,
    /// Messages of the rule's findings on the example.
    pub findings: Vec<String>,
}

impl ExampleResult {
    pub fn passed(&self) -> bool {
        match self.kind {
            ExampleKind::Pass => self.findings.is_empty(),
            ExampleKind::Fail => !self.findings.is_empty(),
        }
    }
}

/// Run every inline example of the given rules, each rule alone on its example text.
pub fn run_examples(rules: &[PackRule], packs: &[crate::eval::kinds::Pack]) -> Vec<ExampleResult> {
    let mut results = Vec::new();
    for pr in rules {
        let single = RuleSet {
            packs: packs.to_vec(),
            rules: vec![pr.clone()],
        };
        let engine = Engine::new(&single);
        for ex in &pr.rule.examples {
            let doc = Document::parse(ex.text.value.clone());
            let findings = engine.check(&doc).into_iter().map(|f| f.message).collect();
            results.push(ExampleResult {
                rule: pr.full_id(),
                kind: ex.kind,
                text: ex.text.value.clone(),
                findings,
            });
        }
    }
    results
}

pub fn test(args: TestArgs) -> i32 {
    let mut sets: Vec<(String, Result<RuleSet, load::LoadError>)> = Vec::new();
    if args.packs.is_empty() {
        for b in load::BUILTIN {
            sets.push((format!("builtin:{}", b.name), load::load_builtin(b.name)));
        }
    }
    for p in &args.packs {
        for warning in load::warnings_of_file(p) {
            eprintln!("{warning}");
        }
        sets.push((p.display().to_string(), load::load_file(p)));
    }
    if sets.is_empty() {
        eprintln!(
            "{}",
            crate::tr!("error-line", message = crate::tr!("test-no-packs"))
        );
        return exit::TROUBLE;
    }
    let mut code = exit::CLEAN;
    let (mut passed, mut failed, mut broken) = (0, 0, 0);
    for (shown, set) in sets {
        let set = match set {
            Ok(s) => s,
            Err(e) => {
                report_error(&e, false);
                code = exit::TROUBLE;
                broken += 1;
                continue;
            }
        };
        // Only the pack's own rules: extended packs are tested on their own.
        let own = set
            .packs
            .last()
            .map(|p| p.name.value.clone())
            .unwrap_or_default();
        let rules: Vec<PackRule> = set
            .rules
            .iter()
            .filter(|r| r.pack == own)
            .cloned()
            .collect();
        let examples: usize = rules.iter().map(|r| r.rule.examples.len()).sum();
        if let Err(c) = super::print(format!(
            "{}\n",
            crate::tr!(
                "test-pack-header",
                path = shown,
                rules = rules.len(),
                examples = examples
            )
        )) {
            return c;
        }
        let without: Vec<&PackRule> = rules
            .iter()
            .filter(|r| r.rule.examples.is_empty())
            .collect();
        for r in &without {
            if let Err(c) = super::print(format!(
                "  {}\n",
                crate::tr!(
                    "warning-line",
                    message = crate::tr!("test-no-examples", rule = r.full_id())
                )
            )) {
                return c;
            }
        }
        for result in run_examples(&rules, &set.packs) {
            if result.passed() {
                passed += 1;
                continue;
            }
            failed += 1;
            let what = match result.kind {
                ExampleKind::Pass => {
                    crate::tr!("test-should-pass", findings = result.findings.join("；"))
                }
                ExampleKind::Fail => crate::tr!("test-should-fail"),
            };
            if let Err(c) = super::print(format!(
                "{}\n",
                crate::tr!(
                    "test-failed-example",
                    rule = result.rule,
                    what = what,
                    text = result.text
                )
            )) {
                return c;
            }
        }
    }
    // A pack that could not be loaded was not tested: the last line says so instead of a
    // count that would read as a clean result.
    let last = if broken > 0 && passed + failed == 0 {
        crate::tr!("test-not-run", broken = broken)
    } else if broken > 0 {
        crate::tr!(
            "test-summary-with-broken",
            passed = passed,
            failed = failed,
            broken = broken
        )
    } else {
        crate::tr!("test-summary", passed = passed, failed = failed)
    };
    if let Err(c) = super::print(format!("{last}\n")) {
        return c;
    }
    if failed > 0 && code == exit::CLEAN {
        code = exit::FINDINGS;
    }
    code
}
