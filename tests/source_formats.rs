//! Every input format gives the rules the same report: a Word document, GB 18030 and UTF-16
//! text, Markdown and a saved web page of one report are checked like its UTF-8 text, and
//! findings say where they are in the original (the `.docx` paragraph, the Markdown line).
//!
//! The binary fixtures under `tests/fixtures/inputs` are made from `report.txt` by
//! `make_docx.py` (python-docx); the `.docx` has headings numbered by Word's automatic list
//! numbering (one level through a paragraph style), a table, a bookmark and a DATE field.

use reportlint::cli::inspect::{render_source, render_text};
use reportlint::eval::Engine;
use reportlint::model::Document;
use reportlint::output::FileReport;
use reportlint::run::inputs::Input;
use reportlint::run::packs::load_packs;
use reportlint::run::pipeline::check_one;
use reportlint::source::{self, Encoding, Format};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/inputs")
        .join(name)
}

fn check(path: &Path) -> FileReport {
    let (set, failed) = load_packs(&[], true);
    assert!(failed.is_empty(), "the built-in pack must load");
    let engine = Engine::new(&set);
    let report = check_one(&engine, &Input::File(path.to_path_buf()), false);
    assert_eq!(report.error, None, "{} must be readable", path.display());
    report
}

/// Rule, message and line:column span of each finding.
fn findings(report: &FileReport) -> Vec<(String, String, usize, usize, usize, usize)> {
    report
        .findings
        .iter()
        .map(|f| {
            let (start, end) = f
                .primary()
                .map(|l| ((l.start.line, l.start.column), (l.end.line, l.end.column)))
                .unwrap_or(((0, 0), (0, 0)));
            (
                f.finding.rule.clone(),
                f.finding.message.clone(),
                start.0,
                start.1,
                end.0,
                end.1,
            )
        })
        .collect()
}

fn read(name: &str) -> source::SourceFile {
    let file = source::read(&fixture(name));
    assert!(file.is_ok(), "cannot read {name}: {file:?}");
    let Ok(file) = file else { unreachable!() };
    file
}

fn snapshot(name: &str, fixture_name: &str) {
    let file = read(fixture_name);
    let doc = Document::parse(file.text.clone());
    let rendered = render_source(&file, true) + &render_text(&doc, false);
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(name, rendered);
    });
}

#[test]
fn the_docx_text_is_its_paragraphs_with_word_numbering_resolved() {
    let docx = read("report.docx");
    let txt = read("report.txt");
    assert_eq!(docx.format, Format::Docx);
    assert_eq!(docx.text, txt.text);
    let parts: Vec<(&str, String)> = docx
        .furniture
        .iter()
        .map(|f| (f.part.as_str(), f.paragraphs.join("/")))
        .collect();
    assert_eq!(
        parts,
        [
            ("footer1", "第 1 页".to_string()),
            ("header1", "青石镇人民政府文件".to_string())
        ]
    );
}

#[test]
fn findings_on_the_docx_equal_findings_on_its_text_twin() {
    let docx = check(&fixture("report.docx"));
    let txt = check(&fixture("report.txt"));
    assert!(
        findings(&txt).len() >= 4,
        "the fixture must give findings to compare"
    );
    assert_eq!(findings(&docx), findings(&txt));
}

#[test]
fn docx_findings_name_the_paragraph_they_are_in() {
    let docx = check(&fixture("report.docx"));
    for f in &docx.findings {
        let line = f.primary().map_or(0, |l| l.start.line);
        let note = f.finding.note.as_deref().unwrap_or("");
        assert!(
            note.contains(&format!("Word 正文第 {line} 段")),
            "{}: note {note:?} must name paragraph {line}",
            f.finding.rule
        );
    }
    let term = docx
        .findings
        .iter()
        .find(|f| f.finding.rule == "fazhi/term-fazhi");
    assert_eq!(
        term.and_then(|f| f.finding.note.as_deref()),
        Some("原文位置：Word 正文第 5 段")
    );
}

