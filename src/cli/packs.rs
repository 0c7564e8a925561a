//! Commands on packs: `convert` (DSL ⇄ YAML), `fmt` (canonical DSL) and `test` (run every
//! rule's inline examples).
//!
//! The rule model has no place for comments, so `fmt` finds them in the source itself and puts
//! each back next to the pack line or rule it stood by: a comment on its own line goes above
//! the item that follows it, a comment at the end of a line above the item it ends, and a
//! comment inside a rule to the top of that rule. No comment is lost.

use std::path::{Path, PathBuf};

use super::check::{exit, report_error};
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

/// Every comment of a DSL source, skipping comment markers inside strings, long strings and
/// regexes.
fn comments_of(src: &str) -> Vec<Comment> {
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
            } else if c == '/' {
                // A regex if it closes on this line; otherwise a division.
                pos += 1 + closing(rest.get(1..).unwrap_or_default(), '/').unwrap_or(0);
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
    found
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

/// The canonical DSL of `pack`, with the comments of its source `src` kept.
pub fn format_dsl(pack: &crate::pack::model::Pack, src: &str) -> String {
    let comments = comments_of(src);
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
    let mut inside: Vec<Vec<&Comment>> = vec![Vec::new(); pack.rules.len()];
    let mut at_end: Vec<&Comment> = Vec::new();
    for comment in &comments {
        let next = items.iter().position(|(start, _)| *start > comment.offset);
        let previous = next.map_or(items.len(), |n| n).checked_sub(1);
        let in_rule = match previous.and_then(|p| items.get(p)) {
            Some((_, Item::Rule(r))) if comment.depth > 0 => Some(*r),
            _ => None,
        };
        let slot = match (in_rule, comment.own_line) {
            (Some(rule), _) => inside.get_mut(rule),
            (None, true) => next.and_then(|n| before.get_mut(n)),
            (None, false) => previous.and_then(|p| before.get_mut(p)),
        };
        match slot {
            Some(list) => list.push(comment),
            None => at_end.push(comment),
        }
    }
    let comments_before = |item: Item| -> Vec<&Comment> {
        items
            .iter()
            .position(|(_, i)| *i == item)
            .and_then(|p| before.get(p))
            .cloned()
            .unwrap_or_default()
    };
    let header_only = crate::pack::model::Pack {
        rules: Vec::new(),
        ..pack.clone()
    };
    let header = dsl::print_pack(&header_only);
    let mut out = String::new();
    if header.lines().count() == header_starts.len() {
        for (i, line) in header.lines().enumerate() {
            push_comments(&mut out, &comments_before(Item::Header(i)), "", true);
            out.push_str(line);
            out.push('\n');
        }
    } else {
        for i in 0..header_starts.len() {
            push_comments(&mut out, &comments_before(Item::Header(i)), "", true);
        }
        out.push_str(&header);
    }
    for (i, rule) in pack.rules.iter().enumerate() {
        out.push('\n');
        push_comments(&mut out, &comments_before(Item::Rule(i)), "", true);
        let printed = dsl::print_rule(rule);
        let (first, rest) = printed.split_once('\n').unwrap_or((&printed, ""));
        out.push_str(first);
        out.push('\n');
        if let Some(own) = inside.get(i) {
            push_comments(&mut out, own, "  ", false);
        }
        out.push_str(rest);
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
pub fn run_examples(rules: &[PackRule], packs: &[crate::pack::model::Pack]) -> Vec<ExampleResult> {
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
