//! The `govgraph` command line. The only place that prints.
//!
//! Exit codes: 0 when all went well, 1 when the run finished but found
//! problems (a file that could not be read or yielded no meeting), 2 on an
//! error that stopped the run (bad arguments, a missing path, a store that
//! cannot be opened, an invalid query).

use anyhow::{Context as _, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use govgraph::model::Severity;
use govgraph::query::{self, Output};
use govgraph::source;
use govgraph::store::{self, IngestOptions, Outcome, Store};
use oxigraph::io::RdfFormat;
use oxigraph::sparql::results::QueryResultsFormat;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "govgraph",
    version,
    about = "Turn governance meeting minutes into a queryable knowledge graph"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct StoreArgs {
    /// The store folder.
    #[arg(
        long,
        env = "GOVGRAPH_STORE",
        default_value = "govgraph.db",
        global = true
    )]
    store: PathBuf,
}

#[derive(Subcommand)]
enum Command {
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
enum ValidateFormat {
    /// `file:line: severity: focus path: message`, one result per line.
    Text,
    /// One JSON array of results, for tools.
    Json,
    /// A SHACL validation report (`sh:ValidationReport`) in Turtle.
    Turtle,
}

#[derive(Clone, Copy, ValueEnum)]
enum ParseFormat {
    /// One JSON object per file, one per line.
    Json,
    /// One indented JSON object per file.
    JsonPretty,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    /// Findings with source excerpts, for people.
    Text,
    /// One JSON array of findings, for tools.
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum QueryFormat {
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
enum ExportFormat {
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

impl ExportFormat {
    fn rdf(self) -> RdfFormat {
        match self {
            ExportFormat::Graphml | ExportFormat::Neo4jCsv => {
                unreachable!("not an RDF format")
            }
            ExportFormat::Turtle => RdfFormat::Turtle,
            ExportFormat::Trig => RdfFormat::TriG,
            ExportFormat::Ntriples => RdfFormat::NTriples,
            ExportFormat::Nquads => RdfFormat::NQuads,
            ExportFormat::Rdfxml => RdfFormat::RdfXml,
            ExportFormat::Jsonld | ExportFormat::JsonldExpanded => RdfFormat::JsonLd {
                profile: Default::default(),
            },
        }
    }
}

fn parse_param(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.trim().to_owned(), v.to_owned()))
        .filter(|(k, _)| !k.is_empty())
        .ok_or_else(|| format!("`{s}` is not name=value"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        // A reader that stops early (`govgraph export | head`) is not an
        // error, as for any Unix filter.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Each cause once: library errors already name their source.
            let mut msg = format!("error: {e}");
            for cause in e.chain().skip(1) {
                let c = cause.to_string();
                if !msg.contains(&c) {
                    msg.push_str(&format!(": {c}"));
                }
            }
            // One line, so a script can grep it: some causes (the SPARQL
            // parser's list of expected tokens) span several.
            let msg = msg.lines().map(str::trim).collect::<Vec<_>>().join(" ");
            eprintln!("{msg}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || matches!(c.downcast_ref::<govgraph::Error>(), Some(govgraph::Error::Output(io)) if io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Runs a command; `Ok(false)` means it finished but found problems.
fn run(cli: Cli) -> Result<bool> {
    match cli.command {
        Command::Ingest {
            paths,
            store,
            memory,
            base_iri,
            force,
            prune,
            verbose,
            aliases,
        } => {
            let aliases = load_aliases(aliases)?;
            ingest(
                &paths,
                &store.store,
                memory,
                IngestOptions {
                    base_iri,
                    force,
                    prune,
                    aliases,
                },
                verbose,
            )
        }
        Command::Parse { files, format } => parse(&files, format),
        Command::Query {
            query,
            sparql,
            params,
            format,
            list,
            store,
        } => {
            if list {
                list_queries()?;
                return Ok(true);
            }
            run_query(query, sparql, &params, format, &store.store)
        }
        Command::Export {
            format,
            output,
            nodes_query,
            edges_query,
            context,
            store,
        } => match format {
            ExportFormat::Jsonld => {
                export_jsonld(context.as_deref(), output.as_deref(), &store.store)
            }
            ExportFormat::Graphml | ExportFormat::Neo4jCsv => export_graph(
                format,
                output.as_deref(),
                &nodes_query,
                &edges_query,
                &store.store,
            ),
            _ => export(format, output.as_deref(), &store.store),
        },
        Command::Check {
            paths,
            format,
            verbose,
            aliases,
        } => check(&paths, format, verbose, &load_aliases(aliases)?),
        Command::Serve {
            bind,
            timeout,
            max_response,
            store,
        } => serve(bind, timeout, max_response, &store.store),
        Command::Push {
            endpoint,
            user,
            union_graph,
            no_union,
            timeout,
            store,
        } => push(
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
        } => validate(shapes.as_deref(), data.as_deref(), format, &store.store),
    }
}

fn push(
    endpoint: &str,
    user: Option<String>,
    union_graph: Option<String>,
    timeout: f64,
    store_path: &Path,
) -> Result<bool> {
    use govgraph::push::{self, Target};
    if !(timeout.is_finite() && timeout > 0.0) {
        bail!("--timeout must be a positive number of seconds");
    }
    // Before any prompt: a bad URL should not cost the user their password.
    push::check_endpoint(endpoint)?;
    let union_graph = union_graph
        .map(|g| {
            oxigraph::model::NamedNode::new(g.as_str())
                .with_context(|| format!("--union-graph `{g}` is not an IRI"))
        })
        .transpose()?;
    // The password never goes on the command line, where shell history and
    // `ps` would keep it.
    let credentials = match user {
        None => None,
        Some(user) => {
            let password = match std::env::var("GOVGRAPH_PASSWORD") {
                Ok(p) => p,
                Err(_) if std::io::stdin().is_terminal() => {
                    rpassword::prompt_password(format!("password for {user} at {endpoint}: "))
                        .context("cannot read the password")?
                }
                Err(_) => bail!("set GOVGRAPH_PASSWORD for --user {user} (no terminal to ask on)"),
            };
            Some((user, password))
        }
    };
    let store = Store::open_read_only(store_path)?;
    let bar = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(0)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let report = push::push(
        &store,
        &Target {
            endpoint: endpoint.to_owned(),
            credentials,
            union_graph,
            timeout: std::time::Duration::from_secs_f64(timeout),
        },
        &|done, total| {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        },
    )?;
    bar.finish_and_clear();
    eprintln!(
        "{} ({} triples) replaced at {endpoint}",
        count(report.graphs, "graph"),
        report.triples
    );
    Ok(true)
}

fn serve(
    bind: std::net::SocketAddr,
    timeout: f64,
    max_response_mib: u32,
    store_path: &Path,
) -> Result<bool> {
    if !(timeout.is_finite() && timeout > 0.0) {
        bail!("--timeout must be a positive number of seconds");
    }
    let store = Store::open_read_only(store_path)?;
    let handler = govgraph::serve::handler(
        store,
        govgraph::serve::Options {
            timeout: std::time::Duration::from_secs_f64(timeout),
            max_queries: std::thread::available_parallelism().map_or(2, |n| n.get()),
            max_response: (max_response_mib as usize) << 20,
        },
        |line| eprintln!("{line}"),
    );
    let server = oxhttp::Server::new(handler)
        .bind(bind)
        // A client that stops sending or reading is dropped; queries have
        // their own timeout.
        .with_global_timeout(std::time::Duration::from_secs_f64(timeout + 30.0))
        .with_max_concurrent_connections(64)
        .spawn()
        .with_context(|| format!("cannot listen on {bind}"))?;
    if !bind.ip().is_loopback() {
        eprintln!(
            "warning: listening on {bind}, reachable from other machines; the endpoint is read-only and has no authentication"
        );
    }
    eprintln!("SPARQL endpoint at http://{bind}/sparql (page at http://{bind}/); Ctrl-C stops");
    server.join().context("the server stopped")?;
    Ok(true)
}

/// The `file:` URL of a path, the base for relative IRIs in a file (as
/// rapper and rdflib resolve them).
fn file_url(path: &Path) -> Option<String> {
    let abs = std::path::absolute(path).ok()?;
    let mut url = String::from("file://");
    for part in abs.to_str()?.split('/').filter(|p| !p.is_empty()) {
        url.push('/');
        url.push_str(&govgraph::map::encode_path(part));
    }
    Some(url)
}

/// The RDF format of a file, from its extension.
fn rdf_format_of(path: &Path) -> Result<RdfFormat> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let format = match ext.as_str() {
        "jsonld" | "json" => Some(RdfFormat::JsonLd {
            profile: Default::default(),
        }),
        e => RdfFormat::from_extension(e),
    };
    format.with_context(|| {
        format!(
            "{}: unknown RDF format; name it .ttl, .nt, .nq, .trig, .rdf or .jsonld",
            path.display()
        )
    })
}

fn validate(
    shapes: Option<&Path>,
    data: Option<&Path>,
    format: ValidateFormat,
    store_path: &Path,
) -> Result<bool> {
    use govgraph::validate::{self, Severity, Shapes};
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
            let store = govgraph::store::load_as_union(
                &bytes,
                rdf_format_of(path)?,
                file_url(path).as_deref(),
            )
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
                let place = match &r.source {
                    Some(s) => match s.line {
                        Some(l) => format!("{}:{l}", s.file),
                        None => s.file.clone(),
                    },
                    None => "-".to_owned(),
                };
                let path = r
                    .path
                    .as_deref()
                    .map(|p| format!(" {}", validate::short_all(p)))
                    .unwrap_or_default();
                let detail = r
                    .detail
                    .as_deref()
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "{place}: {}: {}{path}: {}{detail}",
                    r.severity, r.focus, r.message
                )?;
            }
        }
        ValidateFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &report.results)?;
            writeln!(out)?;
        }
        ValidateFormat::Turtle => {
            let mut w = store::serializer(RdfFormat::Turtle)
                .with_prefix("sh", govgraph::validate::SH)?
                .for_writer(&mut out);
            for t in report.to_triples() {
                w.serialize_triple(&t)?;
            }
            w.finish()?;
        }
    }
    out.flush()?;
    eprintln!(
        "{} focus nodes checked: {}, {}, {}",
        report.focus_nodes,
        count(report.count(Severity::Violation), "violation"),
        count(report.count(Severity::Warning), "warning"),
        count(report.count(Severity::Info), "info")
    );
    Ok(report.conforms())
}

