//! Writing a view: DOT through `petgraph::dot` (wrapped with graph
//! attributes, clusters and a legend, which petgraph's writer does not do),
//! SVG through Graphviz's `dot`, and node/edge CSV tables.

use super::{Edge, Node, ViewGraph};
use anyhow::{bail, Context, Result};
use petgraph::dot::{Config, Dot};
use petgraph::visit::IntoNodeReferences;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::process::{Command, Stdio};

/// How nodes are grouped into Graphviz clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Clustering {
    /// No clusters.
    None,
    /// One cluster per class (states, groups, bodies, …).
    Class,
    /// One cluster per source text the node was read from.
    Source,
}

/// Shape, fill colour and legend name of a class.
fn style(class: &str) -> (&'static str, &'static str, &'static str) {
    match class {
        "State" => ("ellipse", "#cfe2ff", "State"),
        "Group" => ("box", "#d1f0d1", "Group of states"),
        "Person" => ("ellipse", "#f5f5f5", "Person"),
        "Body" => ("hexagon", "#ffd8a8", "UN body or process"),
        "Resolution" => ("note", "#fff3b0", "GA resolution"),
        "Document" => ("folder", "#e9ecef", "Document"),
        "Paragraph" => ("box", "#ffffff", "Draft paragraph"),
        "EditProposal" => ("box", "#ffffff", "Edit proposal"),
        "PolicyProposal" => ("octagon", "#e5d4ff", "Policy proposal"),
        "Stance" => ("point", "#000000", "Stance"),
        "SourceText" => ("tab", "#f8f9fa", "Source text"),
        "Alignment" => ("point", "#888888", "Alignment"),
        _ => ("plaintext", "#ffffff", "Other"),
    }
}

fn outcome_fill(outcome: Option<&str>) -> Option<&'static str> {
    match outcome? {
        "Adopted" => Some("#8ce99a"),
        "PartlyAdopted" => Some("#ffe066"),
        "NotAdopted" => Some("#ff8787"),
        _ => None,
    }
}

/// Colour, style and arrowhead of a relation.
fn edge_style(relation: &str) -> (&'static str, &'static str, &'static str) {
    match relation {
        "supports" | "backs" => ("#2b8a3e", "solid", "normal"),
        "opposes" => ("#c92a2a", "dashed", "tee"),
        "sides with" => ("#1c7ed6", "solid", "none"),
        "votes with" => ("#7048e8", "solid", "none"),
        "proposes" | "proposedBy" => ("#212529", "solid", "normal"),
        "targets" => ("#868e96", "dotted", "normal"),
        "establishes" | "establishedBy" => ("#1864ab", "bold", "normal"),
        "produces" => ("#e8590c", "solid", "normal"),
        "next version" | "laterVersionOf" => ("#495057", "dashed", "empty"),
        "cites" => ("#adb5bd", "dashed", "open"),
        _ => ("#495057", "solid", "normal"),
    }
}

