//! Kind `require`: text must appear.
//!
//! The matcher must be satisfied at least `min_count` times (default 1) in one unit of the
//! scope: in the document, in some section whose heading matches, in some paragraph or in
//! some sentence. `any` counts the matches of all its parts, `all` the fewest of its parts,
//! `none` is satisfied once when none of its parts is there.
//!
//! With `at least N` written and a section scope (`in section …`, `in body of section …`),
//! every matching section must hold N matches, each section is reported on its own, and
//! the marker of a section's own heading (`（一）`) is not counted as one of its items.
//!
//! Missing text has no place of its own, so the finding points at the sections the text was
//! expected in (scope `section`), or at the title, and says so.
//!
//! ```text
//! rule three-systems {
//!   message "没有写行政执法“三项制度”的落实情况"
//!   require any("三项制度", all("执法公示", "全过程记录", "法制审核"))
//!   pass "全面落实行政执法三项制度。"
//!   pass "严格执行执法公示、执法全过程记录和重大执法决定法制审核制度。"
//!   fail "加强执法队伍建设，全年组织执法培训4次。"
//! }
//! ```

use super::{stand_in, Hit};
use crate::diag::Label;
use crate::eval::search::{CompiledMatcher, CompiledScope, Compiler, DocMatches};
use crate::eval::validate::{check_scope, compile_into, Names};
use crate::pack::error::PackError;
use crate::pack::model::{Matcher, Scope, Spanned};
use crate::pack::values::Value;

#[derive(Debug, Clone)]
pub struct Compiled {
    pub what: CompiledMatcher,
    pub min_count: usize,
    /// `at least N` was written: with a section scope, every matching section must hold it.
    pub each_section: bool,
    pub scope: CompiledScope,
}

/// Kind `require`: the matcher must be satisfied at least `min_count` times in the scope.
#[derive(Clone, Debug, PartialEq)]
pub struct Require {
    pub what: Matcher,
    pub min_count: Option<Spanned<u32>>,
    pub scope: Scope,
}

/// The names this kind gives its findings for message templates, beside captures, `let`s,
/// facts, `match` and `count`.
pub const MESSAGE_NAMES: &[&str] = &["found", "min"];

/// What validation checks of a rule of this kind; the names its message may use.
pub fn validate(r: &Require, c: &mut Compiler, errors: &mut Vec<PackError>) -> Option<Names> {
    check(r, c, errors);
    Some(Names::default())
}

/// The requirement's matcher and scope compile, and a minimum count means something (also
/// what a `when` rule requires).
pub fn check(require: &Require, c: &mut Compiler, errors: &mut Vec<PackError>) {
    compile_into(&require.what, c, errors);
    check_scope(&require.scope, c, errors);
    if let Some(min) = &require.min_count {
        if min.value == 0 {
            errors.push(
                PackError::new(crate::tr!("val-minimum-count-always-met"), min.span.clone())
                    .with_label(crate::tr!("val-at-least")),
            );
        }
    }
}

pub fn compile(r: &Require, c: &mut Compiler) -> Result<Compiled, Vec<PackError>> {
    let what = c.matcher(&r.what);
    let scope = c.scope(&r.scope);
    match (what, scope) {
        (Ok(what), Ok(scope)) => Ok(Compiled {
            what,
            min_count: r.min_count.as_ref().map_or(1, |m| m.value as usize),
            each_section: r.min_count.is_some(),
            scope,
        }),
        (Err(mut a), Err(mut b)) => {
            a.append(&mut b);
            Err(a)
        }
        (Err(e), _) | (_, Err(e)) => Err(e),
    }
}

/// Whether the requirement holds; on failure, the best count seen.
pub fn holds(r: &Compiled, m: &DocMatches) -> Result<(), usize> {
    if let Some(short) = sections_short(r, m) {
        return match short.iter().map(|(found, _)| *found).min() {
            Some(found) => Err(found),
            None => Ok(()),
        };
    }
    if matches!(r.scope, CompiledScope::Body | CompiledScope::SectionBody(_)) {
        return holds_in_pieces(r, m);
    }
    let mut best = 0;
    for unit in m.units(&r.scope) {
        if r.min_count <= 1 {
            // Fewer than one is none: no count is needed, only whether the text is there.
            if m.satisfied(&r.what, &unit, r.min_count) {
                return Ok(());
            }
            continue;
        }
        let (n, _) = m.count(&r.what, &unit);
        if n >= r.min_count {
            return Ok(());
        }
        best = best.max(n);
    }
    Err(best)
}

