//! `--format html`: one self-contained page for a legal office reviewing many reports at once.
//! No external files (no CDN, no web fonts); a small embedded script sorts and filters, and
//! the page reads fully without it.
//!
//! The page opens with an **overview**: one row per report with its counts by severity and a
//! ✓/✗ matrix of the pack's rules, then the **reports**, each collapsed (`<details>`) with its
//! findings (message, help, note, 依据) and its text with every flagged place highlighted,
//! then a **legend** of the rules.
//!
//! Matrix columns, for any pack: rules are grouped by their first tag, groups in the order
//! the rules run. A rule whose other tags include one that is no rule's first tag (a name,
//! e.g. `tags "重点任务", "行政执法"`) gets a ✓/✗ column of its own, headed by that name;
//! the other rules of the group share one column headed by the group (`其他` when the group
//! also has named rules) that counts their findings; rules without tags (and findings of
//! rules the run does not list) share a last column `未分组`. A cell is ✗ (with the count
//! when more than one) when its rules found something in that report, and links to the
//! first such finding; ✓ otherwise.
//!
//! Nothing is streamed: the overview needs every report, so the printer keeps each report's
//! rendered section (not its text) until [`Printer::finish`]. Reports come in path order, so
//! the page is the same for any `--jobs`.
//!
//! [`render_page`] renders the same page from the same inputs outside a `check` run;
//! [`HtmlPage::fragment`] gives it without the document around it, to put in another page.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::io::{self, Write};

use super::annotate::severity_name;
use super::{FileReport, Printer, RuleInfo, Summary};
use crate::pack::model::Severity;

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The page's title and heading.
const TITLE: &str = "reportlint 检查结果";

