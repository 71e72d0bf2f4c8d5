//! Every sentence a visitor reads, written in the language spoken now ([`crate::i18n::speak`])
//! from the message catalogues (assets/i18n/LANG.json; English is compiled in). Functions pick
//! the message and its arguments; the words, their order and their plural forms are the
//! catalogue's.

use std::fmt;

use crate::country::CountryCode;
use crate::date::PartialDate;
use crate::fetch::{Failure, ANSWER_TIMEOUT_SECONDS, ATTEMPTS, MAX_BYTES, STALL_TIMEOUT_SECONDS};
use crate::i18n::message::{
    format_number, format_year,
    Value::{self, Number, Text},
};
use crate::i18n::{say, say_if_translated, speaking};
use crate::model::{Dataset, Flag, Person, Sentence, Source, Status};
use crate::unicode::reveal_controls;

/// A message without arguments, by its catalogue key: a label, a heading, a hint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label(pub &'static str);

impl Label {
    /// The label in the language spoken now.
    pub fn text(self) -> String {
        say(self.0, &[])
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// A count for a message (plural forms, digits as the language writes them).
fn n(count: usize) -> Value<'static> {
    Number(u64::try_from(count).unwrap_or(u64::MAX))
}

/// The label on a status badge.
pub fn status_label(status: Status) -> String {
    say(&format!("status.{}.label", slug(status.as_str())), &[])
}

/// What a status means, for the legend.
pub fn status_description(status: Status) -> String {
    say(
        &format!("status.{}.description", slug(status.as_str())),
        &[],
    )
}

/// The label of a condition of detention.
pub fn flag_label(flag: Flag) -> String {
    say(&format!("flag.{}", slug(flag.as_str())), &[])
}

/// A vocabulary word as a key: `house_arrest` → `house-arrest`.
fn slug(word: &str) -> String {
    word.replace('_', "-")
}

/// A country's name in the language spoken now (CLDR's, from the catalogue), or in English.
pub fn country_name(country: CountryCode) -> String {
    say_if_translated(&format!("country.{}", country.as_str()))
        .unwrap_or_else(|| country.name().to_owned())
}

/// A date as people read it in the language spoken now: `2018`, `Sep 2018` or `15 Sep 2018`
/// (CLDR's patterns and month names).
pub fn date(date: PartialDate) -> String {
    let key = match (date.day(), date.month()) {
        (Some(_), Some(_)) => "date.day-month-year",
        (None, Some(_)) => "date.month-year",
        _ => "date.year",
    };
    let month = date
        .month()
        .map(|m| say(&format!("{key}.month.{m}"), &[]))
        .unwrap_or_default();
    let year = format_year(speaking(), u64::from(date.year()));
    say(
        key,
        &[
            ("year", Text(&year)),
            ("month", Text(&month)),
            ("day", Number(u64::from(date.day().unwrap_or(0)))),
        ],
    )
}

/// A sentence: `20 years`, `9 years 8 months`, `Life imprisonment`.
pub fn sentence(sentence: Sentence) -> String {
    match sentence {
        Sentence::Life => say("sentence.life", &[]),
        Sentence::Term { years, months: 0 } => {
            say("sentence.years", &[("years", Number(years.into()))])
        }
        Sentence::Term { years: 0, months } => {
            say("sentence.months", &[("months", Number(months.into()))])
        }
        Sentence::Term { years, months } => say(
            "sentence.years-months",
            &[
                ("years", Number(years.into())),
                ("months", Number(months.into())),
            ],
        ),
    }
}

/// A sentence on a card: "Sentence: 20 years".
pub fn sentence_line(value: Sentence) -> String {
    say("sentence.line", &[("sentence", Text(&sentence(value)))])
}

/// One line on when the person was taken and for how long, honest about partial dates:
/// "Held since Sep 2018 · over 4 years by 2023". The length runs to the date the status was
/// last confirmed, not to today: later changes are not known.
pub fn custody_line(person: &Person) -> Option<String> {
    let arrested = person.arrested?;
    let since = date(arrested);
    let by = date(person.status_as_of);
    let lead = match person.status {
        Status::Disappeared => "custody.missing-since",
        Status::Detained | Status::Imprisoned | Status::HouseArrest => "custody.held-since",
        Status::Released => {
            return Some(say(
                "custody.arrested-released",
                &[("since", Text(&since)), ("by", Text(&by))],
            ))
        }
        Status::Exiled | Status::DiedInCustody | Status::Unknown => {
            return Some(say("custody.arrested", &[("since", Text(&since))]))
        }
    };
    let months = arrested
        .surely_elapsed_months(&person.status_as_of)
        .unwrap_or(0);
    let (since, by) = (("since", Text(&since)), ("by", Text(&by)));
    Some(match months {
        0 => say(lead, &[since, by]),
        1..=11 => say(
            &format!("{lead}.months"),
            &[since, by, ("months", Number(months.into()))],
        ),
        _ => say(
            &format!("{lead}.years"),
            &[since, by, ("years", Number((months / 12).into()))],
        ),
    })
}

/// "Status as of 2023".
pub fn as_of(date_value: PartialDate) -> String {
    say("status.as-of", &[("date", Text(&date(date_value)))])
}

/// The result count: "37 people" or "3 of 37 people".
pub fn result_count(shown: usize, total: usize) -> String {
    if shown == total {
        people(total)
    } else {
        say(
            "results.count-of",
            &[("shown", n(shown)), ("total", n(total))],
        )
    }
}

/// Which page of the results is shown and who is on it: "Page 2 of 42: people 25 to 48".
/// `from` and `to` count from 1, as people read them.
pub fn page_summary(page: usize, pages: usize, from: usize, to: usize) -> String {
    let args = [
        ("page", n(page)),
        ("pages", n(pages)),
        ("from", n(from)),
        ("to", n(to)),
    ];
    if from == to {
        say("pages.summary.one", &args)
    } else {
        say("pages.summary", &args)
    }
}

/// A page link's accessible name, the page's number being its visible text: "Page 5".
pub fn page_link(page: usize) -> String {
    say("pages.page", &[("page", n(page))])
}

/// The button that shows every option of a long filter: "Show all 56 countries". `filter` is
/// the filter's key (`country`, `status`, `campaign`, `occupation`).
pub fn show_all_options(filter: &str, count: usize) -> String {
    say(&format!("filter.{filter}.show-all"), &[("count", n(count))])
}

/// The button that shows a long filter's shortlist again: "Show fewer countries".
pub fn show_fewer_options(filter: &str) -> String {
    say(&format!("filter.{filter}.show-fewer"), &[])
}

/// What a filter's find box found: "3 of 56 countries match", "No country matches".
pub fn options_found(filter: &str, found: usize, total: usize) -> String {
    say(
        &format!("filter.{filter}.found"),
        &[("found", n(found)), ("total", n(total))],
    )
}

/// The button under the filters on a phone that closes them onto the results: "Show 3 people".
pub fn show_people(count: usize) -> String {
    say("ui.show-people", &[("count", n(count))])
}

/// How many options of a filter are chosen, after its title: " (2 selected)".
pub fn selected(count: usize) -> String {
    say("filter.selected", &[("count", n(count))])
}

/// The notice for records the loader skipped: "2 records could not be shown".
pub fn skipped_notice(skipped: usize) -> String {
    say("results.skipped", &[("count", n(skipped))])
}

/// The initials for an avatar: first letters of the first and last words that start with a letter,
/// as written. The stylesheet shows them in capitals (`text-transform`, which follows the page's
/// language): upper-casing here would put Unicode's whole case table into the visitor's download.
pub fn initials(name: &str) -> String {
    let words: Vec<char> = name
        .split_whitespace()
        .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
        .collect();
    let picked: Vec<char> = match words.as_slice() {
        [] => vec![],
        [only] => vec![*only],
        [first, .., last] => vec![*first, *last],
    };
    picked.into_iter().collect()
}

/// "1 person", "7 people".
pub fn people(count: usize) -> String {
    say("people.count", &[("count", n(count))])
}

/// A figure of the totals in the header, as the language writes numbers: "1,200".
pub fn figure(count: usize) -> String {
    format_number(speaking(), u64::try_from(count).unwrap_or(u64::MAX))
}

/// The word under the header's count of people, agreeing with it: "person", "people".
pub fn total_people(count: usize) -> String {
    say("ui.total-people", &[("count", n(count))])
}

/// The word under the header's count of countries, agreeing with it.
pub fn total_countries(count: usize) -> String {
    say("ui.total-countries", &[("count", n(count))])
}

/// Labels and sentences of the map view.
pub mod map {
    use super::{n, say, Label, Text};
    use crate::lower_case::lower;
    use crate::model::Status;

