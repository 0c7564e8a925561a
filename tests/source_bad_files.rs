//! Bad input files: each is a clear error for that file, the other files are still checked,
//! the run exits with 2 (could not do its whole job), and nothing panics.
//!
//! Every test puts one bad file beside a good report in a fresh folder and runs
//! `reportlint check --format json` on the folder.

use reportlint::eval::Engine;
use reportlint::run::inputs::{collect_inputs, Input, DEFAULT_EXTENSIONS};
use reportlint::run::packs::load_packs;
use reportlint::run::pipeline::check_one;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/inputs")
        .join(name)
}

/// A fresh folder holding a good report, `good.txt`.
fn folder_with_good_report(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "reportlint-bad-files-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    assert!(std::fs::create_dir_all(&dir).is_ok());
    assert!(std::fs::copy(fixture("report.txt"), dir.join("good.txt")).is_ok());
    dir
}

/// Runs `check --format json` with extra arguments; the exit code and the parsed output.
fn run_check(args: &[&str], dir: &Path) -> (Option<i32>, Value) {
    let output = Command::new(env!("CARGO_BIN_EXE_reportlint"))
        .env("REPORTLINT_LANG", "en")
        .arg("check")
        .arg("--format")
        .arg("json")
        .args(args)
        .arg(dir)
        .output();
    assert!(output.is_ok(), "cannot run reportlint: {output:?}");
    let Ok(output) = output else { unreachable!() };
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr.contains("panicked"),
        "reportlint panicked: {stderr}"
    );
    let json = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    (output.status.code(), json)
}

/// The error of the file whose path ends with `name`, and whether it was found.
fn file_error(json: &Value, name: &str) -> Option<Option<String>> {
    json["files"].as_array()?.iter().find_map(|f| {
        f["path"]
            .as_str()?
            .ends_with(name)
            .then(|| f["error"].as_str().map(str::to_string))
    })
}

/// The good report was checked (no error, findings present) despite the bad file.
fn assert_good_report_checked(json: &Value) {
    assert_eq!(
        file_error(json, "good.txt"),
        Some(None),
        "good.txt must be checked: {json}"
    );
    let findings = json["files"]
        .as_array()
        .and_then(|files| {
            files
                .iter()
                .find(|f| f["path"].as_str().is_some_and(|p| p.ends_with("good.txt")))
        })
        .and_then(|f| f["diagnostics"].as_array())
        .map_or(0, Vec::len);
    assert!(findings > 0, "good.txt must have its findings");
}

fn assert_bad_file(dir: &Path, name: &str, args: &[&str], expected: &str) {
    let (code, json) = run_check(args, dir);
    assert_eq!(code, Some(2), "exit code for a bad file: {json}");
    let error = file_error(&json, name).flatten();
    assert!(
        error.as_deref().is_some_and(|e| e.contains(expected)),
        "{name}: error {error:?} must say {expected:?}"
    );
    assert_good_report_checked(&json);
}

#[test]
fn an_empty_file_is_an_error_not_a_pass() {
    let dir = folder_with_good_report("empty");
    assert!(std::fs::write(dir.join("empty.txt"), b"").is_ok());
    assert!(std::fs::write(dir.join("blank.md"), b"\n\n   \n").is_ok());
    assert_bad_file(
        &dir,
        "empty.txt",
        &[],
        "is empty: there is nothing to check",
    );
    assert_bad_file(&dir, "blank.md", &[], "has no text to check");
}

