//! The API: check the uploaded reports on the bounded worker threads and answer in the
//! format asked for, with the printers `check` uses.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::upload::{self, PackUpload, Upload, UploadFile};
use super::{ApiError, App, Rules, Service};
use crate::config::gate::FileKey;
use crate::eval::load::{self, Form};
use crate::eval::Engine;
use crate::output::{self, FileReport, Printer, Summary};
use crate::run::pipeline::{self, Keys, Mode, Work};

/// One error of an uploaded pack, at its line and column (1-based, columns in characters).
#[derive(Debug, Serialize)]
pub struct PackProblem {
    pub line: usize,
    pub column: usize,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

/// Check one uploaded report as `check` checks a file: the name decides the format (by its
/// extension, else by the first bytes) and names the file in the report and in errors; the
/// configuration's per-path settings, suppressions and baseline match on it as a path
/// relative to the configuration's (and the baseline's) folder.
pub fn check_upload(
    service: &Service,
    engine: &Engine,
    name: &str,
    bytes: Result<Vec<u8>, String>,
    keep_source: bool,
) -> FileReport {
    let failed = |error: String| FileReport {
        path: name.to_string(),
        path_bytes: None,
        error: Some(error),
        findings: Vec::new(),
        source: None,
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(error) => return failed(error),
    };
    let source = match crate::source::decode_with(Path::new(name), bytes, &service.read_options) {
        Ok(source) => source,
        Err(error) => return failed(error.to_string()),
    };
    let work = Work {
        engine,
        gate: &service.gate,
        keys: &Keys::default(),
        keep_source,
        mode: Mode::Check,
        read_options: &service.read_options,
    };
    let key = FileKey {
        project: service.config.as_ref().map(|_| name.to_string()),
        baseline: name.to_string(),
    };
    let (doc, gated) = pipeline::analyse(&work, &key, source.text.clone(), Some(&source));
    pipeline::file_report(name.to_string(), doc, gated.findings, keep_source)
}

/// A checked upload: its report, and its bytes when an annotated copy is to be made of a
/// Word file.
pub struct Checked {
    pub report: FileReport,
    pub original: Option<Vec<u8>>,
}

/// Run `job` on a worker thread once a place is free. `local` bounds the places one request
/// takes at once, so a large batch leaves room for other requests.
async fn on_worker<T: Send + 'static>(
    app: &Arc<App>,
    local: &Arc<tokio::sync::Semaphore>,
    job: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ApiError> {
    let stopping = || {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "the server is stopping",
            "服务正在停止",
        )
    };
    let _mine = local
        .clone()
        .acquire_owned()
        .await
        .map_err(|_| stopping())?;
    let _place = app
        .workers
        .clone()
        .acquire_owned()
        .await
        .map_err(|_| stopping())?;
    tokio::task::spawn_blocking(job).await.map_err(|e| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("internal error while checking: {e}"),
            "检查时出现内部错误",
        )
    })
}

