//! `govgraph ingest`: minutes into the store, with a summary on stderr.

use crate::render;
use anyhow::{Context as _, Result};
use govgraph::model::Severity;
use govgraph::store::{self, IngestOptions, Outcome, Store};
use std::path::{Path, PathBuf};

pub fn run(
    paths: &[PathBuf],
    store_path: &Path,
    memory: bool,
    opts: IngestOptions,
    verbose: bool,
) -> Result<bool> {
    let prune = opts.prune;
    let found = super::discover_minutes(paths)?;
    for s in &found.skipped {
        // READMEs and templates sit among minutes and look like them, so
        // say why they were left out; other file types only when asked.
        let lookalike = s.reason.contains("README") || s.reason.contains("template");
        if verbose || lookalike {
            render::status(format_args!(
                "{}: note[skipped]: {}",
                render::path(&s.path),
                s.reason
            ));
        }
    }
    let store = if memory {
        Store::memory()?
    } else {
        Store::open(store_path)?
    };
    let where_ = if memory {
        "memory".to_owned()
    } else {
        store_path.display().to_string()
    };
    let bar = render::progress(found.files.len(), "reading {bar:30} {pos}/{len} {wide_msg}");
    let report = store::ingest(&store, &found.files, &opts, &|n| bar.set_position(n as u64));
    bar.finish_and_clear();
    let report = report.with_context(|| format!("ingesting into {where_}"))?;
    let mut counts = [0usize; 3];
    for f in &report.files {
        for d in &f.diagnostics {
            counts[d.severity as usize] += 1;
            if verbose || d.severity >= Severity::Warning {
                render::diagnostic(&f.path, d);
            }
        }
    }
    render::status(format_args!(
        "{} documents ({} new, {} changed, {} unchanged, {} failed, {} skipped as not minutes); {} meetings, {} people, {} triples in {where_}; {} errors, {} warnings, {} notes",
        report.files.len(),
        report.count(Outcome::New),
        report.count(Outcome::Changed),
        report.count(Outcome::Unchanged),
        report.count(Outcome::Failed),
        found.skipped.len(),
        report.meetings,
        report.people,
        report.triples,
        counts[2],
        counts[1],
        counts[0],
    ));
    if report.not_parsed > 0 {
        render::status(format_args!(
            "{} not parsed again, so their diagnostics are not repeated (`govgraph check` shows them)",
            render::count(report.not_parsed, "unchanged file")
        ));
    }
    if !report.stale.is_empty() {
        let n = report.stale.len();
        if prune {
            render::status(format_args!(
                "removed {} these paths no longer hold",
                render::count(n, "stored document")
            ));
        } else {
            render::status(format_args!(
                "note: {n} stored document{} not in these paths (renamed or deleted files?); `--prune` removes {}",
                if n == 1 { " is" } else { "s are" },
                if n == 1 { "it" } else { "them" }
            ));
        }
    }
    Ok(!report.has_problems() && found.unreadable.is_empty())
}
