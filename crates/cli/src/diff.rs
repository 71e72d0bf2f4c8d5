//! `wjc diff OLD NEW`, and the comparison it prints, which `wjc import-csv` also reports (and
//! `--dry-run` shows before anything is written): who was added, removed or changed, which
//! fields changed, and each change of status.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde_json::Value;
use wjc_core::{Dataset, Person};

use crate::cli;
use crate::validate::{left_out, read_and_load};
use crate::{Failure, Verdict};

/// Runs `wjc diff`.
pub fn run(args: &cli::Diff, out: &mut String) -> Result<Verdict, Failure> {
    let old = read_and_load(&args.old, out)?;
    let new = read_and_load(&args.new, out)?;
    let (Some(old), Some(new)) = (old, new) else {
        return Ok(Verdict::Problems);
    };
    for (path, loaded) in [(&args.old, &old), (&args.new, &new)] {
        if let Some(left_out) = left_out(&loaded.report, path) {
            let _ = writeln!(out, "{path}: {left_out}");
        }
    }
    let changes = compare(&old.dataset, &new.dataset);
    let _ = writeln!(out, "From {} to {}:", args.old, args.new);
    changes.write(out);
    Ok(Verdict::Clean)
}

/// What changed between two versions of the list.
#[derive(Debug, PartialEq)]
pub struct Changes<'a> {
    /// People only in the new version, in its order.
    pub added: Vec<&'a Person>,
    /// People only in the old version, in its order.
    pub removed: Vec<&'a Person>,
    /// People in both whose records differ, in the new version's order.
    pub changed: Vec<Changed<'a>>,
    /// People in both, unchanged.
    pub unchanged: usize,
    /// The fields of the list itself (title, sources, campaigns …) that differ.
    pub envelope: Vec<String>,
}

/// One person's record, before and after.
#[derive(Debug, PartialEq)]
pub struct Changed<'a> {
    /// The old record.
    pub before: &'a Person,
    /// The new record.
    pub after: &'a Person,
    /// The fields that differ, in the model's order.
    pub fields: Vec<String>,
}

impl Changes<'_> {
    /// True when the two versions hold the same people and envelope.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.envelope.is_empty()
    }

    /// The changes in words: a count, then removals first (so they are not missed), additions,
    /// changes of status, and the other changes, one person a line.
    pub fn write(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "{} added, {} removed, {} changed, {} unchanged.",
            self.added.len(),
            self.removed.len(),
            self.changed.len(),
            self.unchanged
        );
        if !self.envelope.is_empty() {
            let _ = writeln!(out, "The list's {} changed.", self.envelope.join(", "));
        }
        for person in &self.removed {
            let _ = writeln!(out, "  removed: {}", who(person));
        }
        for person in &self.added {
            let _ = writeln!(
                out,
                "  added:   {} ({}, {})",
                who(person),
                person.status.as_str(),
                person.country.as_str()
            );
        }
        for change in &self.changed {
            let (before, after) = (change.before, change.after);
            if before.status != after.status {
                let _ = writeln!(
                    out,
                    "  status:  {}: {} → {} (as of {})",
                    who(after),
                    before.status.as_str(),
                    after.status.as_str(),
                    after.status_as_of
                );
            }
        }
        for change in &self.changed {
            let _ = writeln!(
                out,
                "  changed: {}: {}",
                who(change.after),
                change.fields.join(", ")
            );
        }
    }
}

/// `"id" (Name)`.
fn who(person: &Person) -> String {
    format!("\"{}\" ({})", person.id, person.name)
}

/// Compares two versions of the list, person by person (matched by id).
pub fn compare<'a>(old: &'a Dataset, new: &'a Dataset) -> Changes<'a> {
    let old_by_id: HashMap<&str, &Person> = old.people.iter().map(|p| (p.id.as_str(), p)).collect();
    let new_by_id: HashMap<&str, &Person> = new.people.iter().map(|p| (p.id.as_str(), p)).collect();
    let removed = old
        .people
        .iter()
        .filter(|p| !new_by_id.contains_key(p.id.as_str()))
        .collect();
    let mut added = Vec::new();
    let mut changed = Vec::new();
    let mut unchanged = 0;
    for after in &new.people {
        match old_by_id.get(after.id.as_str()) {
            None => added.push(after),
            Some(&before) if before == after => unchanged += 1,
            Some(&before) => changed.push(Changed {
                before,
                after,
                fields: changed_fields(before, after),
            }),
        }
    }
    let envelope = changed_fields(&old.envelope(), &new.envelope());
    Changes {
        added,
        removed,
        changed,
        unchanged,
        envelope,
    }
}

/// The names of the fields whose values differ between two serialisable values (objects), in the
/// order the model writes them.
pub fn changed_fields<T: serde::Serialize>(before: &T, after: &T) -> Vec<String> {
    let (Ok(Value::Object(a)), Ok(Value::Object(b))) =
        (serde_json::to_value(before), serde_json::to_value(after))
    else {
        return vec!["some fields".into()];
    };
    // The maps sort their keys; the compact text keeps the model's order, and a top-level key
    // comes before any nested key of the same name.
    let written = serde_json::to_string(after).unwrap_or_default()
        + &serde_json::to_string(before).unwrap_or_default();
    let place = |key: &str| written.find(&format!("\"{key}\":")).unwrap_or(usize::MAX);
    let mut keys: Vec<&String> = a
        .keys()
        .chain(b.keys().filter(|k| !a.contains_key(*k)))
        .filter(|k| a.get(*k) != b.get(*k))
        .collect();
    keys.sort_by_key(|k| place(k));
    keys.into_iter().cloned().collect()
}
