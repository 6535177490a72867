//! The typed model of one minutes document and the meetings it records.
//!
//! This is what `parse` produces and `map` consumes. A document
//! ([`Minutes`]) holds one meeting, or several when it is a monthly or
//! yearly log with a dated heading per meeting. `govgraph parse --format
//! json` prints one object per meeting ([`MeetingView`]): the document's
//! fields and the meeting's together. Field names and meanings follow the
//! answer-key guide (`shared/gold/GUIDE.md`): `date`,
//! `attendees[].name|handle`, `teams`, `links.issue|recording|minutes_doc`,
//! `references`, `decisions[].text`, `actions[].assignee|text`. Everything
//! else is extra detail for users.
//!
//! The model knows nothing about RDF and does no I/O.

use serde::Serialize;
use std::fmt;

/// A 1-based, inclusive span of source lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Lines {
    /// First line, 1-based.
    pub start: usize,
    /// Last line, 1-based, inclusive.
    pub end: usize,
}

impl Lines {
    /// A span of one line.
    pub fn one(line: usize) -> Self {
        Lines {
            start: line,
            end: line,
        }
    }
}

/// A GitHub repository, lower-cased (`owner/repo`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Repo {
    /// Owner login, lower-case.
    pub owner: String,
    /// Repository name, lower-case.
    pub name: String,
}

impl Repo {
    /// Builds a repository name, lower-casing both parts.
    pub fn new(owner: &str, name: &str) -> Self {
        Repo {
            owner: owner.to_lowercase(),
            name: name.trim_end_matches(".git").to_lowercase(),
        }
    }

    /// Parses `owner/repo`; `None` unless it has exactly two non-empty parts
    /// made of characters GitHub allows.
    pub fn parse(s: &str) -> Option<Self> {
        let (o, n) = s.trim().split_once('/')?;
        let ok = |p: &str| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        };
        (ok(o) && ok(n) && !n.contains('/')).then(|| Repo::new(o, n))
    }
}

impl fmt::Display for Repo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.owner, self.name)
    }
}

/// What kind of GitHub item a reference points at, when the URL says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// `/issues/N`, or a bare `#N` whose kind is unknown.
    Issue,
    /// `/pull/N`.
    PullRequest,
    /// `/discussions/N`.
    Discussion,
}

/// A GitHub issue, pull request or discussion: `owner/repo#N`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemRef {
    /// The repository, lower-case.
    pub repo: Repo,
    /// The number.
    pub number: u64,
    /// The kind, when the URL names it.
    pub kind: ItemKind,
}

impl ItemRef {
    /// The canonical key, `owner/repo#N`.
    pub fn key(&self) -> String {
        format!("{}#{}", self.repo, self.number)
    }
}

impl Serialize for ItemRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.key())
    }
}

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something was repaired or guessed; the data is kept.
    Note,
    /// Something looks wrong in the minutes; the data is kept as written.
    Warning,
    /// Something could not be read; part or all of the document is missing.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A finding about the input, tied to a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// How bad it is.
    pub severity: Severity,
    /// A short stable identifier, such as `date-mismatch`.
    pub code: &'static str,
    /// 1-based line, 0 when the finding is about the whole file.
    pub line: usize,
    /// What was found, lower-case, no trailing period.
    pub message: String,
}

impl Diagnostic {
    /// Builds a diagnostic.
    pub fn new(
        severity: Severity,
        code: &'static str,
        line: usize,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            code,
            line,
            message: message.into(),
        }
    }
}

/// Where the meeting date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// The file name carries a valid date (it wins over the title).
    FileName,
    /// The title line.
    Title,
    /// Some line of the body (a `Date:` line, a heading).
    Body,
    /// The YAML front matter's `date`.
    FrontMatter,
    /// The meeting's own dated heading in a file of several meetings (with
    /// the year from the file name or title when the heading has none).
    Heading,
}

/// Whether a meeting took place.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    /// Nothing says otherwise.
    #[default]
    Held,
    /// The minutes say it was cancelled (or did not take place).
    Cancelled,
}

/// One person listed as present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attendee {
    /// The name as written, encoding damage repaired; `None` when only a handle is given.
    pub name: Option<String>,
    /// The GitHub login without `@`, case kept; `None` when none is given.
    pub handle: Option<String>,
    /// A role stated in the minutes (`observer`, `guest`, `TSC`, `chair`...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// An affiliation stated in the minutes (`IBM`, `Capital One`...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// The source line.
    pub line: usize,
}

/// The Links section.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Links {
    /// The meeting's GitHub issue, `owner/repo#N`.
    pub issue: Option<ItemRef>,
    /// The recording URL.
    pub recording: Option<String>,
    /// The minutes document (usually a Google Doc) URL.
    pub minutes_doc: Option<String>,
}

/// One mention of a GitHub item outside the Links section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// What is mentioned.
    pub item: ItemRef,
    /// Where.
    pub line: usize,
}

/// One item of the agenda, with the notes taken under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgendaItem {
    /// 1-based position in the document.
    pub position: usize,
    /// The item's title as written (Markdown links reduced to their text).
    pub title: String,
    /// The `### owner/repo` heading it sits under, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repo: Option<Repo>,
    /// The GitHub items named in the title (the first is what it is about).
    pub items: Vec<ItemRef>,
    /// The notes below it, one per bullet or paragraph.
    pub notes: Vec<String>,
    /// Its source lines, notes included.
    pub lines: Lines,
}

