//! Files for a reviewing office: `check --annotate OUTDIR` (each report as a Word copy with
//! every finding as a comment on the text it flags) and `--format xlsx`.
//!
//! The Word fixture is made here, at test time, in the shapes real reports come in: a
//! title whose runs split a word, automatic list numbering, a comment already there, a
//! run holding text, a tab and more text, a hyperlink whose text spans two runs, fields,
//! a table, and an entity. Its annotated copy is parsed back with roxmltree: one comment per
//! occurrence of each finding, each anchored on exactly the flagged text (numbering Word
//! draws is not text, so a comment on it starts after it and says so), the old comment
//! kept, and the original file unchanged.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::check_support::{crate_root, run_in, scratch_dir};
use reportlint::eval::Engine;
use reportlint::output::annotate::occurrences;
use reportlint::output::FileReport;
use reportlint::run::inputs::Input;
use reportlint::run::packs::load_packs;
use reportlint::run::pipeline::check_one;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn pack() -> PathBuf {
    crate_root().join("tests/fixtures/review/review.rules")
}

const DOCUMENT: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>
<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="36"/></w:rPr><w:t>某镇20</w:t></w:r><w:r><w:rPr><w:b/><w:sz w:val="36"/></w:rPr><w:t>24年法治政</w:t></w:r><w:r><w:rPr><w:sz w:val="36"/></w:rPr><w:t>府建设年度报告</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>主要做法</w:t></w:r></w:p>
<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>镇党委书记</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:t xml:space="preserve">认真履行第一职</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>责人职责，</w:t></w:r><w:r><w:rPr><w:color w:val="C00000"/></w:rPr><w:t>甲,乙,丙</w:t><w:tab/><w:t>丁,戊,己,庚,辛。</w:t></w:r></w:p>
<w:p><w:r><w:t>全面推进</w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>政务公</w:t></w:r><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>示</w:t></w:r></w:hyperlink><w:r><w:t>工作，见</w:t></w:r><w:fldSimple w:instr=" DATE "><w:r><w:t>2025年1月10日</w:t></w:r></w:fldSimple><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>。</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>落实执法证</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>件管理</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t>A&amp;B 两类事项全部办结。</w:t></w:r></w:p>
<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#;

const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;

const COMMENTS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="起草人" w:initials="起"><w:p><w:r><w:t>已与书记核实。</w:t></w:r></w:p></w:comment></w:comments>"#;

/// The fixture `.docx`: Word's parts, written here.
fn fixture_docx() -> Vec<u8> {
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
        ),
        (
            "word/_rels/document.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.invalid/gk" TargetMode="External"/></Relationships>"#,
        ),
        ("word/document.xml", DOCUMENT),
        ("word/numbering.xml", NUMBERING),
        ("word/comments.xml", COMMENTS),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, xml) in parts {
        zip.start_file(name, options).expect("zip entry");
        zip.write_all(xml.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip finish").into_inner()
}

fn part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip archive");
    let mut text = String::new();
    archive
        .by_name(name)
        .expect("the part is there")
        .read_to_string(&mut text)
        .expect("the part is UTF-8");
    text
}

/// The text each comment is anchored on (between its range start and end), by id.
fn anchored(document: &str) -> BTreeMap<u64, String> {
    let doc = roxmltree::Document::parse(document).expect("the annotated document.xml parses");
    let id = |n: roxmltree::Node| {
        n.attribute((W, "id"))
            .and_then(|v| v.parse::<u64>().ok())
            .expect("a comment mark has a numeric id")
    };
    let mut open: Vec<u64> = Vec::new();
    let mut texts: BTreeMap<u64, String> = BTreeMap::new();
    for n in doc.descendants() {
        if n.tag_name().namespace() != Some(W) {
            continue;
        }
        let shown = match n.tag_name().name() {
            "commentRangeStart" => {
                open.push(id(n));
                texts.entry(id(n)).or_default();
                None
            }
            "commentRangeEnd" => {
                let end = id(n);
                open.retain(|&i| i != end);
                None
            }
            "t" => Some(n.text().unwrap_or("").to_string()),
            "tab" if n.parent().is_some_and(|p| p.has_tag_name((W, "r"))) => Some("\t".into()),
            _ => None,
        };
        if let Some(shown) = shown {
            for i in &open {
                texts.entry(*i).or_default().push_str(&shown);
            }
        }
    }
    assert!(open.is_empty(), "every comment range ends: {open:?} do not");
    texts
}

