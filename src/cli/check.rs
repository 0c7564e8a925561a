//! `reportlint check`: load the project configuration and packs, find report files, check
//! them in parallel, print in order.
//!
//! Arguments and the configuration (`config`) are resolved into packs, an engine, a file
//! list and a per-file [`Gate`] (overrides, suppressions, baseline) before any report is
//! read. Workers check files in parallel, and with `--fix`/`--diff` also fix them
//! (`cli::fix`); one printer writes the reports in path order, so the output is
//! byte-identical for any `--jobs`. `--write-baseline` records the findings instead of
//! failing on them; `--since`/`--files-from` narrow the file list (`cli::changed`).

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use super::args::FormatArg;
use super::fix;
use super::progress::{Progress, Surroundings};
use crate::config::baseline::{self, Baseline, Entry};
use crate::config::gate::{FileKey, Gate, Gated};
use crate::config::select::{self, ProjectPaths, Selection};
use crate::config::{self, names_rule, Config};
use crate::diag::{self, human::Style};
use crate::eval::Engine;
use crate::model::Document;
use crate::output::{self, FileReport, Source, Summary};
use crate::pack::error::PackError;
use crate::pack::load::{self, RuleSet};
use crate::source::atomic::{self, AtomicFile, Policy, WriteError};

pub use crate::config::FailOn;

/// Default extensions of report files found when walking a directory.
pub const DEFAULT_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "docx", "html", "htm"];

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Report files and directories to check (`-` reads standard input). Directories are
    /// walked honouring .gitignore and the configuration's include/exclude; a file named
    /// here is always checked (unless --force-exclude).
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Use this configuration file instead of looking for .reportlint.yaml.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore any .reportlint.yaml.
    #[arg(long)]
    pub no_config: bool,
    /// A rule pack to use in addition to the built-in one (repeatable).
    #[arg(long = "pack", value_name = "PACK")]
    pub packs: Vec<PathBuf>,
    /// Do not use the built-in pack.
    #[arg(long)]
    pub no_builtin: bool,
    /// Let the configuration name packs outside its repository (git work tree), and packs
    /// `extends` files outside the repository of the pack given.
    #[arg(long)]
    pub allow_pack_outside: bool,
    /// Only run these rules (`pack/id` or `id`; repeatable).
    #[arg(long = "rule", value_name = "ID")]
    pub only: Vec<String>,
    /// Do not run these rules (`pack/id` or `id`; repeatable).
    #[arg(long = "skip", value_name = "ID")]
    pub skip: Vec<String>,
    /// Lowest severity that makes the run fail (exit code 1) [default: the configuration's
    /// fail_on, else error].
    #[arg(long, value_enum)]
    pub fail_on: Option<super::args::FailOnArg>,
    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file (JSON) and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["baseline", "since", "files_from", "fix", "diff"])]
    pub write_baseline: Option<PathBuf>,
    /// Apply the suggested fixes to .txt/.md files, then report what remains.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// Print the suggested fixes as a unified diff; change no file (exit 1 if there are any).
    #[arg(long)]
    pub diff: bool,
    /// Check only files changed since this git revision (and untracked files).
    #[arg(long, value_name = "REV", conflicts_with = "files_from")]
    pub since: Option<String>,
    /// Check only the files listed in FILE, one per line (`-`: standard input).
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,
    /// Apply the configuration's include/exclude to files named on the command line too.
    #[arg(long)]
    pub force_exclude: bool,
    /// Number of files checked at once (default: number of cores).
    #[arg(long, short)]
    pub jobs: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,
    /// Write the output to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// When to use colours in human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Plain narrow human output for CI logs: ASCII drawing, no colour, 80 columns.
    #[arg(long)]
    pub plain: bool,
    /// File extensions to check when walking directories (comma-separated).
    #[arg(long, value_delimiter = ',', default_values_t = DEFAULT_EXTENSIONS.iter().map(|s| s.to_string()))]
    pub extensions: Vec<String>,
    /// Decode text files with this encoding instead of detecting UTF-8 / UTF-16 / GB18030.
    #[arg(long, value_enum, value_name = "ENCODING")]
    pub encoding: Option<super::args::EncodingArg>,
    /// Refuse report files larger than this (and .docx files expanding beyond it): bytes,
    /// or with a unit such as 50MB.
    #[arg(long, value_name = "SIZE", value_parser = crate::source::parse_size, default_value = "20MB")]
    pub max_file_size: u64,
}

impl CheckArgs {
    /// How report files are read.
    pub fn read_options(&self) -> crate::source::ReadOptions {
        crate::source::ReadOptions {
            encoding: self.encoding.map(Into::into),
            max_file_size: self.max_file_size,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Exit codes, as documented in the README.
pub mod exit {
    /// Nothing at or above the fail level.
    pub const CLEAN: i32 = 0;
    /// Findings at or above the fail level.
    pub const FINDINGS: i32 = 1;
    /// The tool could not do its whole job: bad arguments, a broken pack, an unreadable input.
    pub const TROUBLE: i32 = 2;
}

/// One input to check.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    fn display(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::File(p) => display_path(p),
        }
    }
}

