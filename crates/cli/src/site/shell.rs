//! Trunk's `index.html`, made fit for a strict Content-Security-Policy and cut into a shell that
//! every static page fills in.
//!
//! Trunk writes its module loader as an inline script, which `script-src 'self'` refuses. It has
//! no option to write it to a file, so this moves it to one, content-hashed like Trunk's own files,
//! and checks that nothing else inline is left.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::ops::Range;

use wjc_core::i18n::Lang;

use super::html::{tags, Tag};

/// The policy that every page also carries in a `<meta>` element, for hosts that cannot send
/// headers. `frame-ancestors` only works as a header, so it is left to the server (see
/// docs/deploying.md).
pub const META_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'";

/// Trunk's `index.html`, read and checked.
#[derive(Debug)]
pub struct TrunkPage {
    html: String,
    /// The inline loader element, `<script type="module">…</script>`.
    loader_element: Range<usize>,
    /// The loader's code.
    loader_code: Range<usize>,
    /// Just after `<meta charset>`, where the policy goes.
    after_charset: usize,
    /// The text of `<title>`.
    title: Range<usize>,
    /// The value of `<meta name="description" content>`.
    description: Range<usize>,
    /// Just before the `>` of `<div id="app" …>`.
    app_attrs: usize,
    /// The app element's content (empty in Trunk's output).
    app_content: Range<usize>,
    /// Values of `href` and `src` that are relative to the page.
    relative_urls: Vec<Range<usize>>,
    /// Trunk's `<link rel="preload">` of the WebAssembly file, which the pages leave out (see
    /// [`external_loader`]).
    wasm_preload: Option<Range<usize>>,
    /// `integrity` attributes where HTML does not allow one (Trunk puts one on the icon's link),
    /// with the space before them: left out, so every page is valid HTML.
    stray_integrity: Vec<Range<usize>>,
}

/// The `<link rel>` values that may carry `integrity` (HTML's "link" element); scripts may too.
const INTEGRITY_LINKS: [&str; 3] = ["stylesheet", "preload", "modulepreload"];

/// Reads Trunk's `index.html`. Refuses anything a strict policy would block (inline scripts other
/// than the loader, `<style>`, `style` and `on…` attributes, `javascript:` URLs) and a page
/// without the parts the static pages need.
pub fn read(html: String) -> Result<TrunkPage, String> {
    let found = tags(&html);
    let mut loader = None;
    let (mut after_charset, mut title, mut description, mut app) = (None, None, None, None);
    let mut relative_urls = Vec::new();
    let mut wasm_preload = None;
    let mut stray_integrity = Vec::new();
    for (i, tag) in found.iter().enumerate() {
        if tag.closing {
            continue;
        }
        check_attributes(tag, &mut relative_urls)?;
        match tag.name.as_str() {
            "style" => {
                return Err(
                    "an inline <style> element, which the Content-Security-Policy blocks".into(),
                )
            }
            "script" if tag.attr("src").is_none() => {
                let code = tag.content.clone().unwrap_or(tag.end..tag.end);
                let close = found.get(i + 1).filter(|t| t.closing && t.name == "script");
                match (tag.attr("type"), close, &loader) {
                    (Some("module"), Some(close), None) => loader = Some((tag.start..close.end, code)),
                    _ => return Err("an inline <script> other than Trunk's module loader, which the Content-Security-Policy blocks".into()),
                }
            }
            "link"
                if tag.attr("rel") == Some("preload")
                    && tag.attr("type") == Some("application/wasm") =>
            {
                wasm_preload = Some(tag.start..tag.end);
            }
            "link"
                if !INTEGRITY_LINKS
                    .iter()
                    .any(|rel| tag.attr("rel") == Some(rel)) =>
            {
                stray_integrity.extend(attribute_span(&html, tag, "integrity"));
            }
            "meta" if tag.attr("charset").is_some() => after_charset = Some(tag.end),
            "meta" if tag.attr("name") == Some("description") => {
                description = tag
                    .attrs
                    .iter()
                    .find(|a| a.name == "content")
                    .and_then(|a| a.value.as_ref())
                    .map(|(_, range)| range.clone());
            }
            "title" => {
                title = found
                    .get(i + 1)
                    .filter(|t| t.closing && t.name == "title")
                    .map(|close| tag.end..close.start);
            }
            "div" if tag.attr("id") == Some("app") => {
                app = Some(app_element(&html, tag, found.get(i + 1))?);
            }
            _ => {}
        }
    }
    let missing = |what: &str| format!("it has no {what}");
    let (loader_element, loader_code) =
        loader.ok_or_else(|| missing("inline module loader (is it Trunk's output?)"))?;
    let (app_attrs, app_content) = app.ok_or_else(|| missing("<div id=\"app\">"))?;
    if let Some(preload) = &wasm_preload {
        relative_urls.retain(|url| !preload.contains(&url.start));
    }
    Ok(TrunkPage {
        loader_element,
        loader_code,
        after_charset: after_charset.ok_or_else(|| missing("<meta charset>"))?,
        title: title.ok_or_else(|| missing("<title>"))?,
        description: description.ok_or_else(|| missing("<meta name=\"description\">"))?,
        app_attrs,
        app_content,
        relative_urls,
        wasm_preload,
        stray_integrity,
        html,
    })
}

