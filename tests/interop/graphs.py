"""networkx reads govgraph's GraphML, and its Neo4j CSV is what
`neo4j-admin database import` expects and holds the same property graph.

Usage: graphs.py NAME GRAPHML GRAPHML_STDERR CSV_DIR

GRAPHML is `govgraph export --format graphml`, GRAPHML_STDERR what that
command printed (its "N nodes and M edges written" summary), CSV_DIR the
folder `govgraph export --format neo4j-csv` wrote. Prints one PASS or FAIL
line per check and exits 1 when any failed.
"""

import csv
import datetime
import re
import sys
import xml.etree.ElementTree as ET

import networkx as nx

failures = 0


def report(ok, text, problems=()):
    global failures
    failures += not ok
    print(f"{'PASS' if ok else 'FAIL'} {text}", flush=True)
    for p in list(problems)[:5]:
        print(f"  {p}")


def check_graphml(name, path, stderr_path):
    # networkx parses with ElementTree too, but a separate parse makes a
    # malformed file fail here with the XML error rather than a networkx one.
    ET.parse(path)
    summary = re.search(r"(\d+) nodes and (\d+) edges written",
                        open(stderr_path).read())
    nodes, edges = map(int, summary.groups())
    # read_graphml keeps parallel edges (it returns a MultiDiGraph then), so
    # its edge count is every <edge> element.
    g = nx.read_graphml(path)
    problems = [f"node {n} lacks {a}" for n, d in g.nodes(data=True)
                for a in ("kind", "label") if not d.get(a)]
    problems += [f"edge {u} -> {v} lacks kind"
                 for u, v, d in g.edges(data=True) if not d.get("kind")]
    ok = (g.number_of_nodes(), g.number_of_edges()) == (nodes, edges)
    report(ok and not problems,
           f"[{name}] GraphML: well-formed XML; networkx reads "
           f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges "
           f"(govgraph says {nodes}, {edges}); every node has kind and label: "
           f"{len(problems)} missing", problems)
    return g


# The property types neo4j-admin import accepts, with a check of each value.
TYPES = {
    "string": str,
    "long": int,
    "int": int,
    "double": float,
    "float": float,
    "boolean": lambda v: {"true": True, "false": False}[v],
    "date": datetime.date.fromisoformat,
}


def read_csv(path, first, problems):
    """The rows of one import file, after checking its header and fields."""
    with open(path, newline="", encoding="utf-8") as f:
        header, *rows = list(csv.reader(f))
    if header[: len(first)] != first:
        problems.append(f"{path}: header starts {header[:len(first)]}, not {first}")
    types = []
    for field in header[len(first):]:
        m = re.fullmatch(r"(\w+)(?::(\w+))?", field)
        if not m or (m[2] or "string") not in TYPES:
            problems.append(f"{path}: bad header field {field!r}")
        types.append(m[2] or "string" if m else "string")
    for i, row in enumerate(rows, 2):
        if len(row) != len(header):
            problems.append(f"{path}:{i}: {len(row)} fields, header has {len(header)}")
            continue
        for value, type_ in zip(row[len(first):], types):
            # neo4j-admin reads a newline inside a field only with
            # --multiline-fields, which is off by default.
            if "\n" in value or "\r" in value:
                problems.append(f"{path}:{i}: newline in {value!r}")
            try:
                if value:
                    TYPES.get(type_, str)(value)
            except (ValueError, KeyError):
                problems.append(f"{path}:{i}: {value!r} is not a {type_}")
    return rows


def check_neo4j(name, folder, g):
    problems = []
    nodes = read_csv(f"{folder}/nodes.csv", ["id:ID", ":LABEL"], problems)
    rels = read_csv(f"{folder}/relationships.csv",
                    [":START_ID", ":END_ID", ":TYPE"], problems)
    ids = [row[0] for row in nodes]
    if len(set(ids)) != len(ids):
        problems.append(f"{len(ids) - len(set(ids))} duplicate node ids")
    # The two exports are projections of the same graph, so the node ids
    # are the GraphML node ids, and the labels are the GraphML kinds.
    if set(ids) != set(g.nodes):
        problems.append(f"node ids differ from GraphML's: "
                        f"{sorted(set(ids) ^ set(g.nodes))[:3]}")
    problems += [f"{row[0]}: label {row[1]} but GraphML kind "
                 f"{g.nodes[row[0]].get('kind')}"
                 for row in nodes
                 if row[0] in g.nodes and row[1] != g.nodes[row[0]].get("kind")]
    known = set(ids)
    dangling = [f"relationship {r[0]} -> {r[1]}: unknown end"
                for r in rels if r[0] not in known or r[1] not in known]
    ok = (len(nodes), len(rels)) == (g.number_of_nodes(), g.number_of_edges())
    report(ok and not problems and not dangling,
           f"[{name}] Neo4j CSV: {len(nodes)} nodes, {len(rels)} relationships "
           f"(networkx {g.number_of_nodes()}, {g.number_of_edges()}); "
           f"{len(problems)} problems in ids, headers, fields or typed values; "
           f"{len(dangling)} dangling ids",
           problems + dangling)


def main():
    name, graphml, stderr_path, folder = sys.argv[1:5]
    g = check_graphml(name, graphml, stderr_path)
    check_neo4j(name, folder, g)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
