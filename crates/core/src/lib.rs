//! The pure domain of without-just-cause: the dataset model, loading and validation, search,
//! filters and facet counts, URL state and formatting.
//!
//! Nothing here touches a browser: the web app, the maintainers' tool and the tests all share it,
//! and it is tested natively with `cargo test`.

mod country_table;
mod fold_table;

pub mod case;
pub mod chosen;
pub mod compiled;
pub mod country;
pub mod date;
pub mod embed;
pub mod fetch;
pub mod filter;
pub mod fold;
pub mod html;
pub mod i18n;
pub mod icon;
pub mod load;
pub mod lower_case;
pub mod map;
pub mod model;
pub mod pace;
pub mod paging;
pub mod query;
#[cfg(feature = "schema")]
pub mod schema;
pub mod shortlist;
pub mod sorting;
pub mod text;
pub mod unicode;
pub mod url_state;
pub mod visibility;

/// Where the dataset is in the built site, relative to its root: the app downloads it from there
/// and `wjc site` renders the static pages from the same file.
pub const DATASET_PATH: &str = "data/prisoners.json";

pub use country::CountryCode;
pub use date::PartialDate;
pub use fetch::{Failure, SavedCopy};
pub use load::{
    load, read_list, read_list_paced, Detail, Extent, List, LoadError, Loaded, Problem, Report,
};
pub use model::{
    Action, ActionKind, Campaign, Dataset, EventKind, Flag, Gender, HttpUrl, Link, Person, Photo,
    Sentence, Source, Status, TimelineEvent, Visibility,
};