    /// The map's heading.
    pub const TITLE: Label = Label("map.title");
    /// The list/map switch's label.
    pub const VIEW_SWITCH: Label = Label("map.view-switch");
    /// The list option of the switch.
    pub const VIEW_LIST: Label = Label("map.view-list");
    /// The map option of the switch.
    pub const VIEW_MAP: Label = Label("map.view-map");
    /// The map's accessible name.
    pub const LABEL: Label = Label("map.label");
    /// How to move around the map.
    pub const HINT: Label = Label("map.hint");
    /// Zoom button.
    pub const ZOOM_IN: Label = Label("map.zoom-in");
    /// Zoom button.
    pub const ZOOM_OUT: Label = Label("map.zoom-out");
    /// Zoom button.
    pub const ZOOM_RESET: Label = Label("map.zoom-reset");
    /// Clears the country chosen on the map.
    pub const ALL_COUNTRIES: Label = Label("map.all-countries");
    /// While the shapes download.
    pub const LOADING: Label = Label("map.loading");
    /// When the shapes cannot be shown.
    pub const FAILED: Label = Label("map.failed");
    /// The legend's title.
    pub const LEGEND: Label = Label("map.legend");
    /// The legend entry for countries with nobody.
    pub const LEGEND_NONE: Label = Label("map.legend-none");
    /// The table's title.
    pub const TABLE_TITLE: Label = Label("map.table-title");
    /// The table's country column.
    pub const TABLE_COUNTRY: Label = Label("map.table-country");
    /// The table's total column.
    pub const TABLE_TOTAL: Label = Label("map.table-total");

    /// A legend entry: "1", "2–4", "5 or more".
    pub fn bin_label(from: usize, to: Option<usize>) -> String {
        match to {
            Some(to) if to == from => super::figure(from),
            Some(to) => say("map.bin-range", &[("from", n(from)), ("to", n(to))]),
            None => say("map.bin-open", &[("from", n(from))]),
        }
    }

    /// What a country holds, for its accessible name and tooltip: "Iran: 7 people
    /// (imprisoned: 5, detained: 2)".
    pub fn country_summary(
        country: &str,
        total: usize,
        statuses: impl IntoIterator<Item = (Status, usize)>,
    ) -> String {
        let parts: Vec<String> = statuses
            .into_iter()
            .map(|(status, count)| {
                let label = lower(&super::status_label(status));
                say(
                    "map.status-count",
                    &[("status", Text(&label)), ("count", n(count))],
                )
            })
            .collect();
        if parts.is_empty() {
            say(
                "map.country-summary",
                &[("country", Text(country)), ("total", n(total))],
            )
        } else {
            let statuses = super::join_with(&parts, "list.comma");
            say(
                "map.country-summary.statuses",
                &[
                    ("country", Text(country)),
                    ("total", n(total)),
                    ("statuses", Text(&statuses)),
                ],
            )
        }
    }
}

/// Labels and sentences of the embeddable widget and of the app's Embed dialog.
pub mod embed {
    use super::{n, say, Label, Text};