/// The bytes of a file name that is not UTF-8 (its [`display_path`] is then lossy), as
/// shown: without a leading `./`. `None` for UTF-8 names, and on systems whose file names
/// are not bytes.
fn path_bytes(p: &Path) -> Option<Vec<u8>> {
    if p.to_str().is_some() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = p.as_os_str().as_bytes();
        Some(bytes.strip_prefix(b"./").unwrap_or(bytes).to_vec())
    }
    #[cfg(not(unix))]
    {
        None
    }
}

fn display_path(p: &Path) -> String {
    let s = p.display().to_string();
    let s = s.strip_prefix("./").unwrap_or(&s).to_string();
    if std::path::MAIN_SEPARATOR == '\\' {
        s.replace('\\', "/")
    } else {
        s
    }
}

/// Print a diagnostic (pack error, bad argument) to standard error.
pub fn report_error(err: &dyn miette::Diagnostic, color: bool) {
    let theme = if color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let handler = miette::GraphicalReportHandler::new_themed(theme).with_links(false);
    let mut out = String::new();
    if handler.render_report(&mut out, err).is_err() {
        out = format!("error: {err}\n");
    }
    eprint!("{out}");
}

/// Load the built-in pack (unless switched off) and every `--pack`; report broken packs.
/// Returns the usable rules and whether any pack failed.
pub fn load_packs(packs: &[PathBuf], builtin: bool, color: bool) -> (RuleSet, bool) {
    let (set, failed) = load_packs_reaching(packs, builtin, color, load::Reach::Repository);
    (set, !failed.is_empty())
}

/// [`load_packs`], choosing how far a pack's `extends` may reach.
pub fn load_packs_reaching(
    packs: &[PathBuf],
    builtin: bool,
    color: bool,
    reach: load::Reach,
) -> (RuleSet, Vec<String>) {
    load_project_packs(None, packs, builtin, color, reach)
}

/// The built-in pack (unless switched off), the packs named by the configuration, then
/// `packs` (from `--pack`). A configuration's packs must be inside its repository unless
/// `reach` is [`load::Reach::Anywhere`]; packs named on the command line may be anywhere,
/// and what any pack extends stays inside its repository under the same `reach`.
pub fn load_project_packs(
    config: Option<&Config>,
    packs: &[PathBuf],
    builtin: bool,
    color: bool,
    reach: load::Reach,
) -> (RuleSet, Vec<String>) {
    let mut set = RuleSet::default();
    let mut failed = Vec::new();
    let mut add = |result: Result<RuleSet, load::LoadError>| match result {
        Ok(mut s) => {
            set.packs.append(&mut s.packs);
            set.rules.append(&mut s.rules);
        }
        Err(e) => {
            report_error(&e, color);
            failed.push(e.to_string());
        }
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

fn keep_rule(full_id: &str, only: &[String], skip: &[String]) -> bool {
    let matches = |sel: &String| names_rule(sel, full_id);
    (only.is_empty() || only.iter().any(matches)) && !skip.iter().any(matches)
}

/// List the inputs: named files as given, directories walked (sorted, .gitignore honoured).
pub fn collect_inputs(paths: &[PathBuf], extensions: &[String]) -> (Vec<Input>, Vec<FileReport>) {
    collect_inputs_where(paths, extensions, &|_, _| true)
}

/// What makes two paths one file: device and inode on Unix, so `r.txt`, `./r.txt`, a
/// symbolic link to it and a hard link of it are the same file; elsewhere the canonical path.
#[cfg(unix)]
type FileId = (u64, u64);
#[cfg(not(unix))]
type FileId = PathBuf;

/// The identity of the file at `path` (links followed); `None` when it cannot be read.
fn file_id(path: &Path) -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        std::fs::canonicalize(path).ok()
    }
}

/// Inputs in order with every file named twice (`a.txt ./a.txt`, a link and its target)
/// kept once, under its first spelling, so that it is checked, fixed and reported once.
fn dedup_files(inputs: Vec<Input>) -> Vec<Input> {
    let mut seen = std::collections::HashSet::new();
    inputs
        .into_iter()
        .filter(|input| match input {
            Input::File(p) => file_id(p).is_none_or(|id| seen.insert(id)),
            Input::Stdin => true,
        })
        .collect()
}

/// [`collect_inputs`], where `keep(path, named)` decides on each file; `named` is true for
/// a file named on the command line, false for one found by walking. A file reached twice
/// (named twice, or through a link) is listed once, under the first path it was reached by.
pub fn collect_inputs_where(
    paths: &[PathBuf],
    extensions: &[String],
    keep: &dyn Fn(&Path, bool) -> bool,
) -> (Vec<Input>, Vec<FileReport>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        if path.is_dir() {
            // Links are followed so linked report folders are checked; a link loop is then
            // reported as a walk error and the rest of the walk goes on.
            let walker = ignore::WalkBuilder::new(path)
                .follow_links(true)
                .sort_by_file_name(|a, b| a.cmp(b))
                .build();
            for entry in walker {
                match entry {
                    Ok(e) => {
                        let p = e.path();
                        let wanted = e.file_type().is_some_and(|t| t.is_file())
                            && has_extension(p, extensions);
                        if wanted && keep(p, false) {
                            inputs.push(Input::File(p.to_path_buf()));
                        }
                    }
                    Err(err) => problems.push(FileReport {
                        path: display_path(path),
                        path_bytes: path_bytes(path),
                        error: Some(format!("cannot walk directory: {err}")),
                        findings: Vec::new(),
                        source: None,
                    }),
                }
            }
        } else if keep(path, true) {
            inputs.push(Input::File(path.clone()));
        }
    }
    let mut inputs = dedup_files(inputs);
    inputs.sort();
    inputs.dedup();
    (inputs, problems)
}

