//! What a shared link shows and what a printed case sheet points to, made at build time: each
//! person's 1200×630 share image (name, country, status, held since, the campaign's hashtag),
//! drawn natively from SVG with the system's Noto fonts in any script, the list's site card, and
//! a QR code per profile as an SVG file. None of it costs the app a byte.

use std::sync::Arc;

use resvg::{tiny_skia, usvg};
use wjc_core::model::{ActionKind, Person};
use wjc_core::text;
use wjc_core::Dataset;

use super::html::Esc;

/// The size of a share image: what `summary_large_image` cards expect.
pub const WIDTH: u32 = 1200;
/// See [`WIDTH`].
pub const HEIGHT: u32 = 630;

/// Where a person's share image is, from the site's root.
pub fn image_path(id: &str) -> String {
    format!("share/{id}.png")
}

/// Up to how many people `wjc site --images auto` draws every profile's image.
pub const EACH_UP_TO: usize = 2_000;

/// Where the list's site card is, from the site's root.
pub const SITE_IMAGE: &str = "share/site.png";

/// Where a person's QR code is, from the site's root (the app's profile links the same file).
pub fn qr_path(id: &str) -> String {
    wjc_core::case::qr_path(id)
}

/// The fonts, read once: every Noto face the system has, with Noto Sans first for Latin and
/// Cyrillic, then the Arabic and CJK faces for the characters it lacks.
pub struct Painter {
    options: usvg::Options<'static>,
    site: String,
}

/// The families a card asks for, in order; the text engine falls back along them per character.
const FAMILIES: &str =
    "'Noto Sans', 'Noto Sans Arabic', 'Noto Naskh Arabic', 'Noto Sans CJK SC', 'Noto Sans Hebrew', sans-serif";

impl Painter {
    /// Loads the system's fonts. Says so when no Noto face is there (the images would have no
    /// text): `scripts/install-tools.sh` installs them.
    pub fn new(site: &str) -> Result<Self, String> {
        let mut fonts = usvg::fontdb::Database::new();
        fonts.load_system_fonts();
        let has_noto = fonts
            .faces()
            .any(|face| face.families.iter().any(|(name, _)| name == "Noto Sans"));
        if !has_noto {
            return Err(
                "the share images need the Noto fonts (fonts-noto-core, fonts-noto-cjk): run scripts/install-tools.sh"
                    .into(),
            );
        }
        fonts.set_sans_serif_family("Noto Sans");
        // A character Noto Sans lacks is drawn in the first face that has it: keep that a sans
        // face, not a serif or a display one, so a card's text is one style in every script.
        let others: Vec<_> = fonts
            .faces()
            .filter(|face| {
                !face
                    .families
                    .iter()
                    .any(|(name, _)| name.starts_with("Noto Sans") && !name.contains("Display"))
            })
            .map(|face| face.id)
            .collect();
        for id in others {
            fonts.remove_face(id);
        }
        let options = usvg::Options {
            fontdb: Arc::new(fonts),
            ..usvg::Options::default()
        };
        Ok(Self {
            options,
            site: site.to_owned(),
        })
    }

    /// The site's name, written on every card.
    pub fn site(&self) -> &str {
        &self.site
    }

    /// `svg` drawn as a PNG.
    pub fn png(&self, svg: &str) -> Result<Vec<u8>, String> {
        let tree = usvg::Tree::from_str(svg, &self.options).map_err(|e| e.to_string())?;
        let mut pixmap =
            tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("could not make a 1200×630 image")?;
        resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
        pixmap.encode_png().map_err(|e| e.to_string())
    }
}

/// The share image of a person as SVG. `person` is as shown (see `wjc_core::visibility`): a
/// person kept to initials is drawn with initials, and no image ever has a photo.
pub fn person_svg(person: &Person, site: &str) -> String {
    let hashtag = person
        .actions
        .iter()
        .find(|a| a.kind == ActionKind::Share)
        .and_then(|a| a.hashtags.first())
        .cloned()
        .unwrap_or_default();
    let status = format!(
        "{} ({})",
        text::status_label(person.status),
        text::as_of(person.status_as_of)
    );
    let lines = [
        person.country.name().to_owned(),
        status,
        text::custody_line(person).unwrap_or_default(),
    ];
    svg(
        site,
        &person.name,
        &lines,
        &hashtag,
        &text::initials(&person.name),
    )
}

/// The list's site card: its title, its description and how many people it holds.
pub fn site_svg(dataset: &Dataset) -> String {
    let mut description = dataset.description.clone();
    if description.chars().count() > 90 {
        description = description.chars().take(88).collect::<String>() + "…";
    }
    let lines = [
        description,
        text::people(dataset.people.len()),
        String::new(),
    ];
    svg("", &dataset.title, &lines, "#WithoutJustCause", "")
}

