//! The embeddable widget's settings. Partners write them as attributes of `<wjc-widget>` or in
//! the fragment of `embed.html`; both go through [`Settings::set`], so the two embeds accept
//! exactly the same values. The app's Embed dialog writes them back as the two snippets.
//!
//! A bad value never breaks a widget: it is ignored (the setting keeps its default) and reported
//! as a [`Warning`] naming the attribute, which the widget prints once to the console.

use std::fmt::{self, Write as _};

use crate::filter::Filter;
use crate::html::Esc;
use crate::i18n::Lang;
use crate::query::Query;
use crate::url_state::{clip, encode, View, ViewState};

/// The widget's settings other than its filters, in the order the snippets write them.
const SETTINGS: [&str; 8] = [
    "query", "view", "limit", "theme", "compact", "dataset", "link", "lang",
];

/// The attributes `<wjc-widget>` reads, in the order the snippets write them: the filters a
/// widget can preset ([`Filter::in_widget`], by their keys), then the other settings.
pub fn attribute_names() -> Vec<&'static str> {
    Filter::ALL
        .into_iter()
        .filter(|f| f.in_widget())
        .map(Filter::key)
        .chain(SETTINGS)
        .collect()
}

/// Cards shown before the "show all" link when `limit` is not set.
pub const DEFAULT_LIMIT: usize = 6;
/// The most cards `limit` may ask for: a widget is a window on the list, not the whole list.
pub const MAX_LIMIT: usize = 100;

/// What the widget shows (`view`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Panes {
    /// The cards.
    #[default]
    Cards,
    /// The map, with its table.
    Map,
    /// The map above the cards.
    Both,
}

impl Panes {
    /// The value as written in the attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Cards => "cards",
            Self::Map => "map",
            Self::Both => "both",
        }
    }

    /// Whether the cards are shown.
    pub fn cards(self) -> bool {
        self != Self::Map
    }

    /// Whether the map is shown.
    pub fn map(self) -> bool {
        self != Self::Cards
    }
}

/// The widget's colours (`theme`); `auto` follows the visitor's system setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Light or dark as the visitor's system prefers.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The value as written in the attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }
}

/// Where a card opens its profile (`link`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LinkMode {
    /// Within the widget, with a way back to the cards.
    #[default]
    Inside,
    /// On the campaign site, in a new tab.
    Site,
}

impl LinkMode {
    /// The value as written in the attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Inside => "inside",
            Self::Site => "site",
        }
    }
}

/// Everything a partner can set on a widget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The preset search and filters (`country`, `status`, `campaign`, `query`).
    pub query: Query,
    /// Cards, map or both (`view`).
    pub panes: Panes,
    /// Cards shown before the "show all" link (`limit`).
    pub limit: usize,
    /// Colours (`theme`).
    pub theme: Theme,
    /// A tighter layout without the search box (`compact`).
    pub compact: bool,
    /// Another dataset's address, as written (`dataset`); the page resolves it against its own
    /// address and refuses what is not http(s).
    pub dataset: Option<String>,
    /// Where profiles open (`link`).
    pub link: LinkMode,
    /// The widget's language (`lang`); `None` follows the partner's page (`<html lang>`), then
    /// English.
    pub lang: Option<Lang>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            query: Query::default(),
            panes: Panes::default(),
            limit: DEFAULT_LIMIT,
            theme: Theme::default(),
            compact: false,
            dataset: None,
            link: LinkMode::default(),
            lang: None,
        }
    }
}

/// A value that was ignored, and what was expected instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The attribute's name.
    pub attribute: String,
    /// The part of the value that was ignored (shortened, hidden controls shown).
    pub value: String,
    /// What the attribute accepts.
    pub expected: &'static str,
}

impl Warning {
    /// A warning about `value` of `attribute`, both shortened and with hidden controls shown, so
    /// a crafted value cannot flood or reorder the console line that names it.
    pub fn new(attribute: &str, value: &str, expected: &'static str) -> Self {
        Self {
            attribute: clip(attribute),
            value: clip(value),
            expected,
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "<wjc-widget>: ignored {}=\"{}\": {}",
            self.attribute, self.value, self.expected
        )
    }
}