fn has_extension(path: &Path, extensions: &[String]) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| extensions.iter().any(|w| w.eq_ignore_ascii_case(x)))
}

/// The inputs among the files a change touched (`--since`, `--files-from`): those inside a
/// path named on the command line, with a report extension, selected by the configuration.
fn changed_inputs(
    files: Vec<PathBuf>,
    roots: &[PathBuf],
    extensions: &[String],
    cwd: &Path,
    selected: &dyn Fn(&Path) -> bool,
) -> Vec<Input> {
    let roots: Vec<PathBuf> = roots.iter().map(|r| real_absolute(r, cwd)).collect();
    let mut inputs: Vec<Input> = files
        .into_iter()
        .filter(|file| {
            let full = real_absolute(file, cwd);
            has_extension(file, extensions)
                && roots.iter().any(|root| full.starts_with(root))
                && selected(file)
        })
        .map(|file| {
            let full = select::absolute(&file, cwd);
            Input::File(
                full.strip_prefix(cwd)
                    .map(Path::to_path_buf)
                    .unwrap_or(full),
            )
        })
        .collect();
    inputs = dedup_files(inputs);
    inputs.sort();
    inputs.dedup();
    inputs
}

fn real_absolute(path: &Path, cwd: &Path) -> PathBuf {
    let full = select::absolute(path, cwd);
    std::fs::canonicalize(&full).unwrap_or(full)
}
fn read_input(
    input: &Input,
    options: &crate::source::ReadOptions,
) -> Result<crate::source::SourceFile, String> {
    let read = match input {
        Input::Stdin => {
            let name = Path::new("<stdin>");
            crate::source::read_limited(io::stdin().lock(), name, options)
                .and_then(|bytes| crate::source::decode_with(name, bytes, options))
        }
        Input::File(p) => crate::source::read_with(p, options),
    };
    read.map_err(|e| e.to_string())
}

/// What `check` does with each file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Check,
    /// Apply fixes and write the files back.
    Fix,
    /// Show the fixes as a diff, write nothing.
    Diff,
}

/// Turns an input into the paths the configuration and the baseline match on.
#[derive(Default)]
struct Keys {
    project: Option<ProjectPaths>,
    baseline: Option<ProjectPaths>,
}

impl Keys {
    fn of(&self, input: &Input) -> FileKey {
        match input {
            Input::Stdin => FileKey {
                project: None,
                baseline: input.display(),
            },
            Input::File(p) => FileKey {
                project: self.project.as_ref().and_then(|pp| pp.relative(p)),
                baseline: self
                    .baseline
                    .as_ref()
                    .and_then(|b| b.relative(p))
                    .unwrap_or_else(|| display_path(p)),
            },
        }
    }
}

/// Everything a worker needs to check one file.
struct Work<'a> {
    engine: &'a Engine,
    gate: &'a Gate,
    keys: &'a Keys,
    keep_source: bool,
    mode: Mode,
    read_options: &'a crate::source::ReadOptions,
}

/// One checked file, with what the gate and the fixer did to it.
#[derive(Debug)]
pub struct Outcome {
    pub report: FileReport,
    pub suppressed: usize,
    pub baselined: usize,
    /// Baseline entries of the file's findings (before the baseline was applied).
    pub entries: Vec<Entry>,
    /// Fixes applied (or, with `--diff`, that would be applied).
    pub fixed: usize,
    /// Fixes that overlapped another and were retried after it.
    pub overlapping: usize,
    /// With `--diff`: the change as a unified diff.
    pub diff: String,
    /// Findings offer fixes but the file's format cannot be written back.
    pub not_fixable: bool,
}

impl Outcome {
    fn failed(path: String, error: String) -> Outcome {
        Outcome {
            report: FileReport {
                path,
                path_bytes: None,
                error: Some(error),
                findings: Vec::new(),
                source: None,
            },
            ..Outcome::default()
        }
    }
}

impl Default for Outcome {
    fn default() -> Self {
        Outcome {
            report: FileReport {
                path: String::new(),
                path_bytes: None,
                error: None,
                findings: Vec::new(),
                source: None,
            },
            suppressed: 0,
            baselined: 0,
            entries: Vec::new(),
            fixed: 0,
            overlapping: 0,
            diff: String::new(),
            not_fixable: false,
        }
    }
}

