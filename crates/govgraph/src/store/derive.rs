//! Facts that need several documents, worked out after an ingest that
//! changed the store (see the fingerprint in `ingest`).
//!
//! Most of them belong to one group: what its meetings say taken together
//! (action threads, who attended from when to when, the history of each
//! GitHub item they discussed). Each group's derived
//! facts live in their own graph, `…/graph/derived/group/<owner>/<repo>`,
//! part of the union like a document, and the bookkeeping graph records which
//! documents (content and version) they were worked out from. A group
//! whose documents did not change is not worked out again, so an edit of
//! one file derives one group, not the store.

use super::Store;
use crate::error::Result;
use crate::map::Iris;
use crate::resolve::{self, Identities};
use crate::vocab::{self, dcterms, gg, schema};
use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// How facts are derived from the documents: part of the fingerprint an
/// ingest compares to decide whether to derive again, and of each group's
/// inputs, so a store derived by an older govgraph is derived again.
/// Change it with what `derive` writes or with the counts of an ingest's
/// summary.
pub(super) const VERSION: &str = "derive.5";

/// How many groups one query of their meetings covers: enough that a
/// fresh ingest asks few queries, few enough that one answer stays small.
const GROUPS_PER_QUERY: usize = 64;

/// The bookkeeping predicate linking a group's derived graph to a hash of
/// the documents it was worked out from.
fn inputs_predicate() -> NamedNode {
    NamedNode::new_unchecked(format!("{}#derivedFrom", vocab::STATE_GRAPH))
}

/// Facts that need several documents, worked out after an ingest that
/// changed the store.
///
/// - Per group, in the group's derived graph (see the module docs):
///   - action threads (`gg:ActionThread`): the actions of the group's dated
///     meetings with the same key (assignee and text), with the first and
///     last meeting that listed them, how many did, whether and when one
///     ticked it done, its text, agent and issue as first written, and
///     its assignee as written (the smallest of its listings); each
///     occurrence on a later date than the first gets `gg:carriedOverFrom`
///     the latest one on an earlier date;
///   - participations (`gg:Participation`): each person who attended the
///     group's meetings, how many (and how many of them dated), the first
///     and last dated one, and how many of the group's held meetings came
///     after the first and after the last;
///   - item histories (`gg:ItemHistory`): each GitHub item the group's
///     meetings mention outside their Links section, how many did, the
///     first and last dated one, and an entry (`gg:HistoryEntry`) per thing
///     a meeting said about it (agenda item, note, decision, action, or a
///     mention in a meeting with no agenda item about it), linked to the
///     statement it repeats;
///   - the group's first dated meeting and latest held one
///     (`gg:firstMeetingDate`, `gg:lastHeld`).
/// - Each person's label (`rdfs:label`), in the `derived/people` graph.
/// - Identity suggestions: logins that look like typos of more common ones
///   (never merged; an aliases file makes them facts). These live in the
///   `suggestions` graph, outside the union, so no query mistakes them for
///   facts; `GRAPH` reaches them.
///
/// `states` holds every stored document's content hash and version;
/// `force` derives every group, whatever the record says.
///
/// # Errors
///
/// Fails on a storage error; each group's graph is then whole, old or new.
pub(super) fn derive(
    store: &Store,
    iris: &Iris,
    ids: &Identities,
    states: &HashMap<String, (String, String)>,
    force: bool,
) -> Result<()> {
    derive_groups(store, iris, states, force)?;
    label_people(store, iris)?;
    // The people graph of a store once ingested under another base IRI.
    let people = iris.graph("derived/people");
    let mut stale = Vec::new();
    for g in store.inner.named_graphs() {
        if let NamedOrBlankNode::NamedNode(g) = g?
            && g.as_str().ends_with("/graph/derived/people")
            && g != people
        {
            stale.push(g);
        }
    }
    for g in stale {
        store.replace_document(&g, &[])?;
    }
    // The single graph of carried-over links an older govgraph wrote.
    store.replace_document(&iris.graph("derived"), &[])?;
    suggest(store, iris, ids)
}

