"""rdflib reads every RDF format govgraph writes, and the reference JSON-LD
processor reads our compacted JSON-LD as exactly the data we hold.

Usage: formats.py PREFIX TRIPLES QUADS

PREFIX.FORMAT is `govgraph export --format FORMAT` for each RDF format, and
PREFIX.js.nq is PREFIX.jsonld turned into N-Quads by jsonld_to_nquads.mjs.
TRIPLES and QUADS are govgraph's own counts: SPARQL COUNT(*) over the union
graph, and over GRAPH ?g. Prints one PASS or FAIL line per check and exits 1
when any failed.
"""

import sys

import rdflib
from rdflib import BNode, Dataset, Graph
from rdflib.compare import isomorphic

# rdflib rewrites literals to canonical form on parse ("01"^^xsd:integer
# becomes "1"), which would hide a lexical change made on the way through
# JSON-LD. Compare literals exactly as written instead.
rdflib.NORMALIZE_LITERALS = False

TRIPLE_FORMATS = {"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml"}
QUAD_FORMATS = {
    "trig": "trig",
    "nquads": "nquads",
    "jsonld": "json-ld",
    "jsonld-expanded": "json-ld",
}

# Identity suggestions are guesses, not facts: govgraph keeps them in their
# own named graph, outside the union that the triple formats and queries
# see (README, "outside the union of facts").
OUTSIDE_UNION = rdflib.URIRef("https://w3id.org/govgraph/id/graph/suggestions")

failures = 0


def report(ok, text):
    global failures
    failures += not ok
    print(f"{'PASS' if ok else 'FAIL'} {text}", flush=True)


def named_graphs(ds):
    """The dataset's named graphs by name; the default graph must be empty."""
    graphs = {g.identifier: g for g in ds.graphs()}
    default = graphs.pop(ds.default_graph.identifier, None)
    return graphs, len(default) if default is not None else 0


def same_triples(a, b):
    """Whether two sets of triples are isomorphic RDF graphs.

    Triples without blank nodes must be equal as they are, since no blank
    node mapping changes them; only the few with blank nodes (the ontology's
    OWL lists) need rdflib's canonicalising comparison, which is slow on
    hundreds of thousands of triples.
    """
    def split(triples):
        ground, rest = set(), Graph()
        for t in triples:
            if any(isinstance(term, BNode) for term in t):
                rest.add(t)
            else:
                ground.add(t)
        return ground, rest

    (ground_a, rest_a), (ground_b, rest_b) = split(a), split(b)
    return ground_a == ground_b and isomorphic(rest_a, rest_b)


def main():
    prefix, triples, quads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    name = prefix.rsplit("/", 1)[-1]
    parsed = {}

    # Triple formats hold the union of all graphs, deduplicated.
    for fmt, syntax in TRIPLE_FORMATS.items():
        g = Graph().parse(f"{prefix}.{fmt}", format=syntax)
        parsed[fmt] = g
        report(len(g) == triples,
               f"[{name}] rdflib {fmt}: {len(g)} triples, govgraph {triples}")

    # Quad formats hold one named graph per document plus govgraph's own
    # graphs, and nothing in the default graph.
    for fmt, syntax in QUAD_FORMATS.items():
        ds = Dataset().parse(f"{prefix}.{fmt}", format=syntax)
        graphs, default = named_graphs(ds)
        n = sum(len(g) for g in graphs.values())
        parsed[fmt] = graphs
        report(n == quads and default == 0,
               f"[{name}] rdflib {fmt}: {n} quads in {len(graphs)} named "
               f"graphs, {default} in the default graph; govgraph {quads}")
    del parsed["trig"], parsed["jsonld"], parsed["jsonld-expanded"]

    # The reference processor (jsonld.js) expanded our compacted JSON-LD with
    # its inline context: that must give back every graph of the N-Quads
    # export, and, merged, the Turtle export (the union of facts). Blank node labels differ, so
    # graphs are compared up to isomorphism.
    theirs, _ = named_graphs(Dataset().parse(f"{prefix}.js.nq", format="nquads"))
    ours = parsed["nquads"]
    differing = sorted(str(g) for g in ours.keys() & theirs.keys()
                       if not same_triples(ours[g], theirs[g]))
    missing = sorted(str(g) for g in ours.keys() ^ theirs.keys())
    n = sum(len(g) for g in theirs.values())
    report(not differing and not missing,
           f"[{name}] jsonld.js toRDF of our jsonld: {n} quads in "
           f"{len(theirs)} graphs; isomorphic to our nquads graph by graph "
           f"({len(differing)} differ, {len(missing)} missing on one side)")
    for g in (differing + missing)[:5]:
        print(f"  differs: {g}")
    union = {t for g in theirs.values() if g.identifier != OUTSIDE_UNION
             for t in g}
    report(same_triples(union, parsed["turtle"]),
           f"[{name}] jsonld.js union of graphs (less suggestions): "
           f"{len(union)} triples, isomorphic to our turtle "
           f"({len(parsed['turtle'])})")

    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
