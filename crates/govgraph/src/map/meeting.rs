//! The document, the group holding its meetings, and each meeting.

use super::references::item;
use super::{DocInfo, Iris, MeetingCx, Writer, account_iri, encode_path, item_iri, repo_iri};
use crate::model::{Meeting, MeetingStatus, Minutes};
use crate::vocab::{dcterms, foaf, gg, org, prov, schema};
use oxigraph::model::vocab::xsd;
use oxigraph::model::{Literal, NamedNode};

/// The document itself: its path, hash, version and git identity.
pub(super) fn document(w: &mut Writer, doc: &NamedNode, m: &Minutes, info: &DocInfo<'_>) {
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
pub(super) fn group(w: &mut Writer, m: &Minutes, info: &DocInfo<'_>, iris: &Iris) -> NamedNode {
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
pub(super) fn meeting(w: &mut Writer, cx: &MeetingCx<'_>, doc: &Minutes, m: &Meeting) {
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
