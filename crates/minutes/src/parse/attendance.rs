//! Who attended: the people of attendance lists, in the forms minutes use.
//!
//! A list sits under a heading (`## Present`), after an inline label
//! (`**Attendees:**`, `Members: A, B`, `Observers: …`), as the children of
//! a label item, in a table, or in the YAML front matter. Each line is read
//! by [`people::parse_line`]. A table with a presence column (`Present`,
//! `Attended`, a ✓ column) lists everyone invited: only the rows with a
//! mark attended. Regrets and absentees are never attendees. Minutes that
//! took no attendance sometimes carry a legend of the speakers' initials
//! (`Ben Coe (BC):`); those people were there.

use super::Reader;
use super::blocks::{Block, Kind};
use super::people::{self, Entry};
use super::sections::{self, Section};
use crate::model::{Attendee, Severity};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Words of a table header cell that says whether the row's person was there.
const PRESENCE_HEADERS: &[&str] = &[
    "present",
    "attended",
    "attending",
    "attendance",
    "here",
    "joined",
    "status",
    "in attendance",
    "✓",
    "✔",
];

/// Marks that say someone was there, in a presence column or before a
/// name (`✅ Ana`). Longer marks first: `✔️` is `✔` and a variation
/// selector.
const TICKS: &[&str] = &["✅", "✔️", "✔", "✓", "☑️", "☑", "🟢"];

/// Words of a table header row of an attendance table, besides the
/// presence headers.
const HEADER_WORDS: &[&str] = &[
    "name",
    "names",
    "github",
    "handle",
    "affiliation",
    "organization",
    "organisation",
    "company",
    "employer",
    "role",
    "username",
    "login",
    "attendee",
    "attendees",
    "member",
    "members",
    "email",
    "in",
    "representing",
    "title",
    "notes",
    "abbreviation",
    "abbr",
    "initials",
    "company",
    "affiliations",
    "organizations",
    "organisations",
    "full",
    "of",
    "user",
    "id",
    "voting",
    "vote",
    "seat",
    "term",
    "pronouns",
    "location",
    "timezone",
    "country",
];

/// What a column of an attendance table holds, by its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Name,
    Handle,
    Organisation,
    Role,
    /// Initials, e-mail, notes, presence: not part of the person line.
    Other,
}

/// The columns of an attendance table's header row, when it names a
/// column for the person's name.
fn header_columns(text: &str) -> Option<Vec<Column>> {
    if !is_table_header(text) {
        return None;
    }
    let columns: Vec<Column> = cells(text)
        .iter()
        .map(|c| {
            let lower = c.to_lowercase();
            let has = |ws: &[&str]| {
                lower
                    .split(|ch: char| !ch.is_alphanumeric())
                    .any(|w| ws.contains(&w))
            };
            if has(&["github", "handle", "username", "login", "user", "id"]) {
                Column::Handle
            } else if has(&[
                "affiliation",
                "affiliations",
                "organization",
                "organizations",
                "organisation",
                "organisations",
                "company",
                "employer",
                "representing",
            ]) {
                Column::Organisation
            } else if has(&["role", "title"]) {
                Column::Role
            } else if has(&[
                "name",
                "names",
                "attendee",
                "attendees",
                "member",
                "members",
            ]) {
                Column::Name
            } else {
                Column::Other
            }
        })
        .collect();
    columns.contains(&Column::Name).then_some(columns)
}

/// A person found in the attendance, before de-duplication.
struct Found {
    entry: Entry,
    role: Option<String>,
    line: usize,
}

