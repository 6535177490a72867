//! The meeting's attendees, indexed for naming owners.
//!
//! An owner written in the minutes (`@handle`, a full name, a first name,
//! initials, a near miss of a first name) resolves to an attendee of the
//! meeting; the assignee is then the attendee's login when the minutes give
//! one, else the name as written. `we`, `All:`, `SC:`, `the council` are the
//! group.

use super::assignees::is_group_subject;
use crate::model::Attendee;
use crate::text::{edit_distance, fold};
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;
/// An owner of an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    /// The login (lower-case) of the attendee when the minutes give one,
    /// else the name as written; `group` for the group.
    pub assignee: String,
    /// As written in the minutes.
    pub written: String,
    /// The attendee it resolved to (their login, else their listed name).
    pub attendee: Option<String>,
}

impl Owner {
    /// The group as a whole.
    pub fn group(written: &str) -> Self {
        Owner {
            assignee: "group".into(),
            written: written.into(),
            attendee: None,
        }
    }
}

/// The attendees of one meeting, indexed for resolving owners.
#[derive(Debug, Clone, Default)]
pub struct People {
    /// Attendee key (login, else name) → their login, if any.
    logins: HashMap<String, Option<String>>,
    handles: HashMap<String, String>,
    full_names: HashMap<String, String>,
    first_names: HashMap<String, Vec<String>>,
    /// Capitalised words the document writes in the middle of a sentence:
    /// proper nouns, as opposed to words capitalised only because they open
    /// a sentence (`Try to …`, `Defer to …`).
    proper_nouns: HashSet<String>,
    /// Initials of attendees' names (`bc` for Ben Coe).
    initials: HashMap<String, Vec<String>>,
}

/// Adds `key` to the list under `k` once (a set kept in insertion order;
/// `seen` makes it linear for meetings of thousands of attendees).
fn add_once(
    map: &mut HashMap<String, Vec<String>>,
    seen: &mut HashSet<(String, String)>,
    k: String,
    key: &str,
) {
    if seen.insert((k.clone(), key.to_owned())) {
        map.entry(k).or_default().push(key.to_owned());
    }
}

impl People {
    /// Indexes a meeting's attendees.
    pub fn new(attendees: &[Attendee]) -> Self {
        let mut p = People::default();
        let mut seen = HashSet::new();
        for a in attendees {
            let login = a.handle.as_ref().map(|h| h.to_lowercase());
            let key = login.clone().or_else(|| a.name.clone()).unwrap_or_default();
            p.logins.insert(key.clone(), login.clone());
            if let Some(h) = &login {
                p.handles.insert(h.clone(), key.clone());
            }
            if let Some(n) = &a.name {
                p.full_names.insert(fold(n), key.clone());
                // Speakers are often noted by initials (`BC: will …`).
                let words: Vec<&str> = n
                    .split_whitespace()
                    .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .collect();
                if words.len() >= 2 {
                    let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
                    let edge: String = [words[0], words[words.len() - 1]]
                        .iter()
                        .filter_map(|w| w.chars().next())
                        .collect();
                    for i in [initials, edge] {
                        add_once(&mut p.initials, &mut seen, i.to_lowercase(), &key);
                    }
                }
                if let Some(first) = fold(n).split(' ').next() {
                    add_once(&mut p.first_names, &mut seen, first.to_owned(), &key);
                }
            }
        }
        // A role stated in the list (`Wes Todd (@wesleytodd) - Chair`) is
        // how the notes may refer to them (`The Chair will …`, `Chair to
        // …`), when one attendee holds it: five directors are not `the
        // director`.
        let mut holders: HashMap<String, Vec<String>> = HashMap::new();
        for a in attendees {
            if let Some(role) = &a.role {
                let key = a
                    .handle
                    .as_ref()
                    .map(|h| h.to_lowercase())
                    .or_else(|| a.name.clone())
                    .unwrap_or_default();
                let v = holders.entry(fold(role)).or_default();
                if !v.contains(&key) {
                    v.push(key);
                }
            }
        }
        for (role, keys) in holders {
            if let [key] = keys.as_slice() {
                p.full_names
                    .entry(role.clone())
                    .or_insert_with(|| key.clone());
                p.full_names.insert(format!("the {role}"), key.clone());
            }
        }
        p
    }

