//! Checking any text with the built-in pack never panics, and every finding points inside
//! the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reportlint::eval::Engine;
use reportlint::model::Document;
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let set = reportlint::eval::load::load_builtin("fazhi").expect("the built-in pack loads");
        Engine::new(&set)
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let doc = Document::parse(text);
    for f in engine().check(&doc) {
        for l in &f.labels {
            assert!(doc.text.get(l.span.clone()).is_some(), "label span {:?} in {}", l.span, f.rule);
        }
    }
});
