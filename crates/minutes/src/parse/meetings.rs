//! Files that hold several meetings.
//!
//! Some groups keep one file per month or year, with a dated heading for
//! each meeting (`## 2024-07-03`, `# March 1`, `### Jan 5, 2024 (cancelled)`).
//! Such a file is a log: each dated heading opens a meeting, which runs to
//! the next heading at its level or above, or to a thematic break (`---`),
//! after which come footers that belong to no meeting. Text before the first
//! dated heading belongs to no meeting either.
//!
//! A file is a log when at least two headings at one level are dates and
//! little else: a title that carries the meeting's date
//! (`# Node.js TSC Meeting 2024-01-02`) is one heading, so a file of one
//! meeting stays one meeting. A heading without a year takes the year of
//! the file name (or of the title), and a month later than the file's is
//! the year before (a January file recapping November and December).
//!
//! Logs written without Markdown headings count too: a line wholly in bold
//! (`**March 5, 2024**`, how word processors export a heading) or a `Date:`
//! line opens a meeting when at least two such lines give different dates.

use super::blocks::{Block, Kind};
use super::date::{self, Date};
use crate::model::{Lines, MeetingStatus};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// One meeting's part of a log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingSection {
    /// Its blocks (the heading first).
    pub blocks: Range<usize>,
    /// The heading, as written.
    pub heading: String,
    /// The date the heading gives.
    pub date: Option<Date>,
    /// Its source lines.
    pub lines: Lines,
    /// Held, or cancelled when the heading or the first line says so.
    pub status: MeetingStatus,
}

/// The year (and month) a log's headings fall in, from its file name or
/// title: `2021-03-steering-council-update.md`, `2024.md`, `Updates for July
/// 2024`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearHint {
    /// The year.
    pub year: u32,
    /// The month, when known.
    pub month: Option<u32>,
}

static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    let m = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
    Regex::new(&format!(
        r"(?i)^\W*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:{m}\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{m})\b"
    ))
    .unwrap()
});

static YEAR_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:19|20)\d\d)(?:[-_./](\d{1,2}))?(?:[^0-9]|$)").unwrap()
});

static NOT_A_MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:next|upcoming|future|deadline|due|until|before|after|release|freeze|eol|end[- ]of[- ]life)\b").unwrap()
});

static CANCELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bcancell?ed\b|\bno\s+meeting\b|\bmeeting\s+(?:was\s+)?(?:skipped|postponed|called\s+off|did\s+not\s+(?:take\s+place|happen))\b|\bnot\s+held\b").unwrap()
});

/// The year hint a file name or title gives.
pub fn year_hint(file_name: &str, title: Option<&str>) -> Option<YearHint> {
    let from = |s: &str| {
        let c = YEAR_MONTH.captures(s)?;
        let year = c[1].parse().ok()?;
        let month = c
            .get(2)
            .and_then(|m| m.as_str().parse().ok())
            .filter(|m| (1..=12).contains(m));
        Some(YearHint { year, month })
    };
    let month_named = |s: &str| {
        // `Updates for July 2024`: a month name before the year.
        let y = from(s)?;
        let lower = s.to_lowercase();
        let month = date::MONTHS
            .iter()
            .position(|m| lower.contains(m))
            .map(|i| i as u32 + 1);
        Some(YearHint {
            month: y.month.or(month),
            ..y
        })
    };
    from(file_name).or_else(|| title.and_then(month_named))
}

/// The date a heading gives when the heading is a meeting's date and
/// little else; `None` for any other heading.
pub fn heading_date(text: &str, hint: Option<YearHint>) -> Option<Date> {
    // `(handoff meeting)`, `(cancelled)`: remarks, not part of the name.
    let plain: String = strip_parens(text);
    let plain = plain.trim();
    if NOT_A_MEETING.is_match(plain) {
        return None;
    }
    let rest_words = |rest: &str| {
        rest.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count()
    };
    if let Some((d, span)) = date::find_with_span(plain) {
        let rest = format!("{} {}", &plain[..span.start], &plain[span.end..]);
        return (rest_words(&rest) <= 5).then_some(d);
    }
    let c = MONTH_DAY.captures(plain)?;
    let (month, day) = match (c.get(1), c.get(2)) {
        (Some(m), Some(d)) => (m.as_str(), d.as_str()),
        _ => (c.get(4)?.as_str(), c.get(3)?.as_str()),
    };
    if rest_words(&plain[c.get(0)?.end()..]) > 4 {
        return None;
    }
    let hint = hint?;
    let month = date::month_number(month);
    let day: u32 = day.parse().ok()?;
    // A January file recapping November: the year before.
    let year = match hint.month {
        Some(fm) if month > fm + 1 => hint.year - 1,
        _ => hint.year,
    };
    Date::new(year, month, day)
}

