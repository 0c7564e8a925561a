//! What a pack means is checked once, by validation, whichever form it is written in: the
//! same mistake written in the DSL and in YAML gives the same error, once, under the same
//! text; the front ends only check how a pack is written.

use reportlint::eval::kinds::Check;
use reportlint::eval::load::{parse, Form};

/// `(message, underlined text)` of every error of a pack that does not load.
fn errors(name: &str, src: &str, form: Form) -> Vec<(String, String)> {
    match parse(name, src, form) {
        Ok(pack) => panic!("{name} loaded: {:?}", pack.pack),
        Err(found) => found
            .errors
            .iter()
            .map(|e| {
                let under = src.get(e.span.clone()).unwrap_or_default();
                (e.message.clone(), under.trim_matches('"').to_string())
            })
            .collect(),
    }
}

/// One mistake in a rule, written in both forms: `(DSL rule lines, YAML rule keys)`.
const MISTAKES: &[(&str, &str, &str)] = &[
    (
        "a rule id that is not one",
        "rule Bad_Id {\n  message \"缺少第一责任人\"\n  require \"第一责任人\"\n}",
        "  - id: Bad_Id\n    message: 缺少第一责任人\n    require: 第一责任人",
    ),
    (
        "two rules with one id",
        "rule same {\n  message \"甲\"\n  require \"甲\"\n}\nrule same {\n  message \"乙\"\n  require \"乙\"\n}",
        "  - id: same\n    message: 甲\n    require: 甲\n  - id: same\n    message: 乙\n    require: 乙",
    ),
    (
        "empty text to look for",
        "rule empty {\n  message \"空\"\n  forbid \"\"\n}",
        "  - id: empty\n    message: 空\n    forbid: \"\"",
    ),
    (
        "a pair that is not two marks",
        "rule pairs {\n  message \"成对标点不配对\"\n  paired \"《》\", \"“\"\n}",
        "  - id: pairs\n    message: 成对标点不配对\n    paired: [\"《》\", \"“\"]",
    ),
    (
        "an empty message",
        "rule quiet {\n  message \" \"\n  require \"三项制度\"\n}",
        "  - id: quiet\n    message: \" \"\n    require: 三项制度",
    ),
];

#[test]
fn a_mistake_in_what_a_pack_means_gives_one_error_the_same_in_both_forms() {
    for (what, dsl, yaml) in MISTAKES {
        let dsl_src = format!("pack \"p\"\n{dsl}\n");
        let yaml_src = format!("pack: p\nrules:\n{yaml}\n");
        let from_dsl = errors("p.rules", &dsl_src, Form::Dsl);
        let from_yaml = errors("p.yaml", &yaml_src, Form::Yaml);
        assert_eq!(from_dsl.len(), 1, "{what}: {from_dsl:?}");
        assert_eq!(from_dsl, from_yaml, "{what}");
    }
}

#[test]
fn the_front_ends_read_what_validation_refuses() {
    use reportlint::pack::{dsl, yaml};
    for (what, dsl_rules, yaml_rules) in MISTAKES {
        let dsl_src = format!("pack \"p\"\n{dsl_rules}\n");
        let yaml_src = format!("pack: p\nrules:\n{yaml_rules}\n");
        let read = dsl::parse_pack::<Check>("p.rules", &dsl_src);
        assert!(read.is_ok(), "{what}: {read:?}");
        let read = yaml::parse_pack::<Check>("p.yaml", &yaml_src);
        assert!(read.is_ok(), "{what}: {read:?}");
    }
}