/// Works out the derived graph of every group whose documents changed,
/// and removes those of groups no document holds any more.
fn derive_groups(
    store: &Store,
    iris: &Iris,
    states: &HashMap<String, (String, String)>,
    force: bool,
) -> Result<()> {
    // Each group's documents are found from the meetings their graphs
    // hold.
    let q = format!(
        "SELECT DISTINCT ?d ?g WHERE {{ GRAPH ?d {{ ?m a <{}> ; <{}> ?g }} }}",
        gg::MEETING,
        schema::ORGANIZER
    );
    let mut docs: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    store.for_each_solution(&q, |s| {
        if let (Some(Term::NamedNode(d)), Some(Term::NamedNode(g))) = (s.get("d"), s.get("g"))
            && let Some((doc, _)) = states.get_key_value(d.as_str())
        {
            docs.entry(g.as_str().to_owned()).or_default().push(doc);
        }
    })?;
    let inputs: BTreeMap<String, String> = docs
        .iter_mut()
        .map(|(group, docs)| {
            docs.sort_unstable();
            let mut hash = Sha256::new();
            for part in [VERSION, group.as_str()] {
                hash.update(part.as_bytes());
                hash.update([0]);
            }
            for doc in docs.iter() {
                let (content, version) = &states[*doc];
                for part in [doc, content.as_str(), version.as_str()] {
                    hash.update(part.as_bytes());
                    hash.update([0]);
                }
            }
            let graph = iris.derived_graph(&NamedNode::new_unchecked(group.clone()));
            (graph.into_string(), super::ingest::hex(&hash.finalize()))
        })
        .collect();
    let state = NamedNodeRef::new_unchecked(vocab::STATE_GRAPH);
    let predicate = inputs_predicate();
    let mut recorded: BTreeMap<String, String> = BTreeMap::new();
    for q in store
        .inner
        .quads_for_pattern(None, Some(predicate.as_ref()), None, Some(state.into()))
    {
        let q = q?;
        if let (NamedOrBlankNode::NamedNode(g), Term::Literal(l)) = (q.subject, q.object) {
            recorded.insert(g.into_string(), l.value().to_owned());
        }
    }
    let changed: Vec<&String> = docs
        .keys()
        .filter(|g| {
            let graph = iris.derived_graph(&NamedNode::new_unchecked((*g).clone()));
            force || recorded.get(graph.as_str()) != inputs.get(graph.as_str())
        })
        .collect();
    // Graphs never derived before (a first ingest) go through the bulk
    // loader in batches, as new documents do: written one transaction per
    // group, they filled RocksDB's memtables and tripled the ingest's
    // peak memory. The others are replaced, graph and record in one
    // transaction, so that a record never vouches for a graph it does not
    // describe.
    let mut new_graphs: Vec<(NamedNode, String, Vec<Quad>)> = Vec::new();
    let mut new_quads = 0;
    for groups in changed.chunks(GROUPS_PER_QUERY) {
        let facts = GroupFacts::read(store, groups)?;
        for group in groups {
            let g = NamedNode::new_unchecked((*group).clone());
            let graph = iris.derived_graph(&g);
            let quads = facts.quads(iris, &g, &graph);
            let inputs = inputs[graph.as_str()].clone();
            if !quads.is_empty()
                && !recorded.contains_key(graph.as_str())
                && store.graph_is_empty(&graph)?
            {
                new_quads += quads.len();
                new_graphs.push((graph, inputs, quads));
                if new_quads >= super::BULK_BATCH {
                    write_new_graphs(store, std::mem::take(&mut new_graphs), &predicate)?;
                    new_quads = 0;
                }
            } else {
                store.replace_graph(&graph, &quads, Some((&predicate, Some(&inputs))))?;
            }
        }
    }
    write_new_graphs(store, new_graphs, &predicate)?;
    // Derived graphs of groups no document holds any more, found by name
    // (not by record), so that none is left behind in the union.
    let prefix = iris.derived_group_graphs();
    let mut gone = Vec::new();
    for g in store.inner.named_graphs() {
        if let NamedOrBlankNode::NamedNode(g) = g?
            && g.as_str().starts_with(&prefix)
            && !inputs.contains_key(g.as_str())
        {
            gone.push(g);
        }
    }
    for graph in recorded.keys().filter(|g| !inputs.contains_key(*g)) {
        gone.push(NamedNode::new_unchecked(graph.clone()));
    }
    gone.sort_unstable();
    gone.dedup();
    for graph in gone {
        store.replace_graph(&graph, &[], Some((&predicate, None)))?;
    }
    Ok(())
}

