//! The project configuration `.reportlint.yaml`: which packs, which files, which rules at
//! which severity, per-path overrides, the fail level, accepted findings.
//!
//! [`discover`] looks for the file from a folder upwards, within the git repository; [`load`] reads it with the pack
//! YAML reader (`pack::yaml::node`), which keeps the byte span of every value, so an unknown
//! key or a value of the wrong type is reported with an underline in the file
//! ([`ConfigErrors`], a miette diagnostic). Paths in the file (packs, the baseline, globs)
//! are relative to the folder holding it. The resulting [`Config`] goes to `cli::check`,
//! which builds the file selection ([`select`]) and the per-file filter ([`gate`]) from it.

pub mod baseline;
pub mod gate;
pub mod select;

use std::fmt;
use std::path::{Path, PathBuf};

use miette::{Diagnostic, LabeledSpan, SourceCode};

use crate::model::text::suggest;
use crate::model::Span;
use crate::pack::error::{PackError, PackErrors, PackSource, MAX_SHOWN_ERRORS};
use crate::pack::model::Severity;
use crate::pack::yaml::node::{parse_document, Document, Node, Value};

/// The name of the configuration file, looked for from the current folder upwards.
pub const FILE_NAME: &str = ".reportlint.yaml";

/// A text value with the place it is written in the configuration file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub span: Span,
}

/// The lowest severity that makes a run fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    /// Whether a finding of `severity` makes the run fail.
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Never => false,
            FailOn::Error => severity >= Severity::Error,
            FailOn::Warning => severity >= Severity::Warning,
            FailOn::Info => true,
        }
    }

    fn parse(s: &str) -> Option<FailOn> {
        match s {
            "error" => Some(FailOn::Error),
            "warning" => Some(FailOn::Warning),
            "info" => Some(FailOn::Info),
            "never" => Some(FailOn::Never),
            _ => None,
        }
    }
}

/// Rule settings for the files under some paths (`overrides:` entries).
#[derive(Clone, Debug, Default)]
pub struct PathOverride {
    /// Globs relative to the configuration folder.
    pub paths: Vec<Located<String>>,
    pub disable: Vec<Located<String>>,
    pub severity: Vec<(Located<String>, Severity)>,
}

/// One accepted finding: a rule in some files, optionally only where a text occurs.
#[derive(Clone, Debug)]
pub struct Suppression {
    pub rule: Located<String>,
    /// A glob relative to the configuration folder.
    pub path: Located<String>,
    /// When given, the finding's line must contain this text.
    pub text: Option<String>,
    pub reason: String,
    /// The whole entry, to point at it.
    pub span: Span,
}

/// A project configuration as read from its file.
#[derive(Clone, Debug)]
pub struct Config {
    /// The configuration file.
    pub file: PathBuf,
    /// The folder holding it; every relative path and glob of the file starts here.
    pub root: PathBuf,
    /// The file's text, kept to point into it when a setting names an unknown rule.
    pub text: String,
    /// Pack files, resolved against `root`.
    pub packs: Vec<PathBuf>,
    pub builtin: bool,
    pub include: Vec<Located<String>>,
    pub exclude: Vec<Located<String>>,
    pub extensions: Option<Vec<String>>,
    pub severity: Vec<(Located<String>, Severity)>,
    pub disable: Vec<Located<String>>,
    pub overrides: Vec<PathOverride>,
    pub fail_on: Option<FailOn>,
    pub suppress: Vec<Suppression>,
    /// A baseline file used when `--baseline` is not given, resolved against `root`.
    pub baseline: Option<PathBuf>,
    /// Who the comments of `--annotate` copies are from (`annotate_author`), and their
    /// initials (`annotate_initials`).
    pub annotate_author: Option<String>,
    pub annotate_initials: Option<String>,
}

impl Config {
    /// An error located in this configuration file.
    pub fn error_at(&self, errors: Vec<PackError>) -> ConfigErrors {
        ConfigErrors::new(&self.file, &self.text, errors)
    }

