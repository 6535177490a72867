//! `govgraph serve`: the read-only SPARQL endpoint, until Ctrl-C.

use crate::render;
use anyhow::Result;
use govgraph::store::Store;
use std::path::Path;

pub fn run(
    bind: std::net::SocketAddr,
    timeout: f64,
    max_response_mib: u32,
    store_path: &Path,
) -> Result<bool> {
    let timeout = super::seconds(timeout)?;
    let store = Store::open_read_only(store_path)?;
    let options = govgraph::serve::Options {
        timeout,
        max_queries: std::thread::available_parallelism().map_or(2, |n| n.get()),
        max_response: (max_response_mib as usize) << 20,
    };
    govgraph::serve::serve(
        store,
        options,
        bind,
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