/// Refuses the attributes a strict policy would block (`style`, `on…`, `javascript:` URLs) and
/// notes where `href` and `src` values relative to the page are.
fn check_attributes(tag: &Tag<'_>, relative_urls: &mut Vec<Range<usize>>) -> Result<(), String> {
    for attr in &tag.attrs {
        if attr.name == "style" || attr.name.starts_with("on") {
            return Err(format!(
                "<{}> has a \"{}\" attribute, which the Content-Security-Policy blocks",
                tag.name, attr.name
            ));
        }
        let Some((value, range)) = &attr.value else {
            continue;
        };
        if matches!(attr.name.as_str(), "href" | "src") {
            if value
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("javascript:")
            {
                return Err(format!("<{}> links to a javascript: URL", tag.name));
            }
            if is_relative(value) {
                relative_urls.push(range.clone());
            }
        }
    }
    Ok(())
}

/// Where the attribute `name="…"` of `tag` is in `html`, with the white space before it.
fn attribute_span(html: &str, tag: &Tag<'_>, name: &str) -> Option<Range<usize>> {
    let (_, value) = tag.attrs.iter().find(|a| a.name == name)?.value.as_ref()?;
    let name_at = tag.start + html[tag.start..value.start].rfind(name)?;
    let start = html[..name_at].trim_end().len();
    let end = value.end + usize::from(matches!(html.as_bytes().get(value.end), Some(b'"' | b'\'')));
    Some(start..end)
}

/// Where attributes go in `<div id="app">` and where its content is; the content must be empty
/// (a page that already has static content was processed before).
fn app_element(
    html: &str,
    open: &Tag<'_>,
    next: Option<&Tag<'_>>,
) -> Result<(usize, Range<usize>), String> {
    let close = next.filter(|t| t.closing && t.name == "div").ok_or("<div id=\"app\"> is not empty: was \"wjc site\" run on it already? Build again with Trunk first")?;
    let content = open.end..close.start;
    if !html[content.clone()].trim().is_empty() {
        return Err("<div id=\"app\"> is not empty: was \"wjc site\" run on it already? Build again with Trunk first".into());
    }
    let self_closing = html[..open.end].ends_with("/>");
    Ok((open.end - 1 - usize::from(self_closing), content))
}

/// True for a URL relative to the page's folder (`./app.css`, `data/x.json`), which must change
/// for pages in a subfolder; false for `/root`, `#fragment`, `//host` and `scheme:` URLs.
fn is_relative(url: &str) -> bool {
    let scheme = url
        .find(':')
        .is_some_and(|colon| !url[..colon].contains(['/', '?', '#']));
    !(url.is_empty() || url.starts_with(['/', '#']) || scheme)
}

