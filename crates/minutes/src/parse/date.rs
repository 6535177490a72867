//! Dates in file names, titles and `Date:` lines.

use regex::Regex;
use std::sync::LazyLock;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub y: u32,
    /// Month, 1–12.
    pub m: u32,
    /// Day, 1–31.
    pub d: u32,
}

impl Date {
    /// A date if it exists in the proleptic Gregorian calendar and the year
    /// is plausible for meeting minutes.
    pub fn new(y: u32, m: u32, d: u32) -> Option<Self> {
        let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
        let days = match m {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1990..=2100).contains(&y) && (1..=days).contains(&d)).then_some(Date { y, m, d })
    }

    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    // 2023-08-03, 2023.08.03, 2023_08_03, 2023/08/03, 20230803.
    Regex::new(r"(?:^|[^0-9])((?:19|20)\d\d)([-._/]?)(\d{1,2})([-._/]?)(\d{1,2})(?:[^0-9]|$)")
        .unwrap()
});

static US_NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    // 08/03/2023 or 8-3-2023 (month first, as US minutes write it).
    Regex::new(r"(?:^|[^0-9])(\d{1,2})[/-](\d{1,2})[/-]((?:19|20)\d\d)(?:[^0-9]|$)").unwrap()
});

static DOTTED: LazyLock<Regex> = LazyLock::new(|| {
    // 02.04.2025: day first, as the minutes of continental Europe write it.
    Regex::new(r"(?:^|[^\w.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?:[^0-9.]|$)").unwrap()
});

static MONTH_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    let m = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
    Regex::new(&format!(
        r"(?i)\b(?:{m}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{m},?\s+((?:19|20)\d\d))\b"
    ))
    .unwrap()
});

/// The months' names, full and lower-case.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The number of a month written as a name or its abbreviation (`Sept`),
/// 0 when it is none.
pub fn month_number(name: &str) -> u32 {
    let lower = name.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|n| lower.len() >= 3 && lower.starts_with(&n[..3]))
        .map_or(0, |i| i as u32 + 1)
}

/// The first valid date written in `s`, in any of the forms minutes use.
pub fn find(s: &str) -> Option<Date> {
    find_with_span(s).map(|(d, _)| d)
}

/// The first valid date written in `s` and where it is written.
pub fn find_with_span(s: &str) -> Option<(Date, std::ops::Range<usize>)> {
    for c in NUMERIC.captures_iter(s) {
        // Both separators must agree (`2023-08-03`, not `2023-0803`).
        if c[2] != c[4] {
            continue;
        }
        let y = c[1].parse().ok()?;
        let (a, b): (u32, u32) = (c[3].parse().ok()?, c[5].parse().ok()?);
        if c[2].is_empty() && (c[3].len() != 2 || c[5].len() != 2) {
            continue;
        }
        if let Some(d) = Date::new(y, a, b) {
            return Some((d, c.get(1)?.start()..c.get(5)?.end()));
        }
    }
    if let Some(c) = MONTH_NAMED.captures(s) {
        let (m, d, y) = if let Some(m) = c.get(1) {
            (m.as_str(), &c[2], &c[3])
        } else {
            (&c[5], &c[4], &c[6])
        };
        if let Some(date) = Date::new(y.parse().ok()?, month_number(m), d.parse().ok()?) {
            return Some((date, c.get(0)?.range()));
        }
    }
    for c in DOTTED.captures_iter(s) {
        let (d, m, y): (u32, u32, u32) =
            (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        if let Some(date) = Date::new(y, m, d) {
            return Some((date, c.get(1)?.start()..c.get(3)?.end()));
        }
    }
    for c in US_NUMERIC.captures_iter(s) {
        let (a, b, y): (u32, u32, u32) =
            (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        if let Some(d) = Date::new(y, a, b).or_else(|| Date::new(y, b, a)) {
            return Some((d, c.get(1)?.start()..c.get(3)?.end()));
        }
    }
    None
}

/// The date a file name carries, if any (the extension is ignored).
pub fn from_file_name(name: &str) -> Option<Date> {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    find(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        find(s).map(|d| d.iso())
    }

    #[test]
    fn forms_seen_in_minutes() {
        for (s, want) in [
            ("# Node.js Security team Meeting 2023-08-03", "2023-08-03"),
            ("2021.10.05_meeting_notes", "2021-10-05"),
            ("build-wg-meeting-2019-04-02", "2019-04-02"),
            ("2021-07-16-kickoff-notes", "2021-07-16"),
            ("Meeting March 10, 2020", "2020-03-10"),
            ("Meeting Mar 10th 2020", "2020-03-10"),
            ("Meeting 10 March 2020", "2020-03-10"),
            ("Meeting 3rd of Sept, 2021", "2021-09-03"),
            ("notes 20210716", "2021-07-16"),
            ("sync 07/16/2021", "2021-07-16"),
            ("sync 2024/1/9", "2024-01-09"),
            ("## 02.04.2025", "2025-04-02"),
            ("Sitzung vom 9.12.2024", "2024-12-09"),
        ] {
            assert_eq!(iso(s).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn rejects_non_dates() {
        for s in [
            "2023-13-03",
            "2023-02-30",
            "issue 1234567",
            "v20.10.1",
            "$DATE$",
            "2023-0803",
            "v1.2.2024",
        ] {
            assert_eq!(iso(s), None, "{s}");
        }
    }

    #[test]
    fn file_names() {
        assert_eq!(
            from_file_name("2023-08-03.md").map(|d| d.iso()).as_deref(),
            Some("2023-08-03")
        );
        assert_eq!(from_file_name("000_b1281aaac9ce5e08.txt"), None);
    }
}
