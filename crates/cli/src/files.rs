//! Reading and writing files, with messages a non-programmer can act on.

use std::fs::{self, File};
use std::io::{self, BufWriter, ErrorKind, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use wjc_core::Dataset;

use crate::clock::Utc;
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

/// How many backups of a data file are kept beside it; older ones are removed.
pub const BACKUPS_KEPT: usize = 5;

/// A data file as every tool here writes it: the dataset, with `schema` (the file's `"$schema"`
/// reference for editors, kept from the file it was made from) first.
#[derive(Serialize)]
pub struct Document<'a> {
    /// Where editors find the file's JSON Schema.
    #[serde(rename = "$schema", skip_serializing_if = "Option::is_none")]
    pub schema: Option<&'a str>,
    /// The dataset, in the model's field order.
    #[serde(flatten)]
    pub dataset: &'a Dataset,
}

impl Document<'_> {
    /// Pretty JSON and a final newline.
    fn write_to(&self, out: &mut impl Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, self)?;
        out.write_all(b"\n")
    }

    /// The file's text.
    pub fn text(&self) -> String {
        let mut bytes = Vec::new();
        // Writing to memory cannot fail, and the JSON of a `String`-built dataset is UTF-8.
        let _ = self.write_to(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

/// Writes a data file: the file at `path`, if any, is first copied to a timestamped backup
/// beside it ([`backup`]), then replaced atomically. Returns the backup's path.
pub fn write_dataset(
    path: &str,
    document: &Document<'_>,
    now: Utc,
) -> Result<Option<PathBuf>, Failure> {
    let backup = backup(Path::new(path), now)?;
    let written = write_atomically(path, |out| document.write_to(out));
    if let Err(failure) = written {
        // The file is untouched, so its copy is not needed.
        if let Some(backup) = &backup {
            let _ = fs::remove_file(backup);
        }
        return Err(failure);
    }
    Ok(backup)
}

/// Copies the file at `path`, when there is one, to `NAME.STAMP.bak` beside it (`STAMP` is
/// [`Utc::stamp`], so names sort by age), then removes all but the [`BACKUPS_KEPT`] newest.
fn backup(path: &Path, now: Utc) -> Result<Option<PathBuf>, Failure> {
    if !path.is_file() {
        return Ok(None);
    }
    let name = file_name(path);
    let mut stamp = now;
    let mut copy = path.with_file_name(format!("{name}.{}.bak", stamp.stamp()));
    // Two writes in one millisecond: the later backup takes the next free millisecond.
    while copy.exists() {
        stamp = stamp.next();
        copy = path.with_file_name(format!("{name}.{}.bak", stamp.stamp()));
    }
    fs::copy(path, &copy).map_err(|e| {
        Failure::Misuse(format!(
            "cannot keep a copy of \"{}\" before replacing it, so it was left as it was: cannot write \"{}\": {}",
            path.display(),
            copy.display(),
            describe(&e)
        ))
    })?;
    for old in backups(path).iter().rev().skip(BACKUPS_KEPT) {
        // Best effort: a backup that cannot be removed is only clutter.
        let _ = fs::remove_file(old);
    }
    Ok(Some(copy))
}

/// The backups of the data file at `path`, oldest first.
fn backups(path: &Path) -> Vec<PathBuf> {
    let name = file_name(path);
    let folder = folder(path);
    let Ok(entries) = fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let file = file_name(p);
            file.strip_prefix(&*name)
                .and_then(|rest| rest.strip_prefix('.'))
                .and_then(|rest| rest.strip_suffix(".bak"))
                .is_some_and(|stamp| {
                    stamp.len() == "20261206T201500.000Z".len()
                        && stamp
                            .bytes()
                            .all(|b| b.is_ascii_digit() || b"T.Z".contains(&b))
                })
        })
        .collect();
    found.sort();
    found
}

/// The file's name, for messages and backups.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned())
}