#[test]
fn a_binary_file_is_not_read_as_text() {
    let dir = folder_with_good_report("binary");
    assert!(std::fs::write(dir.join("image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").is_ok());
    assert_bad_file(
        &dir,
        "image.txt",
        &[],
        "not a text file (NUL byte at byte offset 8)",
    );
}

#[test]
fn undecodable_text_names_the_byte_offset() {
    let dir = folder_with_good_report("undecodable");
    assert!(std::fs::write(dir.join("latin1.txt"), b"line one\nCaf\xe9 cr\xe8me").is_ok());
    assert_bad_file(
        &dir,
        "latin1.txt",
        &[],
        "invalid byte sequence at byte offset 12, line 2",
    );
}

#[test]
fn forcing_the_wrong_encoding_is_refused_not_mojibake() {
    let dir = folder_with_good_report("forced");
    assert!(std::fs::copy(fixture("report_gbk.txt"), dir.join("gbk.txt")).is_ok());
    assert_bad_file(
        &dir,
        "gbk.txt",
        &["--encoding", "utf-8"],
        "is not valid UTF-8",
    );
}

#[test]
fn a_truncated_docx_is_a_corrupt_archive() {
    let dir = folder_with_good_report("truncated");
    let bytes = std::fs::read(fixture("report.docx")).unwrap_or_default();
    let half = bytes.get(..bytes.len() / 2).unwrap_or_default();
    assert!(std::fs::write(dir.join("cut.docx"), half).is_ok());
    assert_bad_file(&dir, "cut.docx", &[], "corrupt or truncated zip archive");
}

#[test]
fn a_password_protected_docx_says_so() {
    let dir = folder_with_good_report("protected");
    // Word saves encrypted documents as OLE compound files, whatever the extension.
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    assert!(std::fs::write(dir.join("locked.docx"), ole).is_ok());
    assert_bad_file(
        &dir,
        "locked.docx",
        &[],
        "password-protected or old .doc format",
    );
}

#[test]
fn a_zip_bomb_stops_at_the_decompression_budget() {
    let dir = folder_with_good_report("bomb");
    assert!(std::fs::copy(fixture("bomb.docx"), dir.join("bomb.docx")).is_ok());
    assert_bad_file(
        &dir,
        "bomb.docx",
        &[],
        "a zip bomb or a very large document",
    );
}

#[test]
fn a_100_mb_single_line_file_is_refused_by_the_size_limit() {
    let dir = folder_with_good_report("huge");
    let line = vec![b'a'; 1024 * 1024];
    let written = std::fs::File::create(dir.join("huge.txt")).and_then(|mut f| {
        use std::io::Write;
        (0..100).try_for_each(|_| f.write_all(&line))
    });
    assert!(written.is_ok());
    assert_bad_file(
        &dir,
        "huge.txt",
        &[],
        "larger than the limit of 20971520 bytes",
    );
    let _ = std::fs::remove_file(dir.join("huge.txt"));
}

#[test]
fn max_file_size_lowers_and_raises_the_limit() {
    let dir = folder_with_good_report("limit");
    let report = std::fs::read(fixture("report.txt")).unwrap_or_default();
    assert!(std::fs::write(dir.join("long.txt"), report.repeat(2)).is_ok());
    assert_bad_file(
        &dir,
        "long.txt",
        &["--max-file-size", "1k"],
        "larger than the limit of 1024 bytes",
    );
    let (code, json) = run_check(&["--max-file-size", "4KB"], &dir);
    assert_eq!(code, Some(1), "findings, no trouble: {json}");
    assert_eq!(file_error(&json, "long.txt"), Some(None));
}

#[cfg(unix)]
#[test]
fn a_directory_symlink_loop_is_reported_and_the_walk_goes_on() {
    let dir = folder_with_good_report("loop");
    assert!(std::fs::create_dir_all(dir.join("sub")).is_ok());
    assert!(std::os::unix::fs::symlink("..", dir.join("sub/back")).is_ok());
    let (code, json) = run_check(&[], &dir);
    assert_eq!(code, Some(2), "{json}");
    let walk_error = json["files"].as_array().and_then(|files| {
        files.iter().find_map(|f| {
            f["error"]
                .as_str()
                .filter(|e| e.contains("cannot walk directory"))
        })
    });
    assert!(
        walk_error.is_some_and(|e| e.contains("loop")),
        "the loop must be named: {json}"
    );
    assert_good_report_checked(&json);
}

#[test]
fn a_file_deleted_while_running_is_a_read_error() {
    let dir = folder_with_good_report("deleted");
    assert!(std::fs::copy(fixture("report.md"), dir.join("gone.md")).is_ok());
    let extensions: Vec<String> = DEFAULT_EXTENSIONS.iter().map(|s| s.to_string()).collect();
    let (inputs, problems) = collect_inputs(std::slice::from_ref(&dir), &extensions);
    assert!(problems.is_empty());
    assert_eq!(inputs.len(), 2);
    assert!(std::fs::remove_file(dir.join("gone.md")).is_ok());

    let (set, _) = load_packs(&[], true);
    let engine = Engine::new(&set);
    let gone = check_one(&engine, &Input::File(dir.join("gone.md")), false);
    assert!(
        gone.error
            .as_deref()
            .is_some_and(|e| e.starts_with("cannot read") && e.contains("No such file")),
        "{:?}",
        gone.error
    );
    let good = check_one(&engine, &Input::File(dir.join("good.txt")), false);
    assert_eq!(good.error, None);
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_a_permission_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder_with_good_report("permissions");
    let locked = dir.join("locked.txt");
    assert!(std::fs::copy(fixture("report.txt"), &locked).is_ok());
    assert!(std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).is_ok());
    if std::fs::read(&locked).is_ok() {
        // The superuser reads files whatever their mode, so there is no denial to observe.
        eprintln!(
            "note: skipped the permission-denied check: this user can read mode-000 files (root)"
        );
        return;
    }
    assert_bad_file(&dir, "locked.txt", &[], "Permission denied");
}