impl Reader<'_> {
    /// Reads the meeting's attendance: the front matter's lists (for a file
    /// of one meeting), then every attendance section of the meeting.
    pub(super) fn attendance(&mut self) {
        let mut found = Vec::new();
        if self.range.start == 0 && self.range.end == self.doc.blocks.len() {
            if let Some(fm) = &self.doc.front {
                for (text, role, line) in &fm.attendees {
                    for entry in people::parse_line(text, &[], false) {
                        found.push(Found {
                            entry,
                            role: role.clone(),
                            line: *line,
                        });
                    }
                }
            }
        }
        self.attendance_sections(&mut found);
        let mut seen: HashSet<(Option<String>, Option<String>)> = HashSet::new();
        for f in found {
            match f.entry {
                Entry::Team(t) => {
                    if !self.meeting.teams.contains(&t) {
                        self.meeting.teams.push(t);
                    }
                }
                Entry::Person {
                    name,
                    handle,
                    role,
                    affiliation,
                } => {
                    let key = (
                        name.as_deref().map(str::to_lowercase),
                        handle.as_deref().map(str::to_lowercase),
                    );
                    if seen.insert(key) {
                        self.meeting.attendees.push(Attendee {
                            name,
                            handle,
                            role: role.or(f.role),
                            affiliation,
                            line: f.line,
                        });
                    }
                }
            }
        }
        if self.meeting.attendees.is_empty() {
            self.speaker_legends();
        }
        if self.meeting.attendees.is_empty() {
            self.met_with();
        }
        if self.meeting.attendees.is_empty() && self.meeting.is_meeting() && !self.doc_is_log() {
            self.diag(
                Severity::Warning,
                "no-attendees",
                1,
                "no attendance list found",
            );
        }
    }

    pub(super) fn doc_is_log(&self) -> bool {
        self.range.start != 0 || self.range.end != self.doc.blocks.len()
    }

    fn attendance_sections(&mut self, found: &mut Vec<Found>) {
        // Sub-lists under a label item (`* Observers:` then sub-bullets)
        // take that label's role or absence.
        let mut item_section: Vec<Option<Section>> = vec![None; self.doc.blocks.len()];
        // The presence column of the table being read, if it has one.
        let mut presence: Option<usize> = None;
        // What each column of the table being read holds, if its header
        // says.
        let mut columns: Option<Vec<Column>> = None;
        let blocks: Vec<(usize, &Block, Section)> = self.blocks().collect();
        // `- [x] Ana`, `- [ ] Bo`: where people tick their own box, an
        // unticked one did not attend.
        let boxes_ticked = blocks.iter().any(|(_, b, s)| {
            matches!(s, Section::Present(_))
                && matches!(
                    b.kind,
                    Kind::Item {
                        checked: Some(true),
                        ..
                    }
                )
        });
        for (i, b, s) in blocks {
            if b.kind != Kind::TableRow {
                presence = None;
                columns = None;
            } else if let Some(c) = header_columns(&b.text) {
                columns = Some(c);
            }
            // A table whose header names people and has a presence column
            // (`| Name | Present |`) is a roll call wherever it sits: no
            // heading needs to say so.
            let roll_call = b.kind == Kind::TableRow
                && (presence.is_some()
                    || (is_table_header(&b.text) && presence_column(&b.text).is_some()));
            let s = match s {
                Section::Present(_) | Section::Absent => s,
                _ if roll_call => Section::Present(None),
                _ => s,
            };
            let inherited = b.parent.and_then(|p| item_section[p].clone());
            let early = matches!(s, Section::Preamble | Section::Present(_));
            let own_label = match b.kind {
                Kind::Item { depth: 0, .. } | Kind::Paragraph | Kind::TableRow => {
                    sections::label_section(&b.text, early)
                }
                Kind::Item { .. } => sections::label_section(&b.text, false),
                Kind::Heading(_) => None,
            };
            let section = match (&own_label, &inherited) {
                (Some((l, _)), _) => l.clone(),
                (None, Some(inh)) => inh.clone(),
                (None, None) => s,
            };
            if matches!(b.kind, Kind::Item { .. }) {
                item_section[i] = Some(section.clone());
            }
            if matches!(b.kind, Kind::Heading(_)) {
                continue;
            }
            let role = match &section {
                Section::Present(role) => role.clone(),
                Section::Absent => {
                    self.absent_blocks.insert(i);
                    continue;
                }
                _ => continue,
            };
            if b.kind == Kind::TableRow {
                if let Some(col) = presence_column(&b.text) {
                    presence = Some(col);
                    self.link_blocks.insert(i);
                    continue;
                }
                if let Some(col) = presence {
                    let cell = cells(&b.text).get(col).copied().unwrap_or("");
                    if !marked_present(cell) {
                        self.link_blocks.insert(i);
                        continue;
                    }
                }
            }
            if boxes_ticked
                && matches!(
                    b.kind,
                    Kind::Item {
                        checked: Some(false),
                        ..
                    }
                )
            {
                self.absent_blocks.insert(i);
                self.link_blocks.insert(i);
                continue;
            }
            self.attendance_block(i, b, own_label.is_some(), role, columns.as_deref(), found);
        }
    }

    /// The people of one block of an attendance section.
    fn attendance_block(
        &mut self,
        i: usize,
        b: &Block,
        labelled: bool,
        role: Option<String>,
        columns: Option<&[Column]>,
        found: &mut Vec<Found>,
    ) {
        // Text after an inline label, or the whole text.
        let text = if labelled {
            let first = b.text.lines().next().unwrap_or("");
            b.text[sections::label_end(first)..].to_owned()
        } else {
            b.text.clone()
        };
        let links = people::block_links(b);
        let allow_split = labelled || b.kind == Kind::Paragraph;
        // A row's role cell, under a header naming it, is the person's
        // role in the meeting.
        let mut role = role;
        let lines: Vec<(usize, String)> = if b.kind == Kind::TableRow {
            let (line, row_role) = match columns {
                Some(cols) => table_row_by_header(&text, cols),
                None => (table_row_as_person(&text), None),
            };
            if row_role.is_some() {
                role = row_role;
            }
            vec![(b.line, line)]
        } else {
            text.split('\n')
                .enumerate()
                .map(|(n, l)| (b.line + n, l.to_owned()))
                .collect()
        };
        // A paragraph of label lines (`**Staff:** Olu` under `**Directors
        // present:** …`, with no blank line between) switches role, or to
        // absence, at each line that opens with a label of its own.
        let mut absent = false;
        for (n, (line, l)) in lines.into_iter().enumerate() {
            let mut l = l;
            if n > 0
                && b.kind == Kind::Paragraph
                && let Some((section, _)) = sections::label_section(&l, true)
            {
                match section {
                    Section::Present(r) => {
                        role = r;
                        absent = false;
                    }
                    _ => absent = true,
                }
                l = l[sections::label_end(&l)..].to_owned();
            }
            if absent || is_table_header(&l) || adds_oneself(&l) {
                continue;
            }
            // `✅ Ana Ortiz`, `Bram de Wit (Globex) - absent`, `Dora
            // (regrets)`: a mark of presence on the person's own line.
            // Only a line of one person: `Ana, Bo, Cy (regrets)` is not
            // Ana's absence.
            if !l.contains([',', ';']) {
                let (here, rest) = presence_mark(&l);
                if here == Some(false) {
                    continue;
                }
                l = rest;
            }
            // `TOC: Ana Ortiz (Acme), Bram de Wit (Globex)`: a label of its
            // own groups this line's people.
            let mut line_role = role.clone();
            let mut split = allow_split;
            if b.kind != Kind::TableRow
                && !(n == 0 && labelled)
                && let Some((label_role, end)) = group_label(&l)
            {
                if label_role.is_some() {
                    line_role = label_role;
                }
                l = l[end..].to_owned();
                split = true;
            }
            let entries = people::parse_line(&l, &links, split);
            if entries.is_empty() {
                self.unread_attendee_line(&l, line);
            }
            for entry in entries {
                found.push(Found {
                    entry,
                    role: line_role.clone(),
                    line,
                });
            }
        }
        self.link_blocks.insert(i);
    }

    /// Says why an attendance line gave nobody: a line naming a body of
    /// people is expected; anything else could not be read.
    fn unread_attendee_line(&mut self, line_text: &str, line: usize) {
        let t = line_text
            .trim()
            .trim_matches(|c: char| matches!(c, '*' | '-' | '_' | '+') || c.is_whitespace());
        if t.is_empty() {
            return;
        }
        if people::names_nobody(t) {
            self.diag(
                Severity::Note,
                "not-a-person",
                line,
                format!("attendance line names no person: `{t}`"),
            );
        } else {
            self.diag(
                Severity::Warning,
                "attendee-unread",
                line,
                format!("could not read a person in this attendance line: `{t}`"),
            );
        }
    }

    /// Summaries that list no attendance still say whom the group met:
    /// `The SC met with Ezio`, `received an update from Łukasz`. Those
    /// people were in the meeting (the group's own members are not named).
    fn met_with(&mut self) {
        static MET: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"\b(?:met\s+with|meeting\s+with|update\s+from|sync(?:ed)?(?:-up)?\s+with)\s+(?P<name>\p{Lu}[\p{Ll}'’-]+(?:\s\p{Lu}[\p{Ll}'’-]+)?)\b").unwrap()
        });
        let mut seen = HashSet::new();
        let blocks: Vec<&Block> = self.blocks().map(|(_, b, _)| b).collect();
        for b in blocks {
            for c in MET.captures_iter(&b.text) {
                let name = c["name"].to_owned();
                let first = name.split_whitespace().next().unwrap_or("");
                if !super::statements::assignees::looks_like_first_name(first)
                    || !seen.insert(crate::text::fold(&name))
                {
                    continue;
                }
                let line = b.line_at(c.get(0).unwrap().start());
                self.meeting.attendees.push(Attendee {
                    name: Some(name),
                    handle: None,
                    role: Some("guest".into()),
                    affiliation: None,
                    line,
                });
                self.diag(
                    Severity::Note,
                    "met-with",
                    line,
                    "no attendance list; a person the group met is taken as a guest",
                );
            }
        }
    }

    /// Minutes that did not take attendance sometimes carry a legend of the
    /// speakers' initials (`Ben Coe (BC):`); those people were there.
    fn speaker_legends(&mut self) {
        static LEGEND: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"^\W*(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})\s*\((\p{Lu}{2,3})\)\s*:",
            )
            .unwrap()
        });
        let mut seen = HashSet::new();
        let blocks: Vec<&Block> = self.blocks().map(|(_, b, _)| b).collect();
        for b in blocks {
            for (n, line) in b.text.lines().enumerate() {
                if let Some(c) = LEGEND.captures(line)
                    && seen.insert(c[1].to_owned())
                {
                    self.meeting.attendees.push(Attendee {
                        name: Some(c[1].to_owned()),
                        handle: None,
                        role: None,
                        affiliation: None,
                        line: b.line + n,
                    });
                }
            }
        }
        if let Some(first) = self.meeting.attendees.first().map(|a| a.line) {
            self.diag(
                Severity::Note,
                "speaker-legend",
                first,
                "no attendance list; attendees taken from the speakers' initials legend",
            );
        }
    }
}

