//! Downloading and loading the dataset: one streamed request with timeouts and a size cap, a few
//! retries after failures that may pass, and the last good copy from the browser when the latest
//! list cannot be had. The decisions (what to refuse, what to retry, how long to wait) are in
//! `wjc_core::fetch`; this module only reports to it what the browser saw.
//!
//! The list is swapped in only once it is whole, parsed and checked, so no visitor ever sees a
//! half-drawn list.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::{Arc, Mutex};

use gloo_net::http::Request;
use gloo_timers::callback::Timeout;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wjc_core::compiled::whole_records_to_keep;
use wjc_core::fetch::{self, Failure, SavedCopy, ANSWER_TIMEOUT_SECONDS, STALL_TIMEOUT_SECONDS};
use wjc_core::query::{totals, Index, Totals};
use wjc_core::{load, read_list_paced, Dataset, Detail, Extent, List, LoadError, Person, Report};

use crate::browser::FramePause;
use crate::saved;

/// A loaded list with its search index and the loader's report.
pub struct Catalog {
    /// The valid records: whole, or lean with their details in files ([`Detail`]).
    pub dataset: Dataset,
    /// Search and facet keys for `dataset`.
    pub index: Index,
    /// The header's numbers, counted once per list (every page of the static site shows them).
    pub totals: Totals,
    /// What the loader skipped and why.
    pub report: Report,
    /// Set when this is the copy kept in the browser, shown because the latest list failed.
    pub saved: Option<SavedCopy>,
    /// The whole list, or a lean list's first page.
    pub extent: Extent,
    /// Where the records' details are.
    detail: Detail,
    /// Natively, for the static pages (a page per person, 50,000 at scale): positions sorted by
    /// id, and each person's rank in the list's opening order, so finding a person or their
    /// neighbours takes no walk through the whole list.
    #[cfg(feature = "ssr")]
    lookup: (Vec<usize>, Vec<usize>),
    /// The list's address, which detail files are relative to.
    list_url: String,
    /// Whole records at hand, by detail file path: files read so far (previous/next often stay
    /// within one), and the people of an earlier catalog kept by [`Catalog::keep_whole_records`]
    /// (part of a file, until the file itself is read).
    /// A list, not a map: a few files at most, and a map type of its own would be more code to
    /// download.
    details: Mutex<Vec<(String, Arc<Vec<Person>>)>>,
}

impl Catalog {
    /// A whole dataset at hand, every record whole (the static pages, rendered natively).
    #[cfg(feature = "ssr")]
    pub fn whole(dataset: Dataset, report: Report) -> Self {
        let index = Index::new(&dataset);
        let mut by_id: Vec<usize> = (0..dataset.people.len()).collect();
        by_id.sort_unstable_by(|&a, &b| dataset.people[a].id.cmp(&dataset.people[b].id));
        let mut ranks = vec![usize::MAX; dataset.people.len()];
        for (rank, position) in index
            .run(&wjc_core::query::Query::default())
            .matches
            .into_iter()
            .enumerate()
        {
            ranks[position] = rank;
        }
        Self {
            lookup: (by_id, ranks),
            totals: totals(&dataset.people),
            index,
            dataset,
            report,
            saved: None,
            extent: Extent::Whole,
            detail: Detail::Inline,
            list_url: String::new(),
            details: Mutex::default(),
        }
    }

    /// How many people the whole list has (on a first page, more than it holds).
    pub fn total(&self) -> usize {
        match self.extent {
            Extent::Whole => self.dataset.people.len(),
            Extent::FirstPage { of } => of,
        }
    }

    /// A list read from `list_url`, with its `index` (the latest list, not a saved copy).
    pub fn new(list: List, index: Index, list_url: &str) -> Self {
        Self {
            totals: totals(&list.loaded.dataset.people),
            dataset: list.loaded.dataset,
            index,
            report: list.loaded.report,
            saved: None,
            extent: list.extent,
            detail: list.detail,
            #[cfg(feature = "ssr")]
            lookup: (Vec::new(), Vec::new()),
            list_url: list_url.to_owned(),
            details: Mutex::default(),
        }
    }