    /// Every place the file names a rule, to check the names against the loaded packs.
    pub fn rule_references(&self) -> Vec<&Located<String>> {
        let mut refs: Vec<&Located<String>> = self.severity.iter().map(|(r, _)| r).collect();
        refs.extend(self.disable.iter());
        for o in &self.overrides {
            refs.extend(o.severity.iter().map(|(r, _)| r));
            refs.extend(o.disable.iter());
        }
        refs.extend(self.suppress.iter().map(|s| &s.rule));
        refs
    }
}

/// Whether a rule selector from the configuration or the command line (`pack/id` or `id`)
/// names the rule `full_id` (`pack/id`).
pub fn names_rule(selector: &str, full_id: &str) -> bool {
    selector == full_id || full_id.rsplit('/').next() == Some(selector)
}

/// Who the comments of annotated copies (`check --annotate`, `serve`) are from: the
/// configuration's `annotate_author` (initials `annotate_initials`, else the author's first two
/// characters), else reportlint.
pub fn annotate_author(config: Option<&Config>) -> crate::output::annotate::Author {
    let mut author = crate::output::annotate::Author::default();
    if let Some(name) = config.and_then(|c| c.annotate_author.clone()) {
        author.initials = name.chars().take(2).collect();
        author.name = name;
    }
    if let Some(initials) = config.and_then(|c| c.annotate_initials.clone()) {
        author.initials = initials;
    }
    author
}

/// The configuration file for `start`: `start/.reportlint.yaml` or the nearest one in a
/// folder above it, up to the root of the git repository holding `start` (the folder with a
/// `.git` folder or file, as in a worktree or a submodule): a configuration outside the
/// repository is never used, so a file in a parent folder cannot change a project's gate.
/// Outside any repository the search goes up to the filesystem root. The path is relative
/// to `start` (`.reportlint.yaml`, `../../.reportlint.yaml`), so messages and the packs it
/// names show short paths when `start` is the current folder.
pub fn discover(start: &Path) -> Option<PathBuf> {
    for (up, dir) in start.ancestors().enumerate() {
        if dir.join(FILE_NAME).is_file() {
            let mut path: PathBuf = std::iter::repeat_n("..", up).collect();
            path.push(FILE_NAME);
            return Some(path);
        }
        if std::fs::symlink_metadata(dir.join(".git")).is_ok() {
            return None;
        }
    }
    None
}

/// Why a configuration file could not be used.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum ConfigError {
    #[error("{}", crate::tr!("config-cannot-read", path = .path, message = .message))]
    #[diagnostic(code(reportlint::config::read))]
    Read { path: String, message: String },
    #[error(transparent)]
    #[diagnostic(transparent)]
    Invalid(#[from] ConfigErrors),
}

/// Read and check a configuration file: a regular file of at most 4 MiB of UTF-8 text
/// ([`crate::pack::file`]); a binary or oversized file is refused without quoting it.
pub fn load(file: &Path) -> Result<Config, ConfigError> {
    let text = crate::pack::file::read_text(file).map_err(|e| ConfigError::Read {
        path: file.display().to_string(),
        message: e.to_string(),
    })?;
    let root = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."))
        .to_path_buf();
    parse(file, &root, &text).map_err(ConfigError::from)
}

