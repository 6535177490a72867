//! Meeting minutes, read: the first half of govgraph, with no RDF in it.
//!
//! This crate turns the Markdown minutes of governance groups into a typed
//! model ([`model::Minutes`]) with diagnostics. It knows nothing about RDF
//! or Oxigraph, so that it builds in minutes and its tests run in seconds; the
//! `govgraph` crate maps what it returns to a graph.
//!
//! # Bird's-eye view
//!
//! ```text
//! paths ─ source ─▶ bytes ─ decode ─▶ text ─ parse ─▶ Minutes (+ diagnostics)
//! ```
//!
//! # Code map
//!
//! - [`source`]: finds minutes files under the paths a user gives and reads
//!   them, with the repository and git commit they come from.
//! - [`decode`]: bytes to clean text (BOM, CRLF, invisible spaces, mojibake).
//! - [`parse`]: text to the typed [`model::Minutes`], with diagnostics.
//! - [`text`]: name folding and edit distance, shared with identity
//!   resolution downstream.
//! - [`model`]: the typed model, which `govgraph parse` prints as JSON.
//!
//! # Invariants
//!
//! - Nothing here knows about RDF: no IRIs, no quads, no oxigraph.
//! - Only [`source`] reads files (and asks the local git checkout about
//!   them); `decode` and `parse` are pure functions of their input.
//! - Nothing prints: diagnostics are values, rendered by the CLI.
//! - Bad input never panics and never drops a file silently: every file
//!   yields a meeting or a diagnostic saying why not.

#![warn(missing_docs, clippy::print_stdout, clippy::print_stderr)]

pub mod decode;
pub mod error;
pub mod model;
pub mod parse;
pub mod source;
pub mod text;

pub use error::{Error, Result};

/// Reads one minutes document from bytes: decode, then parse.
///
/// Never fails; what could not be read is in the diagnostics.
pub fn read_minutes(bytes: &[u8], cx: &parse::Context) -> model::Minutes {
    let decoded = decode::decode(bytes);
    read_text(&decoded.text, decoded.diagnostics, cx)
}

/// Parses already decoded text, merging the decoder's diagnostics with the
/// parser's, by line.
fn read_text(
    text: &str,
    mut diagnostics: Vec<model::Diagnostic>,
    cx: &parse::Context,
) -> model::Minutes {
    let mut m = parse::parse(text, cx);
    diagnostics.append(&mut m.diagnostics);
    diagnostics.sort_by_key(|d| d.line);
    m.diagnostics = diagnostics;
    m
}
