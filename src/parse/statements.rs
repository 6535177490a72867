//! Decisions and actions in the notes.
//!
//! A block of notes is cut into sentences; each sentence is tested against
//! a small grammar:
//!
//! - a *decision* records a conclusion the group reached: a cue (`agreed`,
//!   `consensus`, `decided`, `approved`, `no objections`, `resolved`, a vote
//!   that passed or failed, removal from the agenda) that is not negated,
//!   asked, conditional or still pending (`needs approval`, `if we agree`,
//!   `no consensus yet`);
//! - an *action* is a commitment: a subject (a handle, an attendee's name,
//!   a capitalised name, or `we` for the group) followed by `will`, `to`,
//!   `is going to`, `volunteered to`...; or any line labelled `Action:`,
//!   `AI:`, `TODO:`, or an unticked task box; or an item of an
//!   `Action items` / `Next steps` list. Past work, `will be` statements,
//!   wishes and standing agenda check boxes are not actions.
//!
//! Assignees resolve to attendees of the same meeting: `@handle`, a full
//! name or an unambiguous first name give the lower-cased login; an unknown
//! name is kept as written; `we` is the group.

use super::blocks::{Block, Kind};
use super::refs;
use crate::model::{ActionStatus, Attendee, ItemRef, Lines, Repo};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// A decision found in a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDecision {
    /// The sentence as written.
    pub text: String,
    /// A GitHub item named in the sentence.
    pub about: Option<ItemRef>,
    /// Source lines.
    pub lines: Lines,
}

/// An action found in a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundAction {
    /// Resolved assignee (login, name or `group`).
    pub assignee: String,
    /// The assignee as written.
    pub assignee_as_written: String,
    /// The sentence or bullet as written.
    pub text: String,
    /// Open or done.
    pub status: ActionStatus,
    /// A GitHub item named in the sentence.
    pub about: Option<ItemRef>,
    /// Source lines.
    pub lines: Lines,
}

/// What one block holds.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// Decisions.
    pub decisions: Vec<FoundDecision>,
    /// Actions.
    pub actions: Vec<FoundAction>,
}

/// The attendees of one meeting, indexed for resolving assignees.
pub struct People {
    handles: HashMap<String, String>,
    full_names: HashMap<String, String>,
    first_names: HashMap<String, Vec<String>>,
}

/// Folds a name for comparison: accents removed, case folded, spaces single.
pub fn fold(s: &str) -> String {
    s.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl People {
    /// Indexes a meeting's attendees.
    pub fn new(attendees: &[Attendee]) -> Self {
        let mut p = People {
            handles: HashMap::new(),
            full_names: HashMap::new(),
            first_names: HashMap::new(),
        };
        for a in attendees {
            let key = a
                .handle
                .as_ref()
                .map(|h| h.to_lowercase())
                .or_else(|| a.name.clone())
                .unwrap_or_default();
            if let Some(h) = &a.handle {
                p.handles.insert(h.to_lowercase(), key.clone());
            }
            if let Some(n) = &a.name {
                p.full_names.insert(fold(n), key.clone());
                if let Some(first) = fold(n).split(' ').next() {
                    let v = p.first_names.entry(first.to_owned()).or_default();
                    if !v.contains(&key) {
                        v.push(key.clone());
                    }
                }
            }
        }
        p
    }

    /// The assignee key for a subject as written, if it names someone.
    fn resolve(&self, subject: &str) -> String {
        let s = subject.trim().trim_start_matches('@');
        let f = fold(s);
        if let Some(k) = self.handles.get(&f) {
            return k.clone();
        }
        if let Some(k) = self.full_names.get(&f) {
            return k.clone();
        }
        if let Some(first) = f.split(' ').next()
            && let Some(v) = self.first_names.get(first)
            && v.len() == 1
        {
            return v[0].clone();
        }
        if subject.trim().starts_with('@') {
            return s.to_lowercase();
        }
        s.to_owned()
    }

    fn knows(&self, subject: &str) -> bool {
        let f = fold(subject.trim_start_matches('@'));
        self.handles.contains_key(&f)
            || self.full_names.contains_key(&f)
            || f.split(' ')
                .next()
                .is_some_and(|w| self.first_names.contains_key(w))
    }
}

static DECISION_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\b(?:
            agreed | we\x20agree\b | (?:all|everyone|group|team)\x20agree[sd]? | agreement\x20(?:was\x20)?reached | consensus
          | decided | decision(?:\x20was|\x20is|:) | decide[sd]?\x20to
          | approved | approves | approval\x20(?:was\x20)?given | signed\x20off
          | resolved | resolution\x20(?:passed|adopted|was)
          | no\x20objections? | without\x20objection | nobody\x20objected | no\x20one\x20objected
          | vote\x20(?:passed|failed|carried) | voted | motion\x20(?:passed|carried|failed)
          | lgtm'?d | rubber[- ]stamped
          | removed?\x20(?:it\x20)?(?:from\x20the\x20agenda|the\x20(?:\S+\x20)?(?:agenda\x20)?(?:tag|label)|agenda\x20(?:tag|label))
          | (?:taken|take\x20it)\x20off\x20(?:the\x20)?agenda
          | ok(?:ay)?\x20to\x20(?:land|merge|close|proceed|move|ship|release)
          | good\x20to\x20(?:land|merge|go)
          | will\x20go\x20ahead | going\x20ahead\x20with | moving\x20forward\x20with | green\x20light
          | settled\x20on | landed\x20on
        )",
    )
    .unwrap()
});

