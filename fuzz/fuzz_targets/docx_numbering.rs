//! A `.docx` whose numbering definitions and body come from the input never panics the
//! reader, and what it reads stays within the budget: numbering markers are short and the
//! text made up from a few bytes of numbering XML is charged like decompressed bytes.
//!
//! The input is split at its first NUL byte: the first part (lossy UTF-8) goes inside an
//! abstract list definition of `word/numbering.xml` (`<w:lvl>`s with `w:start`, `w:numFmt`,
//! `w:lvlText`…), the second inside `<w:body>` of `word/document.xml`, after a few
//! paragraphs numbered by that list.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reportlint::source::docx::{extract, MAX_MARKER_CHARS};
use std::io::Write;

const NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const BUDGET: u64 = 1 << 20;

fn docx(numbering: &str, body: &str) -> Option<Vec<u8>> {
    let numbering = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{NS}"><w:abstractNum w:abstractNumId="0">{numbering}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4294967295"/></w:lvlOverride></w:num></w:numbering>"#
    );
    let numbered = |num: u8, ilvl: u8| {
        format!(r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>法治</w:t></w:r></w:p>"#)
    };
    let paragraphs: String = (0..9u8)
        .flat_map(|ilvl| [numbered(1, ilvl), numbered(2, ilvl)])
        .collect();
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{NS}"><w:body>{paragraphs}{body}</w:body></w:document>"#
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, xml) in [("word/document.xml", document), ("word/numbering.xml", numbering)] {
        zip.start_file(name, stored).ok()?;
        zip.write_all(xml.as_bytes()).ok()?;
    }
    zip.finish().ok().map(|c| c.into_inner())
}

fuzz_target!(|data: &[u8]| {
    let (numbering, body) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let numbering = String::from_utf8_lossy(numbering);
    let body = String::from_utf8_lossy(body);
    let Some(bytes) = docx(&numbering, &body) else {
        return;
    };
    let Ok(text) = extract(&bytes, BUDGET) else {
        return;
    };
    let total: usize = text.body.iter().map(|p| p.text.len()).sum();
    assert!(total as u64 <= BUDGET, "{total} bytes of text from a {BUDGET}-byte budget");
    // The numbered paragraphs at the start: a marker, a space, and their text.
    for p in text.body.iter().take(18) {
        if let Some(marker) = p.text.strip_suffix("法治") {
            assert!(
                marker.chars().count() <= MAX_MARKER_CHARS + 1,
                "marker of {} characters",
                marker.chars().count()
            );
        }
    }
});
