#!/usr/bin/env bash
# Annotated Word copies and the xlsx workbook in the programs the reviewing office uses:
# python-docx reads the comments and their anchors back and checks them against
# `check --format json`; LibreOffice converts the annotated copy to PDF (page 1 rendered with
# pdftoppm) and the workbook to CSV, whose rows are compared with the JSON findings;
# openpyxl checks the frozen header and the autofilter.
# Needs soffice (libreoffice-writer-nogui, libreoffice-calc-nogui), pdftoppm (poppler-utils)
# and python3 with venv and access to PyPI (python-docx>=1.2 and openpyxl go into a
# throwaway venv); .ci/run installs the Debian packages. REPORTLINT_BIN names the binary to
# use; REVIEW_FILES_KEEP=DIR keeps the files made (the PDF page as PNG among them) in DIR.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
started=$SECONDS
. "$root/tests/binary.sh"
build_binary
for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "review_files.sh: $tool is missing" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "python-docx>=1.2" openpyxl
py="$work/venv/bin/python"
export HOME="$work/home"  # LibreOffice keeps its profile here, not in the user's
mkdir -p "$HOME" "$work/reports/乡镇" "$work/reports/部门"
cd "$work/reports"

# Two reports of one name in two folders, one Word (made with python-docx: runs splitting
# words, a table), one text.
"$py" - <<'PY'
from docx import Document
from docx.shared import Pt
d = Document()
t = d.add_paragraph()
for i, part in enumerate(["河口镇20", "24年法治政", "府建设年度报告"]):
    r = t.add_run(part)
    r.bold = i == 1
    r.font.size = Pt(18)
d.add_paragraph("一、主要举措和成效")
p = d.add_paragraph("镇党委书记认真履行")
p.add_run("第一职").italic = True
p.add_run("责人职责,坚持依法决策,推进政务公开。")
table = d.add_table(rows=1, cols=2)
table.cell(0, 0).text = "行政执法"
table.cell(0, 1).text = "全镇12名干部取得执法证,开展执法检查36次。"
d.add_paragraph("二、存在的不足")
d.add_paragraph("个别干部法治意识不强。")
d.add_paragraph("三、下一年度工作安排")
d.add_paragraph("持续推进依法行政。")
d.save("乡镇/河口镇.docx")
PY
printf '%s\n' "河口镇司法所2024年法治政府建设年度报告" "一、主要举措和成效" \
  "我所认真履行第一职责人职责,推进政务公开,开展普法宣传。" "二、存在的不足" \
  "法治宣传形式单一。" "三、下一年度工作安排" "深化法治宣传。" > 部门/河口镇.txt
cp 乡镇/河口镇.docx "$work/original.docx"

set +e
"$bin" check --no-config --format json 乡镇 部门 > "$work/findings.json"
json_code=$?
"$bin" check --no-config --format xlsx -o "$work/review.xlsx" --annotate "$work/annotated" 乡镇 部门
xlsx_code=$?
set -e
[ "$json_code" -eq 1 ] && [ "$xlsx_code" -eq 1 ] || { echo "exit codes $json_code/$xlsx_code, expected 1" >&2; exit 1; }
cmp 乡镇/河口镇.docx "$work/original.docx"
test -f "$work/annotated/乡镇/河口镇.docx" && test -f "$work/annotated/部门/河口镇.docx"

# (d) The workbook through LibreOffice: the findings sheet as CSV.
(cd "$work" && soffice --headless --convert-to csv:"Text - txt - csv (StarCalc)":44,34,76,1,,0,false,true,false,false,false,1 \
  --outdir "$work/csv" review.xlsx >/dev/null 2>&1) ||
  (cd "$work" && soffice --headless --convert-to csv --outdir "$work/csv" review.xlsx >/dev/null)
# (c) The annotated copy through LibreOffice: a PDF, page 1 as PNG.
# The comments are exported as PDF notes, one per comment.
soffice --headless --convert-to 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}' \
  --outdir "$work/pdf" "$work/annotated/乡镇/河口镇.docx" >/dev/null
test -s "$work/pdf/河口镇.pdf"
notes="$(grep -a -o '/Subtype */Text' "$work/pdf/河口镇.pdf" | wc -l)"
# (poppler complains about the notes' empty boxes; the page renders all the same)
pdftoppm -png -r 80 -f 1 -l 1 "$work/pdf/河口镇.pdf" "$work/pdf/page" 2>/dev/null
ls "$work"/pdf/page*.png >/dev/null

# (b), (d) python-docx and openpyxl against the JSON findings.
"$py" - "$work" "$notes" <<'PY'
import csv, glob, json, os, sys
from docx import Document
from openpyxl import load_workbook