static NOT_DECISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
            \?\s*$
          | \b(?:not|n't|never|no\x20longer)\b[^.]{0,25}\b(?:agree|agreed|decided|approved|resolved|consensus)
          | \bno\x20(?:clear\x20)?(?:consensus|agreement|decision)
          | \b(?:needs?|need\x20to\x20get|needed|require[sd]?|requiring|seek(?:ing)?|ask(?:ing|ed)?\x20(?:\w+\x20){0,3}for|request(?:ing|ed)?|get(?:ting)?|awaiting|waiting\x20(?:for|on)|pending|until|before|for|once|after|if|whether|when|unless|hope|hoping|try(?:ing)?\x20to\x20reach|to\x20reach|looking\x20for|build(?:ing)?)\x20(?:\w+\x20){0,4}?(?:approval|consensus|agreement|decision|approved|agreed|resolved)
          | \b(?:to\x20be|yet\x20to\x20be|not\x20yet|will\x20be|should\x20be|can\x20be|could\x20be|would\x20be|must\x20be|might\x20be)\x20(?:\w+\x20)?(?:decided|approved|agreed|resolved)
          | \b(?:to|will|should|must|can|could|would|might|let's|lets)\x20(?:\w+\x20)?(?:decide|agree|approve|resolve)\b
          | \bdecide\x20(?:on|whether|if|how|what|later)
          | \bif\x20[^,]{0,60}\b(?:agree|approve|decide)
          | \bonce\x20[^,]{0,60}\b(?:approved|agreed|decided)
          | \bunresolved\b | \bagreed\x20upon\x20by\x20whom
          | \b(?:he|she|they|i)\x20(?:approved|agreed)\b
          | \bconsensus\x20seeking\b | \bvia\x20consensus\b | \bby\x20consensus\b[^.]{0,20}\b(?:process|model)
        ",
    )
    .unwrap()
});

static ACTION_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:action(?:[ _-]?items?)?|next\x20steps?|ai|todo|to[ -]do|follow[ -]?ups?)\s*(?:\([^)]*\))?\s*[:\-–]\s*").unwrap()
});

static ACTION_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:action[ _-]?items?|actions?|next\x20steps?|todos?|to[ -]dos?|follow[ -]?ups?|assignments?)(?:\W.{0,30})?\W*$").unwrap()
});

