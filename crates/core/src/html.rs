//! Writing HTML as text: the static pages of `wjc site` and the snippets partners copy.

use std::fmt;

/// Text escaped for HTML, in element content and in quoted attribute values alike: `&`, `<`, `>`,
/// `"` and `'` become character references, so no data can open a tag or leave an attribute.
pub struct Esc<'a>(pub &'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
            f.write_str(&rest[..at])?;
            f.write_str(match rest.as_bytes()[at] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            })?;
            rest = &rest[at + 1..];
        }
        f.write_str(rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_that_could_open_a_tag_or_close_an_attribute() {
        assert_eq!(
            Esc(r#"<script>alert("x" & 'y')</script>"#).to_string(),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
        assert_eq!(
            Esc("Phạm Đoan Trang — نرگس").to_string(),
            "Phạm Đoan Trang — نرگس"
        );
        assert_eq!(Esc("").to_string(), "");
    }
}