/// Read the form, build the rules (with an uploaded pack), check every report in name
/// order (the order `check` reports a folder in) and hand back the reports in that order.
async fn check_form(
    app: &Arc<App>,
    form: Result<Multipart, MultipartRejection>,
    keep_source: bool,
    keep_docx: bool,
) -> Result<(Arc<Rules>, Vec<Checked>), ApiError> {
    let form = form.map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            format!("expected a multipart form (Content-Type: multipart/form-data): {e}"),
            "上传内容不是表单（multipart/form-data）",
        )
    })?;
    let service = &app.service;
    let Upload { mut files, pack } = upload::read(
        form,
        service.limits.max_files,
        service.read_options.max_file_size,
    )
    .await?;
    let share = (service.limits.workers / 2).max(1);
    let local = Arc::new(tokio::sync::Semaphore::new(share));
    let rules = match pack {
        None => service.rules.clone(),
        Some(pack) => {
            let app2 = app.clone();
            Arc::new(on_worker(app, &local, move || pack_rules(&app2.service, pack)).await??)
        }
    };
    files.sort_by(|a, b| Path::new(&a.name).cmp(Path::new(&b.name)));
    let mut running = Vec::with_capacity(files.len());
    for UploadFile { name, bytes } in files {
        let (app2, local2, rules2) = (app.clone(), local.clone(), rules.clone());
        running.push(tokio::spawn(async move {
            let app3 = app2.clone();
            on_worker(&app2, &local2, move || {
                let original = match &bytes {
                    Ok(b)
                        if keep_docx
                            && crate::source::format_of(Path::new(&name), b)
                                == crate::source::Format::Docx =>
                    {
                        Some(b.clone())
                    }
                    _ => None,
                };
                let report = check_upload(&app3.service, &rules2.engine, &name, bytes, keep_source);
                Checked { report, original }
            })
            .await
        }));
    }
    let mut checked = Vec::with_capacity(running.len());
    for task in running {
        let done = task.await.map_err(|e| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("internal error while checking: {e}"),
                "检查时出现内部错误",
            )
        })??;
        checked.push(done);
    }
    Ok((rules, checked))
}

/// The rules with an uploaded pack added to the server's, narrowed again by the
/// configuration and `--rule`/`--skip`. The pack is read from the request only: it may not
/// `extends` another pack or read a term table (those are files), and errors come back with
/// their line and column.
fn pack_rules(service: &Service, pack: PackUpload) -> Result<Rules, ApiError> {
    let refuse = |error: String, message: String| {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, error, message)
    };
    let name = pack.name;
    let Some(form) = Form::of_path(Path::new(&name)) else {
        return Err(refuse(
            format!(
                "{name}: unknown rule pack form (use .rules for the DSL, .yaml or .yml for YAML)"
            ),
            format!("{name}：无法识别规则包格式（DSL 用 .rules，YAML 用 .yaml 或 .yml）"),
        ));
    };
    let text = match String::from_utf8(pack.bytes) {
        Ok(text) if !text.contains('\0') => text,
        _ => {
            return Err(refuse(
                format!("{name} is not UTF-8 text"),
                format!("{name} 不是 UTF-8 文本"),
            ))
        }
    };
    let problems = |errors: &crate::pack::error::PackErrors| -> ApiError {
        let mut e = refuse(
            format!("rule pack {name} has errors"),
            format!("规则包 {name} 有错误"),
        );
        e.pack_errors = errors
            .errors
            .iter()
            .take(crate::pack::error::MAX_SHOWN_ERRORS)
            .map(|p| problem(&text, p))
            .collect();
        e.rendered = Some(render_diagnostic(errors));
        e
    };
    let parsed = match load::parse(&name, &text, form) {
        Ok(pack) => pack,
        Err(errors) => {
            if !load::looks_like_pack(&text, form) {
                return Err(refuse(
                    format!("{name} does not look like a rule pack"),
                    format!("{name} 看起来不是规则包"),
                ));
            }
            return Err(problems(&errors));
        }
    };
    use crate::pack::error::PackError;
    let mut file_bound: Vec<PackError> = Vec::new();
    for e in parsed.extends.iter().chain(&parsed.disable) {
        file_bound.push(
            PackError::new(crate::tr!("serve-pack-no-extends"), e.span.clone())
                .with_label(crate::tr!("serve-not-in-page"))
                .with_help(crate::tr!("serve-pack-no-extends-help")),
        );
    }
    for o in &parsed.overrides {
        file_bound.push(
            PackError::new(crate::tr!("serve-pack-no-overrides"), o.rule.span.clone())
                .with_label(crate::tr!("serve-not-in-page")),
        );
    }
    for r in &parsed.rules {
        if let crate::eval::kinds::Check::Terms(t) = &r.check {
            if let Some(file) = &t.file {
                file_bound.push(
                    PackError::new(crate::tr!("serve-pack-no-term-file"), file.span.clone())
                        .with_label(crate::tr!("serve-a-file"))
                        .with_help(crate::tr!("serve-pack-no-term-file-help")),
                );
            }
        }
    }
    if parsed.rules.is_empty() && file_bound.is_empty() {
        file_bound.push(
            PackError::new(
                crate::tr!("val-pack-has-no-rules", pack = parsed.name.value),
                parsed.name.span.clone(),
            )
            .with_label(crate::tr!("val-pack-checks-nothing")),
        );
    }
    if !file_bound.is_empty() {
        return Err(problems(&crate::pack::error::PackErrors::new(
            &name,
            text.clone(),
            file_bound,
        )));
    }
    let mut set = service.loaded.clone();
    set.rules.extend(parsed.rules());
    set.packs.push(parsed.pack);
    let set = service.narrow(set);
    if set.rules.is_empty() {
        return Err(refuse(
            "no rules to run once the configuration and --rule/--skip are applied".to_string(),
            "按配置筛选后没有可运行的规则".to_string(),
        ));
    }
    Ok(Rules::new(&set))
}

