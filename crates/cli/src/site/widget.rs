//! The embeddable widget's files, written next to the site by `wjc site DIR --widget WIDGET`:
//!
//! - `widget.js`, `embed.html` and `embed.js` keep their addresses, since partners paste them into
//!   their pages; everything they load is content-hashed (`wjc-widget-….js`, `…_bg.wasm`,
//!   `widget-….css`, `embed-frame-….js`, `embed-frame-….css`), so a release reaches partners' pages
//!   as soon as the short cache of those three files runs out.
//! - The widget's stylesheet is the app's, adapted to a shadow root ([`shadow_css`]), followed by
//!   `widget.css`.

use std::fs;
use std::path::Path;

use sha2::{Digest, Sha384};
use wjc_core::embed::attribute_names;
use wjc_core::html::Esc;

use super::shell::META_POLICY;
use crate::{files, Failure};

/// The `type` of the height messages the embed page posts to its parent.
const HEIGHT_MESSAGE: &str = "wjc-embed:height";
/// The `type` of the message with which `embed.js` asks frames that loaded before it for their
/// height.
const ASK_MESSAGE: &str = "wjc-embed:ask";

/// Writes the widget's files into `dir` from Trunk's widget build in `widget`, with `unavailable`
/// (a JSON object by language tag) as what the widget says when it cannot start; returns their
/// names, for the command's report.
pub fn write(
    dir: &Path,
    widget: &Path,
    site_title: &str,
    unavailable: &str,
) -> Result<Vec<String>, Failure> {
    let glue = find_one(widget, "wjc-widget-", ".js")?;
    let wasm = find_one(widget, "wjc-widget-", "_bg.wasm")?;
    let modules = super::split_modules(widget, "wjc-widget")?;
    for name in [&glue, &wasm].into_iter().chain(&modules) {
        fs::copy(widget.join(name), dir.join(name))
            .map_err(|e| files::write_failed(&dir.join(name), &e))?;
    }
    let read = |name: &str| files::read_text(&widget.join(name).to_string_lossy());
    let css = shadow_css(&read("app.css")?)
        .map_err(|e| Failure::Data(format!("{}: {e}", widget.join("app.css").display())))?
        + &read("widget.css")?;

    let attributes = js_array(&attribute_names());
    let mut written = Vec::new();
    let mut put = |name: String, text: &str| -> Result<String, Failure> {
        let path = dir.join(&name);
        fs::write(&path, text).map_err(|e| files::write_failed(&path, &e))?;
        written.push(name.clone());
        Ok(name)
    };
    let css_file = put(hashed("widget", "css", &css), &css)?;
    let frame_css_text = include_str!("embed/embed-frame.css");
    let frame_css = put(hashed("embed-frame", "css", frame_css_text), frame_css_text)?;
    let frame_js_text = include_str!("embed/embed-frame.js")
        .replace("__ATTRIBUTES__", &attributes)
        .replace("__MESSAGE__", HEIGHT_MESSAGE)
        .replace("__ASK__", ASK_MESSAGE);
    let frame_js = put(hashed("embed-frame", "js", &frame_js_text), &frame_js_text)?;
    put(
        "widget.js".into(),
        &include_str!("embed/widget.js")
            .replace("__GLUE__", &glue)
            .replace("__WASM__", &wasm)
            .replace("__CSS__", &css_file)
            .replace("__ATTRIBUTES__", &attributes)
            .replace("__UNAVAILABLE__", unavailable),
    )?;
    put(
        "embed.js".into(),
        &include_str!("embed/embed.js")
            .replace("__MESSAGE__", HEIGHT_MESSAGE)
            .replace("__ASK__", ASK_MESSAGE),
    )?;
    put(
        "embed.html".into(),
        &include_str!("embed/embed.html")
            .replace("__POLICY__", META_POLICY)
            .replace("__TITLE__", &Esc(site_title).to_string())
            .replace("__FRAME_CSS__", &frame_css)
            .replace("__FRAME_JS__", &frame_js),
    )?;
    written.extend([glue, wasm]);
    written.extend(modules);
    Ok(written)
}

/// The one file in `dir` named `{prefix}…{suffix}`.
fn find_one(dir: &Path, prefix: &str, suffix: &str) -> Result<String, Failure> {
    let entries = fs::read_dir(dir).map_err(|e| {
        Failure::Data(format!(
            "{}: {e} (is it Trunk's widget build?)",
            dir.display()
        ))
    })?;
    let mut found: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with(prefix) && n.ends_with(suffix))
        .collect();
    match found.len() {
        1 => Ok(found.remove(0)),
        n => Err(Failure::Data(format!(
            "{}: expected one {prefix}…{suffix}, found {n}",
            dir.display()
        ))),
    }
}

/// `{stem}-{first 16 hex digits of the SHA-384}.{extension}`, like Trunk's own names.
fn hashed(stem: &str, extension: &str, text: &str) -> String {
    let digest = Sha384::digest(text.as_bytes());
    format!("{stem}-{}.{extension}", super::hex(&digest[..8]))
}

/// A JavaScript string literal (JSON's rules, which are JavaScript's).
fn js_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

