//! `reportlint rules list` and `reportlint rules explain ID`: what the loaded packs check.

use std::path::PathBuf;

use super::check::{exit, load_packs};
use crate::eval::load::PackRule;
use crate::pack::model::ExampleKind;

#[derive(Debug, clap::Subcommand)]
pub enum RulesCommand {
    /// One line per rule: id, severity, summary.
    List(RulesArgs),
    /// Everything about one rule: message, help, reference, examples.
    Explain {
        /// `pack/id`, or just `id` when it is unambiguous.
        id: String,
        #[command(flatten)]
        packs: RulesArgs,
    },
}

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// A rule pack to include (repeatable).
    #[arg(long = "pack", value_name = "PACK")]
    pub packs: Vec<PathBuf>,
    /// Leave out the built-in pack.
    #[arg(long)]
    pub no_builtin: bool,
}

fn summary(r: &PackRule) -> String {
    r.rule
        .message
        .value
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

pub fn run(cmd: RulesCommand) -> i32 {
    match cmd {
        RulesCommand::List(args) => {
            let (set, failed) = load_packs(&args.packs, !args.no_builtin, false);
            let width = set
                .rules
                .iter()
                .map(|r| r.full_id().len())
                .max()
                .unwrap_or(0);
            for r in &set.rules {
                let line = format!(
                    "{:width$}  {:7}  {}\n",
                    r.full_id(),
                    r.rule.severity.value.as_str(),
                    summary(r)
                );
                if let Err(code) = super::print(line) {
                    return code;
                }
            }
            if failed {
                exit::TROUBLE
            } else {
                exit::CLEAN
            }
        }
        RulesCommand::Explain { id, packs } => {
            let (set, failed) = load_packs(&packs.packs, !packs.no_builtin, false);
            let found: Vec<&PackRule> = set
                .rules
                .iter()
                .filter(|r| r.full_id() == id || r.rule.id.value == id)
                .collect();
            match found.as_slice() {
                [r] => {
                    if let Err(code) = super::print(explain(r)) {
                        return code;
                    }
                    if failed {
                        exit::TROUBLE
                    } else {
                        exit::CLEAN
                    }
                }
                [] => {
                    let ids: Vec<String> = set.rules.iter().map(|r| r.full_id()).collect();
                    let message = match did_you_mean(&id, &ids) {
                        Some(close) => {
                            crate::tr!("rules-no-rule-did-you-mean", id = id, close = close)
                        }
                        None => crate::tr!("rules-no-rule", id = id),
                    };
                    eprintln!("{}", crate::tr!("error-line", message = message));
                    exit::TROUBLE
                }
                many => {
                    let ids: Vec<String> = many.iter().map(|r| r.full_id()).collect();
                    eprintln!(
                        "{}",
                        crate::tr!(
                            "error-line",
                            message = crate::tr!("rules-ambiguous", id = id, ids = ids.join(", "))
                        )
                    );
                    exit::TROUBLE
                }
            }
        }
    }
}

/// The rule id closest to `id` (as written, or its part after `pack/`), when close enough
/// to be a slip: at most a third of its characters differ.
fn did_you_mean(id: &str, ids: &[String]) -> Option<String> {
    let bare = |s: &str| s.rsplit('/').next().unwrap_or(s).to_string();
    let wanted = bare(id);
    ids.iter()
        .map(|full| {
            let d = crate::model::text::edit_distance(&wanted, &bare(full))
                .min(crate::model::text::edit_distance(id, full));
            (d, full)
        })
        .filter(|(d, _)| *d > 0 && *d <= (wanted.chars().count() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, full)| full.clone())
}

/// The full explanation of a rule, as `rules explain` prints it.
pub fn explain(r: &PackRule) -> String {
    let rule = &r.rule;
    let mut out = format!(
        "{}\n\n",
        crate::tr!(
            "explain-title",
            id = r.full_id(),
            severity = rule.severity.value,
            kind = rule.check.kind_name()
        )
    );
    let line = |label: String, value: &str| format!("{label}{value}\n");
    out.push_str(&line(crate::tr!("explain-message"), &rule.message.value));
    if let Some(h) = &rule.help {
        out.push_str(&line(crate::tr!("explain-help"), &h.value));
    }
    if let Some(reference) = &rule.reference {
        out.push_str(&line(crate::tr!("explain-reference"), &reference.value));
    }
    if !rule.tags.is_empty() {
        let tags: Vec<&str> = rule.tags.iter().map(|t| t.value.as_str()).collect();
        out.push_str(&line(crate::tr!("explain-tags"), &tags.join(", ")));
    }
    for (kind, title) in [
        (ExampleKind::Pass, crate::tr!("explain-passes")),
        (ExampleKind::Fail, crate::tr!("explain-fails")),
    ] {
        let examples: Vec<&str> = rule
            .examples
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.text.value.as_str())
            .collect();
        if !examples.is_empty() {
            out.push_str(&format!("\n{title}\n"));
            for e in examples {
                out.push_str(&format!("  {}\n", e.replace('\n', "\n  ")));
            }
        }
    }
    out.push_str(&format!(
        "\n{}\n{}",
        crate::tr!("explain-dsl"),
        indent(&crate::pack::dsl::print_rule(rule))
    ));
    out
}

fn indent(s: &str) -> String {
    s.lines().map(|l| format!("  {l}\n")).collect()
}