/// With `at least N` and a section scope, when some section matches: the sections holding
/// fewer than N matches, each with its count and the place that names it. `None` when the
/// rule is not of that form or no section matches (then the requirement fails as usual).
fn sections_short(r: &Compiled, m: &DocMatches) -> Option<Vec<(usize, crate::model::Span)>> {
    if !r.each_section {
        return None;
    }
    let units = m.named_section_units(&r.scope)?;
    if units.is_empty() {
        return None;
    }
    let body = matches!(r.scope, CompiledScope::SectionBody(_));
    let min = r.min_count.max(1);
    Some(
        units
            .into_iter()
            .filter_map(|(pieces, at)| {
                let pieces = if body {
                    m.without_deferrals(&pieces)
                } else {
                    pieces
                };
                let (n, _) = m.count_pieces(&r.what, &pieces);
                (n < min).then_some((n, at))
            })
            .collect(),
    )
}

/// [`holds`] for scopes whose units are several pieces of text (`in body …`).
fn holds_in_pieces(r: &Compiled, m: &DocMatches) -> Result<(), usize> {
    let mut best = 0;
    for pieces in m.unit_pieces(&r.scope) {
        // What is required must be stated, not deferred (另行研究制定, 详见附件).
        let pieces = m.without_deferrals(&pieces);
        if r.min_count <= 1 {
            // Fewer than one is none: only whether the text is there.
            if m.satisfied_in_pieces(&r.what, &pieces) {
                return Ok(());
            }
            continue;
        }
        let (n, _) = m.count_pieces(&r.what, &pieces);
        if n >= r.min_count {
            return Ok(());
        }
        best = best.max(n);
    }
    Err(best)
}

pub fn evaluate(r: &Compiled, m: &DocMatches) -> Vec<Hit> {
    if let Some(short) = sections_short(r, m) {
        return short
            .into_iter()
            .map(|(found, at)| {
                Hit::at(vec![Label::new(at, Some("应在此部分写明".to_string()))])
                    .note("此部分的内容不足")
                    .var("found", Value::count(found as f64))
                    .var("min", Value::count(r.min_count as f64))
            })
            .collect();
    }
    let Err(found) = holds(r, m) else {
        return Vec::new();
    };
    let doc = m.doc;
    let hit = match &r.scope {
        CompiledScope::Section(h) | CompiledScope::Heading(h) | CompiledScope::SectionBody(h) => {
            let headings: Vec<Label> = doc
                .headings
                .iter()
                .filter(|hd| m.count(h, &hd.text_span).0 > 0)
                .map(|hd| Label::new(hd.span.clone(), Some("应在此部分写明".to_string())))
                .collect();
            if headings.is_empty() {
                let (label, _) = stand_in(doc);
                Hit::at(vec![label]).note("应写明此内容的部分也未找到，标注在标题处")
            } else {
                Hit::at(headings).note("缺少的内容无处可标，标注在应写明它的部分")
            }
        }
        _ => {
            let (label, note) = stand_in(doc);
            Hit::at(vec![label]).note(note)
        }
    };
    vec![hit
        .var("found", Value::count(found as f64))
        .var("min", Value::count(r.min_count as f64))]
}

/// How a `require` rule is written: `require MATCHER [at least N] [in SCOPE]` in the DSL,
/// `require: MATCHER` with `min:` and `scope:` in YAML. `when` writes its requirement the
/// same way ([`syntax::body`], [`syntax::dsl_text`], [`syntax::yaml_entries`]).
pub(super) mod syntax {
    use std::fmt::Write;

    use pest::iterators::{Pair, Pairs};
    use serde_json::Value as Json;

    use crate::pack::dsl::print::{scope_suffix, wrapped_line};
    use crate::pack::dsl::{Builder, DslKind, Rule as G};
    use crate::pack::error::PackError;
    use crate::pack::model::{Scope, Spanned};
    use super::Require;
    use crate::pack::yaml::schema::reference;
    use crate::pack::yaml::write::{matcher_yaml, scope_entry};
    use crate::pack::yaml::{Fields, Node, Reader, Yaml, YamlKind};

    impl DslKind for Require {
        const LINES: &'static [G] = &[G::require];

        fn dsl_build(b: &mut Builder<'_>, line: Pair<'_, G>) -> Option<Self> {
            body(b, line.into_inner())
        }

