//! The cue detectors the parser used before it learned: patterns for the
//! words and forms that signal a conclusion (`agreed`, `consensus`, `no
//! objections`, a vote), the contexts that undo one (a question, `needs
//! approval`, `no consensus yet`, `if we agree`, a hedge before the cue),
//! and the forms of a commitment (a speaker's plan, a subjectless `will`,
//! an imperative next step, a request to everyone).
//!
//! They no longer decide anything. Each is a feature ([`cues`]) whose
//! weight the classifier learns from the answer keys, beside the features
//! of form and place; so a cue counts for what it is worth in the minutes
//! the keys cover, and the leave-one-family-out table says what that is
//! worth elsewhere. They carry knowledge of how minute-takers write that
//! the keys alone are too few to teach.

use super::assignees::{ASKED, NOT_COMMITMENT_REST, People, commitments};
use regex::Regex;
use std::sync::LazyLock;

static DECISION_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\b(?:
            agreed | (?:we|all|everyone|group|team|both)\x20(?:discuss(?:ed)?\x20and\x20)?agree\b
          | (?:\w+\x20and\x20\w+|we|they)\x20agree\x20(?:to|on|that|about)\b
          | agreement\x20(?:was\x20)?reached | (?:general|broad|rough)\x20agreement | agreement\x20(?:on|that)\b
          | (?:was|were|has\x20been)\x20determined\x20that
          | (?:looks?|is|are)\x20good,?\x20[^.]{0,20}\b(?:can|to)\x20(?:continue|proceed|go\x20ahead|move\x20forward)
          | there(?:'s|’s|\x20is|\x20was)\x20(?:general\x20|broad\x20)?agreement
          | consensus
          | decided | decision(?:\x20was|\x20is|:) | decide[sd]?\x20to
          | approved | approves | approval\x20(?:was\x20)?given | signed\x20off
          | accept(?:ed|s) | reject(?:ed|s) | adopted | ratified | endorsed | unanimous(?:ly)?
          | proceed(?:ing|s)?\x20with
          | resolved | resolution\x20(?:passed|adopted|was) | resolves\x20that | (?:we|hereby)\x20resolve\x20that | decides\x20(?:to|that)
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
          | \b(?:not|n't|never|no\x20longer|nothing|none|nobody)\b[^.]{0,25}\b(?:agree|agreed|decided|approved|accepted|resolved|consensus)
          | \bno\x20(?:clear\x20)?(?:consensus|agreement|decision|conclusion)
          | \b(?:needs?|need\x20to\x20get|needed|require[sd]?|requiring|seek(?:ing)?|ask(?:ing|ed)?\x20(?:\w+\x20){0,3}for|request(?:ing|ed)?|get(?:ting)?|gain|gather|awaiting|waiting\x20(?:for|on)|pending|until|before|for|once|after|if|whether|when|unless|hope|hoping|try(?:ing)?\x20to\x20reach|to\x20reach|reach|looking\x20for|build(?:ing)?)\x20(?:\w+\x20){0,4}?(?:approval|acceptance|consensus|agreement|decision|approved|accepted|agreed|resolved)
          | \b(?:to\x20be|yet\x20to\x20be|not\x20yet|will\x20be|should\x20be|can\x20be|could\x20be|would\x20be|must\x20be|might\x20be)\x20(?:\w+\x20)?(?:decided|approved|accepted|agreed|resolved)
          | \b(?:to|will|should|must|can|could|would|might|let's|lets)\x20(?:\w+\x20)?(?:decide|agree|approve|resolve)\b
          | \bdecide\x20(?:on|whether|if|how|what|later)
          | \b(?:before|until|once|unless|since)\x20(?:\w+\x20){0,3}?(?:proceed(?:ing)?|accept(?:ed|ing)?|adopt(?:ed|ing)?|reject(?:ed|ing)?|approv(?:ed|ing)|agreed|decided)\b
          | \bif\x20[^,]{0,60}\b(?:agree|approve|decide|objections?)
          | \bonce\x20[^,]{0,60}\b(?:approved|agreed|decided)
          | \b(?:the|an?|our|their|this|these)\x20(?:approved|accepted|agreed|adopted|agreed-upon|ratified)\x20\w+
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

/// `post the consensus`, `announce the decision`: making known a
/// conclusion already reached.
static TELL_CONCLUSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:post|publish|announce|share|communicate|record|document|write\s+up|summari[sz]e)\w*\s+(?:the\s+|our\s+|a\s+|that\s+)?(?:consensus|decision|resolution|agreement|outcome)\b").unwrap()
});

/// Words before a cue that make it a proposal, not a conclusion.
static HEDGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:should|could|might|may|maybe|perhaps|possibly|probably|would|suggest\w*|propos\w*|let'?s|lets|hopefully)\b").unwrap()
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
    Regex::new(r"(?i)^\W*(?:(?:next\s+(?:week|time|meeting|year|month)|first\s+step|next\s+step)\s*[-:,]?\s*)?(?:need\s+to\s+)?(?:continue|plan|add|create|update|open|move|reach\s+out|follow\s+up|start|review|run|explore|schedule|draft|write|send|set\s+up|share|ask|contact|investigate|look\s+into|prepare|publish|organi[sz]e|invite|document|do|go\s+back|figure\s+out|check|verify|confirm|fix|file|land|merge|close|coordinate|post|announce|remove|submit|propose|finali[sz]e|look\s+at|ping|talk\s+to|email|collect|define|identify|implement|make|get|find|bring|raise|sync|circle\s+back|reply|respond|edit|clean\s+up|backport|nominate|notify|inform|remind|migrate|evaluate|assess|research|summari[sz]e|compile|gather|pick|choose|discuss|consider|assign|onboard|try|reopen|revisit|escalate|rename|archive|request|build|set|book|give|take|put|tell|reserve)\b").unwrap()
});