fn problem(text: &str, e: &crate::pack::error::PackError) -> PackProblem {
    let start = e.span.start.min(text.len());
    let start = (0..=start)
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    let before = &text[..start];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    PackProblem {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
        message: e.message.clone(),
        label: e.label.clone(),
        help: e.help.clone(),
    }
}

/// A diagnostic as the command line prints it, without colours.
pub fn render_diagnostic(err: &dyn miette::Diagnostic) -> String {
    let handler =
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .with_links(false);
    let mut out = String::new();
    if handler.render_report(&mut out, err).is_err() {
        out = err.to_string();
    }
    out
}

fn summary_of(service: &Service, reports: &[&FileReport]) -> Summary {
    let mut summary = Summary {
        configuration: service.configuration.clone(),
        ..Summary::default()
    };
    for r in reports {
        summary.add(r);
    }
    summary
}

/// Reports through one printer, as `check --format …` prints them.
fn print(
    mut printer: Box<dyn Printer>,
    reports: &[&FileReport],
    summary: &Summary,
) -> Result<Vec<u8>, ApiError> {
    let mut out = Vec::new();
    let printed = (|| {
        printer.begin(&mut out)?;
        for r in reports {
            printer.file(r, &mut out)?;
        }
        printer.finish(summary, &mut out)
    })();
    printed.map_err(|e| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("cannot write the answer: {e}"),
            "无法生成结果",
        )
    })?;
    Ok(out)
}

/// The HTML report of a batch: the one place that renders reports as a page, so a new
/// renderer is one change here.
pub fn render_html(
    rules: &Rules,
    reports: &[&FileReport],
    summary: &Summary,
) -> Result<Vec<u8>, ApiError> {
    print(
        Box::new(output::html::HtmlPrinter::new(&rules.infos, &rules.tags)),
        reports,
        summary,
    )
}

fn answer(content_type: &'static str, body: Vec<u8>, download: Option<&str>) -> Response {
    let mut response = (StatusCode::OK, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Some(name) = download {
        let value = format!(
            "attachment; filename=\"{}\"; filename*=UTF-8''{}",
            ascii_name(name),
            percent(name)
        );
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(header::CONTENT_DISPOSITION, value);
        }
    }
    response
}

