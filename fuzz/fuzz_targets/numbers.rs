//! The number recogniser and the single-number reader never panic, and every quantity found
//! lies on character boundaries of the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reportlint::model::numbers::{chinese_numeral_value, parse_number, recognise};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for q in recognise(text) {
        assert!(text.get(q.span.clone()).is_some(), "quantity span {:?}", q.span);
    }
    let _ = parse_number(text);
    let _ = chinese_numeral_value(text);
});
