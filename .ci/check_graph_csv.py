#!/usr/bin/env python3
"""Documented check that `oewg-kg graph --format csv` tables import into a
graph library of another language: networkx builds the graph from the node
and edge tables (read with pandas when available, else the csv module) and
the counts must match the tables.

usage: check_graph_csv.py PREFIX   (reads PREFIX-nodes.csv and PREFIX-edges.csv)
"""
import csv
import sys

import networkx as nx


def read(path):
    try:
        import pandas as pd

        return pd.read_csv(path, keep_default_na=False).to_dict("records")
    except ImportError:
        with open(path, newline="", encoding="utf-8") as f:
            return list(csv.DictReader(f))


def main():
    prefix = sys.argv[1]
    nodes = read(prefix + "-nodes.csv")
    edges = read(prefix + "-edges.csv")
    g = nx.MultiDiGraph()
    for n in nodes:
        g.add_node(n["Id"], label=n["Label"], type=n["Type"])
    for e in edges:
        assert e["Source"] in g and e["Target"] in g, f"edge end missing: {e}"
        g.add_edge(e["Source"], e["Target"], type=e["Type"], weight=int(e["Weight"]), label=e["Label"])
    assert g.number_of_nodes() == len(nodes) and g.number_of_edges() == len(edges)
    print(f"networkx loaded {prefix}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, "
          f"{nx.number_weakly_connected_components(g)} weakly connected components")


if __name__ == "__main__":
    main()
