//! A case in time, from its record: the timeline in order, the last contact with a person held
//! incommunicado, and when a known sentence would end. The wording is in [`crate::text::case`].

use crate::date::PartialDate;
use crate::model::{ActionKind, EventKind, Flag, Person, Sentence, TimelineEvent};
use crate::url_state::encode;

/// Plain links that share `url` with `text` by e-mail and on common networks, as (label, address):
/// ordinary links, so nothing is asked of any of them until the visitor follows one. The networks
/// are named as they name themselves, in every language.
pub fn share_links(url: &str, text: &str) -> Vec<(String, String)> {
    // Each network's address for sharing, and whether it takes the text (with the address in
    // it) or the address alone.
    const NETWORKS: [(&str, &str, bool); 5] = [
        ("X", "https://x.com/intent/post?text=", true),
        ("Bluesky", "https://bsky.app/intent/compose?text=", true),
        (
            "Facebook",
            "https://www.facebook.com/sharer/sharer.php?u=",
            false,
        ),
        ("Telegram", "https://t.me/share/url?url=", false),
        ("WhatsApp", "https://wa.me/?text=", true),
    ];
    let (both, alone) = (encode(&format!("{text} {url}")), encode(url));
    let mut links = vec![(
        crate::text::case::SHARE_EMAIL.text(),
        format!("mailto:?subject={}&body={both}", encode(text)),
    )];
    links.extend(NETWORKS.iter().map(|&(label, address, with_text)| {
        (
            label.to_owned(),
            format!("{address}{}", if with_text { &both } else { &alone }),
        )
    }));
    links
}

/// What a shared link says: the name and the campaign's hashtags, when the person has them.
pub fn share_text(person: &Person) -> String {
    let tags = person
        .actions
        .iter()
        .find(|a| a.kind == ActionKind::Share)
        .map(|a| a.hashtags.join(" "))
        .unwrap_or_default();
    if tags.is_empty() {
        person.name.clone()
    } else {
        format!("{} {tags}", person.name)
    }
}

/// Where a person's QR code is, from the site's root: `wjc site` writes it, the profile prints it.
pub fn qr_path(id: &str) -> String {
    format!("qr/{id}.svg")
}

/// The events oldest first. A date known only to the year or month may stand for any day in it,
/// so it is placed only against dates surely before or after it; between dates that may be the
/// same day the file's order is kept (an award "in 2021" listed after an arrest in May 2021 stays
/// after it).
pub fn ordered(events: &[TimelineEvent]) -> Vec<&TimelineEvent> {
    let mut out: Vec<&TimelineEvent> = Vec::with_capacity(events.len());
    for event in events {
        // A stable insertion sort, which needs no total order (partial dates have none): each
        // event goes before those it surely precedes, after all others.
        let mut at = out.len();
        while at > 0 && surely_before(event.date, out[at - 1].date) {
            at -= 1;
        }
        out.insert(at, event);
    }
    out
}

/// True when every day `a` may stand for is before every day `b` may stand for.
fn surely_before(a: PartialDate, b: PartialDate) -> bool {
    a.latest() < b.earliest()
}

/// The last time anyone heard from a person held incommunicado or disappeared: the latest
/// `last_contact` event. `None` for anyone else, or when no such event is dated.
pub fn no_contact_since(person: &Person) -> Option<PartialDate> {
    let cut_off = person.flags.contains(&Flag::Incommunicado)
        || person.status == crate::model::Status::Disappeared;
    if !cut_off || !person.status.is_held() {
        return None;
    }
    person
        .timeline
        .iter()
        .filter(|e| e.kind == EventKind::LastContact)
        .map(|e| e.date)
        .max_by_key(PartialDate::sort_key)
}

