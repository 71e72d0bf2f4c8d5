//! `wjc compile FILE DIR`: turns the editable data file into what the browser loads, in the site
//! folder DIR: `DIR/data/list.json`, and for a large dataset the detail files in
//! `DIR/data/detail/` (see `wjc_core::compiled`). `wjc site` runs the same step.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use wjc_core::compiled::{self, FIRST_PATH, LIST_PATH};
use wjc_core::Loaded;

use crate::progress::Progress;

use crate::{cli, files, validate, Failure, Settings, Verdict};

/// Runs `wjc compile FILE DIR`.
pub fn run(args: &cli::Compile, out: &mut String, settings: &Settings) -> Result<Verdict, Failure> {
    let file = args.file.as_str();
    let progress = Progress::for_file(settings, Path::new(file), "reading the data");
    let Some(loaded) = validate::read_and_load(file, out)? else {
        return Ok(Verdict::Problems);
    };
    write(Path::new(&args.dir), &loaded, out, &progress)?;
    drop(progress);
    if let Some(left_out) = validate::left_out(&loaded.report, file) {
        let _ = writeln!(out, "{left_out}");
    }
    Ok(Verdict::Clean)
}

/// Writes the compiled files of `loaded` into the site folder `dir`, replacing earlier detail
/// files, and says what it wrote in `out`. Returns whether the list is lean, with a first page
/// of its own. `progress` shows the stages of a long job.
pub fn write(
    dir: &Path,
    loaded: &Loaded,
    out: &mut String,
    progress: &Progress,
) -> Result<bool, Failure> {
    progress.stage("compiling");
    let compiled = compiled::compile(&loaded.dataset);
    progress.count(compiled.details.len(), "writing details");
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
        progress.step();
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
