//! Canonical DSL text of a pack, for `reportlint fmt` and `convert --to dsl`.
//!
//! The layout is fixed: pack lines first, then each rule with its lines in one order
//! (severity, message, help, reference, tags, once per file, the check, examples), two-space
//! indentation and one blank line between rules. Reading the text back gives an equal pack,
//! and printing that pack gives the same text.

use std::fmt::Write;

use super::strings::{fits_long_string, long_quote, quote};
use crate::pack::model::{
    Check, Condition, Example, ExampleKind, Expr, Let, Matcher, Pack, Require, Rule, Scope, Terms,
};

const INDENT: &str = "  ";

/// The pack as canonical DSL text.
pub fn print_pack(pack: &Pack) -> String {
    let mut out = String::new();
    line(&mut out, 0, &format!("pack {}", quote(&pack.name)));
    if let Some(version) = &pack.version {
        line(&mut out, 0, &format!("version {}", quote(version)));
    }
    if let Some(description) = &pack.description {
        line(&mut out, 0, &format!("description {}", quote(description)));
    }
    for extended in &pack.extends {
        line(&mut out, 0, &format!("extends {}", quote(extended)));
    }
    for disabled in &pack.disable {
        line(&mut out, 0, &format!("disable {}", quote(disabled)));
    }
    for change in &pack.overrides {
        let text = format!(
            "override {} severity {}",
            quote(&change.rule),
            change.severity.value
        );
        line(&mut out, 0, &text);
    }
    for rule in &pack.rules {
        out.push('\n');
        write_rule(&mut out, rule);
    }
    out
}

fn line(out: &mut String, depth: usize, text: &str) {
    for _ in 0..depth {
        out.push_str(INDENT);
    }
    out.push_str(text);
    out.push('\n');
}

/// A rule line that may be long (a check, tags, a section, a term): wrapped past
/// `wrap::WIDTH` columns, one list item a line.
fn wrapped_line(out: &mut String, depth: usize, text: &str) {
    out.push_str(&super::wrap::wrap(text, depth));
    out.push('\n');
}

/// One rule in canonical DSL form (as `rules explain` shows it).
pub fn print_rule(rule: &Rule) -> String {
    let mut out = String::new();
    write_rule(&mut out, rule);
    out
}

fn write_rule(out: &mut String, rule: &Rule) {
    line(out, 0, &format!("rule {} {{", rule.id.value));
    line(out, 1, &format!("severity {}", rule.severity.value));
    line(out, 1, &format!("message {}", quote(&rule.message)));
    if let Some(help) = &rule.help {
        line(out, 1, &format!("help {}", quote(help)));
    }
    if let Some(reference) = &rule.reference {
        line(out, 1, &format!("reference {}", quote(reference)));
    }
    if !rule.tags.is_empty() {
        let tags: Vec<String> = rule.tags.iter().map(|t| quote(t)).collect();
        wrapped_line(out, 1, &format!("tags {}", tags.join(", ")));
    }
    if rule.once_per_file {
        line(out, 1, "once per file");
    }
    print_check(out, &rule.check);
    for example in &rule.examples {
        print_example(out, example);
    }
    line(out, 0, "}");
}