/// Every selector is scoped under `.rl`, so a page that embeds the fragment keeps its style.
const STYLE: &str = r#"
.rl{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;line-height:1.6;color:#222;font-size:15px}
.rl [hidden]{display:none!important}
.rl h1{font-size:1.4em;margin:.2em 0}.rl h2{font-size:1.15em;border-bottom:1px solid #ccc;margin:1.6em 0 .5em}
.rl .summary{font-weight:bold;margin:.3em 0}.rl .failed{color:#c00}.rl .hint{color:#666;font-size:.85em;margin:.3em 0}
.rl .filters{display:flex;flex-wrap:wrap;gap:.4em 1.2em;align-items:center;margin:.6em 0;padding:.4em .6em;background:#f3f5f9;border:1px solid #d8dde8;font-size:14px}
.rl .filters select{max-width:22em}.rl .filters .shown{color:#555}
.rl .wrap{display:inline-block;max-width:100%;max-height:80vh;overflow:auto;border:1px solid #ccc;vertical-align:top}
.rl table{border-collapse:separate;border-spacing:0}
.rl .matrix{font-size:13px}
.rl .matrix th,.rl .matrix td{border-right:1px solid #e3e3e3;border-bottom:1px solid #e3e3e3;padding:2px 5px;text-align:center;background:#fff}
.rl .matrix thead th{position:sticky;top:0;background:#eef2f8;z-index:2;font-weight:bold;vertical-align:bottom}
.rl .matrix thead tr.g th{height:1.8em;box-sizing:border-box;vertical-align:middle}
.rl .matrix thead tr.r th{top:1.8em}
.rl .matrix th.v span{writing-mode:vertical-rl;white-space:nowrap;display:inline-block;max-height:9em;overflow:hidden;font-weight:normal}
.rl .matrix th[data-k]{cursor:pointer}.rl .matrix th[data-k]:hover{background:#dfe7f3}
.rl .matrix th[aria-sort=ascending]::after{content:"▲";font-size:.7em}
.rl .matrix th[aria-sort=descending]::after{content:"▼";font-size:.7em}
.rl .matrix th.file{position:sticky;left:0;z-index:3;text-align:left}
.rl .matrix tbody th{position:sticky;left:0;z-index:1;text-align:left;font-weight:normal;max-width:22em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.rl .matrix tbody tr:hover th,.rl .matrix tbody tr:hover td{background:#f6f9ff}
.rl .matrix td.zero{color:#bbb}.rl .matrix td.n.error{color:#c00;font-weight:bold}.rl .matrix td.n.warning{color:#a55f00;font-weight:bold}.rl .matrix td.n.info{color:#36c}
.rl .matrix td.ok{color:#3a8a3a}.rl .matrix td.na{color:#999}
.rl .matrix td.x a{text-decoration:none;font-weight:bold}
.rl .matrix td.x.error a{color:#c00}.rl .matrix td.x.warning a{color:#a55f00}.rl .matrix td.x.info a{color:#36c}
.rl .matrix td.x sub{font-size:.75em}
.rl details.report{border:1px solid #ddd;border-radius:3px;margin:.3em 0}
.rl details.report>summary{cursor:pointer;padding:.25em .6em;background:#fafafa}
.rl details.report[open]>summary{border-bottom:1px solid #ddd}
.rl .counts{margin-left:1em;font-size:.85em;color:#666}
.rl .text{white-space:pre-wrap;background:#fcfcfc;padding:1em;margin:0;font-size:15px;line-height:1.8}
.rl mark{padding:0 1px;border-radius:2px;color:inherit}
.rl mark.error{background:#ffd0d0;border-bottom:2px solid #c00}
.rl mark.warning{background:#fff0b3;border-bottom:2px solid #b80}
.rl mark.info{background:#dbeafe;border-bottom:2px solid #36c}
.rl ol.findings{margin:.5em 0;padding-left:2.5em}.rl ol.findings li{margin:.35em 0}
.rl .sev{font-weight:bold;font-size:.8em;padding:0 .3em;border-radius:2px}
.rl .sev.error{color:#fff;background:#c00}.rl .sev.warning{color:#fff;background:#b86e00}.rl .sev.info{color:#fff;background:#36c}
.rl .rule{font-family:monospace;color:#777;font-size:.85em}.rl .at{font-size:.85em}
.rl .help,.rl .note,.rl .ref{color:#555;font-size:.9em}.rl .ref{color:#345}
.rl .legend{font-size:13px}.rl .legend th,.rl .legend td{border-bottom:1px solid #e3e3e3;padding:2px 6px;text-align:left;vertical-align:top}.rl .legend td:nth-child(-n+3){white-space:nowrap}
.rl .matrix th .folder{font-weight:normal;font-size:.85em;color:#666}
@media print{
@page{size:A4 landscape;margin:10mm}
.rl{font-size:10pt}
.rl *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.rl .filters,.rl .noprint,.rl button{display:none!important}
.rl .wrap{display:block;max-height:none;overflow:visible;border:0}
.rl .matrix{font-size:8pt;line-height:1.3}
.rl .matrix thead{display:table-header-group}
.rl .matrix thead th,.rl .matrix tbody th{position:static}
.rl .matrix tbody th{max-width:none;white-space:normal;overflow:visible}
.rl .matrix tr{break-inside:avoid}
.rl .matrix th,.rl .matrix td{border-color:#999}
.rl .matrix th[aria-sort]::after{content:""}
.rl a{color:inherit;text-decoration:none}
.rl details.report:not([open]){display:none}
.rl .reports:not(:has(details[open])){display:none}
.rl details.report{break-inside:auto}
.rl .legend{break-before:page}
}
"#;

/// Sorting, filtering, and opening a collapsed report when a link points into it.
const SCRIPT: &str = r#"
(function(){
"use strict";
var root=document.currentScript.closest(".rl");if(!root)return;
var table=root.querySelector("table.matrix"),form=root.querySelector("form.filters");
var each=function(list,f){Array.prototype.forEach.call(list,f);};
function reveal(id){var t=id&&document.getElementById(id);if(!t||!root.contains(t))return null;var d=t.closest("details");if(d&&!d.open)d.open=true;return t;}
root.addEventListener("click",function(e){
  var b=e.target.closest("button[data-open]");
  if(b){var open=b.getAttribute("data-open")==="1";each(root.querySelectorAll("details.report"),function(d){if(!d.hidden)d.open=open;});return;}
  var a=e.target.closest("a[href^='#']");if(a)reveal(decodeURIComponent(a.getAttribute("href").slice(1)));
});
if(location.hash){var t=reveal(decodeURIComponent(location.hash.slice(1)));if(t)t.scrollIntoView();}
if(!table)return;
var body=table.tBodies[0],dir={},rows={};
each(body.rows,function(tr){rows[tr.getAttribute("data-n")]=tr;});
table.tHead.addEventListener("click",function(e){
  var th=e.target.closest("th[data-k]");if(!th)return;
  var k=+th.getAttribute("data-k"),d=dir[k]=dir[k]?-dir[k]:-1;
  var list=Array.prototype.slice.call(body.rows);
  list.sort(function(a,b){
    var x=a.children[k].getAttribute("data-v"),y=b.children[k].getAttribute("data-v");
    var r=k?(+x)-(+y):(x<y?-1:x>y?1:0);
    return r?r*d:a.getAttribute("data-n")-b.getAttribute("data-n");
  });
  var f=document.createDocumentFragment();list.forEach(function(tr){f.appendChild(tr);});body.appendChild(f);
  each(table.tHead.querySelectorAll("th[aria-sort]"),function(h){h.removeAttribute("aria-sort");});
  th.setAttribute("aria-sort",d>0?"ascending":"descending");
});
if(!form)return;
form.hidden=false;
var hide=document.createElement("style");root.appendChild(hide);
var cols=Array.prototype.map.call(table.tHead.querySelectorAll("th[data-c]"),function(th){
  return {c:th.getAttribute("data-c"),g:th.getAttribute("data-g"),rules:th.getAttribute("data-rules"),tags:th.getAttribute("data-tags")};
});
var shown=form.querySelector(".shown"),total=body.rows.length;
function apply(){
  var sev={};each(form.querySelectorAll("input[name=sev]"),function(c){sev[c.value]=c.checked;});
  var tag=form.elements.tag.value,rule=form.elements.rule.value,only=form.elements.only.checked;
  var narrowed=!(sev.error&&sev.warning&&sev.info)||tag!==""||rule!=="",count=0;
  each(root.querySelectorAll("details.report"),function(d){
    var n=0;
    each(d.querySelectorAll("li[data-rule]"),function(li){
      var ok=sev[li.getAttribute("data-sev")]&&(rule===""||li.getAttribute("data-rule")===rule)&&(tag===""||li.getAttribute("data-tags").indexOf("|"+tag+"|")>=0);
      li.hidden=!ok;if(ok)n++;
    });
    var show=narrowed?n>0:(!only||n>0||d.hasAttribute("data-failed"));
    d.hidden=!show;var tr=rows[d.getAttribute("data-n")];if(tr)tr.hidden=!show;if(show)count++;
  });
  var css="",groups={};
  cols.forEach(function(c){
    var off=(tag!==""&&c.tags.indexOf("|"+tag+"|")<0)||(rule!==""&&c.rules.indexOf("|"+rule+"|")<0);
    if(off)css+='.rl [data-c="'+c.c+'"]{display:none}';else if(c.g!==null)groups[c.g]=(groups[c.g]||0)+1;
  });
  each(table.tHead.querySelectorAll("tr.g th[data-span]"),function(th){
    var g=th.getAttribute("data-g"),n=groups[g]||0;th.hidden=n===0;if(n)th.colSpan=n;
  });
  hide.textContent=css;
  shown.textContent="显示 "+count+" / "+total+" 份报告";
}
form.addEventListener("change",apply);
form.addEventListener("reset",function(){setTimeout(apply,0);});
apply();
root.setAttribute("data-ready",String(total));
})();
"#;

/// What a matrix column counts.
struct Column {
    /// Index into [`Layout::groups`]; `None` for the column of untagged rules.
    group: Option<usize>,
    /// The header: a rule's name, the group's tag, `其他` or `未分组`.
    label: String,
    /// Whether the column stands for a whole group (its header spans both header rows).
    whole_group: bool,
    /// The rules it counts (`pack/id`).
    rules: Vec<String>,
    /// The tags of those rules, each once.
    tags: Vec<String>,
}

/// The columns of the matrix for a set of rules, and what the filters offer.
struct Layout {
    rules: Vec<RuleInfo>,
    tags: HashMap<String, Vec<String>>,
    /// Group tags in the order their first rule runs.
    groups: Vec<String>,
    columns: Vec<Column>,
    /// Column of each rule by `pack/id`.
    column_of: HashMap<String, usize>,
    /// The column of untagged rules and of findings of unlisted rules.
    rest: usize,
    /// Every tag of the running rules, in order of first appearance.
    all_tags: Vec<String>,
}

impl Layout {
    fn new(rules: &[RuleInfo], tags: &HashMap<String, Vec<String>>) -> Layout {
        let tags_of = |id: &str| tags.get(id).map(Vec::as_slice).unwrap_or_default();
        let mut groups: Vec<String> = Vec::new();
        let mut all_tags: Vec<String> = Vec::new();
        for r in rules {
            let own = tags_of(&r.id);
            if let Some(first) = own.first() {
                if !groups.contains(first) {
                    groups.push(first.clone());
                }
            }
            for t in own {
                if !all_tags.contains(t) {
                    all_tags.push(t.clone());
                }
            }
        }
        let mut columns = Vec::new();
        let mut column_of = HashMap::new();
        for (g, group) in groups.iter().enumerate() {
            let members: Vec<&RuleInfo> = rules
                .iter()
                .filter(|r| tags_of(&r.id).first() == Some(group))
                .collect();
            let mut unnamed = Vec::new();
            for r in &members {
                let names: Vec<&str> = tags_of(&r.id)[1..]
                    .iter()
                    .filter(|t| !groups.contains(t))
                    .map(String::as_str)
                    .collect();
                if names.is_empty() {
                    unnamed.push(r.id.clone());
                    continue;
                }
                column_of.insert(r.id.clone(), columns.len());
                columns.push(Column {
                    group: Some(g),
                    label: names.join("、"),
                    whole_group: false,
                    rules: vec![r.id.clone()],
                    tags: tags_of(&r.id).to_vec(),
                });
            }
            if !unnamed.is_empty() {
                let whole_group = unnamed.len() == members.len();
                let mut own_tags: Vec<String> = Vec::new();
                for id in &unnamed {
                    column_of.insert(id.clone(), columns.len());
                    for t in tags_of(id) {
                        if !own_tags.contains(t) {
                            own_tags.push(t.clone());
                        }
                    }
                }
                columns.push(Column {
                    group: Some(g),
                    label: if whole_group {
                        group.clone()
                    } else {
                        "其他".to_string()
                    },
                    whole_group,
                    rules: unnamed,
                    tags: own_tags,
                });
            }
        }
        let rest = columns.len();
        let untagged: Vec<String> = rules
            .iter()
            .filter(|r| tags_of(&r.id).is_empty())
            .map(|r| r.id.clone())
            .collect();
        for id in &untagged {
            column_of.insert(id.clone(), rest);
        }
        columns.push(Column {
            group: None,
            label: "未分组".to_string(),
            whole_group: true,
            rules: untagged,
            tags: Vec::new(),
        });
        Layout {
            rules: rules.to_vec(),
            tags: tags.clone(),
            groups,
            columns,
            column_of,
            rest,
            all_tags,
        }
    }

    fn column(&self, rule: &str) -> usize {
        self.column_of.get(rule).copied().unwrap_or(self.rest)
    }

    fn tags(&self, rule: &str) -> &[String] {
        self.tags.get(rule).map(Vec::as_slice).unwrap_or_default()
    }
}

/// One matrix cell of one report.
#[derive(Clone, Default)]
struct Cell {
    count: usize,
    /// The report's first finding counted here (0-based).
    first: Option<usize>,
    worst: Option<Severity>,
}

/// One report's row of the overview.
struct Row {
    name: String,
    failed: bool,
    counts: [usize; 3],
    cells: Vec<Cell>,
}

/// The page being built: rows and rendered report sections, in the order reports are added.
pub struct HtmlPage {
    layout: Layout,
    rows: Vec<Row>,
    sections: Vec<String>,
}

impl HtmlPage {
    /// `rules`: the rules that run, in order; `tags`: each rule's tags by `pack/id`.
    pub fn new(rules: &[RuleInfo], tags: &HashMap<String, Vec<String>>) -> HtmlPage {
        HtmlPage {
            layout: Layout::new(rules, tags),
            rows: Vec::new(),
            sections: Vec::new(),
        }
    }

    /// Add one checked report (in the order the page shows them).
    pub fn add(&mut self, report: &FileReport) {
        let n = self.rows.len() + 1;
        let mut cells = vec![Cell::default(); self.layout.columns.len()];
        let mut counts = [0; 3];
        for (i, f) in report.findings.iter().enumerate() {
            counts[severity_index(f.finding.severity)] += 1;
            let cell = &mut cells[self.layout.column(&f.finding.rule)];
            cell.count += 1;
            cell.first.get_or_insert(i);
            cell.worst = cell.worst.max(Some(f.finding.severity));
        }
        let name = report.shown_path();
        let mut section = String::new();
        self.section(n, &name, report, counts, &mut section);
        self.sections.push(section);
        self.rows.push(Row {
            name,
            failed: report.error.is_some(),
            counts,
            cells,
        });
    }

    /// The whole page: an HTML document.
    pub fn page(&self, summary: &Summary) -> String {
        let mut out = String::new();
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{TITLE}</title>\n<style>body{{margin:1em 1.5em}}</style>\n</head>\n<body>\n"
        );
        self.write_fragment(summary, &mut out);
        out.push_str("</body>\n</html>\n");
        out
    }

    /// The page's body alone: one `<div class="rl">` holding its own `<style>` and `<script>`
    /// (every style is scoped under `.rl`), to embed in another page.
    pub fn fragment(&self, summary: &Summary) -> String {
        let mut out = String::new();
        self.write_fragment(summary, &mut out);
        out
    }

    fn write_fragment(&self, summary: &Summary, out: &mut String) {
        let _ = writeln!(
            out,
            "<div class=\"rl\">\n<style>{STYLE}</style>\n<h1>{TITLE}</h1>"
        );
        self.write_summary(summary, out);
        if !self.rows.is_empty() {
            self.write_filters(out);
            self.write_matrix(out);
            out.push_str("<section class=\"reports\">\n<h2>各报告详情</h2>\n<p class=\"hint noprint\">点击报告名称展开，查看问题清单和标出问题的原文。<button type=\"button\" data-open=\"1\">全部展开</button> <button type=\"button\" data-open=\"0\">全部收起</button></p>\n");
            for s in &self.sections {
                out.push_str(s);
            }
            out.push_str("</section>\n");
        }
        self.write_legend(out);
        let _ = writeln!(out, "<script>{SCRIPT}</script>\n</div>");
    }

    fn write_summary(&self, summary: &Summary, out: &mut String) {
        let with_findings = self
            .rows
            .iter()
            .filter(|r| r.counts.iter().sum::<usize>() > 0)
            .count();
        let _ = writeln!(
            out,
            "<p class=\"summary\" data-files=\"{}\" data-errors=\"{}\" data-warnings=\"{}\" data-infos=\"{}\">共检查 {} 份报告，{} 份有问题：错误 {} 个，警告 {} 个，提示 {} 个{}。</p>",
            summary.files,
            summary.errors,
            summary.warnings,
            summary.infos,
            summary.files,
            with_findings,
            summary.errors,
            summary.warnings,
            summary.infos,
            if summary.failed_files > 0 {
                format!("；{} 份未能检查", summary.failed_files)
            } else {
                String::new()
            },
        );
        for e in &summary.pack_errors {
            let _ = writeln!(
                out,
                "<p class=\"summary failed\">规则包未能加载，其规则未运行：{}</p>",
                escape(e)
            );
        }
    }

    fn write_filters(&self, out: &mut String) {
        out.push_str("<form class=\"filters\" hidden>\n<span>级别：");
        for s in Severity::ALL {
            let _ = write!(
                out,
                "<label><input type=\"checkbox\" name=\"sev\" value=\"{}\" checked> {}</label> ",
                s.as_str(),
                severity_name(s)
            );
        }
        out.push_str("</span>\n<label>标签：<select name=\"tag\"><option value=\"\">全部</option>");
        for t in &self.layout.all_tags {
            let t = escape(t);
            let _ = write!(out, "<option value=\"{t}\">{t}</option>");
        }
        out.push_str("</select></label>\n<label>规则：<select name=\"rule\"><option value=\"\">全部</option>");
        for r in &self.layout.rules {
            let _ = write!(
                out,
                "<option value=\"{}\">{} {}</option>",
                escape(&r.id),
                escape(&r.id),
                escape(&summary_of(r))
            );
        }
        out.push_str("</select></label>\n<label><input type=\"checkbox\" name=\"only\"> 只看有问题的报告</label>\n<button type=\"reset\">重置</button> <span class=\"shown\"></span>\n</form>\n");
    }

    fn write_matrix(&self, out: &mut String) {
        let layout = &self.layout;
        // Columns shown: every rule column, and the untagged column only when it counts
        // something (untagged rules, or findings of unlisted rules).
        let rest_used = !layout.columns[layout.rest].rules.is_empty()
            || self.rows.iter().any(|r| r.cells[layout.rest].count > 0);
        let shown: Vec<usize> = (0..layout.columns.len())
            .filter(|&c| c != layout.rest || rest_used)
            .collect();
        out.push_str("<div class=\"wrap\">\n<table class=\"matrix\">\n<thead>\n<tr class=\"g\">");
        let folder = common_folder(self.rows.iter().map(|r| r.name.as_str()));
        let _ = write!(
            out,
            "<th class=\"file\" rowspan=\"2\" data-k=\"0\" scope=\"col\">报告{}</th>",
            if folder.is_empty() {
                String::new()
            } else {
                format!("<div class=\"folder\">（均在 {} 下）</div>", escape(folder))
            }
        );
        for (k, s) in Severity::ALL.iter().enumerate() {
            let _ = write!(
                out,
                "<th rowspan=\"2\" data-k=\"{}\" scope=\"col\">{}</th>",
                k + 1,
                severity_name(*s)
            );
        }
        // The first header row: a cell per group (spanning its columns), or the column itself
        // when it stands for its whole group.
        let mut second = String::new();
        let mut i = 0;
        while i < shown.len() {
            let c = shown[i];
            let col = &layout.columns[c];
            let k = 4 + i;
            if col.whole_group {
                let _ = write!(
                    out,
                    "<th rowspan=\"2\" class=\"v\" data-k=\"{k}\" {} title=\"{}\"><span>{}</span></th>",
                    self.column_attributes(c),
                    escape(&self.column_title(c)),
                    escape(&col.label)
                );
                i += 1;
                continue;
            }
            let g = col.group.unwrap_or_default();
            let span = shown[i..]
                .iter()
                .take_while(|&&d| {
                    layout.columns[d].group == Some(g) && !layout.columns[d].whole_group
                })
                .count();
            let _ = write!(
                out,
                "<th colspan=\"{span}\" data-span data-g=\"{g}\" scope=\"colgroup\">{}</th>",
                escape(&layout.groups[g])
            );
            for (j, &d) in shown[i..i + span].iter().enumerate() {
                let _ = write!(
                    second,
                    "<th class=\"v\" data-k=\"{}\" {} title=\"{}\"><span>{}</span></th>",
                    k + j,
                    self.column_attributes(d),
                    escape(&self.column_title(d)),
                    escape(&layout.columns[d].label)
                );
            }
            i += span;
        }
        out.push_str("</tr>\n");
        if !second.is_empty() {
            let _ = writeln!(out, "<tr class=\"r\">{second}</tr>");
        }
        out.push_str("</thead>\n<tbody>\n");
        for (r, row) in self.rows.iter().enumerate() {
            let n = r + 1;
            let name = escape(&row.name);
            let short = escape(&row.name[folder.len()..]);
            let _ = write!(
                out,
                "<tr data-n=\"{n}\" data-file=\"{name}\" data-errors=\"{}\" data-warnings=\"{}\" data-infos=\"{}\"{}>",
                row.counts[0],
                row.counts[1],
                row.counts[2],
                if row.failed { " data-failed" } else { "" }
            );
            let _ = write!(
                out,
                "<th scope=\"row\" data-v=\"{short}\" title=\"{name}\"><a href=\"#r{n}\">{short}</a>{}</th>",
                if row.failed {
                    " <span class=\"failed\">（未能检查）</span>"
                } else {
                    ""
                }
            );
            for (k, s) in Severity::ALL.iter().enumerate() {
                let v = row.counts[k];
                let class = if v == 0 { "zero" } else { s.as_str() };
                let _ = write!(out, "<td class=\"n {class}\" data-v=\"{v}\">{v}</td>");
            }
            for &c in &shown {
                let cell = &row.cells[c];
                match (cell.first, cell.worst) {
                    _ if row.failed => {
                        let _ = write!(out, "<td class=\"na\" data-c=\"{c}\" data-v=\"-1\">—</td>");
                    }
                    (Some(first), Some(worst)) => {
                        let count = if cell.count > 1 {
                            format!("<sub>{}</sub>", cell.count)
                        } else {
                            String::new()
                        };
                        let _ = write!(
                            out,
                            "<td class=\"x {}\" data-c=\"{c}\" data-v=\"{}\"><a href=\"#f{n}-{}\" title=\"{} 个问题\">✗</a>{count}</td>",
                            worst.as_str(),
                            cell.count,
                            first + 1,
                            cell.count
                        );
                    }
                    _ => {
                        let _ = write!(out, "<td class=\"ok\" data-c=\"{c}\" data-v=\"0\">✓</td>");
                    }
                }
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n</div>\n<p class=\"hint\">✗：该报告有这一列规则发现的问题（下标为个数），点击跳到第一个问题；✓：没有发现问题。列的分组是规则的第一个标签，列名见文末“规则说明”。");
        out.push_str("<span class=\"noprint\">点击表头排序。</span></p>\n");
    }

    /// `data-` attributes of a column's header: its index, group, rules and tags (`|a|b|`).
    fn column_attributes(&self, c: usize) -> String {
        let col = &self.layout.columns[c];
        let group = col
            .group
            .map(|g| format!(" data-g=\"{g}\""))
            .unwrap_or_default();
        format!(
            "data-c=\"{c}\"{group} data-rules=\"|{}|\" data-tags=\"|{}|\"",
            escape(&col.rules.join("|")),
            escape(&col.tags.join("|"))
        )
    }

    /// A column's tooltip: its rules and what each says.
    fn column_title(&self, c: usize) -> String {
        let col = &self.layout.columns[c];
        if col.rules.is_empty() {
            return "未列出的规则".to_string();
        }
        col.rules
            .iter()
            .map(|id| match self.layout.rules.iter().find(|r| &r.id == id) {
                Some(r) => format!("{id}：{}", summary_of(r)),
                None => id.clone(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn write_legend(&self, out: &mut String) {
        let layout = &self.layout;
        if layout.rules.is_empty() {
            return;
        }
        out.push_str("<section class=\"legend\">\n<h2>规则说明</h2>\n<table>\n<thead><tr><th>列</th><th>规则</th><th>级别</th><th>问题</th><th>依据</th></tr></thead>\n<tbody>\n");
        for r in &layout.rules {
            let col = &layout.columns[layout.column(&r.id)];
            let column = match col.group {
                Some(g) if !col.whole_group => {
                    format!("{} / {}", layout.groups[g], col.label)
                }
                _ => col.label.clone(),
            };
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"rule\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&column),
                escape(&r.id),
                severity_name(r.severity),
                escape(&summary_of(r)),
                escape(r.reference.as_deref().unwrap_or(""))
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }

    /// One report: collapsed, with its findings and its highlighted text.
    fn section(
        &self,
        n: usize,
        name: &str,
        report: &FileReport,
        counts: [usize; 3],
        out: &mut String,
    ) {
        let name = escape(name);
        let total: usize = counts.iter().sum();
        let _ = write!(
            out,
            "<details class=\"report\" id=\"r{n}\" data-n=\"{n}\" data-total=\"{total}\"{}>\n<summary><strong>{name}</strong><span class=\"counts\">",
            if report.error.is_some() {
                " data-failed"
            } else {
                ""
            }
        );
        if report.error.is_some() {
            out.push_str("未能检查");
        } else if total == 0 {
            out.push_str("未发现问题");
        } else {
            let parts: Vec<String> = Severity::ALL
                .iter()
                .zip(counts)
                .filter(|(_, c)| *c > 0)
                .map(|(s, c)| format!("{} {c}", severity_name(*s)))
                .collect();
            out.push_str(&parts.join(" · "));
        }
        out.push_str("</span></summary>\n");
        if let Some(err) = &report.error {
            let _ = writeln!(
                out,
                "<p class=\"failed\">未能检查：{}</p>",
                escape(&super::escape_controls(err))
            );
        }
        if !report.findings.is_empty() {
            out.push_str("<ol class=\"findings\">\n");
            for (i, f) in report.findings.iter().enumerate() {
                let d = &f.finding;
                let tags = self.layout.tags(&d.rule).join("|");
                let _ = write!(
                    out,
                    "<li id=\"f{n}-{}\" data-sev=\"{}\" data-rule=\"{}\" data-tags=\"|{}|\"><span class=\"sev {}\">{}</span> {}",
                    i + 1,
                    d.severity.as_str(),
                    escape(&d.rule),
                    escape(&tags),
                    d.severity.as_str(),
                    severity_name(d.severity),
                    escape(&d.message)
                );
                if let Some(p) = f.primary() {
                    let _ = write!(
                        out,
                        " <a class=\"at\" href=\"#t{n}-{}\" title=\"在原文中查看\">第 {} 行第 {} 列</a>",
                        i + 1,
                        p.start.line,
                        p.start.column
                    );
                }
                let _ = write!(out, " <span class=\"rule\">{}</span>", escape(&d.rule));
                if d.folded > 0 {
                    let _ = write!(out, "（另有 {} 处，原文中均已标出）", d.folded);
                }
                if let Some(help) = &d.help {
                    let _ = write!(out, "<div class=\"help\">{}</div>", escape(help));
                }
                if let Some(note) = &d.note {
                    let _ = write!(out, "<div class=\"note\">{}</div>", escape(note));
                }
                if let Some(reference) = &d.reference {
                    let _ = write!(out, "<div class=\"ref\">依据：{}</div>", escape(reference));
                }
                out.push_str("</li>\n");
            }
            out.push_str("</ol>\n");
        }
        if let Some(source) = &report.source {
            highlighted(n, report, &source.text, out);
        }
        out.push_str("</details>\n");
    }
}

/// The folder every name is in (up to and with its last `/`), so the overview can show
/// names without it; empty when the names share no folder.
fn common_folder<'a>(mut names: impl Iterator<Item = &'a str>) -> &'a str {
    let Some(first) = names.next() else {
        return "";
    };
    let mut len = first.rfind('/').map_or(0, |i| i + 1);
    for name in names {
        while len > 0 && !(name.len() > len && name.as_bytes()[..len] == first.as_bytes()[..len]) {
            len = first[..len - 1].rfind('/').map_or(0, |i| i + 1);
        }
    }
    &first[..len]
}

/// A rule's message without its placeholders: each run of `…` (one per character of a
/// `{name}` the summary left out) as one `…`.
fn summary_of(rule: &RuleInfo) -> String {
    let mut out = String::with_capacity(rule.summary.len());
    for c in rule.summary.chars() {
        if !(c == '…' && out.ends_with('…')) {
            out.push(c);
        }
    }
    out
}

fn severity_index(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

/// The report's text with every place a finding points at (its labels and the occurrences
/// folded into it) marked; each mark is coloured by the most severe finding covering it and
/// names every covering finding in its tooltip. Each finding's anchor `t{n}-{i}` stands where
/// its first label starts. One sweep over the sorted label ends: linear in text and labels.
fn highlighted(n: usize, report: &FileReport, text: &str, out: &mut String) {
    let valid = |s: &crate::diag::Span| {
        s.start < s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    // (position, +1 start / -1 end, finding)
    let mut events: Vec<(usize, i8, usize)> = Vec::new();
    let mut anchors: Vec<(usize, usize)> = Vec::new();
    for (i, f) in report.findings.iter().enumerate() {
        let spans = f
            .finding
            .labels
            .iter()
            .chain(f.finding.folded_labels.iter())
            .map(|l| l.span.clone());
        for s in spans.filter(|s| valid(s)) {
            events.push((s.start, 1, i));
            events.push((s.end, -1, i));
        }
        let at = f
            .finding
            .labels
            .first()
            .map(|l| l.span.start.min(text.len()))
            .filter(|&p| text.is_char_boundary(p))
            .unwrap_or(0);
        anchors.push((at, i));
    }
    events.sort_unstable();
    anchors.sort_unstable();
    let mut depth = vec![0u32; report.findings.len()];
    let mut active: BTreeSet<usize> = BTreeSet::new();
    let mut next_event = 0;
    let mut next_anchor = 0;
    let mut pos = 0;
    out.push_str("<div class=\"text\">");
    loop {
        while next_event < events.len() && events[next_event].0 == pos {
            let (_, delta, i) = events[next_event];
            if delta > 0 {
                depth[i] += 1;
                active.insert(i);
            } else {
                depth[i] = depth[i].saturating_sub(1);
                if depth[i] == 0 {
                    active.remove(&i);
                }
            }
            next_event += 1;
        }
        while next_anchor < anchors.len() && anchors[next_anchor].0 <= pos {
            let _ = write!(
                out,
                "<span id=\"t{n}-{}\"></span>",
                anchors[next_anchor].1 + 1
            );
            next_anchor += 1;
        }
        if pos >= text.len() {
            break;
        }
        let end = events
            .get(next_event)
            .map_or(text.len(), |e| e.0.min(text.len()));
        let piece = escape(&text[pos..end]);
        match active
            .iter()
            .map(|&i| report.findings[i].finding.severity)
            .max()
        {
            Some(severity) => {
                let title: Vec<String> = active
                    .iter()
                    .map(|&i| {
                        let f = &report.findings[i].finding;
                        format!("{}：{}", f.rule, f.message)
                    })
                    .collect();
                let _ = write!(
                    out,
                    "<mark class=\"{}\" title=\"{}\">{piece}</mark>",
                    severity.as_str(),
                    escape(&title.join("\n"))
                );
            }
            None => out.push_str(&piece),
        }
        pos = end;
    }
    out.push_str("</div>\n");
}

/// The whole page (an HTML document) for `reports`, in the order given, as `check --format
/// html` writes it: `rules` are the rules that ran (in order), `tags` each rule's tags by
/// `pack/id`, `summary` the run's totals ([`Summary::add`] over the reports, plus the packs
/// that failed to load). Reports need their `source` for the text to show.
pub fn render_page(
    reports: &[FileReport],
    summary: &Summary,
    rules: &[RuleInfo],
    tags: &HashMap<String, Vec<String>>,
) -> String {
    let mut page = HtmlPage::new(rules, tags);
    for r in reports {
        page.add(r);
    }
    page.page(summary)
}

/// `check --format html`: keeps each report's row and rendered section, writes the page at
/// the end.
pub struct HtmlPrinter {
    page: HtmlPage,
}

impl HtmlPrinter {
    pub fn new(rules: &[RuleInfo], tags: &HashMap<String, Vec<String>>) -> HtmlPrinter {
        HtmlPrinter {
            page: HtmlPage::new(rules, tags),
        }
    }
}

impl Printer for HtmlPrinter {
    fn file(&mut self, report: &FileReport, _out: &mut dyn Write) -> io::Result<()> {
        self.page.add(report);
        Ok(())
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(self.page.page(summary).as_bytes())
    }

    fn needs_source(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Label, LocatedFinding};
    use crate::model::position::LineIndex;
    use crate::output::Source;

    fn info(id: &str, severity: Severity, summary: &str) -> RuleInfo {
        RuleInfo {
            id: id.to_string(),
            severity,
            summary: summary.to_string(),
            help: None,
            reference: None,
        }
    }

    fn tags(list: &[(&str, &[&str])]) -> HashMap<String, Vec<String>> {
        list.iter()
            .map(|(id, t)| (id.to_string(), t.iter().map(|t| t.to_string()).collect()))
            .collect()
    }

    fn report(path: &str, text: &str, findings: Vec<LocatedFinding>) -> FileReport {
        FileReport {
            path: path.to_string(),
            path_bytes: None,
            error: None,
            findings,
            source: Some(Source {
                text: text.to_string(),
                lines: LineIndex::new(text),
            }),
        }
    }

    fn finding(rule: &str, severity: Severity, span: std::ops::Range<usize>) -> LocatedFinding {
        LocatedFinding::for_test(rule, severity, span)
    }

    #[test]
    fn columns_are_grouped_by_first_tag_and_headed_by_a_name_tag() {
        let rules = [
            info("p/a", Severity::Error, "a"),
            info("p/b", Severity::Warning, "b"),
            info("p/c", Severity::Error, "c"),
            info("p/d", Severity::Warning, "d"),
            info("p/e", Severity::Info, "e"),
            info("p/f", Severity::Info, "f"),
        ];
        let tags = tags(&[
            ("p/a", &["必备内容", "举措"]),
            ("p/b", &["重点任务", "执法"]),
            ("p/c", &["数据核对"]),
            // Its other tag is a group, not a name: counted in the 用语 column.
            ("p/d", &["用语", "数据核对"]),
            ("p/e", &["必备内容"]),
        ]);
        let layout = Layout::new(&rules, &tags);
        assert_eq!(layout.groups, ["必备内容", "重点任务", "数据核对", "用语"]);
        let shape: Vec<(Option<usize>, &str, bool, Vec<&str>)> = layout
            .columns
            .iter()
            .map(|c| {
                let rules = c.rules.iter().map(String::as_str).collect();
                (c.group, c.label.as_str(), c.whole_group, rules)
            })
            .collect();
        assert_eq!(
            shape,
            [
                (Some(0), "举措", false, vec!["p/a"]),
                (Some(0), "其他", false, vec!["p/e"]),
                (Some(1), "执法", false, vec!["p/b"]),
                (Some(2), "数据核对", true, vec!["p/c"]),
                (Some(3), "用语", true, vec!["p/d"]),
                (None, "未分组", true, vec!["p/f"]),
            ]
        );
        // A finding of a rule the run does not list is counted with the untagged rules.
        assert_eq!(layout.column("other/x"), layout.rest);
        assert_eq!(layout.column("p/d"), 4);
    }

    #[test]
    fn hostile_file_names_rule_texts_and_report_texts_are_escaped() {
        let evil = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>";
        let rules = [RuleInfo {
            id: format!("p/r{evil}"),
            severity: Severity::Error,
            summary: format!("summary{evil}"),
            help: Some(format!("help{evil}")),
            reference: Some(format!("ref{evil}")),
        }];
        let tags = tags(&[(rules[0].id.as_str(), &[evil, evil])]);
        let text = format!("标题{evil}</div></details>正文");
        let mut f = finding(&rules[0].id, Severity::Error, 0..text.len());
        f.finding.message = format!("message{evil}");
        f.finding.help = Some(format!("help{evil}"));
        f.finding.reference = Some(format!("ref{evil}"));
        f.finding.note = Some(format!("note{evil}"));
        let mut failed = report(&format!("b{evil}.txt"), "", Vec::new());
        failed.error = Some(format!("cannot read{evil}"));
        failed.source = None;
        let reports = [report(&format!("a{evil}.txt"), &text, vec![f]), failed];
        let mut summary = Summary {
            pack_errors: vec![format!("pack{evil}")],
            ..Summary::default()
        };
        reports.iter().for_each(|r| summary.add(r));
        let page = render_page(&reports, &summary, &rules, &tags);
        assert_eq!(
            page.matches("<script").count(),
            1,
            "only the page's own script"
        );
        assert_eq!(page.matches("</script>").count(), 1);
        assert!(!page.contains("<img"), "{page}");
        assert!(!page.contains("'>"), "no attribute is closed by the input");
        assert!(page
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"));
        assert_eq!(page.matches("</details>").count(), 2, "one per report");
        for part in [
            "summary",
            "help",
            "ref",
            "note",
            "message",
            "cannot read",
            "pack",
        ] {
            assert!(
                page.contains(&format!("{part}&quot;&#39;&gt;&lt;script&gt;")),
                "{part} is shown, escaped"
            );
        }
        let mut built = HtmlPage::new(&rules, &tags);
        for r in &reports {
            built.add(r);
        }
        let fragment = built.fragment(&summary);
        assert!(fragment.starts_with("<div class=\"rl\">") && fragment.ends_with("</div>\n"));
        assert!(
            page.contains(&fragment),
            "the page is the fragment in a document"
        );
    }

    #[test]
    fn every_occurrence_is_marked_once_and_anchors_are_unique() {
        let text = "甲,乙,丙,丁。第一职责人";
        let comma = |n: usize| {
            let at = text.match_indices(',').nth(n).map(|(i, _)| i).unwrap_or(0);
            at..at + 1
        };
        // One finding with a label and two folded occurrences; one overlapping finding over
        // the whole text; one without a usable span (anchored at the start).
        let mut halfwidth = finding("p/halfwidth", Severity::Info, comma(0));
        halfwidth.finding.folded = 2;
        halfwidth.finding.folded_labels =
            vec![Label::new(comma(1), None), Label::new(comma(2), None)];
        let whole = finding("p/whole", Severity::Warning, 0..text.len());
        let broken = finding("p/broken", Severity::Error, 1..2);
        let term_at = text.find("第一职责人").unwrap_or(0);
        let term = finding("p/term", Severity::Error, term_at..text.len());
        let r = report("x.txt", text, vec![halfwidth, whole, broken, term]);
        let mut out = String::new();
        highlighted(1, &r, text, &mut out);
        // Three commas marked (info under the warning: coloured as the warning, named both).
        let commas = out.matches(">,</mark>").count();
        assert_eq!(commas, 3, "{out}");
        assert_eq!(
            out.matches("title=\"p/halfwidth：m\np/whole：m\">,</mark>")
                .count(),
            3,
            "{out}"
        );
        assert!(
            out.contains("<mark class=\"error\" title=\"p/whole：m\np/term：m\">第一职责人</mark>"),
            "{out}"
        );
        for i in 1..=4 {
            assert_eq!(out.matches(&format!("id=\"t1-{i}\"")).count(), 1, "{out}");
        }
        // The text reads the same with the tags taken out.
        let plain = out
            .split('<')
            .map(|s| s.split_once('>').map_or(s, |(_, rest)| rest))
            .collect::<String>();
        assert_eq!(plain.trim_end(), text);
    }

    #[test]
    fn the_printer_writes_what_render_page_renders() {
        let rules = [info("p/a", Severity::Error, "报告写 …… 件")];
        let tags = tags(&[("p/a", &["必备内容", "举措"])]);
        let reports = [
            report(
                "d/a.txt",
                "一二三",
                vec![finding("p/a", Severity::Error, 0..3)],
            ),
            report("d/b.txt", "四五六", Vec::new()),
        ];
        let mut summary = Summary::default();
        let mut printer = HtmlPrinter::new(&rules, &tags);
        let mut out = Vec::new();
        for r in &reports {
            summary.add(r);
            printer.file(r, &mut out).expect("written");
        }
        assert!(
            out.is_empty(),
            "nothing before the end: the overview needs every report"
        );
        printer.finish(&summary, &mut out).expect("written");
        let page = render_page(&reports, &summary, &rules, &tags);
        assert_eq!(String::from_utf8(out).expect("UTF-8"), page);
        assert!(page.contains("<a href=\"#f1-1\" title=\"1 个问题\">✗</a>"));
        assert!(page.contains("p/a：报告写 … 件"), "placeholders shown once");
        assert!(page.contains("（均在 d/ 下）"));
    }

    #[test]
    fn names_are_shown_without_the_folder_they_all_share() {
        assert_eq!(
            common_folder(["a/b/c.txt", "a/b/d/e.txt"].into_iter()),
            "a/b/"
        );
        assert_eq!(
            common_folder(["a/bc/x.txt", "a/bd/y.txt"].into_iter()),
            "a/"
        );
        assert_eq!(common_folder(["x.txt", "a/y.txt"].into_iter()), "");
        assert_eq!(common_folder(["/s/报告/甲.txt"].into_iter()), "/s/报告/");
        assert_eq!(common_folder(std::iter::empty()), "");
    }
}
