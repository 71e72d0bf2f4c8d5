//! Every sentence a visitor reads, in one place so translations can come later: labels, the
//! formatting of dates, sentences and time held, counts and messages.

use std::fmt::Write as _;

use crate::date::PartialDate;
use crate::fetch::{Failure, ANSWER_TIMEOUT_SECONDS, ATTEMPTS, MAX_BYTES, STALL_TIMEOUT_SECONDS};
use crate::model::{Dataset, Flag, Person, Sentence, Source, Status};

/// The label on a status badge.
pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Detained => "Detained",
        Status::Imprisoned => "Imprisoned",
        Status::HouseArrest => "House arrest",
        Status::Disappeared => "Disappeared",
        Status::Released => "Released",
        Status::Exiled => "Exiled",
        Status::DiedInCustody => "Died in custody",
        Status::Unknown => "Status unknown",
    }
}

/// What a status means, for the legend.
pub fn status_description(status: Status) -> &'static str {
    match status {
        Status::Detained => "Held without a sentence.",
        Status::Imprisoned => "Sentenced and in prison.",
        Status::HouseArrest => "Confined to their home.",
        Status::Disappeared => "Fate and whereabouts unknown.",
        Status::Released => "Freed.",
        Status::Exiled => "Forced to leave their country.",
        Status::DiedInCustody => "Died while held.",
        Status::Unknown => "Current situation not known.",
    }
}

/// The label of a condition of detention.
pub fn flag_label(flag: Flag) -> &'static str {
    match flag {
        Flag::SolitaryConfinement => "Solitary confinement",
        Flag::Incommunicado => "Held incommunicado",
        Flag::DeniedMedicalCare => "Denied medical care",
        Flag::HealthConcerns => "Health at risk",
        Flag::IllTreatment => "Ill-treatment reported",
        Flag::DeniedFamilyContact => "Denied family contact",
        Flag::UnfairTrial => "Unfair or secret trial",
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date as people read it: `2018`, `Sep 2018` or `15 Sep 2018`.
pub fn date(date: PartialDate) -> String {
    let month = date.month().map(|m| MONTHS[usize::from(m - 1)]);
    match (date.day(), month) {
        (Some(d), Some(m)) => format!("{d} {m} {}", date.year()),
        (None, Some(m)) => format!("{m} {}", date.year()),
        _ => date.year().to_string(),
    }
}

fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A sentence: `20 years`, `9 years 8 months`, `life imprisonment`.
pub fn sentence(sentence: Sentence) -> String {
    match sentence {
        Sentence::Life => "Life imprisonment".into(),
        Sentence::Term { years, months: 0 } => plural(u32::from(years), "year", "years"),
        Sentence::Term { years: 0, months } => plural(u32::from(months), "month", "months"),
        Sentence::Term { years, months } => format!(
            "{} {}",
            plural(u32::from(years), "year", "years"),
            plural(u32::from(months), "month", "months")
        ),
    }
}

/// A sentence on a card: "Sentence: 20 years".
pub fn sentence_line(value: Sentence) -> String {
    format!("{}: {}", ui::FACT_SENTENCE, sentence(value))
}

/// A length of time that surely passed: `over 4 years`, `over a year`, `over 5 months`.
/// `None` under a month, where nothing useful can be said.
pub fn at_least(months: u32) -> Option<String> {
    match months {
        0 => None,
        1..=11 => Some(format!("over {}", plural(months, "month", "months"))),
        12..=23 => Some("over a year".into()),
        _ => Some(format!("over {} years", months / 12)),
    }
}

/// One line on when the person was taken and for how long, honest about partial dates:
/// "Held since Sep 2018 · over 4 years by 2023". The length runs to the date the status was
/// last confirmed, not to today: later changes are not known.
pub fn custody_line(person: &Person) -> Option<String> {
    let arrested = person.arrested?;
    let since = date(arrested);
    let by = date(person.status_as_of);
    let held_for = arrested
        .surely_elapsed_months(&person.status_as_of)
        .and_then(at_least);
    let lead = match person.status {
        Status::Disappeared => format!("Missing since {since}"),
        Status::Detained | Status::Imprisoned | Status::HouseArrest => {
            format!("Held since {since}")
        }
        Status::Released => return Some(format!("Arrested {since} · released by {by}")),
        Status::Exiled | Status::DiedInCustody | Status::Unknown => {
            return Some(format!("Arrested {since}"))
        }
    };
    Some(match held_for {
        Some(length) => format!("{lead} · {length} by {by}"),
        None => lead,
    })
}

/// "Status as of 2023".
pub fn as_of(date_value: PartialDate) -> String {
    format!("as of {}", date(date_value))
}

/// The result count: "37 people" or "3 of 37 people".
pub fn result_count(shown: usize, total: usize) -> String {
    if shown == total {
        people(total)
    } else {
        format!("{shown} of {}", people(total))
    }
}

/// Which page of the results is shown and who is on it: "Page 2 of 42: people 25 to 48".
/// `from` and `to` count from 1, as people read them.
pub fn page_summary(page: usize, pages: usize, from: usize, to: usize) -> String {
    if from == to {
        format!("{}: person {from}", page_of(page, pages))
    } else {
        format!("{}: people {from} to {to}", page_of(page, pages))
    }
}

/// A page link's accessible name, the page's number being its visible text: "Page 5".
pub fn page_link(page: usize) -> String {
    format!("Page {page}")
}

/// The button that shows every option of a long filter: "Show all 56 countries".
pub fn show_all_options(n: usize, plural: &str) -> String {
    format!("Show all {n} {plural}")
}

/// The button that shows a long filter's shortlist again: "Show fewer countries".
pub fn show_fewer_options(plural: &str) -> String {
    format!("Show fewer {plural}")
}

/// What a filter's find box found: "3 of 56 countries match", "No country matches".
pub fn options_found(found: usize, total: usize, singular: &str, plural: &str) -> String {
    match found {
        0 => format!("No {singular} matches"),
        1 => format!("1 of {total} {plural} matches"),
        n => format!("{n} of {total} {plural} match"),
    }
}

/// The notice for records the loader skipped: "2 records could not be shown".
pub fn skipped_notice(skipped: usize) -> String {
    if skipped == 1 {
        "1 record could not be shown".into()
    } else {
        format!("{skipped} records could not be shown")
    }
}

/// The initials for an avatar: first letters of the first and last words that start with a letter.
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
    picked.into_iter().flat_map(char::to_uppercase).collect()
}

