//! One report through the pipeline: read, model, evaluate, locate, gate, and with
//! `--fix`/`--diff` fix; and many reports checked in parallel, handed on in input order.
//!
//! Workers take consecutive runs of inputs (chunks) strictly in order and send each chunk's
//! outcomes as one message; [`check_all`] hands them on strictly in chunk order, so what is
//! printed is the same for any number of threads.

use std::collections::BTreeMap;
use std::io;
use std::path::Path;
use std::sync::mpsc;

use super::fix;
use super::inputs::{display_path, path_bytes, read_input, Input};
use crate::config::baseline::Entry;
use crate::config::gate::{FileKey, Gate, Gated};
use crate::config::select::ProjectPaths;
use crate::diag;
use crate::eval::Engine;
use crate::model::Document;
use crate::output::{FileReport, Source};
use crate::source::atomic::{self, Policy};

/// What `check` does with each file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Check,
    /// Apply fixes and write the files back.
    Fix,
    /// Show the fixes as a diff, write nothing.
    Diff,
}

/// Turns an input into the paths the configuration and the baseline match on.
#[derive(Default)]
pub struct Keys {
    pub project: Option<ProjectPaths>,
    pub baseline: Option<ProjectPaths>,
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
pub struct Work<'a> {
    pub engine: &'a Engine,
    pub gate: &'a Gate,
    pub keys: &'a Keys,
    pub keep_source: bool,
    pub mode: Mode,
    pub read_options: &'a crate::source::ReadOptions,
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
pub fn analyse(
    work: &Work,
    key: &FileKey,
    text: String,
    read: Option<&crate::source::SourceFile>,
) -> (Document, Gated) {
    let started = std::time::Instant::now();
    let doc = Document::parse(text);
    if let Some(t) = work.engine.timings() {
        t.add_model(started.elapsed());
    }
    let mut findings: Vec<_> = work
        .engine
        .check(&doc)
        .into_iter()
        .map(|f| diag::locate(f, &doc.text, &doc.lines))
        .map(|mut f| {
            let Some(source) = read else {
                return f;
            };
            for l in f.labels.iter_mut().chain(f.folded.iter_mut()) {
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

pub fn file_report(
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
pub fn check_input(work: &Work, input: &Input) -> Outcome {
    let mut outcome = check_input_read(work, input);
    if let Input::File(p) = input {
        outcome.report.path_bytes = path_bytes(p);
    }
    outcome
}

fn check_input_read(work: &Work, input: &Input) -> Outcome {
    let path = input.display();
    let key = work.keys.of(input);
    let started = std::time::Instant::now();
    let read = read_input(input, work.read_options);
    if let Some(t) = work.engine.timings() {
        t.add_reading(started.elapsed());
    }
    let source = match read {
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
    let not_fixable = work.mode != Mode::Check
        && gated
            .findings
            .iter()
            .any(|f| f.finding.fix.is_some() || !f.finding.folded_fixes.is_empty());
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
                let folded = std::mem::take(&mut f.finding.folded_fixes);
                for fx in folded {
                    match fix::to_file(&layout, text, &doc.text, &fx) {
                        Some(placed) => f.finding.folded_fixes.push(placed),
                        None => unplaced = true,
                    }
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
            let error = crate::tr!("fix-cannot", path = file.display(), error = e);
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
                .map_err(|e| crate::tr!("fix-cannot-write", path = file.display(), error = e))
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

/// The line ends a text uses throughout, which a fixed text written back keeps.
pub fn line_ending(text: &str) -> crate::source::LineEnding {
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

/// Check `inputs` on the threads of `pool` and hand every outcome to `emit` in input order.
/// When `emit` fails (the reader went away, the disk is full), the workers stop after the
/// chunk they are on and the error is returned. Reports waiting for an earlier chunk are
/// at most one chunk per worker plus the channel's capacity: memory stays flat whatever
/// the number of files. One message per chunk instead of per file saves most of the thread
/// wake-ups on large corpora; small runs get chunks of one so that every worker has work.
pub fn check_all(
    work: &Work,
    inputs: &[Input],
    pool: rayon::ThreadPool,
    mut emit: impl FnMut(Outcome) -> io::Result<()>,
) -> io::Result<()> {
    let threads = pool.current_num_threads();
    let chunk = (inputs.len() / (threads * 16)).clamp(1, 16);
    let (tx, rx) = mpsc::sync_channel::<(usize, Vec<Outcome>)>(4 * threads);
    let next_chunk = std::sync::atomic::AtomicUsize::new(0);
    let mut failed = None;
    std::thread::scope(|scope| {
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
        let mut pending = BTreeMap::new();
        let mut next = 0;
        'receive: for (c, outcomes) in rx {
            pending.insert(c, outcomes);
            while let Some(outcomes) = pending.remove(&next) {
                for outcome in outcomes {
                    if let Err(e) = emit(outcome) {
                        failed = Some(e);
                        break 'receive;
                    }
                }
                next += 1;
            }
        }
    });
    failed.map_or(Ok(()), Err)
}
