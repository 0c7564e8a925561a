//! `reportlint serve` as a client sees it: the built binary is started on a free port and
//! spoken to over loopback with plain HTTP/1.1 written by hand (so that malformed and
//! hostile requests can be sent as they are). The JSON of `/api/check` must be the JSON of
//! `check --format json` on the same files, with the same packs and configuration; hostile
//! requests get a 4xx answer and the server goes on serving.

use crate::check_support::{crate_root, run_in, scratch_dir};
use crate::gate_support::{Repo, CONFIG};

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running server, stopped when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    /// `reportlint serve --port 0 ARGS` in `dir`; the address is read from what it prints.
    fn start(dir: &Path, args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_reportlint"))
            .env("REPORTLINT_LANG", "en")
            .arg("serve")
            .args(args)
            .current_dir(dir)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("reportlint serve starts");
        let stdout = child.stdout.take().expect("stdout is piped");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("the server prints its address");
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.trim().trim_end_matches('/').parse().ok())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        Server { child, addr }
    }

    fn host(&self) -> String {
        self.addr.to_string()
    }

    /// Peak resident memory of the server process so far (VmHWM), in KiB.
    fn peak_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    }

    fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }
}

fn parse_answer(raw: &[u8]) -> Answer {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no complete answer: {:?}", String::from_utf8_lossy(raw)));
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut body = raw[end + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        let mut out = Vec::new();
        let mut rest = &body[..];
        while let Some(eol) = rest.windows(2).position(|w| w == b"\r\n") {
            let size = usize::from_str_radix(
                String::from_utf8_lossy(&rest[..eol])
                    .split(';')
                    .next()
                    .unwrap_or("0")
                    .trim(),
                16,
            )
            .unwrap_or(0);
            if size == 0 {
                break;
            }
            out.extend_from_slice(&rest[eol + 2..eol + 2 + size]);
            rest = &rest[eol + 2 + size + 2..];
        }
        body = out;
    }
    Answer {
        status,
        headers,
        body,
    }
}

/// Send `head` (request line and headers, without the blank line) and `body`, and read the
/// whole answer (`Connection: close`).
fn send(addr: SocketAddr, head: &str, body: &[u8]) -> Answer {
    let mut stream = TcpStream::connect(addr).expect("the server accepts");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    let mut request = format!("{head}\r\nConnection: close\r\n\r\n").into_bytes();
    request.extend_from_slice(body);
    stream.write_all(&request).expect("the request is sent");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("the answer is read");
    parse_answer(&raw)
}

const BOUNDARY: &str = "----reportlint-test-boundary";

