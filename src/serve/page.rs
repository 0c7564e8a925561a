//! The page and its assets, embedded in the binary: nothing is fetched from anywhere else
//! (no CDN, no web fonts), so the page works offline. Assets are looked up by name in a
//! fixed table; no request path is ever turned into a file path.

use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

const INDEX: &str = include_str!("assets/index.html");

/// Every asset the page uses: name, content type, content.
const ASSETS: &[(&str, &str, &str)] = &[
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/app.js"),
    ),
    (
        "app.css",
        "text/css; charset=utf-8",
        include_str!("assets/app.css"),
    ),
];

/// The page may load its own scripts and styles only, and talk to this server only. Inline
/// styles are allowed for the report rendered inside the page (it carries its own `<style>`).
const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

fn page(content_type: &'static str, body: &'static str) -> Response {
    let mut response = (StatusCode::OK, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(POLICY),
    );
    response
}

pub(super) async fn index() -> Response {
    page("text/html; charset=utf-8", INDEX)
}

pub(super) async fn asset(Path(name): Path<String>) -> Response {
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, content_type, body)) => page(content_type, body),
        None => super::not_found().await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page names no other site: every `src`/`href` is one of the embedded assets.
    #[test]
    fn the_page_loads_nothing_from_elsewhere() {
        for text in [INDEX]
            .into_iter()
            .chain(ASSETS.iter().map(|(_, _, body)| *body))
        {
            assert!(!text.contains("http://") && !text.contains("https://"));
            assert!(!text.contains("//cdn") && !text.contains("@import"));
        }
        for (name, _, _) in ASSETS {
            assert!(INDEX.contains(&format!("/assets/{name}")), "{name}");
        }
    }
}
