//! A parsed document to RDF quads.
//!
//! Every quad of a document goes into the document's own named graph, whose
//! name is the document's IRI. Minted IRIs are derived from stable keys only
//! (the document key, GitHub logins, normalised names, positions), so the
//! same input maps to the same graph on every run. No blank nodes are used:
//! re-ingesting a document replaces exactly its graph.
//!
//! `map` does no I/O.

use crate::model::{ActionStatus, ItemKind, ItemRef, Lines, Meeting, MeetingStatus, Minutes, Repo};
use crate::resolve::{Identities, PersonKey};
use crate::vocab::{dcterms, foaf, gg, org, prov, schema};
use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

/// The version of the extraction, recorded in each document graph so that a
/// new parser re-ingests documents whose content did not change.
pub const PARSER_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "+extract.2");

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

/// Mints IRIs under a base.
#[derive(Debug, Clone)]
pub struct Iris {
    base: String,
}

impl Iris {
    /// A minter for `base`, which must be an absolute IRI ending in `/` or `#`.
    ///
    /// # Errors
    ///
    /// Fails when `base` is not an absolute IRI or does not end in `/` or `#`.
    pub fn new(base: &str) -> crate::Result<Self> {
        if !(base.ends_with('/') || base.ends_with('#')) || NamedNode::new(base).is_err() {
            return Err(crate::Error::BaseIri(base.to_owned()));
        }
        Ok(Iris {
            base: base.to_owned(),
        })
    }

    fn mint(&self, path: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{}", self.base, encode_path(path)))
    }

    /// The IRI (and graph name) of a document.
    pub fn document(&self, key: &str) -> NamedNode {
        self.mint(&format!("doc/{key}"))
    }

    /// The IRI of the meeting a document of one meeting records.
    pub fn meeting(&self, key: &str) -> NamedNode {
        // `x.md` is the meeting `x`; other extensions stay in the IRI, so
        // `x.md` and `x.txt` side by side remain two meetings.
        let stem = key
            .strip_suffix(".md")
            .or_else(|| key.strip_suffix(".markdown"))
            .unwrap_or(key);
        self.mint(&format!("meeting/{stem}"))
    }

    /// The IRI of one meeting of a log: the document's meeting IRI with
    /// the meeting's date (or its position, when it has no date or shares
    /// it with another meeting of the file).
    pub fn log_meeting(&self, key: &str, part: &str) -> NamedNode {
        NamedNode::new_unchecked(format!(
            "{}/{}",
            self.meeting(key).as_str(),
            encode_path(part)
        ))
    }

    /// The IRI of a person.
    pub fn person(&self, key: &PersonKey) -> NamedNode {
        self.mint(&format!("person/{}", key.slug()))
    }

    /// The IRI of the group whose minutes live in `repo`.
    pub fn group(&self, repo: &Repo) -> NamedNode {
        self.mint(&format!("group/{}/{}", repo.owner, repo.name))
    }

    /// The IRI of a group known only by the folder its minutes came from.
    pub fn local_group(&self, folder: &str) -> NamedNode {
        self.mint(&format!("group/local/{folder}"))
    }

    /// The IRI of a meeting series (all meetings of one group).
    pub fn series(&self, group: &NamedNode) -> NamedNode {
        // The group's path after the base, under `series/` instead.
        let path = group
            .as_str()
            .strip_prefix(&self.base)
            .and_then(|p| p.strip_prefix("group/"))
            .unwrap_or("");
        NamedNode::new_unchecked(format!("{}series/{path}", self.base))
    }

    /// The IRI of a graph govgraph derives across documents (`derived`,
    /// `suggestions`).
    pub fn graph(&self, name: &str) -> NamedNode {
        self.mint(&format!("graph/{name}"))
    }

    /// The IRI of an identity suggestion.
    pub fn suggestion(&self, rare: &str, common: &str) -> NamedNode {
        self.mint(&format!("suggestion/{rare}/{common}"))
    }

    /// The IRI of an organisation (a GitHub owner).
    pub fn organisation(&self, owner: &str) -> NamedNode {
        self.mint(&format!("org/{owner}"))
    }
}

