//! The server's side of the query workers: one queue of jobs, and one
//! thread per worker process that hands it a job, waits for the reply up
//! to the job's deadline, and kills the process when the deadline passes
//! or the client has gone (a new worker takes its place).
//!
//! A job whose client has gone while it waited in the queue is dropped
//! without running; a job still queued at its deadline is answered 503
//! without running.

use super::worker::{self, Reply, Request};
use std::collections::VecDeque;
use std::io::{BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::time::{Duration, Instant};
use tokio::sync::oneshot;

/// Makes the command that starts one worker process.
pub type Spawn = Arc<dyn Fn() -> Command + Send + Sync>;

/// A line for the server's log.
pub(super) type Log = Arc<dyn Fn(&str) + Send + Sync>;

/// How long past its deadline a query may take to end by itself, once
/// cancelled, before its worker is killed.
const GRACE: Duration = Duration::from_millis(500);

/// How often a worker's thread looks whether the client it works for has gone.
const CLIENT_CHECK: Duration = Duration::from_millis(100);

/// The most jobs waiting at once; more are refused at once with 503.
const MAX_QUEUED: usize = 10_000;

/// One query to run.
pub(super) struct Job {
    pub(super) request: Request,
    /// When the client is answered 503, whatever the query is doing.
    pub(super) deadline: Instant,
    pub(super) reply: oneshot::Sender<Reply>,
}

/// The queue and the threads that run its jobs on worker processes.
///
/// The pool keeps `base` workers, and starts more (up to `most`) while
/// every worker is busy: a runaway query holds its worker until its
/// deadline, and a cheap query arriving meanwhile should not wait for
/// that. The extra workers end after a while without work.
pub(super) struct Pool {
    state: Mutex<State>,
    queued: Condvar,
    base: usize,
    most: usize,
    spawn: Spawn,
    log: Log,
}

struct State {
    queue: VecDeque<Job>,
    /// Worker threads waiting for a job.
    idle: usize,
    /// Worker threads alive.
    threads: usize,
}

/// Takes a worker thread off the pool's count if it ends by a panic, so
/// that the pool starts another in its place (a thread that ends normally
/// has taken itself off in `next`).
struct Counted<'a>(&'a Pool);

impl Drop for Counted<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.lock().threads -= 1;
        }
    }
}

/// How long an extra worker waits for work before it ends.
const EXTRA_IDLE: Duration = Duration::from_secs(5);

impl Pool {
    /// Starts `base` workers (at least one) made by `spawn`; up to four
    /// times as many run while all are busy.
    ///
    /// # Errors
    ///
    /// Fails when the first worker cannot be started: the others would
    /// not start either.
    pub(super) fn start(base: usize, spawn: Spawn, log: Log) -> std::io::Result<Arc<Pool>> {
        let base = base.max(1);
        let pool = Arc::new(Pool {
            state: Mutex::new(State {
                queue: VecDeque::new(),
                idle: 0,
                threads: 0,
            }),
            queued: Condvar::new(),
            base,
            most: base * 4,
            spawn,
            log,
        });
        let first = Process::start(&pool.spawn)?;
        let mut first = Some(first);
        for _ in 0..base {
            let process = first.take().or_else(|| Process::start(&pool.spawn).ok());
            pool.lock().threads += 1;
            pool.add_thread(process);
        }
        Ok(pool)
    }