impl TrunkPage {
    /// The files Trunk's page links relative to itself (stylesheet, icon, the app's JavaScript
    /// glue), as written there: `./app-….css`.
    pub fn asset_urls(&self) -> impl Iterator<Item = &str> {
        self.relative_urls
            .iter()
            .map(|range| &self.html[range.clone()])
    }

    /// Trunk's loader code.
    pub fn loader_code(&self) -> &str {
        &self.html[self.loader_code.clone()]
    }

    /// The shell for pages `depth` folders below the root (0 for `index.html`, 1 for
    /// `person/x.html`), which loads the external loader `loader_file` with `integrity`, with
    /// `head` (markup) after the policy.
    pub fn shell(&self, depth: usize, loader_file: &str, integrity: &str, head: &str) -> Shell {
        let up = "../".repeat(depth);
        let mut edits: Vec<(Range<usize>, Option<String>)> = vec![
            (
                self.after_charset..self.after_charset,
                Some(format!(
                    "\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{META_POLICY}\">{head}"
                )),
            ),
            // The page's own head markup (share card, feeds) goes right after.
            (self.after_charset..self.after_charset, None),
            (
                self.loader_element.clone(),
                Some(format!(
                    "<script type=\"module\" src=\"{}{loader_file}\" integrity=\"{integrity}\"></script>",
                    if depth == 0 { "./" } else { &up }
                )),
            ),
            (self.title.clone(), None),
            (self.description.clone(), None),
            (self.app_attrs..self.app_attrs, None),
            (self.app_content.clone(), None),
        ];
        let left_out = self.wasm_preload.iter().chain(&self.stray_integrity);
        edits.extend(left_out.map(|range| (range.clone(), Some(String::new()))));
        if depth > 0 {
            edits.extend(self.relative_urls.iter().map(|range| {
                let url = &self.html[range.clone()];
                (
                    range.clone(),
                    Some(format!("{up}{}", url.strip_prefix("./").unwrap_or(url))),
                )
            }));
        }
        edits.sort_by_key(|(range, _)| (range.start, range.end));
        let mut parts = Vec::with_capacity(6);
        let mut current = String::new();
        let mut at = 0;
        for (range, replacement) in edits {
            current.push_str(&self.html[at..range.start]);
            match replacement {
                Some(text) => current.push_str(&text),
                None => parts.push(std::mem::take(&mut current)),
            }
            at = range.end;
        }
        current.push_str(&self.html[at..]);
        parts.push(current);
        Shell { parts }
    }
}

/// A page with five holes, in order: markup for the head, the title, the description, attributes
/// of the app element, and its content.
pub struct Shell {
    parts: Vec<String>,
}

impl Shell {
    /// Writes a page in `lang` (`<html lang dir>`) with `head`, markup for the head (values
    /// already escaped); `title` and `description` are escaped here; `app_attrs` is markup
    /// (` data-x="…"`, values already escaped); `content` writes the app element's content.
    pub fn write<W: Write>(
        &self,
        out: &mut W,
        (lang, head): (Lang, &str),
        title: &str,
        description: &str,
        app_attrs: &str,
        content: impl FnOnce(&mut W) -> io::Result<()>,
    ) -> io::Result<()> {
        use super::html::Esc;
        // Trunk's page is English, the site's own language.
        let html = format!("<html lang=\"{}\" dir=\"{}\">", lang.tag(), lang.dir());
        write!(
            out,
            "{}{head}{}{}{}{}{}{app_attrs}{}",
            self.parts[0].replacen(TRUNK_HTML, &html, 1),
            self.parts[1],
            Esc(title),
            self.parts[2],
            Esc(description),
            self.parts[3],
            self.parts[4]
        )?;
        content(out)?;
        out.write_all(self.parts[5].as_bytes())
    }
}

