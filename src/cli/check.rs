//! `reportlint check`: load the project configuration and packs, find report files, check
//! them in parallel, print in order.
//!
//! Arguments and the configuration (`config`) are resolved into packs, an engine, a file
//! list and a per-file [`Gate`] (overrides, suppressions, baseline) before any report is
//! read. Workers check files in parallel, and with `--fix`/`--diff` also fix them
//! (`run::fix`); one printer writes the reports in path order, so the output is
//! byte-identical for any `--jobs`. `--write-baseline` records the findings instead of
//! failing on them; `--since`/`--files-from` narrow the file list (`run::changed`). The
//! work itself is in `run`; this module resolves arguments, prints and sets the exit code.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::args::FormatArg;
use super::progress::{Progress, Surroundings};
use crate::config;
use crate::config::baseline::{self, Baseline, Entry};
use crate::config::gate::Gate;
use crate::config::select::{ProjectPaths, Selection};
use crate::diag::graphic::Style;
use crate::eval::load::RuleSet;
use crate::eval::Engine;
use crate::output::{self, Summary};
use crate::run::inputs::{
    changed_inputs, collect_inputs, collect_inputs_where, display_path, refuse_overwriting_inputs,
};
use crate::run::packs::{apply_rule_settings, check_rule_names, keep_rule};
use crate::run::pipeline::{self, Keys, Mode, Outcome, Work};
use crate::source::atomic::{AtomicFile, Policy, WriteError};

pub use crate::config::FailOn;
pub use crate::run::inputs::{Input, DEFAULT_EXTENSIONS};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Report files and directories to check (`-` reads standard input). Directories are
    /// walked honouring .gitignore and the configuration's include/exclude; a file named
    /// here is always checked (unless --force-exclude).
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub rules: super::args::RuleArgs,
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
    /// Also write each report as a Word copy with every finding as a comment (批注), under
    /// this folder (relative paths kept; .txt/.md/.html reports become .docx). The reports
    /// themselves are not changed.
    #[arg(long, value_name = "OUTDIR", conflicts_with_all = ["diff", "write_baseline"])]
    pub annotate: Option<PathBuf>,
    /// When to use colours in human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Plain narrow human output for CI logs: ASCII drawing, no colour, 80 columns.
    #[arg(long)]
    pub plain: bool,
    /// File extensions to check when walking directories (comma-separated).
    #[arg(long, value_delimiter = ',', default_values_t = DEFAULT_EXTENSIONS.iter().map(|s| s.to_string()))]
    pub extensions: Vec<String>,
    #[command(flatten)]
    pub read: super::args::ReadArgs,
    /// Print to standard error the time each rule took, summed over files and threads,
    /// slowest first, with reading, the document model and the statement analyser as rows
    /// of their own; `--timings=N` prints only the N slowest rows.
    #[arg(long, value_name = "N", num_args = 0..=1, require_equals = true, default_missing_value = "0")]
    pub timings: Option<usize>,
}

impl CheckArgs {
    /// How report files are read.
    pub fn read_options(&self) -> crate::source::ReadOptions {
        self.read.options()
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
        out = format!("{}\n", crate::tr!("error-line", message = err));
    }
    // miette writes its own word before a hint; say it in the language of the run.
    let help = crate::tr!("diag-help");
    if help != "help: " {
        out = out
            .lines()
            .map(|line| {
                let text = line.trim_start();
                let indent = &line[..line.len() - text.len()];
                match text.strip_prefix("help: ") {
                    Some(rest) => format!("{indent}{help}{rest}\n"),
                    None if text.trim_end() == "Error:" => {
                        format!("{indent}{}\n", crate::tr!("diag-error"))
                    }
                    None => format!("{line}\n"),
                }
            })
            .collect();
    }
    eprint!("{out}");
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
            "{}",
            crate::tr!(
                "warning-line",
                message = crate::tr!(
                    "suppression-unused",
                    file = config.file.display(),
                    line = at.line,
                    column = at.column,
                    rule = s.rule.value,
                    path = s.path.value
                )
            )
        );
    }
}

/// Load the built-in pack (unless switched off) and every `--pack`; report broken packs.
/// Returns the usable rules and whether any pack failed.
pub fn load_packs(packs: &[PathBuf], builtin: bool, color: bool) -> (RuleSet, bool) {
    let (set, failed) = crate::run::packs::load_packs(packs, builtin);
    for e in &failed {
        report_error(e, color);
    }
    (set, !failed.is_empty())
}