    /// The link under a widget's cards to the whole filtered list on the campaign site.
    pub fn show_all(total: usize) -> String {
        say("embed.show-all", &[("total", n(total))])
    }

    /// Said to screen readers after links that open a new tab.
    pub const NEW_TAB: Label = Label("embed.new-tab");

    /// Shown in a widget's box when it cannot start (no WebAssembly, or the page's policy refuses it).
    pub const UNAVAILABLE: Label = Label("embed.unavailable");

    /// The iframe's title for screen readers: the site's title, and the countries when filtered.
    pub fn frame_title(site: &str, countries: &[&str]) -> String {
        if countries.is_empty() {
            site.to_owned()
        } else {
            let countries = super::join_and(countries);
            say(
                "embed.frame-title",
                &[("site", Text(site)), ("countries", Text(&countries))],
            )
        }
    }

    /// The app's button that opens the Embed dialog.
    pub const BUTTON: Label = Label("embed.button");
    /// The dialog's heading.
    pub const DIALOG_TITLE: Label = Label("embed.dialog-title");
    /// What the dialog offers.
    pub const DIALOG_INTRO: Label = Label("embed.dialog-intro");
    /// The script embed's heading.
    pub const SCRIPT_TITLE: Label = Label("embed.script-title");
    /// When to choose the script embed.
    pub const SCRIPT_HELP: Label = Label("embed.script-help");
    /// The iframe embed's heading.
    pub const IFRAME_TITLE: Label = Label("embed.iframe-title");
    /// When to choose the iframe embed.
    pub const IFRAME_HELP: Label = Label("embed.iframe-help");
    /// Copies a snippet.
    pub const COPY: Label = Label("embed.copy");
    /// A snippet was copied.
    pub const COPIED: Label = Label("embed.copied");
    /// The browser refused to copy.
    pub const COPY_FAILED: Label = Label("embed.copy-failed");
    /// The live preview's heading.
    pub const PREVIEW: Label = Label("embed.preview");
    /// Closes the dialog.
    pub const CLOSE: Label = Label("embed.close");
}

/// Labels and sentences of the app's interface.
pub mod ui {
    use super::{say, Label};