fn js_array(items: &[&str]) -> String {
    format!(
        "[{}]",
        items
            .iter()
            .map(|i| js_string(i))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// The app's stylesheet adapted to the widget's shadow root, where the partner's page is the
/// document:
///
/// - `:root` becomes `:host`, so the theme's custom properties sit on the element, where the
///   partner's own rules for `wjc-widget` can override them;
/// - the dark theme applies when the system prefers it unless `theme="light"`, and always with
///   `theme="dark"`;
/// - `rem` (the partner's root font size, often changed by resets) becomes `var(--wjc-rem)`, set
///   by the widget; in `@media` width conditions, which become `@container` conditions on the
///   widget's own width, it becomes `em` of the widget.
pub fn shadow_css(app: &str) -> Result<String, String> {
    const DARK: &str = "@media (prefers-color-scheme: dark) {";
    let css = app.replace(":root", ":host");
    let start = css.find(DARK).ok_or("no dark theme block")?;
    let inner_start = start + DARK.len();
    let open = css[inner_start..]
        .find(":host {")
        .map(|i| inner_start + i + ":host {".len())
        .ok_or("the dark theme block has no :root rule")?;
    let close = css[open..]
        .find('}')
        .map(|i| open + i)
        .ok_or("unclosed rule")?;
    let end = css[close + 1..]
        .find('}')
        .map(|i| close + 1 + i + 1)
        .ok_or("unclosed @media block")?;
    let declarations = &css[open..close];
    let dark = format!(
        "{DARK}\n  :host(:not([theme=light i])) {{{declarations}}}\n}}\n:host([theme=dark i]) {{{declarations}}}"
    );
    let css = format!("{}{dark}{}", &css[..start], &css[end..]);
    Ok(convert_rem(&css))
}

/// Replaces `rem` lengths: `em` in `@media` (then `@container`) width conditions,
/// `calc(N * var(--wjc-rem))` elsewhere.
fn convert_rem(css: &str) -> String {
    let mut out = String::with_capacity(css.len() * 2);
    for line in css.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let width_query =
            trimmed.starts_with("@media (min-width") || trimmed.starts_with("@media (max-width");
        let line = if width_query {
            line.replacen("@media", "@container", 1)
        } else {
            line.to_owned()
        };
        // Only a prelude's own conditions are lengths of the container; a rule on the same line
        // after the `{` is ordinary.
        let (prelude, rest) = if width_query {
            line.split_at(line.find('{').unwrap_or(line.len()))
        } else {
            ("", line.as_str())
        };
        out.push_str(&replace_rem(prelude, |n| format!("{n}em")));
        out.push_str(&replace_rem(rest, |n| {
            format!("calc({n} * var(--wjc-rem))")
        }));
    }
    out
}

/// Replaces every number followed by `rem` in `text` with `with(number)`.
fn replace_rem(text: &str, with: impl Fn(&str) -> String) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while let Some(at) = text[i..].find("rem").map(|a| i + a) {
        let mut start = at;
        while start > 0 && (bytes[start - 1].is_ascii_digit() || bytes[start - 1] == b'.') {
            start -= 1;
        }
        // A sign belongs to the number, not to the expression around it: `-3rem`.
        if start < at
            && start > 0
            && bytes[start - 1] == b'-'
            && (start == 1 || !bytes[start - 2].is_ascii_alphanumeric())
        {
            start -= 1;
        }
        let after = bytes.get(at + 3).copied();
        let is_unit = start < at
            && !after.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            && (start == 0
                || !(bytes[start - 1].is_ascii_alphabetic() || bytes[start - 1] == b'-'));
        if is_unit {
            out.push_str(&text[copied..start]);
            out.push_str(&with(&text[start..at]));
            copied = at + 3;
        }
        i = at + 3;
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const APP: &str = ":root {\n  --wjc-bg: #fff;\n  --wjc-radius: 10px;\n}\n\n@media (prefers-color-scheme: dark) {\n  :root {\n    --wjc-bg: #000;\n  }\n}\n\n.a { margin: 0.5rem 1rem; font-size: 1.125rem; }\n@media (min-width: 56rem) {\n  .b { width: 17rem; }\n}\n@media (max-width: 40rem) { .c { gap: 2rem; } }\n@media (prefers-reduced-motion: reduce) { .d { top: -3rem; } }\n.e { animation: lorem 1s; grid-template: 'remote' / 1fr; }\n";

    #[test]
    fn the_theme_moves_to_the_host_and_dark_follows_the_theme_attribute() {
        let css = shadow_css(APP).unwrap();
        assert!(!css.contains(":root"), "{css}");
        assert!(css.starts_with(":host {\n  --wjc-bg: #fff;"));
        assert!(css.contains(
            "@media (prefers-color-scheme: dark) {\n  :host(:not([theme=light i])) {\n    --wjc-bg: #000;\n  }\n}"
        ));
        assert!(css.contains(":host([theme=dark i]) {\n    --wjc-bg: #000;\n  }"));
    }

    #[test]
    fn rem_becomes_the_widget_s_own_unit() {
        let css = shadow_css(APP).unwrap();
        assert!(css.contains(
            ".a { margin: calc(0.5 * var(--wjc-rem)) calc(1 * var(--wjc-rem)); font-size: calc(1.125 * var(--wjc-rem)); }"
        ));
        assert!(css.contains(
            "@container (min-width: 56em) {\n  .b { width: calc(17 * var(--wjc-rem)); }"
        ));
        assert!(
            css.contains("@container (max-width: 40em) { .c { gap: calc(2 * var(--wjc-rem)); } }")
        );
        assert!(css.contains(
            "@media (prefers-reduced-motion: reduce) { .d { top: calc(-3 * var(--wjc-rem)); } }"
        ));
        assert!(css.contains(".e { animation: lorem 1s; grid-template: 'remote' / 1fr; }"));
    }

    #[test]
    fn a_stylesheet_without_a_dark_theme_is_refused() {
        assert!(shadow_css(".a { color: red }").is_err());
    }

    #[test]
    fn strings_are_javascript_literals() {
        assert_eq!(
            js_string("it's \"x\" </script>"),
            "\"it's \\\"x\\\" </script>\""
        );
        assert_eq!(js_array(&["a", "b"]), "[\"a\", \"b\"]");
    }
}
