//! Embeds every `queries/*.rq` file in the binary, so that adding a saved
//! query is adding a file.

use std::{env, fs, path::Path};

fn main() {
    // The saved queries live at the top of the repository, beside the
    // ontology, where users look for them.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../queries");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut entries: Vec<_> = fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "rq"))
                .collect()
        })
        .unwrap_or_default();
    entries.sort();
    let mut code = String::from(
        "/// Saved queries: (name, text), sorted by name.\npub static SAVED: &[(&str, &str)] = &[\n",
    );
    for p in entries {
        println!("cargo:rerun-if-changed={}", p.display());
        let name = p.file_stem().unwrap().to_string_lossy();
        code.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            p.display().to_string()
        ));
    }
    code.push_str("];\n");
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("saved_queries.rs"),
        code,
    )
    .unwrap();
}
