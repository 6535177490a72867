//! Who an action belongs to.
//!
//! Once a sentence or bullet is known to be an action, its owners are read
//! from its form, in this order: the owner a label names (`ACTION @x:`,
//! `TODO(x):`); a speaker's or owner's prefix (`Emma: draft the post`,
//! `@x - review`); the subjects of a commitment (`Ana and Bo will …`,
//! `@x to …`, `The chair will …`); the person asked (`asked Łukasz to …`,
//! `told Ezio he should …`); a pronoun's antecedent in the same bullet
//! (`Barry and Thomas checked in…, they will send it`); a lead
//! (`(led by Ana)`) or a trailing owner (`… - @x`); the owner of the action
//! item this one details; else the group.
//!
//! Owners resolve to attendees of the meeting through [`People`]
//! (`roster.rs`).

pub use super::roster::{Owner, People};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Words before a subject that make a commitment a wish.
static HEDGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:should|could|might|may|maybe|perhaps|possibly|probably|would|suggest\w*|propos\w*|let'?s|lets|hopefully)\b").unwrap()
});

/// `ACTION @x: …`, `TODO(x): …`, `Action: …`: a label, which may name the
/// owner.
pub(super) static ACTION_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    // `[ACTION] Bram to …` closes the label with a bracket; `ACTION ITEM
    // (Ana):` and `Action item for Chen:` name the owner in it.
    Regex::new(r"(?i)^\W*(?:\(action\)|action(?:[ _-]?items?)?(?:\(s\))?|next[ ]steps?|ai|todo|to[ -]do|follow[ -]?ups?)(?:\s+(?P<owner>@[A-Za-z0-9][A-Za-z0-9-]*)|\s*\((?P<paren>[^)]*)\)|\s+for\s+(?P<for>[^:]{1,40}?))?(?:\s*\]\s*[:\-–!]?|\s*[:\-–!])\s*").unwrap()
});

/// The subject and commitment verb of an action sentence.
static COMMITMENT: LazyLock<Regex> = LazyLock::new(|| {
    let name = r"\p{Lu}[\p{L}'’.-]*(?:\x20\p{Lu}[\p{L}'’.-]*){0,2}";
    let handle = r"@[A-Za-z0-9][A-Za-z0-9-]*";
    // `The chair will …`, `the secretary to …`: an office, which the
    // roster resolves to whoever holds it in the attendance list.
    let office = r"[Tt]he\x20(?:chair|co-chair|secretary|treasurer|president|facilitator|scribe|host|moderator|liaison|director|editor)";
    let one = format!(r"(?:{handle}|{office}|(?:[Tt]he\x20)?{name})");
    Regex::new(&format!(
        r"(?x)(?:^|[-–—:;,(]\s*|\b(?:and|so|then|but|is|was|that)\s+)
          (?P<subj>{one}(?:\s*(?:,|and|&)\s*{one})*|[Ww]e|I|[Hh]e|[Ss]he|[Tt]hey|(?:[Hh]is|[Hh]er|[Tt]heir)\x20team|[Oo]ur\x20team)
          \s*:?\s+
          (?P<verb>will|shall|would|should|(?:is|are|am)\s+going\s+to|'ll|’ll|volunteered\s+to|offered\s+to|(?:has|have)\s+agreed\s+to|agreed\s+to|agree\s+to|(?:is|are)\s+to|plans?\s+to|needs?\s+to|will\s+need\s+to|to)
          \s+(?P<rest>\S+(?:\s+\S+)?)"
    ))
    .unwrap()
});

/// `Emma: draft …`, `@x - review …`, `Carlton & Tim: …`, `SC: …`: owners
/// opening the line.
static OWNER_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    let one = r"(?:@[A-Za-z0-9][A-Za-z0-9-]*|\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*)?|[Aa]ll|[Ee]veryone)";
    Regex::new(&format!(
        r"^\W*(?P<who>{one}(?:\s*(?:,|&|and)\s*{one})*)\s*(?::|\s[-–—]\s|\s(?:→|⇒|->|=>)\s)\s*\S"
    ))
    .unwrap()
});

