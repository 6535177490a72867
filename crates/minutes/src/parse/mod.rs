//! Minutes text to the typed model.
//!
//! The parser reads the blocks of a document (see [`blocks`]) once, keeping
//! track of which section it is in: the preamble, the Links section, an
//! attendance list (present, observers, guests), an absence list, or the
//! body (agenda items and their notes). Each section has its own reader;
//! decisions and actions are found in the body by [`statements`].
//!
//! It recovers from anything: an odd line gives a diagnostic, never a lost
//! file. `parse` knows nothing about RDF and does no I/O.

pub mod blocks;
pub mod date;
pub mod people;
pub mod refs;
pub mod statements;

use crate::model::*;
use blocks::{Block, Kind};
use people::Entry;
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// What the parser needs to know besides the text.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The path to report in diagnostics and in `Minutes::source`.
    pub source: String,
    /// The file name (for its date).
    pub file_name: String,
    /// The repository holding the minutes, when known from outside the text.
    pub repo: Option<Repo>,
}

/// The section a block sits in.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Section {
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

static ATTENDANCE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\W*(?:
            (?P<present>present|attendees?|attendance|in\x20attendance|participants?|people\x20present|members\x20present|who(?:'s|\x20is)?\x20here|roll\x20call|(?:tsc|wg|team|working\x20group|collaborators?|members?|voting\x20members?)\x20(?:present|attendees?|in\x20attendance)|attending|present\x20members|joined)
          | (?P<observer>observers?|also\x20present|non-?members?\x20present)
          | (?P<guest>guests?|invited(?:\x20guests?)?|visitors?)
          | (?P<absent>regrets|absent|apologies|not\x20present|unable\x20to\x20attend|excused|missing|absentees?|not\x20attending)
        )(?:\x20\([^)]*\))?\W*?(?:[:\-–—]|$)\s*\**",
    )
    .unwrap()
});

static LINKS_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:meeting\s+)?(?:links?|resources|references)\W*$").unwrap()
});

static GENERIC_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\W*(?:agenda|minutes|notes|meeting notes|discussion|topics?|items?|announcements?|q\s*&\s*a.*|other.*|upcoming meetings?|next meeting.*|action items?|actions?|follow[- ]ups?|standup|updates?|review of.*|round ?table|issues marked.*|.*agenda items?|misc.*|any other business|aob|introductions?)\W*$",
    )
    .unwrap()
});

static LINK_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\W*(?:
            (?P<recording>(?:meeting\x20)?(?:recording|video|youtube|live\x20?stream|stream|zoom\x20recording))
          | (?P<minutes>(?:meeting\x20)?(?:minutes(?:\x20google\x20doc|\x20doc(?:ument)?)?|google\x20doc|notes\x20doc(?:ument)?|doc(?:ument)?|hackmd|notes))
          | (?P<issue>(?:github\x20)?(?:meeting\x20|agenda\x20)?issue|github)
        )\W*?[:\-–]\s*(?P<rest>.*)$",
    )
    .unwrap()
});

static TEMPLATE_VAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\$[A-Z][A-Z0-9_]*\$|\{\{[^}]*\}\}|<[A-Z_]{3,}>").unwrap());

/// Parses one minutes document.
pub fn parse(text: &str, cx: &Context) -> Minutes {
    let blocks = blocks::blocks(text);
    let mut p = Parser {
        cx,
        m: Minutes {
            source: cx.source.clone(),
            repo: cx.repo.clone(),
            title: None,
            group: None,
            group_name: None,
            date: None,
            date_source: None,
            attendees: Vec::new(),
            teams: Vec::new(),
            links: Links::default(),
            references: Vec::new(),
            mentions: Vec::new(),
            agenda: Vec::new(),
            decisions: Vec::new(),
            actions: Vec::new(),
            diagnostics: Vec::new(),
        },
        absent_lines: HashSet::new(),
        link_lines: HashSet::new(),
        text,
    };
    p.title_and_date(&blocks);
    p.links(&blocks);
    if p.m.repo.is_none() {
        p.m.repo = p.m.links.issue.as_ref().map(|i| i.repo.clone());
    }
    p.m.group = p.m.repo.as_ref().map(ToString::to_string);
    p.m.group_name = p.m.title.as_deref().and_then(group_name_from_title);
    p.attendance(&blocks);
    p.body(&blocks);
    p.template_variables(text);
    p.m
}

