#!/usr/bin/env python3
"""Independent check of an oewg-kg Turtle export: parse it with rdflib and
validate it against ontology/shapes.ttl with pySHACL (inference 'none': the
export asserts every type the shapes rely on).

usage: validate_export.py EXPORT.ttl SHAPES.ttl ONTOLOGY.ttl
"""
import sys

import pyshacl
import rdflib


def main():
    export, shapes, ontology = sys.argv[1:4]
    data = rdflib.Graph().parse(export, format="turtle")
    shacl = rdflib.Graph().parse(shapes, format="turtle")
    ont = rdflib.Graph().parse(ontology, format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shacl, ont_graph=ont, inference="none")
    print(f"rdflib parsed {len(data)} triples from {export}; SHACL conforms: {conforms}")
    if not conforms:
        print(text[:4000])
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