/// "1 person", "7 people".
pub fn people(n: usize) -> String {
    if n == 1 {
        "1 person".to_owned()
    } else {
        format!("{n} people")
    }
}

/// Labels and sentences of the map view.
pub mod map {
    use crate::model::Status;

    /// The map's heading.
    pub const TITLE: &str = "Where people are held";
    /// The list/map switch's label.
    pub const VIEW_SWITCH: &str = "Show as";
    /// The list option of the switch.
    pub const VIEW_LIST: &str = "List";
    /// The map option of the switch.
    pub const VIEW_MAP: &str = "Map";
    /// The map's accessible name.
    pub const LABEL: &str = "World map of the countries holding people on the list, shaded by how many. Choose a country to list its people.";
    /// How to move around the map.
    pub const HINT: &str =
        "Drag, or use the arrow keys, to move; + and − to zoom; 0 to see the whole world.";
    /// Zoom button.
    pub const ZOOM_IN: &str = "Zoom in";
    /// Zoom button.
    pub const ZOOM_OUT: &str = "Zoom out";
    /// Zoom button.
    pub const ZOOM_RESET: &str = "Show the whole world";
    /// Clears the country chosen on the map.
    pub const ALL_COUNTRIES: &str = "All countries";
    /// While the shapes download.
    pub const LOADING: &str = "Loading the map…";
    /// When the shapes cannot be shown.
    pub const FAILED: &str = "The map could not be drawn. The table below has the same figures.";
    /// The legend's title.
    pub const LEGEND: &str = "People matching the filters";
    /// The legend entry for countries with nobody.
    pub const LEGEND_NONE: &str = "None";
    /// The table's title.
    pub const TABLE_TITLE: &str = "People matching the filters, by country and status";
    /// The table's country column.
    pub const TABLE_COUNTRY: &str = "Country";
    /// The table's total column.
    pub const TABLE_TOTAL: &str = "People";