struct Parser<'a> {
    cx: &'a Context,
    m: Minutes,
    /// Blocks (by index) that list absent people, so they are never read as anything else.
    absent_lines: HashSet<usize>,
    /// Blocks that gave a Links value; they are not references.
    link_lines: HashSet<usize>,
    /// The whole text, for facts that need the document (proper nouns).
    text: &'a str,
}

/// Which section each block is in, from the headings and inline labels.
fn sections(blocks: &[Block]) -> Vec<Section> {
    let mut out = Vec::with_capacity(blocks.len());
    let mut current = Section::Preamble;
    // An inline label (`**Present:**` followed by a list) opens a section
    // that lasts until the next heading or paragraph.
    let mut inline: Option<Section> = None;
    // Whether the inline section has had its list: a paragraph after the
    // list is the document going on (`Proposed Agenda`, `Doc: URL`), not
    // more names.
    let mut inline_had_list = false;
    for b in blocks {
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
                let label = label_section(&b.text);
                match label {
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

fn heading_section(text: &str) -> Option<Section> {
    if LINKS_HEADING.is_match(text) {
        return Some(Section::Links);
    }
    label_section(text).map(|(s, _)| s).filter(|_| {
        // A heading is a section label only when it is short.
        text.split_whitespace().count() <= 5
    })
}

/// The section an inline label opens (`Present:`, `**Regrets**`), and
/// whether the label stands alone on its line.
fn label_section(text: &str) -> Option<(Section, bool)> {
    let first = text.lines().next().unwrap_or("");
    let c = ATTENDANCE_LABEL.captures(first)?;
    let rest = first[c.get(0).unwrap().end()..].trim();
    let s = if c.name("present").is_some() {
        Section::Present(None)
    } else if c.name("observer").is_some() {
        Section::Present(Some("observer".into()))
    } else if c.name("guest").is_some() {
        Section::Present(Some("guest".into()))
    } else {
        Section::Absent
    };
    Some((s, rest.is_empty() && text.lines().count() <= 1))
}

impl Parser<'_> {
    fn diag(
        &mut self,
        severity: Severity,
        code: &'static str,
        line: usize,
        msg: impl Into<String>,
    ) {
        self.m
            .diagnostics
            .push(Diagnostic::new(severity, code, line, msg));
    }

    fn title_and_date(&mut self, blocks: &[Block]) {
        // The title: the first level-1 heading; else a plain first line
        // (`Jan 2, 2024 - Zeta collab space`); else the first heading that
        // is not a section name (`## Links`, `## Present`).
        let first_line = blocks
            .first()
            .filter(|b| b.kind == Kind::Paragraph)
            .map(|b| {
                (
                    b.text.lines().next().unwrap_or("").trim().to_owned(),
                    b.line,
                )
            });
        let title = blocks
            .iter()
            .find(|b| b.kind == Kind::Heading(1))
            .map(|b| (b.text.trim().to_owned(), b.line))
            .or(first_line.filter(|(t, _)| {
                !t.is_empty() && t.split_whitespace().count() <= 16 && label_section(t).is_none()
            }))
            .or_else(|| {
                blocks
                    .iter()
                    .find(|b| {
                        matches!(b.kind, Kind::Heading(_))
                            && heading_section(&b.text).is_none()
                            && !GENERIC_HEADING.is_match(&b.text)
                    })
                    .map(|b| (b.text.trim().to_owned(), b.line))
            });
        let title_date = title
            .as_ref()
            .and_then(|(t, line)| date::find(t).map(|d| (d, *line)));
        if let Some((t, _)) = title {
            self.m.title = Some(t);
        } else {
            self.diag(Severity::Warning, "no-title", 1, "no title");
        }
        let file_date = date::from_file_name(&self.cx.file_name);
        // A `Date: …` line in the first blocks, for minutes whose title has none.
        let body_date = blocks.iter().take(12).find_map(|b| {
            let lower = b.text.to_lowercase();
            (lower.starts_with("date")
                || lower.starts_with("when")
                || matches!(b.kind, Kind::Heading(_)))
            .then(|| date::find(&b.text).map(|d| (d, b.line)))
            .flatten()
        });
        match (file_date, title_date) {
            (Some(f), Some((t, line))) => {
                if f != t {
                    self.diag(
                        Severity::Warning,
                        "date-mismatch",
                        line,
                        format!(
                            "title date {} disagrees with file name date {}; using the file name's",
                            t.iso(),
                            f.iso()
                        ),
                    );
                }
                self.set_date(f, DateSource::FileName);
            }
            (Some(f), None) => self.set_date(f, DateSource::FileName),
            (None, Some((t, _))) => self.set_date(t, DateSource::Title),
            (None, None) => match body_date {
                Some((d, _)) => self.set_date(d, DateSource::Body),
                None => self.diag(
                    Severity::Warning,
                    "no-date",
                    1,
                    "no meeting date in the file name, title or first lines",
                ),
            },
        }
    }

    fn set_date(&mut self, d: date::Date, source: DateSource) {
        self.m.date = Some(d.iso());
        self.m.date_source = Some(source);
    }

    /// Reads labelled link lines in the Links section and the preamble.
    fn links(&mut self, blocks: &[Block]) {
        let secs = sections(blocks);
        for (i, (b, s)) in blocks.iter().zip(&secs).enumerate() {
            if !matches!(s, Section::Links | Section::Preamble)
                || matches!(b.kind, Kind::Heading(_))
            {
                continue;
            }
            // Paragraphs may hold several `Label: value` lines.
            let mut offset = 0;
            for (n, line) in b.text.split('\n').enumerate() {
                let start = offset;
                offset += line.len() + 1;
                let Some(c) = LINK_LABEL.captures(line) else {
                    if *s == Section::Links {
                        self.link_lines.insert(i);
                    }
                    continue;
                };
                let rest = c.name("rest").map_or("", |r| r.as_str()).trim();
                // The URL: a link inside this line, else a URL in the text,
                // else (for `Label:` alone) a URL on the next line.
                let next_line = b.text[offset.min(b.text.len())..]
                    .lines()
                    .next()
                    .unwrap_or("");
                let url = b
                    .links
                    .iter()
                    .find(|l| l.range.start >= start && l.range.start < offset)
                    .map(|l| l.url.clone())
                    .or_else(|| first_url(rest))
                    .or_else(|| {
                        if rest.is_empty() {
                            first_url(next_line.trim())
                                .filter(|_| next_line.trim().starts_with("http"))
                        } else {
                            None
                        }
                    })
                    .or_else(|| {
                        // `#267` or `Issue #261`: the minutes' own repository.
                        let short =
                            rest.trim_start_matches(|c: char| c.is_alphabetic() || c == ' ');
                        refs::parse_short(short, self.cx.repo.as_ref())
                            .map(|r| format!("https://github.com/{}/issues/{}", r.repo, r.number))
                    });
                let line_no = b.line + n;
                if *s == Section::Links || c.name("issue").is_some() || url.is_some() {
                    self.link_lines.insert(i);
                }
                if TEMPLATE_VAR.is_match(rest)
                    || url.as_deref().is_some_and(|u| TEMPLATE_VAR.is_match(u))
                {
                    continue; // reported once by template_variables
                }
                let Some(url) = url.filter(|u| u.starts_with("http")) else {
                    if rest.trim_matches(|c: char| !c.is_alphanumeric()).is_empty()
                        && *s == Section::Links
                    {
                        let what = if c.name("recording").is_some() {
                            "recording"
                        } else if c.name("minutes").is_some() {
                            "minutes document"
                        } else {
                            "meeting issue"
                        };
                        self.diag(
                            Severity::Warning,
                            "empty-link",
                            line_no,
                            format!("the {what} link is empty"),
                        );
                    }
                    continue;
                };
                // The URL's shape says more than its label: minute-takers
                // paste the issue link on the Recording line, a Google Doc on
                // the issue line.
                let shape = url_shape(&url);
                if shape == Some(LinkKind::Issue) && self.m.links.issue.is_none() {
                    self.m.links.issue = refs::parse_url(&url);
                } else if shape == Some(LinkKind::Recording)
                    || (shape.is_none() && c.name("recording").is_some())
                {
                    self.m.links.recording.get_or_insert(url);
                } else if shape == Some(LinkKind::MinutesDoc)
                    || (shape.is_none() && c.name("minutes").is_some())
                {
                    self.m.links.minutes_doc.get_or_insert(url);
                } else if shape.is_none()
                    && c.name("issue").is_some()
                    && self.m.links.issue.is_none()
                {
                    match refs::parse_url(&url) {
                        Some(r) => self.m.links.issue = Some(r),
                        None => self.diag(
                            Severity::Warning,
                            "bad-issue-link",
                            line_no,
                            format!("the meeting issue link is not a GitHub issue URL: {url}"),
                        ),
                    }
                }
            }
        }
    }

    fn attendance(&mut self, blocks: &[Block]) {
        let secs = sections(blocks);
        // Sub-lists under a label item (`* Observers:` then sub-bullets)
        // take that label's role or absence.
        let mut item_section: Vec<Option<Section>> = vec![None; blocks.len()];
        let mut seen_people: HashSet<(Option<String>, Option<String>)> = HashSet::new();
        for (i, (b, s)) in blocks.iter().zip(&secs).enumerate() {
            let inherited = b.parent.and_then(|p| item_section[p].clone());
            let own_label = match b.kind {
                Kind::Item { .. } | Kind::Paragraph | Kind::TableRow => label_section(&b.text),
                Kind::Heading(_) => None,
            };
            let section = match (&own_label, &inherited) {
                (Some((l, _)), _) => l.clone(),
                (None, Some(inh)) => inh.clone(),
                (None, None) => s.clone(),
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
                    self.absent_lines.insert(i);
                    continue;
                }
                _ => continue,
            };
            // Text after an inline label, or the whole text.
            let text = match &own_label {
                Some(_) => {
                    let first = b.text.lines().next().unwrap_or("");
                    let m = ATTENDANCE_LABEL.find(first).map_or(0, |m| m.end());
                    b.text[m..].to_owned()
                }
                None => b.text.clone(),
            };
            let links = people::block_links(b);
            let allow_split = own_label.is_some() || b.kind == Kind::Paragraph;
            let lines: Vec<(usize, String)> = if b.kind == Kind::TableRow {
                vec![(b.line, table_row_as_person(&text))]
            } else {
                text.split('\n')
                    .enumerate()
                    .map(|(n, l)| (b.line + n, l.to_owned()))
                    .collect()
            };
            for (line, l) in lines {
                if is_table_header(&l) {
                    continue;
                }
                let entries = people::parse_line(&l, &links, allow_split);
                if entries.is_empty() {
                    self.unread_attendee_line(&l, line);
                }
                for e in entries {
                    match e {
                        Entry::Team(t) => {
                            if !self.m.teams.contains(&t) {
                                self.m.teams.push(t);
                            }
                        }
                        Entry::Person {
                            name,
                            handle,
                            role: r,
                            affiliation,
                        } => {
                            let key = (
                                name.as_deref().map(str::to_lowercase),
                                handle.as_deref().map(str::to_lowercase),
                            );
                            if !seen_people.insert(key) {
                                continue;
                            }
                            self.m.attendees.push(Attendee {
                                name,
                                handle,
                                role: r.or_else(|| role.clone()),
                                affiliation,
                                line,
                            });
                        }
                    }
                }
            }
            self.link_lines.insert(i);
        }
        if self.m.attendees.is_empty() {
            self.speaker_legends(blocks);
        }
        if self.m.attendees.is_empty() && self.m.is_meeting() {
            self.diag(
                Severity::Warning,
                "no-attendees",
                1,
                "no attendance list found",
            );
        }
    }

    /// Minutes that did not take attendance sometimes carry a legend of the
    /// speakers' initials (`Ben Coe (BC):`); those people were there.
    fn speaker_legends(&mut self, blocks: &[Block]) {
        static LEGEND: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"^\W*(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})\s*\((\p{Lu}{2,3})\)\s*:",
            )
            .unwrap()
        });
        let mut seen = HashSet::new();
        for b in blocks {
            for (n, line) in b.text.lines().enumerate() {
                if let Some(c) = LEGEND.captures(line)
                    && seen.insert(c[1].to_owned())
                {
                    self.m.attendees.push(Attendee {
                        name: Some(c[1].to_owned()),
                        handle: None,
                        role: None,
                        affiliation: None,
                        line: b.line + n,
                    });
                }
            }
        }
        if !self.m.attendees.is_empty() {
            self.diag(
                Severity::Note,
                "speaker-legend",
                self.m.attendees[0].line,
                "no attendance list; attendees taken from the speakers' initials legend",
            );
        }
    }

    fn body(&mut self, blocks: &[Block]) {
        let secs = sections(blocks);
        let mut heading_repo: Option<Repo> = None;
        // The agenda item blocks belong to, by index into m.agenda.
        let mut current_item: Option<usize> = None;
        // Whether the current item is a heading (so its list items are notes).
        let mut heading_item = false;
        // Each item block's agenda item, to attach nested notes.
        let mut item_of_block: Vec<Option<usize>> = vec![None; blocks.len()];
        let mut seen_refs: HashSet<ItemRef> = HashSet::new();
        let mut statements = Vec::new();
        // Whether the current heading or inline label opens an action list.
        let mut action_heading = false;
        let mut action_inline = false;
        let mut action_blocks: HashSet<usize> = HashSet::new();
        for (i, (b, s)) in blocks.iter().zip(&secs).enumerate() {
            if self.absent_lines.contains(&i) {
                continue;
            }
            match b.kind {
                Kind::Heading(_) => {
                    action_heading = statements::is_action_section(&b.text);
                    action_inline = false;
                }
                Kind::Paragraph => action_inline = statements::is_action_section(&b.text),
                _ => {}
            }
            // In an action list, an item's sub-items are its details, not
            // actions of their own.
            let parent_is_action = b.parent.is_some_and(|p| action_blocks.contains(&p));
            if parent_is_action {
                // Details of details are details too.
                action_blocks.insert(i);
            }
            let in_actions = !parent_is_action
                && (action_heading
                    || action_inline
                    || b.parent
                        .is_some_and(|p| statements::is_action_section(&blocks[p].text)));
            if in_actions
                && matches!(b.kind, Kind::Item { .. })
                && !statements::is_action_section(&b.text)
            {
                action_blocks.insert(i);
            }
            // Minutes without section headings keep everything in the
            // preamble; all but its link lines is body.
            let in_body =
                *s == Section::Body || (*s == Section::Preamble && !self.link_lines.contains(&i));
            // The repository for bare `#N`.
            if let Kind::Heading(level) = b.kind {
                if let Some(r) = Repo::parse(&b.text) {
                    heading_repo = Some(r);
                    current_item = None;
                    continue;
                }
                if level <= 2 {
                    heading_repo = None;
                }
            }
            let default_repo = heading_repo.clone().or_else(|| self.m.repo.clone());
            // References, outside the Links section and attendance lists.
            if !self.link_lines.contains(&i) && !matches!(b.kind, Kind::Heading(1)) {
                self.link_mismatches(b, default_repo.as_ref());
                for (pos, r) in refs::in_block_at(b, default_repo.as_ref()) {
                    self.m.mentions.push(Mention {
                        item: r.clone(),
                        line: b.line_at(pos),
                    });
                    if seen_refs.insert(r.clone()) {
                        self.m.references.push(r);
                    }
                }
            }
            if !in_body {
                continue;
            }
            match b.kind {
                Kind::Heading(1) => {}
                Kind::Heading(_) => {
                    if GENERIC_HEADING.is_match(&b.text) || b.text.trim().is_empty() {
                        current_item = None;
                        heading_item = false;
                    } else {
                        current_item =
                            Some(self.new_item(b, heading_repo.clone(), default_repo.as_ref()));
                        heading_item = true;
                    }
                }
                Kind::Item { depth, .. } => {
                    let parent_item = b.parent.and_then(|p| item_of_block[p]);
                    let is_note = depth > 0 || heading_item;
                    let item = if is_note {
                        parent_item.or(current_item)
                    } else if is_agenda_boilerplate(&b.text)
                        || in_actions
                        || action_blocks.contains(&i)
                    {
                        // Items of an action list are actions, not agenda items.
                        None
                    } else {
                        let n = self.new_item(b, heading_repo.clone(), default_repo.as_ref());
                        current_item = Some(n);
                        Some(n)
                    };
                    item_of_block[i] = item;
                    if let Some(n) = item {
                        if is_note {
                            self.add_note(n, b);
                        }
                    }
                    statements.push((i, item, default_repo.clone(), in_actions));
                }
                Kind::Paragraph | Kind::TableRow => {
                    if is_agenda_boilerplate(&b.text) {
                        continue;
                    }
                    if let Some(n) = current_item {
                        self.add_note(n, b);
                    }
                    statements.push((i, current_item, default_repo.clone(), in_actions));
                }
            }
        }
        let ctx = statements::People::new(&self.m.attendees).with_text(self.text);
        for (i, item, repo, in_actions) in statements {
            let b = &blocks[i];
            let about = item.and_then(|n| self.m.agenda[n].items.first().cloned());
            let position = item.map(|n| self.m.agenda[n].position);
            let found = statements::classify(
                b,
                &ctx,
                repo.as_ref(),
                in_actions && !statements::is_action_section(&b.text),
            );
            for d in found.decisions {
                self.m.decisions.push(Decision {
                    text: d.text,
                    agenda_item: position,
                    about: d.about.or_else(|| about.clone()),
                    lines: d.lines,
                });
            }
            for a in found.actions {
                self.check_assignee(&ctx, &a);
                self.m.actions.push(Action {
                    assignee: a.assignee,
                    assignee_as_written: a.assignee_as_written,
                    text: a.text,
                    status: a.status,
                    agenda_item: position,
                    about: a.about.or_else(|| about.clone()),
                    lines: a.lines,
                });
            }
        }
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

    /// Reports an action whose assignee is not an attendee of the meeting,
    /// or whose first name fits several.
    fn check_assignee(&mut self, people: &statements::People, a: &statements::FoundAction) {
        if a.assignee == "group" || a.assignee_as_written.starts_with('@') {
            return;
        }
        let line = a.lines.start;
        let others = people.candidates(&a.assignee_as_written);
        if others.len() > 1 {
            self.diag(
                Severity::Warning,
                "ambiguous-assignee",
                line,
                format!(
                    "`{}` could be any of {}",
                    a.assignee_as_written,
                    others.join(", ")
                ),
            );
        } else if !people.knows(&a.assignee_as_written) {
            self.diag(
                Severity::Warning,
                "unknown-assignee",
                line,
                format!(
                    "`{}` is not in the attendance list; write their @handle",
                    a.assignee_as_written
                ),
            );
        }
    }

    /// Reports `[#5](…/issues/6)`: link text naming another item than its URL.
    fn link_mismatches(&mut self, b: &Block, default_repo: Option<&Repo>) {
        for l in &b.links {
            let text = b.text.get(l.range.clone()).unwrap_or("").trim();
            if let (Some(t), Some(u)) = (refs::parse_short(text, default_repo), refs::parse_url(&l.url))
                                // `#12` leaves the repository to the link; only a different
                // number, or a different repository written out, disagrees.
                && (t.number != u.number || (text.contains('/') && t.repo != u.repo))
            {
                self.diag(
                    Severity::Warning,
                    "link-mismatch",
                    b.line_at(l.range.start),
                    format!(
                        "link text `{text}` names {} but the link goes to {} (the link is used)",
                        t.key(),
                        u.key()
                    ),
                );
            }
        }
    }

    fn new_item(&mut self, b: &Block, repo: Option<Repo>, default_repo: Option<&Repo>) -> usize {
        let items = refs::in_block(b, default_repo);
        let title = b.text.lines().next().unwrap_or("").trim().to_owned();
        self.m.agenda.push(AgendaItem {
            position: self.m.agenda.len() + 1,
            title,
            repo,
            items,
            notes: Vec::new(),
            lines: Lines {
                start: b.line,
                end: b.end_line,
            },
        });
        self.m.agenda.len() - 1
    }

    fn add_note(&mut self, n: usize, b: &Block) {
        let item = &mut self.m.agenda[n];
        item.notes.push(b.text.trim().to_owned());
        item.lines.end = item.lines.end.max(b.end_line);
    }

    fn template_variables(&mut self, text: &str) {
        for (n, line) in text.lines().enumerate() {
            for m in TEMPLATE_VAR.find_iter(line) {
                self.diag(
                    Severity::Warning,
                    "template-variable",
                    n + 1,
                    format!("unfilled template variable `{}`", m.as_str()),
                );
            }
        }
    }
}

