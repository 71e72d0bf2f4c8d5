//! `wjc site DIR`: finishes the site Trunk built in DIR. Moves Trunk's inline loader into a file
//! (so the pages run under a strict Content-Security-Policy), and writes the list and every
//! profile as static HTML from the dataset the app will load (compiled as `wjc compile` does), for
//! browsers without JavaScript or WebAssembly and for links that open anywhere. The app takes
//! these pages over when it starts.

mod html;
mod offline;
mod render;
mod shell;
mod widget;

use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

use base64::Engine as _;
use sha2::{Digest, Sha384};
use wjc_core::DATASET_PATH;

use crate::progress::Progress;
use crate::{cli, compile, files, validate, Failure, Settings, Verdict};
use render::{list_path, profile_path, Site};

/// The folders of pages this command writes, emptied first so no page outlives its record.
const PAGE_FOLDERS: [&str; 2] = ["person", "list"];

/// Runs `wjc site`.
pub fn run(args: &cli::Site, out: &mut String, settings: &Settings) -> Result<Verdict, Failure> {
    let dir = Path::new(&args.dir);
    // The very file the app downloads, so the static pages can never disagree with it.
    let data = dir.join(DATASET_PATH);
    let progress = Progress::for_file(settings, &data, "reading the data");
    let Some(loaded) = validate::read_and_load(&data.to_string_lossy(), out)? else {
        return Ok(Verdict::Problems);
    };
    let lean = compile::write(dir, &loaded, out, &progress)?;
    let index = dir.join("index.html");
    let index_name = index.to_string_lossy().into_owned();
    let trunk = shell::read(files::read_text(&index_name)?)
        .map_err(|e| Failure::Data(format!("{index_name}: {e}")))?;
    let (loader_file, integrity) = write_loader(dir, &trunk, &index_name)?;

    let site = Site::new(&loaded.dataset, &loaded.report);
    for folder in PAGE_FOLDERS {
        let path = dir.join(folder);
        if path.exists() {
            fs::remove_dir_all(&path).map_err(|e| files::write_failed(&path, &e))?;
        }
    }
    let nested = trunk.shell(1, &loader_file, &integrity, "");
    let mut bytes = 0;
    let pages = site.list_pages();
    for page in 2..=pages {
        bytes += write_file(&dir.join(list_path(page)), |w| {
            nested.write(
                w,
                &site.list_title(page),
                &loaded.dataset.description,
                &Site::app_url_attr(None, page),
                |w| site.write_list(w, page, 1),
            )
        })?;
    }
    let mut profiles = 0;
    progress.count(loaded.dataset.people.len(), "writing pages");
    for (rank, person) in site.people().enumerate() {
        let title = wjc_core::text::profile_title(&person.name, &loaded.dataset.title);
        bytes += write_file(&dir.join(profile_path(person)), |w| {
            nested.write(
                w,
                &title,
                &person.summary,
                &Site::app_url_attr(Some(person), 1),
                |w| site.write_profile(w, rank),
            )
        })?;
        profiles += 1;
        progress.step();
    }
    drop(progress);
    // Last, so a run that stops half-way leaves Trunk's page and can simply be run again.
    let (head, first) = first_page_markup(lean);
    let root = trunk.shell(0, &loader_file, &integrity, &head);
    bytes += write_file(&index, |w| {
        root.write(
            w,
            &site.list_title(1),
            &loaded.dataset.description,
            &first,
            |w| site.write_list(w, 1, 0),
        )
    })?;

    let _ = writeln!(
        out,
        "{}: the list on {} ({}), {} profile {} (person/), {} KB of HTML in all; loader {loader_file}",
        dir.display(),
        validate::plural(pages, "page", "pages"),
        match pages {
            1 => "index.html".to_owned(),
            2 => "index.html, list/2.html".to_owned(),
            _ => format!("index.html, list/2–{pages}.html"),
        },
        profiles,
        if profiles == 1 { "page" } else { "pages" },
        bytes.div_ceil(1024)
    );
    if let Some(widget_build) = &args.widget {
        let written = widget::write(dir, Path::new(widget_build), &loaded.dataset.title)?;
        let _ = writeln!(out, "widget: {}", written.join(", "));
    }
    if loaded.report.skipped() > 0 {
        let _ = writeln!(
            out,
            "{} left out of the pages, as the app leaves them out (see \"wjc validate {}\")",
            validate::plural(loaded.report.skipped(), "record", "records"),
            data.display()
        );
    }
    Ok(Verdict::Clean)
}

/// Writes the loader moved out of Trunk's page (named by its content) and the service worker that
/// keeps the app's files; returns the loader's name and its `integrity` value. `index_name` names
/// Trunk's page in errors.
fn write_loader(
    dir: &Path,
    trunk: &shell::TrunkPage,
    index_name: &str,
) -> Result<(String, String), Failure> {
    let shell::Loader { code, wasm } = shell::external_loader(trunk.loader_code())
        .map_err(|e| Failure::Data(format!("{index_name}: {e}")))?;
    let digest = Sha384::digest(code.as_bytes());
    let loader_file = format!("loader-{}.js", hex(&digest[..8]));
    let integrity = format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    );
    write_file(&dir.join(&loader_file), |w| w.write_all(code.as_bytes()))?;
    let app_files = [loader_file.as_str(), &wasm, wjc_core::map::WORLD_PATH];
    offline::write(dir, trunk.asset_urls().chain(app_files))?;
    Ok((loader_file, integrity))
}

/// For a lean list, what `index.html` gets so the app can show the first page from its own small
/// file while the list downloads: a preload in the head, asked for at once beside the app's code
/// with `fetch`'s defaults (so the app's request reuses it), and the app element's attribute.
fn first_page_markup(lean: bool) -> (String, String) {
    if !lean {
        return (String::new(), String::new());
    }
    let path = wjc_core::compiled::FIRST_PATH;
    (
        format!(
            "\n    <link rel=\"preload\" href=\"{path}\" as=\"fetch\" crossorigin=\"anonymous\">"
        ),
        format!(" data-first=\"{path}\""),
    )
}

/// Writes `path` (creating its folder), returning the bytes written.
fn write_file(
    path: &Path,
    write: impl FnOnce(&mut Counted<io::BufWriter<fs::File>>) -> io::Result<()>,
) -> Result<u64, Failure> {
    let fail = |e: io::Error| files::write_failed(path, &e);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(fail)?;
    }
    let file = fs::File::create(path).map_err(fail)?;
    let mut out = Counted {
        inner: io::BufWriter::new(file),
        bytes: 0,
    };
    write(&mut out).and_then(|()| out.flush()).map_err(fail)?;
    Ok(out.bytes)
}

/// A writer that counts what passes through it.
struct Counted<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}
