//! `wjc site DIR`: finishes the site Trunk built in DIR. Moves Trunk's inline loader into a file
//! (so the pages run under a strict Content-Security-Policy), and writes the list and every
//! profile as static HTML from the dataset the app will load (compiled as `wjc compile` does), for
//! browsers without JavaScript or WebAssembly and for links that open anywhere. The pages are
//! drawn by the app's own components (`without_just_cause::render`); the app takes them over when
//! it starts.

mod html;
mod languages;
mod offline;
mod shell;
mod widget;

use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

use base64::Engine as _;
use sha2::{Digest, Sha384};
use wjc_core::i18n::{self, Lang};
use wjc_core::url_state::{self, ViewState};
use wjc_core::{compiled, Dataset, DATASET_PATH};

use crate::progress::Progress;
use crate::{cli, compile, files, validate, Failure, Settings, Verdict};
use html::Esc;
use without_just_cause::render::StaticSite;

/// The folders of pages this command writes, emptied first so no page outlives its record (and
/// each language's folder of them, `es/`…).
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

    let skipped = loaded.report.skipped();
    let site = StaticSite::new(loaded.dataset, loaded.report);
    let languages = languages::all(site.dataset()).map_err(Failure::Data)?;
    for language in &languages {
        prepare_language(dir, language, site.dataset())?;
    }
    let pages = site.list_pages();
    let (mut bytes, mut profiles, mut first_page) = (0, 0, None);
    let views: Vec<ViewState> = site.views().collect();
    progress.count(views.len() * languages.len(), "writing pages");
    for language in &languages {
        // Every sentence of these pages in this language, as the app says it.
        i18n::speak(language.catalogue.clone());
        for view in &views {
            progress.step();
            profiles += usize::from(view.profile.is_some() && language.lang == Lang::En);
            let english = url_state::static_path(view).unwrap_or_default();
            let view = ViewState {
                lang: (language.lang != Lang::En).then_some(language.lang),
                ..view.clone()
            };
            let Some(page) = site.page(view) else {
                continue;
            };
            let head = languages::alternates(&english, page.depth);
            if page.depth == 0 {
                // Last, so a run that stops half-way leaves Trunk's page and can simply be run
                // again.
                first_page = Some((page, head));
                continue;
            }
            let shell = trunk.shell(page.depth, &loader_file, &integrity, &head);
            let app_url = page.app_url.as_deref().unwrap_or_default();
            bytes += write_file(&dir.join(&page.path), |w| {
                shell.write(
                    w,
                    language.lang,
                    &page.title,
                    &page.description,
                    &format!(" data-app-url=\"{}\"", Esc(app_url)),
                    |w| w.write_all(page.html.as_bytes()),
                )
            })?;
        }
    }
    i18n::speak(None);
    drop(progress);
    if let Some((page, alternates)) = first_page {
        let (head, first) = first_page_markup(lean);
        let root = trunk.shell(0, &loader_file, &integrity, &format!("{alternates}{head}"));
        bytes += write_file(&index, |w| {
            root.write(w, Lang::En, &page.title, &page.description, &first, |w| {
                w.write_all(page.html.as_bytes())
            })
        })?;
    }

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
        let written = widget::write(dir, Path::new(widget_build), &site.dataset().title)?;
        let _ = writeln!(out, "widget: {}", written.join(", "));
    }
    if skipped > 0 {
        let _ = writeln!(
            out,
            "{} left out of the pages, as the app leaves them out (see \"wjc validate {}\")",
            validate::plural(skipped, "record", "records"),
            data.display()
        );
    }
    Ok(Verdict::Clean)
}

