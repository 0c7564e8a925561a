//! `reportlint serve`: the checks of `check` in a page of the user's own browser, and the
//! same checks as a JSON API for an office's document system.
//!
//! The command line (`cli::serve`) resolves the configuration and packs exactly as `check`
//! does and hands a [`Service`] to [`serve`], which answers on one listening socket:
//!
//! | route | what |
//! | --- | --- |
//! | `GET /` and `/assets/…` | the page (Chinese; every asset embedded in the binary) |
//! | `GET /api/info` | the rules, limits and configuration in use |
//! | `POST /api/check` | multipart `file` fields (and at most one `pack`) → the JSON of `check --format json`; `?format=html` → the HTML report |
//! | `POST /api/annotate` | the annotated Word copy (one file) or a zip of them |
//! | `POST /api/xlsx` | the review workbook |
//!
//! Uploads are held in memory only and dropped with the response; a name in a request is
//! only a label (and decides the format by its extension), never a path that is opened.
//! Every request passes [`guard`] first (Host and Origin, against DNS rebinding and other
//! pages in the same browser). Files are checked on a bounded number of blocking threads
//! ([`work`]): a request takes at most half of them at once, so one large or slow batch
//! cannot starve the others, and the rest wait in a first-come queue.

pub mod guard;
mod page;
mod upload;
pub mod work;

use std::collections::HashMap;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

use crate::config::gate::Gate;
use crate::config::Config;
use crate::eval::load::RuleSet;
use crate::eval::Engine;
use crate::output::annotate::Author;
use crate::output::RuleInfo;

/// Limits of one server, each refused with a 4xx answer when crossed.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Bytes of one request body (all files together).
    pub max_request_bytes: u64,
    /// Report files in one request.
    pub max_files: usize,
    /// Time one request may take, upload included.
    pub timeout: Duration,
    /// Requests handled at once; more wait for one to finish.
    pub max_requests: usize,
    /// Files checked at once (threads).
    pub workers: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_request_bytes: 50 * 1024 * 1024,
            max_files: 200,
            timeout: Duration::from_secs(120),
            max_requests: 16,
            workers: 2,
        }
    }
}

/// The rules a request is checked with: compiled, with what the printers need.
pub struct Rules {
    pub engine: Engine,
    pub infos: Vec<RuleInfo>,
    /// Each rule's tags by `pack/id` (the xlsx overview has a column per rule of some tags).
    pub tags: HashMap<String, Vec<String>>,
}

impl Rules {
    /// Compile a rule set (already narrowed and adjusted by the configuration).
    pub fn new(set: &RuleSet) -> Rules {
        let engine = Engine::new(set);
        Rules {
            infos: engine.rule_infos(),
            tags: set.tags(),
            engine,
        }
    }
}

/// Everything the server checks with, resolved once at start like one run of `check`.
pub struct Service {
    /// The rules loaded (built-in and configured packs, `--pack`) before the configuration's
    /// `severity`/`disable` and `--rule`/`--skip`: an uploaded pack joins these, and the
    /// whole is narrowed again, as `check --pack` would.
    pub loaded: RuleSet,
    pub config: Option<Config>,
    pub only: Vec<String>,
    pub skip: Vec<String>,
    /// The rules of a request without an uploaded pack.
    pub rules: Arc<Rules>,
    pub gate: Gate,
    pub read_options: crate::source::ReadOptions,
    pub author: Author,
    /// The configuration file, as `check` shows it in its summary.
    pub configuration: Option<String>,
    pub limits: Limits,
}

impl Service {
    /// A rule set narrowed by this server's configuration and `--rule`/`--skip`.
    pub fn narrow(&self, set: RuleSet) -> RuleSet {
        narrow(self.config.as_ref(), &self.only, &self.skip, set)
    }
}

/// `set` adjusted by the configuration's `severity` and `disable`, then narrowed by
/// `--rule`/`--skip`, as `check` does.
pub fn narrow(
    config: Option<&Config>,
    only: &[String],
    skip: &[String],
    mut set: RuleSet,
) -> RuleSet {
    if let Some(config) = config {
        crate::run::packs::apply_rule_settings(config, &mut set);
    }
    set.rules
        .retain(|r| crate::run::packs::keep_rule(&r.full_id(), only, skip));
    set
}

/// Shared by every request.
pub(crate) struct App {
    pub service: Service,
    pub guard: guard::Guard,
    /// Files being checked at once, over all requests.
    pub workers: Arc<tokio::sync::Semaphore>,
    /// Requests being handled at once.
    pub requests: Arc<tokio::sync::Semaphore>,
}

