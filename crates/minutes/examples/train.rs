//! Trains the statement classifier on the answer keys, and says how well
//! it does on minutes it was not trained on.
//!
//! ```sh
//! cargo run --release -p govgraph-minutes --example train            # table only
//! cargo run --release -p govgraph-minutes --example train -- --write  # and write the weights
//! ```
//!
//! Options: `--gold DIR` (the answer keys, default `../shared/gold` beside
//! the checkout; `--root DIR` holds `corpus/` and `seeds/`, default the
//! keys' parent), `--out FILE` (default `crates/minutes/model/statements.json`),
//! `--alpha A` (L2 strength), `--min-families N` (a feature is learned only
//! when it occurs in N families' minutes), `--positive-weight N`,
//! `--threshold P` and `--action-threshold P` (the probabilities from which
//! a unit is a decision, an action), `--iterations N`. What to print:
//! `--no-lofo`, `--no-fitted` (skip a table), `--only FAMILY` (one row of
//! the first table), `--show FAMILY` and `--show-fitted FAMILY` (each
//! missed or invented fact), `--explain FAMILY` (the weights behind each
//! held-out decision), `--weights` (the heaviest features), `--feature
//! NAME` (every sample with that feature and its label in the keys).
//!
//! Every sentence or bullet the parser hands the classifier is a sample;
//! it is a decision (an action) when it matches a decision (an action) of
//! its meeting in the key, by the answer-key scorer's own rule. Two
//! logistic regressions (linfa) are fitted on the samples. The table it
//! prints is the honest measure: for each family (the `<owner>+<repo>`
//! folder), a model trained on every *other* family extracts that family's
//! minutes, scored as `shared/tools/score-extraction` scores them
//! (leave-one-family-out). A second table scores the model trained on
//! everything, which is the one written.
//!
//! It is one file of about 700 lines on purpose: reading the answer keys,
//! labelling samples, fitting and scoring are one procedure that a reviewer
//! of the weights reads from top to bottom, and none of it is used
//! anywhere else.

use govgraph_minutes::model::Minutes;
use govgraph_minutes::parse::statements::{Model, Traced, model::Linear};
use govgraph_minutes::source;
use linfa::prelude::*;
use linfa_logistic::LogisticRegression;
use ndarray::{Array1, Array2};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use unicode_normalization_free::fold;

/// The scorer's text folding, word sets and matching (score-extraction).
mod unicode_normalization_free {
    /// NFKD without combining marks, spaces collapsed, lower-cased: the
    /// scorer's `fold`.
    pub fn fold(s: &str) -> String {
        govgraph_minutes::text::fold(s)
    }
}

fn tokens(s: &str) -> BTreeSet<String> {
    let f = fold(s);
    let mut out = BTreeSet::new();
    let mut cur = String::new();
    for c in f.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            cur.push(c);
        } else if !cur.is_empty() {
            out.insert(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.insert(cur);
    }
    out
}

fn similar(a: &str, b: &str, need: f64) -> bool {
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return false;
    }
    let common = ta.intersection(&tb).count() as f64;
    common / ta.len().min(tb.len()) as f64 >= need
}

/// Whether a unit is labelled with a key's item: similar as the scorer
/// has it, and not a fragment that shares a couple of words with a long
/// item (`Core Developer Promotion:` above the decision that promotes a
/// core developer): three shared words, or half of the item's.
fn labels(unit: &str, item: &str, need: f64) -> bool {
    if !similar(unit, item, need) {
        return false;
    }
    let (tu, ti) = (tokens(unit), tokens(item));
    let common = tu.intersection(&ti).count();
    common >= 3 || common * 2 >= ti.len()
}

fn assignee_same(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    a == b || a.split_whitespace().next() == b.split_whitespace().next()
}

/// Greedy one-to-one matching, as the scorer does.
fn match_count<G, P>(gold: &[G], pred: &[P], same: impl Fn(&G, &P) -> bool) -> usize {
    let mut used = vec![false; pred.len()];
    let mut n = 0;
    for g in gold {
        if let Some(i) = (0..pred.len()).find(|&i| !used[i] && same(g, &pred[i])) {
            used[i] = true;
            n += 1;
        }
    }
    n
}