/// Read configuration text; `file` names it in errors and `root` anchors its paths.
pub fn parse(file: &Path, root: &Path, text: &str) -> Result<Config, ConfigErrors> {
    let mut config = Config {
        file: file.to_path_buf(),
        root: root.to_path_buf(),
        text: text.to_string(),
        packs: Vec::new(),
        builtin: true,
        include: Vec::new(),
        exclude: Vec::new(),
        extensions: None,
        severity: Vec::new(),
        disable: Vec::new(),
        overrides: Vec::new(),
        fail_on: None,
        suppress: Vec::new(),
        baseline: None,
        annotate_author: None,
        annotate_initials: None,
    };
    let tree = match parse_document(text, Document::Configuration) {
        Ok(tree) => tree,
        Err(e) => return Err(ConfigErrors::new(file, text, vec![e])),
    };
    let mut r = Reader::default();
    match &tree.value {
        // An empty file is a valid configuration with every default.
        Value::Null => {}
        Value::Map(entries) => {
            r.unique_keys(entries);
            for (key, value) in entries {
                let Some(name) = key.value.as_str() else {
                    r.error(key, "a setting name must be text");
                    continue;
                };
                match name {
                    "packs" => {
                        config.packs = r
                            .strings(value)
                            .into_iter()
                            .map(|p| root.join(p.value))
                            .collect()
                    }
                    "builtin" => {
                        if let Some(b) = r.boolean(value) {
                            config.builtin = b;
                        }
                    }
                    "include" => config.include = r.globs(value),
                    "exclude" => config.exclude = r.globs(value),
                    "extensions" => {
                        config.extensions = Some(
                            r.strings(value)
                                .into_iter()
                                .map(|e| e.value.trim_start_matches('.').to_string())
                                .collect(),
                        )
                    }
                    "severity" => config.severity = r.severities(value),
                    "disable" => config.disable = r.strings(value),
                    "overrides" => config.overrides = r.overrides(value),
                    "fail_on" => {
                        if let Some(s) = r.string(value) {
                            match FailOn::parse(&s.value) {
                                Some(level) => config.fail_on = Some(level),
                                None => r.error(
                                    value,
                                    crate::tr!("config-unknown-fail-level-s", s = s.value),
                                ),
                            }
                        }
                    }
                    "suppress" => config.suppress = r.suppressions(value),
                    "baseline" => {
                        config.baseline = r.string(value).map(|s| root.join(s.value));
                    }
                    "annotate_author" | "annotate_initials" => {
                        let Some(s) = r.string(value) else { continue };
                        let v = s.value.trim().to_string();
                        if v.is_empty() || v.chars().any(char::is_control) {
                            r.error(value, crate::tr!("config-name-must-on-one", name = name));
                        } else if name == "annotate_author" {
                            config.annotate_author = Some(v);
                        } else {
                            config.annotate_initials = Some(v);
                        }
                    }
                    other => r.unknown_key(key, other, TOP_KEYS),
                }
            }
        }
        other => r.error(
            &tree,
            crate::tr!(
                "config-configuration-must-map-settings",
                other = crate::pack::yaml::node::yaml_words(other.describe())
            ),
        ),
    }
    if r.errors.is_empty() {
        Ok(config)
    } else {
        Err(ConfigErrors::new(file, text, r.errors))
    }
}

const TOP_KEYS: &[&str] = &[
    "packs",
    "builtin",
    "include",
    "exclude",
    "extensions",
    "severity",
    "disable",
    "overrides",
    "fail_on",
    "suppress",
    "baseline",
    "annotate_author",
    "annotate_initials",
];
const OVERRIDE_KEYS: &[&str] = &["paths", "disable", "severity"];
const SUPPRESS_KEYS: &[&str] = &["rule", "path", "text", "reason"];

/// Collects every problem of the file, so one run reports all of them.
#[derive(Default)]
struct Reader {
    errors: Vec<PackError>,
}

impl Reader {
    fn error(&mut self, node: &Node, message: impl Into<String>) {
        self.errors.push(PackError::new(message, node.span.clone()));
    }

    fn unknown_key(&mut self, key: &Node, name: &str, known: &[&str]) {
        let written = name.to_lowercase().replace('-', "_");
        let close = suggest(&written, known.iter().copied());
        let mut error = PackError::new(
            crate::tr!("config-unknown-setting-name", name = name),
            key.span.clone(),
        )
        .with_label(crate::tr!("config-not-setting-here"));
        error = match close {
            Some(k) => error.with_help(crate::tr!("config-did-you-mean-k", k = k)),
            None => error.with_help(crate::tr!(
                "config-known-settings-here",
                known = known.join(", ")
            )),
        };
        self.errors.push(error);
    }

