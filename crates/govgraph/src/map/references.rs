//! Mentions of GitHub items, and the agenda items of a meeting.

use super::{MeetingCx, Writer, item_iri, repo_iri};
use crate::model::{ItemKind, ItemRef, Lines, Meeting};
use crate::vocab::{dcterms, gg, schema};
use oxigraph::model::Literal;
use oxigraph::model::vocab::rdfs;

/// Each mention of a GitHub item, with its line, and the set of items.
pub(super) fn references(w: &mut Writer, cx: &MeetingCx<'_>, m: &Meeting) {
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
pub(super) fn agenda(w: &mut Writer, cx: &MeetingCx<'_>, m: &Meeting) {
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

/// Describes a GitHub item: its type, identifier and repository.
pub(super) fn item(w: &mut Writer, i: &ItemRef) {
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
