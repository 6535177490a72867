//! Decisions and actions: what the group concluded and who promised what.
//!
//! Each block of a meeting's notes is cut into units: a whole bullet when
//! the document's structure says what its items are (a list of decisions or
//! actions, a labelled line such as `Action:` or `Resolved:`, a task box, a
//! table row), else its sentences. Then:
//!
//! - **structure decides first**: an entry of a list named for decisions
//!   (`Decisions`, `Resolutions`, `Outcomes`) is a decision; a block that
//!   records a motion or a vote with its result (`motion carried`,
//!   `vote passed 5-0`) or consent to an agenda or minutes is a decision,
//!   and so is the answer to a choice put to the group (`Yes` under
//!   `Should we close this?`) or an instruction to hold the status quo
//!   (`For now, keep X out`, `Wait on Y until …`);
//!   an unticked task box naming someone is an action;
//! - **a classifier decides the rest**: two logistic regressions
//!   ([`model`]), trained on the answer keys by `examples/train.rs`, score
//!   each unit from features of its text and its place ([`features`]);
//! - sentences of one block that all record the decision are one decision;
//!   each action sentence is one action per owner, and [`assignees`] says
//!   who the owners are (an action nobody is named for is the group's).
//!
//! The rules that decided before the classifier existed (phrase lists for
//! `agreed`, `will`, imperatives…) are gone: what a phrase means is learned
//! from the keys, and the leave-one-family-out table printed by the trainer
//! says how well that carries to minutes it was not trained on.

pub mod assignees;
pub mod cues;
pub mod features;
pub mod model;
pub mod roster;
pub mod sentences;

pub use model::Model;
pub use roster::{Owner, People};

use super::blocks::{Block, Kind};
use super::refs;
use super::sections::StatementSection;
use crate::model::{ActionStatus, ItemRef, Lines, Repo};
use features::Unit;
use regex::Regex;
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// A decision found in a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDecision {
    /// The sentence (or sentences) as written.
    pub text: String,
    /// A GitHub item named in it.
    pub about: Option<ItemRef>,
    /// Source lines.
    pub lines: Lines,
}

/// An action found in a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundAction {
    /// Who owns it.
    pub owner: Owner,
    /// The sentence or bullet as written.
    pub text: String,
    /// Open or done.
    pub status: ActionStatus,
    /// A GitHub item named in it.
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

/// Where a block sits in the minutes, as the classifier sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BlockContext {
    /// The block is an entry of a list of decisions or actions (under a
    /// heading or label naming them, or a child of such a label item).
    pub in_list_of: Option<StatementSection>,
    /// The block details an item of an action list (a sub-item of it).
    pub detail_of_action: bool,
    /// The item it is nested in is an entry of an action list itself, not
    /// a detail of one.
    pub under_entry: bool,
    /// The heading the block sits under.
    pub heading: String,
    /// The text of the list item it is nested in, if any.
    pub parent_text: Option<String>,
    /// The block is a list item with items nested under it.
    pub has_children: bool,
    /// The question it may answer: the text of the item it is nested in,
    /// or of the item just before it at its level, when that ends in `?`.
    pub asked: Option<String>,
}

/// One unit as the classifier saw it: for the trainer, which labels units
/// against the answer keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Traced {
    /// The unit's text, spaces collapsed.
    pub text: String,
    /// Its features.
    pub features: BTreeSet<String>,
    /// Whether structure alone made it a decision (the classifier was not
    /// asked).
    pub ruled_decision: bool,
}

/// Everything `classify` needs besides the block.
pub struct Classifier<'a> {
    /// The meeting's attendees.
    pub people: &'a People,
    /// The weights.
    pub model: &'a Model,
    /// Where to record each unit, when training.
    pub trace: Option<&'a std::cell::RefCell<Vec<Traced>>>,
}

/// `Follow up on past action items`, `Review of action items`: a title
/// naming the earlier actions a meeting goes through (it ends there, so
/// `Will comment to see if any outstanding action items are left` is not
/// one).
static PAST_ACTIONS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:past|previous|prior|last\s+(?:week|meeting|time)(?:'s|’s)?|outstanding|old|existing)\s+action(?:\s+items?|s)\W*$|\breview(?:ing)?\s+(?:of\s+)?(?:the\s+)?action\s+items?\W*$").unwrap()
});

