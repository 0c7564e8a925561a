//! `check --timings`: where a run spent its time, per rule.
//!
//! Each rule's time is summed over every file and thread of the run (as eslint's `TIMING`
//! does), next to the steps every file goes through whatever the rules: reading and
//! decoding, building the document model, and the statement analyser (run once per file,
//! for the first `match statement` rule). A regex or pattern shared by several rules runs
//! once per file and is counted for the first rule that asks for it.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Time counters shared by the threads of a run, in nanoseconds.
#[derive(Debug)]
pub struct Timings {
    rules: Vec<AtomicU64>,
    reading: AtomicU64,
    model: AtomicU64,
    statements: AtomicU64,
    files: AtomicU64,
}

/// One printed row.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub name: String,
    /// Whether the row is a step of every file rather than a rule.
    pub step: bool,
    pub time: Duration,
}

fn add(counter: &AtomicU64, d: Duration) {
    counter.fetch_add(
        u64::try_from(d.as_nanos()).unwrap_or(u64::MAX),
        Ordering::Relaxed,
    );
}

fn get(counter: &AtomicU64) -> Duration {
    Duration::from_nanos(counter.load(Ordering::Relaxed))
}

impl Timings {
    pub fn new(rules: usize) -> Timings {
        Timings {
            rules: (0..rules).map(|_| AtomicU64::new(0)).collect(),
            reading: AtomicU64::new(0),
            model: AtomicU64::new(0),
            statements: AtomicU64::new(0),
            files: AtomicU64::new(0),
        }
    }

    pub fn add_rule(&self, rule: usize, d: Duration) {
        if let Some(c) = self.rules.get(rule) {
            add(c, d);
        }
    }

    pub fn add_reading(&self, d: Duration) {
        add(&self.reading, d);
    }

    /// The model of one file was built in `d`.
    pub fn add_model(&self, d: Duration) {
        add(&self.model, d);
        self.files.fetch_add(1, Ordering::Relaxed);
    }

    pub fn add_statements(&self, d: Duration) {
        add(&self.statements, d);
    }

    /// Every row, the slowest first (ties by name), given the rules' ids in engine order.
    pub fn rows<'a>(&self, rule_ids: impl IntoIterator<Item = &'a str>) -> Vec<Row> {
        let mut rows: Vec<Row> = rule_ids
            .into_iter()
            .zip(&self.rules)
            .map(|(id, c)| Row {
                name: id.to_string(),
                step: false,
                time: get(c),
            })
            .collect();
        for (name, c) in [
            (crate::tr!("timings-reading"), &self.reading),
            (crate::tr!("timings-model"), &self.model),
            (crate::tr!("timings-statements"), &self.statements),
        ] {
            rows.push(Row {
                name,
                step: true,
                time: get(c),
            });
        }
        rows.sort_by(|a, b| b.time.cmp(&a.time).then_with(|| a.name.cmp(&b.name)));
        rows
    }

    /// The table printed to standard error: a header line, then the `top` slowest rows
    /// (all with `None`), each with its time in milliseconds and its share of the total.
    pub fn table<'a>(
        &self,
        rule_ids: impl IntoIterator<Item = &'a str>,
        top: Option<usize>,
    ) -> String {
        let rows = self.rows(rule_ids);
        let total: Duration = rows.iter().map(|r| r.time).sum();
        let files = self.files.load(Ordering::Relaxed);
        let shown = top.unwrap_or(rows.len()).min(rows.len());
        let mut out = crate::tr!(
            "timings-header",
            files = files,
            ms = format!("{:.1}", ms(total)),
            shown = shown,
            rows = rows.len()
        );
        out.push('\n');
        out.push_str(&format!(
            "{:>12}  {:>6}  {}\n",
            crate::tr!("timings-col-time"),
            crate::tr!("timings-col-share"),
            crate::tr!("timings-col-rule")
        ));
        for row in rows.iter().take(shown) {
            let share = if total.is_zero() {
                0.0
            } else {
                100.0 * row.time.as_secs_f64() / total.as_secs_f64()
            };
            let name = if row.step {
                format!("[{}]", row.name)
            } else {
                row.name.clone()
            };
            out.push_str(&format!(
                "{:>12.3}  {:>5.1}%  {name}\n",
                ms(row.time),
                share
            ));
        }
        out
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_sorted_slowest_first_and_steps_are_bracketed() {
        let t = Timings::new(2);
        t.add_rule(0, Duration::from_millis(1));
        t.add_rule(1, Duration::from_millis(3));
        t.add_model(Duration::from_millis(2));
        let table = t.table(["p/a", "p/b"], None);
        let lines: Vec<&str> = table.lines().collect();
        assert!(
            lines[0].starts_with("timings: 1 files, 6.0 ms in total"),
            "{table}"
        );
        assert!(lines[2].ends_with("  p/b"), "{table}");
        assert!(lines[3].ends_with("  [document model]"), "{table}");
        assert!(lines[4].ends_with("  p/a"), "{table}");
        assert_eq!(lines.len(), 2 + 5);
        assert_eq!(t.table(["p/a", "p/b"], Some(1)).lines().count(), 3);
    }
}