const WORD_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A `.docx` built at test time: `paragraphs` numbered paragraphs of list 1, whose only level
/// has the given start value, number format and level text.
fn numbered_docx(start: &str, format: &str, level_text: &str, paragraphs: usize) -> Vec<u8> {
    use std::io::Write;
    let numbering = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{WORD_NS}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{level_text}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    let paragraph = r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>推进法治政府建设。</w:t></w:r></w:p>"#;
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{WORD_NS}"><w:body>{}</w:body></w:document>"#,
        paragraph.repeat(paragraphs)
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, xml) in [
        ("word/document.xml", document),
        ("word/numbering.xml", numbering),
    ] {
        assert!(zip.start_file(name, options).is_ok());
        assert!(zip.write_all(xml.as_bytes()).is_ok());
    }
    zip.finish().map(|c| c.into_inner()).unwrap_or_default()
}

#[test]
fn a_docx_numbering_start_of_u32_max_gives_short_markers() {
    use reportlint::source::docx::{extract, MAX_MARKER_CHARS};
    use reportlint::source::DEFAULT_MAX_FILE_SIZE;
    // A start of 4294967295 in letters used to be 165 million A's per paragraph; a few
    // hundred such paragraphs in a 1 KB file exhausted memory and lost every file's result.
    for format in [
        "upperLetter",
        "lowerLetter",
        "upperRoman",
        "chineseCounting",
        "decimal",
    ] {
        let bytes = numbered_docx("4294967295", format, "%1.", 300);
        assert!(bytes.len() < 4096, "{} bytes", bytes.len());
        let text = extract(&bytes, DEFAULT_MAX_FILE_SIZE);
        assert!(text.is_ok(), "{format}: {text:?}");
        let Ok(text) = text else { unreachable!() };
        assert_eq!(text.body.len(), 300);
        for p in &text.body {
            let marker = p.text.trim_end_matches("推进法治政府建设。");
            assert!(
                // The marker and the space after it.
                marker.chars().count() <= MAX_MARKER_CHARS + 1,
                "{format}: marker of {} characters",
                marker.chars().count()
            );
        }
    }
    // A level text repeating its number is cut too.
    let bytes = numbered_docx("30000", "decimal", &"%1".repeat(2000), 3);
    let text = extract(&bytes, DEFAULT_MAX_FILE_SIZE).map(|t| t.body);
    assert!(
        text.as_ref().is_ok_and(|body| body
            .iter()
            .all(|p| p.text.chars().count() <= MAX_MARKER_CHARS + 1 + 9)),
        "{text:?}"
    );
}

