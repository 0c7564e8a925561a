//! `reportlint check --timings`: the time each rule took, printed to standard error after
//! the run. Times vary from run to run; the tests check the table's shape, not its numbers.

use crate::check_support;

use check_support::run;

const STEPS: [&str; 3] = [
    "[reading and decoding]",
    "[document model]",
    "[statement analyser]",
];

/// The ids `rules list` prints for the built-in pack.
fn builtin_rule_ids() -> Vec<String> {
    let listed = run(&["rules", "list"]);
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    listed
        .stdout
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

/// The rows of the timings table in `stderr`: (time in ms, share, name).
fn rows(stderr: &str) -> Vec<(f64, String, String)> {
    let mut lines = stderr.lines().skip_while(|l| !l.starts_with("timings: "));
    let header = lines.next().expect("a timings header");
    assert!(
        header.contains("(summed over files and threads)"),
        "{header}"
    );
    let columns = lines.next().expect("a column line");
    assert_eq!(
        columns.split_whitespace().collect::<Vec<_>>(),
        ["time", "(ms)", "share", "rule"]
    );
    lines
        .take_while(|l| !l.starts_with("checked "))
        .map(|l| {
            let mut parts = l.split_whitespace();
            let ms: f64 = parts.next().unwrap().parse().expect("a time in ms");
            let share = parts.next().unwrap().to_string();
            assert!(share.ends_with('%'), "{l}");
            (ms, share, parts.collect::<Vec<_>>().join(" "))
        })
        .collect()
}

#[test]
fn timings_print_every_rule_once_and_each_step_slowest_first() {
    let args = [
        "check",
        "--no-config",
        "--format",
        "json",
        "tests/fixtures/reports",
    ];
    let plain = run(&args);
    let timed = run(&[&args[..], &["--timings"]].concat());
    assert_eq!(timed.code, plain.code, "{}", timed.stderr);
    // The report itself does not change.
    assert_eq!(timed.stdout, plain.stdout);
    assert!(!plain.stderr.contains("timings: "), "{}", plain.stderr);
    let rows = rows(&timed.stderr);
    let mut names: Vec<String> = rows.iter().map(|r| r.2.clone()).collect();
    let mut expected = builtin_rule_ids();
    assert!(expected.len() > 20, "{expected:?}");
    expected.extend(STEPS.iter().map(|s| s.to_string()));
    names.sort();
    expected.sort();
    assert_eq!(names, expected, "{}", timed.stderr);
    assert!(
        rows.windows(2).all(|w| w[0].0 >= w[1].0),
        "slowest first: {}",
        timed.stderr
    );
}

#[test]
fn timings_with_a_count_print_only_the_slowest_rows() {
    let run = run(&[
        "check",
        "--no-config",
        "--format",
        "json",
        "--timings=5",
        "tests/fixtures/reports",
    ]);
    let rows = rows(&run.stderr);
    assert_eq!(rows.len(), 5, "{}", run.stderr);
    assert!(run.stderr.contains("; 5 of "), "{}", run.stderr);
}
