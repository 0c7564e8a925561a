//! Every YAML pack under `tests/fixtures/packs/` survives parse → print → parse unchanged,
//! and its canonical print is a fixed point.

use std::fs;
use std::path::PathBuf;

use reportlint::eval::kinds::Check;
use reportlint::pack::yaml::{parse_pack, print_pack};

fn fixture_packs() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs");
    let mut packs: Vec<(String, String)> = fs::read_dir(&dir)
        .expect("fixture directory exists")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("yaml" | "yml")
            )
        })
        .map(|path| {
            let text = fs::read_to_string(&path).expect("fixture is UTF-8");
            (path.display().to_string(), text)
        })
        .collect();
    packs.sort();
    packs
}

#[test]
fn there_are_yaml_fixture_packs() {
    assert!(fixture_packs().len() >= 2);
}

#[test]
fn printing_and_parsing_again_gives_an_equal_pack() {
    for (name, text) in fixture_packs() {
        let pack = parse_pack::<Check>(&name, &text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let printed = print_pack(&pack);
        let reparsed = parse_pack(&name, &printed)
            .unwrap_or_else(|e| panic!("{name}: printed form does not parse: {e:?}\n{printed}"));
        assert_eq!(
            pack, reparsed,
            "{name}: round trip changed the pack\n{printed}"
        );
    }
}

#[test]
fn the_canonical_print_is_a_fixed_point() {
    for (name, text) in fixture_packs() {
        let pack = parse_pack::<Check>(&name, &text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let printed = print_pack(&pack);
        let reparsed =
            parse_pack::<Check>(&name, &printed).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(
            printed,
            print_pack(&reparsed),
            "{name}: printing is not idempotent"
        );
    }
}
