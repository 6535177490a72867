//! Parser fixtures: one minutes file per form seen in the corpus, each with
//! its extraction worked out by hand from `shared/gold/GUIDE.md` in a
//! `.md.json` beside it (`tests/fixtures/parse/README.md` lists the forms).

use govgraph_minutes::source::{self, read_source};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// The fields the answer keys define (`shared/gold/GUIDE.md`), which
/// `govgraph parse` must print with the same meaning.
const GOLD_FIELDS: &[&str] = &[
    "date",
    "attendees",
    "teams",
    "links",
    "references",
    "decisions",
    "actions",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The fields the answer keys define, from the tool's model: one value per
/// meeting the file holds.
fn gold_views(m: &govgraph_minutes::model::Minutes) -> Vec<Value> {
    m.views()
        .iter()
        .map(|view| {
            let v = serde_json::to_value(view).unwrap();
            json!({
                "date": v["date"],
                "attendees": v["attendees"].as_array().unwrap().iter().map(|a| json!({"name": a["name"], "handle": a["handle"]})).collect::<Vec<_>>(),
                "teams": v["teams"],
                "links": v["links"],
                "references": v["references"],
                "decisions": v["decisions"].as_array().unwrap().iter().map(|d| json!({"text": d["text"]})).collect::<Vec<_>>(),
                "actions": v["actions"].as_array().unwrap().iter().map(|a| json!({"assignee": a["assignee"], "text": a["text"]})).collect::<Vec<_>>(),
            })
        })
        .collect()
}

fn check(md: &Path) -> Result<(), String> {
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(md.with_extension("md.json")).unwrap())
            .unwrap();
    let file = source::discover(&[md.to_path_buf()])
        .unwrap()
        .files
        .remove(0);
    let got = gold_views(&read_source(&file).unwrap().minutes);
    // A key of a file with several meetings lists them under `meetings`
    // (GUIDE.md); a key of one meeting is that meeting.
    let expected: Vec<Value> = match expected.get("meetings") {
        Some(list) => list.as_array().unwrap().clone(),
        None => vec![expected],
    };
    let mut problems = Vec::new();
    if got.len() != expected.len() {
        problems.push(format!(
            "  meetings: expected {}, got {} (dated {:?})",
            expected.len(),
            got.len(),
            got.iter().map(|g| g["date"].clone()).collect::<Vec<_>>()
        ));
    }
    for (i, (got, expected)) in got.iter().zip(&expected).enumerate() {
        for field in GOLD_FIELDS.iter().copied() {
            if got[field] != expected[field] {
                problems.push(format!(
                    "  meeting {i}, {field}:\n    expected {}\n    got      {}",
                    expected[field], got[field]
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\n{}", md.display(), problems.join("\n")))
    }
}

#[test]
fn every_fixture_extracts_as_worked_out_by_hand() {
    let dir = root().join("tests/fixtures/parse");
    let mut failures = Vec::new();
    let mut n = 0;
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
        let path = entry.unwrap().into_path();
        if path.extension().is_some_and(|e| e == "md") && path.with_extension("md.json").exists() {
            n += 1;
            if let Err(e) = check(&path) {
                failures.push(e);
            }
        }
    }
    assert!(n >= 20, "only {n} fixtures");
    assert!(
        failures.is_empty(),
        "{} of {n} fixtures differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