impl Settings {
    /// Applies one attribute; `None` (the attribute was removed) restores the default. A bad value
    /// leaves the setting at its default, or keeps the good items of a list, and is reported.
    ///
    /// # Errors
    /// The [`Warning`] to print when (part of) the value was ignored.
    pub fn set(&mut self, name: &str, value: Option<&str>) -> Result<(), Warning> {
        let warning = |bad: &str, expected: &'static str| Warning::new(name, bad, expected);
        let filters = &mut self.query.filters;
        let items = || {
            value
                .unwrap_or("")
                .split(',')
                .map(str::trim)
                .filter(|v| !v.is_empty())
        };
        if let Some(filter) = Filter::from_key(name).filter(|f| f.in_widget()) {
            filter.clear(filters);
            let bad: Vec<&str> = items().filter(|v| !filter.add(filters, v)).collect();
            return if bad.is_empty() {
                Ok(())
            } else {
                Err(warning(&bad.join(","), filter.expected()))
            };
        }
        match name {
            "query" => {
                value.unwrap_or("").trim().clone_into(&mut self.query.text);
                Ok(())
            }
            "view" => set_choice(
                &mut self.panes,
                value,
                &[Panes::Cards, Panes::Map, Panes::Both],
                Panes::as_str,
            )
            .map_err(|b| warning(&b, "expected cards, map or both")),
            "theme" => set_choice(
                &mut self.theme,
                value,
                &[Theme::Auto, Theme::Light, Theme::Dark],
                Theme::as_str,
            )
            .map_err(|b| warning(&b, "expected light, dark or auto")),
            "link" => set_choice(
                &mut self.link,
                value,
                &[LinkMode::Inside, LinkMode::Site],
                LinkMode::as_str,
            )
            .map_err(|b| warning(&b, "expected inside or site")),
            "limit" => {
                self.limit = DEFAULT_LIMIT;
                match value.map(str::trim) {
                    None => Ok(()),
                    Some(v) => match v.parse::<usize>() {
                        Ok(n) if (1..=MAX_LIMIT).contains(&n) => {
                            self.limit = n;
                            Ok(())
                        }
                        _ => Err(warning(v, "expected a whole number from 1 to 100")),
                    },
                }
            }
            "compact" => {
                // Present means compact, as for any HTML boolean attribute; "false" is also
                // understood, because people write it.
                self.compact = false;
                match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
                    None | Some("false") => Ok(()),
                    Some("" | "true" | "compact") => {
                        self.compact = true;
                        Ok(())
                    }
                    Some(_) => Err(warning(
                        value.unwrap_or(""),
                        "expected no value (compact) or false",
                    )),
                }
            }
            "lang" => {
                self.lang = None;
                match value.map(str::trim).filter(|v| !v.is_empty()) {
                    None => Ok(()),
                    Some(v) => match Lang::from_tag(v) {
                        Some(lang) => {
                            self.lang = Some(lang);
                            Ok(())
                        }
                        None => Err(warning(v, LANG_EXPECTED)),
                    },
                }
            }
            "dataset" => {
                self.dataset = value
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(str::to_owned);
                Ok(())
            }
            _ => Err(warning(name, "not a setting of the widget")),
        }
    }

    /// The settings that differ from the defaults, as attribute name and value, in
    /// [`attribute_names`] order; `compact` has an empty value.
    pub fn attributes(&self) -> Vec<(&'static str, String)> {
        let filters = Filter::ALL
            .into_iter()
            .filter(|f| f.in_widget())
            .map(|f| (f.key(), f.values(&self.query.filters).join(",")));
        let values = [
            self.query.text.trim().to_owned(),
            non_default(self.panes, Panes::as_str),
            if self.limit == DEFAULT_LIMIT {
                String::new()
            } else {
                self.limit.to_string()
            },
            non_default(self.theme, Theme::as_str),
            String::new(),
            self.dataset.clone().unwrap_or_default(),
            non_default(self.link, LinkMode::as_str),
            self.lang.map(Lang::tag).unwrap_or_default().to_owned(),
        ];
        filters
            .chain(SETTINGS.into_iter().zip(values))
            .filter(|(name, value)| {
                if *name == "compact" {
                    self.compact
                } else {
                    !value.is_empty()
                }
            })
            .collect()
    }

    /// The fragment for `embed.html` (`#country=BY&view=map`), empty when all are defaults.
    pub fn to_fragment(&self) -> String {
        let pairs: Vec<String> = self
            .attributes()
            .into_iter()
            .map(|(name, value)| {
                if name == "compact" {
                    name.to_owned()
                } else {
                    // Lists keep their commas readable; each item is encoded on its own.
                    let value: Vec<String> = value.split(',').map(encode).collect();
                    format!("{name}={}", value.join(","))
                }
            })
            .collect();
        if pairs.is_empty() {
            String::new()
        } else {
            format!("#{}", pairs.join("&"))
        }
    }

    /// What the widget shows first: its preset query, on the cards or the map.
    pub fn view_state(&self) -> ViewState {
        ViewState {
            query: self.query.clone(),
            profile: None,
            view: if self.panes == Panes::Map {
                View::Map
            } else {
                View::List
            },
            page: 0,
            lang: self.lang,
        }
    }

    /// The settings an app view would be embedded with: its search and country, status and
    /// campaign filters, the map if that is what is on screen, and its language.
    pub fn for_view(view: &ViewState) -> Self {
        let mut query = Query {
            text: view.query.text.trim().to_owned(),
            ..Query::default()
        };
        for filter in Filter::ALL.into_iter().filter(|f| f.in_widget()) {
            for value in filter.values(&view.query.filters) {
                filter.add(&mut query.filters, value);
            }
        }
        Self {
            query,
            panes: if view.view == View::Map {
                Panes::Both
            } else {
                Panes::Cards
            },
            lang: view.lang,
            ..Self::default()
        }
    }
}

