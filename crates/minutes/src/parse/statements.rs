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
use super::sections::StatementSection;
use crate::model::{ActionStatus, Attendee, ItemRef, Lines, Repo};
use crate::text::{edit_distance, fold};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

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
    /// Capitalised words the document writes in the middle of a sentence:
    /// proper nouns, as opposed to words capitalised only because they open
    /// a sentence (`Try to …`, `Defer to …`).
    proper_nouns: std::collections::HashSet<String>,
    /// Initials of attendees' names (`bc` for Ben Coe).
    initials: HashMap<String, Vec<String>>,
}

impl People {
    /// Indexes a meeting's attendees.
    pub fn new(attendees: &[Attendee]) -> Self {
        let mut p = People {
            handles: HashMap::new(),
            full_names: HashMap::new(),
            first_names: HashMap::new(),
            proper_nouns: Default::default(),
            initials: HashMap::new(),
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
                // Speakers are often noted by initials (`BC: will …`).
                let words: Vec<&str> = n
                    .split_whitespace()
                    .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .collect();
                if words.len() >= 2 {
                    let initials: String = words
                        .iter()
                        .filter_map(|w| w.chars().next())
                        .collect::<String>()
                        .to_lowercase();
                    let edge: String = [words[0], words[words.len() - 1]]
                        .iter()
                        .filter_map(|w| w.chars().next())
                        .collect::<String>()
                        .to_lowercase();
                    for i in [initials, edge] {
                        let v = p.initials.entry(i).or_default();
                        if !v.contains(&key) {
                            v.push(key.clone());
                        }
                    }
                }
                if let Some(first) = fold(n).split(' ').next() {
                    let v = p.first_names.entry(first.to_owned()).or_default();
                    if !v.contains(&key) {
                        v.push(key.clone());
                    }
                }
            }
            // A role stated in the list (`Wes Todd (@wesleytodd) - Chair`)
            // is how the notes may refer to them (`The Chair will …`).
            if let Some(role) = &a.role {
                p.full_names
                    .insert(format!("the {}", fold(role)), key.clone());
            }
        }
        p
    }

    /// The attendee a subject names, if exactly one: by handle, full name,
    /// first name, then loosely (a first name that is a prefix of another,
    /// `Glen` for `Glenn`, or one letter off, `Dominikas` for `Dominykas`).
    fn lookup(&self, subject: &str) -> Option<&String> {
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

    /// The assignee key for a subject as written: the attendee's login (or
    /// name), else the subject as written (`@x` lower-cased).
    fn resolve(&self, subject: &str) -> String {
        if let Some(k) = self.lookup(subject) {
            return k.clone();
        }
        let s = subject.trim();
        match s.strip_prefix('@') {
            // `@org/team` is a GitHub team and `@everyone` everybody: the
            // group, not a person.
            Some(h) if h.contains('/') || is_group_subject(h) => "group".to_owned(),
            Some(h) => h.to_lowercase(),
            None => s.to_owned(),
        }
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

    /// Whether `word` is written as a proper noun in the document.
    fn proper_noun(&self, word: &str) -> bool {
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

    fn is_empty(&self) -> bool {
        self.handles.is_empty() && self.full_names.is_empty()
    }
}

static DECISION_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\b(?:
            agreed | (?:we|all|everyone|group|team|both)\x20(?:discuss(?:ed)?\x20and\x20)?agree\b
          | (?:\w+\x20and\x20\w+|we|they)\x20agree\x20(?:to|on|that|about)\b
          | agreement\x20(?:was\x20)?reached | (?:general|broad|rough)\x20agreement
          | there(?:'s|’s|\x20is|\x20was)\x20(?:general\x20|broad\x20)?agreement
          | consensus
          | decided | decision(?:\x20was|\x20is|:) | decide[sd]?\x20to
          | approved | approves | approval\x20(?:was\x20)?given | signed\x20off
          | resolved | resolution\x20(?:passed|adopted|was)
          | no\x20objections? | without\x20objection | nobody\x20objected | no\x20one\x20objected
          | all\x20in\x20favou?r | voted\x20in\x20favou?r
          | vote\x20(?:passed|failed|carried) | voted | motion\x20(?:passed|carried|failed)
          | lgtm'?d | rubber[-\x20]stamped
          | conclusion\x20(?:is|was) | came\x20to\x20(?:a\x20|the\x20)?conclusion | concluded\x20that
          | remov(?:e|ed|ing)\x20(?:it\x20|this\x20(?:item\x20|topic\x20)?)?(?:from|off)\x20(?:the\x20)?(?:[\w-]+\x20)?agenda
          | remov(?:e|ed|ing)\x20(?:the\x20)?(?:[\w-]+\x20)?(?:agenda\x20)?(?:tag|label)
          | agenda\x20(?:tag|label)\x20(?:was\x20)?removed
          | (?:taken|take|took)\x20(?:it\x20|this\x20)?off\x20(?:the\x20)?agenda
          | \btabled?\b[^.]{0,40}\b(?:later|for\x20now|time\x20being|until)
          | ok(?:ay)?\x20to\x20(?:land|merge|close|proceed|move|ship|release)
          | good\x20to\x20(?:land|merge|go)
          | will\x20go\x20ahead | going\x20ahead\x20with | moving\x20forward\x20with | green\x20light
          | settled\x20on | landed\x20on
          | we(?:'re|’re|\x20are)\x20(?:ok|okay|fine|happy)\x20(?:to|with)
          | we(?:'re|’re|\x20are)?\x20(?:going\x20to|will|'ll|’ll)\x20(?:not\x20)?(?:drop|keep|stop|switch|use|adopt|go\x20with|retire|deprecate|rename|cancel|skip|postpone|defer|aim\x20to)\b
          | ^will\x20not\x20
          | ^(?:outcome|resolution|decision|conclusion|verdict)\s*[:\-–]\s*\w
          | ^clos(?:e|ing)\x20(?:the\x20|this\x20)?(?:issue|pr|pull\x20request)\b
          | to\x20summari[sz]e,?\x20we
        )",
    )
    .unwrap()
});

static NOT_DECISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
            \?\s*$
          | \b(?:not|n't|never|no\x20longer)\b[^.]{0,25}\b(?:agree|agreed|decided|approved|resolved|consensus)
          | \bno\x20(?:clear\x20)?(?:consensus|agreement|decision|conclusion)
          | \b(?:needs?|need\x20to\x20get|needed|require[sd]?|requiring|seek(?:ing)?|ask(?:ing|ed)?\x20(?:\w+\x20){0,3}for|request(?:ing|ed)?|get(?:ting)?|gain|gather|awaiting|waiting\x20(?:for|on)|pending|until|before|for|once|after|if|whether|when|unless|hope|hoping|try(?:ing)?\x20to\x20reach|to\x20reach|reach|looking\x20for|build(?:ing)?)\x20(?:\w+\x20){0,4}?(?:approval|consensus|agreement|decision|approved|agreed|resolved)
          | \b(?:to\x20be|yet\x20to\x20be|not\x20yet|will\x20be|should\x20be|can\x20be|could\x20be|would\x20be|must\x20be|might\x20be)\x20(?:\w+\x20)?(?:decided|approved|agreed|resolved)
          | \b(?:to|will|should|must|can|could|would|might|let's|lets)\x20(?:\w+\x20)?(?:decide|agree|approve|resolve)\b
          | \bdecide\x20(?:on|whether|if|how|what|later)
          | \bif\x20[^,]{0,60}\b(?:agree|approve|decide|objections?)
          | \bonce\x20[^,]{0,60}\b(?:approved|agreed|decided)
          | \bunresolved\b
          | \((?:\w+\x20)?agreed\)
          | ^\W*(?:i|he|she|they)\x20(?:approved|agreed|agree)\b
          | ^\W*[A-Z][\w'’-]*\s*[:,-]\s*(?:\+1|agreed|agree|lgtm|no\x20objections?)\b
          | ^\W*[A-Z][\w'’-]*\x20(?:has\x20|have\x20)?(?:removed|closed|merged|landed)\b
          | \bconsensus[-\x20]seeking\b | \blazy\x20consensus\b | \bdecision[-\x20]making\b
          | \bsee\x20if\b | \bcheck\x20(?:if|whether)\b
          | \b(?:tbd|tba|to\x20be\x20determined|undecided|pending)\b
        ",
    )
    .unwrap()
});

/// Words before a cue that make it a proposal, not a conclusion.
static HEDGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:should|could|might|may|maybe|perhaps|possibly|probably|would|suggest\w*|propos\w*|let'?s|lets|hopefully)\b").unwrap()
});

