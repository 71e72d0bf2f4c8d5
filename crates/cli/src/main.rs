//! `wjc`: see the library's documentation ([`wjc_cli::run`]) and `wjc --help`.

use std::io::{self, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut out = String::new();
    // Arguments that are not UTF-8 are clap's to refuse (exit 2), never a panic.
    let outcome = wjc_cli::run(std::env::args_os().skip(1), &mut out);
    // A closed pipe (`wjc stats … | head`) is not worth a message, nor a panic.
    let _ = io::stdout().lock().write_all(out.as_bytes());
    let _ = io::stderr().lock().write_all(outcome.stderr.as_bytes());
    ExitCode::from(outcome.code)
}