/// One diagnostic on stderr: `file:line: severity[code]: message`.
fn print_diagnostic(path: &Path, d: &govgraph::model::Diagnostic) {
    eprintln!(
        "{}:{}: {}[{}]: {}",
        path.display(),
        d.line,
        d.severity,
        d.code,
        d.message
    );
}

/// `1 file`, `2 files`.
fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// Finds the minutes under `paths`; none at all is an error.
fn discover_minutes(paths: &[PathBuf]) -> Result<source::Found> {
    let found = source::discover(paths)?;
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

fn ingest(
    paths: &[PathBuf],
    store_path: &Path,
    memory: bool,
    opts: IngestOptions,
    verbose: bool,
) -> Result<bool> {
    let opts_prune = opts.prune;
    let found = discover_minutes(paths)?;
    for s in &found.skipped {
        // READMEs and templates sit among minutes and look like them, so
        // say why they were left out; other file types only when asked.
        let lookalike = s.reason.contains("README") || s.reason.contains("template");
        if verbose || lookalike {
            eprintln!("{}: note[skipped]: {}", s.path.display(), s.reason);
        }
    }
    let store = if memory {
        Store::memory()?
    } else {
        Store::open(store_path)?
    };
    // A progress bar on stderr; indicatif draws nothing when stderr is not
    // a terminal, so logs and CI stay clean.
    let bar = indicatif::ProgressBar::new(found.files.len() as u64).with_style(
        indicatif::ProgressStyle::with_template("reading {bar:30} {pos}/{len} {wide_msg}")
            .expect("valid template"),
    );
    let progress = |n: usize| bar.set_position(n as u64);
    let report = store::ingest(&store, &found.files, &opts, &progress);
    bar.finish_and_clear();
    let report = report.with_context(|| {
        format!(
            "ingesting into {}",
            if memory {
                "memory".into()
            } else {
                store_path.display().to_string()
            }
        )
    })?;
    let mut counts = [0usize; 3];
    for f in &report.files {
        for d in &f.diagnostics {
            counts[d.severity as usize] += 1;
            if verbose || d.severity >= Severity::Warning {
                print_diagnostic(&f.path, d);
            }
        }
    }
    eprintln!(
        "{} documents read ({} new, {} changed, {} unchanged, {} failed, {} skipped as not minutes); {} meetings, {} people, {} triples in {}; {} errors, {} warnings, {} notes",
        report.files.len(),
        report.count(Outcome::New),
        report.count(Outcome::Changed),
        report.count(Outcome::Unchanged),
        report.count(Outcome::Failed),
        found.skipped.len(),
        report.meetings,
        report.people,
        report.triples,
        if memory {
            "memory".to_owned()
        } else {
            store_path.display().to_string()
        },
        counts[2],
        counts[1],
        counts[0],
    );
    if !report.stale.is_empty() {
        let n = report.stale.len();
        if opts_prune {
            eprintln!(
                "removed {n} stored document{} these paths no longer hold",
                if n == 1 { "" } else { "s" }
            );
        } else {
            eprintln!(
                "note: {n} stored document{} not in these paths (renamed or deleted files?); `--prune` removes {}",
                if n == 1 { " is" } else { "s are" },
                if n == 1 { "it" } else { "them" }
            );
        }
    }
    Ok(!report.has_problems())
}

fn parse(files: &[PathBuf], format: ParseFormat) -> Result<bool> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut ok = true;
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
    for path in files {
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        let file = found
            .files
            .iter()
            .find(|f| {
                std::fs::canonicalize(&f.path).unwrap_or_else(|_| f.path.clone()) == canonical
            })
            .with_context(|| format!("cannot read {}", path.display()))?
            .clone();
        match source::read_source(&file) {
            Ok(source::ReadDoc { minutes: m, .. }) => {
                for d in &m.diagnostics {
                    if d.severity >= Severity::Warning {
                        print_diagnostic(path, d);
                    }
                }
                ok &= m.is_meeting();
                match format {
                    ParseFormat::Json => serde_json::to_writer(&mut out, &m)?,
                    ParseFormat::JsonPretty => serde_json::to_writer_pretty(&mut out, &m)?,
                }
                writeln!(out)?;
            }
            Err(d) => {
                print_diagnostic(path, &d);
                ok = false;
            }
        }
    }
    out.flush()?;
    Ok(ok)
}