/// The subject and commitment verb of an action sentence.
static COMMITMENT: LazyLock<Regex> = LazyLock::new(|| {
    let name = r"[A-Z][\p{L}'’.-]*(?:\x20[A-Z][\p{L}'’.-]*){0,2}";
    let handle = r"@[A-Za-z0-9][A-Za-z0-9-]*";
    let one = format!(r"(?:{handle}|{name})");
    Regex::new(&format!(
        r"(?x)(?:^|[-–—:;,(]\s+|\b(?:and|so|then|but)\s+)
          (?P<subj>{one}(?:\s*(?:,|and|&)\s*{one})*|[Ww]e|I)
          \s*:?\s+
          (?P<verb>will|shall|(?:is|are|am)\s+going\s+to|'ll|’ll|volunteered\s+to|offered\s+to|(?:has|have)\s+agreed\s+to|agreed\s+to|(?:is|are)\s+to|plans?\s+to|needs?\s+to|will\s+need\s+to|to)
          \s+(?P<rest>\S.*)"
    ))
    .unwrap()
});

/// Words that start sentences but are not people.
const NOT_SUBJECTS: &[&str] = &[
    "it",
    "this",
    "that",
    "there",
    "these",
    "those",
    "which",
    "who",
    "what",
    "he",
    "she",
    "they",
    "the",
    "a",
    "an",
    "nothing",
    "everything",
    "something",
    "someone",
    "somebody",
    "nobody",
    "anyone",
    "anybody",
    "node",
    "node.js",
    "nodejs",
    "next",
    "pr",
    "prs",
    "issue",
    "issues",
    "meeting",
    "release",
    "releases",
    "tests",
    "test",
    "ci",
    "how",
    "why",
    "when",
    "where",
    "if",
    "also",
    "discussion",
    "discussions",
    "need",
    "needs",
    "want",
    "wants",
    "plan",
    "plans",
    "going",
    "hard",
    "easy",
    "hope",
    "hopefully",
    "time",
    "today",
    "tomorrow",
    "yes",
    "no",
    "maybe",
    "you",
    "one",
    "other",
    "others",
    "some",
    "all",
    "each",
    "both",
    "any",
    "more",
    "most",
    "many",
    "much",
    "first",
    "last",
    "then",
    "so",
    "but",
    "and",
    "or",
    "for",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "into",
    "as",
    "about",
    "over",
    "after",
    "before",
    "until",
    "up",
    "down",
    "out",
    "here",
    "now",
    "let",
    "lets",
    "let's",
    "please",
    "thanks",
    "thank",
    "ok",
    "okay",
    "agenda",
    "working",
    "group",
    "team",
    "tsc",
    "wg",
    "work",
    "action",
    "todo",
    "ai",
    "note",
    "notes",
    "question",
    "questions",
    "answer",
    "update",
    "updates",
    "status",
    "goal",
    "idea",
    "proposal",
    "option",
    "options",
    "decision",
    "consensus",
    "vote",
    "votes",
    "google",
    "github",
    "npm",
    "yarn",
    "v8",
    "windows",
    "linux",
    "macos",
    "docs",
    "doc",
    "documentation",
];

/// Verbs after `to`/`will` that describe state, not a commitment.
static NOT_COMMITMENT_REST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:be\b|have\s+been|not\b|never\b|probably\s+be|likely\s+be|still\s+be|need\s+to\s+be|depend|remain|stay|happen|continue\s+to\s+be|also\s+be|attend\b|join\b|miss\b|be\s+out|be\s+away|be\s+on)").unwrap()
});