fn comment_ids_and_authors(comments: &str) -> Vec<(u64, String, String)> {
    let doc = roxmltree::Document::parse(comments).expect("comments.xml parses");
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "comment")))
        .map(|n| {
            let text: String = n
                .descendants()
                .filter(|t| t.has_tag_name((W, "t")))
                .map(|t| t.text().unwrap_or(""))
                .collect::<Vec<_>>()
                .join("\n");
            (
                n.attribute((W, "id"))
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(u64::MAX),
                n.attribute((W, "author")).unwrap_or("").to_string(),
                text,
            )
        })
        .collect()
}

fn check_with_pack(path: &Path) -> FileReport {
    let (set, failed) = load_packs(&[pack()], false);
    assert!(failed.is_empty(), "the review test pack loads: {failed:?}");
    let engine = Engine::new(&set);
    let report = check_one(&engine, &Input::File(path.to_path_buf()), true);
    assert_eq!(report.error, None);
    report
}

/// What each comment must be anchored on, in comment order: the flagged text of every
/// occurrence (numbering Word draws left out).
fn expected_anchors(report: &FileReport) -> Vec<String> {
    let text = &report
        .source
        .as_ref()
        .expect("the report keeps its text")
        .text;
    report
        .findings
        .iter()
        .flat_map(occurrences)
        .map(|l| text[l.span.clone()].trim_start_matches("一、").to_string())
        .collect()
}

