//! The document model of report fixtures written in the style of real reports: the section
//! tree, sentences and quantities as `reportlint inspect --sentences` prints them, plus the
//! invariants every model keeps.

use proptest::prelude::*;
use reportlint::cli::inspect::render_text;
use reportlint::model::{Document, HeadingStyle, ParagraphRole};
use std::path::Path;

fn fixture(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reports")
        .join(name);
    let source = reportlint::source::read(&path);
    assert!(source.is_ok(), "cannot read {name}: {source:?}");
    Document::parse(source.map(|s| s.text).unwrap_or_default())
}

fn snapshot(name: &str, fixture_file: &str) {
    let doc = fixture(fixture_file);
    let rendered = render_text(&doc, true);
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(name, rendered);
    });
}

#[test]
fn metadata_table_with_a_duplicated_block_and_no_title() {
    snapshot("model_metadata_table", "metadata_table.txt");
}

#[test]
fn arabic_top_level_over_paren_chinese_with_a_two_line_title() {
    snapshot("model_arabic_top_level", "arabic_top_level.txt");
}

#[test]
fn inline_headings_run_to_the_first_full_stop() {
    snapshot("model_inline_headings", "inline_headings.txt");
}

#[test]
fn half_width_punctuation_and_a_long_single_line_paragraph() {
    snapshot(
        "model_half_width_long_paragraph",
        "half_width_long_paragraph.txt",
    );
}

#[test]
fn crlf_and_bom_file() {
    snapshot("model_crlf_bom", "crlf_bom.txt");
}

#[test]
fn crlf_and_bom_stay_in_the_text_but_out_of_every_unit() {
    let doc = fixture("crlf_bom.txt");
    assert!(doc.text.starts_with('\u{feff}'));
    assert!(doc.text.contains("\r\n"));
    for p in &doc.paragraphs {
        let text = doc.slice(&p.span);
        assert!(!text.contains(['\r', '\n', '\u{feff}']), "{text:?}");
    }
    let title = doc.title.as_ref().map(|t| doc.slice(&t.span));
    assert_eq!(title, Some("南岭乡2024年法治政府建设年度报告"));
    let first_heading = doc.headings.first().map(|h| doc.position(h.span.start));
    assert_eq!(first_heading.map(|p| (p.line, p.column)), Some((3, 1)));
}

#[test]
fn headings_keep_their_numbering_and_marker() {
    let doc = fixture("arabic_top_level.txt");
    let summary: Vec<(HeadingStyle, u32, usize, &str)> = doc
        .headings
        .iter()
        .map(|h| (h.style, h.number, h.level, doc.slice(&h.marker_span)))
        .collect();
    assert_eq!(
        summary,
        vec![
            (HeadingStyle::Arabic, 1, 1, "1、"),
            (HeadingStyle::ParenChinese, 1, 2, "（一）"),
            (HeadingStyle::ParenChinese, 2, 2, "（二）"),
            (HeadingStyle::Arabic, 1, 3, "1."),
            (HeadingStyle::Arabic, 2, 3, "2."),
            (HeadingStyle::Arabic, 2, 1, "2、"),
            (HeadingStyle::ParenArabic, 1, 2, "（1）"),
            (HeadingStyle::ParenArabic, 2, 2, "（2）"),
            (HeadingStyle::Arabic, 3, 1, "3、"),
            (HeadingStyle::ParenArabic, 1, 2, "（1）"),
        ]
    );
}

#[test]
fn an_inline_heading_spans_its_first_sentence() {
    let doc = fixture("inline_headings.txt");
    let first_inline = doc.headings.iter().find(|h| h.inline);
    assert_eq!(
        first_inline.map(|h| (doc.slice(&h.span), doc.slice(&h.text_span))),
        Some((
            "（一）强化组织保障，落实第一责任人职责。",
            "强化组织保障，落实第一责任人职责"
        ))
    );
}

#[test]
fn sections_nest_and_every_offset_has_an_innermost_section() {
    let doc = fixture("arabic_top_level.txt");
    for (i, section) in doc.sections.iter().enumerate().skip(1) {
        let parent = section.parent.and_then(|p| doc.sections.get(p));
        assert!(parent
            .is_some_and(|p| p.span.start <= section.span.start && section.span.end <= p.span.end));
        assert!(parent.is_some_and(|p| p.children.contains(&i)));
    }
    let offset = doc.text.find("调解成功305件").unwrap_or(0);
    let section = doc.section_of(offset);
    let heading = doc
        .section_heading(section)
        .map(|h| doc.slice(&h.text_span));
    assert_eq!(heading, Some("化解矛盾纠纷"));
    assert_eq!(doc.section_of(0), 0);
}

#[test]
fn title_and_heading_lines_have_their_roles() {
    let doc = fixture("arabic_top_level.txt");
    let roles: Vec<ParagraphRole> = doc.paragraphs.iter().take(6).map(|p| p.role).collect();
    assert_eq!(
        roles,
        vec![
            ParagraphRole::Title,
            ParagraphRole::Title,
            ParagraphRole::Body,
            ParagraphRole::Body,
            ParagraphRole::Heading,
            ParagraphRole::Heading,
        ]
    );
}

#[test]
fn clauses_split_a_sentence_on_commas_and_enumeration_marks() {
    let doc = fixture("inline_headings.txt");
    let sentence = doc
        .sentences
        .iter()
        .position(|s| doc.slice(&s.span).starts_with("通过门户网站"));
    let clauses: Vec<&str> = sentence
        .map(|i| doc.clauses(i))
        .unwrap_or_default()
        .iter()
        .map(|c| doc.slice(c))
        .collect();
    assert_eq!(
        clauses,
        vec![
            "通过门户网站公开信息350余条",
            "办理12345热线工单1,208件",
            "按时办结率98.5%。"
        ]
    );
}

#[test]
fn facts_come_from_metadata_title_or_signature() {
    let with_metadata = fixture("metadata_table.txt");
    assert_eq!(
        with_metadata.facts.report_year.as_ref().map(|y| y.0),
        Some(2024)
    );
    assert_eq!(
        with_metadata
            .facts
            .document_date
            .map(|(d, _)| d.to_string()),
        Some("2025-03-06".to_string())
    );
    let signed = fixture("arabic_top_level.txt");
    assert_eq!(
        signed.facts.document_date.map(|(d, _)| d.to_string()),
        Some("2025-01-20".to_string())
    );
}

#[test]
fn json_view_has_positions() {
    let doc = fixture("crlf_bom.txt");
    let json = serde_json::to_value(reportlint::cli::inspect::view(&doc));
    let json = json.unwrap_or_default();
    assert_eq!(json["report_year"], 2024);
    assert_eq!(
        json["sections"][0]["children"][1]["heading"]["text"],
        "化解矛盾纠纷"
    );
    assert_eq!(json["quantities"][2]["line"], 5);
    assert_eq!(json["quantities"][2]["unit"], "件");
}

proptest! {
    #[test]
    fn any_text_models_without_panicking(text in "(\\PC|\r\n|\n|[一二三（）()、。.1-9%年])*") {
        let doc = Document::parse(text);
        for q in &doc.quantities {
            prop_assert!(doc.text.get(q.span.clone()).is_some());
        }
        for s in &doc.sentences {
            prop_assert!(doc.text.get(s.span.clone()).is_some());
            let _ = doc.position(s.span.end);
        }
        for i in 0..doc.sentences.len() {
            let _ = doc.clauses(i);
        }
    }
}
