//! Loading packs from files: pick the front end by extension, validate, resolve `extends`.
//!
//! A pack file is read, parsed by the DSL (`.rules`) or YAML (`.yaml`/`.yml`) front end and
//! validated. Its `extends` entries are loaded first (paths relative to the pack's folder, or
//! `builtin:NAME`), their rules minus `disable`d ones and with `override`n severities come
//! before the pack's own. A cycle of `extends` is an error pointing at the entry that closes it.
//! A rule reached twice (two packs extending one base) is kept once. A pack with no rules of
//! its own must extend something, and the resolved set must keep at least one rule.
//!
//! A pack is untrusted input: `extends` may only reach files inside the repository of the
//! pack named on the command line (the git work tree holding it, or its folder when it is in
//! none), and packs named by a configuration file only files inside the configuration's
//! repository, unless the caller allows [`Reach::Anywhere`]. Whether a path is inside is
//! decided on the path with links resolved as far as it exists, before looking whether it
//! exists, so an error never tells whether a file outside is there. Packs cannot run commands
//! or reach the network: the rule language has no construct for either, and loading only
//! reads regular files of at most 4 MiB ([`file`](crate::pack::file)).
//!
//! A file that is not a pack is never quoted in an error: when a file fails to load and does
//! not start like a pack ([`looks_like_pack`]), or is binary or too large, the error names the
//! file and says what is wrong without showing its content, so that a pack path pointing at
//! a secret cannot print it into a CI log.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::kinds::{self, Check, Pack, Rule};
use super::search::Leaf;
use super::validate::{self, CompiledPack};
use super::CompiledCheck;
use crate::pack::error::{PackError, PackErrors};
use crate::pack::model::Spanned;
use crate::pack::pattern::CompileWhen;
use crate::pack::{dsl, file, yaml};

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
    /// The rule as written (its severity may be changed by `override` and configuration).
    pub rule: Rule,
    /// Its check, compiled when the pack was validated.
    pub check: CompiledCheck,
    /// The leaf table of the rule's pack, which the check's leaf ids point into.
    pub leaves: Arc<Vec<Arc<Leaf>>>,
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

impl RuleSet {
    /// Each rule's tags by `pack/id` (the overviews group their columns by them).
    pub fn tags(&self) -> std::collections::HashMap<String, Vec<String>> {
        self.rules
            .iter()
            .map(|r| {
                let tags = r.rule.tags.iter().map(|t| t.value.clone()).collect();
                (r.full_id(), tags)
            })
            .collect()
    }
}

/// A pack that passed validation: what it says (the model that `convert`, `fmt` and `rules`
/// print) and its rules compiled for the engine.
#[derive(Clone, Debug)]
pub struct ValidPack {
    pub pack: Pack,
    pub compiled: CompiledPack,
}

/// Two validated packs are equal when they say the same (their compiled forms follow).
impl PartialEq for ValidPack {
    fn eq(&self, other: &Self) -> bool {
        self.pack == other.pack
    }
}

impl std::ops::Deref for ValidPack {
    type Target = Pack;
    fn deref(&self) -> &Pack {
        &self.pack
    }
}

impl ValidPack {
    /// Validate and compile a pack built in code.
    pub fn new(pack: Pack) -> Result<ValidPack, Vec<PackError>> {
        let compiled = validate::validate(&pack)?;
        Ok(ValidPack { pack, compiled })
    }

    /// The pack's own rules, ready for evaluation (what it extends is not loaded).
    pub fn rules(&self) -> Vec<PackRule> {
        self.pack
            .rules
            .iter()
            .zip(&self.compiled.checks)
            .map(|(rule, check)| PackRule {
                pack: self.pack.name.value.clone(),
                rule: rule.clone(),
                check: check.clone(),
                leaves: self.compiled.leaves.clone(),
            })
            .collect()
    }