static ACTION_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    // `ACTION @x: …` and `TODO(x): …` name the owner inside the label.
    Regex::new(r"(?i)^\W*(?:\(action\)|action(?:[ _-]?items?)?(?:\(s\))?|next[ ]steps?|ai|todo|to[ -]do|follow[ -]?ups?)(?:\s+(?P<owner>@[A-Za-z0-9][A-Za-z0-9-]*)|\((?P<paren>[^)]*)\))?\s*[:\-–!]\s*").unwrap()
});

static ACTION_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:action[ _-]?items?|actions?|next[ ]steps?|todos?|to[ -]dos?|follow[ -]?ups?|assignments?|plan|tasks?(?:[ ]needed)?)(?:\W.{0,30})?\W*$").unwrap()
});

/// The subject and commitment verb of an action sentence.
static COMMITMENT: LazyLock<Regex> = LazyLock::new(|| {
    let name = r"\p{Lu}[\p{L}'’.-]*(?:\x20\p{Lu}[\p{L}'’.-]*){0,2}";
    let handle = r"@[A-Za-z0-9][A-Za-z0-9-]*";
    let one = format!(r"(?:{handle}|(?:[Tt]he\x20)?{name})");
    Regex::new(&format!(
        r"(?x)(?:^|[-–—:;,(]\s*|\b(?:and|so|then|but)\s+)
          (?P<subj>{one}(?:\s*(?:,|and|&)\s*{one})*|[Ww]e|I|[Hh]is\x20team|[Oo]ur\x20team)
          \s*:?\s+
          (?P<verb>will|shall|(?:is|are|am)\s+going\s+to|'ll|’ll|volunteered\s+to|offered\s+to|(?:has|have)\s+agreed\s+to|agreed\s+to|agree\s+to|(?:is|are)\s+to|plans?\s+to|needs?\s+to|will\s+need\s+to|to)
          \s+(?P<rest>\S+(?:\s+\S+)?)"
    ))
    .unwrap()
});

/// `Name: planning to …`, `Jean, will open …`: a speaker's own plan.
static SPEAKER_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?P<sp>[\p{Lu}][\p{L}'’.-]*(?:\s[\p{Lu}][\p{L}'’.-]*)?)\s*[:,]\s*(?:i'?m|i’m|i\s+am)?\s*(?:going\s+to|planning\s+to|plan\s+to|will|i\s+will|i'll|i’ll)\s+(?P<rest>\S+(?:\s+\S+)?)").unwrap()
});

