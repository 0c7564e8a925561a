//! Any text handed to the YAML front end either loads as a pack or yields pack errors whose
//! spans lie inside the source.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reportlint::eval::load::{parse, Form};

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(errors) = parse("fuzz", src, Form::Yaml) {
        for e in &errors.errors {
            assert!(e.span.end <= src.len(), "error span {:?} past the source end", e.span);
        }
    }
});