    /// A rule set of the pack's own rules.
    pub fn rule_set(self) -> RuleSet {
        RuleSet {
            rules: self.rules(),
            packs: vec![self.pack],
        }
    }
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
    #[error("{}", crate::tr!("load-cannot-read-pack", path = .path, message = .message))]
    #[diagnostic(code(reportlint::pack::read))]
    Read { path: String, message: String },
    #[error("{}", crate::tr!("load-unknown-form", path = .path))]
    #[diagnostic(code(reportlint::pack::form))]
    Form { path: String },
    #[error("{}", crate::tr!("load-unknown-builtin", name = .name))]
    #[diagnostic(code(reportlint::pack::builtin))]
    UnknownBuiltin { name: String },
    #[error("{}", crate::tr!("load-not-a-pack", path = .path))]
    #[diagnostic(
        code(reportlint::pack::not_a_pack),
        help("{}", crate::tr!("load-not-a-pack-help"))
    )]
    NotAPack { path: String },
    #[error("{}", crate::tr!("load-outside", path = .path, boundary = .boundary))]
    #[diagnostic(
        code(reportlint::pack::outside),
        help("{}", crate::tr!("load-outside-help"))
    )]
    Outside { path: String, boundary: String },
    #[error(transparent)]
    #[diagnostic(transparent)]
    Pack(#[from] PackErrors),
}

/// Parse, validate and compile one pack source without resolving `extends`.
///
/// The front end checks how the pack is written, validation what it means; their errors
/// come in one report: what the front end could read of a broken pack is validated too.
pub fn parse(name: &str, source: &str, form: Form) -> Result<ValidPack, PackErrors> {
    parse_compiling(name, source, form, CompileWhen::Now)
}

/// [`parse`], compiling the pack's regexes and patterns `when` said: at first use only for
/// the built-in packs, whose every regex and pattern a test compiles, so that a run pays
/// only for those its reports need (a pack file's are compiled at once, so that any error
/// of theirs is a pack error before a report is read).
fn parse_compiling(
    name: &str,
    source: &str,
    form: Form,
    when: CompileWhen,
) -> Result<ValidPack, PackErrors> {
    let (pack, mut errors) = match form {
        Form::Dsl => dsl::parse_pack_partial(source),
        Form::Yaml => yaml::parse_pack_partial(source),
    };
    let refused = !errors.is_empty();
    let compiled = pack
        .as_ref()
        .map(|pack| validate::validate_compiling(pack, refused, when));
    match (pack, compiled) {
        (Some(pack), Some(Ok(compiled))) if errors.is_empty() => Ok(ValidPack { pack, compiled }),
        (_, compiled) => {
            if let Some(Err(found)) = compiled {
                errors.extend(found);
            }
            Err(PackErrors::new(name, source, errors))
        }
    }
}

/// [`parse`], for a file's text: the errors of a file that does not look like a pack are
/// not given with its text, so its content is never quoted.
fn parse_quoting_packs_only(
    shown: &str,
    text: &str,
    form: Form,
    when: CompileWhen,
) -> Result<ValidPack, LoadError> {
    match parse_compiling(shown, text, form, when) {
        Ok(pack) => Ok(pack),
        Err(_) if !looks_like_pack(text, form) => Err(LoadError::NotAPack {
            path: shown.to_string(),
        }),
        Err(errors) => Err(errors.into()),
    }
}

/// Read and parse one pack file without resolving `extends` (`convert`, `fmt`, `test`):
/// the same file checks as loading (a regular file, at most 4 MiB, UTF-8 text) and the same
/// rule of never quoting a file that does not look like a pack.
pub fn read_file(path: &Path) -> Result<(String, String, Form), LoadError> {
    read(&Origin::File(path.to_path_buf()))
}

/// [`parse`] for the text of a file read with [`read_file`].
pub fn parse_file(shown: &str, text: &str, form: Form) -> Result<ValidPack, LoadError> {
    parse_quoting_packs_only(shown, text, form, CompileWhen::Now)
}

