#!/usr/bin/env bash
# Interoperability: third-party tools we did not write read what govgraph
# writes, and agree with it.
#   raptor (rapper) and rdflib parse every RDF export with our triple counts;
#   jsonld.js, the reference JSON-LD processor, reads our compacted JSON-LD
#   as exactly our N-Quads and Turtle exports;
#   pyshacl reports the same SHACL results as `govgraph validate`;
#   networkx reads our GraphML, and the Neo4j CSV is well-formed for
#   `neo4j-admin database import` and holds the same graph;
#   curl, SPARQLWrapper and rdflib query `govgraph serve`, and Virtuoso,
#   loaded by `govgraph push`, answers the saved queries;
#   rdflib, on our N-Quads export, answers every saved query it can
#   evaluate as `govgraph query` does (those it cannot, and why, are listed
#   in rdflib_queries.py).
# Run for the examples and for the shared corpus. Needs the release build
# and the tools tests/interop/install.sh installs. Prints one PASS or FAIL
# line per check and exits 1 when any failed.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=tests/interop

target=${CARGO_TARGET_DIR:-target}
[[ $target = /* ]] || target=$PWD/$target
gg=${GOVGRAPH:-$target/release/govgraph}
[ -x "$gg" ] || { echo "no govgraph binary at $gg: build with cargo build --release" >&2; exit 2; }
for tool in rapper node python3; do
  command -v "$tool" >/dev/null || { echo "$tool missing: run $here/install.sh" >&2; exit 2; }
done
[ -d "$here/node_modules/jsonld" ] || { echo "jsonld missing: run $here/install.sh" >&2; exit 2; }

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
passed=0
failed=0

# result STATUS TEXT: one check's line, PASS when STATUS is 0.
result() {
  if [ "$1" -eq 0 ]; then
    echo "PASS $2"; passed=$((passed + 1))
  else
    echo "FAIL $2"; failed=$((failed + 1))
  fi
}

# checker CMD...: run a Python checker that prints its own PASS and FAIL
# lines, and count them; a crash (non-zero exit without a FAIL line) fails
# too, with the end of its stderr.
checker() {
  local rc=0 n
  "$@" 2>"$T/stderr" | tee "$T/out" || rc=$?
  passed=$((passed + $(grep -c '^PASS' "$T/out" || true)))
  n=$(grep -c '^FAIL' "$T/out" || true)
  failed=$((failed + n))
  if [ "$rc" -ne 0 ] && [ "$n" -eq 0 ]; then
    result 1 "$(basename "$2") crashed (exit $rc)"
    tail -n 5 "$T/stderr" | sed 's/^/  /'
  fi
}

# count STORE PATTERN: govgraph's own COUNT(*) of the pattern's matches
# (its TSV is a `?n` header line, then the bare number).
count() {
  "$gg" query --store "$1" --format tsv \
    --sparql "SELECT (COUNT(*) AS ?n) WHERE { $2 }" | sed -n 2p
}

# dataset NAME PATHS...: ingest PATHS into a store of their own, then run
# every check on its exports.
dataset() {
  local name=$1 rc=0 f n ok expected warnings
  shift
  local db=$T/$name.db out=$T/$name
  # Exit code 1 means the ingest finished with warnings (the real corpus
  # has plenty); 2 is an error.
  "$gg" ingest "$@" --store "$db" >"$out.ingest.log" 2>&1 || rc=$?
  if [ "$rc" -gt 1 ]; then
    result 1 "[$name] govgraph ingest $*: exit $rc"
    tail -n 5 "$out.ingest.log" | sed 's/^/  /'
    return
  fi
  local triples quads
  triples=$(count "$db" '?s ?p ?o') || triples="(query failed)"
  # The store's bookkeeping graph is never exported.
  quads=$(count "$db" 'GRAPH ?g { ?s ?p ?o } FILTER(?g != <urn:govgraph:state>)') || quads="(query failed)"
  echo "---- [$name] govgraph ingest $*: $triples triples in the union graph, $quads quads"

  for f in turtle ntriples rdfxml trig nquads jsonld jsonld-expanded; do
    "$gg" export --store "$db" --format "$f" -o "$out.$f" \
      || result 1 "[$name] govgraph export --format $f failed"
  done

  # 1. raptor parses each format raptor knows (all but JSON-LD). rapper
  # counts statements, so a quad file's count is its number of quads.
  for f in turtle ntriples rdfxml trig nquads; do
    case $f in trig | nquads) expected=$quads ;; *) expected=$triples ;; esac
    rc=0
    rapper -c -i "$f" "$out.$f" 2>"$T/rapper" || rc=$?
    n=$(sed -n 's/.*returned \([0-9]*\) triples.*/\1/p' "$T/rapper")
    warnings=$(grep -cE '^rapper: (Error|Warning)' "$T/rapper" || true)
    ok=1
    if [ "$rc" -eq 0 ] && [ "${n:-x}" = "$expected" ] && [ "$warnings" -eq 0 ]; then ok=0; fi
    result "$ok" "[$name] rapper $f: ${n:-no} statements, govgraph $expected; $warnings errors or warnings"
    [ "$warnings" -eq 0 ] || grep -E '^rapper: (Error|Warning)' "$T/rapper" | head -n 3 | sed 's/^/  /'
  done

  # 2. The reference JSON-LD processor turns our compacted JSON-LD into
  # N-Quads; formats.py compares that with our own exports, after checking
  # that rdflib reads every format with our counts.
  node "$here/jsonld_to_nquads.mjs" "$out.jsonld" "$out.js.nq" \
    || result 1 "[$name] jsonld.js could not read our jsonld"
  checker python3 "$here/formats.py" "$out" "$triples" "$quads"

  # 3. pyshacl finds the same SHACL results as govgraph validate (exit
  # code 1 only says there were results).
  rc=0
  "$gg" validate --store "$db" --format turtle >"$out.report.ttl" 2>/dev/null || rc=$?
  if [ "$rc" -gt 1 ]; then
    result 1 "[$name] govgraph validate: exit $rc"
  else
    shacl "$name" "$out.turtle" "$out.report.ttl"
  fi

  # 4 and 5. The property-graph exports: GraphML and Neo4j CSV.
  "$gg" export --store "$db" --format graphml -o "$out.graphml" 2>"$out.graphml.err" \
    || result 1 "[$name] govgraph export --format graphml failed"
  "$gg" export --store "$db" --format neo4j-csv -o "$out.neo4j" 2>/dev/null \
    || result 1 "[$name] govgraph export --format neo4j-csv failed"
  checker python3 "$here/graphs.py" "$name" "$out.graphml" "$out.graphml.err" "$out.neo4j"
}

# shacl NAME DATA REPORT: shacl_agree.py's verdict as one line. It prints
# its figures first and the differing results after, indented.
shacl() {
  local rc=0
  python3 "$here/shacl_agree.py" ontology/shapes.ttl "$2" "$3" >"$T/shacl" 2>"$T/stderr" || rc=$?
  result "$rc" "[$1] pyshacl agrees with govgraph validate: $(head -n 1 "$T/shacl" | sed 's/^[^:]*: //')"
  tail -n +2 "$T/shacl" | head -n 10
  [ -s "$T/shacl" ] || tail -n 5 "$T/stderr" | sed 's/^/  /'
}

dataset examples examples
dataset corpus ../shared/corpus ../shared/seeds

# SHACL on a hand-written graph that breaks every shape, for the results a
# clean store never shows.
broken=tests/fixtures/shacl/broken.ttl
rc=0
"$gg" validate --data "$broken" --format turtle >"$T/broken.report.ttl" 2>/dev/null || rc=$?
if [ "$rc" -eq 1 ]; then
  shacl broken "$broken" "$T/broken.report.ttl"
else
  result 1 "[broken] govgraph validate --data $broken: exit $rc, expected 1"
fi

# 6. govgraph serve answers curl, SPARQLWrapper and rdflib as govgraph
# query does (on the corpus); govgraph push loads a real Virtuoso, which
# then answers the saved queries (on the examples, whose answers are known).
checker python3 "$here/endpoints.py" "$gg" "$T/corpus.db"
if vars=$(.ci/virtuoso.sh start "$T/virtuoso"); then
  eval "$vars"
  trap '.ci/virtuoso.sh stop "$T/virtuoso" >/dev/null 2>&1 || true; rm -rf "$T"' EXIT
  VIRTUOSO_USER=$VIRTUOSO_USER checker python3 "$here/endpoints.py" "$gg" "$T/examples.db" \
    "$VIRTUOSO_GSP_URL" "$VIRTUOSO_SPARQL_URL"
else
  result 1 "Virtuoso did not start (.ci/virtuoso.sh)"
fi

# 7. rdflib's own SPARQL engine, on the N-Quads export of the examples,
# answers the saved queries as govgraph query does (each within a time
# limit; the ones it cannot evaluate or answers differently are listed with
# their cause in rdflib_queries.py).
checker python3 "$here/rdflib_queries.py" "$gg" "$T/examples.db"

echo "interop: $passed passed, $failed failed (${SECONDS}s)"
[ "$failed" -eq 0 ]
