//! Minutes text to the typed model.
//!
//! The flow: YAML front matter is split off ([`frontmatter`]); the rest is
//! read as a flat list of Markdown blocks ([`blocks`], after `renest` puts
//! over-indented sub-bullets back under their item); the document's title
//! is found; the file is cut into meetings ([`meetings`]: one, or one per
//! dated heading of a log); and each meeting is read by a `Reader`, which
//! keeps track of which section each block is in ([`sections`]): the Links
//! section (`links`), attendance lists ([`attendance`]), and the body,
//! whose agenda items, references, decisions and actions `body` and
//! [`statements`] find.
//!
//! It recovers from anything: an odd line gives a diagnostic, never a lost
//! file. `parse` knows nothing about RDF and does no I/O.

pub mod attendance;
pub mod blocks;
mod body;
pub mod date;
pub mod frontmatter;
mod links;
pub mod meetings;
pub mod people;
pub mod refs;
mod renest;
pub mod sections;
pub mod statements;

use crate::model::*;
use blocks::{Block, Kind};
use frontmatter::FrontMatter;
use regex::Regex;
use sections::Section;
use std::cell::RefCell;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

/// What the parser needs to know besides the text.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The path to report in diagnostics and in `Minutes::source`.
    pub source: String,
    /// The file name (for its date).
    pub file_name: String,
    /// The repository holding the minutes, when known from outside the text.
    pub repo: Option<Repo>,
    /// Statement classifier weights to use instead of the shipped ones (a
    /// retrained model).
    pub model: Option<Arc<statements::Model>>,
}

static TEMPLATE_VAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\$[A-Z][A-Z0-9_]*\$|\{\{[^}]*\}\}|<[A-Z_]{3,}>").unwrap());

/// The document as the meeting readers share it.
struct Doc<'a> {
    cx: &'a Context,
    blocks: Vec<Block>,
    /// The text the blocks come from (front matter blanked).
    text: &'a str,
    front: Option<FrontMatter>,
    /// The title and its line.
    title: Option<(String, usize)>,
    /// The statement classifier.
    model: Arc<statements::Model>,
    /// For the trainer: the units each meeting's classifier saw.
    trace: Option<Vec<RefCell<Vec<statements::Traced>>>>,
}

/// Parses one minutes document.
pub fn parse(text: &str, cx: &Context) -> Minutes {
    parse_inner(text, cx, false).0
}

/// Parses one minutes document and returns, for each meeting, the units
/// the statement classifier saw, with their features (what the trainer
/// labels against the answer keys).
pub fn parse_traced(text: &str, cx: &Context) -> (Minutes, Vec<Vec<statements::Traced>>) {
    parse_inner(text, cx, true)
}

fn parse_inner(text: &str, cx: &Context, traced: bool) -> (Minutes, Vec<Vec<statements::Traced>>) {
    let mut diagnostics = Vec::new();
    let (front, body_text) = frontmatter::split(text, &mut diagnostics);
    let (blocks, rules) = blocks::blocks_and_rules(&body_text);
    let title = document_title(&blocks, front.as_ref());
    let hint = meetings::year_hint(&cx.file_name, title.as_ref().map(|t| t.0.as_str()));
    let last_line = text.lines().count().max(1);
    let log = meetings::split(&blocks, &rules, last_line, hint, &body_text);
    let n_meetings = log.as_ref().map_or(1, Vec::len);
    let doc = Doc {
        cx,
        blocks,
        text: &body_text,
        front,
        title,
        model: cx.model.clone().unwrap_or_else(statements::Model::builtin),
        trace: traced.then(|| (0..n_meetings).map(|_| RefCell::new(Vec::new())).collect()),
    };
    let mut m = Minutes {
        source: cx.source.clone(),
        repo: cx.repo.clone(),
        title: doc.title.as_ref().map(|t| t.0.clone()),
        group: None,
        group_name: None,
        meetings: Vec::new(),
        diagnostics,
    };
    match log {
        None => {
            let mut r = Reader::new(&doc, 0, 0..doc.blocks.len(), cx.repo.clone());
            r.single_meeting_date();
            r.meeting.lines = Lines {
                start: 1,
                end: last_line,
            };
            let opening = doc
                .blocks
                .iter()
                .find(|b| !matches!(b.kind, Kind::Heading(_)))
                .map(|b| b.text.as_str());
            if meetings::cancelled(doc.title.as_ref().map(|t| t.0.as_str()), opening) {
                r.meeting.status = MeetingStatus::Cancelled;
            }
            let (meeting, mut diags) = r.read();
            m.diagnostics.append(&mut diags);
            m.meetings.push(meeting);
        }
        Some(sections) => {
            unassigned_text(&doc.blocks, &sections, &mut m.diagnostics);
            for (index, s) in sections.into_iter().enumerate() {
                let mut r = Reader::new(&doc, index, s.blocks.clone(), cx.repo.clone());
                r.meeting.heading = Some(s.heading.clone());
                r.meeting.lines = s.lines;
                r.meeting.status = s.status;
                match s.date {
                    Some(d) => {
                        r.meeting.date = Some(d.iso());
                        r.meeting.date_source = Some(DateSource::Heading);
                    }
                    None => r.diag(
                        Severity::Warning,
                        "undated-meeting",
                        s.lines.start,
                        format!(
                            "`{}` looks like a meeting's date, but no year is known (the file name and title carry none)",
                            s.heading
                        ),
                    ),
                }
                let (meeting, mut diags) = r.read();
                m.diagnostics.append(&mut diags);
                m.meetings.push(meeting);
            }
        }
    }
    if m.repo.is_none() {
        m.repo = m
            .meetings
            .iter()
            .find_map(|mt| mt.links.issue.as_ref().map(|i| i.repo.clone()));
    }
    m.group = m.repo.as_ref().map(ToString::to_string);
    m.group_name = m.title.as_deref().and_then(group_name_from_title);
    template_variables(text, &mut m.diagnostics);
    m.diagnostics.sort_by_key(|d| d.line);
    let traces = doc
        .trace
        .map(|t| t.into_iter().map(RefCell::into_inner).collect())
        .unwrap_or_default();
    (m, traces)
}