    /// Learns which capitalised words of `text` are proper nouns: those
    /// written after a lower-case word, a comma or a slash.
    pub fn with_text(mut self, text: &str) -> Self {
        static MID: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?:\p{Ll}[\p{L}'’]*[ \t]+|,[ \t]*|/|\(|&[ \t]*)(\p{Lu}[\p{L}'’-]+)")
                .unwrap()
        });
        self.proper_nouns
            .extend(MID.captures_iter(text).map(|c| c[1].to_lowercase()));
        self
    }

    /// The attendee a subject names, if exactly one: by handle, full name,
    /// first name, then loosely (a first name that is a prefix of another,
    /// `Glen` for `Glenn`, or one letter off, `Dominikas` for `Dominykas`).
    pub fn lookup(&self, subject: &str) -> Option<&String> {
        let f = fold(subject.trim().trim_start_matches('@'));
        if let Some(k) = self.handles.get(&f).or_else(|| self.full_names.get(&f)) {
            return Some(k);
        }
        let first = f.split(' ').next()?;
        if let Some(v) = self.first_names.get(first) {
            return (v.len() == 1).then(|| &v[0]);
        }
        // `BC`: initials written in capitals, unique in the meeting.
        let raw = subject.trim();
        if (2..=3).contains(&raw.len()) && raw.chars().all(|c| c.is_ascii_uppercase()) {
            return self
                .initials
                .get(&f)
                .filter(|v| v.len() == 1)
                .map(|v| &v[0]);
        }
        if first.chars().count() < 3 {
            return None;
        }
        let mut near = self.first_names.iter().filter(|(name, v)| {
            v.len() == 1
                && ((name.starts_with(first) || first.starts_with(name.as_str()))
                    && name.len().min(first.len()) >= 3
                    || (first.chars().count() >= 5 && edit_distance(name, first) <= 1))
        });
        match (near.next(), near.next()) {
            (Some((_, v)), None) => Some(&v[0]),
            _ => None,
        }
    }

    /// The owner a subject as written names.
    pub fn resolve(&self, subject: &str) -> Owner {
        let s = subject.trim();
        if is_group_subject(s.trim_start_matches('@')) || s.contains('/') && s.starts_with('@') {
            // `@org/team` is a GitHub team and `@everyone` everybody: the
            // group, not a person.
            return Owner::group(s);
        }
        if let Some(k) = self.lookup(s) {
            let login = self.logins.get(k).cloned().flatten();
            return Owner {
                assignee: login.unwrap_or_else(|| s.trim_start_matches('@').to_owned()),
                written: s.to_owned(),
                attendee: Some(k.clone()),
            };
        }
        Owner {
            assignee: match s.strip_prefix('@') {
                Some(h) => h.to_lowercase(),
                None => s.to_owned(),
            },
            written: s.to_owned(),
            attendee: None,
        }
    }

    /// Whether `word` is written as a proper noun in the document.
    pub(super) fn proper_noun(&self, word: &str) -> bool {
        // `OpenJS`, `HackerOne`: a capital inside the word marks a name too.
        let camel =
            word.chars().skip(1).any(char::is_uppercase) && word.chars().any(char::is_lowercase);
        camel || self.proper_nouns.contains(&word.to_lowercase())
    }

    /// The attendees a first name could mean, when it could mean several.
    pub fn candidates(&self, subject: &str) -> Vec<String> {
        let f = fold(subject.trim().trim_start_matches('@'));
        if self.handles.contains_key(&f) || self.full_names.contains_key(&f) {
            return Vec::new();
        }
        f.split(' ')
            .next()
            .and_then(|first| self.first_names.get(first))
            .filter(|v| v.len() > 1)
            .cloned()
            .unwrap_or_default()
    }

    /// Whether a subject names exactly one attendee.
    pub fn knows(&self, subject: &str) -> bool {
        self.lookup(subject).is_some()
    }

    /// Whether the meeting lists no one.
    pub fn is_empty(&self) -> bool {
        self.logins.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attendee(name: &str, role: Option<&str>) -> Attendee {
        Attendee {
            name: Some(name.to_owned()),
            handle: None,
            role: role.map(str::to_owned),
            affiliation: None,
            line: 1,
        }
    }

    /// Issue 10: an office names its holder only when one attendee holds
    /// it (`The chair will …`); five directors are not `the director`.
    #[test]
    fn an_office_held_by_one_attendee_names_them() {
        let p = People::new(&[
            attendee("Ana Ortiz", Some("Chair")),
            attendee("Bo Chen", Some("director")),
            attendee("Cy Dunn", Some("director")),
        ]);
        assert_eq!(
            p.resolve("The chair").attendee.as_deref(),
            Some("Ana Ortiz")
        );
        assert_eq!(p.resolve("Chair").attendee.as_deref(), Some("Ana Ortiz"));
        assert_eq!(p.resolve("the director").attendee, None);
    }
}
