//! Cutting a block of notes into sentences.
//!
//! A sentence ends at `.`, `!` or `?` followed by a space and a capital (or
//! a handle, or a parenthesis), unless the word before is an abbreviation
//! (`e.g.`, `vs.`, an initial); at a blank line (a paragraph break inside a
//! list item); and at a line break after end punctuation or a label, or
//! before a dash or a line that opens with a label or a speaker's turn. Offsets are kept, so every sentence knows its lines.

use regex::Regex;
use std::sync::LazyLock;

/// The sentences of `text`, each with its byte offset, trimmed.
pub fn sentences(text: &str) -> Vec<(usize, &str)> {
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
                    || opens_turn(after)
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

/// Whether a line opens with a label or a speaker's turn (`ACTION: …`,
/// `RESOLUTION: …`, `Dana: …`, `Proposed resolution: …`, or a chat nick
/// in lower case, `kira_w: …`): a chat log or a scribe's notes, one
/// statement per line.
pub fn opens_turn(line: &str) -> bool {
    static TURN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[@\p{Lu}][\p{L}\p{N}_'’.-]*(?:\x20[\p{L}][\p{L}'’-]*){0,2}|\p{Ll}[\p{L}\p{N}_|^`\[\]-]*):\s+\S")
            .unwrap()
    });
    TURN.is_match(line)
}

#[cfg(test)]
mod tests {
    use super::sentences;

    /// Issue 10: a scribe's log keeps one statement per line, whoever
    /// opens it (a label, a name, a chat nick in lower case).
    #[test]
    fn each_turn_of_a_log_is_a_sentence() {
        let s: Vec<&str> =
            sentences("RESOLUTION: ship v2\nACTION: Chen to draft it\nkira_w: I will review")
                .into_iter()
                .map(|(_, s)| s)
                .collect();
        assert_eq!(
            s,
            vec![
                "RESOLUTION: ship v2",
                "ACTION: Chen to draft it",
                "kira_w: I will review"
            ]
        );
    }

    #[test]
    fn sentences_end_where_writers_end_them() {
        let s: Vec<&str> = sentences(
            "We agreed, e.g. on v2. Ana will ship it.\nNext: @bo to review\n- a dash item",
        )
        .into_iter()
        .map(|(_, s)| s)
        .collect();
        assert_eq!(
            s,
            vec![
                "We agreed, e.g. on v2.",
                "Ana will ship it.",
                "Next: @bo to review",
                "- a dash item"
            ]
        );
    }
}
