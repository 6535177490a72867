//! One line of an attendance list to people and teams.
//!
//! The grammar, from what minute-takers write: a person is a name, a GitHub
//! handle, or both, in any order, with optional parenthesised or dashed
//! extras that are roles (`observer`, `TSC`) or affiliations (`IBM`):
//! `Name (@handle)`, `Name @handle (Role)`, `Name: @handle`, `Name / @handle`,
//! `@handle (Name)`, `[Name](https://github.com/handle)`, `Name (Org)`,
//! `Name - Org`. Several people may share a line, separated by commas or
//! semicolons. `@owner/team` is a team, not a person.

use super::blocks::Block;
use super::refs::profile_login;
use regex::Regex;
use std::sync::LazyLock;

/// One entry of an attendance list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A person.
    Person {
        /// The name as written.
        name: Option<String>,
        /// The GitHub login, case kept.
        handle: Option<String>,
        /// A stated role.
        role: Option<String>,
        /// A stated affiliation.
        affiliation: Option<String>,
    },
    /// A team handle, `owner/team`.
    Team(String),
}

static HANDLE: LazyLock<Regex> = LazyLock::new(|| {
    // `@login` or `@owner/team`; logins are alphanumeric with single inner
    // hyphens, at most 39 characters. The look-behind is emulated by
    // requiring a non-word character (or the start) before `@`, so e-mail
    // addresses do not match.
    Regex::new(
        r"(?:^|[^A-Za-z0-9_.])@([A-Za-z0-9](?:[A-Za-z0-9_]|-[A-Za-z0-9_])*-?)(/[A-Za-z0-9._-]+)?",
    )
    .unwrap()
});

static URL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"https?://\S+").unwrap());

/// Words that mark a role rather than an affiliation in `(…)` or `- …`.
const ROLE_WORDS: &[&str] = &[
    "observer",
    "guest",
    "chair",
    "co-chair",
    "cochair",
    "facilitator",
    "moderator",
    "host",
    "note taker",
    "notetaker",
    "notes",
    "minutes",
    "scribe",
    "tsc",
    "ctc",
    "cpc",
    "board",
    "member",
    "rep",
    "representative",
    "lead",
    "liaison",
    "emeritus",
    "director",
    "secretary",
    "treasurer",
    "president",
    "clerk",
    "counsel",
    "voting",
    "maintainer",
    "staff",
    "invited",
    "presenter",
    "speaker",
    "collaborator",
    "champion",
    "observing",
    "listening",
    "late",
    "via",
    "joined",
    "left",
    "partial",
];

/// Entries that fill an attendance slot without naming anyone.
const NOT_NAMES: &[&str] = &[
    "none",
    "n/a",
    "na",
    "tbd",
    "tba",
    "nobody",
    "no one",
    "many more",
    "others",
    "etc",
];

/// Words that mean a line names a body of people, not a person.
const COLLECTIVE_WORDS: &[&str] = &[
    "team",
    "foundation",
    "council",
    "board",
    "committee",
    "maintainers",
    "directors",
    "members",
    "group",
    "wg",
    "everyone",
    "others",
    "community",
    "attendees",
    "participants",
    "people",
    "folks",
    "project",
    "projects",
    "tsc",
    "cpc",
    "org",
    "organization",
    "organisation",
    "quorum",
];