/// When a fixed-term sentence counted from the arrest would end, for a person still held, to
/// the precision of the arrest date. `None` for a life sentence, an unknown sentence or arrest
/// date, or someone no longer held.
pub fn expected_release(person: &Person) -> Option<PartialDate> {
    let (Some(Sentence::Term { years, months }), Some(arrested)) =
        (person.sentence, person.arrested)
    else {
        return None;
    };
    if !person.status.is_held() {
        return None;
    }
    let total = u32::from(arrested.month().unwrap_or(1)) - 1 + u32::from(months);
    let year = u32::from(arrested.year()) + u32::from(years) + total / 12;
    let year = u16::try_from(year).ok()?;
    let month = arrested
        .month()
        .and_then(|_| u8::try_from(total % 12 + 1).ok());
    // A day past the end of a shorter month (31 Jan + 1 month) is dropped, not moved.
    let day = month.and(arrested.day());
    PartialDate::new(year, month, day).or_else(|| PartialDate::new(year, month, None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Status, Visibility};

    fn d(text: &str) -> PartialDate {
        PartialDate::parse(text).unwrap()
    }

    fn event(date: &str, kind: EventKind, text: &str) -> TimelineEvent {
        TimelineEvent {
            date: d(date),
            kind,
            event: text.into(),
            source: None,
        }
    }

    fn person(status: Status) -> Person {
        let mut p = crate::load::load(include_str!("../../../assets/data/prisoners.json"))
            .unwrap()
            .dataset
            .people
            .swap_remove(0);
        p.status = status;
        p.flags.clear();
        p.timeline.clear();
        p.visibility = Visibility::Full;
        p
    }

    fn texts<'a>(events: &[&'a TimelineEvent]) -> Vec<&'a str> {
        events.iter().map(|e| e.event.as_str()).collect()
    }

    #[test]
    fn the_timeline_is_oldest_first_keeping_the_file_order_where_dates_may_coincide() {
        let events = [
            event("2022-10", EventKind::Award, "award"),
            event("2021-05", EventKind::Arrest, "arrest"),
            event("2021", EventKind::Award, "grammy while held"),
            event("2019-03-02", EventKind::Other, "early"),
            event("2023-04-10", EventKind::Sentence, "sentence"),
        ];
        assert_eq!(
            texts(&ordered(&events)),
            ["early", "arrest", "grammy while held", "award", "sentence"]
        );
        // Already in order: unchanged, whatever the precision.
        let sorted = [
            event("2021-05", EventKind::Arrest, "a"),
            event("2021", EventKind::Other, "b"),
            event("2021-05-03", EventKind::Trial, "c"),
        ];
        assert_eq!(texts(&ordered(&sorted)), ["a", "b", "c"]);
    }

    #[test]
    fn every_shipped_timeline_is_already_in_order() {
        let dataset = crate::load::load(include_str!("../../../assets/data/prisoners.json"))
            .unwrap()
            .dataset;
        for p in &dataset.people {
            let as_written: Vec<&TimelineEvent> = p.timeline.iter().collect();
            assert_eq!(ordered(&p.timeline), as_written, "{}", p.id);
        }
    }

    #[test]
    fn share_links_carry_the_address_and_text_encoded() {
        let links = share_links(
            "https://campaign.example/person/a.html",
            "Ales #FreeBelarus",
        );
        assert_eq!(links.len(), 6);
        assert_eq!(
            links[0].1,
            "mailto:?subject=Ales%20%23FreeBelarus&body=Ales%20%23FreeBelarus%20https%3A%2F%2Fcampaign.example%2Fperson%2Fa.html"
        );
        assert!(links
            .iter()
            .skip(1)
            .all(|(_, href)| href.starts_with("https://")
                && href.contains("campaign.example%2Fperson%2Fa.html")));
        let dataset = crate::load::load(include_str!("../../../assets/data/prisoners.json"))
            .unwrap()
            .dataset;
        let ales = dataset
            .people
            .iter()
            .find(|p| p.id == "ales-bialiatski")
            .unwrap();
        assert_eq!(
            share_text(ales),
            "Ales Bialiatski #WithoutJustCause #FreeBelarus"
        );
    }

    #[test]
    fn no_contact_since_the_last_contact_of_someone_cut_off() {
        let mut p = person(Status::Disappeared);
        assert_eq!(no_contact_since(&p), None, "no dated contact");
        p.timeline = vec![
            event("2010", EventKind::LastContact, "seen"),
            event("2012", EventKind::LastContact, "last seen"),
        ];
        assert_eq!(no_contact_since(&p), Some(d("2012")));
        p.status = Status::Imprisoned;
        assert_eq!(no_contact_since(&p), None, "held, but not incommunicado");
        p.flags.push(Flag::Incommunicado);
        assert_eq!(no_contact_since(&p), Some(d("2012")));
        p.status = Status::Released;
        assert_eq!(no_contact_since(&p), None, "released");
    }

    #[test]
    fn a_term_counted_from_the_arrest_ends_at_the_arrest_date_s_precision() {
        let mut p = person(Status::Imprisoned);
        for (arrested, years, months, ends) in [
            ("2021-07", 10, 0, Some("2031-07")),
            ("2015-09", 22, 0, Some("2037-09")),
            ("2017", 10, 0, Some("2027")),
            ("2018-03-15", 9, 8, Some("2027-11-15")),
            ("2018-11", 0, 3, Some("2019-02")),
            ("2020-01-31", 0, 1, Some("2020-02")),
        ] {
            p.arrested = Some(d(arrested));
            p.sentence = Some(Sentence::Term { years, months });
            assert_eq!(
                expected_release(&p),
                ends.map(d),
                "{arrested} + {years}y {months}m"
            );
        }
        p.sentence = Some(Sentence::Life);
        assert_eq!(expected_release(&p), None);
        p.sentence = Some(Sentence::Term {
            years: 4,
            months: 0,
        });
        p.status = Status::Released;
        assert_eq!(expected_release(&p), None);
        p.status = Status::Imprisoned;
        p.arrested = None;
        assert_eq!(expected_release(&p), None);
    }
}
