//! Child processes measured by the kernel, shared by the benchmarks that
//! compare govgraph with Oxigraph's own bulk loader.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What the kernel says one child process cost.
#[derive(Clone, Copy)]
pub struct Cost {
    pub wall: Duration,
    pub cpu: Duration,
    pub peak_mib: f64,
}

/// Runs a command to its end, output discarded; panics when it fails,
/// since a figure of a failed run means nothing.
pub fn measure(cmd: &mut Command) -> Cost {
    #[expect(clippy::zombie_processes, reason = "wait4 below reaps it")]
    let child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: `rusage` is plain data the kernel fills in; `pid` is our own
    // child, not yet waited for (`child` is never waited on by std).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    assert_eq!(waited, pid, "wait4 failed");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "{cmd:?} failed (status {status})"
    );
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Cost {
        wall,
        cpu: time(usage.ru_utime) + time(usage.ru_stime),
        // Linux reports kilobytes.
        peak_mib: usage.ru_maxrss as f64 / 1024.0,
    }
}

/// The floor, meant to run in a child: Oxigraph's bulk loader, as
/// `oxigraph load` runs it, given each quad of `nquads` and, when `union`
/// is set, its copy in the default graph (the quads govgraph stores).
pub fn oxigraph_load(nquads: &Path, store: &Path, union: bool) {
    use oxigraph::io::{RdfFormat, RdfParser};
    use oxigraph::model::{GraphName, Quad};
    let store = oxigraph::store::Store::open(store).unwrap();
    let file = std::io::BufReader::new(std::fs::File::open(nquads).unwrap());
    let quads = RdfParser::from_format(RdfFormat::NQuads)
        .for_reader(file)
        .flat_map(|q| {
            let q = q.unwrap();
            let copy = union.then(|| {
                Quad::new(
                    q.subject.clone(),
                    q.predicate.clone(),
                    q.object.clone(),
                    GraphName::DefaultGraph,
                )
            });
            std::iter::once(q).chain(copy)
        });
    let mut loader = store.bulk_loader();
    loader.load_quads(quads).unwrap();
    loader.commit().unwrap();
}

/// The bytes of every file under `dir`.
pub fn size_on_disk(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let meta = e.metadata().unwrap();
            if meta.is_dir() {
                size_on_disk(&e.path())
            } else {
                meta.len()
            }
        })
        .sum()
}
