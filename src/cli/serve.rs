//! `reportlint serve`: resolve the configuration and packs as `check` does, then serve the
//! page and the API (`crate::serve`) until stopped.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;

use super::check::{exit, report_error, working_folder};
use crate::config;
use crate::config::baseline::Baseline;
use crate::config::gate::Gate;
use crate::run::packs::check_rule_names;
use crate::serve::{Limits, Rules, Service};

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Port to listen on [default: a free one, printed at start].
    #[arg(long, default_value_t = 0, hide_default_value = true)]
    pub port: u16,
    /// Address to listen on. The default serves this machine only; 0.0.0.0 serves the
    /// network (every machine that can reach this one may upload reports).
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    pub host: IpAddr,
    /// A host name (besides the address listened on) under which the page may be opened,
    /// e.g. the office machine's name (repeatable).
    #[arg(long = "allow-host", value_name = "NAME")]
    pub allow_hosts: Vec<String>,
    /// Open the page in the default browser.
    #[arg(long)]
    pub open: bool,
    #[command(flatten)]
    pub rules: super::args::RuleArgs,
    #[command(flatten)]
    pub read: super::args::ReadArgs,
    /// Refuse requests larger than this (all files of one upload together).
    #[arg(long, value_name = "SIZE", value_parser = crate::source::parse_size, default_value = "50MB")]
    pub max_request_size: u64,
    /// Refuse requests with more report files than this.
    #[arg(long, value_name = "N", default_value_t = 200)]
    pub max_files: usize,
    /// Stop a request that takes longer than this many seconds (upload included).
    #[arg(long, value_name = "SECONDS", default_value_t = 120)]
    pub timeout: u64,
    /// Number of files checked at once (default: number of cores).
    #[arg(long, short)]
    pub jobs: Option<usize>,
}

/// The service: configuration, packs, rules, gate, as one run of `check` would resolve
/// them; `Err` is the exit code after the reason was printed.
fn service(args: &ServeArgs) -> Result<Service, i32> {
    let cwd = working_folder()?;
    let config = args.rules.find_config(&cwd).map_err(|e| {
        report_error(&e, false);
        exit::TROUBLE
    })?;
    let (loaded, pack_errors) = args.rules.load_packs(config.as_ref());
    if !pack_errors.is_empty() {
        for e in &pack_errors {
            report_error(e, false);
        }
        eprintln!(
            "{}",
            crate::tr!("error-line", message = crate::tr!("serve-pack-failed"))
        );
        return Err(exit::TROUBLE);
    }
    if let Some(config) = &config {
        if !args.rules.no_builtin {
            if let Err(e) = check_rule_names(config, &loaded) {
                report_error(&e, false);
                return Err(exit::TROUBLE);
            }
        }
    }
    let baseline = match config.as_ref().and_then(|c| c.baseline.clone()) {
        Some(path) => Some(Baseline::read(&path).map_err(|e| {
            eprintln!("{}", crate::tr!("error-line", message = e));
            exit::TROUBLE
        })?),
        None => None,
    };
    let jobs = args
        .jobs
        .filter(|j| *j > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
    let set = crate::serve::narrow(
        config.as_ref(),
        &args.rules.only,
        &args.rules.skip,
        loaded.clone(),
    );
    if set.rules.is_empty() {
        eprintln!(
            "{}",
            crate::tr!("error-line", message = crate::tr!("serve-no-rules"))
        );
        return Err(exit::TROUBLE);
    }
    let rules = Rules::new(&set);
    let running: Vec<&str> = rules.infos.iter().map(|r| r.id.as_str()).collect();
    let gate = Gate::new(config.as_ref(), baseline).with_running_rules(&running);
    let service = Service {
        loaded,
        only: args.rules.only.clone(),
        skip: args.rules.skip.clone(),
        rules: std::sync::Arc::new(rules),
        gate,
        read_options: args.read.options(),
        author: config::annotate_author(config.as_ref()),
        configuration: config
            .as_ref()
            .map(|c| crate::output::escape_controls(&crate::run::inputs::display_path(&c.file))),
        limits: Limits {
            max_request_bytes: args.max_request_size,
            max_files: args.max_files.max(1),
            timeout: Duration::from_secs(args.timeout.max(1)),
            workers: jobs,
            ..Limits::default()
        },
        config,
    };
    Ok(service)
}

/// Open `url` in the default browser; a failure is only a warning.
fn open_browser(url: &str) {
    let command = if cfg!(target_os = "windows") {
        std::process::Command::new("cmd")
            .args(["/C", "start", "", url])
            .spawn()
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(url).spawn()
    } else {
        std::process::Command::new("xdg-open").arg(url).spawn()
    };
    if let Err(e) = command {
        eprintln!(
            "{}",
            crate::tr!(
                "warning-line",
                message = crate::tr!("serve-no-browser", error = e, url = url)
            )
        );
    }
}

pub fn run(args: ServeArgs) -> i32 {
    let service = match service(&args) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let listener = match crate::serve::bind(SocketAddr::new(args.host, args.port)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!(
                "{}",
                crate::tr!(
                    "error-line",
                    message = crate::tr!(
                        "serve-cannot-listen",
                        address = SocketAddr::new(args.host, args.port),
                        error = crate::i18n::io(&e)
                    )
                )
            );
            return exit::TROUBLE;
        }
    };
    let local = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => {
            eprintln!(
                "{}",
                crate::tr!(
                    "error-line",
                    message = crate::tr!("serve-no-address", error = crate::i18n::io(&e))
                )
            );
            return exit::TROUBLE;
        }
    };
    if !args.host.is_loopback() {
        eprintln!(
            "{}",
            crate::tr!(
                "warning-line",
                message = crate::tr!("serve-open-to-network", host = args.host)
            )
        );
    }
    let shown = if local.ip().is_unspecified() {
        SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), local.port())
    } else {
        local
    };
    let url = format!("http://{shown}/");
    println!("{}", crate::tr!("serve-listening", url = url));
    eprintln!(
        "{}",
        crate::tr!("serve-running", rules = service.rules.infos.len())
    );
    use std::io::Write;
    let _ = std::io::stdout().flush();
    if args.open {
        open_browser(&url);
    }
    match crate::serve::serve(listener, service, args.allow_hosts) {
        Ok(()) => exit::CLEAN,
        Err(e) => {
            eprintln!(
                "{}",
                crate::tr!(
                    "error-line",
                    message = crate::tr!("serve-stopped", error = crate::i18n::io(&e))
                )
            );
            exit::TROUBLE
        }
    }
}
