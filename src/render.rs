//! Everything the command line writes for people: error lines, diagnostics,
//! summaries, lint findings with excerpts, validation results, result
//! tables and progress bars. Commands hand their results here; nothing else
//! formats text for the terminal.

use govgraph::model::{Diagnostic, Severity};
use std::io::{IsTerminal, Write};
use std::path::Path;

/// The one error line of a failed run, each cause once, on stderr.
pub fn error(e: &anyhow::Error) {
    // Each cause once: library errors already name their source.
    let mut msg = format!("error: {e}");
    for cause in e.chain().skip(1) {
        let c = cause.to_string();
        if !msg.contains(&c) {
            msg.push_str(&format!(": {c}"));
        }
    }
    // One line, so a script can grep it: some causes (the SPARQL parser's
    // list of expected tokens) span several.
    let msg = msg.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    eprintln!("{msg}");
}

/// A path as diagnostics show it: control characters (a newline in a
/// file name) escaped as Rust writes them, so that a diagnostic stays one
/// `file:line:` line whatever the file is called (issue 13, item 8).
pub fn path(path: &Path) -> String {
    let shown = path.display().to_string();
    if !shown.chars().any(char::is_control) {
        return shown;
    }
    shown
        .chars()
        .map(|c| {
            if c.is_control() {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// One diagnostic on stderr: `file:line: severity[code]: message`.
pub fn diagnostic(file: &Path, d: &Diagnostic) {
    eprintln!(
        "{}:{}: {}[{}]: {}",
        path(file),
        d.line,
        d.severity,
        d.code,
        d.message
    );
}

/// A line of progress or summary on stderr.
pub fn status(line: impl std::fmt::Display) {
    eprintln!("{line}");
}

/// `1 file`, `2 files`.
pub fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// A progress bar on stderr with this template; indicatif draws nothing
/// when stderr is not a terminal, so logs and CI stay clean.
pub fn progress(len: usize, template: &str) -> indicatif::ProgressBar {
    indicatif::ProgressBar::new(len as u64)
        .with_style(indicatif::ProgressStyle::with_template(template).expect("valid template"))
}

/// A progress bar whose length is learnt as it goes; hidden when stderr is
/// not a terminal.
pub fn progress_unknown() -> indicatif::ProgressBar {
    if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(0)
    } else {
        indicatif::ProgressBar::hidden()
    }
}

/// One lint finding with its source line, as rustc shows errors.
pub fn finding(
    out: &mut impl Write,
    file: &Path,
    d: &Diagnostic,
    excerpt: &str,
) -> std::io::Result<()> {
    use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
    let renderer = if std::io::stdout().is_terminal() {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    };
    let path = path(file);
    let title = level.clone().primary_title(d.message.as_str()).id(d.code);
    let report = if excerpt.trim().is_empty() || d.line == 0 {
        vec![
            title.element(
                Snippet::<annotate_snippets::Annotation<'_>>::source("")
                    .path(path.as_str())
                    .line_start(d.line.max(1)),
            ),
        ]
    } else {
        let start = excerpt.len() - excerpt.trim_start().len();
        vec![
            title.element(
                Snippet::source(excerpt)
                    .line_start(d.line)
                    .path(path.as_str())
                    .annotation(AnnotationKind::Primary.span(start..excerpt.trim_end().len())),
            ),
        ]
    };
    writeln!(out, "{}\n", renderer.render(&report))
}

/// A table of query results for the terminal, and the row count.
pub fn table(out: &mut impl Write, t: &govgraph::query::Table) -> std::io::Result<()> {
    let mut table = comfy_table::Table::new();
    table.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED);
    table.set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
    table.set_header(t.header.iter().cloned());
    let mut widest = vec![0usize; t.header.len()];
    for row in &t.rows {
        for (w, c) in widest.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
        table.add_row(row.iter().cloned());
    }
    // Short columns (dates, counts, logins) never wrap; long text takes
    // what is left of the terminal.
    for (i, (w, v)) in widest.iter().zip(&t.header).enumerate() {
        let w = (*w).max(v.len());
        if let Some(col) = table.column_mut(i) {
            col.set_constraint(if w <= 10 {
                comfy_table::ColumnConstraint::ContentWidth
            } else {
                comfy_table::ColumnConstraint::LowerBoundary(comfy_table::Width::Fixed(
                    w.min(12) as u16
                ))
            });
        }
    }
    writeln!(out, "{table}")?;
    writeln!(out, "{}", count(t.rows.len(), "row"))
}
