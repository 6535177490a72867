//! The minutes linter behind `govgraph check`.
//!
//! It reads files as `ingest` would and reports, with `file:line`, what a
//! minute-taker can fix: a missing or disagreeing date, unfilled template
//! variables, empty links, attendance lines it could not read, assignees
//! who are not in the attendance list or whose first name fits several,
//! link text that names another issue than its URL, and GitHub handles that
//! look like typos of a handle written more often across the files checked.
//!
//! `check` does not print; the CLI renders what it returns.

use crate::model::{Diagnostic, Severity};
use crate::resolve;
use crate::source::SourceFile;
use crate::source::read_sources;
use std::path::PathBuf;

/// What `check` found in one file.
#[derive(Debug, Clone)]
pub struct FileFindings {
    /// The file.
    pub path: PathBuf,
    /// Its decoded text (for excerpts), empty when it could not be read.
    pub text: String,
    /// The findings, by line.
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks minutes files. Logins the aliases declare one person are not
/// reported as typos of each other.
pub fn check(files: &[SourceFile], aliases: &resolve::Aliases) -> Vec<FileFindings> {
    let ids = resolve::Identities::default().with_aliases(aliases.clone());
    let mut out = Vec::new();
    let mut attendees = Vec::new();
    for (i, (f, read)) in files.iter().zip(read_sources(files, &|_| {})).enumerate() {
        match read {
            Ok(read) => {
                for a in read.minutes.attendees() {
                    if let Some(h) = &a.handle {
                        attendees.push((i, a.line, h.clone(), a.name.clone()));
                    }
                }
                out.push(FileFindings {
                    path: f.path.clone(),
                    text: read.text,
                    diagnostics: read.minutes.diagnostics,
                });
            }
            Err(d) => out.push(FileFindings {
                path: f.path.clone(),
                text: String::new(),
                diagnostics: vec![d],
            }),
        }
    }
    let suggestions = resolve::suggestions(
        attendees
            .iter()
            .map(|(_, _, h, n)| (h.as_str(), n.as_deref())),
    );
    for (i, line, handle, _) in &attendees {
        if let Some(s) = suggestions
            .iter()
            .find(|s| s.rare == handle.to_lowercase() && !ids.declared_same(&s.rare, &s.common))
        {
            out[*i].diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "handle-typo",
                *line,
                format!(
                    "`@{handle}` looks like a typo of `@{}` ({} edit{} apart, {}; seen {} times against {}); if they are one person, add `same {} {}` to the aliases file",
                    s.common,
                    s.distance,
                    if s.distance == 1 { "" } else { "s" },
                    s.reason,
                    s.counts.0,
                    s.counts.1,
                    s.common,
                    s.rare
                ),
            ));
        }
    }
    for f in &mut out {
        f.diagnostics.sort_by_key(|d| d.line);
    }
    out
}