/// `(kira, 18:05:01)` at the end of a line: an IRC meeting bot's stamp.
static IRC_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*\([A-Za-z0-9_\[\]{}|^`\\-]+,\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*UTC)?\)\s*$")
        .unwrap()
});

static PROCEDURE: LazyLock<Regex> = LazyLock::new(|| {
    // A motion or vote with its result, or consent to an agenda or minutes:
    // the formal procedure by which boards decide.
    Regex::new(r"(?ix)
        \b(?:motion|vote[sd]?|voting|ballot|resolution)\b .{0,120}? \b(?:carried|carries|passed|passes|adopted|approved|failed|fails|defeated|rejected|unanimous(?:ly)?|\d+\s*[-–:]\s*\d+(?:\s*[-–:]\s*\d+)?)\b
      | \b(?:carried|passed|adopted|approved|failed|defeated)\b .{0,40}? \b(?:motion|vote)\b
      | \b(?:consent\x20agenda|agenda|minutes(?:\x20of\x20(?:the\x20)?(?:last|previous)\x20meeting)?)\x20(?:was\x20|were\x20)?(?:approved|adopted|accepted)\b
    ").unwrap()
});

/// `Options:`, `Requirements are listed as:`, `Proposals from the call:`:
/// a label over things weighed, not concluded.
static WEIGHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:options?|requirements?|proposals?|questions?|ideas?|alternatives?|suggestions?|criteria|candidates?|pros|cons|considerations?)\b[^:]{0,40}:\s*$").unwrap()
});

/// Whether a unit records a motion's or vote's result: not when the result
/// is in doubt (`need to follow up to see if the resolution was passed`).
fn records_procedure(s: &str) -> bool {
    static DOUBT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\b(?:if|whether|until|unless)\b").unwrap());
    PROCEDURE
        .find(s)
        .is_some_and(|m| !DOUBT.is_match(m.as_str()))
}

/// Words that report where a task stands rather than name one.
static STATUS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:pending|looking\s+for|waiting|in\s+progress|done|completed?|merged|landed|blocked|on\s+hold)\b").unwrap()
});

/// `Name to verb …` at the start of a unit.
static NAME_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W*(?P<name>\p{Lu}[\p{L}'’-]+)\s+(?P<link>to|→|⇒|->|=>)\s+\p{Ll}").unwrap()
});

impl Classifier<'_> {
    /// Finds the decisions and actions in one block of notes. `inherited`
    /// are the owners of the action this block details, if any.
    pub fn classify(
        &self,
        block: &Block,
        cx: &BlockContext,
        repo: Option<&Repo>,
        inherited: &[Owner],
    ) -> Found {
        let mut found = Found::default();
        if matches!(block.kind, Kind::Heading(_)) {
            return found;
        }
        if block.kind == Kind::TableRow {
            if cx.in_list_of == Some(StatementSection::Actions) {
                found.actions.extend(action_table_row(block, self.people));
            }
            return found;
        }
        let checked = match block.kind {
            Kind::Item { checked, .. } => checked,
            _ => None,
        };
        let text = block.text.as_str();
        let about = refs::in_block(block, repo).into_iter().next();
        let span = |start: usize, len: usize| Lines {
            start: block.line_at(start),
            end: block.line_at(start + len.saturating_sub(1)),
        };
        // A whole bullet is one unit where structure says what it is; a
        // paragraph of several labelled lines (a chat log, a scribe's
        // `RESOLUTION:` and `ACTION:` lines) is several statements.
        let turns = text.lines().skip(1).any(sentences::opens_turn);
        let whole = !turns
            && (cx.in_list_of.is_some()
                || checked.is_some()
                || assignees::ACTION_LABEL.is_match(text)
                || features::DECISION_LABEL.is_match(text)
                || records_procedure(text));
        let units: Vec<(usize, &str)> = if whole {
            vec![(text.len() - text.trim_start().len(), text.trim())]
        } else {
            sentences::sentences(text)
        };
        // `ACTION: kira to send … (kira, 18:05:01)`: an IRC meeting bot
        // stamps each line with who said it and when; the stamp is not
        // what was said.
        let units: Vec<(usize, &str)> = units
            .into_iter()
            .map(|(start, s)| (start, IRC_STAMP.find(s).map_or(s, |m| &s[..m.start()])))
            .filter(|(_, s)| !s.is_empty())
            .collect();
        // An entry of a list of options, requirements or proposals
        // (`Requirements are listed as:`) is one of the things weighed,
        // not a conclusion. (`The SC decided:` introduces conclusions, so
        // not every list a colon opens.)
        let enumerated = cx.in_list_of.is_none()
            && cx
                .parent_text
                .as_deref()
                .is_some_and(|p| WEIGHED.is_match(p));
        let mut decided: Vec<(usize, &str)> = Vec::new();
        let mut antecedent: Vec<Owner> = Vec::new();
        for (index, &(start, s)) in units.iter().enumerate() {
            let unit = Unit {
                text: s,
                kind: block.kind,
                cx,
                index,
                count: units.len(),
            };
            let f = features::features(&unit, self.people);
            // An entry of a list of conclusions that assigns work (`Ana to
            // update the PR`) is that work, not a conclusion.
            let labelled = labelled_action(s);
            let terse = self.terse_assignment(s);
            let assigns = labelled || terse;
            let ruled = (cx.in_list_of == Some(StatementSection::Decisions) && !assigns)
                || records_procedure(s)
                || features::DECISION_LABEL.is_match(s)
                || (cx.in_list_of != Some(StatementSection::Actions)
                    && !assigns
                    && cues::holds_status_quo(s));
            // `Yes, Tim to follow up` under `Are we okay with these
            // asks?`: the group's answer to a choice put to it. It may
            // assign work too, so unlike the rules above it leaves the
            // action to be found.
            let consent = index == 0
                && cx
                    .asked
                    .as_deref()
                    .is_some_and(|q| cues::consents_to_question(s, q));
            if let Some(trace) = self.trace {
                trace.borrow_mut().push(Traced {
                    text: clean_text(s),
                    features: f.clone(),
                    ruled_decision: ruled || consent,
                });
            }
            // A question records no conclusion, whatever its words.
            if ruled
                || consent
                || (self.model.decision.accepts(&f) && !s.trim_end().ends_with('?') && !enumerated)
            {
                decided.push((start, s));
            }
            // An entry of an action list is an action, unless it is a topic
            // heading the list's real entries sit under (`Sovereign Tech
            // Fund` above `Emma: get a project ready`, which is an entry;
            // a short line deeper down is a detail, not another topic)
            // or holds no words (a bare link). A task box is an action when it names someone.
            // The classifier decides the rest, details of actions included.
            let topic_head = cx.in_list_of == Some(StatementSection::Actions)
                && cx.has_children
                && is_topic(s, self.people);
            // A step under an entry that names its owner (`Tim: Teams
            // charters` above `Create a plan`) is that owner's task, unless
            // it reports a state (`Security team - looking for a chair`).
            let owned_step = cx.under_entry
                && !inherited.is_empty()
                && inherited.iter().all(|o| o.assignee != "group")
                && !states(&f)
                && !STATUS.is_match(s)
                && cues::names_task(s);
            let listed = (cx.in_list_of == Some(StatementSection::Actions) && !topic_head)
                || (cx.under_entry
                    && cx
                        .parent_text
                        .as_deref()
                        .is_some_and(|p| is_topic(p, self.people)))
                || owned_step
                || labelled
                || terse;
            // `Follow up on past action items`: the agenda's routine of
            // going through earlier actions, not a new one.
            let routine = words(s) <= 8 && PAST_ACTIONS.is_match(s) && !labelled && !terse;
            // `The SC decided it would tell the community …`: a decision
            // whose content is the group's own later act is that act too.
            let resolved_to_act = assignees::group_resolves_to_act(s);
            let is_action = !ruled
                && !topic_head
                && !routine
                && !labels_nothing(s)
                && words(s) >= 2
                && (listed
                    || resolved_to_act
                    || cues::passive_todo(s)
                    || cues::speaker_plan(s)
                    || (checked.is_some() && !owners_named(s, self.people).is_empty())
                    || (self.model.action.accepts(&f) && !states(&f)));
            if is_action {
                let mut owners = self.owners(s, checked.is_some(), inherited, &antecedent);
                // `Carlton to create a ticket`, an entry of an action list:
                // the list says it is someone's task, so a capitalised name
                // opening it is that someone even if the minutes name them
                // nowhere else (elsewhere `Try to …` reads the same).
                if listed
                    && owners.iter().all(|o| o.assignee == "group")
                    && let Some(c) = NAME_TO.captures(s)
                    && assignees::looks_like_first_name(&c["name"])
                {
                    owners = vec![self.people.resolve(&c["name"])];
                }
                // `The consensus was to publish an advisory`: a conclusion
                // the group reached records a choice, not work it took on,
                // unless the minutes list it as an action.
                let choice_only = decided.last().is_some_and(|&(d, _)| d == start)
                    && !listed
                    && !resolved_to_act
                    && owners.iter().all(|o| o.assignee == "group");
                for owner in owners.into_iter().filter(|_| !choice_only) {
                    found.actions.push(FoundAction {
                        owner,
                        text: clean_text(s),
                        status: if checked == Some(true) {
                            ActionStatus::Done
                        } else {
                            ActionStatus::Open
                        },
                        about: item_in(s, repo).or_else(|| about.clone()),
                        lines: span(start, s.len()),
                    });
                }
            }
            let subjects = assignees::sentence_subjects(s, self.people);
            if !subjects.is_empty() {
                antecedent = subjects;
            }
        }
        // Sentences of one block that record a decision are one decision:
        // from the first to the last.
        if let (Some(&(first, fs)), Some(&(last, ls))) = (decided.first(), decided.last()) {
            let end = last + ls.len();
            let text = &block.text[first..end];
            found.decisions.push(FoundDecision {
                text: clean_text(text),
                about: item_in(if decided.len() == 1 { fs } else { text }, repo)
                    .or_else(|| about.clone()),
                lines: span(first, end - first),
            });
        }
        found
    }
}

