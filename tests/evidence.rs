//! Every stance and edit proposal carries its evidence, and the evidence is
//! true: the quote occurs verbatim in the source file at the recorded
//! code-point offsets (W3C Web Annotation `oa:TextPositionSelector`), and the
//! `oa:TextQuoteSelector` prefix/suffix surround it.

mod common;

use std::collections::BTreeMap;
use std::fs;

const Q: &str = "
SELECT ?x ?file ?quote ?exact ?prefix ?suffix ?start ?end WHERE {
  { ?actor oewg:supports ?t } UNION { ?actor oewg:opposes ?t } UNION { ?x a oewg:EditProposal }
  OPTIONAL { ?x oewg:on ?t ; oewg:actor ?actor }
  ?x a ?class ; prov:wasDerivedFrom ?src ; oewg:quote ?quote ; oewg:evidence ?ev .
  FILTER(?class IN (oewg:Stance, oewg:EditProposal))
  ?ev oa:hasSource ?src ; oa:hasSelector ?qs, ?ps .
  ?qs a oa:TextQuoteSelector ; oa:exact ?exact ; oa:prefix ?prefix ; oa:suffix ?suffix .
  ?ps a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
  BIND(STRAFTER(STR(?src), \"https://w3id.org/oewg-kg/id/source/\") AS ?file)
}";

#[test]
fn every_stance_quote_is_verbatim_at_its_offsets() {
    let (d, store) = common::seed_store();
    let qf = d.path().join("evidence.rq");
    fs::write(&qf, Q).unwrap();
    let rows = common::query_rows(&store, &qf.display().to_string());
    assert!(
        rows.len() > 50,
        "stances and proposals exist: {}",
        rows.len()
    );
    let mut texts: BTreeMap<String, Vec<char>> = BTreeMap::new();
    for r in &rows {
        let (file, quote, exact, prefix, suffix) = (&r[1], &r[2], &r[3], &r[4], &r[5]);
        let start: usize = r[6].parse().unwrap();
        let end: usize = r[7].parse().unwrap();
        let chars = texts.entry(file.clone()).or_insert_with(|| {
            fs::read_to_string(common::root().join("seeds").join(format!("{file}.txt")))
                .unwrap()
                .chars()
                .collect()
        });
        let at: String = chars[start..end].iter().collect();
        // CSV cells were whitespace-normalised by the helper.
        let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(norm(&at), *quote, "{} quote at {start}..{end}", r[0]);
        assert_eq!(quote, exact);
        let before: String = chars[start.saturating_sub(prefix.chars().count() + 8)..start]
            .iter()
            .collect();
        assert!(
            norm(&before).ends_with(prefix.as_str()) || prefix.is_empty(),
            "prefix of {}",
            r[0]
        );
        let after: String = chars[end..(end + suffix.chars().count() + 8).min(chars.len())]
            .iter()
            .collect();
        assert!(
            norm(&after).starts_with(suffix.as_str()) || suffix.is_empty(),
            "suffix of {}",
            r[0]
        );
    }
}

#[test]
fn every_supports_or_opposes_triple_has_a_stance_node() {
    let (d, store) = common::seed_store();
    let qf = d.path().join("orphans.rq");
    fs::write(
        &qf,
        "SELECT ?a ?t WHERE { { ?a oewg:supports ?t } UNION { ?a oewg:opposes ?t }
           FILTER NOT EXISTS { ?s a oewg:Stance ; oewg:actor ?a ; oewg:on ?t } }",
    )
    .unwrap();
    assert!(common::query_rows(&store, &qf.display().to_string()).is_empty());
}