/// Reads people and teams from one line of an attendance list.
///
/// `allow_split` says whether commas may separate people (true for
/// `Present: a, b, c` lines; list items with a single handle keep their
/// commas, as in `Michael Dawson (@mhdawson), IBM`).
pub fn parse_line(text: &str, links: &[(String, String)], allow_split: bool) -> Vec<Entry> {
    let text = substitute_profile_links(text, links);
    let text = text.trim();
    if text.is_empty() {
        return Vec::new();
    }
    let handles = HANDLE
        .captures_iter(text)
        .filter(|c| c.get(2).is_none())
        .count();
    let chunks: Vec<&str> = if allow_split || handles >= 2 || several_people(text) {
        split_outside_parens(text)
    } else {
        vec![text]
    };
    // A chunk without a handle after chunks with handles, in a line that
    // has as many handles as people, is an extra of the previous person
    // (`Jane Doe (@jd), IBM`): only split lines where most chunks have a
    // handle or none does.
    let with_handle = chunks.iter().filter(|c| HANDLE.is_match(c)).count();
    let chunks = if handles >= 1 && with_handle * 2 < chunks.len() && !allow_split {
        vec![text]
    } else {
        chunks
    };
    chunks.into_iter().flat_map(parse_chunk).collect()
}

/// Whether a line without handles lists several people by their own
/// shape: each comma-separated part is a name with its own parenthesis
/// (`Ana Ortiz (Acme), Bram de Wit (Globex)`). `Jane Doe, Red Hat` is one
/// person and her employer, so parts without a parenthesis do not count.
fn several_people(text: &str) -> bool {
    let chunks = split_outside_parens(text);
    chunks.len() >= 2
        && chunks.iter().all(|c| {
            let c = c.trim();
            c.ends_with(')')
                && c.find('(').is_some_and(|open| {
                    let name = c[..open].trim();
                    !name.is_empty()
                        && name.split_whitespace().count() <= 4
                        && name.split_whitespace().all(|w| {
                            w.chars().next().is_some_and(char::is_uppercase)
                                || PARTICLES.contains(&w)
                        })
                })
        })
}

/// Lower-case words inside names (`Bram de Wit`, `Ludwig van Beethoven`).
pub(super) const PARTICLES: &[&str] = &[
    "de", "da", "di", "del", "della", "der", "den", "van", "von", "le", "la", "du", "dos", "das",
    "bin", "ibn", "al", "y", "e", "ter", "ten", "zu",
];

/// Replaces `[text](https://github.com/login)` by `text (@login)` so that the
/// handle grammar sees the login.
fn substitute_profile_links(text: &str, links: &[(String, String)]) -> String {
    let mut out = text.to_owned();
    for (link_text, url) in links {
        if let Some(login) = profile_login(url) {
            let mention = format!("@{login}");
            if !link_text.contains(&mention) && !out.contains(&mention) {
                if link_text.trim().is_empty() {
                    out.push_str(&format!(" ({mention})"));
                } else if let Some(at) = out.find(link_text.as_str()) {
                    out.insert_str(at + link_text.len(), &format!(" ({mention})"));
                }
            }
        }
    }
    out
}

fn split_outside_parens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ',' | ';' | '\n' | '\t' | '|' | '·' | '•' | '∙' if depth <= 0 => {
                out.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&text[start..]);
    // `A and B` as the last element of a list.
    out.into_iter()
        .flat_map(|c| {
            let c = c.trim();
            let c = c.strip_prefix("and ").unwrap_or(c);
            match c.split_once(" and ") {
                Some((a, b))
                    if (HANDLE.is_match(a) || HANDLE.is_match(b))
                        && [a, b].iter().all(|p| p.split_whitespace().count() <= 4) =>
                {
                    vec![a, b]
                }
                _ => vec![c],
            }
        })
        .filter(|c| !c.trim().is_empty())
        .collect()
}