/// `[Chen] prepare the roadmap`: an owner in brackets opening an entry.
static BRACKET_OWNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\[(?P<who>@?[\p{L}][\p{L}\p{N}'’. -]{0,30})\]\s*[:\-–—]?\s*(?P<rest>\S.*)$")
        .unwrap()
});

/// `Owner: Ana — draft the budget`: a label naming the owner first.
static OWNER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:owners?|assignees?|assigned\s+to)\s*:\s*(?P<who>[^—–:]{1,40}?)\s*(?:[—–:]|\s-\s)\s*(?P<rest>\S.*)$").unwrap()
});

/// `The SC decided it would …`, `the council agreed that they will …`.
static GROUP_RESOLVED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<who>we|(?:the\s+)?[\w-]+)\s+(?:decided|agreed|resolved)\s+(?:that\s+)?(?:it|they|we)\s+(?P<modal>would|will|should)\s+(?P<rest>\S+(?:\s+\S+)?)").unwrap()
});

/// `The SC decided it would tell the community …`: the group resolving to
/// act after the meeting, which is that act as well as a decision. Not a
/// choice made at the meeting (`decided that it would reject the PEP`) nor
/// a hedge (`agreed we should`).
pub(super) fn group_resolves_to_act(s: &str) -> bool {
    static CHOICE_VERB: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^(?:accept|approve|reject|adopt|keep|stay|defer|postpone|go\s+with|use|not)\b",
        )
        .unwrap()
    });
    GROUP_RESOLVED.captures(s).is_some_and(|c| {
        is_group_subject(&c["who"])
            && !c["modal"].eq_ignore_ascii_case("should")
            && !NOT_COMMITMENT_REST.is_match(&c["rest"])
            && !CHOICE_VERB.is_match(&c["rest"])
    })
}

/// Verb forms that do not agree with one person as subject.
static PLURAL_VERB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:plan|need|agree|are|have)\b").unwrap());

/// `asked Ana to …`, `told Ezio he should …`, `reminded Bo to …`.
pub(super) static ASKED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:asked|told|informed|reminded|requested|tasked|invited|encouraged)\s+(?P<who>@[A-Za-z0-9][A-Za-z0-9-]*|\p{Lu}[\p{L}'’.-]*)\s+(?:to\b|(?:that\s+)?(?:he|she|they)\s+(?:should|would|will|must|needs?\s+to))").unwrap()
});

/// Words that open sentences but are not the name of someone who could
/// own an action: a reviewed list, kept as data (`not_subjects.txt`).
static NOT_SUBJECTS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_list(include_str!("not_subjects.txt")));

/// Verbs after `to`/`will` that describe state, not a commitment.
pub(super) static NOT_COMMITMENT_REST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:be\b|have\s+been|not\b|never\b|probably\b|likely\b|potentially\b|possibly\b|perhaps\b|maybe\b|still\s+be|need\s+to\s+be|depend|remain|stay|happen|continue\s+to\s+be|also\s+be|attend\b|join\b|miss\b|require|take\s+place|work\s+for\s+me|help\s+us|make\s+it\s+easier|allow|mean|cover|apply\s+to|affect|impact|want|like\b|hear\b|see\s+if|go\s+out)").unwrap()
});

/// `be working`, `be sending`: progressive after a plan verb is still work.
fn be_doing(rest: &str) -> bool {
    let mut w = rest.split_whitespace();
    w.next() == Some("be") && w.next().is_some_and(|v| v.ends_with("ing"))
}

/// Infinitives that open a remark rather than name work (`to summarize`).
static DISCOURSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:summari[sz]e|be\s+clear|be\s+honest|clarify|recap|be\s+fair)\b").unwrap()
});

/// `(led by Ulises)`, `(owner: Ana)`, `(Marco will lead this)`.
pub(super) static LEAD_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\((?:led|lead|owned|owner|driven)\s*(?:by)?:?\s*([^)]+)\)|\(([\p{Lu}][\p{L}'’-]+)\s+will\s+lead(?:\s+this|\s+it)?\)").unwrap()
});

/// `… - @x`, `… [Ana]`: an owner after the task.
static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\s[-–—]\s*(@[A-Za-z0-9][A-Za-z0-9-]*|\p{Lu}[\p{L}'’-]+)|\[([A-Z][\w'’-]*)\])\s*\.?\s*$")
        .unwrap()
});