/// Says where text between two meetings of a log belongs to neither: a
/// heading at a meeting's level that is no date (`## 02/04` unread, `##
/// Notes`) ends the meeting before it, and what follows until the next
/// dated heading is in no meeting. Nothing is dropped silently.
fn unassigned_text(
    blocks: &[Block],
    sections: &[meetings::MeetingSection],
    diagnostics: &mut Vec<Diagnostic>,
) {
    for pair in sections.windows(2) {
        let gap = pair[0].blocks.end..pair[1].blocks.start;
        let Some(first) = blocks[gap.clone()]
            .iter()
            .find(|b| !matches!(b.kind, Kind::Heading(_)) && !b.text.trim().is_empty())
        else {
            continue;
        };
        let heading = blocks[gap.start].text.trim();
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            "outside-meetings",
            first.line,
            format!(
                "text after `{heading}` belongs to no meeting: that heading is not a meeting's date, so the meeting above ends there"
            ),
        ));
    }
}

/// The title: the front matter's, else the first level-1 heading; else a
/// plain first line (`Jan 2, 2024 - Zeta collab space`); else the first
/// heading that is not a section name (`## Links`, `## Present`).
fn document_title(blocks: &[Block], front: Option<&FrontMatter>) -> Option<(String, usize)> {
    if let Some((t, line)) = front.and_then(|f| f.title.clone()) {
        return Some((t, line));
    }
    let first_line = blocks
        .first()
        .filter(|b| b.kind == Kind::Paragraph)
        .map(|b| {
            (
                b.text.lines().next().unwrap_or("").trim().to_owned(),
                b.line,
            )
        });
    blocks
        .iter()
        .find(|b| b.kind == Kind::Heading(1))
        .map(|b| (b.text.trim().to_owned(), b.line))
        .or(first_line.filter(|(t, _)| {
            !t.is_empty()
                && t.split_whitespace().count() <= 16
                && sections::label_section(t, true).is_none()
        }))
        .or_else(|| {
            blocks
                .iter()
                .find(|b| {
                    matches!(b.kind, Kind::Heading(_))
                        && sections::heading_section(&b.text).is_none()
                        && !sections::is_generic_heading(&b.text)
                })
                .map(|b| (b.text.trim().to_owned(), b.line))
        })
}

/// Reads one meeting: the blocks of its range.
struct Reader<'a> {
    doc: &'a Doc<'a>,
    /// Which meeting of the document this is.
    index: usize,
    range: Range<usize>,
    /// The section of each block of the range.
    secs: Vec<Section>,
    meeting: Meeting,
    diagnostics: Vec<Diagnostic>,
    /// The repository bare `#N` belong to, when no heading says otherwise.
    repo: Option<Repo>,
    /// Blocks (by index) that list absent people, so they are never read as anything else.
    absent_blocks: HashSet<usize>,
    /// Blocks that gave a Links value or attendees; they are not references.
    link_blocks: HashSet<usize>,
}

impl<'a> Reader<'a> {
    fn new(doc: &'a Doc<'a>, index: usize, range: Range<usize>, repo: Option<Repo>) -> Self {
        Reader {
            secs: sections::sections(&doc.blocks, range.clone()),
            doc,
            index,
            range,
            meeting: Meeting::default(),
            diagnostics: Vec::new(),
            repo,
            absent_blocks: HashSet::new(),
            link_blocks: HashSet::new(),
        }
    }