/// Model a text, evaluate it, locate the findings and pass them through the gate. With the
/// file the text was read from, labels get their place in the file too (file bytes for
/// transcoded text, a note naming the paragraph or line for extracted formats).
fn analyse(
    work: &Work,
    key: &FileKey,
    text: String,
    read: Option<&crate::source::SourceFile>,
) -> (Document, Gated) {
    let doc = Document::parse(text);
    let mut findings: Vec<_> = work
        .engine
        .check(&doc)
        .into_iter()
        .map(|f| diag::locate(f, &doc.text, &doc.lines))
        .map(|mut f| {
            let Some(source) = read else {
                return f;
            };
            for l in &mut f.labels {
                l.file_span = match (
                    source.file_offset(l.label.span.start),
                    source.file_offset(l.label.span.end),
                ) {
                    (Some(a), Some(b)) => Some(a..b),
                    _ => None,
                };
            }
            let place = f.primary().and_then(|l| source.place(l.start.line));
            if let Some(place) = place {
                f.finding.note = Some(match f.finding.note.take() {
                    Some(note) => format!("{note}；原文位置：{place}"),
                    None => format!("原文位置：{place}"),
                });
            }
            f
        })
        .collect();
    diag::sort_findings(&mut findings);
    let gated = work.gate.apply(key, &doc.text, findings);
    (doc, gated)
}

fn file_report(
    path: String,
    doc: Document,
    findings: Vec<diag::LocatedFinding>,
    keep_source: bool,
) -> FileReport {
    let source = keep_source.then_some(Source {
        text: doc.text,
        lines: doc.lines,
    });
    FileReport {
        path,
        path_bytes: None,
        error: None,
        findings,
        source,
    }
}

/// Check one input completely with default reading options: read, model, evaluate, locate.
pub fn check_one(engine: &Engine, input: &Input, keep_source: bool) -> FileReport {
    check_one_with(
        engine,
        input,
        keep_source,
        &crate::source::ReadOptions::default(),
    )
}

/// Check one input completely, without a configuration: read, model, evaluate, locate.
/// Findings in text extracted from another format (.docx, HTML, Markdown) get a note
/// saying where they are there.
pub fn check_one_with(
    engine: &Engine,
    input: &Input,
    keep_source: bool,
    options: &crate::source::ReadOptions,
) -> FileReport {
    let work = Work {
        engine,
        gate: &Gate::default(),
        keys: &Keys::default(),
        keep_source,
        mode: Mode::Check,
        read_options: options,
    };
    check_input(&work, input).report
}

/// Check one input completely: read, model, evaluate, locate, gate; fix when asked. The
/// report carries the file name's bytes when they are not UTF-8.
fn check_input(work: &Work, input: &Input) -> Outcome {
    let mut outcome = check_input_read(work, input);
    if let Input::File(p) = input {
        outcome.report.path_bytes = path_bytes(p);
    }
    outcome
}

fn check_input_read(work: &Work, input: &Input) -> Outcome {
    let path = input.display();
    let key = work.keys.of(input);
    let source = match read_input(input, work.read_options) {
        Ok(s) => s,
        Err(error) => return Outcome::failed(path, error),
    };
    if work.mode != Mode::Check {
        if let Input::File(file) = input {
            if let Some(outcome) = fix_file(work, file, &path, &key, &source) {
                return outcome;
            }
        }
    }
    let (doc, gated) = analyse(work, &key, source.text.clone(), Some(&source));
    let not_fixable =
        work.mode != Mode::Check && gated.findings.iter().any(|f| f.finding.fix.is_some());
    Outcome {
        report: file_report(path, doc, gated.findings, work.keep_source),
        suppressed: gated.suppressed,
        baselined: gated.baselined,
        entries: gated.entries,
        not_fixable,
        ..Outcome::default()
    }
}

/// Fix a plain-text or Markdown report: apply fixes to the file's text until none is
/// left, then write it back atomically in its own encoding and check it again (or, with
/// `--diff`, only describe the change). `None` when the format cannot be written back or
/// there is nothing to fix, so the file is reported as read. Fixes that do not settle, or
/// a file that cannot be written safely (`Policy::IN_PLACE`), leave it unchanged, with an
/// error.
fn fix_file(
    work: &Work,
    file: &Path,
    path: &str,
    key: &FileKey,
    source: &crate::source::SourceFile,
) -> Option<Outcome> {
    let file_text = match source.format {
        crate::source::Format::Text => source.text.clone(),
        crate::source::Format::Markdown => {
            let bytes = std::fs::read(file).ok()?;
            crate::source::encoding::decode_text(file, &bytes, work.read_options.encoding)
                .ok()?
                .0
        }
        crate::source::Format::Html | crate::source::Format::Docx => return None,
    };
    if work.mode == Mode::Fix {
        atomic::remove_stale_temporaries(file);
    }
    let mut last = Gated::default();
    let mut unplaced = false;
    let fixed = fix::fix_text(file_text.clone(), |text| {
        let Some((modelled, layout)) = fix::modelled(text, source.format) else {
            return Vec::new();
        };
        let (doc, gated) = analyse(work, key, modelled, None);
        let findings = gated
            .findings
            .iter()
            .cloned()
            .map(|mut f| {
                if let Some(fx) = f.finding.fix.take() {
                    f.finding.fix = fix::to_file(&layout, text, &doc.text, &fx);
                    unplaced |= f.finding.fix.is_none();
                }
                f
            })
            .collect();
        last = gated;
        findings
    });
    let fixed = match fixed {
        Ok(fixed) => fixed,
        Err(e) => {
            let error = format!("cannot fix {}: {e}", file.display());
            return Some(left_unchanged(work, path, key, source, error));
        }
    };
    if fixed.applied == 0 {
        return None;
    }
    let mut outcome = Outcome {
        suppressed: last.suppressed,
        baselined: last.baselined,
        entries: std::mem::take(&mut last.entries),
        fixed: fixed.applied,
        overlapping: fixed.overlapping,
        not_fixable: unplaced,
        ..Outcome::default()
    };
    if work.mode == Mode::Diff {
        outcome.diff = fix::unified_diff(path, &file_text, &fixed.text);
        outcome.report = FileReport {
            path: path.to_string(),
            path_bytes: None,
            error: None,
            findings: last.findings,
            source: None,
        };
        return Some(outcome);
    }
    let as_read = crate::source::SourceFile {
        line_ending: line_ending(&file_text),
        text: file_text,
        ..source.clone()
    };
    let written = fix::encode_like(&as_read, &fixed.text)
        .map_err(|e| format!("{}: {e}", file.display()))
        .and_then(|bytes| {
            atomic::write_with(file, &bytes, Policy::IN_PLACE)
                .map_err(|e| format!("cannot write the fixed report {}: {e}", file.display()))
        });
    if let Err(error) = written {
        return Some(left_unchanged(work, path, key, source, error));
    }
    // The report shows the file as written, read again like any other.
    let reread = match read_input(&Input::File(file.to_path_buf()), work.read_options) {
        Ok(s) => s,
        Err(error) => {
            outcome.report = Outcome::failed(path.to_string(), error).report;
            return Some(outcome);
        }
    };
    let (doc, gated) = analyse(work, key, reread.text.clone(), Some(&reread));
    outcome.report = file_report(path.to_string(), doc, gated.findings, work.keep_source);
    outcome.suppressed = gated.suppressed;
    outcome.baselined = gated.baselined;
    outcome.entries = gated.entries;
    Some(outcome)
}

