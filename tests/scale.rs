//! Issue 12: the saved queries' answers grow with the corpus as they
//! should. The shared corpus is copied four times, each repository under
//! a new owner (`nodejs+TSC` becomes `nodejs0+TSC` … `nodejs3+TSC`), as the
//! scale benchmark does at 10× and 100×; then the fourth copy is deleted
//! and the store re-ingested with `--prune`, leaving three. A question asked
//! of each group then has, at N×, the 1× answer once per copy, with the
//! group renamed: nothing may be lost, doubled or mixed between copies when
//! the store grows (a streaming ingest; per-group derived facts, 68 groups
//! at 4×, more than one query's worth) or shrinks again (an incremental
//! ingest). Questions about people or GitHub items across groups are
//! checked by what must hold of them: every person attends N times the
//! groups, every item is discussed by N times the groups.
//!
//! Not checked: the twelve saved queries whose rows span groups (people or
//! items across groups, person profiles, graph projections), row by row;
//! and which copy's item a row names (a bare `#N` in minutes names the
//! copy's own repository, so items are compared without the copy).

mod common;

use common::*;
use govgraph::query;
use govgraph::store::Store;
use std::collections::BTreeMap;
use std::path::Path;

/// The most copies made; `--prune` then takes one away.
const COPIES: usize = 4;
const BASE: &str = "https://w3id.org/govgraph/id/";

/// Saved queries whose every row belongs to one group.
const PER_GROUP: &[&str] = &[
    "actions-by-assignee",
    "attendance",
    "attendance-rate",
    "carried-over-actions",
    "decisions",
    "emeritus-candidates",
    "empty-meetings",
    "group-activity-by-year",
    "lapsed-members",
    "newcomer-retention",
    "open-actions",
];

/// The corpus's repositories (`owner`, `repo`), from its folder names.
fn repositories(corpus: &Path) -> Vec<(String, String)> {
    let mut repos: Vec<(String, String)> = std::fs::read_dir(corpus)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let (owner, repo) = name.split_once('+')?;
            Some((owner.to_owned(), repo.to_owned()))
        })
        .collect();
    repos.sort();
    repos
}

/// The rows (as a multiset) of the saved queries of [`PER_GROUP`], with
/// default parameters.
fn answers(store: &Store) -> BTreeMap<String, BTreeMap<Vec<String>, usize>> {
    query::saved()
        .into_iter()
        .filter(|q| PER_GROUP.contains(&q.name.as_str()))
        .map(|q| {
            let bindings = query::bind(&q.params, &[]).unwrap();
            let (_, rows) = all_rows(query::run(store, &q.text, bindings).unwrap());
            let mut bag = BTreeMap::new();
            for r in rows {
                *bag.entry(r).or_insert(0) += 1;
            }
            (q.name, bag)
        })
        .collect()
}

/// A cell of the 1× answer as copy `k` gives it: a group's name or IRI,
/// or the IRI of a meeting or document of the group, renamed; anything
/// else (a person, an issue `owner/repo#N`, a text) as it is.
fn renamed(cell: &str, k: usize, repos: &[(String, String)]) -> String {
    for (owner, repo) in repos {
        // Groups are named in lower case; documents keep the folder's case.
        let (o, r) = (owner.to_lowercase(), repo.to_lowercase());
        if cell == format!("{o}/{r}") {
            return format!("{o}{k}/{r}");
        }
        if cell == format!("{BASE}group/{o}/{r}") {
            return format!("{BASE}group/{o}{k}/{r}");
        }
        for kind in ["meeting", "doc"] {
            let prefix = format!("{BASE}{kind}/{owner}+{repo}/");
            if let Some(rest) = cell.strip_prefix(&prefix) {
                return format!("{BASE}{kind}/{owner}{k}+{repo}/{rest}");
            }
        }
    }
    cell.to_owned()
}

/// A cell of the 3× answer with a GitHub item of a copied repository
/// (`nodejs0/build#199`, or its URL) named as at 1× (`nodejs/build#199`). Minutes that
/// write a bare `#199` mean the repository that holds them, so in a copy
/// they name the copy's item; written in full they name the original. The
/// answer does not say which, so items are compared without the copy.
fn item_as_at_one(cell: &str, repos: &[(String, String)]) -> String {
    for (owner, repo) in repos {
        let (o, r) = (owner.to_lowercase(), repo.to_lowercase());
        for k in 0..COPIES {
            if let Some(n) = cell.strip_prefix(&format!("{o}{k}/{r}#"))
                && n.chars().all(|c| c.is_ascii_digit())
            {
                return format!("{o}/{r}#{n}");
            }
            if let Some(rest) = cell.strip_prefix(&format!("https://github.com/{o}{k}/{r}/")) {
                return format!("https://github.com/{o}/{r}/{rest}");
            }
        }
    }
    cell.to_owned()
}