/// The root element of Trunk's page (index.html), which each page writes with its language.
const TRUNK_HTML: &str = "<html lang=\"en\">";

/// The external loader, and the WebAssembly file it starts, relative to the site's root.
pub struct Loader {
    /// The loader's code.
    pub code: String,
    /// The app's WebAssembly file (`./without-just-cause-…_bg.wasm`).
    pub wasm: String,
}

/// The external loader: Trunk's code, run only where WebAssembly exists, so a browser without it
/// (Tor Browser at "Safer") keeps the static page instead of an error; fetching the wasm file
/// relative to the loader rather than the page, so pages in subfolders can start the app too; only
/// once the browser has painted the static page (see [`WAIT_FOR_FIRST_PAINT`]); and, once the app
/// runs, registering the service worker that keeps its files for offline reloads
/// ([`REGISTER_SERVICE_WORKER`]); and, without WebAssembly, showing the static page's note that it
/// is needed ([`WITHOUT_WEBASSEMBLY`]).
pub fn external_loader(code: &str) -> Result<Loader, String> {
    const PATH_KEY: &str = "module_or_path: '";
    let changed =
        || "Trunk's loader is not as expected (a Trunk upgrade?); update `wjc site`".to_owned();
    let (imports, body): (Vec<&str>, Vec<&str>) = code
        .lines()
        .filter(|line| !line.trim().is_empty())
        .partition(|line| line.trim_start().starts_with("import "));
    let body = body.join("\n");
    if imports.is_empty() || body.matches(PATH_KEY).count() != 1 {
        return Err(changed());
    }
    let start = body.find(PATH_KEY).ok_or_else(changed)? + PATH_KEY.len();
    let end = body[start..].find('\'').ok_or_else(changed)? + start;
    let mut out = String::from(
        "// Written by `wjc site` from Trunk's inline loader: a file, so pages need no inline script.\n",
    );
    for line in imports {
        let _ = writeln!(out, "{}", line.trim());
    }
    out.push_str(
        "// Without WebAssembly the app cannot run: the page's static rendering stays, with its note.\n\
         if (typeof WebAssembly === 'object') {\n",
    );
    out.push_str(WAIT_FOR_FIRST_PAINT);
    let wasm = &body[start..end];
    let body = format!(
        "{}new URL('{wasm}', import.meta.url){}",
        &body[..start - 1],
        &body[end + 1..]
    );
    for line in body.lines() {
        let _ = writeln!(out, "  {}", line.trim());
    }
    out.push_str(REGISTER_SERVICE_WORKER);
    out.push_str(WITHOUT_WEBASSEMBLY);
    Ok(Loader {
        code: out,
        wasm: wasm.to_owned(),
    })
}

/// The loader's last step, once the app runs: the service worker (`sw.js`, written by
/// [`super::offline`]) for the whole site, whose root is the loader's folder.
pub const REGISTER_SERVICE_WORKER: &str = "  // Keeps the app's files and the pages opened, so the site reloads with no network (docs/privacy.md).
  if ('serviceWorker' in navigator) {
    const root = new URL('./', import.meta.url);
    navigator.serviceWorker.register(new URL('sw.js', root), { scope: root.href }).catch(() => {});
  }
";

/// The loader's other branch, where the browser has no WebAssembly: the static page shows its note
/// that searching and filtering need it (hidden by the stylesheet wherever scripts can run, so
/// that it never shows first and then goes as the app starts, moving the list).
pub const WITHOUT_WEBASSEMBLY: &str = "} else {
  document.documentElement.classList.add('wjc-no-wasm');
}
";