/// `PEP 2026 to be reviewed next week`, `Survey responses to be checked`:
/// a unit that is nothing but a thing and the work to be done on it, in the
/// passive; the group's action, as GUIDE.md reads `X to …`. Not `Wait for
/// the database to be fixed` (an instruction to wait), `Some concerns, mostly
/// cosmetic issues to be addressed in 3.13.1` (a clause of a remark), nor
/// `The amount to be charged would need to be discussed` (a verb follows).
pub(super) fn passive_todo(s: &str) -> bool {
    static WHOLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\W*(?P<np>[^,;:.?!]{2,80}?)\s+(?:still\s+)?to\s+be\s+(?P<done>\w+(?:ed|en|ne|wn|nt|ut|un))\b(?P<tail>[^,;:?!]*)$").unwrap()
    });
    static FINITE: LazyLock<Regex> = LazyLock::new(|| {
        // A verb in the phrase before `to be` makes the thing its object
        // (`Allow the main thread to be supplanted`, `Rafael volunteered to
        // be assigned`, `Antoine ready to be onboarded`): no to-do.
        Regex::new(r"(?i)\b(?:is|are|was|were|will|would|should|could|must|need|needs|has|have|had|wait|waiting|pending|seems?|not|\w+n't|allows?|let|lets|wants?|expects?|assumes?|takes?|asks?|tells?|ready|able|willing|happy|left|likely|unlikely|unliked|going|about|\w+ed)\b").unwrap()
    });
    let Some(c) = WHOLE.captures(s.trim().trim_end_matches('.')) else {
        return false;
    };
    let np = &c["np"];
    let last = np.split_whitespace().last().unwrap_or("");
    c["tail"].split_whitespace().count() <= 5
        && !FINITE.is_match(np)
        && !FINITE.is_match(&c["tail"])
        && !RAISING.is_match(last)
        && !STATE_PARTICIPLE.is_match(&c["done"])
        && !IMPERATIVE.is_match(np)
}