    /// Shown while the data loads (to screen readers).
    pub const LOADING: Label = Label("ui.loading");
    /// The search box's label.
    pub const SEARCH_LABEL: Label = Label("ui.search-label");
    /// The search box's hint.
    pub const SEARCH_PLACEHOLDER: Label = Label("ui.search-placeholder");
    /// Filter group titles.
    pub const FILTER_COUNTRY: Label = Label("ui.filter-country");
    /// Filter group title.
    pub const FILTER_STATUS: Label = Label("ui.filter-status");
    /// Filter group title.
    pub const FILTER_CAMPAIGN: Label = Label("ui.filter-campaign");
    /// Filter group title.
    pub const FILTER_OCCUPATION: Label = Label("ui.filter-occupation");
    /// Filter group title.
    pub const FILTER_LETTERS: Label = Label("ui.filter-letters");
    /// The letters filter's one option.
    pub const LETTERS_OPTION: Label = Label("ui.letters-option");
    /// The filters panel's heading.
    pub const FILTERS: Label = Label("ui.filters");
    /// Sort control label.
    pub const SORT_LABEL: Label = Label("ui.sort-label");
    /// Sort option.
    pub const SORT_NAME: Label = Label("ui.sort-name");
    /// Sort option.
    pub const SORT_COUNTRY: Label = Label("ui.sort-country");
    /// Sort option.
    pub const SORT_ARRESTED: Label = Label("ui.sort-arrested");
    /// Sort option.
    pub const SORT_HELD: Label = Label("ui.sort-held");
    /// Clears every filter and the search.
    pub const CLEAR_ALL: Label = Label("ui.clear-all");
    /// Heading of an empty result.
    pub const EMPTY_TITLE: Label = Label("ui.empty-title");
    /// Explains an empty result.
    pub const EMPTY_BODY: Label = Label("ui.empty-body");
    /// Offer to clear everything from an empty result.
    pub const EMPTY_ACTION: Label = Label("ui.empty-action");
    /// Legend heading.
    pub const LEGEND: Label = Label("ui.legend");
    /// Totals label.
    pub const TOTAL_HELD: Label = Label("ui.total-held");
    /// Totals label.
    pub const TOTAL_RELEASED: Label = Label("ui.total-released");
    /// The card grid's accessible name.
    pub const RESULTS: Label = Label("ui.results");
    /// Back link on a profile.
    pub const BACK: Label = Label("ui.back");
    /// Below a long list's first page while the list downloads.
    pub const WAITING_FOR_LIST: Label = Label("ui.waiting-for-list");
    /// While a profile's story and sources download.
    pub const DETAIL_LOADING: Label = Label("ui.detail-loading");
    /// Previous person link.
    pub const PREVIOUS: Label = Label("ui.previous");
    /// Next person link.
    pub const NEXT: Label = Label("ui.next");
    /// Copy-link button.
    pub const COPY_LINK: Label = Label("ui.copy-link");
    /// Copy-link confirmation.
    pub const COPIED: Label = Label("ui.copied");
    /// Copy-link failure.
    pub const COPY_FAILED: Label = Label("ui.copy-failed");
    /// Facts panel heading.
    pub const FACTS: Label = Label("ui.facts");
    /// Fact label.
    pub const FACT_COUNTRY: Label = Label("ui.fact-country");
    /// Fact label.
    pub const FACT_LOCATION: Label = Label("ui.fact-location");
    /// Fact label.
    pub const FACT_STATUS: Label = Label("ui.fact-status");
    /// Fact label.
    pub const FACT_ARRESTED: Label = Label("ui.fact-arrested");
    /// Fact label.
    pub const FACT_SENTENCED: Label = Label("ui.fact-sentenced");
    /// Fact label.
    pub const FACT_SENTENCE: Label = Label("ui.fact-sentence");
    /// Fact label.
    pub const FACT_CHARGES: Label = Label("ui.fact-charges");
    /// Fact label.
    pub const FACT_OCCUPATIONS: Label = Label("ui.fact-occupations");
    /// Fact label.
    pub const FACT_CONDITIONS: Label = Label("ui.fact-conditions");
    /// Fact label.
    pub const FACT_CAMPAIGNS: Label = Label("ui.fact-campaigns");
    /// Fact label.
    pub const FACT_SOURCE: Label = Label("ui.fact-source");
    /// Fact label.
    pub const FACT_ALSO_KNOWN_AS: Label = Label("ui.fact-also-known-as");
    /// Story heading.
    pub const STORY: Label = Label("ui.story");
    /// Heading for links.
    pub const LINKS: Label = Label("ui.links");
    /// Heading for a timeline.
    pub const TIMELINE: Label = Label("ui.timeline");
    /// Profile not found heading.
    pub const NOT_FOUND_TITLE: Label = Label("ui.not-found-title");
    /// Profile not found text.
    pub const NOT_FOUND_BODY: Label = Label("ui.not-found-body");
    /// Error view heading.
    pub const ERROR_TITLE: Label = Label("ui.error-title");
    /// Retry button.
    pub const RETRY: Label = Label("ui.retry");
    /// A part of the page (the map, a profile…) whose code is still loading.
    pub const PART_LOADING: Label = Label("ui.part-loading");
    /// A part of the page whose code could not be loaded (with Try again).
    pub const PART_FAILED: Label = Label("ui.part-failed");
    /// Shown in the saved-copy note while the latest list is being fetched again.
    pub const CHECKING_LATEST: Label = Label("ui.checking-latest");
    /// Notice details toggle.
    pub const DETAILS: Label = Label("ui.details");
    /// Dismiss a notice.
    pub const DISMISS: Label = Label("ui.dismiss");
    /// Note on links ignored in the URL.
    pub const IGNORED_URL_PARTS: Label = Label("ui.ignored-url-parts");
    /// "What you can do" heading.
    pub const ACT_TITLE: Label = Label("ui.act-title");
    /// "About this data" heading.
    pub const ABOUT_TITLE: Label = Label("ui.about-title");
    /// Skip link.
    pub const SKIP_TO_RESULTS: Label = Label("ui.skip-to-results");
    /// Skip link on a static profile page.
    pub const SKIP_TO_PROFILE: Label = Label("ui.skip-to-profile");
    /// Accessible name of a profile's "back" navigation.
    pub const PROFILE_NAV: Label = Label("ui.profile-nav");
    /// Accessible name of the previous/next person links.
    pub const PAGER: Label = Label("ui.pager");
    /// On the static list, which browsers without JavaScript or WebAssembly show.
    pub const STATIC_NOTE: Label = Label("ui.static-note");
    /// The link to the data file from the static list.
    pub const STATIC_DATA_LINK: Label = Label("ui.static-data-link");
    /// Accessible name of the static list's page links.
    pub const PAGES: Label = Label("ui.pages");
    /// Link to the previous page of the static list.
    pub const PAGE_PREVIOUS: Label = Label("ui.page-previous");
    /// Link to the next page of the static list.
    pub const PAGE_NEXT: Label = Label("ui.page-next");
    /// Find box of the country filter.
    pub const FIND_COUNTRY: Label = Label("ui.find-country");
    /// Find box of the occupation filter.
    pub const FIND_OCCUPATION: Label = Label("ui.find-occupation");
    /// Find box of the campaign filter.
    pub const FIND_CAMPAIGN: Label = Label("ui.find-campaign");
    /// Find box of the status filter.
    pub const FIND_STATUS: Label = Label("ui.find-status");
    /// What a filter's options are, one and many, for its buttons and find results.
    pub const OPTIONS_COUNTRY: Label = Label("country");
    /// See [`OPTIONS_COUNTRY`].
    pub const OPTIONS_OCCUPATION: Label = Label("occupation");
    /// See [`OPTIONS_COUNTRY`].
    pub const OPTIONS_CAMPAIGN: Label = Label("campaign");
    /// See [`OPTIONS_COUNTRY`].
    pub const OPTIONS_STATUS: Label = Label("status");
    /// Flag for synthetic data, shown in a banner.
    pub const SYNTHETIC_BANNER: Label = Label("ui.synthetic-banner");
    /// Pages left out between two page links.
    pub const PAGE_GAP: &str = "…";
    /// Under a summary translated by a machine.
    pub const MACHINE_TRANSLATION: Label = Label("ui.machine-translation");
    /// The accessible name of the choice of language.
    pub const LANGUAGE: Label = Label("ui.language");

    /// The ways to help anyone on the list, in the project's own words.
    pub fn actions() -> Vec<String> {
        (1..=ACTION_COUNT)
            .map(|i| say(&format!("ui.action.{i}"), &[]))
            .collect()
    }

