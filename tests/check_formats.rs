//! The machine formats of `reportlint check` are what their consumers accept: SARIF validates
//! against the SARIF 2.1.0 schema, JUnit parses as XML with one test case per file × rule,
//! JSON has the documented shape, and the HTML page renders in a real headless browser.
//!
//! The schema `tests/fixtures/check/sarif-schema-2.1.0.json` is the OASIS SARIF 2.1.0
//! (errata 01) schema.

use crate::check_support;

use check_support::{check_fixtures, crate_root, run, scratch_dir, PACK, REPORTS};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const RULES_IN_PACK: usize = 10;
const FIXTURE_FILES: usize = 4;

fn sarif_schema() -> Value {
    let text =
        std::fs::read_to_string(crate_root().join("tests/fixtures/check/sarif-schema-2.1.0.json"))
            .expect("the vendored SARIF schema is readable");
    serde_json::from_str(&text).expect("the SARIF schema is JSON")
}

fn assert_valid_sarif(output: &str) {
    let schema = sarif_schema();
    let validator = jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles");
    let instance: Value = serde_json::from_str(output).expect("SARIF output is JSON");
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF schema violations:\n{}",
        errors.join("\n")
    );
}

#[test]
fn sarif_output_validates_against_the_sarif_2_1_0_schema() {
    let run = check_fixtures("sarif");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_valid_sarif(&run.stdout);
    let sarif: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    assert!(results.len() > 10);
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rule table");
    assert_eq!(rules.len(), RULES_IN_PACK);
    for result in results {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(
            rules[index]["id"], result["ruleId"],
            "ruleIndex points at the rule"
        );
    }
}

#[test]
fn sarif_with_unreadable_files_and_odd_paths_still_validates() {
    let dir = scratch_dir("sarif_odd_paths");
    let source = crate_root().join(REPORTS).join("b-structure.txt");
    let odd = dir.join("年度 报告#1 [草稿] 100%.txt");
    std::fs::copy(&source, &odd).expect("copy fixture");
    let run = run(&[
        "check",
        "--no-builtin",
        "--pack",
        PACK,
        "--format",
        "sarif",
        odd.to_str().expect("utf-8 path"),
        "tests/fixtures/check/reports/no-such-report.txt",
    ]);
    assert_eq!(run.code, 2);
    assert_valid_sarif(&run.stdout);
    let sarif: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert_eq!(
        invocation["toolExecutionNotifications"]
            .as_array()
            .map(Vec::len),
        Some(1)
    );
}

/// `check` of one fixture report with the test pack and a pack that does not load.
fn with_broken_pack(format: &str) -> check_support::Run {
    run(&[
        "check",
        "--no-builtin",
        "--pack",
        PACK,
        "--pack",
        "tests/fixtures/robust/bad-regex.rules",
        "--format",
        format,
        "tests/fixtures/check/reports/b-structure.txt",
    ])
}

#[test]
fn a_pack_that_did_not_load_makes_every_machine_format_say_the_run_was_incomplete() {
    let broken = "bad-regex.rules";
    // SARIF: the run is not successful and a notification names the pack.
    let sarif_run = with_broken_pack("sarif");
    assert_eq!(sarif_run.code, 2, "{}", sarif_run.stderr);
    assert_valid_sarif(&sarif_run.stdout);
    let sarif: Value = serde_json::from_str(&sarif_run.stdout).expect("JSON");
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = invocation["toolExecutionNotifications"][0]["message"]["text"]
        .as_str()
        .unwrap_or_default();
    assert!(
        note.contains("rule pack not loaded") && note.contains(broken),
        "{note}"
    );
    // The loaded pack's findings are still there.
    assert!(!sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .is_empty());
    // JSON: the summary lists the pack (and has no such key when all packs loaded).
    let json: Value = serde_json::from_str(&with_broken_pack("json").stdout).expect("JSON");
    let errors = json["summary"]["pack_errors"]
        .as_array()
        .expect("pack_errors");
    assert!(errors.len() == 1 && errors[0].as_str().unwrap_or_default().contains(broken));
    let clean: Value = serde_json::from_str(&check_fixtures("json").stdout).expect("JSON");
    assert!(clean["summary"].get("pack_errors").is_none());
    // JUnit: a suite in error for the packs.
    let junit = with_broken_pack("junit").stdout;
    let xml = roxmltree::Document::parse(&junit).expect("XML");
    let packs = xml
        .descendants()
        .find(|n| n.has_tag_name("testsuite") && n.attribute("name") == Some("rule packs"))
        .expect("a suite for the rule packs");
    assert_eq!(packs.attribute("errors"), Some("1"));
    // GitHub: an error annotation; HTML: a line in the summary, inside the page.
    let github = with_broken_pack("github").stdout;
    assert!(
        github.lines().any(
            |l| l.starts_with("::error title=reportlint%3A rule pack not loaded::")
                && l.contains(broken)
        ),
        "{github}"
    );
    let html = with_broken_pack("html").stdout;
    let at = html
        .find("规则包未能加载")
        .expect("the page names the pack");
    assert!(at < html.find("</body>").unwrap_or(0), "inside the body");
}

