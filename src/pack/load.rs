//! Loading packs from files: pick the front end by extension, validate, resolve `extends`.
//!
//! A pack file is read, parsed by the DSL (`.rules`) or YAML (`.yaml`/`.yml`) front end and
//! validated. Its `extends` entries are loaded first (paths relative to the pack's folder, or
//! `builtin:NAME`), their rules minus `disable`d ones and with `override`n severities come
//! before the pack's own. A cycle of `extends` is an error pointing at the entry that closes it.

use std::path::{Path, PathBuf};

use super::error::{PackError, PackErrors};
use super::model::{Pack, Rule, Severity, Spanned};
use super::{dsl, validate, yaml};

/// A pack shipped inside the binary.
pub struct BuiltinPack {
    pub name: &'static str,
    /// File name shown in diagnostics (`builtin:NAME` resolves to it).
    pub file: &'static str,
    pub source: &'static str,
}

/// Every built-in pack. The first is on by default for `check`.
pub const BUILTIN: &[BuiltinPack] = &[BuiltinPack {
    name: "fazhi",
    file: "rules/fazhi.rules",
    source: include_str!("../../rules/fazhi.rules"),
}];

/// One rule ready for evaluation, with the pack it came from.
#[derive(Clone, Debug)]
pub struct PackRule {
    /// Name of the pack that defines the rule.
    pub pack: String,
    pub rule: Rule,
}

impl PackRule {
    /// The id shown to users: `pack/id`.
    pub fn full_id(&self) -> String {
        format!("{}/{}", self.pack, self.rule.id.value)
    }
}

/// The rules of a pack after resolving what it extends.
#[derive(Clone, Debug, Default)]
pub struct RuleSet {
    pub packs: Vec<Pack>,
    pub rules: Vec<PackRule>,
}

/// The form a pack is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Dsl,
    Yaml,
}

impl Form {
    /// The form for a file name, from its extension.
    pub fn of_path(path: &Path) -> Option<Form> {
        match path.extension().and_then(|e| e.to_str()) {
            Some("rules") => Some(Form::Dsl),
            Some("yaml") | Some("yml") => Some(Form::Yaml),
            _ => None,
        }
    }
}

/// Why a pack could not be loaded.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum LoadError {
    #[error("cannot read rule pack {path}: {message}")]
    #[diagnostic(code(reportlint::pack::read))]
    Read { path: String, message: String },
    #[error("{path}: unknown rule pack form (use .rules for the DSL, .yaml or .yml for YAML)")]
    #[diagnostic(code(reportlint::pack::form))]
    Form { path: String },
    #[error("unknown built-in pack `{name}`")]
    #[diagnostic(code(reportlint::pack::builtin))]
    UnknownBuiltin { name: String },
    #[error(transparent)]
    #[diagnostic(transparent)]
    Pack(#[from] PackErrors),
}

/// Parse and validate one pack source without resolving `extends`.
pub fn parse(name: &str, source: &str, form: Form) -> Result<Pack, PackErrors> {
    let pack = match form {
        Form::Dsl => dsl::parse_pack(name, source)?,
        Form::Yaml => yaml::parse_pack(name, source)?,
    };
    if let Err(errors) = validate::validate(&pack) {
        return Err(PackErrors::new(name, source, errors));
    }
    Ok(pack)
}

/// Where a pack's text comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Origin {
    File(PathBuf),
    Builtin(&'static str),
}

/// Load a pack file and everything it extends.
pub fn load_file(path: &Path) -> Result<RuleSet, LoadError> {
    let mut set = RuleSet::default();
    load_into(&Origin::File(path.to_path_buf()), &mut Vec::new(), &mut set)?;
    Ok(set)
}

/// Load a built-in pack by name.
pub fn load_builtin(name: &str) -> Result<RuleSet, LoadError> {
    let builtin =
        BUILTIN
            .iter()
            .find(|b| b.name == name)
            .ok_or_else(|| LoadError::UnknownBuiltin {
                name: name.to_string(),
            })?;
    let mut set = RuleSet::default();
    load_into(&Origin::Builtin(builtin.name), &mut Vec::new(), &mut set)?;
    Ok(set)
}

fn read(origin: &Origin) -> Result<(String, String, Form), LoadError> {
    match origin {
        Origin::File(path) => {
            let shown = path.display().to_string();
            let form = Form::of_path(path).ok_or_else(|| LoadError::Form {
                path: shown.clone(),
            })?;
            let text = std::fs::read_to_string(path).map_err(|e| LoadError::Read {
                path: shown.clone(),
                message: e.to_string(),
            })?;
            Ok((shown, text, form))
        }
        Origin::Builtin(name) => {
            let b = BUILTIN.iter().find(|b| b.name == *name).ok_or_else(|| {
                LoadError::UnknownBuiltin {
                    name: name.to_string(),
                }
            })?;
            let form = Form::of_path(Path::new(b.file)).unwrap_or(Form::Dsl);
            Ok((b.file.to_string(), b.source.to_string(), form))
        }
    }
}

