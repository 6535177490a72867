//! The Links section: the meeting's GitHub issue, its recording and its
//! minutes document, from labelled lines (`Recording: <url>`) in the Links
//! section or the preamble. A URL's shape says more than its label:
//! minute-takers paste the issue link on the Recording line, a Google Doc on
//! the issue line.

use super::sections::Section;
use super::{Reader, blocks::Block, is_template_variable, refs};
use crate::model::Severity;
use regex::Regex;
use std::sync::LazyLock;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LinkKind {
    Issue,
    Recording,
    MinutesDoc,
}

impl Reader<'_> {
    /// Reads labelled link lines in the Links section and the preamble.
    pub(super) fn links(&mut self) {
        let blocks: Vec<(usize, &Block, Section)> = self
            .blocks()
            .filter(|(_, b, s)| {
                matches!(s, Section::Links | Section::Preamble)
                    && !matches!(b.kind, super::Kind::Heading(_))
            })
            .collect();
        for (i, b, s) in blocks {
            // Paragraphs may hold several `Label: value` lines.
            let mut offset = 0;
            for (n, line) in b.text.split('\n').enumerate() {
                let start = offset;
                offset += line.len() + 1;
                match LINK_LABEL.captures(line) {
                    None => {
                        if s == Section::Links {
                            self.link_blocks.insert(i);
                        }
                    }
                    Some(c) => self.link_line(i, b, &s, &c, start, offset, b.line + n),
                }
            }
        }
    }

    /// One `Label: value` line.
    #[allow(clippy::too_many_arguments)]
    fn link_line(
        &mut self,
        i: usize,
        b: &Block,
        s: &Section,
        c: &regex::Captures<'_>,
        start: usize,
        offset: usize,
        line_no: usize,
    ) {
        let rest = c.name("rest").map_or("", |r| r.as_str()).trim();
        // The URL: a link inside this line, else a URL in the text, else
        // (for `Label:` alone) a URL on the next line.
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
                    first_url(next_line.trim()).filter(|_| next_line.trim().starts_with("http"))
                } else {
                    None
                }
            })
            .or_else(|| {
                // `#267` or `Issue #261`: the minutes' own repository.
                let short = rest.trim_start_matches(|c: char| c.is_alphabetic() || c == ' ');
                refs::parse_short(short, self.doc.cx.repo.as_ref())
                    .map(|r| format!("https://github.com/{}/issues/{}", r.repo, r.number))
            });
        if *s == Section::Links || c.name("issue").is_some() || url.is_some() {
            self.link_blocks.insert(i);
        }
        if is_template_variable(rest) || url.as_deref().is_some_and(is_template_variable) {
            return; // reported once by template_variables
        }
        let Some(url) = url.filter(|u| u.starts_with("http")) else {
            if rest.trim_matches(|c: char| !c.is_alphanumeric()).is_empty() && *s == Section::Links
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
            return;
        };
        let shape = url_shape(&url);
        if shape == Some(LinkKind::Issue) && self.meeting.links.issue.is_none() {
            self.meeting.links.issue = refs::parse_url(&url);
        } else if shape == Some(LinkKind::Recording)
            || (shape.is_none() && c.name("recording").is_some())
        {
            self.meeting.links.recording.get_or_insert(url);
        } else if shape == Some(LinkKind::MinutesDoc)
            || (shape.is_none() && c.name("minutes").is_some())
        {
            self.meeting.links.minutes_doc.get_or_insert(url);
        } else if shape.is_none() && c.name("issue").is_some() && self.meeting.links.issue.is_none()
        {
            match refs::parse_url(&url) {
                Some(r) => self.meeting.links.issue = Some(r),
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