/// The report of a file `--fix` did not change, as read, with why.
fn left_unchanged(
    work: &Work,
    path: &str,
    key: &FileKey,
    source: &crate::source::SourceFile,
    error: String,
) -> Outcome {
    let (doc, gated) = analyse(work, key, source.text.clone(), Some(source));
    let mut report = file_report(path.to_string(), doc, gated.findings, work.keep_source);
    report.error = Some(error);
    Outcome {
        report,
        suppressed: gated.suppressed,
        baselined: gated.baselined,
        entries: gated.entries,
        ..Outcome::default()
    }
}

/// Warn about `suppress` entries that accepted nothing although their rule ran on files
/// under their path: stale entries hide the next real finding of that rule there. Only a
/// warning: the exit code does not change.
fn print_unused_suppressions(config: &crate::config::Config, gate: &Gate) {
    let unused = gate.unused_suppressions();
    if unused.is_empty() {
        return;
    }
    let lines = crate::model::LineIndex::new(&config.text);
    for s in unused.iter().filter_map(|&i| config.suppress.get(i)) {
        let at = lines.position(&config.text, s.span.start);
        eprintln!(
            "warning: {}:{}:{}: the suppression of {} for {} accepted no finding in the files checked; remove it if the finding is gone",
            config.file.display(),
            at.line,
            at.column,
            s.rule.value,
            s.path.value
        );
    }
}

/// The line ends a text uses throughout, which a fixed text written back keeps.
fn line_ending(text: &str) -> crate::source::LineEnding {
    use crate::source::LineEnding;
    let lf = text.matches('\n').count();
    let crlf = text.matches("\r\n").count();
    match (lf, crlf) {
        (0, _) => LineEnding::None,
        (n, m) if n == m => LineEnding::CrLf,
        (_, 0) => LineEnding::Lf,
        _ => LineEnding::Mixed,
    }
}

/// The configuration for this run: `--config`, else the nearest `.reportlint.yaml`, unless
/// `--no-config`.
fn find_config(args: &CheckArgs, cwd: &Path) -> Result<Option<Config>, config::ConfigError> {
    if args.no_config {
        return Ok(None);
    }
    match args.config.clone().or_else(|| config::discover(cwd)) {
        Some(file) => config::load(&file).map(Some),
        None => Ok(None),
    }
}

