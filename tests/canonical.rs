//! `govgraph export --canonical` checked against an independent RDF stack.
//!
//! The canonical export is oxrdf's RDF Dataset Canonicalization (RDFC-1.0,
//! SHA-256) written as canonical N-Quads. A second implementation written
//! by other people from the same specification, sophia's (`sophia_c14n`,
//! fed by sophia's own N-Quads parser), must give exactly the same bytes
//! from the same dataset: if either side misreads the specification, or
//! govgraph writes terms in a non-canonical form, the two disagree. The
//! tests also check what the canonical form is for: the same facts give
//! the same bytes and hash whatever store and order produced them, and one
//! fact more changes the hash.

mod common;

use assert_cmd::Command;
use common::*;
use govgraph::source;
use govgraph::store::{self, IngestOptions, Store};
use oxigraph::io::RdfFormat;
use sophia_api::quad::Spog;
use sophia_api::source::QuadSource as _;
use sophia_api::term::SimpleTerm;
use sophia_c14n::hash::{HashFunction as _, Sha256};
use std::collections::HashSet;

fn govgraph() -> Command {
    let mut c = Command::cargo_bin("govgraph").unwrap();
    c.env_remove("GOVGRAPH_STORE");
    c
}

/// Runs `govgraph export` with `args` on the store at `store`, and returns
/// its stdout and stderr.
fn export(store: &str, args: &[&str]) -> (Vec<u8>, String) {
    let out = govgraph()
        .args(["export", "--store", store])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "export {args:?} failed: {stderr}");
    (out.stdout, stderr)
}

/// The canonical export through the command line: the bytes on stdout and
/// the hash printed on stderr.
fn cli_canonical(store: &str) -> (Vec<u8>, String) {
    let (stdout, stderr) = export(store, &["--canonical"]);
    let hash = regex::Regex::new(r"sha256 ([0-9a-f]{64}) \(RDFC-1\.0 canonical N-Quads\)")
        .unwrap()
        .captures(&stderr)
        .unwrap_or_else(|| panic!("no hash line on stderr: {stderr}"))[1]
        .to_owned();
    (stdout, hash)
}

/// The canonical export through the library, as the command calls it.
fn library_canonical(store: &Store) -> (Vec<u8>, String) {
    let mut out = Vec::new();
    let hash = store.export_canonical(&mut out).unwrap();
    (out, hash)
}

/// Sophia's canonical N-Quads for the dataset in `nquads`, read with
/// sophia's own parser (which relabels blank nodes as it reads, so nothing
/// of the input's labels can leak through).
fn sophia_canonical(nquads: &[u8]) -> Vec<u8> {
    let dataset: HashSet<Spog<SimpleTerm<'static>>> =
        sophia_turtle::parser::nq::parse_bufread(nquads)
            .collect_quads()
            .unwrap_or_else(|e| panic!("sophia cannot read the N-Quads: {e}"));
    let mut out = Vec::new();
    sophia_c14n::rdfc10::normalize(&dataset, &mut out).unwrap();
    out
}