/// `…, will follow up`, `Will close issue.`: a commitment with no subject.
static SUBJECTLESS_WILL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|,\s*|\band\s+)(?:[Ww]ill)\s+(?P<rest>[a-z]\S*)").unwrap());

/// Imperatives minute-takers use for the group's next steps.
static IMPERATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:(?:next\s+(?:week|time|meeting|year|month)|first\s+step|next\s+step)\s*[-:,]?\s*)?(?:need\s+to\s+)?(?:continue|plan|add|create|update|open|move|reach\s+out|follow\s+up|start|review|run|explore|schedule|draft|write|send|set\s+up|share|ask|contact|investigate|look\s+into|prepare|publish|organi[sz]e|invite|document|do|go\s+back|figure\s+out)\b").unwrap()
});

static TIME_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:next\s+(?:week|time|meeting|year|month)|first\s+step|next\s+step|by\s+\w+day|tomorrow|this\s+week|after\s+the\s+meeting)\b|^\W*need\s+to\b").unwrap()
});

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
    "extend",
    "subject",
    "upgrade",
    "upgrades",
    "move",
    "add",
    "update",
    "switch",
    "migrate",
    "go",
    "back",
    "due",
    "thanks",
    "welcome",
    "congratulations",
    "click",
    "link",
    "links",
    "reply",
    "prior",
    "compared",
    "similar",
    "access",
    "ability",
    "same",
    "sure",
    "unable",
    "able",
    "related",
    "regarding",
    "according",
    "relative",
    "close",
    "closer",
    "easier",
    "harder",
    "better",
    "worse",
    "only",
    "just",
    "still",
    "even",
    "ready",
    "free",
    "feel",
    "happy",
    "nice",
    "good",
    "great",
    "important",
    "hard",
    "difficult",
    "possible",
    "impossible",
    "likely",
    "unlikely",
    "open",
    "opened",
    "new",
    "old",
];