/// `Rafael: Planning to work on the next release`, `Jean, will open an
/// issue`: a speaker announcing their own next step, which every family of
/// the keys counts as that speaker's action.
pub(super) fn speaker_plan(s: &str) -> bool {
    // The pattern ignores case for the verbs; the speaker is a name as
    // written (`good discussion, going to …` has none).
    SPEAKER_PLAN.captures(s).is_some_and(|c| {
        !NOT_COMMITMENT_REST.is_match(&c["rest"])
            && c["sp"]
                .split_whitespace()
                .all(super::assignees::looks_like_first_name)
    })
}

/// `For now, keep editorializing out`, `Leave the schedule as is`, `Wait
/// on the post until we meet with Lexi`: an instruction, with no one named,
/// to keep things as they are or to hold off until something happens. It
/// records the group's choice not to act, so it is a decision, not work to
/// do. Not a matter left open on the agenda (`Leave on the agenda until
/// then`: nothing was concluded), nor `Keep in mind …`.
pub(super) fn holds_status_quo(s: &str) -> bool {
    static HOLD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?ix)^[\s*_]*(?:for\s+now,?\s+)?
            (?: (?:keep|leave)\s+\S.*?\b(?:as[\s-]is|unchanged|for\s+now|out|until)\b
              | (?:wait|hold\s+off)\b.*?\buntil\b )",
        )
        .unwrap()
    });
    static OPEN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\bagenda\b|^\W*keep\s+in\s+mind\b").unwrap());
    HOLD.is_match(s) && !OPEN.is_match(s) && !s.trim_end().ends_with('?')
}

/// `Are we okay with these asks?` answered `Yes, Tim to follow up`: the
/// group's consent to a question put to it, the same conclusion as `no
/// objections`. The question must ask the group to choose (`should we`,
/// `are we okay with`, `do people agree`); a question of fact (`did we
/// figure out if …?`, `is this feasible?`) answered `yes` records a fact,
/// and so does an answer that goes on hedging (`Yes, maybe later`). A
/// `no` counts only as a word on its own (`No.`, `No - not yet`): `No one
/// volunteered` is no answer.
pub(super) fn consents_to_question(answer: &str, question: &str) -> bool {
    static GROUP_QUESTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?ix)
            (?:^|[.;:]\s|\)\s)\W*
            (?: (?:should|shall)\s+(?:we|the\s+(?:group|team|committee|council|board|sc|tsc|wg))\s+\w
              | (?:can|could|would|will)\s+we\s+(?:all\s+)?(?:agree|approve|accept|adopt|go\s+ahead|move\s+forward|proceed)\b
              | (?:are|is)\s+(?:we|people|everyone|everybody|folks|all)\s+(?:\w+\s+)?(?:ok|okay|fine|good|comfortable|happy|agreed|in\s+agreement|ready|aligned)\b
              | (?:do|does)\s+(?:we|people|everyone|everybody|folks|anyone|anybody)\s+(?:\w+\s+)?(?:agree|want|support|approve|accept|feel|object)\b
              | \bany\s+objections?\b
            )
            [^?]*\?\W*$",
        )
        .unwrap()
    });
    static ANSWER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i)^[\s*_"'“‘(]*(?:(?:yes|yep|yeah|agreed)(?:[\s,.;:!)”’]|$)|(?:no|nope)(?:\s*[,.;:!)”’–-]|\s*$)|no\s+objections?\b)"#)
            .unwrap()
    });
    ANSWER.is_match(answer) && !HEDGE.is_match(answer) && GROUP_QUESTION.is_match(question.trim())
}

/// Whether text opens with one of the imperatives minute-takers use for
/// next steps (`write …`, `follow up …`).
pub(super) fn opens_with_imperative(text: &str) -> bool {
    IMPERATIVE.is_match(text)
}

/// `next week`, `by Friday`, `after the meeting`: when work is due.
static TIME_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:next\s+(?:week|time|meeting|year|month)|first\s+step|next\s+step|by\s+\w+day|tomorrow|this\s+week|after\s+the\s+meeting)\b|^\W*need\s+to\b").unwrap()
});

/// `Lin is following the audit`: work in progress, reported.
static PROGRESSIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:is|are|am|was|were)\s+(?P<verb>\w+ing)\b").unwrap());