/// The loader's first step: wait until the browser reports the first contentful paint (at most
/// half a second; not at all where paint timing is unavailable).
///
/// Why: the static page is the visitor's first view and needs nothing else. Fetched at once (as
/// Trunk's loader and its preload in the head do), the app's code shares the connection and the
/// main thread with that first paint. A fast machine then has the app running before the browser
/// has reported the paint, and replacing the static page makes Chrome forget it: the paint
/// metrics credit the app's copy of the page, after its download and start-up.
pub const WAIT_FOR_FIRST_PAINT: &str = "  // The static page is painted first; the app's code is downloaded after that.
  if (typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    await new Promise((painted) => {
      const done = () => { clearTimeout(timer); observer.disconnect(); painted(); };
      const timer = setTimeout(done, 500);
      const observer = new PerformanceObserver((entries) => {
        if (entries.getEntriesByName('first-contentful-paint').length) done();
      });
      observer.observe({ type: 'paint', buffered: true });
    });
  }
";

#[cfg(test)]
mod tests {
    use super::*;

    /// Trunk 0.21.14's output for this project's index.html, shortened.
    const TRUNK_INDEX: &str = r#"<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Without Just Cause</title>
    <meta name="description" content="Stories of people.">
    <link rel="stylesheet" href="./app-a726784b260a5a3f.css" integrity="sha384-Phy"/>
    <link rel="icon" href="./favicon-686a7adc4fd77041.svg" integrity="sha384-tnb"/>
<script type="module">
import init, * as bindings from './without-just-cause-358f066cfa2fdbed.js';
const wasm = await init({ module_or_path: './without-just-cause-358f066cfa2fdbed_bg.wasm' });


window.wasmBindings = bindings;


dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));

</script>
  <link rel="modulepreload" href="./without-just-cause-358f066cfa2fdbed.js" crossorigin="anonymous" integrity="sha384-srN"><link rel="preload" href="./without-just-cause-358f066cfa2fdbed_bg.wasm" crossorigin="anonymous" integrity="sha384-ass" as="fetch" type="application/wasm"></head>
  <body>
    <!-- The app mounts here. -->
    <div id="app" class="wjc-app"></div>
  </body>