/// Asserts that `large`, a store of `copies` copies of the corpus, answers
/// as `small`, the corpus once, scaled.
fn assert_scaled(small: &Store, large: &Store, copies: usize, repos: &[(String, String)]) {
    let (at_one, at_n) = (answers(small), answers(large));
    for name in PER_GROUP {
        let mut want: BTreeMap<Vec<String>, usize> = BTreeMap::new();
        for (row, n) in &at_one[*name] {
            for k in 0..copies {
                let row = row.iter().map(|c| renamed(c, k, repos)).collect();
                *want.entry(row).or_insert(0) += n;
            }
        }
        assert!(!want.is_empty(), "{name}: no answer at 1×");
        let mut got: BTreeMap<Vec<String>, usize> = BTreeMap::new();
        for (row, n) in &at_n[*name] {
            let row = row.iter().map(|c| item_as_at_one(c, repos)).collect();
            *got.entry(row).or_insert(0) += n;
        }
        let missing: Vec<_> = want
            .keys()
            .filter(|r| got.get(*r) != want.get(*r))
            .take(3)
            .collect();
        let extra: Vec<_> = got
            .keys()
            .filter(|r| !want.contains_key(*r))
            .take(3)
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{name} at {copies}×: {} rows, {} expected; differing {missing:#?}; unexpected {extra:#?}",
            got.values().sum::<usize>(),
            want.values().sum::<usize>()
        );
    }

    // Across groups: the same people, each in N times the groups; the same
    // GitHub items, each discussed by N times the groups.
    let groups_of = |store: &Store, q: &str| {
        let mut groups: BTreeMap<String, std::collections::BTreeSet<String>> = BTreeMap::new();
        for r in select(store, q) {
            let key = item_as_at_one(&r[0], repos);
            groups.entry(key).or_default().insert(r[1].clone());
        }
        groups
            .into_iter()
            .map(|(k, g)| (k, g.len()))
            .collect::<BTreeMap<_, _>>()
    };
    for (what, q) in [
        (
            "people",
            "SELECT ?x ?g WHERE { ?p gg:participant ?x ; gg:group ?g }",
        ),
        (
            "items",
            "SELECT ?x ?g WHERE { ?m dcterms:references ?x ; schema:organizer ?g }",
        ),
    ] {
        let at_one = groups_of(small, q);
        let at_n = groups_of(large, q);
        assert_eq!(at_one.len(), at_n.len(), "{what} at {copies}×");
        let wrong: Vec<_> = at_one
            .iter()
            .filter(|(k, n)| at_n.get(*k) != Some(&(*n * copies)))
            .take(3)
            .map(|(k, n)| (k, n, at_n.get(k)))
            .collect();
        assert!(
            wrong.is_empty(),
            "{what}: groups at 1× and {copies}×: {wrong:?}"
        );
    }
}

#[test]
fn saved_query_answers_at_four_and_three_times_the_corpus_are_the_answers_scaled() {
    let corpus = shared().join("corpus");
    let repos = repositories(&corpus);
    let tmp = tempfile::tempdir().unwrap();
    for (owner, repo) in &repos {
        for k in 0..COPIES {
            copy_tree(
                &corpus.join(format!("{owner}+{repo}")),
                &tmp.path().join(format!("{owner}{k}+{repo}")),
            );
        }
    }
    let (one, _) = ingest_memory(&[corpus]);
    let (large, _) = ingest_memory(&[tmp.path().to_path_buf()]);
    assert_scaled(&one, &large, COPIES, &repos);

    // One copy goes; an incremental ingest with `--prune` must leave what
    // three copies give.
    for (owner, repo) in &repos {
        std::fs::remove_dir_all(tmp.path().join(format!("{owner}{}+{repo}", COPIES - 1))).unwrap();
    }
    ingest_with(&large, &[tmp.path().to_path_buf()], &pruning());
    assert_scaled(&one, &large, COPIES - 1, &repos);
}
