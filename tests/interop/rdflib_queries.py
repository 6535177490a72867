"""rdflib, run on the N-Quads export, answers every saved query it can
evaluate as `govgraph query` does.

Usage: rdflib_queries.py GOVGRAPH STORE

Exports STORE as N-Quads, loads it into an rdflib Dataset whose default
graph is govgraph's default graph, and runs each saved query there with
its parameters unbound, in a child process killed after TIMEOUT seconds.
The rows are compared as multisets with `govgraph query NAME --format json`
(the way endpoints.py compares them; the parameter columns are left out,
since govgraph binds declared defaults and the queries apply the same ones
to an unbound parameter). A query rdflib cannot evaluate (a parse error, an
exception, the time limit) or answers differently must be listed, with its
cause, in RDFLIB_DEVIATIONS; a listed query that starts to agree fails, so
the list stays honest. Prints one PASS or FAIL line per check and exits 1
when any failed.
"""

import json
import multiprocessing
import subprocess
import sys
import time

from rdflib import Dataset, URIRef

from endpoints import govgraph_rows, rows, saved_queries

TIMEOUT = 60  # seconds per query

# Identity suggestions are kept in their own named graph, outside the union
# that govgraph's default graph holds (README, "outside the union of facts").
# The other graph outside it, the bookkeeping graph urn:govgraph:state, is
# never exported.
OUTSIDE_UNION = URIRef("https://w3id.org/govgraph/id/graph/suggestions")
failures = []

# Saved queries rdflib 7.6 cannot evaluate or answers differently, and why.
# Each must still fail to agree: a query that starts to agree is reported,
# so the list cannot hide a change.
RDFLIB_DEVIATIONS = {}


def check(ok, what):
    print(("PASS " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)


def load(govgraph, store):
    """govgraph's dataset as rdflib sees it.

    The N-Quads export holds every named graph (documents, ontology, derived,
    suggestions) and nothing in the default graph. govgraph's default graph
    is the union of the named graphs less the suggestions, as a set. So the
    suggestions graph is dropped and the Dataset made to query the union of
    what is left (default_union: rdflib's memory store keeps a triple once
    however many graphs hold it, so the union is a set). `export --format
    turtle` writes that same union and would do as a plain Graph, but the
    issue asks for the N-Quads, and the Dataset keeps each document's graph
    for a `GRAPH` pattern (no saved query uses one today). main() checks the
    result against govgraph's own triple count.
    """
    nquads = subprocess.run(
        [govgraph, "export", "--store", store, "--format", "nquads"],
        check=True, capture_output=True,
    ).stdout
    ds = Dataset(default_union=True)
    ds.parse(data=nquads, format="nquads")
    ds.remove_graph(OUTSIDE_UNION)
    return ds


def run_query(ds, text, conn):
    """In the child: the query's SPARQL JSON results, or the error."""
    try:
        result = ds.query(text).serialize(format="json")
        conn.send(("ok", json.loads(result)))
    except Exception as e:  # noqa: BLE001 - any failure is the answer
        conn.send(("error", f"{type(e).__name__}: {e}"))
    conn.close()


def evaluate(ds, text, timeout=TIMEOUT):
    """("ok", SPARQL JSON) or ("error" | "timeout" | "crash", text), with the
    query run in a forked child (which shares the loaded dataset) that is
    killed when it runs out of time."""
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=run_query, args=(ds, text, send), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(timeout):
            child.kill()
            return "timeout", f"no answer within {timeout} s"
        return receive.recv()
    except EOFError:
        return "crash", f"the child exited with {child.exitcode}"
    finally:
        child.join()
        receive.close()


def main():
    govgraph, store = sys.argv[1:3]
    started = time.time()
    ds = load(govgraph, store)

    n = int(list(ds.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))[0][0])
    want = int(subprocess.run(
        [govgraph, "query", "--store", store, "--format", "csv",
         "--sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"],
        check=True, capture_output=True, text=True,
    ).stdout.split()[1])
    check(n == want, f"rdflib default graph of the N-Quads export: {n} triples, "
                     f"govgraph's default graph {want}")

    same, known = 0, 0
    queries = saved_queries()
    for name, text, params in queries:
        t = time.time()
        status, answer = evaluate(ds, text)
        took = time.time() - t
        want = govgraph_rows(govgraph, store, name, params)
        got = rows(answer, params) if status == "ok" else None
        if got == want:
            same += 1
            if name in RDFLIB_DEVIATIONS:
                check(False, f"rdflib {name} now agrees: drop it from RDFLIB_DEVIATIONS")
            else:
                check(True, f"rdflib {name}: {len(got)} rows as govgraph ({took:.1f} s)")
            continue
        if got is None:
            seen = f"{status}: {answer}"
        else:
            seen = (f"{len(got)} rows, govgraph {len(want)}; "
                    f"only rdflib {sorted(set(got) - set(want))[:1]}; "
                    f"only govgraph {sorted(set(want) - set(got))[:1]}")
        if name in RDFLIB_DEVIATIONS:
            known += 1
            # What differs, so that a reason that no longer holds shows.
            print(f"KNOWN rdflib {name}: {RDFLIB_DEVIATIONS[name]} ({seen[:300]})")
        else:
            check(False, f"rdflib {name}: {seen[:500]}")
    check(same + known == len(queries),
          f"rdflib: {same}/{len(queries)} saved queries answer as govgraph query, "
          f"{known} known deviations ({time.time() - started:.0f} s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
