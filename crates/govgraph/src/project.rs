//! Property-graph projections of the RDF graph, for graph tools: GraphML
//! (networkx, Gephi, Cytoscape) and the CSV files `neo4j-admin database
//! import` reads.
//!
//! A projection is two SELECT queries, by default the saved
//! `graph-nodes.rq` and `graph-edges.rq`. The nodes query projects `?id`
//! and `?kind`, the edges query `?source`, `?target` and `?kind`; every
//! other projected variable becomes an attribute, typed from its values
//! (integers, decimals, booleans, dates, else strings). Users change the
//! projection by writing their own queries, not by changing code.
//!
//! This module runs the queries on the store and writes; it never reads
//! or writes files itself.

use crate::query::{self, lexical};
use crate::store::Store;
use crate::{Error, Result};
use oxigraph::model::Term;
use oxigraph::model::vocab::xsd;
use oxigraph::sparql::QueryResults;
use std::collections::HashMap;
use std::io::Write;

/// The type of an attribute, inferred from all its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrType {
    /// Anything else (IRIs too).
    String,
    /// Every value an `xsd:integer` (or a narrower integer type).
    Long,
    /// Every value an `xsd:decimal`, `xsd:double` or `xsd:float`.
    Double,
    /// Every value an `xsd:boolean`.
    Boolean,
    /// Every value an `xsd:date`.
    Date,
}

/// A named attribute column.
#[derive(Debug, Clone)]
pub struct Key {
    /// The variable name.
    pub name: String,
    /// Its type.
    pub kind: AttrType,
}

/// A node: its id (an IRI), its kind, and one optional value per node key.
#[derive(Debug, Clone)]
pub struct Node {
    /// The node's IRI.
    pub id: String,
    /// Its kind (`Person`, `Meeting`…).
    pub kind: String,
    /// Values aligned with [`PropertyGraph::node_keys`].
    pub attrs: Vec<Option<String>>,
}

/// An edge between two nodes.
#[derive(Debug, Clone)]
pub struct Edge {
    /// The source node's id.
    pub source: String,
    /// The target node's id.
    pub target: String,
    /// Its kind (`ATTENDED`…).
    pub kind: String,
    /// Values aligned with [`PropertyGraph::edge_keys`].
    pub attrs: Vec<Option<String>>,
}

/// A property graph: typed nodes and edges with attributes.
#[derive(Debug, Default)]
pub struct PropertyGraph {
    /// Node attribute columns.
    pub node_keys: Vec<Key>,
    /// Edge attribute columns.
    pub edge_keys: Vec<Key>,
    /// The nodes, in the order the query gave them, each id once.
    pub nodes: Vec<Node>,
    /// The edges whose two ends are nodes.
    pub edges: Vec<Edge>,
    /// Edges left out because an end is not a node.
    pub dropped_edges: usize,
}

/// The saved query text of the default projection's half `name`.
///
/// # Errors
///
/// Fails only if the query is not built in, which is a bug.
pub fn default_query(name: &str) -> Result<String> {
    Ok(query::find(name)?.text)
}

/// Variable names and rows of (possibly unbound) terms.
type Table = (Vec<String>, Vec<Vec<Option<Term>>>);

/// A query's solutions as variable names and rows of terms.
fn table(store: &Store, text: &str, what: &str, required: &[&str]) -> Result<Table> {
    let results = query::run(store, text, Vec::new()).map_err(|e| match e {
        Error::Syntax(e) => Error::Projection(format!("the {what} query is not valid SPARQL: {e}")),
        e => e,
    })?;
    let QueryResults::Solutions(solutions) = results else {
        return Err(Error::Projection(format!(
            "the {what} query must be a SELECT"
        )));
    };
    let vars: Vec<String> = solutions
        .variables()
        .iter()
        .map(|v| v.as_str().to_owned())
        .collect();
    for r in required {
        if !vars.iter().any(|v| v == r) {
            return Err(Error::Projection(format!(
                "the {what} query must project ?{}",
                required.join(", ?")
            )));
        }
    }
    let mut rows = Vec::new();
    for s in solutions {
        let s = s?;
        rows.push(vars.iter().map(|v| s.get(v.as_str()).cloned()).collect());
    }
    Ok((vars, rows))
}

