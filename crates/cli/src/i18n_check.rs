//! `wjc i18n-check [DIR]`: every message catalogue checked against English, with what a
//! translator must fix, file by file (docs/translating.md).

use std::collections::BTreeSet;
use std::fmt::Write;
use std::fs;
use std::path::Path;

use wjc_core::i18n::catalogue::{check_language, Catalogue, File};
use wjc_core::i18n::Lang;

use crate::cli::I18nCheck;
use crate::{files, Failure, Verdict};

/// Runs `wjc i18n-check DIR`: one line per problem, `FILE: key: what`, then a summary.
pub fn run(args: &I18nCheck, out: &mut String) -> Result<Verdict, Failure> {
    let dir = Path::new(&args.dir);
    let path = |name: &str| dir.join(name).to_string_lossy().into_owned();
    // (file, problem) in the order found: English first, then each language.
    let mut problems: Vec<(String, String)> = Vec::new();

    let english_path = path("en.json");
    let english = match Catalogue::parse(Lang::En, &files::read_text(&english_path)?) {
        Ok((english, unreadable)) => {
            problems.extend(
                unreadable
                    .iter()
                    .map(|p| (english_path.clone(), p.to_string())),
            );
            Some(english)
        }
        Err(what) => {
            problems.push((english_path.clone(), what));
            None
        }
    };
    let mut checked = 1;
    if let Some(english) = &english {
        for lang in Lang::ALL.into_iter().filter(|&l| l != Lang::En) {
            let messages_path = path(&format!("{}.json", lang.tag()));
            let cldr_path = path(&format!("cldr/{}.json", lang.tag()));
            let messages = files::read_text(&messages_path)?;
            // The CLDR file is optional: without it, its keys are reported missing.
            let cldr = if Path::new(&cldr_path).exists() {
                Some(files::read_text(&cldr_path)?)
            } else {
                None
            };
            checked += 1;
            let file = |f: File| match f {
                File::Messages => messages_path.clone(),
                File::Cldr => cldr_path.clone(),
            };
            match check_language(lang, &messages, cldr.as_deref(), english) {
                Ok(found) => problems.extend(found.iter().map(|(f, p)| (file(*f), p.to_string()))),
                Err((f, what)) => problems.push((file(f), what)),
            }
        }
    }
    problems.extend(strays(dir)?);

    for (file, what) in &problems {
        let _ = writeln!(out, "{file}: {what}");
    }
    let with_problems: BTreeSet<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
    let catalogues = crate::validate::plural(checked, "catalogue", "catalogues");
    let _ = if problems.is_empty() {
        writeln!(out, "{catalogues} checked: no problems")
    } else {
        writeln!(
            out,
            "{catalogues} checked: {} in {}",
            crate::validate::plural(problems.len(), "problem", "problems"),
            crate::validate::plural(with_problems.len(), "file", "files")
        )
    };
    Ok(if problems.is_empty() {
        Verdict::Clean
    } else {
        Verdict::Problems
    })
}

/// JSON files in `dir` named for no language of the interface: a translation that would never
/// be shown (a misnamed file such as `es-ES.json` or `zh.json`).
fn strays(dir: &Path) -> Result<Vec<(String, String)>, Failure> {
    let entries = fs::read_dir(dir).map_err(|e| {
        Failure::Misuse(format!(
            "cannot read the folder \"{}\": {}",
            dir.display(),
            files::describe(&e)
        ))
    })?;
    let tags: Vec<&str> = Lang::ALL.iter().map(|l| l.tag()).collect();
    let mut found: Vec<(String, String)> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file() && path.extension().is_some_and(|e| e == "json"))
        .filter(|path| {
            path.file_stem()
                .and_then(|s| s.to_str())
                .is_none_or(|stem| !tags.contains(&stem))
        })
        .map(|path| {
            (
                path.to_string_lossy().into_owned(),
                format!(
                    "not named for a language of the interface ({}), so never shown",
                    tags.join(", ")
                ),
            )
        })
        .collect();
    found.sort();
    Ok(found)
}
