//! Embeds the bundled SPARQL queries of `queries/` so that `oewg-kg query
//! NAME` works from any folder.

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=queries");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".rq"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from("/// Bundled queries: (name, text), sorted by name.\npub static BUNDLED: &[(&str, &str)] = &[\n");
    for n in &names {
        let path = dir.join(n);
        println!("cargo:rerun-if-changed={}", path.display());
        out.push_str(&format!(
            "    ({:?}, include_str!({:?})),\n",
            n.trim_end_matches(".rq"),
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("bundled_queries.rs");
    fs::write(dest, out).unwrap();
}