    /// A legend entry: "1", "2–4", "5 or more".
    pub fn bin_label(from: usize, to: Option<usize>) -> String {
        match to {
            Some(to) if to == from => from.to_string(),
            Some(to) => format!("{from}–{to}"),
            None => format!("{from} or more"),
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
            .map(|(status, n)| format!("{}: {n}", super::status_label(status).to_lowercase()))
            .collect();
        if parts.is_empty() {
            format!("{country}: {}", super::people(total))
        } else {
            format!("{country}: {} ({})", super::people(total), parts.join(", "))
        }
    }
}

/// Labels and sentences of the embeddable widget and of the app's Embed dialog.
pub mod embed {
    /// The link under a widget's cards to the whole filtered list on the campaign site.
    pub fn show_all(total: usize) -> String {
        format!("See all {} on the campaign site", super::people(total))
    }

    /// Said to screen readers after links that open a new tab.
    pub const NEW_TAB: &str = " (opens in a new tab)";

    /// Shown in a widget's box when it cannot start (no WebAssembly, or the page's policy refuses it).
    pub const UNAVAILABLE: &str =
        "The list of political prisoners cannot be shown here. It is on the campaign site.";

    /// What a `dataset` attribute accepts.
    pub const DATASET_EXPECTED: &str = "expected an http or https address of a dataset";

    /// The iframe's title for screen readers: the site's title, and the countries when filtered.
    pub fn frame_title(site: &str, countries: &[&str]) -> String {
        if countries.is_empty() {
            site.to_owned()
        } else {
            format!("{site}: people held by {}", super::join_and(countries))
        }
    }

