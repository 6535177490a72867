"""pyshacl and `govgraph validate` report the same SHACL results.

Usage: shacl_agree.py SHAPES DATA GOVGRAPH_REPORT

DATA is an RDF file (a govgraph export, or a hand-written broken graph);
GOVGRAPH_REPORT is `govgraph validate --data DATA --format turtle` (or the
same for the store DATA was exported from). pyshacl validates DATA against
SHAPES; the two reports must hold the same results, compared as sets of
(severity, focus node, path, value, constraint component). Exits 1 and
prints the differences when they disagree.
"""

import sys

import pyshacl
from rdflib import RDF, BNode, Graph, Namespace
from rdflib.collection import Collection

SH = Namespace("http://www.w3.org/ns/shacl#")


def path_text(g, p):
    if p is None:
        return None
    if isinstance(p, BNode):
        inv = g.value(p, SH.inversePath)
        if inv is not None:
            return "^" + inv.n3()
        if g.value(p, RDF.first) is not None:
            return "/".join(path_text(g, s) for s in Collection(g, p))
        raise SystemExit(f"unsupported path in report: {p}")
    return p.n3()


def results(g):
    # Only the report's own results: pyshacl also types the nested
    # results it gives as sh:detail as sh:ValidationResult.
    out = set()
    for r in g.objects(None, SH.result):
        value = g.value(r, SH.value)
        out.add(
            (
                g.value(r, SH.resultSeverity).n3(),
                g.value(r, SH.focusNode).n3(),
                path_text(g, g.value(r, SH.resultPath)),
                value.n3() if value is not None else None,
                g.value(r, SH.sourceConstraintComponent).n3(),
            )
        )
    return out


def main():
    shapes_path, data_path, ours_path = sys.argv[1:4]
    data = Graph().parse(data_path)
    shapes = Graph().parse(shapes_path, format="turtle")
    conforms, theirs_graph, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=False
    )
    theirs = results(theirs_graph)
    ours_graph = Graph().parse(ours_path, format="turtle")
    ours = results(ours_graph)
    ours_conforms = next(ours_graph.objects(None, SH.conforms))
    print(
        f"{data_path}: pyshacl {len(theirs)} results (conforms={conforms}), "
        f"govgraph {len(ours)} (conforms={ours_conforms})"
    )
    ok = theirs == ours and bool(conforms) == ours_conforms.toPython()
    for r in sorted(theirs - ours, key=str):
        print("  only pyshacl: ", r)
    for r in sorted(ours - theirs, key=str):
        print("  only govgraph:", r)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
