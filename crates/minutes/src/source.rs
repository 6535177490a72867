//! Finding and reading minutes files.
//!
//! Users point govgraph at files, folders, or clones of a group's
//! repository. This module walks them, picks the minutes files, and works
//! out for each a stable document key (the same on every machine) and the
//! GitHub repository that holds it, which is where a bare `#12` points.
//!
//! The repository comes from, in order: the `origin` remote of the git
//! checkout the file sits in (read from `.git/config`, no `git` binary and no
//! network), or a folder named `owner+repo` above it (the layout of mirrored
//! corpora), else nothing (the parser then falls back to the meeting issue's
//! repository).

use crate::error::{Error, Result};
use crate::model::Repo;
use crate::model::{Diagnostic, Minutes, Severity};
use crate::parse::Context;
use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// A minutes file to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Where it is on disk.
    pub path: PathBuf,
    /// A stable key: `owner/repo/path/in/repo.md` when the repository is
    /// known, else the path below the folder the user named, prefixed by
    /// that folder's name.
    pub key: String,
    /// The repository holding it.
    pub repo: Option<Repo>,
    /// The path inside the repository (or below the named folder).
    pub repo_path: String,
    /// Where it sits in a git checkout, when it does.
    pub git: Option<GitFile>,
}

/// A file's place in a git checkout, read from the local repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitFile {
    /// The checkout's top folder.
    pub top: PathBuf,
    /// The commit checked out (`HEAD`), when there is one.
    pub commit: Option<String>,
    /// The file's blob id at that commit, when the file is tracked.
    pub committed_blob: Option<String>,
}

/// The git blob id of some content (what `git hash-object` prints).
pub fn blob_id(bytes: &[u8]) -> String {
    use sha1::{Digest, Sha1};
    let mut h = Sha1::new();
    h.update(format!("blob {}\0", bytes.len()).as_bytes());
    h.update(bytes);
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// A file that was looked at and left out, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file.
    pub path: PathBuf,
    /// Why it was left out.
    pub reason: &'static str,
}

/// A folder entry that could not be read: a symbolic link loop, a
/// dangling link, a folder without permission, a special file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// The entry.
    pub path: PathBuf,
    /// What went wrong, lower-case.
    pub message: String,
}

/// What a walk found.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// Minutes files, sorted by path.
    pub files: Vec<SourceFile>,
    /// Files left out.
    pub skipped: Vec<Skipped>,
    /// Entries that could not be read; the walk went on without them.
    pub unreadable: Vec<Unreadable>,
}

