//! The dataset's typed model. Values of these types are valid by construction: they come out of
//! [`crate::load`], which checks every field, or are built by code that checks the same rules.

use serde::Serialize;

use crate::country::CountryCode;
use crate::date::PartialDate;
use crate::i18n::Lang;

/// The schema version this code reads and writes.
pub const SCHEMA_VERSION: u64 = 1;

/// A whole dataset file: the envelope and the people on the list.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dataset {
    /// The version of this format: always 1 when written.
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::schema_version")
    )]
    pub schema_version: u64,
    /// The campaign site's title.
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::line"))]
    pub title: String,
    /// One or two sentences on what the list is.
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::description")
    )]
    pub description: String,
    /// When the list was last edited.
    pub updated: PartialDate,
    /// True for generated test data, which must never be shown as real.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub synthetic: bool,
    /// The documents records are drawn from.
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::list::<Source>")
    )]
    pub sources: Vec<Source>,
    /// The campaigns that list people.
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::list::<Campaign>")
    )]
    pub campaigns: Vec<Campaign>,
    /// The people on the list.
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::people"))]
    pub people: Vec<Person>,
}

impl Dataset {
    /// Everything but the people (title, sources, campaigns …), cloned without copying them.
    #[must_use]
    pub fn envelope(&self) -> Self {
        Self {
            schema_version: self.schema_version,
            title: self.title.clone(),
            description: self.description.clone(),
            updated: self.updated,
            synthetic: self.synthetic,
            sources: self.sources.clone(),
            campaigns: self.campaigns.clone(),
            people: Vec::new(),
        }
    }

    /// The campaign with this id.
    pub fn campaign(&self, id: &str) -> Option<&Campaign> {
        self.campaigns.iter().find(|c| c.id == id)
    }

    /// The source document with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// True when a visitor can write to `person`: a `write_letter` action of their own, or of
    /// the source they are drawn from (whose actions their profile shows too). A lean record
    /// (the compiled list's) carries its source's letter action as its own.
    pub fn takes_letters(&self, person: &Person) -> bool {
        let letter = |actions: &[Action]| actions.iter().any(|a| a.kind == ActionKind::WriteLetter);
        letter(&person.actions)
            || self
                .source(&person.source)
                .is_some_and(|s| letter(&s.actions))
    }
}

/// A document that records are drawn from.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    /// Short stable identifier that records point at.
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::id"))]
    pub id: String,
    /// The document's title.
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::line"))]
    pub title: String,
    /// Who published it.
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::line"))]
    pub publisher: String,
    /// When it was published or last updated.
    pub date: PartialDate,
    /// Where it can be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<HttpUrl>,
    /// What the document asks of everyone who reads it, whoever the person (shown on the profile
    /// of each person drawn from it, after the person's own actions).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::list::<Action>")
    )]
    pub actions: Vec<Action>,
}

/// A campaign that lists people.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Campaign {
    /// Short stable identifier that records point at.
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::id"))]
    pub id: String,
    /// The campaign's name.
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::line"))]
    pub title: String,
    /// Who runs it.
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::line"))]
    pub publisher: String,
    /// When it was published or last updated.
    pub date: PartialDate,
    /// One or two sentences on the campaign.
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::description")
    )]
    pub description: String,
    /// Where it can be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<HttpUrl>,
}