/// Verbs after `to`/`will` that describe state, not a commitment.
static NOT_COMMITMENT_REST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:be\b|have\s+been|not\b|never\b|probably\b|likely\b|still\s+be|need\s+to\s+be|depend|remain|stay|happen|continue\s+to\s+be|also\s+be|attend\b|join\b|miss\b|require|take\s+place|work\s+for\s+me|help\s+us|make\s+it\s+easier|allow|mean|cover|apply\s+to|affect|impact|want|like\b|hear\b|see\s+if|go\s+out)").unwrap()
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
                // Only look around when a space follows: in a run without
                // spaces (`a.b.c`, a line of dots) nothing ends, and looking
                // back for the word would make long runs quadratic.
                let next_ws = bytes.get(i + 1).is_some_and(|b| b.is_ascii_whitespace());
                next_ws && {
                    let after = text[i + 1..].trim_start();
                    let next_upper = after
                        .chars()
                        .next()
                        .is_some_and(|ch| ch.is_uppercase() || ch == '@' || ch == '(');
                    next_upper && {
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
                        !(c == b'.' && abbrev)
                    }
                }
            }
            b'\n' => {
                // A line break ends a sentence when the next line starts
                // like a new statement (a capital or a handle) and this one
                // ended with punctuation or is a label line.
                let before = text[start..i].trim_end();
                let after = text[i + 1..].trim_start();
                // A blank line (a paragraph break) always ends one.
                bytes.get(i + 1) == Some(&b'\n')
                    || before.ends_with(['.', '!', '?', ':'])
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

/// Where a block sits in the minutes, as the classifier sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BlockContext {
    /// The block is an entry of a list of decisions or actions (under a
    /// heading or label naming them, or a child of such a label item).
    pub in_list_of: Option<StatementSection>,
    /// The block details an action above it (a sub-item of an action item).
    pub detail_of_action: bool,
    /// The heading the block sits under.
    pub heading: String,
    /// The text of the list item it is nested in, if any.
    pub parent_text: Option<String>,
}

/// Finds the decisions and actions in one block of notes.
pub fn classify(block: &Block, cx: &BlockContext, people: &People, repo: Option<&Repo>) -> Found {
    let in_action_section = cx.in_list_of == Some(StatementSection::Actions);
    let mut found = Found::default();
    if block.kind == Kind::TableRow {
        if in_action_section {
            found.actions.extend(action_table_row(block, people));
        }
        return found;
    }
    if matches!(block.kind, Kind::Heading(_)) {
        return found;
    }
    let checked = match block.kind {
        Kind::Item { checked, .. } => checked,
        _ => None,
    };
    let is_note = matches!(block.kind, Kind::Item { depth, .. } if depth > 0)
        || block.kind == Kind::Paragraph;
    let text = block.text.as_str();
    // Lines come from the block's source marks (the text has lost blank
    // lines and markup); a binary search, so long blocks stay linear.
    let line_of = |offset: usize| block.line_at(offset);
    let span = |start: usize, s: &str| Lines {
        start: line_of(start),
        end: line_of(start + s.len().saturating_sub(1)),
    };
    let about = refs::in_block(block, repo).into_iter().next();
    let all_sentences = sentences(text);

    // Decisions: one per block. A bullet whose several sentences all carry
    // the conclusion is one statement; one sentence among others is that
    // sentence.
    let decided: Vec<&(usize, &str)> = all_sentences
        .iter()
        .filter(|(_, s)| is_decision(s))
        .collect();
    match decided.as_slice() {
        [] => {}
        [(start, s)] => found.decisions.push(FoundDecision {
            text: clean_text(s),
            about: item_in(s, repo).or_else(|| about.clone()),
            lines: span(*start, s),
        }),
        _ => found.decisions.push(FoundDecision {
            text: clean_text(text),
            about: about.clone(),
            lines: Lines {
                start: block.line,
                end: block.end_line,
            },
        }),
    }

    // A labelled or listed action: the whole bullet is the action text.
    let label = ACTION_LABEL.find(text);
    // A ticked box labelled as an action is a done action; an unlabelled
    // ticked box is a standing agenda box.
    if label.is_some() || (in_action_section && checked != Some(true)) || checked == Some(false) {
        let body = label.map_or(text, |m| &text[m.end()..]);
        if body.trim().is_empty() {
            // `Action items:` alone heads a list; its items are the actions.
            return found;
        }
        let label_owner = label
            .and_then(|_| ACTION_LABEL.captures(text))
            .and_then(|c| {
                c.name("owner")
                    .or_else(|| c.name("paren"))
                    .map(|m| m.as_str().trim().to_owned())
            })
            .filter(|o| !o.is_empty());
        let mut owners = match label_owner {
            Some(o) => vec![(people.resolve(&o), o)],
            None => owners_of(body, people),
        };
        // An unticked box with no one named is a standing agenda box.
        if owners.is_empty() && !(in_action_section || label.is_some()) {
            return found;
        }
        if owners.is_empty() {
            owners.push(("group".to_owned(), "group".to_owned()));
        }
        let action_text = clean_text(text);
        for (assignee, written) in owners {
            found.actions.push(FoundAction {
                assignee,
                assignee_as_written: written,
                text: action_text.clone(),
                status: if checked == Some(true) {
                    ActionStatus::Done
                } else {
                    ActionStatus::Open
                },
                about: about.clone(),
                lines: Lines {
                    start: block.line,
                    end: block.end_line,
                },
            });
        }
        return found;
    }

    // A ticked box whose label is a commitment (`[x] @kmori to publish …`)
    // is a done action; a ticked agenda box (`[x] Vulnerability Review`)
    // names no one.
    if checked == Some(true) {
        let first = text.lines().next().unwrap_or("");
        let opening = first.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '@');
        let owners = if COMMITMENT.find(opening).is_some_and(|m| m.start() == 0) {
            commitments(opening, people)
        } else {
            Vec::new()
        };
        for (assignee, written) in owners {
            found.actions.push(FoundAction {
                assignee,
                assignee_as_written: written,
                text: clean_text(first),
                status: ActionStatus::Done,
                about: item_in(first, repo).or_else(|| about.clone()),
                lines: Lines::one(block.line),
            });
        }
    }
    // A ticked box's first line is its label; only lines after it can hold
    // further commitments.
    let first_line_end = if checked == Some(true) {
        text.find('\n').map_or(text.len(), |i| i + 1)
    } else {
        0
    };
    let speaker = SPEAKER_PLAN.captures(text).map(|c| c["sp"].to_owned());
    let action_sentences: Vec<(usize, &str)> = if first_line_end > 0 {
        sentences(&text[first_line_end..])
            .into_iter()
            .map(|(i, s)| (i + first_line_end, s))
            .collect()
    } else {
        all_sentences.clone()
    };
    for (start, s) in &action_sentences {
        let mut owners = commitments(s, people);
        if owners.is_empty() {
            owners = fallback_commitment(s, *start == 0, people, speaker.as_deref(), is_note);
        }
        // `We are going to drop the logo` records a choice (a decision),
        // not work the group took on.
        if owners.len() == 1 && owners[0].0 == "group" && is_decision(s) {
            owners.clear();
        }
        for (assignee, written) in owners {
            found.actions.push(FoundAction {
                assignee,
                assignee_as_written: written,
                text: clean_text(s),
                status: ActionStatus::Open,
                about: item_in(s, repo).or_else(|| about.clone()),
                lines: span(*start, s),
            });
        }
    }
    found
}

