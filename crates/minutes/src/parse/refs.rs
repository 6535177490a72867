//! GitHub issue, pull request and discussion references.
//!
//! Three forms: a URL (`https://github.com/o/r/pull/12#issuecomment-3`), a
//! qualified short form (`o/r#12`), and a bare `#12`, which belongs to the
//! repository of the nearest `### owner/repo` heading above it, else to the
//! repository holding the minutes. When a Markdown link's text and URL
//! disagree, the URL wins: the text of a link is never scanned.

use super::blocks::Block;
use crate::model::{ItemKind, ItemRef, Repo};
use regex::Regex;
use std::sync::LazyLock;

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bhttps?://(?:www\.)?github\.com/([A-Za-z0-9][A-Za-z0-9-]*)/([A-Za-z0-9._-]+)/(issues|pull|pulls|discussions)/(\d+)",
    )
    .unwrap()
});

static QUALIFIED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^A-Za-z0-9_/.@-])([A-Za-z0-9][A-Za-z0-9-]*)/([A-Za-z0-9._-]+)#(\d+)\b")
        .unwrap()
});

static BARE: LazyLock<Regex> = LazyLock::new(|| {
    // `#12` but not `/#12`, `a#12`, `&#12;` (an HTML entity) or `##12`.
    Regex::new(r"(?:^|[^A-Za-z0-9_/&#])#(\d{1,6})\b").unwrap()
});

/// Any GitHub URL naming a user or organisation alone (`github.com/login`).
static PROFILE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^https?://(?:www\.)?github\.com/([A-Za-z0-9](?:[A-Za-z0-9]|-[A-Za-z0-9]){0,38})/?$",
    )
    .unwrap()
});

/// The GitHub login a profile URL names, if it names one.
pub fn profile_login(url: &str) -> Option<&str> {
    const NOT_USERS: &[&str] = &[
        "orgs",
        "issues",
        "pulls",
        "settings",
        "notifications",
        "topics",
        "search",
        "features",
        "about",
        "sponsors",
        "marketplace",
        "explore",
    ];
    let c = PROFILE.captures(url.trim())?;
    let login = c.get(1)?.as_str();
    (!NOT_USERS.contains(&login.to_ascii_lowercase().as_str())).then_some(login)
}

/// Parses one GitHub item URL.
pub fn parse_url(url: &str) -> Option<ItemRef> {
    let c = URL.captures(url)?;
    item(&c[1], &c[2], &c[3], &c[4])
}

/// Parses `owner/repo#N`, a URL, or (with `default_repo`) `#N`.
pub fn parse_short(s: &str, default_repo: Option<&Repo>) -> Option<ItemRef> {
    let s = s.trim();
    if let Some(r) = parse_url(s) {
        return Some(r);
    }
    if let Some(c) = QUALIFIED.captures(s) {
        return item(&c[1], &c[2], "issues", &c[3]);
    }
    let n = s.strip_prefix('#')?.parse().ok()?;
    Some(ItemRef {
        repo: default_repo?.clone(),
        number: n,
        kind: ItemKind::Issue,
    })
}

fn item(owner: &str, repo: &str, kind: &str, n: &str) -> Option<ItemRef> {
    let kind = match kind.to_ascii_lowercase().as_str() {
        "pull" | "pulls" => ItemKind::PullRequest,
        "discussions" => ItemKind::Discussion,
        _ => ItemKind::Issue,
    };
    Some(ItemRef {
        repo: Repo::new(owner, repo.trim_end_matches('.')),
        number: n.parse().ok().filter(|&n| n > 0)?,
        kind,
    })
}

/// Every reference in a block, in text order. Bare `#N` resolve to
/// `default_repo`, or are dropped when there is none.
pub fn in_block(block: &Block, default_repo: Option<&Repo>) -> Vec<ItemRef> {
    in_block_at(block, default_repo)
        .into_iter()
        .map(|(_, r)| r)
        .collect()
}

