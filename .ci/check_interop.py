#!/usr/bin/env python3
"""The exports as other linked-data tools read them (run by .ci/run):

1. the bundled .rq files parse in rdflib with no predeclared prefixes;
2. `export --format nq --union` answers every bundled query in pyoxigraph
   with as many rows as `oewg-kg query` (and three of them in rdflib);
3. `export --format jsonld` is compact (an @context, @type, short keys) and
   pyld turns it into as many quads as the N-Quads export has;
4. pySHACL: the Turtle export conforms, and three mutations are caught
   (a stance without evidence, a supports triple without its Stance node, a
   State also typed Group);
5. the ontology loads in owlready2 and its bundled HermiT reasoner accepts it
   (needs Java; said clearly when missing);
6. `graph --format graphml|gexf` load in networkx with the CSV's counts.

usage: check_interop.py OEWG_KG_BINARY STORE_DIR WORK_DIR
"""
import csv
import glob
import io
import json
import os
import shutil
import subprocess
import sys

FAILED = []


def check(ok, what):
    print(("ok      " if ok else "FAILED  ") + what)
    if not ok:
        FAILED.append(what)


def run(binary, *args):
    return subprocess.run([binary, *args], check=True, capture_output=True).stdout


def bundled_queries():
    return sorted(glob.glob("queries/*.rq"))


def local_row_count(binary, store, path):
    out = run(binary, "query", path, "--store", store, "--format", "csv").decode()
    return len(list(csv.reader(io.StringIO(out)))) - 1


def self_contained_queries():
    from rdflib.plugins.sparql import prepareQuery

    for path in bundled_queries():
        try:
            prepareQuery(open(path, encoding="utf-8").read())
            ok = True
        except Exception as e:  # noqa: BLE001 - any parse failure is the finding
            print(f"        {path}: {e}")
            ok = False
        check(ok, f"{path} parses without predeclared prefixes")


def union_export(binary, store, work):
    import pyoxigraph
    import rdflib

    nq = os.path.join(work, "union.nq")
    run(binary, "export", "--store", store, "--format", "nq", "--union", "-o", nq)
    ox = pyoxigraph.Store()
    ox.bulk_load(path=nq, format=pyoxigraph.RdfFormat.N_QUADS)
    for path in bundled_queries():
        text = open(path, encoding="utf-8").read()
        rows = len(list(ox.query(text)))
        expected = local_row_count(binary, store, path)
        check(rows == expected, f"pyoxigraph {path}: {rows} rows, query gives {expected}")
    ds = rdflib.Dataset()
    ds.parse(nq, format="nquads")
    for name in ["who-supports-whom", "chairs", "group-membership"]:
        path = f"queries/{name}.rq"
        rows = len(list(ds.query(open(path, encoding="utf-8").read())))
        expected = local_row_count(binary, store, path)
        check(rows == expected, f"rdflib {path}: {rows} rows, query gives {expected}")


def jsonld_export(binary, store, work):
    from pyld import jsonld

    doc = json.loads(run(binary, "export", "--store", store, "--format", "jsonld"))
    nq = run(binary, "export", "--store", store, "--format", "nq").decode()
    quads = {line for line in nq.splitlines() if line.strip()}
    check("@context" in doc, "JSON-LD has an @context")
    keys, full = 0, 0
    types = 0

    def walk(node):
        nonlocal keys, full, types
        if isinstance(node, dict):
            for k, v in node.items():
                keys += 1
                full += k.startswith("http")
                types += k == "@type"
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(doc["@graph"])
    check(types > 0, f"JSON-LD uses @type ({types} times)")
    check(full == 0, f"JSON-LD keys are compact ({full} of {keys} are full IRIs)")
    expanded = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    got = {line for line in expanded.splitlines() if line.strip()}
    check(len(got) == len(quads), f"pyld reads {len(got)} quads, the N-Quads export has {len(quads)}")


def shacl(binary, store, work):
    import pyshacl
    import rdflib

    ttl = run(binary, "export", "--store", store, "--format", "ttl").decode()
    shapes = rdflib.Graph().parse("ontology/shapes.ttl", format="turtle")
    OEWG = rdflib.Namespace("https://w3id.org/oewg-kg/ontology#")
    RDF = rdflib.RDF

    def conforms(g):
        return pyshacl.validate(g, shacl_graph=shapes, inference="none", advanced=True)[0]

    base = rdflib.Graph().parse(data=ttl, format="turtle")
    check(conforms(base), "pySHACL: the export conforms to ontology/shapes.ttl")
    stance = sorted(base.subjects(RDF.type, OEWG.Stance))[0]

    g = rdflib.Graph().parse(data=ttl, format="turtle")
    g.remove((stance, OEWG.evidence, None))
    check(not conforms(g), "pySHACL catches a stance without evidence")

    g = rdflib.Graph().parse(data=ttl, format="turtle")
    for t in list(g.triples((stance, None, None))):
        g.remove(t)
    check(not conforms(g), "pySHACL catches a supports/opposes triple without its Stance node")

    g = rdflib.Graph().parse(data=ttl, format="turtle")
    state = sorted(g.subjects(RDF.type, OEWG.State))[0]
    g.add((state, RDF.type, OEWG.Group))
    check(not conforms(g), "pySHACL catches a State typed Group")


def hermit(work):
    import rdflib

    if shutil.which("java") is None:
        print("NOT RUN  HermiT: no `java` on this machine (owlready2 runs HermiT with Java)")
        FAILED.append("HermiT not run: java missing")
        return
    import owlready2

    owl = os.path.join(work, "oewg.owl")
    rdflib.Graph().parse("ontology/oewg.ttl", format="turtle").serialize(owl, format="xml")
    world = owlready2.World()
    onto = world.get_ontology("file://" + os.path.abspath(owl)).load()
    try:
        with onto:
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        ok = True
    except Exception as e:  # noqa: BLE001 - HermiT's refusal is the finding
        print(f"        HermiT: {e}")
        ok = False
    check(ok, f"HermiT accepts the ontology ({len(list(onto.classes()))} classes)")


def graph_exchange(binary, store, work):
    import networkx as nx

    for view in ["alignment", "proposals", "framework"]:
        prefix = os.path.join(work, view)
        run(binary, "graph", view, "--store", store, "--format", "csv", "-o", prefix)
        with open(prefix + "-nodes.csv", encoding="utf-8") as f:
            nodes = len(list(csv.DictReader(f)))
        for fmt, reader in [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)]:
            path = f"{prefix}.{fmt}"
            run(binary, "graph", view, "--store", store, "--format", fmt, "-o", path)
            g = reader(path)
            check(g.number_of_nodes() == nodes, f"networkx reads {view}.{fmt}: {g.number_of_nodes()} nodes, CSV has {nodes}")


def main():
    binary, store, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    self_contained_queries()
    union_export(binary, store, work)
    jsonld_export(binary, store, work)
    shacl(binary, store, work)
    hermit(work)
    graph_exchange(binary, store, work)
    print(f"interop checks: {len(FAILED)} failed")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