/// Whether a subject is the group as a whole (`we`, `All`, `SC`, `the
/// council`, `everyone`, `@everyone`).
pub fn is_group_subject(s: &str) -> bool {
    let lower = s.trim().to_lowercase();
    // `his team` is someone else's team, not the group.
    if ["his ", "her ", "their ", "my "]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return false;
    }
    lower == "we"
        || lower == "us"
        || lower == "our team"
        || lower.split_whitespace().any(|w| {
            matches!(
                w,
                "team"
                    | "group"
                    | "wg"
                    | "everyone"
                    | "all"
                    | "everybody"
                    | "tsc"
                    | "tc"
                    | "sc"
                    | "council"
                    | "committee"
                    | "board"
                    | "members"
                    | "maintainers"
                    | "folks"
            )
        })
}

/// The words of a reviewed list kept as data: one per line, `#` comments.
fn word_list(text: &'static str) -> HashSet<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// Verbs opening an imperative, never an owner (`imperative_openers.txt`).
static IMPERATIVE_OPENERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_list(include_str!("imperative_openers.txt")));

/// A capitalised word that can be a person's name rather than a common
/// word or an imperative verb opening a sentence (`Continue to work on …`
/// has no owner named `Continue`).
pub fn looks_like_first_name(w: &str) -> bool {
    name_shaped(w) && !IMPERATIVE_OPENERS.contains(w.to_lowercase().as_str())
}

