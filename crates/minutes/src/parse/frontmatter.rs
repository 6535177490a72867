//! YAML front matter: `---` lines around YAML at the top of a file.
//!
//! Groups that publish minutes with a static-site generator put the
//! meeting's metadata there: its `date`, a `title`, and who attended, under
//! whatever keys the group chose (`members`, `other_attendees`, `attendees`,
//! `present`, `guests`, `regrets`…). The YAML is read by a YAML parser; the
//! keys are classified by the words they are made of, the same way an
//! attendance label in the text is (`other_attendees` is a list of
//! attendees, `regrets` a list of people who were not there).
//!
//! The front matter's lines are blanked in the text handed to the Markdown
//! reader, so line numbers stay those of the file, and the `---` lines are
//! not read as a thematic break or a heading underline.

use super::date::{self, Date};
use crate::model::{Diagnostic, Severity};
use yaml_rust2::{Yaml, YamlLoader};

/// What the front matter says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// The `date` value, when it is a valid date.
    pub date: Option<(Date, usize)>,
    /// The `title` value.
    pub title: Option<(String, usize)>,
    /// The people listed as present (or as observers, guests…): each
    /// entry's text, the role its key gives (`None` for plain attendees),
    /// and its line.
    pub attendees: Vec<(String, Option<String>, usize)>,
    /// The last line of the front matter (its closing `---`).
    pub end_line: usize,
}

/// What a front matter key lists.
#[derive(Debug, Clone, PartialEq, Eq)]
enum KeyKind {
    /// People who were there, with the role the key gives.
    Present(Option<&'static str>),
    /// People who were not.
    Absent,
    /// Something else.
    Other,
}

/// Splits the front matter off `text`: returns what it says (`None` when
/// the file has none) and the text with its lines blanked. YAML that does
/// not parse gives a diagnostic and is otherwise ignored.
pub fn split(text: &str, diagnostics: &mut Vec<Diagnostic>) -> (Option<FrontMatter>, String) {
    let mut lines = text.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("---") {
        return (None, text.to_owned());
    }
    // The closing line: `---` or `...`, within a reasonable distance (a
    // thematic break far down a document is not a front matter's end).
    let Some(end) = text
        .lines()
        .enumerate()
        .skip(1)
        .take(200)
        .find(|(_, l)| matches!(l.trim_end(), "---" | "..."))
        .map(|(i, _)| i)
    else {
        return (None, text.to_owned());
    };
    let yaml: String = text
        .lines()
        .skip(1)
        .take(end - 1)
        .collect::<Vec<_>>()
        .join("\n");
    // Blank the front matter, keeping one newline per line.
    let mut body = String::with_capacity(text.len());
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i <= end {
            if l.ends_with('\n') {
                body.push('\n');
            }
        } else {
            body.push_str(l);
        }
    }
    let docs = match YamlLoader::load_from_str(&yaml) {
        Ok(d) => d,
        Err(e) => {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "front-matter",
                e.marker().line() + 1,
                format!("the front matter is not valid YAML ({}); it is ignored", e),
            ));
            return (None, body);
        }
    };
    let mut fm = FrontMatter {
        end_line: end + 1,
        ..FrontMatter::default()
    };
    let Some(Yaml::Hash(map)) = docs.into_iter().next() else {
        return (Some(fm), body);
    };
    let yaml_lines: Vec<&str> = yaml.lines().collect();
    // A value's line: the first line at or after its key's that holds it.
    let line_of = |from: usize, needle: &str| -> usize {
        yaml_lines
            .iter()
            .enumerate()
            .skip(from)
            .find(|(_, l)| l.contains(needle))
            .map_or(from, |(i, _)| i)
            + 2
    };
    for (k, v) in &map {
        let Some(key) = k.as_str() else { continue };
        let key_line = line_of(0, &format!("{key}:")) - 2;
        match key.to_lowercase().as_str() {
            "date" | "meeting_date" | "meeting-date" | "when" => {
                let s = scalar(v);
                match s.as_deref().and_then(date::find) {
                    Some(d) => fm.date = Some((d, key_line + 2)),
                    None => diagnostics.push(Diagnostic::new(
                        Severity::Warning,
                        "front-matter",
                        key_line + 2,
                        format!("the front matter's `{key}` is not a date"),
                    )),
                }
                continue;
            }
            "title" => {
                if let Some(t) = scalar(v) {
                    fm.title = Some((t, key_line + 2));
                }
                continue;
            }
            _ => {}
        }
        let KeyKind::Present(role) = key_kind(key) else {
            continue;
        };
        for item in people_values(v) {
            let line = line_of(key_line, &item);
            fm.attendees
                .push((item, role.map(str::to_owned), line.max(key_line + 2)));
        }
    }
    (Some(fm), body)
}