/// The attribute type of a value: from its datatype, when its lexical form
/// is valid for that type (an ill-typed `"abc"^^xsd:integer` is a string,
/// or graph tools would fail to read the column).
fn type_of(t: &Term) -> AttrType {
    let Term::Literal(l) = t else {
        return AttrType::String;
    };
    let kind = declared_type(l);
    let v = l.value();
    let valid = match kind {
        AttrType::Long => v.parse::<i64>().is_ok(),
        AttrType::Double => v.parse::<f64>().is_ok_and(f64::is_finite),
        AttrType::Boolean => v == "true" || v == "false",
        // GraphML readers and Neo4j's `date` take a plain `YYYY-MM-DD`: a
        // date with a time zone stays a string.
        AttrType::Date => {
            use std::str::FromStr;
            v.len() == 10 && oxsdatatypes::Date::from_str(v).is_ok()
        }
        AttrType::String => true,
    };
    if valid { kind } else { AttrType::String }
}

fn declared_type(l: &oxigraph::model::Literal) -> AttrType {
    let d = l.datatype();
    if [
        xsd::INTEGER,
        xsd::INT,
        xsd::LONG,
        xsd::SHORT,
        xsd::NON_NEGATIVE_INTEGER,
        xsd::POSITIVE_INTEGER,
    ]
    .contains(&d)
    {
        AttrType::Long
    } else if [xsd::DECIMAL, xsd::DOUBLE, xsd::FLOAT].contains(&d) {
        AttrType::Double
    } else if d == xsd::BOOLEAN {
        AttrType::Boolean
    } else if d == xsd::DATE {
        AttrType::Date
    } else {
        AttrType::String
    }
}

/// Infers each attribute column's type: the common type of its values,
/// widening integers to doubles, anything mixed to strings.
fn keys(vars: &[String], skip: &[&str], rows: &[Vec<Option<Term>>]) -> Vec<(usize, Key)> {
    vars.iter()
        .enumerate()
        .filter(|(_, v)| !skip.contains(&v.as_str()))
        .map(|(i, v)| {
            let mut kind: Option<AttrType> = None;
            for t in rows.iter().filter_map(|r| r[i].as_ref()) {
                let k = type_of(t);
                kind = Some(match (kind, k) {
                    (None, k) => k,
                    (Some(a), b) if a == b => a,
                    (Some(AttrType::Long), AttrType::Double)
                    | (Some(AttrType::Double), AttrType::Long) => AttrType::Double,
                    _ => AttrType::String,
                });
            }
            (
                i,
                Key {
                    name: v.clone(),
                    kind: kind.unwrap_or(AttrType::String),
                },
            )
        })
        .collect()
}

