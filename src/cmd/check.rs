//! `govgraph check`: the minutes linter, findings on stdout.

use crate::cli::CheckFormat;
use crate::render;
use anyhow::Result;
use govgraph::model::{Diagnostic, Severity};
use std::io::{BufWriter, Write};
use std::path::PathBuf;

pub fn run(
    paths: &[PathBuf],
    format: CheckFormat,
    verbose: bool,
    aliases: &govgraph::resolve::Aliases,
) -> Result<bool> {
    let found = super::discover_minutes(paths)?;
    let results = govgraph::check::check(&found.files, aliases);
    let shown = |d: &Diagnostic| verbose || d.severity >= Severity::Warning;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let (mut errors, mut warnings) = (0, 0);
    let mut json = Vec::new();
    for f in &results {
        let lines: Vec<&str> = f.text.lines().collect();
        for d in f.diagnostics.iter().filter(|d| shown(d)) {
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                Severity::Note => {}
            }
            let excerpt = d
                .line
                .checked_sub(1)
                .and_then(|i| lines.get(i))
                .copied()
                .unwrap_or("");
            match format {
                CheckFormat::Json => json.push(serde_json::json!({
                    "file": f.path.display().to_string(),
                    "line": d.line,
                    "severity": d.severity,
                    "code": d.code,
                    "message": d.message,
                    "excerpt": excerpt,
                })),
                CheckFormat::Text => render::finding(&mut out, &f.path, d, excerpt)?,
            }
        }
    }
    if let CheckFormat::Json = format {
        serde_json::to_writer_pretty(&mut out, &json)?;
        writeln!(out)?;
    }
    out.flush()?;
    render::status(format_args!(
        "{} checked: {}, {}",
        render::count(results.len(), "file"),
        render::count(errors, "error"),
        render::count(warnings, "warning")
    ));
    Ok(errors + warnings == 0 && found.unreadable.is_empty())
}
