//! The `govgraph` command line: the only place that prints.
//!
//! `cli` defines the commands, `cmd` runs one each (reading arguments,
//! calling the library, handing results to `render`), and `render` writes
//! everything a person or a script reads.
//!
//! Exit codes: 0 when all went well, 1 when the run finished but found
//! problems (a file that could not be read or yielded no meeting, lint
//! findings, validation results), 2 on an error that stopped the run (bad
//! arguments, a missing path, a store that cannot be opened, an invalid
//! query).

mod cli;
mod cmd;
mod render;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cmd::run(cli.command) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        // A reader that stops early (`govgraph export | head`) is not an
        // error, as for any Unix filter.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            render::error(&e);
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || matches!(c.downcast_ref::<govgraph::Error>(), Some(govgraph::Error::Output(io)) if io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
