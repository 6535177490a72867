//! `govgraph serve` under load and under attack (issue 13), on loopback,
//! against the shared corpus: the figures the README quotes. Nothing is
//! asserted (timings on these machines are noisy); every client and every
//! phase is bounded in time and count.
//!
//! 1. Idle: the resident memory of the server and its workers.
//! 2. Attack: two runaway sorts, 500 idle sockets and 100 sockets sending
//!    a header byte every two seconds, all at once; then a new client's
//!    first (uncached) saved query, and the memory after the deadline.
//! 3. 1,000 concurrent clients, a new connection each, of a cheap saved
//!    query: errors, timeouts, p50 and p99.
//! 4. 100 concurrent keep-alive clients of a cached query for five seconds:
//!    requests per second.
//!
//! `cargo bench --bench serve`

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The query timeout the server runs with here.
const TIMEOUT_S: u64 = 5;

struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(store: &std::path::Path) -> Server {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_govgraph"))
        .args(["serve", "--timeout", &TIMEOUT_S.to_string(), "--bind"])
        .arg(addr.to_string())
        .arg("--store")
        .arg(store)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let t = Instant::now();
    while TcpStream::connect(addr).is_err() {
        assert!(
            t.elapsed() < Duration::from_secs(30),
            "server did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Server { child, addr }
}

/// One GET on `stream`: the status, or an error.
fn get(stream: &mut BufReader<TcpStream>, path: &str) -> std::io::Result<u16> {
    write!(
        stream.get_mut(),
        "GET {path} HTTP/1.1\r\nHost: bench\r\nAccept: application/sparql-results+json\r\n\r\n"
    )?;
    let mut line = String::new();
    stream.read_line(&mut line)?;
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("bad status line {line:?}")))?;
    let mut length = 0usize;
    loop {
        line.clear();
        if stream.read_line(&mut line)? == 0 {
            return Err(std::io::Error::other("closed mid-headers"));
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                length = v.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0; length];
    stream.read_exact(&mut body)?;
    Ok(status)
}

fn connect(addr: SocketAddr) -> std::io::Result<BufReader<TcpStream>> {
    let s = TcpStream::connect_timeout(&addr, Duration::from_secs(60))?;
    s.set_read_timeout(Some(Duration::from_secs(60)))?;
    Ok(BufReader::new(s))
}

/// One request on a new connection: its status and time.
fn once(addr: SocketAddr, path: &str) -> (std::io::Result<u16>, Duration) {
    let t = Instant::now();
    let status = connect(addr).and_then(|mut s| get(&mut s, path));
    (status, t.elapsed())
}

/// The resident memory of `pid` and its children, in MiB.
fn rss_mib(pid: u32) -> f64 {
    let (server, workers, _) = rss_parts(pid);
    server + workers
}

/// The resident memory of `pid` and of its children, in MiB, and how
/// many children it has.
fn rss_parts(pid: u32) -> (f64, f64, usize) {
    let kib = |pid: &str| -> u64 {
        std::fs::read_to_string(format!("/proc/{pid}/status"))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmRSS:"))
                    .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
            })
            .unwrap_or(0)
    };
    let server = kib(&pid.to_string());
    let (mut total, mut n) = (0, 0);
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let stat = std::fs::read_to_string(format!("/proc/{name}/stat")).unwrap_or_default();
        // The parent's pid is the second field after the command's `)`.
        let ppid = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|p| p.parse::<u32>().ok());
        if ppid == Some(pid) {
            total += kib(&name);
            n += 1;
        }
    }
    (server as f64 / 1024.0, total as f64 / 1024.0, n)
}

