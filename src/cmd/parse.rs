//! `govgraph parse`: each file's extracted model as JSON, no store.

use crate::cli::ParseFormat;
use crate::render;
use anyhow::{Context as _, Result, bail};
use govgraph::model::Severity;
use govgraph::source;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

pub fn run(files: &[PathBuf], format: ParseFormat) -> Result<bool> {
    for path in files {
        if path.is_dir() {
            bail!(
                "{} is a folder; give minutes files (or use `govgraph ingest` for folders)",
                path.display()
            );
        }
    }
    // One discovery for all files: git is asked once per checkout.
    let found = source::discover(files)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut ok = true;
    for path in files {
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        let file = found
            .files
            .iter()
            .find(|f| {
                std::fs::canonicalize(&f.path).unwrap_or_else(|_| f.path.clone()) == canonical
            })
            .with_context(|| format!("cannot read {}", path.display()))?;
        match source::read_source(file) {
            Ok(read) => {
                let m = read.minutes;
                for d in m
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity >= Severity::Warning)
                {
                    render::diagnostic(path, d);
                }
                ok &= m.is_meeting();
                // One object per meeting: a log of several meetings gives
                // several lines.
                for view in m.views() {
                    match format {
                        ParseFormat::Json => serde_json::to_writer(&mut out, &view)?,
                        ParseFormat::JsonPretty => serde_json::to_writer_pretty(&mut out, &view)?,
                    }
                    writeln!(out)?;
                }
            }
            Err(d) => {
                render::diagnostic(path, &d);
                ok = false;
            }
        }
    }
    out.flush()?;
    Ok(ok)
}
