//! A parsed document to RDF quads.
//!
//! Every quad of a document goes into the document's own named graph, whose
//! name is the document's IRI. Minted IRIs are derived from stable keys only
//! (the document key, GitHub logins, normalised names, positions), so the
//! same input maps to the same graph on every run. No blank nodes are used:
//! re-ingesting a document replaces exactly its graph.
//!
//! `map` does no I/O.
//!
//! The mapping is split by fact kind. `iris` mints the IRIs (and names
//! GitHub's own repositories, items and accounts); `meeting` writes the
//! document, the group holding the meetings and each meeting itself;
//! `people` writes the attendance and the people it names; `references`
//! writes the mentions of GitHub items and the agenda; `decisions` writes
//! the decisions and actions. This module holds what they share: the quad
//! writer, with the provenance every fact carries, and the context of one
//! meeting.

mod decisions;
mod iris;
mod meeting;
mod people;
mod references;

pub use decisions::action_key;
pub use iris::{Iris, account_iri, encode_path, item_iri, repo_iri};

use crate::model::{Lines, Meeting, Minutes};
use crate::resolve::Identities;
use crate::vocab::{gg, prov};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

/// The version of the extraction, recorded in each document graph so that a
/// new parser re-ingests documents whose content did not change.
pub const PARSER_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "+extract.3");

/// Where a document came from.
#[derive(Debug, Clone)]
pub struct DocInfo<'a> {
    /// The stable document key (see [`crate::source::SourceFile::key`]).
    pub key: &'a str,
    /// The path inside its repository.
    pub repo_path: &'a str,
    /// The SHA-256 of the document's bytes, hex.
    pub content_hash: &'a str,
    /// The extraction version, with the identity rules it used.
    pub version: &'a str,
    /// The git commit checked out, when read from a checkout.
    pub git_commit: Option<&'a str>,
    /// The git blob id of the bytes read.
    pub git_blob: Option<&'a str>,
    /// The GitHub URL of the file at that commit, when the file is exactly
    /// as committed and the repository is on GitHub.
    pub permalink: Option<String>,
}

/// Collects the quads of one document's graph.
struct Writer {
    graph: GraphName,
    quads: Vec<Quad>,
    permalink: Option<String>,
}

impl Writer {
    fn add(&mut self, s: &NamedNode, p: &str, o: impl Into<Term>) {
        self.quads.push(Quad::new(
            NamedOrBlankNode::NamedNode(s.clone()),
            NamedNode::new_unchecked(p),
            o.into(),
            self.graph.clone(),
        ));
    }

    fn typed(&mut self, s: &NamedNode, classes: &[&str]) {
        for c in classes {
            self.add(s, rdf::TYPE.as_str(), NamedNode::new_unchecked(*c));
        }
    }

    fn text(&mut self, s: &NamedNode, p: &str, v: &str) {
        self.add(s, p, Literal::new_simple_literal(v));
    }

    fn provenance(&mut self, s: &NamedNode, doc: &NamedNode, lines: Lines) {
        self.add(s, prov::WAS_DERIVED_FROM, doc.clone());
        self.add(s, gg::SOURCE_LINE, Literal::from(lines.start as i64));
        self.add(s, gg::SOURCE_END_LINE, Literal::from(lines.end as i64));
        if let Some(base) = &self.permalink {
            let anchor = if lines.start == lines.end {
                format!("{base}#L{}", lines.start)
            } else {
                format!("{base}#L{}-L{}", lines.start, lines.end)
            };
            self.add(s, gg::PERMALINK, NamedNode::new_unchecked(anchor));
        }
    }
}

/// Maps one document to the quads of its named graph.
pub fn map(m: &Minutes, info: &DocInfo<'_>, iris: &Iris, ids: &Identities) -> Vec<Quad> {
    let doc = iris.document(info.key);
    let mut w = Writer {
        graph: GraphName::NamedNode(doc.clone()),
        quads: Vec::new(),
        permalink: info.permalink.clone(),
    };
    meeting::document(&mut w, &doc, m, info);
    if m.is_meeting() {
        let group = meeting::group(&mut w, m, info, iris);
        for (meeting_iri, mt) in meeting_iris(m, info.key, iris) {
            let cx = MeetingCx {
                doc: &doc,
                meeting: meeting_iri,
                group: group.clone(),
                iris,
                ids,
            };
            meeting::meeting(&mut w, &cx, m, mt);
            let attendees = people::attendance(&mut w, &cx, mt);
            references::references(&mut w, &cx, mt);
            references::agenda(&mut w, &cx, mt);
            decisions::decisions(&mut w, &cx, mt);
            decisions::actions(&mut w, &cx, mt, &attendees);
        }
    }
    // Sorted so the graph is written the same way every time, and so that
    // a fact stated twice is one quad. The key borrows from the quad: a
    // key string per quad once doubled the memory of a large document.
    w.quads
        .sort_unstable_by(|a, b| order_key(a).cmp(&order_key(b)));
    w.quads.dedup();
    w.quads
}