        fn dsl_print(&self, out: &mut String) {
            wrapped_line(out, 1, &format!("require {}", dsl_text(self)))
        }
    }

    /// `MATCHER [at least N] [in SCOPE]`.
    pub fn body(b: &mut Builder<'_>, parts: Pairs<'_, G>) -> Option<Require> {
        let mut what = None;
        let mut min_count = None;
        let mut scope = Some(Scope::Document);
        for part in parts {
            match part.as_rule() {
                G::matcher => what = b.matcher(part),
                G::at_least => min_count = Some(at_least(b, part)),
                G::scope => scope = b.scope(part),
                _ => {}
            }
        }
        Some(Require {
            what: what?,
            min_count: min_count.map_or(Some(None), |count| count.map(Some))?,
            scope: scope?,
        })
    }

    fn at_least(b: &mut Builder<'_>, pair: Pair<'_, G>) -> Option<Spanned<u32>> {
        let number = pair.into_inner().find(|p| p.as_rule() == G::number)?;
        let span = b.span(&number);
        match number.as_str().parse::<u32>() {
            Ok(count) if count >= 1 => Some(Spanned::new(count, span)),
            _ => {
                b.error(
                    PackError::new(
                        crate::tr!("build-bad-count-number", number = number.as_str()),
                        span,
                    )
                    .with_label(crate::tr!("build-not-whole-number-from"))
                    .with_help(crate::tr!("build-at-least-n-takes")),
                );
                None
            }
        }
    }

    /// The DSL text after `require`.
    pub fn dsl_text(require: &Require) -> String {
        let mut text = require.what.to_string();
        if let Some(count) = &require.min_count {
            let _ = write!(text, " at least {}", count.value);
        }
        text.push_str(&scope_suffix(&require.scope));
        text
    }

    impl YamlKind for Require {
        const MODIFIERS: &'static [&'static str] = &["scope", "min"];

        fn yaml_read(r: &mut Reader<'_>, what: &Node, fields: &Fields<'_>) -> Option<Self> {
            read(r, what, fields)
        }

        fn yaml_write(&self, entries: &mut Vec<(&'static str, Yaml)>) {
            yaml_entries(self, entries)
        }

        fn yaml_schema() -> Json {
            reference("matcher")
        }

        fn yaml_description() -> String {
            crate::i18n::text("schema-kind-require", &[])
        }
    }

    /// `require: MATCHER` with `min:` and `scope:` from the rule's fields.
    pub fn read(r: &mut Reader<'_>, what: &Node, fields: &Fields<'_>) -> Option<Require> {
        let what = r.matcher(what);
        let min_count = fields.get("min").and_then(|n| r.count(n, "`min`"));
        let scope = r.scope_field(fields);
        Some(Require {
            what: what?,
            min_count,
            scope: scope?,
        })
    }

    /// `require:`, `min:` and `scope:` entries.
    pub fn yaml_entries(require: &Require, entries: &mut Vec<(&'static str, Yaml)>) {
        entries.push(("require", matcher_yaml(&require.what)));
        if let Some(min) = &require.min_count {
            entries.push(("min", Yaml::Number(min.value)));
        }
        scope_entry(&require.scope, entries);
    }
}

#[cfg(test)]
mod tests {
    use crate::eval::kinds::testing::{findings, flagged, messages};

    const THREE: &str = r#"rule r { message "缺少三项制度" require any("三项制度", all("执法公示", "全过程记录", "法制审核")) }"#;

    #[test]
    fn flags_missing_text_at_the_title() {
        let text = "某镇2024年法治政府建设年度报告\n加强执法队伍建设。\n";
        assert_eq!(flagged(THREE, text), ["某镇2024年法治政府建设年度报告"]);
        let f = &findings(THREE, text)[0];
        assert!(f.note.as_deref().unwrap_or_default().contains("标题"));
    }

    #[test]
    fn any_and_all_are_satisfied_by_synonyms_or_every_part() {
        assert!(messages(THREE, "严格落实行政执法三项制度。").is_empty());
        assert!(messages(
            THREE,
            "推行执法公示、执法全过程记录和重大执法决定法制审核。"
        )
        .is_empty());
        assert_eq!(
            messages(THREE, "推行执法公示和执法全过程记录。"),
            ["缺少三项制度"]
        );
    }

    #[test]
    fn none_is_met_only_without_any_part() {
        let rule = r#"rule r { message "m" require none("法制政府", "第一职责人") }"#;
        assert!(messages(rule, "建设法治政府。").is_empty());
        assert_eq!(messages(rule, "建设法制政府。").len(), 1);
    }

