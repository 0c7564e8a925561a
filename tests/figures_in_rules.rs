//! The built-in rules read figures as the document model does: a figure written with an
//! approximation word is never checked as exact, a full-width figure is read whole, and a
//! figure with 万 and a fraction (`2.3万`) is checked with its precision (±500).

use reportlint::eval::load::{load_builtin, RuleSet};
use reportlint::eval::Engine;
use reportlint::model::Document;

/// Messages of rule `id` of the built-in pack on `text`.
fn findings(id: &str, text: &str) -> Vec<String> {
    let set = match load_builtin("fazhi") {
        Ok(set) => set,
        Err(e) => panic!("the built-in pack does not load: {e}"),
    };
    let rules = set
        .rules
        .iter()
        .filter(|r| r.rule.id.value == id)
        .cloned()
        .collect();
    let subset = RuleSet {
        packs: set.packs.clone(),
        rules,
    };
    Engine::new(&subset)
        .check(&Document::parse(text.to_string()))
        .into_iter()
        .map(|f| f.message)
        .collect()
}

#[test]
fn a_total_written_as_at_least_is_not_checked_as_exact() {
    // At least 120: the rate may be anything up to 115 / 120.
    for text in [
        "共调解矛盾纠纷不少于120件，调解成功115件，调解成功率达90%。",
        "共受理纠纷300件以上，调解成功285件，调解成功率达90%。",
    ] {
        assert_eq!(
            findings("rate-arithmetic", text),
            Vec::<String>::new(),
            "{text}"
        );
    }
    // Written exactly, the same figures are wrong.
    assert_eq!(
        findings(
            "rate-arithmetic",
            "共调解矛盾纠纷120件，调解成功115件，调解成功率达90%。"
        )
        .len(),
        1
    );
}

#[test]
fn a_full_width_percentage_is_read_whole() {
    // 197 / 200 = 98.5%: right, and not read as 5%.
    assert_eq!(
        findings(
            "rate-arithmetic",
            "全年受理纠纷２００件，调解成功１９７件，调解成功率９８．５％。"
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        findings("share-over-100", "调解成功率达１０５．５％。").len(),
        1
    );
}

#[test]
fn a_figure_in_wan_with_a_fraction_is_checked_with_its_precision() {
    // 15 230 + 7 900 = 23 130: within 2.3万 rounded to 1000.
    assert_eq!(
        findings(
            "parts-sum",
            "共办理审批服务事项2.3万件，其中即办件15230件，承诺件7900件。"
        ),
        Vec::<String>::new()
    );
    // 2万 + 5000 = 25 000: more than 2.3万 can round from.
    assert_eq!(
        findings(
            "parts-sum",
            "共办理审批服务事项2.3万件，其中即办件2万件，承诺件5000件。"
        )
        .len(),
        1
    );
    // A rate computed from a rounded figure is not checked: its error is not tracked.
    assert_eq!(
        findings(
            "rate-arithmetic",
            "共受理信访事项2.3万件，办结2.2万件，办结率98%。"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn a_figure_in_wan_agrees_with_what_it_rounds() {
    assert_eq!(
        findings(
            "repeated-fact",
            "全县1.2万名干部取得行政执法证。目前已有12030名干部取得行政执法证。"
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        findings(
            "repeated-fact",
            "全县1.2万名干部取得行政执法证。目前已有13000名干部取得行政执法证。"
        )
        .len(),
        1
    );
}