fn check(
    paths: &[PathBuf],
    format: CheckFormat,
    verbose: bool,
    aliases: &govgraph::resolve::Aliases,
) -> Result<bool> {
    use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
    let found = discover_minutes(paths)?;
    let results = govgraph::check::check(&found.files, aliases);
    let shown = |d: &govgraph::model::Diagnostic| verbose || d.severity >= Severity::Warning;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let (mut errors, mut warnings) = (0, 0);
    let mut json = Vec::new();
    let renderer = if std::io::stdout().is_terminal() {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
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
                CheckFormat::Text => {
                    let level = match d.severity {
                        Severity::Error => Level::ERROR,
                        Severity::Warning => Level::WARNING,
                        Severity::Note => Level::NOTE,
                    };
                    let path = f.path.display().to_string();
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
                                    .annotation(
                                        AnnotationKind::Primary
                                            .span(start..excerpt.trim_end().len()),
                                    ),
                            ),
                        ]
                    };
                    writeln!(out, "{}\n", renderer.render(&report))?;
                }
            }
        }
    }
    if let CheckFormat::Json = format {
        serde_json::to_writer_pretty(&mut out, &json)?;
        writeln!(out)?;
    }
    out.flush()?;
    eprintln!(
        "{} checked: {}, {}",
        count(results.len(), "file"),
        count(errors, "error"),
        count(warnings, "warning")
    );
    Ok(errors + warnings == 0)
}