    /// Starts a worker thread, already counted in `threads`.
    fn add_thread(self: &Arc<Self>, process: Option<Process>) {
        let pool = Arc::clone(self);
        std::thread::spawn(move || {
            // Uncounted when the thread ends, however it ends.
            let _counted = Counted(&pool);
            pool.work(process);
        });
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Queues a job; it is answered on its `reply` channel.
    pub(super) fn submit(self: &Arc<Self>, job: Job) {
        let mut state = self.lock();
        if state.queue.len() >= MAX_QUEUED {
            drop(state);
            let _ = job.reply.send(Reply::text(
                503,
                "too many queries are waiting; retry later",
            ));
            return;
        }
        state.queue.push_back(job);
        let extra = state.idle < state.queue.len() && state.threads < self.most;
        if extra {
            state.threads += 1;
        }
        drop(state);
        if extra {
            self.add_thread(None);
        } else {
            self.queued.notify_one();
        }
    }

    /// The next job, or `None` when this thread is an extra one that has
    /// waited long enough without work (it then ends).
    fn next(&self) -> Option<Job> {
        let mut state = self.lock();
        loop {
            if let Some(job) = state.queue.pop_front() {
                return Some(job);
            }
            state.idle += 1;
            let (next, waited) = self
                .queued
                .wait_timeout(state, EXTRA_IDLE)
                .unwrap_or_else(|e| e.into_inner());
            state = next;
            state.idle -= 1;
            if waited.timed_out() && state.queue.is_empty() && state.threads > self.base {
                state.threads -= 1;
                return None;
            }
        }
    }

    /// The loop of one worker's thread: its process is replaced whenever
    /// it is killed or dies.
    fn work(&self, mut process: Option<Process>) {
        let (spawn, log) = (&self.spawn, &self.log);
        loop {
            let Some(job) = self.next() else {
                Process::stop(&mut process);
                return;
            };
            if job.reply.is_closed() {
                log("a queued query was dropped: its client has gone");
                continue;
            }
            let Some(left) = job.deadline.checked_duration_since(Instant::now()) else {
                let _ = job.reply.send(Reply::text(
                    503,
                    "every query worker stayed busy until the timeout; retry later",
                ));
                continue;
            };
            if process.is_none() {
                process = Process::start(spawn)
                    .map_err(|e| log(&format!("error: cannot start a query worker: {e}")))
                    .ok();
            }
            let Some(p) = process.as_mut() else {
                let _ = job
                    .reply
                    .send(Reply::text(500, "no query worker could be started"));
                continue;
            };
            let mut request = job.request;
            request.budget_ms = u64::try_from(left.as_millis()).unwrap_or(u64::MAX);
            let outcome = p.run(&request, job.deadline + GRACE, &job.reply);
            let reply = match outcome {
                Outcome::Replied(reply) => reply,
                Outcome::ClientGone => {
                    log("a running query was stopped: its client has gone");
                    Process::stop(&mut process);
                    continue;
                }
                Outcome::TimedOut => {
                    log("a query ran past its deadline and did not stop: its worker was killed");
                    Process::stop(&mut process);
                    Reply::timed_out(Duration::from_millis(request.timeout_ms))
                }
                Outcome::Died(why) => {
                    log(&format!("error: a query worker failed: {why}"));
                    Process::stop(&mut process);
                    Reply::text(500, format!("the query worker failed: {why}"))
                }
            };
            let _ = job.reply.send(reply);
            // Start the replacement now, not when the next query waits for it.
            if process.is_none() {
                process = Process::start(spawn).ok();
            }
        }
    }
}

/// How running one job on a worker ended.
enum Outcome {
    Replied(Reply),
    ClientGone,
    TimedOut,
    Died(String),
}

/// A worker process, its stdin, and the replies its reader thread reads.
struct Process {
    child: Child,
    stdin: ChildStdin,
    replies: mpsc::Receiver<std::io::Result<Reply>>,
}

impl Process {
    fn start(spawn: &Spawn) -> std::io::Result<Process> {
        let mut child = spawn()
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(std::io::Error::other("the worker has no stdin or stdout"));
        };
        let (send, replies) = mpsc::channel();
        std::thread::spawn(move || {
            let mut stdout = BufReader::new(stdout);
            loop {
                match worker::read_reply(&mut stdout) {
                    Ok(Some(reply)) => {
                        if send.send(Ok(reply)).is_err() {
                            return;
                        }
                    }
                    Ok(None) => return,
                    Err(e) => {
                        let _ = send.send(Err(e));
                        return;
                    }
                }
            }
        });
        Ok(Process {
            child,
            stdin,
            replies,
        })
    }

    /// Sends `request` and waits for its reply until `hard`, or until the
    /// client listening on `client` has gone.
    fn run(
        &mut self,
        request: &Request,
        hard: Instant,
        client: &oneshot::Sender<Reply>,
    ) -> Outcome {
        let mut line = match serde_json::to_vec(request) {
            Ok(l) => l,
            Err(e) => return Outcome::Died(e.to_string()),
        };
        line.push(b'\n');
        if let Err(e) = self
            .stdin
            .write_all(&line)
            .and_then(|()| self.stdin.flush())
        {
            return Outcome::Died(format!("cannot send it the query: {e}"));
        }
        loop {
            let now = Instant::now();
            let Some(left) = hard.checked_duration_since(now) else {
                return Outcome::TimedOut;
            };
            match self.replies.recv_timeout(left.min(CLIENT_CHECK)) {
                Ok(Ok(reply)) => return Outcome::Replied(reply),
                Ok(Err(e)) => return Outcome::Died(e.to_string()),
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return Outcome::Died(match self.child.try_wait() {
                        Ok(Some(status)) => format!("it ended ({status})"),
                        _ => "it closed its output".into(),
                    });
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if client.is_closed() {
                        return Outcome::ClientGone;
                    }
                }
            }
        }
    }

    /// Kills the process, if any, and reaps it; the system takes back
    /// its memory.
    fn stop(process: &mut Option<Process>) {
        if let Some(mut p) = process.take() {
            let _ = p.child.kill();
            let _ = p.child.wait();
        }
    }
}
