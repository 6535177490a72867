//! Minted IRIs, and the IRIs of GitHub's own repositories, items and
//! accounts.

use crate::model::{ItemKind, ItemRef, Repo};
use crate::resolve::PersonKey;
use oxigraph::model::NamedNode;

/// Mints IRIs under a base.
#[derive(Debug, Clone)]
pub struct Iris {
    base: String,
}

impl Iris {
    /// A minter for `base`, which must be an absolute IRI ending in `/` or `#`.
    ///
    /// # Errors
    ///
    /// Fails when `base` is not an absolute IRI or does not end in `/` or `#`.
    pub fn new(base: &str) -> crate::Result<Self> {
        if !(base.ends_with('/') || base.ends_with('#')) || NamedNode::new(base).is_err() {
            return Err(crate::Error::BaseIri(base.to_owned()));
        }
        Ok(Iris {
            base: base.to_owned(),
        })
    }

    fn mint(&self, path: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{}", self.base, encode_path(path)))
    }

    /// The IRI (and graph name) of a document.
    pub fn document(&self, key: &str) -> NamedNode {
        self.mint(&format!("doc/{key}"))
    }

    /// The IRI of the meeting a document of one meeting records.
    pub fn meeting(&self, key: &str) -> NamedNode {
        // `x.md` is the meeting `x`; other extensions stay in the IRI, so
        // `x.md` and `x.txt` side by side remain two meetings.
        let stem = key
            .strip_suffix(".md")
            .or_else(|| key.strip_suffix(".markdown"))
            .unwrap_or(key);
        self.mint(&format!("meeting/{stem}"))
    }

    /// The IRI of one meeting of a log: the document's meeting IRI with
    /// the meeting's date (or its position, when it has no date or shares
    /// it with another meeting of the file).
    pub fn log_meeting(&self, key: &str, part: &str) -> NamedNode {
        NamedNode::new_unchecked(format!(
            "{}/{}",
            self.meeting(key).as_str(),
            encode_path(part)
        ))
    }

    /// The IRI of a person.
    pub fn person(&self, key: &PersonKey) -> NamedNode {
        self.mint(&format!("person/{}", key.slug()))
    }

    /// The IRI of the group whose minutes live in `repo`.
    pub fn group(&self, repo: &Repo) -> NamedNode {
        self.mint(&format!("group/{}/{}", repo.owner, repo.name))
    }

    /// The IRI of a group known only by the folder its minutes came from.
    pub fn local_group(&self, folder: &str) -> NamedNode {
        self.mint(&format!("group/local/{folder}"))
    }

    /// The IRI of a meeting series (all meetings of one group).
    pub fn series(&self, group: &NamedNode) -> NamedNode {
        // The group's path after the base, under `series/` instead.
        NamedNode::new_unchecked(format!("{}series/{}", self.base, self.group_path(group)))
    }

    /// The IRI of a graph govgraph derives across documents (`derived`,
    /// `suggestions`).
    pub fn graph(&self, name: &str) -> NamedNode {
        self.mint(&format!("graph/{name}"))
    }

    /// The graph of the facts derived from one group's meetings.
    pub fn derived_graph(&self, group: &NamedNode) -> NamedNode {
        NamedNode::new_unchecked(format!(
            "{}{}",
            self.derived_group_graphs(),
            self.group_path(group)
        ))
    }

    /// What the name of every group's derived graph starts with.
    pub fn derived_group_graphs(&self) -> String {
        format!("{}graph/derived/group/", self.base)
    }

    /// The IRI of the thread of one group's actions with the same key: a
    /// hash of the key, which is as long as the action's text.
    pub fn action_thread(&self, group: &NamedNode, key: &str) -> NamedNode {
        NamedNode::new_unchecked(format!(
            "{}thread/{}/{}",
            self.base,
            self.group_path(group),
            short_hash(key)
        ))
    }