/// A row of an action table (`| Update the guide | @ana | 2024-10-15 |`):
/// the owner is the cell that is a handle or an attendee, the text the
/// first other cell of several words; a `done` status cell marks it done.
fn action_table_row(block: &Block, people: &People) -> Option<FoundAction> {
    const HEADER: &[&str] = &[
        "action",
        "actions",
        "owner",
        "owners",
        "due",
        "status",
        "item",
        "task",
        "assignee",
        "who",
        "what",
        "date",
        "description",
        "notes",
        "deadline",
        "by",
        "when",
    ];
    let cells: Vec<&str> = block
        .text
        .split('\t')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    if cells.is_empty()
        || cells
            .iter()
            .all(|c| HEADER.contains(&c.to_lowercase().as_str()))
    {
        return None;
    }
    let owner = cells
        .iter()
        .position(|c| (c.starts_with('@') && !c.contains(' ')) || people.knows(c));
    let text = (0..cells.len()).filter(|&i| Some(i) != owner).find(|&i| {
        cells[i].split_whitespace().count() >= 2 && crate::parse::date::find(cells[i]).is_none()
    })?;
    let done = cells.iter().any(|c| {
        matches!(
            c.to_lowercase().as_str(),
            "done" | "closed" | "complete" | "completed" | "✓" | "✅"
        )
    });
    let (assignee, written) = match owner {
        Some(i) => (people.resolve(cells[i]), cells[i].to_owned()),
        None => ("group".to_owned(), "group".to_owned()),
    };
    Some(FoundAction {
        assignee,
        assignee_as_written: written,
        text: clean_text(cells[text]),
        status: if done {
            ActionStatus::Done
        } else {
            ActionStatus::Open
        },
        about: None,
        lines: Lines::one(block.line),
    })
}

