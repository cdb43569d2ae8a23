"""Runs a SPARQL query file against an endpoint with SPARQLWrapper (the
client notebooks and scripts use) and prints the rows as W3C CSV, so the
Rust test can compare them with `oewg-kg query --format csv`."""

import csv
import sys

from SPARQLWrapper import JSON, SPARQLWrapper


def main(endpoint: str, query_file: str) -> None:
    with open(query_file, encoding="utf-8") as f:
        query = f.read()
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(JSON)
    answer = client.query().convert()
    names = answer["head"]["vars"]
    out = csv.writer(sys.stdout, lineterminator="\r\n")
    out.writerow(names)
    for binding in answer["results"]["bindings"]:
        out.writerow([binding.get(n, {}).get("value", "") for n in names])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