    /// The IRI of one GitHub item's history in one group's meetings: a
    /// hash of the item's identifier (`owner/repo#N`), whose `#` and `/`
    /// would otherwise need escaping.
    pub fn item_history(&self, group: &NamedNode, item: &str) -> NamedNode {
        NamedNode::new_unchecked(format!(
            "{}history/{}/{}",
            self.base,
            self.group_path(group),
            short_hash(item)
        ))
    }

    /// The IRI of one entry of an item's history: what one statement of a
    /// meeting (`key` names it: kind, statement and text) said about it.
    pub fn history_entry(&self, history: &NamedNode, key: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}/{}", history.as_str(), short_hash(key)))
    }

    /// The IRI of one person's participation in one group's meetings.
    pub fn participation(&self, group: &NamedNode, person: &NamedNode) -> NamedNode {
        let person = match person
            .as_str()
            .strip_prefix(&self.base)
            .and_then(|p| p.strip_prefix("person/"))
        {
            Some(p) => p.to_owned(),
            None => format!("other/{}", short_hash(person.as_str())),
        };
        NamedNode::new_unchecked(format!(
            "{}participation/{}/{person}",
            self.base,
            self.group_path(group)
        ))
    }

    /// A group's path after `group/` (already encoded); for a group minted
    /// under another base (a store ingested with two), a hash of its IRI,
    /// so that two such groups never share derived facts.
    fn group_path(&self, group: &NamedNode) -> String {
        match group
            .as_str()
            .strip_prefix(&self.base)
            .and_then(|p| p.strip_prefix("group/"))
        {
            Some(p) => p.to_owned(),
            None => format!("other/{}", short_hash(group.as_str())),
        }
    }

    /// The IRI of an identity suggestion.
    pub fn suggestion(&self, rare: &str, common: &str) -> NamedNode {
        self.mint(&format!("suggestion/{rare}/{common}"))
    }

    /// The IRI of an organisation (a GitHub owner).
    pub fn organisation(&self, owner: &str) -> NamedNode {
        self.mint(&format!("org/{owner}"))
    }
}

/// Percent-encodes what an IRI path may not hold, keeping `/`.
pub fn encode_path(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric()
            || matches!(
                c,
                '-' | '.'
                    | '_'
                    | '~'
                    | '/'
                    | '+'
                    | '@'
                    | '!'
                    | '$'
                    | '\''
                    | '*'
                    | ','
                    | ';'
                    | '='
                    | ':'
            )
        {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// The first 16 hex digits of the SHA-256 of `s`: short, stable, and
/// unlikely to collide among the keys of one group.
fn short_hash(s: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(s.as_bytes())[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The IRI of a GitHub repository.
pub fn repo_iri(repo: &Repo) -> NamedNode {
    NamedNode::new_unchecked(format!(
        "https://github.com/{}/{}",
        encode_path(&repo.owner),
        encode_path(&repo.name)
    ))
}

/// The IRI of a GitHub issue, pull request or discussion. Issues and pull
/// requests share one number space and GitHub redirects between their
/// URLs, so both are named by the `/issues/` URL.
pub fn item_iri(item: &ItemRef) -> NamedNode {
    let kind = if item.kind == ItemKind::Discussion {
        "discussions"
    } else {
        "issues"
    };
    NamedNode::new_unchecked(format!(
        "{}/{kind}/{}",
        repo_iri(&item.repo).as_str(),
        item.number
    ))
}

/// The IRI of a GitHub account.
pub fn account_iri(login: &str) -> NamedNode {
    NamedNode::new_unchecked(format!(
        "https://github.com/{}",
        encode_path(&login.to_lowercase())
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iris_are_encoded_and_stable() {
        let i = Iris::new("https://example.org/id/").unwrap();
        assert_eq!(
            i.meeting("a/b/meetings/2023-08-03.md").as_str(),
            "https://example.org/id/meeting/a/b/meetings/2023-08-03"
        );
        assert_eq!(
            i.person(&PersonKey::Name("ulises gascón".into())).as_str(),
            "https://example.org/id/person/name/ulises-gasc%C3%B3n"
        );
        assert!(Iris::new("not an iri/").is_err());
        assert!(Iris::new("https://example.org/id").is_err());
    }
}
