//! Reading and writing files, with messages a non-programmer can act on.

use std::fs::{self, File};
use std::io::{self, BufWriter, ErrorKind, Write};
use std::path::{Path, PathBuf};

use wjc_core::Dataset;

use crate::Failure;

/// Reads a whole UTF-8 text file. A missing or unreadable file is a misuse; text that is not
/// UTF-8 is a data problem. A leading byte-order mark (which Excel writes) is dropped.
pub fn read_text(path: &str) -> Result<String, Failure> {
    match fs::read_to_string(path) {
        Ok(text) => Ok(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        }),
        Err(e) if e.kind() == ErrorKind::InvalidData => Err(Failure::Data(format!(
            "\"{path}\" is not UTF-8 text (in Excel, save it as \"CSV UTF-8\")"
        ))),
        Err(e) => Err(Failure::Misuse(format!(
            "cannot read \"{path}\": {}",
            describe(&e)
        ))),
    }
}

/// Writes a data file the way every tool here does: pretty JSON in the model's field order and a
/// final newline, replacing `path` atomically.
pub fn write_dataset(path: &str, dataset: &Dataset) -> Result<(), Failure> {
    write_atomically(path, |out| {
        serde_json::to_writer_pretty(&mut *out, dataset)?;
        out.write_all(b"\n")
    })
}

/// Writes `path` through a temporary file in the same folder, renamed over `path` only once
/// everything is on disk: a failure (full disk, a crash) never leaves a half-written file.
pub fn write_atomically(
    path: &str,
    write: impl FnOnce(&mut BufWriter<File>) -> io::Result<()>,
) -> Result<(), Failure> {
    let target = Path::new(path);
    let fail = |e: &io::Error| Failure::Misuse(format!("cannot write \"{path}\": {}", describe(e)));
    if target.is_dir() {
        return Err(Failure::Misuse(format!(
            "cannot write \"{path}\": it is a folder"
        )));
    }
    let temp = temp_path(target);
    let result = File::create(&temp).and_then(|file| {
        let mut out = BufWriter::new(file);
        write(&mut out)?;
        let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
        file.sync_all()?;
        fs::rename(&temp, target)
    });
    result.map_err(|e| {
        // Best effort: the temporary file may not even exist.
        let _ = fs::remove_file(&temp);
        fail(&e)
    })
}

/// The misuse for a file or folder that could not be written.
pub fn write_failed(path: &Path, error: &io::Error) -> Failure {
    Failure::Misuse(format!(
        "cannot write \"{}\": {}",
        path.display(),
        describe(error)
    ))
}

/// `dir/.name.wjc-tmp-PID` next to `target`: same folder, so the rename is atomic.
fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy());
    target.with_file_name(format!(".{name}.wjc-tmp-{}", std::process::id()))
}

/// An I/O error in plain words.
fn describe(error: &io::Error) -> String {
    match error.kind() {
        ErrorKind::NotFound => "no such file or folder".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::IsADirectory => "it is a folder".into(),
        ErrorKind::NotADirectory => "part of the path is not a folder".into(),
        ErrorKind::ReadOnlyFilesystem => "the disk is read-only".into(),
        ErrorKind::StorageFull => "the disk is full".into(),
        _ => error.to_string(),
    }
}