/// Every rule the configuration names must exist in the loaded packs.
fn check_rule_names(config: &Config, set: &RuleSet) -> Result<(), config::ConfigErrors> {
    let ids: Vec<String> = set.rules.iter().map(|r| r.full_id()).collect();
    let errors: Vec<PackError> = config
        .rule_references()
        .into_iter()
        .filter(|r| !ids.iter().any(|id| names_rule(&r.value, id)))
        .map(|r| {
            PackError::new(
                format!("no loaded pack has a rule `{}`", r.value),
                r.span.clone(),
            )
            .with_label("unknown rule")
            .with_help("`reportlint rules list` shows the rule ids; write `pack/id` or just `id`")
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(config.error_at(errors))
    }
}

/// Apply the configuration's `severity` and `disable` to the loaded rules.
fn apply_rule_settings(config: &Config, set: &mut RuleSet) {
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

/// Totals beyond the printers' [`Summary`].
#[derive(Default)]
struct Tally {
    suppressed: usize,
    baselined: usize,
    fixed: usize,
    fixed_files: usize,
    overlapping: usize,
    not_fixable: Vec<String>,
    entries: Vec<Entry>,
}

pub fn run(args: CheckArgs) -> i32 {
    let started = Instant::now();
    let stderr_color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let diag_color = stderr_color && !args.plain;
    let cwd = match std::env::current_dir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: cannot tell the current folder: {e}");
            return exit::TROUBLE;
        }
    };
    let config = match find_config(&args, &cwd) {
        Ok(c) => c,
        Err(e) => {
            report_error(&e, diag_color);
            return exit::TROUBLE;
        }
    };
    let builtin = !args.no_builtin && config.as_ref().is_none_or(|c| c.builtin);
    let reach = if args.allow_pack_outside {
        load::Reach::Anywhere
    } else {
        load::Reach::Repository
    };
    let (mut set, pack_errors) =
        load_project_packs(config.as_ref(), &args.packs, builtin, diag_color, reach);
    let pack_failed = !pack_errors.is_empty();
    if let Some(config) = &config {
        // With a pack missing, every rule of it would be reported as unknown too.
        if !pack_failed && !args.no_builtin {
            if let Err(e) = check_rule_names(config, &set) {
                report_error(&e, diag_color);
                return exit::TROUBLE;
            }
        }
        apply_rule_settings(config, &mut set);
    }
    set.rules
        .retain(|r| keep_rule(&r.full_id(), &args.only, &args.skip));
    if set.rules.is_empty() {
        eprintln!("error: no rules to run (every pack failed to load, was empty, or all rules were deselected); a check that checks nothing cannot pass");
        return exit::TROUBLE;
    }
    let engine = match Engine::new(&set) {
        Ok(e) => e,
        Err(e) => {
            report_error(&e, stderr_color);
            return exit::TROUBLE;
        }
    };

    let default_extensions = args
        .extensions
        .iter()
        .map(String::as_str)
        .eq(DEFAULT_EXTENSIONS.iter().copied());
    let extensions = match config.as_ref().and_then(|c| c.extensions.clone()) {
        Some(configured) if default_extensions => configured,
        _ => args.extensions.clone(),
    };
    let selection = config
        .as_ref()
        .map(|c| {
            Selection::new(
                c.include.iter().map(|g| g.value.as_str()),
                c.exclude.iter().map(|g| g.value.as_str()),
            )
        })
        .unwrap_or_default();
    let project = config.as_ref().map(|c| ProjectPaths::new(&c.root, &cwd));
    let selected =
        |p: &Path| selection.selects(project.as_ref().and_then(|pp| pp.relative(p)).as_deref());
    let changed = match (&args.since, &args.files_from) {
        (Some(rev), _) => Some(super::changed::since(rev, &cwd)),
        (None, Some(list)) => Some(super::changed::files_from(list)),
        (None, None) => None,
    };
    let (inputs, mut early) = match changed {
        Some(Ok(files)) => (
            changed_inputs(files, &args.paths, &extensions, &cwd, &selected),
            Vec::new(),
        ),
        Some(Err(e)) => {
            eprintln!("error: {e}");
            return exit::TROUBLE;
        }
        None => collect_inputs_where(&args.paths, &extensions, &|p, named| {
            (named && !args.force_exclude) || selected(p)
        }),
    };
    // A gate that finds nothing to check must not pass. A change that touched no report
    // (`--since`, `--files-from`) is different: there is nothing to check, rightly.
    // Files left out on purpose by the configuration's `exclude` are not "nothing found".
    let narrowed = args.since.is_some() || args.files_from.is_some();
    if inputs.is_empty()
        && early.is_empty()
        && !narrowed
        && collect_inputs(&args.paths, &extensions).0.is_empty()
    {
        eprintln!(
            "error: no report files found in {} (extensions: {}); nothing was checked",
            args.paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            extensions.join(", ")
        );
        return exit::TROUBLE;
    }

    let baseline_path = match &args.write_baseline {
        Some(_) => None,
        None => args
            .baseline
            .clone()
            .or_else(|| config.as_ref().and_then(|c| c.baseline.clone())),
    };
    let baseline = match &baseline_path {
        Some(path) => match Baseline::read(path) {
            Ok(b) => Some(b),
            Err(e) => {
                eprintln!("error: {e}");
                return exit::TROUBLE;
            }
        },
        None => None,
    };
    let baseline_dir = args
        .write_baseline
        .as_deref()
        .or(baseline_path.as_deref())
        .map(|p| p.parent().unwrap_or(Path::new("")).to_path_buf());
    let keys = Keys {
        project,
        baseline: baseline_dir.map(|d| ProjectPaths::new(&d, &cwd)),
    };
    let running = engine.rule_infos();
    let running: Vec<&str> = running.iter().map(|r| r.id.as_str()).collect();
    let gate = Gate::new(config.as_ref(), baseline).with_running_rules(&running);
    let mode = if args.diff {
        Mode::Diff
    } else if args.fix {
        Mode::Fix
    } else {
        Mode::Check
    };
    let fail_on = args
        .fail_on
        .map(FailOn::from)
        .or(config.as_ref().and_then(|c| c.fail_on))
        .unwrap_or(FailOn::Error);
    // The findings report is printed unless the run writes a baseline or shows a diff.
    let prints_report = args.write_baseline.is_none() && mode != Mode::Diff;
    let read_options = args.read_options();

    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => to_terminal && std::env::var_os("NO_COLOR").is_none(),
    };
    let style = if args.plain {
        Style {
            color: false,
            plain: true,
            width: 80,
        }
    } else {
        Style {
            color,
            plain: false,
            width: 100,
        }
    };
    let mut printer = output::printer(args.format.into(), &engine.rule_infos(), style);
    let keep_source = prints_report && printer.needs_source();

    let written = [
        ("--output", args.output.as_deref()),
        ("--write-baseline", args.write_baseline.as_deref()),
    ];
    if let Err(e) = refuse_overwriting_inputs(&written, &inputs, &cwd) {
        eprintln!("error: {e}");
        return exit::TROUBLE;
    }
    let mut sink = match &args.output {
        Some(path) => match AtomicFile::create(path, Policy::OUTPUT) {
            Ok(f) => Sink::File(Box::new(f)),
            Err(e) => {
                eprintln!("error: cannot write {}: {}", path.display(), e.into_io());
                return exit::TROUBLE;
            }
        },
        None => Sink::Stdout(io::BufWriter::new(io::stdout().lock())),
    };

    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
    {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: cannot start worker threads: {e}");
            return exit::TROUBLE;
        }
    };

    let mut progress = Progress::new(Surroundings::current(to_terminal), inputs.len());
    let configuration = config
        .as_ref()
        .map(|c| output::escape_controls(&display_path(&c.file)));
    let mut summary = Summary {
        pack_errors,
        configuration: configuration.clone(),
        ..Summary::default()
    };
    let mut tally = Tally::default();
    let mut failing = false;
    let mut write_failed: Option<io::Error> = None;
    let recording = args.write_baseline.is_some();
    let mut emit = |outcome: Outcome,
                    printer: &mut Box<dyn output::Printer>,
                    sink: &mut Sink,
                    progress: &Progress|
     -> io::Result<()> {
        let report = &outcome.report;
        summary.add(report);
        failing |= report
            .findings
            .iter()
            .any(|f| fail_on.fails(f.finding.severity));
        tally.suppressed += outcome.suppressed;
        tally.baselined += outcome.baselined;
        tally.fixed += outcome.fixed;
        tally.fixed_files += usize::from(outcome.fixed > 0);
        tally.overlapping += outcome.overlapping;
        if outcome.not_fixable {
            tally.not_fixable.push(report.path.clone());
        }
        if recording {
            tally.entries.extend(outcome.entries);
        }
        progress.suspend(|| {
            if mode == Mode::Diff {
                sink.write_all(outcome.diff.as_bytes())
            } else if prints_report {
                printer.file(report, sink)
            } else {
                Ok(())
            }
        })
    };
    if prints_report {
        if let Err(e) = printer.begin(&mut sink) {
            return super::write_failed(&e);
        }
    }
    early.sort_by(|a, b| a.path.cmp(&b.path));
    for report in early {
        let outcome = Outcome {
            report,
            ..Outcome::default()
        };
        if let Err(e) = emit(outcome, &mut printer, &mut sink, &progress) {
            return super::write_failed(&e);
        }
    }

    let work = Work {
        engine: &engine,
        gate: &gate,
        keys: &keys,
        keep_source,
        mode,
        read_options: &read_options,
    };
    // Workers take consecutive runs of inputs (chunks) strictly in order and send each chunk's
    // outcomes as one message; the printer writes chunks strictly in chunk order. Reports
    // waiting for an earlier chunk are at most one chunk per worker plus the channel's
    // capacity: memory stays flat whatever the number of files. One message per chunk
    // instead of per file saves most of the thread wake-ups on large corpora; small runs get
    // chunks of one so that every worker has work.
    let threads = pool.current_num_threads();
    let chunk = (inputs.len() / (threads * 16)).clamp(1, 16);
    let (tx, rx) = mpsc::sync_channel::<(usize, Vec<Outcome>)>(4 * threads);
    let next_chunk = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let work = &work;
        let inputs = &inputs;
        let next_chunk = &next_chunk;
        scope.spawn(move || {
            pool.broadcast(|_| loop {
                let c = next_chunk.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(run) = inputs.chunks(chunk).nth(c) else {
                    break;
                };
                let outcomes = run.iter().map(|input| check_input(work, input)).collect();
                if tx.send((c, outcomes)).is_err() {
                    break;
                }
            });
            drop(tx);
        });
        // When the output cannot be written (the reader went away, the disk is full), the
        // loop ends: dropping the receiver stops the workers after the chunk they are on.
        let mut pending = BTreeMap::new();
        let mut next = 0;
        'receive: for (c, outcomes) in rx {
            pending.insert(c, outcomes);
            while let Some(outcomes) = pending.remove(&next) {
                for outcome in outcomes {
                    progress.advance();
                    if let Err(e) = emit(outcome, &mut printer, &mut sink, &progress) {
                        write_failed = Some(e);
                        break 'receive;
                    }
                }
                next += 1;
            }
        }
    });
    progress.finish();
    if let Some(e) = write_failed {
        return super::write_failed(&e);
    }

    let finished = if prints_report {
        printer.finish(&summary, &mut sink)
    } else {
        Ok(())
    };
    if let Err(e) = finished.and_then(|()| sink.finish()) {
        return super::write_failed(&e);
    }
    print_fix_notes(mode, &tally);
    if let Some(config) = &config {
        print_unused_suppressions(config, &gate);
    }
    if args.format == FormatArg::Human || args.output.is_some() || !prints_report {
        eprintln!(
            "checked {} file{}: {} error{}, {} warning{}, {} info{}{}{}{} in {:.2}s{}",
            summary.files,
            plural(summary.files),
            summary.errors,
            plural(summary.errors),
            summary.warnings,
            plural(summary.warnings),
            summary.infos,
            plural(summary.infos),
            if summary.failed_files > 0 {
                format!(
                    "; {} file{} could not be checked",
                    summary.failed_files,
                    plural(summary.failed_files)
                )
            } else {
                String::new()
            },
            if tally.suppressed > 0 {
                format!("; {} suppressed", tally.suppressed)
            } else {
                String::new()
            },
            if tally.baselined > 0 {
                format!("; {} in the baseline", tally.baselined)
            } else {
                String::new()
            },
            started.elapsed().as_secs_f64(),
            match &configuration {
                Some(path) => format!(" (configuration: {path})"),
                None => String::new(),
            }
        );
    }
    if pack_failed || summary.failed_files > 0 {
        return exit::TROUBLE;
    }
    if let Some(file) = &args.write_baseline {
        let count = tally.entries.len();
        let text = baseline::render(std::mem::take(&mut tally.entries));
        if let Err(e) = crate::source::write_atomic(file, text.as_bytes()) {
            eprintln!("error: cannot write the baseline {}: {e}", file.display());
            return exit::TROUBLE;
        }
        eprintln!(
            "wrote {}: {count} finding{} accepted",
            file.display(),
            plural(count)
        );
        return exit::CLEAN;
    }
    let failed = match mode {
        Mode::Diff => tally.fixed > 0,
        Mode::Check | Mode::Fix => failing,
    };
    if failed {
        exit::FINDINGS
    } else {
        exit::CLEAN
    }
}