#[test]
fn a_docx_numbering_bomb_beside_a_good_file_leaves_the_good_file_checked() {
    let dir = folder_with_good_report("numbering-bomb");
    let bytes = numbered_docx("4294967295", "upperLetter", "%1%1%1%1%1%1%1%1.", 400);
    assert!(std::fs::write(dir.join("numbering.docx"), bytes).is_ok());
    let (code, json) = run_check(&[], &dir);
    assert!(matches!(code, Some(0 | 1)), "exit code {code:?}: {json}");
    assert_eq!(file_error(&json, "numbering.docx"), Some(None), "{json}");
    assert_good_report_checked(&json);
}

#[test]
fn numbering_markers_count_against_the_decompression_budget() {
    use reportlint::source::docx::extract;
    // 64-character markers on 2 000 short paragraphs: 380 KB of markers made from a few
    // kilobytes of numbering XML, more than the budget leaves once the parts are read.
    let bytes = numbered_docx("1", "decimal", &"某".repeat(63), 2000);
    let archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..]));
    assert!(archive.is_ok());
    let Ok(mut archive) = archive else {
        unreachable!()
    };
    let parts: u64 = (0..archive.len())
        .filter_map(|i| archive.by_index(i).ok().map(|f| f.size()))
        .sum();
    let budget = parts + 100_000;
    let result = extract(&bytes, budget);
    assert!(
        result
            .as_ref()
            .is_err_and(|e| e.contains("automatic numbering")
                && e.contains(&format!("more than {budget} bytes"))),
        "{:?}",
        result.map(|t| t.body.len())
    );
    // With room for them, the same file reads.
    assert!(extract(&bytes, parts + 500_000).is_ok());
}

#[test]
fn html_nested_too_deeply_is_refused_and_the_other_files_are_checked() {
    // The parser spends time in proportion to the depth on every tag: 50 000 nested
    // `<div>`s (300 KB) took most of a minute, a megabyte minutes.
    let dir = folder_with_good_report("deep-html");
    let page = format!(
        "<html><body>\n<h1>报告</h1>\n{}法治政府{}</body></html>",
        "<div>".repeat(50_000),
        "</div>".repeat(50_000)
    );
    assert!(std::fs::write(dir.join("deep.html"), page).is_ok());
    assert_bad_file(
        &dir,
        "deep.html",
        &[],
        "deep.html nests HTML elements more than 512 deep (line 3)",
    );
}

#[test]
fn html_the_parser_would_nest_or_multiply_is_refused() {
    // Misnested formatting closed across blocks: every `</b>` makes the parser clone the
    // `<b>` inside the `<div>`, one level deeper each time, though the tags look flat
    // (600 KB of it took 22 s before parsing was bounded).
    let dir = folder_with_good_report("rearranged-html");
    let page = format!(
        "<html><body>\n<h1>某镇法治政府建设年度报告</h1>\n{}推进依法行政</body></html>",
        "<b><div></b>".repeat(50_000)
    );
    assert!(std::fs::write(dir.join("misnested.html"), page).is_ok());
    assert_bad_file(
        &dir,
        "misnested.html",
        &[],
        "misnested.html nests HTML elements more than 512 deep (line 3)",
    );
    // 400 distinct `<b>`s left open, then paragraphs: the parser reopens all 400 in each.
    let dir = folder_with_good_report("reopened-html");
    let open: String = (0..400).map(|i| format!("<b id=b{i}>")).collect();
    let page = format!(
        "<html><body>\n<div>{open}</div>{}</body></html>",
        "<p>推进依法行政".repeat(5_000)
    );
    assert!(std::fs::write(dir.join("reopened.html"), page).is_ok());
    assert_bad_file(
        &dir,
        "reopened.html",
        &[],
        "reopened.html makes the HTML parser build more than",
    );
}