    /// How many `ui.action.N` messages the catalogues have.
    const ACTION_COUNT: usize = 7;
}

/// What went wrong with the latest list, and what the visitor can do about it.
pub fn load_failure(failure: &Failure) -> String {
    let seconds = |s: u32| [("seconds", Number(s.into()))];
    match failure {
        Failure::Offline => say("fetch.offline", &[]),
        Failure::Unreachable => say("fetch.unreachable", &[]),
        Failure::NoAnswer => say("fetch.no-answer", &seconds(ANSWER_TIMEOUT_SECONDS)),
        Failure::Stalled => say("fetch.stalled", &seconds(STALL_TIMEOUT_SECONDS)),
        Failure::CutOff => say("fetch.cut-off", &[]),
        Failure::Http(404) => say("fetch.not-found", &[]),
        Failure::Http(status) if failure.is_transient() => say(
            "fetch.server-error",
            &[("status", Number((*status).into()))],
        ),
        Failure::Http(status) => say("fetch.refused", &[("status", Number((*status).into()))]),
        Failure::WebPage => say("fetch.web-page", &[]),
        Failure::WrongType(kind) => {
            let kind = reveal_controls(kind);
            say("fetch.wrong-type", &[("kind", Text(&kind))])
        }
        Failure::TooLarge => say(
            "fetch.too-large",
            &[("megabytes", Number(MAX_BYTES / (1024 * 1024)))],
        ),
        Failure::NotText => say("fetch.not-text", &[]),
        Failure::Data(error) => error.to_string(),
    }
}

/// The short reason shown while the app tries again: "the site could not be reached".
pub fn failure_reason(failure: &Failure) -> String {
    match failure {
        Failure::Offline => say("fetch.reason.offline", &[]),
        Failure::Unreachable => say("fetch.reason.unreachable", &[]),
        Failure::NoAnswer => say(
            "fetch.reason.no-answer",
            &[("seconds", Number(ANSWER_TIMEOUT_SECONDS.into()))],
        ),
        Failure::Stalled => say("fetch.reason.stalled", &[]),
        Failure::CutOff => say("fetch.reason.cut-off", &[]),
        Failure::Http(status) => say("fetch.reason.http", &[("status", Number((*status).into()))]),
        Failure::WebPage | Failure::WrongType(_) => say("fetch.reason.wrong-content", &[]),
        Failure::TooLarge => say("fetch.reason.too-large", &[]),
        Failure::NotText | Failure::Data(_) => say("fetch.reason.unreadable", &[]),
    }
}

/// Why a profile's story and sources are missing, and what to do.
pub fn detail_failure(failure: &Failure) -> String {
    let reason = failure_reason(failure);
    say("fetch.detail-failed", &[("reason", Text(&reason))])
}

/// Shown over the skeleton cards while the app waits to try again.
pub fn retrying(next_attempt: u32, failure: &Failure) -> String {
    let reason = failure_reason(failure);
    say(
        "fetch.retrying",
        &[
            ("reason", Text(&reason)),
            ("attempt", Number(next_attempt.into())),
            ("attempts", Number(ATTEMPTS.into())),
        ],
    )
}

/// How long ago something happened, from its age in seconds: "3 days ago".
pub fn ago(seconds: u64) -> String {
    const MINUTE: u64 = 60;
    const HOUR: u64 = 60 * MINUTE;
    const DAY: u64 = 24 * HOUR;
    let (key, count) = match seconds {
        0..MINUTE => ("ago.now", 0),
        MINUTE..HOUR => ("ago.minutes", seconds / MINUTE),
        HOUR..DAY => ("ago.hours", seconds / HOUR),
        // Months of 30 days and years of 365 are close enough for "how stale is this".
        _ if seconds < 61 * DAY => ("ago.days", seconds / DAY),
        _ if seconds < 730 * DAY => ("ago.months", seconds / (30 * DAY)),
        _ => ("ago.years", seconds / (365 * DAY)),
    };
    say(key, &[("count", Number(count))])
}

/// The note over a list shown from the copy kept in the browser: the latest list `failed`, or
/// has not arrived yet.
pub fn saved_copy_note(age_seconds: u64, failed: bool) -> String {
    let ago = ago(age_seconds);
    let key = if failed {
        "notice.saved-copy"
    } else {
        "notice.saved-copy-waiting"
    };
    say(key, &[("ago", Text(&ago))])
}

/// Wraps text from the data in a first-strong isolate (U+2068 … U+2069) for a sentence that mixes
/// it with other words, as Unicode recommends: whatever its direction or its own direction
/// controls, it cannot reorder the words around it. A stray closing isolate inside, which
/// would end the wrapper early, is dropped.
pub fn isolate(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 6);
    out.push('\u{2068}');
    let mut open = 0usize;
    for c in text.chars() {
        match c {
            '\u{2066}'..='\u{2068}' => open += 1,
            '\u{2069}' if open == 0 => continue,
            '\u{2069}' => open -= 1,
            _ => {}
        }
        out.push(c);
    }
    out.push('\u{2069}');
    out
}

/// "About this data" text for a dataset.
pub fn about(dataset: &Dataset) -> String {
    let publishers: Vec<&str> = dataset
        .sources
        .iter()
        .map(|s| s.publisher.as_str())
        .collect();
    let publishers = join_and(&publishers);
    let updated = date(dataset.updated);
    say(
        "ui.about",
        &[("publishers", Text(&publishers)), ("date", Text(&updated))],
    )
}

/// A source document as listed under "About this data": "Publisher: “Title” (Mar 2023)".
pub fn source_entry(source: &Source) -> String {
    let published = date(source.date);
    say(
        "ui.about-source",
        &[
            ("publisher", Text(&source.publisher)),
            ("title", Text(&source.title)),
            ("date", Text(&published)),
        ],
    )
}

/// The campaigns that list `person`, by title: "A and B".
pub fn campaigns(person: &Person, dataset: &Dataset) -> String {
    let titles: Vec<&str> = person
        .campaigns
        .iter()
        .filter_map(|id| dataset.campaign(id).map(|c| c.title.as_str()))
        .collect();
    join_and(&titles)
}

/// Whether a profile fact's value is the record's own text, in the data's language (English),
/// rather than words of the interface: on a page in another language it is marked as English.
pub fn fact_is_data(label: Label) -> bool {
    matches!(
        label,
        ui::FACT_LOCATION | ui::FACT_CHARGES | ui::FACT_OCCUPATIONS
    )
}

