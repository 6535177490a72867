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
use crate::text::edit_distance;
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

pub use crate::text::name_key;

/// What the batch says about who is who.
#[derive(Debug, Clone, Default)]
pub struct Identities {
    logins_by_name: BTreeMap<String, BTreeSet<String>>,
    aliases: Aliases,
}

/// Identity rules a user declares, applied on ingest.
///
/// The file has one rule per line; `#` starts a comment. Bare words are
/// GitHub logins (a leading `@` is ignored), double-quoted words are names:
///
/// ```text
/// # these are one person; the first is the canonical login or name
/// same mhdawson mhdawsson "Michael Dawsson"
/// # this name, written without a handle, is not this login
/// apart "Sam Roberts" sroberts
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Aliases {
    same: BTreeMap<PersonKey, PersonKey>,
    apart: BTreeSet<(String, String)>,
}

impl Aliases {
    /// Parses an aliases file.
    ///
    /// # Errors
    ///
    /// Fails with the line number and what is wrong when a line is not a
    /// `same` or `apart` rule of the right shape.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut a = Aliases::default();
        for (n, line) in text.lines().enumerate() {
            let words = tokens(line).map_err(|e| format!("line {}: {e}", n + 1))?;
            if words.is_empty() {
                continue;
            }
            match words.split_first() {
                Some((Token::Word(cmd), rest)) if cmd == "same" && rest.len() >= 2 => {
                    // Rules chain: `same a b` and `same b c` make one person,
                    // named by the first canonical seen.
                    let keys: Vec<PersonKey> = rest.iter().map(Token::key).collect();
                    let canonical = keys
                        .iter()
                        .find_map(|k| a.same.get(k).cloned())
                        .unwrap_or_else(|| keys[0].clone());
                    let merged: Vec<PersonKey> = a
                        .same
                        .iter()
                        .filter(|(_, c)| keys.contains(c) && **c != canonical)
                        .map(|(k, _)| k.clone())
                        .collect();
                    for k in merged.into_iter().chain(keys.iter().cloned()) {
                        if k != canonical {
                            a.same.insert(k, canonical.clone());
                        }
                    }
                    for c in a.same.values_mut() {
                        if keys.contains(c) {
                            *c = canonical.clone();
                        }
                    }
                }
                Some((Token::Word(cmd), [Token::Name(name), Token::Word(login)]))
                    if cmd == "apart" =>
                {
                    a.apart
                        .insert((name_key(name), login.trim_start_matches('@').to_lowercase()));
                }
                _ => {
                    return Err(format!(
                        "line {}: expected `same LOGIN_OR_\"NAME\" LOGIN_OR_\"NAME\"...` or `apart \"NAME\" LOGIN`",
                        n + 1
                    ));
                }
            }
        }
        Ok(a)
    }

    /// How many rules there are.
    pub fn len(&self) -> usize {
        self.same.len() + self.apart.len()
    }

    /// Whether there are no rules.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The rules in a canonical text, one per line and sorted: what they
    /// mean, not how the file or this type spells them. Stored documents
    /// record a hash of it, so changing the rules maps them again while a
    /// refactoring of this type does not.
    pub fn canonical(&self) -> String {
        let key = |k: &PersonKey| match k {
            PersonKey::Login(l) => format!("login:{l}"),
            PersonKey::Name(n) => format!("name:{n}"),
        };
        let mut lines: Vec<String> = self
            .same
            .iter()
            .map(|(k, c)| format!("same {} {}", key(c), key(k)))
            .chain(
                self.apart
                    .iter()
                    .map(|(n, l)| format!("apart name:{n} login:{l}")),
            )
            .collect();
        lines.sort();
        lines.join("\n")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word(String),
    Name(String),
}

impl Token {
    fn key(&self) -> PersonKey {
        match self {
            Token::Word(w) => PersonKey::Login(w.trim_start_matches('@').to_lowercase()),
            Token::Name(n) => PersonKey::Name(name_key(n)),
        }
    }
}

fn tokens(line: &str) -> Result<Vec<Token>, String> {
    let mut out = Vec::new();
    let mut rest = line.trim();
    // `#` starts a comment, except inside a quoted name (`"C# Dev"`).
    while !rest.is_empty() && !rest.starts_with('#') {
        if let Some(r) = rest.strip_prefix('"') {
            let end = r.find('"').ok_or("a name's closing quote is missing")?;
            out.push(Token::Name(r[..end].to_owned()));
            rest = r[end + 1..].trim_start();
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            out.push(Token::Word(rest[..end].to_owned()));
            rest = rest[end..].trim_start();
        }
    }
    Ok(out)
}