/// `TOC: Ana Ortiz (Acme), Bram de Wit (Globex)`, `Non-TOC: …`,
/// `Minutes, driver: TC`, `People: TC, Ana Ortiz`: inside an attendance
/// section, a short label before a colon says what the people after it
/// are. Returns the role it gives (none for a label that only says
/// "people" or where they sat) and where the names start. `Ana: @ana` and
/// `Bram de Wit: @bram` are a person and a handle, not a label: a label
/// is an acronym, has a lower-case word, or heads a list of several.
fn group_label(line: &str) -> Option<(Option<String>, usize)> {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^[\s*_>+-]*(?P<label>\p{L}[\p{L}\p{N}&/'’ .,-]{0,40}?)[\s*_]*:[\s*_]*(?P<rest>\S.*)$",
        )
        .unwrap()
    });
    const NO_ROLE: &[&str] = &[
        "people",
        "folks",
        "everyone",
        "names",
        "in person",
        "remote",
        "online",
        "virtual",
        "in the room",
        "on site",
        "onsite",
        "on call",
        "zoom",
        "irc",
        "video",
    ];
    let c = LABEL.captures(line)?;
    let label = c["label"].trim_end_matches([' ', ',', '.']);
    let rest = &c["rest"];
    if rest.starts_with("//") {
        return None;
    }
    let words: Vec<&str> = label.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    let parts: Vec<&str> = rest
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // People are written as names or handles: `Quorum: 5 of 7 voting
    // members present; quorum reached` lists none.
    if !parts
        .iter()
        .all(|p| p.starts_with('@') || p.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    let several = parts.len() >= 2;
    // `Thomas GENTILHOMME: @fraxken`, `Ulises gascon: @ulisesGascon`: one
    // handle after the colon is that person's.
    if !several && rest.trim_start().starts_with('@') {
        return None;
    }
    let acronym = label
        .split([' ', '-', '/'])
        .any(|w| (2..=5).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase()));
    let lower_word = words.iter().skip(1).any(|w| {
        w.chars().next().is_some_and(char::is_lowercase) && !people::PARTICLES.contains(w)
    });
    let name_like = words.len() >= 2
        && super::statements::assignees::looks_like_first_name(words[0])
        && !lower_word;
    if !(acronym || lower_word || (several && !name_like)) {
        return None;
    }
    let folded = label.to_lowercase();
    let role = (!NO_ROLE.contains(&folded.as_str())).then(|| sections::role_name(label));
    Some((role, c.name("rest")?.start()))
}

