//! `reportlint check`: load packs, find report files, check them in parallel, print in order.
//!
//! Arguments are resolved into a [`Plan`] (packs loaded and compiled, files listed) before
//! any report is read. Workers check files in parallel; one printer writes the reports in
//! path order, so the output is byte-identical for any `--jobs`.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use crate::diag::{self, human::Style};
use crate::eval::Engine;
use crate::model::Document;
use crate::output::{self, FileReport, Format, Source, Summary};
use crate::pack::load::{self, RuleSet};
use crate::pack::model::Severity;

/// Default extensions of report files found when walking a directory.
pub const DEFAULT_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "docx", "html", "htm"];

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Report files and directories to check (`-` reads standard input). Directories are
    /// walked honouring .gitignore; a file named here is always checked.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// A rule pack to use in addition to the built-in one (repeatable).
    #[arg(long = "pack", value_name = "PACK")]
    pub packs: Vec<PathBuf>,
    /// Do not use the built-in pack.
    #[arg(long)]
    pub no_builtin: bool,
    /// Only run these rules (`pack/id` or `id`; repeatable).
    #[arg(long = "rule", value_name = "ID")]
    pub only: Vec<String>,
    /// Do not run these rules (`pack/id` or `id`; repeatable).
    #[arg(long = "skip", value_name = "ID")]
    pub skip: Vec<String>,
    /// Lowest severity that makes the run fail (exit code 1).
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Number of files checked at once (default: number of cores).
    #[arg(long, short)]
    pub jobs: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
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
    pub encoding: Option<crate::source::ForcedEncoding>,
    /// Refuse report files larger than this (and .docx files expanding beyond it): bytes,
    /// or with a unit such as 50MB.
    #[arg(long, value_name = "SIZE", value_parser = crate::source::parse_size, default_value = "20MB")]
    pub max_file_size: u64,
}

impl CheckArgs {
    /// How report files are read.
    pub fn read_options(&self) -> crate::source::ReadOptions {
        crate::source::ReadOptions {
            encoding: self.encoding,
            max_file_size: self.max_file_size,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Never => false,
            FailOn::Error => severity >= Severity::Error,
            FailOn::Warning => severity >= Severity::Warning,
            FailOn::Info => true,
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
    let mut set = RuleSet::default();
    let mut failed = false;
    let mut add = |result: Result<RuleSet, load::LoadError>| match result {
        Ok(mut s) => {
            set.packs.append(&mut s.packs);
            set.rules.append(&mut s.rules);
        }
        Err(e) => {
            report_error(&e, color);
            failed = true;
        }
    };
    if builtin {
        if let Some(b) = load::BUILTIN.first() {
            add(load::load_builtin(b.name));
        }
    }
    for p in packs {
        add(load::load_file(p));
    }
    (set, failed)
}

fn keep_rule(full_id: &str, only: &[String], skip: &[String]) -> bool {
    let matches = |sel: &String| sel == full_id || full_id.rsplit('/').next() == Some(sel.as_str());
    (only.is_empty() || only.iter().any(matches)) && !skip.iter().any(matches)
}

/// List the inputs: named files as given, directories walked (sorted, .gitignore honoured).
pub fn collect_inputs(paths: &[PathBuf], extensions: &[String]) -> (Vec<Input>, Vec<FileReport>) {
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
                            && p.extension().and_then(|x| x.to_str()).is_some_and(|x| {
                                extensions.iter().any(|w| w.eq_ignore_ascii_case(x))
                            });
                        if wanted {
                            inputs.push(Input::File(p.to_path_buf()));
                        }
                    }
                    Err(err) => problems.push(FileReport {
                        path: display_path(path),
                        error: Some(format!("cannot walk directory: {err}")),
                        findings: Vec::new(),
                        source: None,
                    }),
                }
            }
        } else {
            inputs.push(Input::File(path.clone()));
        }
    }
    inputs.sort();
    inputs.dedup();
    (inputs, problems)
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

/// Check one input completely with default reading options: read, model, evaluate, locate.
pub fn check_one(engine: &Engine, input: &Input, keep_source: bool) -> FileReport {
    check_one_with(
        engine,
        input,
        keep_source,
        &crate::source::ReadOptions::default(),
    )
}