/// Where the report goes: standard output, or the `--output` file, which is put in place
/// only when the whole report was written.
enum Sink<'a> {
    Stdout(io::BufWriter<io::StdoutLock<'a>>),
    File(Box<AtomicFile>),
}

impl Sink<'_> {
    /// Flush everything; an output file is put in place.
    fn finish(self) -> io::Result<()> {
        match self {
            Sink::Stdout(mut out) => out.flush(),
            Sink::File(file) => (*file).commit().map_err(WriteError::into_io),
        }
    }
}

impl Write for Sink<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(out) => out.write(buf),
            Sink::File(file) => file.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.write_all(buf),
            Sink::File(file) => file.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush(),
            Sink::File(file) => file.flush(),
        }
    }
}

/// Refuse to run when a file the run writes (`--output`, `--write-baseline`) is one of the
/// reports it checks, however it is spelled (`./r.txt`, a link, a hard link): the report
/// would be destroyed. Checked before anything is written. Also refuses the two options
/// naming one file.
fn refuse_overwriting_inputs(
    written: &[(&str, Option<&Path>)],
    inputs: &[Input],
    cwd: &Path,
) -> Result<(), String> {
    let written: Vec<(&str, &Path)> = written
        .iter()
        .filter_map(|(option, path)| path.map(|p| (*option, p)))
        .collect();
    for (option, path) in &written {
        let Some(id) = file_id(path) else {
            continue;
        };
        let input = inputs.iter().find_map(|input| match input {
            Input::File(p) if file_id(p).as_ref() == Some(&id) => Some(p),
            _ => None,
        });
        if let Some(input) = input {
            let same_as = if select::absolute(input, cwd) == select::absolute(path, cwd) {
                String::new()
            } else {
                format!(" (the same file as {})", display_path(input))
            };
            return Err(format!(
                "{option} {}{same_as} is one of the reports to check and would be overwritten; write to another file, or leave it out of the paths to check",
                path.display()
            ));
        }
    }
    if let [(a, pa), (b, pb)] = written.as_slice() {
        let same = match (file_id(pa), file_id(pb)) {
            (Some(x), Some(y)) => x == y,
            _ => select::absolute(pa, cwd) == select::absolute(pb, cwd),
        };
        if same {
            return Err(format!("{a} and {b} name the same file, {}", pa.display()));
        }
    }
    Ok(())
}

/// What `--fix`/`--diff` did, on standard error.
fn print_fix_notes(mode: Mode, tally: &Tally) {
    if mode == Mode::Check {
        return;
    }
    let verb = if mode == Mode::Fix {
        "fixed"
    } else {
        "would fix"
    };
    eprintln!(
        "{verb} {} problem{} in {} file{}",
        tally.fixed,
        plural(tally.fixed),
        tally.fixed_files,
        plural(tally.fixed_files)
    );
    if tally.overlapping > 0 {
        eprintln!(
            "{} fix{} overlapped another fix and {} checked again after it",
            tally.overlapping,
            if tally.overlapping == 1 { "" } else { "es" },
            if tally.overlapping == 1 {
                "was"
            } else {
                "were"
            }
        );
    }
    for path in &tally.not_fixable {
        let path = output::escape_controls(path);
        eprintln!("{path}: not fixable: only .txt and .md files are written back; the file was not changed");
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