fn cells(text: &str) -> Vec<&str> {
    text.split('\t').map(str::trim).collect()
}

/// The presence column of a table's header row, if the row is a header
/// with one.
fn presence_column(text: &str) -> Option<usize> {
    let cells = cells(text);
    let lower: Vec<String> = cells.iter().map(|c| c.to_lowercase()).collect();
    let col = lower
        .iter()
        .position(|c| PRESENCE_HEADERS.contains(&c.trim_matches(|c: char| c == '?' || c == ':')))?;
    is_table_header(text).then_some(col)
}

/// Whether a presence cell says the person was there: a tick, a cross
/// mark used as a tick (`x`), `yes`, `present`…; empty, `no`, `absent`,
/// `regrets` and the like say they were not.
fn marked_present(cell: &str) -> bool {
    let c = cell.trim().to_lowercase();
    let c = c.trim_matches(|ch: char| ch == '*' || ch == '_' || ch.is_whitespace());
    let first = c.split_whitespace().next().unwrap_or("");
    TICKS.contains(&first)
        || matches!(
            first,
            "x" | "[x]"
                | "yes"
                | "y"
                | "present"
                | "attended"
                | "here"
                | "1"
                | "true"
                | "+"
                | "👍"
                | "late"
                | "remote"
                | "in-person"
                | "online"
        )
}

