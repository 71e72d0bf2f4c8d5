//! The view's state in the URL fragment, so any static host works without rewrites, and a
//! reload, a bookmark or a shared link opens the same view.
//!
//! `#/?q=pham&country=BY,CN&status=imprisoned&sort=arrested&page=2` is the list (its second
//! page);
//! `#/person/ales-bialiatski?country=BY` is a profile opened from a filtered list (the filters
//! are kept so "back to the list" and previous/next follow the same list).
//!
//! Parsing never fails: what cannot be read is dropped and named in [`Parsed::ignored`].

use std::fmt::Write as _;

use crate::filter::Filter;
use crate::i18n::Lang;
use crate::query::{Query, Sort};

/// Which main view is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// The cards.
    #[default]
    List,
    /// The world map.
    Map,
}

impl View {
    /// The view's name in URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::List => "list",
            Self::Map => "map",
        }
    }

    /// Reads a view's URL name.
    pub fn parse(text: &str) -> Option<Self> {
        [Self::List, Self::Map]
            .into_iter()
            .find(|v| v.as_str() == text)
    }
}

/// Everything the URL holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// Search, filters and order.
    pub query: Query,
    /// The open profile's id, if any.
    pub profile: Option<String>,
    /// List or map.
    pub view: View,
    /// Which page of the list is shown, from 0 (the URL counts from 1: `page=2` is index 1). A
    /// page past the end of the list shows its last page (see [`crate::paging::Page::of`]).
    pub page: usize,
    /// The language the visitor chose (`lang=es`); `None` when they chose none, and their
    /// browser's preferred languages decide.
    pub lang: Option<Lang>,
}

/// A parsed fragment and what was ignored in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    /// The state the fragment describes.
    pub state: ViewState,
    /// Parameters or values that were not understood, as `name=value`.
    pub ignored: Vec<String>,
}

const PROFILE_PREFIX: &str = "/person/";

/// Reads a URL fragment (with or without the leading `#`).
pub fn parse(fragment: &str) -> Parsed {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let (path, params) = fragment.split_once('?').unwrap_or((fragment, ""));
    let mut parsed = Parsed::default();
    let path = decode(path);
    if let Some(id) = path.strip_prefix(PROFILE_PREFIX) {
        if is_id(id) {
            parsed.state.profile = Some(id.to_owned());
        } else {
            parsed.ignored.push(clip(&path));
        }
    } else if !matches!(path.as_str(), "" | "/") {
        parsed.ignored.push(clip(&path));
    }
    let query = &mut parsed.state.query;
    for pair in params.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        // Lists are split before decoding, so an escaped comma (`%2C`) stays inside its value.
        let items: Vec<String> = value.split(',').map(decode).collect();
        let (name, value) = (decode(name), decode(value));
        let values = || items.iter().map(|v| v.trim()).filter(|v| !v.is_empty());
        let mut bad = Vec::new();
        if let Some(filter) = Filter::from_key(&name) {
            bad.extend(
                values()
                    .filter(|v| !filter.add(&mut query.filters, v))
                    .map(str::to_owned),
            );
        }
        match name.as_str() {
            _ if Filter::from_key(&name).is_some() => {}
            "q" => query.text.clone_from(&value),
            "sort" => match Sort::parse(&value) {
                Some(sort) => query.sort = sort,
                None => bad.push(value.clone()),
            },
            "view" => match View::parse(&value) {
                Some(view) => parsed.state.view = view,
                None => bad.push(value.clone()),
            },
            "lang" => match Lang::from_tag(&value) {
                Some(lang) => parsed.state.lang = Some(lang),
                None => bad.push(value.clone()),
            },
            "page" => match page_index(&value) {
                Some(page) => parsed.state.page = page,
                None => bad.push(value.clone()),
            },
            _ => bad.push(value.clone()),
        }
        parsed
            .ignored
            .extend(bad.iter().map(|v| clip(&format!("{name}={v}"))));
    }
    parsed
}