work = sys.argv[1]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
findings = json.load(open(os.path.join(work, "findings.json"), encoding="utf-8"))
rows = []  # (path, line, column, rule) per occurrence the JSON lists, and the folded count
folded = {}
for f in findings["files"]:
    for d in f["diagnostics"]:
        for l in d["labels"]:
            rows.append((f["path"], l["line"], l["column"], d["rule"]))
        folded[(f["path"], d["rule"])] = folded.get((f["path"], d["rule"]), 0) + d["more"]

# The findings sheet, as LibreOffice reads it.
sheets = sorted(glob.glob(os.path.join(work, "csv", "*.csv")))
first = [s for s in sheets if "问题清单" in s] or sheets[:1]
table = list(csv.reader(open(first[0], encoding="utf-8")))
assert table[0] == ["文件", "行", "列", "规则", "级别", "问题", "说明", "依据", "原文", "备注"], table[0]
body = table[1:]
total = len(rows) + sum(folded.values())
assert len(body) == total, (len(body), total)
listed = [(r[0], int(r[1]), int(r[2]), r[3]) for r in body if r[1]]
for row in rows:
    assert row in listed, row
extra = {}
for r in body:
    if (r[0], int(r[1]) if r[1] else 0, int(r[2]) if r[2] else 0, r[3]) not in rows:
        extra[(r[0], r[3])] = extra.get((r[0], r[3]), 0) + 1
assert extra == {k: v for k, v in folded.items() if v}, (extra, folded)

# Frozen header and autofilter, as openpyxl reads them.
book = load_workbook(os.path.join(work, "review.xlsx"))
assert book.sheetnames[:2] == ["问题清单", "汇总"], book.sheetnames
sheet = book["问题清单"]
assert sheet.freeze_panes == "A2", sheet.freeze_panes
assert sheet.auto_filter.ref == "A1:J%d" % (total + 1), sheet.auto_filter.ref
overview = book["汇总"]
assert overview.freeze_panes == "B3", overview.freeze_panes
assert overview.auto_filter.ref.startswith("A2:"), overview.auto_filter.ref
reports = [overview.cell(row=r, column=1).value for r in range(3, 5)]
assert reports == ["乡镇/河口镇.docx", "部门/河口镇.txt"], reports

# The annotated copies: one comment per occurrence, on exactly the text the xlsx quotes.
quotes = {}
for r in body:
    quotes.setdefault(r[0], []).append(r[8])
for path, copy in [("乡镇/河口镇.docx", "乡镇/河口镇.docx"), ("部门/河口镇.txt", "部门/河口镇.docx")]:
    doc = Document(os.path.join(work, "annotated", copy))
    comments = list(doc.comments)
    assert len(comments) == len(quotes[path]), (path, len(comments), len(quotes[path]))
    assert all(c.author == "reportlint" for c in comments)
    open_ids, anchored = [], {}
    for el in doc.element.body.iter():
        if el.tag == W + "commentRangeStart":
            open_ids.append(el.get(W + "id"))
            anchored.setdefault(el.get(W + "id"), "")
        elif el.tag == W + "commentRangeEnd":
            open_ids.remove(el.get(W + "id"))
        elif el.tag == W + "t":
            for i in open_ids:
                anchored[i] += el.text or ""
    texts = [anchored[str(c.comment_id)] for c in comments]
    assert texts == quotes[path], (path, texts, quotes[path])
    by_id = {str(c.comment_id): c for c in comments}
    assert any("第一职责人" == anchored[i] and "依据" in by_id[i].text for i in anchored), anchored
# The text report's flagged text, straight from the JSON offsets into the file.
data = open(os.path.join(work, "reports", "部门", "河口镇.txt"), "rb").read()
txt = [f for f in findings["files"] if f["path"].endswith(".txt")][0]
labelled = [data[l["offset"]:l["offset"] + l["length"]].decode() for d in txt["diagnostics"] for l in d["labels"]]
for q in labelled:
    assert q in quotes["部门/河口镇.txt"], q
word = len(list(Document(os.path.join(work, "annotated", "乡镇", "河口镇.docx")).comments))
assert int(sys.argv[2]) == word, ("PDF notes", sys.argv[2], "comments", word)
print("review_files.sh: %d workbook rows and as many comments checked; %d notes in the PDF" % (len(body), word))
PY

if [ -n "${REVIEW_FILES_KEEP:-}" ]; then
  mkdir -p "$REVIEW_FILES_KEEP"
  cp -r "$work/annotated" "$work/review.xlsx" "$work"/pdf/* "$work/csv" "$REVIEW_FILES_KEEP"/
fi
echo "review_files.sh: passed in $((SECONDS - started))s"