/// One person on the list.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Person {
    /// Stable slug used in permalinks; never reused for someone else.
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::id"))]
    pub id: String,
    /// The display name as the source spells it.
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::line"))]
    pub name: String,
    /// Other spellings the sources use.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::lines"))]
    pub aliases: Vec<String>,
    /// The name in the person's own script.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::optional_line")
    )]
    pub native_name: Option<String>,
    /// Gender, where the person's own public statements make it known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// The state that holds (or held) the person.
    pub country: CountryCode,
    /// A note on place, e.g. an occupied territory the person comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::optional_line")
    )]
    pub location: Option<String>,
    /// Where the person stands now, as far as the source knows.
    pub status: Status,
    /// The date the status was last confirmed (the source document's date).
    pub status_as_of: PartialDate,
    /// One sentence.
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::summary"))]
    pub summary: String,
    /// One or more paragraphs separated by blank lines.
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::story"))]
    pub story: String,
    /// Occupations and roles, as lower-case tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::lines"))]
    pub occupations: Vec<String>,
    /// When the person was arrested or taken.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arrested: Option<PartialDate>,
    /// When the person was sentenced.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentenced: Option<PartialDate>,
    /// The sentence handed down.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence: Option<Sentence>,
    /// The charges as stated.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::lines"))]
    pub charges: Vec<String>,
    /// Conditions of detention the source reports.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::list::<Flag>")
    )]
    pub flags: Vec<Flag>,
    /// Ids of the campaigns that list the person (at least one).
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::campaigns"))]
    pub campaigns: Vec<String>,
    /// Id of the source document.
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::reference"))]
    pub source: String,
    /// A portrait, with alt text and credit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub photo: Option<Photo>,
    /// Further reading.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::list::<Link>")
    )]
    pub links: Vec<Link>,
    /// Dated events, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::list::<TimelineEvent>")
    )]
    pub timeline: Vec<TimelineEvent>,
    /// What a visitor can do for this person: share, the campaign's calls, letters, officials.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::list::<Action>")
    )]
    pub actions: Vec<Action>,
    /// When staff last checked the record against its sources.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_verified: Option<PartialDate>,
    /// How much of the person every page, card, feed, image and export may show.
    #[serde(skip_serializing_if = "Visibility::is_full")]
    pub visibility: Visibility,
    /// The summary (and perhaps the story) in other languages: an object keyed by language tag
    /// (`es`, `fr`, `ru`, `ar`, `fa`, `zh-Hans`).
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "translations_by_tag"
    )]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::translations")
    )]
    pub translations: Vec<Translation>,
    /// True for generated test records.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub synthetic: bool,
}

impl Person {
    /// The story's paragraphs, without empty ones.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.story
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
    }

    /// The translation into `lang`, if the record has one.
    pub fn translation(&self, lang: Lang) -> Option<&Translation> {
        self.translations.iter().find(|t| t.lang == lang)
    }
}

/// A person's summary, and perhaps story, in a language other than English.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Translation {
    /// The language (never English: the record itself is English). The key it is written under.
    #[serde(skip)]
    pub lang: Lang,
    /// The summary in this language.
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::translated_summary")
    )]
    pub summary: String,
    /// The story in this language, when translated.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::translated_story")
    )]
    pub story: Option<String>,
    /// True only when a person has reviewed the translation; machine translations are false.
    pub reviewed: bool,
}

/// Writes translations as an object keyed by language tag: `{"es": {...}, "ru": {...}}`.
fn translations_by_tag<S: serde::Serializer>(
    translations: &[Translation],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = serializer.serialize_map(Some(translations.len()))?;
    for translation in translations {
        map.serialize_entry(translation.lang.tag(), translation)?;
    }
    map.end()
}

macro_rules! closed_vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [Self] = &[$(Self::$variant,)+];

            /// The value as written in the data and in URLs.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)+
                }
            }

            /// Reads a value as written in the data; `None` for anything else.
            pub fn parse(text: &str) -> Option<Self> {
                match text {
                    $($text => Some(Self::$variant),)+
                    _ => None,
                }
            }

            /// The accepted values, for error messages: `a, b, c`.
            pub fn choices() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let choices: Vec<&str> = Self::ALL.iter().map(|v| v.as_str()).collect();
                schemars::json_schema!({ "type": "string", "enum": choices })
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

closed_vocabulary! {
    /// Where a person stands. Each has its own badge.
    Status {
        /// Held, not sentenced.
        Detained = "detained",
        /// Sentenced and serving.
        Imprisoned = "imprisoned",
        /// Confined at home.
        HouseArrest = "house_arrest",
        /// Fate or whereabouts unknown.
        Disappeared = "disappeared",
        /// Free.
        Released = "released",
        /// Forced abroad.
        Exiled = "exiled",
        /// Died while held.
        DiedInCustody = "died_in_custody",
        /// Not known.
        Unknown = "unknown",
    }
}