/// Finds the minutes files under `paths`.
///
/// A file named explicitly is always taken. In a folder, `*.md` and
/// `*.markdown` files are taken, except READMEs, licences, changelogs and
/// templates; files with no extension or `.txt` are taken when their first
/// non-blank line is a Markdown title. Hidden folders, `node_modules` and
/// `target` are not entered.
///
/// One bad entry never stops the walk (issue 13): a symbolic link loop, a
/// dangling link, an unreadable folder, or a path that is neither a file
/// nor a folder (a FIFO) is listed in [`Found::unreadable`] and the rest
/// is read.
///
/// # Errors
///
/// Fails when a path given does not exist.
pub fn discover(paths: &[PathBuf]) -> Result<Found> {
    let mut found = Found::default();
    for root in paths {
        let meta = fs::metadata(root).map_err(|source| Error::Io {
            path: root.clone(),
            source,
        })?;
        if !meta.is_file() && !meta.is_dir() {
            found.unreadable.push(Unreadable {
                path: root.clone(),
                message: "not a regular file or folder".into(),
            });
            continue;
        }
        if meta.is_file() {
            // A file named alone is keyed by its folder and name, so two
            // files called `2024-01-02.md` in different folders stay apart.
            let abs = fs::canonicalize(root).unwrap_or_else(|_| root.clone());
            let name = abs.file_name().map(os_text).unwrap_or_default();
            let parent = abs.parent().and_then(Path::file_name).map(os_text);
            let rel = match parent {
                Some(p) => format!("{p}/{name}"),
                None => name,
            };
            found.files.push(locate(root, None, &rel));
            continue;
        }
        let root_name = fs::canonicalize(root)
            .ok()
            .and_then(|p| p.file_name().map(os_text))
            .unwrap_or_else(|| "minutes".into());
        let walker = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                let n = e.file_name().to_string_lossy();
                e.depth() == 0 || !(n.starts_with('.') || n == "node_modules" || n == "target")
            });
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    found.unreadable.push(unreadable(root, &e));
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let path = entry.path();
            match classify(path) {
                Ok(()) => {
                    let rel = path.strip_prefix(root).unwrap_or(path);
                    let rel = os_text(rel.as_os_str()).replace('\\', "/");
                    found.files.push(locate(path, Some(&root_name), &rel));
                }
                Err(reason) => found.skipped.push(Skipped {
                    path: path.to_path_buf(),
                    reason,
                }),
            }
        }
    }
    // The same file reached twice (`dir` and `dir/x.md`, `./x.md`) is one.
    found
        .files
        .sort_by_cached_key(|f| fs::canonicalize(&f.path).unwrap_or_else(|_| f.path.clone()));
    found
        .files
        .dedup_by_key(|f| fs::canonicalize(&f.path).unwrap_or_else(|_| f.path.clone()));
    disambiguate_keys(&mut found.files);
    found.files.sort_by(|a, b| a.path.cmp(&b.path));
    fill_git_commits(&mut found.files);
    Ok(found)
}

/// Says what a walk error was, naming a loop as a loop.
fn unreadable(root: &Path, e: &walkdir::Error) -> Unreadable {
    let path = e
        .path()
        .map_or_else(|| root.to_path_buf(), Path::to_path_buf);
    let message = match (e.loop_ancestor(), e.io_error()) {
        (Some(ancestor), _) => format!(
            "symbolic link loop: it leads back to {}",
            ancestor.display()
        ),
        (None, Some(io)) if io.kind() == std::io::ErrorKind::NotFound => {
            "dangling symbolic link: its target does not exist".into()
        }
        (None, Some(io)) => io.to_string().to_lowercase(),
        (None, None) => "cannot be read".into(),
    };
    Unreadable { path, message }
}

/// Lengthens keys that two different files share (`ingest a/meetings
/// b/meetings` without a repository to tell them apart) with their
/// folders, until each file has its own: documents must never overwrite
/// each other. Keys of files that do not collide are left as they are.
fn disambiguate_keys(files: &mut [SourceFile]) {
    use std::collections::HashMap;
    for depth in 2..64 {
        let mut count: HashMap<&str, usize> = HashMap::new();
        for f in files.iter() {
            *count.entry(f.key.as_str()).or_default() += 1;
        }
        let clashing: Vec<usize> = (0..files.len())
            .filter(|&i| count[files[i].key.as_str()] > 1)
            .collect();
        if clashing.is_empty() {
            return;
        }
        for i in clashing {
            let abs = fs::canonicalize(&files[i].path).unwrap_or_else(|_| files[i].path.clone());
            let parts: Vec<String> = abs
                .components()
                .map(|c| os_text(c.as_os_str()))
                .filter(|c| c != "/")
                .collect();
            let tail = parts[parts
                .len()
                .saturating_sub(depth + files[i].key.matches('/').count())..]
                .join("/");
            files[i].key = tail;
        }
    }
}