impl Identities {
    /// Learns the name–login pairs of a set of documents.
    pub fn learn<'a>(docs: impl IntoIterator<Item = &'a Minutes>) -> Self {
        let mut ids = Identities::default();
        for m in docs {
            ids.learn_from(m);
        }
        ids
    }

    /// Records the names and handles one document's attendance writes
    /// together, as [`Identities::learn`] does for many.
    pub fn learn_from(&mut self, m: &Minutes) {
        for a in m.attendees() {
            if let (Some(name), Some(handle)) = (&a.name, &a.handle) {
                self.add(name, handle);
            }
        }
    }

    /// Applies user-declared rules (see [`Aliases`]).
    pub fn with_aliases(mut self, aliases: Aliases) -> Self {
        self.aliases = aliases;
        self
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
        let raw = if let Some(h) = handle.filter(|h| !h.is_empty()) {
            PersonKey::Login(h.to_lowercase())
        } else {
            let k = name_key(name?);
            if k.is_empty() {
                return None;
            }
            let logins: Vec<&String> = self
                .logins_by_name
                .get(&k)
                .map(|l| {
                    l.iter()
                        .filter(|l| !self.aliases.apart.contains(&(k.clone(), (*l).clone())))
                        .collect()
                })
                .unwrap_or_default();
            // The same login under several spellings (a typo declared the
            // same person) still counts as one.
            let canonical: BTreeSet<PersonKey> = logins
                .iter()
                .map(|l| self.canonical(PersonKey::Login((*l).clone())))
                .collect();
            match canonical.len() {
                1 => canonical.into_iter().next().unwrap(),
                _ => PersonKey::Name(k),
            }
        };
        Some(self.canonical(raw))
    }

    fn canonical(&self, k: PersonKey) -> PersonKey {
        self.aliases.same.get(&k).cloned().unwrap_or(k)
    }

    /// Whether a declared rule says these two logins are one person.
    pub fn declared_same(&self, a: &str, b: &str) -> bool {
        self.canonical(PersonKey::Login(a.to_lowercase()))
            == self.canonical(PersonKey::Login(b.to_lowercase()))
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

/// A likely typo in a GitHub login: a rare login close to a common one
/// written for the same person. Suggestions are never applied: they are
/// reported, and an aliases file makes them facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The rare spelling, lower-case.
    pub rare: String,
    /// The common spelling it resembles, lower-case.
    pub common: String,
    /// Their edit distance.
    pub distance: usize,
    /// How often each was seen.
    pub counts: (usize, usize),
    /// Why they look like one person.
    pub reason: String,
}

