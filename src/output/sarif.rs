//! `--format sarif`: SARIF 2.1.0, as code-scanning services accept it.
//!
//! The rule table comes first (from the loaded packs), then one result per finding; files
//! that could not be checked become tool execution notifications. Columns are counted in
//! Unicode code points (`columnKind: unicodeCodePoints`), matching every other format.

use serde_json::{json, Value};
use std::io::{self, Write};

use super::{uri, FileReport, Printer, RuleInfo, Summary};
use crate::pack::model::Severity;

pub struct SarifPrinter {
    rules: Vec<RuleInfo>,
    first: bool,
    notifications: Vec<Value>,
}

impl SarifPrinter {
    pub fn new(mut rules: Vec<RuleInfo>) -> Self {
        rules.sort_by(|a, b| a.id.cmp(&b.id));
        SarifPrinter {
            rules,
            first: true,
            notifications: Vec::new(),
        }
    }
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

impl Printer for SarifPrinter {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let rules: Vec<Value> = self
            .rules
            .iter()
            .map(|r| {
                let mut rule = json!({
                    "id": r.id,
                    "shortDescription": {"text": r.summary},
                    "defaultConfiguration": {"level": level(r.severity)},
                });
                if let Some(help) = &r.help {
                    rule["help"] = json!({"text": help});
                }
                if let Some(reference) = &r.reference {
                    rule["fullDescription"] =
                        json!({"text": format!("{} (依据：{reference})", r.summary)});
                }
                rule
            })
            .collect();
        let driver = json!({
            "name": "reportlint",
            "version": env!("CARGO_PKG_VERSION"),
            "informationUri": "https://crates.io/crates/reportlint",
            "rules": rules,
        });
        write!(
            out,
            "{{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{{\"tool\":{{\"driver\":{driver}}},\"columnKind\":\"unicodeCodePoints\",\"results\":["
        )
    }

    fn file(&mut self, report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        if let Some(err) = &report.error {
            self.notifications.push(json!({
                "level": "error",
                "message": {"text": format!("{}: {err}", report.path)},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(report.name_bytes())}}}],
            }));
        }
        for f in &report.findings {
            let region = |l: &crate::diag::LocatedLabel| {
                let mut region = json!({
                    "startLine": l.start.line,
                    "startColumn": l.start.column,
                    "endLine": l.end.line,
                    "endColumn": l.end.column,
                });
                // Byte offsets only where they are offsets into the file itself (not into
                // text extracted from a .docx or a web page).
                if let Some(span) = &l.file_span {
                    region["byteOffset"] = json!(span.start);
                    region["byteLength"] = json!(span.end - span.start);
                }
                region
            };
            let artifact = json!({"uri": uri(report.name_bytes())});
            let mut result = json!({
                "ruleId": f.finding.rule,
                "level": level(f.finding.severity),
                "message": {"text": f.finding.message},
            });
            if let Some(i) = self.rules.iter().position(|r| r.id == f.finding.rule) {
                result["ruleIndex"] = json!(i);
            }
            match f.primary() {
                Some(p) => {
                    let mut location = json!({"physicalLocation": {"artifactLocation": artifact, "region": region(p)}});
                    // The primary label says what is wrong at the place (a stated rate with
                    // the computed one); code-scanning viewers show it beside the line.
                    if let Some(text) = &p.label.text {
                        location["message"] = json!({"text": text});
                    }
                    result["locations"] = json!([location]);
                }
                None => {
                    result["locations"] =
                        json!([{"physicalLocation": {"artifactLocation": artifact}}]);
                }
            }
            // Every other label, then every folded occurrence: no place is lost.
            let related: Vec<Value> = f
                .labels
                .iter()
                .chain(&f.folded)
                .enumerate()
                .skip(1)
                .map(|(i, l)| {
                    let mut loc = json!({
                        "id": i,
                        "physicalLocation": {"artifactLocation": {"uri": uri(report.name_bytes())}, "region": region(l)},
                    });
                    if let Some(text) = &l.label.text {
                        loc["message"] = json!({"text": text});
                    }
                    loc
                })
                .collect();
            if !related.is_empty() {
                result["relatedLocations"] = json!(related);
            }
            if let Some(fix) = &f.finding.fix {
                if let (Some(p), Some(text)) = (f.primary(), fix.replacements.first()) {
                    result["fixes"] = json!([{
                        "description": {"text": format!("改为“{text}”")},
                        "artifactChanges": [{
                            "artifactLocation": {"uri": uri(report.name_bytes())},
                            "replacements": [{
                                "deletedRegion": region(p),
                                "insertedContent": {"text": text},
                            }],
                        }],
                    }]);
                }
            }
            if !self.first {
                out.write_all(b",")?;
            }
            self.first = false;
            serde_json::to_writer(&mut *out, &result).map_err(io::Error::other)?;
        }
        Ok(())
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        for e in &summary.pack_errors {
            self.notifications.push(json!({
                "level": "error",
                "message": {"text": crate::tr!("sarif-pack-not-loaded", error = e)},
            }));
        }
        let mut invocation = json!({
            "executionSuccessful": summary.failed_files == 0 && summary.pack_errors.is_empty(),
            "toolExecutionNotifications": self.notifications,
        });
        // Which configuration decided what was checked and how (only when one was used).
        if let Some(path) = &summary.configuration {
            invocation["properties"] = json!({"configuration": path});
        }
        let invocation = json!([invocation]);
        writeln!(out, "],\"invocations\":{invocation}}}]}}")
    }
}