/// A multipart body: `(field, file name, bytes)`.
fn multipart(parts: &[(&str, &str, &[u8])]) -> Vec<u8> {
    let mut body = Vec::new();
    for (field, name, bytes) in parts {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

/// POST a multipart upload of `parts` to `path`, with extra header lines.
fn post(server: &Server, path: &str, parts: &[(&str, &str, &[u8])], extra: &[&str]) -> Answer {
    let body = multipart(parts);
    let mut head = format!(
        "POST {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: multipart/form-data; boundary={BOUNDARY}\r\nContent-Length: {}",
        server.host(),
        body.len()
    );
    for line in extra {
        head.push_str("\r\n");
        head.push_str(line);
    }
    send(server.addr, &head, &body)
}

/// The reports `names` (relative to `dir`) uploaded under those names.
fn files(dir: &Path, names: &[&str]) -> Vec<(String, Vec<u8>)> {
    names
        .iter()
        .map(|n| {
            let bytes = std::fs::read(dir.join(n)).unwrap_or_else(|e| panic!("{n}: {e}"));
            (n.to_string(), bytes)
        })
        .collect()
}

fn parts(files: &[(String, Vec<u8>)]) -> Vec<(&str, &str, &[u8])> {
    files
        .iter()
        .map(|(n, b)| ("file", n.as_str(), b.as_slice()))
        .collect()
}

/// `check --format json ARGS NAMES` in `dir`: what the API must answer.
fn check_json(dir: &Path, args: &[&str], names: &[&str]) -> String {
    let mut all = vec!["check", "--format", "json", "--color", "never"];
    all.extend_from_slice(args);
    all.extend_from_slice(names);
    let run = run_in(dir, &all, None);
    assert!(run.code == 0 || run.code == 1 || run.code == 2, "{run:?}");
    run.stdout
}

/// Fixture reports of every format, copied into one folder (two in a subfolder).
fn report_folder(name: &str) -> (PathBuf, Vec<&'static str>) {
    let dir = scratch_dir(name);
    let root = crate_root().join("tests/fixtures");
    std::fs::create_dir_all(dir.join("乡镇")).expect("folder");
    let copies = [
        ("inputs/report.docx", "report.docx"),
        ("inputs/report.txt", "report.txt"),
        ("inputs/report.md", "report.md"),
        ("inputs/report.html", "report.html"),
        ("inputs/report_gbk.txt", "report_gbk.txt"),
        ("builtin/reports/rate_error.txt", "乡镇/rate_error.txt"),
        ("builtin/reports/missing_date.txt", "乡镇/missing_date.txt"),
    ];
    for (from, to) in copies {
        std::fs::copy(root.join(from), dir.join(to)).expect("fixture copied");
    }
    (dir, copies.iter().map(|(_, to)| *to).collect())
}

#[test]
fn api_json_is_the_json_of_check_for_every_format() {
    let (dir, names) = report_folder("serve-formats");
    let server = Server::start(&dir, &["--no-config"]);
    let uploads = files(&dir, &names);
    let answer = post(&server, "/api/check", &parts(&uploads), &[]);
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(
        answer.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    let expected = check_json(&dir, &["--no-config"], &names);
    assert_eq!(answer.text(), expected);
    // Uploaded in another order, reported in name order, as check reports a folder.
    let mut reversed = uploads.clone();
    reversed.reverse();
    let answer = post(&server, "/api/check", &parts(&reversed), &[]);
    assert_eq!(answer.text(), expected);
    // The HTML report is the one of check --format html.
    let html = post(&server, "/api/check?format=html", &parts(&uploads), &[]);
    assert_eq!(html.status, 200);
    let mut args = vec!["check", "--no-config", "--format", "html"];
    args.extend_from_slice(&names);
    assert_eq!(html.text(), run_in(&dir, &args, None).stdout);
}

#[test]
fn api_json_follows_the_configuration_the_server_started_with() {
    let repo = Repo::with_reports("serve-configuration");
    repo.write(
        ".reportlint.yaml",
        format!("{CONFIG}severity:\n  fazhi-term: info\noverrides:\n  - paths: [部门/**]\n    disable: [township-disputes]\nsuppress:\n  - rule: first-duty\n    path: 乡镇/河口镇.txt\n    text: 带头讲法治课\n    reason: 引用镇长讲话原文，不作改动\n"),
    );
    let names = ["乡镇/城关镇.txt", "乡镇/河口镇.txt", "部门/司法局.txt"];
    let server = Server::start(&repo.dir, &[]);
    let answer = post(
        &server,
        "/api/check",
        &parts(&files(&repo.dir, &names)),
        &[],
    );
    assert_eq!(answer.status, 200, "{}", answer.text());
    let expected = check_json(&repo.dir, &[], &names);
    assert!(
        expected.contains("\"configuration\":\".reportlint.yaml\""),
        "{expected}"
    );
    assert_eq!(answer.text(), expected);
}

#[test]
fn requests_from_other_pages_and_other_hosts_are_refused() {
    let (dir, _) = report_folder("serve-origin");
    let server = Server::start(&dir, &["--no-config"]);
    let report = std::fs::read(dir.join("report.txt")).expect("report");
    let upload = [("file", "report.txt", report.as_slice())];
    let own = format!("Origin: http://{}", server.host());
    assert_eq!(post(&server, "/api/check", &upload, &[&own]).status, 200);
    for origin in [
        "Origin: http://evil.example",
        "Origin: null",
        "Origin: https://127.0.0.1",
    ] {
        let refused = post(&server, "/api/check", &upload, &[origin]);
        assert_eq!(refused.status, 403, "{origin}");
        assert!(refused.json()["message"].is_string());
    }
    // DNS rebinding: a name that resolves to 127.0.0.1 is not this server's name.
    for host in ["evil.example", "127.0.0.1:1", "localhost.evil.example"] {
        let page = send(server.addr, &format!("GET / HTTP/1.1\r\nHost: {host}"), b"");
        assert_eq!(page.status, 403, "{host}");
    }
    let page = send(
        server.addr,
        &format!("GET / HTTP/1.1\r\nHost: localhost:{}", server.addr.port()),
        b"",
    );
    assert_eq!(page.status, 200);
    assert!(page.text().contains("法治政府建设年度报告检查"));
    assert!(page
        .header("content-security-policy")
        .is_some_and(|p| p.contains("default-src 'none'")));
    // No path reaches the file system: the assets are a fixed table.
    for path in [
        "/assets/../Cargo.toml",
        "/assets/%2e%2e%2fCargo.toml",
        "/Cargo.toml",
    ] {
        let refused = send(
            server.addr,
            &format!("GET {path} HTTP/1.1\r\nHost: {}", server.host()),
            b"",
        );
        assert!(
            refused.status == 404 || refused.status == 400,
            "{path}: {}",
            refused.status
        );
        assert!(!refused.text().contains("[package]"));
    }
}

#[test]
fn hostile_uploads_get_a_4xx_and_the_server_goes_on() {
    let (dir, _) = report_folder("serve-hostile");
    std::fs::copy(
        crate_root().join("tests/fixtures/inputs/bomb.docx"),
        dir.join("bomb.docx"),
    )
    .expect("bomb");
    let mut server = Server::start(
        &dir,
        &[
            "--no-config",
            "--max-request-size",
            "2MB",
            "--max-files",
            "3",
        ],
    );
    let report = std::fs::read(dir.join("report.txt")).expect("report");
    let good = [("file", "report.txt", report.as_slice())];
    let expected = check_json(&dir, &["--no-config"], &["report.txt"]);

    // A 100 MB body announced: refused before it is read.
    let head = format!(
        "POST /api/check HTTP/1.1\r\nHost: {}\r\nContent-Type: multipart/form-data; boundary={BOUNDARY}\r\nContent-Length: {}",
        server.host(),
        100 * 1024 * 1024
    );
    let refused = stream_body(server.addr, &head, false, 100 * 1024 * 1024);
    assert_eq!(refused.status, 413, "{}", refused.text());
    // The same, streamed without a length: refused once the limit is passed.
    let head = format!(
        "POST /api/check HTTP/1.1\r\nHost: {}\r\nContent-Type: multipart/form-data; boundary={BOUNDARY}\r\nTransfer-Encoding: chunked",
        server.host()
    );
    let refused = stream_body(server.addr, &head, true, 100 * 1024 * 1024);
    assert_eq!(refused.status, 413, "{}", refused.text());
    assert!(refused.json()["message"]
        .as_str()
        .is_some_and(|m| m.contains("上限")));
    // Not buffered whole: the server's peak memory stays far below the body's size.
    let peak = server.peak_kib();
    assert!(peak > 0 && peak < 80 * 1024, "peak {peak} KiB");

    // A zip bomb: the file is reported as not checked, as check reports it.
    let bomb = std::fs::read(dir.join("bomb.docx")).expect("bomb");
    let answer = post(&server, "/api/check", &[("file", "bomb.docx", &bomb)], &[]);
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.text(),
        check_json(&dir, &["--no-config"], &["bomb.docx"])
    );
    assert!(answer.text().contains("decompress"));

    // Malformed multipart bodies, a missing form, too many files, bad names.
    let cut = multipart(&good);
    let cut = &cut[..cut.len() - 20];
    let head = format!(
        "POST /api/check HTTP/1.1\r\nHost: {}\r\nContent-Type: multipart/form-data; boundary={BOUNDARY}\r\nContent-Length: {}",
        server.host(),
        cut.len()
    );
    assert_eq!(send(server.addr, &head, cut).status, 400);
    let head = format!(
        "POST /api/check HTTP/1.1\r\nHost: {}\r\nContent-Type: multipart/form-data; boundary=other\r\nContent-Length: 11",
        server.host()
    );
    assert_eq!(send(server.addr, &head, b"not a form!").status, 400);
    let head = format!(
        "POST /api/check HTTP/1.1\r\nHost: {}\r\nContent-Type: text/plain\r\nContent-Length: 5",
        server.host()
    );
    let plain = send(server.addr, &head, b"hello");
    assert_eq!(plain.status, 400);
    assert!(plain.json()["error"].is_string());
    let four = [good[0], good[0], good[0], good[0]];
    assert_eq!(post(&server, "/api/check", &four, &[]).status, 413);
    for name in ["../../etc/passwd", "/etc/passwd", ""] {
        let bad = [("file", name, report.as_slice())];
        assert_eq!(
            post(&server, "/api/check", &bad, &[]).status,
            400,
            "{name:?}"
        );
    }
    assert_eq!(
        post(&server, "/api/check?format=pdf", &good, &[]).status,
        400
    );

    // Through all of it the server kept serving, and answers correctly.
    assert!(server.alive());
    let answer = post(&server, "/api/check", &good, &[]);
    assert_eq!(answer.status, 200);
    assert_eq!(answer.text(), expected);
}

/// Send `head` and then `total` bytes of body (chunked or not) from one thread while the
/// answer is read on another: the server may answer (and close) before the body is sent.
fn stream_body(addr: SocketAddr, head: &str, chunked: bool, total: usize) -> Answer {
    let stream = TcpStream::connect(addr).expect("the server accepts");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    let mut writer = stream.try_clone().expect("clone");
    let head = format!("{head}\r\nConnection: close\r\n\r\n");
    let sender = std::thread::spawn(move || {
        let block = vec![b'a'; 64 * 1024];
        let mut sent = 0;
        if writer.write_all(head.as_bytes()).is_err() {
            return sent;
        }
        let mut preamble = format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n\r\n"
        )
        .into_bytes();
        while sent < total {
            let mut piece = std::mem::take(&mut preamble);
            piece.extend_from_slice(&block);
            let written = if chunked {
                let mut framed = format!("{:x}\r\n", piece.len()).into_bytes();
                framed.extend_from_slice(&piece);
                framed.extend_from_slice(b"\r\n");
                writer.write_all(&framed)
            } else {
                writer.write_all(&piece)
            };
            if written.is_err() {
                break;
            }
            sent += piece.len();
        }
        sent
    });
    let mut raw = Vec::new();
    let mut reader = stream;
    let mut buf = [0u8; 8192];
    loop {
        match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => raw.extend_from_slice(&buf[..n]),
            Err(_) if !raw.is_empty() => break,
            Err(e) => panic!("no answer: {e}"),
        }
    }
    let _ = reader.shutdown(std::net::Shutdown::Both);
    let sent = sender.join().expect("the sender ends");
    assert!(sent < total, "the whole body was taken in ({sent} bytes)");
    parse_answer(&raw)
}