/// One meeting of a key: its date and the texts of its decisions and
/// actions (with assignees).
#[derive(Debug, Clone)]
struct KeyMeeting {
    date: Option<String>,
    decisions: Vec<String>,
    actions: Vec<(String, String)>,
}

/// One answer key with its minutes file.
struct Key {
    family: String,
    file: source::SourceFile,
    meetings: Vec<KeyMeeting>,
}

fn read_keys(gold: &Path, root: &Path) -> Vec<Key> {
    let mut keys = Vec::new();
    let mut paths: Vec<PathBuf> = walk(gold)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    for p in paths {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let Some(rel) = v["source"].as_str() else {
            continue;
        };
        let src = match rel.strip_prefix("seeds/") {
            Some(r) => root.join("seeds").join(r),
            None => root.join("corpus").join(rel),
        };
        let Ok(found) = source::discover(std::slice::from_ref(&src)) else {
            eprintln!("warning: {} is missing", src.display());
            continue;
        };
        let Some(file) = found.files.into_iter().next() else {
            continue;
        };
        let ms: Vec<Value> = match v["meetings"].as_array() {
            Some(a) => a.clone(),
            None => vec![v.clone()],
        };
        let meetings = ms
            .iter()
            .map(|m| KeyMeeting {
                date: m["date"].as_str().map(str::to_owned),
                decisions: m["decisions"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|d| d["text"].as_str().map(str::to_owned))
                    .collect(),
                actions: m["actions"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|a| {
                        Some((
                            a["assignee"].as_str().unwrap_or("").to_owned(),
                            a["text"].as_str()?.to_owned(),
                        ))
                    })
                    .collect(),
            })
            .collect();
        keys.push(Key {
            family: rel.split('/').next().unwrap_or("").to_owned(),
            file,
            meetings,
        });
    }
    merge_copies(&mut keys);
    keys
}

