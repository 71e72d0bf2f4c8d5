//! Downloading and loading the dataset, with a timeout and errors a visitor can act on.

use std::fmt;

use gloo_net::http::Request;
use wjc_core::query::Index;
use wjc_core::{load, text, Dataset, LoadError, Report};

/// How long the download may take before the visitor is told and offered a retry.
const TIMEOUT_SECONDS: u32 = 20;

/// A loaded dataset with its search index and the loader's report.
pub struct Catalog {
    /// The valid records.
    pub dataset: Dataset,
    /// Search and facet keys for `dataset`.
    pub index: Index,
    /// What the loader skipped and why.
    pub report: Report,
}

impl Catalog {
    /// Position of the person with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.dataset.people.iter().position(|p| p.id == id)
    }
}

/// Why the list could not be shown.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadFailure {
    /// The request failed (offline, blocked, DNS …).
    Network(String),
    /// The server answered with a status other than 200.
    Http(u16),
    /// No answer within the timeout.
    Timeout,
    /// The file arrived but the loader refused it.
    Data(LoadError),
}

impl fmt::Display for LoadFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Network(detail) => f.write_str(&text::fetch_error(detail)),
            Self::Http(status) => f.write_str(&text::http_error(*status)),
            Self::Timeout => f.write_str(&text::timeout_error(TIMEOUT_SECONDS)),
            Self::Data(error) => write!(f, "{error}"),
        }
    }
}

/// Downloads and loads the dataset at `url`.
pub async fn fetch_catalog(url: &str) -> Result<Catalog, LoadFailure> {
    let controller = web_sys::AbortController::new()
        .map_err(|_| LoadFailure::Network("no fetch support".into()))?;
    let signal = controller.signal();
    // Aborting the request on timeout makes the pending fetch fail at once.
    let timer =
        gloo_timers::callback::Timeout::new(TIMEOUT_SECONDS * 1000, move || controller.abort());
    let response = Request::get(url).abort_signal(Some(&signal)).send().await;
    let body = match response {
        Ok(response) if response.status() == 200 => response.text().await,
        Ok(response) => return Err(LoadFailure::Http(response.status())),
        Err(error) => Err(error),
    };
    drop(timer);
    let body = body.map_err(|error| {
        if signal.aborted() {
            LoadFailure::Timeout
        } else {
            LoadFailure::Network(error.to_string())
        }
    })?;
    let loaded = load(&body).map_err(LoadFailure::Data)?;
    let index = Index::new(&loaded.dataset);
    Ok(Catalog {
        dataset: loaded.dataset,
        index,
        report: loaded.report,
    })
}