/// The folder the command runs in; when it cannot be read (removed, no permission), the
/// reason is printed and the exit code returned.
pub fn working_folder() -> Result<PathBuf, i32> {
    std::env::current_dir().map_err(|e| {
        eprintln!(
            "{}",
            crate::tr!(
                "error-line",
                message = crate::tr!("check-no-cwd", error = crate::i18n::io(&e))
            )
        );
        exit::TROUBLE
    })
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
    let cwd = match working_folder() {
        Ok(d) => d,
        Err(code) => return code,
    };
    let config = match args.rules.find_config(&cwd) {
        Ok(c) => c,
        Err(e) => {
            report_error(&e, diag_color);
            return exit::TROUBLE;
        }
    };
    let (mut set, pack_errors) = args.rules.load_packs(config.as_ref());
    if !pack_errors.is_empty() {
        // Said first, so that it is not lost among hundreds of lines of findings.
        eprintln!(
            "{}",
            crate::tr!(
                "error-line",
                message = crate::tr!("check-packs-broken", count = pack_errors.len())
            )
        );
    }
    for e in &pack_errors {
        report_error(e, diag_color);
    }
    let pack_errors: Vec<String> = pack_errors.iter().map(ToString::to_string).collect();
    let pack_failed = !pack_errors.is_empty();
    if let Some(config) = &config {
        // With a pack missing, every rule of it would be reported as unknown too.
        if !pack_failed && !args.rules.no_builtin {
            if let Err(e) = check_rule_names(config, &set) {
                report_error(&e, diag_color);
                return exit::TROUBLE;
            }
        }
        apply_rule_settings(config, &mut set);
    }
    if args.format == FormatArg::Xlsx && args.output.is_none() {
        eprintln!(
            "{}",
            crate::tr!(
                "error-line",
                message = crate::tr!("check-xlsx-needs-output")
            )
        );
        return exit::TROUBLE;
    }
    set.rules
        .retain(|r| keep_rule(&r.full_id(), &args.rules.only, &args.rules.skip));
    let tags = set.tags();
    if set.rules.is_empty() {
        eprintln!(
            "{}",
            crate::tr!("error-line", message = crate::tr!("check-no-rules"))
        );
        return exit::TROUBLE;
    }
    let engine = match args.timings {
        Some(_) => Engine::new(&set).with_timings(),
        None => Engine::new(&set),
    };
    engine.compile_in_background();

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
        (Some(rev), _) => Some(crate::run::changed::since(rev, &cwd)),
        (None, Some(list)) => Some(crate::run::changed::files_from(list)),
        (None, None) => None,
    };
    let (inputs, mut early) = match changed {
        Some(Ok(files)) => (
            changed_inputs(files, &args.paths, &extensions, &cwd, &selected),
            Vec::new(),
        ),
        Some(Err(e)) => {
            eprintln!("{}", crate::tr!("error-line", message = e));
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
            "{}",
            crate::tr!(
                "error-line",
                message = crate::tr!(
                    "check-no-files",
                    paths = args
                        .paths
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", "),
                    extensions = extensions.join(", ")
                )
            )
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
                eprintln!("{}", crate::tr!("error-line", message = e));
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
    let mut printer = output::printer(args.format.into(), &engine.rule_infos(), &tags, style);
    let keep_source = (prints_report && printer.needs_source()) || args.annotate.is_some();

    let written = [
        ("--output", args.output.as_deref()),
        ("--write-baseline", args.write_baseline.as_deref()),
    ];
    if let Err(e) = refuse_overwriting_inputs(&written, &inputs, &cwd) {
        eprintln!("{}", crate::tr!("error-line", message = e));
        return exit::TROUBLE;
    }
    let annotated = match &args.annotate {
        Some(outdir) => match crate::run::annotate::plan(&inputs, outdir, &cwd) {
            Ok(planned) => Some(planned),
            Err(e) => {
                eprintln!("{}", crate::tr!("error-line", message = e));
                return exit::TROUBLE;
            }
        },
        None => None,
    };
    let author = config::annotate_author(config.as_ref());
    let mut annotate_failed = Vec::new();
    let mut annotate_written = 0usize;
    let mut sink = match &args.output {
        Some(path) => match AtomicFile::create(path, Policy::OUTPUT) {
            Ok(f) => Sink::File(Box::new(f)),
            Err(e) => {
                eprintln!(
                    "{}",
                    crate::tr!(
                        "error-line",
                        message = crate::tr!(
                            "file-cannot-write",
                            path = path.display(),
                            error = crate::i18n::io(&e.into_io())
                        )
                    )
                );
                return exit::TROUBLE;
            }
        },
        None => Sink::Stdout(io::BufWriter::new(io::stdout().lock())),
    };

    // One report is checked on one thread: a second one would only spin, waiting for work,
    // for as long as the first checks (CPU time that a pre-commit hook pays on every run).
    let threads = args.jobs.unwrap_or(if inputs.len() == 1 { 1 } else { 0 });
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(p) => p,
        Err(e) => {
            eprintln!(
                "{}",
                crate::tr!(
                    "error-line",
                    message = crate::tr!("check-no-threads", error = e)
                )
            );
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
    let mut next_input = 0;
    let checked = pipeline::check_all(&work, &inputs, pool, |outcome| {
        progress.advance();
        if let (Some(planned), Some(input)) = (&annotated, inputs.get(next_input)) {
            if let Some(to) = planned.get(next_input) {
                match crate::run::annotate::write(
                    input,
                    &outcome.report,
                    to,
                    &author,
                    &read_options,
                ) {
                    Ok(written) => annotate_written += usize::from(written),
                    Err(e) => annotate_failed.push(e),
                }
            }
        }
        next_input += 1;
        emit(outcome, &mut printer, &mut sink, &progress)
    });
    progress.finish();
    if let Some(table) = engine.timings_table(args.timings.filter(|&n| n > 0)) {
        eprint!("{table}");
    }
    if let Err(e) = checked {
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
    if let Some(outdir) = &args.annotate {
        for e in &annotate_failed {
            eprintln!(
                "{}",
                crate::tr!("error-line", message = output::escape_controls(e))
            );
        }
        eprintln!(
            "{}",
            crate::tr!(
                "annotate-wrote",
                count = annotate_written,
                folder = outdir.display()
            )
        );
    }
    if let Some(config) = &config {
        print_unused_suppressions(config, &gate);
    }
    if args.format == FormatArg::Human || args.output.is_some() || !prints_report {
        let mut notes = String::new();
        if summary.failed_files > 0 {
            notes.push_str(&crate::tr!(
                "summary-failed-files",
                count = summary.failed_files
            ));
        }
        if tally.suppressed > 0 {
            notes.push_str(&crate::tr!("summary-suppressed", count = tally.suppressed));
        }
        if tally.baselined > 0 {
            notes.push_str(&crate::tr!("summary-baselined", count = tally.baselined));
        }
        // Last, where it cannot be missed: the run was incomplete.
        let packs = if pack_failed {
            crate::tr!("summary-pack-errors", count = summary.pack_errors.len())
        } else {
            String::new()
        };
        let configuration = match &configuration {
            Some(path) => crate::tr!("summary-configuration", path = path),
            None => String::new(),
        };
        eprintln!(
            "{}",
            crate::tr!(
                "summary-checked",
                files = summary.files,
                errors = summary.errors,
                warnings = summary.warnings,
                infos = summary.infos,
                notes = notes,
                seconds = format!("{:.2}", started.elapsed().as_secs_f64()),
                configuration = configuration,
                packs = packs
            )
        );
    }
    if pack_failed || summary.failed_files > 0 || !annotate_failed.is_empty() {
        return exit::TROUBLE;
    }
    if let Some(file) = &args.write_baseline {
        let count = tally.entries.len();
        let text = baseline::render(std::mem::take(&mut tally.entries));
        if let Err(e) = crate::source::write_atomic(file, text.as_bytes()) {
            eprintln!(
                "{}",
                crate::tr!(
                    "error-line",
                    message = crate::tr!(
                        "baseline-cannot-write",
                        path = file.display(),
                        error = crate::i18n::io(&e)
                    )
                )
            );
            return exit::TROUBLE;
        }
        eprintln!(
            "{}",
            crate::tr!("baseline-wrote", path = file.display(), count = count)
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

/// What `--fix`/`--diff` did, on standard error.
fn print_fix_notes(mode: Mode, tally: &Tally) {
    if mode == Mode::Check {
        return;
    }
    let note = if mode == Mode::Fix {
        crate::tr!("fix-fixed", count = tally.fixed, files = tally.fixed_files)
    } else {
        crate::tr!(
            "fix-would-fix",
            count = tally.fixed,
            files = tally.fixed_files
        )
    };
    eprintln!("{note}");
    if tally.overlapping > 0 {
        eprintln!(
            "{}",
            crate::tr!("fix-overlapping", count = tally.overlapping)
        );
    }
    for path in &tally.not_fixable {
        let path = output::escape_controls(path);
        eprintln!("{}", crate::tr!("fix-not-fixable", path = path));
    }
}
