//! `wjc site DIR`: finishes the site Trunk built in DIR. Moves Trunk's inline loader into a file
//! (so the pages run under a strict Content-Security-Policy), and writes the list and every
//! profile as static HTML from the dataset the app will load (compiled as `wjc compile` does), for
//! browsers without JavaScript or WebAssembly and for links that open anywhere. The pages are
//! drawn by the app's own components (`without_just_cause::render`); the app takes them over when
//! it starts.

mod card;
mod feed;
mod html;
mod languages;
mod offline;
mod shell;
mod widget;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

use base64::Engine as _;
use sha2::{Digest, Sha384};
use wjc_core::i18n::{self, Lang};
use wjc_core::url_state::{self, ViewState};
use wjc_core::{compiled, Dataset, HttpUrl, Person, DATASET_PATH};

use crate::progress::Progress;
use crate::{cli, compile, files, validate, Failure, Settings, Verdict};
use html::Esc;
use without_just_cause::render::{self as render_page, StaticSite};

/// The folders of pages this command writes, emptied first so no page outlives its record (and
/// each language's folder of pages, `es/`…).
const PAGE_FOLDERS: [&str; 5] = ["person", "list", "share", "qr", "feeds"];

/// Runs `wjc site`.
// One pass over the pages, in the order they must be written; each step is a helper below.
#[allow(clippy::too_many_lines)]
pub fn run(args: &cli::Site, out: &mut String, settings: &Settings) -> Result<Verdict, Failure> {
    let dir = Path::new(&args.dir);
    // The very file the app downloads, so the static pages can never disagree with it.
    let data = dir.join(DATASET_PATH);
    let progress = Progress::for_file(settings, &data, "reading the data");
    let base = site_base(args.address.as_deref())?;
    let Some(mut loaded) = validate::read_and_load(&data.to_string_lossy(), out)? else {
        return Ok(Verdict::Problems);
    };
    make_public(&data, &mut loaded.dataset)?;
    let lean = compile::write(dir, &loaded, out, &progress)?;
    let index = dir.join("index.html");
    let index_name = index.to_string_lossy().into_owned();
    let trunk = shell::read(files::read_text(&index_name)?)
        .map_err(|e| Failure::Data(format!("{index_name}: {e}")))?;
    let (loader_file, integrity) = write_loader(dir, &trunk, &index_name)?;

    let skipped = loaded.report.skipped();
    let site = StaticSite::new(loaded.dataset, loaded.report).with_qr_codes(!base.is_empty());
    let qr_attr = if base.is_empty() { "" } else { " data-qr" }; // the app's QR codes too
    let languages = languages::all(site.dataset()).map_err(Failure::Data)?;
    for language in &languages {
        prepare_language(dir, language, site.dataset())?;
    }
    // Pages in folders: `person/x.html` and `es/index.html`, one deep; `es/person/x.html`, two.
    let nested = [1, 2].map(|depth| trunk.shell(depth, &loader_file, &integrity, ""));
    let pages = site.list_pages();
    let (mut bytes, mut profiles, mut first_page) = (0, 0, None);
    let views: Vec<ViewState> = site.views().collect();
    progress.count(views.len() * languages.len(), "writing pages");
    let (painter, person_images) = painters(args.images, site.dataset())?;
    let person_painter = painter.as_ref().filter(|_| person_images);
    let (started, mut made) = (std::time::Instant::now(), (0, 0));
    let by_id: HashMap<&str, &Person> = site
        .dataset()
        .people
        .iter()
        .map(|p| (p.id.as_str(), p))
        .collect();
    for language in &languages {
        // Every sentence of these pages in this language, as the app says it.
        i18n::speak(language.catalogue.clone());
        for view in &views {
            progress.step();
            let english = language.lang == Lang::En;
            profiles += usize::from(view.profile.is_some() && english);
            let person = view
                .profile
                .as_deref()
                .and_then(|id| by_id.get(id).copied());
            let same_page = url_state::static_path(view).unwrap_or_default();
            let view = ViewState {
                lang: (!english).then_some(language.lang),
                ..view.clone()
            };
            let Some(page) = site.page(view) else {
                continue;
            };
            if let (Some(person), true) = (person, english) {
                write_person_files(dir, person_painter, &base, &page.path, person, &mut made)?;
            }
            let head = page_head(&base, &page, person, person_images, site.dataset())
                + &languages::alternates(&same_page, page.depth);
            if page.depth == 0 {
                // Last, so a run that stops half-way leaves Trunk's page and can simply be run
                // again.
                first_page = Some((page, head));
                continue;
            }
            let app_url = page.app_url.as_deref().unwrap_or_default();
            bytes += write_file(&dir.join(&page.path), |w| {
                nested[page.depth - 1].write(
                    w,
                    (language.lang, &head),
                    &page.title,
                    &page.description,
                    &format!(" data-app-url=\"{}\"{qr_attr}", Esc(app_url)),
                    |w| w.write_all(page.html.as_bytes()),
                )
            })?;
        }
    }
    i18n::speak(None);
    drop(progress);
    if let Some((page, page_head)) = first_page {
        let (head, first) = first_page_markup(lean);
        let root = trunk.shell(0, &loader_file, &integrity, &head);
        let attrs = format!("{first}{qr_attr}");
        bytes += write_file(&index, |w| {
            root.write(
                w,
                (Lang::En, &page_head),
                &page.title,
                &page.description,
                &attrs,
                |w| w.write_all(page.html.as_bytes()),
            )
        })?;
    }
    let feeds = write_site_card_and_feeds(dir, painter.as_ref(), &base, site.dataset())?;
    let shared_card = painter.is_some() && !person_images;
    let seconds = started.elapsed().as_secs_f64();
    report_cards(
        out,
        (made.0, made.1, feeds),
        seconds,
        base.is_empty(),
        shared_card,
    );

    report_pages(out, dir, (pages, profiles), bytes, &loader_file);
    if let Some(widget_build) = &args.widget {
        let unavailable = languages::in_each(&languages, wjc_core::text::embed::UNAVAILABLE);
        let written = widget::write(
            dir,
            Path::new(widget_build),
            &site.dataset().title,
            &unavailable,
        )?;
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

/// Says which pages were written: (list pages, profiles), their bytes, the loader's name.
fn report_pages(
    out: &mut String,
    dir: &Path,
    (pages, profiles): (usize, usize),
    bytes: u64,
    loader_file: &str,
) {
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
}

/// The painter of share images (none with `--images none`), and whether each profile gets its
/// own image: drawing takes about 30 ms an image, so by default a large list's profiles share the
/// site card.
fn painters(
    images: cli::Images,
    dataset: &Dataset,
) -> Result<(Option<card::Painter>, bool), Failure> {
    let painter = match images {
        cli::Images::None => None,
        _ => Some(card::Painter::new(&dataset.title).map_err(Failure::Data)?),
    };
    let each = match images {
        cli::Images::Auto => dataset.people.len() <= card::EACH_UP_TO,
        cli::Images::Profiles => true,
        cli::Images::None => false,
    };
    Ok((painter, each))
}

/// Makes every output below show people only as their visibility level allows, the data file
/// visitors can download (`data`) included, which is rewritten when anyone is restricted.
fn make_public(data: &Path, dataset: &mut Dataset) -> Result<(), Failure> {
    if wjc_core::visibility::any_restricted(dataset) {
        *dataset = wjc_core::visibility::public(dataset).into_owned();
        let json = serde_json::to_string_pretty(dataset).unwrap_or_default() + "\n";
        write_file(data, |w| w.write_all(json.as_bytes()))?;
    }
    Ok(())
}

/// Says what was made for sharing and following: (images, QR codes, feeds), whether profiles
/// share the site card, and what a build without the site's address lacks.
fn report_cards(
    out: &mut String,
    made: (usize, usize, usize),
    seconds: f64,
    relative: bool,
    shared_card: bool,
) {
    if shared_card {
        let _ = writeln!(
            out,
            "no share image per profile for more than {} people (about 30 ms each): their pages show the site card (--images profiles draws them all)",
            card::EACH_UP_TO
        );
    }
    let (images, codes, feeds) = made;
    let _ = writeln!(
        out,
        "share cards: {} (1200×630 PNG, {seconds:.1} s), {}; feeds: {feeds} (feeds/all.atom and one per country)",
        validate::plural(images, "image", "images"),
        validate::plural(codes, "QR code", "QR codes"),
    );
    if relative {
        let _ = writeln!(
            out,
            "no --site-url (make dist SITE_URL=https://…/): addresses are relative, so links shared in \
             apps show no card and profiles print no QR code"
        );
    }
}

/// Writes a person's share image (with a painter) and QR code (with the site's address `base`),
/// counting them in `made`. `path` is their page's, from the site's root.
fn write_person_files(
    dir: &Path,
    painter: Option<&card::Painter>,
    base: &str,
    path: &str,
    person: &Person,
    made: &mut (usize, usize),
) -> Result<(), Failure> {
    if let Some(painter) = painter {
        made.0 += 1;
        let png = painter
            .png(&card::person_svg(person, painter.site()))
            .map_err(|e| Failure::Data(format!("share image of {}: {e}", person.id)))?;
        write_file(&dir.join(card::image_path(&person.id)), |w| {
            w.write_all(&png)
        })?;
    }
    if !base.is_empty() {
        made.1 += 1;
        let qr = card::qr_svg(&format!("{base}{path}")).map_err(Failure::Data)?;
        write_file(&dir.join(card::qr_path(&person.id)), |w| {
            w.write_all(qr.as_bytes())
        })?;
    }
    Ok(())
}

/// Writes the list's site card (with a painter) and the feeds; returns how many feeds.
fn write_site_card_and_feeds(
    dir: &Path,
    painter: Option<&card::Painter>,
    base: &str,
    dataset: &Dataset,
) -> Result<usize, Failure> {
    if let Some(painter) = painter {
        let png = painter
            .png(&card::site_svg(dataset))
            .map_err(|e| Failure::Data(format!("the site card: {e}")))?;
        write_file(&dir.join(card::SITE_IMAGE), |w| w.write_all(&png))?;
    }
    let feeds = feed::feeds(dataset, base);
    for (path, xml) in &feeds {
        write_file(&dir.join(path), |w| w.write_all(xml.as_bytes()))?;
    }
    Ok(feeds.len())
}

/// The site's address from `--site-url`, ending in `/` (only http(s)); empty without one.
fn site_base(url: Option<&str>) -> Result<String, Failure> {
    let Some(url) = url.filter(|u| !u.is_empty()) else {
        return Ok(String::new());
    };
    let url = HttpUrl::parse(url).ok_or_else(|| {
        Failure::Misuse(format!(
            "--site-url \"{url}\" must be an address starting with https:// or http://"
        ))
    })?;
    let url = url.as_str();
    Ok(if url.ends_with('/') {
        url.to_owned()
    } else {
        format!("{url}/")
    })
}

/// The head of a static page: its canonical address, its share card (Open Graph and Twitter)
/// and its feeds (the list's, and on a profile the person's country's). `person` is the
/// profile's person; without an image of their own (`own_image`) a profile shows the site card. Addresses are absolute
/// with the site's address `base`, relative to the page without it.
fn page_head(
    base: &str,
    page: &render_page::StaticPage,
    person: Option<&Person>,
    own_image: bool,
    dataset: &Dataset,
) -> String {
    let up = "../".repeat(page.depth);
    let at = |path: &str| {
        if base.is_empty() {
            format!("{up}{path}")
        } else {
            format!("{base}{path}")
        }
    };
    // The list's first page is the site's own address, when there is one.
    let canonical = if page.path == "index.html" && !base.is_empty() {
        base.to_owned()
    } else {
        at(&page.path)
    };
    let title = person.map_or(dataset.title.as_str(), |p| p.name.as_str());
    let image = match person {
        Some(p) if own_image => card::image_path(&p.id),
        _ => card::SITE_IMAGE.to_owned(),
    };
    let mut head = String::new();
    let _ = write!(
        head,
        "\n    <link rel=\"canonical\" href=\"{canonical}\">\
         \n    <meta property=\"og:type\" content=\"{kind}\">\
         \n    <meta property=\"og:site_name\" content=\"{site}\">\
         \n    <meta property=\"og:title\" content=\"{title}\">\
         \n    <meta property=\"og:description\" content=\"{description}\">\
         \n    <meta property=\"og:url\" content=\"{canonical}\">\
         \n    <meta property=\"og:image\" content=\"{image}\">\
         \n    <meta property=\"og:image:width\" content=\"{w}\">\
         \n    <meta property=\"og:image:height\" content=\"{h}\">\
         \n    <meta name=\"twitter:card\" content=\"summary_large_image\">\
         \n    <link rel=\"alternate\" type=\"application/atom+xml\" title=\"{feed_title}\" href=\"{feed}\">",
        canonical = Esc(&canonical),
        kind = if person.is_some() { "profile" } else { "website" },
        site = Esc(&dataset.title),
        title = Esc(title),
        description = Esc(&page.description),
        image = Esc(&at(&image)),
        w = card::WIDTH,
        h = card::HEIGHT,
        feed_title = Esc(&wjc_core::text::case::FEED_LINK.text()),
        feed = Esc(&at(feed::ALL)),
    );
    if let Some(p) = person {
        let _ = write!(
            head,
            "\n    <link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}\">",
            Esc(&wjc_core::text::case::feed_country_link(p.country.name())),
            Esc(&at(&feed::country_path(p.country)))
        );
    }
    head
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
    // Every language but English has the file, empty (`{}`) when nobody's summary is translated
    // into it, so choosing a language never meets a missing file.
    if language.lang != Lang::En {
        let file = compiled::translations(dataset, language.lang).unwrap_or_else(|| "{}".into());
        let path = dir.join(compiled::translations_path(language.lang));
        write_file(&path, |w| w.write_all(file.as_bytes()))?;
    }
    Ok(())
}

/// The app's WebAssembly file's name without its hash (Cargo's binary).
const APP_BIN: &str = "without-just-cause";

/// The files scripts/split-wasm.mjs wrote into `dir` for the binary `bin`: the modules of its
/// split points and their loader (`split-{bin}-…`), which the main module fetches when needed.
fn split_modules(dir: &Path, bin: &str) -> Result<Vec<String>, Failure> {
    let prefix = format!("split-{bin}-");
    let entries = fs::read_dir(dir).map_err(|e| {
        Failure::Misuse(format!(
            "cannot read \"{}\": {}",
            dir.display(),
            files::describe(&e)
        ))
    })?;
    let mut found: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.starts_with(&prefix))
        .collect();
    found.sort();
    Ok(found)
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
    // The split points' modules too: opened with no network, the map and profiles still work.
    let modules = split_modules(dir, APP_BIN)?;
    let app_files = [loader_file.as_str(), &wasm, wjc_core::map::WORLD_PATH];
    offline::write(
        dir,
        trunk
            .asset_urls()
            .chain(app_files)
            .chain(modules.iter().map(String::as_str)),
    )?;
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
            "hashtags",
            "address",
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
        // Somebody to write to, so the list has its letters filter.
        data["people"][0]["actions"] = serde_json::json!([
            {"kind": "write_letter", "text": "Write to him.", "address": "Somewhere"}
        ]);
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
        for fragment in [
            "#/?q=zzzz",
            "#/?country=IR&status=imprisoned",
            "#/?page=2",
            "#/?letters=yes",
        ] {
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
