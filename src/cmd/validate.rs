//! `govgraph validate`: SHACL validation of the store or of an RDF file.

use crate::cli::ValidateFormat;
use crate::render;
use anyhow::{Context as _, Result};
use govgraph::files::{file_url, rdf_format_of};
use govgraph::store::{self, Store};
use govgraph::validate::{self, Severity, Shapes};
use oxigraph::io::RdfFormat;
use std::io::{BufWriter, Write};
use std::path::Path;

pub fn run(
    shapes: Option<&Path>,
    data: Option<&Path>,
    format: ValidateFormat,
    store_path: &Path,
) -> Result<bool> {
    let shapes = match shapes {
        None => Shapes::builtin()?,
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            Shapes::parse(&bytes, rdf_format_of(path)?, file_url(path).as_deref())
                .with_context(|| format!("{}", path.display()))?
        }
    };
    let report = match data {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            let store =
                store::load_as_union(&bytes, rdf_format_of(path)?, file_url(path).as_deref())
                    .with_context(|| format!("{}", path.display()))?;
            validate::validate(&store, &shapes)?
        }
        None => {
            let store = Store::open_read_only(store_path)?;
            validate::validate(store.oxigraph(), &shapes)?
        }
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    match format {
        ValidateFormat::Text => {
            for r in &report.results {
                writeln!(out, "{}", validate::result_line(r))?;
            }
        }
        ValidateFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &report.results)?;
            writeln!(out)?;
        }
        ValidateFormat::Turtle => {
            let mut w = store::serializer(RdfFormat::Turtle)
                .with_prefix("sh", validate::SH)?
                .for_writer(&mut out);
            for t in report.to_triples() {
                w.serialize_triple(&t)?;
            }
            w.finish()?;
        }
    }
    out.flush()?;
    render::status(format_args!(
        "{} focus nodes checked: {}, {}, {}",
        report.focus_nodes,
        render::count(report.count(Severity::Violation), "violation"),
        render::count(report.count(Severity::Warning), "warning"),
        render::count(report.count(Severity::Info), "info")
    ));
    Ok(report.conforms())
}