/// Empties `language`'s folders of pages (so no page outlives its record) and writes its files
/// for the browser: its messages and the people's summaries in it.
fn prepare_language(
    dir: &Path,
    language: &languages::Language,
    dataset: &Dataset,
) -> Result<(), Failure> {
    let folder = dir.join(url_state::language_folder(Some(language.lang)));
    for pages in PAGE_FOLDERS {
        let path = folder.join(pages);
        if path.exists() {
            fs::remove_dir_all(&path).map_err(|e| files::write_failed(&path, &e))?;
        }
    }
    if let Some(file) = &language.file {
        let path = dir.join(language.lang.catalogue_path());
        write_file(&path, |w| w.write_all(file.as_bytes()))?;
    }
    let translations = dir.join(compiled::translations_path(language.lang));
    match compiled::translations(dataset, language.lang) {
        Some(file) => drop(write_file(&translations, |w| w.write_all(file.as_bytes()))?),
        None if translations.exists() => {
            fs::remove_file(&translations).map_err(|e| files::write_failed(&translations, &e))?;
        }
        None => {}
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use wjc_core::url_state;

    use super::html::{tags, Tag};
    use super::*;

    /// The text and the links' addresses of the first element of `html` that `is` picks, leaving
    /// out buttons (a static page has no code to run them).
    fn part(html: &str, is: impl Fn(&Tag<'_>) -> bool) -> Option<(String, Vec<String>)> {
        let found = tags(html);
        let first = found.iter().position(|t| !t.closing && is(t))?;
        let name = &found[first].name;
        let (mut depth, mut skipping, mut at) = (0_usize, 0_usize, found[first].end);
        let (mut text, mut links) = (String::new(), Vec::new());
        for tag in &found[first..] {
            if skipping == 0 {
                text.push_str(&html[at.min(tag.start)..tag.start]);
            }
            at = tag.end;
            if tag.name == "button" {
                skipping = if tag.closing {
                    skipping - 1
                } else {
                    skipping + 1
                };
            }
            if tag.name == "a" && !tag.closing && skipping == 0 {
                links.extend(tag.attr("href").map(str::to_owned));
            }
            if &tag.name == name {
                depth = if tag.closing { depth - 1 } else { depth + 1 };
                if depth == 0 {
                    break;
                }
            }
        }
        // Leptos' markers for dynamic text are comments, not text.
        let mut plain = String::new();
        let mut rest = text.as_str();
        while let Some(open) = rest.find("<!") {
            plain.push_str(&rest[..open]);
            let close = rest[open..].find('>').map_or(rest.len(), |c| open + c + 1);
            rest = &rest[close..];
        }
        plain.push_str(rest);
        Some((
            plain.split_whitespace().collect::<Vec<_>>().join(" "),
            links,
        ))
    }

    #[test]
    fn every_static_page_says_what_the_app_says_at_the_same_address() {
        let loaded = wjc_core::load(include_str!("../../../assets/data/prisoners.json"))
            .expect("the shipped dataset loads");
        let site = StaticSite::new(loaded.dataset, loaded.report);
        let by_class = |class: &'static str| move |t: &Tag<'_>| t.attr("class") == Some(class);
        let mut pages = 0;
        for view in site.views() {
            let address = url_state::to_fragment(&view);
            let page = site.page(view.clone()).expect("every view has a page");
            let app = site.app_view(&address);
            let body = if view.profile.is_some() {
                "wjc-profile"
            } else {
                "wjc-list__results"
            };
            for class in ["wjc-header", body, "wjc-footer"] {
                let (static_text, static_links) =
                    part(&page.html, by_class(class)).expect("on the static page");
                let (app_text, app_links) = part(&app, by_class(class)).expect("in the app");
                assert!(!static_text.is_empty(), "{address} {class}");
                assert_eq!(static_text, app_text, "{address}: the text of .{class}");
                // Each link goes to the static page of the view the app's link opens.
                let up = "../".repeat(page.depth);
                let expected: Vec<String> = app_links
                    .iter()
                    .map(|href| match href.strip_prefix('#') {
                        Some(_) => {
                            // Attribute values are escaped: `&` is written `&amp;`.
                            let href = href.replace("&amp;", "&");
                            let path = url_state::static_path(&url_state::parse(&href).state);
                            format!("{up}{}", path.expect("a static page for every link"))
                        }
                        None => href.clone(),
                    })
                    .collect();
                assert_eq!(static_links, expected, "{address}: the links of .{class}");
            }
            pages += 1;
        }
        assert_eq!(pages, 2 + 37, "two pages of the list and a page per person");
    }

    /// Letters a reader can tell from English, with the length translations often take.
    fn pseudo(text: &str) -> String {
        let accented: String = text
            .chars()
            .map(|c| match c {
                'a' => 'á',
                'e' => 'é',
                'i' => 'í',
                'o' => 'ö',
                'u' => 'ü',
                'A' => 'Å',
                'E' => 'É',
                'c' => 'ç',
                'n' => 'ñ',
                's' => 'š',
                't' => 'ŧ',
                'r' => 'ŕ',
                'l' => 'ł',
                'd' => 'đ',
                'h' => 'ĥ',
                'g' => 'ğ',
                'y' => 'ý',
                'k' => 'ķ',
                'z' => 'ž',
                'm' => 'ɱ',
                'p' => 'þ',
                'b' => 'ƀ',
                'f' => 'ƒ',
                'w' => 'ŵ',
                'v' => 'ṽ',
                'j' => 'ĵ',
                'x' => 'ẋ',
                'q' => 'ǫ',
                c if c.is_ascii_uppercase() => {
                    char::from_u32(u32::from(c) - u32::from('A') + 0x1D400).unwrap_or(c)
                }
                c => c,
            })
            .collect();
        let longer = "~".repeat(text.chars().count() / 3);
        format!("{accented}{longer}")
    }

    /// The data's words in Cyrillic letters, so any Latin word left on a page is the interface's.
    fn foreign(value: &mut serde_json::Value, key: &str) {
        const FREE_TEXT: &[&str] = &[
            "name",
            "summary",
            "story",
            "title",
            "description",
            "publisher",
            "location",
            "event",
            "aliases",
            "charges",
            "occupations",
            "native_name",
            "text",
            "credit",
            "alt",
            "label",
        ];
        match value {
            serde_json::Value::String(text) if FREE_TEXT.contains(&key) => {
                *text = text
                    .chars()
                    .map(|c| match c {
                        'a'..='z' => {
                            char::from_u32(u32::from(c) - u32::from('a') + 0x430).unwrap_or(c)
                        }
                        'A'..='Z' => {
                            char::from_u32(u32::from(c) - u32::from('A') + 0x410).unwrap_or(c)
                        }
                        c => c,
                    })
                    .collect();
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(|v| foreign(v, key)),
            serde_json::Value::Object(map) => {
                for (k, v) in map.iter_mut() {
                    foreign(v, if k == "translations" { "" } else { k });
                }
            }
            _ => {}
        }
    }

    /// The text a visitor reads or hears: text between tags, and the attributes read aloud or
    /// shown on hover.
    fn readable(html: &str) -> Vec<String> {
        let found = tags(html);
        let mut out = Vec::new();
        let mut at = 0;
        let mut in_script = false;
        for tag in &found {
            if !in_script {
                out.push(html[at..tag.start].to_owned());
            }
            in_script = matches!(tag.name.as_str(), "script" | "style") && !tag.closing;
            for name in ["aria-label", "title", "placeholder", "alt"] {
                out.extend(tag.attr(name).map(str::to_owned));
            }
            at = tag.end;
        }
        out
    }

    #[test]
    fn a_pseudo_language_leaves_no_english_word_on_any_view() {
        let mut data: serde_json::Value =
            serde_json::from_str(include_str!("../../../assets/data/prisoners.json")).unwrap();
        foreign(&mut data, "");
        let loaded = wjc_core::load(&data.to_string()).expect("the shipped dataset loads");
        let site = StaticSite::new(loaded.dataset, loaded.report);
        // English with CLDR's country names, every word changed.
        let countries: serde_json::Map<String, serde_json::Value> = wjc_core::CountryCode::all()
            .map(|c| (format!("country.{}", c.as_str()), c.name().into()))
            .collect();
        let english = include_str!("../../../assets/i18n/en.json");
        let catalogue = wjc_core::i18n::catalogue::Catalogue::merged(
            Lang::Es,
            english,
            &serde_json::Value::Object(countries).to_string(),
        )
        .unwrap()
        .map_texts(Lang::Es, &pseudo);
        i18n::speak(Some(std::rc::Rc::new(catalogue)));
        let mut pages: Vec<(String, String)> = site
            .views()
            .map(|view| {
                let address = url_state::to_fragment(&view);
                (address, site.page(view).expect("a page").html)
            })
            .collect();
        for fragment in ["#/?q=zzzz", "#/?country=IR&status=imprisoned", "#/?page=2"] {
            pages.push((fragment.to_owned(), site.app_view(fragment)));
        }
        i18n::speak(None);
        for (address, html) in pages {
            for text in readable(&html) {
                let text = text.replace("&amp;", "&").replace("&quot;", "\"");
                // Each language is named in itself in the choice of language.
                if Lang::ALL.iter().any(|l| l.autonym() == text.trim()) {
                    continue;
                }
                let english: Vec<&str> = text
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .filter(|word| word.len() >= 3)
                    .collect();
                assert!(english.is_empty(), "{address}: English left in {text:?}");
            }
        }
    }
}