impl Classifier<'_> {
    /// `James to schedule the next call`, `@ana to review #12`: the terse
    /// form minute-takers keep for assigning work, when what opens it is
    /// someone (an attendee, a handle, or a name the minutes write as a
    /// name elsewhere; `Try to …` opens a sentence the same way); or work
    /// with the person who leads it in parentheses.
    fn terse_assignment(&self, s: &str) -> bool {
        static HANDLE_TO: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^\W*@[A-Za-z0-9][A-Za-z0-9-]*\s+to\s+\p{Ll}").unwrap());
        // `Build a script for the metrics (lead by Ulises)`: work with
        // someone named to lead it.
        if HANDLE_TO.is_match(s) || assignees::LEAD_BY.is_match(s) {
            return true;
        }
        NAME_TO.captures(s).is_some_and(|c| {
            let name = &c["name"];
            let rest = &s[c.get(0).unwrap().end() - 1..];
            // `Alpine to tier 2 is approved`: a move from one thing to
            // another, the subject of a verb that follows.
            static NOUN_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"^\S+(?:\s+\S+)?\s+(?:is|are|was|were|has|have)\b").unwrap()
            });
            // `Glen -> write something up` assigns; `Matt -> hardest part,
            // …` is Matt speaking (minute-takers use the arrow for both):
            // after an arrow, only an imperative verb assigns.
            let arrow = &c["link"] != "to";
            !assignees::NOT_COMMITMENT_REST.is_match(rest)
                && !NOUN_PHRASE.is_match(rest)
                && (!arrow || cues::opens_with_imperative(rest))
                && (self.people.knows(name)
                    || (assignees::looks_like_first_name(name) && self.people.proper_noun(name)))
        })
    }

    /// Who owns an action: in a task box, the people it names (else the
    /// owners its sentence gives); elsewhere the owners its sentence gives,
    /// inherited from the action it details, or from the sentence before.
    fn owners(
        &self,
        s: &str,
        task_box: bool,
        inherited: &[Owner],
        antecedent: &[Owner],
    ) -> Vec<Owner> {
        let named = if task_box {
            owners_named(s, self.people)
        } else {
            Vec::new()
        };
        if named.is_empty() {
            assignees::owners(s, self.people, inherited, antecedent)
        } else {
            named
        }
    }
}