fn sentences(text: &str) -> Vec<(usize, &str)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let end_here = match c {
            b'.' | b'!' | b'?' => {
                let next_ws = bytes.get(i + 1).is_some_and(|b| b.is_ascii_whitespace());
                let after = text[i + 1..].trim_start();
                let next_upper = after
                    .chars()
                    .next()
                    .is_some_and(|ch| ch.is_uppercase() || ch == '@' || ch == '(');
                let word_before = text[start..i]
                    .rsplit(|ch: char| ch.is_whitespace())
                    .next()
                    .unwrap_or("");
                let abbrev = matches!(
                    word_before.to_ascii_lowercase().as_str(),
                    "e.g"
                        | "i.e"
                        | "vs"
                        | "mr"
                        | "ms"
                        | "dr"
                        | "etc"
                        | "no"
                        | "approx"
                        | "st"
                        | "cf"
                ) || (word_before.len() == 1
                    && word_before.chars().all(|c| c.is_ascii_uppercase()));
                next_ws && next_upper && !(c == b'.' && abbrev)
            }
            b'\n' => {
                // A line break ends a sentence when the next line starts
                // like a new statement (a capital or a handle) and this one
                // ended with punctuation or is a label line.
                let before = text[start..i].trim_end();
                let after = text[i + 1..].trim_start();
                before.ends_with(['.', '!', '?', ':'])
                    && after
                        .chars()
                        .next()
                        .is_some_and(|ch| ch.is_uppercase() || ch == '@')
                    || after.starts_with(['-', '*', '•'])
            }
            _ => false,
        };
        if end_here {
            out.push((start, &text[start..=i]));
            start = i + 1;
        }
        i += 1;
    }
    if start < text.len() {
        out.push((start, &text[start..]));
    }
    out.into_iter()
        .map(|(s, t)| {
            let lead = t.len() - t.trim_start().len();
            (s + lead, t.trim())
        })
        .filter(|(_, t)| !t.is_empty())
        .collect()
}

/// Finds the decisions and actions in one block of notes.
///
/// `in_action_section` says the block sits in an `Action items` list, where
/// every item is an action.
pub fn classify(
    block: &Block,
    people: &People,
    repo: Option<&Repo>,
    in_action_section: bool,
) -> Found {
    let mut found = Found::default();
    if matches!(block.kind, Kind::Heading(_)) {
        return found;
    }
    let checked = match block.kind {
        Kind::Item { checked, .. } => checked,
        _ => None,
    };
    let text = block.text.as_str();
    let line_of = |offset: usize| {
        block.line
            + text.as_bytes()[..offset.min(text.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
    };
    let about = refs::in_block(block, repo).into_iter().next();

    // A labelled or listed action: the whole bullet is the action text.
    let label = ACTION_LABEL.find(text);
    let whole_is_action = in_action_section || label.is_some() || checked == Some(false);
    if whole_is_action && checked != Some(true) || (label.is_some() && checked == Some(true)) {
        let body = label.map_or(text, |m| &text[m.end()..]);
        let owners = owners_of(body, people);
        // An unticked box with no one named is a standing agenda box, not an action.
        if !owners.is_empty() || in_action_section || label.is_some() {
            let status = if checked == Some(true) {
                ActionStatus::Done
            } else {
                ActionStatus::Open
            };
            let owners = if owners.is_empty() {
                vec![("group".to_owned(), "group".to_owned())]
            } else {
                owners
            };
            let action_text = clean_text(text);
            for (assignee, written) in owners {
                found.actions.push(FoundAction {
                    assignee,
                    assignee_as_written: written,
                    text: action_text.clone(),
                    status,
                    about: about.clone(),
                    lines: Lines {
                        start: block.line,
                        end: block.end_line,
                    },
                });
            }
            for (start, s) in sentences(text) {
                if is_decision(s) {
                    found.decisions.push(decision(s, start, &line_of, repo));
                }
            }
            return found;
        }
    }

    for (start, s) in sentences(text) {
        let lines = Lines {
            start: line_of(start),
            end: line_of(start + s.len().saturating_sub(1)),
        };
        let mut is_action = false;
        if checked != Some(true) {
            for (assignee, written) in commitments(s, people) {
                is_action = true;
                found.actions.push(FoundAction {
                    assignee,
                    assignee_as_written: written,
                    text: clean_text(s),
                    status: ActionStatus::Open,
                    about: refs::in_block(&sub_block(s), repo)
                        .into_iter()
                        .next()
                        .or_else(|| about.clone()),
                    lines,
                });
            }
        }
        // `Ulises will ask the TSC for approval` is an action, not a decision;
        // `we agreed that Ann will …` is both.
        if is_decision(s) && (!is_action || STRONG_DECISION.is_match(s)) {
            found.decisions.push(decision(s, start, &line_of, repo));
        }
    }
    found
}

static STRONG_DECISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:agreed|consensus|decided|resolved|no objections?)\b").unwrap()
});