    #[test]
    fn minimum_count() {
        let rule = r#"rule r { message "只出现{found}次" require "法律顾问" at least 2 }"#;
        assert_eq!(messages(rule, "聘请法律顾问。"), ["只出现1次"]);
        assert!(messages(rule, "聘请法律顾问，法律顾问审查合同。").is_empty());
    }

    #[test]
    fn section_scope_only_counts_text_in_that_section_and_points_at_its_heading() {
        let rule = r#"rule r { message "不足部分未写原因" require "原因" in section /不足/ }"#;
        let text = "一、主要举措和成效\n分析了原因。\n二、存在的不足\n执法力量薄弱。\n";
        assert_eq!(flagged(rule, text), ["二、存在的不足"]);
        let ok = "一、主要举措和成效\n开展工作。\n二、存在的不足和原因\n执法力量薄弱。\n";
        assert!(messages(rule, ok).is_empty());
    }

    #[test]
    fn sentence_scope_needs_every_part_in_one_sentence() {
        let rule = r#"rule r { message "m" require all("规范性文件", "备案") in sentence }"#;
        assert!(messages(rule, "规范性文件均已报送备案。").is_empty());
        assert_eq!(messages(rule, "制定规范性文件。做好备案工作。").len(), 1);
    }

    #[test]
    fn title_scope() {
        let rule = r#"rule r { message "没有标题" require /报告|总结/ in title }"#;
        assert!(messages(rule, "某镇2024年法治政府建设年度报告\n正文。\n").is_empty());
        assert_eq!(
            messages(rule, "2024年，我镇深入推进依法行政，取得了积极成效。\n").len(),
            1
        );
    }

    const MEASURES: &str =
        r#"rule r { message "无举措" require /\p{Han}{4,}/ in body of section /举措|成效/ }"#;

    #[test]
    fn body_of_section_is_not_met_by_the_heading_alone() {
        let bare =
            "某镇2024年法治政府建设年度报告\n一、主要举措和成效\n二、存在的不足\n执法力量薄弱。\n";
        assert_eq!(flagged(MEASURES, bare), ["一、主要举措和成效"]);
        let full = "某镇2024年法治政府建设年度报告\n一、主要举措和成效\n全年开展普法活动12场。\n二、存在的不足\n";
        assert!(messages(MEASURES, full).is_empty());
        // An inline heading: the rest of its paragraph is its body.
        let inline = "某镇报告\n一、主要举措和成效。全年开展普法活动12场。\n";
        assert!(messages(MEASURES, inline).is_empty());
    }

    #[test]
    fn body_of_section_counts_a_paragraph_that_opens_with_the_words_not_one_that_ends_with_them() {
        let rule = r#"rule r { message "无安排" require /\p{Han}{4,}/ in body of section /下一步|工作打算/ }"#;
        let opening = "某局报告\n今年开展培训3次。\n下一步，我局将继续加强执法队伍建设。\n";
        assert!(messages(rule, opening).is_empty());
        let label = "某局报告\n今年开展培训3次。\n下一步工作打算：\n一是加强执法队伍建设。\n";
        assert!(messages(rule, label).is_empty());
        let middle = "某局报告\n今年开展培训3次，下一步将继续加强执法队伍建设。\n";
        assert_eq!(messages(rule, middle), ["无安排"]);
        let heading_only = "某局报告\n一、主要举措\n开展培训3次。\n二、下一步工作打算\n";
        assert_eq!(flagged(rule, heading_only), ["二、下一步工作打算"]);
    }

    #[test]
    fn body_leaves_out_the_title_and_every_heading() {
        let rule = r#"rule r { message "无第一责任人" require "第一责任人" in body }"#;
        let heading_only =
            "某镇2024年第一责任人履职报告\n一、主要负责人履行第一责任人职责情况\n二、存在的不足\n人员偏少。\n";
        assert_eq!(messages(rule, heading_only), ["无第一责任人"]);
        let inline = "某镇报告\n（一）压实责任。镇长切实履行第一责任人职责。\n";
        assert!(messages(rule, inline).is_empty());
        let inline_heading_only = "某镇报告\n（一）履行第一责任人职责。镇长主持会议2次。\n";
        assert_eq!(messages(rule, inline_heading_only), ["无第一责任人"]);
    }

    const PLAN_YEAR: &str = r#"rule r {
      message "工作打算未写明{report.year}年的下一年"
      require year(report.year + 1) in body of section /下一年度|下一步|工作打算/
    }"#;