/// Whether a paragraph closes an inline attendance list: a short label
/// (`**Agenda**`, `Notes:`) or prose.
fn ends_inline_section(text: &str) -> bool {
    let first = text.lines().next().unwrap_or("").trim();
    GENERIC_HEADING.is_match(first)
        || LINKS_HEADING.is_match(first)
        || first.ends_with(':')
        || (first.split_whitespace().count() > 8 && !first.contains('@'))
}

/// Lines the agenda template puts in every file, which are not items.
fn is_agenda_boilerplate(text: &str) -> bool {
    let lower = text.trim_start_matches(['*', '_', ' ']).to_lowercase();
    lower.starts_with("extracted from")
        || lower.starts_with("click `+googlecalendar`")
        || lower.starts_with("click +googlecalendar")
        || lower.contains("project calendar")
        || lower.starts_with("invited:")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LinkKind {
    Issue,
    Recording,
    MinutesDoc,
}

/// What a Links URL is, from its host and path alone.
fn url_shape(url: &str) -> Option<LinkKind> {
    let lower = url.to_ascii_lowercase();
    if refs::parse_url(url).is_some() {
        Some(LinkKind::Issue)
    } else if [
        "youtube.com",
        "youtu.be",
        "vimeo.com",
        "zoom.us/rec",
        "twitch.tv",
    ]
    .iter()
    .any(|h| lower.contains(h))
    {
        Some(LinkKind::Recording)
    } else if [
        "docs.google.com",
        "hackmd.io",
        "notion.so",
        "etherpad",
        "dropbox.com/paper",
    ]
    .iter()
    .any(|h| lower.contains(h))
    {
        Some(LinkKind::MinutesDoc)
    } else {
        None
    }
}

fn first_url(s: &str) -> Option<String> {
    static URL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"https?://[^\s<>()\[\]]+").unwrap());
    URL.find(s).map(|m| {
        m.as_str()
            .trim_end_matches(['.', ',', ';', ')', '>', '*'])
            .to_owned()
    })
}