#[test]
fn an_uploaded_pack_runs_with_the_server_rules_and_its_errors_have_places() {
    let (dir, _) = report_folder("serve-pack");
    let kinds = crate_root().join(KINDS).to_string_lossy().into_owned();
    let server = Server::start(&dir, &["--no-config", "--no-builtin", "--pack", &kinds]);
    let report = std::fs::read(dir.join("report.txt")).expect("report");
    let pack = "pack \"tried\"\n\nrule no-first-duty {\n  severity error\n  message \"“法制政府”应为“法治政府”\"\n  forbid \"法制政府\"\n}\n";
    std::fs::write(dir.join("tried.rules"), pack).expect("pack written");
    let answer = post(
        &server,
        "/api/check",
        &[
            ("file", "report.txt", &report),
            ("pack", "tried.rules", pack.as_bytes()),
        ],
        &[],
    );
    assert_eq!(answer.status, 200, "{}", answer.text());
    let expected = check_json(
        &dir,
        &[
            "--no-config",
            "--no-builtin",
            "--pack",
            &kinds,
            "--pack",
            "tried.rules",
        ],
        &["report.txt"],
    );
    assert_eq!(answer.text(), expected);
    assert!(answer.text().contains("tried/no-first-duty"));

    // A broken pack: 422 with each error's line and column, nothing checked.
    let broken =
        "pack \"tried\"\n\nrule a {\n  severity fatal\n  message \"x\"\n  forbid \"x\"\n}\n";
    let refused = post(
        &server,
        "/api/check",
        &[
            ("file", "report.txt", &report),
            ("pack", "broken.rules", broken.as_bytes()),
        ],
        &[],
    );
    assert_eq!(refused.status, 422, "{}", refused.text());
    let json = refused.json();
    assert_eq!(json["pack_errors"][0]["line"], 4, "{json}");
    assert_eq!(json["pack_errors"][0]["column"], 12, "{json}");
    assert!(
        json["rendered"]
            .as_str()
            .is_some_and(|r| r.contains("broken.rules:4:12")),
        "{json}"
    );

    // A pack may not reach files through the request: no extends, no term tables.
    let reaching = "pack \"tried\"\nextends \"../../Cargo.toml\"\n\nrule a {\n  severity error\n  message \"x\"\n  forbid \"x\"\n}\n";
    let refused = post(
        &server,
        "/api/check",
        &[
            ("file", "report.txt", &report),
            ("pack", "reach.rules", reaching.as_bytes()),
        ],
        &[],
    );
    assert_eq!(refused.status, 422);
    assert_eq!(refused.json()["pack_errors"][0]["line"], 2);

    // A catastrophic regex: stopped by the regex time limit as in check, and meanwhile other
    // requests are answered (it holds one worker, not all).
    let catastrophic = "pack \"tried\"\n\nrule slow {\n  severity error\n  message \"x\"\n  forbid /((a{1000}){1000})\\1b/\n}\n";
    let long = "a".repeat(200_000);
    let server = std::sync::Arc::new(server);
    let slow = {
        let server = server.clone();
        std::thread::spawn(move || {
            let answer = post(
                &server,
                "/api/check",
                &[
                    ("file", "aaa.txt", long.as_bytes()),
                    ("pack", "slow.rules", catastrophic.as_bytes()),
                ],
                &[],
            );
            (answer, Instant::now())
        })
    };
    std::thread::sleep(Duration::from_millis(200));
    let answer = post(
        &server,
        "/api/check",
        &[("file", "report.txt", &report)],
        &[],
    );
    let good_done = Instant::now();
    assert_eq!(answer.status, 200);
    let (answer, slow_done) = slow.join().expect("the slow request ends");
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert!(
        answer.text().contains("searching took longer than"),
        "{}",
        answer.text()
    );
    assert!(answer.text().contains("\"rule\":\"tried/slow\""));
    assert!(
        good_done < slow_done,
        "the good request waited for the slow one"
    );
}

