//! The minutes reader end to end on any bytes: decode → parse → resolve →
//! map → a store in memory → every RDF syntax written and read back by
//! Oxigraph's parsers. Any panic is a bug, and so is an export that its
//! own syntax's parser refuses (issue 13, item 4: control characters made
//! RDF/XML that was not well-formed).

#![no_main]

use govgraph::map::{self, DocInfo, Iris};
use govgraph::model::Repo;
use govgraph::parse::Context;
use govgraph::resolve::Identities;
use govgraph::store::Store;
use libfuzzer_sys::fuzz_target;
use oxigraph::io::{RdfFormat, RdfParser};

fuzz_target!(|data: &[u8]| {
    let cx = Context {
        source: "acme+tsc/meetings/2024-01-02.md".into(),
        file_name: "2024-01-02.md".into(),
        repo: Some(Repo {
            owner: "acme".into(),
            name: "tsc".into(),
        }),
        model: None,
    };
    let minutes = govgraph::read_minutes(data, &cx);
    let ids = Identities::learn([&minutes]);
    let iris = Iris::new(govgraph::vocab::DEFAULT_BASE).unwrap();
    let key = "acme/tsc/meetings/2024-01-02.md";
    let info = DocInfo {
        key,
        repo_path: "meetings/2024-01-02.md",
        content_hash: "0",
        version: "fuzz",
        git_commit: None,
        git_blob: None,
        permalink: None,
    };
    let quads = map::map(&minutes, &info, &iris, &ids);
    let store = Store::memory().unwrap();
    store.replace_document(&iris.document(key), &quads).unwrap();
    for format in [
        RdfFormat::NQuads,
        RdfFormat::TriG,
        RdfFormat::Turtle,
        RdfFormat::NTriples,
        RdfFormat::RdfXml,
    ] {
        let mut out = Vec::new();
        store.export(format, &mut out).unwrap();
        for quad in RdfParser::from_format(format).for_slice(&out) {
            if let Err(e) = quad {
                panic!(
                    "{format} export not readable: {e}\n{}",
                    String::from_utf8_lossy(&out)
                );
            }
        }
    }
});