fn strip_parens(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The meetings of a log, or `None` when the file records one meeting.
/// `rules` are the lines of thematic breaks (`---`), which end a meeting.
pub fn split(
    blocks: &[Block],
    rules: &[usize],
    last_line: usize,
    hint: Option<YearHint>,
    source: &str,
) -> Option<Vec<MeetingSection>> {
    let source_lines: Vec<&str> = source.lines().collect();
    let dated: Vec<(usize, u8, Option<Date>)> = blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b.kind {
            Kind::Heading(level) => heading_date(&b.text, hint)
                .map(Some)
                .or_else(|| undated_day(&b.text).then_some(None))
                .map(|d| (i, level, d)),
            Kind::Paragraph => pseudo_heading(b, &source_lines)
                .and_then(|t| heading_date(t, hint))
                .map(|d| (i, PSEUDO_LEVEL, Some(d))),
            _ => None,
        })
        .collect();
    // The level most dated headings are at (the shallower on a tie).
    let level = (1..=PSEUDO_LEVEL)
        .map(|l| {
            (
                dated.iter().filter(|d| d.1 == l).count(),
                std::cmp::Reverse(l),
            )
        })
        .max()
        .filter(|(n, _)| *n >= 2)
        .map(|(_, std::cmp::Reverse(l))| l)?;
    let starts: Vec<&(usize, u8, Option<Date>)> = dated.iter().filter(|d| d.1 == level).collect();
    // Bold dates or `Date:` lines that repeat one date are one meeting's
    // (`**March 5, 2024**` above `Date: 2024-03-05`), not a log.
    if level == PSEUDO_LEVEL {
        let distinct: std::collections::BTreeSet<_> = starts.iter().map(|d| d.2).collect();
        if distinct.len() < starts.len() {
            return None;
        }
    }
    // Paragraphs standing for headings sit inside the document's sections:
    // only a heading as high as the one that holds the log ends a meeting
    // (`### Notes` inside a meeting does not).
    let ends_at = if level == PSEUDO_LEVEL {
        blocks[..starts[0].0]
            .iter()
            .rev()
            .find_map(|b| match b.kind {
                Kind::Heading(l) => Some(l),
                _ => None,
            })
            .unwrap_or(1)
    } else {
        level
    };
    let mut out = Vec::new();
    for (k, &&(i, _, date)) in starts.iter().enumerate() {
        let limit = starts.get(k + 1).map_or(blocks.len(), |s| s.0);
        // The meeting ends at a heading at its level or above, or at a
        // thematic break.
        let end = (i + 1..limit)
            .find(|&j| {
                matches!(blocks[j].kind, Kind::Heading(l) if l <= ends_at)
                    || rules
                        .iter()
                        .any(|&r| r > blocks[j - 1].end_line && r < blocks[j].line)
            })
            .unwrap_or(limit);
        let end_line = if end < blocks.len() {
            blocks[end].line.saturating_sub(1).max(blocks[i].line)
        } else {
            last_line.max(blocks[i].line)
        };
        let first_text = blocks[i + 1..end]
            .iter()
            .find(|b| b.kind != Kind::Heading(level + 1))
            .map(|b| b.text.as_str())
            .unwrap_or("");
        let cancelled = CANCELLED.is_match(&blocks[i].text)
            || (first_text.split_whitespace().count() <= 12 && CANCELLED.is_match(first_text));
        out.push(MeetingSection {
            blocks: i..end,
            heading: blocks[i].text.trim().to_owned(),
            date,
            lines: Lines {
                start: blocks[i].line,
                end: end_line,
            },
            status: if cancelled {
                MeetingStatus::Cancelled
            } else {
                MeetingStatus::Held
            },
        });
    }
    Some(out)
}

/// The level given to a paragraph that stands for a heading: below every
/// Markdown heading.
const PSEUDO_LEVEL: u8 = 7;

/// The text of a paragraph that stands for a meeting's heading in logs
/// written without Markdown headings: one line wholly in bold (`**March 5,
/// 2024**`, as word processors export a heading), or a `Date:` line
/// (`Date: 2024-03-05`, meetings separated by `---`).
fn pseudo_heading<'a>(b: &'a Block, source_lines: &[&str]) -> Option<&'a str> {
    static DATE_LABEL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^\W*(?:meeting\s+)?date\s*:\s*").unwrap());
    if b.text.contains('\n') {
        return None;
    }
    let src = source_lines.get(b.line.checked_sub(1)?)?.trim();
    let bold = [("**", "**"), ("__", "__")]
        .iter()
        .any(|(open, close)| src.len() > 4 && src.starts_with(open) && src.ends_with(close));
    if bold {
        return Some(&b.text);
    }
    DATE_LABEL.find(&b.text).map(|m| &b.text[m.end()..])
}

/// `# March 1` in a file with no year anywhere: a meeting heading whose
/// date cannot be completed (reported, and the meeting kept undated).
fn undated_day(text: &str) -> bool {
    MONTH_DAY.is_match(&strip_parens(text))
        && !NOT_A_MEETING.is_match(text)
        && text.split_whitespace().count() <= 6
}