/// Commitments without a `Subject will` form: a speaker's plan, a
/// subjectless `will`, or an imperative next step in the notes.
fn fallback_commitment(
    s: &str,
    block_start: bool,
    people: &People,
    speaker: Option<&str>,
    is_note: bool,
) -> Vec<(String, String)> {
    if let Some(c) = LEAD_BY.captures(s) {
        let n = c
            .get(1)
            .or_else(|| c.get(2))
            .map_or("", |m| m.as_str())
            .trim();
        return vec![(people.resolve(n), n.to_owned())];
    }
    if REQUEST.is_match(s) {
        return vec![("group".to_owned(), "group".to_owned())];
    }
    if block_start
        && let Some(c) = SPEAKER_PLAN.captures(s)
        && (!NOT_COMMITMENT_REST.is_match(&c["rest"]) || be_doing(&c["rest"]))
        && c["rest"].chars().next().is_some_and(|ch| ch.is_lowercase())
    {
        let sp = &c["sp"];
        if people.knows(sp) || people.is_empty() {
            return vec![(people.resolve(sp), sp.to_owned())];
        }
    }
    if let Some(c) = SUBJECTLESS_WILL.captures(s)
        && !NOT_COMMITMENT_REST.is_match(&c["rest"])
        && &c["rest"] != "need"
        && !s.trim_end().ends_with('?')
        && !NON_PERSON_WILL.is_match(s)
    {
        // `Myles confirmed … and will work on it`: the sentence's subject.
        let first = s.split_whitespace().next().unwrap_or("");
        if c.get(0).is_some_and(|m| m.start() > 0) && people.knows(first) {
            return vec![(people.resolve(first), first.to_owned())];
        }
        if let Some(sp) = speaker.filter(|sp| people.knows(sp)) {
            return vec![(people.resolve(sp), sp.to_owned())];
        }
        return vec![("group".to_owned(), "group".to_owned())];
    }
    if is_note
        && IMPERATIVE.is_match(s)
        // `Draft is in review`: a noun, not an imperative.
        && !COPULA_SECOND.is_match(s)
        // A short note written as a full sentence (`Add Ryan as owner.`),
        // not a title fragment (`Review Gold Level: <url>`).
        && (TIME_MARKER.is_match(s) || (s.split_whitespace().count() <= 6 && s.trim_end().ends_with('.')))
        && !s.trim_end().ends_with(['?', ':'])
    {
        return vec![("group".to_owned(), "group".to_owned())];
    }
    Vec::new()
}

static COPULA_SECOND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*\w+\s+(?:is|are|was|were|has|have|had|will|looks?|seems?)\b").unwrap()
});

/// Infinitives that open a remark rather than name work (`to summarize`).
static DISCOURSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:summari[sz]e|be\s+clear|be\s+honest|clarify|recap|be\s+fair)\b").unwrap()
});

/// `(lead by Ulises)`, `(Marco will lead this)`.
static LEAD_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\((?:led|lead|owned|driven)\s+by:?\s*([^)]+)\)|\(([\p{Lu}][\p{L}'’-]+)\s+will\s+lead(?:\s+this|\s+it)?\)").unwrap()
});

/// `Myles asked that people review …`: a request to the group.
static REQUEST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:asked|requested)\s+that\s+(?:we|people|everyone|all|folks)\b").unwrap()
});

/// `it will`, `this will`: a `will` whose subject is not a person.
static NON_PERSON_WILL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:it|this|that|which|there|they|he|she|these|those)\s+will\b").unwrap()
});

/// `be working`, `be looking`: progressive after a plan verb is still a plan.
fn be_doing(rest: &str) -> bool {
    let mut w = rest.split_whitespace();
    w.next() == Some("be") && w.next().is_some_and(|v| v.ends_with("ing"))
}

fn is_decision(s: &str) -> bool {
    let Some(m) = DECISION_CUE.find(s) else {
        return false;
    };
    !NOT_DECISION.is_match(s) && !HEDGE.is_match(&s[..m.start()])
}

/// The first GitHub item named in a sentence.
fn item_in(s: &str, repo: Option<&Repo>) -> Option<ItemRef> {
    let b = Block {
        kind: Kind::Paragraph,
        text: s.to_owned(),
        links: Vec::new(),
        line: 0,
        end_line: 0,
        parent: None,
        marks: Vec::new(),
    };
    refs::in_block(&b, repo).into_iter().next()
}

fn clean_text(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words in a subject that make it the group as a whole.
fn is_group_subject(s: &str) -> bool {
    let lower = s.to_lowercase();
    // `his team` is someone else's team, not the group.
    if ["his ", "her ", "their ", "my "]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return false;
    }
    lower == "we"
        || lower == "our team"
        || lower.split_whitespace().any(|w| {
            matches!(
                w,
                "team" | "group" | "wg" | "everyone" | "all" | "everybody" | "tsc" | "tc"
            )
        })
}