#[test]
fn a_word_report_gets_a_comment_on_exactly_each_flagged_text_and_stays_unchanged() {
    let dir = scratch_dir("review-docx");
    std::fs::create_dir_all(dir.join("乡镇")).expect("folder");
    let report = dir.join("乡镇/某镇.docx");
    let original = fixture_docx();
    std::fs::write(&report, &original).expect("fixture written");
    std::fs::write(dir.join(".reportlint.yaml"), "annotate_author: 县司法局\n").expect("config");
    let pack = pack();
    let run = run_in(
        &dir,
        &[
            "check",
            "--no-builtin",
            "--pack",
            pack.to_str().expect("UTF-8 path"),
            "--format",
            "json",
            "--annotate",
            "批注",
            "乡镇/某镇.docx",
        ],
        None,
    );
    assert_eq!(run.code, 1, "findings at error level: {}", run.stderr);
    assert!(
        run.stderr.contains("wrote 1 annotated copy"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read(&report).ok(),
        Some(original),
        "the report is never modified"
    );

    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON output");
    let diagnostics = json["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .clone();
    let places: u64 = diagnostics
        .iter()
        .map(|d| {
            d["labels"].as_array().map_or(0, |l| l.len() as u64) + d["more"].as_u64().unwrap_or(0)
        })
        .sum();
    let checked = check_with_pack(&report);
    let expected = expected_anchors(&checked);
    assert_eq!(
        expected.len() as u64,
        places,
        "one comment per occurrence in the JSON"
    );
    assert!(
        diagnostics.iter().any(|d| d["more"].as_u64() > Some(0)),
        "the fixture folds occurrences"
    );

    let copy = std::fs::read(dir.join("批注/某镇.docx")).expect("the annotated copy is written");
    let document = part(&copy, "word/document.xml");
    let anchors = anchored(&document);
    // The comment the document had, then ours numbered on from it.
    assert_eq!(anchors.get(&0).map(String::as_str), Some("镇党委书记"));
    let ours: Vec<String> = (1..=expected.len() as u64)
        .map(|i| {
            anchors
                .get(&i)
                .cloned()
                .unwrap_or_else(|| panic!("comment {i} is anchored"))
        })
        .collect();
    assert_eq!(ours, expected);
    assert_eq!(anchors.len(), expected.len() + 1);
    assert!(
        ours.contains(&"第一职责人".to_string()),
        "split runs: {ours:?}"
    );
    assert!(
        ours.contains(&"政务公示".to_string()),
        "hyperlink: {ours:?}"
    );
    assert!(ours.contains(&"执法证件".to_string()), "table: {ours:?}");
    assert!(
        ours.contains(&"某镇2024年法治政府建设年度报告".to_string()),
        "title: {ours:?}"
    );

    let comments = comment_ids_and_authors(&part(&copy, "word/comments.xml"));
    assert_eq!(comments.len(), expected.len() + 1);
    assert_eq!(comments[0].1, "起草人");
    assert_eq!(comments[0].2, "已与书记核实。");
    for (i, (id, author, text)) in comments.iter().enumerate().skip(1) {
        assert_eq!(*id, i as u64);
        assert_eq!(author, "县司法局");
        assert!(text.contains("规则：review/"), "{text}");
    }
    let first_duty = comments
        .iter()
        .find(|c| c.2.contains("第一职责人"))
        .expect("comment");
    assert!(
        first_duty
            .2
            .contains("说明：党政主要负责人是推进法治建设的第一责任人。"),
        "{}",
        first_duty.2
    );
    assert!(first_duty
        .2
        .contains("依据：《党政主要负责人履行推进法治建设第一责任人职责规定》"));
    let numbered = comments
        .iter()
        .find(|c| c.2.contains("主要做法"))
        .expect("comment");
    assert!(numbered.2.contains("自动生成的编号"), "{}", numbered.2);

    // Formatting kept: the split runs keep their properties, nothing else changed.
    assert!(
        document.contains("<w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">职责，</w:t>"),
        "{document}"
    );
    let stripped = strip_marks(&document);
    assert_eq!(
        stripped,
        strip_marks(DOCUMENT)
            .replace("<w:commentRangeStart w:id=\"0\"/>", "")
            .replace(
                "<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r>",
                ""
            )
    );
    assert!(part(&copy, "word/numbering.xml") == NUMBERING);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The XML without comment marks, reference runs, and the run splits marks made (a run
/// closed and opened again with the same properties), and with `xml:space` left out: what
/// is left must be the original.
fn strip_marks(xml: &str) -> String {
    let mut out = xml.to_string();
    for id in 0..400 {
        out = out
            .replace(&format!("<w:commentRangeStart w:id=\"{id}\"/>"), "")
            .replace(&format!("<w:commentRangeEnd w:id=\"{id}\"/>"), "")
            .replace(
                &format!("<w:r><w:commentReference w:id=\"{id}\"/></w:r>"),
                "",
            );
    }
    out = out.replace(" xml:space=\"preserve\"", "");
    // Re-join runs split at a mark: `</w:t></w:r><w:r>PROPS<w:t>` and `</w:r><w:r>PROPS`.
    let props = [
        "",
        "<w:rPr><w:sz w:val=\"36\"/></w:rPr>",
        "<w:rPr><w:b/><w:sz w:val=\"36\"/></w:rPr>",
        "<w:rPr><w:i/></w:rPr>",
        "<w:rPr><w:color w:val=\"C00000\"/></w:rPr>",
        "<w:rPr><w:u w:val=\"single\"/></w:rPr>",
        "<w:rPr><w:b/></w:rPr>",
    ];
    for p in props {
        out = out.replace(&format!("</w:t></w:r><w:r>{p}<w:t>"), "");
    }
    out
}

#[test]
fn a_text_report_becomes_a_word_document_with_its_comments() {
    let dir = scratch_dir("review-txt");
    let text = "\u{feff}某镇2024年法治政府建设年度报告\r\n一、主要做法\r\n镇党委书记认真履行第一职责人职责，推进政务公示。\r\n";
    std::fs::write(dir.join("某镇.txt"), text).expect("fixture");
    std::fs::write(dir.join("某镇.docx"), fixture_docx()).expect("fixture");
    let pack = pack();
    let run = run_in(
        &dir,
        &[
            "check",
            "--no-builtin",
            "--pack",
            pack.to_str().expect("UTF-8 path"),
            "--annotate",
            "out",
            "某镇.txt",
            "某镇.docx",
        ],
        None,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    // The two reports share a name: the Word one keeps it, the text one keeps its whole name.
    let copy = std::fs::read(dir.join("out/某镇.txt.docx")).expect("the text report's copy");
    assert!(dir.join("out/某镇.docx").is_file());
    let document = part(&copy, "word/document.xml");
    let anchors = anchored(&document);
    let report = check_with_pack(&dir.join("某镇.txt"));
    let expected: Vec<String> = {
        let t = &report.source.as_ref().expect("text").text;
        report
            .findings
            .iter()
            .flat_map(occurrences)
            .map(|l| t[l.span.clone()].to_string())
            .collect()
    };
    assert_eq!(anchors.values().cloned().collect::<Vec<_>>(), expected);
    assert!(expected.contains(&"第一职责人".to_string()));
    // A valid package: content types, relationships and comments parse and agree.
    let types = part(&copy, "[Content_Types].xml");
    assert!(types.contains("/word/comments.xml"), "{types}");
    assert!(part(&copy, "word/_rels/document.xml.rels").contains("comments.xml"));
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/_rels/document.xml.rels",
        "word/comments.xml",
        "word/document.xml",
    ] {
        assert!(
            roxmltree::Document::parse(&part(&copy, name)).is_ok(),
            "{name} parses"
        );
    }
    assert_eq!(
        comment_ids_and_authors(&part(&copy, "word/comments.xml")).len(),
        expected.len()
    );
    // The copy reads back as the report's text.
    let reread = reportlint::source::decode(Path::new("copy.docx"), copy).expect("the copy reads");
    assert_eq!(reread.text, "某镇2024年法治政府建设年度报告\n一、主要做法\n镇党委书记认真履行第一职责人职责，推进政务公示。\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_annotated_copy_is_never_written_over_a_report() {
    let dir = scratch_dir("review-refuse");
    std::fs::write(dir.join("某镇.docx"), fixture_docx()).expect("fixture");
    let run = run_in(&dir, &["check", "--annotate", ".", "某镇.docx"], None);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("--annotate") && run.stderr.contains("would be overwritten"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read(dir.join("某镇.docx")).ok(),
        Some(fixture_docx())
    );
    // The folder of the reports is fine when nothing would be overwritten.
    std::fs::write(dir.join("甲镇.txt"), "甲镇2024年法治政府建设年度报告\n").expect("fixture");
    let run = run_in(&dir, &["check", "--annotate", ".", "甲镇.txt"], None);
    assert_ne!(run.code, 2, "{}", run.stderr);
    assert!(dir.join("甲镇.docx").is_file());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Cells of one sheet of an xlsx, by row, from its shared strings and inline numbers.
fn sheet_rows(xlsx: &[u8], sheet: usize) -> Vec<Vec<String>> {
    let strings_xml = part(xlsx, "xl/sharedStrings.xml");
    let strings_doc = roxmltree::Document::parse(&strings_xml).expect("shared strings parse");
    let strings: Vec<String> = strings_doc
        .root_element()
        .children()
        .filter(|n| n.has_tag_name("si"))
        .map(|si| {
            si.descendants()
                .filter(|t| t.has_tag_name("t"))
                .filter_map(|t| t.text())
                .collect()
        })
        .collect();
    let xml = part(xlsx, &format!("xl/worksheets/sheet{sheet}.xml"));
    let doc = roxmltree::Document::parse(&xml).expect("sheet parses");
    doc.descendants()
        .filter(|n| n.has_tag_name("row"))
        .map(|row| {
            row.children()
                .filter(|c| c.has_tag_name("c"))
                .map(|c| {
                    let v = c
                        .children()
                        .find(|v| v.has_tag_name("v"))
                        .and_then(|v| v.text())
                        .unwrap_or("");
                    if c.attribute("t") == Some("s") {
                        strings[v.parse::<usize>().expect("string index")].clone()
                    } else {
                        v.to_string()
                    }
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_workbook_lists_every_occurrence_and_a_matrix_of_the_tagged_rules() {
    let dir = scratch_dir("review-xlsx");
    std::fs::write(dir.join("某镇.docx"), fixture_docx()).expect("fixture");
    std::fs::write(
        dir.join("甲镇.txt"),
        "甲镇2024年法治政府建设年度报告\n谁执法谁普法责任制落实到位。\n",
    )
    .expect("fixture");
    let pack = pack();
    let pack = pack.to_str().expect("UTF-8 path");
    let refused = run_in(
        &dir,
        &[
            "check",
            "--no-builtin",
            "--pack",
            pack,
            "--format",
            "xlsx",
            ".",
        ],
        None,
    );
    assert_eq!(refused.code, 2);
    assert!(refused.stderr.contains("--output"), "{}", refused.stderr);
    assert!(refused.stdout.is_empty());
    let run = run_in(
        &dir,
        &[
            "check",
            "--no-builtin",
            "--pack",
            pack,
            "--format",
            "xlsx",
            "-o",
            "review.xlsx",
            ".",
        ],
        None,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let xlsx = std::fs::read(dir.join("review.xlsx")).expect("workbook written");
    let workbook = part(&xlsx, "xl/workbook.xml");
    assert!(
        workbook.contains("name=\"问题清单\"") && workbook.contains("name=\"汇总\""),
        "{workbook}"
    );
    let findings = sheet_rows(&xlsx, 1);
    assert_eq!(
        findings[0],
        [
            "文件", "行", "列", "规则", "级别", "问题", "说明", "依据", "原文", "备注"
        ]
    );
    let docx = check_with_pack(&dir.join("某镇.docx"));
    let places = docx.findings.iter().flat_map(occurrences).count();
    let rows: Vec<&Vec<String>> = findings
        .iter()
        .skip(1)
        .filter(|r| r[0] == "某镇.docx")
        .collect();
    assert_eq!(
        rows.len(),
        places,
        "one row per occurrence, folded ones too"
    );
    let quotes: Vec<String> = rows.iter().map(|r| r[8].clone()).collect();
    assert_eq!(quotes.iter().filter(|q| *q == ",").count(), 6, "{quotes:?}");
    assert!(quotes.contains(&"第一职责人".to_string()));
    let sheet = part(&xlsx, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains("<pane ") && sheet.contains("state=\"frozen\""),
        "frozen header"
    );
    assert!(sheet.contains("<autoFilter ref=\"A1:J"), "autofilter");
    let overview = sheet_rows(&xlsx, 2);
    assert_eq!(overview[0][6], "必备内容");
    assert_eq!(&overview[1][7..], ["政务公开", "普法"]);
    let docx_row = overview
        .iter()
        .find(|r| r[0] == "某镇.docx")
        .expect("a row per report");
    let txt_row = overview
        .iter()
        .find(|r| r[0] == "甲镇.txt")
        .expect("a row per report");
    assert_eq!(&docx_row[6..], ["✗", "✗", "✗"]);
    assert_eq!(&txt_row[6..], ["✓", "✓", "✓"]);
    assert_eq!(docx_row[1], "已检查");
    let _ = std::fs::remove_dir_all(&dir);
}
