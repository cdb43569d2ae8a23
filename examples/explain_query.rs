//! Prints oxigraph's plan of a query with the statistics of one run (rows
//! and time per node), over the union default graph as `oewg-kg query`
//! runs it: `cargo run --release --example explain_query -- STORE FILE.rq`.

use oewg_kg::quad::vocab::PREFIXES;
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use std::path::Path;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [store, query] = args.as_slice() else {
        anyhow::bail!("usage: cargo run --release --example explain_query -- STORE FILE.rq");
    };
    let (store, _) = oewg_kg::store::open(Path::new(store))?;
    let text = std::fs::read_to_string(query)
        .map_err(|e| anyhow::anyhow!("cannot read query file {query}: {e}"))?;
    let mut evaluator = SparqlEvaluator::new();
    for (p, ns) in PREFIXES {
        evaluator = evaluator.with_prefix(p, ns)?;
    }
    let mut prepared = evaluator.parse_query(&text)?;
    prepared.dataset_mut().set_default_graph_as_union();
    let t = std::time::Instant::now();
    let (results, explanation) = prepared.on_store(&store).compute_statistics().explain();
    let mut rows = 0usize;
    if let QueryResults::Solutions(s) = results? {
        for r in s {
            r?;
            rows += 1;
        }
    }
    eprintln!("{rows} rows in {:.3} s", t.elapsed().as_secs_f64());
    println!("{explanation:?}");
    Ok(())
}