/// Asks git, once per checkout, for the commit checked out and the blob id
/// of every tracked file at that commit. Without git (or outside a
/// checkout) files simply carry no commit.
fn fill_git_commits(files: &mut [SourceFile]) {
    use std::collections::HashMap;
    let mut per_top: HashMap<PathBuf, (Option<String>, HashMap<String, String>)> = HashMap::new();
    for f in files.iter_mut() {
        let Some(g) = f.git.as_mut() else { continue };
        let (commit, blobs) = per_top.entry(g.top.clone()).or_insert_with(|| {
            let commit = git(&g.top, &["rev-parse", "--verify", "-q", "HEAD"])
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty());
            let blobs = commit
                .as_ref()
                .and_then(|_| git(&g.top, &["ls-tree", "-r", "-z", "HEAD"]))
                .map(|out| {
                    out.split('\0')
                        .filter_map(|entry| {
                            // `<mode> blob <id>\t<path>`
                            let (meta, path) = entry.split_once('\t')?;
                            let id = meta.split_whitespace().nth(2)?;
                            Some((path.to_owned(), id.to_owned()))
                        })
                        .collect()
                })
                .unwrap_or_default();
            (commit, blobs)
        });
        g.commit = commit.clone();
        g.committed_blob = blobs.get(&f.repo_path).cloned();
    }
}

fn git(top: &Path, args: &[&str]) -> Option<String> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(top)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Whether a file found in a folder is minutes, or why not.
fn classify(path: &Path) -> std::result::Result<(), &'static str> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    let stem = name.split('.').next().unwrap_or("");
    if matches!(
        stem,
        "readme"
            | "license"
            | "licence"
            | "changelog"
            | "contributing"
            | "code_of_conduct"
            | "security"
            | "governance"
            | "index"
    ) {
        return Err("not minutes (README, licence or similar)");
    }
    if name.contains("template") {
        return Err("a template, not minutes");
    }
    match ext.as_deref() {
        Some("md" | "markdown") => Ok(()),
        None | Some("txt") => {
            if first_line_is_title(path) {
                Ok(())
            } else {
                Err("not Markdown minutes (no `# title` on the first line)")
            }
        }
        _ => Err("not a minutes file type"),
    }
}

fn first_line_is_title(path: &Path) -> bool {
    // Only the start is needed: never read a large file whole to classify it.
    use std::io::Read;
    let mut head = Vec::with_capacity(4096);
    let Ok(file) = fs::File::open(path) else {
        return false;
    };
    if file.take(4096).read_to_end(&mut head).is_err() {
        return false;
    }
    let head = &head[..];
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{FEFF}');
    text.lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| {
            let l = l.trim_start();
            l.starts_with("# ") || l.starts_with("## ")
        })
}

/// A file name as text for a document's key, without loss: bytes that are
/// not UTF-8 are written `%XX`, so `2024-01-02-\xff.md` and
/// `2024-01-02-\xfe.md` stay two documents (a lossy conversion made both
/// `2024-01-02-\u{FFFD}.md`, one key; issue 13).
pub fn os_text(name: &std::ffi::OsStr) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in name.as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        name.to_string_lossy().into_owned()
    }
}

/// Works out a file's key and repository.
fn locate(path: &Path, root_name: Option<&str>, rel: &str) -> SourceFile {
    let abs = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    // The nearest of an `owner+repo` folder and a git checkout wins, so that
    // mirrored minutes kept inside some other checkout (like this project's
    // own examples) belong to the repository their folder names.
    for dir in abs.ancestors().skip(1) {
        let name = dir.file_name().map(os_text).unwrap_or_default();
        let is_checkout = dir.join(".git").exists();
        let repo = match name.split_once('+') {
            Some((owner, name)) => Repo::parse(&format!("{owner}/{name}")),
            None if is_checkout => match git_checkout(dir) {
                Some(repo) => Some(repo),
                None => break,
            },
            None => None,
        };
        if let Some(repo) = repo
            && let Ok(inner) = abs.strip_prefix(dir)
        {
            let inner = os_text(inner.as_os_str()).replace('\\', "/");
            let git = is_checkout.then(|| GitFile {
                top: dir.to_path_buf(),
                commit: None,
                committed_blob: None,
            });
            return SourceFile {
                path: path.to_path_buf(),
                key: format!("{repo}/{inner}"),
                repo: Some(repo),
                repo_path: inner,
                git,
            };
        }
    }
    let key = match root_name {
        Some(root) => format!("{root}/{rel}"),
        None => rel.to_owned(),
    };
    SourceFile {
        path: path.to_path_buf(),
        key,
        repo: None,
        repo_path: rel.to_owned(),
        git: None,
    }
}

