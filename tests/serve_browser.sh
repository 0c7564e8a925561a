#!/usr/bin/env bash
# The page of `reportlint serve` in a real browser: headless Chromium driven through
# WebDriver (chromedriver, with the Python selenium client) uploads two reports through the
# page's file input, waits for the results, checks the overview counts and a highlighted
# finding against `check --format json`, checks that the page fetched nothing from another
# address, downloads the annotated copy of the Word report and checks its comments with
# python-docx.
# Needs chromium and chromedriver (Debian: chromium, chromium-driver) and python3 with venv
# and access to PyPI (selenium and python-docx>=1.2 go into a throwaway venv); .ci/run
# installs the Debian packages. REPORTLINT_BIN names the binary to use; SERVE_BROWSER_KEEP=DIR
# keeps the screenshots (page.png as a 1366x768 screen shows it, full.png) and the downloaded copy in DIR.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
started=$SECONDS
. "$root/tests/binary.sh"
build_binary
for tool in chromium chromedriver; do
  command -v "$tool" >/dev/null || { echo "serve_browser.sh: $tool is missing" >&2; exit 1; }
done

work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check selenium "python-docx>=1.2"
py="$work/venv/bin/python"

mkdir -p "$work/reports" "$work/downloads"
cp "$root/tests/fixtures/inputs/report.docx" "$work/reports/青石镇.docx"
cp "$root/tests/fixtures/builtin/reports/rate_error.txt" "$work/reports/rate_error.txt"
cd "$work/reports"
set +e
"$bin" check --no-config --format json 青石镇.docx rate_error.txt > "$work/expected.json"
code=$?
set -e
[ "$code" -eq 1 ] || { echo "serve_browser.sh: check exited $code, expected 1" >&2; exit 1; }

"$bin" serve --no-config > "$work/serve.out" 2> "$work/serve.err" &
server=$!
url=""
for _ in $(seq 100); do
  url="$(grep -o 'http://[^ ]*' "$work/serve.out" 2>/dev/null || true)"
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "serve_browser.sh: the server printed no address" >&2; cat "$work/serve.err" >&2; exit 1; }

"$py" - "$url" "$work" <<'PY'
import json, os, sys, time
from docx import Document
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

url, work = sys.argv[1], sys.argv[2]
expected = json.load(open(os.path.join(work, "expected.json"), encoding="utf-8"))
downloads = os.path.join(work, "downloads")
options = webdriver.ChromeOptions()
for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,768",
            "--lang=zh-CN", "--disable-gpu"]:
    options.add_argument(arg)
options.add_experimental_option("prefs", {
    "download.default_directory": downloads,
    "download.prompt_for_download": False,
})
driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
try:
    driver.get(url)
    paths = [os.path.join(work, "reports", f["path"]) for f in expected["files"]]
    driver.find_element(By.ID, "files").send_keys("\n".join(paths))
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "start").is_enabled())
    driver.find_element(By.ID, "start").click()
    WebDriverWait(driver, 40).until(
        lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-state") in ("done", "failed"))
    assert driver.find_element(By.TAG_NAME, "body").get_attribute("data-state") == "done"

    # The overview: totals and each report's counts, as check counts them.
    summary = driver.find_element(By.ID, "summary")
    want = expected["summary"]
    for key in ["files", "errors", "warnings", "infos"]:
        assert int(summary.get_attribute("data-" + key)) == want[key], (key, summary.text, want)
    assert "共检查 2 份报告" in summary.text, summary.text
    rows = driver.find_elements(By.CSS_SELECTOR, "#overview tbody tr")
    assert [r.get_attribute("data-file") for r in rows] == [f["path"] for f in expected["files"]]
    for row, f in zip(rows, expected["files"]):
        cells = row.find_elements(By.CSS_SELECTOR, "td.n")
        got = [int(c.text) for c in cells]
        sev = [d["severity"] for d in f["diagnostics"]]
        assert got == [sev.count("error"), sev.count("warning"), sev.count("info")], (f["path"], got)

    # A highlighted finding in the report rendered by the server: a mark whose tooltip names
    # the rule and message of a finding of check's JSON, over the text that finding points at.
    hosts = driver.find_elements(By.CSS_SELECTOR, "#reports .report-host")
    assert hosts, "no report shown"
    # The reports come collapsed under the overview: open them as a reader would.
    for summary_line in hosts[0].shadow_root.find_elements(By.CSS_SELECTOR, "details > summary"):
        driver.execute_script("arguments[0].scrollIntoView();", summary_line)
        summary_line.click()
    marks = hosts[0].shadow_root.find_elements(By.CSS_SELECTOR, "mark")
    titles = [(m.get_attribute("title").replace("：", ": ", 1), m.text) for m in marks]
    found = None
    for f in expected["files"]:
        if not f["path"].endswith(".txt"):
            continue
        text = open(os.path.join(work, "reports", f["path"]), encoding="utf-8").read().encode()
        for d in f["diagnostics"]:
            if d["length"] == 0:
                continue
            quoted = text[d["offset"]:d["offset"] + d["length"]].decode()
            key = "%s: %s" % (d["rule"], d["message"])
            for title, shown in titles:
                if key in title and shown and shown in quoted:
                    found = (d["rule"], shown)
                    break
            if found:
                break
    assert found, ("no highlighted finding of check's JSON", titles[:5])

    # Nothing was fetched from anywhere but this server.
    resources = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    assert resources and all(r.startswith(url) for r in resources), resources

    # What a 1366x768 screen shows when the check is done, then the whole page.
    driver.save_screenshot(os.path.join(work, "page.png"))
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1366, min(height + 150, 8000))
    driver.save_screenshot(os.path.join(work, "full.png"))
    driver.set_window_size(1366, 768)

    # The annotated copy of the Word report, through its row's download button.
    row = next(r for r in rows if r.get_attribute("data-file").endswith(".docx"))
    row.find_element(By.CSS_SELECTOR, "button.annotate-one").click()
    target = os.path.join(downloads, "青石镇.docx")
    deadline = time.time() + 20
    while time.time() < deadline and not os.path.exists(target):
        time.sleep(0.2)
    assert os.path.exists(target), os.listdir(downloads)
    time.sleep(0.3)
    comments = list(Document(target).comments)
    docx = next(f for f in expected["files"] if f["path"].endswith(".docx"))
    messages = {d["message"] for d in docx["diagnostics"]}
    texts = [c.text for c in comments]
    assert comments and all(c.author == "reportlint" for c in comments)
    for m in messages:
        assert any(m in t for t in texts), ("no comment for", m)
    print("serve_browser.sh: overview of %d reports (%d errors, %d warnings, %d infos), highlighted %s, %d comments checked"
          % (want["files"], want["errors"], want["warnings"], want["infos"], found[0], len(comments)))
finally:
    driver.quit()
PY

if [ -n "${SERVE_BROWSER_KEEP:-}" ]; then
  mkdir -p "$SERVE_BROWSER_KEEP"
  cp "$work/page.png" "$work/full.png" "$SERVE_BROWSER_KEEP/"
  cp "$work/downloads/"*.docx "$SERVE_BROWSER_KEEP/"
fi
echo "serve_browser.sh: done in $((SECONDS - started)) s"