impl Status {
    /// True while the person is deprived of liberty (or may be, when disappeared).
    pub fn is_held(self) -> bool {
        matches!(
            self,
            Self::Detained | Self::Imprisoned | Self::HouseArrest | Self::Disappeared
        )
    }
}

closed_vocabulary! {
    /// Conditions of detention a source reports.
    Flag {
        /// Held alone.
        SolitaryConfinement = "solitary_confinement",
        /// Cut off from family and lawyers.
        Incommunicado = "incommunicado",
        /// Denied the medical care they need.
        DeniedMedicalCare = "denied_medical_care",
        /// In poor or failing health.
        HealthConcerns = "health_concerns",
        /// Beaten, tortured or otherwise abused.
        IllTreatment = "ill_treatment",
        /// Denied visits or contact with family.
        DeniedFamilyContact = "denied_family_contact",
        /// Tried in secret, behind closed doors or grossly unfairly.
        UnfairTrial = "unfair_trial",
    }
}

closed_vocabulary! {
    /// Gender, where known from the person's own public statements.
    Gender {
        /// Female.
        Female = "female",
        /// Male.
        Male = "male",
        /// Another gender.
        Other = "other",
    }
}

/// A sentence handed down by a court.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Sentence {
    /// A fixed term.
    Term {
        /// Whole years.
        years: u16,
        /// Further months (0–11).
        months: u8,
    },
    /// Life imprisonment.
    Life,
}

impl Sentence {
    /// Total months, with life as the longest; for sorting.
    pub fn months(self) -> u32 {
        match self {
            Self::Term { years, months } => u32::from(years) * 12 + u32::from(months),
            Self::Life => u32::MAX,
        }
    }
}

impl Serialize for Sentence {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match *self {
            Self::Life => serializer.serialize_str("life"),
            Self::Term { years, months } => {
                // Written as read: a months-only sentence has no "years".
                let mut map = serializer.serialize_map(None)?;
                if years > 0 || months == 0 {
                    map.serialize_entry("years", &years)?;
                }
                if months > 0 {
                    map.serialize_entry("months", &months)?;
                }
                map.end()
            }
        }
    }
}

/// An absolute `http:` or `https:` URL; any other scheme (`javascript:`, `data:` …) is refused.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
#[serde(transparent)]
pub struct HttpUrl(String);

impl HttpUrl {
    /// Accepts `https://host/…` or `http://host/…` with no spaces or control characters.
    pub fn parse(text: &str) -> Option<Self> {
        let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
        let rest = if lower.starts_with("https://") {
            &text[8..]
        } else if lower.starts_with("http://") {
            &text[7..]
        } else {
            return None;
        };
        let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let host = &rest[..host_end];
        let clean = text.chars().all(|c| !c.is_whitespace() && !c.is_control());
        (clean && !host.is_empty() && !host.starts_with(['@', ':'])).then(|| Self(text.to_owned()))
    }

    /// The URL as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A portrait of the person.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Photo {
    /// Where the image is.
    pub url: HttpUrl,
    /// What the image shows, for screen readers.
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::line"))]
    pub alt: String,
    /// Who took or owns it.
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::line"))]
    pub credit: String,
}

/// A link for further reading.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    /// The link text.
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::line"))]
    pub title: String,
    /// Where it goes.
    pub url: HttpUrl,
}

/// A dated event in the person's case.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimelineEvent {
    /// When it happened.
    pub date: PartialDate,
    /// What kind of event it is; `other` when absent (and left out when written).
    #[serde(skip_serializing_if = "EventKind::is_other")]
    pub kind: EventKind,
    /// What happened, in one sentence.
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::summary"))]
    pub event: String,
    /// Id of the source document that dates it; the person's own source when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::optional_reference")
    )]
    pub source: Option<String>,
}