fn parse_chunk(chunk: &str) -> Vec<Entry> {
    let mut handle: Option<String> = None;
    let mut teams = Vec::new();
    // Remove handles, keeping the first personal one.
    let mut rest = String::new();
    let mut last = 0;
    for c in HANDLE.captures_iter(chunk) {
        let whole = c.get(0).unwrap();
        let at = whole.start() + whole.as_str().find('@').unwrap_or(0);
        rest.push_str(&chunk[last..at]);
        rest.push(' ');
        last = whole.end();
        let login = c[1].trim_end_matches('-').to_owned();
        match c.get(2) {
            Some(team) => teams.push(format!(
                "{}{}",
                login.to_lowercase(),
                team.as_str().to_lowercase()
            )),
            None if handle.is_none() => handle = Some(login),
            None => {}
        }
    }
    rest.push_str(&chunk[last..]);
    let rest = URL.replace_all(&rest, " ");
    static EMAIL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\S+@\S+\.\w+").unwrap());
    let rest = EMAIL.replace_all(&rest, " ");

    // Split off parenthesised groups and dashed extras.
    let mut extras = Vec::new();
    let mut main = String::new();
    let mut depth = 0;
    let mut group = String::new();
    for c in rest.chars() {
        match c {
            '(' | '[' => {
                if depth > 0 {
                    group.push(c);
                }
                depth += 1;
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    extras.push(std::mem::take(&mut group));
                } else {
                    group.push(c);
                }
            }
            _ if depth > 0 => group.push(c),
            _ => main.push(c),
        }
    }
    if !group.is_empty() {
        extras.push(group);
    }
    let mut parts = split_name_separators(&main);
    let mut name = parts
        .first()
        .map(|s| without_title(clean_name(s)))
        .unwrap_or_default();
    // `(Carla Diaz, Microsoft)`, `TSC, voting member`: each comma-separated
    // part of an extra is a name, a role or an affiliation of its own.
    let mut extras: Vec<String> = extras
        .into_iter()
        .chain(parts.drain(1.min(parts.len())..))
        .flat_map(|e| e.split(',').map(clean_extra).collect::<Vec<_>>())
        .filter(|e| !e.is_empty())
        .collect();
    if name.is_empty() && handle.is_some() {
        // `@handle (Name)`: the first extra that looks like a name is the name.
        if let Some(i) = extras
            .iter()
            .position(|e| looks_like_name(e) && role_of(e).is_none())
        {
            name = extras.remove(i);
        }
    }
    let mut entries: Vec<Entry> = teams.into_iter().map(Entry::Team).collect();
    // A name that is only the handle again (`bensternthal (@bensternthal)`) is
    // no name; `Naugtur (@naugtur)` is written as a name, so it stays one.
    let name = (!name.is_empty()
        && handle.as_deref() != Some(name.as_str())
        && !NOT_NAMES.contains(&name.to_lowercase().as_str()))
    .then_some(name);
    // `zetabot (4)`, `dependabot[bot]`: a bot that logged the meeting is
    // not a person who attended it.
    if handle.is_none() && name.as_deref().is_some_and(is_bot) {
        return entries;
    }
    if handle.is_none() {
        match &name {
            None => return entries,
            Some(n) if !looks_like_name(n) || is_collective(n) => return entries,
            _ => {}
        }
    }
    if handle.is_some() && name.as_deref().is_some_and(is_collective) && !entries.is_empty() {
        return entries;
    }
    let mut roles: Vec<String> = Vec::new();
    let mut affiliation = None;
    // `(she/her)`: pronouns are neither a role nor an employer.
    static PRONOUNS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:she|he|they|ze|xe|it|any)(?:\s*/\s*(?:her|hers|him|his|them|their|theirs|they|she|he|zir|xem|it|all|any))+$").unwrap()
    });
    for e in extras {
        if PRONOUNS.is_match(e.trim()) {
            continue;
        }
        // `kira (52)`: a count (lines said, a vote) or a time is no employer.
        if !e.chars().any(char::is_alphabetic) {
            continue;
        }
        if role_of(&e).is_some() {
            roles.push(e);
        } else if !e.eq_ignore_ascii_case("github") && !e.eq_ignore_ascii_case("twitter") {
            affiliation.get_or_insert(e);
        }
    }
    let role = (!roles.is_empty()).then(|| roles.join(", "));
    entries.push(Entry::Person {
        name,
        handle,
        role,
        affiliation,
    });
    entries
}

