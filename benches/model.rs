//! Costs of the hot paths on one 10 KB report in the style of the fixtures: modelling it
//! (lines, sections, sentences, quantities), recognising its numbers alone, analysing its
//! statements (the document already modelled), and checking it with the built-in pack (the
//! document already modelled; pack compiled once).
//!
//! Run with `cargo bench --bench model`; the target is well under a millisecond per report
//! for the model, and a few milliseconds for the whole check.

use criterion::{criterion_group, criterion_main, Criterion};
use reportlint::eval::Engine;
use reportlint::model::numbers::recognise;
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

fn numbers(c: &mut Criterion) {
    let text = report_10kb();
    c.bench_function("recognise numbers in 10 KB report", |b| {
        b.iter(|| recognise(black_box(&text)))
    });
}

fn statements(c: &mut Criterion) {
    let doc = Document::parse(report_10kb());
    c.bench_function("statements of 10 KB report", |b| {
        b.iter(|| black_box(&doc).statements())
    });
}

fn builtin_pack(c: &mut Criterion) {
    let doc = Document::parse(report_10kb());
    let engine = reportlint::eval::load::load_builtin("fazhi")
        .ok()
        .map(|set| Engine::new(&set));
    let Some(engine) = engine else {
        eprintln!("the built-in pack does not load; skipping its benchmark");
        return;
    };
    c.bench_function("check 10 KB report with built-in pack", |b| {
        b.iter(|| engine.check(black_box(&doc)))
    });
}

criterion_group!(benches, model, numbers, statements, builtin_pack);
criterion_main!(benches);
