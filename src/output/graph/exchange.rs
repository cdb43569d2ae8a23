//! GraphML and GEXF: the graph exchange formats Gephi, Cytoscape, yEd and
//! networkx import natively, with every node's IRI, label, class, source
//! and outcome, and every edge's relation and weight as typed attributes.

use super::ViewGraph;
use anyhow::Result;
use quick_xml::escape::escape;
use std::collections::BTreeMap;
use std::io::Write;

/// Node ids `n0…` in IRI order (the view's order), so the same view gives
/// the same bytes.
fn ids(view: &ViewGraph) -> BTreeMap<&str, String> {
    view.nodes
        .keys()
        .enumerate()
        .map(|(i, k)| (k.as_str(), format!("n{i}")))
        .collect()
}

const NODE_KEYS: [&str; 5] = ["iri", "label", "class", "source", "outcome"];

/// Node attributes: (key, value) in the order of [`NODE_KEYS`].
fn node_values(n: &super::Node) -> [(&'static str, &str); 5] {
    [
        ("iri", n.iri.as_str()),
        ("label", n.label.as_str()),
        ("class", n.class.as_str()),
        ("source", n.source.as_deref().unwrap_or("")),
        ("outcome", n.outcome.as_deref().unwrap_or("")),
    ]
}

/// Writes GraphML (a directed graph).
pub fn write_graphml(view: &ViewGraph, out: &mut dyn Write) -> Result<()> {
    let ids = ids(view);
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for key in NODE_KEYS {
        writeln!(
            out,
            r#"  <key id="{key}" for="node" attr.name="{key}" attr.type="string"/>"#
        )?;
    }
    writeln!(
        out,
        r#"  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>"#
    )?;
    writeln!(
        out,
        r#"  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>"#
    )?;
    writeln!(
        out,
        r#"  <graph id="{}" edgedefault="directed">"#,
        escape(&view.title)
    )?;
    for n in view.nodes.values() {
        writeln!(out, r#"    <node id="{}">"#, ids[n.iri.as_str()])?;
        for (k, v) in node_values(n) {
            writeln!(out, r#"      <data key="{k}">{}</data>"#, escape(v))?;
        }
        writeln!(out, "    </node>")?;
    }
    for (i, e) in view.edges.values().enumerate() {
        // GraphML readers refuse mixed graphs; a symmetric relation such
        // as "sides with" is written once, directed, and named.
        writeln!(
            out,
            r#"    <edge id="e{i}" source="{}" target="{}">"#,
            ids[e.source.as_str()],
            ids[e.target.as_str()]
        )?;
        writeln!(
            out,
            r#"      <data key="relation">{}</data>"#,
            escape(&e.relation)
        )?;
        writeln!(out, r#"      <data key="weight">{}</data>"#, e.weight)?;
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>\n</graphml>")?;
    Ok(())
}

/// Writes GEXF 1.3 (Gephi's own format).
pub fn write_gexf(view: &ViewGraph, out: &mut dyn Write) -> Result<()> {
    let ids = ids(view);
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<gexf xmlns="http://gexf.net/1.3" version="1.3">"#)?;
    writeln!(
        out,
        "  <meta>\n    <creator>oewg-kg</creator>\n    <description>{}</description>\n  </meta>",
        escape(&view.title)
    )?;
    writeln!(out, r#"  <graph mode="static" defaultedgetype="directed">"#)?;
    writeln!(out, r#"    <attributes class="node">"#)?;
    for (i, k) in NODE_KEYS.iter().enumerate() {
        writeln!(
            out,
            r#"      <attribute id="{i}" title="{k}" type="string"/>"#
        )?;
    }
    writeln!(out, "    </attributes>")?;
    writeln!(
        out,
        "    <attributes class=\"edge\">\n      <attribute id=\"0\" title=\"relation\" type=\"string\"/>\n    </attributes>"
    )?;
    writeln!(out, "    <nodes>")?;
    for n in view.nodes.values() {
        writeln!(
            out,
            r#"      <node id="{}" label="{}">"#,
            ids[n.iri.as_str()],
            escape(&n.label)
        )?;
        writeln!(out, "        <attvalues>")?;
        for (i, (_, v)) in node_values(n).iter().enumerate() {
            writeln!(
                out,
                r#"          <attvalue for="{i}" value="{}"/>"#,
                escape(*v)
            )?;
        }
        writeln!(out, "        </attvalues>\n      </node>")?;
    }
    writeln!(out, "    </nodes>\n    <edges>")?;
    for (i, e) in view.edges.values().enumerate() {
        writeln!(
            out,
            r#"      <edge id="e{i}" source="{}" target="{}" weight="{}" label="{}">"#,
            ids[e.source.as_str()],
            ids[e.target.as_str()],
            e.weight,
            escape(&e.relation)
        )?;
        writeln!(
            out,
            "        <attvalues>\n          <attvalue for=\"0\" value=\"{}\"/>\n        </attvalues>\n      </edge>",
            escape(&e.relation)
        )?;
    }
    writeln!(out, "    </edges>\n  </graph>\n</gexf>")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{Node, ViewGraph};
    use super::*;

    fn view() -> ViewGraph {
        let mut v = ViewGraph {
            title: "test <view>".into(),
            ..Default::default()
        };
        for (iri, label) in [("https://x/a", "A & B"), ("https://x/b", "\"B\"")] {
            v.node(Node {
                iri: iri.into(),
                label: label.into(),
                class: "State".into(),
                source: None,
                outcome: None,
            });
        }
        v.edge("https://x/a", "https://x/b", "supports", 2);
        v
    }

    #[test]
    fn graphml_is_well_formed_and_escapes_labels() {
        let mut out = Vec::new();
        write_graphml(&view(), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let doc = roxmltree::Document::parse(&text).expect("well-formed");
        let labels: Vec<&str> = doc
            .descendants()
            .filter(|n| n.attribute("key") == Some("label"))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(labels, ["A & B", "\"B\""]);
        assert!(text.contains(r#"<data key="weight">2</data>"#));
    }

    #[test]
    fn gexf_is_well_formed_with_weights() {
        let mut out = Vec::new();
        write_gexf(&view(), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let doc = roxmltree::Document::parse(&text).expect("well-formed");
        let edge = doc.descendants().find(|n| n.has_tag_name("edge")).unwrap();
        assert_eq!(edge.attribute("weight"), Some("2"));
        assert_eq!(edge.attribute("label"), Some("supports"));
    }
}
