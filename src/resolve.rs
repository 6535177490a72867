//! Identities: one node per human across documents.
//!
//! A person is keyed by their GitHub login, case-folded, when the minutes
//! give one; else by their normalised name (accents, case, spacing and
//! punctuation folded). A name written without a handle resolves to the
//! login that the same normalised name carries elsewhere in the batch, when
//! exactly one login does; an ambiguous name stays a name.
//!
//! `resolve` does no I/O: callers feed it the documents they have.

use crate::model::Minutes;
use crate::parse::statements::fold;
use std::collections::{BTreeMap, BTreeSet};

/// How a person is identified.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PersonKey {
    /// A GitHub login, lower-case.
    Login(String),
    /// A normalised name (no login known).
    Name(String),
}

impl PersonKey {
    /// The path segment used in the person's IRI.
    pub fn slug(&self) -> String {
        match self {
            PersonKey::Login(l) => format!("gh/{l}"),
            PersonKey::Name(n) => format!("name/{}", n.replace(' ', "-")),
        }
    }
}

/// Normalises a name for identity: folded, punctuation dropped.
pub fn name_key(name: &str) -> String {
    fold(name)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the batch says about who is who.
#[derive(Debug, Clone, Default)]
pub struct Identities {
    logins_by_name: BTreeMap<String, BTreeSet<String>>,
}

impl Identities {
    /// Learns the name–login pairs of a set of documents.
    pub fn learn<'a>(docs: impl IntoIterator<Item = &'a Minutes>) -> Self {
        let mut ids = Identities::default();
        for m in docs {
            for a in &m.attendees {
                if let (Some(name), Some(handle)) = (&a.name, &a.handle) {
                    ids.add(name, handle);
                }
            }
        }
        ids
    }

    /// Records that `name` was written with `login`.
    pub fn add(&mut self, name: &str, login: &str) {
        let k = name_key(name);
        if !k.is_empty() {
            self.logins_by_name
                .entry(k)
                .or_default()
                .insert(login.to_lowercase());
        }
    }

    /// The key of a person written with this name and handle.
    pub fn key(&self, name: Option<&str>, handle: Option<&str>) -> Option<PersonKey> {
        if let Some(h) = handle.filter(|h| !h.is_empty()) {
            return Some(PersonKey::Login(h.to_lowercase()));
        }
        let k = name_key(name?);
        if k.is_empty() {
            return None;
        }
        match self.logins_by_name.get(&k) {
            Some(logins) if logins.len() == 1 => {
                logins.iter().next().cloned().map(PersonKey::Login)
            }
            _ => Some(PersonKey::Name(k)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_resolve_to_the_one_login_they_carry() {
        let mut ids = Identities::default();
        ids.add("Ulises Gascón", "UlisesGascon");
        ids.add("ulises gascon", "ulisesgascon");
        ids.add("Sam Roberts", "sam-github");
        ids.add("Sam Roberts", "sroberts");
        assert_eq!(
            ids.key(Some("Ulises  GASCON"), None),
            Some(PersonKey::Login("ulisesgascon".into()))
        );
        assert_eq!(
            ids.key(None, Some("UlisesGascon")),
            Some(PersonKey::Login("ulisesgascon".into()))
        );
        assert_eq!(
            ids.key(Some("Sam Roberts"), None),
            Some(PersonKey::Name("sam roberts".into()))
        );
        assert_eq!(
            ids.key(Some("Edgar"), None),
            Some(PersonKey::Name("edgar".into()))
        );
        assert_eq!(ids.key(None, None), None);
    }
}