#[test]
fn junit_output_is_xml_with_one_test_case_per_file_and_rule() {
    let run = check_fixtures("junit");
    let xml = roxmltree::Document::parse(&run.stdout).expect("JUnit output parses as XML");
    let root = xml.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let suites: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    assert_eq!(suites.len(), FIXTURE_FILES);
    for suite in &suites {
        let cases: Vec<_> = suite
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .collect();
        assert_eq!(cases.len(), RULES_IN_PACK, "one case per rule");
        assert_eq!(
            suite.attribute("tests"),
            Some(RULES_IN_PACK.to_string().as_str())
        );
        let failed = cases
            .iter()
            .filter(|c| c.children().any(|n| n.has_tag_name("failure")))
            .count();
        assert_eq!(
            suite.attribute("failures"),
            Some(failed.to_string().as_str())
        );
        let mut names: Vec<_> = cases.iter().filter_map(|c| c.attribute("name")).collect();
        names.dedup();
        assert_eq!(names.len(), RULES_IN_PACK, "no rule twice");
    }
    let clean = suites
        .iter()
        .find(|s| s.attribute("name") == Some("tests/fixtures/check/reports/d-clean.txt"))
        .expect("the clean report has a suite");
    assert_eq!(clean.attribute("failures"), Some("0"));
}

#[test]
fn junit_output_of_an_unreadable_file_is_an_errored_case() {
    let run = run(&[
        "check",
        "--no-builtin",
        "--pack",
        PACK,
        "--format",
        "junit",
        "tests/fixtures/check/reports/no-such <report>.txt",
    ]);
    assert_eq!(run.code, 2);
    let xml = roxmltree::Document::parse(&run.stdout).expect("XML");
    let errored = xml
        .descendants()
        .find(|n| n.has_tag_name("error"))
        .expect("an error element");
    assert!(errored
        .attribute("message")
        .is_some_and(|m| m.contains("no-such <report>.txt")));
}

#[test]
fn json_output_has_the_documented_shape() {
    let run = check_fixtures("json");
    let doc: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(doc["version"], 1);
    let files = doc["files"].as_array().expect("files");
    assert_eq!(files.len(), FIXTURE_FILES);
    let long = files
        .iter()
        .find(|f| f["path"] == "tests/fixtures/check/reports/c-long-line.txt")
        .expect("the long-line report");
    let term = long["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["rule"] == "check/first-duty-term")
        .expect("the forbidden term");
    // Columns count characters; offsets and lengths count bytes of the file.
    assert_eq!(term["line"], 5);
    assert_eq!(term["column"], 470);
    assert_eq!(term["end_column"], 475);
    assert_eq!(term["length"], "第一职责人".len());
    let text = std::fs::read_to_string(crate_root().join(REPORTS).join("c-long-line.txt"))
        .expect("fixture");
    let offset = term["offset"].as_u64().expect("offset") as usize;
    assert_eq!(&text[offset..offset + "第一职责人".len()], "第一职责人");
    assert_eq!(term["fix"]["replacements"][0], "第一责任人");
    assert_eq!(term["labels"][0]["text"], "建议改为“第一责任人”");
    for key in ["files", "errors", "warnings", "infos"] {
        assert!(doc["summary"][key].is_u64(), "summary.{key}");
    }
    for file in files {
        assert!(file["error"].is_null());
    }
}

// ------------------------------------------------------------------ HTML in a browser

fn find_chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            let ok = Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success());
            ok.then(|| PathBuf::from(name))
        })
}

fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let signature = b"\x89PNG\r\n\x1a\n";
    if bytes.len() < 24 || &bytes[..8] != signature || &bytes[12..16] != b"IHDR" {
        return None;
    }
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    Some((be(&bytes[16..20]), be(&bytes[20..24])))
}