</html>"#;

    fn page(shell: &Shell, title: &str) -> String {
        let mut out = Vec::new();
        shell
            .write(
                &mut out,
                (Lang::Ar, ""),
                title,
                "D & <d>",
                " data-x=\"1\"",
                |w| w.write_all(b"<p>static</p>"),
            )
            .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn moves_trunks_loader_to_a_file_and_leaves_no_inline_script() {
        let trunk = read(TRUNK_INDEX.to_owned()).unwrap();
        let html = page(&trunk.shell(0, "loader-abc.js", "sha384-xyz", ""), "T <1>");
        assert!(!html.contains("await init"), "{html}");
        assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{html}");
        assert!(html.contains(
            "<script type=\"module\" src=\"./loader-abc.js\" integrity=\"sha384-xyz\"></script>"
        ));
        // Trunk's preload of the small JS glue stays as it was; the WebAssembly file's is left
        // out, so the static page is painted first.
        assert!(html.contains("<link rel=\"modulepreload\" href=\"./without-just-cause-358f066cfa2fdbed.js\" crossorigin=\"anonymous\" integrity=\"sha384-srN\"></head>"));
        assert!(!html.contains("_bg.wasm"), "{html}");
        assert!(html.contains("<title>T &lt;1&gt;</title>"));
        // HTML allows `integrity` on stylesheets and preloads, not on the icon's link.
        assert!(html.contains("<link rel=\"icon\" href=\"./favicon-686a7adc4fd77041.svg\"/>"));
        assert!(html.contains("<link rel=\"stylesheet\" href=\"./app-a726784b260a5a3f.css\" integrity=\"sha384-Phy\"/>"));
        assert!(html.contains("content=\"D &amp; &lt;d&gt;\""));
        assert!(html.contains("<div id=\"app\" class=\"wjc-app\" data-x=\"1\"><p>static</p></div>"));
        assert!(html.contains(&format!("<meta charset=\"utf-8\">\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{META_POLICY}\">")));
        let scripts: Vec<_> = tags(&html)
            .into_iter()
            .filter(|t| t.name == "script" && !t.closing)
            .collect();
        assert_eq!(scripts.len(), 1);
        assert!(scripts[0].attr("src").is_some());
        // What was written can be read again, so the checks hold for the output too, but a
        // second run is refused because the app element is no longer empty.
        assert!(read(html).unwrap_err().contains("not empty"));
    }

    #[test]
    fn pages_in_a_subfolder_reach_the_assets_one_level_up() {
        let trunk = read(TRUNK_INDEX.to_owned()).unwrap();
        let html = page(&trunk.shell(1, "loader-abc.js", "sha384-xyz", ""), "T");
        assert!(html.contains("href=\"../app-a726784b260a5a3f.css\""));
        assert!(html.contains("href=\"../favicon-686a7adc4fd77041.svg\""));
        assert!(html.contains("href=\"../without-just-cause-358f066cfa2fdbed.js\""));
        assert!(html.contains("src=\"../loader-abc.js\""));
        assert!(!html.contains("\"./"), "{html}");
    }

    #[test]
    fn the_external_loader_runs_trunks_code_only_with_webassembly_and_says_when_it_is_missing() {
        let trunk = read(TRUNK_INDEX.to_owned()).unwrap();
        let Loader { code: loader, wasm } = external_loader(trunk.loader_code()).unwrap();
        assert_eq!(wasm, "./without-just-cause-358f066cfa2fdbed_bg.wasm");
        assert!(loader.starts_with("// Written by `wjc site`"));
        let lines: Vec<&str> = loader.lines().collect();
        assert_eq!(
            lines[1],
            "import init, * as bindings from './without-just-cause-358f066cfa2fdbed.js';"
        );
        assert!(loader.contains(&format!("if (typeof WebAssembly === 'object') {{\n{WAIT_FOR_FIRST_PAINT}  const wasm = await init({{ module_or_path: new URL('./without-just-cause-358f066cfa2fdbed_bg.wasm', import.meta.url) }});")), "{loader}");
        assert!(loader.contains("  dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\""));
        assert!(
            loader.ends_with(&format!("{REGISTER_SERVICE_WORKER}{WITHOUT_WEBASSEMBLY}")),
            "{loader}"
        );
        assert!(external_loader("console.log(1)").is_err());
    }

    #[test]
    fn refuses_what_a_strict_policy_would_block() {
        let with = |from: &str, to: &str| read(TRUNK_INDEX.replacen(from, to, 1));
        let cases = [
            (
                "<body>",
                "<body><script>alert(1)</script>",
                "inline <script>",
            ),
            ("<body>", "<body><style>p{}</style>", "<style>"),
            (
                "<body>",
                "<body style=\"color:red\">",
                "\"style\" attribute",
            ),
            ("<body>", "<body onload=\"x()\">", "\"onload\" attribute"),
            (
                "<body>",
                "<body><a href=\" JavaScript:x()\">x</a>",
                "javascript:",
            ),
            (
                "<div id=\"app\" class=\"wjc-app\"></div>",
                "",
                "<div id=\"app\">",
            ),
            ("<title>Without Just Cause</title>", "", "<title>"),
            (
                "<script type=\"module\">",
                "<script type=\"module\" src=\"x.js\">",
                "loader",
            ),
        ];
        for (from, to, message) in cases {
            let error = with(from, to).err().unwrap_or_default();
            assert!(error.contains(message), "{to}: {error}");
        }
    }

    #[test]
    fn tells_relative_urls_from_others() {
        for url in ["./a.css", "a.css", "data/x.json", "a/b:c"] {
            assert!(is_relative(url), "{url}");
        }
        for url in [
            "",
            "/a.css",
            "#x",
            "https://x.org/",
            "data:image/png,x",
            "//host/x",
        ] {
            assert!(!is_relative(url), "{url}");
        }
    }
}