/// Writes graphs derived for the first time: through the bulk loader when
/// there are enough quads for its set-up to pay, else one transaction each.
fn write_new_graphs(
    store: &Store,
    graphs: Vec<(NamedNode, String, Vec<Quad>)>,
    predicate: &NamedNode,
) -> Result<()> {
    let quads: usize = graphs.iter().map(|(_, _, q)| q.len()).sum();
    if quads >= super::BULK_MIN_QUADS {
        return store.load_new_graphs(graphs, predicate);
    }
    for (graph, inputs, quads) in &graphs {
        store.replace_graph(graph, quads, Some((predicate, Some(inputs))))?;
    }
    Ok(())
}

/// One action as the documents give it.
#[derive(Default)]
struct Occurrence {
    key: String,
    meeting: String,
    date: Option<String>,
    assignee: String,
    text: String,
    done: bool,
    /// Its status (an IRI), and its line, for the histories of its items.
    status: Option<String>,
    line: Option<Term>,
    agents: BTreeSet<String>,
    /// The items it is about, by identifier (`owner/repo#N`).
    items: BTreeMap<String, String>,
}

/// One meeting of a group, as its participations need it.
#[derive(Default)]
struct Meeting {
    date: Option<String>,
    attendees: BTreeSet<String>,
}

/// One statement of a meeting about a GitHub item, as an item's history
/// lists it.
struct Said {
    meeting: String,
    /// `agenda`, `note`, `decision`, `action` or `mention`.
    kind: &'static str,
    /// The agenda item, decision, action or reference that says it.
    statement: String,
    text: Option<String>,
    line: Option<Term>,
    who: Option<String>,
    status: Option<String>,
}

/// What the derived facts of some groups are worked out from, read from
/// the union.
#[derive(Default)]
struct GroupFacts {
    /// Per group, its actions by IRI.
    actions: HashMap<String, BTreeMap<String, Occurrence>>,
    /// Per group, its meetings by IRI.
    meetings: HashMap<String, BTreeMap<String, Meeting>>,
    /// Per group, the GitHub items its meetings mention (by IRI), with
    /// what each meeting said about them.
    items: HashMap<String, BTreeMap<String, Vec<Said>>>,
    /// Per group, the meetings that mention each item outside their Links
    /// section (`dcterms:references`).
    referenced: HashMap<String, BTreeMap<String, BTreeSet<String>>>,
    /// The texts of each meeting's decisions and actions, about an item or
    /// not: a note that repeats one is shown once, as that.
    outcomes: HashMap<String, BTreeSet<String>>,
}