fn resolve(from: &Origin, entry: &str) -> Origin {
    if let Some(name) = entry.strip_prefix("builtin:") {
        if let Some(b) = BUILTIN.iter().find(|b| b.name == name) {
            return Origin::Builtin(b.name);
        }
    }
    match from {
        Origin::File(path) => {
            Origin::File(path.parent().unwrap_or_else(|| Path::new(".")).join(entry))
        }
        Origin::Builtin(_) => Origin::File(PathBuf::from(entry)),
    }
}

fn load_into(origin: &Origin, stack: &mut Vec<Origin>, set: &mut RuleSet) -> Result<(), LoadError> {
    let (shown, text, form) = read(origin)?;
    let pack = parse(&shown, &text, form)?;
    stack.push(origin.clone());
    let mut errors = Vec::new();
    let mut inherited = RuleSet::default();
    for entry in &pack.extends {
        if entry.value.starts_with("builtin:")
            && !BUILTIN
                .iter()
                .any(|b| entry.value.strip_prefix("builtin:") == Some(b.name))
        {
            errors.push(
                PackError::new(
                    format!("unknown built-in pack `{}`", entry.value),
                    entry.span.clone(),
                )
                .with_help(builtin_help()),
            );
            continue;
        }
        let target = resolve(origin, &entry.value);
        if stack.contains(&target) {
            errors.push(
                PackError::new(
                    "`extends` cycle: this pack is already being loaded",
                    entry.span.clone(),
                )
                .with_label("closes the cycle"),
            );
            continue;
        }
        if let Origin::File(p) = &target {
            if !p.exists() {
                errors.push(
                    PackError::new(
                        format!("extended pack not found: {}", p.display()),
                        entry.span.clone(),
                    )
                    .with_label("no such file"),
                );
                continue;
            }
        }
        match load_into(&target, stack, &mut inherited) {
            Ok(()) => {}
            Err(LoadError::Pack(inner)) => return Err(LoadError::Pack(inner)),
            Err(other) => errors.push(PackError::new(other.to_string(), entry.span.clone())),
        }
    }
    stack.pop();
    apply_disable(&pack.disable, &mut inherited.rules, &mut errors);
    for o in &pack.overrides {
        match inherited
            .rules
            .iter_mut()
            .find(|r| r.full_id() == o.rule.value)
        {
            Some(r) => r.rule.severity = Spanned::new(o.severity.value, o.severity.span.clone()),
            None => errors.push(unknown_rule(&o.rule, &inherited.rules)),
        }
    }
    for r in &pack.rules {
        let full = format!("{}/{}", pack.name.value, r.id.value);
        if inherited.rules.iter().any(|p| p.full_id() == full) {
            errors.push(PackError::new(
                format!("rule `{full}` is also defined by an extended pack"),
                r.id.span.clone(),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(PackErrors::new(&shown, text, errors).into());
    }
    set.rules.append(&mut inherited.rules);
    set.packs.append(&mut inherited.packs);
    set.rules.extend(pack.rules.iter().map(|r| PackRule {
        pack: pack.name.value.clone(),
        rule: r.clone(),
    }));
    set.packs.push(pack);
    Ok(())
}

fn apply_disable(
    disable: &[Spanned<String>],
    rules: &mut Vec<PackRule>,
    errors: &mut Vec<PackError>,
) {
    for d in disable {
        let before = rules.len();
        let unknown = unknown_rule(d, rules);
        rules.retain(|r| r.full_id() != d.value);
        if rules.len() == before {
            errors.push(unknown);
        }
    }
}

fn unknown_rule(id: &Spanned<String>, rules: &[PackRule]) -> PackError {
    let mut e = PackError::new(
        format!("no rule `{}` in the extended packs", id.value),
        id.span.clone(),
    )
    .with_label("unknown rule");
    let known: Vec<String> = rules.iter().map(|r| r.full_id()).collect();
    if let Some(near) = known
        .iter()
        .find(|k| k.ends_with(&format!("/{}", id.value)))
    {
        e = e.with_help(format!(
            "rule ids are written `pack/id`: did you mean `{near}`?"
        ));
    }
    e
}

fn builtin_help() -> String {
    let names: Vec<&str> = BUILTIN.iter().map(|b| b.name).collect();
    if names.is_empty() {
        "no built-in packs are available".to_string()
    } else {
        format!("built-in packs: {}", names.join(", "))
    }
}

/// Severity of a rule after overrides (helper for callers that only need the value).
pub fn severity_of(rule: &PackRule) -> Severity {
    rule.rule.severity.value
}