    fn unique_keys(&mut self, entries: &[(Node, Node)]) {
        let mut seen = std::collections::HashSet::new();
        for (key, _) in entries {
            let Some(name) = key.value.as_str() else {
                continue;
            };
            if !seen.insert(name) {
                self.error(key, crate::tr!("config-name-set-twice", name = name));
            }
        }
    }

    fn string(&mut self, node: &Node) -> Option<Located<String>> {
        match &node.value {
            Value::Str(s) => Some(Located {
                value: s.clone(),
                span: node.span.clone(),
            }),
            other => {
                self.error(
                    node,
                    crate::tr!(
                        "config-expected-text-found-other",
                        other = crate::pack::yaml::node::yaml_words(other.describe())
                    ),
                );
                None
            }
        }
    }

    fn boolean(&mut self, node: &Node) -> Option<bool> {
        match &node.value {
            Value::Bool(b) => Some(*b),
            other => {
                self.error(
                    node,
                    crate::tr!(
                        "config-expected-true-false-found",
                        other = crate::pack::yaml::node::yaml_words(other.describe())
                    ),
                );
                None
            }
        }
    }

    /// A list of texts; a single text is accepted as a list of one.
    fn strings(&mut self, node: &Node) -> Vec<Located<String>> {
        match &node.value {
            Value::Seq(items) => items.iter().filter_map(|i| self.string(i)).collect(),
            Value::Str(_) => self.string(node).into_iter().collect(),
            other => {
                self.error(
                    node,
                    crate::tr!(
                        "config-expected-list-texts-found",
                        other = crate::pack::yaml::node::yaml_words(other.describe())
                    ),
                );
                Vec::new()
            }
        }
    }

    fn globs(&mut self, node: &Node) -> Vec<Located<String>> {
        let globs = self.strings(node);
        for g in &globs {
            if let Err(e) = select::glob(&g.value) {
                self.errors.push(
                    PackError::new(crate::tr!("config-invalid-glob-e", e = e), g.span.clone())
                        .with_help(crate::tr!("config-matches-within-one-folder")),
                );
            }
        }
        globs
    }

    fn severities(&mut self, node: &Node) -> Vec<(Located<String>, Severity)> {
        let Value::Map(entries) = &node.value else {
            self.error(
                node,
                crate::tr!(
                    "config-expected-map-rule-ids",
                    node = crate::pack::yaml::node::yaml_words(node.value.describe())
                ),
            );
            return Vec::new();
        };
        self.unique_keys(entries);
        let mut out = Vec::new();
        for (key, value) in entries {
            let (Some(rule), Some(level)) = (self.string(key), self.string(value)) else {
                continue;
            };
            match Severity::parse(&level.value) {
                Some(severity) => out.push((rule, severity)),
                None => self.errors.push(
                    PackError::new(
                        crate::tr!("config-unknown-severity-level", level = level.value),
                        level.span.clone(),
                    )
                    .with_help(crate::tr!("config-use-error-warning-info")),
                ),
            }
        }
        out
    }