/// SHA-256 in lowercase hex, computed by sophia's hash (another sha2
/// release than govgraph's).
fn sha256_hex(bytes: &[u8]) -> String {
    let mut h = Sha256::initialize();
    h.update(bytes);
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Shows where two canonical forms part, line by line, for a failure
/// message that can be read.
fn first_difference(left: &[u8], right: &[u8]) -> String {
    let (left, right) = (
        String::from_utf8_lossy(left),
        String::from_utf8_lossy(right),
    );
    let (l, r): (Vec<&str>, Vec<&str>) = (left.lines().collect(), right.lines().collect());
    for (i, (a, b)) in l.iter().zip(&r).enumerate() {
        if a != b {
            return format!("line {}:\n  govgraph: {a}\n  sophia:   {b}", i + 1);
        }
    }
    format!("{} lines against {}", l.len(), r.len())
}

fn assert_same_as_sophia(ours: &[u8], nquads: &[u8]) {
    let theirs = sophia_canonical(nquads);
    assert!(
        ours == theirs.as_slice(),
        "govgraph's canonical form differs from sophia's at {}",
        first_difference(ours, &theirs)
    );
}

/// Loads N-Quads text into a fresh in-memory store, the way a hand-written
/// case reaches `Store::export_canonical` (no command reads N-Quads into a
/// store, and `validate --data` does not canonicalise).
fn store_with(nquads: &str) -> Store {
    let store = Store::memory().unwrap();
    store
        .oxigraph()
        .load_from_reader(RdfFormat::NQuads, nquads.as_bytes())
        .unwrap();
    store
}

/// The store's plain N-Quads export, as `export --format nquads` writes it.
fn nquads_of(store: &Store) -> Vec<u8> {
    let mut out = Vec::new();
    store.export(RdfFormat::NQuads, &mut out).unwrap();
    out
}

/// Checks a hand-written case: the canonical form of what the store holds
/// is sophia's, both for the store's own export and for the text as
/// written (the cases use only terms Oxigraph keeps verbatim; it rewrites
/// numeric literals such as `"01"^^xsd:integer` to their canonical value,
/// which is another dataset). Returns the canonical bytes and hash.
fn check_case(nquads: &str) -> (Vec<u8>, String) {
    let store = store_with(nquads);
    let (ours, hash) = library_canonical(&store);
    assert_same_as_sophia(&ours, &nquads_of(&store));
    assert_same_as_sophia(&ours, nquads.as_bytes());
    assert_eq!(hash, sha256_hex(&ours), "the returned hash");
    (ours, hash)
}

#[test]
fn the_examples_export_as_sophia_canonicalises_them() {
    let (_tmp, store) = examples_store();
    let (canonical, hash) = cli_canonical(&store);
    let (nquads, _) = export(&store, &["--format", "nquads"]);

    let text = String::from_utf8(canonical.clone()).unwrap();
    assert!(text.lines().count() > 1000, "too few quads:\n{text}");
    // The ontology graph has blank nodes (OWL lists and restrictions): the
    // comparison covers the labelling, not only the term syntax.
    assert!(text.contains("_:c14n0 "), "no blank nodes:\n{text}");
    assert!(text.ends_with(" .\n"));

    assert_same_as_sophia(&canonical, &nquads);
    assert_eq!(hash, sha256_hex(&canonical), "the printed hash");
}

#[test]
fn the_same_facts_give_the_same_bytes_from_any_store_or_order() {
    // On disk, written by the binary.
    let (_tmp, on_disk) = examples_store();
    let (cli, cli_hash) = cli_canonical(&on_disk);

    // In memory, written by the library.
    let (memory, _) = ingest_memory(&[root().join("examples")]);
    let (lib, lib_hash) = library_canonical(&memory);
    assert!(cli == lib, "{}", first_difference(&cli, &lib));
    assert_eq!(cli_hash, lib_hash);

    // The same files inserted last to first, so the store's internal order
    // (and any blank node labels it mints) differ.
    let mut found = source::discover(&[root().join("examples")]).unwrap();
    found.files.reverse();
    let reversed = Store::memory().unwrap();
    store::ingest(&reversed, &found.files, &IngestOptions::default(), &|_| {}).unwrap();
    let (rev, rev_hash) = library_canonical(&reversed);
    assert!(cli == rev, "{}", first_difference(&cli, &rev));
    assert_eq!(cli_hash, rev_hash);
}

#[test]
fn one_more_document_changes_the_hash() {
    let tmp = tempfile::tempdir().unwrap();
    let examples = tmp.path().join("examples");
    copy_tree(&root().join("examples"), &examples);
    let (before, first) = ingest_memory(std::slice::from_ref(&examples));
    let (_, hash_before) = library_canonical(&before);

    // The same meeting filed twice is one document more: its own IRI,
    // content hash and provenance.
    let meetings = examples.join("openwidget+tsc").join("meetings");
    std::fs::copy(
        meetings.join("2024-03-07.md"),
        meetings.join("2024-03-07-copy.md"),
    )
    .unwrap();
    let (after, report) = ingest_memory(&[examples]);
    assert_eq!(report.files.len(), first.files.len() + 1);
    let (bytes, hash_after) = library_canonical(&after);
    assert_ne!(hash_before, hash_after);
    assert_eq!(hash_after, sha256_hex(&bytes));
}

/// Two blank-node cycles that only the n-degree hashing of RDFC-1.0 tells
/// apart: every node of a cycle has the same first-degree hash, so the
/// labels come from the paths through the cycle. The labels and the order
/// of the lines are the input's own, and must not matter.
const CYCLES: &str = r#"
_:a <http://example.org/next> _:b <http://example.org/g> .
_:b <http://example.org/next> _:c <http://example.org/g> .
_:c <http://example.org/next> _:a <http://example.org/g> .
_:x <http://example.org/next> _:y <http://example.org/g> .
_:y <http://example.org/next> _:x <http://example.org/g> .
_:a <http://example.org/name> "A" <http://example.org/g> .
_:c <http://example.org/name> "A" <http://example.org/g> .
_:y <http://example.org/name> "A" <http://example.org/h> .
"#;

/// The same dataset as [`CYCLES`], labelled and ordered differently.
const CYCLES_RELABELLED: &str = r#"
_:n9 <http://example.org/name> "A" <http://example.org/h> .
_:n3 <http://example.org/name> "A" <http://example.org/g> .
_:n2 <http://example.org/next> _:n3 <http://example.org/g> .
_:n8 <http://example.org/next> _:n9 <http://example.org/g> .
_:n1 <http://example.org/next> _:n2 <http://example.org/g> .
_:n3 <http://example.org/next> _:n1 <http://example.org/g> .
_:n9 <http://example.org/next> _:n8 <http://example.org/g> .
_:n1 <http://example.org/name> "A" <http://example.org/g> .
"#;

#[test]
fn blank_node_cycles_canonicalise_as_sophia_does() {
    let (ours, hash) = check_case(CYCLES);
    let text = String::from_utf8(ours.clone()).unwrap();
    assert_eq!(text.lines().count(), 8, "{text}");
    assert!(text.contains("_:c14n4 "), "five blank nodes:\n{text}");

    let (relabelled, relabelled_hash) = check_case(CYCLES_RELABELLED);
    assert!(
        ours == relabelled,
        "{}",
        first_difference(&ours, &relabelled)
    );
    assert_eq!(hash, relabelled_hash);
}

/// Terms whose canonical N-Quads form differs from their plain one:
/// escapes in literals, an explicit `xsd:string`, a language tag in
/// capitals, a typed literal, non-ASCII text written as UCHAR, a blank
/// graph name.
const TERMS: &str = r#"
_:s <http://example.org/p> "quote \" backslash \\ newline \n return \r tab \t" <http://example.org/g> .
_:s <http://example.org/p> "bell \u0007 backspace \b form feed \f delete \u007F" <http://example.org/g> .
_:s <http://example.org/p> "plain"^^<http://www.w3.org/2001/XMLSchema#string> <http://example.org/g> .
_:s <http://example.org/p> "Hallo"@DE-at <http://example.org/g> .
_:s <http://example.org/p> "01"^^<http://example.org/datatype> <http://example.org/g> .
_:s <http://example.org/p> "caf\u00E9 \U0001F600 ü" <http://example.org/g> .
<http://example.org/s> <http://example.org/p> _:s _:g .
"#;

#[test]
fn literal_escapes_and_tags_are_written_as_sophia_writes_them() {
    let (ours, _) = check_case(TERMS);
    let text = String::from_utf8(ours).unwrap();
    assert!(
        text.contains(r#""plain" "#),
        "xsd:string is implicit:\n{text}"
    );
    assert!(
        text.contains(r#""Hallo"@de-at "#),
        "tags in lower case:\n{text}"
    );
    assert!(
        text.contains("\u{1F600}"),
        "no UCHAR for printable text:\n{text}"
    );
}

// Two cases where sophia 0.10.0 departs from RDFC-1.0, so that its output
// cannot be the reference: the expected bytes are worked out from the
// specification instead.

/// A quad whose subject and object are the same blank node is one mention
/// of it: the blank node to quads map relates a blank node to the *set* of
/// quads it is a component of (RDFC-1.0, canonicalization algorithm step
/// 2, "mention set"). Its first-degree hash is the SHA-256 of that one
/// line, `_:a <http://example.org/knows> _:a <http://example.org/g> .`,
/// 25d98423…, below `_:b`'s 50658b9c…, so `_:a` is `c14n0`. sophia lists
/// the quad once per position and hashes the line twice (7c9a3eae…), which
/// swaps the labels.
#[test]
fn a_blank_node_related_to_itself_is_mentioned_once() {
    let (ours, _) = library_canonical(&store_with(
        r#"
_:a <http://example.org/knows> _:a <http://example.org/g> .
_:b <http://example.org/name> "n0" <http://example.org/g> .
"#,
    ));
    assert_eq!(
        String::from_utf8(ours).unwrap(),
        "_:c14n0 <http://example.org/knows> _:c14n0 <http://example.org/g> .\n\
         _:c14n1 <http://example.org/name> \"n0\" <http://example.org/g> .\n"
    );
}

/// U+FFFE and U+FFFF do not match XML 1.1's `Char` production, which the
/// canonical N-Quads form of RDFC-1.0 writes as UCHAR (upper-case HEX, the
/// shortest form); sophia writes them as they are.
#[test]
fn noncharacters_are_written_as_uchar() {
    let (ours, _) = library_canonical(&store_with(
        "<http://example.org/s> <http://example.org/p> \"a\\uFFFEb\\uFFFF\" <http://example.org/g> .\n",
    ));
    assert_eq!(
        String::from_utf8(ours).unwrap(),
        "<http://example.org/s> <http://example.org/p> \"a\\uFFFEb\\uFFFF\" <http://example.org/g> .\n"
    );
}
