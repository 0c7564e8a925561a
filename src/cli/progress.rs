//! A progress bar on standard error for long checks.
//!
//! Shown only to a person watching: standard error is a terminal and `CI` is not set. When
//! the report goes to a file or a pipe the bar appears at once; when the report itself goes
//! to the terminal the bar appears only once the run is long (many files, or more than a
//! second), and is cleared before each report is printed so the two never mix. In pipes
//! and CI logs nothing of it is ever written.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Runs with more files than this show the bar even when the report goes to the terminal.
pub const MANY_FILES: usize = 50;
/// Runs longer than this show the bar even when the report goes to the terminal.
pub const LONG_RUN: Duration = Duration::from_secs(1);

/// Where a run's output goes, as far as the bar cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Surroundings {
    pub stderr_is_terminal: bool,
    /// `CI` is set in the environment.
    pub in_ci: bool,
    /// The report is printed to the terminal (not to a file or a pipe).
    pub report_to_terminal: bool,
}

impl Surroundings {
    pub fn current(report_to_terminal: bool) -> Self {
        Surroundings {
            stderr_is_terminal: std::io::stderr().is_terminal(),
            in_ci: std::env::var_os("CI").is_some(),
            report_to_terminal,
        }
    }
}

/// Whether the bar may ever appear in these surroundings.
pub fn allowed(s: Surroundings) -> bool {
    s.stderr_is_terminal && !s.in_ci
}

/// Whether the bar is shown now, `elapsed` into a run over `files` files.
pub fn visible(s: Surroundings, files: usize, elapsed: Duration) -> bool {
    allowed(s) && (!s.report_to_terminal || files > MANY_FILES || elapsed > LONG_RUN)
}

/// The bar of one run; every method does nothing when the bar is not allowed.
pub struct Progress {
    bar: Option<ProgressBar>,
    surroundings: Surroundings,
    files: usize,
    started: Instant,
    shown: bool,
}

impl Progress {
    pub fn new(surroundings: Surroundings, files: usize) -> Self {
        let bar = allowed(surroundings).then(|| {
            let bar =
                ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::hidden());
            let template = format!(
                "{{spinner}} {} {{wide_bar}} {{eta}}",
                crate::tr!("progress-checking", pos = "{pos}", len = "{len}")
            );
            if let Ok(style) = ProgressStyle::with_template(&template) {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            surroundings,
            files,
            started: Instant::now(),
            shown: false,
        }
    }

    /// One more file is done.
    pub fn advance(&mut self) {
        let Some(bar) = &self.bar else {
            return;
        };
        bar.inc(1);
        if !self.shown && visible(self.surroundings, self.files, self.started.elapsed()) {
            bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown = true;
        }
    }

    /// Run `print` with the bar out of the way.
    pub fn suspend<R>(&self, print: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) if self.shown => bar.suspend(print),
            _ => print(),
        }
    }

    /// Remove the bar before the summary.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TERMINAL: Surroundings = Surroundings {
        stderr_is_terminal: true,
        in_ci: false,
        report_to_terminal: true,
    };

    #[test]
    fn never_in_ci_or_when_stderr_is_not_a_terminal() {
        let ci = Surroundings {
            in_ci: true,
            ..TERMINAL
        };
        let piped = Surroundings {
            stderr_is_terminal: false,
            report_to_terminal: false,
            ..TERMINAL
        };
        for s in [ci, piped] {
            assert!(!visible(s, 1000, Duration::from_secs(60)));
        }
    }

    #[test]
    fn with_the_report_elsewhere_it_shows_at_once() {
        let to_file = Surroundings {
            report_to_terminal: false,
            ..TERMINAL
        };
        assert!(visible(to_file, 1, Duration::ZERO));
    }

    #[test]
    fn with_the_report_on_the_terminal_only_long_runs_show_it() {
        assert!(!visible(TERMINAL, 10, Duration::from_millis(200)));
        assert!(visible(TERMINAL, 51, Duration::ZERO));
        assert!(visible(TERMINAL, 10, Duration::from_millis(1500)));
    }
}