/// Escapes a string for a double-quoted DOT attribute.
fn esc(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Wraps a label at about `width` characters on word boundaries.
fn wrap(s: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for w in s.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + w.chars().count() + 1 > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines.iter().map(|l| esc(l)).collect::<Vec<_>>().join("\\n")
}

fn node_attrs(n: &Node) -> String {
    let (shape, fill, _) = style(&n.class);
    let fill = outcome_fill(n.outcome.as_deref()).unwrap_or(fill);
    let label = if n.class == "EditProposal" {
        // "Iran: DeleteParagraph (First Draft … paragraph 7)" → two lines.
        wrap(&n.label.replace(" (", "\n("), 24)
    } else {
        wrap(&n.label, 28)
    };
    let style = if n.class == "EditProposal" {
        "rounded,filled"
    } else {
        "filled"
    };
    // URL: in SVG every node links to its resource (served by `serve`).
    format!(
        "label = \"{label}\", shape = {shape}, style = \"{style}\", fillcolor = \"{fill}\", tooltip = \"{}\", URL = \"{}\"",
        esc(&n.iri),
        esc(&n.iri)
    )
}

fn edge_attrs(e: &Edge) -> String {
    let (color, style, head) = edge_style(&e.relation);
    // Frequent relations carry their meaning in colour (see the legend); the
    // label then only shows a count above one.
    let quiet = matches!(
        e.relation.as_str(),
        "sides with" | "votes with" | "targets" | "proposes" | "cites" | "produces"
    );
    let label = match (quiet, e.weight > 1) {
        (true, true) => format!("×{}", e.weight),
        (true, false) => String::new(),
        (false, true) => format!("{} ×{}", e.relation, e.weight),
        (false, false) => e.relation.clone(),
    };
    let width = 1.0 + (e.weight as f64).log2();
    // Citations and alliances should not decide the ranks of a flow.
    let constraint = !matches!(e.relation.as_str(), "cites" | "opposes");
    format!(
        "label = \"{}\", color = \"{color}\", fontcolor = \"{color}\", style = {style}, arrowhead = {head}, penwidth = {width:.2}, weight = {}, constraint = {constraint}",
        esc(&label),
        e.weight
    )
}

/// Writes the view as DOT. Node ids are petgraph indices in IRI order, so
/// the same store gives the same bytes.
pub fn write_dot(view: &ViewGraph, clustering: Clustering, out: &mut dyn Write) -> Result<()> {
    let g = view.to_petgraph();
    let edge_fn = |_, e: petgraph::graph::EdgeReference<'_, Edge>| edge_attrs(e.weight());
    let node_fn = |_, (_, n): (petgraph::graph::NodeIndex, &Node)| node_attrs(n);
    let dot = Dot::with_attr_getters(
        &g,
        &[
            Config::GraphContentOnly,
            Config::EdgeNoLabel,
            Config::NodeNoLabel,
        ],
        &edge_fn,
        &node_fn,
    );
    writeln!(out, "digraph \"{}\" {{", esc(&view.title))?;
    let layout = if view.layout.is_empty() {
        "dot"
    } else {
        view.layout
    };
    // Graphviz 2.43's spline router for the force-directed layouts (fdp,
    // neato) crashes now and then on the alignment picture (a segfault in
    // about one run in twenty on the same bytes); their "curved" edges do
    // not go through it. `dot` keeps its own, stable router.
    let splines = if layout == "dot" { "true" } else { "curved" };
    writeln!(
        out,
        "    graph [label = \"{}\", labelloc = t, fontsize = 18, fontname = \"Helvetica\", layout = {layout}, rankdir = LR, nodesep = 0.3, ranksep = 0.6, newrank = true, overlap = false, splines = {splines}, K = 1.2];",
        esc(&view.title)
    )?;
    writeln!(out, "    node [fontname = \"Helvetica\", fontsize = 10];")?;
    writeln!(out, "    edge [fontname = \"Helvetica\", fontsize = 8];")?;
    write!(out, "{dot}")?;
    // Clusters reference the nodes declared above.
    if clustering != Clustering::None || !view.blocs.is_empty() {
        let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, n) in g.node_references() {
            let key = match clustering {
                Clustering::Class => style(&n.class).2.to_string(),
                Clustering::Source => n.source.clone().unwrap_or_else(|| "reference".into()),
                Clustering::None => match view.blocs.get(&n.iri) {
                    Some(b) => b.clone(),
                    None => continue,
                },
            };
            groups.entry(key).or_default().push(i.index());
        }
        for (k, (name, ids)) in groups.iter().enumerate() {
            let members: String = ids.iter().map(|i| format!("{i}; ")).collect();
            writeln!(
                out,
                "    subgraph cluster_{k} {{ label = \"{}\"; style = \"rounded,dashed\"; color = \"#adb5bd\"; fontsize = 11; {members}}}",
                esc(name)
            )?;
        }
    }
    write_legend(&g, out)?;
    writeln!(out, "}}")?;
    Ok(())
}