/// A capitalised word that is not a common word opening a sentence: what
/// the classifier's features take for a name.
pub fn name_shaped(w: &str) -> bool {
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

/// `ARM`, `PSF`: a short word in capitals, the subject of a `will`.
fn is_acronym(n: &str, verb: &str) -> bool {
    (2..=5).contains(&n.len())
        && n.chars().all(|c| c.is_ascii_uppercase())
        && (verb == "will" || verb.ends_with("going to"))
}

fn split_subjects(subj: &str) -> Vec<String> {
    subj.split([',', '&'])
        .flat_map(|p| p.split(" and "))
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The subjects of the commitments in a sentence (`Ana and Bo will …`,
/// `@x to …`, `we'll …`); `he`, `she` and `they` stand for `antecedent`.
pub fn commitments(s: &str, people: &People, antecedent: &[Owner]) -> Vec<Owner> {
    // `we'll` is `we will`.
    let s = &s.replace("’ll ", " will ").replace("'ll ", " will ");
    // `The SC decided it would tell the community`: the group resolved to
    // act, reported; `it` is the group.
    if let Some(c) = GROUP_RESOLVED.captures(s)
        && is_group_subject(&c["who"])
        && !NOT_COMMITMENT_REST.is_match(&c["rest"])
    {
        return vec![Owner::group(&c["who"])];
    }
    for c in COMMITMENT.captures_iter(s) {
        // `Possibly, we'll …`: a wish, not a commitment.
        if HEDGE.is_match(&s[..c.get(0).unwrap().start()]) {
            continue;
        }
        let subj = c.name("subj").unwrap().as_str();
        let verb = c.name("verb").unwrap().as_str();
        let rest = c.name("rest").unwrap().as_str();
        let at_start = c.get(0).unwrap().start() == 0;
        // `Darcy would like to attend`: a state or a wish, not work; but
        // `they will be sending it` is work in progress.
        if NOT_COMMITMENT_REST.is_match(rest) && !be_doing(rest) {
            continue;
        }
        // `BC: to summarize, …` opens a recap; `Michael will summarize` is work.
        if verb == "to" && DISCOURSE.is_match(rest) {
            continue;
        }
        match subj.to_lowercase().as_str() {
            "we" | "our team" => return vec![Owner::group(subj)],
            "i" => continue,
            // `His team is going to propose a schema`: the team of the
            // person spoken of, who answers for it.
            "he" | "she" | "they" | "his team" | "her team" | "their team" => {
                if !antecedent.is_empty() {
                    return antecedent.to_vec();
                }
                // `Barry and Thomas checked in on the draft, they will send
                // it`: the antecedent opens the same sentence.
                let opening = sentence_subjects(s, people);
                if c.get(0).unwrap().start() > 0 && !opening.is_empty() {
                    return opening;
                }
                continue;
            }
            _ => {}
        }
        let mut names = split_subjects(subj);
        // `Yes, Tim to follow up`: words before the people in a list of
        // subjects are not subjects when the rest are all attendees.
        let known = |n: &String| n.starts_with('@') || people.knows(n);
        if names.len() > 1 && !known(&names[0]) {
            let lead = names.iter().take_while(|n| !known(n)).count();
            if lead < names.len() && names[lead..].iter().all(known) {
                names.drain(..lead);
            }
        }
        let subj = if names.len() == 1 {
            names[0].as_str()
        } else {
            subj
        };
        if names.len() == 1 && people.knows(subj) {
            // `The Chair`, a full name, a handle.
            return vec![people.resolve(subj)];
        }
        if is_group_subject(subj) {
            return vec![Owner::group(subj)];
        }
        let all_known = names.iter().all(known);
        // `Create plan to adopt …`: one person does not `plan to` or `need
        // to`; a lone unknown word before a plural verb is an imperative.
        if names.len() == 1 && !all_known && PLURAL_VERB.is_match(verb) {
            continue;
        }
        // `X to do` needs X to be someone: a handle, an attendee, or a lone
        // capitalised name opening the sentence (`James to schedule`).
        let lone_name =
            names.len() == 1 && !names[0].contains(' ') && looks_like_first_name(&names[0]);
        if verb == "to" && !(all_known || (at_start && lone_name)) {
            continue;
        }
        let mut out = Vec::new();
        for n in names {
            // Someone not in the attendance list must look like a name; in
            // the terse `X to …` form, where a verb opening a sentence reads
            // the same (`Try to …`, `Defer to …`), it must also be written as
            // a name elsewhere in the minutes (`Rodd/James` … `James to …`).
            let first = n.split_whitespace().next().unwrap_or("");
            // `ARM will reimburse the costs`: an organisation's acronym
            // commits as a name does.
            let name_like = (looks_like_first_name(first) || is_acronym(&n, verb))
                && (verb != "to" || people.proper_noun(first));
            let lower = n.to_lowercase();
            if (!n.starts_with('@') && !people.knows(&n) && !name_like)
                || lower.starts_with("the ")
                || lower.starts_with("his ")
            {
                continue;
            }
            out.push(people.resolve(&n));
        }
        if !out.is_empty() {
            return out;
        }
    }
    Vec::new()
}

/// `Ana and Bo checked in …`: the people a sentence opens with, which a
/// `they` in the next sentence of the same bullet stands for.
pub fn sentence_subjects(s: &str, people: &People) -> Vec<Owner> {
    static OPENING: LazyLock<Regex> = LazyLock::new(|| {
        let one = r"(?:@[A-Za-z0-9][A-Za-z0-9-]*|\p{Lu}[\p{L}'’.-]*(?:\x20\p{Lu}[\p{L}'’.-]*)?)";
        Regex::new(&format!(
            r"^\W*(?P<subj>{one}(?:\s*(?:,|and|&)\s*{one})*),?\s+\p{{Ll}}"
        ))
        .unwrap()
    });
    let Some(c) = OPENING.captures(s) else {
        return Vec::new();
    };
    split_subjects(&c["subj"])
        .into_iter()
        .filter(|n| {
            n.starts_with('@')
                || people.knows(n)
                || looks_like_first_name(n.split_whitespace().next().unwrap_or(""))
        })
        .map(|n| people.resolve(&n))
        .filter(|o| o.assignee != "group")
        .collect()
}

/// The owners of an action, read from its text (see the module docs);
/// `inherited` are the owners of the action it details, `antecedent` those
/// of the sentence before it in the same bullet. Never empty: an action
/// nobody is named for is the group's.
pub fn owners(
    text: &str,
    people: &People,
    inherited: &[Owner],
    antecedent: &[Owner],
) -> Vec<Owner> {
    if let Some(c) = ACTION_LABEL.captures(text) {
        // `ACTION ITEM (Ana):`, `Action item for Chen:`; not `Action items
        // (from last week):`, whose parenthesis names no one.
        if let Some(o) = c
            .name("owner")
            .or_else(|| c.name("paren"))
            .or_else(|| c.name("for"))
            .map(|m| m.as_str().trim())
            .filter(|o| {
                o.starts_with('@')
                    || people.knows(o)
                    || (o.split_whitespace().count() <= 3
                        && o.split_whitespace().all(looks_like_first_name))
            })
        {
            return vec![people.resolve(o)];
        }
        let body = &text[c.get(0).unwrap().end()..];
        return owners(body, people, inherited, antecedent);
    }
    // `[Chen] prepare the roadmap`, `Owner: Ana — draft the budget`: the
    // owner in brackets, or after a label saying so, as `Chen: …` would.
    if let Some(c) = BRACKET_OWNER
        .captures(text)
        .or_else(|| OWNER_LABEL.captures(text))
        && !ACTION_LABEL.is_match(&c["who"])
    {
        let restated = format!("{}: {}", c["who"].trim(), &c["rest"]);
        return owners(&restated, people, inherited, antecedent);
    }
    if let Some(c) = OWNER_PREFIX.captures(text) {
        // `Ruy: Rafael is to work on it`: a speaker reporting someone
        // else's commitment; the sentence's own subject owns it.
        let after = &text[c.name("who").unwrap().end()..];
        let after = after.trim_start_matches([':', ' ', '-', '–', '—', '→', '⇒', '>', '=']);
        let inner = commitments(after, people, antecedent);
        if inner.iter().any(|o| o.assignee != "group") {
            return inner;
        }
        let names = split_subjects(&c["who"]);
        let colon = c.get(0).unwrap().as_str().contains(':');
        // `Emma: draft …`: names before a colon, when they are names; a
        // handle or an attendee before a dash too.
        let person = |n: &String| {
            n.starts_with('@')
                || people.knows(n)
                || (colon && looks_like_first_name(n.split_whitespace().next().unwrap_or("")))
        };
        if names.iter().all(person) {
            return names.iter().map(|n| people.resolve(n)).collect();
        }
        // `Security Team - settle on roles`, under `Tim: Teams Charters`:
        // a topic, the detail of Tim's action.
        if names.len() == 1 && is_group_subject(&names[0]) {
            if !inherited.is_empty() {
                return inherited.to_vec();
            }
            if colon {
                return vec![people.resolve(&names[0])];
            }
        }
    }
    let opening = text.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '@');
    // `We agree to try the action (lead by Thomas)`: the group's work, with
    // the person who leads it named; the lead owns it.
    let lead = LEAD_BY.captures(text).map(|c| {
        let n = c
            .get(1)
            .or_else(|| c.get(2))
            .map_or("", |m| m.as_str())
            .trim();
        vec![people.resolve(n)]
    });
    let found = commitments(opening, people, antecedent);
    if !found.is_empty() {
        if found.iter().all(|o| o.assignee == "group")
            && let Some(lead) = lead
        {
            return lead;
        }
        return found;
    }
    if let Some(c) = ASKED.captures(text) {
        return vec![people.resolve(&c["who"])];
    }
    if let Some(lead) = lead {
        return lead;
    }
    if let Some(c) = TRAILING.captures(text) {
        let n = c.get(1).or_else(|| c.get(2)).unwrap().as_str();
        if n.starts_with('@') || people.knows(n) {
            return vec![people.resolve(n)];
        }
    }
    let first = opening.split([' ', ':', ',']).next().unwrap_or("");
    // `Frank's post will be converted`: whose thing it is, not who acts.
    let possessive = first.ends_with("'s") || first.ends_with("’s");
    if !possessive && people.knows(first) {
        return vec![people.resolve(first)];
    }
    if !inherited.is_empty() {
        return inherited.to_vec();
    }
    vec![Owner::group("group")]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Attendee;

    fn people() -> People {
        let a = |name: &str, handle: Option<&str>| Attendee {
            name: Some(name.into()),
            handle: handle.map(Into::into),
            role: None,
            affiliation: None,
            line: 1,
        };
        People::new(&[
            a("Ana Souza", Some("AnaS")),
            a("Bo Chen", Some("bo-c")),
            a("Emmanuelle Dupont", None),
            a("Cy Diaz", None),
        ])
        .with_text("we met Rodd/James and Jo")
    }

    fn who(text: &str) -> Vec<(String, Option<String>)> {
        owners(text, &people(), &[], &[])
            .into_iter()
            .map(|o| (o.assignee, o.attendee))
            .collect()
    }

    #[test]
    fn owners_in_the_forms_minutes_use() {
        let s = |a: &str| (a.to_owned(), None);
        let k = |a: &str, k: &str| (a.to_owned(), Some(k.to_owned()));
        assert_eq!(who("Ana will ship it"), vec![k("anas", "anas")]);
        assert_eq!(who("@bo-c to review #12"), vec![k("bo-c", "bo-c")]);
        assert_eq!(
            who("Ana and Bo will pair on it"),
            vec![k("anas", "anas"), k("bo-c", "bo-c")]
        );
        // A first name that fits one attendee without a login: as written.
        assert_eq!(
            who("Emma: draft the post"),
            vec![k("Emma", "Emmanuelle Dupont")]
        );
        assert_eq!(who("Cy will email the board"), vec![k("Cy", "Cy Diaz")]);
        assert_eq!(who("All: review the document"), vec![s("group")]);
        assert_eq!(who("SC: send the notice"), vec![s("group")]);
        assert_eq!(who("ACTION @bo-c: update the FAQ"), vec![k("bo-c", "bo-c")]);
        assert_eq!(who("TODO(Ana): rotate the keys"), vec![k("anas", "anas")]);
        assert_eq!(
            who("The SC informed Pablo he should draft it"),
            vec![s("Pablo")]
        );
        assert_eq!(who("James to schedule the call"), vec![s("James")]);
        assert_eq!(who("Try to schedule the call"), vec![s("group")]);
        assert_eq!(
            who("Publish the notes (led by Cy)"),
            vec![k("Cy", "Cy Diaz")]
        );
        assert_eq!(who("We will publish the notes"), vec![s("group")]);
        // Regressions of issue 10: a lead named in the group's commitment,
        // a reply before the owner, an imperative before a plural verb.
        assert_eq!(
            who("We agree to try the new setup (lead by Cy)"),
            vec![k("Cy", "Cy Diaz")]
        );
        assert_eq!(
            who("Yes, Cy to follow up by email"),
            vec![k("Cy", "Cy Diaz")]
        );
        assert_eq!(who("Create plan to adopt the charter"), vec![s("group")]);
        assert_eq!(
            who("The SC discussed the PEP and that Cy would write the reply"),
            vec![k("Cy", "Cy Diaz")]
        );
        assert_eq!(
            who("The SC decided it would tell the community"),
            vec![s("group")]
        );
        assert_eq!(
            who("Ana and Bo plan to write it"),
            vec![k("anas", "anas"), k("bo-c", "bo-c")]
        );
    }

    #[test]
    fn pronouns_take_the_sentence_before() {
        let p = people();
        let before = sentence_subjects("Ana and Bo checked in on the draft", &p);
        let after = owners("they will send it out soon", &p, &[], &before);
        assert_eq!(after.len(), 2);
        assert_eq!(after[1].assignee, "bo-c");
        // Issue 10: a speaker set off by a comma is the subject too, and
        // `his team` is that person's.
        let before = sentence_subjects("Ana, from talks on GitHub, would want more data", &p);
        let after = owners("His team is going to propose a schema", &p, &[], &before);
        assert_eq!(after.len(), 1);
        assert_eq!(after[0].assignee, "anas");
    }

    #[test]
    fn a_pronoun_takes_the_subject_of_its_own_sentence() {
        let p = people();
        let o = owners(
            "Ana and Bo checked in on the draft, they will be sending it soon",
            &p,
            &[],
            &[],
        );
        assert_eq!(o.len(), 2, "{o:?}");
        assert_eq!(
            who("ARM will reimburse the costs"),
            vec![("ARM".to_owned(), None)]
        );
        // The group's own acronym is the group.
        assert_eq!(
            who("SC will send the notice"),
            vec![("group".to_owned(), None)]
        );
    }

    #[test]
    fn a_detail_takes_its_action_owner() {
        let p = people();
        let parent = owners("Emma: draft the post", &p, &[], &[]);
        let child = owners("Share it on the forum", &p, &parent, &[]);
        assert_eq!(child[0].assignee, "Emma");
    }
}
