//! `--format human` (the default): miette reports, with flood control.
//!
//! A rule that fires many times in one file (half-width commas in a file typed on an English
//! keyboard) would bury everything else, so each rule shows at most `max_per_rule` findings
//! per file, then one line counting the rest. Machine formats always list everything.

use std::io::{self, Write};

use super::{FileReport, Printer, Summary};
use crate::diag::graphic::{render, Style};

pub struct HumanPrinter {
    style: Style,
    pub max_per_rule: usize,
}

impl HumanPrinter {
    pub fn new(style: Style) -> Self {
        HumanPrinter {
            style,
            max_per_rule: 3,
        }
    }
}

impl Printer for HumanPrinter {
    fn file(&mut self, report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        let path = report.shown_path();
        if let Some(err) = &report.error {
            writeln!(
                out,
                "{path}: {}\n",
                crate::tr!("error-line", message = super::escape_controls(err))
            )?;
        }
        let Some(source) = &report.source else {
            return Ok(());
        };
        let mut shown: Vec<(&str, usize)> = Vec::new();
        for f in &report.findings {
            let rule = f.finding.rule.as_str();
            let n = match shown.iter_mut().find(|(r, _)| *r == rule) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    shown.push((rule, 1));
                    1
                }
            };
            if n <= self.max_per_rule {
                let text = render(&f.finding, &path, &source.text, &source.lines, self.style);
                out.write_all(text.as_bytes())?;
                writeln!(out)?;
            }
        }
        for (rule, n) in shown {
            if n > self.max_per_rule {
                writeln!(
                    out,
                    "{}\n",
                    crate::tr!(
                        "human-more-not-shown",
                        path = path,
                        rule = rule,
                        count = n - self.max_per_rule
                    )
                )?;
            }
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn needs_source(&self) -> bool {
        true
    }
}
