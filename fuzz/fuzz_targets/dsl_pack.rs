//! Any text handed to the DSL front end either loads as a pack or yields pack errors; a pack
//! that loads prints back to DSL text that loads again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reportlint::eval::load::{parse, Form};

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(pack) = parse("fuzz", src, Form::Dsl) {
        let printed = reportlint::pack::dsl::print_pack(&pack);
        assert!(
            parse("fuzz", &printed, Form::Dsl).is_ok(),
            "a loaded pack printed to text that does not load:\n{printed}"
        );
    }
});
