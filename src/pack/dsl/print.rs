//! Canonical DSL text of a pack, for `reportlint fmt` and `convert --to dsl`.
//!
//! The layout is fixed: pack lines first, then each rule with its lines in one order
//! (severity, message, help, reference, tags, once per file, the check, examples), two-space
//! indentation and one blank line between rules. Reading the text back gives an equal pack,
//! and printing that pack gives the same text. Each kind prints its own line(s)
//! ([`super::DslKind::dsl_print`]) with the helpers here: [`line()`], [`wrapped_line`],
//! [`list`], [`scope_suffix`], [`lets_and_asserts`] and [`super::quote`].

use super::kind::DslCheck;
use super::strings::{fits_long_string, long_quote, quote};
use crate::pack::model::{Example, ExampleKind, Expr, Let, Matcher, Pack, Rule, Scope};

const INDENT: &str = "  ";

/// The pack as canonical DSL text.
pub fn print_pack<C: DslCheck>(pack: &Pack<C>) -> String {
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

pub fn line(out: &mut String, depth: usize, text: &str) {
    for _ in 0..depth {
        out.push_str(INDENT);
    }
    out.push_str(text);
    out.push('\n');
}

/// A rule line that may be long (a check, tags, a section, a term): wrapped past
/// `wrap::WIDTH` columns, one list item a line.
pub fn wrapped_line(out: &mut String, depth: usize, text: &str) {
    out.push_str(&super::wrap::wrap(text, depth));
    out.push('\n');
}

/// One rule in canonical DSL form (as `rules explain` shows it).
pub fn print_rule<C: DslCheck>(rule: &Rule<C>) -> String {
    let mut out = String::new();
    write_rule(&mut out, rule);
    out
}

fn write_rule<C: DslCheck>(out: &mut String, rule: &Rule<C>) {
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
    rule.check.print(out);
    for example in &rule.examples {
        print_example(out, example);
    }
    line(out, 0, "}");
}

pub fn lets_and_asserts(out: &mut String, lets: &[Let], asserts: &[Expr]) {
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

pub fn list(matchers: &[Matcher]) -> String {
    let items: Vec<String> = matchers.iter().map(Matcher::to_string).collect();
    items.join(", ")
}

pub fn scope_suffix(scope: &Scope) -> String {
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