/// Finds logins that are probably typos of others, from `(login, name)`
/// occurrences (one per attendance line).
///
/// A login is suspect when a login seen at least twice as often is within
/// one edit (two for logins of eight letters or more) and the names written
/// with them agree (same normalised name or first name), or the distance is
/// a single edit of a long login.
pub fn suggestions<'a>(
    occurrences: impl IntoIterator<Item = (&'a str, Option<&'a str>)>,
) -> Vec<Suggestion> {
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    let mut names: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (login, name) in occurrences {
        let l = login.to_lowercase();
        *count.entry(l.clone()).or_default() += 1;
        if let Some(n) = name.map(name_key).filter(|n| !n.is_empty()) {
            names.entry(l).or_default().insert(n);
        }
    }
    let first_names = |l: &str| -> BTreeSet<String> {
        names
            .get(l)
            .map(|s| {
                s.iter()
                    .filter_map(|n| n.split(' ').next().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    // A login resembles only one seen at least twice as often: with the
    // logins sorted by count, those are a prefix, so a batch of logins
    // seen once each (a meeting of twenty thousand people) costs no
    // comparison at all instead of one per pair. Equal counts stay in
    // alphabetical order, the order ties were always broken in.
    let mut by_count: Vec<(&String, usize)> = count.iter().map(|(l, &c)| (l, c)).collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let mut out = Vec::new();
    for (rare, &rc) in &count {
        if rare.len() < 4 {
            continue;
        }
        let often = by_count.partition_point(|&(_, c)| c >= 2 * rc);
        let mut best: Option<Suggestion> = None;
        for &(common, cc) in &by_count[..often] {
            let max = if rare.len() >= 8 { 2 } else { 1 };
            let d = edit_distance(rare, common);
            if d == 0 || d > max {
                continue;
            }
            let same_name = names
                .get(rare)
                .zip(names.get(common))
                .is_some_and(|(a, b)| !a.is_disjoint(b));
            let same_first = !first_names(rare).is_disjoint(&first_names(common));
            let reason = if same_name {
                "written with the same name".to_owned()
            } else if same_first {
                "written with the same first name".to_owned()
            } else if d == 1
                && rare.len() >= 6
                && (!names.contains_key(rare) || !names.contains_key(common))
            {
                // Names that disagree mean two people; without a name on one
                // side, one letter is all there is to go on.
                "one letter apart".to_owned()
            } else {
                continue;
            };
            if best.as_ref().is_none_or(|b| {
                (d, std::cmp::Reverse(cc)) < (b.distance, std::cmp::Reverse(b.counts.1))
            }) {
                best = Some(Suggestion {
                    rare: rare.clone(),
                    common: common.clone(),
                    distance: d,
                    counts: (rc, cc),
                    reason,
                });
            }
        }
        out.extend(best);
    }
    out
}

#[cfg(test)]
mod suggestion_tests {
    use super::*;

    #[test]
    fn typos_of_common_logins_are_suggested_with_a_reason() {
        let mut occ = vec![("mhdawson", Some("Michael Dawson")); 9];
        occ.push(("mhdawsson", Some("Michael Dawson")));
        occ.extend([("richardlau", Some("Richard Lau")); 4]);
        occ.push(("richadlau", Some("Richard Lau")));
        // Distinct people with close logins and different names: not suggested.
        occ.extend([("jasnell", Some("James Snell")); 5]);
        occ.push(("jsnell", Some("Jo Snell")));
        let s = suggestions(occ);
        let pairs: Vec<(&str, &str)> = s
            .iter()
            .map(|s| (s.rare.as_str(), s.common.as_str()))
            .collect();
        assert_eq!(
            pairs,
            vec![("mhdawsson", "mhdawson"), ("richadlau", "richardlau")]
        );
        assert_eq!(s[0].reason, "written with the same name");
        assert_eq!(s[0].counts, (1, 9));
    }
}

#[cfg(test)]
mod alias_tests {
    use super::*;

    #[test]
    fn same_and_apart_rules_apply() {
        let aliases = Aliases::parse(
            "# comment\nsame mhdawson @mhdawsson \"Michael Dawsson\"  # typo\napart \"Sam Roberts\" sroberts\nsame mhdawsson mdawson\nsame cdev \"C# Dev\"\n",
        )
        .unwrap();
        assert_eq!(aliases.len(), 5);
        let mut ids = Identities::default().with_aliases(aliases);
        ids.add("Sam Roberts", "sam-github");
        ids.add("Sam Roberts", "sroberts");
        let login = |l: &str| Some(PersonKey::Login(l.into()));
        assert_eq!(ids.key(None, Some("MhDawsson")), login("mhdawson"));
        assert_eq!(ids.key(Some("Michael Dawsson"), None), login("mhdawson"));
        assert_eq!(ids.key(Some("Sam Roberts"), None), login("sam-github"));
        assert!(ids.declared_same("mhdawsson", "MHDAWSON"));
        // Chained through `mhdawsson`, and a `#` inside quotes is no comment.
        assert_eq!(ids.key(None, Some("mdawson")), login("mhdawson"));
        assert_eq!(ids.key(Some("C# Dev"), None), login("cdev"));
    }

    /// Issue 15: the stored version hashed the rules' debug form, so a
    /// refactoring of the type would have re-ingested every document.
    #[test]
    fn the_canonical_text_depends_on_meaning_only() {
        let a =
            Aliases::parse("same mhdawson @MhDawsson\napart \"Sam Roberts\" sroberts\n").unwrap();
        let b = Aliases::parse("# reordered, other spelling\napart \"sam  roberts\" @SRoberts\nsame mhdawson mhdawsson # typo\n").unwrap();
        assert_eq!(a.canonical(), b.canonical());
        assert_eq!(
            a.canonical(),
            "apart name:sam roberts login:sroberts\nsame login:mhdawson login:mhdawsson"
        );
        let c = Aliases::parse("same mhdawson mdawson\n").unwrap();
        assert_ne!(a.canonical(), c.canonical());
    }

    #[test]
    fn bad_rules_say_where() {
        assert_eq!(
            Aliases::parse("same a b\nmerge x y\n")
                .unwrap_err()
                .split(':')
                .next(),
            Some("line 2")
        );
        assert!(
            Aliases::parse("same \"Open quote b")
                .unwrap_err()
                .contains("quote")
        );
    }
}
