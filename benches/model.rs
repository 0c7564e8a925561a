//! Cost of modelling a report: a 10 KB report in the style of the fixtures, parsed whole.
//!
//! Run with `cargo bench --bench model`; the target is well under a millisecond per report.

use criterion::{criterion_group, criterion_main, Criterion};
use reportlint::model::Document;
use std::hint::black_box;

/// About 10 KB of report text built from the fixtures (a body section repeated).
fn report_10kb() -> String {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/reports/");
    let read =
        |name: &str| std::fs::read_to_string(format!("{fixtures}{name}")).unwrap_or_default();
    let head = read("arabic_top_level.txt");
    let body = read("half_width_long_paragraph.txt");
    let mut text = head;
    while text.len() < 10 * 1024 {
        text.push_str(&body);
    }
    text
}

fn model(c: &mut Criterion) {
    let text = report_10kb();
    c.bench_function("model 10 KB report", |b| {
        b.iter(|| Document::parse(black_box(text.clone())))
    });
}

criterion_group!(benches, model);
criterion_main!(benches);
