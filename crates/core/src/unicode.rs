//! Unicode safety for text from data files: hidden controls made visible, quotes clipped, and
//! the checks that a text shows something and does not pile marks over its neighbours.
//!
//! Below both the loader (which refuses such text) and the sentences (which quote it).

use std::fmt::Write as _;

/// Makes invisible direction and formatting characters visible as `<U+202E>` when data is
/// quoted in a message, so a value cannot reorder or hide the words around it.
pub fn reveal_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_invisible_control(c) {
            let _ = write!(out, "<U+{:04X}>", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// Direction marks, embeddings, overrides and isolates, zero-width characters, the byte-order
/// mark and the soft hyphen: characters that take no space but can change what text shows.
pub fn is_invisible_control(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
    )
}

/// Shortens text for messages, so a 100 KB value cannot flood a report, and shows its hidden
/// direction controls, so it cannot reorder the message around it.
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        reveal_controls(text)
    } else {
        let mut short = reveal_controls(&text.chars().take(max).collect::<String>());
        short.push('…');
        short
    }
}

/// Whether a character shows something on its own (not a space, a mark or an invisible control).
pub fn is_visible(c: char) -> bool {
    !c.is_whitespace() && !is_invisible_control(c) && !is_combining_mark(c)
}

/// The generic combining blocks that "Zalgo" floods draw from. Script-specific marks (Arabic
/// vowel signs, Devanagari) are left out: their runs are short and legitimate.
pub(crate) fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// The longest run of combining marks in `text`.
pub fn longest_mark_stack(text: &str) -> usize {
    let (mut longest, mut run) = (0, 0);
    for c in text.chars() {
        run = if is_combining_mark(c) { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_controls_are_revealed_and_other_text_kept() {
        assert_eq!(
            reveal_controls("abc\u{202E}fed\u{200B}\u{2069}"),
            "abc<U+202E>fed<U+200B><U+2069>"
        );
        assert_eq!(reveal_controls("نرگس محمدی – Zoë"), "نرگس محمدی – Zoë");
    }
}