/// A conclusion the group reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// The sentence or bullet as written, without the bullet marker.
    pub text: String,
    /// The agenda item it sits under (its `position`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agenda_item: Option<usize>,
    /// The GitHub item it concerns (the agenda item's, or one named in it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<ItemRef>,
    /// Its source lines.
    pub lines: Lines,
}

/// Whether an action is known to be done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Nothing says it is done.
    Open,
    /// A ticked box.
    Done,
}

/// A commitment that someone (or the group) will do something.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Action {
    /// The GitHub login (lower-case) when known, else the name as written,
    /// `group` for the group as a whole.
    pub assignee: String,
    /// The assignee as written in the minutes.
    pub assignee_as_written: String,
    /// The attendee the assignee resolved to (their login, else their name
    /// as listed), when it resolved to one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attendee: Option<String>,
    /// The bullet or sentence as written.
    pub text: String,
    /// Open or done.
    pub status: ActionStatus,
    /// The agenda item it sits under (its `position`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agenda_item: Option<usize>,
    /// The GitHub item it concerns.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<ItemRef>,
    /// Its source lines.
    pub lines: Lines,
}

/// One meeting: what a dated section of a log, or a whole single-meeting
/// file, records.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Meeting {
    /// The meeting date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Where the date came from.
    pub date_source: Option<DateSource>,
    /// The meeting's own heading, in a file of several meetings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// Held or cancelled.
    pub status: MeetingStatus,
    /// The source lines of the meeting's section (the whole file for a
    /// file with one meeting).
    pub lines: Lines,
    /// The people present, in order.
    pub attendees: Vec<Attendee>,
    /// Team handles listed as present, `owner/team`.
    pub teams: Vec<String>,
    /// The Links section.
    pub links: Links,
    /// GitHub items mentioned outside the Links section, first mention order, no duplicates.
    pub references: Vec<ItemRef>,
    /// Every mention, with its line (duplicates kept).
    pub mentions: Vec<Mention>,
    /// The agenda items.
    pub agenda: Vec<AgendaItem>,
    /// The decisions.
    pub decisions: Vec<Decision>,
    /// The actions.
    pub actions: Vec<Action>,
}

impl Meeting {
    /// Whether this section records a meeting: it has a date or any content
    /// a meeting would have.
    pub fn is_meeting(&self) -> bool {
        self.date.is_some()
            || !self.attendees.is_empty()
            || !self.agenda.is_empty()
            || self.links.issue.is_some()
    }
}

/// Everything read from one minutes document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Minutes {
    /// The path the document was read from, as given.
    pub source: String,
    /// The repository holding the minutes, when known.
    pub repo: Option<Repo>,
    /// The title line, without `#`.
    pub title: Option<String>,
    /// The group whose minutes these are: the repository holding them.
    pub group: Option<String>,
    /// The group's name as the title gives it (`Node.js Security team`).
    pub group_name: Option<String>,
    /// The meetings, in file order: one for a file of one meeting (even an
    /// empty one), one per dated section for a log of several.
    pub meetings: Vec<Meeting>,
    /// What the parser noticed, by line.
    pub diagnostics: Vec<Diagnostic>,
}

impl Minutes {
    /// Whether the document yields a meeting.
    pub fn is_meeting(&self) -> bool {
        self.meetings.iter().any(Meeting::is_meeting)
    }

    /// Whether the document is a log of several meetings.
    pub fn is_log(&self) -> bool {
        self.meetings.len() > 1
    }

    /// Every attendee of every meeting.
    pub fn attendees(&self) -> impl Iterator<Item = &Attendee> {
        self.meetings.iter().flat_map(|m| m.attendees.iter())
    }

    /// One view per meeting, as `govgraph parse` prints them: the
    /// document's fields with the meeting's, and the diagnostics of the
    /// meeting's lines (those about the whole file, or outside any
    /// meeting, go with the first).
    pub fn views(&self) -> Vec<MeetingView<'_>> {
        let n = self.meetings.len();
        self.meetings
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let inside =
                    |d: &&Diagnostic| n == 1 || (d.line >= m.lines.start && d.line <= m.lines.end);
                let outside_all = |d: &&Diagnostic| {
                    !self
                        .meetings
                        .iter()
                        .any(|o| d.line >= o.lines.start && d.line <= o.lines.end)
                };
                MeetingView {
                    source: &self.source,
                    repo: self.repo.as_ref(),
                    title: self.title.as_deref(),
                    group: self.group.as_deref(),
                    group_name: self.group_name.as_deref(),
                    meeting: m,
                    diagnostics: self
                        .diagnostics
                        .iter()
                        .filter(|d| inside(d) || (i == 0 && outside_all(d)))
                        .collect(),
                }
            })
            .collect()
    }
}

/// One meeting with its document's fields: one line of `govgraph parse`.
#[derive(Debug, Clone, Serialize)]
pub struct MeetingView<'a> {
    /// The path the document was read from.
    pub source: &'a str,
    /// The repository holding the minutes.
    pub repo: Option<&'a Repo>,
    /// The document's title.
    pub title: Option<&'a str>,
    /// The group: the repository holding the minutes.
    pub group: Option<&'a str>,
    /// The group's name as the title gives it.
    pub group_name: Option<&'a str>,
    /// The meeting's fields.
    #[serde(flatten)]
    pub meeting: &'a Meeting,
    /// The diagnostics about this meeting.
    pub diagnostics: Vec<&'a Diagnostic>,
}