const KINDS: &str = "tests/fixtures/check/kinds.rules";

#[test]
fn a_slow_upload_is_stopped_at_the_time_limit() {
    let (dir, _) = report_folder("serve-slow");
    let server = Server::start(&dir, &["--no-config", "--timeout", "1"]);
    let mut stream = TcpStream::connect(server.addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    let head = format!(
        "POST /api/check HTTP/1.1\r\nHost: {}\r\nContent-Type: multipart/form-data; boundary={BOUNDARY}\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n--{BOUNDARY}\r\n",
        server.host()
    );
    stream.write_all(head.as_bytes()).expect("sent");
    let started = Instant::now();
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let answer = parse_answer(&raw);
    assert_eq!(answer.status, 408, "{}", answer.text());
    assert!(started.elapsed() < Duration::from_secs(15));
}

#[test]
fn annotated_copies_and_the_workbook_are_those_of_check() {
    let (dir, names) = report_folder("serve-downloads");
    let server = Server::start(&dir, &["--no-config"]);
    let uploads = files(&dir, &names[..2]);
    // One report: its annotated copy, named as check --annotate names it.
    let one = post(&server, "/api/annotate", &parts(&uploads[..1]), &[]);
    assert_eq!(one.status, 200, "{}", one.text());
    assert!(one
        .header("content-disposition")
        .is_some_and(|d| d.contains("filename*=UTF-8''report.docx")));
    let run = run_in(
        &dir,
        &[
            "check",
            "--no-config",
            "--format",
            "json",
            "--annotate",
            "annotated",
            "report.docx",
        ],
        None,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let written = std::fs::read(dir.join("annotated/report.docx")).expect("annotated copy");
    assert_eq!(comments_of(&one.body), comments_of(&written));
    assert!(!comments_of(&one.body).is_empty());
    // Several: a zip of them.
    let zipped = post(&server, "/api/annotate", &parts(&uploads), &[]);
    assert_eq!(zipped.status, 200);
    assert_eq!(zipped.header("content-type"), Some("application/zip"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zipped.body)).expect("a zip");
    let mut entries: Vec<String> = (0..archive.len())
        .map(|i| {
            archive
                .by_index(i)
                .expect("entry")
                .name()
                .expect("a name")
                .to_string()
        })
        .collect();
    entries.sort();
    assert_eq!(entries, ["report.docx", "report.txt.docx"]);
    // The workbook.
    let book = post(&server, "/api/xlsx", &parts(&uploads), &[]);
    assert_eq!(book.status, 200);
    assert!(book.body.starts_with(b"PK"));
}

/// The text of `word/comments.xml` of a .docx, without the dates Word files carry.
fn comments_of(docx: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a .docx");
    let mut xml = String::new();
    archive
        .by_name("word/comments.xml")
        .expect("comments")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    let doc = roxmltree::Document::parse(&xml).expect("XML");
    doc.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("|")
}

#[test]
fn two_hundred_requests_from_twenty_clients_are_all_answered_correctly() {
    let (dir, names) = report_folder("serve-load");
    let kinds = crate_root().join(KINDS).to_string_lossy().into_owned();
    let server = Server::start(&dir, &["--no-config", "--no-builtin", "--pack", &kinds]);
    let uploads = files(&dir, &names);
    let expected: Vec<String> = names
        .iter()
        .map(|n| {
            check_json(
                &dir,
                &["--no-config", "--no-builtin", "--pack", &kinds],
                &[n],
            )
        })
        .collect();
    let server = std::sync::Arc::new(server);
    let uploads = std::sync::Arc::new(uploads);
    let expected = std::sync::Arc::new(expected);
    let started = Instant::now();
    let clients: Vec<_> = (0..20)
        .map(|c| {
            let (server, uploads, expected) = (server.clone(), uploads.clone(), expected.clone());
            std::thread::spawn(move || {
                let mut times = Vec::new();
                for r in 0..10 {
                    let i = (c + r) % uploads.len();
                    let (name, bytes) = &uploads[i];
                    let t = Instant::now();
                    let answer = post(&server, "/api/check", &[("file", name, bytes)], &[]);
                    times.push(t.elapsed());
                    assert_eq!(answer.status, 200);
                    assert_eq!(answer.text(), expected[i], "{name}");
                }
                times
            })
        })
        .collect();
    let mut times: Vec<Duration> = clients
        .into_iter()
        .flat_map(|c| c.join().expect("a client finished"))
        .collect();
    let total = started.elapsed();
    times.sort();
    assert_eq!(times.len(), 200);
    eprintln!(
        "serve load: 200 requests from 20 clients in {:.2}s ({:.0} requests/s), p50 {} ms, p99 {} ms, server peak memory {} MiB",
        total.as_secs_f64(),
        200.0 / total.as_secs_f64(),
        times[100].as_millis(),
        times[197].as_millis(),
        server.peak_kib() / 1024
    );
    assert!(total < Duration::from_secs(120));
}
