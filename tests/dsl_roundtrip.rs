//! Every fixture pack reads, prints canonically, and reads back to an equal pack; printing is
//! idempotent; and no input makes the parser panic.

use std::fs;
use std::path::PathBuf;

use proptest::prelude::*;
use reportlint::eval::kinds::Check;
use reportlint::pack::dsl::{parse_expr, parse_pack, print_pack};

fn fixture_packs() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs");
    let mut packs: Vec<(String, String)> = fs::read_dir(&dir)
        .expect("fixture folder")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "rules"))
        .map(|path| {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let text = fs::read_to_string(&path).expect("readable fixture");
            (name.unwrap_or_default(), text)
        })
        .collect();
    packs.sort();
    packs
}

#[test]
fn fixtures_exist() {
    let names: Vec<String> = fixture_packs().into_iter().map(|(name, _)| name).collect();
    assert!(
        names.contains(&"card-examples.rules".to_string()),
        "{names:?}"
    );
    assert!(
        names.contains(&"every-construct.rules".to_string()),
        "{names:?}"
    );
}

#[test]
fn printing_then_parsing_gives_the_same_pack() {
    for (name, text) in fixture_packs() {
        let pack = parse_pack::<Check>(&name, &text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let printed = print_pack(&pack);
        let reread = parse_pack(&name, &printed)
            .unwrap_or_else(|e| panic!("{name} printed does not parse: {e:?}\n{printed}"));
        assert_eq!(reread, pack, "{name} changed by printing:\n{printed}");
        assert_eq!(
            print_pack(&reread),
            printed,
            "{name}: printing is not idempotent"
        );
    }
}

#[test]
fn expressions_print_to_text_that_parses_back() {
    for (name, text) in fixture_packs() {
        let pack = parse_pack::<Check>(&name, &text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let printed = print_pack(&pack);
        for line in printed.lines().map(str::trim) {
            let expr = line.strip_prefix("assert ").or_else(|| {
                line.split_once(" = ")
                    .filter(|_| line.starts_with("let "))
                    .map(|(_, e)| e)
            });
            if let Some(expr) = expr {
                let parsed = parse_expr(expr, 0).unwrap_or_else(|e| panic!("{expr}: {e:?}"));
                assert_eq!(parsed.to_string(), expr);
            }
        }
    }
}

proptest! {
    #[test]
    fn the_pack_parser_never_panics(src in "\\PC*") {
        let _ = parse_pack::<Check>("arbitrary.rules", &src);
    }

    #[test]
    fn the_pack_parser_never_panics_on_near_packs(
        body in proptest::collection::vec(
            prop_oneof![
                Just("rule "), Just("r-1 "), Just("{ "), Just("} "), Just("\""), Just("\"\"\""),
                Just("message "), Just("require "), Just("any("), Just(")"), Just(", "),
                Just("/"), Just("\\"), Just("\\u{"), Just("中文"), Just("match "), Just("pattern "),
                Just("assert "), Just("~= "), Just("within "), Just("1% "), Just("\n"), Just("let "),
                Just("= "), Just("x "), Just("sum("), Just("sections "), Just("in "), Just("section "),
            ],
            0..40,
        )
    ) {
        let src = format!("pack \"p\"\n{}", body.concat());
        let _ = parse_pack::<Check>("near.rules", &src);
    }

    #[test]
    fn generated_expressions_print_back_to_themselves(
        tokens in proptest::collection::vec(
            prop_oneof![
                Just("a"), Just("report.year"), Just("1"), Just("2.50"), Just("3%"), Just("\"字\""),
                Just("+"), Just("-"), Just("*"), Just("/"), Just("<"), Just("=="), Just(">="),
                Just("~="), Just("within 1%"), Just("relative"), Just("and"), Just("or"),
                Just("not"), Just("("), Just(")"), Just("sum("), Just("date("), Just(","),
            ],
            1..16,
        )
    ) {
        let src = tokens.join(" ");
        if let Ok(expr) = parse_expr(&src, 0) {
            let printed = expr.to_string();
            let reparsed = parse_expr(&printed, 0);
            prop_assert!(reparsed.is_ok(), "{printed:?} does not parse back");
            if let Ok(reparsed) = reparsed {
                prop_assert_eq!(reparsed.to_string(), printed);
                prop_assert_eq!(reparsed, expr);
            }
        }
    }

    #[test]
    fn the_expression_parser_never_panics(src in "\\PC*", base in 0usize..1000) {
        if let Ok(expr) = parse_expr(&src, base) {
            let printed = expr.to_string();
            let reparsed = parse_expr(&printed, 0);
            prop_assert!(reparsed.is_ok(), "{printed:?} does not parse back");
            if let Ok(reparsed) = reparsed {
                prop_assert_eq!(reparsed, expr);
            }
        }
    }
}
