//! `wjc`, the maintainers' tool for the without-just-cause dataset: check a data file, count what
//! is in it, move it to and from a spreadsheet, compare two versions, make synthetic data for
//! scale tests, compile it into what the browser loads, finish the built site with static pages,
//! and check the translations of the interface.
//!
//! Exit codes: 0 when all is well, 1 when the data has problems, 2 when the tool was called wrongly
//! or a file could not be read or written. Every failure is a message, never a panic.
//!
//! The binary is a thin shell around [`run`], so tests call the whole command line in-process.

mod cli;
mod clock;
mod compile;
mod diff;
mod files;
mod generate;
mod i18n_check;
mod progress;
mod rng;
mod schema;
mod sheet;
mod site;
mod stats;
mod validate;

use std::ffi::OsString;
use std::time::SystemTime;

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser};

use cli::{Cli, Command};
use clock::Utc;

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

/// What the machine tells a run: the time, and whether a person watches standard error.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    /// Now: names backups and gives the date a changed data file is `updated` on.
    pub now: SystemTime,
    /// Show progress bars on long jobs (standard error is a terminal).
    pub progress: bool,
}

impl Settings {
    /// The system clock, and progress when standard error is a terminal.
    pub fn system() -> Self {
        Self {
            now: SystemTime::now(),
            progress: std::io::IsTerminal::is_terminal(&std::io::stderr()),
        }
    }

    /// Now in UTC.
    fn utc(&self) -> Utc {
        Utc::from_system(self.now)
    }
}

/// How a run ended: the exit code and what goes to standard error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// 0 all well, 1 problems in the data, 2 wrong use or a file that cannot be read or written.
    pub code: u8,
    /// The message for standard error, empty when there is none.
    pub stderr: String,
}

/// Runs the command line `arguments` (without the program's name) with the system's settings,
/// appending what goes to standard output to `out`.
pub fn run<I, T>(arguments: I, out: &mut String) -> Outcome
where
    I: IntoIterator<Item = T>,
    T: Into<OsString>,
{
    run_with(arguments, out, Settings::system())
}

/// [`run`] with the clock and the terminal given, for tests.
pub fn run_with<I, T>(arguments: I, out: &mut String, settings: Settings) -> Outcome
where
    I: IntoIterator<Item = T>,
    T: Into<OsString>,
{
    let command_line =
        std::iter::once(OsString::from("wjc")).chain(arguments.into_iter().map(Into::into));
    let cli = match Cli::try_parse_from(command_line) {
        Ok(cli) => cli,
        Err(error) => {
            let text = error.render().to_string();
            return match error.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    out.push_str(&text);
                    Outcome {
                        code: 0,
                        stderr: String::new(),
                    }
                }
                // Wrong use, including `wjc` alone (clap shows the help on standard error).
                _ => Outcome {
                    code: 2,
                    stderr: text,
                },
            };
        }
    };
    let name = cli.command.name();
    let result = match cli.command {
        Command::Validate(args) => validate::run(&args.file, out),
        Command::Stats(args) => stats::run(&args.file, out),
        Command::ExportCsv(args) => sheet::export(&args, out),
        Command::ImportCsv(args) => sheet::import(&args, out, &settings),
        Command::Diff(args) => diff::run(&args, out),
        Command::Generate(args) => generate::run(&args, out, &settings),
        Command::Compile(args) => compile::run(&args, out, &settings),
        Command::Site(args) => site::run(&args, out, &settings),
        Command::I18nCheck(args) => i18n_check::run(&args, out),
        Command::Schema => {
            out.push_str(&schema::text());
            Ok(Verdict::Clean)
        }
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "wjc", &mut script);
            out.push_str(&String::from_utf8_lossy(&script));
            Ok(Verdict::Clean)
        }
    };
    match result {
        Ok(Verdict::Clean) => Outcome {
            code: 0,
            stderr: String::new(),
        },
        Ok(Verdict::Problems) => Outcome {
            code: 1,
            stderr: String::new(),
        },
        Err(Failure::Data(message)) => Outcome {
            code: 1,
            stderr: format!("wjc: {message}\n"),
        },
        Err(Failure::Misuse(message)) => Outcome {
            code: 2,
            stderr: format!("wjc: {message}\n\n{}", usage(name)),
        },
    }
}

/// The usage of the command `name`, and where to read more, after a misuse message.
fn usage(name: &str) -> String {
    let mut command = Cli::command();
    command.build();
    let usage = command
        .find_subcommand_mut(name)
        .map(|sub| sub.render_usage().to_string())
        .unwrap_or_default();
    format!("{usage}\n\nFor more information, try 'wjc {name} --help'.\n")
}