/// Splits `Name - Org`, `Name: x`, `Name / x` at their separators.
fn split_name_separators(s: &str) -> Vec<String> {
    static SEP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s*,\s*|\s+[-–—|]\s*|\s*[-–—|]\s+|\s*[:/]\s+|\s+/\s*|\s*[–—]\s*|\s*/$|\s*:$")
            .unwrap()
    });
    SEP.split(s.trim())
        .map(str::to_owned)
        .filter(|p| !clean_name(p).is_empty())
        .collect()
}

fn clean_name(s: &str) -> String {
    let s = s.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '*' | '_' | '-' | ':' | ',' | ';' | '/' | '.' | '"' | '`' | '–' | '—' | '|'
            )
    });
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A name without a title of address (`Dr. Dora Petrova` → `Dora
/// Petrova`): the same person is written with and without one.
fn without_title(name: String) -> String {
    const TITLES: &[&str] = &["dr", "prof", "mr", "ms", "mrs", "mx", "sir", "dame"];
    match name.split_once(' ') {
        Some((first, rest))
            if rest.contains(char::is_alphabetic)
                && TITLES.contains(&first.trim_end_matches('.').to_lowercase().as_str()) =>
        {
            rest.to_owned()
        }
        _ => name,
    }
}

fn clean_extra(s: &str) -> String {
    clean_name(s)
}

/// Whether `s` reads like a person's name: letters, at most six words, no
/// sentence punctuation.
fn looks_like_name(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=6).contains(&words)
        && s.chars().any(char::is_alphabetic)
        && !s.contains(['?', '!', '=', '<', '>', '{', '}', '$'])
        && !s.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// `zodbot`, `meetbot`, `dependabot[bot]`: a program's login.
fn is_bot(name: &str) -> bool {
    static BOT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:[a-z0-9_-]*bot|\S*\[bot\])$").unwrap());
    BOT.is_match(name)
}

fn is_collective(s: &str) -> bool {
    let lower = s.to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| COLLECTIVE_WORDS.contains(&w))
}