/// Check one input completely: read, model, evaluate, locate. Findings in text extracted
/// from another format (.docx, HTML, Markdown) get a note saying where they are there.
pub fn check_one_with(
    engine: &Engine,
    input: &Input,
    keep_source: bool,
    options: &crate::source::ReadOptions,
) -> FileReport {
    let path = input.display();
    let source = match read_input(input, options) {
        Ok(s) => s,
        Err(error) => {
            return FileReport {
                path,
                error: Some(error),
                findings: Vec::new(),
                source: None,
            }
        }
    };
    let doc = Document::parse(source.text.clone());
    let mut findings: Vec<_> = engine
        .check(&doc)
        .into_iter()
        .map(|f| diag::locate(f, &doc.text, &doc.lines))
        .map(|mut f| {
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
    let source = keep_source.then(|| Source {
        text: doc.text.clone(),
        lines: doc.lines.clone(),
    });
    FileReport {
        path,
        error: None,
        findings,
        source,
    }
}

pub fn run(args: CheckArgs) -> i32 {
    let started = Instant::now();
    let stderr_color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let (mut set, pack_failed) =
        load_packs(&args.packs, !args.no_builtin, stderr_color && !args.plain);
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

    let (inputs, mut early) = collect_inputs(&args.paths, &args.extensions);
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
    let mut printer = output::printer(args.format, &engine.rule_infos(), style);
    let keep_source = printer.needs_source();

    let mut sink: Box<dyn Write> = match &args.output {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Box::new(io::BufWriter::new(f)),
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", path.display());
                return exit::TROUBLE;
            }
        },
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
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

    let mut summary = Summary::default();
    let mut failing = false;
    let mut write_failed = None;
    let mut emit =
        |report: &FileReport, printer: &mut Box<dyn output::Printer>, sink: &mut Box<dyn Write>| {
            summary.add(report);
            failing |= report
                .findings
                .iter()
                .any(|f| args.fail_on.fails(f.finding.severity));
            if let Err(e) = printer.file(report, sink.as_mut()) {
                write_failed.get_or_insert(e);
            }
        };
    if let Err(e) = printer.begin(sink.as_mut()) {
        eprintln!("error: cannot write output: {e}");
        return exit::TROUBLE;
    }
    early.sort_by(|a, b| a.path.cmp(&b.path));
    for report in &early {
        emit(report, &mut printer, &mut sink);
    }

    // Workers send (index, report); the printer writes them strictly in index order.
    let (tx, rx) = mpsc::channel::<(usize, FileReport)>();
    std::thread::scope(|scope| {
        let engine = &engine;
        let inputs = &inputs;
        let read_options = &read_options;
        scope.spawn(move || {
            pool.install(|| {
                use rayon::prelude::*;
                inputs
                    .par_iter()
                    .enumerate()
                    .for_each_with(tx, |tx, (i, input)| {
                        let _ =
                            tx.send((i, check_one_with(engine, input, keep_source, read_options)));
                    });
            });
        });
        let mut pending = BTreeMap::new();
        let mut next = 0;
        for (i, report) in rx {
            pending.insert(i, report);
            while let Some(report) = pending.remove(&next) {
                emit(&report, &mut printer, &mut sink);
                next += 1;
            }
        }
    });

    if let Err(e) = printer
        .finish(&summary, sink.as_mut())
        .and_then(|_| sink.flush())
    {
        write_failed.get_or_insert(e);
    }
    if let Some(e) = write_failed {
        eprintln!("error: cannot write output: {e}");
        return exit::TROUBLE;
    }
    if args.format == Format::Human || args.output.is_some() {
        eprintln!(
            "checked {} file{}: {} error{}, {} warning{}, {} info{}{} in {:.2}s",
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
            started.elapsed().as_secs_f64()
        );
    }
    if pack_failed || summary.failed_files > 0 {
        exit::TROUBLE
    } else if failing {
        exit::FINDINGS
    } else {
        exit::CLEAN
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