fn print_check(out: &mut String, check: &Check) {
    match check {
        Check::Require(require) => {
            wrapped_line(out, 1, &format!("require {}", require_body(require)))
        }
        Check::Forbid(forbid) => {
            let mut text = format!("forbid {}", forbid.what);
            if !forbid.unless.is_empty() {
                let _ = write!(text, " unless {}", list(&forbid.unless));
            }
            if !forbid.suggest.is_empty() {
                let suggestions: Vec<String> = forbid.suggest.iter().map(|s| quote(s)).collect();
                let _ = write!(text, " suggest {}", suggestions.join(", "));
            }
            text.push_str(&scope_suffix(&forbid.scope));
            wrapped_line(out, 1, &text);
        }
        Check::Match(check) => {
            let text = format!("match {}{}", check.pattern, scope_suffix(&check.scope));
            wrapped_line(out, 1, &text);
            print_lets_and_asserts(out, &check.lets, &check.asserts);
        }
        Check::Statement(check) => {
            let mut text = format!("match statement {}", check.kind.value);
            if let Some(subject) = &check.subject {
                let _ = write!(text, " subject {subject}");
            }
            wrapped_line(out, 1, &text);
            print_lets_and_asserts(out, &check.lets, &check.asserts);
        }
        Check::Consistent(consistent) => {
            let text = format!(
                "consistent {} on {}",
                consistent.pattern, consistent.capture.value
            );
            wrapped_line(out, 1, &text);
        }
        Check::When(when) => {
            let condition = match &when.condition {
                Condition::Mentions { what, scope } => format!("{what}{}", scope_suffix(scope)),
                Condition::Match { pattern, test } => match test {
                    Some(test) => format!("match {pattern} if {test}"),
                    None => format!("match {pattern}"),
                },
            };
            let text = format!("when {condition} require {}", require_body(&when.then));
            wrapped_line(out, 1, &text);
        }
        Check::Sections(sections) => {
            let ordered = if sections.ordered { " ordered" } else { "" };
            wrapped_line(out, 1, &format!("sections{ordered} {{"));
            let last = sections.sections.len().saturating_sub(1);
            for (i, section) in sections.sections.iter().enumerate() {
                let comma = if i < last { "," } else { "" };
                let text = format!("{} = {}{comma}", quote(&section.name), section.heading);
                wrapped_line(out, 2, &text);
            }
            wrapped_line(out, 1, "}");
        }
        Check::Headings(headings) => line(
            out,
            1,
            &format!("headings {}", headings.aspect.value.as_str()),
        ),
        Check::Assert(facts) => print_lets_and_asserts(out, &facts.lets, &facts.asserts),
        Check::Paired(paired) => {
            let pairs: Vec<String> = paired.pairs.iter().map(|p| quote(p)).collect();
            wrapped_line(out, 1, &format!("paired {}", pairs.join(", ")));
        }
        Check::HalfWidth(halfwidth) => {
            wrapped_line(out, 1, &format!("halfwidth {}", quote(&halfwidth.chars)))
        }
        Check::Terms(terms) => print_terms(out, terms),
        Check::Doubled(doubled) => {
            if doubled.allow.is_empty() {
                wrapped_line(out, 1, "doubled");
            } else {
                let allow: Vec<String> = doubled.allow.iter().map(|a| quote(a)).collect();
                wrapped_line(out, 1, &format!("doubled allow {}", allow.join(", ")));
            }
        }
        Check::Digits(digits) => {
            wrapped_line(out, 1, &format!("digits {}", digits.aspect.value.as_str()))
        }
    }
}

/// `terms file "…" {` with one entry a line, `}`; the entries read from the table are not
/// written (the table stays where it is).
fn print_terms(out: &mut String, terms: &Terms) {
    let mut head = "terms".to_string();
    if let Some(file) = &terms.file {
        let _ = write!(head, " file {}", quote(file));
    }
    if terms.entries.is_empty() {
        line(out, 1, &head);
        return;
    }
    line(out, 1, &format!("{head} {{"));
    for entry in &terms.entries {
        let mut text = format!("{} -> {}", quote(&entry.phrase), quote(&entry.suggest));
        if !entry.unless.is_empty() {
            let unless: Vec<String> = entry.unless.iter().map(|u| quote(u)).collect();
            let _ = write!(text, " unless {}", unless.join(", "));
        }
        wrapped_line(out, 2, &text);
    }
    line(out, 1, "}");
}

fn print_lets_and_asserts(out: &mut String, lets: &[Let], asserts: &[Expr]) {
    for binding in lets {
        line(
            out,
            1,
            &format!("let {} = {}", binding.name.value, binding.value),
        );
    }
    for assertion in asserts {
        line(out, 1, &format!("assert {assertion}"));
    }
}

fn print_example(out: &mut String, example: &Example) {
    let keyword = match example.kind {
        ExampleKind::Pass => "pass",
        ExampleKind::Fail => "fail",
    };
    let text = if fits_long_string(&example.text) {
        long_quote(&example.text, &INDENT.repeat(2))
    } else {
        quote(&example.text)
    };
    line(out, 1, &format!("{keyword} {text}"));
}

fn require_body(require: &Require) -> String {
    let mut text = require.what.to_string();
    if let Some(count) = &require.min_count {
        let _ = write!(text, " at least {}", count.value);
    }
    text.push_str(&scope_suffix(&require.scope));
    text
}

fn list(matchers: &[Matcher]) -> String {
    let items: Vec<String> = matchers.iter().map(Matcher::to_string).collect();
    items.join(", ")
}

fn scope_suffix(scope: &Scope) -> String {
    match scope {
        Scope::Document => String::new(),
        Scope::Section(heading) => format!(" in section {heading}"),
        Scope::Heading(heading) => format!(" in heading {heading}"),
        Scope::Paragraph => " in paragraph".to_string(),
        Scope::Sentence => " in sentence".to_string(),
        Scope::Title => " in title".to_string(),
        Scope::Body => " in body".to_string(),
        Scope::SectionBody(heading) => format!(" in body of section {heading}"),
    }
}