fn role_of(s: &str) -> Option<&'static str> {
    let lower = s.to_lowercase();
    ROLE_WORDS.iter().copied().find(|w| {
        lower.match_indices(w).any(|(i, _)| {
            let before = lower[..i].chars().next_back();
            let after = lower[i + w.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// Whether an attendance line names nobody on purpose: a body of people
/// (`OpenJS Foundation Board of Directors`), a bot (`zodbot (10)`) or a
/// placeholder (`None`).
pub fn names_nobody(line: &str) -> bool {
    if line.split_whitespace().next().is_some_and(is_bot) {
        return true;
    }
    let lower = line
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    NOT_NAMES.contains(&lower.as_str()) || is_collective(line)
}

/// Links of a block as (text, url) pairs, for `parse_line`.
pub fn block_links(block: &Block) -> Vec<(String, String)> {
    block
        .links
        .iter()
        .map(|l| {
            (
                block.text.get(l.range.clone()).unwrap_or("").to_owned(),
                l.url.clone(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(name: Option<&str>, handle: Option<&str>) -> (Option<String>, Option<String>) {
        (name.map(str::to_owned), handle.map(str::to_owned))
    }

    fn people(line: &str, split: bool) -> Vec<(Option<String>, Option<String>)> {
        parse_line(line, &[], split)
            .into_iter()
            .filter_map(|e| match e {
                Entry::Person { name, handle, .. } => Some((name, handle)),
                Entry::Team(_) => None,
            })
            .collect()
    }

    #[test]
    fn single_person_forms() {
        let cases = [
            (
                "Michael Dawson (@mhdawson)",
                p(Some("Michael Dawson"), Some("mhdawson")),
            ),
            (
                "Marco Ippolito @marco-ippolito",
                p(Some("Marco Ippolito"), Some("marco-ippolito")),
            ),
            (
                "Geoffrey Booth: @GeoffreyBooth",
                p(Some("Geoffrey Booth"), Some("GeoffreyBooth")),
            ),
            (
                "Michael Dawson/ @mhdawson",
                p(Some("Michael Dawson"), Some("mhdawson")),
            ),
            (
                "Myles Borins / @TheAlphaNerd",
                p(Some("Myles Borins"), Some("TheAlphaNerd")),
            ),
            (
                "@ljharb (Jordan Harband)",
                p(Some("Jordan Harband"), Some("ljharb")),
            ),
            (
                "Emily Platzer( @craftninja)",
                p(Some("Emily Platzer"), Some("craftninja")),
            ),
            (
                "Keith Holliday (@thehollidayinn",
                p(Some("Keith Holliday"), Some("thehollidayinn")),
            ),
            (
                "Danny Grander (@grnd - GitHub, @grander - twitter)",
                p(Some("Danny Grander"), Some("grnd")),
            ),
            ("@bcoe", p(None, Some("bcoe"))),
            ("Edgar", p(Some("Edgar"), None)),
            ("Jane Roe (Acme Corp)", p(Some("Jane Roe"), None)),
            ("Jane Roe - Acme Corp", p(Some("Jane Roe"), None)),
            (
                "Jan Kowalski (@jkowalski), Acme",
                p(Some("Jan Kowalski"), Some("jkowalski")),
            ),
        ];
        for (line, want) in cases {
            assert_eq!(people(line, false), vec![want], "{line}");
        }
    }

    #[test]
    fn roles_and_affiliations() {
        let e = parse_line("Steve Husak (@shusak) - Capital One", &[], false);
        assert!(
            matches!(&e[0], Entry::Person { affiliation: Some(a), role: None, .. } if a == "Capital One")
        );
        let e = parse_line("John Poe (@jpoe) - TSC, voting member", &[], false);
        assert!(matches!(&e[0], Entry::Person { role: Some(r), .. } if r == "TSC, voting member"));
        let e = parse_line("@cdiaz (Carla Diaz, Microsoft)", &[], false);
        assert!(
            matches!(&e[0], Entry::Person { name: Some(n), affiliation: Some(a), .. } if n == "Carla Diaz" && a == "Microsoft")
        );
        // Pronouns are no employer (issue 10).
        let e = parse_line("Ana Lima - Acme Cloud (she/her)", &[], false);
        assert!(
            matches!(&e[0], Entry::Person { affiliation: Some(a), role: None, .. } if a == "Acme Cloud"),
            "{e:?}"
        );
        let e = parse_line("Jane Roe @jroe (Observer)", &[], false);
        assert!(matches!(&e[0], Entry::Person { role: Some(r), .. } if r == "Observer"));
    }

    #[test]
    fn teams_and_collectives() {
        assert_eq!(
            parse_line("Security wg team: @nodejs/security-wg", &[], false),
            vec![Entry::Team("nodejs/security-wg".into())]
        );
        assert!(parse_line("OpenJS Foundation Board of Directors", &[], false).is_empty());
    }

    #[test]
    fn dotted_lists() {
        assert_eq!(people("Dee Ray · Eli Moss • Fay Lin", true).len(), 3);
    }

    #[test]
    fn lists_on_one_line() {
        assert_eq!(
            people(
                "Ann Lee (@alee), Bo Chen (@bchen); @cdiaz and Dee Ray",
                true
            ),
            vec![
                p(Some("Ann Lee"), Some("alee")),
                p(Some("Bo Chen"), Some("bchen")),
                p(None, Some("cdiaz")),
                p(Some("Dee Ray"), None)
            ]
        );
    }

    #[test]
    fn profile_links_give_handles() {
        let e = parse_line(
            "Ann Lee",
            &[("Ann Lee".into(), "https://github.com/alee".into())],
            false,
        );
        assert!(matches!(&e[0], Entry::Person { handle: Some(h), .. } if h == "alee"));
    }
}