/// What a `lang` attribute accepts.
const LANG_EXPECTED: &str = "expected a language of the site: en, es, fr, ru, ar, fa or zh-Hans";

/// What a `dataset` attribute accepts (said to the partner's webmaster in the console, in
/// English like every other attribute warning).
pub const DATASET_EXPECTED: &str = "expected an http or https address of a dataset";

/// Sets `target` to the choice written as `value` (any case), or to the default when removed;
/// a value that names no choice leaves the default and is returned.
fn set_choice<T: Copy + Default>(
    target: &mut T,
    value: Option<&str>,
    choices: &[T],
    name: fn(T) -> &'static str,
) -> Result<(), String> {
    *target = T::default();
    let Some(value) = value else { return Ok(()) };
    match choices
        .iter()
        .find(|c| name(**c).eq_ignore_ascii_case(value))
    {
        Some(choice) => {
            *target = *choice;
            Ok(())
        }
        None => Err(value.to_owned()),
    }
}

fn non_default<T: Copy + Default + PartialEq>(value: T, name: fn(T) -> &'static str) -> String {
    if value == T::default() {
        String::new()
    } else {
        name(value).to_owned()
    }
}

/// The script embed for `settings`, loading the widget from `site` (the campaign site's address,
/// ending in `/`).
pub fn script_snippet(settings: &Settings, site: &str) -> String {
    let mut element = String::from("<wjc-widget");
    for (name, value) in settings.attributes() {
        if name == "compact" {
            element.push_str(" compact");
        } else {
            let _ = write!(element, " {name}=\"{}\"", Esc(&value));
        }
    }
    element.push_str("></wjc-widget>");
    format!(
        "<script type=\"module\" src=\"{}widget.js\"></script>\n{element}",
        Esc(site)
    )
}

