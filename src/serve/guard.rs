//! Who may talk to the server: the `Host` a request names must be the address it listens on
//! (an IP address, `localhost` on a loopback address, or a name allowed with `--allow-host`),
//! so that a page whose DNS name is made to point at 127.0.0.1 (DNS rebinding) is refused;
//! and a request that carries an `Origin` must come from the server's own page, so that
//! another page open in the same browser cannot send reports to it. Requests without an
//! `Origin` (curl, a document system) are served.

use std::net::{IpAddr, SocketAddr};

use axum::http::{header, HeaderMap, StatusCode};

use super::ApiError;

pub struct Guard {
    local: SocketAddr,
    allowed: Vec<String>,
}

impl Guard {
    pub fn new(local: SocketAddr, allowed: Vec<String>) -> Guard {
        Guard {
            local,
            allowed: allowed
                .into_iter()
                .map(|h| h.to_ascii_lowercase())
                .collect(),
        }
    }

    /// Whether a `Host` header value names this server.
    pub fn host_ok(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        let (name, port) = match split_host(&host) {
            Some(parts) => parts,
            None => return false,
        };
        if port.unwrap_or(80) != self.local.port() {
            return false;
        }
        if let Ok(ip) = name
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
        {
            // An address cannot be rebound: any address of this machine that reached the
            // socket is fine when listening on all of them; otherwise only the one listened on.
            return self.local.ip().is_unspecified() || ip == self.local.ip();
        }
        (name == "localhost" && (self.local.ip().is_loopback() || self.local.ip().is_unspecified()))
            || self.allowed.iter().any(|a| a == name)
    }

    /// `Ok` when the request may be served; else the refusal (403).
    pub fn check(&self, headers: &HeaderMap) -> Result<(), ApiError> {
        let hosts: Vec<_> = headers.get_all(header::HOST).iter().collect();
        let host = match hosts.as_slice() {
            [one] => one.to_str().ok(),
            _ => None,
        };
        let Some(host) = host.filter(|h| self.host_ok(h)) else {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                format!(
                    "the Host header does not name this server ({}); open the address the server printed",
                    self.local
                ),
                "请求的地址不是本服务的地址；请使用启动时显示的地址打开页面",
            ));
        };
        let origins: Vec<_> = headers.get_all(header::ORIGIN).iter().collect();
        match origins.as_slice() {
            [] => Ok(()),
            [origin] if origin_matches(origin.to_str().unwrap_or(""), host) => Ok(()),
            _ => Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "requests from another web page are refused (the Origin is not this server's page)",
                "拒绝来自其他网页的请求",
            )),
        }
    }
}

/// `name` and `port` of a Host value: `127.0.0.1:8080`, `[::1]:8080`, `localhost`.
fn split_host(host: &str) -> Option<(&str, Option<u16>)> {
    if host.is_empty() {
        return None;
    }
    let (name, port) = if let Some(rest) = host.strip_prefix('[') {
        let end = rest.find(']')?;
        let after = &rest[end + 1..];
        let port = match after.strip_prefix(':') {
            Some(p) => Some(p),
            None if after.is_empty() => None,
            None => return None,
        };
        (&host[..end + 2], port)
    } else {
        match host.rsplit_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        }
    };
    let port = match port {
        Some(p) => Some(p.parse::<u16>().ok()?),
        None => None,
    };
    let valid = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '[' | ']' | ':');
    (!name.is_empty() && name.chars().all(valid)).then_some((name, port))
}

/// The page's own origin is `http://` and the Host it was loaded from.
fn origin_matches(origin: &str, host: &str) -> bool {
    origin
        .strip_prefix("http://")
        .is_some_and(|o| o.eq_ignore_ascii_case(host.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn guard(addr: &str) -> Guard {
        Guard::new(addr.parse().unwrap(), vec!["review.office".to_string()])
    }

    #[test]
    fn host_must_name_the_listening_address() {
        let g = guard("127.0.0.1:8080");
        assert!(g.host_ok("127.0.0.1:8080"));
        assert!(g.host_ok("localhost:8080"));
        assert!(g.host_ok("LOCALHOST:8080"));
        assert!(g.host_ok("review.office:8080"));
        assert!(!g.host_ok("127.0.0.1:8081"));
        assert!(!g.host_ok("127.0.0.1"));
        assert!(!g.host_ok("evil.example:8080"));
        assert!(!g.host_ok("localhost.evil.example:8080"));
        assert!(!g.host_ok("10.0.0.1:8080"));
        assert!(!g.host_ok(""));
        assert!(!g.host_ok("a b:8080"));
        let all = guard("0.0.0.0:80");
        assert!(all.host_ok("192.168.1.20"));
        assert!(all.host_ok("[::1]:80"));
        assert!(all.host_ok("localhost"));
        assert!(!all.host_ok("rebound.example"));
    }

    #[test]
    fn origin_must_be_the_page_itself() {
        let g = guard("127.0.0.1:8080");
        let headers = |pairs: &[(&str, &str)]| {
            let mut h = HeaderMap::new();
            for (k, v) in pairs {
                h.append(
                    axum::http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                    HeaderValue::from_str(v).unwrap(),
                );
            }
            h
        };
        assert!(g.check(&headers(&[("host", "127.0.0.1:8080")])).is_ok());
        assert!(g
            .check(&headers(&[
                ("host", "127.0.0.1:8080"),
                ("origin", "http://127.0.0.1:8080")
            ]))
            .is_ok());
        for origin in [
            "http://evil.example",
            "http://localhost:8080",
            "https://127.0.0.1:8080",
            "null",
        ] {
            let refused = g.check(&headers(&[("host", "127.0.0.1:8080"), ("origin", origin)]));
            assert_eq!(
                refused.unwrap_err().status,
                StatusCode::FORBIDDEN,
                "{origin}"
            );
        }
        assert!(g.check(&headers(&[])).is_err());
        assert!(g
            .check(&headers(&[
                ("host", "127.0.0.1:8080"),
                ("host", "127.0.0.1:8080")
            ]))
            .is_err());
    }
}