/// A quad's sort key, borrowed: subject, predicate, object, graph. Equal
/// quads have equal keys, so sorting puts duplicates side by side for
/// `dedup`.
fn order_key(q: &Quad) -> (SubjectKey<'_>, &str, ObjectKey<'_>, GraphKey<'_>) {
    (
        subject_key(&q.subject),
        q.predicate.as_str(),
        object_key(&q.object),
        graph_key(&q.graph_name),
    )
}

/// A subject's sort key: its kind, then its IRI or blank node id.
pub(crate) type SubjectKey<'a> = (u8, &'a str);

/// An object's sort key: its kind, then its value, datatype and language.
pub(crate) type ObjectKey<'a> = (u8, &'a str, &'a str, &'a str);

/// A graph name's sort key: its kind, then its IRI or blank node id.
pub(crate) type GraphKey<'a> = (u8, &'a str);

/// A subject's sort key, borrowed from it (no string is built): its kind,
/// then its IRI or blank node id.
pub(crate) fn subject_key(s: &NamedOrBlankNode) -> SubjectKey<'_> {
    match s {
        NamedOrBlankNode::NamedNode(n) => (0, n.as_str()),
        NamedOrBlankNode::BlankNode(b) => (1, b.as_str()),
    }
}

/// An object's sort key, borrowed: its kind, then its value, datatype and
/// language.
pub(crate) fn object_key(o: &Term) -> ObjectKey<'_> {
    match o {
        Term::NamedNode(n) => (0, n.as_str(), "", ""),
        Term::BlankNode(b) => (1, b.as_str(), "", ""),
        Term::Literal(l) => (
            2,
            l.value(),
            l.datatype().as_str(),
            l.language().unwrap_or(""),
        ),
    }
}

/// A graph name's sort key, borrowed: the default graph first.
pub(crate) fn graph_key(g: &GraphName) -> GraphKey<'_> {
    match g {
        GraphName::DefaultGraph => (0, ""),
        GraphName::NamedNode(n) => (1, n.as_str()),
        GraphName::BlankNode(b) => (2, b.as_str()),
    }
}

/// Each meeting of the document that records one, with its IRI: the
/// document's meeting IRI for a file of one meeting, with the date (or the
/// position, for an undated or repeated date) appended for a log.
fn meeting_iris<'m>(m: &'m Minutes, key: &str, iris: &Iris) -> Vec<(NamedNode, &'m Meeting)> {
    if !m.is_log() {
        return m
            .meetings
            .iter()
            .map(|mt| (iris.meeting(key), mt))
            .collect();
    }
    m.meetings
        .iter()
        .enumerate()
        .filter(|(_, mt)| mt.is_meeting())
        .map(|(n, mt)| {
            let unique = mt.date.as_ref().filter(|d| {
                m.meetings
                    .iter()
                    .filter(|o| o.date.as_ref() == Some(*d))
                    .count()
                    == 1
            });
            let part = match unique {
                Some(d) => d.clone(),
                None => (n + 1).to_string(),
            };
            (iris.log_meeting(key, &part), mt)
        })
        .collect()
}

/// What the parts of one meeting's mapping share.
struct MeetingCx<'a> {
    doc: &'a NamedNode,
    meeting: NamedNode,
    group: NamedNode,
    iris: &'a Iris,
    ids: &'a Identities,
}

impl MeetingCx<'_> {
    /// The IRI of a part of the meeting (`item/3`, `decision/1`).
    fn part(&self, kind: &str, n: usize) -> NamedNode {
        NamedNode::new_unchecked(format!("{}/{kind}/{n}", self.meeting.as_str()))
    }
}
