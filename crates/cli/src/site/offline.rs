//! The site's service worker, `sw.js`: after one visit the site reloads with no network. It keeps
//! the app's files of this build at install (the page's stylesheet, icon and JavaScript, the
//! loader, the WebAssembly, the map's shapes and the list's page) and the pages a visitor opens;
//! `sw.js` itself says how each request is answered.

use std::fs;
use std::path::Path;

use sha2::{Digest, Sha384};

use crate::{files, Failure};

/// The worker's name in the site, beside `index.html` so its scope is the whole site.
pub const WORKER_FILE: &str = "sw.js";

/// Writes `sw.js` into `dir` to keep `files` (paths relative to the site's root, as `./x` or
/// `x`), named by a version that changes with them, so a new deployment installs a new worker.
pub fn write<'a>(dir: &Path, files: impl IntoIterator<Item = &'a str>) -> Result<(), Failure> {
    let mut kept: Vec<String> = vec!["./".into()];
    kept.extend(
        files
            .into_iter()
            .map(|f| format!("./{}", f.trim_start_matches("./"))),
    );
    kept.sort();
    kept.dedup();
    let quoted: Vec<String> = kept.iter().map(|path| format!("'{path}'")).collect();
    let list = format!("[{}]", quoted.join(", "));
    let version = super::hex(&Sha384::digest(list.as_bytes())[..8]);
    let code = include_str!("sw.js")
        .replace("__VERSION__", &version)
        .replace("__PRECACHE__", &list);
    let path = dir.join(WORKER_FILE);
    fs::write(&path, code).map_err(|e| files::write_failed(&path, &e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(files: &[&str]) -> String {
        let dir = std::env::temp_dir().join(format!("wjc-offline-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        write(&dir, files.iter().copied()).unwrap();
        let code = fs::read_to_string(dir.join(WORKER_FILE)).unwrap();
        fs::remove_dir_all(&dir).unwrap();
        code
    }

    #[test]
    fn keeps_the_builds_files_under_a_version_of_their_names() {
        let code = written(&[
            "./app-0123456789abcdef.css",
            "map/world.txt",
            "./app-0123456789abcdef.css",
        ]);
        assert!(
            code.contains(
                "const PRECACHE = ['./', './app-0123456789abcdef.css', './map/world.txt'];"
            ),
            "{code}"
        );
        assert!(!code.contains("__"), "every placeholder filled");
        let version = |code: &str| {
            code.lines()
                .find(|l| l.starts_with("const VERSION"))
                .unwrap()
                .to_owned()
        };
        assert_eq!(
            version(&code),
            version(&written(&["map/world.txt", "./app-0123456789abcdef.css"]))
        );
        assert_ne!(
            version(&code),
            version(&written(&["./app-fedcba9876543210.css", "map/world.txt"]))
        );
    }
}