/// A table row of an attendance table, as one person line: the first cell
/// is the name, other cells that are handles stay, the rest are extras.
fn table_row_as_person(text: &str) -> String {
    let cells: Vec<&str> = text
        .split('\t')
        .map(str::trim)
        .filter(|c| !c.is_empty())
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

fn is_table_header(line: &str) -> bool {
    let lower = line.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.iter().all(|w| {
            matches!(
                *w,
                "name"
                    | "names"
                    | "github"
                    | "handle"
                    | "affiliation"
                    | "organization"
                    | "organisation"
                    | "company"
                    | "role"
                    | "username"
                    | "login"
                    | "employer"
                    | "attendee"
                    | "attendees"
            )
        })
}

/// The group's name as a title gives it: `# Node.js Security team Meeting
/// 2023-08-03` → `Node.js Security team`.
pub fn group_name_from_title(title: &str) -> Option<String> {
    use regex::Regex;
    use std::sync::LazyLock;
    static NOISE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:meeting|minutes|notes|mtg)\b.*$|[-–—:,]\s*$|\d{4}[-./]\d{1,2}[-./]\d{1,2}.*$").unwrap()
    });
    let t = NOISE.replace(title, "");
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    let t = t.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | ':' | ','));
    (!t.is_empty() && t.chars().any(char::is_alphabetic)).then(|| t.to_owned())
}