    /// Position of the person with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        #[cfg(feature = "ssr")]
        if !self.lookup.0.is_empty() {
            let people = &self.dataset.people;
            let by_id = &self.lookup.0;
            let found = by_id.binary_search_by(|&p| people[p].id.as_str().cmp(id));
            return found.ok().map(|i| by_id[i]);
        }
        self.dataset.people.iter().position(|p| p.id == id)
    }

    /// Where the person at `position` is in `matches` (the answer to a query over this list).
    // Natively it reads the list's ranks; the browser's build only searches `matches`.
    #[cfg_attr(not(feature = "ssr"), allow(clippy::unused_self))]
    pub fn rank_in(&self, matches: &[usize], position: usize) -> Option<usize> {
        #[cfg(feature = "ssr")]
        if let Some(&rank) = self.lookup.1.get(position) {
            if matches.get(rank) == Some(&position) {
                return Some(rank);
            }
        }
        matches.iter().position(|&p| p == position)
    }

    /// The whole record of the person at `position`, when it is at hand without a download.
    pub fn person_at_hand(&self, position: usize) -> Option<Person> {
        let person = &self.dataset.people[position];
        match self.detail.file(position) {
            None => Some(person.clone()),
            Some(path) => self
                .details
                .lock()
                .ok()?
                .iter()
                .find(|(file, _)| *file == path)
                .and_then(|(_, people)| people.iter().find(|p| p.id == person.id).cloned()),
        }
    }

    /// Keeps the whole records `earlier` has at hand (a first page's people, detail files read)
    /// when this catalog replaces it, so a profile open meanwhile stays on screen instead of
    /// downloading its story again. Only from the same edition of the list, and only for people
    /// whose name and status are unchanged in this one.
    pub fn keep_whole_records(&self, earlier: &Catalog) {
        let earlier_files: Vec<Arc<Vec<Person>>> = earlier
            .details
            .lock()
            .map(|files| files.iter().map(|(_, people)| Arc::clone(people)).collect())
            .unwrap_or_default();
        let at_hand = earlier
            .dataset
            .people
            .iter()
            .filter(|_| earlier.detail == Detail::Inline)
            .chain(earlier_files.iter().flat_map(|file| file.iter()));
        let kept = whole_records_to_keep(&earlier.dataset, at_hand, &self.dataset, &self.detail);
        if let Ok(mut files) = self.details.lock() {
            for (path, people) in kept {
                if !files.iter().any(|(file, _)| *file == path) {
                    files.push((path, Arc::new(people)));
                }
            }
        }
    }

    /// The whole record of the person at `position`, downloading its detail file if need be.
    ///
    /// # Errors
    /// Why the detail file could not be had, or that it does not hold the person.
    pub async fn person(&self, position: usize) -> Result<Person, Failure> {
        if let Some(person) = self.person_at_hand(position) {
            return Ok(person);
        }
        let Some(path) = self.detail.file(position) else {
            return Err(Failure::Data(LoadError::MissingDetail));
        };
        let folder = self
            .list_url
            .rfind('/')
            .map_or("", |end| &self.list_url[..=end]);
        let text = download(&format!("{folder}{path}")).await?;
        let people = load(&text).map_err(Failure::Data)?.dataset.people;
        if let Ok(mut details) = self.details.lock() {
            details.retain(|(file, _)| *file != path);
            details.push((path, Arc::new(people)));
        }
        self.person_at_hand(position)
            .ok_or(Failure::Data(LoadError::MissingDetail))
    }
}

/// A try failed and another will follow: what the loading view tells the visitor.
#[derive(Clone, Debug, PartialEq)]
pub struct Retrying {
    /// The try about to start (2 or 3).
    pub next_attempt: u32,
    /// Why the last try failed.
    pub failure: Failure,
}

/// Where a download stands (whatever is on screen meanwhile).
#[derive(Clone, Debug, PartialEq)]
pub enum Fetch {
    /// Nothing is being downloaded.
    Idle,
    /// A download is under way.
    Running,
    /// A try failed; the next follows shortly.
    Retrying(Retrying),
    /// The list has arrived and is being read: only the device is slow now, not the network.
    Reading,
}

/// Whether a good dataset is kept in the browser for when the next load fails.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Keep {
    /// The campaign site: keep the last good copy and fall back to it.
    LastGoodCopy,
    /// A widget on a partner's page, which stores nothing.
    Nothing,
}

/// Downloads and loads the list at `url`, trying again after transient failures, telling
/// `on_step` where it stands (retrying, reading), and, if `keep` says so, falls back to the copy
/// this browser saved after an earlier success.
pub async fn fetch_catalog(
    url: &str,
    keep: Keep,
    on_step: impl Fn(Fetch),
) -> Result<Catalog, Failure> {
    let mut tries = 0;
    let failure = loop {
        tries += 1;
        let failure = match download(url).await {
            Ok(text) => {
                on_step(Fetch::Reading);
                match read_catalog(text, url, keep).await {
                    Ok(catalog) => return Ok(catalog),
                    Err(error) => Failure::Data(error),
                }
            }
            Err(failure) => failure,
        };
        match fetch::retry_delay_ms(tries, &failure) {
            Some(delay) => {
                on_step(Fetch::Retrying(Retrying {
                    next_attempt: tries + 1,
                    failure,
                }));
                TimeoutFuture::new(delay).await;
            }
            None => break failure,
        }
    };
    if keep == Keep::Nothing {
        return Err(failure);
    }
    match saved_catalog(url).await {
        Some(mut catalog) => {
            if let Some(saved) = &mut catalog.saved {
                saved.failure = Some(failure);
            }
            Ok(catalog)
        }
        None => Err(failure),
    }
}

