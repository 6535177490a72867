//! Which part of a meeting's minutes each block sits in.
//!
//! Headings and inline labels (`**Present:**`, `Regrets:`) open sections:
//! the preamble, the Links section, an attendance list (present, observers,
//! guests, members…), an absence list, or the body (agenda items and their
//! notes). A section named for decisions or actions is body whose items
//! are decisions or actions; [`statement_section`] tells them.

use super::blocks::{Block, Kind};
use crate::model::Repo;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The section a block sits in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Section {
    /// Before any recognised heading.
    Preamble,
    /// The Links section.
    Links,
    /// An attendance list; the role applies to everyone in it.
    Present(Option<String>),
    /// Regrets, absent, apologies.
    Absent,
    /// Agenda, notes, and everything else.
    Body,
}

/// What the items of a section are, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatementSection {
    /// `Decisions`, `Resolutions`, `Outcomes`, `Agreed`, `Conclusions`.
    Decisions,
    /// `Action items`, `Next steps`, `To-dos`, `Follow-ups`, `Assignments`.
    Actions,
}

static ATTENDANCE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\W*(?:
            (?P<present>present|attendees?|attendance|in\x20attendance|participants?|people\x20present|members\x20present|who(?:'s|\x20is)?\x20here|roll\x20call|(?:tsc|wg|team|working\x20group|collaborators?|members?|voting\x20members?)\x20(?:present|attendees?|in\x20attendance)|attending|present\x20members|joined)
          | (?P<observer>observers?|also\x20present|non-?members?\x20present)
          | (?P<guest>guests?|invited(?:\x20guests?)?|visitors?)
          | (?P<absent>regrets|absent|apologies|not\x20present|unable\x20to\x20attend|excused|missing|absentees?|not\x20attending|(?:members?|directors?)\x20absent)
        )(?:\x20\([^)]*\))?\W*?(?:[:\-–—]|$)\s*\**",
    )
    .unwrap()
});

/// Labels that name a body of people by role (`Members: A, B`, `Staff:`);
/// only read as attendance at the top of a meeting's minutes, where
/// role-grouped attendance lines sit (the same word deep in the notes is
/// a topic, not a roll).
static ROLE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\W*(?P<role>
            (?:(?:voting|non-voting|board|committee|council|tsc|sc|steering\x20(?:committee|council)|core\x20team|executive|project|pmc)\x20)?
            (?:members? | directors? | officers? | staff | liaisons? | chairs? | co-?chairs? | facilitators? | note\x20?takers? | scribes?)
            (?:\x20(?:present|attending|in\x20attendance))?
        )\W*?[:\-–—]\s*\**",
    )
    .unwrap()
});

static LINKS_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:meeting\s+)?(?:links?|resources|references)\W*$").unwrap()
});

pub(super) static GENERIC_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\W*(?:agenda|minutes|notes|meeting notes|discussion|topics?|items?|announcements?|q\s*&\s*a.*|other.*|upcoming meetings?|next meeting.*|action items?|actions?|follow[- ]ups?|standup|updates?|review of.*|round ?table|issues marked.*|.*agenda items?|misc.*|any other business|aob|introductions?|decisions?|resolutions?|outcomes?)\W*$",
    )
    .unwrap()
});

static DECISION_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:key\s+)?(?:decisions?(?:\s+(?:made|taken|log|record))?|resolutions?|resolved|outcomes?|agreements?|agreed(?:\s+items?)?|conclusions?|decided|votes?(?:\s+results?)?)\W*$").unwrap()
});

static ACTION_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:new\s+|open\s+)?(?:action[ _-]?items?|actions?|next[ ]steps?|todos?|to[ -]dos?|follow[ -]?ups?|assignments?|plan|tasks?(?:[ ]needed)?)(?:\W.{0,30})?\W*$").unwrap()
});

/// What a heading or label line says the following items are: decisions,
/// actions, or neither. A section reviewing past actions (`Actions review`,
/// `Previous action items`) lists their status, not new actions.
pub fn statement_section(text: &str) -> Option<StatementSection> {
    let first = unnumbered(text.lines().next().unwrap_or("").trim());
    let lower = first.to_lowercase();
    if [
        "review",
        "previous",
        "last",
        "past",
        "prior",
        "old",
        "carried",
        "status",
        // `Action items discussion`, `Action item updates`: talk about the
        // actions, not a list of them.
        "discussion",
        "discussed",
        "update",
        "updates",
        "recap",
    ]
    .iter()
    .any(|w| lower.split(|c: char| !c.is_alphanumeric()).any(|x| x == *w))
    {
        return None;
    }
    if DECISION_SECTION.is_match(first) {
        Some(StatementSection::Decisions)
    } else if ACTION_SECTION.is_match(first) {
        Some(StatementSection::Actions)
    } else {
        None
    }
}