/// Run headless Chromium on `page` with `what` (`--screenshot=…` or `--dump-dom`); its stdout.
fn chromium(browser: &Path, page: &Path, what: &str) -> String {
    // A browser that crashed on a loaded machine is started once more before the test fails.
    let mut out = run_chromium(browser, page, what);
    if !out.status.success() {
        eprintln!(
            "note: the browser failed once, starting it again: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out = run_chromium(browser, page, what);
    }
    assert!(
        out.status.success(),
        "the browser failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn run_chromium(browser: &Path, page: &Path, what: &str) -> std::process::Output {
    // One profile per start: two browsers on one profile (tests run in parallel) refuse it.
    static STARTS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let start = STARTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let profile = scratch_dir(&format!("chromium_profile_{}_{start}", std::process::id()));
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(what)
        .arg("--window-size=1366,900")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("the browser runs")
}

fn screenshot(browser: &Path, page: &Path, png: &Path) {
    let _ = std::fs::remove_file(png);
    chromium(browser, page, &format!("--screenshot={}", png.display()));
    let bytes = std::fs::read(png).expect("the browser wrote a screenshot");
    assert_eq!(
        png_size(&bytes),
        Some((1366, 900)),
        "a PNG of the window size"
    );
    // A blank page compresses to a few kilobytes; text and highlights do not.
    assert!(
        bytes.len() > 40_000,
        "the screenshot shows content ({} bytes)",
        bytes.len()
    );
}

fn chromium_or_skip() -> Option<PathBuf> {
    let browser = find_chromium();
    if browser.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium is needed in CI to check the HTML page (apt-get install -y chromium)"
        );
        eprintln!("note: chromium is not installed; the HTML page was not checked in a browser");
    }
    browser
}

/// `check` over `dir` in JSON and as an HTML page written to `page`, with `pack_args`.
fn json_and_page(pack_args: &[&str], dir: &Path, page: &Path) -> Value {
    let dir = dir.to_str().expect("utf-8 path");
    let mut args = vec!["check"];
    args.extend_from_slice(pack_args);
    let mut json_args = args.clone();
    json_args.extend(["--format", "json", dir]);
    let json = run(&json_args);
    assert!(json.code < 2, "{}", json.stderr);
    args.extend([
        "--format",
        "html",
        "--output",
        page.to_str().expect("utf-8 path"),
        dir,
    ]);
    let html = run(&args);
    assert_eq!(html.code, json.code, "{}", html.stderr);
    serde_json::from_str(&json.stdout).expect("JSON")
}

/// The page as the browser built it (`--dump-dom`, after its script ran) agrees with
/// `check --format json`: the summary, every report's row (counts by severity, the matrix
/// cells adding up to its findings) and its findings. Nothing from a name or a text became
/// markup: the page's one script, no image, the title unchanged.
fn assert_page_matches_json(dom: &str, json: &Value) {
    use scraper::{Html, Selector};
    let select = |s: &str| Selector::parse(s).expect("selector");
    let doc = Html::parse_document(dom);
    let files = json["files"].as_array().expect("files");
    let root = doc
        .select(&select("div.rl"))
        .next()
        .expect("the page's root");
    assert_eq!(
        root.value().attr("data-ready"),
        Some(files.len().to_string().as_str()),
        "the script ran over every row"
    );
    let summary = doc.select(&select("p.summary")).next().expect("summary");
    for key in ["files", "errors", "warnings", "infos"] {
        assert_eq!(
            summary.value().attr(&format!("data-{key}")),
            Some(json["summary"][key].to_string().as_str()),
            "summary {key}"
        );
    }
    let rows: Vec<_> = doc.select(&select("table.matrix tbody tr")).collect();
    assert_eq!(rows.len(), files.len(), "one row per report");
    for (i, (row, file)) in rows.iter().zip(files).enumerate() {
        let n = i + 1;
        assert_eq!(row.value().attr("data-n"), Some(n.to_string().as_str()));
        assert_eq!(
            row.value().attr("data-file"),
            file["path"].as_str(),
            "row {n}"
        );
        let diagnostics = file["diagnostics"].as_array().expect("diagnostics");
        for (key, severity) in [
            ("errors", "error"),
            ("warnings", "warning"),
            ("infos", "info"),
        ] {
            let count = diagnostics
                .iter()
                .filter(|d| d["severity"] == severity)
                .count();
            assert_eq!(
                row.value().attr(&format!("data-{key}")),
                Some(count.to_string().as_str()),
                "{key} of {}",
                file["path"]
            );
        }
        let in_cells: i64 = row
            .select(&select("td[data-c]"))
            .filter_map(|td| td.value().attr("data-v")?.parse::<i64>().ok())
            .filter(|v| *v > 0)
            .sum();
        assert_eq!(
            in_cells as usize,
            diagnostics.len(),
            "matrix of {}",
            file["path"]
        );
        let listed = doc
            .select(&select(&format!("details#r{n} li[data-rule]")))
            .map(|li| li.value().attr("data-rule").unwrap_or_default().to_string())
            .collect::<Vec<_>>();
        let rules: Vec<String> = diagnostics
            .iter()
            .map(|d| d["rule"].as_str().unwrap_or_default().to_string())
            .collect();
        assert_eq!(listed, rules, "findings of {}", file["path"]);
    }
    assert_eq!(
        doc.select(&select("script")).count(),
        1,
        "the page's own script only"
    );
    assert_eq!(doc.select(&select("img, iframe, object, embed")).count(), 0);
    assert_eq!(
        doc.select(&select("title")).next().map(|t| t.inner_html()),
        Some("reportlint 检查结果".to_string())
    );
}

