//! Writing HTML safely: every text from the data goes through [`Esc`].

pub use wjc_core::html::Esc;

/// One tag of an HTML document, as [`tags`] reads it.
#[derive(Debug)]
pub struct Tag<'a> {
    /// Byte offset of the `<`.
    pub start: usize,
    /// Byte offset just after the `>`.
    pub end: usize,
    /// The element's name in lower case.
    pub name: String,
    /// True for an end tag (`</p>`).
    pub closing: bool,
    /// The attributes, in order.
    pub attrs: Vec<Attr<'a>>,
    /// For `script` and `style`, where their text content is.
    pub content: Option<std::ops::Range<usize>>,
}

/// An attribute of a [`Tag`].
#[derive(Debug)]
pub struct Attr<'a> {
    /// The name in lower case.
    pub name: String,
    /// The value as written (character references are not decoded), and where it is.
    pub value: Option<(&'a str, std::ops::Range<usize>)>,
}

impl Tag<'_> {
    /// The value of the attribute `name`, when present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.name == name)
            .map(|a| a.value.as_ref().map_or("", |(v, _)| *v))
    }
}

/// Reads the tags of `html`, skipping comments, doctypes and the text content of `script` and
/// `style`. Enough for documents that Trunk and this tool write, not a general HTML parser: text
/// between tags is not examined.
pub fn tags(html: &str) -> Vec<Tag<'_>> {
    let bytes = html.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(offset) = html[at..].find('<') {
        let start = at + offset;
        let rest = &html[start..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            at = comment
                .find("-->")
                .map_or(html.len(), |end| start + 4 + end + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            at = rest.find('>').map_or(html.len(), |end| start + end + 1);
            continue;
        }
        let closing = rest.as_bytes().get(1) == Some(&b'/');
        let mut i = start + 1 + usize::from(closing);
        let name_start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-') {
            i += 1;
        }
        if i == name_start {
            at = start + 1;
            continue;
        }
        let name = html[name_start..i].to_ascii_lowercase();
        let mut attrs = Vec::new();
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                break;
            }
            let attr_start = i;
            while i < bytes.len()
                && !matches!(bytes[i], b'=' | b'>' | b'/')
                && !bytes[i].is_ascii_whitespace()
            {
                i += 1;
            }
            let attr_name = html[attr_start..i].to_ascii_lowercase();
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = None;
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                let (value_start, value_end, after) =
                    if let Some(&quote @ (b'"' | b'\'')) = bytes.get(i) {
                        let end = html[i + 1..]
                            .find(char::from(quote))
                            .map_or(html.len(), |e| i + 1 + e);
                        (i + 1, end, (end + 1).min(html.len()))
                    } else {
                        let mut end = i;
                        while end < bytes.len()
                            && bytes[end] != b'>'
                            && !bytes[end].is_ascii_whitespace()
                        {
                            end += 1;
                        }
                        (i, end, end)
                    };
                value = Some((&html[value_start..value_end], value_start..value_end));
                i = after;
            }
            attrs.push(Attr {
                name: attr_name,
                value,
            });
        }
        let end = (i + 1).min(html.len());
        let mut content = None;
        at = end;
        if !closing && matches!(name.as_str(), "script" | "style") {
            let close = format!("</{name}");
            let content_end = html[end..]
                .to_ascii_lowercase()
                .find(&close)
                .map_or(html.len(), |e| end + e);
            content = Some(end..content_end);
            at = content_end;
        }
        found.push(Tag {
            start,
            end,
            name,
            closing,
            attrs,
            content,
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tags_attributes_and_raw_text() {
        let html = "<!doctype html><!-- <p> --><HTML lang=en><script type=\"module\">if (a < b) {}</script>\
                    <a href='x.html' data-x hidden>t</a><div id=\"app\"></div>";
        let found = tags(html);
        let names: Vec<(&str, bool)> = found.iter().map(|t| (t.name.as_str(), t.closing)).collect();
        assert_eq!(
            names,
            [
                ("html", false),
                ("script", false),
                ("script", true),
                ("a", false),
                ("a", true),
                ("div", false),
                ("div", true)
            ]
        );
        assert_eq!(found[0].attr("lang"), Some("en"));
        let script = &found[1];
        assert_eq!(&html[script.content.clone().unwrap()], "if (a < b) {}");
        assert_eq!(found[3].attr("href"), Some("x.html"));
        assert_eq!(found[3].attr("data-x"), Some(""));
        assert_eq!(found[3].attr("title"), None);
        let (value, range) = found[5].attrs[0].value.clone().unwrap();
        assert_eq!((value, &html[range]), ("app", "app"));
    }
}