/// A legend cluster: one sample node per class shown, one sample edge per
/// relation shown, and the outcome colours when proposals are drawn.
fn write_legend(g: &petgraph::Graph<Node, Edge>, out: &mut dyn Write) -> Result<()> {
    let classes: BTreeSet<&str> = g.node_weights().map(|n| n.class.as_str()).collect();
    let relations: BTreeSet<&str> = g.edge_weights().map(|e| e.relation.as_str()).collect();
    writeln!(out, "    subgraph cluster_legend {{")?;
    writeln!(out, "        label = \"Legend\"; style = \"rounded\"; color = \"#868e96\"; fontsize = 11; rank = sink;")?;
    let mut prev: Option<String> = None;
    for (i, c) in classes.iter().enumerate() {
        let (shape, fill, name) = style(c);
        let id = format!("legend_class_{i}");
        writeln!(out, "        {id} [label = \"{name}\", shape = {shape}, style = filled, fillcolor = \"{fill}\", fontsize = 9];")?;
        if let Some(p) = &prev {
            writeln!(out, "        {p} -> {id} [style = invis];")?;
        }
        prev = Some(id);
    }
    if classes.contains("EditProposal") {
        for (i, (o, name)) in [
            ("Adopted", "adopted"),
            ("PartlyAdopted", "partly adopted"),
            ("NotAdopted", "not adopted"),
        ]
        .iter()
        .enumerate()
        {
            let id = format!("legend_outcome_{i}");
            writeln!(
                out,
                "        {id} [label = \"proposal {name}\", shape = box, style = \"rounded,filled\", fillcolor = \"{}\", fontsize = 9];",
                outcome_fill(Some(o)).unwrap_or("#ffffff")
            )?;
            if let Some(p) = &prev {
                writeln!(out, "        {p} -> {id} [style = invis];")?;
            }
            prev = Some(id);
        }
    }
    for (i, r) in relations.iter().enumerate() {
        let (color, style, head) = edge_style(r);
        writeln!(
            out,
            "        legend_rel_{i}a [label = \"\", shape = point, width = 0.05];"
        )?;
        writeln!(
            out,
            "        legend_rel_{i}b [label = \"\", shape = point, width = 0.05];"
        )?;
        writeln!(
            out,
            "        legend_rel_{i}a -> legend_rel_{i}b [label = \"{}\", color = \"{color}\", fontcolor = \"{color}\", style = {style}, arrowhead = {head}];",
            esc(r)
        )?;
    }
    writeln!(out, "    }}")?;
    Ok(())
}

/// Renders DOT to SVG with Graphviz's `dot`, which must be on the PATH.
pub fn write_svg(dot: &[u8], out: &mut dyn Write) -> Result<()> {
    let mut child = match Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!(
            "--format svg needs Graphviz's `dot` program, which is not on the PATH; install the graphviz package (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz) or use --format dot"
        ),
        Err(e) => return Err(e).context("cannot run Graphviz `dot`"),
    };
    child.stdin.take().expect("piped stdin").write_all(dot)?;
    let output = child.wait_with_output().context("Graphviz `dot` failed")?;
    if !output.status.success() {
        bail!(
            "Graphviz `dot` failed: {}",
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .next()
                .unwrap_or("")
        );
    }
    out.write_all(&output.stdout)?;
    Ok(())
}

/// Writes the node table (`Id,Label,Type`) and the edge table
/// (`Source,Target,Type,Weight,Label`) as Gephi and Cytoscape import them.
pub fn write_csv(view: &ViewGraph, nodes: &mut dyn Write, edges: &mut dyn Write) -> Result<()> {
    let mut w = csv::Writer::from_writer(nodes);
    w.write_record(["Id", "Label", "Type", "Outcome", "Source"])?;
    for n in view.nodes.values() {
        w.write_record([
            n.iri.as_str(),
            n.label.as_str(),
            n.class.as_str(),
            n.outcome.as_deref().unwrap_or(""),
            n.source.as_deref().unwrap_or(""),
        ])?;
    }
    w.flush()?;
    let mut w = csv::Writer::from_writer(edges);
    w.write_record(["Source", "Target", "Type", "Weight", "Label"])?;
    for e in view.edges.values() {
        let kind = if e.relation == "sides with" || e.relation == "votes with" {
            "Undirected"
        } else {
            "Directed"
        };
        w.write_record([
            e.source.as_str(),
            e.target.as_str(),
            kind,
            &e.weight.to_string(),
            e.relation.as_str(),
        ])?;
    }
    w.flush()?;
    Ok(())
}
