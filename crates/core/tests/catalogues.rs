//! The message catalogues of assets/i18n as they ship: `text` picks the right English message
//! and arguments for every case, every message of en.json is used, and every translation is
//! complete, well formed and actually translated.

use std::cell::RefCell;
use std::collections::BTreeSet;

use wjc_core::fetch::{
    Failure, ANSWER_TIMEOUT_SECONDS, ATTEMPTS, MAX_BYTES, STALL_TIMEOUT_SECONDS,
};
use wjc_core::i18n::catalogue::{self, Catalogue};
use wjc_core::i18n::message::Value::{self, Number, Text};
use wjc_core::i18n::Lang;
use wjc_core::model::{Flag, Sentence, Status};
use wjc_core::text::{self, embed, map, ui};
use wjc_core::{CountryCode, Dataset, PartialDate, Person};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/i18n");

fn read(file: &str) -> String {
    std::fs::read_to_string(format!("{DIR}/{file}")).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn parse(lang: Lang, file: &str) -> Catalogue {
    let (catalogue, problems) = Catalogue::parse(lang, &read(file)).unwrap();
    assert_eq!(problems, [], "{file}");
    catalogue
}

fn english() -> Catalogue {
    parse(Lang::En, "en.json")
}

/// English, remembering which keys a test formatted.
struct Tracked {
    en: Catalogue,
    used: RefCell<BTreeSet<String>>,
}

impl Tracked {
    fn new() -> Self {
        Self {
            en: english(),
            used: RefCell::default(),
        }
    }

    fn say(&self, key: &str, args: &[(&str, Value<'_>)]) -> String {
        self.used.borrow_mut().insert(key.to_owned());
        self.en
            .format(key, args)
            .unwrap_or_else(|| panic!("en.json has no {key}"))
    }

    /// Asserts the message `key` with `args` reads exactly as `today`.
    fn same(&self, key: &str, args: &[(&str, Value<'_>)], today: &str) {
        assert_eq!(self.say(key, args), today, "{key} {args:?}");
    }

    /// Asserts the message `key` with each of `counts` as its argument `arg` reads as `today`
    /// says for the same count.
    fn counted(&self, key: &str, arg: &str, counts: &[usize], today: impl Fn(usize) -> String) {
        for &count in counts {
            self.same(key, &[(arg, n(count))], &today(count));
        }
    }
}

fn d(text: &str) -> PartialDate {
    PartialDate::parse(text).unwrap()
}

fn person(status: Status, arrested: &str, as_of: &str) -> Person {
    let mut person = dataset().people[0].clone();
    person.status = status;
    person.arrested = Some(d(arrested));
    person.status_as_of = d(as_of);
    person.country = CountryCode::parse("BY").unwrap();
    person
}

fn dataset() -> Dataset {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/data/prisoners.json"
    ))
    .unwrap();
    wjc_core::load(&json).unwrap().dataset
}

/// The key of a vocabulary word: `house_arrest` → `house-arrest`.
fn slug(word: &str) -> String {
    word.replace('_', "-")
}

/// A date as the catalogue writes it: the pattern for the date's precision, with the month's
/// name from the same pattern's month list.
fn date(en: &Tracked, date: PartialDate) -> String {
    // A year is a name, not an amount: never grouped ("2018", not "2,018").
    let year = date.year().to_string();
    let key = match (date.day(), date.month()) {
        (Some(_), Some(_)) => "date.day-month-year",
        (None, Some(_)) => "date.month-year",
        _ => "date.year",
    };
    let month = date
        .month()
        .map(|m| en.say(&format!("{key}.month.{m}"), &[]))
        .unwrap_or_default();
    let day = Number(u64::from(date.day().unwrap_or(0)));
    en.say(
        key,
        &[("year", Text(&year)), ("month", Text(&month)), ("day", day)],
    )
}

/// A whole number for a message.
fn n(v: usize) -> Value<'static> {
    Number(v as u64)
}

#[test]
fn english_says_what_text_rs_says() {
    let en = Tracked::new();
    statuses_flags_dates_and_sentences(&en);
    custody_lines(&en);
    counts_pages_and_filters(&en);
    lists_profile_and_about(&en);
    map_and_embed(&en);
    download_failures(&en);
    ages(&en);
    constants(&en);
    case_texts(&en);

    // Nothing in en.json escapes this comparison.
    let untested: Vec<&str> = en
        .en
        .keys()
        .filter(|k| !en.used.borrow().contains(*k))
        .collect();
    assert_eq!(untested, Vec::<&str>::new(), "messages no test compares");
}

/// Messages a translation may leave as English, for every language (`*`) or one: placeholders
/// and punctuation only, and words the two languages share.
const SAME_AS_ENGLISH: &[(&str, &str)] = &[
    ("*", "list.comma"),
    ("*", "list.semicolon"),
    ("*", "map.bin-range"),
    ("*", "map.status-count"),
    ("*", "feed.entry-title"),
    ("*", "pages.title"),
    ("*", "profile.title"),
    ("fr", "pages.page"),
    ("fr", "ui.fact-source"),
];

#[test]
fn every_translation_is_complete_and_translated() {
    let en = english();
    for lang in Lang::ALL.into_iter().filter(|&l| l != Lang::En) {
        let file = format!("{}.json", lang.tag());
        let messages = read(&file);
        let cldr = read(&format!("cldr/{}.json", lang.tag()));
        let problems = catalogue::check_language(lang, &messages, Some(&cldr), &en).unwrap();
        assert_eq!(problems, [], "{file}");

        let (translated, _) = Catalogue::parse(lang, &messages).unwrap();
        let untranslated: Vec<&str> = translated
            .keys()
            .filter(|k| {
                !SAME_AS_ENGLISH.contains(&("*", k)) && !SAME_AS_ENGLISH.contains(&(lang.tag(), k))
            })
            .filter(|k| translated.get(k) == en.get(k))
            .collect();
        assert_eq!(untranslated, Vec::<&str>::new(), "{file}: same as English");

        let notes: serde_json::Value = serde_json::from_str(&messages).unwrap();
        assert_eq!(notes["@reviewed"], false, "{file}");
        assert!(notes["@translator"].is_string(), "{file}");
    }
}

#[test]
fn russian_and_arabic_plurals_take_every_form() {
    let load = |lang: Lang| {
        let mut catalogue = parse(lang, &format!("{}.json", lang.tag()));
        catalogue.lang = lang;
        catalogue
    };
    let ru = load(Lang::Ru);
    let people = |n: u64| ru.format("people.count", &[("count", Number(n))]).unwrap();
    assert_eq!(
        [people(1), people(3), people(37), people(21), people(12)],
        [
            "1 человек",
            "3 человека",
            "37 человек",
            "21 человек",
            "12 человек"
        ]
    );
    let ar = load(Lang::Ar);
    let forms: BTreeSet<String> = [0, 1, 2, 3, 11, 100]
        .into_iter()
        .map(|n| ar.format("people.count", &[("count", Number(n))]).unwrap())
        .collect();
    assert_eq!(forms.len(), 6, "{forms:?}");
    // The phone's button under the filters agrees with its count too.
    let show = |n: u64| {
        ru.format("ui.show-people", &[("count", Number(n))])
            .unwrap()
    };
    assert_eq!(
        [show(1), show(3), show(37)],
        [
            "Показать: 1 человек",
            "Показать: 3 человека",
            "Показать: 37 человек"
        ]
    );
    let forms: BTreeSet<String> = [0, 1, 2, 3, 11, 100]
        .into_iter()
        .map(|n| {
            ar.format("ui.show-people", &[("count", Number(n))])
                .unwrap()
        })
        .collect();
    assert_eq!(forms.len(), 6, "{forms:?}");
}

/// The words of statuses and conditions, dates and sentences.
fn statuses_flags_dates_and_sentences(en: &Tracked) {
    for &status in Status::ALL {
        let key = format!("status.{}", slug(status.as_str()));
        en.same(&format!("{key}.label"), &[], &text::status_label(status));
        en.same(
            &format!("{key}.description"),
            &[],
            &text::status_description(status),
        );
    }
    for &flag in Flag::ALL {
        en.same(
            &format!("flag.{}", slug(flag.as_str())),
            &[],
            &text::flag_label(flag),
        );
    }

    for day in [
        "1990",
        "2018-01",
        "2018-09",
        "2013-03-11",
        "2024-12-31",
        "2020-06-05",
    ] {
        assert_eq!(date(en, d(day)), text::date(d(day)), "{day}");
    }
    for month in 1..=12 {
        let day = d(&format!("2020-{month:02}-15"));
        assert_eq!(date(en, day), text::date(day));
        let month_only = d(&format!("2020-{month:02}"));
        assert_eq!(date(en, month_only), text::date(month_only));
    }
    en.same(
        "status.as-of",
        &[("date", Text("2023"))],
        &text::as_of(d("2023")),
    );

    en.same("sentence.life", &[], &text::sentence(Sentence::Life));
    for (years, months) in [
        (1, 0),
        (20, 0),
        (0, 0),
        (0, 1),
        (0, 6),
        (9, 8),
        (1, 1),
        (2, 11),
    ] {
        let today = text::sentence(Sentence::Term { years, months });
        let (y, m) = (("years", n(years.into())), ("months", n(months.into())));
        match (years, months) {
            (_, 0) => en.same("sentence.years", &[y], &today),
            (0, _) => en.same("sentence.months", &[m], &today),
            _ => en.same("sentence.years-months", &[y, m], &today),
        }
    }
    en.same(
        "sentence.line",
        &[("sentence", Text("Life imprisonment"))],
        &text::sentence_line(Sentence::Life),
    );
}

/// Every kind of custody line, with the length held in months, a year and years.
fn custody_lines(en: &Tracked) {
    for (status, arrested, as_of, lead) in [
        (Status::Imprisoned, "2018-09", "2023", "held-since"),
        (Status::Detained, "2022-01", "2023-03", "held-since"),
        (Status::Detained, "2022-01-10", "2022-08", "held-since"),
        (Status::HouseArrest, "2021-05", "2021-06-30", "held-since"),
        (Status::HouseArrest, "2018", "2020", "held-since"),
        (Status::Imprisoned, "2023-02", "2023", "held-since"),
        (Status::Imprisoned, "2023-02", "2023-02", "held-since"),
        (Status::Disappeared, "2013-03-11", "2023", "missing-since"),
        (
            Status::Disappeared,
            "2022-01-01",
            "2022-03-15",
            "missing-since",
        ),
        (Status::Disappeared, "2020-01", "2021-03", "missing-since"),
        (Status::Disappeared, "2023", "2023", "missing-since"),
    ] {
        let p = person(status, arrested, as_of);
        let since = date(en, d(arrested));
        let by = date(en, d(as_of));
        let months = d(arrested).surely_elapsed_months(&d(as_of)).unwrap_or(0);
        let args = [("since", Text(&since)), ("by", Text(&by))];
        let key = format!("custody.{lead}");
        let ours = match months {
            0 => en.say(&key, &args),
            1..=11 => en.say(
                &format!("{key}.months"),
                &[args[0], args[1], ("months", Number(months.into()))],
            ),
            _ => en.say(
                &format!("{key}.years"),
                &[args[0], args[1], ("years", Number((months / 12).into()))],
            ),
        };
        assert_eq!(
            Some(ours),
            text::custody_line(&p),
            "{status:?} {arrested} {as_of}"
        );
    }
    let released = person(Status::Released, "2021-06", "2023");
    en.same(
        "custody.arrested-released",
        &[("since", Text("Jun 2021")), ("by", Text("2023"))],
        &text::custody_line(&released).unwrap(),
    );
    for status in [Status::Exiled, Status::DiedInCustody, Status::Unknown] {
        en.same(
            "custody.arrested",
            &[("since", Text("Jun 2021"))],
            &text::custody_line(&person(status, "2021-06", "2023")).unwrap(),
        );
    }
}

/// Counts, pages and long filters.
fn counts_pages_and_filters(en: &Tracked) {
    let counts = [0, 1, 2, 37, 999, 1200];
    en.counted("people.count", "count", &counts, text::people);
    en.counted("results.skipped", "count", &counts, text::skipped_notice);
    en.counted("ui.show-people", "count", &counts, text::show_people);
    en.same(
        "people.count",
        &[("count", n(37))],
        &text::result_count(37, 37),
    );
    for (shown, total) in [(1, 37), (3, 37), (0, 1), (0, 2)] {
        en.same(
            "results.count-of",
            &[("shown", n(shown)), ("total", n(total))],
            &text::result_count(shown, total),
        );
    }
    en.same("pages.page", &[("page", n(5))], &text::page_link(5));
    en.same("filter.selected", &[("count", n(2))], &text::selected(2));
    en.same(
        "pages.page-of",
        &[("page", n(2)), ("pages", n(5))],
        &text::page_of(2, 5),
    );
    for (key, page, pages, from, to) in [
        ("pages.summary", 2, 42, 25, 48),
        ("pages.summary.one", 3, 3, 49, 49),
    ] {
        let args = [("page", page), ("pages", pages), ("from", from), ("to", to)];
        en.same(
            key,
            &args.map(|(name, v)| (name, n(v))),
            &text::page_summary(page, pages, from, to),
        );
    }
    en.same(
        "pages.title",
        &[
            ("page", n(2)),
            ("pages", n(5)),
            ("site", Text("Without Just Cause")),
        ],
        &text::list_page_title(2, 5, "Without Just Cause"),
    );
    en.same(
        "profile.title",
        &[("name", Text("Kem Sokha")), ("site", Text("W"))],
        &text::profile_title("Kem Sokha", "W"),
    );

    // Long filters.
    for filter in ["country", "occupation", "campaign", "status"] {
        for count in [2, 56] {
            en.same(
                &format!("filter.{filter}.show-all"),
                &[("count", n(count))],
                &text::show_all_options(filter, count),
            );
        }
        en.same(
            &format!("filter.{filter}.show-fewer"),
            &[],
            &text::show_fewer_options(filter),
        );
        for found in [0, 1, 3, 56] {
            en.same(
                &format!("filter.{filter}.found"),
                &[("found", n(found)), ("total", n(56))],
                &text::options_found(filter, found, 56),
            );
        }
    }
}

/// Lists, and the profile's facts and "About this data" on the real list.
fn lists_profile_and_about(en: &Tracked) {
    // Lists: "A", "A and B", "A, B and C", joined pairwise from the left.
    let join = |items: &[&str], last_key: &str| -> String {
        let mut joined = items[0].to_owned();
        for (i, item) in items.iter().enumerate().skip(1) {
            joined = if i + 1 == items.len() {
                en.say(last_key, &[("items", Text(&joined)), ("last", Text(item))])
            } else {
                en.say(
                    "list.comma",
                    &[("items", Text(&joined)), ("item", Text(item))],
                )
            };
        }
        joined
    };
    for items in [
        &["A"][..],
        &["A", "B"],
        &["A", "B", "C"],
        &["A", "B", "C", "D"],
    ] {
        assert_eq!(join(items, "list.and"), text::join_and(items));
    }
    en.same(
        "list.semicolon",
        &[("items", Text("a")), ("item", Text("b"))],
        "a; b",
    );

    // The profile's facts and the "About this data" text, on the real list.
    let data = dataset();
    let kem = data.people.iter().find(|p| p.id == "kem-sokha").unwrap();
    let facts = text::profile_facts(kem, &data);
    let fact = |label: text::Label| facts.iter().find(|(l, _)| *l == label).unwrap().1.clone();
    let as_of = text::as_of(kem.status_as_of);
    en.same(
        "ui.fact-status-value",
        &[
            ("status", Text(&text::status_label(kem.status))),
            ("date", Text(&text::date(kem.status_as_of))),
        ],
        &format!("{} ({as_of})", text::status_label(kem.status)),
    );
    assert!(fact(ui::FACT_STATUS).ends_with(&format!("({as_of})")));
    let source = data.source(&kem.source).unwrap();
    en.same(
        "ui.fact-source-value",
        &[
            ("publisher", Text(&text::isolate(&source.publisher))),
            ("title", Text(&text::isolate(&source.title))),
            ("date", Text(&text::date(source.date))),
        ],
        &fact(ui::FACT_SOURCE),
    );
    en.same(
        "ui.about-source",
        &[
            ("publisher", Text(&source.publisher)),
            ("title", Text(&source.title)),
            ("date", Text(&text::date(source.date))),
        ],
        &text::source_entry(source),
    );
    let publishers: Vec<&str> = data.sources.iter().map(|s| s.publisher.as_str()).collect();
    en.same(
        "ui.about",
        &[
            ("publishers", Text(&join(&publishers, "list.and"))),
            ("date", Text(&text::date(data.updated))),
        ],
        &text::about(&data),
    );
}

/// The map, the widget and the Embed dialog.
fn map_and_embed(en: &Tracked) {
    // The map.
    en.same(
        "map.bin-range",
        &[("from", n(2)), ("to", n(4))],
        &map::bin_label(2, Some(4)),
    );
    en.same("map.bin-open", &[("from", n(5))], &map::bin_label(5, None));
    en.same(
        "map.country-summary",
        &[("country", Text("Egypt")), ("total", n(0))],
        &map::country_summary("Egypt", 0, []),
    );
    let statuses = [
        (Status::Imprisoned, 5),
        (Status::HouseArrest, 1),
        (Status::Unknown, 1),
    ];
    let parts: Vec<String> = statuses
        .iter()
        .map(|&(status, count)| {
            en.say(
                "map.status-count",
                &[
                    ("status", Text(&text::status_label(status).to_lowercase())),
                    ("count", n(count)),
                ],
            )
        })
        .collect();
    let mut joined = parts[0].clone();
    for part in &parts[1..] {
        joined = en.say(
            "list.comma",
            &[("items", Text(&joined)), ("item", Text(part))],
        );
    }
    en.same(
        "map.country-summary.statuses",
        &[
            ("country", Text("Iran")),
            ("total", n(7)),
            ("statuses", Text(&joined)),
        ],
        &map::country_summary("Iran", 7, statuses),
    );

    // The widget and the Embed dialog.
    en.counted("embed.show-all", "total", &[1, 37], embed::show_all);
    en.same(
        "embed.frame-title",
        &[("site", Text("W")), ("countries", Text("Iran and China"))],
        &embed::frame_title("W", &["Iran", "China"]),
    );
}

/// What went wrong with a download: the whole message, and the short reason in the messages
/// of a retry and of a profile that could not be loaded.
fn download_failures(en: &Tracked) {
    let seconds = |s: u32| vec![("seconds", Number(s.into()))];
    let status = |s: u16| vec![("status", Number(s.into()))];
    for (failure, key, args, reason_key, reason_args) in [
        (Failure::Offline, "offline", vec![], "offline", vec![]),
        (
            Failure::Unreachable,
            "unreachable",
            vec![],
            "unreachable",
            vec![],
        ),
        (
            Failure::NoAnswer,
            "no-answer",
            seconds(ANSWER_TIMEOUT_SECONDS),
            "no-answer",
            seconds(ANSWER_TIMEOUT_SECONDS),
        ),
        (
            Failure::Stalled,
            "stalled",
            seconds(STALL_TIMEOUT_SECONDS),
            "stalled",
            vec![],
        ),
        (Failure::CutOff, "cut-off", vec![], "cut-off", vec![]),
        (Failure::Http(404), "not-found", vec![], "http", status(404)),
        (
            Failure::Http(503),
            "server-error",
            status(503),
            "http",
            status(503),
        ),
        (
            Failure::Http(403),
            "refused",
            status(403),
            "http",
            status(403),
        ),
        (
            Failure::WebPage,
            "web-page",
            vec![],
            "wrong-content",
            vec![],
        ),
        (
            Failure::WrongType("image/\u{202E}gnp".into()),
            "wrong-type",
            vec![("kind", Text("image/<U+202E>gnp"))],
            "wrong-content",
            vec![],
        ),
        (
            Failure::TooLarge,
            "too-large",
            vec![("megabytes", Number(MAX_BYTES / (1024 * 1024)))],
            "too-large",
            vec![],
        ),
        (Failure::NotText, "not-text", vec![], "unreadable", vec![]),
    ] {
        en.same(
            &format!("fetch.{key}"),
            &args,
            &text::load_failure(&failure),
        );
        let reason = en.say(&format!("fetch.reason.{reason_key}"), &reason_args);
        assert_eq!(reason, text::failure_reason(&failure), "{reason_key}");
        en.same(
            "fetch.detail-failed",
            &[("reason", Text(&reason))],
            &text::detail_failure(&failure),
        );
        en.same(
            "fetch.retrying",
            &[
                ("reason", Text(&reason)),
                ("attempt", Number(2)),
                ("attempts", Number(ATTEMPTS.into())),
            ],
            &text::retrying(2, &failure),
        );
    }
}

/// How long ago, in the largest whole unit.
fn ages(en: &Tracked) {
    const DAY: u64 = 86_400;
    for (seconds, key, count) in [
        (0, "now", 0),
        (59, "now", 0),
        (60, "minutes", 1),
        (3_599, "minutes", 59),
        (3_600, "hours", 1),
        (86_399, "hours", 23),
        (DAY, "days", 1),
        (3 * DAY + 7_200, "days", 3),
        (60 * DAY, "days", 60),
        (61 * DAY, "months", 2),
        (729 * DAY, "months", 24),
        (730 * DAY, "years", 2),
        (365_000 * DAY, "years", 1000),
    ] {
        let ago = en.say(&format!("ago.{key}"), &[("count", Number(count))]);
        assert_eq!(ago, text::ago(seconds), "{seconds}");
        en.same(
            "notice.saved-copy",
            &[("ago", Text(&ago))],
            &text::saved_copy_note(seconds, true),
        );
        en.same(
            "notice.saved-copy-waiting",
            &[("ago", Text(&ago))],
            &text::saved_copy_note(seconds, false),
        );
    }
}

/// The words of the interface that take no argument, one constant of text.rs each.
const CONSTANTS: &[(&str, text::Label)] = &[
    ("map.title", map::TITLE),
    ("map.view-switch", map::VIEW_SWITCH),
    ("map.view-list", map::VIEW_LIST),
    ("map.view-map", map::VIEW_MAP),
    ("map.label", map::LABEL),
    ("map.hint", map::HINT),
    ("map.zoom-in", map::ZOOM_IN),
    ("map.zoom-out", map::ZOOM_OUT),
    ("map.zoom-reset", map::ZOOM_RESET),
    ("map.all-countries", map::ALL_COUNTRIES),
    ("map.loading", map::LOADING),
    ("map.failed", map::FAILED),
    ("map.legend", map::LEGEND),
    ("map.legend-none", map::LEGEND_NONE),
    ("map.table-title", map::TABLE_TITLE),
    ("map.table-country", map::TABLE_COUNTRY),
    ("map.table-total", map::TABLE_TOTAL),
    ("embed.new-tab", embed::NEW_TAB),
    ("embed.unavailable", embed::UNAVAILABLE),
    ("embed.button", embed::BUTTON),
    ("embed.dialog-title", embed::DIALOG_TITLE),
    ("embed.dialog-intro", embed::DIALOG_INTRO),
    ("embed.script-title", embed::SCRIPT_TITLE),
    ("embed.script-help", embed::SCRIPT_HELP),
    ("embed.iframe-title", embed::IFRAME_TITLE),
    ("embed.iframe-help", embed::IFRAME_HELP),
    ("embed.copy", embed::COPY),
    ("embed.copied", embed::COPIED),
    ("embed.copy-failed", embed::COPY_FAILED),
    ("embed.preview", embed::PREVIEW),
    ("embed.close", embed::CLOSE),
    ("ui.loading", ui::LOADING),
    ("ui.language", ui::LANGUAGE),
    ("ui.machine-translation", ui::MACHINE_TRANSLATION),
    ("ui.search-label", ui::SEARCH_LABEL),
    ("ui.search-placeholder", ui::SEARCH_PLACEHOLDER),
    ("ui.filter-country", ui::FILTER_COUNTRY),
    ("ui.filter-status", ui::FILTER_STATUS),
    ("ui.filter-campaign", ui::FILTER_CAMPAIGN),
    ("ui.filter-occupation", ui::FILTER_OCCUPATION),
    ("ui.filters", ui::FILTERS),
    ("ui.filter-letters", ui::FILTER_LETTERS),
    ("ui.letters-option", ui::LETTERS_OPTION),
    ("ui.sort-label", ui::SORT_LABEL),
    ("ui.sort-name", ui::SORT_NAME),
    ("ui.sort-country", ui::SORT_COUNTRY),
    ("ui.sort-arrested", ui::SORT_ARRESTED),
    ("ui.sort-held", ui::SORT_HELD),
    ("ui.clear-all", ui::CLEAR_ALL),
    ("ui.empty-title", ui::EMPTY_TITLE),
    ("ui.empty-body", ui::EMPTY_BODY),
    ("ui.empty-action", ui::EMPTY_ACTION),
    ("ui.legend", ui::LEGEND),
    ("ui.total-held", ui::TOTAL_HELD),
    ("ui.total-released", ui::TOTAL_RELEASED),
    ("ui.results", ui::RESULTS),
    ("ui.back", ui::BACK),
    ("ui.waiting-for-list", ui::WAITING_FOR_LIST),
    ("ui.detail-loading", ui::DETAIL_LOADING),
    ("ui.previous", ui::PREVIOUS),
    ("ui.next", ui::NEXT),
    ("ui.copy-link", ui::COPY_LINK),
    ("ui.copied", ui::COPIED),
    ("ui.copy-failed", ui::COPY_FAILED),
    ("ui.facts", ui::FACTS),
    ("ui.fact-country", ui::FACT_COUNTRY),
    ("ui.fact-location", ui::FACT_LOCATION),
    ("ui.fact-status", ui::FACT_STATUS),
    ("ui.fact-arrested", ui::FACT_ARRESTED),
    ("ui.fact-sentenced", ui::FACT_SENTENCED),
    ("ui.fact-sentence", ui::FACT_SENTENCE),
    ("ui.fact-charges", ui::FACT_CHARGES),
    ("ui.fact-occupations", ui::FACT_OCCUPATIONS),
    ("ui.fact-conditions", ui::FACT_CONDITIONS),
    ("ui.fact-campaigns", ui::FACT_CAMPAIGNS),
    ("ui.fact-source", ui::FACT_SOURCE),
    ("ui.fact-also-known-as", ui::FACT_ALSO_KNOWN_AS),
    ("ui.story", ui::STORY),
    ("ui.links", ui::LINKS),
    ("ui.timeline", ui::TIMELINE),
    ("ui.not-found-title", ui::NOT_FOUND_TITLE),
    ("ui.not-found-body", ui::NOT_FOUND_BODY),
    ("ui.error-title", ui::ERROR_TITLE),
    ("ui.retry", ui::RETRY),
    ("ui.part-loading", ui::PART_LOADING),
    ("ui.part-failed", ui::PART_FAILED),
    ("ui.checking-latest", ui::CHECKING_LATEST),
    ("ui.details", ui::DETAILS),
    ("ui.dismiss", ui::DISMISS),
    ("ui.ignored-url-parts", ui::IGNORED_URL_PARTS),
    ("ui.act-title", ui::ACT_TITLE),
    ("ui.about-title", ui::ABOUT_TITLE),
    ("ui.skip-to-results", ui::SKIP_TO_RESULTS),
    ("ui.skip-to-profile", ui::SKIP_TO_PROFILE),
    ("ui.profile-nav", ui::PROFILE_NAV),
    ("ui.pager", ui::PAGER),
    ("ui.static-note", ui::STATIC_NOTE),
    ("ui.static-data-link", ui::STATIC_DATA_LINK),
    ("ui.pages", ui::PAGES),
    ("ui.page-previous", ui::PAGE_PREVIOUS),
    ("ui.page-next", ui::PAGE_NEXT),
    ("ui.find-country", ui::FIND_COUNTRY),
    ("ui.find-occupation", ui::FIND_OCCUPATION),
    ("ui.find-campaign", ui::FIND_CAMPAIGN),
    ("ui.find-status", ui::FIND_STATUS),
    ("ui.synthetic-banner", ui::SYNTHETIC_BANNER),
];

/// Each constant, the actions and the totals' labels.
fn constants(en: &Tracked) {
    for (key, label) in CONSTANTS {
        en.same(key, &[], &label.text());
    }
    for (i, action) in ui::actions().iter().enumerate() {
        en.same(&format!("ui.action.{}", i + 1), &[], action);
    }
    // The totals' labels agree with their number.
    en.same(
        "ui.total-people",
        &[("count", n(37))],
        &text::total_people(37),
    );
    en.same(
        "ui.total-countries",
        &[("count", n(12))],
        &text::total_countries(12),
    );
    en.same(
        "ui.total-people",
        &[("count", n(1))],
        &text::total_people(1),
    );
    en.same(
        "ui.total-countries",
        &[("count", n(1))],
        &text::total_countries(1),
    );
}

/// A case in time, its actions, sharing, printing and feeds (issue 17).
fn case_texts(en: &Tracked) {
    use wjc_core::model::{ActionKind, EventKind};
    use wjc_core::text::case;
    for &kind in EventKind::ALL {
        en.same(
            &format!("event.{}", slug(kind.as_str())),
            &[],
            &case::event_kind(kind),
        );
    }
    for &kind in ActionKind::ALL {
        en.same(
            &format!("action.{}", slug(kind.as_str())),
            &[],
            &case::action_kind(kind),
        );
    }
    en.same(
        "case.event-source",
        &[("source", Text("Amnesty International UK"))],
        &case::event_source("Amnesty International UK"),
    );
    for when in ["2012", "2013-03", "2013-03-11"] {
        let dated = date(en, d(when));
        en.same(
            "case.no-contact-since",
            &[("date", Text(&dated))],
            &case::no_contact_since(d(when)),
        );
        en.same(
            "case.last-verified",
            &[("date", Text(&dated))],
            &case::last_verified(d(when)),
        );
    }
    for (years, months) in [(10, 0), (1, 0), (9, 8), (0, 3)] {
        let term = Sentence::Term { years, months };
        let on = d("2031-07");
        // The sentence reads as the card writes it, in lower case within the sentence.
        let length = text::sentence(term).to_lowercase();
        en.same(
            "case.expected-release",
            &[("date", Text(&date(en, on))), ("sentence", Text(&length))],
            &case::expected_release(on, term),
        );
    }
    for (key, today) in [
        ("case.take-action", case::TAKE_ACTION),
        ("case.share", case::SHARE),
        ("case.share-list", case::SHARE_LIST),
        ("case.share-email", case::SHARE_EMAIL),
        ("case.share-links", case::SHARE_LINKS),
        ("case.print", case::PRINT),
        ("case.qr-caption", case::QR_CAPTION),
        ("case.action-link", case::ACTION_LINK),
        ("feed.link", case::FEED_LINK),
    ] {
        en.same(key, &[], &today.text());
    }
    let tags = ["#WithoutJustCause".to_owned(), "#FreeBelarus".to_owned()];
    en.same(
        "case.hashtags",
        &[(
            "hashtags",
            Text("\u{2068}#WithoutJustCause\u{2069} \u{2068}#FreeBelarus\u{2069}"),
        )],
        &case::hashtags(&tags),
    );
    en.same(
        "case.letter-address",
        &[("address", Text("PO Box 1"))],
        &case::letter_address("PO Box 1"),
    );
    let site = [("site", Text("Without Just Cause"))];
    en.same("feed.title", &site, &case::feed_title("Without Just Cause"));
    en.same(
        "feed.country-title",
        &[site[0], ("country", Text("Belarus"))],
        &case::feed_country_title("Without Just Cause", "Belarus"),
    );
    en.same(
        "feed.country-link",
        &[("country", Text("Belarus"))],
        &case::feed_country_link("Belarus"),
    );
    en.same(
        "feed.entry-title",
        &[
            ("name", Text("Ales Bialiatski")),
            ("status", Text("Imprisoned")),
        ],
        &case::feed_entry_title("Ales Bialiatski", Status::Imprisoned),
    );
}
