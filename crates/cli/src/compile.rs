//! `wjc compile FILE DIR`: turns the editable data file into what the browser loads, in the site
//! folder DIR: `DIR/data/list.json`, and for a large dataset the detail files in
//! `DIR/data/detail/` (see `wjc_core::compiled`). `wjc site` runs the same step.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use wjc_core::compiled::{self, FIRST_PATH, LIST_PATH};
use wjc_core::Loaded;

use crate::args::{self, Positional};
use crate::{files, validate, Failure, Verdict};

const FILE: Positional = Positional {
    name: "FILE",
    what: "the data file, e.g. assets/data/prisoners.json",
};

const DIR: Positional = Positional {
    name: "DIR",
    what: "the site folder to write data/list.json and data/detail/ into, e.g. dist",
};

/// Runs `wjc compile`.
pub fn run(argv: &[String], out: &mut String) -> Result<Verdict, Failure> {
    let parsed = args::parse(argv, &[FILE, DIR], &[])?;
    let file = parsed.positional(0);
    let Some(loaded) = validate::read_and_load(file, out)? else {
        return Ok(Verdict::Problems);
    };
    write(Path::new(parsed.positional(1)), &loaded, out)?;
    if loaded.report.skipped() > 0 {
        let _ = writeln!(
            out,
            "{} left out (see \"wjc validate {file}\")",
            validate::plural(loaded.report.skipped(), "record", "records"),
        );
    }
    Ok(Verdict::Clean)
}

/// Writes the compiled files of `loaded` into the site folder `dir`, replacing earlier detail
/// files, and says what it wrote in `out`. Returns whether the list is lean, with a first page
/// of its own.
pub fn write(dir: &Path, loaded: &Loaded, out: &mut String) -> Result<bool, Failure> {
    let compiled = compiled::compile(&loaded.dataset);
    let details = dir.join("data/detail");
    if details.exists() {
        fs::remove_dir_all(&details).map_err(|e| files::write_failed(&details, &e))?;
    }
    let written = |path: &str, text: &str| -> Result<(), Failure> {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| files::write_failed(parent, &e))?;
        }
        files::write_atomically(&path.to_string_lossy(), |w| {
            std::io::Write::write_all(w, text.as_bytes())
        })
    };
    written(LIST_PATH, &compiled.list)?;
    let first = dir.join(FIRST_PATH);
    match &compiled.first {
        Some(text) => written(FIRST_PATH, text)?,
        None if first.exists() => {
            fs::remove_file(&first).map_err(|e| files::write_failed(&first, &e))?;
        }
        None => {}
    }
    let folder = Path::new(LIST_PATH).parent().unwrap_or(Path::new(""));
    for (path, text) in &compiled.details {
        written(&folder.join(path).to_string_lossy(), text)?;
    }
    let people = validate::plural(loaded.dataset.people.len(), "person", "people");
    let _ = if compiled.details.is_empty() {
        writeln!(
            out,
            "{}: {people}, whole ({} KB)",
            dir.join(LIST_PATH).display(),
            compiled.list.len().div_ceil(1024)
        )
    } else {
        writeln!(
            out,
            "{}: {people} listed ({} KB), their details in {} ({} per file), the first page in {}",
            dir.join(LIST_PATH).display(),
            compiled.list.len().div_ceil(1024),
            validate::plural(compiled.details.len(), "file", "files"),
            compiled::PER_FILE,
            FIRST_PATH
        )
    };
    Ok(compiled.first.is_some())
}