fn percent(name: &str) -> String {
    name.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The name for clients that do not read `filename*`: non-ASCII letters as `_`.
fn ascii_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn query_format(uri: &Uri) -> Option<String> {
    uri.query()
        .unwrap_or_default()
        .split('&')
        .find_map(|pair| pair.strip_prefix("format="))
        .map(str::to_string)
}

/// `POST /api/check`: the JSON of `check --format json` (or `?format=html`: the HTML report).
pub(crate) async fn check(
    State(app): State<Arc<App>>,
    uri: Uri,
    form: Result<Multipart, MultipartRejection>,
) -> Response {
    let format = query_format(&uri);
    let html = match format.as_deref() {
        None | Some("json") => false,
        Some("html") => true,
        Some(other) => {
            return ApiError::new(
                StatusCode::BAD_REQUEST,
                format!("unknown format `{other}`: use json or html"),
                "未知的结果格式",
            )
            .into_response()
        }
    };
    let (rules, checked) = match check_form(&app, form, html, false).await {
        Ok(done) => done,
        Err(e) => return e.into_response(),
    };
    let reports: Vec<&FileReport> = checked.iter().map(|c| &c.report).collect();
    let summary = summary_of(&app.service, &reports);
    let printed = if html {
        render_html(&rules, &reports, &summary)
    } else {
        print(
            Box::new(output::json::JsonPrinter::default()),
            &reports,
            &summary,
        )
    };
    match printed {
        Ok(body) if html => answer("text/html; charset=utf-8", body, None),
        Ok(body) => answer("application/json; charset=utf-8", body, None),
        Err(e) => e.into_response(),
    }
}

/// `POST /api/xlsx`: the review workbook of `check --format xlsx`.
pub(crate) async fn xlsx(
    State(app): State<Arc<App>>,
    form: Result<Multipart, MultipartRejection>,
) -> Response {
    let (rules, checked) = match check_form(&app, form, false, false).await {
        Ok(done) => done,
        Err(e) => return e.into_response(),
    };
    let reports: Vec<&FileReport> = checked.iter().map(|c| &c.report).collect();
    let summary = summary_of(&app.service, &reports);
    let printer = Box::new(output::xlsx::XlsxPrinter::new(&rules.infos, &rules.tags));
    match print(printer, &reports, &summary) {
        Ok(body) => answer(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            body,
            Some("检查结果.xlsx"),
        ),
        Err(e) => e.into_response(),
    }
}

/// The name of each report's annotated copy, as `check --annotate` names them: a Word
/// report keeps its name, another becomes `.docx` (or keeps its whole name and gains
/// `.docx` when a Word report has that name), and a name used twice gains `-2`, `-3`, ….
pub fn annotated_names(names: &[&str]) -> Vec<String> {
    let is_docx = |n: &str| {
        Path::new(n)
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "docx" | "docm" | "dotx"))
    };
    let as_docx = |n: &str| {
        Path::new(n)
            .with_extension("docx")
            .to_string_lossy()
            .into_owned()
    };
    let taken: std::collections::HashSet<String> = names
        .iter()
        .filter(|n| is_docx(n))
        .map(|n| as_docx(n))
        .collect();
    let mut used = std::collections::HashSet::new();
    names
        .iter()
        .map(|n| {
            let mut name = if is_docx(n) {
                as_docx(n)
            } else if taken.contains(&as_docx(n)) {
                format!("{n}.docx")
            } else {
                as_docx(n)
            };
            let mut k = 2;
            while !used.insert(name.clone()) {
                let stem = Path::new(&name).with_extension("");
                name = format!("{}-{k}.docx", stem.display());
                k += 1;
            }
            name
        })
        .collect()
}

/// The annotated copy of one checked report, as `check --annotate` writes it.
fn annotated_copy(service: &Service, checked: &Checked) -> Result<Vec<u8>, String> {
    let report = &checked.report;
    if let (Some(error), true) = (&report.error, report.findings.is_empty()) {
        return Err(output::escape_controls(error));
    }
    let Some(source) = &report.source else {
        return Err(format!("{}: nothing to annotate", report.path));
    };
    let comments = output::annotate::comments_for(report);
    match &checked.original {
        Some(bytes) => output::annotate::annotate_docx(
            bytes,
            service.read_options.max_file_size,
            &source.text,
            &comments,
            &service.author,
        ),
        None => output::annotate::annotate_text(&source.text, &comments, &service.author),
    }
    .map_err(|e| format!("cannot annotate {}: {e}", report.path))
}

