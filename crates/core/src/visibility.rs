//! A person's visibility level, applied in one place. Every output (the app's data, the static
//! pages, feeds, share images, the spreadsheet) shows [`shown`] of a person, never the record as
//! stored, so a person kept to initials or without a photo is kept so everywhere. The loader
//! ([`crate::load`]) refuses a record whose texts would give the name away.

use std::borrow::Cow;

use crate::lower_case::lower;
use crate::model::{Dataset, Person, Visibility};

/// The person as every output may show them: without the photo below [`Visibility::Full`], and
/// with initials instead of the name (and no other names) at [`Visibility::Initials`].
pub fn shown(person: &Person) -> Cow<'_, Person> {
    match person.visibility {
        Visibility::Full => Cow::Borrowed(person),
        Visibility::NoPhoto if person.photo.is_none() => Cow::Borrowed(person),
        Visibility::NoPhoto => Cow::Owned(Person {
            photo: None,
            ..person.clone()
        }),
        Visibility::Initials => Cow::Owned(Person {
            name: initials(&person.name),
            aliases: Vec::new(),
            native_name: None,
            photo: None,
            ..person.clone()
        }),
    }
}

/// The dataset as every output may show it: each person through [`shown`] (borrowed, with no
/// copy, when everyone is shown in full).
pub fn public(dataset: &Dataset) -> Cow<'_, Dataset> {
    if !any_restricted(dataset) {
        return Cow::Borrowed(dataset);
    }
    Cow::Owned(Dataset {
        people: dataset
            .people
            .iter()
            .map(|p| shown(p).into_owned())
            .collect(),
        ..dataset.envelope()
    })
}

/// True when some person is shown otherwise than stored.
pub fn any_restricted(dataset: &Dataset) -> bool {
    dataset
        .people
        .iter()
        .any(|p| matches!(shown(p), Cow::Owned(_)))
}

/// "Ales Bialiatski" → "A. B.", "Кара-Мурза" → "К.-М.": the first letter of each part of the name.
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .map(|word| {
            word.split('-')
                .filter_map(|part| part.chars().find(|c| c.is_alphanumeric()))
                .map(|c| format!("{}.", c.to_uppercase()))
                .collect::<Vec<_>>()
                .join("-")
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The parts of a person's names (name, aliases, native name) long enough to identify them:
/// three letters or more, lower-cased. A record kept to initials must hold none of them.
pub fn name_parts(person: &Person) -> Vec<String> {
    let mut parts: Vec<String> = std::iter::once(person.name.as_str())
        .chain(person.aliases.iter().map(String::as_str))
        .chain(person.native_name.as_deref())
        .flat_map(|name| name.split(|c: char| !c.is_alphanumeric()))
        .filter(|part| part.chars().count() >= 3)
        .map(lower)
        .collect();
    crate::sorting::sort(&mut parts);
    parts.dedup();
    parts
}

/// The first name part `text` holds as a whole word, if any.
pub fn name_in(text: &str, parts: &[String]) -> Option<String> {
    let lowered = lower(text);
    let words: Vec<&str> = lowered.split(|c: char| !c.is_alphanumeric()).collect();
    parts
        .iter()
        .find(|part| words.contains(&part.as_str()))
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Dataset {
        crate::load::load(include_str!("../../../assets/data/prisoners.json"))
            .expect("the shipped dataset loads")
            .dataset
    }

    fn person(id: &str) -> Person {
        let mut dataset = shipped();
        let mut p = dataset.people.swap_remove(0);
        p.id = id.into();
        p
    }

    #[test]
    fn initials_take_each_part_of_the_name_in_any_script() {
        assert_eq!(initials("Ales Bialiatski"), "A. B.");
        assert_eq!(initials("Владимир Кара-Мурза"), "В. К.-М.");
        assert_eq!(initials("نرگس محمدی"), "ن. م.");
        assert_eq!(initials("  ding   jiaxi "), "D. J.");
    }

    #[test]
    fn each_level_shows_what_it_allows() {
        let mut p = person("ales-bialiatski");
        p.name = "Ales Bialiatski".into();
        p.aliases = vec!["Aleś Bialacki".into()];
        p.native_name = Some("Алесь Бяляцкі".into());
        p.photo = Some(crate::model::Photo {
            url: crate::model::HttpUrl::parse("https://example.org/a.jpg").unwrap(),
            alt: "Portrait".into(),
            credit: "Someone".into(),
        });
        assert_eq!(shown(&p).as_ref(), &p);
        p.visibility = Visibility::NoPhoto;
        let no_photo = shown(&p);
        assert_eq!(no_photo.photo, None);
        assert_eq!(no_photo.name, "Ales Bialiatski");
        p.visibility = Visibility::Initials;
        let initials = shown(&p);
        assert_eq!(initials.name, "A. B.");
        assert!(initials.aliases.is_empty() && initials.native_name.is_none());
        assert_eq!(initials.photo, None);
        let dataset = Dataset {
            people: vec![p.clone()],
            ..shipped()
        };
        assert!(any_restricted(&dataset));
        assert_eq!(public(&dataset).people[0].name, "A. B.");
    }

    #[test]
    fn name_parts_are_found_as_whole_words_only() {
        let mut p = person("x");
        p.name = "Ales Bialiatski".into();
        let parts = name_parts(&p);
        assert_eq!(
            name_in("Bialiatski was arrested.", &parts).as_deref(),
            Some("bialiatski")
        );
        assert_eq!(name_in("Sales rose.", &parts), None);
    }
}
