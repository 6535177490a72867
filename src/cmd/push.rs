//! `govgraph push`: every graph to another store, over the Graph Store
//! Protocol.

use crate::render;
use anyhow::{Context as _, Result, bail};
use govgraph::push::{self, Target};
use govgraph::store::Store;
use std::io::IsTerminal;
use std::path::Path;

pub fn run(
    endpoint: &str,
    user: Option<String>,
    union_graph: Option<String>,
    timeout: f64,
    store_path: &Path,
) -> Result<bool> {
    let timeout = super::seconds(timeout)?;
    // Before any prompt: a bad URL should not cost the user their password.
    push::check_endpoint(endpoint)?;
    let union_graph = union_graph
        .map(|g| {
            oxigraph::model::NamedNode::new(g.as_str())
                .with_context(|| format!("--union-graph `{g}` is not an IRI"))
        })
        .transpose()?;
    // The password never goes on the command line, where shell history and
    // `ps` would keep it.
    let credentials = match user {
        None => None,
        Some(user) => {
            let password = match std::env::var("GOVGRAPH_PASSWORD") {
                Ok(p) => p,
                Err(_) if std::io::stdin().is_terminal() => {
                    rpassword::prompt_password(format!("password for {user} at {endpoint}: "))
                        .context("cannot read the password")?
                }
                Err(_) => bail!("set GOVGRAPH_PASSWORD for --user {user} (no terminal to ask on)"),
            };
            Some((user, password))
        }
    };
    let store = Store::open_read_only(store_path)?;
    let bar = render::progress_unknown();
    let report = push::push(
        &store,
        &Target {
            endpoint: endpoint.to_owned(),
            credentials,
            union_graph,
            timeout,
        },
        &|done, total| {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        },
    )?;
    bar.finish_and_clear();
    render::status(format_args!(
        "{} ({} triples) replaced at {endpoint}",
        render::count(report.graphs, "graph"),
        report.triples
    ));
    Ok(true)
}