/// The facts on a profile, as (label, value) in display order; facts the record lacks are left out.
pub fn profile_facts(person: &Person, dataset: &Dataset) -> Vec<(Label, String)> {
    // Each item from the data isolated, so one item's direction cannot reorder the separators,
    // the other items or the words around them.
    let list = |items: &[String]| {
        (!items.is_empty()).then(|| {
            let isolated: Vec<String> = items.iter().map(|i| isolate(i)).collect();
            join_with(&isolated, "list.semicolon")
        })
    };
    let flags: Vec<String> = person.flags.iter().map(|f| flag_label(*f)).collect();
    let source = dataset.source(&person.source).map(|s| {
        let (publisher, title, day) = (isolate(&s.publisher), isolate(&s.title), date(s.date));
        say(
            "ui.fact-source-value",
            &[
                ("publisher", Text(&publisher)),
                ("title", Text(&title)),
                ("date", Text(&day)),
            ],
        )
    });
    let status = {
        let (label, as_of) = (status_label(person.status), date(person.status_as_of));
        say(
            "ui.fact-status-value",
            &[("status", Text(&label)), ("date", Text(&as_of))],
        )
    };
    [
        (
            ui::FACT_COUNTRY,
            Some(format!(
                "{} {}",
                person.country.flag(),
                country_name(person.country)
            )),
        ),
        (ui::FACT_LOCATION, person.location.clone()),
        (ui::FACT_STATUS, Some(status)),
        (ui::FACT_ARRESTED, person.arrested.map(date)),
        (ui::FACT_SENTENCED, person.sentenced.map(date)),
        (ui::FACT_SENTENCE, person.sentence.map(sentence)),
        (ui::FACT_CHARGES, list(&person.charges)),
        (ui::FACT_OCCUPATIONS, list(&person.occupations)),
        (ui::FACT_CONDITIONS, list(&flags)),
        (ui::FACT_ALSO_KNOWN_AS, list(&person.aliases)),
        (ui::FACT_CAMPAIGNS, Some(campaigns(person, dataset))),
        (ui::FACT_SOURCE, source),
    ]
    .into_iter()
    .filter_map(|(label, value)| value.map(|v| (label, v)))
    .collect()
}

/// Where a page of the list stands: "Page 2 of 5".
pub fn page_of(page: usize, pages: usize) -> String {
    say("pages.page-of", &[("page", n(page)), ("pages", n(pages))])
}

/// The title of a page of the static list after the first: "Page 2 of 5 — Without Just Cause".
pub fn list_page_title(page: usize, pages: usize, site: &str) -> String {
    say(
        "pages.title",
        &[("page", n(page)), ("pages", n(pages)), ("site", Text(site))],
    )
}

/// The document title of a profile: "Narges Mohammadi — Without Just Cause".
pub fn profile_title(name: &str, site: &str) -> String {
    say(
        "profile.title",
        &[("name", Text(name)), ("site", Text(site))],
    )
}

/// Joins names as "A, B and C", as the language spoken now does.
pub fn join_and<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [rest @ .., last] => {
            let items = join_with(rest, "list.comma");
            say(
                "list.and",
                &[("items", Text(&items)), ("last", Text(last.as_ref()))],
            )
        }
    }
}