    fn entries<'n>(&mut self, node: &'n Node, what: &str) -> Vec<&'n Node> {
        match &node.value {
            Value::Seq(items) => items.iter().collect(),
            other => {
                self.error(
                    node,
                    crate::tr!(
                        "config-expected-list-what-found",
                        what = crate::pack::yaml::node::yaml_words(what),
                        other = crate::pack::yaml::node::yaml_words(other.describe())
                    ),
                );
                Vec::new()
            }
        }
    }

    fn overrides(&mut self, node: &Node) -> Vec<PathOverride> {
        let mut out = Vec::new();
        for item in self.entries(node, "overrides (`- paths: [...]`)") {
            let Value::Map(entries) = &item.value else {
                self.error(
                    item,
                    crate::tr!(
                        "config-override-map-with-paths",
                        item = crate::pack::yaml::node::yaml_words(item.value.describe())
                    ),
                );
                continue;
            };
            self.unique_keys(entries);
            let mut o = PathOverride::default();
            for (key, value) in entries {
                match key.value.as_str() {
                    Some("paths") => o.paths = self.globs(value),
                    Some("disable") => o.disable = self.strings(value),
                    Some("severity") => o.severity = self.severities(value),
                    Some(other) => self.unknown_key(key, other, OVERRIDE_KEYS),
                    None => self.error(key, "a setting name must be text"),
                }
            }
            if o.paths.is_empty() {
                self.errors.push(
                    PackError::new(
                        crate::tr!("config-override-has-no-paths"),
                        item.span.clone(),
                    )
                    .with_help(crate::tr!("config-say-which-files-for")),
                );
            }
            out.push(o);
        }
        out
    }

    fn suppressions(&mut self, node: &Node) -> Vec<Suppression> {
        let mut out = Vec::new();
        for item in self.entries(node, "suppressions (`- rule: …`)") {
            let Value::Map(entries) = &item.value else {
                self.error(
                    item,
                    crate::tr!(
                        "config-suppression-map-with-rule",
                        item = crate::pack::yaml::node::yaml_words(item.value.describe())
                    ),
                );
                continue;
            };
            self.unique_keys(entries);
            let (mut rule, mut path, mut text, mut reason) = (None, None, None, None);
            for (key, value) in entries {
                match key.value.as_str() {
                    Some("rule") => rule = self.string(value),
                    Some("path") => {
                        path = self.string(value);
                        if let Some(p) = &path {
                            if let Err(e) = select::glob(&p.value) {
                                self.errors.push(PackError::new(
                                    crate::tr!("config-invalid-glob-e-2", e = e),
                                    p.span.clone(),
                                ));
                            }
                        }
                    }
                    Some("text") => text = self.string(value).map(|t| t.value),
                    Some("reason") => reason = Some((self.string(value), value.span.clone())),
                    Some(other) => self.unknown_key(key, other, SUPPRESS_KEYS),
                    None => self.error(key, "a setting name must be text"),
                }
            }
            let reason = match reason {
                Some((Some(r), _)) if !r.value.trim().is_empty() => Some(r.value),
                Some((Some(_), span)) => {
                    self.errors.push(
                        PackError::new(crate::tr!("config-reason-suppression-must-not"), span)
                            .with_help(crate::tr!("config-say-why-finding-accepted")),
                    );
                    None
                }
                Some((None, _)) => None,
                None => {
                    self.errors.push(
                        PackError::new(
                            crate::tr!("config-suppression-has-no-reason"),
                            item.span.clone(),
                        )
                        .with_label(crate::tr!("config-suppression-without-reason"))
                        .with_help(crate::tr!("config-finding-accepted-only-with")),
                    );
                    None
                }
            };
            if rule.is_none()
                && !entries
                    .iter()
                    .any(|(k, _)| k.value.as_str() == Some("rule"))
            {
                self.errors.push(PackError::new(
                    crate::tr!("config-suppression-has-no-rule"),
                    item.span.clone(),
                ));
            }
            if path.is_none()
                && !entries
                    .iter()
                    .any(|(k, _)| k.value.as_str() == Some("path"))
            {
                self.errors.push(
                    PackError::new(
                        crate::tr!("config-suppression-has-no-path"),
                        item.span.clone(),
                    )
                    .with_help(crate::tr!("config-name-file-glob-relative")),
                );
            }
            if let (Some(rule), Some(path), Some(reason)) = (rule, path, reason) {
                out.push(Suppression {
                    rule,
                    path,
                    text,
                    reason,
                    span: item.span.clone(),
                });
            }
        }
        out
    }
}

