//! The command line's definition: every command, flag and format, as clap
//! reads them. Nothing here runs anything; `cmd` does.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "govgraph",
    version,
    about = "Turn governance meeting minutes into a queryable knowledge graph"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(clap::Args)]
pub struct StoreArgs {
    /// The store folder.
    #[arg(
        long,
        env = "GOVGRAPH_STORE",
        default_value = "govgraph.db",
        global = true
    )]
    pub store: PathBuf,
}

#[derive(Subcommand)]
pub enum Command {
    /// Read minutes files or folders into the store.
    Ingest {
        /// Minutes files, or folders to search recursively.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        store: StoreArgs,
        /// Work in memory: parse and map everything, write nothing to disk.
        #[arg(long)]
        memory: bool,
        /// The namespace for the IRIs govgraph mints.
        #[arg(long, default_value = govgraph::vocab::DEFAULT_BASE)]
        base_iri: String,
        /// Rewrite every document, even unchanged ones.
        #[arg(long)]
        force: bool,
        /// Remove stored documents that these paths no longer hold (renamed
        /// or deleted files); without it they are counted in the summary.
        #[arg(long)]
        prune: bool,
        /// Identity rules (`same LOGIN ...`, `apart "NAME" LOGIN`); by default
        /// `govgraph-aliases.txt` in the current folder, when there is one.
        #[arg(long, env = "GOVGRAPH_ALIASES")]
        aliases: Option<PathBuf>,
        /// Print every diagnostic, not only warnings and errors.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Print each file's extracted model, without a store.
    Parse {
        /// Minutes files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ParseFormat::Json)]
        format: ParseFormat,
    },
    /// Run a saved query by name, a .rq file, or SPARQL text.
    Query {
        /// A saved query's name (see --list) or a path to a .rq file.
        query: Option<String>,
        /// SPARQL text to run instead of a saved query.
        #[arg(long, conflicts_with = "query")]
        sparql: Option<String>,
        /// A parameter, `name=value`; repeatable.
        #[arg(long = "param", short = 'p', value_parser = parse_param)]
        params: Vec<(String, String)>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
        format: QueryFormat,
        /// List the saved queries and the questions they answer.
        #[arg(long)]
        list: bool,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Lint minutes: report what a minute-taker can fix, with file:line.
    Check {
        /// Minutes files, or folders to search recursively.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Report notes too (repairs, lines that name no person).
        #[arg(long, short)]
        verbose: bool,
        /// Identity rules, as for `ingest`: logins declared one person are
        /// not reported as typos.
        #[arg(long, env = "GOVGRAPH_ALIASES")]
        aliases: Option<PathBuf>,
    },
    /// Write the whole graph in an RDF format, or as a property graph for
    /// graph tools (GraphML, Neo4j CSV).
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Turtle)]
        format: ExportFormat,
        /// Write to this file instead of stdout (for neo4j-csv: this folder,
        /// which gets nodes.csv and relationships.csv).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Write the canonical form (RDF Dataset Canonicalization,
        /// RDFC-1.0, as N-Quads) and print its SHA-256 on stderr: two
        /// stores with the same facts give the same bytes.
        #[arg(long, conflicts_with_all = ["format", "context"])]
        canonical: bool,
        /// For jsonld: the context to compact with (a JSON-LD context
        /// document); by default govgraph's, ontology/context.jsonld.
        #[arg(long)]
        context: Option<PathBuf>,
        /// For graphml and neo4j-csv: the SELECT giving the nodes (a saved
        /// query's name or a .rq file).
        #[arg(long, default_value = "graph-nodes")]
        nodes_query: String,
        /// For graphml and neo4j-csv: the SELECT giving the edges (a saved
        /// query's name or a .rq file).
        #[arg(long, default_value = "graph-edges")]
        edges_query: String,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Answer SPARQL queries over HTTP (SPARQL 1.1 Protocol, read-only),
    /// with a page to type queries on at /.
    Serve {
        /// The address to listen on; loopback unless told otherwise.
        #[arg(long, default_value = "127.0.0.1:7878")]
        bind: std::net::SocketAddr,
        /// Stop a query after this many seconds (503).
        #[arg(long, default_value_t = 30.0)]
        timeout: f64,
        /// Refuse (500) a response larger than this many MiB; responses
        /// are built whole, so this bounds the server's memory per query.
        #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u32).range(1..=4096))]
        max_response: u32,
        /// Worker processes evaluating queries, one each at a time
        /// [default: the number of CPUs].
        #[arg(long, value_parser = clap::value_parser!(u16).range(1..=256))]
        workers: Option<u16>,
        /// Close a connection whose client has not sent a request's whole
        /// header within this many seconds of connecting or of its previous
        /// answer (and its body within as many again).
        #[arg(long, default_value_t = 10.0)]
        request_timeout: f64,
        /// Keep up to this many MiB of answers for repeated queries.
        #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u32).range(0..=65536))]
        cache: u32,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// The process `serve` runs queries in: reads queries on stdin and
    /// writes answers on stdout (not for use by hand).
    #[command(hide = true)]
    ServeWorker {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Load every graph into an external triple store (Virtuoso, Fuseki,
    /// GraphDB, an Oxigraph server) through the SPARQL 1.1 Graph Store
    /// Protocol; each graph is replaced, so pushing again updates.
    Push {
        /// The Graph Store Protocol endpoint, e.g.
        /// http://localhost:8890/sparql-graph-crud-auth (Virtuoso) or
        /// http://localhost:7878/store (Oxigraph).
        #[arg(long)]
        endpoint: String,
        /// The user, when the server asks for one; the password comes from
        /// GOVGRAPH_PASSWORD or a prompt, never from the command line.
        #[arg(long, env = "GOVGRAPH_USER")]
        user: Option<String>,
        /// The graph to push the union of the documents as (query with
        /// default-graph-uri set to it to get govgraph's answers).
        #[arg(long, default_value_t = govgraph::push::default_union_graph())]
        union_graph: String,
        /// Do not push the union.
        #[arg(long)]
        no_union: bool,
        /// Seconds one request may take.
        #[arg(long, default_value_t = 300.0)]
        timeout: f64,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Check the graph against SHACL shapes (by default govgraph's own,
    /// ontology/shapes.ttl); exit code 1 when anything does not conform.
    Validate {
        /// Shapes to use instead of govgraph's (format from the extension).
        #[arg(long)]
        shapes: Option<PathBuf>,
        /// Validate this RDF file (format from the extension) instead of
        /// the store; the graphs of a quad file are validated as one.
        #[arg(long)]
        data: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ValidateFormat::Text)]
        format: ValidateFormat,
        #[command(flatten)]
        store: StoreArgs,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ValidateFormat {
    /// `file:line: severity: focus path: message`, one result per line.
    Text,
    /// One JSON array of results, for tools.
    Json,
    /// A SHACL validation report (`sh:ValidationReport`) in Turtle.
    Turtle,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ParseFormat {
    /// One JSON object per meeting, one per line.
    Json,
    /// One indented JSON object per meeting.
    JsonPretty,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum CheckFormat {
    /// Findings with source excerpts, for people.
    Text,
    /// One JSON array of findings, for tools.
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum QueryFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
    Turtle,
    Ntriples,
    Rdfxml,
    Jsonld,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Turtle,
    Trig,
    Ntriples,
    Nquads,
    Rdfxml,
    /// JSON-LD compacted with a context (readable keys).
    Jsonld,
    /// JSON-LD as Oxigraph writes it: expanded, full IRIs.
    JsonldExpanded,
    /// GraphML for networkx, Gephi and Cytoscape (a projection).
    Graphml,
    /// nodes.csv and relationships.csv for `neo4j-admin database import`.
    #[value(name = "neo4j-csv")]
    Neo4jCsv,
}

fn parse_param(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.trim().to_owned(), v.to_owned()))
        .filter(|(k, _)| !k.is_empty())
        .ok_or_else(|| format!("`{s}` is not name=value"))
}