impl GroupFacts {
    /// Reads the actions and meetings of `groups`.
    fn read(store: &Store, groups: &[&String]) -> Result<Self> {
        let values: String = groups.iter().map(|g| format!("<{g}> ")).collect();
        let mut facts = GroupFacts::default();
        let text = |t: Option<&Term>| t.map(crate::query::lexical);
        let q = format!(
            "SELECT ?g ?m ?d ?p WHERE {{ VALUES ?g {{ {values} }} ?m <{organizer}> ?g ; a <{meeting}> \
             OPTIONAL {{ ?m <{date}> ?d }} OPTIONAL {{ ?m <{attendee}> ?p }} }}",
            organizer = schema::ORGANIZER,
            meeting = gg::MEETING,
            date = schema::START_DATE,
            attendee = schema::ATTENDEE,
        );
        store.for_each_solution(&q, |s| {
            let (Some(g), Some(m)) = (text(s.get("g")), text(s.get("m"))) else {
                return;
            };
            let meeting = facts.meetings.entry(g).or_default().entry(m).or_default();
            if let Some(d) = date(s.get("d")) {
                // A meeting with two dates (two documents disagreeing)
                // takes the earlier, whichever row comes first.
                if meeting.date.as_ref().is_none_or(|old| d < *old) {
                    meeting.date = Some(d);
                }
            }
            if let Some(p) = text(s.get("p")) {
                meeting.attendees.insert(p);
            }
        })?;
        let q = format!(
            "SELECT ?g ?a ?key ?m ?w ?t ?st ?line ?agent ?item ?id WHERE {{ VALUES ?g {{ {values} }} \
             ?m <{organizer}> ?g . ?a <{meeting}> ?m ; <{key}> ?key ; <{written}> ?w ; <{text}> ?t \
             OPTIONAL {{ ?a <{status}> ?st }} OPTIONAL {{ ?a <{line}> ?line }} \
             OPTIONAL {{ ?a <{agent}> ?agent }} \
             OPTIONAL {{ ?a <{about}> ?item . ?item <{identifier}> ?id }} }}",
            organizer = schema::ORGANIZER,
            meeting = gg::MEETING_PROP,
            key = gg::ACTION_KEY,
            written = gg::ASSIGNEE_AS_WRITTEN,
            text = schema::TEXT,
            status = schema::ACTION_STATUS,
            line = gg::SOURCE_LINE,
            agent = schema::AGENT,
            about = schema::ABOUT,
            identifier = dcterms::IDENTIFIER,
        );
        store.for_each_solution(&q, |s| {
            let (Some(g), Some(a)) = (text(s.get("g")), text(s.get("a"))) else {
                return;
            };
            let o = facts
                .actions
                .entry(g)
                .or_default()
                .entry(a)
                .or_insert_with(|| Occurrence {
                    key: text(s.get("key")).unwrap_or_default(),
                    meeting: text(s.get("m")).unwrap_or_default(),
                    assignee: text(s.get("w")).unwrap_or_default(),
                    text: text(s.get("t")).unwrap_or_default(),
                    ..Occurrence::default()
                });
            if let Some(st) = text(s.get("st")) {
                o.done |= st == schema::COMPLETED;
                o.status = Some(st);
            }
            if let Some(line) = s.get("line") {
                o.line = Some(line.clone());
            }
            if let Some(agent) = text(s.get("agent")) {
                o.agents.insert(agent);
            }
            if let (Some(item), Some(id)) = (text(s.get("item")), text(s.get("id"))) {
                o.items.insert(id, item);
            }
        })?;
        facts.read_items(store, &values)?;
        // Occurrences are dated by their meeting.
        for (g, actions) in &mut facts.actions {
            let meetings = facts.meetings.get(g);
            for o in actions.values_mut() {
                o.date = meetings
                    .and_then(|ms| ms.get(&o.meeting))
                    .and_then(|m| m.date.clone());
            }
        }
        Ok(facts)
    }

    /// Reads what the meetings of some groups (`values`, a list of IRIs
    /// in SPARQL syntax) say about GitHub items: agenda items about them
    /// and those items' notes, decisions, mentions with their lines, and
    /// the items each meeting references; and the texts of every decision
    /// and action, which a note may repeat. Actions come from those
    /// [`GroupFacts::read`] read for the threads, so it runs after that.
    fn read_items(&mut self, store: &Store, values: &str) -> Result<()> {
        let text = |t: Option<&Term>| t.map(crate::query::lexical);
        // One query per kind, each joining the group's meetings inside its
        // own pattern: as branches of one union joined to the meetings from
        // outside, Oxigraph evaluated every branch over the whole store for
        // each meeting (most of an ingest's time at four times the corpus).
        // An item is a GitHub item when it has an identifier.
        let prefixes: String = vocab::PREFIXES
            .iter()
            .map(|(p, ns)| format!("PREFIX {p}: <{ns}> "))
            .collect();
        let branches = [
            (
                "agenda",
                "?s gg:meeting ?m ; a gg:AgendaItem ; schema:about ?i . ?i dcterms:identifier ?id . \
                 OPTIONAL { ?s schema:name ?text } OPTIONAL { ?s gg:sourceLine ?line }",
            ),
            (
                "note",
                "?s gg:meeting ?m ; a gg:AgendaItem ; schema:about ?i ; gg:note ?text . \
                 ?i dcterms:identifier ?id .",
            ),
            (
                "decision",
                "?s prov:wasGeneratedBy ?m ; a gg:Decision ; schema:text ?text . \
                 OPTIONAL { ?s schema:about ?i . ?i dcterms:identifier ?id } \
                 OPTIONAL { ?s gg:sourceLine ?line }",
            ),
            (
                "mention",
                "?m gg:reference ?s . ?s gg:target ?i ; gg:sourceLine ?line . ?i dcterms:identifier ?id .",
            ),
            (
                "references",
                "?m dcterms:references ?i . ?i dcterms:identifier ?id .",
            ),
        ];
        for (kind, pattern) in branches {
            let q = format!(
                "{prefixes}SELECT ?g ?m ?s ?i ?text ?line WHERE {{ \
                 VALUES ?g {{ {values} }} ?m schema:organizer ?g ; a gg:Meeting . {pattern} }}"
            );
            self.read_kind(store, &q, kind, text)?;
        }
        // Actions were read with the action threads.
        for (g, actions) in &self.actions {
            for (a, o) in actions {
                let outcomes = self.outcomes.entry(o.meeting.clone()).or_default();
                outcomes.insert(o.text.clone());
                let Some(status) = &o.status else { continue };
                for item in o.items.values() {
                    let said = self.items.entry(g.clone()).or_default();
                    said.entry(item.clone()).or_default().push(Said {
                        meeting: o.meeting.clone(),
                        kind: "action",
                        statement: a.clone(),
                        text: Some(o.text.clone()),
                        line: o.line.clone(),
                        who: Some(o.assignee.clone()),
                        status: Some(status.clone()),
                    });
                }
            }
        }
        Ok(())
    }

