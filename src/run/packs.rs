//! The rules of a run: the built-in pack, the configuration's packs and `--pack`, narrowed
//! and adjusted by the configuration and `--only`/`--skip`.

use std::path::PathBuf;

use crate::config::{self, names_rule, Config};
use crate::eval::load::{self, RuleSet};
use crate::pack::error::PackError;

/// The built-in pack (unless switched off) and every pack of `packs`, with the errors of
/// those that failed to load, in loading order.
pub fn load_packs(packs: &[PathBuf], builtin: bool) -> (RuleSet, Vec<load::LoadError>) {
    load_project_packs(None, packs, builtin, load::Reach::Repository)
}

/// The built-in pack (unless switched off), the packs named by the configuration, then
/// `packs` (from `--pack`). A configuration's packs must be inside its repository unless
/// `reach` is [`load::Reach::Anywhere`]; packs named on the command line may be anywhere,
/// and what any pack extends stays inside its repository under the same `reach`. Returns
/// the usable rules and the errors of the packs that failed, in loading order.
pub fn load_project_packs(
    config: Option<&Config>,
    packs: &[PathBuf],
    builtin: bool,
    reach: load::Reach,
) -> (RuleSet, Vec<load::LoadError>) {
    let mut set = RuleSet::default();
    let mut failed = Vec::new();
    let mut add = |result: Result<RuleSet, load::LoadError>| match result {
        Ok(mut s) => {
            set.packs.append(&mut s.packs);
            set.rules.append(&mut s.rules);
        }
        Err(e) => failed.push(e),
    };
    if builtin {
        if let Some(b) = load::BUILTIN.first() {
            add(load::load_builtin(b.name));
        }
    }
    if let Some(config) = config {
        for p in &config.packs {
            add(load::load_configured_file(p, &config.file, reach));
        }
    }
    for p in packs {
        add(load::load_file_with(p, reach));
    }
    (set, failed)
}

pub fn keep_rule(full_id: &str, only: &[String], skip: &[String]) -> bool {
    let matches = |sel: &String| names_rule(sel, full_id);
    (only.is_empty() || only.iter().any(matches)) && !skip.iter().any(matches)
}

/// Every rule the configuration names must exist in the loaded packs.
pub fn check_rule_names(config: &Config, set: &RuleSet) -> Result<(), config::ConfigErrors> {
    let ids: Vec<String> = set.rules.iter().map(|r| r.full_id()).collect();
    let errors: Vec<PackError> = config
        .rule_references()
        .into_iter()
        .filter(|r| !ids.iter().any(|id| names_rule(&r.value, id)))
        .map(|r| {
            PackError::new(
                crate::tr!("packs-no-loaded-rule", rule = r.value),
                r.span.clone(),
            )
            .with_label(crate::tr!("packs-unknown-rule"))
            .with_help(crate::tr!("packs-rule-ids-help"))
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(config.error_at(errors))
    }
}

/// Apply the configuration's `severity` and `disable` to the loaded rules.
pub fn apply_rule_settings(config: &Config, set: &mut RuleSet) {
    for rule in &mut set.rules {
        let id = rule.full_id();
        for (selector, severity) in &config.severity {
            if names_rule(&selector.value, &id) {
                rule.rule.severity.value = *severity;
            }
        }
    }
    set.rules.retain(|r| {
        !config
            .disable
            .iter()
            .any(|d| names_rule(&d.value, &r.full_id()))
    });
}