/// Percent-encodes what an IRI path may not hold, keeping `/`.
pub fn encode_path(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric()
            || matches!(
                c,
                '-' | '.'
                    | '_'
                    | '~'
                    | '/'
                    | '+'
                    | '@'
                    | '!'
                    | '$'
                    | '\''
                    | '*'
                    | ','
                    | ';'
                    | '='
                    | ':'
            )
        {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// The IRI of a GitHub repository.
pub fn repo_iri(repo: &Repo) -> NamedNode {
    NamedNode::new_unchecked(format!(
        "https://github.com/{}/{}",
        encode_path(&repo.owner),
        encode_path(&repo.name)
    ))
}

/// The IRI of a GitHub issue, pull request or discussion. Issues and pull
/// requests share one number space and GitHub redirects between their
/// URLs, so both are named by the `/issues/` URL.
pub fn item_iri(item: &ItemRef) -> NamedNode {
    let kind = if item.kind == ItemKind::Discussion {
        "discussions"
    } else {
        "issues"
    };
    NamedNode::new_unchecked(format!(
        "{}/{kind}/{}",
        repo_iri(&item.repo).as_str(),
        item.number
    ))
}

/// The IRI of a GitHub account.
pub fn account_iri(login: &str) -> NamedNode {
    NamedNode::new_unchecked(format!(
        "https://github.com/{}",
        encode_path(&login.to_lowercase())
    ))
}

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
    document(&mut w, &doc, m, info);
    if m.is_meeting() {
        let group = group(&mut w, m, info, iris);
        for (meeting_iri, mt) in meeting_iris(m, info.key, iris) {
            let cx = MeetingCx {
                doc: &doc,
                meeting: meeting_iri,
                group: group.clone(),
                iris,
                ids,
            };
            meeting(&mut w, &cx, m, mt);
            let attendees = attendance(&mut w, &cx, mt);
            references(&mut w, &cx, mt);
            agenda(&mut w, &cx, mt);
            decisions(&mut w, &cx, mt);
            actions(&mut w, &cx, mt, &attendees);
        }
    }
    // Sorted so the graph is written the same way every time.
    w.quads.sort_by_cached_key(|q| q.to_string());
    w.quads.dedup();
    w.quads
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

/// The document itself: its path, hash, version and git identity.
fn document(w: &mut Writer, doc: &NamedNode, m: &Minutes, info: &DocInfo<'_>) {
    w.typed(doc, &[gg::DOCUMENT, foaf::DOCUMENT, prov::ENTITY]);
    w.text(doc, gg::SOURCE_PATH, info.repo_path);
    w.text(doc, gg::CONTENT_HASH, info.content_hash);
    w.text(doc, gg::PARSER_VERSION, info.version);
    if let Some(c) = info.git_commit {
        w.text(doc, gg::GIT_COMMIT, c);
    }
    if let Some(b) = info.git_blob {
        w.text(doc, gg::GIT_BLOB, b);
    }
    if let Some(p) = &info.permalink {
        w.add(doc, gg::PERMALINK, NamedNode::new_unchecked(p.clone()));
    }
    if let Some(title) = &m.title {
        w.text(doc, dcterms::TITLE, title);
    }
    if let Some(repo) = &m.repo {
        w.add(doc, dcterms::IS_PART_OF, repo_iri(repo));
    }
}

/// The group holding the meetings (the repository, else the folder), its
/// organisation and its meeting series; returns the group.
fn group(w: &mut Writer, m: &Minutes, info: &DocInfo<'_>, iris: &Iris) -> NamedNode {
    let group = match &m.repo {
        Some(repo) => {
            let g = iris.group(repo);
            let o = iris.organisation(&repo.owner);
            w.typed(&g, &[gg::GROUP, org::ORGANIZATIONAL_UNIT]);
            w.text(&g, schema::NAME, &repo.to_string());
            w.add(&g, org::UNIT_OF, o.clone());
            w.add(&g, dcterms::RELATION, repo_iri(repo));
            w.typed(&o, &[org::ORGANIZATION]);
            w.text(&o, schema::NAME, &repo.owner);
            w.add(&o, foaf::ACCOUNT, account_iri(&repo.owner));
            g
        }
        None => {
            let folder = info.key.split('/').next().unwrap_or("minutes");
            let g = iris.local_group(folder);
            w.typed(&g, &[gg::GROUP, org::ORGANIZATIONAL_UNIT]);
            w.text(&g, schema::NAME, folder);
            g
        }
    };
    if let Some(name) = m
        .title
        .as_deref()
        .and_then(crate::parse::group_name_from_title)
    {
        w.text(&group, schema::ALTERNATE_NAME, &name);
    }
    let series = iris.series(&group);
    w.typed(&series, &[schema::EVENT_SERIES]);
    w.add(&series, schema::ORGANIZER, group.clone());
    group
}

/// The meeting: its name, date, status, links and teams present.
fn meeting(w: &mut Writer, cx: &MeetingCx<'_>, doc: &Minutes, m: &Meeting) {
    let meeting = &cx.meeting;
    w.typed(meeting, &[gg::MEETING, schema::EVENT]);
    // The meeting is the activity that generated its decisions, so it is
    // tied to its document with dcterms:source, not prov:wasDerivedFrom
    // (PROV-O keeps activities and entities apart).
    w.add(meeting, dcterms::SOURCE, cx.doc.clone());
    w.add(meeting, schema::ORGANIZER, cx.group.clone());
    w.add(meeting, schema::SUPER_EVENT, cx.iris.series(&cx.group));
    // A log's meeting is named by its heading, within the log's title.
    let name = match (&doc.title, &m.heading) {
        (Some(t), Some(h)) => Some(format!("{t}: {h}")),
        (t, h) => h.clone().or_else(|| t.clone()),
    };
    if let Some(name) = &name {
        w.text(meeting, schema::NAME, name);
    }
    if m.status == MeetingStatus::Cancelled {
        w.add(
            meeting,
            schema::EVENT_STATUS,
            NamedNode::new_unchecked(schema::EVENT_CANCELLED),
        );
    }
    if let Some(date) = &m.date {
        w.add(
            meeting,
            schema::START_DATE,
            Literal::new_typed_literal(date, xsd::DATE),
        );
    }
    if let Some(src) = m.date_source {
        let s = serde_json::to_value(src)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        w.text(meeting, gg::DATE_SOURCE, &s);
    }
    if let Some(issue) = &m.links.issue {
        w.add(meeting, gg::GITHUB_ISSUE, item_iri(issue));
        item(w, issue);
    }
    let url = |u: &Option<String>| u.as_deref().and_then(|u| NamedNode::new(u).ok());
    if let Some(url) = url(&m.links.recording) {
        w.add(meeting, schema::RECORDED_IN, url);
    }
    if let Some(url) = url(&m.links.minutes_doc) {
        w.add(meeting, gg::MINUTES_DOC, url.clone());
        w.add(meeting, dcterms::RELATION, url);
    }
    for team in &m.teams {
        if let Some((owner, name)) = team.split_once('/') {
            let t = NamedNode::new_unchecked(format!(
                "https://github.com/orgs/{}/teams/{}",
                encode_path(owner),
                encode_path(name)
            ));
            w.typed(&t, &[gg::TEAM]);
            w.text(&t, schema::NAME, team);
            w.add(meeting, gg::TEAM_PRESENT, t);
        }
    }
}

/// Each attendee: the person, and an attendance with its role, affiliation
/// and line. Returns each attendee's assignee key (login or name) with
/// their person, for resolving actions.
fn attendance(w: &mut Writer, cx: &MeetingCx<'_>, m: &Meeting) -> Vec<(Option<String>, NamedNode)> {
    let mut attendees = Vec::new();
    for (n, a) in m.attendees.iter().enumerate() {
        let Some(key) = cx.ids.key(a.name.as_deref(), a.handle.as_deref()) else {
            continue;
        };
        let person = cx.iris.person(&key);
        w.typed(&person, &[foaf::PERSON, schema::PERSON]);
        if let Some(name) = &a.name {
            w.text(&person, foaf::NAME, name);
        }
        if let Some(h) = &a.handle {
            account(w, &person, h);
        }
        w.add(&cx.meeting, schema::ATTENDEE, person.clone());
        let att = cx.part("attendance", n + 1);
        w.typed(&att, &[gg::ATTENDANCE, schema::ROLE]);
        w.add(&att, gg::MEETING_PROP, cx.meeting.clone());
        w.add(&att, gg::PERSON, person.clone());
        // Roles and affiliations hold on the meeting's date, not forever.
        if let Some(date) = &m.date {
            w.add(
                &att,
                dcterms::DATE,
                Literal::new_typed_literal(date, xsd::DATE),
            );
        }
        w.add(&cx.meeting, gg::ATTENDANCE_OF, att.clone());
        if let Some(name) = &a.name {
            w.text(&att, gg::NAME_AS_WRITTEN, name);
        }
        if let Some(h) = &a.handle {
            w.text(&att, gg::HANDLE_AS_WRITTEN, h);
        }
        if let Some(r) = &a.role {
            w.text(&att, schema::ROLE_NAME, r);
        }
        if let Some(o) = &a.affiliation {
            w.text(&att, gg::AFFILIATION, o);
        }
        w.provenance(&att, cx.doc, Lines::one(a.line));
        attendees.push((
            a.handle
                .as_ref()
                .map(|h| h.to_lowercase())
                .or_else(|| a.name.clone()),
            person,
        ));
    }
    attendees
}

/// Each mention of a GitHub item, with its line, and the set of items.
fn references(w: &mut Writer, cx: &MeetingCx<'_>, m: &Meeting) {
    for (n, mention) in m.mentions.iter().enumerate() {
        let r = cx.part("ref", n + 1);
        let target = item_iri(&mention.item);
        w.typed(&r, &[gg::REFERENCE]);
        w.add(&r, gg::TARGET, target.clone());
        w.add(&cx.meeting, gg::REFERENCE_PROP, r.clone());
        w.provenance(&r, cx.doc, Lines::one(mention.line));
        item(w, &mention.item);
    }
    for i in &m.references {
        w.add(&cx.meeting, dcterms::REFERENCES, item_iri(i));
    }
}

/// The agenda items, with their notes and the items they are about.
fn agenda(w: &mut Writer, cx: &MeetingCx<'_>, m: &Meeting) {
    for a in &m.agenda {
        let it = cx.part("item", a.position);
        w.typed(&it, &[gg::AGENDA_ITEM]);
        w.add(&it, gg::MEETING_PROP, cx.meeting.clone());
        w.add(&cx.meeting, schema::SUB_EVENT, it.clone());
        w.add(&it, schema::POSITION, Literal::from(a.position as i64));
        w.text(&it, schema::NAME, &a.title);
        for i in &a.items {
            w.add(&it, schema::ABOUT, item_iri(i));
            item(w, i);
        }
        for note in &a.notes {
            w.text(&it, gg::NOTE, note);
        }
        w.provenance(&it, cx.doc, a.lines);
    }
}

/// The decisions, generated by the meeting.
fn decisions(w: &mut Writer, cx: &MeetingCx<'_>, m: &Meeting) {
    for (n, d) in m.decisions.iter().enumerate() {
        let dn = cx.part("decision", n + 1);
        w.typed(&dn, &[gg::DECISION, prov::ENTITY]);
        w.add(&dn, prov::WAS_GENERATED_BY, cx.meeting.clone());
        w.text(&dn, schema::TEXT, &d.text);
        if let Some(p) = d.agenda_item {
            w.add(&dn, gg::AGENDA_ITEM_PROP, cx.part("item", p));
        }
        if let Some(i) = &d.about {
            w.add(&dn, schema::ABOUT, item_iri(i));
            item(w, i);
        }
        w.provenance(&dn, cx.doc, d.lines);
    }
}

/// The actions, each with its agent (a person or the group), status and
/// the key that finds it again when it is carried over.
fn actions(
    w: &mut Writer,
    cx: &MeetingCx<'_>,
    m: &Meeting,
    attendees: &[(Option<String>, NamedNode)],
) {
    for (n, a) in m.actions.iter().enumerate() {
        let an = cx.part("action", n + 1);
        w.typed(&an, &[gg::ACTION, schema::PLAN_ACTION]);
        w.add(&an, gg::MEETING_PROP, cx.meeting.clone());
        w.text(&an, schema::TEXT, &a.text);
        w.text(&an, gg::ASSIGNEE_AS_WRITTEN, &a.assignee_as_written);
        // The agent, through the identity rules: an attendee, or a handle
        // of someone not in the attendance list (still a person).
        let agent = if a.assignee == "group" {
            None
        } else if let Some((_, p)) = attendees
            .iter()
            .find(|(k, _)| k.as_deref() == Some(a.assignee.as_str()))
        {
            Some((p.clone(), false))
        } else if a.assignee_as_written.starts_with('@') {
            cx.ids
                .key(None, Some(&a.assignee))
                .map(|k| (cx.iris.person(&k), true))
        } else {
            None
        };
        // Keyed by who it is, not how they were written, so an action
        // carried over under another spelling of the same person is found.
        let who = agent
            .as_ref()
            .map_or_else(|| a.assignee.to_lowercase(), |(p, _)| p.as_str().to_owned());
        w.text(&an, gg::ACTION_KEY, &action_key(&who, &a.text));
        let status = match a.status {
            ActionStatus::Open => schema::POTENTIAL,
            ActionStatus::Done => schema::COMPLETED,
        };
        w.add(&an, schema::ACTION_STATUS, NamedNode::new_unchecked(status));
        match agent {
            _ if a.assignee == "group" => w.add(&an, schema::AGENT, cx.group.clone()),
            Some((p, off_list)) => {
                if off_list {
                    w.typed(&p, &[foaf::PERSON, schema::PERSON]);
                    account(w, &p, &a.assignee);
                }
                w.add(&an, schema::AGENT, p);
            }
            None => {}
        }
        if let Some(p) = a.agenda_item {
            w.add(&an, gg::AGENDA_ITEM_PROP, cx.part("item", p));
        }
        if let Some(i) = &a.about {
            w.add(&an, schema::ABOUT, item_iri(i));
            item(w, i);
        }
        w.provenance(&an, cx.doc, a.lines);
    }
}

/// A key under which the same action written again in a later meeting
/// (carried over) is recognised: the assignee and the words of the text,
/// folded, without labels (`Action:`, `TODO:`) or handle markers.
pub fn action_key(assignee: &str, text: &str) -> String {
    use regex::Regex;
    use std::sync::LazyLock;
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\W*(?:\(action\)|action(?:\s*items?)?|ai|todo|next\s+steps?)\s*[:\-–]\s*")
            .unwrap()
    });
    let text = LABEL.replace(text, "");
    let words: Vec<String> = crate::text::fold(&text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    format!("{}|{}", assignee.to_lowercase(), words.join(" "))
}

/// Gives `person` the GitHub account `login`, described.
fn account(w: &mut Writer, person: &NamedNode, login: &str) {
    let acct = account_iri(login);
    w.add(person, foaf::ACCOUNT, acct.clone());
    w.typed(&acct, &[foaf::ONLINE_ACCOUNT]);
    w.text(&acct, foaf::ACCOUNT_NAME, &login.to_lowercase());
    w.add(
        &acct,
        foaf::ACCOUNT_SERVICE_HOMEPAGE,
        NamedNode::new_unchecked("https://github.com/"),
    );
}

/// Describes a GitHub item: its type, identifier and repository.
fn item(w: &mut Writer, i: &ItemRef) {
    let iri = item_iri(i);
    let class = match i.kind {
        ItemKind::Issue => gg::ISSUE,
        ItemKind::PullRequest => gg::PULL_REQUEST,
        ItemKind::Discussion => gg::DISCUSSION,
    };
    w.typed(&iri, &[class, gg::GITHUB_ITEM]);
    w.text(&iri, dcterms::IDENTIFIER, &i.key());
    let repo = repo_iri(&i.repo);
    w.add(&iri, dcterms::IS_PART_OF, repo.clone());
    w.typed(&repo, &[gg::REPOSITORY]);
    w.text(&repo, rdfs::LABEL.as_str(), &i.repo.to_string());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iris_are_encoded_and_stable() {
        let i = Iris::new("https://example.org/id/").unwrap();
        assert_eq!(
            i.meeting("a/b/meetings/2023-08-03.md").as_str(),
            "https://example.org/id/meeting/a/b/meetings/2023-08-03"
        );
        assert_eq!(
            i.person(&PersonKey::Name("ulises gascón".into())).as_str(),
            "https://example.org/id/person/name/ulises-gasc%C3%B3n"
        );
        assert!(Iris::new("not an iri/").is_err());
        assert!(Iris::new("https://example.org/id").is_err());
    }
}
