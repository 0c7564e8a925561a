//! `check --annotate OUTDIR`: where each report's annotated Word copy goes, and writing it.
//!
//! A report keeps its path relative to the folder all the reports share, under OUTDIR:
//! `乡镇/甲镇.docx` and `部门/甲镇.docx` stay apart. A text, Markdown or HTML report becomes a
//! `.docx` of the same name (`甲镇.txt` → `甲镇.docx`); if a report of that name is there
//! too, the copy keeps the whole name (`甲镇.txt.docx`). Standard input becomes `stdin.docx`.
//! A copy is never written over a report being checked (refused before anything is
//! checked), and is written atomically; the report itself is only read.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use super::inputs::{refuse_overwriting_inputs, Input};
use crate::config::select;
use crate::output::annotate::{self, Author};
use crate::output::FileReport;
use crate::source::atomic::{self, Policy};

/// The copy each input gets under `outdir`, in input order. Refuses a copy that would
/// overwrite one of the inputs.
pub fn plan(inputs: &[Input], outdir: &Path, cwd: &Path) -> Result<Vec<PathBuf>, String> {
    let absolute: Vec<Option<PathBuf>> = inputs
        .iter()
        .map(|i| match i {
            Input::File(p) => Some(select::absolute(p, cwd)),
            Input::Stdin => None,
        })
        .collect();
    let base = common_folder(absolute.iter().flatten());
    let is_docx = |p: &Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "docx" | "docm" | "dotx"))
    };
    let relative = |p: &Path| -> PathBuf {
        let rel = base
            .as_deref()
            .and_then(|b| p.strip_prefix(b).ok())
            .unwrap_or(p);
        rel.components()
            .filter(|c| matches!(c, Component::Normal(_)))
            .collect()
    };
    // Names taken by copies of Word reports, which keep theirs.
    let taken: HashSet<PathBuf> = absolute
        .iter()
        .flatten()
        .filter(|p| is_docx(p))
        .map(|p| relative(p).with_extension("docx"))
        .collect();
    let mut used = HashSet::new();
    let mut planned = Vec::with_capacity(inputs.len());
    for p in &absolute {
        let mut name = match p {
            None => PathBuf::from("stdin.docx"),
            Some(p) if is_docx(p) => relative(p).with_extension("docx"),
            Some(p) => {
                let plain = relative(p).with_extension("docx");
                if taken.contains(&plain) {
                    let mut whole = relative(p).into_os_string();
                    whole.push(".docx");
                    PathBuf::from(whole)
                } else {
                    plain
                }
            }
        };
        let mut n = 2;
        while !used.insert(name.clone()) {
            let stem = name.with_extension("");
            name = PathBuf::from(format!("{}-{n}.docx", stem.display()));
            n += 1;
        }
        planned.push(outdir.join(name));
    }
    let written: Vec<(&str, Option<&Path>)> = planned
        .iter()
        .map(|p| ("--annotate", Some(p.as_path())))
        .collect();
    for one in written.chunks(1) {
        refuse_overwriting_inputs(one, inputs, cwd)?;
    }
    Ok(planned)
}

/// The deepest folder holding every path.
fn common_folder<'a>(paths: impl Iterator<Item = &'a PathBuf>) -> Option<PathBuf> {
    let mut common: Option<PathBuf> = None;
    for p in paths {
        let folder = p.parent().unwrap_or(p);
        common = Some(match common {
            None => folder.to_path_buf(),
            Some(c) => c
                .components()
                .zip(folder.components())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect(),
        });
    }
    common
}

/// Write the annotated copy of one checked report to `to`. The report must carry its text
/// (`keep_source`). A report that could not be read gets no copy.
pub fn write(
    input: &Input,
    report: &FileReport,
    to: &Path,
    author: &Author,
    options: &crate::source::ReadOptions,
) -> Result<bool, String> {
    if report.error.is_some() && report.findings.is_empty() {
        return Ok(false);
    }
    let Some(source) = &report.source else {
        return Ok(false);
    };
    let comments = annotate::comments_for(report);
    let bytes = match input {
        Input::File(p) => {
            let bytes = std::fs::read(p).map_err(|e| {
                crate::tr!(
                    "file-cannot-read",
                    path = p.display(),
                    error = crate::i18n::io(&e)
                )
            })?;
            if crate::source::format_of(p, &bytes) == crate::source::Format::Docx {
                annotate::annotate_docx(
                    &bytes,
                    options.max_file_size,
                    &source.text,
                    &comments,
                    author,
                )
                .map_err(|e| crate::tr!("annotate-cannot", path = p.display(), error = e))?
            } else {
                annotate::annotate_text(&source.text, &comments, author)
                    .map_err(|e| crate::tr!("annotate-cannot", path = p.display(), error = e))?
            }
        }
        Input::Stdin => annotate::annotate_text(&source.text, &comments, author)
            .map_err(|e| crate::tr!("annotate-cannot-stdin", error = e))?,
    };
    if let Some(folder) = to.parent().filter(|f| !f.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|e| {
            crate::tr!(
                "file-cannot-create-folder",
                path = folder.display(),
                error = crate::i18n::io(&e)
            )
        })?;
    }
    atomic::write_with(to, &bytes, Policy::OUTPUT)
        .map_err(|e| crate::tr!("file-cannot-write", path = to.display(), error = e))?;
    Ok(true)
}