/// Whether a heading names a generic part of minutes (`Agenda`, `Notes`),
/// not an agenda item.
pub fn is_generic_heading(text: &str) -> bool {
    GENERIC_HEADING.is_match(unnumbered(text))
}

/// Whether a heading opens the Links section.
pub fn is_links_heading(text: &str) -> bool {
    LINKS_HEADING.is_match(text)
}

/// Which section each block of `range` is in (one entry per block), from
/// the headings and inline labels.
pub fn sections(blocks: &[Block], range: Range<usize>) -> Vec<Section> {
    let mut out = Vec::with_capacity(range.len());
    let mut current = Section::Preamble;
    // An inline label (`**Present:**` followed by a list) opens a section
    // that lasts until the next heading or paragraph.
    let mut inline: Option<Section> = None;
    // Whether the inline section has had its list: a paragraph after the
    // list is the document going on (`Proposed Agenda`, `Doc: URL`), not
    // more names.
    let mut inline_had_list = false;
    for b in &blocks[range] {
        if matches!(b.kind, Kind::Item { .. }) && inline.is_some() {
            inline_had_list = true;
        }
        match b.kind {
            Kind::Heading(_) => {
                inline = None;
                current = heading_section(&b.text).unwrap_or(match current {
                    Section::Preamble if Repo::parse(&b.text).is_none() && out.is_empty() => {
                        Section::Preamble
                    }
                    _ => Section::Body,
                });
                out.push(current.clone());
            }
            Kind::Paragraph | Kind::Item { depth: 0, .. } => {
                let early = matches!(current, Section::Preamble | Section::Present(_));
                match label_section(&b.text, early) {
                    Some((s, rest_empty)) => {
                        // A label paragraph opens a section for what follows;
                        // a label item only for its own children (see
                        // `attendance`), so its siblings are not swept in.
                        if rest_empty && b.kind == Kind::Paragraph {
                            inline = Some(s.clone());
                            inline_had_list = false;
                        } else {
                            inline = None;
                        }
                        out.push(s);
                    }
                    None if b.kind != Kind::Paragraph && ends_inline_section(&b.text) => {
                        inline = None;
                        out.push(current.clone());
                    }
                    None => {
                        // An inline list (`**Present:**` then names, maybe one
                        // per paragraph) ends at a label-like or prose paragraph.
                        if b.kind == Kind::Paragraph
                            && (inline_had_list || ends_inline_section(&b.text))
                        {
                            inline = None;
                        }
                        out.push(inline.clone().unwrap_or_else(|| current.clone()));
                    }
                }
            }
            _ => out.push(inline.clone().unwrap_or_else(|| current.clone())),
        }
    }
    out
}

/// A heading without its number: `2. Roll Call`, `IV) Action Items`, `B.
/// Minutes` name the same sections as `Roll Call`, `Action Items`,
/// `Minutes` (board minutes number every section).
pub fn unnumbered(text: &str) -> &str {
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\W*(?:\d{1,2}(?:\.\d{1,2})*|[IVXivx]{1,4}|[A-Ha-h])[.)]\s+").unwrap()
    });
    NUMBER.find(text).map_or(text, |m| &text[m.end()..])
}

/// The section a heading opens, if it is a section name.
pub fn heading_section(text: &str) -> Option<Section> {
    let text = unnumbered(text);
    if LINKS_HEADING.is_match(text) {
        return Some(Section::Links);
    }
    label_section(text, true).map(|(s, _)| s).filter(|_| {
        // A heading is a section label only when it is short.
        text.split_whitespace().count() <= 5
    })
}

