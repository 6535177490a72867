//! What the classifier sees of a sentence or bullet: features from its
//! text and from its place in the document.
//!
//! Features are named strings, so the weights file reads as a list of
//! reasons (`sm:name_will 1.8`: a name followed by `will`). Four kinds:
//!
//! - **place**: whether the block is an entry of a list of decisions or
//!   actions, details an action item, or is a task box;
//! - **form**: a label (`Action:`, `Decision:`), a speaker's or owner's
//!   prefix (`Emma: …`), who the subject is (an attendee, a name, the group,
//!   a pronoun, a thing) and the modal or verb form that follows it
//!   (`sm:attendee_will`, `sv:group_ed`), a question, a negation, and the
//!   cues of [`super::cues`];
//! - **word classes** (`c:conclude`, `c:commit`, `c:hedge`…): a few closed
//!   sets of words that mean the same to the classifier;
//! - **words**: word stems (`w:decid`) and the first word (`w0:`). Names
//!   of attendees and of anyone else, handles and numbers are replaced by
//!   placeholders, so no feature names a person.
//!
//! Features that describe a minute-taker's style rather than what a
//! sentence says (the heading's words, the sentence's length and place in
//! its bullet, pairs of words, links) were tried and left out: the
//! leave-one-family-out table showed them learning one family's habits at
//! the expense of the others.
//!
//! The same function builds the features when the parser classifies and
//! when the trainer learns, so the two cannot drift apart.

use super::BlockContext;
use super::assignees::{People, is_group_subject, name_shaped};
use crate::parse::blocks::Kind;
use crate::parse::sections::StatementSection;
use regex::Regex;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// One sentence or bullet to classify, with its place.
#[derive(Debug, Clone)]
pub struct Unit<'a> {
    /// Its text.
    pub text: &'a str,
    /// The kind of block it comes from.
    pub kind: Kind,
    /// Where the block sits.
    pub cx: &'a BlockContext,
    /// Its position among the sentences of its block (0-based), and how
    /// many there are.
    pub index: usize,
    /// How many units the block has.
    pub count: usize,
}

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"@[A-Za-z0-9][A-Za-z0-9-]*|[\p{L}\p{N}]+(?:['’][\p{L}]+)?").unwrap()
});

/// `Decision: …`, `Resolved: …`, `Agreed - …`: a conclusion by the
/// minute-taker's own mark.
pub(super) static DECISION_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    // `Decision to defer PEP 661`: the noun with what was decided is a
    // label too (`Motion to …` is not: a motion is a proposal).
    Regex::new(r"(?i)^\W*(?:(?:decision|decided|resolution|resolved|agreed|agreement|outcome|conclusion|consensus|vote|motion|verdict)s?\W*?[:\-–]\s*\S|decision\s+to\s+\p{L})").unwrap()
});

static LABEL_SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W*(?P<who>@[A-Za-z0-9][A-Za-z0-9-]*|[\p{L}][\p{L}'’.-]*(?:\s[\p{Lu}][\p{L}'’.-]*)?)\s*:\s*\S")
        .unwrap()
});

/// Modal words and the verbs that work like them after a subject.
const MODALS: &[&str] = &[
    "will", "ll", "shall", "would", "should", "could", "can", "may", "might", "must", "to", "need",
    "needs", "going", "plan", "plans", "want", "wants", "agreed", "agree", "decided",
];

/// Word classes: a few closed sets of words that carry the same meaning
/// for the classifier, so that evidence pools across the families that
/// write `agreed`, `approved` or `accepted`. Each word counts for its class
/// as well as for itself; the classifier weighs both.
const CLASSES: &[(&str, &[&str])] = &[
    (
        "conclude",
        &[
            "agre",
            "agreement",
            "decid",
            "decis",
            "approv",
            "accept",
            "adopt",
            "consensus",
            "resolv",
            "resolut",
            "reject",
            "vote",
            "unanim",
            "settl",
            "conclud",
            "conclus",
            "determin",
            "confirm",
            "ratifi",
            "endors",
            "object",
        ],
    ),
    (
        "commit",
        &[
            "will", "shall", "go", "volunt", "follow", "take", "own", "promis", "assign",
        ],
    ),
    (
        "hedge",
        &[
            "should", "could", "might", "may", "mayb", "perhap", "propos", "suggest", "consid",
            "possibl", "idea", "hope", "like", "want",
        ],
    ),
    (
        "report",
        &[
            "discuss", "present", "review", "talk", "share", "report", "mention", "updat", "gave",
            "walk", "demo", "explain", "note", "ask", "question",
        ],
    ),
    (
        "need",
        &["need", "requir", "must", "todo", "pend", "necessari"],
    ),
    (
        "defer",
        &[
            "defer", "postpon", "tabl", "wait", "revisit", "later", "delay",
        ],
    ),
];

