//! The aliases file (`--aliases`): any text parses or is refused with a
//! message, never a panic; a comment line added changes neither whether it
//! parses nor its canonical form (the rules' meaning, which stored
//! documents record a hash of); and the rules apply to a batch of minutes.

#![no_main]

use govgraph::parse::Context;
use govgraph::resolve::{Aliases, Identities};
use libfuzzer_sys::fuzz_target;

const MINUTES: &str = "# TSC meeting 2024-01-02\n\n## Present\n\n\
- Ann Example (@ann-example)\n- Bo Sample\n- Cy Test (@cytest)\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let commented = Aliases::parse(&format!("{text}\n# a comment\n"));
    let Ok(aliases) = Aliases::parse(text) else {
        assert!(commented.is_err(), "a comment made a bad file good");
        return;
    };
    let commented = commented.expect("a comment made a good file bad");
    assert_eq!(commented.canonical(), aliases.canonical());
    let cx = Context {
        source: "2024-01-02.md".into(),
        file_name: "2024-01-02.md".into(),
        repo: None,
        model: None,
    };
    let minutes = govgraph::read_minutes(MINUTES.as_bytes(), &cx);
    let _ = Identities::learn([&minutes]).with_aliases(aliases);
});
