//! `wjc`, the maintainers' tool for the without-just-cause dataset: check a data file, count what
//! is in it, move it to and from a spreadsheet, make synthetic data for scale tests, compile it into
//! what the browser loads, and finish the built site with static pages.
//!
//! Exit codes: 0 when all is well, 1 when the data has problems, 2 when the tool was called wrongly
//! or a file could not be read or written. Every failure is a message, never a panic.

mod args;
mod compile;
mod files;
mod generate;
mod help;
mod rng;
mod sheet;
mod site;
mod stats;
mod validate;

use std::ffi::OsString;
use std::io::{self, Write};
use std::process::ExitCode;

use help::Command;

/// How a command that ran to the end judged the data.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Verdict {
    /// Nothing wrong (warnings allowed).
    Clean,
    /// The data has errors; they are in the command's output.
    Problems,
}

/// Why a command stopped early.
#[derive(Debug)]
enum Failure {
    /// Called wrongly, or a file could not be read or written: exit 2, with the usage.
    Misuse(String),
    /// The data is unusable, in one line: exit 1.
    Data(String),
}

impl From<args::Misuse> for Failure {
    fn from(misuse: args::Misuse) -> Self {
        Self::Misuse(misuse.0)
    }
}

fn main() -> ExitCode {
    let mut out = String::new();
    // `std::env::args` would panic on an argument that is not Unicode.
    let argv: Result<Vec<String>, _> = std::env::args_os()
        .skip(1)
        .map(OsString::into_string)
        .collect();
    let (command, result) = match argv {
        Ok(argv) => run(&argv, &mut out),
        Err(arg) => {
            let message = format!(
                "the argument \"{}\" is not valid text (UTF-8)",
                arg.display()
            );
            (None, Err(Failure::Misuse(message)))
        }
    };
    // A closed pipe (`wjc stats … | head`) is not worth a message, nor a panic.
    let _ = io::stdout().lock().write_all(out.as_bytes());
    let (code, message) = match result {
        Ok(Verdict::Clean) => (0, None),
        Ok(Verdict::Problems) => (1, None),
        Err(Failure::Data(message)) => (1, Some(format!("wjc: {message}\n"))),
        Err(Failure::Misuse(message)) => (
            2,
            Some(format!("wjc: {message}\n{}\n", help::usage_hint(command))),
        ),
    };
    if let Some(message) = message {
        let _ = io::stderr().lock().write_all(message.as_bytes());
    }
    ExitCode::from(code)
}

/// Runs the command line, appending what goes to standard output to `out`. Also returns the
/// command, when one was recognised, so a misuse message can show its usage.
fn run(argv: &[String], out: &mut String) -> (Option<Command>, Result<Verdict, Failure>) {
    let Some((first, rest)) = argv.split_first() else {
        return (None, Err(Failure::Misuse("no command given".into())));
    };
    if matches!(first.as_str(), "help" | "--help" | "-h") {
        return match rest {
            [] => {
                out.push_str(help::OVERVIEW);
                (None, Ok(Verdict::Clean))
            }
            [name] => match Command::parse(name) {
                Some(command) => {
                    out.push_str(command.help());
                    (Some(command), Ok(Verdict::Clean))
                }
                None => (
                    None,
                    Err(Failure::Misuse(format!("there is no command \"{name}\""))),
                ),
            },
            _ => (
                None,
                Err(Failure::Misuse(
                    "help takes at most one command name".into(),
                )),
            ),
        };
    }
    let Some(command) = Command::parse(first) else {
        return (
            None,
            Err(Failure::Misuse(format!("there is no command \"{first}\""))),
        );
    };
    if rest.iter().any(|a| a == "--help" || a == "-h") {
        out.push_str(command.help());
        return (Some(command), Ok(Verdict::Clean));
    }
    let result = match command {
        Command::Validate => validate::run(rest, out),
        Command::Stats => stats::run(rest, out),
        Command::ExportCsv => sheet::export(rest, out),
        Command::ImportCsv => sheet::import(rest, out),
        Command::Generate => generate::run(rest, out),
        Command::Site => site::run(rest, out),
        Command::Compile => compile::run(rest, out),
    };
    (Some(command), result)
}