/// `Draft is in review`: a noun and a verb, not an imperative.
static COPULA_SECOND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:[\w'’-]+\s+){1,3}(?:is|are|was|were|has|have|had|looks?|seems?)\s+(?P<next>\w+)").unwrap()
});

/// `Myles asked that people review …`: a request to the group.
static REQUEST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:asked|requested)\s+that\s+(?:we|people|everyone|all|folks)\b").unwrap()
});

/// `PEP 2026 to be reviewed next week`, `survey responses to be checked`:
/// work to do with no one named, in the passive; the same commitment as a
/// subjectless `will`.
static PASSIVE_TODO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^.;:]*?(?P<before>\w+|\])\s+(?:still\s+)?to\s+be\s+(?P<done>\w+(?:ed|en|ne|wn|nt|ut|un))\b").unwrap()
});

/// Verbs and words whose `to be` belongs to them.
static RAISING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:seems?|appears?|is|are|was|were|am|be|has|have|had|needs?|going|ought|used|yet|likely|unlikely|wants?|expected|supposed|tends?|happens?|deserves?|has|got|due|about|needed|required|like|likes|how|what|whether|plan|plans|hope|hoping)$").unwrap()
});

/// Participles that say how a thing is, not what is to be done to it
/// (`seems to be supported`, `yet to be determined`).
static STATE_PARTICIPLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:supported|needed|required|expected|used|allowed|determined|seen|known|based|involved|concerned|interested|affected|done|given|taken)$").unwrap()
});

/// `it will`, `this will`: a `will` whose subject is not a person.
static NON_PERSON_WILL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:it|this|that|which|there|they|he|she|these|those)\s+will\b").unwrap()
});

/// Whether a line names work to do: one of its parts (split at dashes and
/// colons, `Releasers - Public PR - request board approval`) opens with an
/// imperative or `need to`. `2026 survey highlights` names none.
pub fn names_task(s: &str) -> bool {
    static PARTS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s+\\?[-–—]\s+|:\s+").unwrap());
    PARTS.split(s).any(|p| {
        let p = p.trim_start_matches(|c: char| !c.is_alphanumeric());
        IMPERATIVE.is_match(p) || p.to_lowercase().starts_with("need to ")
    })
}