/// `Action: …`, `TODO(ana): …`, `AI: …` with something after the label: an
/// action by the minute-taker's own mark. A label alone (`Action items:`)
/// heads a list and is nothing itself.
fn labelled_action(s: &str) -> bool {
    assignees::ACTION_LABEL
        .find(s)
        .is_some_and(|m| words(&s[m.end()..]) >= 2)
        && !labels_nothing(s)
}

/// `Action items: none left open`, `TODO: n/a`: a label over no work.
fn labels_nothing(s: &str) -> bool {
    static NONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\W*(?:none|nothing|n/?a|no\s+(?:new\s+|open\s+)?(?:actions?|action\s+items?|items?))\b").unwrap()
    });
    assignees::ACTION_LABEL
        .find(s)
        .is_some_and(|m| NONE.is_match(&s[m.end()..]))
}

/// `Draft schedule is in the planning doc`: a thing and a copula, with no
/// one committing to anything, describes a state, not work to do.
fn states(f: &std::collections::BTreeSet<String>) -> bool {
    let commits = [
        "cue:person_commits",
        "cue:we_commit",
        "cue:subjectless_will",
        "cue:speaker_plan",
    ];
    (f.contains("cue:copula") || f.contains("cue:progressive"))
        && !commits.iter().any(|c| f.contains(*c))
}

/// How many words a unit has, links and handles aside.
fn words(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| !w.contains("://") && !w.starts_with('@'))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
}

/// A short heading-like entry naming no owner: a topic, not a task.
fn is_topic(s: &str, people: &People) -> bool {
    words(s) <= 5
        && !s.contains(':')
        && !s.contains('@')
        && assignees::owners(s, people, &[], &[])
            .iter()
            .all(|o| o.assignee == "group")
}

/// The people a unit names as owners by handle or attendee name, without
/// falling back to the group (for task boxes, where an unnamed box is a
/// standing agenda item, not the group's action).
fn owners_named(s: &str, people: &People) -> Vec<Owner> {
    assignees::owners(s, people, &[], &[])
        .into_iter()
        .filter(|o| o.assignee != "group" || !o.written.eq_ignore_ascii_case("group"))
        .collect()
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
    Some(FoundAction {
        owner: match owner {
            Some(i) => people.resolve(cells[i]),
            None => Owner::group("group"),
        },
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
