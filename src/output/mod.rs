//! Output formats. Workers produce one [`FileReport`] per checked file; a single printer
//! writes them, in path order, through the [`Printer`] of the chosen format. Every format
//! is a sibling module here; none of them knows how findings were produced.

pub mod file;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use std::io::{self, Write};

use crate::diag::LocatedFinding;
use crate::model::position::LineIndex;
use crate::pack::model::Severity;

/// The text of a checked file, kept for formats that show it.
#[derive(Clone, Debug)]
pub struct Source {
    pub text: String,
    pub lines: LineIndex,
}

/// Everything known about one checked file.
#[derive(Clone, Debug)]
pub struct FileReport {
    /// The path as given or found, with `/` separators.
    pub path: String,
    /// Why the file could not be checked, if it could not.
    pub error: Option<String>,
    /// Findings in display order.
    pub findings: Vec<LocatedFinding>,
    pub source: Option<Source>,
}

/// What a printer needs to know about a rule up front (SARIF rule table, JUnit cases).
#[derive(Clone, Debug)]
pub struct RuleInfo {
    /// `pack/id`.
    pub id: String,
    pub severity: Severity,
    pub summary: String,
    pub help: Option<String>,
    pub reference: Option<String>,
}

/// Totals of a run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Files that could not be read or checked.
    pub failed_files: usize,
    /// Rule packs that could not be loaded (one line each); the run used the others, so
    /// it was incomplete and machine output must say so.
    pub pack_errors: Vec<String>,
    /// The configuration file the run used (`.reportlint.yaml` found or `--config`), as a
    /// path relative to the current folder or as given; `None` when none was used.
    pub configuration: Option<String>,
}

impl Summary {
    pub fn add(&mut self, report: &FileReport) {
        self.files += 1;
        if report.error.is_some() {
            self.failed_files += 1;
        }
        for f in &report.findings {
            match f.finding.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}

/// One output format.
pub trait Printer {
    /// Called once before any file.
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    /// Called for each file, in path order.
    fn file(&mut self, report: &FileReport, out: &mut dyn Write) -> io::Result<()>;
    /// Called once after the last file.
    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()>;
    /// Whether this format shows the file text (so workers keep it).
    fn needs_source(&self) -> bool {
        false
    }
}

/// The formats `--format` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Junit,
    Html,
}

/// Build the printer for a format.
pub fn printer(
    format: Format,
    rules: &[RuleInfo],
    style: crate::diag::human::Style,
) -> Box<dyn Printer> {
    match format {
        Format::Human => Box::new(human::HumanPrinter::new(style)),
        Format::Json => Box::new(json::JsonPrinter::default()),
        Format::Sarif => Box::new(sarif::SarifPrinter::new(rules.to_vec())),
        Format::Github => Box::new(github::GithubPrinter),
        Format::Junit => Box::new(junit::JunitPrinter::new(rules.to_vec())),
        Format::Html => Box::new(html::HtmlPrinter::default()),
    }
}