/// The warnings of a pack file ([`crate::eval::divisions`]), each as
/// `warning: FILE:LINE:COLUMN: message` followed by its help on a line of its own. None when
/// the file does not load (its errors are reported by loading it).
pub fn warnings_of_file(path: &Path) -> Vec<String> {
    let Ok((shown, text, form)) = read_file(path) else {
        return Vec::new();
    };
    let Ok(valid) = parse_file(&shown, &text, form) else {
        return Vec::new();
    };
    let lines = crate::model::LineIndex::new(&text);
    super::divisions::division_warnings(&valid.pack)
        .into_iter()
        .map(|w| {
            let at = lines.position(&text, w.span.start);
            let mut line = crate::tr!(
                "warn-pack-line",
                file = shown,
                line = at.line,
                column = at.column,
                message = w.message
            );
            if let Some(help) = &w.help {
                line.push_str("\n  ");
                line.push_str(&crate::tr!("warn-pack-help", help = help));
            }
            line
        })
        .collect()
}

/// Whether a file's text starts like a pack of its form, so that quoting it in an error
/// shows the author their own pack and not some other file named by mistake (or on
/// purpose: a link to a credentials file). After an optional byte order mark, blank lines
/// and comments (`//` or `#` lines in the DSL; `#` lines, `---` and `%` directives in
/// YAML), the first word must be a pack-level keyword of the DSL (`pack`, `rule`,
/// `extends`, …), or in YAML a top-level pack key (`pack:`, `rules:`, …, possibly quoted or
/// inside `{`). An empty file counts as a pack (there is nothing to quote); a file of
/// comments only does not.
pub fn looks_like_pack(text: &str, form: Form) -> bool {
    const DSL_WORDS: &[&str] = &[
        "pack",
        "version",
        "description",
        "extends",
        "disable",
        "override",
        "rule",
    ];
    const YAML_KEYS: &[&str] = crate::pack::yaml::read::PACK_KEYS;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let first = text.lines().map(str::trim).find(|line| {
        !(line.is_empty()
            || line.starts_with('#')
            || (form == Form::Dsl && line.starts_with("//"))
            || (form == Form::Yaml && (line.starts_with("---") || line.starts_with('%'))))
    });
    let Some(first) = first else {
        // Nothing but comments is not a pack; nothing at all has nothing to quote.
        return text.trim().is_empty();
    };
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    match form {
        Form::Dsl => {
            let word_end = first.find(|c: char| !is_word(c)).unwrap_or(first.len());
            DSL_WORDS.contains(&first.get(..word_end).unwrap_or_default())
        }
        Form::Yaml => {
            let rest = first.strip_prefix('{').unwrap_or(first).trim_start();
            let (rest, quote) = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => (rest.get(1..).unwrap_or_default(), Some(q)),
                _ => (rest, None),
            };
            let key_end = rest.find(|c: char| !is_word(c)).unwrap_or(rest.len());
            let key = rest.get(..key_end).unwrap_or_default();
            let after = rest.get(key_end..).unwrap_or_default();
            let after = match quote {
                Some(q) => after.strip_prefix(q),
                None => Some(after),
            };
            YAML_KEYS.contains(&key) && after.is_some_and(|a| a.trim_start().starts_with(':'))
        }
    }
}

/// Where a pack's text comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Origin {
    File(PathBuf),
    Builtin(&'static str),
}

/// How far `extends` entries of a pack file may reach.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Reach {
    /// Only files inside the repository of the top pack: the git work tree that holds it,
    /// or the top pack's folder when it is in none.
    #[default]
    Repository,
    /// Any readable file.
    Anywhere,
}

/// The folder `extends` may not leave: the nearest ancestor of the pack's folder that holds
/// `.git`, or the pack's own folder.
fn repository_of(pack: &Path) -> Option<PathBuf> {
    let folder = std::fs::canonicalize(pack).ok()?.parent()?.to_path_buf();
    let root = folder
        .ancestors()
        .find(|a| a.join(".git").exists())
        .map(Path::to_path_buf);
    Some(root.unwrap_or(folder))
}