    /// Adds the rows of one kind of [`GroupFacts::read_items`]'s queries.
    fn read_kind(
        &mut self,
        store: &Store,
        q: &str,
        kind: &'static str,
        text: impl Fn(Option<&Term>) -> Option<String>,
    ) -> Result<()> {
        store.for_each_solution(q, |s| {
            let (Some(g), Some(m)) = (text(s.get("g")), text(s.get("m"))) else {
                return;
            };
            if kind == "references" {
                if let Some(i) = text(s.get("i")) {
                    let by_item = self.referenced.entry(g).or_default();
                    by_item.entry(i).or_default().insert(m);
                }
                return;
            }
            if kind == "decision"
                && let Some(t) = text(s.get("text"))
            {
                self.outcomes.entry(m.clone()).or_default().insert(t);
            }
            let (Some(i), Some(statement)) = (text(s.get("i")), text(s.get("s"))) else {
                return;
            };
            self.items
                .entry(g)
                .or_default()
                .entry(i)
                .or_default()
                .push(Said {
                    meeting: m,
                    kind,
                    statement,
                    text: text(s.get("text")),
                    line: s.get("line").cloned(),
                    who: None,
                    status: None,
                });
        })
    }

    /// The derived graph of `group`.
    fn quads(&self, iris: &Iris, group: &NamedNode, graph: &NamedNode) -> Vec<Quad> {
        let mut out = Quads {
            graph: GraphName::NamedNode(graph.clone()),
            quads: Vec::new(),
        };
        if let Some(actions) = self.actions.get(group.as_str()) {
            threads(iris, group, actions, &mut out);
        }
        if let Some(meetings) = self.meetings.get(group.as_str()) {
            participations(iris, group, meetings, &mut out);
        }
        self.histories(iris, group, &mut out);
        out.quads
    }
}

/// The lexical form of an `xsd:date` (the only dates meetings have).
fn date(t: Option<&Term>) -> Option<String> {
    match t {
        Some(Term::Literal(l)) if l.datatype() == xsd::DATE => Some(l.value().to_owned()),
        _ => None,
    }
}

/// Quads on their way to one derived graph.
struct Quads {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl Quads {
    fn add(&mut self, s: &NamedNode, p: &str, o: impl Into<Term>) {
        self.quads.push(Quad::new(
            s.clone(),
            NamedNode::new_unchecked(p),
            o,
            self.graph.clone(),
        ));
    }