#[test]
fn gbk_and_utf16_files_give_the_findings_of_their_utf8_twin() {
    let utf8 = findings(&check(&fixture("report.txt")));
    let gbk = read("report_gbk.txt");
    assert_eq!(gbk.encoding, Encoding::Gb18030);
    assert_eq!(findings(&check(&fixture("report_gbk.txt"))), utf8);

    // The UTF-16 files carry a byte-order mark, kept in the text like a UTF-8 BOM is, so
    // their twin is the UTF-8 text with a BOM.
    let dir = scratch("utf8-bom-twin");
    let twin = dir.join("report_bom.txt");
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(std::fs::read(fixture("report.txt")).unwrap_or_default());
    assert!(std::fs::write(&twin, bytes).is_ok());
    let utf8_bom = findings(&check(&twin));
    for name in ["report_utf16le.txt", "report_utf16be.txt"] {
        assert_eq!(findings(&check(&fixture(name))), utf8_bom, "{name}");
    }
    assert_eq!(read("report_utf16be.txt").encoding, Encoding::Utf16Be);
}

#[test]
fn offsets_in_gbk_text_map_back_to_file_bytes() {
    let gbk = read("report_gbk.txt");
    let bytes = std::fs::read(fixture("report_gbk.txt")).unwrap_or_default();
    let at = gbk.text.find("法制政府").unwrap_or(0);
    let in_file = gbk.file_offset(at).unwrap_or(0);
    // 法制政府 in GB 18030: B7A8 D6C6 D5FE B8AE.
    let expected = [0xB7, 0xA8, 0xD6, 0xC6, 0xD5, 0xFE, 0xB8, 0xAE];
    assert_eq!(bytes.get(in_file..in_file + 8), Some(&expected[..]));
}

#[test]
fn markdown_and_html_give_the_same_messages_as_the_text() {
    let messages = |r: &FileReport| {
        let mut m: Vec<(String, String)> = r
            .findings
            .iter()
            .map(|f| (f.finding.rule.clone(), f.finding.message.clone()))
            .collect();
        m.sort();
        m
    };
    let txt = messages(&check(&fixture("report.txt")));
    assert_eq!(messages(&check(&fixture("report.md"))), txt);
    assert_eq!(messages(&check(&fixture("report.html"))), txt);
}

#[test]
fn markdown_findings_name_the_markdown_line() {
    let md = check(&fixture("report.md"));
    let source = std::fs::read_to_string(fixture("report.md")).unwrap_or_default();
    let term = md
        .findings
        .iter()
        .find(|f| f.finding.rule == "fazhi/term-fazhi");
    let note = term
        .and_then(|f| f.finding.note.clone())
        .unwrap_or_default();
    let line = note
        .rsplit("原文第 ")
        .next()
        .and_then(|n| n.trim_end_matches(" 行").parse::<usize>().ok())
        .unwrap_or(0);
    assert!(note.contains("Markdown 原文第"), "{note}");
    assert!(
        source
            .lines()
            .nth(line.saturating_sub(1))
            .is_some_and(|l| l.contains("法制政府建设")),
        "Markdown line {line} must hold the finding"
    );
}

#[test]
fn inspect_shows_what_was_extracted_from_a_docx() {
    snapshot("source_inspect_docx", "report.docx");
}

#[test]
fn inspect_shows_what_was_extracted_from_a_web_page() {
    snapshot("source_inspect_html", "report.html");
}

#[test]
fn inspect_shows_what_was_extracted_from_markdown() {
    snapshot("source_inspect_markdown", "report.md");
}

#[test]
fn inspect_shows_the_detected_encoding() {
    let rendered = render_source(&read("report_gbk.txt"), false)
        + &render_source(&read("report_utf16le.txt"), false);
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("source_inspect_encodings", rendered);
    });
}

/// A fresh empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "reportlint-source-formats-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    assert!(std::fs::create_dir_all(&dir).is_ok());
    dir
}