fn memory(pid: u32) -> String {
    let (server, workers, n) = rss_parts(pid);
    format!(
        "{:.0} MiB (server {server:.0}, {n} workers {workers:.0})",
        server + workers
    )
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

fn saved(name: &str) -> String {
    format!("/queries/{name}")
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    drop(common::corpus_store(&dir));
    let server = start(&dir.path().join("bench.db"));
    let (addr, pid) = (server.addr, server.child.id());
    std::thread::sleep(Duration::from_millis(500));
    // Idle is measured once each worker has answered a query, so that
    // the figure after the attack compares like with like.
    for name in ["decisions", "attendance"] {
        let _ = once(addr, &saved(name));
    }
    let idle = rss_mib(pid);
    println!("idle: {} resident", memory(pid));

    // 2. The attack.
    let runaway = |n: u32| {
        let q = format!(
            "SELECT ?c ?f WHERE {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }} ORDER BY ?c ?f LIMIT {n}"
        );
        format!(
            "/sparql?query={}",
            form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>()
        )
    };
    let mut attackers = Vec::new();
    for n in 1..=2 {
        let path = runaway(n);
        attackers.push(std::thread::spawn(move || once(addr, &path)));
    }
    let idle_sockets: Vec<TcpStream> = (0..500)
        .filter_map(|_| TcpStream::connect(addr).ok())
        .collect();
    let trickle = std::thread::spawn(move || {
        let mut socks: Vec<TcpStream> = (0..100)
            .filter_map(|_| TcpStream::connect(addr).ok())
            .collect();
        let header = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: slow\r\n";
        let (mut closed, t) = (0, Instant::now());
        for i in 0..header.len() {
            if t.elapsed() > Duration::from_secs(24) {
                break;
            }
            socks.retain_mut(|s| s.write_all(&header[i..=i]).is_ok());
            std::thread::sleep(Duration::from_secs(2));
            closed = 100 - socks.len();
        }
        closed
    });
    std::thread::sleep(Duration::from_millis(1500));
    let (status, took) = once(addr, &saved("open-actions"));
    println!(
        "attack (2 runaway sorts, {} idle, 100 trickling sockets): a new client's uncached saved query {:?} in {:.0} ms; memory {}",
        idle_sockets.len(),
        status.map_err(|e| e.to_string()),
        took.as_secs_f64() * 1000.0,
        memory(pid)
    );
    for a in attackers {
        let (status, took) = a.join().unwrap();
        println!(
            "  runaway sort: {:?} after {:.1} s",
            status.map_err(|e| e.to_string()),
            took.as_secs_f64()
        );
    }
    std::thread::sleep(Duration::from_millis(500));
    let after = rss_mib(pid);
    println!(
        "  memory just after the deadline: {} ({:+.0} % of idle)",
        memory(pid),
        (after / idle - 1.0) * 100.0
    );
    let closed = trickle.join().unwrap();
    let after = rss_mib(pid);
    println!(
        "  memory once the attack is over: {} ({:+.0} % of idle)",
        memory(pid),
        (after / idle - 1.0) * 100.0
    );
    let still_open = idle_sockets
        .iter()
        .filter(|s| {
            // A socket the server closed reads 0 bytes (or a reset); an
            // open one has nothing to read.
            s.set_read_timeout(Some(Duration::from_millis(5))).unwrap();
            let mut b = [0u8; 1];
            matches!((&**s).read(&mut b), Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut))
        })
        .count();
    println!(
        "  trickling sockets closed by the server: {closed} of 100; idle sockets still open after 24 s: {still_open} of 500"
    );
    drop(idle_sockets);

    // 3. 1,000 concurrent clients, a connection each.
    let mut clients = Vec::new();
    let t = Instant::now();
    for _ in 0..1000 {
        let path = saved("people-in-several-groups");
        clients.push(std::thread::spawn(move || once(addr, &path)));
    }
    let mut times = Vec::new();
    let mut failed = 0;
    for c in clients {
        let (status, took) = c.join().unwrap();
        if !matches!(status, Ok(200)) {
            failed += 1;
        }
        times.push(took);
    }
    times.sort();
    println!(
        "1,000 concurrent clients of a saved query: {failed} failed, p50 {:.0} ms, p99 {:.0} ms, all in {:.1} s",
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        t.elapsed().as_secs_f64()
    );

    // 4. 100 keep-alive clients of a cached query.
    let t = Instant::now();
    let clients: Vec<_> = (0..100)
        .map(|_| {
            std::thread::spawn(move || {
                let (mut ok, mut failed) = (0u32, 0u32);
                let Ok(mut s) = connect(addr) else {
                    return (0, 1);
                };
                while t.elapsed() < Duration::from_secs(5) {
                    match get(&mut s, &saved("people-in-several-groups")) {
                        Ok(200) => ok += 1,
                        _ => {
                            failed += 1;
                            match connect(addr) {
                                Ok(n) => s = n,
                                Err(_) => break,
                            }
                        }
                    }
                }
                (ok, failed)
            })
        })
        .collect();
    let (mut ok, mut failed) = (0, 0);
    for c in clients {
        let (o, f) = c.join().unwrap();
        ok += o;
        failed += f;
    }
    println!(
        "100 keep-alive clients, cached saved query: {:.0} requests/s ({failed} failed)",
        f64::from(ok) / t.elapsed().as_secs_f64()
    );
}