/// `path` made absolute, with links resolved as far as the path exists and the `.` and `..`
/// of the rest applied to the text, to tell whether a path is inside a folder without asking
/// whether it exists.
fn resolved(path: &Path) -> PathBuf {
    use std::path::Component;
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|cwd| cwd.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    let components: Vec<Component> = absolute.components().collect();
    for existing in (1..=components.len()).rev() {
        let prefix: PathBuf = components.iter().take(existing).collect();
        let Ok(mut real) = std::fs::canonicalize(&prefix) else {
            continue;
        };
        for component in components.iter().skip(existing) {
            match component {
                Component::ParentDir => {
                    real.pop();
                }
                Component::Normal(name) => real.push(name),
                Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
            }
        }
        return real;
    }
    absolute
}

/// The chain of packs being loaded, to catch a cycle of `extends`.
#[derive(Default)]
struct Resolution {
    /// The folder `extends` must stay inside, if confined.
    boundary: Option<PathBuf>,
    /// Identities of the packs on the current `extends` chain, outermost first.
    stack: Vec<Origin>,
    /// The same chain as shown to users.
    shown: Vec<String>,
}

/// Load a pack file and everything it extends, inside its repository.
pub fn load_file(path: &Path) -> Result<RuleSet, LoadError> {
    load_file_with(path, Reach::Repository)
}

/// Load a pack file and everything it extends, as far as `reach` allows.
pub fn load_file_with(path: &Path, reach: Reach) -> Result<RuleSet, LoadError> {
    let mut set = RuleSet::default();
    let origin = Origin::File(path.to_path_buf());
    let mut resolution = Resolution {
        boundary: match reach {
            Reach::Repository => repository_of(path),
            Reach::Anywhere => None,
        },
        ..Resolution::default()
    };
    load_into(&origin, &mut resolution, &mut set)?;
    check_not_empty(&origin, &set)?;
    Ok(set)
}

/// Load a pack file named by the configuration file `config`, and everything it extends.
/// With [`Reach::Repository`] the pack and what it extends must be inside the
/// configuration's repository: the git work tree holding the configuration, or its folder.
pub fn load_configured_file(
    path: &Path,
    config: &Path,
    reach: Reach,
) -> Result<RuleSet, LoadError> {
    let boundary = match reach {
        Reach::Repository => repository_of(config),
        Reach::Anywhere => None,
    };
    if let Some(boundary) = &boundary {
        if !resolved(path).starts_with(boundary) {
            return Err(LoadError::Outside {
                path: path.display().to_string(),
                boundary: boundary.display().to_string(),
            });
        }
    }
    let mut set = RuleSet::default();
    let origin = Origin::File(path.to_path_buf());
    let mut resolution = Resolution {
        boundary,
        ..Resolution::default()
    };
    load_into(&origin, &mut resolution, &mut set)?;
    check_not_empty(&origin, &set)?;
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
    let origin = Origin::Builtin(builtin.name);
    load_into(&origin, &mut Resolution::default(), &mut set)?;
    check_not_empty(&origin, &set)?;
    Ok(set)
}

