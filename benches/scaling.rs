//! Whether one large document costs in proportion to its size (issue 13,
//! item 7): each of the three inputs that once cost the square of their
//! size, generated at a size N and at 10 N, through `govgraph parse` and
//! `govgraph ingest` (a fresh on-disk store), then one line of it edited
//! and ingested again. Beside them, the floor: Oxigraph's own bulk loader
//! given the same quads (the store's N-Quads export, each quad also in the
//! default graph, as govgraph stores them) in a fresh store. Each run is a
//! child process, measured by the kernel (`wait4`): wall time, CPU time and
//! peak resident memory; and the size of the store after the edit and of the
//! floor's. The goal is that 10 N costs at most 12 times N;
//! nothing is asserted (these machines are too noisy for timed
//! assertions), the ratios are printed.
//!
//! `cargo bench --bench scaling` (about three minutes on two cores).
//!
//! The inputs, all fictional:
//! - `attendees`: one meeting with N attendees who share ten first names
//!   (the attendee index once compared each name with every earlier one);
//! - `references`: N agenda lines, each naming a GitHub issue (the scanner
//!   once rescanned earlier matches, and the whole document was one
//!   transaction);
//! - `lines`: N lines of notes, alternating list items and paragraphs.

mod child;

use child::Cost;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

/// Writes an input of the given size, with the given text added to one line.
type Generator = fn(usize, &str) -> String;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, nquads, store] = &args[..]
        && flag == "--oxigraph-load"
    {
        child::oxigraph_load(Path::new(nquads), Path::new(store), true);
        return;
    }
    let cases: [(&str, usize, Generator); 3] = [
        ("attendees", 2_000, attendees),
        ("references", 10_000, references),
        ("lines", 20_000, lines),
    ];
    let dir = tempfile::tempdir().unwrap();
    println!(
        "{:<11} {:>8}  {:<7} {:>9} {:>9} {:>9} {:>10}",
        "input", "size", "step", "wall s", "cpu s", "peak MiB", "store MiB"
    );
    let mut ratios = Vec::new();
    for (name, n, generate) in cases {
        let mut costs = Vec::new();
        for size in [n, 10 * n] {
            let file = dir.path().join(format!("{name}-{size}.md"));
            std::fs::write(&file, generate(size, "")).unwrap();
            let store = dir.path().join(format!("{name}-{size}.db"));
            let parse = run(&["parse", "--format", "json"], &file, None);
            let ingest = run(&["ingest"], &file, Some(&store));
            // One line changed: the document is replaced, and only what
            // differs should be written.
            std::fs::write(&file, generate(size, " (edited)")).unwrap();
            let edit = run(&["ingest"], &file, Some(&store));
            let nquads = dir.path().join(format!("{name}-{size}.nq"));
            let status = Command::new(env!("CARGO_BIN_EXE_govgraph"))
                .args(["export", "--format", "nquads", "--store"])
                .arg(&store)
                .arg("-o")
                .arg(&nquads)
                .status()
                .unwrap();
            assert!(status.success(), "export failed");
            let floor_store = dir.path().join(format!("{name}-{size}.oxigraph"));
            let floor = child::measure(
                Command::new(std::env::current_exe().unwrap())
                    .arg("--oxigraph-load")
                    .arg(&nquads)
                    .arg(&floor_store),
            );
            let mib = |p: &Path| format!("{:.0}", child::size_on_disk(p) as f64 / (1 << 20) as f64);
            for (step, c, disk) in [
                ("parse", parse, String::new()),
                ("ingest", ingest, String::new()),
                ("edit", edit, mib(&store)),
                ("floor", floor, mib(&floor_store)),
            ] {
                println!(
                    "{name:<11} {size:>8}  {step:<7} {:>9.2} {:>9.2} {:>9.0} {disk:>10}",
                    c.wall.as_secs_f64(),
                    c.cpu.as_secs_f64(),
                    c.peak_mib
                );
            }
            costs.push([parse, ingest, edit, floor]);
        }
        for (i, step) in ["parse", "ingest", "edit", "floor"].iter().enumerate() {
            let ratio = |f: fn(&Cost) -> f64| f(&costs[1][i]) / f(&costs[0][i]);
            ratios.push(format!(
                "{name:<11} {step:<7} 10x input: {:>5.1}x wall, {:>5.1}x cpu, {:>5.1}x memory",
                ratio(|c| c.wall.as_secs_f64()),
                ratio(|c| c.cpu.as_secs_f64()),
                ratio(|c| c.peak_mib)
            ));
        }
    }
    println!();
    for r in ratios {
        println!("{r}");
    }
}

/// Runs `govgraph ARGS FILE` (with `--store` when given), output discarded;
/// panics when it fails, since a figure of a failed run means nothing.
fn run(args: &[&str], file: &Path, store: Option<&Path>) -> Cost {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_govgraph"));
    cmd.args(args);
    if let Some(store) = store {
        cmd.arg("--store").arg(store);
    }
    child::measure(cmd.arg(file))
}

/// The start of every generated meeting.
fn heading(out: &mut String) {
    out.push_str("# Orbit Working Group Meeting 2031-05-06\n\n## Present\n\n");
}

fn attendees(n: usize, edit: &str) -> String {
    const FIRST: [&str; 10] = [
        "Ada", "Bram", "Cleo", "Dov", "Esme", "Femi", "Gita", "Hugo", "Ines", "Jory",
    ];
    let mut out = String::new();
    heading(&mut out);
    for i in 0..n {
        let _ = writeln!(out, "* {} Quill{i} (@quill{i})", FIRST[i % FIRST.len()]);
    }
    let _ = writeln!(out, "\n## Agenda\n\n* Roadmap review{edit}");
    out
}

fn references(n: usize, edit: &str) -> String {
    let mut out = String::new();
    heading(&mut out);
    out.push_str("* Ada Quill (@adaquill)\n\n## Agenda\n\n");
    for i in 0..n {
        let extra = if i == n / 2 { edit } else { "" };
        let _ = writeln!(out, "* Triage orbit-org/orbit#{} and its fix{extra}", i + 1);
    }
    out
}

fn lines(n: usize, edit: &str) -> String {
    let mut out = String::new();
    heading(&mut out);
    out.push_str("* Ada Quill (@adaquill)\n\n## Notes\n\n");
    for i in 0..n {
        let extra = if i == n / 2 { edit } else { "" };
        if i % 2 == 0 {
            let _ = writeln!(out, "* note {i}{extra}");
        } else {
            let _ = writeln!(
                out,
                "\nParagraph {i} of the notes, about the schedule{extra}.\n"
            );
        }
    }
    out
}