/// The `origin` repository on GitHub of the git checkout whose top is `top`,
/// read from `.git/config`.
fn git_checkout(top: &Path) -> Option<Repo> {
    let git = top.join(".git");
    // A worktree or submodule has a `.git` file pointing at the real folder.
    let git_dir = if git.is_file() {
        let text = fs::read_to_string(&git).ok()?;
        let target = text.strip_prefix("gitdir:")?.trim();
        let p = PathBuf::from(target);
        if p.is_absolute() { p } else { top.join(p) }
    } else {
        git
    };
    let config = fs::read_to_string(git_dir.join("config"))
        .or_else(|_| {
            fs::read_to_string(git_dir.join("commondir"))
                .and_then(|c| fs::read_to_string(git_dir.join(c.trim()).join("config")))
        })
        .ok()?;
    origin_repo(&config)
}

/// The GitHub repository of the `origin` remote (else the first remote) in a
/// git config file.
pub fn origin_repo(config: &str) -> Option<Repo> {
    let mut section = String::new();
    let mut urls: Vec<(bool, String)> = Vec::new();
    for line in config.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            section = line.to_owned();
        } else if section.starts_with("[remote")
            && let Some(url) = line
                .strip_prefix("url")
                .map(str::trim_start)
                .and_then(|l| l.strip_prefix('='))
        {
            urls.push((section.contains("\"origin\""), url.trim().to_owned()));
        }
    }
    urls.sort_by_key(|(origin, _)| !origin);
    urls.iter().find_map(|(_, url)| github_repo_of_url(url))
}

fn github_repo_of_url(url: &str) -> Option<Repo> {
    // `https://github.com/o/r(.git)`, `ssh://git@github.com[:22]/o/r`,
    // `git@github.com:o/r.git`; the host must be github.com exactly.
    let rest = if let Some(r) = url.strip_prefix("git@github.com:") {
        r
    } else {
        let after_scheme = url.split_once("://")?.1;
        let (authority, path) = after_scheme.split_once('/')?;
        let host = authority.rsplit('@').next()?.split(':').next()?;
        if !host.eq_ignore_ascii_case("github.com") && !host.eq_ignore_ascii_case("www.github.com")
        {
            return None;
        }
        path
    };
    let mut parts = rest.split('/');
    let owner = parts.next()?;
    let name = parts.next()?.trim_end_matches(".git");
    Repo::parse(&format!("{owner}/{name}"))
}

/// Reads a source file into a parsed document and its content hash.
///
/// # Errors
///
/// Fails with a diagnostic (not an error) when the file cannot be read or
/// is binary: the caller reports it and goes on.
pub fn read_source(file: &SourceFile) -> std::result::Result<ReadDoc, Diagnostic> {
    read_source_with(file, None)
}