    fn link(&mut self, s: &NamedNode, p: &str, o: &str) {
        self.add(s, p, NamedNode::new_unchecked(o));
    }
}

fn date_literal(d: &str) -> Literal {
    Literal::new_typed_literal(d, xsd::DATE)
}

fn count_literal(n: usize) -> Literal {
    Literal::from(n as i64)
}

/// The action threads of one group. Undated meetings take no part: a
/// thread is ordered by date.
fn threads(
    iris: &Iris,
    group: &NamedNode,
    actions: &BTreeMap<String, Occurrence>,
    out: &mut Quads,
) {
    let mut by_key: BTreeMap<&str, Vec<(&str, &Occurrence)>> = BTreeMap::new();
    for (a, o) in actions {
        if o.date.is_some() {
            by_key.entry(&o.key).or_default().push((a, o));
        }
    }
    for (key, mut run) in by_key {
        // By date, then by IRI, so that ties break the same way each run.
        run.sort_by(|x, y| (&x.1.date, x.0).cmp(&(&y.1.date, y.0)));
        let first = run[0].1.date.as_deref().unwrap_or_default();
        let last = run[run.len() - 1].1.date.as_deref().unwrap_or_default();
        let on_first: Vec<&Occurrence> = run
            .iter()
            .map(|(_, o)| *o)
            .filter(|o| o.date.as_deref() == Some(first))
            .collect();
        let meetings: BTreeSet<&str> = run.iter().map(|(_, o)| o.meeting.as_str()).collect();
        let t = iris.action_thread(group, key);
        out.link(&t, rdf::TYPE.as_str(), gg::ACTION_THREAD);
        out.link(&t, gg::GROUP_PROP, group.as_str());
        out.add(&t, gg::ACTION_KEY, Literal::new_simple_literal(key));
        // As first written: the smallest of each on the first date, so
        // that two meetings on one day give the same answer in any order.
        if let Some(text) = on_first.iter().map(|o| &o.text).min() {
            out.add(&t, schema::TEXT, Literal::new_simple_literal(text));
        }
        // The assignee as written is the smallest of all listings: the key
        // folds it, so they differ at most in case and punctuation.
        if let Some(written) = run.iter().map(|(_, o)| &o.assignee).min() {
            out.add(
                &t,
                gg::ASSIGNEE_AS_WRITTEN,
                Literal::new_simple_literal(written),
            );
        }
        if let Some(agent) = on_first.iter().flat_map(|o| &o.agents).min() {
            out.link(&t, schema::AGENT, agent);
        }
        if let Some((_, item)) = on_first.iter().flat_map(|o| &o.items).min() {
            out.link(&t, schema::ABOUT, item);
        }
        out.add(&t, gg::FIRST_LISTED, date_literal(first));
        out.add(&t, gg::LAST_LISTED, date_literal(last));
        out.add(&t, gg::MEETING_COUNT, count_literal(meetings.len()));
        let done = run.iter().find(|(_, o)| o.done);
        out.link(
            &t,
            schema::ACTION_STATUS,
            if done.is_some() {
                schema::COMPLETED
            } else {
                schema::POTENTIAL
            },
        );
        if let Some((_, o)) = done {
            out.add(
                &t,
                gg::DONE_ON,
                date_literal(o.date.as_deref().unwrap_or_default()),
            );
        }
        for (i, (a, o)) in run.iter().enumerate() {
            let a = NamedNode::new_unchecked(*a);
            out.link(&t, gg::OCCURRENCE, a.as_str());
            // Linked to the latest occurrence on a strictly earlier date:
            // the same action listed twice in one meeting does not break
            // the chain.
            if let Some((a0, _)) = run[..i].iter().rev().find(|(_, o0)| o0.date < o.date) {
                out.link(&a, gg::CARRIED_OVER_FROM, a0);
            }
        }
    }
}

/// Who attended one group's meetings, from when to when.
fn participations(
    iris: &Iris,
    group: &NamedNode,
    meetings: &BTreeMap<String, Meeting>,
    out: &mut Quads,
) {
    // Held meetings are those that list someone: a cancelled meeting, or
    // an unfilled template, is not one anybody missed.
    let mut held: Vec<&str> = meetings
        .values()
        .filter(|m| !m.attendees.is_empty())
        .filter_map(|m| m.date.as_deref())
        .collect();
    held.sort_unstable();
    if let Some(last) = held.last() {
        out.add(group, gg::LAST_HELD, date_literal(last));
    }
    if let Some(first) = meetings.values().filter_map(|m| m.date.as_deref()).min() {
        out.add(group, gg::FIRST_MEETING_DATE, date_literal(first));
    }
    // How many held meetings came after a date: the dates are sorted, so
    // this is one binary search.
    let after = |date: &str| held.len() - held.partition_point(|d| *d <= date);
    #[derive(Default)]
    struct Seen<'a> {
        meetings: usize,
        dated: usize,
        first: Option<&'a str>,
        last: Option<&'a str>,
    }
    let mut people: BTreeMap<&str, Seen> = BTreeMap::new();
    for m in meetings.values() {
        for p in &m.attendees {
            let e = people.entry(p).or_default();
            e.meetings += 1;
            if let Some(d) = m.date.as_deref() {
                e.dated += 1;
                e.first = Some(e.first.map_or(d, |f| f.min(d)));
                e.last = Some(e.last.map_or(d, |l| l.max(d)));
            }
        }
    }
    for (person, seen) in people {
        let person = NamedNode::new_unchecked(person);
        let p = iris.participation(group, &person);
        out.link(&p, rdf::TYPE.as_str(), gg::PARTICIPATION);
        out.link(&p, gg::GROUP_PROP, group.as_str());
        out.link(&p, gg::PARTICIPANT, person.as_str());
        out.add(&p, gg::MEETING_COUNT, count_literal(seen.meetings));
        out.add(&p, gg::DATED_MEETING_COUNT, count_literal(seen.dated));
        if let (Some(first), Some(last)) = (seen.first, seen.last) {
            out.add(&p, gg::FIRST_ATTENDED, date_literal(first));
            out.add(&p, gg::LAST_ATTENDED, date_literal(last));
            out.add(&p, gg::HELD_AFTER_FIRST, count_literal(after(first)));
            out.add(&p, gg::MISSED_SINCE, count_literal(after(last)));
        }
    }
}