/// The list at `url` as this browser saved it after an earlier success, if it kept one that
/// this version of the app can read.
pub async fn saved_catalog(url: &str) -> Option<Catalog> {
    let (text, saved_at_ms) = saved::read(url).await?;
    let catalog = read_catalog(text, url, Keep::Nothing).await.ok()?;
    Some(Catalog {
        saved: Some(SavedCopy {
            saved_at_ms,
            failure: None,
        }),
        ..catalog
    })
}

/// Reads and indexes the list file `text` downloaded from `url`, a slice of records at a time
/// so the page can paint and answer input meanwhile (`wjc_core::pace`), and keeps the text as the
/// saved copy if `keep` says so.
async fn read_catalog(text: String, url: &str, keep: Keep) -> Result<Catalog, LoadError> {
    let mut pause = FramePause::starting_now();
    let list = read_list_paced(&text, &mut pause).await?;
    // Read, the text goes (into the saved copy, if `keep` says so) before the index is built:
    // WebAssembly's memory never shrinks, so the two would otherwise add up in it for good.
    match keep {
        Keep::LastGoodCopy => saved::store(url, text),
        Keep::Nothing => drop(text),
    }
    let index = Index::build(&list.loaded.dataset, &mut pause).await;
    Ok(Catalog::new(list, index, url))
}

/// Downloads and reads a lean list's first page (one try, no saved copy: the list itself
/// follows).
pub async fn fetch_first_page(url: &str) -> Option<Catalog> {
    let text = download(url).await.ok()?;
    read_catalog(text, url, Keep::Nothing)
        .await
        .ok()
        .filter(|c| c.extent != Extent::Whole)
}

/// Aborts the request when dropped before [`AbortOnDrop::finished`], so a refused or failed
/// download stops using the network.
struct AbortOnDrop {
    controller: web_sys::AbortController,
    finished: bool,
}

impl AbortOnDrop {
    /// The body is in whole: nothing to abort. (Aborting anyway cost several milliseconds of the
    /// main thread per download, in the browser's abort steps.)
    fn finished(mut self) {
        self.finished = true;
    }
}

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if !self.finished {
            self.controller.abort();
        }
    }
}