/// A scalar's text (strings, numbers and dates alike).
fn scalar(v: &Yaml) -> Option<String> {
    match v {
        Yaml::String(s) | Yaml::Real(s) => Some(s.trim().to_owned()),
        Yaml::Integer(i) => Some(i.to_string()),
        _ => None,
    }
}

/// The people a value lists: a sequence of strings (or of mappings with a
/// `name`), or one string of comma-separated names.
fn people_values(v: &Yaml) -> Vec<String> {
    match v {
        Yaml::Array(items) => items
            .iter()
            .filter_map(|i| match i {
                Yaml::Hash(h) => {
                    let get = |k: &str| h.get(&Yaml::String(k.to_owned())).and_then(scalar);
                    let name = get("name")?;
                    Some(match get("github").or_else(|| get("handle")) {
                        Some(h) => format!("{name} (@{})", h.trim_start_matches('@')),
                        None => name,
                    })
                }
                other => scalar(other),
            })
            .filter(|s| !s.is_empty())
            .collect(),
        other => scalar(other)
            .map(|s| {
                s.split([',', ';'])
                    .map(|p| p.trim().to_owned())
                    .filter(|p| !p.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// What a key lists, from its words (`other_attendees`, `Members`,
/// `regrets`).
fn key_kind(key: &str) -> KeyKind {
    let lower = key.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |set: &[&str]| words.iter().any(|w| set.contains(w));
    if has(&[
        "regrets",
        "absent",
        "absentees",
        "apologies",
        "excused",
        "missing",
    ]) {
        KeyKind::Absent
    } else if has(&["observers", "observer"]) {
        KeyKind::Present(Some("observer"))
    } else if has(&["guests", "guest", "visitors", "invited"]) {
        KeyKind::Present(Some("guest"))
    } else if has(&[
        "attendees",
        "attendee",
        "attendance",
        "present",
        "participants",
        "members",
        "people",
        "attending",
    ]) {
        KeyKind::Present(None)
    } else {
        KeyKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_date_and_people_and_keeps_lines() {
        let text = "---\ndate: 2025-03-10\nmembers:\n  - Ana Souza\n  - Bo Chen\nother_attendees:\n  - Cy Diaz (@cyd)\nregrets: [Dee Eng]\n---\n\n## Agenda\n";
        let mut d = Vec::new();
        let (fm, body) = split(text, &mut d);
        let fm = fm.unwrap();
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(
            fm.date.map(|(d, l)| (d.iso(), l)),
            Some(("2025-03-10".into(), 2))
        );
        assert_eq!(
            fm.attendees,
            vec![
                ("Ana Souza".into(), None, 4),
                ("Bo Chen".into(), None, 5),
                ("Cy Diaz (@cyd)".into(), None, 7),
            ]
        );
        assert_eq!(fm.end_line, 9);
        assert_eq!(body.lines().count(), text.lines().count());
        assert_eq!(body.lines().nth(10), Some("## Agenda"));
        assert!(body.lines().take(9).all(str::is_empty));
    }

    #[test]
    fn bad_yaml_is_a_diagnostic_and_no_front_matter() {
        let mut d = Vec::new();
        let (fm, body) = split("---\ndate: [2025\n---\n# T\n", &mut d);
        assert!(fm.is_none());
        assert_eq!(d[0].code, "front-matter");
        assert_eq!(body, "\n\n\n# T\n");
    }

    #[test]
    fn a_thematic_break_is_not_front_matter() {
        let mut d = Vec::new();
        let (fm, body) = split("# Title\n---\ntext\n", &mut d);
        assert!(fm.is_none());
        assert_eq!(body, "# Title\n---\ntext\n");
    }
}