/// [`read_source`] of every file, in batch order, on as many threads as
/// the machine has cores. Workers take the next file from a shared
/// counter, so one large file does not hold back a share of the others;
/// `progress` is called from the calling thread only, with the count of
/// files read so far. Each file is read on its own (parsing shares
/// nothing), so the results do not depend on which thread finished first.
pub fn read_sources(
    files: &[SourceFile],
    progress: &dyn Fn(usize),
) -> Vec<std::result::Result<ReadDoc, Diagnostic>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(files.len().max(1));
    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<std::result::Result<ReadDoc, Diagnostic>>> =
        (0..files.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        let (send, receive) = std::sync::mpsc::channel();
        for _ in 0..threads {
            let send = send.clone();
            let next = &next;
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(f) = files.get(i) else { break };
                    // The parser already turns its own panics into a
                    // diagnostic; this catches the rest of reading (a
                    // panic would otherwise end the worker and, at the end
                    // of the scope, the whole batch).
                    let result = std::panic::catch_unwind(|| read_source(f)).unwrap_or_else(|_| {
                        Err(Diagnostic::new(
                            Severity::Error,
                            "internal-error",
                            0,
                            "govgraph failed on this file (a bug: please report it with the file)",
                        ))
                    });
                    if send.send((i, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        for (done, (i, result)) in receive.into_iter().enumerate() {
            results[i] = Some(result);
            progress(done + 1);
        }
    });
    results
        .into_iter()
        .map(|r| {
            // Every index below the file count was taken by one worker, and
            // a worker stops early only when this thread stopped listening,
            // which it does not before every worker has ended.
            r.unwrap_or_else(|| {
                Err(Diagnostic::new(
                    Severity::Error,
                    "unreadable",
                    0,
                    "the file was not read (a reading thread stopped)",
                ))
            })
        })
        .collect()
}

/// Reads a source file as [`read_source`] does, classifying statements
/// with `model` instead of the shipped weights when one is given.
///
/// # Errors
///
/// As [`read_source`].
pub fn read_source_with(
    file: &SourceFile,
    model: Option<std::sync::Arc<crate::parse::statements::Model>>,
) -> std::result::Result<ReadDoc, Diagnostic> {
    let bytes = std::fs::read(&file.path).map_err(|e| {
        Diagnostic::new(
            Severity::Error,
            "unreadable",
            0,
            format!("cannot read the file: {e}"),
        )
    })?;
    if crate::decode::looks_binary(&bytes) {
        return Err(Diagnostic::new(
            Severity::Error,
            "binary",
            0,
            "a binary file, not minutes; skipped",
        ));
    }
    let hash = content_hash(&bytes);
    let blob = blob_id(&bytes);
    let cx = Context {
        source: file.path.display().to_string(),
        file_name: file
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        repo: file.repo.clone(),
        model,
    };
    // The parser is written never to panic; should a bug make it, the file
    // fails with a diagnostic and the rest of the batch goes on.
    let read = std::panic::catch_unwind(|| {
        let decoded = crate::decode::decode(&bytes);
        let m = crate::read_text(&decoded.text, decoded.diagnostics, &cx);
        (m, decoded.text)
    });
    let (m, text) = read.map_err(|_| {
        Diagnostic::new(
            Severity::Error,
            "internal-error",
            0,
            "govgraph failed on this file (a bug: please report it with the file)",
        )
    })?;
    Ok(ReadDoc {
        minutes: m,
        text,
        content_hash: hash,
        blob,
    })
}

/// The content hash [`read_source`] gives a file of these bytes: their
/// SHA-256, hex. Cheap beside parsing, so that an unchanged file can be
/// recognised without being parsed again.
pub fn content_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The content hash of a file's bytes as they are now ([`content_hash`]),
/// without parsing them; none when the file cannot be read (reading it
/// properly then says why).
pub fn hash_source(file: &SourceFile) -> Option<String> {
    std::fs::read(&file.path).ok().map(|b| content_hash(&b))
}

/// A document as read: the parsed minutes and the identities of its bytes.
#[derive(Debug, Clone)]
pub struct ReadDoc {
    /// The parsed minutes, with diagnostics.
    pub minutes: Minutes,
    /// The decoded text the minutes were parsed from (what diagnostics'
    /// line numbers count in).
    pub text: String,
    /// The SHA-256 of the bytes, hex.
    pub content_hash: String,
    /// The git blob id of the bytes.
    pub blob: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_remote_forms() {
        let cfg = "[core]\n\tbare = false\n[remote \"upstream\"]\n\turl = https://github.com/a/b.git\n[remote \"origin\"]\n\turl = git@github.com:NodeJS/Security-WG.git\n";
        assert_eq!(origin_repo(cfg), Repo::parse("nodejs/security-wg"));
        assert_eq!(
            origin_repo("[remote \"x\"]\nurl = https://gitlab.com/a/b\n"),
            None
        );
    }
}