/// Two keys of one meeting under different families (a user's seed file
/// that is a copy, or an earlier draft, of a corpus file: same dates, and
/// at least half of the smaller key's facts in common) are scored as one
/// family, the larger: leaving a family out must also leave out its
/// copies, or the model is scored on minutes it was trained on.
fn merge_copies(keys: &mut [Key]) {
    // Each key's facts and dates, computed once rather than per pair.
    let facts: Vec<BTreeSet<&String>> = keys
        .iter()
        .map(|k| {
            k.meetings
                .iter()
                .flat_map(|m| m.decisions.iter().chain(m.actions.iter().map(|(_, t)| t)))
                .collect()
        })
        .collect();
    let dates: Vec<Vec<Option<&String>>> = keys
        .iter()
        .map(|k| k.meetings.iter().map(|m| m.date.as_ref()).collect())
        .collect();
    let mut family: Vec<String> = keys.iter().map(|k| k.family.clone()).collect();
    let size = |family: &[String], fam: &str| family.iter().filter(|f| *f == fam).count();
    for i in 0..keys.len() {
        for j in i + 1..keys.len() {
            let (a, b) = (&facts[i], &facts[j]);
            let shared = a.intersection(b).count();
            if family[i] == family[j]
                || dates[i] != dates[j]
                || shared == 0
                || shared * 2 < a.len().min(b.len())
            {
                continue;
            }
            let (from, to) = if size(&family, &family[i]) >= size(&family, &family[j]) {
                (j, i)
            } else {
                (i, j)
            };
            eprintln!(
                "{} is the meeting of {}: scored with {}",
                keys[from].file.path.display(),
                keys[to].file.path.display(),
                family[to]
            );
            family[from] = family[to].clone();
        }
    }
    for (k, f) in keys.iter_mut().zip(family) {
        k.family = f;
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

/// Pairs key meetings with extracted ones by date, as the scorer does:
/// `pairs[k]` is the extracted meeting paired with key meeting `k`.
fn pair(keys: &[KeyMeeting], dates: &[Option<String>]) -> Vec<Option<usize>> {
    let mut used = vec![false; dates.len()];
    let mut out = Vec::new();
    for g in keys {
        let mut j = (0..dates.len()).find(|&i| !used[i] && dates[i] == g.date);
        if j.is_none() && keys.len() == 1 && !dates.is_empty() && !used[0] {
            j = Some(0);
        }
        if let Some(j) = j {
            used[j] = true;
        }
        out.push(j);
    }
    out
}

/// A labelled sample.
struct Sample {
    family: String,
    text: String,
    features: BTreeSet<String>,
    decision: bool,
    action: bool,
    /// Structure alone decided it was a decision.
    ruled: bool,
}

fn parse(key: &Key, model: Option<Arc<Model>>) -> (Minutes, Vec<Vec<Traced>>) {
    let bytes = std::fs::read(&key.file.path).unwrap();
    let decoded = govgraph_minutes::decode::decode(&bytes);
    let cx = govgraph_minutes::parse::Context {
        source: key.file.path.display().to_string(),
        file_name: key
            .file
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        repo: key.file.repo.clone(),
        model,
    };
    govgraph_minutes::parse::parse_traced(&decoded.text, &cx)
}

fn samples(keys: &[Key]) -> Vec<Sample> {
    let mut out = Vec::new();
    for key in keys {
        let (m, traces) = parse(key, None);
        let dates: Vec<Option<String>> = m.meetings.iter().map(|x| x.date.clone()).collect();
        let pairs = pair(&key.meetings, &dates);
        for (i, units) in traces.iter().enumerate() {
            let gold = pairs
                .iter()
                .position(|p| *p == Some(i))
                .map(|k| &key.meetings[k]);
            for u in units {
                if tokens(&u.text).len() < 2 {
                    continue;
                }
                let (decision, action) = match gold {
                    Some(g) => (
                        g.decisions.iter().any(|d| labels(&u.text, d, 0.6)),
                        g.actions.iter().any(|(_, a)| labels(&u.text, a, 0.5)),
                    ),
                    None => (false, false),
                };
                out.push(Sample {
                    family: key.family.clone(),
                    text: u.text.clone(),
                    features: u.features.clone(),
                    decision,
                    action,
                    ruled: u.ruled_decision,
                });
            }
        }
    }
    out
}

/// Hyper-parameters. The defaults were chosen by the leave-one-family-out
/// table (stronger regularisation and positives counted three times
/// carried best to families left out).
#[derive(Clone, Copy)]
struct Params {
    /// L2 strength.
    alpha: f64,
    /// A feature is learned only when it occurs in this many families.
    min_families: usize,
    /// How many times each positive counts (class weighting by
    /// repetition, as linfa takes no sample weights).
    positive_weight: usize,
    /// The probability from which a unit is a decision.
    threshold: f64,
    /// The probability from which a unit is an action.
    action_threshold: f64,
    /// L-BFGS iterations.
    iterations: u64,
}

/// Fits one regression on `samples`, labelled by `label`, over `vocab`.
fn fit(
    samples: &[&Sample],
    vocab: &[String],
    label: impl Fn(&Sample) -> bool,
    p: Params,
) -> Linear {
    let index: HashMap<&str, usize> = vocab
        .iter()
        .enumerate()
        .map(|(i, f)| (f.as_str(), i))
        .collect();
    let rows: Vec<&Sample> = samples
        .iter()
        .flat_map(|s| std::iter::repeat_n(*s, if label(s) { p.positive_weight } else { 1 }))
        .collect();
    let mut x = Array2::<f64>::zeros((rows.len(), vocab.len()));
    for (r, s) in rows.iter().enumerate() {
        for f in &s.features {
            if let Some(&c) = index.get(f.as_str()) {
                x[[r, c]] = 1.0;
            }
        }
    }
    let y: Array1<bool> = rows.iter().map(|s| label(s)).collect();
    if y.iter().all(|v| !*v) || y.iter().all(|v| *v) {
        return Linear {
            bias: if y.iter().any(|v| *v) { 10.0 } else { -10.0 },
            threshold: p.threshold,
            weights: BTreeMap::new(),
        };
    }
    let fitted = LogisticRegression::default()
        .alpha(p.alpha)
        .max_iterations(p.iterations)
        .fit(&Dataset::new(x, y))
        .expect("logistic regression fits");
    // linfa models the probability of the more frequent class: turn the
    // weights round when that is `false`, so they speak for `true`.
    let sign = if fitted.labels().pos.class { 1.0 } else { -1.0 };
    let round = |w: f64| (w * 1e4).round() / 1e4;
    let weights = vocab
        .iter()
        .zip(fitted.params().iter())
        .map(|(f, w)| (f, sign * w))
        .filter(|(_, w)| w.abs() >= 1e-3)
        .map(|(f, w)| (f.clone(), round(w)))
        .collect();
    Linear {
        bias: round(sign * fitted.intercept()),
        threshold: p.threshold,
        weights,
    }
}

/// The features seen in at least `min` families' samples, sorted: what
/// one family alone writes is not learned.
fn vocabulary(samples: &[&Sample], min: usize) -> Vec<String> {
    let mut families: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for s in samples {
        for f in &s.features {
            families.entry(f.as_str()).or_default().insert(&s.family);
        }
    }
    let mut v: Vec<String> = families
        .into_iter()
        .filter(|(_, fs)| fs.len() >= min)
        .map(|(f, _)| f.to_owned())
        .collect();
    v.sort();
    v
}

/// Fits both regressions. Units that structure alone made decisions do
/// not teach the decision model (it is never asked about them).
fn train(samples: &[&Sample], p: Params, about: BTreeMap<String, Value>) -> Model {
    let for_decisions: Vec<&Sample> = samples.iter().copied().filter(|s| !s.ruled).collect();
    Model {
        about,
        decision: fit(
            &for_decisions,
            &vocabulary(&for_decisions, p.min_families),
            |s| s.decision,
            p,
        ),
        action: fit(
            samples,
            &vocabulary(samples, p.min_families),
            |s| s.action,
            Params {
                threshold: p.action_threshold,
                ..p
            },
        ),
    }
}

/// Matched, in the keys, predicted: per field.
#[derive(Default, Clone, Copy)]
struct Counts {
    decisions: [usize; 3],
    actions: [usize; 3],
}

impl Counts {
    fn add(&mut self, o: Counts) {
        for i in 0..3 {
            self.decisions[i] += o.decisions[i];
            self.actions[i] += o.actions[i];
        }
    }
}

/// Scores the extraction of one key's minutes as the scorer does; with
/// `show`, prints what it missed and invented.
fn score(key: &Key, model: Arc<Model>, show: bool) -> Counts {
    let (m, _) = parse(key, Some(model));
    let dates: Vec<Option<String>> = m.meetings.iter().map(|x| x.date.clone()).collect();
    let pairs = pair(&key.meetings, &dates);
    let mut c = Counts::default();
    let mut paired = vec![false; m.meetings.len()];
    let mut add = |g: Option<&KeyMeeting>, i: Option<usize>| {
        let pd: Vec<String> = i
            .map(|i| {
                m.meetings[i]
                    .decisions
                    .iter()
                    .map(|d| d.text.clone())
                    .collect()
            })
            .unwrap_or_default();
        let pa: Vec<(String, String)> = i
            .map(|i| {
                m.meetings[i]
                    .actions
                    .iter()
                    .map(|a| (a.assignee.clone(), a.text.clone()))
                    .collect()
            })
            .unwrap_or_default();
        let gd: &[String] = g.map_or(&[], |g| &g.decisions);
        let ga: &[(String, String)] = g.map_or(&[], |g| &g.actions);
        let md = match_count(gd, &pd, |a, b| similar(a, b, 0.6));
        let ma = match_count(ga, &pa, |a, b| {
            assignee_same(&a.0, &b.0) && similar(&a.1, &b.1, 0.5)
        });
        if show {
            let name = key.file.path.display();
            let same_a = |a: &(String, String), p: &(String, String)| {
                assignee_same(&a.0, &p.0) && similar(&a.1, &p.1, 0.5)
            };
            for d in gd.iter().filter(|d| !pd.iter().any(|p| similar(d, p, 0.6))) {
                println!("  {name}: missed decision: {d}");
            }
            for d in pd.iter().filter(|p| !gd.iter().any(|d| similar(d, p, 0.6))) {
                println!("  {name}: invented decision: {d}");
            }
            for a in ga.iter().filter(|a| !pa.iter().any(|p| same_a(a, p))) {
                println!("  {name}: missed action [{}]: {}", a.0, a.1);
            }
            for p in pa.iter().filter(|p| !ga.iter().any(|a| same_a(a, p))) {
                println!("  {name}: invented action [{}]: {}", p.0, p.1);
            }
        }
        c.decisions[0] += md;
        c.decisions[1] += gd.len();
        c.decisions[2] += pd.len();
        c.actions[0] += ma;
        c.actions[1] += ga.len();
        c.actions[2] += pa.len();
    };
    for (k, p) in pairs.iter().enumerate() {
        if let Some(i) = p {
            paired[*i] = true;
        }
        add(Some(&key.meetings[k]), *p);
    }
    for (i, was) in paired.iter().enumerate() {
        if !was {
            add(None, Some(i));
        }
    }
    c
}

fn f1(c: [usize; 3]) -> f64 {
    let (k, g, p) = (c[0] as f64, c[1] as f64, c[2] as f64);
    let pr = if p > 0.0 {
        k / p
    } else if g == 0.0 {
        1.0
    } else {
        0.0
    };
    let rc = if g > 0.0 { k / g } else { 1.0 };
    if pr + rc > 0.0 {
        2.0 * pr * rc / (pr + rc)
    } else {
        0.0
    }
}

fn print_table(title: &str, rows: &BTreeMap<String, Counts>) {
    println!("{title}");
    println!(
        "{:<44} {:>10} {:>10}",
        "family: F1/facts in the keys", "decisions", "actions"
    );
    let mut total = Counts::default();
    for (fam, c) in rows {
        total.add(*c);
        println!(
            "{:<44} {:>10} {:>10}",
            &fam[..fam.len().min(44)],
            format!("{:.2}/{:<4}", f1(c.decisions), c.decisions[1]),
            format!("{:.2}/{:<4}", f1(c.actions), c.actions[1])
        );
    }
    println!(
        "{:<44} {:>10} {:>10}",
        "all",
        format!("{:.2}/{:<4}", f1(total.decisions), total.decisions[1]),
        format!("{:.2}/{:<4}", f1(total.actions), total.actions[1])
    );
}

/// The command line: `--name value` options and `--flag` switches.
struct Args(Vec<String>);

impl Args {
    fn get(&self, name: &str) -> Option<String> {
        self.0
            .iter()
            .position(|a| a == name)
            .and_then(|i| self.0.get(i + 1).cloned())
    }

    fn num<T: std::str::FromStr>(&self, name: &str, default: T) -> T {
        self.get(name)
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    }

    fn has(&self, name: &str) -> bool {
        self.0.iter().any(|a| a == name)
    }
}

/// Prints, for the held-out family's keyed decisions and actions, the
/// probability the model gave and the weights that made it.
fn explain(all: &[Sample], fam: &str, p: Params) {
    let train_on: Vec<&Sample> = all.iter().filter(|s| !s.family.contains(fam)).collect();
    let model = train(&train_on, p, BTreeMap::new());
    for (kind, classifier, keyed) in [
        (
            "decision",
            &model.decision,
            (|s: &Sample| s.decision) as fn(&Sample) -> bool,
        ),
        ("action", &model.action, |s: &Sample| s.action),
    ] {
        for s in all.iter().filter(|s| s.family.contains(fam) && keyed(s)) {
            let pr = classifier.probability(&s.features);
            let mut contrib: Vec<(f64, &String)> = s
                .features
                .iter()
                .filter_map(|f| classifier.weights.get(f).map(|w| (*w, f)))
                .collect();
            contrib.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap());
            println!(
                "{kind} p={pr:.2} {}\n    bias {:.2} {:?}",
                s.text, classifier.bias, contrib
            );
        }
    }
}

fn main() {
    let args = Args(std::env::args().skip(1).collect());
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let gold = args
        .get("--gold")
        .map_or_else(|| here.join("../../../shared/gold"), PathBuf::from);
    let root = args
        .get("--root")
        .map_or_else(|| gold.join(".."), PathBuf::from);
    let out = args
        .get("--out")
        .map_or_else(|| here.join("model/statements.json"), PathBuf::from);
    let p = Params {
        alpha: args.num("--alpha", 10.0),
        min_families: args.num("--min-families", 3),
        positive_weight: args.num("--positive-weight", 3),
        threshold: args.num("--threshold", 0.45),
        action_threshold: args.num("--action-threshold", 0.55),
        iterations: args.num("--iterations", 200),
    };
    let keys = read_keys(&gold, &root);
    if keys.is_empty() {
        eprintln!("error: no answer keys under {}", gold.display());
        std::process::exit(2);
    }
    let all = samples(&keys);
    let families: BTreeSet<&str> = keys.iter().map(|k| k.family.as_str()).collect();
    eprintln!(
        "{} keys, {} families, {} samples ({} decisions, {} actions)",
        keys.len(),
        families.len(),
        all.len(),
        all.iter().filter(|s| s.decision).count(),
        all.iter().filter(|s| s.action).count()
    );
    if let Some(fam) = args.get("--explain") {
        explain(&all, &fam, p);
        return;
    }
    if let Some(feature) = args.get("--feature") {
        // Every sample with the feature, and how the keys label it: what a
        // feature's weight was learned from.
        for s in all.iter().filter(|s| s.features.contains(&feature)) {
            let label = match (s.decision, s.action) {
                (true, true) => "decision+action",
                (true, false) => "decision",
                (false, true) => "action",
                (false, false) => "-",
            };
            println!(
                "{label:<16} {:<30} {}",
                &s.family[..s.family.len().min(30)],
                s.text
            );
        }
        return;
    }
    // Leave one family out: for each family, a model trained on the others
    // extracts its minutes.
    if !args.has("--no-lofo") {
        let only = args.get("--only");
        let mut lofo: BTreeMap<String, Counts> = BTreeMap::new();
        for fam in families
            .iter()
            .filter(|f| only.as_ref().is_none_or(|o| f.contains(o.as_str())))
        {
            let train_on: Vec<&Sample> = all.iter().filter(|s| s.family != *fam).collect();
            let model = Arc::new(train(&train_on, p, BTreeMap::new()));
            let show = args.get("--show").is_some_and(|f| fam.contains(f.as_str()));
            let mut c = Counts::default();
            for k in keys.iter().filter(|k| k.family == *fam) {
                c.add(score(k, model.clone(), show));
            }
            lofo.insert((*fam).to_owned(), c);
        }
        print_table(
            "leave-one-family-out (trained on the other families)",
            &lofo,
        );
    }
    // The model trained on everything: the one written.
    let about: BTreeMap<String, Value> = [
        (
            "trainer",
            Value::from("cargo run --release -p govgraph-minutes --example train -- --write"),
        ),
        ("keys", Value::from(keys.len())),
        ("families", Value::from(families.len())),
        ("samples", Value::from(all.len())),
        ("alpha", Value::from(p.alpha)),
        ("min_families", Value::from(p.min_families)),
        ("positive_weight", Value::from(p.positive_weight)),
        ("threshold", Value::from(p.threshold)),
        ("action_threshold", Value::from(p.action_threshold)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    let every: Vec<&Sample> = all.iter().collect();
    let model = Arc::new(train(&every, p, about));
    if !args.has("--no-fitted") {
        let mut fitted: BTreeMap<String, Counts> = BTreeMap::new();
        for k in &keys {
            let show = args
                .get("--show-fitted")
                .is_some_and(|f| k.family.contains(f.as_str()));
            fitted
                .entry(k.family.clone())
                .or_default()
                .add(score(k, model.clone(), show));
        }
        println!();
        print_table("trained on every family (the weights written)", &fitted);
    }
    if args.has("--weights") {
        for (name, l) in [("decision", &model.decision), ("action", &model.action)] {
            let mut w: Vec<(&String, &f64)> = l.weights.iter().collect();
            w.sort_by(|a, b| b.1.partial_cmp(a.1).unwrap());
            eprintln!("{name}: bias {} top {:?}", l.bias, &w[..w.len().min(20)]);
            eprintln!("{name}: bottom {:?}", &w[w.len().saturating_sub(12)..]);
        }
    }
    if args.has("--write") {
        let json = serde_json::to_string_pretty(&*model).unwrap();
        std::fs::write(&out, json + "\n").unwrap();
        eprintln!("wrote {}", out.display());
    }
}
