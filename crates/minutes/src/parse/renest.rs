//! Sub-bullets indented too far, put back under their item.
//!
//! Minutes pasted from a word processor often indent sub-bullets by six or
//! eight spaces under a two-column `- ` item. CommonMark reads such a line,
//! right after the item's text, as a continuation of that text (four
//! columns past the item's content is too far for a nested list, and a
//! paragraph cannot be interrupted by indented code), so `- Emma: draft the
//! post` and its three sub-bullets become one bullet. Every reader of those
//! minutes sees a nested list, and so should govgraph: each such line is
//! re-indented to the item's content column before the Markdown is read.
//! Only leading spaces change, never the number of lines, so every line
//! number stays the file's.

use std::borrow::Cow;

/// The text with over-indented sub-bullets re-indented under the item they
/// follow; borrowed unchanged when there are none.
pub fn renest(text: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut changed = false;
    // Items open above the current line: (indentation, content column),
    // both after re-indenting.
    let mut open: Vec<(usize, usize)> = Vec::new();
    // Indentations re-mapped so far (as written, as re-indented), so that
    // the siblings of a re-indented bullet follow it.
    let mut remap: Vec<(usize, usize)> = Vec::new();
    // Whether the previous line is text of a list item (not a blank line).
    let mut in_item = false;
    let mut fence: Option<&str> = None;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let indent = body.len() - body.trim_start_matches(' ').len();
        let rest = &body[indent..];
        if let Some(f) = fence {
            if rest.starts_with(f) {
                fence = None;
            }
            out.push_str(line);
            continue;
        }
        if rest.starts_with("```") || rest.starts_with("~~~") {
            fence = Some(&rest[..3]);
            in_item = false;
            out.push_str(line);
            continue;
        }
        if rest.is_empty() || rest.starts_with('\t') {
            in_item = false;
            out.push_str(line);
            continue;
        }
        let Some(marker) = marker_len(rest) else {
            if indent == 0 && !in_item {
                open.clear();
                remap.clear();
            }
            out.push_str(line);
            continue;
        };
        let mut new_indent = indent;
        if let Some(&(_, to)) = remap.iter().rev().find(|&&(from, _)| from == indent) {
            new_indent = to;
        } else if in_item && let Some(&(_, content)) = open.last() {
            if indent >= content + 4 {
                new_indent = content;
                remap.push((indent, new_indent));
            }
        } else {
            remap.retain(|&(from, _)| from < indent);
        }
        while open.last().is_some_and(|&(at, _)| at >= new_indent) {
            open.pop();
        }
        open.push((new_indent, new_indent + marker));
        in_item = true;
        if new_indent == indent {
            out.push_str(line);
        } else {
            changed = true;
            out.extend(std::iter::repeat_n(' ', new_indent));
            out.push_str(&line[indent..]);
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// The width of a list marker and the space after it (`- `, `* `, `+ `,
/// `1. `, `2) `), if the line starts with one.
fn marker_len(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let mark = match bytes.first()? {
        b'-' | b'*' | b'+' => 1,
        _ if (1..=9).contains(&digits) && matches!(bytes.get(digits), Some(b'.' | b')')) => {
            digits + 1
        }
        _ => return None,
    };
    let spaces = bytes[mark..].iter().take_while(|&&b| b == b' ').count();
    // `-` alone or `---` is no bullet; a bullet's text follows one to four
    // spaces.
    (1..=4).contains(&spaces).then_some(mark + spaces)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn over_indented_sub_bullets_nest_under_their_item() {
        let text = "- Emma: draft the post\n      - Paste the draft\n      - Share it\n- Tim: charters\n      - Ask Claude\n";
        assert_eq!(
            renest(text),
            "- Emma: draft the post\n  - Paste the draft\n  - Share it\n- Tim: charters\n  - Ask Claude\n"
        );
    }

    #[test]
    fn well_formed_lists_and_code_are_left_alone() {
        for text in [
            "- item\n  - child\n    - grandchild\n",
            "- item\n\n      indented code after a blank line\n",
            "Text\n\n```\n      - not a list\n```\n",
            "* a\n* b\n\n---\n",
        ] {
            assert!(matches!(renest(text), Cow::Borrowed(_)), "{text}");
        }
    }

    #[test]
    fn line_count_is_kept() {
        let text = "- a\n        - b\r\n        - c\n";
        assert_eq!(renest(text).lines().count(), text.lines().count());
    }
}