/// The iframe embed for `settings`, with `title` naming what it shows for screen readers.
pub fn iframe_snippet(settings: &Settings, site: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{site}embed.html{fragment}\"\n        title=\"{title}\" loading=\"lazy\"></iframe>\n\
         <script src=\"{site}embed.js\" defer></script>",
        site = Esc(site),
        fragment = Esc(&settings.to_fragment()),
        title = Esc(title),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url_state::decode;
    use crate::Status;

    impl Settings {
        /// Reads settings from `embed.html`'s fragment the way `embed-frame.js` does (its
        /// `URLSearchParams` decodes as [`decode`] does), with a warning for every part ignored.
        fn from_fragment(fragment: &str) -> (Self, Vec<Warning>) {
            let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
            let mut settings = Self::default();
            let mut warnings = Vec::new();
            for pair in fragment.split('&').filter(|p| !p.is_empty()) {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                if let Err(warning) = settings.set(&decode(name), Some(&decode(value))) {
                    warnings.push(warning);
                }
            }
            (settings, warnings)
        }
    }

    fn settings(attributes: &[(&str, &str)]) -> (Settings, Vec<Warning>) {
        let mut settings = Settings::default();
        let warnings = attributes
            .iter()
            .filter_map(|(n, v)| settings.set(n, Some(v)).err())
            .collect();
        (settings, warnings)
    }

    #[test]
    fn reads_every_attribute() {
        let (s, warnings) = settings(&[
            ("country", "by, cn"),
            ("status", "imprisoned,HOUSE_ARREST"),
            ("campaign", "withoutjustcause"),
            ("query", "  journalist "),
            ("view", "Both"),
            ("limit", "12"),
            ("theme", "dark"),
            ("compact", ""),
            ("dataset", "https://example.org/list.json"),
            ("link", "site"),
        ]);
        assert!(warnings.is_empty(), "{warnings:?}");
        let f = &s.query.filters;
        assert_eq!(
            f.countries
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["BY", "CN"]
        );
        assert_eq!(
            f.statuses.iter().copied().collect::<Vec<_>>(),
            [Status::Imprisoned, Status::HouseArrest]
        );
        assert!(f.campaigns.contains("withoutjustcause"));
        assert_eq!(s.query.text, "journalist");
        assert_eq!(
            (s.panes, s.limit, s.theme, s.compact, s.link),
            (Panes::Both, 12, Theme::Dark, true, LinkMode::Site)
        );
        assert_eq!(s.dataset.as_deref(), Some("https://example.org/list.json"));
    }

    #[test]
    fn a_bad_value_is_ignored_with_one_warning_naming_the_attribute() {
        let (s, warnings) = settings(&[
            ("limit", "lots"),
            ("theme", "purple"),
            ("view", "grid"),
            ("link", "popup"),
        ]);
        assert_eq!(s, Settings::default());
        let names: Vec<&str> = warnings.iter().map(|w| w.attribute.as_str()).collect();
        assert_eq!(names, ["limit", "theme", "view", "link"]);
        assert_eq!(
            warnings[0].to_string(),
            "<wjc-widget>: ignored limit=\"lots\": expected a whole number from 1 to 100"
        );
        for limit in ["0", "101", "-3", "2.5", ""] {
            let (s, warnings) = settings(&[("limit", limit)]);
            assert_eq!(
                (s.limit, warnings.len()),
                (DEFAULT_LIMIT, 1),
                "limit={limit}"
            );
        }
        assert_eq!(settings(&[("compact", "maybe")]).1.len(), 1);
        assert_eq!(settings(&[("colour", "red")]).1[0].attribute, "colour");
    }

    #[test]
    fn a_list_keeps_its_good_items_and_names_the_bad_ones() {
        let (s, warnings) = settings(&[
            ("country", "BY,XX,Belarus,IR"),
            ("status", "jailed,detained"),
        ]);
        assert_eq!(s.query.filters.countries.len(), 2);
        assert_eq!(
            s.query.filters.statuses.iter().copied().collect::<Vec<_>>(),
            [Status::Detained]
        );
        assert_eq!(warnings[0].value, "XX,Belarus");
        assert_eq!(warnings[1].value, "jailed");
    }

    #[test]
    fn a_changed_or_removed_attribute_replaces_the_old_value() {
        let (mut s, _) = settings(&[
            ("country", "BY"),
            ("limit", "3"),
            ("compact", ""),
            ("theme", "dark"),
        ]);
        assert_eq!(s.set("country", Some("CN")), Ok(()));
        assert_eq!(
            s.query
                .filters
                .countries
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["CN"]
        );
        for name in ["country", "limit", "compact", "theme"] {
            assert_eq!(s.set(name, None), Ok(()));
        }
        assert_eq!(s, Settings::default());
        assert_eq!(s.set("compact", Some("false")), Ok(()));
        assert!(!s.compact);
    }

    #[test]
    fn hostile_values_are_shortened_and_their_controls_shown_in_warnings() {
        let long = format!("\u{202e}{}", "x".repeat(500));
        let (_, warnings) = settings(&[("theme", &long)]);
        assert!(warnings[0].value.starts_with("<U+202E>"));
        assert!(warnings[0].value.chars().count() < 80);
    }

    #[test]
    fn the_fragment_round_trips_through_the_same_parser() {
        let (s, _) = settings(&[
            ("country", "BY,CN"),
            ("status", "imprisoned"),
            ("campaign", "a&b=c,d"),
            ("query", "Nasrin Sotoudeh"),
            ("view", "map"),
            ("limit", "3"),
            ("compact", ""),
            ("link", "site"),
        ]);
        let fragment = s.to_fragment();
        assert_eq!(
            fragment,
            "#country=BY,CN&status=imprisoned&campaign=a%26b%3Dc,d&query=Nasrin%20Sotoudeh&view=map&limit=3&compact&link=site"
        );
        assert_eq!(Settings::from_fragment(&fragment), (s, vec![]));
        assert_eq!(Settings::default().to_fragment(), "");
        let (s, warnings) = Settings::from_fragment("#country=BY&limit=x&foo=1");
        assert_eq!(s.query.filters.countries.len(), 1);
        assert_eq!(
            warnings
                .iter()
                .map(|w| w.attribute.as_str())
                .collect::<Vec<_>>(),
            ["limit", "foo"]
        );
    }

    #[test]
    fn snippets_escape_values_and_omit_defaults() {
        let (s, _) = settings(&[("country", "BY"), ("query", "\"><script>"), ("compact", "")]);
        let site = "https://campaign.example/";
        assert_eq!(
            script_snippet(&s, site),
            "<script type=\"module\" src=\"https://campaign.example/widget.js\"></script>\n\
             <wjc-widget country=\"BY\" query=\"&quot;&gt;&lt;script&gt;\" compact></wjc-widget>"
        );
        let iframe = iframe_snippet(&s, site, "Political prisoners held by Belarus");
        assert!(iframe.starts_with(
            "<iframe src=\"https://campaign.example/embed.html#country=BY&amp;query=%22%3E%3Cscript%3E&amp;compact\""
        ));
        assert!(iframe.contains("title=\"Political prisoners held by Belarus\""));
        assert!(
            iframe.ends_with("<script src=\"https://campaign.example/embed.js\" defer></script>")
        );
    }

    #[test]
    fn an_app_view_becomes_widget_settings() {
        let view =
            crate::url_state::parse("#/?q=poet&country=IR&occupation=poet&sort=name&view=map")
                .state;
        let s = Settings::for_view(&view);
        assert_eq!(s.query.text, "poet");
        assert_eq!(s.query.filters.countries.len(), 1);
        assert!(
            s.query.filters.occupations.is_empty(),
            "no occupation attribute exists"
        );
        assert_eq!(s.panes, Panes::Both);
        assert_eq!(s.view_state().view, View::List);
        assert_eq!(
            Settings {
                panes: Panes::Map,
                ..s
            }
            .view_state()
            .view,
            View::Map
        );
    }

    #[test]
    fn the_language_is_an_attribute_and_the_embed_dialog_carries_the_view_s() {
        let mut settings = Settings::default();
        assert_eq!(settings.set("lang", Some("es")), Ok(()));
        assert_eq!(settings.lang, Some(Lang::Es));
        assert_eq!(settings.view_state().lang, Some(Lang::Es));
        assert!(settings.attributes().contains(&("lang", "es".to_owned())));
        assert_eq!(settings.to_fragment(), "#lang=es");
        let refused = settings.set("lang", Some("klingon")).unwrap_err();
        assert_eq!(refused.attribute, "lang");
        assert_eq!(settings.lang, None, "a bad value leaves the default");
        let view = crate::url_state::parse("#/?country=BY&lang=ar").state;
        assert_eq!(Settings::for_view(&view).lang, Some(Lang::Ar));
    }
}