#[test]
fn html_page_renders_in_a_headless_browser() {
    let Some(browser) = chromium_or_skip() else {
        return;
    };
    let artifacts = Path::new(env!("CARGO_TARGET_TMPDIR")).join("test-artifacts");
    std::fs::create_dir_all(&artifacts).expect("artifact directory");
    let page = artifacts.join("check.html");
    let json = json_and_page(
        &["--no-builtin", "--pack", PACK],
        &crate_root().join(REPORTS),
        &page,
    );
    let dom = chromium(&browser, &page, "--dump-dom");
    assert_page_matches_json(&dom, &json);
    screenshot(&browser, &page, &artifacts.join("check.png"));
}

/// 200 reports for the overview, written from the fixture reports (the built-in pack's, the
/// contents cases and the check fixtures) in four folders, some under hostile names, one
/// with a text that tries to close the page's markup and run a script.
fn two_hundred_reports() -> PathBuf {
    let dir = scratch_dir("overview_200");
    let mut sources = Vec::new();
    for folder in [
        "tests/fixtures/builtin/reports",
        "tests/fixtures/contents",
        REPORTS,
    ] {
        let mut names: Vec<PathBuf> = std::fs::read_dir(crate_root().join(folder))
            .expect("fixture folder")
            .filter_map(|e| Some(e.ok()?.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        names.sort();
        for name in names {
            sources.push(std::fs::read_to_string(name).expect("fixture report"));
        }
    }
    let hostile = "</div></details></table><script>document.title='x'</script><img src=x onerror=\"document.title='y'\">";
    for i in 0..200 {
        let folder = dir.join(["乡镇", "街道", "部门", "其他"][i % 4]);
        std::fs::create_dir_all(&folder).expect("folder");
        let name = match i {
            7 => "<img src=x onerror=alert(1)>.txt".to_string(),
            8 => "\"'><script>alert(1)<\\script>.txt".to_string(),
            _ => format!("报告{i:03}.txt"),
        };
        let mut text = sources[i % sources.len()].clone();
        if i == 9 {
            text.push_str(hostile);
        }
        std::fs::write(folder.join(name), text).expect("report written");
    }
    dir
}

#[test]
fn html_overview_of_200_reports_agrees_with_json_in_a_headless_browser() {
    let Some(browser) = chromium_or_skip() else {
        return;
    };
    let dir = two_hundred_reports();
    let artifacts = Path::new(env!("CARGO_TARGET_TMPDIR")).join("test-artifacts");
    std::fs::create_dir_all(&artifacts).expect("artifact directory");
    let page = artifacts.join("overview-200.html");
    // The built-in pack: its tags give the matrix its groups.
    let json = json_and_page(&["--jobs", "2"], &dir, &page);
    assert_eq!(json["files"].as_array().map(Vec::len), Some(200));
    let html = std::fs::read_to_string(&page).expect("the page");
    for group in ["必备内容", "重点任务", "数据核对"] {
        assert!(
            html.contains(&format!(">{group}</")),
            "a column group {group}"
        );
    }
    // Every report's text is on the page once, collapsed: a page of a few megabytes at most.
    assert!(html.len() < 4_000_000, "{} bytes", html.len());
    assert_eq!(html.matches("<details class=\"report\"").count(), 200);
    assert!(!html.contains("<details class=\"report\" open"));
    // (`--jobs` gives the same page: tests/check_cli.rs. One browser run: a screenshot is
    // taken of the fixtures' page above.)
    let dom = chromium(&browser, &page, "--dump-dom");
    assert_page_matches_json(&dom, &json);
}

/// A folder holding one report under names that no format may pass on raw: a backslash
/// (a name character on Unix, not a separator), terminal control characters, and (on Unix)
/// bytes that are not UTF-8.
fn reports_with_odd_names() -> PathBuf {
    let dir = scratch_dir("odd_names");
    let source = crate_root().join(REPORTS).join("b-structure.txt");
    let mut names: Vec<std::ffi::OsString> = vec!["bell\u{7}esc\u{1b}[31mred.txt".into()];
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        names.push("back\\slash.txt".into());
        names.push(std::ffi::OsString::from_vec(
            b"gbk-\xb1\xa8\xb8\xe6.txt".to_vec(),
        ));
    }
    for name in names {
        std::fs::copy(&source, dir.join(name)).expect("copy fixture");
    }
    dir
}

/// `check .` in `dir` with the test pack, in `format`; stdout and stderr as bytes.
fn check_in(dir: &Path, format: &str) -> (Vec<u8>, Vec<u8>) {
    let out = Command::new(env!("CARGO_BIN_EXE_reportlint"))
        .env("REPORTLINT_LANG", "en")
        .args(["check", "--no-builtin", "--pack"])
        .arg(crate_root().join(PACK))
        .args(["--color", "never", "--format", format, "."])
        .current_dir(dir)
        .output()
        .expect("reportlint runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (out.stdout, out.stderr)
}

#[test]
fn file_names_reach_every_format_escaped_never_raw() {
    let dir = reports_with_odd_names();
    for format in ["human", "github", "junit", "html", "json", "sarif"] {
        let (stdout, stderr) = check_in(&dir, format);
        for (stream, bytes) in [("stdout", &stdout), ("stderr", &stderr)] {
            let raw = bytes
                .iter()
                .find(|&&b| (b < 0x20 && b != b'\n' && b != b'\t' && b != b'\r') || b == 0x7f);
            assert_eq!(
                raw,
                None,
                "{format} {stream}: {}",
                String::from_utf8_lossy(bytes)
            );
            assert!(
                std::str::from_utf8(bytes).is_ok(),
                "{format} {stream} is UTF-8"
            );
        }
        let text = String::from_utf8_lossy(&stdout);
        if ["human", "github", "junit", "html"].contains(&format) {
            assert!(
                text.contains("bell\\x07esc\\x1b[31mred.txt"),
                "{format}: {text}"
            );
            #[cfg(unix)]
            assert!(
                text.contains("gbk-\\xb1\\xa8\\xb8\\xe6.txt"),
                "{format}: {text}"
            );
        }
    }
    // SARIF: percent-encoded URIs, one per file, the backslash kept as %5C; still valid.
    let (sarif, _) = check_in(&dir, "sarif");
    let sarif = String::from_utf8(sarif).expect("UTF-8");
    assert_valid_sarif(&sarif);
    let value: Value = serde_json::from_str(&sarif).expect("JSON");
    let mut uris: Vec<String> = value["runs"][0]["results"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .map(str::to_string)
        .collect();
    uris.sort();
    uris.dedup();
    let mut expected = vec!["bell%07esc%1B%5B31mred.txt"];
    #[cfg(unix)]
    expected.extend(["back%5Cslash.txt", "gbk-%B1%A8%B8%E6.txt"]);
    expected.sort();
    assert_eq!(uris, expected);
    // JSON: the exact bytes beside a name that is not UTF-8, nothing extra for the others.
    let (json, _) = check_in(&dir, "json");
    let value: Value = serde_json::from_slice(&json).expect("JSON");
    for file in value["files"].as_array().into_iter().flatten() {
        let path = file["path"].as_str().unwrap_or_default();
        if path.starts_with("gbk-") {
            let bytes: Vec<u64> = file["path_bytes"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_u64)
                .collect();
            assert_eq!(bytes, b"gbk-\xb1\xa8\xb8\xe6.txt".map(u64::from));
        } else {
            assert!(file.get("path_bytes").is_none(), "{file}");
        }
    }
}
