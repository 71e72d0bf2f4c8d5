//! `wjc validate FILE`: the loader's verdict on a data file, in words.

use std::fmt::Write;

use wjc_core::{LoadError, Loaded, Report};

use crate::{files, Failure, Verdict};

/// Runs `wjc validate FILE`.
pub fn run(path: &str, out: &mut String) -> Result<Verdict, Failure> {
    let Some(loaded) = read_and_load(path, out)? else {
        return Ok(Verdict::Problems);
    };
    let _ = writeln!(out, "{path}: {}", summary(&loaded.report));
    write_problems(out, &loaded.report);
    Ok(if loaded.report.errors.is_empty() {
        Verdict::Clean
    } else {
        Verdict::Problems
    })
}

/// Reads and loads the data file at `path`; when the whole file is refused, writes why to `out`
/// and gives `None`.
pub fn read_and_load(path: &str, out: &mut String) -> Result<Option<Loaded>, Failure> {
    let text = files::read_text(path)?;
    Ok(match wjc_core::load(&text) {
        Ok(loaded) => Some(loaded),
        Err(error) => {
            write_refusal(out, path, &error);
            None
        }
    })
}

/// "N records: L loaded, S skipped, W warnings".
pub fn summary(report: &Report) -> String {
    format!(
        "{}: {} loaded, {} skipped, {}",
        plural(report.records, "record", "records"),
        report.loaded,
        report.skipped(),
        plural(report.warnings.len(), "warning", "warnings")
    )
}

/// One line per error, then one per warning.
pub fn write_problems(out: &mut String, report: &Report) {
    for problem in &report.errors {
        let _ = writeln!(out, "error: {problem}");
    }
    for problem in &report.warnings {
        let _ = writeln!(out, "warning: {problem}");
    }
}

/// Why the whole file was refused and, when records were to blame, each of their problems.
fn write_refusal(out: &mut String, path: &str, error: &LoadError) {
    let _ = writeln!(out, "{path} was refused. {error}");
    if let LoadError::TooManyInvalid(report) = error {
        let _ = writeln!(out, "{path}: {}", summary(report));
        write_problems(out, report);
    }
}

/// "2 records with errors left out (see \"wjc validate FILE\")", or `None` when none was.
pub fn left_out(report: &Report, path: &str) -> Option<String> {
    let skipped = report.skipped();
    (skipped > 0).then(|| {
        format!(
            "{} with errors left out (see \"wjc validate {path}\")",
            plural(skipped, "record", "records")
        )
    })
}

/// "1 record", "2 records".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