/// The card's layout: the site's name, a big title (smaller when long), three lines, the hashtag,
/// and a disc with initials.
fn svg(site: &str, title: &str, lines: &[String; 3], hashtag: &str, initials: &str) -> String {
    let length = title.chars().count();
    let font_size = match length {
        0..=18 => 76,
        19..=28 => 60,
        _ => 44,
    };
    let title: String = if length > 48 {
        title.chars().take(46).collect::<String>() + "…"
    } else {
        title.to_owned()
    };
    let disc = if initials.is_empty() {
        String::new()
    } else {
        format!(
            r##"<circle cx="1040" cy="170" r="90" fill="#f4e8c8"/><text x="1040" y="196" font-size="72" font-weight="700" text-anchor="middle" fill="#7a1f1f">{}</text>"##,
            Esc(initials)
        )
    };
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="{FAMILIES}">
<rect width="{WIDTH}" height="{HEIGHT}" fill="#1d1d1f"/>
<rect x="0" y="0" width="24" height="{HEIGHT}" fill="#c8102e"/>
<text x="80" y="100" font-size="30" fill="#d8d8d8">{site}</text>
{disc}
<text x="80" y="250" font-size="{font_size}" font-weight="700" fill="#ffffff">{title}</text>
<text x="80" y="340" font-size="36" fill="#ffffff">{l0}</text>
<text x="80" y="400" font-size="36" fill="#ffffff">{l1}</text>
<text x="80" y="460" font-size="32" fill="#d8d8d8">{l2}</text>
<text x="80" y="560" font-size="40" font-weight="700" fill="#f4c430">{hashtag}</text>
</svg>"##,
        site = Esc(site),
        title = Esc(&title),
        l0 = Esc(&lines[0]),
        l1 = Esc(&lines[1]),
        l2 = Esc(&lines[2]),
        hashtag = Esc(hashtag),
    )
}

/// A QR code of `address` as an SVG document, black on white with a quiet zone.
pub fn qr_svg(address: &str) -> Result<String, String> {
    let code = qrcode::QrCode::with_error_correction_level(address, qrcode::EcLevel::M)
        .map_err(|e| format!("no QR code for {address}: {e}"))?;
    Ok(code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wjc_core::model::Visibility;

    fn shipped() -> Dataset {
        wjc_core::load(include_str!("../../../../assets/data/prisoners.json"))
            .unwrap()
            .dataset
    }

    /// Width and height from a PNG's header.
    fn size(png: &[u8]) -> (u32, u32) {
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let at = |i: usize| u32::from_be_bytes([png[i], png[i + 1], png[i + 2], png[i + 3]]);
        (at(16), at(20))
    }

    #[test]
    fn a_card_shows_name_country_status_time_held_and_the_hashtag() {
        let dataset = shipped();
        let ales = dataset
            .people
            .iter()
            .find(|p| p.id == "ales-bialiatski")
            .unwrap();
        let svg = person_svg(ales, "Without Just Cause");
        for part in [
            "Ales Bialiatski",
            "Belarus",
            "Imprisoned (as of 2023)",
            "Held since Jul 2021",
            "#WithoutJustCause",
        ] {
            assert!(svg.contains(part), "{part} in {svg}");
        }
    }

    #[test]
    fn a_card_names_a_person_kept_to_initials_by_initials_only() {
        let dataset = shipped();
        let mut person = dataset.people[0].clone();
        person.visibility = Visibility::Initials;
        let shown = wjc_core::visibility::shown(&person);
        let svg = person_svg(&shown, "Site");
        assert!(!svg.contains(&person.name), "{svg}");
        assert!(svg.contains("A. M."), "{svg}");
    }

    #[test]
    fn cards_are_1200_by_630_pngs_in_any_script() {
        let Ok(painter) = Painter::new("Site") else {
            panic!("the Noto fonts are missing: run scripts/install-tools.sh");
        };
        let mut person = shipped().people[0].clone();
        for name in ["Алесь Бяляцкі", "نرگس محمدی", "丁家喜", "Ahmed Mansoor"]
        {
            person.name = name.into();
            let png = painter.png(&person_svg(&person, "Site")).unwrap();
            assert_eq!(size(&png), (WIDTH, HEIGHT), "{name}");
        }
    }

    #[test]
    fn qr_codes_are_svg_documents() {
        let svg = qr_svg("https://campaign.example/person/ales-bialiatski.html").unwrap();
        assert!(svg.contains("<svg") && svg.contains("</svg>"));
    }
}