    /// The app's button that opens the Embed dialog.
    pub const BUTTON: &str = "Embed";
    /// The dialog's heading.
    pub const DIALOG_TITLE: &str = "Embed this list on your site";
    /// What the dialog offers.
    pub const DIALOG_INTRO: &str = "Show the people matching your current search and filters on your own pages. Choose one of the two snippets; docs/embedding.md explains every setting.";
    /// The script embed's heading.
    pub const SCRIPT_TITLE: &str = "Script embed";
    /// When to choose the script embed.
    pub const SCRIPT_HELP: &str = "Part of your page, sized by its content. Your Content-Security-Policy must allow this site in script-src and connect-src, plus 'wasm-unsafe-eval'.";
    /// The iframe embed's heading.
    pub const IFRAME_TITLE: &str = "iframe embed";
    /// When to choose the iframe embed.
    pub const IFRAME_HELP: &str = "For pages that allow no outside scripts: only frame-src needs to allow this site. The optional script resizes the frame to its content.";
    /// Copies a snippet.
    pub const COPY: &str = "Copy";
    /// A snippet was copied.
    pub const COPIED: &str = "Copied";
    /// The browser refused to copy.
    pub const COPY_FAILED: &str = "Could not copy: select the text and copy it instead";
    /// The live preview's heading.
    pub const PREVIEW: &str = "Preview";
    /// Closes the dialog.
    pub const CLOSE: &str = "Close";
}

/// Labels and sentences of the app's interface.
pub mod ui {
    /// Shown while the data loads (to screen readers).
    pub const LOADING: &str = "Loading the list…";
    /// The search box's label.
    pub const SEARCH_LABEL: &str = "Search";
    /// The search box's hint.
    pub const SEARCH_PLACEHOLDER: &str = "Name, country, occupation, charge…";
    /// Filter group titles.
    pub const FILTER_COUNTRY: &str = "Country";
    /// Filter group title.
    pub const FILTER_STATUS: &str = "Status";
    /// Filter group title.
    pub const FILTER_CAMPAIGN: &str = "Campaign";
    /// Filter group title.
    pub const FILTER_OCCUPATION: &str = "Occupation";
    /// The filters panel's heading.
    pub const FILTERS: &str = "Filters";
    /// Sort control label.
    pub const SORT_LABEL: &str = "Sort by";
    /// Sort option.
    pub const SORT_NAME: &str = "Name";
    /// Sort option.
    pub const SORT_COUNTRY: &str = "Country";
    /// Sort option.
    pub const SORT_ARRESTED: &str = "Most recent arrest";
    /// Sort option.
    pub const SORT_HELD: &str = "Longest held";
    /// Clears every filter and the search.
    pub const CLEAR_ALL: &str = "Clear all";
    /// Heading of an empty result.
    pub const EMPTY_TITLE: &str = "Nobody matches";
    /// Explains an empty result.
    pub const EMPTY_BODY: &str = "No one on the list matches this search and these filters together. Try fewer words or fewer filters.";
    /// Offer to clear everything from an empty result.
    pub const EMPTY_ACTION: &str = "Clear search and filters";
    /// Legend heading.
    pub const LEGEND: &str = "What the statuses mean";
    /// Totals labels.
    pub const TOTAL_PEOPLE: &str = "people";
    /// Totals label.
    pub const TOTAL_COUNTRIES: &str = "countries";
    /// Totals label.
    pub const TOTAL_HELD: &str = "held";
    /// Totals label.
    pub const TOTAL_RELEASED: &str = "released";
    /// The card grid's accessible name.
    pub const RESULTS: &str = "People on the list";
    /// Back link on a profile.
    pub const BACK: &str = "Back to the list";
    /// Below a long list's first page while the list downloads.
    pub const WAITING_FOR_LIST: &str =
        "Search, filters and the other pages work once the whole list has loaded.";
    /// While a profile's story and sources download.
    pub const DETAIL_LOADING: &str = "Loading this person's story…";
    /// Previous person link.
    pub const PREVIOUS: &str = "Previous";
    /// Next person link.
    pub const NEXT: &str = "Next";
    /// Copy-link button.
    pub const COPY_LINK: &str = "Copy link";
    /// Copy-link confirmation.
    pub const COPIED: &str = "Link copied";
    /// Copy-link failure.
    pub const COPY_FAILED: &str = "Could not copy; copy the address from the address bar";
    /// Facts panel heading.
    pub const FACTS: &str = "Facts";
    /// Fact label.
    pub const FACT_COUNTRY: &str = "Held by";
    /// Fact label.
    pub const FACT_LOCATION: &str = "Place";
    /// Fact label.
    pub const FACT_STATUS: &str = "Status";
    /// Fact label.
    pub const FACT_ARRESTED: &str = "Arrested";
    /// Fact label.
    pub const FACT_SENTENCED: &str = "Sentenced";
    /// Fact label.
    pub const FACT_SENTENCE: &str = "Sentence";
    /// Fact label.
    pub const FACT_CHARGES: &str = "Charges";
    /// Fact label.
    pub const FACT_OCCUPATIONS: &str = "Occupation";
    /// Fact label.
    pub const FACT_CONDITIONS: &str = "Conditions";
    /// Fact label.
    pub const FACT_CAMPAIGNS: &str = "Listed by";
    /// Fact label.
    pub const FACT_SOURCE: &str = "Source";
    /// Fact label.
    pub const FACT_ALSO_KNOWN_AS: &str = "Also written";
    /// Story heading.
    pub const STORY: &str = "Story";
    /// Heading for links.
    pub const LINKS: &str = "Read more";
    /// Heading for a timeline.
    pub const TIMELINE: &str = "Timeline";
    /// Profile not found heading.
    pub const NOT_FOUND_TITLE: &str = "Profile not found";
    /// Profile not found text.
    pub const NOT_FOUND_BODY: &str = "There is nobody with this link on the list. The link may be mistyped, or the record may have been removed.";
    /// Error view heading.
    pub const ERROR_TITLE: &str = "The list could not be loaded";
    /// Retry button.
    pub const RETRY: &str = "Try again";
    /// Shown in the saved-copy note while the latest list is being fetched again.
    pub const CHECKING_LATEST: &str = "Checking for the latest list…";
    /// Notice details toggle.
    pub const DETAILS: &str = "Details";
    /// Dismiss a notice.
    pub const DISMISS: &str = "Dismiss";
    /// Note on links ignored in the URL.
    pub const IGNORED_URL_PARTS: &str =
        "Some parts of this link were not understood and were ignored:";
    /// "What you can do" heading.
    pub const ACT_TITLE: &str = "What you can do";
    /// The actions, in the project's own words.
    pub const ACTIONS: &[&str] = &[
        "Learn the facts of each case from human rights groups, historians and other independent experts.",
        "Share the stories of people held unjustly and of survivors and their families, so they are not forgotten.",
        "Join, follow or volunteer with a human rights organisation, and bring friends and family along.",
        "Write to your own local, national or federal representatives and ask them to speak up.",
        "Write to officials of the governments that hold political prisoners, asking for their release.",
        "Buy with care: find out whether products are linked to forced labour or other abuses, and ask companies about their human rights record.",
        "Send letters of support to prisoners; human rights groups such as Amnesty International's Write for Rights explain how.",
    ];
    /// "About this data" heading.
    pub const ABOUT_TITLE: &str = "About this data";
    /// Skip link.
    pub const SKIP_TO_RESULTS: &str = "Skip to the list";
    /// Skip link on a static profile page.
    pub const SKIP_TO_PROFILE: &str = "Skip to the profile";
    /// Accessible name of a profile's "back" navigation.
    pub const PROFILE_NAV: &str = "Profile navigation";
    /// Accessible name of the previous/next person links.
    pub const PAGER: &str = "Previous and next person";
    /// On the static list, which browsers without JavaScript or WebAssembly show.
    pub const STATIC_NOTE: &str = "Searching and filtering need JavaScript and WebAssembly. Without them, the whole list is here to read, page by page.";
    /// The link to the data file from the static list.
    pub const STATIC_DATA_LINK: &str = "The list as a data file (JSON)";
    /// Accessible name of the static list's page links.
    pub const PAGES: &str = "Pages of the list";
    /// Link to the previous page of the static list.
    pub const PAGE_PREVIOUS: &str = "Previous page";
    /// Link to the next page of the static list.
    pub const PAGE_NEXT: &str = "Next page";
    /// Pages left out between two page links.
    pub const PAGE_GAP: &str = "…";
    /// Find box of the country filter.
    pub const FIND_COUNTRY: &str = "Find a country";
    /// Find box of the occupation filter.
    pub const FIND_OCCUPATION: &str = "Find an occupation";
    /// Find box of the campaign filter.
    pub const FIND_CAMPAIGN: &str = "Find a campaign";
    /// Find box of the status filter.
    pub const FIND_STATUS: &str = "Find a status";
    /// What a filter's options are, one and many, for its buttons and find results.
    pub const OPTIONS_COUNTRY: (&str, &str) = ("country", "countries");
    /// See [`OPTIONS_COUNTRY`].
    pub const OPTIONS_OCCUPATION: (&str, &str) = ("occupation", "occupations");
    /// See [`OPTIONS_COUNTRY`].
    pub const OPTIONS_CAMPAIGN: (&str, &str) = ("campaign", "campaigns");
    /// See [`OPTIONS_COUNTRY`].
    pub const OPTIONS_STATUS: (&str, &str) = ("status", "statuses");
    /// Profile page label in the document title.
    pub const TITLE_SEPARATOR: &str = " — ";
    /// Flag for synthetic data, shown in a banner.
    pub const SYNTHETIC_BANNER: &str =
        "Test data: the people on this page are synthetic and do not exist.";
}

/// What went wrong with the latest list, and what the visitor can do about it.
pub fn load_failure(failure: &Failure) -> String {
    match failure {
        Failure::Offline => "Your device seems to be offline, so the list could not be downloaded. \
            Connect to the internet, then try again."
            .into(),
        Failure::Unreachable => "The site could not be reached, so the list could not be downloaded. \
            The connection may have dropped, or the site may be down or blocked where you are."
            .into(),
        Failure::NoAnswer => format!(
            "The site did not answer within {ANSWER_TIMEOUT_SECONDS} seconds. \
             The connection may be slow or blocked; try again."
        ),
        Failure::Stalled => format!(
            "The list stopped downloading part-way: nothing arrived for {STALL_TIMEOUT_SECONDS} seconds. \
             The connection may be unstable; try again."
        ),
        Failure::CutOff => {
            "The connection broke while the list was downloading, so only part of it arrived. Try again."
                .into()
        }
        Failure::Http(404) => "The list was not found on the server (HTTP 404). \
            The site may be in the middle of an update; try again later."
            .into(),
        Failure::Http(status) if failure.is_transient() => format!(
            "The server had a problem sending the list (HTTP {status}). Try again in a moment."
        ),
        Failure::Http(status) => format!("The server refused to send the list (HTTP {status})."),
        Failure::WebPage => "Instead of the list, a web page arrived. A Wi-Fi sign-in page, a filter \
            or a block may be in the way: open another website to check, then try again."
            .into(),
        Failure::WrongType(kind) => format!(
            "Instead of the list, a file of another kind arrived ({}). The server may be misconfigured.",
            reveal_controls(kind)
        ),
        Failure::TooLarge => format!(
            "The list is larger than {} MB, the most this page will download. \
             The server may be misconfigured.",
            MAX_BYTES / (1024 * 1024)
        ),
        Failure::NotText => "The list arrived damaged: it is not readable text.".into(),
        Failure::Data(error) => error.to_string(),
    }
}

/// The short reason shown while the app tries again: "the site could not be reached".
pub fn failure_reason(failure: &Failure) -> String {
    match failure {
        Failure::Offline => "the device is offline".into(),
        Failure::Unreachable => "the site could not be reached".into(),
        Failure::NoAnswer => format!("no answer within {ANSWER_TIMEOUT_SECONDS} seconds"),
        Failure::Stalled => "the download stalled".into(),
        Failure::CutOff => "the connection broke".into(),
        Failure::Http(status) => format!("the server answered HTTP {status}"),
        Failure::WebPage | Failure::WrongType(_) => "something other than the list arrived".into(),
        Failure::TooLarge => "the file is too large".into(),
        Failure::NotText | Failure::Data(_) => "the file could not be read".into(),
    }
}

/// Why a profile's story and sources are missing, and what to do.
pub fn detail_failure(failure: &Failure) -> String {
    format!(
        "This person's story and sources could not be loaded ({}). Try again, or come back later.",
        failure_reason(failure)
    )
}

/// Shown over the skeleton cards while the app waits to try again.
pub fn retrying(next_attempt: u32, failure: &Failure) -> String {
    format!(
        "The list did not arrive ({}). Trying again, attempt {next_attempt} of {ATTEMPTS}…",
        failure_reason(failure)
    )
}

/// How long ago something happened, from its age in seconds: "3 days ago".
pub fn ago(seconds: u64) -> String {
    const MINUTE: u64 = 60;
    const HOUR: u64 = 60 * MINUTE;
    const DAY: u64 = 24 * HOUR;
    let unit = |n: u64, one: &str| {
        if n == 1 {
            format!("1 {one} ago")
        } else {
            format!("{n} {one}s ago")
        }
    };
    match seconds {
        0..MINUTE => "less than a minute ago".into(),
        MINUTE..HOUR => unit(seconds / MINUTE, "minute"),
        HOUR..DAY => unit(seconds / HOUR, "hour"),
        // Months of 30 days and years of 365 are close enough for "how stale is this".
        _ if seconds < 61 * DAY => unit(seconds / DAY, "day"),
        _ if seconds < 730 * DAY => unit(seconds / (30 * DAY), "month"),
        _ => unit(seconds / (365 * DAY), "year"),
    }
}

/// The note over a list shown from the copy kept in the browser.
pub fn saved_copy_note(age_seconds: u64) -> String {
    format!(
        "Showing a copy saved {} — the latest list could not be loaded.",
        ago(age_seconds)
    )
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

/// "About this data" text for a dataset.
pub fn about(dataset: &Dataset) -> String {
    let publishers: Vec<&str> = dataset
        .sources
        .iter()
        .map(|s| s.publisher.as_str())
        .collect();
    format!(
        "This list was compiled by the without-just-cause project from public documents published by {}. \
         Each profile names its source and the date its status was last confirmed; \
         people's situations may have changed since. The list was last updated on {}.",
        join_and(&publishers),
        date(dataset.updated)
    )
}

/// A source document as listed under "About this data": "Publisher: “Title” (Mar 2023)".
pub fn source_entry(source: &Source) -> String {
    format!(
        "{}: “{}” ({})",
        source.publisher,
        source.title,
        date(source.date)
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

/// The facts on a profile, as (label, value) in display order; facts the record lacks are left out.
pub fn profile_facts(person: &Person, dataset: &Dataset) -> Vec<(&'static str, String)> {
    // Each item from the data isolated, so one item's direction cannot reorder the separators,
    // the other items or the words around them.
    let list = |items: &[String]| {
        (!items.is_empty()).then(|| {
            let isolated: Vec<String> = items.iter().map(|i| isolate(i)).collect();
            isolated.join("; ")
        })
    };
    let flags: Vec<String> = person
        .flags
        .iter()
        .map(|f| flag_label(*f).to_owned())
        .collect();
    let source = dataset.source(&person.source).map(|s| {
        format!(
            "{}, “{}” ({})",
            isolate(&s.publisher),
            isolate(&s.title),
            date(s.date)
        )
    });
    [
        (
            ui::FACT_COUNTRY,
            Some(format!(
                "{} {}",
                person.country.flag(),
                person.country.name()
            )),
        ),
        (ui::FACT_LOCATION, person.location.clone()),
        (
            ui::FACT_STATUS,
            Some(format!(
                "{} ({})",
                status_label(person.status),
                as_of(person.status_as_of)
            )),
        ),
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
    format!("Page {page} of {pages}")
}

/// The title of a page of the static list after the first: "Page 2 of 5 — Without Just Cause".
pub fn list_page_title(page: usize, pages: usize, site: &str) -> String {
    format!("{}{}{site}", page_of(page, pages), ui::TITLE_SEPARATOR)
}

/// The document title of a profile: "Narges Mohammadi — Without Just Cause".
pub fn profile_title(name: &str, site: &str) -> String {
    format!("{name}{}{site}", ui::TITLE_SEPARATOR)
}

/// Joins names as "A, B and C".
pub fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
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
    }

    #[test]
    fn profile_facts_leave_out_what_the_record_lacks_and_keep_their_order() {
        let dataset: Dataset = crate::load(include_str!("../../../assets/data/prisoners.json"))
            .unwrap()
            .dataset;
        let kem = dataset.people.iter().find(|p| p.id == "kem-sokha").unwrap();
        let facts = profile_facts(kem, &dataset);
        let labels: Vec<&str> = facts.iter().map(|(label, _)| *label).collect();
        assert_eq!(labels.first(), Some(&ui::FACT_COUNTRY));
        assert_eq!(labels.last(), Some(&ui::FACT_SOURCE));
        assert!(!labels.contains(&ui::FACT_LOCATION), "{labels:?}");
        let value = |label: &str| {
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
            (u64::MAX, "584942417355 years ago"),
        ] {
            assert_eq!(ago(seconds), text, "{seconds}");
        }
        assert_eq!(
            saved_copy_note(3 * 86_400),
            "Showing a copy saved 3 days ago — the latest list could not be loaded."
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
    fn hidden_controls_are_revealed_and_other_text_kept() {
        assert_eq!(
            reveal_controls("abc\u{202E}fed\u{200B}\u{2069}"),
            "abc<U+202E>fed<U+200B><U+2069>"
        );
        assert_eq!(reveal_controls("نرگس محمدی – Zoë"), "نرگس محمدی – Zoë");
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
        let (one, many) = ui::OPTIONS_COUNTRY;
        assert_eq!(show_all_options(56, many), "Show all 56 countries");
        assert_eq!(show_fewer_options(many), "Show fewer countries");
        assert_eq!(options_found(0, 56, one, many), "No country matches");
        assert_eq!(options_found(1, 56, one, many), "1 of 56 countries matches");
        assert_eq!(options_found(3, 56, one, many), "3 of 56 countries match");
    }
}

/// A case in time, acting on it, sharing it, printing it and following it (issue 17).
pub mod case {
    use super::{custody_line, date, sentence, status_label};
    use crate::date::PartialDate;
    use crate::model::{ActionKind, EventKind, Person, Status};

    /// The label of a timeline event's kind.
    pub fn event_kind(kind: EventKind) -> &'static str {
        match kind {
            EventKind::Arrest => "Arrest",
            EventKind::Detention => "Detention",
            EventKind::Disappearance => "Disappearance",
            EventKind::Trial => "Trial",
            EventKind::Sentence => "Sentence",
            EventKind::Appeal => "Appeal",
            EventKind::Hearing => "Hearing",
            EventKind::Transfer => "Transfer",
            EventKind::Release => "Release",
            EventKind::LastContact => "Last contact",
            EventKind::Award => "Award",
            EventKind::Other => "Event",
        }
    }

    /// The link to an event's source: "Source: U.S. Department of State".
    pub fn event_source(source: &str) -> String {
        format!("Source: {source}")
    }

    /// "No contact since 2012".
    pub fn no_contact_since(since: PartialDate) -> String {
        format!("No contact since {}", date(since))
    }

    /// "Expected release Jul 2031 (a sentence of 10 years, counted from the arrest)".
    pub fn expected_release(on: PartialDate, term: crate::model::Sentence) -> String {
        format!(
            "Expected release {} (a sentence of {}, counted from the arrest)",
            date(on),
            sentence(term).to_lowercase()
        )
    }

    /// "Last verified 30 Nov 2026".
    pub fn last_verified(on: PartialDate) -> String {
        format!("Last verified {}", date(on))
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
    pub const TAKE_ACTION: &str = "Take action";
    /// The share button.
    pub const SHARE: &str = "Share";
    /// The list's share button.
    pub const SHARE_LIST: &str = "Share this list";
    /// The e-mail share link.
    pub const SHARE_EMAIL: &str = "E-mail";
    /// Before the share links.
    pub const SHARE_LINKS: &str = "Share by";
    /// The print control.
    pub const PRINT: &str = "Print case sheet";
    /// Under the printed QR code.
    pub const QR_CAPTION: &str = "Scan to open this profile";
    /// The link of an action to the page that explains it.
    pub const ACTION_LINK: &str = "How to do it";
    /// The link to the list's feed.
    pub const FEED_LINK: &str = "Updates (Atom feed)";

    /// "Share with `#WithoutJustCause` `#FreeBelarus`".
    pub fn hashtags(tags: &[String]) -> String {
        format!("Share with {}", tags.join(" "))
    }

    /// "Address: …".
    pub fn letter_address(address: &str) -> String {
        format!("Address: {address}")
    }

    /// The heading of an action of this kind.
    pub fn action_kind(kind: ActionKind) -> &'static str {
        match kind {
            ActionKind::Share => "Share",
            ActionKind::Demand => "The campaign calls for",
            ActionKind::Act => "You can",
            ActionKind::WriteLetter => "Write a letter",
            ActionKind::ContactOfficials => "Contact officials",
        }
    }

    /// The list's feed title: "Without Just Cause: updates".
    pub fn feed_title(site: &str) -> String {
        format!("{site}: updates")
    }

    /// A country's feed title: "Without Just Cause: updates on Belarus".
    pub fn feed_country_title(site: &str, country: &str) -> String {
        format!("{site}: updates on {country}")
    }

    /// The link to a country's feed.
    pub fn feed_country_link(country: &str) -> String {
        format!("Updates on {country} (Atom feed)")
    }

    /// A feed entry's title: "Ales Bialiatski: Imprisoned".
    pub fn feed_entry_title(name: &str, status: Status) -> String {
        format!("{name}: {}", status_label(status))
    }
}