/// Bind the listening socket (port 0: a free one).
pub fn bind(addr: SocketAddr) -> io::Result<std::net::TcpListener> {
    let listener = std::net::TcpListener::bind(addr)?;
    listener.set_nonblocking(true)?;
    Ok(listener)
}

/// Serve on `listener` until the process ends. `allowed_hosts`: names besides the listening
/// address (and `localhost` on a loopback address) that a request's `Host` may give.
pub fn serve(
    listener: std::net::TcpListener,
    service: Service,
    allowed_hosts: Vec<String>,
) -> io::Result<()> {
    let local = listener.local_addr()?;
    let workers = service.limits.workers.max(1);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(workers + 2)
        .enable_io()
        .enable_time()
        .build()?;
    let app = Arc::new(App {
        guard: guard::Guard::new(local, allowed_hosts),
        workers: Arc::new(tokio::sync::Semaphore::new(workers)),
        requests: Arc::new(tokio::sync::Semaphore::new(
            service.limits.max_requests.max(1),
        )),
        service,
    });
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        axum::serve(listener, router(app)).await
    })
}

fn router(app: Arc<App>) -> Router {
    let body_limit = usize::try_from(app.service.limits.max_request_bytes).unwrap_or(usize::MAX);
    Router::new()
        .route("/", get(page::index))
        .route("/assets/{name}", get(page::asset))
        .route("/api/info", get(work::info))
        .route("/api/check", post(work::check))
        .route("/api/annotate", post(work::annotate))
        .route("/api/xlsx", post(work::xlsx))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(axum::middleware::from_fn_with_state(app.clone(), limited))
        .layer(axum::middleware::from_fn_with_state(app.clone(), guarded))
        .with_state(app)
}

/// Refuse a request whose `Host` or `Origin` is not this server's, before anything else.
async fn guarded(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    if let Err(refusal) = app.guard.check(request.headers()) {
        return refusal.into_response();
    }
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

use axum::middleware::Next;

/// A body announced larger than the limit is refused before it is read; requests beyond
/// `max_requests` wait; every request has a time limit, upload included.
async fn limited(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let limits = &app.service.limits;
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|n| n > limits.max_request_bytes) {
        return too_large(limits.max_request_bytes);
    }
    let timeout = limits.timeout;
    let requests = app.requests.clone();
    let run = async move {
        let Ok(_permit) = requests.acquire_owned().await else {
            return ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "the server is stopping",
                "服务正在停止",
            )
            .into_response();
        };
        next.run(request).await
    };
    match tokio::time::timeout(timeout, run).await {
        Ok(response) => response,
        Err(_) => ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            format!(
                "the request took longer than the limit of {} s and was stopped",
                timeout.as_secs()
            ),
            format!(
                "处理时间超过 {} 秒的上限，已停止；请分批上传",
                timeout.as_secs()
            ),
        )
        .into_response(),
    }
}

fn too_large(limit: u64) -> Response {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        format!(
            "the request is larger than the limit of {limit} bytes; send fewer or smaller files"
        ),
        format!(
            "上传内容超过 {} 的上限；请分批上传或减小文件",
            size_zh(limit)
        ),
    )
    .into_response()
}

/// A size for the page: 50 MB, 300 KB.
pub(crate) fn size_zh(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MB", bytes / (1024 * 1024))
    } else if bytes >= 1024 {
        format!("{} KB", bytes / 1024)
    } else {
        format!("{bytes} 字节")
    }
}

async fn not_found() -> Response {
    ApiError::new(StatusCode::NOT_FOUND, "no such page", "没有这个页面").into_response()
}

/// An error answer: JSON with the reason in English (`error`) and for the page in Chinese
/// (`message`), and with pack errors their places.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub error: String,
    pub message: String,
    pub pack_errors: Vec<work::PackProblem>,
    /// Pack errors as the command line prints them.
    pub rendered: Option<String>,
}

impl ApiError {
    pub fn new(status: StatusCode, error: impl Into<String>, message: impl Into<String>) -> Self {
        ApiError {
            status,
            error: error.into(),
            message: message.into(),
            pack_errors: Vec::new(),
            rendered: None,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = serde_json::json!({
            "error": self.error,
            "message": self.message,
        });
        if !self.pack_errors.is_empty() {
            body["pack_errors"] = serde_json::to_value(&self.pack_errors).unwrap_or_default();
        }
        if let Some(rendered) = self.rendered {
            body["rendered"] = serde_json::Value::String(rendered);
        }
        let mut response = (self.status, body.to_string()).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json; charset=utf-8"),
        );
        response
    }
}