fn is_decision(s: &str) -> bool {
    DECISION_CUE.is_match(s) && !NOT_DECISION.is_match(s)
}

fn decision(
    s: &str,
    start: usize,
    line_of: &dyn Fn(usize) -> usize,
    repo: Option<&Repo>,
) -> FoundDecision {
    FoundDecision {
        text: clean_text(s),
        about: refs::in_block(&sub_block(s), repo).into_iter().next(),
        lines: Lines {
            start: line_of(start),
            end: line_of(start + s.len().saturating_sub(1)),
        },
    }
}

/// A throwaway block for scanning one sentence for references.
fn sub_block(s: &str) -> Block {
    Block {
        kind: Kind::Paragraph,
        text: s.to_owned(),
        links: Vec::new(),
        line: 0,
        end_line: 0,
        parent: None,
    }
}

fn clean_text(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The people a commitment sentence names as its subjects.
fn commitments(s: &str, people: &People) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for c in COMMITMENT.captures_iter(s) {
        let subj = c.name("subj").unwrap().as_str();
        let verb = c.name("verb").unwrap().as_str();
        let rest = c.name("rest").unwrap().as_str();
        if NOT_COMMITMENT_REST.is_match(rest) {
            continue;
        }
        let at_start = c.get(0).unwrap().start() == 0;
        let lower = subj.to_lowercase();
        if lower == "we" {
            // `we agreed to` is a decision; `we need to`/`we will` is the group's action.
            if verb.starts_with("agreed")
                || verb.starts_with("has")
                || verb.starts_with("have")
                || verb == "to"
            {
                continue;
            }
            out.push(("group".to_owned(), subj.to_owned()));
            continue;
        }
        if lower == "i" {
            continue;
        }
        // `X to do` only at the start of a sentence, or with a handle or a
        // known attendee: `want to`, `had to` and the like are not subjects.
        let names = split_subjects(subj);
        let all_known = names.iter().all(|n| n.starts_with('@') || people.knows(n));
        if verb == "to" && !(at_start || all_known) {
            continue;
        }
        if verb.starts_with("need") && !all_known {
            continue;
        }
        for n in names {
            let first = n
                .trim_start_matches('@')
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase();
            if !n.starts_with('@') && (NOT_SUBJECTS.contains(&first.as_str()) && !people.knows(&n))
            {
                continue;
            }
            out.push((people.resolve(&n), n));
        }
        if !out.is_empty() {
            break;
        }
    }
    out
}

fn split_subjects(subj: &str) -> Vec<String> {
    subj.split([',', '&'])
        .flat_map(|p| p.split(" and "))
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Owners named in a labelled action (`Action: @x to …`, `… (lead by X)`).
fn owners_of(body: &str, people: &People) -> Vec<(String, String)> {
    let c = commitments(body, people);
    if !c.is_empty() {
        return c;
    }
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\((?:led|lead|owned|owner|driven)\s*(?:by)?:?\s*([^)]+)\)").unwrap()
    });
    if let Some(c) = LEAD.captures(body) {
        let n = c[1].trim().to_owned();
        return vec![(people.resolve(&n), n)];
    }
    static LEADING_HANDLE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\W*(@[A-Za-z0-9][A-Za-z0-9-]*)").unwrap());
    if let Some(c) = LEADING_HANDLE.captures(body) {
        return vec![(people.resolve(&c[1]), c[1].to_owned())];
    }
    Vec::new()
}

