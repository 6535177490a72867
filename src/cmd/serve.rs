//! `govgraph serve`: the read-only SPARQL endpoint, until Ctrl-C; and
//! `govgraph serve-worker`, the process it runs queries in.

use crate::render;
use anyhow::{Context, Result};
use govgraph::store::Store;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// The endpoint's limits as given on the command line.
pub struct Limits {
    pub timeout: f64,
    pub max_response: u32,
    pub workers: Option<u16>,
    pub request_timeout: f64,
    pub cache: u32,
}

pub fn run(bind: std::net::SocketAddr, limits: Limits, store_path: &Path) -> Result<bool> {
    let timeout = super::seconds(limits.timeout)?;
    let request_timeout = super::seconds(limits.request_timeout)?;
    // Opened here only to refuse a missing or busy store before listening;
    // the workers open it again, each in its own process.
    drop(Store::open_read_only(store_path)?);
    let options = govgraph::serve::Options {
        timeout,
        workers: limits.workers.map_or_else(
            || std::thread::available_parallelism().map_or(2, |n| n.get()),
            usize::from,
        ),
        max_response: (limits.max_response as usize) << 20,
        request_timeout,
        cache: (limits.cache as usize) << 20,
    };
    let exe = std::env::current_exe().context("cannot find the govgraph executable")?;
    let store_path = std::path::absolute(store_path)
        .with_context(|| format!("cannot resolve {}", store_path.display()))?;
    let spawn: govgraph::serve::Spawn = Arc::new(move || {
        let mut command = std::process::Command::new(&exe);
        command.arg("serve-worker").arg("--store").arg(&store_path);
        command
    });
    govgraph::serve::serve(
        options,
        bind,
        spawn,
        |line| render::status(line),
        || {
            if !bind.ip().is_loopback() {
                render::status(format_args!(
                    "warning: listening on {bind}, reachable from other machines; the endpoint is read-only and has no authentication"
                ));
            }
            render::status(format_args!(
                "SPARQL endpoint at http://{bind}/sparql (page at http://{bind}/); Ctrl-C stops"
            ));
        },
    )?;
    Ok(true)
}

/// The worker's loop: queries on stdin, answers on stdout, until stdin
/// closes or the server that started it has gone.
pub fn worker(store_path: &Path) -> Result<bool> {
    let store = Store::open_read_only(store_path)?;
    // A worker whose server was killed would otherwise finish its query
    // first (its stdin closes only when it next reads); it is reparented
    // when the server ends, which this notices.
    let parent = std::os::unix::process::parent_id();
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(500));
            if std::os::unix::process::parent_id() != parent {
                std::process::exit(2);
            }
        }
    });
    let stdin = std::io::stdin().lock();
    let stdout = std::io::BufWriter::new(std::io::stdout().lock());
    govgraph::serve::run_worker(&store, stdin, stdout).context("the server has gone")?;
    Ok(true)
}
