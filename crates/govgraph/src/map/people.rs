//! The attendance of a meeting, and the people and accounts it names.

use super::{MeetingCx, Writer, account_iri};
use crate::model::{Lines, Meeting};
use crate::vocab::{dcterms, foaf, gg, schema};
use oxigraph::model::vocab::xsd;
use oxigraph::model::{Literal, NamedNode};

/// Each attendee: the person, and an attendance with its role, affiliation
/// and line. Returns each attendee's assignee key (login or name) with
/// their person, for resolving actions.
pub(super) fn attendance(
    w: &mut Writer,
    cx: &MeetingCx<'_>,
    m: &Meeting,
) -> Vec<(Option<String>, NamedNode)> {
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

/// Gives `person` the GitHub account `login`, described.
pub(super) fn account(w: &mut Writer, person: &NamedNode, login: &str) {
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