/// Whether a heading or label line opens an action list.
pub fn is_action_section(text: &str) -> bool {
    ACTION_SECTION.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::blocks::blocks;

    fn people() -> People {
        People::new(&[
            Attendee {
                name: Some("Ulises Gascón".into()),
                handle: Some("UlisesGascon".into()),
                role: None,
                affiliation: None,
                line: 1,
            },
            Attendee {
                name: Some("Michael Dawson".into()),
                handle: Some("mhdawson".into()),
                role: None,
                affiliation: None,
                line: 2,
            },
            Attendee {
                name: Some("Marco Ippolito".into()),
                handle: Some("marco-ippolito".into()),
                role: None,
                affiliation: None,
                line: 3,
            },
        ])
    }

    fn run(md: &str, section: bool) -> Found {
        let b = &blocks(md)[0];
        classify(b, &people(), Repo::parse("a/b").as_ref(), section)
    }

    fn actions(md: &str) -> Vec<(String, String)> {
        run(md, false)
            .actions
            .into_iter()
            .map(|a| (a.assignee, a.text))
            .collect()
    }

    fn decisions(md: &str) -> Vec<String> {
        run(md, false)
            .decisions
            .into_iter()
            .map(|d| d.text)
            .collect()
    }

    #[test]
    fn commitments_resolve_to_attendees() {
        assert_eq!(
            actions("* Ulises will ask TSC for final approval"),
            [(
                "ulisesgascon".into(),
                "Ulises will ask TSC for final approval".into()
            )]
        );
        assert_eq!(
            actions("* Michael to split out to 2 PRs"),
            [("mhdawson".into(), "Michael to split out to 2 PRs".into())]
        );
        assert_eq!(
            actions("* If approved, @wesleytodd to lead session")[0].0,
            "wesleytodd"
        );
        assert_eq!(
            actions("* We will focus on monitoring from now on.")[0].0,
            "group"
        );
        assert_eq!(actions("* Darcy will share notes")[0].0, "Darcy");
        assert_eq!(actions("* Ulises and Marco will review it").len(), 2);
    }

    #[test]
    fn not_commitments() {
        for s in [
            "* Marco is investigating this initiative.",
            "* It will be released next week.",
            "* Michael will be out next week.",
            "* Ulises did the release",
            "* We want to try this",
            "* We agreed to follow option 2",
            "* Node 20 will ship soon",
        ] {
            assert!(actions(s).is_empty(), "{s}");
        }
    }

    #[test]
    fn labels_and_boxes() {
        assert_eq!(
            actions("* Action: @marco-ippolito to write the doc")[0].0,
            "marco-ippolito"
        );
        assert_eq!(actions("* TODO: Add advisory to README.md")[0].0, "group");
        assert_eq!(
            actions("- [ ] @mhdawson follow up with the TSC")[0].0,
            "mhdawson"
        );
        assert!(actions("- [x] Vulnerability Review").is_empty());
        assert!(actions("- [ ] Vulnerability Review").is_empty());
        let f = run("* Update documents in repo", true);
        assert_eq!(f.actions[0].assignee, "group");
        assert_eq!(
            run("* Build a script (lead by Ulises)", true).actions[0].assignee,
            "ulisesgascon"
        );
    }

    #[test]
    fn decision_cues() {
        assert_eq!(
            decisions(
                "* Discussion around #1039. We agreed to follow option 2 (array/multiple flags)"
            ),
            ["We agreed to follow option 2 (array/multiple flags)"]
        );
        assert_eq!(
            decisions("* OSSF Funding approved by TSC (no objections until the end of the week)")
                .len(),
            1
        );
        assert_eq!(decisions("* No objections, removed agenda tag").len(), 1);
        assert_eq!(
            decisions("* The consensus was to put it on the back burner").len(),
            1
        );
    }

    #[test]
    fn not_decisions() {
        for s in [
            "* Ulises will ask TSC for final approval in silver level",
            "* Needs approval from the TSC",
            "* Waiting for consensus on the issue",
            "* Do we agree on this?",
            "* No consensus yet",
            "* We need to decide on the name",
            "* If everyone agrees we can land it",
            "* To be decided next time",
        ] {
            assert!(decisions(s).is_empty(), "{s}");
        }
    }
}
