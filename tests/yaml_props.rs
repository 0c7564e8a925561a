//! `parse_pack` never panics, whatever the input, and every error span lies on character
//! boundaries inside the source (so rendering can never fail).

use proptest::prelude::*;
use reportlint::eval::kinds::Check;
use reportlint::pack::yaml::parse_pack;

/// Fragments of real packs, so that generated input reaches deep into the reader instead of
/// stopping at the first syntax error.
const FRAGMENTS: &[&str] = &[
    "pack: 测试\n",
    "rules:\n",
    "  - id: a\n",
    "    message: 甲\n",
    "    require: ",
    "    forbid: ",
    "    when: ",
    "    match: ",
    "    assert: ",
    "    let: ",
    "    scope: ",
    "    min: ",
    "    sections: ",
    "    headings: ",
    "{any: [",
    "{all: [",
    "{regex: '",
    "{pattern: \"",
    "三项制度",
    "]}",
    "}",
    "]",
    "'",
    "\"",
    ", ",
    "\n",
    "&a ",
    "*a",
    "- ",
    ": ",
    "#",
    "\t",
    "    examples: {pass: [",
    "ok / total",
    "rate ~= x within 1%",
    "paragraph",
    "2",
    "true",
    "~",
    "    on: ",
    "    unless: ",
    "    severity: ",
    "error",
    "    id: a\n",
];

fn pack_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40).prop_map(|parts| parts.concat())
}

fn check_spans(src: &str) {
    if let Err(errors) = parse_pack::<Check>("fuzz.yaml", src) {
        assert!(!errors.errors.is_empty());
        for error in &errors.errors {
            assert!(error.span.start <= error.span.end && error.span.end <= src.len());
            assert!(src.is_char_boundary(error.span.start) && src.is_char_boundary(error.span.end));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text_never_panics(src in any::<String>()) {
        check_spans(&src);
    }

    #[test]
    fn pack_shaped_text_never_panics(src in pack_like()) {
        check_spans(&src);
    }
}

/// A pack whose texts are arbitrary strings: printing must quote whatever needs quoting.
fn pack_with_texts(message: &str, literal: &str, regex: &str) -> reportlint::eval::kinds::Pack {
    use reportlint::eval::kinds::*;
    use reportlint::pack::model::{Example, ExampleKind, Matcher, Scope, Severity, Spanned};
    let s = |t: &str| Spanned::unspanned(t.to_owned());
    Pack {
        name: s("texts"),
        description: Some(s(message)),
        rules: vec![Rule {
            id: s("any-text"),
            severity: Spanned::unspanned(Severity::Info),
            message: s(message),
            help: None,
            reference: None,
            tags: vec![s(literal)],
            once_per_file: false,
            examples: vec![Example {
                kind: ExampleKind::Pass,
                text: s(message),
            }],
            check: Check::Forbid(Forbid {
                what: Matcher::Any(vec![Matcher::Text(s(literal)), Matcher::Regex(s(regex))]),
                unless: vec![Matcher::Text(s(literal))],
                suggest: vec![s(message)],
                scope: Scope::Document,
            }),
        }],
        ..Pack::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_survives_print_and_parse(
        message in any::<String>(),
        literal in any::<String>().prop_filter("a matcher text is not empty", |t| !t.is_empty()),
        regex in "[\\\\'\"a-z0-9:# {}\\[\\],\n\t中文-]{1,12}",
    ) {
        let pack = pack_with_texts(&message, &literal, &regex);
        let printed = reportlint::pack::yaml::print_pack(&pack);
        let reparsed = parse_pack("printed.yaml", &printed);
        prop_assert!(reparsed.is_ok(), "{printed}\n{reparsed:?}");
        prop_assert_eq!(reparsed.ok(), Some(pack));
    }
}