/// `POST /api/annotate`: one report → its annotated Word copy; several → a zip of them
/// (with a list of the reports that got none, and why).
pub(crate) async fn annotate(
    State(app): State<Arc<App>>,
    form: Result<Multipart, MultipartRejection>,
) -> Response {
    let (_, checked) = match check_form(&app, form, true, true).await {
        Ok(done) => done,
        Err(e) => return e.into_response(),
    };
    let local = Arc::new(tokio::sync::Semaphore::new(1));
    let app2 = app.clone();
    let made = on_worker(&app, &local, move || annotate_all(&app2.service, &checked)).await;
    match made {
        Ok(Ok((body, name))) => answer(
            if name.ends_with(".zip") {
                "application/zip"
            } else {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            },
            body,
            Some(&name),
        ),
        Ok(Err(e)) | Err(e) => e.into_response(),
    }
}

fn annotate_all(service: &Service, checked: &[Checked]) -> Result<(Vec<u8>, String), ApiError> {
    let names: Vec<&str> = checked.iter().map(|c| c.report.path.as_str()).collect();
    let copies = annotated_names(&names);
    if let [one] = checked {
        return match annotated_copy(service, one) {
            Ok(bytes) => {
                let name = copies[0]
                    .rsplit('/')
                    .next()
                    .unwrap_or(&copies[0])
                    .to_string();
                Ok((bytes, name))
            }
            Err(reason) => Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("no annotated copy: {reason}"),
                format!("未能生成批注版：{reason}"),
            )),
        };
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut skipped = Vec::new();
    let internal = |e: &dyn std::fmt::Display| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("cannot write the zip: {e}"),
            "无法生成压缩包",
        )
    };
    for (c, name) in checked.iter().zip(&copies) {
        match annotated_copy(service, c) {
            Ok(bytes) => {
                zip.start_file(name.as_str(), options)
                    .map_err(|e| internal(&e))?;
                zip.write_all(&bytes).map_err(|e| internal(&e))?;
            }
            Err(reason) => skipped.push(format!("{}：{reason}", c.report.path)),
        }
    }
    if skipped.len() == checked.len() {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("no report could be annotated: {}", skipped.join("; ")),
            format!("没有可生成批注版的报告：{}", skipped.join("；")),
        ));
    }
    if !skipped.is_empty() {
        zip.start_file("未能批注的文件.txt", options)
            .map_err(|e| internal(&e))?;
        zip.write_all(format!("{}\r\n", skipped.join("\r\n")).as_bytes())
            .map_err(|e| internal(&e))?;
    }
    let bytes = zip.finish().map_err(|e| internal(&e))?.into_inner();
    Ok((bytes, "批注版.zip".to_string()))
}

/// `GET /api/info`: what the server checks with, for the page and for API users.
pub(crate) async fn info(State(app): State<Arc<App>>) -> Response {
    let s = &app.service;
    let packs: Vec<&str> = s
        .loaded
        .packs
        .iter()
        .map(|p| p.name.value.as_str())
        .collect();
    let body = serde_json::json!({
        "version": env!("CARGO_PKG_VERSION"),
        "rules": s.rules.infos.len(),
        "packs": packs,
        "configuration": s.configuration,
        "limits": {
            "max_request_bytes": s.limits.max_request_bytes,
            "max_files": s.limits.max_files,
            "max_file_size": s.read_options.max_file_size,
            "timeout_seconds": s.limits.timeout.as_secs(),
        },
    });
    answer(
        "application/json; charset=utf-8",
        body.to_string().into_bytes(),
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::annotated_names;

    #[test]
    fn annotated_copies_are_named_as_check_names_them() {
        assert_eq!(
            annotated_names(&["甲镇.docx", "甲镇.txt", "乙镇.md", "乙镇.txt", "丙/丁.html"]),
            [
                "甲镇.docx",
                "甲镇.txt.docx",
                "乙镇.docx",
                "乙镇-2.docx",
                "丙/丁.docx"
            ]
        );
    }
}