/// The people a commitment sentence names as its subjects.
fn commitments(s: &str, people: &People) -> Vec<(String, String)> {
    // `we'll` is `we will`.
    let s = &s.replace("’ll ", " will ").replace("'ll ", " will ");
    let mut out = Vec::new();
    for c in COMMITMENT.captures_iter(s) {
        // `Possibly, we'll …`, `we should maybe …`: a wish, not a commitment.
        if HEDGE.is_match(&s[..c.get(0).unwrap().start()]) {
            continue;
        }
        let subj = c.name("subj").unwrap().as_str();
        let verb = c.name("verb").unwrap().as_str();
        let rest = c.name("rest").unwrap().as_str();
        if NOT_COMMITMENT_REST.is_match(rest) {
            continue;
        }
        let at_start = c.get(0).unwrap().start() == 0;
        // `BC: to summarize, …` opens a recap; `Michael will summarize` is work.
        if verb == "to" && DISCOURSE.is_match(rest) {
            continue;
        }
        if subj.eq_ignore_ascii_case("we") {
            // `we agreed to` is a decision; `we will` / `we need to` the group's action.
            if verb.starts_with("agree")
                || verb.starts_with("has")
                || verb.starts_with("have")
                || verb == "to"
            {
                continue;
            }
            out.push(("group".to_owned(), subj.to_owned()));
            break;
        }
        if subj == "I" {
            continue;
        }
        if split_subjects(subj).len() == 1
            && let Some(k) = people.lookup(subj).cloned()
        {
            // `The Chair`, a full name, a handle.
            out.push((k, subj.to_owned()));
            break;
        }
        if is_group_subject(subj) {
            out.push(("group".to_owned(), subj.to_owned()));
            break;
        }
        let names = split_subjects(subj);
        let all_known = names.iter().all(|n| n.starts_with('@') || people.knows(n));
        // `X to do` needs X to be someone: a handle, an attendee, or a lone
        // capitalised name opening the sentence (`James to schedule`).
        let lone_name =
            names.len() == 1 && !names[0].contains(' ') && looks_like_first_name(&names[0]);
        if verb == "to" && !(all_known || (at_start && lone_name)) {
            continue;
        }
        if verb.starts_with("need") && !all_known {
            continue;
        }
        for n in names {
            // Someone not in the attendance list must look like a name; in
            // the terse `X to …` form, where a verb opening a sentence reads
            // the same (`Try to …`, `Defer to …`), it must also be written as
            // a name elsewhere in the minutes (`Rodd/James` … `James to …`).
            let first = n.split_whitespace().next().unwrap_or("");
            let name_like =
                looks_like_first_name(first) && (verb != "to" || people.proper_noun(first));
            if !n.starts_with('@') && !people.knows(&n) && !name_like {
                continue;
            }
            if n.to_lowercase().starts_with("the ") || n.to_lowercase().starts_with("his ") {
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

/// A capitalised word that can be a person's name rather than a common
/// word opening a sentence.
fn looks_like_first_name(w: &str) -> bool {
    let lower = w.to_lowercase();
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars()
            .skip(1)
            .all(|c| c.is_alphabetic() || c == '\'' || c == '’' || c == '-')
        && w.chars().skip(1).any(char::is_lowercase)
        && !NOT_SUBJECTS.contains(&lower.as_str())
        && !(lower.ends_with("ing")
            || lower.ends_with("ed")
            || lower.ends_with("tion")
            || lower.ends_with("ment")
            || lower.ends_with("ly"))
}

fn split_subjects(subj: &str) -> Vec<String> {
    subj.split([',', '&'])
        .flat_map(|p| p.split(" and "))
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Owners named in a labelled action (`Action: @x to …`, `… (lead by X)`,
/// `Ben take a stab at …`, `… - @x`).
fn owners_of(body: &str, people: &People) -> Vec<(String, String)> {
    // Only a subject opening the item owns it: in `open an issue … (Ruy
    // needs to get an exception)` the item is the group's.
    let opening = body.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '@');
    if COMMITMENT.find(opening).is_some_and(|m| m.start() == 0) {
        let c = commitments(opening, people);
        if !c.is_empty() {
            return c;
        }
    }
    // A handle is unambiguous wherever it stands (`If approved, @x to lead`).
    let handles: Vec<_> = commitments(body, people)
        .into_iter()
        .filter(|(_, w)| w.starts_with('@'))
        .collect();
    if !handles.is_empty() {
        return handles;
    }
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\((?:led|lead|owned|owner|driven)\s*(?:by)?:?\s*([^)]+)\)").unwrap()
    });
    if let Some(c) = LEAD.captures(body) {
        let n = c[1].trim().to_owned();
        return vec![(people.resolve(&n), n)];
    }
    static HANDLES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^\W*(@[A-Za-z0-9][A-Za-z0-9-]*(?:/[\w.-]+)?(?:\s*(?:,|&|and)\s*@[A-Za-z0-9][A-Za-z0-9-]*(?:/[\w.-]+)?)*)",
        )
        .unwrap()
    });
    if let Some(c) = HANDLES.captures(body) {
        return split_subjects(&c[1])
            .into_iter()
            .map(|h| (people.resolve(&h), h))
            .collect();
    }
    // A known attendee opening the line, or a trailing `- @x` / `[Name]`.
    let first = body
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .split([' ', ':', ','])
        .next()
        .unwrap_or("");
    if people.knows(first) {
        return vec![(people.resolve(first), first.to_owned())];
    }
    static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\s[-–]\s*(@[A-Za-z0-9][A-Za-z0-9-]*)|\[([A-Z][\w'’-]*)\])\s*\.?\s*$")
            .unwrap()
    });
    if let Some(c) = TRAILING.captures(body) {
        let n = c.get(1).or_else(|| c.get(2)).unwrap().as_str().to_owned();
        return vec![(people.resolve(&n), n)];
    }
    if is_group_subject(first) {
        return vec![("group".to_owned(), first.to_owned())];
    }
    Vec::new()
}