/// One try at `url` (the dataset, or any other file the app fetches): the body as text, or why
/// not, with the same timeouts, size cap and content-type check for every file.
pub async fn download(url: &str) -> Result<String, Failure> {
    let controller = web_sys::AbortController::new().map_err(|_| Failure::Unreachable)?;
    let signal = controller.signal();
    let guard = AbortOnDrop {
        controller,
        finished: false,
    };
    // Which watchdog aborted the request, if one did.
    let timed_out: Rc<Cell<Option<Failure>>> = Rc::default();
    let watchdog = |seconds: u32, failure: Failure| {
        let (controller, timed_out) = (guard.controller.clone(), Rc::clone(&timed_out));
        Timeout::new(seconds * 1000, move || {
            timed_out.set(Some(failure));
            controller.abort();
        })
    };
    let failed = |otherwise: Failure| timed_out.take().unwrap_or(otherwise);

    let answer = watchdog(ANSWER_TIMEOUT_SECONDS, Failure::NoAnswer);
    let response = Request::get(url)
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(|_| {
            failed(if leptos::prelude::window().navigator().on_line() {
                Failure::Unreachable
            } else {
                Failure::Offline
            })
        })?;
    drop(answer);
    if response.status() != 200 {
        return Err(Failure::Http(response.status()));
    }
    let headers = response.headers();
    fetch::check_content_type(headers.get("content-type").as_deref())?;
    let announced = fetch::check_content_length(headers.get("content-length").as_deref())?;

    let Some(body) = response.body() else {
        return fetch::decode(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::with_capacity(announced.unwrap_or(0));
    loop {
        // Re-armed for every chunk: a slow download goes on, a silent one ends.
        let _stall = watchdog(STALL_TIMEOUT_SECONDS, Failure::Stalled);
        let read = JsFuture::from(reader.read())
            .await
            .map_err(|_| failed(Failure::CutOff))?;
        let read: web_sys::ReadableStreamReadResult = read.unchecked_into();
        if read.get_done().unwrap_or(true) {
            break;
        }
        let chunk: js_sys::Uint8Array = read.get_value().dyn_into().map_err(|_| Failure::CutOff)?;
        let start = bytes.len();
        let length = usize::try_from(chunk.length()).map_err(|_| Failure::TooLarge)?;
        fetch::check_received(start.saturating_add(length))?;
        bytes.resize(start + length, 0);
        chunk.copy_to(&mut bytes[start..]);
    }
    guard.finished();
    fetch::decode(bytes)
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;
    use wjc_core::compiled::{compile, Compiled};
    use wjc_core::{read_list, Status};

    use super::*;

    /// The shipped dataset's people three times over (new ids), compiled into a lean list.
    fn lean() -> (Dataset, Compiled) {
        let mut dataset = wjc_core::load(include_str!("../assets/data/prisoners.json"))
            .expect("the shipped dataset loads")
            .dataset;
        let people = dataset.people.clone();
        for round in 1..3 {
            dataset.people.extend(people.iter().map(|p| Person {
                id: format!("{}-{round}", p.id),
                ..p.clone()
            }));
        }
        let compiled = compile(&dataset);
        (dataset, compiled)
    }

    fn catalog(text: &str, url: &str) -> Catalog {
        let list = read_list(text).expect("the compiled file reads");
        let index = Index::new(&list.loaded.dataset);
        Catalog::new(list, index, url)
    }

    #[wasm_bindgen_test]
    fn the_list_keeps_the_first_pages_whole_records_of_the_same_edition() {
        let (_, compiled) = lean();
        let first = catalog(compiled.first.as_deref().unwrap(), "data/first.json");
        let opening = &first.dataset.people[0];
        let list = catalog(&compiled.list, "data/list.json");
        let at = list.position(&opening.id).unwrap();
        assert_eq!(list.person_at_hand(at), None, "lean until kept");
        list.keep_whole_records(&first);
        assert_eq!(list.person_at_hand(at).as_ref(), Some(opening));
        // Someone else in the same detail file still needs the file.
        let neighbour = (0..list.dataset.people.len())
            .find(|&p| {
                list.detail.file(p) == list.detail.file(at)
                    && first.position(&list.dataset.people[p].id).is_none()
            })
            .unwrap();
        assert_eq!(list.person_at_hand(neighbour), None);
    }

    #[wasm_bindgen_test]
    fn changed_people_and_other_editions_are_not_kept() {
        let (mut dataset, compiled) = lean();
        let first = catalog(compiled.first.as_deref().unwrap(), "data/first.json");
        let opening = first.dataset.people[0].id.clone();
        let moved = dataset.people.iter_mut().find(|p| p.id == opening).unwrap();
        moved.status = if moved.status == Status::Released {
            Status::Detained
        } else {
            Status::Released
        };
        let changed = catalog(&compile(&dataset).list, "data/list.json");
        changed.keep_whole_records(&first);
        assert_eq!(
            changed.person_at_hand(changed.position(&opening).unwrap()),
            None
        );

        dataset.title.push_str(" (new edition)");
        let other = catalog(&compile(&dataset).list, "data/list.json");
        other.keep_whole_records(&first);
        let second = first.dataset.people[1].id.clone();
        assert_eq!(other.person_at_hand(other.position(&second).unwrap()), None);
    }
}

thread_local! {
    /// The catalogues downloaded so far: switching back to a language costs no request.
    static CATALOGUES: std::cell::RefCell<Vec<Rc<wjc_core::i18n::catalogue::Catalogue>>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The messages of `lang` from the site at `site` (its address, ending in `/`), downloaded once.
pub async fn fetch_catalogue(
    site: &str,
    lang: wjc_core::i18n::Lang,
) -> Result<Rc<wjc_core::i18n::catalogue::Catalogue>, Failure> {
    use wjc_core::i18n::catalogue::Catalogue;
    if let Some(kept) = CATALOGUES.with(|c| c.borrow().iter().find(|c| c.lang == lang).cloned()) {
        return Ok(kept);
    }
    let text = download(&format!("{site}{}", lang.catalogue_path())).await?;
    let (catalogue, _) = Catalogue::parse(lang, &text).map_err(|_| Failure::NotText)?;
    let catalogue = Rc::new(catalogue);
    CATALOGUES.with(|c| c.borrow_mut().push(Rc::clone(&catalogue)));
    Ok(catalogue)
}

/// The people's summaries translated into `lang`, by id, from the site at `site`; none when the
/// file is missing or cannot be read (the records' own summaries are shown instead).
pub async fn fetch_translations(
    site: &str,
    lang: wjc_core::i18n::Lang,
) -> wjc_core::compiled::Translations {
    let url = format!("{site}{}", wjc_core::compiled::translations_path(lang));
    match download(&url).await {
        Ok(text) => wjc_core::compiled::read_translations(lang, &text),
        Err(_) => wjc_core::compiled::Translations::default(),
    }
}