closed_vocabulary! {
    /// What a timeline event is. `last_contact` is the last time anyone heard from the person.
    EventKind {
        /// Arrested (the source's word).
        Arrest = "arrest",
        /// Detained, jailed or held, without the source saying arrested.
        Detention = "detention",
        /// Disappeared or abducted.
        Disappearance = "disappearance",
        /// A trial or its opening.
        Trial = "trial",
        /// A sentence handed down.
        Sentence = "sentence",
        /// An appeal, or its outcome.
        Appeal = "appeal",
        /// A court hearing or summons.
        Hearing = "hearing",
        /// Moved to another prison or place.
        Transfer = "transfer",
        /// Set free.
        Release = "release",
        /// The last time anyone heard from the person.
        LastContact = "last_contact",
        /// An award or honour.
        Award = "award",
        /// Anything else the source dates.
        Other = "other",
    }
}

closed_vocabulary! {
    /// How much of a person may be shown. Every output goes through [`crate::visibility`].
    Visibility {
        /// Name, photo and everything else.
        Full = "full",
        /// Everything but the photo.
        NoPhoto = "no_photo",
        /// Initials instead of the name, and no photo, other names or name in the slug.
        Initials = "initials",
    }
}

impl EventKind {
    /// True for the default, which the data file leaves out.
    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
    pub fn is_other(&self) -> bool {
        *self == Self::Other
    }
}

impl Visibility {
    /// True for the default, which the data file leaves out.
    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
    pub fn is_full(&self) -> bool {
        *self == Self::Full
    }
}

closed_vocabulary! {
    /// What an action asks of the visitor.
    ActionKind {
        /// Share the case, with the campaign's hashtags.
        Share = "share",
        /// What the campaign demands of the authorities (release …).
        Demand = "demand",
        /// Something the campaign asks the visitor to do.
        Act = "act",
        /// Write a letter to the person: needs an address or a letter-writing programme's page.
        WriteLetter = "write_letter",
        /// Contact officials about the case.
        ContactOfficials = "contact_officials",
    }
}

/// One thing a visitor can do for a person (or, on a source, for everyone it lists).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Action {
    /// What it asks.
    pub kind: ActionKind,
    /// The call, in one or two sentences.
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::summary"))]
    pub text: String,
    /// The hashtags to share with (`share` only; each `#Word`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::hashtags"))]
    pub hashtags: Vec<String>,
    /// A postal address (`write_letter`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::optional_line")
    )]
    pub address: Option<String>,
    /// Where to act: a programme's or an official's page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<HttpUrl>,
    /// Id of the source document that makes the call.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::optional_reference")
    )]
    pub source: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip_through_their_names() {
        for &status in Status::ALL {
            assert_eq!(Status::parse(status.as_str()), Some(status));
        }
        assert_eq!(Status::parse("jailed"), None);
        assert_eq!(Status::parse("Released"), None);
    }

    #[test]
    fn only_http_and_https_urls_are_accepted() {
        assert!(HttpUrl::parse("https://example.org/a?b#c").is_some());
        assert!(HttpUrl::parse("HTTP://example.org").is_some());
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<script>",
            "vbscript:msgbox",
            "//example.org",
            "https://",
            "https:///path",
            "https://exa mple.org",
            "https://example.org/\n",
            "ftp://example.org",
            "/relative",
            "",
        ] {
            assert_eq!(HttpUrl::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn sentences_serialize_as_the_data_writes_them() {
        let term = Sentence::Term {
            years: 9,
            months: 8,
        };
        assert_eq!(
            serde_json::to_string(&term).unwrap(),
            r#"{"years":9,"months":8}"#
        );
        let years = Sentence::Term {
            years: 20,
            months: 0,
        };
        assert_eq!(serde_json::to_string(&years).unwrap(), r#"{"years":20}"#);
        assert_eq!(serde_json::to_string(&Sentence::Life).unwrap(), r#""life""#);
        assert!(Sentence::Life.months() > years.months());
    }
}