/// The cues a unit shows, as feature names.
pub fn cues(s: &str, people: &People) -> Vec<&'static str> {
    let mut out = Vec::new();
    // A conclusion undone where it is said (`no consensus yet`, `nothing
    // decided`, `if agreed`) is no evidence of one: it shows as undone only,
    // so that the few undone samples of the keys need not outweigh the cue
    // every family teaches. `decided that it should be accepted` is still a
    // conclusion: `decided` stands, whatever undoes `accepted`.
    let cues_at: Vec<std::ops::Range<usize>> =
        DECISION_CUE.find_iter(s).map(|m| m.range()).collect();
    if !cues_at.is_empty() {
        // `Need to post consensus on the DEP`: a conclusion to make known
        // was reached; what is pending is telling it.
        let told: Vec<std::ops::Range<usize>> =
            TELL_CONCLUSION.find_iter(s).map(|m| m.range()).collect();
        let undone: Vec<std::ops::Range<usize>> = NOT_DECISION
            .find_iter(s)
            .map(|m| m.range())
            .filter(|u| !told.iter().any(|t| t.start < u.end && u.start < t.end))
            .collect();
        let standing = cues_at
            .iter()
            .find(|c| !undone.iter().any(|u| u.start < c.end && c.start < u.end));
        match standing {
            None => out.push("cue:undone"),
            Some(m) if HEDGE.is_match(&s[..m.start]) => {
                out.push("cue:decision");
                out.push("cue:hedged");
            }
            Some(_) => {
                out.push("cue:decision");
                out.push("cue:concluded");
            }
        }
    }
    let mut subjects = commitments(s, people, &[]);
    // `The SC asked Ana to draft it`, `informed Ezio he should …`: a task
    // given to someone is their commitment; `asked that people review …`
    // is one given to the group. Both read as the commitment cues, whose
    // weights every family teaches, rather than as cues of their own that
    // few families show.
    if subjects.is_empty() {
        if let Some(c) = ASKED.captures(s) {
            subjects.push(people.resolve(&c["who"]));
        } else if REQUEST.is_match(s) {
            subjects.push(super::roster::Owner::group("group"));
        }
    }
    if subjects.iter().any(|o| o.assignee == "group") {
        out.push("cue:we_commit");
    } else if !subjects.is_empty() {
        // Someone commits: an attendee or anyone named (minutes without
        // an attendance list name people the list would have held).
        out.push("cue:person_commits");
        if subjects.iter().any(|o| o.attendee.is_some()) {
            out.push("cue:attendee_commits");
        }
    }
    if let Some(c) = SPEAKER_PLAN.captures(s)
        && !NOT_COMMITMENT_REST.is_match(&c["rest"])
    {
        out.push("cue:speaker_plan");
    }
    if let Some(c) = SUBJECTLESS_WILL.captures(s)
        && !NOT_COMMITMENT_REST.is_match(&c["rest"])
        && !NON_PERSON_WILL.is_match(s)
    {
        out.push("cue:subjectless_will");
    }
    // `seems to be`, `needs to be`, `is going to be`: the `to be` of
    // another verb, not a thing's pending work.
    if PASSIVE_TODO
        .captures(s)
        .is_some_and(|c| !STATE_PARTICIPLE.is_match(&c["done"]) && !RAISING.is_match(&c["before"]))
    {
        out.push("cue:subjectless_will");
    }
    if NON_PERSON_WILL.is_match(s) {
        out.push("cue:thing_will");
    }
    // `is to`, `is going to` are commitments, not states.
    if COPULA_SECOND
        .captures(s)
        .is_some_and(|c| !matches!(&c["next"], "to" | "going"))
    {
        out.push("cue:copula");
    } else if IMPERATIVE.is_match(s) {
        out.push("cue:imperative");
    }
    if PROGRESSIVE
        .captures(s)
        .is_some_and(|c| &c["verb"] != "going")
    {
        out.push("cue:progressive");
    }
    if TIME_MARKER.is_match(s) {
        out.push("cue:due");
    }
    if REQUEST.is_match(s) {
        out.push("cue:request");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 10: an instruction to keep things as they are, or to hold off
    /// until something happens, records the group's choice; a matter left
    /// on the agenda records none.
    #[test]
    fn holding_the_status_quo_is_a_decision() {
        for s in [
            "For now, keep editorializing out.",
            "Wait on the grants post until we meet with Lexi",
            "Leave the schedule as is.",
            "leave Active/Maintenance as is for now",
        ] {
            assert!(holds_status_quo(s), "{s}");
        }
        for s in [
            "Leave on the agenda until then",
            "Keep in mind the Docker team, for now.",
            "Keep curating the roadmap",
            "Wait NVD database to be fixed",
            "Should we wait until the release?",
        ] {
            assert!(!holds_status_quo(s), "{s}");
        }
    }

    /// Issue 10: the answer to a choice put to the group is its decision;
    /// an answer to a question of fact, a hedged answer, or a line that
    /// merely opens with `no` is not.
    #[test]
    fn consent_answers_a_choice_put_to_the_group() {
        for (answer, question) in [
            (
                "Yes, Tim to follow up on email",
                "Are we okay with these asks?",
            ),
            (
                "Yes",
                "Should we close this since the requestor is not interested?",
            ),
            ("No.", "Should the board extend the deadline?"),
            (
                "Agreed",
                "Do people feel comfortable with out-of-band releases?",
            ),
            (
                "Yes.",
                "(Myles) Do people feel comfortable with out-of-band releases?",
            ),
            ("No objections", "Any objections to landing it?"),
        ] {
            assert!(
                consents_to_question(answer, question),
                "{answer} / {question}"
            );
        }
        for (answer, question) in [
            (
                "Yes, once added",
                "Bradley did we figure out if it would work?",
            ),
            ("Yes this is.", "Is this something feasible?"),
            (
                "`--no-addons` exists today",
                "Can we make native modules opt-in?",
            ),
            ("No one volunteered", "Should we run a sprint?"),
            ("Yes, maybe later", "Should we run a sprint?"),
            ("Yes", "We should run a sprint."),
        ] {
            assert!(
                !consents_to_question(answer, question),
                "{answer} / {question}"
            );
        }
    }

    /// Issue 10: councils record conclusions as `accepted`, `rejected` or
    /// `proceeding with`; a cue the classifier weighs, undone by a negation
    /// or a pending approval as `approved` is.
    #[test]
    fn acceptance_is_a_conclusion_unless_negated_or_pending() {
        let people = People::new(&[]);
        for s in [
            "The council accepted RFC 12 (streaming exports).",
            "The board unanimously rejected the proposal.",
            "Proceeding with the offer to host the summit in Lyon",
            "Seems agreement on asking maintainers to relicense.",
            "It was determined that the write-up lacks the trade-offs.",
            "Current draft looks good, can continue with a new RFC",
            "The committee resolves that the 2025 elections use the new bylaws.",
            "Need to post consensus on the DEP",
        ] {
            let c = cues(s, &people);
            assert!(
                c.contains(&"cue:decision") && c.contains(&"cue:concluded"),
                "{s}: {c:?}"
            );
        }
        for s in [
            "RFC 12 is not accepted yet.",
            "The charter is still to be accepted by the board.",
            "Waiting for acceptance of the charter before we publish.",
            "Waiting to see how the pilot goes before proceeding with other teams",
            "No regressions since we adopted the new runner.",
            "We need agreement on the schedule first.",
            "Discussed the sandbox backlog; nothing decided.",
            "The secretary will circulate the approved minutes.",
        ] {
            let c = cues(s, &people);
            assert!(!c.contains(&"cue:concluded"), "{s}: {c:?}");
        }
        // Conclusions undone (by a negation, a pending form, a clause of
        // time), not sentences without one.
        for s in [
            "RFC 12 is not accepted yet.",
            "The charter is still to be accepted by the board.",
            "No regressions since we adopted the new runner.",
        ] {
            assert!(cues(s, &people).contains(&"cue:undone"), "{s}");
        }
    }

    #[test]
    fn tasks_given_and_pending_work_read_as_commitments() {
        let people = People::new(&[]);
        // Issue 10: forms of the python keys mapped onto the commitment
        // cues every family teaches.
        for (s, cue) in [
            (
                "The council asked Wren to draft the reply.",
                "cue:person_commits",
            ),
            (
                "Odile asked that people review the changelog.",
                "cue:we_commit",
            ),
            ("RFC 9 to be reviewed next week", "cue:subjectless_will"),
            ("Survey responses to be checked", "cue:subjectless_will"),
        ] {
            assert!(cues(s, &people).contains(&cue), "{s}: {cue}");
        }
        for s in [
            "The feature seems to be supported everywhere.",
            "The date is yet to be determined.",
            "This needs to be fixed upstream.",
        ] {
            assert!(!cues(s, &people).contains(&"cue:subjectless_will"), "{s}");
        }
    }

    /// Issue 10: the passive to-do as a whole unit is the group's action.
    #[test]
    fn a_passive_to_do_alone_is_work_to_do() {
        for s in [
            "RFC 9 to be reviewed next week",
            "Mentorship survey responses to be checked.",
            "New RFC 12 for the release calendar to be discussed next week",
        ] {
            assert!(passive_todo(s), "{s}");
        }
        for s in [
            "Wait NVD database to be fixed - Ref: https://example.org/1",
            "waiting on the report from the auditors to be shared with the TSC",
            "Some concerns about RC3, mostly cosmetic issues to be addressed in 3.13.1",
            "The amount of money to be charged would need to be discussed.",
            "The date is yet to be determined.",
            "The feature seems to be supported everywhere.",
            "Ana to review the PR",
            "Allow main thread to be supplanted by another",
            "Rafael volunteered to be assigned to this.",
            "Antoine ready to be onboarded.",
            "These shouldn't be treated as goals",
        ] {
            assert!(!passive_todo(s), "{s}");
        }
    }
}
