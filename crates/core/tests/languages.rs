//! The interface in another language, as the site ships it: sentences, plurals, dates, numbers,
//! and search by the names of countries and statuses in that language.

use std::rc::Rc;

use wjc_core::i18n::catalogue::Catalogue;
use wjc_core::i18n::{speak, Lang};
use wjc_core::query::{Index, Query};
use wjc_core::{text, CountryCode, Dataset, PartialDate, Status};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/i18n");

fn catalogue(lang: Lang) -> Rc<Catalogue> {
    let read = |file: String| std::fs::read_to_string(format!("{DIR}/{file}")).unwrap();
    let messages = read(format!("{}.json", lang.tag()));
    let cldr = read(format!("cldr/{}.json", lang.tag()));
    Rc::new(Catalogue::merged(lang, &messages, &cldr).unwrap())
}

fn dataset() -> Dataset {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/data/prisoners.json"
    ))
    .unwrap();
    wjc_core::load(&json).unwrap().dataset
}

/// Runs `check` with `lang` spoken, then English again.
fn in_language(lang: Lang, check: impl FnOnce()) {
    speak(Some(catalogue(lang)));
    check();
    speak(None);
}

fn search(index: &Index, text: &str) -> usize {
    index
        .run(&Query {
            text: text.into(),
            ..Query::default()
        })
        .matches
        .len()
}

#[test]
fn russian_counts_people_with_each_plural_form() {
    in_language(Lang::Ru, || {
        assert_eq!(text::people(1), "1 человек");
        assert_eq!(text::people(3), "3 человека");
        assert_eq!(text::people(37), "37 человек");
        assert_eq!(text::people(1200), "1\u{a0}200 человек");
    });
    assert_eq!(text::people(1200), "1,200 people");
}

#[test]
fn dates_and_country_names_follow_the_language() {
    let day = PartialDate::parse("2021-07-14").unwrap();
    let iran = CountryCode::parse("IR").unwrap();
    in_language(Lang::Es, || {
        assert_eq!(text::country_name(iran), "Irán");
        assert!(text::date(day).contains("2021"), "{}", text::date(day));
    });
    in_language(Lang::Fa, || {
        // Gregorian dates in Persian digits: the data's dates are Gregorian, often partial.
        assert!(text::date(day).contains("۲۰۲۱"), "{}", text::date(day));
    });
    in_language(Lang::Ar, || assert_eq!(text::country_name(iran), "إيران"));
    assert_eq!(text::country_name(iran), "Iran");
    assert_eq!(text::date(day), "14 Jul 2021");
}

#[test]
fn search_finds_people_by_country_and_status_names_in_the_language_spoken() {
    let data = dataset();
    let index = Index::new(&data);
    let held_in = |code: &str| {
        let code = CountryCode::parse(code).unwrap();
        data.people.iter().filter(|p| p.country == code).count()
    };
    let belarus = held_in("BY");
    let iran = held_in("IR");
    assert!(belarus > 0 && iran > 0);
    in_language(Lang::Ru, || {
        assert_eq!(search(&index, "Беларусь"), belarus);
        assert_eq!(search(&index, "беларусь"), belarus);
    });
    in_language(Lang::Es, || {
        assert_eq!(search(&index, "Irán"), iran);
        assert_eq!(search(&index, "iran"), iran);
        let released = data
            .people
            .iter()
            .filter(|p| p.status == Status::Released)
            .count();
        let label = text::status_label(Status::Released);
        assert!(search(&index, &label) >= released, "{label}");
    });
    // The Russian name is no word of the data: in English it finds nobody.
    assert_eq!(search(&index, "Беларусь"), 0);
}