/// Writes the fragment for `state`, leading `#` included; defaults are left out.
pub fn to_fragment(state: &ViewState) -> String {
    let mut out = String::from("#/");
    if let Some(id) = &state.profile {
        out.push_str(&PROFILE_PREFIX[1..]);
        out.push_str(&encode(id));
    }
    out.push_str(&list_params(&state.query, state.view, state.page));
    if let Some(lang) = state.lang {
        out.push(if out.contains('?') { '&' } else { '?' });
        out.push_str("lang=");
        out.push_str(lang.tag());
    }
    out
}

/// Reads a page number as written in URLs (from 1, plain digits) into a page index (from 0).
fn page_index(text: &str) -> Option<usize> {
    if text.is_empty() || text.len() > 9 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse::<usize>().ok()?.checked_sub(1)
}

/// The list's parameters (`?q=…&country=…`), or nothing when all are defaults.
fn list_params(query: &Query, view: View, page: usize) -> String {
    let filters = Filter::ALL.into_iter().map(|filter| {
        let values: Vec<String> = filter
            .values(&query.filters)
            .into_iter()
            .map(encode)
            .collect();
        (filter.key(), values.join(","))
    });
    let others = [
        (
            "sort",
            if query.sort == Sort::default() {
                String::new()
            } else {
                query.sort.as_str().to_owned()
            },
        ),
        (
            "view",
            if view == View::default() {
                String::new()
            } else {
                view.as_str().to_owned()
            },
        ),
        (
            "page",
            if page == 0 {
                String::new()
            } else {
                page.saturating_add(1).to_string()
            },
        ),
    ];
    let pairs: Vec<String> = std::iter::once(("q", encode(query.text.trim())))
        .chain(filters)
        .chain(others)
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", pairs.join("&"))
    }
}

/// Where the static page of a profile is, relative to the site's root: `person/ales-bialiatski.html`.
/// Written by `wjc site` for browsers without JavaScript or WebAssembly, and the link the app
/// shares, since it opens everywhere. `None` for a text that is not a record id.
pub fn static_profile_path(id: &str) -> Option<String> {
    is_id(id).then(|| format!("{}{id}.html", &PROFILE_PREFIX[1..]))
}

/// Where list page `page` (from 0) is as a static page, relative to the site's root:
/// `index.html`, then `list/2.html`, `list/3.html`… (`wjc site` writes them; the app's `#/?page=3`
/// shows the same people as `list/3.html`).
pub fn static_list_path(page: usize) -> String {
    if page == 0 {
        "index.html".to_owned()
    } else {
        format!("list/{}.html", page.saturating_add(1))
    }
}

/// Where the static page showing `state` is, relative to the site's root: a profile's page, or a
/// page of the list as it opens (no search, filter or map). `None` when `wjc site` writes no page
/// for it.
pub fn static_path(state: &ViewState) -> Option<String> {
    let path = match &state.profile {
        Some(id) => static_profile_path(id)?,
        None if state.query == Query::default() && state.view == View::List => {
            static_list_path(state.page)
        }
        None => return None,
    };
    Some(format!("{}{path}", language_folder(state.lang)))
}

/// The folder of the static pages in `lang`, relative to the site's root: `es/`; English, the
/// site's own language, is at the root.
pub fn language_folder(lang: Option<Lang>) -> String {
    match lang {
        Some(lang) if lang != Lang::En => format!("{}/", lang.tag()),
        _ => String::new(),
    }
}

fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 80
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Percent-encodes everything but unreserved characters (and `,` is encoded, as it separates values).
pub(crate) fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` as a space; malformed escapes are kept as written.
pub(crate) fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                match std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(byte) => {
                        out.push(byte);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Shortens what is echoed back in messages, and shows hidden direction controls so a crafted
/// link cannot reorder the notice that names it.
pub(crate) fn clip(text: &str) -> String {
    crate::unicode::reveal_controls(&text.chars().take(60).collect::<String>())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::{CountryCode, Status};

    #[test]
    fn static_paths_name_the_profiles_and_the_pages_of_the_unfiltered_list() {
        let at = |fragment: &str| static_path(&state_of(fragment));
        assert_eq!(at("#/").as_deref(), Some("index.html"));
        assert_eq!(at("#/?page=3").as_deref(), Some("list/3.html"));
        assert_eq!(
            at("#/person/ales-bialiatski?country=BY").as_deref(),
            Some("person/ales-bialiatski.html")
        );
        assert_eq!(at("#/?lang=es").as_deref(), Some("es/index.html"));
        assert_eq!(
            at("#/person/ales-bialiatski?lang=zh-Hans").as_deref(),
            Some("zh-Hans/person/ales-bialiatski.html")
        );
        assert_eq!(at("#/?page=2&lang=en").as_deref(), Some("list/2.html"));
        for fragment in [
            "#/?country=BY",
            "#/?q=x",
            "#/?view=map",
            "#/?sort=arrested&page=2",
        ] {
            assert_eq!(at(fragment), None, "{fragment}");
        }
    }

    #[test]
    fn static_profile_paths_are_only_made_from_ids() {
        assert_eq!(
            static_profile_path("ales-bialiatski").as_deref(),
            Some("person/ales-bialiatski.html")
        );
        for bad in ["", "../index", "a/b", "a.b", "Ales", "<script>", "a b"] {
            assert_eq!(static_profile_path(bad), None, "{bad:?}");
        }
    }

    fn state_of(fragment: &str) -> ViewState {
        let parsed = parse(fragment);
        assert!(
            parsed.ignored.is_empty(),
            "{fragment}: {:?}",
            parsed.ignored
        );
        parsed.state
    }

    #[test]
    fn empty_fragments_are_the_default_view() {
        for fragment in ["", "#", "#/", "/"] {
            assert_eq!(state_of(fragment), ViewState::default());
        }
        assert_eq!(to_fragment(&ViewState::default()), "#/");
    }

    #[test]
    fn list_state_round_trips() {
        let fragment = "#/?q=pham%20doan&country=BY,CN&status=imprisoned,released&campaign=without-just-cause&occupation=human%20rights%20defender&sort=arrested&view=map&page=3";
        let state = state_of(fragment);
        assert_eq!(state.query.text, "pham doan");
        assert_eq!(state.query.filters.countries.len(), 2);
        assert_eq!(state.query.filters.statuses.len(), 2);
        assert!(state
            .query
            .filters
            .occupations
            .contains("human rights defender"));
        assert_eq!(state.query.sort, Sort::Arrested);
        assert_eq!(state.view, View::Map);
        assert_eq!(state.page, 2);
        assert_eq!(to_fragment(&state), fragment);
    }

    #[test]
    fn pages_count_from_one_in_the_url_and_the_first_is_left_out() {
        assert_eq!(state_of("#/?page=1").page, 0);
        assert_eq!(to_fragment(&state_of("#/?page=1")), "#/");
        assert_eq!(state_of("#/?page=2").page, 1);
        assert_eq!(state_of("#/?page=042").page, 41);
        let profile = state_of("#/person/ales-bialiatski?country=BY&page=2");
        assert_eq!(
            to_fragment(&profile),
            "#/person/ales-bialiatski?country=BY&page=2"
        );
        let parsed = parse("#/?page=0&page=-1&page=two&page=1.5&page=&page=9999999999&page=%2B3");
        assert_eq!(parsed.state.page, 0);
        assert_eq!(
            parsed.ignored,
            [
                "page=0",
                "page=-1",
                "page=two",
                "page=1.5",
                "page=",
                "page=9999999999",
                "page=+3"
            ]
        );
    }

    #[test]
    fn profile_state_keeps_the_list_it_came_from() {
        let state = state_of("#/person/ales-bialiatski?country=BY");
        assert_eq!(state.profile.as_deref(), Some("ales-bialiatski"));
        assert_eq!(state.query.filters.countries.len(), 1);
        assert_eq!(to_fragment(&state), "#/person/ales-bialiatski?country=BY");
    }

    #[test]
    fn unknown_values_are_dropped_and_named_while_the_rest_applies() {
        let parsed = parse("#/?country=BY,ZZ&status=jailed,released&sort=random&colour=blue");
        assert_eq!(parsed.state.query.filters.countries.len(), 1);
        assert_eq!(parsed.state.query.filters.statuses.len(), 1);
        assert_eq!(parsed.state.query.sort, Sort::Name);
        assert_eq!(
            parsed.ignored,
            ["country=ZZ", "status=jailed", "sort=random", "colour=blue"]
        );
    }

    #[test]
    fn the_letters_filter_is_yes_or_nothing() {
        let state = state_of("#/?status=imprisoned&letters=YES");
        assert!(state.query.filters.letters);
        assert_eq!(to_fragment(&state), "#/?status=imprisoned&letters=yes");
        let parsed = parse("#/?letters=maybe");
        assert!(!parsed.state.query.filters.letters);
        assert_eq!(parsed.ignored, ["letters=maybe"]);
    }

    #[test]
    fn hostile_paths_are_ignored() {
        let parsed = parse("#/person/<script>alert(1)</script>");
        assert_eq!(parsed.state.profile, None);
        assert_eq!(parsed.ignored.len(), 1);
        assert_eq!(parse("#/elsewhere").ignored, ["/elsewhere"]);
    }

    #[test]
    fn lower_case_country_codes_and_plus_spaces_are_accepted() {
        let state = state_of("#/?country=by&q=kara+murza");
        assert_eq!(
            state
                .query
                .filters
                .countries
                .iter()
                .next()
                .unwrap()
                .as_str(),
            "BY"
        );
        assert_eq!(state.query.text, "kara murza");
    }

    #[test]
    fn malformed_escapes_do_not_break_parsing() {
        assert_eq!(state_of("#/?q=100%").query.text, "100%");
        assert_eq!(state_of("#/?q=%zz%2").query.text, "%zz%2");
        assert_eq!(state_of("#/?q=%C3").query.text, "\u{FFFD}");
    }

    #[test]
    fn an_escaped_comma_stays_inside_its_value() {
        let state = state_of("#/?occupation=journalist%2C%20blogger,poet");
        let occupations: Vec<&str> = state
            .query
            .filters
            .occupations
            .iter()
            .map(String::as_str)
            .collect();
        assert_eq!(occupations, ["journalist, blogger", "poet"]);
        assert_eq!(
            to_fragment(&state),
            "#/?occupation=journalist%2C%20blogger,poet"
        );
    }

    #[test]
    fn crafted_direction_controls_are_shown_not_obeyed() {
        let parsed = parse("#/?sort=%E2%80%AEdlo&colour=\u{2067}x");
        assert_eq!(parsed.ignored, ["sort=<U+202E>dlo", "colour=<U+2067>x"]);
    }

    #[test]
    fn a_huge_fragment_parses_quickly_and_echoes_little() {
        let fragment = format!("#/?{}", "zz=%F0%9F%92%80&".repeat(20_000));
        let parsed = parse(&fragment);
        assert_eq!(parsed.ignored.len(), 20_000);
        assert!(parsed.ignored.iter().all(|i| i.chars().count() <= 60));
        let long = format!("#/?q={}", "a".repeat(1_000_000));
        assert_eq!(parse(&long).state.query.text.len(), 1_000_000);
    }

    /// A fragment made of the parameters the app knows, with arbitrary values.
    fn known_params() -> impl Strategy<Value = String> {
        let name = prop::sample::select(vec![
            "q",
            "country",
            "status",
            "campaign",
            "occupation",
            "letters",
            "sort",
            "view",
            "page",
            "",
            "Q",
        ]);
        let value = prop_oneof![
            "[^\u{0}]{0,20}",
            "(%[0-9A-Fa-f]{0,2}|[,+=&?#/]|[a-z]{1,3})*",
            prop::sample::select(vec![
                "BY,cn,ZZ",
                "imprisoned,,released",
                "arrested",
                "map",
                "12",
                "yes",
                "%E2%80%AE"
            ])
            .prop_map(str::to_owned),
        ];
        let path = prop::sample::select(vec![
            "",
            "/",
            "/person/",
            "/person/ales-bialiatski",
            "/person/%2e%2e",
            "/x",
        ]);
        (path, prop::collection::vec((name, value), 0..8)).prop_map(|(path, pairs)| {
            let params: Vec<String> = pairs.iter().map(|(n, v)| format!("{n}={v}")).collect();
            format!("#{path}?{}", params.join("&"))
        })
    }

    fn view_states() -> impl Strategy<Value = ViewState> {
        let word = "[^\u{0}]{1,12}".prop_filter_map("trimmed, not empty", |w: String| {
            let w = w.trim().to_owned();
            (!w.is_empty()).then_some(w)
        });
        (
            "[^\u{0}]{0,30}",
            prop::collection::btree_set(
                prop::sample::select(CountryCode::all().collect::<Vec<_>>()),
                0..4,
            ),
            prop::collection::btree_set(prop::sample::select(Status::ALL.to_vec()), 0..4),
            prop::collection::btree_set(word.clone(), 0..3),
            prop::collection::btree_set(word, 0..3),
            prop::sample::select(Sort::ALL.to_vec()),
            prop::option::of("[a-z0-9-]{1,80}"),
            (
                prop::sample::select(vec![View::List, View::Map]),
                0..100_000usize,
                prop::option::of(prop::sample::select(Lang::ALL.to_vec())),
                any::<bool>(),
            ),
        )
            .prop_map(
                |(
                    text,
                    countries,
                    statuses,
                    campaigns,
                    occupations,
                    sort,
                    profile,
                    (view, page, lang, letters),
                )| {
                    let mut state = ViewState {
                        profile,
                        view,
                        page,
                        lang,
                        ..ViewState::default()
                    };
                    state.query.text = text.trim().to_owned();
                    state.query.filters.countries = countries.into_iter().collect();
                    state.query.filters.statuses = statuses.into_iter().collect();
                    state.query.filters.campaigns = campaigns.into_iter().collect();
                    state.query.filters.occupations = occupations.into_iter().collect();
                    state.query.filters.letters = letters;
                    state.query.sort = sort;
                    state
                },
            )
    }

    proptest! {
        // Bounded so `cargo test` stays within seconds on CI's two cores.
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn any_fragment_parses_without_panic(fragment in ".{0,200}") {
            let _ = parse(&fragment);
        }

        #[test]
        fn known_parameters_with_any_values_parse_and_echo_safely(fragment in known_params()) {
            let parsed = parse(&fragment);
            for ignored in &parsed.ignored {
                prop_assert!(ignored.chars().count() <= 60 + 7 * 60, "{}", ignored);
                prop_assert!(!ignored.chars().any(crate::unicode::is_invisible_control), "{:?}", ignored);
            }
            // What was understood writes back to a canonical fragment (search text trimmed) that
            // reads back whole and writes the same again.
            let fragment = to_fragment(&parsed.state);
            let again = parse(&fragment);
            prop_assert!(again.ignored.is_empty(), "{:?}", again.ignored);
            prop_assert_eq!(to_fragment(&again.state), fragment);
            prop_assert_eq!(again.state.query.text.as_str(), parsed.state.query.text.trim());
        }

        #[test]
        fn every_view_state_round_trips(state in view_states()) {
            let parsed = parse(&to_fragment(&state));
            prop_assert!(parsed.ignored.is_empty(), "{:?}", parsed.ignored);
            prop_assert_eq!(parsed.state, state);
        }

        #[test]
        fn search_text_round_trips(text in "[^\u{0}]{0,40}") {
            let mut state = ViewState::default();
            state.query.text = text.trim().to_owned();
            prop_assert_eq!(parse(&to_fragment(&state)).state, state);
        }
    }
}
