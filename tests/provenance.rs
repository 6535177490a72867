//! Minutes read from a git checkout record the commit, the blob id and
//! GitHub permalinks to their lines; a file with uncommitted changes gets no
//! permalink (its lines would point into another version). Issue 3.

mod common;

use common::*;
use govgraph::store::Store;
use std::fs;
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .expect("git is installed");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

const MINUTES: &str = "# Zeta TSC Meeting 2024-06-04\n\n## Present\n\n* Ann Lee (@annlee)\n\n## Agenda\n\n* Budget #3\n  * We agreed to fund the docs sprint.\n";

#[test]
fn checkouts_record_commit_blob_and_permalinks() {
    let repo = tempfile::tempdir().unwrap();
    let dir = repo.path();
    git(dir, &["init", "-q"]);
    git(
        dir,
        &["remote", "add", "origin", "git@github.com:Zeta-Org/TSC.git"],
    );
    fs::create_dir(dir.join("meetings")).unwrap();
    fs::write(dir.join("meetings/2024-06-04.md"), MINUTES).unwrap();
    git(dir, &["add", "."]);
    git(
        dir,
        &[
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@e",
            "commit",
            "-q",
            "-m",
            "minutes",
        ],
    );
    let head = git(dir, &["rev-parse", "HEAD"]);
    let blob = git(dir, &["rev-parse", "HEAD:meetings/2024-06-04.md"]);

    let store = Store::memory().unwrap();
    ingest_into(&store, &[dir.to_path_buf()]);
    let doc = "<https://w3id.org/govgraph/id/doc/zeta-org/tsc/meetings/2024-06-04.md>";
    let rows = select(
        &store,
        &format!(
            "SELECT ?c ?b ?p WHERE {{ {doc} gg:gitCommit ?c ; gg:gitBlob ?b ; gg:permalink ?p }}"
        ),
    );
    let permalink = format!("https://github.com/zeta-org/tsc/blob/{head}/meetings/2024-06-04.md");
    assert_eq!(
        rows.into_iter().collect::<Vec<_>>(),
        vec![vec![head.clone(), blob, permalink.clone()]]
    );
    // The decision points at its line.
    let d = select(
        &store,
        "SELECT ?p WHERE { ?d a gg:Decision ; gg:permalink ?p }",
    );
    assert_eq!(
        d.into_iter().collect::<Vec<_>>(),
        vec![vec![format!("{permalink}#L10")]]
    );

    // Edit without committing: re-ingested, with no permalink and a note.
    fs::write(
        dir.join("meetings/2024-06-04.md"),
        MINUTES.replace("fund", "defer"),
    )
    .unwrap();
    let report = ingest_into(&store, &[dir.to_path_buf()]);
    assert!(
        report.files[0]
            .diagnostics
            .iter()
            .any(|d| d.code == "uncommitted"),
        "{:?}",
        report.files[0].diagnostics
    );
    assert!(select(&store, "SELECT ?p WHERE { ?x gg:permalink ?p }").is_empty());
    assert_eq!(
        select(
            &store,
            &format!("SELECT ?c WHERE {{ {doc} gg:gitCommit ?c }}")
        )
        .len(),
        1
    );
}