/// A person's line without its mark of presence, and what the mark says:
/// a leading `✅` / `❌`, or a trailing `- present`, `(absent)`,
/// `(regrets)`. `None` when the line carries no mark.
fn presence_mark(line: &str) -> (Option<bool>, String) {
    static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\s*(?:[-–—:,]\s*\(?|\()\s*(?:(?P<here>present|attending|attended|remote|online|in[- ]person)|(?P<away>absent|not\s+present|regrets|sent\s+regrets|apologies|excused|unable\s+to\s+attend))\s*\)?\s*\.?$").unwrap()
    });
    const AWAY: &[&str] = &["❌", "✖️", "✖", "✗", "✘", "☐", "🔴", "⛔", "🚫"];
    let t = line.trim_start();
    for (marks, here) in [(TICKS, true), (AWAY, false)] {
        if let Some(m) = marks.iter().find(|m| t.starts_with(**m)) {
            return (Some(here), t[m.len()..].trim_start().to_owned());
        }
    }
    match TRAILING.captures(line) {
        Some(c) => (
            Some(c.name("here").is_some()),
            line[..c.get(0).unwrap().start()].to_owned(),
        ),
        None => (None, line.to_owned()),
    }
}

/// A line where people are invited to add themselves (`Add your name
/// below`), not a person.
fn adds_oneself(line: &str) -> bool {
    let lower = line.to_lowercase();
    [
        "add your name",
        "add yourself",
        "sign in",
        "sign-in",
        "please add",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

/// A table row of an attendance table, as one person line: the first cell
/// is the name, other cells that are handles stay, the rest are extras.
fn table_row_as_person(text: &str) -> String {
    let cells: Vec<&str> = text
        .split('\t')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .filter(|c| !marked_present(c) && !is_absence_mark(c))
        .collect();
    let mut out = String::new();
    for (i, c) in cells.iter().enumerate() {
        if i == 0 || c.starts_with('@') {
            out.push_str(c);
        } else if !c.contains('(') {
            out.push_str(&format!("({c})"));
        }
        out.push(' ');
    }
    out
}

/// A row of an attendance table whose header names its columns, as one
/// person line (`Name (@handle) - Organisation`) and the row's role, if
/// any. Initials, e-mail and notes are left out: an initials column is not
/// an employer.
fn table_row_by_header(text: &str, columns: &[Column]) -> (String, Option<String>) {
    let cells = cells(text);
    let cell = |want: Column| {
        columns
            .iter()
            .zip(&cells)
            .find(|(c, v)| **c == want && !v.is_empty())
            .map(|(_, v)| *v)
    };
    let mut line = cell(Column::Name).unwrap_or_default().to_owned();
    if let Some(h) = cell(Column::Handle) {
        let h = h.trim_start_matches('@');
        if !h.is_empty() && !h.contains(' ') {
            line.push_str(&format!(" (@{h})"));
        }
    }
    if let Some(o) = cell(Column::Organisation) {
        line.push_str(&format!(" - {o}"));
    }
    let role = cell(Column::Role).map(|r| r.trim().to_lowercase());
    (line, role)
}

fn is_absence_mark(cell: &str) -> bool {
    matches!(
        cell.trim().to_lowercase().as_str(),
        "no" | "n" | "absent" | "regrets" | "apologies" | "excused" | "✗" | "✘" | "❌" | "-" | "0"
    )
}

fn is_table_header(line: &str) -> bool {
    let lower = line.to_lowercase();
    let cells: Vec<&str> = lower
        .split('\t')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '✓' && c != '✔')
        .filter(|w| !w.is_empty())
        .collect();
    let header_cell = |c: &&str| PRESENCE_HEADERS.contains(c) || HEADER_WORDS.contains(c);
    // `| Name | Affiliation | Voting status |`: a row that opens with a
    // column for the person and whose cells are mostly header words is the
    // header, even with one word this list does not know.
    let names_column = cells.first().is_some_and(|c| {
        [
            "name",
            "names",
            "member",
            "members",
            "attendee",
            "attendees",
            "full name",
            "github",
            "handle",
        ]
        .contains(c)
    });
    !words.is_empty()
        && (words
            .iter()
            .all(|w| HEADER_WORDS.contains(w) || PRESENCE_HEADERS.contains(w))
            || (cells.len() > 1 && cells.iter().all(header_cell))
            || (names_column
                && cells.len() > 2
                && cells.iter().filter(|c| header_cell(c)).count() * 2 > cells.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_says_what_each_column_holds() {
        // Issue 10: an initials column is not the employer.
        let cols = header_columns("Name\tAbbreviation\tOrganization").unwrap();
        assert_eq!(
            table_row_by_header("Ana Lima\tAL\tAcme Cloud", &cols),
            ("Ana Lima - Acme Cloud".to_owned(), None)
        );
        let cols = header_columns("Member\tGitHub ID\tRole\tCompany").unwrap();
        assert_eq!(
            table_row_by_header("Bo Chen\tbochen\tChair\tWidget Co", &cols),
            (
                "Bo Chen (@bochen) - Widget Co".to_owned(),
                Some("chair".to_owned())
            )
        );
        assert_eq!(header_columns("Ana Lima\tAL\tAcme Cloud"), None);
    }

    /// Issue 10: attendance grouped by a label of the group's own
    /// (`TOC:`, `Non-TOC:`) and a person's own `Name: @handle` line.
    #[test]
    fn group_labels_and_people() {
        let role = |l: &str| group_label(l).map(|(r, end)| (r, l[end..].to_owned()));
        assert_eq!(
            role("TOC: Ana Ortiz (Acme), Bram de Wit (Globex)"),
            Some((
                Some("toc".into()),
                "Ana Ortiz (Acme), Bram de Wit (Globex)".into()
            ))
        );
        assert_eq!(
            role("Non-TOC: Dora Petrova"),
            Some((Some("non-toc".into()), "Dora Petrova".into()))
        );
        assert_eq!(
            role("Core team: Ana, Bo"),
            Some((Some("core team".into()), "Ana, Bo".into()))
        );
        assert_eq!(
            role("People: TC, Ana Ortiz"),
            Some((None, "TC, Ana Ortiz".into()))
        );
        for person in [
            "Ana: @ana",
            "Thomas GENTILHOMME: @fraxken",
            "Ulises gascon: @ulisesGascon",
            "Bram de Wit: @bram",
            "Ana Ortiz",
            "Recording: https://example.org/v/1",
        ] {
            assert_eq!(group_label(person), None, "{person}");
        }
    }

    /// The people of one attendance section, with their roles.
    fn roll(text: &str) -> Vec<(Option<String>, Option<String>, Option<String>)> {
        let cx = super::super::Context {
            source: "t.md".into(),
            file_name: "2025-03-04.md".into(),
            repo: crate::model::Repo::parse("zeta/toc"),
            model: None,
        };
        super::super::parse(text, &cx).meetings[0]
            .attendees
            .iter()
            .map(|a| (a.name.clone(), a.role.clone(), a.affiliation.clone()))
            .collect()
    }

    #[test]
    fn labelled_lines_give_roles_and_bots_and_counts_are_no_one() {
        let got = roll(
            "# TOC 2025-03-04\n\n## Attendees\n\n- TOC: Ana Ortiz (Acme), Bo Chen\n- Ilse Berg, Red Hat\n\n## People present (lines said)\n\n* kira (52)\n* zetabot (4)\n",
        );
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(
            got,
            [
                (s("Ana Ortiz"), s("toc"), s("Acme")),
                (s("Bo Chen"), s("toc"), None),
                (s("Ilse Berg"), None, s("Red Hat")),
                (s("kira"), None, None),
            ]
        );
    }

    #[test]
    fn presence_tables() {
        assert_eq!(presence_column("Name\tGitHub\tPresent"), Some(2));
        assert_eq!(presence_column("Name\tAffiliation"), None);
        assert_eq!(presence_column("Ana Souza\tpresent"), None);
        assert!(marked_present("✅"));
        assert!(marked_present(" x "));
        assert!(marked_present("Yes (late)"));
        assert!(!marked_present(""));
        assert!(!marked_present("regrets"));
        assert!(!marked_present("no"));
    }

    /// A roll-call table needs no heading: its header says what it is.
    #[test]
    fn a_presence_table_without_a_heading_is_attendance() {
        let text = "# Council notes 2024-05-13\n\n| Name | Present |\n|---|---|\n| Ana Souza | ✓ |\n| Bo Xu | |\n\n- Ana to send the survey.\n";
        let cx = crate::parse::Context {
            source: "notes.md".into(),
            file_name: "notes.md".into(),
            repo: None,
            model: None,
        };
        let m = crate::parse::parse(text, &cx);
        let names: Vec<_> = m.meetings[0]
            .attendees
            .iter()
            .map(|a| a.name.as_deref().unwrap_or(""))
            .collect();
        assert_eq!(names, ["Ana Souza"]);
    }
}
