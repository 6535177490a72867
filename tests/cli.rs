//! The command line as a user meets it: what goes to stdout and stderr, and
//! the documented exit codes (0 ok, 1 finished with problems, 2 error).

mod common;

use assert_cmd::Command;
use common::*;
use std::fs;

fn govgraph() -> Command {
    let mut c = Command::cargo_bin("govgraph").unwrap();
    c.env_remove("GOVGRAPH_STORE");
    c
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str], dir: &std::path::Path) -> Run {
    let out = govgraph().current_dir(dir).args(args).output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

#[test]
fn readme_first_command_ingests_examples_and_answers_a_saved_query() {
    let tmp = tempfile::tempdir().unwrap();
    let examples = root().join("examples");
    let r = run(&["ingest", examples.to_str().unwrap()], tmp.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.is_empty(),
        "ingest writes data to stdout: {}",
        r.stdout
    );
    assert!(r.stderr.contains("14 documents (14 new"), "{}", r.stderr);
    assert!(r.stderr.contains("16 meetings"), "{}", r.stderr);
    assert!(
        tmp.path().join("govgraph.db").is_dir(),
        "default store location"
    );

    let r = run(
        &["query", "people-in-several-groups", "--format", "csv"],
        tmp.path(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("name,login,groups,orgs,group,meetings,first,last"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("Ana Souza,anasouza,3,2,acme-js/security-wg,4,2024-01-11,2024-05-09"),
        "{}",
        r.stdout
    );

    // Unchanged on a second run.
    let r = run(&["ingest", examples.to_str().unwrap()], tmp.path());
    assert!(
        r.stderr.contains("(0 new, 0 changed, 14 unchanged"),
        "{}",
        r.stderr
    );
}

#[test]
fn store_location_from_flag_and_environment() {
    let tmp = tempfile::tempdir().unwrap();
    let examples = root().join("examples");
    let db = tmp.path().join("elsewhere.db");
    let out = govgraph()
        .current_dir(tmp.path())
        .env("GOVGRAPH_STORE", &db)
        .args(["ingest", examples.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(db.is_dir() && !tmp.path().join("govgraph.db").exists());
    let r = run(
        &[
            "query",
            "--store",
            db.to_str().unwrap(),
            "--sparql",
            "SELECT (COUNT(?m) AS ?n) WHERE { ?m a gg:Meeting }",
            "--format",
            "tsv",
        ],
        tmp.path(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().nth(1).unwrap(), "16");
}

#[test]
fn memory_ingest_writes_nothing_to_disk() {
    let tmp = tempfile::tempdir().unwrap();
    let r = run(
        &[
            "ingest",
            "--memory",
            root().join("examples").to_str().unwrap(),
        ],
        tmp.path(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(fs::read_dir(tmp.path()).unwrap().next().is_none());
}

#[test]
fn parse_prints_the_gold_fields_as_json() {
    let tmp = tempfile::tempdir().unwrap();
    let file = root().join("examples/acme-js+security-wg/meetings/2024-01-11.md");
    let r = run(
        &["parse", file.to_str().unwrap(), "--format", "json"],
        tmp.path(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    for field in GOLD_FIELDS.iter().copied().chain(["diagnostics"]) {
        assert!(v.get(field).is_some(), "missing {field}");
    }
    assert_eq!(v["date"], "2024-01-11");
    assert!(v["attendees"][0].get("name").is_some() && v["attendees"][0].get("handle").is_some());
}

#[test]
fn bad_input_gives_one_line_and_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let r = run(&["ingest", "no/such/path"], tmp.path());
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with("error: cannot read no/such/path"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);

    let empty = tmp.path().join("empty");
    fs::create_dir(&empty).unwrap();
    fs::write(empty.join("notes.json"), "{}").unwrap();
    let r = run(&["ingest", empty.to_str().unwrap()], tmp.path());
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no minutes files found"), "{}", r.stderr);

    let r = run(&["query", "no-such-query"], tmp.path());
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("no saved query named `no-such-query`"),
        "{}",
        r.stderr
    );

    let r = run(
        &["query", "decisions", "--param", "from=yesterday"],
        tmp.path(),
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("parameter `from`: `yesterday` is not a date"),
        "{}",
        r.stderr
    );

    let r = run(
        &["query", "--sparql", "SELECT ?x WHERE { ?x ?y }"],
        tmp.path(),
    );
    assert_eq!(r.code, 2, "{}", r.stderr);

    let r = run(&["export"], tmp.path());
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("run `govgraph ingest PATH...` first"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_bad_file_is_reported_and_the_batch_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("mixed");
    fs::create_dir(&dir).unwrap();
    fs::write(
        dir.join("2024-01-02.md"),
        "# TSC Meeting 2024-01-02\n\n## Present\n\n* Ann Lee (@annlee)\n",
    )
    .unwrap();
    fs::write(dir.join("2024-01-09.md"), b"\x00\x01\x02binary\x00").unwrap();
    let r = run(&["ingest", "--memory", dir.to_str().unwrap()], tmp.path());
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("2024-01-09.md:0: error[binary]"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("1 failed"), "{}", r.stderr);
    assert!(r.stderr.contains("1 meetings"), "{}", r.stderr);
}

#[test]
fn query_formats_and_list() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(
        run(
            &["ingest", root().join("examples").to_str().unwrap()],
            tmp.path()
        )
        .code,
        0
    );
    let r = run(&["query", "--list"], tmp.path());
    for q in [
        "people-in-several-groups",
        "attendance",
        "issues-most-discussed",
        "decisions",
        "actions-by-assignee",
    ] {
        assert!(r.stdout.contains(q), "{q} not listed");
    }
    let r = run(
        &["query", "issues-most-discussed", "--format", "json"],
        tmp.path(),
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(v["head"]["vars"].is_array() && v["results"]["bindings"].is_array());
    let r = run(&["query", "issues-most-discussed"], tmp.path());
    assert!(
        r.stdout.contains("acme-js/security-wg#42") && r.stdout.trim_end().ends_with("rows"),
        "{}",
        r.stdout
    );
    let r = run(
        &[
            "query",
            "--sparql",
            "CONSTRUCT { ?m a gg:Meeting } WHERE { ?m a gg:Meeting }",
            "--format",
            "ntriples",
        ],
        tmp.path(),
    );
    assert_eq!(r.stdout.lines().count(), 16, "{}", r.stdout);
}

#[test]
fn export_to_a_file() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(
        run(
            &["ingest", root().join("examples").to_str().unwrap()],
            tmp.path()
        )
        .code,
        0
    );
    let r = run(
        &["export", "--format", "turtle", "-o", "out.ttl"],
        tmp.path(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let ttl = fs::read_to_string(tmp.path().join("out.ttl")).unwrap();
    assert!(
        ttl.contains("@prefix gg: <https://w3id.org/govgraph/ns#> ."),
        "{}",
        &ttl[..300]
    );
    assert!(ttl.contains("gg:Meeting ;"), "prefixes are used");
    // Issue 15: the old assertion named a temporary file that was never
    // called that; the folder must hold the store and the export, nothing
    // else left behind by the atomic write.
    let mut left: Vec<String> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["govgraph.db", "out.ttl"]);
    // A failed export (the store folder cannot be a file) leaves no file.
    let r = run(
        &["export", "--format", "turtle", "-o", "govgraph.db"],
        tmp.path(),
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    let mut after: Vec<String> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    after.sort();
    assert_eq!(after, ["govgraph.db", "out.ttl"]);
}

/// `govgraph check` (issue 3): each finding with file:line and an excerpt,
/// JSON for tools, exit 1 when it found problems, 0 on clean minutes.
#[test]
fn check_reports_what_a_minute_taker_can_fix() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("zeta-org+tsc/meetings");
    fs::create_dir_all(&dir).unwrap();
    for day in ["02", "09", "16"] {
        fs::write(
            dir.join(format!("2024-01-{day}.md")),
            format!("# Zeta TSC Meeting 2024-01-{day}\n\n## Present\n\n* Ann Lee (@annlee)\n* Bo Chen (@bochen)\n"),
        )
        .unwrap();
    }
    fs::write(
        dir.join("2024-01-23.md"),
        "# Zeta TSC Meeting 2024-01-22\n\n## Links\n\n* **Recording**:\n* **GitHub Issue**: $GITHUB_ISSUE$\n\n## Present\n\n* Ann Lee (@anlee)\n* Bo Chen (@bochen)\n\n## Agenda\n\n* Budget [#5](https://github.com/zeta-org/tsc/issues/6)\n  * Carla will draft the budget.\n",
    )
    .unwrap();
    let r = run(&["check", tmp.path().to_str().unwrap()], tmp.path());
    assert_eq!(r.code, 1, "{}", r.stderr);
    for (code, line) in [
        ("date-mismatch", 1),
        ("empty-link", 5),
        ("template-variable", 6),
        ("handle-typo", 10),
        ("link-mismatch", 15),
        ("unknown-assignee", 16),
    ] {
        assert!(
            r.stdout.contains(&format!("warning[{code}]")),
            "{code} missing:\n{}",
            r.stdout
        );
        assert!(
            r.stdout.contains(&format!("2024-01-23.md:{line}:")),
            "{code} at line {line}:\n{}",
            r.stdout
        );
    }
    assert!(
        r.stdout.contains("`@anlee` looks like a typo of `@annlee`"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("16 |   * Carla will draft the budget."),
        "excerpt:\n{}",
        r.stdout
    );
    assert!(
        r.stderr.contains("4 files checked: 0 errors, 6 warnings"),
        "{}",
        r.stderr
    );

    let r = run(
        &["check", "--format", "json", tmp.path().to_str().unwrap()],
        tmp.path(),
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let typo = v
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "handle-typo")
        .unwrap();
    assert_eq!(typo["line"], 10);
    assert_eq!(typo["excerpt"], "* Ann Lee (@anlee)");

    // Clean minutes: nothing to say, exit 0.
    let r = run(
        &["check", dir.join("2024-01-02.md").to_str().unwrap()],
        tmp.path(),
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.is_empty());
}

#[test]
fn export_jsonld_compacts_with_a_context_and_refuses_a_bad_one() {
    // Issue 5: a context file that is not JSON-LD is one error line, exit
    // 2, and no output file.
    let (tmp, store) = examples_store();
    let s = store.as_str();
    fs::write(tmp.path().join("bad.jsonld"), r#"{"@context": 5}"#).unwrap();
    fs::write(
        tmp.path().join("remote.jsonld"),
        r#"{"@context": "https://example.org/c"}"#,
    )
    .unwrap();
    for bad in ["bad.jsonld", "remote.jsonld", "missing.jsonld"] {
        let r = run(
            &[
                "export",
                "--store",
                s,
                "--format",
                "jsonld",
                "--context",
                bad,
                "-o",
                "out.jsonld",
            ],
            tmp.path(),
        );
        assert_eq!(r.code, 2, "{bad}: {}", r.stderr);
        assert_eq!(r.stderr.lines().count(), 1, "{bad}: {}", r.stderr);
        assert!(r.stderr.contains(bad), "{bad}: {}", r.stderr);
        assert!(!tmp.path().join("out.jsonld").exists());
    }
    // A user's context: its own keys.
    fs::write(
        tmp.path().join("mine.jsonld"),
        r#"{"@context": {"participant": {"@id": "https://schema.org/attendee", "@type": "@id"}}}"#,
    )
    .unwrap();
    let r = run(
        &[
            "export",
            "--store",
            s,
            "--format",
            "jsonld",
            "--context",
            "mine.jsonld",
        ],
        tmp.path(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(doc["@context"]["participant"].is_object());
    assert!(r.stdout.contains("\"participant\""));
    assert!(!r.stdout.contains("\"https://schema.org/attendee\":"));
}

/// Issue 13, item 5: a symbolic link loop, a dangling link or a FIFO named
/// on the command line stopped the whole run (exit 2, nothing stored);
/// each is now one error line and the good files are read.
#[cfg(unix)]
#[test]
fn bad_folder_entries_are_reported_and_the_rest_is_ingested() {
    let tmp = tempfile::tempdir().unwrap();
    let meetings = tmp.path().join("zeta-org+tsc/meetings");
    fs::create_dir_all(&meetings).unwrap();
    fs::copy(
        root().join("examples/acme-js+release/meetings/2024-01-18.md"),
        meetings.join("2024-01-18.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink(tmp.path().join("zeta-org+tsc"), meetings.join("loop")).unwrap();
    std::os::unix::fs::symlink(tmp.path().join("nowhere"), meetings.join("gone.md")).unwrap();
    let fifo = std::process::Command::new("mkfifo")
        .arg(tmp.path().join("pipe"))
        .status()
        .unwrap();
    assert!(fifo.success());
    for command in ["ingest", "check"] {
        let mut args = vec![command, "zeta-org+tsc", "pipe"];
        if command == "ingest" {
            args.push("--memory");
        }
        let r = run(&args, tmp.path());
        assert_eq!(r.code, 1, "{command}: {}", r.stderr);
        for line in [
            "zeta-org+tsc/meetings/gone.md: error[unreadable]: dangling symbolic link",
            "zeta-org+tsc/meetings/loop: error[unreadable]: symbolic link loop: it leads back to zeta-org+tsc",
            "pipe: error[unreadable]: not a regular file or folder",
        ] {
            assert!(r.stderr.contains(line), "{command}: {line}\n{}", r.stderr);
        }
        if command == "ingest" {
            assert!(r.stderr.contains("1 documents (1 new"), "{}", r.stderr);
        }
    }
}

/// Issue 13, item 8: a newline in a file name broke the one-line
/// `file:line:` diagnostic; paths are shown with control characters
/// escaped, so every diagnostic stays one line a script can split.
#[cfg(unix)]
#[test]
fn a_newline_in_a_file_name_keeps_diagnostics_on_one_line() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("zeta-org+tsc");
    fs::create_dir_all(&dir).unwrap();
    // A control character in the text gives a warning with a line number.
    fs::write(
        dir.join("2024-01-02\nnotes.md"),
        "# TSC meeting 2024-01-02\n\n## Present\n\n- Ann Example (@ann-example)\n\n\u{1}stray\n",
    )
    .unwrap();
    for command in ["ingest", "check"] {
        let mut args = vec![command, "zeta-org+tsc"];
        if command == "ingest" {
            args.push("--memory");
        }
        let r = run(&args, tmp.path());
        // `ingest` writes diagnostics to stderr, `check` its findings to stdout.
        let out = format!("{}{}", r.stdout, r.stderr);
        let line = r"zeta-org+tsc/2024-01-02\nnotes.md:7";
        assert!(out.contains(line), "{command}:\n{out}");
        assert!(!out.contains("2024-01-02\nnotes"), "{command}:\n{out}");
    }
}