/// Whether a heading or label line opens an action list.
pub fn is_action_section(text: &str) -> bool {
    ACTION_SECTION.is_match(text)
}

#[cfg(test)]
fn list(actions: bool) -> BlockContext {
    BlockContext {
        in_list_of: actions.then_some(StatementSection::Actions),
        ..BlockContext::default()
    }
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
        // `Darcy` is written as a name elsewhere in these minutes.
        let people = people().with_text("Notes taken by Darcy.");
        classify(b, &list(section), &people, Repo::parse("a/b").as_ref())
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
        // A team or everybody is the group, not a person (issue 5: SHACL
        // validation found `@everyone` and `@nodejs` as people).
        assert_eq!(
            actions("- Action item: @acme/tooling Review the source maps PR")[0].0,
            "group"
        );
        assert_eq!(actions("- [ ] @everyone canvas for speakers")[0].0, "group");
        assert_eq!(
            actions("* ACTION @marco-ippolito: write the blog post")[0].0,
            "marco-ippolito"
        );
        assert_eq!(actions("* TODO(Michael): rotate the keys")[0].0, "mhdawson");
        assert_eq!(
            actions("- [ ] @mhdawson follow up with the TSC")[0].0,
            "mhdawson"
        );
        assert!(actions("- [x] Vulnerability Review").is_empty());
        // A ticked commitment is a done action (helper found it dropped).
        let done = run("- [x] @mhdawson to publish the survey", false);
        assert_eq!(done.actions[0].assignee, "mhdawson");
        assert_eq!(done.actions[0].status, ActionStatus::Done);
        assert!(actions("- [ ] Vulnerability Review").is_empty());
        let f = run("* Update documents in repo", true);
        assert_eq!(f.actions[0].assignee, "group");
        assert_eq!(
            run("* Build a script (lead by Ulises)", true).actions[0].assignee,
            "ulisesgascon"
        );
    }

    #[test]
    fn action_tables() {
        let b = blocks(
            "| Action | Owner | Due |\n|---|---|---|\n| Update the guide | @mhdawson | 2024-10-15 |\n| Write the post | Ulises | done |\n",
        );
        let people = people();
        let found: Vec<_> = b
            .iter()
            .flat_map(|b| classify(b, &list(true), &people, None).actions)
            .collect();
        let got: Vec<_> = found
            .iter()
            .map(|a| (a.assignee.as_str(), a.text.as_str(), a.status))
            .collect();
        assert_eq!(
            got,
            vec![
                ("mhdawson", "Update the guide", ActionStatus::Open),
                ("ulisesgascon", "Write the post", ActionStatus::Done)
            ]
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
        assert_eq!(decisions("* Outcome: two releases per year.").len(), 1);
        assert!(decisions("* Outcome - TBD").is_empty());
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

#[cfg(test)]
mod initials_tests {
    use super::*;
    use crate::parse::blocks::blocks;

    #[test]
    fn initials_resolve_speakers_when_unique() {
        let attendees = [
            ("Ben Coe", "bcoe"),
            ("Ruy Adorno", "ruyadorno"),
            ("Rich Trott", "Trott"),
            ("Ruth Adams", "radams"),
        ]
        .map(|(n, h)| Attendee {
            name: Some(n.into()),
            handle: Some(h.into()),
            role: None,
            affiliation: None,
            line: 1,
        });
        let people = People::new(&attendees);
        let b = &blocks("- BC: will write up the proposal\n")[0];
        let f = classify(b, &list(false), &people, None);
        assert_eq!(f.actions[0].assignee, "bcoe");
        // `RA` fits Ruy Adorno and Ruth Adams: not resolved.
        let b = &blocks("- RA: will write up the proposal\n")[0];
        let f = classify(b, &list(false), &people, None);
        assert!(
            f.actions
                .iter()
                .all(|a| a.assignee != "ruyadorno" && a.assignee != "radams")
        );
    }
}