fn list_queries() -> Result<()> {
    let mut out = std::io::stdout().lock();
    for q in query::saved() {
        writeln!(out, "{}\n    {}", q.name, q.question)?;
        for p in &q.params {
            let default = p
                .default
                .as_ref()
                .map(|d| format!(" (default {d})"))
                .unwrap_or_default();
            writeln!(
                out,
                "    --param {}=<{:?}>{default}  {}",
                p.name, p.kind, p.description
            )?;
        }
    }
    Ok(())
}

fn run_query(
    name: Option<String>,
    sparql: Option<String>,
    params: &[(String, String)],
    format: QueryFormat,
    store_path: &Path,
) -> Result<bool> {
    let (text, bindings, hidden) = match (name, sparql) {
        (_, Some(text)) => {
            let b = query::bind_untyped(params)?;
            (text, b, Vec::new())
        }
        (Some(name), None) if name.ends_with(".rq") || Path::new(&name).is_file() => {
            let text =
                std::fs::read_to_string(&name).with_context(|| format!("cannot read {name}"))?;
            let q = query::parse_header(&name, &text);
            let b = if q.params.is_empty() {
                query::bind_untyped(params)?
            } else {
                query::bind(&q.params, params)?
            };
            let hidden = q.params.iter().map(|p| p.name.clone()).collect();
            (text, b, hidden)
        }
        (Some(name), None) => {
            let q = query::find(&name)?;
            let b = query::bind(&q.params, params)?;
            let hidden = q.params.iter().map(|p| p.name.clone()).collect();
            (q.text, b, hidden)
        }
        (None, None) => bail!(
            "give a saved query name, a .rq file or --sparql TEXT (see `govgraph query --list`)"
        ),
    };
    let store = Store::open_read_only(store_path)?;
    let results = query::run(&store, &text, bindings)?;
    let output = match format {
        QueryFormat::Table => Output::Table,
        QueryFormat::Csv => Output::Results(QueryResultsFormat::Csv),
        QueryFormat::Tsv => Output::Results(QueryResultsFormat::Tsv),
        QueryFormat::Json => Output::Results(QueryResultsFormat::Json),
        QueryFormat::Xml => Output::Results(QueryResultsFormat::Xml),
        QueryFormat::Turtle => Output::Rdf(RdfFormat::Turtle),
        QueryFormat::Ntriples => Output::Rdf(RdfFormat::NTriples),
        QueryFormat::Rdfxml => Output::Rdf(RdfFormat::RdfXml),
        QueryFormat::Jsonld => Output::Rdf(RdfFormat::JsonLd {
            profile: Default::default(),
        }),
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    query::write(results, output, &hidden, &mut out)?;
    out.flush()?;
    Ok(true)
}

/// A saved query's text, or a .rq file's.
fn query_text(name_or_path: &str) -> Result<String> {
    if name_or_path.ends_with(".rq") || Path::new(name_or_path).is_file() {
        return std::fs::read_to_string(name_or_path)
            .with_context(|| format!("cannot read {name_or_path}"));
    }
    Ok(query::find(name_or_path)?.text)
}

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// so a failed write never leaves half a file.
fn write_atomically(path: &Path, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // Created 0666 less the umask, as any file the user writes; tempfile's
    // default, 0600, would hide the export from the user's group.
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let tmp = builder
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    let mut w = BufWriter::new(tmp);
    write(&mut w)?;
    let tmp = w.into_inner().map_err(|e| e.into_error())?;
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

fn export_graph(
    format: ExportFormat,
    output: Option<&Path>,
    nodes_query: &str,
    edges_query: &str,
    store_path: &Path,
) -> Result<bool> {
    use govgraph::project;
    let nodes = query_text(nodes_query)?;
    let edges = query_text(edges_query)?;
    let store = Store::open_read_only(store_path)?;
    // A projection error names neither query: say which were used, since
    // either may be the user's own file.
    let g = project::project(&store, &nodes, &edges).with_context(|| {
        format!("cannot project with nodes query {nodes_query} and edges query {edges_query}")
    })?;
    match (format, output) {
        (ExportFormat::Neo4jCsv, None) => {
            bail!("neo4j-csv writes two files: pass --output FOLDER")
        }
        (ExportFormat::Neo4jCsv, Some(dir)) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            write_atomically(&dir.join("nodes.csv"), |w| {
                Ok(project::write_neo4j_nodes(&g, w)?)
            })?;
            write_atomically(&dir.join("relationships.csv"), |w| {
                Ok(project::write_neo4j_relationships(&g, w)?)
            })?;
        }
        (_, Some(path)) => write_atomically(path, |w| Ok(project::write_graphml(&g, w)?))?,
        (_, None) => {
            let mut w = BufWriter::new(std::io::stdout().lock());
            project::write_graphml(&g, &mut w)?;
            w.flush()?;
        }
    }
    eprintln!(
        "{} and {} written{}",
        count(g.nodes.len(), "node"),
        count(g.edges.len(), "edge"),
        if g.dropped_edges > 0 {
            format!(
                "; {} left out (an end is not a node)",
                count(g.dropped_edges, "edge")
            )
        } else {
            String::new()
        }
    );
    Ok(true)
}

fn export_jsonld(context: Option<&Path>, output: Option<&Path>, store_path: &Path) -> Result<bool> {
    use govgraph::jsonld;
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
    let mut expanded = Vec::new();
    store.export(
        RdfFormat::JsonLd {
            profile: Default::default(),
        },
        &mut expanded,
    )?;
    let expanded: serde_json::Value = serde_json::from_slice(&expanded)
        .context("internal error: oxigraph wrote JSON-LD that is not JSON")?;
    let compacted = jsonld::compact(&expanded, &context)?;
    let write = |w: &mut dyn Write| -> Result<()> {
        serde_json::to_writer_pretty(&mut *w, &compacted)?;
        writeln!(w)?;
        Ok(())
    };
    match output {
        Some(path) => write_atomically(path, write)?,
        None => {
            let mut w = BufWriter::new(std::io::stdout().lock());
            write(&mut w)?;
            w.flush()?;
        }
    }
    Ok(true)
}

fn export(format: ExportFormat, output: Option<&Path>, store_path: &Path) -> Result<bool> {
    let store = Store::open_read_only(store_path)?;
    match output {
        // A temporary file next to the target, then renamed, so a failed
        // export never leaves half a file (or a stray one).
        Some(path) => write_atomically(path, |w| Ok(store.export(format.rdf(), w)?))?,
        None => {
            let mut w = BufWriter::new(std::io::stdout().lock());
            store.export(format.rdf(), &mut w)?;
            w.flush()?;
        }
    }
    Ok(true)
}
