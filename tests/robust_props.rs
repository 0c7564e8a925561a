//! Properties on arbitrary input that the other property tests do not cover: the number
//! recogniser and the whole check with the built-in pack never panic, and everything they
//! report lies on character boundaries inside the text. (The DSL parser, the YAML loader and
//! the document model have their own never-panic properties next to their other tests.)

use proptest::prelude::*;
use reportlint::eval::Engine;
use reportlint::model::numbers::{parse_number, recognise};
use reportlint::model::Document;
use std::sync::OnceLock;

fn builtin() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let set = reportlint::eval::load::load_builtin("fazhi").expect("the built-in pack loads");
        Engine::new(&set)
    })
}

/// Report-like text: numerals, units, approximation words, rates, headings, punctuation.
fn report_like() -> impl Strategy<Value = String> {
    "([0-9０-９一二两三十百千万亿零〇点.,，。；、%％约近余多以上左右共其中分别为件人个率成功办结化解（）()《》“”\n 　法制治第一职责人-]|\\PC){0,200}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn recognising_numbers_in_any_text_never_panics(text in report_like()) {
        for q in recognise(&text) {
            prop_assert!(text.get(q.span.clone()).is_some(), "{:?}", q.span);
        }
        let _ = parse_number(&text);
    }

    #[test]
    fn checking_any_text_with_the_builtin_pack_never_panics(text in report_like()) {
        let doc = Document::parse(text);
        for finding in builtin().check(&doc) {
            for label in &finding.labels {
                prop_assert!(doc.text.get(label.span.clone()).is_some(), "{} {:?}", finding.rule, label.span);
            }
        }
    }
}
