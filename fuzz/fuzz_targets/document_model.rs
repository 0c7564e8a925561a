//! Any text models into a document whose spans lie on character boundaries inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reportlint::model::Document;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let doc = Document::parse(text);
    for s in &doc.sentences {
        assert!(doc.text.get(s.span.clone()).is_some(), "sentence span {:?}", s.span);
    }
    for p in &doc.paragraphs {
        assert!(doc.text.get(p.span.clone()).is_some(), "paragraph span {:?}", p.span);
    }
    for h in &doc.headings {
        assert!(doc.text.get(h.span.clone()).is_some(), "heading span {:?}", h.span);
    }
    for q in &doc.quantities {
        assert!(doc.text.get(q.span.clone()).is_some(), "quantity span {:?}", q.span);
    }
    if let Some(last) = doc.text.len().checked_sub(1) {
        let _ = doc.position(last);
    }
});