/// The section an inline label opens (`Present:`, `**Regrets**`), and
/// whether the label stands alone on its line. `early` says whether the
/// block is at the top of the minutes, where role-grouped attendance lines
/// (`Members: …`) are read.
pub fn label_section(text: &str, early: bool) -> Option<(Section, bool)> {
    let first = text.lines().next().unwrap_or("");
    let alone = |end: usize| first[end..].trim().is_empty() && text.lines().count() <= 1;
    if let Some(c) = ATTENDANCE_LABEL.captures(first) {
        let s = if c.name("present").is_some() {
            Section::Present(None)
        } else if c.name("observer").is_some() {
            Section::Present(Some("observer".into()))
        } else if c.name("guest").is_some() {
            Section::Present(Some("guest".into()))
        } else {
            Section::Absent
        };
        return Some((s, alone(c.get(0).unwrap().end())));
    }
    if early && let Some(c) = ROLE_LABEL.captures(first) {
        return Some((
            Section::Present(Some(role_name(&c["role"]))),
            alone(c.get(0).unwrap().end()),
        ));
    }
    None
}

/// Where the label of a label line ends, so the rest can be read as names.
pub fn label_end(first_line: &str) -> usize {
    ATTENDANCE_LABEL
        .find(first_line)
        .or_else(|| ROLE_LABEL.find(first_line))
        .map_or(0, |m| m.end())
}

/// A role label's role, singular and lower-case (`Board members` →
/// `board member`).
pub fn role_name(label: &str) -> String {
    let lower = label.trim().to_lowercase();
    // `Directors present` are directors.
    let lower = ["present", "attending", "in attendance"]
        .iter()
        .find_map(|w| lower.strip_suffix(w).map(str::trim_end))
        .unwrap_or(&lower)
        .to_owned();
    let mut words: Vec<String> = lower.split_whitespace().map(str::to_owned).collect();
    if let Some(last) = words.last_mut()
        && last.len() > 3
        && last.ends_with('s')
        && !last.ends_with("ss")
    {
        last.pop();
    }
    words.join(" ")
}

/// Whether a paragraph closes an inline attendance list: a short label
/// (`**Agenda**`, `Notes:`) or prose.
pub fn ends_inline_section(text: &str) -> bool {
    let first = text.lines().next().unwrap_or("").trim();
    GENERIC_HEADING.is_match(first)
        || LINKS_HEADING.is_match(first)
        || first.ends_with(':')
        || (first.split_whitespace().count() > 8 && !first.contains('@') && !is_name_list(first))
}

/// A long line that is a list of short parts (`TOC: Ana Ortiz (Acme), Bram
/// de Wit (Globex), Chen Yu (Initech)`), not prose: every comma-separated
/// part, parentheses aside, has at most five words.
fn is_name_list(line: &str) -> bool {
    static PARENS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\([^)]*\)").unwrap());
    let bare = PARENS.replace_all(line, "");
    let parts: Vec<&str> = bare
        .split([',', ';'])
        .filter(|p| !p.trim().is_empty())
        .collect();
    parts.len() >= 2 && parts.iter().all(|p| p.split_whitespace().count() <= 5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statement_sections_by_name() {
        for (t, want) in [
            ("Decisions", Some(StatementSection::Decisions)),
            ("Resolutions:", Some(StatementSection::Decisions)),
            ("**Outcomes**", Some(StatementSection::Decisions)),
            ("Action items", Some(StatementSection::Actions)),
            ("Next steps:", Some(StatementSection::Actions)),
            ("To-dos", Some(StatementSection::Actions)),
            ("Actions review", None),
            ("Previous action items", None),
            ("Action Items Discussion", None),
            ("5. Action Items", Some(StatementSection::Actions)),
            ("IV) Resolutions", Some(StatementSection::Decisions)),
            ("Release plan for v22 and what it means", None),
        ] {
            assert_eq!(statement_section(t), want, "{t}");
        }
    }

    #[test]
    fn role_labels_only_at_the_top() {
        assert_eq!(
            label_section("Members: Ana, Bo", true),
            Some((Section::Present(Some("member".into())), false))
        );
        assert_eq!(
            label_section("Board members:", true),
            Some((Section::Present(Some("board member".into())), true))
        );
        assert_eq!(
            label_section("Executive Officers Present:", true),
            Some((Section::Present(Some("executive officer".into())), true))
        );
        assert_eq!(
            label_section("Directors Present:", true),
            Some((Section::Present(Some("director".into())), true))
        );
        assert_eq!(
            heading_section("2. Roll Call"),
            Some(Section::Present(None))
        );
        assert_eq!(label_section("Maintainers: (@a / @b)?", false), None);
        assert_eq!(label_section("Members: Ana, Bo", false), None);
        assert_eq!(
            label_section("Directors absent: Cy", true),
            Some((Section::Absent, false))
        );
    }
}
