//! Files that hold several meetings (issue 10), on the real corpus: the
//! answer keys of `../shared/gold` list each keyed log's meetings by date,
//! and every monthly file of the Python Steering Council is such a log.

use govgraph_minutes::source::{self, read_source};
use std::path::{Path, PathBuf};

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// The meeting dates the parser finds in one file, in file order.
fn dates(path: &Path) -> Vec<Option<String>> {
    let file = source::discover(&[path.to_path_buf()])
        .unwrap()
        .files
        .remove(0);
    read_source(&file)
        .unwrap()
        .minutes
        .meetings
        .iter()
        .map(|m| m.date.clone())
        .collect()
}

#[test]
fn keyed_logs_give_the_keys_meetings_in_order() {
    let gold = shared().join("gold");
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(&gold).sort_by_file_name() {
        let path = entry.unwrap().into_path();
        if !path.to_string_lossy().ends_with(".md.json") {
            continue;
        }
        let key: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let Some(meetings) = key.get("meetings").and_then(|m| m.as_array()) else {
            continue;
        };
        let want: Vec<Option<String>> = meetings
            .iter()
            .map(|m| m["date"].as_str().map(str::to_owned))
            .collect();
        let source = shared()
            .join("corpus")
            .join(key["source"].as_str().unwrap());
        assert_eq!(dates(&source), want, "{}", source.display());
        checked += 1;
    }
    assert!(checked >= 4, "only {checked} keyed logs");
}

/// Monthly updates (`2021-03-steering-council-update.md`) are logs; the
/// dated single updates of 2019–2020 and the quarterly summaries, which
/// date no meeting, are not.
#[test]
fn every_monthly_update_is_a_log_of_dated_meetings() {
    let dir = shared().join("corpus/python+steering-council/updates");
    let monthly = regex::Regex::new(r"^\d{4}-\d{2}-steering-council-update\.md$").unwrap();
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if !monthly.is_match(&path.file_name().unwrap().to_string_lossy()) {
            continue;
        }
        files += 1;
        let found = dates(&path);
        // A month holds at least two meetings, each dated in that month or
        // the one before (a summary can begin with the last meeting of the
        // previous month).
        assert!(found.len() >= 2, "{}: {found:?}", path.display());
        let month = &path.file_name().unwrap().to_string_lossy()[..7];
        for d in &found {
            let d = d
                .as_deref()
                .unwrap_or_else(|| panic!("{}: undated meeting", path.display()));
            assert!(
                d.starts_with(month) || d < month,
                "{}: {d} is after the file's month",
                path.display()
            );
        }
    }
    assert!(files >= 35, "only {files} monthly files");
}