impl GroupFacts {
    /// The history of each GitHub item one group's meetings mention: the
    /// meetings that do and, per meeting, what it said about the item.
    fn histories(&self, iris: &Iris, group: &NamedNode, out: &mut Quads) {
        let (no_items, no_references) = (BTreeMap::new(), BTreeMap::new());
        let said = self.items.get(group.as_str()).unwrap_or(&no_items);
        let referenced = self
            .referenced
            .get(group.as_str())
            .unwrap_or(&no_references);
        let meetings = self.meetings.get(group.as_str());
        let date = |m: &str| {
            meetings
                .and_then(|ms| ms.get(m))
                .and_then(|m| m.date.as_deref())
        };
        let no_meetings = BTreeSet::new();
        let items: BTreeSet<&String> = said.keys().chain(referenced.keys()).collect();
        for item in items {
            let said: &[Said] = said.get(item).map_or(&[], Vec::as_slice);
            let h = iris.item_history(group, item);
            let mut discussed: BTreeSet<&str> = referenced
                .get(item)
                .unwrap_or(&no_meetings)
                .iter()
                .map(String::as_str)
                .collect();
            discussed.extend(said.iter().map(|s| s.meeting.as_str()));
            out.link(&h, rdf::TYPE.as_str(), gg::ITEM_HISTORY);
            out.link(&h, gg::GROUP_PROP, group.as_str());
            out.link(&h, schema::ABOUT, item);
            out.add(&h, gg::MEETING_COUNT, count_literal(discussed.len()));
            let dates = || discussed.iter().filter_map(|m| date(m));
            if let (Some(first), Some(last)) = (dates().min(), dates().max()) {
                out.add(&h, gg::FIRST_DISCUSSED, date_literal(first));
                out.add(&h, gg::LAST_DISCUSSED, date_literal(last));
            }
            // Meetings with an agenda item about the item: elsewhere in
            // them, a mention is part of that item's discussion.
            let on_agenda: BTreeSet<&str> = said
                .iter()
                .filter(|s| s.kind == "agenda")
                .map(|s| s.meeting.as_str())
                .collect();
            for s in said {
                let shown = match s.kind {
                    // A note that repeats a decision or an action of the
                    // meeting is shown once, as that.
                    "note" => !s.text.as_ref().is_some_and(|t| {
                        self.outcomes.get(&s.meeting).is_some_and(|o| o.contains(t))
                    }),
                    "mention" => !on_agenda.contains(s.meeting.as_str()),
                    // An agenda item without a title says nothing to show.
                    "agenda" => s.text.is_some(),
                    _ => true,
                };
                if !shown {
                    continue;
                }
                let key = format!(
                    "{}\0{}\0{}",
                    s.kind,
                    s.statement,
                    s.text.as_deref().unwrap_or_default()
                );
                let e = iris.history_entry(&h, &key);
                out.link(&h, gg::ENTRY, e.as_str());
                out.link(&e, rdf::TYPE.as_str(), gg::HISTORY_ENTRY);
                out.link(&e, gg::MEETING_PROP, &s.meeting);
                out.add(&e, gg::ENTRY_KIND, Literal::new_simple_literal(s.kind));
                out.link(&e, gg::STATEMENT, &s.statement);
                if let Some(t) = &s.text {
                    out.add(&e, schema::TEXT, Literal::new_simple_literal(t));
                }
                if let Some(line) = &s.line {
                    out.add(&e, gg::SOURCE_LINE, line.clone());
                }
                if let Some(who) = &s.who {
                    out.add(
                        &e,
                        gg::ASSIGNEE_AS_WRITTEN,
                        Literal::new_simple_literal(who),
                    );
                }
                if let Some(st) = &s.status {
                    out.link(&e, schema::ACTION_STATUS, st);
                }
            }
        }
    }
}

