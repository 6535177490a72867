//! One module per command. Each reads its arguments, calls the library and
//! hands what it got to `render`; `Ok(false)` means the command finished
//! but found problems (exit code 1).

mod check;
mod export;
mod ingest;
mod parse;
mod push;
mod query;
mod serve;
mod validate;

use crate::cli::Command;
use crate::render;
use anyhow::{Context as _, Result, bail};
use govgraph::source;
use std::path::{Path, PathBuf};

/// Runs one command.
pub fn run(command: Command) -> Result<bool> {
    match command {
        Command::Ingest {
            paths,
            store,
            memory,
            base_iri,
            force,
            prune,
            verbose,
            aliases,
        } => ingest::run(
            &paths,
            &store.store,
            memory,
            govgraph::store::IngestOptions {
                base_iri,
                force,
                prune,
                aliases: load_aliases(aliases)?,
            },
            verbose,
        ),
        Command::Parse { files, format } => parse::run(&files, format),
        Command::Query {
            query,
            sparql,
            params,
            format,
            list,
            store,
        } => {
            if list {
                query::list()
            } else {
                query::run(query, sparql, &params, format, &store.store)
            }
        }
        Command::Export {
            format,
            output,
            canonical,
            nodes_query,
            edges_query,
            context,
            store,
        } => export::run(
            export::Request {
                format,
                canonical,
                context: context.as_deref(),
                nodes_query: &nodes_query,
                edges_query: &edges_query,
            },
            output.as_deref(),
            &store.store,
        ),
        Command::Check {
            paths,
            format,
            verbose,
            aliases,
        } => check::run(&paths, format, verbose, &load_aliases(aliases)?),
        Command::Serve {
            bind,
            timeout,
            max_response,
            workers,
            request_timeout,
            cache,
            store,
        } => serve::run(
            bind,
            serve::Limits {
                timeout,
                max_response,
                workers,
                request_timeout,
                cache,
            },
            &store.store,
        ),
        Command::ServeWorker { store } => serve::worker(&store.store),
        Command::Push {
            endpoint,
            user,
            union_graph,
            no_union,
            timeout,
            store,
        } => push::run(
            &endpoint,
            user,
            (!no_union).then_some(union_graph),
            timeout,
            &store.store,
        ),
        Command::Validate {
            shapes,
            data,
            format,
            store,
        } => validate::run(shapes.as_deref(), data.as_deref(), format, &store.store),
    }
}

/// Finds the minutes under `paths`; none at all is an error. Entries that
/// could not be read are reported here, and the run goes on without them.
fn discover_minutes(paths: &[PathBuf]) -> Result<source::Found> {
    let found = source::discover(paths)?;
    for u in &found.unreadable {
        render::status(format_args!(
            "{}: error[unreadable]: {}",
            render::path(&u.path),
            u.message
        ));
    }
    if found.files.is_empty() {
        bail!(
            "no minutes files found in {} ({} other files skipped); minutes are .md files, or text files whose first line is a `# title`",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            found.skipped.len()
        );
    }
    Ok(found)
}

/// The identity rules: the file named, else `govgraph-aliases.txt` in the
/// current folder when there is one, else none.
fn load_aliases(path: Option<PathBuf>) -> Result<govgraph::resolve::Aliases> {
    let (path, explicit) = match path {
        Some(p) => (p, true),
        None => (PathBuf::from("govgraph-aliases.txt"), false),
    };
    if !explicit && !path.exists() {
        return Ok(Default::default());
    }
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read the aliases file {}", path.display()))?;
    govgraph::resolve::Aliases::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

/// A saved query's text, or a .rq file's.
fn query_text(name_or_path: &str) -> Result<String> {
    if name_or_path.ends_with(".rq") || Path::new(name_or_path).is_file() {
        return std::fs::read_to_string(name_or_path)
            .with_context(|| format!("cannot read {name_or_path}"));
    }
    Ok(govgraph::query::find(name_or_path)?.text)
}

/// Checks a `--timeout` value.
fn seconds(timeout: f64) -> Result<std::time::Duration> {
    if !(timeout.is_finite() && timeout > 0.0) {
        bail!("--timeout must be a positive number of seconds");
    }
    Ok(std::time::Duration::from_secs_f64(timeout))
}
