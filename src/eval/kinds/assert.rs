//! Kind `assert` (without `match`): assertions over document facts.
//!
//! Facts are `report.year` (from the title) and `document.date` (成文日期 from the metadata
//! table, else the dated signature). `exists(document.date)` asks whether a fact was found;
//! any other assertion over a missing fact is not applicable. A failed assertion points at
//! the fact it reads (the date, the title) or, failing that, at the title.
//!
//! ```text
//! rule signed-in-time {
//!   message "成文日期应不晚于次年3月31日"
//!   assert exists(document.date)
//!   assert document.date <= date(report.year + 1, 3, 31)
//!   pass """
//!     某镇2024年法治政府建设年度报告
//!     全年开展法治宣传活动12场。
//!     某镇人民政府
//!     2025年2月10日
//!     """
//!   fail """
//!     某镇2024年法治政府建设年度报告
//!     全年开展法治宣传活动12场。
//!     某镇人民政府
//!     2025年5月6日
//!     """
//! }
//! ```

use super::{stand_in, Hit};
use crate::diag::Label;
use crate::eval::search::Compiler;
use crate::eval::search::DocMatches;
use crate::eval::validate::{check_lets, expect_condition, Names};
use crate::eval::Bindings;
use crate::model::{Document, Facts};
use crate::pack::error::PackError;
use crate::pack::expr::{Expr, ExprKind};
use crate::pack::model::Let;
use crate::pack::values::{self, AssertResult};

#[derive(Debug, Clone)]
pub struct Compiled {
    pub lets: Vec<Let>,
    pub asserts: Vec<Expr>,
}

/// Kind `assert`: an assertion over document facts (`report.year`, `document.date`, …).
#[derive(Clone, Debug, PartialEq)]
pub struct AssertCheck {
    pub lets: Vec<Let>,
    pub asserts: Vec<Expr>,
}

/// The names this kind gives its findings for message templates, beside captures, `let`s,
/// facts, `match` and `count`.
pub const MESSAGE_NAMES: &[&str] = &[];

/// What validation checks of a rule of this kind; the names its message may use.
pub fn validate(
    check: &AssertCheck,
    _: &mut Compiler,
    errors: &mut Vec<PackError>,
) -> Option<Names> {
    let mut names = Names::default();
    check_lets(&check.lets, &mut names, errors);
    for assertion in &check.asserts {
        expect_condition(assertion, &names, errors);
    }
    Some(names)
}

pub fn compile(f: &AssertCheck, _: &mut Compiler) -> Result<Compiled, Vec<PackError>> {
    Ok(Compiled {
        lets: f.lets.clone(),
        asserts: f.asserts.clone(),
    })
}

fn facts_read(e: &Expr, out: &mut Vec<String>) {
    match &e.kind {
        ExprKind::Fact(f) => out.push(f.clone()),
        ExprKind::Unary { operand, .. } | ExprKind::Not(operand) => facts_read(operand, out),
        ExprKind::Binary { left, right, .. }
        | ExprKind::Compare { left, right, .. }
        | ExprKind::Approx { left, right, .. }
        | ExprKind::And(left, right)
        | ExprKind::Or(left, right) => {
            facts_read(left, out);
            facts_read(right, out);
        }
        ExprKind::Call { args, .. } => args.iter().for_each(|a| facts_read(a, out)),
        _ => {}
    }
}

fn fact_label(doc: &Document, fact: &str) -> Option<Label> {
    match fact {
        "document.date" => doc
            .facts
            .document_date
            .as_ref()
            .map(|(_, s)| Label::new(s.clone(), Some("成文日期".to_string()))),
        "report.year" => doc
            .facts
            .report_year
            .as_ref()
            .map(|(_, s)| Label::new(s.clone(), Some("报告年度".to_string()))),
        "title.year" | "body.year" => year_fact(&doc.facts, fact).map(|(_, s)| {
            let what = if fact == "title.year" {
                "标题所写年度"
            } else {
                "正文所写年度"
            };
            Label::new(s.clone(), Some(what.to_string()))
        }),
        _ => None,
    }
}

/// The facts `title.year` (the year the title names) and `body.year` (the year the body's
/// statements name), with their places.
pub fn year_fact<'f>(facts: &'f Facts, name: &str) -> Option<&'f (i32, crate::model::Span)> {
    match name {
        "title.year" => facts.title_year.as_ref(),
        "body.year" => facts.body_year.as_ref(),
        _ => None,
    }
}