/// Gives each person the label queries show: the first, by code point, of
/// the names they were written with. Worked out in Rust rather than by
/// each query's `MIN`, whose order of strings differs between engines.
/// Over every person (a few hundred, however large the corpus): a changed
/// document may add a name to anyone it mentions. Written as a difference,
/// so an unchanged label costs no write.
fn label_people(store: &Store, iris: &Iris) -> Result<()> {
    let q = format!(
        "SELECT ?p ?n WHERE {{ ?p a <{}> ; <{}> ?n }}",
        vocab::foaf::PERSON,
        vocab::foaf::NAME
    );
    let mut labels: BTreeMap<String, String> = BTreeMap::new();
    store.for_each_solution(&q, |s| {
        if let (Some(Term::NamedNode(p)), Some(Term::Literal(n))) = (s.get("p"), s.get("n")) {
            let n = n.value();
            match labels.get_mut(p.as_str()) {
                Some(old) if n < old.as_str() => *old = n.to_owned(),
                Some(_) => {}
                None => {
                    labels.insert(p.as_str().to_owned(), n.to_owned());
                }
            }
        }
    })?;
    let graph = iris.graph("derived/people");
    let mut out = Quads {
        graph: GraphName::NamedNode(graph.clone()),
        quads: Vec::new(),
    };
    let label = format!("{}label", vocab::RDFS);
    for (person, name) in &labels {
        out.add(
            &NamedNode::new_unchecked(person.clone()),
            &label,
            Literal::new_simple_literal(name),
        );
    }
    store.replace_document(&graph, &out.quads)
}

/// Identity suggestions, over every handle the store holds.
fn suggest(store: &Store, iris: &Iris, ids: &Identities) -> Result<()> {
    let q = format!(
        "SELECT ?h ?n WHERE {{ ?x <{}> ?h OPTIONAL {{ ?x <{}> ?n }} }}",
        gg::HANDLE_AS_WRITTEN,
        gg::NAME_AS_WRITTEN
    );
    let mut seen: Vec<(String, Option<String>)> = Vec::new();
    store.for_each_solution(&q, |s| {
        if let Some(Term::Literal(h)) = s.get("h") {
            let n = match s.get("n") {
                Some(Term::Literal(n)) => Some(n.value().to_owned()),
                _ => None,
            };
            seen.push((h.value().to_owned(), n));
        }
    })?;
    let graph = iris.graph("suggestions");
    let mut out = Quads {
        graph: GraphName::NamedNode(graph.clone()),
        quads: Vec::new(),
    };
    for s in resolve::suggestions(seen.iter().map(|(h, n)| (h.as_str(), n.as_deref()))) {
        if ids.declared_same(&s.rare, &s.common) {
            continue;
        }
        let node = iris.suggestion(&s.rare, &s.common);
        out.link(&node, rdf::TYPE.as_str(), gg::IDENTITY_SUGGESTION);
        let person = |l: &str| iris.person(&resolve::PersonKey::Login(l.to_owned()));
        out.link(&node, gg::CANDIDATE, person(&s.rare).as_str());
        out.link(&node, gg::RESEMBLES, person(&s.common).as_str());
        out.add(&node, gg::EDIT_DISTANCE, count_literal(s.distance));
        out.add(
            &node,
            gg::REASON,
            Literal::new_simple_literal(format!(
                "`{}` ({} times) looks like a typo of `{}` ({} times): {}",
                s.rare, s.counts.0, s.common, s.counts.1, s.reason
            )),
        );
    }
    let mut tx = store.inner.start_transaction()?;
    tx.clear_graph(graph.as_ref())?;
    tx.extend(&out.quads);
    tx.commit()?;
    Ok(())
}