/// Like [`in_block`], with each reference's position in the block's text.
pub fn in_block_at(block: &Block, default_repo: Option<&Repo>) -> Vec<(usize, ItemRef)> {
    let mut found: Vec<(usize, ItemRef)> = Vec::new();
    for link in &block.links {
        if let Some(r) = parse_url(&link.url) {
            found.push((link.range.start, r));
        }
    }
    // Scan the text outside links.
    let text = &block.text;
    let mut outside = String::with_capacity(text.len());
    let mut last = 0;
    for link in &block.links {
        if link.range.start >= last && link.range.end <= text.len() {
            outside.push_str(&text[last..link.range.start]);
            outside.extend(std::iter::repeat_n(' ', link.range.len()));
            last = link.range.end;
        }
    }
    outside.push_str(&text[last.min(text.len())..]);
    let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
    for c in URL.captures_iter(&outside) {
        let m = c.get(0).unwrap();
        taken.push(m.range());
        if let Some(r) = item(&c[1], &c[2], &c[3], &c[4]) {
            found.push((m.start(), r));
        }
    }
    // A URL's own path contains no `#N`, but its fragment may
    // (`.../issues/12#issuecomment-1` never matches `#\d` at a word edge);
    // still, skip anything inside a URL.
    let in_url = |taken: &[std::ops::Range<usize>], i: usize| taken.iter().any(|r| r.contains(&i));
    for c in QUALIFIED.captures_iter(&outside) {
        let m = c.get(1).unwrap();
        if in_url(&taken, m.start()) {
            continue;
        }
        if let Some(r) = item(&c[1], &c[2], "issues", &c[3]) {
            taken.push(m.start()..c.get(0).unwrap().end());
            found.push((m.start(), r));
        }
    }
    if let Some(repo) = default_repo {
        for c in BARE.captures_iter(&outside) {
            let m = c.get(1).unwrap();
            if in_url(&taken, m.start()) {
                continue;
            }
            if let Ok(n) = m.as_str().parse::<u64>()
                && n > 0
            {
                found.push((
                    m.start(),
                    ItemRef {
                        repo: repo.clone(),
                        number: n,
                        kind: ItemKind::Issue,
                    },
                ));
            }
        }
    }
    found.sort_by_key(|(at, _)| *at);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::blocks::blocks;

    fn refs(md: &str, repo: Option<&str>) -> Vec<String> {
        let repo = repo.and_then(Repo::parse);
        blocks(md)
            .iter()
            .flat_map(|b| in_block(b, repo.as_ref()))
            .map(|r| r.key())
            .collect()
    }

    #[test]
    fn url_forms() {
        assert_eq!(
            refs(
                "* see https://github.com/NodeJS/Node/pull/12#issuecomment-3, and <https://github.com/a/b.js/issues/4>.",
                None
            ),
            ["nodejs/node#12", "a/b.js#4"]
        );
        assert_eq!(
            refs(
                "* https://github.com/a/b/discussions/7 and https://github.com/a/b/pull/8/files",
                None
            ),
            ["a/b#7", "a/b#8"]
        );
    }

    #[test]
    fn link_url_wins_over_its_text() {
        assert_eq!(
            refs(
                "* Thing [#12](https://github.com/a/b/issues/13)",
                Some("x/y")
            ),
            ["a/b#13"]
        );
    }

    #[test]
    fn bare_and_qualified() {
        assert_eq!(
            refs(
                "* nodejs/node#5 then #6, not a#7 nor &#8; nor x/#9",
                Some("x/y")
            ),
            ["nodejs/node#5", "x/y#6"]
        );
        assert_eq!(refs("* #6", None), Vec::<String>::new());
    }

    #[test]
    fn non_item_links_are_not_references() {
        assert!(refs("* https://github.com/nodejs/nodejs-dependency-vuln-assessments/issues and https://github.com/a/b", None).is_empty());
    }

    #[test]
    fn profiles() {
        assert_eq!(
            profile_login("https://github.com/mhdawson/"),
            Some("mhdawson")
        );
        assert_eq!(profile_login("https://github.com/nodejs/node"), None);
        assert_eq!(profile_login("https://github.com/orgs"), None);
    }
}