/// All problems found in one configuration file, rendered with underlines into it.
#[derive(Debug)]
pub struct ConfigErrors {
    pack: PackErrors,
}

impl ConfigErrors {
    pub fn new(file: &Path, text: &str, errors: Vec<PackError>) -> Self {
        ConfigErrors {
            pack: PackErrors::new(file.display().to_string(), text, errors),
        }
    }

    pub fn errors(&self) -> &[PackError] {
        &self.pack.errors
    }

    fn source(&self) -> &PackSource {
        &self.pack.source
    }
}

impl fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.pack.errors.as_slice() {
            [only] => write!(f, "{}: {}", self.source().name(), only.message),
            all if all.len() > MAX_SHOWN_ERRORS => write!(
                f,
                "{}: {} errors in the configuration (the first {MAX_SHOWN_ERRORS} are shown)",
                self.source().name(),
                all.len()
            ),
            all => write!(
                f,
                "{}: {} errors in the configuration",
                self.source().name(),
                all.len()
            ),
        }
    }
}

impl std::error::Error for ConfigErrors {}

impl Diagnostic for ConfigErrors {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new("reportlint::config"))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source())
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.pack.help()
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.pack.labels()
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        self.pack.related()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Config, Vec<String>> {
        parse(Path::new(FILE_NAME), Path::new("repo"), text)
            .map_err(|e| e.errors().iter().map(|e| e.message.clone()).collect())
    }

    fn spanned_text<'a>(text: &'a str, errors: &ConfigErrors) -> Vec<&'a str> {
        errors
            .errors()
            .iter()
            .map(|e| text.get(e.span.clone()).unwrap_or("<bad span>"))
            .collect()
    }

    #[test]
    fn every_setting_is_read_and_paths_start_at_the_configuration_folder() {
        let config = read(
            "packs: [rules/local.rules]\nbuiltin: false\ninclude: ['**/*.txt']\nexclude: [drafts/**]\n\
             extensions: [txt, .md]\nseverity: {fazhi/term-fazhi: info}\ndisable: [heading-level-order]\n\
             overrides:\n  - paths: [部门/**]\n    disable: [duty-township]\n    severity: {three-systems: info}\n\
             fail_on: warning\nbaseline: reportlint-baseline.json\n\
             suppress:\n  - rule: first-duty\n    path: 2024/a.txt\n    text: 第一负责人\n    reason: 引用原文件标题\n",
        )
        .map_err(|e| e.join("; "));
        let Ok(config) = config else {
            panic!("the configuration is valid: {config:?}");
        };
        assert_eq!(config.packs, vec![PathBuf::from("repo/rules/local.rules")]);
        assert!(!config.builtin);
        assert_eq!(
            config.extensions,
            Some(vec!["txt".to_string(), "md".to_string()])
        );
        assert_eq!(config.severity.len(), 1);
        assert_eq!(config.overrides.len(), 1);
        assert_eq!(config.overrides[0].disable[0].value, "duty-township");
        assert_eq!(config.fail_on, Some(FailOn::Warning));
        assert_eq!(
            config.baseline,
            Some(PathBuf::from("repo/reportlint-baseline.json"))
        );
        assert_eq!(config.suppress[0].reason, "引用原文件标题");
        assert_eq!(config.suppress[0].text.as_deref(), Some("第一负责人"));
    }

    #[test]
    fn an_empty_file_is_the_default_configuration() {
        let config = read("# nothing set yet\n").map_err(|e| e.join("; "));
        assert!(config.is_ok_and(|c| c.builtin && c.packs.is_empty()));
    }

    #[test]
    fn unknown_keys_and_wrong_types_point_into_the_file() {
        let text = "packs: rules/a.rules\nbuiltn: false\nfail_on: sometimes\noverrides:\n  - paths: [a/**]\n    skip: [x]\nextensions: 3\n";
        let Err(errors) = parse(Path::new(FILE_NAME), Path::new("."), text) else {
            panic!("the configuration is invalid");
        };
        let messages: Vec<_> = errors.errors().iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "unknown setting `builtn`",
                "unknown fail level `sometimes`: use error, warning, info or never",
                "unknown setting `skip`",
                "expected a list of texts, found a number",
            ]
        );
        assert_eq!(
            spanned_text(text, &errors),
            ["builtn", "sometimes", "skip", "3"]
        );
        assert_eq!(
            errors.errors()[0].help.as_deref(),
            Some("did you mean `builtin`?")
        );
    }

    #[test]
    fn a_suppression_needs_a_reason() {
        let text = "suppress:\n  - rule: first-duty\n    path: a.txt\n  - rule: x\n    path: b.txt\n    reason: '  '\n";
        let Err(errors) = parse(Path::new(FILE_NAME), Path::new("."), text) else {
            panic!("a suppression without a reason is refused");
        };
        let messages: Vec<_> = errors.errors().iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "this suppression has no `reason`",
                "the reason of a suppression must not be empty"
            ]
        );
        assert_eq!(spanned_text(text, &errors), ["rule", "'  '"]);
    }

    #[test]
    fn an_invalid_glob_is_an_error_at_the_glob() {
        let text = "exclude: ['drafts/[a']\n";
        let Err(errors) = parse(Path::new(FILE_NAME), Path::new("."), text) else {
            panic!("the glob is invalid");
        };
        assert_eq!(spanned_text(text, &errors), ["'drafts/[a'"]);
    }

    #[test]
    fn discovery_walks_up_to_the_nearest_configuration() {
        let base = std::env::temp_dir().join(format!("reportlint-discover-{}", std::process::id()));
        let deep = base.join("a").join("b");
        std::fs::create_dir_all(&deep).ok();
        std::fs::write(base.join(FILE_NAME), "").ok();
        assert_eq!(
            discover(&deep),
            Some(PathBuf::from("../../.reportlint.yaml"))
        );
        std::fs::write(base.join("a").join(FILE_NAME), "").ok();
        assert_eq!(discover(&deep), Some(PathBuf::from("../.reportlint.yaml")));
        std::fs::write(deep.join(FILE_NAME), "").ok();
        assert_eq!(discover(&deep), Some(PathBuf::from(FILE_NAME)));
        std::fs::remove_dir_all(&base).ok();
    }

    #[test]
    fn discovery_stops_at_the_repository_root() {
        let base =
            std::env::temp_dir().join(format!("reportlint-discover-repo-{}", std::process::id()));
        let repo = base.join("repo");
        let deep = repo.join("a");
        std::fs::create_dir_all(&deep).ok();
        // A configuration above the repository is not the repository's.
        std::fs::write(base.join(FILE_NAME), "fail_on: never\n").ok();
        std::fs::create_dir_all(repo.join(".git")).ok();
        assert_eq!(discover(&deep), None);
        assert_eq!(discover(&repo), None);
        // A worktree or submodule has a `.git` file; it is a root too.
        std::fs::remove_dir_all(repo.join(".git")).ok();
        std::fs::write(repo.join(".git"), "gitdir: ../elsewhere\n").ok();
        assert_eq!(discover(&deep), None);
        // The repository root's own configuration is found.
        std::fs::write(repo.join(FILE_NAME), "").ok();
        assert_eq!(discover(&deep), Some(PathBuf::from("../.reportlint.yaml")));
        assert_eq!(discover(&repo), Some(PathBuf::from(FILE_NAME)));
        std::fs::remove_dir_all(&base).ok();
    }

    #[test]
    fn rule_selectors_name_a_rule_by_full_or_short_id() {
        assert!(names_rule("fazhi/term-fazhi", "fazhi/term-fazhi"));
        assert!(names_rule("term-fazhi", "fazhi/term-fazhi"));
        assert!(!names_rule("fazhi", "fazhi/term-fazhi"));
        assert!(!names_rule("other/term-fazhi", "fazhi/term-fazhi"));
    }
}