/// Whether a single meeting's title or opening line says it was cancelled.
pub fn cancelled(title: Option<&str>, opening: Option<&str>) -> bool {
    title.is_some_and(|t| CANCELLED.is_match(t))
        || opening.is_some_and(|o| o.split_whitespace().count() <= 12 && CANCELLED.is_match(o))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::blocks::blocks;

    fn hint(y: u32, m: Option<u32>) -> Option<YearHint> {
        Some(YearHint { year: y, month: m })
    }

    #[test]
    fn heading_dates_in_the_forms_logs_use() {
        let h = hint(2021, Some(3));
        for (t, want) in [
            ("2024-07-03", Some("2024-07-03")),
            ("March 1", Some("2021-03-01")),
            ("February 01", Some("2021-02-01")),
            ("December 13 (handoff meeting)", Some("2020-12-13")),
            ("Tue, Mar 9th", Some("2021-03-09")),
            ("9 March", Some("2021-03-09")),
            ("Meeting of 2024-01-05", Some("2024-01-05")),
            ("Jan 5, 2024 (cancelled)", Some("2024-01-05")),
            ("Node.js Security WG Meeting 2023-08-03", Some("2023-08-03")),
            ("Next meeting: 2024-02-01", None),
            ("March recap:", None),
            ("Release schedule for the 2024-04-23 release of v22", None),
        ] {
            assert_eq!(heading_date(t, h).map(|d| d.iso()).as_deref(), want, "{t}");
        }
        assert_eq!(heading_date("March 1", None), None);
    }

    #[test]
    fn hints_from_file_names_and_titles() {
        assert_eq!(
            year_hint("2021-03-steering-council-update.md", None),
            hint(2021, Some(3))
        );
        assert_eq!(
            year_hint("notes.md", Some("Steering Council Updates for July 2024")),
            hint(2024, Some(7))
        );
        assert_eq!(year_hint("2019.md", None), hint(2019, None));
        assert_eq!(year_hint("notes.md", Some("Notes")), None);
    }

    #[test]
    fn a_log_splits_at_its_dated_headings() {
        let text = "# Updates for July 2024\n\nintro\n\n## 2024-07-03\n\n- a\n\n## 2024-07-10 (cancelled)\n\n## 2024-07-17\n\n### Notes\n\n- b\n\n---\n\nfooter\n";
        let b = blocks(text);
        let rules = [17];
        let m = split(&b, &rules, 20, hint(2024, Some(7)), text).unwrap();
        let got: Vec<_> = m
            .iter()
            .map(|s| (s.date.unwrap().iso(), s.lines.start, s.lines.end, s.status))
            .collect();
        assert_eq!(
            got,
            vec![
                ("2024-07-03".into(), 5, 8, MeetingStatus::Held),
                ("2024-07-10".into(), 9, 10, MeetingStatus::Cancelled),
                ("2024-07-17".into(), 11, 18, MeetingStatus::Held),
            ]
        );
        // The footer after the break is in no meeting.
        assert!(!m[2].blocks.contains(&(b.len() - 1)));
    }

    #[test]
    fn a_dated_title_is_one_meeting() {
        let text = "# TSC Meeting 2024-01-02\n\n## Present\n\n- Ana\n";
        assert_eq!(split(&blocks(text), &[], 5, None, text), None);
        // One bold date or `Date:` line is a single meeting's date too.
        let text = "# TSC Meeting\n\n**March 5, 2024**\n\nDate: 2024-03-05\n\n- Ana\n";
        assert_eq!(split(&blocks(text), &[], 7, None, text), None);
    }

    /// Issue 10: logs written without Markdown headings, as word processors
    /// export them (a bold date line per meeting) or with `Date:` lines
    /// between thematic breaks.
    #[test]
    fn a_log_splits_at_bold_dates_and_date_lines() {
        let dates = |text: &str| {
            let (b, rules) = crate::parse::blocks::blocks_and_rules(text);
            split(&b, &rules, text.lines().count(), hint(2024, None), text)
                .unwrap()
                .iter()
                .map(|s| (s.date.unwrap().iso(), s.lines.start))
                .collect::<Vec<_>>()
        };
        let bold =
            "# SIG notes\n\n**March 5, 2024**\n\n- a\n\n### Notes\n\n- b\n\n**March 19**\n\n- c\n";
        assert_eq!(
            dates(bold),
            [("2024-03-05".to_owned(), 3), ("2024-03-19".to_owned(), 11)]
        );
        let ruled = "# SIG notes\n\nDate: 2024-03-05\n\n- a\n\n---\n\nDate: 2024-03-19\n\n- b\n";
        assert_eq!(
            dates(ruled),
            [("2024-03-05".to_owned(), 3), ("2024-03-19".to_owned(), 9)]
        );
    }
}