/// A word as a feature: placeholders for handles, numbers and the names
/// of attendees and of anyone else; else its lower-case stem.
fn normalise(word: &str, people: &People) -> String {
    if word.starts_with('@') {
        return "<handle>".into();
    }
    if word.chars().all(|c| c.is_ascii_digit()) {
        return "<num>".into();
    }
    if word.chars().next().is_some_and(char::is_uppercase) {
        if people.knows(word) {
            return "<person>".into();
        }
        if name_shaped(word) && !word.chars().skip(1).any(char::is_uppercase) {
            return "<name>".into();
        }
    }
    let lower = word.to_lowercase().replace('’', "'");
    STEMMER.stem(&lower).into_owned()
}

/// The features of a unit.
pub fn features(u: &Unit<'_>, people: &People) -> BTreeSet<String> {
    let mut f = BTreeSet::new();
    place(u, &mut f);
    form(u.text, &mut f, people);
    words(u.text, &mut f, people);
    f
}

fn place(u: &Unit<'_>, f: &mut BTreeSet<String>) {
    let mut add = |s: &str| {
        f.insert(s.to_owned());
    };
    if let Kind::Item {
        checked: Some(done),
        ..
    } = u.kind
    {
        add(if done { "box:done" } else { "box:open" });
    }
    match u.cx.in_list_of {
        Some(StatementSection::Actions) => add("list:actions"),
        Some(StatementSection::Decisions) => add("list:decisions"),
        None => {}
    }
    if u.cx.detail_of_action {
        add("detail");
    }
}

fn form(text: &str, f: &mut BTreeSet<String>, people: &People) {
    let t = text.trim();
    let mut add = |s: String| {
        f.insert(s);
    };
    if super::assignees::ACTION_LABEL.is_match(t) {
        add("lab:action".into());
    }
    if DECISION_LABEL.is_match(t) {
        add("lab:decision".into());
    }
    if t.ends_with('?') {
        add("q".into());
    }
    if t.ends_with(':') {
        add("colon_end".into());
    }
    let words: Vec<&str> = TOKEN.find_iter(t).map(|m| m.as_str()).collect();
    if words.iter().any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "not" | "no" | "never" | "don't" | "won't" | "can't" | "isn't" | "didn't" | "nothing"
        ) || w.ends_with("n't")
    }) {
        add("neg".into());
    }
    // A speaker's or owner's prefix: `Emma: …`, `@x: …`, `SC: …`.
    let mut rest = t;
    if let Some(c) = LABEL_SPEAKER.captures(t) {
        let who = &c["who"];
        if !DECISION_LABEL.is_match(t) && !super::assignees::ACTION_LABEL.is_match(t) {
            add(format!("spk:{}", subject_class(who, people)));
            rest = &t[c.name("who").unwrap().end()..];
            rest = rest.trim_start_matches([':', ' ']);
        }
    }
    subject_and_verb(rest, f, people);
    for c in super::cues::cues(t, people) {
        f.insert(c.to_owned());
    }
}

/// Who a subject phrase is: `handle`, `attendee`, `group`, `we`, `pron`,
/// `thing`, `name`, or `other`.
fn subject_class(s: &str, people: &People) -> &'static str {
    let s = s.trim();
    let lower = s.to_lowercase();
    if s.starts_with('@') {
        "handle"
    } else if matches!(lower.as_str(), "we" | "us" | "our team") {
        "we"
    } else if is_group_subject(s) {
        "group"
    } else if people.knows(s) {
        "attendee"
    } else if matches!(lower.as_str(), "he" | "she" | "they" | "i" | "you") {
        "pron"
    } else if matches!(
        lower.as_str(),
        "it" | "this" | "that" | "there" | "these" | "those" | "which"
    ) {
        "thing"
    } else if s
        .split_whitespace()
        .all(|w| name_shaped(w) || w.eq_ignore_ascii_case("and"))
    {
        "name"
    } else {
        "other"
    }
}