pub fn evaluate(f: &Compiled, m: &DocMatches) -> Vec<Hit> {
    let doc = m.doc;
    let mut b = Bindings::new(&doc.facts);
    for l in &f.lets {
        match values::eval(&l.value, &b) {
            Ok(v) => b.set(&l.name.value, v),
            Err(_) => return Vec::new(),
        }
    }
    for a in &f.asserts {
        let outcome = values::check(a, &b);
        if let Ok(AssertResult::Fail) = outcome {
            let mut read = Vec::new();
            facts_read(a, &mut read);
            let mut labels: Vec<Label> = read.iter().filter_map(|r| fact_label(doc, r)).collect();
            labels.dedup();
            let mut hit = if labels.is_empty() {
                let (label, note) = stand_in(doc);
                Hit::at(vec![label]).note(note)
            } else {
                Hit::at(labels)
            };
            hit.vars = b.vars();
            return vec![hit];
        }
        if let Err(e) = outcome {
            let (label, _) = stand_in(doc);
            return vec![Hit {
                labels: vec![label],
                rule_error: Some(format!("`assert {a}`: {e}")),
                ..Hit::default()
            }];
        }
    }
    Vec::new()
}

/// How an `assert` rule is written: only `let` and `assert` lines, no kind line, in the
/// DSL; `assert:` (with `let:`) in YAML.
mod syntax {
    use pest::iterators::Pair;
    use serde_json::Value as Json;

    use crate::pack::dsl::print::lets_and_asserts;
    use crate::pack::dsl::{Builder, DslKind, LetLines, Rule as G};
    use super::AssertCheck;
    use crate::pack::yaml::schema::reference;
    use crate::pack::yaml::write::{asserts_entry, lets_entry};
    use crate::pack::yaml::{Fields, Node, Reader, Yaml, YamlKind};

    impl DslKind for AssertCheck {
        const LINES: &'static [G] = &[];

        fn dsl_build(_: &mut Builder<'_>, _: Pair<'_, G>) -> Option<Self> {
            None
        }

        /// A rule with `assert` lines and no kind line.
        fn dsl_from_lets(lines: &mut LetLines) -> Option<Self> {
            if lines.asserts.is_empty() {
                return None;
            }
            Some(AssertCheck {
                lets: lines.take_lets(),
                asserts: lines.take_asserts(),
            })
        }

        fn dsl_print(&self, out: &mut String) {
            lets_and_asserts(out, &self.lets, &self.asserts)
        }
    }

    impl YamlKind for AssertCheck {
        const MODIFIERS: &'static [&'static str] = &["let"];

        fn yaml_read(r: &mut Reader<'_>, _: &Node, fields: &Fields<'_>) -> Option<Self> {
            let lets = r.lets(fields);
            let asserts = r.asserts(fields);
            Some(AssertCheck {
                lets: lets?,
                asserts: asserts?,
            })
        }

        fn yaml_write(&self, entries: &mut Vec<(&'static str, Yaml)>) {
            lets_entry(&self.lets, entries);
            asserts_entry(&self.asserts, entries);
        }

        fn yaml_schema() -> Json {
            reference("expressions")
        }

        fn yaml_description() -> String {
            crate::i18n::text("schema-kind-assert", &[])
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::eval::kinds::testing::{flagged, messages};

    const DATED: &str = r#"rule r { message "无成文日期" assert exists(document.date) }"#;
    const DEADLINE: &str = r#"rule r { message "{document.date}晚于期限" assert document.date <= date(report.year + 1, 3, 31) }"#;

    #[test]
    fn a_missing_date_is_flagged_at_the_title() {
        assert_eq!(
            flagged(DATED, "某镇2024年法治政府建设年度报告\n特此报告。\n"),
            ["某镇2024年法治政府建设年度报告"]
        );
        assert!(messages(
            DATED,
            "某镇2024年法治政府建设年度报告\n某镇人民政府\n2025年2月11日\n"
        )
        .is_empty());
    }

    #[test]
    fn a_late_date_is_flagged_at_the_date() {
        let text = "某镇2024年法治政府建设年度报告\n某镇人民政府\n2025年5月8日\n";
        assert_eq!(flagged(DEADLINE, text), ["2025年5月8日"]);
        assert_eq!(messages(DEADLINE, text), ["2025年5月8日晚于期限"]);
        let on_time = "某镇2024年法治政府建设年度报告\n某镇人民政府\n2025年3月31日\n";
        assert!(messages(DEADLINE, on_time).is_empty());
    }

    #[test]
    fn a_missing_fact_makes_the_assertion_not_applicable() {
        assert!(messages(DEADLINE, "某镇法治政府建设报告\n特此报告。\n").is_empty());
    }
}