fn read(origin: &Origin) -> Result<(String, String, Form), LoadError> {
    match origin {
        Origin::File(path) => {
            let shown = path.display().to_string();
            let form = Form::of_path(path).ok_or_else(|| LoadError::Form {
                path: shown.clone(),
            })?;
            let text = file::read_text(path).map_err(|e| LoadError::Read {
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

/// What makes two origins the same pack: `a/../b.rules` and `b.rules` name one file, and
/// comparing written paths would let a cycle through `..` recurse without end.
fn identity(origin: &Origin) -> Origin {
    match origin {
        Origin::File(path) => Origin::File(std::fs::canonicalize(path).unwrap_or(path.clone())),
        Origin::Builtin(name) => Origin::Builtin(name),
    }
}

/// A pack whose `extends` and `disable` leave nothing to check is a mistake, not a pass.
fn check_not_empty(origin: &Origin, set: &RuleSet) -> Result<(), LoadError> {
    if !set.rules.is_empty() {
        return Ok(());
    }
    let (shown, text, _) = read(origin)?;
    let Some(pack) = set.packs.last() else {
        return Ok(());
    };
    let error = PackError::new(
        crate::tr!("load-pack-has-no-rules", pack = pack.name.value),
        pack.name.span.clone(),
    )
    .with_label(crate::tr!("load-pack-checks-nothing"))
    .with_help(crate::tr!("load-keep-at-least-one"));
    Err(PackErrors::new(&shown, text, vec![error]).into())
}

fn load_into(
    origin: &Origin,
    resolution: &mut Resolution,
    set: &mut RuleSet,
) -> Result<(), LoadError> {
    let (shown, text, form) = read(origin)?;
    let when = match origin {
        Origin::Builtin(_) => CompileWhen::FirstUse,
        Origin::File(_) => CompileWhen::Now,
    };
    let mut valid = parse_quoting_packs_only(&shown, &text, form, when)?;
    let mut errors = load_term_tables(&mut valid, origin, resolution)?;
    let own_rules = valid.rules();
    let pack = valid.pack;
    resolution.stack.push(identity(origin));
    resolution.shown.push(shown.clone());
    let mut inherited = RuleSet::default();
    for entry in &pack.extends {
        if entry.value.starts_with("builtin:")
            && !BUILTIN
                .iter()
                .any(|b| entry.value.strip_prefix("builtin:") == Some(b.name))
        {
            errors.push(
                PackError::new(
                    crate::tr!("load-unknown-built-pack-entry", entry = entry.value),
                    entry.span.clone(),
                )
                .with_label(crate::tr!("load-no-such-built-pack"))
                .with_help(builtin_help()),
            );
            continue;
        }
        let target = resolve(origin, &entry.value);
        let target_identity = identity(&target);
        if let Some(start) = resolution.stack.iter().position(|o| *o == target_identity) {
            let mut chain: Vec<&str> = resolution
                .shown
                .get(start..)
                .unwrap_or_default()
                .iter()
                .map(String::as_str)
                .collect();
            chain.extend(resolution.shown.get(start).map(String::as_str));
            errors.push(
                PackError::new(
                    crate::tr!("load-extends-cycle-pack-already"),
                    entry.span.clone(),
                )
                .with_label(crate::tr!("load-closes-cycle"))
                .with_help(crate::tr!(
                    "load-packs-extend-each-other",
                    chain = chain.join(" → ")
                )),
            );
            continue;
        }
        if let Origin::File(p) = &target {
            // Inside or not is decided first, so that the answer for a path outside is the
            // same whether or not something is there.
            if let Some(boundary) = &resolution.boundary {
                if !resolved(p).starts_with(boundary) {
                    errors.push(
                        PackError::new(
                            crate::tr!("load-extends-reaches-outside-repository", p = p.display()),
                            entry.span.clone(),
                        )
                        .with_label(crate::tr!("load-outside-repository"))
                        .with_help(crate::tr!(
                            "load-pack-may-only-extend",
                            boundary = boundary.display()
                        )),
                    );
                    continue;
                }
            }
            if !p.exists() {
                errors.push(
                    PackError::new(
                        crate::tr!("load-extended-pack-not-found", p = p.display()),
                        entry.span.clone(),
                    )
                    .with_label(crate::tr!("load-no-such-file")),
                );
                continue;
            }
        }
        let mut extended = RuleSet::default();
        match load_into(&target, resolution, &mut extended) {
            Ok(()) => {}
            Err(LoadError::Pack(inner)) => return Err(LoadError::Pack(inner)),
            Err(other) => {
                errors.push(PackError::new(other.to_string(), entry.span.clone()));
                continue;
            }
        }
        merge_extended(extended, &mut inherited, entry, &mut errors);
    }
    resolution.stack.pop();
    resolution.shown.pop();
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
            errors.push(
                PackError::new(
                    crate::tr!("load-rule-full-also-defined", full = full),
                    r.id.span.clone(),
                )
                .with_label(crate::tr!("load-defined-again-here"))
                .with_help(crate::tr!("load-give-rule-another-id", full = full)),
            );
        }
    }
    if !errors.is_empty() {
        return Err(PackErrors::new(&shown, text, errors).into());
    }
    set.rules.append(&mut inherited.rules);
    set.packs.append(&mut inherited.packs);
    set.rules.extend(own_rules);
    set.packs.push(pack);
    Ok(())
}

/// Reads the tables that `terms file "…"` rules of `pack` name, beside the pack file and
/// inside the same boundary as `extends`, into the rules' `loaded` entries. A table that is
/// outside, missing or unreadable is an error at the file name in the pack (returned, to be
/// reported with the pack's other errors); a table whose content is wrong is reported on its
/// own, pointing at its rows.
///
/// A rule whose table was read is compiled again with the table's entries (its search
/// automaton then holds them all).
fn load_term_tables(
    valid: &mut ValidPack,
    origin: &Origin,
    resolution: &Resolution,
) -> Result<Vec<PackError>, LoadError> {
    use crate::pack::terms::{check_entries, looks_like_table, read_table, TableForm};
    let mut errors = Vec::new();
    let ValidPack { pack, compiled } = valid;
    for (rule, check) in pack.rules.iter_mut().zip(&mut compiled.checks) {
        let Check::Terms(terms) = &mut rule.check else {
            continue;
        };
        let Some(file) = terms.file.clone() else {
            continue;
        };
        let path = match origin {
            Origin::File(pack_path) => pack_path
                .parent()
                .unwrap_or_else(|| Path::new("."))
                .join(&file.value),
            Origin::Builtin(_) => {
                errors.push(
                    PackError::new(crate::tr!("load-built-pack-cannot-read"), file.span.clone())
                        .with_label(crate::tr!("load-built-packs-hold-their")),
                );
                continue;
            }
        };
        // Inside or not is decided first, as for `extends`, so that the answer for a path
        // outside is the same whether or not something is there.
        if let Some(boundary) = &resolution.boundary {
            if !resolved(&path).starts_with(boundary) {
                errors.push(
                    PackError::new(
                        crate::tr!("load-term-table-outside-repository", path = path.display()),
                        file.span.clone(),
                    )
                    .with_label(crate::tr!("load-outside-repository-2"))
                    .with_help(crate::tr!(
                        "load-pack-may-only-read",
                        boundary = boundary.display()
                    )),
                );
                continue;
            }
        }
        let Some(form) = TableForm::of_path(&path) else {
            // Reported by validation.
            continue;
        };
        if !path.exists() {
            errors.push(
                PackError::new(
                    crate::tr!("load-term-table-not-found", path = path.display()),
                    file.span.clone(),
                )
                .with_label(crate::tr!("load-no-such-file-2")),
            );
            continue;
        }
        let table = match file::read_text(&path) {
            Ok(table) => table,
            Err(problem) => {
                errors.push(
                    PackError::new(
                        crate::tr!(
                            "load-cannot-read-term-table",
                            path = path.display(),
                            problem = problem
                        ),
                        file.span.clone(),
                    )
                    .with_label(crate::tr!("load-unreadable-table"))
                    .with_help(crate::tr!("load-term-table-utf-text")),
                );
                continue;
            }
        };
        if !looks_like_table(&table, form) {
            let (wanted, help) = match form {
                TableForm::Csv => (
                    crate::tr!("load-table-csv-header"),
                    crate::tr!("load-table-csv-header-help"),
                ),
                TableForm::Yaml => (
                    crate::tr!("load-table-yaml-list"),
                    crate::tr!("load-table-yaml-list-help"),
                ),
            };
            errors.push(
                PackError::new(
                    crate::tr!(
                        "load-path-does-not-look",
                        path = path.display(),
                        wanted = wanted
                    ),
                    file.span.clone(),
                )
                .with_label(crate::tr!("load-not-term-table"))
                .with_help(help),
            );
            continue;
        }
        let shown = path.display().to_string();
        let entries = read_table(&table, form)
            .and_then(|entries| {
                let found = check_entries(&terms.entries, &entries);
                if found.is_empty() {
                    Ok(entries)
                } else {
                    Err(found)
                }
            })
            .map_err(|found| LoadError::Pack(PackErrors::new(&shown, table.clone(), found)))?;
        terms.loaded = entries;
        match kinds::terms::compile(terms, &mut super::search::Compiler::default()) {
            Ok(with_table) => *check = CompiledCheck::Terms(with_table),
            Err(found) => errors.extend(found),
        }
    }
    Ok(errors)
}

/// Add the rules of one extended pack. A rule reached along two `extends` paths (two packs
/// building on one base) is kept once; two different rules under one id are an error.
fn merge_extended(
    extended: RuleSet,
    inherited: &mut RuleSet,
    entry: &Spanned<String>,
    errors: &mut Vec<PackError>,
) {
    for rule in extended.rules {
        match inherited
            .rules
            .iter()
            .find(|r| r.full_id() == rule.full_id())
        {
            None => inherited.rules.push(rule),
            Some(same) if same.rule == rule.rule => {}
            Some(_) => errors.push(
                PackError::new(
                    crate::tr!("load-rule-comes-from-two", rule = rule.full_id()),
                    entry.span.clone(),
                )
                .with_label(crate::tr!("load-second-definition-rule-comes"))
                .with_help(crate::tr!("load-two-packs-share-name")),
            ),
        }
    }
    for pack in extended.packs {
        if !inherited.packs.contains(&pack) {
            inherited.packs.push(pack);
        }
    }
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
        crate::tr!("load-no-rule-id-extended", id = id.value),
        id.span.clone(),
    )
    .with_label(crate::tr!("load-unknown-rule"));
    let known: Vec<String> = rules.iter().map(|r| r.full_id()).collect();
    if let Some(near) = known
        .iter()
        .find(|k| k.ends_with(&format!("/{}", id.value)))
    {
        e = e.with_help(crate::tr!("load-rule-ids-are-written", near = near));
    }
    e
}

fn builtin_help() -> String {
    let names: Vec<&str> = BUILTIN.iter().map(|b| b.name).collect();
    if names.is_empty() {
        crate::tr!("load-no-builtin")
    } else {
        crate::tr!("load-built-packs-names", names = names.join(", "))
    }
}

#[cfg(test)]
mod one_run_tests {
    use super::{parse, Form};

    /// A reading error (bad severity word) and a validation error (bad regex) in another rule
    /// come in one report, in both forms.
    #[test]
    fn reading_and_validation_errors_come_together() {
        let dsl = "pack \"t\"\nrule a {\n  severity fatal\n  message \"m\"\n  require \"x\"\n}\nrule b {\n  message \"m\"\n  forbid /(/\n}\n";
        let yaml = "pack: t\nrules:\n  - id: a\n    severity: fatal\n    message: m\n    require: x\n  - id: b\n    message: m\n    forbid: {regex: '('}\n";
        for (src, form) in [(dsl, Form::Dsl), (yaml, Form::Yaml)] {
            let errors = match parse("t", src, form) {
                Ok(_) => panic!("a broken pack loaded"),
                Err(e) => e.errors,
            };
            let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
            assert!(messages.iter().any(|m| m.contains("fatal")), "{messages:?}");
            assert!(messages.iter().any(|m| m.contains("regex")), "{messages:?}");
        }
    }
}