/// Joins items pairwise from the left with the message `key` (`{items}, {item}`).
fn join_with<S: AsRef<str>>(items: &[S], key: &str) -> String {
    let mut iter = items.iter();
    let Some(first) = iter.next() else {
        return String::new();
    };
    iter.fold(first.as_ref().to_owned(), |joined, item| {
        say(
            key,
            &[("items", Text(&joined)), ("item", Text(item.as_ref()))],
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::country::CountryCode;

    fn d(text: &str) -> PartialDate {
        PartialDate::parse(text).unwrap()
    }

    fn person(status: Status, arrested: Option<&str>, as_of: &str) -> Person {
        Person {
            id: "x".into(),
            name: "X".into(),
            aliases: vec![],
            native_name: None,
            gender: None,
            country: CountryCode::parse("BY").unwrap(),
            location: None,
            status,
            status_as_of: d(as_of),
            summary: "S.".into(),
            story: "S.".into(),
            occupations: vec![],
            arrested: arrested.map(d),
            sentenced: None,
            sentence: None,
            charges: vec![],
            flags: vec![],
            campaigns: vec!["c".into()],
            source: "s".into(),
            photo: None,
            links: vec![],
            timeline: vec![],
            actions: vec![],
            last_verified: None,
            visibility: crate::model::Visibility::Full,
            translations: vec![],
            synthetic: false,
        }
    }

    #[test]
    fn dates_read_naturally_at_each_precision() {
        assert_eq!(date(d("2018")), "2018");
        assert_eq!(date(d("2018-09")), "Sep 2018");
        assert_eq!(date(d("2013-03-11")), "11 Mar 2013");
    }

    #[test]
    fn sentences_read_naturally() {
        assert_eq!(
            sentence(Sentence::Term {
                years: 20,
                months: 0
            }),
            "20 years"
        );
        assert_eq!(
            sentence(Sentence::Term {
                years: 1,
                months: 0
            }),
            "1 year"
        );
        assert_eq!(
            sentence(Sentence::Term {
                years: 9,
                months: 8
            }),
            "9 years 8 months"
        );
        assert_eq!(
            sentence(Sentence::Term {
                years: 0,
                months: 6
            }),
            "6 months"
        );
        assert_eq!(sentence(Sentence::Life), "Life imprisonment");
    }

    #[test]
    fn custody_line_is_honest_about_partial_dates() {
        let p = person(Status::Imprisoned, Some("2018-09"), "2023");
        assert_eq!(
            custody_line(&p).unwrap(),
            "Held since Sep 2018 · over 4 years by 2023"
        );
        let p = person(Status::Imprisoned, Some("2018"), "2020");
        assert_eq!(
            custody_line(&p).unwrap(),
            "Held since 2018 · over a year by 2020"
        );
        // Same year: no length can be claimed.
        let p = person(Status::Detained, Some("2023-02"), "2023");
        assert_eq!(custody_line(&p).unwrap(), "Held since Feb 2023");
        let p = person(Status::Disappeared, Some("2013-03-11"), "2023");
        assert_eq!(
            custody_line(&p).unwrap(),
            "Missing since 11 Mar 2013 · over 9 years by 2023"
        );
        let p = person(Status::Released, Some("2021-06"), "2023");
        assert_eq!(
            custody_line(&p).unwrap(),
            "Arrested Jun 2021 · released by 2023"
        );
        assert_eq!(
            custody_line(&person(Status::Imprisoned, None, "2023")),
            None
        );
    }

    #[test]
    fn counts_and_notices_agree_in_number() {
        assert_eq!(result_count(37, 37), "37 people");
        assert_eq!(result_count(1, 37), "1 of 37 people");
        assert_eq!(result_count(1, 1), "1 person");
        assert_eq!(skipped_notice(1), "1 record could not be shown");
        assert_eq!(skipped_notice(2), "2 records could not be shown");
    }

    #[test]
    fn initials_skip_punctuation_and_keep_scripts() {
        assert_eq!(initials("Maykel “Osorbo” Castillo"), "MC");
        assert_eq!(initials("Phạm Đoan Trang"), "PT");
        assert_eq!(initials("Kem Sokha"), "KS");
        assert_eq!(initials("Madonna"), "M");
        assert_eq!(initials("نرگس محمدی"), "نم");
        assert_eq!(initials(""), "");
        assert_eq!(
            initials("ding jiaxi"),
            "dj",
            "left as written, for the stylesheet"
        );
    }

    #[test]
    fn profile_facts_leave_out_what_the_record_lacks_and_keep_their_order() {
        let dataset: Dataset = crate::load(include_str!("../../../assets/data/prisoners.json"))
            .unwrap()
            .dataset;
        let kem = dataset.people.iter().find(|p| p.id == "kem-sokha").unwrap();
        let facts = profile_facts(kem, &dataset);
        let labels: Vec<Label> = facts.iter().map(|(label, _)| *label).collect();
        assert_eq!(labels.first(), Some(&ui::FACT_COUNTRY));
        assert_eq!(labels.last(), Some(&ui::FACT_SOURCE));
        assert!(!labels.contains(&ui::FACT_LOCATION), "{labels:?}");
        let value = |label: Label| {
            facts
                .iter()
                .find(|(l, _)| *l == label)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(value(ui::FACT_SENTENCE), Some("27 years"));
        assert_eq!(value(ui::FACT_SENTENCED), Some("3 Mar 2023"));
        assert!(value(ui::FACT_STATUS)
            .unwrap()
            .starts_with("House arrest (as of "));
        assert_eq!(sentence_line(Sentence::Life), "Sentence: Life imprisonment");
    }

    #[test]
    fn titles_name_the_page_then_the_site() {
        assert_eq!(profile_title("Kem Sokha", "W"), "Kem Sokha — W");
        assert_eq!(list_page_title(2, 5, "W"), "Page 2 of 5 — W");
    }

    #[test]
    fn ages_read_naturally_in_the_largest_whole_unit() {
        for (seconds, text) in [
            (0, "less than a minute ago"),
            (59, "less than a minute ago"),
            (60, "1 minute ago"),
            (3_599, "59 minutes ago"),
            (3_600, "1 hour ago"),
            (86_399, "23 hours ago"),
            (86_400, "1 day ago"),
            (3 * 86_400 + 7_200, "3 days ago"),
            (60 * 86_400, "60 days ago"),
            (61 * 86_400, "2 months ago"),
            (729 * 86_400, "24 months ago"),
            (730 * 86_400, "2 years ago"),
            (u64::MAX, "584,942,417,355 years ago"),
        ] {
            assert_eq!(ago(seconds), text, "{seconds}");
        }
        assert_eq!(
            saved_copy_note(3 * 86_400, true),
            "Showing a copy saved 3 days ago — the latest list could not be loaded."
        );
        assert_eq!(
            saved_copy_note(3 * 86_400, false),
            "Showing a copy saved 3 days ago — the latest list has not arrived yet."
        );
    }

    #[test]
    fn failures_say_what_happened_and_what_to_do() {
        assert!(load_failure(&Failure::NoAnswer).contains("within 20 seconds"));
        assert!(load_failure(&Failure::Stalled).contains("nothing arrived for 20 seconds"));
        assert!(load_failure(&Failure::Http(503)).contains("HTTP 503). Try again"));
        assert!(load_failure(&Failure::Http(404)).contains("not found on the server (HTTP 404)"));
        assert!(load_failure(&Failure::Http(403)).contains("refused to send the list (HTTP 403)"));
        assert!(load_failure(&Failure::WebPage).contains("Wi-Fi sign-in page"));
        assert!(load_failure(&Failure::TooLarge).contains("larger than 128 MB"));
        assert!(
            load_failure(&Failure::WrongType("image/\u{202E}gnp".into()))
                .contains("(image/<U+202E>gnp)")
        );
        assert_eq!(
            retrying(2, &Failure::Http(500)),
            "The list did not arrive (the server answered HTTP 500). Trying again, attempt 2 of 3…"
        );
    }

    #[test]
    fn isolated_text_cannot_close_its_wrapper_early() {
        assert_eq!(isolate("abc"), "\u{2068}abc\u{2069}");
        assert_eq!(isolate("a\u{202E}b"), "\u{2068}a\u{202E}b\u{2069}");
        assert_eq!(isolate("a\u{2069}b"), "\u{2068}ab\u{2069}");
        assert_eq!(
            isolate("\u{2067}a\u{2069}\u{2069}"),
            "\u{2068}\u{2067}a\u{2069}\u{2069}"
        );
    }

    #[test]
    fn lists_join_with_and() {
        assert_eq!(join_and(&["A"]), "A");
        assert_eq!(join_and(&["A", "B", "C"]), "A, B and C");
    }

    #[test]
    fn map_labels_read_naturally() {
        assert_eq!(map::bin_label(1, Some(1)), "1");
        assert_eq!(map::bin_label(2, Some(4)), "2–4");
        assert_eq!(map::bin_label(5, None), "5 or more");
        assert_eq!(
            map::country_summary(
                "Iran",
                7,
                [(Status::Imprisoned, 5), (Status::HouseArrest, 2)]
            ),
            "Iran: 7 people (imprisoned: 5, house arrest: 2)"
        );
        assert_eq!(map::country_summary("Egypt", 0, []), "Egypt: 0 people");
        assert_eq!(people(1), "1 person");
    }

    #[test]
    fn pages_and_long_filters_read_naturally() {
        assert_eq!(page_summary(2, 42, 25, 48), "Page 2 of 42: people 25 to 48");
        assert_eq!(page_summary(3, 3, 49, 49), "Page 3 of 3: person 49");
        assert_eq!(page_link(5), "Page 5");
        assert_eq!(show_all_options("country", 56), "Show all 56 countries");
        assert_eq!(show_fewer_options("country"), "Show fewer countries");
        assert_eq!(options_found("country", 0, 56), "No country matches");
        assert_eq!(options_found("country", 1, 56), "1 of 56 countries matches");
        assert_eq!(options_found("country", 3, 56), "3 of 56 countries match");
    }
}

/// A case in time, acting on it, sharing it, printing it and following it (issue 17).
pub mod case {
    use super::{custody_line, date, say, sentence, status_label, Label, Text};
    use crate::date::PartialDate;
    use crate::lower_case::lower;
    use crate::model::{ActionKind, EventKind, Person, Status};

    /// The label of a timeline event's kind.
    pub fn event_kind(kind: EventKind) -> String {
        say(&format!("event.{}", super::slug(kind.as_str())), &[])
    }

    /// The link to an event's source: "Source: U.S. Department of State".
    pub fn event_source(source: &str) -> String {
        say("case.event-source", &[("source", Text(source))])
    }

    /// "No contact since 2012".
    pub fn no_contact_since(since: PartialDate) -> String {
        let since = date(since);
        say("case.no-contact-since", &[("date", Text(&since))])
    }

    /// "Expected release Jul 2031 (a sentence of 10 years, counted from the arrest)".
    pub fn expected_release(on: PartialDate, term: crate::model::Sentence) -> String {
        let (on, term) = (date(on), lower(&sentence(term)));
        say(
            "case.expected-release",
            &[("date", Text(&on)), ("sentence", Text(&term))],
        )
    }

    /// "Last verified 30 Nov 2026".
    pub fn last_verified(on: PartialDate) -> String {
        let on = date(on);
        say("case.last-verified", &[("date", Text(&on))])
    }

    /// The lines under a profile's name: how long held (as of the status date, saying so), no
    /// contact since, expected release, last verified; those the record allows.
    pub fn lines(person: &Person) -> Vec<String> {
        let release = crate::case::expected_release(person)
            .zip(person.sentence)
            .map(|(on, term)| expected_release(on, term));
        [
            custody_line(person),
            crate::case::no_contact_since(person).map(no_contact_since),
            release,
            person.last_verified.map(last_verified),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// The heading of a profile's actions.
    pub const TAKE_ACTION: Label = Label("case.take-action");
    /// The share button.
    pub const SHARE: Label = Label("case.share");
    /// The list's share button.
    pub const SHARE_LIST: Label = Label("case.share-list");
    /// The e-mail share link.
    pub const SHARE_EMAIL: Label = Label("case.share-email");
    /// Before the share links.
    pub const SHARE_LINKS: Label = Label("case.share-links");
    /// The print control.
    pub const PRINT: Label = Label("case.print");
    /// Under the printed QR code.
    pub const QR_CAPTION: Label = Label("case.qr-caption");
    /// The link of an action to the page that explains it.
    pub const ACTION_LINK: Label = Label("case.action-link");
    /// The link to the list's feed.
    pub const FEED_LINK: Label = Label("feed.link");

    /// "Share with `#WithoutJustCause` `#FreeBelarus`". Each hashtag is isolated, so a
    /// right-to-left sentence keeps its `#` in front of it.
    pub fn hashtags(tags: &[String]) -> String {
        let tags: Vec<String> = tags.iter().map(|t| super::isolate(t)).collect();
        let tags = tags.join(" ");
        say("case.hashtags", &[("hashtags", Text(&tags))])
    }

    /// "Address: …".
    pub fn letter_address(address: &str) -> String {
        say("case.letter-address", &[("address", Text(address))])
    }

    /// The heading of an action of this kind.
    pub fn action_kind(kind: ActionKind) -> String {
        say(&format!("action.{}", super::slug(kind.as_str())), &[])
    }

    /// The list's feed title: "Without Just Cause: updates".
    pub fn feed_title(site: &str) -> String {
        say("feed.title", &[("site", Text(site))])
    }

    /// A country's feed title: "Without Just Cause: updates on Belarus".
    pub fn feed_country_title(site: &str, country: &str) -> String {
        say(
            "feed.country-title",
            &[("site", Text(site)), ("country", Text(country))],
        )
    }

    /// The link to a country's feed.
    pub fn feed_country_link(country: &str) -> String {
        say("feed.country-link", &[("country", Text(country))])
    }

    /// A feed entry's title: "Ales Bialiatski: Imprisoned".
    pub fn feed_entry_title(name: &str, status: Status) -> String {
        let status = status_label(status);
        say(
            "feed.entry-title",
            &[("name", Text(name)), ("status", Text(&status))],
        )
    }
}
