//! `govgraph export`: the whole graph in an RDF syntax, as compacted
//! JSON-LD, in canonical form, or projected as a property graph.

use crate::cli::ExportFormat;
use crate::render;
use anyhow::{Context as _, Result, bail};
use govgraph::files::write_atomically;
use govgraph::store::Store;
use govgraph::{jsonld, project};
use oxigraph::io::RdfFormat;
use std::io::{BufWriter, Write};
use std::path::Path;

/// What to export, as the command line asked.
pub struct Request<'a> {
    pub format: ExportFormat,
    pub canonical: bool,
    pub context: Option<&'a Path>,
    pub nodes_query: &'a str,
    pub edges_query: &'a str,
}

/// The kinds of export, each handled its own way.
enum Kind {
    /// An RDF syntax Oxigraph writes.
    Rdf(RdfFormat),
    /// JSON-LD compacted against a context.
    CompactJsonLd,
    /// Canonical N-Quads (RDFC-1.0).
    Canonical,
    /// A property graph as GraphML.
    Graphml,
    /// A property graph as Neo4j's import CSV files.
    Neo4jCsv,
}

impl Request<'_> {
    fn kind(&self) -> Kind {
        if self.canonical {
            return Kind::Canonical;
        }
        match self.format {
            ExportFormat::Turtle => Kind::Rdf(RdfFormat::Turtle),
            ExportFormat::Trig => Kind::Rdf(RdfFormat::TriG),
            ExportFormat::Ntriples => Kind::Rdf(RdfFormat::NTriples),
            ExportFormat::Nquads => Kind::Rdf(RdfFormat::NQuads),
            ExportFormat::Rdfxml => Kind::Rdf(RdfFormat::RdfXml),
            ExportFormat::JsonldExpanded => Kind::Rdf(RdfFormat::JsonLd {
                profile: Default::default(),
            }),
            ExportFormat::Jsonld => Kind::CompactJsonLd,
            ExportFormat::Graphml => Kind::Graphml,
            ExportFormat::Neo4jCsv => Kind::Neo4jCsv,
        }
    }
}

pub fn run(req: Request<'_>, output: Option<&Path>, store_path: &Path) -> Result<bool> {
    match req.kind() {
        Kind::Rdf(format) => {
            let store = Store::open_read_only(store_path)?;
            to_file_or_stdout(output, |w| store.export(format, w))?;
        }
        Kind::Canonical => {
            let store = Store::open_read_only(store_path)?;
            let mut hash = String::new();
            to_file_or_stdout(output, |w| {
                hash = store.export_canonical(w)?;
                Ok(())
            })?;
            render::status(format_args!("sha256 {hash} (RDFC-1.0 canonical N-Quads)"));
        }
        Kind::CompactJsonLd => compact_jsonld(req.context, output, store_path)?,
        kind @ (Kind::Graphml | Kind::Neo4jCsv) => property_graph(
            matches!(kind, Kind::Neo4jCsv),
            output,
            req.nodes_query,
            req.edges_query,
            store_path,
        )?,
    }
    Ok(true)
}

/// Writes to `output` atomically (a failed export leaves nothing behind),
/// or to stdout.
fn to_file_or_stdout(
    output: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> govgraph::Result<()>,
) -> Result<()> {
    match output {
        Some(path) => write_atomically(path, write)?,
        None => {
            let mut w = BufWriter::new(std::io::stdout().lock());
            write(&mut w)?;
            w.flush()?;
        }
    }
    Ok(())
}

fn compact_jsonld(context: Option<&Path>, output: Option<&Path>, store_path: &Path) -> Result<()> {
    // The context is checked before anything is read or written.
    let context = match context {
        None => jsonld::parse_context(jsonld::CONTEXT)?,
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            jsonld::parse_context(&text).with_context(|| format!("{}", path.display()))?
        }
    };
    let store = Store::open_read_only(store_path)?;
    to_file_or_stdout(output, |w| store.export_compacted_jsonld(&context, w))
}

fn property_graph(
    neo4j: bool,
    output: Option<&Path>,
    nodes_query: &str,
    edges_query: &str,
    store_path: &Path,
) -> Result<()> {
    let nodes = super::query_text(nodes_query)?;
    let edges = super::query_text(edges_query)?;
    let store = Store::open_read_only(store_path)?;
    // A projection error names neither query: say which were used, since
    // either may be the user's own file.
    let g = project::project(&store, &nodes, &edges).with_context(|| {
        format!("cannot project with nodes query {nodes_query} and edges query {edges_query}")
    })?;
    match (neo4j, output) {
        (true, None) => bail!("neo4j-csv writes two files: pass --output FOLDER"),
        (true, Some(dir)) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            write_atomically(&dir.join("nodes.csv"), |w| {
                project::write_neo4j_nodes(&g, w)
            })?;
            write_atomically(&dir.join("relationships.csv"), |w| {
                project::write_neo4j_relationships(&g, w)
            })?;
        }
        (false, output) => to_file_or_stdout(output, |w| project::write_graphml(&g, w))?,
    }
    render::status(format_args!(
        "{} and {} written{}",
        render::count(g.nodes.len(), "node"),
        render::count(g.edges.len(), "edge"),
        if g.dropped_edges > 0 {
            format!(
                "; {} left out (an end is not a node)",
                render::count(g.dropped_edges, "edge")
            )
        } else {
            String::new()
        }
    ));
    Ok(())
}