/// The folder `path` is in (`.` for a bare file name).
fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Writes `path` through a temporary file in the same folder, renamed over `path` only once
/// everything is on disk: a failure (full disk, a crash) never leaves a half-written file. A
/// file that is replaced keeps its permissions.
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
    let permissions = fs::metadata(target).map(|m| m.permissions()).ok();
    // Dropped on any failure below, which removes the temporary file.
    let temp = tempfile::Builder::new()
        .prefix(&format!(".{}.", file_name(target)))
        .suffix(".wjc-tmp")
        .tempfile_in(folder(target))
        .map_err(|e| fail(&e))?;
    let written = (|| {
        let mut out = BufWriter::new(temp.reopen()?);
        write(&mut out)?;
        let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
        file.sync_all()?;
        match permissions {
            Some(permissions) => file.set_permissions(permissions),
            None => set_new_file_permissions(&file),
        }
    })();
    written.map_err(|e| fail(&e))?;
    temp.persist(target).map_err(|e| fail(&e.error))?;
    Ok(())
}

/// A new file is readable by all, as `File::create` would make it (the temporary file is private).
#[cfg(unix)]
fn set_new_file_permissions(file: &File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_new_file_permissions(_: &File) -> io::Result<()> {
    Ok(())
}

/// The misuse for a file or folder that could not be written.
pub fn write_failed(path: &Path, error: &io::Error) -> Failure {
    Failure::Misuse(format!(
        "cannot write \"{}\": {}",
        path.display(),
        describe(error)
    ))
}

/// An I/O error in plain words.
pub fn describe(error: &io::Error) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    /// The names in `folder`, sorted.
    fn names(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_write_that_fails_half_way_leaves_the_old_file_and_no_trace() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("data.json");
        fs::write(&path, "the old file").unwrap();
        let path = path.to_str().unwrap();
        // As a full disk would: some bytes are written, then the writing fails.
        let result = write_atomically(path, |out| {
            out.write_all(b"the new fi")?;
            Err(io::Error::new(ErrorKind::StorageFull, "no space"))
        });
        let Err(Failure::Misuse(message)) = result else {
            panic!("the failure is reported")
        };
        assert_eq!(
            message,
            format!("cannot write \"{path}\": the disk is full")
        );
        assert_eq!(fs::read_to_string(path).unwrap(), "the old file");
        assert_eq!(
            names(folder.path()),
            ["data.json"],
            "no temporary file is left"
        );
    }

    #[test]
    fn a_replacement_keeps_a_backup_and_a_folder_is_not_replaced() {
        let folder = tempfile::tempdir().unwrap();
        // 2026-12-06T20:15:00Z.
        let now = Utc::from_system(UNIX_EPOCH + Duration::from_mins(29_943_135));
        let path = folder.path().join("data.json");
        fs::write(&path, "the old file").unwrap();
        let path = path.to_str().unwrap();
        let dataset = wjc_core::load(include_str!("../tests/fixtures/full.json"))
            .unwrap()
            .dataset;
        let document = Document {
            schema: Some("./prisoners.schema.json"),
            dataset: &dataset,
        };
        // A folder is never replaced by a file (and gets no backup).
        let blocked = folder.path().join("blocked.json");
        fs::create_dir(&blocked).unwrap();
        assert!(write_dataset(blocked.to_str().unwrap(), &document, now).is_err());
        let backup = write_dataset(path, &document, now).unwrap().unwrap();
        assert_eq!(
            backup.file_name().unwrap(),
            "data.json.20261206T201500.000Z.bak"
        );
        assert_eq!(fs::read_to_string(&backup).unwrap(), "the old file");
        let written = fs::read_to_string(path).unwrap();
        assert!(written.starts_with(
            "{\n  \"$schema\": \"./prisoners.schema.json\",\n  \"schema_version\": 1,\n"
        ));
        assert_eq!(written, document.text());
        assert_eq!(
            names(folder.path()),
            [
                "blocked.json",
                "data.json",
                "data.json.20261206T201500.000Z.bak"
            ]
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o644, "readable by all, as the file it replaced");
        }
    }

    #[test]
    fn only_backups_of_this_file_are_counted() {
        let folder = tempfile::tempdir().unwrap();
        for name in [
            "data.json.20261206T201500.000Z.bak",
            "data.json.20261206T201501.000Z.bak",
            "other.json.20261206T201500.000Z.bak",
            "data.json.notes.bak",
            "data.json",
        ] {
            fs::write(folder.path().join(name), "").unwrap();
        }
        let found: Vec<String> = backups(&folder.path().join("data.json"))
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            found,
            [
                "data.json.20261206T201500.000Z.bak",
                "data.json.20261206T201501.000Z.bak"
            ]
        );
    }
}
