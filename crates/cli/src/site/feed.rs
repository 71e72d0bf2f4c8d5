//! The Atom feeds `wjc site` writes: `feeds/all.atom` for the list and `feeds/CC.atom` for each
//! country, an entry per person, newest first by the date their status was last set
//! (`status_as_of`), so a follower's reader shows a changed status as an updated entry.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use wjc_core::date::PartialDate;
use wjc_core::text::case;
use wjc_core::{CountryCode, Dataset, Person};

use super::html::Esc;

/// Where the list's feed is, from the site's root.
pub const ALL: &str = "feeds/all.atom";

/// Where a country's feed is, from the site's root.
pub fn country_path(country: CountryCode) -> String {
    format!("feeds/{}.atom", country.as_str().to_ascii_lowercase())
}

/// Every feed of `dataset` (people as shown), as (path, Atom document). `base` is the site's
/// address with a final `/`, or empty: then every address is relative to the feed.
pub fn feeds(dataset: &Dataset, base: &str) -> Vec<(String, String)> {
    let mut by_country: BTreeMap<&str, Vec<&Person>> = BTreeMap::new();
    for person in &dataset.people {
        by_country
            .entry(person.country.as_str())
            .or_default()
            .push(person);
    }
    let all: Vec<&Person> = dataset.people.iter().collect();
    let mut out = vec![(
        ALL.to_owned(),
        feed(dataset, &case::feed_title(&dataset.title), ALL, &all, base),
    )];
    for people in by_country.values() {
        let country = people[0].country;
        let path = country_path(country);
        let title = case::feed_country_title(&dataset.title, country.name());
        out.push((path.clone(), feed(dataset, &title, &path, people, base)));
    }
    out
}

/// An address from the site's root, for a feed in `feeds/`: absolute with a base, else relative.
fn address(base: &str, path: &str) -> String {
    if base.is_empty() {
        format!("../{path}")
    } else {
        format!("{base}{path}")
    }
}

/// A date as Atom writes it: the first day it may stand for, at midnight UTC.
fn stamp(date: PartialDate) -> String {
    let (y, m, d) = date.earliest();
    format!("{y:04}-{m:02}-{d:02}T00:00:00Z")
}

fn feed(dataset: &Dataset, title: &str, path: &str, people: &[&Person], base: &str) -> String {
    let mut people = people.to_vec();
    // Newest first; people of the same date by name, so the file changes only when they do.
    people.sort_by(|a, b| {
        b.status_as_of
            .sort_key()
            .cmp(&a.status_as_of.sort_key())
            .then_with(|| a.name.cmp(&b.name))
    });
    let updated = people
        .first()
        .map_or_else(|| stamp(dataset.updated), |p| stamp(p.status_as_of));
    let id = |path: &str| {
        if base.is_empty() {
            format!("urn:without-just-cause:{path}")
        } else {
            format!("{base}{path}")
        }
    };
    let mut xml = String::new();
    let _ = write!(
        xml,
        r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>{}</title>
  <subtitle>{}</subtitle>
  <id>{}</id>
  <updated>{updated}</updated>
  <author><name>{}</name></author>
  <link rel="self" type="application/atom+xml" href="{}"/>
  <link rel="alternate" type="text/html" href="{}"/>
"#,
        Esc(title),
        Esc(&dataset.description),
        Esc(&id(path)),
        Esc(&dataset.title),
        Esc(&address(base, path)),
        Esc(&address(base, "index.html")),
    );
    for person in people {
        let page = format!("person/{}.html", person.id);
        let _ = write!(
            xml,
            r#"  <entry>
    <title>{}</title>
    <id>{}</id>
    <updated>{}</updated>
    <link rel="alternate" type="text/html" href="{}"/>
    <category term="{}"/>
    <summary>{}</summary>
  </entry>
"#,
            Esc(&case::feed_entry_title(&person.name, person.status)),
            Esc(&id(&page)),
            stamp(person.status_as_of),
            Esc(&address(base, &page)),
            person.status.as_str(),
            Esc(&person.summary),
        );
    }
    xml.push_str("</feed>\n");
    xml
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

    #[test]
    fn a_feed_for_the_list_and_one_per_country_newest_first() {
        let dataset = shipped();
        let feeds = feeds(&dataset, "https://campaign.example/");
        let countries: std::collections::BTreeSet<_> =
            dataset.people.iter().map(|p| p.country).collect();
        assert_eq!(feeds.len(), 1 + countries.len());
        let (path, all) = &feeds[0];
        assert_eq!(path, ALL);
        assert_eq!(all.matches("<entry>").count(), 37);
        let updated: Vec<&str> = all.split("<updated>").skip(2).map(|s| &s[..10]).collect();
        let mut sorted = updated.clone();
        sorted.sort_unstable_by(|a, b| b.cmp(a));
        assert_eq!(updated, sorted, "newest first");
        assert!(all.contains(
            "<link rel=\"alternate\" type=\"text/html\" href=\"https://campaign.example/person/ales-bialiatski.html\"/>"
        ));
        let by = feeds.iter().find(|(p, _)| p == "feeds/by.atom").unwrap();
        assert_eq!(by.1.matches("<entry>").count(), 3, "Belarus");
        // Without the site's address, links are relative to the feed.
        let relative = feeds_of(&dataset, "");
        assert!(relative.contains("href=\"../person/ales-bialiatski.html\""));
    }

    fn feeds_of(dataset: &Dataset, base: &str) -> String {
        feeds(dataset, base).swap_remove(0).1
    }

    #[test]
    fn a_feed_names_a_person_as_their_visibility_allows() {
        let mut dataset = shipped();
        dataset.people[0].visibility = Visibility::Initials;
        let public = wjc_core::visibility::public(&dataset);
        let all = feeds_of(&public, "");
        assert!(!all.contains("<title>Ahmed Mansoor"));
        assert!(all.contains("<title>A. M.: Imprisoned</title>"));
    }
}