/// Runs a projection's two queries on the store.
///
/// # Errors
///
/// Fails when a query does not parse, is not a SELECT, lacks a required
/// variable, or fails while running.
pub fn project(store: &Store, nodes_query: &str, edges_query: &str) -> Result<PropertyGraph> {
    let (vars, rows) = table(store, nodes_query, "nodes", &["id", "kind"])?;
    let at = |name: &str| vars.iter().position(|v| v == name).unwrap_or(0);
    let (id, kind) = (at("id"), at("kind"));
    let node_keys = keys(&vars, &["id", "kind"], &rows);
    let mut g = PropertyGraph {
        node_keys: node_keys.iter().map(|(_, k)| k.clone()).collect(),
        ..PropertyGraph::default()
    };
    let mut index: HashMap<String, usize> = HashMap::new();
    for r in &rows {
        let (Some(i), Some(k)) = (&r[id], &r[kind]) else {
            continue;
        };
        let attrs: Vec<Option<String>> = node_keys
            .iter()
            .map(|(c, _)| r[*c].as_ref().map(lexical).filter(|s| !s.is_empty()))
            .collect();
        let i = lexical(i);
        match index.get(&i) {
            // The same node on two rows: another kind is a second label
            // (`A;B`, as Neo4j writes several), and the second row fills
            // what the first left empty.
            Some(&n) => {
                let k = lexical(k);
                let node = &mut g.nodes[n];
                if !node.kind.split(';').any(|x| x == k) {
                    node.kind = format!("{};{k}", node.kind);
                }
                for (a, b) in node.attrs.iter_mut().zip(attrs) {
                    if a.is_none() {
                        *a = b;
                    }
                }
            }
            None => {
                index.insert(i.clone(), g.nodes.len());
                g.nodes.push(Node {
                    id: i,
                    kind: lexical(k),
                    attrs,
                });
            }
        }
    }

    let (vars, rows) = table(store, edges_query, "edges", &["source", "target", "kind"])?;
    let at = |name: &str| vars.iter().position(|v| v == name).unwrap_or(0);
    let (source, target, kind) = (at("source"), at("target"), at("kind"));
    let edge_keys = keys(&vars, &["source", "target", "kind"], &rows);
    g.edge_keys = edge_keys.iter().map(|(_, k)| k.clone()).collect();
    for r in &rows {
        let (Some(s), Some(t), Some(k)) = (&r[source], &r[target], &r[kind]) else {
            g.dropped_edges += 1;
            continue;
        };
        let (s, t) = (lexical(s), lexical(t));
        if !index.contains_key(&s) || !index.contains_key(&t) {
            g.dropped_edges += 1;
            continue;
        }
        g.edges.push(Edge {
            source: s,
            target: t,
            kind: lexical(k),
            attrs: edge_keys
                .iter()
                .map(|(c, _)| r[*c].as_ref().map(lexical).filter(|s| !s.is_empty()))
                .collect(),
        });
    }
    Ok(g)
}

/// Text safe in XML 1.0: escaped, without the control characters XML
/// cannot hold.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn graphml_type(k: AttrType) -> &'static str {
    match k {
        AttrType::Long => "long",
        AttrType::Double => "double",
        AttrType::Boolean => "boolean",
        // GraphML has no date type; ISO dates sort as strings.
        AttrType::String | AttrType::Date => "string",
    }
}