/// The sentence's subject (the words before its first modal, or its
/// leading noun phrase) and what follows it: `sm:<who>_<modal>` or
/// `sv:<who>_<verb form>`.
fn subject_and_verb(text: &str, f: &mut BTreeSet<String>, people: &People) {
    let words: Vec<&str> = TOKEN.find_iter(text).map(|m| m.as_str()).collect();
    let Some(first) = words.first() else {
        return;
    };
    let modal_at = words
        .iter()
        .take(7)
        .position(|w| MODALS.contains(&w.to_lowercase().as_str()));
    if let Some(m) = modal_at {
        let modal = words[m].to_lowercase();
        let modal = match modal.as_str() {
            "ll" => "will".to_owned(),
            "needs" => "need".into(),
            "plans" => "plan".into(),
            "wants" => "want".into(),
            "agree" => "agreed".into(),
            other => other.to_owned(),
        };
        let who = if m == 0 {
            "none"
        } else {
            subject_class(&words[..m].join(" "), people)
        };
        f.insert(format!("subj:{who}"));
        f.insert(format!("mod:{modal}"));
        f.insert(format!("sm:{who}_{modal}"));
        return;
    }
    // The leading noun phrase: determiners, capitalised words, handles.
    let np = words
        .iter()
        .take(4)
        .take_while(|w| {
            let l = w.to_lowercase();
            w.starts_with('@')
                || matches!(
                    l.as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "our"
                        | "and"
                        | "we"
                        | "they"
                        | "he"
                        | "she"
                        | "it"
                        | "this"
                        | "that"
                        | "there"
                        | "i"
                )
                || w.chars().next().is_some_and(char::is_uppercase)
        })
        .count();
    let who = if np == 0 {
        "none"
    } else {
        subject_class(&words[..np].join(" "), people)
    };
    let verb = words.get(np).map(|w| w.to_lowercase()).unwrap_or_default();
    let form = if verb.is_empty() {
        "end"
    } else if verb.ends_with("ed") {
        "ed"
    } else if verb.ends_with("ing") {
        "ing"
    } else if verb.ends_with('s') && verb.len() > 3 {
        "s"
    } else {
        "base"
    };
    f.insert(format!("subj:{who}"));
    f.insert(format!("sv:{who}_{form}"));
    let _ = first;
}

fn words(text: &str, f: &mut BTreeSet<String>, people: &People) {
    let toks: Vec<String> = TOKEN
        .find_iter(text)
        .map(|m| normalise(m.as_str(), people))
        .collect();
    if let Some(first) = toks.first() {
        f.insert(format!("w0:{first}"));
    }
    for t in &toks {
        f.insert(format!("w:{t}"));
        for (class, members) in CLASSES {
            if members.contains(&t.as_str()) {
                f.insert(format!("c:{class}"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feats(text: &str, cx: &BlockContext) -> BTreeSet<String> {
        let people = People::new(&[crate::model::Attendee {
            name: Some("Ana Souza".into()),
            handle: Some("anas".into()),
            role: None,
            affiliation: None,
            line: 1,
        }]);
        features(
            &Unit {
                text,
                kind: Kind::Item {
                    depth: 0,
                    checked: None,
                },
                cx,
                index: 0,
                count: 1,
            },
            &people,
        )
    }

    #[test]
    fn features_name_forms_not_people() {
        let cx = BlockContext {
            in_list_of: Some(StatementSection::Actions),
            ..Default::default()
        };
        let f = feats("Ana will ship v2 on 12 May.", &cx);
        for want in [
            "sm:attendee_will",
            "w:<person>",
            "w:<num>",
            "w:ship",
            "list:actions",
            "cue:person_commits",
            "c:commit",
        ] {
            assert!(f.contains(want), "{want} not in {f:?}");
        }
        assert!(!f.iter().any(|x| x.contains("ana")), "{f:?}");
        let f = feats("The SC decided to defer it", &cx);
        assert!(f.contains("sm:group_decided"), "{f:?}");
        let f = feats("Emma: draft the post", &cx);
        assert!(
            f.contains("spk:name") && f.contains("sv:none_base"),
            "{f:?}"
        );
        let f = feats("Barry approved the PEP.", &cx);
        assert!(
            f.contains("sv:<name>_ed") || f.contains("sv:name_ed"),
            "{f:?}"
        );
        assert!(f.contains("c:conclude") && f.contains("w:<name>"), "{f:?}");
    }
}