    /// The blocks of the meeting with their index and section.
    fn blocks(&self) -> impl Iterator<Item = (usize, &'a Block, Section)> + '_ {
        let blocks = &self.doc.blocks;
        self.range
            .clone()
            .zip(self.secs.iter().cloned())
            .map(move |(i, s)| (i, &blocks[i], s))
    }

    fn diag(
        &mut self,
        severity: Severity,
        code: &'static str,
        line: usize,
        msg: impl Into<String>,
    ) {
        self.diagnostics
            .push(Diagnostic::new(severity, code, line, msg));
    }

    /// Reads the meeting: links, attendance, then the body.
    fn read(mut self) -> (Meeting, Vec<Diagnostic>) {
        self.links();
        if self.repo.is_none() {
            self.repo = self.meeting.links.issue.as_ref().map(|i| i.repo.clone());
        }
        self.attendance();
        self.body();
        (self.meeting, self.diagnostics)
    }

    /// The date of a file's one meeting: the file name's wins (titles have
    /// typos: swapped day and month, a stale year), else the front
    /// matter's, else the title's, else a `Date:` line or heading near the
    /// top.
    fn single_meeting_date(&mut self) {
        let file_date = date::from_file_name(&self.doc.cx.file_name);
        let title_date = self
            .doc
            .title
            .as_ref()
            .and_then(|(t, line)| date::find(t).map(|d| (d, *line)));
        let front_date = self.doc.front.as_ref().and_then(|f| f.date);
        let body_date = self.doc.blocks.iter().take(12).find_map(|b| {
            let lower = b.text.to_lowercase();
            (lower.starts_with("date")
                || lower.starts_with("when")
                || matches!(b.kind, Kind::Heading(_)))
            .then(|| date::find(&b.text).map(|d| (d, b.line)))
            .flatten()
        });
        if self.doc.title.is_none() {
            self.diag(Severity::Warning, "no-title", 1, "no title");
        }
        let (d, source) = match (file_date, front_date, title_date) {
            (Some(f), _, Some((t, line))) if f != t => {
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
                (f, DateSource::FileName)
            }
            (Some(f), _, _) => (f, DateSource::FileName),
            (None, Some((d, _)), _) => (d, DateSource::FrontMatter),
            (None, None, Some((t, _))) => (t, DateSource::Title),
            (None, None, None) => match body_date {
                Some((d, _)) => (d, DateSource::Body),
                None => {
                    self.diag(
                        Severity::Warning,
                        "no-date",
                        1,
                        "no meeting date in the file name, title or first lines",
                    );
                    return;
                }
            },
        };
        self.meeting.date = Some(d.iso());
        self.meeting.date_source = Some(source);
    }
}

fn template_variables(text: &str, diagnostics: &mut Vec<Diagnostic>) {
    for (n, line) in text.lines().enumerate() {
        for m in TEMPLATE_VAR.find_iter(line) {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "template-variable",
                n + 1,
                format!("unfilled template variable `{}`", m.as_str()),
            ));
        }
    }
}

/// Whether a value is an unfilled template variable (`$GITHUB_ISSUE$`).
fn is_template_variable(s: &str) -> bool {
    TEMPLATE_VAR.is_match(s)
}

/// The group's name as a title gives it: `# Node.js Security team Meeting
/// 2023-08-03` → `Node.js Security team`.
pub fn group_name_from_title(title: &str) -> Option<String> {
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
            model: None,
        };
        let m = parse(text, &cx);
        let m = &m.meetings[0];
        assert_eq!(m.actions[0].lines, Lines::one(13));
        assert_eq!(m.mentions[0].line, 15);
        assert_eq!(m.attendees[0].line, 5);
    }
}

#[cfg(test)]
mod log_tests {
    use super::*;

    fn cx() -> Context {
        Context {
            source: "log.md".into(),
            file_name: "2025-protokoll.md".into(),
            repo: Repo::parse("zeta/board"),
            model: None,
        }
    }

    /// Issue 10: a log whose meetings are headed by day-first dotted dates
    /// gives one meeting per heading, and text under an undated heading of
    /// the same level (here `## Notes`) is reported, not silently dropped.
    #[test]
    fn text_between_meetings_is_reported() {
        let text = "# Board log 2025\n\n## 04.02.2025\n\nPresent: Ann Lee, Bo Chen\n\n## Notes\n\nThe room moves next year.\n\n## 11.03.2025\n\nPresent: Ann Lee\n";
        let m = parse(text, &cx());
        let dates: Vec<String> = m
            .meetings
            .iter()
            .map(|x| x.date.clone().unwrap_or_default())
            .collect();
        assert_eq!(dates, ["2025-02-04", "2025-03-11"]);
        let warn: Vec<_> = m
            .diagnostics
            .iter()
            .filter(|d| d.code == "outside-meetings")
            .collect();
        assert_eq!(warn.len(), 1, "{:?}", m.diagnostics);
        assert_eq!(warn[0].line, 9);
    }

    /// A log without text between its meetings has nothing to report.
    #[test]
    fn adjacent_meetings_report_nothing() {
        let text = "# Board log 2025\n\n## 04.02.2025\n\nPresent: Ann Lee\n\n## 11.03.2025\n\nPresent: Ann Lee\n";
        let m = parse(text, &cx());
        assert_eq!(m.meetings.len(), 2);
        assert!(m.diagnostics.iter().all(|d| d.code != "outside-meetings"));
    }
}