    #[test]
    fn a_computed_year_is_found_however_the_report_writes_it() {
        let plan = |year: &str| {
            format!("某镇2024年法治政府建设年度报告\n一、主要举措\n开展培训3次。\n二、下一步工作打算\n{year}，我镇将继续推进依法行政。\n")
        };
        for written in ["2025年", "2025年度", "二〇二五年", "二零二五年", "２０２５年"] {
            assert!(messages(PLAN_YEAR, &plan(written)).is_empty(), "{written}");
        }
        // The report's own year, a later one, or the year only in another section: flagged.
        for written in ["2024年", "2026年", "12025年"] {
            assert_eq!(flagged(PLAN_YEAR, &plan(written)), ["二、下一步工作打算"], "{written}");
        }
        let elsewhere = "某镇2024年法治政府建设年度报告\n一、主要举措\n2025年将开展培训。\n二、下一步工作打算\n继续推进依法行政。\n";
        assert_eq!(messages(PLAN_YEAR, elsewhere).len(), 1);
        // A report that states no year: nothing to compute, so the requirement is not met.
        assert_eq!(
            messages(PLAN_YEAR, elsewhere),
            ["工作打算未写明2024年的下一年"]
        );
        let no_year = "某镇法治政府建设情况报告\n一、下一步工作打算\n2025年继续推进依法行政。\n";
        // The year the message names is not stated either: `…`, not the braces.
        assert_eq!(messages(PLAN_YEAR, no_year), ["工作打算未写明…年的下一年"]);
    }

    #[test]
    fn year_reads_document_facts_only() {
        let src = "pack \"t\"\nrule r { message \"m\" require year(rate + 1) }\n";
        let errors = crate::eval::load::parse("t.rules", src, crate::eval::load::Form::Dsl)
            .expect_err("refused")
            .errors;
        assert!(
            errors.iter().any(|e| e.message.contains("can only read document facts")),
            "{errors:?}"
        );
        let src = "pack \"t\"\nrule r { message \"m\" require year(report.yaer) }\n";
        assert!(crate::eval::load::parse("t.rules", src, crate::eval::load::Form::Dsl).is_err());
    }

    const ITEMS: &str = r#"/[一二三四五六七八九十]是|（[一二三四五六七八九十]+）|(?m:^\d+[.．])/"#;

    fn items_rule(scope: &str) -> String {
        format!(r#"rule r {{ message "只列了{{found}}项" require {ITEMS} at least 3 in {scope} /主要举措/ }}"#)
    }

    #[test]
    fn at_least_counts_items_in_every_matching_section() {
        let text = "某镇2024年法治政府建设年度报告\n一、2024年主要举措\n一是加强学习。二是完善制度。三是规范执法。\n二、2025年主要举措\n一是加强学习。\n";
        for scope in ["section", "body of section"] {
            let rule = items_rule(scope);
            assert_eq!(flagged(&rule, text), ["二、2025年主要举措"], "{scope}");
            assert_eq!(messages(&rule, text), ["只列了1项"], "{scope}");
        }
        let both_short = "某镇报告\n一、2024年主要举措\n一是加强学习。\n二、2025年主要举措\n一是加强学习。二是完善制度。\n";
        assert_eq!(
            flagged(&items_rule("section"), both_short),
            ["一、2024年主要举措", "二、2025年主要举措"]
        );
    }

    #[test]
    fn at_least_does_not_count_the_sections_own_heading_number() {
        let text = "某镇2024年法治政府建设年度报告\n（一）主要举措\n一是加强学习。二是完善制度。\n（二）存在问题\n一是人员不足。\n";
        for scope in ["section", "body of section"] {
            assert_eq!(messages(&items_rule(scope), text), ["只列了2项"], "{scope}");
        }
        // Items written as numbered lines or sub-headings count.
        let numbered = "某镇报告\n一、主要举措\n1.加强学习。\n2.完善制度。\n3.规范执法。\n二、存在问题\n人员不足。\n";
        let sub = "某镇报告\n一、主要举措\n（一）加强学习\n开展学习。\n（二）完善制度\n制定制度。\n（三）规范执法\n开展评查。\n二、存在问题\n";
        for scope in ["section", "body of section"] {
            assert!(messages(&items_rule(scope), numbered).is_empty(), "{scope}");
            assert!(messages(&items_rule(scope), sub).is_empty(), "{scope}");
        }
    }
}
