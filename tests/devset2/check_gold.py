#!/usr/bin/env python3
"""Validate the devset2 gold files against their texts (a copy of /work/shared/realdev/check_gold.py).

Checks: every surface form, every evidence string and every literal
text_removed/text_added is an exact substring of the text; field values are in
the allowed sets; every actor named in an edit proposal, position or vote is
listed in actors_mentioned; resolutions are A/RES/NN/NNN; PoA positions start
with "Programme of Action"; position targets are known IRIs; votes are
yes/no/abstain by a state, and every yes/no vote is mirrored by a position of
the same polarity; no empty arrays.
Usage: python3 check_gold.py [GOLD_DIR [TEXT_DIR]]   (exit status 1 on any failure)
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "gold")
TEXTS = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "texts")

KINDS = {"state", "group", "person", "body"}
ACTIONS = {"delete_paragraph", "delete_text", "insert_text", "replace_text", "amend",
           "reorder", "move", "add_paragraph"}
STANCES = {"supports", "opposes", "calls_for"}
VOTES = {"yes", "no", "abstain"}
ID = "https://w3id.org/oewg-kg/id/"
BODY_SLUGS = ["poa", "oewg-2019-2021", "oewg-2021-2025", "gge", "global-mechanism",
              "ad-hoc-committee-cybercrime"]
PROPOSAL_SLUGS = ["legally-binding-instrument", "ihl-applicability", "cbm-repository",
                  "poc-directory", "national-survey", "technology-neutrality", "norms-checklist",
                  "voluntary-fund", "global-cybersecurity-portal", "capacity-building-catalogue",
                  "permanent-mechanism", "international-law-views-repository", "gge-acquis",
                  "monitoring-mechanism", "capacity-building-roundtable", "communication-templates",
                  "ict-terminology-glossary", "multistakeholder-participation", "new-norms"]
TARGETS = {ID + "body/" + s for s in BODY_SLUGS} | {ID + "proposal/" + s for s in PROPOSAL_SLUGS}
# a voted text: a resolution, a First Committee draft (full or short symbol), or its designation as written
SYMBOL = re.compile(r"A/RES/\d{2}/\d{1,3}|A/C\.1/\d{2}/L\.\d+(/Rev\.\d+)?|L\.\d+(/Rev\.\d+)?")
TOP_KEYS = {"source", "actors_mentioned", "edit_proposals", "positions", "votes",
            "resolution_citations", "bodies", "people"}

fails = 0


def fail(f, msg):
    global fails
    fails += 1
    print(f"FAIL {f}: {msg}")


def no_empty(f, obj, path="$"):
    if isinstance(obj, dict):
        for k, v in obj.items():
            if isinstance(v, list) and not v:
                fail(f, f"empty array at {path}.{k}")
            no_empty(f, v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            no_empty(f, v, f"{path}[{i}]")


gold_files = sorted(glob.glob(os.path.join(GOLD, "*.json")))
for gf in gold_files:
    f = os.path.basename(gf)
    g = json.load(open(gf, encoding="utf-8"))
    if g.get("source") != f.replace(".json", ".txt"):
        fail(f, "source field mismatch")
        continue
    text = open(os.path.join(TEXTS, g["source"]), encoding="utf-8").read()
    no_empty(f, g)
    for k in g:
        if k not in TOP_KEYS:
            fail(f, f"unknown key {k}")
    names, kinds = set(), {}
    for a in g["actors_mentioned"]:
        if a["kind"] not in KINDS:
            fail(f, f"bad kind {a}")
        if a["name"] in names:
            fail(f, f"duplicate actor {a['name']}")
        names.add(a["name"])
        kinds[a["name"]] = a["kind"]
        for s in a["surface_forms"]:
            if s not in text:
                fail(f, f"surface form not in text: {a['name']!r} -> {s!r}")
    for e in g.get("edit_proposals", []):
        for k in ["proposer", "target_document", "target_paragraph", "action",
                  "text_removed", "text_added", "evidence"]:
            if k not in e:
                fail(f, f"edit proposal missing {k}: {e}")
        if e.get("action") not in ACTIONS:
            fail(f, f"bad action {e.get('action')}")
        tp = e.get("target_paragraph")
        if tp is not None and (not isinstance(tp, int) or isinstance(tp, bool)):
            fail(f, f"target_paragraph not int/null: {tp}")
        for who in [e.get("proposer")] + e.get("supporters", []) + e.get("opponents", []):
            if who not in names:
                fail(f, f"edit actor not in actors_mentioned: {who}")
        if e.get("evidence") not in text:
            fail(f, f"EP evidence not in text: {e.get('evidence')!r}")
        for k in ["text_removed", "text_added"]:
            if e.get(k) is not None and e[k] not in text:
                fail(f, f"{k} not literally in text: {e[k]!r}")
    stances = {}
    for p in g.get("positions", []):
        if p["stance"] not in STANCES:
            fail(f, f"bad stance {p}")
        if p["actor"] not in names:
            fail(f, f"position actor not in actors_mentioned: {p['actor']}")
        if p["evidence"] not in text:
            fail(f, f"position evidence not in text: {p['evidence']!r}")
        low = p["on"].lower()
        if ("programme of action" in low or "poa" in low.split()) and not p["on"].startswith("Programme of Action"):
            fail(f, f"PoA position must start with 'Programme of Action': {p['on']!r}")
        if "target" in p and p["target"] not in TARGETS:
            fail(f, f"unknown position target {p['target']!r}")
        if p.get("target") == ID + "body/poa" and not p["on"].startswith("Programme of Action"):
            fail(f, f"position targeting the PoA must start with 'Programme of Action': {p['on']!r}")
        pol = "opposes" if p["stance"] == "opposes" else "supports"
        stances.setdefault(p["actor"], set()).add(pol)
    seen_votes = set()
    for v in g.get("votes", []):
        for k in ["on", "state", "vote", "evidence"]:
            if k not in v:
                fail(f, f"vote missing {k}: {v}")
        if v.get("vote") not in VOTES:
            fail(f, f"bad vote value {v}")
        if kinds.get(v.get("state")) != "state":
            fail(f, f"vote by something that is not a listed state: {v.get('state')}")
        if v.get("evidence") not in text:
            fail(f, f"vote evidence not in text: {v.get('evidence')!r}")
        on = v.get("on", "")
        if not (SYMBOL.fullmatch(on) or on in text):
            fail(f, f"vote 'on' is neither a symbol nor a designation found in the text: {on!r}")
        key = (on, v.get("state"))
        if key in seen_votes:
            fail(f, f"duplicate vote {key}")
        seen_votes.add(key)
        want = {"yes": "supports", "no": "opposes"}.get(v.get("vote"))
        if want and want not in stances.get(v.get("state"), set()):
            fail(f, f"vote {key} -> {v.get('vote')} has no matching '{want}' position")
    seen = set()
    for r in g.get("resolution_citations", []):
        if not re.fullmatch(r"A/RES/\d{2}/\d{1,3}", r["resolution"]):
            fail(f, f"bad resolution symbol {r['resolution']}")
        if r["paragraph"] is not None and not isinstance(r["paragraph"], int):
            fail(f, f"bad paragraph {r}")
        key = (r["resolution"], r["paragraph"])
        if key in seen:
            fail(f, f"duplicate citation {key}")
        seen.add(key)
        if r["evidence"] not in text:
            fail(f, f"citation evidence not in text: {r['evidence']!r}")
    for b in g.get("bodies", []):
        if b["name"] not in names:
            fail(f, f"body not in actors_mentioned: {b['name']}")
        if b["evidence"] not in text:
            fail(f, f"body evidence not in text: {b['evidence']!r}")
    for pe in g.get("people", []):
        if pe["name"] not in names:
            fail(f, f"person not in actors_mentioned: {pe['name']}")
print(f"checked {len(gold_files)} gold files, {fails} failure(s)")
sys.exit(1 if fails else 0)