/// Writes the graph as GraphML: a directed graph, the kind of each node
/// and edge in a `kind` attribute, the other attributes as declared keys.
///
/// # Errors
///
/// Fails on a write error.
pub fn write_graphml(g: &PropertyGraph, mut out: impl Write) -> Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    writeln!(
        out,
        r#"  <key id="n_kind" for="node" attr.name="kind" attr.type="string"/>"#
    )?;
    for (i, k) in g.node_keys.iter().enumerate() {
        writeln!(
            out,
            r#"  <key id="n{i}" for="node" attr.name="{}" attr.type="{}"/>"#,
            xml(&k.name),
            graphml_type(k.kind)
        )?;
    }
    writeln!(
        out,
        r#"  <key id="e_kind" for="edge" attr.name="kind" attr.type="string"/>"#
    )?;
    for (i, k) in g.edge_keys.iter().enumerate() {
        writeln!(
            out,
            r#"  <key id="e{i}" for="edge" attr.name="{}" attr.type="{}"/>"#,
            xml(&k.name),
            graphml_type(k.kind)
        )?;
    }
    writeln!(out, r#"  <graph id="govgraph" edgedefault="directed">"#)?;
    for n in &g.nodes {
        write!(
            out,
            r#"    <node id="{}"><data key="n_kind">{}</data>"#,
            xml(&n.id),
            xml(&n.kind)
        )?;
        for (i, v) in n.attrs.iter().enumerate() {
            if let Some(v) = v {
                write!(out, r#"<data key="n{i}">{}</data>"#, xml(v))?;
            }
        }
        writeln!(out, "</node>")?;
    }
    for (n, e) in g.edges.iter().enumerate() {
        write!(
            out,
            r#"    <edge id="e{}" source="{}" target="{}"><data key="e_kind">{}</data>"#,
            n + 1,
            xml(&e.source),
            xml(&e.target),
            xml(&e.kind)
        )?;
        for (i, v) in e.attrs.iter().enumerate() {
            if let Some(v) = v {
                write!(out, r#"<data key="e{i}">{}</data>"#, xml(v))?;
            }
        }
        writeln!(out, "</edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")?;
    Ok(())
}

fn neo4j_type(k: AttrType) -> &'static str {
    match k {
        AttrType::String => "",
        AttrType::Long => ":long",
        AttrType::Double => ":double",
        AttrType::Boolean => ":boolean",
        AttrType::Date => ":date",
    }
}

/// A CSV field as neo4j-admin reads it: empty for no value (null), a
/// number or boolean bare, anything else quoted with inner quotes doubled.
fn csv(v: Option<&str>, kind: AttrType) -> String {
    match (v, kind) {
        (None, _) => String::new(),
        (Some(v), AttrType::Long | AttrType::Double | AttrType::Boolean) => v.to_owned(),
        (Some(v), _) => format!("\"{}\"", v.replace('"', "\"\"")),
    }
}

/// Writes the nodes file for `neo4j-admin database import`: `id:ID`,
/// `:LABEL` and one typed column per attribute.
///
/// # Errors
///
/// Fails on a write error.
pub fn write_neo4j_nodes(g: &PropertyGraph, mut out: impl Write) -> Result<()> {
    let mut header = vec!["id:ID".to_owned(), ":LABEL".to_owned()];
    header.extend(
        g.node_keys
            .iter()
            .map(|k| format!("{}{}", k.name, neo4j_type(k.kind))),
    );
    writeln!(out, "{}", header.join(","))?;
    for n in &g.nodes {
        let mut row = vec![
            csv(Some(&n.id), AttrType::String),
            csv(Some(&n.kind), AttrType::String),
        ];
        row.extend(
            n.attrs
                .iter()
                .zip(&g.node_keys)
                .map(|(v, k)| csv(v.as_deref(), k.kind)),
        );
        writeln!(out, "{}", row.join(","))?;
    }
    Ok(())
}

/// Writes the relationships file for `neo4j-admin database import`:
/// `:START_ID`, `:END_ID`, `:TYPE` and one typed column per attribute.
///
/// # Errors
///
/// Fails on a write error.
pub fn write_neo4j_relationships(g: &PropertyGraph, mut out: impl Write) -> Result<()> {
    let mut header = vec![
        ":START_ID".to_owned(),
        ":END_ID".to_owned(),
        ":TYPE".to_owned(),
    ];
    header.extend(
        g.edge_keys
            .iter()
            .map(|k| format!("{}{}", k.name, neo4j_type(k.kind))),
    );
    writeln!(out, "{}", header.join(","))?;
    for e in &g.edges {
        let mut row = vec![
            csv(Some(&e.source), AttrType::String),
            csv(Some(&e.target), AttrType::String),
            csv(Some(&e.kind), AttrType::String),
        ];
        row.extend(
            e.attrs
                .iter()
                .zip(&g.edge_keys)
                .map(|(v, k)| csv(v.as_deref(), k.kind)),
        );
        writeln!(out, "{}", row.join(","))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_and_csv_escape() {
        assert_eq!(xml("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(
            csv(Some("say \"hi\", ok"), AttrType::String),
            "\"say \"\"hi\"\", ok\""
        );
        assert_eq!(csv(Some("12"), AttrType::Long), "12");
        assert_eq!(csv(None, AttrType::String), "");
    }

    #[test]
    fn ill_typed_values_are_strings() {
        use oxigraph::model::Literal;
        let int = |v: &str| Term::from(Literal::new_typed_literal(v, xsd::INTEGER));
        assert_eq!(type_of(&int("12")), AttrType::Long);
        assert_eq!(type_of(&int("abc")), AttrType::String);
        let date = Term::from(Literal::new_typed_literal("2024-13-01", xsd::DATE));
        assert_eq!(type_of(&date), AttrType::String);
    }
}