#[cfg(test)]
mod title_tests {
    #[test]
    fn group_names() {
        assert_eq!(
            super::group_name_from_title("Node.js  Security team Meeting 2023-08-03").as_deref(),
            Some("Node.js Security team")
        );
        assert_eq!(
            super::group_name_from_title("Node.js LTS WG Minutes - 2016-02-22").as_deref(),
            Some("Node.js LTS WG")
        );
        assert_eq!(super::group_name_from_title("Meeting 2023-10-03"), None);
    }
}

#[cfg(test)]
mod line_tests {
    use super::*;

    /// Review finding: lines were counted in the extracted text, which has
    /// lost the blank lines of a loose list item.
    #[test]
    fn facts_carry_their_source_lines() {
        let text = "# TSC Meeting 2024-01-02\n\n## Present\n\n* Ann Lee (@ann)\n\n## Agenda\n\n* Item one\n\n  first paragraph\n\n  @ann will write the doc.\n\n  and see #77\n";
        let cx = Context {
            source: "t.md".into(),
            file_name: "2024-01-02.md".into(),
            repo: Repo::parse("zeta/tsc"),
        };
        let m = parse(text, &cx);
        assert_eq!(m.actions[0].lines, Lines::one(13));
        assert_eq!(m.mentions[0].line, 15);
        assert_eq!(m.attendees[0].line, 5);
    }
}
